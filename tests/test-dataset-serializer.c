/* test-dataset-serializer.c: the dataset written a part at a time
 *
 * Whatever the budget, the parts put together are the bytes of
 * mg_dataset_to_bytes(), and no part is longer than its budget and one
 * unit: a draft written in slices of the main loop must be the same file
 * as a save, in slices that stay short.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mg-core.h"

#define N_BIG 500

static MgDataset *
load_fixture (const char *folder,
              const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", folder, name, NULL);
  g_autoptr(GError) error = NULL;
  MgDataset *dataset = mg_dataset_load_file (path, &error);

  g_assert_no_error (error);
  return dataset;
}

/* A document of many annotations, with relations between them, rejected
 * suggestions and a member this build does not know; then an empty one. */
static MgDataset *
build_dataset (void)
{
  MgDataset *dataset = mg_dataset_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(MgDocument) big = NULL;
  g_autoptr(MgDocument) empty = mg_document_new ("empty", "", -1);
  g_autoptr(JsonNode) extra = NULL;
  MgAnnotationStore *store;

  for (guint i = 0; i < N_BIG; i++)
    g_string_append (text, "Ana said \"hi\" to Zoë. ");
  big = mg_document_new ("big", text->str, -1);
  store = mg_document_get_store (big);
  for (guint i = 0; i < N_BIG; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autoptr(MgAnnotation) a = mg_annotation_new (id, i % 2 ? "quote" : "actor",
                                                     i * 22, i * 22 + 3);

      g_assert_true (mg_annotation_store_add (store, a, NULL));
    }
  for (guint i = 0; i + 1 < 10; i += 2)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i);
      g_autofree char *from = g_strdup_printf ("a%u", i + 1);
      g_autofree char *to = g_strdup_printf ("a%u", i);
      g_autoptr(MgRelation) r = mg_relation_new (id, "attributed-to", from, to);

      g_assert_true (mg_annotation_store_add_relation (store, r, NULL));
    }
  extra = json_from_string ("{\"rejected_suggestions\": [{\"label\": \"actor\", \"start\": 0, "
                            "\"end\": 3, \"rule\": \"name\"}, {\"label\": \"quote\", \"start\": 9, "
                            "\"end\": 13, \"rule\": \"quote\"}], \"x_review\": {\"by\": \"ayşe\"}}", NULL);
  g_assert_nonnull (extra);
  mg_document_set_extra (big, json_node_get_object (extra));
  mg_dataset_add_document (dataset, big);
  mg_dataset_add_document (dataset, empty);
  return dataset;
}

static GPtrArray *
datasets (void)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);

  /* Several documents, one of them empty, relations and unknown members
   * at every level; labels with attributes; the built one. */
  g_ptr_array_add (all, load_fixture ("dataset", "canonical.json"));
  g_ptr_array_add (all, load_fixture ("review", "values-mine.json"));
  g_ptr_array_add (all, build_dataset ());
  g_ptr_array_add (all, mg_dataset_new ());
  return all;
}

/* The parts @budget gives, each its own string. */
static GPtrArray *
parts (MgDataset *dataset,
       gsize      budget)
{
  g_autoptr(MgDatasetSerializer) serializer = mg_dataset_serializer_new (dataset);
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  gboolean more = TRUE;

  while (more)
    {
      GString *out = g_string_new (NULL);

      more = mg_dataset_serializer_next (serializer, out, budget);
      g_assert_cmpuint (out->len, >, 0);
      g_ptr_array_add (all, g_string_free_to_bytes (out));
    }
  return all;
}

static void
assert_same_bytes (GPtrArray *chunks,
                   GBytes    *whole)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < chunks->len; i++)
    {
      gsize len;
      const char *data = g_bytes_get_data (g_ptr_array_index (chunks, i), &len);

      g_string_append_len (joined, data, len);
    }
  g_assert_cmpmem (joined->str, joined->len,
                   g_bytes_get_data (whole, NULL), g_bytes_get_size (whole));
}

static void
test_same_bytes (void)
{
  static const gsize budgets[] = { 1, 7, 4096, G_MAXSIZE };
  g_autoptr(GPtrArray) all = datasets ();

  for (guint d = 0; d < all->len; d++)
    {
      MgDataset *dataset = g_ptr_array_index (all, d);
      g_autoptr(GBytes) whole = mg_dataset_to_bytes (dataset);

      for (guint b = 0; b < G_N_ELEMENTS (budgets); b++)
        {
          g_autoptr(GPtrArray) chunks = parts (dataset, budgets[b]);

          assert_same_bytes (chunks, whole);
          if (budgets[b] == G_MAXSIZE)
            g_assert_cmpuint (chunks->len, ==, 1);
        }
    }
}

/* With a budget of one byte each part is one unit: what the other budgets'
 * parts must be made of, each ending at the first unit that reaches its
 * budget. */
static void
assert_within_budget (GPtrArray *units,
                      GPtrArray *chunks,
                      gsize      budget)
{
  guint u = 0;

  for (guint c = 0; c < chunks->len; c++)
    {
      gsize len = g_bytes_get_size (g_ptr_array_index (chunks, c));
      gsize sum = 0, last = 0;

      while (sum < len)
        {
          g_assert_cmpuint (u, <, units->len);
          last = g_bytes_get_size (g_ptr_array_index (units, u++));
          sum += last;
        }
      g_assert_cmpuint (sum, ==, len);
      /* Under budget before its last unit; the last part may be short. */
      g_assert_cmpuint (len - last, <, budget);
      if (c + 1 < chunks->len)
        g_assert_cmpuint (len, >=, budget);
    }
  g_assert_cmpuint (u, ==, units->len);
}

static void
test_budget (void)
{
  static const gsize budgets[] = { 7, 100, 4096 };
  g_autoptr(MgDataset) dataset = build_dataset ();
  g_autoptr(GPtrArray) units = parts (dataset, 1);
  gsize longest = 0;

  /* The annotations of a document are units of their own. */
  g_assert_cmpuint (units->len, >, N_BIG);
  for (guint u = 1; u < units->len; u++)
    longest = MAX (longest, g_bytes_get_size (g_ptr_array_index (units, u)));
  /* A part of the big document's text is the longest unit. */
  g_assert_cmpuint (longest, <, N_BIG * 30);

  for (guint b = 0; b < G_N_ELEMENTS (budgets); b++)
    {
      g_autoptr(GPtrArray) chunks = parts (dataset, budgets[b]);

      assert_within_budget (units, chunks, budgets[b]);
    }
}

/* A long text is written in parts, each cut between two characters (one
 * straddles the first cut), so that a draft of a long article never holds
 * the main loop for its whole text. */
static void
test_long_text (void)
{
  g_autoptr(MgDataset) dataset = mg_dataset_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(MgDocument) doc = NULL;
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GPtrArray) units = NULL;
  guint with_text = 0;

  for (guint i = 0; i < 65535; i++)
    g_string_append_c (text, 'a');
  g_string_append (text, "ë");
  while (text->len < 300 * 1024)
    g_string_append (text, "Zoë said \"hi\"\u2028 to 👍🏽 Ana.\n");
  doc = mg_document_new ("long", text->str, -1);
  mg_dataset_add_document (dataset, doc);
  whole = mg_dataset_to_bytes (dataset);
  units = parts (dataset, 1);
  assert_same_bytes (units, whole);
  for (guint u = 0; u < units->len; u++)
    {
      gsize len;
      const char *data = g_bytes_get_data (g_ptr_array_index (units, u), &len);

      g_assert_true (g_utf8_validate (data, len, NULL));
      /* A part of the text, escaped: at most twice its 64 KB here. */
      g_assert_cmpuint (len, <=, 2 * 64 * 1024);
      with_text += g_strstr_len (data, len, "Ana.") != NULL;
    }
  g_assert_cmpuint (with_text, >=, 4);
}

/* A dataset that changes under way gives a useless file, but no read out
 * of bounds, and an end. */
static void
test_changed_under_way (void)
{
  g_autoptr(MgDataset) dataset = build_dataset ();
  g_autoptr(MgDatasetSerializer) serializer = mg_dataset_serializer_new (dataset);
  g_autoptr(GString) out = g_string_new (NULL);
  MgDocument *big = mg_dataset_get_document (dataset, 0);
  MgAnnotationStore *store = mg_document_get_store (big);
  guint n = 0;

  while (n < N_BIG / 2 && mg_dataset_serializer_next (serializer, out, 1))
    n++;
  while (mg_annotation_store_get_n_annotations (store) > 10)
    mg_annotation_store_remove (store, mg_annotation_store_get_annotation (store, 0));
  mg_dataset_remove_document (dataset, big);
  while (mg_dataset_serializer_next (serializer, out, 1))
    ;
  g_assert_true (g_str_has_suffix (out->str, "\n}\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dataset-serializer/same-bytes", test_same_bytes);
  g_test_add_func ("/dataset-serializer/budget", test_budget);
  g_test_add_func ("/dataset-serializer/long-text", test_long_text);
  g_test_add_func ("/dataset-serializer/changed-under-way", test_changed_under_way);

  return g_test_run ();
}
