/* mg-export-csv.c: one row per annotation, RFC 4180
 *
 * Fields are quoted only when they hold a comma, a quote or a line break,
 * quotes are doubled, rows end in CRLF, and the file is UTF-8 without a
 * byte-order mark: what Python's csv module, pandas.read_csv and R's
 * read.csv read without options. "attributed_to" is the id of the actor
 * annotation and "attributed_to_text" its text, so a table of quotes and
 * their speakers needs no join.
 *
 * A cell that begins with = + - @, a tab or a carriage return is read as a
 * formula by spreadsheets (a note "=HYPERLINK(...)" becomes a live link in
 * LibreOffice), so, as OWASP's CSV-injection advice says, such a cell is
 * written with a leading apostrophe and always quoted. A reader that wants
 * the raw text drops one apostrophe before those characters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-export"

#include "config.h"

#include <string.h>

#include "mg-export-private.h"

static void
append_field (GString    *out,
              const char *value,
              gboolean    last)
{
  gboolean formula;

  if (value == NULL)
    value = "";
  formula = *value != '\0' && strchr ("=+-@\t\r", *value) != NULL;

  if (!formula && strpbrk (value, ",\"\r\n") == NULL)
    g_string_append (out, value);
  else
    {
      g_string_append_c (out, '"');
      if (formula)
        g_string_append_c (out, '\'');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, last ? "\r\n" : ",");
}

static void
append_number (GString *out,
               guint    value)
{
  g_string_append_printf (out, "%u,", value);
}

static void
write_document (MgExportContext *ctx,
                MgDocument      *doc)
{
  MgAnnotationStore *store = mg_document_get_store (doc);
  g_autoptr(GHashTable) attributions = _mg_export_attributions (store);
  const char *annotator = mg_dataset_get_annotator (ctx->dataset);
  GString *out = ctx->buf;

  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);
      MgAnnotation *actor = g_hash_table_lookup (attributions, mg_annotation_get_id (a));

      append_field (out, mg_document_get_id (doc), FALSE);
      append_field (out, mg_annotation_get_id (a), FALSE);
      append_field (out, mg_annotation_get_label (a), FALSE);
      append_number (out, _mg_export_offset (ctx, doc, mg_annotation_get_start (a)));
      append_number (out, _mg_export_offset (ctx, doc, mg_annotation_get_end (a)));
      append_field (out, mg_annotation_get_text (a), FALSE);
      append_field (out, mg_annotation_get_note (a), FALSE);
      append_field (out, annotator, FALSE);
      append_field (out, actor ? mg_annotation_get_id (actor) : NULL, FALSE);
      append_field (out, actor ? mg_annotation_get_text (actor) : NULL, TRUE);
    }
}

gboolean
_mg_export_csv (MgExportContext  *ctx,
                GError          **error)
{
  g_string_append (ctx->buf, "document_id,annotation_id,label,start,end,text,note,"
                             "annotator,attributed_to,attributed_to_text\r\n");

  for (guint d = 0; d < mg_dataset_get_n_documents (ctx->dataset); d++)
    {
      write_document (ctx, mg_dataset_get_document (ctx->dataset, d));
      if (!_mg_export_document_done (ctx, error))
        return FALSE;
    }

  return TRUE;
}
