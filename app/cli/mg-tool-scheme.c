/* mg-tool-scheme.c: marginalia-tool scheme export|import|new
 *
 * A team's coding scheme travels as a small file: exported from one
 * dataset, put on another (checked, so no span loses its label or a value
 * without the person asking for it) or used to start a new one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mg-dataset-io.h"
#include "mg-scheme-io.h"
#include "mg-tool.h"

static gboolean
write_bytes (GBytes     *bytes,
             const char *output)
{
  g_autoptr(GError) error = NULL;
  gsize n_bytes;
  const void *data = g_bytes_get_data (bytes, &n_bytes);

  if (output == NULL)
    return mg_tool_write_stdout (data, n_bytes);
  if (!mg_file_write_bytes (output, bytes, MG_FILE_WRITE_DEFAULT, &error))
    {
      mg_tool_problem ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

/* The scheme of a dataset, refused with its problems when malformed. */
static MgScheme *
dataset_scheme (MgDataset  *dataset,
                const char *name)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MgScheme) scheme = mg_scheme_new_from_dataset (dataset, name, problems);

  for (guint i = 0; i < problems->len; i++)
    mg_tool_problem ("%s", (const char *) g_ptr_array_index (problems, i));
  return problems->len == 0 ? g_steal_pointer (&scheme) : NULL;
}

static int
parse_args (const char      *usage,
            const char      *summary,
            GOptionEntry    *entries,
            int              n_args,
            int             *argc,
            char          ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  int r;

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((r = mg_tool_parse (context, argc, argv)) != MG_TOOL_OK)
    return r;
  if (*argc != n_args + 1)
    {
      g_printerr ("marginalia-tool scheme %s: %s\n", (*argv)[0],
                  *argc <= n_args ? _("missing argument") : _("too many arguments"));
      return MG_TOOL_USAGE;
    }
  return MG_TOOL_OK;
}

static int
scheme_export (int    argc,
               char **argv)
{
  g_autofree char *output = NULL;
  g_autoptr(MgDataset) dataset = NULL;
  g_autoptr(MgScheme) scheme = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the scheme here instead of standard output"), N_("SCHEME") },
    { NULL }
  };
  int r;

  if ((r = parse_args (_("DATASET — write a dataset's coding scheme"),
                       _("Writes the labels (with their definitions, examples and attributes),\n"
                         "relation types and document codes of DATASET as a scheme file."),
                       entries, 1, &argc, &argv)) != MG_TOOL_OK)
    return r;
  if (!mg_tool_check_outputs ("scheme export", (const char *[]) { output }, 1, argv + 1, 1))
    return MG_TOOL_USAGE;
  if ((dataset = mg_dataset_load_file (argv[1], &error)) == NULL)
    {
      mg_tool_problem ("%s", error->message);
      return MG_TOOL_INVALID;
    }
  if ((scheme = dataset_scheme (dataset, argv[1])) == NULL)
    return MG_TOOL_INVALID;
  bytes = mg_scheme_to_bytes (scheme);
  return write_bytes (bytes, output) ? MG_TOOL_OK : MG_TOOL_INVALID;
}

static int
scheme_import (int    argc,
               char **argv)
{
  g_autofree char *output = NULL;
  g_autoptr(MgDataset) dataset = NULL;
  g_autoptr(MgDataset) out = NULL;
  g_autoptr(MgScheme) scheme = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dropped = g_ptr_array_new_with_free_func (g_free);
  gboolean force = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the dataset here instead of standard output"), N_("DATASET") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Write it even when spans, values or relations the scheme cannot hold would go"), NULL },
    { NULL }
  };
  int r;

  if ((r = parse_args (_("SCHEME DATASET — put a coding scheme on a dataset"),
                       _("Writes DATASET with the labels, relation types and document codes of\n"
                         "SCHEME (a scheme file or another dataset). When a span's label, an\n"
                         "attribute value, a relation or a document code would vanish, each is\n"
                         "named and nothing is written, unless --force."),
                       entries, 2, &argc, &argv)) != MG_TOOL_OK)
    return r;
  if (!mg_tool_check_outputs ("scheme import", (const char *[]) { output }, 1, argv + 1, 2))
    return MG_TOOL_USAGE;
  if ((scheme = mg_scheme_load_file (argv[1], &error)) == NULL ||
      (dataset = mg_dataset_load_file (argv[2], &error)) == NULL)
    {
      mg_tool_problem ("%s", error->message);
      return MG_TOOL_INVALID;
    }

  out = mg_scheme_apply (scheme, dataset, argv[2], dropped);
  for (guint i = 0; i < dropped->len; i++)
    mg_tool_problem (force ? _("%s (dropped)") : _("%s (would vanish)"),
                     (const char *) g_ptr_array_index (dropped, i));
  if (dropped->len > 0 && !force)
    {
      g_autofree char *shown = mg_tool_escape (argv[1]);

      mg_tool_problem (ngettext ("%s: not applied: %u thing would vanish (--force drops it)",
                                 "%s: not applied: %u things would vanish (--force drops them)",
                                 dropped->len), shown, dropped->len);
      return MG_TOOL_INVALID;
    }
  bytes = mg_dataset_to_bytes (out);
  return write_bytes (bytes, output) ? MG_TOOL_OK : MG_TOOL_INVALID;
}

static int
scheme_new (int    argc,
            char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *annotator = NULL;
  g_autoptr(MgDataset) empty = mg_dataset_new ();
  g_autoptr(MgDataset) out = NULL;
  g_autoptr(MgScheme) scheme = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dropped = g_ptr_array_new_with_free_func (g_free);
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the dataset here instead of standard output"), N_("DATASET") },
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator,
      N_("Annotator of the new dataset"), N_("NAME") },
    { NULL }
  };
  int r;

  if ((r = parse_args (_("SCHEME — start a dataset with a coding scheme"),
                       _("Writes an empty dataset with the labels, relation types and document\n"
                         "codes of SCHEME (a scheme file or another dataset); import articles\n"
                         "into it with marginalia-tool import -o."),
                       entries, 1, &argc, &argv)) != MG_TOOL_OK)
    return r;
  if (!mg_tool_check_outputs ("scheme new", (const char *[]) { output }, 1, argv + 1, 1))
    return MG_TOOL_USAGE;
  if ((scheme = mg_scheme_load_file (argv[1], &error)) == NULL)
    {
      mg_tool_problem ("%s", error->message);
      return MG_TOOL_INVALID;
    }
  mg_dataset_set_annotator (empty, annotator);
  out = mg_scheme_apply (scheme, empty, argv[1], dropped);
  bytes = mg_dataset_to_bytes (out);
  return write_bytes (bytes, output) ? MG_TOOL_OK : MG_TOOL_INVALID;
}

int
mg_tool_scheme (int    argc,
                char **argv)
{
  static const struct {
    const char *name;
    int       (*run) (int, char **);
  } commands[] = {
    { "export", scheme_export },
    { "import", scheme_import },
    { "new", scheme_new },
  };

  if (argc >= 2)
    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      if (strcmp (argv[1], commands[i].name) == 0)
        return commands[i].run (argc - 1, argv + 1);

  if (argc >= 2 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0))
    {
      printf ("%s\n", _("Usage: marginalia-tool scheme export|import|new [OPTION…] ARGUMENT…"));
      printf ("  export DATASET [-o SCHEME]             %s\n", _("write a dataset's coding scheme"));
      printf ("  import SCHEME DATASET [-o OUT] [--force] %s\n", _("put a scheme on a dataset"));
      printf ("  new SCHEME [-o DATASET]                %s\n", _("start a dataset with a scheme"));
      return MG_TOOL_OK;
    }
  g_printerr ("marginalia-tool scheme: %s\n", _("say export, import or new (see --help)"));
  return MG_TOOL_USAGE;
}
