/* mg-review-session.h: reviewing a colleague's dataset against your own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mg-agreement.h"
#include "mg-history.h"

G_BEGIN_DECLS

/**
 * MgResolution:
 * @MG_RESOLUTION_NONE: the disagreement is open
 * @MG_RESOLUTION_MINE: your span (or value) stays and theirs is not taken
 * @MG_RESOLUTION_THEIRS: theirs takes the place of yours
 * @MG_RESOLUTION_BOTH: both spans are kept; not for a value
 * @MG_RESOLUTION_DROP: neither is kept; not for a value
 */
typedef enum
{
  MG_RESOLUTION_NONE,
  MG_RESOLUTION_MINE,
  MG_RESOLUTION_THEIRS,
  MG_RESOLUTION_BOTH,
  MG_RESOLUTION_DROP,
} MgResolution;

/**
 * MgReviewItem:
 * @disagreement: what differs; its spans as they were when the comparison
 *   no longer shows it
 * @position: its index in the comparison, or -1 when it no longer shows
 * @how: how it was resolved, %MG_RESOLUTION_NONE while it is open
 *
 * One row of a review.
 */
typedef struct
{
  MgDisagreement disagreement;
  int            position;
  MgResolution   how;
} MgReviewItem;

#define MG_TYPE_REVIEW_SESSION (mg_review_session_get_type ())

G_DECLARE_FINAL_TYPE (MgReviewSession, mg_review_session, MG, REVIEW_SESSION, GObject)

MgReviewSession *mg_review_session_new              (MgDataset            *yours,
                                                     const char           *your_name,
                                                     MgDataset            *theirs,
                                                     const char           *their_name);
MgDataset       *mg_review_session_get_theirs       (MgReviewSession      *self);
const char      *mg_review_session_get_their_name   (MgReviewSession      *self);
MgDocument      *mg_review_session_get_twin         (MgReviewSession      *self,
                                                     MgDocument           *document);
MgAgreement     *mg_review_session_compare          (MgReviewSession      *self);
MgAgreement     *mg_review_session_compare_document (MgReviewSession      *self,
                                                     MgDocument           *document);
gboolean         mg_review_session_resolve          (MgReviewSession      *self,
                                                     MgHistory            *history,
                                                     MgDocument           *document,
                                                     const MgDisagreement *disagreement,
                                                     MgResolution          how,
                                                     GError              **error);
MgResolution     mg_review_session_get_resolution   (MgReviewSession      *self,
                                                     MgDocument           *document,
                                                     const MgDisagreement *disagreement);
guint            mg_review_session_count_resolved   (MgReviewSession      *self,
                                                     MgDocument           *document);
int              mg_review_session_find_open        (MgReviewSession      *self,
                                                     MgAgreement          *document_agreement,
                                                     MgDocument           *document,
                                                     guint                 from);
GPtrArray       *mg_review_session_list             (MgReviewSession      *self,
                                                     MgAgreement          *document_agreement,
                                                     MgDocument           *document);
GHashTable      *mg_review_session_count_open       (MgReviewSession      *self,
                                                     MgAgreement          *agreement);

G_END_DECLS
