/* test-import-xml.c: feeds, news formats and hostile XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mg-document.h"
#include "mg-error.h"
#include "mg-import-xml.h"

/* The text after its headline: an item with a title starts with it, on a
 * line of its own, before the body (checked here, every time). */
static const char *
body_of (MgDocument *d)
{
  const char *title = mg_document_get_title (d);
  const char *text = mg_document_get_text (d);
  gsize n = strlen (title);

  if (n == 0)
    return text;
  g_assert_true (strncmp (text, title, n) == 0);
  if (text[n] == '\0')
    return text + n;
  g_assert_true (text[n] == '\n' && text[n + 1] == '\n');
  return text + n + 2;
}

static GPtrArray *
import (const char *file,
        GError    **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "xml", file, NULL);
  g_autofree char *data = NULL;
  gsize n;

  g_assert_true (g_file_get_contents (path, &data, &n, NULL));
  return mg_import_xml (data, n, file, NULL, error);
}

static void
test_rss (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = import ("rss.xml", &error);
  MgDocument *d;

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 2);
  d = docs->pdata[0];
  g_assert_cmpstr (mg_document_get_id (d), ==, "gazette-1041");
  g_assert_cmpstr (mg_document_get_title (d), ==, "Council approves new ferry timetable");
  g_assert_cmpstr (mg_document_get_media_type (d), ==, "application/rss+xml");
  g_assert_cmpstr (mg_document_get_meta_string (d, "published"), ==, "2025-03-04T09:30:00Z");
  g_assert_cmpstr (mg_document_get_meta_string (d, "author"), ==, "Mira Holt");
  g_assert_cmpstr (mg_document_get_meta_string (d, "url"), ==, "https://gazette.example/ferry-timetable");
  /* The headline leads, once, so its claims can be coded. */
  g_assert_cmpstr (mg_document_get_text (d), ==,
                   "Council approves new ferry timetable\n\n"
                   "The harbour council voted 7 to 2 on Monday to add three evening ferries.\n\n"
                   "“We listened to commuters,” said councillor Ana Ruiz.");
  g_assert_cmpstr (body_of (docs->pdata[1]), ==,
                   "The central library will open on Sundays from April, the city said.");
}

static void
test_atom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = import ("atom.xml", &error);
  MgDocument *d;

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 2);
  d = docs->pdata[0];
  g_assert_cmpstr (mg_document_get_media_type (d), ==, "application/atom+xml");
  g_assert_cmpstr (mg_document_get_meta_string (d, "author"), ==, "Jonas Weber");
  g_assert_cmpstr (mg_document_get_meta_string (d, "url"), ==, "https://ledger.example/bridge");
  g_assert_cmpstr (body_of (d), ==,
                   "Repairs on the old stone bridge are ahead of schedule.\n\n"
                   "The engineers expect to reopen both lanes in May.");
  g_assert_cmpstr (body_of (docs->pdata[1]), ==,
                   "Heavy snow closed the pass overnight.\n\nDetour via the valley road");
}

static void
test_news_formats (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) nitf = import ("nitf.xml", &error);
  g_autoptr(GPtrArray) g2 = NULL;
  g_autoptr(GPtrArray) other = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (mg_document_get_title (nitf->pdata[0]), ==, "Dockworkers end three-day strike");
  g_assert_cmpstr (mg_document_get_meta_string (nitf->pdata[0], "author"), ==, "Lúcia Ferreira");
  g_assert_cmpstr (mg_document_get_meta_string (nitf->pdata[0], "dateline"), ==, "PORTO, April 12");
  g_assert_true (g_str_has_prefix (body_of (nitf->pdata[0]), "Dockworkers returned"));

  g2 = import ("newsml.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mg_document_get_meta_string (g2->pdata[0], "author"), ==, "Tomasz Nowak");
  g_assert_cmpstr (body_of (g2->pdata[0]), ==,
                   "Wheat futures rose 12 percent in a week, traders said.\n\n"
                   "The ministry blamed the dry summer.");

  other = import ("other.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (body_of (other->pdata[0]), ==,
                   "Annual water quality report\n\nFindings\n\n"
                   "All 42 samples met the standard, with one borderline result.\n\n"
                   "Lead levels fell for the third year.");
}

static void
assert_refused (const char *file,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = import (file, &error);
  g_autofree char *prefix = g_strconcat (file, ": ", NULL);

  g_assert_null (docs);
  g_assert_error (error, MG_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_hostile (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autofree char *passwd = NULL;

  assert_refused ("empty-feed.xml", MG_ERROR_EMPTY);
  assert_refused ("quadratic.xml", MG_ERROR_TOO_LARGE);
  /* libxml2 itself may refuse the entity loop first. */
  docs = import ("billion-laughs.xml", &error);
  g_assert_null (docs);
  g_assert_true (error->domain == MG_ERROR);
  g_clear_error (&error);

  /* The external entity is never read. */
  docs = import ("xxe.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (body_of (docs->pdata[0]), ==, "Before after.");
  if (g_file_get_contents ("/etc/passwd", &passwd, NULL, NULL) && strstr (passwd, "root:"))
    g_assert_null (strstr (body_of (docs->pdata[0]), "root:"));

  g_clear_pointer (&docs, g_ptr_array_unref);
  docs = mg_import_xml ("", 0, "empty.xml", NULL, &error);
  g_assert_null (docs);
  g_assert_error (error, MG_ERROR, MG_ERROR_EMPTY);
  g_clear_error (&error);
  docs = mg_import_xml ("<rss><channel><item>", 20, "cut.xml", NULL, &error);
  g_assert_null (docs);
  g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
}

/* Bad encodings make libxml2 print "encoding error : input conversion
 * failed" whatever the options say; the importer must print nothing and
 * say in its error what libxml2 found first. */
static void
test_encoding_errors_quiet (void)
{
  static const struct {
    const char *data;
    const char *says;
  } cases[] = {
    { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss><channel><item><title>a\xff</title>"
      "</item></channel></rss>", "line 2: Input is not proper UTF-8" },
    { "<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?>\n<rss><channel><item><title>a\xff"
      "\x1b$B\xff</title></item></channel></rss>", "input conversion failed" },
    { "<?xml version=\"1.0\" encoding=\"no-such-charset\"?>\n<rss/>", "encoding" },
  };

  if (g_test_subprocess ())
    {
      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) docs = mg_import_xml (cases[i].data, strlen (cases[i].data),
                                                     "enc.xml", NULL, &error);

          g_assert_null (docs);
          g_assert_error (error, MG_ERROR, MG_ERROR_INVALID);
          g_assert_true (g_str_has_prefix (error->message, "enc.xml: not well-formed XML ("));
          g_assert_nonnull (strstr (error->message, cases[i].says));
          g_assert_null (strchr (error->message, '\n'));
        }
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

/* Feed items hold escaped HTML with lone surrogate references and stray
 * bytes in attributes: every document is valid UTF-8. */
static void
test_feed_utf8 (void)
{
  static const char feed[] =
    "<rss><channel><item><title>A &amp;#xD800; title</title>"
    "<description>&lt;p title=\"&#xC3;\"&gt;Text &amp;#xDC00; and &amp;#0; here&lt;/p&gt;"
    "</description><link>http://x.example/\xc2\xb5</link></item></channel></rss>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = mg_import_xml (feed, strlen (feed), "feed.xml", NULL, &error);
  MgDocument *doc;

  g_assert_no_error (error);
  doc = docs->pdata[0];
  g_assert_true (g_utf8_validate (body_of (doc), -1, NULL));
  g_assert_nonnull (strstr (body_of (doc), "Text"));
  g_assert_true (g_utf8_validate (mg_document_get_title (doc), -1, NULL));
  g_assert_cmpstr (mg_document_get_meta_string (doc, "url"), ==, "http://x.example/\xc2\xb5");
}

/* Nothing is cut without a word: a text node past libxml2's 10 MB bound
 * is kept whole; escaped HTML that the HTML parser would cut, and nesting
 * past libxml2's 256 levels, refuse the file with the reason. */
static void
test_never_cut (void)
{
  g_autoptr(GString) big = g_string_new ("<doc><p>");
  g_autoptr(GString) feed = g_string_new ("<rss version=\"2.0\"><channel><item><title>T</title>"
                                          "<description>");
  g_autoptr(GString) deep = g_string_new ("<doc>");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  for (guint i = 0; i < 2100000; i++)
    g_string_append (big, "word ");
  g_string_append (big, "END</p></doc>");
  docs = mg_import_xml (big->str, big->len, "big.xml", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (body_of (docs->pdata[0])), ==, 2100000 * 5 + 3);
  g_assert_true (g_str_has_suffix (body_of (docs->pdata[0]), "word END"));
  g_clear_pointer (&docs, g_ptr_array_unref);

  for (guint i = 0; i < 2100000; i++)
    g_string_append (feed, "word ");
  g_string_append (feed, "END</description></item></channel></rss>");
  docs = mg_import_xml (feed->str, feed->len, "feed.xml", NULL, &error);
  g_assert_null (docs);
  g_assert_error (error, MG_ERROR, MG_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "feed.xml: item 1: "));
  g_clear_error (&error);

  for (guint i = 0; i < 300; i++)
    g_string_append (deep, "<d>");
  g_string_append (deep, "deep text");
  for (guint i = 0; i < 300; i++)
    g_string_append (deep, "</d>");
  g_string_append (deep, "</doc>");
  docs = mg_import_xml (deep->str, deep->len, "deep.xml", NULL, &error);
  g_assert_null (docs);
  g_assert_error (error, MG_ERROR, MG_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "deeper than 256"));
}

static GPtrArray *
import_warned (const char  *file,
               GPtrArray   *warnings)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "xml", file, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *docs;
  gsize n;

  g_assert_true (g_file_get_contents (path, &data, &n, NULL));
  docs = mg_import_xml (data, n, file, warnings, &error);
  g_assert_no_error (error);
  return docs;
}

/* Atom 0.3: entries are documents; escaped content is markup written as
 * text, base64 content of a text type is decoded. */
static void
test_atom03 (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) docs = import_warned ("atom03.xml", warnings);
  MgDocument *d;

  g_assert_cmpuint (docs->len, ==, 2);
  d = docs->pdata[0];
  g_assert_cmpstr (mg_document_get_media_type (d), ==, "application/atom+xml");
  g_assert_cmpstr (mg_document_get_title (d), ==, "Ferry timetable approved");
  g_assert_cmpstr (body_of (d), ==,
                   "The council voted 7 to 2 for evening ferries.\n\n"
                   "\xE2\x80\x9CWe listened,\xE2\x80\x9D said Ana Ruiz.");
  g_assert_cmpstr (mg_document_get_meta_string (d, "published"), ==, "2025-03-04T09:30:00Z");
  g_assert_cmpstr (mg_document_get_meta_string (d, "url"), ==, "https://gazette.example/ferry");
  g_assert_cmpstr (body_of (docs->pdata[1]), ==,
                   "The library will open on Sundays from April.");
  g_assert_cmpuint (warnings->len, ==, 0);
}

/* Binary content is never text: the summary stands in, and a warning
 * says why. */
static void
test_atom_base64 (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) docs = import_warned ("atom-base64.xml", warnings);

  g_assert_cmpuint (docs->len, ==, 1);
  g_assert_cmpstr (body_of (docs->pdata[0]), ==,
                   "The council voted 7 to 2 for evening ferries.");
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (warnings->pdata[0], ==,
                   "atom-base64.xml: item 1: its content is application/octet-stream, not text; left out");
}

static void
test_media_description (void)
{
  g_autoptr(GPtrArray) atom = import_warned ("media.xml", NULL);
  g_autoptr(GPtrArray) rss = import_warned ("media-rss.xml", NULL);

  g_assert_cmpuint (atom->len, ==, 1);
  g_assert_cmpstr (body_of (atom->pdata[0]), ==,
                   "Ana Ruiz explains why the council added three evening ferries.");
  g_assert_cmpstr (mg_document_get_meta_string (atom->pdata[0], "url"), ==,
                   "https://video.example/watch/ferries");
  g_assert_cmpuint (rss->len, ==, 1);
  g_assert_cmpstr (body_of (rss->pdata[0]), ==, "The new ferry at the north pier.");
}

/* ISO-8859-1 is read as Windows-1252, as browsers and feed readers do. */
static void
test_latin1_is_1252 (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) docs = import_warned ("latin1.xml", warnings);

  g_assert_cmpstr (mg_document_get_title (docs->pdata[0]), ==, "Caf\xC3\xA9 reopens");
  g_assert_cmpstr (body_of (docs->pdata[0]), ==,
                   "\xE2\x80\x9CWe are back,\xE2\x80\x9D the owner said \xE2\x80\x93 at last.");
  g_assert_cmpuint (warnings->len, ==, 0);
}

/* The lead paragraph an NITF body repeats before its full text is read once. */
static void
test_nitf_lead_once (void)
{
  g_autoptr(GPtrArray) docs = import_warned ("nitf-lead.xml", NULL);

  g_assert_cmpstr (body_of (docs->pdata[0]), ==,
                   "The harbour council voted on Monday to add three evening ferries.\n\n"
                   "\"We listened to commuters,\" said councillor Ana Ruiz.");
}

/* What feed readers recover from is recovered, and said in one line
 * naming the file and the fault. */
static void
test_recover (void)
{
  static const struct {
    const char *file;
    const char *text;
    const char *warning;
  } cases[] = {
    { "blank-line.xml", "Three evening ferries were added.",
      "blank-line.xml: white space before the XML declaration, ignored" },
    { "html-entities.xml", "Fares stay at \xE2\x82\xAC" "2 \xE2\x80\x94 for now.",
      "html-entities.xml: HTML entities the XML does not declare (&ntilde; and others) read as their characters" },
    { "undeclared-1252.xml", "The caf\xC3\xA9 on the pier \xE2\x80\x93 closed since May \xE2\x80\x93 reopens.",
      "undeclared-1252.xml: not UTF-8 and no encoding declared; read as Windows-1252" },
    { "trailing.xml", "Three evening ferries were added.",
      "trailing.xml: content after the end of the root element, ignored" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) docs = import_warned (cases[i].file, warnings);

      g_assert_cmpstr (body_of (docs->pdata[0]), ==, cases[i].text);
      g_assert_cmpuint (warnings->len, ==, 1);
      g_assert_cmpstr (warnings->pdata[0], ==, cases[i].warning);
    }
}

/* Entities: the HTML ones become characters in titles and text alike,
 * and nothing of a DTD is ever loaded for them. */
static void
test_html_entities (void)
{
  g_autoptr(GPtrArray) docs = import_warned ("html-entities.xml", NULL);

  g_assert_cmpstr (mg_document_get_title (docs->pdata[0]), ==, "Ma\xC3\xB1" "ana\xE2\x80\xA6");
  g_assert_cmpstr (body_of (docs->pdata[1]), ==,
                   "The fare is \xE2\x82\xAC" "2, said Jos\xC3\xA9 Garc\xC3\xAD" "a\xE2\x80\xA6");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-xml/rss", test_rss);
  g_test_add_func ("/import-xml/atom", test_atom);
  g_test_add_func ("/import-xml/news-formats", test_news_formats);
  g_test_add_func ("/import-xml/hostile", test_hostile);
  g_test_add_func ("/import-xml/encoding-errors-quiet", test_encoding_errors_quiet);
  g_test_add_func ("/import-xml/feed-utf8", test_feed_utf8);
  g_test_add_func ("/import-xml/never-cut", test_never_cut);
  g_test_add_func ("/import-xml/atom-0.3", test_atom03);
  g_test_add_func ("/import-xml/atom-base64", test_atom_base64);
  g_test_add_func ("/import-xml/media-description", test_media_description);
  g_test_add_func ("/import-xml/latin1-is-windows-1252", test_latin1_is_1252);
  g_test_add_func ("/import-xml/nitf-lead-once", test_nitf_lead_once);
  g_test_add_func ("/import-xml/recover", test_recover);
  g_test_add_func ("/import-xml/html-entities", test_html_entities);

  return g_test_run ();
}
