/* test-preferences-window.c: the preferences read and write GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mg-preferences-window.h"
#include "mg-test-gui.h"

static void
test_bindings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *name = NULL;
  GtkWidget *window, *entry, *toggle, *spin;

  MG_TEST_REQUIRE_DISPLAY ();
  window = mg_preferences_window_new (NULL);
  g_object_ref_sink (window);
  entry = mg_test_find_widget (window, ADW_TYPE_ENTRY_ROW, NULL);
  toggle = mg_test_find_widget (window, GTK_TYPE_SWITCH, NULL);
  spin = mg_test_find_widget (window, GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_nonnull (entry);
  g_assert_nonnull (toggle);
  g_assert_nonnull (spin);

  /* The defaults show… */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 2);

  /* …what the person changes is kept at once… */
  gtk_editable_set_text (GTK_EDITABLE (entry), "İlkay Güler");
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 4);
  name = g_settings_get_string (settings, "annotator-name");
  g_assert_cmpstr (name, ==, "İlkay Güler");
  g_assert_false (g_settings_get_boolean (settings, "snap-to-words"));
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-delay"), ==, 4);

  /* …the spin cannot leave the key's range… */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 60);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-delay"), ==, 5);

  /* …and a change made elsewhere shows. */
  g_settings_set_uint (settings, "autosave-delay", 1);
  g_settings_set_boolean (settings, "snap-to-words", TRUE);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 1);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* The article's text size, in percent, bounded as the key is. */
static void
test_article_zoom (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window, *spin;

  MG_TEST_REQUIRE_DISPLAY ();
  window = mg_preferences_window_new (NULL);
  g_object_ref_sink (window);
  spin = mg_test_find_widget (window, GTK_TYPE_SPIN_BUTTON, "article-zoom");
  g_assert_nonnull (spin);

  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 100);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 150);
  g_assert_cmpuint (g_settings_get_uint (settings, "article-zoom"), ==, 150);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 1000);
  g_assert_cmpuint (g_settings_get_uint (settings, "article-zoom"), ==, 300);
  g_settings_set_uint (settings, "article-zoom", 80);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 80);

  g_settings_reset (settings, "article-zoom");
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* The switch of the row titled @title. */
static GtkWidget *
switch_of_row (GtkWidget  *root,
               const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return mg_test_find_widget (root, GTK_TYPE_SWITCH, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = switch_of_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Label names over spans: off by default, and the switch and the key
 * follow each other. */
static void
test_label_names (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window, *toggle;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_preferences_window_new (NULL);
  g_object_ref_sink (window);
  toggle = switch_of_row (window, "Show Label Names");
  g_assert_nonnull (toggle);

  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "show-label-names"));
  g_settings_set_boolean (settings, "show-label-names", FALSE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  mg_test_init_display ();
  g_test_add_func ("/preferences/bindings", test_bindings);
  g_test_add_func ("/preferences/article-zoom", test_article_zoom);
  g_test_add_func ("/preferences/label-names", test_label_names);

  return g_test_run ();
}
