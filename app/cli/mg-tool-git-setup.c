/* mg-tool-git-setup.c: marginalia-tool git-setup [--pattern=GLOB…] [DIR]
 *
 * Git finds a merge driver and a diff filter in two places: the
 * .gitattributes file, committed, says which files use them; the
 * repository's config, which every clone sets for itself (git never takes
 * commands from a clone's source), says what to run. This command writes
 * both, and running it again changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mg-dataset-io.h"
#include "mg-tool.h"

/* Runs git in @dir; returns its standard output, stripped, or %NULL when
 * it failed (with its message in @error). */
static char *
run_git (const char  *dir,
         const char **args,
         GError     **error)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_ptr_array_add (argv, (char *)"git");
  g_ptr_array_add (argv, (char *)"-C");
  g_ptr_array_add (argv, (char *)dir);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &status, error))
    return NULL;
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "%s", g_strstrip (err));
      return NULL;
    }
  return g_strdup (g_strstrip (out));
}

/* How git should call this tool. The name alone when the "marginalia-tool"
 * on PATH is this very program, so the config survives an upgrade that
 * moves it; else this program's absolute path (a build tree, a prefix not
 * on PATH), which git can run whatever PATH its caller has. */
static char *
tool_command (gboolean *on_path)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *found = g_find_program_in_path ("marginalia-tool");
  g_autofree char *found_real = found != NULL ? realpath (found, NULL) : NULL;

  *on_path = self == NULL || (found_real != NULL && strcmp (found_real, self) == 0);
  if (*on_path)
    return g_strdup ("marginalia-tool");
  return g_shell_quote (self);
}

static gboolean
set_config (const char  *top,
            const char  *key,
            const char  *value,
            GError     **error)
{
  const char *get[] = { "config", "--local", "--get", key, NULL };
  const char *set[] = { "config", "--local", key, value, NULL };
  g_autofree char *current = run_git (top, get, NULL);
  g_autofree char *done = NULL;
  /* The value names where the tool is installed: any folder name. */
  g_autofree char *shown = mg_tool_escape (value);

  if (g_strcmp0 (current, value) == 0)
    {
      printf (_("git config %s is already “%s”\n"), key, shown);
      return TRUE;
    }
  if ((done = run_git (top, set, error)) == NULL)
    return FALSE;
  printf (_("git config %s set to “%s”\n"), key, shown);
  return TRUE;
}

static gboolean
write_config (const char  *top,
              GError     **error)
{
  gboolean on_path;
  g_autofree char *tool = tool_command (&on_path);
  g_autofree char *driver = g_strdup_printf ("%s merge-driver %%O %%A %%B %%P", tool);
  g_autofree char *textconv = g_strdup_printf ("%s diff --textconv", tool);

  if (!on_path)
    {
      g_autofree char *shown = mg_tool_escape (tool);

      printf (_("marginalia-tool is not on PATH: git will run %s\n"), shown);
    }
  return set_config (top, "merge.marginalia.name", "Marginalia dataset merge", error) &&
         set_config (top, "merge.marginalia.driver", driver, error) &&
         set_config (top, "diff.marginalia.textconv", textconv, error) &&
         set_config (top, "diff.marginalia.xfuncname", "^document .*$", error);
}

static gboolean
has_line (const char *contents,
          const char *line)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strcmp (g_strstrip (lines[i]), line) == 0)
      return TRUE;
  return FALSE;
}

/* Appends to DIR/.gitattributes the lines it lacks. */
static gboolean
write_attributes (const char  *dir,
                  char       **patterns,
                  GError     **error)
{
  g_autofree char *path = g_build_filename (dir, ".gitattributes", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *shown_path = mg_tool_escape (path);
  guint added = 0;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    contents = g_strdup ("");
  out = g_string_new (contents);
  for (guint i = 0; patterns[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("%s merge=marginalia diff=marginalia", patterns[i]);
      g_autofree char *shown_line = mg_tool_escape (line);

      if (has_line (contents, line))
        {
          printf (_("%s already has “%s”\n"), shown_path, shown_line);
          continue;
        }
      if (out->len > 0 && out->str[out->len - 1] != '\n')
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s\n", line);
      printf (_("%s: added “%s”\n"), shown_path, shown_line);
      added++;
    }
  if (added == 0)
    return TRUE;
  bytes = g_string_free_to_bytes (g_steal_pointer (&out));
  return mg_write_file_atomic (path, bytes, error);
}

int
mg_tool_git_setup (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) patterns = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *top = NULL;
  const char *dir;
  const char *toplevel[] = { "rev-parse", "--show-toplevel", NULL };
  const char *fallback[] = { "*.json", NULL };
  int r;
  GOptionEntry entries[] = {
    { "pattern", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &patterns,
      N_("Files that are datasets, as a .gitattributes pattern (default: *.json; repeatable)"),
      N_("GLOB") },
    { NULL }
  };

  context = g_option_context_new (_("[DIR] — set up a git repository for datasets"));
  g_option_context_set_description (context,
    _("Adds the merge driver and the diff filter to the .gitattributes of DIR (by "
      "default the repository's top folder) and the commands that run them to the "
      "repository's config. Each clone runs it once; running it again changes nothing."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((r = mg_tool_parse (context, &argc, &argv)) != MG_TOOL_OK)
    return r;
  if (argc > 2)
    {
      g_printerr ("marginalia-tool git-setup: %s\n", _("give at most one folder"));
      return MG_TOOL_USAGE;
    }

  if ((top = run_git (argc == 2 ? argv[1] : ".", toplevel, &error)) == NULL)
    {
      mg_tool_problem ("%s: %s", argc == 2 ? argv[1] : ".", error->message);
      return MG_TOOL_INVALID;
    }
  dir = argc == 2 ? argv[1] : top;
  if (!write_attributes (dir, patterns != NULL ? patterns : (char **)fallback, &error) ||
      !write_config (top, &error))
    {
      mg_tool_problem ("%s: %s", dir, error->message);
      return MG_TOOL_INVALID;
    }
  return MG_TOOL_OK;
}
