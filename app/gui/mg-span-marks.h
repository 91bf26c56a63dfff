/* mg-span-marks.h: the spans of the article, drawn from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mg-core.h"

G_BEGIN_DECLS

void mg_span_marks_snapshot (GtkTextView       *view,
                             GtkSnapshot       *snapshot,
                             GtkTextViewLayer   layer,
                             MgAnnotationStore *store,
                             MgLabelSet        *labels,
                             const GdkRGBA     *colors,
                             const GdkRGBA     *tints,
                             guint              visible_start,
                             guint              visible_end);

G_END_DECLS
