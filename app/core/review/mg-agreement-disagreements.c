/* mg-agreement-disagreements.c: the spans A and B do not share
 *
 * Every span of A or B that the other lacks exactly ends up in exactly one
 * disagreement, so that walking the list visits each difference once:
 * first a span of B over the same range under another label is paired
 * with it, then one of the same label that overlaps it most, and what is
 * still alone is a span only one of them has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-agreement"

#include "config.h"

#include "mg-agreement-private.h"

static guint
first_start (const MgDisagreement *d)
{
  guint a = d->a != NULL ? mg_annotation_get_start (d->a) : G_MAXUINT;
  guint b = d->b != NULL ? mg_annotation_get_start (d->b) : G_MAXUINT;

  return MIN (a, b);
}

static int
compare_disagreements (gconstpointer x,
                       gconstpointer y)
{
  const MgDisagreement *p = x, *q = y;
  MgAnnotation *ps = p->a != NULL ? p->a : p->b;
  MgAnnotation *qs = q->a != NULL ? q->a : q->b;

  if (first_start (p) != first_start (q))
    return first_start (p) < first_start (q) ? -1 : 1;
  if (p->kind != q->kind)
    return p->kind < q->kind ? -1 : 1;
  return mg_annotation_compare (ps, qs);
}

static void
add (GArray             *found,
     GHashTable         *used,
     MgDisagreementKind  kind,
     guint               document,
     MgAnnotation       *a,
     MgAnnotation       *b)
{
  MgDisagreement d = { kind, document, NULL, NULL };

  if (a != NULL)
    {
      d.a = g_object_ref (a);
      g_hash_table_add (used, a);
    }
  if (b != NULL)
    {
      d.b = g_object_ref (b);
      g_hash_table_add (used, b);
    }
  g_array_append_val (found, d);
}

static guint
overlap_length (MgAnnotation *a,
                MgAnnotation *b)
{
  guint start = MAX (mg_annotation_get_start (a), mg_annotation_get_start (b));
  guint end = MIN (mg_annotation_get_end (a), mg_annotation_get_end (b));

  return end > start ? end - start : 0;
}

/* The unused span of @store that overlaps @a: with another label over the
 * same range when @same_range, else with the same label, overlapping most. */
static MgAnnotation *
partner (MgAnnotationStore *store,
         MgAnnotation      *a,
         GHashTable        *used,
         GHashTable        *label_index,
         gboolean           same_range)
{
  g_autoptr(GPtrArray) near = mg_annotation_store_overlapping (store, mg_annotation_get_start (a),
                                                               mg_annotation_get_end (a));
  MgAnnotation *best = NULL;

  for (guint i = 0; i < near->len; i++)
    {
      MgAnnotation *b = g_ptr_array_index (near, i);
      gboolean same_label = g_strcmp0 (mg_annotation_get_label (a), mg_annotation_get_label (b)) == 0;

      if (g_hash_table_contains (used, b) ||
          !g_hash_table_contains (label_index, mg_annotation_get_label (b)))
        continue;

      if (same_range)
        {
          if (!same_label &&
              mg_annotation_get_start (a) == mg_annotation_get_start (b) &&
              mg_annotation_get_end (a) == mg_annotation_get_end (b))
            return b;
        }
      else if (same_label &&
               (best == NULL || overlap_length (a, b) > overlap_length (a, best)))
        best = b;
    }

  return best;
}

void
_mg_agreement_find_disagreements (MgAgreement *self,
                                  guint        document,
                                  GHashTable  *label_index)
{
  MgDocument **docs = g_ptr_array_index (_mg_agreement_documents (self), document);
  MgAnnotationStore *sa = mg_document_get_store (docs[0]);
  MgAnnotationStore *sb = mg_document_get_store (docs[1]);
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  g_autoptr(GArray) found = g_array_new (FALSE, TRUE, sizeof (MgDisagreement));

  for (guint i = 0; i < mg_annotation_store_get_n_annotations (sa); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (sa, i);
      MgAnnotation *b;

      if (!g_hash_table_contains (label_index, mg_annotation_get_label (a)))
        continue;
      b = mg_annotation_store_find (sb, mg_annotation_get_label (a),
                                    mg_annotation_get_start (a), mg_annotation_get_end (a));
      if (b != NULL)
        g_hash_table_add (used, b);
      else
        g_ptr_array_add (rest, a);
    }

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < rest->len; i++)
      {
        MgAnnotation *a = g_ptr_array_index (rest, i);
        MgAnnotation *b;

        if (g_hash_table_contains (used, a))
          continue;
        b = partner (sb, a, used, label_index, pass == 0);
        if (b != NULL)
          add (found, used, pass == 0 ? MG_DISAGREEMENT_LABEL : MG_DISAGREEMENT_BOUNDARY,
               document, a, b);
      }

  for (guint i = 0; i < rest->len; i++)
    if (!g_hash_table_contains (used, g_ptr_array_index (rest, i)))
      add (found, used, MG_DISAGREEMENT_ONLY_A, document, g_ptr_array_index (rest, i), NULL);

  for (guint i = 0; i < mg_annotation_store_get_n_annotations (sb); i++)
    {
      MgAnnotation *b = mg_annotation_store_get_annotation (sb, i);

      if (!g_hash_table_contains (used, b) &&
          g_hash_table_contains (label_index, mg_annotation_get_label (b)))
        add (found, used, MG_DISAGREEMENT_ONLY_B, document, NULL, b);
    }

  g_array_sort (found, compare_disagreements);
  /* The list takes over the references the entries hold. */
  g_array_append_vals (_mg_agreement_disagreements (self), found->data, found->len);
}
