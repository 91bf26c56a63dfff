/* mg-label-palette.c: a button for each label, showing its key
 *
 * Each button activates win.tag with its label, so a click does exactly
 * what the key does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-label-palette"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-label-palette.h"

struct _MgLabelPalette
{
  GtkWidget  parent_instance;

  GtkWidget *box;
};

G_DEFINE_FINAL_TYPE (MgLabelPalette, mg_label_palette, GTK_TYPE_WIDGET)

/* The label's codebook entry under what the button does, so a coder in
 * doubt reads the definition where the choice is made. */
static void
set_tooltip (GtkWidget  *button,
             MgLabel    *label,
             const char *action)
{
  JsonObject *extra = mg_label_get_extra (label);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *escaped = g_markup_escape_text (action, -1);

  g_string_append (markup, escaped);
  if (extra != NULL && json_object_has_member (extra, "definition") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (extra, "definition")))
    {
      g_autofree char *definition =
        g_markup_escape_text (json_object_get_string_member (extra, "definition"), -1);

      g_string_append_printf (markup, "\n\n%s", definition);
    }
  if (extra != NULL && json_object_has_member (extra, "examples") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (extra, "examples")))
    {
      JsonArray *examples = json_object_get_array_member (extra, "examples");

      for (guint i = 0; i < json_array_get_length (examples); i++)
        {
          g_autofree char *example = NULL;

          if (!JSON_NODE_HOLDS_VALUE (json_array_get_element (examples, i)))
            continue;
          example = g_markup_escape_text (json_array_get_string_element (examples, i), -1);
          g_string_append_printf (markup, "\n• <i>%s</i>", example);
        }
    }
  /* Setting a tooltip asks the display where the pointer is (a round trip
   * on X11), and this runs after every edit: only when it changed. */
  if (g_strcmp0 (gtk_widget_get_tooltip_markup (button), markup->str) != 0)
    gtk_widget_set_tooltip_markup (button, markup->str);
  g_object_set_data_full (G_OBJECT (button), "action", g_strdup (action), g_free);
}

static GtkWidget *
create_button (MgLabel *label)
{
  g_autofree char *dot = g_markup_printf_escaped ("<span foreground=\"%s\">⬤</span>",
                                                  mg_label_get_color (label));
  g_autofree char *tooltip = NULL;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = gtk_label_new (NULL);
  GtkWidget *name = gtk_label_new (_(mg_label_get_name (label)));
  const char *key = mg_label_get_key (label);

  gtk_label_set_markup (GTK_LABEL (swatch), dot);
  gtk_widget_add_css_class (swatch, "swatch");
  gtk_box_append (GTK_BOX (content), swatch);
  gtk_box_append (GTK_BOX (content), name);

  if (key != NULL && *key != '\0')
    {
      GtkWidget *keycap = gtk_label_new (key);

      gtk_widget_add_css_class (keycap, "keycap");
      gtk_box_append (GTK_BOX (content), keycap);
      /* Translators: a tooltip, %s is a label name such as Quote and %s a key */
      tooltip = g_strdup_printf (_("Tag the selection as %s (%s)"), _(mg_label_get_name (label)), key);
    }
  else
    tooltip = g_strdup_printf (_("Tag the selection as %s"), _(mg_label_get_name (label)));

  gtk_button_set_child (GTK_BUTTON (button), content);
  g_object_set_data_full (G_OBJECT (button), "label", g_object_ref (label), g_object_unref);
  set_tooltip (button, label, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.tag");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", mg_label_get_id (label));

  return button;
}

/* The palette takes the width it is given and wraps to it; asking for
 * the width of every label on one line would keep the panels beside the
 * article from folding. */
static void
mg_label_palette_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  MgLabelPalette *self = MG_LABEL_PALETTE (widget);

  gtk_widget_measure (self->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = *minimum;
}

/* The width of every label on one row. A flow box's own natural width is
 * not that: it asks for as few columns as it may have. */
static int
one_row_width (MgLabelPalette *self)
{
  int total = 0, n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (self->box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int natural;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      total += natural;
      n++;
    }

  return total + MAX (n - 1, 0) * (int) gtk_flow_box_get_column_spacing (GTK_FLOW_BOX (self->box));
}

static void
mg_label_palette_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  MgLabelPalette *self = MG_LABEL_PALETTE (widget);
  int row = one_row_width (self);
  int used = row <= width ? row : width;

  /* Centred when every label fits on one row; wrapped over the whole
   * width when not. */
  gtk_widget_allocate (self->box, used, height, baseline,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT ((width - used) / 2, 0)));
}

static GtkSizeRequestMode
mg_label_palette_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
mg_label_palette_dispose (GObject *object)
{
  MgLabelPalette *self = MG_LABEL_PALETTE (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (mg_label_palette_parent_class)->dispose (object);
}

static void
mg_label_palette_class_init (MgLabelPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mg_label_palette_dispose;

  widget_class->measure = mg_label_palette_measure;
  widget_class->size_allocate = mg_label_palette_size_allocate;
  widget_class->get_request_mode = mg_label_palette_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, "labelpalette");
}

/* A flow box, so that a dataset with many labels wraps them onto a second
 * row rather than widening the window. */
static void
mg_label_palette_init (MgLabelPalette *self)
{
  self->box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->box), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->box), FALSE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->box), 4);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->box), 2);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->box), 1);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
mg_label_palette_new (void)
{
  return g_object_new (MG_TYPE_LABEL_PALETTE, NULL);
}

/**
 * mg_label_palette_set_labels:
 * @labels: (nullable): the labels to offer
 */
void
mg_label_palette_set_labels (MgLabelPalette *self,
                             MgLabelSet     *labels)
{
  GtkWidget *child;

  g_return_if_fail (MG_IS_LABEL_PALETTE (self));

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->box), child);

  /* An empty bar under the article would only take room. */
  gtk_widget_set_visible (GTK_WIDGET (self), labels != NULL && mg_label_set_get_n_labels (labels) > 0);
  if (labels == NULL)
    return;

  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->box),
                                          MAX (mg_label_set_get_n_labels (labels), 1));
  for (guint i = 0; i < mg_label_set_get_n_labels (labels); i++)
    {
      gtk_flow_box_append (GTK_FLOW_BOX (self->box), create_button (mg_label_set_get_label (labels, i)));
      /* The button takes the focus, not the cell around it. */
      gtk_widget_set_focusable (gtk_widget_get_last_child (self->box), FALSE);
    }
}

/**
 * mg_label_palette_update_codebook:
 *
 * Shows each label's definition and examples again in its tooltip, after
 * the coding scheme changed.
 */
void
mg_label_palette_update_codebook (MgLabelPalette *self)
{
  g_return_if_fail (MG_IS_LABEL_PALETTE (self));

  for (GtkWidget *cell = gtk_widget_get_first_child (self->box); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (cell));
      MgLabel *label = g_object_get_data (G_OBJECT (button), "label");

      set_tooltip (button, label, g_object_get_data (G_OBJECT (button), "action"));
    }
}
