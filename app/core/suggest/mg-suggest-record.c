/* mg-suggest-record.c: what a dataset keeps about suggestions
 *
 * Suggestions themselves are never stored: they are computed again when a
 * document is shown. What is stored, in members the reader keeps and the
 * writer writes sorted, is what a person decided about them, so that a
 * study can report how much of the coding began as a proposal:
 *
 *   an annotation's "origin": {"rule", "label"}, only on spans that began as
 *     an accepted suggestion, kept when the span is later moved or relabelled;
 *   a document's "rejected_suggestions": [{"label", "start", "end", "rule"}],
 *     sorted by (start, end, label), so a rejected proposal is never shown
 *     again;
 *   the dataset's "suggestions": {"enabled": true, "labels": {…}}, off
 *     when absent; "labels" says which of the dataset's labels takes each
 *     kind of suggestion, for a scheme that names them otherwise.
 *
 * The members' objects are never changed in place once set: an annotation's
 * copy and the history's undo steps share them. Every change builds new ones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-suggest"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mg-annotation-store.h"
#include "mg-problem.h"
#include "mg-scheme.h"
#include "mg-suggest-private.h"
#include "mg-suggest-record.h"

/* A new object holding the members of @object (the values shared), or an
 * empty one. */
static JsonObject *
copy_members (JsonObject *object)
{
  JsonObject *copy = json_object_new ();

  if (object != NULL)
    {
      GList *members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (copy, l->data,
                                json_node_copy (json_object_get_member (object, l->data)));
      g_list_free (members);
    }
  return copy;
}

static gboolean
node_is_int (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
node_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

/**
 * mg_suggest_dataset_get_enabled:
 *
 * Returns: whether the dataset's "suggestions" member turns them on; a
 *   dataset without it has them off
 */
gboolean
mg_suggest_dataset_get_enabled (MgDataset *dataset)
{
  JsonObject *extra = mg_dataset_get_extra (dataset);
  JsonNode *node, *enabled;

  if (extra == NULL || (node = json_object_get_member (extra, MG_SUGGEST_DATASET_MEMBER)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  enabled = json_object_get_member (json_node_get_object (node), "enabled");
  return enabled != NULL && JSON_NODE_HOLDS_VALUE (enabled) &&
         json_node_get_value_type (enabled) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (enabled);
}

/**
 * mg_suggest_dataset_set_enabled:
 *
 * Turns suggestions on or off for @dataset. Off removes the member when it
 * holds nothing else, so a dataset that never had them on is written as
 * before.
 */
void
mg_suggest_dataset_set_enabled (MgDataset *dataset,
                                gboolean   enabled)
{
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(JsonObject) settings = NULL;
  JsonNode *old;

  if (mg_suggest_dataset_get_enabled (dataset) == !!enabled)
    return;

  extra = copy_members (mg_dataset_get_extra (dataset));
  old = json_object_get_member (extra, MG_SUGGEST_DATASET_MEMBER);
  settings = copy_members (old != NULL && JSON_NODE_HOLDS_OBJECT (old) ? json_node_get_object (old) : NULL);
  json_object_set_boolean_member (settings, "enabled", enabled);
  if (!enabled && json_object_get_size (settings) == 1)
    json_object_remove_member (extra, MG_SUGGEST_DATASET_MEMBER);
  else
    json_object_set_object_member (extra, MG_SUGGEST_DATASET_MEMBER, g_steal_pointer (&settings));

  mg_dataset_set_extra (dataset, json_object_get_size (extra) > 0 ? extra : NULL);
}

const char * const mg_suggest_engine_labels[MG_SUGGEST_N_KINDS + 1] = { "quote", "actor", "figure", NULL };

static JsonObject *
settings_object (MgDataset *dataset)
{
  JsonObject *extra = mg_dataset_get_extra (dataset);
  JsonNode *node;

  if (extra == NULL || (node = json_object_get_member (extra, MG_SUGGEST_DATASET_MEMBER)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

/**
 * mg_suggest_dataset_get_label_map:
 *
 * Returns: (transfer none) (nullable): the dataset's "suggestions"
 *   "labels": engine label to the dataset's label, or null
 */
JsonObject *
mg_suggest_dataset_get_label_map (MgDataset *dataset)
{
  JsonObject *settings = settings_object (dataset);
  JsonNode *node = settings ? json_object_get_member (settings, "labels") : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * mg_suggest_settings_with_label_map:
 *
 * The dataset's "suggestions" member with its "labels" set to @map (the
 * other members kept), for mg_history_set_scheme_member(), so that the
 * choice is one step undo takes back.
 *
 * Returns: (transfer full): the new member
 */
JsonNode *
mg_suggest_settings_with_label_map (MgDataset  *dataset,
                                    JsonObject *map)
{
  g_autoptr(JsonObject) settings = copy_members (settings_object (dataset));
  JsonNode *node;

  json_object_set_object_member (settings, "labels", copy_members (map));
  node = json_node_alloc ();
  json_node_init_object (node, settings);
  return node;
}

/**
 * mg_suggest_dataset_needs_label_map:
 *
 * Returns: whether @dataset lacks one of the engine's labels and has no
 *   label map yet, so the window asks which of its labels to use
 */
gboolean
mg_suggest_dataset_needs_label_map (MgDataset *dataset)
{
  MgLabelSet *labels = mg_dataset_get_labels (dataset);

  if (mg_suggest_dataset_get_label_map (dataset) != NULL)
    return FALSE;
  for (guint k = 0; k < MG_SUGGEST_N_KINDS; k++)
    if (mg_label_set_lookup (labels, mg_suggest_engine_labels[k]) == NULL)
      return TRUE;
  return FALSE;
}

/**
 * mg_suggest_parse_label_map:
 * @text: "quote=content,actor=source", as import's --map; an empty value
 *   leaves that kind out
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 *   for a kind the engine does not have or an entry without "="
 */
JsonObject *
mg_suggest_parse_label_map (const char  *text,
                            GError     **error)
{
  g_auto(GStrv) entries = g_strsplit (text, ",", -1);
  g_autoptr(JsonObject) map = json_object_new ();

  for (guint i = 0; entries[i] != NULL; i++)
    {
      const char *eq = strchr (entries[i], '=');
      g_autofree char *kind = NULL;

      if (*entries[i] == '\0')
        continue;
      if (eq == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not KIND=LABEL"), entries[i]);
          return NULL;
        }
      kind = g_strndup (entries[i], eq - entries[i]);
      if (!g_strv_contains (mg_suggest_engine_labels, kind))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("no suggestions of the kind “%s” (quote, actor, figure)"), kind);
          return NULL;
        }
      json_object_set_string_member (map, kind, eq + 1);
    }
  return g_steal_pointer (&map);
}

/**
 * mg_suggest_resolve_label:
 * @map: (nullable): a label map; %NULL for the dataset's own
 * @engine_label: "quote", "actor" or "figure"
 *
 * Which of the dataset's labels takes the engine's @engine_label: the
 * map's string, or, when the map says null or nothing, the label of the
 * same id if the dataset has it.
 *
 * Returns: (nullable): the dataset's label, or %NULL when that kind is
 *   left out (an empty string in the map, or no label to put it under)
 */
const char *
mg_suggest_resolve_label (MgDataset  *dataset,
                          JsonObject *map,
                          const char *engine_label)
{
  MgLabelSet *labels = mg_dataset_get_labels (dataset);
  JsonNode *node;

  if (map == NULL)
    map = mg_suggest_dataset_get_label_map (dataset);
  node = map ? json_object_get_member (map, engine_label) : NULL;
  if (node_is_string (node))
    {
      const char *mapped = json_node_get_string (node);

      return *mapped != '\0' && mg_label_set_lookup (labels, mapped) != NULL ? mapped : NULL;
    }
  return mg_label_set_lookup (labels, engine_label) != NULL ? engine_label : NULL;
}

/**
 * mg_suggest_map_labels:
 * @map: (nullable): as for mg_suggest_resolve_label()
 *
 * Gives @suggestions the dataset's labels, so that filtering, accepting
 * and rejecting them, and their origin, speak of the labels a person sees;
 * a kind left out gets the empty label, which no filter keeps.
 */
void
mg_suggest_map_labels (MgSuggestions *suggestions,
                       MgDataset     *dataset,
                       JsonObject    *map)
{
  const char *labels[MG_SUGGEST_N_KINDS];

  for (guint k = 0; k < MG_SUGGEST_N_KINDS; k++)
    {
      const char *l = mg_suggest_resolve_label (dataset, map, mg_suggest_engine_labels[k]);

      labels[k] = l ? l : "";
    }
  mg_suggestions_relabel (suggestions, labels);
}

/**
 * mg_suggest_set_origin:
 * @annotation: an annotation in no store yet
 *
 * Records that @annotation began as a suggestion of @label by @rule.
 */
void
mg_suggest_set_origin (MgAnnotation *annotation,
                       const char   *rule,
                       const char   *label)
{
  g_autoptr(JsonObject) extra = copy_members (mg_annotation_get_extra (annotation));
  JsonObject *origin = json_object_new ();

  json_object_set_string_member (origin, "rule", rule);
  json_object_set_string_member (origin, "label", label);
  json_object_set_object_member (extra, MG_SUGGEST_ORIGIN_MEMBER, origin);
  mg_annotation_set_extra (annotation, extra);
}

/**
 * mg_suggest_get_origin:
 * @rule: (out) (optional): the rule that proposed the span
 * @label: (out) (optional): the label it proposed
 *
 * Returns: whether @annotation began as an accepted suggestion
 */
gboolean
mg_suggest_get_origin (MgAnnotation  *annotation,
                       const char   **rule,
                       const char   **label)
{
  JsonObject *extra = mg_annotation_get_extra (annotation);
  JsonNode *node, *r, *l;
  JsonObject *origin;

  if (extra == NULL || (node = json_object_get_member (extra, MG_SUGGEST_ORIGIN_MEMBER)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  origin = json_node_get_object (node);
  r = json_object_get_member (origin, "rule");
  l = json_object_get_member (origin, "label");
  if (!node_is_string (r) || !node_is_string (l))
    return FALSE;
  if (rule != NULL)
    *rule = json_node_get_string (r);
  if (label != NULL)
    *label = json_node_get_string (l);
  return TRUE;
}

static JsonArray *
rejected_array (MgDocument *document)
{
  JsonObject *extra = mg_document_get_extra (document);
  JsonNode *node;

  if (extra == NULL || (node = json_object_get_member (extra, MG_SUGGEST_REJECTED_MEMBER)) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

/* The label, start and end of a rejection entry; FALSE for a malformed one,
 * which rejects nothing (validate names it). */
static gboolean
read_entry (JsonNode    *node,
            const char **label,
            gint64      *start,
            gint64      *end)
{
  JsonObject *entry;
  JsonNode *l, *s, *e;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  entry = json_node_get_object (node);
  l = json_object_get_member (entry, "label");
  s = json_object_get_member (entry, "start");
  e = json_object_get_member (entry, "end");
  if (!node_is_string (l) || !node_is_int (s) || !node_is_int (e))
    return FALSE;
  *label = json_node_get_string (l);
  *start = json_node_get_int (s);
  *end = json_node_get_int (e);
  return TRUE;
}

/**
 * mg_suggest_is_rejected:
 *
 * Returns: whether a suggestion of @label over [@start, @end) was rejected
 *   in @document
 */
gboolean
mg_suggest_is_rejected (MgDocument *document,
                        const char *label,
                        guint       start,
                        guint       end)
{
  JsonArray *array = rejected_array (document);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      const char *l;
      gint64 s, e;

      if (read_entry (json_array_get_element (array, i), &l, &s, &e) &&
          s == start && e == end && strcmp (l, label) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * mg_suggest_count_rejected:
 *
 * Returns: how many suggestions were rejected in @document
 */
guint
mg_suggest_count_rejected (MgDocument *document)
{
  JsonArray *array = rejected_array (document);

  return array != NULL ? json_array_get_length (array) : 0;
}

/**
 * mg_suggest_count_dataset:
 * @counts: (out caller-allocates): filled; free its @began with
 *   mg_suggest_counts_clear()
 *
 * Counts what became of suggestions in @dataset: the spans that began as
 * one, per label they have now (in the label set's order, then one slot for
 * labels the set does not name), how many of those were relabelled since,
 * and how many suggestions were rejected. The command line's stats and the
 * Statistics window both show these, so they count them in one place.
 */
void
mg_suggest_count_dataset (MgDataset       *dataset,
                          MgSuggestCounts *counts)
{
  MgLabelSet *labels;
  guint n_labels;

  g_return_if_fail (MG_IS_DATASET (dataset));
  g_return_if_fail (counts != NULL);

  labels = mg_dataset_get_labels (dataset);
  n_labels = mg_label_set_get_n_labels (labels);
  counts->n_labels = n_labels;
  counts->began = g_new0 (guint, n_labels + 1);
  counts->n_began = counts->relabelled = counts->rejected = 0;
  for (guint d = 0; d < mg_dataset_get_n_documents (dataset); d++)
    {
      MgDocument *doc = mg_dataset_get_document (dataset, d);
      MgAnnotationStore *store = mg_document_get_store (doc);

      counts->rejected += mg_suggest_count_rejected (doc);
      for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
        {
          MgAnnotation *a = mg_annotation_store_get_annotation (store, i);
          const char *proposed;
          int k;

          if (!mg_suggest_get_origin (a, NULL, &proposed))
            continue;
          k = mg_label_set_index_of (labels, mg_annotation_get_label (a));
          counts->began[k >= 0 ? (guint) k : n_labels]++;
          counts->n_began++;
          if (g_strcmp0 (proposed, mg_annotation_get_label (a)) != 0)
            counts->relabelled++;
        }
    }
}

void
mg_suggest_counts_clear (MgSuggestCounts *counts)
{
  g_clear_pointer (&counts->began, g_free);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  JsonNode *na = *(JsonNode **)a, *nb = *(JsonNode **)b;
  const char *la = "", *lb = "";
  gint64 sa = -1, ea = -1, sb = -1, eb = -1;

  read_entry (na, &la, &sa, &ea);
  read_entry (nb, &lb, &sb, &eb);
  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (ea != eb)
    return ea < eb ? -1 : 1;
  return strcmp (la, lb);
}

/**
 * mg_suggest_add_rejection:
 *
 * Builds the document's unknown members with @suggestion added to its
 * rejected suggestions, kept sorted by (start, end, label). The document is
 * not changed: pass the result to mg_history_set_extra(), so that undo
 * takes the rejection back.
 *
 * Returns: (transfer full) (nullable): the new members, or %NULL when
 *   @suggestion was rejected already
 */
JsonObject *
mg_suggest_add_rejection (MgDocument         *document,
                          const MgSuggestion *suggestion)
{
  JsonArray *old = rejected_array (document);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  JsonObject *extra, *entry;
  JsonArray *array;
  JsonNode *node;

  if (mg_suggest_is_rejected (document, suggestion->label, suggestion->start, suggestion->end))
    return NULL;

  entry = json_object_new ();
  json_object_set_string_member (entry, "label", suggestion->label);
  json_object_set_int_member (entry, "start", suggestion->start);
  json_object_set_int_member (entry, "end", suggestion->end);
  json_object_set_string_member (entry, "rule", suggestion->rule);
  node = json_node_init_object (json_node_alloc (), entry);
  json_object_unref (entry);

  for (guint i = 0; old != NULL && i < json_array_get_length (old); i++)
    g_ptr_array_add (nodes, json_array_get_element (old, i));
  g_ptr_array_add (nodes, node);
  g_ptr_array_sort (nodes, compare_entries);

  array = json_array_sized_new (nodes->len);
  for (guint i = 0; i < nodes->len; i++)
    {
      JsonNode *n = g_ptr_array_index (nodes, i);

      json_array_add_element (array, n == node ? n : json_node_copy (n));
    }

  extra = copy_members (mg_document_get_extra (document));
  json_object_set_array_member (extra, MG_SUGGEST_REJECTED_MEMBER, array);
  return extra;
}

/* The labels rejected over each range, a range being one 64-bit key (code
 * points fit in 32 bits); malformed entries, which validate names, and
 * ranges no text could hold reject nothing. The labels belong to the
 * document's rejections. */
static GHashTable *
rejected_by_range (MgDocument *document)
{
  JsonArray *rejected = rejected_array (document);
  GHashTable *refused = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                               (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; rejected != NULL && i < json_array_get_length (rejected); i++)
    {
      const char *l;
      gint64 s, e, key;
      GPtrArray *labels;

      if (!read_entry (json_array_get_element (rejected, i), &l, &s, &e) ||
          s < 0 || e < 0 || s > G_MAXUINT32 || e > G_MAXUINT32)
        continue;
      key = (s << 32) | e;
      if ((labels = g_hash_table_lookup (refused, &key)) == NULL)
        {
          labels = g_ptr_array_new ();
          g_hash_table_insert (refused, g_memdup2 (&key, sizeof key), labels);
        }
      g_ptr_array_add (labels, (char *) l);
    }
  return refused;
}

static gboolean
refused_as (GHashTable         *refused,
            const MgSuggestion *s)
{
  gint64 key = ((gint64) s->start << 32) | s->end;
  GPtrArray *labels = g_hash_table_lookup (refused, &key);

  for (guint i = 0; labels != NULL && i < labels->len; i++)
    if (g_str_equal (g_ptr_array_index (labels, i), s->label))
      return TRUE;
  return FALSE;
}


/* Whether a span already stands where @s would go: under its label, or
 * accepted from it under another (its origin names the label proposed).
 * Only the spans of exactly its range are read, so filtering after an
 * edit costs the suggestions' number, not the document's spans. */
static gboolean
taken (MgAnnotationStore  *store,
       const MgSuggestion *s)
{
  guint n, first = mg_annotation_store_with_range (store, s->start, s->end, &n);

  for (guint i = first; i < first + n; i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);
      const char *proposed;

      if (g_str_equal (mg_annotation_get_label (a), s->label) ||
          (mg_suggest_get_origin (a, NULL, &proposed) && g_str_equal (proposed, s->label)))
        return TRUE;
    }
  return FALSE;
}

/* Per label, the starts of its spans in order and the greatest end up to
 * each: whether a span of the label overlaps a range is then one binary
 * search, for each of thousands of suggestions after every edit. */
typedef struct
{
  GArray *starts;    /* of guint */
  GArray *max_ends;  /* of guint */
} Coverage;

static void
coverage_free (Coverage *c)
{
  g_array_unref (c->starts);
  g_array_unref (c->max_ends);
  g_free (c);
}

static GHashTable *
coverage_of (MgAnnotationStore *store)
{
  GHashTable *by_label = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                (GDestroyNotify) coverage_free);

  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);
      Coverage *c = g_hash_table_lookup (by_label, mg_annotation_get_label (a));
      guint start = mg_annotation_get_start (a), end = mg_annotation_get_end (a);

      if (c == NULL)
        {
          c = g_new0 (Coverage, 1);
          c->starts = g_array_new (FALSE, FALSE, sizeof (guint));
          c->max_ends = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_label, (gpointer) mg_annotation_get_label (a), c);
        }
      if (c->max_ends->len > 0)
        end = MAX (end, g_array_index (c->max_ends, guint, c->max_ends->len - 1));
      g_array_append_val (c->starts, start);
      g_array_append_val (c->max_ends, end);
    }
  return by_label;
}

/* Whether a span of @s's label overlaps it: one coded already, if not
 * quite as proposed, makes the proposal a second outline over the same
 * words. */
static gboolean
covered (GHashTable         *coverage,
         const MgSuggestion *s)
{
  Coverage *c = g_hash_table_lookup (coverage, s->label);
  guint lo = 0, hi;

  if (c == NULL)
    return FALSE;
  /* The spans that start before the suggestion ends... */
  hi = c->starts->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (c->starts, guint, mid) < s->end)
        lo = mid + 1;
      else
        hi = mid;
    }
  /* ...one of which ends after it starts. */
  return lo > 0 && g_array_index (c->max_ends, guint, lo - 1) > s->start;
}

/**
 * mg_suggest_filter:
 * @labels: (nullable): the dataset's labels; a suggestion of a label not
 *   among them is left out
 *
 * The suggestions to show or to add: those no span of @document already
 * has (same label, start and end), that no span began as (accepted under
 * another label, with the same range) and that were not rejected.
 *
 * Returns: (transfer full) (element-type guint): positions in @suggestions,
 *   ascending
 */
GArray *
mg_suggest_filter (MgSuggestions *suggestions,
                   MgDocument    *document,
                   MgLabelSet    *labels)
{
  MgAnnotationStore *store = mg_document_get_store (document);
  g_autoptr(GHashTable) refused = rejected_by_range (document);
  g_autoptr(GHashTable) coverage = coverage_of (store);
  GArray *shown = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < mg_suggestions_get_n_spans (suggestions); i++)
    {
      const MgSuggestion *s = mg_suggestions_get_span (suggestions, i);

      if (*s->label == '\0' || (labels != NULL && mg_label_set_lookup (labels, s->label) == NULL))
        continue;
      if (refused_as (refused, s))
        continue;
      if (covered (coverage, s) || taken (store, s))
        continue;
      g_array_append_val (shown, i);
    }
  return shown;
}

/* The span a suggestion became, under any of @labels. */
static MgAnnotation *
find_span (MgAnnotationStore  *store,
           const MgSuggestion *s,
           const char * const *labels)
{
  for (guint i = 0; labels[i] != NULL; i++)
    {
      MgAnnotation *a = mg_annotation_store_find (store, labels[i], s->start, s->end);

      if (a != NULL)
        return a;
    }
  return NULL;
}

/* The span of the speaker suggestion @to: itself, or, for a pronoun or a
 * description that is not a span, the actor named in full it refers to.
 * The speaker's label is the one the dataset gives actors. */
static MgAnnotation *
speaker_span (MgAnnotationStore *store,
              MgSuggestions     *suggestions,
              guint              to)
{
  const MgSuggestion *s = mg_suggestions_get_span (suggestions, to);
  const char * const actor[] = { s->label, NULL };
  MgAnnotation *a = find_span (store, s, actor);

  if (a == NULL && s->refers_to >= 0)
    a = find_span (store, mg_suggestions_get_span (suggestions, (guint) s->refers_to), actor);
  return a;
}

/* Links @from to @to by the first relation type the dataset's scheme
 * allows between their labels, unless @from has a relation of that type
 * already; FALSE when the scheme allows none. */
static gboolean
link_typed (MgHistory    *history,
            MgDocument   *document,
            MgScheme     *scheme,
            MgAnnotation *from,
            MgAnnotation *to)
{
  MgAnnotationStore *store = mg_document_get_store (document);
  g_autoptr(GPtrArray) types = mg_scheme_relation_types_between (scheme, mg_annotation_get_label (from),
                                                                 mg_annotation_get_label (to));
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(MgRelation) relation = NULL;
  const MgRelationType *type;

  if (types->len == 0)
    return FALSE;
  type = g_ptr_array_index (types, 0);
  relations = mg_annotation_store_relations_of (store, from);
  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *r = g_ptr_array_index (relations, i);

      if (g_strcmp0 (mg_relation_get_kind (r), type->id) == 0 &&
          g_strcmp0 (mg_relation_get_from (r), mg_annotation_get_id (from)) == 0)
        return FALSE;
    }
  relation = mg_relation_new (NULL, type->id, mg_annotation_get_id (from), mg_annotation_get_id (to));
  return mg_history_add_relation (history, document, relation, NULL);
}

/* The scheme read once for all the relations of a step, when the history
 * has a dataset. */
static MgScheme *
dataset_scheme (MgHistory *history)
{
  MgDataset *dataset = mg_history_get_dataset (history);

  return dataset != NULL ? mg_scheme_new_from_dataset (dataset, NULL, NULL) : NULL;
}

/* Attributes the quote of @relation to its speaker when both are spans of
 * the document and the quote is attributed to nobody yet: a person's own
 * attribution is never replaced. A dataset that declares relation types
 * gets the first one its scheme allows from the quote's label to the
 * speaker's, one without gets attributed-to. */
static gboolean
link_relation (MgHistory                 *history,
               MgDocument                *document,
               MgSuggestions             *suggestions,
               MgScheme                  *scheme,
               const MgSuggestedRelation *relation)
{
  const MgSuggestion *quote = mg_suggestions_get_span (suggestions, relation->from);
  const char * const said[] = { quote->label, "claim", NULL };
  MgAnnotationStore *store = mg_document_get_store (document);
  MgAnnotation *from, *to;

  from = find_span (store, quote, said);
  to = speaker_span (store, suggestions, relation->to);
  if (from == NULL || to == NULL)
    return FALSE;
  if (scheme != NULL && mg_scheme_has_relation_types (scheme))
    return link_typed (history, document, scheme, from, to);
  if (mg_annotation_store_attributed_to (store, from) != NULL)
    return FALSE;
  return mg_history_set_attribution (history, document, from, to, NULL);
}

static MgAnnotation *
add_span (MgHistory          *history,
          MgDocument         *document,
          const MgSuggestion *s,
          const char         *label,
          GError            **error)
{
  g_autoptr(MgAnnotation) annotation = mg_annotation_new (NULL, label ? label : s->label,
                                                          s->start, s->end);

  mg_suggest_set_origin (annotation, s->rule, s->label);
  if (!mg_history_add_annotation (history, document, annotation, error))
    return NULL;
  return annotation;
}

/**
 * mg_suggest_accept:
 * @position: the suggestion in @suggestions
 * @label: (nullable): the label to give the span, if not the one proposed
 *
 * Adds the suggestion as a span with its origin; when it is a quote whose
 * speaker is a span already (or an actor some quote's speaker), adds the
 * relation as well (see link_relation()). A speaker proposed as a pronoun or a
 * description ("he", "the minister") that is not a span stands for the
 * actor named in full it refers to. One step of the history.
 *
 * Returns: (transfer none) (nullable): the new span, or %NULL with @error
 *   set when the store refuses it (a twin of a span, a label not defined)
 */
MgAnnotation *
mg_suggest_accept (MgHistory      *history,
                   MgDocument     *document,
                   MgSuggestions  *suggestions,
                   guint           position,
                   const char     *label,
                   GError        **error)
{
  g_autoptr(MgScheme) scheme = dataset_scheme (history);
  MgAnnotation *annotation;

  g_return_val_if_fail (position < mg_suggestions_get_n_spans (suggestions), NULL);

  mg_history_begin_group (history);
  annotation = add_span (history, document, mg_suggestions_get_span (suggestions, position),
                         label, error);
  for (guint i = 0; annotation != NULL && i < mg_suggestions_get_n_relations (suggestions); i++)
    {
      const MgSuggestedRelation *r = mg_suggestions_get_relation (suggestions, i);

      if (r->from == position || r->to == position ||
          mg_suggestions_get_span (suggestions, r->to)->refers_to == (int) position)
        link_relation (history, document, suggestions, scheme, r);
    }
  mg_history_end_group (history);
  return annotation;
}

/**
 * mg_suggest_accept_all:
 * @label: (nullable): accept only the suggestions of this label
 * @relations: whether to add the attributed-to relations between accepted
 *   quotes and speakers
 *
 * Adds every suggestion mg_suggest_filter() keeps (of @label, when given)
 * as a span with its origin, as one step of the history.
 *
 * Returns: how many spans were added; on an error, those before it stay
 */
guint
mg_suggest_accept_all (MgHistory      *history,
                       MgDocument     *document,
                       MgSuggestions  *suggestions,
                       const char     *label,
                       gboolean        relations,
                       GError        **error)
{
  MgDataset *dataset = mg_history_get_dataset (history);
  g_autoptr(GArray) shown = mg_suggest_filter (suggestions, document,
                                               dataset ? mg_dataset_get_labels (dataset) : NULL);
  g_autoptr(MgScheme) scheme = dataset_scheme (history);
  guint added = 0;

  mg_history_begin_group (history);
  for (guint i = 0; i < shown->len; i++)
    {
      const MgSuggestion *s = mg_suggestions_get_span (suggestions, g_array_index (shown, guint, i));

      if (label != NULL && strcmp (s->label, label) != 0)
        continue;
      if (add_span (history, document, s, NULL, error) == NULL)
        break;
      added++;
    }
  for (guint i = 0; relations && i < mg_suggestions_get_n_relations (suggestions); i++)
    link_relation (history, document, suggestions, scheme, mg_suggestions_get_relation (suggestions, i));
  mg_history_end_group (history);
  return added;
}

/**
 * mg_suggest_reject:
 *
 * Records in @document that @suggestion is rejected, as a step of the
 * history; nothing when it was already.
 */
void
mg_suggest_reject (MgHistory          *history,
                   MgDocument         *document,
                   const MgSuggestion *suggestion)
{
  g_autoptr(JsonObject) extra = mg_suggest_add_rejection (document, suggestion);

  if (extra != NULL)
    mg_history_set_extra (history, document, extra);
}

static void
check_rejected (MgDocument *document,
                const char *name,
                GPtrArray  *problems)
{
  JsonObject *extra = mg_document_get_extra (document);
  JsonNode *node;
  JsonArray *array;

  if (extra == NULL || (node = json_object_get_member (extra, MG_SUGGEST_REJECTED_MEMBER)) == NULL)
    return;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      mg_problem_add (problems, name, document, NULL, _("“%s” must be an array"), MG_SUGGEST_REJECTED_MEMBER);
      return;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *entry = json_array_get_element (array, i);
      JsonNode *rule = NULL;
      const char *label;
      gint64 start, end;

      if (JSON_NODE_HOLDS_OBJECT (entry))
        rule = json_object_get_member (json_node_get_object (entry), "rule");
      if (!read_entry (entry, &label, &start, &end) || (rule != NULL && !node_is_string (rule)))
        mg_problem_add (problems, name, document, NULL,
                        _("rejected suggestion #%u must have a “label” string, “start” and “end” integers and a “rule” string"),
                        i + 1);
      else if (start < 0 || start >= end || end > mg_document_get_length (document))
        mg_problem_add (problems, name, document, NULL,
                        _("rejected suggestion #%u: %lld–%lld is not a span of the text (%u characters)"),
                        i + 1, (long long) start, (long long) end, mg_document_get_length (document));
    }
}

/* A label map names only the engine's kinds, each with a label of the
 * dataset, "" or null. */
static void
check_label_map (MgDataset  *dataset,
                 JsonNode   *node,
                 const char *name,
                 GPtrArray  *problems)
{
  g_autoptr(GList) members = NULL;

  if (node == NULL)
    return;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      mg_problem_add (problems, name, NULL, NULL,
                      _("“suggestions” “labels” must be an object such as {\"quote\": \"content\"}"));
      return;
    }
  members = json_object_get_members (json_node_get_object (node));
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (json_node_get_object (node), l->data);

      if (!g_strv_contains (mg_suggest_engine_labels, l->data))
        mg_problem_add (problems, name, NULL, NULL,
                        _("“suggestions” “labels”: no suggestions of the kind “%s” (quote, actor, figure)"),
                        (const char *) l->data);
      else if (JSON_NODE_HOLDS_NULL (value))
        continue;
      else if (!node_is_string (value))
        mg_problem_add (problems, name, NULL, NULL,
                        _("“suggestions” “labels”: “%s” must be a label or null"), (const char *) l->data);
      else if (*json_node_get_string (value) != '\0' &&
               mg_label_set_lookup (mg_dataset_get_labels (dataset), json_node_get_string (value)) == NULL)
        mg_problem_add (problems, name, NULL, NULL,
                        _("“suggestions” “labels”: “%s” names the label “%s”, which the dataset does not define"),
                        (const char *) l->data, json_node_get_string (value));
    }
}

/**
 * mg_suggest_check_dataset:
 * @name: the file's name, which begins each problem
 * @problems: (element-type utf8): where to add one line per problem
 *
 * Checks the shape of the members that record suggestions: an
 * annotation's "origin", a document's "rejected_suggestions" and the
 * dataset's "suggestions". The reader keeps them as unknown members, so
 * this is validate's part.
 */
void
mg_suggest_check_dataset (MgDataset  *dataset,
                          const char *name,
                          GPtrArray  *problems)
{
  JsonObject *extra = mg_dataset_get_extra (dataset);
  JsonNode *node;

  if (extra != NULL && (node = json_object_get_member (extra, MG_SUGGEST_DATASET_MEMBER)) != NULL)
    {
      JsonNode *enabled = JSON_NODE_HOLDS_OBJECT (node)
        ? json_object_get_member (json_node_get_object (node), "enabled") : NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          (enabled != NULL && !(JSON_NODE_HOLDS_VALUE (enabled) &&
                                json_node_get_value_type (enabled) == G_TYPE_BOOLEAN)))
        mg_problem_add (problems, name, NULL, NULL,
                        _("“suggestions” must be an object whose “enabled” is true or false"));
      else
        check_label_map (dataset, json_object_get_member (json_node_get_object (node), "labels"),
                         name, problems);
    }

  for (guint d = 0; d < mg_dataset_get_n_documents (dataset); d++)
    {
      MgDocument *document = mg_dataset_get_document (dataset, d);
      MgAnnotationStore *store = mg_document_get_store (document);

      check_rejected (document, name, problems);
      for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
        {
          MgAnnotation *a = mg_annotation_store_get_annotation (store, i);
          JsonObject *a_extra = mg_annotation_get_extra (a);

          if (a_extra != NULL && json_object_has_member (a_extra, MG_SUGGEST_ORIGIN_MEMBER) &&
              !mg_suggest_get_origin (a, NULL, NULL))
            {
              g_autofree char *where = g_strdup_printf (_("annotation “%s”"), mg_annotation_get_id (a));

              mg_problem_add (problems, name, document, where,
                              _("“origin” must be an object with a “rule” and a “label” string"));
            }
        }
    }
}
