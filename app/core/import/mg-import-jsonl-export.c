/* mg-import-jsonl-export.c: Marginalia's own JSON Lines export, read back
 *
 * Each line is {"id", "title", "meta", "text", "spans": [{"id", "start",
 * "end", "label", "text", "note", "attributes"}], "relations": [{"id",
 * "type", "from", "to"}], "codes"}, as mg-export-jsonl.c writes it: the shape people edit in pandas
 * and hand back. Offsets count code points unless the export was made
 * with --offsets=utf16; each span's "text" must equal its slice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-import"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-error.h"
#include "mg-import-annotated-private.h"
#include "mg-import-jsonl-export.h"

/* A missing or null list is an empty one. */
static gboolean
list_member (JsonObject  *object,
             const char  *member,
             const char  *name,
             guint        line,
             JsonArray  **array,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *array = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID, _("%s:%u: “%s” is not a list"),
                   name, line, member);
      return FALSE;
    }
  *array = json_node_get_array (node);
  return TRUE;
}

static JsonObject *
object_of (JsonObject *object,
           const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
read_spans (MgAnnotatedDoc  *doc,
            JsonArray       *spans,
            guint            line,
            GError         **error)
{
  for (guint i = 0; spans != NULL && i < json_array_get_length (spans); i++)
    {
      JsonNode *node = json_array_get_element (spans, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autofree char *id = _mg_annotated_id_string (o, "id");
      gint64 start, end;

      if (o == NULL || !_mg_annotated_int (o, "start", &start) || !_mg_annotated_int (o, "end", &end))
        {
          g_set_error (error, MG_ERROR, MG_ERROR_INVALID, _("%s:%u: a span needs “start” and “end”"),
                       _mg_annotated_doc_get_name (doc), line);
          return FALSE;
        }
      if (!_mg_annotated_add_span (doc, id, id, _mg_annotated_string (o, "label"), start, end,
                                   _mg_annotated_string (o, "text"), _mg_annotated_string (o, "note"),
                                   line, error))
        return FALSE;
      _mg_annotated_set_values (doc, id, "attributes", object_of (o, "attributes"));
    }
  return TRUE;
}

static gboolean
read_relations (MgAnnotatedDoc  *doc,
                JsonArray       *relations,
                guint            line,
                GError         **error)
{
  for (guint i = 0; relations != NULL && i < json_array_get_length (relations); i++)
    {
      JsonNode *node = json_array_get_element (relations, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autofree char *from = _mg_annotated_id_string (o, "from");
      g_autofree char *to = _mg_annotated_id_string (o, "to");

      if (!_mg_annotated_add_relation (doc, from, to, _mg_annotated_string (o, "type"), line, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_line (JsonObject  *object,
           guint        line,
           guint        index,
           gpointer     user_data,
           GError     **error)
{
  MgAnnotatedImport *r = user_data;
  const char *text = _mg_annotated_string (object, "text");
  g_autofree char *id = _mg_annotated_id_string (object, "id");
  g_autoptr(MgAnnotatedDoc) doc = NULL;
  JsonNode *meta = json_object_get_member (object, "meta");
  JsonArray *spans, *relations;

  if (text == NULL)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID, _("%s:%u: no “text”"), r->name, line);
      return FALSE;
    }
  doc = _mg_annotated_import_begin (r, line, text, id, index, error);
  if (doc == NULL
      || !list_member (object, "spans", r->name, line, &spans, error)
      || !list_member (object, "relations", r->name, line, &relations, error)
      || !read_spans (doc, spans, line, error)
      || !read_relations (doc, relations, line, error))
    return FALSE;

  if (meta != NULL && JSON_NODE_HOLDS_OBJECT (meta))
    mg_document_set_meta (_mg_annotated_doc_get_document (doc), json_node_get_object (meta));
  _mg_annotated_set_values (doc, NULL, "codes", object_of (object, "codes"));
  _mg_annotated_import_end (r, g_steal_pointer (&doc), _mg_annotated_string (object, "title"), NULL, NULL);
  return TRUE;
}

/**
 * mg_import_jsonl_export:
 * @data: the JSON Lines an export of Marginalia wrote
 * @name: the file's name, for messages
 * @options: (nullable): mapping, unit of offsets and labels
 * @warnings: (nullable) (element-type utf8): where to append warnings
 *
 * Returns: (transfer full) (element-type MgDocument): one document per
 *   line, with its spans and relations, or %NULL with an error that names
 *   the file and the line
 */
GPtrArray *
mg_import_jsonl_export (const char       *data,
                        gsize             n_bytes,
                        const char       *name,
                        MgImportOptions  *options,
                        GPtrArray        *warnings,
                        GError          **error)
{
  g_return_val_if_fail (data != NULL || n_bytes == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return _mg_annotated_import_json (data, n_bytes, name, options, warnings, TRUE, read_line, error);
}
