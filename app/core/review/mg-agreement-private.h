/* mg-agreement-private.h: shared by the files of MgAgreement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mg-agreement.h"
#include "mg-scheme.h"

G_BEGIN_DECLS

GPtrArray  *_mg_agreement_names               (MgAgreement       *self);
GPtrArray  *_mg_agreement_labels              (MgAgreement       *self);
GPtrArray  *_mg_agreement_documents           (MgAgreement       *self);
GArray     *_mg_agreement_disagreements       (MgAgreement       *self);
void        _mg_agreement_set_lists_values    (MgAgreement       *self);
guint       _mg_agreement_n_annotators        (MgAgreement       *self);

GHashTable *_mg_agreement_share_labels        (MgAgreement       *self,
                                               MgDataset * const *datasets);
void        _mg_agreement_pair_documents      (MgAgreement       *self,
                                               MgDataset * const *datasets);
void        _mg_agreement_find_disagreements  (MgAgreement       *self,
                                               guint              document,
                                               GHashTable        *label_index);
void        _mg_agreement_add_value_disagreements (MgAgreement   *self);
void        _mg_agreement_find_document_values (MgAgreement      *self,
                                                guint             document,
                                                GArray           *found);
gboolean    _mg_agreement_codes_changed       (MgAgreement       *self,
                                               guint              document,
                                               guint              first);

GPtrArray  *_mg_agreement_count_span_values   (MgAgreement       *self,
                                               MgScheme          *scheme,
                                               guint              document);
GPtrArray  *_mg_agreement_sum_values          (MgAgreement       *self,
                                               MgScheme          *scheme,
                                               GPtrArray         *span_values);
void        _mg_value_agreement_free          (MgValueAgreement  *value);

G_END_DECLS
