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

/* One display line of a range: from @x0 to @x1 at @y, @height high;
 * @first and @last say whether it is the range's first or last line. */
typedef void (*MgLinePieceFunc) (int      x0,
                                 int      x1,
                                 int      y,
                                 int      height,
                                 gboolean first,
                                 gboolean last,
                                 gpointer user_data);

void    mg_line_pieces_foreach (GtkTextView     *view,
                                guint            start,
                                guint            end,
                                MgLinePieceFunc  func,
                                gpointer         user_data);

G_END_DECLS
