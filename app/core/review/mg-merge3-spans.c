/* mg-merge3-spans.c: the three-way merge of one document's spans and relations
 *
 * Spans pair by id. Each field of a span (its label, its range, its note,
 * each of its attributes, its other unknown members) is merged on its own: what one side changed and the
 * other did not is taken, so one annotator's relabelling and another's note
 * on the same span both survive. What cannot be settled is kept in both
 * versions and marked in the document's "conflicts" member (see
 * mg-merge3.h); the result is always a valid dataset.
 *
 * Ours comes first: our spans keep their ids, and a span of theirs whose id
 * our side already uses for something else gets a new id, its relations
 * following it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-merge3"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mg-merge3-private.h"
#include "mg-scheme.h"

typedef struct
{
  MgAnnotationStore *base, *ours, *theirs;
  MgDocument  *result;
  MgMerge3Log *log;
  GPtrArray   *kept;          /* MgAnnotation, owned */
  GHashTable  *ids;           /* id → kept MgAnnotation */
  GHashTable  *spans;         /* kept MgAnnotation by label and range */
  GHashTable  *ours_map;      /* our id → kept id */
  GHashTable  *theirs_map;    /* their id → kept id */
  GHashTable  *ours_linked;   /* ids new relations of ours reach */
  GHashTable  *theirs_linked;
  GPtrArray   *later;         /* Later: their side's spans, kept after ours */
  guint        next_id;
} Spans;

/* A span of theirs, waiting until all of ours have their ids. */
typedef struct
{
  MgAnnotation *annotation;
  char         *theirs_id;
  const char   *kind;         /* a conflict to record, or NULL */
  char         *base_id;
  char         *ours_id;
} Later;

static void
later_free (gpointer data)
{
  Later *l = data;

  g_clear_object (&l->annotation);
  g_free (l->theirs_id);
  g_free (l->base_id);
  g_free (l->ours_id);
  g_free (l);
}

static gboolean
same_range (MgAnnotation *a,
            MgAnnotation *b)
{
  return mg_annotation_get_start (a) == mg_annotation_get_start (b) &&
         mg_annotation_get_end (a) == mg_annotation_get_end (b);
}

static gboolean
same_label (MgAnnotation *a,
            MgAnnotation *b)
{
  return g_strcmp0 (mg_annotation_get_label (a), mg_annotation_get_label (b)) == 0;
}

static gboolean
same_note (MgAnnotation *a,
           MgAnnotation *b)
{
  return g_strcmp0 (mg_annotation_get_note (a), mg_annotation_get_note (b)) == 0;
}

static gboolean
same_extra (MgAnnotation *a,
            MgAnnotation *b)
{
  return _mg_json_objects_equal (mg_annotation_get_extra (a), mg_annotation_get_extra (b));
}

static JsonObject *
attributes_of (MgAnnotation *a)
{
  return a != NULL ? mg_annotation_get_attributes (a) : NULL;
}

/* The unknown members but the attributes, which merge one by one. */
static gboolean
same_other_extra (MgAnnotation *a,
                  MgAnnotation *b)
{
  g_autoptr(JsonObject) x = _mg_merge3_with_values (mg_annotation_get_extra (a), "attributes", NULL);
  g_autoptr(JsonObject) y = _mg_merge3_with_values (mg_annotation_get_extra (b), "attributes", NULL);

  return _mg_json_objects_equal (x, y);
}

/* What an annotator can change; the text follows the range and the times
 * follow the change. */
gboolean
_mg_annotations_same (MgAnnotation *a,
                      MgAnnotation *b)
{
  return mg_annotation_span_equal (a, b) && same_note (a, b) && same_extra (a, b);
}

char *
_mg_describe_span (MgAnnotation *a)
{
  return g_strdup_printf ("%s %s [%u, %u) “%s”", mg_annotation_get_id (a),
                          mg_annotation_get_label (a), mg_annotation_get_start (a),
                          mg_annotation_get_end (a), mg_annotation_get_text (a));
}

static MgAnnotation *
lookup (MgAnnotationStore *store,
        const char        *id)
{
  return store != NULL ? mg_annotation_store_lookup (store, id) : NULL;
}

static guint
n_annotations (MgAnnotationStore *store)
{
  return store != NULL ? mg_annotation_store_get_n_annotations (store) : 0;
}

static guint
n_relations (MgAnnotationStore *store)
{
  return store != NULL ? mg_annotation_store_get_n_relations (store) : 0;
}

static MgRelation *
lookup_relation (MgAnnotationStore *store,
                 const char        *id)
{
  return store != NULL ? mg_annotation_store_lookup_relation (store, id) : NULL;
}

gboolean
_mg_relations_same (MgRelation *a,
                    MgRelation *b)
{
  return g_strcmp0 (mg_relation_get_kind (a), mg_relation_get_kind (b)) == 0 &&
         g_strcmp0 (mg_relation_get_from (a), mg_relation_get_from (b)) == 0 &&
         g_strcmp0 (mg_relation_get_to (a), mg_relation_get_to (b)) == 0;
}

/* The spans a side's new relations reach: a span one side deleted and the
 * other linked to is a span the other side changed. */
static GHashTable *
newly_linked (MgAnnotationStore *base,
              MgAnnotationStore *side)
{
  GHashTable *linked = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n_relations (side); i++)
    {
      MgRelation *r = mg_annotation_store_get_relation (side, i);
      MgRelation *old = lookup_relation (base, mg_relation_get_id (r));

      if (old != NULL && _mg_relations_same (old, r))
        continue;
      g_hash_table_add (linked, (char *)mg_relation_get_from (r));
      g_hash_table_add (linked, (char *)mg_relation_get_to (r));
    }
  return linked;
}

static gboolean
changed (MgAnnotation *base,
         MgAnnotation *side,
         GHashTable   *linked)
{
  return !_mg_annotations_same (base, side) ||
         g_hash_table_contains (linked, mg_annotation_get_id (side));
}

/* The number after "a" in ids the store hands out, so a new id never
 * repeats one either side or the ancestor used. */
static void
note_highest (MgAnnotationStore *store,
              guint             *next)
{
  for (guint i = 0; i < n_annotations (store); i++)
    {
      const char *id = mg_annotation_get_id (mg_annotation_store_get_annotation (store, i));
      guint64 n;

      if (id[0] == 'a' && g_ascii_isdigit (id[1]) &&
          g_ascii_string_to_unsigned (id + 1, 10, 0, G_MAXUINT - 1, &n, NULL) &&
          n + 1 > *next)
        *next = (guint)n + 1;
    }
}

static JsonObject *
new_conflict (const char *kind,
              const char *base_id,
              const char *ours,
              const char *theirs)
{
  JsonObject *c = json_object_new ();

  json_object_set_string_member (c, "kind", kind);
  if (base_id != NULL)
    json_object_set_string_member (c, "base", base_id);
  else
    json_object_set_null_member (c, "base");
  if (ours != NULL)
    json_object_set_string_member (c, "ours", ours);
  else
    json_object_set_null_member (c, "ours");
  if (theirs != NULL)
    json_object_set_string_member (c, "theirs", theirs);
  else
    json_object_set_null_member (c, "theirs");
  return c;
}

static void
note_conflict (Spans        *s,
               MgAnnotation *kept,
               const char   *theirs_note,
               const char   *base_id)
{
  g_autoptr(JsonObject) c = new_conflict (MG_CONFLICT_NOTE_BOTH, base_id,
                                          mg_annotation_get_id (kept),
                                          mg_annotation_get_id (kept));

  json_object_set_string_member (c, "theirs_note", theirs_note);
  _mg_merge3_add_conflict (s->result, c);
  /* TRANSLATORS: "DOCUMENT: a3 note changed on both sides: ours “X”, theirs “Y”" */
  g_ptr_array_add (s->log->conflicts,
                   g_strdup_printf (_("%s: %s note changed on both sides: ours “%s”, theirs “%s”"),
                                    mg_document_get_id (s->result), mg_annotation_get_id (kept),
                                    mg_annotation_get_note (kept), theirs_note));
}

/* Two sides made the same span: one is kept, with the note either gave,
 * or a conflict when each gave a different one. */
static void
fold (Spans        *s,
      MgAnnotation *twin,
      MgAnnotation *a)
{
  const char *mine = mg_annotation_get_note (twin);
  const char *other = mg_annotation_get_note (a);
  g_autoptr(GPtrArray) clashes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonObject) values = _mg_merge3_values (NULL, attributes_of (twin), attributes_of (a), clashes);

  /* The attributes either gave, a conflict for each they gave apart. */
  if (!_mg_json_objects_equal (values, attributes_of (twin)))
    {
      g_autoptr(JsonObject) extra = _mg_merge3_with_values (mg_annotation_get_extra (twin),
                                                            "attributes", values);
      mg_annotation_set_extra (twin, extra);
    }
  for (guint i = 0; i < clashes->len; i++)
    _mg_merge3_value_conflict (s->result, s->log, MG_CONFLICT_ATTRIBUTE_BOTH, NULL, twin,
                               g_ptr_array_index (clashes, i),
                               mg_annotation_get_attribute (twin, g_ptr_array_index (clashes, i)),
                               mg_annotation_get_attribute (a, g_ptr_array_index (clashes, i)));

  if (other == NULL || *other == '\0' || g_strcmp0 (mine, other) == 0)
    return;
  if (mine == NULL || *mine == '\0')
    mg_annotation_set_note (twin, other);
  else
    note_conflict (s, twin, other, NULL);
}

/* Keeps @a (taking it over), under a new id when its own is taken, or
 * folds it into the kept span with the same label and range. Returns the
 * span that stands for it. */
static MgAnnotation *
keep (Spans        *s,
      MgAnnotation *a)
{
  MgAnnotation *twin = g_hash_table_lookup (s->spans, a);
  g_autofree char *text = NULL;

  if (twin != NULL)
    {
      fold (s, twin, a);
      g_object_unref (a);
      return twin;
    }
  while (mg_annotation_get_id (a) == NULL ||
         g_hash_table_contains (s->ids, mg_annotation_get_id (a)))
    {
      g_autofree char *id = g_strdup_printf ("a%u", s->next_id++);

      mg_annotation_set_id (a, id);
    }
  /* The store fills the text in too, but messages need it before. */
  text = mg_document_substring (s->result, mg_annotation_get_start (a), mg_annotation_get_end (a));
  mg_annotation_set_text (a, text);
  g_ptr_array_add (s->kept, a);
  g_hash_table_insert (s->ids, (char *)mg_annotation_get_id (a), a);
  g_hash_table_add (s->spans, a);
  return a;
}

static void
map (GHashTable   *side_map,
     const char   *side_id,
     MgAnnotation *kept)
{
  g_hash_table_insert (side_map, g_strdup (side_id), g_strdup (mg_annotation_get_id (kept)));
}

static const char *
later_of (MgAnnotation *a,
          MgAnnotation *b)
{
  const char *x = mg_annotation_get_modified (a), *y = mg_annotation_get_modified (b);

  if (x == NULL)
    return y;
  if (y == NULL)
    return x;
  return strcmp (x, y) >= 0 ? x : y;
}

/* One version of a span both sides kept: @label_from and @range_from say
 * which side's label and range it has, @note_from its note. */
static MgAnnotation *
version (MgAnnotation *base,
         MgAnnotation *label_from,
         MgAnnotation *range_from,
         MgAnnotation *note_from,
         JsonObject   *extra,
         const char   *modified)
{
  MgAnnotation *a = mg_annotation_new (mg_annotation_get_id (base),
                                       mg_annotation_get_label (label_from),
                                       mg_annotation_get_start (range_from),
                                       mg_annotation_get_end (range_from));

  mg_annotation_set_note (a, mg_annotation_get_note (note_from));
  mg_annotation_set_extra (a, extra);
  mg_annotation_set_created (a, mg_annotation_get_created (base));
  mg_annotation_set_modified (a, modified);
  return a;
}

/* Which side a field comes from: the side that changed it, ours when
 * neither or both did the same; *clash when both changed it differently. */
static MgAnnotation *
pick (MgAnnotation *base,
      MgAnnotation *ours,
      MgAnnotation *theirs,
      gboolean    (*same) (MgAnnotation *, MgAnnotation *),
      gboolean     *clash)
{
  *clash = FALSE;
  if (same (ours, theirs) || same (base, theirs))
    return ours;
  if (same (base, ours))
    return theirs;
  *clash = TRUE;
  return ours;
}

static void
merge_both (Spans        *s,
            MgAnnotation *b,
            MgAnnotation *o,
            MgAnnotation *t)
{
  gboolean label_clash, range_clash, note_clash, extra_clash;
  MgAnnotation *label = pick (b, o, t, same_label, &label_clash);
  MgAnnotation *range = pick (b, o, t, same_range, &range_clash);
  MgAnnotation *note = pick (b, o, t, same_note, &note_clash);
  MgAnnotation *other = pick (b, o, t, same_other_extra, &extra_clash);
  g_autoptr(GPtrArray) clashes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) their_clashes = g_ptr_array_new_with_free_func (g_free);
  /* Attributes one by one; on a clash ours, or theirs in their version. */
  g_autoptr(JsonObject) values = _mg_merge3_values (attributes_of (b), attributes_of (o),
                                                    attributes_of (t), clashes);
  g_autoptr(JsonObject) their_values = _mg_merge3_values (attributes_of (b), attributes_of (t),
                                                          attributes_of (o), their_clashes);
  g_autoptr(JsonObject) extra = _mg_merge3_with_values (mg_annotation_get_extra (other),
                                                        "attributes", values);
  g_autoptr(JsonObject) their_extra = _mg_merge3_with_values (mg_annotation_get_extra (other),
                                                              "attributes", their_values);
  MgAnnotation *kept;

  if (label_clash || range_clash)
    {
      Later *l = g_new0 (Later, 1);

      /* Both versions are kept, each with its own side's values. */
      kept = keep (s, version (b, label, range, o, extra, mg_annotation_get_modified (o)));
      l->annotation = version (b, label_clash ? t : label, range_clash ? t : range,
                               note_clash ? t : note, their_extra, mg_annotation_get_modified (t));
      l->theirs_id = g_strdup (mg_annotation_get_id (t));
      l->kind = MG_CONFLICT_CHANGED_BOTH;
      l->base_id = g_strdup (mg_annotation_get_id (b));
      l->ours_id = g_strdup (mg_annotation_get_id (kept));
      g_ptr_array_add (s->later, l);
      map (s->ours_map, mg_annotation_get_id (o), kept);
      return;
    }

  kept = keep (s, version (b, label, range, note, extra, later_of (o, t)));
  map (s->ours_map, mg_annotation_get_id (o), kept);
  map (s->theirs_map, mg_annotation_get_id (t), kept);
  if (note_clash)
    note_conflict (s, kept, mg_annotation_get_note (t), mg_annotation_get_id (b));
  for (guint i = 0; i < clashes->len; i++)
    _mg_merge3_value_conflict (s->result, s->log, MG_CONFLICT_ATTRIBUTE_BOTH,
                               mg_annotation_get_id (b), kept, g_ptr_array_index (clashes, i),
                               mg_annotation_get_attribute (o, g_ptr_array_index (clashes, i)),
                               mg_annotation_get_attribute (t, g_ptr_array_index (clashes, i)));
}

static void
record (Spans        *s,
        const char   *kind,
        const char   *base_id,
        MgAnnotation *ours,
        MgAnnotation *theirs)
{
  g_autoptr(JsonObject) c = new_conflict (kind, base_id,
                                          ours != NULL ? mg_annotation_get_id (ours) : NULL,
                                          theirs != NULL ? mg_annotation_get_id (theirs) : NULL);
  g_autofree char *o = ours != NULL ? _mg_describe_span (ours) : NULL;
  g_autofree char *t = theirs != NULL ? _mg_describe_span (theirs) : NULL;
  const char *doc = mg_document_get_id (s->result);
  char *line;

  _mg_merge3_add_conflict (s->result, c);
  if (g_str_equal (kind, MG_CONFLICT_CHANGED_BOTH))
    /* TRANSLATORS: "DOCUMENT: a3 changed on both sides: ours SPAN, theirs SPAN" */
    line = g_strdup_printf (_("%s: %s changed on both sides: ours %s, theirs %s"), doc, base_id, o, t);
  else if (g_str_equal (kind, MG_CONFLICT_DELETED_CHANGED))
    line = g_strdup_printf (_("%s: %s deleted on our side, changed on theirs: %s"), doc, base_id, t);
  else
    line = g_strdup_printf (_("%s: %s changed on our side, deleted on theirs: %s"), doc, base_id, o);
  g_ptr_array_add (s->log->conflicts, line);
}

/* The ancestor's spans: kept, merged, or deleted by one side. */
static void
merge_base_span (Spans        *s,
                 MgAnnotation *b)
{
  const char *id = mg_annotation_get_id (b);
  MgAnnotation *o = lookup (s->ours, id);
  MgAnnotation *t = lookup (s->theirs, id);

  if (o != NULL && t != NULL)
    merge_both (s, b, o, t);
  else if (o != NULL && changed (b, o, s->ours_linked))
    {
      MgAnnotation *kept = keep (s, mg_annotation_copy (o));

      map (s->ours_map, id, kept);
      record (s, MG_CONFLICT_CHANGED_DELETED, id, kept, NULL);
    }
  else if (t != NULL && changed (b, t, s->theirs_linked))
    {
      Later *l = g_new0 (Later, 1);

      l->annotation = mg_annotation_copy (t);
      l->theirs_id = g_strdup (id);
      l->kind = MG_CONFLICT_DELETED_CHANGED;
      l->base_id = g_strdup (id);
      g_ptr_array_add (s->later, l);
    }
}

static void
keep_later (Spans *s,
            Later *l)
{
  MgAnnotation *kept = keep (s, g_steal_pointer (&l->annotation));

  map (s->theirs_map, l->theirs_id, kept);
  if (l->kind != NULL)
    record (s, l->kind, l->base_id,
            l->ours_id != NULL ? g_hash_table_lookup (s->ids, l->ours_id) : NULL, kept);
}

static void
merge_annotations (Spans *s)
{
  for (guint i = 0; i < n_annotations (s->base); i++)
    merge_base_span (s, mg_annotation_store_get_annotation (s->base, i));

  for (guint i = 0; i < n_annotations (s->ours); i++)
    {
      MgAnnotation *o = mg_annotation_store_get_annotation (s->ours, i);

      if (lookup (s->base, mg_annotation_get_id (o)) == NULL)
        map (s->ours_map, mg_annotation_get_id (o), keep (s, mg_annotation_copy (o)));
    }

  for (guint i = 0; i < s->later->len; i++)
    keep_later (s, g_ptr_array_index (s->later, i));

  for (guint i = 0; i < n_annotations (s->theirs); i++)
    {
      MgAnnotation *t = mg_annotation_store_get_annotation (s->theirs, i);

      if (lookup (s->base, mg_annotation_get_id (t)) == NULL)
        map (s->theirs_map, mg_annotation_get_id (t), keep (s, mg_annotation_copy (t)));
    }
}

/* Adds one side's relation with its ends renamed as that side's spans
 * were; a relation already there (same type and ends) is not doubled, and
 * one whose end was deleted goes with it. */
static void
keep_relation (Spans      *s,
               MgRelation *r,
               GHashTable *side_map,
               GHashTable *keys,
               GPtrArray  *renamed)
{
  const char *from = g_hash_table_lookup (side_map, mg_relation_get_from (r));
  const char *to = g_hash_table_lookup (side_map, mg_relation_get_to (r));
  MgAnnotationStore *store = mg_document_get_store (s->result);
  const char *id = mg_relation_get_id (r);
  g_autoptr(MgRelation) copy = NULL;
  char *key;

  if (from == NULL || to == NULL)
    return;
  key = g_strdup_printf ("%s\n%s\n%s", mg_relation_get_kind (r), from, to);
  if (!g_hash_table_add (keys, key))
    return;
  if (mg_annotation_store_lookup_relation (store, id) != NULL)
    id = NULL;
  copy = mg_relation_new (id, mg_relation_get_kind (r), from, to);
  mg_relation_set_extra (copy, mg_relation_get_extra (r));
  if (id == NULL)
    g_ptr_array_add (renamed, g_steal_pointer (&copy));
  else
    mg_annotation_store_add_relation (store, copy, NULL);
}

/* Whether @other removed the ancestor's relation @r on purpose: a relation
 * that went only because a span at its end was deleted comes back when the
 * merge keeps that span (in a conflict). */
static gboolean
removed_by (MgAnnotationStore *other,
            MgRelation        *r)
{
  return lookup_relation (other, mg_relation_get_id (r)) == NULL &&
         lookup (other, mg_relation_get_from (r)) != NULL &&
         lookup (other, mg_relation_get_to (r)) != NULL;
}

/* Relations cannot be edited, only added and removed: one side's removal
 * of a relation the ancestor had is taken, and both sides' additions kept. */
static void
merge_relations (Spans *s)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) renamed = g_ptr_array_new_with_free_func (g_object_unref);
  MgAnnotationStore *store = mg_document_get_store (s->result);

  for (guint i = 0; i < n_relations (s->ours); i++)
    {
      MgRelation *r = mg_annotation_store_get_relation (s->ours, i);

      if (lookup_relation (s->base, mg_relation_get_id (r)) == NULL || s->theirs == NULL ||
          !removed_by (s->theirs, r))
        keep_relation (s, r, s->ours_map, keys, renamed);
    }
  for (guint i = 0; i < n_relations (s->theirs); i++)
    {
      MgRelation *r = mg_annotation_store_get_relation (s->theirs, i);

      if (lookup_relation (s->base, mg_relation_get_id (r)) == NULL || s->ours == NULL ||
          !removed_by (s->ours, r))
        keep_relation (s, r, s->theirs_map, keys, renamed);
    }
  /* New ids only once every kept id is known, so none is handed out twice. */
  for (guint i = 0; i < renamed->len; i++)
    mg_annotation_store_add_relation (store, g_ptr_array_index (renamed, i), NULL);
}

static void
spans_clear (Spans *s)
{
  g_ptr_array_unref (s->kept);
  g_hash_table_unref (s->ids);
  g_hash_table_unref (s->spans);
  g_hash_table_unref (s->ours_map);
  g_hash_table_unref (s->theirs_map);
  g_hash_table_unref (s->ours_linked);
  g_hash_table_unref (s->theirs_linked);
  g_ptr_array_unref (s->later);
}

static MgAnnotationStore *
store_of (MgDocument *doc)
{
  return doc != NULL ? mg_document_get_store (doc) : NULL;
}

/*
 * _mg_merge3_spans:
 * @base: (nullable): the common ancestor's document, or %NULL when both
 *   sides added it
 * @ours: (nullable): our document, %NULL when our side deleted it
 * @theirs: (nullable): theirs, %NULL when their side deleted it
 * @result: an empty document with the same text, which receives the spans
 *
 * Returns: %FALSE, with @error set, only on a fault of the merge itself
 */
gboolean
_mg_merge3_spans (MgDocument  *base,
                  MgDocument  *ours,
                  MgDocument  *theirs,
                  MgDocument  *result,
                  MgMerge3Log *log,
                  GError     **error)
{
  Spans s = { store_of (base), store_of (ours), store_of (theirs), result, log };
  gboolean ok;

  s.kept = g_ptr_array_new_with_free_func (g_object_unref);
  s.ids = g_hash_table_new (g_str_hash, g_str_equal);
  s.spans = g_hash_table_new (mg_annotation_span_hash, mg_annotation_span_equal);
  s.ours_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s.theirs_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s.ours_linked = newly_linked (s.base, s.ours);
  s.theirs_linked = newly_linked (s.base, s.theirs);
  s.later = g_ptr_array_new_with_free_func (later_free);
  s.next_id = 1;
  note_highest (s.base, &s.next_id);
  note_highest (s.ours, &s.next_id);
  note_highest (s.theirs, &s.next_id);

  merge_annotations (&s);
  ok = mg_annotation_store_add_all (mg_document_get_store (result), s.kept, error);
  if (ok)
    merge_relations (&s);
  spans_clear (&s);
  return ok;
}
