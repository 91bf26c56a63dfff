/* test-import-text.c: plain-text import, format detection, the entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "mg-core.h"
#include "mg-import-private.h"
#include "mg-import.h"
#include "mg-import-text.h"

/* The text every encoding of the small fixture decodes to. */
static const char harbour_text[] =
  "Harbour council approves new ferry timetable\n"
  "\n"
  "The caf\u00e9 at the pier \u2014 \u201cthe old one\u201d \u2014 stays open until 22:00.\n"
  "Fares rise by 5% \U0001F6A2.\n";

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "text", name, NULL);
}

/* Imports one fixture, expecting exactly one document. */
static MgDocument *
import_fixture (const char  *name,
                GPtrArray  **warnings_out)
{
  g_autofree char *path = fixture_path (name);
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  gsize n_bytes = 0;

  g_assert_true (g_file_get_contents (path, &data, &n_bytes, &error));
  g_assert_no_error (error);

  documents = mg_import_text (data, n_bytes, name, warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (documents);
  g_assert_cmpuint (documents->len, ==, 1);

  if (warnings_out != NULL)
    *warnings_out = g_steal_pointer (&warnings);
  else
    g_assert_cmpuint (warnings->len, ==, 0);

  return g_object_ref (g_ptr_array_index (documents, 0));
}

static void
assert_error_fixture (const char *name,
                      int         code)
{
  g_autofree char *path = fixture_path (name);
  g_autofree char *data = NULL;
  g_autofree char *prefix = g_strconcat (name, ": ", NULL);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  gsize n_bytes = 0;

  g_assert_true (g_file_get_contents (path, &data, &n_bytes, NULL));
  documents = mg_import_text (data, n_bytes, name, NULL, &error);
  g_assert_null (documents);
  g_assert_error (error, MG_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_utf8 (void)
{
  g_autoptr(MgDocument) document = import_fixture ("utf8.txt", NULL);

  g_assert_cmpstr (mg_document_get_text (document), ==, harbour_text);
  g_assert_cmpstr (mg_document_get_title (document), ==,
                   "Harbour council approves new ferry timetable");
  g_assert_cmpstr (mg_document_get_id (document), ==, "utf8");
  g_assert_cmpstr (mg_document_get_source_path (document), ==, "utf8.txt");
  g_assert_cmpstr (mg_document_get_media_type (document), ==, "text/plain");
  g_assert_null (mg_document_get_meta_string (document, "section"));
}

static void
test_encodings (void)
{
  const char *names[] = { "utf8-bom.txt", "utf16le-bom.txt", "utf16be-bom.txt" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(MgDocument) document = import_fixture (names[i], NULL);

      g_test_message ("%s", names[i]);
      g_assert_cmpstr (mg_document_get_text (document), ==, harbour_text);
      /* The ship is one code point, not two UTF-16 units. */
      g_assert_cmpuint (mg_document_get_length (document), ==,
                        g_utf8_strlen (harbour_text, -1));
    }
}

static void
test_windows_1252 (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(MgDocument) document = import_fixture ("cp1252.txt", &warnings);

  g_assert_cmpstr (mg_document_get_text (document), ==,
                   "Caf\u00e9 owners say \u201cno\u201d to the new terrace rules\n"
                   "\n"
                   "The association\u2019s chair called the plan \u201cunworkable\u201d.\n");
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "cp1252.txt: not UTF-8; read as Windows-1252");
}

static void
test_windows_1252_undefined (void)
{
  /* 0x81 and 0x9D have no character in Windows-1252. */
  static const char data[] = "Euro \x80 and \x81 or \x9d, \x93quoted\x94";
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  MgDocument *document;

  documents = mg_import_text (data, sizeof data - 1, "odd.txt", warnings, &error);
  g_assert_no_error (error);
  document = g_ptr_array_index (documents, 0);
  g_assert_cmpstr (mg_document_get_text (document), ==,
                   "Euro \u20ac and \ufffd or \ufffd, \u201cquoted\u201d");
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==,
                   "odd.txt: not UTF-8; read as Windows-1252");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 1), "odd.txt: 2 bytes"));
}

static void
test_line_ends (void)
{
  const char *names[] = { "crlf.txt", "cr.txt" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(MgDocument) document = import_fixture (names[i], NULL);

      g_assert_cmpstr (mg_document_get_text (document), ==,
                       "Night trains return to the northern line\n\nFirst line.\nSecond line.\n");
      g_assert_cmpstr (mg_document_get_title (document), ==,
                       "Night trains return to the northern line");
    }
}

static void
test_binary (void)
{
  g_autofree char *path = fixture_path ("binary-nul.bin");
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  gsize n_bytes;

  assert_error_fixture ("binary-nul.bin", MG_ERROR_BINARY);
  assert_error_fixture ("control.bin", MG_ERROR_BINARY);

  /* The message points at the first NUL byte. */
  g_assert_true (g_file_get_contents (path, &data, &n_bytes, NULL));
  documents = mg_import_text (data, n_bytes, "photo.png", NULL, &error);
  g_assert_error (error, MG_ERROR, MG_ERROR_BINARY);
  g_assert_cmpstr (error->message, ==, "photo.png: binary data, not text (NUL bytes at byte 8)");
  g_clear_error (&error);

  /* A NUL character is refused in UTF-16 as well. */
  documents = mg_import_text ("\xff\xfe" "a\0\0\0b\0", 8, "nul16.txt", NULL, &error);
  g_assert_null (documents);
  g_assert_error (error, MG_ERROR, MG_ERROR_BINARY);
  g_clear_error (&error);

  /* An odd number of bytes is no UTF-16. */
  documents = mg_import_text ("\xff\xfe" "a\0b", 5, "odd16.txt", NULL, &error);
  g_assert_null (documents);
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "odd16.txt: "));
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  assert_error_fixture ("empty.txt", MG_ERROR_EMPTY);
  assert_error_fixture ("blank.txt", MG_ERROR_EMPTY);

  documents = mg_import_text ("\xef\xbb\xbf", 3, "bom-only.txt", NULL, &error);
  g_assert_null (documents);
  g_assert_error (error, MG_ERROR, MG_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "bom-only.txt: empty file, nothing to import");
}

static void
test_section (void)
{
  g_autoptr(MgDocument) document = import_fixture ("section.txt", NULL);

  g_assert_cmpstr (mg_document_get_title (document), ==,
                   "Local rowing club wins regional title after twenty years");
  g_assert_cmpstr (mg_document_get_meta_string (document, "section"), ==, "Sport");
  g_assert_null (mg_document_get_meta_string (document, "dateline"));
  /* The section line stays part of the text: offsets count it. */
  g_assert_true (g_str_has_prefix (mg_document_get_text (document), "Sport\n\nLocal"));
}

static void
test_article (void)
{
  g_autofree char *path = fixture_path ("article.txt");
  g_autofree char *data = NULL;
  g_autoptr(MgDocument) document = import_fixture ("article.txt", NULL);
  gsize n_bytes;

  g_assert_true (g_file_get_contents (path, &data, &n_bytes, NULL));
  g_assert_cmpstr (mg_document_get_text (document), ==, data);
  g_assert_cmpstr (mg_document_get_title (document), ==,
                   "Volunteers count record number of swifts nesting under city bridges");
  g_assert_cmpstr (mg_document_get_meta_string (document, "section"), ==, "Science");
  g_assert_cmpstr (mg_document_get_meta_string (document, "dateline"), ==, "LISBON");
}

static void
test_title_rules (void)
{
  static const struct {
    const char *text;
    const char *title;
  } cases[] = {
    /* Bylines and date lines are passed over. */
    { "By Ana Reyes\nMarch 3, 2026\nTram line to the airport opens a year late\n",
      "Tram line to the airport opens a year late" },
    { "2026-03-03 10:15\nTram line to the airport opens a year late\n",
      "Tram line to the airport opens a year late" },
    /* No headline: the first non-empty line, trimmed. */
    { "\n\n   Short   \nnote\n", "Short" },
    { "12 34 56\n", "12 34 56" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) documents = NULL;
      g_autoptr(GError) error = NULL;

      documents = mg_import_text (cases[i].text, strlen (cases[i].text), "t.txt", NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (mg_document_get_title (g_ptr_array_index (documents, 0)), ==, cases[i].title);
      g_assert_null (mg_document_get_meta_string (g_ptr_array_index (documents, 0), "section"));
    }
}

static void
test_long_line (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  MgDocument *document;

  /* One 100,000-character line: kept whole, the title cut to 200. */
  for (guint i = 0; i < 10000; i++)
    g_string_append (text, "\u00e9tude abc ");
  g_string_append_c (text, '\n');

  documents = mg_import_text (text->str, text->len, "long.txt", NULL, &error);
  g_assert_no_error (error);
  document = g_ptr_array_index (documents, 0);
  g_assert_cmpstr (mg_document_get_text (document), ==, text->str);
  g_assert_cmpuint (mg_document_get_length (document), ==, 100001);
  g_assert_cmpuint (g_utf8_strlen (mg_document_get_title (document), -1), ==, 200);
  g_assert_true (g_str_has_prefix (mg_document_get_title (document), "\u00e9tude abc \u00e9tude"));
}

static void
test_ids (void)
{
  static const struct {
    const char *name;
    const char *id;
  } cases[] = {
    { "/some/dir/Nato Security.TXT", "nato-security" },
    { "\u00dcber Caf\u00e9 (2).txt", "uber-cafe-2" },
    { "report_2026-03.final.txt", "report_2026-03-final" },
    { ".hidden", "hidden" },
    { "???.txt", "document" },
    { "", "document" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = _mg_import_id_from_name (cases[i].name);

      g_assert_cmpstr (id, ==, cases[i].id);
    }
}

static void
test_format_names (void)
{
  MgImportFormat format = MG_IMPORT_TEXT;

  for (MgImportFormat f = MG_IMPORT_AUTO; f <= MG_IMPORT_JSONL; f++)
    {
      g_assert_true (mg_import_format_parse (mg_import_format_to_string (f), &format));
      g_assert_cmpint (format, ==, f);
    }
  g_assert_cmpstr (mg_import_format_to_string (MG_IMPORT_JSONL), ==, "jsonl");
  g_assert_false (mg_import_format_parse ("HTML", &format));
  g_assert_false (mg_import_format_parse ("", &format));
  g_assert_false (mg_import_format_parse (NULL, &format));
  g_assert_cmpint (format, ==, MG_IMPORT_JSONL);
}

static void
test_detect (void)
{
  static const struct {
    const char     *data;
    const char     *name;
    MgImportFormat  format;
  } cases[] = {
    { "Plain words.\n", "a.txt", MG_IMPORT_TEXT },
    { "Plain words.\n", NULL, MG_IMPORT_TEXT },
    { "\xef\xbb\xbf  <?xml version=\"1.0\"?><root/>", "a.txt", MG_IMPORT_XML },
    { "<rss version=\"2.0\"><channel/></rss>", NULL, MG_IMPORT_XML },
    { "\n<feed xmlns=\"http://www.w3.org/2005/Atom\">", "x", MG_IMPORT_XML },
    { "<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>", "a.txt", MG_IMPORT_HTML },
    { "<!doctype HTML><title>x</title>", NULL, MG_IMPORT_HTML },
    { "<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n<html xmlns=\"x\">", NULL, MG_IMPORT_HTML },
    { "<!-- saved page -->\n<HTML>", NULL, MG_IMPORT_HTML },
    { "<p>First paragraph.</p>\n<p>Second.</p>", NULL, MG_IMPORT_HTML },
    { "Intro text <div class=\"a\">one</div> and <br> more", NULL, MG_IMPORT_HTML },
    /* One tag mentioned in prose is no HTML; nor is a made-up tag. */
    { "Use the <p> tag for paragraphs.\n", "a.txt", MG_IMPORT_TEXT },
    { "<pre-formatted> notes", NULL, MG_IMPORT_TEXT },
    { "{\"title\": \"A\", \"text\": \"x\"}\n{\"title\": \"B\"}\n", NULL, MG_IMPORT_JSONL },
    { "{\"title\": \"A\"}", NULL, MG_IMPORT_JSONL },
    { "{\"title\": \"A\"}\n\n{\"title\": \"B\"}\n", NULL, MG_IMPORT_JSONL },
    { "{\"title\": \"A\"}\n[1, 2]\n", NULL, MG_IMPORT_TEXT },
    { "{\n  \"format\": \"marginalia-dataset\"\n}\n", "d.json", MG_IMPORT_TEXT },
    { "{not json}\n", NULL, MG_IMPORT_TEXT },
    /* The extension only breaks ties. */
    { "Hello", "page.HTML", MG_IMPORT_HTML },
    { "Hello", "feed.rss", MG_IMPORT_XML },
    { "Hello", "lines.jsonl", MG_IMPORT_JSONL },
    { "<rss>", "page.html", MG_IMPORT_XML },
    { "", "a.txt", MG_IMPORT_TEXT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      g_assert_cmpint (mg_import_detect (cases[i].data, strlen (cases[i].data), cases[i].name),
                       ==, cases[i].format);
    }

  /* UTF-16 with a byte order mark: "<html>" */
  g_assert_cmpint (mg_import_detect ("\xff\xfe<\0h\0t\0m\0l\0>\0", 14, NULL), ==, MG_IMPORT_HTML);
  g_assert_cmpint (mg_import_detect ("\xfe\xff\0<\0r\0s\0s\0>", 12, NULL), ==, MG_IMPORT_XML);
  g_assert_cmpint (mg_import_detect (NULL, 0, NULL), ==, MG_IMPORT_TEXT);
}

static void
test_import_data (void)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  documents = mg_import_data (harbour_text, strlen (harbour_text), "dir/Harbour News.txt",
                              MG_IMPORT_AUTO, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_cmpstr (mg_document_get_id (g_ptr_array_index (documents, 0)), ==, "harbour-news");
  g_assert_cmpstr (mg_document_get_source_path (g_ptr_array_index (documents, 0)), ==,
                   "Harbour News.txt");
  g_clear_pointer (&documents, g_ptr_array_unref);

  documents = mg_import_data ("\x89PNG\0", 5, "photo.jpg", MG_IMPORT_AUTO, NULL, &error);
  g_assert_null (documents);
  g_assert_error (error, MG_ERROR, MG_ERROR_BINARY);
  g_assert_cmpstr (error->message, ==, "photo.jpg: binary data, not text (NUL bytes at byte 4)");
  g_clear_error (&error);

#if !__has_include("mg-import-html.h")
  documents = mg_import_data ("<p>x</p>", 8, "a.html", MG_IMPORT_HTML, NULL, &error);
  g_assert_null (documents);
  g_assert_error (error, MG_ERROR, MG_ERROR_UNSUPPORTED);
  g_assert_cmpstr (error->message, ==, "a.html: HTML import is not available in this build");
  g_clear_error (&error);
#else
  /* Markup goes to the HTML importer, whatever the extension says. */
  {
    static const char page[] =
      "<!DOCTYPE html><html><head><title>Page title here</title></head>"
      "<body><p>Some words in a paragraph.</p></body></html>";

    documents = mg_import_data (page, sizeof page - 1, "page.txt", MG_IMPORT_AUTO, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (documents->len, ==, 1);
    g_assert_cmpstr (mg_document_get_media_type (g_ptr_array_index (documents, 0)), !=, "text/plain");
  }
#endif
}

static void
test_import_file (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "text", NULL);
  g_autofree char *missing = fixture_path ("no-such-file.txt");
  g_autofree char *path = fixture_path ("article.txt");
  g_autofree char *prefix = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  documents = mg_import_file (dir, MG_IMPORT_AUTO, NULL, &error);
  g_assert_null (documents);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  prefix = g_strconcat (dir, ": ", NULL);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_clear_error (&error);
  g_clear_pointer (&prefix, g_free);

  documents = mg_import_file (missing, MG_IMPORT_AUTO, NULL, &error);
  g_assert_null (documents);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  prefix = g_strconcat (missing, ": ", NULL);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);
  g_clear_pointer (&prefix, g_free);

  /* Errors from the importer carry the path too. */
  g_clear_pointer (&path, g_free);
  path = fixture_path ("empty.txt");
  documents = mg_import_file (path, MG_IMPORT_TEXT, NULL, &error);
  g_assert_error (error, MG_ERROR, MG_ERROR_EMPTY);
  prefix = g_strconcat (path, ": ", NULL);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_clear_error (&error);

  g_clear_pointer (&path, g_free);
  g_clear_pointer (&prefix, g_free);
  path = fixture_path ("cp1252.txt");
  documents = mg_import_file (path, MG_IMPORT_AUTO, warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_cmpstr (mg_document_get_id (g_ptr_array_index (documents, 0)), ==, "cp1252");
  g_assert_cmpstr (mg_document_get_source_path (g_ptr_array_index (documents, 0)), ==, "cp1252.txt");
  g_assert_cmpuint (warnings->len, ==, 1);
  prefix = g_strconcat (path, ": not UTF-8; read as Windows-1252", NULL);
  g_assert_cmpstr (g_ptr_array_index (warnings, 0), ==, prefix);
}

static void
test_import_file_too_large (void)
{
  g_autofree char *path = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  /* A sparse file: its size is refused before a byte is read. */
  fd = g_file_open_tmp ("test-import-XXXXXX.txt", &path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ftruncate (fd, (off_t)MG_IMPORT_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);

  documents = mg_import_file (path, MG_IMPORT_AUTO, NULL, &error);
  g_assert_null (documents);
  g_assert_error (error, MG_ERROR, MG_ERROR_TOO_LARGE);
  prefix = g_strconcat (path, ": ", NULL);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_unlink (path);
}

static void
test_add_to_dataset (void)
{
  g_autoptr(MgDataset) dataset = mg_dataset_new ();
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GError) error = NULL;

  first = mg_import_data ("One two three four\n", 19, "story.txt", MG_IMPORT_TEXT, NULL, &error);
  g_assert_no_error (error);
  mg_import_add_to_dataset (dataset, first);
  g_assert_cmpuint (mg_dataset_get_n_documents (dataset), ==, 1);
  g_assert_cmpstr (mg_document_get_id (mg_dataset_get_document (dataset, 0)), ==, "story");

  /* Two more "story" documents: each gets the next free id, in order. */
  second = mg_import_data ("Five six seven eight\n", 21, "other/story.txt", MG_IMPORT_TEXT, NULL, &error);
  g_assert_no_error (error);
  g_ptr_array_add (second, mg_document_new ("story", "again", -1));
  mg_import_add_to_dataset (dataset, second);

  g_assert_cmpuint (mg_dataset_get_n_documents (dataset), ==, 3);
  g_assert_cmpstr (mg_document_get_id (mg_dataset_get_document (dataset, 0)), ==, "story");
  g_assert_cmpstr (mg_document_get_id (mg_dataset_get_document (dataset, 1)), ==, "story-2");
  g_assert_cmpstr (mg_document_get_text (mg_dataset_get_document (dataset, 1)), ==,
                   "Five six seven eight\n");
  g_assert_cmpstr (mg_document_get_id (mg_dataset_get_document (dataset, 2)), ==, "story-3");
  g_assert_true (mg_dataset_lookup_document (dataset, "story-2") == mg_dataset_get_document (dataset, 1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-text/utf8", test_utf8);
  g_test_add_func ("/import-text/encodings", test_encodings);
  g_test_add_func ("/import-text/windows-1252", test_windows_1252);
  g_test_add_func ("/import-text/windows-1252-undefined", test_windows_1252_undefined);
  g_test_add_func ("/import-text/line-ends", test_line_ends);
  g_test_add_func ("/import-text/binary", test_binary);
  g_test_add_func ("/import-text/empty", test_empty);
  g_test_add_func ("/import-text/section", test_section);
  g_test_add_func ("/import-text/article", test_article);
  g_test_add_func ("/import-text/title-rules", test_title_rules);
  g_test_add_func ("/import-text/long-line", test_long_line);
  g_test_add_func ("/import-text/ids", test_ids);
  g_test_add_func ("/import/format-names", test_format_names);
  g_test_add_func ("/import/detect", test_detect);
  g_test_add_func ("/import/data", test_import_data);
  g_test_add_func ("/import/file", test_import_file);
  g_test_add_func ("/import/file-too-large", test_import_file_too_large);
  g_test_add_func ("/import/add-to-dataset", test_add_to_dataset);

  return g_test_run ();
}
