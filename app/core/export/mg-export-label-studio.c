/* mg-export-label-studio.c: Label Studio tasks with their annotations
 *
 * A JSON array of tasks, each {"data": {"text": ...}, "annotations":
 * [{"result": [...]}]}, which Label Studio imports as finished work for a
 * project whose labelling config has <Labels name="label"> on <Text
 * name="text">: mg_export_label_studio_config() writes that config.
 * Notes ride along as each region's meta text, which Label Studio shows
 * in the region's panel; attributions become relations.
 *
 * A coding scheme's attributes are per-region controls, named
 * "attribute_ID": a choice or a boolean a <Choices perRegion="true">
 * (true and false its choices), text a <TextArea perRegion="true">, their
 * results carrying the region's id. Document codes are controls of the
 * whole task, named "code_ID". Values the scheme does not declare have no
 * control, and are left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-export"

#include "config.h"

#include <string.h>

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

/* One value as a result: a choice (a boolean's "true" or "false") or a
 * text. @region, when given, is the span it belongs to. */
static void
write_value (MgExportContext *ctx,
             MgDocument      *doc,
             MgAnnotation    *region,
             const char      *prefix,
             const char      *id,
             const MgField   *field,
             JsonNode        *value,
             gboolean        *first)
{
  GString *out = ctx->buf;
  g_autofree char *name = g_strconcat (prefix, id, NULL);
  g_autofree char *text = mg_value_to_string (value);
  gboolean is_text = field != NULL && field->type == MG_FIELD_TEXT;

  /* A value the config has no control for would make Label Studio refuse
   * the task. */
  if (text == NULL || field == NULL)
    return;
  g_string_append (out, *first ? "{" : ",{");
  *first = FALSE;
  if (region != NULL)
    {
      _mg_export_json_member (out, "id", mg_annotation_get_id (region));
      g_string_append_c (out, ',');
    }
  _mg_export_json_member (out, "from_name", name);
  g_string_append (out, is_text ? ",\"to_name\":\"text\",\"type\":\"textarea\",\"value\":{"
                                : ",\"to_name\":\"text\",\"type\":\"choices\",\"value\":{");
  if (region != NULL)
    {
      _mg_export_json_uint (out, "start", _mg_export_offset (ctx, doc, mg_annotation_get_start (region)));
      g_string_append_c (out, ',');
      _mg_export_json_uint (out, "end", _mg_export_offset (ctx, doc, mg_annotation_get_end (region)));
      g_string_append_c (out, ',');
      if (!is_text)
        {
          _mg_export_json_member (out, "text", mg_annotation_get_text (region));
          g_string_append_c (out, ',');
        }
    }
  g_string_append (out, is_text ? "\"text\":[" : "\"choices\":[");
  _mg_export_json_string (out, text);
  g_string_append (out, "]}}");
}

/* The attributes of each span and the codes of the document, after the
 * regions they belong to. */
static void
write_values (MgExportContext *ctx,
              MgDocument      *doc,
              MgScheme        *scheme,
              gboolean        *first)
{
  MgAnnotationStore *store = mg_document_get_store (doc);
  JsonObject *codes = mg_document_get_codes (doc);
  g_autoptr(GList) code_ids = codes ? json_object_get_members (codes) : NULL;

  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);
      JsonObject *attributes = mg_annotation_get_attributes (a);
      g_autoptr(GList) ids = attributes ? json_object_get_members (attributes) : NULL;

      ids = g_list_sort (ids, (GCompareFunc) strcmp);
      for (GList *l = ids; l != NULL; l = l->next)
        write_value (ctx, doc, a, "attribute_", l->data,
                     mg_scheme_lookup_attribute (scheme, mg_annotation_get_label (a), l->data),
                     json_object_get_member (attributes, l->data), first);
    }
  code_ids = g_list_sort (code_ids, (GCompareFunc) strcmp);
  for (GList *l = code_ids; l != NULL; l = l->next)
    write_value (ctx, doc, NULL, "code_", l->data, mg_scheme_lookup_document_code (scheme, l->data),
                 json_object_get_member (codes, l->data), first);
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
            MgDocument      *doc,
            MgScheme        *scheme)
{
  MgAnnotationStore *store = mg_document_get_store (doc);
  GString *out = ctx->buf;
  guint n_annotations = mg_annotation_store_get_n_annotations (store);
  gboolean first;

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
  first = n_annotations == 0;
  write_values (ctx, doc, scheme, &first);
  for (guint i = 0; i < mg_annotation_store_get_n_relations (store); i++)
    {
      if (i > 0 || !first)
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
  g_autoptr(MgScheme) scheme = mg_scheme_new_from_dataset (ctx->dataset, NULL, NULL);

  g_string_append (ctx->buf, "[");
  for (guint d = 0; d < n; d++)
    {
      g_string_append (ctx->buf, d > 0 ? ",\n" : "\n");
      write_task (ctx, mg_dataset_get_document (ctx->dataset, d), scheme);
      if (!_mg_export_document_done (ctx, error))
        return FALSE;
    }
  g_string_append (ctx->buf, "\n]\n");

  return TRUE;
}

/* A <Choices> or <TextArea> for one attribute (per region, shown for the
 * labels in @labels) or document code. */
static void
append_control (GString       *xml,
                const MgField *field,
                const char    *prefix,
                const char    *labels)
{
  g_autofree char *name = g_strconcat (prefix, field->id, NULL);
  g_autofree char *head = NULL;
  const char *const booleans[] = { "true", "false", NULL };
  const char *const *values = field->type == MG_FIELD_BOOLEAN ? booleans
                                                              : (const char *const *) field->values;

  if (field->type == MG_FIELD_TEXT)
    head = labels ? g_markup_printf_escaped ("  <TextArea name=\"%s\" toName=\"text\" perRegion=\"true\""
                                             " visibleWhen=\"region-selected\" whenLabelValue=\"%s\""
                                             " placeholder=\"%s\"/>\n", name, labels, field->name)
                  : g_markup_printf_escaped ("  <TextArea name=\"%s\" toName=\"text\" placeholder=\"%s\"/>\n",
                                             name, field->name);
  else
    head = labels ? g_markup_printf_escaped ("  <Choices name=\"%s\" toName=\"text\" perRegion=\"true\""
                                             " visibleWhen=\"region-selected\" whenLabelValue=\"%s\">\n",
                                             name, labels)
                  : g_markup_printf_escaped ("  <Choices name=\"%s\" toName=\"text\">\n", name);
  g_string_append (xml, head);
  if (field->type == MG_FIELD_TEXT)
    return;
  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *line = g_markup_printf_escaped ("    <Choice value=\"%s\"/>\n", values[i]);

      g_string_append (xml, line);
    }
  g_string_append (xml, "  </Choices>\n");
}

/* One control per attribute id, shown for every label that has it. */
static void
append_attribute_controls (GString  *xml,
                           MgScheme *scheme)
{
  MgLabelSet *labels = mg_scheme_get_labels (scheme);
  g_autoptr(GPtrArray) ids = mg_scheme_get_attribute_ids (scheme);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GString) with = g_string_new (NULL);
      const MgField *field = NULL;

      for (guint j = 0; j < mg_label_set_get_n_labels (labels); j++)
        {
          const char *label = mg_label_get_id (mg_label_set_get_label (labels, j));
          const MgField *f = mg_scheme_lookup_attribute (scheme, label, g_ptr_array_index (ids, i));

          if (f == NULL)
            continue;
          field = field ? field : f;
          g_string_append_printf (with, "%s%s", with->len ? "," : "", label);
        }
      append_control (xml, field, "attribute_", with->str);
    }
}

/**
 * mg_export_label_studio_config:
 *
 * The labelling config a Label Studio project needs to import the tasks
 * of a label-studio export: the dataset's labels, with their colours, and
 * the relation types, and the scheme's attributes and document codes as
 * choices and text areas.
 *
 * Returns: (transfer full): the config as XML
 */
char *
mg_export_label_studio_config (MgDataset *dataset)
{
  g_autoptr(MgScheme) scheme = NULL;
  MgLabelSet *labels;
  GPtrArray *types, *codes;
  GString *xml;

  g_return_val_if_fail (MG_IS_DATASET (dataset), NULL);

  scheme = mg_scheme_new_from_dataset (dataset, NULL, NULL);
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
  g_string_append (xml, "  </Labels>\n  <Relations>\n");
  types = mg_scheme_get_relation_types (scheme);
  for (guint i = 0; i < types->len; i++)
    {
      g_autofree char *line = g_markup_printf_escaped ("    <Relation value=\"%s\"/>\n",
                                                       ((MgRelationType *) g_ptr_array_index (types, i))->id);
      g_string_append (xml, line);
    }
  g_string_append (xml, "  </Relations>\n"
                        "  <Text name=\"text\" value=\"$text\"/>\n");
  append_attribute_controls (xml, scheme);
  codes = mg_scheme_get_document_codes (scheme);
  for (guint i = 0; i < codes->len; i++)
    append_control (xml, g_ptr_array_index (codes, i), "code_", NULL);
  g_string_append (xml, "</View>\n");

  return g_string_free (xml, FALSE);
}
