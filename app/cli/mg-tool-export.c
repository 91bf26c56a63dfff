/* mg-tool-export.c: marginalia-tool export --to=FORMAT [--offsets=codepoint|utf16]
 *                   [-o OUT] DATASET
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "mg-dataset-io.h"
#include "mg-export.h"
#include "mg-tool.h"

#define PREFIX "marginalia-tool export: "

/* Standard output as a GOutputStream, without needing gio-unix: the
 * exporter writes large pieces, so stdio's buffer is enough. */
typedef struct { GOutputStream parent_instance; } StdoutStream;
typedef struct { GOutputStreamClass parent_class; } StdoutStreamClass;

static GType stdout_stream_get_type (void);
G_DEFINE_TYPE (StdoutStream, stdout_stream, G_TYPE_OUTPUT_STREAM)

static gssize
stdout_stream_write (GOutputStream  *stream,
                     const void     *buffer,
                     gsize           count,
                     GCancellable   *cancellable,
                     GError        **error)
{
  if (!mg_tool_write_stdout (buffer, count))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("cannot write to standard output"));
      return -1;
    }
  return count;
}

static gboolean
stdout_stream_flush (GOutputStream  *stream,
                     GCancellable   *cancellable,
                     GError        **error)
{
  if (!mg_tool_flush_stdout ())
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("cannot write to standard output"));
      return FALSE;
    }
  return TRUE;
}

static void
stdout_stream_class_init (StdoutStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = stdout_stream_write;
  G_OUTPUT_STREAM_CLASS (klass)->flush = stdout_stream_flush;
}

static void
stdout_stream_init (StdoutStream *self)
{
}

/* A line that rewrites itself, only when someone watches the terminal. */
static void
show_progress (guint    done,
               guint    total,
               gpointer user_data)
{
  g_printerr ("\r%s %u/%u", _("Exporting documents"), done, total);
  if (done == total)
    g_printerr ("\n");
}

static int
parse_arguments (char            *to,
                 char            *offsets_name,
                 char            *out_path,
                 int              argc,
                 MgExportFormat  *format,
                 MgExportOffsets *offsets)
{
  if (to == NULL)
    {
      g_printerr (PREFIX "%s\n", _("--to=FORMAT is required"));
      return MG_TOOL_USAGE;
    }
  if (!mg_export_format_parse (to, format))
    {
      mg_tool_problem (PREFIX "%s “%s”", _("unknown format"), to);
      return MG_TOOL_USAGE;
    }
  *offsets = MG_EXPORT_OFFSETS_CODEPOINT;
  if (offsets_name != NULL && !mg_export_offsets_parse (offsets_name, offsets))
    {
      mg_tool_problem (PREFIX "%s “%s”", _("--offsets must be codepoint or utf16, not"), offsets_name);
      return MG_TOOL_USAGE;
    }
  if (argc != 2)
    {
      g_printerr (PREFIX "%s\n", argc < 2 ? _("no dataset given") : _("give one dataset"));
      return MG_TOOL_USAGE;
    }
  if (mg_export_format_is_directory (*format) && out_path == NULL)
    {
      g_printerr (PREFIX "%s\n", _("this format is a folder: give it with -o DIR"));
      return MG_TOOL_USAGE;
    }
  return MG_TOOL_OK;
}

static gboolean
write_label_config (MgDataset   *dataset,
                    const char  *path,
                    GError     **error)
{
  char *xml = mg_export_label_studio_config (dataset);
  g_autoptr(GBytes) bytes = g_bytes_new_take (xml, strlen (xml));

  return mg_file_write_bytes (path, bytes, MG_FILE_WRITE_DEFAULT, error);
}

int
mg_tool_export (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(MgDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *to = NULL;
  g_autofree char *offsets_name = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *config_path = NULL;
  MgExportFormat format;
  MgExportOffsets offsets;
  MgExportProgress progress = NULL;
  gboolean ok;
  int r;
  GOptionEntry entries[] = {
    { "to", 't', 0, G_OPTION_ARG_STRING, &to,
      N_("jsonl, csv, brat, conll, w3c, doccano or label-studio"), N_("FORMAT") },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &offsets_name,
      N_("Count offsets in code points (the default) or in the UTF-16 units JavaScript counts"),
      N_("codepoint|utf16") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out_path,
      N_("Write to OUT (a folder for brat) instead of standard output"), N_("OUT") },
    { "label-config", 0, 0, G_OPTION_ARG_FILENAME, &config_path,
      N_("Also write the labelling config a Label Studio project needs"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("DATASET — export a dataset for other tools"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Offsets count code points, as Python and brat do, unless --offsets=utf16.\n"
      "brat writes a folder of DOC.txt and DOC.ann files and needs -o DIR; an\n"
      "existing folder is replaced only when empty or made by an earlier export."));
  if ((r = mg_tool_parse (context, &argc, &argv)) != MG_TOOL_OK)
    return r;
  if ((r = parse_arguments (to, offsets_name, out_path, argc, &format, &offsets)) != MG_TOOL_OK)
    return r;
  if (!mg_tool_check_outputs ("export", (const char *[]) { out_path, config_path }, 2, argv + 1, 1))
    return MG_TOOL_USAGE;

  dataset = mg_dataset_load_file (argv[1], &error);
  if (dataset == NULL)
    {
      mg_tool_problem ("%s", error->message);
      return MG_TOOL_INVALID;
    }

  if (config_path != NULL && !write_label_config (dataset, config_path, &error))
    {
      mg_tool_problem ("%s", error->message);
      return MG_TOOL_INVALID;
    }

  if (out_path != NULL && isatty (STDERR_FILENO) && mg_dataset_get_n_documents (dataset) > 1)
    progress = show_progress;

  if (out_path != NULL)
    ok = mg_export_to_path (dataset, format, offsets, out_path, progress, NULL, NULL, &error);
  else
    {
      g_autoptr(GOutputStream) out = g_object_new (stdout_stream_get_type (), NULL);

      ok = mg_export_to_stream (dataset, format, offsets, out, progress, NULL, NULL, &error);
    }

  /* Errors of a file begin with its name; those of standard output are
   * said by mg_tool_finish_output(). */
  if (!ok && (out_path != NULL || !ferror (stdout)))
    mg_tool_problem ("%s", error->message);
  return ok ? MG_TOOL_OK : MG_TOOL_INVALID;
}
