/* test-shortcuts.c: the shortcuts window lists every key, and only keys
 * that work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "mg-application.h"
#include "mg-test-gui.h"

#define HELP_OVERLAY "/org/marginalia/Marginalia/gtk/help-overlay.ui"

/* Keys the text view itself handles: listed so people know how to select
 * text, but bound by GTK rather than by us. */
static const char *text_view_keys[] = {
  "<Shift>Left", "<Shift>Right", "<Shift>Up", "<Shift>Down",
  "<Primary><Shift>Left", "<Primary><Shift>Right",
  NULL
};

static char *
key_name (guint           keyval,
          GdkModifierType mods)
{
  /* Shift+Z and Shift+z are one key to a person; compare lower case. */
  return gtk_accelerator_name (gdk_keyval_to_lower (keyval), mods);
}

/* Adds every key of @accelerators, a space-separated list where "5...9"
 * stands for a range, to @keys. */
static void
add_listed (GHashTable *keys,
            const char *accelerators)
{
  g_auto(GStrv) parts = g_strsplit (accelerators, " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *range = strstr (parts[i], "...");
      GdkModifierType mods;
      guint keyval;

      if (range != NULL)
        {
          g_assert_cmpint (range - parts[i], ==, 1);
          for (char c = parts[i][0]; c <= range[3]; c++)
            {
              char single[2] = { c, 0 };

              g_assert_true (gtk_accelerator_parse (single, &keyval, &mods));
              g_hash_table_add (keys, key_name (keyval, mods));
            }
          continue;
        }

      g_assert_true (gtk_accelerator_parse (parts[i], &keyval, &mods));
      g_assert_cmpuint (keyval, !=, 0);
      g_hash_table_add (keys, key_name (keyval, mods));
    }
}

static GHashTable *
listed_keys (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (HELP_OVERLAY);
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  for (const GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accelerator, NULL);
      g_assert_nonnull (accelerator);
      add_listed (keys, accelerator);
    }
  gtk_window_destroy (GTK_WINDOW (overlay));

  return keys;
}

/* The window's keys: its class bindings, found as the shortcut controller
 * GTK gives every instance of the class. */
static GHashTable *
bound_keys (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      GListModel *shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      shortcuts = G_LIST_MODEL (controller);
      for (guint j = 0; j < g_list_model_get_n_items (shortcuts); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          guint keyval;

          if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !GTK_IS_NAMED_ACTION (action))
            continue;
          keyval = gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger));
          /* The keypad's keys repeat the main ones. */
          if (keyval >= GDK_KEY_KP_Space && keyval <= GDK_KEY_KP_9)
            continue;
          g_hash_table_insert (keys,
                               key_name (keyval, gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))),
                               g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action))));
        }
    }

  return keys;
}

static void
add_app_keys (GHashTable     *keys,
              GtkApplication *app)
{
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (app);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          GdkModifierType mods;
          guint keyval;

          g_assert_true (gtk_accelerator_parse (accels[j], &keyval, &mods));
          g_hash_table_insert (keys, key_name (keyval, mods), g_strdup (actions[i]));
        }
    }
}

/* The application, registered, so that its windows get the shortcuts
 * window as they would in use. */
static MgApplication *
registered_app (void)
{
  MgApplication *app = mg_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return app;
}

static void
test_every_key_listed (void)
{
  g_autoptr(MgApplication) app = NULL;
  g_autoptr(GHashTable) listed = NULL;
  g_autoptr(GHashTable) bound = NULL;
  g_autoptr(GHashTable) text_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();

  app = registered_app ();
  window = mg_window_new (app);

  listed = listed_keys ();
  for (guint i = 0; text_view_keys[i] != NULL; i++)
    add_listed (text_keys, text_view_keys[i]);
  bound = bound_keys (GTK_WIDGET (window));
  add_app_keys (bound, GTK_APPLICATION (app));
  g_assert_cmpuint (g_hash_table_size (bound), >, 20);

  /* Every key that does something is in the shortcuts window… */
  g_hash_table_iter_init (&iter, bound);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (listed, key))
      g_error ("%s (%s) is missing from the shortcuts window", (char *) key, (char *) value);

  /* …and every key the shortcuts window lists does something. */
  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (bound, key) && !g_hash_table_contains (text_keys, key))
      g_error ("%s is in the shortcuts window but no action has it", (char *) key);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Fails on a key of @widget's shortcut labels written with an underscore,
 * and counts the keys that read "Page Up" or "Page Down". */
static guint
check_key_names (GtkWidget *widget)
{
  guint pages = 0;

  if (GTK_IS_LABEL (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_SHORTCUT_LABEL) != NULL)
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (strlen (text) > 1 && strchr (text, '_') != NULL)
        g_error ("the shortcuts window writes a key as “%s”", text);
      pages += g_str_has_prefix (text, "Page ");
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    pages += check_key_names (child);

  return pages;
}

static void
test_key_names (void)
{
  g_autoptr(MgApplication) app = NULL;
  MgWindow *window;
  GtkShortcutsWindow *overlay;

  MG_TEST_REQUIRE_DISPLAY ();

  app = registered_app ();
  window = mg_window_new (app);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);

  /* Ctrl+Page Up and Ctrl+Page Down, and with Shift to move a document,
   * on their page and in the search results. */
  g_assert_cmpuint (check_key_names (GTK_WIDGET (overlay)), ==, 8);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The shortcuts window in @language, shown: its size, in @width and
 * @height. */
static void
measure_overlay (const char *language,
                 int        *width,
                 int        *height)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWidget *overlay;

  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
  builder = gtk_builder_new_from_resource (HELP_OVERLAY);
  overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  gtk_window_present (GTK_WINDOW (overlay));
  mg_test_spin_for (300);
  *width = gtk_widget_get_width (overlay);
  *height = gtk_widget_get_height (overlay);
  g_test_message ("the shortcuts window in %s is %dx%d", language, *width, *height);
  gtk_window_destroy (GTK_WINDOW (overlay));
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

/* The shortcuts window must fit beside the main window on a 1400x900
 * screen, in English and in the longer Turkish. */
static void
test_window_fits (void)
{
  g_autofree char *locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  const char *languages[] = { "en", "tr" };

  MG_TEST_REQUIRE_DISPLAY ();

  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      int width, height;

      measure_overlay (languages[i], &width, &height);
      g_assert_cmpint (width, <=, 1200);
      g_assert_cmpint (height, <=, 800);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *scratch = mg_test_scratch_home ("marginalia-shortcuts-XXXXXX");
  int status;

  g_test_init (&argc, &argv, NULL);
  mg_test_init_display ();
  g_test_add_func ("/shortcuts/every-key-listed", test_every_key_listed);
  g_test_add_func ("/shortcuts/window-fits", test_window_fits);
  g_test_add_func ("/shortcuts/key-names", test_key_names);

  status = g_test_run ();
  mg_test_remove_tree (scratch);
  return status;
}
