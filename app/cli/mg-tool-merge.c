/* mg-tool-merge.c: marginalia-tool merge --strategy=S -o GOLD A B [C…]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mg-dataset-io.h"
#include "mg-merge.h"
#include "mg-tool.h"

static gboolean
parse_strategy (const char      *name,
                MgMergeStrategy *strategy)
{
  if (name == NULL || strcmp (name, "unanimous") == 0)
    *strategy = MG_MERGE_UNANIMOUS;
  else if (strcmp (name, "majority") == 0)
    *strategy = MG_MERGE_MAJORITY;
  else
    {
      mg_tool_problem ("marginalia-tool merge: %s “%s”", _("unknown strategy"), name);
      return FALSE;
    }
  return TRUE;
}

/* Writes the gold dataset and says what it holds. */
static int
save_gold (MgDataset  *gold,
           const char *output,
           guint       n_unresolved)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;

  if (!mg_dataset_save_file (gold, output, &error))
    {
      mg_tool_problem ("%s", error->message);
      return MG_TOOL_INVALID;
    }

  shown = mg_tool_escape (output);
  printf (_("%s: %u documents, %u spans kept, %u not resolved\n"), shown,
          mg_dataset_get_n_documents (gold), mg_dataset_count_annotations (gold), n_unresolved);
  return MG_TOOL_OK;
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

  if (!parse_strategy (strategy_name, &strategy))
    return MG_TOOL_USAGE;
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
  if (!mg_tool_check_outputs ("merge", (const char *[]) { output }, 1, argv + 1, argc - 1))
    return MG_TOOL_USAGE;

  if (curator == NULL)
    curator = g_strdup (g_getenv ("USER") != NULL ? g_getenv ("USER") : g_get_user_name ());

  datasets = mg_tool_load_datasets (argv + 1, argc - 1, &names);
  if (datasets == NULL)
    return MG_TOOL_INVALID;

  gold = mg_merge_datasets ((MgDataset * const *)datasets->pdata, datasets->len,
                            (const char * const *)names->pdata, strategy, curator, unresolved);
  for (guint i = 0; i < unresolved->len; i++)
    mg_tool_problem ("%s", (char *)unresolved->pdata[i]);

  return save_gold (gold, output, unresolved->len);
}
