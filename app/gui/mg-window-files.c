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

#include "mg-window-private.h"

/* Importing more files than this shows progress and can be cancelled. */
#define IMPORT_PROGRESS_MIN     2
#define MAX_IMPORT_TOASTS       4

/* The import under way: its progress toast and how to cancel it. */
typedef struct
{
  MgWindow     *self;
  GCancellable *cancellable;
  AdwToast     *toast;
  guint         progress_id;
} Import;

struct _MgWindowFiles
{
  Import *import;   /* the import running, if any */
};

static void
import_free (Import *import)
{
  g_clear_object (&import->self);
  g_clear_object (&import->cancellable);
  g_clear_object (&import->toast);
  g_clear_handle_id (&import->progress_id, g_source_remove);
  g_free (import);
}

static gboolean
import_progress_cb (gpointer user_data)
{
  Import *import = user_data;
  g_autofree char *title = NULL;
  guint done, total;

  if (!mg_session_get_import_progress (import->self->session, &done, &total))
    return G_SOURCE_CONTINUE;
  title = g_strdup_printf (_("Importing %d of %u…"), (int) MIN (done + 1, total), total);
  adw_toast_set_title (import->toast, title);
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

/* Tells what went wrong with each file, and returns the first document
 * added. */
static MgDocument *
report_import (MgWindow  *self,
               GPtrArray *reports,
               guint     *n_added)
{
  MgDocument *first = NULL;
  guint n_toasts = 0, n_failed = 0;

  *n_added = 0;
  for (guint i = 0; i < reports->len; i++)
    {
      MgSessionImportReport *report = g_ptr_array_index (reports, i);

      if (report->error != NULL)
        {
          toast_file_message (self, report->file, report->error, &n_toasts);
          n_failed++;
        }
      for (guint j = 0; j < report->warnings->len; j++)
        toast_file_message (self, report->file, g_ptr_array_index (report->warnings, j), &n_toasts);
      if (report->documents != NULL && report->documents->len > 0)
        {
          if (first == NULL)
            first = g_ptr_array_index (report->documents, 0);
          *n_added += report->documents->len;
        }
    }
  if (n_toasts > MAX_IMPORT_TOASTS)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("%u more problem not shown",
                                                         "%u more problems not shown",
                                                         n_toasts - MAX_IMPORT_TOASTS),
                                               n_toasts - MAX_IMPORT_TOASTS);
      mg_window_toast (self, more);
    }
  /* One article speaks for itself; more, or some beside failures, are
   * counted. */
  if (n_failed == 0 && *n_added <= 1)
    *n_added = 0;
  return first;
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Import *import = user_data;
  g_autoptr(MgWindow) self = g_object_ref (import->self);
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  MgDocument *first;
  guint n_added;

  if (import->toast != NULL)
    adw_toast_dismiss (import->toast);
  reports = mg_session_import_finish (MG_SESSION (object), result, &error);
  if (self->files != NULL)
    self->files->import = NULL;
  import_free (import);
  if (self->files == NULL)
    return;

  if (reports == NULL)
    {
      mg_window_toast (self, _("Import cancelled"));
      return;
    }
  if ((first = report_import (self, reports, &n_added)) != NULL)
    mg_window_show_document (self, first);
  if (n_added > 0)
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
  Import *import;

  if (chosen == NULL || chosen->len == 0 || mg_window_get_dataset (self) == NULL)
    return;
  if (self->files->import != NULL)
    {
      mg_window_toast (self, _("Wait for the import under way to finish"));
      return;
    }

  import = g_new0 (Import, 1);
  import->self = g_object_ref (self);
  import->cancellable = g_cancellable_new ();
  self->files->import = import;
  mg_session_import_async (self->session, (GFile * const *)chosen->pdata, chosen->len,
                           import->cancellable, import_done_cb, import);

  if (chosen->len >= IMPORT_PROGRESS_MIN)
    {
      import->toast = g_object_ref_sink (adw_toast_new (""));
      adw_toast_set_timeout (import->toast, 0);
      adw_toast_set_button_label (import->toast, _("_Cancel"));
      g_signal_connect_swapped (import->toast, "button-clicked",
                                G_CALLBACK (g_cancellable_cancel), import->cancellable);
      import_progress_cb (import);
      adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (import->toast));
      import->progress_id = g_timeout_add (100, import_progress_cb, import);
    }
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
    g_ptr_array_add (mg_session_file_is_dataset (files[i]) ? request->datasets : request->articles,
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
