/* mg-window-files.c: opening and importing files, and the prompts and
 * choosers the window's file handling shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here and in mg-window-save.c and mg-window-drafts.c exists so
 * that a person never loses work. This file opens datasets and imports
 * articles (chosen, dropped or given on the command line), and keeps the
 * state the three files share. The model itself is only touched through
 * the history.
 */

#define G_LOG_DOMAIN "mg-window-files"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-import.h"

#include "mg-window-private.h"

/* Enough of a file to tell a dataset from an article. */
#define SNIFF_BYTES             4096
/* Importing more files than this shows progress and can be cancelled. */
#define IMPORT_PROGRESS_MIN     2
#define MAX_IMPORT_TOASTS       4

char *
_mg_window_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

/* Dialogs */

/* A modal question about the work in @self; only one is up at a time. */
GtkWidget *
_mg_window_prompt (MgWindow               *self,
                   const char             *heading,
                   const char             *body,
                   const MgWindowResponse *responses,
                   gsize                   n_responses,
                   const char             *default_response,
                   const char             *close_response)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  for (gsize i = 0; i < n_responses; i++)
    {
      adw_message_dialog_add_response (message, responses[i].id, responses[i].label);
      if (responses[i].appearance != ADW_RESPONSE_DEFAULT)
        adw_message_dialog_set_response_appearance (message, responses[i].id,
                                                    responses[i].appearance);
    }
  if (default_response != NULL)
    adw_message_dialog_set_default_response (message, default_response);
  adw_message_dialog_set_close_response (message, close_response);
  g_set_weak_pointer (&self->files->dialog, dialog);
  return dialog;
}

void
_mg_window_show_error (MgWindow   *self,
                       const char *heading,
                       const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* File choosers: GtkFileDialog from GTK 4.10, the portal-aware native
 * chooser before it. Either way the callback gets the chosen files, or
 * NULL when the user cancelled. */

typedef struct
{
  MgWindow           *self;
  MgWindowChosenFunc  func;
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

static Choice *
choice_new (MgWindow           *self,
            MgWindowChosenFunc  func)
{
  Choice *choice = g_new0 (Choice, 1);

  choice->self = g_object_ref (self);
  choice->func = func;
  return choice;
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
make_filters (MgWindowChooseMode mode)
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

  if (mode == MG_WINDOW_CHOOSE_OPEN_MULTIPLE)
    g_list_store_append (filters, articles);
  else
    g_list_store_append (filters, datasets);
  g_list_store_append (filters, all);
  return G_LIST_MODEL (filters);
}

/* The name Save As offers: the file's own, or one for a new dataset. */
static char *
initial_save_name (MgWindow *self)
{
  return self->file ? g_file_get_basename (self->file) : g_strdup (_("dataset.json"));
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
    case MG_WINDOW_CHOOSE_OPEN:
      file = gtk_file_dialog_open_finish (dialog, result, NULL);
      break;
    case MG_WINDOW_CHOOSE_SAVE:
      file = gtk_file_dialog_save_finish (dialog, result, NULL);
      break;
    case MG_WINDOW_CHOOSE_OPEN_MULTIPLE:
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

void
_mg_window_choose_files (MgWindow           *self,
                         MgWindowChooseMode  mode,
                         const char         *title,
                         MgWindowChosenFunc  func)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filters = make_filters (mode);
  Choice *choice = choice_new (self, func);

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_filters (dialog, filters);
  g_object_set_data (G_OBJECT (dialog), "mg-mode", GINT_TO_POINTER (mode));

  if (mode == MG_WINDOW_CHOOSE_SAVE)
    {
      g_autofree char *name = initial_save_name (self);

      gtk_file_dialog_set_initial_name (dialog, name);
      gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, dialog_done_cb, choice);
    }
  else if (mode == MG_WINDOW_CHOOSE_OPEN)
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

void
_mg_window_choose_files (MgWindow           *self,
                         MgWindowChooseMode  mode,
                         const char         *title,
                         MgWindowChosenFunc  func)
{
  g_autoptr(GListModel) filters = make_filters (mode);
  GtkFileChooserNative *native;
  Choice *choice = choice_new (self, func);

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                        mode == MG_WINDOW_CHOOSE_SAVE ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                                      : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        mode == MG_WINDOW_CHOOSE_SAVE ? _("_Save") : _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), mode == MG_WINDOW_CHOOSE_OPEN_MULTIPLE);
  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }
  if (mode == MG_WINDOW_CHOOSE_SAVE)
    {
      g_autofree char *name = initial_save_name (self);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }
  g_signal_connect (native, "response", G_CALLBACK (native_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
#endif

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

/* Importing articles */

struct _MgWindowImport
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
import_job_free (MgWindowImport *job)
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
  MgWindowImport *job = task_data;

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
  MgWindowImport *job = user_data;
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
  g_autofree char *name = _mg_window_display_name (file);
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
  MgWindowImport *job = g_task_get_task_data (G_TASK (result));
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
  MgWindowImport *job;

  if (chosen == NULL || chosen->len == 0 || self->dataset == NULL)
    return;
  if (files->import != NULL)
    {
      mg_window_toast (self, _("Wait for the import under way to finish"));
      return;
    }

  job = g_new0 (MgWindowImport, 1);
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

  _mg_window_load_dataset (self, g_ptr_array_index (request->datasets, 0), FALSE);
  /* One dataset per window: the others get windows of their own. */
  for (guint i = 1; i < request->datasets->len && app != NULL; i++)
    {
      MgWindow *other = mg_window_new (MG_APPLICATION (app));

      if (_mg_window_load_dataset (other, g_ptr_array_index (request->datasets, i), FALSE))
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
  _mg_window_confirm_unsaved (self, open_request_run, request, (GDestroyNotify)open_request_free);
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
  _mg_window_choose_files (MG_WINDOW (widget), MG_WINDOW_CHOOSE_OPEN, _("Open Dataset"), open_chosen);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  _mg_window_choose_files (MG_WINDOW (widget), MG_WINDOW_CHOOSE_OPEN_MULTIPLE, _("Import Articles"), import_files);
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


/* Following the window's dataset and file */

static void
file_changed_cb (MgWindow *self)
{
  _mg_window_drafts_file_changed (self);
  _mg_window_watch_file (self);
}

static void
dataset_changed_cb (MgWindow *self)
{
  cancel_import (self);
  _mg_window_drafts_dataset_changed (self);
  _mg_window_save_dataset_changed (self);
}

/* Life cycle, called by mg-window.c */

void
_mg_window_files_class_init (MgWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);

  _mg_window_save_class_init (klass);
  _mg_window_drafts_class_init (klass);
}

void
_mg_window_files_init (MgWindow *self)
{
  MgWindowFiles *files = g_new0 (MgWindowFiles, 1);
  GtkDropTarget *target;

  self->files = files;
  files->cancellable = g_cancellable_new ();

  g_signal_connect (self, "notify::dataset", G_CALLBACK (dataset_changed_cb), NULL);
  g_signal_connect (self, "notify::file", G_CALLBACK (file_changed_cb), NULL);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  _mg_window_drafts_init (self);
}

void
_mg_window_files_dispose (MgWindow *self)
{
  MgWindowFiles *files = self->files;

  if (files == NULL)
    return;

  g_cancellable_cancel (files->cancellable);
  cancel_import (self);
  _mg_window_drafts_dispose (self);
  _mg_window_save_dispose (self);

  g_signal_handlers_disconnect_by_func (self, dataset_changed_cb, NULL);
  g_signal_handlers_disconnect_by_func (self, file_changed_cb, NULL);
  g_clear_weak_pointer (&files->dialog);
  g_clear_object (&files->cancellable);
  g_free (files);
  self->files = NULL;
}
