/* mg-suggest-actors.c: people and organisations, and the speakers of quotes
 *
 * An actor is a run of capitalised words outside headlines, with the
 * honorific or title before it (Mr., Sen., President) and "of", "de" or
 * "van" inside it; a sentence's first word counts only when the text
 * capitalises it elsewhere too, so "Meanwhile" or "Officials" at a
 * sentence's start are not names. Days, months and capitals datelines are
 * never actors. A lone surname refers to the earlier actor named in full
 * that ends with it; a pronoun or a description ("the minister") refers to
 * the nearest earlier actor named in full.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-suggest"

#include "config.h"

#include <string.h>

#include "mg-suggest-private.h"

#define MAX_DESCRIPTION 5

static gboolean
is_word (Ctx   *ctx,
         guint  i)
{
  return i < ctx->tokens->len && TOK (ctx, i)->kind == TOK_WORD;
}

static gboolean
is_capital (Ctx   *ctx,
            guint  i)
{
  return is_word (ctx, i) && (TOK (ctx, i)->flags & TF_CAPITAL);
}

/* Lower-case words that sit inside names: "Ministry of Defence",
 * "Ursula von der Leyen", "Bashar al-Assad". */
static gboolean
is_connector (Ctx   *ctx,
              guint  i)
{
  static const char * const words[] = { "of", "for", "de", "van", "von", "der", "den", "al", "bin", "la",
                                        "le", "du", "da", "di", "del", "&", NULL };

  return !(TOK (ctx, i)->flags & TF_CAPITAL) && _mg_suggest_word_in (ctx, i, words);
}

/* Whether a capitalised word at a sentence's start may begin a name. */
static gboolean
may_start_name (Ctx   *ctx,
                guint  i)
{
  Token *t = TOK (ctx, i);
  /* A capital that goes on the name: in the same sentence, not the next
   * paragraph's first word after a section's name ("Harbour"). */
  gboolean capital_next = is_capital (ctx, i + 1) && TOK (ctx, i + 1)->sentence == t->sentence;

  if (_mg_suggest_in_list (ctx, LIST_FUNCTION_WORDS, i) || _mg_suggest_in_list (ctx, LIST_DAYS, i) ||
      _mg_suggest_is_month (ctx, i) || _mg_suggest_in_list (ctx, LIST_PRONOUNS, i))
    return FALSE;
  if (!(t->flags & TF_SENT_START))
    return TRUE;
  /* "Lena Park said": a first name is capitalised only at the start. A
   * word alone at the start is a name when the text ends a name with it
   * elsewhere ("Rutte stayed" after "Mark Rutte"): "Port authority
   * approves…" is no name for the "Port" of "the Lowerhaven Port
   * Authority". */
  if (!capital_next && g_hash_table_contains (ctx->capitalised_last, t->lower))
    return TRUE;
  return (capital_next && g_hash_table_contains (ctx->capitalised_inside, t->lower)) ||
         _mg_suggest_in_list (ctx, LIST_HONORIFICS, i) ||
         (capital_next && !_mg_suggest_in_list (ctx, LIST_FUNCTION_WORDS, i + 1) &&
          !_mg_suggest_in_list (ctx, LIST_DAYS, i + 1)) ||
         (i + 2 < ctx->tokens->len && is_word (ctx, i + 1) && is_connector (ctx, i + 1) && is_capital (ctx, i + 2));
}

/* The end of a name's last token, without a possessive "'s". */
static guint
name_end (Ctx   *ctx,
          guint  last)
{
  Token *t = TOK (ctx, last);
  gsize n = strlen (t->lower);

  if (n > 2 && g_str_has_suffix (t->lower, "'s") && t->end - t->start > 2)
    return t->end - 2;
  return t->end;
}

/* The token's lower-case form without a possessive "'s", interned so
 * that two such forms compare by pointer. */
static const char *
bare_word (Ctx   *ctx,
           guint  i)
{
  const char *w = TOK (ctx, i)->lower;
  gsize n = strlen (w);
  char buf[256];

  if (n < 3 || n >= sizeof buf || !g_str_has_suffix (w, "'s"))
    return w;
  memcpy (buf, w, n - 2);
  buf[n - 2] = '\0';
  return g_string_chunk_insert_const (ctx->strings, buf);
}

/* The earlier actor named in full (two names or more) nearest @before,
 * or with @surname, the nearest that ends with it. Full names are kept in
 * text order, so a binary search finds where to start looking back. */
static int
full_name_before (Ctx        *ctx,
                  guint       before,
                  const char *surname)
{
  guint lo = 0, hi = ctx->full_names->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (SPAN (ctx, g_array_index (ctx->full_names, guint, mid))->start < before)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint k = lo; k > 0 && lo - k < 500; k--)
    {
      if (surname == NULL || g_ptr_array_index (ctx->full_surnames, k - 1) == surname)
        return g_array_index (ctx->full_names, guint, k - 1);
    }
  return -1;
}

/* Adds (or finds) the actor over tokens @first..@last. */
int
_mg_suggest_actor_at (Ctx        *ctx,
                      guint       first,
                      guint       last,
                      const char *rule)
{
  guint start = TOK (ctx, first)->start;
  guint end = name_end (ctx, last);
  gpointer found = g_hash_table_lookup (ctx->actor_at, GUINT_TO_POINTER (start + 1));
  int index;

  if (found != NULL && SPAN (ctx, GPOINTER_TO_INT (found) - 1)->end == end)
    return GPOINTER_TO_INT (found) - 1;
  index = _mg_suggest_add_span (ctx, "actor", start, end, rule);
  g_hash_table_insert (ctx->actor_at, GUINT_TO_POINTER (start + 1), GINT_TO_POINTER (index + 1));
  /* Only the actors pass, in text order, adds full names. */
  if (last > first && (strcmp (rule, "actor-name") == 0 || strcmp (rule, "actor-honorific") == 0))
    {
      g_array_append_val (ctx->full_names, index);
      g_ptr_array_add (ctx->full_surnames, (gpointer)bare_word (ctx, last));
    }
  if (first == last && is_capital (ctx, first))
    SPAN (ctx, index)->refers_to = full_name_before (ctx, start, bare_word (ctx, first));
  else if (first == last || strcmp (rule, "speaker-description") == 0)
    SPAN (ctx, index)->refers_to = full_name_before (ctx, start, NULL);
  return index;
}

/* A capitalised run from @i going forward; returns its last token. */
static guint
run_forward (Ctx   *ctx,
             guint  i)
{
  guint last = i;

  for (guint j = i + 1; j < ctx->tokens->len && TOK (ctx, j)->sentence == TOK (ctx, i)->sentence; j++)
    {
      if (is_capital (ctx, j) && !_mg_suggest_in_list (ctx, LIST_DAYS, j) &&
          !_mg_suggest_is_month (ctx, j) && !(TOK (ctx, j)->flags & TF_SENT_START))
        last = j;
      else if (_mg_suggest_is_punct (ctx, j, '.') && !(TOK (ctx, j)->flags & TF_SPACE) &&
               _mg_suggest_in_list (ctx, LIST_HONORIFICS, j - 1) && is_capital (ctx, j + 1))
        continue;
      /* "of" joins an organisation or an office to what follows ("Bank
       * of England", "Council of the European Union", "Secretary of
       * State"), not a person to one ("Smith of Reuters"). */
      else if (strcmp (TOK (ctx, j)->lower, "of") == 0 || strcmp (TOK (ctx, j)->lower, "for") == 0)
        {
          guint k = j + 1 + (j + 1 < ctx->tokens->len && strcmp (TOK (ctx, j + 1)->lower, "the") == 0);

          if (!is_capital (ctx, k) || (TOK (ctx, k)->flags & TF_SENT_START) ||
              !(_mg_suggest_in_list (ctx, LIST_ORGANISATION_WORDS, j - 1) ||
                _mg_suggest_in_list (ctx, LIST_HONORIFICS, j - 1) || _mg_suggest_in_list (ctx, LIST_TITLES, j - 1)))
            break;
          j = k - 1;
          continue;
        }
      else if (is_word (ctx, j) && is_connector (ctx, j) && is_capital (ctx, j + 1))
        continue;
      else
        break;
      /* "O'Malley's campaign": a possessive ends the name. */
      if (g_str_has_suffix (TOK (ctx, j)->lower, "'s"))
        break;
    }
  return last;
}

static gboolean
is_dateline (Ctx   *ctx,
             guint  first,
             guint  last)
{
  return (TOK (ctx, first)->flags & TF_PARA_START) && (TOK (ctx, first)->flags & TF_ALL_CAPS) &&
         (TOK (ctx, last)->flags & TF_ALL_CAPS);
}

void
_mg_suggest_actors (Ctx *ctx)
{
  for (guint i = 0; i < ctx->tokens->len; i++)
    {
      guint last;
      gboolean honorific;

      if (!is_capital (ctx, i) || SENT (ctx, TOK (ctx, i)->sentence)->headline || !may_start_name (ctx, i))
        continue;
      last = run_forward (ctx, i);
      if (is_dateline (ctx, i, last))
        {
          i = last;
          continue;
        }
      honorific = _mg_suggest_in_list (ctx, LIST_HONORIFICS, i);
      if (last == i && (honorific || (TOK (ctx, i)->flags & TF_ALL_CAPS && TOK (ctx, i)->end - TOK (ctx, i)->start < 2)))
        continue;
      _mg_suggest_actor_at (ctx, i, last, honorific ? "actor-honorific" : last > i ? "actor-name" : "actor-word");
      i = last;
    }
}

/* Whether the word at @i may end a noun phrase: not an adverb ("publicly"),
 * a negation ("didn't") or a participle ("held", "tweeting"). */
static gboolean
noun_like (Ctx   *ctx,
           guint  i)
{
  const char *w = TOK (ctx, i)->lower;

  if (_mg_suggest_in_list (ctx, LIST_TITLES, i) || TOK (ctx, i)->kind == TOK_NUMBER)
    return TRUE;
  return strlen (w) >= 3 && !g_str_has_suffix (w, "ly") && !g_str_has_suffix (w, "n't") &&
         !g_str_has_suffix (w, "ed") && !g_str_has_suffix (w, "ing") &&
         !_mg_suggest_in_list (ctx, LIST_FUNCTION_WORDS, i);
}

/* A description ending at @last: "the minister", "a senior official",
 * "officials"; returns its first token or -1. */
static int
description_before (Ctx   *ctx,
                    guint  last,
                    guint  limit)
{
  static const char * const determiners[] = { "the", "a", "an", "its", "his", "her", "their", "one",
                                              "other", "some", "many", "several", NULL };

  gboolean title = _mg_suggest_in_list (ctx, LIST_TITLES, last);

  /* Any noun after a determiner ("the company", "a New Hampshire paper")
   * or a role noun alone ("officials"). */
  if (!is_word (ctx, last) || (TOK (ctx, last)->flags & TF_CAPITAL) || !noun_like (ctx, last))
    return -1;
  for (guint k = 1; k <= MAX_DESCRIPTION && last >= limit + k; k++)
    {
      guint j = last - k;

      /* A description names someone: it never holds a verb of saying
       * ("the time said he’d" before "asked" is two clauses). */
      if (!is_word (ctx, j) || _mg_suggest_in_list (ctx, LIST_SPEECH_VERBS, j))
        break;
      if (_mg_suggest_word_in (ctx, j, determiners))
        return j;
      if (_mg_suggest_in_list (ctx, LIST_FUNCTION_WORDS, j) && strcmp (TOK (ctx, j)->lower, "of") != 0 &&
          strcmp (TOK (ctx, j)->lower, "in") != 0 && strcmp (TOK (ctx, j)->lower, "for") != 0)
        break;
    }
  return title ? (int)last : -1;
}

/* A pronoun at @i stands for the nearest actor named in full before it. */
static int
pronoun_speaker (Ctx   *ctx,
                 guint  i)
{
  int index = _mg_suggest_actor_at (ctx, i, i, "speaker-pronoun");

  SPAN (ctx, index)->refers_to = full_name_before (ctx, TOK (ctx, i)->start, NULL);
  return index;
}

/* The speaker whose words end right before the verb at @verb ("Rutte
 * said", "the minister has said"), no further back than @limit. */
int
_mg_suggest_speaker_before (Ctx   *ctx,
                            guint  verb,
                            guint  limit)
{
  static const char * const prepositions[] = { "at", "in", "on", "by", "for", "with", "from", "after",
                                                "before", "during", "since", "until", "over", "under",
                                                NULL };
  guint j = verb;
  int first;

  while (j > limit && _mg_suggest_in_list (ctx, LIST_VERB_MODIFIERS, j - 1))
    j--;
  /* "Sen. Elizabeth Warren (D-MA) said": the bracket is no speaker. */
  if (j > limit + 2 && _mg_suggest_is_punct (ctx, j - 1, ')'))
    {
      guint k = j - 1;

      while (k > limit && j - k < 8 && !_mg_suggest_is_punct (ctx, k, '('))
        k--;
      if (_mg_suggest_is_punct (ctx, k, '('))
        j = k;
    }
  if (j <= limit || TOK (ctx, j - 1)->sentence != TOK (ctx, verb)->sentence)
    return -1;
  j--;
  if (_mg_suggest_in_list (ctx, LIST_PRONOUNS, j))
    return pronoun_speaker (ctx, j);
  /* Right before a speech verb, a capitalised word is a name even at a
   * sentence's start, unless it is a day, a month or a dateline. */
  if (is_capital (ctx, j) && !is_dateline (ctx, j, j) &&
      !_mg_suggest_in_list (ctx, LIST_FUNCTION_WORDS, j) && !_mg_suggest_in_list (ctx, LIST_DAYS, j) &&
      !_mg_suggest_is_month (ctx, j))
    {
      guint k = j;

      while (k > limit && (is_capital (ctx, k - 1) ||
                           (is_word (ctx, k - 1) && is_connector (ctx, k - 1) && k - 1 > limit && is_capital (ctx, k - 2)) ||
                           (_mg_suggest_is_punct (ctx, k - 1, '.') && k - 1 > limit &&
                            _mg_suggest_in_list (ctx, LIST_HONORIFICS, k - 2))) &&
             TOK (ctx, k - 1)->sentence == TOK (ctx, j)->sentence &&
             !((TOK (ctx, k - 1)->flags & TF_SENT_START) && !may_start_name (ctx, k - 1)))
        k--;
      if (!is_word (ctx, k))
        k++;
      return _mg_suggest_actor_at (ctx, k, j, "speaker-name");
    }
  first = description_before (ctx, j, limit);
  /* "Trump at the time said", "officials in the ministry said": a noun
   * phrase after a preposition is the preposition's, and the subject
   * comes before the phrase. ("of" joins a description: "the head of the
   * agency".) */
  if (first > (int) limit && _mg_suggest_word_in (ctx, first - 1, prepositions) &&
      TOK (ctx, first - 1)->sentence == TOK (ctx, verb)->sentence)
    return _mg_suggest_speaker_before (ctx, first - 1, limit);
  if (first >= 0)
    return _mg_suggest_actor_at (ctx, first, j, "speaker-description");
  return -1;
}

/* The speaker right after @i ("said Rutte", "said the minister"). */
int
_mg_suggest_speaker_after (Ctx   *ctx,
                           guint  i,
                           guint  limit)
{
  gpointer known;

  if (i >= limit || i >= ctx->tokens->len)
    return -1;
  if (_mg_suggest_in_list (ctx, LIST_PRONOUNS, i))
    return pronoun_speaker (ctx, i);
  /* The actor the names pass found there, honorific and all. */
  known = g_hash_table_lookup (ctx->actor_at, GUINT_TO_POINTER (TOK (ctx, i)->start + 1));
  if (known != NULL && SPAN (ctx, GPOINTER_TO_INT (known) - 1)->end <= TOK (ctx, limit - 1)->end)
    return GPOINTER_TO_INT (known) - 1;
  /* A subject at a sentence's start is a name, unless it is a function
   * word or opens a participle phrase ("Speaking to CBS, …"). */
  if (is_capital (ctx, i) && !is_dateline (ctx, i, i) &&
      (may_start_name (ctx, i) || (!_mg_suggest_in_list (ctx, LIST_FUNCTION_WORDS, i) &&
                                   !_mg_suggest_in_list (ctx, LIST_DAYS, i) &&
                                   !g_str_has_suffix (TOK (ctx, i)->lower, "ing"))))
    return _mg_suggest_actor_at (ctx, i, MIN (run_forward (ctx, i), limit - 1), "speaker-name");
  /* "the Bureau of Labor Statistics", "the Associated Press". */
  if ((strcmp (TOK (ctx, i)->lower, "the") == 0) && i + 1 < limit && is_capital (ctx, i + 1) &&
      !_mg_suggest_in_list (ctx, LIST_FUNCTION_WORDS, i + 1))
    return _mg_suggest_actor_at (ctx, i, MIN (run_forward (ctx, i + 1), limit - 1), "speaker-name");
  for (guint j = i; j < limit && j < i + MAX_DESCRIPTION && is_word (ctx, j); j++)
    if (_mg_suggest_in_list (ctx, LIST_TITLES, j))
      {
        guint last = j;

        /* "the minister, Jan Smit": the name after the title is better. */
        if (is_capital (ctx, j + 1) && j + 1 < limit)
          last = run_forward (ctx, j + 1);
        return _mg_suggest_actor_at (ctx, i, MIN (last, limit - 1), "speaker-description");
      }
  return -1;
}

/* The words right before @verb that no other rule reads as a speaker:
 * back over up to four words that are not function words, with the
 * determiner before them ("the 61-year-old mother"). */
int
_mg_suggest_subject_words (Ctx   *ctx,
                           guint  verb)
{
  guint j = verb, k;

  while (j > 0 && _mg_suggest_in_list (ctx, LIST_VERB_MODIFIERS, j - 1))
    j--;
  if (j == 0 || !noun_like (ctx, j - 1))
    return -1;
  k = j - 1;
  while (k > 0 && j - k < 4 && TOK (ctx, k - 1)->sentence == TOK (ctx, verb)->sentence &&
         (is_word (ctx, k - 1) || TOK (ctx, k - 1)->kind == TOK_NUMBER) &&
         !_mg_suggest_in_list (ctx, LIST_FUNCTION_WORDS, k - 1))
    k--;
  if (k > 0 && TOK (ctx, k - 1)->sentence == TOK (ctx, verb)->sentence &&
      (strcmp (TOK (ctx, k - 1)->lower, "the") == 0 || strcmp (TOK (ctx, k - 1)->lower, "a") == 0))
    k--;
  /* Without a determiner, a capital or a number, the words are too
   * likely the end of a clause ("voters who held") to name a speaker. */
  else if (!(TOK (ctx, k)->flags & TF_CAPITAL) && TOK (ctx, k)->kind != TOK_NUMBER && j - k < 2)
    return -1;
  return _mg_suggest_actor_at (ctx, k, j - 1, "speaker-words");
}

/* The words after @i up to a comma or the sentence's end, at most six:
 * the source named after "according to" when no rule reads it better. */
int
_mg_suggest_object_words (Ctx   *ctx,
                          guint  i,
                          guint  limit)
{
  guint last = i;

  if (i >= limit || !(is_word (ctx, i) || TOK (ctx, i)->kind == TOK_NUMBER))
    return -1;
  while (last + 1 < limit && last - i < 5 && (is_word (ctx, last + 1) || TOK (ctx, last + 1)->kind == TOK_NUMBER))
    last++;
  return _mg_suggest_actor_at (ctx, i, last, "speaker-words");
}
