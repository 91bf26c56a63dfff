/* mg-span-tints.c: the spans' tints and underlines, under the text
 *
 * Each label's tint, a stronger one where its spans nest, and its cue
 * when that is a line under the words: drawn here rather than by text
 * tags, since every tag toggle splits the text into one more run to lay
 * out and paint, and a densely coded paragraph became hundreds of them.
 * One rectangle per display line for each stretch of one depth.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-span-tints"

#include "config.h"

#include "mg-span-marks-private.h"

typedef struct
{
  const GdkRGBA *tint;
  const GdkRGBA *line;
  GdkTexture    *wave;       /* nullable: a period of the wavy underline */
  int            cue;        /* the label's position % 4; 0 is italic, a tag */
  int            below;      /* the underline's top, up from the line's bottom */
  int            thickness;
  GdkRectangle  *pending;    /* the underline not drawn yet, on one line */
} Tint;

/* One period of a zigzag as Pango draws an error underline, to repeat
 * along a stretch: the cairo renderer replays a cairo node's drawing at
 * every frame, and stroking a wave under each stretch cost a quarter of
 * the frame where spans are dense; filling with a small tile is cheap. */
static GdkTexture *
wave_tile (const GdkRGBA *color,
           int            thickness)
{
  int width = 4 * thickness, height = 3 * thickness;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *tile;

  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, thickness);
  cairo_move_to (cr, 0, height - thickness / 2.0);
  cairo_line_to (cr, width / 2.0, thickness / 2.0);
  cairo_line_to (cr, width, height - thickness / 2.0);
  cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * height);
  tile = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                 cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return tile;
}

/* The tile repeats from a multiple of its width on the page, so that
 * stretches side by side join. */
static void
draw_wave (GtkSnapshot           *snapshot,
           const graphene_rect_t *bounds,
           GdkTexture            *tile)
{
  int period = gdk_texture_get_width (tile);
  graphene_rect_t child = GRAPHENE_RECT_INIT (floorf (bounds->origin.x / period) * period,
                                              bounds->origin.y, period,
                                              gdk_texture_get_height (tile));

  gtk_snapshot_push_repeat (snapshot, bounds, &child);
  gtk_snapshot_append_texture (snapshot, tile, &child);
  gtk_snapshot_pop (snapshot);
}

/* The underline of the label of @tint under @line, which ends there. */
static void
draw_underline (GtkSnapshot        *snapshot,
                const Tint         *tint,
                const GdkRectangle *line)
{
  int t = tint->thickness, y = line->y + line->height - tint->below;

  if (tint->cue == 1 || tint->cue == 3)
    gtk_snapshot_append_color (snapshot, tint->line,
                               &GRAPHENE_RECT_INIT (line->x, y, line->width, t));
  if (tint->cue == 3)
    gtk_snapshot_append_color (snapshot, tint->line,
                               &GRAPHENE_RECT_INIT (line->x, y + 2 * t, line->width, t));
  if (tint->cue == 2)
    draw_wave (snapshot, &GRAPHENE_RECT_INIT (line->x, y, line->width, 3 * t), tint->wave);
}

static void
flush_underline (GtkSnapshot *snapshot,
                 const Tint  *tint)
{
  if (tint->pending->width > 0)
    draw_underline (snapshot, tint, tint->pending);
  tint->pending->width = 0;
}

/* The tint of one stretch on one line. Its underline goes on from where
 * the last one of its label ended, if that was just before on the same
 * line: where spans nest densely a label's stretches change depth every
 * few characters, and the cairo renderer paints each node every frame. */
static void
draw_tint (GtkSnapshot        *snapshot,
           const GdkRectangle *piece,
           gconstpointer       data,
           int                 rank)
{
  const Tint *tint = data;
  GdkRectangle *pending = tint->pending;

  if (piece->width <= 0)
    return;
  gtk_snapshot_append_color (snapshot, tint->tint,
                             &GRAPHENE_RECT_INIT (piece->x, piece->y, piece->width, piece->height));
  if (pending->width > 0 && pending->y == piece->y && pending->height == piece->height &&
      pending->x + pending->width == piece->x)
    {
      pending->width += piece->width;
      return;
    }
  flush_underline (snapshot, tint);
  *pending = *piece;
}

/* 0 outside the label's spans, 1 under one, 2 under two or more. */
static int
level_of (int depth)
{
  return MIN (depth, 2);
}

typedef struct
{
  guint start;
  guint end;
  guint label;
  int   level;
} Stretch;

static int
compare_stretches (gconstpointer a,
                   gconstpointer b)
{
  const Stretch *sa = a, *sb = b;

  if (sa->label != sb->label)
    return sa->label < sb->label ? -1 : 1;
  return sa->start < sb->start ? -1 : sa->start > sb->start;
}

/* The stretches of each label at one level, from the sorted @edges, in
 * label order: all edges at one position are taken before the level is
 * looked at, so that a span ending where another begins leaves one
 * stretch, not two. */
static GArray *
find_stretches (GArray *edges,
                guint   n_labels)
{
  GArray *stretches = g_array_new (FALSE, FALSE, sizeof (Stretch));
  g_autofree int *depth = g_new0 (int, n_labels);
  g_autofree int *level = g_new0 (int, n_labels);
  g_autofree guint *since = g_new0 (guint, n_labels);

  for (guint i = 0; i < edges->len; i++)
    {
      const MgMarkEdge *e = &g_array_index (edges, MgMarkEdge, i);
      guint l = e->label;

      depth[l] += e->delta;
      /* Look at each label once all edges at this position are in. */
      for (guint j = i + 1; j < edges->len && g_array_index (edges, MgMarkEdge, j).pos == e->pos; j++)
        if (g_array_index (edges, MgMarkEdge, j).label == l)
          goto next;
      if (level_of (depth[l]) != level[l])
        {
          if (level[l] > 0 && e->pos > since[l])
            g_array_append_val (stretches, ((Stretch) { since[l], e->pos, l, level[l] }));
          level[l] = level_of (depth[l]);
          since[l] = e->pos;
        }
    next:
      ;
    }
  g_array_sort (stretches, compare_stretches);
  return stretches;
}

/* The metrics of the view's font: where its underline goes below the
 * bottom of a line, and how thick. */
static void
underline_metrics (GtkTextView *view,
                   int         *below,
                   int         *thickness)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (view));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int descent = PANGO_PIXELS (pango_font_metrics_get_descent (metrics));
  int position = PANGO_PIXELS (pango_font_metrics_get_underline_position (metrics));

  *thickness = MAX (1, PANGO_PIXELS (pango_font_metrics_get_underline_thickness (metrics)));
  /* Pango's position is the underline's top above the baseline. */
  *below = MAX (descent + position, 3 * *thickness);
  pango_font_metrics_unref (metrics);
}

/* Each label's tints and underlines over the stretches of @edges, in
 * label order, the later over the earlier. */
void
_mg_span_tints_draw (MgSpanLocator *loc,
                     GtkSnapshot   *snapshot,
                     GArray        *edges,
                     const GdkRGBA *colors,
                     const GdkRGBA *tints,
                     guint          n_labels)
{
  g_autoptr(GArray) stretches = find_stretches (edges, n_labels);
  g_autofree GdkTexture **tiles = g_new0 (GdkTexture *, MAX (n_labels, 1));
  GdkRectangle pending = { 0 };
  Tint tint = { .pending = &pending };

  if (stretches->len == 0)
    return;
  underline_metrics (loc->view, &tint.below, &tint.thickness);
  for (guint i = 0; i < stretches->len; i++)
    {
      const Stretch *s = &g_array_index (stretches, Stretch, i);

      /* A label's underline is drawn before the next label's tints. */
      if (i > 0 && s->label != g_array_index (stretches, Stretch, i - 1).label)
        flush_underline (snapshot, &tint);
      tint.tint = &tints[2 * s->label + s->level - 1];
      tint.line = &colors[s->label];
      tint.cue = s->label % 4;
      if (tint.cue == 2 && tiles[s->label] == NULL)
        tiles[s->label] = wave_tile (tint.line, tint.thickness);
      tint.wave = tiles[s->label];
      _mg_span_for_each_line (loc, s->start, s->end, draw_tint, snapshot, &tint, 0);
    }
  flush_underline (snapshot, &tint);
  for (guint l = 0; l < n_labels; l++)
    g_clear_object (&tiles[l]);
}
