/* mg-text-search.h: finding a phrase in a document and over a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mg-dataset.h"
#include "mg-history.h"

G_BEGIN_DECLS

/**
 * MgTextSearchFlags:
 * @MG_TEXT_SEARCH_DEFAULT: case-insensitive, by Unicode case folding
 * @MG_TEXT_SEARCH_IGNORE_DIACRITICS: also "resume" finds "résumé"
 *
 * How a phrase matches the text.
 */
typedef enum
{
  MG_TEXT_SEARCH_DEFAULT           = 0,
  MG_TEXT_SEARCH_IGNORE_DIACRITICS = 1 << 0,
} MgTextSearchFlags;

/**
 * MgTextMatch:
 * @start: the first code point of the match
 * @end: the code point after its last
 */
typedef struct
{
  guint start;
  guint end;
} MgTextMatch;

typedef struct _MgTextSearch MgTextSearch;

MgTextSearch *mg_text_search_new          (const char        *needle,
                                           MgTextSearchFlags  flags);
void          mg_text_search_free         (MgTextSearch      *self);
const char   *mg_text_search_get_needle   (MgTextSearch      *self);
GArray       *mg_text_search_text         (MgTextSearch      *self,
                                           const char        *text,
                                           gsize              n_bytes);
GArray       *mg_text_search_document     (MgTextSearch      *self,
                                           MgDocument        *document);
GListModel   *mg_text_search_dataset      (MgTextSearch      *self,
                                           MgDataset         *dataset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MgTextSearch, mg_text_search_free)

/* One match of a search over a dataset, an item of its list. */
#define MG_TYPE_TEXT_HIT (mg_text_hit_get_type ())

G_DECLARE_FINAL_TYPE (MgTextHit, mg_text_hit, MG, TEXT_HIT, GObject)

MgTextHit  *mg_text_hit_new          (MgDocument  *document,
                                      guint        start,
                                      guint        end);
MgDocument *mg_text_hit_get_document (MgTextHit   *self);
guint       mg_text_hit_get_start    (MgTextHit   *self);
guint       mg_text_hit_get_end      (MgTextHit   *self);
void        mg_text_hit_get_context  (MgTextHit   *self,
                                      guint        n_words,
                                      char       **left,
                                      char       **match,
                                      char       **right);

/**
 * MgTagReport:
 * @tagged: matches given the label
 * @already: matches that had a span of the label at the same place
 * @skipped: matches with nothing left to tag once trimmed
 */
typedef struct
{
  guint tagged;
  guint already;
  guint skipped;
} MgTagReport;

void        mg_text_search_tag       (MgHistory   *history,
                                      GListModel  *hits,
                                      const char  *needle,
                                      const char  *label_id,
                                      gboolean     words,
                                      MgTagReport *report);

G_END_DECLS
