/* mg-agreement.h: how far annotators agree on the same documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mg-dataset.h"

G_BEGIN_DECLS

/**
 * MgSpanScores:
 * @spans_a: spans of A counted
 * @spans_b: spans of B counted
 * @matched_a: spans of A that B matches
 * @matched_b: spans of B that A matches
 * @precision: @matched_b / @spans_b, NAN when B has no span
 * @recall: @matched_a / @spans_a, NAN when A has no span
 * @f1: 2PR / (P + R); 0 when P + R is 0 or when only one side has spans;
 *   NAN when neither has a span
 *
 * Precision and recall of B against A, for one way of matching spans.
 */
typedef struct
{
  guint  spans_a;
  guint  spans_b;
  guint  matched_a;
  guint  matched_b;
  double precision;
  double recall;
  double f1;
} MgSpanScores;

/**
 * MgAgreementFigures:
 * @exact: spans match when start, end and label are equal
 * @overlap: spans match when their labels are equal and they overlap
 * @kappa: Cohen's kappa of A and B over token × label items; 1 when both
 *   code every item the same, even if chance agreement is 1; NAN without items
 * @alpha: Krippendorff's alpha (nominal) of all annotators over the same
 *   items; 1 when all code every item the same; NAN without items
 * @n_tokens: tokens of the documents counted
 * @n_items: token × label items behind @kappa and @alpha
 *
 * The figures of one label, or of all labels pooled, over one document or
 * over all compared documents. Undefined figures are NAN (JSON null).
 */
typedef struct
{
  MgSpanScores exact;
  MgSpanScores overlap;
  double       kappa;
  double       alpha;
  guint        n_tokens;
  guint        n_items;
} MgAgreementFigures;

typedef enum
{
  MG_DISAGREEMENT_ONLY_A,
  MG_DISAGREEMENT_ONLY_B,
  MG_DISAGREEMENT_LABEL,
  MG_DISAGREEMENT_BOUNDARY,
  MG_DISAGREEMENT_ATTRIBUTE,
  MG_DISAGREEMENT_CODE,
} MgDisagreementKind;

/**
 * MgDisagreement:
 * @kind: what differs
 * @document: index of the compared document, for mg_agreement_get_document()
 * @a: (nullable): the span of A, %NULL for %MG_DISAGREEMENT_ONLY_B
 * @b: (nullable): the span of B, %NULL for %MG_DISAGREEMENT_ONLY_A
 *   and %MG_DISAGREEMENT_CODE
 * @id: (nullable): the attribute of %MG_DISAGREEMENT_ATTRIBUTE or the
 *   code of %MG_DISAGREEMENT_CODE (an interned string), else %NULL
 * @values: (nullable): A's and B's values of @id as strings (%NULL for
 *   none), for those two kinds
 *
 * One place where A and B differ: a span only one of them has, the same
 * range under two labels, or the same label over overlapping ranges. A
 * review (mg_review_session_compare()) adds the values that differ: one
 * attribute of a span both marked alike (same label, start and end, @a and
 * @b), or one code of the document (@a and @b %NULL).
 */
typedef struct
{
  MgDisagreementKind kind;
  guint              document;
  MgAnnotation      *a;
  MgAnnotation      *b;
  const char        *id;
  char              *values[2];
} MgDisagreement;

/**
 * MgLeftOutDocument:
 * @id: the document's id in the first dataset that has it
 * @text_sha256: the SHA-256 of its text
 * @note: why it was not compared, a sentence for people
 *
 * A document that not every dataset has.
 */
typedef struct
{
  char *id;
  char *text_sha256;
  char *note;
} MgLeftOutDocument;

/**
 * MgValueAgreement:
 * @id: the attribute or document code
 * @is_code: whether it is a document code, else an attribute of spans
 * @n_pairs: the spans A and B marked alike (for a code, the documents)
 *   behind @kappa
 * @n_units: the spans every annotator marked alike (the documents) behind
 *   @alpha
 * @kappa: Cohen's kappa of A and B over their values, "none" one of them;
 *   NAN without a unit
 * @alpha: Krippendorff's alpha (nominal) of all annotators; NAN without
 *   a unit
 *
 * Agreement on the values of one attribute or document code.
 */
typedef struct
{
  char     *id;
  gboolean  is_code;
  guint     n_pairs;
  guint     n_units;
  double    kappa;
  double    alpha;
} MgValueAgreement;

#define MG_TYPE_AGREEMENT (mg_agreement_get_type ())

G_DECLARE_FINAL_TYPE (MgAgreement, mg_agreement, MG, AGREEMENT, GObject)

MgAgreement              *mg_agreement_new                  (MgDataset * const *datasets,
                                                             guint              n_datasets,
                                                             const char * const *names);
guint                     mg_agreement_get_n_annotators     (MgAgreement       *self);
const char               *mg_agreement_get_annotator        (MgAgreement       *self,
                                                             guint              annotator);
guint                     mg_agreement_get_n_labels         (MgAgreement       *self);
const char               *mg_agreement_get_label            (MgAgreement       *self,
                                                             guint              label);
guint                     mg_agreement_get_n_documents      (MgAgreement       *self);
MgDocument               *mg_agreement_get_document         (MgAgreement       *self,
                                                             guint              document,
                                                             guint              annotator);
const MgAgreementFigures *mg_agreement_get_figures          (MgAgreement       *self,
                                                             int                document,
                                                             int                label);
guint                     mg_agreement_get_n_disagreements  (MgAgreement       *self);
const MgDisagreement     *mg_agreement_get_disagreement     (MgAgreement       *self,
                                                             guint              position);
GPtrArray                *mg_agreement_get_notes            (MgAgreement       *self);
GPtrArray                *mg_agreement_get_left_out         (MgAgreement       *self);
gboolean                  mg_agreement_refresh              (MgAgreement       *self);

guint                     mg_agreement_get_n_values         (MgAgreement       *self);
const MgValueAgreement   *mg_agreement_get_value            (MgAgreement       *self,
                                                             guint              position);
const char               *mg_disagreement_kind_to_string    (MgDisagreementKind kind);

G_END_DECLS
