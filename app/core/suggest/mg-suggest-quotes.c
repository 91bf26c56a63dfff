/* mg-suggest-quotes.c: direct quotes, reported speech and their speakers
 *
 * Direct quotes: an opening mark pairs with its closing mark in the same
 * paragraph, by every common convention (“ ” ‘ ’ " " „ “ « » » « ‹ ›
 * 「 」 『 』); marks inside an open quote are nested and stay inside it. A
 * mark opens only with a space or an opening bracket before it and a
 * letter after it, so apostrophes (don’t, the Khans’ son) never open or
 * close one. A paragraph that ends inside a quote and a next paragraph
 * that opens with a mark is the news convention for a quote that goes on:
 * the quote spans both. Quotes of fewer than four words with no speaker
 * beside them are terms in quotes ("so-called “reforms”"), not quotes.
 *
 * Reported speech: a speech verb with its speaker before it and a clause
 * after it ("Rutte said (that) ..."), or a clause before it and the
 * speaker beside it ("..., officials said."), and "according to X".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-suggest"

#include "config.h"

#include <string.h>

#include "mg-suggest-private.h"

#define MAX_DEPTH 8
#define MIN_QUOTE_WORDS 2
#define MIN_CLAUSE_WORDS 3
#define SPEAKER_WINDOW 8

typedef struct {
  gunichar mark;
  guint    token;
} Open;

static gboolean
is_space_or_none (Ctx *ctx, gssize i)
{
  return i < 0 || (guint)i >= ctx->n_chars || g_unichar_isspace (ctx->u[i]);
}

static gboolean
is_guillemet (gunichar c)
{
  return c == 0x00AB || c == 0x00BB || c == 0x2039 || c == 0x203A;
}

static gboolean
is_inner_space (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

/* A mark opens before a word: space, start or an opening bracket or dash
 * before it, no space after it. */
static gboolean
left_flanking (Ctx   *ctx,
               guint  pos)
{
  gunichar before = pos > 0 ? ctx->u[pos - 1] : ' ';
  guint after = pos + 1 < ctx->n_chars && ctx->u[pos] == '\'' && ctx->u[pos + 1] == '\'' ? pos + 2 : pos + 1;

  /* French sets guillemets off with a space: « Non », a-t-il dit. */
  if (is_guillemet (ctx->u[pos]) && after < ctx->n_chars && is_inner_space (ctx->u[after]))
    after++;
  if (is_space_or_none (ctx, after))
    return FALSE;
  return g_unichar_isspace (before) || pos == 0 || before == '(' || before == '[' ||
         before == 0x2014 || before == 0x2013 || before == '-' || before == '/' ||
         before == 0x201C || before == 0x2018 || before == '"' || before == 0x00AB ||
         before == 0x201E || before == ':';
}

static gboolean
right_flanking (Ctx   *ctx,
                guint  pos)
{
  if (pos > 1 && is_guillemet (ctx->u[pos]) && is_inner_space (ctx->u[pos - 1]))
    pos--;
  return pos > 0 && !g_unichar_isspace (ctx->u[pos - 1]);
}

/* Whether @mark closes a quote opened by @open. */
static gboolean
closes (gunichar open,
        gunichar mark)
{
  switch (open)
    {
    case 0x201C: return mark == 0x201D;
    case 0x201E: return mark == 0x201C || mark == 0x201D;
    case 0x201D: return mark == 0x201D;
    case 0x2018: return mark == 0x2019;
    case 0x201A: return mark == 0x2018 || mark == 0x2019;
    case 0x00AB: return mark == 0x00BB;
    case 0x00BB: return mark == 0x00AB;
    case 0x2039: return mark == 0x203A;
    case 0x203A: return mark == 0x2039;
    case 0x300C: return mark == 0x300D;
    case 0x300E: return mark == 0x300F;
    default:     return mark == open;
    }
}

static gboolean
can_open (gunichar mark)
{
  return mark != 0x2019 && mark != 0x300D && mark != 0x300F;
}

static gboolean
is_single (gunichar mark)
{
  return mark == '\'' || mark == 0x2018 || mark == 0x2019 || mark == 0x201A ||
         mark == 0x2039 || mark == 0x203A;
}

static guint
count_words (Ctx   *ctx,
             guint  first,
             guint  last)
{
  guint n = 0;

  for (guint i = first; i <= last; i++)
    n += TOK (ctx, i)->kind == TOK_WORD || TOK (ctx, i)->kind == TOK_NUMBER;
  return n;
}

static void
add_quote (Ctx        *ctx,
           guint       first,
           guint       last,
           const char *rule)
{
  for (guint i = first; i <= last; i++)
    ctx->in_quote[i] = 1;
  _mg_suggest_add_span (ctx, "quote", TOK (ctx, first)->start, TOK (ctx, last)->end, rule);
}

/* Pairs the marks of one paragraph from @first; @carried is a quote
 * still open from the paragraph before, or NULL. Returns the quote left
 * open at the paragraph's end, if the next paragraph goes on with it. */
static gboolean
pair_paragraph (Ctx   *ctx,
                guint  first,
                guint  end,
                Open  *carried)
{
  Open stack[MAX_DEPTH];
  guint depth = 0;

  if (carried->mark != 0)
    stack[depth++] = *carried;
  for (guint i = first; i < end; i++)
    {
      Token *t = TOK (ctx, i);
      gunichar c = t->end - t->start == 2 ? '"' : ctx->u[t->start];

      if (t->kind != TOK_QUOTE)
        continue;
      if (i == first && carried->mark != 0 && left_flanking (ctx, t->start))
        continue;
      if (depth > 0 && closes (stack[depth - 1].mark, c) && right_flanking (ctx, t->start))
        {
          depth--;
          if (depth == 0)
            add_quote (ctx, stack[0].token, i, "quote-marks");
          continue;
        }
      if (can_open (c) && left_flanking (ctx, t->start) && depth < MAX_DEPTH)
        stack[depth++] = (Open) { c, i };
    }
  carried->mark = 0;
  if (depth == 0 || is_single (stack[0].mark))
    return FALSE;
  /* Open at the paragraph's end: goes on if the next one opens again. */
  if (end < ctx->tokens->len && TOK (ctx, end)->kind == TOK_QUOTE &&
      left_flanking (ctx, TOK (ctx, end)->start))
    {
      *carried = stack[0];
      return TRUE;
    }
  if (count_words (ctx, stack[0].token, end - 1) >= MIN_QUOTE_WORDS * 2)
    add_quote (ctx, stack[0].token, end - 1, "quote-unclosed");
  return FALSE;
}

static void
pair_marks (Ctx *ctx)
{
  Open carried = { 0, 0 };
  guint first = 0;

  for (guint i = 1; i <= ctx->tokens->len; i++)
    {
      if (i < ctx->tokens->len && !(TOK (ctx, i)->flags & TF_PARA_START))
        continue;
      pair_paragraph (ctx, first, i, &carried);
      first = i;
    }
}

/* Whether the speech verb's form at @i is, here, a noun: many forms are
 * nouns as often as verbs ("his calls for calm", "the reports of fraud",
 * "the Paris attacks shocked …", "support", "show"), and read as verbs
 * they make a quote of whatever follows. Told by grammar only:
 *
 * - right after an article or a possessive determiner, any form is a
 *   noun (or an adjective: "the alleged fraud"), never a finite verb;
 * - an -s form is a verb only in the third person singular, so after a
 *   number, a plural quantifier or a possessive ("16 states", "these
 *   calls", "her attacks", "Clinton's claims") it is a plural noun, by
 *   agreement. Bare forms are left there: "many fear", "both want";
 * - an -s form followed at once by a word in -ed is a plural noun whose
 *   verb that is ("the reports surfaced", "the attacks shocked"): a
 *   speech verb is followed by its object or clause, which hardly ever
 *   opens with a past form.
 *
 * The words are English (not "a" or "no", which are French and Spanish
 * verbs and adverbs too); other languages' verbs seldom end in -s. */
static gboolean
is_noun_here (Ctx   *ctx,
              guint  i)
{
  static const char * const determiners[] = { "the", "an", "his", "its", "their", "our", "my", "your",
                                              "every", "whose", NULL };
  static const char * const plurals[] = { "these", "those", "many", "several", "few", "both", "all", "some",
                                          "various", "numerous", "her", "other", "such", "more", "most",
                                          NULL };
  const char *w = TOK (ctx, i)->lower;
  gsize len = strlen (w);
  gboolean s_form = len > 3 && w[len - 1] == 's' && w[len - 2] != 's';
  Token *prev = i > 0 ? TOK (ctx, i - 1) : NULL;
  Token *next = i + 1 < ctx->tokens->len ? TOK (ctx, i + 1) : NULL;

  if (prev != NULL && prev->sentence == TOK (ctx, i)->sentence)
    {
      gsize n = strlen (prev->lower);

      if (_mg_suggest_word_in (ctx, i - 1, determiners))
        return TRUE;
      if (s_form && (prev->kind == TOK_NUMBER || _mg_suggest_in_list (ctx, LIST_NUMBER_WORDS, i - 1) ||
                     _mg_suggest_word_in (ctx, i - 1, plurals) ||
                     (n > 2 && prev->kind == TOK_WORD && strcmp (prev->lower + n - 2, "'s") == 0)))
        return TRUE;
    }
  if (s_form && next != NULL && next->kind == TOK_WORD && !(next->flags & TF_CAPITAL) &&
      next->sentence == TOK (ctx, i)->sentence && g_str_has_suffix (next->lower, "ed"))
    return TRUE;
  return FALSE;
}

static gboolean
is_speech_verb (Ctx   *ctx,
                guint  i)
{
  Token *t = TOK (ctx, i);

  return t->kind == TOK_WORD && !ctx->in_quote[i] &&
         (!(t->flags & TF_CAPITAL) || (t->flags & TF_SENT_START)) &&
         _mg_suggest_in_list (ctx, LIST_SPEECH_VERBS, i) &&
         !is_noun_here (ctx, i);
}

/* The first and last token of the quote span @s. */
static void
span_tokens (Ctx   *ctx,
             Span  *s,
             guint *first,
             guint *last)
{
  guint lo = 0, hi = ctx->tokens->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (TOK (ctx, mid)->start < s->start)
        lo = mid + 1;
      else
        hi = mid;
    }
  *first = lo;
  while (lo < ctx->tokens->len && TOK (ctx, lo)->end < s->end)
    lo++;
  *last = MIN (lo, ctx->tokens->len - 1);
}

static int sentence_subject (Ctx *ctx, guint verb);

/* "“…,” Rutte said", "“…,” said Rutte": a verb soon after the quote. */
static int
speaker_after_quote (Ctx   *ctx,
                     guint  last)
{
  guint para = TOK (ctx, last)->paragraph;

  for (guint i = last + 1; i < ctx->tokens->len && i <= last + SPEAKER_WINDOW; i++)
    {
      Token *t = TOK (ctx, i);

      if (t->paragraph != para || t->kind == TOK_QUOTE)
        return -1;
      if (!is_speech_verb (ctx, i))
        continue;
      /* Only punctuation (or an auxiliary, "a déclaré") between: the
       * speaker follows the verb. */
      if (count_words (ctx, last + 1, i - 1) == 0 ||
          (count_words (ctx, last + 1, i - 1) == 1 && _mg_suggest_in_list (ctx, LIST_VERB_MODIFIERS, i - 1)))
        return _mg_suggest_speaker_after (ctx, i + 1, SENT (ctx, TOK (ctx, i)->sentence)->end);
      return _mg_suggest_speaker_before (ctx, i, last + 1);
    }
  return -1;
}

/* "Rutte said: “…”", "Rutte said on Monday, “…”": a verb soon before. */
static int
speaker_before_quote (Ctx   *ctx,
                      guint  first)
{
  guint para = TOK (ctx, first)->paragraph;

  for (guint k = 1; k <= SPEAKER_WINDOW && k <= first; k++)
    {
      guint i = first - k;
      Token *t = TOK (ctx, i);

      if (t->paragraph != para || t->kind == TOK_QUOTE || ctx->in_quote[i])
        return -1;
      if (_mg_suggest_is_punct (ctx, i, '.') || _mg_suggest_is_punct (ctx, i, '?'))
        return -1;
      if (is_speech_verb (ctx, i))
        {
          int s = _mg_suggest_speaker_before (ctx, i, SENT (ctx, t->sentence)->start);

          if (s < 0)
            s = sentence_subject (ctx, i);
          return s >= 0 ? s : _mg_suggest_speaker_after (ctx, i + 1, first);
        }
    }
  return -1;
}

/* "Trump at the time said he'd asked his “people” to …": a speech verb
 * elsewhere in the sentences of a quote, and its speaker. */
static int
speaker_in_sentence (Ctx   *ctx,
                     guint  first,
                     guint  last)
{
  Sentence *a = SENT (ctx, TOK (ctx, first)->sentence);
  Sentence *b = SENT (ctx, TOK (ctx, last)->sentence);

  for (guint i = a->start; i < b->end; i++)
    if ((i < first || i > last) && is_speech_verb (ctx, i))
      {
        int speaker = _mg_suggest_speaker_before (ctx, i, SENT (ctx, TOK (ctx, i)->sentence)->start);

        if (speaker >= 0)
          return speaker;
      }
  return -1;
}

/* Finds each direct quote's speaker; a quote without one takes the
 * speaker of the quote before it in the same or the previous paragraph,
 * as news goes on quoting one person. Short terms without one go. */
static void
attribute_quotes (Ctx *ctx)
{
  int previous = -1;
  guint previous_para = 0;
  guint n = ctx->spans->len;

  for (guint q = 0; q < n; q++)
    {
      Span *s = SPAN (ctx, q);
      guint first, last;
      int speaker;

      if (s->label[0] != 'q')
        continue;
      span_tokens (ctx, s, &first, &last);
      speaker = speaker_after_quote (ctx, last);
      if (speaker < 0)
        speaker = speaker_before_quote (ctx, first);
      if (speaker < 0)
        speaker = speaker_in_sentence (ctx, first, last);
      s = SPAN (ctx, q);
      if (speaker < 0 && count_words (ctx, first, last) < MIN_QUOTE_WORDS)
        {
          s->drop = TRUE;
          for (guint i = first; i <= last; i++)
            ctx->in_quote[i] = 0;
          continue;
        }
      if (speaker < 0 && previous >= 0 && TOK (ctx, first)->paragraph <= previous_para + 1)
        speaker = previous;
      s->speaker = speaker;
      if (speaker >= 0)
        {
          previous = speaker;
          previous_para = TOK (ctx, last)->paragraph;
        }
    }
}

void
_mg_suggest_quotes (Ctx *ctx)
{
  pair_marks (ctx);
  attribute_quotes (ctx);
  /* Direct quotes never overlap: sorted by start, they are by end too. */
  ctx->quotes = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint k = 0; k < ctx->spans->len; k++)
    if (SPAN (ctx, k)->label[0] == 'q' && !SPAN (ctx, k)->drop)
      g_array_append_val (ctx->quotes, k);
}

/* The position in ctx->quotes of the first direct quote ending after @pos. */
static guint
first_quote_after (Ctx   *ctx,
                   guint  pos)
{
  guint lo = 0, hi = ctx->quotes->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (SPAN (ctx, g_array_index (ctx->quotes, guint, mid))->end <= pos)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Reported speech */

/* The last token of the sentence of @i, before its final punctuation. */
static guint
clause_end (Ctx   *ctx,
            guint  i)
{
  Sentence *s = SENT (ctx, TOK (ctx, i)->sentence);
  guint last = s->end - 1;

  while (last > i && TOK (ctx, last)->kind != TOK_WORD && TOK (ctx, last)->kind != TOK_NUMBER &&
         !(TOK (ctx, last)->kind == TOK_QUOTE && ctx->in_quote[last]) &&
         ctx->u[TOK (ctx, last)->start] != ')')
    last--;
  return last;
}

/* The quote span that holds token @i, or -1. */
static int
quote_at (Ctx   *ctx,
          guint  i)
{
  guint pos = TOK (ctx, i)->start;
  guint q;
  Span *s;

  if (!ctx->in_quote[i] || (q = first_quote_after (ctx, pos)) >= ctx->quotes->len)
    return -1;
  s = SPAN (ctx, g_array_index (ctx->quotes, guint, q));
  return s->start <= pos && !s->drop ? (int)g_array_index (ctx->quotes, guint, q) : -1;
}

/* Adds reported speech over tokens @first..@last, said by @speaker. A
 * direct quote inside it becomes part of it; one that crosses its edge
 * means the clause is not plain reported speech, and it is left. */
static void
add_reported (Ctx        *ctx,
              guint       first,
              guint       last,
              int         speaker,
              const char *rule)
{
  guint start = TOK (ctx, first)->start, end = TOK (ctx, last)->end;
  int index;

  if (count_words (ctx, first, last) < MIN_CLAUSE_WORDS)
    return;
  for (guint q = first_quote_after (ctx, start); q < ctx->quotes->len; q++)
    {
      Span *s = SPAN (ctx, g_array_index (ctx->quotes, guint, q));

      if (s->start >= end)
        break;
      if (s->drop)
        continue;
      if (s->start >= start && s->end <= end)
        {
          if (s->start == start && s->end == end)
            return;
          s->drop = TRUE;
          continue;
        }
      return;
    }
  index = _mg_suggest_add_span (ctx, "quote", start, end, rule);
  SPAN (ctx, index)->speaker = speaker;
}

static gboolean
word_is (Ctx        *ctx,
         guint       i,
         const char *word)
{
  return i < ctx->tokens->len && strcmp (TOK (ctx, i)->lower, word) == 0;
}

/* Words that may open a reported clause right after its verb: a subject
 * or a question word ("asked whether", "said it", "say the deal").
 * Other function words ("said on Monday", "said in a statement") open a
 * phrase of time or manner, skipped up to the clause when one follows. */
static gboolean
opens_clause (Ctx   *ctx,
              guint  i)
{
  static const char * const words[] = { "the", "a", "an", "it", "we", "i", "you", "there", "this", "these",
                                        "those", "his", "her", "their", "our", "its", "my", "whether", "if",
                                        "how", "why", "what", "when", "who", "no", "some", "many", "most",
                                        "all", NULL };
  Token *t = TOK (ctx, i);

  if (t->kind == TOK_NUMBER || (t->kind == TOK_WORD && !_mg_suggest_in_list (ctx, LIST_FUNCTION_WORDS, i)) ||
      _mg_suggest_in_list (ctx, LIST_PRONOUNS, i))
    return t->kind != TOK_WORD || !_mg_suggest_in_list (ctx, LIST_DAYS, i);
  return _mg_suggest_word_in (ctx, i, words);
}

/* "Rutte said (on Monday) (that) CLAUSE", "told reporters that CLAUSE". */
static void
reported_after (Ctx        *ctx,
                guint       verb,
                int         speaker,
                const char *rule)
{
  guint sentence_end = SENT (ctx, TOK (ctx, verb)->sentence)->end;
  guint first = verb + 1;
  guint last;

  for (guint k = verb + 1; k < sentence_end && k <= verb + 6; k++)
    if (word_is (ctx, k, "that") && !_mg_suggest_is_punct (ctx, k + 1, ','))
      {
        first = k + 1;
        break;
      }
  /* "said on Monday it would", "said Tuesday the deal": a day, a
   * preposition and its words, up to a pronoun or a determiner. */
  if (first == verb + 1 && first < sentence_end && !opens_clause (ctx, first))
    {
      guint k = first;

      while (k < sentence_end && k < first + 5 && TOK (ctx, k)->kind == TOK_WORD &&
             (_mg_suggest_in_list (ctx, LIST_DAYS, k) || _mg_suggest_in_list (ctx, LIST_FUNCTION_WORDS, k) ||
              _mg_suggest_in_list (ctx, LIST_MONTHS, k)) &&
             !(k > first && _mg_suggest_in_list (ctx, LIST_PRONOUNS, k)))
        k++;
      if (k == first || k >= sentence_end || !_mg_suggest_in_list (ctx, LIST_PRONOUNS, k))
        return;
      first = k;
    }
  /* "Trump said, the foundation had …": a comma, then the clause. */
  if (first == verb + 1 && _mg_suggest_is_punct (ctx, first, ',') && first + 1 < sentence_end &&
      opens_clause (ctx, first + 1) && !(TOK (ctx, first + 1)->flags & TF_CAPITAL && first + 2 < sentence_end &&
                                         _mg_suggest_in_list (ctx, LIST_SPEECH_VERBS, first + 2)))
    first++;
  if (first >= sentence_end || TOK (ctx, first)->kind == TOK_PUNCT)
    return;
  /* A direct quote right after the verb is quoted, not reported. */
  if (TOK (ctx, first)->kind == TOK_QUOTE && ctx->in_quote[first])
    return;
  last = clause_end (ctx, first);
  if (last > first)
    add_reported (ctx, first, last, speaker, rule);
}

/* "CLAUSE, Rutte said." and "CLAUSE, said Rutte." at a sentence's end. */
static gboolean
reported_before (Ctx   *ctx,
                 guint  verb)
{
  Sentence *s = SENT (ctx, TOK (ctx, verb)->sentence);
  guint comma = verb;
  int speaker;
  guint first = s->start;

  /* Whatever follows the verb up to a comma is a time, a place or the
   * speaker, not a clause. */
  for (guint k = verb + 1, words = 0; k < s->end && !_mg_suggest_is_punct (ctx, k, ','); k++)
    if ((words += TOK (ctx, k)->kind == TOK_WORD) > 5)
      return FALSE;
  while (comma > s->start && !_mg_suggest_is_punct (ctx, comma - 1, ',') && verb - comma < 6)
    comma--;
  if (comma <= s->start + 1 || !_mg_suggest_is_punct (ctx, comma - 1, ','))
    return FALSE;
  comma--;
  speaker = comma + 1 == verb ? _mg_suggest_speaker_after (ctx, verb + 1, s->end)
                              : _mg_suggest_speaker_before (ctx, verb, comma + 1);
  if (speaker < 0)
    return FALSE;
  for (guint k = verb + 1; k < s->end && !_mg_suggest_is_punct (ctx, k, ','); k++)
    if (word_is (ctx, k, "that"))
      return FALSE;
  if (ctx->in_quote[comma - 1] || ctx->in_quote[first])
    {
      int q = quote_at (ctx, comma - 1 > first ? comma - 1 : first);

      if (q >= 0 && SPAN (ctx, q)->speaker < 0)
        SPAN (ctx, q)->speaker = speaker;
      return TRUE;
    }
  while (first < comma && TOK (ctx, first)->kind == TOK_PUNCT)
    first++;
  add_reported (ctx, first, comma - 1, speaker, "reported-clause");
  return TRUE;
}

/* "According to X, CLAUSE." and "CLAUSE, according to X." */
static void
according_to (Ctx   *ctx,
              guint  i,
              guint  n)
{
  Sentence *s = SENT (ctx, TOK (ctx, i)->sentence);
  int speaker = _mg_suggest_speaker_after (ctx, i + n, s->end);
  guint comma = i + n;

  if (speaker < 0)
    speaker = _mg_suggest_object_words (ctx, i + n, s->end);
  if (speaker < 0)
    return;
  if (i == s->start || (i == s->start + 1 && TOK (ctx, s->start)->kind != TOK_WORD))
    {
      while (comma < s->end && !_mg_suggest_is_punct (ctx, comma, ','))
        comma++;
      if (comma + 1 < s->end)
        add_reported (ctx, comma + 1, clause_end (ctx, comma + 1), speaker, "reported-according");
    }
  else if (i > s->start + 1 && _mg_suggest_is_punct (ctx, i - 1, ','))
    add_reported (ctx, s->start, i - 2, speaker, "reported-according");
}

/* A word right before the verb that can end its subject, though no
 * rule names the speaker ("the 61-year-old mother of three said"): not a
 * function word, so not "to say" or "would say". */
static gboolean
has_subject_word (Ctx   *ctx,
                  guint  verb)
{
  guint j = verb;

  while (j > 0 && _mg_suggest_in_list (ctx, LIST_VERB_MODIFIERS, j - 1))
    j--;
  return j > 0 && TOK (ctx, j - 1)->sentence == TOK (ctx, verb)->sentence &&
         (TOK (ctx, j - 1)->kind == TOK_WORD || TOK (ctx, j - 1)->kind == TOK_NUMBER) &&
         !_mg_suggest_in_list (ctx, LIST_FUNCTION_WORDS, j - 1);
}

/* The subject that opens the sentence of @verb, when the verb is one
 * the subject governs across other words: "Sanders, a senator from
 * Vermont, said …", "Trump welcomed it and said …", "…, saying …". */
static int
sentence_subject (Ctx   *ctx,
                  guint  verb)
{
  guint first = SENT (ctx, TOK (ctx, verb)->sentence)->start;
  guint before = verb, limit = verb;

  while (before > first && _mg_suggest_in_list (ctx, LIST_VERB_MODIFIERS, before - 1))
    before--;
  if (before <= first + 1 || !(_mg_suggest_is_punct (ctx, before - 1, ',') ||
                               word_is (ctx, before - 1, "and") || word_is (ctx, before - 1, "but")))
    return -1;
  while (first < verb && (TOK (ctx, first)->kind != TOK_WORD ||
                          (_mg_suggest_in_list (ctx, LIST_FUNCTION_WORDS, first) &&
                           !_mg_suggest_in_list (ctx, LIST_PRONOUNS, first) &&
                           !word_is (ctx, first, "the") && !word_is (ctx, first, "a"))))
    first++;
  for (guint k = first; k < verb; k++)
    if (_mg_suggest_is_punct (ctx, k, ','))
      {
        limit = k;
        break;
      }
  return first < limit ? _mg_suggest_speaker_after (ctx, first, limit) : -1;
}

void
_mg_suggest_reported (Ctx *ctx)
{
  for (guint i = 0; i < ctx->tokens->len; i++)
    {
      guint n;
      int speaker;

      /* A headline in title case capitalises its verbs too, so only a
       * headline written as a sentence gets this far. */
      if (ctx->in_quote[i])
        continue;
      if ((n = _mg_suggest_match_phrase (ctx, LIST_SOURCE_MARKERS, i, 3)) > 0)
        {
          according_to (ctx, i, n);
          i += n - 1;
          continue;
        }
      if (!is_speech_verb (ctx, i) || reported_before (ctx, i))
        continue;
      speaker = _mg_suggest_speaker_before (ctx, i, SENT (ctx, TOK (ctx, i)->sentence)->start);
      if (speaker >= 0)
        reported_after (ctx, i, speaker, "reported-verb");
      else if (i > 2 && word_is (ctx, i - 1, "who") && _mg_suggest_is_punct (ctx, i - 2, ',') &&
               (speaker = _mg_suggest_speaker_before (ctx, i - 2, SENT (ctx, TOK (ctx, i)->sentence)->start)) >= 0)
        /* "Barkley, who said he votes …": the name before "who". */
        reported_after (ctx, i, speaker, "reported-verb");
      else if ((speaker = sentence_subject (ctx, i)) >= 0)
        reported_after (ctx, i, speaker, "reported-subject");
      else if (i > 0 && has_subject_word (ctx, i))
        reported_after (ctx, i, _mg_suggest_subject_words (ctx, i), "reported-verb");
    }
}
