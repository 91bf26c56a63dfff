/* mg-application.c: start-up, command line and application actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-application"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-core.h"
#include "mg-import.h"
#include "mg-session.h"

#include "mg-about.h"
#include "mg-application.h"
#include "mg-preferences-window.h"
#include "mg-window.h"

struct _MgApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (MgApplication, mg_application, ADW_TYPE_APPLICATION)

#define SAMPLE_RESOURCE "/org/marginalia/Marginalia/sample-article.txt"

/**
 * mg_application_load_sample:
 *
 * The bundled sample article, read by the core's plain-text importer like
 * any imported file, so it has the same title, section and dateline as when
 * a person imports sample-article.txt.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL when the
 *   resource is missing
 */
MgDocument *
mg_application_load_sample (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  const char *text;
  gsize n_bytes;

  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, 0, &error);
  if (bytes != NULL)
    {
      text = g_bytes_get_data (bytes, &n_bytes);
      documents = mg_import_data (text, n_bytes, "sample-article.txt", MG_IMPORT_TEXT, NULL, &error);
    }
  if (documents == NULL || documents->len == 0)
    {
      g_warning ("Sample article unreadable: %s", error ? error->message : "no document");
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (documents, 0));
}

/* An empty dataset whose annotator is the name from the preferences, or
 * the user name when none is set. */
static MgDataset *
new_dataset (MgApplication *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "annotator-name");
  MgDataset *dataset = mg_dataset_new ();

  mg_dataset_set_annotator (dataset, *name ? name : g_get_user_name ());

  return dataset;
}

static MgWindow *
get_or_create_window (MgApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (mg_window_new (self));

  return MG_WINDOW (window);
}

static void
mg_application_activate (GApplication *app)
{
  MgApplication *self = MG_APPLICATION (app);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
  MgWindow *window;

  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }

  window = mg_window_new (self);

  /* With no file the sample article is there, so a first-time user can
   * start tagging at once. It is a welcome page: the person's articles
   * go into a dataset of their own. */
  if (mg_window_get_dataset (window) == NULL)
    {
      g_autoptr(MgDataset) dataset = new_dataset (self);
      g_autoptr(MgDocument) sample = mg_application_load_sample ();

      if (sample != NULL)
        mg_dataset_add_document (dataset, sample);
      mg_session_set_welcome (mg_window_get_session (window), dataset);
    }

  gtk_window_present (GTK_WINDOW (window));
  /* The work goes on where it was left, over the sample. */
  mg_window_reopen_last (window);
}

static void
mg_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  MgApplication *self = MG_APPLICATION (app);
  MgWindow *window = get_or_create_window (self);

  if (mg_window_get_dataset (window) == NULL)
    {
      g_autoptr(MgDataset) dataset = new_dataset (self);

      mg_window_set_dataset (window, dataset, NULL);
    }

  mg_window_open_files (window, files, n_files);
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window asks about its unsaved work through close-request, so
   * quitting never loses anything silently. */
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  g_list_free (windows);
}

static void
_mg_application_show_about (GtkWindow *parent)
{
  mg_show_about (parent);
}

static void
_mg_application_show_preferences (GtkWindow *parent)
{
  gtk_window_present (GTK_WINDOW (mg_preferences_window_new (parent)));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  GtkApplication *app = user_data;

  _mg_application_show_about (gtk_application_get_active_window (app));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  GtkApplication *app = user_data;

  _mg_application_show_preferences (gtk_application_get_active_window (app));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

static void
mg_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (mg_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", prefs_accels);
}

static void
mg_application_finalize (GObject *object)
{
  MgApplication *self = MG_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mg_application_parent_class)->finalize (object);
}

static void
mg_application_class_init (MgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = mg_application_finalize;

  app_class->activate = mg_application_activate;
  app_class->open = mg_application_open;
  app_class->startup = mg_application_startup;
}

static void
mg_application_init (MgApplication *self)
{
  self->settings = g_settings_new (APP_ID);
}

MgApplication *
mg_application_new (void)
{
  return g_object_new (MG_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/marginalia/Marginalia",
                       NULL);
}

/**
 * mg_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
mg_application_get_settings (MgApplication *self)
{
  g_return_val_if_fail (MG_IS_APPLICATION (self), NULL);

  return self->settings;
}
