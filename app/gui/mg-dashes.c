/* mg-dashes.c: dashed lines drawn over the article
 *
 * A colleague's spans under review and the box around a quote's speaker
 * are both drawn in dashes, so that they never read as the solid outline
 * of the selection. One dash and gap for both keeps them alike to the eye,
 * and the two marks draw them from here rather than each its own copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-article-view"

#include "config.h"

#include "mg-dashes.h"

/* A dash and the gap after it. */
#define DASH 5
#define GAP  3

/* Dashes along y from @x0 to @x1, the last one cut at @x1. */
void
mg_dashes_across (GtkSnapshot   *snapshot,
                  const GdkRGBA *color,
                  int            x0,
                  int            x1,
                  int            y,
                  int            thickness)
{
  for (int x = x0; x < x1; x += DASH + GAP)
    gtk_snapshot_append_color (snapshot, color,
                               &GRAPHENE_RECT_INIT (x, y, MIN (DASH, x1 - x), thickness));
}

/* Dashes down x from @y0 to @y1, the last one cut at @y1. */
void
mg_dashes_down (GtkSnapshot   *snapshot,
                const GdkRGBA *color,
                int            x,
                int            y0,
                int            y1,
                int            thickness)
{
  for (int y = y0; y < y1; y += DASH + GAP)
    gtk_snapshot_append_color (snapshot, color,
                               &GRAPHENE_RECT_INIT (x, y, thickness, MIN (DASH, y1 - y)));
}
