/* mg-suggest-private.h: the engine's working state, shared by its rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mg-suggest.h"

G_BEGIN_DECLS

/* The word lists, one file each in data/suggest/LANG/. */
typedef enum {
  LIST_SPEECH_VERBS,
  LIST_SOURCE_MARKERS,
  LIST_HONORIFICS,
  LIST_TITLES,
  LIST_ORGANISATION_WORDS,
  LIST_PRONOUNS,
  LIST_FUNCTION_WORDS,
  LIST_MONTHS,
  LIST_DAYS,
  LIST_UNITS,
  LIST_CURRENCIES,
  LIST_SCALE_WORDS,
  LIST_NUMBER_WORDS,
  LIST_VERB_MODIFIERS,
  N_LISTS
} ListId;

typedef enum {
  TOK_WORD,
  TOK_NUMBER,
  TOK_PUNCT,
  TOK_QUOTE,
} TokenKind;

typedef enum {
  TF_CAPITAL    = 1 << 0,  /* first letter upper case */
  TF_ALL_CAPS   = 1 << 1,  /* two or more letters, all upper case */
  TF_SENT_START = 1 << 2,  /* first word of its sentence */
  TF_PARA_START = 1 << 3,  /* first token of its paragraph */
  TF_SPACE      = 1 << 4,  /* white space before it */
} TokenFlags;

typedef struct {
  guint       start;
  guint       end;
  guint       sentence;
  guint       paragraph;
  const char *lower;  /* the token in lower case, UTF-8 */
  guint16     lists;  /* bit N set: the token is an entry of list N */
  guint8      kind;
  guint8      flags;
} Token;

typedef struct {
  guint start;      /* first token */
  guint end;        /* after the last token */
  gboolean headline; /* most words capitalised: a title, not prose */
} Sentence;

/* One proposed span while the rules run. */
typedef struct {
  guint       start;
  guint       end;
  const char *label;
  const char *rule;
  int         refers_to;
  int         speaker;  /* for a quote: index of its speaker span, or -1 */
  gboolean    drop;
} Span;

typedef struct {
  MgSuggestRules *rules;
  GHashTable    **lists;     /* N_LISTS sets of the chosen language */
  GHashTable     *masks;     /* word -> the lists it is in, as bits */
  const gunichar *u;         /* the text, one code point an element */
  guint           n_chars;
  GArray         *tokens;    /* of Token */
  GArray         *sentences; /* of Sentence */
  GStringChunk   *strings;
  GArray         *spans;     /* of Span */
  GHashTable     *capitalised_inside; /* words seen capitalised mid-sentence */
  GHashTable     *capitalised_last;   /* ... and there last of their capitals */
  guint8         *in_quote;  /* per token: inside a direct quote */
  GHashTable     *actor_at;  /* actor start + 1 -> span index + 1 */
  GArray         *quotes;    /* span indices of the direct quotes, by start */
  GArray         *full_names; /* span indices of actors named in full, by start */
  GPtrArray      *full_surnames; /* their last words, interned */
} Ctx;

#define TOK(ctx, i) (&g_array_index ((ctx)->tokens, Token, (i)))
#define SENT(ctx, i) (&g_array_index ((ctx)->sentences, Sentence, (i)))
#define SPAN(ctx, i) (&g_array_index ((ctx)->spans, Span, (i)))

/* The word lists compiled in (generated from data/suggest). */
GResource   *mg_suggest_get_resource  (void);

GHashTable **_mg_suggest_rules_lists  (MgSuggestRules *rules,
                                       const char     *language);
GHashTable  *_mg_suggest_rules_masks  (MgSuggestRules *rules,
                                       const char     *language);

void     _mg_suggest_tokenize        (Ctx        *ctx);
gboolean _mg_suggest_in_list         (Ctx        *ctx,
                                      ListId      list,
                                      guint       token);
guint    _mg_suggest_match_phrase    (Ctx        *ctx,
                                      ListId      list,
                                      guint       token,
                                      guint       limit);
gboolean _mg_suggest_word_in         (Ctx                *ctx,
                                      guint               i,
                                      const char * const *words);
gboolean _mg_suggest_is_month        (Ctx        *ctx,
                                      guint       token);
gboolean _mg_suggest_is_punct        (Ctx        *ctx,
                                      guint       token,
                                      gunichar    c);
int      _mg_suggest_add_span        (Ctx        *ctx,
                                      const char *label,
                                      guint       start,
                                      guint       end,
                                      const char *rule);

void     _mg_suggest_actors          (Ctx        *ctx);
int      _mg_suggest_actor_at        (Ctx        *ctx,
                                      guint       first,
                                      guint       last,
                                      const char *rule);
int      _mg_suggest_speaker_before  (Ctx        *ctx,
                                      guint       token,
                                      guint       limit);
int      _mg_suggest_object_words    (Ctx        *ctx,
                                      guint       i,
                                      guint       limit);
int      _mg_suggest_subject_words   (Ctx        *ctx,
                                      guint       verb);
int      _mg_suggest_speaker_after   (Ctx        *ctx,
                                      guint       token,
                                      guint       limit);
void     _mg_suggest_quotes          (Ctx        *ctx);
void     _mg_suggest_reported        (Ctx        *ctx);
void     _mg_suggest_figures         (Ctx        *ctx);

/* For mg-suggest-record.c, which maps the engine's labels to a dataset's. */
void     mg_suggestions_relabel      (MgSuggestions      *self,
                                      const char * const *labels);

G_END_DECLS
