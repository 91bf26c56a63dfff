/* mg-document-status.c
 *
 * A corpus is coded document by document over days, so each document says
 * where it stands: to do, in progress, done or skipped. The status is the
 * document member "status", kept with the members the model does not read
 * otherwise (mg_document_get_extra()), so that a file written before the
 * member existed reads unchanged and a to-do document writes nothing. It
 * changes through the history, so that undo takes it back like any edit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-document-status"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mg-document-status-private.h"

/* The names in the file; to do is the absence of the member, and its name
 * here is only for the command line and the window's actions. */
static const char *names[MG_DOCUMENT_N_STATUSES] = {
  [MG_DOCUMENT_STATUS_TO_DO] = "to-do",
  [MG_DOCUMENT_STATUS_IN_PROGRESS] = "in-progress",
  [MG_DOCUMENT_STATUS_DONE] = "done",
  [MG_DOCUMENT_STATUS_SKIPPED] = "skipped",
};

/**
 * mg_document_status_to_string:
 *
 * Returns: the name of @status: "to-do", "in-progress", "done" or "skipped"
 */
const char *
mg_document_status_to_string (MgDocumentStatus status)
{
  g_return_val_if_fail (status < MG_DOCUMENT_N_STATUSES, NULL);
  return names[status];
}

/**
 * mg_document_status_parse:
 * @name: (nullable): a name from mg_document_status_to_string()
 * @status: (out) (optional): the status named
 *
 * Returns: whether @name names a status
 */
gboolean
mg_document_status_parse (const char       *name,
                          MgDocumentStatus *status)
{
  for (guint i = 0; name != NULL && i < MG_DOCUMENT_N_STATUSES; i++)
    if (g_str_equal (name, names[i]))
      {
        if (status != NULL)
          *status = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * mg_document_status_is_finished:
 *
 * Returns: whether nothing is left to do on a document with @status: it is
 *   done or skipped
 */
gboolean
mg_document_status_is_finished (MgDocumentStatus status)
{
  return status == MG_DOCUMENT_STATUS_DONE || status == MG_DOCUMENT_STATUS_SKIPPED;
}

/**
 * mg_document_status_get:
 *
 * Returns: the status of @document; a value this build does not know (which
 *   the reader refuses) counts as to do
 */
MgDocumentStatus
mg_document_status_get (MgDocument *document)
{
  JsonObject *extra;
  JsonNode *node;
  MgDocumentStatus status;

  g_return_val_if_fail (MG_IS_DOCUMENT (document), MG_DOCUMENT_STATUS_TO_DO);

  extra = mg_document_get_extra (document);
  if (extra == NULL || (node = json_object_get_member (extra, MG_DOCUMENT_STATUS_MEMBER)) == NULL ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return MG_DOCUMENT_STATUS_TO_DO;
  /* "to-do" is never written: absent is to do. */
  if (mg_document_status_parse (json_node_get_string (node), &status) &&
      status != MG_DOCUMENT_STATUS_TO_DO)
    return status;
  return MG_DOCUMENT_STATUS_TO_DO;
}

/**
 * mg_document_status_check:
 * @message: (out) (optional): why the member is wrong, when it is
 *
 * Returns: whether @document's "status" member is absent or one of
 *   "in-progress", "done" and "skipped"
 */
gboolean
mg_document_status_check (MgDocument  *document,
                          char       **message)
{
  JsonObject *extra;
  JsonNode *node;
  MgDocumentStatus status;

  g_return_val_if_fail (MG_IS_DOCUMENT (document), FALSE);

  extra = mg_document_get_extra (document);
  if (extra == NULL || (node = json_object_get_member (extra, MG_DOCUMENT_STATUS_MEMBER)) == NULL)
    return TRUE;
  if (json_node_get_value_type (node) == G_TYPE_STRING &&
      mg_document_status_parse (json_node_get_string (node), &status) &&
      status != MG_DOCUMENT_STATUS_TO_DO)
    return TRUE;

  if (message != NULL && json_node_get_value_type (node) == G_TYPE_STRING)
    /* Translators: the first is the value found; keep the quoted names. */
    *message = g_strdup_printf (_("“status” is “%s”; it must be “in-progress”, “done” or “skipped”, "
                                  "or be left out for a document to do"),
                                json_node_get_string (node));
  else if (message != NULL)
    *message = g_strdup (_("“status” must be a string: “in-progress”, “done” or “skipped”"));
  return FALSE;
}

/* A new object, since the history keeps the old one for undo: @document's
 * unknown members with the status set, or without it for to do. */
JsonObject *
_mg_document_status_extra (MgDocument       *document,
                           MgDocumentStatus  status)
{
  JsonObject *extra = mg_document_get_extra (document);
  JsonObject *result = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (extra != NULL)
    {
      json_object_iter_init (&iter, extra);
      while (json_object_iter_next (&iter, &name, &value))
        if (!g_str_equal (name, MG_DOCUMENT_STATUS_MEMBER))
          json_object_set_member (result, name, json_node_copy (value));
    }
  if (status != MG_DOCUMENT_STATUS_TO_DO)
    json_object_set_string_member (result, MG_DOCUMENT_STATUS_MEMBER, names[status]);
  return result;
}

/**
 * mg_document_status_set:
 *
 * Sets the status of @document as one undo step.
 *
 * Returns: whether the status changed
 */
gboolean
mg_document_status_set (MgHistory        *history,
                       MgDocument       *document,
                       MgDocumentStatus  status)
{
  g_autoptr(JsonObject) extra = NULL;

  g_return_val_if_fail (MG_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (MG_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (status < MG_DOCUMENT_N_STATUSES, FALSE);

  if (mg_document_status_get (document) == status)
    return FALSE;

  extra = _mg_document_status_extra (document, status);
  mg_history_set_extra (history, document, json_object_get_size (extra) > 0 ? extra : NULL);
  return TRUE;
}

/**
 * mg_document_status_count:
 * @counts: (out caller-allocates) (array fixed-size=4): the number of
 *   documents of each status, indexed by #MgDocumentStatus
 */
void
mg_document_status_count (MgDataset *dataset,
                           guint      counts[MG_DOCUMENT_N_STATUSES])
{
  g_return_if_fail (MG_IS_DATASET (dataset));
  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof (guint) * MG_DOCUMENT_N_STATUSES);
  for (guint i = 0; i < mg_dataset_get_n_documents (dataset); i++)
    counts[mg_document_status_get (mg_dataset_get_document (dataset, i))]++;
}
