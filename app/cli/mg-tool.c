/* mg-tool.c: what the commands of marginalia-tool share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mg-dataset-io.h"
#include "mg-merge-files.h"
#include "mg-tool.h"

static char *
escape (const char *text,
        gboolean    keep_lines)
{
  GString *out;
  const char *p, *end;

  if (text == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (text));
  end = text + strlen (text);
  for (p = text; p < end; )
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if (keep_lines && c == '\n')
        g_string_append_c (out, '\n');
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else if (c >= 0x80 && c < 0xa0)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

/**
 * mg_tool_escape:
 * @text: (nullable): text from a file or the command line
 *
 * Makes @text safe to show on a terminal: control characters (such as
 * ESC, which starts the sequences that move the cursor, clear the screen
 * or set the window title) and bytes that are not UTF-8 are shown as
 * escapes, "\x1b", "\n", "\u009b", so a hostile document id can neither
 * hide error lines nor fake them.
 *
 * Returns: (transfer full): the text to print
 */
char *
mg_tool_escape (const char *text)
{
  return escape (text, FALSE);
}

/**
 * mg_tool_escape_lines:
 * @text: (nullable): lines made from a file's contents
 *
 * As mg_tool_escape(), but line ends are kept: for listings of many lines
 * (the diff, git's textconv) whose ids and labels come from the file.
 *
 * Returns: (transfer full): the text to print
 */
char *
mg_tool_escape_lines (const char *text)
{
  return escape (text, TRUE);
}

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
      mg_tool_problem ("marginalia-tool: %s", error->message);
      return MG_TOOL_USAGE;
    }
  return MG_TOOL_OK;
}

/**
 * mg_tool_problem:
 *
 * Prints one line to standard error, its control characters escaped (see
 * mg_tool_escape()). The line should start with the name of the file it
 * is about.
 */
void
mg_tool_problem (const char *format,
                 ...)
{
  g_autofree char *line = NULL;
  g_autofree char *shown = NULL;
  va_list args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  shown = mg_tool_escape (line);
  g_printerr ("%s\n", shown);
}

/* What names @path, or a folder @path lies in, once links are followed:
 * true when @folder (a stat of a folder) is among them. */
static gboolean
lies_in (const char  *path,
         GStatBuf    *folder)
{
  g_autofree char *current = g_canonicalize_filename (path, NULL);

  for (;;)
    {
      g_autofree char *parent = NULL;
      GStatBuf st;

      if (g_stat (current, &st) == 0 && st.st_dev == folder->st_dev && st.st_ino == folder->st_ino)
        return TRUE;
      parent = g_path_get_dirname (current);
      if (strcmp (parent, current) == 0)
        return FALSE;
      g_free (current);
      current = g_steal_pointer (&parent);
    }
}

/* Whether writing @output would overwrite @other: the same file under any
 * name, or, when @output is a folder, a file in it. A device or a pipe is
 * written as a stream, never replaced, so it overwrites nothing. */
static gboolean
overwrites (const char *output,
            const char *other)
{
  GStatBuf out, st;

  if (g_stat (output, &out) != 0)
    return FALSE;
  if (S_ISDIR (out.st_mode))
    return lies_in (other, &out);
  return S_ISREG (out.st_mode) && g_stat (other, &st) == 0 &&
         st.st_dev == out.st_dev && st.st_ino == out.st_ino;
}

/**
 * mg_tool_check_outputs:
 * @command: the command's name, for the message
 * @outputs: (array length=n_outputs): the files the command writes, %NULL
 *   where none is given
 * @inputs: (array length=n_inputs): the files it reads
 *
 * Refuses outputs that would overwrite an input or each other, whatever
 * names they are given by: a file under two names, a link, a folder that
 * holds an input.
 *
 * Returns: %TRUE when the outputs may be written; else says why on
 *   standard error
 */
gboolean
mg_tool_check_outputs (const char  *command,
                       const char **outputs,
                       int          n_outputs,
                       char       **inputs,
                       int          n_inputs)
{
  for (int i = 0; i < n_outputs; i++)
    {
      if (outputs[i] == NULL)
        continue;
      for (int j = 0; j < n_inputs; j++)
        if (strcmp (outputs[i], inputs[j]) == 0 || overwrites (outputs[i], inputs[j]))
          {
            mg_tool_problem ("marginalia-tool %s: %s: %s", command, outputs[i],
                             _("is one of the inputs or holds one; write to a new file"));
            return FALSE;
          }
      for (int j = 0; j < n_outputs; j++)
        if (j != i && outputs[j] != NULL &&
            (strcmp (outputs[i], outputs[j]) == 0 || overwrites (outputs[i], outputs[j])))
          {
            mg_tool_problem ("marginalia-tool %s: %s: %s", command, outputs[i],
                             _("is given for two outputs"));
            return FALSE;
          }
    }
  return TRUE;
}

/* Why standard output failed, kept from the moment it did: the calls after
 * a failed write change errno. */
static int stdout_errno;

/**
 * mg_tool_write_stdout:
 *
 * Writes @n_bytes of @data to standard output.
 *
 * Returns: %TRUE when written; else mg_tool_finish_output() says why
 */
gboolean
mg_tool_write_stdout (const void *data,
                      gsize       n_bytes)
{
  if (fwrite (data, 1, n_bytes, stdout) == n_bytes)
    return TRUE;
  if (stdout_errno == 0)
    stdout_errno = errno;
  return FALSE;
}

/**
 * mg_tool_flush_stdout:
 *
 * Returns: %TRUE when standard output took all it was given; else
 *   mg_tool_finish_output() says why
 */
gboolean
mg_tool_flush_stdout (void)
{
  if (fflush (stdout) == 0)
    return TRUE;
  if (stdout_errno == 0)
    stdout_errno = errno;
  return FALSE;
}

/**
 * mg_tool_finish_output:
 * @status: the command's exit status
 *
 * Flushes and closes standard output, which a full disk or a closed pipe
 * may refuse: a report cut short must not exit 0.
 *
 * Returns: @status, or %MG_TOOL_INVALID when standard output failed (said
 *   on standard error)
 */
int
mg_tool_finish_output (int status)
{
  int saved;

  errno = 0;
  if (fflush (stdout) == 0 && !ferror (stdout) && fclose (stdout) == 0)
    return status;
  saved = stdout_errno != 0 ? stdout_errno : errno;
  if (saved != 0)
    mg_tool_problem ("marginalia-tool: %s: %s", _("standard output"), g_strerror (saved));
  else
    mg_tool_problem ("marginalia-tool: %s", _("could not write to standard output"));
  return MG_TOOL_INVALID;
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
  gboolean ok = TRUE;

  for (int i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      MgDataset *dataset = mg_dataset_load_file (paths[i], &error);

      if (dataset == NULL)
        {
          mg_tool_problem ("%s", error->message);
          ok = FALSE;
          continue;
        }
      g_ptr_array_add (datasets, dataset);
    }

  if (!ok)
    return NULL;
  /* Named as the window's merge names them, so both write the same. */
  *names = mg_merge_annotator_names ((MgDataset * const *) datasets->pdata,
                                     (const char * const *) paths, (guint) n);
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
  gsize length;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  out = json_generator_to_data (generator, &length);
  if (mg_tool_write_stdout (out, length))
    mg_tool_write_stdout ("\n", 1);
}
