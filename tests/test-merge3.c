/* test-merge3.c: the three-way merge git's merge driver runs
 *
 * The cases git cannot easily stage: relations following spans, labels,
 * documents removed on one side, ids taken on both; and that a merge is
 * deterministic and a no-op when nothing changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mg-core.h"
#include "mg-merge3.h"

static const char rutte[] = "Mark Rutte said NATO will spend 5% more.";
static const char other[] = "The port raised its fees by 12% on Monday.";

#define LABELS \
  "{\"id\": \"quote\", \"name\": \"Quote\", \"color\": \"#0072B2\", \"key\": \"1\"}," \
  "{\"id\": \"actor\", \"name\": \"Actor\", \"color\": \"#D55E00\", \"key\": \"2\"}," \
  "{\"id\": \"claim\", \"name\": \"Claim\", \"color\": \"#009E73\", \"key\": \"3\"}," \
  "{\"id\": \"figure\", \"name\": \"Figure\", \"color\": \"#CC79A7\", \"key\": \"4\"}"

/* A span of @text as the format writes it. */
static char *
span (const char *text,
      const char *id,
      const char *label,
      guint       start,
      guint       end,
      const char *note)
{
  g_autofree char *slice = g_strndup (text + start, end - start);

  return g_strdup_printf ("{\"id\": \"%s\", \"label\": \"%s\", \"start\": %u, \"end\": %u, "
                          "\"text\": \"%s\", \"note\": \"%s\"}", id, label, start, end, slice, note);
}

static char *
document (const char *id,
          const char *text,
          const char *annotations,
          const char *relations)
{
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  return g_strdup_printf ("{\"id\": \"%s\", \"title\": \"%s\", \"text\": \"%s\", "
                          "\"text_sha256\": \"%s\", \"annotations\": [%s], \"relations\": [%s]}",
                          id, id, text, sha, annotations, relations);
}

static MgDataset *
dataset_with (const char *labels,
              const char *documents)
{
  g_autofree char *json = g_strdup_printf ("{\"format\": \"marginalia-dataset\", \"version\": 1, "
                                           "\"annotator\": \"ayse\", \"labels\": [%s], "
                                           "\"documents\": [%s]}", labels, documents);
  g_autoptr(GError) error = NULL;
  MgDataset *d = mg_dataset_load_data (json, strlen (json), "test.json", &error);

  g_assert_no_error (error);
  return d;
}

/* The default labels and @extra_labels. */
static MgDataset *
dataset (const char *extra_labels,
         const char *documents)
{
  g_autofree char *labels = g_strconcat (LABELS, extra_labels, NULL);

  return dataset_with (labels, documents);
}

/* The rutte document with spans a1 actor "Mark Rutte", a2 actor "NATO" and
 * a3 claim, and r1 a3 → a1, unless told otherwise. */
static char *
rutte_doc (const char *a1_label,
           const char *a1_note,
           gboolean    with_a1,
           const char *more,
           const char *relations)
{
  g_autofree char *a1 = span (rutte, "a1", a1_label, 0, 10, a1_note);
  g_autofree char *a2 = span (rutte, "a2", "actor", 16, 20, "");
  g_autofree char *a3 = span (rutte, "a3", "claim", 16, 39, "");
  g_autofree char *spans = g_strdup_printf ("%s%s%s, %s%s", with_a1 ? a1 : "", with_a1 ? ", " : "",
                                            a2, a3, more);

  return document ("rutte", rutte, spans, relations);
}

#define R1 "{\"id\": \"r1\", \"type\": \"attributed-to\", \"from\": \"a3\", \"to\": \"a1\"}"

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

/* Merges and checks what every merge must give: a dataset that saves,
 * loads again and saves to the same bytes. */
static void
merge (Merged    *m,
       MgDataset *base,
       MgDataset *ours,
       MgDataset *theirs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(MgDataset) reloaded = NULL;
  gconstpointer data;
  gsize size;

  m->conflicts = g_ptr_array_new_with_free_func (g_free);
  m->notices = g_ptr_array_new_with_free_func (g_free);
  m->result = mg_merge3_datasets (base, ours, theirs, m->conflicts, m->notices, &error);
  g_assert_no_error (error);
  g_assert_nonnull (m->result);

  first = mg_dataset_to_bytes (m->result);
  data = g_bytes_get_data (first, &size);
  reloaded = mg_dataset_load_data (data, size, "merged.json", &error);
  g_assert_no_error (error);
  again = mg_dataset_to_bytes (reloaded);
  g_assert_true (g_bytes_equal (first, again));
}

/* Merges datasets of the default labels with the documents given. */
static void
merge_documents (Merged     *m,
                 const char *base_documents,
                 const char *ours_documents,
                 const char *theirs_documents)
{
  g_autoptr(MgDataset) base = dataset ("", base_documents);
  g_autoptr(MgDataset) ours = dataset ("", ours_documents);
  g_autoptr(MgDataset) theirs = dataset ("", theirs_documents);

  merge (m, base, ours, theirs);
}

static MgDocument *
only_document (Merged *m)
{
  g_assert_cmpuint (mg_dataset_get_n_documents (m->result), ==, 1);
  return mg_dataset_get_document (m->result, 0);
}

static JsonObject *
conflict (MgDocument *doc,
          guint       i)
{
  JsonArray *conflicts = mg_document_get_conflicts (doc);

  g_assert_nonnull (conflicts);
  return json_array_get_object_element (conflicts, i);
}

static void
test_nothing_changed (void)
{
  g_autofree char *doc = rutte_doc ("actor", "", TRUE, "", R1);
  g_autoptr(MgDataset) base = dataset ("", doc);
  g_autoptr(GBytes) before = mg_dataset_to_bytes (base);
  g_autoptr(GBytes) after = NULL;
  g_auto(Merged) m = { 0 };

  merge (&m, base, base, base);
  after = mg_dataset_to_bytes (m.result);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpuint (m.conflicts->len, ==, 0);
  g_assert_cmpuint (m.notices->len, ==, 0);
}

/* They deleted a1 (and so r1); we relabelled it: a1 stays in a conflict,
 * and r1 with it, so keeping our version loses nothing. */
static void
test_relation_follows_kept_span (void)
{
  g_autofree char *b = rutte_doc ("actor", "", TRUE, "", R1);
  g_autofree char *o = rutte_doc ("quote", "", TRUE, "", R1);
  g_autofree char *t = rutte_doc ("actor", "", FALSE, "", "");
  g_auto(Merged) m = { 0 };
  MgDocument *doc;

  merge_documents (&m, b, o, t);
  doc = only_document (&m);
  g_assert_cmpuint (m.conflicts->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (conflict (doc, 0), "kind"), ==, MG_CONFLICT_CHANGED_DELETED);
  g_assert_true (json_object_get_null_member (conflict (doc, 0), "theirs"));
  g_assert_nonnull (mg_annotation_store_lookup (mg_document_get_store (doc), "a1"));
  g_assert_nonnull (mg_annotation_store_lookup_relation (mg_document_get_store (doc), "r1"));
}

/* We deleted a1; they linked a claim to it: their link is a change. */
static void
test_deleted_then_linked (void)
{
  g_autofree char *b = rutte_doc ("actor", "", TRUE, "", "");
  g_autofree char *o = rutte_doc ("actor", "", FALSE, "", "");
  g_autofree char *t = rutte_doc ("actor", "", TRUE, "", R1);
  g_auto(Merged) m = { 0 };
  MgDocument *doc;

  merge_documents (&m, b, o, t);
  doc = only_document (&m);
  g_assert_cmpuint (m.conflicts->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (conflict (doc, 0), "kind"), ==, MG_CONFLICT_DELETED_CHANGED);
  g_assert_cmpuint (mg_annotation_store_get_n_relations (mg_document_get_store (doc)), ==, 1);
}

/* A span changed differently on both sides keeps both versions, and each
 * side's relation goes to its own version. */
static void
test_changed_both_keeps_relations (void)
{
  g_autofree char *b = rutte_doc ("actor", "", TRUE, "", R1);
  g_autofree char *o = rutte_doc ("quote", "", TRUE, "", R1);
  g_autofree char *t = rutte_doc ("figure", "", TRUE, "", R1);
  g_auto(Merged) m = { 0 };
  MgAnnotationStore *store;
  const char *theirs_id;

  merge_documents (&m, b, o, t);
  store = mg_document_get_store (only_document (&m));
  theirs_id = json_object_get_string_member (conflict (only_document (&m), 0), "theirs");
  g_assert_cmpstr (theirs_id, ==, "a4");
  g_assert_cmpstr (mg_annotation_get_label (mg_annotation_store_lookup (store, "a1")), ==, "quote");
  g_assert_cmpstr (mg_annotation_get_label (mg_annotation_store_lookup (store, "a4")), ==, "figure");
  g_assert_cmpuint (mg_annotation_store_get_n_relations (store), ==, 2);
  g_assert_cmpstr (mg_relation_get_to (mg_annotation_store_get_relation (store, 1)), ==, "a4");
}

/* The same span added on both sides with different notes is one span and a
 * note conflict. */
static void
test_same_span_two_notes (void)
{
  g_autofree char *b = rutte_doc ("actor", "", TRUE, "", "");
  g_autofree char *x = span (rutte, "a4", "figure", 32, 34, "five");
  g_autofree char *y = span (rutte, "a9", "figure", 32, 34, "5 percent");
  g_autofree char *xs = g_strconcat (", ", x, NULL), *ys = g_strconcat (", ", y, NULL);
  g_autofree char *o = rutte_doc ("actor", "", TRUE, xs, "");
  g_autofree char *t = rutte_doc ("actor", "", TRUE, ys, "");
  g_auto(Merged) m = { 0 };
  MgDocument *doc;

  merge_documents (&m, b, o, t);
  doc = only_document (&m);
  g_assert_cmpuint (mg_annotation_store_get_n_annotations (mg_document_get_store (doc)), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (conflict (doc, 0), "kind"), ==, MG_CONFLICT_NOTE_BOTH);
  g_assert_cmpstr (json_object_get_string_member (conflict (doc, 0), "theirs_note"), ==, "5 percent");
}

static void
test_labels (void)
{
  g_autofree char *b = rutte_doc ("actor", "", TRUE, "", "");
  g_autofree char *fig = span (rutte, "a4", "figure", 32, 34, "");
  g_autofree char *figs = g_strconcat (", ", fig, NULL);
  g_autofree char *t = rutte_doc ("actor", "", TRUE, figs, "");
  g_autoptr(MgDataset) base = dataset ("", b);
  /* We renamed nothing, added source and removed figure; they renamed
   * source differently, added event on our source's key and used figure. */
  g_autoptr(MgDataset) ours = dataset_with (
    "{\"id\": \"quote\", \"name\": \"Quote\", \"color\": \"#0072B2\", \"key\": \"1\"},"
    "{\"id\": \"actor\", \"name\": \"Actor\", \"color\": \"#D55E00\", \"key\": \"2\"},"
    "{\"id\": \"claim\", \"name\": \"Claim\", \"color\": \"#009E73\", \"key\": \"3\"},"
    "{\"id\": \"source\", \"name\": \"Source\", \"color\": \"#000000\", \"key\": \"5\"}", b);
  g_autoptr(MgDataset) theirs = dataset (",{\"id\": \"source\", \"name\": \"Origin\", \"color\": \"#000000\", \"key\": \"5\"},"
                                         "{\"id\": \"event\", \"name\": \"Event\", \"color\": \"#111111\", \"key\": \"5\"}", t);
  g_auto(Merged) m = { 0 };
  MgLabelSet *labels;

  merge (&m, base, ours, theirs);
  labels = mg_dataset_get_labels (m.result);
  g_assert_cmpstr (mg_label_get_name (mg_label_set_lookup (labels, "source")), ==, "Source");
  g_assert_nonnull (mg_label_set_lookup (labels, "figure"));
  g_assert_cmpstr (mg_label_get_key (mg_label_set_lookup (labels, "event")), ==, "");
  g_assert_cmpuint (m.notices->len, ==, 3);
  g_assert_cmpuint (m.conflicts->len, ==, 0);
}

static void
test_documents (void)
{
  g_autofree char *r = rutte_doc ("actor", "", TRUE, "", "");
  g_autofree char *changed = rutte_doc ("quote", "", TRUE, "", "");
  g_autofree char *a = document ("port", other, "", "");
  g_autofree char *clash = document ("port", rutte, "", "");
  g_autofree char *o_docs = g_strdup_printf ("%s", a);
  g_autofree char *t_docs = g_strdup_printf ("%s, %s", changed, clash);
  g_auto(Merged) m = { 0 };
  MgDocument *kept;

  /* We removed rutte and added port; they changed rutte and added another
   * text under the id port. */
  merge_documents (&m, r, o_docs, t_docs);
  g_assert_cmpuint (mg_dataset_get_n_documents (m.result), ==, 3);
  g_assert_cmpstr (mg_document_get_id (mg_dataset_get_document (m.result, 0)), ==, "port");
  kept = mg_dataset_lookup_document (m.result, "rutte");
  g_assert_nonnull (kept);
  g_assert_cmpstr (json_object_get_string_member (conflict (kept, 0), "kind"), ==,
                   MG_CONFLICT_DOCUMENT_DELETED_CHANGED);
  g_assert_nonnull (mg_dataset_lookup_document (m.result, "port-2"));
  g_assert_cmpuint (m.conflicts->len, ==, 1);
}

/* The same inputs give the same bytes, and conflicts number from c1 in
 * each document. */
static void
test_deterministic (void)
{
  g_autofree char *b = rutte_doc ("actor", "", TRUE, "", R1);
  g_autofree char *o = rutte_doc ("quote", "ours", TRUE, "", R1);
  g_autofree char *t = rutte_doc ("figure", "theirs", TRUE, "", "");
  g_auto(Merged) m1 = { 0 };
  g_auto(Merged) m2 = { 0 };
  g_autoptr(GBytes) x = NULL, y = NULL;

  merge_documents (&m1, b, o, t);
  merge_documents (&m2, b, o, t);
  x = mg_dataset_to_bytes (m1.result);
  y = mg_dataset_to_bytes (m2.result);
  g_assert_true (g_bytes_equal (x, y));
  g_assert_cmpstr (json_object_get_string_member (conflict (only_document (&m1), 0), "id"), ==, "c1");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge3/nothing-changed", test_nothing_changed);
  g_test_add_func ("/merge3/relation-follows-kept-span", test_relation_follows_kept_span);
  g_test_add_func ("/merge3/deleted-then-linked", test_deleted_then_linked);
  g_test_add_func ("/merge3/changed-both-keeps-relations", test_changed_both_keeps_relations);
  g_test_add_func ("/merge3/same-span-two-notes", test_same_span_two_notes);
  g_test_add_func ("/merge3/labels", test_labels);
  g_test_add_func ("/merge3/documents", test_documents);
  g_test_add_func ("/merge3/deterministic", test_deterministic);

  return g_test_run ();
}
