/* mg-label-names.h: each span's label named over its first word
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mg-core.h"

G_BEGIN_DECLS

void mg_label_names_make_room (GtkTextView       *view,
                               gboolean           shown);
void mg_label_names_snapshot  (GtkTextView       *view,
                               GtkSnapshot       *snapshot,
                               MgAnnotationStore *store,
                               MgLabelSet        *labels,
                               const GdkRGBA     *colors,
                               const GdkRGBA     *ink,
                               gboolean           dark,
                               guint              visible_start,
                               guint              visible_end);

G_END_DECLS
