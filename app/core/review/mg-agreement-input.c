/* mg-agreement-input.c: what of the datasets can be compared
 *
 * Labels are compared when every label set has them; documents when every
 * dataset has their text. Whatever is left out gets a sentence that says
 * why, so that a comparison never quietly covers less than it seems to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-agreement"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-agreement-private.h"

static guint
count_label (MgDataset  *dataset,
             const char *label)
{
  guint n = 0;

  for (guint d = 0; d < mg_dataset_get_n_documents (dataset); d++)
    {
      MgAnnotationStore *store = mg_document_get_store (mg_dataset_get_document (dataset, d));

      for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
        if (g_strcmp0 (mg_annotation_get_label (mg_annotation_store_get_annotation (store, i)),
                       label) == 0)
          n++;
    }

  return n;
}

/*
 * Fills the compared labels in the order of A's label set and returns an
 * index from label id to position; its keys belong to @self.
 */
GHashTable *
_mg_agreement_share_labels (MgAgreement       *self,
                            MgDataset * const *datasets)
{
  guint n = _mg_agreement_n_annotators (self);
  GPtrArray *labels = _mg_agreement_labels (self);
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);
  MgLabelSet *first = mg_dataset_get_labels (datasets[0]);

  for (guint i = 0; i < mg_label_set_get_n_labels (first); i++)
    {
      const char *id = mg_label_get_id (mg_label_set_get_label (first, i));
      gboolean everywhere = TRUE;

      for (guint k = 1; k < n && everywhere; k++)
        everywhere = mg_label_set_lookup (mg_dataset_get_labels (datasets[k]), id) != NULL;
      if (everywhere)
        {
          g_ptr_array_add (labels, g_strdup (id));
          g_hash_table_insert (index, g_ptr_array_index (labels, labels->len - 1),
                               GUINT_TO_POINTER (labels->len - 1));
        }
    }

  for (guint k = 0; k < n; k++)
    {
      MgLabelSet *set = mg_dataset_get_labels (datasets[k]);

      for (guint i = 0; i < mg_label_set_get_n_labels (set); i++)
        {
          const char *id = mg_label_get_id (mg_label_set_get_label (set, i));

          if (g_hash_table_contains (index, id))
            continue;
          g_ptr_array_add (mg_agreement_get_notes (self),
                           g_strdup_printf (_("label “%s” of %s is not in every label set: its %u spans are left out"),
                                            id, (char *)g_ptr_array_index (_mg_agreement_names (self), k),
                                            count_label (datasets[k], id)));
        }
    }

  return index;
}

static void
leave_out (MgAgreement       *self,
           MgDataset * const *datasets,
           GHashTable       **by_text,
           MgDocument        *document)
{
  GPtrArray *names = _mg_agreement_names (self);
  const char *sha = mg_document_get_text_sha256 (document);
  const char *id = mg_document_get_id (document);
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GString) missing = g_string_new (NULL);
  MgLeftOutDocument *out;

  for (guint k = 0; k < _mg_agreement_n_annotators (self); k++)
    if (!g_hash_table_contains (by_text[k], sha))
      g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "",
                              (char *)g_ptr_array_index (names, k));
  g_string_append_printf (note, _("not in the dataset of %s"), missing->str);

  /* The same id over another text is most likely an edited article: say so,
   * since the pairing by text would otherwise look like a plain omission. */
  for (guint k = 0; k < _mg_agreement_n_annotators (self); k++)
    {
      MgDocument *twin = mg_dataset_lookup_document (datasets[k], id);

      if (twin != NULL && g_strcmp0 (mg_document_get_text_sha256 (twin), sha) != 0)
        g_string_append_printf (note, _("; %s has a document “%s” with another text"),
                                (char *)g_ptr_array_index (names, k), id);
    }

  out = g_new0 (MgLeftOutDocument, 1);
  out->id = g_strdup (id);
  out->text_sha256 = g_strdup (sha);
  out->note = g_string_free (g_steal_pointer (&note), FALSE);
  g_ptr_array_add (mg_agreement_get_left_out (self), out);
}

/*
 * Pairs documents by the SHA-256 of their text. A text every dataset has
 * is compared, in the order of A; any other text is left out once.
 */
void
_mg_agreement_pair_documents (MgAgreement       *self,
                              MgDataset * const *datasets)
{
  guint n = _mg_agreement_n_annotators (self);
  g_autofree GHashTable **by_text = g_new0 (GHashTable *, n);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint k = 0; k < n; k++)
    {
      by_text[k] = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint d = 0; d < mg_dataset_get_n_documents (datasets[k]); d++)
        {
          MgDocument *doc = mg_dataset_get_document (datasets[k], d);
          const char *sha = mg_document_get_text_sha256 (doc);

          if (!g_hash_table_contains (by_text[k], sha))
            g_hash_table_insert (by_text[k], (char *)sha, doc);
        }
    }

  for (guint k = 0; k < n; k++)
    for (guint d = 0; d < mg_dataset_get_n_documents (datasets[k]); d++)
      {
        MgDocument *doc = mg_dataset_get_document (datasets[k], d);
        const char *sha = mg_document_get_text_sha256 (doc);
        gboolean everywhere = TRUE;
        MgDocument **docs;

        /* A second copy of a text within one dataset cannot be told apart
         * from the first by text; only the first is compared. */
        if (!g_hash_table_add (seen, (char *)sha))
          {
            MgDocument *first = g_hash_table_lookup (by_text[k], sha);

            if (first != doc)
              g_ptr_array_add (mg_agreement_get_notes (self),
                               g_strdup_printf (_("document “%s” of %s has the same text as “%s”: only the first is compared"),
                                                mg_document_get_id (doc),
                                                (char *)g_ptr_array_index (_mg_agreement_names (self), k),
                                                mg_document_get_id (first)));
            continue;
          }

        for (guint j = 0; j < n && everywhere; j++)
          everywhere = g_hash_table_contains (by_text[j], sha);
        if (!everywhere)
          {
            leave_out (self, datasets, by_text, doc);
            continue;
          }

        docs = g_new0 (MgDocument *, n + 1);
        for (guint j = 0; j < n; j++)
          docs[j] = g_object_ref (g_hash_table_lookup (by_text[j], sha));
        g_ptr_array_add (_mg_agreement_documents (self), docs);
      }

  for (guint k = 0; k < n; k++)
    g_hash_table_unref (by_text[k]);
}
