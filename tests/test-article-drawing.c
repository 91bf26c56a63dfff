/* test-article-drawing.c: what the article draws is what the dataset holds
 *
 * After each kind of edit, driven through the window's actions, the article
 * as drawn is rendered to pixels and compared, band by band, with the
 * drawing of a fresh window opened on the saved dataset at the same scroll
 * position. A text view caches the layout of its lines, so a tag changed
 * without the right lines laid out again shows up here and nowhere in the
 * tag table. A second check takes spans away one at a time: each must
 * change the drawing, so no span hides under a neighbour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "mg-test-gui.h"

/* Rows compared at a time; a difference is reported by its band. */
#define BAND 24

typedef struct
{
  GdkTexture *texture;
  guchar *pixels;
  int     width;
  int     height;
  gsize   stride;
} Drawing;

static char *scratch;

static void
drawing_free (Drawing *drawing)
{
  g_clear_object (&drawing->texture);
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

/* What @widget draws now, or %NULL before its first frame. */
static GskRenderNode *
snapshot_node (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (snapshot);
}

/* The widget as it draws itself now, through the window's renderer. */
static Drawing *
render (GtkWidget *widget)
{
  g_autoptr(GskRenderNode) node = NULL;
  GdkTexture *texture;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  Drawing *drawing = g_new0 (Drawing, 1);

  g_assert_true (mg_test_spin_until (is_drawn, widget, 5000));
  for (guint tries = 0; node == NULL && tries < 100; tries++)
    if ((node = snapshot_node (widget)) == NULL)
      mg_test_spin_for (20);
  g_assert_nonnull (node);
  drawing->width = gtk_widget_get_width (widget);
  drawing->height = gtk_widget_get_height (widget);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, drawing->width, drawing->height));
  drawing->stride = (gsize) drawing->width * 4;
  drawing->pixels = g_malloc (drawing->stride * (gsize) drawing->height);
  gdk_texture_download (texture, drawing->pixels, drawing->stride);
  drawing->texture = texture;

  return drawing;
}

/* The first band of rows, from @top, where @a and @b differ, or -1. */
static int
first_different_band (const Drawing *a,
                      const Drawing *b,
                      int            top,
                      int            bottom)
{
  g_assert_cmpint (a->width, ==, b->width);
  g_assert_cmpint (a->height, ==, b->height);

  for (int y = MAX (top, 0); y < MIN (bottom, a->height); y++)
    if (memcmp (a->pixels + y * a->stride, b->pixels + y * b->stride, a->stride) != 0)
      return y - y % BAND;

  return -1;
}

/* Which text is drawn in the band at @y, to say where a difference is. */
static char *
describe_band (MgArticleView *view,
               int            y)
{
  GtkTextIter top, bottom;
  int bx, by;
  g_autofree char *text = NULL;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET,
                                         0, y, &bx, &by);
  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (view), &top, by, NULL);
  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (view), &bottom, by + BAND, NULL);
  gtk_text_iter_forward_to_line_end (&bottom);
  text = gtk_text_iter_get_text (&top, &bottom);
  if (g_utf8_strlen (text, -1) > 60)
    *g_utf8_offset_to_pointer (text, 60) = '\0';
  g_strdelimit (text, "\n", ' ');

  return g_strdup_printf ("rows %d-%d, text from %d: \"%s\"", y, y + BAND - 1,
                          gtk_text_iter_get_offset (&top), text);
}

/* Leaves both drawings of a failed comparison in the build folder, for a
 * person to look at. */
static void
keep_for_reader (const Drawing *drawn,
                 const Drawing *expected,
                 const char    *step)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "drawing-failures", NULL);
  g_autofree char *name = g_strdup (step);
  g_autofree char *drawn_png = NULL;
  g_autofree char *expected_png = NULL;

  g_strcanon (name, "abcdefghijklmnopqrstuvwxyz", '-');
  drawn_png = g_strdup_printf ("%s/%s-drawn.png", dir, name);
  expected_png = g_strdup_printf ("%s/%s-saved.png", dir, name);
  g_mkdir_with_parents (dir, 0755);
  gdk_texture_save_to_png (drawn->texture, drawn_png);
  gdk_texture_save_to_png (expected->texture, expected_png);
  g_test_message ("the two drawings are in %s", dir);
}

static GtkAdjustment *
vadjustment_of (MgWindow *window)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (window->article_view));
}

/* Waits for a scroll the view has pending: GtkTextView scrolls to a mark
 * only once the lines on the way are measured. */
static void
wait_settled (MgWindow *window)
{
  double last = -1;

  for (guint still = 0, round = 0; still < 3 && round < 100; round++)
    {
      double value = gtk_adjustment_get_value (vadjustment_of (window));

      still = value == last ? still + 1 : 0;
      last = value;
      mg_test_spin_for (30);
    }
}

/* Waits until the article's height and scroll position stay the same for
 * a while: after the panels beside it change, its lines are measured again
 * in idle time. */
static void
wait_layout (MgWindow *window)
{
  GtkAdjustment *adjustment = vadjustment_of (window);
  double last_upper = -1, last_value = -1;

  for (guint still = 0, round = 0; still < 10 && round < 400; round++)
    {
      double upper = gtk_adjustment_get_upper (adjustment);
      double value = gtk_adjustment_get_value (adjustment);

      still = upper == last_upper && value == last_value ? still + 1 : 0;
      last_upper = upper;
      last_value = value;
      mg_test_spin_for (50);
    }
}

/* Scrolls @window so that the line at the top of @other is at the same
 * height; FALSE when it cannot. */
static gboolean
scroll_to_line_of (MgWindow *window,
                   MgWindow *other)
{
  GtkTextView *from = GTK_TEXT_VIEW (other->article_view);
  GtkTextView *to = GTK_TEXT_VIEW (window->article_view);
  double value = gtk_adjustment_get_value (vadjustment_of (other));
  double target = -1;
  GtkTextIter top;
  int line_top, offset;

  gtk_text_view_get_line_at_y (from, &top, (int) value, &line_top);
  offset = gtk_text_iter_get_offset (&top);
  for (guint round = 0; round < 500; round++)
    {
      GtkTextIter iter;
      int y;

      gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (to), &iter, offset);
      gtk_text_view_get_line_yrange (to, &iter, &y, NULL);
      if (target == y + (value - line_top) && gtk_adjustment_get_value (vadjustment_of (window)) == target)
        return TRUE;
      target = y + (value - line_top);
      gtk_adjustment_set_value (vadjustment_of (window), target);
      mg_test_spin_for (20);
    }
  return FALSE;
}

/* Scrolls @fresh so that the line at the top of @window is at the same
 * height. Not by the value of the adjustment: a text view keeps what it
 * shows in place while it measures the lines above, so the value drifts
 * as long as lines are being measured. */
static void
scroll_like (MgWindow *fresh,
             MgWindow *window)
{
  GtkTextView *from = GTK_TEXT_VIEW (window->article_view);
  GtkTextView *to = GTK_TEXT_VIEW (fresh->article_view);
  double value = gtk_adjustment_get_value (vadjustment_of (window));
  GtkTextIter top;
  int line_top, offset;
  double delta, target = -1;

  gtk_text_view_get_line_at_y (from, &top, (int) value, &line_top);
  offset = gtk_text_iter_get_offset (&top);
  delta = value - line_top;

  /* Under load the lines below may take many seconds to be measured, and the
   * view cannot scroll past what it has measured. */
  for (guint round = 0; round < 1500; round++)
    {
      GtkTextIter iter;
      int y;

      gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (to), &iter, offset);
      gtk_text_view_get_line_yrange (to, &iter, &y, NULL);
      if (target == y + delta && gtk_adjustment_get_value (vadjustment_of (fresh)) == target)
        return;
      target = y + delta;
      gtk_adjustment_set_value (vadjustment_of (fresh), target);
      mg_test_spin_for (20);
    }

  /* @fresh may not scroll that far at all: a window whose side panels
   * differ wraps the text into fewer lines. Then both show the farthest
   * place @fresh reaches, with @window scrolled to the same top line. */
  if (gtk_adjustment_get_value (vadjustment_of (fresh)) < target &&
      scroll_to_line_of (window, fresh))
    return;
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment_of (fresh)), ==, target);
}

/* Makes @fresh show what @window shows: the same document, scroll
 * position, caret, selection and selected annotation. */
static void
match_view (MgWindow *fresh,
            MgWindow *window)
{
  MgDocument *document = mg_window_get_document (window);
  GtkTextBuffer *from = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->article_view));
  GtkTextBuffer *to;
  MgAnnotation *selected = mg_article_view_get_selected (window->article_view);
  GtkTextIter insert, bound;

  mg_window_show_document (fresh, mg_dataset_lookup_document (mg_window_get_dataset (fresh),
                                                               mg_document_get_id (document)));
  /* A document shown comes in a buffer of its own. */
  to = gtk_text_view_get_buffer (GTK_TEXT_VIEW (fresh->article_view));
  gtk_text_buffer_get_iter_at_mark (from, &insert, gtk_text_buffer_get_insert (from));
  gtk_text_buffer_get_iter_at_mark (from, &bound, gtk_text_buffer_get_selection_bound (from));
  g_assert_cmpint (gtk_text_iter_get_offset (&insert), <=, gtk_text_iter_get_offset (&bound));
  gtk_text_buffer_get_iter_at_offset (to, &insert, gtk_text_iter_get_offset (&insert));
  gtk_text_buffer_get_iter_at_offset (to, &bound, gtk_text_iter_get_offset (&bound));
  gtk_text_buffer_select_range (to, &insert, &bound);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (fresh->article_view), FALSE);
  if (selected != NULL)
    mg_article_view_set_selected (fresh->article_view,
                                  mg_annotation_store_find (mg_test_store_of (fresh),
                                                            mg_annotation_get_label (selected),
                                                            mg_annotation_get_start (selected),
                                                            mg_annotation_get_end (selected)));

  scroll_like (fresh, window);
  mg_test_spin_for (100);
}

/* Whether any annotation of @window's document is drawn in the band of
 * rows from @y: then a window without annotations may draw it otherwise. */
static gboolean
band_has_spans (MgWindow *window,
                int       y)
{
  GtkTextView *view = GTK_TEXT_VIEW (window->article_view);
  g_autoptr(GPtrArray) spans = NULL;
  GtkTextIter top, bottom;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, 0, y, &bx, &by);
  gtk_text_view_get_line_at_y (view, &top, by - 4, NULL);
  gtk_text_view_get_line_at_y (view, &bottom, by + BAND + 4, NULL);
  gtk_text_iter_forward_line (&bottom);
  spans = mg_annotation_store_overlapping (mg_test_store_of (window),
                                           gtk_text_iter_get_offset (&top),
                                           gtk_text_iter_get_offset (&bottom));
  return spans->len > 0;
}

/* Fails with the first band of @drawn that differs from @expected; with
 * @plain_only, only bands without annotations count. */
static void
compare_bands (MgWindow      *window,
               const Drawing *drawn,
               const Drawing *expected,
               gboolean       plain_only,
               const char    *step)
{
  const char *against = plain_only ? "a window without annotations" : "the saved dataset";

  for (int top = 0; top < drawn->height; top += BAND)
    {
      int band = first_different_band (drawn, expected, top, top + BAND);
      g_autofree char *where = NULL;
      g_autofree char *name = NULL;

      if (band < 0 || (plain_only && band_has_spans (window, band)))
        continue;

      where = describe_band (window->article_view, band);
      g_test_message ("after %s, the article draws differently from %s at %s",
                      step, against, where);
      name = g_strdup_printf ("%s %s", step, plain_only ? "plain" : "saved");
      keep_for_reader (drawn, expected, name);
      g_test_fail ();
      return;
    }
}

/* @dataset with the spans of @document taken away. */
static void
strip_annotations (MgDataset  *dataset,
                   MgDocument *document)
{
  MgDocument *copy = mg_dataset_lookup_document (dataset, mg_document_get_id (document));
  MgAnnotationStore *store = mg_document_get_store (copy);

  while (mg_annotation_store_get_n_annotations (store) > 0)
    mg_annotation_store_remove (store, mg_annotation_store_get_annotation (store, 0));
}

/* Renders a fresh window on @dataset, showing what @window shows. */
static Drawing *
render_fresh (MgWindow  *window,
              MgDataset *dataset)
{
  MgWindow *fresh = mg_test_open_window_sized (dataset, 1400, 900);
  Drawing *drawing;

  match_view (fresh, window);
  drawing = render (GTK_WIDGET (fresh->article_view));
  mg_test_close_window (fresh);
  return drawing;
}

/* Saves @window's dataset and compares the article as drawn, band by
 * band, with a fresh window on the saved file at the same place, and the
 * bands without annotations with a window on the text alone: a tint or a
 * cue that leaks past its span is caught even when a fresh window makes
 * the same mistake. */
static void
assert_drawn_as_saved (MgWindow   *window,
                       const char *step)
{
  g_autofree char *path = g_build_filename (scratch, "saved.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDataset) saved = NULL;
  g_autoptr(Drawing) drawn = NULL;
  g_autoptr(Drawing) expected = NULL;
  g_autoptr(Drawing) plain = NULL;
  g_autoptr(MgAnnotation) selected = NULL;

  mg_test_save_to (window, path);
  saved = mg_dataset_load_file (path, &error);
  g_assert_no_error (error);

  /* Whether the caret shows depends on which window has the focus. */
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (window->article_view), FALSE);
  wait_settled (window);
  drawn = render (GTK_WIDGET (window->article_view));
  expected = render_fresh (window, saved);
  compare_bands (window, drawn, expected, FALSE, step);

  /* The outline of the selected span is a span drawn too. */
  g_set_object (&selected, mg_article_view_get_selected (window->article_view));
  mg_article_view_set_selected (window->article_view, NULL);
  strip_annotations (saved, mg_window_get_document (window));
  plain = render_fresh (window, saved);
  compare_bands (window, drawn, plain, TRUE, step);
  mg_article_view_set_selected (window->article_view, selected);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (window->article_view), TRUE);
}

static void
select_offsets (MgWindow *window,
                guint     start,
                guint     end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->article_view));
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) end);
  gtk_text_buffer_select_range (buffer, &e, &s);
}

static guint
offset_of (MgWindow   *window,
           const char *needle)
{
  return mg_test_offset_of (mg_window_get_document (window), needle);
}

/* Tags @needle as @label, from @skip code points in, through win.tag. */
static void
tag_text (MgWindow   *window,
          const char *label,
          const char *needle)
{
  guint start = offset_of (window, needle);

  select_offsets (window, start, start + (guint) g_utf8_strlen (needle, -1));
  mg_test_activate (window, "win.tag", label);
}

static MgWindow *
open_world (void)
{
  g_autoptr(MgDataset) dataset = mg_test_load_fixture ("drawing", "world.json");

  return mg_test_open_window_sized (dataset, 1400, 900);
}

/* The case a user met: a span from the top that crosses a blank line. */
static void
test_across_paragraphs (void)
{
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();

  window = open_world ();
  select_offsets (window, 0, offset_of (window, "Harbour") + 7);
  mg_test_activate (window, "win.tag-key", "1");
  g_assert_nonnull (mg_test_find (window, "quote", "World\n\nHarbour"));
  assert_drawn_as_saved (window, "a quote across a blank line");

  /* Relabelled, shrunk back into one paragraph, deleted, restored. */
  mg_test_activate (window, "win.tag-key", "3");
  assert_drawn_as_saved (window, "relabelling it");
  mg_test_activate (window, "win.shrink-end", NULL);
  assert_drawn_as_saved (window, "moving its end");
  mg_test_activate (window, "win.delete", NULL);
  assert_drawn_as_saved (window, "deleting it");
  mg_test_activate (window, "win.undo", NULL);
  assert_drawn_as_saved (window, "undoing the delete");
  mg_test_activate (window, "win.redo", NULL);
  assert_drawn_as_saved (window, "redoing the delete");

  mg_test_close_window (window);
}

static void
test_every_kind_of_edit (void)
{
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();

  window = open_world ();

  tag_text (window, "quote", "“We want a fair deal, not a fight,”");
  tag_text (window, "quote", "a fair deal");
  assert_drawn_as_saved (window, "a nested quote");

  tag_text (window, "claim", "wages have risen by 12 percent");
  tag_text (window, "claim", "12 percent since 2021");
  assert_drawn_as_saved (window, "overlapping claims");

  tag_text (window, "actor", "Jonas Keller");
  tag_text (window, "claim", "Jonas Keller");
  assert_drawn_as_saved (window, "one range under two labels");

  tag_text (window, "figure", "a third during the stoppage. “Every day");
  mg_test_activate (window, "win.grow-start", NULL);
  mg_test_activate (window, "win.shrink-end", NULL);
  assert_drawn_as_saved (window, "moved boundaries");

  mg_test_activate (window, "win.undo", NULL);
  mg_test_activate (window, "win.undo", NULL);
  assert_drawn_as_saved (window, "undo");
  mg_test_activate (window, "win.redo", NULL);
  assert_drawn_as_saved (window, "redo");

  mg_test_activate (window, "win.next-document", NULL);
  assert_drawn_as_saved (window, "switching documents");
  tag_text (window, "quote", "Weather\n\nCafé");
  assert_drawn_as_saved (window, "a quote across paragraphs after a switch");
  mg_test_activate (window, "win.previous-document", NULL);
  assert_drawn_as_saved (window, "switching back");

  mg_test_close_window (window);
}

/* Adds a span of @label over @needle to the first document of @dataset. */
static void
add_span (MgDataset  *dataset,
          const char *label,
          const char *needle)
{
  MgDocument *document = mg_dataset_get_document (dataset, 0);
  MgAnnotationStore *store = mg_document_get_store (document);
  guint start = mg_test_offset_of (document, needle);
  g_autoptr(MgAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;

  g_autofree char *id = mg_annotation_store_next_id (store);

  annotation = mg_annotation_new (id, label, start, start + (guint) g_utf8_strlen (needle, -1));
  mg_annotation_set_text (annotation, needle);
  g_assert_true (mg_annotation_store_add (store, annotation, &error));
  g_assert_no_error (error);
}

/* A colleague's spans taken in review, one resolution of each kind. */
static void
test_review_resolution (void)
{
  g_autoptr(MgDataset) theirs = mg_test_load_fixture ("drawing", "world.json");
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();

  add_span (theirs, "quote", "World\n\nHarbour");
  add_span (theirs, "claim", "Jonas Keller");
  add_span (theirs, "actor", "Marta Lindqvist");
  window = open_world ();
  tag_text (window, "actor", "Jonas Keller");
  tag_text (window, "figure", "240 members");

  _mg_window_review_start (window, theirs, "bora");
  g_assert_cmpint (_mg_window_review_get_current (window), ==, 0);
  mg_test_activate (window, "win.review-resolve", "theirs");
  mg_test_activate (window, "win.review-resolve", "both");
  mg_test_activate (window, "win.review-resolve", "drop");
  mg_test_activate (window, "win.review-close", NULL);
  /* The panel gone, the article is wider and its lines are measured again:
   * compare once its height has settled. */
  wait_layout (window);
  assert_drawn_as_saved (window, "resolving a review");

  mg_test_close_window (window);
}

static gboolean
drawings_differ (const Drawing *a,
                 const Drawing *b)
{
  return first_different_band (a, b, 0, a->height) >= 0;
}

static Drawing *
render_unselected (MgWindow *window)
{
  mg_article_view_set_selected (window->article_view, NULL);
  mg_test_spin_for (50);
  return render (GTK_WIDGET (window->article_view));
}

/* Takes each span on screen away in turn: the drawing must change, or
 * the span was hidden by its neighbours. */
static void
assert_each_span_shows (MgWindow *window)
{
  MgAnnotationStore *store = mg_test_store_of (window);
  guint n = mg_annotation_store_get_n_annotations (store);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(Drawing) with = render_unselected (window);
      g_autoptr(Drawing) without = NULL;
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);
      g_autofree char *what = g_strdup_printf ("%s “%s”", mg_annotation_get_label (a),
                                               mg_annotation_get_text (a));

      mg_article_view_set_selected (window->article_view, a);
      mg_test_activate (window, "win.delete", NULL);
      without = render_unselected (window);
      if (!drawings_differ (with, without))
        {
          g_test_message ("the %s span is drawn nowhere its neighbours are not", what);
          keep_for_reader (with, without, what);
          g_test_fail ();
        }
      mg_test_activate (window, "win.undo", NULL);
      g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, n);
    }
}

static void
test_every_span_distinct (void)
{
  MgWindow *window;
  g_autoptr(Drawing) one = NULL;
  g_autoptr(Drawing) two = NULL;

  MG_TEST_REQUIRE_DISPLAY ();

  window = open_world ();
  tag_text (window, "quote", "“We want a fair deal, not a fight,”");
  tag_text (window, "quote", "a fair deal");
  tag_text (window, "claim", "wages have risen by 12 percent");
  tag_text (window, "claim", "12 percent since 2021");
  tag_text (window, "actor", "Jonas Keller");
  tag_text (window, "claim", "Jonas Keller");
  tag_text (window, "figure", "1.2 million passengers");
  tag_text (window, "claim", "carried 1.2 million");
  assert_each_span_shows (window);

  /* Two spans of one label that touch must not read as one span. */
  g_object_set (window->article_view, "snap-to-words", FALSE, NULL);
  tag_text (window, "actor", "Marta Lindqvist");
  one = render_unselected (window);
  mg_test_activate (window, "win.undo", NULL);
  tag_text (window, "actor", "Marta Lind");
  tag_text (window, "actor", "qvist");
  two = render_unselected (window);
  if (!drawings_differ (one, two))
    {
      g_test_message ("two actors that touch draw as one");
      keep_for_reader (one, two, "touching actors");
      g_test_fail ();
    }

  mg_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  scratch = mg_test_scratch_home ("marginalia-drawing-XXXXXX");
  g_test_init (&argc, &argv, NULL);
  mg_test_init_display ();

  g_test_add_func ("/drawing/across-paragraphs", test_across_paragraphs);
  g_test_add_func ("/drawing/every-kind-of-edit", test_every_kind_of_edit);
  g_test_add_func ("/drawing/review-resolution", test_review_resolution);
  g_test_add_func ("/drawing/every-span-distinct", test_every_span_distinct);

  status = g_test_run ();
  mg_test_remove_tree (scratch);
  return status;
}
