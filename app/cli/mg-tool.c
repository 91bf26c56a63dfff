/* mg-tool.c: what the commands of marginalia-tool share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "mg-dataset-io.h"
#include "mg-tool.h"

/**
 * mg_tool_parse:
 *
 * Parses a command's options; prints the problem and returns
 * %MG_TOOL_USAGE on a usage error, else %MG_TOOL_OK.
 */
int
mg_tool_parse (GOptionContext   *context,
               int              *argc,
               char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("marginalia-tool: %s\n", error->message);
      return MG_TOOL_USAGE;
    }
  return MG_TOOL_OK;
}

/**
 * mg_tool_problem:
 *
 * Prints one line to standard error. The line should start with the name
 * of the file it is about.
 */
void
mg_tool_problem (const char *format,
                 ...)
{
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s\n", line);
}

/**
 * mg_tool_load_datasets:
 * @paths: (array length=n): dataset files
 * @names: (out): what to call each annotator: the dataset's annotator, or
 *   the file's base name when it has none or another dataset has it too
 *
 * Returns: (transfer full) (element-type MgDataset) (nullable): the
 *   datasets, or %NULL when one could not be read (said on standard error)
 */
GPtrArray *
mg_tool_load_datasets (char       **paths,
                       int          n,
                       GPtrArray  **names)
{
  g_autoptr(GPtrArray) datasets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;

  for (int i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      MgDataset *dataset = mg_dataset_load_file (paths[i], &error);
      g_autofree char *base = g_path_get_basename (paths[i]);
      const char *annotator;
      char *name;

      if (dataset == NULL)
        {
          mg_tool_problem ("%s", error->message);
          ok = FALSE;
          continue;
        }
      g_ptr_array_add (datasets, dataset);

      annotator = mg_dataset_get_annotator (dataset);
      if (annotator == NULL || *annotator == '\0')
        name = g_strdup (base);
      else
        name = g_strdup (annotator);
      for (guint k = 0; k < out->len; k++)
        if (g_strcmp0 (g_ptr_array_index (out, k), name) == 0)
          {
            g_free (name);
            name = g_strdup_printf ("%s (%s)", annotator, base);
            break;
          }
      g_ptr_array_add (out, name);
    }

  if (!ok)
    return NULL;
  *names = g_steal_pointer (&out);
  return g_steal_pointer (&datasets);
}

/**
 * mg_tool_print_json:
 *
 * Prints @root, indented, and a newline on standard output.
 */
void
mg_tool_print_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *out = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  out = json_generator_to_data (generator, NULL);
  printf ("%s\n", out);
}
