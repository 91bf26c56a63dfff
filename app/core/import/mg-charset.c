/* mg-charset.c: deciding and decoding the character set of imported bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-charset"

#include "config.h"

#include <errno.h>
#include <string.h>

#include "mg-charset.h"

/* How far into a page a <meta charset> is looked for; HTML requires it
 * within the first 1024 bytes, real pages are sloppier. */
#define SNIFF_BYTES 8192

/* Code points of Windows-1252 bytes 0x80..0x9f; the rest of the code page
 * is Latin-1. Undefined bytes map to themselves as C1 controls, as
 * browsers do. */
static const gunichar cp1252_high[32] = {
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
};

static const char *
find_ci (const char *hay,
         gsize       n,
         const char *needle)
{
  gsize len = strlen (needle);

  for (gsize i = 0; i + len <= n; i++)
    if (g_ascii_strncasecmp (hay + i, needle, len) == 0)
      return hay + i;
  return NULL;
}

/**
 * mg_charset_sniff_html:
 * @data: the start of an HTML page
 * @n_bytes: its length
 *
 * Looks for a byte-order mark, then for a charset declared by a `<meta>`
 * element near the start of the page.
 *
 * Returns: (transfer full) (nullable): the lower-case charset name, or
 *   %NULL when the page declares none
 */
char *
mg_charset_sniff_html (const char *data,
                       gsize       n_bytes)
{
  gsize n = MIN (n_bytes, SNIFF_BYTES);
  const char *p = data;
  const char *end = data + n;

  g_return_val_if_fail (data != NULL || n_bytes == 0, NULL);

  if (n >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    return g_strdup ("utf-8");
  if (n >= 2 && memcmp (data, "\xff\xfe", 2) == 0)
    return g_strdup ("utf-16le");
  if (n >= 2 && memcmp (data, "\xfe\xff", 2) == 0)
    return g_strdup ("utf-16be");

  while ((p = find_ci (p, end - p, "<meta")) != NULL)
    {
      const char *close = memchr (p, '>', end - p);
      const char *cs;

      if (close == NULL)
        break;
      cs = find_ci (p, close - p, "charset");
      if (cs != NULL)
        {
          const char *v = cs + strlen ("charset");
          const char *vend;

          while (v < close && (g_ascii_isspace (*v) || *v == '=' || *v == '"' || *v == '\''))
            v++;
          vend = v;
          while (vend < close && (g_ascii_isalnum (*vend) || strchr ("-_.:", *vend)))
            vend++;
          if (vend > v)
            return g_ascii_strdown (v, vend - v);
        }
      p = close;
    }
  return NULL;
}

static gboolean
is_utf8_name (const char *charset)
{
  return g_ascii_strcasecmp (charset, "utf-8") == 0 ||
         g_ascii_strcasecmp (charset, "utf8") == 0 ||
         g_ascii_strcasecmp (charset, "unicode-1-1-utf-8") == 0;
}

/* The WHATWG encoding standard reads these labels as Windows-1252, and so
 * do we: pages that say Latin-1 often hold curly quotes from 0x80..0x9f. */
static gboolean
is_cp1252_name (const char *charset)
{
  static const char * const names[] = {
    "windows-1252", "cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1",
    "latin1", "l1", "us-ascii", "ascii", "x-cp1252", "cp819", "ibm819",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (charset, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Appends @data as UTF-8, replacing each byte that does not start a valid
 * sequence (and each NUL) by U+FFFD, so one stray byte costs one
 * character and never the rest of the text. */
static void
append_utf8_lossy (GString    *out,
                   const char *data,
                   gsize       n)
{
  const char *p = data;
  const char *end = data + n;

  while (p < end)
    {
      const char *valid_end = NULL;

      if (g_utf8_validate_len (p, end - p, &valid_end))
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, valid_end - p);
      g_string_append (out, "\xef\xbf\xbd");
      p = valid_end + 1;
    }
}

static void
append_cp1252 (GString    *out,
               const char *data,
               gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar) data[i];

      if (c == 0)
        g_string_append (out, "\xef\xbf\xbd");
      else if (c < 0x80)
        g_string_append_c (out, (char) c);
      else if (c < 0xa0)
        g_string_append_unichar (out, cp1252_high[c - 0x80]);
      else
        g_string_append_unichar (out, c);
    }
}

static gboolean
append_iconv (GString    *out,
              const char *data,
              gsize       n,
              const char *charset)
{
  GIConv cd = g_iconv_open ("UTF-8", charset);
  g_autoptr(GString) raw = NULL;
  char buf[4096];
  char *in = (char *) data;
  gsize in_left = n;

  if (cd == (GIConv) -1)
    return FALSE;

  raw = g_string_sized_new (n * 2);
  while (in_left > 0)
    {
      char *o = buf;
      gsize o_left = sizeof buf;
      gsize r = g_iconv (cd, &in, &in_left, &o, &o_left);

      g_string_append_len (raw, buf, o - buf);
      if (r != (gsize) -1)
        continue;
      if (errno == E2BIG)
        continue;
      /* An invalid or truncated sequence: one replacement character, then
       * carry on with the next byte. */
      g_string_append (raw, "\xef\xbf\xbd");
      if (errno == EINVAL)
        break;
      in++;
      in_left--;
    }
  g_iconv_close (cd);

  /* iconv passes NUL through; the lossy pass drops it. */
  append_utf8_lossy (out, raw->str, raw->len);
  return TRUE;
}

/**
 * mg_charset_to_utf8:
 * @data: bytes in @charset
 * @n_bytes: their length
 * @charset: (nullable): a charset name; %NULL means UTF-8
 * @out_len: (out) (optional): the length of the result
 *
 * Decodes @data into valid UTF-8 without NUL bytes. Invalid sequences
 * become U+FFFD; an unknown @charset is read as Windows-1252.
 *
 * Returns: (transfer full): NUL-terminated UTF-8
 */
char *
mg_charset_to_utf8 (const char *data,
                    gsize       n_bytes,
                    const char *charset,
                    gsize      *out_len)
{
  GString *out;

  g_return_val_if_fail (data != NULL || n_bytes == 0, NULL);

  out = g_string_sized_new (n_bytes + n_bytes / 8 + 16);
  if (charset == NULL || is_utf8_name (charset))
    {
      if (n_bytes >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
        data += 3, n_bytes -= 3;
      append_utf8_lossy (out, data, n_bytes);
    }
  else if (is_cp1252_name (charset) || !append_iconv (out, data, n_bytes, charset))
    append_cp1252 (out, data, n_bytes);

  if (out_len != NULL)
    *out_len = out->len;
  return g_string_free (out, FALSE);
}

/* Counts the valid multi-byte UTF-8 sequences and the bytes that start
 * no valid sequence. */
static void
count_utf8 (const char *data,
            gsize       n,
            gsize      *n_multi,
            gsize      *n_bad)
{
  const char *p = data;
  const char *end = data + n;

  *n_multi = *n_bad = 0;
  while (p < end)
    {
      if ((guchar) *p < 0x80)
        {
          p++;
          continue;
        }
      if (g_utf8_get_char_validated (p, end - p) >= 0x80 &&
          g_utf8_get_char_validated (p, end - p) < (gunichar) -2)
        {
          (*n_multi)++;
          p = g_utf8_next_char (p);
        }
      else
        {
          (*n_bad)++;
          p++;
        }
    }
}

/**
 * mg_charset_decode_html:
 * @data: the bytes of an HTML page
 * @n_bytes: their length
 * @out_len: (out) (optional): the length of the result
 *
 * Decides the charset of a page (byte-order mark, then a declared charset,
 * then UTF-8 if the bytes are mostly valid UTF-8, else Windows-1252) and decodes
 * it. A page that declares a legacy charset but is valid UTF-8 with
 * non-ASCII text is read as UTF-8: legacy text is almost never valid
 * UTF-8 by accident, while re-saved pages often keep a stale declaration.
 *
 * Returns: (transfer full): NUL-terminated UTF-8
 */
char *
mg_charset_decode_html (const char *data,
                        gsize       n_bytes,
                        gsize      *out_len)
{
  g_autofree char *charset = mg_charset_sniff_html (data, n_bytes);
  gsize n_multi, n_bad;

  count_utf8 (data, n_bytes, &n_multi, &n_bad);

  if (charset != NULL && g_str_has_prefix (charset, "utf-16"))
    {
      /* A page cannot really be UTF-16 if it declared so in ASCII; only a
       * byte-order mark is believed. */
      if (n_bytes >= 2 && ((guchar) data[0] == 0xff || (guchar) data[0] == 0xfe))
        return mg_charset_to_utf8 (data + 2, n_bytes - 2, charset, out_len);
      g_clear_pointer (&charset, g_free);
    }

  /* Undeclared: UTF-8 unless stray bytes outnumber the sequences that
   * make sense as UTF-8, so one bad byte does not make the rest Latin-1. */
  if (charset == NULL)
    return mg_charset_to_utf8 (data, n_bytes, n_multi >= n_bad ? "utf-8" : "windows-1252", out_len);
  if (!is_utf8_name (charset) && n_bad == 0 && n_multi > 0)
    return mg_charset_to_utf8 (data, n_bytes, "utf-8", out_len);
  return mg_charset_to_utf8 (data, n_bytes, charset, out_len);
}
