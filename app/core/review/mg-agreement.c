/* mg-agreement.c: span, token and chance-corrected agreement
 *
 * Two or more datasets of the same documents are compared. Documents pair
 * by the SHA-256 of their text, never by id; labels are compared when every
 * label set has them. A is the first dataset and B the second: precision,
 * recall, kappa and the list of disagreements are about those two, while
 * Krippendorff's alpha takes every annotator at once.
 *
 * Everything is first counted per document and label into a Counts cell;
 * the figures of a label, of a document or of everything are then computed
 * from summed cells, so that pooled figures are exactly micro averages.
 * The cells of one document depend on that document alone, so when the
 * spans of a few documents change, mg_agreement_refresh() counts those
 * again and sums the cells anew, instead of comparing everything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-agreement"

#include "config.h"

#include <math.h>
#include <string.h>

#include "mg-agreement-private.h"
#include "mg-tokens.h"

typedef struct
{
  /* Spans, for precision and recall. */
  guint64 spans_a, spans_b;
  guint64 exact_a, exact_b;
  guint64 overlap_a, overlap_b;
  /* Token × label items coded 1/0 by A then B, for kappa. */
  guint64 n11, n10, n01, n00;
  /* For alpha: items, values 1 over all annotators, and the sum over items
   * of j (m - j) where j annotators coded the item 1. */
  guint64 items, ones, mixed;
} Counts;

struct _MgAgreement
{
  GObject parent_instance;

  GPtrArray          *names;        /* char*, one per annotator */
  GPtrArray          *labels;       /* char*, the labels compared */
  GPtrArray          *documents;    /* MgDocument** of n_annotators each */
  GArray             *disagreements;
  GPtrArray          *left_out;     /* MgLeftOutDocument* */
  GPtrArray          *notes;        /* char* */
  GPtrArray          *values;       /* MgValueAgreement*: attributes, then codes */
  GPtrArray          *span_values;  /* per document, the tallies of its spans' attributes */
  char               *values_key;   /* the scheme's attributes they were counted with */
  guint              *doc_tokens;
  Counts             *counts;       /* (n_documents + 1) × (n_labels + 1) */
  MgAgreementFigures *figures;      /* the same shape */
  guint               n_annotators;

  /* For mg_agreement_refresh() */
  GHashTable         *label_index;  /* label id → position in labels */
  GHashTable         *store_index;  /* MgAnnotationStore* → document + 1 */
  GHashTable         *dirty;        /* documents to count again, + 1 */
  gboolean            stale;        /* documents or labels came or went */
  MgDataset          *first;        /* whose scheme names the values */
  gboolean            lists_values; /* values given differently are listed */
};

G_DEFINE_FINAL_TYPE (MgAgreement, mg_agreement, G_TYPE_OBJECT)

static void
left_out_free (gpointer data)
{
  MgLeftOutDocument *doc = data;

  g_free (doc->id);
  g_free (doc->text_sha256);
  g_free (doc->note);
  g_free (doc);
}

static void
disagreement_clear (gpointer data)
{
  MgDisagreement *d = data;

  g_clear_object (&d->a);
  g_clear_object (&d->b);
  g_clear_pointer (&d->values[0], g_free);
  g_clear_pointer (&d->values[1], g_free);
}

static void
documents_free (gpointer data)
{
  MgDocument **docs = data;

  for (guint i = 0; docs[i] != NULL; i++)
    g_object_unref (docs[i]);
  g_free (docs);
}

static void
mg_agreement_finalize (GObject *object)
{
  MgAgreement *self = (MgAgreement *)object;

  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->disagreements, g_array_unref);
  g_clear_pointer (&self->left_out, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_clear_pointer (&self->span_values, g_ptr_array_unref);
  g_clear_pointer (&self->values_key, g_free);
  g_clear_object (&self->first);
  g_clear_pointer (&self->doc_tokens, g_free);
  g_clear_pointer (&self->counts, g_free);
  g_clear_pointer (&self->figures, g_free);
  g_clear_pointer (&self->label_index, g_hash_table_unref);
  g_clear_pointer (&self->store_index, g_hash_table_unref);
  g_clear_pointer (&self->dirty, g_hash_table_unref);

  G_OBJECT_CLASS (mg_agreement_parent_class)->finalize (object);
}

static void
mg_agreement_class_init (MgAgreementClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mg_agreement_finalize;
}

static void
mg_agreement_init (MgAgreement *self)
{
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->documents = g_ptr_array_new_with_free_func (documents_free);
  self->disagreements = g_array_new (FALSE, TRUE, sizeof (MgDisagreement));
  g_array_set_clear_func (self->disagreements, disagreement_clear);
  self->left_out = g_ptr_array_new_with_free_func (left_out_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  self->store_index = g_hash_table_new (NULL, NULL);
  self->dirty = g_hash_table_new (NULL, NULL);
}

static inline Counts *
cell (MgAgreement *self,
      guint        document,
      guint        label)
{
  return &self->counts[document * (self->labels->len + 1) + label];
}

static void
counts_add (Counts       *to,
            const Counts *from)
{
  guint64 *t = (guint64 *)to;
  const guint64 *f = (const guint64 *)from;

  for (guint i = 0; i < sizeof (Counts) / sizeof (guint64); i++)
    t[i] += f[i];
}

/* Figures, with the conventions documented in mg-agreement.h ------------ */

static void
span_scores (MgSpanScores *s,
             guint64       spans_a,
             guint64       spans_b,
             guint64       matched_a,
             guint64       matched_b)
{
  s->spans_a = spans_a;
  s->spans_b = spans_b;
  s->matched_a = matched_a;
  s->matched_b = matched_b;
  s->precision = spans_b > 0 ? (double)matched_b / spans_b : NAN;
  s->recall = spans_a > 0 ? (double)matched_a / spans_a : NAN;

  if (spans_a == 0 && spans_b == 0)
    s->f1 = NAN;
  else if (spans_a == 0 || spans_b == 0 || matched_a + matched_b == 0)
    s->f1 = 0.0;
  else
    s->f1 = 2 * s->precision * s->recall / (s->precision + s->recall);
}

/* Cohen's kappa of a 2 × 2 table, in the closed form
 * 2 (n11 n00 - n10 n01) / ((n11 + n10)(n10 + n00) + (n11 + n01)(n01 + n00)),
 * which is (po - pe) / (1 - pe) without the rounding of the proportions. */
static double
cohen_kappa (const Counts *c)
{
  double a = c->n11, b = c->n10, k = c->n01, d = c->n00;
  double denominator;

  if (c->items == 0)
    return NAN;

  /* Chance agreement is 1 only when both coded every item alike, and then
   * they agree perfectly. */
  denominator = (a + b) * (b + d) + (a + k) * (k + d);
  if (denominator == 0)
    return 1.0;

  return 2 * (a * d - b * k) / denominator;
}

/* Krippendorff's alpha for nominal values 0/1, every item coded by all m
 * annotators: with n = m N values, n1 ones and n0 zeros, the observed
 * disagreement is the sum over items of j (m - j) / (m - 1), and
 * alpha = 1 - (n - 1) Σ j (m - j) / ((m - 1) n0 n1). */
static double
krippendorff_alpha (const Counts *c,
                    guint         m)
{
  double n, n1, n0;

  if (c->items == 0)
    return NAN;

  n = (double)c->items * m;
  n1 = c->ones;
  n0 = n - n1;
  if (n0 == 0 || n1 == 0)
    return 1.0;

  return 1.0 - (n - 1) * c->mixed / ((m - 1) * n0 * n1);
}

static void
figures_compute (MgAgreementFigures *f,
                 const Counts       *c,
                 guint               m,
                 guint               n_tokens)
{
  span_scores (&f->exact, c->spans_a, c->spans_b, c->exact_a, c->exact_b);
  span_scores (&f->overlap, c->spans_a, c->spans_b, c->overlap_a, c->overlap_b);
  f->kappa = cohen_kappa (c);
  f->alpha = krippendorff_alpha (c, m);
  f->n_tokens = n_tokens;
  f->n_items = c->items;
}

/* Counting one document -------------------------------------------------- */

/* How many spans of @of some span of @by overlaps. @by is sorted by start,
 * and @max_end[i] is the largest end among its first i + 1 spans, so that
 * the spans starting before a span's end are a prefix found by bisection. */
static guint
count_overlapped (GPtrArray *of,
                  GPtrArray *by)
{
  g_autofree guint *max_end = g_new (guint, by->len + 1);
  guint n = 0;

  for (guint i = 0; i < by->len; i++)
    {
      guint end = mg_annotation_get_end (g_ptr_array_index (by, i));

      max_end[i] = i > 0 ? MAX (max_end[i - 1], end) : end;
    }

  for (guint i = 0; i < of->len; i++)
    {
      MgAnnotation *s = g_ptr_array_index (of, i);
      guint lo = 0, hi = by->len;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (mg_annotation_get_start (g_ptr_array_index (by, mid)) < mg_annotation_get_end (s))
            lo = mid + 1;
          else
            hi = mid;
        }
      if (lo > 0 && max_end[lo - 1] > mg_annotation_get_start (s))
        n++;
    }

  return n;
}

static int
compare_range (MgAnnotation *a,
               MgAnnotation *b)
{
  guint as = mg_annotation_get_start (a), bs = mg_annotation_get_start (b);
  guint ae = mg_annotation_get_end (a), be = mg_annotation_get_end (b);

  if (as != bs)
    return as < bs ? -1 : 1;
  if (ae != be)
    return ae < be ? -1 : 1;
  return 0;
}

/* Spans of two lists sorted by (start, end), both free of duplicates, that
 * the other list has too. */
static guint
count_exact (GPtrArray *x,
             GPtrArray *y)
{
  guint i = 0, j = 0, n = 0;

  while (i < x->len && j < y->len)
    {
      MgAnnotation *a = g_ptr_array_index (x, i);
      MgAnnotation *b = g_ptr_array_index (y, j);
      int r = compare_range (a, b);

      if (r == 0)
        n++;
      if (r <= 0)
        i++;
      if (r >= 0)
        j++;
    }

  return n;
}

/* Sets to 1 the codes of the tokens that @span overlaps. */
static void
code_span (GArray       *tokens,
           MgAnnotation *span,
           guint8       *codes)
{
  guint start = mg_annotation_get_start (span);
  guint end = mg_annotation_get_end (span);
  guint lo = 0, hi = tokens->len;

  /* First token that ends after the span starts. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (tokens, MgToken, mid).end <= start)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint t = lo; t < tokens->len && g_array_index (tokens, MgToken, t).start < end; t++)
    codes[t] = 1;
}

/* spans[k * n_labels + l]: the spans of annotator k with label l. */
static GPtrArray **
spans_by_label (MgAgreement  *self,
                MgDocument  **docs,
                GHashTable   *label_index)
{
  guint n_labels = self->labels->len;
  GPtrArray **spans = g_new0 (GPtrArray *, self->n_annotators * n_labels);

  for (guint k = 0; k < self->n_annotators * n_labels; k++)
    spans[k] = g_ptr_array_new ();

  for (guint k = 0; k < self->n_annotators; k++)
    {
      MgAnnotationStore *store = mg_document_get_store (docs[k]);

      for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
        {
          MgAnnotation *a = mg_annotation_store_get_annotation (store, i);
          gpointer index;

          if (g_hash_table_lookup_extended (label_index, mg_annotation_get_label (a), NULL, &index))
            g_ptr_array_add (spans[k * n_labels + GPOINTER_TO_UINT (index)], a);
        }
    }

  return spans;
}

static void
count_document (MgAgreement *self,
                guint        d,
                GHashTable  *label_index)
{
  MgDocument **docs = g_ptr_array_index (self->documents, d);
  guint n_labels = self->labels->len;
  guint m = self->n_annotators;
  g_autoptr(GArray) tokens = mg_tokenize (mg_document_get_text (docs[0]),
                                          mg_document_get_text_bytes (docs[0]));
  GPtrArray **spans = spans_by_label (self, docs, label_index);
  g_autofree guint8 *codes = g_new (guint8, (gsize)m * MAX (tokens->len, 1));

  self->doc_tokens[d] = tokens->len;

  for (guint l = 0; l < n_labels; l++)
    {
      Counts *c = cell (self, d, l);
      GPtrArray *a = spans[l], *b = spans[n_labels + l];

      c->spans_a = a->len;
      c->spans_b = b->len;
      c->exact_a = c->exact_b = count_exact (a, b);
      c->overlap_a = count_overlapped (a, b);
      c->overlap_b = count_overlapped (b, a);

      memset (codes, 0, (gsize)m * tokens->len);
      for (guint k = 0; k < m; k++)
        for (guint i = 0; i < spans[k * n_labels + l]->len; i++)
          code_span (tokens, g_ptr_array_index (spans[k * n_labels + l], i),
                     codes + (gsize)k * tokens->len);

      c->items = tokens->len;
      for (guint t = 0; t < tokens->len; t++)
        {
          guint8 ca = codes[t], cb = codes[tokens->len + t];
          guint j = 0;

          c->n11 += ca && cb;
          c->n10 += ca && !cb;
          c->n01 += !ca && cb;
          c->n00 += !ca && !cb;
          for (guint k = 0; k < m; k++)
            j += codes[(gsize)k * tokens->len + t];
          c->ones += j;
          c->mixed += (guint64)j * (m - j);
        }
    }

  for (guint k = 0; k < m * n_labels; k++)
    g_ptr_array_unref (spans[k]);
  g_free (spans);
}

/* Pooling and figures ---------------------------------------------------- */

static void
pool (MgAgreement *self)
{
  guint n_docs = self->documents->len;
  guint n_labels = self->labels->len;
  guint total_tokens = 0;

  for (guint d = 0; d < n_docs; d++)
    {
      for (guint l = 0; l < n_labels; l++)
        {
          counts_add (cell (self, d, n_labels), cell (self, d, l));
          counts_add (cell (self, n_docs, l), cell (self, d, l));
        }
      counts_add (cell (self, n_docs, n_labels), cell (self, d, n_labels));
      total_tokens += self->doc_tokens[d];
    }

  for (guint d = 0; d <= n_docs; d++)
    for (guint l = 0; l <= n_labels; l++)
      figures_compute (&self->figures[d * (n_labels + 1) + l], cell (self, d, l),
                       self->n_annotators, d < n_docs ? self->doc_tokens[d] : total_tokens);
}

static void
store_changed_cb (MgAgreement       *self,
                  guint              start,
                  guint              end,
                  MgAnnotationStore *store)
{
  gpointer d = g_hash_table_lookup (self->store_index, store);

  if (d != NULL)
    g_hash_table_add (self->dirty, d);
}

static void
stale_cb (MgAgreement *self)
{
  self->stale = TRUE;
}

/* Notes what changes in the datasets after the comparison. */
static void
watch (MgAgreement        *self,
       MgDataset * const  *datasets,
       guint               n_datasets)
{
  for (guint k = 0; k < n_datasets; k++)
    {
      g_signal_connect_object (datasets[k], "items-changed", G_CALLBACK (stale_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (mg_dataset_get_labels (datasets[k]), "items-changed",
                               G_CALLBACK (stale_cb), self, G_CONNECT_SWAPPED);
    }

  for (guint d = 0; d < self->documents->len; d++)
    {
      MgDocument **docs = g_ptr_array_index (self->documents, d);

      for (guint k = 0; k < self->n_annotators; k++)
        {
          MgAnnotationStore *store = mg_document_get_store (docs[k]);

          g_hash_table_insert (self->store_index, store, GUINT_TO_POINTER (d + 1));
          g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                                   G_CONNECT_SWAPPED);
        }
    }
}

/* Finds the disagreements of document @d again, in the place of the old
 * ones: the list stays in the order of the documents. */
static void
recount_disagreements (MgAgreement *self,
                       guint        d)
{
  GArray *all = self->disagreements;
  g_autoptr(GArray) found = g_array_new (FALSE, TRUE, sizeof (MgDisagreement));
  guint first = 0, n = 0;

  while (first < all->len && g_array_index (all, MgDisagreement, first).document < d)
    first++;
  while (first + n < all->len && g_array_index (all, MgDisagreement, first + n).document == d)
    n++;
  if (n > 0)
    g_array_remove_range (all, first, n);

  /* _mg_agreement_find_disagreements() appends to the list it is given. */
  self->disagreements = found;
  _mg_agreement_find_disagreements (self, d, self->label_index);
  if (self->lists_values)
    _mg_agreement_find_document_values (self, d, found);
  self->disagreements = all;

  /* The entries' references pass to the list. */
  g_array_insert_vals (all, first, found->data, found->len);
}

/* The attributes the scheme gives each label compared, as one string: the
 * span tallies kept depend on them. */
static char *
attributes_key (MgAgreement *self,
                MgScheme    *scheme)
{
  GString *key = g_string_new (NULL);

  for (guint l = 0; l < self->labels->len; l++)
    {
      const char *label = g_ptr_array_index (self->labels, l);
      GPtrArray *fields = mg_scheme_get_attributes (scheme, label);

      g_string_append_printf (key, "%s:", label);
      for (guint i = 0; fields != NULL && i < fields->len; i++)
        g_string_append_printf (key, "%s,", ((MgField *) g_ptr_array_index (fields, i))->id);
      g_string_append_c (key, ';');
    }
  return g_string_free (key, FALSE);
}

/* The agreement on attributes and document codes: each document's span
 * attributes tallied, again only for the documents that changed since
 * (their stores said so), unless the scheme's attributes changed; the
 * codes, which change without a store's "changed", counted whole, which
 * costs little. */
static void
count_values (MgAgreement *self,
              MgScheme    *scheme)
{
  g_autofree char *key = attributes_key (self, scheme);
  guint n = self->documents->len;

  if (self->span_values == NULL || self->span_values->len != n ||
      g_strcmp0 (key, self->values_key) != 0)
    {
      g_clear_pointer (&self->span_values, g_ptr_array_unref);
      self->span_values = g_ptr_array_new_full (n, (GDestroyNotify) g_ptr_array_unref);
      for (guint d = 0; d < n; d++)
        g_ptr_array_add (self->span_values, _mg_agreement_count_span_values (self, scheme, d));
      g_free (self->values_key);
      self->values_key = g_steal_pointer (&key);
    }
  else
    {
      GHashTableIter iter;
      gpointer entry;

      g_hash_table_iter_init (&iter, self->dirty);
      while (g_hash_table_iter_next (&iter, &entry, NULL))
        {
          guint d = GPOINTER_TO_UINT (entry) - 1;
          GPtrArray *old = g_ptr_array_index (self->span_values, d);

          self->span_values->pdata[d] = _mg_agreement_count_span_values (self, scheme, d);
          g_ptr_array_unref (old);
        }
    }

  g_clear_pointer (&self->values, g_ptr_array_unref);
  self->values = _mg_agreement_sum_values (self, scheme, self->span_values);
}

/* Whether any value could be counted now, when none was at the last
 * count: the scheme declares attributes or codes, a document carries
 * codes (which change without a store's "changed"), or a span of a
 * document changed since carries attributes. Counting walks every span's
 * twins; most datasets carry no values, and their refresh stays one
 * document's work. */
static gboolean
carries_values (MgAgreement *self,
                MgScheme    *scheme)
{
  g_autoptr(GPtrArray) declared = mg_scheme_get_attribute_ids (scheme);

  if (declared->len > 0 || mg_scheme_get_document_codes (scheme)->len > 0)
    return TRUE;
  for (guint d = 0; d < self->documents->len; d++)
    {
      MgDocument **docs = g_ptr_array_index (self->documents, d);

      for (guint k = 0; k < self->n_annotators; k++)
        {
          MgAnnotationStore *store = mg_document_get_store (docs[k]);

          if (mg_document_get_codes (docs[k]) != NULL)
            return TRUE;
          if (!g_hash_table_contains (self->dirty, GUINT_TO_POINTER (d + 1)))
            continue;
          for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
            if (mg_annotation_get_attributes (mg_annotation_store_get_annotation (store, i)) != NULL)
              return TRUE;
        }
    }
  return FALSE;
}

/**
 * mg_agreement_new:
 * @datasets: (array length=n_datasets): two or more datasets
 * @n_datasets: how many
 * @names: (nullable) (array length=n_datasets): what to call each
 *   annotator; %NULL to take each dataset's annotator, or a letter when
 *   it has none
 *
 * Compares the datasets: see mg_agreement_get_figures() for the figures,
 * mg_agreement_get_disagreement() for the spans A and B disagree on, and
 * mg_agreement_get_left_out() and mg_agreement_get_notes() for what could
 * not be compared. Nothing in the input is an error: a document missing
 * from one dataset or a label missing from one label set is left out and
 * reported.
 *
 * Returns: (transfer full): the comparison
 */
MgAgreement *
mg_agreement_new (MgDataset * const  *datasets,
                  guint               n_datasets,
                  const char * const *names)
{
  MgAgreement *self;
  g_autoptr(GHashTable) label_index = NULL;
  guint n_docs, n_labels;

  g_return_val_if_fail (datasets != NULL, NULL);
  g_return_val_if_fail (n_datasets >= 2, NULL);

  self = g_object_new (MG_TYPE_AGREEMENT, NULL);
  self->n_annotators = n_datasets;

  for (guint k = 0; k < n_datasets; k++)
    {
      const char *name = names != NULL ? names[k] : mg_dataset_get_annotator (datasets[k]);

      if (name == NULL || *name == '\0')
        g_ptr_array_add (self->names, g_strdup_printf ("%c", 'A' + (k % 26)));
      else
        g_ptr_array_add (self->names, g_strdup (name));
    }

  label_index = _mg_agreement_share_labels (self, datasets);
  _mg_agreement_pair_documents (self, datasets);

  n_docs = self->documents->len;
  n_labels = self->labels->len;
  self->doc_tokens = g_new0 (guint, n_docs + 1);
  self->counts = g_new0 (Counts, (gsize)(n_docs + 1) * (n_labels + 1));
  self->figures = g_new0 (MgAgreementFigures, (gsize)(n_docs + 1) * (n_labels + 1));

  for (guint d = 0; d < n_docs; d++)
    {
      count_document (self, d, label_index);
      _mg_agreement_find_disagreements (self, d, label_index);
    }
  pool (self);

  self->first = g_object_ref (datasets[0]);
  {
    g_autoptr(MgScheme) scheme = mg_scheme_new_from_dataset (self->first, NULL, NULL);

    count_values (self, scheme);
  }
  self->label_index = g_steal_pointer (&label_index);
  watch (self, datasets, n_datasets);

  return self;
}

/**
 * mg_agreement_refresh:
 *
 * Brings the comparison up to date with the datasets it compared, as they
 * are now: the documents whose spans changed since are counted again, and
 * the figures summed anew, which costs one document's work, not the whole
 * dataset's.
 *
 * Returns: %FALSE when documents or labels were added to or removed from
 *   a dataset since: then only a new comparison is right
 */
gboolean
mg_agreement_refresh (MgAgreement *self)
{
  g_autoptr(MgScheme) scheme = NULL;
  GHashTableIter iter;
  gpointer key;
  guint n_docs, n_labels;

  g_return_val_if_fail (MG_IS_AGREEMENT (self), FALSE);

  if (self->stale)
    return FALSE;
  /* A document's codes change without a store's "changed": a review that
   * lists values asks each document whether its codes still disagree as
   * listed. A span's values change with a "changed" of its store. */
  if (self->lists_values)
    {
      guint first = 0;

      for (guint d = 0; d < self->documents->len; d++)
        {
          gpointer entry = GUINT_TO_POINTER (d + 1);

          while (first < self->disagreements->len &&
                 g_array_index (self->disagreements, MgDisagreement, first).document < d)
            first++;
          if (!g_hash_table_contains (self->dirty, entry) && _mg_agreement_codes_changed (self, d, first))
            g_hash_table_add (self->dirty, entry);
        }
    }
  /* The first dataset's scheme names the values, and may have changed. */
  scheme = mg_scheme_new_from_dataset (self->first, NULL, NULL);
  if (self->values->len > 0 || carries_values (self, scheme))
    count_values (self, scheme);
  if (g_hash_table_size (self->dirty) == 0)
    return TRUE;

  n_docs = self->documents->len;
  n_labels = self->labels->len;
  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint d = GPOINTER_TO_UINT (key) - 1;

      for (guint l = 0; l < n_labels; l++)
        memset (cell (self, d, l), 0, sizeof (Counts));
      recount_disagreements (self, d);
      count_document (self, d, self->label_index);
    }
  g_hash_table_remove_all (self->dirty);

  /* The sums, which pool() makes again from the cells of each document. */
  for (guint d = 0; d < n_docs; d++)
    memset (cell (self, d, n_labels), 0, sizeof (Counts));
  for (guint l = 0; l <= n_labels; l++)
    memset (cell (self, n_docs, l), 0, sizeof (Counts));
  pool (self);

  return TRUE;
}

/* Accessors -------------------------------------------------------------- */

/**
 * mg_agreement_get_n_values:
 *
 * Returns: how many attributes and document codes were compared: those
 *   the first dataset's scheme declares, and any other a span or document
 *   compared carries
 */
guint
mg_agreement_get_n_values (MgAgreement *self)
{
  g_return_val_if_fail (MG_IS_AGREEMENT (self), 0);
  return self->values->len;
}

/**
 * mg_agreement_get_value:
 *
 * Returns: (transfer none): the agreement on one attribute (all of them
 *   first) or document code
 */
const MgValueAgreement *
mg_agreement_get_value (MgAgreement *self,
                        guint        position)
{
  g_return_val_if_fail (MG_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (position < self->values->len, NULL);
  return g_ptr_array_index (self->values, position);
}

guint
mg_agreement_get_n_annotators (MgAgreement *self)
{
  g_return_val_if_fail (MG_IS_AGREEMENT (self), 0);
  return self->n_annotators;
}

/**
 * mg_agreement_get_annotator:
 *
 * Returns: the name of annotator @annotator: 0 is A, 1 is B
 */
const char *
mg_agreement_get_annotator (MgAgreement *self,
                            guint        annotator)
{
  g_return_val_if_fail (MG_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (annotator < self->n_annotators, NULL);
  return g_ptr_array_index (self->names, annotator);
}

/**
 * mg_agreement_get_n_labels:
 *
 * Returns: how many labels were compared: those every label set has
 */
guint
mg_agreement_get_n_labels (MgAgreement *self)
{
  g_return_val_if_fail (MG_IS_AGREEMENT (self), 0);
  return self->labels->len;
}

/**
 * mg_agreement_get_label:
 *
 * Returns: the id of compared label @label, in the order of A's label set
 */
const char *
mg_agreement_get_label (MgAgreement *self,
                        guint        label)
{
  g_return_val_if_fail (MG_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (label < self->labels->len, NULL);
  return g_ptr_array_index (self->labels, label);
}

/**
 * mg_agreement_get_n_documents:
 *
 * Returns: how many documents every dataset has, and were compared
 */
guint
mg_agreement_get_n_documents (MgAgreement *self)
{
  g_return_val_if_fail (MG_IS_AGREEMENT (self), 0);
  return self->documents->len;
}

/**
 * mg_agreement_get_document:
 * @document: index of a compared document, in the order of A's dataset
 * @annotator: whose copy
 *
 * Returns: (transfer none): that annotator's copy of the document; all
 *   copies have the same text but may have different ids
 */
MgDocument *
mg_agreement_get_document (MgAgreement *self,
                           guint        document,
                           guint        annotator)
{
  g_return_val_if_fail (MG_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (document < self->documents->len, NULL);
  g_return_val_if_fail (annotator < self->n_annotators, NULL);
  return ((MgDocument **)g_ptr_array_index (self->documents, document))[annotator];
}

/**
 * mg_agreement_get_figures:
 * @document: index of a compared document, or -1 for all pooled
 * @label: index of a compared label, or -1 for all pooled
 *
 * Pooled figures are micro averages: the counts of every document and
 * label are summed before precision, recall, kappa or alpha are computed.
 *
 * Returns: (transfer none): the figures, valid as long as @self
 */
const MgAgreementFigures *
mg_agreement_get_figures (MgAgreement *self,
                          int          document,
                          int          label)
{
  guint n_labels;

  g_return_val_if_fail (MG_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (document < (int)self->documents->len, NULL);
  g_return_val_if_fail (label < (int)self->labels->len, NULL);

  n_labels = self->labels->len;
  if (document < 0)
    document = self->documents->len;
  if (label < 0)
    label = n_labels;
  return &self->figures[(guint)document * (n_labels + 1) + (guint)label];
}

guint
mg_agreement_get_n_disagreements (MgAgreement *self)
{
  g_return_val_if_fail (MG_IS_AGREEMENT (self), 0);
  return self->disagreements->len;
}

/**
 * mg_agreement_get_disagreement:
 *
 * Disagreements come in document order, then in text order, so that a
 * reviewer can walk them from first to last.
 *
 * Returns: (transfer none): disagreement @position
 */
const MgDisagreement *
mg_agreement_get_disagreement (MgAgreement *self,
                               guint        position)
{
  g_return_val_if_fail (MG_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (position < self->disagreements->len, NULL);
  return &g_array_index (self->disagreements, MgDisagreement, position);
}

/**
 * mg_agreement_get_left_out:
 *
 * Returns: (transfer none) (element-type MgLeftOutDocument): the documents
 *   not compared because some dataset lacks them, each with the reason
 */
GPtrArray *
mg_agreement_get_left_out (MgAgreement *self)
{
  g_return_val_if_fail (MG_IS_AGREEMENT (self), NULL);
  return self->left_out;
}

/**
 * mg_agreement_get_notes:
 *
 * Returns: (transfer none) (element-type utf8): sentences about what else
 *   was left out, such as labels that not every label set has
 */
GPtrArray *
mg_agreement_get_notes (MgAgreement *self)
{
  g_return_val_if_fail (MG_IS_AGREEMENT (self), NULL);
  return self->notes;
}

/**
 * mg_disagreement_kind_to_string:
 *
 * Returns: "only_a", "only_b", "label", "boundary", "attribute" or
 *   "code", as in JSON reports
 */
const char *
mg_disagreement_kind_to_string (MgDisagreementKind kind)
{
  switch (kind)
    {
    case MG_DISAGREEMENT_ONLY_A:
      return "only_a";
    case MG_DISAGREEMENT_ONLY_B:
      return "only_b";
    case MG_DISAGREEMENT_LABEL:
      return "label";
    case MG_DISAGREEMENT_BOUNDARY:
      return "boundary";
    case MG_DISAGREEMENT_ATTRIBUTE:
      return "attribute";
    case MG_DISAGREEMENT_CODE:
      return "code";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* For the other files of the class. */

GPtrArray *
_mg_agreement_names (MgAgreement *self)
{
  return self->names;
}

GPtrArray *
_mg_agreement_labels (MgAgreement *self)
{
  return self->labels;
}

GPtrArray *
_mg_agreement_documents (MgAgreement *self)
{
  return self->documents;
}

GArray *
_mg_agreement_disagreements (MgAgreement *self)
{
  return self->disagreements;
}

/* The disagreements list values given differently: the refresh cannot
 * keep such a list up to date. */
void
_mg_agreement_set_lists_values (MgAgreement *self)
{
  self->lists_values = TRUE;
}

guint
_mg_agreement_n_annotators (MgAgreement *self)
{
  return self->n_annotators;
}
