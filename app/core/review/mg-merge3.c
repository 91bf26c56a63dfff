/* mg-merge3.c: a three-way merge of datasets, as version control needs
 *
 * Git hands a merge driver three versions of a file: the common ancestor
 * (base), ours and theirs. Merging them as text breaks the JSON as soon as
 * two annotators touch the same document; merging them as datasets keeps
 * both annotators' work: documents pair by id and text, spans and
 * relations by id (mg-merge3-spans.c), labels by id. What cannot be
 * settled is marked in the result, which stays a valid dataset, so the
 * window can list it for review.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-merge3"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mg-merge3-private.h"
#include "mg-scheme.h"

gboolean
_mg_json_objects_equal (JsonObject *a,
                        JsonObject *b)
{
  g_autoptr(JsonNode) x = NULL;
  g_autoptr(JsonNode) y = NULL;

  if (a == NULL || json_object_get_size (a) == 0)
    return b == NULL || json_object_get_size (b) == 0;
  if (b == NULL)
    return FALSE;
  x = json_node_init_object (json_node_alloc (), a);
  y = json_node_init_object (json_node_alloc (), b);
  return json_node_equal (x, y);
}

/* Two members, either of which may be missing, compared; the merges of
 * whole members and of attribute values both go by it. */
gboolean
_mg_json_nodes_equal (JsonNode *a,
                      JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

/* A member of an object that may be missing itself. */
JsonNode *
_mg_json_member (JsonObject *object,
                 const char *name)
{
  return object != NULL ? json_object_get_member (object, name) : NULL;
}

/**
 * _mg_merge3_pick:
 * @clash: set to whether both sides changed the value, differently
 *
 * The three-way rule for one value, the same for a member of a document
 * and for an attribute or a code: what one side changed is taken, the
 * same change on both sides is one, and on a clash ours is kept.
 *
 * Returns: (transfer none) (nullable): the value the merge keeps, %NULL
 *   for none
 */
JsonNode *
_mg_merge3_pick (JsonNode *base,
                 JsonNode *ours,
                 JsonNode *theirs,
                 gboolean *clash)
{
  *clash = FALSE;
  if (_mg_json_nodes_equal (base, ours) && !_mg_json_nodes_equal (base, theirs))
    return theirs;
  if (!_mg_json_nodes_equal (ours, theirs) && !_mg_json_nodes_equal (base, theirs))
    *clash = TRUE;
  return ours;
}

/**
 * _mg_merge3_member_names:
 *
 * Returns: (transfer container): the names of the members of ours, then
 *   those only theirs has, then those only the ancestor has (which one
 *   side may have removed); the strings belong to the objects
 */
GPtrArray *
_mg_merge3_member_names (JsonObject *base,
                         JsonObject *ours,
                         JsonObject *theirs)
{
  JsonObject *sides[] = { ours, theirs, base };
  GPtrArray *names = g_ptr_array_new ();

  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      g_autoptr(GList) members = sides[s] != NULL ? json_object_get_members (sides[s]) : NULL;

      for (GList *l = members; l != NULL; l = l->next)
        if (!g_ptr_array_find_with_equal_func (names, l->data, g_str_equal, NULL))
          g_ptr_array_add (names, l->data);
    }
  return names;
}

static gboolean
array_has (JsonNode *array,
           JsonNode *element)
{
  JsonArray *a = array != NULL && JSON_NODE_HOLDS_ARRAY (array) ? json_node_get_array (array) : NULL;

  for (guint i = 0; a != NULL && i < json_array_get_length (a); i++)
    if (json_node_equal (json_array_get_element (a, i), element))
      return TRUE;
  return FALSE;
}

static gint64
entry_int (JsonNode   *entry,
           const char *name)
{
  JsonNode *n = JSON_NODE_HOLDS_OBJECT (entry) ? json_object_get_member (json_node_get_object (entry), name) : NULL;

  return n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_INT64
    ? json_node_get_int (n) : -1;
}

static int
compare_rejections (gconstpointer a,
                    gconstpointer b)
{
  JsonNode *x = *(JsonNode **)a, *y = *(JsonNode **)b;
  gint64 d = entry_int (x, "start") - entry_int (y, "start");
  JsonNode *lx, *ly;

  if (d == 0)
    d = entry_int (x, "end") - entry_int (y, "end");
  if (d != 0)
    return d < 0 ? -1 : 1;
  lx = JSON_NODE_HOLDS_OBJECT (x) ? json_object_get_member (json_node_get_object (x), "label") : NULL;
  ly = JSON_NODE_HOLDS_OBJECT (y) ? json_object_get_member (json_node_get_object (y), "label") : NULL;
  return g_strcmp0 (lx && JSON_NODE_HOLDS_VALUE (lx) ? json_node_get_string (lx) : NULL,
                    ly && JSON_NODE_HOLDS_VALUE (ly) ? json_node_get_string (ly) : NULL);
}

/* A document's rejected suggestions are a set each annotator adds to: both
 * sides' rejections are kept, less those one side took back (undo), sorted
 * by (start, end, label) as the writer expects. Anything but arrays is left
 * to the member-as-a-whole rule. */
static JsonNode *
merge_rejections (JsonNode *b,
                  JsonNode *o,
                  JsonNode *t)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  JsonNode *sides[2] = { o, t };
  JsonArray *array;
  JsonNode *node;

  for (guint s = 0; s < 2; s++)
    {
      JsonArray *side = json_node_get_array (sides[s]);

      for (guint i = 0; i < json_array_get_length (side); i++)
        {
          JsonNode *e = json_array_get_element (side, i);
          gboolean in_base = array_has (b, e), in_other = array_has (sides[1 - s], e);

          if ((in_other || !in_base) &&
              !g_ptr_array_find_with_equal_func (kept, e, (GEqualFunc) json_node_equal, NULL))
            g_ptr_array_add (kept, e);
        }
    }
  g_ptr_array_sort (kept, compare_rejections);
  array = json_array_sized_new (kept->len);
  for (guint i = 0; i < kept->len; i++)
    json_array_add_element (array, json_node_copy (kept->pdata[i]));
  /* The node takes the array: json_node_init_array() would add a
   * reference of its own. */
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  return node;
}

/* One member of a JSON object, merged as a whole; a clash keeps ours. */
static void
merge_member (JsonObject *result,
              const char *name,
              JsonObject *base,
              JsonObject *ours,
              JsonObject *theirs,
              GPtrArray  *clashes)
{
  JsonNode *b = _mg_json_member (base, name), *o = _mg_json_member (ours, name), *t = _mg_json_member (theirs, name);
  JsonNode *take;
  gboolean clash;

  if (strcmp (name, "rejected_suggestions") == 0 && !_mg_json_nodes_equal (o, t) &&
      (o == NULL || JSON_NODE_HOLDS_ARRAY (o)) && (t == NULL || JSON_NODE_HOLDS_ARRAY (t)) &&
      (b == NULL || JSON_NODE_HOLDS_ARRAY (b)))
    {
      g_autoptr(JsonNode) empty = json_node_new (JSON_NODE_ARRAY);
      g_autoptr(JsonNode) merged = NULL;

      json_node_take_array (empty, json_array_new ());
      merged = merge_rejections (b, o ? o : empty, t ? t : empty);

      if (json_array_get_length (json_node_get_array (merged)) > 0)
        json_object_set_member (result, name, g_steal_pointer (&merged));
      return;
    }
  take = _mg_merge3_pick (b, o, t, &clash);
  if (clash)
    g_ptr_array_add (clashes, g_strdup (name));
  if (take != NULL)
    json_object_set_member (result, name, json_node_copy (take));
}

/* Merges unknown members, meta and the like member by member: ours, then
 * theirs, then the ancestor's (which one side may have removed). */
static JsonObject *
merge_objects (JsonObject *base,
               JsonObject *ours,
               JsonObject *theirs,
               GPtrArray  *clashes)
{
  g_autoptr(GPtrArray) names = _mg_merge3_member_names (base, ours, theirs);
  JsonObject *result = json_object_new ();

  for (guint i = 0; i < names->len; i++)
    merge_member (result, names->pdata[i], base, ours, theirs, clashes);
  return result;
}

static JsonObject *
merge_objects_noting (JsonObject  *base,
                      JsonObject  *ours,
                      JsonObject  *theirs,
                      const char  *where,
                      MgMerge3Log *log)
{
  g_autoptr(GPtrArray) clashes = g_ptr_array_new_with_free_func (g_free);
  JsonObject *result = merge_objects (base, ours, theirs, clashes);

  for (guint i = 0; i < clashes->len; i++)
    /* TRANSLATORS: "DOCUMENT: “MEMBER” changed on both sides: ours kept" */
    g_ptr_array_add (log->notices, g_strdup_printf (_("%s: “%s” changed on both sides: ours kept"),
                                                    where, (char *)clashes->pdata[i]));
  return result;
}

/* A string field: the side that changed it, ours on a clash. */
static const char *
merge_string (const char  *base,
              const char  *ours,
              const char  *theirs,
              const char  *where,
              const char  *field,
              MgMerge3Log *log)
{
  if (g_strcmp0 (base, ours) == 0)
    return theirs;
  if (g_strcmp0 (base, theirs) != 0 && g_strcmp0 (ours, theirs) != 0)
    g_ptr_array_add (log->notices, g_strdup_printf (_("%s: “%s” changed on both sides: ours kept"),
                                                    where, field));
  return ours;
}

static JsonObject *
source_extra (MgDocument *doc)
{
  return doc != NULL ? mg_document_get_source_extra (doc) : NULL;
}

static JsonObject *
meta (MgDocument *doc)
{
  return doc != NULL ? mg_document_get_meta (doc) : NULL;
}

#define FIELD(doc, getter) ((doc) != NULL ? getter (doc) : NULL)

/* The unknown members but the codes, which merge one by one. */
static JsonObject *
without_codes (MgDocument *doc)
{
  return doc != NULL ? _mg_merge3_with_values (mg_document_get_extra (doc), "codes", NULL) : NULL;
}

static JsonObject *
codes_of (MgDocument *doc)
{
  return doc != NULL ? mg_document_get_codes (doc) : NULL;
}

/* A document's codes, each on its own: a different change on both sides
 * is a conflict, ours kept. */
static void
merge_codes (MgDocument  *b,
             MgDocument  *o,
             MgDocument  *t,
             MgDocument  *result,
             MgMerge3Log *log)
{
  g_autoptr(GPtrArray) clashes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonObject) codes = _mg_merge3_values (codes_of (b), codes_of (o), codes_of (t), clashes);

  if (codes != NULL)
    {
      g_autoptr(JsonObject) x = _mg_merge3_with_values (mg_document_get_extra (result), "codes", codes);

      mg_document_set_extra (result, x);
    }
  for (guint i = 0; i < clashes->len; i++)
    _mg_merge3_value_conflict (result, log, MG_CONFLICT_CODE_BOTH, NULL, NULL,
                               g_ptr_array_index (clashes, i),
                               mg_document_get_code (o, g_ptr_array_index (clashes, i)),
                               mg_document_get_code (t, g_ptr_array_index (clashes, i)));
}

/* The title, source, meta and unknown members of a document. When a side
 * is missing the other stands in for it, so its values are taken. */
static void
merge_fields (MgDocument  *b,
              MgDocument  *o,
              MgDocument  *t,
              MgDocument  *result,
              MgMerge3Log *log)
{
  const char *id = mg_document_get_id (result);
  g_autoptr(JsonObject) source = NULL;
  g_autoptr(JsonObject) m = NULL;
  g_autoptr(JsonObject) x = NULL;

  if (o == NULL)
    o = t;
  if (t == NULL)
    t = o;
  mg_document_set_title (result, merge_string (FIELD (b, mg_document_get_title),
                                               mg_document_get_title (o),
                                               mg_document_get_title (t), id, "title", log));
  mg_document_set_source_path (result, merge_string (FIELD (b, mg_document_get_source_path),
                                                     mg_document_get_source_path (o),
                                                     mg_document_get_source_path (t),
                                                     id, "source.path", log));
  mg_document_set_media_type (result, merge_string (FIELD (b, mg_document_get_media_type),
                                                    mg_document_get_media_type (o),
                                                    mg_document_get_media_type (t),
                                                    id, "source.media_type", log));
  source = merge_objects_noting (source_extra (b), source_extra (o), source_extra (t), id, log);
  m = merge_objects_noting (meta (b), meta (o), meta (t), id, log);
  {
    g_autoptr(JsonObject) xb = without_codes (b);
    g_autoptr(JsonObject) xo = without_codes (o);
    g_autoptr(JsonObject) xt = without_codes (t);

    x = merge_objects_noting (xb, xo, xt, id, log);
  }
  mg_document_set_source_extra (result, json_object_get_size (source) > 0 ? source : NULL);
  mg_document_set_meta (result, m);
  mg_document_set_extra (result, json_object_get_size (x) > 0 ? x : NULL);
  merge_codes (b, o, t, result, log);
}

/**
 * mg_document_get_conflicts:
 * @document: a document
 *
 * The conflicts a three-way merge marked in @document, as objects with the
 * members "id", "kind" (one of the MG_CONFLICT_ kinds), "base", "ours" and
 * "theirs" (annotation ids or null) and, for a note, "theirs_note". A
 * resolver removes an entry once it is settled, and the member when none is
 * left.
 *
 * Returns: (transfer none) (nullable): the array, or %NULL when there is none
 */
JsonArray *
mg_document_get_conflicts (MgDocument *document)
{
  JsonObject *x;
  JsonNode *node;

  g_return_val_if_fail (MG_IS_DOCUMENT (document), NULL);

  x = mg_document_get_extra (document);
  node = x != NULL ? json_object_get_member (x, MG_CONFLICTS_MEMBER) : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

/* The first "cN" no conflict of the document uses. */
static char *
next_conflict_id (JsonArray *conflicts)
{
  guint next = 1;

  for (guint i = 0; i < json_array_get_length (conflicts); i++)
    {
      JsonNode *node = json_array_get_element (conflicts, i);
      const char *id;
      guint64 n;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      id = json_object_get_string_member_with_default (json_node_get_object (node), "id", "");
      if (id[0] == 'c' && g_ascii_string_to_unsigned (id + 1, 10, 1, G_MAXUINT - 1, &n, NULL) &&
          n + 1 > next)
        next = (guint)n + 1;
    }
  return g_strdup_printf ("c%u", next);
}

void
_mg_merge3_add_conflict (MgDocument *result,
                         JsonObject *conflict)
{
  JsonArray *conflicts = mg_document_get_conflicts (result);
  g_autofree char *id = NULL;

  if (conflicts == NULL)
    {
      g_autoptr(JsonObject) x = mg_document_get_extra (result) != NULL
                                ? json_object_ref (mg_document_get_extra (result))
                                : json_object_new ();

      json_object_set_array_member (x, MG_CONFLICTS_MEMBER, json_array_new ());
      mg_document_set_extra (result, x);
      conflicts = mg_document_get_conflicts (result);
    }
  id = next_conflict_id (conflicts);
  json_object_set_string_member (conflict, "id", id);
  json_array_add_object_element (conflicts, json_object_ref (conflict));
}

GHashTable *
_mg_documents_by_sha (MgDataset *dataset)
{
  GHashTable *by_sha = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; dataset != NULL && i < mg_dataset_get_n_documents (dataset); i++)
    {
      MgDocument *doc = mg_dataset_get_document (dataset, i);

      if (!g_hash_table_contains (by_sha, mg_document_get_text_sha256 (doc)))
        g_hash_table_insert (by_sha, (char *)mg_document_get_text_sha256 (doc), doc);
    }
  return by_sha;
}

/* The document of @in that describes the same article as @doc: the one
 * with its id when the texts agree, else the first with its text. One
 * already paired (in @taken) is not paired again. */
MgDocument *
_mg_counterpart (MgDataset  *in,
                 GHashTable *by_sha,
                 GHashTable *taken,
                 MgDocument *doc)
{
  MgDocument *other;

  if (in == NULL)
    return NULL;
  other = mg_dataset_lookup_document (in, mg_document_get_id (doc));
  if (other == NULL || g_strcmp0 (mg_document_get_text_sha256 (other),
                                   mg_document_get_text_sha256 (doc)) != 0)
    other = g_hash_table_lookup (by_sha, mg_document_get_text_sha256 (doc));
  if (other == NULL || (taken != NULL && g_hash_table_contains (taken, other)))
    return NULL;
  if (taken != NULL)
    g_hash_table_add (taken, other);
  return other;
}

static gboolean
relations_same (MgAnnotationStore *a,
                MgAnnotationStore *b)
{
  if (mg_annotation_store_get_n_relations (a) != mg_annotation_store_get_n_relations (b))
    return FALSE;
  for (guint i = 0; i < mg_annotation_store_get_n_relations (a); i++)
    {
      MgRelation *r = mg_annotation_store_get_relation (a, i);
      MgRelation *s = mg_annotation_store_lookup_relation (b, mg_relation_get_id (r));

      if (s == NULL || !_mg_relations_same (r, s))
        return FALSE;
    }
  return TRUE;
}

/* Whether a side changed a document the other side deleted. */
static gboolean
document_changed (MgDocument *base,
                  MgDocument *side)
{
  MgAnnotationStore *a = mg_document_get_store (base), *b = mg_document_get_store (side);

  if (g_strcmp0 (mg_document_get_title (base), mg_document_get_title (side)) != 0 ||
      !_mg_json_objects_equal (mg_document_get_meta (base), mg_document_get_meta (side)) ||
      !_mg_json_objects_equal (mg_document_get_extra (base), mg_document_get_extra (side)) ||
      mg_annotation_store_get_n_annotations (a) != mg_annotation_store_get_n_annotations (b) ||
      !relations_same (a, b))
    return TRUE;
  for (guint i = 0; i < mg_annotation_store_get_n_annotations (a); i++)
    {
      MgAnnotation *x = mg_annotation_store_get_annotation (a, i);
      MgAnnotation *y = mg_annotation_store_lookup (b, mg_annotation_get_id (x));

      if (y == NULL || !_mg_annotations_same (x, y))
        return TRUE;
    }
  return FALSE;
}

static void
document_conflict (MgDocument  *result,
                   const char  *kind,
                   MgMerge3Log *log)
{
  g_autoptr(JsonObject) c = json_object_new ();

  json_object_set_string_member (c, "kind", kind);
  json_object_set_null_member (c, "base");
  json_object_set_null_member (c, "ours");
  json_object_set_null_member (c, "theirs");
  _mg_merge3_add_conflict (result, c);
  g_ptr_array_add (log->conflicts,
                   g_strdup_printf (g_str_equal (kind, MG_CONFLICT_DOCUMENT_DELETED_CHANGED)
                                    ? _("%s: document deleted on our side, changed on theirs")
                                    : _("%s: document changed on our side, deleted on theirs"),
                                    mg_document_get_id (result)));
}

/* Merges one article; %NULL with no error when the merge deletes it. */
static MgDocument *
merge_document (MgDocument  *b,
                MgDocument  *o,
                MgDocument  *t,
                const char  *id,
                MgMerge3Log *log,
                GError     **error)
{
  MgDocument *any = o != NULL ? o : t;
  g_autoptr(MgDocument) result = NULL;
  const char *kind = NULL;

  if (b != NULL && (o == NULL || t == NULL))
    {
      if (!document_changed (b, any))
        return NULL;
      kind = o == NULL ? MG_CONFLICT_DOCUMENT_DELETED_CHANGED : MG_CONFLICT_DOCUMENT_CHANGED_DELETED;
      b = NULL;
    }

  result = mg_document_new (id, mg_document_get_text (any), mg_document_get_text_bytes (any));
  merge_fields (b, o, t, result, log);
  if (!_mg_merge3_spans (b, o, t, result, log, error))
    return NULL;
  if (kind != NULL)
    document_conflict (result, kind, log);
  return g_steal_pointer (&result);
}

typedef struct
{
  MgDataset   *base, *ours, *theirs, *result;
  GHashTable  *base_sha, *theirs_sha;
  GHashTable  *base_taken, *theirs_taken;
  MgMerge3Log  log;
} Merge3;

static gboolean
add_merged (Merge3      *m,
            MgDocument  *b,
            MgDocument  *o,
            MgDocument  *t,
            GError     **error)
{
  g_autofree char *id = mg_dataset_unique_id (m->result, mg_document_get_id (o != NULL ? o : t));
  g_autoptr(GError) local = NULL;
  g_autoptr(MgDocument) doc = merge_document (b, o, t, id, &m->log, &local);

  if (local != NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s: ", id);
      return FALSE;
    }
  if (doc != NULL)
    mg_dataset_add_document (m->result, doc);
  return TRUE;
}

/* Ours in our order, then those only theirs has, in theirs. */
static gboolean
merge_documents (Merge3  *m,
                 GError **error)
{
  for (guint i = 0; i < mg_dataset_get_n_documents (m->ours); i++)
    {
      MgDocument *o = mg_dataset_get_document (m->ours, i);
      MgDocument *b = _mg_counterpart (m->base, m->base_sha, m->base_taken, o);
      MgDocument *t = _mg_counterpart (m->theirs, m->theirs_sha, m->theirs_taken, o);

      if (!add_merged (m, b, o, t, error))
        return FALSE;
    }
  for (guint i = 0; i < mg_dataset_get_n_documents (m->theirs); i++)
    {
      MgDocument *t = mg_dataset_get_document (m->theirs, i);

      if (g_hash_table_contains (m->theirs_taken, t))
        continue;
      if (!add_merged (m, _mg_counterpart (m->base, m->base_sha, m->base_taken, t), NULL, t, error))
        return FALSE;
    }
  return TRUE;
}

static void
merge3_clear (Merge3 *m)
{
  g_hash_table_unref (m->base_sha);
  g_hash_table_unref (m->theirs_sha);
  g_hash_table_unref (m->base_taken);
  g_hash_table_unref (m->theirs_taken);
}

/**
 * mg_merge3_datasets:
 * @base: (nullable): the common ancestor, or %NULL when the file was
 *   added on both sides
 * @ours: our version, which wins what is settled by rule
 * @theirs: their version
 * @conflicts: (element-type utf8): receives one line per conflict marked
 *   in the result, such as "doc: a3 changed on both sides: ours …, theirs …"
 * @notices: (element-type utf8): receives one line per clash settled by
 *   taking ours (a label, a title, a member of meta)
 * @error: a fault of the merge itself
 *
 * Merges what both sides did since @base. Documents pair by id and text
 * (a document both sides imported is one), spans and relations by id,
 * labels by id. What one side changed is taken; spans both sides added are
 * all kept (one when they are the same span); a span changed differently
 * on both sides, or deleted on one and changed on the other, is kept in
 * both versions and marked in its document's "conflicts" member, as is a
 * note changed on both sides (see mg_document_get_conflicts()). The
 * result's annotator is ours'.
 *
 * Returns: (transfer full) (nullable): the merged dataset, valid whatever
 *   the conflicts, or %NULL with @error set
 */
MgDataset *
mg_merge3_datasets (MgDataset  *base,
                    MgDataset  *ours,
                    MgDataset  *theirs,
                    GPtrArray  *conflicts,
                    GPtrArray  *notices,
                    GError    **error)
{
  g_autoptr(MgLabelSet) labels = mg_label_set_new ();
  g_autoptr(MgDataset) result = mg_dataset_new_with_labels (labels);
  g_autoptr(JsonObject) x = NULL;
  Merge3 m = { base, ours, theirs, result };
  gboolean ok;

  g_return_val_if_fail (base == NULL || MG_IS_DATASET (base), NULL);
  g_return_val_if_fail (MG_IS_DATASET (ours), NULL);
  g_return_val_if_fail (MG_IS_DATASET (theirs), NULL);
  g_return_val_if_fail (conflicts != NULL && notices != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  m.base_sha = _mg_documents_by_sha (base);
  m.theirs_sha = _mg_documents_by_sha (theirs);
  m.base_taken = g_hash_table_new (NULL, NULL);
  m.theirs_taken = g_hash_table_new (NULL, NULL);
  m.log.conflicts = conflicts;
  m.log.notices = notices;

  mg_dataset_set_annotator (result, mg_dataset_get_annotator (ours));
  x = merge_objects_noting (base != NULL ? mg_dataset_get_extra (base) : NULL,
                            mg_dataset_get_extra (ours), mg_dataset_get_extra (theirs),
                            "dataset", &m.log);
  mg_dataset_set_extra (result, json_object_get_size (x) > 0 ? x : NULL);
  ok = merge_documents (&m, error);
  if (ok)
    _mg_merge3_labels (base, ours, theirs, result, &m.log);
  merge3_clear (&m);
  return ok ? g_steal_pointer (&result) : NULL;
}
