/* mg-import-label-studio.c: Label Studio's JSON export, read back
 *
 * Label Studio exports a JSON list of tasks: {"id", "data": {"text", ...},
 * "annotations": [{"result": [...], "was_cancelled"}], "predictions"}.
 * A result of type "labels" is a region, {"id", "value": {"start", "end",
 * "text", "labels"}}, whose offsets count code points, as Label Studio's
 * frontend does; "meta": {"text": [...]} holds a region's note, as does a
 * per-region "textarea" result with the region's id. A result of type
 * "relation" links two regions by "from_id" and "to_id", typed by its
 * "labels" and pointing the way its "direction" says ("left" turns it
 * round, "bi" makes two). "choices" and "textarea" results of controls
 * named "attribute_ID" (with a region's id) and "code_ID", as our export
 * writes them, are a span's attributes and the document's codes. A task
 * annotated by several people gives the first
 * annotation that was not cancelled, with a warning; predictions are
 * suggestions, not annotations, and are left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mg-error.h"
#include "mg-import-annotated-private.h"
#include "mg-import-label-studio.h"

static const char * const known_data[] = { "text", "document_id", "title", NULL };

static JsonArray *
array_member (JsonObject *object,
              const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
object_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The strings of a list, joined by line feeds. */
static char *
join_strings (JsonArray *array)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, json_node_get_string (node));
    }
  return g_string_free (out, out->len == 0);
}

/* The note of region @id: its meta text, else the text of a per-region
 * textarea result. */
static char *
region_note (JsonObject *result,
             const char *id,
             JsonArray  *results)
{
  char *note = join_strings (array_member (object_member (result, "meta"), "text"));

  for (guint i = 0; note == NULL && id != NULL && i < json_array_get_length (results); i++)
    {
      JsonNode *node = json_array_get_element (results, i);
      JsonObject *other = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      /* Our export's text attributes are text areas of their own. */
      if (g_strcmp0 (_mg_annotated_string (other, "type"), "textarea") == 0
          && g_strcmp0 (_mg_annotated_string (other, "id"), id) == 0
          && !g_str_has_prefix (_mg_annotated_string (other, "from_name") ? _mg_annotated_string (other, "from_name") : "", "attribute_"))
        note = join_strings (array_member (object_member (other, "value"), "text"));
    }
  return note;
}

static gboolean
read_region (MgAnnotatedDoc  *doc,
             JsonObject      *result,
             JsonArray       *results,
             guint            line,
             GError         **error)
{
  JsonObject *value = object_member (result, "value");
  JsonArray *labels = array_member (value, "labels");
  g_autofree char *id = _mg_annotated_id_string (result, "id");
  g_autofree char *note = region_note (result, id, results);
  gint64 start, end;

  if (!_mg_annotated_int (value, "start", &start) || !_mg_annotated_int (value, "end", &end)
      || labels == NULL || json_array_get_length (labels) == 0)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("%s:%u: a region needs “start”, “end” and “labels”"),
                   _mg_annotated_doc_get_name (doc), line);
      return FALSE;
    }
  /* A region with two labels is two spans over one range. */
  for (guint i = 0; i < json_array_get_length (labels); i++)
    if (!_mg_annotated_add_span (doc, i == 0 ? id : NULL, i == 0 ? id : NULL,
                                 _mg_annotated_string_element (labels, i), start, end,
                                 _mg_annotated_string (value, "text"), note, line, error))
      return FALSE;
  return TRUE;
}

static gboolean
read_relation (MgAnnotatedDoc  *doc,
               JsonObject      *result,
               guint            line,
               GError         **error)
{
  JsonArray *labels = array_member (result, "labels");
  g_autofree char *from = _mg_annotated_id_string (result, "from_id");
  g_autofree char *to = _mg_annotated_id_string (result, "to_id");
  const char *direction = _mg_annotated_string (result, "direction");
  gboolean left = g_strcmp0 (direction, "left") == 0;
  guint n = labels != NULL ? json_array_get_length (labels) : 0;

  for (guint i = 0; i < MAX (n, 1); i++)
    {
      const char *type = n > 0 ? _mg_annotated_string_element (labels, i) : NULL;

      if (!_mg_annotated_add_relation (doc, left ? to : from, left ? from : to, type, line, error)
          || (g_strcmp0 (direction, "bi") == 0
              && !_mg_annotated_add_relation (doc, to, from, type, line, error)))
        return FALSE;
    }
  return TRUE;
}

/* A value of our export's attribute_ID and code_ID controls: its choice,
 * or its text (several joined by line feeds, as notes are). */
static void
read_value (MgAnnotatedDoc *doc,
            JsonObject     *result)
{
  const char *from = _mg_annotated_string (result, "from_name");
  JsonObject *value = object_member (result, "value");
  JsonArray *values = array_member (value, "choices");
  g_autofree char *id = _mg_annotated_id_string (result, "id");
  g_autofree char *text = NULL;

  if (values == NULL)
    values = array_member (value, "text");
  if (from == NULL || values == NULL || json_array_get_length (values) == 0)
    return;
  text = join_strings (values);
  if (g_str_has_prefix (from, "attribute_") && id != NULL)
    _mg_annotated_set_value_text (doc, id, from + strlen ("attribute_"), text);
  else if (g_str_has_prefix (from, "code_"))
    _mg_annotated_set_value_text (doc, NULL, from + strlen ("code_"), text);
}

/* Regions first, so that relations find them wherever they are listed. */
static gboolean
read_results (MgAnnotatedDoc  *doc,
              JsonArray       *results,
              guint            line,
              GError         **error)
{
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; results != NULL && i < json_array_get_length (results); i++)
      {
        JsonNode *node = json_array_get_element (results, i);
        JsonObject *result = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
        const char *type = _mg_annotated_string (result, "type");

        if (pass == 0 && g_strcmp0 (type, "labels") == 0
            && !read_region (doc, result, results, line, error))
          return FALSE;
        if (pass == 1 && g_strcmp0 (type, "relation") == 0 && !read_relation (doc, result, line, error))
          return FALSE;
        if (pass == 1 && (g_strcmp0 (type, "choices") == 0 || g_strcmp0 (type, "textarea") == 0))
          read_value (doc, result);
      }
  return TRUE;
}

static gboolean
is_cancelled (JsonObject *annotation)
{
  JsonNode *node = json_object_get_member (annotation, "was_cancelled");

  return node != NULL && json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

/* The first annotation nobody cancelled. */
static JsonObject *
pick_annotation (MgAnnotatedImport *r,
                 JsonObject *task,
                 guint       line)
{
  JsonArray *annotations = array_member (task, "annotations");
  JsonObject *picked = NULL;
  guint n = 0;

  for (guint i = 0; annotations != NULL && i < json_array_get_length (annotations); i++)
    {
      JsonNode *node = json_array_get_element (annotations, i);
      JsonObject *a = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (a == NULL || is_cancelled (a))
        continue;
      if (picked == NULL)
        picked = a;
      n++;
    }
  if (n > 1 && r->warnings != NULL)
    g_ptr_array_add (r->warnings,
                     g_strdup_printf (_("%s:%u: the task has %u annotations; the first is imported"),
                                      r->name, line, n));
  return picked;
}

static gboolean
read_task (JsonObject  *task,
           guint        line,
           guint        index,
           gpointer     user_data,
           GError     **error)
{
  MgAnnotatedImport *r = user_data;
  JsonObject *data = object_member (task, "data");
  const char *text = _mg_annotated_string (data, "text");
  g_autofree char *id = _mg_annotated_document_id (data, task, r->name);
  g_autoptr(MgAnnotatedDoc) doc = NULL;
  JsonObject *annotation;

  if (text == NULL)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID, _("%s:%u: the task has no “data” “text”"),
                   r->name, line);
      return FALSE;
    }
  doc = _mg_annotated_import_begin (r, line, text, id, index, error);
  if (doc == NULL)
    return FALSE;
  annotation = pick_annotation (r, task, line);
  if (!read_results (doc, array_member (annotation, "result"), line, error))
    return FALSE;

  _mg_annotated_import_end (r, g_steal_pointer (&doc), _mg_annotated_string (data, "title"),
                            data, known_data);
  return TRUE;
}

/**
 * mg_import_label_studio:
 * @data: a Label Studio JSON export
 * @name: the file's name, for messages and ids
 * @options: (nullable): mapping, unit of offsets and labels
 * @warnings: (nullable) (element-type utf8): where to append warnings
 *
 * Returns: (transfer full) (element-type MgDocument): one document per
 *   task, with its regions and relations, or %NULL with an error that
 *   names the file and the line of the task
 */
GPtrArray *
mg_import_label_studio (const char       *data,
                        gsize             n_bytes,
                        const char       *name,
                        MgImportOptions  *options,
                        GPtrArray        *warnings,
                        GError          **error)
{
  g_return_val_if_fail (data != NULL || n_bytes == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return _mg_annotated_import_json (data, n_bytes, name, options, warnings, FALSE, read_task, error);
}
