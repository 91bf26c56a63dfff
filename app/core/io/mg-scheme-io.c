/* mg-scheme-io.c
 *
 * A scheme file holds a dataset's labels, relation types and document
 * codes and nothing else, so a team can share its coding scheme as one
 * small file. It is read by the dataset reader itself (the labels put into
 * an empty dataset), so a label in a scheme file is checked exactly as one
 * in a dataset is, and written in the same canonical way: fixed key order,
 * one label, relation type or code a line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-scheme-io"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mg-dataset-io-private.h"
#include "mg-error.h"
#include "mg-file-writer.h"
#include "mg-json-reader.h"
#include "mg-json-writer.h"
#include "mg-scheme-io.h"

/* Scheme files are small; a bound keeps a mistaken path from being read
 * whole. */
#define MG_SCHEME_MAX_BYTES ((gsize) 64 * 1024 * 1024)

static JsonNode *
parse (const char  *data,
       gsize        n_bytes,
       const char  *name,
       GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  MgJsonReader r;

  mg_json_reader_init (&r, data, n_bytes, MG_DATASET_MAX_DEPTH);
  node = mg_json_reader_read_node (&r);
  if (node != NULL && !mg_json_reader_end (&r))
    g_clear_pointer (&node, json_node_unref);
  if (node == NULL)
    g_set_error (error, MG_ERROR, MG_ERROR_INVALID, "%s: %s", name,
                 r.error ? r.error : _("not JSON"));
  mg_json_reader_clear (&r);
  return g_steal_pointer (&node);
}

static MgDataset *
template_of (JsonObject  *root,
             const char  *name,
             GError     **error)
{
  static const char *members[] = { "labels", "relation_types", "document_codes" };
  g_autoptr(JsonObject) wrapper = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  GString *text = g_string_new (NULL);
  g_autofree char *data = NULL;
  gsize n_bytes;

  json_object_set_string_member (wrapper, "format", MG_DATASET_FORMAT);
  json_object_set_int_member (wrapper, "version", MG_DATASET_VERSION);
  json_object_set_array_member (wrapper, "documents", json_array_new ());
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (json_object_has_member (root, members[i]))
      json_object_set_member (wrapper, members[i],
                              json_node_copy (json_object_get_member (root, members[i])));

  node = json_node_init_object (json_node_alloc (), wrapper);
  mg_json_write_node (text, node);
  n_bytes = text->len;
  data = g_string_free (text, FALSE);
  return mg_dataset_load_data (data, n_bytes, name, error);
}

/* A dataset read with a problem of its scheme refused, for a scheme that
 * others start from must be whole. */
static MgScheme *
scheme_of (MgDataset   *dataset,
           const char  *name,
           GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MgScheme) scheme = mg_scheme_new_from_dataset (dataset, name, problems);

  if (problems->len == 0)
    return g_steal_pointer (&scheme);
  if (problems->len == 1)
    g_set_error_literal (error, MG_ERROR, MG_ERROR_INVALID, g_ptr_array_index (problems, 0));
  else
    g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                 ngettext ("%s (and %u more problem)", "%s (and %u more problems)",
                           problems->len - 1),
                 (const char *) g_ptr_array_index (problems, 0), problems->len - 1);
  return NULL;
}

/**
 * mg_scheme_load_data:
 * @name: the file name, which begins the error message
 *
 * Reads a scheme file ("format": "marginalia-scheme"), or takes the scheme
 * of a dataset file, so that a team may start from either.
 *
 * Returns: (transfer full) (nullable): the scheme, or %NULL with @error set
 */
MgScheme *
mg_scheme_load_data (const char  *data,
                     gsize        n_bytes,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(MgDataset) dataset = NULL;
  JsonObject *root;
  const char *format;
  JsonNode *version;

  g_return_val_if_fail (data != NULL, NULL);

  if ((node = parse (data, n_bytes, name, error)) == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("%s: not a scheme: the file holds no object"), name);
      return NULL;
    }
  root = json_node_get_object (node);
  format = json_object_has_member (root, "format") &&
           JSON_NODE_HOLDS_VALUE (json_object_get_member (root, "format")) ?
           json_object_get_string_member (root, "format") : NULL;
  if (g_strcmp0 (format, MG_DATASET_FORMAT) == 0)
    {
      if ((dataset = mg_dataset_load_data (data, n_bytes, name, error)) == NULL)
        return NULL;
      return scheme_of (dataset, name, error);
    }
  if (g_strcmp0 (format, MG_SCHEME_FORMAT) != 0)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("%s: not a Marginalia scheme: “format” is not “%s”"), name, MG_SCHEME_FORMAT);
      return NULL;
    }
  version = json_object_get_member (root, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64 || json_node_get_int (version) < 1)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("%s: “version” must be a positive integer"), name);
      return NULL;
    }
  if (json_node_get_int (version) > MG_SCHEME_VERSION)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_UNSUPPORTED,
                   _("%s: scheme version %lld is newer than this Marginalia reads (%d)"),
                   name, (long long) json_node_get_int (version), MG_SCHEME_VERSION);
      return NULL;
    }
  if (!json_object_has_member (root, "labels"))
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID, _("%s: has no “labels”"), name);
      return NULL;
    }
  if ((dataset = template_of (root, name, error)) == NULL)
    return NULL;
  return scheme_of (dataset, name, error);
}

/**
 * mg_scheme_load_file:
 *
 * Returns: (transfer full) (nullable): the scheme in @path (a scheme file
 *   or a dataset), or %NULL with @error set; its message begins with @path
 */
MgScheme *
mg_scheme_load_file (const char  *path,
                     GError     **error)
{
  g_autofree char *data = NULL;
  gsize n_bytes = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if ((data = _mg_dataset_read_file (path, MG_SCHEME_MAX_BYTES, &n_bytes, error)) == NULL)
    return NULL;
  return mg_scheme_load_data (data, n_bytes, path, error);
}

/* Known members first, in the order a person reads a scheme; others
 * after them, sorted, as everywhere. */
static const char *const scheme_order[] = {
  "id", "name", "type", "values", "from", "to", "definition", "examples", "attributes",
};

static int
order_of (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (scheme_order); i++)
    if (g_str_equal (scheme_order[i], name))
      return (int) i;
  return G_N_ELEMENTS (scheme_order);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const char *na = *(const char **) a;
  const char *nb = *(const char **) b;
  int oa = order_of (na), ob = order_of (nb);

  return oa != ob ? oa - ob : strcmp (na, nb);
}

/**
 * _mg_scheme_write_label:
 *
 * Appends @label as one line of an object: id, name, color and key, then
 * its other members in the scheme's order. A scheme file and a dataset
 * list labels alike, and both writers call this so their bytes stay the
 * same.
 */
void
_mg_scheme_write_label (GString *out,
                        MgLabel *label)
{
  g_string_append (out, "{\"id\": ");
  mg_json_write_string (out, mg_label_get_id (label));
  g_string_append (out, ", \"name\": ");
  mg_json_write_string (out, mg_label_get_name (label));
  g_string_append (out, ", \"color\": ");
  mg_json_write_string (out, mg_label_get_color (label));
  g_string_append (out, ", \"key\": ");
  mg_json_write_string (out, mg_label_get_key (label));
  if (mg_label_get_extra (label) != NULL)
    _mg_scheme_write_members (out, mg_label_get_extra (label), TRUE);
  g_string_append_c (out, '}');
}

static void write_scheme_node (GString  *out,
                               JsonNode *node);

/**
 * _mg_scheme_write_members:
 * @leading_comma: whether to write ", " before the first member
 *
 * Appends the members of @object as mg_json_write_members() does, but
 * with the scheme's members (id, name, type, values, from, to, definition,
 * examples, attributes) first and in that order, and so in each attribute
 * of "attributes". Other members are written as they always were, so a
 * file from before schemes keeps its bytes.
 */
void
_mg_scheme_write_members (GString    *out,
                          JsonObject *object,
                          gboolean    leading_comma)
{
  g_autoptr(GPtrArray) names = mg_json_sorted_members (object);

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (i > 0 || leading_comma)
        g_string_append (out, ", ");
      mg_json_write_string (out, name);
      g_string_append (out, ": ");
      if (g_str_equal (name, "attributes"))
        write_scheme_node (out, json_object_get_member (object, name));
      else
        mg_json_write_node (out, json_object_get_member (object, name));
    }
}

static void
write_scheme_node (GString  *out,
                   JsonNode *node)
{
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      g_string_append_c (out, '{');
      _mg_scheme_write_members (out, json_node_get_object (node), FALSE);
      g_string_append_c (out, '}');
    }
  else if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      g_string_append_c (out, '[');
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          write_scheme_node (out, json_array_get_element (array, i));
        }
      g_string_append_c (out, ']');
    }
  else
    mg_json_write_node (out, node);
}

/**
 * _mg_scheme_write_list:
 * @indent: the indent of the member's name
 *
 * Appends `,\n"member": [` and, when @node is a list, each element on a
 * line of its own: one relation type or document code a line, as one
 * label is, so a change to one is a one-line diff.
 */
void
_mg_scheme_write_list (GString    *out,
                       const char *member,
                       JsonNode   *node,
                       const char *indent)
{
  JsonArray *array;
  guint n;

  g_string_append_printf (out, ",\n%s", indent);
  mg_json_write_string (out, member);
  g_string_append (out, ": ");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (json_node_get_array (node)) == 0)
    {
      write_scheme_node (out, node);
      return;
    }
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (out, "%s\n%s  ", i == 0 ? "" : ",", indent);
      write_scheme_node (out, json_array_get_element (array, i));
    }
  g_string_append_printf (out, "\n%s]", indent);
}

static void
write_list (GString    *out,
            JsonObject *root,
            const char *member)
{
  if (json_object_has_member (root, member))
    _mg_scheme_write_list (out, member, json_object_get_member (root, member), "  ");
}

/**
 * mg_scheme_to_bytes:
 *
 * Writes the scheme as a scheme file: labels with their id, name, colour
 * and key first and other members sorted, one a line; the same scheme
 * always gives the same bytes.
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
mg_scheme_to_bytes (MgScheme *self)
{
  g_autoptr(JsonNode) node = NULL;
  MgLabelSet *labels;
  GString *out;
  guint n;

  g_return_val_if_fail (MG_IS_SCHEME (self), NULL);

  node = mg_scheme_to_json (self);
  labels = mg_scheme_get_labels (self);
  n = mg_label_set_get_n_labels (labels);
  out = g_string_new ("{\n  \"format\": \"" MG_SCHEME_FORMAT "\",\n");
  g_string_append_printf (out, "  \"version\": %d,\n  \"labels\": [", MG_SCHEME_VERSION);
  for (guint i = 0; i < n; i++)
    {
      MgLabel *label = mg_label_set_get_label (labels, i);

      g_string_append (out, i == 0 ? "\n    " : ",\n    ");
      _mg_scheme_write_label (out, label);
    }
  g_string_append (out, n > 0 ? "\n  ]" : "]");
  write_list (out, json_node_get_object (node), "relation_types");
  write_list (out, json_node_get_object (node), "document_codes");
  g_string_append (out, "\n}\n");
  return g_string_free_to_bytes (out);
}

/**
 * mg_scheme_save_file:
 *
 * Writes the scheme file whole or not at all, as every file is written.
 *
 * Returns: %TRUE on success
 */
gboolean
mg_scheme_save_file (MgScheme    *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (MG_IS_SCHEME (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = mg_scheme_to_bytes (self);
  return mg_file_write_bytes (path, bytes, MG_FILE_WRITE_DEFAULT, error);
}
