/* mg-document-list.c: the documents of the dataset, with their counts
 *
 * A GtkListView over the dataset, which is a GListModel of documents,
 * through a filter by status (mg-status-filter.c) that a drop-down above
 * the list sets; each bound row follows its document's store for the count
 * and the document itself for its status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-document-list"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-disagreement-mark.h"
#include "mg-document-list.h"
#include "mg-status-filter.h"

struct _MgDocumentList
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkDropDown        *filter_dropdown;
  GtkLabel           *shown_label;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  GtkFilterListModel *filtered;
  MgStatusFilter     *filter;
  MgDocument         *current;    /* weak */
  GHashTable         *open_counts;   /* MgDocument → disagreements open, in review */
  GHashTable         *bound;         /* the GtkListItems showing a document */
  GtkWidget          *menu;       /* a row's context menu */

  guint               selecting : 1;
};

G_DEFINE_FINAL_TYPE (MgDocumentList, mg_document_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATUS_FILTER,
  N_PROPS
};

enum {
  DOCUMENT_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The drop-down's choices, in its order. */
static const char *filter_names[] = {
  MG_STATUS_FILTER_ALL, MG_STATUS_FILTER_NOT_DONE, "to-do", "in-progress", "done", "skipped",
};

/* The badge after the title: an icon for every status but to do, and the
 * status's name for a screen reader and as a tooltip in every case. */
static void
update_status (GtkListItem *item)
{
  MgDocument *document = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *badge = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
  MgDocumentStatus status;
  const char *label;

  if (document == NULL)
    return;

  status = mg_document_status_get (document);
  label = mg_document_status_get_label (status);
  gtk_image_set_from_icon_name (GTK_IMAGE (badge), mg_document_status_get_icon_name (status));
  gtk_widget_set_tooltip_text (badge, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_remove_css_class (box, "in-progress");
  gtk_widget_remove_css_class (box, "done");
  gtk_widget_remove_css_class (box, "skipped");
  if (status != MG_DOCUMENT_STATUS_TO_DO)
    gtk_widget_add_css_class (box, mg_document_status_to_string (status));
}

static void
update_count (GtkListItem *item)
{
  MgDocument *document = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *count = gtk_widget_get_last_child (box);
  g_autofree char *text = NULL;

  if (document == NULL)
    return;

  text = g_strdup_printf ("%u", mg_annotation_store_get_n_annotations (mg_document_get_store (document)));
  gtk_label_set_text (GTK_LABEL (count), text);
}

static void popup_menu (MgDocumentList *self,
                        MgDocument     *document,
                        GtkWidget      *row,
                        double          x,
                        double          y);

static void
row_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                GtkListItem     *item)
{
  GtkWidget *box = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *self = gtk_widget_get_ancestor (box, MG_TYPE_DOCUMENT_LIST);

  if (self != NULL && gtk_list_item_get_item (item) != NULL)
    popup_menu (MG_DOCUMENT_LIST (self), gtk_list_item_get_item (item), box, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *badge = gtk_image_new ();
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_width_chars (GTK_LABEL (title), 10);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 24);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (count, "count");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  /* The badge keeps its room when empty, so that counts stay aligned. */
  gtk_widget_set_size_request (badge, 16, 16);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "status");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), mg_disagreement_mark_new ());
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_item_set_child (item, box);

  /* A right click opens the row's menu: rename, move, remove. */
  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    g_signal_connect (click, "pressed", G_CALLBACK (row_pressed_cb), item);
    gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (click));
  }
}

static void
show_title (GtkListItem *item)
{
  MgDocument *document = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  const char *text;

  if (document == NULL)
    return;
  text = mg_document_get_title (document);
  gtk_label_set_text (GTK_LABEL (title), text && *text ? text : mg_document_get_id (document));
  gtk_widget_set_tooltip_text (box, text);
}

static void
title_changed_cb (GtkListItem *item,
                  GParamSpec  *pspec,
                  MgDocument  *document)
{
  show_title (item);
}

static void
store_changed_cb (GtkListItem       *item,
                  guint              start,
                  guint              end,
                  MgAnnotationStore *store)
{
  update_count (item);
}

/* The mark sits between the title and the count. */
static void
update_mark (MgDocumentList *self,
             GtkListItem    *item)
{
  MgDocument *document = gtk_list_item_get_item (item);
  GtkWidget *count = gtk_widget_get_last_child (gtk_list_item_get_child (item));
  guint n = 0;

  if (document != NULL && self->open_counts != NULL)
    n = GPOINTER_TO_UINT (g_hash_table_lookup (self->open_counts, document));

  mg_disagreement_mark_set_count (gtk_widget_get_prev_sibling (count), n);
}

static void
document_extra_cb (GtkListItem *item,
                   GParamSpec  *pspec,
                   MgDocument  *document)
{
  update_status (item);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         MgDocumentList           *self)
{
  MgDocument *document = gtk_list_item_get_item (item);

  show_title (item);
  g_signal_connect_object (document, "notify::title",
                           G_CALLBACK (title_changed_cb), item, G_CONNECT_SWAPPED);
  update_count (item);
  update_status (item);
  g_hash_table_add (self->bound, item);
  update_mark (self, item);
  g_signal_connect_object (mg_document_get_store (document), "changed",
                           G_CALLBACK (store_changed_cb), item,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::extra",
                           G_CALLBACK (document_extra_cb), item,
                           G_CONNECT_SWAPPED);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           MgDocumentList           *self)
{
  MgDocument *document = gtk_list_item_get_item (item);

  g_hash_table_remove (self->bound, item);
  if (document != NULL)
    {
      g_signal_handlers_disconnect_by_func (mg_document_get_store (document),
                                            store_changed_cb, item);
      g_signal_handlers_disconnect_by_func (document, document_extra_cb, item);
      g_signal_handlers_disconnect_by_func (document, title_changed_cb, item);
    }
}

static void
selected_cb (MgDocumentList     *self,
             GParamSpec         *pspec,
             GtkSingleSelection *selection)
{
  MgDocument *document = gtk_single_selection_get_selected_item (selection);

  /* The filter moving the shown document's row is no choice of the person. */
  if (!self->selecting && document != NULL && document != self->current)
    g_signal_emit (self, signals[DOCUMENT_SELECTED], 0, document);
}

static void
mg_document_list_dispose (GObject *object)
{
  MgDocumentList *self = MG_DOCUMENT_LIST (object);

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_weak_pointer (&self->current);
  g_clear_pointer (&self->open_counts, g_hash_table_unref);
  g_clear_pointer (&self->bound, g_hash_table_unref);

  G_OBJECT_CLASS (mg_document_list_parent_class)->dispose (object);
}

static void
mg_document_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MgDocumentList *self = MG_DOCUMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STATUS_FILTER:
      g_value_set_string (value, mg_status_filter_get_shown (self->filter));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_document_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MgDocumentList *self = MG_DOCUMENT_LIST (object);

  switch (prop_id)
    {
    case PROP_STATUS_FILTER:
      mg_document_list_set_status_filter (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_item (GMenu      *section,
          const char *label,
          const char *action,
          const char *id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target (item, action, "s", id);
  g_menu_append_item (section, item);
}

/* The menu of @document's row, at (@x, @y) of @row. Its items are window
 * actions that name the document, which need not be the one shown. */
static void
popup_menu (MgDocumentList *self,
            MgDocument     *document,
            GtkWidget      *row,
            double          x,
            double          y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) move = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();
  const char *id = mg_document_get_id (document);
  graphene_point_t at;

  add_item (edit, _("_Rename…"), "win.rename-document", id);
  add_item (move, _("Move _Up"), "win.move-document-up", id);
  add_item (move, _("Move _Down"), "win.move-document-down", id);
  add_item (remove, _("_Remove…"), "win.remove-document", id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (move));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));

  if (!gtk_widget_compute_point (row, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &at))
    at = GRAPHENE_POINT_INIT (0, 0);
  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (NULL);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { (int) at.x, (int) at.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/* Menu or Shift+F10 on the focused row, the keyboard's right click. */
static void
menu_key_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  MgDocumentList *self = MG_DOCUMENT_LIST (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  MgDocument *document = gtk_single_selection_get_selected_item (self->selection);
  double y = 0;

  if (document == NULL)
    return;
  if (focus != NULL && gtk_widget_is_ancestor (focus, widget))
    {
      graphene_point_t p;

      if (gtk_widget_compute_point (focus, widget, &GRAPHENE_POINT_INIT (0, 0), &p))
        y = p.y + gtk_widget_get_height (focus) / 2.0;
    }
  popup_menu (self, document, widget, 24, y);
}

static void
mg_document_list_class_init (MgDocumentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mg_document_list_dispose;
  object_class->get_property = mg_document_list_get_property;
  object_class->set_property = mg_document_list_set_property;

  /**
   * MgDocumentList:status-filter:
   *
   * The documents listed: "all", "not-done" or those of one status
   * ("to-do", "in-progress", "done", "skipped"); the document shown is
   * listed whatever its status. The action documents.filter sets it.
   */
  properties[PROP_STATUS_FILTER] =
    g_param_spec_string ("status-filter", NULL, NULL, MG_STATUS_FILTER_ALL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_install_property_action (widget_class, "documents.filter", "status-filter");

  /**
   * MgDocumentList::document-selected:
   * @document: the document picked by the user
   */
  signals[DOCUMENT_SELECTED] =
    g_signal_new ("document-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, MG_TYPE_DOCUMENT);

  gtk_widget_class_install_action (widget_class, "documents.menu", NULL, menu_key_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "documents.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "documents.menu", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "documentlist");
}

static void
filter_chosen_cb (MgDocumentList *self,
                  GParamSpec     *pspec,
                  GtkDropDown    *dropdown)
{
  guint chosen = gtk_drop_down_get_selected (dropdown);

  if (chosen < G_N_ELEMENTS (filter_names) &&
      !g_str_equal (filter_names[chosen], mg_status_filter_get_shown (self->filter)))
    gtk_widget_activate_action (GTK_WIDGET (self), "documents.filter", "s", filter_names[chosen]);
}

/* Under the drop-down while it filters: how many of the documents the
 * list shows, so that a short list never looks like a small dataset. */
static void
update_shown (MgDocumentList *self)
{
  GListModel *all = gtk_filter_list_model_get_model (self->filtered);
  guint total = all ? g_list_model_get_n_items (all) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->shown_label),
                          !g_str_equal (mg_status_filter_get_shown (self->filter), MG_STATUS_FILTER_ALL));
  /* Translators: documents listed of all the documents of the dataset. */
  text = g_strdup_printf (ngettext ("%u of %u document listed", "%u of %u documents listed", total),
                          shown, total);
  gtk_label_set_text (self->shown_label, text);
}

static void
filtered_changed_cb (MgDocumentList *self,
                     guint           position,
                     guint           removed,
                     guint           added,
                     GListModel     *model)
{
  update_shown (self);
}

static GtkWidget *
make_filter_dropdown (MgDocumentList *self)
{
  const char *labels[G_N_ELEMENTS (filter_names) + 1] = {
    _("All Documents"), _("Not Done"),
  };
  GtkWidget *dropdown;

  for (guint i = 2; i < G_N_ELEMENTS (filter_names); i++)
    {
      MgDocumentStatus status;

      mg_document_status_parse (filter_names[i], &status);
      labels[i] = mg_document_status_get_label (status);
    }
  dropdown = gtk_drop_down_new_from_strings (labels);
  gtk_widget_set_tooltip_text (dropdown, _("Show Documents by Status"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show Documents by Status"), -1);
  gtk_widget_set_margin_start (dropdown, 6);
  gtk_widget_set_margin_end (dropdown, 6);
  gtk_widget_set_margin_top (dropdown, 6);
  gtk_widget_set_margin_bottom (dropdown, 6);
  g_signal_connect_object (dropdown, "notify::selected",
                           G_CALLBACK (filter_chosen_cb), self, G_CONNECT_SWAPPED);
  return dropdown;
}

static void
mg_document_list_init (MgDocumentList *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scroller;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  self->bound = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);

  self->filter = mg_status_filter_new ();
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selected_cb), self, G_CONNECT_SWAPPED);

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection)),
                                                      factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  /* Named for tests: the filter's drop-down holds a list view too. */
  gtk_widget_set_name (GTK_WIDGET (self->list_view), "document-rows");

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));
  gtk_widget_set_vexpand (scroller, TRUE);

  self->shown_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->shown_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->shown_label), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->shown_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->shown_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->shown_label), "dim-label");
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (filtered_changed_cb), self, G_CONNECT_SWAPPED);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->filter_dropdown = GTK_DROP_DOWN (make_filter_dropdown (self));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->filter_dropdown));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->shown_label));
  gtk_box_append (GTK_BOX (self->box), scroller);
  update_shown (self);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
mg_document_list_new (void)
{
  return g_object_new (MG_TYPE_DOCUMENT_LIST, NULL);
}

/**
 * mg_document_list_set_dataset:
 * @dataset: (nullable): the dataset whose documents to list
 */
void
mg_document_list_set_dataset (MgDocumentList *self,
                              MgDataset      *dataset)
{
  g_return_if_fail (MG_IS_DOCUMENT_LIST (self));

  self->selecting = TRUE;
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (dataset));
  self->selecting = FALSE;
  update_shown (self);
}

/* Marks the row of the document shown, wherever the filter put it. */
static void
reselect (MgDocumentList *self)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; self->current != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MgDocument) item = g_list_model_get_item (model, i);

      if (item == self->current)
        {
          position = i;
          break;
        }
    }

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
}

/**
 * mg_document_list_select:
 * @document: (nullable): the document to mark as shown
 *
 * Follows the window without emitting ::document-selected.
 */
void
mg_document_list_select (MgDocumentList *self,
                         MgDocument     *document)
{
  g_return_if_fail (MG_IS_DOCUMENT_LIST (self));

  g_set_weak_pointer (&self->current, document);
  self->selecting = TRUE;
  mg_status_filter_set_current (self->filter, document);
  self->selecting = FALSE;
  reselect (self);
}

/**
 * mg_document_list_set_status_filter:
 * @shown: "all", "not-done" or a status name ("to-do", "in-progress",
 *   "done", "skipped")
 *
 * Lists only the documents @shown names, and the document shown.
 */
void
mg_document_list_set_status_filter (MgDocumentList *self,
                                    const char     *shown)
{
  g_return_if_fail (MG_IS_DOCUMENT_LIST (self));

  if (g_strcmp0 (shown, mg_status_filter_get_shown (self->filter)) == 0)
    return;
  self->selecting = TRUE;
  if (!mg_status_filter_set_shown (self->filter, shown))
    {
      self->selecting = FALSE;
      g_warning ("No such status filter: %s", shown);
      return;
    }
  self->selecting = FALSE;
  reselect (self);

  for (guint i = 0; i < G_N_ELEMENTS (filter_names); i++)
    if (g_str_equal (filter_names[i], shown))
      gtk_drop_down_set_selected (self->filter_dropdown, i);
  update_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_FILTER]);
}

/**
 * mg_document_list_get_status_filter:
 *
 * Returns: what the list shows; see mg_document_list_set_status_filter()
 */
const char *
mg_document_list_get_status_filter (MgDocumentList *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT_LIST (self), NULL);
  return mg_status_filter_get_shown (self->filter);
}

/**
 * mg_document_list_refilter:
 *
 * Matches the documents against the filter again, after their statuses
 * changed.
 */
void
mg_document_list_refilter (MgDocumentList *self)
{
  g_return_if_fail (MG_IS_DOCUMENT_LIST (self));

  if (g_str_equal (mg_status_filter_get_shown (self->filter), MG_STATUS_FILTER_ALL))
    return;
  self->selecting = TRUE;
  mg_status_filter_refilter (self->filter);
  self->selecting = FALSE;
  reselect (self);
}

/**
 * mg_document_list_get_n_shown:
 *
 * Returns: how many documents the list shows through its filter
 */
guint
mg_document_list_get_n_shown (MgDocumentList *self)
{
  g_return_val_if_fail (MG_IS_DOCUMENT_LIST (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

/**
 * mg_document_list_set_open_counts:
 * @open_counts: (nullable) (element-type MgDocument guint): how many
 *   disagreements each document has open in a review, or %NULL out of
 *   review
 *
 * Marks the documents with disagreements left to review.
 */
void
mg_document_list_set_open_counts (MgDocumentList *self,
                                  GHashTable     *open_counts)
{
  GHashTableIter iter;
  gpointer item;

  g_return_if_fail (MG_IS_DOCUMENT_LIST (self));

  if (open_counts != NULL)
    g_hash_table_ref (open_counts);
  g_clear_pointer (&self->open_counts, g_hash_table_unref);
  self->open_counts = open_counts;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_mark (self, item);
}
