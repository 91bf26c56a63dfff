/* mg-text-search.c: finding a phrase in a document and over a dataset
 *
 * Matching is by Unicode case folding and canonical decomposition, so "STRASSE"
 * finds "Straße" and a precomposed "é" finds one written as e and U+0301;
 * with diacritics ignored the combining marks are dropped, so "Ozil" finds
 * "Özil". Folding changes lengths, so each document is folded into a
 * sequence of code points that remembers, for every one, the character of
 * the text it came from: a match starts at the first and ends after the last
 * of whole characters, and the offsets it gives are the format's code points.
 *
 * Folding a character costs a table lookup: the folds of the Basic
 * Multilingual Plane are worked out once, on first use, with GLib's own
 * case folding and decomposition; the rare characters above it fold by
 * their lower case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-text-search"

#include "config.h"

#include <string.h>

#include "mg-text-search.h"

/* A fold longer than this (no BMP character's is) keeps the character. */
#define MAX_FOLD 6

typedef struct
{
  guint8   len;
  gunichar chars[MAX_FOLD];
} Fold;

/* [0] keeps diacritics, [1] drops them. */
static Fold *fold_tables[2];

static void
fold_char_slow (gunichar c,
                gboolean strip_marks,
                Fold    *out)
{
  char utf8[8];
  g_autofree char *folded = NULL;
  guint n = 0;

  utf8[g_unichar_to_utf8 (c, utf8)] = '\0';
  folded = g_utf8_casefold (utf8, -1);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize nd = g_unichar_fully_decompose (g_utf8_get_char (p), FALSE, d, G_N_ELEMENTS (d));

      for (gsize i = 0; i < nd; i++)
        {
          if (strip_marks && g_unichar_ismark (d[i]))
            continue;
          if (n == MAX_FOLD)
            {
              out->len = 1;
              out->chars[0] = c;
              return;
            }
          out->chars[n++] = d[i];
        }
    }
  out->len = (guint8) n;
}

static gpointer
build_tables (gpointer data)
{
  for (guint t = 0; t < 2; t++)
    {
      fold_tables[t] = g_new (Fold, 0x10000);
      for (gunichar c = 0; c < 0x10000; c++)
        {
          Fold *f = &fold_tables[t][c];

          /* ASCII folds by lower case; a lone surrogate never decodes. */
          f->len = 1;
          if (c < 0x80)
            f->chars[0] = (gunichar) g_ascii_tolower ((char) c);
          else if (c >= 0xD800 && c < 0xE000)
            f->chars[0] = c;
          else
            fold_char_slow (c, t == 1, f);
        }
    }
  return NULL;
}

static void
ensure_tables (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, build_tables, NULL);
}

/* The fold of @c, in @buf when it is not in a table. */
static inline const gunichar *
fold_char (const Fold *table,
           gunichar    c,
           gunichar   *buf,
           guint      *len)
{
  if (G_LIKELY (c < 0x10000))
    {
      *len = table[c].len;
      return table[c].chars;
    }
  buf[0] = g_unichar_tolower (c);
  *len = 1;
  return buf;
}

struct _MgTextSearch
{
  char       *needle;
  const Fold *table;
  GArray     *folded;   /* of gunichar */
};

/**
 * mg_text_search_new:
 * @needle: the phrase to find, UTF-8
 *
 * Returns: (transfer full) (nullable): the search, or %NULL when @needle
 *   has nothing to find (empty, or only marks with diacritics ignored)
 */
MgTextSearch *
mg_text_search_new (const char        *needle,
                    MgTextSearchFlags  flags)
{
  MgTextSearch *self;

  g_return_val_if_fail (needle != NULL, NULL);

  if (!g_utf8_validate (needle, -1, NULL))
    return NULL;

  ensure_tables ();
  self = g_new0 (MgTextSearch, 1);
  self->needle = g_strdup (needle);
  self->table = fold_tables[(flags & MG_TEXT_SEARCH_IGNORE_DIACRITICS) ? 1 : 0];
  self->folded = g_array_new (FALSE, FALSE, sizeof (gunichar));

  for (const char *p = needle; *p; p = g_utf8_next_char (p))
    {
      gunichar buf[1];
      guint len;
      const gunichar *f = fold_char (self->table, g_utf8_get_char (p), buf, &len);

      g_array_append_vals (self->folded, f, len);
    }

  if (self->folded->len == 0)
    {
      mg_text_search_free (self);
      return NULL;
    }

  return self;
}

void
mg_text_search_free (MgTextSearch *self)
{
  if (self == NULL)
    return;

  g_free (self->needle);
  g_array_unref (self->folded);
  g_free (self);
}

const char *
mg_text_search_get_needle (MgTextSearch *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->needle;
}

/**
 * mg_text_search_text:
 * @text: valid UTF-8
 * @n_bytes: its length in bytes
 *
 * Matches never overlap: after one, the next is looked for past its end.
 *
 * Returns: (transfer full) (element-type MgTextMatch): the matches, in order
 */
GArray *
mg_text_search_text (MgTextSearch *self,
                     const char   *text,
                     gsize         n_bytes)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (MgTextMatch));
  g_autofree gunichar *folded = NULL;
  g_autofree guint *source = NULL;
  const gunichar *needle;
  gunichar first;
  guint m, n = 0, n_chars = 0;
  gsize cap;
  const char *p, *end = text + n_bytes;

  g_return_val_if_fail (self != NULL, matches);
  g_return_val_if_fail (text != NULL || n_bytes == 0, matches);

  needle = (const gunichar *) (gpointer) self->folded->data;
  m = self->folded->len;
  first = needle[0];

  /* Most text folds to as many code points as it has characters. */
  cap = n_bytes + MAX_FOLD;
  folded = g_new (gunichar, cap);
  source = g_new (guint, cap);

  for (p = text; p < end; n_chars++)
    {
      guchar b = (guchar) *p;
      gunichar c, buf[1];
      const gunichar *f;
      guint len;

      /* ASCII needs neither decoding nor a look-up beyond the table. */
      if (b < 0x80)
        {
          c = b;
          p++;
        }
      else
        {
          c = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
        }
      f = fold_char (self->table, c, buf, &len);

      if (G_UNLIKELY (n + len > cap))
        {
          cap *= 2;
          folded = g_renew (gunichar, folded, cap);
          source = g_renew (guint, source, cap);
        }
      for (guint i = 0; i < len; i++)
        {
          folded[n] = f[i];
          source[n++] = n_chars;
        }
    }

  for (guint i = 0; i + m <= n; i++)
    {
      guint start, stop;

      if (folded[i] != first)
        continue;
      if (memcmp (folded + i + 1, needle + 1, (m - 1) * sizeof (gunichar)) != 0)
        continue;

      /* Whole characters only: "ss" does not find half of "ß". */
      if (i > 0 && source[i - 1] == source[i])
        continue;
      if (i + m < n && source[i + m] == source[i + m - 1])
        continue;
      /* A mark left after the match belongs to its last letter's cluster. */
      if (i + m < n && g_unichar_ismark (folded[i + m]))
        continue;

      start = source[i];
      /* Characters that fold to nothing (marks, with diacritics ignored)
       * after the match are part of it. */
      stop = i + m < n ? source[i + m] : n_chars;
      g_array_append_val (matches, ((MgTextMatch) { start, stop }));
      i += m - 1;
    }

  return matches;
}

/**
 * mg_text_search_document:
 *
 * Returns: (transfer full) (element-type MgTextMatch): the matches in
 *   @document's text, in order
 */
GArray *
mg_text_search_document (MgTextSearch *self,
                         MgDocument   *document)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (document), NULL);

  return mg_text_search_text (self, mg_document_get_text (document),
                              mg_document_get_text_bytes (document));
}

/**
 * mg_text_search_dataset:
 *
 * Returns: (transfer full): a list of #MgTextHit, document after document
 *   in the dataset's order
 */
GListModel *
mg_text_search_dataset (MgTextSearch *self,
                        MgDataset    *dataset)
{
  GListStore *hits = g_list_store_new (MG_TYPE_TEXT_HIT);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (MG_IS_DATASET (dataset), G_LIST_MODEL (hits));

  for (guint d = 0; d < mg_dataset_get_n_documents (dataset); d++)
    {
      MgDocument *document = mg_dataset_get_document (dataset, d);
      g_autoptr(GArray) matches = mg_text_search_document (self, document);

      for (guint i = 0; i < matches->len; i++)
        {
          const MgTextMatch *match = &g_array_index (matches, MgTextMatch, i);

          g_ptr_array_add (items, mg_text_hit_new (document, match->start, match->end));
        }
    }

  /* One splice: a signal per item would cost more than the search. */
  g_list_store_splice (hits, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (hits);
}
