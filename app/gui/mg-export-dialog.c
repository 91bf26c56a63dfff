/* mg-export-dialog.c: the dataset, written for other tools
 *
 * The export runs in a GTask thread on a copy of the dataset made when
 * Export is pressed. A copy, rather than a window kept read-only, because
 * the dataset can change without the user touching it: an import started
 * before the dialog opened adds its documents when it finishes, and
 * reloading a file changed on disk swaps the dataset. The copy is the
 * dataset file's bytes, written on the main loop (nothing edits the
 * dataset meanwhile) and read back in the thread, the slower half. The
 * format round-trips, so the copy exports what the dataset would once
 * saved; only the order of keys inside "meta" can differ from a file
 * written by hand, as the dataset writer sorts them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-dialogs.h"
#include "mg-export-dialog.h"
#include "mg-file-writer.h"

struct _MgExportDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwActionRow   *config_row;
  GtkSwitch      *config_switch;
  AdwActionRow   *destination_row;
  AdwPreferencesGroup *destination_group;
  GtkImage       *error_icon;
  AdwComboRow    *format_row;
  AdwComboRow    *offsets_row;
  AdwPreferencesGroup *options_group;
  GtkProgressBar *progress_bar;
  AdwPreferencesGroup *status_group;
  GtkLabel       *status_label;
  AdwWindowTitle *window_title;

  /* Owned */
  MgWindow       *window;        /* weak */
  GFile          *folder;
  char           *name;          /* of the file, or of the folder for brat */
  GCancellable   *cancellable;   /* of the export under way, or NULL */
  char           *error_message;
  gint64          started;       /* of the export under way */
  guint           progress_id;
  MgExportFormat  format;
};

G_DEFINE_FINAL_TYPE (MgExportDialog, mg_export_dialog, ADW_TYPE_WINDOW)

/* In the order of MgExportFormat. The suffix follows the dataset's name in
 * the file name offered: the extension, and the format's name where the
 * extension alone would not tell it. */
static const struct
{
  const char *title;
  const char *description;
  const char *suffix;
} formats[MG_EXPORT_N_FORMATS] = {
  [MG_EXPORT_JSONL] = { N_("JSON Lines"),
                        N_("One document per line, for pandas, spaCy and scripts"),
                        ".jsonl" },
  [MG_EXPORT_CSV] = { N_("CSV"),
                      N_("One row per annotation, for spreadsheets and R"),
                      ".csv" },
  [MG_EXPORT_BRAT] = { N_("brat"),
                       N_("A folder of text and annotation files for brat"),
                       "-brat" },
  [MG_EXPORT_CONLL] = { N_("CoNLL"),
                        N_("Tokens with IOB2 tags, for training sequence labellers"),
                        ".conll" },
  [MG_EXPORT_W3C] = { N_("W3C Web Annotation"),
                      N_("JSON-LD for annotation servers and viewers"),
                      ".jsonld" },
  [MG_EXPORT_DOCCANO] = { N_("doccano"),
                          N_("JSONL with entities and relations, for a doccano project"),
                          "-doccano.jsonl" },
  [MG_EXPORT_LABEL_STUDIO] = { N_("Label Studio"),
                               N_("Tasks with their annotations, for a Label Studio project"),
                               "-label-studio.json" },
};

#define CONFIG_SUFFIX "-label-config.xml"

/* The export */

typedef struct
{
  GBytes          *bytes;     /* the dataset as it was when Export was pressed */
  char            *name;
  MgDataset       *dataset;   /* read back from @bytes in the thread */
  GFile           *target;
  GFile           *config;    /* or NULL */
  MgExportFormat   format;
  MgExportOffsets  offsets;
  guint            total;
  int              loaded;    /* atomic */
  int              done;      /* atomic */
  char            *config_error;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_pointer (&job->name, g_free);
  g_clear_object (&job->dataset);
  g_clear_object (&job->target);
  g_clear_object (&job->config);
  g_clear_pointer (&job->config_error, g_free);
  g_free (job);
}

static void
export_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  ExportJob *job = user_data;

  g_atomic_int_set (&job->done, (int) done);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;

  /* Reading back is most of the cost of the copy, so it is done here, off
   * the main loop: of 3.2 s to copy a dataset of 120 MB, writing its bytes
   * takes 0.3 to 0.5 s. */
  job->dataset = mg_dataset_load_data (g_bytes_get_data (job->bytes, NULL),
                                       g_bytes_get_size (job->bytes), job->name, &error);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  if (job->dataset == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_atomic_int_set (&job->loaded, TRUE);
  if (g_task_return_error_if_cancelled (task))
    return;

  if (!mg_export_to_file (job->dataset, job->format, job->offsets, job->target,
                          export_progress_cb, job, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Written after the export, so that a cancelled or failed export leaves
   * no config behind either. */
  if (job->config != NULL)
    {
      char *xml = mg_export_label_studio_config (job->dataset);
      g_autoptr(GBytes) bytes = g_bytes_new_take (xml, strlen (xml));
      g_autofree char *path = g_file_get_path (job->config);

      /* Written as every other file is (io/mg-file-writer.c): a crash
       * leaves the old config or the new, and a replaced one keeps its
       * mode. The export itself is in place: a success, with a
       * complaint. */
      if (path == NULL)
        job->config_error = g_strdup (_("not a local file"));
      else if (!mg_file_write_bytes (path, bytes, MG_FILE_WRITE_DEFAULT, &error))
        job->config_error = g_strdup (error->message);
    }

  g_task_return_boolean (task, TRUE);
}

static char *
export_snapshot_name (MgExportDialog *self)
{
  GFile *file = self->window ? mg_window_get_file (self->window) : NULL;

  return file ? g_file_get_basename (file) : g_strdup ("dataset");
}

/* Destination */

static GFile *
target_file (MgExportDialog *self)
{
  return g_file_get_child (self->folder, self->name);
}

/* The name without the suffix @format would give it, so that switching
 * formats keeps what the user typed and changes only the end. */
static char *
name_stem (const char     *name,
           MgExportFormat  format)
{
  const char *dot;

  if (g_str_has_suffix (name, formats[format].suffix) &&
      strlen (name) > strlen (formats[format].suffix))
    return g_strndup (name, strlen (name) - strlen (formats[format].suffix));
  if ((dot = strrchr (name, '.')) != NULL && dot != name)
    return g_strndup (name, dot - name);
  return g_strdup (name);
}

static void
update_destination (MgExportDialog *self)
{
  g_autofree char *folder = g_file_get_parse_name (self->folder);
  g_autofree char *home = NULL;
  g_autofree char *config_name = NULL;
  g_autofree char *config_subtitle = NULL;
  g_autofree char *stem = NULL;

  /* A home folder reads better as ~, as Files shows it. */
  if (g_str_has_prefix (folder, g_get_home_dir ()) &&
      (folder[strlen (g_get_home_dir ())] == '/' || folder[strlen (g_get_home_dir ())] == '\0'))
    {
      home = g_strconcat ("~", folder + strlen (g_get_home_dir ()), NULL);
      g_free (folder);
      folder = g_steal_pointer (&home);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->destination_row), self->name);
  adw_action_row_set_subtitle (self->destination_row, folder);
  adw_action_row_set_icon_name (self->destination_row,
                                mg_export_format_is_directory (self->format)
                                  ? "folder-symbolic" : "text-x-generic-symbolic");

  stem = name_stem (self->name, self->format);
  config_name = g_strconcat (stem, CONFIG_SUFFIX, NULL);
  /* Translators: %s is a file name such as dataset-label-config.xml */
  config_subtitle = g_strdup_printf (_("Saved beside the export as %s"), config_name);
  adw_action_row_set_subtitle (self->config_row, config_subtitle);
}

static void
set_name_for_format (MgExportDialog *self,
                     MgExportFormat  old_format,
                     MgExportFormat  format)
{
  g_autofree char *stem = name_stem (self->name, old_format);

  g_free (self->name);
  self->name = g_strconcat (stem, formats[format].suffix, NULL);
}

/* The dataset's own folder and name when it has them. */
static void
default_destination (MgExportDialog *self)
{
  GFile *file = self->window ? mg_window_get_file (self->window) : NULL;
  g_autofree char *stem = NULL;

  if (file != NULL && (self->folder = g_file_get_parent (file)) != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

      stem = name_stem (basename, MG_EXPORT_JSONL);
    }
  else
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

      self->folder = g_file_new_for_path (documents ? documents : g_get_home_dir ());
      /* Translators: the file name offered for an export of a dataset never saved */
      stem = g_strdup (_("dataset"));
    }
  self->name = g_strconcat (stem, formats[self->format].suffix, NULL);
}

/* Choosing where: always a save chooser, for brat too, where the name
 * typed is the folder the export makes. */

static void
chosen (GtkWindow *window,
        GPtrArray *files)
{
  if (files != NULL)
    mg_export_dialog_set_destination (MG_EXPORT_DIALOG (window), g_ptr_array_index (files, 0));
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MgExportDialog *self = MG_EXPORT_DIALOG (widget);
  MgChooser chooser = {
    MG_CHOOSE_SAVE,
    mg_export_dialog_get_format (self) == MG_EXPORT_BRAT ? _("Export to a New Folder")
                                                        : _("Export to a File"),
    .accept_label = _("_Select"),
    .folder = self->folder,
    .name = self->name,
  };

  mg_dialogs_choose (GTK_WINDOW (self), &chooser, chosen);
}

/* Status */

/* The window takes its content's natural height only when it opens; a row
 * or a status appearing later would hide below the fold without this. */
static void
set_visible_fitting (MgExportDialog *self,
                     GtkWidget      *widget,
                     gboolean        visible)
{
  if (gtk_widget_get_visible (widget) != visible && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      int width, height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      gtk_window_set_default_size (GTK_WINDOW (self), width, -1);
    }
  gtk_widget_set_visible (widget, visible);
}

static void
show_status (MgExportDialog *self,
             const char     *message,
             gboolean        is_error)
{
  set_visible_fitting (self, GTK_WIDGET (self->status_group), message != NULL);
  mg_dialogs_set_status_line (self->status_label, GTK_WIDGET (self->error_icon), message, is_error);
  if (!is_error)
    g_clear_pointer (&self->error_message, g_free);
}

/* The core names the file or folder at fault first ("PATH: reason"); the
 * destination row above already shows it, and the reason alone fits on a
 * line. */
static const char *
without_destination (MgExportDialog *self,
                     const char     *message)
{
  g_autoptr(GFile) target = target_file (self);
  g_autofree char *target_path = g_file_get_path (target);
  g_autofree char *folder_path = g_file_get_path (self->folder);
  const char *paths[] = { target_path, folder_path };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      gsize len = paths[i] ? strlen (paths[i]) : 0;

      if (len > 0 && strncmp (message, paths[i], len) == 0 &&
          message[len] == ':' && message[len + 1] == ' ' && message[len + 2] != '\0')
        return message + len + 2;
    }
  return message;
}

static void
show_error (MgExportDialog *self,
            const char     *full_message)
{
  const char *message = without_destination (self, full_message);
  g_autofree char *line = g_strdup_printf (_("Could not export: %s"), message);

  show_status (self, line, TRUE);
  g_free (self->error_message);
  self->error_message = g_strdup (message);
}

static void
set_busy (MgExportDialog *self,
          gboolean        busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->options_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->destination_group), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.run", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose", !busy);
  if (busy)
    gtk_progress_bar_set_fraction (self->progress_bar, 0);
}

static gboolean
progress_cb (gpointer user_data)
{
  GTask *task = user_data;
  MgExportDialog *self = g_task_get_source_object (task);
  ExportJob *job = g_task_get_task_data (task);
  guint done = (guint) g_atomic_int_get (&job->done);
  g_autofree char *text = NULL;

  if (!g_atomic_int_get (&job->loaded))
    {
      show_status (self, _("Preparing the export…"), FALSE);
      gtk_progress_bar_pulse (self->progress_bar);
      return G_SOURCE_CONTINUE;
    }

  text = g_strdup_printf (ngettext ("Exported %u of %u document…",
                                    "Exported %u of %u documents…", job->total),
                          done, job->total);
  show_status (self, text, FALSE);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 job->total ? (double) done / job->total : 0);
  return G_SOURCE_CONTINUE;
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  MgExportDialog *self = MG_EXPORT_DIALOG (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->cancellable);

  /* Closed meanwhile: the export was cancelled and nobody is waiting. */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      g_task_propagate_boolean (G_TASK (result), NULL);
      return;
    }

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_status (self, _("Export cancelled; nothing was written"), FALSE);
      else
        show_error (self, error->message);
      return;
    }

  g_debug ("Exported %u documents in %.1f ms", job->total,
           (g_get_monotonic_time () - self->started) / 1000.0);
  if (job->config_error != NULL)
    {
      message = g_strdup_printf (_("Exported, but the labelling config was not written: %s"),
                                 job->config_error);
      show_status (self, message, TRUE);
      g_free (self->error_message);
      self->error_message = g_steal_pointer (&message);
      return;
    }

  name = g_file_get_basename (job->target);
  message = g_strdup_printf (ngettext ("Exported %u document to %s",
                                       "Exported %u documents to %s", job->total),
                             job->total, name);
  if (self->window != NULL)
    {
      /* A brat export is a folder of its own; any other, a file in one. */
      g_autoptr(GFile) folder = job->format == MG_EXPORT_BRAT ? g_object_ref (job->target)
                                                              : g_file_get_parent (job->target);

      if (folder != NULL)
        mg_window_toast_folder (self->window, message, folder);
      else
        mg_window_toast (self->window, message);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  MgExportDialog *self = MG_EXPORT_DIALOG (widget);
  MgDataset *dataset = self->window ? mg_window_get_dataset (self->window) : NULL;
  g_autoptr(GTask) task = NULL;
  gint64 started;
  ExportJob *job;

  if (dataset == NULL || self->cancellable != NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->format = mg_export_dialog_get_format (self);
  job->offsets = mg_export_dialog_get_offsets (self);
  job->target = target_file (self);
  if (mg_export_dialog_get_write_config (self))
    job->config = mg_export_dialog_get_config_file (self);

  /* The copy: see the comment at the top of the file. Its bytes are
   * written here, while nothing can change the dataset. */
  started = g_get_monotonic_time ();
  job->bytes = mg_dataset_to_bytes (dataset);
  job->name = export_snapshot_name (self);
  job->total = mg_dataset_get_n_documents (dataset);
  g_debug ("Wrote %u documents (%" G_GSIZE_FORMAT " bytes) to copy them in %.1f ms",
           job->total, g_bytes_get_size (job->bytes), (g_get_monotonic_time () - started) / 1000.0);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, run_action);
  /* The thread's answer counts, not the cancellable's: a cancel that comes
   * after the file was put in place must not report it missing. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);

  self->started = g_get_monotonic_time ();
  set_busy (self, TRUE);
  progress_cb (task);
  /* The task outlives the source: the callback finds it through the task,
   * which holds the dialog until the export ends. */
  self->progress_id = g_timeout_add_full (G_PRIORITY_DEFAULT, 100, progress_cb,
                                          g_object_ref (task), g_object_unref);
  g_task_run_in_thread (task, export_thread);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MgExportDialog *self = MG_EXPORT_DIALOG (widget);

  mg_dialogs_cancel_or_close (GTK_WINDOW (self), self->cancellable);
}

/* Rows */

static void
format_changed_cb (MgExportDialog *self,
                   GParamSpec     *pspec,
                   AdwComboRow    *row)
{
  MgExportFormat format = mg_export_dialog_get_format (self);

  if (format == self->format)
    return;

  set_name_for_format (self, self->format, format);
  self->format = format;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row),
                               _(formats[format].description));
  set_visible_fitting (self, GTK_WIDGET (self->config_row), format == MG_EXPORT_LABEL_STUDIO);
  update_destination (self);
  show_status (self, NULL, FALSE);
}

static void
described_item_setup_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *description = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (description), 46);
  gtk_widget_add_css_class (description, "caption");
  gtk_widget_add_css_class (description, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), description);
  gtk_list_item_set_child (item, box);
}

/* @user_data is the table of descriptions, one per position. */
static void
described_item_bind_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  user_data)
{
  const char * const *descriptions = user_data;
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (title), gtk_string_object_get_string (string));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_next_sibling (title)),
                      _(descriptions[gtk_list_item_get_position (item)]));
}

/* The open list says who reads each choice; the row shows its name. */
static void
set_described_model (AdwComboRow        *row,
                     const char * const *titles,
                     const char * const *descriptions,
                     guint               n)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (model, _(titles[i]));
  g_signal_connect (factory, "setup", G_CALLBACK (described_item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (described_item_bind_cb), (gpointer) descriptions);
  adw_combo_row_set_list_factory (row, factory);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
}

static const char *offsets_titles[] = {
  N_("Code Points"),
  N_("UTF-16 Units"),
};

static const char *offsets_descriptions[] = {
  N_("As Python, brat and the dataset itself count"),
  N_("As JavaScript counts, for tools that work in a browser"),
};

static void
setup_rows (MgExportDialog *self)
{
  static const char *format_titles[MG_EXPORT_N_FORMATS];
  static const char *format_descriptions[MG_EXPORT_N_FORMATS];

  for (guint i = 0; i < MG_EXPORT_N_FORMATS; i++)
    {
      format_titles[i] = formats[i].title;
      format_descriptions[i] = formats[i].description;
    }
  set_described_model (self->format_row, format_titles, format_descriptions, MG_EXPORT_N_FORMATS);
  set_described_model (self->offsets_row, offsets_titles, offsets_descriptions,
                       G_N_ELEMENTS (offsets_titles));

  adw_combo_row_set_selected (self->format_row, self->format);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row),
                               _(formats[self->format].description));
  g_signal_connect_object (self->format_row, "notify::selected",
                           G_CALLBACK (format_changed_cb), self, G_CONNECT_SWAPPED);
}

/* The object */

static gboolean
mg_export_dialog_close_request (GtkWindow *window)
{
  MgExportDialog *self = MG_EXPORT_DIALOG (window);

  /* The export's own files are removed by the core when it stops. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (mg_export_dialog_parent_class)->close_request (window);
}

static void
mg_export_dialog_dispose (GObject *object)
{
  MgExportDialog *self = MG_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_weak_pointer (&self->window);

  gtk_widget_dispose_template (GTK_WIDGET (self), MG_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (mg_export_dialog_parent_class)->dispose (object);
}

static void
mg_export_dialog_finalize (GObject *object)
{
  MgExportDialog *self = MG_EXPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->folder);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (mg_export_dialog_parent_class)->finalize (object);
}

static void
mg_export_dialog_class_init (MgExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mg_export_dialog_dispose;
  object_class->finalize = mg_export_dialog_finalize;
  window_class->close_request = mg_export_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/marginalia/Marginalia/mg-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, config_row);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, config_switch);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, destination_group);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, destination_row);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, error_icon);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, offsets_row);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, status_group);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, MgExportDialog, window_title);

  gtk_widget_class_install_action (widget_class, "export.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
}

static void
mg_export_dialog_init (MgExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->format = MG_EXPORT_JSONL;
}

/**
 * mg_export_dialog_new:
 * @window: the window whose dataset is exported
 *
 * Returns: (transfer floating): a modal dialog over @window; it closes
 *   itself after a successful export and says so in a toast on @window
 */
GtkWidget *
mg_export_dialog_new (MgWindow *window)
{
  MgExportDialog *self;
  MgDataset *dataset;
  g_autofree char *subtitle = NULL;
  guint n;

  g_return_val_if_fail (MG_IS_WINDOW (window), NULL);

  self = g_object_new (MG_TYPE_EXPORT_DIALOG,
                       "transient-for", window,
                       NULL);
  g_set_weak_pointer (&self->window, window);

  dataset = mg_window_get_dataset (window);
  n = dataset ? mg_dataset_get_n_documents (dataset) : 0;
  subtitle = g_strdup_printf (ngettext ("%u document", "%u documents", n), n);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  default_destination (self);
  setup_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->config_row), FALSE);
  update_destination (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->format_row));

  return GTK_WIDGET (self);
}

MgExportFormat
mg_export_dialog_get_format (MgExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (MG_IS_EXPORT_DIALOG (self), MG_EXPORT_JSONL);

  selected = adw_combo_row_get_selected (self->format_row);
  return selected < MG_EXPORT_N_FORMATS ? (MgExportFormat) selected : MG_EXPORT_JSONL;
}

void
mg_export_dialog_set_format (MgExportDialog *self,
                             MgExportFormat  format)
{
  g_return_if_fail (MG_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format < MG_EXPORT_N_FORMATS);

  adw_combo_row_set_selected (self->format_row, format);
}

MgExportOffsets
mg_export_dialog_get_offsets (MgExportDialog *self)
{
  g_return_val_if_fail (MG_IS_EXPORT_DIALOG (self), MG_EXPORT_OFFSETS_CODEPOINT);

  return adw_combo_row_get_selected (self->offsets_row) == 1 ? MG_EXPORT_OFFSETS_UTF16
                                                             : MG_EXPORT_OFFSETS_CODEPOINT;
}

void
mg_export_dialog_set_offsets (MgExportDialog  *self,
                              MgExportOffsets  offsets)
{
  g_return_if_fail (MG_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->offsets_row, offsets == MG_EXPORT_OFFSETS_UTF16 ? 1 : 0);
}

/**
 * mg_export_dialog_get_destination:
 *
 * Returns: (transfer full): the file, or for brat the folder, to write
 */
GFile *
mg_export_dialog_get_destination (MgExportDialog *self)
{
  g_return_val_if_fail (MG_IS_EXPORT_DIALOG (self), NULL);

  return target_file (self);
}

/**
 * mg_export_dialog_set_destination:
 * @target: the file, or for brat the folder, to write
 *
 * Later changes of format keep its folder and name and change only the
 * ending.
 */
void
mg_export_dialog_set_destination (MgExportDialog *self,
                                  GFile          *target)
{
  g_autoptr(GFile) parent = NULL;

  g_return_if_fail (MG_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (target));

  if ((parent = g_file_get_parent (target)) == NULL)
    return;
  g_set_object (&self->folder, parent);
  g_free (self->name);
  self->name = g_file_get_basename (target);
  update_destination (self);
  show_status (self, NULL, FALSE);
}

gboolean
mg_export_dialog_get_write_config (MgExportDialog *self)
{
  g_return_val_if_fail (MG_IS_EXPORT_DIALOG (self), FALSE);

  return mg_export_dialog_get_format (self) == MG_EXPORT_LABEL_STUDIO &&
         gtk_switch_get_active (self->config_switch);
}

void
mg_export_dialog_set_write_config (MgExportDialog *self,
                                   gboolean        write_config)
{
  g_return_if_fail (MG_IS_EXPORT_DIALOG (self));

  gtk_switch_set_active (self->config_switch, write_config);
}

/**
 * mg_export_dialog_get_config_file:
 *
 * Returns: (transfer full): where the Label Studio labelling config goes
 *   when it is written: beside the export, named after it
 */
GFile *
mg_export_dialog_get_config_file (MgExportDialog *self)
{
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (MG_IS_EXPORT_DIALOG (self), NULL);

  stem = name_stem (self->name, self->format);
  name = g_strconcat (stem, CONFIG_SUFFIX, NULL);
  return g_file_get_child (self->folder, name);
}

/**
 * mg_export_dialog_get_busy:
 *
 * Returns: whether an export is under way
 */
gboolean
mg_export_dialog_get_busy (MgExportDialog *self)
{
  g_return_val_if_fail (MG_IS_EXPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * mg_export_dialog_get_error_message:
 *
 * Returns: (nullable): why the last export failed, as the dialog shows
 *   it, or %NULL
 */
const char *
mg_export_dialog_get_error_message (MgExportDialog *self)
{
  g_return_val_if_fail (MG_IS_EXPORT_DIALOG (self), NULL);

  return self->error_message;
}
