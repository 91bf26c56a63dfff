/* mg-about.c: the About window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-about"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mg-about.h"

/**
 * mg_show_about:
 * @parent: (nullable): the window the About window belongs to
 *
 * Presents the About window of Marginalia, modal to @parent.
 */
void
mg_show_about (GtkWindow *parent)
{
  static const char *developers[] = {
    "The Marginalia developers",
    NULL
  };
  AdwAboutWindow *about;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Marginalia"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Marginalia developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_comments (about,
                                 _("Mark the quotes, actors, claims and figures "
                                   "of news articles, and keep the work as a "
                                   "dataset other tools can read."));
  adw_about_window_set_website (about, "https://marginalia.example.org/");
  adw_about_window_set_issue_url (about, "https://marginalia.example.org/issues");
  adw_about_window_set_copyright (about, "© 2025 The Marginalia developers");
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  /* Translators: Replace "translator-credits" with your name and email,
   * one translator per line. */
  adw_about_window_set_translator_credits (about, _("translator-credits"));

  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_modal (GTK_WINDOW (about), parent != NULL);
  gtk_window_present (GTK_WINDOW (about));
}
