/* mg-suggest-record.h: what a dataset keeps about suggestions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mg-history.h"
#include "mg-suggest.h"

G_BEGIN_DECLS

#define MG_SUGGEST_ORIGIN_MEMBER   "origin"
#define MG_SUGGEST_REJECTED_MEMBER "rejected_suggestions"
#define MG_SUGGEST_DATASET_MEMBER  "suggestions"

gboolean    mg_suggest_dataset_get_enabled (MgDataset           *dataset);
void        mg_suggest_dataset_set_enabled (MgDataset           *dataset,
                                            gboolean             enabled);

/* The engine's kinds of span, in the order of a label map's entries. */
#define MG_SUGGEST_N_KINDS 3
extern const char * const mg_suggest_engine_labels[MG_SUGGEST_N_KINDS + 1];

JsonObject *mg_suggest_dataset_get_label_map (MgDataset         *dataset);
JsonNode   *mg_suggest_settings_with_label_map (MgDataset       *dataset,
                                            JsonObject          *map);
gboolean    mg_suggest_dataset_needs_label_map (MgDataset       *dataset);
JsonObject *mg_suggest_parse_label_map     (const char          *text,
                                            GError             **error);
const char *mg_suggest_resolve_label       (MgDataset           *dataset,
                                            JsonObject          *map,
                                            const char          *engine_label);
void        mg_suggest_map_labels          (MgSuggestions       *suggestions,
                                            MgDataset           *dataset,
                                            JsonObject          *map);

void        mg_suggest_set_origin          (MgAnnotation        *annotation,
                                            const char          *rule,
                                            const char          *label);
gboolean    mg_suggest_get_origin          (MgAnnotation        *annotation,
                                            const char         **rule,
                                            const char         **label);

gboolean    mg_suggest_is_rejected         (MgDocument          *document,
                                            const char          *label,
                                            guint                start,
                                            guint                end);
guint       mg_suggest_count_rejected      (MgDocument          *document);

/* What became of a dataset's suggestions; see mg_suggest_count_dataset(). */
typedef struct
{
  guint  n_labels;
  guint *began;       /* n_labels + 1: per label, then labels not in the set */
  guint  n_began;
  guint  relabelled;
  guint  rejected;
} MgSuggestCounts;

void        mg_suggest_count_dataset       (MgDataset           *dataset,
                                            MgSuggestCounts     *counts);
void        mg_suggest_counts_clear        (MgSuggestCounts     *counts);
JsonObject *mg_suggest_add_rejection       (MgDocument          *document,
                                            const MgSuggestion  *suggestion);

GArray     *mg_suggest_filter              (MgSuggestions       *suggestions,
                                            MgDocument          *document,
                                            MgLabelSet          *labels);

MgAnnotation *mg_suggest_accept            (MgHistory           *history,
                                            MgDocument          *document,
                                            MgSuggestions       *suggestions,
                                            guint                position,
                                            const char          *label,
                                            GError             **error);
guint       mg_suggest_accept_all          (MgHistory           *history,
                                            MgDocument          *document,
                                            MgSuggestions       *suggestions,
                                            const char          *label,
                                            gboolean             relations,
                                            GError             **error);
void        mg_suggest_reject              (MgHistory           *history,
                                            MgDocument          *document,
                                            const MgSuggestion  *suggestion);

void        mg_suggest_check_dataset       (MgDataset           *dataset,
                                            const char          *name,
                                            GPtrArray           *problems);

G_END_DECLS
