/* test-window.c: tagging and editing in the real window
 *
 * The window is driven through its actions, as its keys and buttons drive
 * it, and every step is checked on the model: the document's store and the
 * history. Selections are made in the text view's buffer, as a mouse or
 * Shift+arrows would make them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mg-application.h"
#include "mg-test-gui.h"

static MgWindow *
open_fixture (void)
{
  return mg_test_open_fixture ("window", "small.json");
}

static GtkTextBuffer *
buffer_of (MgWindow *window)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->article_view));
}

/* Code point offset of @needle in the document shown. */
static guint
offset_of (MgWindow   *window,
           const char *needle)
{
  return mg_test_offset_of (mg_window_get_document (window), needle);
}

static void
select_offsets (MgWindow *window,
                guint     start,
                guint     end)
{
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer_of (window), &s, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer_of (window), &e, (int) end);
  gtk_text_buffer_select_range (buffer_of (window), &e, &s);
}

/* Selects @len code points from the start of @needle plus @skip. */
static void
select_text (MgWindow   *window,
             const char *needle,
             int         skip,
             int         len)
{
  guint start = offset_of (window, needle) + skip;

  select_offsets (window, start, start + len);
}

static void
select_needle (MgWindow   *window,
               const char *needle)
{
  select_text (window, needle, 0, (int) g_utf8_strlen (needle, -1));
}

/* What the window would tag right now, as text. */
static char *
tag_range_text (MgWindow *window)
{
  guint start, end;

  if (!mg_article_view_get_tag_range (window->article_view, &start, &end))
    return NULL;

  return mg_document_substring (mg_window_get_document (window), start, end);
}

/* Whether the text at @offset is drawn tinted, as a span's words are. */
static gboolean
has_label_tag (MgWindow *window,
               guint     offset)
{
  return mg_test_is_tinted (window->article_view, offset);
}

static void
test_open_shows_first_document (void)
{
  MgWindow *window;
  GtkTextIter iter;

  MG_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ();
  g_assert_cmpstr (mg_document_get_id (mg_window_get_document (window)), ==, "harbour");
  g_assert_false (mg_history_get_modified (mg_window_get_history (window)));

  /* The caret waits at the start, in the article, and is visible. */
  gtk_text_buffer_get_iter_at_mark (buffer_of (window), &iter,
                                    gtk_text_buffer_get_insert (buffer_of (window)));
  g_assert_cmpint (gtk_text_iter_get_offset (&iter), ==, 0);
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (window->article_view)));
  g_assert_true (gtk_text_view_get_cursor_visible (GTK_TEXT_VIEW (window->article_view)));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (window->article_view)));

  /* Existing annotations are highlighted, the rest is not. */
  g_assert_true (has_label_tag (window, offset_of (window, "Ana Pérez") + 2));
  g_assert_false (has_label_tag (window, offset_of (window, "Tuesday")));
  g_assert_cmpuint (g_list_model_get_n_items (mg_annotation_list_get_model (window->annotation_list)), ==, 2);

  mg_test_close_window (window);
}

static void
test_tag_relabel_delete_undo_redo (void)
{
  MgWindow *window;
  MgAnnotation *annotation;
  guint start;

  MG_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ();
  start = offset_of (window, "Tuesday");

  select_needle (window, "Tuesday");
  mg_test_activate (window, "win.tag", "figure");
  annotation = mg_test_find (window, "figure", "Tuesday");
  g_assert_nonnull (annotation);
  g_assert_cmpstr (mg_annotation_get_text (annotation), ==, "Tuesday");
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (mg_test_store_of (window)), ==, 3);
  g_assert_true (mg_article_view_get_selected (window->article_view) == annotation);
  g_assert_true (has_label_tag (window, start));
  g_assert_true (mg_history_get_modified (mg_window_get_history (window)));

  /* With no text selected, a key relabels the selected annotation. */
  mg_test_activate (window, "win.tag-key", "3");
  g_assert_cmpstr (mg_annotation_get_label (annotation), ==, "claim");
  g_assert_null (mg_test_find (window, "figure", "Tuesday"));

  /* The same span and label twice is refused. */
  select_needle (window, "Tuesday");
  mg_test_activate (window, "win.tag", "claim");
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (mg_test_store_of (window)), ==, 3);

  mg_article_view_place_cursor (window->article_view, 0);
  mg_article_view_set_selected (window->article_view, annotation);
  mg_test_activate (window, "win.delete", NULL);
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (mg_test_store_of (window)), ==, 2);
  g_assert_null (mg_test_find (window, "claim", "Tuesday"));
  g_assert_false (has_label_tag (window, start));
  g_assert_null (mg_article_view_get_selected (window->article_view));

  mg_test_activate (window, "win.undo", NULL);
  g_assert_nonnull (mg_test_find (window, "claim", "Tuesday"));
  g_assert_true (has_label_tag (window, start));

  mg_test_activate (window, "win.undo", NULL);
  g_assert_nonnull (mg_test_find (window, "figure", "Tuesday"));
  g_assert_null (mg_test_find (window, "claim", "Tuesday"));

  mg_test_activate (window, "win.undo", NULL);
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (mg_test_store_of (window)), ==, 2);
  g_assert_false (has_label_tag (window, start));
  g_assert_false (mg_history_get_modified (mg_window_get_history (window)));

  mg_test_activate (window, "win.redo", NULL);
  mg_test_activate (window, "win.redo", NULL);
  g_assert_nonnull (mg_test_find (window, "claim", "Tuesday"));
  mg_test_activate (window, "win.redo", NULL);
  g_assert_null (mg_test_find (window, "claim", "Tuesday"));
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (mg_test_store_of (window)), ==, 2);

  mg_test_close_window (window);
}

static void
test_snap_white_space_and_words (void)
{
  MgWindow *window;
  char *text;

  MG_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ();

  /* " Tuesday" with the space before it: trimmed. */
  select_text (window, " on Tuesday", 3, 8);
  text = tag_range_text (window);
  g_assert_cmpstr (text, ==, "Tuesday");
  g_free (text);

  /* Inside a word: whole words with the preference on... */
  select_text (window, "Tuesday", 2, 3);
  text = tag_range_text (window);
  g_assert_cmpstr (text, ==, "Tuesday");
  g_free (text);

  /* Across a comma and the space before a line break. */
  select_text (window, "barrier\n", 2, 6);
  text = tag_range_text (window);
  g_assert_cmpstr (text, ==, "barrier");
  g_free (text);

  select_text (window, "mayor, Ana", 2, 7);
  text = tag_range_text (window);
  g_assert_cmpstr (text, ==, "mayor, Ana");
  g_free (text);

  /* ...numbers stay whole, with their separators and percent sign... */
  select_text (window, "1,200", 0, 1);
  text = tag_range_text (window);
  g_assert_cmpstr (text, ==, "1,200");
  g_free (text);

  select_text (window, "3.5%", 2, 1);
  text = tag_range_text (window);
  g_assert_cmpstr (text, ==, "3.5%");
  g_free (text);

  select_text (window, "city's", 1, 2);
  text = tag_range_text (window);
  g_assert_cmpstr (text, ==, "city's");
  g_free (text);

  /* ...and exactly what was selected with it off. */
  g_object_set (window->article_view, "snap-to-words", FALSE, NULL);
  select_text (window, "Tuesday", 2, 3);
  text = tag_range_text (window);
  g_assert_cmpstr (text, ==, "esd");
  g_free (text);

  /* Only white space: nothing to tag, and the key does nothing. */
  select_text (window, " on Tuesday", 0, 1);
  g_assert_null (tag_range_text (window));
  mg_test_activate (window, "win.tag-key", "1");
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (mg_test_store_of (window)), ==, 2);

  mg_test_close_window (window);
}

static void
test_snap_graphemes (void)
{
  MgWindow *window;
  guint thumb;
  char *text;

  MG_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ();
  mg_test_activate (window, "win.next-document", NULL);
  g_assert_cmpstr (mg_document_get_id (mg_window_get_document (window)), ==, "cafe");
  g_object_set (window->article_view, "snap-to-words", FALSE, NULL);

  /* The skin tone modifier alone: the selection takes the whole emoji. */
  thumb = offset_of (window, "👍");
  select_offsets (window, thumb + 1, thumb + 2);
  text = tag_range_text (window);
  g_assert_cmpstr (text, ==, "👍🏽");
  g_free (text);

  /* Ending between "e" and its combining accent takes the accent. */
  select_text (window, "cafe\xcc\x81 owner", 0, 4);
  text = tag_range_text (window);
  g_assert_cmpstr (text, ==, "cafe\xcc\x81");
  g_free (text);

  /* Tagged, the span counts code points: two for the emoji. */
  select_offsets (window, thumb + 1, thumb + 2);
  mg_test_activate (window, "win.tag", "figure");
  g_assert_nonnull (mg_annotation_store_find (mg_test_store_of (window), "figure", thumb, thumb + 2));

  mg_test_close_window (window);
}

static void
test_find_then_tag (void)
{
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ();
  mg_test_activate (window, "win.find", NULL);
  g_assert_true (gtk_search_bar_get_search_mode (window->search_bar));

  /* Case does not matter; Enter selects the match in the article. */
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "TUESDAY");
  g_signal_emit_by_name (window->search_entry, "activate");
  mg_test_spin ();

  /* Escape: the bar closes, the article has the focus and the match. */
  g_signal_emit_by_name (window->search_entry, "stop-search");
  mg_test_spin ();
  g_assert_false (gtk_search_bar_get_search_mode (window->search_bar));
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (window->article_view)));

  mg_test_activate (window, "win.tag-key", "4");
  g_assert_nonnull (mg_test_find (window, "figure", "Tuesday"));

  mg_test_close_window (window);
}

static void
test_navigation (void)
{
  MgWindow *window;
  MgAnnotation *actor, *quote;

  MG_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ();
  actor = mg_test_find (window, "actor", "Ana Pérez");
  quote = mg_test_find (window, "quote", "we will build it before winter");

  mg_test_activate (window, "win.next-annotation", NULL);
  g_assert_true (mg_article_view_get_selected (window->article_view) == actor);
  mg_test_activate (window, "win.next-annotation", NULL);
  g_assert_true (mg_article_view_get_selected (window->article_view) == quote);
  mg_test_activate (window, "win.next-annotation", NULL);
  g_assert_true (mg_article_view_get_selected (window->article_view) == quote);
  mg_test_activate (window, "win.previous-annotation", NULL);
  g_assert_true (mg_article_view_get_selected (window->article_view) == actor);
  g_assert_cmpuint (mg_article_view_get_cursor (window->article_view), ==, offset_of (window, "Ana Pérez"));

  mg_test_activate (window, "win.unselect", NULL);
  g_assert_null (mg_article_view_get_selected (window->article_view));

  mg_test_activate (window, "win.next-document", NULL);
  g_assert_cmpstr (mg_document_get_id (mg_window_get_document (window)), ==, "cafe");
  mg_test_activate (window, "win.next-document", NULL);
  g_assert_cmpstr (mg_document_get_id (mg_window_get_document (window)), ==, "cafe");
  mg_test_activate (window, "win.previous-document", NULL);
  g_assert_cmpstr (mg_document_get_id (mg_window_get_document (window)), ==, "harbour");

  mg_test_close_window (window);
}

static void
test_boundaries_note_attribution (void)
{
  MgWindow *window;
  MgAnnotation *actor, *quote;
  GtkListBoxRow *row;
  guint start, end;

  MG_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ();
  actor = mg_test_find (window, "actor", "Ana Pérez");
  quote = mg_test_find (window, "quote", "we will build it before winter");
  start = mg_annotation_get_start (quote);
  end = mg_annotation_get_end (quote);

  mg_article_view_set_selected (window->article_view, quote);
  mg_test_activate (window, "win.grow-start", NULL);
  mg_test_activate (window, "win.grow-end", NULL);
  g_assert_cmpuint (mg_annotation_get_start (quote), ==, start - 1);
  g_assert_cmpuint (mg_annotation_get_end (quote), ==, end + 1);
  g_assert_cmpstr (mg_annotation_get_text (quote), ==, "\"we will build it before winter\"");
  mg_test_activate (window, "win.shrink-start", NULL);
  mg_test_activate (window, "win.shrink-end", NULL);
  g_assert_cmpuint (mg_annotation_get_start (quote), ==, start);
  g_assert_cmpuint (mg_annotation_get_end (quote), ==, end);

  mg_test_activate (window, "win.edit-note", NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (window->note_view), "Promise to check in spring", -1);
  gtk_popover_popdown (window->note_popover);
  mg_test_spin ();
  g_assert_cmpstr (mg_annotation_get_note (quote), ==, "Promise to check in spring");

  /* The speaker chooser lists the actor first and Nobody last. */
  mg_test_activate (window, "win.attribute", NULL);
  row = gtk_list_box_get_row_at_index (window->speaker_list, 0);
  g_assert_nonnull (row);
  g_assert_nonnull (gtk_list_box_get_row_at_index (window->speaker_list, 1));
  g_assert_null (gtk_list_box_get_row_at_index (window->speaker_list, 2));
  g_signal_emit_by_name (window->speaker_list, "row-activated", row);
  mg_test_spin ();
  g_assert_true (mg_annotation_store_attributed_to (mg_test_store_of (window), quote) == actor);

  mg_test_activate (window, "win.undo", NULL);
  g_assert_null (mg_annotation_store_attributed_to (mg_test_store_of (window), quote));
  mg_test_activate (window, "win.undo", NULL);
  g_assert_cmpstr (mg_annotation_get_note (quote) ?: "", ==, "");

  mg_test_close_window (window);
}

static void
test_filter_list (void)
{
  MgWindow *window;
  GListModel *model;

  MG_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ();
  model = mg_annotation_list_get_model (window->annotation_list);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  mg_annotation_list_set_filter (window->annotation_list, "actor");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* The list follows the store while filtered. */
  select_needle (window, "Tuesday");
  mg_test_activate (window, "win.tag", "actor");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  mg_annotation_list_set_filter (window->annotation_list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  mg_test_close_window (window);
}

/* The sample shown at first start is read as an import reads the same
 * file, so its section and dateline are there too. */
static void
test_sample_has_meta (void)
{
  g_autoptr(MgDocument) sample = mg_application_load_sample ();

  g_assert_nonnull (sample);
  g_assert_cmpstr (mg_document_get_id (sample), ==, "sample-article");
  g_assert_cmpstr (mg_document_get_meta_string (sample, "section"), ==, "Harbour");
  g_assert_cmpstr (mg_document_get_meta_string (sample, "dateline"), ==, "LOWERHAVEN");
  g_assert_true (g_str_has_prefix (mg_document_get_title (sample), "Port authority approves"));
}

/* A name set in the preferences signs the open dataset at once when the
 * dataset is the person's (signed with the login name), and the window
 * shows it unsaved; a colleague's dataset keeps its name. */
static void
test_annotator_name_applies_at_once (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(MgDataset) dataset = NULL;
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();

  settings = g_settings_new ("org.marginalia.Marginalia");
  g_settings_set_string (settings, "annotator-name", "");
  dataset = mg_test_load_fixture ("window", "small.json");
  mg_dataset_set_annotator (dataset, g_get_user_name ());
  window = mg_test_open_window (dataset, NULL);
  g_assert_false (mg_history_get_modified (mg_window_get_history (window)));

  g_settings_set_string (settings, "annotator-name", "Ayşe Demir");
  g_assert_cmpstr (mg_dataset_get_annotator (mg_window_get_dataset (window)), ==, "Ayşe Demir");
  g_assert_true (mg_history_get_modified (mg_window_get_history (window)));

  /* The person corrects the name: the dataset follows again. */
  g_settings_set_string (settings, "annotator-name", "Ayşe Demirci");
  g_assert_cmpstr (mg_dataset_get_annotator (mg_window_get_dataset (window)), ==, "Ayşe Demirci");

  /* Someone else's dataset is not re-signed. */
  mg_dataset_set_annotator (mg_window_get_dataset (window), "mehmet");
  g_settings_set_string (settings, "annotator-name", "Ayşe");
  g_assert_cmpstr (mg_dataset_get_annotator (mg_window_get_dataset (window)), ==, "mehmet");

  g_settings_reset (settings, "annotator-name");
  mg_test_close_window (window);
}

/* Edges move a word a press with whole words on and a character without,
 * never onto white space; a move that would make a span the twin of
 * another of its label is refused and changes nothing. */
static void
test_boundary_steps_and_twins (void)
{
  MgWindow *window;
  MgAnnotation *amount, *wide;
  guint start;

  MG_TEST_REQUIRE_DISPLAY ();

  window = open_fixture ();
  start = offset_of (window, "3.5%");
  select_needle (window, "3.5%");
  mg_test_activate (window, "win.tag", "figure");
  amount = mg_test_find (window, "figure", "3.5%");
  g_assert_nonnull (amount);

  mg_article_view_set_selected (window->article_view, amount);
  mg_test_activate (window, "win.grow-end", NULL);
  g_assert_cmpstr (mg_annotation_get_text (amount), ==, "3.5% to");
  mg_test_activate (window, "win.shrink-end", NULL);
  g_assert_cmpstr (mg_annotation_get_text (amount), ==, "3.5%");

  g_settings_set_boolean (window->settings, "snap-to-words", FALSE);
  mg_test_activate (window, "win.grow-end", NULL);
  g_assert_cmpstr (mg_annotation_get_text (amount), ==, "3.5% t");
  mg_test_activate (window, "win.shrink-end", NULL);
  g_assert_cmpstr (mg_annotation_get_text (amount), ==, "3.5%");
  mg_test_activate (window, "win.grow-start", NULL);
  g_assert_cmpstr (mg_annotation_get_text (amount), ==, "e 3.5%");
  g_settings_set_boolean (window->settings, "snap-to-words", TRUE);

  /* "rose 3.5%" shrunk by a word would be the figure "3.5%" again. */
  select_offsets (window, start, start + 4);
  mg_test_activate (window, "win.tag", "figure");
  wide = mg_test_find (window, "figure", "3.5%");
  g_assert_nonnull (wide);
  g_assert_true (wide != amount);
  mg_article_view_set_selected (window->article_view, amount);
  mg_test_activate (window, "win.shrink-start", NULL);
  g_assert_cmpstr (mg_annotation_get_text (amount), ==, "e 3.5%");
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (mg_test_store_of (window)), ==, 4);

  mg_test_close_window (window);
}

/* A long article: a phrase near the top, then many paragraphs. */
static MgWindow *
open_long_article (void)
{
  g_autoptr(MgDataset) dataset = mg_test_load_fixture ("window", "small.json");
  g_autoptr(GString) text = g_string_new ("Harbour\n\nThe council voted to delay the ferry contract by a year.\n\n");
  g_autoptr(MgDocument) document = NULL;
  MgWindow *window;

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (text, "Paragraph %u says little about the harbour.\n\n", i);
  g_string_append (text, "The end.");
  document = mg_document_new ("long", text->str, (gssize) text->len);
  mg_dataset_add_document (dataset, document);

  window = mg_test_open_window (dataset, NULL);
  mg_window_show_document (window, document);
  mg_test_spin_for (200);

  return window;
}

static void
scroll_to_end (MgWindow *window)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (window->article_view));

  for (guint i = 0; i < 5; i++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      mg_test_spin_for (50);
    }
}

/* Whether the start of @annotation is inside the visible part. */
static gboolean
in_sight (MgWindow     *window,
          MgAnnotation *annotation)
{
  GdkRectangle visible, where;
  GtkTextIter iter;

  mg_test_spin_for (300);
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (window->article_view), &visible);
  gtk_text_buffer_get_iter_at_offset (buffer_of (window), &iter, (int) mg_annotation_get_start (annotation));
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (window->article_view), &iter, &where);

  return where.y >= visible.y && where.y + where.height <= visible.y + visible.height;
}

/* The row of the annotation list that shows the selected annotation. */
static GtkWidget *
selected_row (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, "annotation-row") &&
          (gtk_widget_get_state_flags (gtk_widget_get_parent (child)) & GTK_STATE_FLAG_SELECTED))
        return child;
      if ((found = selected_row (child)) != NULL)
        return found;
    }

  return NULL;
}

/* A click on a row, as its click gesture hears it. */
static void
click_row (GtkWidget *row)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        {
          g_signal_emit_by_name (controller, "pressed", 1, 1.0, 1.0);
          g_signal_emit_by_name (controller, "released", 1, 1.0, 1.0);
          return;
        }
    }
  g_assert_not_reached ();
}

/* Find near the top while the view is at the end, Escape, tag: the view
 * stays on the new span and does not jump back; a list row or a selection
 * far away brings its span into sight. */
static void
test_view_follows_the_work (void)
{
  MgWindow *window;
  MgAnnotation *claim, *last;

  MG_TEST_REQUIRE_DISPLAY ();

  window = open_long_article ();
  scroll_to_end (window);

  mg_test_activate (window, "win.find", NULL);
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "delay the ferry");
  g_signal_emit_by_name (window->search_entry, "activate");
  mg_test_spin ();
  g_signal_emit_by_name (window->search_entry, "stop-search");
  mg_test_spin ();
  mg_test_activate (window, "win.tag-key", "3");
  claim = mg_test_find (window, "claim", "delay the ferry");
  g_assert_nonnull (claim);
  g_assert_true (in_sight (window, claim));

  /* A span at the end, then the claim chosen from the list. */
  select_needle (window, "The end");
  mg_test_activate (window, "win.tag-key", "1");
  last = mg_test_find (window, "quote", "The end");
  g_assert_nonnull (last);
  g_assert_true (in_sight (window, last));
  g_signal_emit_by_name (window->annotation_list, "annotation-selected", claim);
  g_assert_true (in_sight (window, claim));

  /* Scrolled away, a click on the row already selected brings it back. */
  scroll_to_end (window);
  g_assert_false (in_sight (window, claim));
  click_row (selected_row (GTK_WIDGET (window->annotation_list)));
  g_assert_true (in_sight (window, claim));

  mg_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  mg_test_init_display ();

  g_test_add_func ("/window/open", test_open_shows_first_document);
  g_test_add_func ("/window/tag-relabel-delete-undo-redo", test_tag_relabel_delete_undo_redo);
  g_test_add_func ("/window/snap/white-space-and-words", test_snap_white_space_and_words);
  g_test_add_func ("/window/snap/graphemes", test_snap_graphemes);
  g_test_add_func ("/window/find-then-tag", test_find_then_tag);
  g_test_add_func ("/window/navigation", test_navigation);
  g_test_add_func ("/window/boundaries-note-attribution", test_boundaries_note_attribution);
  g_test_add_func ("/window/filter", test_filter_list);
  g_test_add_func ("/window/sample-meta", test_sample_has_meta);
  g_test_add_func ("/window/view-follows-the-work", test_view_follows_the_work);
  g_test_add_func ("/window/boundary-steps-and-twins", test_boundary_steps_and_twins);
  g_test_add_func ("/window/annotator-name", test_annotator_name_applies_at_once);

  return g_test_run ();
}
