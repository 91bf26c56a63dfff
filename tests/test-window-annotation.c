/* test-window-annotation.c: the note editor, the speaker chooser, the
 * annotation's menu and the note mark, in the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mg-test-gui.h"

static void
set_note_text (MgWindow   *window,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (window->note_view), text, -1);
}

/* However the editor closes, what it holds is kept, as one undo step. */
static void
test_note_kept (void)
{
  MgWindow *window;
  MgAnnotation *quote;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_test_open_fixture ("window", "small.json");
  quote = mg_test_find (window, "quote", "we will build it before winter");
  mg_article_view_set_selected (window->article_view, quote);

  /* Two lines, closed as Escape or a click elsewhere closes it. */
  mg_test_activate (window, "win.edit-note", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->note_popover)));
  set_note_text (window, "Promise to check\nin spring");
  gtk_popover_popdown (window->note_popover);
  mg_test_spin ();
  g_assert_cmpstr (mg_annotation_get_note (quote), ==, "Promise to check\nin spring");

  /* Opened again it shows the note, and closing unchanged adds no step. */
  mg_test_activate (window, "win.edit-note", NULL);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (window->note_view);
    GtkTextIter s, e;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &s, &e);
    shown = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
    g_assert_cmpstr (shown, ==, "Promise to check\nin spring");
  }
  gtk_popover_popdown (window->note_popover);
  mg_test_spin ();
  mg_test_activate (window, "win.undo", NULL);
  g_assert_cmpstr (mg_annotation_get_note (quote) ?: "", ==, "");

  mg_test_close_window (window);
}

static gboolean
model_has_action (GMenuModel *model,
                  const char *action,
                  const char *target)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action) &&
          (target == NULL ||
           (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_TARGET, "s", &value) &&
            g_str_equal (value, target))))
        return TRUE;

      for (int l = 0; l < 2; l++)
        {
          link = g_menu_model_get_item_link (model, i, l ? G_MENU_LINK_SECTION : G_MENU_LINK_SUBMENU);
          if (link != NULL)
            {
              gboolean found = model_has_action (link, action, target);

              g_object_unref (link);
              if (found)
                return TRUE;
            }
        }
    }
  return FALSE;
}

/* Whether a menu item or button of @action would be sensitive. */
static gboolean
action_enabled (MgWindow   *window,
                const char *action)
{
  GtkPopover *holder = GTK_POPOVER (gtk_popover_new ());
  GtkWidget *button = gtk_button_new ();
  gboolean enabled;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_popover_set_child (holder, button);
  mg_article_view_add_popover (window->article_view, holder);
  enabled = gtk_widget_get_sensitive (button);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), NULL);
  return enabled;
}

/* The menu key opens the annotation's actions, each one enabled while it
 * applies; the main menu has the same. */
static void
test_context_menu (void)
{
  MgWindow *window;
  MgAnnotation *quote, *actor;
  GMenuModel *model;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_test_open_fixture ("window", "small.json");
  quote = mg_test_find (window, "quote", "we will build it before winter");
  actor = mg_test_find (window, "actor", "Ana Pérez");

  mg_article_view_set_selected (window->article_view, quote);
  mg_test_activate (window, "win.context-menu", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->context_menu)));
  model = gtk_popover_menu_get_menu_model (window->context_menu);
  g_assert_true (model_has_action (model, "win.tag", "quote"));
  g_assert_true (model_has_action (model, "win.tag", "claim"));
  g_assert_true (model_has_action (model, "win.edit-note", NULL));
  g_assert_true (model_has_action (model, "win.attribute", NULL));
  g_assert_true (model_has_action (model, "win.copy", NULL));
  g_assert_true (model_has_action (model, "win.delete", NULL));
  gtk_popover_popdown (GTK_POPOVER (window->context_menu));

  /* Tag As relabels the selected span. */
  mg_test_activate (window, "win.tag", "claim");
  g_assert_cmpstr (mg_annotation_get_label (quote), ==, "claim");

  /* An actor is not attributed; with nothing selected only tagging and
   * nothing else applies. */
  g_assert_true (action_enabled (window, "win.attribute"));
  mg_article_view_set_selected (window->article_view, actor);
  g_assert_false (action_enabled (window, "win.attribute"));
  g_assert_true (action_enabled (window, "win.delete"));
  mg_article_view_set_selected (window->article_view, NULL);
  g_assert_false (action_enabled (window, "win.delete"));
  g_assert_false (action_enabled (window, "win.edit-note"));
  g_assert_false (action_enabled (window, "win.copy"));

  model = gtk_menu_button_get_menu_model (
    GTK_MENU_BUTTON (mg_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, "primary-menu")));
  g_assert_true (model_has_action (model, "win.attribute", NULL));
  g_assert_true (model_has_action (model, "win.edit-note", NULL));

  mg_test_close_window (window);
}

static GtkGesture *
secondary_click (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY)
        return GTK_GESTURE (controller);
    }
  g_assert_not_reached ();
}

/* Where a right click at the character @offset lands, in the article. */
static void
right_click_at (MgWindow *window,
                guint     offset)
{
  GtkTextView *view = GTK_TEXT_VIEW (window->article_view);
  GdkRectangle r;
  GtkTextIter iter;
  int x, y;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, (int) offset);
  gtk_text_view_get_iter_location (view, &iter, &r);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                         r.x + r.width / 2, r.y + r.height / 2, &x, &y);
  g_signal_emit_by_name (secondary_click (GTK_WIDGET (view)), "pressed", 1, (double) x, (double) y);
  mg_test_spin ();
}

/* A right click picks the innermost span under the pointer, or keeps the
 * selected text when it lands in it, and opens the menu there. */
static void
test_right_click (void)
{
  MgWindow *window;
  MgAnnotation *inner;
  GtkTextBuffer *buffer;
  guint start, end;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_test_open_fixture ("files", "small.json");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->article_view));
  inner = mg_test_find (window, "figure", "18 percent");

  right_click_at (window, mg_annotation_get_start (inner) + 3);
  g_assert_true (mg_article_view_get_selected (window->article_view) == inner);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->context_menu)));
  gtk_popover_popdown (GTK_POPOVER (window->context_menu));

  /* Outside every span: nothing is selected, only tagging applies. */
  right_click_at (window, 2);
  g_assert_null (mg_article_view_get_selected (window->article_view));
  gtk_popover_popdown (GTK_POPOVER (window->context_menu));

  /* In the selected text: the selection stays, and Tag As tags it. */
  start = mg_test_offset_of (mg_window_get_document (window), "Tuesday");
  {
    GtkTextIter s, e;

    gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) start);
    gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) start + 7);
    gtk_text_buffer_select_range (buffer, &s, &e);
  }
  right_click_at (window, start + 2);
  g_assert_true (mg_article_view_get_tag_range (window->article_view, &start, &end));
  gtk_popover_popdown (GTK_POPOVER (window->context_menu));
  mg_test_activate (window, "win.tag", "figure");
  g_assert_nonnull (mg_test_find (window, "figure", "Tuesday"));

  mg_test_close_window (window);
}

/* A long name is shown whole, and a span near the bottom of a small
 * window gets the chooser above it, inside the window. */
static void
test_speaker_popover (void)
{
  MgWindow *window;
  MgAnnotation *quote;
  GtkAdjustment *adjustment;
  GtkListBoxRow *row;
  GtkWidget *label;
  GdkRectangle rect;
  GtkTextIter iter;
  int wy;
  double py;

  MG_TEST_REQUIRE_DISPLAY ();

  {
    g_autoptr(MgDataset) dataset = mg_test_load_fixture ("window", "long-names.json");

    window = mg_test_open_window_sized (dataset, 900, 650);
  }
  g_assert_true (mg_test_spin_until (mg_test_is_allocated, window->article_view, 10000));
  mg_test_spin_for (300);
  quote = mg_test_find (window, "quote", "“We will not wait another winter,”");
  mg_article_view_set_selected (window->article_view, quote);

  /* Scroll so the quote is on the view's last lines. */
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->article_view)),
                                      &iter, (int) mg_annotation_get_start (quote));
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (window->article_view), &iter, &rect);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (window->article_view));
  gtk_adjustment_set_value (adjustment, rect.y - gtk_adjustment_get_page_size (adjustment) + 80);
  mg_test_spin_for (300);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (window->article_view), GTK_TEXT_WINDOW_WIDGET,
                                         rect.x, rect.y, NULL, &wy);
  g_assert_cmpint (wy, >, gtk_widget_get_height (GTK_WIDGET (window->article_view)) / 2);

  mg_test_activate (window, "win.attribute", NULL);
  mg_test_spin_for (300);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->speaker_popover)));
  g_assert_cmpint (gtk_popover_get_position (window->speaker_popover), ==, GTK_POS_TOP);

  row = gtk_list_box_get_row_at_index (window->speaker_list, 0);
  label = gtk_list_box_row_get_child (row);
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "Dr. Maria-Theresa Hohenstein-Vasquez, chair of the regional harbour and ferry authority");

  /* Its surface lies above the span, within the window. */
  {
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window->speaker_popover));
    graphene_point_t p;

    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (window->article_view), GTK_WIDGET (window),
                                             &GRAPHENE_POINT_INIT (0, wy), &p));
    py = gdk_popup_get_position_y (GDK_POPUP (surface));
    g_assert_cmpfloat (py, >=, 0);
    /* The surface also holds the popover's shadow, past its arrow. */
    g_assert_cmpfloat (py + gdk_surface_get_height (surface) / 2.0, <, p.y);
    g_assert_cmpfloat (py + gdk_surface_get_height (surface), <=,
                       gtk_widget_get_height (GTK_WIDGET (window)));
  }

  mg_test_close_window (window);
}

/* Pixels that differ in the square of @size around (@x, @y). */
static guint
changed_pixels (const guchar *a,
                const guchar *b,
                int           stride,
                int           x,
                int           y,
                int           size)
{
  guint n = 0;

  for (int j = MAX (y - size, 0); j < y + size; j++)
    for (int i = MAX (x - size, 0); i < x + size; i++)
      if (memcmp (a + j * stride + i * 4, b + j * stride + i * 4, 4) != 0)
        n++;
  return n;
}

/* A span with a note shows a mark at its end, and only there. */
static void
test_note_mark (void)
{
  GtkTextView *view;
  MgWindow *window;
  MgAnnotation *quote;
  g_autofree guchar *before = NULL;
  g_autofree guchar *after = NULL;
  GdkRectangle r;
  GtkTextIter iter;
  int stride, x, y;

  MG_TEST_REQUIRE_DISPLAY ();

  window = mg_test_open_fixture ("window", "small.json");
  view = GTK_TEXT_VIEW (window->article_view);
  quote = mg_test_find (window, "quote", "we will build it before winter");
  g_assert_cmpstr (mg_annotation_get_note (quote) ?: "", ==, "");
  g_assert_true (mg_test_spin_until (mg_test_is_allocated, view, 10000));
  mg_test_spin_for (200);

  before = mg_test_render_pixels (GTK_WIDGET (view), &stride);
  mg_history_set_note (mg_window_get_history (window), mg_window_get_document (window), quote, "Ask her");
  mg_test_spin_for (200);
  after = mg_test_render_pixels (GTK_WIDGET (view), &stride);

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter,
                                      (int) mg_annotation_get_end (quote) - 1);
  gtk_text_view_get_iter_location (view, &iter, &r);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, r.x + r.width, r.y, &x, &y);
  g_assert_cmpuint (changed_pixels (before, after, stride, x, y, 8), >=, 20);

  /* The start of the span, and the rest of the article, are as before. */
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter,
                                      (int) mg_annotation_get_start (quote));
  gtk_text_view_get_iter_location (view, &iter, &r);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, r.x, r.y, &x, &y);
  g_assert_cmpuint (changed_pixels (before, after, stride, x + 4, y + 4, 8), ==, 0);

  mg_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  mg_test_init_display ();
  g_test_add_func ("/window-annotation/note-kept", test_note_kept);
  g_test_add_func ("/window-annotation/context-menu", test_context_menu);
  g_test_add_func ("/window-annotation/right-click", test_right_click);
  g_test_add_func ("/window-annotation/speaker-popover", test_speaker_popover);
  g_test_add_func ("/window-annotation/note-mark", test_note_mark);

  return g_test_run ();
}
