/* mg-span-handles.h: dragging the boundaries of the selected annotation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mg-article-view.h"

G_BEGIN_DECLS

typedef struct _MgSpanHandles MgSpanHandles;

MgSpanHandles *mg_span_handles_new      (MgArticleView *view);
void           mg_span_handles_free     (MgSpanHandles *self);
void           mg_span_handles_snapshot (MgSpanHandles *self,
                                         GtkSnapshot   *snapshot,
                                         const GdkRGBA *color,
                                         guint          visible_start,
                                         guint          visible_end);

G_END_DECLS
