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

/* Case and white space aside, the words of @text, for comparing a
 * headline with the first line of a body. */
static char *
comparable (const char *text,
            gssize      n_bytes)
{
  g_autofree char *line = g_strndup (text, n_bytes < 0 ? strlen (text) : (gsize) n_bytes);
  g_autofree char *clean = _mg_import_clean_line (line);

  return clean ? g_utf8_casefold (clean, -1) : g_strdup ("");
}

/* Whether @longer is @shorter, or @shorter and then a site's name or a
 * kicker after a separator ("Story | Site", "Story: the Details"). A body
 * whose first sentence merely begins with the headline's words is not its
 * headline. */
static gboolean
same_heading (const char *longer,
              const char *shorter)
{
  static const char * const separators[] = { "|", "-", "\xe2\x80\x93", "\xe2\x80\x94", ":", "\xc2\xb7", "_", NULL };
  const char *rest;

  if (*shorter == '\0' || !g_str_has_prefix (longer, shorter))
    return FALSE;
  rest = longer + strlen (shorter);
  if (*rest == '\0')
    return TRUE;
  while (*rest == ' ')
    rest++;
  for (guint i = 0; separators[i] != NULL; i++)
    if (g_str_has_prefix (rest, separators[i]))
      return TRUE;
  return FALSE;
}

/**
 * _mg_import_with_headline:
 * @text: the article's body, one paragraph a line, paragraphs apart by a
 *   blank line
 * @headline: (nullable): its title
 *
 * Headlines make claims a coder marks like any other, so the headline
 * leads the text, on its own line, as plain-text articles have it. A body
 * that already starts with it (a page whose article keeps its heading, or
 * the heading with the site name the title lacks, or the other way round)
 * is left as it is, never doubled. A body whose first sentence only starts
 * with the headline's words still gets it.
 *
 * Returns: (transfer full): the text to import
 */
char *
_mg_import_with_headline (const char *text,
                          const char *headline)
{
  g_autofree char *title = NULL;
  g_autofree char *first = NULL;
  const char *end;

  title = headline ? comparable (headline, -1) : NULL;
  if (title == NULL || *title == '\0')
    return g_strdup (text);

  end = strchr (text, '\n');
  first = comparable (text, end ? end - text : -1);
  if (same_heading (first, title) || same_heading (title, first))
    return g_strdup (text);

  {
    g_autofree char *line = _mg_import_clean_line (headline);

    return *text ? g_strconcat (line, "\n\n", text, NULL) : g_strdup (line);
  }
}
