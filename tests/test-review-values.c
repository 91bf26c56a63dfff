/* test-review-values.c: values given differently, in the real window
 *
 * The window opens a dataset with a coding scheme and reviews Ayşe's
 * against it: her stance on the article, the kind of a quote and whether
 * a claim is checkable differ from yours. The rows name them in the
 * scheme's words, F8 walks them with the span she alone marked, one is
 * taken and one kept through the window's action, one undone, and the
 * saved file holds what was decided. A git merge of the same files, both
 * having changed the stance and the kind from the base, leaves conflicts
 * of values that read and settle alike.
 *
 * With MG_TEST_SHOTS set to a folder, the window is also saved there as
 * PNG at 900×650 and 1400×900, for people to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mg-conflicts.h"
#include "mg-disagreement-mark.h"
#include "mg-merge3.h"
#include "mg-test-gui.h"

typedef struct
{
  char     *dir;
  MgWindow *window;
} Fixture;

static void
open_review (Fixture *fx,
             int      width,
             int      height)
{
  g_autoptr(MgDataset) mine = mg_test_load_fixture ("review", "values-mine.json");
  g_autoptr(MgDataset) theirs = mg_test_load_fixture ("review", "values-theirs.json");

  fx->window = mg_test_open_window_sized (mine, width, height);
  _mg_window_review_start (fx->window, theirs, "Ayşe");
  mg_test_spin ();
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  if (!mg_test_have_display ())
    return;
  fx->dir = mg_test_make_tmpdir ("test-review-values-XXXXXX");
  open_review (fx, 900, 650);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  if (!mg_test_have_display ())
    return;
  mg_test_close_window (fx->window);
  mg_test_remove_tree (fx->dir);
  g_free (fx->dir);
}

static void
assert_row (MgReviewPanel *panel,
            int            position,
            const char    *words)
{
  g_autofree char *text = mg_review_panel_get_row_text (panel, position);

  if (text == NULL || strstr (text, words) == NULL)
    g_error ("row %d reads “%s”, not “%s”", position, text ? text : "(none)", words);
}

/* How many open disagreements the sidebar's mark of the article says. */
static guint
sidebar_count (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "disagreement-mark"))
    return gtk_widget_get_visible (widget) ? mg_disagreement_mark_get_count (widget) : 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      guint n = sidebar_count (child);

      if (n > 0)
        return n;
    }
  return 0;
}

static const MgDisagreement *
current (MgWindow *window)
{
  const MgDisagreement *d = _mg_window_review_get_current_disagreement (window);

  g_assert_nonnull (d);
  return d;
}

static char *
code_of (MgWindow *window)
{
  return mg_document_dup_code_string (mg_window_get_document (window), "stance");
}

static void
test_rows_and_walk (Fixture       *fx,
                    gconstpointer  data)
{
  MgReviewPanel *panel;
  MgAnnotation *quote;

  MG_TEST_REQUIRE_DISPLAY ();
  panel = _mg_window_review_get_panel (fx->window);
  quote = mg_test_find (fx->window, "quote", "we will build it before winter");

  g_assert_cmpuint (mg_review_panel_get_n_rows (panel), ==, 4);
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "4 open of 4");
  g_assert_cmpuint (sidebar_count (GTK_WIDGET (fx->window->document_list)), ==, 4);
  assert_row (panel, 0, "Different document codes\nStance: pro (you) / against (Ayşe)");
  assert_row (panel, 1, "Different values\n");
  assert_row (panel, 1, "Kind: direct (you) / indirect (Ayşe)");
  assert_row (panel, 2, "Checkable: yes (you) / no (Ayşe)");
  assert_row (panel, 3, "Only theirs");

  /* The document's code first, about no span; then each span's. */
  g_assert_cmpint (current (fx->window)->kind, ==, MG_DISAGREEMENT_CODE);
  g_assert_null (mg_article_view_get_selected (fx->window->article_view));
  mg_test_activate (fx->window, "win.review-next", NULL);
  g_assert_cmpint (current (fx->window)->kind, ==, MG_DISAGREEMENT_ATTRIBUTE);
  g_assert_cmpstr (current (fx->window)->id, ==, "kind");
  g_assert_true (mg_article_view_get_selected (fx->window->article_view) == quote);
  mg_test_activate (fx->window, "win.review-next", NULL);
  g_assert_cmpstr (current (fx->window)->id, ==, "checkable");
  mg_test_activate (fx->window, "win.review-next", NULL);
  g_assert_cmpint (current (fx->window)->kind, ==, MG_DISAGREEMENT_ONLY_B);
  /* A span's row offers every choice again. */
  g_assert_true (gtk_widget_get_sensitive (mg_test_find_widget (GTK_WIDGET (panel), GTK_TYPE_BUTTON,
                                                                "review-drop")));
  mg_test_activate (fx->window, "win.review-next", NULL);
  g_assert_cmpint (_mg_window_review_get_current (fx->window), ==, 0);
}

static void
test_resolve_undo_save (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *stance = NULL;
  g_autoptr(MgDataset) saved = NULL;
  g_autoptr(GError) error = NULL;
  MgReviewPanel *panel;
  MgAnnotation *quote;
  MgDocument *doc;
  MgAnnotationStore *store;

  MG_TEST_REQUIRE_DISPLAY ();
  panel = _mg_window_review_get_panel (fx->window);
  quote = mg_test_find (fx->window, "quote", "we will build it before winter");

  /* Take her stance: your document's code becomes hers, the row stays. */
  mg_test_activate (fx->window, "win.review-resolve", "theirs");
  stance = code_of (fx->window);
  g_assert_cmpstr (stance, ==, "against");
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "3 open of 4");
  assert_row (panel, 0, "Took theirs");
  assert_row (panel, 0, "Stance: pro (you) / against (Ayşe)");
  g_assert_cmpstr (current (fx->window)->id, ==, "kind");

  /* Keep your kind of quote; then the checkable claim is current. */
  mg_test_activate (fx->window, "win.review-resolve", "mine");
  g_assert_cmpstr (json_node_get_string (mg_annotation_get_attribute (quote, "kind")), ==, "direct");
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "2 open of 4");
  assert_row (panel, 1, "Kept yours");
  g_assert_cmpuint (sidebar_count (GTK_WIDGET (fx->window->document_list)), ==, 2);
  g_assert_cmpstr (current (fx->window)->id, ==, "checkable");

  /* Both values cannot be kept: not offered, said at the key, and
   * nothing changes. */
  g_assert_false (gtk_widget_get_sensitive (mg_test_find_widget (GTK_WIDGET (panel), GTK_TYPE_BUTTON,
                                                                 "review-both")));
  g_assert_true (gtk_widget_get_sensitive (mg_test_find_widget (GTK_WIDGET (panel), GTK_TYPE_BUTTON,
                                                                "review-theirs")));
  mg_test_activate (fx->window, "win.review-resolve", "both");
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "2 open of 4");

  if (g_getenv ("MG_TEST_SHOTS") != NULL)
    {
      g_autofree char *shot = g_build_filename (g_getenv ("MG_TEST_SHOTS"), "review-values-900x650.png", NULL);

      mg_test_spin_for (300);
      mg_test_save_png (GTK_WIDGET (fx->window), shot);
    }

  /* Undo opens the kept one again; the taken one stays taken. */
  mg_test_activate (fx->window, "win.undo", NULL);
  mg_test_spin ();
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "3 open of 4");
  {
    g_autofree char *kept = mg_review_panel_get_row_text (panel, 1);

    g_assert_null (strstr (kept, "Kept yours"));
  }
  g_assert_cmpuint (sidebar_count (GTK_WIDGET (fx->window->document_list)), ==, 3);
  assert_row (panel, 0, "Took theirs");

  path = g_build_filename (fx->dir, "curated.json", NULL);
  mg_test_save_to (fx->window, path);
  saved = mg_dataset_load_file (path, &error);
  g_assert_no_error (error);
  doc = mg_dataset_lookup_document (saved, "harbour");
  g_clear_pointer (&stance, g_free);
  stance = mg_document_dup_code_string (doc, "stance");
  g_assert_cmpstr (stance, ==, "against");
  store = mg_document_get_store (doc);
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 3);
  g_assert_cmpstr (json_node_get_string (mg_annotation_get_attribute (
                     mg_annotation_store_find (store, "quote", 69, 99), "kind")), ==, "direct");
  g_assert_true (json_node_get_boolean (mg_annotation_get_attribute (
                   mg_annotation_store_find (store, "claim", 113, 143), "checkable")));
}

/* The wide window, for people to look at; nothing is checked beyond the
 * rows the narrow one checks. */
static void
test_wide_shot (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *shot = NULL;

  MG_TEST_REQUIRE_DISPLAY ();
  if (g_getenv ("MG_TEST_SHOTS") == NULL)
    {
      g_test_skip ("MG_TEST_SHOTS names no folder");
      return;
    }
  mg_test_close_window (fx->window);
  open_review (fx, 1400, 900);
  g_assert_cmpuint (mg_review_panel_get_n_rows (_mg_window_review_get_panel (fx->window)), ==, 4);
  mg_test_activate (fx->window, "win.review-next", NULL);
  mg_test_spin_for (300);
  shot = g_build_filename (g_getenv ("MG_TEST_SHOTS"), "review-values-1400x900.png", NULL);
  mg_test_save_png (GTK_WIDGET (fx->window), shot);
}

static gboolean
has_dataset (gpointer window)
{
  return mg_window_get_dataset (window) != NULL;
}

/* The base had no stance nor kind: both sides gave one apart. */
static MgDataset *
merge_values (void)
{
  g_autoptr(MgDataset) base = mg_test_load_fixture ("review", "values-mine.json");
  g_autoptr(MgDataset) mine = mg_test_load_fixture ("review", "values-mine.json");
  g_autoptr(MgDataset) theirs = mg_test_load_fixture ("review", "values-theirs.json");
  g_autoptr(MgHistory) history = mg_history_new (base);
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  MgDocument *doc = mg_dataset_lookup_document (base, "harbour");
  MgDataset *merged;

  mg_history_set_code (history, doc, "stance", NULL);
  mg_history_set_attribute (history, doc,
                            mg_annotation_store_find (mg_document_get_store (doc), "quote", 69, 99),
                            "kind", NULL);
  merged = mg_merge3_datasets (base, mine, theirs, conflicts, notices, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 2);
  return merged;
}

static void
test_conflicts (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *stance = NULL;
  g_autoptr(MgDataset) merged = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  MgReviewPanel *panel;
  MgAnnotation *quote;

  MG_TEST_REQUIRE_DISPLAY ();
  mg_test_close_window (fx->window);
  merged = merge_values ();
  path = g_build_filename (fx->dir, "gold.json", NULL);
  g_assert_true (mg_dataset_save_file (merged, path, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  fx->window = mg_window_new (NULL);
  gtk_window_present (GTK_WINDOW (fx->window));
  _mg_window_load (fx->window, file, FALSE);
  g_assert_true (mg_test_spin_until (has_dataset, fx->window, 5000));
  mg_test_spin ();

  mg_test_activate (fx->window, "win.review-conflicts", NULL);
  panel = _mg_window_review_get_panel (fx->window);
  quote = mg_test_find (fx->window, "quote", "we will build it before winter");
  g_assert_cmpuint (mg_review_panel_get_n_rows (panel), ==, 2);
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "2 open of 2");
  assert_row (panel, 0, "Document code changed on both sides\nStance: pro (yours) / against (theirs)");
  assert_row (panel, 1, "Attribute changed on both sides\n");
  assert_row (panel, 1, "Kind: direct (yours) / indirect (theirs)");

  /* Take their stance; keep our kind. A settled row keeps both values as
   * they were. */
  mg_test_activate (fx->window, "win.review-resolve", "theirs");
  stance = code_of (fx->window);
  g_assert_cmpstr (stance, ==, "against");
  g_assert_true (mg_article_view_get_selected (fx->window->article_view) == quote);
  mg_test_activate (fx->window, "win.review-resolve", "mine");
  g_assert_cmpstr (json_node_get_string (mg_annotation_get_attribute (quote, "kind")), ==, "direct");
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "0 open of 2");
  g_assert_cmpuint (mg_dataset_count_conflicts (mg_window_get_dataset (fx->window)), ==, 0);
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *text = mg_review_panel_get_row_text (panel, i);

      g_assert_true (strstr (text, "Kind: direct (yours) / indirect (theirs)") != NULL ||
                     strstr (text, "Stance: pro (yours) / against (theirs)") != NULL);
    }

  /* Undo opens the kind again, then the stance, ours back. */
  mg_test_activate (fx->window, "win.undo", NULL);
  mg_test_spin ();
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "1 open of 2");
  mg_test_activate (fx->window, "win.undo", NULL);
  mg_test_spin ();
  g_clear_pointer (&stance, g_free);
  stance = code_of (fx->window);
  g_assert_cmpstr (stance, ==, "pro");
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "2 open of 2");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *scratch = mg_test_scratch_home ("test-review-values-home-XXXXXX");
  int status;

  g_test_init (&argc, &argv, NULL);
  mg_test_init_display ();

  g_test_add ("/review-values/rows-and-walk", Fixture, NULL,
              fixture_set_up, test_rows_and_walk, fixture_tear_down);
  g_test_add ("/review-values/resolve-undo-save", Fixture, NULL,
              fixture_set_up, test_resolve_undo_save, fixture_tear_down);
  g_test_add ("/review-values/conflicts", Fixture, NULL,
              fixture_set_up, test_conflicts, fixture_tear_down);
  g_test_add ("/review-values/wide-shot", Fixture, NULL,
              fixture_set_up, test_wide_shot, fixture_tear_down);

  status = g_test_run ();
  mg_test_remove_tree (scratch);

  return status;
}
