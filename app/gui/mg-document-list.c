/* mg-document-list.c: the documents of the dataset, with their counts
 *
 * A GtkListView straight over the dataset, which is a GListModel of
 * documents; each bound row follows its document's store for the count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-document-list"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-document-list.h"

struct _MgDocumentList
{
  GtkWidget           parent_instance;

  GtkWidget          *scroller;
  GtkListView        *list_view;
  GtkSingleSelection *selection;

  guint               selecting : 1;
};

G_DEFINE_FINAL_TYPE (MgDocumentList, mg_document_list, GTK_TYPE_WIDGET)

enum {
  DOCUMENT_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = gtk_label_new (NULL);
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
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_item_set_child (item, box);
}

static void
store_changed_cb (GtkListItem       *item,
                  guint              start,
                  guint              end,
                  MgAnnotationStore *store)
{
  update_count (item);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  MgDocument *document = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  const char *text = mg_document_get_title (document);

  gtk_label_set_text (GTK_LABEL (title), text && *text ? text : mg_document_get_id (document));
  gtk_widget_set_tooltip_text (box, text);
  update_count (item);
  g_signal_connect_object (mg_document_get_store (document), "changed",
                           G_CALLBACK (store_changed_cb), item,
                           G_CONNECT_SWAPPED);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  MgDocument *document = gtk_list_item_get_item (item);

  if (document != NULL)
    g_signal_handlers_disconnect_by_func (mg_document_get_store (document),
                                          store_changed_cb, item);
}

static void
selected_cb (MgDocumentList     *self,
             GParamSpec         *pspec,
             GtkSingleSelection *selection)
{
  MgDocument *document = gtk_single_selection_get_selected_item (selection);

  if (!self->selecting && document != NULL)
    g_signal_emit (self, signals[DOCUMENT_SELECTED], 0, document);
}

static void
mg_document_list_dispose (GObject *object)
{
  MgDocumentList *self = MG_DOCUMENT_LIST (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (mg_document_list_parent_class)->dispose (object);
}

static void
mg_document_list_class_init (MgDocumentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mg_document_list_dispose;

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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "documentlist");
}

static void
mg_document_list_init (MgDocumentList *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selected_cb), self, G_CONNECT_SWAPPED);

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection)),
                                                      factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list_view));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
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
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (dataset));
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
  GListModel *model;
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (MG_IS_DOCUMENT_LIST (self));

  model = gtk_single_selection_get_model (self->selection);
  if (model != NULL && document != NULL)
    {
      int index = mg_dataset_index_of (MG_DATASET (model), document);

      if (index >= 0)
        position = index;
    }

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
}
