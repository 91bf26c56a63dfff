/* mg-import-text.c
 *
 * Plain text is the input people have most often and the one that says
 * least about itself: no encoding label, no markup for the title. We decode
 * it (UTF-8, UTF-16 and UTF-32 with a byte order mark, else Windows-1252,
 * which is what "not UTF-8" news text nearly always is), unify line ends,
 * and otherwise keep every character where it was: annotation offsets
 * refer to the stored text, and lines stay lines because the window shows
 * one paragraph per line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-import-text"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mg-document.h"
#include "mg-error.h"
#include "mg-import-private.h"
#include "mg-import.h"
#include "mg-import-text.h"

/* How much of the input the binary check and the title search look at. */
#define BINARY_WINDOW       (64 * 1024)
#define MAX_HEAD_LINES      15
#define MAX_TITLE_CHARS     250
#define MAX_FALLBACK_CHARS  200
#define MAX_SECTION_CHARS   30
#define MAX_DATELINE_CHARS  40

/* Windows-1252 bytes 0x80-0x9F. The five bytes the code page leaves
 * undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become U+FFFD rather than C1
 * controls: a visible mark in the text is more honest than an invisible
 * character nobody can annotate. The rest of the range is Latin-1. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
  0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

static void
add_warning (GPtrArray  *warnings,
             const char *name,
             const char *message)
{
  if (warnings != NULL)
    g_ptr_array_add (warnings, g_strdup_printf ("%s: %s", name, message));
}

static char *
decode_cp1252 (const char *data,
               gsize       n_bytes,
               guint      *n_undefined)
{
  GString *out = g_string_sized_new (n_bytes + n_bytes / 8 + 1);

  *n_undefined = 0;
  for (gsize i = 0; i < n_bytes; i++)
    {
      guchar b = (guchar)data[i];

      if (b < 0x80)
        g_string_append_c (out, (char)b);
      else if (b < 0xA0)
        {
          gunichar c = cp1252_high[b - 0x80];

          if (c == 0xFFFD)
            (*n_undefined)++;
          g_string_append_unichar (out, c);
        }
      else
        g_string_append_unichar (out, b);
    }

  return g_string_free (out, FALSE);
}

/* Refuses input with NUL bytes or mostly control characters. @offset is
 * where @data starts in the file, so the message can point at the byte. */
static gboolean
check_not_binary (const char  *data,
                  gsize        n_bytes,
                  gsize        offset,
                  const char  *name,
                  GError     **error)
{
  const char *nul = memchr (data, '\0', n_bytes);
  gsize window = MIN (n_bytes, BINARY_WINDOW);
  gsize n_control = 0;

  if (nul != NULL)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_BINARY,
                   _("%s: binary data, not text (NUL bytes at byte %zu)"),
                   name, offset + (gsize)(nul - data));
      return FALSE;
    }

  for (gsize i = 0; i < window; i++)
    {
      guchar b = (guchar)data[i];

      if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F)
        n_control++;
    }

  if (n_control * 10 > window)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_BINARY,
                   _("%s: binary data, not text (%u%% control characters)"),
                   name, (guint)(n_control * 100 / window));
      return FALSE;
    }

  return TRUE;
}

static char *
decode_wide (const char  *data,
             gsize        n_bytes,
             const char  *charset,
             gsize        bom_len,
             const char  *name,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize bytes_read = 0;
  gsize bytes_written = 0;

  /* Asking for bytes_read makes a cut last character no error: check it. */
  text = g_convert (data + bom_len, n_bytes - bom_len, "UTF-8", charset,
                    &bytes_read, &bytes_written, &local_error);
  if (text == NULL || bytes_read != n_bytes - bom_len)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("%s: invalid %s text at byte %zu"),
                   name, charset, bom_len + bytes_read);
      return NULL;
    }

  /* A decoded U+0000 would end the string early; it is no text either. */
  if (!check_not_binary (text, bytes_written, 0, name, error))
    return NULL;

  return g_steal_pointer (&text);
}

/* Returns the input as UTF-8 without a byte order mark, or NULL. */
static char *
decode (const char  *data,
        gsize        n_bytes,
        const char  *name,
        GPtrArray   *warnings,
        GError     **error)
{
  const guchar *u = (const guchar *)data;
  gsize offset = 0;
  guint n_undefined = 0;
  char *text;

  /* UTF-32 first: its little-endian mark begins like UTF-16's. */
  if (n_bytes >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0)
    return decode_wide (data, n_bytes, "UTF-32LE", 4, name, error);
  if (n_bytes >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF)
    return decode_wide (data, n_bytes, "UTF-32BE", 4, name, error);
  if (n_bytes >= 2 && u[0] == 0xFF && u[1] == 0xFE)
    return decode_wide (data, n_bytes, "UTF-16LE", 2, name, error);
  if (n_bytes >= 2 && u[0] == 0xFE && u[1] == 0xFF)
    return decode_wide (data, n_bytes, "UTF-16BE", 2, name, error);

  if (n_bytes >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    offset = 3;

  if (!check_not_binary (data + offset, n_bytes - offset, offset, name, error))
    return NULL;

  if (g_utf8_validate (data + offset, n_bytes - offset, NULL))
    return g_strndup (data + offset, n_bytes - offset);

  text = decode_cp1252 (data + offset, n_bytes - offset, &n_undefined);
  add_warning (warnings, name, _("not UTF-8; read as Windows-1252"));
  if (n_undefined > 0)
    {
      g_autofree char *message =
        g_strdup_printf (ngettext ("%u byte undefined in Windows-1252 read as U+FFFD",
                                   "%u bytes undefined in Windows-1252 read as U+FFFD",
                                   n_undefined),
                         n_undefined);
      add_warning (warnings, name, message);
    }

  return text;
}

/* CRLF and lone CR become LF, in place: the text only shrinks. */
static void
normalize_line_ends (char *text)
{
  char *out = text;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          *out++ = '\n';
          if (p[1] == '\n')
            p++;
        }
      else
        *out++ = *p;
    }
  *out = '\0';
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* What the first lines say about themselves. */
typedef struct
{
  guint n_chars;
  guint n_letters;
  guint n_nonspace;
  guint n_words;     /* runs of non-space holding at least one letter */
  guint n_tokens;    /* runs of non-space */
  guint has_lower : 1;
  guint only_name_chars : 1;  /* letters, spaces, "-.,'" */
} LineShape;

static void
measure_line (const char *line,
              LineShape  *shape)
{
  gboolean in_token = FALSE;
  gboolean token_has_letter = FALSE;

  memset (shape, 0, sizeof *shape);
  shape->only_name_chars = TRUE;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean space = g_unichar_isspace (c);
      gboolean letter = g_unichar_isalpha (c);

      shape->n_chars++;
      if (letter)
        shape->n_letters++;
      if (g_unichar_islower (c))
        shape->has_lower = TRUE;
      if (!letter && !space && c != '-' && c != '.' && c != '\'' && c != ',')
        shape->only_name_chars = FALSE;

      if (space)
        {
          if (in_token && token_has_letter)
            shape->n_words++;
          in_token = token_has_letter = FALSE;
          continue;
        }
      shape->n_nonspace++;
      if (!in_token)
        shape->n_tokens++;
      in_token = TRUE;
      token_has_letter |= letter;
    }
  if (in_token && token_has_letter)
    shape->n_words++;
}

/* 18.12.2025, 2025-12-18, 12/18/25 */
static gboolean
has_numeric_date (const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    {
      const char *q = p;
      guint n_groups = 0;

      if (!g_ascii_isdigit (*p) || (p > line && g_ascii_isdigit (p[-1])))
        continue;
      for (;;)
        {
          guint n_digits = 0;

          while (g_ascii_isdigit (*q) && n_digits < 5)
            q++, n_digits++;
          if (n_digits == 0 || n_digits > 4)
            break;
          n_groups++;
          if (n_groups == 3)
            return TRUE;
          if (*q != '.' && *q != '/' && *q != '-')
            break;
          q++;
        }
    }

  return FALSE;
}

static gboolean
starts_with_word_of (const char         *line,
                     const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize len = strlen (words[i]);

      if (g_ascii_strncasecmp (line, words[i], len) == 0
          && !g_ascii_isalpha (line[len]))
        return TRUE;
    }
  return FALSE;
}

/* Bylines and date lines sit between a headline and the text and read
 * like neither; only their common English shapes are recognised. */
static gboolean
is_byline_or_date (const char      *line,
                   const LineShape *shape)
{
  static const char * const leads[] = {
    "by", "updated", "published", "posted", "last updated", NULL,
  };
  static const char * const calendar[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", NULL,
  };

  if (starts_with_word_of (line, leads))
    return TRUE;
  if (has_numeric_date (line))
    return TRUE;

  return starts_with_word_of (line, calendar)
         && strpbrk (line, "0123456789") != NULL
         && shape->n_tokens <= 6;
}

static gboolean
is_headline (const char      *line,
             const LineShape *shape)
{
  return shape->n_words >= 3
         && shape->n_chars <= MAX_TITLE_CHARS
         && shape->n_letters * 10 >= shape->n_nonspace * 6
         && !is_byline_or_date (line, shape);
}

static gboolean
is_section_name (const LineShape *shape)
{
  return shape->n_tokens == 1
         && shape->n_words == 1
         && shape->n_chars <= MAX_SECTION_CHARS
         && shape->only_name_chars;
}

static gboolean
is_dateline (const char      *line,
             const LineShape *shape)
{
  /* Capitalised labels that are no place. */
  static const char * const not_places[] = {
    "update", "updated", "breaking", "exclusive", "analysis", "opinion",
    "advertisement", "comment", "editorial", "live", "video", "photos", NULL,
  };

  return shape->n_letters >= 3
         && shape->n_chars <= MAX_DATELINE_CHARS
         && shape->n_tokens <= 4
         && shape->only_name_chars
         && !shape->has_lower
         && !(shape->n_tokens == 1 && starts_with_word_of (line, not_places));
}

/* A trimmed copy of one line, cut on a character boundary so a huge
 * one-line file costs no more than a short one. */
static char *
copy_line (const char *start,
           gsize       len)
{
  const gsize max_bytes = 4 * MAX_TITLE_CHARS + 16;

  if (len > max_bytes)
    {
      len = max_bytes;
      while (len > 0 && ((guchar)start[len] & 0xC0) == 0x80)
        len--;
    }

  return g_strstrip (g_strndup (start, len));
}

/* Sets the title, and the "section" and "dateline" meta when present. */
static void
read_head (MgDocument *document,
           const char *text,
           const char *base_name)
{
  g_autofree char *first = NULL;
  g_autofree char *section = NULL;
  g_autofree char *title = NULL;
  g_autofree char *dateline = NULL;
  const char *p = text;

  for (guint n_lines = 0; *p != '\0' && n_lines < MAX_HEAD_LINES && dateline == NULL; )
    {
      const char *nl = strchr (p, '\n');
      gsize len = nl != NULL ? (gsize)(nl - p) : strlen (p);
      g_autofree char *line = copy_line (p, len);
      LineShape shape;

      p += len + (nl != NULL);
      if (*line == '\0')
        continue;
      n_lines++;
      measure_line (line, &shape);

      if (first == NULL)
        {
          first = g_strdup (line);
          if (is_section_name (&shape))
            {
              section = g_steal_pointer (&line);
              continue;
            }
        }
      if (title == NULL)
        {
          if (is_headline (line, &shape))
            title = g_steal_pointer (&line);
        }
      else if (is_dateline (line, &shape))
        dateline = g_steal_pointer (&line);
    }

  if (title != NULL)
    {
      mg_document_set_title (document, title);
      if (section != NULL)
        mg_document_set_meta_string (document, "section", section);
      if (dateline != NULL)
        mg_document_set_meta_string (document, "dateline", dateline);
    }
  else if (first != NULL)
    {
      glong n_chars = MIN (g_utf8_strlen (first, -1), MAX_FALLBACK_CHARS);
      g_autofree char *cut = g_utf8_substring (first, 0, n_chars);

      mg_document_set_title (document, cut);
    }
  else
    mg_document_set_title (document, base_name);
}

/**
 * mg_import_text:
 * @data: the file's bytes
 * @n_bytes: their number
 * @name: the file name, for messages, the document id and source.path
 * @warnings: (nullable) (element-type utf8): where to append warnings, such
 *   as "NAME: not UTF-8; read as Windows-1252"
 * @error: %MG_ERROR_BINARY for input that is not text, %MG_ERROR_EMPTY
 *   when there is nothing but white space, %MG_ERROR_INVALID for a broken
 *   UTF-16 or UTF-32 file; the message begins with @name and ": "
 *
 * Imports a plain-text article: decoded to UTF-8 without its byte order
 * mark, line ends made "\n", nothing else changed. The title is the first
 * line that reads like a headline; "section" and "dateline" meta are set
 * when the text plainly has them.
 *
 * Returns: (transfer full) (element-type MgDocument): one document, or
 *   %NULL on error
 */
GPtrArray *
mg_import_text (const char  *data,
                gsize        n_bytes,
                const char  *name,
                GPtrArray   *warnings,
                GError     **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  g_autofree char *base = NULL;
  MgDocument *document;

  g_return_val_if_fail (data != NULL || n_bytes == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";

  text = decode (data, n_bytes, name, warnings, error);
  if (text == NULL)
    return NULL;

  normalize_line_ends (text);
  if (is_blank (text))
    {
      g_set_error (error, MG_ERROR, MG_ERROR_EMPTY,
                   _("%s: empty file, nothing to import"), name);
      return NULL;
    }

  id = _mg_import_id_from_name (name);
  base = _mg_import_base_name (name);
  document = mg_document_new (id, text, -1);
  mg_document_set_source_path (document, base);
  mg_document_set_media_type (document, "text/plain");
  read_head (document, text, base);

  documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (documents, document);

  return g_steal_pointer (&documents);
}
