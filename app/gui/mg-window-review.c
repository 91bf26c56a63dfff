/* mg-window-review.c: review a colleague's dataset against your own
 *
 * MgReviewSession compares, resolves and remembers the resolutions; this
 * part shows the panel, keeps which disagreement is current and follows
 * the edits. The figures of the document shown are recomputed at each change, from
 * the document and its twin alone; those of the whole dataset wait for an
 * idle moment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-window-review"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-review-session.h"
#include "mg-window-private.h"

/* The actions' names, in the order of MgResolution after NONE. */
static const char *resolve_names[] = { "mine", "theirs", "both", "drop" };

struct _MgWindowReview
{
  MgReviewPanel     *panel;

  /* Owned */
  MgReviewSession   *session;             /* NULL when not reviewing */
  MgAgreement       *document_agreement;  /* the document shown and its twin */
  MgAgreement       *dataset_agreement;
  MgAnnotationStore *store;               /* yours, watched */
  int                current;             /* row of the current disagreement */
  guint              refresh_id;
  guint              dataset_refresh_id;
};

/* How @d was resolved, for people; NULL while it is open. */
static const char *
resolution_of (MgWindowReview       *review,
               MgDocument           *document,
               const MgDisagreement *d)
{
  switch (mg_review_session_get_resolution (review->session, document, d))
    {
    case MG_RESOLUTION_NONE:
      return NULL;
    case MG_RESOLUTION_MINE:
      return _("Kept yours");
    case MG_RESOLUTION_THEIRS:
      return _("Took theirs");
    case MG_RESOLUTION_BOTH:
      return _("Kept both");
    case MG_RESOLUTION_DROP:
      return _("Dropped");
    default:
      g_assert_not_reached ();
    }
}

static MgDocument *
twin_of (MgWindow   *self,
         MgDocument *document)
{
  if (self->review->session == NULL)
    return NULL;
  return mg_review_session_get_twin (self->review->session, document);
}

static const char *
your_name (MgWindow *self)
{
  const char *name = mg_dataset_get_annotator (mg_window_get_dataset (self));

  return name != NULL && *name != '\0' ? name : _("you");
}

/* The current disagreement */

static const MgDisagreement *
current_disagreement (MgWindow *self)
{
  MgWindowReview *review = self->review;

  if (review->document_agreement == NULL || review->current < 0 ||
      (guint) review->current >= mg_agreement_get_n_disagreements (review->document_agreement))
    return NULL;

  return mg_agreement_get_disagreement (review->document_agreement, (guint) review->current);
}

static void
show_current (MgWindow *self)
{
  const MgDisagreement *d = current_disagreement (self);
  MgDocument *twin = twin_of (self, self->document);
  MgAnnotationStore *reference = twin ? mg_document_get_store (twin) : NULL;

  mg_review_panel_select (self->review->panel, d ? self->review->current : -1);
  mg_article_view_set_reference (self->article_view, reference, d ? d->b : NULL);
  if (d == NULL)
    return;

  mg_article_view_set_selected (self->article_view, d->a);
  mg_article_view_scroll_to_annotation (self->article_view, d->a ? d->a : d->b);
}

/* Figures and the list */

static void
update_actions (MgWindow *self)
{
  gboolean active = self->review->session != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-close", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-next", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-previous", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-resolve",
                                 active && current_disagreement (self) != NULL);
}

static void
refresh_dataset (MgWindow *self)
{
  MgWindowReview *review = self->review;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *left_out, *notes;

  g_clear_handle_id (&review->dataset_refresh_id, g_source_remove);
  g_clear_object (&review->dataset_agreement);
  review->dataset_agreement = mg_review_session_compare (review->session);

  /* Documents are named by title where yours has one: ids are what
   * differs when a colleague imported the same article apart. */
  left_out = mg_agreement_get_left_out (review->dataset_agreement);
  for (guint i = 0; i < left_out->len; i++)
    {
      MgLeftOutDocument *out = g_ptr_array_index (left_out, i);
      MgDocument *doc = mg_dataset_lookup_document (mg_window_get_dataset (self), out->id);
      const char *title = doc ? mg_document_get_title (doc) : NULL;

      if (title != NULL && *title != '\0')
        g_ptr_array_add (problems, g_strdup_printf ("“%s” (%s): %s", title, out->id, out->note));
      else
        g_ptr_array_add (problems, g_strdup_printf ("“%s”: %s", out->id, out->note));
    }
  notes = mg_agreement_get_notes (review->dataset_agreement);
  for (guint i = 0; i < notes->len; i++)
    g_ptr_array_add (problems, g_strdup (g_ptr_array_index (notes, i)));

  mg_review_panel_set_problems (review->panel, problems);
  mg_review_panel_set_chart (review->panel, review->dataset_agreement,
                             mg_dataset_get_labels (mg_window_get_dataset (self)));
}

static gboolean
refresh_dataset_cb (gpointer user_data)
{
  MgWindow *self = user_data;

  self->review->dataset_refresh_id = 0;
  refresh_dataset (self);
  mg_review_panel_set_figures (self->review->panel,
                               self->review->document_agreement &&
                               mg_agreement_get_n_documents (self->review->document_agreement) > 0
                                 ? mg_agreement_get_figures (self->review->document_agreement, 0, -1)
                                 : NULL,
                               mg_agreement_get_figures (self->review->dataset_agreement, -1, -1));

  return G_SOURCE_REMOVE;
}

static void
fill_list (MgWindow *self)
{
  MgWindowReview *review = self->review;
  MgLabelSet *labels = mg_dataset_get_labels (mg_window_get_dataset (self));
  guint n = mg_agreement_get_n_disagreements (review->document_agreement);

  mg_review_panel_clear (review->panel, _("You agree on every span of this document"));
  for (guint i = 0; i < n; i++)
    {
      const MgDisagreement *d = mg_agreement_get_disagreement (review->document_agreement, i);

      mg_review_panel_append (review->panel, d, labels, resolution_of (review, self->document, d));
    }
}

/* Recomputes the document's comparison. With @advance, the current row
 * moves to the first open disagreement from where it was. */
static void
refresh_document (MgWindow *self,
                  gboolean  advance)
{
  MgWindowReview *review = self->review;
  const MgAgreementFigures *figures = NULL;
  guint n = 0;

  g_clear_handle_id (&review->refresh_id, g_source_remove);
  g_clear_object (&review->document_agreement);

  if (self->document != NULL &&
      (review->document_agreement = mg_review_session_compare_document (review->session, self->document)))
    {
      n = mg_agreement_get_n_disagreements (review->document_agreement);
      if (mg_agreement_get_n_documents (review->document_agreement) > 0)
        figures = mg_agreement_get_figures (review->document_agreement, 0, -1);
      fill_list (self);
    }
  else
    mg_review_panel_clear (review->panel,
                           self->document ? _("This document is not in their dataset")
                                          : _("No document"));

  /* With nothing current, an undo that opens a disagreement again makes
   * it the current one. */
  if (advance || review->current < 0)
    review->current = review->document_agreement
                        ? mg_review_session_find_open (review->session, review->document_agreement,
                                                       self->document, (guint) MAX (review->current, 0))
                        : -1;
  if (review->current >= (int) n)
    review->current = (int) n - 1;

  mg_review_panel_set_figures (review->panel, figures,
                               review->dataset_agreement
                                 ? mg_agreement_get_figures (review->dataset_agreement, -1, -1)
                                 : NULL);
  show_current (self);
  update_actions (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  MgWindow *self = user_data;

  self->review->refresh_id = 0;
  refresh_document (self, FALSE);

  return G_SOURCE_REMOVE;
}

/* Edits come in bursts (a group, an undo of a group): one refresh after
 * them is enough. */
static void
store_changed_cb (MgWindow          *self,
                  guint              start,
                  guint              end,
                  MgAnnotationStore *store)
{
  MgWindowReview *review = self->review;

  if (review->refresh_id == 0)
    review->refresh_id = g_idle_add (refresh_cb, self);
  if (review->dataset_refresh_id == 0)
    review->dataset_refresh_id = g_idle_add_full (G_PRIORITY_LOW, refresh_dataset_cb, self, NULL);
}

static void
watch_store (MgWindow *self)
{
  MgWindowReview *review = self->review;
  MgAnnotationStore *store = self->document ? mg_document_get_store (self->document) : NULL;

  if (review->store == store)
    return;
  if (review->store != NULL)
    g_signal_handlers_disconnect_by_func (review->store, store_changed_cb, self);
  g_set_object (&review->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

/* Starting and stopping */

/**
 * _mg_window_review_stop:
 *
 * Leaves review mode and forgets the colleague's dataset; your edits stay.
 */
void
_mg_window_review_stop (MgWindow *self)
{
  MgWindowReview *review = self->review;

  if (review->session == NULL)
    return;

  g_clear_handle_id (&review->refresh_id, g_source_remove);
  g_clear_handle_id (&review->dataset_refresh_id, g_source_remove);
  if (review->store != NULL)
    g_signal_handlers_disconnect_by_func (review->store, store_changed_cb, self);
  g_clear_object (&review->store);
  g_clear_object (&review->session);
  g_clear_object (&review->document_agreement);
  g_clear_object (&review->dataset_agreement);
  review->current = -1;

  mg_article_view_set_reference (self->article_view, NULL, NULL);
  mg_review_panel_set_chart (review->panel, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (review->panel), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->annotation_list), TRUE);
  update_actions (self);

  if (self->document != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

/**
 * _mg_window_review_start:
 * @theirs: a colleague's dataset of some of the same texts
 * @name: what to call the colleague
 *
 * Shows @theirs beside the window's dataset, which becomes the curated one.
 */
void
_mg_window_review_start (MgWindow   *self,
                         MgDataset  *theirs,
                         const char *name)
{
  MgWindowReview *review = self->review;

  g_return_if_fail (MG_IS_WINDOW (self));
  g_return_if_fail (MG_IS_DATASET (theirs));

  if (mg_window_get_dataset (self) == NULL)
    return;

  _mg_window_review_stop (self);
  review->session = mg_review_session_new (mg_window_get_dataset (self), your_name (self),
                                           theirs, name);

  mg_review_panel_set_colleague (review->panel, name);
  gtk_widget_set_visible (GTK_WIDGET (self->annotation_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (review->panel), TRUE);

  refresh_dataset (self);
  watch_store (self);
  review->current = 0;
  refresh_document (self, TRUE);
}

MgReviewPanel *
_mg_window_review_get_panel (MgWindow *self)
{
  return self->review->panel;
}

/**
 * _mg_window_review_get_agreement:
 * @dataset: %TRUE for the whole datasets, %FALSE for the document shown
 *
 * Returns: (nullable) (transfer none): the comparison the panel shows
 */
MgAgreement *
_mg_window_review_get_agreement (MgWindow *self,
                                 gboolean  dataset)
{
  return dataset ? self->review->dataset_agreement : self->review->document_agreement;
}

int
_mg_window_review_get_current (MgWindow *self)
{
  return current_disagreement (self) ? self->review->current : -1;
}

/* Actions */

static void
resolve (MgWindow     *self,
         MgResolution  how)
{
  const MgDisagreement *d = current_disagreement (self);
  g_autoptr(GError) error = NULL;

  if (d == NULL)
    return;
  if (!mg_review_session_resolve (self->review->session, mg_window_get_history (self),
                                  self->document, d, how, &error))
    {
      mg_window_toast (self, error->message);
      return;
    }
  refresh_document (self, TRUE);
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  const char *how = g_variant_get_string (param, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (resolve_names); i++)
    if (g_str_equal (how, resolve_names[i]))
      resolve (MG_WINDOW (widget), (MgResolution) (i + 1));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgWindowReview *review = self->review;
  gboolean forward = g_str_equal (action_name, "win.review-next");
  guint n;

  if (review->document_agreement == NULL ||
      (n = mg_agreement_get_n_disagreements (review->document_agreement)) == 0)
    return;

  if (forward)
    review->current = review->current + 1 < (int) n ? review->current + 1 : (int) n - 1;
  else
    review->current = review->current > 0 ? review->current - 1 : 0;
  show_current (self);
  update_actions (self);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  _mg_window_review_stop (MG_WINDOW (widget));
}

static void
colleague_chosen (MgWindow *self,
                  GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(MgDataset) theirs = NULL;
  g_autoptr(GError) error = NULL;
  const char *annotator;
  char *dot;

  if (path == NULL || !(theirs = mg_dataset_load_file (path, &error)))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open “%s”: %s"), basename,
                                                  error ? error->message : _("not a local file"));

      mg_window_toast (self, message);
      return;
    }

  /* Called by the dataset's annotator, else by the file name, as the agree
   * tool does. */
  if ((dot = strrchr (basename, '.')) != NULL && dot != basename)
    *dot = '\0';
  annotator = mg_dataset_get_annotator (theirs);
  _mg_window_review_start (self, theirs, annotator && *annotator ? annotator : basename);
}

static void
colleague_file_chosen (GtkWindow *window,
                       GPtrArray *chosen)
{
  MgWindow *self = MG_WINDOW (window);

  if (chosen != NULL && self->review != NULL)
    colleague_chosen (self, g_ptr_array_index (chosen, 0));
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_autoptr(GListModel) filters = mg_dialogs_filters (FALSE, FALSE);
  MgChooser chooser = { MG_CHOOSE_OPEN, _("Review a Colleague’s Dataset"), .filters = filters };

  if (mg_window_get_dataset (MG_WINDOW (widget)) != NULL)
    mg_dialogs_choose (GTK_WINDOW (widget), &chooser, colleague_file_chosen);
}

/* The window's side */

void
_mg_window_review_document_changed (MgWindow *self)
{
  if (self->review == NULL || self->review->session == NULL)
    return;

  watch_store (self);
  self->review->current = 0;
  refresh_document (self, TRUE);
}

void
_mg_window_review_dataset_changed (MgWindow *self)
{
  /* Resolutions belong to the dataset they were made in. */
  _mg_window_review_stop (self);
}

static void
panel_selected_cb (MgWindow      *self,
                   int            position,
                   MgReviewPanel *panel)
{
  self->review->current = position;
  show_current (self);
  update_actions (self);
}

void
_mg_window_review_class_init (MgWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (MG_TYPE_REVIEW_PANEL);

  gtk_widget_class_install_action (widget_class, "win.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "win.review-close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.review-next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.review-previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.review-resolve", "s", resolve_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.review", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.review-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, GDK_SHIFT_MASK, "win.review-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_bracketright, 0, "win.review-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_bracketleft, 0, "win.review-previous", NULL);

  /* Ctrl with the digits, in the order of the buttons; the digits alone
   * tag. */
  for (guint i = 0; i < G_N_ELEMENTS (resolve_names); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                           "win.review-resolve", "s", resolve_names[i]);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1 + i, GDK_CONTROL_MASK,
                                           "win.review-resolve", "s", resolve_names[i]);
    }
}

void
_mg_window_review_init (MgWindow *self)
{
  MgWindowReview *review = g_new0 (MgWindowReview, 1);
  GtkWidget *list = GTK_WIDGET (self->annotation_list);

  self->review = review;
  review->current = -1;

  /* In review, the panel takes the place of the annotation list. */
  review->panel = MG_REVIEW_PANEL (mg_review_panel_new ());
  gtk_widget_set_visible (GTK_WIDGET (review->panel), FALSE);
  gtk_widget_insert_after (GTK_WIDGET (review->panel), gtk_widget_get_parent (list), list);
  g_signal_connect_object (review->panel, "disagreement-selected",
                           G_CALLBACK (panel_selected_cb), self, G_CONNECT_SWAPPED);

  update_actions (self);
}

void
_mg_window_review_dispose (MgWindow *self)
{
  MgWindowReview *review = self->review;

  if (review == NULL)
    return;

  g_clear_handle_id (&review->refresh_id, g_source_remove);
  g_clear_handle_id (&review->dataset_refresh_id, g_source_remove);
  if (review->store != NULL)
    g_signal_handlers_disconnect_by_func (review->store, store_changed_cb, self);
  g_clear_object (&review->store);
  g_clear_object (&review->session);
  g_clear_object (&review->document_agreement);
  g_clear_object (&review->dataset_agreement);
  /* The panel is a child of the window's template and goes with it. */
  g_clear_pointer (&self->review, g_free);
}
