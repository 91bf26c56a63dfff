/* mg-relation-marks.c: who said the selected quote, and what an actor said
 *
 * An attribution links two spans that may be far apart, and the list
 * beside the article names it only for the row in view. So while a quote
 * or a claim is selected, its speaker's span is boxed in dashes and a chip
 * under the quote's end names the speaker, even when the speaker is off
 * screen; while an actor is selected, every span attributed to it is boxed.
 * The dashes are in the text's own colour: the selection is a solid
 * outline in its label's colour and spans are tints, so the three never
 * read as one another, in the light style or the dark. Nothing is added to
 * the buffer, and only what is on screen is walked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-article-view"

#include "config.h"

#include "mg-dashes.h"
#include "mg-line-rects.h"
#include "mg-relation-marks.h"

/* The thickness of the box's dashes. */
#define LINE 2

/* The chip stands this far from the quote's end, clear of the knob of
 * the selection's end handle. */
#define KNOB_ROOM 8

/* A speaker's name longer than this is cut in the chip. */
#define CHIP_MAX_CHARS 32

/* A dashed box around each line of the span, a little outside the
 * selection's outline so both show when they meet. */
static void
box_span (GtkTextView   *view,
          GtkSnapshot   *snapshot,
          MgAnnotation  *span,
          const GdkRGBA *color,
          guint          visible_start,
          guint          visible_end)
{
  guint start = MAX (mg_annotation_get_start (span), visible_start);
  guint end = MIN (mg_annotation_get_end (span), visible_end);
  g_autoptr(GArray) rects = mg_line_rects (view, start, end);

  for (guint i = 0; i < rects->len; i++)
    {
      const GdkRectangle *r = &g_array_index (rects, GdkRectangle, i);
      int x0 = r->x - 4, x1 = r->x + r->width + 4;
      int y0 = r->y - 3, y1 = r->y + r->height + 3;

      mg_dashes_across (snapshot, color, x0, x1, y0, LINE);
      mg_dashes_across (snapshot, color, x0, x1, y1 - LINE, LINE);
      mg_dashes_down (snapshot, color, x0, y0, y1, LINE);
      mg_dashes_down (snapshot, color, x1 - LINE, y0, y1, LINE);
    }
}

static char *
chip_text (GtkTextView  *view,
           MgAnnotation *speaker)
{
  const char *text = mg_annotation_get_text (speaker);
  g_autofree char *name = NULL;

  if (text == NULL || *text == '\0')
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
      GtkTextIter s, e;

      gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) mg_annotation_get_start (speaker));
      gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) mg_annotation_get_end (speaker));
      name = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
    }
  else
    name = g_strdup (text);

  g_strdelimit (name, "\n\r\t", ' ');
  if (g_utf8_strlen (name, -1) > CHIP_MAX_CHARS)
    {
      g_autofree char *head = g_utf8_substring (name, 0, CHIP_MAX_CHARS - 1);

      g_free (name);
      name = g_strconcat (head, "…", NULL);
    }

  return g_strconcat ("→ ", name, NULL);
}

/* "→ Speaker" in a chip of the text's colour, hanging under the last
 * character of @quote and kept inside the view. */
static void
name_speaker (GtkTextView   *view,
              GtkSnapshot   *snapshot,
              MgAnnotation  *quote,
              MgAnnotation  *speaker,
              const GdkRGBA *ink,
              const GdkRGBA *paper)
{
  GtkTextIter iter;
  GdkRectangle r, visible;
  g_autofree char *text = chip_text (view, speaker);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), text);
  PangoFontDescription *font = pango_font_description_copy (
    pango_context_get_font_description (pango_layout_get_context (layout)));
  PangoRectangle extents;
  GskRoundedRect chip;
  int x, y, width, height;

  pango_font_description_set_size (font, pango_font_description_get_size (font) * 3 / 4);
  pango_font_description_set_weight (font, PANGO_WEIGHT_SEMIBOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_get_pixel_extents (layout, NULL, &extents);

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter,
                                      (int) mg_annotation_get_end (quote) - 1);
  gtk_text_view_get_iter_location (view, &iter, &r);
  gtk_text_view_get_visible_rect (view, &visible);

  width = extents.width + 10;
  height = extents.height + 2;
  /* Right of the end's handle, or left of it where the line has no room. */
  x = r.x + r.width + KNOB_ROOM;
  if (x + width > visible.x + visible.width - 2)
    x = r.x + r.width - KNOB_ROOM - width;
  x = MAX (x, visible.x + 2);
  y = r.y + r.height + 2;

  gsk_rounded_rect_init_from_rect (&chip, &GRAPHENE_RECT_INIT (x, y, width, height), height / 2.0);
  gtk_snapshot_push_rounded_clip (snapshot, &chip);
  gtk_snapshot_append_color (snapshot, ink, &chip.bounds);
  gtk_snapshot_pop (snapshot);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 5 - extents.x, y + 1 - extents.y));
  gtk_snapshot_append_layout (snapshot, layout, paper);
  gtk_snapshot_restore (snapshot);
}

static gboolean
on_screen (MgAnnotation *a,
           guint         visible_start,
           guint         visible_end)
{
  return mg_annotation_get_start (a) < visible_end && mg_annotation_get_end (a) > visible_start;
}

/**
 * mg_relation_marks_snapshot:
 * @selected: (nullable): the selected annotation
 * @ink: the colour of the text
 * @paper: the colour of the page
 * @visible_start: the first code point on screen
 * @visible_end: the code point after the last on screen
 *
 * Boxes the speaker of @selected and names it under @selected's end, and
 * boxes the spans attributed to @selected, in buffer coordinates.
 */
void
mg_relation_marks_snapshot (GtkTextView       *view,
                            GtkSnapshot       *snapshot,
                            MgAnnotationStore *store,
                            MgAnnotation      *selected,
                            const GdkRGBA     *ink,
                            const GdkRGBA     *paper,
                            guint              visible_start,
                            guint              visible_end)
{
  MgAnnotation *speaker;
  const char *id;
  guint n;

  if (selected == NULL || visible_start >= visible_end)
    return;

  speaker = mg_annotation_store_attributed_to (store, selected);
  if (speaker != NULL)
    {
      if (on_screen (speaker, visible_start, visible_end))
        box_span (view, snapshot, speaker, ink, visible_start, visible_end);
      if (mg_annotation_get_end (selected) > visible_start &&
          mg_annotation_get_end (selected) <= visible_end)
        name_speaker (view, snapshot, selected, speaker, ink, paper);
    }

  id = mg_annotation_get_id (selected);
  n = mg_annotation_store_get_n_relations (store);
  for (guint i = 0; i < n; i++)
    {
      MgRelation *r = mg_annotation_store_get_relation (store, i);
      MgAnnotation *said;

      if (g_strcmp0 (mg_relation_get_kind (r), MG_RELATION_ATTRIBUTED_TO) != 0 ||
          g_strcmp0 (mg_relation_get_to (r), id) != 0)
        continue;
      said = mg_annotation_store_lookup (store, mg_relation_get_from (r));
      if (said != NULL && on_screen (said, visible_start, visible_end))
        box_span (view, snapshot, said, ink, visible_start, visible_end);
    }
}
