/* mg-annotation-store.c
 *
 * The store keeps a document's annotations sorted in the order of the
 * format (start, end, label, id), which is also the order of the list the
 * window shows, and answers point and range questions through an interval
 * index built on the first question and then kept up to date edit by edit,
 * since a rebuild at every edit costs a window milliseconds per frame.
 *
 * Listeners hear of every change twice over: GListModel::items-changed for
 * lists, and ::changed with the range of text whose highlighting may differ,
 * so a view re-applies its tags over that range only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-annotation-store"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mg-annotation-private.h"
#include "mg-annotation-store-private.h"
#include "mg-error.h"
#include "mg-interval-index.h"

struct _MgAnnotationStore
{
  GObject parent_instance;

  MgTextIndex     *text;       /* borrowed from the document */
  GPtrArray       *items;      /* of MgAnnotation, sorted */
  GHashTable      *by_id;      /* id -> MgAnnotation, borrowed */
  GPtrArray       *relations;  /* of MgRelation, in insertion order */
  GHashTable      *relation_by_id;
  MgIntervalIndex *index;      /* NULL when stale */
  guint            next_id;
  guint            next_relation_id;

  /* Held ::changed (mg_annotation_store_hold_changes()) */
  guint            holds;
  guint            held_edits;
  guint            held_start;
  guint            held_end;
};

enum {
  CHANGED,
  RELATIONS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
mg_annotation_store_get_item_type (GListModel *model)
{
  return MG_TYPE_ANNOTATION;
}

static guint
mg_annotation_store_get_n_items (GListModel *model)
{
  return MG_ANNOTATION_STORE (model)->items->len;
}

static gpointer
mg_annotation_store_get_item (GListModel *model,
                              guint       position)
{
  MgAnnotationStore *self = MG_ANNOTATION_STORE (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = mg_annotation_store_get_item_type;
  iface->get_n_items = mg_annotation_store_get_n_items;
  iface->get_item = mg_annotation_store_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (MgAnnotationStore, mg_annotation_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
mg_annotation_store_finalize (GObject *object)
{
  MgAnnotationStore *self = (MgAnnotationStore *)object;

  g_clear_pointer (&self->index, mg_interval_index_free);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->relation_by_id, g_hash_table_unref);
  g_clear_pointer (&self->relations, g_ptr_array_unref);

  G_OBJECT_CLASS (mg_annotation_store_parent_class)->finalize (object);
}

/* Most documents never hold an annotation (a batch import makes millions
 * of them): the id tables come with the first lookup or insertion. */
static GHashTable *
annotation_ids (MgAnnotationStore *self)
{
  if (self->by_id == NULL)
    self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  return self->by_id;
}

static GHashTable *
relation_ids (MgAnnotationStore *self)
{
  if (self->relation_by_id == NULL)
    self->relation_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  return self->relation_by_id;
}

static void
mg_annotation_store_class_init (MgAnnotationStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mg_annotation_store_finalize;

  /**
   * MgAnnotationStore::changed:
   * @start: first code point whose highlighting may have changed
   * @end: the code point after the last
   *
   * Emitted after annotations were added, removed or changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  /**
   * MgAnnotationStore::relations-changed:
   *
   * Emitted after a relation was added or removed.
   */
  signals[RELATIONS_CHANGED] =
    g_signal_new ("relations-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
mg_annotation_store_init (MgAnnotationStore *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->relations = g_ptr_array_new_with_free_func (g_object_unref);
  self->next_id = 1;
  self->next_relation_id = 1;
}

MgAnnotationStore *
_mg_annotation_store_new (MgTextIndex *text)
{
  MgAnnotationStore *self = g_object_new (MG_TYPE_ANNOTATION_STORE, NULL);

  self->text = text;

  return self;
}

/* Ids the store hands out are "a" or "r" and a number; note the highest in
 * use so a new one never collides, whatever ids a file brought. */
static void
note_id (const char *id,
         char        prefix,
         guint      *next)
{
  guint64 n;
  char *end;

  if (id[0] != prefix || !g_ascii_isdigit (id[1]))
    return;
  n = g_ascii_strtoull (id + 1, &end, 10);
  if (*end == '\0' && n < G_MAXUINT && n >= *next)
    *next = (guint)n + 1;
}

static int
compare_annotations (gconstpointer a,
                     gconstpointer b)
{
  return mg_annotation_compare (*(MgAnnotation **)a, *(MgAnnotation **)b);
}

static guint
insertion_point (MgAnnotationStore *self,
                 MgAnnotation      *annotation)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (mg_annotation_compare (g_ptr_array_index (self->items, mid), annotation) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
invalidate (MgAnnotationStore *self)
{
  g_clear_pointer (&self->index, mg_interval_index_free);
}

/* While changes are held, past this many edits the index is dropped and
 * built once at the next query: keeping it up to date costs a shift of
 * its arrays an edit, which thousands of edits in a row (Tag All, undoing
 * it) pay over and over, where one build is milliseconds. */
#define HELD_EDITS_KEPT_IN_INDEX 64

static gboolean
index_follows (MgAnnotationStore *self)
{
  if (self->index == NULL)
    return FALSE;
  /* Dropped once a hold: if a query built it again meanwhile, it is
   * followed edit by edit, never built again for each of them. */
  if (self->holds > 0 && self->held_edits != G_MAXUINT &&
      ++self->held_edits > HELD_EDITS_KEPT_IN_INDEX)
    {
      invalidate (self);
      self->held_edits = G_MAXUINT;
      return FALSE;
    }
  return TRUE;
}

/* Keeps a built index up to date, or drops it when it cannot follow. */
static void
index_insert (MgAnnotationStore *self,
              MgAnnotation      *annotation)
{
  MgInterval iv = { mg_annotation_get_start (annotation),
                    mg_annotation_get_end (annotation),
                    annotation };

  if (index_follows (self) && !mg_interval_index_insert (self->index, &iv))
    invalidate (self);
}

static void
index_remove (MgAnnotationStore *self,
              MgAnnotation      *annotation)
{
  MgInterval iv = { mg_annotation_get_start (annotation),
                    mg_annotation_get_end (annotation),
                    annotation };

  if (index_follows (self) && !mg_interval_index_remove (self->index, &iv))
    invalidate (self);
}

static void
emit_changed (MgAnnotationStore *self,
              guint              start,
              guint              end)
{
  if (self->holds > 0)
    {
      self->held_start = MIN (self->held_start, start);
      self->held_end = MAX (self->held_end, end);
      return;
    }
  g_signal_emit (self, signals[CHANGED], 0, start, end);
}

/**
 * mg_annotation_store_hold_changes:
 *
 * Holds #MgAnnotationStore::changed until the matching
 * mg_annotation_store_release_changes(), which emits it once over the
 * union of the held ranges: a view then highlights once for a thousand
 * spans added in a row. #GListModel::items-changed is not held, since a
 * list must know each position.
 */
void
mg_annotation_store_hold_changes (MgAnnotationStore *self)
{
  g_return_if_fail (MG_IS_ANNOTATION_STORE (self));

  if (self->holds++ == 0)
    {
      self->held_edits = 0;
      self->held_start = G_MAXUINT;
      self->held_end = 0;
    }
}

/**
 * mg_annotation_store_release_changes:
 */
void
mg_annotation_store_release_changes (MgAnnotationStore *self)
{
  g_return_if_fail (MG_IS_ANNOTATION_STORE (self));
  g_return_if_fail (self->holds > 0);

  if (--self->holds > 0)
    return;
  if (self->held_start < self->held_end)
    g_signal_emit (self, signals[CHANGED], 0, self->held_start, self->held_end);
}

static MgIntervalIndex *
ensure_index (MgAnnotationStore *self)
{
  if (self->index == NULL)
    {
      g_autofree MgInterval *ivs = g_new (MgInterval, MAX (self->items->len, 1));

      for (guint i = 0; i < self->items->len; i++)
        {
          MgAnnotation *a = g_ptr_array_index (self->items, i);

          ivs[i].start = mg_annotation_get_start (a);
          ivs[i].end = mg_annotation_get_end (a);
          ivs[i].data = a;
        }
      self->index = mg_interval_index_new (ivs, self->items->len);
    }

  return self->index;
}

guint
mg_annotation_store_get_n_annotations (MgAnnotationStore *self)
{
  g_return_val_if_fail (MG_IS_ANNOTATION_STORE (self), 0);
  return self->items->len;
}

/**
 * mg_annotation_store_get_annotation:
 *
 * Returns: (transfer none): the annotation at @position in document order
 */
MgAnnotation *
mg_annotation_store_get_annotation (MgAnnotationStore *self,
                                    guint              position)
{
  g_return_val_if_fail (MG_IS_ANNOTATION_STORE (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);
  return g_ptr_array_index (self->items, position);
}

/**
 * mg_annotation_store_get_position:
 *
 * Returns: the position of @annotation, or %G_MAXUINT when not in the store
 */
guint
mg_annotation_store_get_position (MgAnnotationStore *self,
                                  MgAnnotation      *annotation)
{
  guint pos;

  g_return_val_if_fail (MG_IS_ANNOTATION_STORE (self), G_MAXUINT);
  g_return_val_if_fail (MG_IS_ANNOTATION (annotation), G_MAXUINT);

  pos = insertion_point (self, annotation);
  if (pos < self->items->len && g_ptr_array_index (self->items, pos) == annotation)
    return pos;
  return G_MAXUINT;
}

/**
 * mg_annotation_store_lookup:
 *
 * Returns: (transfer none) (nullable): the annotation with @id
 */
MgAnnotation *
mg_annotation_store_lookup (MgAnnotationStore *self,
                            const char        *id)
{
  g_return_val_if_fail (MG_IS_ANNOTATION_STORE (self), NULL);
  return id ? g_hash_table_lookup (annotation_ids (self), id) : NULL;
}

/**
 * mg_annotation_store_find:
 *
 * Returns: (transfer none) (nullable): an annotation with exactly this label
 *   and range
 */
static int
compare_key (MgAnnotation *a,
             guint         start,
             guint         end,
             const char   *label)
{
  if (a->start != start)
    return a->start < start ? -1 : 1;
  if (a->end != end)
    return a->end < end ? -1 : 1;
  return g_strcmp0 (a->label, label);
}

/* The first position whose key is not below (@start, @end, @label); a
 * %NULL label sorts before every label. The list is sorted by start, end
 * and label first, so a binary search finds it. Asking the interval index
 * instead would rebuild it after every change: each add checks for a twin,
 * and undoing a large removal re-adds thousands in a row. */
static guint
lower_bound (MgAnnotationStore *self,
             guint              start,
             guint              end,
             const char        *label)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_key (g_ptr_array_index (self->items, mid), start, end, label) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

MgAnnotation *
mg_annotation_store_find (MgAnnotationStore *self,
                          const char        *label,
                          guint              start,
                          guint              end)
{
  guint lo;

  g_return_val_if_fail (MG_IS_ANNOTATION_STORE (self), NULL);

  if (start >= end)
    return NULL;

  lo = lower_bound (self, start, end, label);
  if (lo < self->items->len &&
      compare_key (g_ptr_array_index (self->items, lo), start, end, label) == 0)
    return g_ptr_array_index (self->items, lo);

  return NULL;
}

/**
 * mg_annotation_store_with_range:
 * @n_found: (out): how many annotations have the range
 *
 * Where the annotations whose range is exactly [@start, @end) are, whatever
 * their labels: a contiguous run of the sorted list, by label. O(log n + k),
 * and nothing allocated, for callers that ask for many ranges in a row.
 *
 * Returns: the position of the first of them
 */
guint
mg_annotation_store_with_range (MgAnnotationStore *self,
                                guint              start,
                                guint              end,
                                guint             *n_found)
{
  guint first, i;

  g_return_val_if_fail (MG_IS_ANNOTATION_STORE (self), 0);
  g_return_val_if_fail (n_found != NULL, 0);

  first = i = lower_bound (self, start, end, NULL);
  while (i < self->items->len &&
         ((MgAnnotation *) g_ptr_array_index (self->items, i))->start == start &&
         ((MgAnnotation *) g_ptr_array_index (self->items, i))->end == end)
    i++;
  *n_found = i - first;
  return first;
}

static gboolean
check_range (MgAnnotationStore *self,
             guint              start,
             guint              end,
             GError           **error)
{
  guint length = mg_text_index_get_length (self->text);

  if (start >= end || end > length)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("span [%u, %u) is not inside the text of %u characters"),
                   start, end, length);
      return FALSE;
    }
  return TRUE;
}

/**
 * mg_annotation_store_check:
 *
 * Checks that @annotation could be added: its range lies inside the text
 * and no annotation of the store has its id or the same label and range.
 *
 * Returns: %TRUE when it could
 */
gboolean
mg_annotation_store_check (MgAnnotationStore *self,
                           MgAnnotation      *annotation,
                           GError           **error)
{
  const char *id;
  MgAnnotation *twin;

  g_return_val_if_fail (MG_IS_ANNOTATION_STORE (self), FALSE);
  g_return_val_if_fail (MG_IS_ANNOTATION (annotation), FALSE);

  if (!check_range (self, mg_annotation_get_start (annotation),
                    mg_annotation_get_end (annotation), error))
    return FALSE;

  id = mg_annotation_get_id (annotation);
  if (id != NULL && g_hash_table_contains (annotation_ids (self), id))
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("annotation id “%s” is used twice"), id);
      return FALSE;
    }

  twin = mg_annotation_store_find (self, mg_annotation_get_label (annotation),
                                   mg_annotation_get_start (annotation),
                                   mg_annotation_get_end (annotation));
  if (twin != NULL)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_DUPLICATE,
                   _("duplicate of annotation “%s”: same label and range"),
                   mg_annotation_get_id (twin));
      return FALSE;
    }

  return TRUE;
}

/**
 * mg_annotation_store_next_id:
 *
 * Returns: (transfer full): an annotation id no annotation of the store has
 */
char *
mg_annotation_store_next_id (MgAnnotationStore *self)
{
  g_return_val_if_fail (MG_IS_ANNOTATION_STORE (self), NULL);
  return g_strdup_printf ("a%u", self->next_id);
}

/* Gives an annotation what the store fills in: its id, text and times. */
static void
complete (MgAnnotationStore *self,
          MgAnnotation      *annotation,
          gboolean           stamp)
{
  g_autofree char *text = NULL;

  if (mg_annotation_get_id (annotation) == NULL)
    {
      g_autofree char *id = mg_annotation_store_next_id (self);
      mg_annotation_set_id (annotation, id);
    }
  note_id (mg_annotation_get_id (annotation), 'a', &self->next_id);

  text = mg_text_index_substring (self->text, mg_annotation_get_start (annotation),
                                  mg_annotation_get_end (annotation));
  mg_annotation_set_text (annotation, text);

  if (stamp && mg_annotation_get_created (annotation) == NULL)
    {
      g_autofree char *now = mg_timestamp_now ();

      mg_annotation_set_created (annotation, now);
      if (mg_annotation_get_modified (annotation) == NULL)
        mg_annotation_set_modified (annotation, now);
    }
}

/**
 * mg_annotation_store_add:
 * @annotation: an annotation in no store
 *
 * Adds @annotation, giving it an id when it has none, its text, and its
 * creation time when it has none.
 *
 * Returns: %TRUE when added; %FALSE, with @error set, when
 *   mg_annotation_store_check() refuses it
 */
gboolean
mg_annotation_store_add (MgAnnotationStore *self,
                         MgAnnotation      *annotation,
                         GError           **error)
{
  guint pos;

  g_return_val_if_fail (MG_IS_ANNOTATION_STORE (self), FALSE);
  g_return_val_if_fail (MG_IS_ANNOTATION (annotation), FALSE);

  if (!mg_annotation_store_check (self, annotation, error))
    return FALSE;

  complete (self, annotation, TRUE);
  pos = insertion_point (self, annotation);
  g_ptr_array_insert (self->items, pos, g_object_ref (annotation));
  g_hash_table_insert (annotation_ids (self), (char *)mg_annotation_get_id (annotation), annotation);
  index_insert (self, annotation);

  g_list_model_items_changed (G_LIST_MODEL (self), pos, 0, 1);
  emit_changed (self, mg_annotation_get_start (annotation), mg_annotation_get_end (annotation));

  return TRUE;
}

/* Whether each of @annotations fits the text and takes no id the store
 * has already. */
static gboolean
check_new (MgAnnotationStore  *self,
           GPtrArray          *annotations,
           GError            **error)
{
  for (guint i = 0; i < annotations->len; i++)
    {
      MgAnnotation *a = g_ptr_array_index (annotations, i);
      const char *id = mg_annotation_get_id (a);

      if (!check_range (self, mg_annotation_get_start (a), mg_annotation_get_end (a), error))
        return FALSE;
      if (id != NULL && g_hash_table_contains (annotation_ids (self), id))
        {
          g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                       _("annotation id “%s” is used twice"), id);
          return FALSE;
        }
    }
  return TRUE;
}

/* In the sorted items, duplicates (same label and range) sit side by
 * side. */
static gboolean
check_no_duplicates (MgAnnotationStore  *self,
                     GError            **error)
{
  for (guint i = 1; i < self->items->len; i++)
    {
      MgAnnotation *a = g_ptr_array_index (self->items, i - 1);
      MgAnnotation *b = g_ptr_array_index (self->items, i);

      if (mg_annotation_get_start (a) == mg_annotation_get_start (b) &&
          mg_annotation_get_end (a) == mg_annotation_get_end (b) &&
          g_strcmp0 (mg_annotation_get_label (a), mg_annotation_get_label (b)) == 0)
        {
          g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                       _("annotations “%s” and “%s” are duplicates: same label and range"),
                       mg_annotation_get_id (a), mg_annotation_get_id (b));
          return FALSE;
        }
    }
  return TRUE;
}

/* Indexes the new annotations by id; ids given to two of them fail. */
static gboolean
index_ids (MgAnnotationStore  *self,
           GPtrArray          *added,
           GError            **error)
{
  for (guint i = 0; i < added->len; i++)
    {
      MgAnnotation *a = g_ptr_array_index (added, i);
      const char *id = mg_annotation_get_id (a);

      if (g_hash_table_contains (annotation_ids (self), id))
        {
          g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                       _("annotation id “%s” is used twice"), id);
          return FALSE;
        }
      g_hash_table_insert (annotation_ids (self), (char *)id, a);
    }
  return TRUE;
}

/* Takes back exactly what a failed mg_annotation_store_add_all() put in. */
static void
take_back (MgAnnotationStore *self,
           GPtrArray         *added,
           guint              old_len)
{
  g_autoptr(GHashTable) set = g_hash_table_new (NULL, NULL);
  guint j = 0;

  for (guint i = 0; i < added->len; i++)
    {
      MgAnnotation *a = g_ptr_array_index (added, i);

      g_hash_table_add (set, a);
      if (g_hash_table_lookup (annotation_ids (self), mg_annotation_get_id (a)) == a)
        g_hash_table_remove (annotation_ids (self), mg_annotation_get_id (a));
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      MgAnnotation *a = g_ptr_array_index (self->items, i);

      if (g_hash_table_contains (set, a))
        g_object_unref (a);
      else
        self->items->pdata[j++] = a;
    }
  self->items->len = j;
  g_assert (j == old_len);
}

/**
 * mg_annotation_store_add_all:
 * @annotations: (element-type MgAnnotation): annotations in no store
 *
 * Adds many annotations at once, sorting once rather than per annotation,
 * as a loader needs. Either all are added or, on error, none. Unlike
 * mg_annotation_store_add(), this gives no creation time to annotations
 * that have none: a loader keeps what the file said.
 *
 * Returns: %TRUE when added
 */
gboolean
mg_annotation_store_add_all (MgAnnotationStore *self,
                             GPtrArray         *annotations,
                             GError           **error)
{
  g_autoptr(GPtrArray) added = NULL;
  guint old_len;

  g_return_val_if_fail (MG_IS_ANNOTATION_STORE (self), FALSE);
  g_return_val_if_fail (annotations != NULL, FALSE);

  if (annotations->len == 0)
    return TRUE;
  if (!check_new (self, annotations, error))
    return FALSE;

  /* A copy inherits the caller's free function but takes no references. */
  added = g_ptr_array_copy (annotations, NULL, NULL);
  g_ptr_array_set_free_func (added, NULL);
  old_len = self->items->len;
  for (guint i = 0; i < added->len; i++)
    note_id (mg_annotation_get_id (g_ptr_array_index (added, i)) ?: "", 'a', &self->next_id);
  for (guint i = 0; i < added->len; i++)
    {
      MgAnnotation *a = g_ptr_array_index (added, i);

      complete (self, a, FALSE);
      g_ptr_array_add (self->items, g_object_ref (a));
    }
  g_ptr_array_sort (self->items, compare_annotations);

  if (!check_no_duplicates (self, error) || !index_ids (self, added, error))
    {
      take_back (self, added, old_len);
      return FALSE;
    }

  invalidate (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->items->len);
  emit_changed (self, 0, mg_text_index_get_length (self->text));
  return TRUE;
}

/**
 * mg_annotation_store_remove:
 *
 * Removes @annotation and every relation that starts or ends at it.
 */
void
mg_annotation_store_remove (MgAnnotationStore *self,
                            MgAnnotation      *annotation)
{
  g_autoptr(MgAnnotation) hold = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  guint pos;

  g_return_if_fail (MG_IS_ANNOTATION_STORE (self));
  g_return_if_fail (MG_IS_ANNOTATION (annotation));

  pos = mg_annotation_store_get_position (self, annotation);
  g_return_if_fail (pos != G_MAXUINT);

  relations = mg_annotation_store_relations_of (self, annotation);
  for (guint i = 0; i < relations->len; i++)
    mg_annotation_store_remove_relation (self, g_ptr_array_index (relations, i));

  hold = g_object_ref (annotation);
  g_hash_table_remove (annotation_ids (self), mg_annotation_get_id (annotation));
  g_ptr_array_remove_index (self->items, pos);
  index_remove (self, annotation);

  g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 0);
  emit_changed (self, mg_annotation_get_start (annotation), mg_annotation_get_end (annotation));
}

static void
touch (MgAnnotation *annotation)
{
  g_autofree char *now = mg_timestamp_now ();
  mg_annotation_set_modified (annotation, now);
}

/* Moves an annotation whose sort key changed to its new place. The interval
 * index holds annotations, not positions: a new label leaves it right, and
 * a new range updates it before. */
static void
resort (MgAnnotationStore *self,
        MgAnnotation      *annotation,
        guint              old_pos)
{
  guint new_pos;

  g_ptr_array_steal_index (self->items, old_pos);
  new_pos = insertion_point (self, annotation);
  g_ptr_array_insert (self->items, new_pos, annotation);

  if (new_pos == old_pos)
    g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 1);
  else
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), new_pos, 0, 1);
    }
}

/**
 * mg_annotation_store_set_label:
 *
 * Returns: %FALSE, with @error set, when the store already has an
 *   annotation with @label over the same range
 */
gboolean
mg_annotation_store_set_label (MgAnnotationStore *self,
                               MgAnnotation      *annotation,
                               const char        *label,
                               GError           **error)
{
  guint pos, start, end;

  g_return_val_if_fail (MG_IS_ANNOTATION_STORE (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  if (g_strcmp0 (mg_annotation_get_label (annotation), label) == 0)
    return TRUE;

  start = mg_annotation_get_start (annotation);
  end = mg_annotation_get_end (annotation);
  if (mg_annotation_store_find (self, label, start, end) != NULL)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_DUPLICATE,
                   _("this span already has that label"));
      return FALSE;
    }

  pos = mg_annotation_store_get_position (self, annotation);
  g_return_val_if_fail (pos != G_MAXUINT, FALSE);

  _mg_annotation_set_label (annotation, label);
  touch (annotation);
  resort (self, annotation, pos);
  emit_changed (self, start, end);

  return TRUE;
}

/**
 * mg_annotation_store_set_range:
 *
 * Moves the boundaries of @annotation and updates its text.
 *
 * Returns: %FALSE, with @error set, when the range is empty, outside the
 *   text, or already has an annotation with the same label
 */
gboolean
mg_annotation_store_set_range (MgAnnotationStore *self,
                               MgAnnotation      *annotation,
                               guint              start,
                               guint              end,
                               GError           **error)
{
  g_autofree char *text = NULL;
  guint pos, old_start, old_end;
  MgAnnotation *twin;

  g_return_val_if_fail (MG_IS_ANNOTATION_STORE (self), FALSE);

  old_start = mg_annotation_get_start (annotation);
  old_end = mg_annotation_get_end (annotation);
  if (old_start == start && old_end == end)
    return TRUE;

  if (!check_range (self, start, end, error))
    return FALSE;

  twin = mg_annotation_store_find (self, mg_annotation_get_label (annotation), start, end);
  if (twin != NULL && twin != annotation)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_DUPLICATE,
                   _("another annotation already has this label and range"));
      return FALSE;
    }

  pos = mg_annotation_store_get_position (self, annotation);
  g_return_val_if_fail (pos != G_MAXUINT, FALSE);

  text = mg_text_index_substring (self->text, start, end);
  index_remove (self, annotation);
  _mg_annotation_set_range (annotation, start, end, text);
  index_insert (self, annotation);
  touch (annotation);
  resort (self, annotation, pos);
  emit_changed (self, MIN (start, old_start), MAX (end, old_end));

  return TRUE;
}

void
mg_annotation_store_set_note (MgAnnotationStore *self,
                              MgAnnotation      *annotation,
                              const char        *note)
{
  guint pos;

  g_return_if_fail (MG_IS_ANNOTATION_STORE (self));

  if (g_strcmp0 (mg_annotation_get_note (annotation), note ? note : "") == 0)
    return;

  pos = mg_annotation_store_get_position (self, annotation);
  g_return_if_fail (pos != G_MAXUINT);

  mg_annotation_set_note (annotation, note);
  touch (annotation);
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 1);
  emit_changed (self, mg_annotation_get_start (annotation), mg_annotation_get_end (annotation));
}

/**
 * mg_annotation_store_set_extra:
 * @extra: (nullable): the annotation's new unknown members, such as its
 *   attributes; not changed afterwards, as copies of the annotation and
 *   undo steps share it
 *
 * Replaces the members of @annotation the store does not read itself, and
 * tells the listeners, as a new note does.
 */
void
mg_annotation_store_set_extra (MgAnnotationStore *self,
                               MgAnnotation      *annotation,
                               JsonObject        *extra)
{
  guint pos;

  g_return_if_fail (MG_IS_ANNOTATION_STORE (self));

  if (mg_annotation_get_extra (annotation) == extra)
    return;

  pos = mg_annotation_store_get_position (self, annotation);
  g_return_if_fail (pos != G_MAXUINT);

  mg_annotation_set_extra (annotation, extra);
  touch (annotation);
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 1);
  emit_changed (self, mg_annotation_get_start (annotation), mg_annotation_get_end (annotation));
}

/**
 * mg_annotation_store_at:
 * @offset: a code-point offset
 *
 * What covers @offset: every annotation with start <= @offset < end, in
 * document order. O(log n + k) to find them, plus sorting the k found.
 *
 * Returns: (transfer container) (element-type MgAnnotation): the annotations
 */
GPtrArray *
mg_annotation_store_at (MgAnnotationStore *self,
                        guint              offset)
{
  GPtrArray *out;

  g_return_val_if_fail (MG_IS_ANNOTATION_STORE (self), NULL);

  out = g_ptr_array_new ();
  mg_interval_index_stab (ensure_index (self), offset, out);
  g_ptr_array_sort (out, compare_annotations);

  return out;
}

/**
 * mg_annotation_store_overlapping:
 *
 * What overlaps [@start, @end): those that cover @start, found in the
 * interval index, and those that start inside the range, a contiguous run
 * of the sorted list. O(log n + k), plus sorting the k found.
 *
 * Returns: (transfer container) (element-type MgAnnotation): the annotations,
 *   in document order
 */
GPtrArray *
mg_annotation_store_overlapping (MgAnnotationStore *self,
                                 guint              start,
                                 guint              end)
{
  GPtrArray *out;
  guint lo, hi;

  g_return_val_if_fail (MG_IS_ANNOTATION_STORE (self), NULL);

  out = g_ptr_array_new ();
  if (start >= end)
    return out;

  mg_interval_index_stab (ensure_index (self), start, out);

  /* First annotation whose start is past @start. */
  lo = 0;
  hi = self->items->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (mg_annotation_get_start (g_ptr_array_index (self->items, mid)) <= start)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i < self->items->len; i++)
    {
      MgAnnotation *a = g_ptr_array_index (self->items, i);

      if (mg_annotation_get_start (a) >= end)
        break;
      g_ptr_array_add (out, a);
    }

  g_ptr_array_sort (out, compare_annotations);

  return out;
}

guint
mg_annotation_store_get_n_relations (MgAnnotationStore *self)
{
  g_return_val_if_fail (MG_IS_ANNOTATION_STORE (self), 0);
  return self->relations->len;
}

/**
 * mg_annotation_store_get_relation:
 *
 * Returns: (transfer none): the relation at @position
 */
MgRelation *
mg_annotation_store_get_relation (MgAnnotationStore *self,
                                  guint              position)
{
  g_return_val_if_fail (MG_IS_ANNOTATION_STORE (self), NULL);
  g_return_val_if_fail (position < self->relations->len, NULL);
  return g_ptr_array_index (self->relations, position);
}

/**
 * mg_annotation_store_lookup_relation:
 *
 * Returns: (transfer none) (nullable): the relation with @id
 */
MgRelation *
mg_annotation_store_lookup_relation (MgAnnotationStore *self,
                                     const char        *id)
{
  g_return_val_if_fail (MG_IS_ANNOTATION_STORE (self), NULL);
  return id ? g_hash_table_lookup (relation_ids (self), id) : NULL;
}

/**
 * mg_annotation_store_add_relation:
 * @relation: a relation whose ends name annotations of this store
 *
 * Gives @relation an id when it has none, and appends it.
 *
 * Returns: %TRUE when added
 */
gboolean
mg_annotation_store_add_relation (MgAnnotationStore *self,
                                  MgRelation        *relation,
                                  GError           **error)
{
  return mg_annotation_store_insert_relation (self, G_MAXUINT, relation, error);
}

/**
 * mg_annotation_store_insert_relation:
 * @position: where in the list of relations, or past its end to append
 * @relation: a relation whose ends name annotations of this store
 *
 * As mg_annotation_store_add_relation(), at @position: relations are saved
 * in list order, so undoing a removal must put each one back where it was.
 *
 * Returns: %TRUE when added
 */
gboolean
mg_annotation_store_insert_relation (MgAnnotationStore *self,
                                     guint              position,
                                     MgRelation        *relation,
                                     GError           **error)
{
  const char *from, *to;

  g_return_val_if_fail (MG_IS_ANNOTATION_STORE (self), FALSE);
  g_return_val_if_fail (MG_IS_RELATION (relation), FALSE);

  from = mg_relation_get_from (relation);
  to = mg_relation_get_to (relation);
  if (!g_hash_table_contains (annotation_ids (self), from))
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("relation starts at “%s”, which is no annotation of this document"), from);
      return FALSE;
    }
  if (!g_hash_table_contains (annotation_ids (self), to))
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("relation points to “%s”, which is no annotation of this document"), to);
      return FALSE;
    }
  if (mg_relation_get_id (relation) != NULL &&
      g_hash_table_contains (relation_ids (self), mg_relation_get_id (relation)))
    {
      g_set_error (error, MG_ERROR, MG_ERROR_INVALID,
                   _("relation id “%s” is used twice"), mg_relation_get_id (relation));
      return FALSE;
    }

  if (mg_relation_get_id (relation) == NULL)
    {
      g_autofree char *id = NULL;

      while (g_hash_table_contains (relation_ids (self),
                                    (id = g_strdup_printf ("r%u", self->next_relation_id))))
        {
          g_clear_pointer (&id, g_free);
          self->next_relation_id++;
        }
      mg_relation_set_id (relation, id);
    }
  note_id (mg_relation_get_id (relation), 'r', &self->next_relation_id);

  g_ptr_array_insert (self->relations, MIN (position, self->relations->len),
                      g_object_ref (relation));
  g_hash_table_insert (relation_ids (self), (char *)mg_relation_get_id (relation), relation);
  g_signal_emit (self, signals[RELATIONS_CHANGED], 0);

  return TRUE;
}

void
mg_annotation_store_remove_relation (MgAnnotationStore *self,
                                     MgRelation        *relation)
{
  g_return_if_fail (MG_IS_ANNOTATION_STORE (self));
  g_return_if_fail (MG_IS_RELATION (relation));

  /* A relation that was never added may have no id at all. */
  if (mg_relation_get_id (relation) == NULL ||
      g_hash_table_lookup (relation_ids (self), mg_relation_get_id (relation)) != relation)
    return;

  g_hash_table_remove (relation_ids (self), mg_relation_get_id (relation));
  g_ptr_array_remove (self->relations, relation);
  g_signal_emit (self, signals[RELATIONS_CHANGED], 0);
}

/**
 * mg_annotation_store_relations_of:
 *
 * Returns: (transfer container) (element-type MgRelation): the relations
 *   that start or end at @annotation
 */
GPtrArray *
mg_annotation_store_relations_of (MgAnnotationStore *self,
                                  MgAnnotation      *annotation)
{
  GPtrArray *out;
  const char *id;

  g_return_val_if_fail (MG_IS_ANNOTATION_STORE (self), NULL);

  out = g_ptr_array_new_with_free_func (g_object_unref);
  id = mg_annotation_get_id (annotation);
  for (guint i = 0; i < self->relations->len; i++)
    {
      MgRelation *r = g_ptr_array_index (self->relations, i);

      if (g_strcmp0 (mg_relation_get_from (r), id) == 0 ||
          g_strcmp0 (mg_relation_get_to (r), id) == 0)
        g_ptr_array_add (out, g_object_ref (r));
    }

  return out;
}

/**
 * mg_annotation_store_attributed_to:
 *
 * Returns: (transfer none) (nullable): the actor @annotation is attributed to
 */
MgAnnotation *
mg_annotation_store_attributed_to (MgAnnotationStore *self,
                                   MgAnnotation      *annotation)
{
  const char *id;

  g_return_val_if_fail (MG_IS_ANNOTATION_STORE (self), NULL);

  id = mg_annotation_get_id (annotation);
  for (guint i = 0; i < self->relations->len; i++)
    {
      MgRelation *r = g_ptr_array_index (self->relations, i);

      if (g_strcmp0 (mg_relation_get_kind (r), MG_RELATION_ATTRIBUTED_TO) == 0 &&
          g_strcmp0 (mg_relation_get_from (r), id) == 0)
        return g_hash_table_lookup (annotation_ids (self), mg_relation_get_to (r));
    }

  return NULL;
}
