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
#include "mg-scheme.h"

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
  MgDisagreement d = { kind, document, NULL, NULL, NULL, { NULL, NULL } };

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

/* The ids of two value-holding objects, each once, A's first. */
static GPtrArray *
value_ids (JsonObject *a,
           JsonObject *b)
{
  GPtrArray *ids = g_ptr_array_new ();
  JsonObject *objects[2] = { a, b };

  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(GList) members = objects[k] ? json_object_get_members (objects[k]) : NULL;

      for (GList *l = members; l != NULL; l = l->next)
        if (!g_ptr_array_find_with_equal_func (ids, l->data, g_str_equal, NULL))
          g_ptr_array_add (ids, l->data);
    }
  return ids;
}

/* One disagreement of each id whose values differ; a value only one side
 * gave differs too, since leaving it out is a decision of its own. */
static void
add_values (GArray             *found,
            MgDisagreementKind  kind,
            guint               document,
            MgAnnotation       *a,
            MgAnnotation       *b,
            MgDocument         *doc_a,
            MgDocument         *doc_b)
{
  gboolean code = kind == MG_DISAGREEMENT_CODE;
  g_autoptr(GPtrArray) ids = code ? value_ids (mg_document_get_codes (doc_a),
                                               mg_document_get_codes (doc_b))
                                  : value_ids (mg_annotation_get_attributes (a),
                                               mg_annotation_get_attributes (b));

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      MgDisagreement d = { kind, document, NULL, NULL, g_intern_string (id), { NULL, NULL } };

      d.values[0] = mg_value_to_string (code ? mg_document_get_code (doc_a, id)
                                             : mg_annotation_get_attribute (a, id));
      d.values[1] = mg_value_to_string (code ? mg_document_get_code (doc_b, id)
                                             : mg_annotation_get_attribute (b, id));
      if (g_strcmp0 (d.values[0], d.values[1]) == 0)
        {
          g_free (d.values[0]);
          g_free (d.values[1]);
          continue;
        }
      d.a = a ? g_object_ref (a) : NULL;
      d.b = b ? g_object_ref (b) : NULL;
      g_array_append_val (found, d);
    }
}

/* Where a disagreement goes in the list: by document, the document's codes
 * first (they are about no span), then as the spans' disagreements go. */
static int
compare_in_list (gconstpointer x,
                 gconstpointer y)
{
  const MgDisagreement *p = x, *q = y;
  gboolean pc = p->kind == MG_DISAGREEMENT_CODE, qc = q->kind == MG_DISAGREEMENT_CODE;

  if (p->document != q->document)
    return p->document < q->document ? -1 : 1;
  if (pc || qc)
    return qc - pc;
  return compare_disagreements (p, q);
}

/* The values A and B gave differently in @document: its codes, then each
 * attribute of each span they marked alike. Returns whether A or B gave
 * any value there. */
static gboolean
document_values (MgAgreement *self,
                 guint        document,
                 GArray      *found)
{
  MgDocument **docs = g_ptr_array_index (_mg_agreement_documents (self), document);
  MgAnnotationStore *sa = mg_document_get_store (docs[0]);
  MgAnnotationStore *sb = mg_document_get_store (docs[1]);
  gboolean any_values;

  any_values = mg_document_get_codes (docs[0]) != NULL || mg_document_get_codes (docs[1]) != NULL;
  add_values (found, MG_DISAGREEMENT_CODE, document, NULL, NULL, docs[0], docs[1]);
  for (guint i = 0; i < mg_annotation_store_get_n_annotations (sa); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (sa, i);
      MgAnnotation *b = mg_annotation_store_find (sb, mg_annotation_get_label (a),
                                                  mg_annotation_get_start (a),
                                                  mg_annotation_get_end (a));

      any_values |= mg_annotation_get_attributes (a) != NULL;
      if (b != NULL)
        add_values (found, MG_DISAGREEMENT_ATTRIBUTE, document, a, b, docs[0], docs[1]);
    }
  for (guint i = 0; !any_values && i < mg_annotation_store_get_n_annotations (sb); i++)
    any_values |= mg_annotation_get_attributes (mg_annotation_store_get_annotation (sb, i)) != NULL;
  return any_values;
}

/**
 * _mg_agreement_add_value_disagreements:
 *
 * Adds to the disagreements of A and B the values they gave differently:
 * each attribute of each span they marked alike, and each code of each
 * document. Only a review lists them: the agreement figures of values are
 * mg_agreement_get_value()'s.
 */
void
_mg_agreement_add_value_disagreements (MgAgreement *self)
{
  GPtrArray *documents = _mg_agreement_documents (self);
  GArray *list = _mg_agreement_disagreements (self);
  g_autoptr(GArray) found = g_array_new (FALSE, TRUE, sizeof (MgDisagreement));
  gboolean any_values = FALSE;

  for (guint document = 0; document < documents->len; document++)
    any_values |= document_values (self, document, found);
  /* A dataset without values keeps the quick refresh after a resolution. */
  if (any_values)
    _mg_agreement_set_lists_values (self);
  /* The list takes over the references and values the entries hold. */
  g_array_append_vals (list, found->data, found->len);
  g_array_sort (list, compare_in_list);
}

/**
 * _mg_agreement_find_document_values:
 * @found: the disagreements of @document found anew, which this sorts
 *
 * Adds the values of @document given differently to @found, for a refresh
 * of a review that lists them.
 */
void
_mg_agreement_find_document_values (MgAgreement *self,
                                    guint        document,
                                    GArray      *found)
{
  document_values (self, document, found);
  g_array_sort (found, compare_in_list);
}

/**
 * _mg_agreement_codes_changed:
 * @first: the position in the list of @document's first disagreement
 *
 * Whether @document's codes disagree otherwise than the list says: codes
 * change without a store's "changed", so a refresh asks each document.
 */
gboolean
_mg_agreement_codes_changed (MgAgreement *self,
                             guint        document,
                             guint        first)
{
  MgDocument **docs = g_ptr_array_index (_mg_agreement_documents (self), document);
  GArray *list = _mg_agreement_disagreements (self);
  g_autoptr(GArray) now = g_array_new (FALSE, TRUE, sizeof (MgDisagreement));
  gboolean changed = FALSE;
  guint listed = 0;

  add_values (now, MG_DISAGREEMENT_CODE, document, NULL, NULL, docs[0], docs[1]);
  /* The list holds a document's codes first. */
  while (first + listed < list->len &&
         g_array_index (list, MgDisagreement, first + listed).document == document &&
         g_array_index (list, MgDisagreement, first + listed).kind == MG_DISAGREEMENT_CODE)
    listed++;
  changed = listed != now->len;
  for (guint i = 0; !changed && i < now->len; i++)
    {
      const MgDisagreement *was = &g_array_index (list, MgDisagreement, first + i);
      const MgDisagreement *is = &g_array_index (now, MgDisagreement, i);

      changed = was->id != is->id || g_strcmp0 (was->values[0], is->values[0]) != 0 ||
                g_strcmp0 (was->values[1], is->values[1]) != 0;
    }
  for (guint i = 0; i < now->len; i++)
    {
      g_free (g_array_index (now, MgDisagreement, i).values[0]);
      g_free (g_array_index (now, MgDisagreement, i).values[1]);
    }
  return changed;
}
