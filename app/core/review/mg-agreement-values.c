/* mg-agreement-values.c: agreement on attributes and document codes
 *
 * An attribute is compared over the spans the annotators marked alike
 * (same label, start and end): Cohen's kappa over the spans A and B both
 * have, Krippendorff's alpha over those every annotator has. A document
 * code is compared over the compared documents. A span or document
 * without a value counts as the value "none", since leaving a value out
 * is a decision a colleague may not share.
 *
 * Both are nominal over any number of values:
 *   kappa = (po - pe) / (1 - pe), pe = Σ_c pA(c) pB(c);
 *   alpha = 1 - (n - 1) Σ_u (m² - Σ_c n_uc²) / ((m - 1)(n² - Σ_c n_c²)),
 * with n = m N values over N units, n_uc the coders giving unit u value c
 * and n_c all values c (Krippendorff's coincidences, every unit coded by
 * all m). As for labels, both are 1 when every unit got the same value and
 * undefined (NAN) without units.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-agreement"

#include "config.h"

#include <math.h>
#include <string.h>

#include "mg-agreement-private.h"
#include "mg-scheme.h"

#define NONE "\x01none"  /* no value; no string of the file can be it */

typedef struct
{
  MgValueAgreement  result;
  /* kappa */
  GHashTable       *a_counts;   /* value -> count */
  GHashTable       *b_counts;
  guint64           agreed;
  /* alpha */
  GHashTable       *all_counts;
  double            mixed;      /* Σ_u (m² - Σ_c n_uc²) */
} Tally;

static void
tally_free (Tally *t)
{
  g_free (t->result.id);
  g_hash_table_unref (t->a_counts);
  g_hash_table_unref (t->b_counts);
  g_hash_table_unref (t->all_counts);
  g_free (t);
}

static Tally *
tally_for (GPtrArray  *tallies,
           const char *id,
           gboolean    is_code)
{
  Tally *t;

  for (guint i = 0; i < tallies->len; i++)
    {
      t = g_ptr_array_index (tallies, i);
      if (t->result.is_code == is_code && g_str_equal (t->result.id, id))
        return t;
    }
  t = g_new0 (Tally, 1);
  t->result.id = g_strdup (id);
  t->result.is_code = is_code;
  t->a_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  t->b_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  t->all_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_ptr_array_add (tallies, t);
  return t;
}

static void
bump (GHashTable *counts,
      const char *value)
{
  gpointer old = g_hash_table_lookup (counts, value);

  g_hash_table_replace (counts, g_strdup (value), GSIZE_TO_POINTER (GPOINTER_TO_SIZE (old) + 1));
}

static char *
value_of (JsonNode *node)
{
  char *value = mg_value_to_string (node);

  return value ? value : g_strdup (NONE);
}

static void
tally_pair (Tally      *t,
            const char *a,
            const char *b)
{
  bump (t->a_counts, a);
  bump (t->b_counts, b);
  t->agreed += g_str_equal (a, b);
  t->result.n_pairs++;
}

static void
tally_unit (Tally       *t,
            char       **values,
            guint        m)
{
  double same = 0;

  for (guint i = 0; i < m; i++)
    {
      bump (t->all_counts, values[i]);
      for (guint j = 0; j < m; j++)
        same += g_str_equal (values[i], values[j]);
    }
  t->mixed += (double) m * m - same;
  t->result.n_units++;
}

static double
kappa_of (Tally *t)
{
  double n = t->result.n_pairs, pe = 0;
  GHashTableIter iter;
  gpointer key, count;

  if (n == 0)
    return NAN;
  g_hash_table_iter_init (&iter, t->a_counts);
  while (g_hash_table_iter_next (&iter, &key, &count))
    pe += (GPOINTER_TO_SIZE (count) / n) *
          (GPOINTER_TO_SIZE (g_hash_table_lookup (t->b_counts, key)) / n);
  if (pe >= 1.0)
    return 1.0;
  return (t->agreed / n - pe) / (1 - pe);
}

static double
alpha_of (Tally *t,
          guint  m)
{
  double n = (double) t->result.n_units * m, squares = 0;
  GHashTableIter iter;
  gpointer count;

  if (t->result.n_units == 0)
    return NAN;
  g_hash_table_iter_init (&iter, t->all_counts);
  while (g_hash_table_iter_next (&iter, NULL, &count))
    squares += (double) GPOINTER_TO_SIZE (count) * GPOINTER_TO_SIZE (count);
  if (n * n - squares == 0)
    return 1.0;
  return 1.0 - (n - 1) * t->mixed / ((m - 1) * (n * n - squares));
}

/* The ids of a value-holding object, added to @ids once. */
static void
add_ids (GPtrArray  *ids,
         JsonObject *object)
{
  g_autoptr(GList) members = object ? json_object_get_members (object) : NULL;

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_ptr_array_find_with_equal_func (ids, l->data, g_str_equal, NULL))
      g_ptr_array_add (ids, l->data);
}

/* One span of A and its twins in the other datasets (NULL where none). */
static void
count_span (GPtrArray     *tallies,
            MgDocument   **docs,
            guint          m,
            MgAnnotation  *a,
            GPtrArray     *declared)
{
  g_autofree MgAnnotation **twins = g_new0 (MgAnnotation *, m);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  gboolean all = TRUE;

  twins[0] = a;
  for (guint k = 1; k < m; k++)
    {
      twins[k] = mg_annotation_store_find (mg_document_get_store (docs[k]),
                                           mg_annotation_get_label (a),
                                           mg_annotation_get_start (a),
                                           mg_annotation_get_end (a));
      all &= twins[k] != NULL;
    }
  if (twins[1] == NULL)
    return;

  for (guint i = 0; declared != NULL && i < declared->len; i++)
    g_ptr_array_add (ids, ((MgField *) g_ptr_array_index (declared, i))->id);
  for (guint k = 0; k < m; k++)
    if (twins[k] != NULL)
      add_ids (ids, mg_annotation_get_attributes (twins[k]));

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      Tally *t = tally_for (tallies, id, FALSE);
      g_auto(GStrv) values = g_new0 (char *, m + 1);

      for (guint k = 0; k < m; k++)
        values[k] = value_of (twins[k] ? mg_annotation_get_attribute (twins[k], id) : NULL);
      tally_pair (t, values[0], values[1]);
      if (all)
        tally_unit (t, values, m);
    }
}

static void
count_codes (GPtrArray   *tallies,
             MgDocument **docs,
             guint        m,
             MgScheme    *scheme)
{
  GPtrArray *declared = mg_scheme_get_document_codes (scheme);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < declared->len; i++)
    g_ptr_array_add (ids, ((MgField *) g_ptr_array_index (declared, i))->id);
  for (guint k = 0; k < m; k++)
    add_ids (ids, mg_document_get_codes (docs[k]));

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      Tally *t = tally_for (tallies, id, TRUE);
      g_auto(GStrv) values = g_new0 (char *, m + 1);

      for (guint k = 0; k < m; k++)
        values[k] = value_of (mg_document_get_code (docs[k], id));
      tally_pair (t, values[0], values[1]);
      tally_unit (t, values, m);
    }
}

void
_mg_value_agreement_free (MgValueAgreement *value)
{
  g_free (value->id);
  g_free (value);
}

/**
 * _mg_agreement_count_span_values:
 * @document: a document compared
 *
 * The tallies of the attributes of @document's spans, which a refresh
 * keeps for the documents that did not change.
 *
 * Returns: (transfer full): the tallies, for _mg_agreement_sum_values()
 */
GPtrArray *
_mg_agreement_count_span_values (MgAgreement *self,
                                 MgScheme    *scheme,
                                 guint        document)
{
  GPtrArray *tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_free);
  MgDocument **docs = g_ptr_array_index (_mg_agreement_documents (self), document);
  GPtrArray *labels = _mg_agreement_labels (self);
  MgAnnotationStore *store = mg_document_get_store (docs[0]);
  guint m = _mg_agreement_n_annotators (self);

  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);

      if (g_ptr_array_find_with_equal_func (labels, mg_annotation_get_label (a), g_str_equal, NULL))
        count_span (tallies, docs, m, a, mg_scheme_get_attributes (scheme, mg_annotation_get_label (a)));
    }
  return tallies;
}

static void
add_counts (GHashTable *into,
            GHashTable *from)
{
  GHashTableIter iter;
  gpointer key, count;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &count))
    {
      gpointer old = g_hash_table_lookup (into, key);

      g_hash_table_replace (into, g_strdup (key),
                            GSIZE_TO_POINTER (GPOINTER_TO_SIZE (old) + GPOINTER_TO_SIZE (count)));
    }
}

/* Adds @from's counts to @into's: every figure is a sum over units. */
static void
merge_tally (Tally       *into,
             const Tally *from)
{
  add_counts (into->a_counts, from->a_counts);
  add_counts (into->b_counts, from->b_counts);
  add_counts (into->all_counts, from->all_counts);
  into->agreed += from->agreed;
  into->mixed += from->mixed;
  into->result.n_pairs += from->result.n_pairs;
  into->result.n_units += from->result.n_units;
}

/**
 * _mg_agreement_sum_values:
 * @scheme: the first dataset's scheme, whose attributes and codes are
 *   compared first and in its order, even when nobody gave them a value
 * @span_values: (element-type GPtrArray): each document's tallies, from
 *   _mg_agreement_count_span_values()
 *
 * Sums the documents' tallies and counts the documents' codes, which
 * change without a store's "changed" and cost little.
 *
 * Returns: (transfer full) (element-type MgValueAgreement): the figures
 *   of each attribute, then of each document code
 */
GPtrArray *
_mg_agreement_sum_values (MgAgreement *self,
                          MgScheme    *scheme,
                          GPtrArray   *span_values)
{
  g_autoptr(GPtrArray) tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_free);
  GPtrArray *documents = _mg_agreement_documents (self);
  guint m = _mg_agreement_n_annotators (self);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) _mg_value_agreement_free);
  g_autoptr(GPtrArray) declared = mg_scheme_get_attribute_ids (scheme);

  /* The scheme's attributes and codes first, so they are listed in its
   * order; others as they are met, document after document. */
  for (guint i = 0; i < declared->len; i++)
    tally_for (tallies, g_ptr_array_index (declared, i), FALSE);
  for (guint i = 0; i < mg_scheme_get_document_codes (scheme)->len; i++)
    tally_for (tallies, ((MgField *) g_ptr_array_index (mg_scheme_get_document_codes (scheme), i))->id, TRUE);

  for (guint d = 0; d < span_values->len; d++)
    {
      GPtrArray *counted = g_ptr_array_index (span_values, d);

      for (guint i = 0; i < counted->len; i++)
        {
          const Tally *t = g_ptr_array_index (counted, i);

          merge_tally (tally_for (tallies, t->result.id, FALSE), t);
        }
    }
  for (guint d = 0; d < documents->len; d++)
    count_codes (tallies, g_ptr_array_index (documents, d), m, scheme);

  /* Attributes before codes, whatever order they were met in. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < tallies->len; i++)
      {
        Tally *t = g_ptr_array_index (tallies, i);
        MgValueAgreement *v;

        if (t->result.is_code != (pass == 1))
          continue;
        v = g_new0 (MgValueAgreement, 1);
        *v = t->result;
        v->id = g_strdup (t->result.id);
        v->kappa = kappa_of (t);
        v->alpha = alpha_of (t, m);
        g_ptr_array_add (out, v);
      }
  return out;
}
