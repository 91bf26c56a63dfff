/* mg-export-jsonl.c: one JSON object per document per line
 *
 * The shape analysts load with pandas.read_json(lines=True) and feed to
 * spaCy's Doc.char_span(start, end, label): the text beside its spans, so
 * that text[start:end] needs nothing else. A span's attributes and a
 * document's codes come as they are in the dataset, when there are any.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-export"

#include "config.h"

#include "mg-export-private.h"

static void
write_span (MgExportContext *ctx,
            MgDocument      *document,
            MgAnnotation    *a)
{
  GString *out = ctx->buf;

  g_string_append_c (out, '{');
  _mg_export_json_member (out, "id", mg_annotation_get_id (a));
  g_string_append_c (out, ',');
  _mg_export_json_uint (out, "start", _mg_export_offset (ctx, document, mg_annotation_get_start (a)));
  g_string_append_c (out, ',');
  _mg_export_json_uint (out, "end", _mg_export_offset (ctx, document, mg_annotation_get_end (a)));
  g_string_append_c (out, ',');
  _mg_export_json_member (out, "label", mg_annotation_get_label (a));
  g_string_append_c (out, ',');
  _mg_export_json_member (out, "text", mg_annotation_get_text (a));
  g_string_append_c (out, ',');
  _mg_export_json_member (out, "note", mg_annotation_get_note (a));
  if (mg_annotation_get_attributes (a) != NULL)
    {
      g_string_append (out, ",\"attributes\":");
      _mg_export_json_object (out, mg_annotation_get_attributes (a));
    }
  g_string_append_c (out, '}');
}

static void
write_relations (GString           *out,
                 MgAnnotationStore *store)
{
  g_string_append (out, "\"relations\":[");
  for (guint i = 0; i < mg_annotation_store_get_n_relations (store); i++)
    {
      MgRelation *r = mg_annotation_store_get_relation (store, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      _mg_export_json_member (out, "id", mg_relation_get_id (r));
      g_string_append_c (out, ',');
      _mg_export_json_member (out, "type", mg_relation_get_kind (r));
      g_string_append_c (out, ',');
      _mg_export_json_member (out, "from", mg_relation_get_from (r));
      g_string_append_c (out, ',');
      _mg_export_json_member (out, "to", mg_relation_get_to (r));
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

gboolean
_mg_export_jsonl (MgExportContext  *ctx,
                  GError          **error)
{
  GString *out = ctx->buf;

  for (guint d = 0; d < mg_dataset_get_n_documents (ctx->dataset); d++)
    {
      MgDocument *doc = mg_dataset_get_document (ctx->dataset, d);
      MgAnnotationStore *store = mg_document_get_store (doc);

      g_string_append_c (out, '{');
      _mg_export_json_member (out, "id", mg_document_get_id (doc));
      g_string_append_c (out, ',');
      _mg_export_json_member (out, "title", mg_document_get_title (doc));
      g_string_append (out, ",\"meta\":");
      _mg_export_json_object (out, mg_document_get_meta (doc));
      g_string_append_c (out, ',');
      _mg_export_json_string (out, "text");
      g_string_append_c (out, ':');
      _mg_export_json_string_len (out, mg_document_get_text (doc), mg_document_get_text_bytes (doc));
      g_string_append (out, ",\"spans\":[");
      for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          write_span (ctx, doc, mg_annotation_store_get_annotation (store, i));
        }
      g_string_append (out, "],");
      write_relations (out, store);
      if (mg_document_get_codes (doc) != NULL)
        {
          g_string_append (out, ",\"codes\":");
          _mg_export_json_object (out, mg_document_get_codes (doc));
        }
      g_string_append (out, "}\n");

      if (!_mg_export_document_done (ctx, error))
        return FALSE;
    }

  return TRUE;
}
