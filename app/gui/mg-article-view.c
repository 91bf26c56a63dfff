/* mg-article-view.c: the article text with its annotations highlighted
 *
 * Each label has a tint where one of its spans covers the text, a stronger
 * one where two or more nest, and a second cue besides colour (italics,
 * underlines). Tints and underlines are drawn from the store under the
 * text (mg-span-marks.c, mg-span-tints.c): a text tag splits the text into runs at each of
 * its toggles, and a densely coded paragraph laid out and painted hundreds
 * of them. Only italics, a property of the font, are a tag, one per
 * italic label, never one per annotation; when the store changes a range,
 * only that range is recomputed. The selected annotation is outlined in
 * snapshot_layer, which costs nothing in the buffer.
 *
 * A long article is not highlighted in one go before it is shown: the text
 * around the caret is, then whatever scrolls into view (with a margin), and
 * the rest in idle slices of a few milliseconds, so that no frame waits for
 * the whole document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-article-view"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-article-view-private.h"
#include "mg-span-marks.h"
#include "mg-note-marks.h"
#include "mg-label-names.h"
#include "mg-relation-marks.h"
#include "mg-span-handles.h"
#include "mg-suggestion-marks.h"

/* Tints over the page colour, one pair for light and one for dark. */
#define ALPHA_LIGHT_1 0.16
#define ALPHA_LIGHT_2 0.36
#define ALPHA_DARK_1  0.30
#define ALPHA_DARK_2  0.55

/* Past this many characters the outline of the selected annotation draws
 * only its first and last lines, to keep every frame cheap. */
#define OUTLINE_MAX_CHARS 4000

/* About 65 characters of the body font, with the margins. */
#define NATURAL_WIDTH 520

/* Highlighted before the first frame, from the caret on: more than a tall
 * window shows. Documents up to this length are highlighted at once. */
#define FIRST_CHARS 12000

/* Beyond what is on screen, highlighted with it: a scroll of a page or two
 * finds its text ready. */
#define MARGIN_CHARS 6000

/* The rest goes in idle slices of this many characters, as many as fit in
 * SLICE_USEC; above GtkTextView's own background layout (GDK_PRIORITY_REDRAW
 * + 5), so that lines are highlighted before they are laid out, and below
 * the frame clock's, so that no frame waits. */
#define SLICE_CHARS    2048
#define SLICE_USEC     3000
#define SLICE_PRIORITY (GDK_PRIORITY_REDRAW + 4)

/* @italic is the tag of a label whose cue is italics, over its spans;
 * other labels have none in the buffer. */
typedef struct
{
  char        *id;
  GdkRGBA      color;
  GdkRGBA      tints[2];   /* where one span covers, where two or more do */
  GtkTextTag  *italic;     /* nullable */
} LabelTags;

struct _MgArticleView
{
  GtkTextView         parent_instance;

  /* Owned */
  MgDocument         *document;
  MgAnnotationStore  *store;
  MgLabelSet         *labels;
  MgAnnotation       *selected;
  GArray             *label_tags;   /* of LabelTags */
  GPtrArray          *popovers;     /* parented here, presented on allocate */
  GtkPopover         *chooser;
  MgAnnotationStore  *reference;    /* a colleague's spans, in review */
  MgAnnotation       *reference_selected;
  MgSpanHandles      *handles;
  MgSuggestionMarks  *suggestion_marks; /* proposals, outlined */

  /* Sorted, disjoint ranges of code points whose tags match the store;
   * outside them no label tag is applied yet. */
  GArray             *highlighted;  /* of Run */
  guint               highlight_source;
  GtkAdjustment      *vadjustment;

  /* Press position, to tell a click from a drag */
  double              press_x;
  double              press_y;

  guint               snap_to_words : 1;
  guint               dark : 1;
  guint               pressed : 1;
  guint               show_label_names : 1;
};

G_DEFINE_FINAL_TYPE (MgArticleView, mg_article_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_SELECTED,
  PROP_SNAP_TO_WORDS,
  PROP_SHOW_LABEL_NAMES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
label_tags_clear (gpointer data)
{
  LabelTags *lt = data;

  g_clear_pointer (&lt->id, g_free);
}

static GtkTextBuffer *
get_buffer (MgArticleView *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
}

static void
get_iter (MgArticleView *self,
          GtkTextIter   *iter,
          guint          offset)
{
  gtk_text_buffer_get_iter_at_offset (get_buffer (self), iter, (int) offset);
}

static LabelTags *
lookup_label_tags (MgArticleView *self,
                   const char    *label_id)
{
  for (guint i = 0; i < self->label_tags->len; i++)
    {
      LabelTags *lt = &g_array_index (self->label_tags, LabelTags, i);

      if (g_strcmp0 (lt->id, label_id) == 0)
        return lt;
    }

  return NULL;
}

void
_mg_article_view_lighten (GdkRGBA *color)
{
  color->red += (1 - color->red) * 0.35;
  color->green += (1 - color->green) * 0.35;
  color->blue += (1 - color->blue) * 0.35;
}

static void
update_tag_colors (MgArticleView *self)
{
  double a1 = self->dark ? ALPHA_DARK_1 : ALPHA_LIGHT_1;
  double a2 = self->dark ? ALPHA_DARK_2 : ALPHA_LIGHT_2;

  for (guint i = 0; i < self->label_tags->len; i++)
    {
      LabelTags *lt = &g_array_index (self->label_tags, LabelTags, i);

      lt->tints[0] = lt->tints[1] = lt->color;
      lt->tints[0].alpha = a1;
      lt->tints[1].alpha = a2;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The second cue, so that colour is never the only one, is by position in
 * the label set: for the default labels quote italic, actor a single
 * underline, claim a wavy one and figure a double one. Only italics need
 * a tag; mg-span-tints.c draws the underlines.
 *
 * The tags live in @buffer's table; a buffer replaced takes its tags with
 * it. */
static void
create_label_tags (MgArticleView *self,
                   GtkTextBuffer *buffer)
{
  guint n = self->labels ? mg_label_set_get_n_labels (self->labels) : 0;

  g_array_set_size (self->label_tags, 0);

  for (guint i = 0; i < n; i++)
    {
      MgLabel *label = mg_label_set_get_label (self->labels, i);
      LabelTags lt = { 0 };

      lt.id = g_strdup (mg_label_get_id (label));
      if (!gdk_rgba_parse (&lt.color, mg_label_get_color (label)))
        gdk_rgba_parse (&lt.color, "#77767b");
      if (i % 4 == 0)
        lt.italic = gtk_text_buffer_create_tag (buffer, NULL, "style", PANGO_STYLE_ITALIC, NULL);
      g_array_append_val (self->label_tags, lt);
    }

  update_tag_colors (self);
}

/* Highlighting a range
 *
 * For each italic tag, the runs it should cover in the range are computed
 * from the store, the runs it covers now are read from the buffer, and only the
 * difference is applied. Every tag change invalidates the layout of the
 * lines it touches and costs toggles in the buffer's tree, so a relabel,
 * a boundary moved by one character or a span added over highlighted text
 * touches a few characters, not the whole widened range.
 */

typedef struct
{
  guint pos;
  int   delta;
} Event;

typedef struct
{
  guint start;
  guint end;
} Run;

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *ea = a, *eb = b;

  if (ea->pos != eb->pos)
    return ea->pos < eb->pos ? -1 : 1;

  /* Ends before starts, so abutting spans do not count as nested. */
  return ea->delta - eb->delta;
}

static void
add_run (GArray *runs,
         guint   start,
         guint   end)
{
  Run *last = runs->len ? &g_array_index (runs, Run, runs->len - 1) : NULL;

  if (start >= end)
    return;

  /* Abutting runs are one run of the tag in the buffer. */
  if (last != NULL && last->end == start)
    last->end = end;
  else
    g_array_append_val (runs, ((Run) { start, end }));
}

/* One sweep over the span ends of one label, clamped to [start, end):
 * where one span or more covers the text. */
static void
wanted_runs (GArray *events,
             guint   start,
             guint   end,
             GArray *runs)
{
  guint run = 0;
  int depth = 0;

  g_array_sort (events, compare_events);

  for (guint i = 0; i < events->len; i++)
    {
      const Event *ev = &g_array_index (events, Event, i);
      guint pos = CLAMP (ev->pos, start, end);
      int before = depth;

      depth += ev->delta;

      if (before == 0 && depth == 1)
        run = pos;
      else if (before == 1 && depth == 0)
        add_run (runs, run, pos);
    }
}

/* The runs @tag covers now in [@start, @end) of @buffer. */
static void
current_runs (GtkTextBuffer *buffer,
              GtkTextTag    *tag,
              guint          start,
              guint          end,
              GArray        *runs)
{
  GtkTextIter iter;
  guint pos = start;
  gboolean on;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) start);
  on = gtk_text_iter_has_tag (&iter, tag);

  while (pos < end)
    {
      guint next;

      if (!gtk_text_iter_forward_to_tag_toggle (&iter, tag))
        next = end;
      else
        next = MIN ((guint) gtk_text_iter_get_offset (&iter), end);
      if (on)
        add_run (runs, pos, next);
      on = !on;
      pos = next;
    }
}

static void
change_run (GtkTextBuffer *buffer,
            GtkTextTag    *tag,
            guint          start,
            guint          end,
            gboolean       apply)
{
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) end);
  if (apply)
    gtk_text_buffer_apply_tag (buffer, tag, &s, &e);
  else
    gtk_text_buffer_remove_tag (buffer, tag, &s, &e);
}

/* Applies where @want covers and @have does not, removes where @have
 * covers and @want does not: a merge of two sorted lists of runs. */
static void
apply_difference (GtkTextBuffer *buffer,
                  GtkTextTag    *tag,
                  GArray        *have,
                  GArray        *want)
{
  guint h = 0, w = 0;
  guint pos = 0;

  while (h < have->len || w < want->len)
    {
      const Run *hr = h < have->len ? &g_array_index (have, Run, h) : NULL;
      const Run *wr = w < want->len ? &g_array_index (want, Run, w) : NULL;
      guint hs = hr ? MAX (hr->start, pos) : G_MAXUINT;
      guint ws = wr ? MAX (wr->start, pos) : G_MAXUINT;
      guint next;

      if (hs < ws)
        {
          /* Only @have covers, up to the next want or the end of its run. */
          next = MIN (hr->end, ws);
          change_run (buffer, tag, hs, next, FALSE);
        }
      else if (ws < hs)
        {
          next = MIN (wr->end, hs);
          change_run (buffer, tag, ws, next, TRUE);
        }
      else
        /* Both cover from here: nothing to do until one ends. */
        next = MIN (hr->end, wr->end);

      pos = next;
      if (hr != NULL && hr->end <= pos)
        h++;
      if (wr != NULL && wr->end <= pos)
        w++;
    }
}

/* GtkTextLayout reuses the attributes of the last run it laid out for the
 * next line it lays out, until it meets a tag toggle: it assumes it goes
 * line after line. A line wholly inside a tag (a blank line in a span
 * across paragraphs) leaves that tag's attributes behind, and the next
 * line laid out out of order, with no toggle before its first character,
 * is drawn with them: the rest of the article in a quote's italic and
 * tint. So a tag never covers a line's end. The last character laid out
 * on every line is then untagged, and a line whose first character is
 * tagged starts with the toggle that makes the layout look again. */
/* The lines [@start, @end) touches, each from its first character to its
 * end (where its terminator begins), read from the buffer once for a
 * whole refresh: a line of a densely coded article holds hundreds of tag
 * toggles, and walking it again for every run of every label was most
 * of an edit's work there. */
static GArray *
lines_touched (GtkTextBuffer *buffer,
               guint          start,
               guint          end)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Run));
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) start);
  gtk_text_iter_set_line_offset (&iter, 0);
  for (;;)
    {
      guint line_start = (guint) gtk_text_iter_get_offset (&iter);

      if (line_start >= end)
        break;
      if (!gtk_text_iter_ends_line (&iter))
        gtk_text_iter_forward_to_line_end (&iter);
      g_array_append_val (lines, ((Run) { line_start, (guint) gtk_text_iter_get_offset (&iter) }));
      if (!gtk_text_iter_forward_line (&iter))
        break;
    }
  return lines;
}

/* Cuts sorted @runs at the ends of @lines (from lines_touched()). */
static void
split_at_line_ends (GArray *lines,
                    GArray *runs)
{
  g_autoptr(GArray) split = g_array_new (FALSE, FALSE, sizeof (Run));
  guint k = 0;

  for (guint i = 0; i < runs->len; i++)
    {
      const Run *run = &g_array_index (runs, Run, i);

      while (k < lines->len && g_array_index (lines, Run, k).end <= run->start)
        k++;
      for (guint j = k; j < lines->len && g_array_index (lines, Run, j).start < run->end; j++)
        {
          const Run *line = &g_array_index (lines, Run, j);
          guint piece_start = MAX (run->start, line->start);
          guint piece_end = MIN (run->end, line->end);

          if (piece_end > piece_start)
            g_array_append_val (split, ((Run) { piece_start, piece_end }));
        }
    }

  g_array_set_size (runs, 0);
  g_array_append_vals (runs, split->data, split->len);
}

/* @fresh: nothing in the range was highlighted yet, so there are no runs
 * to read from the buffer. */
static void
refresh_range (MgArticleView *self,
               GtkTextBuffer *buffer,
               guint          start,
               guint          end,
               gboolean       fresh)
{
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GPtrArray) per_label = NULL;
  g_autoptr(GArray) have = NULL;
  g_autoptr(GArray) want = NULL;
  g_autoptr(GArray) lines = NULL;
  guint length;

  if (self->store == NULL || self->label_tags->len == 0)
    return;

  length = mg_document_get_length (self->document);
  end = MIN (end, length);
  if (start >= end)
    return;

  per_label = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < self->label_tags->len; i++)
    g_ptr_array_add (per_label, g_array_new (FALSE, FALSE, sizeof (Event)));

  spans = mg_annotation_store_overlapping (self->store, start, end);
  for (guint i = 0; i < spans->len; i++)
    {
      MgAnnotation *a = g_ptr_array_index (spans, i);
      int idx = mg_label_set_index_of (self->labels, mg_annotation_get_label (a));
      GArray *events;

      if (idx < 0 || (guint) idx >= per_label->len ||
          g_array_index (self->label_tags, LabelTags, idx).italic == NULL)
        continue;

      events = g_ptr_array_index (per_label, idx);
      g_array_append_val (events, ((Event) { mg_annotation_get_start (a), 1 }));
      g_array_append_val (events, ((Event) { mg_annotation_get_end (a), -1 }));
    }

  have = g_array_new (FALSE, FALSE, sizeof (Run));
  want = g_array_new (FALSE, FALSE, sizeof (Run));
  lines = lines_touched (buffer, start, end);
  for (guint i = 0; i < self->label_tags->len; i++)
    {
      LabelTags *lt = &g_array_index (self->label_tags, LabelTags, i);

      if (lt->italic == NULL)
        continue;
      g_array_set_size (want, 0);
      wanted_runs (g_ptr_array_index (per_label, i), start, end, want);
      split_at_line_ends (lines, want);

      g_array_set_size (have, 0);
      if (!fresh)
        current_runs (buffer, lt->italic, start, end, have);
      apply_difference (buffer, lt->italic, have, want);
    }
}

/* Ranges highlighted so far */

static void
mark_highlighted (MgArticleView *self,
                  guint          start,
                  guint          end)
{
  GArray *ranges = self->highlighted;
  guint i = 0, j;

  if (start >= end)
    return;

  /* The first range that ends at or after @start, then every range that
   * touches [start, end) merged into it. */
  while (i < ranges->len && g_array_index (ranges, Run, i).end < start)
    i++;
  for (j = i; j < ranges->len && g_array_index (ranges, Run, j).start <= end; j++)
    {
      start = MIN (start, g_array_index (ranges, Run, j).start);
      end = MAX (end, g_array_index (ranges, Run, j).end);
    }
  if (j > i)
    g_array_remove_range (ranges, i, j - i);
  g_array_insert_val (ranges, i, ((Run) { start, end }));
}

/* The first range in [@from, @to) not highlighted yet, if any. */
static gboolean
find_gap (MgArticleView *self,
          guint          from,
          guint          to,
          guint         *gap_start,
          guint         *gap_end)
{
  GArray *ranges = self->highlighted;

  for (guint i = 0; i < ranges->len && from < to; i++)
    {
      const Run *r = &g_array_index (ranges, Run, i);

      if (r->end <= from)
        continue;
      if (r->start > from)
        {
          *gap_start = from;
          *gap_end = MIN (r->start, to);
          return TRUE;
        }
      from = r->end;
    }
  if (from >= to)
    return FALSE;

  *gap_start = from;
  *gap_end = to;
  return TRUE;
}

static guint
document_length (MgArticleView *self)
{
  return self->document ? mg_document_get_length (self->document) : 0;
}

/* Highlights whatever of [@start, @end) is not yet. */
static void
ensure_highlighted (MgArticleView *self,
                    guint          start,
                    guint          end)
{
  guint gap_start, gap_end;

  if (self->store == NULL)
    return;

  end = MIN (end, document_length (self));
  while (find_gap (self, start, end, &gap_start, &gap_end))
    {
      refresh_range (self, get_buffer (self), gap_start, gap_end, TRUE);
      mark_highlighted (self, gap_start, gap_end);
      start = gap_end;
    }
}

static void
ensure_highlighted_around (MgArticleView *self,
                           guint          start,
                           guint          end)
{
  ensure_highlighted (self, start > MARGIN_CHARS ? start - MARGIN_CHARS : 0,
                      end + MARGIN_CHARS);
}

static gboolean
highlight_slice_cb (gpointer user_data)
{
  MgArticleView *self = user_data;
  gint64 started = g_get_monotonic_time ();
  guint gap_start, gap_end;

  while (find_gap (self, 0, document_length (self), &gap_start, &gap_end))
    {
      ensure_highlighted (self, gap_start, MIN (gap_end, gap_start + SLICE_CHARS));
      if (g_get_monotonic_time () - started >= SLICE_USEC)
        return G_SOURCE_CONTINUE;
    }

  self->highlight_source = 0;
  return G_SOURCE_REMOVE;
}

/* What is on screen, with a margin, is highlighted when it comes into view:
 * a scroll never shows text the idle slices have not reached yet. */
static void
visible_changed_cb (MgArticleView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GdkRectangle visible;
  GtkTextIter top, bottom;

  if (self->highlight_source == 0)
    return;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_at_location (view, &top, visible.x, visible.y);
  gtk_text_view_get_iter_at_location (view, &bottom, visible.x + visible.width,
                                      visible.y + visible.height);
  ensure_highlighted_around (self, gtk_text_iter_get_offset (&top),
                             gtk_text_iter_get_offset (&bottom));
}

static void
vadjustment_notify_cb (MgArticleView *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self));

  if (adjustment == self->vadjustment)
    return;
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_set_object (&self->vadjustment, adjustment);
  if (adjustment != NULL)
    {
      g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (visible_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (adjustment, "changed", G_CALLBACK (visible_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
}

static void
stop_highlighting (MgArticleView *self)
{
  g_clear_handle_id (&self->highlight_source, g_source_remove);
  g_array_set_size (self->highlighted, 0);
}

static void
store_changed_cb (MgArticleView     *self,
                  guint              start,
                  guint              end,
                  MgAnnotationStore *store)
{
  /* A removed selection is no longer there to outline. */
  if (self->selected != NULL &&
      mg_annotation_store_get_position (store, self->selected) == G_MAXUINT)
    mg_article_view_set_selected (self, NULL);

  /* Text not highlighted yet is left to the slices, which read the store
   * as it is then. */
  end = MIN (end, document_length (self));
  for (guint i = 0; i < self->highlighted->len && start < end; i++)
    {
      const Run *r = &g_array_index (self->highlighted, Run, i);

      if (r->end > start && r->start < end)
        refresh_range (self, get_buffer (self), MAX (r->start, start), MIN (r->end, end), FALSE);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
dark_changed_cb (MgArticleView  *self,
                 GParamSpec     *pspec,
                 AdwStyleManager *manager)
{
  self->dark = adw_style_manager_get_dark (manager);
  update_tag_colors (self);
}

/**
 * mg_article_view_get_tag_range:
 * @start: (out): first code point
 * @end: (out): code point after the last
 *
 * The selection of the buffer, snapped by mg_span_edges_snap() as every
 * span's edges are.
 *
 * Returns: %TRUE when there is a non-empty selection to tag
 */
gboolean
mg_article_view_get_tag_range (MgArticleView *self,
                               guint         *start,
                               guint         *end)
{
  GtkTextIter s, e;

  g_return_val_if_fail (MG_IS_ARTICLE_VIEW (self), FALSE);

  if (self->document == NULL ||
      !gtk_text_buffer_get_selection_bounds (get_buffer (self), &s, &e))
    return FALSE;

  *start = gtk_text_iter_get_offset (&s);
  *end = gtk_text_iter_get_offset (&e);

  return mg_span_edges_snap (mg_document_get_text_index (self->document), start, end,
                             self->snap_to_words);
}

/* The outline of the selected annotation */

static void
outline_line (GtkSnapshot   *snapshot,
              const GdkRGBA *color,
              int            x0,
              int            x1,
              int            y,
              int            height)
{
  GskRoundedRect outline;
  float widths[4] = { 2, 2, 2, 2 };
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline,
                                   &GRAPHENE_RECT_INIT (x0 - 2, y - 1, x1 - x0 + 4, height + 2),
                                   4);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

/* The code points of the lines the view shows, whole lines. */
void
_mg_article_view_get_visible_offsets (GtkTextView *view,
                                      guint       *start,
                                      guint       *end)
{
  GdkRectangle visible;
  GtkTextIter top, bottom;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &top, visible.y, NULL);
  gtk_text_view_get_line_at_y (view, &bottom, visible.y + visible.height, NULL);
  if (!gtk_text_iter_ends_line (&bottom))
    gtk_text_iter_forward_to_line_end (&bottom);

  *start = gtk_text_iter_get_offset (&top);
  *end = gtk_text_iter_get_offset (&bottom);
}

/* Under the text, the tints and underlines of the spans; over it, the
 * marks of labels sharing words, spans of one label that touch, notes and
 * relations, in each label's colour. */
static void
snapshot_span_marks (MgArticleView    *self,
                     GtkSnapshot      *snapshot,
                     GtkTextViewLayer  layer)
{
  g_autoptr(GArray) colors = g_array_sized_new (FALSE, FALSE, sizeof (GdkRGBA),
                                                self->label_tags->len);
  g_autoptr(GArray) tints = g_array_sized_new (FALSE, FALSE, sizeof (GdkRGBA),
                                               2 * self->label_tags->len);
  guint start, end;
  GdkRGBA ink, paper;

  /* The text's colour, and the page's as the theme paints it. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &ink);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gdk_rgba_parse (&paper, self->dark ? "#1e1e1e" : "#ffffff");

  for (guint i = 0; i < self->label_tags->len; i++)
    {
      const LabelTags *lt = &g_array_index (self->label_tags, LabelTags, i);
      GdkRGBA color = lt->color;

      /* Lighten the line in dark mode: the palette's darker hues sink into
       * a dark page. */
      if (self->dark)
        _mg_article_view_lighten (&color);
      g_array_append_val (colors, color);
      g_array_append_vals (tints, lt->tints, 2);
    }

  _mg_article_view_get_visible_offsets (GTK_TEXT_VIEW (self), &start, &end);
  if (start >= end || self->labels == NULL ||
      colors->len != mg_label_set_get_n_labels (self->labels))
    return;

  mg_span_marks_snapshot (GTK_TEXT_VIEW (self), snapshot, layer, self->store, self->labels,
                          (const GdkRGBA *) colors->data, (const GdkRGBA *) tints->data,
                          start, end);
  if (layer == GTK_TEXT_VIEW_LAYER_ABOVE_TEXT)
    {
      mg_note_marks_snapshot (GTK_TEXT_VIEW (self), snapshot, self->store, self->labels,
                              (const GdkRGBA *) colors->data, start, end);
      if (self->show_label_names)
        mg_label_names_snapshot (GTK_TEXT_VIEW (self), snapshot, self->store, self->labels,
                                 (const GdkRGBA *) colors->data, &ink, self->dark, start, end);
      mg_relation_marks_snapshot (GTK_TEXT_VIEW (self), snapshot, self->store, self->selected,
                                  &ink, &paper, start, end);
    }
}

static void
mg_article_view_snapshot_layer (GtkTextView      *view,
                                GtkTextViewLayer  layer,
                                GtkSnapshot      *snapshot)
{
  MgArticleView *self = MG_ARTICLE_VIEW (view);
  GdkRGBA color = { 0.5, 0.5, 0.5, 1 };
  LabelTags *lt;
  GtkTextIter iter, end;
  GdkRectangle first;
  int line_x0, line_x1, line_y, line_h;
  guint n = 0, length, start, stop, shown_start, shown_end;

  if (self->store != NULL)
    snapshot_span_marks (self, snapshot, layer);

  if (layer == GTK_TEXT_VIEW_LAYER_ABOVE_TEXT && self->reference != NULL)
    _mg_article_view_snapshot_reference (self, snapshot, self->reference, self->reference_selected);

  if (layer == GTK_TEXT_VIEW_LAYER_ABOVE_TEXT && self->suggestion_marks != NULL)
    mg_suggestion_marks_snapshot (self->suggestion_marks, view, snapshot);

  if (layer != GTK_TEXT_VIEW_LAYER_ABOVE_TEXT || self->selected == NULL)
    return;

  lt = lookup_label_tags (self, mg_annotation_get_label (self->selected));
  if (lt != NULL)
    {
      color = lt->color;
      if (self->dark)
        _mg_article_view_lighten (&color);
    }
  /* Only what is on screen: asking where a character is lays out its line,
   * and a long span off screen would cost every frame for nothing. */
  _mg_article_view_get_visible_offsets (view, &shown_start, &shown_end);
  start = MAX (mg_annotation_get_start (self->selected), shown_start);
  stop = MIN (mg_annotation_get_end (self->selected), shown_end);
  if (start >= stop)
    return;

  get_iter (self, &iter, start);
  get_iter (self, &end, stop);
  length = stop - start;

  gtk_text_view_get_iter_location (view, &iter, &first);
  line_x0 = line_x1 = first.x;
  line_y = first.y;
  line_h = first.height;

  /* Walk the characters, closing a rectangle at each display line. */
  while (gtk_text_iter_compare (&iter, &end) < 0)
    {
      GdkRectangle r;

      if (length > OUTLINE_MAX_CHARS && n == 64)
        {
          /* Jump to the last line of a very long span. */
          iter = end;
          gtk_text_iter_backward_char (&iter);
          gtk_text_view_backward_display_line_start (view, &iter);
        }

      gtk_text_view_get_iter_location (view, &iter, &r);
      if (r.y != line_y)
        {
          outline_line (snapshot, &color,
                        line_x0, line_x1, line_y, line_h);
          line_x0 = r.x;
          line_y = r.y;
          line_h = r.height;
        }
      line_x1 = MAX (r.x + r.width, line_x0);
      gtk_text_iter_forward_char (&iter);
      n++;
    }

  outline_line (snapshot, &color,
                line_x0, line_x1, line_y, line_h);

  mg_span_handles_snapshot (self->handles, snapshot, &color, shown_start, shown_end);
}

/* Clicking an annotation */

static void
chooser_row_activated_cb (MgArticleView *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  MgAnnotation *annotation = g_object_get_data (G_OBJECT (row), "annotation");

  mg_article_view_set_selected (self, annotation);
  gtk_popover_popdown (self->chooser);
}

/**
 * mg_article_view_describe:
 *
 * Returns: (transfer full): "Label: excerpt" for a menu or a list
 */
char *
mg_article_view_describe (MgAnnotation *annotation,
                          MgLabelSet   *labels)
{
  MgLabel *label = mg_label_set_lookup (labels, mg_annotation_get_label (annotation));
  const char *text = mg_annotation_get_text (annotation);
  g_autofree char *excerpt = NULL;

  if (text != NULL && g_utf8_strlen (text, -1) > 48)
    {
      g_autofree char *head = g_utf8_substring (text, 0, 47);

      excerpt = g_strconcat (head, "…", NULL);
    }
  else
    excerpt = g_strdup (text ? text : "");

  g_strdelimit (excerpt, "\n", ' ');

  return g_strdup_printf ("%s: %s",
                          label ? _(mg_label_get_name (label)) : mg_annotation_get_label (annotation),
                          excerpt);
}

static void
show_chooser (MgArticleView *self,
              GPtrArray     *covering,
              double         x,
              double         y)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Several annotations here"));

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  g_signal_connect_object (list, "row-activated",
                           G_CALLBACK (chooser_row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  for (guint i = 0; i < covering->len; i++)
    {
      MgAnnotation *a = g_ptr_array_index (covering, i);
      g_autofree char *text = mg_article_view_describe (a, self->labels);
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *row = gtk_list_box_row_new ();
      LabelTags *lt = lookup_label_tags (self, mg_annotation_get_label (a));
      GtkWidget *dot = gtk_label_new ("●");
      GtkWidget *hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

      if (lt != NULL)
        {
          g_autofree char *color = g_strdup_printf ("#%02x%02x%02x",
                                                    (int) (lt->color.red * 255 + 0.5),
                                                    (int) (lt->color.green * 255 + 0.5),
                                                    (int) (lt->color.blue * 255 + 0.5));
          g_autofree char *markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span>", color);

          gtk_label_set_markup (GTK_LABEL (dot), markup);
        }
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_set_margin_start (hbox, 10);
      gtk_widget_set_margin_end (hbox, 10);
      gtk_widget_set_margin_top (hbox, 8);
      gtk_widget_set_margin_bottom (hbox, 8);
      gtk_box_append (GTK_BOX (hbox), dot);
      gtk_box_append (GTK_BOX (hbox), label);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), hbox);
      g_object_set_data_full (G_OBJECT (row), "annotation", g_object_ref (a), g_object_unref);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), list);
  gtk_popover_set_child (self->chooser, box);
  mg_article_view_popup (self, self->chooser, &(GdkRectangle) { (int) x, (int) y, 1, 1 });
}

static void
handle_click (MgArticleView *self,
              double         x,
              double         y)
{
  g_autoptr(GPtrArray) covering = NULL;
  GtkTextIter iter;
  int bx, by;

  if (self->store == NULL)
    return;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by))
    {
      mg_article_view_set_selected (self, NULL);
      return;
    }

  covering = mg_annotation_store_at (self->store, gtk_text_iter_get_offset (&iter));
  if (covering->len == 0)
    mg_article_view_set_selected (self, NULL);
  else if (covering->len == 1)
    mg_article_view_set_selected (self, g_ptr_array_index (covering, 0));
  else
    show_chooser (self, covering, x, y);
}

/* The text view claims its own click gesture, so a legacy controller in the
 * capture phase watches the button, and lets every event through. */
static gboolean
legacy_event_cb (MgArticleView            *self,
                 GdkEvent                 *event,
                 GtkEventControllerLegacy *controller)
{
  GdkEventType type = gdk_event_get_event_type (event);
  double x, y;

  if (type != GDK_BUTTON_PRESS && type != GDK_BUTTON_RELEASE)
    return GDK_EVENT_PROPAGATE;
  if (gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY)
    return GDK_EVENT_PROPAGATE;

  gdk_event_get_position (event, &x, &y);
  {
    /* Event positions are relative to the surface. */
    GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
    double nx, ny;
    graphene_point_t p;

    gtk_native_get_surface_transform (native, &nx, &ny);
    if (!gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self),
                                   &GRAPHENE_POINT_INIT (x - nx, y - ny), &p))
      return GDK_EVENT_PROPAGATE;
    x = p.x;
    y = p.y;
  }

  if (type == GDK_BUTTON_PRESS)
    {
      self->pressed = TRUE;
      self->press_x = x;
      self->press_y = y;
    }
  else if (self->pressed)
    {
      self->pressed = FALSE;
      if (ABS (x - self->press_x) < 4 && ABS (y - self->press_y) < 4)
        handle_click (self, x, y);
    }

  return GDK_EVENT_PROPAGATE;
}

/* A wrapping text view asks for its longest paragraph on one line, or for
 * almost nothing before it has text. Ask for a comfortable line instead,
 * so that the panels beside the article fold away when its lines would
 * get short, and not before, while the minimum stays small enough for a
 * phone-sized window. */
static void
mg_article_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  GTK_WIDGET_CLASS (mg_article_view_parent_class)->measure (widget, orientation, for_size,
                                                            minimum, natural,
                                                            minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, NATURAL_WIDTH);
}

static void
mg_article_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  MgArticleView *self = MG_ARTICLE_VIEW (widget);

  GTK_WIDGET_CLASS (mg_article_view_parent_class)->size_allocate (widget, width, height, baseline);

  /* Only the popovers shown: presenting one asks the X server where the
   * monitor's work area is, a round trip at every frame that allocates,
   * and a hidden one is presented when it pops up. */
  for (guint i = 0; i < self->popovers->len; i++)
    {
      GtkWidget *popover = g_ptr_array_index (self->popovers, i);

      if (gtk_widget_get_visible (popover))
        gtk_popover_present (GTK_POPOVER (popover));
    }
}

static void
disconnect_store (MgArticleView *self)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
}

static void
mg_article_view_dispose (GObject *object)
{
  MgArticleView *self = MG_ARTICLE_VIEW (object);

  stop_highlighting (self);
  disconnect_store (self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->vadjustment);

  for (guint i = 0; i < self->popovers->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->popovers, i));
  g_ptr_array_set_size (self->popovers, 0);
  self->chooser = NULL;

  g_clear_object (&self->selected);
  g_clear_object (&self->reference);
  g_clear_object (&self->reference_selected);
  g_clear_object (&self->suggestion_marks);
  g_clear_object (&self->document);
  g_clear_object (&self->labels);

  G_OBJECT_CLASS (mg_article_view_parent_class)->dispose (object);
}

static void
mg_article_view_finalize (GObject *object)
{
  MgArticleView *self = MG_ARTICLE_VIEW (object);

  g_clear_pointer (&self->label_tags, g_array_unref);
  g_clear_pointer (&self->popovers, g_ptr_array_unref);
  g_clear_pointer (&self->handles, mg_span_handles_free);
  g_clear_pointer (&self->highlighted, g_array_unref);

  G_OBJECT_CLASS (mg_article_view_parent_class)->finalize (object);
}

static void
mg_article_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MgArticleView *self = MG_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;

    case PROP_SNAP_TO_WORDS:
      g_value_set_boolean (value, self->snap_to_words);
      break;

    case PROP_SHOW_LABEL_NAMES:
      g_value_set_boolean (value, self->show_label_names);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_article_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MgArticleView *self = MG_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      mg_article_view_set_selected (self, g_value_get_object (value));
      break;

    case PROP_SNAP_TO_WORDS:
      if (self->snap_to_words != g_value_get_boolean (value))
        {
          self->snap_to_words = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_SHOW_LABEL_NAMES:
      if (self->show_label_names != g_value_get_boolean (value))
        {
          self->show_label_names = g_value_get_boolean (value);
          mg_label_names_make_room (GTK_TEXT_VIEW (self), self->show_label_names);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_article_view_class_init (MgArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->dispose = mg_article_view_dispose;
  object_class->finalize = mg_article_view_finalize;
  object_class->get_property = mg_article_view_get_property;
  object_class->set_property = mg_article_view_set_property;

  widget_class->measure = mg_article_view_measure;
  widget_class->size_allocate = mg_article_view_size_allocate;

  text_view_class->snapshot_layer = mg_article_view_snapshot_layer;

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         MG_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SNAP_TO_WORDS] =
    g_param_spec_boolean ("snap-to-words", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_LABEL_NAMES] =
    g_param_spec_boolean ("show-label-names", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "textview");
}

static void
mg_article_view_init (MgArticleView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkEventController *legacy;
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->label_tags = g_array_new (FALSE, TRUE, sizeof (LabelTags));
  g_array_set_clear_func (self->label_tags, label_tags_clear);
  self->popovers = g_ptr_array_new ();
  self->highlighted = g_array_new (FALSE, FALSE, sizeof (Run));
  self->snap_to_words = TRUE;

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, TRUE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (view, 24);
  gtk_text_view_set_right_margin (view, 24);
  gtk_text_view_set_top_margin (view, 32);
  gtk_text_view_set_bottom_margin (view, 64);
  gtk_text_view_set_pixels_below_lines (view, 14);
  gtk_text_view_set_pixels_inside_wrap (view, 6);
  gtk_text_buffer_set_enable_undo (get_buffer (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "article");

  /* Before the click watcher below: a press on a handle drags it. */
  self->handles = mg_span_handles_new (self);

  legacy = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect_object (legacy, "event", G_CALLBACK (legacy_event_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), legacy);

  self->chooser = GTK_POPOVER (gtk_popover_new ());
  mg_article_view_add_popover (self, self->chooser);

  self->dark = adw_style_manager_get_dark (manager);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (dark_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::vadjustment", G_CALLBACK (vadjustment_notify_cb), NULL);
}

GtkWidget *
mg_article_view_new (void)
{
  return g_object_new (MG_TYPE_ARTICLE_VIEW, NULL);
}

/**
 * mg_article_view_set_document:
 * @document: (nullable): the document to show
 * @labels: (nullable): the labels of its dataset
 *
 * Shows @document and puts the caret at its start. Its first part is
 * highlighted at once, the rest as it comes into view or in idle time.
 */
void
mg_article_view_set_document (MgArticleView *self,
                              MgDocument    *document,
                              MgLabelSet    *labels)
{
  g_autoptr(GtkTextBuffer) buffer = NULL;
  GtkTextIter start;

  g_return_if_fail (MG_IS_ARTICLE_VIEW (self));
  g_return_if_fail (document == NULL || MG_IS_DOCUMENT (document));

  mg_article_view_set_selected (self, NULL);
  stop_highlighting (self);
  disconnect_store (self);
  g_set_object (&self->document, document);
  g_set_object (&self->labels, labels);

  /* A new buffer, filled and highlighted where the caret is before the
   * view sees it: while no layout listens, a tag costs only its toggles in
   * the buffer's tree. */
  buffer = gtk_text_buffer_new (NULL);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  create_label_tags (self, buffer);
  gtk_text_buffer_set_text (buffer,
                            document ? mg_document_get_text (document) : "",
                            document ? (int) mg_document_get_text_bytes (document) : 0);

  if (document != NULL)
    {
      self->store = g_object_ref (mg_document_get_store (document));
      g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "relations-changed", G_CALLBACK (gtk_widget_queue_draw),
                               self, G_CONNECT_SWAPPED);
      refresh_range (self, buffer, 0, FIRST_CHARS, TRUE);
      mark_highlighted (self, 0, MIN (FIRST_CHARS, mg_document_get_length (document)));
    }

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self), buffer);

  if (document != NULL && mg_document_get_length (document) > FIRST_CHARS)
    self->highlight_source = g_idle_add_full (SLICE_PRIORITY, highlight_slice_cb, self, NULL);
}

MgDocument *
mg_article_view_get_document (MgArticleView *self)
{
  g_return_val_if_fail (MG_IS_ARTICLE_VIEW (self), NULL);

  return self->document;
}

MgAnnotation *
mg_article_view_get_selected (MgArticleView *self)
{
  g_return_val_if_fail (MG_IS_ARTICLE_VIEW (self), NULL);

  return self->selected;
}

/**
 * mg_article_view_set_selected:
 * @annotation: (nullable): an annotation of the document shown
 *
 * Outlines @annotation; the window acts on it with Delete, 1-4 and the
 * boundary keys.
 */
void
mg_article_view_set_selected (MgArticleView *self,
                              MgAnnotation  *annotation)
{
  g_return_if_fail (MG_IS_ARTICLE_VIEW (self));
  g_return_if_fail (annotation == NULL || MG_IS_ANNOTATION (annotation));

  if (g_set_object (&self->selected, annotation))
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
}

/**
 * mg_article_view_select_range:
 *
 * Selects [@start, @end) in the buffer and scrolls it into view, as find
 * does for a match.
 */
void
mg_article_view_select_range (MgArticleView *self,
                              guint          start,
                              guint          end)
{
  GtkTextIter s, e;

  g_return_if_fail (MG_IS_ARTICLE_VIEW (self));

  ensure_highlighted_around (self, start, end);
  get_iter (self, &s, start);
  get_iter (self, &e, end);
  gtk_text_buffer_select_range (get_buffer (self), &e, &s);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self), &s, 0.1, FALSE, 0, 0);
}

/**
 * mg_article_view_place_cursor:
 *
 * Moves the caret to @offset, dropping any selection, and scrolls there.
 */
void
mg_article_view_place_cursor (MgArticleView *self,
                              guint          offset)
{
  GtkTextIter iter;

  g_return_if_fail (MG_IS_ARTICLE_VIEW (self));

  ensure_highlighted_around (self, offset, offset);
  get_iter (self, &iter, offset);
  gtk_text_buffer_place_cursor (get_buffer (self), &iter);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self), &iter, 0.1, FALSE, 0, 0);
}

/**
 * mg_article_view_get_cursor:
 *
 * Returns: the code point offset of the caret
 */
guint
mg_article_view_get_cursor (MgArticleView *self)
{
  GtkTextIter iter;
  GtkTextBuffer *buffer;

  g_return_val_if_fail (MG_IS_ARTICLE_VIEW (self), 0);

  buffer = get_buffer (self);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));

  return gtk_text_iter_get_offset (&iter);
}

/**
 * mg_article_view_add_popover:
 *
 * Parents @popover to the view, which presents it on each allocation.
 */
void
mg_article_view_add_popover (MgArticleView *self,
                             GtkPopover    *popover)
{
  g_return_if_fail (MG_IS_ARTICLE_VIEW (self));
  g_return_if_fail (GTK_IS_POPOVER (popover));

  gtk_widget_set_parent (GTK_WIDGET (popover), GTK_WIDGET (self));
  g_ptr_array_add (self->popovers, popover);
}

/**
 * mg_article_view_popup:
 * @rect: (nullable): where to point, in widget coordinates; %NULL for the
 *   selected annotation
 */
void
mg_article_view_popup (MgArticleView      *self,
                       GtkPopover         *popover,
                       const GdkRectangle *rect)
{
  GdkRectangle where = { 0, 0, 1, 1 };

  g_return_if_fail (MG_IS_ARTICLE_VIEW (self));

  if (rect != NULL)
    where = *rect;
  else if (self->selected != NULL)
    {
      GtkTextIter iter;
      GdkRectangle loc;

      get_iter (self, &iter, mg_annotation_get_start (self->selected));
      gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &iter, &loc);
      gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                             loc.x, loc.y, &where.x, &where.y);
      where.height = loc.height;
    }

  gtk_popover_set_pointing_to (popover, &where);
  gtk_popover_popup (popover);
}

/**
 * mg_article_view_scroll_to_annotation:
 */
void
mg_article_view_scroll_to_annotation (MgArticleView *self,
                                      MgAnnotation  *annotation)
{
  GtkTextIter iter;

  g_return_if_fail (MG_IS_ARTICLE_VIEW (self));
  g_return_if_fail (MG_IS_ANNOTATION (annotation));

  ensure_highlighted_around (self, mg_annotation_get_start (annotation),
                             mg_annotation_get_end (annotation));
  get_iter (self, &iter, mg_annotation_get_start (annotation));
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self), &iter, 0.2, FALSE, 0, 0);
}

/**
 * mg_article_view_get_label_tag:
 * @label_id: a label of the label set
 *
 * For tests that check the italics against the store.
 *
 * Returns: (transfer none) (nullable): the italic tag over the spans of
 *   @label_id, or %NULL for a label whose cue is drawn, not a tag, or an
 *   unknown label
 */
GtkTextTag *
mg_article_view_get_label_tag (MgArticleView *self,
                               const char    *label_id)
{
  LabelTags *lt;

  g_return_val_if_fail (MG_IS_ARTICLE_VIEW (self), NULL);

  lt = lookup_label_tags (self, label_id);

  return lt ? lt->italic : NULL;
}

/**
 * mg_article_view_get_label_color:
 *
 * Returns: (nullable): the colour of @label_id, as parsed from the label set
 */
const GdkRGBA *
mg_article_view_get_label_color (MgArticleView *self,
                                 const char    *label_id)
{
  LabelTags *lt;

  g_return_val_if_fail (MG_IS_ARTICLE_VIEW (self), NULL);

  lt = lookup_label_tags (self, label_id);

  return lt ? &lt->color : NULL;
}

/**
 * mg_article_view_set_reference:
 * @reference: (nullable): a colleague's annotations of the same text
 * @selected: (nullable): one of them to frame
 *
 * Draws @reference apart from the document's own spans, for review mode.
 */
void
mg_article_view_set_reference (MgArticleView     *self,
                               MgAnnotationStore *reference,
                               MgAnnotation      *selected)
{
  g_return_if_fail (MG_IS_ARTICLE_VIEW (self));
  g_return_if_fail (reference == NULL || MG_IS_ANNOTATION_STORE (reference));
  g_return_if_fail (selected == NULL || MG_IS_ANNOTATION (selected));

  g_set_object (&self->reference, reference);
  g_set_object (&self->reference_selected, selected);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * mg_article_view_set_suggestion_marks:
 * @marks: (nullable): suggestions of the document shown, or %NULL for none
 *
 * Outlines @marks over the text, apart from the spans.
 */
void
mg_article_view_set_suggestion_marks (MgArticleView     *self,
                                      MgSuggestionMarks *marks)
{
  g_return_if_fail (MG_IS_ARTICLE_VIEW (self));
  g_return_if_fail (marks == NULL || MG_IS_SUGGESTION_MARKS (marks));

  g_set_object (&self->suggestion_marks, marks);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
