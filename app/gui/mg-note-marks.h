/* mg-note-marks.h: a mark where a span has a note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mg-core.h"

G_BEGIN_DECLS

void mg_note_marks_snapshot (GtkTextView       *view,
                             GtkSnapshot       *snapshot,
                             MgAnnotationStore *store,
                             MgLabelSet        *labels,
                             const GdkRGBA     *colors,
                             guint              visible_start,
                             guint              visible_end);

G_END_DECLS
