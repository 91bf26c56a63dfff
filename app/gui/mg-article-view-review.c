/* mg-article-view-review.c: a colleague's spans drawn over the article
 *
 * Your own spans are tinted by the view's text tags; a colleague's are
 * drawn here as a dashed line under the text, closed at each end by a
 * short tick, so that the two never look alike even in one colour. The
 * colleague's span of the current disagreement gets a dashed frame, where
 * your selected span gets a solid one.
 *
 * Only the spans on screen are drawn: a frame costs a walk over the
 * visible characters, whatever the length of the article.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-article-view"

#include "config.h"

#include "mg-article-view-private.h"
#include "mg-dashes.h"
#include "mg-line-rects.h"

#define TICK 7

/* One display line of a span: the dashed underline, a tick where the span
 * starts or ends, and with @framed a dashed box around the line. */
static void
draw_line (GtkSnapshot   *snapshot,
           const GdkRGBA *color,
           int            x0,
           int            x1,
           int            y,
           int            height,
           gboolean       opens,
           gboolean       closes,
           gboolean       framed)
{
  int base = y + height + 2;

  mg_dashes_across (snapshot, color, x0, x1, base, 2);
  if (opens)
    gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x0, base - TICK, 2, TICK + 2));
  if (closes)
    gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x1 - 2, base - TICK, 2, TICK + 2));

  if (framed)
    {
      mg_dashes_across (snapshot, color, x0 - 4, x1 + 4, y - 4, 2);
      if (opens)
        mg_dashes_down (snapshot, color, x0 - 4, y - 4, base + 4, 2);
      if (closes)
        mg_dashes_down (snapshot, color, x1 + 2, y - 4, base + 4, 2);
      mg_dashes_across (snapshot, color, x0 - 4, x1 + 4, base + 4, 2);
    }
}

typedef struct
{
  GtkSnapshot   *snapshot;
  const GdkRGBA *color;
  gboolean       opens;   /* the span starts on screen */
  gboolean       closes;  /* the span ends on screen */
  gboolean       framed;
} SpanDrawing;

static void
draw_span_piece (int      x0,
                 int      x1,
                 int      y,
                 int      height,
                 gboolean first,
                 gboolean last,
                 gpointer user_data)
{
  SpanDrawing *d = user_data;

  draw_line (d->snapshot, d->color, x0, x1, y, height,
             first && d->opens, last && d->closes, d->framed);
}

static void
draw_span (GtkTextView   *view,
           GtkSnapshot   *snapshot,
           const GdkRGBA *color,
           guint          start,
           guint          end,
           guint          visible_start,
           guint          visible_end,
           gboolean       framed)
{
  guint from = MAX (start, visible_start), to = MIN (end, visible_end);
  SpanDrawing d = { snapshot, color, from == start, to == end, framed };

  mg_line_pieces_foreach (view, from, to, draw_span_piece, &d);
}

/* Draws @reference, the colleague's annotations of the document shown,
 * over @view in buffer coordinates, for the text layer above the text;
 * @selected, one of them, is framed. */
void
_mg_article_view_snapshot_reference (MgArticleView     *view,
                                     GtkSnapshot       *snapshot,
                                     MgAnnotationStore *reference,
                                     MgAnnotation      *selected)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (view);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autoptr(GPtrArray) spans = NULL;
  guint visible_start, visible_end;

  _mg_article_view_get_visible_offsets (text_view, &visible_start, &visible_end);
  /* The line break too, so a span that takes it in draws to its end. */
  visible_end++;

  spans = mg_annotation_store_overlapping (reference, visible_start, visible_end);
  for (guint i = 0; i < spans->len; i++)
    {
      MgAnnotation *a = g_ptr_array_index (spans, i);
      const GdkRGBA *label_color = mg_article_view_get_label_color (view, mg_annotation_get_label (a));
      GdkRGBA color;

      /* A label your set lacks is not compared, and the panel says so. */
      if (label_color == NULL)
        continue;
      color = *label_color;
      /* The palette's darker hues sink into a dark page. */
      if (dark)
        _mg_article_view_lighten (&color);

      draw_span (text_view, snapshot, &color,
                 mg_annotation_get_start (a), mg_annotation_get_end (a),
                 visible_start, visible_end, a == selected);
    }
}
