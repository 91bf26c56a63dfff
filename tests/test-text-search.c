/* test-text-search.c: finding a phrase, its context, and tagging matches
 *
 * Offsets are code points, as Python's str gives them; each expectation
 * names the expression it was worked out with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mg-core.h"

/* The matches of @needle in @text as "start-end start-end". */
static char *
find (const char        *needle,
      const char        *text,
      MgTextSearchFlags  flags)
{
  g_autoptr(MgTextSearch) search = mg_text_search_new (needle, flags);
  g_autoptr(GArray) matches = NULL;
  GString *s = g_string_new (NULL);

  g_assert_nonnull (search);
  matches = mg_text_search_text (search, text, strlen (text));
  for (guint i = 0; i < matches->len; i++)
    {
      const MgTextMatch *m = &g_array_index (matches, MgTextMatch, i);

      g_string_append_printf (s, "%s%u-%u", i ? " " : "", m->start, m->end);
    }

  return g_string_free (s, FALSE);
}

#define assert_find(needle, text, flags, expected) G_STMT_START { \
  g_autofree char *got = find (needle, text, flags); \
  g_assert_cmpstr (got, ==, expected); \
} G_STMT_END

static void
test_case_folding (void)
{
  /* "The harbour. HARBOUR fees; Harbour".lower() finds at 4, 13, 27 */
  assert_find ("harbour", "The harbour. HARBOUR fees; Harbour", 0, "4-11 13-20 27-34");
  /* Full folding: "Straße".casefold() == "strasse"; s[0:6] is the word */
  assert_find ("STRASSE", "Straße", 0, "0-6");
  assert_find ("straße", "STRASSE strasse", 0, "0-7 8-15");
  /* A whole fold matches, half of one does not: "s" is half of "ß". */
  assert_find ("ss", "Straße", 0, "4-5");
  assert_find ("s", "ß", 0, "");
  /* Final sigma folds as sigma: "ΟΔΟΣ" and "οδος" */
  assert_find ("οδοσ", "ΟΔΟΣ οδος", 0, "0-4 5-9");
  /* Turkish dotted capital I: "İstanbul" is eight code points, its fold
   * has a combining dot, which diacritics-insensitive search drops. */
  assert_find ("istanbul", "İstanbul", 0, "");
  assert_find ("istanbul", "İstanbul", MG_TEXT_SEARCH_IGNORE_DIACRITICS, "0-8");
  /* Matches do not overlap: "aaaa" holds two "aa". */
  assert_find ("aa", "aaaa", 0, "0-2 2-4");
  /* Nothing to find in empty text, and nothing past the end. */
  assert_find ("x", "", 0, "");
  assert_find ("abc", "ab", 0, "");
}

static void
test_diacritics (void)
{
  /* Precomposed and decomposed "é" find each other:
   * s = "café cafe\u0301"; s[0:4], s[5:10] */
  assert_find ("café", "café cafe\u0301", 0, "0-4 5-10");
  assert_find ("cafe\u0301", "café cafe\u0301", 0, "0-4 5-10");
  /* Without the accent, case folding alone finds neither, and never half
   * a cluster: "cafe" is not the start of "cafe\u0301". */
  assert_find ("cafe", "café cafe\u0301 cafe", 0, "11-15");
  /* Ignoring diacritics finds all three, the mark inside the match. */
  assert_find ("cafe", "café cafe\u0301 cafe", MG_TEXT_SEARCH_IGNORE_DIACRITICS, "0-4 5-10 11-15");
  assert_find ("OZIL", "Mesut Özil", MG_TEXT_SEARCH_IGNORE_DIACRITICS, "6-10");
}

static void
test_offsets_are_code_points (void)
{
  /* s = "👍🏽 ok, 🇹🇷 OK"; s.lower().find("ok") == 3, then 10 */
  assert_find ("ok", "👍🏽 ok, 🇹🇷 OK", 0, "3-5 10-12");
}

static void
test_needle (void)
{
  g_assert_null (mg_text_search_new ("", 0));
  /* A lone combining mark is nothing to find once marks are dropped. */
  g_assert_null (mg_text_search_new ("\u0301", MG_TEXT_SEARCH_IGNORE_DIACRITICS));
  g_assert_null (mg_text_search_new ("\xff", 0));
}

static MgDataset *
make_dataset (void)
{
  MgDataset *dataset = mg_dataset_new ();
  g_autoptr(MgDocument) a = mg_document_new ("a", "The port raised fees.\nPort workers said the port was busy.", -1);
  g_autoptr(MgDocument) b = mg_document_new ("b", "No match here.", -1);
  g_autoptr(MgDocument) c = mg_document_new ("c", "A PORT, and a passport.", -1);

  mg_dataset_add_document (dataset, a);
  mg_dataset_add_document (dataset, b);
  mg_dataset_add_document (dataset, c);

  return dataset;
}

static void
test_dataset (void)
{
  g_autoptr(MgDataset) dataset = make_dataset ();
  g_autoptr(MgTextSearch) search = mg_text_search_new ("port", 0);
  g_autoptr(GListModel) hits = mg_text_search_dataset (search, dataset);
  static const struct { const char *doc; guint start, end; } expected[] = {
    { "a", 4, 8 }, { "a", 22, 26 }, { "a", 44, 48 }, { "c", 2, 6 }, { "c", 18, 22 },
  };

  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(MgTextHit) hit = g_list_model_get_item (hits, i);

      g_assert_cmpstr (mg_document_get_id (mg_text_hit_get_document (hit)), ==, expected[i].doc);
      g_assert_cmpuint (mg_text_hit_get_start (hit), ==, expected[i].start);
      g_assert_cmpuint (mg_text_hit_get_end (hit), ==, expected[i].end);
    }
}

static void
test_context (void)
{
  g_autoptr(MgDocument) doc =
    mg_document_new ("d", "First line.\none two three four five port six seven eight nine\nnext", -1);
  g_autoptr(MgTextHit) hit = mg_text_hit_new (doc, 36, 40);
  g_autofree char *left = NULL, *match = NULL, *right = NULL;
  g_autofree char *left1 = NULL, *match1 = NULL, *right1 = NULL;
  g_autoptr(MgTextHit) first = mg_text_hit_new (doc, 12, 15);

  mg_text_hit_get_context (hit, 3, &left, &match, &right);
  g_assert_cmpstr (left, ==, "three four five ");
  g_assert_cmpstr (match, ==, "port");
  g_assert_cmpstr (right, ==, " six seven eight");

  /* Context never crosses into the next or previous paragraph. */
  mg_text_hit_get_context (first, 5, &left1, &match1, &right1);
  g_assert_cmpstr (left1, ==, "");
  g_assert_cmpstr (match1, ==, "one");
}

static guint
count_label (MgDataset  *dataset,
             const char *label)
{
  guint n = 0;

  for (guint d = 0; d < mg_dataset_get_n_documents (dataset); d++)
    {
      MgAnnotationStore *store = mg_document_get_store (mg_dataset_get_document (dataset, d));

      for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
        n += g_str_equal (mg_annotation_get_label (mg_annotation_store_get_annotation (store, i)), label);
    }

  return n;
}

static void
test_tag (void)
{
  g_autoptr(MgDataset) dataset = make_dataset ();
  g_autoptr(MgHistory) history = mg_history_new (dataset);
  g_autoptr(MgTextSearch) search = mg_text_search_new ("port", 0);
  g_autoptr(GListModel) hits = mg_text_search_dataset (search, dataset);
  g_autoptr(MgTextSearch) partial = mg_text_search_new ("asspo", 0);
  g_autoptr(GListModel) partial_hits = mg_text_search_dataset (partial, dataset);
  MgDocument *a = mg_dataset_get_document (dataset, 0);
  MgDocument *c = mg_dataset_get_document (dataset, 2);
  g_autoptr(MgAnnotation) existing = mg_annotation_new (NULL, "actor", 22, 26);
  MgTagReport report;

  /* One of the five is already an actor, with the same start and end. */
  g_assert_true (mg_annotation_store_add (mg_document_get_store (a), existing, NULL));

  mg_text_search_tag (history, hits, "port", "actor", TRUE, &report);
  g_assert_cmpuint (report.tagged, ==, 4);
  g_assert_cmpuint (report.already, ==, 1);
  g_assert_cmpuint (count_label (dataset, "actor"), ==, 5);
  /* "port" inside "passport" is completed to the whole word. */
  g_assert_nonnull (mg_annotation_store_find (mg_document_get_store (c), "actor", 14, 22));

  /* One undo step takes back all four, in both documents. */
  mg_history_undo (history);
  g_assert_cmpuint (count_label (dataset, "actor"), ==, 1);
  g_assert_false (mg_history_can_undo (history));
  mg_history_redo (history);
  g_assert_cmpuint (count_label (dataset, "actor"), ==, 5);

  /* Again: everything is there already, and no empty undo step is made. */
  mg_text_search_tag (history, hits, "port", "actor", TRUE, &report);
  g_assert_cmpuint (report.tagged, ==, 0);
  g_assert_cmpuint (report.already, ==, 5);
  mg_history_undo (history);
  g_assert_cmpuint (count_label (dataset, "actor"), ==, 1);

  /* With whole words off, a match inside a word is tagged as found. */
  mg_text_search_tag (history, partial_hits, "asspo", "claim", FALSE, &report);
  g_assert_cmpuint (report.tagged, ==, 1);
  g_assert_nonnull (mg_annotation_store_find (mg_document_get_store (c), "claim", 15, 20));
}

static void
test_tag_edges (void)
{
  g_autoptr(MgDataset) dataset = mg_dataset_new ();
  g_autoptr(MgDocument) doc = mg_document_new ("q", "He said “harbour fees” twice: “harbour fees”.", -1);
  g_autoptr(MgHistory) history = NULL;
  g_autoptr(MgTextSearch) search = mg_text_search_new ("“harbour f", 0);
  g_autoptr(GListModel) hits = NULL;
  MgTagReport report;

  mg_dataset_add_document (dataset, doc);
  history = mg_history_new (dataset);
  hits = mg_text_search_dataset (search, dataset);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);

  /* The phrase starts on a quotation mark, which stays the start, and ends
   * inside a word, which is completed: s[8:21] == "“harbour fees" */
  mg_text_search_tag (history, hits, "“harbour f", "quote", TRUE, &report);
  g_assert_cmpuint (report.tagged, ==, 2);
  g_assert_nonnull (mg_annotation_store_find (mg_document_get_store (doc), "quote", 8, 21));
  g_assert_nonnull (mg_annotation_store_find (mg_document_get_store (doc), "quote", 30, 43));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-search/case-folding", test_case_folding);
  g_test_add_func ("/text-search/diacritics", test_diacritics);
  g_test_add_func ("/text-search/code-points", test_offsets_are_code_points);
  g_test_add_func ("/text-search/needle", test_needle);
  g_test_add_func ("/text-search/dataset", test_dataset);
  g_test_add_func ("/text-search/context", test_context);
  g_test_add_func ("/text-search/tag", test_tag);
  g_test_add_func ("/text-search/tag-edges", test_tag_edges);

  return g_test_run ();
}
