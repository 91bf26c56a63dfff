/* mg-window-annotation.c: the selected annotation's note, speaker and menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The note editor and the speaker chooser are popovers over the article,
 * pointing at the span; the annotation's menu opens on a right click, the
 * Menu key or Shift+F10. Every item of the menu is a window action, enabled
 * while it applies to what is selected, so the main menu shows the same.
 *
 * A note is the person's own words, so it is never thrown away: however
 * the note editor closes (Ctrl+Enter, Done, Escape, a click elsewhere) what
 * it holds is kept, as one step that Ctrl+Z takes back.
 */

#define G_LOG_DOMAIN "mg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-window-private.h"

/* The speaker list grows to this height, less where the window is small. */
#define SPEAKER_LIST_MAX_HEIGHT 360

/* Whether the span may be linked to another: by the scheme's relation
 * types when the dataset lists them, else any but an actor. */
static gboolean
is_attributable (MgWindow     *self,
                 MgAnnotation *annotation)
{
  if (annotation == NULL)
    return FALSE;
  if (_mg_window_scheme_declares_links (self))
    return _mg_window_scheme_may_link (self, annotation, NULL);
  return !g_str_equal (mg_annotation_get_label (annotation), "actor");
}

/* Where the span is drawn, in the article's coordinates: from its first
 * character to its last, cut to what the view shows. */
static void
span_rect (MgWindow     *self,
           MgAnnotation *annotation,
           GdkRectangle *rect)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->article_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle first, last, visible;
  GtkTextIter iter;
  int x0, y0, x1, y1;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) mg_annotation_get_start (annotation));
  gtk_text_view_get_iter_location (view, &iter, &first);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) mg_annotation_get_end (annotation));
  gtk_text_iter_backward_char (&iter);
  gtk_text_view_get_iter_location (view, &iter, &last);
  gtk_text_view_get_visible_rect (view, &visible);

  /* A span over several lines points at its first and last lines whole. */
  if (last.y != first.y)
    {
      first.x = visible.x;
      last.x = visible.x + visible.width - 1;
    }
  x0 = MIN (first.x, last.x);
  x1 = MAX (first.x, last.x + last.width);
  y0 = CLAMP (first.y, visible.y, visible.y + visible.height - 1);
  y1 = CLAMP (last.y + last.height, y0 + 1, visible.y + visible.height);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, x0, y0, &rect->x, &rect->y);
  rect->width = MAX (x1 - x0, 1);
  rect->height = MAX (y1 - y0, 1);
}

/* Opens @popover at the selected span: below it in the upper half of the
 * view, above it in the lower half, so it stays inside the window. */
void
_mg_window_popup_at_selected (MgWindow   *self,
                              GtkPopover *popover)
{
  GtkWidget *view = GTK_WIDGET (self->article_view);
  GdkRectangle rect;

  span_rect (self, _mg_window_current_annotation (self), &rect);
  gtk_popover_set_position (popover,
                            rect.y + rect.height / 2 > gtk_widget_get_height (view) / 2
                              ? GTK_POS_TOP : GTK_POS_BOTTOM);
  mg_article_view_popup (self->article_view, popover, &rect);
}

/* The note */

static char *
note_text (MgWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Keeps what the editor holds, if the annotation is still there. */
static void
commit_note (MgWindow *self)
{
  g_autoptr(MgAnnotation) target = g_steal_pointer (&self->note_target);
  g_autoptr(MgDocument) document = g_steal_pointer (&self->note_document);
  g_autofree char *note = NULL;

  if (target == NULL || document == NULL || _mg_window_history (self) == NULL ||
      mg_annotation_store_get_position (mg_document_get_store (document), target) == G_MAXUINT)
    return;

  note = note_text (self);
  if (g_strcmp0 (note, mg_annotation_get_note (target) ?: "") != 0)
    mg_history_set_note (_mg_window_history (self), document, target, note);
}

static void
note_closed_cb (MgWindow   *self,
                GtkPopover *popover)
{
  commit_note (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

static void
note_done_cb (MgWindow  *self,
              GtkButton *button)
{
  gtk_popover_popdown (self->note_popover);
}

static gboolean
note_finish_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  gtk_popover_popdown (GTK_POPOVER (user_data));
  return TRUE;
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgAnnotation *selected = _mg_window_current_annotation (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);

  if (selected == NULL || self->document == NULL)
    return;

  g_set_object (&self->note_target, selected);
  g_set_object (&self->note_document, self->document);
  gtk_text_buffer_set_text (buffer, mg_annotation_get_note (selected) ?: "", -1);
  _mg_window_popup_at_selected (self, self->note_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

/* A heading with a Done button, and a text view of a few lines that
 * grows to about ten and then scrolls. Enter makes a new line. */
static void
create_note_popover (MgWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *heading = gtk_label_new (_("Note"));
  GtkWidget *done = gtk_button_new_with_mnemonic (_("_Done"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *hint = gtk_label_new (_("Enter starts a new line; Ctrl+Enter finishes"));
  GtkEventController *keys = gtk_shortcut_controller_new ();

  self->note_popover = GTK_POPOVER (gtk_popover_new ());
  self->note_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->note_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->note_view, FALSE);
  gtk_text_view_set_left_margin (self->note_view, 8);
  gtk_text_view_set_right_margin (self->note_view, 8);
  gtk_text_view_set_top_margin (self->note_view, 6);
  gtk_text_view_set_bottom_margin (self->note_view, 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->note_view), "note-editor");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 96);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_size_request (scroller, 340, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->note_view));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (done, "suggested-action");
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 40);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_box_append (GTK_BOX (top), heading);
  gtk_box_append (GTK_BOX (top), done);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_popover_set_child (self->note_popover, box);

  /* Ctrl+Enter finishes; caught before the text view makes it a line. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < 2; i++)
    gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (keys),
      gtk_shortcut_new (gtk_keyval_trigger_new (i ? GDK_KEY_KP_Enter : GDK_KEY_Return, GDK_CONTROL_MASK),
                        gtk_callback_action_new (note_finish_cb, self->note_popover, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), keys);

  g_signal_connect_object (done, "clicked", G_CALLBACK (note_done_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->note_popover, "closed",
                           G_CALLBACK (note_closed_cb), self, G_CONNECT_SWAPPED);
  mg_article_view_add_popover (self->article_view, self->note_popover);
}

/* The speaker */

static void
speaker_closed_cb (MgWindow   *self,
                   GtkPopover *popover)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

static void
speaker_activated_cb (MgWindow      *self,
                      GtkListBoxRow *row,
                      GtkListBox    *list)
{
  MgAnnotation *selected = _mg_window_current_annotation (self);
  MgAnnotation *actor = g_object_get_data (G_OBJECT (row), "annotation");
  g_autoptr(GError) error = NULL;

  gtk_popover_popdown (self->speaker_popover);
  if (selected == NULL)
    return;
  /* A relation type of the scheme's other than attributed-to, or a choice
   * of several, is the scheme part's to make. */
  if (actor != NULL && _mg_window_scheme_link (self, selected, actor))
    return;

  if (!mg_history_set_attribution (_mg_window_history (self), self->document, selected, actor, &error))
    mg_window_toast (self, error->message);
}

/* A row with the whole name, wrapped over lines when it is long. */
static GtkWidget *
speaker_row (const char   *text,
             MgAnnotation *actor)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_width_chars (GTK_LABEL (label), 16);
  gtk_widget_set_margin_start (label, 10);
  gtk_widget_set_margin_end (label, 10);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  if (actor != NULL)
    g_object_set_data_full (G_OBJECT (row), "annotation", g_object_ref (actor), g_object_unref);

  return row;
}

/* The distinct actors of the document, in order of first mention, the
 * current one always; returns how many. */
static guint
fill_speakers (MgWindow     *self,
               MgAnnotation *selected)
{
  MgAnnotationStore *store = _mg_window_current_store (self);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  MgAnnotation *current = mg_annotation_store_attributed_to (store, selected);
  GtkWidget *child;
  guint n_actors = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->speaker_list))) != NULL)
    gtk_list_box_remove (self->speaker_list, child);

  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);
      GtkWidget *row;

      if (_mg_window_scheme_declares_links (self)
          ? a == selected || !_mg_window_scheme_may_link (self, selected, a)
          : !g_str_equal (mg_annotation_get_label (a), "actor"))
        continue;
      if (a != current && !g_hash_table_add (seen, (gpointer) mg_annotation_get_text (a)))
        continue;

      row = speaker_row (mg_annotation_get_text (a), a);
      gtk_list_box_append (self->speaker_list, row);
      if (a == current)
        gtk_list_box_select_row (self->speaker_list, GTK_LIST_BOX_ROW (row));
      n_actors++;
    }
  return n_actors;
}

/* The speaker chooser, or a word on why it cannot open. */
static void
choose_speaker (MgWindow *self)
{
  MgAnnotation *selected = _mg_window_current_annotation (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int room;

  if (selected == NULL || self->document == NULL)
    {
      mg_window_toast (self, _("Select a quote or a claim first"));
      return;
    }
  if (!is_attributable (self, selected))
    {
      mg_window_toast (self, _("Only quotes and claims are attributed to an actor"));
      return;
    }
  if (fill_speakers (self, selected) == 0)
    {
      mg_window_toast (self, _("Tag an actor in this article first"));
      return;
    }
  gtk_list_box_append (self->speaker_list, speaker_row (_("Nobody"), NULL));

  /* No taller than about half the window, which it sits above or below. */
  room = gtk_widget_get_height (GTK_WIDGET (root)) / 2 - 60;
  gtk_scrolled_window_set_max_content_height (self->speaker_scroller,
                                              CLAMP (room, 120, SPEAKER_LIST_MAX_HEIGHT));
  _mg_window_popup_at_selected (self, self->speaker_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->speaker_list));
}

static void
attribute_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  choose_speaker (MG_WINDOW (widget));
}


static void
create_speaker_popover (MgWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Said or Claimed by"));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  self->speaker_popover = GTK_POPOVER (gtk_popover_new ());
  self->speaker_list = GTK_LIST_BOX (gtk_list_box_new ());
  self->speaker_scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->speaker_list), "boxed-list");
  /* Room for the list's frame, which the scroller would cut. */
  gtk_widget_set_margin_top (GTK_WIDGET (self->speaker_list), 2);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->speaker_list), 2);
  gtk_widget_set_margin_start (GTK_WIDGET (self->speaker_list), 2);
  gtk_widget_set_margin_end (GTK_WIDGET (self->speaker_list), 2);
  gtk_scrolled_window_set_policy (self->speaker_scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (self->speaker_scroller, TRUE);
  gtk_scrolled_window_set_propagate_natural_width (self->speaker_scroller, TRUE);
  gtk_scrolled_window_set_max_content_height (self->speaker_scroller, SPEAKER_LIST_MAX_HEIGHT);
  gtk_scrolled_window_set_child (self->speaker_scroller, GTK_WIDGET (self->speaker_list));
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->speaker_scroller));
  gtk_popover_set_child (self->speaker_popover, box);
  g_signal_connect_object (self->speaker_list, "row-activated",
                           G_CALLBACK (speaker_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->speaker_popover, "closed",
                           G_CALLBACK (speaker_closed_cb), self, G_CONNECT_SWAPPED);
  mg_article_view_add_popover (self->article_view, self->speaker_popover);
}

/* The annotation's menu */

/* Copies the text selected, or else the selected annotation's text. */
static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));
  MgAnnotation *selected = _mg_window_current_annotation (self);
  g_autofree char *text = NULL;
  GtkTextIter s, e;

  if (gtk_text_buffer_get_selection_bounds (buffer, &s, &e))
    text = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
  else if (selected != NULL)
    text = g_strdup (mg_annotation_get_text (selected));

  if (text != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static GMenuItem *
menu_item (const char *label,
           const char *action,
           const char *accel)
{
  GMenuItem *item = g_menu_item_new (label, action);

  if (accel != NULL)
    g_menu_item_set_attribute (item, "accel", "s", accel);
  return item;
}

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             const char *accel)
{
  g_autoptr(GMenuItem) item = menu_item (label, action, accel);

  g_menu_append_item (menu, item);
}

/* Tag As with the dataset's labels, its own each time as datasets differ. */
static GMenuModel *
context_menu_model (MgWindow *self)
{
  MgLabelSet *labels = mg_dataset_get_labels (mg_session_get_dataset (self->session));
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) tags = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) copy = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();

  for (guint i = 0; i < mg_label_set_get_n_labels (labels); i++)
    {
      MgLabel *label = mg_label_set_get_label (labels, i);
      g_autoptr(GMenuItem) item = menu_item (_(mg_label_get_name (label)), NULL,
                                             mg_label_get_key (label));

      g_menu_item_set_action_and_target (item, "win.tag", "s", mg_label_get_id (label));
      g_menu_append_item (tags, item);
    }
  g_menu_append_submenu (menu, _("_Tag As"), G_MENU_MODEL (tags));
  append_item (edit, _("_Note…"), "win.edit-note", "Return");
  append_item (edit, _("_Attribute to…"), "win.attribute", "<Control><Shift>a");
  append_item (edit, _("Attri_butes…"), "win.choose-attributes", "<Alt>Return");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  append_item (copy, _("_Copy"), "win.copy", NULL);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (copy));
  append_item (remove, _("_Delete"), "win.delete", "Delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
popup_context_menu (MgWindow           *self,
                    const GdkRectangle *rect)
{
  MgLabelSet *labels;

  if (self->document == NULL)
    return;

  /* A new model for the same labels would only resize a menu that is
   * already right. */
  labels = mg_dataset_get_labels (mg_session_get_dataset (self->session));
  if (g_object_get_data (G_OBJECT (self->context_menu), "labels") != labels)
    {
      g_autoptr(GMenuModel) model = context_menu_model (self);

      gtk_popover_menu_set_menu_model (self->context_menu, model);
      g_object_set_data_full (G_OBJECT (self->context_menu), "labels",
                              g_object_ref (labels), g_object_unref);
    }
  gtk_popover_set_position (GTK_POPOVER (self->context_menu), GTK_POS_BOTTOM);
  mg_article_view_popup (self->article_view, GTK_POPOVER (self->context_menu), rect);
}

/* The menu key: at the selected span, or else at the caret. */
static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  GtkTextView *view = GTK_TEXT_VIEW (self->article_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle rect;
  GtkTextIter iter;

  if (self->document == NULL)
    return;

  if (_mg_window_current_annotation (self) != NULL)
    span_rect (self, _mg_window_current_annotation (self), &rect);
  else
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      gtk_text_view_get_iter_location (view, &iter, &rect);
      gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                             rect.x, rect.y, &rect.x, &rect.y);
      rect.width = MAX (rect.width, 1);
    }
  popup_context_menu (self, &rect);
}

/* The innermost span under the pointer becomes the selected one, unless
 * the one already selected is there (as picked among several). */
static void
aim_at (MgWindow *self,
        guint     offset)
{
  g_autoptr(GPtrArray) covering = mg_annotation_store_at (_mg_window_current_store (self), offset);
  MgAnnotation *selected = _mg_window_current_annotation (self);
  MgAnnotation *innermost = NULL;

  mg_article_view_place_cursor (self->article_view, offset);
  for (guint i = 0; i < covering->len; i++)
    {
      MgAnnotation *a = g_ptr_array_index (covering, i);

      if (a == selected)
        return;
      if (innermost == NULL ||
          mg_annotation_get_end (a) - mg_annotation_get_start (a) <
          mg_annotation_get_end (innermost) - mg_annotation_get_start (innermost))
        innermost = a;
    }
  mg_article_view_set_selected (self->article_view, innermost);
}

/* A right click: the menu acts on the selected text when the click is in
 * it, and on the span under the pointer otherwise. Claiming the press
 * keeps the text view's own Cut/Copy/Paste menu away. */
static void
context_pressed_cb (MgWindow        *self,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkGestureClick *gesture)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->article_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (gesture));
  GtkTextIter iter, s, e;
  int bx, by;

  /* The popovers over the article are its children, on surfaces of their
   * own: a right click in the note keeps the note's own editing menu. */
  if (event != NULL &&
      gdk_event_get_surface (event) != gtk_native_get_surface (gtk_widget_get_native (GTK_WIDGET (view))))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (self->document == NULL)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  gtk_text_view_get_iter_at_location (view, &iter, bx, by);
  if (!gtk_text_buffer_get_selection_bounds (buffer, &s, &e) ||
      !gtk_text_iter_in_range (&iter, &s, &e))
    aim_at (self, gtk_text_iter_get_offset (&iter));

  popup_context_menu (self, &(GdkRectangle) { (int) x, (int) y, 1, 1 });
}

/* Ctrl+Shift+A and the menu keys, wherever the focus is: the text view
 * and the lists bind them for themselves (Ctrl+Shift+A to unselect-all)
 * and would see them before the window does. Only where a person writes
 * text do the keys keep their editing meaning. */
static gboolean
annotation_key_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  MgWindow *self = MG_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL &&
      (GTK_IS_EDITABLE (focus) ||
       (GTK_IS_TEXT_VIEW (focus) && gtk_text_view_get_editable (GTK_TEXT_VIEW (focus)))))
    return FALSE;

  /* Attributing says why it cannot, which a greyed menu item cannot. */
  if (user_data == NULL)
    choose_speaker (self);
  else
    context_menu_action (widget, user_data, NULL);
  return TRUE;
}

static void
add_annotation_keys (MgWindow *self)
{
  /* The data is the menu item to run, NULL to attribute. */
  static const MgWindowKey keys[] = {
    { GDK_KEY_a,    GDK_CONTROL_MASK | GDK_SHIFT_MASK, NULL },
    { GDK_KEY_A,    GDK_CONTROL_MASK | GDK_SHIFT_MASK, NULL },
    { GDK_KEY_Menu, 0,                                 "win.context-menu" },
    { GDK_KEY_F10,  GDK_SHIFT_MASK,                    "win.context-menu" },
  };
  GtkEventController *controller = _mg_window_capture_keys (keys, G_N_ELEMENTS (keys), annotation_key_cb);

  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Each item is enabled while it applies to what is selected. */
static void
update_actions (MgWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));
  MgAnnotation *selected = _mg_window_current_annotation (self);

  gtk_widget_action_set_enabled (widget, "win.edit-note", selected != NULL);
  gtk_widget_action_set_enabled (widget, "win.attribute", is_attributable (self, selected));
  gtk_widget_action_set_enabled (widget, "win.delete", selected != NULL);
  gtk_widget_action_set_enabled (widget, "win.copy",
                                 selected != NULL || gtk_text_buffer_get_has_selection (buffer));
}

static void
selection_changed_cb (MgWindow *self)
{
  update_actions (self);
}

void
_mg_window_annotation_class_init (MgWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.edit-note", NULL, edit_note_action);
  gtk_widget_class_install_action (widget_class, "win.attribute", NULL, attribute_action);
  gtk_widget_class_install_action (widget_class, "win.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "win.context-menu", NULL, context_menu_action);
}

void
_mg_window_annotation_init (MgWindow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->article_view));

  create_note_popover (self);
  create_speaker_popover (self);
  self->context_menu = GTK_POPOVER_MENU (gtk_popover_menu_new_from_model (NULL));
  gtk_widget_set_halign (GTK_WIDGET (self->context_menu), GTK_ALIGN_START);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  mg_article_view_add_popover (self->article_view, GTK_POPOVER (self->context_menu));

  add_annotation_keys (self);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (context_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->article_view), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (self->article_view, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "notify::has-selection",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

void
_mg_window_annotation_dispose (MgWindow *self)
{
  g_clear_object (&self->note_target);
  g_clear_object (&self->note_document);
}
