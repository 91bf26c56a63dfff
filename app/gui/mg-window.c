/* mg-window.c: the annotation window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-window.h"
#include "mg-window-private.h"

G_DEFINE_FINAL_TYPE (MgWindow, mg_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_DOCUMENT,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dataset_display_name (MgWindow *self)
{
  g_autofree char *basename = NULL;
  char *dot;

  if (self->file == NULL)
    return g_strdup (_("New Dataset"));

  basename = g_file_get_basename (self->file);
  if ((dot = strrchr (basename, '.')) != NULL && dot != basename)
    *dot = '\0';

  return g_steal_pointer (&basename);
}

void
_mg_window_update_title (MgWindow *self)
{
  g_autofree char *name = dataset_display_name (self);
  g_autofree char *title = NULL;
  gboolean modified = self->history != NULL && mg_history_get_modified (self->history);

  /* The dot says "unsaved" without taking room from the name. */
  title = modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title,
                                 self->document ? mg_document_get_title (self->document) : NULL);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
history_modified_cb (MgWindow  *self,
                     GParamSpec *pspec,
                     MgHistory *history)
{
  _mg_window_update_title (self);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
save_window_state (MgWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
mg_window_close_request (GtkWindow *window)
{
  MgWindow *self = MG_WINDOW (window);

  /* TRUE from the file side means a prompt about unsaved work is up. */
  if (_mg_window_files_close_request (self))
    return TRUE;

  save_window_state (self);

  return GTK_WINDOW_CLASS (mg_window_parent_class)->close_request (window);
}

static void
mg_window_dispose (GObject *object)
{
  MgWindow *self = MG_WINDOW (object);

  _mg_window_files_dispose (self);

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), MG_TYPE_WINDOW);

  g_clear_object (&self->selected);
  g_clear_object (&self->document);
  g_clear_object (&self->history);
  g_clear_object (&self->dataset);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mg_window_parent_class)->dispose (object);
}

static void
mg_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MgWindow *self = MG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_window_class_init (MgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mg_window_dispose;
  object_class->get_property = mg_window_get_property;

  window_class->close_request = mg_window_close_request;

  /**
   * MgWindow:dataset:
   *
   * The dataset shown. Changes together with the history, so a handler of
   * its notification finds the new history in place.
   */
  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         MG_TYPE_DATASET,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         MG_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MG_TYPE_ARTICLE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/marginalia/Marginalia/mg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MgWindow, article_scroller);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MgWindow, window_title);

  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);

  _mg_window_files_class_init (klass);
}

static void
mg_window_init (MgWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  _mg_window_files_init (self);
}

MgWindow *
mg_window_new (MgApplication *app)
{
  return g_object_new (MG_TYPE_WINDOW,
                       "application", app,
                       NULL);
}

/**
 * mg_window_set_dataset:
 * @dataset: the dataset to show
 * @file: (nullable): where it lives, or %NULL while it was never saved
 *
 * Shows @dataset with a fresh history, and its first document.
 */
void
mg_window_set_dataset (MgWindow  *self,
                       MgDataset *dataset,
                       GFile     *file)
{
  g_return_if_fail (MG_IS_WINDOW (self));
  g_return_if_fail (MG_IS_DATASET (dataset));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);

  g_set_object (&self->dataset, dataset);
  g_clear_object (&self->history);
  self->history = mg_history_new (dataset);
  g_signal_connect_object (self->history, "notify::modified",
                           G_CALLBACK (history_modified_cb), self,
                           G_CONNECT_SWAPPED);

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);

  mg_window_show_document (self, mg_dataset_get_n_documents (dataset) > 0
                                   ? mg_dataset_get_document (dataset, 0)
                                   : NULL);
  _mg_window_update_title (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

MgDataset *
mg_window_get_dataset (MgWindow *self)
{
  g_return_val_if_fail (MG_IS_WINDOW (self), NULL);

  return self->dataset;
}

MgHistory *
mg_window_get_history (MgWindow *self)
{
  g_return_val_if_fail (MG_IS_WINDOW (self), NULL);

  return self->history;
}

GFile *
mg_window_get_file (MgWindow *self)
{
  g_return_val_if_fail (MG_IS_WINDOW (self), NULL);

  return self->file;
}

/**
 * mg_window_set_file:
 * @file: (nullable): where the dataset now lives, after Save As
 *
 * Changes the file without touching the dataset or its history.
 */
void
mg_window_set_file (MgWindow *self,
                    GFile    *file)
{
  g_return_if_fail (MG_IS_WINDOW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (g_set_object (&self->file, file))
    {
      _mg_window_update_title (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
}

MgDocument *
mg_window_get_document (MgWindow *self)
{
  g_return_val_if_fail (MG_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * mg_window_show_document:
 * @document: (nullable): a document of the dataset, or %NULL for none
 *
 * Shows @document with the keyboard focus in the article and the caret at
 * its start, ready for Shift+arrows.
 */
void
mg_window_show_document (MgWindow   *self,
                         MgDocument *document)
{
  g_return_if_fail (MG_IS_WINDOW (self));
  g_return_if_fail (document == NULL || MG_IS_DOCUMENT (document));

  g_clear_object (&self->selected);

  if (g_set_object (&self->document, document) || document == NULL)
    mg_article_view_set_document (self->article_view, document,
                                  self->dataset ? mg_dataset_get_labels (self->dataset) : NULL);

  gtk_stack_set_visible_child_name (self->content_stack, document ? "document" : "empty");
  if (document != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->article_view));

  _mg_window_update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * mg_window_toast:
 * @message: a short sentence, already translated
 */
void
mg_window_toast (MgWindow   *self,
                 const char *message)
{
  g_return_if_fail (MG_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}
