/* mg-merge-dialog.c: several annotators' datasets merged into a gold one
 *
 * The window's face of `marginalia-tool merge`: the same files, the same
 * rule and curator give the same bytes, since both name the annotators
 * with mg_merge_annotator_names(), merge with mg_merge_datasets() and
 * write with the dataset writer. The merge reads the files, not the
 * window's dataset:
 * what it merges is what the annotators saved, and unsaved edits in the
 * window are said to be left out rather than merged behind the person's
 * back. It runs in a thread; the dialog stays up to tell what it wrote and
 * to open the result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-merge-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-dialogs.h"
#include "mg-merge-dialog.h"
#include "mg-merge-files.h"
#include "mg-window-private.h"

struct _MgMergeDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkButton           *cancel_button;
  AdwEntryRow         *curator_row;
  GtkWidget           *done_box;
  GtkImage            *error_icon;
  AdwPreferencesGroup *inputs_group;
  GtkListBox          *inputs_list;
  GtkWidget           *left_button;
  AdwPreferencesGroup *options_group;
  AdwPreferencesGroup *output_group;
  AdwActionRow        *output_row;
  GtkSpinner          *spinner;
  AdwPreferencesGroup *status_group;
  GtkLabel            *status_label;
  AdwComboRow         *strategy_row;

  /* Owned */
  MgWindow            *window;       /* weak */
  GPtrArray           *inputs;       /* of GFile */
  GFile               *output;
  GCancellable        *cancellable;  /* of the merge under way, or NULL */
  char                *left_out;     /* what the last merge did not keep, a line each */
  gboolean             failed;
};

G_DEFINE_FINAL_TYPE (MgMergeDialog, mg_merge_dialog, ADW_TYPE_WINDOW)

/* Status */

static void
show_status (MgMergeDialog *self,
             const char    *message,
             gboolean       is_error)
{
  gtk_widget_set_visible (GTK_WIDGET (self->status_group), message != NULL);
  mg_dialogs_set_status_line (self->status_label, GTK_WIDGET (self->error_icon), message, is_error);
  gtk_widget_set_visible (self->done_box, FALSE);
  self->failed = is_error;
}

static void
show_error (MgMergeDialog *self,
            const char    *message)
{
  g_autofree char *line = g_strdup_printf (_("Could not merge: %s"), message);

  show_status (self, line, TRUE);
}

static void
update_actions (MgMergeDialog *self)
{
  gboolean busy = self->cancellable != NULL;
  gboolean reviewing = self->window != NULL && mg_window_get_file (self->window) != NULL &&
                       _mg_window_review_get_colleague_file (self->window) != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->inputs_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->options_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->output_group), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.run", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.add", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.remove", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.choose-output", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.use-review", !busy && reviewing);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

/* Inputs */

static void
fill_inputs (MgMergeDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->inputs_list))) != NULL)
    gtk_list_box_remove (self->inputs_list, child);

  for (guint i = 0; i < self->inputs->len; i++)
    {
      GFile *file = g_ptr_array_index (self->inputs, i);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = parent ? g_file_get_parse_name (parent) : NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder ? folder : "");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Leave Out of the Merge"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "merge.remove");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", i);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->inputs_list, row);
    }
  if (self->inputs->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No datasets yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->inputs_list, row);
    }
}

/**
 * mg_merge_dialog_add_input:
 * @file: an annotator's dataset file; one already listed is not added again
 */
void
mg_merge_dialog_add_input (MgMergeDialog *self,
                           GFile         *file)
{
  g_return_if_fail (MG_IS_MERGE_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  for (guint i = 0; i < self->inputs->len; i++)
    if (g_file_equal (g_ptr_array_index (self->inputs, i), file))
      return;
  g_ptr_array_add (self->inputs, g_object_ref (file));
  fill_inputs (self);
  show_status (self, NULL, FALSE);
}

static void
inputs_chosen (GtkWindow *window,
               GPtrArray *files)
{
  MgMergeDialog *self = MG_MERGE_DIALOG (window);

  for (guint i = 0; files != NULL && i < files->len; i++)
    mg_merge_dialog_add_input (self, g_ptr_array_index (files, i));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  g_autoptr(GListModel) filters = mg_dialogs_filters (FALSE, FALSE);
  MgChooser chooser = { MG_CHOOSE_OPEN_MULTIPLE, _("Add Annotators’ Datasets"), .filters = filters };

  mg_dialogs_choose (GTK_WINDOW (widget), &chooser, inputs_chosen);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MgMergeDialog *self = MG_MERGE_DIALOG (widget);
  guint index = g_variant_get_uint32 (param);

  if (index < self->inputs->len)
    g_ptr_array_remove_index (self->inputs, index);
  fill_inputs (self);
  show_status (self, NULL, FALSE);
}

/* Yours first: the gold dataset takes the first input's ids and labels. */
static void
use_review_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  MgMergeDialog *self = MG_MERGE_DIALOG (widget);
  GFile *yours = self->window ? mg_window_get_file (self->window) : NULL;
  GFile *theirs = self->window ? _mg_window_review_get_colleague_file (self->window) : NULL;

  if (yours == NULL || theirs == NULL)
    return;
  g_ptr_array_set_size (self->inputs, 0);
  mg_merge_dialog_add_input (self, yours);
  mg_merge_dialog_add_input (self, theirs);
  if (mg_history_get_modified (mg_window_get_history (self->window)))
    show_status (self,
                 _("Your unsaved edits are not in your file and will not be merged: save first to merge them"),
                 FALSE);
}

/* Output */

/* Said as soon as the file is chosen, not only when Merge is pressed. */
static void
warn_if_input (MgMergeDialog *self)
{
  g_autofree char *output = g_file_get_path (self->output);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->inputs->len; i++)
    {
      char *path = g_file_get_path (g_ptr_array_index (self->inputs, i));

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  if (output != NULL &&
      !mg_merge_check_output (output, (const char * const *) paths->pdata, paths->len, &error))
    show_error (self, error->message);
}

static void
update_output (MgMergeDialog *self)
{
  g_autofree char *name = self->output ? g_file_get_basename (self->output) : NULL;
  g_autoptr(GFile) parent = self->output ? g_file_get_parent (self->output) : NULL;
  g_autofree char *folder = parent ? g_file_get_parse_name (parent) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->output_row),
                                 name ? name : _("Not chosen yet"));
  adw_action_row_set_subtitle (self->output_row, folder ? folder : "");
}

static void
output_chosen (GtkWindow *window,
               GPtrArray *files)
{
  if (files != NULL)
    mg_merge_dialog_set_output (MG_MERGE_DIALOG (window), g_ptr_array_index (files, 0));
}

static void
choose_output_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  MgMergeDialog *self = MG_MERGE_DIALOG (widget);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = self->output ? g_file_get_basename (self->output) : NULL;
  g_autoptr(GListModel) filters = mg_dialogs_filters (FALSE, FALSE);
  MgChooser chooser = { MG_CHOOSE_SAVE, _("Write the Gold Dataset"), .filters = filters };

  if (self->output != NULL)
    folder = g_file_get_parent (self->output);
  else if (self->inputs->len > 0)
    folder = g_file_get_parent (g_ptr_array_index (self->inputs, 0));
  chooser.folder = folder;
  /* Translators: the file name offered for a gold dataset */
  chooser.name = name ? name : _("gold.json");
  mg_dialogs_choose (GTK_WINDOW (self), &chooser, output_chosen);
}

/* The merge */

static char *
summary_text (MgMergeDialog  *self,
              MgMergeSummary *summary)
{
  g_autofree char *name = g_file_get_basename (self->output);
  g_autofree char *documents = g_strdup_printf (ngettext ("%u document", "%u documents", summary->n_documents),
                                                summary->n_documents);
  g_autofree char *spans = g_strdup_printf (ngettext ("%u span kept", "%u spans kept", summary->n_spans),
                                            summary->n_spans);
  guint left = summary->unresolved->len;
  /* Spans, relations and documents not every input has, as the tool
   * lists them on standard error. */
  g_autofree char *disagreements = g_strdup_printf (ngettext ("%u left unresolved",
                                                              "%u left unresolved", left),
                                                    left);

  /* Translators: "Wrote gold.json: 3 documents, 40 spans kept, 5 left unresolved" */
  return g_strdup_printf (_("Wrote %s: %s, %s, %s"), name, documents, spans, disagreements);
}

static void
merge_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(MgMergeDialog) self = user_data;
  g_autoptr(MgMergeSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) left = g_string_new (NULL);

  summary = mg_merge_files_finish (result, &error);
  g_clear_object (&self->cancellable);
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  update_actions (self);
  if (summary == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_status (self, _("Merge cancelled; nothing was written"), FALSE);
      else
        show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < summary->unresolved->len; i++)
    g_string_append_printf (left, "%s%s", i ? "\n" : "", (char *) g_ptr_array_index (summary->unresolved, i));
  g_free (self->left_out);
  self->left_out = g_string_free (g_steal_pointer (&left), FALSE);

  text = summary_text (self, summary);
  show_status (self, text, FALSE);
  gtk_widget_set_visible (self->done_box, TRUE);
  gtk_widget_set_visible (self->left_button, summary->unresolved->len > 0);
  gtk_button_set_label (self->cancel_button, _("_Close"));
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  MgMergeDialog *self = MG_MERGE_DIALOG (widget);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  const char *curator;

  if (self->cancellable != NULL)
    return;
  if (self->inputs->len < 2)
    {
      show_error (self, _("add two datasets or more"));
      return;
    }
  if (self->output == NULL || (output = g_file_get_path (self->output)) == NULL)
    {
      show_error (self, _("choose a local file to write the gold dataset to"));
      return;
    }
  for (guint i = 0; i < self->inputs->len; i++)
    {
      GFile *file = g_ptr_array_index (self->inputs, i);
      char *path = g_file_get_path (file);

      if (path == NULL)
        {
          g_autofree char *name = g_file_get_parse_name (file);
          g_autofree char *line = g_strdup_printf (_("%s: not a local file"), name);

          show_error (self, line);
          return;
        }
      g_ptr_array_add (paths, path);
    }
  /* Said at once, before any work, as the tool refuses it. */
  if (!mg_merge_check_output (output, (const char * const *) paths->pdata, paths->len, &error))
    {
      show_error (self, error->message);
      return;
    }

  curator = gtk_editable_get_text (GTK_EDITABLE (self->curator_row));
  self->cancellable = g_cancellable_new ();
  show_status (self, _("Merging…"), FALSE);
  update_actions (self);
  mg_merge_files_async ((const char * const *) paths->pdata, paths->len,
                        mg_merge_dialog_get_strategy (self), curator, output,
                        self->cancellable, merge_done_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MgMergeDialog *self = MG_MERGE_DIALOG (widget);

  mg_dialogs_cancel_or_close (GTK_WINDOW (self), self->cancellable);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MgMergeDialog *self = MG_MERGE_DIALOG (widget);
  g_autoptr(MgWindow) window = self->window ? g_object_ref (self->window) : NULL;
  g_autoptr(GFile) output = self->output ? g_object_ref (self->output) : NULL;

  if (window == NULL || output == NULL)
    return;
  gtk_window_destroy (GTK_WINDOW (self));
  /* The window asks about its unsaved work first. */
  mg_window_open_files (window, &output, 1);
}

static void
show_left_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  MgMergeDialog *self = MG_MERGE_DIALOG (widget);

  if (self->left_out != NULL)
    mg_dialogs_show_list (GTK_WINDOW (self), _("Not in the Gold Dataset"), self->left_out);
}

/* The object */

static void
mg_merge_dialog_dispose (GObject *object)
{
  MgMergeDialog *self = MG_MERGE_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->window);

  gtk_widget_dispose_template (GTK_WIDGET (self), MG_TYPE_MERGE_DIALOG);

  G_OBJECT_CLASS (mg_merge_dialog_parent_class)->dispose (object);
}

static void
mg_merge_dialog_finalize (GObject *object)
{
  MgMergeDialog *self = MG_MERGE_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->output);
  g_clear_pointer (&self->inputs, g_ptr_array_unref);
  g_clear_pointer (&self->left_out, g_free);

  G_OBJECT_CLASS (mg_merge_dialog_parent_class)->finalize (object);
}

static void
mg_merge_dialog_class_init (MgMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mg_merge_dialog_dispose;
  object_class->finalize = mg_merge_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/marginalia/Marginalia/mg-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MgMergeDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, MgMergeDialog, curator_row);
  gtk_widget_class_bind_template_child (widget_class, MgMergeDialog, done_box);
  gtk_widget_class_bind_template_child (widget_class, MgMergeDialog, error_icon);
  gtk_widget_class_bind_template_child (widget_class, MgMergeDialog, inputs_group);
  gtk_widget_class_bind_template_child (widget_class, MgMergeDialog, inputs_list);
  gtk_widget_class_bind_template_child (widget_class, MgMergeDialog, left_button);
  gtk_widget_class_bind_template_child (widget_class, MgMergeDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, MgMergeDialog, output_group);
  gtk_widget_class_bind_template_child (widget_class, MgMergeDialog, output_row);
  gtk_widget_class_bind_template_child (widget_class, MgMergeDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, MgMergeDialog, status_group);
  gtk_widget_class_bind_template_child (widget_class, MgMergeDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, MgMergeDialog, strategy_row);

  gtk_widget_class_install_action (widget_class, "merge.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "merge.remove", "u", remove_action);
  gtk_widget_class_install_action (widget_class, "merge.use-review", NULL, use_review_action);
  gtk_widget_class_install_action (widget_class, "merge.choose-output", NULL, choose_output_action);
  gtk_widget_class_install_action (widget_class, "merge.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "merge.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "merge.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "merge.show-left", NULL, show_left_action);
}

static void
mg_merge_dialog_init (MgMergeDialog *self)
{
  const char *user = g_getenv ("USER");

  gtk_widget_init_template (GTK_WIDGET (self));
  self->inputs = g_ptr_array_new_with_free_func (g_object_unref);
  /* The tool's default curator. */
  gtk_editable_set_text (GTK_EDITABLE (self->curator_row), user ? user : g_get_user_name ());
}

/**
 * mg_merge_dialog_new:
 * @window: the window it merges for; under review, its dataset and the
 *   colleague's are offered as the inputs
 *
 * Returns: (transfer floating): a modal dialog over @window
 */
GtkWidget *
mg_merge_dialog_new (MgWindow *window)
{
  MgMergeDialog *self;

  g_return_val_if_fail (MG_IS_WINDOW (window), NULL);

  self = g_object_new (MG_TYPE_MERGE_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  fill_inputs (self);
  update_output (self);
  update_actions (self);
  /* Under review, the two datasets of the review are what one merges. */
  if (mg_window_get_file (window) != NULL && _mg_window_review_get_colleague_file (window) != NULL)
    use_review_action (GTK_WIDGET (self), "merge.use-review", NULL);
  return GTK_WIDGET (self);
}

guint
mg_merge_dialog_get_n_inputs (MgMergeDialog *self)
{
  g_return_val_if_fail (MG_IS_MERGE_DIALOG (self), 0);

  return self->inputs->len;
}

/**
 * mg_merge_dialog_get_input:
 *
 * Returns: (transfer none): the input at @index
 */
GFile *
mg_merge_dialog_get_input (MgMergeDialog *self,
                           guint          index)
{
  g_return_val_if_fail (MG_IS_MERGE_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->inputs->len, NULL);

  return g_ptr_array_index (self->inputs, index);
}

MgMergeStrategy
mg_merge_dialog_get_strategy (MgMergeDialog *self)
{
  g_return_val_if_fail (MG_IS_MERGE_DIALOG (self), MG_MERGE_UNANIMOUS);

  return adw_combo_row_get_selected (self->strategy_row) == 1 ? MG_MERGE_MAJORITY : MG_MERGE_UNANIMOUS;
}

void
mg_merge_dialog_set_strategy (MgMergeDialog   *self,
                              MgMergeStrategy  strategy)
{
  g_return_if_fail (MG_IS_MERGE_DIALOG (self));

  adw_combo_row_set_selected (self->strategy_row, strategy == MG_MERGE_MAJORITY ? 1 : 0);
}

void
mg_merge_dialog_set_curator (MgMergeDialog *self,
                             const char    *curator)
{
  g_return_if_fail (MG_IS_MERGE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->curator_row), curator ? curator : "");
}

/**
 * mg_merge_dialog_get_output:
 *
 * Returns: (transfer none) (nullable): where the gold dataset goes
 */
GFile *
mg_merge_dialog_get_output (MgMergeDialog *self)
{
  g_return_val_if_fail (MG_IS_MERGE_DIALOG (self), NULL);

  return self->output;
}

void
mg_merge_dialog_set_output (MgMergeDialog *self,
                            GFile         *output)
{
  g_return_if_fail (MG_IS_MERGE_DIALOG (self));
  g_return_if_fail (G_IS_FILE (output));

  g_set_object (&self->output, output);
  update_output (self);
  show_status (self, NULL, FALSE);
  warn_if_input (self);
}

/**
 * mg_merge_dialog_get_busy:
 *
 * Returns: whether a merge is under way
 */
gboolean
mg_merge_dialog_get_busy (MgMergeDialog *self)
{
  g_return_val_if_fail (MG_IS_MERGE_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * mg_merge_dialog_get_status:
 *
 * Returns: the line the dialog shows: what the last merge wrote, or why
 *   it could not; "" when none
 */
const char *
mg_merge_dialog_get_status (MgMergeDialog *self)
{
  g_return_val_if_fail (MG_IS_MERGE_DIALOG (self), NULL);

  return gtk_label_get_text (self->status_label);
}

/**
 * mg_merge_dialog_get_failed:
 *
 * Returns: whether the status shown is an error
 */
gboolean
mg_merge_dialog_get_failed (MgMergeDialog *self)
{
  g_return_val_if_fail (MG_IS_MERGE_DIALOG (self), FALSE);

  return self->failed;
}
