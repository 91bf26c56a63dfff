/* mg-suggest.h: proposed quotes, speakers, actors and figures, by rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mg-document.h"

G_BEGIN_DECLS

/**
 * MgSuggestKinds:
 * @MG_SUGGEST_QUOTES: direct quotes and reported speech, label "quote"
 * @MG_SUGGEST_ACTORS: people and organisations, label "actor"
 * @MG_SUGGEST_FIGURES: numbers with their unit, currency or percent, and
 *   dates, label "figure"
 * @MG_SUGGEST_RELATIONS: attributed-to relations from quotes to speakers
 *   (speakers are proposed as actors even without %MG_SUGGEST_ACTORS)
 * @MG_SUGGEST_ALL: everything
 * @MG_SUGGEST_KEEP_COVERED: mg_suggest_document() and its async form keep
 *   the proposals an annotation of the same label overlaps, for a caller
 *   that filters them itself (a speaker coded already is still there for
 *   its quote's relation to point at)
 */
typedef enum {
  MG_SUGGEST_QUOTES    = 1 << 0,
  MG_SUGGEST_ACTORS    = 1 << 1,
  MG_SUGGEST_FIGURES   = 1 << 2,
  MG_SUGGEST_RELATIONS = 1 << 3,
  MG_SUGGEST_ALL       = 0xf,
  MG_SUGGEST_KEEP_COVERED = 1 << 4,
} MgSuggestKinds;

/**
 * MgSuggestion:
 * @label: "quote", "actor" or "figure" (static)
 * @start: first code point of the span
 * @end: the code point after the last
 * @rule: the rule that proposed it, such as "quote-marks" (static)
 * @refers_to: for a pronoun, a description ("the minister") or a surname,
 *   the index of the actor named in full it stands for; else -1
 */
typedef struct {
  const char *label;
  guint       start;
  guint       end;
  const char *rule;
  int         refers_to;
} MgSuggestion;

/**
 * MgSuggestedRelation:
 * @from: index of a quote suggestion
 * @to: index of the actor suggestion who said it
 * @rule: the rule that linked them (static)
 */
typedef struct {
  guint       from;
  guint       to;
  const char *rule;
} MgSuggestedRelation;

#define MG_TYPE_SUGGEST_RULES (mg_suggest_rules_get_type ())
G_DECLARE_FINAL_TYPE (MgSuggestRules, mg_suggest_rules, MG, SUGGEST_RULES, GObject)

#define MG_TYPE_SUGGESTIONS (mg_suggestions_get_type ())
G_DECLARE_FINAL_TYPE (MgSuggestions, mg_suggestions, MG, SUGGESTIONS, GObject)

MgSuggestRules            *mg_suggest_rules_new          (const char          *extra_dir,
                                                          GError             **error);
const char * const        *mg_suggest_rules_get_languages (MgSuggestRules     *self);
const char                *mg_suggest_rules_guess_language (MgSuggestRules   *self,
                                                          const char          *text,
                                                          gssize               n_bytes);

guint                      mg_suggestions_get_n_spans     (MgSuggestions      *self);
const MgSuggestion        *mg_suggestions_get_span        (MgSuggestions      *self,
                                                          guint                position);
guint                      mg_suggestions_get_n_relations (MgSuggestions      *self);
const MgSuggestedRelation *mg_suggestions_get_relation    (MgSuggestions      *self,
                                                          guint                position);
const char                *mg_suggestions_get_language    (MgSuggestions      *self);

MgSuggestions             *mg_suggest_text               (MgSuggestRules      *rules,
                                                          const char          *text,
                                                          gssize               n_bytes,
                                                          const char          *language,
                                                          MgSuggestKinds       kinds,
                                                          GCancellable        *cancellable,
                                                          GError             **error);
MgSuggestions             *mg_suggest_document           (MgSuggestRules      *rules,
                                                          MgDocument          *document,
                                                          const char          *language,
                                                          MgSuggestKinds       kinds,
                                                          GCancellable        *cancellable,
                                                          GError             **error);
void                       mg_suggest_document_async     (MgSuggestRules      *rules,
                                                          MgDocument          *document,
                                                          const char          *language,
                                                          MgSuggestKinds       kinds,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
MgSuggestions             *mg_suggest_document_finish    (GAsyncResult        *result,
                                                          GError             **error);

G_END_DECLS
