/* mg-span-marks.h: what the tags of the article cannot show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mg-core.h"

G_BEGIN_DECLS

void mg_span_marks_snapshot (GtkTextView       *view,
                             GtkSnapshot       *snapshot,
                             MgAnnotationStore *store,
                             MgLabelSet        *labels,
                             const GdkRGBA     *colors,
                             guint              visible_start,
                             guint              visible_end);

G_END_DECLS
