/* mg-disagreement-mark.c: how many disagreements a document has open
 *
 * A small icon and a number beside a document's title in the sidebar
 * while a review is on, hidden when nothing is left to review there. The
 * icon alone says nothing to a screen reader, so the mark carries a label
 * and a tooltip that say it in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-disagreement-mark"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-disagreement-mark.h"

#define COUNT_KEY "mg-disagreement-count"

/**
 * mg_disagreement_mark_new:
 *
 * Returns: (transfer floating): a mark, hidden until it has a count
 */
GtkWidget *
mg_disagreement_mark_new (void)
{
  GtkWidget *mark = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *count = gtk_label_new (NULL);

  gtk_widget_add_css_class (mark, "disagreement-mark");
  gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (count, "caption-heading");
  gtk_box_append (GTK_BOX (mark), icon);
  gtk_box_append (GTK_BOX (mark), count);
  gtk_widget_set_visible (mark, FALSE);
  return mark;
}

/**
 * mg_disagreement_mark_set_count:
 * @n_open: disagreements open in the document; 0 hides the mark
 */
void
mg_disagreement_mark_set_count (GtkWidget *mark,
                                guint      n_open)
{
  GtkWidget *count = gtk_widget_get_last_child (mark);
  g_autofree char *number = g_strdup_printf ("%u", n_open);
  g_autofree char *words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u open disagreement",
                                                         "%u open disagreements", n_open),
                                            n_open);

  g_object_set_data (G_OBJECT (mark), COUNT_KEY, GUINT_TO_POINTER (n_open));
  gtk_label_set_text (GTK_LABEL (count), number);
  gtk_widget_set_tooltip_text (mark, words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL, words, -1);
  gtk_widget_set_visible (mark, n_open > 0);
}

/**
 * mg_disagreement_mark_get_count:
 *
 * Returns: the count the mark shows, 0 when it is hidden
 */
guint
mg_disagreement_mark_get_count (GtkWidget *mark)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (mark), COUNT_KEY));
}
