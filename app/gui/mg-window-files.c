/* mg-window-files.c: opening datasets and importing articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files come chosen, dropped or given on the command line. A dataset opens
 * in the window's session, in its place, once the person agreed to replace
 * unsaved work; more datasets get windows of their own. Articles are read in
 * a worker thread and added through the history, as one step.
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

typedef struct _MgWindowImport MgWindowImport;

struct _MgWindowFiles
{
  MgWindowImport *import;   /* the import running, if any */
};

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
  g_autofree char *name = mg_dialogs_display_name (file);
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
  MgHistory *history = mg_window_get_history (self);
  MgDataset *dataset = mg_window_get_dataset (self);
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
  mg_history_begin_group (history);
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
          g_autofree char *id = mg_dataset_unique_id (dataset, mg_document_get_id (document));

          if (g_strcmp0 (id, mg_document_get_id (document)) != 0)
            mg_document_set_id (document, id);
          mg_history_add_document (history, document);
          if (first == NULL)
            first = document;
          n_added++;
        }
    }
  mg_history_end_group (history);

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

  if (chosen == NULL || chosen->len == 0 || mg_window_get_dataset (self) == NULL)
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

/* Loading a dataset in the window */

typedef struct
{
  MgWindow  *self;
  GFile     *file;
  GPtrArray *then_import;   /* articles to import once it is open, or NULL */
  gboolean   reload;
  gboolean   own_window;    /* the window was made for it: shown once loaded */
} LoadRequest;

static void
load_request_free (LoadRequest *request)
{
  g_object_unref (request->self);
  g_object_unref (request->file);
  g_clear_pointer (&request->then_import, g_ptr_array_unref);
  g_free (request);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  LoadRequest *request = user_data;
  MgWindow *self = request->self;
  g_autoptr(GError) error = NULL;

  if (!mg_session_load_finish (MG_SESSION (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *name = mg_dialogs_display_name (request->file);
      g_autofree char *heading = request->reload ? g_strdup_printf (_("Could Not Reload “%s”"), name)
                                                 : g_strdup_printf (_("Could Not Open “%s”"), name);
      GtkWindow *parent = request->own_window
                            ? gtk_application_get_active_window (gtk_window_get_application (GTK_WINDOW (self)))
                            : GTK_WINDOW (self);

      mg_dialogs_show_error (parent, heading, error->message);
    }
  if (request->own_window)
    {
      if (error == NULL)
        gtk_window_present (GTK_WINDOW (self));
      else
        gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (self->files != NULL && request->then_import != NULL)
    import_files (self, request->then_import);
  load_request_free (request);
}

static void
load (MgWindow  *self,
      GFile     *file,
      gboolean   reload,
      gboolean   own_window,
      GPtrArray *then_import)
{
  LoadRequest *request = g_new0 (LoadRequest, 1);

  request->self = g_object_ref (self);
  request->file = g_object_ref (file);
  request->reload = reload;
  request->own_window = own_window;
  request->then_import = then_import ? g_ptr_array_ref (then_import) : NULL;
  mg_session_load_async (self->session, file, self->cancellable, loaded_cb, request);
}

/**
 * _mg_window_load:
 * @reload: whether @file is the window's own, read again
 *
 * Shows the dataset in @file in place of the window's work once it is
 * read, or tells the person why it cannot be.
 */
void
_mg_window_load (MgWindow *self,
                 GFile    *file,
                 gboolean  reload)
{
  load (self, file, reload, FALSE, NULL);
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

  /* The articles go into the dataset opened here, once it is. */
  load (self, g_ptr_array_index (request->datasets, 0), FALSE, FALSE, request->articles);
  /* One dataset per window: the others get windows of their own. */
  for (guint i = 1; i < request->datasets->len && app != NULL; i++)
    load (mg_window_new (MG_APPLICATION (app)), g_ptr_array_index (request->datasets, i),
          FALSE, TRUE, NULL);
}

/**
 * mg_window_open_files:
 * @files: (array length=n_files): datasets and articles, in any mix
 *
 * Opens the first dataset in the window, after asking about unsaved work,
 * the other datasets in windows of their own, and imports the articles
 * into the window's dataset.
 */
void
mg_window_open_files (MgWindow  *self,
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
open_chosen (GtkWindow *window,
             GPtrArray *chosen)
{
  MgWindow *self = MG_WINDOW (window);

  if (chosen != NULL && self->files != NULL)
    mg_window_open_files (self, (GFile **)chosen->pdata, chosen->len);
}

static void
import_chosen (GtkWindow *window,
               GPtrArray *chosen)
{
  MgWindow *self = MG_WINDOW (window);

  if (self->files != NULL)
    import_files (self, chosen);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  g_autoptr(GListModel) filters = mg_dialogs_filters (FALSE, TRUE);
  MgChooser chooser = { MG_CHOOSE_OPEN, _("Open Dataset"), .filters = filters };

  mg_dialogs_choose (GTK_WINDOW (widget), &chooser, open_chosen);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_autoptr(GListModel) filters = mg_dialogs_filters (TRUE, TRUE);
  MgChooser chooser = { MG_CHOOSE_OPEN_MULTIPLE, _("Import Articles"), .filters = filters };

  mg_dialogs_choose (GTK_WINDOW (widget), &chooser, import_chosen);
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
  mg_window_open_files (self, (GFile **)dropped->pdata, dropped->len);
  return TRUE;
}


/* Life cycle, called by mg-window.c */

/* An import into the dataset that went would add to the wrong one. */
void
_mg_window_files_dataset_changed (MgWindow *self)
{
  cancel_import (self);
}

void
_mg_window_files_class_init (MgWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
}

void
_mg_window_files_init (MgWindow *self)
{
  GtkDropTarget *target;

  self->files = g_new0 (MgWindowFiles, 1);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
_mg_window_files_dispose (MgWindow *self)
{
  if (self->files == NULL)
    return;

  cancel_import (self);
  g_clear_pointer (&self->files, g_free);
}
