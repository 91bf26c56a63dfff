/* test-relation-drawing.c: the marks drawn for relations, label names and
 * boundary handles, read back as pixels
 *
 * The article is rendered through the window's renderer, as
 * test-article-drawing does, in the light style and the dark: a quote's
 * speaker is boxed and named while the quote is selected, an actor's
 * quotes are boxed while the actor is, label names sit in room above the
 * line without covering a pixel of its text, and the selected span has a
 * knob in its colour at each end. win.set-range, which a dragged handle
 * calls, refuses an empty or turned-round range and is one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mg-line-rects.h"
#include "mg-test-gui.h"

typedef struct
{
  guchar *pixels;
  int     width;
  int     height;
  gsize   stride;
} Drawing;

static char *scratch;

static void
drawing_free (Drawing *drawing)
{
  g_free (drawing->pixels);
  g_free (drawing);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Drawing, drawing_free)

static gboolean
is_drawn (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_is_drawable (widget) &&
         gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0;
}

/* The article as it draws itself now, through the window's renderer. */
static Drawing *
render (MgWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (window->article_view);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  Drawing *drawing = g_new0 (Drawing, 1);

  mg_test_spin_for (60);
  g_assert_true (mg_test_spin_until (is_drawn, widget, 5000));
  for (guint tries = 0; node == NULL && tries < 100; tries++)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot,
                              gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      node = gtk_snapshot_free_to_node (snapshot);
      if (node == NULL)
        mg_test_spin_for (20);
    }
  g_assert_nonnull (node);

  drawing->width = gtk_widget_get_width (widget);
  drawing->height = gtk_widget_get_height (widget);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, drawing->width, drawing->height));
  drawing->stride = (gsize) drawing->width * 4;
  drawing->pixels = g_malloc (drawing->stride * (gsize) drawing->height);
  gdk_texture_download (texture, drawing->pixels, drawing->stride);

  return drawing;
}

/* gdk_texture_download() gives B, G, R, A in memory. */
static const guchar *
pixel (const Drawing *d,
       int            x,
       int            y)
{
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, d->width);
  g_assert_cmpint (y, <, d->height);
  return d->pixels + (gsize) y * d->stride + (gsize) x * 4;
}

static int
luminance (const guchar *p)
{
  return (p[2] * 299 + p[1] * 587 + p[0] * 114) / 1000;
}

/* Pixels of row @y, from @x0 to @x1, that differ between @a and @b and are
 * of the text's colour: darker than the page in the light style, lighter
 * in the dark. */
static int
count_ink_changes (const Drawing *a,
                   const Drawing *b,
                   int            x0,
                   int            x1,
                   int            y0,
                   int            y1,
                   gboolean       dark)
{
  int n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        const guchar *pa = pixel (a, x, y), *pb = pixel (b, x, y);

        if (memcmp (pa, pb, 3) != 0 &&
            (dark ? luminance (pb) > luminance (pa) + 60 : luminance (pb) + 60 < luminance (pa)))
          n++;
      }

  return n;
}

/* Waits until the article's height and scroll position stay the same for
 * a while: room made or taken back above the lines is measured again in
 * idle time. */
static void
wait_layout (MgWindow *window)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (window->article_view));
  double last_upper = -1, last_value = -1;

  for (guint still = 0, round = 0; still < 6 && round < 400; round++)
    {
      double upper = gtk_adjustment_get_upper (adjustment);
      double value = gtk_adjustment_get_value (adjustment);

      still = upper == last_upper && value == last_value ? still + 1 : 0;
      last_upper = upper;
      last_value = value;
      mg_test_spin_for (50);
    }
}

static guint
offset_of (MgWindow   *window,
           const char *needle)
{
  return mg_test_offset_of (mg_window_get_document (window), needle);
}

static MgAnnotation *
tag_text (MgWindow   *window,
          const char *label,
          const char *needle)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->article_view));
  guint start = offset_of (window, needle);
  guint end = start + (guint) g_utf8_strlen (needle, -1);
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) end);
  gtk_text_buffer_select_range (buffer, &e, &s);
  mg_test_activate (window, "win.tag", label);
  return mg_test_find (window, label, needle);
}

static void
set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  mg_test_spin_for (100);
}

/* Where @a's first line is drawn, in the view's widget coordinates. */
static GdkRectangle
first_line_of (MgWindow     *window,
               MgAnnotation *a)
{
  GtkTextView *view = GTK_TEXT_VIEW (window->article_view);
  g_autoptr(GArray) rects = mg_line_rects (view, mg_annotation_get_start (a), mg_annotation_get_end (a));
  GdkRectangle r;

  g_assert_cmpuint (rects->len, >, 0);
  r = g_array_index (rects, GdkRectangle, 0);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, r.x, r.y, &r.x, &r.y);
  return r;
}

static GdkRectangle
last_line_of (MgWindow     *window,
              MgAnnotation *a)
{
  GtkTextView *view = GTK_TEXT_VIEW (window->article_view);
  g_autoptr(GArray) rects = mg_line_rects (view, mg_annotation_get_start (a), mg_annotation_get_end (a));
  GdkRectangle r;

  g_assert_cmpuint (rects->len, >, 0);
  r = g_array_index (rects, GdkRectangle, rects->len - 1);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, r.x, r.y, &r.x, &r.y);
  return r;
}

static MgWindow *
open_world (void)
{
  g_autoptr(MgDataset) dataset = mg_test_load_fixture ("drawing", "world.json");
  MgWindow *window = mg_test_open_window_sized (dataset, 1400, 900);

  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (window->article_view), FALSE);
  return window;
}

/* The box's top edge is a dashed line of the text's colour just above
 * the span's line: most of its pixels turn to ink. */
static void
assert_boxed (const Drawing      *before,
              const Drawing      *after,
              const GdkRectangle *r,
              gboolean            dark,
              const char         *what)
{
  int width = r->width + 8;
  int n = count_ink_changes (before, after, r->x - 4, r->x + r->width + 4, r->y - 3, r->y - 1, dark);

  g_test_message ("%s: %d of %d pixels of the box's top edge in ink", what, n, 2 * width);
  g_assert_cmpint (n, >=, width * 2 * 2 / 5);
}

static void
check_relations (gboolean dark)
{
  MgWindow *window;
  MgAnnotation *quote, *actor;
  g_autoptr(MgRelation) relation = NULL;
  g_autoptr(Drawing) plain = NULL;
  g_autoptr(Drawing) linked = NULL;
  g_autoptr(Drawing) actor_plain = NULL;
  g_autoptr(Drawing) actor_linked = NULL;
  g_autoptr(GError) error = NULL;
  GdkRectangle speaker, end, said;
  int n;

  set_dark (dark);
  window = open_world ();
  quote = tag_text (window, "quote", "“We want a fair deal, not a fight,”");
  actor = tag_text (window, "actor", "Marta Lindqvist");
  g_assert_nonnull (quote);
  g_assert_nonnull (actor);

  mg_article_view_set_selected (window->article_view, quote);
  wait_layout (window);
  plain = render (window);
  relation = mg_relation_new (NULL, MG_RELATION_ATTRIBUTED_TO, mg_annotation_get_id (quote),
                              mg_annotation_get_id (actor));
  g_assert_true (mg_history_add_relation (mg_window_get_history (window), mg_window_get_document (window),
                                          relation, &error));
  g_assert_no_error (error);
  linked = render (window);

  /* The speaker is boxed in ink. */
  speaker = first_line_of (window, actor);
  assert_boxed (plain, linked, &speaker, dark, "speaker of the selected quote");

  /* Its name hangs under the quote's end, beside the end's knob, in a
   * chip of ink. */
  end = last_line_of (window, quote);
  n = count_ink_changes (plain, linked, MAX (end.x + end.width - 120, 0),
                         MIN (end.x + end.width + 120, plain->width),
                         end.y + end.height + 2, end.y + end.height + 12, dark);
  g_test_message ("chip under the quote's end: %d pixels of ink", n);
  g_assert_cmpint (n, >=, 44 * 10 / 2);

  /* And the other way: the actor selected, its quote is boxed. */
  mg_article_view_set_selected (window->article_view, actor);
  actor_linked = render (window);
  mg_test_activate (window, "win.undo", NULL);
  g_assert_null (mg_annotation_store_attributed_to (mg_test_store_of (window), quote));
  mg_article_view_set_selected (window->article_view, actor);
  actor_plain = render (window);
  said = first_line_of (window, quote);
  assert_boxed (actor_plain, actor_linked, &said, dark, "quote of the selected actor");

  mg_test_close_window (window);
  set_dark (FALSE);
}

static void
test_relations_light (void)
{
  MG_TEST_REQUIRE_DISPLAY ();
  check_relations (FALSE);
}

static void
test_relations_dark (void)
{
  MG_TEST_REQUIRE_DISPLAY ();
  check_relations (TRUE);
}

/* The pixel rows of one line of text, [@y, @y + @height), compared across
 * the article's width. */
static gboolean
rows_equal (const Drawing *a,
            int            ya,
            const Drawing *b,
            int            yb,
            int            height)
{
  for (int i = 0; i < height; i++)
    if (memcmp (a->pixels + (gsize) (ya + i) * a->stride,
                b->pixels + (gsize) (yb + i) * b->stride, a->stride) != 0)
      return FALSE;
  return TRUE;
}

/* Pixels whose blue stands above red: the quote's tint (#0072B2). */
static int
count_bluish (const Drawing *d,
              int            x0,
              int            x1,
              int            y0,
              int            y1)
{
  int n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (pixel (d, x, y)[0] > pixel (d, x, y)[2] + 20)
        n++;
  return n;
}

static void
check_label_names (gboolean dark)
{
  MgWindow *window;
  MgAnnotation *quote;
  g_autoptr(Drawing) off = NULL;
  g_autoptr(Drawing) on = NULL;
  g_autoptr(Drawing) off_again = NULL;
  GdkRectangle r_off, r_on;
  int ink = 0;

  set_dark (dark);
  window = open_world ();

  /* Names of labels with no span on screen are never laid out. */
  mg_test_activate (window, "win.show-label-names", NULL);
  wait_layout (window);
  g_clear_pointer (&on, drawing_free);
  on = render (window);
  mg_test_activate (window, "win.show-label-names", NULL);
  wait_layout (window);
  g_clear_pointer (&on, drawing_free);

  quote = tag_text (window, "quote", "“We want a fair deal, not a fight,”");
  tag_text (window, "actor", "Marta Lindqvist");
  tag_text (window, "claim", "wages have risen by 12 percent");
  mg_article_view_set_selected (window->article_view, NULL);
  wait_layout (window);
  off = render (window);
  r_off = first_line_of (window, quote);

  mg_test_activate (window, "win.show-label-names", NULL);
  g_assert_true (g_settings_get_boolean (window->settings, "show-label-names"));
  wait_layout (window);
  on = render (window);
  r_on = first_line_of (window, quote);

  /* Room above the line, where the name is written on the label's tint. */
  g_assert_cmpint (r_on.y, >, r_off.y);
  for (int y = r_on.y - 13; y < r_on.y - 1; y++)
    for (int x = r_on.x; x < r_on.x + 45; x++)
      {
        int l = luminance (pixel (on, x, y));

        if (dark ? l > 170 : l < 90)
          ink++;
      }
  g_test_message ("label name over the quote: %d pixels of ink, %d of tint", ink,
                  count_bluish (on, r_on.x, r_on.x + 45, r_on.y - 13, r_on.y - 1));
  g_assert_cmpint (ink, >=, 15);
  g_assert_cmpint (count_bluish (on, r_on.x, r_on.x + 45, r_on.y - 13, r_on.y - 1), >=, 60);

  /* Not one pixel of the line's own text is covered. */
  g_assert_true (rows_equal (off, r_off.y, on, r_on.y, r_on.height));

  /* Off again, the article is drawn as before. */
  mg_test_activate (window, "win.show-label-names", NULL);
  g_assert_false (g_settings_get_boolean (window->settings, "show-label-names"));
  wait_layout (window);
  off_again = render (window);
  g_assert_true (rows_equal (off, 0, off_again, 0, off->height));

  mg_test_close_window (window);
  set_dark (FALSE);
}

static void
test_label_names_light (void)
{
  MG_TEST_REQUIRE_DISPLAY ();
  check_label_names (FALSE);
}

static void
test_label_names_dark (void)
{
  MG_TEST_REQUIRE_DISPLAY ();
  check_label_names (TRUE);
}

/* A knob in the label's colour above the start of the selected span. */
static void
test_handles (void)
{
  MgWindow *window;
  MgAnnotation *quote;
  g_autoptr(Drawing) selected = NULL;
  g_autoptr(Drawing) unselected = NULL;
  GdkRectangle r;
  const guchar *p;

  MG_TEST_REQUIRE_DISPLAY ();

  window = open_world ();
  quote = tag_text (window, "quote", "“We want a fair deal, not a fight,”");
  mg_article_view_set_selected (window->article_view, NULL);
  wait_layout (window);
  unselected = render (window);
  mg_article_view_set_selected (window->article_view, quote);
  selected = render (window);
  r = first_line_of (window, quote);

  /* The knob's centre is 4 pixels above the line, on its left edge. */
  p = pixel (selected, r.x, r.y - 4);
  g_test_message ("knob pixel: #%02x%02x%02x", p[2], p[1], p[0]);
  g_assert_cmpint (ABS (p[2] - 0x00), <, 24);
  g_assert_cmpint (ABS (p[1] - 0x72), <, 24);
  g_assert_cmpint (ABS (p[0] - 0xB2), <, 24);
  g_assert_cmpint (memcmp (pixel (unselected, r.x, r.y - 4), p, 3), !=, 0);

  mg_test_close_window (window);
}

static void
set_range (MgWindow *window,
           guint     start,
           guint     end)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-range", "(uu)", start, end));
  mg_test_spin ();
}

/* What a dragged handle asks for: never an empty or turned-round span,
 * always snapped, one undo step. */
static void
test_set_range (void)
{
  MgWindow *window;
  MgAnnotation *quote;
  guint start, end, fair;

  MG_TEST_REQUIRE_DISPLAY ();

  window = open_world ();
  quote = tag_text (window, "quote", "“We want a fair deal, not a fight,”");
  start = mg_annotation_get_start (quote);
  end = mg_annotation_get_end (quote);
  fair = offset_of (window, "fair deal");
  mg_article_view_set_selected (window->article_view, quote);

  set_range (window, end, start);
  set_range (window, fair, fair);
  g_assert_cmpuint (mg_annotation_get_start (quote), ==, start);
  g_assert_cmpuint (mg_annotation_get_end (quote), ==, end);

  /* Inside "fair", with whole words on: the whole word. */
  set_range (window, fair + 2, end);
  g_assert_cmpuint (mg_annotation_get_start (quote), ==, fair);
  g_assert_cmpuint (mg_annotation_get_end (quote), ==, end);

  mg_test_activate (window, "win.undo", NULL);
  g_assert_cmpuint (mg_annotation_get_start (quote), ==, start);
  g_assert_cmpuint (mg_annotation_get_end (quote), ==, end);

  mg_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  scratch = mg_test_scratch_home ("marginalia-relation-drawing-XXXXXX");
  g_test_init (&argc, &argv, NULL);
  mg_test_init_display ();

  g_test_add_func ("/relation-drawing/speaker-light", test_relations_light);
  g_test_add_func ("/relation-drawing/speaker-dark", test_relations_dark);
  g_test_add_func ("/relation-drawing/label-names-light", test_label_names_light);
  g_test_add_func ("/relation-drawing/label-names-dark", test_label_names_dark);
  g_test_add_func ("/relation-drawing/handles", test_handles);
  g_test_add_func ("/relation-drawing/set-range", test_set_range);

  status = g_test_run ();
  mg_test_remove_tree (scratch);
  return status;
}
