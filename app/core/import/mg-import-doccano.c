/* mg-import-doccano.c: doccano's JSONL, with its entities and relations
 *
 * doccano writes one JSON object per line: "text" and either "label", a
 * list of [start, end, label] for sequence labelling, or "entities"
 * ({"id", "label", "start_offset", "end_offset"}) and "relations"
 * ({"from_id", "to_id", "type"}) for projects that label relations.
 * doccano's backend slices the text in Python, so its offsets count code
 * points (its annotation view counts UTF-16 units, which only matters for
 * files written by hand from that view: --offsets=utf16 reads those).
 * "document_id" and "title", which Marginalia's export adds, and "id"
 * name the document; other string members become its metadata.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-import"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-error.h"
#include "mg-import-annotated-private.h"
#include "mg-import-doccano.h"

static const char * const known_members[] = {
  "text", "label", "entities", "relations", "id", "document_id", "title", NULL,
};

/* [start, end, label], the shape of "label". */
static gboolean
read_triple (MgAnnotatedDoc  *doc,
             JsonNode        *node,
             guint            line,
             GError         **error)
{
  JsonArray *a = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  JsonNode *label;

  if (a == NULL || json_array_get_length (a) != 3
      || json_node_get_value_type (json_array_get_element (a, 0)) != G_TYPE_INT64
      || json_node_get_value_type (json_array_get_element (a, 1)) != G_TYPE_INT64
      || json_node_get_value_type (label = json_array_get_element (a, 2)) != G_TYPE_STRING)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("%s:%u: a label is not [start, end, label]"),
                   _mg_annotated_doc_get_name (doc), line);
      return FALSE;
    }

  return _mg_annotated_add_span (doc, NULL, NULL, json_node_get_string (label),
                                 json_array_get_int_element (a, 0),
                                 json_array_get_int_element (a, 1),
                                 NULL, NULL, line, error);
}

static gboolean
read_entity (MgAnnotatedDoc  *doc,
             JsonNode        *node,
             guint            line,
             GError         **error)
{
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autofree char *key = _mg_annotated_id_string (o, "id");
  gint64 start, end;

  if (o == NULL || !_mg_annotated_int (o, "start_offset", &start)
      || !_mg_annotated_int (o, "end_offset", &end))
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("%s:%u: an entity needs “start_offset” and “end_offset”"),
                   _mg_annotated_doc_get_name (doc), line);
      return FALSE;
    }

  return _mg_annotated_add_span (doc, key, NULL, _mg_annotated_string (o, "label"),
                                 start, end, NULL, NULL, line, error);
}

static gboolean
read_relation (MgAnnotatedDoc  *doc,
               JsonNode        *node,
               guint            line,
               GError         **error)
{
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autofree char *from = _mg_annotated_id_string (o, "from_id");
  g_autofree char *to = _mg_annotated_id_string (o, "to_id");

  return _mg_annotated_add_relation (doc, from, to, _mg_annotated_string (o, "type"), line, error);
}

typedef gboolean (*ReadItem) (MgAnnotatedDoc *, JsonNode *, guint, GError **);

static gboolean
read_list (MgAnnotatedDoc  *doc,
           JsonObject      *object,
           const char      *member,
           ReadItem         read,
           guint            line,
           GError         **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID, _("%s:%u: “%s” is not a list"),
                   _mg_annotated_doc_get_name (doc), line, member);
      return FALSE;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!read (doc, json_array_get_element (array, i), line, error))
      return FALSE;
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
  g_autofree char *id = _mg_annotated_document_id (object, object, r->name);
  g_autoptr(MgAnnotatedDoc) doc = NULL;

  if (text == NULL)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID, _("%s:%u: no “text”"), r->name, line);
      return FALSE;
    }
  doc = _mg_annotated_import_begin (r, line, text, id, index, error);
  if (doc == NULL
      || !read_list (doc, object, "label", read_triple, line, error)
      || !read_list (doc, object, "entities", read_entity, line, error)
      || !read_list (doc, object, "relations", read_relation, line, error))
    return FALSE;

  _mg_annotated_import_end (r, g_steal_pointer (&doc), _mg_annotated_string (object, "title"),
                            object, known_members);
  return TRUE;
}

/**
 * mg_import_doccano:
 * @data: doccano's JSONL
 * @name: the file's name, for messages and ids
 * @options: (nullable): mapping, unit of offsets and labels
 * @warnings: (nullable) (element-type utf8): where to append warnings
 *
 * Returns: (transfer full) (element-type MgDocument): one document per
 *   line, with its spans and relations, or %NULL with an error that names
 *   the file and the line
 */
GPtrArray *
mg_import_doccano (const char       *data,
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
