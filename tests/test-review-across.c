/* test-review-across.c: a review across the dataset, and merging into a
 * gold dataset from the window
 *
 * ayşe's dataset is reviewed against bora's file: the harbour article has
 * four disagreements and the budget article one. F8 and Shift+F8 go from
 * one document to the next that has some left, round the dataset, and say
 * when none is left; the sidebar marks each document with what is left
 * and follows every resolution and undo. The merge dialog writes the same
 * bytes as `marginalia-tool merge` from the same files, refuses to write
 * over an input and names the file it could not read. In a short window
 * the panel keeps room for a few rows of the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "mg-disagreement-mark.h"
#include "mg-merge-dialog.h"
#include "mg-test-gui.h"

#define HARBOUR "Mayor approves the flood barrier"
#define BUDGET "Council cuts the parks budget"

typedef struct
{
  char     *dir;
  char     *mine;     /* your dataset, a copy the test may save */
  char     *theirs;   /* bora's, a copy */
  MgWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(MgDataset) mine = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) theirs = NULL;
  g_autoptr(GError) error = NULL;

  if (!mg_test_have_display ())
    return;

  fx->dir = mg_test_make_tmpdir ("test-review-across-XXXXXX");
  fx->mine = g_build_filename (fx->dir, "ayse.json", NULL);
  fx->theirs = g_build_filename (fx->dir, "bora.json", NULL);
  mg_test_copy_fixture ("review", "mine.json", fx->mine);
  mg_test_copy_fixture ("review", "theirs.json", fx->theirs);

  mine = mg_dataset_load_file (fx->mine, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (fx->mine);
  fx->window = mg_test_open_window (mine, file);

  theirs = g_file_new_for_path (fx->theirs);
  _mg_window_review_open_colleague (fx->window, theirs);
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
  g_free (fx->mine);
  g_free (fx->theirs);
  g_free (fx->dir);
}

/* The marks the sidebar shows, as "title=count" in the order of the rows,
 * read from the widgets themselves. */
static void
collect_marks (GtkWidget *widget,
               GString   *out)
{
  if (gtk_widget_has_css_class (widget, "disagreement-mark"))
    {
      GtkWidget *title = gtk_widget_get_first_child (gtk_widget_get_parent (widget));
      guint n = mg_disagreement_mark_get_count (widget);
      g_autofree char *words = g_strdup_printf (n == 1 ? "%u open disagreement" : "%u open disagreements", n);

      if (!gtk_widget_get_visible (widget))
        return;
      /* What a screen reader and a pointer are told, in words. */
      g_assert_cmpstr (gtk_widget_get_tooltip_text (widget), ==, words);
      g_string_append_printf (out, "%s%s=%u", out->len ? ";" : "",
                              gtk_label_get_text (GTK_LABEL (title)), n);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_marks (child, out);
}

static char *
marks (MgWindow *window)
{
  GString *out = g_string_new (NULL);

  collect_marks (GTK_WIDGET (window->document_list), out);
  return g_string_free (out, FALSE);
}

typedef struct
{
  MgWindow   *window;
  const char *expected;
} MarksWanted;

static gboolean
marks_are (gpointer data)
{
  MarksWanted *wanted = data;
  g_autofree char *now = marks (wanted->window);

  return g_str_equal (now, wanted->expected);
}

/* The marks settle once the whole dataset is compared again, at an idle
 * moment after an undo. */
static void
assert_marks (MgWindow   *window,
              const char *expected)
{
  MarksWanted wanted = { window, expected };
  g_autofree char *now = NULL;

  mg_test_spin_until (marks_are, &wanted, 5000);
  now = marks (window);
  g_assert_cmpstr (now, ==, expected);
}

static const char *
shown (MgWindow *window)
{
  return mg_document_get_id (mg_window_get_document (window));
}

static void
resolve (MgWindow   *window,
         const char *how)
{
  g_assert_nonnull (_mg_window_review_get_current_disagreement (window));
  mg_test_activate (window, "win.review-resolve", how);
}

static void
test_across (Fixture       *fx,
             gconstpointer  data)
{
  MgWindow *window = fx->window;

  MG_TEST_REQUIRE_DISPLAY ();

  g_assert_cmpstr (shown (window), ==, "harbour");
  assert_marks (window, HARBOUR "=4;" BUDGET "=1");

  /* Each resolution counts down at once; the last hides the mark. */
  resolve (window, "mine");
  g_assert_cmpstr (marks (window), ==, HARBOUR "=3;" BUDGET "=1");
  resolve (window, "theirs");
  resolve (window, "mine");
  g_assert_cmpstr (marks (window), ==, HARBOUR "=1;" BUDGET "=1");
  resolve (window, "drop");
  g_assert_cmpstr (marks (window), ==, BUDGET "=1");

  /* Undo opens one again, redo settles it. */
  mg_test_activate (window, "win.undo", NULL);
  assert_marks (window, HARBOUR "=1;" BUDGET "=1");
  mg_test_activate (window, "win.redo", NULL);
  assert_marks (window, BUDGET "=1");

  /* Nothing left here: F8 goes on to the budget article's one. */
  g_assert_null (_mg_window_review_get_current_disagreement (window));
  mg_test_activate (window, "win.review-next", NULL);
  g_assert_cmpstr (shown (window), ==, "budget");
  g_assert_cmpint (_mg_window_review_get_current_disagreement (window)->kind, ==, MG_DISAGREEMENT_ONLY_B);
  g_assert_null (_mg_window_review_get_notice (window));

  /* The last one resolved: F8 says so and stays. */
  resolve (window, "theirs");
  g_assert_cmpstr (marks (window), ==, "");
  mg_test_activate (window, "win.review-next", NULL);
  g_assert_cmpstr (_mg_window_review_get_notice (window), ==, "All disagreements resolved");
  g_assert_cmpstr (shown (window), ==, "budget");

  /* Undone, it is open again; Shift+F8 from the harbour article goes back
   * past the start of the dataset to it. */
  mg_test_activate (window, "win.undo", NULL);
  assert_marks (window, BUDGET "=1");
  mg_test_activate (window, "win.previous-document", NULL);
  g_assert_cmpstr (shown (window), ==, "harbour");
  mg_test_activate (window, "win.review-previous", NULL);
  g_assert_cmpstr (shown (window), ==, "budget");
  g_assert_cmpstr (_mg_window_review_get_notice (window), ==, "Continued from the last document");
  g_assert_nonnull (_mg_window_review_get_current_disagreement (window));

  /* And F8 from the last document, which bora lacks, round to it. */
  mg_test_activate (window, "win.next-document", NULL);
  mg_test_activate (window, "win.next-document", NULL);
  g_assert_cmpstr (shown (window), ==, "weather");
  mg_test_activate (window, "win.review-next", NULL);
  g_assert_cmpstr (shown (window), ==, "budget");
  g_assert_cmpstr (_mg_window_review_get_notice (window), ==, "Continued from the first document");

  /* Out of review, no marks. */
  mg_test_activate (window, "win.review-close", NULL);
  g_assert_cmpstr (marks (window), ==, "");
}

/* The merge */

static gboolean
not_busy (gpointer dialog)
{
  return !mg_merge_dialog_get_busy (dialog);
}

static void
run_merge (MgMergeDialog *dialog)
{
  gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.run", NULL);
  g_assert_true (mg_test_spin_until (not_busy, dialog, 20000));
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

/* marginalia-tool merge, as a curator types it; its standard error lists
 * what was left out, a line each. */
static char *
tool_merge (const char *a,
            const char *b,
            const char *output,
            guint      *n_left)
{
  const char *tool = g_getenv ("MARGINALIA_TOOL");
  const char *argv[] = { tool, "merge", "--strategy=unanimous", "--annotator", "cem",
                         "-o", output, a, b, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int status = -1;

  g_assert_nonnull (tool);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (g_strstrip (err), "\n", -1);
  *n_left = g_strv_length (lines);
  return read_file (output);
}

static MgMergeDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (MG_IS_MERGE_DIALOG (l->data))
      return l->data;
  return NULL;
}

static gboolean
shows_gold (gpointer window)
{
  GFile *file = mg_window_get_file (window);
  g_autofree char *name = file ? g_file_get_basename (file) : NULL;

  return g_strcmp0 (name, "gold.json") == 0;
}

static void
test_merge_dialog (Fixture       *fx,
                   gconstpointer  data)
{
  MgMergeDialog *dialog;
  g_autofree char *gold = NULL;
  g_autofree char *cli = NULL;
  g_autofree char *gold_bytes = NULL;
  g_autofree char *cli_bytes = NULL;
  g_autofree char *mine_before = NULL;
  g_autofree char *mine_after = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(GFile) mine_file = NULL;
  g_autoptr(GFile) bad_file = NULL;
  g_autoptr(MgDataset) written = NULL;
  g_autoptr(GError) error = NULL;
  guint n_left = 0;

  MG_TEST_REQUIRE_DISPLAY ();
  gold = g_build_filename (fx->dir, "gold.json", NULL);
  cli = g_build_filename (fx->dir, "cli.json", NULL);
  mine_file = g_file_new_for_path (fx->mine);

  /* Opened from the main menu under review, it offers the review's two
   * files, yours first. */
  mg_test_activate (fx->window, "win.merge-gold", NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (mg_merge_dialog_get_n_inputs (dialog), ==, 2);
  g_assert_true (g_file_equal (mg_merge_dialog_get_input (dialog, 0), mine_file));
  g_assert_true (g_file_equal (mg_merge_dialog_get_input (dialog, 1),
                               _mg_window_review_get_colleague_file (fx->window)));
  mg_merge_dialog_set_curator (dialog, "cem");
  mg_merge_dialog_set_strategy (dialog, MG_MERGE_UNANIMOUS);

  /* Never over an input: refused in one line naming it, the file as it was. */
  mine_before = read_file (fx->mine);
  mg_merge_dialog_set_output (dialog, mine_file);
  g_assert_true (mg_merge_dialog_get_failed (dialog));
  run_merge (dialog);
  g_assert_true (mg_merge_dialog_get_failed (dialog));
  g_assert_nonnull (strstr (mg_merge_dialog_get_status (dialog), fx->mine));
  g_assert_null (strchr (mg_merge_dialog_get_status (dialog), '\n'));
  mine_after = read_file (fx->mine);
  g_assert_cmpstr (mine_before, ==, mine_after);

  /* The same bytes as the tool from the same files and options. */
  output = g_file_new_for_path (gold);
  mg_merge_dialog_set_output (dialog, output);
  run_merge (dialog);
  g_assert_false (mg_merge_dialog_get_failed (dialog));
  gold_bytes = read_file (gold);
  cli_bytes = tool_merge (fx->mine, fx->theirs, cli, &n_left);
  g_assert_cmpstr (gold_bytes, ==, cli_bytes);

  /* And it says what it wrote. */
  written = mg_dataset_load_file (gold, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_left, >, 0);
  expected = g_strdup_printf ("Wrote gold.json: %u documents, %u spans kept, %u left unresolved",
                              mg_dataset_get_n_documents (written),
                              mg_dataset_count_annotations (written), n_left);
  g_assert_cmpstr (mg_merge_dialog_get_status (dialog), ==, expected);

  /* A file that is not a dataset: one line naming it, nothing written. */
  bad = g_build_filename (fx->dir, "broken.json", NULL);
  g_assert_true (g_file_set_contents (bad, "{\"version\": 1, \"documents\": [", -1, NULL));
  bad_file = g_file_new_for_path (bad);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.remove", "u", 1);
  mg_merge_dialog_add_input (dialog, bad_file);
  g_assert_cmpuint (mg_merge_dialog_get_n_inputs (dialog), ==, 2);
  {
    g_autofree char *other = g_build_filename (fx->dir, "other.json", NULL);
    g_autoptr(GFile) other_file = g_file_new_for_path (other);

    mg_merge_dialog_set_output (dialog, other_file);
    run_merge (dialog);
    g_assert_true (mg_merge_dialog_get_failed (dialog));
    g_assert_nonnull (strstr (mg_merge_dialog_get_status (dialog), "broken.json"));
    g_assert_null (strchr (mg_merge_dialog_get_status (dialog), '\n'));
    g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  }

  /* Merged again, the result opens in the window. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.remove", "u", 1);
  mg_merge_dialog_add_input (dialog, _mg_window_review_get_colleague_file (fx->window));
  g_assert_cmpint (g_unlink (gold), ==, 0);
  mg_merge_dialog_set_output (dialog, output);
  run_merge (dialog);
  g_assert_false (mg_merge_dialog_get_failed (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.open", NULL);
  g_assert_true (mg_test_spin_until (shows_gold, fx->window, 5000));
  g_assert_cmpuint (mg_dataset_count_annotations (mg_window_get_dataset (fx->window)), ==,
                    mg_dataset_count_annotations (written));
}

static GtkWidget *
find_review_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "review-list"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_review_list (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* In a short window the figures give way: the list of disagreements keeps
 * room for three rows at 900×650. */
static void
test_short_window (void)
{
  g_autoptr(MgDataset) mine = NULL;
  g_autoptr(MgDataset) theirs = NULL;
  MgWindow *window;
  GtkWidget *list, *scroller;
  GtkListBoxRow *row;

  MG_TEST_REQUIRE_DISPLAY ();
  mine = mg_test_load_fixture ("review", "mine.json");
  theirs = mg_test_load_fixture ("review", "theirs.json");
  window = mg_test_open_window_sized (mine, 900, 650);
  _mg_window_review_start (window, theirs, "bora");
  mg_test_spin_for (200);

  list = find_review_list (GTK_WIDGET (_mg_window_review_get_panel (window)));
  g_assert_nonnull (list);
  scroller = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_nonnull (row);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (row)), >, 0);
  g_assert_cmpint (gtk_widget_get_height (scroller), >=, 3 * gtk_widget_get_height (GTK_WIDGET (row)));

  mg_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *scratch = mg_test_scratch_home ("test-review-across-home-XXXXXX");
  int status;

  g_test_init (&argc, &argv, NULL);
  mg_test_init_display ();

  g_test_add ("/review-across/f8-and-marks", Fixture, NULL,
              fixture_set_up, test_across, fixture_tear_down);
  g_test_add ("/review-across/merge-dialog", Fixture, NULL,
              fixture_set_up, test_merge_dialog, fixture_tear_down);
  g_test_add_func ("/review-across/short-window", test_short_window);

  status = g_test_run ();
  mg_test_remove_tree (scratch);
  return status;
}
