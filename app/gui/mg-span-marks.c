/* mg-span-marks.c: what the tags of the article cannot show
 *
 * A text tag paints one background and one underline: where spans of two
 * labels cover the same words, the tag of higher priority hides the other,
 * and two spans of one label that touch read as one block. So, over the
 * text the view shows, each label gets a bar of its colour under the words
 * it shares with another label, stacked in label order, and a thin stroke
 * marks each edge of a span that lies inside or against another span of
 * its label. Neither costs anything in the buffer, and only spans on
 * screen are walked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-span-marks"

#include "config.h"

#include "mg-span-marks.h"

/* A bar is this thick, and bars stack this far apart. */
#define BAR  2
#define STEP 3

typedef struct
{
  guint pos;
  int   delta;
  guint label;
} Edge;

static int
compare_edges (gconstpointer a,
               gconstpointer b)
{
  const Edge *ea = a, *eb = b;

  if (ea->pos != eb->pos)
    return ea->pos < eb->pos ? -1 : 1;
  return ea->delta - eb->delta;
}

/* A bar being drawn, not yet ended. */
typedef struct
{
  guint start;
  guint end;
  int   rank;
} Run;

/* Calls @func for each piece of [@start, @end) on one display line, in
 * buffer coordinates. */
typedef void (*LineFunc) (GtkSnapshot        *snapshot,
                          const GdkRectangle *piece,
                          const GdkRGBA      *color,
                          int                 rank);

/* One display line at a time, not one character: finding where a code
 * point is drawn costs a walk along its paragraph, and a paragraph dense
 * with spans asked that for each of its characters took a frame's time. */
static void
for_each_line (GtkTextView   *view,
               guint          start,
               guint          end,
               LineFunc       func,
               GtkSnapshot   *snapshot,
               const GdkRGBA *color,
               int            rank)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter, next, last;
  GdkRectangle piece, r;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) start);
  if (start >= end)
    {
      gtk_text_view_get_iter_location (view, &iter, &piece);
      piece.width = 0;
      func (snapshot, &piece, color, rank);
      return;
    }
  /* One character, the stroke at a span's edge, is on one line; so is a
   * range whose last character is drawn at the height of its first. */
  gtk_text_view_get_iter_location (view, &iter, &piece);
  if (end == start + 1)
    {
      func (snapshot, &piece, color, rank);
      return;
    }
  gtk_text_buffer_get_iter_at_offset (buffer, &last, (int) end - 1);
  gtk_text_view_get_iter_location (view, &last, &r);
  if (r.y == piece.y)
    {
      piece.width = MAX (r.x + r.width - piece.x, piece.width);
      func (snapshot, &piece, color, rank);
      return;
    }

  while ((guint) gtk_text_iter_get_offset (&iter) < end)
    {
      next = iter;
      /* To the start of the next display line, or the end of the range. */
      if (!gtk_text_view_forward_display_line (view, &next) ||
          gtk_text_iter_compare (&next, &iter) <= 0 ||
          (guint) gtk_text_iter_get_offset (&next) > end)
        gtk_text_buffer_get_iter_at_offset (buffer, &next, (int) end);

      last = next;
      gtk_text_iter_backward_char (&last);
      gtk_text_view_get_iter_location (view, &iter, &piece);
      gtk_text_view_get_iter_location (view, &last, &r);
      piece.width = MAX (r.x + r.width - piece.x, piece.width);
      func (snapshot, &piece, color, rank);
      iter = next;
    }
}

static void
draw_bar (GtkSnapshot        *snapshot,
          const GdkRectangle *piece,
          const GdkRGBA      *color,
          int                 rank)
{
  if (piece->width > 0)
    gtk_snapshot_append_color (snapshot, color,
                               &GRAPHENE_RECT_INIT (piece->x, piece->y + piece->height + 1 + rank * STEP,
                                                    piece->width, BAR));
}

/* Under each stretch covered by two labels or more, a bar per label. A bar
 * goes on across stretches as long as its label keeps its rank: where spans
 * are dense the stretches are a few characters long, and each bar drawn
 * costs finding its ends in the layout. */
static void
draw_shared (GtkTextView   *view,
             GtkSnapshot   *snapshot,
             GArray        *edges,
             const GdkRGBA *colors,
             guint          n_labels)
{
  g_autofree int *depth = g_new0 (int, n_labels);
  g_autofree Run *bars = g_new0 (Run, n_labels);
  guint n_covering = 0;

  for (guint i = 0; i + 1 < edges->len; i++)
    {
      const Edge *e = &g_array_index (edges, Edge, i);
      guint next = g_array_index (edges, Edge, i + 1).pos;
      int rank = 0;

      if (depth[e->label] == 0 && e->delta > 0)
        n_covering++;
      depth[e->label] += e->delta;
      if (depth[e->label] == 0 && e->delta < 0)
        n_covering--;

      if (n_covering < 2 || next <= e->pos)
        continue;
      for (guint l = 0; l < n_labels; l++)
        if (depth[l] > 0)
          {
            Run *bar = &bars[l];

            if (bar->end == e->pos && bar->rank == rank && bar->end > bar->start)
              bar->end = next;
            else
              {
                if (bar->end > bar->start)
                  for_each_line (view, bar->start, bar->end, draw_bar, snapshot, &colors[l], bar->rank);
                *bar = (Run) { e->pos, next, rank };
              }
            rank++;
          }
    }

  for (guint l = 0; l < n_labels; l++)
    if (bars[l].end > bars[l].start)
      for_each_line (view, bars[l].start, bars[l].end, draw_bar, snapshot, &colors[l], bars[l].rank);
}

static void
draw_stroke (GtkSnapshot        *snapshot,
             const GdkRectangle *piece,
             const GdkRGBA      *color,
             int                 rank)
{
  gtk_snapshot_append_color (snapshot, color,
                             &GRAPHENE_RECT_INIT (piece->x - 1, piece->y, 2, piece->height));
}

static int
compare_uints (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* How many of the sorted @values are at most @pos. */
static guint
count_at_most (GArray *values,
               guint   pos)
{
  guint lo = 0, hi = values->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (values, guint, mid) <= pos)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* A stroke at an edge where the tint of the label goes on across it. How
 * many spans of a label cover a code point is the starts at or before it
 * less the ends at or before it, found in sorted lists of each label's
 * starts and ends: asking every span for every edge took a frame's time
 * where spans are dense. */
static void
draw_edges (GtkTextView   *view,
            GtkSnapshot   *snapshot,
            GPtrArray     *spans,
            MgLabelSet    *labels,
            const GdkRGBA *colors,
            guint          visible_start,
            guint          visible_end)
{
  guint n_labels = mg_label_set_get_n_labels (labels);
  g_autofree int *index_of = g_new (int, MAX (spans->len, 1));
  g_autoptr(GPtrArray) starts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) ends = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint l = 0; l < n_labels; l++)
    {
      g_ptr_array_add (starts, g_array_new (FALSE, FALSE, sizeof (guint)));
      g_ptr_array_add (ends, g_array_new (FALSE, FALSE, sizeof (guint)));
    }
  for (guint i = 0; i < spans->len; i++)
    {
      MgAnnotation *a = g_ptr_array_index (spans, i);
      guint start = mg_annotation_get_start (a), end = mg_annotation_get_end (a);

      index_of[i] = mg_label_set_index_of (labels, mg_annotation_get_label (a));
      if (index_of[i] < 0 || (guint) index_of[i] >= n_labels)
        continue;
      g_array_append_val (g_ptr_array_index (starts, index_of[i]), start);
      g_array_append_val (g_ptr_array_index (ends, index_of[i]), end);
    }
  for (guint l = 0; l < n_labels; l++)
    {
      g_array_sort (g_ptr_array_index (starts, l), compare_uints);
      g_array_sort (g_ptr_array_index (ends, l), compare_uints);
    }

  for (guint i = 0; i < spans->len; i++)
    {
      MgAnnotation *a = g_ptr_array_index (spans, i);
      int index = index_of[i];
      guint edge[2] = { mg_annotation_get_start (a), mg_annotation_get_end (a) };
      GArray *s, *e;

      if (index < 0 || (guint) index >= n_labels)
        continue;
      s = g_ptr_array_index (starts, index);
      e = g_ptr_array_index (ends, index);
      for (guint k = 0; k < 2; k++)
        if (edge[k] > visible_start && edge[k] < visible_end &&
            count_at_most (s, edge[k] - 1) > count_at_most (e, edge[k] - 1) &&
            count_at_most (s, edge[k]) > count_at_most (e, edge[k]))
          for_each_line (view, edge[k], edge[k] + 1, draw_stroke, snapshot, &colors[index], 0);
    }
}

/* The marks of [@start, @end), from @spans, those overlapping
 * [@start - 1, @end); strokes only at edges inside the visible text
 * (@stroke_lo to @stroke_hi), as when the whole screen is drawn at once. */
static void
draw_piece (GtkTextView   *view,
            GtkSnapshot   *snapshot,
            GPtrArray     *spans,
            const int     *index_of,
            MgLabelSet    *labels,
            const GdkRGBA *colors,
            guint          start,
            guint          end,
            guint          stroke_lo,
            guint          stroke_hi)
{
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (Edge));
  guint n_labels = mg_label_set_get_n_labels (labels);

  for (guint i = 0; i < spans->len; i++)
    {
      MgAnnotation *a = g_ptr_array_index (spans, i);
      guint s = MAX (mg_annotation_get_start (a), start);
      guint e = MIN (mg_annotation_get_end (a), end);

      if (index_of[i] < 0 || s >= e)
        continue;
      g_array_append_val (edges, ((Edge) { s, 1, (guint) index_of[i] }));
      g_array_append_val (edges, ((Edge) { e, -1, (guint) index_of[i] }));
    }
  g_array_sort (edges, compare_edges);

  draw_shared (view, snapshot, edges, colors, n_labels);
  /* draw_edges keeps the edges strictly inside its bounds. */
  draw_edges (view, snapshot, spans, labels, colors, stroke_lo - 1, stroke_hi);
}

/* The marks of one paragraph on screen, kept between frames: where spans
 * are dense, finding where each mark goes in the layout took most of a
 * frame, and an edit changes the spans of one paragraph. A piece is drawn
 * again when its spans (their ends and labels), its stretch on screen, its
 * height, the view's width or the colours differ, or when a tag changed in
 * its paragraph, since a tag (italic quotes) can wrap the lines anew. */
typedef struct
{
  guint          paragraph_start;
  guint          paragraph_end;
  guint          start;
  guint          end;
  guint          stroke_lo;
  guint          stroke_hi;
  int            height;
  int            width;
  guint64        signature;
  guint          frame;
  GskRenderNode *node;   /* nullable: nothing to draw */
} Piece;

typedef struct
{
  GtkTextBuffer *buffer;
  gulong         handlers[3];
  GHashTable    *pieces;   /* paragraph start + 1 → Piece */
  guint64        colors;
  guint          frame;
} Cache;

#define CACHE_KEY "mg-span-marks-cache"

static void
piece_free (gpointer data)
{
  Piece *piece = data;

  g_clear_pointer (&piece->node, gsk_render_node_unref);
  g_free (piece);
}

static void
cache_forget_buffer (Cache *cache)
{
  if (cache->buffer == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (cache->handlers); i++)
    g_clear_signal_handler (&cache->handlers[i], cache->buffer);
  g_clear_object (&cache->buffer);
}

static void
cache_free (gpointer data)
{
  Cache *cache = data;

  cache_forget_buffer (cache);
  g_hash_table_unref (cache->pieces);
  g_free (cache);
}

static void
on_text_changed (GtkTextBuffer *buffer,
                 Cache         *cache)
{
  g_hash_table_remove_all (cache->pieces);
}

static gboolean
piece_touches (gpointer key,
               gpointer value,
               gpointer user_data)
{
  const Piece *piece = value;
  const guint *range = user_data;

  return piece->paragraph_start <= range[1] && range[0] < piece->paragraph_end;
}

static void
on_tag_changed (GtkTextBuffer     *buffer,
                GtkTextTag        *tag,
                const GtkTextIter *start,
                const GtkTextIter *end,
                Cache             *cache)
{
  guint range[2] = { gtk_text_iter_get_offset (start), gtk_text_iter_get_offset (end) };

  if (g_hash_table_size (cache->pieces) > 0)
    g_hash_table_foreach_remove (cache->pieces, piece_touches, range);
}

static Cache *
get_cache (GtkTextView *view)
{
  Cache *cache = g_object_get_data (G_OBJECT (view), CACHE_KEY);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  if (cache == NULL)
    {
      cache = g_new0 (Cache, 1);
      cache->pieces = g_hash_table_new_full (NULL, NULL, NULL, piece_free);
      g_object_set_data_full (G_OBJECT (view), CACHE_KEY, cache, cache_free);
    }
  if (cache->buffer != buffer)
    {
      cache_forget_buffer (cache);
      g_hash_table_remove_all (cache->pieces);
      cache->buffer = g_object_ref (buffer);
      cache->handlers[0] = g_signal_connect (buffer, "changed", G_CALLBACK (on_text_changed), cache);
      cache->handlers[1] = g_signal_connect (buffer, "apply-tag", G_CALLBACK (on_tag_changed), cache);
      cache->handlers[2] = g_signal_connect (buffer, "remove-tag", G_CALLBACK (on_tag_changed), cache);
    }
  return cache;
}

static guint64
mix (guint64 hash,
     guint64 value)
{
  return (hash ^ value) * G_GUINT64_CONSTANT (0x100000001b3);
}

static gboolean
drop_unused (gpointer key,
             gpointer value,
             gpointer user_data)
{
  return ((Piece *) value)->frame != GPOINTER_TO_UINT (user_data);
}

/**
 * mg_span_marks_snapshot:
 * @store: the spans of the document shown
 * @labels: its labels
 * @colors: the line colour of each label, in the order of @labels
 * @visible_start: the first code point on screen
 * @visible_end: the code point after the last on screen
 *
 * Draws, in buffer coordinates, the marks that keep every span on screen
 * apart from its neighbours.
 */
void
mg_span_marks_snapshot (GtkTextView       *view,
                        GtkSnapshot       *snapshot,
                        MgAnnotationStore *store,
                        MgLabelSet        *labels,
                        const GdkRGBA     *colors,
                        guint              visible_start,
                        guint              visible_end)
{
  Cache *cache = get_cache (view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  guint n_labels = mg_label_set_get_n_labels (labels);
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  guint64 colors_hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  GtkTextIter line;

  colors_hash = mix (colors_hash, n_labels);
  for (guint l = 0; l < n_labels; l++)
    for (guint k = 0; k < sizeof (GdkRGBA); k++)
      colors_hash = mix (colors_hash, ((const guint8 *) &colors[l])[k]);
  if (colors_hash != cache->colors)
    {
      g_hash_table_remove_all (cache->pieces);
      cache->colors = colors_hash;
    }
  cache->frame++;

  gtk_text_buffer_get_iter_at_offset (buffer, &line, (int) visible_start);
  gtk_text_iter_set_line_offset (&line, 0);
  for (;;)
    {
      GtkTextIter next = line;
      guint paragraph_start = gtk_text_iter_get_offset (&line);
      guint paragraph_end, start, end, stroke_lo, stroke_hi;
      gboolean last = !gtk_text_iter_forward_line (&next);
      g_autoptr(GPtrArray) spans = NULL;
      g_autofree int *index_of = NULL;
      guint64 signature = G_GUINT64_CONSTANT (0xcbf29ce484222325);
      Piece *piece;
      int y, height;

      paragraph_end = gtk_text_iter_get_offset (&next);
      start = MAX (paragraph_start, visible_start);
      end = last ? visible_end : MIN (paragraph_end, visible_end);
      if (start >= end)
        break;
      stroke_lo = MAX (start, visible_start + 1);
      stroke_hi = end;

      spans = mg_annotation_store_overlapping (store, start > 0 ? start - 1 : 0, end);
      index_of = g_new (int, MAX (spans->len, 1));
      for (guint i = 0; i < spans->len; i++)
        {
          MgAnnotation *a = g_ptr_array_index (spans, i);

          index_of[i] = mg_label_set_index_of (labels, mg_annotation_get_label (a));
          signature = mix (signature, mg_annotation_get_start (a));
          signature = mix (signature, mg_annotation_get_end (a));
          signature = mix (signature, (guint) index_of[i]);
        }
      gtk_text_view_get_line_yrange (view, &line, &y, &height);

      piece = g_hash_table_lookup (cache->pieces, GUINT_TO_POINTER (paragraph_start + 1));
      if (piece == NULL || piece->start != start || piece->end != end ||
          piece->stroke_lo != stroke_lo || piece->stroke_hi != stroke_hi ||
          piece->height != height || piece->width != width ||
          piece->signature != signature || piece->paragraph_end != paragraph_end)
        {
          GtkSnapshot *own = gtk_snapshot_new ();

          /* Drawn from the paragraph's top, so that a paragraph above
           * that grows or shrinks moves it without drawing it again. */
          gtk_snapshot_translate (own, &GRAPHENE_POINT_INIT (0, -y));
          draw_piece (view, own, spans, index_of, labels, colors, start, end,
                      stroke_lo, MIN (stroke_hi, visible_end));
          piece = g_new0 (Piece, 1);
          *piece = (Piece) { paragraph_start, paragraph_end, start, end, stroke_lo, stroke_hi,
                             height, width, signature, 0, gtk_snapshot_free_to_node (own) };
          g_hash_table_replace (cache->pieces, GUINT_TO_POINTER (paragraph_start + 1), piece);
        }
      piece->frame = cache->frame;
      if (piece->node != NULL)
        {
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y));
          gtk_snapshot_append_node (snapshot, piece->node);
          gtk_snapshot_restore (snapshot);
        }
      if (last || paragraph_end >= visible_end)
        break;
      line = next;
    }

  /* Only the paragraphs on screen are kept. */
  g_hash_table_foreach_remove (cache->pieces, drop_unused, GUINT_TO_POINTER (cache->frame));
}
