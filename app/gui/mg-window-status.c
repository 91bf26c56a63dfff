/* mg-window-status.c: where each document stands, in the window
 *
 * The window's part for a coding session over a whole corpus: the status
 * of the document shown (win.document-status, one stateful action with a
 * string target for the menu's four choices, and win.toggle-done for
 * Ctrl+D), moving to the next or previous document not done, and the
 * progress in the header ("12 of 40 done"). The core decides what a status
 * is and keeps it (mg-document-status.h); this part only asks and shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-window-status"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-status-filter.h"
#include "mg-window-private.h"

struct _MgWindowStatus
{
  GSimpleAction *action;    /* win.document-status */
  MgHistory     *history;   /* whose ::changed is followed; owned */
  MgDataset     *dataset;   /* whose ::items-changed is followed; owned */
  guint          refresh_id;
};

/* The action's state follows the document shown, whatever changed it: a
 * key, the menu, undo, the first edit of a document to do. */
static void
sync_state (MgWindow *self)
{
  MgDocumentStatus status = self->document ? mg_document_status_get (self->document)
                                           : MG_DOCUMENT_STATUS_TO_DO;

  g_simple_action_set_enabled (self->status->action, self->document != NULL);
  g_simple_action_set_state (self->status->action,
                             g_variant_new_string (mg_document_status_to_string (status)));
}

static gboolean
refresh_cb (gpointer data)
{
  MgWindow *self = data;

  self->status->refresh_id = 0;
  mg_document_list_refilter (self->document_list);
  _mg_window_update_title (self);
  return G_SOURCE_REMOVE;
}

/* Counting and filtering go over every document: an import of thousands
 * of articles, one change each, does them once, before the next frame. */
static void
changed (MgWindow *self)
{
  sync_state (self);
  if (self->status->refresh_id == 0)
    self->status->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_cb, self, NULL);
}

static void
set_status (MgWindow         *self,
            MgDocumentStatus  status)
{
  MgHistory *history = mg_session_get_history (self->session);

  if (self->document == NULL || history == NULL)
    return;
  /* The history's ::changed brings the rest of the window along. */
  mg_document_status_set (history, self->document, status);
}

static void
document_status_cb (GSimpleAction *action,
                    GVariant      *value,
                    MgWindow      *self)
{
  MgDocumentStatus status;

  if (!mg_document_status_parse (g_variant_get_string (value, NULL), &status))
    {
      g_warning ("No such document status: %s", g_variant_get_string (value, NULL));
      return;
    }
  set_status (self, status);
}

/* Ctrl+D: done, or back from done to where the document was before as
 * far as can be told: in progress once it has annotations. */
static void
toggle_done_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgDocumentStatus status;

  if (self->document == NULL)
    return;

  if (mg_document_status_get (self->document) != MG_DOCUMENT_STATUS_DONE)
    status = MG_DOCUMENT_STATUS_DONE;
  else if (mg_annotation_store_get_n_annotations (mg_document_get_store (self->document)) > 0)
    status = MG_DOCUMENT_STATUS_IN_PROGRESS;
  else
    status = MG_DOCUMENT_STATUS_TO_DO;
  set_status (self, status);
}

/* Ctrl+Page Down and Up: the next (previous) document in the dataset's
 * order that is neither done nor skipped. */
static void
move_not_done_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgDataset *dataset = mg_session_get_dataset (self->session);
  gboolean forward = g_str_equal (action_name, "win.next-not-done");
  int n, index;

  if (dataset == NULL || (n = mg_dataset_get_n_documents (dataset)) == 0)
    return;

  index = self->document ? mg_dataset_index_of (dataset, self->document) : (forward ? -1 : n);
  for (index += forward ? 1 : -1; index >= 0 && index < n; index += forward ? 1 : -1)
    {
      MgDocument *document = mg_dataset_get_document (dataset, index);

      if (!mg_document_status_is_finished (mg_document_status_get (document)))
        {
          mg_window_show_document (self, document);
          return;
        }
    }

  mg_window_toast (self, forward ? _("No document after this one is left to do")
                                 : _("No document before this one is left to do"));
}

static void
history_changed_cb (MgWindow  *self,
                    MgHistory *history)
{
  changed (self);
}

static void
items_changed_cb (MgWindow   *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *model)
{
  changed (self);
}

static void
follow (MgWindow *self)
{
  MgWindowStatus *status = self->status;
  MgHistory *history = mg_session_get_history (self->session);
  MgDataset *dataset = mg_session_get_dataset (self->session);

  if (status->history != history)
    {
      if (status->history != NULL)
        g_signal_handlers_disconnect_by_func (status->history, history_changed_cb, self);
      g_set_object (&status->history, history);
      if (history != NULL)
        g_signal_connect_object (history, "changed", G_CALLBACK (history_changed_cb),
                                 self, G_CONNECT_SWAPPED);
    }
  /* An import adds documents without an undo step. */
  if (status->dataset != dataset)
    {
      if (status->dataset != NULL)
        g_signal_handlers_disconnect_by_func (status->dataset, items_changed_cb, self);
      g_set_object (&status->dataset, dataset);
      if (dataset != NULL)
        g_signal_connect_object (dataset, "items-changed", G_CALLBACK (items_changed_cb),
                                 self, G_CONNECT_SWAPPED);
    }
}

static void
session_history_cb (MgWindow   *self,
                    GParamSpec *pspec,
                    MgSession  *session)
{
  follow (self);
  changed (self);
}

/**
 * _mg_window_status_describe:
 *
 * Returns: (nullable): the progress over the dataset, "12 of 40 done",
 *   or %NULL when it has no document
 */
char *
_mg_window_status_describe (MgWindow *self)
{
  MgDataset *dataset = mg_session_get_dataset (self->session);
  guint counts[MG_DOCUMENT_N_STATUSES];
  guint n;

  if (dataset == NULL || (n = mg_dataset_get_n_documents (dataset)) == 0)
    return NULL;

  mg_document_status_count (dataset, counts);
  /* Translators: documents done of all the documents of the dataset. */
  return g_strdup_printf (ngettext ("%u of %u done", "%u of %u done", n),
                          counts[MG_DOCUMENT_STATUS_DONE], n);
}

/* For mg_window_show_document(). */
void
_mg_window_status_document_changed (MgWindow *self)
{
  if (self->status != NULL)
    sync_state (self);
}

void
_mg_window_status_class_init (MgWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.toggle-done", NULL, toggle_done_action);
  gtk_widget_class_install_action (widget_class, "win.next-not-done", NULL, move_not_done_action);
  gtk_widget_class_install_action (widget_class, "win.previous-not-done", NULL, move_not_done_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.toggle-done", NULL);
}

void
_mg_window_status_init (MgWindow *self)
{
  self->status = g_new0 (MgWindowStatus, 1);

  /* A stateful action with a string target, for the menu's radio items;
   * the window's own action map holds it, beside the class's actions. */
  self->status->action = g_simple_action_new_stateful ("document-status", G_VARIANT_TYPE_STRING,
                                                       g_variant_new_string ("to-do"));
  g_signal_connect_object (self->status->action, "change-state",
                           G_CALLBACK (document_status_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (self->status->action));

  g_signal_connect_object (self->session, "notify::history",
                           G_CALLBACK (session_history_cb), self, G_CONNECT_SWAPPED);
  follow (self);
  sync_state (self);
}

void
_mg_window_status_dispose (MgWindow *self)
{
  if (self->status == NULL)
    return;

  g_clear_handle_id (&self->status->refresh_id, g_source_remove);
  if (self->status->history != NULL)
    g_signal_handlers_disconnect_by_func (self->status->history, history_changed_cb, self);
  if (self->status->dataset != NULL)
    g_signal_handlers_disconnect_by_func (self->status->dataset, items_changed_cb, self);
  g_clear_object (&self->status->history);
  g_clear_object (&self->status->dataset);
  g_clear_object (&self->status->action);
  g_clear_pointer (&self->status, g_free);
}
