/* mg-import-jsonl.c: JSON Lines import, one article per line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-import-jsonl"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "mg-charset.h"
#include "mg-document.h"
#include "mg-error.h"
#include "mg-import-private.h"
#include "mg-import.h"
#include "mg-import-jsonl.h"

/* json-glib 1.6 recurses without bound and accepts more than JSON, so
 * each line is measured and checked before it is parsed. */
#define MAX_LINE_BYTES (64 * 1024 * 1024)
#define MAX_DEPTH 32

/* Returns NULL if @line is one strict JSON value as far as a cheap scan
 * can tell, else why not. */
static const char *
check_line (const char *line,
            gsize       n)
{
  guint depth = 0;
  gboolean in_string = FALSE;
  gboolean closed = FALSE;

  if (n > MAX_LINE_BYTES)
    return N_("line too long");
  /* json-glib 1.6 takes "0{...}" or "{...}{...}" for one document and
   * leaks all values but the last: a line must start with its object. */
  if (n > 0 && line[0] != '{')
    return N_("not a JSON object");
  for (gsize i = 0; i < n; i++)
    {
      char c = line[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (closed && !g_ascii_isspace (c))
        return N_("text after the JSON object");
      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '{': case '[':
          if (++depth > MAX_DEPTH)
            return N_("nested too deeply");
          break;
        case '}': case ']':
          if (depth == 0)
            return N_("unbalanced brackets");
          closed = --depth == 0;
          break;
        case '/': case '\'':
          return N_("not strict JSON");
        default:
          break;
        }
    }
  if (in_string || depth > 0)
    return N_("truncated JSON");
  return NULL;
}

static const char *
string_member (JsonObject *obj,
               const char *name)
{
  JsonNode *n = json_object_get_member (obj, name);

  if (n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
    return json_node_get_string (n);
  return NULL;
}

/* The article's text with "\n" line ends. */
static char *
normalise_text (const char *text)
{
  GString *s = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (s, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

static MgDocument *
document_from_line (const char  *line,
                    gsize        n,
                    char       **id_out,
                    const char **why)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *valid = NULL;
  g_autofree char *text = NULL;
  JsonObject *obj;
  const char *body;
  MgDocument *doc;
  static const char * const meta_keys[][2] = {
    { "url", "url" }, { "date", "published" }, { "published", "published" },
    { "author", "author" }, { "site_name", "site_name" },
  };

  if ((*why = check_line (line, n)) != NULL)
    return NULL;
  /* json-glib 1.6 would refuse it too, and leak while doing so. */
  if (!_mg_import_json_escapes_ok (line, n))
    {
      *why = N_("not valid JSON");
      return NULL;
    }
  if (!json_parser_load_from_data (parser, line, n, NULL))
    {
      *why = N_("not valid JSON");
      return NULL;
    }
  /* json-glib reads a line holding only a byte-order mark as no value. */
  if (json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      *why = N_("not a JSON object");
      return NULL;
    }
  obj = json_node_get_object (json_parser_get_root (parser));
  body = string_member (obj, "text");
  if (body == NULL)
    body = string_member (obj, "body");
  if (body == NULL)
    body = string_member (obj, "content");
  if (body == NULL || *body == '\0')
    {
      *why = N_("no \"text\", \"body\" or \"content\" string");
      return NULL;
    }

  /* json-glib decodes a lone "\udc00" into bytes that are not UTF-8. */
  valid = _mg_import_make_valid (body);
  text = normalise_text (valid);
  doc = mg_document_new ("document", text, -1);
  if (string_member (obj, "title") != NULL)
    {
      g_autofree char *title = _mg_import_clean_line (string_member (obj, "title"));
      mg_document_set_title (doc, title ? title : "");
    }
  for (guint i = 0; i < G_N_ELEMENTS (meta_keys); i++)
    {
      g_autofree char *value = _mg_import_clean_line (string_member (obj, meta_keys[i][0]));

      if (value != NULL && mg_document_get_meta_string (doc, meta_keys[i][1]) == NULL)
        mg_document_set_meta_string (doc, meta_keys[i][1], value);
    }
  *id_out = string_member (obj, "id") ? _mg_import_slug (string_member (obj, "id")) : NULL;
  return doc;
}

/**
 * mg_import_jsonl:
 * @data: the bytes of a JSON Lines file
 * @n_bytes: their length
 * @name: the file name, for document ids and messages
 * @warnings: (nullable) (element-type utf8): where to add warnings
 * @error: return location for an error
 *
 * Imports one article per line: an object with "text" (or "body" or
 * "content") and optional "title", "url", "date", "author" and "id". A bad
 * line is a warning naming its line number; the good lines are imported.
 *
 * Returns: (transfer full) (element-type MgDocument): the documents, or
 *   %NULL with @error set when no line holds an article
 */
GPtrArray *
mg_import_jsonl (const char  *data,
                 gsize        n_bytes,
                 const char  *name,
                 GPtrArray   *warnings,
                 GError     **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *utf8 = NULL;
  g_autofree char *base = _mg_import_base_name (name);
  g_autofree char *stem = NULL;
  gboolean own_ids = TRUE;
  const char *first_why = NULL;
  guint first_bad = 0;
  const char *p, *end;
  gsize len;
  guint line_no = 0;

  g_return_val_if_fail (data != NULL || n_bytes == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  utf8 = mg_charset_to_utf8 (data, n_bytes, "utf-8", &len);
  for (p = utf8, end = utf8 + len; p < end; p = p < end ? p + 1 : p)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl ? nl : end;
      const char *why = NULL;
      char *id = NULL;
      MgDocument *doc;

      line_no++;
      /* Files joined with cat keep their byte-order marks. */
      while (p < line_end && (g_ascii_isspace (*p) ||
                              (line_end - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)))
        p += g_ascii_isspace (*p) ? 1 : 3;
      if (p == line_end)
        {
          p = line_end;
          continue;
        }
      doc = document_from_line (p, line_end - p, &id, &why);
      p = line_end;
      if (doc == NULL)
        {
          if (first_why == NULL)
            first_why = why, first_bad = line_no;
          if (warnings != NULL)
            g_ptr_array_add (warnings, g_strdup_printf ("%s:%u: %s", name, line_no, _(why)));
          continue;
        }
      mg_document_set_source_path (doc, base);
      mg_document_set_media_type (doc, "application/x-ndjson");
      if (id == NULL || g_hash_table_contains (seen, id))
        own_ids = FALSE;
      else
        g_hash_table_add (seen, id);
      g_ptr_array_add (ids, id);
      g_ptr_array_add (documents, doc);
    }

  if (documents->len == 0)
    {
      if (first_why != NULL)
        g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                     _("%s: no article in the file (line %u: %s)"), name, first_bad, _(first_why));
      else
        g_set_error (error, MG_ERROR, MG_ERROR_EMPTY, _("%s: the file is empty"), name);
      return NULL;
    }

  /* Ids: the articles' own when all have distinct ones, else numbered. */
  stem = g_strdup (base);
  if (strrchr (stem, '.') != NULL && strrchr (stem, '.') != stem)
    *strrchr (stem, '.') = '\0';
  for (guint i = 0; i < documents->len; i++)
    {
      g_autofree char *slug = _mg_import_slug (stem);
      g_autofree char *id = own_ids ? g_strdup (ids->pdata[i])
                            : documents->len == 1 ? g_strdup (slug)
                            : g_strdup_printf ("%s-%u", slug, i + 1);

      mg_document_set_id (documents->pdata[i], id);
    }
  return g_steal_pointer (&documents);
}
