/* mg-label-set.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-label-set"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-label-set.h"

struct _MgLabelSet
{
  GObject    parent_instance;

  GPtrArray  *labels;  /* of MgLabel, in the order of the file */
  GHashTable *by_id;   /* id -> MgLabel, borrowed */
};

static GType
mg_label_set_get_item_type (GListModel *model)
{
  return MG_TYPE_LABEL;
}

static guint
mg_label_set_get_n_items (GListModel *model)
{
  return MG_LABEL_SET (model)->labels->len;
}

static gpointer
mg_label_set_get_item (GListModel *model,
                       guint       position)
{
  MgLabelSet *self = MG_LABEL_SET (model);

  if (position >= self->labels->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->labels, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = mg_label_set_get_item_type;
  iface->get_n_items = mg_label_set_get_n_items;
  iface->get_item = mg_label_set_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (MgLabelSet, mg_label_set, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
mg_label_set_finalize (GObject *object)
{
  MgLabelSet *self = (MgLabelSet *)object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);

  G_OBJECT_CLASS (mg_label_set_parent_class)->finalize (object);
}

static void
mg_label_set_class_init (MgLabelSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mg_label_set_finalize;
}

static void
mg_label_set_init (MgLabelSet *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

MgLabelSet *
mg_label_set_new (void)
{
  return g_object_new (MG_TYPE_LABEL_SET, NULL);
}

/**
 * mg_label_set_new_default:
 *
 * The four labels every new dataset starts with. The colours come from the
 * Okabe-Ito palette, chosen so that people with the common colour-vision
 * deficiencies can still tell them apart.
 *
 * Returns: (transfer full): a new label set
 */
MgLabelSet *
mg_label_set_new_default (void)
{
  static const struct {
    const char *id;
    const char *name;
    const char *color;
    const char *key;
  } defaults[] = {
    { "quote",  N_("Quote"),  "#0072B2", "1" },
    { "actor",  N_("Actor"),  "#D55E00", "2" },
    { "claim",  N_("Claim"),  "#009E73", "3" },
    { "figure", N_("Figure"), "#CC79A7", "4" },
  };
  MgLabelSet *self = mg_label_set_new ();

  /* Names are stored untranslated: the dataset is shared between people
   * whose interfaces speak different languages. */
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      g_autoptr(MgLabel) label = mg_label_new (defaults[i].id, defaults[i].name,
                                               defaults[i].color, defaults[i].key);
      mg_label_set_add (self, label);
    }

  return self;
}

/**
 * mg_label_set_add:
 * @label: a label whose id is not in the set yet
 *
 * Returns: %TRUE when added, %FALSE when the id was taken
 */
gboolean
mg_label_set_add (MgLabelSet *self,
                  MgLabel    *label)
{
  g_return_val_if_fail (MG_IS_LABEL_SET (self), FALSE);
  g_return_val_if_fail (MG_IS_LABEL (label), FALSE);

  if (g_hash_table_contains (self->by_id, mg_label_get_id (label)))
    return FALSE;

  g_ptr_array_add (self->labels, g_object_ref (label));
  g_hash_table_insert (self->by_id, (char *)mg_label_get_id (label), label);
  g_list_model_items_changed (G_LIST_MODEL (self), self->labels->len - 1, 0, 1);

  return TRUE;
}

guint
mg_label_set_get_n_labels (MgLabelSet *self)
{
  g_return_val_if_fail (MG_IS_LABEL_SET (self), 0);
  return self->labels->len;
}

/**
 * mg_label_set_get_label:
 *
 * Returns: (transfer none): the label at @position
 */
MgLabel *
mg_label_set_get_label (MgLabelSet *self,
                        guint       position)
{
  g_return_val_if_fail (MG_IS_LABEL_SET (self), NULL);
  g_return_val_if_fail (position < self->labels->len, NULL);
  return g_ptr_array_index (self->labels, position);
}

/**
 * mg_label_set_lookup:
 *
 * Returns: (transfer none) (nullable): the label called @id
 */
MgLabel *
mg_label_set_lookup (MgLabelSet *self,
                     const char *id)
{
  g_return_val_if_fail (MG_IS_LABEL_SET (self), NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_id, id);
}

/**
 * mg_label_set_lookup_key:
 * @key: a key such as "1"
 *
 * Returns: (transfer none) (nullable): the first label applied by @key
 */
MgLabel *
mg_label_set_lookup_key (MgLabelSet *self,
                         const char *key)
{
  g_return_val_if_fail (MG_IS_LABEL_SET (self), NULL);

  if (key == NULL || *key == '\0')
    return NULL;

  for (guint i = 0; i < self->labels->len; i++)
    {
      MgLabel *label = g_ptr_array_index (self->labels, i);

      if (g_strcmp0 (mg_label_get_key (label), key) == 0)
        return label;
    }

  return NULL;
}

/**
 * mg_label_set_index_of:
 *
 * Returns: the position of the label called @id, or -1
 */
int
mg_label_set_index_of (MgLabelSet *self,
                       const char *id)
{
  g_return_val_if_fail (MG_IS_LABEL_SET (self), -1);

  for (guint i = 0; i < self->labels->len; i++)
    if (g_strcmp0 (mg_label_get_id (g_ptr_array_index (self->labels, i)), id) == 0)
      return (int)i;

  return -1;
}
