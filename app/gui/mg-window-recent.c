/* mg-window-recent.c: the last dataset reopened, the recent ones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file the window's dataset gets (opened, saved as, restored) goes
 * first in the settings' recent list and becomes the last dataset, which
 * the next start opens when no file is named on the command line. They
 * are kept as URIs, which name any file exactly, and shown as the person
 * knows the path: their home as ~, in the characters of their locale.
 */

#define G_LOG_DOMAIN "mg-window-recent"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-window-private.h"

#define RECENT_MAX 10
/* About the width of the main menu's other items with a long title; a
 * GtkPopoverMenu shows no tooltips, so the full path is in the toast of a
 * file that went, not on the item. */
#define RECENT_MAX_CHARS 48

static GMenu *
recent_menu (MgWindow *self)
{
  return G_MENU (gtk_widget_get_template_child (GTK_WIDGET (self), MG_TYPE_WINDOW, "recent_menu"));
}

/* ~/Documents/news.json, or the URI of a file not on this computer. */
static char *
display_path (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *shown = NULL;
  const char *home = g_get_home_dir ();
  gsize n = strlen (home);

  if (path == NULL)
    return g_file_get_parse_name (file);
  shown = g_filename_display_name (path);
  if (n > 1 && g_str_has_prefix (path, home) && path[n] == G_DIR_SEPARATOR)
    {
      g_autofree char *rest = g_filename_display_name (path + n);

      return g_strconcat ("~", rest, NULL);
    }
  return g_steal_pointer (&shown);
}

/**
 * _mg_window_recent_shorten:
 * @shown: a path as display_path() shows it
 * @max_chars: the most characters to show
 *
 * A path deep in folders would make the menu as wide as the screen. The
 * file name is what a person looks for, so it stays whole; the first folder
 * (~, or the top folder) says where the path starts, and as many of the
 * last folders as fit say where the file is; an ellipsis stands for those
 * in between. Characters are counted, not bytes, and a folder is never cut.
 *
 * Returns: (transfer full): @shown, or its shortening when it is longer
 *   than @max_chars
 */
char *
_mg_window_recent_shorten (const char *shown,
                           guint       max_chars)
{
  const char *base, *head_end, *cut, *p;
  g_autofree char *head = NULL;
  glong used;

  g_return_val_if_fail (shown != NULL, NULL);

  if ((guint) g_utf8_strlen (shown, -1) <= max_chars)
    return g_strdup (shown);
  base = strrchr (shown, '/');
  if (base == NULL)
    return g_strdup (shown);
  base++;

  /* The first folder with its separator: "~/", "/home/" or "a/". */
  head_end = strchr (shown[0] == '/' ? shown + 1 : shown, '/');
  if (head_end == NULL || head_end + 1 >= base)
    return g_strdup (shown);   /* no folder between: nothing to leave out */
  head_end++;
  head = g_strndup (shown, head_end - shown);

  /* "…/" and the file name are always shown; then folders from the last
   * back, while they fit and do not reach the head. */
  used = g_utf8_strlen (head, -1) + 2 + g_utf8_strlen (base, -1);
  cut = base - 1;   /* the separator before the file name */
  for (p = cut; p > head_end; )
    {
      const char *start = p - 1;
      glong length;

      while (start > head_end && start[-1] != '/')
        start--;
      length = g_utf8_strlen (start, p - start + 1);   /* the folder and its '/' */
      if (start <= head_end || used + length > (glong) max_chars)
        break;
      used += length;
      cut = start - 1;
      p = cut;
    }
  if (used > (glong) max_chars)
    return g_strconcat ("…/", base, NULL);
  return g_strconcat (head, "…", cut, NULL);
}

/* A menu label shows an underscore as the mnemonic's mark: doubled, it is
 * the character. */
static char *
escape_underscores (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
rebuild_menu (MgWindow *self)
{
  GMenu *menu = recent_menu (self);
  g_auto(GStrv) uris = g_settings_get_strv (self->settings, "recent-datasets");
  guint n = 0;

  g_menu_remove_all (menu);
  for (guint i = 0; uris[i] != NULL && n < RECENT_MAX; i++, n++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autofree char *path = display_path (file);
      g_autofree char *shown = _mg_window_recent_shorten (path, RECENT_MAX_CHARS);
      g_autofree char *label = escape_underscores (shown);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uris[i]);
      g_menu_append_item (menu, item);
    }
  /* An item with no action is shown, greyed. */
  if (n == 0)
    g_menu_append (menu, _("No Recent Datasets"), NULL);
}

/* Puts @uri first, once, and keeps at most RECENT_MAX. */
static void
remember (MgWindow   *self,
          const char *uri)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-datasets");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) uris = NULL;
  guint n = 1;

  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < RECENT_MAX; i++)
    if (!g_str_equal (old[i], uri))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  uris = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-datasets", (const char * const *) uris);
  g_settings_set_string (self->settings, "last-dataset", uri);
}

static void
forget (GSettings  *settings,
        const char *uri)
{
  g_auto(GStrv) old = g_settings_get_strv (settings, "recent-datasets");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) uris = NULL;
  g_autofree char *last = g_settings_get_string (settings, "last-dataset");

  for (guint i = 0; old[i] != NULL; i++)
    if (!g_str_equal (old[i], uri))
      g_strv_builder_add (builder, old[i]);
  uris = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-datasets", (const char * const *) uris);
  if (g_str_equal (last, uri))
    g_settings_set_string (settings, "last-dataset", "");
}

static void
session_file_cb (MgWindow   *self,
                 GParamSpec *pspec,
                 MgSession  *session)
{
  GFile *file = mg_session_get_file (session);
  g_autofree char *uri = NULL;

  if (file == NULL)
    return;
  uri = g_file_get_uri (file);
  remember (self, uri);
}

/* A file that went is said once, in a toast, and leaves the list: a list
 * of dead entries would say it again at every click. */
static gboolean
gone (MgWindow *self,
      GFile    *file)
{
  g_autofree char *uri = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;

  if (g_file_query_exists (file, NULL))
    return FALSE;
  uri = g_file_get_uri (file);
  shown = display_path (file);
  message = g_strdup_printf (_("%s is no longer there"), shown);
  forget (self->settings, uri);
  mg_window_toast (self, message);
  return TRUE;
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  if (!gone (self, file))
    mg_window_open_files (self, &file, 1);
}

/**
 * mg_window_reopen_last:
 *
 * Opens the dataset that was open last, as the application starts with no
 * file named; says so once if it is gone.
 */
void
mg_window_reopen_last (MgWindow *self)
{
  g_autofree char *uri = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (MG_IS_WINDOW (self));

  uri = g_settings_get_string (self->settings, "last-dataset");
  if (*uri == '\0')
    return;
  file = g_file_new_for_uri (uri);
  if (!gone (self, file))
    mg_window_open_files (self, &file, 1);
}

/* Life cycle, called by mg-window.c */

void
_mg_window_recent_class_init (MgWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child_full (widget_class, "recent_menu", FALSE, 0);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
}

void
_mg_window_recent_init (MgWindow *self)
{
  g_signal_connect_object (self->session, "notify::file",
                           G_CALLBACK (session_file_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::recent-datasets",
                           G_CALLBACK (rebuild_menu), self, G_CONNECT_SWAPPED);
  rebuild_menu (self);
}
