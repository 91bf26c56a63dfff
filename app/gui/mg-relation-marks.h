/* mg-relation-marks.h: who said the selected quote, and what an actor said
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mg-core.h"

G_BEGIN_DECLS

void mg_relation_marks_snapshot (GtkTextView       *view,
                                 GtkSnapshot       *snapshot,
                                 MgAnnotationStore *store,
                                 MgAnnotation      *selected,
                                 const GdkRGBA     *ink,
                                 const GdkRGBA     *paper,
                                 guint              visible_start,
                                 guint              visible_end);

G_END_DECLS
