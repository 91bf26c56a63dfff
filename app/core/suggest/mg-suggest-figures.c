/* mg-suggest-figures.c: numbers used as evidence
 *
 * A figure is a number with what it counts or measures: its currency
 * before or after it ($4.2 million, 4,2 Mio. €), its percent (4.5%, 12,5 %,
 * 3 per cent), its scale word, its unit or the plural noun it counts
 * (300,000 troops), digit groups split by spaces (1 200 000 tonnes), and a
 * range (10-12%, between 3 and 5 million); a written number that counts
 * something (three people, a dozen ships); a date with its year, or a
 * year after a preposition ("since 2014"). Not figures: a paragraph's
 * list number, a capitals dateline's date, times of day, ordinals, a
 * number that is part of a name (Boeing 737, Article 5) and short lines
 * of page furniture (Page 3, Photo 2 of 5).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-suggest"

#include "config.h"

#include <string.h>

#include "mg-suggest-private.h"

#define MIN_PARAGRAPH_WORDS 5

static gboolean
is_number (Ctx   *ctx,
           guint  i)
{
  return i < ctx->tokens->len && TOK (ctx, i)->kind == TOK_NUMBER;
}

static gboolean
touching (Ctx   *ctx,
          guint  i)
{
  return i < ctx->tokens->len && !(TOK (ctx, i)->flags & (TF_SPACE | TF_PARA_START));
}

static gboolean
is_plural_noun (Ctx   *ctx,
                guint  i)
{
  Token *t = TOK (ctx, i);
  gsize n = strlen (t->lower);

  return t->kind == TOK_WORD && !(t->flags & TF_CAPITAL) && n >= 4 && t->lower[n - 1] == 's' &&
         t->lower[n - 2] != 's' && t->lower[n - 2] != '\'' &&
         !_mg_suggest_in_list (ctx, LIST_FUNCTION_WORDS, i) &&
         !_mg_suggest_in_list (ctx, LIST_SPEECH_VERBS, i);
}

/* Digits only, and how many. */
static guint
plain_digits (Ctx   *ctx,
              guint  i)
{
  Token *t = TOK (ctx, i);

  for (guint k = t->start; k < t->end; k++)
    if (!g_unichar_isdigit (ctx->u[k]))
      return 0;
  return t->end - t->start;
}

/* Extends a number over "1 200 000", its percent, scale, currency and
 * unit; returns the last token. */
static guint
number_tail (Ctx   *ctx,
             guint  i)
{
  guint last = i, n;

  while (plain_digits (ctx, last + 1) == 3 && plain_digits (ctx, last) > 0 &&
         plain_digits (ctx, last) <= 3 && (TOK (ctx, last + 1)->flags & TF_SPACE) &&
         TOK (ctx, last + 1)->start == TOK (ctx, last)->end + 1)
    last++;
  if (last + 1 < ctx->tokens->len && ctx->u[TOK (ctx, last + 1)->start] == '%')
    return last + 1;
  if ((n = _mg_suggest_match_phrase (ctx, LIST_SCALE_WORDS, last + 1, 1)) > 0)
    last += n;
  if ((n = _mg_suggest_match_phrase (ctx, LIST_CURRENCIES, last + 1, 2)) > 0)
    return last + n;
  if ((n = _mg_suggest_match_phrase (ctx, LIST_UNITS, last + 1, 3)) > 0)
    return last + n;
  if (last + 1 < ctx->tokens->len && is_plural_noun (ctx, last + 1) &&
      TOK (ctx, last + 1)->sentence == TOK (ctx, i)->sentence)
    return last + 1;
  return last;
}

/* A currency sign or code right before the number. */
static guint
number_head (Ctx   *ctx,
             guint  i)
{
  guint n;

  if (i == 0)
    return i;
  for (guint back = MIN (i, 2); back >= 1; back--)
    if ((n = _mg_suggest_match_phrase (ctx, LIST_CURRENCIES, i - back, back)) == back &&
        (back == 1 || touching (ctx, i - 1)))
      return i - back;
  return i;
}

/* "10-12%", "3 to 5 million", "between 3 and 5". */
static guint
range_tail (Ctx   *ctx,
            guint  first,
            guint  last)
{
  guint next = last + 1;

  if (next + 1 >= ctx->tokens->len)
    return last;
  /* "from 5.1% to 3.9%" is a change between two figures; "3 to 5
   * million" one range. */
  if ((_mg_suggest_is_punct (ctx, next, '-') || _mg_suggest_is_punct (ctx, next, 0x2013) ||
       (strcmp (TOK (ctx, next)->lower, "to") == 0 && TOK (ctx, last)->kind == TOK_NUMBER) ||
       (strcmp (TOK (ctx, next)->lower, "and") == 0 && first > 0 &&
        strcmp (TOK (ctx, first - 1)->lower, "between") == 0)) &&
      (is_number (ctx, next + 1) || (_mg_suggest_is_punct (ctx, next + 1, '$') && is_number (ctx, next + 2))))
    return number_tail (ctx, is_number (ctx, next + 1) ? next + 1 : next + 2);
  return last;
}

static gboolean
is_time_or_ordinal (Ctx   *ctx,
                    guint  i)
{
  Token *t = TOK (ctx, i);
  const char *w = t->lower;
  gsize n = strlen (w);

  if (touching (ctx, i + 1) && (_mg_suggest_is_punct (ctx, i + 1, ':')) && is_number (ctx, i + 2))
    return TRUE;
  /* "8 a.m.", "10 pm". */
  if (i + 1 < ctx->tokens->len && (g_str_has_prefix (TOK (ctx, i + 1)->lower, "a.m") ||
                                   g_str_has_prefix (TOK (ctx, i + 1)->lower, "p.m") ||
                                   strcmp (TOK (ctx, i + 1)->lower, "am") == 0 ||
                                   strcmp (TOK (ctx, i + 1)->lower, "pm") == 0))
    return TRUE;
  if (i > 0 && touching (ctx, i) && _mg_suggest_is_punct (ctx, i - 1, ':'))
    return TRUE;
  return n > 2 && (g_str_has_suffix (w, "st") || g_str_has_suffix (w, "nd") ||
                   g_str_has_suffix (w, "rd") || g_str_has_suffix (w, "th")) &&
         g_ascii_isdigit (w[n - 3]);
}

/* The paragraph's list number ("1." or "2)") or a number in its capitals
 * dateline ("PARIS, Nov. 19 (AFP) —"). */
static gboolean
is_furniture (Ctx   *ctx,
              guint  i,
              guint  para_start,
              guint  para_words)
{
  if (para_words < MIN_PARAGRAPH_WORDS)
    return TRUE;
  if (i == para_start && (_mg_suggest_is_punct (ctx, i + 1, '.') || _mg_suggest_is_punct (ctx, i + 1, ')')))
    return TRUE;
  if (TOK (ctx, para_start)->flags & TF_ALL_CAPS)
    {
      for (guint k = para_start; k < i; k++)
        if (_mg_suggest_is_punct (ctx, k, 0x2014) || _mg_suggest_is_punct (ctx, k, 0x2013) ||
            _mg_suggest_is_punct (ctx, k, '-') || TOK (ctx, k)->sentence != TOK (ctx, i)->sentence)
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

/* A number inside a name: "Boeing 737", "Article 5", "Route 66". */
static gboolean
is_in_name (Ctx   *ctx,
            guint  i,
            guint  last)
{
  Token *before = i > 0 ? TOK (ctx, i - 1) : NULL;

  return last == i && before != NULL && before->kind == TOK_WORD && (before->flags & TF_CAPITAL) &&
         !_mg_suggest_in_list (ctx, LIST_FUNCTION_WORDS, i - 1) && !_mg_suggest_in_list (ctx, LIST_MONTHS, i - 1) &&
         plain_digits (ctx, i) > 0 && plain_digits (ctx, i) <= 4;
}

static gboolean
is_year (Ctx   *ctx,
         guint  i)
{
  Token *t = TOK (ctx, i);

  return plain_digits (ctx, i) == 4 && (ctx->u[t->start] == '1' || ctx->u[t->start] == '2') &&
         (ctx->u[t->start + 1] == '9' || ctx->u[t->start + 1] == '0');
}

/* "Nov. 19, 2015", "19 November 2015", "since 2014"; returns the date's
 * last token, or -1 when the number is no date. */
static int
date_at (Ctx   *ctx,
         guint  i,
         guint *first)
{
  static const char * const preps[] = { "in", "since", "by", "until", "from", "before", "after", "of",
                                        "between", NULL };
  guint k = i;

  *first = i;
  if (i > 0 && _mg_suggest_in_list (ctx, LIST_MONTHS, i - 1))
    *first = i - 1;
  else if (i > 1 && _mg_suggest_is_punct (ctx, i - 1, '.') && _mg_suggest_in_list (ctx, LIST_MONTHS, i - 2))
    *first = i - 2;
  if (*first < i)
    {
      if (is_year (ctx, i))
        return i;
      k = i + (_mg_suggest_is_punct (ctx, i + 1, ',') ? 2 : 1);
      return is_year (ctx, k) ? (int)k : -1;
    }
  if (_mg_suggest_in_list (ctx, LIST_MONTHS, i + 1) && plain_digits (ctx, i) <= 2)
    return is_year (ctx, i + 2) ? (int)i + 2 : -1;
  if (is_year (ctx, i) && i > 0 && _mg_suggest_word_in (ctx, i - 1, preps))
    {
      /* "between 2020 and 2023", "2019-2021": one span. */
      if (i + 2 < ctx->tokens->len && is_year (ctx, i + 2) &&
          (strcmp (TOK (ctx, i + 1)->lower, "and") == 0 || strcmp (TOK (ctx, i + 1)->lower, "to") == 0 ||
           _mg_suggest_is_punct (ctx, i + 1, '-') || _mg_suggest_is_punct (ctx, i + 1, 0x2013)))
        return i + 2;
      return i;
    }
  return -1;
}

/* A written number that counts something: "three people", "a dozen
 * ships", "dozens of homes", "two million". */
static guint
written_number (Ctx   *ctx,
                guint  i)
{
  guint n = _mg_suggest_match_phrase (ctx, LIST_NUMBER_WORDS, i, 2);
  guint next, m;
  const char *w;

  if (n == 0 || ((TOK (ctx, i)->flags & TF_CAPITAL) && !(TOK (ctx, i)->flags & TF_SENT_START)))
    return 0;
  next = i + n;
  w = TOK (ctx, next - 1)->lower;
  if (next + 1 < ctx->tokens->len && _mg_suggest_in_list (ctx, LIST_NUMBER_WORDS, next + 1) &&
      (strcmp (TOK (ctx, next)->lower, "in") == 0 || strcmp (TOK (ctx, next)->lower, "of") == 0))
    return next + 2 - i;  /* "six in ten" */
  if (next + 3 < ctx->tokens->len && strcmp (TOK (ctx, next)->lower, "of") == 0 &&
      strcmp (TOK (ctx, next + 1)->lower, "the") == 0 && _mg_suggest_in_list (ctx, LIST_NUMBER_WORDS, next + 3))
    return next + 4 - i;  /* "nine of the last ten" */
  if (next < ctx->tokens->len && (strcmp (TOK (ctx, next)->lower, "more") == 0 ||
                                  strcmp (TOK (ctx, next)->lower, "fewer") == 0))
    return next + 1 - i;  /* "eleven more" */
  if (next < ctx->tokens->len && strcmp (TOK (ctx, next)->lower, "of") == 0)
    {
      /* A fraction is the figure ("half of all homes"); a plural count
       * takes what it counts ("dozens of soldiers"). */
      if (w[strlen (w) - 1] != 's')
        return n;
      next++;
      if (next < ctx->tokens->len && _mg_suggest_in_list (ctx, LIST_FUNCTION_WORDS, next) &&
          !_mg_suggest_in_list (ctx, LIST_NUMBER_WORDS, next))
        next++;
    }
  if ((m = _mg_suggest_match_phrase (ctx, LIST_SCALE_WORDS, next, 1)) > 0)
    return number_tail (ctx, next + m - 1) - i + 1;
  if ((m = _mg_suggest_match_phrase (ctx, LIST_UNITS, next, 2)) > 0)
    return next + m - i;
  if (next < ctx->tokens->len && is_plural_noun (ctx, next))
    return next + 1 - i;
  return 0;
}

static guint
count_paragraph_words (Ctx   *ctx,
                       guint  first,
                       guint *end)
{
  guint words = 0, k = first;

  do
    {
      words += TOK (ctx, k)->kind != TOK_PUNCT && TOK (ctx, k)->kind != TOK_QUOTE;
      k++;
    }
  while (k < ctx->tokens->len && !(TOK (ctx, k)->flags & TF_PARA_START));
  *end = k;
  return words;
}

void
_mg_suggest_figures (Ctx *ctx)
{
  guint para_start = 0, para_end = 0, para_words = 0;

  for (guint i = 0; i < ctx->tokens->len; i++)
    {
      guint first = i, last;
      int date;

      if (i >= para_end)
        {
          para_start = i;
          para_words = count_paragraph_words (ctx, i, &para_end);
        }
      if (SENT (ctx, TOK (ctx, i)->sentence)->headline)
        continue;
      if (TOK (ctx, i)->kind == TOK_WORD && (last = written_number (ctx, i)) > 0)
        {
          _mg_suggest_add_span (ctx, "figure", TOK (ctx, i)->start, TOK (ctx, i + last - 1)->end,
                                "figure-written");
          i += last - 1;
          continue;
        }
      if (!is_number (ctx, i) || is_time_or_ordinal (ctx, i) ||
          is_furniture (ctx, i, para_start, para_words))
        continue;
      if ((date = date_at (ctx, i, &first)) >= 0)
        {
          _mg_suggest_add_span (ctx, "figure", TOK (ctx, first)->start, TOK (ctx, date)->end, "figure-date");
          i = date;
          continue;
        }
      if (is_year (ctx, i) || (plain_digits (ctx, i) > 0 && _mg_suggest_in_list (ctx, LIST_MONTHS, i + 1)))
        continue;
      first = number_head (ctx, i);
      last = range_tail (ctx, first, number_tail (ctx, i));
      if (is_in_name (ctx, first, last))
        continue;
      _mg_suggest_add_span (ctx, "figure", TOK (ctx, first)->start, TOK (ctx, last)->end, "figure-number");
      i = last;
    }
}
