/* mg-span-marks.c: the spans of the article, drawn from the store
 *
 * Under the text, each label's tint (stronger where its spans nest) and
 * its cue when that is a line under the words, in label order, the later
 * over the earlier: drawn rather than left to text tags, since every tag
 * toggle splits the text into one more run to lay out and paint. Over
 * the text, so that no span hides under a neighbour, each label gets a
 * bar of its colour under the words it shares with another label, stacked
 * in label order, and a thin stroke marks each edge of a span that lies
 * inside or against another span of its label. None of it costs anything
 * in the buffer, only spans on screen are walked, and what a paragraph
 * draws is kept until its spans, its layout or the colours change. The
 * tints and underlines themselves are drawn by mg-span-tints.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-span-marks"

#include "config.h"

#include "mg-span-marks.h"
#include "mg-span-marks-private.h"

/* A bar is this thick, and bars stack this far apart. */
#define BAR  2
#define STEP 3

static int
compare_edges (gconstpointer a,
               gconstpointer b)
{
  const MgMarkEdge *ea = a, *eb = b;

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

void
_mg_span_locator_init (MgSpanLocator *loc,
                       GtkTextView   *view)
{
  loc->view = view;
  loc->boxes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

void
_mg_span_locator_clear (MgSpanLocator *loc)
{
  g_clear_pointer (&loc->boxes, g_hash_table_unref);
}

static void
locate (MgSpanLocator     *loc,
        const GtkTextIter *iter,
        GdkRectangle      *box)
{
  gpointer key = GUINT_TO_POINTER (gtk_text_iter_get_offset (iter) + 1);
  GdkRectangle *known = g_hash_table_lookup (loc->boxes, key);

  if (known == NULL)
    {
      known = g_new (GdkRectangle, 1);
      gtk_text_view_get_iter_location (loc->view, iter, known);
      g_hash_table_insert (loc->boxes, key, known);
    }
  *box = *known;
}

/* One display line at a time, not one character: finding where a code
 * point is drawn costs a walk along its paragraph, and a paragraph dense
 * with spans asked that for each of its characters took a frame's time. */
void
_mg_span_for_each_line (MgSpanLocator *loc,
                        guint          start,
                        guint          end,
                        MgSpanLineFunc func,
                        GtkSnapshot   *snapshot,
                        gconstpointer  color,
                        int            rank)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (loc->view);
  GtkTextIter iter, next, last;
  GdkRectangle piece, r;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) start);
  if (start >= end)
    {
      locate (loc, &iter, &piece);
      piece.width = 0;
      func (snapshot, &piece, color, rank);
      return;
    }
  /* One character, the stroke at a span's edge, is on one line; so is a
   * range whose last character is drawn at the height of its first. */
  locate (loc, &iter, &piece);
  if (end == start + 1)
    {
      func (snapshot, &piece, color, rank);
      return;
    }
  gtk_text_buffer_get_iter_at_offset (buffer, &last, (int) end - 1);
  locate (loc, &last, &r);
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
      if (!gtk_text_view_forward_display_line (loc->view, &next) ||
          gtk_text_iter_compare (&next, &iter) <= 0 ||
          (guint) gtk_text_iter_get_offset (&next) > end)
        gtk_text_buffer_get_iter_at_offset (buffer, &next, (int) end);

      last = next;
      gtk_text_iter_backward_char (&last);
      locate (loc, &iter, &piece);
      locate (loc, &last, &r);
      piece.width = MAX (r.x + r.width - piece.x, piece.width);
      func (snapshot, &piece, color, rank);
      iter = next;
    }
}

static void
draw_bar (GtkSnapshot        *snapshot,
          const GdkRectangle *piece,
          gconstpointer       color,
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
draw_shared (MgSpanLocator *loc,
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
      const MgMarkEdge *e = &g_array_index (edges, MgMarkEdge, i);
      guint next = g_array_index (edges, MgMarkEdge, i + 1).pos;
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
                  _mg_span_for_each_line (loc, bar->start, bar->end, draw_bar, snapshot, &colors[l], bar->rank);
                *bar = (Run) { e->pos, next, rank };
              }
            rank++;
          }
    }

  for (guint l = 0; l < n_labels; l++)
    if (bars[l].end > bars[l].start)
      _mg_span_for_each_line (loc, bars[l].start, bars[l].end, draw_bar, snapshot, &colors[l], bars[l].rank);
}

static void
draw_stroke (GtkSnapshot        *snapshot,
             const GdkRectangle *piece,
             gconstpointer       color,
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
draw_edges (MgSpanLocator *loc,
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
          _mg_span_for_each_line (loc, edge[k], edge[k] + 1, draw_stroke, snapshot, &colors[index], 0);
    }
}

/* The marks of [@start, @end), from @spans, those overlapping
 * [@start - 1, @end): tints and cues into @below, bars and strokes into
 * @above, strokes only at edges inside the visible text (@stroke_lo to
 * @stroke_hi), as when the whole screen is drawn at once. */
static void
draw_piece (GtkTextView   *view,
            GtkSnapshot   *below,
            GtkSnapshot   *above,
            GPtrArray     *spans,
            const int     *index_of,
            MgLabelSet    *labels,
            const GdkRGBA *colors,
            const GdkRGBA *tints,
            guint          start,
            guint          end,
            guint          stroke_lo,
            guint          stroke_hi)
{
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (MgMarkEdge));
  guint n_labels = mg_label_set_get_n_labels (labels);
  MgSpanLocator loc;

  for (guint i = 0; i < spans->len; i++)
    {
      MgAnnotation *a = g_ptr_array_index (spans, i);
      guint s = MAX (mg_annotation_get_start (a), start);
      guint e = MIN (mg_annotation_get_end (a), end);

      if (index_of[i] < 0 || (guint) index_of[i] >= n_labels || s >= e)
        continue;
      g_array_append_val (edges, ((MgMarkEdge) { s, 1, (guint) index_of[i] }));
      g_array_append_val (edges, ((MgMarkEdge) { e, -1, (guint) index_of[i] }));
    }
  g_array_sort (edges, compare_edges);

  _mg_span_locator_init (&loc, view);
  _mg_span_tints_draw (&loc, below, edges, colors, tints, n_labels);
  draw_shared (&loc, above, edges, colors, n_labels);
  /* draw_edges keeps the edges strictly inside its bounds. */
  draw_edges (&loc, above, spans, labels, colors, stroke_lo - 1, stroke_hi);
  _mg_span_locator_clear (&loc);
}

/* The marks of one paragraph on screen, kept between frames: where spans
 * are dense, finding where each mark goes in the layout took most of a
 * frame, and an edit changes the spans of one paragraph. A piece is drawn
 * again when its spans (their ends and labels), its stretch on screen, its
 * height, the view's width or the colours differ, or when a tag changed in
 * its paragraph, since a tag (italic quotes) can wrap the lines anew.
 * Both layers are drawn in one pass from the same edges. */
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
  GskRenderNode *below;  /* nullable: nothing to draw under the text */
  GskRenderNode *above;  /* nullable: nothing to draw over it */
} Piece;

/* A piece on screen this frame, and where. */
typedef struct
{
  Piece *piece;
  int    y;
} Shown;

/* The layer under the text is drawn first in each frame: it checks every
 * piece and leaves what it found in @shown, which the layer over the text
 * then draws, unless anything changed in between. */
typedef struct
{
  GtkTextBuffer *buffer;
  gulong         handlers[3];
  GHashTable    *pieces;   /* paragraph start + 1 → Piece */
  GArray        *shown;    /* of Shown */
  guint64        colors;
  guint          frame;
  guint          shown_start;
  guint          shown_end;
  int            shown_width;
  gboolean       shown_valid;
} Cache;

#define CACHE_KEY "mg-span-marks-cache"

static void
piece_free (gpointer data)
{
  Piece *piece = data;

  g_clear_pointer (&piece->below, gsk_render_node_unref);
  g_clear_pointer (&piece->above, gsk_render_node_unref);
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
  g_array_unref (cache->shown);
  g_free (cache);
}

static void
on_text_changed (GtkTextBuffer *buffer,
                 Cache         *cache)
{
  cache->shown_valid = FALSE;
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

  cache->shown_valid = FALSE;
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
      cache->shown = g_array_new (FALSE, FALSE, sizeof (Shown));
      g_object_set_data_full (G_OBJECT (view), CACHE_KEY, cache, cache_free);
    }
  if (cache->buffer != buffer)
    {
      cache_forget_buffer (cache);
      cache->shown_valid = FALSE;
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

static guint64
mix_colors (guint64        hash,
            const GdkRGBA *colors,
            guint          n)
{
  for (guint l = 0; l < n; l++)
    for (guint k = 0; k < sizeof (GdkRGBA); k++)
      hash = mix (hash, ((const guint8 *) &colors[l])[k]);
  return hash;
}

static gboolean
drop_unused (gpointer key,
             gpointer value,
             gpointer user_data)
{
  return ((Piece *) value)->frame != GPOINTER_TO_UINT (user_data);
}

typedef struct
{
  GtkTextView       *view;
  MgAnnotationStore *store;
  MgLabelSet        *labels;
  const GdkRGBA     *colors;
  const GdkRGBA     *tints;
  guint              visible_start;
  guint              visible_end;
} Frame;

/* The piece of the paragraph at @line, [@start, @end) of it on screen,
 * drawn again unless what it shows is unchanged. */
static Piece *
validate_piece (Cache             *cache,
                const Frame       *f,
                const GtkTextIter *line,
                guint              paragraph_end,
                guint              start,
                guint              end,
                int               *y)
{
  guint paragraph_start = gtk_text_iter_get_offset (line);
  guint stroke_lo = MAX (start, f->visible_start + 1), stroke_hi = end;
  int width = gtk_widget_get_width (GTK_WIDGET (f->view)), height;
  g_autoptr(GPtrArray) spans = NULL;
  g_autofree int *index_of = NULL;
  guint64 signature = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  Piece *piece;
  GtkSnapshot *below, *above;

  spans = mg_annotation_store_overlapping (f->store, start > 0 ? start - 1 : 0, end);
  index_of = g_new (int, MAX (spans->len, 1));
  for (guint i = 0; i < spans->len; i++)
    {
      MgAnnotation *a = g_ptr_array_index (spans, i);

      index_of[i] = mg_label_set_index_of (f->labels, mg_annotation_get_label (a));
      signature = mix (signature, mg_annotation_get_start (a));
      signature = mix (signature, mg_annotation_get_end (a));
      signature = mix (signature, (guint) index_of[i]);
    }
  gtk_text_view_get_line_yrange (f->view, line, y, &height);

  piece = g_hash_table_lookup (cache->pieces, GUINT_TO_POINTER (paragraph_start + 1));
  if (piece != NULL && piece->start == start && piece->end == end &&
      piece->stroke_lo == stroke_lo && piece->stroke_hi == stroke_hi &&
      piece->height == height && piece->width == width &&
      piece->signature == signature && piece->paragraph_end == paragraph_end)
    return piece;

  /* Drawn from the paragraph's top, so that a paragraph above that grows
   * or shrinks moves it without drawing it again. */
  below = gtk_snapshot_new ();
  above = gtk_snapshot_new ();
  gtk_snapshot_translate (below, &GRAPHENE_POINT_INIT (0, -*y));
  gtk_snapshot_translate (above, &GRAPHENE_POINT_INIT (0, -*y));
  draw_piece (f->view, below, above, spans, index_of, f->labels, f->colors, f->tints,
              start, end, stroke_lo, MIN (stroke_hi, f->visible_end));
  piece = g_new0 (Piece, 1);
  *piece = (Piece) { paragraph_start, paragraph_end, start, end, stroke_lo, stroke_hi,
                     height, width, signature, 0,
                     gtk_snapshot_free_to_node (below), gtk_snapshot_free_to_node (above) };
  g_hash_table_replace (cache->pieces, GUINT_TO_POINTER (paragraph_start + 1), piece);
  return piece;
}

/* Every paragraph on screen checked, its piece drawn again if need be,
 * and listed in @cache->shown. */
static void
validate (Cache       *cache,
          const Frame *f)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (f->view);
  GtkTextIter line;

  cache->frame++;
  g_array_set_size (cache->shown, 0);
  gtk_text_buffer_get_iter_at_offset (buffer, &line, (int) f->visible_start);
  gtk_text_iter_set_line_offset (&line, 0);
  for (;;)
    {
      GtkTextIter next = line;
      guint paragraph_start = gtk_text_iter_get_offset (&line);
      gboolean last = !gtk_text_iter_forward_line (&next);
      guint paragraph_end = gtk_text_iter_get_offset (&next);
      guint start = MAX (paragraph_start, f->visible_start);
      guint end = last ? f->visible_end : MIN (paragraph_end, f->visible_end);
      Shown shown;

      if (start >= end)
        break;
      shown.piece = validate_piece (cache, f, &line, paragraph_end, start, end, &shown.y);
      shown.piece->frame = cache->frame;
      g_array_append_val (cache->shown, shown);
      if (last || paragraph_end >= f->visible_end)
        break;
      line = next;
    }

  /* Only the paragraphs on screen are kept. */
  g_hash_table_foreach_remove (cache->pieces, drop_unused, GUINT_TO_POINTER (cache->frame));
  cache->shown_start = f->visible_start;
  cache->shown_end = f->visible_end;
  cache->shown_width = gtk_widget_get_width (GTK_WIDGET (f->view));
  cache->shown_valid = TRUE;
}

/**
 * mg_span_marks_snapshot:
 * @layer: under the text for tints and cues, over it for bars and strokes
 * @store: the spans of the document shown
 * @labels: its labels
 * @colors: the line colour of each label, in the order of @labels
 * @tints: the tint of each label where one span covers the text, then
 *   where two or more do: 2 × the number of labels
 * @visible_start: the first code point on screen
 * @visible_end: the code point after the last on screen
 *
 * Draws, in buffer coordinates, the tints and underlines of the spans on
 * screen (under the text), or the marks that keep every span apart from
 * its neighbours (over it).
 */
void
mg_span_marks_snapshot (GtkTextView       *view,
                        GtkSnapshot       *snapshot,
                        GtkTextViewLayer   layer,
                        MgAnnotationStore *store,
                        MgLabelSet        *labels,
                        const GdkRGBA     *colors,
                        const GdkRGBA     *tints,
                        guint              visible_start,
                        guint              visible_end)
{
  Cache *cache = get_cache (view);
  guint n_labels = mg_label_set_get_n_labels (labels);
  Frame frame = { view, store, labels, colors, tints, visible_start, visible_end };
  guint64 colors_hash = mix (G_GUINT64_CONSTANT (0xcbf29ce484222325), n_labels);

  colors_hash = mix_colors (colors_hash, colors, n_labels);
  colors_hash = mix_colors (colors_hash, tints, 2 * n_labels);
  if (colors_hash != cache->colors)
    {
      g_hash_table_remove_all (cache->pieces);
      cache->colors = colors_hash;
      cache->shown_valid = FALSE;
    }

  if (layer == GTK_TEXT_VIEW_LAYER_BELOW_TEXT || !cache->shown_valid ||
      cache->shown_start != visible_start || cache->shown_end != visible_end ||
      cache->shown_width != gtk_widget_get_width (GTK_WIDGET (view)))
    validate (cache, &frame);

  for (guint i = 0; i < cache->shown->len; i++)
    {
      const Shown *shown = &g_array_index (cache->shown, Shown, i);
      GskRenderNode *node = layer == GTK_TEXT_VIEW_LAYER_BELOW_TEXT ? shown->piece->below
                                                                     : shown->piece->above;

      if (node == NULL)
        continue;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, shown->y));
      gtk_snapshot_append_node (snapshot, node);
      gtk_snapshot_restore (snapshot);
    }

  /* The next frame checks its pieces again, under the text first. */
  if (layer == GTK_TEXT_VIEW_LAYER_ABOVE_TEXT)
    cache->shown_valid = FALSE;
}
