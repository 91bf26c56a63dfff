/* mg-article-view-notes.c: a mark where a span has a note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A span with a note gets a small mark in its label's colour, raised at
 * its last character like a footnote sign, so a reader of the article
 * sees which spans carry a note without opening the list. It is drawn in
 * snapshot_layer, never as a tag, so it costs nothing in the buffer.
 */

#define G_LOG_DOMAIN "mg-article-view"

#include "config.h"

#include "mg-article-view-private.h"

#define MARK_SIZE 7

static void
draw_mark (GtkSnapshot   *snapshot,
           const GdkRGBA *color,
           int            x,
           int            y)
{
  GskRoundedRect mark;

  gsk_rounded_rect_init_from_rect (&mark, &GRAPHENE_RECT_INIT (x, y, MARK_SIZE, MARK_SIZE), 2);
  gtk_snapshot_push_rounded_clip (snapshot, &mark);
  gtk_snapshot_append_color (snapshot, color, &mark.bounds);
  gtk_snapshot_pop (snapshot);
}

void
_mg_article_view_snapshot_notes (MgArticleView     *self,
                                 GtkSnapshot       *snapshot,
                                 MgAnnotationStore *store)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autoptr(GPtrArray) shown = NULL;
  guint start, end;

  /* Only the spans that end on screen: asking where a character is lays
   * out its line. */
  _mg_article_view_get_visible_offsets (view, &start, &end);
  shown = mg_annotation_store_overlapping (store, start, end + 1);
  for (guint i = 0; i < shown->len; i++)
    {
      MgAnnotation *a = g_ptr_array_index (shown, i);
      const char *note = mg_annotation_get_note (a);
      const GdkRGBA *label_color;
      GdkRGBA color = { 0.5, 0.5, 0.5, 1 };
      GdkRectangle r;
      GtkTextIter iter;

      if (note == NULL || *note == '\0' || mg_annotation_get_end (a) > end)
        continue;

      if ((label_color = mg_article_view_get_label_color (self, mg_annotation_get_label (a))) != NULL)
        color = *label_color;
      color.alpha = 1;
      if (dark)
        _mg_article_view_lighten (&color);

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) mg_annotation_get_end (a) - 1);
      gtk_text_view_get_iter_location (view, &iter, &r);
      draw_mark (snapshot, &color, r.x + r.width - 2, r.y - MARK_SIZE / 2);
    }
}
