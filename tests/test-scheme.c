/* test-scheme.c: a dataset's coding scheme, its checks, a change of
 * scheme, scheme files, and the undoable edits of attributes and codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mg-core.h"

/* TEXT.index ("Kaya") == 0, end 4; TEXT.index ("said") == 5, end 9;
 * TEXT.index ("taxes rise") == 10, end 20; len (TEXT) == 21 */
#define TEXT "Kaya said taxes rise."

#define SCHEME_LABELS \
  "\"labels\": [" \
  "{\"id\": \"source\", \"name\": \"Source\", \"color\": \"#D55E00\", \"key\": \"1\"}," \
  "{\"id\": \"cue\", \"name\": \"Cue\", \"color\": \"#E69F00\", \"key\": \"2\"}," \
  "{\"id\": \"content\", \"name\": \"Content\", \"color\": \"#0072B2\", \"key\": \"3\"," \
  " \"definition\": \"What is attributed\", \"examples\": [\"that taxes rise\"]," \
  " \"attributes\": [{\"id\": \"kind\", \"name\": \"Kind\", \"type\": \"choice\"," \
  "  \"values\": [\"direct\", \"indirect\", \"partial\"]}," \
  "  {\"id\": \"comment\", \"type\": \"text\"}, {\"id\": \"checkable\", \"type\": \"boolean\"}]}]," \
  "\"relation_types\": [{\"id\": \"attribution\", \"name\": \"Attribution\"," \
  " \"from\": [\"content\"], \"to\": [\"source\"]}, {\"id\": \"cued-by\", \"from\": [\"content\"], \"to\": [\"cue\"]}]," \
  "\"document_codes\": [{\"id\": \"stance\", \"name\": \"Stance\", \"type\": \"choice\"," \
  " \"values\": [\"pro\", \"against\", \"neutral\"]}, {\"id\": \"topic\", \"type\": \"text\"}]"

static char *
dataset_json (const char *labels,
              const char *annotations,
              const char *relations,
              const char *codes)
{
  g_autoptr(MgDocument) doc = mg_document_new ("d1", TEXT, -1);

  return g_strdup_printf ("{\"format\": \"marginalia-dataset\", \"version\": 1, %s,"
                          " \"documents\": [{\"id\": \"d1\", \"title\": \"\", \"meta\": {},"
                          " \"text\": \"" TEXT "\", \"text_sha256\": \"%s\","
                          " \"annotations\": [%s], \"relations\": [%s]%s%s}]}",
                          labels, mg_document_get_text_sha256 (doc), annotations, relations,
                          codes ? ", \"codes\": " : "", codes ? codes : "");
}

#define SPANS \
  "{\"id\": \"a1\", \"label\": \"source\", \"start\": 0, \"end\": 4, \"text\": \"Kaya\"}," \
  "{\"id\": \"a2\", \"label\": \"cue\", \"start\": 5, \"end\": 9, \"text\": \"said\"}," \
  "{\"id\": \"a3\", \"label\": \"content\", \"start\": 10, \"end\": 20, \"text\": \"taxes rise\"," \
  " \"attributes\": {\"kind\": \"indirect\", \"checkable\": true}}"

static MgDataset *
load (const char *json)
{
  g_autoptr(GError) error = NULL;
  MgDataset *dataset = mg_dataset_load_data (json, strlen (json), "t.json", &error);

  g_assert_no_error (error);
  return dataset;
}

static GPtrArray *
check (MgDataset *dataset)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MgScheme) scheme = mg_scheme_new_from_dataset (dataset, "t.json", problems);

  mg_scheme_check_dataset (scheme, dataset, "t.json", problems);
  return problems;
}

static void
test_scheme_reads (void)
{
  g_autofree char *json = dataset_json (SCHEME_LABELS, SPANS,
    "{\"id\": \"r1\", \"type\": \"attribution\", \"from\": \"a3\", \"to\": \"a1\"}",
    "{\"stance\": \"pro\"}");
  g_autoptr(MgDataset) dataset = load (json);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MgScheme) scheme = mg_scheme_new_from_dataset (dataset, "t.json", problems);
  g_autoptr(GPtrArray) between = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  const MgField *kind;
  MgDocument *doc = mg_dataset_get_document (dataset, 0);
  MgAnnotation *a3 = mg_annotation_store_lookup (mg_document_get_store (doc), "a3");
  g_autofree char *checkable = NULL;
  g_autofree char *stance = NULL;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_null (mg_scheme_get_attributes (scheme, "source"));
  g_assert_false (mg_scheme_label_has_attributes (scheme, "source"));
  g_assert_cmpuint (mg_scheme_get_attributes (scheme, "content")->len, ==, 3);
  kind = mg_scheme_lookup_attribute (scheme, "content", "kind");
  g_assert_nonnull (kind);
  g_assert_cmpint (kind->type, ==, MG_FIELD_CHOICE);
  g_assert_cmpstr (kind->name, ==, "Kind");
  g_assert_cmpstrv (kind->values, ((const char *[]) { "direct", "indirect", "partial", NULL }));
  g_assert_cmpstr (mg_scheme_lookup_attribute (scheme, "content", "comment")->name, ==, "comment");
  g_assert_cmpint (mg_scheme_lookup_attribute (scheme, "content", "checkable")->type, ==, MG_FIELD_BOOLEAN);
  ids = mg_scheme_get_attribute_ids (scheme);
  g_assert_cmpuint (ids->len, ==, 3);

  g_assert_true (mg_scheme_has_relation_types (scheme));
  between = mg_scheme_relation_types_between (scheme, "content", "source");
  g_assert_cmpuint (between->len, ==, 1);
  g_assert_cmpstr (((MgRelationType *) g_ptr_array_index (between, 0))->id, ==, "attribution");
  none = mg_scheme_relation_types_between (scheme, "source", "content");
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_null (mg_scheme_lookup_relation_type (scheme, MG_RELATION_ATTRIBUTED_TO));

  g_assert_cmpuint (mg_scheme_get_document_codes (scheme)->len, ==, 2);
  g_assert_cmpint (mg_scheme_lookup_document_code (scheme, "topic")->type, ==, MG_FIELD_TEXT);

  checkable = mg_annotation_dup_attribute_string (a3, "checkable");
  g_assert_cmpstr (checkable, ==, "true");
  stance = mg_document_dup_code_string (doc, "stance");
  g_assert_cmpstr (stance, ==, "pro");

  g_ptr_array_unref (check (dataset));
  {
    g_autoptr(GPtrArray) found = check (dataset);
    g_assert_cmpuint (found->len, ==, 0);
  }
}

/* A dataset of before schemes: the built-in relation type, and nothing
 * checked, neither attributes, relation types nor document codes. */
static void
test_scheme_default (void)
{
  g_autofree char *json = dataset_json (
    "\"labels\": [{\"id\": \"quote\", \"name\": \"Quote\", \"color\": \"#0072B2\", \"key\": \"1\"},"
    " {\"id\": \"actor\", \"name\": \"Actor\", \"color\": \"#D55E00\", \"key\": \"2\"}]",
    "{\"id\": \"a1\", \"label\": \"actor\", \"start\": 0, \"end\": 4, \"text\": \"Kaya\","
    " \"attributes\": {\"Negation\": true}},"
    "{\"id\": \"a2\", \"label\": \"quote\", \"start\": 10, \"end\": 20, \"text\": \"taxes rise\"}",
    "{\"id\": \"r1\", \"type\": \"Coref\", \"from\": \"a1\", \"to\": \"a2\"}", "{\"mood\": \"calm\"}");
  g_autoptr(MgDataset) dataset = load (json);
  g_autoptr(MgScheme) scheme = mg_scheme_new_from_dataset (dataset, "t.json", NULL);
  g_autoptr(GPtrArray) problems = check (dataset);
  g_autoptr(GPtrArray) types = mg_scheme_relation_types_between (scheme, "quote", "actor");
  g_autoptr(GPtrArray) no_types = mg_scheme_relation_types_between (scheme, "actor", "quote");

  g_assert_false (mg_scheme_has_relation_types (scheme));
  g_assert_false (mg_scheme_has_document_codes (scheme));
  g_assert_cmpuint (types->len, ==, 1);
  g_assert_cmpstr (((MgRelationType *) g_ptr_array_index (types, 0))->id, ==, MG_RELATION_ATTRIBUTED_TO);
  g_assert_cmpuint (no_types->len, ==, 0);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_scheme_check (void)
{
  g_autofree char *json = dataset_json (SCHEME_LABELS,
    "{\"id\": \"a1\", \"label\": \"source\", \"start\": 0, \"end\": 4, \"text\": \"Kaya\"},"
    "{\"id\": \"a2\", \"label\": \"cue\", \"start\": 5, \"end\": 9, \"text\": \"said\"},"
    "{\"id\": \"a3\", \"label\": \"content\", \"start\": 10, \"end\": 20, \"text\": \"taxes rise\","
    " \"attributes\": {\"kind\": \"quoted\", \"tone\": \"x\", \"checkable\": \"yes\", \"comment\": 3}}",
    "{\"id\": \"r1\", \"type\": \"attribution\", \"from\": \"a1\", \"to\": \"a3\"},"
    "{\"id\": \"r2\", \"type\": \"coref\", \"from\": \"a3\", \"to\": \"a1\"}",
    "{\"stance\": \"maybe\", \"mood\": \"x\"}");
  g_autoptr(MgDataset) dataset = load (json);
  g_autoptr(GPtrArray) problems = check (dataset);
  const char *expected[] = {
    "t.json: document “d1”: annotation “a3”: attribute “kind” is “quoted”, not one of direct, indirect, partial",
    "t.json: document “d1”: annotation “a3”: attribute “tone” is not an attribute of label “content”",
    "t.json: document “d1”: annotation “a3”: attribute “checkable” is “yes”, not true or false",
    "t.json: document “d1”: annotation “a3”: attribute “comment” is 3, not a string",
    "t.json: document “d1”: relation “r1”: “attribution” may not go from a span of “source” to one of “content”",
    "t.json: document “d1”: relation “r2”: type “coref” is not one of the dataset's relation types",
    "t.json: document “d1”: code “stance” is “maybe”, not one of pro, against, neutral",
    "t.json: document “d1”: code “mood” is not one of the dataset's document codes",
  };

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_ptr_array_find_with_equal_func (problems, expected[i], g_str_equal, NULL));
}

/* A span relabelled leaves behind what its old label's coding gave it:
 * attributes the new label does not declare, links no type allows. */
static void
test_scheme_check_relabel (void)
{
  g_autofree char *json = dataset_json (SCHEME_LABELS, SPANS,
    "{\"id\": \"r1\", \"type\": \"attribution\", \"from\": \"a3\", \"to\": \"a1\"},"
    "{\"id\": \"r2\", \"type\": \"cued-by\", \"from\": \"a3\", \"to\": \"a2\"}", NULL);
  g_autoptr(MgDataset) dataset = load (json);
  g_autoptr(MgScheme) scheme = mg_scheme_new_from_dataset (dataset, "t.json", NULL);
  MgDocument *doc = mg_dataset_get_document (dataset, 0);
  MgAnnotationStore *store = mg_document_get_store (doc);
  MgAnnotation *content = mg_annotation_store_lookup (store, "a3");
  MgAnnotation *cue = mg_annotation_store_lookup (store, "a2");
  g_autoptr(GPtrArray) attributes = NULL;
  g_autoptr(GPtrArray) relations = NULL;

  /* Content to source: neither attribute, neither link. */
  mg_scheme_check_relabel (scheme, doc, content, "source", &attributes, &relations);
  g_assert_cmpuint (attributes->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (attributes, 0), ==, "checkable");
  g_assert_cmpstr (g_ptr_array_index (attributes, 1), ==, "kind");
  g_assert_cmpuint (relations->len, ==, 2);
  g_clear_pointer (&attributes, g_ptr_array_unref);
  g_clear_pointer (&relations, g_ptr_array_unref);

  /* Content to content keeps all; the cue, as a source, leaves the
   * cued-by link that ends at it. */
  mg_scheme_check_relabel (scheme, doc, content, "content", &attributes, &relations);
  g_assert_cmpuint (attributes->len + relations->len, ==, 0);
  g_clear_pointer (&attributes, g_ptr_array_unref);
  g_clear_pointer (&relations, g_ptr_array_unref);
  mg_scheme_check_relabel (scheme, doc, cue, "source", &attributes, &relations);
  g_assert_cmpuint (attributes->len, ==, 0);
  g_assert_cmpuint (relations->len, ==, 1);
  g_assert_cmpstr (mg_relation_get_id (g_ptr_array_index (relations, 0)), ==, "r2");
}

static void
test_scheme_malformed (void)
{
  g_autofree char *json = dataset_json (
    "\"labels\": [{\"id\": \"quote\", \"name\": \"Quote\", \"color\": \"#0072B2\", \"key\": \"1\","
    " \"attributes\": [{\"id\": \"kind\", \"type\": \"number\"}, {\"name\": \"x\"},"
    " {\"id\": \"a\", \"type\": \"choice\"}, {\"id\": \"a\", \"type\": \"text\"}], \"examples\": \"no\"}],"
    "\"relation_types\": [{\"id\": \"r\", \"from\": [\"nothing\"]}, {\"id\": \"r\"}],"
    "\"document_codes\": 4", "", "", NULL);
  g_autoptr(MgDataset) dataset = load (json);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MgScheme) scheme = mg_scheme_new_from_dataset (dataset, "t.json", problems);
  const char *expected[] = {
    "t.json: label “quote”: attribute “kind”: type “number” is not choice, text or boolean",
    "t.json: label “quote”: attribute #2: has no “id”",
    "t.json: label “quote”: attribute “a”: a choice needs “values”",
    "t.json: label “quote”: “a” is defined twice in “attributes”",
    "t.json: label “quote”: “examples” must be a list of strings",
    "t.json: relation type “r”: “from” names “nothing”, which is not a label",
    "t.json: relation_types: “r” is defined twice",
    "t.json: document_codes: “document_codes” must be a list",
  };

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_ptr_array_find_with_equal_func (problems, expected[i], g_str_equal, NULL));
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  /* What could be read is there. */
  g_assert_cmpuint (mg_scheme_get_attributes (scheme, "quote")->len, ==, 1);
  g_assert_cmpuint (mg_scheme_get_relation_types (scheme)->len, ==, 1);
}

/* Scheme files: written canonically, read back the same, and a dataset's
 * scheme moved onto another dataset with what would vanish named. */
static MgScheme *
load_scheme (const char  *json,
             GError     **error)
{
  return mg_scheme_load_data (json, strlen (json), "s.json", error);
}

static void
test_scheme_file (void)
{
  g_autofree char *json = dataset_json (SCHEME_LABELS, SPANS, "", NULL);
  g_autoptr(MgDataset) dataset = load (json);
  g_autoptr(MgScheme) scheme = mg_scheme_new_from_dataset (dataset, "t.json", NULL);
  g_autoptr(GBytes) bytes = mg_scheme_to_bytes (scheme);
  g_autoptr(MgScheme) again = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  g_autoptr(GError) error = NULL;
  gsize n;
  const char *data = g_bytes_get_data (bytes, &n);

  g_assert_true (g_str_has_prefix (data, "{\n  \"format\": \"marginalia-scheme\",\n  \"version\": 1,\n"));
  g_assert_nonnull (strstr (data, "\n    {\"id\": \"attribution\", \"name\": \"Attribution\", "
                                  "\"from\": [\"content\"], \"to\": [\"source\"]},\n"));
  g_assert_nonnull (strstr (data, "\"definition\": \"What is attributed\", \"examples\": "
                                  "[\"that taxes rise\"], \"attributes\": [{\"id\": \"kind\", "
                                  "\"name\": \"Kind\", \"type\": \"choice\", \"values\""));
  again = mg_scheme_load_data (data, n, "s.json", &error);
  g_assert_no_error (error);
  bytes_again = mg_scheme_to_bytes (again);
  g_assert_true (g_bytes_equal (bytes, bytes_again));

  g_assert_null (load_scheme ("{\"format\": \"marginalia-scheme\", \"version\": 2, \"labels\": []}", &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_UNSUPPORTED);
  g_clear_error (&error);
  g_assert_null (load_scheme ("{\"format\": \"marginalia-scheme\", \"version\": 1, \"labels\": [{\"name\": \"x\"}]}", &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "s.json: label #1: has no “id”"));
  g_clear_error (&error);
  g_assert_null (load_scheme ("{\"format\": \"other\"}", &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
}

static void
test_scheme_apply (void)
{
  g_autofree char *json = dataset_json (SCHEME_LABELS, SPANS,
    "{\"id\": \"r1\", \"type\": \"attribution\", \"from\": \"a3\", \"to\": \"a1\"},"
    "{\"id\": \"r2\", \"type\": \"cued-by\", \"from\": \"a3\", \"to\": \"a2\"}",
    "{\"stance\": \"pro\", \"topic\": \"tax\"}");
  g_autoptr(MgDataset) dataset = load (json);
  const char *scheme_json =
    "{\"format\": \"marginalia-scheme\", \"version\": 1, \"labels\": ["
    "{\"id\": \"source\", \"name\": \"Source\"},"
    "{\"id\": \"content\", \"name\": \"Content\", \"attributes\": [{\"id\": \"kind\","
    " \"values\": [\"direct\", \"indirect\"]}, {\"id\": \"checkable\", \"type\": \"boolean\"}]}],"
    "\"relation_types\": [{\"id\": \"attribution\", \"from\": [\"content\"], \"to\": [\"source\"]}],"
    "\"document_codes\": [{\"id\": \"stance\", \"values\": [\"pro\", \"against\"]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(MgScheme) scheme = mg_scheme_load_data (scheme_json, strlen (scheme_json), "s.json", &error);
  g_autoptr(GPtrArray) dropped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MgDataset) out = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  const char *expected[] = {
    "t.json: document “d1”: annotation “a2”: label “cue” is not in the scheme: [5, 9) “said”",
    "t.json: document “d1”: relation “r2”: links annotation “a2”, which goes",
    "t.json: document “d1”: code “topic” is not one of the dataset's document codes",
  };
  MgDocument *doc;

  g_assert_no_error (error);
  out = mg_scheme_apply (scheme, dataset, "t.json", dropped);
  for (guint i = 0; i < dropped->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (dropped, i));
  g_assert_cmpuint (dropped->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_ptr_array_find_with_equal_func (dropped, expected[i], g_str_equal, NULL));

  g_assert_cmpuint (mg_dataset_get_n_documents (dataset), ==, 0);
  doc = mg_dataset_get_document (out, 0);
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (mg_document_get_store (doc)), ==, 2);
  g_assert_cmpuint (mg_annotation_store_get_n_relations (mg_document_get_store (doc)), ==, 1);
  g_assert_null (mg_document_get_code (doc, "topic"));
  g_assert_cmpstr (json_node_get_string (mg_document_get_code (doc, "stance")), ==, "pro");
  g_assert_cmpuint (mg_label_set_get_n_labels (mg_dataset_get_labels (out)), ==, 2);
  problems = check (out);
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Setting an attribute and a code are undo steps; undoing them gives back
 * the very bytes of the file. */
static void
test_scheme_history (void)
{
  g_autofree char *json = dataset_json (SCHEME_LABELS, SPANS, "", NULL);
  g_autoptr(MgDataset) dataset = load (json);
  g_autoptr(MgHistory) history = mg_history_new (dataset);
  g_autoptr(GBytes) before = mg_dataset_to_bytes (dataset);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;
  g_autoptr(JsonNode) direct = json_node_init_string (json_node_alloc (), "direct");
  g_autoptr(JsonNode) pro = json_node_init_string (json_node_alloc (), "pro");
  MgDocument *doc = mg_dataset_get_document (dataset, 0);
  MgAnnotationStore *store = mg_document_get_store (doc);
  MgAnnotation *a1 = mg_annotation_store_lookup (store, "a1");
  MgAnnotation *a3 = mg_annotation_store_lookup (store, "a3");
  g_autoptr(MgAnnotation) copy = mg_annotation_copy (a3);
  g_autofree char *kind = NULL;
  const char *data;

  mg_history_set_attribute (history, doc, a3, "kind", direct);
  mg_history_set_attribute (history, doc, a3, "checkable", NULL);
  mg_history_set_attribute (history, doc, a1, "kind", direct);
  mg_history_set_code (history, doc, "stance", pro);
  /* The same value again is no step. */
  mg_history_set_code (history, doc, "stance", pro);

  kind = mg_annotation_dup_attribute_string (a3, "kind");
  g_assert_cmpstr (kind, ==, "direct");
  g_assert_null (mg_annotation_get_attribute (a3, "checkable"));
  /* A copy made before shares nothing that changed. */
  g_assert_cmpstr (json_node_get_string (mg_annotation_get_attribute (copy, "kind")), ==, "indirect");
  after = mg_dataset_to_bytes (dataset);
  data = g_bytes_get_data (after, NULL);
  g_assert_nonnull (strstr (data, "\"attributes\": {\"kind\": \"direct\"}"));
  g_assert_nonnull (strstr (data, "\n      \"codes\": {\"stance\": \"pro\"}"));

  for (int i = 0; i < 4; i++)
    g_assert_true (mg_history_undo (history) == doc);
  g_assert_false (mg_history_can_undo (history));
  undone = mg_dataset_to_bytes (dataset);
  g_assert_cmpstr (g_bytes_get_data (undone, NULL), ==, g_bytes_get_data (before, NULL));
  for (int i = 0; i < 4; i++)
    mg_history_redo (history);
  redone = mg_dataset_to_bytes (dataset);
  g_assert_cmpstr (g_bytes_get_data (redone, NULL), ==, data);
}

/* An editor of schemes changes it a member at a time, each an undo step. */
static void
test_scheme_edit (void)
{
  g_autofree char *json = dataset_json (SCHEME_LABELS, SPANS, "", NULL);
  g_autoptr(MgDataset) dataset = load (json);
  g_autoptr(MgHistory) history = mg_history_new (dataset);
  g_autoptr(GBytes) before = mg_dataset_to_bytes (dataset);
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(MgScheme) scheme = NULL;
  g_autoptr(MgScheme) back = NULL;
  g_autoptr(JsonNode) attributes = json_from_string (
    "[{\"id\": \"role\", \"type\": \"choice\", \"values\": [\"official\", \"citizen\"]}]", NULL);
  g_autoptr(JsonNode) types = json_from_string (
    "[{\"id\": \"attribution\", \"from\": [\"content\"], \"to\": [\"source\", \"cue\"]}]", NULL);
  g_autoptr(JsonNode) definition = json_node_init_string (json_node_alloc (), "Who speaks");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  MgLabel *source = mg_label_set_lookup (mg_dataset_get_labels (dataset), "source");
  guint n_changed = 0;

  mg_history_set_scheme_member (history, source, "attributes", attributes);
  mg_history_set_scheme_member (history, source, "definition", definition);
  mg_history_set_scheme_member (history, NULL, "relation_types", types);
  mg_history_set_scheme_member (history, NULL, "document_codes", NULL);
  /* The same value again is no step. */
  mg_history_set_scheme_member (history, NULL, "relation_types", types);

  scheme = mg_scheme_new_from_dataset (dataset, "t.json", problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (mg_scheme_lookup_attribute (scheme, "source", "role"));
  g_assert_false (mg_scheme_has_document_codes (scheme));
  g_assert_cmpstr (json_object_get_string_member (mg_label_get_extra (source), "definition"), ==, "Who speaks");
  {
    g_autoptr(GPtrArray) to_cue = mg_scheme_relation_types_between (scheme, "content", "cue");

    g_assert_cmpuint (to_cue->len, ==, 1);
  }

  while (mg_history_can_undo (history))
    {
      g_assert_null (mg_history_undo (history));
      n_changed++;
    }
  g_assert_cmpuint (n_changed, ==, 4);
  undone = mg_dataset_to_bytes (dataset);
  g_assert_cmpstr (g_bytes_get_data (undone, NULL), ==, g_bytes_get_data (before, NULL));
  back = mg_scheme_new_from_dataset (dataset, "t.json", NULL);
  g_assert_null (mg_scheme_get_attributes (back, "source"));
  g_assert_true (mg_scheme_has_document_codes (back));
  mg_history_redo (history);
  g_assert_true (json_object_has_member (mg_label_get_extra (source), "attributes"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scheme/reads", test_scheme_reads);
  g_test_add_func ("/scheme/default", test_scheme_default);
  g_test_add_func ("/scheme/check", test_scheme_check);
  g_test_add_func ("/scheme/malformed", test_scheme_malformed);
  g_test_add_func ("/scheme/check-relabel", test_scheme_check_relabel);
  g_test_add_func ("/scheme/file", test_scheme_file);
  g_test_add_func ("/scheme/apply", test_scheme_apply);
  g_test_add_func ("/scheme/history", test_scheme_history);
  g_test_add_func ("/scheme/edit", test_scheme_edit);

  return g_test_run ();
}
