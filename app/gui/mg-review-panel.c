/* mg-review-panel.c: agreement figures and disagreements beside the article
 *
 * The panel only shows: the window's review code computes the figures and
 * the disagreements and tells it what to show, and the panel reports which
 * disagreement the user picked. The resolution buttons activate the
 * window's actions, as their keys do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-review-panel"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "mg-article-view.h"
#include "mg-review-panel.h"

/* The chart: a row per label with a bar for F1 and one for kappa. */
#define CHART_NAME_WIDTH  72
#define CHART_VALUE_WIDTH 64
#define CHART_ROW_HEIGHT  24
#define CHART_BAR_HEIGHT  7
#define CHART_LEGEND      20

struct _MgReviewPanel
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkGrid           *button_grid;
  GtkDrawingArea    *chart;
  GtkLabel          *chart_heading;
  GtkLabel          *colleague_label;
  GtkLabel          *count_label;
  GtkGrid           *figures_grid;
  GtkBox            *legend_box;
  GtkListBox        *list;
  GtkLabel          *list_heading;
  GtkScrolledWindow *list_scroller;
  GtkBox            *problems_box;
  GtkExpander       *problems_expander;
  GtkLabel          *problems_label;
  GtkLabel          *title_label;

  /* Owned */
  MgAgreement       *chart_agreement;
  MgLabelSet        *chart_labels;

  /* Built in code, children of the template's grid and list */
  GtkLabel          *figure_labels[2][MG_REVIEW_N_FIGURES];
  GtkWidget         *buttons[4];   /* in the order of MgResolution after NONE */
  GtkWidget         *placeholder;

  guint              n_rows;
  guint              n_resolved;
  guint              scroll_id;   /* a scroll waiting for the rows' layout */
  guint              scroll_frames;

  /* Set while the list changes under our hands, so that only the user's
   * choices are reported. */
  guint              selecting : 1;
};

G_DEFINE_FINAL_TYPE (MgReviewPanel, mg_review_panel, ADW_TYPE_BIN)

enum {
  SIGNAL_DISAGREEMENT_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * mg_review_panel_format_figure:
 *
 * Returns: (transfer full): @value with two decimals, or a dash when it is
 *   undefined (NAN), as marginalia-tool agree prints it
 */
char *
mg_review_panel_format_figure (double value)
{
  if (isnan (value))
    return g_strdup ("—");

  return g_strdup_printf ("%.2f", value);
}

static char *
color_hex (MgLabelSet *labels,
           const char *label_id)
{
  MgLabel *label = labels ? mg_label_set_lookup (labels, label_id) : NULL;
  GdkRGBA rgba;

  if (label == NULL || !gdk_rgba_parse (&rgba, mg_label_get_color (label)))
    return g_strdup ("#77767b");

  /* Pango markup reads colours in hex, not in CSS notation. */
  return g_strdup_printf ("#%02x%02x%02x",
                          (int) (rgba.red * 255 + 0.5),
                          (int) (rgba.green * 255 + 0.5),
                          (int) (rgba.blue * 255 + 0.5));
}

/* The chart */

static void
set_source_color (cairo_t       *cr,
                  const GdkRGBA *color,
                  double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
draw_text (GtkWidget     *widget,
           cairo_t       *cr,
           const char    *text,
           const GdkRGBA *color,
           double         x,
           double         y,
           int            width,
           gboolean       right)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  int text_width, text_height;

  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  set_source_color (cr, color, 1);
  cairo_move_to (cr, x, y - text_height / 2.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

/* A bar from 0 to 1: F1 filled, kappa outlined and lightly filled, so the
 * two differ by more than colour. Kappa below 0 draws an empty track. */
static void
draw_bar (cairo_t       *cr,
          const GdkRGBA *color,
          const GdkRGBA *fg,
          double         x,
          double         y,
          double         width,
          double         value,
          gboolean       filled)
{
  double w = isnan (value) ? 0 : CLAMP (value, 0, 1) * width;

  set_source_color (cr, fg, 0.1);
  cairo_rectangle (cr, x, y, width, CHART_BAR_HEIGHT);
  cairo_fill (cr);

  if (w <= 0)
    return;

  set_source_color (cr, color, filled ? 1 : 0.3);
  cairo_rectangle (cr, x, y, w, CHART_BAR_HEIGHT);
  cairo_fill (cr);
  if (!filled)
    {
      set_source_color (cr, color, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_rectangle (cr, x + 0.75, y + 0.75, MAX (w - 1.5, 0), CHART_BAR_HEIGHT - 1.5);
      cairo_stroke (cr);
    }
}

static void
chart_draw (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  MgReviewPanel *self = MG_REVIEW_PANEL (user_data);
  GtkWidget *widget = GTK_WIDGET (area);
  double bar_x = CHART_NAME_WIDTH, bar_w = MAX (width - CHART_NAME_WIDTH - CHART_VALUE_WIDTH - 8, 20);
  GdkRGBA fg;
  guint n;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (self->chart_agreement == NULL)
    return;

  /* Legend: which bar is which. */
  draw_bar (cr, &fg, &fg, bar_x, CHART_LEGEND / 2.0 - CHART_BAR_HEIGHT / 2.0, 14, 1, TRUE);
  draw_text (widget, cr, _("F1, exact"), &fg, bar_x + 20, CHART_LEGEND / 2.0, 90, FALSE);
  draw_bar (cr, &fg, &fg, bar_x + 110, CHART_LEGEND / 2.0 - CHART_BAR_HEIGHT / 2.0, 14, 1, FALSE);
  draw_text (widget, cr, _("Cohen’s κ"), &fg, bar_x + 130, CHART_LEGEND / 2.0, 90, FALSE);

  n = mg_agreement_get_n_labels (self->chart_agreement);
  for (guint l = 0; l < n; l++)
    {
      const char *id = mg_agreement_get_label (self->chart_agreement, l);
      MgLabel *label = mg_label_set_lookup (self->chart_labels, id);
      const MgAgreementFigures *f = mg_agreement_get_figures (self->chart_agreement, -1, (int) l);
      double y = CHART_LEGEND + l * CHART_ROW_HEIGHT + 4;
      g_autofree char *f1 = mg_review_panel_format_figure (f->exact.f1);
      g_autofree char *kappa = mg_review_panel_format_figure (f->kappa);
      g_autofree char *values = g_strdup_printf ("%s  %s", f1, kappa);
      GdkRGBA color = fg;

      if (label != NULL)
        gdk_rgba_parse (&color, mg_label_get_color (label));

      draw_text (widget, cr, label ? _(mg_label_get_name (label)) : id, &fg,
                 0, y + CHART_BAR_HEIGHT + 1, CHART_NAME_WIDTH - 6, FALSE);
      draw_bar (cr, &color, &fg, bar_x, y, bar_w, f->exact.f1, TRUE);
      draw_bar (cr, &color, &fg, bar_x, y + CHART_BAR_HEIGHT + 3, bar_w, f->kappa, FALSE);
      draw_text (widget, cr, values, &fg, width - CHART_VALUE_WIDTH, y + CHART_BAR_HEIGHT + 1,
                 CHART_VALUE_WIDTH, TRUE);
    }
}

/* The list */

static void
row_selected_cb (MgReviewPanel *self,
                 GtkListBoxRow *row,
                 GtkListBox    *list)
{
  if (self->selecting || row == NULL)
    return;

  g_signal_emit (self, signals[SIGNAL_DISAGREEMENT_SELECTED], 0,
                 gtk_list_box_row_get_index (row));
}

static const char *
kind_title (MgDisagreementKind kind)
{
  switch (kind)
    {
    case MG_DISAGREEMENT_ONLY_A:
      return _("Only yours");
    case MG_DISAGREEMENT_ONLY_B:
      return _("Only theirs");
    case MG_DISAGREEMENT_LABEL:
      return _("Different labels");
    case MG_DISAGREEMENT_BOUNDARY:
      return _("Different boundaries");
    case MG_DISAGREEMENT_ATTRIBUTE:
      /* Translators: a span both marked alike, one of its attributes not */
      return _("Different values");
    case MG_DISAGREEMENT_CODE:
      return _("Different document codes");
    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
span_line (const MgReviewPanelLine *line,
           MgLabelSet              *labels)
{
  g_autofree char *color = line->span ? color_hex (labels, mg_annotation_get_label (line->span))
                                      : g_strdup ("#77767b");
  g_autofree char *text = line->text ? g_strdup (line->text)
                                     : mg_article_view_describe (line->span, labels);
  g_autofree char *markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span> %s  %s",
                                                     color, line->whose, text);
  GtkWidget *label = gtk_label_new (NULL);

  /* A line of both sides, such as their values, is about no one span. */
  if (line->whose == NULL)
    gtk_label_set_text (GTK_LABEL (label), text);
  else
    gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Long spans are cut rather than widening the panel over the article. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  /* Both values and both names must show: such a line wraps instead. */
  if (line->whose == NULL)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  gtk_widget_add_css_class (label, "caption");

  return label;
}

static void
update_count (MgReviewPanel *self)
{
  g_autofree char *text = NULL;

  if (self->n_rows == 0)
    {
      gtk_label_set_text (self->count_label, "");
      return;
    }

  /* Translators: disagreements of the document still to decide, of all */
  text = g_strdup_printf (_("%u open of %u"), self->n_rows - self->n_resolved, self->n_rows);
  gtk_label_set_text (self->count_label, text);
}

/* Figures and buttons, built here since they are rows of the same kind */

static void
add_figure_rows (MgReviewPanel *self)
{
  const char *names[MG_REVIEW_N_FIGURES] = {
    N_("F1, exact"),
    N_("F1, overlap"),
    N_("Cohen’s κ"),
    N_("Krippendorff’s α"),
  };

  for (guint i = 0; i < MG_REVIEW_N_FIGURES; i++)
    {
      GtkWidget *name = gtk_label_new (_(names[i]));

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_grid_attach (self->figures_grid, name, 0, (int) i + 1, 1, 1);
      for (guint c = 0; c < 2; c++)
        {
          GtkWidget *value = gtk_label_new ("—");

          gtk_label_set_xalign (GTK_LABEL (value), 1);
          gtk_widget_add_css_class (value, "numeric");
          gtk_grid_attach (self->figures_grid, value, (int) c + 1, (int) i + 1, 1, 1);
          self->figure_labels[c][i] = GTK_LABEL (value);
        }
    }
}

static void
add_buttons (MgReviewPanel *self)
{
  static const struct { const char *label; const char *target; const char *key; const char *tip; } buttons[] = {
    { N_("Keep _Mine"), "mine", "Ctrl+1", N_("Keep your span as it is") },
    { N_("Take _Theirs"), "theirs", "Ctrl+2", N_("Replace your span with theirs") },
    { N_("Keep _Both"), "both", "Ctrl+3", N_("Add their span beside yours") },
    { N_("_Drop"), "drop", "Ctrl+4", N_("Remove your span and leave theirs out") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = gtk_label_new_with_mnemonic (_(buttons[i].label));
      GtkWidget *key = gtk_label_new (buttons[i].key);
      g_autofree char *name = g_strconcat ("review-", buttons[i].target, NULL);

      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
      gtk_widget_add_css_class (key, "keycap");
      gtk_widget_add_css_class (key, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), key);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_set_tooltip_text (button, _(buttons[i].tip));
      /* Named for tests, which find them by name. */
      gtk_widget_set_name (button, name);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.review-resolve");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", buttons[i].target);
      gtk_grid_attach (self->button_grid, button, (int) (i % 2), (int) (i / 2), 1, 1);
      self->buttons[i] = button;
    }
}

/**
 * mg_review_panel_set_both_sides:
 * @both: whether the current row can keep both sides or drop them
 *
 * A value (an attribute, a document code) is one: for its rows only
 * keeping yours and taking theirs are offered.
 */
void
mg_review_panel_set_both_sides (MgReviewPanel *self,
                                gboolean       both)
{
  g_return_if_fail (MG_IS_REVIEW_PANEL (self));

  gtk_widget_set_sensitive (self->buttons[2], both);
  gtk_widget_set_sensitive (self->buttons[3], both);
}

static void
mg_review_panel_dispose (GObject *object)
{
  MgReviewPanel *self = MG_REVIEW_PANEL (object);

  if (self->scroll_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list), self->scroll_id);
  self->scroll_id = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), MG_TYPE_REVIEW_PANEL);
  g_clear_object (&self->chart_agreement);
  g_clear_object (&self->chart_labels);

  G_OBJECT_CLASS (mg_review_panel_parent_class)->dispose (object);
}

static void
mg_review_panel_class_init (MgReviewPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mg_review_panel_dispose;

  /**
   * MgReviewPanel::disagreement-selected:
   * @position: the row the user picked
   */
  signals[SIGNAL_DISAGREEMENT_SELECTED] =
    g_signal_new ("disagreement-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/marginalia/Marginalia/mg-review-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, MgReviewPanel, button_grid);
  gtk_widget_class_bind_template_child (widget_class, MgReviewPanel, chart);
  gtk_widget_class_bind_template_child (widget_class, MgReviewPanel, chart_heading);
  gtk_widget_class_bind_template_child (widget_class, MgReviewPanel, colleague_label);
  gtk_widget_class_bind_template_child (widget_class, MgReviewPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, MgReviewPanel, figures_grid);
  gtk_widget_class_bind_template_child (widget_class, MgReviewPanel, legend_box);
  gtk_widget_class_bind_template_child (widget_class, MgReviewPanel, list);
  gtk_widget_class_bind_template_child (widget_class, MgReviewPanel, list_heading);
  gtk_widget_class_bind_template_child (widget_class, MgReviewPanel, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, MgReviewPanel, problems_box);
  gtk_widget_class_bind_template_child (widget_class, MgReviewPanel, problems_expander);
  gtk_widget_class_bind_template_child (widget_class, MgReviewPanel, problems_label);
  gtk_widget_class_bind_template_child (widget_class, MgReviewPanel, title_label);

  /* Escape in the panel leaves review; in the article it unselects. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.review-close", NULL);
}

static void
mg_review_panel_init (MgReviewPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_figure_rows (self);
  add_buttons (self);

  self->placeholder = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->placeholder), TRUE);
  gtk_label_set_justify (GTK_LABEL (self->placeholder), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (self->placeholder, "dim-label");
  gtk_widget_set_margin_top (self->placeholder, 18);
  gtk_widget_set_margin_bottom (self->placeholder, 18);
  gtk_widget_set_margin_start (self->placeholder, 12);
  gtk_widget_set_margin_end (self->placeholder, 12);
  gtk_list_box_set_placeholder (self->list, self->placeholder);

  g_signal_connect_object (self->list, "row-selected", G_CALLBACK (row_selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_drawing_area_set_draw_func (self->chart, chart_draw, self, NULL);
}

GtkWidget *
mg_review_panel_new (void)
{
  return g_object_new (MG_TYPE_REVIEW_PANEL, NULL);
}

/**
 * mg_review_panel_set_colleague:
 * @name: whose dataset is reviewed, already fit to show
 */
void
mg_review_panel_set_colleague (MgReviewPanel *self,
                               const char    *name)
{
  g_autofree char *text = NULL;

  g_return_if_fail (MG_IS_REVIEW_PANEL (self));

  /* Translators: %s is a colleague's name or file name */
  text = g_strdup_printf (_("Compared with %s"), name ? name : "");
  gtk_label_set_text (self->colleague_label, text);
}

/**
 * mg_review_panel_set_figures:
 * @document: (nullable): the figures of the document shown, pooled over labels
 * @dataset: (nullable): those of every compared document
 */
void
mg_review_panel_set_figures (MgReviewPanel            *self,
                             const MgAgreementFigures *document,
                             const MgAgreementFigures *dataset)
{
  const MgAgreementFigures *columns[2] = { document, dataset };

  g_return_if_fail (MG_IS_REVIEW_PANEL (self));

  for (guint c = 0; c < 2; c++)
    {
      const MgAgreementFigures *f = columns[c];
      double values[MG_REVIEW_N_FIGURES] = { NAN, NAN, NAN, NAN };

      if (f != NULL)
        {
          values[MG_REVIEW_FIGURE_F1_EXACT] = f->exact.f1;
          values[MG_REVIEW_FIGURE_F1_OVERLAP] = f->overlap.f1;
          values[MG_REVIEW_FIGURE_KAPPA] = f->kappa;
          values[MG_REVIEW_FIGURE_ALPHA] = f->alpha;
        }
      for (guint i = 0; i < MG_REVIEW_N_FIGURES; i++)
        {
          g_autofree char *text = mg_review_panel_format_figure (values[i]);

          gtk_label_set_text (self->figure_labels[c][i], text);
        }
    }
}

/**
 * mg_review_panel_set_chart:
 * @agreement: (nullable): the dataset's comparison, for its figures per label
 * @labels: (nullable): names and colours of the labels
 */
void
mg_review_panel_set_chart (MgReviewPanel *self,
                           MgAgreement   *agreement,
                           MgLabelSet    *labels)
{
  guint n;

  g_return_if_fail (MG_IS_REVIEW_PANEL (self));

  g_set_object (&self->chart_agreement, agreement);
  g_set_object (&self->chart_labels, labels);
  n = agreement ? mg_agreement_get_n_labels (agreement) : 0;
  gtk_drawing_area_set_content_height (self->chart, CHART_LEGEND + (int) n * CHART_ROW_HEIGHT);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

/**
 * mg_review_panel_set_problems:
 * @problems: (element-type utf8) (nullable): sentences about what could
 *   not be compared
 */
void
mg_review_panel_set_problems (MgReviewPanel *self,
                              GPtrArray     *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *heading = NULL;
  guint n = problems ? problems->len : 0;

  g_return_if_fail (MG_IS_REVIEW_PANEL (self));

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s• %s", i > 0 ? "\n" : "", (char *) g_ptr_array_index (problems, i));

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u thing could not be compared",
                                          "%u things could not be compared", n), n);
  gtk_expander_set_label (self->problems_expander, heading);
  gtk_label_set_text (self->problems_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_box), n > 0);
}

/**
 * mg_review_panel_clear:
 * @placeholder: what the empty list says
 *
 * Empties the list of disagreements before they are appended again.
 */
void
mg_review_panel_clear (MgReviewPanel *self,
                       const char    *placeholder)
{
  GtkWidget *child;

  g_return_if_fail (MG_IS_REVIEW_PANEL (self));

  self->selecting = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL &&
         GTK_IS_LIST_BOX_ROW (child))
    gtk_list_box_remove (self->list, child);
  self->selecting = FALSE;

  self->n_rows = 0;
  self->n_resolved = 0;
  gtk_label_set_text (GTK_LABEL (self->placeholder), placeholder);
  update_count (self);
}

/**
 * mg_review_panel_append_item:
 * @title: what the row is about ("Different labels")
 * @lines: (array length=n_lines): the sides, each a span or a text
 * @labels: the labels of your dataset
 * @resolution: (nullable): how it was resolved, or %NULL while it is open
 *
 * Appends a row: a disagreement of a review or a conflict of a merge.
 */
void
mg_review_panel_append_item (MgReviewPanel           *self,
                             const char              *title,
                             const MgReviewPanelLine *lines,
                             guint                    n_lines,
                             MgLabelSet              *labels,
                             const char              *resolution)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = gtk_label_new (title);

  g_return_if_fail (MG_IS_REVIEW_PANEL (self));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (heading), 24);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (top), heading);
  if (resolution != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");
      GtkWidget *status = gtk_label_new (resolution);

      gtk_widget_add_css_class (icon, "success");
      gtk_widget_add_css_class (status, "caption");
      gtk_box_append (GTK_BOX (top), icon);
      gtk_box_append (GTK_BOX (top), status);
      gtk_widget_add_css_class (row, "resolved");
      self->n_resolved++;
    }
  gtk_box_append (GTK_BOX (box), top);

  for (guint i = 0; i < n_lines; i++)
    gtk_box_append (GTK_BOX (box), span_line (&lines[i], labels));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  self->selecting = TRUE;
  gtk_list_box_append (self->list, row);
  self->selecting = FALSE;
  self->n_rows++;
  update_count (self);
}

/**
 * mg_review_panel_append:
 * @labels: the labels of your dataset
 * @resolution: (nullable): how it was resolved, or %NULL while it is open
 */
void
mg_review_panel_append (MgReviewPanel        *self,
                        const MgDisagreement *disagreement,
                        MgLabelSet           *labels,
                        const char           *resolution)
{
  MgReviewPanelLine lines[2];
  guint n = 0;

  if (disagreement->a != NULL)
    lines[n++] = (MgReviewPanelLine) { _("Yours"), disagreement->a, NULL };
  if (disagreement->b != NULL)
    lines[n++] = (MgReviewPanelLine) { _("Theirs"), disagreement->b, NULL };
  mg_review_panel_append_item (self, kind_title (disagreement->kind), lines, n, labels, resolution);
}

/**
 * mg_review_panel_set_conflicts:
 * @conflicts: %TRUE to show a merge's conflicts, %FALSE to compare with a
 *   colleague
 *
 * Conflicts have no agreement to measure: the figures and the chart hide.
 */
void
mg_review_panel_set_conflicts (MgReviewPanel *self,
                               gboolean       conflicts)
{
  g_return_if_fail (MG_IS_REVIEW_PANEL (self));

  gtk_label_set_text (self->title_label, conflicts ? _("Merge Conflicts") : _("Review"));
  gtk_label_set_text (self->list_heading, conflicts ? _("Conflicts") : _("Disagreements"));
  if (conflicts)
    gtk_label_set_text (self->colleague_label, _("From a git merge"));
  gtk_widget_set_visible (GTK_WIDGET (self->legend_box), !conflicts);
  gtk_widget_set_visible (GTK_WIDGET (self->figures_grid), !conflicts);
  gtk_widget_set_visible (GTK_WIDGET (self->chart_heading), !conflicts);
  gtk_widget_set_visible (GTK_WIDGET (self->chart), !conflicts);
  if (conflicts)
    gtk_widget_set_visible (GTK_WIDGET (self->problems_box), FALSE);
}

/**
 * mg_review_panel_get_row_text:
 * @position: a row
 *
 * Returns: (transfer full) (nullable): the texts of the row, its heading
 *   and each line, a line each: what the user reads
 */
char *
mg_review_panel_get_row_text (MgReviewPanel *self,
                              int            position)
{
  GtkListBoxRow *row;
  GString *text;
  GtkWidget *box;

  g_return_val_if_fail (MG_IS_REVIEW_PANEL (self), NULL);

  if ((row = gtk_list_box_get_row_at_index (self->list, position)) == NULL)
    return NULL;
  text = g_string_new (NULL);
  box = gtk_list_box_row_get_child (row);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* The first child holds the heading and the resolution. */
      GtkWidget *first = GTK_IS_LABEL (child) ? child : gtk_widget_get_first_child (child);

      for (GtkWidget *label = first; label != NULL;
           label = GTK_IS_LABEL (child) ? NULL : gtk_widget_get_next_sibling (label))
        if (GTK_IS_LABEL (label))
          g_string_append_printf (text, "%s%s", text->len ? "\n" : "",
                                  gtk_label_get_text (GTK_LABEL (label)));
    }
  return g_string_free (text, FALSE);
}

/**
 * mg_review_panel_get_count_text:
 *
 * Returns: the progress as shown ("2 open of 6")
 */
const char *
mg_review_panel_get_count_text (MgReviewPanel *self)
{
  g_return_val_if_fail (MG_IS_REVIEW_PANEL (self), NULL);

  return gtk_label_get_text (self->count_label);
}

/* Brings the selected row into view without taking the focus from the
 * article, where the review keys are meant to be pressed. Rows just
 * appended have no place yet, nor at the start of the next frame: the
 * scroll waits for the frame after, when they are laid out. */
static gboolean
scroll_to_selected (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  MgReviewPanel *self = MG_REVIEW_PANEL (user_data);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->list_scroller);
  graphene_rect_t bounds;
  double value, page;

  if (self->scroll_frames++ == 0)
    return G_SOURCE_CONTINUE;
  self->scroll_id = 0;
  if (row == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->list), &bounds))
    return G_SOURCE_REMOVE;

  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y < value)
    gtk_adjustment_set_value (adjustment, bounds.origin.y);
  else if (bounds.origin.y + bounds.size.height > value + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height - page);
  return G_SOURCE_REMOVE;
}

static void
scroll_to_row (MgReviewPanel *self)
{
  self->scroll_frames = 0;
  if (self->scroll_id == 0)
    self->scroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list), scroll_to_selected,
                                                    self, NULL);
}

/**
 * mg_review_panel_select:
 * @position: a row, or -1 for none
 *
 * Selects a row and scrolls to it, without emitting
 * #MgReviewPanel::disagreement-selected.
 */
void
mg_review_panel_select (MgReviewPanel *self,
                        int            position)
{
  GtkListBoxRow *row;

  g_return_if_fail (MG_IS_REVIEW_PANEL (self));

  row = position >= 0 ? gtk_list_box_get_row_at_index (self->list, position) : NULL;
  self->selecting = TRUE;
  if (row != NULL)
    {
      gtk_list_box_select_row (self->list, row);
      scroll_to_row (self);
    }
  else
    gtk_list_box_unselect_all (self->list);
  self->selecting = FALSE;
}

int
mg_review_panel_get_selected (MgReviewPanel *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (MG_IS_REVIEW_PANEL (self), -1);

  row = gtk_list_box_get_selected_row (self->list);

  return row ? gtk_list_box_row_get_index (row) : -1;
}

guint
mg_review_panel_get_n_rows (MgReviewPanel *self)
{
  g_return_val_if_fail (MG_IS_REVIEW_PANEL (self), 0);

  return self->n_rows;
}

/**
 * mg_review_panel_get_figure_text:
 * @dataset: %TRUE for the dataset's column, %FALSE for the document's
 *
 * Returns: the figure as shown
 */
const char *
mg_review_panel_get_figure_text (MgReviewPanel  *self,
                                 gboolean        dataset,
                                 MgReviewFigure  figure)
{
  g_return_val_if_fail (MG_IS_REVIEW_PANEL (self), NULL);
  g_return_val_if_fail (figure < MG_REVIEW_N_FIGURES, NULL);

  return gtk_label_get_text (self->figure_labels[dataset ? 1 : 0][figure]);
}

const char *
mg_review_panel_get_problems_text (MgReviewPanel *self)
{
  g_return_val_if_fail (MG_IS_REVIEW_PANEL (self), NULL);

  return gtk_label_get_text (self->problems_label);
}
