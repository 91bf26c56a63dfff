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
 * mg_json_write_string_len:
 * @value: valid UTF-8
 *
 * Appends @value as a JSON string, with its quotes. Only the quote, the
 * backslash and control characters need escapes in valid UTF-8; U+2028 and
 * U+2029 are escaped too, since JavaScript before ES2019 refuses them raw in
 * string literals and exports are read by JavaScript tools, and so is U+0085,
 * at which Python's str.splitlines() ends a line: a JSON Lines file read
 * that way must still hold one object a line.
 */
void
mg_json_write_string_len (GString    *out,
                          const char *value,
                          gsize       n_bytes)
{
  g_string_append_c (out, '"');
  mg_json_write_string_part (out, value, n_bytes);
  g_string_append_c (out, '"');
}

/**
 * mg_json_write_string_part:
 * @value: valid UTF-8, whole characters
 *
 * Appends the inside of a JSON string holding @value, escaped as
 * mg_json_write_string_len() does, without the quotes: a long string can
 * be written a part at a time, each cut between two characters.
 */
void
mg_json_write_string_part (GString    *out,
                           const char *value,
                           gsize       n_bytes)
{
  /* The bytes that may need an escape: control characters, the quote and
   * the backslash, and the lead bytes of U+2028, U+2029 and U+0085. One
   * look-up a byte keeps the common case, text with nothing to escape,
   * a quick scan; saving and every draft spend most of their time here. */
  static const guchar attention[256] = {
    [0x00] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ['"'] = 1, ['\\'] = 1, [0xC2] = 1, [0xE2] = 1,
  };
  const guchar *s = (const guchar *)value;
  gsize run = 0;

  for (gsize i = 0; i < n_bytes; i++)
    {
      guchar c = s[i];

      if (G_LIKELY (!attention[c]))
        continue;
      if ((c == 0xE2 && !(i + 2 < n_bytes && s[i + 1] == 0x80 &&
                          (s[i + 2] == 0xA8 || s[i + 2] == 0xA9))) ||
          (c == 0xC2 && !(i + 1 < n_bytes && s[i + 1] == 0x85)))
        continue;

      g_string_append_len (out, value + run, i - run);
      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case 0xE2:
          g_string_append (out, s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
          i += 2;
          break;
        case 0xC2:
          g_string_append (out, "\\u0085");
          i += 1;
          break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
          break;
        }
      run = i + 1;
    }
  g_string_append_len (out, value + run, n_bytes - run);
}

/**
 * mg_json_write_uint:
 *
 * Appends @value in decimal, as printf's %u would, without its cost: a
 * dataset's offsets are written twice a span.
 */
void
mg_json_write_uint (GString *out,
                    guint64  value)
{
  char digits[20];
  guint n = 0;

  do
    {
      digits[sizeof digits - ++n] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  g_string_append_len (out, digits + sizeof digits - n, n);
}

/**
 * mg_json_write_string:
 * @value: (nullable): valid UTF-8, or %NULL for ""
 *
 * Appends @value as a JSON string, with its quotes.
 */
void
mg_json_write_string (GString    *out,
                      const char *value)
{
  if (value == NULL)
    value = "";
  mg_json_write_string_len (out, value, strlen (value));
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

static void write_node (GString    *out,
                        JsonNode   *node,
                        gboolean    compact);

static void
write_members (GString    *out,
               JsonObject *object,
               gboolean    leading_comma,
               gboolean    compact)
{
  g_autoptr(GPtrArray) names = mg_json_sorted_members (object);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (i > 0 || leading_comma)
        g_string_append (out, compact ? "," : ", ");
      mg_json_write_string (out, name);
      g_string_append (out, compact ? ":" : ": ");
      write_node (out, json_object_get_member (object, name), compact);
    }
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
  write_members (out, object, leading_comma, FALSE);
}

/**
 * mg_json_write_node:
 *
 * Appends @node on one line, members sorted, with a space after each
 * comma and colon.
 */
void
mg_json_write_node (GString  *out,
                    JsonNode *node)
{
  write_node (out, node, FALSE);
}

/**
 * mg_json_write_node_compact:
 *
 * Appends @node on one line, members sorted, with no spaces.
 */
void
mg_json_write_node_compact (GString  *out,
                            JsonNode *node)
{
  write_node (out, node, TRUE);
}

static void
write_node (GString  *out,
            JsonNode *node,
            gboolean  compact)
{
  switch (node == NULL ? JSON_NODE_NULL : json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      g_string_append_c (out, '{');
      write_members (out, json_node_get_object (node), FALSE, compact);
      g_string_append_c (out, '}');
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        g_string_append_c (out, '[');
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append (out, compact ? "," : ", ");
            write_node (out, json_array_get_element (array, i), compact);
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
