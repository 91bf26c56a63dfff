/* mg-merge3-labels.c: the three-way merge of a dataset's labels
 *
 * Labels pair by id. A label one side changed (its name, colour or key)
 * takes that change; one changed or added differently on both sides keeps
 * ours, with a notice, since a label scheme is agreed in a team rather
 * than fought over span by span. A label one side removed goes, unless a
 * merged span still uses it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-merge3"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-merge3-private.h"

static gboolean
labels_same (MgLabel *a,
             MgLabel *b)
{
  return g_strcmp0 (mg_label_get_name (a), mg_label_get_name (b)) == 0 &&
         g_strcmp0 (mg_label_get_color (a), mg_label_get_color (b)) == 0 &&
         g_strcmp0 (mg_label_get_key (a), mg_label_get_key (b)) == 0 &&
         _mg_json_objects_equal (mg_label_get_extra (a), mg_label_get_extra (b));
}

static MgLabel *
lookup (MgDataset  *dataset,
        const char *id)
{
  return dataset != NULL ? mg_label_set_lookup (mg_dataset_get_labels (dataset), id) : NULL;
}

/* Adds a copy of @label; a key another label already has is dropped, so
 * one key never applies two labels. */
static void
add_label (MgLabelSet  *labels,
           MgLabel     *label,
           MgMerge3Log *log)
{
  const char *key = mg_label_get_key (label);
  MgLabel *holder = key != NULL && *key != '\0' ? mg_label_set_lookup_key (labels, key) : NULL;
  g_autoptr(MgLabel) copy = NULL;

  if (holder != NULL)
    {
      /* TRANSLATORS: "label “claim”: key 3 is already “quote”'s: key removed" */
      g_ptr_array_add (log->notices,
                       g_strdup_printf (_("label “%s”: key %s is already “%s”'s: key removed"),
                                        mg_label_get_id (label), key, mg_label_get_id (holder)));
      key = "";
    }
  copy = mg_label_new (mg_label_get_id (label), mg_label_get_name (label),
                       mg_label_get_color (label), key);
  mg_label_set_extra (copy, mg_label_get_extra (label));
  mg_label_set_add (labels, copy);
}

/* The version of label @o (ours) to keep, or %NULL when theirs removed it. */
static MgLabel *
merge_ours (MgLabel     *b,
            MgLabel     *o,
            MgLabel     *t,
            MgMerge3Log *log)
{
  if (t == NULL)
    return b != NULL && labels_same (b, o) ? NULL : o;
  if (labels_same (o, t))
    return o;
  if (b != NULL && labels_same (b, o))
    return t;
  if (b == NULL || !labels_same (b, t))
    g_ptr_array_add (log->notices,
                     g_strdup_printf (_("label “%s” changed on both sides: ours kept"),
                                      mg_label_get_id (o)));
  return o;
}

static void
restore_used (MgDataset   *result,
              MgDataset   *ours,
              MgDataset   *theirs,
              MgDataset   *base,
              MgMerge3Log *log)
{
  MgLabelSet *labels = mg_dataset_get_labels (result);

  for (guint d = 0; d < mg_dataset_get_n_documents (result); d++)
    {
      MgAnnotationStore *store = mg_document_get_store (mg_dataset_get_document (result, d));

      for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
        {
          const char *id = mg_annotation_get_label (mg_annotation_store_get_annotation (store, i));
          MgLabel *label;

          if (mg_label_set_lookup (labels, id) != NULL)
            continue;
          label = lookup (ours, id) ?: lookup (theirs, id) ?: lookup (base, id);
          if (label == NULL)
            continue;
          g_ptr_array_add (log->notices,
                           g_strdup_printf (_("label “%s” removed on one side but still used: kept"), id));
          add_label (labels, label, log);
        }
    }
}

void
_mg_merge3_labels (MgDataset   *base,
                   MgDataset   *ours,
                   MgDataset   *theirs,
                   MgDataset   *result,
                   MgMerge3Log *log)
{
  MgLabelSet *labels = mg_dataset_get_labels (result);
  MgLabelSet *mine = mg_dataset_get_labels (ours);
  MgLabelSet *other = mg_dataset_get_labels (theirs);

  for (guint i = 0; i < mg_label_set_get_n_labels (mine); i++)
    {
      MgLabel *o = mg_label_set_get_label (mine, i);
      const char *id = mg_label_get_id (o);
      MgLabel *keep = merge_ours (lookup (base, id), o, lookup (theirs, id), log);

      if (keep != NULL)
        add_label (labels, keep, log);
    }
  for (guint i = 0; i < mg_label_set_get_n_labels (other); i++)
    {
      MgLabel *t = mg_label_set_get_label (other, i);
      MgLabel *b = lookup (base, mg_label_get_id (t));

      if (lookup (ours, mg_label_get_id (t)) != NULL || (b != NULL && labels_same (b, t)))
        continue;
      add_label (labels, t, log);
    }
  restore_used (result, ours, theirs, base, log);
}
