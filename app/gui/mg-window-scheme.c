/* mg-window-scheme.c: the coding scheme where coders code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A span tagged with a label that has attributes gets a small popover at
 * the span asking for each value in turn: typing a value's first letter
 * selects it (again for the next one with that letter), Enter takes it,
 * Escape leaves the rest unset. Alt+Return and the annotation's menu open
 * it again later. The document's codes and the codebook are
 * mg-window-codes.c's.
 *
 * Every change goes through a window action (win.set-attribute,
 * win.set-code, win.set-scheme-member) and so through the history, one
 * undo step each; the scheme is read again from the dataset after every
 * step, so an undo in the editor shows here at once.
 */

#define G_LOG_DOMAIN "mg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-scheme-editor.h"
#include "mg-scheme-io.h"
#include "mg-window-private.h"

static MgHistory *
history (MgWindow *self)
{
  return mg_session_get_history (self->session);
}

static MgAnnotation *
current_annotation (MgWindow *self)
{
  return mg_article_view_get_selected (self->article_view);
}

/**
 * _mg_window_get_scheme:
 *
 * Returns: (transfer none) (nullable): the open dataset's scheme, as of
 *   the last step
 */
MgScheme *
_mg_window_get_scheme (MgWindow *self)
{
  return self->scheme ? self->scheme->scheme : NULL;
}

static GPtrArray *
attributes_of (MgWindow     *self,
               MgAnnotation *annotation)
{
  if (annotation == NULL || self->scheme == NULL || self->scheme->scheme == NULL)
    return NULL;
  return mg_scheme_get_attributes (self->scheme->scheme, mg_annotation_get_label (annotation));
}

/* A value as the person typed or picked it, as the dataset holds it:
 * true and false for a boolean, a string else, nothing for "". */
static JsonNode *
value_node (const MgField *field,
            const char    *text)
{
  JsonNode *node;

  if (text == NULL || *text == '\0')
    return NULL;
  node = json_node_new (JSON_NODE_VALUE);
  if (field != NULL && field->type == MG_FIELD_BOOLEAN)
    json_node_set_boolean (node, g_str_equal (text, "true"));
  else
    json_node_set_string (node, text);
  return node;
}

/* Actions */

static void
set_attribute_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgAnnotation *selected = current_annotation (self);
  g_autoptr(JsonNode) node = NULL;
  const MgField *field;
  const char *id, *text;

  g_variant_get (param, "(&s&s)", &id, &text);
  if (selected == NULL || self->document == NULL || self->scheme->scheme == NULL)
    return;
  field = mg_scheme_lookup_attribute (self->scheme->scheme, mg_annotation_get_label (selected), id);
  node = value_node (field, text);
  mg_history_set_attribute (history (self), self->document, selected, id, node);
}

static void
set_code_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  g_autoptr(JsonNode) node = NULL;
  const char *id, *text;

  g_variant_get (param, "(&s&s)", &id, &text);
  if (self->document == NULL || self->scheme->scheme == NULL)
    return;
  node = value_node (mg_scheme_lookup_document_code (self->scheme->scheme, id), text);
  mg_history_set_code (history (self), self->document, id, node);
}

/* (label id or "" for the dataset, member, JSON text or "" to remove) */
static void
set_scheme_member_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  MgLabel *label = NULL;
  const char *label_id, *member, *json;

  g_variant_get (param, "(&s&s&s)", &label_id, &member, &json);
  if (history (self) == NULL)
    return;
  if (*label_id != '\0' &&
      (label = mg_label_set_lookup (mg_dataset_get_labels (mg_session_get_dataset (self->session)),
                                    label_id)) == NULL)
    return;
  if (*json != '\0' && (node = json_from_string (json, &error)) == NULL)
    {
      g_warning ("A scheme member that is not JSON: %s", error->message);
      return;
    }
  mg_history_set_scheme_member (history (self), label, member, node);
}

/* [{"id", "name", "color", "key"}, …]: the dataset's labels in their new
 * order. A label whose name, colour and key stay is kept as it is (its
 * scheme steps still apply to it); one that changed is a new label with
 * its codebook; spans of a label left out go too, in the same step. */
/* Removes, as steps of the history, every relation whose type is in
 * @types. */
static void
remove_relations_of_types (MgWindow  *self,
                           MgDataset *dataset,
                           GPtrArray *types)
{
  for (guint d = 0; types->len > 0 && d < mg_dataset_get_n_documents (dataset); d++)
    {
      MgDocument *document = mg_dataset_get_document (dataset, d);
      MgAnnotationStore *store = mg_document_get_store (document);

      for (guint i = mg_annotation_store_get_n_relations (store); i-- > 0;)
        {
          MgRelation *relation = mg_annotation_store_get_relation (store, i);

          if (g_ptr_array_find_with_equal_func (types, mg_relation_get_kind (relation), g_str_equal, NULL))
            mg_history_remove_relation (history (self), document, relation);
        }
    }
}

static void
set_labels_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgDataset *dataset = mg_session_get_dataset (self->session);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(MgLabelSet) labels = mg_label_set_new ();
  MgLabelSet *old;
  JsonArray *array;

  if (dataset == NULL ||
      (node = json_from_string (g_variant_get_string (param, NULL), NULL)) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (node))
    return;
  old = mg_dataset_get_labels (dataset);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *id = json_object_get_string_member (object, "id");
      const char *name = json_object_get_string_member (object, "name");
      const char *color = json_object_get_string_member (object, "color");
      const char *key = json_object_get_string_member_with_default (object, "key", NULL);
      MgLabel *was = mg_label_set_lookup (old, id);
      g_autoptr(MgLabel) label = NULL;

      if (key != NULL && *key == '\0')
        key = NULL;
      if (was != NULL && g_strcmp0 (mg_label_get_name (was), name) == 0 &&
          g_strcmp0 (mg_label_get_color (was), color) == 0 &&
          g_strcmp0 (mg_label_get_key (was), key) == 0)
        label = g_object_ref (was);
      else
        {
          label = mg_label_new (id, name, color, key);
          if (was != NULL && mg_label_get_extra (was) != NULL)
            mg_label_set_extra (label, mg_label_get_extra (was));
        }
      mg_label_set_add (labels, label);
    }

  mg_history_begin_group (history (self));
  for (guint d = 0; d < mg_dataset_get_n_documents (dataset); d++)
    {
      MgDocument *document = mg_dataset_get_document (dataset, d);
      MgAnnotationStore *store = mg_document_get_store (document);

      for (guint i = mg_annotation_store_get_n_annotations (store); i-- > 0;)
        {
          MgAnnotation *annotation = mg_annotation_store_get_annotation (store, i);

          if (mg_label_set_lookup (labels, mg_annotation_get_label (annotation)) == NULL)
            {
              if (annotation == current_annotation (self))
                mg_article_view_set_selected (self->article_view, NULL);
              mg_history_remove_annotation (history (self), document, annotation);
            }
        }
    }
  /* A relation type keeps naming only labels that remain, so that the
   * dataset stays valid; a type left with no label at one end goes, with
   * its relations, in the same step. */
  {
    g_autoptr(GPtrArray) dropped = NULL;
    g_autoptr(JsonNode) types = mg_scheme_relation_types_for_labels (dataset, labels, &dropped);

    if (types != NULL)
      {
        remove_relations_of_types (self, dataset, dropped);
        mg_history_set_scheme_member (history (self), NULL, "relation_types", types);
      }
  }
  mg_history_set_labels (history (self), labels);
  mg_history_end_group (history (self));
}

/* The attribute chooser */

static void
values_row (GtkListBox *list,
            const char *shown,
            const char *value)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (shown);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 10);
  gtk_widget_set_margin_end (label, 10);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data_full (G_OBJECT (row), "value", g_strdup (value), g_free);
  g_object_set_data_full (G_OBJECT (row), "shown", g_strdup (shown), g_free);
  gtk_list_box_append (list, row);
}

static void
select_row (MgWindow      *self,
            GtkListBoxRow *row)
{
  gtk_list_box_select_row (self->scheme->values, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Asks about the next attribute still unasked; closes when none is left.
 * Returns whether it asks. */
static gboolean
ask_next (MgWindow *self)
{
  MgWindowScheme *part = self->scheme;
  MgAnnotation *selected = current_annotation (self);
  g_autofree char *current = NULL;
  const MgField *field = NULL;
  GtkWidget *child;

  while (field == NULL && part->pending->len > 0)
    {
      g_free (part->asking);
      part->asking = g_strdup (g_ptr_array_index (part->pending, 0));
      g_ptr_array_remove_index (part->pending, 0);
      if (selected != NULL)
        field = mg_scheme_lookup_attribute (part->scheme, mg_annotation_get_label (selected), part->asking);
    }
  if (field == NULL)
    return FALSE;

  gtk_label_set_text (part->heading, field->name);
  current = mg_annotation_dup_attribute_string (selected, field->id);
  if (field->type == MG_FIELD_TEXT)
    {
      gtk_editable_set_text (GTK_EDITABLE (part->entry), current ?: "");
      gtk_stack_set_visible_child (part->stack, GTK_WIDGET (part->entry));
      if (gtk_widget_get_visible (GTK_WIDGET (part->popover)))
        gtk_widget_grab_focus (GTK_WIDGET (part->entry));
      return TRUE;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (part->values))) != NULL)
    gtk_list_box_remove (part->values, child);
  if (field->type == MG_FIELD_BOOLEAN)
    {
      values_row (part->values, _("Yes"), "true");
      values_row (part->values, _("No"), "false");
    }
  else
    for (guint i = 0; field->values[i] != NULL; i++)
      values_row (part->values, field->values[i], field->values[i]);
  values_row (part->values, _("(none)"), "");
  gtk_stack_set_visible_child (part->stack, GTK_WIDGET (part->values));

  /* The current value first, so Enter keeps it. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (part->values));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "value"), current ?: "") == 0)
      {
        gtk_list_box_select_row (part->values, GTK_LIST_BOX_ROW (child));
        if (gtk_widget_get_visible (GTK_WIDGET (part->popover)))
          gtk_widget_grab_focus (child);
      }
  return TRUE;
}

static void
answer (MgWindow   *self,
        const char *value)
{
  MgWindowScheme *part = self->scheme;

  if (part->link_to != NULL)
    {
      g_autofree char *to = g_steal_pointer (&part->link_to);

      gtk_popover_popdown (part->popover);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.link", "(ss)", to, value);
      return;
    }

  if (part->asking != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.set-attribute", "(ss)", part->asking, value);
  if (!ask_next (self))
    gtk_popover_popdown (part->popover);
}

static void
value_activated_cb (MgWindow      *self,
                    GtkListBoxRow *row,
                    GtkListBox    *list)
{
  answer (self, g_object_get_data (G_OBJECT (row), "value"));
}

static void
entry_activate_cb (MgWindow *self,
                   GtkEntry *entry)
{
  answer (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* A letter selects the next value starting with it, from the one selected. */
static gboolean
values_key_cb (MgWindow              *self,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               GtkEventControllerKey *controller)
{
  GtkListBox *list = self->scheme->values;
  gunichar typed = g_unichar_tolower (gdk_keyval_to_unicode (keyval));
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (list);
  int n = 0, from;

  if (typed == 0 || !g_unichar_isalnum (typed) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  from = selected ? gtk_list_box_row_get_index (selected) : -1;
  for (int i = 1; i <= n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (from + i) % n);
      const char *shown = g_object_get_data (G_OBJECT (row), "shown");

      if (g_unichar_tolower (g_utf8_get_char (shown)) == typed)
        {
          select_row (self, row);
          return TRUE;
        }
    }
  gtk_widget_error_bell (GTK_WIDGET (list));
  return TRUE;
}

static void
popover_closed_cb (MgWindow   *self,
                   GtkPopover *popover)
{
  g_ptr_array_set_size (self->scheme->pending, 0);
  g_clear_pointer (&self->scheme->asking, g_free);
  g_clear_pointer (&self->scheme->link_to, g_free);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

/* Asks for the selected span's attributes, all of them, or says why not. */
static void
choose_attributes (MgWindow *self)
{
  MgWindowScheme *part = self->scheme;
  MgAnnotation *selected = current_annotation (self);
  GPtrArray *fields = attributes_of (self, selected);

  if (selected == NULL)
    {
      mg_window_toast (self, _("Select an annotation first"));
      return;
    }
  if (fields == NULL || fields->len == 0)
    {
      mg_window_toast (self, _("This label has no attributes"));
      return;
    }
  g_ptr_array_set_size (part->pending, 0);
  for (guint i = 0; i < fields->len; i++)
    g_ptr_array_add (part->pending, g_strdup (((MgField *) g_ptr_array_index (fields, i))->id));
  if (!ask_next (self))
    return;
  _mg_window_popup_at_selected (self, part->popover);
  if (gtk_stack_get_visible_child (part->stack) == GTK_WIDGET (part->entry))
    gtk_widget_grab_focus (GTK_WIDGET (part->entry));
  else
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (part->values);

      if (row == NULL)
        row = gtk_list_box_get_row_at_index (part->values, 0);
      select_row (self, row);
    }
}

static void
choose_attributes_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  choose_attributes (MG_WINDOW (widget));
}

/**
 * _mg_window_scheme_tagged:
 * @annotation: a span just tagged or relabelled, and selected
 *
 * Offers the values of the span's attributes at once, when its label has
 * any, so the coder goes on by keyboard.
 */
void
_mg_window_scheme_tagged (MgWindow     *self,
                          MgAnnotation *annotation)
{
  GPtrArray *fields = attributes_of (self, annotation);

  if (fields != NULL && fields->len > 0 && current_annotation (self) == annotation)
    choose_attributes (self);
}

/**
 * _mg_window_scheme_relabel:
 * @annotation: a span of the document shown
 *
 * Gives @annotation the label @label_id in one undo step, with the
 * attributes and links that belonged to its old label and that the new
 * one does not take (mg_scheme_check_relabel()), and says what went.
 *
 * Returns: %FALSE, with @error set, when the store refuses the label
 */
gboolean
_mg_window_scheme_relabel (MgWindow      *self,
                           MgAnnotation  *annotation,
                           const char    *label_id,
                           GError       **error)
{
  MgHistory *h = history (self);
  g_autoptr(GPtrArray) attributes = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  gboolean done;

  if (self->scheme->scheme != NULL)
    mg_scheme_check_relabel (self->scheme->scheme, self->document, annotation, label_id,
                             &attributes, &relations);

  mg_history_begin_group (h);
  done = mg_history_set_label (h, self->document, annotation, label_id, error);
  for (guint i = 0; done && relations != NULL && i < relations->len; i++)
    mg_history_remove_relation (h, self->document, g_ptr_array_index (relations, i));
  for (guint i = 0; done && attributes != NULL && i < attributes->len; i++)
    mg_history_set_attribute (h, self->document, annotation, g_ptr_array_index (attributes, i), NULL);
  mg_history_end_group (h);

  if (done && ((attributes != NULL && attributes->len > 0) || (relations != NULL && relations->len > 0)))
    {
      AdwToast *toast;

      if (relations == NULL || relations->len == 0)
        toast = adw_toast_new (ngettext ("Relabelled; an attribute the new label does not take was removed",
                                         "Relabelled; attributes the new label does not take were removed",
                                         attributes->len));
      else if (attributes == NULL || attributes->len == 0)
        toast = adw_toast_new (ngettext ("Relabelled; a link the new label may not have was removed",
                                         "Relabelled; links the new label may not have were removed",
                                         relations->len));
      else
        toast = adw_toast_new (_("Relabelled; attributes and links the new label does not take were removed"));
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  return done;
}

static void
create_popover (MgWindow *self)
{
  MgWindowScheme *part = self->scheme;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkEventController *keys = gtk_event_controller_key_new ();

  part->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_set_name (GTK_WIDGET (part->popover), "attribute-popover");
  part->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (part->heading, 0);
  gtk_widget_add_css_class (GTK_WIDGET (part->heading), "heading");
  part->values = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (part->values), "boxed-list");
  part->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_activates_default (part->entry, FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (part->entry), 24);
  part->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (part->stack, FALSE);
  gtk_stack_set_hhomogeneous (part->stack, FALSE);
  gtk_stack_add_child (part->stack, GTK_WIDGET (part->values));
  gtk_stack_add_child (part->stack, GTK_WIDGET (part->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (part->heading));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (part->stack));
  {
    /* What the keys do, for the coder who has not read the manual. */
    GtkWidget *hint = gtk_label_new (_("First letter, then Enter; Esc to stop"));

    gtk_label_set_xalign (GTK_LABEL (hint), 0);
    gtk_widget_add_css_class (hint, "caption");
    gtk_widget_add_css_class (hint, "dim-label");
    gtk_box_append (GTK_BOX (box), hint);
  }
  gtk_popover_set_child (part->popover, box);

  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (values_key_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (part->values), keys);
  g_signal_connect_object (part->values, "row-activated",
                           G_CALLBACK (value_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (part->entry, "activate",
                           G_CALLBACK (entry_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (part->popover, "closed",
                           G_CALLBACK (popover_closed_cb), self, G_CONNECT_SWAPPED);
  mg_article_view_add_popover (self->article_view, part->popover);
}

/* Relation types */

/**
 * _mg_window_scheme_declares_links:
 *
 * Returns: whether the dataset lists its relation types, which then say
 *   what may be linked to what
 */
gboolean
_mg_window_scheme_declares_links (MgWindow *self)
{
  MgDataset *dataset = mg_session_get_dataset (self->session);
  JsonObject *extra = dataset ? mg_dataset_get_extra (dataset) : NULL;

  return self->scheme != NULL && self->scheme->scheme != NULL &&
         extra != NULL && json_object_has_member (extra, "relation_types");
}

/**
 * _mg_window_scheme_may_link:
 * @to: (nullable): the other end, or %NULL for any
 *
 * Returns: whether some relation type goes from @from's label to @to's
 */
gboolean
_mg_window_scheme_may_link (MgWindow     *self,
                            MgAnnotation *from,
                            MgAnnotation *to)
{
  MgScheme *scheme = self->scheme->scheme;
  GPtrArray *types;

  if (scheme == NULL)
    return FALSE;
  types = mg_scheme_get_relation_types (scheme);
  for (guint i = 0; i < types->len; i++)
    {
      const MgRelationType *type = g_ptr_array_index (types, i);

      if (to == NULL
          ? (type->from[0] == NULL ||
             g_strv_contains ((const char *const *) type->from, mg_annotation_get_label (from)))
          : mg_relation_type_allows (type, mg_annotation_get_label (from), mg_annotation_get_label (to)))
        return TRUE;
    }
  return FALSE;
}

/**
 * _mg_window_scheme_link:
 *
 * Links @from to @to by the one relation type the scheme allows between
 * their labels, or asks which when it allows several.
 *
 * Returns: %FALSE when the one type is attributed-to (or none is
 *   declared), for the speaker chooser to make as it always has
 */
gboolean
_mg_window_scheme_link (MgWindow     *self,
                        MgAnnotation *from,
                        MgAnnotation *to)
{
  MgWindowScheme *part = self->scheme;
  g_autoptr(GPtrArray) types = NULL;
  const MgRelationType *only;
  GtkWidget *child;

  if (!_mg_window_scheme_declares_links (self))
    return FALSE;
  types = mg_scheme_relation_types_between (part->scheme, mg_annotation_get_label (from),
                                            mg_annotation_get_label (to));
  if (types->len == 0)
    return FALSE;
  only = g_ptr_array_index (types, 0);
  if (types->len == 1)
    {
      if (g_str_equal (only->id, MG_RELATION_ATTRIBUTED_TO))
        return FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.link", "(ss)",
                                  mg_annotation_get_id (to), only->id);
      return TRUE;
    }

  g_ptr_array_set_size (part->pending, 0);
  g_clear_pointer (&part->asking, g_free);
  gtk_label_set_text (part->heading, _("Link as"));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (part->values))) != NULL)
    gtk_list_box_remove (part->values, child);
  for (guint i = 0; i < types->len; i++)
    {
      const MgRelationType *type = g_ptr_array_index (types, i);

      values_row (part->values, type->name, type->id);
    }
  gtk_stack_set_visible_child (part->stack, GTK_WIDGET (part->values));
  _mg_window_popup_at_selected (self, part->popover);
  /* Set after the popup: a popover closing on the way clears it. */
  g_free (part->link_to);
  part->link_to = g_strdup (mg_annotation_get_id (to));
  select_row (self, gtk_list_box_get_row_at_index (part->values, 0));
  return TRUE;
}

/* (the other end's id, the relation type) from the selected span; an
 * attributed-to replaces the span's speaker, as the speaker chooser does,
 * any other type is added beside what the span has. */
static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgAnnotation *from = current_annotation (self);
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(MgRelation) relation = NULL;
  g_autoptr(GError) error = NULL;
  MgAnnotationStore *store;
  MgAnnotation *to = NULL;
  const char *to_id, *type;

  g_variant_get (param, "(&s&s)", &to_id, &type);
  if (from == NULL || self->document == NULL)
    return;
  store = mg_document_get_store (self->document);
  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store) && to == NULL; i++)
    if (g_str_equal (mg_annotation_get_id (mg_annotation_store_get_annotation (store, i)), to_id))
      to = mg_annotation_store_get_annotation (store, i);
  if (to == NULL)
    return;

  if (g_str_equal (type, MG_RELATION_ATTRIBUTED_TO))
    {
      if (!mg_history_set_attribution (history (self), self->document, from, to, &error))
        mg_window_toast (self, error->message);
      return;
    }
  relations = mg_annotation_store_relations_of (store, from);
  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *r = g_ptr_array_index (relations, i);

      if (g_strcmp0 (mg_relation_get_kind (r), type) == 0 &&
          g_strcmp0 (mg_relation_get_from (r), mg_annotation_get_id (from)) == 0 &&
          g_strcmp0 (mg_relation_get_to (r), to_id) == 0)
        return;
    }
  relation = mg_relation_new (NULL, type, mg_annotation_get_id (from), to_id);
  if (!mg_history_add_relation (history (self), self->document, relation, &error))
    mg_window_toast (self, error->message);
}

/* Following the dataset */

static void
update_actions (MgWindow *self)
{
  GPtrArray *fields = attributes_of (self, current_annotation (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.choose-attributes",
                                 fields != NULL && fields->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-scheme",
                                 mg_session_get_dataset (self->session) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-scheme",
                                 self->scheme->scheme != NULL);
}

static void
read_scheme (MgWindow *self)
{
  MgDataset *dataset = mg_session_get_dataset (self->session);

  g_clear_object (&self->scheme->scheme);
  if (dataset != NULL)
    self->scheme->scheme = mg_scheme_new_from_dataset (dataset, "", NULL);
  mg_label_palette_update_codebook (self->label_palette);
  _mg_window_codes_update (self);
  update_actions (self);
}

/* After labels were added, renamed, recoloured or removed, everything
 * drawn with them is drawn again. */
static void
follow_labels (MgWindow *self)
{
  MgDataset *dataset = mg_session_get_dataset (self->session);
  MgLabelSet *labels = dataset ? mg_dataset_get_labels (dataset) : NULL;

  if (labels == self->scheme->labels)
    return;
  g_set_object (&self->scheme->labels, labels);
  mg_label_palette_set_labels (self->label_palette, labels);
  if (self->document != NULL)
    {
      mg_article_view_set_document (self->article_view, self->document, labels);
      mg_annotation_list_set_document (self->annotation_list, self->document, labels);
    }
}

static void
history_changed_cb (MgWindow  *self,
                    MgHistory *history)
{
  follow_labels (self);
  read_scheme (self);
}

void
_mg_window_scheme_dataset_changed (MgWindow *self)
{
  MgWindowScheme *part = self->scheme;

  if (part == NULL)
    return;
  if (part->history != NULL)
    g_signal_handlers_disconnect_by_data (part->history, self);
  g_set_object (&part->history, history (self));
  if (part->history != NULL)
    g_signal_connect_object (part->history, "changed",
                             G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  if (part->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (part->editor));
  g_clear_object (&part->labels);
  if (mg_session_get_dataset (self->session) != NULL)
    part->labels = g_object_ref (mg_dataset_get_labels (mg_session_get_dataset (self->session)));
  read_scheme (self);
}

void
_mg_window_scheme_document_changed (MgWindow *self)
{
  if (self->scheme == NULL)
    return;
  if (self->scheme->popover != NULL)
    gtk_popover_popdown (self->scheme->popover);
  _mg_window_codes_fill (self);
}

static void
edit_scheme_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);

  if (mg_session_get_dataset (self->session) == NULL)
    return;
  if (self->scheme->editor == NULL)
    {
      self->scheme->editor = mg_scheme_editor_new (self);
      g_object_add_weak_pointer (G_OBJECT (self->scheme->editor), (gpointer *) &self->scheme->editor);
    }
  gtk_window_present (GTK_WINDOW (self->scheme->editor));
}

/**
 * _mg_window_scheme_get_editor:
 *
 * Returns: (transfer none) (nullable): the scheme editor, while it is open
 */
GtkWidget *
_mg_window_scheme_get_editor (MgWindow *self)
{
  return self->scheme->editor;
}

/* Scheme files */

static void
start_dataset (MgWindow *self,
               gpointer  data)
{
  mg_window_set_dataset (self, data, NULL);
}

/**
 * _mg_window_scheme_new_from_file:
 * @file: a scheme file, or a dataset whose scheme to take
 *
 * Starts a new dataset, never saved, with the labels, attributes, relation
 * types and document codes of @file, once unsaved work is settled; a file
 * that is no scheme is said so, and nothing changes.
 */
void
_mg_window_scheme_new_from_file (MgWindow *self,
                                 GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = mg_dialogs_display_name (file);
  g_autoptr(MgScheme) scheme = NULL;
  g_autoptr(MgDataset) empty = mg_dataset_new ();
  g_autoptr(GPtrArray) dropped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  MgDataset *dataset;

  if (path == NULL || (scheme = mg_scheme_load_file (path, &error)) == NULL)
    {
      mg_dialogs_show_error (GTK_WINDOW (self), _("Could Not Read the Scheme"),
                             error ? error->message : name);
      return;
    }
  mg_dataset_set_annotator (empty, self->annotator_name);
  dataset = mg_scheme_apply (scheme, empty, name, dropped);
  _mg_window_confirm_unsaved (self, start_dataset, dataset, g_object_unref);
}

/**
 * _mg_window_scheme_export_to:
 * @file: where to write the open dataset's scheme
 *
 * Returns: whether it was written; a toast says either way
 */
gboolean
_mg_window_scheme_export_to (MgWindow *self,
                             GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = g_file_get_parent (file);

  if (self->scheme->scheme == NULL || path == NULL)
    return FALSE;
  if (!mg_scheme_save_file (self->scheme->scheme, path, &error))
    {
      mg_dialogs_show_error (GTK_WINDOW (self), _("Could Not Export the Scheme"), error->message);
      return FALSE;
    }
  mg_window_toast_folder (self, _("Scheme exported"), folder);
  return TRUE;
}

static void
new_chosen (GtkWindow *window,
            GPtrArray *chosen)
{
  if (chosen != NULL && chosen->len > 0 && MG_WINDOW (window)->scheme != NULL)
    _mg_window_scheme_new_from_file (MG_WINDOW (window), g_ptr_array_index (chosen, 0));
}

static void
export_chosen (GtkWindow *window,
               GPtrArray *chosen)
{
  if (chosen != NULL && chosen->len > 0 && MG_WINDOW (window)->scheme != NULL)
    _mg_window_scheme_export_to (MG_WINDOW (window), g_ptr_array_index (chosen, 0));
}

static void
new_from_scheme_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  g_autoptr(GListModel) filters = mg_dialogs_filters (FALSE, TRUE);
  MgChooser chooser = { MG_CHOOSE_OPEN, _("New Dataset from a Scheme"),
                        .accept_label = _("_Start"), .filters = filters };

  mg_dialogs_choose (GTK_WINDOW (widget), &chooser, new_chosen);
}

static void
export_scheme_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  GFile *file = mg_session_get_file (self->session);
  g_autoptr(GListModel) filters = mg_dialogs_filters (FALSE, TRUE);
  g_autoptr(GFile) folder = file ? g_file_get_parent (file) : NULL;
  g_autofree char *base = file ? g_file_get_basename (file) : g_strdup ("dataset.json");
  g_autofree char *name = NULL;
  MgChooser chooser = { MG_CHOOSE_SAVE, _("Export Scheme"), .accept_label = _("_Export"),
                        .filters = filters, .folder = folder };

  if (self->scheme->scheme == NULL)
    return;
  if (g_str_has_suffix (base, ".json"))
    base[strlen (base) - strlen (".json")] = '\0';
  name = g_strdup_printf ("%s-scheme.json", base);
  chooser.name = name;
  mg_dialogs_choose (GTK_WINDOW (widget), &chooser, export_chosen);
}

/* Alt+Return asks for the attributes and Ctrl+B shows the codebook,
 * except where a person writes. */
static gboolean
attributes_key_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  MgWindow *self = MG_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL &&
      (GTK_IS_EDITABLE (focus) ||
       (GTK_IS_TEXT_VIEW (focus) && gtk_text_view_get_editable (GTK_TEXT_VIEW (focus)))))
    return FALSE;
  if (user_data != NULL)
    gtk_widget_activate_action (widget, user_data, NULL);
  else
    choose_attributes (self);
  return TRUE;
}

void
_mg_window_scheme_class_init (MgWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.set-attribute", "(ss)", set_attribute_action);
  gtk_widget_class_install_action (widget_class, "win.set-code", "(ss)", set_code_action);
  gtk_widget_class_install_action (widget_class, "win.set-scheme-member", "(sss)", set_scheme_member_action);
  gtk_widget_class_install_action (widget_class, "win.set-labels", "s", set_labels_action);
  gtk_widget_class_install_action (widget_class, "win.link", "(ss)", link_action);
  gtk_widget_class_install_action (widget_class, "win.choose-attributes", NULL, choose_attributes_action);
  gtk_widget_class_install_action (widget_class, "win.edit-scheme", NULL, edit_scheme_action);
  gtk_widget_class_install_action (widget_class, "win.new-from-scheme", NULL, new_from_scheme_action);
  gtk_widget_class_install_action (widget_class, "win.codebook", NULL, _mg_window_codebook_action);
  /* Bound here for the menus and the shortcuts window; the capture-phase
   * shortcuts in init see the keys first, before a text view eats them. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_ALT_MASK, "win.choose-attributes", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, "win.codebook", NULL);
  gtk_widget_class_install_action (widget_class, "win.export-scheme", NULL, export_scheme_action);
}

void
_mg_window_scheme_init (MgWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  self->scheme = g_new0 (MgWindowScheme, 1);
  self->scheme->pending = g_ptr_array_new_with_free_func (g_free);
  create_popover (self);
  _mg_window_codes_create (self);
  _mg_window_codebook_create (self);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_ALT_MASK),
                                                   gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_ALT_MASK)),
                      gtk_callback_action_new (attributes_key_cb, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (controller),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_b, GDK_CONTROL_MASK),
                      gtk_callback_action_new (attributes_key_cb, (gpointer) "win.codebook", NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (self->article_view, "notify::selected",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

void
_mg_window_scheme_dispose (MgWindow *self)
{
  MgWindowScheme *part = self->scheme;

  if (part == NULL)
    return;
  if (part->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (part->editor));
  if (part->history != NULL)
    g_signal_handlers_disconnect_by_data (part->history, self);
  g_clear_object (&part->history);
  g_clear_object (&part->scheme);
  g_clear_object (&part->labels);
  g_clear_pointer (&part->pending, g_ptr_array_unref);
  g_clear_pointer (&part->asking, g_free);
  g_clear_pointer (&part->link_to, g_free);
  g_clear_pointer (&part->codes_shape, g_free);
  g_clear_pointer (&self->scheme, g_free);
}
