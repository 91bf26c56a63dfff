/* test-window-status.c: a coding session over a corpus, in the window
 *
 * The status of each document, set through the window's actions (as the
 * menu and Ctrl+D set it), undone, shown in the sidebar and counted in the
 * header; the sidebar's filter by status, which never hides the document
 * shown; moving to the next document not done; and the article's zoom.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mg-test-gui.h"

#define TEXT "Minister Ayşe Kaya said the budget would grow by 4% in 2027."

/* Five documents, "Article 1" to "Article 5", all to do. */
static MgWindow *
open_corpus (void)
{
  g_autoptr(MgDataset) dataset = mg_dataset_new ();

  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("article-%u", i);
      g_autofree char *title = g_strdup_printf ("Article %u", i);
      g_autoptr(MgDocument) doc = mg_document_new (id, TEXT, -1);

      mg_document_set_title (doc, title);
      g_assert_true (mg_dataset_add_document (dataset, doc));
    }
  return mg_test_open_window (dataset, NULL);
}

static MgDocument *
nth (MgWindow *window,
     guint     i)
{
  return mg_dataset_get_document (mg_window_get_dataset (window), i);
}

static MgDocumentStatus
status_of (MgWindow *window,
           guint     i)
{
  return mg_document_status_get (nth (window, i));
}

static char *
action_state (MgWindow *window)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window),
                                                               "document-status");

  return g_variant_dup_string (state, NULL);
}

static const char *
subtitle (MgWindow *window)
{
  return adw_window_title_get_subtitle (window->window_title);
}

/* The status badge of the sidebar row titled @title, or NULL when the
 * sidebar shows no such row. */
static GtkWidget *
badge_of (GtkWidget  *widget,
          const char *title)
{
  GtkWidget *child;

  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), title) == 0 &&
      gtk_widget_get_mapped (widget))
    {
      GtkWidget *badge = gtk_widget_get_next_sibling (widget);

      return GTK_IS_IMAGE (badge) ? badge : NULL;
    }
  for (child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = badge_of (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
check_badge (MgWindow   *window,
             const char *title,
             const char *label,
             const char *icon)
{
  GtkWidget *badge = badge_of (GTK_WIDGET (window->document_list), title);

  g_assert_nonnull (badge);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (badge), ==, label);
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (badge)), ==, icon);
}

/* Set from the menu's action, undone and redone; the action's state, the
 * sidebar's badge and the header follow every change. */
static void
test_set_undo_header (void)
{
  MgWindow *window;
  g_autofree char *state = NULL;

  MG_TEST_REQUIRE_DISPLAY ();

  window = open_corpus ();
  g_assert_cmpstr (subtitle (window), ==, "0 of 5 done · Article 1");
  check_badge (window, "Article 1", "To Do", NULL);
  state = action_state (window);
  g_assert_cmpstr (state, ==, "to-do");

  mg_test_activate (window, "win.document-status", "done");
  g_assert_cmpint (status_of (window, 0), ==, MG_DOCUMENT_STATUS_DONE);
  g_assert_cmpstr (subtitle (window), ==, "1 of 5 done · Article 1");
  check_badge (window, "Article 1", "Done", "object-select-symbolic");
  g_free (state);
  state = action_state (window);
  g_assert_cmpstr (state, ==, "done");
  g_assert_true (mg_history_get_modified (mg_window_get_history (window)));

  mg_test_activate (window, "win.document-status", "skipped");
  g_assert_cmpstr (subtitle (window), ==, "0 of 5 done · Article 1");
  check_badge (window, "Article 1", "Skipped", "media-skip-forward-symbolic");

  mg_test_activate (window, "win.undo", NULL);
  g_assert_cmpint (status_of (window, 0), ==, MG_DOCUMENT_STATUS_DONE);
  g_assert_cmpstr (subtitle (window), ==, "1 of 5 done · Article 1");
  mg_test_activate (window, "win.undo", NULL);
  g_assert_cmpint (status_of (window, 0), ==, MG_DOCUMENT_STATUS_TO_DO);
  g_assert_cmpstr (subtitle (window), ==, "0 of 5 done · Article 1");
  check_badge (window, "Article 1", "To Do", NULL);
  g_free (state);
  state = action_state (window);
  g_assert_cmpstr (state, ==, "to-do");
  g_assert_false (mg_history_get_modified (mg_window_get_history (window)));

  mg_test_activate (window, "win.redo", NULL);
  g_assert_cmpint (status_of (window, 0), ==, MG_DOCUMENT_STATUS_DONE);
  check_badge (window, "Article 1", "Done", "object-select-symbolic");

  /* The state follows the document shown. */
  mg_window_show_document (window, nth (window, 1));
  mg_test_spin ();
  g_free (state);
  state = action_state (window);
  g_assert_cmpstr (state, ==, "to-do");
  g_assert_cmpstr (subtitle (window), ==, "1 of 5 done · Article 2");

  mg_test_close_window (window);
}

/* Ctrl+D's action: done, and back; the first tag of a document to do
 * marks it in progress, and one undo takes back both. */
static void
test_toggle_and_first_edit (void)
{
  MgWindow *window;
  GtkTextBuffer *buffer;
  GtkTextIter s, e;

  MG_TEST_REQUIRE_DISPLAY ();

  window = open_corpus ();
  mg_test_activate (window, "win.toggle-done", NULL);
  g_assert_cmpint (status_of (window, 0), ==, MG_DOCUMENT_STATUS_DONE);
  mg_test_activate (window, "win.toggle-done", NULL);
  g_assert_cmpint (status_of (window, 0), ==, MG_DOCUMENT_STATUS_TO_DO);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->article_view));
  gtk_text_buffer_get_iter_at_offset (buffer, &s, 9);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, 18);
  gtk_text_buffer_select_range (buffer, &s, &e);
  mg_test_activate (window, "win.tag-key", "2");
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (mg_test_store_of (window)), ==, 1);
  g_assert_cmpint (status_of (window, 0), ==, MG_DOCUMENT_STATUS_IN_PROGRESS);
  check_badge (window, "Article 1", "In Progress", "document-edit-symbolic");

  mg_test_activate (window, "win.undo", NULL);
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (mg_test_store_of (window)), ==, 0);
  g_assert_cmpint (status_of (window, 0), ==, MG_DOCUMENT_STATUS_TO_DO);
  check_badge (window, "Article 1", "To Do", NULL);
  mg_test_activate (window, "win.redo", NULL);
  g_assert_cmpint (status_of (window, 0), ==, MG_DOCUMENT_STATUS_IN_PROGRESS);

  /* Done and back again: with annotations, back is in progress. */
  mg_test_activate (window, "win.toggle-done", NULL);
  g_assert_cmpint (status_of (window, 0), ==, MG_DOCUMENT_STATUS_DONE);
  mg_test_activate (window, "win.toggle-done", NULL);
  g_assert_cmpint (status_of (window, 0), ==, MG_DOCUMENT_STATUS_IN_PROGRESS);

  mg_test_close_window (window);
}

/* The list of documents (the drop-down has a list view of its own). */
static GtkWidget *
rows_of (MgDocumentList *list)
{
  /* The list's box holds the drop-down, its caption and the scroller. */
  GtkWidget *scroller = gtk_widget_get_last_child (gtk_widget_get_first_child (GTK_WIDGET (list)));

  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));

  return mg_test_find_widget (scroller, GTK_TYPE_LIST_VIEW, NULL);
}

/* The caption under the filter, or NULL while it is hidden. */
static const char *
shown_caption (MgDocumentList *list)
{
  GtkWidget *dropdown = mg_test_find_widget (GTK_WIDGET (list), GTK_TYPE_DROP_DOWN, NULL);
  GtkWidget *caption = gtk_widget_get_next_sibling (dropdown);

  g_assert_true (GTK_IS_LABEL (caption));
  return gtk_widget_get_visible (caption) ? gtk_label_get_text (GTK_LABEL (caption)) : NULL;
}

/* The filter lists one status, or all not done, and always the document
 * shown; the drop-down follows the action. */
static void
test_filter (void)
{
  MgWindow *window;
  MgDocumentList *list;
  GtkDropDown *dropdown;

  MG_TEST_REQUIRE_DISPLAY ();

  window = open_corpus ();
  list = window->document_list;
  dropdown = GTK_DROP_DOWN (mg_test_find_widget (GTK_WIDGET (list), GTK_TYPE_DROP_DOWN, NULL));
  g_assert_nonnull (dropdown);

  mg_window_show_document (window, nth (window, 1));
  mg_test_activate (window, "win.document-status", "done");
  mg_window_show_document (window, nth (window, 2));
  mg_test_activate (window, "win.document-status", "skipped");
  mg_window_show_document (window, nth (window, 0));
  mg_test_spin ();
  g_assert_cmpuint (mg_document_list_get_n_shown (list), ==, 5);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "documents.filter", "s", "done"));
  mg_test_spin ();
  g_assert_cmpstr (mg_document_list_get_status_filter (list), ==, "done");
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 4);
  /* Article 2, done, and Article 1, shown. */
  g_assert_cmpuint (mg_document_list_get_n_shown (list), ==, 2);
  g_assert_cmpstr (shown_caption (list), ==, "2 of 5 documents listed");
  g_assert_nonnull (badge_of (GTK_WIDGET (list), "Article 1"));
  g_assert_nonnull (badge_of (GTK_WIDGET (list), "Article 2"));
  g_assert_null (badge_of (GTK_WIDGET (list), "Article 4"));
  g_assert_true (mg_window_get_document (window) == nth (window, 0));

  /* Marking the document shown done keeps it listed, and so does
   * marking it to do again while only done ones are listed. */
  mg_test_activate (window, "win.toggle-done", NULL);
  g_assert_cmpuint (mg_document_list_get_n_shown (list), ==, 2);
  mg_test_activate (window, "win.toggle-done", NULL);
  g_assert_cmpuint (mg_document_list_get_n_shown (list), ==, 2);
  g_assert_nonnull (badge_of (GTK_WIDGET (list), "Article 1"));

  /* Moving on lets it go. */
  mg_window_show_document (window, nth (window, 1));
  mg_test_spin ();
  g_assert_cmpuint (mg_document_list_get_n_shown (list), ==, 1);
  g_assert_null (badge_of (GTK_WIDGET (list), "Article 1"));

  /* The drop-down sets the filter through the same action. */
  gtk_drop_down_set_selected (dropdown, 1);
  mg_test_spin ();
  g_assert_cmpstr (mg_document_list_get_status_filter (list), ==, "not-done");
  /* Articles 1, 4, 5 to do, and Article 2, shown. */
  g_assert_cmpuint (mg_document_list_get_n_shown (list), ==, 4);
  g_assert_null (badge_of (GTK_WIDGET (list), "Article 3"));

  /* Picking a document in the filtered list shows that document: the
   * third row lists Article 4 (Article 3 is skipped). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "documents.filter", "s", "to-do"));
  mg_test_spin ();
  g_assert_cmpuint (mg_document_list_get_n_shown (list), ==, 4);
  g_assert_cmpstr (shown_caption (list), ==, "4 of 5 documents listed");
  g_assert_true (gtk_widget_activate_action (rows_of (list), "list.select-item", "(ubb)", 2, FALSE, FALSE));
  mg_test_spin ();
  g_assert_true (mg_window_get_document (window) == nth (window, 3));
  /* Article 2, done, is no longer shown, so it leaves the list. */
  g_assert_cmpuint (mg_document_list_get_n_shown (list), ==, 3);
  g_assert_cmpstr (shown_caption (list), ==, "3 of 5 documents listed");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "documents.filter", "s", "all"));
  mg_test_spin ();
  g_assert_cmpuint (mg_document_list_get_n_shown (list), ==, 5);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  g_assert_null (shown_caption (list));

  mg_test_close_window (window);
}

/* Ctrl+Page Down and Up's actions skip done and skipped documents. */
static void
test_next_not_done (void)
{
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();

  window = open_corpus ();
  mg_window_show_document (window, nth (window, 1));
  mg_test_activate (window, "win.document-status", "done");
  mg_window_show_document (window, nth (window, 2));
  mg_test_activate (window, "win.document-status", "skipped");
  mg_window_show_document (window, nth (window, 3));
  mg_test_activate (window, "win.document-status", "in-progress");
  mg_window_show_document (window, nth (window, 4));
  mg_test_activate (window, "win.document-status", "done");
  mg_window_show_document (window, nth (window, 0));
  mg_test_spin ();

  mg_test_activate (window, "win.next-not-done", NULL);
  g_assert_true (mg_window_get_document (window) == nth (window, 3));
  /* Nothing after it is left: it stays. */
  mg_test_activate (window, "win.next-not-done", NULL);
  g_assert_true (mg_window_get_document (window) == nth (window, 3));
  mg_test_activate (window, "win.previous-not-done", NULL);
  g_assert_true (mg_window_get_document (window) == nth (window, 0));
  mg_test_activate (window, "win.previous-not-done", NULL);
  g_assert_true (mg_window_get_document (window) == nth (window, 0));

  /* From a finished document too. */
  mg_window_show_document (window, nth (window, 2));
  mg_test_activate (window, "win.previous-not-done", NULL);
  g_assert_true (mg_window_get_document (window) == nth (window, 0));

  mg_test_close_window (window);
}

static double
article_font_size (MgWindow *window)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (window->article_view));
  PangoFontDescription *font = pango_context_get_font_description (context);

  return pango_font_description_get_size (font) / (double) PANGO_SCALE;
}

/* Zoom in, out and back, bounded, kept as the preference. */
static void
test_zoom (void)
{
  g_autoptr(GSettings) settings = NULL;
  MgWindow *window;
  double usual;

  MG_TEST_REQUIRE_DISPLAY ();

  settings = g_settings_new (APP_ID);
  window = open_corpus ();
  g_assert_cmpuint (g_settings_get_uint (settings, "article-zoom"), ==, 100);
  usual = article_font_size (window);
  g_assert_cmpfloat (usual, >, 0);

  mg_test_activate (window, "win.zoom-in", NULL);
  g_assert_cmpuint (g_settings_get_uint (settings, "article-zoom"), ==, 110);
  mg_test_activate (window, "win.zoom-in", NULL);
  g_assert_cmpuint (g_settings_get_uint (settings, "article-zoom"), ==, 125);
  mg_test_spin_for (50);
  g_assert_cmpfloat_with_epsilon (article_font_size (window), usual * 1.25, 0.2);

  for (guint i = 0; i < 20; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  mg_test_spin ();
  g_assert_cmpuint (g_settings_get_uint (settings, "article-zoom"), ==, 300);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL) &&
                  g_settings_get_uint (settings, "article-zoom") != 300);

  mg_test_activate (window, "win.zoom-reset", NULL);
  g_assert_cmpuint (g_settings_get_uint (settings, "article-zoom"), ==, 100);
  mg_test_spin_for (50);
  g_assert_cmpfloat_with_epsilon (article_font_size (window), usual, 0.01);

  for (guint i = 0; i < 20; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL);
  mg_test_spin ();
  g_assert_cmpuint (g_settings_get_uint (settings, "article-zoom"), ==, 50);
  mg_test_spin_for (50);
  g_assert_cmpfloat_with_epsilon (article_font_size (window), usual * 0.5, 0.2);

  /* The preference, set elsewhere (the Preferences window), applies. */
  g_settings_set_uint (settings, "article-zoom", 200);
  mg_test_spin_for (50);
  g_assert_cmpfloat_with_epsilon (article_font_size (window), usual * 2, 0.2);

  g_settings_reset (settings, "article-zoom");
  mg_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  mg_test_init_display ();

  g_test_add_func ("/window-status/set-undo-header", test_set_undo_header);
  g_test_add_func ("/window-status/toggle-and-first-edit", test_toggle_and_first_edit);
  g_test_add_func ("/window-status/filter", test_filter);
  g_test_add_func ("/window-status/next-not-done", test_next_not_done);
  g_test_add_func ("/window-status/zoom", test_zoom);

  return g_test_run ();
}
