/* mg-suggest-tokens.c: words, numbers, sentences and paragraphs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-suggest"

#include "config.h"

#include <string.h>

#include "mg-suggest-private.h"

#define MAX_PHRASE_BYTES 128

static gboolean
is_quote_mark (gunichar c)
{
  switch (c)
    {
    case '"': case '\'': case 0x201C: case 0x201D: case 0x2018: case 0x2019:
    case 0x201E: case 0x201A: case 0x00AB: case 0x00BB: case 0x2039: case 0x203A:
    case 0x300C: case 0x300D: case 0x300E: case 0x300F:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* The end of the word or number at @i: letters and digits, with inner
 * apostrophes (O’Malley, don't), hyphens (al-Assad), dots between single
 * letters (U.S., a.m.) and digit separators (1,200.5). */
static guint
word_end (Ctx   *ctx,
          guint  i,
          gboolean *number)
{
  const gunichar *u = ctx->u;
  guint n = ctx->n_chars;

  *number = g_unichar_isdigit (u[i]);
  while (i < n)
    {
      if (is_word_char (u[i]))
        i++;
      else if (i + 1 < n && is_word_char (u[i + 1]) && i > 0 &&
               ((is_apostrophe (u[i]) && g_unichar_isalpha (u[i - 1]) && g_unichar_isalpha (u[i + 1])) ||
                ((u[i] == '-' || u[i] == 0x2011) && !*number) ||
                ((u[i] == ',' || u[i] == '.') && *number && g_unichar_isdigit (u[i + 1]) && g_unichar_isdigit (u[i - 1])) ||
                (u[i] == '.' && !*number && g_unichar_isalpha (u[i + 1]) && g_unichar_isalpha (u[i - 1]) &&
                 (i < 2 || !g_unichar_isalpha (u[i - 2])) &&
                 (i + 2 >= n || !g_unichar_isalpha (u[i + 2])))))
        i++;
      else
        break;
    }
  /* U.S. keeps its last dot. */
  if (i < n && u[i] == '.' && i >= 3 && u[i - 2] == '.' && g_unichar_isalpha (u[i - 1]))
    i++;
  return i;
}

static const char *
lower_of (Ctx   *ctx,
          guint  start,
          guint  end)
{
  char buf[MAX_PHRASE_BYTES + 8];
  gsize len = 0;

  for (guint i = start; i < end && len < MAX_PHRASE_BYTES; i++)
    {
      gunichar c = g_unichar_tolower (ctx->u[i]);

      if (c == 0x2019)
        c = '\'';
      len += g_unichar_to_utf8 (c, buf + len);
    }
  buf[len] = '\0';
  return g_string_chunk_insert_const (ctx->strings, buf);
}

static void
flag_case (Ctx   *ctx,
           Token *t)
{
  guint upper = 0, letters = 0;

  for (guint i = t->start; i < t->end; i++)
    if (g_unichar_isalpha (ctx->u[i]))
      {
        letters++;
        if (g_unichar_isupper (ctx->u[i]) || g_unichar_istitle (ctx->u[i]))
          upper++;
      }
  if (letters > 0 && (g_unichar_isupper (ctx->u[t->start]) || g_unichar_istitle (ctx->u[t->start])))
    t->flags |= TF_CAPITAL;
  if (letters >= 2 && upper == letters)
    t->flags |= TF_ALL_CAPS;
}

static void
split_tokens (Ctx *ctx)
{
  guint paragraph = 0;
  guint8 pending = TF_PARA_START;

  for (guint i = 0; i < ctx->n_chars;)
    {
      gunichar c = ctx->u[i];
      Token t = { i, i + 1, 0, 0, NULL, 0, TOK_PUNCT, 0 };
      gboolean number = FALSE;

      if (c == '\n' || c == 0x2029)
        {
          if (!(pending & TF_PARA_START))
            paragraph++;
          pending |= TF_PARA_START | TF_SPACE;
          i++;
          continue;
        }
      if (g_unichar_isspace (c))
        {
          pending |= TF_SPACE;
          i++;
          continue;
        }
      if (is_word_char (c))
        {
          t.end = word_end (ctx, i, &number);
          t.kind = number ? TOK_NUMBER : TOK_WORD;
        }
      else if (is_quote_mark (c))
        {
          t.kind = TOK_QUOTE;
          /* Two apostrophes are one double quote mark in some archives. */
          if (c == '\'' && i + 1 < ctx->n_chars && ctx->u[i + 1] == '\'')
            t.end = i + 2;
        }
      t.paragraph = paragraph;
      t.flags = pending;
      pending = 0;
      t.lower = lower_of (ctx, t.start, t.end);
      flag_case (ctx, &t);
      /* The lists are asked once a token, not once a rule. */
      t.lists = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->masks, t.lower));
      /* "he’d", "she's", "they’re": a pronoun with its verb is the
       * pronoun, as a subject; "Trump's" is no pronoun, as its first part
       * is none. */
      if (t.kind == TOK_WORD && !(t.lists & (1u << LIST_PRONOUNS)))
        {
          const char *apostrophe = strstr (t.lower, "’");

          if (apostrophe == NULL)
            apostrophe = strchr (t.lower, '\'');
          if (apostrophe != NULL && apostrophe > t.lower)
            {
              g_autofree char *head = g_strndup (t.lower, apostrophe - t.lower);

              t.lists |= GPOINTER_TO_UINT (g_hash_table_lookup (ctx->masks, head)) & (1u << LIST_PRONOUNS);
            }
        }
      g_array_append_val (ctx->tokens, t);
      i = t.end;
    }
}

/* An abbreviation's dot does not end a sentence: honorifics, months,
 * single capitals (initials) and a few more. */
static gboolean
is_abbreviation (Ctx   *ctx,
                 guint  token)
{
  static const char * const more[] = { "no", "st", "jr", "sr", "vs", "etc", "inc", "corp", "co", "ltd",
                                       "gov", "sen", "rep", "gen", "a.m", "p.m", "approx", "ft", "mt", NULL };
  Token *t = TOK (ctx, token);
  char key[MAX_PHRASE_BYTES + 2];

  if (t->kind != TOK_WORD)
    return FALSE;
  if (t->end - t->start == 1 && (t->flags & TF_CAPITAL))
    return TRUE;
  if (g_str_has_suffix (t->lower, "."))
    return TRUE;
  g_snprintf (key, sizeof key, "%s.", t->lower);
  if (g_hash_table_contains (ctx->lists[LIST_HONORIFICS], key) ||
      g_hash_table_contains (ctx->lists[LIST_MONTHS], key))
    return TRUE;
  return _mg_suggest_word_in (ctx, token, more);
}

static gboolean
ends_sentence (Ctx   *ctx,
               guint  i)
{
  Token *t = TOK (ctx, i);
  gunichar c = ctx->u[t->start];
  guint next = i + 1;

  if (t->kind != TOK_PUNCT || !(c == '.' || c == '!' || c == '?' || c == 0x2026))
    return FALSE;
  if (c == '.' && i > 0 && !(t->flags & TF_SPACE) && is_abbreviation (ctx, i - 1))
    return FALSE;
  /* Closing quote marks and brackets stay with the sentence they close. */
  while (next < ctx->tokens->len && !(TOK (ctx, next)->flags & TF_SPACE) &&
         (TOK (ctx, next)->kind == TOK_QUOTE || ctx->u[TOK (ctx, next)->start] == ')'))
    next++;
  if (next >= ctx->tokens->len || (TOK (ctx, next)->flags & TF_PARA_START))
    return TRUE;
  t = TOK (ctx, next);
  return (t->flags & TF_SPACE) &&
         ((t->flags & TF_CAPITAL) || t->kind == TOK_QUOTE || t->kind == TOK_NUMBER);
}

/* A paragraph whose words are mostly capitalised is a headline. */
static gboolean
is_headline (Ctx      *ctx,
             Sentence *s)
{
  guint words = 0, capitals = 0;

  for (guint i = s->start; i < s->end; i++)
    {
      Token *t = TOK (ctx, i);

      if (t->kind != TOK_WORD)
        continue;
      words++;
      if (t->flags & TF_CAPITAL)
        capitals++;
    }
  return words >= 2 && capitals * 10 >= words * 7;
}

static void
split_sentences (Ctx *ctx)
{
  Sentence s = { 0, 0, FALSE };

  for (guint i = 0; i < ctx->tokens->len; i++)
    {
      Token *t = TOK (ctx, i);

      if (i > s.start && (t->flags & TF_PARA_START))
        {
          s.end = i;
          s.headline = is_headline (ctx, &s);
          g_array_append_val (ctx->sentences, s);
          s.start = i;
        }
      t->sentence = ctx->sentences->len;
      if (ends_sentence (ctx, i))
        {
          guint end = i + 1;

          while (end < ctx->tokens->len && !(TOK (ctx, end)->flags & (TF_SPACE | TF_PARA_START)))
            TOK (ctx, end)->sentence = ctx->sentences->len, end++;
          s.end = end;
          s.headline = is_headline (ctx, &s);
          g_array_append_val (ctx->sentences, s);
          s.start = end;
          i = end - 1;
        }
    }
  if (s.start < ctx->tokens->len)
    {
      s.end = ctx->tokens->len;
      s.headline = is_headline (ctx, &s);
      g_array_append_val (ctx->sentences, s);
    }
}

/* Marks the first word of each sentence, and notes which words the text
 * capitalises inside sentences, where capitals mean names. */
static void
mark_sentence_starts (Ctx *ctx)
{
  for (guint s = 0; s < ctx->sentences->len; s++)
    {
      Sentence *sent = SENT (ctx, s);
      gboolean first = TRUE;

      for (guint i = sent->start; i < sent->end; i++)
        {
          Token *t = TOK (ctx, i);

          if (t->kind == TOK_WORD || t->kind == TOK_NUMBER)
            {
              if (first)
                t->flags |= TF_SENT_START;
              else if ((t->flags & TF_CAPITAL) && !(t->flags & TF_ALL_CAPS) && !sent->headline &&
                       !(i > 0 && TOK (ctx, i - 1)->kind == TOK_QUOTE))
                {
                  g_hash_table_add (ctx->capitalised_inside, (gpointer)t->lower);
                  /* "Rutte" of "Mark Rutte" or alone, not "Port" of
                   * "Lowerhaven Port Authority". */
                  if (!(i + 1 < sent->end && (TOK (ctx, i + 1)->flags & TF_CAPITAL)))
                    g_hash_table_add (ctx->capitalised_last, (gpointer)t->lower);
                }
              first = FALSE;
            }
          else if (ctx->u[t->start] == ':' || TOK (ctx, i)->kind == TOK_QUOTE)
            first = first || ctx->u[t->start] == ':';
        }
    }
}

void
_mg_suggest_tokenize (Ctx *ctx)
{
  ctx->tokens = g_array_sized_new (FALSE, FALSE, sizeof (Token), ctx->n_chars / 5 + 16);
  ctx->sentences = g_array_new (FALSE, FALSE, sizeof (Sentence));
  ctx->strings = g_string_chunk_new (64 * 1024);
  ctx->capitalised_inside = g_hash_table_new (g_str_hash, g_str_equal);
  ctx->capitalised_last = g_hash_table_new (g_str_hash, g_str_equal);
  split_tokens (ctx);
  split_sentences (ctx);
  mark_sentence_starts (ctx);
  ctx->in_quote = g_new0 (guint8, ctx->tokens->len + 1);
}

gboolean
_mg_suggest_in_list (Ctx    *ctx,
                     ListId  list,
                     guint   token)
{
  return token < ctx->tokens->len && (TOK (ctx, token)->lists & (1u << list)) != 0;
}

gboolean
_mg_suggest_is_punct (Ctx      *ctx,
                      guint     token,
                      gunichar  c)
{
  return token < ctx->tokens->len && TOK (ctx, token)->kind != TOK_WORD &&
         ctx->u[TOK (ctx, token)->start] == c && TOK (ctx, token)->end == TOK (ctx, token)->start + 1;
}

/* The number of tokens from @token that make the longest entry of @list
 * (entries of several words are separated by one space), at most @limit. */
guint
_mg_suggest_match_phrase (Ctx    *ctx,
                          ListId  list,
                          guint   token,
                          guint   limit)
{
  char buf[MAX_PHRASE_BYTES * 2];
  gsize len = 0;
  guint best = 0;

  for (guint k = 0; k < limit && token + k < ctx->tokens->len; k++)
    {
      const char *w = TOK (ctx, token + k)->lower;
      gsize wl = strlen (w);

      if (len + wl + 2 >= sizeof buf)
        break;
      /* "per cent" but "km/h": a space only where the text has one. */
      if (k > 0 && (TOK (ctx, token + k)->flags & TF_SPACE))
        buf[len++] = ' ';
      memcpy (buf + len, w, wl);
      len += wl;
      buf[len] = '\0';
      if (g_hash_table_contains (ctx->lists[list], buf))
        best = k + 1;
    }
  return best;
}

/* A month's name is a month beside a number, with its abbreviation's dot
 * or after a word of time ("in March"); else "May" or "Jan" may well be a
 * name. */
gboolean
_mg_suggest_is_month (Ctx   *ctx,
                      guint  i)
{
  static const char * const before[] = { "in", "since", "by", "until", "from", "of", "last", "next", "this",
                                         "early", "late", "mid", "during", "before", "after", "through", NULL };

  if (!_mg_suggest_in_list (ctx, LIST_MONTHS, i))
    return FALSE;
  if (i + 1 < ctx->tokens->len &&
      (TOK (ctx, i + 1)->kind == TOK_NUMBER ||
       (_mg_suggest_is_punct (ctx, i + 1, '.') && !(TOK (ctx, i + 1)->flags & TF_SPACE))))
    return TRUE;
  if (i == 0)
    return FALSE;
  return TOK (ctx, i - 1)->kind == TOK_NUMBER || _mg_suggest_word_in (ctx, i - 1, before);
}

/* Whether token @i, in lower case, is one of the nul-terminated @words:
 * the closed classes the rules read (determiners, prepositions of time). */
gboolean
_mg_suggest_word_in (Ctx                *ctx,
                     guint               i,
                     const char * const *words)
{
  if (i >= ctx->tokens->len)
    return FALSE;
  for (guint k = 0; words[k] != NULL; k++)
    if (strcmp (TOK (ctx, i)->lower, words[k]) == 0)
      return TRUE;
  return FALSE;
}
