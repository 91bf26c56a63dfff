/* mg-window-zoom.c: the article's text size
 *
 * Ctrl+plus, Ctrl+minus and Ctrl+0 (win.zoom-in, win.zoom-out and
 * win.zoom-reset) change the preference "article-zoom", a percentage of
 * the reading size that the Preferences window shows too; every window
 * follows the preference. Plain digits stay the label keys.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-window-zoom"

#include "config.h"

#include "mg-window-private.h"

/* The stops of a browser's zoom, bounded as the preference is. */
static const guint stops[] = { 50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300 };

#define ZOOM_DEFAULT 100

/* The reading size of style.css, which the zoom multiplies. */
#define ARTICLE_EM 1.15

struct _MgWindowZoom
{
  GtkCssProvider *provider;
};

static guint
next_stop (guint    zoom,
           gboolean in)
{
  if (in)
    {
      for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
        if (stops[i] > zoom)
          return stops[i];
      return stops[G_N_ELEMENTS (stops) - 1];
    }
  for (guint i = G_N_ELEMENTS (stops); i > 0; i--)
    if (stops[i - 1] < zoom)
      return stops[i - 1];
  return stops[0];
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  guint zoom = g_settings_get_uint (self->settings, "article-zoom");

  if (g_str_equal (action_name, "win.zoom-reset"))
    zoom = ZOOM_DEFAULT;
  else
    zoom = next_stop (zoom, g_str_equal (action_name, "win.zoom-in"));
  g_settings_set_uint (self->settings, "article-zoom", zoom);
}

/* A rule above style.css's, for this window's display. */
static void
apply (MgWindow *self)
{
  guint zoom = g_settings_get_uint (self->settings, "article-zoom");
  char size[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *css = NULL;

  g_ascii_formatd (size, sizeof size, "%.4f", ARTICLE_EM * zoom / 100.0);
  css = g_strdup_printf ("textview.article { font-size: %sem; }", size);
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_css_provider_load_from_string (self->zoom->provider, css);
#else
  gtk_css_provider_load_from_data (self->zoom->provider, css, -1);
#endif

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", zoom < stops[G_N_ELEMENTS (stops) - 1]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", zoom > stops[0]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-reset", zoom != ZOOM_DEFAULT);
}

static void
zoom_changed_cb (MgWindow   *self,
                 const char *key,
                 GSettings  *settings)
{
  apply (self);
}

void
_mg_window_zoom_class_init (MgWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct {
    guint       keyval;
    const char *action;
  } keys[] = {
    { GDK_KEY_plus,        "win.zoom-in" },
    { GDK_KEY_equal,       "win.zoom-in" },
    { GDK_KEY_KP_Add,      "win.zoom-in" },
    { GDK_KEY_minus,       "win.zoom-out" },
    { GDK_KEY_KP_Subtract, "win.zoom-out" },
    { GDK_KEY_0,           "win.zoom-reset" },
    { GDK_KEY_KP_0,        "win.zoom-reset" },
  };

  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].keyval, GDK_CONTROL_MASK,
                                         keys[i].action, NULL);
}

void
_mg_window_zoom_init (MgWindow *self)
{
  self->zoom = g_new0 (MgWindowZoom, 1);
  self->zoom->provider = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->zoom->provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  g_signal_connect_object (self->settings, "changed::article-zoom",
                           G_CALLBACK (zoom_changed_cb), self, G_CONNECT_SWAPPED);
  apply (self);
}

void
_mg_window_zoom_dispose (MgWindow *self)
{
  if (self->zoom == NULL)
    return;

  gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                 GTK_STYLE_PROVIDER (self->zoom->provider));
  g_clear_object (&self->zoom->provider);
  g_clear_pointer (&self->zoom, g_free);
}

/**
 * _mg_window_zoom_get:
 *
 * Returns: the article's text size, in percent of the reading size
 */
guint
_mg_window_zoom_get (MgWindow *self)
{
  return g_settings_get_uint (self->settings, "article-zoom");
}
