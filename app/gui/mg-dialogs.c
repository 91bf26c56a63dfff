/* mg-dialogs.c: the prompts and file choosers every window shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * File choosers are GtkFileDialog from GTK 4.10 and the portal-aware native
 * chooser before it. Either way the callback gets the chosen files, or NULL
 * when the person cancelled.
 */

#define G_LOG_DOMAIN "mg-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-dialogs.h"

/**
 * mg_dialogs_prompt:
 *
 * Returns: (transfer none): a modal question about the work in @parent,
 *   not yet shown; connect to its response and present it
 */
GtkWidget *
mg_dialogs_prompt (GtkWindow      *parent,
                   const MgPrompt *prompt)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, prompt->heading, prompt->body);
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (dialog);

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  for (gsize i = 0; i < prompt->n_responses; i++)
    {
      const MgDialogResponse *response = &prompt->responses[i];

      adw_message_dialog_add_response (message, response->id, response->label);
      if (response->appearance != ADW_RESPONSE_DEFAULT)
        adw_message_dialog_set_response_appearance (message, response->id, response->appearance);
    }
  if (prompt->default_response != NULL)
    adw_message_dialog_set_default_response (message, prompt->default_response);
  adw_message_dialog_set_close_response (message, prompt->close_response);
  return dialog;
}

void
mg_dialogs_show_error (GtkWindow  *parent,
                       const char *heading,
                       const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * mg_dialogs_cancel_or_close:
 * @job: (nullable): the job under way, %NULL when there is none
 *
 * What Cancel does in a dialog that runs a job (an export, a merge): it
 * stops the job under way, and closes the dialog otherwise, the same in
 * each of them.
 */
void
mg_dialogs_cancel_or_close (GtkWindow    *dialog,
                            GCancellable *job)
{
  if (job != NULL)
    g_cancellable_cancel (job);
  else
    gtk_window_close (dialog);
}

/**
 * mg_dialogs_set_status_line:
 * @message: (nullable): the line; %NULL empties it
 * @is_error: whether it tells of a failure
 *
 * The line under a dialog that runs a job (an export, a merge), which says
 * how the job went: a failure is shown with @error_icon and in the error
 * style, so that it does not read as a success at a glance. The dialogs
 * set it here so that they look and behave alike.
 */
void
mg_dialogs_set_status_line (GtkLabel   *label,
                            GtkWidget  *error_icon,
                            const char *message,
                            gboolean    is_error)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (error_icon, is_error);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
}

/**
 * mg_dialogs_show_list:
 * @lines: one item a line
 *
 * Shows a list too long for a toast, such as every problem of an import,
 * in a scrolled, selectable text the person can copy from.
 */
void
mg_dialogs_show_list (GtkWindow  *parent,
                      const char *heading,
                      const char *lines)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (lines);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * mg_dialogs_display_name:
 *
 * Returns: (transfer full): the file's name as a person reads it
 */
char *
mg_dialogs_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

/**
 * mg_dialogs_filters:
 * @articles: %TRUE for the articles one can import, %FALSE for datasets
 * @all_files: whether to offer every file too
 *
 * Returns: (transfer full): the filters of a file chooser
 */
GListModel *
mg_dialogs_filters (gboolean articles,
                    gboolean all_files)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (articles)
    {
      gtk_file_filter_set_name (filter, _("Articles"));
      gtk_file_filter_add_mime_type (filter, "text/plain");
      gtk_file_filter_add_mime_type (filter, "text/html");
      gtk_file_filter_add_mime_type (filter, "application/xml");
      gtk_file_filter_add_suffix (filter, "jsonl");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Datasets"));
      gtk_file_filter_add_mime_type (filter, "application/json");
      gtk_file_filter_add_suffix (filter, "json");
    }
  g_list_store_append (filters, filter);

  if (all_files)
    {
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      g_list_store_append (filters, all);
    }
  return G_LIST_MODEL (filters);
}

typedef struct
{
  GtkWindow    *parent;
  MgChosenFunc  func;
  MgChooseMode  mode;
} Choice;

static Choice *
choice_new (GtkWindow       *parent,
            const MgChooser *chooser,
            MgChosenFunc     func)
{
  Choice *choice = g_new0 (Choice, 1);

  choice->parent = g_object_ref (parent);
  choice->func = func;
  choice->mode = chooser->mode;
  return choice;
}

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
  /* NULL tells the callback the person cancelled. */
  if (chosen != NULL && chosen->len == 0)
    g_clear_pointer (&chosen, g_ptr_array_unref);
  choice->func (choice->parent, chosen);
  g_clear_pointer (&chosen, g_ptr_array_unref);
  g_object_unref (choice->parent);
  g_free (choice);
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

  switch (choice->mode)
    {
    case MG_CHOOSE_OPEN:
      file = gtk_file_dialog_open_finish (dialog, result, NULL);
      break;
    case MG_CHOOSE_SAVE:
      file = gtk_file_dialog_save_finish (dialog, result, NULL);
      break;
    case MG_CHOOSE_OPEN_MULTIPLE:
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

/**
 * mg_dialogs_choose:
 *
 * Asks for files with the chooser @chooser describes, then calls @func with
 * @parent, which is kept alive until then.
 */
void
mg_dialogs_choose (GtkWindow       *parent,
                   const MgChooser *chooser,
                   MgChosenFunc     func)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  Choice *choice = choice_new (parent, chooser, func);

  gtk_file_dialog_set_title (dialog, chooser->title);
  gtk_file_dialog_set_modal (dialog, TRUE);
  if (chooser->accept_label != NULL)
    gtk_file_dialog_set_accept_label (dialog, chooser->accept_label);
  if (chooser->filters != NULL)
    gtk_file_dialog_set_filters (dialog, chooser->filters);
  if (chooser->folder != NULL)
    gtk_file_dialog_set_initial_folder (dialog, chooser->folder);
  if (chooser->name != NULL)
    gtk_file_dialog_set_initial_name (dialog, chooser->name);

  if (chooser->mode == MG_CHOOSE_SAVE)
    gtk_file_dialog_save (dialog, parent, NULL, dialog_done_cb, choice);
  else if (chooser->mode == MG_CHOOSE_OPEN)
    gtk_file_dialog_open (dialog, parent, NULL, dialog_done_cb, choice);
  else
    gtk_file_dialog_open_multiple (dialog, parent, NULL, dialog_done_cb, choice);
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
mg_dialogs_choose (GtkWindow       *parent,
                   const MgChooser *chooser,
                   MgChosenFunc     func)
{
  gboolean save = chooser->mode == MG_CHOOSE_SAVE;
  const char *accept = chooser->accept_label ? chooser->accept_label : save ? _("_Save") : _("_Open");
  Choice *choice = choice_new (parent, chooser, func);
  GtkFileChooser *files;
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (chooser->title, parent,
                                        save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        accept, _("_Cancel"));
  files = GTK_FILE_CHOOSER (native);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (files, chooser->mode == MG_CHOOSE_OPEN_MULTIPLE);
  for (guint i = 0; chooser->filters && i < g_list_model_get_n_items (chooser->filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (chooser->filters, i);

      gtk_file_chooser_add_filter (files, filter);
    }
  if (chooser->folder != NULL)
    gtk_file_chooser_set_current_folder (files, chooser->folder, NULL);
  if (chooser->name != NULL)
    gtk_file_chooser_set_current_name (files, chooser->name);
  g_signal_connect (native, "response", G_CALLBACK (native_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
#endif
