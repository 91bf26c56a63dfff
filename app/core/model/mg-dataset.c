/* mg-dataset.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-dataset"

#include "config.h"

#include "mg-dataset.h"

struct _MgDataset
{
  GObject parent_instance;

  char       *annotator;
  MgLabelSet *labels;
  GPtrArray  *documents;  /* of MgDocument, in the order of the file */
  GHashTable *by_id;      /* id -> MgDocument, borrowed */
  JsonObject *extra;
};

enum {
  PROP_0,
  PROP_ANNOTATOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
mg_dataset_get_item_type (GListModel *model)
{
  return MG_TYPE_DOCUMENT;
}

static guint
mg_dataset_get_n_items (GListModel *model)
{
  return MG_DATASET (model)->documents->len;
}

static gpointer
mg_dataset_get_item (GListModel *model,
                     guint       position)
{
  MgDataset *self = MG_DATASET (model);

  if (position >= self->documents->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->documents, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = mg_dataset_get_item_type;
  iface->get_n_items = mg_dataset_get_n_items;
  iface->get_item = mg_dataset_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (MgDataset, mg_dataset, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
mg_dataset_finalize (GObject *object)
{
  MgDataset *self = (MgDataset *)object;

  g_free (self->annotator);
  g_clear_object (&self->labels);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (mg_dataset_parent_class)->finalize (object);
}

static void
mg_dataset_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MgDataset *self = MG_DATASET (object);

  switch (prop_id)
    {
    case PROP_ANNOTATOR:
      g_value_set_string (value, self->annotator);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_dataset_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MgDataset *self = MG_DATASET (object);

  switch (prop_id)
    {
    case PROP_ANNOTATOR:
      mg_dataset_set_annotator (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_dataset_class_init (MgDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mg_dataset_finalize;
  object_class->get_property = mg_dataset_get_property;
  object_class->set_property = mg_dataset_set_property;

  properties[PROP_ANNOTATOR] =
    g_param_spec_string ("annotator", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mg_dataset_init (MgDataset *self)
{
  self->annotator = g_strdup ("");
  self->documents = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * mg_dataset_new:
 *
 * Returns: (transfer full): an empty dataset with the default labels
 */
MgDataset *
mg_dataset_new (void)
{
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();

  return mg_dataset_new_with_labels (labels);
}

/**
 * mg_dataset_new_with_labels:
 *
 * Returns: (transfer full): an empty dataset with @labels
 */
MgDataset *
mg_dataset_new_with_labels (MgLabelSet *labels)
{
  MgDataset *self;

  g_return_val_if_fail (MG_IS_LABEL_SET (labels), NULL);

  self = g_object_new (MG_TYPE_DATASET, NULL);
  self->labels = g_object_ref (labels);

  return self;
}

const char *
mg_dataset_get_annotator (MgDataset *self)
{
  g_return_val_if_fail (MG_IS_DATASET (self), NULL);
  return self->annotator;
}

void
mg_dataset_set_annotator (MgDataset  *self,
                          const char *annotator)
{
  g_return_if_fail (MG_IS_DATASET (self));

  if (annotator == NULL)
    annotator = "";
  if (g_strcmp0 (self->annotator, annotator) == 0)
    return;
  g_free (self->annotator);
  self->annotator = g_strdup (annotator);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATOR]);
}

/**
 * mg_dataset_get_labels:
 *
 * Returns: (transfer none): the label set
 */
MgLabelSet *
mg_dataset_get_labels (MgDataset *self)
{
  g_return_val_if_fail (MG_IS_DATASET (self), NULL);
  return self->labels;
}

/**
 * mg_dataset_set_labels:
 * @labels: the new label set
 *
 * Replaces the label set, as the scheme editor's undoable label edits do
 * (mg_history_set_labels()); spans keep their label ids.
 */
void
mg_dataset_set_labels (MgDataset  *self,
                       MgLabelSet *labels)
{
  g_return_if_fail (MG_IS_DATASET (self));
  g_return_if_fail (MG_IS_LABEL_SET (labels));
  g_set_object (&self->labels, labels);
}

guint
mg_dataset_get_n_documents (MgDataset *self)
{
  g_return_val_if_fail (MG_IS_DATASET (self), 0);
  return self->documents->len;
}

/**
 * mg_dataset_get_document:
 *
 * Returns: (transfer none): the document at @position
 */
MgDocument *
mg_dataset_get_document (MgDataset *self,
                         guint      position)
{
  g_return_val_if_fail (MG_IS_DATASET (self), NULL);
  g_return_val_if_fail (position < self->documents->len, NULL);
  return g_ptr_array_index (self->documents, position);
}

/**
 * mg_dataset_lookup_document:
 *
 * Returns: (transfer none) (nullable): the document with @id
 */
MgDocument *
mg_dataset_lookup_document (MgDataset  *self,
                            const char *id)
{
  g_return_val_if_fail (MG_IS_DATASET (self), NULL);
  return id ? g_hash_table_lookup (self->by_id, id) : NULL;
}

/**
 * mg_dataset_index_of:
 *
 * Returns: the position of @document, or -1
 */
int
mg_dataset_index_of (MgDataset  *self,
                     MgDocument *document)
{
  guint pos;

  g_return_val_if_fail (MG_IS_DATASET (self), -1);

  if (g_ptr_array_find (self->documents, document, &pos))
    return (int)pos;
  return -1;
}

/**
 * mg_dataset_add_document:
 *
 * Appends @document.
 *
 * Returns: %FALSE when another document already has its id
 */
gboolean
mg_dataset_add_document (MgDataset  *self,
                         MgDocument *document)
{
  g_return_val_if_fail (MG_IS_DATASET (self), FALSE);
  g_return_val_if_fail (MG_IS_DOCUMENT (document), FALSE);

  if (g_hash_table_contains (self->by_id, mg_document_get_id (document)))
    return FALSE;

  mg_dataset_insert_document (self, self->documents->len, document);
  return TRUE;
}

/**
 * mg_dataset_insert_document:
 *
 * Inserts @document, whose id must not be taken, at @position; undoing the
 * removal of a document puts it back where it was.
 */
void
mg_dataset_insert_document (MgDataset  *self,
                            guint       position,
                            MgDocument *document)
{
  g_return_if_fail (MG_IS_DATASET (self));
  g_return_if_fail (MG_IS_DOCUMENT (document));
  g_return_if_fail (!g_hash_table_contains (self->by_id, mg_document_get_id (document)));

  position = MIN (position, self->documents->len);
  g_ptr_array_insert (self->documents, position, g_object_ref (document));
  g_hash_table_insert (self->by_id, g_strdup (mg_document_get_id (document)), document);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

void
mg_dataset_remove_document (MgDataset  *self,
                            MgDocument *document)
{
  guint pos;

  g_return_if_fail (MG_IS_DATASET (self));
  g_return_if_fail (MG_IS_DOCUMENT (document));

  if (!g_ptr_array_find (self->documents, document, &pos))
    return;

  g_hash_table_remove (self->by_id, mg_document_get_id (document));
  g_ptr_array_remove_index (self->documents, pos);
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 0);
}

/**
 * mg_dataset_move_document:
 * @position: the new position of @document, clamped to the last
 *
 * Moves @document, telling list views of the rows between its old and new
 * place as changed in one go, so a view keeps its selection on the rows
 * that stay.
 */
void
mg_dataset_move_document (MgDataset  *self,
                          MgDocument *document,
                          guint       position)
{
  guint pos, lo, hi;

  g_return_if_fail (MG_IS_DATASET (self));
  g_return_if_fail (MG_IS_DOCUMENT (document));

  if (!g_ptr_array_find (self->documents, document, &pos))
    return;
  position = MIN (position, self->documents->len - 1);
  if (pos == position)
    return;

  /* The array keeps its reference across the move. */
  g_ptr_array_insert (self->documents, position > pos ? position + 1 : position, document);
  g_ptr_array_steal_index (self->documents, position > pos ? pos : pos + 1);
  lo = MIN (pos, position);
  hi = MAX (pos, position);
  g_list_model_items_changed (G_LIST_MODEL (self), lo, hi - lo + 1, hi - lo + 1);
}

/**
 * mg_dataset_unique_id:
 * @wanted: the id one would like, such as a file's base name
 *
 * Returns: (transfer full): @wanted if no document has it, else @wanted
 *   with "-2", "-3", ... appended
 */
char *
mg_dataset_unique_id (MgDataset  *self,
                      const char *wanted)
{
  g_return_val_if_fail (MG_IS_DATASET (self), NULL);

  if (wanted == NULL || *wanted == '\0')
    wanted = "document";
  if (!g_hash_table_contains (self->by_id, wanted))
    return g_strdup (wanted);

  for (guint n = 2; ; n++)
    {
      char *id = g_strdup_printf ("%s-%u", wanted, n);

      if (!g_hash_table_contains (self->by_id, id))
        return id;
      g_free (id);
    }
}

guint
mg_dataset_count_annotations (MgDataset *self)
{
  guint n = 0;

  g_return_val_if_fail (MG_IS_DATASET (self), 0);

  for (guint i = 0; i < self->documents->len; i++)
    n += mg_annotation_store_get_n_annotations (
           mg_document_get_store (g_ptr_array_index (self->documents, i)));

  return n;
}

JsonObject *
mg_dataset_get_extra (MgDataset *self)
{
  g_return_val_if_fail (MG_IS_DATASET (self), NULL);
  return self->extra;
}

void
mg_dataset_set_extra (MgDataset  *self,
                      JsonObject *extra)
{
  g_return_if_fail (MG_IS_DATASET (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
