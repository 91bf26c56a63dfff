/* mg-export-csv.c: one row per annotation, RFC 4180
 *
 * Fields are quoted only when they hold a comma, a quote or a line break,
 * quotes are doubled, rows end in CRLF, and the file is UTF-8 without a
 * byte-order mark: what Python's csv module, pandas.read_csv and R's
 * read.csv read without options. "attributed_to" is the id of the actor
 * annotation and "attributed_to_text" its text, so a table of quotes and
 * their speakers needs no join.
 *
 * A dataset with a coding scheme gets a column per attribute of spans
 * ("attribute_kind") and per document code ("code_stance"), after the
 * others, so a table without them is as it always was. A span without
 * the attribute has an empty cell; true and false are written so.
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
                MgDocument      *doc,
                GPtrArray       *attributes,
                GPtrArray       *codes)
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
      append_field (out, actor ? mg_annotation_get_text (actor) : NULL,
                    attributes->len == 0 && codes->len == 0);
      for (guint j = 0; j < attributes->len; j++)
        {
          g_autofree char *value = mg_annotation_dup_attribute_string (a, g_ptr_array_index (attributes, j));

          append_field (out, value, j + 1 == attributes->len && codes->len == 0);
        }
      for (guint j = 0; j < codes->len; j++)
        {
          g_autofree char *value = mg_document_dup_code_string (doc, g_ptr_array_index (codes, j));

          append_field (out, value, j + 1 == codes->len);
        }
    }
}

gboolean
_mg_export_csv (MgExportContext  *ctx,
                GError          **error)
{
  g_autoptr(MgScheme) scheme = mg_scheme_new_from_dataset (ctx->dataset, NULL, NULL);
  g_autoptr(GPtrArray) attributes = _mg_export_attribute_ids (ctx->dataset, scheme);
  g_autoptr(GPtrArray) codes = _mg_export_code_ids (ctx->dataset, scheme);

  g_string_append (ctx->buf, "document_id,annotation_id,label,start,end,text,note,"
                             "annotator,attributed_to,attributed_to_text");
  for (guint i = 0; i < attributes->len; i++)
    {
      g_autofree char *column = g_strconcat ("attribute_", (char *) g_ptr_array_index (attributes, i), NULL);

      g_string_append_c (ctx->buf, ',');
      append_field (ctx->buf, column, FALSE);
      g_string_truncate (ctx->buf, ctx->buf->len - 1);
    }
  for (guint i = 0; i < codes->len; i++)
    {
      g_autofree char *column = g_strconcat ("code_", (char *) g_ptr_array_index (codes, i), NULL);

      g_string_append_c (ctx->buf, ',');
      append_field (ctx->buf, column, FALSE);
      g_string_truncate (ctx->buf, ctx->buf->len - 1);
    }
  g_string_append (ctx->buf, "\r\n");

  for (guint d = 0; d < mg_dataset_get_n_documents (ctx->dataset); d++)
    {
      write_document (ctx, mg_dataset_get_document (ctx->dataset, d), attributes, codes);
      if (!_mg_export_document_done (ctx, error))
        return FALSE;
    }

  return TRUE;
}
