/* mg-label-names.c: each span's label named over its first word
 *
 * For coders who read codes rather than colours, as brat shows them: the
 * name of each span's label in small type over the span's first
 * character, on a tint of the label's colour. The names live in room made
 * above every line while they are shown, so they never cover the text;
 * names that would overlap on one line are pushed along it. Only spans
 * that start on screen are asked for, through the store's interval index,
 * so an article of 20,000 spans draws as fast as one of twenty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-article-view"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-label-names.h"

/* The room above each line, in pixels, the gap between two names, and
 * how far a name stands in from its span's start, clear of the knob of a
 * selected span's handle. */
#define ROOM 14
#define SPACING 3
#define INDENT 5

/* Tints of the chip behind a name, over the light and the dark page. */
#define ALPHA_LIGHT 0.22
#define ALPHA_DARK  0.45

/**
 * mg_label_names_make_room:
 * @shown: whether names are now shown
 *
 * Adds room above every line for the names, or takes it back.
 */
void
mg_label_names_make_room (GtkTextView *view,
                          gboolean     shown)
{
  int step = shown ? ROOM : -ROOM;

  gtk_text_view_set_pixels_above_lines (view, MAX (gtk_text_view_get_pixels_above_lines (view) + step, 0));
  gtk_text_view_set_pixels_inside_wrap (view, MAX (gtk_text_view_get_pixels_inside_wrap (view) + step, 0));
}

/* A label with no span on screen has no layout. */
static void
unref_layout (gpointer layout)
{
  if (layout != NULL)
    g_object_unref (layout);
}

/* One layout per label, made on first use in a frame. */
static PangoLayout *
layout_for (GtkTextView *view,
            GPtrArray   *layouts,
            MgLabelSet  *labels,
            guint        index)
{
  PangoLayout *layout = g_ptr_array_index (layouts, index);
  PangoFontDescription *font;
  MgLabel *label;

  if (layout != NULL)
    return layout;

  label = mg_label_set_get_label (labels, index);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), _(mg_label_get_name (label)));
  font = pango_font_description_copy (pango_context_get_font_description (pango_layout_get_context (layout)));
  pango_font_description_set_size (font, pango_font_description_get_size (font) * 13 / 20);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  g_ptr_array_index (layouts, index) = layout;

  return layout;
}

/**
 * mg_label_names_snapshot:
 * @colors: the colour of each label of @labels, in its order
 * @ink: the colour of the text
 * @dark: whether the page is dark
 * @visible_start: the first code point on screen
 * @visible_end: the code point after the last on screen
 *
 * Names the label of each span that starts on screen, over its start, in
 * buffer coordinates.
 */
void
mg_label_names_snapshot (GtkTextView       *view,
                         GtkSnapshot       *snapshot,
                         MgAnnotationStore *store,
                         MgLabelSet        *labels,
                         const GdkRGBA     *colors,
                         const GdkRGBA     *ink,
                         gboolean           dark,
                         guint              visible_start,
                         guint              visible_end)
{
  g_autoptr(GPtrArray) spans = mg_annotation_store_overlapping (store, visible_start, visible_end);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_full (mg_label_set_get_n_labels (labels), unref_layout);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  int line_y = G_MININT, free_x = G_MININT;
  GdkRectangle visible;

  g_ptr_array_set_size (layouts, (int) mg_label_set_get_n_labels (labels));
  gtk_text_view_get_visible_rect (view, &visible);

  /* The store gives spans in order of their start, so names go left to
   * right along each line and top to bottom. */
  for (guint i = 0; i < spans->len; i++)
    {
      MgAnnotation *a = g_ptr_array_index (spans, i);
      int index = mg_label_set_index_of (labels, mg_annotation_get_label (a));
      PangoLayout *layout;
      PangoRectangle extents;
      GskRoundedRect chip;
      GtkTextIter iter;
      GdkRectangle r;
      GdkRGBA tint;
      int x, y;

      if (index < 0 || mg_annotation_get_start (a) < visible_start)
        continue;

      layout = layout_for (view, layouts, labels, (guint) index);
      pango_layout_get_pixel_extents (layout, NULL, &extents);
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) mg_annotation_get_start (a));
      gtk_text_view_get_iter_location (view, &iter, &r);

      if (r.y != line_y)
        {
          line_y = r.y;
          free_x = G_MININT;
        }
      /* Kept inside the view for a span that starts at a line's end. */
      x = MIN (MAX (r.x + INDENT, free_x), visible.x + visible.width - extents.width - 8);
      y = r.y - ROOM;
      free_x = x + extents.width + 6 + SPACING;

      tint = colors[index];
      tint.alpha = dark ? ALPHA_DARK : ALPHA_LIGHT;
      gsk_rounded_rect_init_from_rect (&chip,
                                       &GRAPHENE_RECT_INIT (x, y, extents.width + 6, ROOM - 1), 3);
      gtk_snapshot_push_rounded_clip (snapshot, &chip);
      gtk_snapshot_append_color (snapshot, &tint, &chip.bounds);
      gtk_snapshot_pop (snapshot);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (x + 3 - extents.x,
                                                    y + (ROOM - 1 - extents.height) / 2.0f - extents.y));
      gtk_snapshot_append_layout (snapshot, layout, ink);
      gtk_snapshot_restore (snapshot);
    }
}
