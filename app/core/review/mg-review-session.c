/* mg-review-session.c: reviewing a colleague's dataset against your own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Your dataset stays the one being edited: it becomes the curated dataset.
 * Every resolution of a disagreement is an ordinary edit through the
 * history, so it saves, autosaves and undoes like any other.
 *
 * A resolution is remembered as the state of the history it made and what
 * it expects of your spans (keep mine: yours there and theirs not; keep
 * both: both there; ...). A disagreement counts as resolved while some
 * resolution that names its spans still holds: its step is not undone and
 * your spans are as it left them. Keeping yours changes no data, so it is
 * a mark in the history (mg_history_add_mark()): undo takes the decision
 * back like any other, rather than the edit before it. Resolutions stay remembered when
 * their disagreement no longer shows in a comparison (taking theirs makes
 * the two agree), so progress counts them: mg_review_session_count_resolved().
 *
 * A value both gave differently (an attribute of a span marked alike, a
 * code of the document) is kept or taken alone: the record names the
 * span, the attribute or code and the value the resolution left, and holds
 * while yours still has that value.
 */

#define G_LOG_DOMAIN "mg-review-session"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-review-session.h"

#include "mg-agreement-private.h"
#include "mg-error.h"
#include "mg-scheme.h"

typedef struct
{
  char  *label;   /* NULL when there was no span on that side */
  guint  start;
  guint  end;
} Span;

typedef struct
{
  MgDocument     *document;   /* yours */
  MgHistory      *history;
  guint64         state;      /* of the history, after the resolution */
  Span            a;          /* yours */
  Span            b;          /* theirs */
  MgResolution    how;
  MgDisagreement  shown;      /* copies of the spans (and values) as they were */
  char           *value;      /* of an attribute or code, as the resolution left it */
} Record;

struct _MgReviewSession
{
  GObject     parent_instance;

  MgDataset  *yours;
  MgDataset  *theirs;
  char       *names[2];
  GHashTable *twins;     /* text_sha256 → their MgDocument */
  GPtrArray  *records;   /* of Record, oldest first */
};

G_DEFINE_FINAL_TYPE (MgReviewSession, mg_review_session, G_TYPE_OBJECT)

static void
span_set (Span         *span,
          MgAnnotation *annotation)
{
  span->label = annotation ? g_strdup (mg_annotation_get_label (annotation)) : NULL;
  span->start = annotation ? mg_annotation_get_start (annotation) : 0;
  span->end = annotation ? mg_annotation_get_end (annotation) : 0;
}

static gboolean
span_is (const Span   *span,
         MgAnnotation *annotation)
{
  return span->label != NULL &&
         g_str_equal (span->label, mg_annotation_get_label (annotation)) &&
         span->start == mg_annotation_get_start (annotation) &&
         span->end == mg_annotation_get_end (annotation);
}

static gboolean
span_equal (const Span *x,
            const Span *y)
{
  return g_strcmp0 (x->label, y->label) == 0 && x->start == y->start && x->end == y->end;
}

static void
record_free (gpointer data)
{
  Record *record = data;

  g_clear_object (&record->document);
  g_clear_object (&record->history);
  g_clear_object (&record->shown.a);
  g_clear_object (&record->shown.b);
  g_free (record->shown.values[0]);
  g_free (record->shown.values[1]);
  g_free (record->value);
  g_free (record->a.label);
  g_free (record->b.label);
  g_free (record);
}

/* Whether a span is in @store as @want says it should be. */
static gboolean
span_as_wanted (MgAnnotationStore *store,
                const Span        *span,
                gboolean           want)
{
  return span->label == NULL ||
         want == (mg_annotation_store_find (store, span->label, span->start, span->end) != NULL);
}

static gboolean
is_value_kind (MgDisagreementKind kind)
{
  return kind == MG_DISAGREEMENT_ATTRIBUTE || kind == MG_DISAGREEMENT_CODE;
}

/* Whether your value is still the one the resolution left. */
static gboolean
value_holds (const Record *record)
{
  g_autofree char *now = NULL;

  if (record->shown.kind == MG_DISAGREEMENT_CODE)
    now = mg_document_dup_code_string (record->document, record->shown.id);
  else
    {
      MgAnnotation *span = mg_annotation_store_find (mg_document_get_store (record->document),
                                                     record->a.label, record->a.start,
                                                     record->a.end);

      if (span == NULL)
        return FALSE;
      now = mg_annotation_dup_attribute_string (span, record->shown.id);
    }
  return g_strcmp0 (now, record->value) == 0;
}

/* Whether your spans are still as the resolution left them. */
static gboolean
record_holds (const Record *record)
{
  MgAnnotationStore *store = mg_document_get_store (record->document);
  gboolean want_a = record->how == MG_RESOLUTION_MINE || record->how == MG_RESOLUTION_BOTH;
  gboolean want_b = record->how == MG_RESOLUTION_THEIRS || record->how == MG_RESOLUTION_BOTH;

  if (!mg_history_is_done (record->history, record->state))
    return FALSE;
  if (is_value_kind (record->shown.kind))
    return value_holds (record);
  return span_as_wanted (store, &record->a, want_a) && span_as_wanted (store, &record->b, want_b);
}

/* Whether two records are of the same disagreement. */
static gboolean
record_same (const Record *x,
             const Record *y)
{
  return x->document == y->document && x->shown.kind == y->shown.kind &&
         x->shown.id == y->shown.id &&
         span_equal (&x->a, &y->a) && span_equal (&x->b, &y->b);
}

static void
mg_review_session_finalize (GObject *object)
{
  MgReviewSession *self = MG_REVIEW_SESSION (object);

  g_clear_object (&self->yours);
  g_clear_object (&self->theirs);
  g_free (self->names[0]);
  g_free (self->names[1]);
  g_clear_pointer (&self->twins, g_hash_table_unref);
  g_clear_pointer (&self->records, g_ptr_array_unref);

  G_OBJECT_CLASS (mg_review_session_parent_class)->finalize (object);
}

static void
mg_review_session_class_init (MgReviewSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mg_review_session_finalize;
}

static void
mg_review_session_init (MgReviewSession *self)
{
  self->twins = g_hash_table_new (g_str_hash, g_str_equal);
  self->records = g_ptr_array_new_with_free_func (record_free);
}

/**
 * mg_review_session_new:
 * @yours: the dataset being curated
 * @your_name: what to call you in comparisons
 * @theirs: a colleague's dataset of some of the same texts
 * @their_name: what to call the colleague
 *
 * Returns: (transfer full): a review with nothing resolved yet
 */
MgReviewSession *
mg_review_session_new (MgDataset  *yours,
                       const char *your_name,
                       MgDataset  *theirs,
                       const char *their_name)
{
  MgReviewSession *self;

  g_return_val_if_fail (MG_IS_DATASET (yours), NULL);
  g_return_val_if_fail (MG_IS_DATASET (theirs), NULL);

  self = g_object_new (MG_TYPE_REVIEW_SESSION, NULL);
  self->yours = g_object_ref (yours);
  self->theirs = g_object_ref (theirs);
  self->names[0] = g_strdup (your_name);
  self->names[1] = g_strdup (their_name);
  for (guint i = 0; i < mg_dataset_get_n_documents (theirs); i++)
    {
      MgDocument *doc = mg_dataset_get_document (theirs, i);
      const char *sha = mg_document_get_text_sha256 (doc);

      /* The first of two copies of a text, as the comparison takes it. */
      if (!g_hash_table_contains (self->twins, sha))
        g_hash_table_insert (self->twins, (char *) sha, doc);
    }
  return self;
}

MgDataset *
mg_review_session_get_theirs (MgReviewSession *self)
{
  g_return_val_if_fail (MG_IS_REVIEW_SESSION (self), NULL);
  return self->theirs;
}

const char *
mg_review_session_get_their_name (MgReviewSession *self)
{
  g_return_val_if_fail (MG_IS_REVIEW_SESSION (self), NULL);
  return self->names[1];
}

/**
 * mg_review_session_get_twin:
 * @document: (nullable): one of your documents
 *
 * Returns: (transfer none) (nullable): their document of the same text
 */
MgDocument *
mg_review_session_get_twin (MgReviewSession *self,
                            MgDocument      *document)
{
  g_return_val_if_fail (MG_IS_REVIEW_SESSION (self), NULL);

  if (document == NULL)
    return NULL;
  return g_hash_table_lookup (self->twins, mg_document_get_text_sha256 (document));
}

static MgAgreement *
compare (MgReviewSession *self,
         MgDataset       *yours,
         MgDataset       *theirs)
{
  MgDataset *datasets[2] = { yours, theirs };
  MgAgreement *agreement = mg_agreement_new (datasets, 2, (const char * const *) self->names);

  /* A review settles values given differently too. */
  _mg_agreement_add_value_disagreements (agreement);
  return agreement;
}

/**
 * mg_review_session_compare:
 *
 * Returns: (transfer full): your dataset as it is now against theirs
 */
MgAgreement *
mg_review_session_compare (MgReviewSession *self)
{
  g_return_val_if_fail (MG_IS_REVIEW_SESSION (self), NULL);

  return compare (self, self->yours, self->theirs);
}

/**
 * mg_review_session_compare_document:
 * @document: one of your documents
 *
 * Compares @document and its twin alone, which is quick enough to redo at
 * every edit.
 *
 * Returns: (transfer full) (nullable): the comparison, or %NULL when their
 *   dataset lacks the text
 */
MgAgreement *
mg_review_session_compare_document (MgReviewSession *self,
                                    MgDocument      *document)
{
  g_autoptr(MgDataset) yours = NULL;
  g_autoptr(MgDataset) theirs = NULL;
  MgDocument *twin;

  g_return_val_if_fail (MG_IS_REVIEW_SESSION (self), NULL);
  g_return_val_if_fail (MG_IS_DOCUMENT (document), NULL);

  if ((twin = mg_review_session_get_twin (self, document)) == NULL)
    return NULL;
  /* The datasets share the labels, with their scheme's attributes. */
  yours = mg_dataset_new_with_labels (mg_dataset_get_labels (self->yours));
  theirs = mg_dataset_new_with_labels (mg_dataset_get_labels (self->theirs));
  mg_dataset_add_document (yours, document);
  mg_dataset_add_document (theirs, twin);
  return compare (self, yours, theirs);
}

/* Makes your value of @d theirs, or keeps it. */
static gboolean
apply_value (MgReviewSession       *self,
             MgHistory             *history,
             MgDocument            *document,
             const MgDisagreement  *d,
             MgResolution           how,
             GError               **error)
{
  MgDocument *twin;

  if (how == MG_RESOLUTION_MINE)
    {
      mg_history_add_mark (history, document);
      return TRUE;
    }
  if (how != MG_RESOLUTION_THEIRS)
    {
      /* One value or the other: there is nothing to keep both of. */
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("a value is one: keep yours or take theirs"));
      return FALSE;
    }
  if (d->kind == MG_DISAGREEMENT_ATTRIBUTE)
    {
      mg_history_set_attribute (history, document, d->a, d->id,
                                mg_annotation_get_attribute (d->b, d->id));
      return TRUE;
    }
  twin = mg_review_session_get_twin (self, document);
  mg_history_set_code (history, document, d->id, twin ? mg_document_get_code (twin, d->id) : NULL);
  return TRUE;
}

/* Makes your spans what @how asks of @d, through @history. */
static gboolean
apply (MgReviewSession       *self,
       MgHistory             *history,
       MgDocument            *document,
       const MgDisagreement  *d,
       MgResolution           how,
       GError               **error)
{
  if (is_value_kind (d->kind))
    return apply_value (self, history, document, d, how, error);
  /* A decision that changes no span (keeping yours, dropping theirs
   * alone) is still a step, so that undo takes it back and not the edit
   * before it. */
  if (how == MG_RESOLUTION_MINE || (how == MG_RESOLUTION_DROP && d->a == NULL) ||
      (how == MG_RESOLUTION_BOTH && d->b == NULL))
    {
      mg_history_add_mark (history, document);
      return TRUE;
    }
  /* Taking theirs changes your span in place when it is the same span
   * under another label or with other ends: its note and relations stay. */
  if (how == MG_RESOLUTION_THEIRS && d->a != NULL && d->b != NULL)
    return d->kind == MG_DISAGREEMENT_LABEL
             ? mg_history_set_label (history, document, d->a, mg_annotation_get_label (d->b), error)
             : mg_history_set_range (history, document, d->a, mg_annotation_get_start (d->b),
                                     mg_annotation_get_end (d->b), error);
  if ((how == MG_RESOLUTION_THEIRS || how == MG_RESOLUTION_DROP) && d->a != NULL)
    mg_history_remove_annotation (history, document, d->a);
  else if ((how == MG_RESOLUTION_THEIRS || how == MG_RESOLUTION_BOTH) && d->b != NULL)
    {
      g_autoptr(MgAnnotation) copy = mg_annotation_new (NULL, mg_annotation_get_label (d->b),
                                                        mg_annotation_get_start (d->b),
                                                        mg_annotation_get_end (d->b));

      mg_annotation_set_note (copy, mg_annotation_get_note (d->b));
      return mg_history_add_annotation (history, document, copy, error);
    }
  return TRUE;
}

/**
 * mg_review_session_resolve:
 * @history: the history of your dataset
 * @document: your document @disagreement is about
 * @disagreement: one of mg_review_session_compare_document()'s
 * @how: what to keep; not %MG_RESOLUTION_NONE, and for a value
 *   (%MG_DISAGREEMENT_ATTRIBUTE, %MG_DISAGREEMENT_CODE) mine or theirs
 *
 * Edits your spans as @how says, through @history, and remembers the
 * resolution.
 *
 * Returns: %FALSE, with @error set and nothing remembered, when the edit
 *   is refused
 */
gboolean
mg_review_session_resolve (MgReviewSession       *self,
                           MgHistory             *history,
                           MgDocument            *document,
                           const MgDisagreement  *disagreement,
                           MgResolution           how,
                           GError               **error)
{
  Record *record;
  gboolean ok;

  g_return_val_if_fail (MG_IS_REVIEW_SESSION (self), FALSE);
  g_return_val_if_fail (MG_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (MG_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (disagreement != NULL, FALSE);
  g_return_val_if_fail (how != MG_RESOLUTION_NONE, FALSE);

  /* The spans are noted first: the edit may change the annotations. */
  record = g_new0 (Record, 1);
  record->document = g_object_ref (document);
  record->history = g_object_ref (history);
  record->how = how;
  span_set (&record->a, disagreement->a);
  span_set (&record->b, disagreement->b);
  record->shown.kind = disagreement->kind;
  record->shown.a = disagreement->a ? mg_annotation_copy (disagreement->a) : NULL;
  record->shown.b = disagreement->b ? mg_annotation_copy (disagreement->b) : NULL;
  record->shown.document = disagreement->document;
  record->shown.id = disagreement->id;
  record->shown.values[0] = g_strdup (disagreement->values[0]);
  record->shown.values[1] = g_strdup (disagreement->values[1]);
  record->value = g_strdup (disagreement->values[how == MG_RESOLUTION_THEIRS]);

  /* One step, so that one undo takes the whole resolution back. */
  mg_history_begin_group (history);
  ok = apply (self, history, document, disagreement, how, error);
  mg_history_end_group (history);
  if (!ok)
    {
      record_free (record);
      return FALSE;
    }
  record->state = mg_history_get_state (history);
  g_ptr_array_add (self->records, record);
  return TRUE;
}

static gboolean
record_names (const Record         *record,
              const MgDisagreement *d)
{
  if (is_value_kind (record->shown.kind) || is_value_kind (d->kind))
    return record->shown.kind == d->kind && record->shown.id == d->id &&
           (d->a == NULL || span_is (&record->a, d->a));
  return (d->a == NULL || span_is (&record->a, d->a) || span_is (&record->b, d->a)) &&
         (d->b == NULL || span_is (&record->a, d->b) || span_is (&record->b, d->b));
}

/**
 * mg_review_session_get_resolution:
 *
 * Returns: how @disagreement of @document was resolved, the latest
 *   resolution that still holds; %MG_RESOLUTION_NONE while it is open
 */
MgResolution
mg_review_session_get_resolution (MgReviewSession      *self,
                                  MgDocument           *document,
                                  const MgDisagreement *disagreement)
{
  g_return_val_if_fail (MG_IS_REVIEW_SESSION (self), MG_RESOLUTION_NONE);
  g_return_val_if_fail (disagreement != NULL, MG_RESOLUTION_NONE);

  for (guint i = self->records->len; i > 0; i--)
    {
      const Record *record = g_ptr_array_index (self->records, i - 1);

      if (record->document == document && record_names (record, disagreement) &&
          record_holds (record))
        return record->how;
    }
  return MG_RESOLUTION_NONE;
}

/**
 * mg_review_session_count_resolved:
 * @document: (nullable): one of your documents, or %NULL for all
 *
 * Counts the disagreements resolved and still so, each once, whether or
 * not they still show in a comparison: with the open ones of the
 * comparison they make the whole ("3 open of 6").
 *
 * Returns: how many
 */
guint
mg_review_session_count_resolved (MgReviewSession *self,
                                  MgDocument      *document)
{
  guint n = 0;

  g_return_val_if_fail (MG_IS_REVIEW_SESSION (self), 0);

  for (guint i = 0; i < self->records->len; i++)
    {
      const Record *record = g_ptr_array_index (self->records, i);
      gboolean counted = FALSE;

      if ((document != NULL && record->document != document) || !record_holds (record))
        continue;
      /* A disagreement resolved twice counts once. */
      for (guint j = 0; j < i && !counted; j++)
        {
          const Record *other = g_ptr_array_index (self->records, j);

          counted = record_same (other, record) && record_holds (other);
        }
      if (!counted)
        n++;
    }
  return n;
}

/**
 * mg_review_session_find_open:
 * @document_agreement: a comparison of @document
 * @from: where to start looking
 *
 * Returns: the first disagreement of @document_agreement still open, from
 *   @from on and round to the start, or -1 when none is
 */
int
mg_review_session_find_open (MgReviewSession *self,
                             MgAgreement     *document_agreement,
                             MgDocument      *document,
                             guint            from)
{
  guint n;

  g_return_val_if_fail (MG_IS_REVIEW_SESSION (self), -1);
  g_return_val_if_fail (MG_IS_AGREEMENT (document_agreement), -1);

  n = mg_agreement_get_n_disagreements (document_agreement);
  for (guint i = 0; i < n; i++)
    {
      guint position = (from + i) % n;
      const MgDisagreement *d = mg_agreement_get_disagreement (document_agreement, position);

      if (mg_review_session_get_resolution (self, document, d) == MG_RESOLUTION_NONE)
        return (int) position;
    }
  return -1;
}

/* Where an item starts in the text; a document's codes come first. */
static gint64
item_start (const MgReviewItem *item)
{
  MgAnnotation *span = item->disagreement.a ? item->disagreement.a : item->disagreement.b;

  return span ? (gint64) mg_annotation_get_start (span) : -1;
}

static int
item_compare (gconstpointer x,
              gconstpointer y)
{
  const MgReviewItem *i = *(const MgReviewItem * const *) x;
  const MgReviewItem *j = *(const MgReviewItem * const *) y;
  gint64 ps = item_start (i), qs = item_start (j);

  if (ps != qs)
    return ps < qs ? -1 : 1;
  return i->position < j->position ? -1 : i->position > j->position;
}

/* Whether @record was counted already, by an earlier one of the same spans
 * or by a disagreement the comparison shows. */
static gboolean
record_listed (MgReviewSession *self,
               guint            index,
               MgAgreement     *document_agreement)
{
  const Record *record = g_ptr_array_index (self->records, index);
  guint n = mg_agreement_get_n_disagreements (document_agreement);

  for (guint j = 0; j < n; j++)
    if (record_names (record, mg_agreement_get_disagreement (document_agreement, j)))
      return TRUE;
  for (guint j = 0; j < index; j++)
    {
      const Record *other = g_ptr_array_index (self->records, j);

      if (record_same (other, record) && record_holds (other))
        return TRUE;
    }
  return FALSE;
}

/**
 * mg_review_session_list:
 * @document_agreement: a comparison of @document from
 *   mg_review_session_compare_document()
 * @document: one of your documents
 *
 * What a review shows of @document: every disagreement the comparison
 * shows, open or resolved, and the resolved ones it no longer shows (their
 * spans as they were, @position -1), in the order of the text. Open items
 * against the length are the progress: "2 open of 6".
 *
 * Returns: (transfer container) (element-type MgReviewItem): the items,
 *   valid while @document_agreement and the session are
 */
GPtrArray *
mg_review_session_list (MgReviewSession *self,
                        MgAgreement     *document_agreement,
                        MgDocument      *document)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (MG_IS_REVIEW_SESSION (self), items);
  g_return_val_if_fail (MG_IS_AGREEMENT (document_agreement), items);

  for (guint i = 0; i < mg_agreement_get_n_disagreements (document_agreement); i++)
    {
      MgReviewItem *item = g_new0 (MgReviewItem, 1);

      item->disagreement = *mg_agreement_get_disagreement (document_agreement, i);
      item->position = (int) i;
      item->how = mg_review_session_get_resolution (self, document, &item->disagreement);
      g_ptr_array_add (items, item);
    }
  for (guint i = 0; i < self->records->len; i++)
    {
      const Record *record = g_ptr_array_index (self->records, i);
      MgReviewItem *item;

      if (record->document != document || !record_holds (record) ||
          record_listed (self, i, document_agreement))
        continue;
      item = g_new0 (MgReviewItem, 1);
      item->disagreement = record->shown;
      item->position = -1;
      item->how = mg_review_session_get_resolution (self, document, &record->shown);
      g_ptr_array_add (items, item);
    }
  g_ptr_array_sort (items, item_compare);
  return items;
}

/**
 * mg_review_session_count_open:
 * @agreement: a comparison from mg_review_session_compare() or
 *   mg_review_session_compare_document()
 *
 * How many disagreements of each of your documents @agreement shows and
 * no resolution settles: what is left to review, document by document.
 *
 * Returns: (transfer full) (element-type MgDocument guint): your documents
 *   with open disagreements, each to how many (GUINT_TO_POINTER)
 */
GHashTable *
mg_review_session_count_open (MgReviewSession *self,
                              MgAgreement     *agreement)
{
  GHashTable *open = g_hash_table_new (g_direct_hash, g_direct_equal);

  g_return_val_if_fail (MG_IS_REVIEW_SESSION (self), open);
  g_return_val_if_fail (MG_IS_AGREEMENT (agreement), open);

  for (guint i = 0; i < mg_agreement_get_n_disagreements (agreement); i++)
    {
      const MgDisagreement *d = mg_agreement_get_disagreement (agreement, i);
      MgDocument *document = mg_agreement_get_document (agreement, d->document, 0);
      guint n;

      if (mg_review_session_get_resolution (self, document, d) != MG_RESOLUTION_NONE)
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (open, document));
      g_hash_table_insert (open, document, GUINT_TO_POINTER (n + 1));
    }
  return open;
}
