/* test-conflicts.c: settling a git merge's conflicts, without a display
 *
 * merged.json is what the merge driver made of base.json, ours.json and
 * theirs.json (in fixtures/conflicts): one conflict of every kind. Each
 * kind is settled in each of the four ways, checked in the data, undone
 * to the very bytes it started from and redone; settling them all saves a
 * dataset with no "conflicts" member that loads again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "mg-conflicts.h"
#include "mg-core.h"

typedef struct
{
  MgDataset *dataset;
  MgHistory *history;
  char      *bytes;   /* as loaded */
} Fixture;

static char *
to_bytes (MgDataset *dataset)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-conflicts-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "out.json", NULL);
  char *bytes = NULL;

  g_assert_no_error (error);
  g_assert_true (mg_dataset_save_file (dataset, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &bytes, NULL, &error));
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  return bytes;
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "conflicts", "merged.json", NULL);
  g_autoptr(GError) error = NULL;

  fx->dataset = mg_dataset_load_file (path, &error);
  g_assert_no_error (error);
  fx->history = mg_history_new (fx->dataset);
  fx->bytes = to_bytes (fx->dataset);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_clear_object (&fx->history);
  g_clear_object (&fx->dataset);
  g_free (fx->bytes);
}

static MgDocument *
doc (Fixture    *fx,
     const char *id)
{
  return mg_dataset_lookup_document (fx->dataset, id);
}

static MgAnnotation *
span (Fixture    *fx,
      const char *document,
      const char *id)
{
  return mg_annotation_store_lookup (mg_document_get_store (doc (fx, document)), id);
}

/* The id of the conflict of @kind in @document. */
static const char *
conflict_of (Fixture    *fx,
             const char *document,
             const char *kind)
{
  g_autoptr(GPtrArray) list = mg_document_list_conflicts (doc (fx, document));
  static char id[16];

  for (guint i = 0; i < list->len; i++)
    {
      MgConflict *c = g_ptr_array_index (list, i);

      if (g_str_equal (c->kind, kind))
        {
          g_strlcpy (id, c->id, sizeof id);
          return id;
        }
    }
  g_assert_not_reached ();
}

static void
resolve (Fixture      *fx,
         const char   *document,
         const char   *kind,
         MgResolution  how)
{
  g_autoptr(GError) error = NULL;
  guint before = mg_dataset_count_conflicts (fx->dataset);

  g_assert_true (mg_conflict_resolve (fx->history, doc (fx, document),
                                      conflict_of (fx, document, kind), how, &error));
  g_assert_no_error (error);
  if (doc (fx, document) != NULL)
    g_assert_cmpuint (mg_dataset_count_conflicts (fx->dataset), ==, before - 1);
}

/* One undo takes a resolution back to the bytes loaded; redo makes it. */
static void
assert_undo_redo (Fixture *fx)
{
  g_autofree char *after = to_bytes (fx->dataset);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  mg_history_undo (fx->history);
  undone = to_bytes (fx->dataset);
  g_assert_cmpstr (undone, ==, fx->bytes);
  g_assert_cmpuint (mg_dataset_count_conflicts (fx->dataset), ==, 6);
  mg_history_redo (fx->history);
  redone = to_bytes (fx->dataset);
  g_assert_cmpstr (redone, ==, after);
}

static void
test_list (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) port = mg_document_list_conflicts (doc (fx, "port"));
  MgConflict *c;

  g_assert_cmpuint (mg_dataset_count_conflicts (fx->dataset), ==, 6);
  g_assert_cmpuint (port->len, ==, 4);
  c = g_ptr_array_index (port, 3);
  g_assert_cmpstr (c->kind, ==, MG_CONFLICT_CHANGED_BOTH);
  g_assert_true (c->ours == span (fx, "port", "a1"));
  g_assert_true (c->theirs == span (fx, "port", "a5"));
  c = g_ptr_array_index (port, 0);
  g_assert_cmpstr (c->theirs_note, ==, "confirmed by the port");
}

static void
test_changed_both (Fixture       *fx,
                   gconstpointer  data)
{
  MgResolution how = GPOINTER_TO_INT (data);
  MgAnnotation *a1 = span (fx, "port", "a1");

  resolve (fx, "port", MG_CONFLICT_CHANGED_BOTH, how);
  g_assert_true ((span (fx, "port", "a1") != NULL) == (how != MG_RESOLUTION_DROP));
  g_assert_true ((span (fx, "port", "a5") != NULL) == (how == MG_RESOLUTION_BOTH));
  /* Taking theirs changes our span in place: its id stays. */
  g_assert_cmpstr (mg_annotation_get_label (a1), ==, how == MG_RESOLUTION_THEIRS ? "quote" : "claim");
  assert_undo_redo (fx);
}

static void
test_deleted_on_one_side (Fixture       *fx,
                          gconstpointer  data)
{
  MgResolution how = GPOINTER_TO_INT (data);
  gboolean theirs_kept = how == MG_RESOLUTION_THEIRS || how == MG_RESOLUTION_BOTH;
  gboolean ours_kept = how == MG_RESOLUTION_MINE || how == MG_RESOLUTION_BOTH;

  /* We deleted a2 and they changed it; they deleted a3 and we changed it. */
  resolve (fx, "port", MG_CONFLICT_DELETED_CHANGED, how);
  g_assert_true ((span (fx, "port", "a2") != NULL) == theirs_kept);
  assert_undo_redo (fx);
  resolve (fx, "port", MG_CONFLICT_CHANGED_DELETED, how);
  g_assert_true ((span (fx, "port", "a3") != NULL) == ours_kept);
}

static void
test_note_both (Fixture       *fx,
                gconstpointer  data)
{
  MgResolution how = GPOINTER_TO_INT (data);
  const char *want[] = { NULL, "check the rate", "confirmed by the port",
                         "check the rate\nconfirmed by the port", "" };

  resolve (fx, "port", MG_CONFLICT_NOTE_BOTH, how);
  g_assert_cmpstr (mg_annotation_get_note (span (fx, "port", "a4")), ==, want[how]);
  assert_undo_redo (fx);
}

static void
test_document (Fixture       *fx,
               gconstpointer  data)
{
  MgResolution how = GPOINTER_TO_INT (data);

  /* We deleted budget, they changed it; we changed storm, they deleted it. */
  resolve (fx, "budget", MG_CONFLICT_DOCUMENT_DELETED_CHANGED, how);
  g_assert_true ((doc (fx, "budget") != NULL) == (how == MG_RESOLUTION_THEIRS || how == MG_RESOLUTION_BOTH));
  assert_undo_redo (fx);
  resolve (fx, "storm", MG_CONFLICT_DOCUMENT_CHANGED_DELETED, how);
  g_assert_true ((doc (fx, "storm") != NULL) == (how == MG_RESOLUTION_MINE || how == MG_RESOLUTION_BOTH));
}

/* Everything settled: no "conflicts" member is written, and the file
 * loads again. */
static void
test_all (Fixture       *fx,
          gconstpointer  data)
{
  g_autofree char *bytes = NULL;
  g_autoptr(MgDataset) again = NULL;
  g_autoptr(GError) error = NULL;

  resolve (fx, "port", MG_CONFLICT_CHANGED_BOTH, MG_RESOLUTION_THEIRS);
  resolve (fx, "port", MG_CONFLICT_DELETED_CHANGED, MG_RESOLUTION_MINE);
  resolve (fx, "port", MG_CONFLICT_CHANGED_DELETED, MG_RESOLUTION_BOTH);
  resolve (fx, "port", MG_CONFLICT_NOTE_BOTH, MG_RESOLUTION_DROP);
  resolve (fx, "budget", MG_CONFLICT_DOCUMENT_DELETED_CHANGED, MG_RESOLUTION_THEIRS);
  resolve (fx, "storm", MG_CONFLICT_DOCUMENT_CHANGED_DELETED, MG_RESOLUTION_MINE);
  g_assert_cmpuint (mg_dataset_count_conflicts (fx->dataset), ==, 0);
  bytes = to_bytes (fx->dataset);
  g_assert_null (strstr (bytes, "\"conflicts\""));
  again = mg_dataset_load_data (bytes, strlen (bytes), "out.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mg_dataset_get_n_documents (again), ==, 3);

  /* An unknown id is refused and changes nothing. */
  g_assert_false (mg_conflict_resolve (fx->history, doc (fx, "port"), "c9", MG_RESOLUTION_MINE, &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  const char *names[] = { NULL, "mine", "theirs", "both", "drop" };

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/conflicts/list", Fixture, NULL, fixture_setup, test_list, fixture_teardown);
  for (MgResolution how = MG_RESOLUTION_MINE; how <= MG_RESOLUTION_DROP; how++)
    {
      g_autofree char *a = g_strdup_printf ("/conflicts/changed-both/%s", names[how]);
      g_autofree char *b = g_strdup_printf ("/conflicts/deleted-on-one-side/%s", names[how]);
      g_autofree char *c = g_strdup_printf ("/conflicts/note-both/%s", names[how]);
      g_autofree char *d = g_strdup_printf ("/conflicts/document/%s", names[how]);

      g_test_add (a, Fixture, GINT_TO_POINTER (how), fixture_setup, test_changed_both, fixture_teardown);
      g_test_add (b, Fixture, GINT_TO_POINTER (how), fixture_setup, test_deleted_on_one_side, fixture_teardown);
      g_test_add (c, Fixture, GINT_TO_POINTER (how), fixture_setup, test_note_both, fixture_teardown);
      g_test_add (d, Fixture, GINT_TO_POINTER (how), fixture_setup, test_document, fixture_teardown);
    }
  g_test_add ("/conflicts/all", Fixture, NULL, fixture_setup, test_all, fixture_teardown);

  return g_test_run ();
}
