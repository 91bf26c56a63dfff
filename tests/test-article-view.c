/* test-article-view.c: the highlighting follows the store exactly
 *
 * The article view updates its italic tags incrementally, only where the
 * coverage of an italic label changed. After every random edit (add,
 * remove, relabel, moved boundaries, undo, redo) the runs of every such
 * tag in the buffer must equal what a count of the store's spans gives,
 * from scratch, and no other label has a tag. Tints and underlines are
 * drawn, not tagged: their checks read the view's pixels, the tint of a
 * span in its label's colour, nested spans stronger, an underline under
 * an actor and none under plain text, and the tints of dark mode.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "mg-article-view.h"
#include "mg-test-gui.h"

static const char *words[] = {
  "harbour", "said", "the", "council", "€4.2", "1,200", "Güler", "Zoë", "of",
  "a", "storm", "𝄞", "naïve", "İlkay", "vote", "record",
};

typedef struct
{
  GtkWidget     *window;
  MgArticleView *view;
  MgDataset     *dataset;
  MgDocument    *document;
  MgHistory     *history;
  GRand         *rand;
} Fixture;

static char *
build_text (GRand *rand,
            guint  n_lines)
{
  GString *text = g_string_new (NULL);

  for (guint line = 0; line < n_lines; line++)
    {
      guint n = g_rand_int_range (rand, 10, 40);

      for (guint i = 0; i < n; i++)
        {
          g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          g_string_append_c (text, ' ');
        }
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *text = NULL;

  if (!mg_test_have_display ())
    return;

  f->rand = g_rand_new_with_seed (GPOINTER_TO_UINT (data));
  text = build_text (f->rand, 24);
  f->dataset = mg_dataset_new ();
  f->document = mg_document_new ("doc", text, -1);
  g_assert_true (mg_dataset_add_document (f->dataset, f->document));
  f->history = mg_history_new (f->dataset);

  f->view = MG_ARTICLE_VIEW (mg_article_view_new ());
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 600, 400);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  mg_article_view_set_document (f->view, f->document, mg_dataset_get_labels (f->dataset));
  gtk_window_present (GTK_WINDOW (f->window));
  mg_test_spin ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (!mg_test_have_display ())
    return;

  gtk_window_destroy (GTK_WINDOW (f->window));
  mg_test_spin ();
  g_clear_object (&f->history);
  g_clear_object (&f->document);
  g_clear_object (&f->dataset);
  g_clear_pointer (&f->rand, g_rand_free);
}

/* Runs of @tag in the buffer, as "start-end " pairs of code points. */
static char *
tag_runs (GtkTextBuffer *buffer,
          GtkTextTag    *tag)
{
  GString *out = g_string_new (NULL);
  GtkTextIter iter;
  int run_start = -1;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (gtk_text_iter_has_tag (&iter, tag))
    run_start = 0;
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    {
      if (run_start < 0)
        run_start = gtk_text_iter_get_offset (&iter);
      else
        {
          g_string_append_printf (out, "%d-%d ", run_start, gtk_text_iter_get_offset (&iter));
          run_start = -1;
        }
    }
  g_assert_cmpint (run_start, ==, -1);

  return g_string_free (out, FALSE);
}

/* The same, counted from the store: for each code point, how many spans
 * of @label cover it. A line's end is never tagged (see refresh_range). */
static char *
expected_runs (MgDocument *document,
               const char *label,
               int         depth)
{
  MgAnnotationStore *store = mg_document_get_store (document);
  guint length = mg_document_get_length (document);
  const char *p = mg_document_get_text (document);
  g_autofree int *delta = g_new0 (int, length + 1);
  GString *out = g_string_new (NULL);
  int count = 0, run_start = -1;

  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);

      if (!g_str_equal (mg_annotation_get_label (a), label))
        continue;
      delta[mg_annotation_get_start (a)]++;
      delta[mg_annotation_get_end (a)]--;
    }

  for (guint pos = 0; pos <= length; pos++)
    {
      gboolean covered;

      count += delta[pos];
      covered = count >= depth && pos < length && *p != '\n';
      if (pos < length)
        p = g_utf8_next_char (p);
      if (covered && run_start < 0)
        run_start = pos;
      else if (!covered && run_start >= 0)
        {
          g_string_append_printf (out, "%d-%u ", run_start, pos);
          run_start = -1;
        }
    }

  return g_string_free (out, FALSE);
}

static void
assert_highlighting (MgArticleView *view,
                     MgDocument    *document,
                     MgLabelSet    *labels)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  for (guint i = 0; i < mg_label_set_get_n_labels (labels); i++)
    {
      const char *id = mg_label_get_id (mg_label_set_get_label (labels, i));
      GtkTextTag *tag = mg_article_view_get_label_tag (view, id);
      g_autofree char *got = NULL;
      g_autofree char *want = NULL;

      /* Only labels whose cue is italics have a tag. */
      g_assert_true ((tag != NULL) == (i % 4 == 0));
      if (tag == NULL)
        continue;
      got = tag_runs (buffer, tag);
      want = expected_runs (document, id, 1);
      if (g_strcmp0 (got, want) != 0)
        g_error ("%s: tagged %s, but the store gives %s", id, got, want);
    }
}

/* Only the runs, or parts of runs, inside [@lo, @hi). */
static char *
clip_runs (const char *runs,
           guint       lo,
           guint       hi)
{
  g_auto(GStrv) pairs = g_strsplit (runs, " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      guint start, end;

      if (sscanf (pairs[i], "%u-%u", &start, &end) != 2)
        continue;
      start = MAX (start, lo);
      end = MIN (end, hi);
      if (start < end)
        g_string_append_printf (out, "%u-%u ", start, end);
    }

  return g_string_free (out, FALSE);
}

/* Whether the tags in [@lo, @hi) are those the store gives. */
static gboolean
highlighting_matches (MgArticleView *view,
                      MgDocument    *document,
                      MgLabelSet    *labels,
                      guint          lo,
                      guint          hi,
                      gboolean       report)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  for (guint i = 0; i < mg_label_set_get_n_labels (labels); i++)
    {
      const char *id = mg_label_get_id (mg_label_set_get_label (labels, i));
      GtkTextTag *tag = mg_article_view_get_label_tag (view, id);
      g_autofree char *all_got = NULL;
      g_autofree char *all_want = NULL;
      g_autofree char *got = NULL;
      g_autofree char *want = NULL;

      if (tag == NULL)
        continue;
      all_got = tag_runs (buffer, tag);
      all_want = expected_runs (document, id, 1);
      got = clip_runs (all_got, lo, hi);
      want = clip_runs (all_want, lo, hi);
      if (g_strcmp0 (got, want) != 0)
        {
          if (report)
            g_printerr ("%s, in %u-%u: tagged %s, but the store gives %s\n",
                        id, lo, hi, got, want);
          return FALSE;
        }
    }

  return TRUE;
}

static MgAnnotation *
random_annotation (Fixture *f)
{
  MgAnnotationStore *store = mg_document_get_store (f->document);
  guint n = mg_annotation_store_get_n_annotations (store);

  return n ? mg_annotation_store_get_annotation (store, g_rand_int_range (f->rand, 0, n)) : NULL;
}

static const char *
random_label (Fixture *f)
{
  MgLabelSet *labels = mg_dataset_get_labels (f->dataset);

  return mg_label_get_id (mg_label_set_get_label (labels,
                                                  g_rand_int_range (f->rand, 0, mg_label_set_get_n_labels (labels))));
}

/* Short spans, some long, many of them over each other. */
static void
random_range (Fixture *f,
              guint   *start,
              guint   *end)
{
  guint length = mg_document_get_length (f->document);
  guint span = g_rand_int_range (f->rand, 0, 8) == 0 ? g_rand_int_range (f->rand, 40, 300)
                                                     : g_rand_int_range (f->rand, 1, 25);

  *start = g_rand_int_range (f->rand, 0, length - 1);
  *end = MIN (*start + span, length);
}

static void
random_edit (Fixture *f)
{
  MgAnnotation *a = random_annotation (f);
  guint start, end;

  switch (g_rand_int_range (f->rand, 0, 8))
    {
    case 0:
    case 1:
    case 2:
      {
        g_autoptr(MgAnnotation) added = NULL;

        random_range (f, &start, &end);
        added = mg_annotation_new (NULL, random_label (f), start, end);
        /* A twin is refused, which is fine: nothing changed then. */
        mg_history_add_annotation (f->history, f->document, added, NULL);
      }
      break;

    case 3:
      if (a != NULL)
        mg_history_remove_annotation (f->history, f->document, a);
      break;

    case 4:
      if (a != NULL)
        mg_history_set_label (f->history, f->document, a, random_label (f), NULL);
      break;

    case 5:
      if (a != NULL)
        {
          /* A boundary moved by a little, as the boundary keys do. */
          start = mg_annotation_get_start (a);
          end = mg_annotation_get_end (a);
          if (g_rand_boolean (f->rand))
            end = MIN (end + g_rand_int_range (f->rand, 1, 4), mg_document_get_length (f->document));
          else if (start > 0)
            start--;
          mg_history_set_range (f->history, f->document, a, start, end, NULL);
        }
      break;

    case 6:
      if (mg_history_can_undo (f->history))
        mg_history_undo (f->history);
      break;

    default:
      if (mg_history_can_redo (f->history))
        mg_history_redo (f->history);
      break;
    }
}

static void
test_random_edits (Fixture       *f,
                   gconstpointer  data)
{
  MgLabelSet *labels;
  MgArticleView *fresh;

  MG_TEST_REQUIRE_DISPLAY ();

  labels = mg_dataset_get_labels (f->dataset);
  assert_highlighting (f->view, f->document, labels);

  for (guint step = 0; step < 600; step++)
    {
      random_edit (f);
      assert_highlighting (f->view, f->document, labels);

      /* Frames in between, as in the window: layout and drawing must not
       * disturb the buffer. */
      if (step % 50 == 0)
        mg_test_spin ();
    }
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (mg_document_get_store (f->document)), >, 50);

  /* And the same document opened from scratch gives the same. */
  fresh = MG_ARTICLE_VIEW (g_object_ref_sink (mg_article_view_new ()));
  mg_article_view_set_document (fresh, f->document, labels);
  assert_highlighting (fresh, f->document, labels);
  g_object_unref (fresh);
}

/* A document opened over another takes none of its highlighting along. */
static void
test_switch_documents (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(MgDocument) other = NULL;
  MgLabelSet *labels;

  MG_TEST_REQUIRE_DISPLAY ();

  labels = mg_dataset_get_labels (f->dataset);
  for (guint step = 0; step < 40; step++)
    random_edit (f);

  other = mg_document_new ("other", "A short text with one quote in it.\n", -1);
  {
    g_autoptr(MgAnnotation) a = mg_annotation_new (NULL, "quote", 2, 12);

    g_assert_true (mg_annotation_store_add (mg_document_get_store (other), a, NULL));
  }
  mg_article_view_set_document (f->view, other, labels);
  assert_highlighting (f->view, other, labels);

  mg_article_view_set_document (f->view, f->document, labels);
  assert_highlighting (f->view, f->document, labels);

  /* Edits to the document no longer shown leave the view alone. */
  mg_article_view_set_document (f->view, other, labels);
  for (guint step = 0; step < 20; step++)
    random_edit (f);
  assert_highlighting (f->view, other, labels);
}

typedef struct
{
  MgArticleView *view;
  MgDocument    *document;
  MgLabelSet    *labels;
} Shown;

static gboolean
all_highlighted (gpointer data)
{
  Shown *shown = data;

  return highlighting_matches (shown->view, shown->document, shown->labels, 0, G_MAXUINT, FALSE);
}

/* A long article is highlighted where the caret is before it is shown,
 * where a jump lands at once, and everywhere in the end, with edits made
 * before the idle slices reached them. */
static void
test_long_document (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *text = NULL;
  MgAnnotationStore *store;
  MgAnnotation *last = NULL;
  guint length;
  Shown shown;

  MG_TEST_REQUIRE_DISPLAY ();

  /* About 100,000 characters, far more than is highlighted at first. */
  text = build_text (f->rand, 600);
  g_clear_object (&f->history);
  g_clear_object (&f->document);
  g_clear_object (&f->dataset);
  f->dataset = mg_dataset_new ();
  f->document = mg_document_new ("long", text, -1);
  g_assert_true (mg_dataset_add_document (f->dataset, f->document));
  f->history = mg_history_new (f->dataset);
  store = mg_document_get_store (f->document);
  length = mg_document_get_length (f->document);
  g_assert_cmpuint (length, >, 60000);

  for (guint i = 0; i < 4000; i++)
    {
      g_autoptr(MgAnnotation) a = NULL;
      guint start, end;

      random_range (f, &start, &end);
      a = mg_annotation_new (NULL, random_label (f), start, end);
      mg_annotation_store_add (store, a, NULL);
    }
  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);

      if (last == NULL || mg_annotation_get_start (a) > mg_annotation_get_start (last))
        last = a;
    }
  g_assert_cmpuint (mg_annotation_get_start (last), >, length - 2000);

  mg_article_view_set_document (f->view, f->document, mg_dataset_get_labels (f->dataset));
  g_assert_true (highlighting_matches (f->view, f->document, mg_dataset_get_labels (f->dataset), 0, 5000, TRUE));

  /* A jump to the end finds its text highlighted, before any idle time. */
  mg_article_view_scroll_to_annotation (f->view, last);
  g_assert_true (highlighting_matches (f->view, f->document, mg_dataset_get_labels (f->dataset), mg_annotation_get_start (last) - 1000,
                                       mg_annotation_get_end (last) + 1000, TRUE));

  /* Edits anywhere, highlighted or not yet. */
  for (guint step = 0; step < 200; step++)
    random_edit (f);
  g_assert_true (highlighting_matches (f->view, f->document, mg_dataset_get_labels (f->dataset), 0, 5000, TRUE));

  shown = (Shown) { f->view, f->document, mg_dataset_get_labels (f->dataset) };
  g_assert_true (mg_test_spin_until (all_highlighted, &shown, 20000));
  assert_highlighting (f->view, f->document, mg_dataset_get_labels (f->dataset));

  /* And after, as before. */
  for (guint step = 0; step < 100; step++)
    random_edit (f);
  assert_highlighting (f->view, f->document, mg_dataset_get_labels (f->dataset));
}

/* The share of @color in @tint over @page, read on the channel where
 * @color and @page differ most. */
static double
alpha_of (guint32        tint,
          guint32        page,
          const GdkRGBA *color)
{
  double best = 0, alpha = 0;

  for (int shift = 0; shift <= 16; shift += 8)
    {
      double c = (shift == 16 ? color->red : shift == 8 ? color->green : color->blue) * 255;
      double p = (page >> shift) & 0xff, t = (tint >> shift) & 0xff;

      if (ABS (c - p) > best)
        {
          best = ABS (c - p);
          alpha = (t - p) / (c - p);
        }
    }
  return alpha;
}

/* The page's colour, in the view's margin. */
static guint32
page_of (MgArticleView *view)
{
  int stride;
  g_autofree guchar *pixels = mg_test_render_pixels (GTK_WIDGET (view), &stride);

  return ((guint32) pixels[2] << 16) | ((guint32) pixels[1] << 8) | pixels[0];
}

/* Whether anything but the page is drawn under the first character: the
 * view has laid out and drawn its document, which under a loaded machine
 * can take a frame after the main loop first runs dry. */
static gboolean
first_character_drawn (gpointer data)
{
  double covered;

  mg_test_tint_at (data, 0, &covered);
  return covered > 0;
}

static void
add_span (MgDocument *document,
          const char *label,
          const char *needle,
          guint       trim)
{
  guint start = mg_test_offset_of (document, needle);
  g_autoptr(MgAnnotation) a = mg_annotation_new (NULL, label, start + trim,
                                                 start + g_utf8_strlen (needle, -1) - trim);

  g_assert_true (mg_annotation_store_add (mg_document_get_store (document), a, NULL));
}

/* Colour is never the only cue, tints are in each label's colour, nested
 * spans and dark mode strengthen them: read from the pixels drawn. */
static void
test_cues_and_dark (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(MgDocument) document = NULL;
  AdwStyleManager *manager = adw_style_manager_get_default ();
  MgLabelSet *labels = mg_dataset_get_labels (f->dataset);
  const GdkRGBA *actor, *claim;
  guint32 page, tint, light;
  double covered;
  guint said, nested;

  MG_TEST_REQUIRE_DISPLAY ();

  document = mg_document_new ("cues", "The council said the harbour record stands, "
                              "and plain words follow here.\n", -1);
  add_span (document, "actor", "The council", 0);
  add_span (document, "quote", "said the", 0);
  add_span (document, "claim", "harbour record stands", 0);
  add_span (document, "claim", "harbour record stands", 8);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  mg_article_view_set_document (f->view, document, labels);
  g_assert_true (mg_test_spin_until (first_character_drawn, f->view, 5000));
  actor = mg_article_view_get_label_color (f->view, "actor");
  claim = mg_article_view_get_label_color (f->view, "claim");
  said = mg_test_offset_of (document, "said");
  nested = mg_test_offset_of (document, "record") + 2;

  /* Italics are the one cue still a tag. */
  {
    PangoStyle style;

    g_object_get (mg_article_view_get_label_tag (f->view, "quote"), "style", &style, NULL);
    g_assert_cmpint (style, ==, PANGO_STYLE_ITALIC);
    g_assert_null (mg_article_view_get_label_tag (f->view, "actor"));
    g_assert_null (mg_article_view_get_label_tag (f->view, "claim"));
  }

  /* A span's words lie on its label's tint; plain words on the page. */
  page = page_of (f->view);
  tint = mg_test_tint_at (f->view, 1, &covered);
  g_assert_cmpfloat (covered, >, 0.6);
  g_assert_cmpfloat_with_epsilon (alpha_of (tint, page, actor), 0.16, 0.03);
  g_assert_cmphex (mg_test_tint_at (f->view, mg_test_offset_of (document, "plain") + 1, &covered), ==, page);
  g_assert_cmpfloat (covered, <, 0.5);
  tint = mg_test_tint_at (f->view, mg_test_offset_of (document, "harbour") + 1, &covered);
  g_assert_cmpfloat_with_epsilon (alpha_of (tint, page, claim), 0.16, 0.03);
  /* Where two spans of a label nest, its tint is stronger. */
  tint = mg_test_tint_at (f->view, nested, &covered);
  g_assert_cmpfloat_with_epsilon (alpha_of (tint, page, claim), 0.36, 0.03);

  /* An actor is underlined; a quote and plain words are not. */
  g_assert_true (mg_test_underlined (f->view, 0, 11));
  g_assert_false (mg_test_underlined (f->view, said, said + 4));
  g_assert_false (mg_test_underlined (f->view, mg_test_offset_of (document, "plain"),
                                      mg_test_offset_of (document, "plain") + 5));

  /* Dark mode: a dark page, and a stronger tint to be seen on it. */
  light = mg_test_tint_at (f->view, 1, &covered);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  mg_test_spin ();
  page = page_of (f->view);
  tint = mg_test_tint_at (f->view, 1, &covered);
  g_assert_cmphex (tint, !=, light);
  g_assert_cmphex (tint, !=, page);
  g_assert_cmpfloat_with_epsilon (alpha_of (tint, page, actor), 0.30, 0.03);
  tint = mg_test_tint_at (f->view, nested, &covered);
  g_assert_cmpfloat_with_epsilon (alpha_of (tint, page, claim), 0.55, 0.03);
  g_assert_true (mg_test_underlined (f->view, 0, 11));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  mg_test_spin ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  mg_test_init_display ();

  g_test_add ("/article-view/random-edits", Fixture, GUINT_TO_POINTER (1),
              fixture_set_up, test_random_edits, fixture_tear_down);
  g_test_add ("/article-view/random-edits-2", Fixture, GUINT_TO_POINTER (2),
              fixture_set_up, test_random_edits, fixture_tear_down);
  g_test_add ("/article-view/switch-documents", Fixture, GUINT_TO_POINTER (3),
              fixture_set_up, test_switch_documents, fixture_tear_down);
  g_test_add ("/article-view/cues-and-dark", Fixture, GUINT_TO_POINTER (4),
              fixture_set_up, test_cues_and_dark, fixture_tear_down);
  g_test_add ("/article-view/long-document", Fixture, GUINT_TO_POINTER (5),
              fixture_set_up, test_long_document, fixture_tear_down);

  return g_test_run ();
}
