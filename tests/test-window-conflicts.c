/* test-window-conflicts.c: settling a git merge's conflicts in the window
 *
 * The window opens what the merge driver made of fixtures/conflicts (one
 * conflict of every kind), says so and offers to review them; each is
 * settled through the window's actions, one is undone and redone, the
 * progress is checked at each step, and the saved file has no conflicts
 * left and passes marginalia-tool validate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mg-conflicts.h"
#include "mg-test-gui.h"

typedef struct
{
  char     *dir;
  char     *path;
  MgWindow *window;
} Fixture;

static gboolean
has_dataset (gpointer window)
{
  return mg_window_get_dataset (window) != NULL;
}

/* The merged file is copied to a fresh folder and opened as a person
 * opens a file, since the test saves it. */
static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;

  if (!mg_test_have_display ())
    return;

  fx->dir = mg_test_make_tmpdir ("test-window-conflicts-XXXXXX");
  fx->path = g_build_filename (fx->dir, "gold.json", NULL);
  mg_test_copy_fixture ("conflicts", "merged.json", fx->path);

  file = g_file_new_for_path (fx->path);
  fx->window = mg_window_new (NULL);
  gtk_window_present (GTK_WINDOW (fx->window));
  _mg_window_load (fx->window, file, FALSE);
  g_assert_true (mg_test_spin_until (has_dataset, fx->window, 5000));
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

static gboolean
is_saved (gpointer window)
{
  return !mg_history_get_modified (mg_window_get_history (window));
}

static MgAnnotation *
span (MgWindow   *window,
      const char *id)
{
  return mg_annotation_store_lookup (mg_test_store_of (window), id);
}

static const char *
shown (MgWindow *window)
{
  return mg_document_get_id (mg_window_get_document (window));
}

static void
assert_validates (const char *path)
{
  const char *tool = g_getenv ("MARGINALIA_TOOL");
  const char *argv[] = { tool, "validate", path, NULL };
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (tool == NULL)
    return;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
test_settle (Fixture       *fx,
             gconstpointer  data)
{
  MgReviewPanel *panel;
  MgDataset *dataset;
  g_autofree char *saved = NULL;

  MG_TEST_REQUIRE_DISPLAY ();
  panel = _mg_window_review_get_panel (fx->window);
  dataset = mg_window_get_dataset (fx->window);

  /* Said at open, with an offer to review them. */
  g_assert_cmpstr (_mg_window_review_get_conflicts_offer (fx->window), ==,
                   "This file holds 6 conflicts from a git merge");
  mg_test_activate (fx->window, "win.review-conflicts", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel)));
  g_assert_cmpstr (shown (fx->window), ==, "port");
  g_assert_cmpuint (mg_review_panel_get_n_rows (panel), ==, 4);
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "4 open of 4");

  /* Notes on both sides: take theirs. */
  mg_test_activate (fx->window, "win.review-resolve", "theirs");
  g_assert_cmpstr (mg_annotation_get_note (span (fx->window, "a4")), ==, "confirmed by the port");
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "3 open of 4");
  /* Changed on yours, deleted on theirs: keep yours. */
  mg_test_activate (fx->window, "win.review-resolve", "mine");
  g_assert_nonnull (span (fx->window, "a3"));
  /* Deleted on yours, changed on theirs: drop. */
  mg_test_activate (fx->window, "win.review-resolve", "drop");
  g_assert_null (span (fx->window, "a2"));
  /* Changed on both: keep both. */
  mg_test_activate (fx->window, "win.review-resolve", "both");
  g_assert_nonnull (span (fx->window, "a1"));
  g_assert_nonnull (span (fx->window, "a5"));
  g_assert_cmpuint (mg_review_panel_get_n_rows (panel), ==, 4);
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "0 open of 4");
  g_assert_cmpuint (mg_dataset_count_conflicts (dataset), ==, 2);

  /* Undo opens the last one again; redo settles it. */
  mg_test_activate (fx->window, "win.undo", NULL);
  mg_test_spin ();
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "1 open of 4");
  g_assert_cmpuint (mg_dataset_count_conflicts (dataset), ==, 3);
  mg_test_activate (fx->window, "win.redo", NULL);
  mg_test_spin ();
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "0 open of 4");

  /* F8 past the last goes on to the next document that holds some. */
  mg_test_activate (fx->window, "win.review-next", NULL);
  g_assert_cmpstr (shown (fx->window), ==, "storm");
  g_assert_cmpstr (mg_review_panel_get_count_text (panel), ==, "1 open of 1");
  mg_test_activate (fx->window, "win.review-resolve", "mine");
  mg_test_activate (fx->window, "win.review-next", NULL);
  g_assert_cmpstr (shown (fx->window), ==, "budget");
  /* We deleted it: keeping ours removes the document, and undo brings it
   * back with its conflict. */
  mg_test_activate (fx->window, "win.review-resolve", "mine");
  g_assert_null (mg_dataset_lookup_document (dataset, "budget"));
  g_assert_cmpuint (mg_dataset_count_conflicts (dataset), ==, 0);
  mg_test_activate (fx->window, "win.undo", NULL);
  mg_test_spin ();
  g_assert_cmpstr (shown (fx->window), ==, "budget");
  g_assert_cmpuint (mg_dataset_count_conflicts (dataset), ==, 1);
  mg_test_activate (fx->window, "win.redo", NULL);
  mg_test_spin ();
  g_assert_null (mg_dataset_lookup_document (dataset, "budget"));

  /* Saved clean: no conflicts member, valid, and nothing offered again. */
  mg_test_activate (fx->window, "win.save", NULL);
  g_assert_true (mg_test_spin_until (is_saved, fx->window, 5000));
  g_assert_true (g_file_get_contents (fx->path, &saved, NULL, NULL));
  g_assert_null (strstr (saved, "\"conflicts\""));
  g_assert_nonnull (strstr (saved, "\"storm\""));
  assert_validates (fx->path);
}

/* Shift+F8 before a document's first conflict goes back to the last
 * conflict of the previous document that holds some, round to the end, as
 * F8 goes on to the next. */
static void
test_previous_across (Fixture       *fx,
                      gconstpointer  data)
{
  MgReviewPanel *panel;

  MG_TEST_REQUIRE_DISPLAY ();
  panel = _mg_window_review_get_panel (fx->window);
  mg_test_activate (fx->window, "win.review-conflicts", NULL);
  g_assert_cmpstr (shown (fx->window), ==, "port");
  g_assert_cmpint (mg_review_panel_get_selected (panel), ==, 0);

  mg_test_activate (fx->window, "win.review-previous", NULL);
  g_assert_cmpstr (shown (fx->window), ==, "budget");
  g_assert_cmpint (mg_review_panel_get_selected (panel), ==, 0);
  mg_test_activate (fx->window, "win.review-previous", NULL);
  g_assert_cmpstr (shown (fx->window), ==, "storm");
  /* Back into the first document, at its last conflict, then up it. */
  mg_test_activate (fx->window, "win.review-previous", NULL);
  g_assert_cmpstr (shown (fx->window), ==, "port");
  g_assert_cmpint (mg_review_panel_get_selected (panel), ==, 3);
  mg_test_activate (fx->window, "win.review-previous", NULL);
  g_assert_cmpstr (shown (fx->window), ==, "port");
  g_assert_cmpint (mg_review_panel_get_selected (panel), ==, 2);

  /* And F8 forwards still steps within, then on. */
  mg_test_activate (fx->window, "win.review-next", NULL);
  g_assert_cmpstr (shown (fx->window), ==, "port");
  g_assert_cmpint (mg_review_panel_get_selected (panel), ==, 3);
  mg_test_activate (fx->window, "win.review-next", NULL);
  g_assert_cmpstr (shown (fx->window), ==, "storm");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *scratch = mg_test_scratch_home ("test-window-conflicts-home-XXXXXX");
  int status;

  g_test_init (&argc, &argv, NULL);
  mg_test_init_display ();

  g_test_add ("/window-conflicts/settle", Fixture, NULL,
              fixture_set_up, test_settle, fixture_tear_down);
  g_test_add ("/window-conflicts/previous-across", Fixture, NULL,
              fixture_set_up, test_previous_across, fixture_tear_down);

  status = g_test_run ();
  mg_test_remove_tree (scratch);

  return status;
}
