/* mg-history.c
 *
 * Every edit of a dataset the window makes goes through the history, which
 * makes it through the store (or the dataset) and keeps a step that can
 * take it back and make it again. A step holds references to the objects it
 * touched and the few values it replaced, never a copy of a document, so
 * memory grows with the number of edits and not with the size of the work.
 *
 * Undo puts back the `modified` timestamp the store had overwritten, so that
 * undoing every step since a save gives a dataset byte for byte the same as
 * the saved one.
 *
 * Each recorded state is named by a serial number: that of the step on top
 * of the undo stack. The history is modified when the current serial differs
 * from the one noted at the last save.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-history"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-document-status-private.h"
#include "mg-error.h"
#include "mg-history.h"
#include "mg-scheme.h"

/* No state has this serial: the saved state can no longer be reached. */
#define UNREACHABLE G_MAXUINT64

typedef enum
{
  STEP_GROUP,
  /* From here to STEP_REMOVE_RELATION: edits of a document's annotations. */
  STEP_ADD_ANNOTATION,
  STEP_REMOVE_ANNOTATION,
  STEP_SET_LABEL,
  STEP_SET_RANGE,
  STEP_SET_NOTE,
  STEP_SET_ATTRIBUTES,
  STEP_ADD_RELATION,
  STEP_REMOVE_RELATION,
  STEP_ADD_DOCUMENT,
  STEP_REMOVE_DOCUMENT,
  STEP_MOVE_DOCUMENT,
  STEP_SET_TITLE,
  STEP_SET_EXTRA,
  STEP_SET_SCHEME,
  STEP_SET_LABELS,
  STEP_MARK,
} StepKind;

typedef struct
{
  StepKind      kind;
  guint64       serial;
  MgDocument   *document;
  MgLabel      *label;            /* whose scheme members a step set */
  MgAnnotation *annotation;
  MgRelation   *relation;
  GPtrArray    *relations;        /* removed with an annotation, in list order */
  GArray       *positions;        /* of guint: where each of them was */
  GPtrArray    *children;         /* of Step, for a group */
  JsonObject   *extra_before;     /* a document's or a span's unknown members */
  JsonObject   *extra_after;
  char         *before;           /* label, note or title */
  char         *after;
  char         *modified_before;
  char         *modified_after;
  guint         start_before;
  guint         end_before;
  guint         start_after;
  guint         end_after;
  guint         position;         /* of a relation or a document */
  guint         position_before;  /* of a moved document */
  MgLabelSet   *labels_before;    /* the dataset's labels, replaced */
  MgLabelSet   *labels_after;
} Step;

struct _MgHistory
{
  GObject parent_instance;

  /* Owned */
  MgDataset *dataset;
  GPtrArray *undo;        /* of Step, oldest first */
  GPtrArray *redo;        /* of Step, next to redo last */
  Step      *group;       /* open group, or NULL */
  GPtrArray *held;        /* of MgAnnotationStore whose ::changed the group holds */

  /* Borrowed: the note step that a further edit of the same note joins */
  Step      *last_note;

  guint64    serial;      /* last serial given */
  guint64    saved;       /* serial of the saved state */
  guint      depth;       /* of nested begin_group() */

  guint      can_undo : 1;
  guint      can_redo : 1;
  guint      modified : 1;
  guint      start_documents : 1;
};

G_DEFINE_FINAL_TYPE (MgHistory, mg_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
step_free (Step *step)
{
  g_clear_object (&step->document);
  g_clear_object (&step->label);
  g_clear_object (&step->annotation);
  g_clear_object (&step->relation);
  g_clear_object (&step->labels_before);
  g_clear_object (&step->labels_after);
  g_clear_pointer (&step->relations, g_ptr_array_unref);
  g_clear_pointer (&step->positions, g_array_unref);
  g_clear_pointer (&step->children, g_ptr_array_unref);
  g_clear_pointer (&step->extra_before, json_object_unref);
  g_clear_pointer (&step->extra_after, json_object_unref);
  g_free (step->before);
  g_free (step->after);
  g_free (step->modified_before);
  g_free (step->modified_after);
  g_free (step);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Step, step_free)

static Step *
step_new (StepKind    kind,
          MgDocument *document)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  step->document = document ? g_object_ref (document) : NULL;

  return step;
}

static guint64
current_serial (MgHistory *self)
{
  if (self->group != NULL && self->group->children->len > 0)
    return self->group->serial;
  if (self->undo->len > 0)
    return ((Step *)g_ptr_array_index (self->undo, self->undo->len - 1))->serial;
  return 0;
}

/* Notifies the properties whose value really changed, then ::changed. */
static void
update_state (MgHistory *self,
              gboolean   emit_changed)
{
  gboolean can_undo = self->undo->len > 0;
  gboolean can_redo = self->redo->len > 0;
  gboolean modified = current_serial (self) != self->saved;

  g_object_freeze_notify (G_OBJECT (self));
  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  if (emit_changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
clear_redo (MgHistory *self)
{
  for (guint i = 0; i < self->redo->len; i++)
    if (((Step *)g_ptr_array_index (self->redo, i))->serial == self->saved)
      self->saved = UNREACHABLE;
  g_ptr_array_set_size (self->redo, 0);
}

/* Whether @step edits a document's spans or relations. */
static gboolean
edits_spans (Step *step)
{
  return step->document != NULL && step->kind >= STEP_ADD_ANNOTATION && step->kind <= STEP_REMOVE_RELATION;
}

/* The first edit of the annotations of a document to do marks it in
 * progress, as a person would expect, in the same undo step as the edit
 * (see mg_history_set_start_documents()). Returns that second step, made. */
static Step *
start_document (MgHistory *self,
                Step      *step)
{
  g_autoptr(JsonObject) extra = NULL;
  Step *started;

  if (!self->start_documents || !edits_spans (step) ||
      mg_document_status_get (step->document) != MG_DOCUMENT_STATUS_TO_DO)
    return NULL;

  extra = _mg_document_status_extra (step->document, MG_DOCUMENT_STATUS_IN_PROGRESS);
  started = step_new (STEP_SET_EXTRA, step->document);
  started->extra_before = mg_document_get_extra (step->document)
                            ? json_object_ref (mg_document_get_extra (step->document)) : NULL;
  started->extra_after = json_object_ref (extra);
  mg_document_set_extra (step->document, extra);
  return started;
}

/* A group's edits of a document's spans after the first hold its store's
 * ::changed, emitted once when the group ends (see
 * mg_annotation_store_hold_changes()). */
static void
hold_store (GPtrArray *held,
            Step      *step)
{
  MgAnnotationStore *store;

  if (!edits_spans (step))
    return;
  store = mg_document_get_store (step->document);
  if (g_ptr_array_find (held, store, NULL))
    return;
  mg_annotation_store_hold_changes (store);
  g_ptr_array_add (held, g_object_ref (store));
}

static void
release_stores (GPtrArray *held)
{
  for (guint i = 0; i < held->len; i++)
    mg_annotation_store_release_changes (g_ptr_array_index (held, i));
  g_ptr_array_set_size (held, 0);
}

/* Keeps @step, an edit just made, as an undo step of its own or as part
 * of the open group. */
static void
record (MgHistory *self,
        Step      *step)
{
  Step *started;

  clear_redo (self);
  started = start_document (self, step);

  if (self->group != NULL)
    {
      hold_store (self->held, step);
      /* Saved in the middle of a group: undo can never return there. */
      if (self->group->children->len > 0 && self->saved == self->group->serial)
        self->saved = UNREACHABLE;
      g_ptr_array_add (self->group->children, step);
      if (started != NULL)
        g_ptr_array_add (self->group->children, started);
    }
  else if (started != NULL)
    {
      Step *group = step_new (STEP_GROUP, NULL);

      group->children = g_ptr_array_new_with_free_func ((GDestroyNotify)step_free);
      g_ptr_array_add (group->children, step);
      g_ptr_array_add (group->children, started);
      group->serial = ++self->serial;
      g_ptr_array_add (self->undo, group);
    }
  else
    {
      step->serial = ++self->serial;
      g_ptr_array_add (self->undo, step);
    }

  self->last_note = step->kind == STEP_SET_NOTE ? step : NULL;
  /* A group's edits tell ::changed once, when it ends: Tag All's thousands
   * of spans must not have every listener (the title, the scheme, the
   * suggestions) look again thousands of times. */
  update_state (self, self->group == NULL);
}

static void
mg_history_finalize (GObject *object)
{
  MgHistory *self = (MgHistory *)object;

  g_clear_pointer (&self->group, step_free);
  release_stores (self->held);
  g_clear_pointer (&self->held, g_ptr_array_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (mg_history_parent_class)->finalize (object);
}

static void
mg_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MgHistory *self = MG_HISTORY (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_history_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MgHistory *self = MG_HISTORY (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      self->dataset = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_history_class_init (MgHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mg_history_finalize;
  object_class->get_property = mg_history_get_property;
  object_class->set_property = mg_history_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, MG_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MgHistory::changed:
   *
   * Emitted after every edit made through the history, and after every
   * undo and redo; the edits of a group (mg_history_begin_group()) emit
   * it once, when the group ends.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
mg_history_init (MgHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify)step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify)step_free);
  self->held = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * mg_history_new:
 * @dataset: the dataset whose edits to record
 *
 * Returns: (transfer full): a new, empty, unmodified history
 */
MgHistory *
mg_history_new (MgDataset *dataset)
{
  g_return_val_if_fail (MG_IS_DATASET (dataset), NULL);

  return g_object_new (MG_TYPE_HISTORY, "dataset", dataset, NULL);
}

/**
 * mg_history_get_dataset:
 *
 * Returns: (transfer none): the dataset
 */
MgDataset *
mg_history_get_dataset (MgHistory *self)
{
  g_return_val_if_fail (MG_IS_HISTORY (self), NULL);
  return self->dataset;
}

static gboolean
in_store (MgAnnotationStore *store,
          MgAnnotation      *annotation)
{
  return MG_IS_ANNOTATION (annotation) &&
         mg_annotation_store_get_position (store, annotation) != G_MAXUINT;
}

static guint
relation_position (MgAnnotationStore *store,
                   MgRelation        *relation)
{
  guint n = mg_annotation_store_get_n_relations (store);

  for (guint i = 0; i < n; i++)
    if (mg_annotation_store_get_relation (store, i) == relation)
      return i;
  return G_MAXUINT;
}

/**
 * mg_history_add_annotation:
 * @annotation: an annotation in no store; the store gives it an id, text
 *   and times as mg_annotation_store_add() does
 *
 * Returns: %TRUE when added; %FALSE, with @error set and nothing recorded,
 *   when the store refuses it
 */
gboolean
mg_history_add_annotation (MgHistory     *self,
                           MgDocument    *document,
                           MgAnnotation  *annotation,
                           GError       **error)
{
  Step *step;

  g_return_val_if_fail (MG_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (MG_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (MG_IS_ANNOTATION (annotation), FALSE);

  if (!mg_annotation_store_add (mg_document_get_store (document), annotation, error))
    return FALSE;

  step = step_new (STEP_ADD_ANNOTATION, document);
  step->annotation = g_object_ref (annotation);
  record (self, step);

  return TRUE;
}

/**
 * mg_history_remove_annotation:
 *
 * Removes @annotation and the relations that start or end at it; undo puts
 * back all of them, with their ids and in their places.
 */
void
mg_history_remove_annotation (MgHistory    *self,
                              MgDocument   *document,
                              MgAnnotation *annotation)
{
  MgAnnotationStore *store;
  Step *step;

  g_return_if_fail (MG_IS_HISTORY (self));
  g_return_if_fail (MG_IS_DOCUMENT (document));

  store = mg_document_get_store (document);
  g_return_if_fail (in_store (store, annotation));

  step = step_new (STEP_REMOVE_ANNOTATION, document);
  step->annotation = g_object_ref (annotation);
  step->relations = mg_annotation_store_relations_of (store, annotation);
  step->positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), step->relations->len);
  for (guint i = 0; i < step->relations->len; i++)
    {
      guint pos = relation_position (store, g_ptr_array_index (step->relations, i));

      g_array_append_val (step->positions, pos);
    }

  mg_annotation_store_remove (store, annotation);
  record (self, step);
}

/* Notes what an edit of @annotation through the store is about to change. */
static Step *
begin_edit (StepKind      kind,
            MgDocument   *document,
            MgAnnotation *annotation)
{
  Step *step = step_new (kind, document);

  step->annotation = g_object_ref (annotation);
  step->modified_before = g_strdup (mg_annotation_get_modified (annotation));
  step->start_before = mg_annotation_get_start (annotation);
  step->end_before = mg_annotation_get_end (annotation);

  return step;
}

/**
 * mg_history_set_label:
 *
 * Returns: %FALSE, with @error set and nothing recorded, when the span
 *   already has an annotation with @label
 */
gboolean
mg_history_set_label (MgHistory     *self,
                      MgDocument    *document,
                      MgAnnotation  *annotation,
                      const char    *label,
                      GError       **error)
{
  MgAnnotationStore *store;
  g_autoptr(Step) step = NULL;

  g_return_val_if_fail (MG_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (MG_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  store = mg_document_get_store (document);
  g_return_val_if_fail (in_store (store, annotation), FALSE);

  if (g_strcmp0 (mg_annotation_get_label (annotation), label) == 0)
    return TRUE;

  step = begin_edit (STEP_SET_LABEL, document, annotation);
  step->before = g_strdup (mg_annotation_get_label (annotation));
  step->after = g_strdup (label);
  if (!mg_annotation_store_set_label (store, annotation, label, error))
    return FALSE;
  step->modified_after = g_strdup (mg_annotation_get_modified (annotation));
  record (self, g_steal_pointer (&step));

  return TRUE;
}

/**
 * mg_history_set_range:
 *
 * Moves the boundaries of @annotation.
 *
 * Returns: %FALSE, with @error set and nothing recorded, when the store
 *   refuses the range
 */
gboolean
mg_history_set_range (MgHistory     *self,
                      MgDocument    *document,
                      MgAnnotation  *annotation,
                      guint          start,
                      guint          end,
                      GError       **error)
{
  MgAnnotationStore *store;
  g_autoptr(Step) step = NULL;

  g_return_val_if_fail (MG_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (MG_IS_DOCUMENT (document), FALSE);

  store = mg_document_get_store (document);
  g_return_val_if_fail (in_store (store, annotation), FALSE);

  if (mg_annotation_get_start (annotation) == start && mg_annotation_get_end (annotation) == end)
    return TRUE;

  step = begin_edit (STEP_SET_RANGE, document, annotation);
  step->start_after = start;
  step->end_after = end;
  if (!mg_annotation_store_set_range (store, annotation, start, end, error))
    return FALSE;
  step->modified_after = g_strdup (mg_annotation_get_modified (annotation));
  record (self, g_steal_pointer (&step));

  return TRUE;
}

/**
 * mg_history_set_note:
 * @note: (nullable): the new note; %NULL is the empty note
 *
 * Consecutive changes to the note of one annotation make one undo step, so
 * that undo takes back a whole typed note rather than its last key.
 */
void
mg_history_set_note (MgHistory    *self,
                     MgDocument   *document,
                     MgAnnotation *annotation,
                     const char   *note)
{
  MgAnnotationStore *store;
  Step *step;

  g_return_if_fail (MG_IS_HISTORY (self));
  g_return_if_fail (MG_IS_DOCUMENT (document));

  store = mg_document_get_store (document);
  g_return_if_fail (in_store (store, annotation));

  if (note == NULL)
    note = "";
  if (g_strcmp0 (mg_annotation_get_note (annotation), note) == 0)
    return;

  step = self->last_note;
  if (step != NULL && step->annotation == annotation && step->document == document)
    {
      mg_annotation_store_set_note (store, annotation, note);
      g_free (step->after);
      step->after = g_strdup (note);
      g_free (step->modified_after);
      step->modified_after = g_strdup (mg_annotation_get_modified (annotation));

      /* The state changed under the same serial: if that serial was saved,
       * the saved state is gone. */
      if (current_serial (self) == self->saved)
        self->saved = UNREACHABLE;
      update_state (self, self->group == NULL);
      return;
    }

  step = begin_edit (STEP_SET_NOTE, document, annotation);
  step->before = g_strdup (mg_annotation_get_note (annotation));
  step->after = g_strdup (note);
  mg_annotation_store_set_note (store, annotation, note);
  step->modified_after = g_strdup (mg_annotation_get_modified (annotation));
  record (self, step);
}

/**
 * mg_history_add_relation:
 * @relation: a relation in no store; the store gives it an id when it has
 *   none
 *
 * Returns: %FALSE, with @error set and nothing recorded, when the store
 *   refuses it
 */
gboolean
mg_history_add_relation (MgHistory   *self,
                         MgDocument  *document,
                         MgRelation  *relation,
                         GError     **error)
{
  MgAnnotationStore *store;
  Step *step;

  g_return_val_if_fail (MG_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (MG_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (MG_IS_RELATION (relation), FALSE);

  store = mg_document_get_store (document);
  if (!mg_annotation_store_add_relation (store, relation, error))
    return FALSE;

  step = step_new (STEP_ADD_RELATION, document);
  step->relation = g_object_ref (relation);
  step->position = mg_annotation_store_get_n_relations (store) - 1;
  record (self, step);

  return TRUE;
}

/**
 * mg_history_remove_relation:
 *
 * Removes @relation; undo puts it back at its place in the list.
 */
void
mg_history_remove_relation (MgHistory  *self,
                            MgDocument *document,
                            MgRelation *relation)
{
  MgAnnotationStore *store;
  Step *step;
  guint pos;

  g_return_if_fail (MG_IS_HISTORY (self));
  g_return_if_fail (MG_IS_DOCUMENT (document));
  g_return_if_fail (MG_IS_RELATION (relation));

  store = mg_document_get_store (document);
  pos = relation_position (store, relation);
  g_return_if_fail (pos != G_MAXUINT);

  step = step_new (STEP_REMOVE_RELATION, document);
  step->relation = g_object_ref (relation);
  step->position = pos;
  mg_annotation_store_remove_relation (store, relation);
  record (self, step);
}

/**
 * mg_history_set_attribution:
 * @annotation: a quote or claim of @document
 * @actor: (nullable): the annotation of @document to attribute it to, or
 *   %NULL to attribute it to no one
 *
 * Replaces the "attributed-to" relations starting at @annotation with one
 * pointing to @actor, as one undo step. Which labels may be attributed is
 * the window's business; the history only insists on one document.
 *
 * Returns: %FALSE, with @error set and nothing recorded, when @actor is not
 *   an annotation of @document
 */
gboolean
mg_history_set_attribution (MgHistory     *self,
                            MgDocument    *document,
                            MgAnnotation  *annotation,
                            MgAnnotation  *actor,
                            GError       **error)
{
  MgAnnotationStore *store;
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  const char *id;

  g_return_val_if_fail (MG_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (MG_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (actor == NULL || MG_IS_ANNOTATION (actor), FALSE);

  store = mg_document_get_store (document);
  g_return_val_if_fail (in_store (store, annotation), FALSE);

  if (actor != NULL && !in_store (store, actor))
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("“%s” is not an annotation of this document"),
                   mg_annotation_get_text (actor));
      return FALSE;
    }

  id = mg_annotation_get_id (annotation);
  old = g_ptr_array_new_with_free_func (g_object_unref);
  relations = mg_annotation_store_relations_of (store, annotation);
  for (guint i = 0; i < relations->len; i++)
    {
      MgRelation *r = g_ptr_array_index (relations, i);

      if (g_strcmp0 (mg_relation_get_kind (r), MG_RELATION_ATTRIBUTED_TO) == 0 &&
          g_strcmp0 (mg_relation_get_from (r), id) == 0)
        g_ptr_array_add (old, g_object_ref (r));
    }

  /* Already so: record nothing. */
  if (actor == NULL && old->len == 0)
    return TRUE;
  if (actor != NULL && old->len == 1 &&
      g_strcmp0 (mg_relation_get_to (g_ptr_array_index (old, 0)),
                 mg_annotation_get_id (actor)) == 0)
    return TRUE;

  mg_history_begin_group (self);
  for (guint i = 0; i < old->len; i++)
    mg_history_remove_relation (self, document, g_ptr_array_index (old, i));
  if (actor != NULL)
    {
      g_autoptr(MgRelation) relation =
        mg_relation_new (NULL, MG_RELATION_ATTRIBUTED_TO, id, mg_annotation_get_id (actor));

      /* Both ends were checked above, and the store makes a fresh id. */
      if (!mg_history_add_relation (self, document, relation, error))
        g_assert_not_reached ();
    }
  mg_history_end_group (self);

  return TRUE;
}

/**
 * mg_history_add_document:
 * @document: a document whose id no document of the dataset has
 *
 * Appends @document to the dataset.
 */
void
mg_history_add_document (MgHistory  *self,
                         MgDocument *document)
{
  Step *step;

  g_return_if_fail (MG_IS_HISTORY (self));
  g_return_if_fail (MG_IS_DOCUMENT (document));
  g_return_if_fail (mg_dataset_lookup_document (self->dataset, mg_document_get_id (document)) == NULL);

  step = step_new (STEP_ADD_DOCUMENT, document);
  step->position = mg_dataset_get_n_documents (self->dataset);
  mg_dataset_insert_document (self->dataset, step->position, document);
  record (self, step);
}

/**
 * mg_history_remove_document:
 *
 * Removes @document from the dataset; undo puts it back at its position.
 */
void
mg_history_remove_document (MgHistory  *self,
                            MgDocument *document)
{
  Step *step;
  int pos;

  g_return_if_fail (MG_IS_HISTORY (self));
  g_return_if_fail (MG_IS_DOCUMENT (document));

  pos = mg_dataset_index_of (self->dataset, document);
  g_return_if_fail (pos >= 0);

  step = step_new (STEP_REMOVE_DOCUMENT, document);
  step->position = (guint)pos;
  mg_dataset_remove_document (self->dataset, document);
  record (self, step);
}

/**
 * mg_history_move_document:
 * @position: where @document goes, counted in the dataset as it is without
 *   it; clamped to the last place
 *
 * Moves @document to @position among the documents, which is where the
 * dataset writes it; undo puts it back. A move to where it is records
 * nothing.
 */
void
mg_history_move_document (MgHistory  *self,
                          MgDocument *document,
                          guint       position)
{
  Step *step;
  int pos;

  g_return_if_fail (MG_IS_HISTORY (self));
  g_return_if_fail (MG_IS_DOCUMENT (document));

  pos = mg_dataset_index_of (self->dataset, document);
  g_return_if_fail (pos >= 0);

  position = MIN (position, mg_dataset_get_n_documents (self->dataset) - 1);
  if ((guint)pos == position)
    return;

  step = step_new (STEP_MOVE_DOCUMENT, document);
  step->position_before = (guint)pos;
  step->position = position;
  mg_dataset_move_document (self->dataset, document, position);
  record (self, step);
}

/**
 * mg_history_set_title:
 * @title: (nullable): the new title; %NULL or empty leaves the document
 *   untitled, shown by its id
 *
 * Renames @document, as one step however long the title. Setting the title
 * it has records nothing.
 */
void
mg_history_set_title (MgHistory  *self,
                      MgDocument *document,
                      const char *title)
{
  Step *step;

  g_return_if_fail (MG_IS_HISTORY (self));
  g_return_if_fail (MG_IS_DOCUMENT (document));

  /* No title reads as "", as the file writes it: the two are one title. */
  if (g_strcmp0 (mg_document_get_title (document), title ? title : "") == 0)
    return;

  step = step_new (STEP_SET_TITLE, document);
  step->before = g_strdup (mg_document_get_title (document));
  step->after = g_strdup (title);
  mg_document_set_title (document, title);
  record (self, step);
}

/**
 * mg_history_set_extra:
 * @extra: (nullable): the document's new unknown members; not changed
 *   afterwards, as undo puts back the object itself
 *
 * Replaces the members of @document this version of the format does not
 * read, such as the conflicts a merge marked in it.
 */
void
mg_history_set_extra (MgHistory  *self,
                      MgDocument *document,
                      JsonObject *extra)
{
  JsonObject *before;
  Step *step;

  g_return_if_fail (MG_IS_HISTORY (self));
  g_return_if_fail (MG_IS_DOCUMENT (document));

  before = mg_document_get_extra (document);
  if (before == extra)
    return;

  step = step_new (STEP_SET_EXTRA, document);
  step->extra_before = before ? json_object_ref (before) : NULL;
  step->extra_after = extra ? json_object_ref (extra) : NULL;
  mg_document_set_extra (document, extra);
  record (self, step);
}

static gboolean
same_value (JsonNode *a,
            JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

/**
 * mg_history_set_attribute:
 * @id: the attribute, as the scheme names it
 * @value: (nullable): its new value (a string, or true or false), or %NULL
 *   to remove it
 *
 * Sets one attribute of a span, as a step of its own. The scheme is not
 * asked: offering only what it allows is for the caller
 * (mg_scheme_get_attributes()), and `validate` names what it refuses.
 */
void
mg_history_set_attribute (MgHistory    *self,
                          MgDocument   *document,
                          MgAnnotation *annotation,
                          const char   *id,
                          JsonNode     *value)
{
  MgAnnotationStore *store;
  Step *step;

  g_return_if_fail (MG_IS_HISTORY (self));
  g_return_if_fail (MG_IS_DOCUMENT (document));
  g_return_if_fail (id != NULL);

  store = mg_document_get_store (document);
  g_return_if_fail (in_store (store, annotation));

  if (same_value (mg_annotation_get_attribute (annotation, id), value))
    return;

  step = begin_edit (STEP_SET_ATTRIBUTES, document, annotation);
  step->extra_before = mg_annotation_get_extra (annotation);
  if (step->extra_before != NULL)
    json_object_ref (step->extra_before);
  step->extra_after = mg_extra_with_value (step->extra_before, "attributes", id, value);
  mg_annotation_store_set_extra (store, annotation, step->extra_after);
  step->modified_after = g_strdup (mg_annotation_get_modified (annotation));
  record (self, step);
}

/**
 * mg_history_set_code:
 * @id: the document code, as the scheme names it
 * @value: (nullable): its new value, or %NULL to remove it
 *
 * Sets one code of a whole document (its "codes" member), as a step of
 * its own.
 */
void
mg_history_set_code (MgHistory  *self,
                     MgDocument *document,
                     const char *id,
                     JsonNode   *value)
{
  g_autoptr(JsonObject) extra = NULL;

  g_return_if_fail (MG_IS_HISTORY (self));
  g_return_if_fail (MG_IS_DOCUMENT (document));
  g_return_if_fail (id != NULL);

  if (same_value (mg_document_get_code (document, id), value))
    return;
  extra = mg_extra_with_value (mg_document_get_extra (document), "codes", id, value);
  mg_history_set_extra (self, document, extra);
}

/* A copy of @extra with @member set to @value, or without it for %NULL;
 * %NULL when nothing is left. */
static JsonObject *
extra_with_member (JsonObject *extra,
                   const char *member,
                   JsonNode   *value)
{
  g_autoptr(JsonObject) copy = json_object_new ();
  g_autoptr(GList) members = extra ? json_object_get_members (extra) : NULL;

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, member))
      json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (extra, l->data)));
  if (value != NULL)
    json_object_set_member (copy, member, json_node_copy (value));
  return json_object_get_size (copy) > 0 ? g_steal_pointer (&copy) : NULL;
}

/**
 * mg_history_set_scheme_member:
 * @label: (nullable): a label of the dataset, or %NULL for the dataset
 * @member: what to set: of a label "definition", "examples" or
 *   "attributes", of the dataset "relation_types" or "document_codes"
 *   (see README.md, "The dataset format")
 * @value: (nullable): the member's new value, or %NULL to remove it
 *
 * Changes the coding scheme as one step, for an editor of schemes: the
 * scheme lives in the unknown members of the labels and the dataset, and
 * mg_scheme_new_from_dataset() reads it again after the step (or its
 * undo), whose ::changed says when. Spans and documents whose values the
 * new scheme refuses keep them; `validate` names them, and
 * mg_scheme_apply() says what a change would drop.
 *
 * Undo and redo of such a step return no document.
 */
void
mg_history_set_scheme_member (MgHistory  *self,
                              MgLabel    *label,
                              const char *member,
                              JsonNode   *value)
{
  JsonObject *before;
  JsonNode *old;
  Step *step;

  g_return_if_fail (MG_IS_HISTORY (self));
  g_return_if_fail (label == NULL || MG_IS_LABEL (label));
  g_return_if_fail (member != NULL);

  before = label ? mg_label_get_extra (label) : mg_dataset_get_extra (self->dataset);
  old = before ? json_object_get_member (before, member) : NULL;
  if (same_value (old, value))
    return;

  step = step_new (STEP_SET_SCHEME, NULL);
  step->label = label ? g_object_ref (label) : NULL;
  step->extra_before = before ? json_object_ref (before) : NULL;
  step->extra_after = extra_with_member (before, member, value);
  if (label != NULL)
    mg_label_set_extra (label, step->extra_after);
  else
    mg_dataset_set_extra (self->dataset, step->extra_after);
  record (self, step);
}

/**
 * mg_history_set_start_documents:
 * @start: whether the first edit of a document to do marks it in progress
 *
 * When on, an edit of the annotations or relations of a document whose
 * status is to do also sets its status to in progress, in the same undo
 * step (see mg-document-status.h). Off for a new history.
 */
void
mg_history_set_start_documents (MgHistory *self,
                                gboolean   start)
{
  g_return_if_fail (MG_IS_HISTORY (self));
  self->start_documents = !!start;
}

/**
 * mg_history_set_labels:
 * @labels: the dataset's new labels: added, renamed, recoloured, rekeyed,
 *   reordered or removed
 *
 * Replaces the dataset's label set as one step, for the scheme editor. A
 * label that changes is a new #MgLabel in @labels; the set it replaces is
 * kept whole, so undoing this step before older ones gives those steps
 * back the very labels they changed. Spans of a label removed are the
 * caller's to remove first, in the same group.
 *
 * Undo and redo of such a step return no document.
 */
void
mg_history_set_labels (MgHistory  *self,
                       MgLabelSet *labels)
{
  Step *step;

  g_return_if_fail (MG_IS_HISTORY (self));
  g_return_if_fail (MG_IS_LABEL_SET (labels));

  if (labels == mg_dataset_get_labels (self->dataset))
    return;
  step = step_new (STEP_SET_LABELS, NULL);
  step->labels_before = g_object_ref (mg_dataset_get_labels (self->dataset));
  step->labels_after = g_object_ref (labels);
  mg_dataset_set_labels (self->dataset, labels);
  record (self, step);
}

/**
 * mg_history_add_mark:
 * @document: the document the decision is about
 *
 * Records a step that changes no data: a decision the person made, such
 * as keeping a span as it is in review, which undo then takes back like
 * any edit. Whether it still stands is mg_history_is_done() of the state
 * it made.
 */
void
mg_history_add_mark (MgHistory  *self,
                     MgDocument *document)
{
  g_return_if_fail (MG_IS_HISTORY (self));
  g_return_if_fail (MG_IS_DOCUMENT (document));

  record (self, step_new (STEP_MARK, document));
}

/**
 * mg_history_get_state:
 *
 * Returns: the serial of the current state: that of the last step done (of
 *   the open group while one is open), 0 before any
 */
guint64
mg_history_get_state (MgHistory *self)
{
  g_return_val_if_fail (MG_IS_HISTORY (self), 0);
  if (self->group != NULL)
    return self->group->serial;
  return current_serial (self);
}

/**
 * mg_history_is_done:
 * @state: a serial from mg_history_get_state()
 *
 * Returns: whether the step that made @state is done: on the undo stack,
 *   not undone (or redone since)
 */
gboolean
mg_history_is_done (MgHistory *self,
                    guint64    state)
{
  guint lo = 0, hi;

  g_return_val_if_fail (MG_IS_HISTORY (self), FALSE);

  if (state == 0 || (self->group != NULL && state == self->group->serial))
    return TRUE;
  /* Serials only grow from the bottom of the undo stack to its top. */
  hi = self->undo->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint64 serial = ((Step *)g_ptr_array_index (self->undo, mid))->serial;

      if (serial == state)
        return TRUE;
      if (serial < state)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

/**
 * mg_history_begin_group:
 *
 * Makes the edits until the matching mg_history_end_group() one undo step.
 * Groups nest; only the outermost one counts.
 */
void
mg_history_begin_group (MgHistory *self)
{
  g_return_if_fail (MG_IS_HISTORY (self));

  if (self->depth++ > 0)
    return;

  self->group = step_new (STEP_GROUP, NULL);
  self->group->children = g_ptr_array_new_with_free_func ((GDestroyNotify)step_free);
  self->group->serial = ++self->serial;
  self->last_note = NULL;
}

/**
 * mg_history_end_group:
 *
 * Closes the group opened by the matching mg_history_begin_group(). The
 * outermost one becomes an undo step, unless no edit was made in it.
 */
void
mg_history_end_group (MgHistory *self)
{
  Step *group;

  g_return_if_fail (MG_IS_HISTORY (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    return;

  group = g_steal_pointer (&self->group);
  self->last_note = NULL;
  release_stores (self->held);
  if (group->children->len == 0)
    {
      step_free (group);
      return;
    }

  /* Its edits already cleared the redo stack. */
  g_ptr_array_add (self->undo, group);
  update_state (self, TRUE);
}

/**
 * mg_history_can_undo:
 *
 * Returns: whether there is a step to undo (#MgHistory:can-undo)
 */
gboolean
mg_history_can_undo (MgHistory *self)
{
  g_return_val_if_fail (MG_IS_HISTORY (self), FALSE);
  return self->can_undo;
}

/**
 * mg_history_can_redo:
 *
 * Returns: whether there is an undone step to redo (#MgHistory:can-redo)
 */
gboolean
mg_history_can_redo (MgHistory *self)
{
  g_return_val_if_fail (MG_IS_HISTORY (self), FALSE);
  return self->can_redo;
}

/* Takes a pointer to the error: it is read after the call it reports on,
 * whatever order the arguments are evaluated in. */
static void
warn_unless (gboolean  ok,
             GError  **error)
{
  /* The stacks mirror the data exactly, so the store refuses nothing
   * here unless something changed it behind the history's back. */
  if (!ok)
    g_warning ("Cannot replay an edit: %s", *error ? (*error)->message : "?");
}

static void
put_back_relations (MgAnnotationStore *store,
                    Step              *step)
{
  for (guint i = 0; i < step->relations->len; i++)
    {
      g_autoptr(GError) error = NULL;

      warn_unless (mg_annotation_store_insert_relation (store,
                                                        g_array_index (step->positions, guint, i),
                                                        g_ptr_array_index (step->relations, i),
                                                        &error),
                   &error);
    }
}

static MgDocument *apply (MgHistory *self,
                          Step      *step,
                          gboolean   forward);

/* A group's steps in order, or taken back in reverse. */
static MgDocument *
apply_group (MgHistory *self,
             Step      *step,
             gboolean   forward)
{
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  MgDocument *shown = NULL;
  guint n = step->children->len;

  /* Undone or done again in one go, as it was made. */
  for (guint i = 0; i < n; i++)
    hold_store (held, g_ptr_array_index (step->children, i));
  for (guint i = 0; i < n; i++)
    {
      Step *child = g_ptr_array_index (step->children, forward ? i : n - 1 - i);
      MgDocument *touched = apply (self, child, forward);

      shown = touched ? touched : shown;
    }
  release_stores (held);
  return shown;
}

/* An annotation added or removed, with the relations that went with it. */
static void
apply_annotation (Step              *step,
                  MgAnnotationStore *store,
                  gboolean           adding)
{
  g_autoptr(GError) error = NULL;

  if (!adding)
    {
      mg_annotation_store_remove (store, step->annotation);
      return;
    }
  warn_unless (mg_annotation_store_add (store, step->annotation, &error), &error);
  if (step->relations != NULL)
    put_back_relations (store, step);
}

/* A label, range, note or attributes set to what it was after (@forward) or before. */
static void
apply_edit (Step              *step,
            MgAnnotationStore *store,
            gboolean           forward)
{
  g_autoptr(GError) error = NULL;

  if (step->kind == STEP_SET_LABEL)
    warn_unless (mg_annotation_store_set_label (store, step->annotation,
                                                forward ? step->after : step->before,
                                                &error), &error);
  else if (step->kind == STEP_SET_RANGE)
    warn_unless (mg_annotation_store_set_range (store, step->annotation,
                                                forward ? step->start_after : step->start_before,
                                                forward ? step->end_after : step->end_before,
                                                &error), &error);
  else if (step->kind == STEP_SET_ATTRIBUTES)
    mg_annotation_store_set_extra (store, step->annotation,
                                   forward ? step->extra_after : step->extra_before);
  else
    mg_annotation_store_set_note (store, step->annotation,
                                  forward ? step->after : step->before);

  /* The store stamped the edit with the time of replaying it; put back the
   * stamp the annotation had in the state being returned to. */
  mg_annotation_set_modified (step->annotation,
                              forward ? step->modified_after : step->modified_before);
}

static void
apply_relation (Step              *step,
                MgAnnotationStore *store,
                gboolean           adding)
{
  g_autoptr(GError) error = NULL;

  if (adding)
    warn_unless (mg_annotation_store_insert_relation (store, step->position,
                                                      step->relation, &error), &error);
  else
    mg_annotation_store_remove_relation (store, step->relation);
}

/* Makes (@forward) or takes back one step. Returns the document it touched
 * when that document is in the dataset afterwards. */
static MgDocument *
apply (MgHistory *self,
       Step      *step,
       gboolean   forward)
{
  MgAnnotationStore *store = step->document ? mg_document_get_store (step->document) : NULL;

  switch (step->kind)
    {
    case STEP_GROUP:
      return apply_group (self, step, forward);
    case STEP_ADD_ANNOTATION:
    case STEP_REMOVE_ANNOTATION:
      apply_annotation (step, store, forward == (step->kind == STEP_ADD_ANNOTATION));
      break;
    case STEP_SET_LABEL:
    case STEP_SET_RANGE:
    case STEP_SET_NOTE:
    case STEP_SET_ATTRIBUTES:
      apply_edit (step, store, forward);
      break;
    case STEP_ADD_RELATION:
    case STEP_REMOVE_RELATION:
      apply_relation (step, store, forward == (step->kind == STEP_ADD_RELATION));
      break;
    case STEP_ADD_DOCUMENT:
    case STEP_REMOVE_DOCUMENT:
      if (forward == (step->kind == STEP_ADD_DOCUMENT))
        mg_dataset_insert_document (self->dataset, step->position, step->document);
      else
        mg_dataset_remove_document (self->dataset, step->document);
      break;
    case STEP_MOVE_DOCUMENT:
      mg_dataset_move_document (self->dataset, step->document,
                                forward ? step->position : step->position_before);
      break;
    case STEP_SET_TITLE:
      mg_document_set_title (step->document, forward ? step->after : step->before);
      break;
    case STEP_SET_EXTRA:
      mg_document_set_extra (step->document, forward ? step->extra_after : step->extra_before);
      break;
    case STEP_SET_SCHEME:
      if (step->label != NULL)
        mg_label_set_extra (step->label, forward ? step->extra_after : step->extra_before);
      else
        mg_dataset_set_extra (self->dataset, forward ? step->extra_after : step->extra_before);
      break;
    case STEP_SET_LABELS:
      mg_dataset_set_labels (self->dataset, forward ? step->labels_after : step->labels_before);
      break;
    case STEP_MARK:
      break;
    default:
      g_assert_not_reached ();
    }

  return mg_dataset_index_of (self->dataset, step->document) >= 0 ? step->document : NULL;
}

/**
 * mg_history_undo:
 *
 * Takes back the last step.
 *
 * Returns: (transfer none) (nullable): the document the step touched, for
 *   the window to show, or %NULL when there was nothing to undo or the
 *   document is no longer in the dataset
 */
MgDocument *
mg_history_undo (MgHistory *self)
{
  MgDocument *document;
  Step *step;

  g_return_val_if_fail (MG_IS_HISTORY (self), NULL);
  g_return_val_if_fail (self->depth == 0, NULL);

  if (self->undo->len == 0)
    return NULL;

  step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  g_ptr_array_add (self->redo, step);
  self->last_note = NULL;
  document = apply (self, step, FALSE);
  update_state (self, TRUE);

  return document;
}

/**
 * mg_history_redo:
 *
 * Makes again the last step undone.
 *
 * Returns: (transfer none) (nullable): the document the step touched, or
 *   %NULL when there was nothing to redo or the document is no longer in
 *   the dataset
 */
MgDocument *
mg_history_redo (MgHistory *self)
{
  MgDocument *document;
  Step *step;

  g_return_val_if_fail (MG_IS_HISTORY (self), NULL);
  g_return_val_if_fail (self->depth == 0, NULL);

  if (self->redo->len == 0)
    return NULL;

  step = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  g_ptr_array_add (self->undo, step);
  self->last_note = NULL;
  document = apply (self, step, TRUE);
  update_state (self, TRUE);

  return document;
}

/**
 * mg_history_clear:
 *
 * Forgets every step, for instance after opening another file. Whether the
 * data counts as modified does not change.
 */
void
mg_history_clear (MgHistory *self)
{
  gboolean modified;

  g_return_if_fail (MG_IS_HISTORY (self));
  g_return_if_fail (self->depth == 0);

  modified = current_serial (self) != self->saved;
  self->last_note = NULL;
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->saved = modified ? UNREACHABLE : 0;
  update_state (self, FALSE);
}

/**
 * mg_history_get_modified:
 *
 * Returns: whether the data differs from what was last saved: %FALSE again
 *   after undoing back to the saved state
 */
gboolean
mg_history_get_modified (MgHistory *self)
{
  g_return_val_if_fail (MG_IS_HISTORY (self), FALSE);
  return self->modified;
}

/**
 * mg_history_mark_saved:
 *
 * Notes the current state as the saved one.
 */
void
mg_history_mark_saved (MgHistory *self)
{
  g_return_if_fail (MG_IS_HISTORY (self));

  self->saved = current_serial (self);
  self->last_note = NULL;
  update_state (self, FALSE);
}

/**
 * mg_history_mark_modified:
 *
 * Marks the data as modified by something the history did not record, such
 * as an import, until the next mark_saved(): no undo returns to the saved
 * state any more.
 */
void
mg_history_mark_modified (MgHistory *self)
{
  g_return_if_fail (MG_IS_HISTORY (self));

  self->saved = UNREACHABLE;
  update_state (self, FALSE);
}
