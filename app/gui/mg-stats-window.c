/* mg-stats-window.c: annotations per label, for a document and its dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-stats-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-stats-window.h"
#include "mg-stats-window-private.h"
#include "mg-status-filter.h"
#include "mg-suggest-record.h"

struct _MgStatsWindow
{
  AdwWindow     parent_instance;

  /* Template widgets */
  GtkBox       *dataset_box;
  GtkBox       *document_box;
  AdwViewStack *stack;

  /* Owned */
  MgDataset    *dataset;
  MgDocument   *document;
  MgHistory    *history;
  guint         refresh_source;
};

G_DEFINE_FINAL_TYPE (MgStatsWindow, mg_stats_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A horizontal bar of one or more segments, each a share of the full
 * width in a label's colour. */
#define MAX_SEGMENTS 16
#define MAX_DOCUMENT_ROWS 200

typedef struct
{
  guint   n_segments;
  GdkRGBA colors[MAX_SEGMENTS];
  double  fractions[MAX_SEGMENTS];
} Bar;

/**
 * _mg_stats_count_document:
 * @labels: the labels, in their order
 * @document: a document
 * @counts: (array): one slot per label, added to
 *
 * Adds the annotations of @document to @counts, by label position, as
 * mg_document_count_labels() counts them.
 *
 * Returns: the annotations of @document
 */
guint
_mg_stats_count_document (MgLabelSet *labels,
                          MgDocument *document,
                          guint      *counts)
{
  return mg_document_count_labels (document, labels, counts, NULL);
}

static void
rounded_bar (cairo_t *cr,
             double   x,
             double   width,
             double   height)
{
  double radius = height / 2.0;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + radius, radius, radius, G_PI / 2, 3 * G_PI / 2);
  cairo_arc (cr, x + width - radius, radius, radius, 3 * G_PI / 2, G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_bar (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  const Bar *bar = user_data;
  GdkRGBA trough;
  double total = 0, x = 0, filled;

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (GTK_WIDGET (area), &trough);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &trough);
#endif
  trough.alpha = 0.12;
  rounded_bar (cr, 0, width, height);
  gdk_cairo_set_source_rgba (cr, &trough);
  cairo_fill (cr);

  for (guint i = 0; i < bar->n_segments; i++)
    total += bar->fractions[i];
  if (total <= 0)
    return;

  /* A non-zero count always shows at least a dot, so that one annotation
   * among thousands is not read as none. */
  filled = MAX (height, MIN (total, 1.0) * width);
  rounded_bar (cr, 0, filled, height);
  cairo_clip (cr);
  for (guint i = 0; i < bar->n_segments; i++)
    {
      double w = filled * bar->fractions[i] / total;

      if (w <= 0)
        continue;
      cairo_rectangle (cr, x, 0, w, height);
      gdk_cairo_set_source_rgba (cr, &bar->colors[i]);
      cairo_fill (cr);
      x += w;
    }
}

static void
set_segment (Bar     *bar,
             guint    i,
             MgLabel *label,
             double   fraction)
{
  if (!gdk_rgba_parse (&bar->colors[i], mg_label_get_color (label)))
    gdk_rgba_parse (&bar->colors[i], "#77767b");
  bar->fractions[i] = fraction;
}

static GtkWidget *
create_bar (Bar *bar)
{
  GtkWidget *area = g_object_new (GTK_TYPE_DRAWING_AREA,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  "content-width", 140,
                                  "content-height", 8,
                                  "valign", GTK_ALIGN_CENTER,
                                  NULL);

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_bar, bar, g_free);
  return area;
}

static GtkWidget *
create_count_label (guint       count,
                    const char *name)
{
  g_autofree char *text = g_strdup_printf ("%u", count);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_width_chars (GTK_LABEL (label), 5);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_name (label, name);
  return label;
}

static GtkWidget *
create_label_row (MgLabel *label,
                  guint    count,
                  guint    total,
                  guint    max)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *subtitle = NULL;
  Bar *bar = g_new0 (Bar, 1);

  bar->n_segments = 1;
  set_segment (bar, 0, label, max > 0 ? (double) count / max : 0);

  /* The name is the label's second cue beside its colour; the label set
   * stores English names, translated here when they are the defaults. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(mg_label_get_name (label)));
  if (total > 0)
    /* Translators: the share of all annotations that carry this label */
    subtitle = g_strdup_printf (_("%.0f%% of annotations"), 100.0 * count / total);
  else
    subtitle = g_strdup (_("No annotations"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_box_append (GTK_BOX (suffix), create_bar (bar));
  gtk_box_append (GTK_BOX (suffix), create_count_label (count, mg_label_get_id (label)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);

  return row;
}

static GtkWidget *
create_labels_group (MgLabelSet  *labels,
                     const guint *counts,
                     guint        total,
                     const char  *description)
{
  /* The description is markup, and a title may hold an ampersand. */
  g_autofree char *escaped = g_markup_escape_text (description, -1);
  GtkWidget *group = adw_preferences_group_new ();
  guint n_labels = mg_label_set_get_n_labels (labels);
  guint max = 0;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Annotations per Label"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), escaped);

  for (guint i = 0; i < n_labels; i++)
    max = MAX (max, counts[i]);
  for (guint i = 0; i < n_labels; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               create_label_row (mg_label_set_get_label (labels, i),
                                                 counts[i], total, max));

  return group;
}

/* One row per document: its title and a bar of its annotations, split by
 * label in the labels' colours and as long as its share of the busiest
 * document's. */
static GtkWidget *
create_document_row (MgDocument  *document,
                     MgLabelSet  *labels,
                     const guint *counts,
                     guint        total,
                     guint        most)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  const char *title = mg_document_get_title (document);
  g_autofree char *name = g_strconcat ("document:", mg_document_get_id (document), NULL);
  g_autoptr(GString) breakdown = g_string_new (NULL);
  Bar *bar = g_new0 (Bar, 1);

  bar->n_segments = MIN (mg_label_set_get_n_labels (labels), MAX_SEGMENTS);
  for (guint i = 0; i < bar->n_segments; i++)
    set_segment (bar, i, mg_label_set_get_label (labels, i),
                 most > 0 ? (double) counts[i] / most : 0);

  /* The segments' colours say which label is which only to those who see
   * them; the tooltip says it in words. */
  for (guint i = 0; i < mg_label_set_get_n_labels (labels); i++)
    g_string_append_printf (breakdown, "%s%s: %u", i > 0 ? ", " : "",
                            _(mg_label_get_name (mg_label_set_get_label (labels, i))), counts[i]);
  gtk_widget_set_tooltip_text (row, breakdown->str);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 title != NULL && *title != '\0' ? title : mg_document_get_id (document));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);

  gtk_box_append (GTK_BOX (suffix), create_bar (bar));
  gtk_box_append (GTK_BOX (suffix), create_count_label (total, name));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);

  return row;
}

static void
add_figure_row (GtkWidget  *group,
                const char *title,
                const char *name,
                const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_name (label, name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
add_count_row (GtkWidget  *group,
               const char *title,
               const char *name,
               guint       value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  add_figure_row (group, title, name, text);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
fill_document_page (MgStatsWindow *self,
                    MgLabelSet    *labels)
{
  g_autofree guint *counts = g_new0 (guint, mg_label_set_get_n_labels (labels));
  MgAnnotationStore *store;
  GtkWidget *group;
  guint total, with_note = 0;

  clear_box (self->document_box);

  if (self->document == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-document-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Document Open"));
      gtk_box_append (self->document_box, status);
      return;
    }

  store = mg_document_get_store (self->document);
  total = _mg_stats_count_document (labels, self->document, counts);
  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
    {
      const char *note = mg_annotation_get_note (mg_annotation_store_get_annotation (store, i));

      if (note != NULL && *note != '\0')
        with_note++;
    }

  gtk_box_append (self->document_box,
                  create_labels_group (labels, counts, total,
                                       mg_document_get_title (self->document)));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Summary"));
  add_count_row (group, _("Annotations"), "document-annotations", total);
  add_count_row (group, _("Annotations with a Note"), "document-notes", with_note);
  add_count_row (group, _("Attributions"), "document-relations",
                 mg_annotation_store_get_n_relations (store));
  add_count_row (group, _("Characters"), "document-length",
                 mg_document_get_length (self->document));
  gtk_box_append (self->document_box, group);
}

/* Where the coding of the corpus stands, as the sidebar's filter sorts it. */
static GtkWidget *
create_status_group (MgDataset *dataset)
{
  GtkWidget *group = adw_preferences_group_new ();
  guint counts[MG_DOCUMENT_N_STATUSES];

  mg_document_status_count (dataset, counts);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Documents by Status"));
  for (guint s = 0; s < MG_DOCUMENT_N_STATUSES; s++)
    {
      g_autofree char *name = g_strconcat ("dataset-status-", mg_document_status_to_string (s), NULL);

      add_count_row (group, mg_document_status_get_label (s), name, counts[s]);
    }
  return group;
}

/* What became of suggestions, as marginalia-tool stats tells it; only for
 * a dataset that has had any, so that one coded by hand is not cluttered. */
static GtkWidget *
create_suggestions_group (MgDataset  *dataset,
                          MgLabelSet *labels,
                          guint       total)
{
  GtkWidget *group;
  g_autofree char *description = NULL;
  MgSuggestCounts c;

  mg_suggest_count_dataset (dataset, &c);
  if (c.n_began == 0 && c.rejected == 0)
    {
      mg_suggest_counts_clear (&c);
      return NULL;
    }

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Suggestions"));
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u of %u annotation began as a suggestion",
                                              "%u of %u annotations began as suggestions",
                                              total),
                                 c.n_began, total);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  for (guint i = 0; i <= c.n_labels; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *title = NULL;

      if (c.began[i] == 0)
        continue;
      if (i < c.n_labels)
        {
          MgLabel *label = mg_label_set_get_label (labels, i);

          name = g_strconcat ("suggested:", mg_label_get_id (label), NULL);
          /* Translators: %s is a label's name; the row counts spans of that
           * label which began as suggestions */
          title = g_strdup_printf (_("Suggested, Now %s"), _(mg_label_get_name (label)));
        }
      else
        {
          name = g_strdup ("suggested:other");
          title = g_strdup (_("Suggested, Now Another Label"));
        }
      add_count_row (group, title, name, c.began[i]);
    }
  add_count_row (group, _("Relabelled Since"), "suggestions-relabelled", c.relabelled);
  add_count_row (group, _("Rejected Suggestions"), "suggestions-rejected", c.rejected);
  mg_suggest_counts_clear (&c);

  return group;
}

static void
fill_dataset_page (MgStatsWindow *self,
                   MgLabelSet    *labels)
{
  guint n_labels = mg_label_set_get_n_labels (labels);
  guint n_documents = mg_dataset_get_n_documents (self->dataset);
  g_autofree guint *counts = g_new0 (guint, n_labels);
  /* Per document and label, in one block: row i starts at i * n_labels. */
  g_autofree guint *per_document = g_new0 (guint, (gsize) MAX (n_documents, 1) * MAX (n_labels, 1));
  g_autofree guint *totals = g_new0 (guint, MAX (n_documents, 1));
  g_autofree char *mean_text = NULL;
  g_autofree char *description = NULL;
  guint total = 0, untouched = 0, most = 0, shown;
  GtkWidget *group;

  clear_box (self->dataset_box);

  for (guint i = 0; i < n_documents; i++)
    {
      totals[i] = _mg_stats_count_document (labels, mg_dataset_get_document (self->dataset, i),
                                            per_document + (gsize) i * n_labels);
      for (guint j = 0; j < n_labels; j++)
        counts[j] += per_document[(gsize) i * n_labels + j];
      total += totals[i];
      most = MAX (most, totals[i]);
      if (totals[i] == 0)
        untouched++;
    }

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "All annotations of the one document",
                                              "All annotations of the %u documents",
                                              n_documents),
                                 n_documents);
  gtk_box_append (self->dataset_box, create_labels_group (labels, counts, total, description));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Summary"));
  add_count_row (group, _("Documents"), "dataset-documents", n_documents);
  add_count_row (group, _("Annotations"), "dataset-annotations", total);
  mean_text = g_strdup_printf ("%.1f", n_documents > 0 ? (double) total / n_documents : 0.0);
  add_figure_row (group, _("Annotations per Document"), "dataset-mean", mean_text);
  add_count_row (group, _("Most in One Document"), "dataset-most", most);
  add_count_row (group, _("Documents Without Annotations"), "dataset-untouched", untouched);
  gtk_box_append (self->dataset_box, group);

  gtk_box_append (self->dataset_box, create_status_group (self->dataset));
  if ((group = create_suggestions_group (self->dataset, labels, total)) != NULL)
    gtk_box_append (self->dataset_box, group);

  if (n_documents == 0)
    return;

  /* A row per document is cheap for hundreds and pointless for more. */
  shown = MIN (n_documents, MAX_DOCUMENT_ROWS);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Documents"));
  if (shown < n_documents)
    {
      g_autofree char *more = g_strdup_printf (_("The first %u of %u documents"), shown, n_documents);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), more);
    }
  for (guint i = 0; i < shown; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               create_document_row (mg_dataset_get_document (self->dataset, i), labels,
                                                    per_document + (gsize) i * n_labels, totals[i], most));
  gtk_box_append (self->dataset_box, group);
}

/**
 * _mg_stats_window_refresh:
 *
 * Counts again and rebuilds both pages at once, rather than when idle, so
 * that tests read the figures right after an edit.
 */
void
_mg_stats_window_refresh (MgStatsWindow *self)
{
  MgLabelSet *labels;

  g_return_if_fail (MG_IS_STATS_WINDOW (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->dataset == NULL)
    return;

  labels = mg_dataset_get_labels (self->dataset);
  fill_document_page (self, labels);
  fill_dataset_page (self, labels);
}

static gboolean
refresh_cb (gpointer user_data)
{
  MgStatsWindow *self = user_data;

  self->refresh_source = 0;
  _mg_stats_window_refresh (self);

  return G_SOURCE_REMOVE;
}

/* Edits come in bursts (an undo of a group, a paste of many spans): count
 * once per burst, when the main loop is idle. */
static void
queue_refresh (MgStatsWindow *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_LOW, refresh_cb, self, NULL);
}

static void
mg_stats_window_constructed (GObject *object)
{
  MgStatsWindow *self = MG_STATS_WINDOW (object);

  G_OBJECT_CLASS (mg_stats_window_parent_class)->constructed (object);

  if (self->dataset != NULL)
    g_signal_connect_object (self->dataset, "items-changed",
                             G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
  if (self->document != NULL)
    {
      MgAnnotationStore *store = mg_document_get_store (self->document);

      g_signal_connect_object (store, "changed",
                               G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "relations-changed",
                               G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
    }
  else
    adw_view_stack_set_visible_child_name (self->stack, "dataset");

  _mg_stats_window_refresh (self);
}

static void
mg_stats_window_dispose (GObject *object)
{
  MgStatsWindow *self = MG_STATS_WINDOW (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MG_TYPE_STATS_WINDOW);
  g_clear_object (&self->document);
  g_clear_object (&self->history);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (mg_stats_window_parent_class)->dispose (object);
}

static void
mg_stats_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MgStatsWindow *self = MG_STATS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_stats_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MgStatsWindow *self = MG_STATS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      self->dataset = g_value_dup_object (value);
      break;

    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_stats_window_class_init (MgStatsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mg_stats_window_constructed;
  object_class->dispose = mg_stats_window_dispose;
  object_class->get_property = mg_stats_window_get_property;
  object_class->set_property = mg_stats_window_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         MG_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         MG_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/marginalia/Marginalia/mg-stats-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MgStatsWindow, dataset_box);
  gtk_widget_class_bind_template_child (widget_class, MgStatsWindow, document_box);
  gtk_widget_class_bind_template_child (widget_class, MgStatsWindow, stack);
}

static void
mg_stats_window_init (MgStatsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * mg_stats_window_follow_history:
 * @history: the history of the window's dataset
 *
 * Counts again after every step of @history, its undos and redos too, so
 * that what no document signals is followed as well: the coding scheme's
 * labels renamed, added or removed, a document's status, a suggestion
 * rejected.
 */
void
mg_stats_window_follow_history (MgStatsWindow *self,
                                MgHistory     *history)
{
  g_return_if_fail (MG_IS_STATS_WINDOW (self));
  g_return_if_fail (MG_IS_HISTORY (history));
  g_return_if_fail (self->history == NULL);

  self->history = g_object_ref (history);
  g_signal_connect_object (history, "changed",
                           G_CALLBACK (queue_refresh), self, G_CONNECT_SWAPPED);
}

/**
 * mg_stats_window_new:
 * @parent: (nullable): the window the statistics are about
 * @dataset: the dataset to count
 * @document: (nullable): the current document of @dataset
 *
 * Returns: (transfer none): a new statistics window, which follows later
 *   edits of @document; present it with gtk_window_present()
 */
GtkWidget *
mg_stats_window_new (GtkWindow  *parent,
                     MgDataset  *dataset,
                     MgDocument *document)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MG_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (document == NULL || MG_IS_DOCUMENT (document), NULL);

  return g_object_new (MG_TYPE_STATS_WINDOW,
                       "transient-for", parent,
                       "dataset", dataset,
                       "document", document,
                       NULL);
}
