/* mg-tool-merge.c: marginalia-tool merge --strategy=S -o GOLD A B [C…]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mg-dataset-io.h"
#include "mg-merge.h"
#include "mg-tool.h"

/* The same file under another name (a link, "./", a relative path) is
 * still the same file: compare what the names point at. */
static gboolean
same_file (const char *x,
           const char *y)
{
  GStatBuf a, b;

  if (g_stat (x, &a) != 0 || g_stat (y, &b) != 0)
    return FALSE;
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

int
mg_tool_merge (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) datasets = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) unresolved = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MgDataset) gold = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *strategy_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *curator = NULL;
  MgMergeStrategy strategy;
  int r;
  GOptionEntry entries[] = {
    { "strategy", 's', 0, G_OPTION_ARG_STRING, &strategy_name,
      N_("Keep the spans all datasets share (unanimous, the default) or more than half (majority)"),
      "unanimous|majority" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the gold dataset to FILE"), N_("FILE") },
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &curator,
      N_("The curator's name for the gold dataset (default: $USER)"), N_("NAME") },
    { NULL }
  };

  context = g_option_context_new (_("A B [C…] — merge datasets into a gold dataset"));
  g_option_context_set_description (context,
    _("Spans agree when their start, end and label are equal. Every span the "
      "strategy does not keep, and every document not in all datasets, is "
      "listed on standard error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((r = mg_tool_parse (context, &argc, &argv)) != MG_TOOL_OK)
    return r;

  if (strategy_name == NULL || strcmp (strategy_name, "unanimous") == 0)
    strategy = MG_MERGE_UNANIMOUS;
  else if (strcmp (strategy_name, "majority") == 0)
    strategy = MG_MERGE_MAJORITY;
  else
    {
      g_printerr ("marginalia-tool merge: %s “%s”\n", _("unknown strategy"), strategy_name);
      return MG_TOOL_USAGE;
    }
  if (output == NULL)
    {
      g_printerr ("marginalia-tool merge: %s\n", _("say where to write the gold dataset with -o FILE"));
      return MG_TOOL_USAGE;
    }
  if (argc < 3)
    {
      g_printerr ("marginalia-tool merge: %s\n", _("give two datasets or more"));
      return MG_TOOL_USAGE;
    }
  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], output) == 0 || same_file (argv[i], output))
      {
        g_printerr ("marginalia-tool merge: %s: %s\n", output,
                    _("is one of the inputs; write the gold dataset to a new file"));
        return MG_TOOL_USAGE;
      }

  if (curator == NULL)
    curator = g_strdup (g_getenv ("USER") != NULL ? g_getenv ("USER") : g_get_user_name ());

  datasets = mg_tool_load_datasets (argv + 1, argc - 1, &names);
  if (datasets == NULL)
    return MG_TOOL_INVALID;

  gold = mg_merge_datasets ((MgDataset * const *)datasets->pdata, datasets->len,
                            (const char * const *)names->pdata, strategy, curator, unresolved);

  for (guint i = 0; i < unresolved->len; i++)
    mg_tool_problem ("%s", (char *)unresolved->pdata[i]);

  if (!mg_dataset_save_file (gold, output, &error))
    {
      mg_tool_problem ("%s: %s", output, error->message);
      return MG_TOOL_INVALID;
    }

  printf (_("%s: %u documents, %u spans kept, %u not resolved\n"), output,
          mg_dataset_get_n_documents (gold), mg_dataset_count_annotations (gold), unresolved->len);
  return MG_TOOL_OK;
}
