/* mg-import-util.c: what every importer shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The strings an input hands over are cleaned here before a document
 * holds them: made valid UTF-8, folded onto one line, made an id or an
 * ISO 8601 date. Declared in mg-import-private.h.
 */

#define G_LOG_DOMAIN "mg-import"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "mg-import-private.h"

/**
 * _mg_import_make_valid:
 * @text: a NUL-terminated string, perhaps not valid UTF-8
 *
 * Importers read strings from parsers that do not all promise UTF-8
 * (libxml2's recovery passes stray bytes through); GLib's text functions
 * and mg_document_new() need it.
 *
 * Returns: (transfer full): a copy of @text, each invalid byte replaced
 *   by U+FFFD
 */
char *
_mg_import_make_valid (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (g_utf8_validate (text, -1, NULL))
    return g_strdup (text);
  return g_utf8_make_valid (text, -1);
}

/**
 * _mg_import_slug:
 * @text: any UTF-8 text
 *
 * Makes an identifier of @text: lower-case ASCII letters, digits, '-' and
 * '_', other runs of characters folded into one '-'.
 *
 * Returns: (transfer full): the slug, "document" if nothing was left
 */
char *
_mg_import_slug (const char *text)
{
  g_autofree char *valid = _mg_import_make_valid (text ? text : "");
  g_autofree char *ascii = g_str_to_ascii (valid, "C");
  GString *s = g_string_new (NULL);

  for (const char *p = ascii; *p && s->len < 80; p++)
    {
      char c = g_ascii_tolower (*p);

      if (g_ascii_isalnum (c) || c == '_' || c == '-')
        g_string_append_c (s, c);
      else if (s->len > 0 && s->str[s->len - 1] != '-')
        g_string_append_c (s, '-');
    }
  while (s->len > 0 && s->str[s->len - 1] == '-')
    g_string_truncate (s, s->len - 1);
  if (s->len == 0)
    g_string_append (s, "document");
  return g_string_free (s, FALSE);
}

/**
 * _mg_import_clean_line:
 * @text: (nullable): UTF-8 text
 *
 * Returns: (transfer full) (nullable): @text on one line as valid UTF-8,
 *   runs of whitespace folded into one space and trimmed, or %NULL if
 *   nothing is left
 */
char *
_mg_import_clean_line (const char *text)
{
  g_autofree char *valid = NULL;
  GString *s;

  if (text == NULL)
    return NULL;
  /* Stepping through invalid UTF-8 could step past the end. */
  valid = _mg_import_make_valid (text);
  s = g_string_new (NULL);
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xa0)
        {
          if (s->len > 0 && s->str[s->len - 1] != ' ')
            g_string_append_c (s, ' ');
        }
      else
        g_string_append_unichar (s, c);
    }
  if (s->len > 0 && s->str[s->len - 1] == ' ')
    g_string_truncate (s, s->len - 1);
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

static char *
format_date (GDateTime *dt)
{
  if (g_date_time_get_utc_offset (dt) == 0)
    return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z");
}

/**
 * _mg_import_iso_date:
 * @text: (nullable): a date as found in a page or feed
 *
 * Reads ISO 8601 and RFC 822 dates (as in RSS).
 *
 * Returns: (transfer full) (nullable): the date in ISO 8601, the cleaned
 *   input when it cannot be read, or %NULL for nothing
 */
char *
_mg_import_iso_date (const char *text)
{
  g_autofree char *clean = _mg_import_clean_line (text);
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (clean == NULL)
    return NULL;
  dt = g_date_time_new_from_iso8601 (clean, utc);
  if (dt != NULL)
    return format_date (dt);
  if (strlen (clean) == 10 && clean[4] == '-' && clean[7] == '-' &&
      g_ascii_isdigit (clean[0]) && g_ascii_isdigit (clean[9]))
    return g_steal_pointer (&clean);
  {
    /* RFC 822 as used by RSS: "Tue, 10 Jun 2003 04:00:00 GMT". */
    static const char * const months[] = {
      "jan", "feb", "mar", "apr", "may", "jun",
      "jul", "aug", "sep", "oct", "nov", "dec"
    };
    const char *p = strchr (clean, ',') ? strchr (clean, ',') + 1 : clean;
    int day, year, h = 0, m = 0, s = 0;
    char mon[4] = "";

    if (sscanf (p, " %d %3s %d %d:%d:%d", &day, mon, &year, &h, &m, &s) >= 3)
      for (int i = 0; i < 12; i++)
        if (g_ascii_strcasecmp (mon, months[i]) == 0)
          {
            g_autoptr(GDateTime) r = g_date_time_new (utc, year < 100 ? year + 2000 : year,
                                                      i + 1, day, h, m, s);
            if (r != NULL)
              return format_date (r);
          }
  }
  return g_steal_pointer (&clean);
}

/**
 * _mg_import_looks_binary:
 * @data: the start of an input
 * @n_bytes: its length
 *
 * Returns: whether @data looks like binary data rather than text: a NUL
 *   byte or many control characters in the first 8 KiB (text in UTF-16
 *   with a byte-order mark is text)
 */
gboolean
_mg_import_looks_binary (const char *data,
                        gsize       n_bytes)
{
  gsize n = MIN (n_bytes, 8192);
  gsize controls = 0;

  if (n >= 2 && ((guchar) data[0] == 0xff || (guchar) data[0] == 0xfe) &&
      ((guchar) data[1] == 0xfe || (guchar) data[1] == 0xff))
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar) data[i];

      if (c == 0)
        return TRUE;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
        controls++;
    }
  return controls * 20 > n;
}

/**
 * _mg_import_set_meta:
 * @value: (nullable): the value as found in the input
 *
 * Sets the metadata @key to @value cleaned to one line, or not at all
 * when nothing is left of it.
 */
void
_mg_import_set_meta (MgDocument *doc,
                    const char *key,
                    const char *value)
{
  g_autofree char *clean = _mg_import_clean_line (value);

  if (clean != NULL)
    mg_document_set_meta_string (doc, key, clean);
}

/**
 * _mg_import_base_name:
 * @name: a path or file name
 *
 * Returns: (transfer full): the last component of @name, "document" when
 *   there is none
 */
char *
_mg_import_base_name (const char *name)
{
  g_autofree char *base = NULL;

  if (name == NULL || *name == '\0')
    return g_strdup ("document");

  base = g_path_get_basename (name);
  if (*base == '\0' || strcmp (base, G_DIR_SEPARATOR_S) == 0 || strcmp (base, ".") == 0)
    return g_strdup ("document");

  return g_steal_pointer (&base);
}

/**
 * _mg_import_id_from_name:
 * @name: a path or file name
 *
 * Makes a document id from a file name: the base name without its
 * extension, made a slug by _mg_import_slug(): ASCII, lower-case, every run
 * of other characters than letters, digits, '-' and '_' one '-'.
 *
 * Returns: (transfer full): the id, "document" when nothing is left
 */
char *
_mg_import_id_from_name (const char *name)
{
  g_autofree char *base = _mg_import_base_name (name);
  char *dot;

  /* A leading dot starts a hidden file's name, not an extension. */
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';

  return _mg_import_slug (base);
}

static gboolean
read_hex4 (const char *p,
           const char *end,
           guint      *value)
{
  *value = 0;
  if (end - p < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return FALSE;
      *value = *value * 16 + g_ascii_xdigit_value (p[i]);
    }
  return TRUE;
}

/**
 * _mg_import_json_escapes_ok:
 * @text: JSON text
 * @n: its length in bytes
 *
 * json-glib 1.6 takes any surrogate escape followed by another "\u"
 * escape for a pair, and leaks memory when the two are not a high and a
 * low surrogate ("\ud83d\u0041", "\udc00\udc00"). It also reads "\u"
 * escapes that are not four hex digits, into anything ("\ud83$" is a
 * surrogate to it). Such text, which is not JSON, is not handed to it.
 * Backslashes only occur inside strings in JSON, so no string tracking
 * is needed.
 *
 * Returns: whether every "\u" escape in @text has four hex digits and
 *   every surrogate escape followed by another "\u" escape forms a pair
 *   with it
 */
gboolean
_mg_import_json_escapes_ok (const char *text,
                           gsize       n)
{
  const char *end = text + n;

  g_return_val_if_fail (text != NULL || n == 0, FALSE);

  for (const char *p = text; p + 1 < end; p++)
    {
      guint hi, lo;

      if (*p != '\\')
        continue;
      if (p[1] != 'u')
        {
          p++;  /* an escaped character, perhaps a backslash */
          continue;
        }
      if (!read_hex4 (p + 2, end, &hi))
        return FALSE;
      p += 5;
      if (hi < 0xd800 || hi > 0xdfff || end - p < 3 || p[1] != '\\' || p[2] != 'u')
        continue;
      if (hi > 0xdbff || !read_hex4 (p + 3, end, &lo) || lo < 0xdc00 || lo > 0xdfff)
        return FALSE;
      p += 6;
    }
  return TRUE;
}

/* Whether @text is one object or array, nesting (brackets outside
 * strings) within @max_depth: json-glib 1.6 recurses without a bound, and
 * it takes "{...}{...}" for one document, leaking all but the last. */
static gboolean
json_depth_ok (const char *text,
               gsize       n,
               guint       max_depth)
{
  guint depth = 0;
  gboolean in_string = FALSE;
  gboolean closed = FALSE;
  gsize i = 0;

  while (i < n && g_ascii_isspace (text[i]))
    i++;
  if (i < n && text[i] != '{' && text[i] != '[')
    return FALSE;
  for (; i < n; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (closed && !g_ascii_isspace (c))
        return FALSE;
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        closed = --depth == 0;
    }
  return TRUE;
}

/**
 * _mg_import_json_safe:
 * @text: JSON text from an input
 * @n: its length in bytes
 * @max_depth: the deepest nesting allowed
 *
 * Whether @text can be handed to json-glib 1.6 without harm: one object
 * or array nested at most @max_depth deep, and escapes it reads right
 * (see _mg_import_json_escapes_ok()). It says nothing more of validity.
 *
 * Returns: %TRUE when @text is safe to parse
 */
gboolean
_mg_import_json_safe (const char *text,
                     gsize       n,
                     guint       max_depth)
{
  g_return_val_if_fail (text != NULL || n == 0, FALSE);

  return json_depth_ok (text, n, max_depth) && _mg_import_json_escapes_ok (text, n);
}
