/* mg-line-rects.h: where a range of the article is drawn, line by line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GArray *mg_line_rects (GtkTextView *view,
                       guint        start,
                       guint        end);

G_END_DECLS
