/* mg-tool-merge-driver.c: marginalia-tool merge-driver BASE OURS THEIRS [PATH]
 *
 * Git's custom merge driver protocol: git writes the ancestor (%O), our
 * version (%A) and theirs (%B) to temporary files and runs the driver,
 * which leaves the result in %A and exits 0 when the merge is clean,
 * non-zero when it is not, so git marks the path unmerged. %P names the
 * path in the work tree, for messages only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mg-dataset-io.h"
#include "mg-merge3.h"
#include "mg-tool.h"

/* The exit status git reads: 0 clean, 1 conflicts left to resolve, and
 * above 1 for a merge that could not be made at all (git also treats that
 * as a conflict, leaving our version in place). */
#define DRIVER_CLEAN     0
#define DRIVER_CONFLICTS 1
#define DRIVER_FAILED    3

/* Git writes an empty ancestor when the file has none (both sides added
 * it). */
static gboolean
is_empty_file (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && st.st_size == 0;
}

/* A file that is not a Marginalia dataset (another JSON file the
 * attributes' pattern caught) is merged line by line, as git would
 * without the driver. */
static int
merge_as_text (char       **argv,
               const char  *path,
               const char  *why)
{
  const char *args[] = { "git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs",
                         argv[2], argv[1], argv[3], NULL };
  g_autoptr(GError) error = NULL;
  int status;
  g_autofree char *shown_why = mg_tool_escape (why);

  /* TRANSLATORS: "PATH: not a Marginalia dataset (WHY); merged as text" */
  g_printerr (_("%s: not a Marginalia dataset (%s); merged as text\n"), path, shown_why);
  if (!g_spawn_sync (NULL, (char **)args, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error))
    {
      g_autofree char *message = mg_tool_escape (error->message);

      g_printerr ("%s: %s\n", path, message);
      return DRIVER_FAILED;
    }
  if (!WIFEXITED (status) || WEXITSTATUS (status) > 127)
    return DRIVER_FAILED;
  return WEXITSTATUS (status) == 0 ? DRIVER_CLEAN : DRIVER_CONFLICTS;
}

static int
report (const char *path,
        GPtrArray  *conflicts,
        GPtrArray  *notices)
{
  for (guint i = 0; i < notices->len; i++)
    {
      g_autofree char *notice = mg_tool_escape (notices->pdata[i]);

      g_printerr ("%s: %s\n", path, notice);
    }
  if (conflicts->len == 0)
    return DRIVER_CLEAN;

  g_printerr (g_dngettext (GETTEXT_PACKAGE,
                           "%s: %u conflict, marked in the merged dataset:\n",
                           "%s: %u conflicts, marked in the merged dataset:\n", conflicts->len),
              path, conflicts->len);
  for (guint i = 0; i < conflicts->len; i++)
    {
      g_autofree char *conflict = mg_tool_escape (conflicts->pdata[i]);

      g_printerr ("%s: %s\n", path, conflict);
    }
  return DRIVER_CONFLICTS;
}

int
mg_tool_merge_driver (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MgDataset) base = NULL, ours = NULL, theirs = NULL, merged = NULL;
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int r;

  context = g_option_context_new (_("BASE OURS THEIRS [PATH] — merge three versions of a dataset for git"));
  g_option_context_set_description (context,
    _("Git runs it as “marginalia-tool merge-driver %O %A %B %P” (see git-setup). "
      "The result replaces OURS. Exit status: 0 merged cleanly, 1 conflicts are "
      "marked in the result, above 1 the merge failed and OURS is unchanged."));
  if ((r = mg_tool_parse (context, &argc, &argv)) != MG_TOOL_OK)
    return r;
  if (argc < 4 || argc > 5)
    {
      g_printerr ("marginalia-tool merge-driver: %s\n", _("give BASE, OURS and THEIRS, and PATH"));
      return MG_TOOL_USAGE;
    }
  /* Git's path and the loader's messages name what the repository holds:
   * both are escaped before they reach the terminal. */
  path = mg_tool_escape (argc == 5 ? argv[4] : argv[2]);

  if (!is_empty_file (argv[1]) && (base = mg_dataset_load_file (argv[1], &error)) == NULL)
    return merge_as_text (argv, path, error->message);
  if ((ours = mg_dataset_load_file (argv[2], &error)) == NULL ||
      (theirs = mg_dataset_load_file (argv[3], &error)) == NULL)
    return merge_as_text (argv, path, error->message);

  merged = mg_merge3_datasets (base, ours, theirs, conflicts, notices, &error);
  if (merged == NULL)
    {
      g_autofree char *message = mg_tool_escape (error->message);

      g_printerr ("%s: %s\n", path, message);
      return DRIVER_FAILED;
    }
  if (!mg_dataset_save_file (merged, argv[2], &error))
    {
      g_autofree char *message = mg_tool_escape (error->message);

      g_printerr ("%s: %s\n", path, message);
      return DRIVER_FAILED;
    }
  return report (path, conflicts, notices);
}
