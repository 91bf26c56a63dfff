/* test-agreement.c: tokens, agreement figures and disagreements
 *
 * The figures are checked three ways: small cases worked out by hand (the
 * arithmetic is in the comments), a second, deliberately naive
 * implementation run on generated pairs and triples, and the tokenizer
 * against Python's re.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "mg-agreement.h"
#include "mg-core.h"
#include "mg-tokens.h"

/* Tokenizer --------------------------------------------------------------- */

/* Generated with python3 3.11 (Unicode 14):
 *   for s in cases:
 *     print(' '.join('%d,%d' % (m.start(), m.end())
 *                    for m in re.finditer(r'\w+|[^\w\s]', s)))
 * Covers emoji with a variation selector and skin tone, a ZWJ family,
 * combining marks (Latin, Devanagari, Thai, Arabic harakat), CJK, Arabic-
 * Indic digits with the Arabic thousands separator, no-break spaces,
 * superscripts, fractions, Roman numerals, a zero-width space, and the
 * control characters Python counts as spaces. */
static const struct {
  const char *text;
  const char *tokens;
} token_cases[] = {
  { "Mark Rutte said NATO will spend 5% more.",
    "0,4 5,10 11,15 16,20 21,25 26,31 32,33 33,34 35,39 39,40" },
  { "Prices rose 1,234.56 (or 3.5%) in 2025\342\200\224\342\200\234quoted\342\200\235, said O'Neil_Jr.",
    "0,6 7,11 12,13 13,14 14,17 17,18 18,20 21,22 22,24 25,26 26,27 27,28 28,29 29,30 31,33 34,38 38,39 39,40 40,46 46,47 47,48 49,53 54,55 55,56 56,63 63,64" },
  { "I \342\235\244\357\270\217 NY \360\237\221\215\360\237\217\275 ok \360\237\221\250\342\200\215\360\237\221\251\342\200\215\360\237\221\247 family",
    "0,1 2,3 3,4 5,7 8,9 9,10 11,13 14,15 15,16 16,17 17,18 18,19 20,26" },
  { "cafe\314\201 na\303\257ve \340\244\225\340\244\277\340\244\250\340\245\215\340\244\246\340\245\200 \340\270\227\340\270\265\340\271\210",
    "0,4 4,5 6,11 12,13 13,14 14,15 15,16 16,17 17,18 19,20 20,21 21,22" },
  { "\346\227\245\346\234\254\350\252\236\343\201\256\343\203\206\343\202\255\343\202\271\343\203\210\343\200\202\346\235\261\344\272\254 2026\345\271\264",
    "0,8 8,9 9,11 12,17" },
  { "\331\202\330\247\331\204 \330\247\331\204\330\261\330\246\331\212\330\263 \331\243\331\254\331\245\331\240\331\240 \331\205\331\217\330\255\331\216\331\205\331\216\331\221\330\257.",
    "0,3 4,10 11,12 12,13 13,16 17,18 18,19 19,20 20,21 21,22 22,23 23,24 24,25 25,26" },
  { "10\302\240000 \342\202\254 and 5\342\200\257%, x\302\262 \302\275 \342\205\253 a\342\200\213b",
    "0,2 3,6 7,8 9,12 13,14 15,16 16,17 18,20 21,22 23,24 25,26 26,27 27,28" },
  { "tab\011here\034\035sep\302\205next\342\200\250line\342\200\251para\013v\014f\015\012end",
    "0,3 4,8 10,13 14,18 19,23 24,28 29,30 31,32 34,37" },
};

static char *
tokens_to_string (GArray *tokens)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < tokens->len; i++)
    g_string_append_printf (s, "%s%u,%u", i > 0 ? " " : "",
                            g_array_index (tokens, MgToken, i).start,
                            g_array_index (tokens, MgToken, i).end);
  return g_string_free (s, FALSE);
}

static void
test_tokens_python_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (token_cases); i++)
    {
      g_autoptr(GArray) tokens = mg_tokenize (token_cases[i].text, -1);
      g_autofree char *got = tokens_to_string (tokens);

      g_assert_cmpstr (got, ==, token_cases[i].tokens);
    }
}

static void
test_tokens_edges (void)
{
  g_autoptr(GArray) none = mg_tokenize ("", -1);
  g_autoptr(GArray) spaces = mg_tokenize (" \t\n\302\240", -1);
  g_autoptr(GArray) cut = mg_tokenize ("ab cd", 4);
  g_autofree char *cut_s = tokens_to_string (cut);

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (spaces->len, ==, 0);
  g_assert_cmpstr (cut_s, ==, "0,2 3,4");
  g_assert_true (mg_unichar_is_word ('_'));
  g_assert_true (mg_unichar_is_word (0x00B2));   /* ² is No */
  g_assert_false (mg_unichar_is_word (0x0301));  /* combining acute is Mn */
  g_assert_true (mg_unichar_is_space (0x85));
  g_assert_false (mg_unichar_is_space (0x200B)); /* zero-width space is Cf */
}

/* Random text over many Unicode categories, tokenized by python3 itself
 * when it is there, so that the embedded cases above are not the only
 * evidence. */
static void
test_tokens_python_live (void)
{
  static const gunichar pool[] = {
    'a', 'Z', '0', '_', ' ', '.', ',', '\'', '-', '\t', '\n', 0x1c, 0x85,
    0xA0, 0xB2, 0xBD, 0xE9, 0x0301, 0x0308, 0x0627, 0x064E, 0x0663, 0x066C,
    0x0915, 0x093F, 0x094D, 0x0E17, 0x0E48, 0x200B, 0x200D, 0x2028, 0x202F,
    0x2014, 0x201C, 0x216B, 0x3002, 0x65E5, 0x30C6, 0xFE0F, 0x1F44D, 0x1F3FD,
    0x1F468, 0x20AC,
  };
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261126);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GArray) tokens = NULL;
  g_autofree char *got = NULL;
  g_autofree char *path = NULL;
  int status;
  const char *argv[] = { NULL, "-c",
    "import re,sys\n"
    "s=open(sys.argv[1],encoding='utf-8',newline='').read()\n"
    "print(' '.join('%d,%d'%(m.start(),m.end()) for m in re.finditer(r'\\w+|[^\\w\\s]',s)))",
    NULL, NULL };
  int fd;

  if (python == NULL)
    {
      g_test_skip ("python3 is not installed");
      return;
    }

  for (guint i = 0; i < 3000; i++)
    g_string_append_unichar (text, pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool))]);

  fd = g_file_open_tmp ("mg-tokens-XXXXXX.txt", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  argv[0] = python;
  argv[3] = path;
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_unlink (path);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_strchomp (out);

  tokens = mg_tokenize (text->str, text->len);
  got = tokens_to_string (tokens);
  g_assert_cmpstr (got, ==, out);
}

/* Building datasets ------------------------------------------------------- */

static MgDataset *
dataset_new (const char *annotator)
{
  MgDataset *dataset = mg_dataset_new ();

  mg_dataset_set_annotator (dataset, annotator);
  return dataset;
}

static MgDocument *
add_document (MgDataset  *dataset,
              const char *id,
              const char *text)
{
  g_autoptr(MgDocument) doc = mg_document_new (id, text, -1);

  g_assert_true (mg_dataset_add_document (dataset, doc));
  return doc;
}

static gboolean
add_span (MgDocument *doc,
          const char *label,
          guint       start,
          guint       end)
{
  g_autoptr(MgAnnotation) a = mg_annotation_new (NULL, label, start, end);

  return mg_annotation_store_add (mg_document_get_store (doc), a, NULL);
}

static void
assert_figure (double got,
               double expected)
{
  if (isnan (expected))
    {
      if (!isnan (got))
        g_error ("expected an undefined figure, got %.12g", got);
    }
  else if (isnan (got) || fabs (got - expected) > 1e-9)
    g_error ("expected %.12g, got %.12g", expected, got);
}

static void
assert_scores (const MgSpanScores *s,
               double              precision,
               double              recall,
               double              f1)
{
  assert_figure (s->precision, precision);
  assert_figure (s->recall, recall);
  assert_figure (s->f1, f1);
}

/* Hand-worked case -------------------------------------------------------- */

/* "Mark Rutte said NATO will spend 5% more."
 * Tokens: Mark[0,4) Rutte[5,10) said[11,15) NATO[16,20) will[21,25)
 * spend[26,31) 5[32,33) %[33,34) more[35,39) .[39,40): t0 … t9. */
static const char rutte[] = "Mark Rutte said NATO will spend 5% more.";

static void
build_rutte (MgDataset **a,
             MgDataset **b)
{
  MgDocument *da, *db;

  *a = dataset_new ("ayse");
  *b = dataset_new ("bora");
  da = add_document (*a, "rutte", rutte);
  db = add_document (*b, "rutte-copy", rutte);

  g_assert_true (add_span (da, "actor", 0, 10));   /* Mark Rutte */
  g_assert_true (add_span (da, "actor", 16, 20));  /* NATO */
  g_assert_true (add_span (da, "claim", 16, 39));  /* NATO will spend 5% more */
  g_assert_true (add_span (da, "figure", 32, 34)); /* 5% */

  g_assert_true (add_span (db, "actor", 0, 10));   /* exact match */
  g_assert_true (add_span (db, "claim", 16, 20));  /* A's actor, relabelled */
  g_assert_true (add_span (db, "claim", 21, 39));  /* A's claim, shorter */
  g_assert_true (add_span (db, "figure", 26, 31)); /* spend: a figure only B sees */
}

static void
test_hand_pair (void)
{
  g_autoptr(MgDataset) a = NULL;
  g_autoptr(MgDataset) b = NULL;
  g_autoptr(MgAgreement) agreement = NULL;
  const MgAgreementFigures *f;
  MgDataset *both[2];

  build_rutte (&a, &b);
  both[0] = a;
  both[1] = b;
  agreement = mg_agreement_new (both, 2, NULL);

  g_assert_cmpuint (mg_agreement_get_n_annotators (agreement), ==, 2);
  g_assert_cmpstr (mg_agreement_get_annotator (agreement, 1), ==, "bora");
  g_assert_cmpuint (mg_agreement_get_n_documents (agreement), ==, 1);
  g_assert_cmpstr (mg_document_get_id (mg_agreement_get_document (agreement, 0, 1)), ==, "rutte-copy");
  g_assert_cmpuint (mg_agreement_get_n_labels (agreement), ==, 4);
  g_assert_cmpstr (mg_agreement_get_label (agreement, 1), ==, "actor");
  g_assert_cmpuint (mg_agreement_get_left_out (agreement)->len, ==, 0);
  g_assert_cmpuint (mg_agreement_get_notes (agreement)->len, ==, 0);

  /* quote: nobody used it. No spans: P, R, F1 undefined; both code all 10
   * tokens 0, so kappa and alpha are 1 by convention. */
  f = mg_agreement_get_figures (agreement, -1, 0);
  assert_scores (&f->exact, NAN, NAN, NAN);
  assert_figure (f->kappa, 1.0);
  assert_figure (f->alpha, 1.0);

  /* actor: A has [0,10) [16,20), B has [0,10). Exact: P = 1/1, R = 1/2,
   * F1 = 2·1·0.5/1.5 = 2/3; overlap the same.
   * Tokens: A codes t0 t1 t3, B codes t0 t1: n11 = 2, n10 = 1, n01 = 0,
   * n00 = 7. po = 0.9, pe = 0.3·0.2 + 0.7·0.8 = 0.62,
   * kappa = 0.28/0.38 = 14/19. Alpha: n = 20 values, 5 ones, 15 zeros,
   * 1 disagreeing item: 1 - 19·1/(15·5) = 56/75. */
  f = mg_agreement_get_figures (agreement, -1, 1);
  assert_scores (&f->exact, 1.0, 0.5, 2.0 / 3);
  assert_scores (&f->overlap, 1.0, 0.5, 2.0 / 3);
  assert_figure (f->kappa, 14.0 / 19);
  assert_figure (f->alpha, 56.0 / 75);
  g_assert_cmpuint (f->n_items, ==, 10);

  /* claim: A [16,39), B [16,20) [21,39). Exact: nothing matches: 0, 0, 0.
   * Overlap: both of B overlap A's (P = 2/2), A's is overlapped (R = 1/1).
   * Tokens: both code t3 … t8 and not t9 (the span ends where "." starts),
   * so kappa = 1. */
  f = mg_agreement_get_figures (agreement, -1, 2);
  assert_scores (&f->exact, 0.0, 0.0, 0.0);
  assert_scores (&f->overlap, 1.0, 1.0, 1.0);
  assert_figure (f->kappa, 1.0);

  /* figure: A [32,34) (t6 t7), B [26,31) (t5). n11 = 0, n10 = 2, n01 = 1,
   * n00 = 7: po = 0.7, pe = 0.2·0.1 + 0.8·0.9 = 0.74,
   * kappa = -0.04/0.26 = -2/13. */
  f = mg_agreement_get_figures (agreement, -1, 3);
  assert_scores (&f->exact, 0.0, 0.0, 0.0);
  assert_scores (&f->overlap, 0.0, 0.0, 0.0);
  assert_figure (f->kappa, -2.0 / 13);

  /* Overall, pooled. Exact: 1 of 4 spans of B, 1 of 4 of A: 0.25 each.
   * Overlap: B matched 1 + 2 + 0 = 3 of 4, A matched 1 + 1 + 0 = 2 of 4:
   * P = 0.75, R = 0.5, F1 = 0.75/1.25 = 0.6.
   * Kappa over 40 items: n11 = 2+6 = 8, n10 = 1+2 = 3, n01 = 1,
   * n00 = 7+4+7+10 = 28: 2(8·28 - 3·1)/(11·31 + 9·29) = 442/602 = 221/301.
   * Alpha: 80 values, 11 + 9 = 20 ones, 60 zeros, 4 disagreeing items:
   * 1 - 79·4/(60·20) = 221/300. */
  f = mg_agreement_get_figures (agreement, -1, -1);
  assert_scores (&f->exact, 0.25, 0.25, 0.25);
  assert_scores (&f->overlap, 0.75, 0.5, 0.6);
  assert_figure (f->kappa, 221.0 / 301);
  assert_figure (f->alpha, 221.0 / 300);
  g_assert_cmpuint (f->n_tokens, ==, 10);
  g_assert_cmpuint (f->n_items, ==, 40);

  /* One document: its figures are the pooled ones. */
  g_assert_cmpmem (mg_agreement_get_figures (agreement, 0, -1), sizeof *f, f, sizeof *f);
}

static void
assert_disagreement (MgAgreement        *agreement,
                     guint               position,
                     MgDisagreementKind  kind,
                     const char         *a,
                     const char         *b)
{
  const MgDisagreement *d = mg_agreement_get_disagreement (agreement, position);
  g_autofree char *got_a = NULL;
  g_autofree char *got_b = NULL;

  if (d->a != NULL)
    got_a = g_strdup_printf ("%s %u %u %s", mg_annotation_get_label (d->a),
                             mg_annotation_get_start (d->a), mg_annotation_get_end (d->a),
                             mg_annotation_get_text (d->a));
  if (d->b != NULL)
    got_b = g_strdup_printf ("%s %u %u %s", mg_annotation_get_label (d->b),
                             mg_annotation_get_start (d->b), mg_annotation_get_end (d->b),
                             mg_annotation_get_text (d->b));
  g_assert_cmpstr (mg_disagreement_kind_to_string (d->kind), ==,
                   mg_disagreement_kind_to_string (kind));
  g_assert_cmpuint (d->document, ==, 0);
  g_assert_cmpstr (got_a, ==, a);
  g_assert_cmpstr (got_b, ==, b);
}

static void
test_hand_disagreements (void)
{
  g_autoptr(MgDataset) a = NULL;
  g_autoptr(MgDataset) b = NULL;
  g_autoptr(MgAgreement) agreement = NULL;
  MgDataset *both[2];

  build_rutte (&a, &b);
  both[0] = a;
  both[1] = b;
  agreement = mg_agreement_new (both, 2, NULL);

  /* The actor [0,10) both have is no disagreement; every other span is in
   * exactly one, in text order. */
  g_assert_cmpuint (mg_agreement_get_n_disagreements (agreement), ==, 4);
  assert_disagreement (agreement, 0, MG_DISAGREEMENT_LABEL,
                       "actor 16 20 NATO", "claim 16 20 NATO");
  assert_disagreement (agreement, 1, MG_DISAGREEMENT_BOUNDARY,
                       "claim 16 39 NATO will spend 5% more", "claim 21 39 will spend 5% more");
  assert_disagreement (agreement, 2, MG_DISAGREEMENT_ONLY_B, NULL, "figure 26 31 spend");
  assert_disagreement (agreement, 3, MG_DISAGREEMENT_ONLY_A, "figure 32 34 5%", NULL);
}

/* A third annotator C, a copy of A. Alpha for actor: j (annotators coding
 * 1) is 3 for t0 t1, 2 for t3, 0 elsewhere: 30 values, 8 ones, 22 zeros,
 * Σ j(3 - j) = 2: 1 - 29·2/(2·22·8) = 1 - 58/352 = 147/176. Precision,
 * recall and kappa stay those of A and B. */
static void
test_hand_triple (void)
{
  g_autoptr(MgDataset) a = NULL;
  g_autoptr(MgDataset) b = NULL;
  g_autoptr(MgDataset) c = dataset_new ("");
  g_autoptr(MgAgreement) agreement = NULL;
  const char *names[] = { "A1", "B2", "C3" };
  MgDocument *dc;
  MgDataset *all[3];

  build_rutte (&a, &b);
  dc = add_document (c, "rutte", rutte);
  g_assert_true (add_span (dc, "actor", 0, 10));
  g_assert_true (add_span (dc, "actor", 16, 20));
  g_assert_true (add_span (dc, "claim", 16, 39));
  g_assert_true (add_span (dc, "figure", 32, 34));

  all[0] = a;
  all[1] = b;
  all[2] = c;
  agreement = mg_agreement_new (all, 3, NULL);
  g_assert_cmpstr (mg_agreement_get_annotator (agreement, 2), ==, "C");
  assert_figure (mg_agreement_get_figures (agreement, -1, 1)->alpha, 147.0 / 176);
  assert_figure (mg_agreement_get_figures (agreement, -1, 1)->kappa, 14.0 / 19);
  assert_figure (mg_agreement_get_figures (agreement, -1, -1)->kappa, 221.0 / 301);
  g_clear_object (&agreement);

  agreement = mg_agreement_new (all, 3, names);
  g_assert_cmpstr (mg_agreement_get_annotator (agreement, 2), ==, "C3");
}

/* Identical and empty annotations: the conventions for undefined cases. */
static void
test_degenerate (void)
{
  g_autoptr(MgDataset) a = dataset_new ("a");
  g_autoptr(MgDataset) b = dataset_new ("b");
  g_autoptr(MgAgreement) empty = NULL;
  g_autoptr(MgAgreement) same = NULL;
  g_autoptr(MgAgreement) one_sided = NULL;
  MgDocument *da = add_document (a, "d", rutte);
  MgDocument *db = add_document (b, "d", rutte);
  MgDataset *both[2] = { a, b };
  const MgAgreementFigures *f;

  /* Nobody annotated: nothing to score, but perfect token agreement. */
  empty = mg_agreement_new (both, 2, NULL);
  f = mg_agreement_get_figures (empty, -1, -1);
  assert_scores (&f->exact, NAN, NAN, NAN);
  assert_figure (f->kappa, 1.0);
  assert_figure (f->alpha, 1.0);

  /* Both code every token of "figure" 1: chance agreement is 1, and kappa
   * is still 1 because they agree. */
  g_assert_true (add_span (da, "figure", 0, 40));
  g_assert_true (add_span (db, "figure", 0, 40));
  same = mg_agreement_new (both, 2, NULL);
  f = mg_agreement_get_figures (same, -1, 3);
  assert_scores (&f->exact, 1.0, 1.0, 1.0);
  assert_figure (f->kappa, 1.0);
  assert_figure (f->alpha, 1.0);
  g_assert_cmpuint (mg_agreement_get_n_disagreements (same), ==, 0);

  /* Only A has a claim: precision undefined, recall 0, F1 0; A codes the
   * 3 tokens of "said NATO" [11,20), B none: n10 = 3, n00 = 7,
   * kappa = 2(0 - 0)/(3·7 + 0·10) = 0. */
  g_assert_true (add_span (da, "claim", 11, 20));
  one_sided = mg_agreement_new (both, 2, NULL);
  f = mg_agreement_get_figures (one_sided, -1, 2);
  assert_scores (&f->exact, NAN, 0.0, 0.0);
  assert_figure (f->kappa, 0.0);
}

/* Documents pair by text; the rest is reported, not an error. */
static void
test_left_out (void)
{
  g_autoptr(MgDataset) a = dataset_new ("a");
  g_autoptr(MgDataset) b = dataset_new ("b");
  g_autoptr(MgAgreement) agreement = NULL;
  MgDataset *both[2] = { a, b };
  GPtrArray *left;

  add_document (a, "x", "same text");
  add_document (a, "y", "first version");
  add_document (b, "y", "second version");
  add_document (b, "renamed", "same text");
  add_document (b, "z", "only in b");

  agreement = mg_agreement_new (both, 2, NULL);
  g_assert_cmpuint (mg_agreement_get_n_documents (agreement), ==, 1);
  g_assert_cmpstr (mg_document_get_id (mg_agreement_get_document (agreement, 0, 1)), ==, "renamed");

  left = mg_agreement_get_left_out (agreement);
  g_assert_cmpuint (left->len, ==, 3);
  g_assert_cmpstr (((MgLeftOutDocument *)left->pdata[0])->id, ==, "y");
  g_assert_nonnull (strstr (((MgLeftOutDocument *)left->pdata[0])->note, "not in the dataset of b"));
  g_assert_nonnull (strstr (((MgLeftOutDocument *)left->pdata[0])->note, "another text"));
  g_assert_cmpstr (((MgLeftOutDocument *)left->pdata[1])->id, ==, "y");
  g_assert_nonnull (strstr (((MgLeftOutDocument *)left->pdata[1])->note, "not in the dataset of a"));
  g_assert_cmpstr (((MgLeftOutDocument *)left->pdata[2])->id, ==, "z");
  g_assert_null (strstr (((MgLeftOutDocument *)left->pdata[2])->note, "another text"));
}

/* Label sets that differ: compared on what they share. */
static void
test_labels_differ (void)
{
  g_autoptr(MgLabelSet) other = mg_label_set_new ();
  g_autoptr(MgDataset) a = dataset_new ("a");
  g_autoptr(MgDataset) b = NULL;
  g_autoptr(MgAgreement) agreement = NULL;
  g_autoptr(MgLabel) claim = mg_label_new ("claim", "Claim", "#009E73", "3");
  g_autoptr(MgLabel) actor = mg_label_new ("actor", "Actor", "#D55E00", "2");
  g_autoptr(MgLabel) opinion = mg_label_new ("opinion", "Opinion", "#000000", "5");
  MgDocument *da, *db;
  MgDataset *both[2];
  GPtrArray *notes;

  mg_label_set_add (other, claim);
  mg_label_set_add (other, opinion);
  mg_label_set_add (other, actor);
  b = mg_dataset_new_with_labels (other);
  mg_dataset_set_annotator (b, "b");
  da = add_document (a, "d", rutte);
  db = add_document (b, "d", rutte);
  g_assert_true (add_span (da, "figure", 32, 34));
  g_assert_true (add_span (da, "claim", 16, 39));
  g_assert_true (add_span (db, "opinion", 16, 39));
  g_assert_true (add_span (db, "claim", 16, 39));

  both[0] = a;
  both[1] = b;
  agreement = mg_agreement_new (both, 2, NULL);
  g_assert_cmpuint (mg_agreement_get_n_labels (agreement), ==, 2);
  g_assert_cmpstr (mg_agreement_get_label (agreement, 0), ==, "actor");
  g_assert_cmpstr (mg_agreement_get_label (agreement, 1), ==, "claim");

  notes = mg_agreement_get_notes (agreement);
  g_assert_cmpuint (notes->len, ==, 3);
  g_assert_cmpstr (notes->pdata[0], ==, "label “quote” of a is not in every label set: its 0 spans are left out");
  g_assert_cmpstr (notes->pdata[1], ==, "label “figure” of a is not in every label set: its 1 spans are left out");
  g_assert_cmpstr (notes->pdata[2], ==, "label “opinion” of b is not in every label set: its 1 spans are left out");

  /* Only the shared claim counts: a perfect match, and no disagreement. */
  assert_scores (&mg_agreement_get_figures (agreement, -1, -1)->exact, 1.0, 1.0, 1.0);
  g_assert_cmpuint (mg_agreement_get_n_disagreements (agreement), ==, 0);
}

/* A naive second implementation ------------------------------------------ */

/* Everything below recomputes the figures the slow, obvious way from the
 * spans as generated (not as the store holds them), with ASCII text and
 * an ASCII tokenizer, loops over all pairs, the textbook formulas of
 * kappa (po, pe) and the full coincidence matrix of alpha. */

#define N_GEN_LABELS 4
#define MAX_ANNOTATORS 3

static const char *gen_labels[N_GEN_LABELS] = { "quote", "actor", "claim", "figure" };

typedef struct
{
  guint label;
  guint start;
  guint end;
} Span;

typedef struct
{
  char   *text;
  guint   length;
  GArray *tokens;                 /* Span, label unused */
  GArray *spans[MAX_ANNOTATORS];  /* Span */
} GenDoc;

static GArray *
naive_tokens (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Span));
  guint i = 0;

  while (text[i] != '\0')
    {
      Span t = { 0, i, i + 1 };

      if (g_ascii_isspace (text[i]))
        {
          i++;
          continue;
        }
      if (g_ascii_isalnum (text[i]) || text[i] == '_')
        while (g_ascii_isalnum (text[t.end]) || text[t.end] == '_')
          t.end++;
      g_array_append_val (tokens, t);
      i = t.end;
    }

  return tokens;
}

static char *
random_text (GRand *rand)
{
  static const char *gaps[] = { " ", " ", " ", ", ", ". ", "-", "'", " (", ") ", "\n" };
  GString *s = g_string_new (NULL);
  guint n_words = g_rand_int_range (rand, 5, 60);

  for (guint w = 0; w < n_words; w++)
    {
      guint len = g_rand_int_range (rand, 1, 9);

      for (guint i = 0; i < len; i++)
        g_string_append_c (s, g_rand_int_range (rand, 0, 5) == 0
                              ? '0' + g_rand_int_range (rand, 0, 10)
                              : 'a' + g_rand_int_range (rand, 0, 26));
      g_string_append (s, gaps[g_rand_int_range (rand, 0, G_N_ELEMENTS (gaps))]);
    }

  return g_string_free (s, FALSE);
}

static Span
random_span (GRand *rand,
             guint  length)
{
  Span s;

  s.label = g_rand_int_range (rand, 0, N_GEN_LABELS);
  s.start = g_rand_int_range (rand, 0, length);
  s.end = MIN (length, s.start + g_rand_int_range (rand, 1, 30));
  return s;
}

/* A variant of A's span, as a second annotator might have made it. */
static gboolean
perturb (GRand *rand,
         Span  *s,
         guint  length)
{
  int r = g_rand_int_range (rand, 0, 100);

  if (r < 55)
    return TRUE;
  if (r < 70)
    {
      int start = (int)s->start + g_rand_int_range (rand, -3, 4);
      int end = (int)s->end + g_rand_int_range (rand, -3, 4);

      s->start = CLAMP (start, 0, (int)length - 1);
      s->end = CLAMP (end, (int)s->start + 1, (int)length);
      return TRUE;
    }
  if (r < 85)
    {
      s->label = (s->label + g_rand_int_range (rand, 1, N_GEN_LABELS)) % N_GEN_LABELS;
      return TRUE;
    }
  return FALSE;
}

/* Adds @s to the store and, when the store takes it (not a duplicate), to
 * the naive list. */
static void
put_span (MgDocument *doc,
          GArray     *spans,
          Span        s)
{
  if (add_span (doc, gen_labels[s.label], s.start, s.end))
    g_array_append_val (spans, s);
}

static GenDoc *
generate (GRand      *rand,
          guint       n_annotators,
          guint       n_docs,
          MgDataset **datasets)
{
  GenDoc *docs = g_new0 (GenDoc, n_docs);

  for (guint d = 0; d < n_docs; d++)
    {
      g_autofree char *id = g_strdup_printf ("doc%u", d);
      MgDocument *copies[MAX_ANNOTATORS];
      guint n_spans = g_rand_int_range (rand, 0, 14);

      docs[d].text = random_text (rand);
      docs[d].length = strlen (docs[d].text);
      docs[d].tokens = naive_tokens (docs[d].text);
      for (guint k = 0; k < n_annotators; k++)
        {
          docs[d].spans[k] = g_array_new (FALSE, FALSE, sizeof (Span));
          copies[k] = add_document (datasets[k], id, docs[d].text);
        }

      for (guint i = 0; i < n_spans; i++)
        {
          Span s = random_span (rand, docs[d].length);

          put_span (copies[0], docs[d].spans[0], s);
          for (guint k = 1; k < n_annotators; k++)
            {
              Span v = s;

              if (perturb (rand, &v, docs[d].length))
                put_span (copies[k], docs[d].spans[k], v);
            }
        }

      for (guint k = 1; k < n_annotators; k++)
        for (guint i = g_rand_int_range (rand, 0, 4); i > 0; i--)
          put_span (copies[k], docs[d].spans[k], random_span (rand, docs[d].length));
    }

  return docs;
}

static void
gen_docs_free (GenDoc *docs,
               guint   n_docs)
{
  for (guint d = 0; d < n_docs; d++)
    {
      g_free (docs[d].text);
      g_array_unref (docs[d].tokens);
      for (guint k = 0; k < MAX_ANNOTATORS; k++)
        if (docs[d].spans[k] != NULL)
          g_array_unref (docs[d].spans[k]);
    }
  g_free (docs);
}

static gboolean
wanted (int only,
        guint i)
{
  return only < 0 || (guint)only == i;
}

static gboolean
matches (const Span *x,
         const Span *y,
         gboolean    overlap)
{
  if (x->label != y->label)
    return FALSE;
  if (overlap)
    return x->start < y->end && y->start < x->end;
  return x->start == y->start && x->end == y->end;
}

/* How many spans of annotator @of some span of annotator @by matches. */
static void
naive_count (GenDoc   *docs,
             guint     n_docs,
             int       doc,
             int       label,
             guint     of,
             guint     by,
             gboolean  overlap,
             double   *n,
             double   *matched)
{
  *n = *matched = 0;
  for (guint d = 0; d < n_docs; d++)
    {
      if (!wanted (doc, d))
        continue;
      for (guint i = 0; i < docs[d].spans[of]->len; i++)
        {
          Span *x = &g_array_index (docs[d].spans[of], Span, i);

          if (!wanted (label, x->label))
            continue;
          *n += 1;
          for (guint j = 0; j < docs[d].spans[by]->len; j++)
            if (matches (x, &g_array_index (docs[d].spans[by], Span, j), overlap))
              {
                *matched += 1;
                break;
              }
        }
    }
}

static void
naive_scores (GenDoc   *docs,
              guint     n_docs,
              int       doc,
              int       label,
              gboolean  overlap,
              double   *p,
              double   *r,
              double   *f1)
{
  double n_a, m_a, n_b, m_b;

  naive_count (docs, n_docs, doc, label, 0, 1, overlap, &n_a, &m_a);
  naive_count (docs, n_docs, doc, label, 1, 0, overlap, &n_b, &m_b);
  *p = n_b > 0 ? m_b / n_b : NAN;
  *r = n_a > 0 ? m_a / n_a : NAN;
  if (n_a == 0 && n_b == 0)
    *f1 = NAN;
  else if (n_a == 0 || n_b == 0 || *p + *r == 0)
    *f1 = 0;
  else
    *f1 = 2 * *p * *r / (*p + *r);
}

/* 1 when a span of annotator @k with label @l overlaps the token. */
static int
naive_code (GenDoc *doc,
            guint   k,
            guint   l,
            Span   *token)
{
  for (guint i = 0; i < doc->spans[k]->len; i++)
    {
      Span *s = &g_array_index (doc->spans[k], Span, i);

      if (s->label == l && s->start < token->end && token->start < s->end)
        return 1;
    }
  return 0;
}

static void
naive_kappa_alpha (GenDoc *docs,
                   guint   n_docs,
                   guint   m,
                   int     doc,
                   int     label,
                   double *kappa,
                   double *alpha)
{
  double items = 0, agree = 0, a1 = 0, b1 = 0;
  double o[2][2] = { { 0, 0 }, { 0, 0 } };
  double n0, n1, n, po, pe, d_o, d_e;

  for (guint d = 0; d < n_docs; d++)
    for (guint l = 0; l < N_GEN_LABELS; l++)
      for (guint t = 0; t < docs[d].tokens->len; t++)
        {
          Span *token = &g_array_index (docs[d].tokens, Span, t);
          int v[MAX_ANNOTATORS];

          if (!wanted (doc, d) || !wanted (label, l))
            continue;
          for (guint k = 0; k < m; k++)
            v[k] = naive_code (&docs[d], k, l, token);

          items += 1;
          agree += v[0] == v[1];
          a1 += v[0];
          b1 += v[1];
          /* Every ordered pair of values of the item, weighted 1/(m - 1). */
          for (guint i = 0; i < m; i++)
            for (guint j = 0; j < m; j++)
              if (i != j)
                o[v[i]][v[j]] += 1.0 / (m - 1);
        }

  if (items == 0)
    {
      *kappa = *alpha = NAN;
      return;
    }

  po = agree / items;
  pe = (a1 / items) * (b1 / items) + (1 - a1 / items) * (1 - b1 / items);
  *kappa = pe == 1.0 ? 1.0 : (po - pe) / (1 - pe);

  n0 = o[0][0] + o[0][1];
  n1 = o[1][0] + o[1][1];
  n = n0 + n1;
  d_o = (o[0][1] + o[1][0]) / n;
  d_e = (n0 * n1 + n1 * n0) / (n * (n - 1));
  *alpha = d_e == 0 ? 1.0 : 1 - d_o / d_e;
}

static void
compare_cell (MgAgreement *agreement,
              GenDoc      *docs,
              guint        n_docs,
              guint        m,
              int          doc,
              int          label)
{
  const MgAgreementFigures *f = mg_agreement_get_figures (agreement, doc, label);
  double p, r, f1, kappa, alpha;

  naive_scores (docs, n_docs, doc, label, FALSE, &p, &r, &f1);
  assert_scores (&f->exact, p, r, f1);
  naive_scores (docs, n_docs, doc, label, TRUE, &p, &r, &f1);
  assert_scores (&f->overlap, p, r, f1);
  naive_kappa_alpha (docs, n_docs, m, doc, label, &kappa, &alpha);
  assert_figure (f->kappa, kappa);
  assert_figure (f->alpha, alpha);
}

/* Every span of A or B without an exact twin is in exactly one
 * disagreement, of the kind its partner allows. */
static void
check_disagreements (MgAgreement *agreement)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint expected = 0;

  for (guint d = 0; d < mg_agreement_get_n_documents (agreement); d++)
    {
      const MgAgreementFigures *f = mg_agreement_get_figures (agreement, d, -1);

      expected += f->exact.spans_a - f->exact.matched_a + f->exact.spans_b - f->exact.matched_b;
    }

  for (guint i = 0; i < mg_agreement_get_n_disagreements (agreement); i++)
    {
      const MgDisagreement *x = mg_agreement_get_disagreement (agreement, i);

      if (x->a != NULL)
        g_assert_true (g_hash_table_add (seen, x->a));
      if (x->b != NULL)
        g_assert_true (g_hash_table_add (seen, x->b));
      switch (x->kind)
        {
        case MG_DISAGREEMENT_ONLY_A:
          g_assert_true (x->a != NULL && x->b == NULL);
          break;
        case MG_DISAGREEMENT_ONLY_B:
          g_assert_true (x->a == NULL && x->b != NULL);
          break;
        case MG_DISAGREEMENT_LABEL:
          g_assert_cmpuint (mg_annotation_get_start (x->a), ==, mg_annotation_get_start (x->b));
          g_assert_cmpuint (mg_annotation_get_end (x->a), ==, mg_annotation_get_end (x->b));
          g_assert_cmpstr (mg_annotation_get_label (x->a), !=, mg_annotation_get_label (x->b));
          break;
        case MG_DISAGREEMENT_BOUNDARY:
          g_assert_cmpstr (mg_annotation_get_label (x->a), ==, mg_annotation_get_label (x->b));
          g_assert_true (mg_annotation_overlaps (x->a, mg_annotation_get_start (x->b),
                                                 mg_annotation_get_end (x->b)));
          break;
        default:
          g_assert_not_reached ();
        }
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, expected);
}

static void
test_naive_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);

  for (guint round = 0; round < 60; round++)
    {
      guint m = round % 3 == 2 ? 3 : 2;
      guint n_docs = g_rand_int_range (rand, 1, 4);
      MgDataset *datasets[MAX_ANNOTATORS] = { NULL, NULL, NULL };
      g_autoptr(MgAgreement) agreement = NULL;
      GenDoc *docs;

      for (guint k = 0; k < m; k++)
        datasets[k] = dataset_new (gen_labels[k]);
      docs = generate (rand, m, n_docs, datasets);
      agreement = mg_agreement_new (datasets, m, NULL);

      g_assert_cmpuint (mg_agreement_get_n_documents (agreement), ==, n_docs);
      for (int d = -1; d < (int)n_docs; d++)
        {
          if (d >= 0)
            g_assert_cmpuint (mg_agreement_get_figures (agreement, d, -1)->n_tokens, ==,
                              docs[d].tokens->len);
          for (int l = -1; l < N_GEN_LABELS; l++)
            compare_cell (agreement, docs, n_docs, m, d, l);
        }
      check_disagreements (agreement);

      gen_docs_free (docs, n_docs);
      for (guint k = 0; k < m; k++)
        g_object_unref (datasets[k]);
    }
}

static void
assert_same_agreement (MgAgreement *x,
                       MgAgreement *y)
{
  guint n_docs = mg_agreement_get_n_documents (x);

  g_assert_cmpuint (mg_agreement_get_n_documents (y), ==, n_docs);
  for (int d = -1; d < (int)n_docs; d++)
    for (int l = -1; l < N_GEN_LABELS; l++)
      {
        const MgAgreementFigures *fx = mg_agreement_get_figures (x, d, l);
        const MgAgreementFigures *fy = mg_agreement_get_figures (y, d, l);

        /* Bit for bit: NAN where the other is NAN, and no rounding apart. */
        g_assert_true (memcmp (fx, fy, sizeof *fx) == 0);
      }

  g_assert_cmpuint (mg_agreement_get_n_disagreements (x), ==, mg_agreement_get_n_disagreements (y));
  for (guint i = 0; i < mg_agreement_get_n_disagreements (x); i++)
    {
      const MgDisagreement *dx = mg_agreement_get_disagreement (x, i);
      const MgDisagreement *dy = mg_agreement_get_disagreement (y, i);

      g_assert_cmpint (dx->kind, ==, dy->kind);
      g_assert_cmpuint (dx->document, ==, dy->document);
      g_assert_true (dx->a == dy->a);
      g_assert_true (dx->b == dy->b);
    }
}

/* After edits to either side, a refreshed comparison is the one made from
 * scratch; a document added makes it refuse. */
static void
test_refresh (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (77);

  for (guint round = 0; round < 30; round++)
    {
      guint m = round % 3 == 2 ? 3 : 2;
      guint n_docs = g_rand_int_range (rand, 2, 6);
      MgDataset *datasets[MAX_ANNOTATORS] = { NULL, NULL, NULL };
      g_autoptr(MgAgreement) agreement = NULL;
      g_autoptr(MgDocument) extra = NULL;
      GenDoc *docs;

      for (guint k = 0; k < m; k++)
        datasets[k] = dataset_new (gen_labels[k]);
      docs = generate (rand, m, n_docs, datasets);
      agreement = mg_agreement_new (datasets, m, NULL);

      for (guint step = 0; step < 12; step++)
        {
          guint k = g_rand_int_range (rand, 0, m);
          MgDocument *doc = mg_dataset_get_document (datasets[k],
                                                     g_rand_int_range (rand, 0, n_docs));
          MgAnnotationStore *store = mg_document_get_store (doc);
          guint n = mg_annotation_store_get_n_annotations (store);
          guint length = mg_document_get_length (doc);
          g_autoptr(MgAgreement) fresh = NULL;

          switch (g_rand_int_range (rand, 0, 4))
            {
            case 3:
              /* A value on a span where there were none: counted from then on. */
              if (n > 0)
                {
                  MgAnnotation *a = mg_annotation_store_get_annotation (store, g_rand_int_range (rand, 0, n));
                  g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (),
                                                                     step % 2 ? "direct" : "indirect");
                  g_autoptr(JsonObject) valued = mg_extra_with_value (mg_annotation_get_extra (a), "attributes",
                                                                      "kind", value);

                  mg_annotation_store_set_extra (store, a, valued);
                }
              break;
            case 0:
              if (length > 2)
                {
                  guint start = g_rand_int_range (rand, 0, length - 1);
                  g_autoptr(MgAnnotation) a =
                    mg_annotation_new (NULL, gen_labels[g_rand_int_range (rand, 0, N_GEN_LABELS)],
                                       start, MIN (length, start + g_rand_int_range (rand, 1, 12)));

                  mg_annotation_store_add (store, a, NULL);
                }
              break;
            case 1:
              if (n > 0)
                mg_annotation_store_remove (store, mg_annotation_store_get_annotation (store,
                                                                                       g_rand_int_range (rand, 0, n)));
              break;
            default:
              if (n > 0)
                mg_annotation_store_set_label (store,
                                               mg_annotation_store_get_annotation (store, g_rand_int_range (rand, 0, n)),
                                               gen_labels[g_rand_int_range (rand, 0, N_GEN_LABELS)], NULL);
              break;
            }

          g_assert_true (mg_agreement_refresh (agreement));
          fresh = mg_agreement_new (datasets, m, NULL);
          assert_same_agreement (agreement, fresh);
          g_assert_cmpuint (mg_agreement_get_n_values (agreement), ==, mg_agreement_get_n_values (fresh));
          for (guint v = 0; v < mg_agreement_get_n_values (fresh); v++)
            {
              g_assert_cmpuint (mg_agreement_get_value (agreement, v)->n_units, ==,
                                mg_agreement_get_value (fresh, v)->n_units);
              g_assert_cmpuint (mg_agreement_get_value (agreement, v)->n_pairs, ==,
                                mg_agreement_get_value (fresh, v)->n_pairs);
              g_assert_cmpstr (mg_agreement_get_value (agreement, v)->id, ==,
                               mg_agreement_get_value (fresh, v)->id);
              g_assert_true (isnan (mg_agreement_get_value (agreement, v)->kappa) ==
                             isnan (mg_agreement_get_value (fresh, v)->kappa));
              if (!isnan (mg_agreement_get_value (fresh, v)->kappa))
                g_assert_cmpfloat_with_epsilon (mg_agreement_get_value (agreement, v)->kappa,
                                                mg_agreement_get_value (fresh, v)->kappa, 1e-12);
              if (!isnan (mg_agreement_get_value (fresh, v)->alpha))
                g_assert_cmpfloat_with_epsilon (mg_agreement_get_value (agreement, v)->alpha,
                                                mg_agreement_get_value (fresh, v)->alpha, 1e-12);
            }
        }
      check_disagreements (agreement);

      extra = mg_document_new ("extra", "A text no one has compared yet.", -1);
      mg_dataset_add_document (datasets[0], extra);
      g_assert_false (mg_agreement_refresh (agreement));

      gen_docs_free (docs, n_docs);
      for (guint k = 0; k < m; k++)
        g_object_unref (datasets[k]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tokens/python-cases", test_tokens_python_cases);
  g_test_add_func ("/tokens/edges", test_tokens_edges);
  g_test_add_func ("/tokens/python-live", test_tokens_python_live);
  g_test_add_func ("/agreement/hand/pair", test_hand_pair);
  g_test_add_func ("/agreement/hand/disagreements", test_hand_disagreements);
  g_test_add_func ("/agreement/hand/triple", test_hand_triple);
  g_test_add_func ("/agreement/degenerate", test_degenerate);
  g_test_add_func ("/agreement/left-out", test_left_out);
  g_test_add_func ("/agreement/labels-differ", test_labels_differ);
  g_test_add_func ("/agreement/naive-random", test_naive_random);
  g_test_add_func ("/agreement/refresh", test_refresh);

  return g_test_run ();
}
