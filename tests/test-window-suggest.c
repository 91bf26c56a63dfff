/* test-window-suggest.c: suggestions in the real window: the switch, the
 * walk, accepting and rejecting as steps of the history, and drawing only
 * what is on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mg-suggest-record.h"
#include "mg-test-gui.h"

/* Suggestions, by start: the quote, its speaker, "12%" and "2025". */
#define TEXT "Harbour fees rise\n\n" \
             "“We will raise the fees,” said Jan de Vries, the harbour master. " \
             "Fees rose by 12% in 2025.\n"

static MgDataset *
make_dataset (gboolean    enabled,
              const char *second_text)
{
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();
  MgDataset *dataset = mg_dataset_new_with_labels (labels);
  g_autoptr(MgDocument) doc = mg_document_new ("harbour", TEXT, -1);

  mg_dataset_add_document (dataset, doc);
  if (second_text != NULL)
    {
      g_autoptr(MgDocument) second = mg_document_new ("second", second_text, -1);

      mg_dataset_add_document (dataset, second);
    }
  mg_suggest_dataset_set_enabled (dataset, enabled);
  return dataset;
}

static gboolean
computed (gpointer data)
{
  return _mg_window_suggest_get_marks (data) != NULL;
}

static MgSuggestionMarks *
wait_marks (MgWindow *window)
{
  g_assert_true (mg_test_spin_until (computed, window, 10000));
  return _mg_window_suggest_get_marks (window);
}

/* The text of the current suggestion, or NULL. */
static char *
current_text (MgWindow *window)
{
  MgSuggestionMarks *marks = _mg_window_suggest_get_marks (window);
  const MgSuggestion *s;
  int current;

  if (marks == NULL || (current = mg_suggestion_marks_get_current (marks)) < 0)
    return NULL;
  s = mg_suggestions_get_span (mg_suggestion_marks_get_suggestions (marks),
                               mg_suggestion_marks_get_shown (marks, (guint) current));
  return mg_document_substring (mg_window_get_document (window), s->start, s->end);
}

static void
test_switch (void)
{
  g_autoptr(MgDataset) dataset = make_dataset (FALSE, NULL);
  g_autoptr(GVariant) state = NULL;
  MgWindow *window;
  MgSuggestionMarks *marks;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_test_open_window (dataset, NULL);
  mg_test_spin_for (200);
  /* Off by default: nothing computed, nothing drawn. */
  g_assert_null (_mg_window_suggest_get_marks (window));
  g_assert_false (mg_session_get_modified (mg_window_get_session (window)));

  mg_test_activate (window, "win.suggestions", NULL);
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "suggestions");
  g_assert_true (g_variant_get_boolean (state));
  g_assert_true (mg_suggest_dataset_get_enabled (mg_window_get_dataset (window)));
  g_assert_true (mg_session_get_modified (mg_window_get_session (window)));
  marks = wait_marks (window);
  g_assert_cmpuint (mg_suggestion_marks_get_n_shown (marks), ==, 4);
  g_assert_cmpint (mg_suggestion_marks_get_current (marks), ==, -1);
  /* Suggestions are never data until accepted. */
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (mg_test_store_of (window)), ==, 0);

  mg_test_activate (window, "win.suggestions", NULL);
  g_assert_false (mg_suggest_dataset_get_enabled (mg_window_get_dataset (window)));
  g_assert_null (mg_dataset_get_extra (mg_window_get_dataset (window)));
  g_assert_null (_mg_window_suggest_get_marks (window));

  mg_test_close_window (window);
}

static void
test_walk_accept_reject (void)
{
  g_autoptr(MgDataset) dataset = make_dataset (TRUE, NULL);
  MgAnnotationStore *store;
  MgAnnotation *actor, *quote, *claim;
  MgWindow *window;
  MgSuggestionMarks *marks;
  const char *rule, *label;
  char *text;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_test_open_window (dataset, NULL);
  store = mg_test_store_of (window);
  marks = wait_marks (window);
  g_assert_cmpuint (mg_suggestion_marks_get_n_shown (marks), ==, 4);

  /* From the caret at the start: the quote, then its speaker. */
  mg_test_activate (window, "win.suggestion-next", NULL);
  g_assert_cmpstr ((text = current_text (window)), ==, "“We will raise the fees,”");
  g_free (text);
  mg_test_activate (window, "win.suggestion-next", NULL);
  g_assert_cmpstr ((text = current_text (window)), ==, "Jan de Vries");
  g_free (text);

  /* Escape leaves it; N comes back to the first after the caret. */
  mg_test_activate (window, "win.suggestion-leave", NULL);
  g_assert_null (current_text (window));
  mg_test_activate (window, "win.suggestion-next", NULL);
  mg_test_activate (window, "win.suggestion-next", NULL);
  g_assert_cmpstr ((text = current_text (window)), ==, "Jan de Vries");
  g_free (text);

  /* Accepted, the next one is current. */
  mg_test_activate (window, "win.suggestion-accept", NULL);
  actor = mg_annotation_store_find (store, "actor", mg_test_offset_of (mg_window_get_document (window), "Jan"),
                                    mg_test_offset_of (mg_window_get_document (window), ", the harbour"));
  g_assert_nonnull (actor);
  g_assert_true (mg_suggest_get_origin (actor, &rule, &label));
  g_assert_cmpstr (label, ==, "actor");
  g_assert_cmpstr ((text = current_text (window)), ==, "12%");
  g_free (text);
  g_assert_cmpuint (mg_suggestion_marks_get_n_shown (_mg_window_suggest_get_marks (window)), ==, 3);

  /* Selecting a span leaves the suggestion; walking to one unselects the
   * span, so Enter and the labels' keys have one target. */
  mg_article_view_set_selected (window->article_view, actor);
  g_assert_null (current_text (window));
  mg_test_activate (window, "win.suggestion-next", NULL);
  g_assert_null (mg_article_view_get_selected (window->article_view));
  g_assert_cmpstr ((text = current_text (window)), ==, "“We will raise the fees,”");
  g_free (text);
  mg_test_activate (window, "win.suggestion-next", NULL);

  /* Back to the quote: accepted, it is attributed to its speaker, in one
   * step. */
  mg_test_activate (window, "win.suggestion-previous", NULL);
  g_assert_cmpstr ((text = current_text (window)), ==, "“We will raise the fees,”");
  g_free (text);
  mg_test_activate (window, "win.suggestion-accept", NULL);
  quote = mg_test_find (window, "quote", "“We will raise the fees,”");
  g_assert_nonnull (quote);
  g_assert_true (mg_annotation_store_attributed_to (store, quote) == actor);
  mg_test_activate (window, "win.undo", NULL);
  g_assert_null (mg_test_find (window, "quote", "“We will raise the fees,”"));
  g_assert_cmpuint (mg_annotation_store_get_n_relations (store), ==, 0);
  g_assert_cmpuint (mg_suggestion_marks_get_n_shown (_mg_window_suggest_get_marks (window)), ==, 3);
  mg_test_activate (window, "win.redo", NULL);
  g_assert_cmpuint (mg_annotation_store_get_n_relations (store), ==, 1);
  g_assert_cmpuint (mg_suggestion_marks_get_n_shown (_mg_window_suggest_get_marks (window)), ==, 2);

  /* A label's key accepts under that label: 3 is claim. */
  g_assert_cmpstr ((text = current_text (window)), ==, "12%");
  g_free (text);
  mg_test_activate (window, "win.suggestion-accept-key", "3");
  claim = mg_test_find (window, "claim", "12%");
  g_assert_nonnull (claim);
  g_assert_true (mg_suggest_get_origin (claim, &rule, &label));
  g_assert_cmpstr (label, ==, "figure");

  /* Rejected: recorded in the document, never shown again, undoable. */
  g_assert_cmpstr ((text = current_text (window)), ==, "2025");
  g_free (text);
  mg_test_activate (window, "win.suggestion-reject", NULL);
  g_assert_cmpuint (mg_suggest_count_rejected (mg_window_get_document (window)), ==, 1);
  g_assert_cmpuint (mg_suggestion_marks_get_n_shown (_mg_window_suggest_get_marks (window)), ==, 0);
  g_assert_null (current_text (window));
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 3);
  mg_test_activate (window, "win.undo", NULL);
  g_assert_cmpuint (mg_suggest_count_rejected (mg_window_get_document (window)), ==, 0);
  g_assert_cmpuint (mg_suggestion_marks_get_n_shown (_mg_window_suggest_get_marks (window)), ==, 1);

  mg_test_close_window (window);
}

static void
test_accept_all (void)
{
  g_autoptr(MgDataset) dataset = make_dataset (TRUE, NULL);
  MgAnnotationStore *store;
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_test_open_window (dataset, NULL);
  store = mg_test_store_of (window);
  wait_marks (window);

  /* Nothing current: nothing to accept. */
  mg_test_activate (window, "win.suggestion-accept-all", NULL);
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 0);

  mg_test_activate (window, "win.suggestion-previous", NULL);
  mg_test_activate (window, "win.suggestion-accept-all", NULL);
  g_assert_nonnull (mg_test_find (window, "figure", "12%"));
  g_assert_nonnull (mg_test_find (window, "figure", "2025"));
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 2);
  /* One step. */
  mg_test_activate (window, "win.undo", NULL);
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 0);

  mg_test_close_window (window);
}

static void
test_existing_hidden (void)
{
  g_autoptr(MgDataset) dataset = make_dataset (TRUE, NULL);
  MgDocument *doc = mg_dataset_get_document (dataset, 0);
  guint start = mg_test_offset_of (doc, "Jan de Vries");
  g_autoptr(MgAnnotation) hand = mg_annotation_new (NULL, "actor", start, start + 12);
  g_autoptr(MgAnnotation) wider = mg_annotation_new (NULL, "figure", mg_test_offset_of (doc, "by 12%"),
                                                     mg_test_offset_of (doc, " in 2025"));
  MgSuggestionMarks *marks;
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();

  g_assert_true (mg_annotation_store_add (mg_document_get_store (doc), hand, NULL));
  g_assert_true (mg_annotation_store_add (mg_document_get_store (doc), wider, NULL));
  window = mg_test_open_window (dataset, NULL);
  marks = wait_marks (window);
  /* The actor is a span already, and "12%" lies inside the figure "by
   * 12%": a second outline over words coded already is not shown. */
  g_assert_cmpuint (mg_suggestion_marks_get_n_shown (marks), ==, 2);
  /* Its quote, accepted, is attributed to the actor coded by hand. */
  mg_test_activate (window, "win.suggestion-next", NULL);
  mg_test_activate (window, "win.suggestion-accept", NULL);
  g_assert_true (mg_annotation_store_attributed_to (mg_document_get_store (doc),
                                                    mg_test_find (window, "quote", "“We will raise the fees,”")) == hand);

  mg_test_close_window (window);
}

static void
test_document_switch (void)
{
  g_autoptr(MgDataset) dataset = make_dataset (TRUE, "Prices rose 4% in March 2024.\n");
  MgSuggestionMarks *marks;
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_test_open_window (dataset, NULL);
  /* Switched before the first is done: that one is cancelled, and only
   * the second document's suggestions are shown. */
  mg_window_show_document (window, mg_dataset_get_document (dataset, 1));
  marks = wait_marks (window);
  g_assert_true (mg_window_get_document (window) == mg_dataset_get_document (dataset, 1));
  mg_test_spin_for (200);
  marks = _mg_window_suggest_get_marks (window);
  for (guint i = 0; i < mg_suggestion_marks_get_n_shown (marks); i++)
    g_assert_cmpuint (mg_suggestions_get_span (mg_suggestion_marks_get_suggestions (marks),
                                               mg_suggestion_marks_get_shown (marks, i))->end, <=, 30);
  g_assert_cmpuint (mg_suggestion_marks_get_n_shown (marks), >=, 1);

  mg_test_close_window (window);
}

/* Pixels that differ in the rectangle [x0, x1) x [y0, y1). */
static guint
changed_pixels (const guchar *a,
                const guchar *b,
                int           stride,
                int           x0,
                int           y0,
                int           x1,
                int           y1)
{
  guint n = 0;

  for (int j = MAX (y0, 0); j < y1; j++)
    for (int i = MAX (x0, 0); i < x1; i++)
      if (memcmp (a + j * stride + i * 4, b + j * stride + i * 4, 4) != 0)
        n++;
  return n;
}

/* A suggestion is an outline with no fill: turning suggestions on changes
 * the pixels around "12%", never those inside it. */
static void
test_outline_no_fill (void)
{
  g_autoptr(MgDataset) dataset = make_dataset (FALSE, NULL);
  g_autofree guchar *before = NULL;
  g_autofree guchar *after = NULL;
  GtkTextView *view;
  MgWindow *window;
  GdkRectangle first, last;
  GtkTextIter iter;
  guint start;
  int stride, width, x0, y0, x1, y1;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_test_open_window_sized (dataset, 900, 650);
  view = GTK_TEXT_VIEW (window->article_view);
  g_assert_true (mg_test_spin_until (mg_test_is_allocated, view, 10000));
  /* The adaptive layout settles (panels fold or open) before comparing. */
  width = -1;
  for (guint i = 0; i < 30 && width != gtk_widget_get_width (GTK_WIDGET (view)); i++)
    {
      width = gtk_widget_get_width (GTK_WIDGET (view));
      mg_test_spin_for (300);
    }
  before = mg_test_render_pixels (GTK_WIDGET (view), &stride);

  mg_test_activate (window, "win.suggestions", NULL);
  wait_marks (window);
  mg_test_spin_for (200);
  after = mg_test_render_pixels (GTK_WIDGET (view), &stride);
  /* Compared pixel for pixel: the article kept its size. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), ==, width);

  start = mg_test_offset_of (mg_window_get_document (window), "12%");
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, (int) start);
  gtk_text_view_get_iter_location (view, &iter, &first);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, (int) start + 2);
  gtk_text_view_get_iter_location (view, &iter, &last);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, first.x, first.y, &x0, &y0);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, last.x + last.width,
                                         last.y + last.height, &x1, &y1);

  /* Inside, two pixels in from the edges: the text as it was. */
  g_assert_cmpuint (changed_pixels (before, after, stride, x0 + 2, y0 + 2, x1 - 2, y1 - 2), ==, 0);
  /* The edges: the outline. */
  g_assert_cmpuint (changed_pixels (before, after, stride, x0 - 3, y0 - 2, x0 + 1, y1 + 2), >=, 10);
  g_assert_cmpuint (changed_pixels (before, after, stride, x0, y1 - 2, x1, y1 + 2), >=, 10);

  mg_test_close_window (window);
}

static gboolean
drawn (gpointer data)
{
  MgSuggestionMarks *marks = _mg_window_suggest_get_marks (data);

  return marks != NULL && mg_suggestion_marks_get_n_walked (marks) > 0;
}

/* A long article: drawing walks the suggestions on screen, not all. */
static void
test_draws_visible_only (void)
{
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();
  g_autoptr(MgDataset) dataset = mg_dataset_new_with_labels (labels);
  g_autoptr(GString) text = g_string_new ("Harbour fees\n\n");
  g_autoptr(MgDocument) doc = NULL;
  MgSuggestionMarks *marks;
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, "Fees rose by %u%% in %u.\n", i % 90 + 2, 1900 + i % 100);
  doc = mg_document_new ("long", text->str, -1);
  mg_dataset_add_document (dataset, doc);
  mg_suggest_dataset_set_enabled (dataset, TRUE);

  window = mg_test_open_window_sized (dataset, 900, 650);
  marks = wait_marks (window);
  g_assert_cmpuint (mg_suggestion_marks_get_n_shown (marks), >=, 4000);
  gtk_widget_queue_draw (GTK_WIDGET (window->article_view));
  g_assert_true (mg_test_spin_until (drawn, window, 5000));
  marks = _mg_window_suggest_get_marks (window);
  g_assert_cmpuint (mg_suggestion_marks_get_n_walked (marks), <, 200);

  mg_test_close_window (window);
}

/* PolNeAR's labels and relation types: none of quote, actor or figure. */
#define POLNEAR_DATASET \
  "{\"format\": \"marginalia-dataset\", \"version\": 1, \"annotator\": \"\", " \
  "\"labels\": [{\"id\": \"source\", \"name\": \"Source\", \"color\": \"#D55E00\", \"key\": \"1\"}, " \
  "{\"id\": \"cue\", \"name\": \"Cue\", \"color\": \"#E69F00\", \"key\": \"2\"}, " \
  "{\"id\": \"content\", \"name\": \"Content\", \"color\": \"#0072B2\", \"key\": \"3\"}], " \
  "\"relation_types\": [{\"id\": \"cued-by\", \"name\": \"Cued by\", \"from\": [\"content\"], \"to\": [\"cue\"]}, " \
  "{\"id\": \"attribution\", \"name\": \"Attribution\", \"from\": [\"content\"], \"to\": [\"source\"]}], " \
  "\"documents\": []}"

static gpointer
labels_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        g_object_get_data (l->data, "mg-drop-quote") != NULL)
      return l->data;
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return labels_dialog () != NULL;
}

static gboolean
mapped_shown (gpointer data)
{
  MgSuggestionMarks *marks = _mg_window_suggest_get_marks (data);

  return marks != NULL && mg_suggestion_marks_get_n_shown (marks) > 0;
}

/* Walks to the suggestion over @want and accepts it. */
static void
accept_text (MgWindow   *window,
             const char *want)
{
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *text = NULL;

      mg_test_activate (window, "win.suggestion-next", NULL);
      text = current_text (window);
      if (g_strcmp0 (text, want) == 0)
        {
          mg_test_activate (window, "win.suggestion-accept", NULL);
          return;
        }
    }
  g_error ("no suggestion “%s”", want);
}

static void
test_label_map (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDataset) dataset = mg_dataset_load_data (POLNEAR_DATASET, strlen (POLNEAR_DATASET),
                                                       "polnear.json", &error);
  g_autoptr(MgDocument) doc = mg_document_new ("harbour", TEXT, -1);
  g_autoptr(MgLabelSet) defaults = mg_label_set_new_default ();
  g_autoptr(MgDataset) plain = mg_dataset_new_with_labels (defaults);
  MgSuggestionMarks *marks;
  MgSuggestions *suggestions;
  MgAnnotationStore *store;
  MgAnnotation *quote, *source;
  MgRelation *relation;
  MgWindow *window;
  gpointer dialog;
  const char *rule, *label;

  MG_TEST_REQUIRE_DISPLAY ();

  g_assert_no_error (error);
  g_assert_true (mg_dataset_add_document (dataset, doc));
  window = mg_test_open_window (dataset, NULL);
  store = mg_test_store_of (window);
  mg_test_spin_for (200);

  /* Turned on, the dataset is asked which labels take the suggestions. */
  mg_test_activate (window, "win.suggestions", NULL);
  g_assert_true (mg_test_spin_until (dialog_shown, NULL, 5000));
  dialog = labels_dialog ();
  /* Source, Cue, Content, None. */
  g_assert_cmpuint (gtk_drop_down_get_selected (g_object_get_data (dialog, "mg-drop-quote")), ==, 3);
  gtk_drop_down_set_selected (g_object_get_data (dialog, "mg-drop-quote"), 2);
  gtk_drop_down_set_selected (g_object_get_data (dialog, "mg-drop-actor"), 0);
  /* What the button does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, "apply");
  gtk_window_close (dialog);
  g_assert_cmpstr (mg_suggest_resolve_label (dataset, NULL, "quote"), ==, "content");
  g_assert_cmpstr (mg_suggest_resolve_label (dataset, NULL, "actor"), ==, "source");
  g_assert_null (mg_suggest_resolve_label (dataset, NULL, "figure"));

  /* One step: undone, the map goes (suggestions stay on); redone, back. */
  mg_test_activate (window, "win.undo", NULL);
  g_assert_null (mg_suggest_dataset_get_label_map (dataset));
  g_assert_true (mg_suggest_dataset_get_enabled (dataset));
  mg_test_activate (window, "win.redo", NULL);
  g_assert_nonnull (mg_suggest_dataset_get_label_map (dataset));

  g_assert_true (mg_test_spin_until (mapped_shown, window, 10000));
  marks = _mg_window_suggest_get_marks (window);
  suggestions = mg_suggestion_marks_get_suggestions (marks);
  /* The quote and its speaker; no figure label, no figures. */
  g_assert_cmpuint (mg_suggestion_marks_get_n_shown (marks), ==, 2);
  for (guint i = 0; i < mg_suggestion_marks_get_n_shown (marks); i++)
    {
      const MgSuggestion *s = mg_suggestions_get_span (suggestions, mg_suggestion_marks_get_shown (marks, i));

      g_assert_true (g_str_equal (s->label, "content") || g_str_equal (s->label, "source"));
    }

  accept_text (window, "Jan de Vries");
  accept_text (window, "“We will raise the fees,”");
  quote = mg_test_find (window, "content", "“We will raise the fees,”");
  source = mg_test_find (window, "source", "Jan de Vries");
  g_assert_nonnull (quote);
  g_assert_nonnull (source);
  g_assert_true (mg_suggest_get_origin (quote, &rule, &label));
  g_assert_cmpstr (label, ==, "content");
  g_assert_cmpuint (mg_annotation_store_get_n_relations (store), ==, 1);
  relation = mg_annotation_store_get_relation (store, 0);
  g_assert_cmpstr (mg_relation_get_kind (relation), ==, "attribution");
  g_assert_cmpstr (mg_relation_get_from (relation), ==, mg_annotation_get_id (quote));
  g_assert_cmpstr (mg_relation_get_to (relation), ==, mg_annotation_get_id (source));

  /* Asked once: off and on again, no question. */
  mg_test_activate (window, "win.suggestions", NULL);
  mg_test_activate (window, "win.suggestions", NULL);
  mg_test_spin_for (200);
  g_assert_null (labels_dialog ());
  mg_test_close_window (window);

  /* A dataset with the three default labels is not asked. */
  window = mg_test_open_window (plain, NULL);
  mg_test_activate (window, "win.suggestions", NULL);
  mg_test_spin_for (200);
  g_assert_null (labels_dialog ());
  mg_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  mg_test_init_display ();

  g_test_add_func ("/window-suggest/switch", test_switch);
  g_test_add_func ("/window-suggest/walk-accept-reject", test_walk_accept_reject);
  g_test_add_func ("/window-suggest/accept-all", test_accept_all);
  g_test_add_func ("/window-suggest/existing-hidden", test_existing_hidden);
  g_test_add_func ("/window-suggest/document-switch", test_document_switch);
  g_test_add_func ("/window-suggest/draws-visible-only", test_draws_visible_only);
  g_test_add_func ("/window-suggest/outline-no-fill", test_outline_no_fill);
  g_test_add_func ("/window-suggest/label-map", test_label_map);

  return g_test_run ();
}
