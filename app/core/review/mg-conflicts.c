/* mg-conflicts.c: settling the conflicts a three-way merge marked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A conflict is settled like a disagreement in review: keep ours, take
 * theirs, keep both or drop both. Each resolution is one step of the
 * history that removes the losing annotations (or the document, or sets
 * the note) and the conflict's entry, and the "conflicts" member with the
 * last one, so that the saved dataset is clean and undo brings all of it
 * back.
 */

#define G_LOG_DOMAIN "mg-conflicts"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-conflicts.h"
#include "mg-error.h"

/**
 * mg_conflict_free:
 * @conflict: (nullable): a conflict of mg_document_list_conflicts()
 */
void
mg_conflict_free (MgConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->id);
  g_free (conflict->kind);
  g_clear_object (&conflict->ours);
  g_clear_object (&conflict->theirs);
  g_free (conflict->theirs_note);
  g_free (conflict->value_id);
  g_clear_pointer (&conflict->theirs_value, json_node_unref);
  g_free (conflict);
}

static MgAnnotation *
lookup_member (MgDocument *document,
               JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  MgAnnotation *annotation;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  annotation = mg_annotation_store_lookup (mg_document_get_store (document),
                                           json_node_get_string (node));
  return annotation ? g_object_ref (annotation) : NULL;
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING
           ? json_node_get_string (node)
           : NULL;
}

/**
 * mg_document_list_conflicts:
 * @document: a document
 *
 * Returns: (transfer container) (element-type MgConflict): the conflicts
 *   marked in @document, in their order, with their annotations as the
 *   document holds them now; entries without an id are left out
 */
GPtrArray *
mg_document_list_conflicts (MgDocument *document)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) mg_conflict_free);
  JsonArray *conflicts;

  g_return_val_if_fail (MG_IS_DOCUMENT (document), list);

  if ((conflicts = mg_document_get_conflicts (document)) == NULL)
    return list;
  for (guint i = 0; i < json_array_get_length (conflicts); i++)
    {
      JsonNode *node = json_array_get_element (conflicts, i);
      JsonObject *object;
      MgConflict *conflict;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          string_member ((object = json_node_get_object (node)), "id") == NULL)
        continue;
      conflict = g_new0 (MgConflict, 1);
      conflict->id = g_strdup (string_member (object, "id"));
      conflict->kind = g_strdup (string_member (object, "kind"));
      conflict->ours = lookup_member (document, object, "ours");
      conflict->theirs = lookup_member (document, object, "theirs");
      conflict->theirs_note = g_strdup (string_member (object, "theirs_note"));
      conflict->value_id = g_strdup (string_member (object, "attribute")
                                     ? string_member (object, "attribute")
                                     : string_member (object, "code"));
      if (json_object_has_member (object, "theirs_value") &&
          !JSON_NODE_HOLDS_NULL (json_object_get_member (object, "theirs_value")))
        conflict->theirs_value = json_node_copy (json_object_get_member (object, "theirs_value"));
      g_ptr_array_add (list, conflict);
    }
  return list;
}

/**
 * mg_dataset_count_conflicts:
 *
 * Returns: how many conflicts the documents of @dataset hold
 */
guint
mg_dataset_count_conflicts (MgDataset *dataset)
{
  guint n = 0;

  g_return_val_if_fail (MG_IS_DATASET (dataset), 0);

  for (guint i = 0; i < mg_dataset_get_n_documents (dataset); i++)
    {
      g_autoptr(GPtrArray) list = mg_document_list_conflicts (mg_dataset_get_document (dataset, i));

      n += list->len;
    }
  return n;
}

/* The document's unknown members without the conflict @id, and without
 * the "conflicts" member once it is empty: a new object, since the
 * history keeps the old one for undo. */
static JsonObject *
extra_without (MgDocument *document,
               const char *id)
{
  JsonObject *extra = mg_document_get_extra (document);
  JsonObject *result = json_object_new ();
  JsonArray *kept = json_array_new ();
  JsonArray *conflicts = mg_document_get_conflicts (document);
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  for (guint i = 0; conflicts != NULL && i < json_array_get_length (conflicts); i++)
    {
      JsonNode *node = json_array_get_element (conflicts, i);

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          g_strcmp0 (string_member (json_node_get_object (node), "id"), id) != 0)
        json_array_add_element (kept, json_node_copy (node));
    }
  json_object_iter_init (&iter, extra);
  while (json_object_iter_next (&iter, &name, &value))
    if (!g_str_equal (name, MG_CONFLICTS_MEMBER))
      json_object_set_member (result, name, json_node_copy (value));
  if (json_array_get_length (kept) > 0)
    json_object_set_array_member (result, MG_CONFLICTS_MEMBER, kept);
  else
    json_array_unref (kept);
  return result;
}

/* Our span takes their label and range, so that its id, note and
 * relations stay; when a step between would meet another span, theirs
 * simply stays in its place. */
static gboolean
take_their_span (MgHistory     *history,
                 MgDocument    *document,
                 MgAnnotation  *ours,
                 MgAnnotation  *theirs,
                 GError       **error)
{
  MgAnnotationStore *store = mg_document_get_store (document);
  g_autofree char *label = g_strdup (mg_annotation_get_label (theirs));
  guint start = mg_annotation_get_start (theirs), end = mg_annotation_get_end (theirs);
  gboolean label_first;

  mg_history_remove_annotation (history, document, theirs);
  label_first = mg_annotation_store_find (store, label, mg_annotation_get_start (ours),
                                          mg_annotation_get_end (ours)) == NULL;
  if (!label_first && mg_annotation_store_find (store, mg_annotation_get_label (ours),
                                                start, end) != NULL)
    {
      mg_history_remove_annotation (history, document, ours);
      return mg_history_add_annotation (history, document, theirs, error);
    }
  if (label_first && !mg_history_set_label (history, document, ours, label, error))
    return FALSE;
  if (!mg_history_set_range (history, document, ours, start, end, error))
    return FALSE;
  return label_first || mg_history_set_label (history, document, ours, label, error);
}

static void
set_note (MgHistory        *history,
          MgDocument       *document,
          const MgConflict *c,
          MgResolution      how)
{
  g_autofree char *both = NULL;

  if (c->ours == NULL || how == MG_RESOLUTION_MINE)
    return;
  if (how == MG_RESOLUTION_BOTH)
    both = g_strjoin ("\n", mg_annotation_get_note (c->ours), c->theirs_note ? c->theirs_note : "",
                      NULL);
  mg_history_set_note (history, document, c->ours,
                       how == MG_RESOLUTION_THEIRS ? c->theirs_note
                       : how == MG_RESOLUTION_BOTH ? both
                                                   : NULL);
}

/* An attribute or a code holds one value: ours stays, theirs replaces it,
 * or dropping removes it; there is no keeping both. */
static gboolean
set_value (MgHistory         *history,
           MgDocument        *document,
           const MgConflict  *c,
           MgResolution       how,
           GError           **error)
{
  gboolean attribute = g_str_equal (c->kind, MG_CONFLICT_ATTRIBUTE_BOTH);
  JsonNode *value = how == MG_RESOLUTION_THEIRS ? c->theirs_value : NULL;

  if (how == MG_RESOLUTION_BOTH)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   attribute ? _("an attribute holds one value: keep ours, take theirs or drop it")
                             : _("a document code holds one value: keep ours, take theirs or drop it"));
      return FALSE;
    }
  if (how == MG_RESOLUTION_MINE || c->value_id == NULL)
    return TRUE;
  if (attribute && c->ours != NULL)
    mg_history_set_attribute (history, document, c->ours, c->value_id, value);
  else if (!attribute)
    mg_history_set_code (history, document, c->value_id, value);
  return TRUE;
}

/* Makes the document's spans what @how asks of @c. */
static gboolean
apply (MgHistory         *history,
       MgDocument        *document,
       const MgConflict  *c,
       MgResolution       how,
       GError           **error)
{
  gboolean mine = how == MG_RESOLUTION_MINE, theirs = how == MG_RESOLUTION_THEIRS;
  gboolean drop = how == MG_RESOLUTION_DROP;
  const char *kind = c->kind ? c->kind : "";

  if (g_str_equal (kind, MG_CONFLICT_NOTE_BOTH))
    set_note (history, document, c, how);
  else if (g_str_equal (kind, MG_CONFLICT_ATTRIBUTE_BOTH) || g_str_equal (kind, MG_CONFLICT_CODE_BOTH))
    return set_value (history, document, c, how, error);
  else if (g_str_equal (kind, MG_CONFLICT_DOCUMENT_DELETED_CHANGED) ||
           g_str_equal (kind, MG_CONFLICT_DOCUMENT_CHANGED_DELETED))
    {
      gboolean deleted_ours = g_str_equal (kind, MG_CONFLICT_DOCUMENT_DELETED_CHANGED);

      if (drop || (mine && deleted_ours) || (theirs && !deleted_ours))
        mg_history_remove_document (history, document);
    }
  else if (theirs && c->ours != NULL && c->theirs != NULL)
    return take_their_span (history, document, c->ours, c->theirs, error);
  else
    {
      /* Deleted on one side: "ours" or "theirs" is null, and keeping that
       * side removes the other. */
      if (c->theirs != NULL && (mine || drop))
        mg_history_remove_annotation (history, document, c->theirs);
      if (c->ours != NULL && (theirs || drop))
        mg_history_remove_annotation (history, document, c->ours);
    }
  return TRUE;
}

/**
 * mg_conflict_resolve:
 * @history: the history of the dataset that holds @document
 * @document: a document with conflicts
 * @id: the id of one of them
 * @how: what to keep: ours, theirs, both, or neither; not
 *   %MG_RESOLUTION_NONE
 *
 * Settles a conflict, as one step of @history: the losing annotations go
 * (or the document, or the note is set), with the conflict's entry.
 *
 * Returns: %FALSE, with @error set and nothing changed, when @document has
 *   no such conflict
 */
gboolean
mg_conflict_resolve (MgHistory     *history,
                     MgDocument    *document,
                     const char    *id,
                     MgResolution   how,
                     GError       **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(JsonObject) extra = NULL;
  const MgConflict *c = NULL;
  gboolean ok;

  g_return_val_if_fail (MG_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (MG_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (how != MG_RESOLUTION_NONE, FALSE);

  list = mg_document_list_conflicts (document);
  for (guint i = 0; i < list->len && c == NULL; i++)
    if (g_str_equal (((MgConflict *) g_ptr_array_index (list, i))->id, id))
      c = g_ptr_array_index (list, i);
  if (c == NULL)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID, _("%s has no conflict “%s”"),
                   mg_document_get_id (document), id);
      return FALSE;
    }

  /* The entry goes first: a removed document takes its entries along, and
   * undo puts the document back before them. */
  extra = extra_without (document, id);
  mg_history_begin_group (history);
  mg_history_set_extra (history, document, json_object_get_size (extra) > 0 ? extra : NULL);
  ok = apply (history, document, c, how, error);
  mg_history_end_group (history);
  if (!ok)
    mg_history_undo (history);
  return ok;
}
