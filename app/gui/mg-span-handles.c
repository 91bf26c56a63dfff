/* mg-span-handles.c: dragging the boundaries of the selected annotation
 *
 * The selected annotation has a handle at each end: a bar at the boundary
 * with a knob above its start and below its end, in its label's colour.
 * Over a handle the pointer becomes a resize arrow; a press there drags
 * that boundary instead of selecting text. While dragging, the span as it
 * would become is tinted, its edges snapped as a selection's are (whole
 * words while that preference is on, never inside a character cluster,
 * never on white space) and kept from going empty or crossing the other
 * end; held at the top or bottom of the view, the pointer scrolls the
 * article, so a boundary can go where the view did not show. On release
 * the new range goes to the window's win.set-range action, which makes it
 * one step of the history; nothing changes in the store before, and
 * Escape during the drag leaves the span as it was.
 *
 * The view's own click and drag gestures would select text under the
 * pointer, so events are watched in the capture phase by a controller
 * added before them, and a press on a handle stops there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-article-view"

#include "config.h"

#include "mg-article-view-private.h"
#include "mg-line-rects.h"
#include "mg-span-handles.h"

/* The knob's radius, how far from a handle a press still takes it, and
 * the tint of the span being dragged. */
#define KNOB   5
#define REACH  8
#define PREVIEW_ALPHA 0.30

/* Dragged this close to the top or bottom of the view, or past it, the
 * article scrolls, faster the farther the pointer goes, every TICK ms. */
#define SCROLL_EDGE 24
#define SCROLL_TICK 30

typedef enum
{
  EDGE_NONE,
  EDGE_START,
  EDGE_END,
} Edge;

struct _MgSpanHandles
{
  MgArticleView *view;          /* unowned: it owns this */
  GdkCursor     *saved_cursor;  /* the view's, while over a handle */
  Edge           dragging;
  guint          start;         /* the range as the drag leaves it */
  guint          end;
  double         pointer_x;     /* where the drag is, in widget coordinates */
  double         pointer_y;
  guint          scroll_id;
  guint          over_handle : 1;
};

static GtkTextView *
text_view (MgSpanHandles *self)
{
  return GTK_TEXT_VIEW (self->view);
}

/* Where the bar of a handle at @offset stands, in buffer coordinates:
 * left of the character at @offset for a start, right of the one before
 * it for an end. */
static void
bar_rect (MgSpanHandles *self,
          Edge           edge,
          guint          offset,
          GdkRectangle  *bar)
{
  GtkTextIter iter;
  GdkRectangle r;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view (self)), &iter,
                                      (int) (edge == EDGE_START ? offset : offset - 1));
  gtk_text_view_get_iter_location (text_view (self), &iter, &r);
  bar->x = edge == EDGE_START ? r.x - 1 : r.x + r.width - 1;
  bar->y = r.y;
  bar->width = 2;
  bar->height = r.height;
}

static void
knob_center (const GdkRectangle *bar,
             Edge                edge,
             int                *x,
             int                *y)
{
  *x = bar->x + 1;
  *y = edge == EDGE_START ? bar->y - KNOB + 1 : bar->y + bar->height + KNOB - 1;
}

/* The range the handles stand at: the drag's while dragging. */
static gboolean
current_range (MgSpanHandles *self,
               guint         *start,
               guint         *end)
{
  MgAnnotation *selected = mg_article_view_get_selected (self->view);

  if (self->dragging != EDGE_NONE)
    {
      *start = self->start;
      *end = self->end;
      return TRUE;
    }
  if (selected == NULL)
    return FALSE;

  *start = mg_annotation_get_start (selected);
  *end = mg_annotation_get_end (selected);
  return *start < *end;
}

/* Which handle is at (@x, @y), in widget coordinates, if any. */
static Edge
handle_at (MgSpanHandles *self,
           double         x,
           double         y)
{
  guint start, end, visible_start, visible_end;
  guint offsets[2];
  int bx, by;

  if (!current_range (self, &start, &end))
    return EDGE_NONE;

  gtk_text_view_window_to_buffer_coords (text_view (self), GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  _mg_article_view_get_visible_offsets (text_view (self), &visible_start, &visible_end);
  offsets[0] = start;
  offsets[1] = end;

  for (Edge edge = EDGE_START; edge <= EDGE_END; edge++)
    {
      guint offset = offsets[edge - EDGE_START];
      GdkRectangle bar;
      int kx, ky;

      if (offset < visible_start || offset > visible_end)
        continue;
      bar_rect (self, edge, offset, &bar);
      knob_center (&bar, edge, &kx, &ky);
      if ((bx - kx) * (bx - kx) + (by - ky) * (by - ky) <= REACH * REACH)
        return edge;
      if (ABS (bx - kx) <= REACH / 2 && by >= bar.y && by < bar.y + bar.height)
        return edge;
    }

  return EDGE_NONE;
}

/* The boundary nearest to (@x, @y), in widget coordinates. */
static guint
offset_at (MgSpanHandles *self,
           double         x,
           double         y)
{
  GtkTextIter iter;
  int bx, by, trailing = 0;

  gtk_text_view_window_to_buffer_coords (text_view (self), GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  gtk_text_view_get_iter_at_position (text_view (self), &iter, &trailing, bx, by);

  return (guint) (gtk_text_iter_get_offset (&iter) + trailing);
}

/* Moves the dragged edge to @offset, snapped as a selection is; dragged
 * past the other end, the span keeps its first or last grapheme, so it
 * never goes empty or turns round. */
static void
drag_to (MgSpanHandles *self,
         guint          offset)
{
  MgAnnotation *selected = mg_article_view_get_selected (self->view);
  MgDocument *document = mg_article_view_get_document (self->view);
  gboolean words = TRUE;
  guint start, end;

  if (selected == NULL || document == NULL)
    return;

  g_object_get (self->view, "snap-to-words", &words, NULL);
  start = mg_annotation_get_start (selected);
  end = mg_annotation_get_end (selected);

  if (self->dragging == EDGE_START)
    {
      guint fixed = end;

      /* Past the other end, the span stops at its last grapheme. */
      start = MIN (offset, end - 1);
      if (!mg_span_edges_snap (mg_document_get_text_index (document), &start, &fixed, words))
        return;
    }
  else
    {
      guint fixed = start;

      end = MAX (offset, start + 1);
      if (!mg_span_edges_snap (mg_document_get_text_index (document), &fixed, &end, words))
        return;
    }

  if (start >= end || (start == self->start && end == self->end))
    return;

  self->start = start;
  self->end = end;
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

static void
set_over_handle (MgSpanHandles *self,
                 gboolean       over)
{
  GtkWidget *widget = GTK_WIDGET (self->view);

  if (self->over_handle == over)
    return;

  self->over_handle = over;
  if (over)
    {
      g_set_object (&self->saved_cursor, gtk_widget_get_cursor (widget));
      gtk_widget_set_cursor_from_name (widget, "col-resize");
    }
  else
    {
      gtk_widget_set_cursor (widget, self->saved_cursor);
      g_clear_object (&self->saved_cursor);
    }
}

/* How far to scroll for the pointer's height: none inside the view. */
static double
scroll_step (MgSpanHandles *self)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self->view));
  double y = self->pointer_y;

  if (y < SCROLL_EDGE)
    return -MIN (SCROLL_EDGE - y, 4 * SCROLL_EDGE) / 2 - 2;
  if (y > height - SCROLL_EDGE)
    return MIN (y - (height - SCROLL_EDGE), 4 * SCROLL_EDGE) / 2 + 2;
  return 0;
}

static void
stop_scrolling (MgSpanHandles *self)
{
  g_clear_handle_id (&self->scroll_id, g_source_remove);
}

/* A boundary beyond what the view shows is reached by holding the pointer
 * at the view's edge: the view scrolls and the drag follows. */
static gboolean
scroll_cb (gpointer data)
{
  MgSpanHandles *self = data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));
  double step = scroll_step (self);

  if (self->dragging == EDGE_NONE || step == 0 || adjustment == NULL)
    {
      self->scroll_id = 0;
      return G_SOURCE_REMOVE;
    }

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + step);
  drag_to (self, offset_at (self, self->pointer_x, self->pointer_y));
  return G_SOURCE_CONTINUE;
}

static void
follow_pointer (MgSpanHandles *self,
                double         x,
                double         y)
{
  self->pointer_x = x;
  self->pointer_y = y;
  drag_to (self, offset_at (self, x, y));

  if (scroll_step (self) != 0 && self->scroll_id == 0)
    self->scroll_id = g_timeout_add (SCROLL_TICK, scroll_cb, self);
  else if (scroll_step (self) == 0)
    stop_scrolling (self);
}

static void
finish_drag (MgSpanHandles *self)
{
  MgAnnotation *selected = mg_article_view_get_selected (self->view);
  guint start = self->start, end = self->end;

  self->dragging = EDGE_NONE;
  stop_scrolling (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));

  if (selected != NULL &&
      (start != mg_annotation_get_start (selected) || end != mg_annotation_get_end (selected)))
    gtk_widget_activate_action (GTK_WIDGET (self->view), "win.set-range", "(uu)", start, end);
}

static gboolean
event_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          MgSpanHandles            *self)
{
  GdkEventType type = gdk_event_get_event_type (event);
  GtkWidget *widget = GTK_WIDGET (self->view);
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t p;
  double x, y, nx, ny;
  Edge edge;

  /* Escape puts the boundary back where it was; the release that follows
   * is then an ordinary one. */
  if (type == GDK_KEY_PRESS && self->dragging != EDGE_NONE &&
      gdk_key_event_get_keyval (event) == GDK_KEY_Escape)
    {
      self->dragging = EDGE_NONE;
      stop_scrolling (self);
      gtk_widget_queue_draw (widget);
      return GDK_EVENT_STOP;
    }

  if (type != GDK_BUTTON_PRESS && type != GDK_BUTTON_RELEASE && type != GDK_MOTION_NOTIFY)
    return GDK_EVENT_PROPAGATE;
  if (type != GDK_MOTION_NOTIFY && gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY)
    return GDK_EVENT_PROPAGATE;

  /* Event positions are relative to the surface. */
  if (native == NULL || !gdk_event_get_position (event, &x, &y))
    return GDK_EVENT_PROPAGATE;
  gtk_native_get_surface_transform (native, &nx, &ny);
  if (!gtk_widget_compute_point (GTK_WIDGET (native), widget,
                                 &GRAPHENE_POINT_INIT (x - nx, y - ny), &p))
    return GDK_EVENT_PROPAGATE;

  switch ((int) type)
    {
    case GDK_BUTTON_PRESS:
      edge = handle_at (self, p.x, p.y);
      if (edge == EDGE_NONE || !current_range (self, &self->start, &self->end))
        return GDK_EVENT_PROPAGATE;
      self->dragging = edge;
      gtk_widget_grab_focus (widget);
      return GDK_EVENT_STOP;

    case GDK_MOTION_NOTIFY:
      if (self->dragging == EDGE_NONE)
        {
          set_over_handle (self, handle_at (self, p.x, p.y) != EDGE_NONE);
          return GDK_EVENT_PROPAGATE;
        }
      follow_pointer (self, p.x, p.y);
      return GDK_EVENT_STOP;

    case GDK_BUTTON_RELEASE:
      if (self->dragging == EDGE_NONE)
        return GDK_EVENT_PROPAGATE;
      finish_drag (self);
      set_over_handle (self, handle_at (self, p.x, p.y) != EDGE_NONE);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* Another selection, or none, ends a drag without a change. */
static void
selected_cb (MgSpanHandles *self)
{
  self->dragging = EDGE_NONE;
  stop_scrolling (self);
  set_over_handle (self, FALSE);
}

/**
 * mg_span_handles_new:
 *
 * Watches @view's pointer for the handles; add it before the view's other
 * controllers so a press on a handle is taken first.
 */
MgSpanHandles *
mg_span_handles_new (MgArticleView *view)
{
  MgSpanHandles *self = g_new0 (MgSpanHandles, 1);
  GtkEventController *legacy = gtk_event_controller_legacy_new ();

  self->view = view;
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect (legacy, "event", G_CALLBACK (event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (view), legacy);
  g_signal_connect_swapped (view, "notify::selected", G_CALLBACK (selected_cb), self);

  return self;
}

void
mg_span_handles_free (MgSpanHandles *self)
{
  stop_scrolling (self);
  g_clear_object (&self->saved_cursor);
  g_free (self);
}

static void
draw_handle (MgSpanHandles *self,
             GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             Edge           edge,
             guint          offset)
{
  GdkRectangle bar;
  GskRoundedRect knob;
  int kx, ky;

  bar_rect (self, edge, offset, &bar);
  knob_center (&bar, edge, &kx, &ky);
  gtk_snapshot_append_color (snapshot, color,
                             &GRAPHENE_RECT_INIT (bar.x, bar.y - 1, bar.width, bar.height + 2));
  gsk_rounded_rect_init_from_rect (&knob,
                                   &GRAPHENE_RECT_INIT (kx - KNOB, ky - KNOB, 2 * KNOB, 2 * KNOB),
                                   KNOB);
  gtk_snapshot_push_rounded_clip (snapshot, &knob);
  gtk_snapshot_append_color (snapshot, color, &knob.bounds);
  gtk_snapshot_pop (snapshot);
}

/**
 * mg_span_handles_snapshot:
 * @color: the selected annotation's colour, as its outline is drawn
 * @visible_start: the first code point on screen
 * @visible_end: the code point after the last on screen
 *
 * Draws the handles of the selected annotation, and while dragging the
 * span as it would become, in buffer coordinates.
 */
void
mg_span_handles_snapshot (MgSpanHandles *self,
                          GtkSnapshot   *snapshot,
                          const GdkRGBA *color,
                          guint          visible_start,
                          guint          visible_end)
{
  guint start, end;

  if (!current_range (self, &start, &end))
    return;

  if (self->dragging != EDGE_NONE)
    {
      g_autoptr(GArray) rects = mg_line_rects (text_view (self), MAX (start, visible_start),
                                               MIN (end, visible_end));
      GdkRGBA tint = *color;

      tint.alpha = PREVIEW_ALPHA;
      for (guint i = 0; i < rects->len; i++)
        {
          const GdkRectangle *r = &g_array_index (rects, GdkRectangle, i);

          gtk_snapshot_append_color (snapshot, &tint,
                                     &GRAPHENE_RECT_INIT (r->x, r->y, r->width, r->height));
        }
    }

  if (start >= visible_start && start <= visible_end)
    draw_handle (self, snapshot, color, EDGE_START, start);
  if (end >= visible_start && end <= visible_end)
    draw_handle (self, snapshot, color, EDGE_END, end);
}
