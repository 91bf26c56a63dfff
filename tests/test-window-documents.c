/* test-window-documents.c: a coding session over a whole corpus
 *
 * New datasets, the sample as a welcome page only, documents removed,
 * renamed and moved (each undone), the document's details, an article
 * imported twice, and the recent datasets: the real window driven through
 * its actions, its prompts answered as a person would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "mg-test-gui.h"

static MgDocument *
document_at (MgWindow *window,
             guint     position)
{
  return mg_dataset_get_document (mg_window_get_dataset (window), position);
}

static guint
n_documents (MgWindow *window)
{
  return mg_dataset_get_n_documents (mg_window_get_dataset (window));
}

static gboolean
prompt_up (gpointer window)
{
  return MG_WINDOW (window)->prompt != NULL && gtk_widget_get_visible (MG_WINDOW (window)->prompt);
}

/* Answers the window's question as a click on @response would. */
static void
answer (MgWindow   *window,
        const char *response)
{
  AdwMessageDialog *dialog;

  g_assert_true (mg_test_spin_until (prompt_up, window, 3000));
  dialog = g_object_ref (ADW_MESSAGE_DIALOG (window->prompt));
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  mg_test_spin_for (20);
}

/* The titles the sidebar shows, top to bottom. */
static char *
sidebar_titles (MgWindow *window)
{
  GtkWidget *list = mg_test_find_widget (GTK_WIDGET (window->document_list), GTK_TYPE_LIST_VIEW, "document-rows");
  GString *s = g_string_new (NULL);

  mg_test_spin ();
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_widget_get_first_child (row);

      if (box == NULL || !GTK_IS_BOX (box) || !gtk_widget_get_child_visible (row))
        continue;
      g_string_append_printf (s, "%s%s", s->len ? "|" : "",
                              gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (box))));
    }
  return g_string_free (s, FALSE);
}

/* Removing asks only when coding would go, naming how much; each removal
 * is undone, in its place. */
static void
test_remove (void)
{
  g_autoptr(MgDataset) dataset = mg_test_load_fixture ("files", "small.json");
  g_autofree char *body = NULL;
  MgWindow *window;
  MgDocument *first, *second;

  MG_TEST_REQUIRE_DISPLAY ();
  window = mg_test_open_window (dataset, NULL);
  first = document_at (window, 0);
  second = document_at (window, 1);
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (mg_document_get_store (first)), ==, 5);

  mg_test_activate (window, "win.remove-document", "");
  g_assert_true (prompt_up (window));
  body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (window->prompt)));
  g_assert_nonnull (strstr (body, "5 annotations"));
  answer (window, "cancel");
  g_assert_cmpuint (n_documents (window), ==, 2);

  mg_test_activate (window, "win.remove-document", "");
  answer (window, "remove");
  g_assert_cmpuint (n_documents (window), ==, 1);
  /* The next one takes its place on screen. */
  g_assert_true (mg_window_get_document (window) == second);
  mg_test_activate (window, "win.undo", NULL);
  g_assert_true (document_at (window, 0) == first);
  g_assert_true (mg_window_get_document (window) == first);
  g_assert_false (mg_session_get_modified (mg_window_get_session (window)));

  /* A document without spans goes at once, by its id, from the menu of
   * a row that is not the one shown. */
  mg_history_begin_group (mg_window_get_history (window));
  while (mg_annotation_store_get_n_annotations (mg_document_get_store (second)) > 0)
    mg_history_remove_annotation (mg_window_get_history (window), second,
                                  mg_annotation_store_get_annotation (mg_document_get_store (second), 0));
  mg_history_end_group (mg_window_get_history (window));
  mg_test_activate (window, "win.remove-document", mg_document_get_id (second));
  g_assert_false (prompt_up (window));
  g_assert_cmpuint (n_documents (window), ==, 1);
  g_assert_true (mg_window_get_document (window) == first);
  mg_test_activate (window, "win.undo", NULL);
  g_assert_cmpuint (n_documents (window), ==, 2);
  g_assert_true (document_at (window, 1) == second);

  mg_test_close_window (window);
}

/* Moving and renaming: the sidebar follows, the shown document stays
 * selected, undo puts each back. */
static void
test_move_and_rename (void)
{
  g_autoptr(MgDataset) dataset = mg_test_load_fixture ("files", "small.json");
  g_autofree char *before = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *renamed = NULL;
  g_autofree char *back = NULL;
  MgWindow *window;
  MgDocument *first;

  MG_TEST_REQUIRE_DISPLAY ();
  window = mg_test_open_window (dataset, NULL);
  first = document_at (window, 0);
  before = sidebar_titles (window);
  g_assert_cmpstr (before, ==, "City council delays ferry contract|Café owners brace for a wet summer");

  /* The first cannot go further up. */
  mg_test_activate (window, "win.move-document-up", "");
  g_assert_false (mg_history_can_undo (mg_window_get_history (window)));
  mg_test_activate (window, "win.move-document-down", "");
  g_assert_true (document_at (window, 1) == first);
  g_assert_true (mg_window_get_document (window) == first);
  moved = sidebar_titles (window);
  g_assert_cmpstr (moved, ==, "Café owners brace for a wet summer|City council delays ferry contract");
  mg_test_activate (window, "win.undo", NULL);
  g_assert_true (document_at (window, 0) == first);

  /* Rename: the details open on the title, Enter keeps it as one step. */
  mg_test_activate (window, "win.rename-document", mg_document_get_id (document_at (window, 1)));
  g_assert_true (mg_window_get_document (window) == document_at (window, 1));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (window->metadata_button))));
  g_assert_cmpstr (mg_metadata_panel_get_value (window->metadata_panel, "title"), ==,
                   "Café owners brace for a wet summer");
  mg_test_activate (window, "win.set-title", "Cafés brace for rain");
  renamed = sidebar_titles (window);
  g_assert_cmpstr (renamed, ==, "City council delays ferry contract|Cafés brace for rain");
  /* The subtitle is the progress, then the document's title. */
  g_assert_true (g_str_has_suffix (adw_window_title_get_subtitle (window->window_title),
                                   "· Cafés brace for rain"));
  mg_test_activate (window, "win.undo", NULL);
  back = sidebar_titles (window);
  g_assert_cmpstr (back, ==, before);
  g_assert_cmpstr (mg_metadata_panel_get_value (window->metadata_panel, "title"), ==,
                   "Café owners brace for a wet summer");
  g_assert_false (mg_session_get_modified (mg_window_get_session (window)));

  /* The details show what the import read, and nothing for what it did
   * not. */
  mg_window_show_document (window, first);
  g_assert_cmpstr (mg_metadata_panel_get_value (window->metadata_panel, "section"), ==, "Harbour");
  g_assert_cmpstr (mg_metadata_panel_get_value (window->metadata_panel, "file"), ==, "ferry-contract.txt (text/plain)");
  g_assert_null (mg_metadata_panel_get_value (window->metadata_panel, "url"));

  mg_test_close_window (window);
}

static gboolean
has_documents (gpointer window)
{
  return mg_window_get_dataset (window) != NULL && n_documents (window) > 0 &&
         mg_window_get_session (window) != NULL;
}

static gboolean
imported (gpointer data)
{
  MgWindow *window = data;

  return !mg_session_get_welcome (mg_window_get_session (window)) && n_documents (window) > 0;
}

/* The sample is a welcome page: an import starts a dataset of its own,
 * New Dataset an empty one, and the same text again is asked about. */
static void
test_welcome_new_and_duplicates (void)
{
  g_autoptr(MgDataset) sample = mg_test_load_fixture ("files", "small.json");
  g_autofree char *path = mg_test_fixture_path ("files", "article.txt");
  g_autoptr(GFile) article = g_file_new_for_path (path);
  MgWindow *window;
  MgSession *session;
  MgDocument *existing;

  MG_TEST_REQUIRE_DISPLAY ();
  window = mg_window_new (NULL);
  session = mg_window_get_session (window);
  mg_session_set_welcome (session, sample);
  gtk_window_present (GTK_WINDOW (window));
  mg_test_spin ();
  g_assert_true (mg_session_get_welcome (session));

  mg_window_open_files (window, &article, 1);
  g_assert_true (mg_test_spin_until (imported, window, 5000));
  g_assert_true (mg_window_get_dataset (window) != sample);
  g_assert_cmpuint (n_documents (window), ==, 1);
  g_assert_cmpuint (mg_dataset_get_n_documents (sample), ==, 2);
  g_assert_null (mg_window_get_file (window));
  g_assert_true (mg_session_get_modified (session));
  g_assert_cmpstr (mg_dataset_get_annotator (mg_window_get_dataset (window)), ==, g_get_user_name ());

  /* The same article again: Go to Existing adds nothing and shows it. */
  existing = document_at (window, 0);
  mg_window_show_document (window, NULL);
  mg_window_open_files (window, &article, 1);
  g_assert_true (mg_test_spin_until (prompt_up, window, 5000));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (window->prompt), "skip"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (window->prompt), "anyway"));
  answer (window, "go");
  g_assert_cmpuint (n_documents (window), ==, 1);
  g_assert_true (mg_window_get_document (window) == existing);

  /* New Dataset asks about the unsaved import first. */
  mg_test_activate (window, "win.new-dataset", NULL);
  answer (window, "discard");
  g_assert_true (has_documents (window) == FALSE);
  g_assert_cmpuint (mg_label_set_get_n_labels (mg_dataset_get_labels (mg_window_get_dataset (window))), ==, 4);
  g_assert_false (mg_session_get_modified (session));
  g_assert_false (mg_session_get_welcome (session));
  g_assert_null (mg_window_get_document (window));

  mg_test_close_window (window);
}

static gboolean
toasted (gpointer window)
{
  /* A toast shows over the article: the overlay has a child beside it. */
  GtkWidget *overlay = GTK_WIDGET (MG_WINDOW (window)->toast_overlay);
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (overlay); c != NULL; c = gtk_widget_get_next_sibling (c))
    n++;
  return n > 1;
}

/* Each dataset the window gets a file for goes first in the recent list,
 * once; the last one reopens; one that went is said once and forgotten. */
static void
test_recent (void)
{
  g_autofree char *dir = mg_test_make_tmpdir ("marginalia-recent-XXXXXX");
  g_autofree char *a = g_build_filename (dir, "first_one.json", NULL);
  g_autofree char *b = g_build_filename (dir, "second.json", NULL);
  g_autofree char *fixture = mg_test_fixture_path ("files", "small.json");
  g_autofree char *contents = NULL;
  g_autoptr(GFile) fa = g_file_new_for_path (a);
  g_autoptr(GFile) fb = g_file_new_for_path (b);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(MgDataset) dataset = mg_test_load_fixture ("files", "small.json");
  g_autofree char *uri_a = g_file_get_uri (fa);
  g_autofree char *uri_b = g_file_get_uri (fb);
  g_auto(GStrv) recent = NULL;
  g_autofree char *last = NULL;
  GMenuModel *menu;
  MgWindow *window;

  MG_TEST_REQUIRE_DISPLAY ();
  g_assert_true (g_file_get_contents (fixture, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (a, contents, -1, NULL));
  g_assert_true (g_file_set_contents (b, contents, -1, NULL));
  g_settings_reset (settings, "recent-datasets");
  g_settings_reset (settings, "last-dataset");

  window = mg_test_open_window (dataset, fa);
  mg_window_set_dataset (window, dataset, fb);
  mg_window_set_dataset (window, dataset, fa);
  recent = g_settings_get_strv (settings, "recent-datasets");
  g_assert_cmpuint (g_strv_length (recent), ==, 2);
  g_assert_cmpstr (recent[0], ==, uri_a);
  g_assert_cmpstr (recent[1], ==, uri_b);
  last = g_settings_get_string (settings, "last-dataset");
  g_assert_cmpstr (last, ==, uri_a);

  /* The menu shows paths, an underscore as itself. */
  menu = G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (window), MG_TYPE_WINDOW, "recent_menu"));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  {
    g_autofree char *label = NULL;

    g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
    g_assert_true (g_str_has_suffix (label, "first__one.json"));
  }
  mg_test_close_window (window);

  /* At start the last one opens over whatever the window had. */
  {
    g_autoptr(MgDataset) empty = mg_dataset_new ();

    window = mg_test_open_window (empty, NULL);
    mg_window_set_dataset (window, empty, fb);
    mg_window_set_dataset (window, empty, NULL);
    g_settings_set_string (settings, "last-dataset", uri_a);
    mg_window_reopen_last (window);
    g_assert_true (mg_test_spin_until (has_documents, window, 5000));
    g_assert_true (g_file_equal (mg_window_get_file (window), fa));
    mg_test_close_window (window);
  }

  /* Gone: a toast, no dialog, and it leaves the list and the start. */
  g_assert_cmpint (g_unlink (a), ==, 0);
  {
    g_autoptr(MgDataset) empty = mg_dataset_new ();

    window = mg_test_open_window (empty, NULL);
    mg_window_reopen_last (window);
    g_assert_true (toasted (window));
    mg_test_spin_for (100);
    g_assert_null (window->prompt);
    g_assert_null (mg_window_get_file (window));
    g_clear_pointer (&recent, g_strfreev);
    recent = g_settings_get_strv (settings, "recent-datasets");
    g_assert_cmpuint (g_strv_length (recent), ==, 1);
    g_assert_cmpstr (recent[0], ==, uri_b);
    g_clear_pointer (&last, g_free);
    last = g_settings_get_string (settings, "last-dataset");
    g_assert_cmpstr (last, ==, "");
    mg_test_close_window (window);
  }

  mg_test_remove_tree (dir);
}

static void
check_shortened (const char *shown,
                 guint       max_chars,
                 const char *expected)
{
  g_autofree char *got = _mg_window_recent_shorten (shown, max_chars);

  g_assert_cmpstr (got, ==, expected);
}

/* Open Recent shortens a long path in the middle, whole folders at a time,
 * and keeps the file name and where the path starts; characters, not
 * bytes, are counted. */
static void
test_recent_shorten (void)
{
  check_shortened ("~/news.json", 20, "~/news.json");
  check_shortened ("~/Documents/Projects/2026/Elections/coding/round-two/news.json", 40,
                   "~/…/Elections/coding/round-two/news.json");
  check_shortened ("/media/usb/Archive/2019/March/feeds/news.json", 30,
                   "/media/…/March/feeds/news.json");
  check_shortened ("~/Belgeler/Çalışma/Seçim/Üçüncü tur/haber.json", 30,
                   "~/…/Üçüncü tur/haber.json");
  /* Exactly as long as allowed: left as it is. */
  check_shortened ("~/Belgeler/Çalışma/haber.json", 29, "~/Belgeler/Çalışma/haber.json");
  /* The one folder between does not fit: only the ellipsis stands for it. */
  check_shortened ("~/a-very-long-folder-name-indeed/x.json", 10, "~/…/x.json");
  /* The file name stays whole even when it alone is too long. */
  check_shortened ("~/a/b/an-extremely-long-file-name-for-this-menu.json", 20,
                   "…/an-extremely-long-file-name-for-this-menu.json");
  /* Nothing between the start and the file name: nothing to leave out. */
  check_shortened ("/an-extremely-long-file-name.json", 10, "/an-extremely-long-file-name.json");
  check_shortened ("~/an-extremely-long-file-name.json", 10, "~/an-extremely-long-file-name.json");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *scratch = mg_test_scratch_home ("marginalia-documents-home-XXXXXX");
  int status;

  g_test_init (&argc, &argv, NULL);
  mg_test_init_display ();

  g_test_add_func ("/window-documents/remove", test_remove);
  g_test_add_func ("/window-documents/move-and-rename", test_move_and_rename);
  g_test_add_func ("/window-documents/welcome-new-and-duplicates", test_welcome_new_and_duplicates);
  g_test_add_func ("/window-documents/recent", test_recent);
  g_test_add_func ("/window-documents/recent-shorten", test_recent_shorten);

  status = g_test_run ();
  mg_test_remove_tree (scratch);
  return status;
}
