/* mg-merge.c: a gold dataset from several annotators' datasets
 *
 * The gold dataset has the documents every input has, in the order of the
 * first, and in each the spans enough annotators share exactly. Anything
 * not kept is described in a line of @unresolved, so that a curator can
 * settle it by hand: a merge never loses a span silently. A kept span's
 * attributes, and a document's codes, are voted on one by one by the same
 * rule, and a value not carried is such a line too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-merge"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mg-agreement.h"
#include "mg-merge.h"
#include "mg-merge3-private.h"
#include "mg-scheme.h"

/* One span (or relation) and which annotators have it. */
typedef struct
{
  char          *key;
  MgAnnotation **copies;      /* one per annotator, NULL where absent */
  MgRelation   **relations;   /* the same, for a relation */
  char          *description;
  guint          votes;
} Vote;

typedef struct
{
  GPtrArray  *names;
  GPtrArray  *unresolved;
  guint       n;
  MgMergeStrategy strategy;
} Merge;

static void
vote_free (gpointer data)
{
  Vote *v = data;

  g_free (v->key);
  g_free (v->description);
  g_free (v->copies);
  g_free (v->relations);
  g_free (v);
}

static gboolean
carried (Merge *merge,
         guint  votes)
{
  if (merge->strategy == MG_MERGE_UNANIMOUS)
    return votes == merge->n;
  return 2 * votes > merge->n;
}

static char *
voters (Merge *merge,
        Vote  *v)
{
  GString *s = g_string_new (NULL);

  for (guint k = 0; k < merge->n; k++)
    if ((v->copies != NULL && v->copies[k] != NULL) ||
        (v->relations != NULL && v->relations[k] != NULL))
      g_string_append_printf (s, "%s%s", s->len > 0 ? ", " : "",
                              (char *)g_ptr_array_index (merge->names, k));
  return g_string_free (s, FALSE);
}

static char *
describe_span (MgAnnotation *a)
{
  return g_strdup_printf ("[%u, %u) %s “%s”", mg_annotation_get_start (a),
                          mg_annotation_get_end (a), mg_annotation_get_label (a),
                          mg_annotation_get_text (a));
}

static MgLabelSet *
merge_labels (MgDataset * const *datasets,
              guint              n)
{
  MgLabelSet *labels = mg_label_set_new ();

  /* The first dataset's labels in its order, then any label only others
   * have, since a majority may keep spans of it. */
  for (guint k = 0; k < n; k++)
    {
      MgLabelSet *set = mg_dataset_get_labels (datasets[k]);

      for (guint i = 0; i < mg_label_set_get_n_labels (set); i++)
        {
          MgLabel *label = mg_label_set_get_label (set, i);
          const char *key = mg_label_get_key (label);
          g_autoptr(MgLabel) copy = NULL;

          if (mg_label_set_lookup (labels, mg_label_get_id (label)) != NULL)
            continue;
          if (key != NULL && *key != '\0' && mg_label_set_lookup_key (labels, key) != NULL)
            key = NULL;
          copy = mg_label_new (mg_label_get_id (label), mg_label_get_name (label),
                               mg_label_get_color (label), key);
          mg_label_set_extra (copy, mg_label_get_extra (label));
          mg_label_set_add (labels, copy);
        }
    }

  return labels;
}

static MgDocument *
copy_document (MgDocument *source)
{
  MgDocument *doc = mg_document_new (mg_document_get_id (source), mg_document_get_text (source),
                                     mg_document_get_text_bytes (source));

  mg_document_set_title (doc, mg_document_get_title (source));
  mg_document_set_source_path (doc, mg_document_get_source_path (source));
  mg_document_set_media_type (doc, mg_document_get_media_type (source));
  mg_document_set_source_extra (doc, mg_document_get_source_extra (source));
  if (mg_document_get_meta (source) != NULL)
    mg_document_set_meta (doc, mg_document_get_meta (source));
  mg_document_set_extra (doc, mg_document_get_extra (source));

  return doc;
}

static JsonObject *vote_values (Merge       *merge,
                                JsonObject **objects,
                                const char  *where,
                                const char  *what);

/* The document's codes, voted on one by one. */
static void
merge_codes (Merge       *merge,
             MgDocument **docs,
             MgDocument  *gold)
{
  g_autofree JsonObject **objects = g_new0 (JsonObject *, merge->n);
  g_autoptr(JsonObject) values = NULL;
  g_autoptr(JsonObject) extra = NULL;

  for (guint k = 0; k < merge->n; k++)
    objects[k] = mg_document_get_codes (docs[k]);
  values = vote_values (merge, objects, mg_document_get_id (gold), _("code"));
  extra = _mg_merge3_with_values (mg_document_get_extra (gold), "codes", values);
  mg_document_set_extra (gold, extra);
}

static char *
span_key (MgAnnotation *a)
{
  return g_strdup_printf ("%010u %010u %s", mg_annotation_get_start (a),
                          mg_annotation_get_end (a), mg_annotation_get_label (a));
}

static int
compare_votes (gconstpointer x,
               gconstpointer y)
{
  const Vote *a = *(Vote * const *)x, *b = *(Vote * const *)y;

  return strcmp (a->key, b->key);
}

/* Notes that differ are all kept, each with its author's name. */
static char *
merge_notes (Merge *merge,
             Vote  *v)
{
  g_autoptr(GPtrArray) distinct = g_ptr_array_new ();
  GString *s = g_string_new (NULL);

  for (guint k = 0; k < merge->n; k++)
    {
      const char *note = v->copies[k] != NULL ? mg_annotation_get_note (v->copies[k]) : NULL;

      if (note != NULL && *note != '\0' &&
          !g_ptr_array_find_with_equal_func (distinct, note, g_str_equal, NULL))
        g_ptr_array_add (distinct, (char *)note);
    }
  if (distinct->len == 1)
    g_string_append (s, distinct->pdata[0]);
  else
    for (guint k = 0; k < merge->n; k++)
      {
        const char *note = v->copies[k] != NULL ? mg_annotation_get_note (v->copies[k]) : NULL;

        if (note != NULL && *note != '\0')
          g_string_append_printf (s, "%s%s: %s", s->len > 0 ? "\n" : "",
                                  (char *)g_ptr_array_index (merge->names, k), note);
      }

  return g_string_free (s, FALSE);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The values the inputs agree on by the merge's rule, of @objects (one
 * per input, NULL where it has none); each value not carried is a line
 * of unresolved naming what each input gave. */
static JsonObject *
vote_values (Merge       *merge,
             JsonObject **objects,
             const char  *where,
             const char  *what)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(JsonObject) result = json_object_new ();

  for (guint k = 0; k < merge->n; k++)
    {
      g_autoptr(GList) members = objects[k] ? json_object_get_members (objects[k]) : NULL;

      for (GList *l = members; l != NULL; l = l->next)
        if (!g_ptr_array_find_with_equal_func (ids, l->data, g_str_equal, NULL))
          g_ptr_array_add (ids, l->data);
    }
  g_ptr_array_sort (ids, compare_ids);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      JsonNode *best = NULL;
      guint best_votes = 0;
      g_autoptr(GString) given = g_string_new (NULL);

      for (guint k = 0; k < merge->n; k++)
        {
          JsonNode *value = objects[k] ? json_object_get_member (objects[k], id) : NULL;
          g_autofree char *text = mg_value_to_string (value);
          guint votes = 0;

          for (guint j = 0; value != NULL && j < merge->n; j++)
            {
              JsonNode *other = objects[j] ? json_object_get_member (objects[j], id) : NULL;

              votes += other != NULL && json_node_equal (value, other);
            }
          if (value != NULL && votes > best_votes)
            {
              best = value;
              best_votes = votes;
            }
          g_string_append_printf (given, "%s%s “%s”", given->len ? ", " : "",
                                  (char *) g_ptr_array_index (merge->names, k), text ? text : "");
        }
      if (best != NULL && carried (merge, best_votes))
        json_object_set_member (result, id, json_node_copy (best));
      else
        /* TRANSLATORS: "DOCUMENT [0, 4) quote “Kaya”: attribute “kind” not agreed: ayse “direct”, bora “partial”" */
        g_ptr_array_add (merge->unresolved, g_strdup_printf (_("%s: %s “%s” not agreed: %s"),
                                                             where, what, id, given->str));
    }
  return json_object_get_size (result) > 0 ? g_steal_pointer (&result) : NULL;
}

static MgAnnotation *
kept_span (Merge      *merge,
           Vote       *v,
           MgDocument *gold)
{
  MgAnnotation *first = NULL;
  const char *created = NULL, *modified = NULL;
  g_autofree char *note = merge_notes (merge, v);
  MgAnnotation *a;

  /* Created when the first annotator made it, modified when the last one
   * touched it: timestamps in the format's ISO 8601 UTC sort as text. */
  for (guint k = 0; k < merge->n; k++)
    {
      MgAnnotation *c = v->copies[k];

      if (c == NULL)
        continue;
      if (first == NULL)
        first = c;
      if (mg_annotation_get_created (c) != NULL &&
          (created == NULL || strcmp (mg_annotation_get_created (c), created) < 0))
        created = mg_annotation_get_created (c);
      if (mg_annotation_get_modified (c) != NULL &&
          (modified == NULL || strcmp (mg_annotation_get_modified (c), modified) > 0))
        modified = mg_annotation_get_modified (c);
    }

  a = mg_annotation_new (NULL, mg_annotation_get_label (first),
                         mg_annotation_get_start (first), mg_annotation_get_end (first));
  mg_annotation_set_note (a, note);
  mg_annotation_set_created (a, created);
  mg_annotation_set_modified (a, modified);
  {
    g_autofree JsonObject **objects = g_new0 (JsonObject *, merge->n);
    g_autofree char *where = g_strdup_printf ("%s %s", mg_document_get_id (gold), v->description);
    g_autoptr(JsonObject) values = NULL;
    g_autoptr(JsonObject) extra = NULL;

    for (guint k = 0; k < merge->n; k++)
      objects[k] = v->copies[k] ? mg_annotation_get_attributes (v->copies[k]) : NULL;
    values = vote_values (merge, objects, where, _("attribute"));
    extra = _mg_merge3_with_values (mg_annotation_get_extra (first), "attributes", values);
    mg_annotation_set_extra (a, extra);
  }
  return a;
}

static Vote *
vote_for (GHashTable *votes,
          GPtrArray  *list,
          char       *key)
{
  Vote *v = g_hash_table_lookup (votes, key);

  if (v != NULL)
    {
      g_free (key);
      return v;
    }
  v = g_new0 (Vote, 1);
  v->key = key;
  g_hash_table_insert (votes, v->key, v);
  g_ptr_array_add (list, v);
  return v;
}

static void
report (Merge      *merge,
        MgDocument *gold,
        const char *what,
        Vote       *v)
{
  g_autofree char *who = voters (merge, v);

  /* TRANSLATORS: "DOCUMENT: only in NAMES: [START, END) LABEL “TEXT”" */
  g_ptr_array_add (merge->unresolved,
                   g_strdup_printf (_("%s: %s only in %s: %s"), mg_document_get_id (gold),
                                    what, who, v->description));
}

static void
merge_spans (Merge       *merge,
             MgDocument **docs,
             MgDocument  *gold,
             GHashTable  *gold_ids)
{
  g_autoptr(GHashTable) votes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (vote_free);
  MgAnnotationStore *store = mg_document_get_store (gold);

  for (guint k = 0; k < merge->n; k++)
    {
      MgAnnotationStore *from = mg_document_get_store (docs[k]);

      for (guint i = 0; i < mg_annotation_store_get_n_annotations (from); i++)
        {
          MgAnnotation *a = mg_annotation_store_get_annotation (from, i);
          Vote *v = vote_for (votes, list, span_key (a));

          if (v->copies == NULL)
            {
              v->copies = g_new0 (MgAnnotation *, merge->n);
              v->description = describe_span (a);
            }
          if (v->copies[k] == NULL)
            v->votes++;
          v->copies[k] = a;
        }
    }

  g_ptr_array_sort (list, compare_votes);
  for (guint i = 0; i < list->len; i++)
    {
      Vote *v = g_ptr_array_index (list, i);
      g_autoptr(MgAnnotation) kept = NULL;
      g_autoptr(GError) error = NULL;

      if (!carried (merge, v->votes))
        {
          report (merge, gold, _("span"), v);
          continue;
        }
      kept = kept_span (merge, v, gold);
      if (!mg_annotation_store_add (store, kept, &error))
        g_critical ("%s: %s", mg_document_get_id (gold), error->message);
      else
        g_hash_table_insert (gold_ids, g_strdup (v->key), g_strdup (mg_annotation_get_id (kept)));
    }
}

/* Relations vote like spans, a relation being its type and the spans at
 * its two ends; one a majority keeps has both ends kept as well. */
static void
merge_relations (Merge       *merge,
                 MgDocument **docs,
                 MgDocument  *gold,
                 GHashTable  *gold_ids)
{
  g_autoptr(GHashTable) votes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (vote_free);
  MgAnnotationStore *store = mg_document_get_store (gold);

  for (guint k = 0; k < merge->n; k++)
    {
      MgAnnotationStore *from = mg_document_get_store (docs[k]);

      for (guint i = 0; i < mg_annotation_store_get_n_relations (from); i++)
        {
          MgRelation *r = mg_annotation_store_get_relation (from, i);
          MgAnnotation *a = mg_annotation_store_lookup (from, mg_relation_get_from (r));
          MgAnnotation *b = mg_annotation_store_lookup (from, mg_relation_get_to (r));
          g_autofree char *ka = NULL;
          g_autofree char *kb = NULL;
          Vote *v;

          if (a == NULL || b == NULL)
            continue;
          ka = span_key (a);
          kb = span_key (b);
          v = vote_for (votes, list, g_strdup_printf ("%s\n%s\n%s", ka, kb, mg_relation_get_kind (r)));
          if (v->relations == NULL)
            {
              g_autofree char *da = describe_span (a);
              g_autofree char *db = describe_span (b);

              v->relations = g_new0 (MgRelation *, merge->n);
              v->description = g_strdup_printf ("%s %s → %s", mg_relation_get_kind (r), da, db);
            }
          if (v->relations[k] == NULL)
            v->votes++;
          v->relations[k] = r;
        }
    }

  g_ptr_array_sort (list, compare_votes);
  for (guint i = 0; i < list->len; i++)
    {
      Vote *v = g_ptr_array_index (list, i);
      g_auto(GStrv) parts = g_strsplit (v->key, "\n", 3);
      const char *from = g_hash_table_lookup (gold_ids, parts[0]);
      const char *to = g_hash_table_lookup (gold_ids, parts[1]);
      g_autoptr(MgRelation) kept = NULL;

      if (!carried (merge, v->votes) || from == NULL || to == NULL)
        {
          report (merge, gold, _("relation"), v);
          continue;
        }
      kept = mg_relation_new (NULL, parts[2], from, to);
      mg_annotation_store_add_relation (store, kept, NULL);
    }
}

/**
 * mg_merge_datasets:
 * @datasets: (array length=n_datasets): two or more datasets
 * @n_datasets: how many
 * @names: (nullable) (array length=n_datasets): the annotators' names for
 *   @unresolved, as for mg_agreement_new()
 * @strategy: which spans to keep
 * @curator: the annotator of the result
 * @unresolved: (element-type utf8): receives one line per span or
 *   relation not kept and per document left out, such as
 *   "doc: span only in B: [12, 20) claim “text”"
 *
 * Documents pair by text as in mg_agreement_new(); the gold dataset has
 * those every input has, with the first input's ids and metadata. Its
 * labels are the first input's, then those only others have. Each kept
 * span is written once, with a new id, the earliest creation and latest
 * modification time of its copies, and their notes (each with its
 * author's name when they differ). Relations are kept by the same rule.
 *
 * Returns: (transfer full): the gold dataset
 */
MgDataset *
mg_merge_datasets (MgDataset * const  *datasets,
                   guint               n_datasets,
                   const char * const *names,
                   MgMergeStrategy     strategy,
                   const char         *curator,
                   GPtrArray          *unresolved)
{
  g_autoptr(MgAgreement) pairing = NULL;
  g_autoptr(MgLabelSet) labels = NULL;
  g_autoptr(GPtrArray) all_names = g_ptr_array_new ();
  GPtrArray *left_out;
  MgDataset *gold;
  Merge merge;

  g_return_val_if_fail (datasets != NULL, NULL);
  g_return_val_if_fail (n_datasets >= 2, NULL);
  g_return_val_if_fail (unresolved != NULL, NULL);

  pairing = mg_agreement_new (datasets, n_datasets, names);
  for (guint k = 0; k < n_datasets; k++)
    g_ptr_array_add (all_names, (char *)mg_agreement_get_annotator (pairing, k));

  merge.names = all_names;
  merge.unresolved = unresolved;
  merge.n = n_datasets;
  merge.strategy = strategy;

  labels = merge_labels (datasets, n_datasets);
  gold = mg_dataset_new_with_labels (labels);
  mg_dataset_set_annotator (gold, curator);
  mg_dataset_set_extra (gold, mg_dataset_get_extra (datasets[0]));

  for (guint d = 0; d < mg_agreement_get_n_documents (pairing); d++)
    {
      MgDocument **docs = g_new0 (MgDocument *, n_datasets);
      g_autoptr(MgDocument) doc = NULL;
      g_autoptr(GHashTable) gold_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      for (guint k = 0; k < n_datasets; k++)
        docs[k] = mg_agreement_get_document (pairing, d, k);
      doc = copy_document (docs[0]);
      merge_codes (&merge, docs, doc);
      merge_spans (&merge, docs, doc, gold_ids);
      merge_relations (&merge, docs, doc, gold_ids);
      mg_dataset_add_document (gold, doc);
      g_free (docs);
    }

  left_out = mg_agreement_get_left_out (pairing);
  for (guint i = 0; i < left_out->len; i++)
    {
      MgLeftOutDocument *out = g_ptr_array_index (left_out, i);

      g_ptr_array_add (unresolved, g_strdup_printf (_("%s: left out: %s"), out->id, out->note));
    }

  return gold;
}
