/* mg-export-doccano.c: doccano's JSONL import, with relations
 *
 * doccano reads two shapes of sequence labelling: {"text", "label":
 * [[start, end, label]]} and, for projects with relation labelling,
 * {"text", "entities": [...], "relations": [...]}. Only the second keeps
 * who a quote is attributed to, so that is the one written. Entity ids are
 * numbers, as doccano's own exports have them, counted per line; the keys
 * doccano does not know (our document id and title) become its metadata.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-export"

#include "config.h"

#include "mg-export-private.h"

static void
write_entities (MgExportContext   *ctx,
                MgDocument        *doc,
                GHashTable        *numbers)
{
  MgAnnotationStore *store = mg_document_get_store (doc);
  GString *out = ctx->buf;

  g_string_append (out, ",\"entities\":[");
  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);

      g_hash_table_insert (numbers, (char *)mg_annotation_get_id (a), GUINT_TO_POINTER (i + 1));
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_printf (out, "{\"id\":%u,", i);
      _mg_export_json_member (out, "label", mg_annotation_get_label (a));
      g_string_append_c (out, ',');
      _mg_export_json_uint (out, "start_offset", _mg_export_offset (ctx, doc, mg_annotation_get_start (a)));
      g_string_append_c (out, ',');
      _mg_export_json_uint (out, "end_offset", _mg_export_offset (ctx, doc, mg_annotation_get_end (a)));
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

static void
write_relations (MgExportContext *ctx,
                 MgDocument      *doc,
                 GHashTable      *numbers)
{
  MgAnnotationStore *store = mg_document_get_store (doc);
  GString *out = ctx->buf;
  guint n = 0;

  g_string_append (out, ",\"relations\":[");
  for (guint i = 0; i < mg_annotation_store_get_n_relations (store); i++)
    {
      MgRelation *r = mg_annotation_store_get_relation (store, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, mg_relation_get_from (r)));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, mg_relation_get_to (r)));

      if (from == 0 || to == 0)
        continue;
      if (n > 0)
        g_string_append_c (out, ',');
      g_string_append_printf (out, "{\"id\":%u,\"from_id\":%u,\"to_id\":%u,",
                              n++, from - 1, to - 1);
      _mg_export_json_member (out, "type", mg_relation_get_kind (r));
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

gboolean
_mg_export_doccano (MgExportContext  *ctx,
                    GError          **error)
{
  GString *out = ctx->buf;

  for (guint d = 0; d < mg_dataset_get_n_documents (ctx->dataset); d++)
    {
      MgDocument *doc = mg_dataset_get_document (ctx->dataset, d);
      g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);

      g_string_append (out, "{\"text\":");
      _mg_export_json_string_len (out, mg_document_get_text (doc), mg_document_get_text_bytes (doc));
      write_entities (ctx, doc, numbers);
      write_relations (ctx, doc, numbers);
      g_string_append_c (out, ',');
      _mg_export_json_member (out, "document_id", mg_document_get_id (doc));
      g_string_append_c (out, ',');
      _mg_export_json_member (out, "title", mg_document_get_title (doc));
      g_string_append (out, "}\n");

      if (!_mg_export_document_done (ctx, error))
        return FALSE;
    }

  return TRUE;
}
