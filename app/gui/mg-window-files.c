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
  Import    *import;     /* the import running, if any */
  GPtrArray *problems;   /* of the last import, one line each */
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

/* One line for a problem with @file: its name, then what the importer
 * said, without the path the importer starts its messages with. */
static char *
problem_line (GFile      *file,
              const char *message)
{
  g_autofree char *name = mg_dialogs_display_name (file);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *display = path ? g_filename_display_name (path) : NULL;
  const char *rest = message;

  if (path != NULL && g_str_has_prefix (message, path))
    rest = message + strlen (path);
  else if (display != NULL && g_str_has_prefix (message, display))
    rest = message + strlen (display);
  if (rest != message && *rest == ':')
    return g_strconcat (name, rest, NULL);

  return g_strdup_printf ("%s: %s", name, message);
}

/* Gathers every problem, and returns the first document added. */
static MgDocument *
report_import (MgWindow  *self,
               GPtrArray *reports,
               gboolean   skip_duplicates,
               guint     *n_added)
{
  MgDocument *first = NULL;
  guint n_failed = 0;

  *n_added = 0;
  g_clear_pointer (&self->files->problems, g_ptr_array_unref);
  self->files->problems = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < reports->len; i++)
    {
      MgSessionImportReport *report = g_ptr_array_index (reports, i);

      if (report->error != NULL)
        {
          g_ptr_array_add (self->files->problems, problem_line (report->file, report->error));
          n_failed++;
        }
      for (guint j = 0; j < report->warnings->len; j++)
        g_ptr_array_add (self->files->problems,
                         problem_line (report->file, g_ptr_array_index (report->warnings, j)));
      for (guint j = 0; report->documents != NULL && j < report->documents->len; j++)
        {
          MgDocument *document = g_ptr_array_index (report->documents, j);

          if (skip_duplicates && g_ptr_array_find (report->duplicates, document, NULL))
            continue;
          if (first == NULL)
            first = document;
          (*n_added)++;
        }
    }
  /* One article speaks for itself; more, or some beside failures, are
   * counted. */
  if (n_failed == 0 && *n_added <= 1)
    *n_added = 0;
  return first;
}

/* The problems stay reachable after their toast has gone: the toast's
 * Details button opens them all, one line each. */
static void
toast_problems (MgWindow *self)
{
  GPtrArray *problems = self->files->problems;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (problems == NULL || problems->len == 0)
    return;

  if (problems->len == 1)
    title = g_strdup (g_ptr_array_index (problems, 0));
  else
    title = g_strdup_printf (ngettext ("%u problem in the import", "%u problems in the import",
                                       problems->len), problems->len);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.import-problems");
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
import_problems_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  GPtrArray *problems = self->files->problems;
  g_autoptr(GString) body = g_string_new (NULL);

  if (problems == NULL || problems->len == 0)
    return;

  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (body, "%s%s", i ? "\n" : "", (char *) g_ptr_array_index (problems, i));
  mg_dialogs_show_list (GTK_WINDOW (self), _("Import Problems"), body->str);
}

static guint
n_documents (GPtrArray *reports)
{
  guint n = 0;

  for (guint i = 0; i < reports->len; i++)
    {
      MgSessionImportReport *report = g_ptr_array_index (reports, i);

      n += report->documents ? report->documents->len : 0;
    }
  return n;
}

/* Adds what was read, as the person chose about duplicates, and says what
 * became of it. */
static void
finish_import (MgWindow  *self,
               GPtrArray *reports,
               gboolean   skip_duplicates)
{
  MgDocument *first;
  guint n_added;

  first = report_import (self, reports, skip_duplicates, &n_added);
  toast_problems (self);
  if (first != NULL)
    mg_window_show_document (self, first);
  if (n_added > 0)
    {
      g_autofree char *done = g_strdup_printf (ngettext ("Imported %u article", "Imported %u articles",
                                                         n_added), n_added);
      mg_window_toast (self, done);
    }
}

/* The document already holding the text of the first duplicate. */
static MgDocument *
first_existing (MgWindow  *self,
                GPtrArray *reports)
{
  for (guint i = 0; i < reports->len; i++)
    {
      MgSessionImportReport *report = g_ptr_array_index (reports, i);

      for (guint j = 0; j < report->duplicates->len; j++)
        {
          MgDocument *found = mg_session_find_same_text (self->session,
                                                         g_ptr_array_index (report->duplicates, j));

          if (found != NULL)
            return found;
        }
    }
  return NULL;
}

static void
duplicates_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        MgWindow         *self)
{
  GPtrArray *reports = g_object_get_data (G_OBJECT (dialog), "reports");
  gboolean go = g_str_equal (response, "go");
  gboolean skip = go || g_str_equal (response, "skip");

  if (self->files == NULL || mg_window_get_dataset (self) == NULL)
    return;
  if (g_str_equal (response, "cancel"))
    {
      mg_window_toast (self, _("Import cancelled"));
      return;
    }
  if (!skip || mg_session_import_count_duplicates (reports) < n_documents (reports))
    mg_session_import_add (self->session, reports, skip);
  else if (!go)
    mg_window_toast (self, _("Every article was already in the dataset"));
  finish_import (self, reports, skip);
  /* Go to Existing: what is new is added, and the window shows the
   * article the person had already, to work on there. */
  if (go)
    {
      MgDocument *existing = first_existing (self, reports);

      if (existing != NULL)
        mg_window_show_document (self, existing);
    }
}

/* The same text imported again is most often a mistake (the same file
 * twice, two feeds carrying one article): ask, skipping by default. */
static void
ask_about_duplicates (MgWindow  *self,
                      GPtrArray *reports)
{
  static const MgDialogResponse responses[] = {
    { "cancel", N_("_Cancel"), ADW_RESPONSE_DEFAULT },
    { "anyway", N_("_Import Anyway"), ADW_RESPONSE_DEFAULT },
    { "go", N_("_Go to Existing"), ADW_RESPONSE_DEFAULT },
    { "skip", N_("_Skip Duplicates"), ADW_RESPONSE_SUGGESTED },
  };
  guint n_repeats = mg_session_import_count_repeats (reports);
  guint n_held = mg_session_import_count_duplicates (reports) - n_repeats;
  g_autoptr(GString) body = g_string_new (NULL);
  MgDialogResponse translated[G_N_ELEMENTS (responses)];
  MgPrompt prompt = {
    .heading = _("Import Duplicates?"),
    .body = NULL,
    .responses = translated,
    .n_responses = G_N_ELEMENTS (responses),
    .default_response = "skip",
    .close_response = "cancel",
  };
  GtkWidget *dialog;

  /* A twin in the dataset and a twin within the files chosen are two
   * different mistakes (a file imported again, a feed repeating itself):
   * say which, and both when both. */
  if (n_held > 0)
    g_string_append_printf (body, ngettext ("%u article has the same text as one already in the dataset.",
                                            "%u articles have the same text as ones already in the dataset.",
                                            n_held), n_held);
  if (n_repeats > 0)
    {
      if (body->len > 0)
        g_string_append_c (body, ' ');
      g_string_append_printf (body, ngettext ("%u article has the same text as another of this import.",
                                              "%u articles have the same text as others of this import.",
                                              n_repeats), n_repeats);
    }
  prompt.body = body->str;

  for (guint i = 0; i < G_N_ELEMENTS (responses); i++)
    translated[i] = (MgDialogResponse) { responses[i].id, _(responses[i].label), responses[i].appearance };
  dialog = _mg_window_prompt (self, &prompt);
  g_object_set_data_full (G_OBJECT (dialog), "reports", g_ptr_array_ref (reports),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (duplicates_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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

  if (import->toast != NULL)
    adw_toast_dismiss (import->toast);
  reports = mg_session_import_finish (MG_SESSION (object), result, &error);
  if (self->files != NULL)
    self->files->import = NULL;
  import_free (import);
  if (self->files == NULL)
    return;

  if (reports == NULL)
    mg_window_toast (self, _("Import cancelled"));
  else if (mg_session_import_count_duplicates (reports) > 0)
    ask_about_duplicates (self, reports);
  else
    finish_import (self, reports, FALSE);
}

static void
cancel_import (MgWindow *self)
{
  if (self->files->import != NULL)
    g_cancellable_cancel (self->files->import->cancellable);
}

static void import_files (MgWindow  *self,
                          GPtrArray *chosen);

static void
import_into_new (MgWindow *self,
                 gpointer  data)
{
  _mg_window_new_dataset (self);
  import_files (self, data);
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
  /* The sample is never mixed into the person's work: articles start a
   * dataset of their own, unsaved, once any tagging tried on the sample
   * was asked about. */
  if (mg_session_get_welcome (self->session))
    {
      _mg_window_confirm_unsaved (self, import_into_new, g_ptr_array_ref (chosen),
                                  (GDestroyNotify) g_ptr_array_unref);
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
  gtk_widget_class_install_action (widget_class, "win.import-problems", NULL, import_problems_action);
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
  g_clear_pointer (&self->files->problems, g_ptr_array_unref);
  g_clear_pointer (&self->files, g_free);
}
