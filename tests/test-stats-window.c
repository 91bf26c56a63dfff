/* test-stats-window.c: the statistics window counts what the model holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mg-stats-window.h"
#include "mg-stats-window-private.h"
#include "mg-suggest-record.h"
#include "mg-test-gui.h"

/* @proposed: the label a suggestion proposed, or NULL for a span tagged
 * by hand */
static void
add_suggested (MgDocument *document,
               const char *label,
               guint       start,
               guint       end,
               const char *proposed)
{
  MgAnnotationStore *store = mg_document_get_store (document);
  g_autofree char *id = mg_annotation_store_next_id (store);
  g_autoptr(MgAnnotation) annotation = mg_annotation_new (id, label, start, end);
  g_autoptr(GError) error = NULL;

  if (proposed != NULL)
    mg_suggest_set_origin (annotation, "test-rule", proposed);

  mg_annotation_store_add (store, annotation, &error);
  g_assert_no_error (error);
}

static void
add_annotation (MgDocument *document,
                const char *label,
                guint       start,
                guint       end)
{
  add_suggested (document, label, start, end, NULL);
}

/* Two documents: the first with quote ×2, actor ×1, figure ×1 and a note;
 * the second with none. */
static MgDataset *
create_dataset (void)
{
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();
  MgDataset *dataset = mg_dataset_new_with_labels (labels);
  g_autoptr(MgDocument) first = mg_document_new ("first", "Zoë Fährmann said “€4.2 million” was 37 percent.", -1);
  g_autoptr(MgDocument) second = mg_document_new ("second", "Nothing tagged here.", -1);
  MgAnnotationStore *store = mg_document_get_store (first);

  mg_document_set_title (first, "First");
  add_annotation (first, "actor", 0, 12);
  add_annotation (first, "quote", 18, 30);
  add_annotation (first, "quote", 13, 17);
  add_annotation (first, "figure", 35, 45);
  mg_annotation_store_set_note (store, mg_annotation_store_get_annotation (store, 0), "The reporter");
  g_assert_true (mg_dataset_add_document (dataset, first));
  g_assert_true (mg_dataset_add_document (dataset, second));

  return dataset;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  return mg_test_find_widget (widget, GTK_TYPE_WIDGET, name);
}

/* The figures are labels named after what they count; the per-label counts
 * are named after the label id, once on each page. */
static const char *
figure (GtkWidget  *window,
        const char *name)
{
  GtkWidget *label = find_named (window, name);

  g_assert_nonnull (label);
  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_count_document (void)
{
  g_autoptr(MgDataset) dataset = create_dataset ();
  MgLabelSet *labels = mg_dataset_get_labels (dataset);
  guint counts[4] = { 0, };
  guint total;

  total = _mg_stats_count_document (labels, mg_dataset_get_document (dataset, 0), counts);
  g_assert_cmpuint (total, ==, 4);
  g_assert_cmpuint (counts[mg_label_set_index_of (labels, "quote")], ==, 2);
  g_assert_cmpuint (counts[mg_label_set_index_of (labels, "actor")], ==, 1);
  g_assert_cmpuint (counts[mg_label_set_index_of (labels, "claim")], ==, 0);
  g_assert_cmpuint (counts[mg_label_set_index_of (labels, "figure")], ==, 1);

  /* Counts add up across documents rather than start again. */
  total = _mg_stats_count_document (labels, mg_dataset_get_document (dataset, 0), counts);
  g_assert_cmpuint (total, ==, 4);
  g_assert_cmpuint (counts[mg_label_set_index_of (labels, "quote")], ==, 4);
}

static gboolean
shows_five_annotations (gpointer window)
{
  return g_strcmp0 (figure (window, "document-annotations"), "5") == 0;
}

static void
test_window_figures (void)
{
  g_autoptr(MgDataset) dataset = NULL;
  MgDocument *first;
  GtkWidget *window;

  MG_TEST_REQUIRE_DISPLAY ();
  dataset = create_dataset ();
  first = mg_dataset_get_document (dataset, 0);
  window = mg_stats_window_new (NULL, dataset, first);
  g_object_ref_sink (window);

  g_assert_cmpstr (figure (window, "document-annotations"), ==, "4");
  g_assert_cmpstr (figure (window, "document-notes"), ==, "1");
  g_assert_cmpstr (figure (window, "document-length"), ==, "48");
  g_assert_cmpstr (figure (window, "dataset-documents"), ==, "2");
  g_assert_cmpstr (figure (window, "dataset-annotations"), ==, "4");
  g_assert_cmpstr (figure (window, "dataset-mean"), ==, "2.0");
  g_assert_cmpstr (figure (window, "dataset-most"), ==, "4");
  g_assert_cmpstr (figure (window, "dataset-untouched"), ==, "1");
  g_assert_cmpstr (figure (window, "quote"), ==, "2");
  g_assert_cmpstr (figure (window, "claim"), ==, "0");
  g_assert_cmpstr (figure (window, "document:first"), ==, "4");
  g_assert_cmpstr (figure (window, "document:second"), ==, "0");
  g_assert_cmpstr (figure (window, "dataset-status-to-do"), ==, "2");
  g_assert_cmpstr (figure (window, "dataset-status-done"), ==, "0");
  /* No suggestion was ever made here: no figures about them. */
  g_assert_null (find_named (window, "suggestions-rejected"));

  /* An edit of the document shows once the main loop is idle. */
  add_annotation (first, "claim", 0, 48);
  g_assert_cmpstr (figure (window, "document-annotations"), ==, "4");
  g_assert_true (mg_test_spin_until (shows_five_annotations, window, 5000));
  g_assert_cmpstr (figure (window, "claim"), ==, "1");
  g_assert_cmpstr (figure (window, "dataset-annotations"), ==, "5");
  g_assert_cmpstr (figure (window, "dataset-mean"), ==, "2.5");
  g_assert_cmpstr (figure (window, "document:first"), ==, "5");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

typedef struct
{
  GtkWidget  *window;
  const char *name;
  const char *value;   /* NULL: no such figure */
} Wait;

static gboolean
shows (gpointer data)
{
  Wait *w = data;
  GtkWidget *label = find_named (w->window, w->name);

  if (w->value == NULL)
    return label == NULL;
  return label != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), w->value) == 0;
}

static void
wait_for (GtkWidget  *window,
          const char *name,
          const char *value)
{
  Wait w = { window, name, value };

  g_assert_true (mg_test_spin_until (shows, &w, 5000));
}

/* Spans that began as suggestions, per label they have now, and the
 * suggestions rejected; statuses; and what only the history tells (a
 * rejection, a status, the scheme's labels) followed while open. */
static void
test_window_suggestions_and_labels (void)
{
  g_autoptr(MgDataset) dataset = NULL;
  g_autoptr(MgHistory) history = NULL;
  g_autoptr(MgLabelSet) after = mg_label_set_new ();
  g_autoptr(MgLabel) cue = mg_label_new ("cue", "Cue", "#E69F00", "5");
  MgSuggestion rejected = { "figure", 0, 4, "test-rule", -1 };
  MgLabelSet *before;
  MgDocument *first, *second;
  GtkWidget *window;

  MG_TEST_REQUIRE_DISPLAY ();
  dataset = create_dataset ();
  history = mg_history_new (dataset);
  first = mg_dataset_get_document (dataset, 0);
  second = mg_dataset_get_document (dataset, 1);
  add_suggested (second, "actor", 0, 7, "actor");
  add_suggested (second, "quote", 8, 14, "claim");
  add_suggested (first, "quote", 31, 33, "quote");

  window = mg_stats_window_new (NULL, dataset, first);
  g_object_ref_sink (window);
  mg_stats_window_follow_history (MG_STATS_WINDOW (window), history);

  g_assert_cmpstr (figure (window, "suggested:actor"), ==, "1");
  g_assert_cmpstr (figure (window, "suggested:quote"), ==, "2");
  g_assert_null (find_named (window, "suggested:claim"));
  g_assert_cmpstr (figure (window, "suggestions-relabelled"), ==, "1");
  g_assert_cmpstr (figure (window, "suggestions-rejected"), ==, "0");

  /* A rejection and a status are no edit of the document's spans. */
  mg_suggest_reject (history, second, &rejected);
  wait_for (window, "suggestions-rejected", "1");
  g_assert_true (mg_document_status_set (history, second, MG_DOCUMENT_STATUS_DONE));
  wait_for (window, "dataset-status-done", "1");
  g_assert_cmpstr (figure (window, "dataset-status-to-do"), ==, "1");

  /* The scheme loses claim and gains cue while the window is open. */
  before = mg_dataset_get_labels (dataset);
  for (guint i = 0; i < mg_label_set_get_n_labels (before); i++)
    if (g_strcmp0 (mg_label_get_id (mg_label_set_get_label (before, i)), "claim") != 0)
      g_assert_true (mg_label_set_add (after, mg_label_set_get_label (before, i)));
  g_assert_true (mg_label_set_add (after, cue));
  mg_history_set_labels (history, after);
  wait_for (window, "cue", "0");
  g_assert_null (find_named (window, "claim"));

  /* And back, on undo. */
  mg_history_undo (history);
  wait_for (window, "cue", NULL);
  g_assert_cmpstr (figure (window, "claim"), ==, "0");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static GtkWidget *
stats_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (MG_IS_STATS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* Opened from the main window, Statistics follows that window's history:
 * a status set there shows without any edit of a span. */
static void
test_window_action (void)
{
  g_autoptr(MgDataset) dataset = NULL;
  MgWindow *window;
  GtkWidget *stats;

  MG_TEST_REQUIRE_DISPLAY ();
  dataset = create_dataset ();
  window = mg_test_open_window (dataset, NULL);
  mg_test_activate (window, "win.statistics", NULL);
  stats = stats_window ();
  g_assert_nonnull (stats);
  g_assert_cmpstr (figure (stats, "dataset-status-skipped"), ==, "0");
  g_assert_true (mg_document_status_set (mg_window_get_history (window),
                                         mg_dataset_get_document (dataset, 1),
                                         MG_DOCUMENT_STATUS_SKIPPED));
  wait_for (stats, "dataset-status-skipped", "1");
  gtk_window_destroy (GTK_WINDOW (stats));
  mg_test_close_window (window);
}

static void
test_window_without_document (void)
{
  g_autoptr(MgDataset) dataset = NULL;
  GtkWidget *window;

  MG_TEST_REQUIRE_DISPLAY ();
  dataset = mg_dataset_new ();
  window = mg_stats_window_new (NULL, dataset, NULL);
  g_object_ref_sink (window);
  g_assert_cmpstr (figure (window, "dataset-documents"), ==, "0");
  g_assert_cmpstr (figure (window, "dataset-mean"), ==, "0.0");
  g_assert_null (find_named (window, "document-annotations"));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  mg_test_init_display ();

  g_test_add_func ("/stats/count-document", test_count_document);
  g_test_add_func ("/stats/window-figures", test_window_figures);
  g_test_add_func ("/stats/window-without-document", test_window_without_document);
  g_test_add_func ("/stats/window-suggestions-and-labels", test_window_suggestions_and_labels);
  g_test_add_func ("/stats/window-action", test_window_action);

  return g_test_run ();
}
