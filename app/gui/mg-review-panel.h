/* mg-review-panel.h: agreement figures and disagreements beside the article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mg-agreement.h"
#include "mg-core.h"

G_BEGIN_DECLS

/**
 * MgReviewFigure:
 *
 * The rows of the figures table, in order.
 */
typedef enum
{
  MG_REVIEW_FIGURE_F1_EXACT,
  MG_REVIEW_FIGURE_F1_OVERLAP,
  MG_REVIEW_FIGURE_KAPPA,
  MG_REVIEW_FIGURE_ALPHA,
  MG_REVIEW_N_FIGURES,
} MgReviewFigure;

/**
 * MgReviewPanelLine:
 * @whose: (nullable): the side, for people ("Yours"); %NULL for a line of
 *   plain text about both sides (their values)
 * @span: (nullable): the side's span, for its colour and text
 * @text: (nullable): what to show instead of the span's text
 *
 * One side of a row of the list.
 */
typedef struct
{
  const char   *whose;
  MgAnnotation *span;
  const char   *text;
} MgReviewPanelLine;

#define MG_TYPE_REVIEW_PANEL (mg_review_panel_get_type ())

G_DECLARE_FINAL_TYPE (MgReviewPanel, mg_review_panel, MG, REVIEW_PANEL, AdwBin)

GtkWidget  *mg_review_panel_new               (void);
void        mg_review_panel_set_colleague     (MgReviewPanel            *self,
                                               const char               *name);
void        mg_review_panel_set_figures       (MgReviewPanel            *self,
                                               const MgAgreementFigures *document,
                                               const MgAgreementFigures *dataset);
void        mg_review_panel_set_chart         (MgReviewPanel            *self,
                                               MgAgreement              *agreement,
                                               MgLabelSet               *labels);
void        mg_review_panel_set_problems      (MgReviewPanel            *self,
                                               GPtrArray                *problems);
void        mg_review_panel_clear             (MgReviewPanel            *self,
                                               const char               *placeholder);
void        mg_review_panel_append            (MgReviewPanel            *self,
                                               const MgDisagreement     *disagreement,
                                               MgLabelSet               *labels,
                                               const char               *resolution);
void        mg_review_panel_append_item       (MgReviewPanel            *self,
                                               const char               *title,
                                               const MgReviewPanelLine  *lines,
                                               guint                     n_lines,
                                               MgLabelSet               *labels,
                                               const char               *resolution);
void        mg_review_panel_set_conflicts     (MgReviewPanel            *self,
                                               gboolean                  conflicts);
void        mg_review_panel_set_both_sides    (MgReviewPanel            *self,
                                               gboolean                  both);
const char *mg_review_panel_get_count_text    (MgReviewPanel            *self);
char       *mg_review_panel_get_row_text      (MgReviewPanel            *self,
                                               int                       position);
void        mg_review_panel_select            (MgReviewPanel            *self,
                                               int                       position);
int         mg_review_panel_get_selected      (MgReviewPanel            *self);
guint       mg_review_panel_get_n_rows        (MgReviewPanel            *self);
const char *mg_review_panel_get_figure_text   (MgReviewPanel            *self,
                                               gboolean                  dataset,
                                               MgReviewFigure            figure);
const char *mg_review_panel_get_problems_text (MgReviewPanel          *self);
char       *mg_review_panel_format_figure     (double                    value);

G_END_DECLS
