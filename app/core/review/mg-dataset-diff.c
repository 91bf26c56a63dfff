/* mg-dataset-diff.c: what changed between two versions of a dataset, in words
 *
 * Two readings of a dataset for people who keep it in git. The diff says
 * what changed per document, as an annotator would say it: added, removed,
 * relabelled, moved, note, attribute or code changed. The listing prints a
 * dataset one fact a line (a span, a note, an attribute, a relation, a
 * document code, a conflict), in the file's order, so
 * that git's own line diff of two listings reads like a changelog of the
 * coding: it is what git shows through a textconv filter, in git diff,
 * git log -p and git show alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-dataset-diff"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-dataset-diff.h"
#include "mg-document-status.h"
#include "mg-json-writer.h"
#include "mg-merge3-private.h"
#include "mg-scheme.h"

/* A string as JSON writes it: quoted, and one line whatever it holds. */
static void
append_quoted (GString    *out,
               const char *text)
{
  mg_json_write_string (out, text != NULL ? text : "");
}

static void
append_span (GString      *out,
             MgAnnotation *a)
{
  g_string_append_printf (out, "%s %s [%u, %u) ", mg_annotation_get_id (a),
                          mg_annotation_get_label (a), mg_annotation_get_start (a),
                          mg_annotation_get_end (a));
  append_quoted (out, mg_annotation_get_text (a));
}

static void
append_relation (GString    *out,
                 MgRelation *r)
{
  g_string_append_printf (out, "%s: %s %s %s", mg_relation_get_id (r), mg_relation_get_from (r),
                          mg_relation_get_kind (r), mg_relation_get_to (r));
}

static void
append_conflict (GString  *out,
                 JsonNode *node)
{
  JsonObject *c = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

  if (c == NULL)
    return;
  g_string_append_printf (out, "%s %s: ",
                          json_object_get_string_member_with_default (c, "id", "?"),
                          json_object_get_string_member_with_default (c, "kind", "?"));
  g_string_append_printf (out, _("ours %s, theirs %s"),
                          json_object_get_string_member_with_default (c, "ours", "—"),
                          json_object_get_string_member_with_default (c, "theirs", "—"));
}

/* A value as JSON writes it: a string quoted, true and false bare. */
static char *
value_words (JsonNode *value)
{
  GString *out = g_string_new (NULL);

  if (value == NULL)
    g_string_append (out, "—");
  else
    mg_json_write_node (out, value);
  return g_string_free (out, FALSE);
}

/* "ID VALUE" lines of an object of values, its ids sorted. */
static void
list_values (GString    *out,
             const char *head,
             JsonObject *values)
{
  g_autoptr(GPtrArray) ids = values ? mg_json_sorted_members (values) : NULL;

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      g_autofree char *value = value_words (json_object_get_member (values, ids->pdata[i]));

      g_string_append_printf (out, "  %s %s %s\n", head, (char *) ids->pdata[i], value);
    }
}

/* Listing */

static void
list_document (GString    *out,
               MgDocument *doc)
{
  MgAnnotationStore *store = mg_document_get_store (doc);
  JsonArray *conflicts = mg_document_get_conflicts (doc);

  g_string_append_printf (out, "\ndocument %s ", mg_document_get_id (doc));
  append_quoted (out, mg_document_get_title (doc));
  g_string_append_printf (out, "\n  text sha256 %s, %u characters\n",
                          mg_document_get_text_sha256 (doc), mg_document_get_length (doc));
  list_values (out, "code", mg_document_get_codes (doc));
  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);
      const char *note = mg_annotation_get_note (a);

      g_string_append (out, "  span ");
      append_span (out, a);
      g_string_append_c (out, '\n');
      if (note != NULL && *note != '\0')
        {
          g_string_append_printf (out, "  note %s ", mg_annotation_get_id (a));
          append_quoted (out, note);
          g_string_append_c (out, '\n');
        }
      if (mg_annotation_get_attributes (a) != NULL)
        {
          g_autofree char *head = g_strdup_printf ("attribute %s", mg_annotation_get_id (a));

          list_values (out, head, mg_annotation_get_attributes (a));
        }
    }
  for (guint i = 0; i < mg_annotation_store_get_n_relations (store); i++)
    {
      g_string_append (out, "  relation ");
      append_relation (out, mg_annotation_store_get_relation (store, i));
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; conflicts != NULL && i < json_array_get_length (conflicts); i++)
    {
      g_string_append (out, "  conflict ");
      append_conflict (out, json_array_get_element (conflicts, i));
      g_string_append_c (out, '\n');
    }
}

/**
 * mg_dataset_listing:
 * @dataset: a dataset
 *
 * The dataset one fact a line: its labels, then each document's spans in
 * the file's order, their notes, relations and merge conflicts. The same
 * dataset always gives the same text.
 *
 * Returns: (transfer full): the listing
 */
char *
mg_dataset_listing (MgDataset *dataset)
{
  MgLabelSet *labels;
  GString *out;

  g_return_val_if_fail (MG_IS_DATASET (dataset), NULL);

  out = g_string_new (NULL);
  labels = mg_dataset_get_labels (dataset);
  g_string_append_printf (out, "annotator %s\n", mg_dataset_get_annotator (dataset));
  for (guint i = 0; i < mg_label_set_get_n_labels (labels); i++)
    {
      MgLabel *label = mg_label_set_get_label (labels, i);
      const char *key = mg_label_get_key (label);

      g_string_append_printf (out, "label %s ", mg_label_get_id (label));
      append_quoted (out, mg_label_get_name (label));
      g_string_append_printf (out, " %s key %s\n", mg_label_get_color (label),
                              key != NULL && *key != '\0' ? key : "-");
    }
  for (guint i = 0; i < mg_dataset_get_n_documents (dataset); i++)
    list_document (out, mg_dataset_get_document (dataset, i));
  return g_string_free (out, FALSE);
}

/* Diff */

static void
line (GString    *out,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
line (GString    *out,
      const char *format,
      ...)
{
  va_list args;

  g_string_append (out, "  ");
  va_start (args, format);
  g_string_append_vprintf (out, format, args);
  va_end (args);
  g_string_append_c (out, '\n');
}

static char *
span_words (MgAnnotation *a)
{
  GString *s = g_string_new (NULL);

  append_span (s, a);
  return g_string_free (s, FALSE);
}

static char *
quoted (const char *text)
{
  GString *s = g_string_new (NULL);

  append_quoted (s, text);
  return g_string_free (s, FALSE);
}

/* Each value that changed, by its id: of span @span's attributes, or of
 * the document's codes when @span is NULL. */
static void
diff_values (GString    *out,
             const char *span,
             JsonObject *old_values,
             JsonObject *new_values)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) old_ids = old_values ? mg_json_sorted_members (old_values) : NULL;
  g_autoptr(GPtrArray) new_ids = new_values ? mg_json_sorted_members (new_values) : NULL;

  for (guint i = 0; old_ids != NULL && i < old_ids->len; i++)
    g_ptr_array_add (ids, old_ids->pdata[i]);
  for (guint i = 0; new_ids != NULL && i < new_ids->len; i++)
    if (old_values == NULL || !json_object_has_member (old_values, new_ids->pdata[i]))
      g_ptr_array_add (ids, new_ids->pdata[i]);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = ids->pdata[i];
      JsonNode *before = old_values ? json_object_get_member (old_values, id) : NULL;
      JsonNode *after = new_values ? json_object_get_member (new_values, id) : NULL;
      g_autofree char *was = NULL, *is = NULL;

      if (before != NULL && after != NULL && json_node_equal (before, after))
        continue;
      was = value_words (before);
      is = value_words (after);
      if (span != NULL)
        /* TRANSLATORS: "attribute kind changed on a3: "direct" → "partial"" */
        line (out, _("attribute %s changed on %s: %s → %s"), id, span, was, is);
      else
        /* TRANSLATORS: "code stance changed: "pro" → "against"" */
        line (out, _("code %s changed: %s → %s"), id, was, is);
    }
}

static void
diff_span (GString      *out,
           MgAnnotation *a,
           MgAnnotation *b)
{
  const char *id = mg_annotation_get_id (a);

  if (g_strcmp0 (mg_annotation_get_label (a), mg_annotation_get_label (b)) != 0)
    {
      g_autofree char *text = quoted (mg_annotation_get_text (b));

      /* TRANSLATORS: "relabelled a3 [12, 20) “text”: claim → quote" */
      line (out, _("relabelled %s [%u, %u) %s: %s → %s"), id, mg_annotation_get_start (b),
            mg_annotation_get_end (b), text, mg_annotation_get_label (a), mg_annotation_get_label (b));
    }
  if (mg_annotation_get_start (a) != mg_annotation_get_start (b) ||
      mg_annotation_get_end (a) != mg_annotation_get_end (b))
    {
      g_autofree char *old_text = quoted (mg_annotation_get_text (a));
      g_autofree char *new_text = quoted (mg_annotation_get_text (b));

      /* TRANSLATORS: "moved a3 quote: [12, 20) “old” → [14, 22) “new”" */
      line (out, _("moved %s %s: [%u, %u) %s → [%u, %u) %s"), id, mg_annotation_get_label (b),
            mg_annotation_get_start (a), mg_annotation_get_end (a), old_text,
            mg_annotation_get_start (b), mg_annotation_get_end (b), new_text);
    }
  if (g_strcmp0 (mg_annotation_get_note (a), mg_annotation_get_note (b)) != 0)
    {
      g_autofree char *old_note = quoted (mg_annotation_get_note (a));
      g_autofree char *new_note = quoted (mg_annotation_get_note (b));

      line (out, _("note changed on %s: %s → %s"), id, old_note, new_note);
    }
  diff_values (out, id, mg_annotation_get_attributes (a), mg_annotation_get_attributes (b));
}

static void
diff_spans (GString           *out,
            MgAnnotationStore *old_store,
            MgAnnotationStore *new_store)
{
  for (guint i = 0; i < mg_annotation_store_get_n_annotations (old_store); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (old_store, i);
      MgAnnotation *b = mg_annotation_store_lookup (new_store, mg_annotation_get_id (a));
      g_autofree char *words = NULL;

      if (b != NULL)
        {
          diff_span (out, a, b);
          continue;
        }
      words = span_words (a);
      line (out, _("removed %s"), words);
    }
  for (guint i = 0; i < mg_annotation_store_get_n_annotations (new_store); i++)
    {
      MgAnnotation *b = mg_annotation_store_get_annotation (new_store, i);
      g_autofree char *words = NULL;

      if (mg_annotation_store_lookup (old_store, mg_annotation_get_id (b)) != NULL)
        continue;
      words = span_words (b);
      line (out, _("added %s"), words);
    }
}

static gboolean
relation_in (MgAnnotationStore *store,
             MgRelation        *r)
{
  MgRelation *s = mg_annotation_store_lookup_relation (store, mg_relation_get_id (r));

  return s != NULL && _mg_relations_same (r, s);
}

static void
diff_relations (GString           *out,
                MgAnnotationStore *old_store,
                MgAnnotationStore *new_store)
{
  for (guint i = 0; i < mg_annotation_store_get_n_relations (old_store); i++)
    {
      MgRelation *r = mg_annotation_store_get_relation (old_store, i);
      g_autoptr(GString) words = g_string_new (NULL);

      if (relation_in (new_store, r))
        continue;
      append_relation (words, r);
      line (out, _("relation removed %s"), words->str);
    }
  for (guint i = 0; i < mg_annotation_store_get_n_relations (new_store); i++)
    {
      MgRelation *r = mg_annotation_store_get_relation (new_store, i);
      g_autoptr(GString) words = g_string_new (NULL);

      if (relation_in (old_store, r))
        continue;
      append_relation (words, r);
      line (out, _("relation added %s"), words->str);
    }
}

static gboolean
conflict_in (JsonArray *conflicts,
             JsonNode  *node)
{
  for (guint i = 0; conflicts != NULL && i < json_array_get_length (conflicts); i++)
    if (json_node_equal (json_array_get_element (conflicts, i), node))
      return TRUE;
  return FALSE;
}

static void
diff_conflicts (GString   *out,
                JsonArray *old_conflicts,
                JsonArray *new_conflicts)
{
  for (guint i = 0; old_conflicts != NULL && i < json_array_get_length (old_conflicts); i++)
    {
      JsonNode *node = json_array_get_element (old_conflicts, i);
      g_autoptr(GString) words = g_string_new (NULL);

      if (conflict_in (new_conflicts, node))
        continue;
      append_conflict (words, node);
      line (out, _("conflict resolved %s"), words->str);
    }
  for (guint i = 0; new_conflicts != NULL && i < json_array_get_length (new_conflicts); i++)
    {
      JsonNode *node = json_array_get_element (new_conflicts, i);
      g_autoptr(GString) words = g_string_new (NULL);

      if (conflict_in (old_conflicts, node))
        continue;
      append_conflict (words, node);
      line (out, _("conflict %s"), words->str);
    }
}

static void
diff_document (GString    *out,
               MgDocument *a,
               MgDocument *b)
{
  g_autoptr(GString) body = g_string_new (NULL);
  MgAnnotationStore *old_store = mg_document_get_store (a), *new_store = mg_document_get_store (b);

  if (g_strcmp0 (mg_document_get_id (a), mg_document_get_id (b)) != 0)
    line (body, _("renamed from %s"), mg_document_get_id (a));
  if (g_strcmp0 (mg_document_get_title (a), mg_document_get_title (b)) != 0)
    {
      g_autofree char *old_title = quoted (mg_document_get_title (a));
      g_autofree char *new_title = quoted (mg_document_get_title (b));

      line (body, _("title changed: %s → %s"), old_title, new_title);
    }
  if (mg_document_status_get (a) != mg_document_status_get (b))
    line (body, _("status: %s → %s"), mg_document_status_to_string (mg_document_status_get (a)),
          mg_document_status_to_string (mg_document_status_get (b)));
  diff_values (body, NULL, mg_document_get_codes (a), mg_document_get_codes (b));
  diff_spans (body, old_store, new_store);
  diff_relations (body, old_store, new_store);
  diff_conflicts (body, mg_document_get_conflicts (a), mg_document_get_conflicts (b));
  if (body->len > 0)
    g_string_append_printf (out, "%s:\n%s", mg_document_get_id (b), body->str);
}

/* "id “title” (N spans)", for documents added and removed. */
static char *
document_words (MgDocument *doc)
{
  g_autofree char *title = quoted (mg_document_get_title (doc));
  guint n = mg_annotation_store_get_n_annotations (mg_document_get_store (doc));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %s (%u span)", "%s %s (%u spans)", n),
                          mg_document_get_id (doc), title, n);
}

/* The documents of @dataset not in @paired: added to the new version, or
 * removed from the old. */
static void
list_unpaired (GString    *out,
               MgDataset  *dataset,
               GHashTable *paired,
               gboolean    added)
{
  for (guint i = 0; i < mg_dataset_get_n_documents (dataset); i++)
    {
      MgDocument *doc = mg_dataset_get_document (dataset, i);
      g_autofree char *words = NULL;

      if (g_hash_table_contains (paired, doc))
        continue;
      words = document_words (doc);
      if (added)
        g_string_append_printf (out, _("document added: %s"), words);
      else
        g_string_append_printf (out, _("document removed: %s"), words);
      g_string_append_c (out, '\n');
    }
}

static void
diff_labels (GString    *out,
             MgLabelSet *a,
             MgLabelSet *b)
{
  g_autoptr(GString) body = g_string_new (NULL);

  for (guint i = 0; i < mg_label_set_get_n_labels (a); i++)
    {
      MgLabel *x = mg_label_set_get_label (a, i);
      MgLabel *y = mg_label_set_lookup (b, mg_label_get_id (x));

      if (y == NULL)
        line (body, _("label removed %s"), mg_label_get_id (x));
      else if (g_strcmp0 (mg_label_get_name (x), mg_label_get_name (y)) != 0 ||
               g_strcmp0 (mg_label_get_color (x), mg_label_get_color (y)) != 0 ||
               g_strcmp0 (mg_label_get_key (x), mg_label_get_key (y)) != 0)
        line (body, _("label changed %s: “%s” %s key %s → “%s” %s key %s"), mg_label_get_id (x),
              mg_label_get_name (x), mg_label_get_color (x), mg_label_get_key (x),
              mg_label_get_name (y), mg_label_get_color (y), mg_label_get_key (y));
    }
  for (guint i = 0; i < mg_label_set_get_n_labels (b); i++)
    {
      MgLabel *y = mg_label_set_get_label (b, i);

      if (mg_label_set_lookup (a, mg_label_get_id (y)) == NULL)
        line (body, _("label added %s: “%s” %s key %s"), mg_label_get_id (y),
              mg_label_get_name (y), mg_label_get_color (y), mg_label_get_key (y));
    }
  if (body->len > 0)
    g_string_append_printf (out, "%s\n%s", _("labels:"), body->str);
}

/**
 * mg_dataset_diff:
 * @old_dataset: the earlier version
 * @new_dataset: the later version
 *
 * Says what changed from @old_dataset to @new_dataset: labels, then per
 * document (paired by id and text as a merge pairs them) the spans added,
 * removed, relabelled and moved, notes changed, relations added and
 * removed and merge conflicts marked and resolved, then documents added
 * and removed. Spans pair by id.
 *
 * Returns: (transfer full): the changes, one a line; empty when none
 */
char *
mg_dataset_diff (MgDataset *old_dataset,
                 MgDataset *new_dataset)
{
  g_autoptr(GHashTable) by_sha = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) paired = g_hash_table_new (NULL, NULL);
  GString *out;

  g_return_val_if_fail (MG_IS_DATASET (old_dataset), NULL);
  g_return_val_if_fail (MG_IS_DATASET (new_dataset), NULL);

  out = g_string_new (NULL);
  by_sha = _mg_documents_by_sha (old_dataset);
  diff_labels (out, mg_dataset_get_labels (old_dataset), mg_dataset_get_labels (new_dataset));
  for (guint i = 0; i < mg_dataset_get_n_documents (new_dataset); i++)
    {
      MgDocument *b = mg_dataset_get_document (new_dataset, i);
      MgDocument *a = _mg_counterpart (old_dataset, by_sha, taken, b);

      if (a == NULL)
        continue;
      g_hash_table_add (paired, b);
      diff_document (out, a, b);
    }
  list_unpaired (out, new_dataset, paired, TRUE);
  list_unpaired (out, old_dataset, taken, FALSE);
  return g_string_free (out, FALSE);
}
