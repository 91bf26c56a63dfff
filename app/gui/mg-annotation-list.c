/* mg-annotation-list.c: the annotations of the document, filterable by label
 *
 * A GtkListView over a filter of the document's store, so a document with
 * twenty thousand annotations costs a screenful of rows. Label chips take
 * their colours from a style sheet written for the label set.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-annotation-list"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-annotation-list.h"

struct _MgAnnotationList
{
  GtkWidget           parent_instance;

  /* Children */
  GtkWidget          *box;
  GtkDropDown        *filter_dropdown;
  GtkGridView        *list_view;
  GtkStack           *stack;
  AdwStatusPage      *empty_page;

  /* Owned */
  MgDocument         *document;
  MgLabelSet         *labels;
  GtkStringList      *filter_names;
  GtkCustomFilter    *filter;        /* set on the model only to filter */
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkCssProvider     *css;
  char               *filter_label;
  GHashTable         *bound;     /* of GtkListItem, the rows shown */

  guint               selecting : 1;
};

G_DEFINE_FINAL_TYPE (MgAnnotationList, mg_annotation_list, GTK_TYPE_WIDGET)

enum {
  ANNOTATION_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  GtkWidget *chip;
  GtkWidget *speaker;
  GtkWidget *excerpt;
  GtkWidget *note;
  GtkWidget *values;
} Row;

static void
row_free (gpointer data)
{
  g_free (data);
}

/* A click on the row already selected changes no selection, yet the
 * person asks to see that span again: say so all the same. */
static void
row_released_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkListItem     *item)
{
  GtkWidget *list = gtk_widget_get_ancestor (gtk_list_item_get_child (item), MG_TYPE_ANNOTATION_LIST);
  MgAnnotation *annotation = gtk_list_item_get_item (item);

  if (list != NULL && annotation != NULL && gtk_list_item_get_selected (item))
    g_signal_emit (list, signals[ANNOTATION_SELECTED], 0, annotation);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkGesture *click;

  row->chip = gtk_label_new (NULL);
  gtk_widget_add_css_class (row->chip, "label-chip");
  gtk_widget_set_halign (row->chip, GTK_ALIGN_START);
  row->speaker = gtk_label_new (NULL);
  gtk_widget_add_css_class (row->speaker, "dim-label");
  gtk_widget_add_css_class (row->speaker, "caption");
  gtk_label_set_ellipsize (GTK_LABEL (row->speaker), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (row->speaker), 0);
  row->excerpt = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->excerpt), 0);
  gtk_label_set_wrap (GTK_LABEL (row->excerpt), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (row->excerpt), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (row->excerpt), 3);
  gtk_label_set_ellipsize (GTK_LABEL (row->excerpt), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (row->excerpt), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (row->excerpt), 30);
  row->note = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->note), 0);
  gtk_label_set_wrap (GTK_LABEL (row->note), TRUE);
  gtk_label_set_lines (GTK_LABEL (row->note), 2);
  gtk_label_set_ellipsize (GTK_LABEL (row->note), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (row->note, "note");
  gtk_widget_add_css_class (row->note, "dim-label");
  row->values = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->values), 0);
  gtk_label_set_wrap (GTK_LABEL (row->values), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (row->values), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (row->values, "caption");

  gtk_box_append (GTK_BOX (top), row->chip);
  gtk_box_append (GTK_BOX (top), row->speaker);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), row->excerpt);
  gtk_box_append (GTK_BOX (box), row->values);
  gtk_box_append (GTK_BOX (box), row->note);
  gtk_widget_add_css_class (box, "annotation-row");
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (row_released_cb), item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (click));
  g_object_set_data_full (G_OBJECT (item), "row", row, row_free);
  gtk_list_item_set_child (item, box);
}

static void
update_speaker (MgAnnotationList *self,
                GtkListItem      *item)
{
  MgAnnotation *annotation = gtk_list_item_get_item (item);
  Row *row = g_object_get_data (G_OBJECT (item), "row");
  MgAnnotation *actor = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (annotation != NULL && self->document != NULL)
    {
      MgAnnotationStore *store = mg_document_get_store (self->document);
      g_autoptr(GPtrArray) relations = mg_annotation_store_relations_of (store, annotation);

      actor = mg_annotation_store_attributed_to (store, annotation);
      if (actor != NULL)
        /* Translators: who said a quote, %s is a name from the article */
        g_string_append_printf (text, _("by %s"), mg_annotation_get_text (actor));

      /* The scheme's other relation types, by their ids: "cued-by → said". */
      for (guint i = 0; i < relations->len; i++)
        {
          MgRelation *relation = g_ptr_array_index (relations, i);
          MgAnnotation *to;

          if (g_strcmp0 (mg_relation_get_kind (relation), MG_RELATION_ATTRIBUTED_TO) == 0 ||
              g_strcmp0 (mg_relation_get_from (relation), mg_annotation_get_id (annotation)) != 0 ||
              (to = mg_annotation_store_lookup (store, mg_relation_get_to (relation))) == NULL)
            continue;
          g_string_append_printf (text, "%s%s → %s", text->len > 0 ? " · " : "",
                                  mg_relation_get_kind (relation), mg_annotation_get_text (to));
        }
    }

  gtk_label_set_text (GTK_LABEL (row->speaker), text->str);
  gtk_widget_set_visible (row->speaker, text->len > 0);
}

/* One handler for the list, not one per row: rows are bound and unbound
 * by the dozen at every insertion, and connecting and disconnecting a
 * handler each time costs more than the rest of the row. */
static void
relations_changed_cb (MgAnnotationList  *self,
                      MgAnnotationStore *store)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_speaker (self, item);
}

/* The span's attribute values, "checkable: true · kind: direct", by id:
 * the same order in every row, whatever order they were set in. */
static char *
values_text (MgAnnotation *annotation)
{
  JsonObject *attributes = mg_annotation_get_attributes (annotation);
  g_autoptr(GList) members = attributes ? json_object_get_members (attributes) : NULL;
  GString *text = g_string_new (NULL);

  members = g_list_sort (members, (GCompareFunc) g_strcmp0);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *value = mg_value_to_string (json_object_get_member (attributes, l->data));

      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, "%s: %s", (const char *) l->data, value ?: "");
    }
  return g_string_free (text, FALSE);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         MgAnnotationList         *self)
{
  MgAnnotation *annotation = gtk_list_item_get_item (item);
  Row *row = g_object_get_data (G_OBJECT (item), "row");
  MgLabel *label = mg_label_set_lookup (self->labels, mg_annotation_get_label (annotation));
  int index = mg_label_set_index_of (self->labels, mg_annotation_get_label (annotation));
  const char *note = mg_annotation_get_note (annotation);
  g_autofree char *css_class = g_strdup_printf ("label-%d", index);
  g_autofree char *excerpt = g_strdup (mg_annotation_get_text (annotation));

  g_strdelimit (excerpt, "\n", ' ');
  gtk_label_set_text (GTK_LABEL (row->chip), label ? _(mg_label_get_name (label)) : mg_annotation_get_label (annotation));
  gtk_widget_set_css_classes (row->chip, (const char *[]) { "label-chip", css_class, NULL });
  gtk_label_set_text (GTK_LABEL (row->excerpt), excerpt);
  gtk_label_set_text (GTK_LABEL (row->note), note ? note : "");
  gtk_widget_set_visible (row->note, note != NULL && *note != '\0');
  {
    g_autofree char *values = values_text (annotation);

    gtk_label_set_text (GTK_LABEL (row->values), values);
    gtk_widget_set_visible (row->values, *values != '\0');
  }

  update_speaker (self, item);
  g_hash_table_add (self->bound, item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           MgAnnotationList         *self)
{
  if (self->bound != NULL)
    g_hash_table_remove (self->bound, item);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  MgAnnotationList *self = user_data;

  return self->filter_label == NULL ||
         g_strcmp0 (mg_annotation_get_label (item), self->filter_label) == 0;
}

/* The rows of a navigation sidebar, for the children of the grid: the
 * style sheet of the platform knows them only as rows of a list. */
static const char row_css[] =
  ".annotation-list > child { padding: 8px 10px; margin: 0 6px 2px; border-radius: 6px; }\n"
  ".annotation-list > child:hover { background-color: alpha(currentColor, 0.07); }\n"
  ".annotation-list > child:selected { background-color: alpha(currentColor, 0.1); }\n"
  ".annotation-list > child:selected:hover { background-color: alpha(currentColor, 0.13); }\n";

static void
update_css (MgAnnotationList *self)
{
  g_autoptr(GString) css = g_string_new (row_css);
  guint n = self->labels ? mg_label_set_get_n_labels (self->labels) : 0;

  for (guint i = 0; i < n; i++)
    {
      MgLabel *label = mg_label_set_get_label (self->labels, i);
      GdkRGBA rgba;

      /* Colours come from the dataset file: only well-formed ones reach
       * the style sheet. */
      if (!gdk_rgba_parse (&rgba, mg_label_get_color (label)))
        continue;

      g_string_append_printf (css,
                              ".label-chip.label-%u { background-color: alpha(rgb(%d,%d,%d), 0.22);"
                              " color: mix(rgb(%d,%d,%d), @window_fg_color, 0.45);"
                              " box-shadow: inset 0 0 0 1px alpha(rgb(%d,%d,%d), 0.5); }\n",
                              i,
                              (int) (rgba.red * 255), (int) (rgba.green * 255), (int) (rgba.blue * 255),
                              (int) (rgba.red * 255), (int) (rgba.green * 255), (int) (rgba.blue * 255),
                              (int) (rgba.red * 255), (int) (rgba.green * 255), (int) (rgba.blue * 255));
    }

  gtk_css_provider_load_from_data (self->css, css->str, (gssize) css->len);
}

static void
update_filter_names (MgAnnotationList *self)
{
  guint n = self->labels ? mg_label_set_get_n_labels (self->labels) : 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_ptr_array_add (names, _("All Labels"));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (names, (char *) _(mg_label_get_name (mg_label_set_get_label (self->labels, i))));
  g_ptr_array_add (names, NULL);

  gtk_string_list_splice (self->filter_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->filter_names)),
                          (const char * const *) names->pdata);
}

static void
dropdown_selected_cb (MgAnnotationList *self,
                      GParamSpec       *pspec,
                      GtkDropDown      *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *label_id = NULL;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && self->labels != NULL &&
      selected - 1 < mg_label_set_get_n_labels (self->labels))
    label_id = mg_label_get_id (mg_label_set_get_label (self->labels, selected - 1));

  if (g_strcmp0 (label_id, self->filter_label) == 0)
    return;

  g_free (self->filter_label);
  self->filter_label = g_strdup (label_id);

  /* Without a filter the model passes every change straight through;
   * with one, it keeps a bitset of matches and shifts it at every insertion
   * or removal, a walk over all 20,000 of them. */
  if (label_id == NULL)
    gtk_filter_list_model_set_filter (self->filtered, NULL);
  else if (gtk_filter_list_model_get_filter (self->filtered) == NULL)
    gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (self->filter));
  else
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
selected_cb (MgAnnotationList   *self,
             GParamSpec         *pspec,
             GtkSingleSelection *selection)
{
  MgAnnotation *annotation = gtk_single_selection_get_selected_item (selection);

  if (!self->selecting && annotation != NULL)
    g_signal_emit (self, signals[ANNOTATION_SELECTED], 0, annotation);
}

static void
activate_cb (MgAnnotationList *self,
             guint             position,
             GtkGridView      *list_view)
{
  g_autoptr(MgAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (annotation != NULL)
    g_signal_emit (self, signals[ANNOTATION_SELECTED], 0, annotation);
}

static void
items_changed_cb (MgAnnotationList *self,
                  guint             position,
                  guint             removed,
                  guint             added,
                  GListModel       *model)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (model) > 0 ? "list" : "empty");
}

static void
mg_annotation_list_dispose (GObject *object)
{
  MgAnnotationList *self = MG_ANNOTATION_LIST (object);

  if (self->css != NULL)
    gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                   GTK_STYLE_PROVIDER (self->css));
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->filter_names);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (mg_document_get_store (self->document),
                                          relations_changed_cb, self);
  g_clear_object (&self->document);
  g_clear_object (&self->labels);
  g_clear_object (&self->css);
  g_clear_pointer (&self->filter_label, g_free);
  g_clear_pointer (&self->bound, g_hash_table_unref);

  G_OBJECT_CLASS (mg_annotation_list_parent_class)->dispose (object);
}

static void
mg_annotation_list_class_init (MgAnnotationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mg_annotation_list_dispose;

  /**
   * MgAnnotationList::annotation-selected:
   * @annotation: the annotation picked by the user
   */
  signals[ANNOTATION_SELECTED] =
    g_signal_new ("annotation-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, MG_TYPE_ANNOTATION);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "annotationlist");
}

/* "1, 2, 3 or 4": the keys the labels of the dataset really have. */
static char *
describe_keys (MgLabelSet *labels)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GString) list = g_string_new (NULL);
  guint n = labels ? mg_label_set_get_n_labels (labels) : 0;

  for (guint i = 0; i < n; i++)
    {
      const char *key = mg_label_get_key (mg_label_set_get_label (labels, i));

      if (key != NULL && *key != '\0')
        g_ptr_array_add (keys, (char *) key);
    }
  if (keys->len == 0)
    return NULL;

  for (guint i = 0; i + 1 < keys->len; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, g_ptr_array_index (keys, i));
    }
  if (keys->len == 1)
    return g_strdup (g_ptr_array_index (keys, 0));

  /* Translators: the end of a list of keys, as in "1, 2, 3 or 4" */
  return g_strdup_printf (_("%s or %s"), list->str, (char *) g_ptr_array_index (keys, keys->len - 1));
}

static void
update_empty_page (MgAnnotationList *self)
{
  g_autofree char *keys = describe_keys (self->labels);
  g_autofree char *text = NULL;

  if (keys != NULL)
    /* Translators: %s is a list of keys, such as "1, 2, 3 or 4" */
    text = g_strdup_printf (_("Select text in the article and press %s to tag it"), keys);
  else
    text = g_strdup (_("Select text in the article and pick a label below it to tag it"));

  adw_status_page_set_description (self->empty_page, text);
}

static GtkWidget *
create_empty_page (void)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "document-edit-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("No Annotations"));
  gtk_widget_add_css_class (page, "compact");

  return page;
}

static void
mg_annotation_list_init (MgAnnotationList *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_("Annotations"));

  self->bound = g_hash_table_new (NULL, NULL);
  self->css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (self->css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  update_css (self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, NULL);
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selected_cb), self, G_CONNECT_SWAPPED);

  /* A grid of one column, not a GtkListView: a list view keeps 200 rows
   * bound around what is shown and binds every one of them again when an
   * annotation is added or removed above them, and measures them all in the
   * next frame; a grid keeps about thirty. */
  self->list_view = GTK_GRID_VIEW (gtk_grid_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection)),
                                                      factory));
  gtk_grid_view_set_max_columns (self->list_view, 1);
  gtk_grid_view_set_single_click_activate (self->list_view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "annotation-list");
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (activate_cb), self,
                           G_CONNECT_SWAPPED);

  self->filter_names = gtk_string_list_new (NULL);
  self->filter_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->filter_names)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_dropdown), _("Show Annotations of One Label"));
  g_signal_connect_object (self->filter_dropdown, "notify::selected",
                           G_CALLBACK (dropdown_selected_cb), self, G_CONNECT_SWAPPED);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->filter_dropdown));
  gtk_widget_add_css_class (header, "pane-header");

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));
  gtk_widget_set_vexpand (scroller, TRUE);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scroller, "list");
  self->empty_page = ADW_STATUS_PAGE (create_empty_page ());
  update_empty_page (self);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_stack_set_visible_child_name (self->stack, "empty");

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->box), header);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
mg_annotation_list_new (void)
{
  return g_object_new (MG_TYPE_ANNOTATION_LIST, NULL);
}

/**
 * mg_annotation_list_set_document:
 * @document: (nullable): the document whose annotations to list
 * @labels: (nullable): the labels of its dataset
 */
void
mg_annotation_list_set_document (MgAnnotationList *self,
                                 MgDocument       *document,
                                 MgLabelSet       *labels)
{
  g_return_if_fail (MG_IS_ANNOTATION_LIST (self));

  if (g_set_object (&self->labels, labels))
    {
      update_css (self);
      update_filter_names (self);
      update_empty_page (self);
      gtk_drop_down_set_selected (self->filter_dropdown, 0);
    }

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (mg_document_get_store (self->document),
                                          relations_changed_cb, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (mg_document_get_store (document), "relations-changed",
                             G_CALLBACK (relations_changed_cb), self, G_CONNECT_SWAPPED);
  self->selecting = TRUE;
  gtk_filter_list_model_set_model (self->filtered,
                                   document ? G_LIST_MODEL (mg_document_get_store (document)) : NULL);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selecting = FALSE;
}

/**
 * mg_annotation_list_select:
 * @annotation: (nullable): the annotation to show as selected
 *
 * Follows the article without emitting ::annotation-selected.
 */
void
mg_annotation_list_select (MgAnnotationList *self,
                           MgAnnotation     *annotation)
{
  GListModel *model;
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (MG_IS_ANNOTATION_LIST (self));

  model = G_LIST_MODEL (self->filtered);
  if (annotation != NULL && self->document != NULL)
    {
      if (self->filter_label == NULL)
        position = mg_annotation_store_get_position (mg_document_get_store (self->document), annotation);
      else
        {
          guint n = g_list_model_get_n_items (model);

          for (guint i = 0; i < n && position == GTK_INVALID_LIST_POSITION; i++)
            {
              g_autoptr(MgAnnotation) item = g_list_model_get_item (model, i);

              if (item == annotation)
                position = i;
            }
        }
    }

  if (position == G_MAXUINT)
    position = GTK_INVALID_LIST_POSITION;

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/**
 * mg_annotation_list_set_filter:
 * @label_id: (nullable): the label to show, or %NULL for all
 */
void
mg_annotation_list_set_filter (MgAnnotationList *self,
                               const char       *label_id)
{
  int index;

  g_return_if_fail (MG_IS_ANNOTATION_LIST (self));

  index = label_id && self->labels ? mg_label_set_index_of (self->labels, label_id) : -1;
  gtk_drop_down_set_selected (self->filter_dropdown, index >= 0 ? (guint) index + 1 : 0);
}

/**
 * mg_annotation_list_get_model:
 *
 * Returns: (transfer none): the annotations shown, after the filter
 */
GListModel *
mg_annotation_list_get_model (MgAnnotationList *self)
{
  g_return_val_if_fail (MG_IS_ANNOTATION_LIST (self), NULL);

  return G_LIST_MODEL (self->filtered);
}
