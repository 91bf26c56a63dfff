/* mg-preferences-window.c: the preferences, kept in GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-preferences-window.h"

struct _MgPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  GtkSpinButton        *article_zoom_spin;
  GtkSpinButton        *autosave_delay_spin;
  AdwEntryRow          *annotator_row;
  GtkSwitch            *snap_to_words_switch;
  GtkSwitch            *label_names_switch;

  /* Owned */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (MgPreferencesWindow, mg_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
mg_preferences_window_dispose (GObject *object)
{
  MgPreferencesWindow *self = MG_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MG_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mg_preferences_window_parent_class)->dispose (object);
}

static void
mg_preferences_window_class_init (MgPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mg_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/marginalia/Marginalia/mg-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MgPreferencesWindow, annotator_row);
  gtk_widget_class_bind_template_child (widget_class, MgPreferencesWindow, article_zoom_spin);
  gtk_widget_class_bind_template_child (widget_class, MgPreferencesWindow, autosave_delay_spin);
  gtk_widget_class_bind_template_child (widget_class, MgPreferencesWindow, snap_to_words_switch);
  gtk_widget_class_bind_template_child (widget_class, MgPreferencesWindow, label_names_switch);
}

static void
mg_preferences_window_init (MgPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Bound both ways and without an Apply button: GNOME preferences take
   * effect at once, and the window reads the keys when it needs them. */
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "annotator-name",
                   self->annotator_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "snap-to-words",
                   self->snap_to_words_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-label-names",
                   self->label_names_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "autosave-delay",
                   self->autosave_delay_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "article-zoom",
                   self->article_zoom_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
}

/**
 * mg_preferences_window_new:
 * @parent: (nullable): the window the preferences belong to
 *
 * Returns: (transfer none): a new preferences window, modal to @parent;
 *   present it with gtk_window_present()
 */
GtkWidget *
mg_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (MG_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}
