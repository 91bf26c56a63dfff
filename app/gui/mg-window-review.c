/* mg-window-review.c: review a colleague's dataset against your own, or
 * the conflicts a git merge left in yours
 *
 * MgReviewSession compares, resolves and remembers the resolutions, and
 * mg-conflicts.c settles a merge's conflicts; this part shows the panel,
 * keeps which row is current and follows the history. The figures of the
 * document shown are recomputed at each change, from the document and its
 * twin alone; those of the whole dataset wait for an idle moment.
 *
 * A review stays alive while the window shows the same dataset: closing
 * it and opening the same colleague's file again (unchanged on disk)
 * brings back its resolutions. They are kept in memory rather than in the
 * dataset's unknown members: they describe this sitting's decisions about
 * one version of a colleague's file, the edits they made are already in
 * the dataset, and a member other tools carry along would go stale as soon
 * as either file changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-window-review"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-conflicts.h"
#include "mg-merge-dialog.h"
#include "mg-review-session.h"
#include "mg-review-values.h"
#include "mg-window-private.h"

/* The actions' names, in the order of MgResolution after NONE. */
static const char *resolve_names[] = { "mine", "theirs", "both", "drop" };

static void conflicts_refresh (MgWindow *self,
                               gboolean  advance);
static void show_row          (MgWindow *self,
                               gboolean  advance);

/* A conflict settled in this sitting, listed as such while its step is
 * done. */
typedef struct
{
  MgDocument   *document;
  MgConflict   *conflict;   /* as it was */
  MgResolution  how;
  guint64       state;
  char         *ours_code;  /* the code as it was, for a code-both conflict */
} Settled;

struct _MgWindowReview
{
  MgReviewPanel     *panel;

  /* Owned */
  MgReviewSession   *session;             /* NULL when not reviewing */
  GHashTable        *sessions;            /* colleague's file → its review */
  MgAgreement       *document_agreement;  /* the document shown and its twin */
  MgAgreement       *dataset_agreement;
  GPtrArray         *items;               /* rows: MgReviewItem, or MgConflict */
  GPtrArray         *settled;             /* of Settled */
  MgHistory         *history;             /* yours, watched */
  GHashTable        *open_counts;         /* your MgDocument → disagreements open */
  GFile             *colleague_file;      /* theirs, when reviewed from a file */
  const char        *notice;              /* what the last F8 said, if anything */
  AdwToast          *conflicts_toast;
  int                current;             /* row of the current item */
  guint              refresh_id;
  guint              dataset_refresh_id;
  gboolean           conflicts;           /* settling a merge's conflicts */
};

static void
settled_free (gpointer data)
{
  Settled *settled = data;

  g_clear_object (&settled->document);
  g_clear_pointer (&settled->conflict, mg_conflict_free);
  g_free (settled->ours_code);
  g_free (settled);
}

/* How a row was resolved, for people; NULL while it is open. */
static const char *
resolution_name (MgResolution how)
{
  switch (how)
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

/* The current row */

static gboolean
is_active (MgWindowReview *review)
{
  return review->session != NULL || review->conflicts;
}

static gpointer
current_item (MgWindow *self)
{
  MgWindowReview *review = self->review;

  if (review->items == NULL || review->current < 0 || (guint) review->current >= review->items->len)
    return NULL;
  return g_ptr_array_index (review->items, (guint) review->current);
}

/* The current disagreement, when it shows in the comparison: one the
 * comparison no longer shows has nothing left to resolve. */
static const MgDisagreement *
current_disagreement (MgWindow *self)
{
  const MgReviewItem *item = self->review->conflicts ? NULL : current_item (self);

  return item != NULL && item->position >= 0 ? &item->disagreement : NULL;
}

/* Your span where a resolved row's span was: your own, or theirs that
 * became yours. */
static MgAnnotation *
span_in_store (MgWindow             *self,
               const MgDisagreement *d)
{
  MgAnnotationStore *store = mg_document_get_store (self->document);
  MgAnnotation *sides[2] = { d->a, d->b };

  for (guint i = 0; i < 2; i++)
    {
      MgAnnotation *found = sides[i] ? mg_annotation_store_find (store, mg_annotation_get_label (sides[i]),
                                                                 mg_annotation_get_start (sides[i]),
                                                                 mg_annotation_get_end (sides[i]))
                                     : NULL;
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
show_current (MgWindow *self)
{
  MgWindowReview *review = self->review;
  gpointer item = current_item (self);
  MgDocument *twin = twin_of (self, self->document);
  MgAnnotationStore *reference = twin ? mg_document_get_store (twin) : NULL;
  const MgReviewItem *r = review->conflicts ? NULL : item;
  const MgConflict *c = review->conflicts ? item : NULL;
  MgAnnotation *yours = NULL, *shown = NULL;

  mg_review_panel_select (review->panel, item ? review->current : -1);
  mg_article_view_set_reference (self->article_view, reference,
                                 r && r->position >= 0 ? r->disagreement.b : NULL);
  if (r != NULL && r->position >= 0)
    {
      yours = r->disagreement.a;
      shown = yours ? yours : r->disagreement.b;
    }
  else if (r != NULL)
    yours = shown = span_in_store (self, &r->disagreement);
  else if (c != NULL)
    yours = shown = c->ours && mg_annotation_store_lookup (mg_document_get_store (self->document),
                                                           mg_annotation_get_id (c->ours))
                      ? c->ours : c->theirs;
  if (item == NULL)
    return;

  mg_article_view_set_selected (self->article_view, yours);
  if (shown != NULL)
    mg_article_view_scroll_to_annotation (self->article_view, shown);
}

/* Figures and the list */

static void
update_actions (MgWindow *self)
{
  MgWindowReview *review = self->review;
  gboolean active = is_active (review);
  gboolean resolvable = review->conflicts ? current_item (self) != NULL
                                          : current_disagreement (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-close", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-next", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-previous", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-resolve", active && resolvable);
  /* Keys still reach the action for a value's row: it says why not. */
  mg_review_panel_set_both_sides (review->panel,
                                  review->conflicts || current_disagreement (self) == NULL ||
                                  current_disagreement (self)->id == NULL);
  /* Offered while a merge's conflicts are left, and while settling them. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-conflicts",
                                 review->conflicts ||
                                 (mg_window_get_dataset (self) != NULL &&
                                  mg_dataset_count_conflicts (mg_window_get_dataset (self)) > 0));
}

static void
refresh_dataset (MgWindow *self)
{
  MgWindowReview *review = self->review;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *left_out, *notes;

  g_clear_handle_id (&review->dataset_refresh_id, g_source_remove);
  /* A resolution changes one document: only that one is compared again. */
  if (review->dataset_agreement == NULL || !mg_agreement_refresh (review->dataset_agreement))
    {
      g_clear_object (&review->dataset_agreement);
      review->dataset_agreement = mg_review_session_compare (review->session);
    }

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

  g_clear_pointer (&review->open_counts, g_hash_table_unref);
  review->open_counts = mg_review_session_count_open (review->session, review->dataset_agreement);
  mg_document_list_set_open_counts (self->document_list, review->open_counts);
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

/* A row of values given differently: the span, if any, then both values
 * named as the scheme names them. */
static void
append_values (MgWindow             *self,
               MgScheme             *scheme,
               const MgDisagreement *d,
               const char           *resolution)
{
  MgLabelSet *labels = mg_dataset_get_labels (mg_window_get_dataset (self));
  g_autofree char *values = NULL;
  MgReviewPanelLine lines[2];
  guint n = 0;

  values = mg_review_values_line (scheme, d->a ? mg_annotation_get_label (d->a) : NULL, d->id,
                                  d->values[0], _("you"), d->values[1],
                                  mg_review_session_get_their_name (self->review->session));
  if (d->a != NULL)
    /* Translators: the span a row of attribute values is about */
    lines[n++] = (MgReviewPanelLine) { _("Span"), d->a, NULL };
  lines[n++] = (MgReviewPanelLine) { NULL, NULL, values };
  mg_review_panel_append_item (self->review->panel,
                               d->kind == MG_DISAGREEMENT_CODE ? _("Different document codes")
                                                              : _("Different values"),
                               lines, n, labels, resolution);
}

static void
fill_list (MgWindow *self)
{
  MgWindowReview *review = self->review;
  MgLabelSet *labels = mg_dataset_get_labels (mg_window_get_dataset (self));
  g_autoptr(MgScheme) scheme = mg_scheme_new_from_dataset (mg_window_get_dataset (self), NULL, NULL);

  g_clear_pointer (&review->items, g_ptr_array_unref);
  review->items = mg_review_session_list (review->session, review->document_agreement, self->document);
  mg_review_panel_clear (review->panel, _("You agree on every span of this document"));
  for (guint i = 0; i < review->items->len; i++)
    {
      const MgReviewItem *item = g_ptr_array_index (review->items, i);

      if (item->disagreement.id != NULL)
        append_values (self, scheme, &item->disagreement, resolution_name (item->how));
      else
        mg_review_panel_append (review->panel, &item->disagreement, labels, resolution_name (item->how));
    }
}

/* The first open row from @from on, round to the start; -1 when none is. */
static int
find_open (MgWindowReview *review,
           guint           from)
{
  guint n = review->items ? review->items->len : 0;

  for (guint i = 0; i < n; i++)
    {
      guint position = (from + i) % n;
      gpointer item = g_ptr_array_index (review->items, position);

      /* Conflicts listed are open; settled ones are not in the list. */
      if (review->conflicts ? ((MgConflict *) item)->id != NULL
                            : ((MgReviewItem *) item)->how == MG_RESOLUTION_NONE)
        return (int) position;
    }
  return -1;
}

/* The sidebar's mark of the document shown follows each resolution and
 * undo at once; those of the others come with the comparison of the whole
 * dataset, at the next idle moment. */
static void
count_open_here (MgWindow *self)
{
  MgWindowReview *review = self->review;
  guint n = 0;

  for (guint i = 0; i < review->items->len; i++)
    {
      const MgReviewItem *item = g_ptr_array_index (review->items, i);

      n += item->position >= 0 && item->how == MG_RESOLUTION_NONE;
    }
  if (review->open_counts == NULL)
    return;
  if (n > 0)
    g_hash_table_insert (review->open_counts, self->document, GUINT_TO_POINTER (n));
  else
    g_hash_table_remove (review->open_counts, self->document);
  mg_document_list_set_open_counts (self->document_list, review->open_counts);
}

/* Recomputes the document's comparison. With @advance, the current row
 * moves to the first open disagreement from where it was. */
static void
refresh_document (MgWindow *self,
                  gboolean  advance)
{
  MgWindowReview *review = self->review;
  const MgAgreementFigures *figures = NULL;

  if (review->conflicts)
    {
      conflicts_refresh (self, advance);
      return;
    }

  g_clear_handle_id (&review->refresh_id, g_source_remove);
  g_clear_object (&review->document_agreement);
  g_clear_pointer (&review->items, g_ptr_array_unref);

  if (self->document != NULL &&
      (review->document_agreement = mg_review_session_compare_document (review->session, self->document)))
    {
      if (mg_agreement_get_n_documents (review->document_agreement) > 0)
        figures = mg_agreement_get_figures (review->document_agreement, 0, -1);
      fill_list (self);
      count_open_here (self);
    }
  else
    mg_review_panel_clear (review->panel,
                           self->document ? _("This document is not in their dataset")
                                          : _("No document"));

  mg_review_panel_set_figures (review->panel, figures,
                               review->dataset_agreement
                                 ? mg_agreement_get_figures (review->dataset_agreement, -1, -1)
                                 : NULL);
  show_row (self, advance);
}

/* With @advance, the current row moves to the first open one from where
 * it was; with nothing current, an undo that opens a row again makes it
 * the current one. */
static void
show_row (MgWindow *self,
          gboolean  advance)
{
  MgWindowReview *review = self->review;
  int n = review->items ? (int) review->items->len : 0;

  if (advance || review->current < 0)
    review->current = find_open (review, (guint) MAX (review->current, 0));
  if (review->current >= n)
    review->current = n - 1;
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
 * them is enough. The history tells of every step, those that change no
 * span too (keeping yours). */
static void
history_changed_cb (MgWindow  *self,
                    MgHistory *history)
{
  MgWindowReview *review = self->review;

  if (review->refresh_id == 0)
    review->refresh_id = g_idle_add (refresh_cb, self);
  if (review->session != NULL && review->dataset_refresh_id == 0)
    review->dataset_refresh_id = g_idle_add_full (G_PRIORITY_LOW, refresh_dataset_cb, self, NULL);
}

static void
watch_history (MgWindow  *self,
               MgHistory *history)
{
  MgWindowReview *review = self->review;

  if (review->history == history)
    return;
  if (review->history != NULL)
    g_signal_handlers_disconnect_by_func (review->history, history_changed_cb, self);
  g_set_object (&review->history, history);
  if (history != NULL)
    g_signal_connect_object (history, "changed", G_CALLBACK (history_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

/* Merge conflicts */

/* A conflict of values: ours is the value kept in the document (the
 * span's, or the document's code), theirs the one the entry holds. */
static void
append_conflict_values (MgWindow         *self,
                        const MgConflict *c,
                        const Settled    *settled,
                        const char       *title,
                        const char       *resolution)
{
  MgDataset *dataset = mg_window_get_dataset (self);
  g_autoptr(MgScheme) scheme = mg_scheme_new_from_dataset (dataset, NULL, NULL);
  gboolean code = g_strcmp0 (c->kind, MG_CONFLICT_CODE_BOTH) == 0;
  g_autofree char *ours = NULL;
  g_autofree char *theirs = mg_value_to_string (c->theirs_value);
  g_autofree char *values = NULL;
  MgReviewPanelLine lines[2];
  guint n = 0;

  /* A settled row shows the values as they were before. */
  if (code)
    ours = settled ? g_strdup (settled->ours_code)
                   : mg_document_dup_code_string (self->document, c->value_id);
  else if (c->ours != NULL)
    ours = mg_annotation_dup_attribute_string (c->ours, c->value_id);
  values = mg_review_values_line (scheme, !code && c->ours ? mg_annotation_get_label (c->ours) : NULL,
                                  c->value_id, ours, _("yours"), theirs, _("theirs"));
  if (!code && c->ours != NULL)
    lines[n++] = (MgReviewPanelLine) { _("Span"), c->ours, NULL };
  lines[n++] = (MgReviewPanelLine) { NULL, NULL, values };
  mg_review_panel_append_item (self->review->panel, title, lines, n,
                               mg_dataset_get_labels (dataset), resolution);
}

static void
append_conflict (MgWindow         *self,
                 const MgConflict *c,
                 const Settled    *settled,
                 const char       *resolution)
{
  MgLabelSet *labels = mg_dataset_get_labels (mg_window_get_dataset (self));
  const char *kind = c->kind ? c->kind : "";
  MgReviewPanelLine lines[2];
  const char *title;
  guint n = 0;

  if (g_str_equal (kind, MG_CONFLICT_CHANGED_BOTH))
    title = _("Changed on both sides");
  else if (g_str_equal (kind, MG_CONFLICT_DELETED_CHANGED))
    title = _("Deleted on yours, changed on theirs");
  else if (g_str_equal (kind, MG_CONFLICT_CHANGED_DELETED))
    title = _("Changed on yours, deleted on theirs");
  else if (g_str_equal (kind, MG_CONFLICT_NOTE_BOTH))
    title = _("Note changed on both sides");
  else if (g_str_equal (kind, MG_CONFLICT_DOCUMENT_DELETED_CHANGED))
    title = _("Document deleted on yours, changed on theirs");
  else if (g_str_equal (kind, MG_CONFLICT_DOCUMENT_CHANGED_DELETED))
    title = _("Document changed on yours, deleted on theirs");
  else if (g_str_equal (kind, MG_CONFLICT_ATTRIBUTE_BOTH))
    title = _("Attribute changed on both sides");
  else if (g_str_equal (kind, MG_CONFLICT_CODE_BOTH))
    title = _("Document code changed on both sides");
  else
    title = kind;

  if (c->value_id != NULL)
    {
      append_conflict_values (self, c, settled, title, resolution);
      return;
    }
  if (g_str_equal (kind, MG_CONFLICT_NOTE_BOTH))
    {
      lines[n++] = (MgReviewPanelLine) { _("Yours"), c->ours, c->ours ? mg_annotation_get_note (c->ours) : "" };
      lines[n++] = (MgReviewPanelLine) { _("Theirs"), c->ours, c->theirs_note ? c->theirs_note : "" };
    }
  else
    {
      if (c->ours != NULL)
        lines[n++] = (MgReviewPanelLine) { _("Yours"), c->ours, NULL };
      if (c->theirs != NULL)
        lines[n++] = (MgReviewPanelLine) { _("Theirs"), c->theirs, NULL };
    }
  mg_review_panel_append_item (self->review->panel, title, lines, n, labels, resolution);
}

static void
conflicts_refresh (MgWindow *self,
                   gboolean  advance)
{
  MgWindowReview *review = self->review;
  guint left = mg_dataset_count_conflicts (mg_window_get_dataset (self));
  g_autofree char *placeholder = NULL;

  g_clear_handle_id (&review->refresh_id, g_source_remove);
  g_clear_pointer (&review->items, g_ptr_array_unref);
  review->items = self->document ? mg_document_list_conflicts (self->document)
                                 : g_ptr_array_new ();

  placeholder = left > 0
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "No conflicts here; %u conflict in another document (F8)",
                                    "No conflicts here; %u conflicts in other documents (F8)", left), left)
    : g_strdup (_("Every conflict of the merge is settled: save to finish"));
  mg_review_panel_clear (review->panel, placeholder);
  for (guint i = 0; i < review->items->len; i++)
    append_conflict (self, g_ptr_array_index (review->items, i), NULL, NULL);

  /* Those settled in this sitting, while their step is done. */
  for (guint i = 0; i < review->settled->len; i++)
    {
      Settled *settled = g_ptr_array_index (review->settled, i);

      if (settled->document == self->document &&
          mg_history_is_done (mg_window_get_history (self), settled->state))
        append_conflict (self, settled->conflict, settled, resolution_name (settled->how));
    }
  show_row (self, advance);
}

/* The next (or previous) document from the one shown that holds
 * conflicts, round to the start (or the end). */
static MgDocument *
adjacent_with_conflicts (MgWindow *self,
                         gboolean  forward)
{
  MgDataset *dataset = mg_window_get_dataset (self);
  guint n = mg_dataset_get_n_documents (dataset);
  int at = self->document ? mg_dataset_index_of (dataset, self->document) : -1;

  /* With no document shown, backwards starts from the end. */
  if (at < 0 && !forward)
    at = (int) n;
  for (guint i = 1; i <= n; i++)
    {
      int step = forward ? at + (int) i : at - (int) i;
      MgDocument *doc = mg_dataset_get_document (dataset, (guint) ((step % (int) n) + (int) n) % n);
      JsonArray *conflicts = mg_document_get_conflicts (doc);

      if (conflicts != NULL && json_array_get_length (conflicts) > 0)
        return doc;
    }
  return NULL;
}

static MgDocument *
next_with_conflicts (MgWindow *self)
{
  return adjacent_with_conflicts (self, TRUE);
}

static void
resolve_conflict (MgWindow     *self,
                  MgResolution  how)
{
  MgWindowReview *review = self->review;
  const MgConflict *c = current_item (self);
  g_autoptr(MgDocument) document = self->document ? g_object_ref (self->document) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ours_code = NULL;
  Settled *settled;
  MgConflict *copy;

  if (c == NULL || c->id == NULL)
    return;
  copy = g_new0 (MgConflict, 1);
  copy->kind = g_strdup (c->kind);
  /* Copies: the row shows the spans as they were, before the note or
   * the label changed. */
  copy->ours = c->ours ? mg_annotation_copy (c->ours) : NULL;
  copy->theirs = c->theirs ? mg_annotation_copy (c->theirs) : NULL;
  copy->theirs_note = g_strdup (c->theirs_note);
  copy->value_id = g_strdup (c->value_id);
  copy->theirs_value = c->theirs_value ? json_node_copy (c->theirs_value) : NULL;
  ours_code = c->value_id ? mg_document_dup_code_string (document, c->value_id) : NULL;
  if (!mg_conflict_resolve (mg_window_get_history (self), document, c->id, how, &error))
    {
      mg_conflict_free (copy);
      mg_window_toast (self, error->message);
      return;
    }
  settled = g_new0 (Settled, 1);
  settled->document = g_object_ref (document);
  settled->conflict = copy;
  settled->how = how;
  settled->ours_code = g_steal_pointer (&ours_code);
  settled->state = mg_history_get_state (mg_window_get_history (self));
  g_ptr_array_add (review->settled, settled);

  /* A document that the resolution removed goes out of view. */
  if (mg_dataset_index_of (mg_window_get_dataset (self), document) < 0)
    {
      MgDocument *next = next_with_conflicts (self);
      MgDataset *dataset = mg_window_get_dataset (self);

      mg_window_show_document (self, next ? next
                               : mg_dataset_get_n_documents (dataset) > 0 ? mg_dataset_get_document (dataset, 0)
                                                                           : NULL);
      return;
    }
  conflicts_refresh (self, TRUE);
}

/* Starting and stopping */

static void
clear_state (MgWindow *self)
{
  MgWindowReview *review = self->review;

  g_clear_handle_id (&review->refresh_id, g_source_remove);
  g_clear_handle_id (&review->dataset_refresh_id, g_source_remove);
  watch_history (self, NULL);
  g_clear_object (&review->session);
  g_clear_object (&review->document_agreement);
  g_clear_object (&review->dataset_agreement);
  g_clear_pointer (&review->items, g_ptr_array_unref);
  g_clear_pointer (&review->open_counts, g_hash_table_unref);
  g_clear_object (&review->colleague_file);
  review->conflicts = FALSE;
  review->current = -1;
}

/**
 * _mg_window_review_stop:
 *
 * Leaves review mode; your edits stay, and so does the review itself
 * until the window shows another dataset.
 */
void
_mg_window_review_stop (MgWindow *self)
{
  MgWindowReview *review = self->review;

  if (!is_active (review))
    return;

  clear_state (self);
  mg_document_list_set_open_counts (self->document_list, NULL);
  mg_article_view_set_reference (self->article_view, NULL, NULL);
  mg_review_panel_set_chart (review->panel, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (review->panel), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->annotation_list), TRUE);
  update_actions (self);

  if (self->document != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

static void
show_panel (MgWindow *self)
{
  MgWindowReview *review = self->review;

  if (review->conflicts_toast != NULL)
    adw_toast_dismiss (review->conflicts_toast);
  gtk_widget_set_visible (GTK_WIDGET (self->annotation_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (review->panel), TRUE);
  watch_history (self, mg_window_get_history (self));
  review->current = 0;
}

static void
start_session (MgWindow        *self,
               MgReviewSession *session)
{
  MgWindowReview *review = self->review;

  _mg_window_review_stop (self);
  review->session = g_object_ref (session);
  mg_review_panel_set_conflicts (review->panel, FALSE);
  mg_review_panel_set_colleague (review->panel, mg_review_session_get_their_name (session));
  show_panel (self);
  refresh_dataset (self);
  refresh_document (self, TRUE);
}

/**
 * _mg_window_review_start:
 * @theirs: a colleague's dataset of some of the same texts
 * @name: what to call the colleague
 *
 * Shows @theirs beside the window's dataset, which becomes the curated
 * one, in a review of its own.
 */
void
_mg_window_review_start (MgWindow   *self,
                         MgDataset  *theirs,
                         const char *name)
{
  g_autoptr(MgReviewSession) session = NULL;

  g_return_if_fail (MG_IS_WINDOW (self));
  g_return_if_fail (MG_IS_DATASET (theirs));

  if (mg_window_get_dataset (self) == NULL)
    return;

  session = mg_review_session_new (mg_window_get_dataset (self), your_name (self), theirs, name);
  start_session (self, session);
}

/**
 * _mg_window_review_start_conflicts:
 *
 * Lists the conflicts a git merge marked in the window's dataset, from the
 * document shown, or the next that holds some.
 */
void
_mg_window_review_start_conflicts (MgWindow *self)
{
  MgWindowReview *review = self->review;
  JsonArray *here;

  g_return_if_fail (MG_IS_WINDOW (self));

  if (mg_window_get_dataset (self) == NULL)
    return;

  _mg_window_review_stop (self);
  review->conflicts = TRUE;
  mg_review_panel_set_conflicts (review->panel, TRUE);
  show_panel (self);
  here = self->document ? mg_document_get_conflicts (self->document) : NULL;
  if ((here == NULL || json_array_get_length (here) == 0) && next_with_conflicts (self) != NULL)
    mg_window_show_document (self, next_with_conflicts (self));
  else
    conflicts_refresh (self, TRUE);
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

/**
 * _mg_window_review_get_current:
 *
 * Returns: the current row, or -1
 */
int
_mg_window_review_get_current (MgWindow *self)
{
  return current_item (self) ? self->review->current : -1;
}

/**
 * _mg_window_review_get_current_disagreement:
 *
 * Returns: (nullable): the disagreement of the current row, when the
 *   comparison still shows it
 */
const MgDisagreement *
_mg_window_review_get_current_disagreement (MgWindow *self)
{
  return current_disagreement (self);
}

/**
 * _mg_window_review_get_colleague_file:
 *
 * Returns: (nullable) (transfer none): the colleague's dataset file under
 *   review, when the review was opened from one
 */
GFile *
_mg_window_review_get_colleague_file (MgWindow *self)
{
  return self->review->colleague_file;
}

/**
 * _mg_window_review_get_notice:
 *
 * Returns: (nullable): what the last move through the disagreements said
 *   in a toast: that it went round the dataset, or that none is open
 */
const char *
_mg_window_review_get_notice (MgWindow *self)
{
  return self->review->notice;
}

/**
 * _mg_window_review_get_conflicts_offer:
 *
 * Returns: (nullable): what the offer to settle a merge's conflicts says,
 *   while it shows
 */
const char *
_mg_window_review_get_conflicts_offer (MgWindow *self)
{
  return self->review->conflicts_toast ? adw_toast_get_title (self->review->conflicts_toast) : NULL;
}

/* Actions */

static void
resolve (MgWindow     *self,
         MgResolution  how)
{
  const MgDisagreement *d = current_disagreement (self);
  g_autoptr(GError) error = NULL;

  if (self->review->conflicts)
    {
      resolve_conflict (self, how);
      return;
    }
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

static guint
open_in (MgWindowReview *review,
         MgDocument     *document)
{
  return review->open_counts ? GPOINTER_TO_UINT (g_hash_table_lookup (review->open_counts, document)) : 0;
}

/* The last open row, or -1. */
static int
find_last_open (MgWindowReview *review)
{
  for (guint i = review->items ? review->items->len : 0; i > 0; i--)
    if (((MgReviewItem *) g_ptr_array_index (review->items, i - 1))->how == MG_RESOLUTION_NONE)
      return (int) i - 1;
  return -1;
}

/* The next document after the one shown (or before it) with open
 * disagreements, round the dataset; @wrapped says whether it went past
 * an end. */
static MgDocument *
document_with_open (MgWindow *self,
                    gboolean  forward,
                    gboolean *wrapped)
{
  MgDataset *dataset = mg_window_get_dataset (self);
  int n = (int) mg_dataset_get_n_documents (dataset);
  int at = self->document ? mg_dataset_index_of (dataset, self->document) : -1;

  if (at < 0)
    at = forward ? -1 : n;
  for (int i = 1; i <= n; i++)
    {
      int index = forward ? at + i : at - i;
      MgDocument *doc = mg_dataset_get_document (dataset, (guint) ((index + n) % n));

      if (doc != self->document && open_in (self->review, doc) > 0)
        {
          *wrapped = index < 0 || index >= n;
          return doc;
        }
    }
  return NULL;
}

/* F8 and Shift+F8 in a review: through the rows of the document while it
 * has open disagreements, round to its first (or last) open one at the
 * end; once it has none left, on to the next (or previous) document that
 * has some. Returns FALSE to walk the rows as they are, when no
 * disagreement is open anywhere. */
static gboolean
move_across (MgWindow *self,
             gboolean  forward)
{
  MgWindowReview *review = self->review;
  int n = review->items ? (int) review->items->len : 0;
  gboolean wrapped = FALSE;
  MgDocument *next;

  review->notice = NULL;
  /* The counts must be those of the dataset as it is now, after an undo
   * whose refresh is still waiting. */
  if (review->refresh_id != 0)
    refresh_document (self, FALSE);
  if (review->dataset_refresh_id != 0)
    {
      g_clear_handle_id (&review->dataset_refresh_id, g_source_remove);
      refresh_dataset_cb (self);
    }

  if (find_open (review, 0) >= 0)
    {
      if (forward)
        review->current = review->current + 1 < n ? review->current + 1 : find_open (review, 0);
      else
        review->current = review->current > 0 ? review->current - 1 : find_last_open (review);
      show_current (self);
      update_actions (self);
      return TRUE;
    }
  if ((next = document_with_open (self, forward, &wrapped)) == NULL)
    {
      review->notice = _("All disagreements resolved");
      mg_window_toast (self, review->notice);
      return FALSE;
    }

  mg_window_show_document (self, next);
  if (!forward && self->document == next)
    {
      review->current = find_last_open (review);
      show_current (self);
      update_actions (self);
    }
  if (wrapped)
    {
      review->notice = forward ? _("Continued from the first document")
                               : _("Continued from the last document");
      mg_window_toast (self, review->notice);
    }
  return TRUE;
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  MgWindow *self = MG_WINDOW (widget);
  MgWindowReview *review = self->review;
  gboolean forward = g_str_equal (action_name, "win.review-next");
  guint n = review->items ? review->items->len : 0;
  MgDocument *next;

  /* Settling conflicts, F8 past the last of a document goes on to the
   * next document that holds some, and Shift+F8 before the first back to
   * the last conflict of the previous one. */
  if (review->conflicts && forward && (n == 0 || review->current + 1 >= (int) n) &&
      (next = next_with_conflicts (self)) != NULL && next != self->document)
    {
      mg_window_show_document (self, next);
      return;
    }
  if (review->conflicts && !forward && (n == 0 || review->current <= 0) &&
      (next = adjacent_with_conflicts (self, FALSE)) != NULL && next != self->document)
    {
      mg_window_show_document (self, next);
      if (self->document == next && review->items != NULL && review->items->len > 0)
        {
          review->current = (int) review->items->len - 1;
          show_current (self);
          update_actions (self);
        }
      return;
    }
  if (!review->conflicts && move_across (self, forward))
    return;
  if (n == 0)
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
conflicts_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  _mg_window_review_start_conflicts (MG_WINDOW (widget));
}

/* What names one version of a colleague's file: its address and its tag
 * (modification time), so that a changed file starts a new review. */
static char *
colleague_key (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autofree char *uri = g_file_get_uri (file);

  return g_strdup_printf ("%s\n%s", uri, info ? g_file_info_get_etag (info) : "");
}

/**
 * _mg_window_review_open_colleague:
 * @file: a colleague's dataset
 *
 * Reviews @file against the window's dataset: the review made of it
 * before, if the file did not change since, or a new one.
 */
void
_mg_window_review_open_colleague (MgWindow *self,
                                  GFile    *file)
{
  MgWindowReview *review = self->review;
  g_autofree char *key = colleague_key (file);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(MgDataset) theirs = NULL;
  g_autoptr(GError) error = NULL;
  MgReviewSession *session;
  const char *annotator;
  char *dot;

  if (mg_window_get_dataset (self) == NULL)
    return;
  if ((session = g_hash_table_lookup (review->sessions, key)) != NULL)
    {
      start_session (self, session);
      g_set_object (&review->colleague_file, file);
      return;
    }
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
  session = mg_review_session_new (mg_window_get_dataset (self), your_name (self), theirs,
                                   annotator && *annotator ? annotator : basename);
  g_hash_table_insert (review->sessions, g_steal_pointer (&key), session);
  start_session (self, session);
  g_set_object (&review->colleague_file, file);
}

static void
colleague_file_chosen (GtkWindow *window,
                       GPtrArray *chosen)
{
  MgWindow *self = MG_WINDOW (window);

  if (chosen != NULL && self->review != NULL)
    _mg_window_review_open_colleague (self, g_ptr_array_index (chosen, 0));
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

/* Merging into a gold dataset works on files, with or without a dataset
 * open; under review it offers the review's two files. */
static void
merge_gold_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  gtk_window_present (GTK_WINDOW (mg_merge_dialog_new (MG_WINDOW (widget))));
}

/* The window's side */

void
_mg_window_review_document_changed (MgWindow *self)
{
  if (self->review == NULL || !is_active (self->review))
    return;

  self->review->current = 0;
  refresh_document (self, TRUE);
}

/* A dataset just opened that a git merge left conflicts in says so, and
 * offers to settle them. */
static void
offer_conflicts (MgWindow *self)
{
  MgWindowReview *review = self->review;
  MgDataset *dataset = mg_window_get_dataset (self);
  guint n = dataset ? mg_dataset_count_conflicts (dataset) : 0;
  g_autofree char *title = NULL;

  if (review->conflicts_toast != NULL)
    adw_toast_dismiss (review->conflicts_toast);
  update_actions (self);
  if (n == 0)
    return;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "This file holds %u conflict from a git merge",
                                        "This file holds %u conflicts from a git merge", n), n);
  review->conflicts_toast = adw_toast_new (title);
  g_object_add_weak_pointer (G_OBJECT (review->conflicts_toast), (gpointer *) &review->conflicts_toast);
  adw_toast_set_button_label (review->conflicts_toast, _("_Review"));
  adw_toast_set_action_name (review->conflicts_toast, "win.review-conflicts");
  adw_toast_set_timeout (review->conflicts_toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, review->conflicts_toast);
}

void
_mg_window_review_dataset_changed (MgWindow *self)
{
  /* Resolutions belong to the dataset they were made in. */
  _mg_window_review_stop (self);
  g_hash_table_remove_all (self->review->sessions);
  g_ptr_array_set_size (self->review->settled, 0);
  offer_conflicts (self);
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
  gtk_widget_class_install_action (widget_class, "win.review-conflicts", NULL, conflicts_action);
  gtk_widget_class_install_action (widget_class, "win.review-close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.review-next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.review-previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "win.review-resolve", "s", resolve_action);
  gtk_widget_class_install_action (widget_class, "win.merge-gold", NULL, merge_gold_action);

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
  review->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  review->settled = g_ptr_array_new_with_free_func (settled_free);

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

  clear_state (self);
  g_clear_pointer (&review->sessions, g_hash_table_unref);
  g_clear_pointer (&review->settled, g_ptr_array_unref);
  if (review->conflicts_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (review->conflicts_toast), (gpointer *) &review->conflicts_toast);
  /* The panel is a child of the window's template and goes with it. */
  g_clear_pointer (&self->review, g_free);
}
