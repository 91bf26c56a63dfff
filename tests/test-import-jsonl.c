/* test-import-jsonl.c: JSON Lines import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mg-document.h"
#include "mg-error.h"
#include "mg-import.h"
#include "mg-import-jsonl.h"

static GPtrArray *
import (const char *file,
        GPtrArray  *warnings,
        GError    **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "jsonl", file, NULL);
  g_autofree char *data = NULL;
  gsize n;

  g_assert_true (g_file_get_contents (path, &data, &n, NULL));
  return mg_import_jsonl (data, n, file, warnings, error);
}

static void
test_good_and_bad_lines (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = import ("articles.jsonl", warnings, &error);
  MgDocument *d;

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 3);
  d = docs->pdata[0];
  g_assert_cmpstr (mg_document_get_id (d), ==, "tram-01");
  g_assert_cmpstr (mg_document_get_title (d), ==, "Tram line opens");
  g_assert_cmpstr (mg_document_get_text (d), ==,
                   "The new tram line opened on Friday.\n\nRidership reached 12,000 on the first day.");
  g_assert_cmpstr (mg_document_get_meta_string (d, "published"), ==, "2025-05-02");
  g_assert_cmpstr (mg_document_get_meta_string (d, "author"), ==, "Ivo Marek");
  g_assert_cmpstr (mg_document_get_media_type (d), ==, "application/x-ndjson");
  g_assert_cmpstr (mg_document_get_text (docs->pdata[1]), ==,
                   "Fares will stay at 2 euros, the operator said.");

  g_assert_cmpuint (warnings->len, ==, 4);
  g_assert_true (g_str_has_prefix (warnings->pdata[0], "articles.jsonl:3: "));
  g_assert_true (g_str_has_prefix (warnings->pdata[1], "articles.jsonl:4: "));
  g_assert_true (g_str_has_prefix (warnings->pdata[2], "articles.jsonl:5: "));
  g_assert_true (g_str_has_prefix (warnings->pdata[3], "articles.jsonl:6: "));
}

static void
test_no_good_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = import ("none.jsonl", NULL, &error);

  g_assert_null (docs);
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "none.jsonl: "));
  g_clear_error (&error);

  docs = import ("deep.jsonl", NULL, &error);
  g_assert_null (docs);
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
  g_clear_error (&error);

  docs = mg_import_jsonl ("", 0, "empty.jsonl", NULL, &error);
  g_assert_null (docs);
  g_assert_error (error, MG_ERROR, MG_ERROR_EMPTY);
}

static void
test_numbered_ids (void)
{
  const char *data = "{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = mg_import_jsonl (data, strlen (data), "dir/My Batch.jsonl",
                                               NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (mg_document_get_id (docs->pdata[0]), ==, "my-batch-1");
  g_assert_cmpstr (mg_document_get_id (docs->pdata[1]), ==, "my-batch-2");
  g_assert_cmpstr (mg_document_get_source_path (docs->pdata[1]), ==, "My Batch.jsonl");
}

/* An escape that names no character (U+0000, a UTF-16 surrogate without
 * its pair) reads as U+FFFD with a warning naming the file and line:
 * no character around it is lost. */
static void
test_lone_surrogates (void)
{
  const char *data = "{\"title\": \"t\\udc00 x\", \"id\": \"x\\udc00 y\", "
                     "\"author\": \"\\udfff z\", \"text\": \"a\\udc00b c\"}\n"
                     "{\"text\": \"c\\u0000d\"}\n"
                     "{\"text\": \"nul \\u0000 here\"}\n"
                     "{\"text\": \"lone \\ud800 high, \\ud800\\u0041 pair\"}\n";
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = mg_import_jsonl (data, strlen (data), "s.jsonl", warnings, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 4);
  for (guint i = 0; i < docs->len; i++)
    {
      MgDocument *doc = docs->pdata[i];

      g_assert_true (g_utf8_validate (mg_document_get_text (doc), -1, NULL));
      g_assert_true (mg_document_get_title (doc) == NULL ||
                     g_utf8_validate (mg_document_get_title (doc), -1, NULL));
      g_assert_true (g_utf8_validate (mg_document_get_id (doc), -1, NULL));
    }
  g_assert_cmpstr (mg_document_get_text (docs->pdata[0]), ==, "a\xef\xbf\xbd" "b c");
  g_assert_cmpstr (mg_document_get_title (docs->pdata[0]), ==, "t\xef\xbf\xbd x");
  g_assert_cmpstr (mg_document_get_text (docs->pdata[1]), ==, "c\xef\xbf\xbd" "d");
  g_assert_cmpstr (mg_document_get_text (docs->pdata[2]), ==, "nul \xef\xbf\xbd here");
  g_assert_cmpstr (mg_document_get_text (docs->pdata[3]), ==,
                   "lone \xef\xbf\xbd high, \xef\xbf\xbd" "A pair");
  g_assert_cmpuint (warnings->len, ==, 4);
  g_assert_cmpstr (warnings->pdata[0], ==, "s.jsonl:1: 4 escapes that name no character "
                   "(U+0000 or a lone UTF-16 surrogate) read as U+FFFD");
  g_assert_cmpstr (warnings->pdata[1], ==, "s.jsonl:2: 1 escape that names no character "
                   "(U+0000 or a lone UTF-16 surrogate) read as U+FFFD");
  g_assert_true (g_str_has_prefix (warnings->pdata[2], "s.jsonl:3: 1 escape "));
  g_assert_true (g_str_has_prefix (warnings->pdata[3], "s.jsonl:4: 2 escapes "));
}

/* Found by fuzzing (json-glib 1.6 leaked on them): escapes that are not
 * four hex digits make a line that is not JSON, refused with the column
 * of the escape; a surrogate pair and an escaped backslash read right. */
static void
test_broken_surrogate_pair (void)
{
  const char *data = "{\"title\": \"Second\", \"body\": \"Caf\\u00e9 \\ud83d\\u d00line\"}\n"
                     "{\"text\": \"x\\udd83\\ude00 \\ud83$\\u00de\"}\n"
                     "{\"text\": \"Good \\ud83d\\ude00 \\\\ud83d\"}\n";
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = mg_import_jsonl (data, strlen (data), "p.jsonl", warnings, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  g_assert_cmpstr (mg_document_get_text (docs->pdata[0]), ==, "Good \xf0\x9f\x98\x80 \\ud83d");
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_cmpstr (warnings->pdata[0], ==, "p.jsonl:1:46: invalid \\u escape in a string");
  g_assert_cmpstr (warnings->pdata[1], ==, "p.jsonl:2:25: invalid \\u escape in a string");
}

/* Found by fuzzing: json-glib parses a line holding only a byte-order
 * mark as no value at all, and asking a missing root for its type was a
 * critical. Byte-order marks at the start of a line are now skipped, as
 * files joined with cat have them. */
static void
test_bom_line (void)
{
  const char *data = "{\"text\": \"One.\"}\n\xef\xbb\xbf\n\xef\xbb\xbf{\"text\": \"Two.\"}\n";
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = mg_import_jsonl (data, strlen (data), "b.jsonl", warnings, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 2);
  g_assert_cmpstr (mg_document_get_text (docs->pdata[1]), ==, "Two.");
  g_assert_cmpuint (warnings->len, ==, 0);
}

/* Found by fuzzing: json-glib 1.6 read "0{...}" and "{...}{...}" as one
 * document and leaked the values it dropped; such lines are refused. */
static void
test_several_values (void)
{
  const char *data = "0{\"text\": \"One.\"}\n{\"text\": \"Two.\"}{\"text\": \"Three.\"}\n"
                     "{\"text\": \"Four.\"}\n";
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = mg_import_jsonl (data, strlen (data), "v.jsonl", warnings, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  g_assert_cmpstr (mg_document_get_text (docs->pdata[0]), ==, "Four.");
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_cmpstr (warnings->pdata[0], ==, "v.jsonl:1: not a JSON object");
  g_assert_cmpstr (warnings->pdata[1], ==, "v.jsonl:2: text after the JSON object");

  /* Detection reads the first lines strictly: a line that is not one
   * object of strict JSON is not taken for JSON Lines. */
  {
    const char *pair = "{\"t\": \"\\udc00\\udc00\"}\n";
    const char *good = "{\"text\": \"Four.\"}\n";
    const char *two = strchr (data, '\n') + 1;

    g_assert_cmpint (mg_import_detect (two, strlen (two), "v.txt"), ==, MG_IMPORT_TEXT);
    g_assert_cmpint (mg_import_detect (pair, strlen (pair), "v.txt"), ==, MG_IMPORT_TEXT);
    g_assert_cmpint (mg_import_detect (good, strlen (good), "v.txt"), ==, MG_IMPORT_JSONL);
  }
}

/* Documents without metadata share one empty object until a value is set
 * (a batch import makes millions of them): setting a value on one, or on
 * a document given another's metadata, changes no other document. */
static void
test_shared_empty_meta (void)
{
  const char *data = "{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = mg_import_jsonl (data, strlen (data), "m.jsonl", NULL, &error);
  MgDocument *one, *two;

  g_assert_no_error (error);
  one = docs->pdata[0];
  two = docs->pdata[1];
  g_assert_nonnull (mg_document_get_meta (one));
  g_assert_cmpuint (json_object_get_size (mg_document_get_meta (one)), ==, 0);
  mg_document_set_meta_string (one, "author", "Ivo Marek");
  g_assert_cmpstr (mg_document_get_meta_string (one, "author"), ==, "Ivo Marek");
  g_assert_null (mg_document_get_meta_string (two, "author"));
  g_assert_cmpuint (json_object_get_size (mg_document_get_meta (two)), ==, 0);

  mg_document_set_meta (one, mg_document_get_meta (two));
  mg_document_set_meta_string (one, "url", "https://metro.example/tram");
  g_assert_cmpstr (mg_document_get_meta_string (one, "url"), ==, "https://metro.example/tram");
  g_assert_null (mg_document_get_meta_string (two, "url"));
  mg_document_set_meta_string (two, "url", NULL);
  g_assert_cmpuint (json_object_get_size (mg_document_get_meta (two)), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-jsonl/lines", test_good_and_bad_lines);
  g_test_add_func ("/import-jsonl/no-good-line", test_no_good_line);
  g_test_add_func ("/import-jsonl/numbered-ids", test_numbered_ids);
  g_test_add_func ("/import-jsonl/lone-surrogates", test_lone_surrogates);
  g_test_add_func ("/import-jsonl/broken-surrogate-pair", test_broken_surrogate_pair);
  g_test_add_func ("/import-jsonl/bom-line", test_bom_line);
  g_test_add_func ("/import-jsonl/several-values", test_several_values);
  g_test_add_func ("/import-jsonl/shared-empty-meta", test_shared_empty_meta);

  return g_test_run ();
}
