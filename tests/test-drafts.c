/* test-drafts.c: autosaved drafts, written, found again, recovered, discarded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "mg-core.h"
#include "mg-drafts.h"

/* Every test gets its own empty XDG folders (G_TEST_OPTION_ISOLATE_DIRS), so
 * the default drafts folder never touches the user's real one. */

static GBytes *
fixture_bytes (MgDataset **out_dataset)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "files", "small.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDataset) dataset = mg_dataset_load_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  if (out_dataset != NULL)
    *out_dataset = g_object_ref (dataset);
  return mg_dataset_to_bytes (dataset);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_keys (void)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *absolute = g_build_filename (cwd, "work", "news.json", NULL);
  g_autofree char *k1 = mg_drafts_key_for_path (absolute);
  g_autofree char *k2 = mg_drafts_key_for_path ("work/../work/news.json");
  g_autofree char *k3 = mg_drafts_key_for_path ("work/other.json");
  g_autofree char *n1 = mg_drafts_new_key ();
  g_autofree char *n2 = mg_drafts_new_key ();

  /* The same file, however it is spelt, keeps the same draft. */
  g_assert_cmpstr (k1, ==, k2);
  g_assert_cmpstr (k1, !=, k3);
  g_assert_true (g_str_has_prefix (k1, "file-"));
  g_assert_cmpuint (strlen (k1), ==, 45);
  g_assert_true (mg_drafts_key_is_valid (k1));

  g_assert_true (g_str_has_prefix (n1, "new-"));
  g_assert_cmpstr (n1, !=, n2);
  g_assert_true (mg_drafts_key_is_valid (n1));

  g_assert_false (mg_drafts_key_is_valid (NULL));
  g_assert_false (mg_drafts_key_is_valid (""));
  g_assert_false (mg_drafts_key_is_valid ("../etc/passwd"));
  g_assert_false (mg_drafts_key_is_valid (".hidden"));
  g_assert_false (mg_drafts_key_is_valid ("-dash"));
  g_assert_false (mg_drafts_key_is_valid ("a/b"));
  g_assert_false (mg_drafts_key_is_valid ("Upper"));
  g_assert_false (mg_drafts_key_is_valid ("a.json"));
  g_assert_true (mg_drafts_key_is_valid ("a-1"));
}

static void
test_default_dir (void)
{
  g_autofree char *dir = mg_drafts_get_default_dir ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "marginalia", "drafts", NULL);
  g_autoptr(MgDrafts) drafts = mg_drafts_new (NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (dir, ==, expected);
  g_assert_cmpstr (mg_drafts_get_dir (drafts), ==, expected);

  /* No folder yet: no drafts, and no error either. */
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  list = mg_drafts_list (drafts, &error);
  g_assert_no_error (error);
  g_assert_nonnull (list);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_round_trip (void)
{
  g_autoptr(MgDrafts) drafts = mg_drafts_new (NULL);
  g_autoptr(MgDataset) dataset = NULL;
  g_autoptr(GBytes) bytes = fixture_bytes (&dataset);
  g_autofree char *key = mg_drafts_key_for_path ("/data/news.json");
  g_autoptr(MgDraft) draft = mg_draft_new (key, "/data/news.json");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(MgDataset) recovered = NULL;
  g_autoptr(GBytes) recovered_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dataset_path = mg_drafts_get_dataset_path (drafts, key);
  g_autofree char *sidecar = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  GStatBuf st;
  MgDraft *found;
  gint64 mtime, size;

  mg_draft_set_counts (draft, mg_dataset_get_n_documents (dataset),
                       mg_dataset_count_annotations (dataset));
  mg_draft_set_original_stamp (draft, G_GINT64_CONSTANT (1767600000123456), 4321);
  g_assert_true (mg_drafts_write (drafts, draft, bytes, &error));
  g_assert_no_error (error);

  /* The draft is the dataset itself, readable by any tool, in a private folder. */
  g_assert_true (g_file_test (dataset_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_stat (mg_drafts_get_dir (drafts), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  sidecar = g_strconcat (mg_drafts_get_dir (drafts), G_DIR_SEPARATOR_S, key, ".info", NULL);
  {
    g_autofree char *text = read_file (sidecar);

    g_assert_nonnull (strstr (text, "\"format\" : \"marginalia-draft\""));
    g_assert_nonnull (strstr (text, "/data/news.json"));
  }

  list = mg_drafts_list (drafts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  found = g_ptr_array_index (list, 0);
  g_assert_cmpstr (mg_draft_get_key (found), ==, key);
  g_assert_cmpstr (mg_draft_get_original_path (found), ==, "/data/news.json");
  g_assert_cmpuint (mg_draft_get_n_documents (found), ==, 2);
  g_assert_cmpuint (mg_draft_get_n_annotations (found), ==, 7);
  g_assert_true (mg_draft_get_original_stamp (found, &mtime, &size));
  g_assert_cmpint (mtime, ==, G_GINT64_CONSTANT (1767600000123456));
  g_assert_cmpint (size, ==, 4321);
  g_assert_nonnull (mg_draft_get_saved (found));
  g_assert_cmpint (g_date_time_compare (mg_draft_get_saved (found), before), >=, 0);

  /* Recovery gives back exactly the work that was written. */
  recovered = mg_drafts_load (drafts, found, &error);
  g_assert_no_error (error);
  g_assert_nonnull (recovered);
  recovered_bytes = mg_dataset_to_bytes (recovered);
  g_assert_true (g_bytes_equal (bytes, recovered_bytes));

  g_assert_true (mg_drafts_discard (drafts, key, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (dataset_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = mg_drafts_list (drafts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_null (mg_drafts_lookup (drafts, key));

  /* Discarding twice is harmless: Discard on close after a save did it. */
  g_assert_true (mg_drafts_discard (drafts, key, &error));
  g_assert_no_error (error);
}

static void
test_replace_and_order (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "drafts-order", NULL);
  g_autoptr(MgDrafts) drafts = mg_drafts_new (dir);
  g_autoptr(MgDataset) dataset = NULL;
  g_autoptr(GBytes) bytes = fixture_bytes (&dataset);
  g_autofree char *key_new = mg_drafts_new_key ();
  g_autoptr(MgDraft) unsaved = mg_draft_new (key_new, NULL);
  g_autoptr(MgDraft) older = mg_draft_new ("file-one", "/data/one.json");
  g_autoptr(MgDraft) again = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GBytes) small = g_bytes_new_static ("{}\n", 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;

  g_assert_cmpstr (mg_drafts_get_dir (drafts), ==, dir);
  g_assert_true (mg_drafts_write (drafts, older, small, &error));
  g_assert_no_error (error);
  g_usleep (5000);
  g_assert_true (mg_drafts_write (drafts, unsaved, bytes, &error));
  g_assert_no_error (error);
  g_usleep (5000);

  /* Writing the same key again replaces its draft, never adds one. */
  mg_draft_set_counts (older, 1, 1);
  g_assert_true (mg_drafts_write (drafts, older, bytes, &error));
  g_assert_no_error (error);

  list = mg_drafts_list (drafts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (mg_draft_get_key (g_ptr_array_index (list, 0)), ==, "file-one");
  g_assert_cmpstr (mg_draft_get_key (g_ptr_array_index (list, 1)), ==, key_new);
  g_assert_null (mg_draft_get_original_path (g_ptr_array_index (list, 1)));
  g_assert_false (mg_draft_get_original_stamp (g_ptr_array_index (list, 1), NULL, NULL));

  again = mg_drafts_lookup (drafts, "file-one");
  g_assert_nonnull (again);
  g_assert_cmpuint (mg_draft_get_n_annotations (again), ==, 1);
  path = mg_drafts_get_dataset_path (drafts, "file-one");
  contents = read_file (path);
  g_assert_cmpuint (strlen (contents), ==, g_bytes_get_size (bytes));

  g_assert_true (mg_drafts_discard (drafts, "file-one", NULL));
  g_assert_true (mg_drafts_discard (drafts, key_new, NULL));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
write_text (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
test_list_skips_junk (void)
{
  g_autoptr(MgDrafts) drafts = mg_drafts_new (NULL);
  g_autoptr(GBytes) bytes = fixture_bytes (NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *dir = mg_drafts_get_dir (drafts);
  g_autofree char *bytes_text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  /* Leftovers of interrupted writes and foreign files are not drafts. */
  write_text (dir, ".file-abc.json.XYZ123", bytes_text);
  write_text (dir, "Notes.json", bytes_text);
  write_text (dir, "readme.txt", "hello");
  write_text (dir, "file-lonely.info", "{\"format\": \"marginalia-draft\", \"version\": 1}");
  /* A draft whose sidecar never made it, or got damaged, is still offered. */
  write_text (dir, "new-nosidecar.json", bytes_text);
  write_text (dir, "file-damaged.json", bytes_text);
  write_text (dir, "file-damaged.info", "{\"format\": \"marginalia-draft\", \"vers");
  write_text (dir, "file-future.json", bytes_text);
  write_text (dir, "file-future.info",
              "{\"format\": \"marginalia-draft\", \"version\": 9, \"original\": \"/x.json\"}");

  list = mg_drafts_list (drafts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  for (guint i = 0; i < list->len; i++)
    {
      MgDraft *draft = g_ptr_array_index (list, i);
      const char *key = mg_draft_get_key (draft);

      g_assert_true (g_str_equal (key, "new-nosidecar") ||
                     g_str_equal (key, "file-damaged") ||
                     g_str_equal (key, "file-future"));
      /* Without a trustworthy sidecar the owner is unknown: never guess. */
      g_assert_null (mg_draft_get_original_path (draft));
      g_assert_nonnull (mg_draft_get_saved (draft));
    }
}

static void
test_load_damaged (void)
{
  g_autoptr(MgDrafts) drafts = mg_drafts_new (NULL);
  g_autoptr(MgDraft) draft = mg_draft_new ("file-broken", "/data/broken.json");
  g_autoptr(GBytes) broken = g_bytes_new_static ("{\"format\": \"marginalia-dataset\", \"vers", 37);
  g_autoptr(MgDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (mg_drafts_write (drafts, draft, broken, &error));
  g_assert_no_error (error);
  dataset = mg_drafts_load (drafts, draft, &error);
  g_assert_null (dataset);
  g_assert_nonnull (error);
}

/* A draft streamed a part at a time: the old one stays whole until the new
 * one is committed, and a stream given up leaves nothing behind. */
static void
test_streamed (void)
{
  g_autoptr(MgDrafts) drafts = mg_drafts_new (NULL);
  g_autoptr(MgDataset) dataset = NULL;
  g_autoptr(GBytes) bytes = fixture_bytes (&dataset);
  g_autoptr(GBytes) old = g_bytes_new_static ("{}\n", 3);
  g_autoptr(MgDraft) draft = mg_draft_new ("new-stream", NULL);
  g_autofree char *path = mg_drafts_get_dataset_path (drafts, "new-stream");
  g_autoptr(MgFileWriter) writer = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GStatBuf st;
  gsize n_bytes;
  const char *data = g_bytes_get_data (bytes, &n_bytes);
  guint n_files = 0;

  g_assert_true (mg_drafts_write (drafts, draft, old, &error));
  g_assert_no_error (error);

  /* Given up half way: the old draft, and no temporary file. */
  writer = mg_drafts_begin_write (drafts, draft, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (writer), data, n_bytes / 2,
                                            NULL, NULL, &error));
  g_clear_object (&writer);
  text = read_file (path);
  g_assert_cmpstr (text, ==, "{}\n");
  dir = g_dir_open (mg_drafts_get_dir (drafts), 0, &error);
  g_assert_no_error (error);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 2);

  /* In two parts and committed: the new draft, private. */
  writer = mg_drafts_begin_write (drafts, draft, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (writer), data, n_bytes / 2,
                                            NULL, NULL, &error));
  g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (writer), data + n_bytes / 2,
                                            n_bytes - n_bytes / 2, NULL, NULL, &error));
  g_assert_true (mg_drafts_finish_write (drafts, draft, writer, &error));
  g_assert_no_error (error);
  g_free (text);
  text = read_file (path);
  g_assert_cmpmem (text, strlen (text), data, n_bytes);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_unwritable (void)
{
  g_autofree char *file = g_build_filename (g_get_user_cache_dir (), "not-a-folder", NULL);
  g_autofree char *dir = g_build_filename (file, "drafts", NULL);
  g_autoptr(MgDrafts) drafts = mg_drafts_new (dir);
  g_autoptr(MgDrafts) listed = mg_drafts_new (file);
  g_autoptr(MgDraft) draft = mg_draft_new ("file-x", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{}\n", 3);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  /* A folder below a regular file cannot exist, even for root. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  write_text (g_get_user_cache_dir (), "not-a-folder", "plain file");
  g_assert_false (mg_drafts_write (drafts, draft, bytes, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_clear_error (&error);

  list = mg_drafts_list (listed, &error);
  g_assert_null (list);
  g_assert_nonnull (error);
  g_assert_cmpint (g_remove (file), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/drafts/keys", test_keys);
  g_test_add_func ("/drafts/default-dir", test_default_dir);
  g_test_add_func ("/drafts/round-trip", test_round_trip);
  g_test_add_func ("/drafts/replace-and-order", test_replace_and_order);
  g_test_add_func ("/drafts/list-skips-junk", test_list_skips_junk);
  g_test_add_func ("/drafts/load-damaged", test_load_damaged);
  g_test_add_func ("/drafts/unwritable", test_unwritable);
  g_test_add_func ("/drafts/streamed", test_streamed);

  return g_test_run ();
}
