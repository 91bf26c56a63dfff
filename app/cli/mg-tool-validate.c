/* mg-tool-validate.c: marginalia-tool validate DATASET...
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "mg-dataset-io.h"
#include "mg-scheme.h"
#include "mg-suggest-record.h"
#include "mg-tool.h"

int
mg_tool_validate (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  int status = MG_TOOL_OK;
  int r;

  context = g_option_context_new (_("DATASET… — check datasets against the format and their scheme"));
  g_option_context_set_summary (context,
    _("Exits 0 when every dataset is valid; otherwise prints one line per problem,\n"
      "naming the file, document and annotation at fault, and exits 1.\n"
      "Attribute values, document codes and relation types are checked\n"
      "against the labels, codes and relation types the dataset declares."));
  if ((r = mg_tool_parse (context, &argc, &argv)) != MG_TOOL_OK)
    return r;

  if (argc < 2)
    {
      g_printerr ("marginalia-tool validate: %s\n", _("no dataset given"));
      return MG_TOOL_USAGE;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(MgDataset) dataset = NULL;

      dataset = mg_dataset_validate_file (argv[i], problems);
      /* The scheme's values are checked on what could be read, so one run
       * names every problem; the members that record suggestions are
       * unknown to the reader, which keeps them as they are: their shape
       * is checked here too. */
      if (dataset != NULL)
        {
          g_autoptr(MgScheme) scheme = mg_scheme_new_from_dataset (dataset, argv[i], problems);

          mg_scheme_check_dataset (scheme, dataset, argv[i], problems);
          mg_suggest_check_dataset (dataset, argv[i], problems);
        }
      for (guint j = 0; j < problems->len; j++)
        mg_tool_problem ("%s", (const char *)g_ptr_array_index (problems, j));
      if (problems->len > 0)
        status = MG_TOOL_INVALID;
    }

  return status;
}
