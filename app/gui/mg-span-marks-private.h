/* mg-span-marks-private.h: what the span marks and the tints share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A span's start (+1) or end (-1) in a piece, for the label at @label
 * in the label set. */
typedef struct
{
  guint pos;
  int   delta;
  guint label;
} MgMarkEdge;

/* Calls @func for each piece of [@start, @end) on one display line, in
 * buffer coordinates; @data is what to draw it with (a colour for bars
 * and strokes, a Tint for tints, in mg-span-tints.c). */
typedef void (*MgSpanLineFunc) (GtkSnapshot        *snapshot,
                                const GdkRectangle *piece,
                                gconstpointer       data,
                                int                 rank);

/* Where the code points of one piece are drawn, each asked of the layout
 * once: tints, underlines, bars and strokes ask for the same span ends
 * again and again, and each answer is a walk along the paragraph's runs,
 * which at a span every few characters took a fifth of an edit's frame.
 * Kept by code point, for those asked only: a paragraph can be long. */
typedef struct
{
  GtkTextView *view;
  GHashTable  *boxes;  /* code point + 1 → GdkRectangle */
} MgSpanLocator;

void _mg_span_locator_init  (MgSpanLocator  *loc,
                             GtkTextView    *view);
void _mg_span_locator_clear (MgSpanLocator  *loc);
void _mg_span_for_each_line (MgSpanLocator  *loc,
                             guint           start,
                             guint           end,
                             MgSpanLineFunc  func,
                             GtkSnapshot    *snapshot,
                             gconstpointer   data,
                             int             rank);
void _mg_span_tints_draw    (MgSpanLocator  *loc,
                             GtkSnapshot    *snapshot,
                             GArray         *edges,
                             const GdkRGBA  *colors,
                             const GdkRGBA  *tints,
                             guint           n_labels);

G_END_DECLS
