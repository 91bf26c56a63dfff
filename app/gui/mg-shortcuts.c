/* mg-shortcuts.c: the shortcuts window, tidied
 *
 * GTK 4.8 writes a key it has no symbol for by its X name, "Page_Up",
 * unless a translation of GTK says otherwise, and English has none. Keys
 * read as the rest of GNOME writes them: "Page Up".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-shortcuts"

#include "config.h"

#include "mg-shortcuts.h"

static void
tidy_label (GtkLabel *label)
{
  const char *text = gtk_label_get_text (label);
  g_autofree char *tidy = NULL;

  /* A single "_" is the key itself. */
  if (text == NULL || strlen (text) < 2 || strchr (text, '_') == NULL)
    return;

  tidy = g_strdelimit (g_strdup (text), "_", ' ');
  gtk_label_set_text (label, tidy);
}

/**
 * mg_shortcuts_tidy_keys:
 * @shortcuts_window: (nullable): a shortcuts window, or a widget in one
 *
 * Writes the key names of @shortcuts_window with spaces, not underscores.
 */
void
mg_shortcuts_tidy_keys (GtkWidget *shortcuts_window)
{
  if (shortcuts_window == NULL)
    return;

  if (GTK_IS_LABEL (shortcuts_window) &&
      gtk_widget_get_ancestor (shortcuts_window, GTK_TYPE_SHORTCUT_LABEL) != NULL)
    tidy_label (GTK_LABEL (shortcuts_window));

  for (GtkWidget *child = gtk_widget_get_first_child (shortcuts_window); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    mg_shortcuts_tidy_keys (child);
}
