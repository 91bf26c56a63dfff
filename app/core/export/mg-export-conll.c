/* mg-export-conll.c: one token per line, one IOB2 column per label
 *
 * Columns: TOKEN START END, then a B-/I-/O column for each label of the
 * dataset, so spans of different labels may overlap and nest and all
 * survive. Tokens follow Python's re pattern \w+|[^\w\s] (the character
 * classes of mg-tokens.c), so a Python reader can rebuild them. A span that
 * starts or ends inside a token grows to that token's edges. Within one
 * label's column only the outer of two overlapping spans fits; the inner
 * is left out. Each line of the text is a paragraph, followed by a blank
 * line; a span that crosses a line break begins again with B- after it,
 * since each line is a sentence of its own to a CoNLL reader (nltk's
 * conlltags2tree in strict mode refuses an I- that opens a sentence).
 * Every document begins with a -DOCSTART- line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-export"

#include "config.h"

#include <string.h>

#include "mg-export-private.h"
#include "mg-tokens.h"

enum { TAG_O, TAG_B, TAG_I };

typedef struct
{
  guint start;     /* code points */
  guint end;
  gsize byte;      /* where its text begins */
  gsize n_bytes;
  gboolean last_of_line;
} Token;

static GArray *
tokenize (const char *text,
          gsize       n_bytes)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = text;
  const char *end = text + n_bytes;
  guint cp = 0;

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      Token t = { cp, cp, p - text, 0, FALSE };

      if (mg_unichar_is_space (c))
        {
          if (c == '\n' && tokens->len > 0)
            g_array_index (tokens, Token, tokens->len - 1).last_of_line = TRUE;
          p = g_utf8_next_char (p);
          cp++;
          continue;
        }

      p = g_utf8_next_char (p);
      cp++;
      if (mg_unichar_is_word (c))
        while (p < end && mg_unichar_is_word (g_utf8_get_char (p)))
          {
            p = g_utf8_next_char (p);
            cp++;
          }
      t.end = cp;
      t.n_bytes = (p - text) - t.byte;
      g_array_append_val (tokens, t);
    }
  if (tokens->len > 0)
    g_array_index (tokens, Token, tokens->len - 1).last_of_line = TRUE;

  return tokens;
}

/* First token that ends after @offset. */
static guint
first_token_after (GArray *tokens,
                   guint   offset)
{
  guint lo = 0, hi = tokens->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (tokens, Token, mid).end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* First token that starts at or after @offset. */
static guint
first_token_from (GArray *tokens,
                  guint   offset)
{
  guint lo = 0, hi = tokens->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (tokens, Token, mid).start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Outer spans first: by start, then the longer one. */
static int
compare_outer_first (gconstpointer a,
                     gconstpointer b)
{
  MgAnnotation *x = *(MgAnnotation **)a;
  MgAnnotation *y = *(MgAnnotation **)b;
  guint xs = mg_annotation_get_start (x), ys = mg_annotation_get_start (y);
  guint xe = mg_annotation_get_end (x), ye = mg_annotation_get_end (y);

  if (xs != ys)
    return xs < ys ? -1 : 1;
  if (xe != ye)
    return xe > ye ? -1 : 1;
  return 0;
}

static guint8 *
tag_column (MgAnnotationStore *store,
            const char        *label,
            GArray            *tokens)
{
  guint8 *tags = g_new0 (guint8, MAX (tokens->len, 1));
  g_autoptr(GPtrArray) spans = g_ptr_array_new ();
  guint covered = 0;

  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);

      if (g_strcmp0 (mg_annotation_get_label (a), label) == 0)
        g_ptr_array_add (spans, a);
    }
  g_ptr_array_sort (spans, compare_outer_first);

  for (guint i = 0; i < spans->len; i++)
    {
      MgAnnotation *a = g_ptr_array_index (spans, i);
      guint t0 = first_token_after (tokens, mg_annotation_get_start (a));
      guint t1 = first_token_from (tokens, mg_annotation_get_end (a));

      if (t0 >= t1 || t0 < covered)
        continue;
      tags[t0] = TAG_B;
      for (guint t = t0 + 1; t < t1; t++)
        tags[t] = TAG_I;
      covered = t1;
    }

  return tags;
}

/* Tags hold no spaces, or the columns would shift. */
static char *
tag_name (const char *label)
{
  char *name = g_strdup (label);

  for (char *p = name; *p; p++)
    if (g_ascii_isspace (*p))
      *p = '_';
  return name;
}

static void
write_document (MgExportContext *ctx,
                MgDocument      *doc,
                GStrv            names)
{
  MgAnnotationStore *store = mg_document_get_store (doc);
  const char *text = mg_document_get_text (doc);
  g_autoptr(GArray) tokens = tokenize (text, mg_document_get_text_bytes (doc));
  guint n_labels = g_strv_length (names);
  g_autofree guint8 **columns = g_new0 (guint8 *, n_labels + 1);
  GString *out = ctx->buf;
  MgLabelSet *labels = mg_dataset_get_labels (ctx->dataset);

  for (guint k = 0; k < n_labels; k++)
    columns[k] = tag_column (store, mg_label_get_id (mg_label_set_get_label (labels, k)), tokens);

  g_string_append (out, "-DOCSTART- -X- -X-");
  for (guint k = 0; k < n_labels; k++)
    g_string_append (out, " O");
  g_string_append (out, "\n\n");

  for (guint t = 0; t < tokens->len; t++)
    {
      Token *tok = &g_array_index (tokens, Token, t);
      gboolean sentence_start = t == 0 || g_array_index (tokens, Token, t - 1).last_of_line;

      g_string_append_len (out, text + tok->byte, tok->n_bytes);
      g_string_append_printf (out, " %u %u", _mg_export_offset (ctx, doc, tok->start),
                              _mg_export_offset (ctx, doc, tok->end));
      for (guint k = 0; k < n_labels; k++)
        {
          switch (columns[k][t])
            {
            case TAG_B: g_string_append_printf (out, " B-%s", names[k]); break;
            case TAG_I: g_string_append_printf (out, sentence_start ? " B-%s" : " I-%s", names[k]); break;
            default: g_string_append (out, " O");
            }
        }
      g_string_append_c (out, '\n');
      if (tok->last_of_line)
        g_string_append_c (out, '\n');
    }

  for (guint k = 0; k < n_labels; k++)
    g_free (columns[k]);
}

gboolean
_mg_export_conll (MgExportContext  *ctx,
                  GError          **error)
{
  MgLabelSet *labels = mg_dataset_get_labels (ctx->dataset);
  guint n_labels = mg_label_set_get_n_labels (labels);
  g_auto(GStrv) names = g_new0 (char *, n_labels + 1);

  for (guint k = 0; k < n_labels; k++)
    names[k] = tag_name (mg_label_get_id (mg_label_set_get_label (labels, k)));

  for (guint d = 0; d < mg_dataset_get_n_documents (ctx->dataset); d++)
    {
      write_document (ctx, mg_dataset_get_document (ctx->dataset, d), names);
      if (!_mg_export_document_done (ctx, error))
        return FALSE;
    }

  return TRUE;
}
