/* mg-import-jsonl.c: JSON Lines import, one article per line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-import-jsonl"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mg-charset.h"
#include "mg-document.h"
#include "mg-error.h"
#include "mg-import-private.h"
#include "mg-import.h"
#include "mg-import-jsonl.h"
#include "mg-json-reader.h"

/* A line's text may hold megabytes; its nesting no more than articles
 * need. Both bound what a hostile line can cost. */
#define MAX_LINE_BYTES (64 * 1024 * 1024)
#define MAX_DEPTH 32

/* The members the importer reads; any other member is checked as
 * strictly and skipped. The text is the first of "text", "body" and
 * "content" that holds a string. */
typedef enum {
  FIELD_TEXT,
  FIELD_BODY,
  FIELD_CONTENT,
  FIELD_TITLE,
  FIELD_ID,
  FIELD_URL,
  FIELD_DATE,
  FIELD_PUBLISHED,
  FIELD_AUTHOR,
  FIELD_SITE_NAME,
  N_FIELDS
} Field;

static const char * const field_names[N_FIELDS] = {
  "text", "body", "content", "title", "id", "url", "date", "published", "author", "site_name",
};

/* Metadata members and the key each sets; the first with a value wins. */
static const struct {
  Field       field;
  const char *key;
} meta_fields[] = {
  { FIELD_URL, "url" }, { FIELD_DATE, "published" }, { FIELD_PUBLISHED, "published" },
  { FIELD_AUTHOR, "author" }, { FIELD_SITE_NAME, "site_name" },
};

/* One line's members: a string member's value, or NULL. */
typedef struct
{
  char     *value[N_FIELDS];
  gboolean  seen[N_FIELDS];
} Line;

static void
line_clear (Line *line)
{
  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&line->value[i], g_free);
  memset (line->seen, 0, sizeof line->seen);
}

static int
field_of (const char *name)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (strcmp (name, field_names[i]) == 0)
      return i;
  return -1;
}

/* Reads one member's value into @line. */
static gboolean
read_member (MgJsonReader *reader,
             const char   *name,
             Line         *line)
{
  int field = field_of (name);
  const char *s;
  gsize len;

  if (field < 0)
    return mg_json_reader_skip_value (reader);
  /* Which of two values was meant cannot be told. */
  if (line->seen[field])
    {
      mg_json_reader_fail (reader, _("a name appears twice in one object"));
      return FALSE;
    }
  line->seen[field] = TRUE;
  if (mg_json_reader_peek (reader) != MG_JSON_STRING)
    return mg_json_reader_skip_value (reader);
  if ((s = mg_json_reader_read_string (reader, &len)) == NULL)
    return FALSE;
  line->value[field] = g_strndup (s, len);
  return TRUE;
}

/* Reads the object a line holds into @line. Returns NULL, or why the
 * line holds none: an untranslated reason, or NULL with the reader's
 * error set. */
static const char *
read_line (MgJsonReader *reader,
           Line         *line,
           gboolean     *failed)
{
  const char *name;

  *failed = FALSE;
  if (mg_json_reader_peek (reader) != MG_JSON_OBJECT)
    return N_("not a JSON object");
  if (mg_json_reader_begin_object (reader))
    while ((name = mg_json_reader_next_member (reader)) != NULL)
      if (!read_member (reader, name, line))
        break;
  if (mg_json_reader_failed (reader))
    {
      *failed = TRUE;
      return NULL;
    }
  mg_json_reader_peek (reader);
  if (reader->pos < reader->len)
    return N_("text after the JSON object");
  return NULL;
}

/* The article's text with "\n" line ends, in place: never longer. */
static void
normalise_text (char *text)
{
  char *out = text;

  for (const char *p = text; *p; p++)
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

static char *
take_body (Line *line)
{
  for (Field f = FIELD_TEXT; f <= FIELD_CONTENT; f++)
    if (line->value[f] != NULL)
      return g_steal_pointer (&line->value[f]);
  return NULL;
}

/* The document a line's members describe, with the slug of its own id
 * when it has one and "document" when not. */
static MgDocument *
document_from_line (Line *line)
{
  g_autofree char *text = take_body (line);
  g_autofree char *id = NULL;
  MgDocument *doc;

  if (text == NULL || *text == '\0')
    return NULL;
  normalise_text (text);
  id = _mg_import_slug (line->value[FIELD_ID] != NULL ? line->value[FIELD_ID] : "document");
  doc = mg_document_new (id, text, -1);
  if (line->value[FIELD_TITLE] != NULL)
    {
      g_autofree char *title = _mg_import_clean_line (line->value[FIELD_TITLE]);

      mg_document_set_title (doc, title ? title : "");
    }
  for (guint i = 0; i < G_N_ELEMENTS (meta_fields); i++)
    if (mg_document_get_meta_string (doc, meta_fields[i].key) == NULL)
      _mg_import_set_meta (doc, meta_fields[i].key, line->value[meta_fields[i].field]);
  return doc;
}

/* What the importer keeps while it reads the lines of one file. */
typedef struct
{
  const char   *name;
  const char   *base;
  GPtrArray    *warnings;
  GPtrArray    *documents;
  GHashTable   *seen;       /* ids so far, borrowed; NULL once any repeats */
  guint         first_bad;  /* the first line that holds no article */
  char         *first_why;
  MgJsonReader  reader;
  Line          line;
} Lines;

/* Notes why line @line_no holds no article: a warning, and the first
 * such reason for the error when no line holds one. */
static void
add_problem (Lines      *lines,
             guint       line_no,
             const char *why)
{
  const char *reason = why != NULL ? _(why) : lines->reader.error_reason;

  if (lines->warnings != NULL && why != NULL)
    g_ptr_array_add (lines->warnings, g_strdup_printf ("%s:%u: %s", lines->name, line_no, reason));
  else if (lines->warnings != NULL)
    g_ptr_array_add (lines->warnings, g_strdup_printf ("%s:%u:%u: %s", lines->name, line_no,
                                                       lines->reader.error_column, reason));
  if (lines->first_why == NULL)
    {
      lines->first_bad = line_no;
      lines->first_why = g_strdup (reason);
    }
}

static void
add_document (Lines      *lines,
              guint       line_no,
              MgDocument *doc)
{
  guint n = lines->reader.n_repaired;

  if (n > 0 && lines->warnings != NULL)
    g_ptr_array_add (lines->warnings,
                     g_strdup_printf (ngettext ("%s:%u: %u escape that names no character "
                                                "(U+0000 or a lone UTF-16 surrogate) "
                                                "read as U+FFFD",
                                                "%s:%u: %u escapes that name no character "
                                                "(U+0000 or a lone UTF-16 surrogate) "
                                                "read as U+FFFD", n),
                                      lines->name, line_no, n));
  mg_document_set_source_path (doc, lines->base);
  mg_document_set_media_type (doc, "application/x-ndjson");
  /* Ids are the articles' own only while all have distinct ones. */
  if (lines->seen != NULL && lines->line.value[FIELD_ID] != NULL &&
      !g_hash_table_contains (lines->seen, mg_document_get_id (doc)))
    g_hash_table_add (lines->seen, (gpointer) mg_document_get_id (doc));
  else
    g_clear_pointer (&lines->seen, g_hash_table_unref);
  g_ptr_array_add (lines->documents, doc);
}

static void
read_one_line (Lines      *lines,
               guint       line_no,
               const char *p,
               gsize       n)
{
  const char *why;
  gboolean failed;
  MgDocument *doc;

  if (n > MAX_LINE_BYTES)
    {
      add_problem (lines, line_no, N_("line too long"));
      return;
    }
  mg_json_reader_reset (&lines->reader, p, n);
  why = read_line (&lines->reader, &lines->line, &failed);
  if (why == NULL && !failed)
    {
      doc = document_from_line (&lines->line);
      why = doc != NULL ? NULL : N_("no \"text\", \"body\" or \"content\" string");
      if (doc != NULL)
        add_document (lines, line_no, doc);
    }
  if (why != NULL || failed)
    add_problem (lines, line_no, why);
  line_clear (&lines->line);
}

/* Reads every line of @utf8; byte-order marks at the start of a line
 * (files joined with cat keep theirs) are white space. */
static void
read_lines (Lines      *lines,
            const char *utf8,
            gsize       len)
{
  const char *end = utf8 + len;
  guint line_no = 0;

  for (const char *p = utf8; p < end;)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl ? nl : end;

      line_no++;
      while (p < line_end && (g_ascii_isspace (*p) ||
                              (line_end - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)))
        p += g_ascii_isspace (*p) ? 1 : 3;
      if (p < line_end)
        read_one_line (lines, line_no, p, line_end - p);
      p = line_end + 1;
    }
}

/* Ids: the articles' own when all have distinct ones, else the file's
 * name, numbered when there are several. */
static void
number_documents (GPtrArray  *documents,
                  const char *base)
{
  g_autofree char *stem = g_strdup (base);
  g_autofree char *slug = NULL;
  char *dot = strrchr (stem, '.');

  if (dot != NULL && dot != stem)
    *dot = '\0';
  slug = _mg_import_slug (stem);
  for (guint i = 0; i < documents->len; i++)
    {
      g_autofree char *id = documents->len == 1 ? g_strdup (slug)
                            : g_strdup_printf ("%s-%u", slug, i + 1);

      mg_document_set_id (documents->pdata[i], id);
    }
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
 * "content") and optional "title", "url", "date", "author" and "id". Each
 * line is read by the strict JSON reader. A bad line is a warning naming
 * its line number (and column); the good lines are imported. An escape
 * that names no character reads as U+FFFD, with a warning.
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
  g_autofree char *base = NULL;
  g_autofree char *converted = NULL;
  Lines lines = { name, NULL, warnings, NULL, NULL, 0, NULL, };
  gsize len = n_bytes;

  g_return_val_if_fail (data != NULL || n_bytes == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* Valid UTF-8, the usual case, is read where it lies. */
  if (!g_utf8_validate_len (data, n_bytes, NULL))
    data = converted = mg_charset_to_utf8 (data, n_bytes, "utf-8", &len);
  lines.base = base = _mg_import_base_name (name);
  lines.documents = g_ptr_array_new_with_free_func (g_object_unref);
  lines.seen = g_hash_table_new (g_str_hash, g_str_equal);
  mg_json_reader_init (&lines.reader, "", 0, MAX_DEPTH);
  mg_json_reader_set_repair (&lines.reader, TRUE);
  read_lines (&lines, data, len);
  mg_json_reader_clear (&lines.reader);

  if (lines.documents->len == 0)
    {
      if (lines.first_why != NULL)
        g_set_error (error, MG_ERROR, MG_ERROR_INVALID, _("%s: no article in the file (line %u: %s)"),
                     name, lines.first_bad, lines.first_why);
      else
        g_set_error (error, MG_ERROR, MG_ERROR_EMPTY, _("%s: the file is empty"), name);
    }
  else if (lines.seen == NULL)
    number_documents (lines.documents, base);
  g_clear_pointer (&lines.seen, g_hash_table_unref);
  g_free (lines.first_why);
  if (lines.documents->len == 0)
    g_clear_pointer (&lines.documents, g_ptr_array_unref);
  return lines.documents;
}
