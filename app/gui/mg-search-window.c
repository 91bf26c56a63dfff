/* mg-search-window.c: a phrase searched in all documents of the dataset
 *
 * Each match is a row in context, keyword-in-context style: the document's
 * title above, the words before it right-aligned against the match in bold,
 * the words after it, so the matches line up in one column and read down
 * the list. Enter or a click shows the match in the window, selected, so
 * the next label key tags it; Tag All gives every match a label at once.
 * The core searches (mg-text-search.c); this only shows and asks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-search-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-search-window.h"
#include "mg-window-private.h"

/* Words of context on each side of a match. */
#define CONTEXT_WORDS 8

struct _MgSearchWindow
{
  AdwWindow            parent_instance;

  MgWindow            *window;      /* weak: the window searched */
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *title;
  GtkSearchEntry      *entry;
  GtkMenuButton       *tag_button;
  GtkStack            *stack;
  GtkListView         *list_view;
  GtkSingleSelection  *selection;
  char                *count;
};

G_DEFINE_FINAL_TYPE (MgSearchWindow, mg_search_window, ADW_TYPE_WINDOW)

/* The labels of the dataset as it is at each search. */
static void
update_tag_menu (MgSearchWindow *self)
{
  MgDataset *dataset = self->window ? mg_window_get_dataset (self->window) : NULL;
  MgLabelSet *labels = dataset ? mg_dataset_get_labels (dataset) : NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  for (guint i = 0; labels != NULL && i < mg_label_set_get_n_labels (labels); i++)
    {
      MgLabel *label = mg_label_set_get_label (labels, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (mg_label_get_name (label), NULL);

      g_menu_item_set_action_and_target (item, "search.tag", "s", mg_label_get_id (label));
      g_menu_append_item (section, item);
    }
  g_menu_append_section (menu, _("Tag Every Match As"), G_MENU_MODEL (section));
  gtk_menu_button_set_menu_model (self->tag_button, G_MENU_MODEL (menu));
}

static void
run_search (MgSearchWindow *self)
{
  MgDataset *dataset = self->window ? mg_window_get_dataset (self->window) : NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(MgTextSearch) search = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GHashTable) documents = g_hash_table_new (NULL, NULL);
  guint n;

  search = mg_text_search_new (text, self->window ? _mg_window_find_flags (self->window)
                                                : MG_TEXT_SEARCH_IGNORE_DIACRITICS);
  if (dataset == NULL || search == NULL)
    hits = G_LIST_MODEL (g_list_store_new (MG_TYPE_TEXT_HIT));
  else
    hits = mg_text_search_dataset (search, dataset);

  gtk_single_selection_set_model (self->selection, hits);
  n = g_list_model_get_n_items (hits);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MgTextHit) hit = g_list_model_get_item (hits, i);

      g_hash_table_add (documents, mg_text_hit_get_document (hit));
    }

  g_free (self->count);
  if (search == NULL)
    self->count = g_strdup ("");
  else
    {
      g_autofree char *matches = g_strdup_printf (ngettext ("%u match", "%u matches", n), n);
      g_autofree char *docs = g_strdup_printf (ngettext ("%u document", "%u documents",
                                                         g_hash_table_size (documents)),
                                               g_hash_table_size (documents));

      self->count = n > 0 ? g_strdup_printf ("%s · %s", matches, docs) : g_strdup (_("No matches"));
    }
  adw_window_title_set_subtitle (self->title, self->count);

  gtk_stack_set_visible_child_name (self->stack, search == NULL ? "start" : n > 0 ? "hits" : "none");
  gtk_widget_set_sensitive (GTK_WIDGET (self->tag_button), n > 0);
  update_tag_menu (self);
}

static void
search_changed_cb (MgSearchWindow *self)
{
  run_search (self);
}

static void
open_hit (MgSearchWindow *self,
          guint           position)
{
  g_autoptr(MgTextHit) hit = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (hit == NULL || self->window == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self->window), "win.show-match", "(suu)",
                              mg_document_get_id (mg_text_hit_get_document (hit)),
                              mg_text_hit_get_start (hit), mg_text_hit_get_end (hit));
  /* The match is selected there: the next label key tags it. */
  gtk_window_present (GTK_WINDOW (self->window));
}

static void
list_activate_cb (MgSearchWindow *self,
                  guint           position)
{
  open_hit (self, position);
}

/* Enter in the entry opens the match selected in the list, the first
 * unless the person picked another. */
static void
entry_activate_cb (MgSearchWindow *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position != GTK_INVALID_LIST_POSITION)
    open_hit (self, position);
}

static gboolean
entry_down_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  MgSearchWindow *self = MG_SEARCH_WINDOW (gtk_widget_get_root (widget));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return FALSE;
  return gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_center_box_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *left = gtk_label_new (NULL);
  GtkWidget *match = gtk_label_new (NULL);
  GtkWidget *right = gtk_label_new (NULL);
  PangoAttrList *bold = pango_attr_list_new ();

  pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  gtk_label_set_attributes (GTK_LABEL (match), bold);
  pango_attr_list_unref (bold);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "caption");
  gtk_widget_add_css_class (title, "dim-label");

  /* The match in the centre keeps the matches in a column down the list;
   * the context either side gives way at its outer end. */
  gtk_label_set_xalign (GTK_LABEL (left), 1);
  gtk_label_set_ellipsize (GTK_LABEL (left), PANGO_ELLIPSIZE_START);
  gtk_label_set_width_chars (GTK_LABEL (left), 10);
  gtk_widget_set_hexpand (left, TRUE);
  gtk_label_set_xalign (GTK_LABEL (right), 0);
  gtk_label_set_ellipsize (GTK_LABEL (right), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (right), 10);
  gtk_widget_set_hexpand (right, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (match), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (match), 40);

  gtk_center_box_set_start_widget (GTK_CENTER_BOX (line), left);
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (line), match);
  gtk_center_box_set_end_widget (GTK_CENTER_BOX (line), right);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), line);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  MgTextHit *hit = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *line = gtk_widget_get_next_sibling (title);
  GtkWidget *left = gtk_center_box_get_start_widget (GTK_CENTER_BOX (line));
  GtkWidget *match = gtk_center_box_get_center_widget (GTK_CENTER_BOX (line));
  GtkWidget *right = gtk_center_box_get_end_widget (GTK_CENTER_BOX (line));
  MgDocument *document = mg_text_hit_get_document (hit);
  const char *name = mg_document_get_title (document);
  g_autofree char *l = NULL, *m = NULL, *r = NULL;

  mg_text_hit_get_context (hit, CONTEXT_WORDS, &l, &m, &r);
  gtk_label_set_text (GTK_LABEL (title), name && *name ? name : mg_document_get_id (document));
  gtk_label_set_text (GTK_LABEL (left), l);
  gtk_label_set_text (GTK_LABEL (match), m);
  gtk_label_set_text (GTK_LABEL (right), r);
}

static void
undo_cb (MgWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
}

static void
tag_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  MgSearchWindow *self = MG_SEARCH_WINDOW (widget);
  g_autofree char *message = NULL;
  guint64 before;

  if (self->window == NULL)
    return;

  before = mg_history_get_state (mg_window_get_history (self->window));
  message = _mg_window_find_tag (self->window, gtk_editable_get_text (GTK_EDITABLE (self->entry)),
                                 g_variant_get_string (param, NULL), TRUE);
  if (message != NULL)
    {
      AdwToast *toast = adw_toast_new (message);

      /* The window's undo, from here: the tags went into its history. */
      if (mg_history_get_state (mg_window_get_history (self->window)) != before)
        {
          adw_toast_set_button_label (toast, _("_Undo"));
          g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_cb), self->window,
                                   G_CONNECT_SWAPPED);
        }
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
mg_search_window_dispose (GObject *object)
{
  MgSearchWindow *self = MG_SEARCH_WINDOW (object);

  g_clear_weak_pointer (&self->window);
  g_clear_pointer (&self->count, g_free);

  G_OBJECT_CLASS (mg_search_window_parent_class)->dispose (object);
}

static void
mg_search_window_class_init (MgSearchWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mg_search_window_dispose;

  gtk_widget_class_install_action (widget_class, "search.tag", "s", tag_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static GtkWidget *
status_page (const char *icon,
             const char *title,
             const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  return page;
}

static void
mg_search_window_init (MgSearchWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkWidget *check;

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Search All Documents"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (content), header);

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  g_object_set (self->entry, "placeholder-text", _("Find in all documents"), NULL);
  self->tag_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (self->tag_button, _("Tag All"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->tag_button), _("Tag Every Match with a Label"));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->entry));
  /* The find bar's switch (win.match-diacritics), which the window puts
   * in under "win". */
  check = gtk_check_button_new_with_mnemonic (_("Match _Diacritics"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (check), "win.match-diacritics");
  gtk_box_append (GTK_BOX (bar), check);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->tag_button));
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_box_append (GTK_BOX (content), bar);

  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_list_store_new (MG_TYPE_TEXT_HIT)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (self->selection), factory));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, status_page ("edit-find-symbolic", _("Search All Documents"),
                                                 _("Type a word or phrase to see every place it occurs")),
                       "start");
  gtk_stack_add_named (self->stack, status_page ("edit-find-symbolic", _("No Matches"),
                                                 _("No document of the dataset has this text")),
                       "none");
  gtk_stack_add_named (self->stack, scroller, "hits");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, content);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toast_overlay));

  gtk_window_set_title (GTK_WINDOW (self), _("Search All Documents"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 520);

  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (list_activate_cb), self);

  /* Down from the entry goes into the list, to pick a match with the keys. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Down, 0),
                      gtk_callback_action_new (entry_down_cb, NULL, NULL)));
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), controller);

  run_search (self);
}

/**
 * mg_search_window_new:
 * @window: the window whose dataset is searched and where matches open
 */
MgSearchWindow *
mg_search_window_new (MgWindow *window)
{
  MgSearchWindow *self;

  g_return_val_if_fail (MG_IS_WINDOW (window), NULL);

  self = g_object_new (MG_TYPE_SEARCH_WINDOW,
                       "transient-for", window,
                       "destroy-with-parent", TRUE,
                       NULL);
  g_set_weak_pointer (&self->window, window);
  /* Another dataset opened in the window: its documents are searched. */
  g_signal_connect_object (mg_window_get_session (window), "notify::dataset",
                           G_CALLBACK (run_search), self, G_CONNECT_SWAPPED);
  return self;
}

/**
 * mg_search_window_search:
 * @text: the phrase to search for, or "" to keep the one there
 *
 * Searches the dataset as it is now, with the entry focused.
 */
void
mg_search_window_search (MgSearchWindow *self,
                         const char     *text)
{
  g_return_if_fail (MG_IS_SEARCH_WINDOW (self));
  g_return_if_fail (text != NULL);

  if (*text != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  run_search (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

/**
 * mg_search_window_get_hits:
 *
 * Returns: (transfer none): the matches listed, #MgTextHit items
 */
GListModel *
mg_search_window_get_hits (MgSearchWindow *self)
{
  g_return_val_if_fail (MG_IS_SEARCH_WINDOW (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/**
 * mg_search_window_get_count:
 *
 * Returns: what the window says of the matches, "17 matches · 4 documents"
 */
const char *
mg_search_window_get_count (MgSearchWindow *self)
{
  g_return_val_if_fail (MG_IS_SEARCH_WINDOW (self), NULL);

  return self->count ? self->count : "";
}
