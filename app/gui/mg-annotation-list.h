/* mg-annotation-list.h: the annotations of the document, filterable by label
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mg-core.h"

G_BEGIN_DECLS

#define MG_TYPE_ANNOTATION_LIST (mg_annotation_list_get_type ())

G_DECLARE_FINAL_TYPE (MgAnnotationList, mg_annotation_list, MG, ANNOTATION_LIST, GtkWidget)

GtkWidget  *mg_annotation_list_new          (void);
void        mg_annotation_list_set_document (MgAnnotationList *self,
                                             MgDocument       *document,
                                             MgLabelSet       *labels);
void        mg_annotation_list_select       (MgAnnotationList *self,
                                             MgAnnotation     *annotation);
void        mg_annotation_list_set_filter   (MgAnnotationList *self,
                                             const char       *label_id);
GListModel *mg_annotation_list_get_model    (MgAnnotationList *self);

G_END_DECLS
