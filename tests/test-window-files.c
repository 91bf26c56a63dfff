/* test-window-files.c: the window keeps the user's work safe
 *
 * Open, tag, save, reload; Save As; failed saves; the autosaved draft and its
 * recovery after a crash; the unsaved-changes prompt; a dataset changed on
 * disk by someone else. The real window is driven through its actions and
 * its prompts answered as a person would, with adw_message_dialog_response().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "mg-test-gui.h"

typedef struct
{
  char *dir;      /* a fresh folder for this test's files */
  char *path;     /* a copy of the fixture dataset in it */
} Fixture;

static char *
fixture_path (const char *name)
{
  return mg_test_fixture_path ("files", name);
}

static char *
read_all (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_all (const char *path,
           const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *source = fixture_path ("small.json");
  g_autofree char *contents = read_all (source);
  g_autofree char *drafts = g_build_filename (g_get_user_data_dir (), "marginalia", "drafts", NULL);

  /* Each test starts with no drafts, as after a clean exit. */
  mg_test_remove_tree (drafts);
  fixture->dir = mg_test_make_tmpdir ("marginalia-files-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "news.json", NULL);
  write_all (fixture->path, contents);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  mg_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static AdwMessageDialog *
find_dialog (MgWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && found == NULL; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        found = ADW_MESSAGE_DIALOG (toplevel);
    }
  return found;
}

static gboolean
dialog_shown (gpointer window)
{
  return find_dialog (window) != NULL;
}

static AdwMessageDialog *
wait_for_dialog (MgWindow *window)
{
  mg_test_spin_until (dialog_shown, window, 3000);
  return find_dialog (window);
}

static void
answer (MgWindow   *window,
        const char *response)
{
  AdwMessageDialog *dialog = wait_for_dialog (window);

  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  /* A button closes the dialog after its response; do the same. */
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  mg_test_spin_for (20);
}

/* Not mg_test_open_window(): running everything pending at once changes
 * when a closed window's last idle callback, and so its dispose, runs. */
static MgWindow *
new_window (void)
{
  MgWindow *window = mg_window_new (NULL);
  g_autoptr(MgDataset) empty = mg_dataset_new ();

  /* As the application does at start: an unsaved, unchanged dataset. */
  mg_window_set_dataset (window, empty, NULL);
  gtk_window_present (GTK_WINDOW (window));
  mg_test_spin_for (50);
  return window;
}

static gboolean
has_file (gpointer window)
{
  return mg_window_get_file (window) != NULL;
}

static void
open_path (MgWindow   *window,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *opened = NULL;

  mg_window_open_files (window, &file, 1);
  /* The dataset is read in a worker thread. */
  g_assert_true (mg_test_spin_until (has_file, window, 5000));
  opened = g_file_get_path (mg_window_get_file (window));
  g_assert_cmpstr (opened, ==, path);
}

/* Tags @needle in the shown document the way a person does: select it in
 * the article, then the label's action. */
static MgAnnotation *
tag (MgWindow   *window,
     const char *needle,
     const char *label)
{
  MgDocument *document = mg_window_get_document (window);
  MgAnnotationStore *store = mg_document_get_store (document);
  guint start = mg_test_offset_of (document, needle);
  guint end = start + g_utf8_strlen (needle, -1);

  mg_article_view_select_range (window->article_view, start, end);
  if (!gtk_widget_activate_action (GTK_WIDGET (window), "win.tag", "s", label))
    {
      g_autoptr(MgAnnotation) annotation = mg_annotation_new (NULL, label, start, end);
      g_autoptr(GError) error = NULL;

      g_test_message ("win.tag missing: tagging through the history");
      mg_history_add_annotation (mg_window_get_history (window), document, annotation, &error);
      g_assert_no_error (error);
    }
  return mg_annotation_store_find (store, label, start, end);
}

static gboolean
is_modified (MgWindow *window)
{
  return mg_history_get_modified (mg_window_get_history (window));
}

static gboolean
is_saved (gpointer window)
{
  return !is_modified (window);
}

/* Saves run in a worker thread: the action returns before the file is
 * written. */
static void
save_and_wait (MgWindow   *window,
               const char *action,
               const char *target)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, target ? "s" : NULL, target));
  g_assert_true (mg_test_spin_until (is_saved, window, 5000));
}

static gboolean
title_marks_unsaved (MgWindow *window)
{
  return g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "•");
}

static char *
draft_dataset_path (const char *path)
{
  g_autofree char *key = mg_drafts_key_for_path (path);
  g_autoptr(MgDrafts) drafts = mg_drafts_new (NULL);

  return mg_drafts_get_dataset_path (drafts, key);
}

static char *
dataset_text (MgWindow *window)
{
  g_autoptr(GBytes) bytes = mg_dataset_to_bytes (mg_window_get_dataset (window));

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_save_and_reload (Fixture       *fixture,
                      gconstpointer  data)
{
  MgWindow *window;
  g_autoptr(MgDataset) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *draft = NULL;
  MgAnnotation *annotation;
  MgDocument *document;

  MG_TEST_REQUIRE_DISPLAY ();
  window = new_window ();
  open_path (window, fixture->path);
  g_assert_cmpuint (mg_dataset_get_n_documents (mg_window_get_dataset (window)), ==, 2);
  g_assert_false (is_modified (window));
  g_assert_false (title_marks_unsaved (window));

  annotation = tag (window, "Tuesday", "figure");
  g_assert_nonnull (annotation);
  g_assert_cmpstr (mg_annotation_get_text (annotation), ==, "Tuesday");
  g_assert_true (is_modified (window));
  g_assert_true (title_marks_unsaved (window));

  save_and_wait (window, "win.save", NULL);
  g_assert_false (title_marks_unsaved (window));

  /* What is on disk is exactly the work in the window... */
  saved = read_all (fixture->path);
  expected = dataset_text (window);
  g_assert_cmpstr (saved, ==, expected);

  /* ...and reads back with the new annotation and the old ones. */
  reloaded = mg_dataset_load_file (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mg_dataset_count_annotations (reloaded), ==, 8);
  document = mg_dataset_lookup_document (reloaded, "ferry-contract");
  g_assert_nonnull (mg_annotation_store_find (mg_document_get_store (document), "figure",
                                              mg_test_offset_of (document, "Tuesday"),
                                              mg_test_offset_of (document, "Tuesday") + 7));

  /* A save leaves no draft behind. */
  draft = draft_dataset_path (fixture->path);
  mg_test_spin_for (100);
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_save_as (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *source = fixture_path ("small.json");
  g_autofree char *target = g_build_filename (fixture->dir, "copy.json", NULL);
  g_autoptr(MgDataset) dataset = mg_dataset_load_file (source, NULL);
  g_autoptr(MgDataset) reloaded = NULL;
  g_autofree char *saved_path = NULL;
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();
  g_assert_nonnull (dataset);
  window = new_window ();
  mg_window_set_dataset (window, dataset, NULL);
  tag (window, "Tuesday", "figure");
  g_assert_true (is_modified (window));

  save_and_wait (window, "win.save-to", target);
  g_assert_nonnull (mg_window_get_file (window));
  saved_path = g_file_get_path (mg_window_get_file (window));
  g_assert_cmpstr (saved_path, ==, target);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "copy"));

  reloaded = mg_dataset_load_file (target, NULL);
  g_assert_nonnull (reloaded);
  g_assert_cmpuint (mg_dataset_count_annotations (reloaded), ==, 8);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_failed_save (Fixture       *fixture,
                  gconstpointer  data)
{
  /* Failures that hold for root too: a missing folder, a file as a folder. */
  g_autofree char *nowhere = g_build_filename (fixture->dir, "missing", "x.json", NULL);
  g_autofree char *sub = g_build_filename (fixture->dir, "sub", NULL);
  g_autofree char *moved = g_build_filename (fixture->dir, "moved", NULL);
  g_autofree char *path = g_build_filename (sub, "news.json", NULL);
  g_autofree char *moved_path = g_build_filename (moved, "news.json", NULL);
  g_autofree char *before = read_all (fixture->path);
  g_autofree char *after = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();
  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  write_all (path, before);
  window = new_window ();
  open_path (window, path);
  tag (window, "Tuesday", "figure");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-to", "s", nowhere));
  dialog = wait_for_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (dialog), "Could Not Save"));
  g_assert_true (is_modified (window));
  g_assert_cmpuint (mg_dataset_count_annotations (mg_window_get_dataset (window)), ==, 8);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  answer (window, "close");

  /* In place: the folder is swapped for a plain file under the window. */
  g_assert_cmpint (g_rename (sub, moved), ==, 0);
  write_all (sub, "not a folder");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  dialog = wait_for_dialog (window);
  g_assert_nonnull (dialog);
  body = g_strdup (adw_message_dialog_get_body (dialog));
  g_test_message ("failed save says: %s", body);
  g_assert_nonnull (strstr (body, "your work is still open"));
  answer (window, "close");
  g_assert_true (is_modified (window));
  g_assert_true (title_marks_unsaved (window));
  after = read_all (moved_path);
  g_assert_cmpstr (after, ==, before);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
file_missing (gpointer path)
{
  return !g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_autosave (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *draft = draft_dataset_path (fixture->path);
  g_autoptr(MgDataset) from_draft = NULL;
  g_autoptr(GError) error = NULL;
  MgWindow *window;
  gint64 tagged, written;

  MG_TEST_REQUIRE_DISPLAY ();
  g_settings_set_uint (settings, "autosave-delay", 1);
  window = new_window ();
  open_path (window, fixture->path);
  g_assert_false (file_exists (draft));

  tag (window, "Tuesday", "figure");
  tagged = g_get_monotonic_time ();
  g_assert_true (mg_test_spin_until (file_exists, draft, 3000));
  written = g_get_monotonic_time ();
  g_test_message ("draft written %.2f s after the change",
                  (written - tagged) / (double)G_USEC_PER_SEC);
  /* The delay is one second; far less would mean no delay at all. */
  g_assert_cmpint (written - tagged, >=, 900 * 1000);
  g_assert_cmpint (written - tagged, <, 2500 * 1000);

  mg_test_spin_for (200);
  from_draft = mg_dataset_load_file (draft, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mg_dataset_count_annotations (from_draft), ==, 8);

  /* Undo back to the saved state: nothing is unsaved, the draft goes. */
  g_assert_nonnull (mg_history_undo (mg_window_get_history (window)));
  g_assert_false (is_modified (window));
  g_assert_true (mg_test_spin_until (file_missing, draft, 5000));

  /* A save removes it too. */
  tag (window, "Tuesday", "figure");
  g_assert_true (mg_test_spin_until (file_exists, draft, 3000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (mg_test_spin_until (file_missing, draft, 5000));

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "autosave-delay");
}

/* A toast button of @root whose action is @action, or NULL. */
static GtkWidget *
find_toast_button (GtkWidget  *root,
                   const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      if ((found = find_toast_button (child, action)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label_prefix (GtkWidget  *root,
                           const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child)), prefix))
        return child;
      if ((found = find_label_prefix (child, prefix)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_draft_problem (gpointer window)
{
  return find_toast_button (window, "win.draft-problem") != NULL;
}

/* A draft that cannot be written says why in a toast short enough to show
 * the reason, and the whole message behind Details. The drafts folder is
 * a plain file here, which stops root too. */
static void
test_draft_fails (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = mg_drafts_get_default_dir ();
  g_autofree char *aside = g_strconcat (dir, ".aside", NULL);
  gboolean moved;
  GtkWidget *button;
  const char *details;
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();
  moved = g_rename (dir, aside) == 0;
  {
    g_autofree char *parent = g_path_get_dirname (dir);

    g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  }
  g_assert_true (g_file_set_contents (dir, "not a folder", -1, NULL));
  g_settings_set_uint (settings, "autosave-delay", 1);
  window = new_window ();
  open_path (window, fixture->path);

  tag (window, "Tuesday", "figure");
  g_assert_true (mg_test_spin_until (has_draft_problem, window, 5000));
  button = find_toast_button (GTK_WIDGET (window), "win.draft-problem");
  details = g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button)), NULL);
  g_assert_true (g_str_has_prefix (details, "Could not keep a draft of your work: "));
  g_assert_nonnull (find_label_prefix (GTK_WIDGET (window), "No draft kept: "));

  /* The folder back before the window goes, since closing discards the
   * draft there. */
  g_assert_cmpint (g_remove (dir), ==, 0);
  if (moved)
    g_assert_cmpint (g_rename (aside, dir), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "autosave-delay");
}

/* The window is gone once its weak pointer is cleared; under sanitizers
 * and load that may take more than a few main-loop turns. */
static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *)data == NULL;
}

static void
test_unsaved_prompt (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *draft = draft_dataset_path (fixture->path);
  g_autofree char *before = read_all (fixture->path);
  g_autofree char *after = NULL;
  MgWindow *window;
  MgWindow *watch;

  MG_TEST_REQUIRE_DISPLAY ();
  window = new_window ();
  watch = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&watch);
  open_path (window, fixture->path);
  tag (window, "Tuesday", "figure");

  /* Cancel keeps the window and the work. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_nonnull (wait_for_dialog (window));
  g_assert_true (adw_message_dialog_has_response (find_dialog (window), "save"));
  g_assert_true (adw_message_dialog_has_response (find_dialog (window), "discard"));
  answer (window, "cancel");
  g_assert_nonnull (watch);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (is_modified (window));

  /* Save writes the file, then closes. */
  gtk_window_close (GTK_WINDOW (window));
  answer (window, "save");
  g_assert_true (mg_test_spin_until (pointer_cleared, &watch, 10000));
  after = read_all (fixture->path);
  g_assert_cmpstr (after, !=, before);
  g_assert_nonnull (strstr (after, "\"text\": \"Tuesday\""));

  /* Discard closes and leaves the file and no draft. */
  window = new_window ();
  watch = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&watch);
  open_path (window, fixture->path);
  tag (window, "council", "actor");
  gtk_window_close (GTK_WINDOW (window));
  answer (window, "discard");
  g_assert_true (mg_test_spin_until (pointer_cleared, &watch, 10000));
  g_free (before);
  before = read_all (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (file_exists (draft));
}

static void
test_open_asks_first (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *article = fixture_path ("article.txt");
  g_autoptr(GFile) dataset_file = g_file_new_for_path (fixture->path);
  g_autoptr(GFile) article_file = g_file_new_for_path (article);
  GFile *both[2] = { dataset_file, article_file };
  MgWindow *window;
  MgDataset *before;

  MG_TEST_REQUIRE_DISPLAY ();
  window = new_window ();
  before = mg_window_get_dataset (window);
  {
    g_autoptr(MgDocument) document = mg_document_new ("note", "A note on the harbour ferry.\n", -1);

    mg_history_add_document (mg_window_get_history (window), document);
  }
  g_assert_true (is_modified (window));

  /* Opening a dataset would replace unsaved work: Cancel keeps it. */
  mg_window_open_files (window, both, 2);
  answer (window, "cancel");
  g_assert_true (mg_window_get_dataset (window) == before);
  g_assert_null (mg_window_get_file (window));

  /* Discard opens the dataset, and the article is imported into it. */
  mg_window_open_files (window, both, 2);
  answer (window, "discard");
  g_assert_true (mg_test_spin_until (has_file, window, 5000));
  g_assert_true (mg_window_get_dataset (window) != before);
  g_assert_true (mg_test_spin_until ((gboolean (*) (gpointer))is_modified, window, 3000));
  g_assert_cmpuint (mg_dataset_get_n_documents (mg_window_get_dataset (window)), ==, 3);
  g_assert_cmpstr (mg_document_get_id (mg_window_get_document (window)), ==, "article");

  /* The import is one step of the history. */
  g_assert_true (mg_history_can_undo (mg_window_get_history (window)));
  mg_history_undo (mg_window_get_history (window));
  g_assert_cmpuint (mg_dataset_get_n_documents (mg_window_get_dataset (window)), ==, 2);
  g_assert_false (is_modified (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Import takes another tool's annotated export as it is, with labels the
 * dataset lacks added so that it stays valid. */
static void
test_import_annotated (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "tasks.json", NULL);
  g_autofree char *saved = g_build_filename (fixture->dir, "saved.json", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(MgDataset) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  MgDataset *dataset;
  MgAnnotationStore *store;
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();
  write_all (path,
             "[{\"data\": {\"text\": \"Ana said the ferry runs.\"}, \"annotations\": [{\"result\": [\n"
             " {\"id\": \"s\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 3, \"text\": \"Ana\", \"labels\": [\"actor\"]}},\n"
             " {\"id\": \"c\", \"type\": \"labels\", \"value\": {\"start\": 4, \"end\": 8, \"text\": \"said\", \"labels\": [\"Cue\"]}},\n"
             " {\"type\": \"relation\", \"from_id\": \"c\", \"to_id\": \"s\", \"labels\": [\"cue-of\"]}]}]}]\n");
  file = g_file_new_for_path (path);
  window = new_window ();
  mg_window_open_files (window, &file, 1);
  dataset = mg_window_get_dataset (window);
  g_assert_true (mg_test_spin_until ((gboolean (*) (gpointer))is_modified, window, 3000));

  g_assert_cmpuint (mg_dataset_get_n_documents (dataset), ==, 1);
  store = mg_document_get_store (mg_dataset_get_document (dataset, 0));
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 2);
  g_assert_cmpuint (mg_annotation_store_get_n_relations (store), ==, 1);
  g_assert_nonnull (mg_label_set_lookup (mg_dataset_get_labels (dataset), "Cue"));
  g_assert_true (mg_dataset_save_file (dataset, saved, &error));
  g_assert_no_error (error);
  reloaded = mg_dataset_load_file (saved, &error);
  g_assert_no_error (error);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* How the file looked when the work began, as the window records it. */
static void
stamp_draft (MgDraft    *draft,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, "time::*,standard::size",
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autoptr(GDateTime) modified = g_file_info_get_modification_date_time (info);

  mg_draft_set_original_stamp (draft,
                               g_date_time_to_unix (modified) * G_USEC_PER_SEC +
                               g_date_time_get_microsecond (modified),
                               g_file_info_get_size (info));
}

static void
test_recovery (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(MgDrafts) drafts = mg_drafts_new (NULL);
  g_autoptr(MgDataset) work = mg_dataset_load_file (fixture->path, NULL);
  g_autofree char *key = mg_drafts_key_for_path (fixture->path);
  g_autoptr(MgDraft) draft = mg_draft_new (key, fixture->path);
  g_autoptr(MgAnnotation) annotation = mg_annotation_new (NULL, "actor", 0, 7);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *restored_path = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;
  MgDocument *document;
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();
  /* What a window wrote just before it was killed. */
  g_assert_nonnull (work);
  document = mg_dataset_get_document (work, 0);
  mg_annotation_store_add (mg_document_get_store (document), annotation, &error);
  g_assert_no_error (error);
  bytes = mg_dataset_to_bytes (work);
  mg_draft_set_counts (draft, 2, 8);
  stamp_draft (draft, fixture->path);
  g_assert_true (mg_drafts_write (drafts, draft, bytes, &error));

  /* The next start offers it. */
  window = new_window ();
  if (!mg_test_spin_until (dialog_shown, window, 300))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.recover-drafts", NULL));
  g_assert_nonnull (wait_for_dialog (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (find_dialog (window)), ==, "Recover Unsaved Work?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (find_dialog (window)), "news.json"));
  answer (window, "recover");

  /* Back with its file, its annotations, and marked unsaved. */
  g_assert_true (mg_test_spin_until (has_file, window, 5000));
  restored_path = g_file_get_path (mg_window_get_file (window));
  g_assert_cmpstr (restored_path, ==, fixture->path);
  g_assert_cmpuint (mg_dataset_count_annotations (mg_window_get_dataset (window)), ==, 8);
  g_assert_true (is_modified (window));
  g_assert_true (title_marks_unsaved (window));
  /* Not offered twice. */
  mg_test_spin_for (100);
  g_assert_null (find_dialog (window));

  /* Saving it writes the work where it belongs and ends the draft. */
  save_and_wait (window, "win.save", NULL);
  saved = read_all (fixture->path);
  expected = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpstr (saved, ==, expected);
  g_assert_null (mg_drafts_lookup (drafts, key));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Discard removes a draft for good. */
  g_assert_true (mg_drafts_write (drafts, draft, bytes, &error));
  window = new_window ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.recover-drafts", NULL));
  answer (window, "discard");
  g_assert_null (mg_drafts_lookup (drafts, key));
  g_assert_cmpuint (mg_dataset_count_annotations (mg_window_get_dataset (window)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_eight (gpointer window)
{
  return mg_dataset_count_annotations (mg_window_get_dataset (window)) == 8;
}

static void
test_changed_on_disk (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(MgDataset) other = mg_dataset_load_file (fixture->path, NULL);
  g_autoptr(MgAnnotation) annotation = mg_annotation_new (NULL, "claim", 0, 7);
  g_autofree char *theirs = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *mine = NULL;
  g_autoptr(GError) error = NULL;
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();
  window = new_window ();
  open_path (window, fixture->path);

  /* Someone else adds an annotation and saves. */
  mg_annotation_store_add (mg_document_get_store (mg_dataset_get_document (other, 0)),
                           annotation, &error);
  g_assert_no_error (error);
  g_assert_true (mg_dataset_save_file (other, fixture->path, &error));
  theirs = read_all (fixture->path);

  /* Noticed; Reload shows their version. */
  answer (window, "reload");
  g_assert_true (mg_test_spin_until (has_eight, window, 5000));
  g_assert_cmpuint (mg_dataset_count_annotations (mg_window_get_dataset (window)), ==, 8);
  g_assert_false (is_modified (window));

  /* Changed again while there is unsaved work here: Keep Mine... */
  tag (window, "Tuesday", "figure");
  g_usleep (10000);
  write_all (fixture->path, theirs);
  answer (window, "keep");
  g_assert_true (is_modified (window));
  g_assert_cmpuint (mg_dataset_count_annotations (mg_window_get_dataset (window)), ==, 9);

  /* ...and a save asks before overwriting their file: Cancel writes nothing... */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_cmpstr (adw_message_dialog_get_heading (wait_for_dialog (window)), ==,
                   "Overwrite Changes on Disk?");
  answer (window, "cancel");
  on_disk = read_all (fixture->path);
  g_assert_cmpstr (on_disk, ==, theirs);
  g_assert_true (is_modified (window));

  /* ...Overwrite writes mine. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  answer (window, "overwrite");
  g_assert_true (mg_test_spin_until (is_saved, window, 5000));
  g_free (on_disk);
  on_disk = read_all (fixture->path);
  mine = dataset_text (window);
  g_assert_cmpstr (on_disk, ==, mine);

  /* Our own save is not "someone else". */
  mg_test_spin_for (600);
  g_assert_null (find_dialog (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
n_documents (MgWindow *window)
{
  return mg_dataset_get_n_documents (mg_window_get_dataset (window));
}

static gboolean
has_two_documents (gpointer window)
{
  return n_documents (window) == 2;
}

/* The text of the problems dialog, which the import's toast opens. */
static char *
problems_text (MgWindow *window)
{
  AdwMessageDialog *dialog;
  GtkWidget *child;
  char *text;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-problems", NULL);
  dialog = wait_for_dialog (window);
  g_assert_nonnull (dialog);
  child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (adw_message_dialog_get_extra_child (dialog)));
  if (GTK_IS_VIEWPORT (child))
    child = gtk_viewport_get_child (GTK_VIEWPORT (child));
  text = g_strdup (gtk_label_get_text (GTK_LABEL (child)));
  answer (window, "close");
  return text;
}

/* A bad line is one clean line naming the file, kept in a dialog after the
 * toast; the same articles imported again are asked about, skipped by
 * default. */
static void
test_import_problems_and_duplicates (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "corpus.jsonl", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *problems = NULL;
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();
  write_all (path,
             "{\"id\": \"a\", \"text\": \"The ferry runs again.\"}\n"
             "not json\n"
             "{\"id\": \"b\", \"text\": \"The bridge is closed.\"}\n");
  window = new_window ();

  mg_window_open_files (window, &file, 1);
  g_assert_true (mg_test_spin_until (has_two_documents, window, 5000));
  problems = problems_text (window);
  g_assert_true (g_str_has_prefix (problems, "corpus.jsonl:2:"));
  g_assert_null (strstr (problems, fixture->dir));
  g_assert_null (strchr (problems, '\n'));

  /* Again: the prompt skips by default and adds nothing new. */
  mg_window_open_files (window, &file, 1);
  g_assert_cmpstr (adw_message_dialog_get_default_response (wait_for_dialog (window)), ==, "skip");
  g_assert_cmpstr (adw_message_dialog_get_body (wait_for_dialog (window)), ==,
                   "2 articles have the same text as ones already in the dataset.");
  answer (window, "skip");
  g_assert_cmpuint (n_documents (window), ==, 2);

  /* A twin within the files chosen is no article of the dataset: the
   * prompt says where the twin is, and both places when both. */
  {
    g_autofree char *twins_path = g_build_filename (fixture->dir, "twins.jsonl", NULL);
    g_autoptr(GFile) twins = g_file_new_for_path (twins_path);

    write_all (twins_path,
               "{\"id\": \"c\", \"text\": \"Gulls nest on the pier.\"}\n"
               "{\"id\": \"d\", \"text\": \"Gulls nest on the pier.\"}\n");
    mg_window_open_files (window, &twins, 1);
    g_assert_cmpstr (adw_message_dialog_get_body (wait_for_dialog (window)), ==,
                     "1 article has the same text as another of this import.");
    answer (window, "skip");
    g_assert_cmpuint (n_documents (window), ==, 3);

    write_all (twins_path,
               "{\"id\": \"e\", \"text\": \"The ferry runs again.\"}\n"
               "{\"id\": \"f\", \"text\": \"Tides are high.\"}\n"
               "{\"id\": \"g\", \"text\": \"Tides are high.\"}\n");
    mg_window_open_files (window, &twins, 1);
    g_assert_cmpstr (adw_message_dialog_get_body (wait_for_dialog (window)), ==,
                     "1 article has the same text as one already in the dataset. "
                     "1 article has the same text as another of this import.");
    answer (window, "skip");
    g_assert_cmpuint (n_documents (window), ==, 4);
  }

  mg_window_open_files (window, &file, 1);
  answer (window, "cancel");
  g_assert_cmpuint (n_documents (window), ==, 4);

  mg_window_open_files (window, &file, 1);
  answer (window, "anyway");
  g_assert_cmpuint (n_documents (window), ==, 6);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* This run's data, config and cache folders. */
  g_autofree char *scratch = mg_test_scratch_home ("marginalia-files-home-XXXXXX");
  int status;

  g_test_init (&argc, &argv, NULL);
  mg_test_init_display ();

#define ADD(path, func) \
  g_test_add ("/window-files/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("save-and-reload", test_save_and_reload);
  ADD ("save-as", test_save_as);
  ADD ("failed-save", test_failed_save);
  ADD ("autosave", test_autosave);
  ADD ("draft-fails", test_draft_fails);
  ADD ("unsaved-prompt", test_unsaved_prompt);
  ADD ("open-asks-first", test_open_asks_first);
  ADD ("import-annotated", test_import_annotated);
  ADD ("recovery", test_recovery);
  ADD ("changed-on-disk", test_changed_on_disk);
  ADD ("import-problems-and-duplicates", test_import_problems_and_duplicates);

  status = g_test_run ();
  mg_test_remove_tree (scratch);
  return status;
}
