/* test-merge3-values.c: the three-way merge of attributes and document
 * codes, and the settling of the conflicts it marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mg-core.h"
#include "mg-conflicts.h"
#include "mg-merge3.h"

/* TEXT.index ("Kaya") == 0; TEXT.index ("taxes rise") == 10 */
#define TEXT "Kaya said taxes rise."

static MgDataset *
dataset (const char *spans,
         const char *codes)
{
  g_autoptr(MgDocument) doc = mg_document_new ("d1", TEXT, -1);
  g_autofree char *json = g_strdup_printf (
    "{\"format\": \"marginalia-dataset\", \"version\": 1, \"annotator\": \"x\","
    " \"labels\": [{\"id\": \"content\", \"name\": \"Content\", \"color\": \"#0072B2\", \"key\": \"1\","
    "  \"attributes\": [{\"id\": \"kind\", \"values\": [\"direct\", \"indirect\", \"partial\"]},"
    "   {\"id\": \"comment\", \"type\": \"text\"}]}],"
    " \"document_codes\": [{\"id\": \"stance\", \"values\": [\"pro\", \"against\", \"neutral\"]},"
    "  {\"id\": \"topic\", \"type\": \"text\"}],"
    " \"documents\": [{\"id\": \"d1\", \"text\": \"" TEXT "\", \"text_sha256\": \"%s\","
    "  \"annotations\": [%s], \"relations\": [], \"codes\": %s}]}",
    mg_document_get_text_sha256 (doc), spans, codes);
  g_autoptr(GError) error = NULL;
  MgDataset *out = mg_dataset_load_data (json, strlen (json), "t.json", &error);

  g_assert_no_error (error);
  return out;
}

static char *
content (const char *id,
         const char *attributes)
{
  return g_strdup_printf ("{\"id\": \"%s\", \"label\": \"content\", \"start\": 10, \"end\": 20,"
                          " \"text\": \"taxes rise\", \"attributes\": %s}", id, attributes);
}

typedef struct
{
  MgDataset *result;
  GPtrArray *conflicts;
  GPtrArray *notices;
} Merged;

static void
merged_clear (Merged *m)
{
  g_clear_object (&m->result);
  g_clear_pointer (&m->conflicts, g_ptr_array_unref);
  g_clear_pointer (&m->notices, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Merged, merged_clear)

static void
merge (Merged    *m,
       MgDataset *base,
       MgDataset *ours,
       MgDataset *theirs)
{
  g_autoptr(GError) error = NULL;

  m->conflicts = g_ptr_array_new_with_free_func (g_free);
  m->notices = g_ptr_array_new_with_free_func (g_free);
  m->result = mg_merge3_datasets (base, ours, theirs, m->conflicts, m->notices, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < m->conflicts->len; i++)
    g_test_message ("conflict: %s", (char *) g_ptr_array_index (m->conflicts, i));
  for (guint i = 0; i < m->notices->len; i++)
    g_test_message ("notice: %s", (char *) g_ptr_array_index (m->notices, i));
}

static const char *
string_of (JsonNode *node)
{
  return node ? json_node_get_string (node) : NULL;
}

/* What one side changed is taken; what both changed apart is a conflict
 * with ours kept and theirs in the entry. */
static void
test_merge_values (void)
{
  g_autofree char *b_span = content ("a1", "{\"kind\": \"indirect\", \"comment\": \"x\"}");
  g_autofree char *o_span = content ("a1", "{\"kind\": \"direct\", \"comment\": \"x\"}");
  g_autofree char *t_span = content ("a1", "{\"kind\": \"partial\", \"comment\": \"y\"}");
  g_autoptr(MgDataset) base = dataset (b_span, "{\"stance\": \"pro\", \"topic\": \"t\"}");
  g_autoptr(MgDataset) ours = dataset (o_span, "{\"stance\": \"against\", \"topic\": \"t\"}");
  g_autoptr(MgDataset) theirs = dataset (t_span, "{\"stance\": \"neutral\", \"topic\": \"u\"}");
  g_auto(Merged) m = { NULL, };
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(MgHistory) history = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GError) error = NULL;
  MgDocument *doc;
  MgAnnotation *a1;
  const MgConflict *attribute = NULL, *code = NULL;

  merge (&m, base, ours, theirs);
  doc = mg_dataset_get_document (m.result, 0);
  a1 = mg_annotation_store_lookup (mg_document_get_store (doc), "a1");
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (mg_document_get_store (doc)), ==, 1);
  g_assert_cmpstr (string_of (mg_annotation_get_attribute (a1, "kind")), ==, "direct");
  g_assert_cmpstr (string_of (mg_annotation_get_attribute (a1, "comment")), ==, "y");
  g_assert_cmpstr (string_of (mg_document_get_code (doc, "stance")), ==, "against");
  g_assert_cmpstr (string_of (mg_document_get_code (doc, "topic")), ==, "u");

  g_assert_cmpuint (m.conflicts->len, ==, 2);
  g_assert_true (g_ptr_array_find_with_equal_func (m.conflicts,
    "d1: a1 attribute “kind” changed on both sides: ours “direct”, theirs “partial”", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (m.conflicts,
    "d1: code “stance” changed on both sides: ours “against”, theirs “neutral”", g_str_equal, NULL));
  list = mg_document_list_conflicts (doc);
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    {
      const MgConflict *c = g_ptr_array_index (list, i);

      if (g_str_equal (c->kind, MG_CONFLICT_ATTRIBUTE_BOTH))
        attribute = c;
      else if (g_str_equal (c->kind, MG_CONFLICT_CODE_BOTH))
        code = c;
    }
  g_assert_nonnull (attribute);
  g_assert_true (attribute->ours == a1 && attribute->theirs == a1);
  g_assert_cmpstr (attribute->value_id, ==, "kind");
  g_assert_cmpstr (json_node_get_string (attribute->theirs_value), ==, "partial");
  g_assert_nonnull (code);
  g_assert_cmpstr (code->value_id, ==, "stance");
  g_assert_cmpstr (json_node_get_string (code->theirs_value), ==, "neutral");

  /* The merged dataset is valid, and saves and loads the same. */
  {
    g_autoptr(GBytes) bytes = mg_dataset_to_bytes (m.result);
    g_autoptr(MgDataset) again = mg_dataset_load_data (g_bytes_get_data (bytes, NULL),
                                                       g_bytes_get_size (bytes), "m.json", &error);
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(MgScheme) scheme = NULL;

    g_assert_no_error (error);
    scheme = mg_scheme_new_from_dataset (again, "m.json", problems);
    mg_scheme_check_dataset (scheme, again, "m.json", problems);
    g_assert_cmpuint (problems->len, ==, 0);
  }

  /* Settled: an attribute or code holds one value, so keeping both is
   * refused; taking theirs sets it; undo brings the conflict back. */
  history = mg_history_new (m.result);
  before = mg_dataset_to_bytes (m.result);
  g_assert_false (mg_conflict_resolve (history, doc, attribute->id, MG_RESOLUTION_BOTH, &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (mg_conflict_resolve (history, doc, attribute->id, MG_RESOLUTION_THEIRS, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (string_of (mg_annotation_get_attribute (a1, "kind")), ==, "partial");
  g_assert_true (mg_conflict_resolve (history, doc, code->id, MG_RESOLUTION_DROP, &error));
  g_assert_null (mg_document_get_code (doc, "stance"));
  g_assert_cmpstr (string_of (mg_document_get_code (doc, "topic")), ==, "u");
  g_assert_null (mg_document_get_conflicts (doc));
  mg_history_undo (history);
  mg_history_undo (history);
  undone = mg_dataset_to_bytes (m.result);
  g_assert_cmpstr (g_bytes_get_data (undone, NULL), ==, g_bytes_get_data (before, NULL));
}

/* The same span added on both sides with values apart: one span, and a
 * conflict for the value they gave apart; the others are joined. */
static void
test_merge_values_added (void)
{
  g_autofree char *o_span = content ("a1", "{\"kind\": \"direct\"}");
  g_autofree char *t_span = content ("a1", "{\"kind\": \"partial\", \"comment\": \"z\"}");
  g_autoptr(MgDataset) base = dataset ("", "{}");
  g_autoptr(MgDataset) ours = dataset (o_span, "{}");
  g_autoptr(MgDataset) theirs = dataset (t_span, "{}");
  g_auto(Merged) m = { NULL, };
  MgDocument *doc;
  MgAnnotation *a1;
  JsonObject *c;

  merge (&m, base, ours, theirs);
  doc = mg_dataset_get_document (m.result, 0);
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (mg_document_get_store (doc)), ==, 1);
  a1 = mg_annotation_store_get_annotation (mg_document_get_store (doc), 0);
  g_assert_cmpstr (string_of (mg_annotation_get_attribute (a1, "kind")), ==, "direct");
  g_assert_cmpstr (string_of (mg_annotation_get_attribute (a1, "comment")), ==, "z");
  g_assert_cmpuint (json_array_get_length (mg_document_get_conflicts (doc)), ==, 1);
  c = json_array_get_object_element (mg_document_get_conflicts (doc), 0);
  g_assert_cmpstr (json_object_get_string_member (c, "kind"), ==, MG_CONFLICT_ATTRIBUTE_BOTH);
  g_assert_true (json_object_get_null_member (c, "base"));
  g_assert_cmpstr (json_object_get_string_member (c, "attribute"), ==, "kind");
  g_assert_cmpstr (json_object_get_string_member (c, "theirs_value"), ==, "partial");
}

/* A value changed on one side only, or alike on both, is no conflict. */
static void
test_merge_values_one_side (void)
{
  g_autofree char *b_span = content ("a1", "{\"kind\": \"indirect\"}");
  g_autofree char *o_span = content ("a1", "{\"kind\": \"direct\"}");
  g_autofree char *t_span = content ("a1", "{\"kind\": \"indirect\", \"comment\": \"c\"}");
  g_autoptr(MgDataset) base = dataset (b_span, "{\"stance\": \"pro\"}");
  g_autoptr(MgDataset) ours = dataset (o_span, "{\"stance\": \"against\"}");
  g_autoptr(MgDataset) theirs = dataset (t_span, "{\"stance\": \"against\", \"topic\": \"v\"}");
  g_auto(Merged) m = { NULL, };
  MgDocument *doc;
  MgAnnotation *a1;

  merge (&m, base, ours, theirs);
  doc = mg_dataset_get_document (m.result, 0);
  a1 = mg_annotation_store_lookup (mg_document_get_store (doc), "a1");
  g_assert_cmpuint (m.conflicts->len, ==, 0);
  g_assert_cmpuint (m.notices->len, ==, 0);
  g_assert_null (mg_document_get_conflicts (doc));
  g_assert_cmpstr (string_of (mg_annotation_get_attribute (a1, "kind")), ==, "direct");
  g_assert_cmpstr (string_of (mg_annotation_get_attribute (a1, "comment")), ==, "c");
  g_assert_cmpstr (string_of (mg_document_get_code (doc, "stance")), ==, "against");
  g_assert_cmpstr (string_of (mg_document_get_code (doc, "topic")), ==, "v");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge3-values/both", test_merge_values);
  g_test_add_func ("/merge3-values/added", test_merge_values_added);
  g_test_add_func ("/merge3-values/one-side", test_merge_values_one_side);

  return g_test_run ();
}
