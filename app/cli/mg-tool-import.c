/* mg-tool-import.c: marginalia-tool import [--format=F] [--map=SPEC] [-o DATASET] FILE...
 *
 * Annotated data (brat, doccano, Label Studio, W3C, CoNLL, our JSON Lines
 * export) takes --map and --unmapped; all but brat take --offsets, and
 * W3C takes --texts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mg-dataset-io.h"
#include "mg-import.h"
#include "mg-import-brat.h"
#include "mg-tool.h"

static gboolean
write_stdout (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return mg_tool_write_stdout (data, len);
}

/* The texts W3C annotations are on: a dataset, or articles to import. */
static MgDataset *
load_texts (const char  *path,
            GError     **error)
{
  g_autoptr(MgDataset) texts = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) dataset_error = NULL;

  if ((texts = mg_dataset_load_file (path, &dataset_error)) != NULL)
    return g_steal_pointer (&texts);
  if ((documents = mg_import_file (path, MG_IMPORT_AUTO, NULL, error)) == NULL)
    return NULL;
  texts = mg_dataset_new ();
  mg_import_add_to_dataset (texts, documents);
  return g_steal_pointer (&texts);
}

/* Options of the other annotated formats; MG_TOOL_OK when they make
 * sense. --unmapped was checked with brat's options. */
static int
annotated_options (const char       *map,
                   const char       *unmapped_name,
                   const char       *offsets_name,
                   const char       *texts_path,
                   MgImportOptions  *options)
{
  g_autoptr(GError) error = NULL;
  MgImportUnmapped unmapped = MG_IMPORT_UNMAPPED_ADD;
  MgImportOffsets offsets = MG_IMPORT_OFFSETS_DEFAULT;

  if (map != NULL && !mg_import_options_set_map (options, map, &error))
    {
      g_printerr ("marginalia-tool import: --map: %s\n", error->message);
      return MG_TOOL_USAGE;
    }
  if (unmapped_name != NULL)
    mg_import_unmapped_parse (unmapped_name, &unmapped);
  if (offsets_name != NULL && !mg_import_offsets_parse (offsets_name, &offsets))
    {
      g_printerr (_("marginalia-tool import: unknown --offsets “%s” (use codepoint or utf16)\n"),
                  offsets_name);
      return MG_TOOL_USAGE;
    }
  mg_import_options_set_unmapped (options, unmapped);
  mg_import_options_set_offsets (options, offsets);
  if (texts_path != NULL)
    {
      g_autoptr(MgDataset) texts = load_texts (texts_path, &error);

      if (texts == NULL)
        {
          mg_tool_problem ("%s", error->message);
          return MG_TOOL_INVALID;
        }
      mg_import_options_set_texts (options, texts);
    }
  return MG_TOOL_OK;
}

static gboolean
parse_brat_options (MgBratMap  *map,
                    const char *spec,
                    const char *unmapped)
{
  g_autoptr(GError) error = NULL;
  static const char *policies[] = { "add", "skip", "refuse" };

  if (spec != NULL && !mg_brat_map_parse (map, spec, &error))
    {
      mg_tool_problem ("marginalia-tool import: --map: %s", error->message);
      return FALSE;
    }
  for (guint i = 0; unmapped != NULL && i < G_N_ELEMENTS (policies); i++)
    if (g_strcmp0 (unmapped, policies[i]) == 0)
      {
        mg_brat_map_set_unmapped (map, (MgBratUnmapped)i);
        return TRUE;
      }
  if (unmapped != NULL)
    {
      g_printerr (_("marginalia-tool import: --unmapped is add, skip or refuse, not “%s”\n"), unmapped);
      return FALSE;
    }
  return TRUE;
}

/* The dataset the import adds to: the one in @output when it is a file,
 * else a new one. A file that is not a valid dataset is never
 * overwritten; a device or a pipe is written to, never read. */
static MgDataset *
open_output (const char *output,
             const char *annotator)
{
  g_autoptr(MgDataset) dataset = NULL;
  GStatBuf st;

  if (output != NULL && g_stat (output, &st) == 0 && S_ISREG (st.st_mode))
    {
      g_autoptr(GError) error = NULL;

      if ((dataset = mg_dataset_load_file (output, &error)) == NULL)
        mg_tool_problem (_("%s (not overwritten)"), error->message);
      return g_steal_pointer (&dataset);
    }

  dataset = mg_dataset_new ();
  mg_dataset_set_annotator (dataset, annotator);
  return g_steal_pointer (&dataset);
}

/* Adds the documents of each file to @dataset; a file that fails is
 * said and skipped. A brat collection is a folder or a .ann with its
 * .txt, so it is told from the path, not from one file's bytes. */
static int
import_files (MgDataset       *dataset,
              char           **paths,
              int              n_paths,
              MgImportFormat   format,
              gboolean         brat,
              MgBratMap       *map,
              MgImportOptions *options,
              guint           *n_imported)
{
  int status = MG_TOOL_OK;

  for (int i = 0; i < n_paths; i++)
    {
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) documents = NULL;
      g_autoptr(GError) error = NULL;

      if (brat || (format == MG_IMPORT_AUTO && mg_import_brat_is_collection (paths[i])))
        documents = mg_import_brat (paths[i], map, mg_dataset_get_labels (dataset), MG_BRAT_IMPORT_NONE,
                                    warnings, NULL, &error);
      else
        documents = mg_import_file_full (paths[i], format, options, warnings, &error);
      for (guint j = 0; j < warnings->len; j++)
        mg_tool_problem ("%s", (const char *)g_ptr_array_index (warnings, j));
      if (documents == NULL)
        {
          mg_tool_problem ("%s", error->message);
          status = MG_TOOL_INVALID;
          continue;
        }
      mg_import_add_to_dataset (dataset, documents);
      *n_imported += documents->len;
    }
  return status;
}

/* Standard output's failures are said by mg_tool_finish_output(). */
static gboolean
write_dataset (MgDataset  *dataset,
               const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (output == NULL)
    {
      bytes = mg_dataset_to_bytes (dataset);
      return write_stdout (bytes);
    }
  if (!mg_dataset_save_file (dataset, output, &error))
    {
      mg_tool_problem ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

int
mg_tool_import (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MgDataset) dataset = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *annotator = NULL;
  g_autofree char *map_spec = NULL;
  g_autofree char *unmapped = NULL;
  g_autoptr(MgBratMap) map = mg_brat_map_new ();
  g_autofree char *offsets = NULL;
  g_autofree char *texts = NULL;
  g_autoptr(MgImportOptions) options = mg_import_options_new ();
  gboolean brat = FALSE;
  MgImportFormat format = MG_IMPORT_AUTO;
  guint n_imported = 0;
  int status;
  int r;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("Input format: auto (the default, from the content), text, html, xml, jsonl, "
         "or annotated data: brat, doccano, label-studio, w3c, conll, jsonl-export"), "FORMAT" },
    { "map", 0, 0, G_OPTION_ARG_STRING, &map_spec,
      N_("Annotated data: labels and brat types to the dataset’s labels, such as Source=actor,Content=quote,Cue= (empty leaves one out)"), "SPEC" },
    { "unmapped", 0, 0, G_OPTION_ARG_STRING, &unmapped,
      N_("Annotated data: labels the map does not name and the dataset lacks: add (to its labels, the default), skip or refuse"), "WHAT" },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &offsets,
      N_("Annotated data: how the input counts offsets, codepoint or utf16 (the default is what each tool writes)"), "UNIT" },
    { "texts", 0, 0, G_OPTION_ARG_FILENAME, &texts,
      N_("W3C annotations: the dataset or articles whose texts they annotate"), "FILE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the dataset here (added to it when it exists) instead of standard output"), "DATASET" },
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator,
      N_("Annotator of a new dataset"), "NAME" },
    { NULL }
  };

  context = g_option_context_new (_("FILE… — import articles into a dataset"));
  g_option_context_set_summary (context,
    _("Makes one document per article (feeds and JSON Lines files may hold many)\n"
      "and writes the dataset to standard output, or to DATASET with -o. An\n"
      "existing DATASET keeps its documents and gains the new ones; a file that\n"
      "is not a valid dataset is never overwritten.\n"
      "\n"
      "Annotated data from doccano, Label Studio, W3C Web Annotation, CoNLL and\n"
      "Marginalia's JSON Lines export comes with its spans, notes and relations;\n"
      "a span that does not fit its text refuses the file, with the line."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((r = mg_tool_parse (context, &argc, &argv)) != MG_TOOL_OK)
    return r;

  brat = g_strcmp0 (format_name, "brat") == 0;
  if (format_name != NULL && !brat && !mg_import_format_parse (format_name, &format))
    {
      mg_tool_problem (_("marginalia-tool import: unknown format “%s” (use auto, text, html, xml, jsonl, brat, doccano, label-studio, w3c, conll or jsonl-export)"),
                       format_name);
      return MG_TOOL_USAGE;
    }
  if (!parse_brat_options (map, map_spec, unmapped))
    return MG_TOOL_USAGE;
  if ((r = annotated_options (map_spec, unmapped, offsets, texts, options)) != MG_TOOL_OK)
    return r;
  if (argc < 2)
    {
      g_printerr ("marginalia-tool import: %s\n", _("no file given"));
      return MG_TOOL_USAGE;
    }
  if (!mg_tool_check_outputs ("import", (const char *[]) { output }, 1, argv + 1, argc - 1))
    return MG_TOOL_USAGE;

  if ((dataset = open_output (output, annotator)) == NULL)
    return MG_TOOL_INVALID;
  mg_import_options_set_labels (options, mg_dataset_get_labels (dataset));
  status = import_files (dataset, argv + 1, argc - 1, format, brat, map, options, &n_imported);

  /* Nothing to write when every input failed: an empty dataset on
   * standard output would only hide the failure. */
  if (n_imported == 0)
    return status != MG_TOOL_OK ? status : MG_TOOL_INVALID;
  if (!write_dataset (dataset, output))
    return MG_TOOL_INVALID;
  return status;
}
