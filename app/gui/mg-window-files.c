/* mg-window-files.c: opening, importing, saving, autosaving and watching files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here exists so that a person never loses work: saves are atomic
 * and never overwrite a file someone else changed without asking; a draft of
 * the dataset is written to the data folder a few seconds after each change
 * and offered back after a crash; closing or replacing unsaved work asks
 * first. The model itself is only touched through the history.
 */

#define G_LOG_DOMAIN "mg-window-files"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-drafts.h"
#include "mg-import.h"

#include "mg-window-private.h"

/* The issue promises a draft at most this long after a change. */
#define AUTOSAVE_MAX_USEC       (5 * G_USEC_PER_SEC)
/* Editors and sync tools write a file in several steps; wait for calm. */
#define MONITOR_SETTLE_MSEC     250
/* Enough of a file to tell a dataset from an article. */
#define SNIFF_BYTES             4096
/* Importing more files than this shows progress and can be cancelled. */
#define IMPORT_PROGRESS_MIN     2
#define MAX_IMPORT_TOASTS       4

typedef void (*Continuation) (MgWindow *self,
                              gpointer  data);
typedef void (*SavedFunc)    (MgWindow *self,
                              gboolean  saved);

typedef struct _ImportJob ImportJob;
typedef struct _DraftWrite DraftWrite;

struct _MgWindowFiles
{
  MgDrafts     *drafts;
  GCancellable *cancellable;    /* cancelled when the window goes */
  char         *draft_key;      /* key of the current dataset's draft */
  char         *claimed_key;    /* key of the draft this window wrote, if any */
  MgHistory    *history;        /* the history whose signals we follow */
  GFile        *watched;
  GFileMonitor *monitor;
  GtkWidget    *dialog;         /* the prompt shown, if any (weak) */
  ImportJob    *import;         /* the import running, if any */
  SavedFunc     save_as_then;   /* run once the Save As chooser is answered */
  DraftWrite   *writing;        /* the draft write running, if any */

  /* How the file looked when loaded or last saved. */
  gint64        stamp_mtime;
  gint64        stamp_size;
  /* The change on disk the user already answered "Keep Mine" to. */
  gint64        ignored_mtime;
  gint64        ignored_size;

  gint64        first_change;   /* monotonic time of the oldest change not in a draft */
  guint         autosave_id;
  guint         monitor_id;
  guint         generation;     /* bumped whenever the draft is discarded */

  guint         has_stamp : 1;
  guint         write_again : 1;
  guint         close_confirmed : 1;
};

/* Keys of the drafts open windows of this process wrote: those are work in
 * progress, never offered for recovery, whichever window asks. */
static GHashTable *live_keys;
static gboolean    checked_drafts_at_start;

static void     schedule_autosave (MgWindow *self);
static void     write_draft       (MgWindow *self);
static void     save              (MgWindow *self,
                                   gboolean  choose,
                                   SavedFunc then);
static gboolean offer_next_draft  (MgWindow *self);

static void
claim_key (const char *key)
{
  if (live_keys == NULL)
    live_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (live_keys, g_strdup (key),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (live_keys, key)) + 1));
}

static void
release_key (const char *key)
{
  guint count;

  if (key == NULL || live_keys == NULL)
    return;
  count = GPOINTER_TO_UINT (g_hash_table_lookup (live_keys, key));
  if (count <= 1)
    g_hash_table_remove (live_keys, key);
  else
    g_hash_table_insert (live_keys, g_strdup (key), GUINT_TO_POINTER (count - 1));
}

static void
set_draft_key (MgWindow   *self,
               const char *key)
{
  MgWindowFiles *files = self->files;

  if (g_strcmp0 (files->draft_key, key) == 0)
    return;
  g_free (files->draft_key);
  files->draft_key = g_strdup (key);
}

static void
claim_draft (MgWindow *self)
{
  MgWindowFiles *files = self->files;

  if (g_strcmp0 (files->claimed_key, files->draft_key) == 0)
    return;
  release_key (files->claimed_key);
  g_free (files->claimed_key);
  files->claimed_key = g_strdup (files->draft_key);
  claim_key (files->claimed_key);
}

static void
unclaim_draft (MgWindow *self)
{
  release_key (self->files->claimed_key);
  g_clear_pointer (&self->files->claimed_key, g_free);
}

static char *
display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

static gboolean
query_stamp (GFile  *file,
             gint64 *mtime,
             gint64 *size)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) modified = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || !(modified = g_file_info_get_modification_date_time (info)))
    return FALSE;
  *mtime = g_date_time_to_unix (modified) * G_USEC_PER_SEC +
           g_date_time_get_microsecond (modified);
  *size = g_file_info_get_size (info);
  return TRUE;
}

/* Whether the file is no longer what this window loaded or last saved. A file
 * that vanished is not "changed": saving recreates it, overwriting nothing. */
static gboolean
changed_on_disk (MgWindow *self,
                 gint64   *mtime,
                 gint64   *size)
{
  MgWindowFiles *files = self->files;
  gint64 m = 0, s = 0;

  if (self->file == NULL || !query_stamp (self->file, &m, &s))
    return FALSE;
  if (mtime != NULL)
    *mtime = m;
  if (size != NULL)
    *size = s;
  return !files->has_stamp || m != files->stamp_mtime || s != files->stamp_size;
}

static void
remember_stamp (MgWindow *self)
{
  MgWindowFiles *files = self->files;

  files->has_stamp = self->file != NULL &&
                     query_stamp (self->file, &files->stamp_mtime, &files->stamp_size);
}

static void
stop_autosave (MgWindow *self)
{
  g_clear_handle_id (&self->files->autosave_id, g_source_remove);
  self->files->first_change = 0;
}

/* The work is safe elsewhere (saved) or given up (discarded): the draft goes,
 * and a draft write still running is told to remove what it wrote. */
static void
discard_draft (MgWindow *self)
{
  MgWindowFiles *files = self->files;
  g_autoptr(GError) error = NULL;

  stop_autosave (self);
  files->generation++;
  files->write_again = FALSE;
  if (files->draft_key != NULL &&
      !mg_drafts_discard (files->drafts, files->draft_key, &error))
    g_warning ("%s", error->message);
  unclaim_draft (self);
}

/* Dialogs */

static GtkWidget *
new_prompt (MgWindow   *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_set_weak_pointer (&self->files->dialog, dialog);
  return dialog;
}

static void
show_error (MgWindow   *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  MgWindow      *self;
  Continuation   func;
  gpointer       data;
  GDestroyNotify destroy;
  char          *response;
} Pending;

static Pending *
pending_new (MgWindow       *self,
             Continuation    func,
             gpointer        data,
             GDestroyNotify  destroy)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->self = g_object_ref (self);
  pending->func = func;
  pending->data = data;
  pending->destroy = destroy;
  return pending;
}

static void
pending_free (Pending *pending)
{
  if (pending->destroy != NULL)
    pending->destroy (pending->data);
  g_object_unref (pending->self);
  g_free (pending->response);
  g_free (pending);
}

static void
pending_run (Pending *pending)
{
  pending->func (pending->self, pending->data);
}

static void
continue_after_save (MgWindow *self,
                     gboolean  saved)
{
  Pending *pending = g_object_steal_data (G_OBJECT (self), "mg-pending-after-save");

  if (pending == NULL)
    return;
  if (saved)
    pending_run (pending);
  pending_free (pending);
}

/* Runs once the prompt is gone: closing the window from inside the
 * dialog's own response would leave the dialog with a dead parent. */
static gboolean
unsaved_answered_cb (gpointer user_data)
{
  Pending *pending = user_data;
  MgWindow *self = pending->self;
  g_autofree char *response = g_steal_pointer (&pending->response);

  if (self->files == NULL)
    ;
  else if (g_str_equal (response, "discard"))
    {
      discard_draft (self);
      pending_run (pending);
    }
  else if (g_str_equal (response, "save"))
    {
      /* Saving may need a file chooser or an overwrite prompt first; the
       * continuation runs only once the work is really on disk. */
      g_object_set_data_full (G_OBJECT (self), "mg-pending-after-save",
                              g_steal_pointer (&pending), (GDestroyNotify)pending_free);
      save (self, FALSE, continue_after_save);
    }

  g_clear_pointer (&pending, pending_free);
  return G_SOURCE_REMOVE;
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Pending          *pending)
{
  pending->response = g_strdup (response);
  g_idle_add (unsaved_answered_cb, pending);
}

/* Runs @func at once when nothing is unsaved, otherwise after the user chose
 * Save (and the save worked) or Discard; Cancel drops it. */
static void
confirm_unsaved (MgWindow       *self,
                 Continuation    func,
                 gpointer        data,
                 GDestroyNotify  destroy)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->history == NULL || !mg_history_get_modified (self->history))
    {
      func (self, data);
      if (destroy != NULL)
        destroy (data);
      return;
    }

  name = self->file ? display_name (self->file) : g_strdup (_("New Dataset"));
  body = g_strdup_printf (_("“%s” has changes that were not saved. Discarded changes cannot be recovered."), name);
  dialog = new_prompt (self, _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (unsaved_response_cb),
                    pending_new (self, func, data, destroy));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* File choosers: GtkFileDialog from GTK 4.10, the portal-aware native
 * chooser before it. Either way the callback gets the chosen files, or
 * NULL when the user cancelled. */

typedef enum { CHOOSE_OPEN, CHOOSE_OPEN_MULTIPLE, CHOOSE_SAVE } ChooseMode;
typedef void (*ChosenFunc) (MgWindow  *self,
                            GPtrArray *files /* nullable */);

typedef struct
{
  MgWindow  *self;
  ChosenFunc func;
} Choice;

static GPtrArray *
files_from_model (GListModel *model)
{
  GPtrArray *chosen = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (chosen, g_list_model_get_item (model, i));
  return chosen;
}

static void
choice_finish (Choice    *choice,
               GPtrArray *chosen)
{
  if (chosen != NULL && chosen->len == 0)
    g_clear_pointer (&chosen, g_ptr_array_unref);
  /* NULL tells the callback the user cancelled. */
  if (choice->self->files != NULL)
    choice->func (choice->self, chosen);
  g_clear_pointer (&chosen, g_ptr_array_unref);
  g_object_unref (choice->self);
  g_free (choice);
}

static GListModel *
make_filters (ChooseMode mode)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) datasets = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) articles = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (datasets, _("Datasets"));
  gtk_file_filter_add_mime_type (datasets, "application/json");
  gtk_file_filter_add_suffix (datasets, "json");
  gtk_file_filter_set_name (articles, _("Articles"));
  gtk_file_filter_add_mime_type (articles, "text/plain");
  gtk_file_filter_add_mime_type (articles, "text/html");
  gtk_file_filter_add_mime_type (articles, "application/xml");
  gtk_file_filter_add_suffix (articles, "jsonl");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  if (mode == CHOOSE_OPEN_MULTIPLE)
    g_list_store_append (filters, articles);
  else
    g_list_store_append (filters, datasets);
  g_list_store_append (filters, all);
  return G_LIST_MODEL (filters);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
dialog_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GtkFileDialog *dialog = GTK_FILE_DIALOG (object);
  Choice *choice = user_data;
  g_autoptr(GListModel) model = NULL;
  GPtrArray *chosen = NULL;
  GFile *file = NULL;

  switch (GPOINTER_TO_INT (g_object_get_data (object, "mg-mode")))
    {
    case CHOOSE_OPEN:
      file = gtk_file_dialog_open_finish (dialog, result, NULL);
      break;
    case CHOOSE_SAVE:
      file = gtk_file_dialog_save_finish (dialog, result, NULL);
      break;
    case CHOOSE_OPEN_MULTIPLE:
      model = gtk_file_dialog_open_multiple_finish (dialog, result, NULL);
      chosen = files_from_model (model);
      break;
    default:
      g_assert_not_reached ();
    }
  if (file != NULL)
    {
      chosen = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (chosen, file);
    }
  choice_finish (choice, chosen);
}

static void
choose_files (MgWindow   *self,
              ChooseMode  mode,
              const char *title,
              ChosenFunc  func)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filters = make_filters (mode);
  Choice *choice = g_new0 (Choice, 1);

  choice->self = g_object_ref (self);
  choice->func = func;
  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_filters (dialog, filters);
  g_object_set_data (G_OBJECT (dialog), "mg-mode", GINT_TO_POINTER (mode));

  if (mode == CHOOSE_SAVE)
    {
      g_autofree char *name = self->file ? g_file_get_basename (self->file)
                                         : g_strdup (_("dataset.json"));

      gtk_file_dialog_set_initial_name (dialog, name);
      gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, dialog_done_cb, choice);
    }
  else if (mode == CHOOSE_OPEN)
    gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, dialog_done_cb, choice);
  else
    gtk_file_dialog_open_multiple (dialog, GTK_WINDOW (self), NULL, dialog_done_cb, choice);
}
#else
static void
native_response_cb (GtkNativeDialog *native,
                    int              response,
                    Choice          *choice)
{
  GPtrArray *chosen = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) model = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

      chosen = files_from_model (model);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  choice_finish (choice, chosen);
}

static void
choose_files (MgWindow   *self,
              ChooseMode  mode,
              const char *title,
              ChosenFunc  func)
{
  g_autoptr(GListModel) filters = make_filters (mode);
  GtkFileChooserNative *native;
  Choice *choice = g_new0 (Choice, 1);

  choice->self = g_object_ref (self);
  choice->func = func;
  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                        mode == CHOOSE_SAVE ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                            : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        mode == CHOOSE_SAVE ? _("_Save") : _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), mode == CHOOSE_OPEN_MULTIPLE);
  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }
  if (mode == CHOOSE_SAVE)
    {
      g_autofree char *name = self->file ? g_file_get_basename (self->file)
                                         : g_strdup (_("dataset.json"));

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }
  g_signal_connect (native, "response", G_CALLBACK (native_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
#endif

/* Saving */

static gboolean
write_dataset (MgWindow  *self,
               GFile     *target,
               GError   **error)
{
  g_autofree char *path = g_file_get_path (target);
  g_autoptr(GBytes) bytes = NULL;

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only files on this computer can be saved to."));
      return FALSE;
    }
  bytes = mg_dataset_to_bytes (self->dataset);
  return mg_write_file_atomic (path, bytes, error);
}

static void
save_failed_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         MgWindow         *self)
{
  SavedFunc then = (SavedFunc)g_object_get_data (G_OBJECT (dialog), "mg-then");

  if (g_str_equal (response, "save-as"))
    save (self, TRUE, then);
  else if (then != NULL)
    then (self, FALSE);
}

static void
save_to (MgWindow  *self,
         GFile     *target,
         SavedFunc  then)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) keep = g_object_ref (target);

  if (!write_dataset (self, target, &error))
    {
      g_autofree char *name = display_name (target);
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);
      g_autofree char *body = g_strdup_printf (_("%s\n\nThe file on disk was left as it was and your work is still open. Try saving it somewhere else."),
                                               error->message);
      GtkWidget *dialog = new_prompt (self, heading, body);

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "close", _("_Close"),
                                        "save-as", _("Save _As…"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
      g_object_set_data (G_OBJECT (dialog), "mg-then", (gpointer)then);
      g_signal_connect_object (dialog, "response", G_CALLBACK (save_failed_response_cb),
                               self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* The old draft goes before the key changes with the file. */
  discard_draft (self);
  mg_window_set_file (self, keep);
  remember_stamp (self);
  mg_history_mark_saved (self->history);
  discard_draft (self);
  _mg_window_update_title (self);

  if (then != NULL)
    then (self, TRUE);
}

typedef struct
{
  GFile    *target;
  SavedFunc then;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->target);
  g_free (data);
}

static void
overwrite_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       MgWindow         *self)
{
  SaveData *data = g_object_get_data (G_OBJECT (dialog), "mg-save");

  if (g_str_equal (response, "overwrite"))
    save_to (self, data->target, data->then);
  else if (data->then != NULL)
    data->then (self, FALSE);
}

static void
save_as_chosen (MgWindow  *self,
                GPtrArray *chosen)
{
  SavedFunc then = self->files->save_as_then;

  self->files->save_as_then = NULL;

  /* The chooser itself asked before replacing an existing file. */
  if (chosen != NULL)
    save_to (self, g_ptr_array_index (chosen, 0), then);
  else if (then != NULL)
    then (self, FALSE);
}

static void
save (MgWindow  *self,
      gboolean   choose,
      SavedFunc  then)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  SaveData *data;

  if (self->dataset == NULL)
    return;

  if (choose || self->file == NULL)
    {
      self->files->save_as_then = then;
      choose_files (self, CHOOSE_SAVE, _("Save Dataset"), save_as_chosen);
      return;
    }

  if (!changed_on_disk (self, NULL, NULL))
    {
      save_to (self, self->file, then);
      return;
    }

  name = display_name (self->file);
  body = g_strdup_printf (_("“%s” was changed by another program since it was opened here. Saving replaces those changes with yours."), name);
  dialog = new_prompt (self, _("Overwrite Changes on Disk?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  data = g_new0 (SaveData, 1);
  data->target = g_object_ref (self->file);
  data->then = then;
  g_object_set_data_full (G_OBJECT (dialog), "mg-save", data, (GDestroyNotify)save_data_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (overwrite_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  save (MG_WINDOW (widget), FALSE, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  save (MG_WINDOW (widget), TRUE, NULL);
}

/* Saves to a path or URI without a chooser, for scripts and tests. */
static void
save_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_variant_get_string (param, NULL));

  save_to (MG_WINDOW (widget), file, NULL);
}

/* Autosave: a draft of the whole dataset, serialised here and written by a
 * worker thread so a big dataset never stalls typing. */

struct _DraftWrite
{
  MgDrafts *drafts;
  MgDraft  *draft;
  GBytes   *bytes;
  guint     generation;
  /* Set when the window went away: what to do in its place. */
  MgDraft  *followup_draft;
  GBytes   *followup_bytes;
  gboolean  obsolete;
};

static void
draft_write_free (DraftWrite *write)
{
  g_clear_object (&write->drafts);
  g_clear_object (&write->draft);
  g_clear_pointer (&write->bytes, g_bytes_unref);
  g_clear_object (&write->followup_draft);
  g_clear_pointer (&write->followup_bytes, g_bytes_unref);
  g_free (write);
}

static void
draft_write_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  DraftWrite *write = task_data;
  GError *error = NULL;

  if (mg_drafts_write (write->drafts, write->draft, write->bytes, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
draft_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  MgWindow *self = MG_WINDOW (object);
  MgWindowFiles *files = self->files;
  DraftWrite *write = g_task_get_task_data (G_TASK (result));
  const char *key = mg_draft_get_key (write->draft);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not write the draft: %s", error->message);

  /* The window is gone: finish what it asked for in its last moment. */
  if (files == NULL)
    {
      if (write->obsolete)
        mg_drafts_discard (write->drafts, key, NULL);
      else if (write->followup_bytes != NULL)
        mg_drafts_write (write->drafts, write->followup_draft, write->followup_bytes, NULL);
      return;
    }

  files->writing = NULL;

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("Could not keep a draft of your work: %s"),
                                                  error->message);
      mg_window_toast (self, message);
    }

  /* Saved or discarded while this draft was on its way: it must not stay. */
  if (write->generation != files->generation &&
      !(g_strcmp0 (key, files->draft_key) == 0 &&
        self->history != NULL && mg_history_get_modified (self->history)))
    mg_drafts_discard (files->drafts, key, NULL);

  if (files->write_again)
    {
      files->write_again = FALSE;
      write_draft (self);
    }
}

static MgDraft *
describe_draft (MgWindow *self)
{
  MgWindowFiles *files = self->files;
  g_autofree char *path = self->file ? g_file_get_path (self->file) : NULL;
  MgDraft *draft = mg_draft_new (files->draft_key, path);

  mg_draft_set_counts (draft, mg_dataset_get_n_documents (self->dataset),
                       mg_dataset_count_annotations (self->dataset));
  if (files->has_stamp)
    mg_draft_set_original_stamp (draft, files->stamp_mtime, files->stamp_size);
  return draft;
}

static gboolean
needs_draft (MgWindow *self)
{
  return self->dataset != NULL && self->history != NULL &&
         self->files->draft_key != NULL && mg_history_get_modified (self->history);
}

static void
write_draft (MgWindow *self)
{
  MgWindowFiles *files = self->files;
  g_autoptr(GTask) task = NULL;
  DraftWrite *write;

  stop_autosave (self);
  if (!needs_draft (self))
    return;
  /* One write at a time, so an older draft never lands after a newer one. */
  if (files->writing != NULL)
    {
      files->write_again = TRUE;
      return;
    }

  write = g_new0 (DraftWrite, 1);
  write->drafts = g_object_ref (files->drafts);
  write->draft = describe_draft (self);
  write->bytes = mg_dataset_to_bytes (self->dataset);
  write->generation = files->generation;
  files->writing = write;
  claim_draft (self);

  task = g_task_new (self, files->cancellable, draft_written_cb, NULL);
  g_task_set_source_tag (task, write_draft);
  g_task_set_task_data (task, write, (GDestroyNotify)draft_write_free);
  g_task_run_in_thread (task, draft_write_thread);
}

static gboolean
autosave_cb (gpointer user_data)
{
  MgWindow *self = user_data;

  self->files->autosave_id = 0;
  write_draft (self);
  return G_SOURCE_REMOVE;
}

/* Each change restarts the delay, but the oldest change not in a draft
 * never waits longer than the promised five seconds. */
static void
schedule_autosave (MgWindow *self)
{
  MgWindowFiles *files = self->files;
  gint64 now = g_get_monotonic_time ();
  gint64 delay, due;

  if (files->first_change == 0)
    files->first_change = now;
  delay = CLAMP (g_settings_get_uint (self->settings, "autosave-delay"), 1, 5) * G_USEC_PER_SEC;
  due = MIN (now + delay, files->first_change + AUTOSAVE_MAX_USEC);

  g_clear_handle_id (&files->autosave_id, g_source_remove);
  files->autosave_id = g_timeout_add (MAX (due - now, 0) / 1000, autosave_cb, self);
}

static void
history_changed_cb (MgWindow *self)
{
  if (mg_history_get_modified (self->history))
    schedule_autosave (self);
  else
    discard_draft (self);  /* back at the saved state, by undo */
}

/* Watching the file for changes by someone else */

static void
reload (MgWindow *self)
{
  g_autoptr(GFile) file = g_object_ref (self->file);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(MgDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  gint64 mtime = 0, size = 0;
  gboolean stamped = query_stamp (file, &mtime, &size);

  if (path == NULL || !(dataset = mg_dataset_load_file (path, &error)))
    {
      g_autofree char *name = display_name (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Reload “%s”"), name);

      show_error (self, heading, error ? error->message : _("The file is not on this computer."));
      return;
    }

  discard_draft (self);
  mg_window_set_dataset (self, dataset, file);
  self->files->has_stamp = stamped;
  self->files->stamp_mtime = mtime;
  self->files->stamp_size = size;
}

static void
disk_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  MgWindow         *self)
{
  MgWindowFiles *files = self->files;

  if (files == NULL)
    return;
  if (g_str_equal (response, "reload"))
    reload (self);
  else
    {
      /* Not asked again for this very change; a save still asks. */
      const gint64 *stamp = g_object_get_data (G_OBJECT (dialog), "mg-stamp");

      files->ignored_mtime = stamp[0];
      files->ignored_size = stamp[1];
    }
}

static gboolean
check_disk_cb (gpointer user_data)
{
  MgWindow *self = user_data;
  MgWindowFiles *files = self->files;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  gint64 mtime = 0, size = 0;
  GtkWidget *dialog;
  gboolean modified;
  gint64 *stamp;

  files->monitor_id = 0;
  if (files->dialog != NULL || !changed_on_disk (self, &mtime, &size) ||
      (mtime == files->ignored_mtime && size == files->ignored_size))
    return G_SOURCE_REMOVE;

  modified = self->history != NULL && mg_history_get_modified (self->history);
  name = display_name (self->file);
  body = modified
    ? g_strdup_printf (_("“%s” was changed by another program. Reload it and lose your unsaved changes, or keep your version?"), name)
    : g_strdup_printf (_("“%s” was changed by another program. Reload it to see the changes?"), name);
  dialog = new_prompt (self, _("The Dataset Changed on Disk"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Mine"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                              modified ? ADW_RESPONSE_DESTRUCTIVE
                                                       : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), modified ? "keep" : "reload");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  stamp = g_new (gint64, 2);
  stamp[0] = mtime;
  stamp[1] = size;
  g_object_set_data_full (G_OBJECT (dialog), "mg-stamp", stamp, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (disk_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    MgWindow          *self)
{
  /* Our own atomic saves show up here too; the stamp tells them apart. */
  g_clear_handle_id (&self->files->monitor_id, g_source_remove);
  self->files->monitor_id = g_timeout_add (MONITOR_SETTLE_MSEC, check_disk_cb, self);
}

static void
watch_file (MgWindow *self)
{
  MgWindowFiles *files = self->files;
  g_autoptr(GError) error = NULL;

  if (files->watched != NULL && self->file != NULL && g_file_equal (files->watched, self->file))
    return;
  if (files->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (files->monitor, self);
      g_file_monitor_cancel (files->monitor);
      g_clear_object (&files->monitor);
    }
  g_clear_object (&files->watched);
  g_clear_handle_id (&files->monitor_id, g_source_remove);
  files->ignored_mtime = files->ignored_size = 0;
  if (self->file == NULL)
    return;

  files->watched = g_object_ref (self->file);
  files->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (files->monitor == NULL)
    {
      /* Saving still compares stamps, so nothing is overwritten silently. */
      g_debug ("Cannot watch the dataset: %s", error->message);
      return;
    }
  g_signal_connect (files->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
}

/* Opening datasets */

/* A dataset announces itself in its first bytes; everything else is an
 * article to import. */
static gboolean
is_dataset_file (GFile *file)
{
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  char buffer[SNIFF_BYTES + 1];
  gsize n = 0;

  if (in == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (in), buffer, SNIFF_BYTES, &n, NULL, NULL))
    return FALSE;
  buffer[n] = '\0';
  return g_regex_match_simple ("^\\s*\\{.*\"format\"\\s*:\\s*\"" MG_DATASET_FORMAT "\"",
                               buffer, G_REGEX_DOTALL | G_REGEX_RAW, 0);
}

static gboolean
open_dataset (MgWindow *self,
              GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(MgDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  gint64 mtime = 0, size = 0;
  gboolean stamped;

  /* The stamp is taken before reading, so a change made during the read
   * still counts as a change. */
  stamped = query_stamp (file, &mtime, &size);
  if (path == NULL || !(dataset = mg_dataset_load_file (path, &error)))
    {
      g_autofree char *name = display_name (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      show_error (self, heading, error ? error->message : _("The file is not on this computer."));
      return FALSE;
    }

  mg_window_set_dataset (self, dataset, file);
  self->files->has_stamp = stamped;
  self->files->stamp_mtime = mtime;
  self->files->stamp_size = size;
  return TRUE;
}

/* Importing articles */

struct _ImportJob
{
  GPtrArray    *files;      /* of GFile */
  GPtrArray    *documents;  /* per file: GPtrArray of MgDocument, or NULL */
  GPtrArray    *warnings;   /* per file: GPtrArray of utf8 */
  GPtrArray    *errors;     /* per file: a message, or NULL */
  GCancellable *cancellable;
  AdwToast     *toast;
  guint         progress_id;
  int           done;       /* atomic */
};

static void
import_job_free (ImportJob *job)
{
  g_clear_pointer (&job->files, g_ptr_array_unref);
  g_clear_pointer (&job->documents, g_ptr_array_unref);
  g_clear_pointer (&job->warnings, g_ptr_array_unref);
  g_clear_pointer (&job->errors, g_ptr_array_unref);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->toast);
  g_clear_handle_id (&job->progress_id, g_source_remove);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;

  for (guint i = 0; i < job->files->len; i++)
    {
      g_autofree char *path = g_file_get_path (g_ptr_array_index (job->files, i));
      GPtrArray *warnings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      GPtrArray *documents = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("The file is not on this computer."));
      else
        documents = mg_import_file (path, MG_IMPORT_AUTO, warnings, &error);

      g_ptr_array_add (job->documents, documents);
      g_ptr_array_add (job->warnings, warnings);
      g_ptr_array_add (job->errors, error ? g_strdup (error->message) : NULL);
      g_atomic_int_inc (&job->done);
    }
  g_task_return_boolean (task, TRUE);
}

static gboolean
import_progress_cb (gpointer user_data)
{
  ImportJob *job = user_data;
  g_autofree char *title = g_strdup_printf (_("Importing %d of %u…"),
                                            MIN (g_atomic_int_get (&job->done) + 1, (int)job->files->len),
                                            job->files->len);

  adw_toast_set_title (job->toast, title);
  return G_SOURCE_CONTINUE;
}

static void
toast_file_message (MgWindow   *self,
                    GFile      *file,
                    const char *message,
                    guint      *n_toasts)
{
  g_autofree char *name = display_name (file);
  g_autofree char *text = NULL;

  /* A folder of broken files should not bury the window in toasts. */
  if ((*n_toasts)++ >= MAX_IMPORT_TOASTS)
    return;
  text = g_strdup_printf ("%s: %s", name, message);
  mg_window_toast (self, text);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  MgWindow *self = MG_WINDOW (object);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  MgDocument *first = NULL;
  guint n_added = 0, n_toasts = 0, n_failed = 0;

  g_clear_handle_id (&job->progress_id, g_source_remove);
  if (job->toast != NULL)
    adw_toast_dismiss (job->toast);
  if (self->files == NULL)
    return;
  self->files->import = NULL;

  if (g_cancellable_is_cancelled (job->cancellable))
    {
      mg_window_toast (self, _("Import cancelled"));
      return;
    }

  /* One group: a single undo takes the whole import back. */
  mg_history_begin_group (self->history);
  for (guint i = 0; i < job->documents->len; i++)
    {
      GPtrArray *documents = g_ptr_array_index (job->documents, i);
      GPtrArray *warnings = g_ptr_array_index (job->warnings, i);
      GFile *file = g_ptr_array_index (job->files, i);
      const char *error = g_ptr_array_index (job->errors, i);

      if (error != NULL)
        {
          toast_file_message (self, file, error, &n_toasts);
          n_failed++;
        }
      for (guint j = 0; warnings != NULL && j < warnings->len; j++)
        toast_file_message (self, file, g_ptr_array_index (warnings, j), &n_toasts);
      for (guint j = 0; documents != NULL && j < documents->len; j++)
        {
          MgDocument *document = g_ptr_array_index (documents, j);
          g_autofree char *id = mg_dataset_unique_id (self->dataset, mg_document_get_id (document));

          if (g_strcmp0 (id, mg_document_get_id (document)) != 0)
            mg_document_set_id (document, id);
          mg_history_add_document (self->history, document);
          if (first == NULL)
            first = document;
          n_added++;
        }
    }
  mg_history_end_group (self->history);

  if (first != NULL)
    mg_window_show_document (self, first);
  if (n_toasts > MAX_IMPORT_TOASTS)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("%u more problem not shown",
                                                         "%u more problems not shown",
                                                         n_toasts - MAX_IMPORT_TOASTS),
                                               n_toasts - MAX_IMPORT_TOASTS);
      mg_window_toast (self, more);
    }
  if (n_added > 1 || (n_added > 0 && n_failed > 0))
    {
      g_autofree char *done = g_strdup_printf (ngettext ("Imported %u article", "Imported %u articles",
                                                         n_added), n_added);
      mg_window_toast (self, done);
    }
}

static void
cancel_import (MgWindow *self)
{
  if (self->files->import != NULL)
    g_cancellable_cancel (self->files->import->cancellable);
}

static void
import_files (MgWindow  *self,
              GPtrArray *chosen)
{
  MgWindowFiles *files = self->files;
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  if (chosen == NULL || chosen->len == 0 || self->dataset == NULL)
    return;
  if (files->import != NULL)
    {
      mg_window_toast (self, _("Wait for the import under way to finish"));
      return;
    }

  job = g_new0 (ImportJob, 1);
  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < chosen->len; i++)
    g_ptr_array_add (job->files, g_object_ref (g_ptr_array_index (chosen, i)));
  job->documents = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  job->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  job->errors = g_ptr_array_new_with_free_func (g_free);
  job->cancellable = g_cancellable_new ();
  files->import = job;

  if (chosen->len >= IMPORT_PROGRESS_MIN)
    {
      job->toast = g_object_ref_sink (adw_toast_new (""));
      adw_toast_set_timeout (job->toast, 0);
      adw_toast_set_button_label (job->toast, _("_Cancel"));
      g_signal_connect_swapped (job->toast, "button-clicked",
                                G_CALLBACK (g_cancellable_cancel), job->cancellable);
      import_progress_cb (job);
      adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (job->toast));
      job->progress_id = g_timeout_add (100, import_progress_cb, job);
    }

  task = g_task_new (self, job->cancellable, import_done_cb, NULL);
  g_task_set_source_tag (task, import_files);
  /* The result is read from the task data, so a cancelled task still frees
   * what the thread made. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify)import_job_free);
  g_task_run_in_thread (task, import_thread);
}

/* Files given on the command line, dropped, or chosen */

typedef struct
{
  GPtrArray *datasets;
  GPtrArray *articles;
} OpenRequest;

static void
open_request_free (OpenRequest *request)
{
  g_ptr_array_unref (request->datasets);
  g_ptr_array_unref (request->articles);
  g_free (request);
}

static void
open_request_run (MgWindow *self,
                  gpointer  data)
{
  OpenRequest *request = data;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  open_dataset (self, g_ptr_array_index (request->datasets, 0));
  /* One dataset per window: the others get windows of their own. */
  for (guint i = 1; i < request->datasets->len && app != NULL; i++)
    {
      MgWindow *other = mg_window_new (MG_APPLICATION (app));

      if (open_dataset (other, g_ptr_array_index (request->datasets, i)))
        gtk_window_present (GTK_WINDOW (other));
      else
        gtk_window_destroy (GTK_WINDOW (other));
    }
  import_files (self, request->articles);
}

void
_mg_window_open_files (MgWindow  *self,
                       GFile    **files,
                       int        n_files)
{
  OpenRequest *request;

  g_return_if_fail (MG_IS_WINDOW (self));

  request = g_new0 (OpenRequest, 1);
  request->datasets = g_ptr_array_new_with_free_func (g_object_unref);
  request->articles = g_ptr_array_new_with_free_func (g_object_unref);
  for (int i = 0; i < n_files; i++)
    g_ptr_array_add (is_dataset_file (files[i]) ? request->datasets : request->articles,
                     g_object_ref (files[i]));

  if (request->datasets->len == 0)
    {
      import_files (self, request->articles);
      open_request_free (request);
      return;
    }
  /* Opening replaces the work in this window: ask about it first. */
  confirm_unsaved (self, open_request_run, request, (GDestroyNotify)open_request_free);
}

static void
open_chosen (MgWindow  *self,
             GPtrArray *chosen)
{
  if (chosen != NULL)
    _mg_window_open_files (self, (GFile **)chosen->pdata, chosen->len);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  choose_files (MG_WINDOW (widget), CHOOSE_OPEN, _("Open Dataset"), open_chosen);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  choose_files (MG_WINDOW (widget), CHOOSE_OPEN_MULTIPLE, _("Import Articles"), import_files);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         MgWindow      *self)
{
  GSList *list = gdk_file_list_get_files (g_value_get_boxed (value));
  g_autoptr(GPtrArray) dropped = g_ptr_array_new ();

  for (const GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (dropped, l->data);
  g_slist_free (list);
  if (dropped->len == 0)
    return FALSE;
  _mg_window_open_files (self, (GFile **)dropped->pdata, dropped->len);
  return TRUE;
}

/* Recovering drafts after a crash */

static GHashTable *skipped_keys;

static gboolean
offer_next_draft_idle (gpointer user_data)
{
  MgWindow *self = user_data;

  if (self->files != NULL)
    offer_next_draft (self);
  return G_SOURCE_REMOVE;
}

static void
recover (MgWindow *self,
         MgDraft  *draft)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  const char *original = mg_draft_get_original_path (draft);
  g_autoptr(GFile) file = original ? g_file_new_for_path (original) : NULL;
  g_autoptr(MgDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  MgWindow *target = self;
  MgWindowFiles *files;
  gint64 mtime, size;

  if (!(dataset = mg_drafts_load (self->files->drafts, draft, &error)))
    {
      /* The draft stays on disk for a person to look at; no more asking. */
      g_hash_table_add (skipped_keys, g_strdup (mg_draft_get_key (draft)));
      show_error (self, _("Could Not Recover the Draft"), error->message);
      return;
    }

  /* Never replace work that is itself unsaved. */
  if (self->history != NULL && mg_history_get_modified (self->history) && app != NULL)
    {
      target = mg_window_new (MG_APPLICATION (app));
      gtk_window_present (GTK_WINDOW (target));
    }

  mg_window_set_dataset (target, dataset, file);
  files = target->files;
  set_draft_key (target, mg_draft_get_key (draft));
  claim_draft (target);
  /* The file is judged against how it looked when the work began, so a save
   * over a file changed since then still asks. */
  files->has_stamp = mg_draft_get_original_stamp (draft, &mtime, &size);
  files->stamp_mtime = mtime;
  files->stamp_size = size;
  mg_history_mark_modified (target->history);
  _mg_window_update_title (target);
  mg_window_toast (target, _("Unsaved work recovered"));
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      MgWindow         *self)
{
  MgDraft *draft = g_object_get_data (G_OBJECT (dialog), "mg-draft");
  g_autoptr(GError) error = NULL;

  if (self->files == NULL)
    return;
  if (g_str_equal (response, "recover"))
    recover (self, draft);
  else if (g_str_equal (response, "discard"))
    {
      if (!mg_drafts_discard (self->files->drafts, mg_draft_get_key (draft), &error))
        g_warning ("%s", error->message);
    }
  else
    g_hash_table_add (skipped_keys, g_strdup (mg_draft_get_key (draft)));

  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, offer_next_draft_idle,
                   g_object_ref (self), g_object_unref);
}

static char *
describe_for_person (MgDraft *draft)
{
  const char *original = mg_draft_get_original_path (draft);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  g_autofree char *what = NULL;
  g_autofree char *name = NULL;

  if (mg_draft_get_saved (draft) != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      local = g_date_time_to_local (mg_draft_get_saved (draft));
      /* A time alone reads best for today's crash, the usual case. */
      if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
          g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
        when = g_date_time_format (local, "%H:%M");
      else
        when = g_date_time_format (local, "%x %H:%M");
    }
  else
    when = g_strdup (_("an unknown time"));
  what = g_strdup_printf (ngettext ("%u annotation", "%u annotations",
                                    mg_draft_get_n_annotations (draft)),
                          mg_draft_get_n_annotations (draft));

  if (original == NULL)
    /* Translators: %s is a date and time, the second %s "12 annotations" */
    return g_strdup_printf (_("Marginalia stopped before a new dataset was saved. A draft from %s with %s was kept."),
                            when, what);
  name = g_filename_display_basename (original);
  /* Translators: %s are a file name, a date and time, and "12 annotations" */
  return g_strdup_printf (_("Marginalia stopped before the changes to “%s” were saved. A draft from %s with %s was kept."),
                          name, when, what);
}

static gboolean
offer_next_draft (MgWindow *self)
{
  MgWindowFiles *files = self->files;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  MgDraft *offer = NULL;
  GtkWidget *dialog;

  if (files->dialog != NULL)
    return FALSE;
  if (!(drafts = mg_drafts_list (files->drafts, &error)))
    {
      g_warning ("Cannot look for drafts: %s", error->message);
      return FALSE;
    }
  if (skipped_keys == NULL)
    skipped_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < drafts->len && offer == NULL; i++)
    {
      MgDraft *draft = g_ptr_array_index (drafts, i);
      const char *key = mg_draft_get_key (draft);

      if (!(live_keys && g_hash_table_contains (live_keys, key)) &&
          !g_hash_table_contains (skipped_keys, key))
        offer = draft;
    }
  if (offer == NULL)
    return FALSE;

  body = describe_for_person (offer);
  dialog = new_prompt (self, _("Recover Unsaved Work?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  /* Escape keeps the draft for later: closing must never destroy work. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "mg-draft", g_object_ref (offer), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
recover_drafts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  offer_next_draft (MG_WINDOW (widget));
}

/* Following the window's dataset and file */

static void
file_changed_cb (MgWindow *self)
{
  if (self->file != NULL)
    {
      g_autofree char *path = g_file_get_path (self->file);

      if (path != NULL)
        {
          g_autofree char *key = mg_drafts_key_for_path (path);

          set_draft_key (self, key);
        }
    }
  watch_file (self);
}

static void
dataset_changed_cb (MgWindow *self)
{
  MgWindowFiles *files = self->files;
  g_autofree char *key = NULL;
  g_autofree char *path = NULL;

  cancel_import (self);
  stop_autosave (self);
  unclaim_draft (self);
  files->write_again = FALSE;
  files->close_confirmed = FALSE;

  if (files->history != NULL)
    g_signal_handlers_disconnect_by_data (files->history, self);
  g_set_object (&files->history, self->history);
  if (files->history != NULL)
    {
      /* "changed" comes after every edit, undo and redo; "modified" alone
       * would only tell the first one. */
      if (g_signal_lookup ("changed", MG_TYPE_HISTORY) != 0)
        g_signal_connect_swapped (files->history, "changed",
                                  G_CALLBACK (history_changed_cb), self);
      else
        g_signal_connect_swapped (files->history, "notify::modified",
                                  G_CALLBACK (history_changed_cb), self);
    }

  path = self->file ? g_file_get_path (self->file) : NULL;
  key = path ? mg_drafts_key_for_path (path) : mg_drafts_new_key ();
  set_draft_key (self, key);
  remember_stamp (self);
  watch_file (self);
}

/* Life cycle, called by mg-window.c */

void
_mg_window_files_class_init (MgWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.save-to", "s", save_to_action);
  gtk_widget_class_install_action (widget_class, "win.recover-drafts", NULL, recover_drafts_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
}

void
_mg_window_files_init (MgWindow *self)
{
  MgWindowFiles *files = g_new0 (MgWindowFiles, 1);
  GtkDropTarget *target;

  self->files = files;
  files->drafts = mg_drafts_new (NULL);
  files->cancellable = g_cancellable_new ();

  g_signal_connect (self, "notify::dataset", G_CALLBACK (dataset_changed_cb), NULL);
  g_signal_connect (self, "notify::file", G_CALLBACK (file_changed_cb), NULL);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  /* The first window of a run looks for work a crash left behind, once the
   * application has given it its dataset. */
  if (!checked_drafts_at_start)
    {
      checked_drafts_at_start = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, offer_next_draft_idle,
                       g_object_ref (self), g_object_unref);
    }
}

void
_mg_window_files_dispose (MgWindow *self)
{
  MgWindowFiles *files = self->files;

  if (files == NULL)
    return;

  g_cancellable_cancel (files->cancellable);
  cancel_import (self);

  if (needs_draft (self) && !files->close_confirmed)
    {
      /* Closed without a word (the session ending, a test): the changes of
       * the last seconds go into the draft now, not never. */
      if (files->autosave_id != 0 || files->write_again)
        {
          g_autoptr(MgDraft) draft = describe_draft (self);
          g_autoptr(GBytes) bytes = mg_dataset_to_bytes (self->dataset);

          if (files->writing != NULL)
            {
              files->writing->followup_draft = g_steal_pointer (&draft);
              files->writing->followup_bytes = g_steal_pointer (&bytes);
            }
          else
            mg_drafts_write (files->drafts, draft, bytes, NULL);
        }
    }
  else if (files->draft_key != NULL)
    {
      discard_draft (self);
      if (files->writing != NULL)
        files->writing->obsolete = TRUE;
    }

  if (files->history != NULL)
    g_signal_handlers_disconnect_by_data (files->history, self);
  g_signal_handlers_disconnect_by_func (self, dataset_changed_cb, NULL);
  g_signal_handlers_disconnect_by_func (self, file_changed_cb, NULL);
  if (files->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (files->monitor, self);
      g_file_monitor_cancel (files->monitor);
    }
  g_clear_handle_id (&files->autosave_id, g_source_remove);
  g_clear_handle_id (&files->monitor_id, g_source_remove);
  g_clear_weak_pointer (&files->dialog);
  unclaim_draft (self);

  g_clear_object (&files->monitor);
  g_clear_object (&files->watched);
  g_clear_object (&files->history);
  g_clear_object (&files->cancellable);
  g_clear_object (&files->drafts);
  g_free (files->draft_key);
  g_free (files);
  self->files = NULL;
}

static void
close_now (MgWindow *self,
           gpointer  data)
{
  self->files->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

gboolean
_mg_window_files_close_request (MgWindow *self)
{
  MgWindowFiles *files = self->files;

  if (files == NULL || files->close_confirmed ||
      self->history == NULL || !mg_history_get_modified (self->history))
    return FALSE;

  if (files->dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (files->dialog));
      return TRUE;
    }
  confirm_unsaved (self, close_now, NULL, NULL);
  return TRUE;
}
