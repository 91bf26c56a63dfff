/* mg-window-codes.c: the document's codes and the codebook, where
 * coders code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The codes of the document shown sit under the annotation list: a
 * drop-down for a choice or yes-or-no, an entry for text, each change
 * win.set-code and so one undo step. The rows are made again only when the
 * scheme's codes change; after any other step only the values are put
 * back, so a text being typed is not lost. The codebook is a popover over
 * the palette with every label's definition, examples and attributes.
 */

#define G_LOG_DOMAIN "mg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-window-private.h"

/* The document's codes */

static char *
codes_shape (MgScheme *scheme)
{
  GString *shape = g_string_new (NULL);
  GPtrArray *codes = scheme ? mg_scheme_get_document_codes (scheme) : NULL;

  for (guint i = 0; codes != NULL && i < codes->len; i++)
    {
      const MgField *field = g_ptr_array_index (codes, i);
      g_autofree char *values = g_strjoinv ("\x1f", field->values);

      g_string_append_printf (shape, "%s\x1e%s\x1e%d\x1e%s\x1d", field->id, field->name, field->type, values);
    }
  return g_string_free (shape, FALSE);
}

static void
code_dropdown_cb (MgWindow    *self,
                  GParamSpec  *pspec,
                  GtkDropDown *dropdown)
{
  const char *id = g_object_get_data (G_OBJECT (dropdown), "code");
  const char *const *values = g_object_get_data (G_OBJECT (dropdown), "values");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->scheme->filling || selected == GTK_INVALID_LIST_POSITION)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-code", "(ss)",
                              id, selected == 0 ? "" : values[selected - 1]);
}

static void
code_entry_commit (MgWindow *self,
                   GtkEntry *entry)
{
  const char *id = g_object_get_data (G_OBJECT (entry), "code");
  g_autofree char *now = NULL;

  if (self->scheme->filling || self->document == NULL)
    return;
  now = mg_document_dup_code_string (self->document, id);
  if (g_strcmp0 (now ?: "", gtk_editable_get_text (GTK_EDITABLE (entry))) != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.set-code", "(ss)",
                                id, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
code_entry_leave_cb (MgWindow                *self,
                     GtkEventControllerFocus *focus)
{
  code_entry_commit (self, GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus))));
}

/* The rows for the scheme's codes, empty of values. */
static void
build_codes (MgWindow *self)
{
  MgWindowScheme *part = self->scheme;
  GPtrArray *codes = part->scheme ? mg_scheme_get_document_codes (part->scheme) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (part->codes_rows)) != NULL)
    gtk_box_remove (GTK_BOX (part->codes_rows), child);

  for (guint i = 0; codes != NULL && i < codes->len; i++)
    {
      const MgField *field = g_ptr_array_index (codes, i);
      GtkWidget *name = gtk_label_new (field->name);
      GtkWidget *input;

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (name, "caption-heading");
      if (field->type == MG_FIELD_TEXT)
        {
          GtkEventController *focus = gtk_event_controller_focus_new ();

          input = gtk_entry_new ();
          g_signal_connect_object (input, "activate", G_CALLBACK (code_entry_commit), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (focus, "leave", G_CALLBACK (code_entry_leave_cb), self, G_CONNECT_SWAPPED);
          gtk_widget_add_controller (input, focus);
        }
      else
        {
          g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
          char **values;

          gtk_string_list_append (list, _("(none)"));
          if (field->type == MG_FIELD_BOOLEAN)
            {
              const char *booleans[] = { "true", "false", NULL };

              gtk_string_list_append (list, _("Yes"));
              gtk_string_list_append (list, _("No"));
              values = g_strdupv ((char **) booleans);
            }
          else
            {
              gtk_string_list_splice (list, 1, 0, (const char *const *) field->values);
              values = g_strdupv (field->values);
            }
          input = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL);
          g_object_set_data_full (G_OBJECT (input), "values", values, (GDestroyNotify) g_strfreev);
          g_signal_connect_object (input, "notify::selected", G_CALLBACK (code_dropdown_cb), self, G_CONNECT_SWAPPED);
        }
      g_object_set_data_full (G_OBJECT (input), "code", g_strdup (field->id), g_free);
      gtk_widget_set_name (input, field->id);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (input),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, name, NULL, -1);
      gtk_box_append (GTK_BOX (part->codes_rows), name);
      gtk_box_append (GTK_BOX (part->codes_rows), input);
    }
}

/**
 * _mg_window_codes_fill:
 *
 * Shows the values of the document shown; a text being typed stays.
 */
void
_mg_window_codes_fill (MgWindow *self)
{
  MgWindowScheme *part = self->scheme;
  GtkRoot *root = gtk_widget_get_root (part->codes_rows);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  part->filling = TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (part->codes_rows);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *id = g_object_get_data (G_OBJECT (child), "code");
      g_autofree char *value = NULL;

      if (id == NULL)
        continue;
      value = self->document ? mg_document_dup_code_string (self->document, id) : NULL;
      gtk_widget_set_sensitive (child, self->document != NULL);
      if (GTK_IS_DROP_DOWN (child))
        {
          const char *const *values = g_object_get_data (G_OBJECT (child), "values");
          guint position = 0;

          for (guint i = 0; value != NULL && values[i] != NULL; i++)
            if (g_str_equal (values[i], value))
              position = i + 1;
          gtk_drop_down_set_selected (GTK_DROP_DOWN (child), position);
        }
      else if (focus == NULL || !gtk_widget_is_ancestor (focus, child))
        gtk_editable_set_text (GTK_EDITABLE (child), value ?: "");
    }
  part->filling = FALSE;
}

/**
 * _mg_window_codes_update:
 *
 * Makes the rows again when the scheme's codes changed, and shows the
 * document's values.
 */
void
_mg_window_codes_update (MgWindow *self)
{
  MgWindowScheme *part = self->scheme;
  g_autofree char *shape = codes_shape (part->scheme);

  if (g_strcmp0 (shape, part->codes_shape) != 0)
    {
      build_codes (self);
      g_free (part->codes_shape);
      part->codes_shape = g_steal_pointer (&shape);
    }
  gtk_widget_set_visible (part->codes_panel,
                          part->scheme != NULL && mg_scheme_has_document_codes (part->scheme) &&
                          mg_scheme_get_document_codes (part->scheme)->len > 0);
  _mg_window_codes_fill (self);
}

/**
 * _mg_window_codes_create:
 *
 * The document codes panel under the annotation list, hidden while the
 * scheme has no codes.
 */
void
_mg_window_codes_create (MgWindow *self)
{
  MgWindowScheme *part = self->scheme;
  GtkWidget *heading = gtk_label_new (_("Document Codes"));
  GtkWidget *side = gtk_widget_get_parent (GTK_WIDGET (self->annotation_list));
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  /* The separator goes and comes with the panel. */
  part->codes_panel = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_name (part->codes_panel, "document-codes");
  part->codes_rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_start (inner, 12);
  gtk_widget_set_margin_end (inner, 12);
  gtk_widget_set_margin_top (inner, 8);
  gtk_widget_set_margin_bottom (inner, 12);
  gtk_box_append (GTK_BOX (inner), heading);
  gtk_box_append (GTK_BOX (inner), part->codes_rows);
  gtk_box_append (GTK_BOX (part->codes_panel), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (part->codes_panel), inner);
  gtk_widget_set_visible (part->codes_panel, FALSE);
  gtk_box_append (GTK_BOX (side), part->codes_panel);
}

/* The codebook */

/* Every label: its key, definition, examples and attributes, then the
 * relation types and document codes, as a coder reads a codebook. */
static char *
codebook_markup (MgWindow *self)
{
  MgDataset *dataset = mg_session_get_dataset (self->session);
  MgScheme *scheme = self->scheme->scheme;
  MgLabelSet *labels = mg_dataset_get_labels (dataset);
  GString *markup = g_string_new (NULL);

  for (guint i = 0; i < mg_label_set_get_n_labels (labels); i++)
    {
      MgLabel *label = mg_label_set_get_label (labels, i);
      JsonObject *extra = mg_label_get_extra (label);
      GPtrArray *fields = mg_scheme_get_attributes (scheme, mg_label_get_id (label));
      g_autofree char *name = g_markup_escape_text (_(mg_label_get_name (label)), -1);
      JsonNode *node;

      if (markup->len > 0)
        g_string_append (markup, "\n\n");
      g_string_append_printf (markup, "<span foreground=\"%s\">⬤</span> <b>%s</b>",
                              mg_label_get_color (label), name);
      if (mg_label_get_key (label) != NULL)
        g_string_append_printf (markup, "  <tt>%s</tt>", mg_label_get_key (label));
      node = extra && json_object_has_member (extra, "definition") ? json_object_get_member (extra, "definition") : NULL;
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          g_autofree char *text = g_markup_escape_text (json_node_get_string (node), -1);

          g_string_append_printf (markup, "\n%s", text);
        }
      node = extra && json_object_has_member (extra, "examples") ? json_object_get_member (extra, "examples") : NULL;
      for (guint j = 0; node != NULL && JSON_NODE_HOLDS_ARRAY (node) &&
                        j < json_array_get_length (json_node_get_array (node)); j++)
        {
          JsonNode *example = json_array_get_element (json_node_get_array (node), j);
          g_autofree char *text = NULL;

          if (!JSON_NODE_HOLDS_VALUE (example) || json_node_get_value_type (example) != G_TYPE_STRING)
            continue;
          text = g_markup_escape_text (json_node_get_string (example), -1);
          g_string_append_printf (markup, "\n• <i>%s</i>", text);
        }
      for (guint j = 0; fields != NULL && j < fields->len; j++)
        {
          const MgField *field = g_ptr_array_index (fields, j);
          g_autofree char *values = g_strjoinv (", ", field->values);
          g_autofree char *line = g_strdup_printf ("%s: %s", field->name,
                                                   field->type == MG_FIELD_CHOICE ? values
                                                   : field->type == MG_FIELD_BOOLEAN ? _("yes or no")
                                                   : _("free text"));
          g_autofree char *text = g_markup_escape_text (line, -1);

          g_string_append_printf (markup, "\n<small>%s</small>", text);
        }
    }
  if (mg_scheme_has_document_codes (scheme))
    {
      GPtrArray *codes = mg_scheme_get_document_codes (scheme);
      g_autofree char *heading = g_markup_escape_text (_("Document Codes"), -1);

      g_string_append_printf (markup, "\n\n<b>%s</b>", heading);
      for (guint j = 0; j < codes->len; j++)
        {
          const MgField *field = g_ptr_array_index (codes, j);
          g_autofree char *values = g_strjoinv (", ", field->values);
          g_autofree char *line = g_strdup_printf ("%s: %s", field->name,
                                                   field->type == MG_FIELD_CHOICE ? values
                                                   : field->type == MG_FIELD_BOOLEAN ? _("yes or no")
                                                   : _("free text"));
          g_autofree char *text = g_markup_escape_text (line, -1);

          g_string_append_printf (markup, "\n<small>%s</small>", text);
        }
    }
  return g_string_free (markup, FALSE);
}

void
_mg_window_codebook_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgWindowScheme *part = self->scheme;
  g_autofree char *markup = NULL;
  GtkWidget *view = GTK_WIDGET (self->article_view);
  GtkRoot *root = gtk_widget_get_root (view);
  GdkRectangle rect, visible;

  if (self->document == NULL || part->scheme == NULL)
    return;
  markup = codebook_markup (self);
  gtk_label_set_markup (part->codebook_text, markup);
  gtk_scrolled_window_set_max_content_height (part->codebook_scroller,
                                              CLAMP (gtk_widget_get_height (GTK_WIDGET (root)) - 220, 160, 560));
  /* At the foot of the article, over the palette where labels are chosen. */
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (view), &visible);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET,
                                         visible.x + visible.width / 2, visible.y + visible.height - 1,
                                         &rect.x, &rect.y);
  rect.width = 1;
  rect.height = 1;
  gtk_popover_set_position (part->codebook, GTK_POS_TOP);
  mg_article_view_popup (self->article_view, part->codebook, &rect);
}

/**
 * _mg_window_codebook_create:
 *
 * The codebook popover, over the palette (win.codebook).
 */
void
_mg_window_codebook_create (MgWindow *self)
{
  MgWindowScheme *part = self->scheme;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Codebook"));

  part->codebook = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_set_name (GTK_WIDGET (part->codebook), "codebook");
  part->codebook_text = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (part->codebook_text, TRUE);
  gtk_label_set_wrap_mode (part->codebook_text, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (part->codebook_text, 0);
  gtk_label_set_max_width_chars (part->codebook_text, 48);
  gtk_label_set_width_chars (part->codebook_text, 32);
  part->codebook_scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (part->codebook_scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (part->codebook_scroller, TRUE);
  gtk_scrolled_window_set_propagate_natural_width (part->codebook_scroller, TRUE);
  gtk_scrolled_window_set_child (part->codebook_scroller, GTK_WIDGET (part->codebook_text));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (part->codebook_scroller));
  gtk_popover_set_child (part->codebook, box);
  g_signal_connect_object (part->codebook, "closed",
                           G_CALLBACK (gtk_widget_grab_focus), self->article_view, G_CONNECT_SWAPPED);
  mg_article_view_add_popover (self->article_view, part->codebook);
}

