/* test-merge.c: gold datasets by unanimity and majority
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mg-core.h"
#include "mg-merge.h"
#include "mg-merge-files.h"

#include <glib/gstdio.h>

static const char rutte[] = "Mark Rutte said NATO will spend 5% more.";

static MgDocument *
add_document (MgDataset  *dataset,
              const char *id,
              const char *text)
{
  g_autoptr(MgDocument) doc = mg_document_new (id, text, -1);

  g_assert_true (mg_dataset_add_document (dataset, doc));
  return doc;
}

static MgAnnotation *
add_span (MgDocument *doc,
          const char *label,
          guint       start,
          guint       end,
          const char *note,
          const char *created,
          const char *modified)
{
  g_autoptr(MgAnnotation) a = mg_annotation_new (NULL, label, start, end);

  mg_annotation_set_note (a, note);
  mg_annotation_set_created (a, created);
  mg_annotation_set_modified (a, modified);
  g_assert_true (mg_annotation_store_add (mg_document_get_store (doc), a, NULL));
  return a;
}

/* A: actor [0,10) [16,20), claim [16,39), figure [32,34);
 * B: actor [0,10), claim [16,20) [21,39), figure [26,31). */
static MgDataset *
rutte_dataset (const char *annotator,
               gboolean    as_b)
{
  MgDataset *dataset = mg_dataset_new ();
  MgDocument *doc;

  mg_dataset_set_annotator (dataset, annotator);
  doc = add_document (dataset, as_b ? "rutte-b" : "rutte", rutte);
  add_span (doc, "actor", 0, 10, as_b ? "the secretary general" : "NATO chief",
            as_b ? "2026-01-02T00:00:00Z" : "2026-01-03T00:00:00Z",
            as_b ? "2026-01-05T00:00:00Z" : "2026-01-04T00:00:00Z");
  if (as_b)
    {
      add_span (doc, "claim", 16, 20, "", NULL, NULL);
      add_span (doc, "claim", 21, 39, "", NULL, NULL);
      add_span (doc, "figure", 26, 31, "", NULL, NULL);
    }
  else
    {
      add_span (doc, "actor", 16, 20, "", NULL, NULL);
      add_span (doc, "claim", 16, 39, "", NULL, NULL);
      add_span (doc, "figure", 32, 34, "", NULL, NULL);
    }
  return dataset;
}

static char *
spans_of (MgDocument *doc)
{
  MgAnnotationStore *store = mg_document_get_store (doc);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);

      g_string_append_printf (s, "%s%s %s %u %u", i > 0 ? "; " : "", mg_annotation_get_id (a),
                              mg_annotation_get_label (a), mg_annotation_get_start (a),
                              mg_annotation_get_end (a));
    }
  return g_string_free (s, FALSE);
}

static void
test_unanimous_pair (void)
{
  g_autoptr(MgDataset) a = rutte_dataset ("ayse", FALSE);
  g_autoptr(MgDataset) b = rutte_dataset ("bora", TRUE);
  g_autoptr(GPtrArray) unresolved = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MgDataset) gold = NULL;
  MgDataset *both[2] = { a, b };
  g_autofree char *spans = NULL;
  MgAnnotation *kept;

  gold = mg_merge_datasets (both, 2, NULL, MG_MERGE_UNANIMOUS, "curator", unresolved);
  g_assert_cmpstr (mg_dataset_get_annotator (gold), ==, "curator");
  g_assert_cmpuint (mg_dataset_get_n_documents (gold), ==, 1);
  g_assert_cmpstr (mg_document_get_id (mg_dataset_get_document (gold, 0)), ==, "rutte");

  spans = spans_of (mg_dataset_get_document (gold, 0));
  g_assert_cmpstr (spans, ==, "a1 actor 0 10");

  /* The earliest creation, the latest change, both notes with their
   * authors. */
  kept = mg_annotation_store_get_annotation (mg_document_get_store (mg_dataset_get_document (gold, 0)), 0);
  g_assert_cmpstr (mg_annotation_get_text (kept), ==, "Mark Rutte");
  g_assert_cmpstr (mg_annotation_get_created (kept), ==, "2026-01-02T00:00:00Z");
  g_assert_cmpstr (mg_annotation_get_modified (kept), ==, "2026-01-05T00:00:00Z");
  g_assert_cmpstr (mg_annotation_get_note (kept), ==, "ayse: NATO chief\nbora: the secretary general");

  /* Every other span is listed, in text order. */
  g_assert_cmpuint (unresolved->len, ==, 6);
  g_assert_cmpstr (unresolved->pdata[0], ==, "rutte: span only in ayse: [16, 20) actor “NATO”");
  g_assert_cmpstr (unresolved->pdata[1], ==, "rutte: span only in bora: [16, 20) claim “NATO”");
  g_assert_cmpstr (unresolved->pdata[2], ==, "rutte: span only in ayse: [16, 39) claim “NATO will spend 5% more”");
  g_assert_cmpstr (unresolved->pdata[3], ==, "rutte: span only in bora: [21, 39) claim “will spend 5% more”");
  g_assert_cmpstr (unresolved->pdata[4], ==, "rutte: span only in bora: [26, 31) figure “spend”");
  g_assert_cmpstr (unresolved->pdata[5], ==, "rutte: span only in ayse: [32, 34) figure “5%”");
}

/* With a third annotator copying A, the majority keeps A's spans; under
 * unanimity, the spans A and C share are listed with both names. */
static void
test_majority_triple (void)
{
  g_autoptr(MgDataset) a = rutte_dataset ("ayse", FALSE);
  g_autoptr(MgDataset) b = rutte_dataset ("bora", TRUE);
  g_autoptr(MgDataset) c = rutte_dataset ("cem", FALSE);
  g_autoptr(GPtrArray) unresolved = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) strict = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MgDataset) gold = NULL;
  g_autoptr(MgDataset) unanimous = NULL;
  MgDataset *all[3] = { a, b, c };
  g_autofree char *spans = NULL;

  gold = mg_merge_datasets (all, 3, NULL, MG_MERGE_MAJORITY, "curator", unresolved);
  spans = spans_of (mg_dataset_get_document (gold, 0));
  g_assert_cmpstr (spans, ==, "a1 actor 0 10; a2 actor 16 20; a3 claim 16 39; a4 figure 32 34");
  g_assert_cmpuint (unresolved->len, ==, 3);
  g_assert_cmpstr (unresolved->pdata[0], ==, "rutte: span only in bora: [16, 20) claim “NATO”");

  unanimous = mg_merge_datasets (all, 3, NULL, MG_MERGE_UNANIMOUS, "curator", strict);
  g_assert_cmpuint (strict->len, ==, 6);
  g_assert_cmpstr (strict->pdata[0], ==, "rutte: span only in ayse, cem: [16, 20) actor “NATO”");
}

/* A relation both annotators drew between spans both kept survives, with
 * its ends renamed to the gold ids; one only A drew is listed. */
static void
test_relations (void)
{
  g_autoptr(MgDataset) a = mg_dataset_new ();
  g_autoptr(MgDataset) b = mg_dataset_new ();
  g_autoptr(GPtrArray) unresolved = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MgDataset) gold = NULL;
  MgDataset *both[2] = { a, b };
  MgDocument *docs[2];
  MgAnnotationStore *store;
  MgRelation *r;

  mg_dataset_set_annotator (a, "ayse");
  mg_dataset_set_annotator (b, "bora");
  docs[0] = add_document (a, "d", rutte);
  docs[1] = add_document (b, "d", rutte);
  for (guint k = 0; k < 2; k++)
    {
      /* Added in a different order, so the ids differ between A and B. */
      MgAnnotation *claim = add_span (docs[k], "claim", 16, 39, "", NULL, NULL);
      MgAnnotation *actor = add_span (docs[k], "actor", 0, 10, "", NULL, NULL);
      MgAnnotation *nato = add_span (docs[k], "actor", 16, 20, "", NULL, NULL);
      g_autoptr(MgRelation) said = mg_relation_new (NULL, MG_RELATION_ATTRIBUTED_TO,
                                                    mg_annotation_get_id (claim),
                                                    mg_annotation_get_id (k == 0 ? actor : claim));

      if (k == 1)
        {
          g_clear_object (&said);
          said = mg_relation_new (NULL, MG_RELATION_ATTRIBUTED_TO, mg_annotation_get_id (claim),
                                  mg_annotation_get_id (actor));
        }
      g_assert_true (mg_annotation_store_add_relation (mg_document_get_store (docs[k]), said, NULL));
      if (k == 0)
        {
          g_autoptr(MgRelation) extra = mg_relation_new (NULL, MG_RELATION_ATTRIBUTED_TO,
                                                         mg_annotation_get_id (claim),
                                                         mg_annotation_get_id (nato));

          g_assert_true (mg_annotation_store_add_relation (mg_document_get_store (docs[k]), extra, NULL));
        }
    }

  gold = mg_merge_datasets (both, 2, NULL, MG_MERGE_UNANIMOUS, "curator", unresolved);
  store = mg_document_get_store (mg_dataset_get_document (gold, 0));
  g_assert_cmpuint (mg_annotation_store_get_n_relations (store), ==, 1);
  r = mg_annotation_store_get_relation (store, 0);
  g_assert_cmpstr (mg_relation_get_id (r), ==, "r1");
  /* Gold ids follow text order: a1 actor [0,10), a2 actor [16,20),
   * a3 claim [16,39). */
  g_assert_cmpstr (mg_relation_get_from (r), ==, "a3");
  g_assert_cmpstr (mg_relation_get_to (r), ==, "a1");
  g_assert_cmpuint (unresolved->len, ==, 1);
  g_assert_cmpstr (unresolved->pdata[0], ==,
                   "d: relation only in ayse: attributed-to [16, 39) claim “NATO will spend 5% more” → [16, 20) actor “NATO”");
}

/* Documents not every input has are left out and said so; labels only
 * some inputs have are added after the first input's. */
static void
test_left_out_and_labels (void)
{
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();
  g_autoptr(MgLabel) opinion = mg_label_new ("opinion", "Opinion", "#000000", "1");
  g_autoptr(MgDataset) a = mg_dataset_new ();
  g_autoptr(MgDataset) b = NULL;
  g_autoptr(MgDataset) c = NULL;
  g_autoptr(GPtrArray) unresolved = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MgDataset) gold = NULL;
  MgDataset *all[3];
  MgLabelSet *gold_labels;
  const char *names[] = { "A", "B", "C" };
  g_autofree char *spans = NULL;

  mg_label_set_add (labels, opinion);
  b = mg_dataset_new_with_labels (labels);
  c = mg_dataset_new_with_labels (labels);
  add_document (a, "gone", "only A has this");
  add_document (a, "kept", rutte);
  add_span (add_document (b, "kept", rutte), "opinion", 21, 39, "", NULL, NULL);
  add_span (add_document (c, "kept", rutte), "opinion", 21, 39, "", NULL, NULL);

  all[0] = a;
  all[1] = b;
  all[2] = c;
  gold = mg_merge_datasets (all, 3, names, MG_MERGE_MAJORITY, "curator", unresolved);
  g_assert_cmpuint (mg_dataset_get_n_documents (gold), ==, 1);
  spans = spans_of (mg_dataset_get_document (gold, 0));
  g_assert_cmpstr (spans, ==, "a1 opinion 21 39");

  gold_labels = mg_dataset_get_labels (gold);
  g_assert_cmpuint (mg_label_set_get_n_labels (gold_labels), ==, 5);
  g_assert_cmpstr (mg_label_get_id (mg_label_set_get_label (gold_labels, 4)), ==, "opinion");
  /* Its key 1 is quote's already. */
  g_assert_cmpstr (mg_label_get_key (mg_label_set_get_label (gold_labels, 4)), ==, "");

  g_assert_cmpuint (unresolved->len, ==, 1);
  g_assert_cmpstr (unresolved->pdata[0], ==, "gone: left out: not in the dataset of B, C");
}

/* Files in, a file out: never over an input, whatever its name; an
 * unreadable input named in the error and nothing written. */
static void
test_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-merge-XXXXXX", &error);
  g_autofree char *a = g_build_filename (dir, "a.json", NULL);
  g_autofree char *b = g_build_filename (dir, "b.json", NULL);
  g_autofree char *link = g_build_filename (dir, "link.json", NULL);
  g_autofree char *gold = g_build_filename (dir, "gold.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autoptr(MgDataset) x = mg_dataset_new ();
  g_autoptr(MgDataset) y = mg_dataset_new ();
  g_autoptr(MgMergeSummary) summary = NULL;
  MgDocument *doc;
  const char *inputs[] = { a, b };
  const char *broken[] = { a, bad };

  g_assert_no_error (error);
  mg_dataset_set_annotator (x, "ayse");
  mg_dataset_set_annotator (y, "ayse");
  doc = add_document (x, "rutte", rutte);
  add_span (doc, "actor", 0, 10, NULL, NULL, NULL);
  add_span (doc, "figure", 32, 34, NULL, NULL, NULL);
  doc = add_document (y, "rutte", rutte);
  add_span (doc, "actor", 0, 10, NULL, NULL, NULL);
  g_assert_true (mg_dataset_save_file (x, a, NULL));
  g_assert_true (mg_dataset_save_file (y, b, NULL));
  g_assert_cmpint (symlink (a, link), ==, 0);

  /* The same annotator twice: told apart by file. */
  {
    MgDataset *both[] = { x, y };
    g_autoptr(GPtrArray) names = mg_merge_annotator_names (both, inputs, 2);

    g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "ayse");
    g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "ayse (b.json)");
  }

  g_assert_null (mg_merge_files (inputs, 2, MG_MERGE_UNANIMOUS, "cem", link, NULL, &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, link));
  g_clear_error (&error);

  summary = mg_merge_files (inputs, 2, MG_MERGE_UNANIMOUS, "cem", gold, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_documents, ==, 1);
  g_assert_cmpuint (summary->n_spans, ==, 1);
  g_assert_cmpuint (summary->unresolved->len, ==, 1);

  g_assert_true (g_file_set_contents (bad, "{", -1, NULL));
  g_assert_cmpint (g_unlink (gold), ==, 0);
  g_assert_null (mg_merge_files (broken, 2, MG_MERGE_UNANIMOUS, "cem", gold, NULL, &error));
  g_assert_nonnull (strstr (error->message, "bad.json"));
  g_assert_false (g_file_test (gold, G_FILE_TEST_EXISTS));

  for (const char **p = (const char *[]) { a, b, link, bad, NULL }; *p; p++)
    g_unlink (*p);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/unanimous-pair", test_unanimous_pair);
  g_test_add_func ("/merge/majority-triple", test_majority_triple);
  g_test_add_func ("/merge/relations", test_relations);
  g_test_add_func ("/merge/left-out-and-labels", test_left_out_and_labels);
  g_test_add_func ("/merge/files", test_files);

  return g_test_run ();
}
