/* test-review.c: reviewing a colleague's dataset in the real window
 *
 * The window opens ayşe's dataset and reviews bora's against it. Every
 * figure the panel shows is checked against MgAgreement computed apart,
 * the disagreements are walked and each kind of resolution is made through
 * the window's actions, with the store checked after each; one resolution
 * is undone, and the curated dataset is saved and read back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mg-test-gui.h"

static MgDataset *
load_fixture (const char *name)
{
  return mg_test_load_fixture ("review", name);
}

typedef struct
{
  char     *dir;
  char     *path;
  MgWindow *window;
} Fixture;

/* Your dataset is a copy in a fresh folder, since the test saves it. */
static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(MgDataset) mine = NULL;
  g_autoptr(MgDataset) theirs = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (!mg_test_have_display ())
    return;

  fx->dir = mg_test_make_tmpdir ("test-review-XXXXXX");
  fx->path = g_build_filename (fx->dir, "curated.json", NULL);
  mine = load_fixture ("mine.json");
  g_assert_true (mg_dataset_save_file (mine, fx->path, &error));
  g_assert_no_error (error);
  g_clear_object (&mine);

  mine = mg_dataset_load_file (fx->path, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (fx->path);
  fx->window = mg_test_open_window (mine, file);

  theirs = load_fixture ("theirs.json");
  _mg_window_review_start (fx->window, theirs, "bora");
  mg_test_spin ();
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  if (!mg_test_have_display ())
    return;

  mg_test_close_window (fx->window);
  mg_test_remove_tree (fx->dir);
  g_free (fx->path);
  g_free (fx->dir);
}

/* Every figure of @panel against @figures, as the panel formats them. */
static void
assert_figures (MgReviewPanel            *panel,
                gboolean                  dataset,
                const MgAgreementFigures *figures)
{
  double values[MG_REVIEW_N_FIGURES] = {
    figures->exact.f1, figures->overlap.f1, figures->kappa, figures->alpha,
  };

  for (guint i = 0; i < MG_REVIEW_N_FIGURES; i++)
    {
      g_autofree char *expected = mg_review_panel_format_figure (values[i]);

      g_assert_cmpstr (mg_review_panel_get_figure_text (panel, dataset, i), ==, expected);
    }
}

/* The figures shown equal those of a comparison made apart, of the
 * window's dataset as it is now. */
static void
assert_figures_fresh (MgWindow *window)
{
  g_autoptr(MgDataset) theirs = load_fixture ("theirs.json");
  MgDataset *datasets[2] = { mg_window_get_dataset (window), theirs };
  g_autoptr(MgAgreement) agreement = mg_agreement_new (datasets, 2, NULL);
  MgReviewPanel *panel = _mg_window_review_get_panel (window);
  int index = mg_dataset_index_of (mg_window_get_dataset (window), mg_window_get_document (window));

  /* The harbour article is the first document compared. */
  g_assert_cmpint (index, ==, 0);
  assert_figures (panel, FALSE, mg_agreement_get_figures (agreement, 0, -1));
  assert_figures (panel, TRUE, mg_agreement_get_figures (agreement, -1, -1));
}

static const MgDisagreement *
current (MgWindow *window)
{
  const MgDisagreement *d = _mg_window_review_get_current_disagreement (window);

  g_assert_nonnull (d);
  return d;
}

static void
test_figures_and_problems (Fixture       *fx,
                           gconstpointer  data)
{
  MgReviewPanel *panel;
  MgAgreement *agreement;
  const MgAgreementFigures *f;
  GPtrArray *left_out;
  gboolean weather = FALSE;

  MG_TEST_REQUIRE_DISPLAY ();
  panel = _mg_window_review_get_panel (fx->window);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fx->window->annotation_list)));
  assert_figures_fresh (fx->window);

  /* The figures of marginalia-tool agree on these files, to the digit. */
  f = mg_agreement_get_figures (_mg_window_review_get_agreement (fx->window, TRUE), -1, -1);
  g_assert_cmpfloat_with_epsilon (f->exact.f1, 0.533, 0.0005);
  g_assert_cmpfloat_with_epsilon (f->overlap.f1, 0.732, 0.0005);
  g_assert_cmpstr (mg_review_panel_get_figure_text (panel, TRUE, MG_REVIEW_FIGURE_KAPPA), ==, "0.69");
  g_assert_cmpstr (mg_review_panel_get_figure_text (panel, FALSE, MG_REVIEW_FIGURE_F1_EXACT), ==, "0.40");

  /* Same id, other text: reported by name; the extra label is named. */
  agreement = _mg_window_review_get_agreement (fx->window, TRUE);
  left_out = mg_agreement_get_left_out (agreement);
  g_assert_cmpuint (left_out->len, ==, 3);
  for (guint i = 0; i < left_out->len; i++)
    {
      MgLeftOutDocument *out = g_ptr_array_index (left_out, i);

      if (g_str_equal (out->id, "weather"))
        {
          weather = TRUE;
          g_assert_nonnull (strstr (out->note, "another text"));
        }
    }
  g_assert_true (weather);
  g_assert_nonnull (strstr (mg_review_panel_get_problems_text (panel), "“Storm on the coast” (weather)"));
  g_assert_nonnull (strstr (mg_review_panel_get_problems_text (panel), "“place”"));
  g_assert_cmpuint (mg_agreement_get_n_labels (agreement), ==, 4);
}

static void
test_walk (Fixture       *fx,
           gconstpointer  data)
{
  MgReviewPanel *panel;
  const MgDisagreement *d;

  MG_TEST_REQUIRE_DISPLAY ();
  panel = _mg_window_review_get_panel (fx->window);

  g_assert_cmpuint (mg_review_panel_get_n_rows (panel), ==, 4);
  g_assert_cmpint (_mg_window_review_get_current (fx->window), ==, 0);
  d = current (fx->window);
  g_assert_cmpint (d->kind, ==, MG_DISAGREEMENT_BOUNDARY);
  g_assert_true (mg_article_view_get_selected (fx->window->article_view) == d->a);
  g_assert_cmpint (mg_review_panel_get_selected (panel), ==, 0);

  mg_test_activate (fx->window, "win.review-next", NULL);
  g_assert_cmpint (current (fx->window)->kind, ==, MG_DISAGREEMENT_LABEL);
  mg_test_activate (fx->window, "win.review-next", NULL);
  d = current (fx->window);
  g_assert_cmpint (d->kind, ==, MG_DISAGREEMENT_ONLY_B);
  /* Nothing of yours to select: theirs is framed instead. */
  g_assert_null (mg_article_view_get_selected (fx->window->article_view));
  mg_test_activate (fx->window, "win.review-next", NULL);
  g_assert_cmpint (current (fx->window)->kind, ==, MG_DISAGREEMENT_ONLY_A);
  /* Past either end, round to the document's first or last open row:
   * it still has some, so F8 does not leave it. */
  mg_test_activate (fx->window, "win.review-next", NULL);
  g_assert_cmpint (_mg_window_review_get_current (fx->window), ==, 0);
  mg_test_activate (fx->window, "win.review-previous", NULL);
  g_assert_cmpint (_mg_window_review_get_current (fx->window), ==, 3);
  mg_test_activate (fx->window, "win.review-previous", NULL);
  g_assert_cmpint (_mg_window_review_get_current (fx->window), ==, 2);
  g_assert_cmpint (mg_review_panel_get_selected (panel), ==, 2);

  /* A row picked in the list selects your span of it in the article. */
  g_signal_emit_by_name (panel, "disagreement-selected", 1);
  mg_test_spin ();
  d = current (fx->window);
  g_assert_cmpint (d->kind, ==, MG_DISAGREEMENT_LABEL);
  g_assert_true (mg_article_view_get_selected (fx->window->article_view) == d->a);

  /* Another document: its own disagreements; one bora lacks has none. */
  mg_test_activate (fx->window, "win.next-document", NULL);
  g_assert_cmpstr (mg_document_get_id (mg_window_get_document (fx->window)), ==, "budget");
  g_assert_cmpuint (mg_review_panel_get_n_rows (panel), ==, 1);
  g_assert_cmpint (current (fx->window)->kind, ==, MG_DISAGREEMENT_ONLY_B);
  mg_test_activate (fx->window, "win.next-document", NULL);
  g_assert_cmpuint (mg_review_panel_get_n_rows (panel), ==, 0);
  g_assert_cmpint (_mg_window_review_get_current (fx->window), ==, -1);

  /* Leaving review drops bora's dataset and brings the list back. */
  mg_test_activate (fx->window, "win.review-close", NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fx->window->annotation_list)));
  g_assert_null (_mg_window_review_get_agreement (fx->window, TRUE));
}

static gboolean
is_saved (gpointer window)
{
  return !mg_history_get_modified (mg_window_get_history (window));
}

static void
test_resolve_undo_save (Fixture       *fx,
                        gconstpointer  data)
{
  MgReviewPanel *panel;
  MgAnnotationStore *store;
  g_autoptr(MgDataset) saved = NULL;
  g_autoptr(GError) error = NULL;
  MgAnnotationStore *saved_store;

  MG_TEST_REQUIRE_DISPLAY ();
  panel = _mg_window_review_get_panel (fx->window);
  store = mg_test_store_of (fx->window);
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 5);

  /* Take theirs on a boundary: your quote takes their ends, and agrees;
   * the row stays, resolved, and the count goes down. */
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "4 open of 4");
  mg_test_activate (fx->window, "win.review-resolve", "theirs");
  g_assert_nonnull (mg_test_find (fx->window, "quote", "\"we will build it before winter\""));
  g_assert_null (mg_test_find (fx->window, "quote", "we will build it before winter\""));
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 5);
  g_assert_cmpuint (mg_review_panel_get_n_rows (panel), ==, 4);
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "3 open of 4");
  g_assert_cmpint (current (fx->window)->kind, ==, MG_DISAGREEMENT_LABEL);
  assert_figures_fresh (fx->window);

  /* Keep mine on a label: nothing changes, the row stays, resolved. */
  mg_test_activate (fx->window, "win.review-resolve", "mine");
  g_assert_nonnull (mg_test_find (fx->window, "figure", "3.5%"));
  g_assert_null (mg_test_find (fx->window, "claim", "3.5%"));
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 5);
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "2 open of 4");
  g_assert_cmpint (_mg_window_review_get_current (fx->window), ==, 2);
  g_assert_cmpint (current (fx->window)->kind, ==, MG_DISAGREEMENT_ONLY_B);

  /* Keep both on theirs alone: their span is added to yours. */
  mg_test_activate (fx->window, "win.review-resolve", "both");
  g_assert_nonnull (mg_test_find (fx->window, "figure", "1,200 euros"));
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 6);
  g_assert_cmpuint (mg_review_panel_get_n_rows (panel), ==, 4);
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "1 open of 4");
  g_assert_cmpint (current (fx->window)->kind, ==, MG_DISAGREEMENT_ONLY_A);

  /* Drop yours alone: gone, and nothing is left open. */
  mg_test_activate (fx->window, "win.review-resolve", "drop");
  g_assert_null (mg_test_find (fx->window, "actor", "the city's auditor"));
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 5);
  g_assert_cmpuint (mg_review_panel_get_n_rows (panel), ==, 4);
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "0 open of 4");
  g_assert_cmpint (_mg_window_review_get_current (fx->window), ==, -1);
  assert_figures_fresh (fx->window);

  /* Undo opens the dropped one again, as any edit is undone. */
  mg_test_activate (fx->window, "win.undo", NULL);
  mg_test_spin ();
  g_assert_nonnull (mg_test_find (fx->window, "actor", "the city's auditor"));
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "1 open of 4");
  g_assert_cmpint (current (fx->window)->kind, ==, MG_DISAGREEMENT_ONLY_A);
  g_assert_true (mg_article_view_get_selected (fx->window->article_view) ==
                 mg_test_find (fx->window, "actor", "the city's auditor"));
  assert_figures_fresh (fx->window);

  /* The curated dataset saves like any other. */
  g_assert_true (mg_history_get_modified (mg_window_get_history (fx->window)));
  mg_test_activate (fx->window, "win.save", NULL);
  g_assert_true (mg_test_spin_until (is_saved, fx->window, 5000));
  saved = mg_dataset_load_file (fx->path, &error);
  g_assert_no_error (error);
  saved_store = mg_document_get_store (mg_dataset_lookup_document (saved, "harbour"));
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (saved_store), ==,
                    mg_annotation_store_get_n_annotations (store));
  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);
      MgAnnotation *b = mg_annotation_store_get_annotation (saved_store, i);

      g_assert_cmpstr (mg_annotation_get_id (a), ==, mg_annotation_get_id (b));
      g_assert_cmpstr (mg_annotation_get_label (a), ==, mg_annotation_get_label (b));
      g_assert_cmpuint (mg_annotation_get_start (a), ==, mg_annotation_get_start (b));
      g_assert_cmpuint (mg_annotation_get_end (a), ==, mg_annotation_get_end (b));
      g_assert_cmpstr (mg_annotation_get_text (a), ==, mg_annotation_get_text (b));
    }
}

/* Closing review and opening the same colleague's file again brings back
 * the resolutions; keeping yours is undone on its own. */
static void
test_reopen (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  MgReviewPanel *panel;
  MgAnnotationStore *store;

  MG_TEST_REQUIRE_DISPLAY ();
  panel = _mg_window_review_get_panel (fx->window);
  store = mg_test_store_of (fx->window);
  path = g_test_build_filename (G_TEST_DIST, "fixtures", "review", "theirs.json", NULL);
  file = g_file_new_for_path (path);

  mg_test_activate (fx->window, "win.review-close", NULL);
  _mg_window_review_open_colleague (fx->window, file);
  mg_test_spin ();
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "4 open of 4");
  mg_test_activate (fx->window, "win.review-resolve", "mine");
  mg_test_activate (fx->window, "win.review-resolve", "theirs");
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "2 open of 4");

  mg_test_activate (fx->window, "win.review-close", NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (panel)));
  _mg_window_review_open_colleague (fx->window, file);
  mg_test_spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_cmpuint (mg_review_panel_get_n_rows (panel), ==, 4);
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "2 open of 4");
  g_assert_cmpint (current (fx->window)->kind, ==, MG_DISAGREEMENT_ONLY_B);

  /* Undo takes back the taking of theirs, then the keeping of yours,
   * which changed no span: the count follows each. */
  mg_test_activate (fx->window, "win.undo", NULL);
  mg_test_spin ();
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "3 open of 4");
  g_assert_nonnull (mg_test_find (fx->window, "figure", "3.5%"));
  mg_test_activate (fx->window, "win.undo", NULL);
  mg_test_spin ();
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "4 open of 4");
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 5);
  g_assert_nonnull (mg_test_find (fx->window, "quote", "we will build it before winter"));
  g_assert_false (mg_history_can_undo (mg_window_get_history (fx->window)));
}

int
main (int   argc,
      char *argv[])
{
  /* Drafts of the curated dataset land in the scratch folder. */
  g_autofree char *scratch = mg_test_scratch_home ("test-review-home-XXXXXX");
  int status;

  g_test_init (&argc, &argv, NULL);
  mg_test_init_display ();

  g_test_add ("/review/figures-and-problems", Fixture, NULL,
              fixture_set_up, test_figures_and_problems, fixture_tear_down);
  g_test_add ("/review/walk", Fixture, NULL,
              fixture_set_up, test_walk, fixture_tear_down);
  g_test_add ("/review/resolve-undo-save", Fixture, NULL,
              fixture_set_up, test_resolve_undo_save, fixture_tear_down);
  g_test_add ("/review/reopen", Fixture, NULL,
              fixture_set_up, test_reopen, fixture_tear_down);

  status = g_test_run ();
  mg_test_remove_tree (scratch);

  return status;
}
