/* test-import-brat.c: brat standoff collections with their annotations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "mg-dataset.h"
#include "mg-document.h"
#include "mg-error.h"
#include "mg-export.h"
#include "mg-import-brat.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "brat", name, NULL);
}

static MgBratMap *
attribution_map (void)
{
  g_autoptr(MgBratMap) map = mg_brat_map_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (mg_brat_map_parse (map, "Source=actor,Content=quote,Figure=figure,"
                                         "Cue=,Attribution=,Attributed=attributed-to", &error));
  g_assert_no_error (error);
  mg_brat_map_set_unmapped (map, MG_BRAT_UNMAPPED_REFUSE);
  return g_steal_pointer (&map);
}

static MgDocument *
import_one (const char        *name,
            MgBratMap         *map,
            MgLabelSet        *labels,
            MgBratImportFlags  flags,
            GPtrArray         *warnings,
            GError           **error)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GPtrArray) docs = mg_import_brat (path, map, labels, flags, warnings, NULL, error);

  if (docs == NULL)
    return NULL;
  g_assert_cmpuint (docs->len, ==, 1);
  return g_object_ref (docs->pdata[0]);
}

/* The annotation of @label over exactly @text, which must be there once. */
static MgAnnotation *
find (MgDocument *doc,
      const char *label,
      const char *text)
{
  MgAnnotationStore *store = mg_document_get_store (doc);
  MgAnnotation *found = NULL;

  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);

      if (g_strcmp0 (mg_annotation_get_label (a), label) == 0 &&
          g_strcmp0 (mg_annotation_get_text (a), text) == 0)
        {
          g_assert_null (found);
          found = a;
        }
    }
  g_assert_nonnull (found);
  return found;
}

static gboolean
has_warning (GPtrArray  *warnings,
             const char *prefix,
             const char *part)
{
  for (guint i = 0; i < warnings->len; i++)
    if (g_str_has_prefix (warnings->pdata[i], prefix) && strstr (warnings->pdata[i], part) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_events_and_relations (void)
{
  g_autoptr(MgBratMap) map = attribution_map ();
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDocument) doc = import_one ("harbour.ann", map, labels, MG_BRAT_IMPORT_NONE,
                                          warnings, &error);
  MgAnnotationStore *store;
  MgAnnotation *quote, *director;

  g_assert_no_error (error);
  store = mg_document_get_store (doc);
  g_assert_cmpstr (mg_document_get_id (doc), ==, "harbour");
  g_assert_cmpstr (mg_document_get_title (doc), ==, "Harbour fees to rise");
  g_assert_cmpstr (mg_document_get_source_path (doc), ==, "harbour.txt");
  /* Cue and Attribution are left out; the quote in two pieces is two. */
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 8);
  g_assert_cmpuint (mg_label_set_get_n_labels (labels), ==, 4);

  quote = find (doc, "quote", "The Port Authority will raise harbour fees by 12% next year");
  director = find (doc, "actor", "its director Anna de Vries");
  g_assert_true (mg_annotation_store_attributed_to (store, quote) == director);
  /* The event of a quote interrupted by its speaker: each piece is
   * attributed to the speaker. */
  g_assert_true (mg_annotation_store_attributed_to (store, find (doc, "quote", "“We cannot keep prices where they were,”"))
                 == find (doc, "actor", "de Vries"));
  g_assert_true (mg_annotation_store_attributed_to (store, find (doc, "quote", "“when dredging costs have doubled.”"))
                 == find (doc, "actor", "de Vries"));
  /* An "R" line, mapped to attributed-to. */
  g_assert_true (mg_annotation_store_attributed_to (store, find (doc, "quote", "the rise would hurt\nsmall carriers most"))
                 == find (doc, "actor", "Shipping lines"));
  g_assert_cmpuint (mg_annotation_store_get_n_relations (store), ==, 4);

  /* "N" and "*" lines are named, not silently dropped. */
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_true (has_warning (warnings, "harbour.ann:21: ", "N1"));
  g_assert_true (has_warning (warnings, "harbour.ann:22: ", "*"));
}

static void
test_fragments_across_white_space (void)
{
  g_autoptr(MgBratMap) map = attribution_map ();
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDocument) doc = import_one ("harbour.ann", map, labels, MG_BRAT_IMPORT_NONE, NULL, &error);
  MgAnnotation *a;

  g_assert_no_error (error);
  /* "252 271;272 291" with only "\n" between: one span over the break. */
  a = find (doc, "quote", "the rise would hurt\nsmall carriers most");
  g_assert_cmpuint (mg_annotation_get_start (a), ==, 252);
  g_assert_cmpuint (mg_annotation_get_end (a), ==, 291);
}

static void
test_notes_and_attributes (void)
{
  g_autoptr(MgBratMap) map = attribution_map ();
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDocument) doc = import_one ("harbour.ann", map, labels, MG_BRAT_IMPORT_NONE, NULL, &error);
  JsonObject *attributes;
  MgAnnotation *a;

  g_assert_no_error (error);
  a = find (doc, "figure", "12%");
  g_assert_cmpstr (mg_annotation_get_note (a), ==,
                   "Rise compared with this year's fees\nCheck against the annual report");

  a = find (doc, "quote", "The Port Authority will raise harbour fees by 12% next year");
  attributes = json_object_get_object_member (mg_annotation_get_extra (a), "attributes");
  g_assert_cmpstr (json_object_get_string_member (attributes, "Confidence"), ==, "High");

  a = find (doc, "quote", "the rise would hurt\nsmall carriers most");
  attributes = json_object_get_object_member (mg_annotation_get_extra (a), "attributes");
  g_assert_true (json_object_get_boolean_member (attributes, "Negated"));
  g_assert_true (json_object_get_boolean_member (attributes, "Speculation"));
}

static void
test_mismatch_is_named (void)
{
  g_autoptr(MgBratMap) map = attribution_map ();
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDocument) doc = import_one ("mismatch.ann", map, labels, MG_BRAT_IMPORT_NONE,
                                          warnings, &error);
  MgAnnotationStore *store;

  g_assert_no_error (error);
  store = mg_document_get_store (doc);
  /* Only the good T1: the shifted T2 is refused, not moved into place. */
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 1);
  find (doc, "actor", "the mayor");
  g_assert_cmpuint (mg_annotation_store_get_n_relations (store), ==, 0);

  g_assert_cmpuint (warnings->len, ==, 5);
  g_assert_true (has_warning (warnings, "mismatch.ann:2: T2: ", "does not match"));
  g_assert_true (has_warning (warnings, "mismatch.ann:3: T3: ", "not inside the text"));
  g_assert_true (has_warning (warnings, "mismatch.ann:4: R1 ", "T2"));
  g_assert_true (has_warning (warnings, "mismatch.ann:5: ", "no tab"));
  g_assert_true (has_warning (warnings, "mismatch.ann:6: T1: ", "line 1"));
}

static void
test_strict_fails_on_first_problem (void)
{
  g_autoptr(MgBratMap) map = attribution_map ();
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDocument) doc = import_one ("mismatch.ann", map, labels, MG_BRAT_IMPORT_STRICT,
                                          warnings, &error);

  g_assert_null (doc);
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "mismatch.ann:2: T2: "));
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_crlf_and_byte_order_mark (void)
{
  g_autoptr(MgBratMap) map = attribution_map ();
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDocument) doc = import_one ("crlf.ann", map, labels, MG_BRAT_IMPORT_NONE,
                                          warnings, &error);
  MgAnnotation *a;

  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpstr (mg_document_get_text (doc), ==,
                   "Budget cut\n\nThe minister said spending falls by 3%.\n"
                   "Unions said the cut was \"reckless\".\n");
  /* In the file "3%" is at 51 (BOM and two "\r" before it). */
  a = find (doc, "figure", "3%");
  g_assert_cmpuint (mg_annotation_get_start (a), ==, 48);
  a = find (doc, "quote", "\"reckless\"");
  g_assert_cmpuint (mg_annotation_get_start (a), ==, 76);
  find (doc, "actor", "The minister");
  find (doc, "actor", "Unions");
}

static void
test_line_separators (void)
{
  g_autoptr(MgBratMap) map = attribution_map ();
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDocument) doc = NULL;
  MgAnnotation *a;

  mg_brat_map_set_unmapped (map, MG_BRAT_UNMAPPED_ADD);
  doc = import_one ("separator.ann", map, labels, MG_BRAT_IMPORT_NONE, warnings, &error);
  g_assert_no_error (error);

  /* U+2028 is one code point of the text: the span after it is right. */
  find (doc, "actor", "the weather service");
  find (doc, "figure", "120 km/h");
  /* Two fragments around it are one span. */
  a = find (doc, "quote", "Winds of 120 km/h\u2028are expected");
  g_assert_cmpuint (mg_annotation_get_end (a), ==, 45);
  /* One fragment over it: brat's splitlines() cuts the line at U+2028,
   * so brat itself refuses it, and so do we; the cut-off rest of the line
   * is named too, and the line numbers after it count as brat counts. */
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_true (has_warning (warnings, "separator.ann:4: T4: ", "shorter"));
  g_assert_true (has_warning (warnings, "separator.ann:5: ", "no tab"));
  find (doc, "Actor", "Schools");
}

static void
test_unmapped_policies (void)
{
  g_autoptr(MgBratMap) map = mg_brat_map_new ();
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDocument) doc = NULL;
  MgLabel *label;

  g_assert_true (mg_brat_map_parse (map, "Source=actor,Content=quote", NULL));
  g_assert_false (mg_brat_map_parse (map, "Source", &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
  g_clear_error (&error);

  /* Refused: the import fails naming the first unmapped type and line. */
  mg_brat_map_set_unmapped (map, MG_BRAT_UNMAPPED_REFUSE);
  doc = import_one ("harbour.ann", map, labels, MG_BRAT_IMPORT_NONE, warnings, &error);
  g_assert_null (doc);
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "harbour.ann:2: "));
  g_assert_nonnull (strstr (error->message, "Cue"));
  g_assert_cmpuint (mg_label_set_get_n_labels (labels), ==, 4);
  g_clear_error (&error);

  /* Skipped: counted in one warning per type. */
  mg_brat_map_set_unmapped (map, MG_BRAT_UNMAPPED_SKIP);
  doc = import_one ("harbour.ann", map, labels, MG_BRAT_IMPORT_NONE, warnings, &error);
  g_assert_no_error (error);
  g_assert_true (has_warning (warnings, "harbour.ann: 3 ", "“Cue”"));
  g_assert_true (has_warning (warnings, "harbour.ann: 1 ", "“Figure”"));
  g_assert_cmpuint (mg_label_set_get_n_labels (labels), ==, 4);
  g_clear_object (&doc);

  /* Added: each new type is a label with a colour and a free key. */
  mg_brat_map_set_unmapped (map, MG_BRAT_UNMAPPED_ADD);
  doc = import_one ("harbour.ann", map, labels, MG_BRAT_IMPORT_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mg_label_set_get_n_labels (labels), ==, 7);
  label = mg_label_set_lookup (labels, "Cue");
  g_assert_nonnull (label);
  g_assert_cmpstr (mg_label_get_key (label), ==, "5");
  g_assert_cmpstr (mg_label_get_color (label), ==, "#E69F00");
  find (doc, "Figure", "12%");
  /* The R line's type is kept as the relation's type. */
  g_assert_cmpstr (mg_relation_get_kind (mg_annotation_store_get_relation (mg_document_get_store (doc), 3)),
                   ==, "Attributed");
}

static void
test_collection_layout (void)
{
  g_autoptr(MgBratMap) map = attribution_map ();
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture ("collection");
  g_autoptr(GPtrArray) docs = mg_import_brat (path, map, labels, MG_BRAT_IMPORT_NONE,
                                              warnings, NULL, &error);
  MgDocument *doc;

  g_assert_no_error (error);
  g_assert_true (mg_import_brat_is_collection (path));
  g_assert_cmpuint (docs->len, ==, 3);
  g_assert_cmpstr (mg_document_get_id (docs->pdata[0]), ==, "no-annotations");
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (mg_document_get_store (docs->pdata[0])), ==, 0);
  doc = docs->pdata[1];
  g_assert_cmpstr (mg_document_get_id (doc), ==, "rail-strike_coder1");
  g_assert_cmpstr (mg_document_get_meta_string (doc, "annotator"), ==, "coder1");
  g_assert_cmpstr (mg_document_get_source_path (doc), ==, "text/rail-strike.txt");
  g_assert_true (mg_annotation_store_attributed_to (mg_document_get_store (doc),
                                                    find (doc, "quote", "the strike would end on Friday"))
                 == find (doc, "actor", "The union"));
  doc = docs->pdata[2];
  g_assert_cmpstr (mg_document_get_meta_string (doc, "annotator"), ==, "coder2");
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (has_warning (warnings, "coders/orphan_coder1.ann: ", ".txt"));
}

/* A dataset written by our brat export reads back with the same spans,
 * labels, notes and relations, also for a span across a paragraph. */
static void
test_round_trip (void)
{
  g_autoptr(MgDataset) dataset = mg_dataset_new ();
  g_autoptr(MgDocument) doc = mg_document_new ("trip", "Port deal\n\n“We agree,\nfully,” Ms Li said of the 5% fee.\n", -1);
  MgAnnotationStore *store = mg_document_get_store (doc);
  g_autoptr(MgAnnotation) q = mg_annotation_new (NULL, "quote", 11, 29);
  g_autoptr(MgAnnotation) s = mg_annotation_new (NULL, "actor", 30, 35);
  g_autoptr(MgAnnotation) f = mg_annotation_new (NULL, "figure", 48, 50);
  g_autoptr(MgRelation) r = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mg-brat-XXXXXX", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (dir);
  g_autoptr(MgBratMap) map = mg_brat_map_new ();
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GError) error = NULL;
  MgAnnotationStore *back;

  g_assert_true (mg_annotation_store_add (store, q, NULL));
  g_assert_true (mg_annotation_store_add (store, s, NULL));
  g_assert_true (mg_annotation_store_add (store, f, NULL));
  mg_annotation_store_set_note (store, f, "fee on containers");
  r = mg_relation_new (NULL, MG_RELATION_ATTRIBUTED_TO, mg_annotation_get_id (q), mg_annotation_get_id (s));
  g_assert_true (mg_annotation_store_add_relation (store, r, NULL));
  mg_dataset_add_document (dataset, doc);
  g_assert_true (mg_export_to_directory (dataset, MG_EXPORT_BRAT, MG_EXPORT_OFFSETS_CODEPOINT,
                                         out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  mg_brat_map_set_unmapped (map, MG_BRAT_UNMAPPED_REFUSE);
  docs = mg_import_brat (dir, map, labels, MG_BRAT_IMPORT_STRICT, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  g_assert_cmpstr (mg_document_get_text (docs->pdata[0]), ==, mg_document_get_text (doc));
  back = mg_document_get_store (docs->pdata[0]);
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (back), ==, 3);
  g_assert_nonnull (mg_annotation_store_find (back, "quote", 11, 29));
  g_assert_cmpstr (mg_annotation_get_note (mg_annotation_store_find (back, "figure", 48, 50)), ==,
                   "fee on containers");
  g_assert_true (mg_annotation_store_attributed_to (back, mg_annotation_store_find (back, "quote", 11, 29))
                 == mg_annotation_store_find (back, "actor", 30, 35));

  for (const char * const *n = (const char *[]) { "trip.txt", "trip.ann", "annotation.conf",
                                                  "visual.conf", NULL }; *n; n++)
    {
      g_autofree char *file = g_build_filename (dir, *n, NULL);

      g_remove (file);
    }
  g_rmdir (dir);
}

static void
test_bad_input (void)
{
  g_autoptr(MgBratMap) map = mg_brat_map_new ();
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDocument) doc = NULL;
  const char bad_text[] = "caf\xe9 society";

  doc = mg_import_brat_data (bad_text, strlen (bad_text), "cafe.txt", "", 0, "cafe.ann",
                             map, labels, MG_BRAT_IMPORT_NONE, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, MG_ERROR, MG_ERROR_UNSUPPORTED);
  g_assert_true (g_str_has_prefix (error->message, "cafe.txt: "));
  g_clear_error (&error);

  /* Offsets count code points: "é" is one, as in brat. */
  doc = mg_import_brat_data ("Café owner: “No.”", strlen ("Café owner: “No.”"), "c.txt",
                             "T1\tQuote 12 17\t“No.”\n", strlen ("T1\tQuote 12 17\t“No.”\n"), "c.ann",
                             map, labels, MG_BRAT_IMPORT_STRICT, NULL, &error);
  g_assert_no_error (error);
  find (doc, "Quote", "“No.”");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-brat/events-and-relations", test_events_and_relations);
  g_test_add_func ("/import-brat/fragments-across-white-space", test_fragments_across_white_space);
  g_test_add_func ("/import-brat/notes-and-attributes", test_notes_and_attributes);
  g_test_add_func ("/import-brat/mismatch-is-named", test_mismatch_is_named);
  g_test_add_func ("/import-brat/strict", test_strict_fails_on_first_problem);
  g_test_add_func ("/import-brat/crlf-and-byte-order-mark", test_crlf_and_byte_order_mark);
  g_test_add_func ("/import-brat/line-separators", test_line_separators);
  g_test_add_func ("/import-brat/unmapped-policies", test_unmapped_policies);
  g_test_add_func ("/import-brat/collection-layout", test_collection_layout);
  g_test_add_func ("/import-brat/round-trip", test_round_trip);
  g_test_add_func ("/import-brat/bad-input", test_bad_input);

  return g_test_run ();
}
