/* mg-window-documents.c: new datasets; documents removed, renamed, moved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each change to the documents of a dataset is one step of the history,
 * made by the core (mg_history_remove_document, _set_title,
 * _move_document): Ctrl+Z takes it back. The actions take the id of the
 * document they act on, as the sidebar's menu names a row that may not be
 * the one shown; the empty id is the document shown, for the keys.
 */

#define G_LOG_DOMAIN "mg-window-documents"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-window-private.h"

static MgDocument *
target_document (MgWindow *self,
                 GVariant *param)
{
  const char *id = param ? g_variant_get_string (param, NULL) : "";
  MgDataset *dataset = mg_window_get_dataset (self);

  if (dataset == NULL)
    return NULL;
  if (*id == '\0')
    return self->document;
  return mg_dataset_lookup_document (dataset, id);
}

/* What the person calls the document: its title, else its id. */
static const char *
document_name (MgDocument *document)
{
  const char *title = mg_document_get_title (document);

  return title && *title ? title : mg_document_get_id (document);
}

/**
 * _mg_window_new_dataset:
 *
 * Puts an empty dataset with the default labels, signed with the name from
 * the preferences (or the login name), in place of the window's work; the
 * caller asked about unsaved work.
 */
void
_mg_window_new_dataset (MgWindow *self)
{
  const char *name = self->annotator_name;

  mg_session_new_dataset (self->session, name && *name ? name : g_get_user_name ());
}

static void
new_dataset_now (MgWindow *self,
                 gpointer  data)
{
  _mg_window_new_dataset (self);
}

static void
new_dataset_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  _mg_window_confirm_unsaved (MG_WINDOW (widget), new_dataset_now, NULL, NULL);
}

/* Removing */

static void
remove_now (MgWindow   *self,
            MgDocument *document)
{
  MgDataset *dataset = mg_window_get_dataset (self);
  g_autofree char *message = NULL;
  gboolean shown = document == self->document;
  int index = mg_dataset_index_of (dataset, document);
  AdwToast *toast;
  guint n;

  if (index < 0)
    return;

  message = g_strdup_printf (_("“%s” removed"), document_name (document));
  mg_history_remove_document (mg_session_get_history (self->session), document);

  /* The one that took its place in the list, else the one before. */
  n = mg_dataset_get_n_documents (dataset);
  if (shown)
    mg_window_show_document (self, n == 0 ? NULL : mg_dataset_get_document (dataset, MIN ((guint) index, n - 1)));
  else
    mg_document_list_select (self->document_list, self->document);

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    MgWindow         *self)
{
  MgDocument *document = g_object_get_data (G_OBJECT (dialog), "document");

  if (g_str_equal (response, "remove") && mg_window_get_dataset (self) != NULL)
    remove_now (self, document);
}

static void
remove_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  static const MgDialogResponse responses[] = {
    { "cancel", N_("_Cancel"), ADW_RESPONSE_DEFAULT },
    { "remove", N_("_Remove"), ADW_RESPONSE_DESTRUCTIVE },
  };
  MgWindow *self = MG_WINDOW (widget);
  MgDocument *document = target_document (self, param);
  MgDialogResponse translated[G_N_ELEMENTS (responses)];
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  guint n;

  if (document == NULL)
    return;

  /* A document with no spans costs nothing to remove, and Undo is on the
   * toast; coding work is asked about, by how much. */
  n = mg_annotation_store_get_n_annotations (mg_document_get_store (document));
  if (n == 0)
    {
      remove_now (self, document);
      return;
    }

  heading = g_strdup_printf (_("Remove “%s”?"), document_name (document));
  body = g_strdup_printf (ngettext ("Its %u annotation goes with it. Undo (Ctrl+Z) brings both back.",
                                    "Its %u annotations go with it. Undo (Ctrl+Z) brings them all back.",
                                    n), n);
  for (guint i = 0; i < G_N_ELEMENTS (responses); i++)
    translated[i] = (MgDialogResponse) { responses[i].id, _(responses[i].label), responses[i].appearance };
  dialog = _mg_window_prompt (self, &(MgPrompt) {
      heading, body, translated, G_N_ELEMENTS (translated), "cancel", "cancel",
    });
  g_object_set_data_full (G_OBJECT (dialog), "document", g_object_ref (document), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Renaming: the title is edited in the document's details, where the
 * rest of its metadata is. */

static void
rename_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgDocument *document = target_document (self, param);

  if (document == NULL)
    return;
  if (document != self->document)
    mg_window_show_document (self, document);
  gtk_menu_button_popup (self->metadata_button);
  mg_metadata_panel_focus_title (self->metadata_panel);
}

static void
set_title_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);

  if (self->document == NULL)
    return;
  mg_history_set_title (mg_session_get_history (self->session), self->document,
                        g_variant_get_string (param, NULL));
}

/* Moving */

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgDocument *document = target_document (self, param);
  gboolean up = g_str_equal (action_name, "win.move-document-up");
  int index;

  if (document == NULL || (index = mg_dataset_index_of (mg_window_get_dataset (self), document)) < 0)
    return;
  if (up ? index == 0 : (guint) index + 1 >= mg_dataset_get_n_documents (mg_window_get_dataset (self)))
    return;

  mg_history_move_document (mg_session_get_history (self->session), document,
                            up ? (guint) index - 1 : (guint) index + 1);
  mg_document_list_select (self->document_list, self->document);
}

/* Keys */

/* GtkTextView and GtkListView both move their cursor by pages with
 * Ctrl+Shift+Page Up/Down, and the text view deletes a word with
 * Ctrl+Delete, before the window's bindings see the keys: they are caught
 * on the way down instead, except in a popover (the note, the title), where
 * they edit text. */
static gboolean
move_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));

  if (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL)
    return FALSE;
  return gtk_widget_activate_action (widget, user_data, "s", "");
}

static gboolean
list_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  return gtk_widget_activate_action (widget, user_data, "s", "");
}

static void
add_shortcut (GtkEventController *controller,
              guint               keyval,
              GdkModifierType     modifiers,
              GtkShortcutFunc     func,
              const char         *action)
{
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                                          gtk_callback_action_new (func, (gpointer) action, NULL)));
}

static void
document_shown_cb (MgWindow   *self,
                   GParamSpec *pspec,
                   gpointer    data)
{
  mg_metadata_panel_set_document (self->metadata_panel, self->document);
}

/* Life cycle, called by mg-window.c */

void
_mg_window_documents_class_init (MgWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (MG_TYPE_METADATA_PANEL);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, metadata_button);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, metadata_panel);

  gtk_widget_class_install_action (widget_class, "win.new-dataset", NULL, new_dataset_action);
  gtk_widget_class_install_action (widget_class, "win.remove-document", "s", remove_document_action);
  gtk_widget_class_install_action (widget_class, "win.rename-document", "s", rename_document_action);
  gtk_widget_class_install_action (widget_class, "win.set-title", "s", set_title_action);
  gtk_widget_class_install_action (widget_class, "win.move-document-up", "s", move_action);
  gtk_widget_class_install_action (widget_class, "win.move-document-down", "s", move_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-dataset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.rename-document", "s", "");
  /* Where no widget takes them first; see move_key_cb() for where one does. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.move-document-up", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.move-document-down", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK,
                                       "win.remove-document", "s", "");
}

void
_mg_window_documents_init (MgWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_shortcut (controller, GDK_KEY_Page_Up, GDK_CONTROL_MASK | GDK_SHIFT_MASK, move_key_cb, "win.move-document-up");
  add_shortcut (controller, GDK_KEY_Page_Down, GDK_CONTROL_MASK | GDK_SHIFT_MASK, move_key_cb, "win.move-document-down");
  add_shortcut (controller, GDK_KEY_KP_Page_Up, GDK_CONTROL_MASK | GDK_SHIFT_MASK, move_key_cb, "win.move-document-up");
  add_shortcut (controller, GDK_KEY_KP_Page_Down, GDK_CONTROL_MASK | GDK_SHIFT_MASK, move_key_cb, "win.move-document-down");
  add_shortcut (controller, GDK_KEY_Delete, GDK_CONTROL_MASK, move_key_cb, "win.remove-document");
  add_shortcut (controller, GDK_KEY_KP_Delete, GDK_CONTROL_MASK, move_key_cb, "win.remove-document");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* In the sidebar, once the keyboard is there, Delete is about the
   * document, not an annotation. */
  controller = gtk_shortcut_controller_new ();
  add_shortcut (controller, GDK_KEY_Delete, 0, list_key_cb, "win.remove-document");
  add_shortcut (controller, GDK_KEY_KP_Delete, 0, list_key_cb, "win.remove-document");
  gtk_widget_add_controller (GTK_WIDGET (self->document_list), controller);

  g_signal_connect (self, "notify::document", G_CALLBACK (document_shown_cb), NULL);
  document_shown_cb (self, NULL, NULL);
}
