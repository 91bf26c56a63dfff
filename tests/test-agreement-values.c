/* test-agreement-values.c: kappa and alpha of attributes and document
 * codes, against figures worked out by hand (and by Krippendorff's
 * coincidence matrix in Python)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "mg-core.h"
#include "mg-agreement.h"

/* TEXT1.index ("one") == 0, ("two") == 4, ("three") == 8, ("four") == 14,
 * ("five") == 19 */
#define TEXT1 "one two three four five"
#define TEXT2 "another article"

static char *
span (const char *id,
      guint       start,
      const char *word,
      const char *kind)
{
  return g_strdup_printf ("{\"id\": \"%s\", \"label\": \"quote\", \"start\": %u, \"end\": %u,"
                          " \"text\": \"%s\"%s%s%s}", id, start, start + (guint) strlen (word), word,
                          kind ? ", \"attributes\": {\"kind\": \"" : "", kind ? kind : "",
                          kind ? "\"}" : "");
}

/* A dataset of the two texts: @kinds gives the kind of the spans over
 * "one" to "five" ("-" for no span, "" for a span without a kind), and
 * the stances of the two documents (NULL for none). */
static MgDataset *
dataset (const char *annotator,
         const char *kinds[5],
         const char *stance1,
         const char *stance2)
{
  static const char *words[] = { "one", "two", "three", "four", "five" };
  static const guint starts[] = { 0, 4, 8, 14, 19 };
  g_autoptr(MgDocument) d1 = mg_document_new ("d1", TEXT1, -1);
  g_autoptr(MgDocument) d2 = mg_document_new ("d2", TEXT2, -1);
  g_autoptr(GString) spans = g_string_new (NULL);
  g_autofree char *codes1 = stance1 ? g_strdup_printf (", \"codes\": {\"stance\": \"%s\"}", stance1) : g_strdup ("");
  g_autofree char *codes2 = stance2 ? g_strdup_printf (", \"codes\": {\"stance\": \"%s\"}", stance2) : g_strdup ("");
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  MgDataset *out;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i + 1);
      g_autofree char *one = NULL;

      if (g_str_equal (kinds[i], "-"))
        continue;
      one = span (id, starts[i], words[i], *kinds[i] ? kinds[i] : NULL);
      g_string_append_printf (spans, "%s%s", spans->len ? ", " : "", one);
    }
  json = g_strdup_printf (
    "{\"format\": \"marginalia-dataset\", \"version\": 1, \"annotator\": \"%s\","
    " \"labels\": [{\"id\": \"quote\", \"name\": \"Quote\", \"color\": \"#0072B2\", \"key\": \"1\","
    "  \"attributes\": [{\"id\": \"kind\", \"values\": [\"direct\", \"indirect\", \"partial\"]}]}],"
    " \"document_codes\": [{\"id\": \"stance\", \"values\": [\"pro\", \"against\", \"neutral\"]}],"
    " \"documents\": ["
    "  {\"id\": \"d1\", \"text\": \"" TEXT1 "\", \"text_sha256\": \"%s\", \"annotations\": [%s], \"relations\": []%s},"
    "  {\"id\": \"d2\", \"text\": \"" TEXT2 "\", \"text_sha256\": \"%s\", \"annotations\": [], \"relations\": []%s}]}",
    annotator, mg_document_get_text_sha256 (d1), spans->str, codes1,
    mg_document_get_text_sha256 (d2), codes2);
  out = mg_dataset_load_data (json, strlen (json), annotator, &error);
  g_assert_no_error (error);
  return out;
}

static const MgValueAgreement *
find (MgAgreement *agreement,
      const char  *id)
{
  for (guint i = 0; i < mg_agreement_get_n_values (agreement); i++)
    if (g_str_equal (mg_agreement_get_value (agreement, i)->id, id))
      return mg_agreement_get_value (agreement, i);
  return NULL;
}

static void
test_values_three (void)
{
  /* Spans one to four all three have; five only A and B. */
  g_autoptr(MgDataset) a = dataset ("a", (const char *[]) { "direct", "direct", "indirect", "partial", "direct" },
                                    "pro", "against");
  g_autoptr(MgDataset) b = dataset ("b", (const char *[]) { "direct", "indirect", "indirect", "partial", "direct" },
                                    "pro", "neutral");
  g_autoptr(MgDataset) c = dataset ("c", (const char *[]) { "direct", "direct", "indirect", "", "-" },
                                    "pro", NULL);
  MgDataset *datasets[] = { a, b, c };
  g_autoptr(MgAgreement) agreement = mg_agreement_new (datasets, 3, NULL);
  const MgValueAgreement *kind = find (agreement, "kind");
  const MgValueAgreement *stance = find (agreement, "stance");

  g_assert_cmpuint (mg_agreement_get_n_values (agreement), ==, 2);
  g_assert_nonnull (kind);
  g_assert_false (kind->is_code);
  g_assert_cmpuint (kind->n_pairs, ==, 5);
  g_assert_cmpuint (kind->n_units, ==, 4);
  /* po = 4/5, pe = (3·2 + 1·2 + 1·1) / 25 */
  g_assert_cmpfloat_with_epsilon (kind->kappa, 0.6875, 1e-12);
  /* 1 - (12 - 1)·8 / (2·(144 - 46)) */
  g_assert_cmpfloat_with_epsilon (kind->alpha, 0.5510204081632653, 1e-12);

  g_assert_nonnull (stance);
  g_assert_true (stance->is_code);
  g_assert_cmpuint (stance->n_units, ==, 2);
  /* po = 1/2, pe = 1/4 */
  g_assert_cmpfloat_with_epsilon (stance->kappa, 1.0 / 3, 1e-12);
  /* 1 - 5·6 / (2·(36 - 12)) */
  g_assert_cmpfloat_with_epsilon (stance->alpha, 0.375, 1e-12);
}

static void
test_values_alike (void)
{
  const char *kinds[] = { "direct", "-", "-", "-", "-" };
  g_autoptr(MgDataset) a = dataset ("a", kinds, NULL, NULL);
  g_autoptr(MgDataset) b = dataset ("b", kinds, NULL, NULL);
  g_autoptr(MgDataset) c = dataset ("c", (const char *[]) { "-", "-", "-", "-", "-" }, NULL, NULL);
  MgDataset *two[] = { a, b };
  MgDataset *other[] = { a, c };
  g_autoptr(MgAgreement) agreement = mg_agreement_new (two, 2, NULL);
  g_autoptr(MgAgreement) nothing = mg_agreement_new (other, 2, NULL);

  /* One value everywhere: agreement, as for labels. */
  g_assert_cmpfloat (find (agreement, "kind")->kappa, ==, 1.0);
  g_assert_cmpfloat (find (agreement, "kind")->alpha, ==, 1.0);
  /* No span marked alike: nothing to compare. */
  g_assert_cmpuint (find (nothing, "kind")->n_pairs, ==, 0);
  g_assert_true (isnan (find (nothing, "kind")->kappa));
  g_assert_true (isnan (find (nothing, "kind")->alpha));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agreement-values/three", test_values_three);
  g_test_add_func ("/agreement-values/alike", test_values_alike);

  return g_test_run ();
}
