/* test-document-status.c: where each document of a corpus stands
 *
 * The status is a document member written only when it is not to do; it
 * is set through the history, so undo takes it back; the first edit of a
 * document to do marks it in progress in the same undo step; and the
 * reader refuses a value it does not know, naming the file and document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mg-core.h"

#define TEXT "Minister Ayşe Kaya said the budget would grow by 4% in 2027."

static MgDataset *
make_dataset (guint n)
{
  MgDataset *dataset = mg_dataset_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("doc-%u", i + 1);
      g_autoptr(MgDocument) doc = mg_document_new (id, TEXT, -1);

      g_assert_true (mg_dataset_add_document (dataset, doc));
    }
  return dataset;
}

static char *
to_string (MgDataset *dataset)
{
  g_autoptr(GBytes) bytes = mg_dataset_to_bytes (dataset);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_names (void)
{
  MgDocumentStatus status = MG_DOCUMENT_STATUS_DONE;

  for (guint i = 0; i < MG_DOCUMENT_N_STATUSES; i++)
    {
      g_assert_true (mg_document_status_parse (mg_document_status_to_string (i), &status));
      g_assert_cmpuint (status, ==, i);
    }
  g_assert_cmpstr (mg_document_status_to_string (MG_DOCUMENT_STATUS_IN_PROGRESS), ==, "in-progress");
  g_assert_false (mg_document_status_parse ("finished", NULL));
  g_assert_false (mg_document_status_parse ("Done", NULL));
  g_assert_false (mg_document_status_parse (NULL, NULL));
  g_assert_true (mg_document_status_is_finished (MG_DOCUMENT_STATUS_DONE));
  g_assert_true (mg_document_status_is_finished (MG_DOCUMENT_STATUS_SKIPPED));
  g_assert_false (mg_document_status_is_finished (MG_DOCUMENT_STATUS_IN_PROGRESS));
  g_assert_false (mg_document_status_is_finished (MG_DOCUMENT_STATUS_TO_DO));
}

/* Set, counted, undone and redone; other unknown members stay. */
static void
test_set_undo (void)
{
  g_autoptr(MgDataset) dataset = make_dataset (3);
  g_autoptr(MgHistory) history = mg_history_new (dataset);
  MgDocument *doc = mg_dataset_get_document (dataset, 1);
  g_autoptr(JsonObject) extra = json_object_new ();
  guint counts[MG_DOCUMENT_N_STATUSES];

  json_object_set_string_member (extra, "x_review", "kept");
  mg_document_set_extra (doc, extra);

  g_assert_cmpint (mg_document_status_get (doc), ==, MG_DOCUMENT_STATUS_TO_DO);
  g_assert_true (mg_document_status_set (history, doc, MG_DOCUMENT_STATUS_DONE));
  g_assert_false (mg_document_status_set (history, doc, MG_DOCUMENT_STATUS_DONE));
  g_assert_cmpint (mg_document_status_get (doc), ==, MG_DOCUMENT_STATUS_DONE);
  g_assert_cmpstr (json_object_get_string_member (mg_document_get_extra (doc), "x_review"), ==, "kept");
  g_assert_true (mg_document_status_set (history, mg_dataset_get_document (dataset, 2),
                                         MG_DOCUMENT_STATUS_SKIPPED));

  mg_document_status_count (dataset, counts);
  g_assert_cmpuint (counts[MG_DOCUMENT_STATUS_TO_DO], ==, 1);
  g_assert_cmpuint (counts[MG_DOCUMENT_STATUS_IN_PROGRESS], ==, 0);
  g_assert_cmpuint (counts[MG_DOCUMENT_STATUS_DONE], ==, 1);
  g_assert_cmpuint (counts[MG_DOCUMENT_STATUS_SKIPPED], ==, 1);

  g_assert_true (mg_history_undo (history) == mg_dataset_get_document (dataset, 2));
  g_assert_true (mg_history_undo (history) == doc);
  g_assert_cmpint (mg_document_status_get (doc), ==, MG_DOCUMENT_STATUS_TO_DO);
  g_assert_false (json_object_has_member (mg_document_get_extra (doc), "status"));
  g_assert_cmpstr (json_object_get_string_member (mg_document_get_extra (doc), "x_review"), ==, "kept");
  mg_document_status_count (dataset, counts);
  g_assert_cmpuint (counts[MG_DOCUMENT_STATUS_TO_DO], ==, 3);

  g_assert_true (mg_history_redo (history) == doc);
  g_assert_cmpint (mg_document_status_get (doc), ==, MG_DOCUMENT_STATUS_DONE);

  /* Back to do: the member goes, and with nothing else unknown, the
   * document has no unknown members at all, as before it was set. */
  g_assert_true (mg_document_status_set (history, mg_dataset_get_document (dataset, 0),
                                         MG_DOCUMENT_STATUS_IN_PROGRESS));
  g_assert_true (mg_document_status_set (history, mg_dataset_get_document (dataset, 0),
                                         MG_DOCUMENT_STATUS_TO_DO));
  g_assert_null (mg_document_get_extra (mg_dataset_get_document (dataset, 0)));
}

static void
add_quote (MgHistory  *history,
           MgDocument *doc)
{
  g_autoptr(MgAnnotation) a = mg_annotation_new (NULL, "quote", 19, 59);

  g_assert_true (mg_history_add_annotation (history, doc, a, NULL));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* The first edit of a document to do marks it in progress, one undo step
 * with the edit; a done document stays done; off unless asked for. */
static void
test_first_edit (void)
{
  g_autoptr(MgDataset) dataset = make_dataset (2);
  g_autoptr(MgHistory) history = mg_history_new (dataset);
  MgDocument *doc = mg_dataset_get_document (dataset, 0);
  MgDocument *other = mg_dataset_get_document (dataset, 1);
  MgAnnotationStore *store = mg_document_get_store (doc);
  g_autofree char *before = to_string (dataset);
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  guint notified = 0;

  add_quote (history, doc);
  g_assert_cmpint (mg_document_status_get (doc), ==, MG_DOCUMENT_STATUS_TO_DO);
  mg_history_undo (history);

  mg_history_set_start_documents (history, TRUE);
  g_signal_connect (doc, "notify::extra", G_CALLBACK (count_notify), &notified);

  add_quote (history, doc);
  g_assert_cmpint (mg_document_status_get (doc), ==, MG_DOCUMENT_STATUS_IN_PROGRESS);
  g_assert_cmpuint (notified, ==, 1);
  after = to_string (dataset);
  g_assert_nonnull (strstr (after, "\"status\": \"in-progress\""));

  /* One step: undo takes back the span and the status together. */
  g_assert_true (mg_history_undo (history) == doc);
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 0);
  g_assert_cmpint (mg_document_status_get (doc), ==, MG_DOCUMENT_STATUS_TO_DO);
  again = to_string (dataset);
  g_assert_cmpstr (again, ==, before);
  g_assert_false (mg_history_can_undo (history));
  mg_history_redo (history);
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 1);
  g_assert_cmpint (mg_document_status_get (doc), ==, MG_DOCUMENT_STATUS_IN_PROGRESS);

  /* A later edit of a document already started records no status. */
  mg_history_set_note (history, doc, mg_annotation_store_get_annotation (store, 0), "a");
  mg_history_undo (history);
  g_assert_cmpint (mg_document_status_get (doc), ==, MG_DOCUMENT_STATUS_IN_PROGRESS);

  /* Done stays done, whatever is edited after. */
  g_assert_true (mg_document_status_set (history, other, MG_DOCUMENT_STATUS_DONE));
  add_quote (history, other);
  g_assert_cmpint (mg_document_status_get (other), ==, MG_DOCUMENT_STATUS_DONE);

  /* A note typed key by key is one step, and its status goes with it. */
  mg_history_undo (history);
  mg_history_undo (history);
  mg_history_undo (history);
  g_assert_cmpint (mg_document_status_get (doc), ==, MG_DOCUMENT_STATUS_TO_DO);
  {
    g_autoptr(MgAnnotation) a = mg_annotation_new ("n1", "actor", 9, 18);

    g_assert_true (mg_annotation_store_add (store, a, NULL));
    mg_history_set_note (history, doc, a, "M");
    mg_history_set_note (history, doc, a, "Mi");
    mg_history_set_note (history, doc, a, "Min");
    g_assert_cmpint (mg_document_status_get (doc), ==, MG_DOCUMENT_STATUS_IN_PROGRESS);
    mg_history_undo (history);
    g_assert_cmpstr (mg_annotation_get_note (a), ==, "");
    g_assert_cmpint (mg_document_status_get (doc), ==, MG_DOCUMENT_STATUS_TO_DO);
  }
}

/* The member is written among the unknown ones, sorted, and read back. */
static void
test_file (void)
{
  g_autoptr(MgDataset) dataset = make_dataset (2);
  g_autoptr(MgHistory) history = mg_history_new (dataset);
  g_autoptr(MgDataset) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  g_autofree char *plain = to_string (dataset);

  g_assert_null (strstr (plain, "\"status\""));
  mg_document_status_set (history, mg_dataset_get_document (dataset, 1), MG_DOCUMENT_STATUS_SKIPPED);
  text = to_string (dataset);
  g_assert_nonnull (strstr (text, "\"status\": \"skipped\""));

  loaded = mg_dataset_load_data (text, strlen (text), "corpus.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mg_document_status_get (mg_dataset_get_document (loaded, 0)), ==,
                   MG_DOCUMENT_STATUS_TO_DO);
  g_assert_cmpint (mg_document_status_get (mg_dataset_get_document (loaded, 1)), ==,
                   MG_DOCUMENT_STATUS_SKIPPED);
  text_again = to_string (loaded);
  g_assert_cmpstr (text_again, ==, text);
}

static void
check_refused (const char *text,
               const char *value)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MgDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;

  dataset = mg_dataset_validate_data (text, strlen (text), "corpus.json", problems);
  g_assert_cmpuint (problems->len, ==, 1);
  line = g_ptr_array_index (problems, 0);
  g_assert_true (g_str_has_prefix (line, "corpus.json: document “doc-2”: "));
  g_assert_nonnull (strstr (line, "“status”"));
  g_assert_nonnull (strstr (line, value));
  g_assert_null (strchr (line, '\n'));

  g_clear_object (&dataset);
  dataset = mg_dataset_load_data (text, strlen (text), "corpus.json", &error);
  g_assert_null (dataset);
  g_assert_nonnull (error);
}

/* An unknown value is one line naming the file and the document. */
static void
test_refused (void)
{
  g_autoptr(MgDataset) dataset = make_dataset (2);
  g_autoptr(MgHistory) history = mg_history_new (dataset);
  g_autofree char *text = NULL;
  g_autoptr(GString) bad = NULL;

  mg_document_status_set (history, mg_dataset_get_document (dataset, 1), MG_DOCUMENT_STATUS_DONE);
  text = to_string (dataset);

  bad = g_string_new (text);
  g_string_replace (bad, "\"status\": \"done\"", "\"status\": \"finished\"", 1);
  check_refused (bad->str, "finished");

  g_string_assign (bad, text);
  g_string_replace (bad, "\"status\": \"done\"", "\"status\": \"to-do\"", 1);
  check_refused (bad->str, "to-do");

  g_string_assign (bad, text);
  g_string_replace (bad, "\"status\": \"done\"", "\"status\": 3", 1);
  check_refused (bad->str, "string");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document-status/names", test_names);
  g_test_add_func ("/document-status/set-undo", test_set_undo);
  g_test_add_func ("/document-status/first-edit", test_first_edit);
  g_test_add_func ("/document-status/file", test_file);
  g_test_add_func ("/document-status/refused", test_refused);

  return g_test_run ();
}
