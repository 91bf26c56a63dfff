/* test-session.c: the life of an open dataset, without a display
 *
 * Open, edit, the autosave, a kill and the draft recovered, save, Save As,
 * failed saves, a file changed on disk by someone else, cancellation,
 * articles imported: all through MgSession and a real main loop, as the
 * window drives it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <utime.h>
#include <glib/gstdio.h>

#include "mg-core.h"
#include "mg-session.h"
#include "mg-session-private.h"

#define N_BIG 30000

typedef struct
{
  char      *dir;      /* a fresh folder for this test's files */
  char      *path;     /* a copy of the fixture dataset in it */
  GFile     *file;
  MgDrafts  *drafts;   /* kept in the folder too */
  MgSession *session;
} Fixture;

static char *
read_all (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "fixtures", "files", "small.json", NULL);
  g_autofree char *contents = read_all (source);
  g_autofree char *drafts = NULL;
  g_autoptr(GError) error = NULL;

  fx->dir = g_build_filename (g_get_user_data_dir (), "work", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fx->dir, 0700), ==, 0);
  fx->path = g_build_filename (fx->dir, "news.json", NULL);
  g_file_set_contents (fx->path, contents, -1, &error);
  g_assert_no_error (error);
  fx->file = g_file_new_for_path (fx->path);
  drafts = g_build_filename (fx->dir, "drafts", NULL);
  fx->drafts = mg_drafts_new (drafts);
  fx->session = mg_session_new (fx->drafts);
  mg_session_set_autosave_delay (fx->session, 50);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_clear_object (&fx->session);
  g_clear_object (&fx->drafts);
  g_clear_object (&fx->file);
  /* The folder goes with the test's own data folder. */
  g_free (fx->dir);
  g_free (fx->path);
}

/* The main loop, until a flag is set or 5 seconds passed. */
static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
spin_until (gboolean *flag)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (5000, timed_out_cb, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return *flag;
}

static void
spin_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timed_out_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
got_result_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  g_assert_true (spin_until ((gboolean *)slot));
  return *slot;
}

static gboolean
load (MgSession  *session,
      GFile      *file,
      GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mg_session_load_async (session, file, NULL, got_result_cb, &result);
  return mg_session_load_finish (session, wait_result (&result), error);
}

static gboolean
save (MgSession           *session,
      GFile               *target,
      MgSessionSaveFlags   flags,
      GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mg_session_save_async (session, target, flags, NULL, got_result_cb, &result);
  return mg_session_save_finish (session, wait_result (&result), error);
}

/* Tags "Tuesday" in the first document, as the window does, through the
 * history. */
static void
edit (MgSession  *session,
      const char *label)
{
  MgDocument *document = mg_dataset_get_document (mg_session_get_dataset (session), 0);
  const char *text = mg_document_get_text (document);
  guint start = (guint) g_utf8_pointer_to_offset (text, strstr (text, "Tuesday"));
  g_autoptr(MgAnnotation) annotation = mg_annotation_new (NULL, label, start, start + 7);
  g_autoptr(GError) error = NULL;

  mg_history_add_annotation (mg_session_get_history (session), document, annotation, &error);
  g_assert_no_error (error);
}

static char *
dataset_text (MgSession *session)
{
  g_autoptr(GBytes) bytes = mg_dataset_to_bytes (mg_session_get_dataset (session));

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
draft_path (Fixture    *fx,
            const char *path)
{
  g_autofree char *key = mg_drafts_key_for_path (path);

  return mg_drafts_get_dataset_path (fx->drafts, key);
}

static void
count_cb (gpointer  instance,
          gpointer  user_data)
{
  (*(guint *)user_data)++;
}

static void
count_notify_cb (gpointer    instance,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *)user_data)++;
}

static void
count_error_cb (gpointer      instance,
                const GError *error,
                gpointer      user_data)
{
  g_test_message ("autosave failed: %s", error->message);
  (*(guint *)user_data)++;
}

static gboolean
file_exists_soon (const char *path)
{
  for (guint i = 0; i < 250 && !g_file_test (path, G_FILE_TEST_EXISTS); i++)
    spin_for (20);
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Someone else writes the file: a second later, so that the stamp differs
 * even on a file system that keeps whole seconds. */
static void
write_as_someone_else (const char *path,
                       const char *contents)
{
  g_autoptr(GError) error = NULL;
  GStatBuf before;

  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  {
    struct utimbuf times = { before.st_atime, before.st_mtime + 1 };

    g_assert_cmpint (g_utime (path, &times), ==, 0);
  }
}

static void
test_life (Fixture       *fx,
           gconstpointer  data)
{
  g_autofree char *draft = draft_path (fx, fx->path);
  g_autofree char *before = read_all (fx->path);
  g_autofree char *on_disk = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(MgSession) next = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) saved_result = NULL;
  g_autoptr(GError) error = NULL;
  guint modified_notes = 0;

  /* Open: the dataset, its file, nothing unsaved, no draft. */
  g_signal_connect (fx->session, "notify::modified", G_CALLBACK (count_notify_cb), &modified_notes);
  g_assert_true (load (fx->session, fx->file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (mg_session_get_file (fx->session), fx->file));
  g_assert_cmpuint (mg_dataset_count_annotations (mg_session_get_dataset (fx->session)), ==, 7);
  g_assert_false (mg_session_get_modified (fx->session));
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));

  /* Edit: unsaved, and said so once. */
  edit (fx->session, "figure");
  g_assert_true (mg_session_get_modified (fx->session));
  g_assert_cmpuint (modified_notes, ==, 1);

  /* The autosave writes a draft of exactly the work. */
  g_assert_true (file_exists_soon (draft));
  spin_for (100);
  on_disk = read_all (draft);
  expected = dataset_text (fx->session);
  g_assert_cmpstr (on_disk, ==, expected);

  /* While the session lives, its draft is work in progress, not offered. */
  next = mg_session_new (fx->drafts);
  drafts = mg_session_list_drafts (next, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 0);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* A kill: the session goes without a save. The file is as it was; the
   * draft stays, and the next session finds it. */
  g_clear_object (&fx->session);
  g_free (on_disk);
  on_disk = read_all (fx->path);
  g_assert_cmpstr (on_disk, ==, before);
  drafts = mg_session_list_drafts (next, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (mg_draft_get_original_path (g_ptr_array_index (drafts, 0)), ==, fx->path);
  g_assert_cmpuint (mg_draft_get_n_annotations (g_ptr_array_index (drafts, 0)), ==, 8);

  /* Restored: the work, in its file, unsaved, the draft claimed again. */
  mg_session_restore_draft_async (next, g_ptr_array_index (drafts, 0), NULL, got_result_cb, &result);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  /* On its way back, it is not offered again; a save asked meanwhile
   * saves it, not what was open before. */
  drafts = mg_session_list_drafts (next, NULL);
  g_assert_cmpuint (drafts->len, ==, 0);
  mg_session_save_async (next, fx->file, MG_SESSION_SAVE_NONE, NULL, got_result_cb, &saved_result);
  g_assert_true (mg_session_restore_draft_finish (next, wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (mg_session_get_file (next), fx->file));
  g_assert_cmpuint (mg_dataset_count_annotations (mg_session_get_dataset (next)), ==, 8);
  g_assert_true (mg_session_get_modified (next));
  g_assert_true (g_file_test (draft, G_FILE_TEST_EXISTS));
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = mg_session_list_drafts (next, NULL);
  g_assert_cmpuint (drafts->len, ==, 0);

  /* Saved: the file holds the work, nothing is unsaved, the draft goes. */
  g_assert_true (mg_session_save_finish (next, wait_result (&saved_result), &error));
  g_assert_no_error (error);
  g_assert_false (mg_session_get_modified (next));
  g_free (on_disk);
  g_free (expected);
  on_disk = read_all (fx->path);
  expected = dataset_text (next);
  g_assert_cmpstr (on_disk, ==, expected);
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
}

static void
test_undo_to_saved (Fixture       *fx,
                    gconstpointer  data)
{
  g_autofree char *draft = draft_path (fx, fx->path);
  g_autoptr(MgDataset) dataset = mg_dataset_load_file (fx->path, NULL);

  mg_session_set_dataset (fx->session, dataset, fx->file);
  edit (fx->session, "figure");
  g_assert_true (file_exists_soon (draft));

  /* Back at the saved state by undo: nothing unsaved, no draft. */
  mg_history_undo (mg_session_get_history (fx->session));
  g_assert_false (mg_session_get_modified (fx->session));
  spin_for (100);
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
}

static void
test_close_without_a_word (Fixture       *fx,
                           gconstpointer  data)
{
  g_autofree char *draft = draft_path (fx, fx->path);

  g_assert_true (load (fx->session, fx->file, NULL));
  mg_session_set_autosave_delay (fx->session, 5000);

  /* The last change, not yet in a draft, is written as the session goes. */
  edit (fx->session, "figure");
  g_clear_object (&fx->session);
  g_assert_true (g_file_test (draft, G_FILE_TEST_EXISTS));

  /* Opening the file again leaves that draft for recovery; work the
   * person gave up leaves nothing behind. */
  fx->session = mg_session_new (fx->drafts);
  g_assert_true (load (fx->session, fx->file, NULL));
  g_assert_true (g_file_test (draft, G_FILE_TEST_EXISTS));
  edit (fx->session, "figure");
  mg_session_discard_draft (fx->session);
  g_clear_object (&fx->session);
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
}

static void
test_save_as_and_new (Fixture       *fx,
                      gconstpointer  data)
{
  g_autofree char *target = g_build_filename (fx->dir, "copy.json", NULL);
  g_autoptr(GFile) target_file = g_file_new_for_path (target);
  g_autofree char *draft = draft_path (fx, target);
  g_autoptr(MgDataset) empty = mg_dataset_new ();
  g_autoptr(MgDocument) document = mg_document_new ("note", "A note on Tuesday.\n", -1);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(MgDataset) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  /* A new dataset has no file; its draft has a key of its own. */
  mg_session_set_dataset (fx->session, empty, NULL);
  g_assert_null (mg_session_get_file (fx->session));
  mg_history_add_document (mg_session_get_history (fx->session), document);
  mg_session_save_draft_async (fx->session, NULL, got_result_cb, &result);
  g_assert_true (mg_session_save_draft_finish (fx->session, wait_result (&result), &error));
  g_assert_no_error (error);
  drafts = mg_drafts_list (fx->drafts, NULL);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_null (mg_draft_get_original_path (g_ptr_array_index (drafts, 0)));

  /* Save As: the file is the session's now and the draft is gone. */
  g_assert_true (save (fx->session, target_file, MG_SESSION_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (mg_session_get_file (fx->session), target_file));
  g_assert_false (mg_session_get_modified (fx->session));
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = mg_drafts_list (fx->drafts, NULL);
  g_assert_cmpuint (drafts->len, ==, 0);
  reloaded = mg_dataset_load_file (target, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mg_dataset_get_n_documents (reloaded), ==, 1);

  /* Its drafts are now the file's. */
  edit (fx->session, "figure");
  g_assert_true (file_exists_soon (draft));
}

static void
test_failed_save (Fixture       *fx,
                  gconstpointer  data)
{
  /* Failures that hold for root too: a target that is a folder, a folder
   * that is a file. */
  g_autofree char *folder = g_build_filename (fx->dir, "folder.json", NULL);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autofree char *not_dir = g_build_filename (fx->dir, "news.json", "x.json", NULL);
  g_autoptr(GFile) not_dir_file = g_file_new_for_path (not_dir);
  g_autofree char *draft = draft_path (fx, fx->path);
  g_autofree char *before = read_all (fx->path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (load (fx->session, fx->file, NULL));
  edit (fx->session, "figure");
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  g_assert_false (save (fx->session, folder_file, MG_SESSION_SAVE_NONE, &error));
  g_test_message ("saving over a folder: %s", error->message);
  g_clear_error (&error);
  g_assert_false (save (fx->session, not_dir_file, MG_SESSION_SAVE_NONE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Nothing changed: the same file, the work unsaved, its draft kept. */
  g_assert_true (g_file_equal (mg_session_get_file (fx->session), fx->file));
  g_assert_true (mg_session_get_modified (fx->session));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  after = read_all (fx->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (file_exists_soon (draft));
}

static void
test_autosave_failed (Fixture       *fx,
                      gconstpointer  data)
{
  /* The drafts folder cannot be made: a file stands in its place. */
  g_autofree char *blocked = g_build_filename (fx->dir, "blocked", NULL);
  g_autoptr(MgDrafts) drafts = mg_drafts_new (blocked);
  g_autoptr(MgSession) session = mg_session_new (drafts);
  guint failures = 0;

  g_assert_true (g_file_set_contents (blocked, "", 0, NULL));
  mg_session_set_autosave_delay (session, 10);
  g_signal_connect (session, "autosave-failed", G_CALLBACK (count_error_cb), &failures);
  g_assert_true (load (session, fx->file, NULL));
  edit (session, "figure");
  for (guint i = 0; i < 100 && failures == 0; i++)
    spin_for (20);
  g_assert_cmpuint (failures, ==, 1);
  g_assert_true (mg_session_get_modified (session));
}

static void
test_changed_on_disk (Fixture       *fx,
                      gconstpointer  data)
{
  g_autofree char *theirs = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *mine = NULL;
  g_autoptr(MgDataset) other = mg_dataset_load_file (fx->path, NULL);
  g_autoptr(GBytes) other_bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_signal_connect (fx->session, "changed-on-disk", G_CALLBACK (count_cb), &changes);
  g_assert_true (load (fx->session, fx->file, NULL));
  edit (fx->session, "figure");

  /* Someone else saves their version. */
  mg_document_set_title (mg_dataset_get_document (other, 0), "Their title");
  other_bytes = mg_dataset_to_bytes (other);
  theirs = g_strndup (g_bytes_get_data (other_bytes, NULL), g_bytes_get_size (other_bytes));
  write_as_someone_else (fx->path, theirs);
  for (guint i = 0; i < 150 && changes == 0; i++)
    spin_for (20);
  g_assert_cmpuint (changes, ==, 1);

  /* A save refuses to replace it unless told... */
  g_assert_false (save (fx->session, NULL, MG_SESSION_SAVE_NONE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  on_disk = read_all (fx->path);
  g_assert_cmpstr (on_disk, ==, theirs);
  g_assert_true (mg_session_get_modified (fx->session));

  /* ...Keep Mine is remembered for that change: the monitor stirs (a new
   * mode) but the file's stamp is the one kept... */
  mg_session_keep_mine (fx->session);
  g_assert_cmpint (g_chmod (fx->path, 0640), ==, 0);
  spin_for (400);
  g_assert_cmpuint (changes, ==, 1);

  /* ...and told, it writes mine; its own save is not someone else's. */
  g_assert_true (save (fx->session, NULL, MG_SESSION_SAVE_OVERWRITE, &error));
  g_assert_no_error (error);
  g_free (on_disk);
  on_disk = read_all (fx->path);
  mine = dataset_text (fx->session);
  g_assert_cmpstr (on_disk, ==, mine);
  spin_for (500);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_true (save (fx->session, NULL, MG_SESSION_SAVE_NONE, &error));
  g_assert_no_error (error);
}

static void
test_edit_during_save (Fixture       *fx,
                       gconstpointer  data)
{
  g_autofree char *draft = draft_path (fx, fx->path);
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(MgDataset) saved = NULL;

  g_assert_true (load (fx->session, fx->file, NULL));
  edit (fx->session, "figure");

  /* An edit made while the save is on its way is not on disk: the work
   * stays unsaved and gets a draft. */
  mg_session_save_async (fx->session, NULL, MG_SESSION_SAVE_NONE, NULL, got_result_cb, &first);
  edit (fx->session, "claim");
  g_assert_true (mg_session_save_finish (fx->session, wait_result (&first), NULL));
  g_assert_true (mg_session_get_modified (fx->session));
  saved = mg_dataset_load_file (fx->path, NULL);
  g_assert_cmpuint (mg_dataset_count_annotations (saved), ==, 8);
  g_assert_true (file_exists_soon (draft));

  /* Two saves asked at once run one after the other; the last has it all. */
  g_clear_object (&first);
  mg_session_save_async (fx->session, NULL, MG_SESSION_SAVE_NONE, NULL, got_result_cb, &first);
  mg_session_save_async (fx->session, NULL, MG_SESSION_SAVE_NONE, NULL, got_result_cb, &second);
  g_assert_true (mg_session_save_finish (fx->session, wait_result (&first), NULL));
  g_assert_true (mg_session_save_finish (fx->session, wait_result (&second), NULL));
  g_assert_false (mg_session_get_modified (fx->session));
  g_clear_object (&saved);
  saved = mg_dataset_load_file (fx->path, NULL);
  g_assert_cmpuint (mg_dataset_count_annotations (saved), ==, 9);
  spin_for (100);
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
}

static void
test_cancel (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = read_all (fx->path);
  g_autofree char *after = NULL;
  g_autoptr(MgDataset) empty = mg_dataset_new ();
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/news.json");

  mg_session_set_dataset (fx->session, empty, NULL);

  /* A load given up leaves the work as it was. */
  g_cancellable_cancel (cancellable);
  mg_session_load_async (fx->session, fx->file, cancellable, got_result_cb, &result);
  g_assert_false (mg_session_load_finish (fx->session, wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (mg_session_get_dataset (fx->session) == empty);
  g_assert_null (mg_session_get_file (fx->session));
  g_clear_error (&error);
  g_clear_object (&result);

  /* So does one that fails. */
  g_assert_false (load (fx->session, missing, &error));
  g_assert_nonnull (error);
  g_assert_true (mg_session_get_dataset (fx->session) == empty);
  g_clear_error (&error);

  /* The latest dataset asked for wins: a load still on its way when
   * another dataset is opened is dropped. */
  mg_session_load_async (fx->session, fx->file, NULL, got_result_cb, &result);
  g_assert_true (mg_session_get_opening (fx->session));
  mg_session_set_dataset (fx->session, empty, NULL);
  g_assert_false (mg_session_load_finish (fx->session, wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (mg_session_get_dataset (fx->session) == empty);
  g_assert_false (mg_session_get_opening (fx->session));
  g_clear_error (&error);
  g_clear_object (&result);

  /* A save given up before it began writes nothing. */
  g_assert_true (load (fx->session, fx->file, NULL));
  edit (fx->session, "figure");
  mg_session_save_async (fx->session, NULL, MG_SESSION_SAVE_NONE, cancellable, got_result_cb, &result);
  g_assert_false (mg_session_save_finish (fx->session, wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (mg_session_get_modified (fx->session));
  after = read_all (fx->path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_import (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *article = g_test_build_filename (G_TEST_DIST, "fixtures", "files", "article.txt", NULL);
  g_autoptr(GFile) article_file = g_file_new_for_path (article);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/article.txt");
  GFile *files[] = { article_file, missing };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  MgSessionImportReport *report;
  MgDataset *dataset;

  g_assert_true (mg_session_file_is_dataset (fx->file));
  g_assert_false (mg_session_file_is_dataset (article_file));
  g_assert_true (load (fx->session, fx->file, NULL));
  dataset = mg_session_get_dataset (fx->session);

  /* Given up: nothing is added. */
  g_cancellable_cancel (cancellable);
  mg_session_import_async (fx->session, files, 2, cancellable, got_result_cb, &result);
  g_assert_null (mg_session_import_finish (fx->session, wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (mg_dataset_get_n_documents (dataset), ==, 2);
  g_clear_error (&error);
  g_clear_object (&result);

  /* The article is added, the missing file reported; one undo takes the
   * import back. */
  mg_session_import_async (fx->session, files, 2, NULL, got_result_cb, &result);
  reports = mg_session_import_finish (fx->session, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 2);
  report = g_ptr_array_index (reports, 0);
  g_assert_null (report->error);
  g_assert_cmpuint (report->documents->len, ==, 1);
  g_assert_true (mg_dataset_index_of (dataset, g_ptr_array_index (report->documents, 0)) == 2);
  report = g_ptr_array_index (reports, 1);
  g_assert_nonnull (report->error);
  g_assert_null (report->documents);
  g_assert_cmpuint (mg_dataset_get_n_documents (dataset), ==, 3);
  g_assert_true (mg_session_get_modified (fx->session));
  mg_history_undo (mg_session_get_history (fx->session));
  g_assert_cmpuint (mg_dataset_get_n_documents (dataset), ==, 2);
  g_assert_false (mg_session_get_modified (fx->session));
}

/* The same article twice, once already in the dataset and once more in
 * the same import: nothing is added until the person says what to do. */
static void
test_import_duplicates (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *article = g_test_build_filename (G_TEST_DIST, "fixtures", "files", "article.txt", NULL);
  g_autoptr(GFile) article_file = g_file_new_for_path (article);
  GFile *twice[] = { article_file, article_file };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  MgDataset *dataset;

  g_assert_true (load (fx->session, fx->file, NULL));
  dataset = mg_session_get_dataset (fx->session);

  mg_session_import_async (fx->session, twice, 2, NULL, got_result_cb, &result);
  reports = mg_session_import_finish (fx->session, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mg_session_import_count_duplicates (reports), ==, 1);
  /* The twin is the import's own first copy, not a document of the dataset. */
  g_assert_cmpuint (mg_session_import_count_repeats (reports), ==, 1);
  g_assert_cmpuint (mg_dataset_get_n_documents (dataset), ==, 2);
  g_assert_false (mg_session_get_modified (fx->session));

  /* Skipped, the article comes in once, as one undo step. */
  mg_session_import_add (fx->session, reports, TRUE);
  g_assert_cmpuint (mg_dataset_get_n_documents (dataset), ==, 3);
  mg_history_undo (mg_session_get_history (fx->session));
  g_assert_cmpuint (mg_dataset_get_n_documents (dataset), ==, 2);

  /* Imported anyway, both copies come in, under ids of their own. */
  mg_session_import_add (fx->session, reports, FALSE);
  g_assert_cmpuint (mg_dataset_get_n_documents (dataset), ==, 4);
  g_assert_cmpstr (mg_document_get_id (mg_dataset_get_document (dataset, 2)), !=,
                   mg_document_get_id (mg_dataset_get_document (dataset, 3)));
  g_clear_pointer (&reports, g_ptr_array_unref);
  g_clear_object (&result);

  /* Once in, the same file again is all duplicates, and the session
   * names the document that already has the text. */
  mg_session_import_async (fx->session, &article_file, 1, NULL, got_result_cb, &result);
  reports = mg_session_import_finish (fx->session, wait_result (&result), &error);
  g_assert_cmpuint (mg_session_import_count_duplicates (reports), ==, 1);
  g_assert_cmpuint (mg_session_import_count_repeats (reports), ==, 0);
  g_assert_cmpuint (mg_dataset_get_n_documents (dataset), ==, 4);
  {
    MgSessionImportReport *report = g_ptr_array_index (reports, 0);
    MgDocument *again = g_ptr_array_index (report->duplicates, 0);

    g_assert_true (mg_session_find_same_text (fx->session, again) == mg_dataset_get_document (dataset, 2));
    /* A document is not its own twin; the first of the dataset has none. */
    g_assert_true (mg_session_find_same_text (fx->session, mg_dataset_get_document (dataset, 2))
                   == mg_dataset_get_document (dataset, 3));
    g_assert_null (mg_session_find_same_text (fx->session, mg_dataset_get_document (dataset, 0)));
  }
}

/* The sample is a welcome page: the session says so until another dataset
 * takes its place, and a new dataset is empty, unsaved, with the default
 * labels. */
static void
test_welcome_and_new (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(MgDataset) sample = mg_dataset_new ();
  g_autoptr(MgDocument) article = mg_document_new ("sample", "Harbour fees rise on Tuesday.", -1);
  MgDataset *fresh;

  g_assert_true (mg_dataset_add_document (sample, article));
  g_assert_false (mg_session_get_welcome (fx->session));
  mg_session_set_welcome (fx->session, sample);
  g_assert_true (mg_session_get_welcome (fx->session));
  g_assert_true (mg_session_get_dataset (fx->session) == sample);
  g_assert_null (mg_session_get_file (fx->session));

  /* Tagging the sample keeps it the sample. */
  edit (fx->session, "figure");
  g_assert_true (mg_session_get_welcome (fx->session));

  mg_session_new_dataset (fx->session, "ayse");
  fresh = mg_session_get_dataset (fx->session);
  g_assert_false (mg_session_get_welcome (fx->session));
  g_assert_true (fresh != sample);
  g_assert_cmpuint (mg_dataset_get_n_documents (fresh), ==, 0);
  g_assert_cmpstr (mg_dataset_get_annotator (fresh), ==, "ayse");
  g_assert_cmpuint (mg_label_set_get_n_labels (mg_dataset_get_labels (fresh)), ==, 4);
  g_assert_null (mg_session_get_file (fx->session));
  g_assert_false (mg_session_get_modified (fx->session));
  g_assert_false (mg_history_can_undo (mg_session_get_history (fx->session)));

  /* Opening a file ends the welcome too. */
  mg_session_set_welcome (fx->session, sample);
  g_assert_true (load (fx->session, fx->file, NULL));
  g_assert_false (mg_session_get_welcome (fx->session));

  /* So does saving the sample under a name: it is the person's now. */
  mg_session_set_welcome (fx->session, sample);
  {
    g_autofree char *path = g_build_filename (fx->dir, "mine.json", NULL);
    g_autoptr(GFile) mine = g_file_new_for_path (path);
    g_autoptr(GAsyncResult) result = NULL;

    mg_session_save_async (fx->session, mine, MG_SESSION_SAVE_NONE, NULL, got_result_cb, &result);
    g_assert_true (mg_session_save_finish (fx->session, wait_result (&result), NULL));
  }
  g_assert_false (mg_session_get_welcome (fx->session));
}

/* A document of @n spans, one on each sentence's first word. */
static MgDataset *
big_dataset (guint n)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(MgDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  MgDataset *dataset = mg_dataset_new ();

  for (guint i = 0; i < n; i++)
    g_string_append (text, "Ana said it on Tuesday. ");
  document = mg_document_new ("big", text->str, -1);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);

      g_ptr_array_add (spans, mg_annotation_new (id, i % 2 ? "actor" : "figure", i * 24, i * 24 + 3));
    }
  g_assert_true (mg_annotation_store_add_all (mg_document_get_store (document), spans, &error));
  g_assert_no_error (error);
  mg_dataset_add_document (dataset, document);
  return dataset;
}

static gboolean
save_draft (MgSession  *session,
            GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mg_session_save_draft_async (session, NULL, got_result_cb, &result);
  return mg_session_save_draft_finish (session, wait_result (&result), error);
}

/* The session is gone: its one draft recovers the very dataset whose
 * bytes are @expected, with @n_annotations annotations. */
static void
assert_draft_recovers (Fixture *fx,
                       GBytes  *expected,
                       guint    n_annotations)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(MgDataset) recovered = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;

  drafts = mg_drafts_list (fx->drafts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpuint (mg_draft_get_n_annotations (g_ptr_array_index (drafts, 0)), ==, n_annotations);
  recovered = mg_drafts_load (fx->drafts, g_ptr_array_index (drafts, 0), &error);
  g_assert_no_error (error);
  again = mg_dataset_to_bytes (recovered);
  g_assert_true (g_bytes_equal (again, expected));
}

static void
test_big_draft (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *draft = draft_path (fx, fx->path);
  g_autoptr(MgDataset) dataset = big_dataset (N_BIG);
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;

  mg_session_set_autosave_delay (fx->session, 60000);
  mg_session_set_dataset (fx->session, dataset, fx->file);
  edit (fx->session, "figure");
  g_assert_true (save_draft (fx->session, &error));
  g_assert_no_error (error);
  /* Slices of the main loop, never the whole dataset in one. */
  g_test_message ("%u slices, the longest %.2f ms, %.2f ms in all", fx->session->draft_slices,
                  fx->session->draft_slice_max_usec / 1000.0,
                  fx->session->draft_slice_total_usec / 1000.0);
  g_assert_cmpuint (fx->session->draft_slices, >, 1);

  /* Killed: the draft recovers the very same dataset. */
  expected = mg_dataset_to_bytes (dataset);
  g_clear_object (&fx->session);
  assert_draft_recovers (fx, expected, N_BIG + 1);
  g_assert_true (g_file_test (draft, G_FILE_TEST_EXISTS));
}

/* Closed with the last edits in no draft yet: the draft written as the
 * session goes, a part at a time, is the very same dataset. */
static void
test_big_draft_at_close (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(MgDataset) dataset = big_dataset (N_BIG);
  g_autoptr(GBytes) expected = NULL;

  mg_session_set_autosave_delay (fx->session, 60000);
  mg_session_set_dataset (fx->session, dataset, fx->file);
  edit (fx->session, "figure");
  expected = mg_dataset_to_bytes (dataset);
  g_assert_cmpuint (g_bytes_get_size (expected), >, 4 * 64 * 1024);
  g_clear_object (&fx->session);
  assert_draft_recovers (fx, expected, N_BIG + 1);
}

static void
count_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mg_session_save_draft_finish (MG_SESSION (object), result, &error));
  g_assert_no_error (error);
  (*(guint *)user_data)++;
}

/* An edit between two slices gives the draft under way up: the one on
 * disk stays whole until the next, which holds the edit, lands. */
static void
test_edit_between_slices (Fixture       *fx,
                          gconstpointer  data)
{
  g_autofree char *draft = draft_path (fx, fx->path);
  g_autoptr(MgDataset) dataset = big_dataset (N_BIG);
  g_autofree char *old = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  guint done = 0, failures = 0;

  mg_session_set_autosave_delay (fx->session, 60000);
  g_signal_connect (fx->session, "autosave-failed", G_CALLBACK (count_error_cb), &failures);
  mg_session_set_dataset (fx->session, dataset, fx->file);
  edit (fx->session, "figure");
  g_assert_true (save_draft (fx->session, &error));
  g_assert_no_error (error);
  old = read_all (draft);

  /* Another edit, its draft asked for, and an edit once its first slice
   * ran. */
  edit (fx->session, "actor");
  mg_session_save_draft_async (fx->session, NULL, count_done_cb, &done);
  g_assert_nonnull (fx->session->writing);
  while (fx->session->draft_slices == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (fx->session->writing);
  edit (fx->session, "quote");
  on_disk = read_all (draft);
  g_assert_cmpstr (on_disk, ==, old);

  /* Told once, when the draft holds every edit. */
  g_assert_true (spin_until ((gboolean *)&done));
  spin_for (100);
  g_assert_cmpuint (done, ==, 1);
  g_assert_cmpuint (failures, ==, 0);
  g_assert_null (fx->session->writing);
  g_free (on_disk);
  on_disk = read_all (draft);
  expected = dataset_text (fx->session);
  g_assert_true (strstr (expected, "\"label\": \"quote\"") != NULL);
  g_assert_cmpstr (on_disk, ==, expected);

  /* Nothing of the write given up is left beside it. */
  {
    g_autofree char *folder = g_path_get_dirname (draft);
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (dir)) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 2);
  }
}

/* An autosave given up by an edit, with no one waiting for it, starts
 * again when that edit's autosave is due, not at once: quick edits would
 * otherwise serialise the work without end, in slices between each edit
 * and its frame. */
static void
test_edit_during_autosave (Fixture       *fx,
                           gconstpointer  data)
{
  g_autofree char *draft = draft_path (fx, fx->path);
  g_autoptr(MgDataset) dataset = big_dataset (N_BIG);
  g_autofree char *on_disk = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  mg_session_set_autosave_delay (fx->session, 10);
  mg_session_set_dataset (fx->session, dataset, fx->file);
  edit (fx->session, "figure");
  while (fx->session->writing == NULL || fx->session->draft_slices == 0)
    g_main_context_iteration (NULL, TRUE);

  mg_session_set_autosave_delay (fx->session, MG_SESSION_AUTOSAVE_MAX_MSEC);
  edit (fx->session, "actor");
  while (fx->session->writing != NULL)
    g_main_context_iteration (NULL, TRUE);
  spin_for (100);
  g_assert_null (fx->session->writing);
  g_assert_cmpuint (fx->session->autosave_id, !=, 0);

  /* Asked for, the draft comes at once and holds both edits. */
  g_assert_true (save_draft (fx->session, &error));
  g_assert_no_error (error);
  on_disk = read_all (draft);
  expected = dataset_text (fx->session);
  g_assert_true (strstr (expected, "\"label\": \"actor\"") != NULL);
  g_assert_cmpstr (on_disk, ==, expected);
}

/* Work given up while its draft is under way leaves no draft, and the
 * waiter is told once. */
static void
test_discard_between_slices (Fixture       *fx,
                             gconstpointer  data)
{
  g_autofree char *draft = draft_path (fx, fx->path);
  g_autoptr(MgDataset) dataset = big_dataset (N_BIG);
  guint done = 0, failures = 0;

  mg_session_set_autosave_delay (fx->session, 60000);
  g_signal_connect (fx->session, "autosave-failed", G_CALLBACK (count_error_cb), &failures);
  mg_session_set_dataset (fx->session, dataset, fx->file);
  edit (fx->session, "figure");
  mg_session_save_draft_async (fx->session, NULL, count_done_cb, &done);
  while (fx->session->draft_slices == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (fx->session->writing);
  mg_session_discard_draft (fx->session);

  g_assert_true (spin_until ((gboolean *)&done));
  spin_for (200);
  g_assert_cmpuint (done, ==, 1);
  g_assert_cmpuint (failures, ==, 0);
  g_assert_null (fx->session->writing);
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/session/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("life", test_life);
  ADD ("undo-to-saved", test_undo_to_saved);
  ADD ("close-without-a-word", test_close_without_a_word);
  ADD ("save-as-and-new", test_save_as_and_new);
  ADD ("failed-save", test_failed_save);
  ADD ("autosave-failed", test_autosave_failed);
  ADD ("changed-on-disk", test_changed_on_disk);
  ADD ("edit-during-save", test_edit_during_save);
  ADD ("cancel", test_cancel);
  ADD ("import", test_import);
  ADD ("import-duplicates", test_import_duplicates);
  ADD ("welcome-and-new", test_welcome_and_new);
  ADD ("big-draft", test_big_draft);
  ADD ("big-draft-at-close", test_big_draft_at_close);
  ADD ("edit-between-slices", test_edit_between_slices);
  ADD ("edit-during-autosave", test_edit_during_autosave);
  ADD ("discard-between-slices", test_discard_between_slices);

  return g_test_run ();
}
