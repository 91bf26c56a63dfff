/* mg-import-conll.c: CoNLL with token offsets, read back
 *
 * The columns are those mg-export-conll.c writes: TOKEN START END, then
 * one IOB2 column per label; a blank line ends a sentence and
 * "-DOCSTART-" begins a document. CoNLL files without offsets have lost
 * the spacing of their text, so offsets are required: the text is rebuilt
 * by putting each token at its START, with spaces between the tokens of a
 * sentence and line feeds between sentences, so every offset means what
 * it meant in the original text even where the rebuilt text spaces
 * differently (a tab, a double space, the white space after the last
 * token). A span runs from a B- (or an I- that follows no span of its
 * label) over the I- tags of its label and ends at a sentence's end, so
 * a span that crossed a line break comes back as two.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mg-error.h"
#include "mg-import-annotated-private.h"
#include "mg-import-conll.h"

typedef struct
{
  char   *label;      /* NULL when no span is open in the column */
  gint64  start;
  gint64  end;
  guint   line;
} Open;

typedef struct
{
  gint64 start;
  gint64 end;
  char  *label;
  guint  line;
} Span;

/* One document as it is read: its text so far and its finished spans. */
typedef struct
{
  MgImportOptions *options;
  const char      *name;
  MgImportOffsets  unit;
  GString         *text;
  gint64           pos;        /* the text's length in the file's unit */
  gboolean         new_sentence;
  GArray          *open;       /* Open, one per tag column */
  GArray          *spans;      /* Span */
  guint            first_line;
  guint            index;
  GPtrArray       *documents;
} Reading;

static void
span_clear (gpointer data)
{
  g_free (((Span *)data)->label);
}

static void
open_clear (gpointer data)
{
  g_clear_pointer (&((Open *)data)->label, g_free);
}

static void
close_column (Reading *r,
              Open    *o)
{
  Span span;

  if (o->label == NULL)
    return;
  span = (Span) { o->start, o->end, g_steal_pointer (&o->label), o->line };
  g_array_append_val (r->spans, span);
}

static void
close_all (Reading *r)
{
  for (guint k = 0; k < r->open->len; k++)
    close_column (r, &g_array_index (r->open, Open, k));
}

static gint64
length_in_unit (Reading    *r,
                const char *token)
{
  gint64 n = 0;

  for (const char *p = token; *p; p = g_utf8_next_char (p))
    n += (r->unit == MG_IMPORT_OFFSETS_UTF16 && g_utf8_get_char (p) > 0xFFFF) ? 2 : 1;
  return n;
}

static gboolean
parse_offset (const char *field,
              gint64     *value)
{
  char *end = NULL;

  if (!g_ascii_isdigit (*field))
    return FALSE;
  *value = g_ascii_strtoll (field, &end, 10);
  return *end == '\0';
}

static gboolean
place_token (Reading     *r,
             char       **fields,
             guint        line,
             gint64      *start,
             gint64      *end,
             GError     **error)
{
  if (g_strv_length (fields) < 3 || !parse_offset (fields[1], start) || !parse_offset (fields[2], end))
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("%s:%u: expected TOKEN START END and tags; CoNLL without token offsets cannot be placed in a text"),
                   r->name, line);
      return FALSE;
    }
  if (!g_utf8_validate (fields[0], -1, NULL) || *start < r->pos
      || *end - *start != length_in_unit (r, fields[0]))
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("%s:%u: the token “%s” does not fit its offsets %s–%s"),
                   r->name, line, fields[0], fields[1], fields[2]);
      return FALSE;
    }
  for (; r->pos < *start; r->pos++)
    g_string_append_c (r->text, r->new_sentence ? '\n' : ' ');
  g_string_append (r->text, fields[0]);
  r->pos = *end;
  r->new_sentence = FALSE;
  return TRUE;
}

static gboolean
read_tags (Reading     *r,
           char       **fields,
           gint64       start,
           gint64       end,
           guint        line,
           GError     **error)
{
  guint n = g_strv_length (fields);

  if (n - 3 > r->open->len)
    g_array_set_size (r->open, n - 3);
  for (guint k = 3; k < n; k++)
    {
      Open *o = &g_array_index (r->open, Open, k - 3);
      const char *tag = fields[k];

      if (g_str_equal (tag, "O"))
        {
          close_column (r, o);
          continue;
        }
      if ((tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-' || tag[2] == '\0')
        {
          g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                       _("%s:%u: “%s” is no IOB2 tag (B-LABEL, I-LABEL or O)"), r->name, line, tag);
          return FALSE;
        }
      if (tag[0] == 'I' && o->label != NULL && g_str_equal (o->label, tag + 2))
        {
          o->end = end;
          continue;
        }
      close_column (r, o);
      *o = (Open) { g_strdup (tag + 2), start, end, line };
    }
  return TRUE;
}

static gboolean
finish_document (Reading  *r,
                 GError  **error)
{
  g_autoptr(MgAnnotatedDoc) doc = NULL;

  close_all (r);
  if (r->text->len > 0 || r->spans->len > 0)
    {
      doc = _mg_annotated_doc_new (r->options, r->name, r->first_line, r->text->str, r->text->len,
                                   NULL, r->index++, r->unit, error);
      if (doc == NULL)
        return FALSE;
      for (guint i = 0; i < r->spans->len; i++)
        {
          Span *s = &g_array_index (r->spans, Span, i);

          if (!_mg_annotated_add_span (doc, NULL, NULL, s->label, s->start, s->end,
                                       NULL, NULL, s->line, error))
            return FALSE;
        }
      g_ptr_array_add (r->documents, _mg_annotated_doc_steal (g_steal_pointer (&doc)));
    }
  g_string_truncate (r->text, 0);
  g_array_set_size (r->spans, 0);
  r->pos = 0;
  r->new_sentence = FALSE;
  return TRUE;
}

static gboolean
read_line (Reading     *r,
           const char  *line_text,
           guint        line,
           GError     **error)
{
  g_auto(GStrv) fields = g_strsplit_set (line_text, " \t", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  gint64 start, end;

  for (guint i = 0; fields[i] != NULL; i++)
    if (*fields[i] != '\0')
      g_ptr_array_add (kept, fields[i]);
  g_ptr_array_add (kept, NULL);

  if (kept->len == 1)
    {
      close_all (r);
      r->new_sentence = r->pos > 0;
      return TRUE;
    }
  if (g_str_equal (kept->pdata[0], "-DOCSTART-"))
    {
      if (!finish_document (r, error))
        return FALSE;
      r->first_line = line;
      return TRUE;
    }
  return place_token (r, (char **)kept->pdata, line, &start, &end, error)
         && read_tags (r, (char **)kept->pdata, start, end, line, error);
}

/**
 * mg_import_conll:
 * @data: CoNLL with columns TOKEN START END TAG...
 * @name: the file's name, for messages and ids
 * @options: (nullable): mapping, unit of offsets and labels
 * @warnings: (nullable) (element-type utf8): where to append warnings
 *
 * Returns: (transfer full) (element-type MgDocument): one document per
 *   "-DOCSTART-", its text rebuilt from the tokens' offsets, or %NULL with
 *   an error that names the file and the line
 */
GPtrArray *
mg_import_conll (const char       *data,
                 gsize             n_bytes,
                 const char       *name,
                 MgImportOptions  *options,
                 GPtrArray        *warnings,
                 GError          **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) open = g_array_new (FALSE, TRUE, sizeof (Open));
  g_autoptr(GArray) spans = g_array_new (FALSE, TRUE, sizeof (Span));
  Reading r = { options, name, mg_import_options_get_offsets (options, MG_IMPORT_OFFSETS_CODEPOINT),
                text, 0, FALSE, open, spans, 1, 0, documents };
  const char *p = data, *end = data + n_bytes;

  g_return_val_if_fail (data != NULL || n_bytes == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  g_array_set_clear_func (open, open_clear);
  g_array_set_clear_func (spans, span_clear);
  for (guint line = 1; p < end; line++)
    {
      const char *nl = memchr (p, '\n', end - p);
      gsize len = (nl != NULL ? nl : end) - p;
      g_autofree char *line_text = g_strndup (p, len > 0 && p[len - 1] == '\r' ? len - 1 : len);

      p += len + 1;
      if (!read_line (&r, line_text, line, error))
        return NULL;
    }
  if (!finish_document (&r, error))
    return NULL;
  if (documents->len == 0)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID, _("%s: no token in the file"), name);
      return NULL;
    }
  return g_steal_pointer (&documents);
}
