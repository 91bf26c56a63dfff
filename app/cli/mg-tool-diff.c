/* mg-tool-diff.c: marginalia-tool diff OLD NEW, and the forms git runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mg-dataset-diff.h"
#include "mg-dataset-io.h"
#include "mg-tool.h"

/* Git names a side that does not exist (a file added or deleted) /dev/null. */
static MgDataset *
load_side (const char  *path,
           GError     **error)
{
  if (strcmp (path, "/dev/null") == 0)
    {
      g_autoptr(MgLabelSet) none = mg_label_set_new ();

      return mg_dataset_new_with_labels (none);
    }
  return mg_dataset_load_file (path, error);
}

/* As a textconv filter git gives one file and shows the line diff of what
 * the filter prints. A file that is not a dataset is printed as it is, so
 * other JSON files the pattern catches still diff as text. */
static int
textconv (const char *path)
{
  g_autoptr(MgDataset) dataset = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      mg_tool_problem ("%s", error->message);
      return MG_TOOL_INVALID;
    }
  dataset = mg_dataset_load_data (contents, length, path, NULL);
  if (dataset == NULL)
    {
      fwrite (contents, 1, length, stdout);
      return MG_TOOL_OK;
    }
  /* Ids and labels are printed as the file has them: a hostile one must
   * not reach the terminal git pages the listing to. */
  listing = mg_dataset_listing (dataset);
  shown = mg_tool_escape_lines (listing);
  fputs (shown, stdout);
  return MG_TOOL_OK;
}

static int
diff (const char *label,
      const char *old_path,
      const char *new_path)
{
  g_autoptr(MgDataset) old_dataset = NULL;
  g_autoptr(MgDataset) new_dataset = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;

  if ((old_dataset = load_side (old_path, &error)) == NULL ||
      (new_dataset = load_side (new_path, &error)) == NULL)
    {
      mg_tool_problem ("%s", error->message);
      return MG_TOOL_INVALID;
    }
  changes = mg_dataset_diff (old_dataset, new_dataset);
  shown = mg_tool_escape_lines (changes);
  if (label != NULL && *changes != '\0')
    {
      g_autofree char *shown_label = mg_tool_escape (label);

      printf ("marginalia diff %s\n", shown_label);
    }
  fputs (shown, stdout);
  return MG_TOOL_OK;
}

int
mg_tool_diff (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  gboolean as_textconv = FALSE;
  int r;
  GOptionEntry entries[] = {
    { "textconv", 0, 0, G_OPTION_ARG_NONE, &as_textconv,
      N_("Print one dataset as a listing, one span a line, for git's textconv"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("OLD NEW — say what changed between two versions of a dataset"));
  g_option_context_set_description (context,
    _("Prints per document the spans added, removed, relabelled and moved, notes "
      "changed, relations added and removed. Git runs it as a textconv filter "
      "(“marginalia-tool diff --textconv FILE”, set up by git-setup) or as an "
      "external diff command, with git's seven arguments."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((r = mg_tool_parse (context, &argc, &argv)) != MG_TOOL_OK)
    return r;

  if (as_textconv && argc == 2)
    return textconv (argv[1]);
  /* git diff's external command: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE
   * NEW-HEX NEW-MODE. */
  if (!as_textconv && argc == 8)
    return diff (argv[1], argv[2], argv[5]);
  if (!as_textconv && argc == 3)
    return diff (NULL, argv[1], argv[2]);

  g_printerr ("marginalia-tool diff: %s\n",
              as_textconv ? _("give one dataset to --textconv") : _("give two datasets, OLD and NEW"));
  return MG_TOOL_USAGE;
}
