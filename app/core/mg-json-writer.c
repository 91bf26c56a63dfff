/* mg-json-writer.c
 *
 * The same content must always give the same bytes, so that teams can keep
 * datasets in git: object members are written in sorted order, numbers in
 * one canonical form, and strings with the fewest escapes JSON allows
 * (non-ASCII characters are written as they are).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-json-writer"

#include "config.h"

#include <string.h>

#include "mg-json-writer.h"

/**
 * mg_json_write_string:
 *
 * Appends @value as a JSON string, with its quotes.
 */
void
mg_json_write_string (GString    *out,
                      const char *value)
{
  const char *p = value;

  g_string_append_c (out, '"');
  while (*p != '\0')
    {
      const char *run = p;

      while (*p != '\0' && *p != '"' && *p != '\\' && (guchar)*p >= 0x20)
        p++;
      if (p > run)
        g_string_append_len (out, run, p - run);
      if (*p == '\0')
        break;

      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:   g_string_append_printf (out, "\\u%04x", (guchar)*p); break;
        }
      p++;
    }
  g_string_append_c (out, '"');
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

/**
 * mg_json_sorted_members:
 *
 * Returns: (transfer container): the member names of @object, sorted
 */
GPtrArray *
mg_json_sorted_members (JsonObject *object)
{
  GPtrArray *names = g_ptr_array_new ();
  GList *members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    g_ptr_array_add (names, l->data);
  g_list_free (members);
  g_ptr_array_sort (names, compare_strings);

  return names;
}

static void
write_double (GString *out,
              double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* The shortest of these that reads back as the same double. */
  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  g_string_append (out, buf);
  /* Keep it a non-integer for readers that care. */
  if (strpbrk (buf, ".eEn") == NULL)
    g_string_append (out, ".0");
}

/**
 * mg_json_write_members:
 * @leading_comma: whether to write ", " before the first member
 *
 * Appends the members of @object, sorted, as `"name": value` pairs
 * separated by ", ", without braces.
 */
void
mg_json_write_members (GString    *out,
                       JsonObject *object,
                       gboolean    leading_comma)
{
  g_autoptr(GPtrArray) names = mg_json_sorted_members (object);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (i > 0 || leading_comma)
        g_string_append (out, ", ");
      mg_json_write_string (out, name);
      g_string_append (out, ": ");
      mg_json_write_node (out, json_object_get_member (object, name));
    }
}

/**
 * mg_json_write_node:
 *
 * Appends @node on one line.
 */
void
mg_json_write_node (GString  *out,
                    JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      g_string_append_c (out, '{');
      mg_json_write_members (out, json_node_get_object (node), FALSE);
      g_string_append_c (out, '}');
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append (out, ", ");
            mg_json_write_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          mg_json_write_string (out, json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          write_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}
