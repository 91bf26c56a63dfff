/* test-dataset.c: format v1 — round trips, invariants, hostile input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "mg-core.h"
#include "mg-dataset-io-private.h"
#include "mg-drafts.h"

static char *
fixture (const char *name,
         gsize      *len)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "dataset", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, len, &error);
  g_assert_no_error (error);
  return data;
}

/* The canonical fixture has unknown members at every level, emoji, ZWJ
 * sequences, flags, combining marks, RTL and CJK text: loading and saving
 * it must give back the very same bytes. */
static void
test_round_trip_bytes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDataset) dataset = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *data = NULL;
  gsize len;

  data = fixture ("canonical.json", &len);
  dataset = mg_dataset_load_data (data, len, "canonical.json", &error);
  g_assert_no_error (error);

  bytes = mg_dataset_to_bytes (dataset);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), data, len);
}

static void
test_round_trip_model (void)
{
  g_autoptr(MgDataset) dataset = mg_dataset_new ();
  g_autoptr(MgDataset) again = NULL;
  g_autoptr(MgDocument) doc = mg_document_new ("d", "Zoë 👍🏽 said “yes”.\nNext\tline \\ end", -1);
  g_autoptr(MgAnnotation) a = mg_annotation_new (NULL, "quote", 12, 17);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;

  mg_dataset_set_annotator (dataset, "tester");
  g_assert_true (mg_annotation_store_add (mg_document_get_store (doc), a, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mg_annotation_get_text (a), ==, "“yes”");
  mg_dataset_add_document (dataset, doc);

  first = mg_dataset_to_bytes (dataset);
  again = mg_dataset_load_data (g_bytes_get_data (first, NULL), g_bytes_get_size (first), "m", &error);
  g_assert_no_error (error);
  second = mg_dataset_to_bytes (again);
  g_assert_true (g_bytes_equal (first, second));
}

/* Offsets are code points, as Python counts them: each of these is
 * text[start:end] in Python 3 for the fixture's text. */
static void
test_code_point_offsets (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDataset) dataset = NULL;
  g_autofree char *data = NULL;
  MgDocument *doc;
  gsize len;
  static const struct { guint start, end; const char *text; } spans[] = {
    /* python3: text.index("Minister") == 7 */
    { 7, 28, "Minister Zoë Fährmann" },
    /* the family emoji is 5 code points (3 people, 2 ZWJ), the flag 2 */
    { 29, 34, "👩‍👩‍👧" },
    { 40, 42, "🇹🇷" },
    { 54, 58, "3.5%" },
    { 105, 107, "東京" },
    { 108, 113, "مرحبا" },
    /* "e" and U+0301 COMBINING ACUTE ACCENT are two code points */
    { 114, 116, "e\xcc\x81" },
  };

  data = fixture ("canonical.json", &len);
  dataset = mg_dataset_load_data (data, len, "canonical.json", &error);
  g_assert_no_error (error);
  doc = mg_dataset_get_document (dataset, 0);
  g_assert_cmpuint (mg_document_get_length (doc), ==, 116);

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      g_autofree char *s = mg_document_substring (doc, spans[i].start, spans[i].end);
      g_assert_cmpstr (s, ==, spans[i].text);
    }
}

static void
test_unknown_members_kept (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDataset) dataset = NULL;
  g_autofree char *data = NULL;
  MgDocument *doc;
  MgAnnotation *a;
  gsize len;

  data = fixture ("canonical.json", &len);
  dataset = mg_dataset_load_data (data, len, "canonical.json", &error);
  g_assert_no_error (error);

  g_assert_nonnull (mg_dataset_get_extra (dataset));
  g_assert_true (json_object_has_member (mg_dataset_get_extra (dataset), "project"));
  doc = mg_dataset_lookup_document (dataset, "emoji-news");
  g_assert_true (json_object_has_member (mg_document_get_extra (doc), "x_review"));
  g_assert_true (json_object_has_member (mg_document_get_source_extra (doc), "fetched"));
  a = mg_annotation_store_lookup (mg_document_get_store (doc), "a2");
  g_assert_cmpfloat (json_object_get_double_member (mg_annotation_get_extra (a), "confidence"), ==, 0.9);
  g_assert_true (json_object_has_member (
    mg_label_get_extra (mg_label_set_lookup (mg_dataset_get_labels (dataset), "actor")), "description"));
}

/* A small valid dataset the invariant cases below each break once. */
#define HEAD "{\"format\": \"marginalia-dataset\", \"version\": 1, \"annotator\": \"t\", " \
             "\"labels\": [{\"id\": \"quote\", \"name\": \"Quote\", \"color\": \"#0072B2\", \"key\": \"1\"}, " \
             "{\"id\": \"actor\", \"name\": \"Actor\", \"color\": \"#D55E00\", \"key\": \"2\"}], "
/* sha256("Ana said hi.") */
#define SHA "7e1a0a2dd8dc8e4ee3d5a8e7d7dfc7c1b3d3f5ff9f2b35a18a5c5d77a2a91b35"

typedef struct
{
  const char *name;
  const char *json;
  const char *expected;  /* in the message */
} Case;

static char *
valid_document (const char *annotations,
                const char *relations)
{
  g_autofree char *sha = mg_sha256_hex ("Ana said hi.", 12);

  return g_strdup_printf (HEAD "\"documents\": [{\"id\": \"d1\", \"title\": \"T\", \"text\": \"Ana said hi.\", "
                          "\"text_sha256\": \"%s\", \"annotations\": [%s], \"relations\": [%s]}]}",
                          sha, annotations, relations);
}

#define ANN(id, label, s, e, text) \
  "{\"id\": \"" id "\", \"label\": \"" label "\", \"start\": " #s ", \"end\": " #e ", \"text\": \"" text "\", \"note\": \"\"}"

static void
expect_problem (const char *json,
                const char *expected,
                const char *document,
                const char *annotation)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MgDataset) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;

  loaded = mg_dataset_load_data (json, strlen (json), "bad.json", &error);
  g_assert_null (loaded);
  g_assert_nonnull (error);
  if (g_test_verbose ())
    g_printerr ("%s\n", error->message);
  g_assert_true (g_str_has_prefix (error->message, "bad.json: "));
  g_assert_nonnull (strstr (error->message, expected));
  if (document != NULL)
    g_assert_nonnull (strstr (error->message, document));
  if (annotation != NULL)
    g_assert_nonnull (strstr (error->message, annotation));

  /* Validation reports the same problem, on a line of its own. */
  g_clear_object (&loaded);
  loaded = mg_dataset_validate_data (json, strlen (json), "bad.json", problems);
  g_assert_cmpuint (problems->len, >=, 1);
  line = g_ptr_array_index (problems, 0);
  g_assert_null (strchr (line, '\n'));
}

static void
test_valid_base (void)
{
  g_autofree char *json = valid_document (ANN ("a1", "actor", 0, 3, "Ana") ", "
                                          ANN ("a2", "quote", 9, 11, "hi"),
                                          "{\"id\": \"r1\", \"type\": \"attributed-to\", \"from\": \"a2\", \"to\": \"a1\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDataset) dataset = mg_dataset_load_data (json, strlen (json), "ok.json", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (mg_dataset_count_annotations (dataset), ==, 2);
}

static void
test_invariants (void)
{
  static const struct {
    const char *annotations;
    const char *relations;
    const char *expected;
    const char *annotation;
  } cases[] = {
    { ANN ("a1", "actor", 0, 3, "Anna"), "", "text[0:3] is “Ana”", "a1" },
    { ANN ("a1", "actor", 3, 3, ""), "", "start 3 is not before end 3", "a1" },
    { ANN ("a1", "actor", 5, 2, "xx"), "", "is not before end", "a1" },
    { ANN ("a1", "actor", 0, 99, "Ana"), "", "past the end of the text", "a1" },
    { ANN ("a1", "person", 0, 3, "Ana"), "", "label “person” is not in the dataset's labels", "a1" },
    { ANN ("a1", "actor", 0, 3, "Ana") ", " ANN ("a1", "quote", 9, 11, "hi"), "", "id is used twice", "a1" },
    { ANN ("a1", "actor", 0, 3, "Ana") ", " ANN ("a2", "actor", 0, 3, "Ana"), "", "duplicate of “a1”", "a2" },
    { "{\"id\": \"a1\", \"label\": \"actor\", \"start\": -1, \"end\": 3, \"text\": \"Ana\"}", "", "out of range", "a1" },
    { "{\"id\": \"a1\", \"label\": \"actor\", \"start\": 0.5, \"end\": 3, \"text\": \"Ana\"}", "", "must be an integer", "a1" },
    { "{\"id\": \"a1\", \"label\": \"actor\", \"start\": \"0\", \"end\": 3, \"text\": \"Ana\"}", "", "must be an integer, not a string", "a1" },
    { "{\"label\": \"actor\", \"start\": 0, \"end\": 3, \"text\": \"Ana\"}", "", "has no “id”", "annotation #1" },
    { "{\"id\": \"a1\", \"start\": 0, \"end\": 3, \"text\": \"Ana\"}", "", "has no “label”", "a1" },
    { "{\"id\": \"a1\", \"label\": \"actor\", \"start\": 0, \"end\": 3}", "", "has no “text”", "a1" },
    { "{\"id\": \"a1\", \"id\": \"a2\", \"label\": \"actor\", \"start\": 0, \"end\": 3, \"text\": \"Ana\"}", "", "appears twice", NULL },
    { ANN ("a1", "actor", 0, 3, "Ana"), "{\"id\": \"r1\", \"type\": \"attributed-to\", \"from\": \"a9\", \"to\": \"a1\"}",
      "“a9”, which is no annotation of this document", "r1" },
    { ANN ("a1", "actor", 0, 3, "Ana"), "{\"id\": \"r1\", \"type\": \"attributed-to\", \"from\": \"a1\"}",
      "needs “id”, “type”, “from” and “to”", "r1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = valid_document (cases[i].annotations, cases[i].relations);

      expect_problem (json, cases[i].expected, "d1", cases[i].annotation);
    }
}

static void
test_document_invariants (void)
{
  static const Case cases[] = {
    { "sha", HEAD "\"documents\": [{\"id\": \"d1\", \"text\": \"Ana\", \"text_sha256\": \"00\"}]}",
      "“text_sha256” does not match" },
    { "no sha", HEAD "\"documents\": [{\"id\": \"d1\", \"text\": \"Ana\"}]}", "has no “text_sha256”" },
    { "no text", HEAD "\"documents\": [{\"id\": \"d1\"}]}", "has no “text”" },
    { "no id", HEAD "\"documents\": [{\"text\": \"Ana\"}]}", "has no “id”" },
    { "cr", HEAD "\"documents\": [{\"id\": \"d1\", \"text\": \"A\\r\\nB\", \"text_sha256\": \"x\"}]}",
      "carriage return" },
    { "dup doc", HEAD "\"documents\": [{\"id\": \"d1\", \"text\": \"A\", \"text_sha256\": "
      "\"559aead08264d5795d3909718cdd05abd49572e84fe55590eef31a88a08fdffd\"}, {\"id\": \"d1\", \"text\": \"A\", "
      "\"text_sha256\": \"559aead08264d5795d3909718cdd05abd49572e84fe55590eef31a88a08fdffd\"}]}",
      "id is used by another document" },
    { "format", "{\"format\": \"other\", \"version\": 1, \"labels\": [], \"documents\": []}",
      "“format” is “other”" },
    { "no format", "{\"version\": 1, \"labels\": [], \"documents\": []}", "no “format”" },
    { "no documents", "{\"format\": \"marginalia-dataset\", \"version\": 1, \"labels\": []}",
      "has no “documents”" },
    { "no labels", "{\"format\": \"marginalia-dataset\", \"version\": 1, \"documents\": []}",
      "has no “labels”" },
    { "label twice", "{\"format\": \"marginalia-dataset\", \"version\": 1, \"labels\": [{\"id\": \"a\"}, {\"id\": \"a\"}], \"documents\": []}",
      "label “a” is defined twice" },
    { "colour", "{\"format\": \"marginalia-dataset\", \"version\": 1, \"labels\": [{\"id\": \"a\", \"color\": \"red\"}], \"documents\": []}",
      "not of the form #rrggbb" },
    { "not object", "[1, 2]", "not an object" },
    { "version 0", "{\"format\": \"marginalia-dataset\", \"version\": 0, \"labels\": [], \"documents\": []}",
      "positive integer" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    expect_problem (cases[i].json, cases[i].expected, NULL, NULL);
}

static void
test_newer_version (void)
{
  const char *json = "{\"format\": \"marginalia-dataset\", \"version\": 2, \"labels\": [], \"documents\": []}";
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDataset) dataset = mg_dataset_load_data (json, strlen (json), "new.json", &error);

  g_assert_null (dataset);
  g_assert_error (error, MG_ERROR, MG_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "version 2 is newer"));
}

/* Every problem is reported, not only the first. */
static void
test_validate_collects (void)
{
  g_autofree char *json = valid_document (ANN ("a1", "actor", 0, 3, "Anna") ", "
                                          ANN ("a2", "person", 9, 11, "hi") ", "
                                          ANN ("a3", "quote", 4, 99, "x"), "");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(MgDataset) dataset = mg_dataset_validate_data (json, strlen (json), "many.json", problems);
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDataset) loaded = NULL;

  g_assert_cmpuint (problems->len, ==, 3);
  loaded = mg_dataset_load_data (json, strlen (json), "many.json", &error);
  g_assert_nonnull (strstr (error->message, "and 2 more problems"));
}

/* What json-glib 1.6 would accept, or overflow its stack on. */
static void
test_hostile (void)
{
  static const Case cases[] = {
    { "trailing value", "1{}", "not an object" },
    { "two objects", "{\"format\": \"marginalia-dataset\", \"version\": 1, \"labels\": [], \"documents\": []} {}",
      "unexpected data after the end" },
    { "line comment", "{// hi\n\"format\": \"marginalia-dataset\"}", "comments are not JSON" },
    { "block comment", "{\"format\": /* x */ \"marginalia-dataset\"}", "comments are not JSON" },
    { "single quotes", "{'format': 'marginalia-dataset'}", "double quotes" },
    { "huge int", HEAD "\"documents\": [{\"id\": \"d\", \"text\": \"A\", \"annotations\": "
      "[{\"id\": \"a1\", \"label\": \"quote\", \"start\": 18446744073709551616, \"end\": 1, \"text\": \"A\"}]}]}",
      "integer too large for 64 bits" },
    { "wrapping int", HEAD "\"documents\": [{\"id\": \"d\", \"text\": \"A\", \"annotations\": "
      "[{\"id\": \"a1\", \"label\": \"quote\", \"start\": 4294967296, \"end\": 1, \"text\": \"A\"}]}]}",
      "out of range" },
    { "trailing comma", "{\"format\": \"marginalia-dataset\", \"labels\": [1,]}", "trailing comma" },
    { "trailing comma object", "{\"format\": \"marginalia-dataset\",}", "expected “\"”" },
    { "bad escape", "{\"format\": \"a\\x\"}", "invalid escape" },
    { "lone surrogate", "{\"format\": \"\\ud800\"}", "unpaired UTF-16 surrogate" },
    { "nul", "{\"format\": \"\\u0000\"}", "U+0000" },
    { "raw control", "{\"format\": \"a\tb\"}", "control character" },
    { "bad utf8", "{\"format\": \"\xff\xfe\"}", "not valid UTF-8" },
    { "truncated", "{\"format\": \"marginalia-dataset\", \"labels\": [", "unexpected end of data" },
    { "empty", "", "unexpected end of data" },
    { "nan", "{\"x\": NaN}", "expected a value" },
    { "leading zero", "{\"x\": 01}", "expected" },
    { "bare word", "{\"x\": tru}", "invalid literal" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (g_test_verbose ())
        g_printerr ("case %s\n", cases[i].name);
      expect_problem (cases[i].json, cases[i].expected, NULL, NULL);
    }
}

/* 100,000 levels of nesting must be refused, not recursed into. */
static void
test_deep_nesting (void)
{
  gsize depth = 100000;
  GString *json = g_string_new ("{\"format\": \"marginalia-dataset\", \"x\": ");

  for (gsize i = 0; i < depth; i++)
    g_string_append_c (json, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');

  expect_problem (json->str, "nested deeper than", NULL, NULL);
  g_string_free (json, TRUE);

  json = g_string_new ("");
  for (gsize i = 0; i < depth; i++)
    g_string_append (json, "{\"a\":");
  expect_problem (json->str, "nested deeper than", NULL, NULL);
  g_string_free (json, TRUE);
}

/* The size is checked before a byte is read. */
static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDataset) dataset =
    mg_dataset_load_data ("{}", MG_DATASET_MAX_BYTES + 1, "huge.json", &error);

  g_assert_null (dataset);
  g_assert_nonnull (strstr (error->message, "too large"));
}

static void
test_deterministic_order (void)
{
  g_autoptr(MgDataset) dataset = mg_dataset_new ();
  g_autoptr(MgDocument) doc = mg_document_new ("d", "one two three four", -1);
  MgAnnotationStore *store = mg_document_get_store (doc);
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  static const struct { const char *label; guint s, e; } adds[] = {
    { "claim", 8, 13 }, { "quote", 0, 7 }, { "actor", 0, 7 }, { "quote", 0, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (adds); i++)
    {
      g_autoptr(MgAnnotation) a = mg_annotation_new (NULL, adds[i].label, adds[i].s, adds[i].e);
      mg_annotation_set_created (a, "2026-01-01T00:00:00Z");
      mg_annotation_set_modified (a, "2026-01-01T00:00:00Z");
      g_assert_true (mg_annotation_store_add (store, a, NULL));
    }
  mg_dataset_add_document (dataset, doc);

  bytes = mg_dataset_to_bytes (dataset);
  data = g_bytes_get_data (bytes, NULL);
  /* sorted by (start, end, label, id), one per line */
  g_assert_nonnull (strstr (data,
    "        {\"id\": \"a4\", \"label\": \"quote\", \"start\": 0, \"end\": 3, \"text\": \"one\", \"note\": \"\", "
    "\"created\": \"2026-01-01T00:00:00Z\", \"modified\": \"2026-01-01T00:00:00Z\"},\n"
    "        {\"id\": \"a3\", \"label\": \"actor\", \"start\": 0, \"end\": 7,"));
  g_assert_true (g_str_has_suffix (data, "}\n"));
}

static void
test_atomic_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mg-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "data.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "data.json", "inside.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(MgDataset) dataset = mg_dataset_new ();
  g_autoptr(GDir) listing = NULL;
  GStatBuf st;
  guint n_files = 0;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_chmod (path, 0640);

  g_assert_true (mg_dataset_save_file (dataset, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  /* A save that cannot happen says so, names the file, and leaves what
   * was there (here the parent "folder" is a file). */
  g_assert_false (mg_dataset_save_file (dataset, bad, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, bad));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "{\n  \"format\": \"marginalia-dataset\""));

  /* No temporary file is left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_load_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MgDataset) dataset = NULL;

  dataset = mg_dataset_load_file ("/nonexistent/marginalia.json", &error);
  g_assert_null (dataset);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/marginalia.json: "));
  g_clear_error (&error);

  dataset = mg_dataset_load_file ("/", &error);
  g_assert_null (dataset);
  g_assert_nonnull (strstr (error->message, "folder"));
}

static gpointer
pour_forever (gpointer path)
{
  static const char spaces[4096] = { [0 ... 4095] = ' ' };
  int fd = open (path, O_WRONLY);

  /* A valid beginning, then white space that never ends: only the bound
   * stops a reader. */
  if (fd >= 0 && write (fd, "{", 1) == 1)
    while (write (fd, spaces, sizeof spaces) > 0)
      ;
  if (fd >= 0)
    close (fd);
  return NULL;
}

/* Streams are read as streams, and refused past the bound instead of
 * filling memory or blocking forever. */
static void
test_bounded_read (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mg-test-XXXXXX", &error);
  g_autofree char *fifo = g_build_filename (dir, "endless", NULL);
  g_autofree char *big = g_build_filename (dir, "big.json", NULL);
  g_autofree char *data = NULL;
  GThread *writer;
  gsize n = 0;

  /* The writer learns the reader gave up from EPIPE. */
  signal (SIGPIPE, SIG_IGN);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  writer = g_thread_new ("pour", pour_forever, fifo);
  data = _mg_dataset_read_file (fifo, 1024 * 1024, &n, &error);
  g_assert_null (data);
  g_assert_error (error, MG_ERROR, MG_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, fifo));
  g_clear_error (&error);
  g_thread_join (writer);

  /* /dev/zero is no dataset from its first byte: reading stops there. */
  data = _mg_dataset_read_file ("/dev/zero", 1024 * 1024, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, <=, 128 * 1024);
  g_clear_pointer (&data, g_free);

  /* A file is refused by its size before a byte is read. */
  g_assert_true (g_file_set_contents (big, "{                          }", -1, NULL));
  g_assert_null (_mg_dataset_read_file (big, 16, &n, &error));
  g_assert_error (error, MG_ERROR, MG_ERROR_TOO_LARGE);

  g_unlink (big);
  g_unlink (fifo);
  g_rmdir (dir);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (listing != NULL && g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

/* Drafts are private even in a folder that others may read, and a file
 * written private that was readable before becomes private. */
static void
test_private_writes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mg-test-XXXXXX", &error);
  g_autofree char *key = mg_drafts_new_key ();
  g_autoptr(MgDrafts) drafts = NULL;
  g_autoptr(MgDraft) draft = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{}", 2);
  g_autofree char *path = NULL;
  g_autofree char *old = g_build_filename (dir, "old.json", NULL);
  GStatBuf st;

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  drafts = mg_drafts_new (dir);
  draft = mg_draft_new (key, NULL);
  g_assert_true (mg_drafts_write (drafts, draft, bytes, &error));
  g_assert_no_error (error);
  path = mg_drafts_get_dataset_path (drafts, key);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (g_file_set_contents (old, "old", -1, NULL));
  g_assert_cmpint (g_chmod (old, 0644), ==, 0);
  g_assert_true (mg_file_write_bytes (old, bytes, MG_FILE_WRITE_PRIVATE, &error));
  g_assert_cmpint (g_stat (old, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (mg_drafts_discard (drafts, key, NULL));
  g_unlink (old);
  g_assert_cmpuint (count_files (dir), ==, 0);
  g_rmdir (dir);
}

/* A temporary file a live writer holds is not a leftover: the next write
 * to the same target leaves it; one nobody holds goes. */
static void
test_leftovers (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mg-test-XXXXXX", &error);
  g_autofree char *target = g_build_filename (dir, "data.json", NULL);
  g_autofree char *live = g_build_filename (dir, ".data.json.Live00.mg-tmp", NULL);
  g_autofree char *dead = g_build_filename (dir, ".data.json.Dead00.mg-tmp", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{}", 2);
  int fd;

  g_assert_true (g_file_set_contents (live, "", -1, NULL));
  g_assert_true (g_file_set_contents (dead, "", -1, NULL));
  fd = open (live, O_RDONLY);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);

  g_assert_true (mg_write_file_atomic (target, bytes, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));

  close (fd);
  g_assert_true (mg_write_file_atomic (target, bytes, &error));
  g_assert_false (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_unlink (target);
  g_rmdir (dir);
}

/* A writer freed without a commit leaves the target as it was. */
static void
test_writer_abandoned (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mg-test-XXXXXX", &error);
  g_autofree char *target = g_build_filename (dir, "out.txt", NULL);
  g_autofree char *contents = NULL;
  MgFileWriter *writer;

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  writer = mg_file_writer_new (target, MG_FILE_WRITE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (mg_file_writer_is_stream (writer));
  g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (writer), "new", 3, NULL, NULL, &error));
  g_assert_cmpuint (count_files (dir), ==, 2);
  g_object_unref (writer);

  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_unlink (target);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dataset/round-trip/bytes", test_round_trip_bytes);
  g_test_add_func ("/dataset/round-trip/model", test_round_trip_model);
  g_test_add_func ("/dataset/offsets/code-points", test_code_point_offsets);
  g_test_add_func ("/dataset/unknown-members", test_unknown_members_kept);
  g_test_add_func ("/dataset/invariants/valid", test_valid_base);
  g_test_add_func ("/dataset/invariants/annotations", test_invariants);
  g_test_add_func ("/dataset/invariants/documents", test_document_invariants);
  g_test_add_func ("/dataset/invariants/newer-version", test_newer_version);
  g_test_add_func ("/dataset/invariants/all-reported", test_validate_collects);
  g_test_add_func ("/dataset/hostile/syntax", test_hostile);
  g_test_add_func ("/dataset/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/dataset/hostile/too-large", test_too_large);
  g_test_add_func ("/dataset/write/deterministic", test_deterministic_order);
  g_test_add_func ("/dataset/write/atomic", test_atomic_save);
  g_test_add_func ("/dataset/load/file-errors", test_load_file_errors);
  g_test_add_func ("/dataset/load/bounded", test_bounded_read);
  g_test_add_func ("/dataset/write/private", test_private_writes);
  g_test_add_func ("/dataset/write/leftovers", test_leftovers);
  g_test_add_func ("/dataset/write/abandoned", test_writer_abandoned);

  return g_test_run ();
}
