/* test-window-find.c: the find bar, search over all documents, tag all
 *
 * The fixture has three documents: "council" five times in the first (one
 * of them already an actor), twice in the second, never in the third; the
 * second writes "Café" and "Cafe".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mg-search-window.h"
#include "mg-test-gui.h"

static void
find (MgWindow   *window,
      const char *text)
{
  mg_test_activate (window, "win.find", NULL);
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), text);
  /* The entry waits a moment after typing; Enter does not. */
  g_signal_emit_by_name (window->search_entry, "activate");
  mg_test_spin ();
}

static const char *
count_text (MgWindow *window)
{
  return gtk_label_get_text (window->find_count);
}

static GtkTextBuffer *
buffer_of (MgWindow *window)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->article_view));
}

/* The ranges @tag_name covers, as "start-end start-end". */
static char *
tagged_ranges (MgWindow   *window,
               const char *tag_name)
{
  GtkTextBuffer *buffer = buffer_of (window);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GString *s = g_string_new (NULL);
  GtkTextIter iter;

  if (tag == NULL)
    return g_string_free (s, FALSE);

  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_starts_tag (&iter, tag) || gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    {
      int start = gtk_text_iter_get_offset (&iter);

      gtk_text_iter_forward_to_tag_toggle (&iter, tag);
      g_string_append_printf (s, "%s%d-%d", s->len ? " " : "", start, gtk_text_iter_get_offset (&iter));
    }

  return g_string_free (s, FALSE);
}

static char *
selection (MgWindow *window)
{
  GtkTextIter s, e;

  gtk_text_buffer_get_selection_bounds (buffer_of (window), &s, &e);
  return gtk_text_iter_get_text (&s, &e);
}

static guint
count_label (MgDataset  *dataset,
             const char *label)
{
  guint n = 0;

  for (guint d = 0; d < mg_dataset_get_n_documents (dataset); d++)
    {
      MgAnnotationStore *store = mg_document_get_store (mg_dataset_get_document (dataset, d));

      for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
        n += g_str_equal (mg_annotation_get_label (mg_annotation_store_get_annotation (store, i)), label);
    }

  return n;
}

/* Whether the actor span over "council" shows its underline. */
static gboolean
actor_underlined (gpointer data)
{
  MgWindow *window = data;
  MgAnnotation *actor = mg_test_find (window, "actor", "council");

  return mg_test_underlined (window->article_view, mg_annotation_get_start (actor),
                             mg_annotation_get_end (actor));
}

static void
test_count_and_step (void)
{
  MgWindow *window;
  g_autofree char *all = NULL, *current = NULL, *after = NULL;
  g_autofree char *sel = NULL, *kept = NULL;
  int index;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_test_open_fixture ("files", "find.json");
  find (window, "COUNCIL");

  /* Enter found the first; case does not matter. */
  g_assert_cmpuint (_mg_window_find_get_n_matches (window, &index), ==, 5);
  g_assert_cmpint (index, ==, 0);
  g_assert_cmpstr (count_text (window), ==, "1 of 5");

  /* Every match highlighted by one tag, the current one by another. */
  all = tagged_ranges (window, "mg-find-match");
  g_assert_cmpstr (all, ==, "9-16 55-62 108-115 171-178 232-239");
  current = tagged_ranges (window, "mg-find-current");
  g_assert_cmpstr (current, ==, "9-16");
  sel = selection (window);
  g_assert_cmpstr (sel, ==, "Council");

  /* Forward, back, and back past the first wraps to the last. */
  mg_test_activate (window, "win.find-next", NULL);
  g_assert_cmpstr (count_text (window), ==, "2 of 5");
  g_signal_emit_by_name (window->search_entry, "previous-match");
  g_signal_emit_by_name (window->search_entry, "previous-match");
  mg_test_spin ();
  g_assert_cmpstr (count_text (window), ==, "5 of 5");
  g_free (current);
  current = tagged_ranges (window, "mg-find-current");
  g_assert_cmpstr (current, ==, "232-239");

  /* The match is drawn over the span under it, which stays, its
   * underline over the match's highlight (once the view has drawn the
   * matches, which a loaded machine can put off a frame). */
  g_assert_nonnull (mg_test_find (window, "actor", "council"));
  g_assert_true (mg_test_spin_until (actor_underlined, window, 5000));

  /* Escape: the highlights go, the current match stays selected. */
  g_signal_emit_by_name (window->search_entry, "stop-search");
  mg_test_spin ();
  after = tagged_ranges (window, "mg-find-match");
  g_assert_cmpstr (after, ==, "");
  g_free (current);
  current = tagged_ranges (window, "mg-find-current");
  g_assert_cmpstr (current, ==, "");
  kept = selection (window);
  g_assert_cmpstr (kept, ==, "council");

  /* The entry's late search-changed, after the bar closed, shows nothing. */
  g_signal_emit_by_name (window->search_entry, "search-changed");
  mg_test_spin ();
  g_free (after);
  after = tagged_ranges (window, "mg-find-match");
  g_assert_cmpstr (after, ==, "");
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (window->article_view)));
  /* With the highlights gone, the span's tint shows again. */
  g_assert_true (mg_test_is_tinted (window->article_view, 58));

  mg_test_close_window (window);
}

static void
test_step_from_caret (void)
{
  MgWindow *window;
  int index;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_test_open_fixture ("files", "find.json");
  find (window, "council");

  /* The caret moved since the last match: steps count from it. */
  mg_article_view_place_cursor (window->article_view, 100);
  mg_test_activate (window, "win.find-previous", NULL);
  _mg_window_find_get_n_matches (window, &index);
  g_assert_cmpint (index, ==, 1);
  mg_article_view_place_cursor (window->article_view, 100);
  mg_test_activate (window, "win.find-next", NULL);
  _mg_window_find_get_n_matches (window, &index);
  g_assert_cmpint (index, ==, 2);

  /* After the last match, back is the last and on wraps to the first. */
  mg_article_view_place_cursor (window->article_view, 250);
  mg_test_activate (window, "win.find-previous", NULL);
  _mg_window_find_get_n_matches (window, &index);
  g_assert_cmpint (index, ==, 4);
  mg_article_view_place_cursor (window->article_view, 250);
  mg_test_activate (window, "win.find-next", NULL);
  _mg_window_find_get_n_matches (window, &index);
  g_assert_cmpint (index, ==, 0);
  g_assert_cmpstr (count_text (window), ==, "1 of 5");

  mg_test_close_window (window);
}

static void
test_typing_narrows (void)
{
  MgWindow *window;
  g_autofree char *before = NULL, *after = NULL;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_test_open_fixture ("files", "find.json");
  find (window, "harb");
  before = tagged_ranges (window, "mg-find-match");
  g_assert_cmpstr (before, ==, "0-4 26-30 89-93 188-192 269-273");

  /* One more letter: the tags follow, with nothing left behind. */
  find (window, "harbour f");
  after = tagged_ranges (window, "mg-find-match");
  g_assert_cmpstr (after, ==, "26-35 89-98 188-197");
  g_assert_true (g_str_has_suffix (count_text (window), " of 3"));

  find (window, "zebra");
  g_assert_cmpstr (count_text (window), ==, "No matches");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window->search_entry), "error"));

  /* Another document while the bar is open: its matches, counted again. */
  find (window, "cafe");
  mg_test_activate (window, "win.next-document", NULL);
  g_assert_cmpuint (_mg_window_find_get_n_matches (window, NULL), ==, 2);
  g_free (after);
  after = tagged_ranges (window, "mg-find-match");
  g_assert_cmpstr (after, ==, "9-13 114-118");

  mg_test_close_window (window);
}

static void
test_tag_in_document (void)
{
  MgWindow *window;
  MgDataset *dataset;
  g_autofree char *message = NULL, *again = NULL;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_test_open_fixture ("files", "find.json");
  dataset = mg_window_get_dataset (window);
  find (window, "council");

  /* One of the five is an actor already; the other document is left. */
  message = _mg_window_find_tag (window, "council", "actor", FALSE);
  g_assert_cmpstr (message, ==, "Tagged 4 matches as Actor (1 already tagged)");
  g_assert_cmpuint (count_label (dataset, "actor"), ==, 5);

  again = _mg_window_find_tag (window, "council", "actor", FALSE);
  g_assert_cmpstr (again, ==, "Tagged 0 matches as Actor (5 already tagged)");

  /* The menu's action does the same for this document: one undo step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-matches", "(ss)", "quote", "document"));
  mg_test_spin ();
  g_assert_cmpuint (count_label (dataset, "quote"), ==, 5);
  mg_test_activate (window, "win.undo", NULL);
  g_assert_cmpuint (count_label (dataset, "quote"), ==, 0);
  mg_test_activate (window, "win.undo", NULL);
  g_assert_cmpuint (count_label (dataset, "actor"), ==, 1);

  /* "harb" is completed to whole words, as a selection would be. */
  find (window, "harb");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-matches", "(ss)", "claim", "all"));
  mg_test_spin ();
  g_assert_cmpuint (count_label (dataset, "claim"), ==, 6);
  g_assert_nonnull (mg_test_find (window, "claim", "harbour"));
  g_assert_nonnull (mg_test_find (window, "claim", "Harbour"));

  mg_test_close_window (window);
}

/* Match Diacritics keeps "Cafe" and "Café" apart in the find bar, in
 * Tag All and in the search over all documents, which share the switch. */
static void
test_match_diacritics (void)
{
  MgWindow *window;
  MgDataset *dataset;
  MgSearchWindow *search;
  g_autofree char *message = NULL;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_test_open_fixture ("files", "find.json");
  dataset = mg_window_get_dataset (window);
  mg_window_show_document (window, mg_dataset_lookup_document (dataset, "cafe-rain"));
  mg_test_spin ();

  find (window, "cafe");
  g_assert_cmpuint (_mg_window_find_get_n_matches (window, NULL), ==, 2);
  mg_test_activate (window, "win.match-diacritics", NULL);
  g_assert_cmpuint (_mg_window_find_get_n_matches (window, NULL), ==, 1);
  find (window, "café");
  g_assert_cmpuint (_mg_window_find_get_n_matches (window, NULL), ==, 1);

  message = _mg_window_find_tag (window, "café", "actor", FALSE);
  g_assert_cmpstr (message, ==, "Tagged 1 match as Actor");
  g_assert_nonnull (mg_test_find (window, "actor", "Café"));
  g_assert_null (mg_test_find (window, "actor", "Cafe"));

  mg_test_activate (window, "win.find-all", NULL);
  search = MG_SEARCH_WINDOW (_mg_window_find_get_search_window (window));
  mg_search_window_search (search, "cafe");
  g_assert_cmpuint (g_list_model_get_n_items (mg_search_window_get_hits (search)), ==, 1);
  /* Switched off from the search window, both again, there and in the bar. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (search), "win.match-diacritics", NULL));
  mg_test_spin ();
  g_assert_cmpuint (g_list_model_get_n_items (mg_search_window_get_hits (search)), ==, 2);
  g_assert_cmpuint (_mg_window_find_get_n_matches (window, NULL), ==, 2);

  mg_test_close_window (window);
}

static void
collect_labels (GtkWidget *widget,
                GString   *texts)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (texts, "%s|", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

static void
test_search_window (void)
{
  MgWindow *window;
  MgDataset *dataset;
  MgSearchWindow *search;
  GtkListView *list;
  g_autofree char *sel = NULL;
  MgDocument *cafe;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_test_open_fixture ("files", "find.json");
  dataset = mg_window_get_dataset (window);
  mg_test_activate (window, "win.find-all", NULL);
  search = MG_SEARCH_WINDOW (_mg_window_find_get_search_window (window));
  g_assert_nonnull (search);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (search)));

  mg_search_window_search (search, "Council");
  g_assert_cmpuint (g_list_model_get_n_items (mg_search_window_get_hits (search)), ==, 7);
  g_assert_cmpstr (mg_search_window_get_count (search), ==, "7 matches · 2 documents");
  mg_test_spin ();

  /* A row in context: the title, the words before, the match, the words
   * after, each a label. */
  {
    g_autoptr(GString) texts = g_string_new (NULL);

    collect_labels (GTK_WIDGET (search), texts);
    g_assert_nonnull (strstr (texts->str, "|Council votes on harbour fees|PORTLAKE — The |council| voted on Tuesday to raise harbour fees. “The|"));
  }

  /* Opening the sixth match shows its document with the match selected. */
  list = GTK_LIST_VIEW (mg_test_find_widget (GTK_WIDGET (search), GTK_TYPE_LIST_VIEW, NULL));
  g_signal_emit_by_name (list, "activate", 5);
  mg_test_spin ();
  cafe = mg_dataset_lookup_document (dataset, "cafe-rain");
  g_assert_true (mg_window_get_document (window) == cafe);
  sel = selection (window);
  g_assert_cmpstr (sel, ==, "council");
  {
    GtkTextIter s, e;

    gtk_text_buffer_get_selection_bounds (buffer_of (window), &s, &e);
    g_assert_cmpint (gtk_text_iter_get_offset (&s), ==, mg_test_offset_of (cafe, "council had"));
  }

  /* Tag All from the list: every document, one undo step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (search), "search.tag", "s", "claim"));
  mg_test_spin ();
  g_assert_cmpuint (count_label (dataset, "claim"), ==, 7);
  mg_test_activate (window, "win.undo", NULL);
  g_assert_cmpuint (count_label (dataset, "claim"), ==, 0);

  /* Diacritics do not matter: "cafe" finds "Café" and "Cafe". */
  mg_search_window_search (search, "cafe");
  g_assert_cmpuint (g_list_model_get_n_items (mg_search_window_get_hits (search)), ==, 2);

  /* Another dataset in the window: the list is of its documents. */
  {
    g_autoptr(MgDataset) other = mg_dataset_new ();
    g_autoptr(MgDocument) doc = mg_document_new ("cafe-rain", "No café here, one Cafe.", -1);

    mg_dataset_add_document (other, doc);
    mg_window_set_dataset (window, other, NULL);
    mg_test_spin ();
    g_assert_cmpuint (g_list_model_get_n_items (mg_search_window_get_hits (search)), ==, 2);
    {
      g_autoptr(MgTextHit) hit = g_list_model_get_item (mg_search_window_get_hits (search), 0);

      g_assert_true (mg_text_hit_get_document (hit) == doc);
    }
  }

  mg_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  mg_test_init_display ();

  g_test_add_func ("/find/count-and-step", test_count_and_step);
  g_test_add_func ("/find/step-from-caret", test_step_from_caret);
  g_test_add_func ("/find/typing-narrows", test_typing_narrows);
  g_test_add_func ("/find/tag-in-document", test_tag_in_document);
  g_test_add_func ("/find/search-window", test_search_window);
  g_test_add_func ("/find/match-diacritics", test_match_diacritics);

  return g_test_run ();
}
