/* mg-note-marks.c: a mark where a span has a note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A span with a note gets a small square in its label's colour, raised at
 * its last character like a footnote sign, so a reader of the article sees
 * which spans carry a note without opening the list. The article view
 * draws it in snapshot_layer, never as a tag, so it costs nothing in the
 * buffer.
 */

#define G_LOG_DOMAIN "mg-article-view"

#include "config.h"

#include "mg-note-marks.h"

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

/**
 * mg_note_marks_snapshot:
 * @colors: the colour of each label of @labels, in its order, as drawn
 * @visible_start: the first code point on screen
 * @visible_end: the code point after the last on screen
 *
 * Marks the spans with a note that end on screen, in buffer coordinates.
 * Only those: asking where a character is lays out its line.
 */
void
mg_note_marks_snapshot (GtkTextView       *view,
                        GtkSnapshot       *snapshot,
                        MgAnnotationStore *store,
                        MgLabelSet        *labels,
                        const GdkRGBA     *colors,
                        guint              visible_start,
                        guint              visible_end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(GPtrArray) shown = mg_annotation_store_overlapping (store, visible_start, visible_end + 1);

  for (guint i = 0; i < shown->len; i++)
    {
      MgAnnotation *a = g_ptr_array_index (shown, i);
      const char *note = mg_annotation_get_note (a);
      int index = mg_label_set_index_of (labels, mg_annotation_get_label (a));
      GdkRGBA color = { 0.5, 0.5, 0.5, 1 };
      GdkRectangle r;
      GtkTextIter iter;

      if (note == NULL || *note == '\0' || mg_annotation_get_end (a) > visible_end)
        continue;

      if (index >= 0)
        color = colors[index];
      color.alpha = 1;
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) mg_annotation_get_end (a) - 1);
      gtk_text_view_get_iter_location (view, &iter, &r);
      draw_mark (snapshot, &color, r.x + r.width - 2, r.y - MARK_SIZE / 2);
    }
}
