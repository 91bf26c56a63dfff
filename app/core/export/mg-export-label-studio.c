/* mg-export-label-studio.c: Label Studio tasks with their annotations
 *
 * A JSON array of tasks, each {"data": {"text": ...}, "annotations":
 * [{"result": [...]}]}, which Label Studio imports as finished work for a
 * project whose labelling config has <Labels name="label"> on <Text
 * name="text">: mg_export_label_studio_config() writes that config.
 * Notes ride along as each region's meta text, which Label Studio shows
 * in the region's panel; attributions become relations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-export"

#include "config.h"

#include "mg-export-private.h"

static void
write_region (MgExportContext *ctx,
              MgDocument      *doc,
              MgAnnotation    *a)
{
  GString *out = ctx->buf;
  const char *note = mg_annotation_get_note (a);

  g_string_append_c (out, '{');
  _mg_export_json_member (out, "id", mg_annotation_get_id (a));
  g_string_append (out, ",\"from_name\":\"label\",\"to_name\":\"text\",\"type\":\"labels\","
                        "\"value\":{");
  _mg_export_json_uint (out, "start", _mg_export_offset (ctx, doc, mg_annotation_get_start (a)));
  g_string_append_c (out, ',');
  _mg_export_json_uint (out, "end", _mg_export_offset (ctx, doc, mg_annotation_get_end (a)));
  g_string_append_c (out, ',');
  _mg_export_json_member (out, "text", mg_annotation_get_text (a));
  g_string_append (out, ",\"labels\":[");
  _mg_export_json_string (out, mg_annotation_get_label (a));
  g_string_append (out, "]}");
  if (note != NULL && *note != '\0')
    {
      g_string_append (out, ",\"meta\":{\"text\":[");
      _mg_export_json_string (out, note);
      g_string_append (out, "]}");
    }
  g_string_append_c (out, '}');
}

static void
write_relation (GString    *out,
                MgRelation *r)
{
  g_string_append (out, "{\"type\":\"relation\",");
  _mg_export_json_member (out, "from_id", mg_relation_get_from (r));
  g_string_append_c (out, ',');
  _mg_export_json_member (out, "to_id", mg_relation_get_to (r));
  g_string_append (out, ",\"direction\":\"right\",\"labels\":[");
  _mg_export_json_string (out, mg_relation_get_kind (r));
  g_string_append (out, "]}");
}

static void
write_task (MgExportContext *ctx,
            MgDocument      *doc)
{
  MgAnnotationStore *store = mg_document_get_store (doc);
  GString *out = ctx->buf;
  guint n_annotations = mg_annotation_store_get_n_annotations (store);

  g_string_append (out, "{\"data\":{\"text\":");
  _mg_export_json_string_len (out, mg_document_get_text (doc), mg_document_get_text_bytes (doc));
  g_string_append_c (out, ',');
  _mg_export_json_member (out, "document_id", mg_document_get_id (doc));
  g_string_append_c (out, ',');
  _mg_export_json_member (out, "title", mg_document_get_title (doc));
  g_string_append (out, "},\"annotations\":[{\"result\":[");
  for (guint i = 0; i < n_annotations; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      write_region (ctx, doc, mg_annotation_store_get_annotation (store, i));
    }
  for (guint i = 0; i < mg_annotation_store_get_n_relations (store); i++)
    {
      if (i > 0 || n_annotations > 0)
        g_string_append_c (out, ',');
      write_relation (out, mg_annotation_store_get_relation (store, i));
    }
  g_string_append (out, "]}]}");
}

gboolean
_mg_export_label_studio (MgExportContext  *ctx,
                         GError          **error)
{
  guint n = mg_dataset_get_n_documents (ctx->dataset);

  g_string_append (ctx->buf, "[");
  for (guint d = 0; d < n; d++)
    {
      g_string_append (ctx->buf, d > 0 ? ",\n" : "\n");
      write_task (ctx, mg_dataset_get_document (ctx->dataset, d));
      if (!_mg_export_document_done (ctx, error))
        return FALSE;
    }
  g_string_append (ctx->buf, "\n]\n");

  return TRUE;
}

/**
 * mg_export_label_studio_config:
 *
 * The labelling config a Label Studio project needs to import the tasks
 * of a label-studio export: the dataset's labels, with their colours, and
 * the relation types.
 *
 * Returns: (transfer full): the config as XML
 */
char *
mg_export_label_studio_config (MgDataset *dataset)
{
  MgLabelSet *labels;
  GString *xml;

  g_return_val_if_fail (MG_IS_DATASET (dataset), NULL);

  labels = mg_dataset_get_labels (dataset);
  xml = g_string_new ("<View>\n  <Labels name=\"label\" toName=\"text\">\n");
  for (guint i = 0; i < mg_label_set_get_n_labels (labels); i++)
    {
      MgLabel *label = mg_label_set_get_label (labels, i);
      const char *color = mg_label_get_color (label);
      g_autofree char *line = NULL;

      /* Label ids and colours come from the dataset: escape them. */
      if (color != NULL && *color != '\0')
        line = g_markup_printf_escaped ("    <Label value=\"%s\" background=\"%s\"/>\n",
                                        mg_label_get_id (label), color);
      else
        line = g_markup_printf_escaped ("    <Label value=\"%s\"/>\n", mg_label_get_id (label));
      g_string_append (xml, line);
    }
  g_string_append (xml, "  </Labels>\n"
                        "  <Relations>\n"
                        "    <Relation value=\"" MG_RELATION_ATTRIBUTED_TO "\"/>\n"
                        "  </Relations>\n"
                        "  <Text name=\"text\" value=\"$text\"/>\n"
                        "</View>\n");

  return g_string_free (xml, FALSE);
}
