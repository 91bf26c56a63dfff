/* mg-line-rects.c: where a range of the article is drawn, line by line
 *
 * The marks drawn over the article (a speaker's box, the preview of a
 * boundary being dragged) follow the text as it wraps: one rectangle per
 * display line, from the first character of the range on that line to the
 * end of its last. Callers pass only what is on screen: asking where a
 * character is lays out its line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-article-view"

#include "config.h"

#include "mg-line-rects.h"

/**
 * mg_line_rects:
 * @start: the first code point
 * @end: the code point after the last
 *
 * Returns: (transfer full) (element-type GdkRectangle): one rectangle per
 *   display line of [@start, @end), in buffer coordinates, top to bottom
 */
GArray *
mg_line_rects (GtkTextView *view,
               guint        start,
               guint        end)
{
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (GdkRectangle));
  GtkTextIter iter;
  GdkRectangle piece = { 0 }, r;

  if (start >= end)
    return rects;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, (int) start);
  gtk_text_view_get_iter_location (view, &iter, &piece);
  piece.width = 0;

  for (guint offset = start; offset < end; offset++)
    {
      gtk_text_view_get_iter_location (view, &iter, &r);
      if (r.y != piece.y)
        {
          if (piece.width > 0)
            g_array_append_val (rects, piece);
          piece = r;
        }
      else
        piece.width = MAX (r.x + r.width - piece.x, piece.width);
      if (!gtk_text_iter_forward_char (&iter))
        break;
    }

  if (piece.width > 0)
    g_array_append_val (rects, piece);

  return rects;
}

/**
 * mg_line_pieces_foreach:
 * @start: the first code point
 * @end: the code point after the last
 *
 * Calls @func for each display line of [@start, @end), top to bottom.
 * Unlike mg_line_rects(), a line is never left out: one that holds only a
 * line break still gets a piece two pixels wide, so that the marks that
 * outline a span on every line (a colleague's span under review, a
 * suggestion) show where the span takes the break in. Those marks walk the
 * range here rather than each with its own copy of the walk.
 */
void
mg_line_pieces_foreach (GtkTextView     *view,
                        guint            start,
                        guint            end,
                        MgLinePieceFunc  func,
                        gpointer         user_data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;
  GdkRectangle r;
  int x0, x1, y, h;
  gboolean first = TRUE;

  if (start >= end)
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) start);
  gtk_text_view_get_iter_location (view, &iter, &r);
  x0 = x1 = r.x;
  y = r.y;
  h = r.height;

  /* Walk the characters, closing a piece at each display line. */
  for (guint offset = start; offset < end; offset++)
    {
      gtk_text_view_get_iter_location (view, &iter, &r);
      if (r.y != y)
        {
          func (x0, x1, y, h, first, FALSE, user_data);
          first = FALSE;
          x0 = r.x;
          y = r.y;
          h = r.height;
        }
      x1 = MAX (r.x + r.width, x0 + 2);
      gtk_text_iter_forward_char (&iter);
    }

  func (x0, x1, y, h, first, TRUE, user_data);
}
