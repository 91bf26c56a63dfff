/* test-export.c: the exporters, on a dataset built in memory
 *
 * Each format is read back (with json-glib, or by hand for the line
 * formats) and every span's text compared with text[start:end] of the
 * dataset, counted the way the consumer counts: code points by default,
 * UTF-16 units with MG_EXPORT_OFFSETS_UTF16. tests/test-export.py does
 * the same through marginalia-tool with Python's own readers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "mg-core.h"
#include "mg-export.h"
#include "mg-export-private.h"

/* A family emoji (5 code points, 8 UTF-16 units), a flag, a combining
 * accent, CJK, Hebrew and Arabic, and a span across a line break. */
#define TEXT \
  "Aile \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 dedi: " \
  "\xE2\x80\x9C" "Ankara \xF0\x9F\x87\xB9\xF0\x9F\x87\xB7 haz\xC4\xB1r.\xE2\x80\x9D\n" \
  "The cafe\xCC\x81 says 42% of \xE6\x9D\xB1\xE4\xBA\xAC agree, says Mark Rutte.\n" \
  "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D said \xD9\x86\xD8\xAD\xD9\x86.\n"

#define NOTE "She said \"yes\", then\nleft"

static void
add_span (MgDocument *doc,
          const char *id,
          const char *label,
          const char *needle,
          const char *note)
{
  MgTextIndex *index = mg_document_get_text_index (doc);
  const char *text = mg_document_get_text (doc);
  const char *hit = strstr (text, needle);
  guint start, end;
  g_autoptr(MgAnnotation) a = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (hit);
  start = mg_text_index_char_offset (index, hit - text);
  end = mg_text_index_char_offset (index, hit - text + strlen (needle));
  a = mg_annotation_new (id, label, start, end);
  mg_annotation_set_note (a, note);
  mg_annotation_store_add (mg_document_get_store (doc), a, &error);
  g_assert_no_error (error);
}

static MgDataset *
make_dataset (void)
{
  MgDataset *dataset = mg_dataset_new ();
  g_autoptr(MgDocument) doc = mg_document_new ("mixed", TEXT, -1);
  g_autoptr(MgDocument) other = mg_document_new ("second/doc", "Short, plain.", -1);
  g_autoptr(MgRelation) r1 = mg_relation_new ("r1", MG_RELATION_ATTRIBUTED_TO, "a2", "a1");
  g_autoptr(MgRelation) r2 = mg_relation_new ("r2", MG_RELATION_ATTRIBUTED_TO, "a6", "a5");
  g_autoptr(GError) error = NULL;

  mg_dataset_set_annotator (dataset, "ayse");
  mg_document_set_title (doc, "Mixed");
  add_span (doc, "a1", "actor", "Aile \xF0\x9F\x91\xA9", NULL);
  add_span (doc, "a2", "quote", "\xE2\x80\x9C" "Ankara", NOTE);
  add_span (doc, "a3", "claim", "Ankara \xF0\x9F\x87\xB9\xF0\x9F\x87\xB7 haz\xC4\xB1r", "");
  add_span (doc, "a4", "figure", "42%", NULL);
  add_span (doc, "a5", "actor", "Mark Rutte", NULL);
  add_span (doc, "a6", "quote", "Rutte.\n\xD7\xA9\xD7\x9C", "crosses");
  add_span (doc, "a7", "claim", "42% of \xE6\x9D\xB1\xE4\xBA\xAC agree", NULL);
  add_span (doc, "a8", "actor", "cafe\xCC\x81", NULL);
  mg_annotation_store_add_relation (mg_document_get_store (doc), r1, &error);
  g_assert_no_error (error);
  mg_annotation_store_add_relation (mg_document_get_store (doc), r2, &error);
  g_assert_no_error (error);
  mg_dataset_add_document (dataset, doc);
  mg_dataset_add_document (dataset, other);

  return dataset;
}

static char *
export_string (MgDataset       *dataset,
               MgExportFormat   format,
               MgExportOffsets  offsets)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (mg_export_to_stream (dataset, format, offsets, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* text[start:end], with offsets in code points or UTF-16 units. */
static char *
slice (const char      *text,
       MgExportOffsets  offsets,
       gint64           start,
       gint64           end)
{
  g_autofree gunichar2 *units = NULL;
  glong n = 0;

  if (offsets == MG_EXPORT_OFFSETS_CODEPOINT)
    {
      g_assert_cmpint (end, <=, g_utf8_strlen (text, -1));
      return g_utf8_substring (text, start, end);
    }
  units = g_utf8_to_utf16 (text, -1, NULL, &n, NULL);
  g_assert_cmpint (end, <=, n);
  /* A half surrogate pair fails here, as it shows in a browser. */
  return g_utf16_to_utf8 (units + start, end - start, NULL, NULL, NULL);
}

static JsonNode *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

static void
test_format_names (void)
{
  MgExportFormat format;
  MgExportOffsets offsets;

  for (guint i = 0; i < MG_EXPORT_N_FORMATS; i++)
    {
      g_assert_true (mg_export_format_parse (mg_export_format_to_string (i), &format));
      g_assert_cmpint (format, ==, i);
      g_assert_true ((mg_export_format_get_extension (i) == NULL) ==
                     mg_export_format_is_directory (i));
    }
  g_assert_true (mg_export_format_parse ("Label-Studio", &format));
  g_assert_cmpint (format, ==, MG_EXPORT_LABEL_STUDIO);
  g_assert_false (mg_export_format_parse ("xlsx", &format));
  g_assert_true (mg_export_offsets_parse ("utf16", &offsets));
  g_assert_cmpint (offsets, ==, MG_EXPORT_OFFSETS_UTF16);
  g_assert_false (mg_export_offsets_parse ("bytes", &offsets));
}

static void
test_json_escape (void)
{
  const char *raw = "a\"b\\c\n\t\x01\x1f\xE2\x80\xA8 \xC3\xA9 \xF0\x9F\x99\x82";
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonNode) back = NULL;

  _mg_export_json_string (out, raw);
  g_assert_cmpstr (out->str, ==,
                   "\"a\\\"b\\\\c\\n\\t\\u0001\\u001f\\u2028 \xC3\xA9 \xF0\x9F\x99\x82\"");
  back = parse (out->str);
  g_assert_cmpstr (json_node_get_string (back), ==, raw);
}

static void
check_spans_jsonl (MgExportOffsets offsets)
{
  g_autoptr(MgDataset) dataset = make_dataset ();
  g_autofree char *data = export_string (dataset, MG_EXPORT_JSONL, offsets);
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  guint n_spans = 0;

  g_assert_cmpuint (g_strv_length (lines), ==, 3);  /* two lines and "" */
  g_assert_cmpstr (lines[2], ==, "");
  for (guint l = 0; l < 2; l++)
    {
      g_autoptr(JsonNode) node = parse (lines[l]);
      JsonObject *obj = json_node_get_object (node);
      const char *text = json_object_get_string_member (obj, "text");
      JsonArray *spans = json_object_get_array_member (obj, "spans");

      g_assert_cmpstr (text, ==, l == 0 ? TEXT : "Short, plain.");
      for (guint i = 0; i < json_array_get_length (spans); i++)
        {
          JsonObject *s = json_array_get_object_element (spans, i);
          g_autofree char *got = slice (text, offsets,
                                        json_object_get_int_member (s, "start"),
                                        json_object_get_int_member (s, "end"));

          g_assert_cmpstr (got, ==, json_object_get_string_member (s, "text"));
          n_spans++;
        }
      if (l == 0)
        g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "relations")), ==, 2);
    }
  g_assert_cmpuint (n_spans, ==, 8);
}

static void
test_jsonl (void)
{
  check_spans_jsonl (MG_EXPORT_OFFSETS_CODEPOINT);
  check_spans_jsonl (MG_EXPORT_OFFSETS_UTF16);
}

static void
test_csv (void)
{
  g_autoptr(MgDataset) dataset = make_dataset ();
  g_autofree char *data = export_string (dataset, MG_EXPORT_CSV, MG_EXPORT_OFFSETS_CODEPOINT);

  g_assert_true (g_str_has_prefix (data, "document_id,annotation_id,label,start,end,text,note,"
                                         "annotator,attributed_to,attributed_to_text\r\n"));
  /* The note holds a quote, a comma and a newline: quoted, quotes doubled;
   * the quote is attributed to a1, whose text follows. */
  g_assert_nonnull (strstr (data, ",\"She said \"\"yes\"\", then\nleft\",ayse,a1,Aile "));
  g_assert_nonnull (strstr (data, "mixed,a5,actor,"));
  g_assert_true (g_str_has_suffix (data, "\r\n"));
}

static void
test_conll (void)
{
  g_autoptr(MgDataset) dataset = make_dataset ();
  g_autofree char *data = export_string (dataset, MG_EXPORT_CONLL, MG_EXPORT_OFFSETS_CODEPOINT);

  g_assert_true (g_str_has_prefix (data, "-DOCSTART- -X- -X- O O O O\n\nAile 0 4 O B-actor O O\n"
                                         "\xF0\x9F\x91\xA9 5 6 O I-actor O O\n"
                                         /* The joiner is a token of its own, outside the span. */
                                         "\xE2\x80\x8D 6 7 O O O O\n"));
  /* Nested spans of different labels both survive. */
  g_assert_nonnull (strstr (data, "\n42 "));
  g_assert_nonnull (strstr (data, " O O B-claim B-figure\n% "));
  /* A combining mark is not a word character, as in Python. */
  g_assert_nonnull (strstr (data, "\ncafe 40 44 O B-actor O O\n\xCC\x81 44 45 O I-actor O O\n"));
  /* Paragraphs end in a blank line; the quote begins again with B- after
   * it, since each paragraph is a sentence of its own to a reader. */
  g_assert_nonnull (strstr (data, "Rutte 78 83 B-quote I-actor O O\n. 83 84 I-quote O O O\n\n"
                                  "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D 85 89 B-quote O O O\n"));
  g_assert_nonnull (strstr (data, "\n\n-DOCSTART- -X- -X- O O O O\n\nShort 0 5 O O O O\n"));
}

static glong
utf16_length (const char *text)
{
  glong n = 0;
  g_autofree gunichar2 *units = g_utf8_to_utf16 (text, -1, NULL, &n, NULL);

  return n;
}

static void
check_w3c (MgExportOffsets offsets)
{
  g_autoptr(MgDataset) dataset = make_dataset ();
  g_autofree char *data = export_string (dataset, MG_EXPORT_W3C, offsets);
  g_autoptr(JsonNode) root = parse (data);
  JsonObject *collection = json_node_get_object (root);
  JsonObject *page = json_object_get_object_member (collection, "first");
  JsonArray *items = json_object_get_array_member (page, "items");
  guint n_tagging = 0;
  g_autofree char *source = g_strconcat ("urn:sha256:", mg_document_get_text_sha256 (
                                           mg_dataset_get_document (dataset, 0)), NULL);

  g_assert_cmpstr (json_object_get_string_member (collection, "@context"), ==,
                   "http://www.w3.org/ns/anno.jsonld");
  g_assert_cmpint (json_object_get_int_member (collection, "total"), ==, json_array_get_length (items));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *a = json_array_get_object_element (items, i);
      JsonObject *target;
      JsonArray *selectors;
      JsonObject *pos, *quote;
      g_autofree char *exact = NULL, *prefix = NULL, *suffix = NULL;
      gint64 start, end;

      if (g_strcmp0 (json_object_get_string_member (a, "motivation"), "tagging") != 0)
        continue;
      n_tagging++;
      target = json_object_get_object_member (a, "target");
      g_assert_cmpstr (json_object_get_string_member (target, "source"), ==, source);
      selectors = json_object_get_array_member (target, "selector");
      pos = json_array_get_object_element (selectors, 0);
      quote = json_array_get_object_element (selectors, 1);
      start = json_object_get_int_member (pos, "start");
      end = json_object_get_int_member (pos, "end");
      exact = slice (TEXT, offsets, start, end);
      g_assert_cmpstr (exact, ==, json_object_get_string_member (quote, "exact"));
      if (offsets == MG_EXPORT_OFFSETS_CODEPOINT)
        {
          /* Context of at most 32 UTF-16 units, the longest that fits. */
          const char *got_prefix = json_object_get_string_member (quote, "prefix");
          const char *got_suffix = json_object_get_string_member (quote, "suffix");
          glong n_prefix = g_utf8_strlen (got_prefix, -1);
          glong n_suffix = g_utf8_strlen (got_suffix, -1);

          prefix = slice (TEXT, offsets, start - n_prefix, start);
          suffix = slice (TEXT, offsets, end, end + n_suffix);
          g_assert_cmpstr (prefix, ==, got_prefix);
          g_assert_cmpstr (suffix, ==, got_suffix);
          g_assert_cmpint (utf16_length (prefix), <=, 32);
          g_assert_cmpint (utf16_length (suffix), <=, 32);
          g_assert_true (start - n_prefix == 0 || utf16_length (prefix) >= 31);
          g_assert_true (end + n_suffix == g_utf8_strlen (TEXT, -1) || utf16_length (suffix) >= 31);
        }
    }
  g_assert_cmpuint (n_tagging, ==, 8);
}

static void
test_w3c (void)
{
  check_w3c (MG_EXPORT_OFFSETS_CODEPOINT);
  check_w3c (MG_EXPORT_OFFSETS_UTF16);
}

static void
check_doccano (MgExportOffsets offsets)
{
  g_autoptr(MgDataset) dataset = make_dataset ();
  g_autofree char *data = export_string (dataset, MG_EXPORT_DOCCANO, offsets);
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  g_autoptr(JsonNode) node = parse (lines[0]);
  JsonObject *obj = json_node_get_object (node);
  JsonArray *entities = json_object_get_array_member (obj, "entities");
  JsonArray *relations = json_object_get_array_member (obj, "relations");
  MgAnnotationStore *store = mg_document_get_store (mg_dataset_get_document (dataset, 0));

  g_assert_cmpuint (json_array_get_length (entities), ==, 8);
  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *e = json_array_get_object_element (entities, i);
      g_autofree char *got = slice (json_object_get_string_member (obj, "text"), offsets,
                                    json_object_get_int_member (e, "start_offset"),
                                    json_object_get_int_member (e, "end_offset"));

      g_assert_cmpstr (got, ==, mg_annotation_get_text (mg_annotation_store_get_annotation (store, i)));
    }
  g_assert_cmpuint (json_array_get_length (relations), ==, 2);
}

static void
test_doccano (void)
{
  check_doccano (MG_EXPORT_OFFSETS_CODEPOINT);
  check_doccano (MG_EXPORT_OFFSETS_UTF16);
}

static void
check_label_studio (MgExportOffsets offsets)
{
  g_autoptr(MgDataset) dataset = make_dataset ();
  g_autofree char *data = export_string (dataset, MG_EXPORT_LABEL_STUDIO, offsets);
  g_autoptr(JsonNode) root = parse (data);
  JsonArray *tasks = json_node_get_array (root);
  JsonObject *task = json_array_get_object_element (tasks, 0);
  const char *text = json_object_get_string_member (json_object_get_object_member (task, "data"), "text");
  JsonObject *annotation = json_array_get_object_element (json_object_get_array_member (task, "annotations"), 0);
  JsonArray *result = json_object_get_array_member (annotation, "result");
  guint n_regions = 0, n_relations = 0;

  g_assert_cmpuint (json_array_get_length (tasks), ==, 2);
  for (guint i = 0; i < json_array_get_length (result); i++)
    {
      JsonObject *r = json_array_get_object_element (result, i);
      JsonObject *value;
      g_autofree char *got = NULL;

      if (g_strcmp0 (json_object_get_string_member (r, "type"), "relation") == 0)
        {
          n_relations++;
          continue;
        }
      value = json_object_get_object_member (r, "value");
      got = slice (text, offsets, json_object_get_int_member (value, "start"),
                   json_object_get_int_member (value, "end"));
      g_assert_cmpstr (got, ==, json_object_get_string_member (value, "text"));
      n_regions++;
    }
  g_assert_cmpuint (n_regions, ==, 8);
  g_assert_cmpuint (n_relations, ==, 2);
}

static void
test_label_studio (void)
{
  g_autoptr(MgDataset) dataset = make_dataset ();
  g_autofree char *config = mg_export_label_studio_config (dataset);

  check_label_studio (MG_EXPORT_OFFSETS_CODEPOINT);
  check_label_studio (MG_EXPORT_OFFSETS_UTF16);
  g_assert_nonnull (strstr (config, "<Label value=\"quote\" background=\"#0072B2\"/>"));
  g_assert_nonnull (strstr (config, "<Text name=\"text\" value=\"$text\"/>"));
}

static char *
read_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_brat (void)
{
  g_autoptr(MgDataset) dataset = make_dataset ();
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("mg-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (tmp, "brat", NULL);
  g_autofree char *user = g_build_filename (tmp, "mine", NULL);
  g_autofree char *user_file = g_build_filename (user, "keep.txt", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GFile) user_target = g_file_new_for_path (user);
  g_autofree char *ann = NULL;
  g_autofree char *txt = NULL;
  g_autofree char *conf = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_no_error (error);
  g_assert_true (mg_export_to_file (dataset, MG_EXPORT_BRAT, MG_EXPORT_OFFSETS_CODEPOINT,
                                    target, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  txt = read_file (path, "mixed.txt");
  g_assert_cmpstr (txt, ==, TEXT);
  ann = read_file (path, "mixed.ann");
  g_assert_nonnull (strstr (ann, "T1\tactor 0 6\tAile \xF0\x9F\x91\xA9\n"));
  /* Quote a6 crosses a line break: two fragments, joined by a space. */
  g_assert_nonnull (strstr (ann, "\tquote 78 84;85 87\tRutte. \xD7\xA9\xD7\x9C\n"));
  g_assert_nonnull (strstr (ann, "\tAnnotatorNotes T2\tShe said \"yes\", then left\n"));
  g_assert_nonnull (strstr (ann, "R1\tattributed-to Arg1:T2 Arg2:T1\n"));
  conf = read_file (path, "annotation.conf");
  g_assert_nonnull (strstr (conf, "[entities]\nquote\nactor\nclaim\nfigure\n"));
  g_free (txt);
  txt = read_file (path, "second_doc.txt");
  g_assert_cmpstr (txt, ==, "Short, plain.");

  /* A second export replaces the first whole. */
  g_assert_true (mg_export_to_file (dataset, MG_EXPORT_BRAT, MG_EXPORT_OFFSETS_CODEPOINT,
                                    target, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (tmp), ==, 1);

  /* A folder the user made is never replaced. */
  g_mkdir (user, 0755);
  g_file_set_contents (user_file, "mine", -1, NULL);
  g_assert_false (mg_export_to_file (dataset, MG_EXPORT_BRAT, MG_EXPORT_OFFSETS_CODEPOINT,
                                     user_target, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (g_file_test (user_file, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (user), ==, 1);
  g_assert_cmpuint (count_entries (tmp), ==, 2);

  /* brat is a folder, not a stream. */
  g_assert_false (mg_export_to_stream (dataset, MG_EXPORT_BRAT, MG_EXPORT_OFFSETS_CODEPOINT,
                                       out, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);

  remove_tree (tmp);
}

static void
count_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, ==, calls[0] + 1);
  calls[0] = done;
  calls[1] = total;
}

static void
test_file_atomic (void)
{
  g_autoptr(MgDataset) dataset = make_dataset ();
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("mg-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (tmp, "out.jsonl", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *contents = NULL;
  guint calls[2] = { 0, 0 };

  g_file_set_contents (path, "old", -1, &error);
  g_assert_no_error (error);

  /* A cancelled export leaves the old file whole and no temporary. */
  g_cancellable_cancel (cancellable);
  g_assert_false (mg_export_to_file (dataset, MG_EXPORT_JSONL, MG_EXPORT_OFFSETS_CODEPOINT,
                                     target, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  contents = read_file (tmp, "out.jsonl");
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (count_entries (tmp), ==, 1);

  g_assert_true (mg_export_to_file (dataset, MG_EXPORT_JSONL, MG_EXPORT_OFFSETS_CODEPOINT,
                                    target, count_progress, calls, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls[0], ==, 2);
  g_assert_cmpuint (calls[1], ==, 2);
  g_free (contents);
  contents = read_file (tmp, "out.jsonl");
  g_assert_true (g_str_has_prefix (contents, "{\"id\":\"mixed\",\"title\":\"Mixed\","));
  g_assert_cmpuint (count_entries (tmp), ==, 1);

  remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/format-names", test_format_names);
  g_test_add_func ("/export/json-escape", test_json_escape);
  g_test_add_func ("/export/jsonl", test_jsonl);
  g_test_add_func ("/export/csv", test_csv);
  g_test_add_func ("/export/conll", test_conll);
  g_test_add_func ("/export/w3c", test_w3c);
  g_test_add_func ("/export/doccano", test_doccano);
  g_test_add_func ("/export/label-studio", test_label_studio);
  g_test_add_func ("/export/brat", test_brat);
  g_test_add_func ("/export/file-atomic", test_file_atomic);

  return g_test_run ();
}
