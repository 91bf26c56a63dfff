/* mg-dashes.h: dashed lines drawn over the article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void mg_dashes_across (GtkSnapshot   *snapshot,
                       const GdkRGBA *color,
                       int            x0,
                       int            x1,
                       int            y,
                       int            thickness);
void mg_dashes_down   (GtkSnapshot   *snapshot,
                       const GdkRGBA *color,
                       int            x,
                       int            y0,
                       int            y1,
                       int            thickness);

G_END_DECLS
