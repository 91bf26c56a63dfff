/* test-import-annotated.c: annotated data from other tools, read back
 *
 * Every format is exported from a dataset built in memory and imported
 * again, detected from its content, and must give the same spans, notes
 * (where the format carries them) and relations, in code points and in
 * UTF-16 units. Then the faults: a span whose recorded text is not its
 * slice, an offset inside a surrogate pair, a refused label, and each is
 * named with the file and the line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mg-core.h"
#include "mg-error.h"
#include "mg-export.h"
#include "mg-import.h"
#include "mg-import-annotated.h"

/* A ship emoji (2 UTF-16 units) before spans, so that a unit mistake
 * moves them; single spaces and line feeds, so CoNLL rebuilds the text. */
#define TEXT_1 "Mayor Ana Ruiz said: \xE2\x80\x9CWe will open 3 ferries \xF0\x9F\x9A\xA2 soon.\xE2\x80\x9D\n" \
               "The council agreed."
#define TEXT_2 "Prices rose 4% in May.\n\nAnalysts expected 3%."

typedef enum { KEEPS_NOTES = 1, KEEPS_RELATIONS = 2, KEEPS_IDS = 4 } Keeps;

static MgAnnotation *
add_span (MgDocument *doc,
          const char *label,
          const char *needle,
          const char *note)
{
  MgTextIndex *index = mg_document_get_text_index (doc);
  const char *text = mg_document_get_text (doc);
  const char *hit = strstr (text, needle);
  g_autoptr(MgAnnotation) a = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (hit);
  a = mg_annotation_new (NULL, label, mg_text_index_char_offset (index, hit - text),
                         mg_text_index_char_offset (index, hit - text + strlen (needle)));
  mg_annotation_set_note (a, note);
  mg_annotation_store_add (mg_document_get_store (doc), a, &error);
  g_assert_no_error (error);
  return a;
}

static void
relate (MgDocument   *doc,
        MgAnnotation *from,
        MgAnnotation *to)
{
  g_autoptr(MgRelation) r = mg_relation_new (NULL, MG_RELATION_ATTRIBUTED_TO,
                                             mg_annotation_get_id (from), mg_annotation_get_id (to));
  g_autoptr(GError) error = NULL;

  mg_annotation_store_add_relation (mg_document_get_store (doc), r, &error);
  g_assert_no_error (error);
}

static MgDataset *
make_dataset (void)
{
  MgDataset *dataset = mg_dataset_new ();
  g_autoptr(MgDocument) one = mg_document_new ("ferries", TEXT_1, -1);
  g_autoptr(MgDocument) two = mg_document_new ("prices", TEXT_2, -1);
  MgAnnotation *quote, *actor;

  mg_document_set_title (one, "Ferries");
  mg_document_set_title (two, "Prices");
  actor = add_span (one, "actor", "Ana Ruiz", NULL);
  quote = add_span (one, "quote", "We will open 3 ferries \xF0\x9F\x9A\xA2 soon.", "checked against the recording");
  add_span (one, "figure", "3", NULL);
  add_span (one, "claim", "The council agreed", NULL);
  relate (one, quote, actor);
  add_span (two, "figure", "4%", NULL);
  add_span (two, "actor", "Analysts", "economists polled");
  add_span (two, "figure", "3%", NULL);
  mg_dataset_add_document (dataset, one);
  mg_dataset_add_document (dataset, two);

  return dataset;
}

static char *
export (MgDataset       *dataset,
        MgExportFormat   format,
        MgExportOffsets  offsets,
        gsize           *n_bytes)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  mg_export_to_stream (dataset, format, offsets, out, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  *n_bytes = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static MgAnnotation *
same_span (MgDocument   *doc,
           MgAnnotation *a)
{
  return mg_annotation_store_find (mg_document_get_store (doc), mg_annotation_get_label (a),
                                   mg_annotation_get_start (a), mg_annotation_get_end (a));
}

static void
assert_same_relations (MgDocument *want,
                       MgDocument *got)
{
  MgAnnotationStore *ws = mg_document_get_store (want);
  MgAnnotationStore *gs = mg_document_get_store (got);

  g_assert_cmpuint (mg_annotation_store_get_n_relations (gs), ==, mg_annotation_store_get_n_relations (ws));
  for (guint i = 0; i < mg_annotation_store_get_n_relations (ws); i++)
    {
      MgRelation *r = mg_annotation_store_get_relation (ws, i);
      MgRelation *g = mg_annotation_store_get_relation (gs, i);
      MgAnnotation *from = same_span (got, mg_annotation_store_lookup (ws, mg_relation_get_from (r)));
      MgAnnotation *to = same_span (got, mg_annotation_store_lookup (ws, mg_relation_get_to (r)));

      g_assert_cmpstr (mg_relation_get_kind (g), ==, mg_relation_get_kind (r));
      g_assert_cmpstr (mg_relation_get_from (g), ==, mg_annotation_get_id (from));
      g_assert_cmpstr (mg_relation_get_to (g), ==, mg_annotation_get_id (to));
    }
}

static void
assert_same_document (MgDocument *want,
                      MgDocument *got,
                      Keeps       keeps)
{
  MgAnnotationStore *ws = mg_document_get_store (want);
  MgAnnotationStore *gs = mg_document_get_store (got);

  g_assert_cmpstr (mg_document_get_text (got), ==, mg_document_get_text (want));
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (gs), ==, mg_annotation_store_get_n_annotations (ws));
  for (guint i = 0; i < mg_annotation_store_get_n_annotations (ws); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (ws, i);
      MgAnnotation *b = same_span (got, a);

      g_assert_nonnull (b);
      g_assert_cmpstr (mg_annotation_get_text (b), ==, mg_annotation_get_text (a));
      if (keeps & KEEPS_NOTES)
        g_assert_cmpstr (mg_annotation_get_note (b), ==, mg_annotation_get_note (a));
      if (keeps & KEEPS_IDS)
        g_assert_cmpstr (mg_annotation_get_id (b), ==, mg_annotation_get_id (a));
    }
  if (keeps & KEEPS_IDS)
    {
      g_assert_cmpstr (mg_document_get_id (got), ==, mg_document_get_id (want));
      g_assert_cmpstr (mg_document_get_title (got), ==, mg_document_get_title (want));
    }
  if (keeps & KEEPS_RELATIONS)
    assert_same_relations (want, got);
}

static void
round_trip (MgExportFormat   export_format,
            MgImportFormat   import_format,
            MgExportOffsets  offsets,
            Keeps            keeps)
{
  g_autoptr(MgDataset) dataset = make_dataset ();
  g_autoptr(MgImportOptions) options = mg_import_options_new ();
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize n_bytes;

  data = export (dataset, export_format, offsets, &n_bytes);
  g_assert_cmpint (mg_import_detect (data, n_bytes, "export"), ==, import_format);
  if (offsets == MG_EXPORT_OFFSETS_UTF16)
    mg_import_options_set_offsets (options, MG_IMPORT_OFFSETS_UTF16);
  mg_import_options_set_texts (options, dataset);
  documents = mg_import_data_full (data, n_bytes, "export", MG_IMPORT_AUTO, options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 2);
  for (guint i = 0; i < documents->len; i++)
    assert_same_document (mg_dataset_get_document (dataset, i), documents->pdata[i], keeps);
}

static void
test_jsonl_export (void)
{
  round_trip (MG_EXPORT_JSONL, MG_IMPORT_JSONL_EXPORT, MG_EXPORT_OFFSETS_CODEPOINT,
              KEEPS_NOTES | KEEPS_RELATIONS | KEEPS_IDS);
  round_trip (MG_EXPORT_JSONL, MG_IMPORT_JSONL_EXPORT, MG_EXPORT_OFFSETS_UTF16,
              KEEPS_NOTES | KEEPS_RELATIONS | KEEPS_IDS);
}

static void
test_doccano (void)
{
  round_trip (MG_EXPORT_DOCCANO, MG_IMPORT_DOCCANO, MG_EXPORT_OFFSETS_CODEPOINT, KEEPS_RELATIONS);
  round_trip (MG_EXPORT_DOCCANO, MG_IMPORT_DOCCANO, MG_EXPORT_OFFSETS_UTF16, KEEPS_RELATIONS);
}

static void
test_label_studio (void)
{
  round_trip (MG_EXPORT_LABEL_STUDIO, MG_IMPORT_LABEL_STUDIO, MG_EXPORT_OFFSETS_CODEPOINT,
              KEEPS_NOTES | KEEPS_RELATIONS | KEEPS_IDS);
  round_trip (MG_EXPORT_LABEL_STUDIO, MG_IMPORT_LABEL_STUDIO, MG_EXPORT_OFFSETS_UTF16,
              KEEPS_NOTES | KEEPS_RELATIONS | KEEPS_IDS);
}

static void
test_w3c (void)
{
  round_trip (MG_EXPORT_W3C, MG_IMPORT_W3C, MG_EXPORT_OFFSETS_CODEPOINT,
              KEEPS_NOTES | KEEPS_RELATIONS | KEEPS_IDS);
  round_trip (MG_EXPORT_W3C, MG_IMPORT_W3C, MG_EXPORT_OFFSETS_UTF16,
              KEEPS_NOTES | KEEPS_RELATIONS | KEEPS_IDS);
}

static void
test_conll (void)
{
  round_trip (MG_EXPORT_CONLL, MG_IMPORT_CONLL, MG_EXPORT_OFFSETS_CODEPOINT, 0);
  round_trip (MG_EXPORT_CONLL, MG_IMPORT_CONLL, MG_EXPORT_OFFSETS_UTF16, 0);
}

static void
assert_refused (const char      *data,
                MgImportFormat   format,
                MgImportOptions *options,
                const char      *where,
                const char      *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  documents = mg_import_data_full (data, strlen (data), "in.json", format, options, NULL, &error);
  g_assert_null (documents);
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, where) || strstr (error->message, what) == NULL)
    g_error ("unexpected message: %s", error->message);
}

/* Records that only another tool writes tell the format; a corpus of
 * articles with a classification label stays articles. */
static void
test_detect (void)
{
  static const struct {
    const char     *data;
    MgImportFormat  format;
  } cases[] = {
    { "{\"text\": \"A.\", \"label\": [[0, 1, \"x\"]]}\n", MG_IMPORT_DOCCANO },
    { "{\"text\": \"A.\", \"label\": [\"positive\"]}\n", MG_IMPORT_JSONL },
    { "{\"text\": \"A.\", \"entities\": [], \"relations\": []}\n", MG_IMPORT_DOCCANO },
    { "{\"id\": \"a\", \"text\": \"A.\", \"spans\": [], \"relations\": []}\n", MG_IMPORT_JSONL_EXPORT },
    { "[{\"data\": {\"text\": \"A.\"}, \"annotations\": []}]", MG_IMPORT_LABEL_STUDIO },
    { "[{\"type\": \"Annotation\", \"target\": \"urn:x\"}]", MG_IMPORT_W3C },
    { "{\n \"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n \"type\": \"AnnotationCollection\"\n}", MG_IMPORT_W3C },
    { "-DOCSTART- -X- -X- O\n\nA 0 1 O\n", MG_IMPORT_CONLL },
    { "[1, 2, 3]", MG_IMPORT_TEXT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (mg_import_detect (cases[i].data, strlen (cases[i].data), "in"), ==, cases[i].format);
}

/* A recorded text that is not the slice is named, never moved to fit. */
static void
test_mismatch (void)
{
  assert_refused ("[\n{\"data\": {\"text\": \"Ana said it.\"}, \"annotations\": [{\"result\": [\n"
                  "  {\"id\": \"x\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 3, \"text\": \"Ana\", \"labels\": [\"actor\"]}}]}]},\n"
                  "{\"data\": {\"text\": \"Bo said it.\"}, \"annotations\": [{\"result\": [\n"
                  "  {\"id\": \"y\", \"type\": \"labels\", \"value\": {\"start\": 1, \"end\": 3, \"text\": \"Bo\", \"labels\": [\"actor\"]}}]}]}\n]\n",
                  MG_IMPORT_AUTO, NULL, "in.json:4:", "“Bo”");
  assert_refused ("{\"id\": \"d\", \"text\": \"x\", \"spans\": [{\"id\": \"a1\", \"start\": 0, \"end\": 2, \"label\": \"quote\"}], \"relations\": []}\n",
                  MG_IMPORT_AUTO, NULL, "in.json:1:", "does not fit");
  /* A long span is quoted by its beginning. */
  assert_refused ("{\"id\": \"d\", \"text\": \"The harbour council voted on Monday to add three evening ferries.\","
                  " \"spans\": [{\"id\": \"a1\", \"start\": 0, \"end\": 60, \"label\": \"quote\","
                  " \"text\": \"The harbour council voted on Sunday to add three evening ferries\"}], \"relations\": []}\n",
                  MG_IMPORT_AUTO, NULL, "in.json:1:", "“The harbour council voted on Sunday to a…”");
  assert_refused ("{\"text\": \"a\", \"entities\": [{\"id\": 1, \"label\": \"q\", \"start_offset\": 0, \"end_offset\": 1}],"
                  " \"relations\": [{\"from_id\": 1, \"to_id\": 2, \"type\": \"t\"}]}\n",
                  MG_IMPORT_AUTO, NULL, "in.json:1:", "“2”");
}

/* An offset that falls inside a surrogate pair has no code point. */
static void
test_utf16_inside_pair (void)
{
  g_autoptr(MgImportOptions) options = mg_import_options_new ();

  mg_import_options_set_offsets (options, MG_IMPORT_OFFSETS_UTF16);
  assert_refused ("\n{\"text\": \"\xF0\x9F\x9A\xA2 ship\", \"label\": [[1, 7, \"x\"]]}\n",
                  MG_IMPORT_DOCCANO, options, "in.json:2:", "UTF-16");
}

static void
test_mapping (void)
{
  g_autoptr(MgImportOptions) options = mg_import_options_new ();
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  const char *data = "{\"text\": \"Ana said yes.\", \"label\": [[0, 3, \"Source\"], [4, 8, \"Cue\"], [9, 12, \"Content\"]]}\n";
  MgAnnotationStore *store;

  g_assert_false (mg_import_options_set_map (options, "Source", &error));
  g_clear_error (&error);
  g_assert_true (mg_import_options_set_map (options, "Source=actor, Content=quote", &error));
  mg_import_options_set_labels (options, labels);
  mg_import_options_set_unmapped (options, MG_IMPORT_UNMAPPED_REFUSE);
  assert_refused (data, MG_IMPORT_AUTO, options, "in.json:1:", "“Cue”");
  g_assert_null (mg_label_set_lookup (labels, "Cue"));

  mg_import_options_set_unmapped (options, MG_IMPORT_UNMAPPED_ADD);
  documents = mg_import_data_full (data, strlen (data), "in.json", MG_IMPORT_AUTO, options, NULL, &error);
  g_assert_no_error (error);
  store = mg_document_get_store (documents->pdata[0]);
  g_assert_cmpstr (mg_annotation_get_label (mg_annotation_store_get_annotation (store, 0)), ==, "actor");
  g_assert_cmpstr (mg_annotation_get_label (mg_annotation_store_get_annotation (store, 1)), ==, "Cue");
  g_assert_cmpstr (mg_annotation_get_label (mg_annotation_store_get_annotation (store, 2)), ==, "quote");
  g_assert_null (mg_label_set_lookup (labels, "Cue"));
  mg_import_add_labels (labels, documents);
  g_assert_nonnull (mg_label_set_lookup (labels, "Cue"));
  g_assert_cmpuint (mg_label_set_get_n_labels (labels), ==, 5);
}

/* Spans of a label left out take their relations with them, counted. */
static void
test_unmapped_skip (void)
{
  g_autoptr(MgImportOptions) options = mg_import_options_new ();
  g_autoptr(MgLabelSet) labels = mg_label_set_new_default ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  const char *data =
    "{\"text\": \"Ana said yes.\", \"entities\": [{\"id\": 1, \"label\": \"Source\", \"start_offset\": 0, \"end_offset\": 3},"
    " {\"id\": 2, \"label\": \"Cue\", \"start_offset\": 4, \"end_offset\": 8}],"
    " \"relations\": [{\"from_id\": 2, \"to_id\": 1, \"type\": \"cue-of\"}]}\n";
  MgAnnotationStore *store;

  g_assert_true (mg_import_options_set_map (options, "Source=actor", &error));
  mg_import_options_set_labels (options, labels);
  mg_import_options_set_unmapped (options, MG_IMPORT_UNMAPPED_SKIP);
  documents = mg_import_data_full (data, strlen (data), "in.jsonl", MG_IMPORT_AUTO, options, warnings, &error);
  g_assert_no_error (error);
  store = mg_document_get_store (documents->pdata[0]);
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 1);
  g_assert_cmpuint (mg_annotation_store_get_n_relations (store), ==, 0);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (warnings->pdata[0], ==, "in.jsonl: 1 span left out, its label has no mapping (Cue)");
  g_assert_null (mg_label_set_lookup (labels, "Cue"));
}

/* Label Studio's per-region text areas are notes; a relation drawn
 * leftwards goes from its "to_id" to its "from_id". */
static void
test_label_studio_tool_shapes (void)
{
  const char *data =
    "[{\"id\": 7, \"data\": {\"text\": \"Ana said yes.\"}, \"annotations\": [\n"
    " {\"was_cancelled\": true, \"result\": []},\n"
    " {\"result\": [\n"
    "  {\"id\": \"q\", \"type\": \"labels\", \"value\": {\"start\": 9, \"end\": 12, \"text\": \"yes\", \"labels\": [\"quote\"]}},\n"
    "  {\"id\": \"q\", \"type\": \"textarea\", \"value\": {\"text\": [\"on the record\"]}},\n"
    "  {\"type\": \"relation\", \"from_id\": \"s\", \"to_id\": \"q\", \"direction\": \"left\", \"labels\": [\"attributed-to\"]},\n"
    "  {\"id\": \"s\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 3, \"text\": \"Ana\", \"labels\": [\"actor\"]}},\n"
    "  {\"id\": \"c\", \"type\": \"choices\", \"value\": {\"choices\": [\"politics\"]}}]}]}]";
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  MgAnnotationStore *store;
  MgRelation *r;

  documents = mg_import_data_full (data, strlen (data), "tasks.json", MG_IMPORT_AUTO, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mg_document_get_id (documents->pdata[0]), ==, "tasks-7");
  store = mg_document_get_store (documents->pdata[0]);
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (store), ==, 2);
  g_assert_cmpstr (mg_annotation_get_note (mg_annotation_store_lookup (store, "q")), ==, "on the record");
  r = mg_annotation_store_get_relation (store, 0);
  g_assert_cmpstr (mg_relation_get_from (r), ==, "q");
  g_assert_cmpstr (mg_relation_get_to (r), ==, "s");
}

/* CR LF in another tool's text: offsets count the CR, ours do not. */
static void
test_crlf (void)
{
  const char *data = "{\"text\": \"One.\\r\\nTwo.\", \"label\": [[6, 9, \"x\"]]}";
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  MgAnnotation *a;

  documents = mg_import_data_full (data, strlen (data), "in.jsonl", MG_IMPORT_DOCCANO, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mg_document_get_text (documents->pdata[0]), ==, "One.\nTwo.");
  a = mg_annotation_store_get_annotation (mg_document_get_store (documents->pdata[0]), 0);
  g_assert_cmpstr (mg_annotation_get_text (a), ==, "Two");
}

static void
test_conll_needs_offsets (void)
{
  assert_refused ("-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\n", MG_IMPORT_AUTO, NULL,
                  "in.json:3:", "offsets");
}

static void
test_w3c_needs_texts (void)
{
  g_autoptr(MgDataset) dataset = make_dataset ();
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  gsize n;

  data = export (dataset, MG_EXPORT_W3C, MG_EXPORT_OFFSETS_CODEPOINT, &n);
  documents = mg_import_data (data, n, "w.jsonld", MG_IMPORT_AUTO, NULL, &error);
  g_assert_null (documents);
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
}

/* A quote without a position is found by its prefix and suffix. */
static void
test_w3c_quote_only (void)
{
  g_autoptr(MgDataset) texts = mg_dataset_new ();
  g_autoptr(MgDocument) doc = mg_document_new ("t", "yes, no, yes, maybe", -1);
  g_autoptr(MgImportOptions) options = mg_import_options_new ();
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  const char *data =
    "[{\"type\": \"Annotation\", \"motivation\": \"tagging\",\n  \"body\": {\"type\": \"TextualBody\", \"value\": \"claim\"},\n"
    "  \"target\": {\"source\": \"https://example.org/a\", \"selector\": {\"type\": \"TextQuoteSelector\",\n"
    "   \"exact\": \"yes\", \"prefix\": \"no, \", \"suffix\": \", maybe\"}}}]";
  MgAnnotation *a;

  mg_dataset_add_document (texts, doc);
  mg_import_options_set_texts (options, texts);
  documents = mg_import_data_full (data, strlen (data), "q.json", MG_IMPORT_W3C, options, NULL, &error);
  g_assert_no_error (error);
  a = mg_annotation_store_get_annotation (mg_document_get_store (documents->pdata[0]), 0);
  g_assert_cmpuint (mg_annotation_get_start (a), ==, 9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-annotated/jsonl-export", test_jsonl_export);
  g_test_add_func ("/import-annotated/doccano", test_doccano);
  g_test_add_func ("/import-annotated/label-studio", test_label_studio);
  g_test_add_func ("/import-annotated/w3c", test_w3c);
  g_test_add_func ("/import-annotated/conll", test_conll);
  g_test_add_func ("/import-annotated/detect", test_detect);
  g_test_add_func ("/import-annotated/mismatch", test_mismatch);
  g_test_add_func ("/import-annotated/utf16-inside-pair", test_utf16_inside_pair);
  g_test_add_func ("/import-annotated/mapping", test_mapping);
  g_test_add_func ("/import-annotated/unmapped-skip", test_unmapped_skip);
  g_test_add_func ("/import-annotated/label-studio-tool-shapes", test_label_studio_tool_shapes);
  g_test_add_func ("/import-annotated/crlf", test_crlf);
  g_test_add_func ("/import-annotated/conll-needs-offsets", test_conll_needs_offsets);
  g_test_add_func ("/import-annotated/w3c-needs-texts", test_w3c_needs_texts);
  g_test_add_func ("/import-annotated/w3c-quote-only", test_w3c_quote_only);

  return g_test_run ();
}
