/* test-import-html.c: HTML import, extraction quality and hostile pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mg-charset.h"
#include "mg-document.h"
#include "mg-error.h"
#include "mg-html-extract.h"
#include "mg-import-html.h"
#include "mg-import-private.h"
#include "mg-xml-private.h"

static const char * const pages[] = { "harbour-ferries", "valley-bridge", "grain-prices" };

/* 4-token shingles of \w+ tokens, as the public extraction benchmarks
 * count them: a multiset from shingle to count. */
static GHashTable *
shingles (const char *text)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *p = text;

  while (*p)
    {
      const char *start;

      while (*p && !(g_unichar_isalnum (g_utf8_get_char (p)) || *p == '_'))
        p = g_utf8_next_char (p);
      start = p;
      while (*p && (g_unichar_isalnum (g_utf8_get_char (p)) || *p == '_' ||
                    g_unichar_ismark (g_utf8_get_char (p))))
        p = g_utf8_next_char (p);
      if (p > start)
        g_ptr_array_add (tokens, g_strndup (start, p - start));
    }
  for (guint i = 0; i + 4 <= MAX (tokens->len, 4) && i + 4 <= tokens->len; i++)
    {
      char *key = g_strjoin ("\x1f", tokens->pdata[i], tokens->pdata[i + 1],
                             tokens->pdata[i + 2], tokens->pdata[i + 3], NULL);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (set, key));

      g_hash_table_replace (set, key, GUINT_TO_POINTER (n + 1));
    }
  return set;
}

static void
page_scores (const char *expected,
             const char *got,
             double     *precision,
             double     *recall)
{
  g_autoptr(GHashTable) t = shingles (expected);
  g_autoptr(GHashTable) p = shingles (got);
  GHashTableIter iter;
  gpointer key, value;
  double tp = 0, fp = 0, fn = 0;

  g_hash_table_iter_init (&iter, p);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint want = GPOINTER_TO_UINT (g_hash_table_lookup (t, key));
      guint have = GPOINTER_TO_UINT (value);

      tp += MIN (want, have);
      fp += have > want ? have - want : 0;
    }
  g_hash_table_iter_init (&iter, t);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint have = GPOINTER_TO_UINT (g_hash_table_lookup (p, key));
      guint want = GPOINTER_TO_UINT (value);

      fn += want > have ? want - have : 0;
    }
  *precision = tp + fp > 0 ? tp / (tp + fp) : 1.0;
  *recall = tp + fn > 0 ? tp / (tp + fn) : 1.0;
}

static GPtrArray *
import_fixture (const char *file,
                GError    **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "html", file, NULL);
  g_autofree char *data = NULL;
  gsize n;

  g_assert_true (g_file_get_contents (path, &data, &n, NULL));
  return mg_import_html (data, n, file, NULL, error);
}

static void
test_extraction_f1 (void)
{
  double sum_p = 0, sum_r = 0, f1;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *html = g_strconcat (pages[i], ".html", NULL);
      g_autofree char *txt = g_build_filename (g_test_get_dir (G_TEST_DIST), "fixtures",
                                               "html", pages[i], NULL);
      g_autofree char *txt_path = g_strconcat (txt, ".txt", NULL);
      g_autofree char *expected = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) docs = import_fixture (html, &error);
      double p, r;

      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (txt_path, &expected, NULL, NULL));
      page_scores (expected, mg_document_get_text (docs->pdata[0]), &p, &r);
      g_test_message ("%s: precision %.3f recall %.3f", pages[i], p, r);
      sum_p += p;
      sum_r += r;
    }
  sum_p /= G_N_ELEMENTS (pages);
  sum_r /= G_N_ELEMENTS (pages);
  f1 = 2 * sum_p * sum_r / (sum_p + sum_r);
  g_test_message ("F1 %.3f", f1);
  g_assert_cmpfloat (f1, >=, 0.93);
}

static void
test_boilerplate_left_out (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = import_fixture ("harbour-ferries.html", &error);
  const char *text;

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  text = mg_document_get_text (docs->pdata[0]);
  g_assert_nonnull (strstr (text, "The harbour council voted seven to two"));
  g_assert_nonnull (strstr (text, "\n\nWhat changes for passengers\n\n"));
  g_assert_nonnull (strstr (text, "\n\nA night fare of 3.20 euros\n\n"));
  g_assert_null (strstr (text, "Share on Facebook"));
  g_assert_null (strstr (text, "Sponsored"));
  g_assert_null (strstr (text, "reader42"));
  g_assert_null (strstr (text, "Related stories"));
  g_assert_null (strstr (text, "Privacy policy"));
  g_assert_null (strstr (text, "Most read"));
  g_assert_null (strstr (text, "dataLayer"));
  g_assert_null (strstr (text, "font-family"));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_null (strstr (text, "\r"));
}

static void
test_meta (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = import_fixture ("valley-bridge.html", &error);
  MgDocument *doc;

  g_assert_no_error (error);
  doc = docs->pdata[0];
  g_assert_cmpstr (mg_document_get_id (doc), ==, "valley-bridge");
  g_assert_cmpstr (mg_document_get_title (doc), ==, "Stone bridge repairs running ahead of schedule");
  g_assert_cmpstr (mg_document_get_source_path (doc), ==, "valley-bridge.html");
  g_assert_cmpstr (mg_document_get_media_type (doc), ==, "text/html");
  g_assert_cmpstr (mg_document_get_meta_string (doc, "author"), ==, "Jonas Weber");
  g_assert_cmpstr (mg_document_get_meta_string (doc, "published"), ==, "2025-02-01T08:15:00+01:00");
  g_assert_cmpstr (mg_document_get_meta_string (doc, "site_name"), ==, "Valley Ledger");
  g_assert_cmpstr (mg_document_get_meta_string (doc, "url"), ==, "https://ledger.example/2025/02/bridge");
}

static const char *
first_text (const char *html,
            gssize      len)
{
  static char *last;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = mg_import_html (html, len < 0 ? strlen (html) : (gsize) len,
                                              "page.html", NULL, &error);

  g_assert_no_error (error);
  g_free (last);
  last = g_strdup (mg_document_get_text (docs->pdata[0]));
  return last;
}

static void
test_charset (void)
{
  /* Declared Latin-1: 0xe9 is é, 0x93/0x94 are curly quotes (cp1252). */
  g_assert_cmpstr (first_text ("<html><head><meta charset=\"iso-8859-1\"></head>"
                               "<body><p>Caf\xe9 \x93open\x94</p></body></html>", -1),
                   ==, "Café “open”");
  /* UTF-8 with one stray byte: one replacement character, the rest intact. */
  g_assert_cmpstr (first_text ("<html><head><meta charset=\"utf-8\"></head>"
                               "<body><p>Zürich \xff Genève</p></body></html>", -1),
                   ==, "Zürich \xef\xbf\xbd Genève");
  /* Undeclared, mostly UTF-8, one stray byte. */
  g_assert_cmpstr (first_text ("<p>Łódź ok, Kraków \x80 ok, Gdańsk</p>", -1),
                   ==, "Łódź ok, Kraków \xef\xbf\xbd ok, Gdańsk");
  /* A byte-order mark wins. */
  g_assert_cmpstr (first_text ("\xef\xbb\xbf<meta charset=\"windows-1252\"><p>naïve</p>", -1),
                   ==, "naïve");
}

static void
test_structure (void)
{
  const char *text = first_text ("<body><h2>Heading</h2><p>One line\r\nstill one.</p>"
                                 "<ul><li>First</li><li>Second</li></ul><p>Last</p></body>", -1);

  g_assert_cmpstr (text, ==, "Heading\n\nOne line still one.\n\nFirst\n\nSecond\n\nLast");
}

static void
assert_error (const char *data,
              gsize       n,
              int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = mg_import_html (data, n, "bad.html", NULL, &error);

  g_assert_null (docs);
  g_assert_error (error, MG_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "bad.html: "));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_bad_input (void)
{
  GString *deep = g_string_new ("<html><body>");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  char binary[512];

  assert_error ("", 0, MG_ERROR_EMPTY);
  for (guint i = 0; i < sizeof binary; i++)
    binary[i] = (char) (i * 7 % 256);
  assert_error (binary, sizeof binary, MG_ERROR_BINARY);
  assert_error ("<html><head><script>x()</script></head><body> </body></html>", 59,
                MG_ERROR_EMPTY);

  /* Truncated: what is there is kept. */
  g_assert_cmpstr (first_text ("<html><body><p>The mayor said the plan was fin", -1),
                   ==, "The mayor said the plan was fin");

  /* 10,000 nested elements: a clear answer, no crash, no hang. */
  for (guint i = 0; i < 10000; i++)
    g_string_append (deep, "<div>");
  g_string_append (deep, "deep text");
  docs = mg_import_html (deep->str, deep->len, "deep.html", NULL, &error);
  g_assert_true ((docs != NULL) != (error != NULL));
  g_string_free (deep, TRUE);
}

static void
test_slug (void)
{
  g_autofree char *a = _mg_import_slug ("Ünïcode Story: Part 2!");
  g_autofree char *b = _mg_import_slug ("---");

  g_assert_cmpstr (a, ==, "unicode-story-part-2");
  g_assert_cmpstr (b, ==, "document");
}

/* Found by fuzzing: a title whose first part is short is cut after its
 * first separator; a byte-wise search took the first byte of "µ" (C2 B5)
 * for one of "»", left half a character in the title, and the title
 * matcher crashed on it. */
static void
test_title_split_utf8 (void)
{
  static const char page[] =
    "<html><head><title>\xc2\xb5T | Bridge repairs run three weeks early</title></head><body>"
    "<h1>\xc2\xb5T, a heading</h1>"
    "<p>The council met on Monday and agreed, after a long debate, to keep the "
    "ferry running through the winter months.</p></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = mg_import_html (page, strlen (page), "page.html", NULL, &error);
  const char *title;

  g_assert_no_error (error);
  title = mg_document_get_title (docs->pdata[0]);
  g_assert_true (g_utf8_validate (title, -1, NULL));
  g_assert_cmpstr (title, ==, "Bridge repairs run three weeks early");
  g_assert_nonnull (strstr (mg_document_get_text (docs->pdata[0]), "ferry running"));
}

/* Chinese portals title a page "Story_Channel_Site": the story is the
 * title, and the body's heading, the same story, is not doubled. An
 * underscore inside a title written otherwise stays. */
static void
test_portal_title (void)
{
  static const char page[] =
    "<html><head><title>\xe6\x96\xb0\xe7\x94\xb5\xe8\x84\x91\xe5\x8f\xaf\xe4\xbb\xa5"
    "\xe8\x87\xaa\xe5\xad\xa6 \xe4\xba\xba\xe5\xb7\xa5\xe6\x99\xba\xe8\x83\xbd"
    "_\xe7\xa7\x91\xe6\x8a\x80_\xe8\x85\xbe\xe8\xae\xaf\xe7\xbd\x91</title></head><body>"
    "<h1>\xe6\x96\xb0\xe7\x94\xb5\xe8\x84\x91\xe5\x8f\xaf\xe4\xbb\xa5\xe8\x87\xaa"
    "\xe5\xad\xa6 \xe4\xba\xba\xe5\xb7\xa5\xe6\x99\xba\xe8\x83\xbd</h1>"
    "<p>The council met on Monday and agreed, after a long debate, to keep the "
    "ferry running through the winter months.</p></body></html>";
  static const char other[] =
    "<html><head><title>How snake_case won the style guide of the council</title></head>"
    "<body><p>The council met on Monday and agreed, after a long debate, to keep the "
    "ferry running through the winter months.</p></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = mg_import_html (page, strlen (page), "page.html", NULL, &error);
  g_autoptr(GPtrArray) docs2 = NULL;
  const char *story = "\xe6\x96\xb0\xe7\x94\xb5\xe8\x84\x91\xe5\x8f\xaf\xe4\xbb\xa5"
                      "\xe8\x87\xaa\xe5\xad\xa6 \xe4\xba\xba\xe5\xb7\xa5\xe6\x99\xba"
                      "\xe8\x83\xbd";
  const char *text;

  g_assert_no_error (error);
  g_assert_cmpstr (mg_document_get_title (docs->pdata[0]), ==, story);
  text = mg_document_get_text (docs->pdata[0]);
  g_assert_true (g_str_has_prefix (text, story));
  g_assert_null (strstr (text + strlen (story), story));
  g_assert_null (strstr (text, "_"));

  docs2 = mg_import_html (other, strlen (other), "page.html", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mg_document_get_title (docs2->pdata[0]), ==,
                   "How snake_case won the style guide of the council");
}

/* A meta title carries the site's name as <title> does ("Story - Site",
 * "Site | Story", "Story (site.de)"): the name the page gives its site, or
 * its address's host, is cut, and the headline leading the text is the
 * story alone. A name joined to the story by a hyphen is a word of it, a
 * guillemet opens a quotation; entities a page escaped twice are read
 * once more. */
static void
test_title_site_name (void)
{
  static const char * const cases[][3] = {
    { "Dam opens after ten years - The Valley Times", "The Valley Times", "Dam opens after ten years" },
    { "Dam opens after ten years | VALLEY TIMES", "Valley Times", "Dam opens after ten years" },
    { "Valley Times: Dam opens after ten years", "Valley Times", "Dam opens after ten years" },
    { "Dam opens after ten years &bull; Valley", "Valley", "Dam opens after ten years" },
    { "Valley-dam opens after ten years", "Valley", "Valley-dam opens after ten years" },
    { "Council &amp;#8211; the ferry stays", "Valley", "Council \xe2\x80\x93 the ferry stays" },
    { "Dam - Valley", "Valley", "Dam - Valley" },
    /* No site name given: the host of the page's address names it. */
    { "Dam opens after ten years (valley times)", NULL, "Dam opens after ten years" },
    { "Dam opens after ten years | Valley-Times.example", NULL, "Dam opens after ten years" },
    { "\xc2\xbb" "Dam opens after ten years\xc2\xab (Valley Times)", NULL,
      "\xc2\xbb" "Dam opens after ten years\xc2\xab" },
    { "Dam opens after ten years - Ledger", NULL, "Dam opens after ten years - Ledger" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *site = cases[i][1] != NULL
        ? g_strdup_printf ("<meta property=\"og:site_name\" content=\"%s\">", cases[i][1])
        : g_strdup ("");
      g_autofree char *page = g_strdup_printf (
        "<html><head><meta property=\"og:title\" content=\"%s\">%s"
        "<link rel=\"canonical\" href=\"https://www.valley-times.example/news/dam\">"
        "</head><body>"
        "<p>The council met on Monday and agreed, after a long debate, to keep the "
        "ferry running through the winter months, whatever the weather.</p></body></html>",
        cases[i][0], site);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) docs = mg_import_html (page, strlen (page), "page.html", NULL, &error);
      const char *text;

      g_assert_no_error (error);
      g_assert_cmpstr (mg_document_get_title (docs->pdata[0]), ==, cases[i][2]);
      text = mg_document_get_text (docs->pdata[0]);
      g_assert_true (g_str_has_prefix (text, cases[i][2]));
      g_assert_true (text[strlen (cases[i][2])] == '\n');
    }
}

/* Whatever libxml2 leaves in a tree, what is read from it is UTF-8. */
static void
test_tree_made_valid (void)
{
  xmlDocPtr doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNodePtr root = xmlNewDocNode (doc, NULL, (const xmlChar *) "p", NULL);
  xmlNodePtr text = xmlNewDocText (doc, (const xmlChar *) "caf\xc3 \xed\xa0\x80 ok");

  xmlDocSetRootElement (doc, root);
  xmlAddChild (root, text);
  xmlSetProp (root, (const xmlChar *) "title", (const xmlChar *) "a\xff" "b");
  _mg_xml_make_valid ((xmlNodePtr) doc);
  g_assert_cmpstr ((const char *) text->content, ==,
                   "caf\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd ok");
  g_assert_cmpstr ((const char *) root->properties->children->content, ==, "a\xef\xbf\xbd" "b");
  xmlFreeDoc (doc);
}

/* Lone surrogates in character references, NUL references and broken
 * markup: the importer answers, and its answer is valid UTF-8. */
static void
test_hostile_references (void)
{
  static const char * const hostile[] = {
    "<p>A &#xD800; B &#xDFFF; C &#0; D &#x110000; E &#x80; F, long enough to keep</p>",
    "<title>&#xD800; | &#xDC00; - x</title><h1>&#xD800;</h1><p>Text &#55296; here</p>",
    "<meta property=\"og:title\" content=\"\xc2\xb5 &#xD800;\"><p>Body text</p>",
    "<html lang=\"\xff\"><link rel=canonical href=\"\xc3\"><p>Body</p>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) docs = mg_import_html (hostile[i], strlen (hostile[i]), "page.html",
                                                  NULL, &error);
      MgDocument *doc;

      g_assert_no_error (error);
      doc = docs->pdata[0];
      g_assert_true (g_utf8_validate (mg_document_get_text (doc), -1, NULL));
      g_assert_true (mg_document_get_title (doc) == NULL ||
                     g_utf8_validate (mg_document_get_title (doc), -1, NULL));
      g_assert_true (mg_document_get_meta_string (doc, "language") == NULL ||
                     g_utf8_validate (mg_document_get_meta_string (doc, "language"), -1, NULL));
      g_assert_true (mg_document_get_meta_string (doc, "url") == NULL ||
                     g_utf8_validate (mg_document_get_meta_string (doc, "url"), -1, NULL));
    }
}

/* JSON-LD that is not strict JSON (a broken surrogate pair, two values in
 * one script) is not read; the page still imports, its title from
 * <title>. */
static void
test_json_ld_broken_pair (void)
{
  static const char page[] =
    "<html><head><title>Ferries keep running all winter long</title>"
    "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
    "\"headline\": \"Bad \\ud83d\\u0041 pair\"}</script></head>"
    "<body><p>The council met on Monday and agreed to keep the ferry running.</p>"
    "</body></html>";
  static const char twice[] =
    "<html><head><title>Ferries keep running all winter long</title>"
    "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"A\"}"
    "{\"@type\": \"NewsArticle\", \"headline\": \"Second object\"}</script></head>"
    "<body><p>The council met on Monday and agreed to keep the ferry running.</p>"
    "</body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = mg_import_html (page, strlen (page), "page.html", NULL, &error);
  g_autoptr(GPtrArray) docs2 = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (mg_document_get_title (docs->pdata[0]), ==,
                   "Ferries keep running all winter long");
  /* Two objects in one script: the script is skipped. */
  docs2 = mg_import_html (twice, strlen (twice), "page.html", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mg_document_get_title (docs2->pdata[0]), ==,
                   "Ferries keep running all winter long");
}

/* Old pages leave <font> unclosed before every paragraph, so the
 * paragraphs nest one inside the other; libxml2 alone stops at 256
 * levels and kept the first 127 of them. */
static void
test_unclosed_font (void)
{
  GString *page = g_string_new ("<html><head><title>Council minutes</title></head><body>");
  const char *text;
  guint n = 0;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (page, "<font face=\"Arial\"><p>Paragraph %u of the minutes, "
                            "in which the council talks at length about the harbour.", i);
  text = first_text (page->str, page->len);
  for (const char *p = text; (p = strstr (p, "Paragraph ")) != NULL; p++)
    n++;
  g_assert_cmpuint (n, ==, 400);
  g_assert_nonnull (strstr (text, "Paragraph 399 of the minutes"));
  g_string_free (page, TRUE);
}

/* A text node longer than libxml2's 10 MB bound is kept whole, and
 * nothing is said to be cut. */
static void
test_huge_text_node (void)
{
  gsize n_words = 50 * 1024 * 1024 / 5;
  GString *page = g_string_sized_new (n_words * 5 + 64);
  gboolean cut = TRUE;
  htmlDocPtr doc;
  xmlNodePtr p;
  gsize len;

  g_string_append (page, "<html><body><p>");
  for (gsize i = 0; i < n_words; i++)
    g_string_append (page, "word ");
  g_string_append (page, "END</p></body></html>");
  doc = mg_html_parse_full (page->str, page->len, &cut);
  g_assert_nonnull (doc);
  g_assert_false (cut);
  p = xmlDocGetRootElement (doc)->children->children;
  g_assert_cmpstr ((const char *) p->name, ==, "p");
  len = strlen ((const char *) p->children->content);
  g_assert_cmpuint (len, ==, n_words * 5 + 3);
  g_assert_true (g_str_has_suffix ((const char *) p->children->content, "word END"));
  xmlFreeDoc (doc);
  g_string_free (page, TRUE);
}

/* The general rules for a news page's furniture, one page that has each
 * (README, "Saved web pages"). */
static void
test_furniture_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = import_fixture ("furniture-rules.html", &error);
  static const char * const kept[] = {
    "The restored tide mill on the estuary grinds flour again",
    "The wheel turned for the first time on Saturday morning",
    "Volunteers rebuilt the sluice",
    "Flour from the first grinding",
    "The parish council thanked the volunteers",
    "The name of the mill, \xe6\xbd\xae in the Japanese guide book, means tide.",
  };
  static const char * const dropped[] = {
    "Coastal Courier", "Home", "Breaking News", "By Ada Marsh", "12.05.2024",
    "The wheel on Saturday", "Harbour wall repairs", "Anzeige", "shio",
    "Photo: Ben Shore", "More on this story", "newsletter", "Related stories",
    "Ferry timetable", "Image\n", "14 Photos", "MillMaps", "ANZEIGE", "classes.php",
  };
  const char *text;

  g_assert_no_error (error);
  text = mg_document_get_text (docs->pdata[0]);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    if (strstr (text, kept[i]) == NULL)
      g_error ("lost “%s” from:\n%s", kept[i], text);
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    if (strstr (text, dropped[i]) != NULL)
      g_error ("kept “%s” in:\n%s", dropped[i], text);
  /* The headline, once, without the site's name, then the standfirst. */
  g_assert_true (g_str_has_prefix (text, "Tide mill reopens after ten years\n\nThe restored tide mill"));
}

/* A blog whose article is only in <noscript> (the script-driven copy is
 * empty), and a short post under a longer cookie notice. */
static void
test_article_found_anyway (void)
{
  static const char noscript[] =
    "<html><body><div class=\"post\"><div class=\"post-body\"><script>render()</script>"
    "<noscript><p>The harbour master said the new pontoon will take forty boats, twice as "
    "many as the old one, and that the berths will be let by the season from April.</p>"
    "<p>Work starts next week and should take a month, weather permitting, he said at the "
    "meeting of the harbour users on Tuesday evening.</p></noscript></div></div>"
    "<div class=\"sidebar\"><p>About this blog</p></div></body></html>";
  static const char cookie[] =
    "<html><body><div class=\"post\"><p>The ferry to the island runs again from Monday, "
    "after the winter repairs to its ramp, the operator said; the first boat leaves at "
    "seven.</p></div><div class=\"comments\"><p>First comment from a reader who is very "
    "happy about the ferry and says so at some length, with many words about boats, and "
    "about the weather, and about the island and the people who live there all year.</p>"
    "<p>Second comment from another reader who disagrees about nearly everything the first "
    "one said, and who also writes at some length about boats, ramps and winter repairs, "
    "and about the timetable of the ferry.</p></div></body></html>";
  const char *text = first_text (noscript, -1);

  g_assert_nonnull (strstr (text, "The harbour master said the new pontoon"));
  g_assert_nonnull (strstr (text, "Work starts next week"));
  text = first_text (cookie, -1);
  g_assert_nonnull (strstr (text, "The ferry to the island runs again"));
  g_assert_null (strstr (text, "First comment"));
}

/* No article in the page: its whole visible text, with a warning naming
 * the file, rather than a refusal. */
static void
test_whole_page_fallback (void)
{
  static const char page[] =
    "<html><body><footer><p>Only a footer line here.</p>"
    "<p style=\"display: none\">hidden words</p></footer></body></html>";
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = mg_import_html (page, strlen (page), "footer.html", warnings,
                                              &error);

  g_assert_no_error (error);
  g_assert_cmpstr (mg_document_get_text (docs->pdata[0]), ==, "Only a footer line here.");
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (g_str_has_prefix (warnings->pdata[0], "footer.html: "));
  g_assert_null (strchr (warnings->pdata[0], '\n'));
}

/* The headline leads the text once: added when the body lacks it, never
 * doubled when the body already starts with it, however spelled. */
static void
test_headline_leads (void)
{
  static const struct {
    const char *headline;
    const char *body;
    const char *text;
  } cases[] = {
    { "Ferry fares rise", "Fares rose by 4% on Monday.", "Ferry fares rise\n\nFares rose by 4% on Monday." },
    { "Ferry fares rise", "Ferry fares rise\n\nFares rose.", "Ferry fares rise\n\nFares rose." },
    { "Ferry fares rise", "FERRY  fares rise\n\nFares rose.", "FERRY  fares rise\n\nFares rose." },
    /* The page's title carries the site's name, the heading does not;
     * or the heading a kicker the title lacks. */
    { "Ferry fares rise | Coastal Courier", "Ferry fares rise\n\nFares rose.", "Ferry fares rise\n\nFares rose." },
    { "Ferry fares rise", "Ferry fares rise: what it costs\n\nFares rose.",
      "Ferry fares rise: what it costs\n\nFares rose." },
    /* A first sentence that only starts with the headline's words. */
    { "The new ferry", "The new ferry at the north pier.", "The new ferry\n\nThe new ferry at the north pier." },
    { "  Ferry \n fares  ", "Fares rose.", "Ferry fares\n\nFares rose." },
    { NULL, "Fares rose.", "Fares rose." },
    { "", "Fares rose.", "Fares rose." },
    { "Ferry fares rise", "", "Ferry fares rise" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = _mg_import_with_headline (cases[i].body, cases[i].headline);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* The page's description is the article's lead: when a long disclosure
 * passes for the article while the real one sits in a box named like a
 * footer, the text holding the description is taken. Without the
 * description, the same page gives the disclosure alone (the rule is
 * what makes the difference). */
static void
test_description_finds_article (void)
{
  static const char head[] =
    "<html><head><title>Dam</title>%s</head><body>"
    "<div class=\"disclosure\"><p>This site may be paid when you buy through links on it, "
    "and the offers shown come from companies that pay us; this can change where and how "
    "products appear on the site, including the order in which they appear, and we do not "
    "review every offer that exists on the market today, nor every company.</p>"
    "<p>Our writers are independent of our advertisers, and the opinions in our pieces are "
    "their own, not those of any bank, card issuer, airline or hotel chain; none of them "
    "reviewed, approved or endorsed what we write, and we try hard to keep it that way, "
    "every single day of the year.</p></div>"
    "<div class=\"above-footer\"><div class=\"story\">"
    "<p>The old mill dam on the river will be taken down next summer, the water board "
    "decided on Tuesday evening.</p>"
    "<p>Fish have been unable to pass the dam for a century, and the board said the salmon "
    "would come back within a few years of its removal, as they did on the next river.</p>"
    "<p>Anglers welcomed the plan, though some owners of houses by the mill pond fear the "
    "view will suffer once the pond drains.</p>"
    "<p>The work will take three months, and the board will plant willows along the banks "
    "where the water falls, so that the river finds its old bed again.</p></div></div>"
    "</body></html>";
  static const char meta[] =
    "<meta property=\"og:description\" content=\"The old mill dam on the river will be "
    "taken down next summer, the water board decided.\">";
  g_autofree char *with = g_strdup_printf (head, meta);
  g_autofree char *without = g_strdup_printf (head, "");
  const char *text = first_text (with, -1);

  g_assert_nonnull (strstr (text, "Fish have been unable to pass the dam"));
  g_assert_nonnull (strstr (text, "willows along the banks"));
  text = first_text (without, -1);
  g_assert_null (strstr (text, "Fish have been unable to pass the dam"));
}

/* Teasers for other articles open with a fixed phrase in every
 * language; a lone word counts only with its colon, since sentences start
 * with it too. An appendix's label alone on its line goes, what follows
 * it is judged on its own. */
static void
test_pointer_lines (void)
{
  static const char page[] =
    "<html><body><article>"
    "<p>The council approved the new cycle lanes on the bridge on Monday, after a year of "
    "trials and two public meetings about the plan.</p>"
    "<p>Lesen Sie auch: Neue Radwege in der Altstadt</p>"
    "<p>Related to the plan, the council will widen the pavement on the east side, where "
    "the bus stop stands.</p>"
    "<p>PUEDES VER: Así será el nuevo puente</p>"
    "<h3>Schon gelesen?</h3>"
    "<p>Mira how the lanes were painted: the city put a video of it on its site, with the "
    "painters at work through the night.</p>"
    "<p>Related: Bus fares to rise in spring</p>"
    "<p>Mehr zu Radwegen in der Stadt</p>"
    "<p>Further reading</p>"
    "<p>More from the council's transport team will follow at the next meeting, its chair "
    "promised.</p>"
    "<p>Work starts in March and should end before the summer holidays, the council said "
    "in a statement that also thanked the residents.</p>"
    "<p>Kontakt:</p><p>The council's press office answers questions from residents on weekdays, "
    "from nine to five, by telephone and by letter.</p>"
    "</article></body></html>";
  static const char * const kept[] = {
    "The council approved", "Related to the plan", "Mira how the lanes", "Work starts in March",
    "The council's press office", "More from the council's transport team",
  };
  static const char * const dropped[] = {
    "Lesen Sie auch", "PUEDES VER", "Schon gelesen", "Related: Bus", "Kontakt", "Mehr zu",
    "Further reading",
  };
  const char *text = first_text (page, -1);

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    if (strstr (text, kept[i]) == NULL)
      g_error ("lost “%s” from:\n%s", kept[i], text);
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    if (strstr (text, dropped[i]) != NULL)
      g_error ("kept “%s” in:\n%s", dropped[i], text);
}

/* Under the phrase, a paragraph of nothing but links to other articles
 * is a list of teasers however long it is; a long paragraph that opens
 * with the phrase and goes on in words of its own is the story. */
static void
test_pointer_link_lists (void)
{
  static const char page[] =
    "<html><body><article>"
    "<p>Die Stadt hat am Montag die neuen Radwege auf der Brücke freigegeben, nach einem "
    "Jahr der Versuche und zwei Bürgerversammlungen zu dem Plan.</p>"
    "<p>Siehe auch<br>\n<a href=\"/a\">Neue Radwege in der Altstadt sollen im Frühjahr "
    "kommen</a><br>\n<a href=\"/b\">Die Busse fahren ab März im Takt von zehn Minuten"
    "</a><br>\n<a href=\"/c\">Der Stadtrat streitet über die Parkplätze am Markt</a><br>\n"
    "<a href=\"/d\">Wie die Brücke vor hundert Jahren gebaut wurde und wer sie "
    "bezahlt hat</a><br>\n<a href=\"/e\">Die Pläne für den neuen Bahnhof liegen aus</a></p>"
    "<p>Siehe auch den Bericht des Stadtrats, der im Rathaus ausliegt: Er zählt die "
    "Unfälle auf der Brücke seit 2015 auf, nennt die Kosten der Radwege und sagt, wer "
    "sie bezahlt, wie lange die Arbeiten dauern und welche Straßen in der Zeit gesperrt "
    "werden, und er <a href=\"/f\">steht auch im Netz</a>.</p>"
    "<p>Die Arbeiten beginnen im März und sollen vor den Sommerferien enden, teilte die "
    "Stadt mit und dankte den Anwohnern für ihre Geduld.</p>"
    "</article></body></html>";
  const char *text = first_text (page, -1);

  g_assert_nonnull (strstr (text, "Die Stadt hat am Montag"));
  g_assert_nonnull (strstr (text, "Siehe auch den Bericht des Stadtrats"));
  g_assert_nonnull (strstr (text, "Die Arbeiten beginnen im März"));
  g_assert_null (strstr (text, "Neue Radwege in der Altstadt"));
  g_assert_null (strstr (text, "Die Pläne für den neuen Bahnhof"));
}

/* The label of a control that shows or hides part of the page, alone on
 * its line, is a button's words; a sentence that opens with the same
 * words is the story's. */
static void
test_control_labels (void)
{
  static const char page[] =
    "<html><body><article>"
    "<p>Wer in Gesellschaft oft errötet und schweigt, leidet womöglich an einer sozialen "
    "Angst, die sich gut behandeln lässt, sagen Psychologen.</p>"
    "<p>Mehr anzeigen</p>"
    "<p>Eine Therapie dauert meist einige Monate, und viele Patienten spüren schon nach "
    "wenigen Wochen eine Besserung im Alltag.</p>"
    "<p>Quellen ausblenden</p>"
    "<p>Nach oben in die Klinik gelangen die Patienten über einen eigenen Aufzug, damit "
    "sie niemandem begegnen müssen.</p>"
    "<p>^ Nach oben</p>"
    "</article></body></html>";
  const char *text = first_text (page, -1);

  g_assert_nonnull (strstr (text, "Wer in Gesellschaft oft errötet"));
  g_assert_nonnull (strstr (text, "Eine Therapie dauert"));
  g_assert_nonnull (strstr (text, "Nach oben in die Klinik"));
  g_assert_null (strstr (text, "Mehr anzeigen"));
  g_assert_null (strstr (text, "Quellen ausblenden"));
  g_assert_null (strstr (text, "^"));
}

/* The page's own address under a label is a line for copying; a line
 * that goes on in words after the address is the story's. */
static void
test_permalink_lines (void)
{
  static const char page[] =
    "<html><body><article>"
    "<p>Les éléphants quittent la forêt pour les terres fertiles, où ils détruisent les "
    "récoltes des paysans, selon une étude menée à Dakar.</p>"
    "<p>Permalien https://example.org/p/RPYx</p>"
    "<p>Les chercheurs proposent des couloirs pour les troupeaux, loin des champs, et une "
    "aide aux villages qui perdent leur récolte.</p>"
    "<ul><li>Permalink: https://example.org/news/2021/elephants.php</li></ul>"
    "<p>Permalink https://example.org/p/RPYx est l'adresse que le journal donne à chaque "
    "article, pour qu'on le retrouve plus tard.</p>"
    "</article></body></html>";
  const char *text = first_text (page, -1);

  g_assert_nonnull (strstr (text, "Les éléphants quittent"));
  g_assert_nonnull (strstr (text, "Les chercheurs proposent"));
  g_assert_nonnull (strstr (text, "est l'adresse que le journal"));
  g_assert_null (strstr (text, "Permalien"));
  g_assert_null (strstr (text, "elephants.php"));
}

/* A caption that carries its picture's credit is no part of the story,
 * however long; a long caption without one and a sentence that names an
 * agency are. */
static void
test_credited_captions (void)
{
  static const char page[] =
    "<html><body><article>"
    "<p>The skier won her third race of the season on Sunday, a second ahead of the "
    "champion, on a course the wind had made icy overnight.</p>"
    "<p>The winner on the podium. \xc2\xa9 AFP / Ann Lens</p>"
    "<p>The course from the top station (Foto: Ben Berg/dpa)</p>"
    "<p>Ann Lens/Getty Images</p>"
    "<p>Titelbild: Ben Berg</p>"
    "<p>The skier and her coach after the race. Photo: Ben Berg</p>"
    "<p>The lift was built in 1962. Photo: a postcard sold in the valley at the time.</p>"
    "<figure><img src=\"a.jpg\"><figcaption>The finish area at the foot of the course was "
    "packed with fans from both valleys long before the first racer started. \xc2\xa9 Ann "
    "Lens</figcaption></figure>"
    "<figure><img src=\"c.jpg\"><figcaption>The chairlift's new cabins, painted in the "
    "colours of the club that paid for them, climbing towards the start on the morning of "
    "the race while the last groomers left the slope <span>Credit:</span> ANN LENS"
    "</figcaption></figure>"
    "<figure><img src=\"b.jpg\"><figcaption>The old start hut, built by the first ski club "
    "in the valley, still stands beside the new one at the top of the course.</figcaption>"
    "</figure>"
    "<p>Photographers from Getty Images and other agencies waited at the finish for hours, "
    "the organisers said.</p>"
    "<p>She will race again next week in the north, where the snow is deeper and the "
    "slopes are longer than anywhere else in the series.</p>"
    "</article></body></html>";
  static const char * const kept[] = {
    "The skier won", "Photographers from Getty Images", "She will race again",
    "The old start hut", "The lift was built in 1962",
  };
  static const char * const dropped[] = {
    "The winner on the podium", "The course from the top", "Ann Lens/Getty", "Titelbild",
    "The finish area", "The skier and her coach", "The chairlift's new cabins",
  };
  const char *text = first_text (page, -1);

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    if (strstr (text, kept[i]) == NULL)
      g_error ("lost “%s” from:\n%s", kept[i], text);
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    if (strstr (text, dropped[i]) != NULL)
      g_error ("kept “%s” in:\n%s", dropped[i], text);
}

/* The site's appeals to the reader (subscribe, sign up, follow, support)
 * are not the story; a sentence of the story about subscriptions is. */
static void
test_reader_appeals (void)
{
  static const char page[] =
    "<html><body><article>"
    "<p>The regional paper will print its last weekday edition in June, its owners said, "
    "and keep a printed copy only on Saturdays from the summer on.</p>"
    "<p>Subscribe now to our weekend edition for the full story.</p>"
    "<p>Readers who subscribe to the printed paper will be offered the digital edition at "
    "the same price, the owners said in a letter to them.</p>"
    "<p>Never miss the latest news by signing up to our newsletter today!</p>"
    "<p>Follow the Courier on Twitter and on Facebook for updates.</p>"
    "<p>If you enjoyed reading this, would you consider supporting our work?</p>"
    "<p>We want to hear what you think about this article: write to the editor.</p>"
    "<p>Get the latest news straight to your phone with the Courier's app.</p>"
    "<p>Help us keep local reporting free for everyone in the valley.</p>"
    "<p>The printing works will close, and its forty staff will be offered jobs at the "
    "group's other plant, a hundred kilometres away.</p>"
    "</article></body></html>";
  static const char * const kept[] = {
    "The regional paper", "Readers who subscribe to the printed paper", "The printing works",
  };
  static const char * const dropped[] = {
    "Subscribe now", "Never miss", "Follow the Courier", "If you enjoyed", "We want to hear",
    "Get the latest", "Help us keep",
  };
  const char *text = first_text (page, -1);

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    if (strstr (text, kept[i]) == NULL)
      g_error ("lost “%s” from:\n%s", kept[i], text);
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    if (strstr (text, dropped[i]) != NULL)
      g_error ("kept “%s” in:\n%s", dropped[i], text);
}

/* Short lines labelled as the story's metadata (who, when) are not the
 * story; a sentence that mentions a date is. */
static void
test_metadata_lines (void)
{
  static const char page[] =
    "<html><body><article>"
    "<p>Publiziert: 03.04.2020, 12:35</p>"
    "<p>Von: Ada Marsh</p>"
    "<p>The ferry company published its summer timetable on Friday, with two more "
    "crossings a day than last year and a later last boat on weekends.</p>"
    "<p>Release Date:</p>"
    "<p>9. Dezember 2013</p>"
    "<p>Dienstag, 1. Februar 2022</p>"
    "<p>Aug. 16, 2020</p>"
    "<h2>Winter timetable, December 2024</h2>"
    "<p>The first boat in December 2024 leaves at seven, an hour later than in summer.</p>"
    "<p>Date of the first crossing: the timetable starts on the first of May.</p>"
    "<p>Fares stay as they are until the autumn, the company said, when it will look at "
    "the price of fuel again and decide whether they must rise.</p>"
    "</article></body></html>";
  const char *text = first_text (page, -1);

  g_assert_null (strstr (text, "Publiziert"));
  g_assert_null (strstr (text, "Von: Ada"));
  g_assert_null (strstr (text, "Release Date"));
  g_assert_null (strstr (text, "Dezember 2013"));
  g_assert_null (strstr (text, "Februar 2022"));
  g_assert_null (strstr (text, "Aug. 16"));
  g_assert_nonnull (strstr (text, "Winter timetable, December 2024"));
  g_assert_nonnull (strstr (text, "The first boat in December 2024"));
  g_assert_nonnull (strstr (text, "The ferry company published"));
  g_assert_nonnull (strstr (text, "Date of the first crossing"));
  g_assert_nonnull (strstr (text, "Fares stay as they are"));
}

/* Notes on the article (its licence, its paid links, its copyright) are
 * not the story; a sentence about an article, and a line crediting where
 * the story first appeared, are. */
static void
test_article_notes (void)
{
  static const char page[] =
    "<html><body><article>"
    "<p>This article contains affiliate links: we may earn a small commission on a purchase.</p>"
    "<p>The town's library will open on Sundays from March, the council said, after a "
    "survey found that most of its readers work on weekdays.</p>"
    "<p>This article in the council's newsletter set out the plan: four librarians will "
    "share the Sunday shifts, and the reading room will stay open until six.</p>"
    "<p>Dieser Beitrag gibt die Meinung des Autors wieder, nicht die der Redaktion.</p>"
    "<p>The library's budget grows by a tenth to pay for the longer hours, and the "
    "council will look at the number of visitors again after a year.</p>"
    "<p>© 2024 Coastal Courier. Written permission must be obtained before reprint.</p>"
    "<p>This article originally appeared in the Valley Gazette.</p>"
    "</article></body></html>";
  const char *text = first_text (page, -1);

  g_assert_null (strstr (text, "affiliate"));
  g_assert_null (strstr (text, "Meinung des Autors"));
  g_assert_null (strstr (text, "Written permission"));
  g_assert_nonnull (strstr (text, "The town's library"));
  g_assert_nonnull (strstr (text, "This article in the council's newsletter"));
  g_assert_nonnull (strstr (text, "The library's budget"));
  g_assert_nonnull (strstr (text, "originally appeared"));
}

/* The labels of a picture's zoom control are a button's words; a
 * sentence of the story about enlarging something is the story. */
static void
test_zoom_labels (void)
{
  static const char page[] =
    "<html><body><article>"
    "<p>The museum shows the restored map of the harbour for the first time since the "
    "fire, in a room of its own on the ground floor.</p>"
    "<p>Zum Vergrößern bitte anklicken</p>"
    "<p>Bild anzeigen Bild schließen</p>"
    "<p>Click to enlarge: the map as it was found in the archive.</p>"
    "<p>Vergrößern Sie den Plan im Museum mit der Lupe am Tisch, rät die Kuratorin.</p>"
    "<p>Restorers had to enlarge photographs of the map taken in 1910 to redraw the "
    "streets that the fire had burnt away.</p>"
    "</article></body></html>";
  const char *text = first_text (page, -1);

  g_assert_null (strstr (text, "Zum Vergrößern"));
  g_assert_nonnull (strstr (text, "Vergrößern Sie den Plan"));
  g_assert_null (strstr (text, "Bild anzeigen"));
  g_assert_null (strstr (text, "Click to enlarge"));
  g_assert_nonnull (strstr (text, "The museum shows"));
  g_assert_nonnull (strstr (text, "Restorers had to enlarge"));
}

/* The placeholder of an embed that waits for the reader's consent stands
 * for something that is not there; a sentence about loading is the story. */
static void
test_embed_placeholders (void)
{
  static const char page[] =
    "<html><body><article>"
    "<p>The new cycle path along the canal opens on Saturday, linking the old town with "
    "the lakes in twenty minutes.</p>"
    "<p>Klicken Sie auf den unteren Button, um den Inhalt von www.maps.example zu laden.</p>"
    "<p>Externer Inhalt</p>"
    "<p>Mit dem Laden des Beitrags akzeptieren Sie die Datenschutzerklärung des Anbieters.</p>"
    "<p>Barges will keep loading gravel at the old wharf, and the path bends around it on a "
    "new wooden bridge.</p>"
    "</article></body></html>";
  const char *text = first_text (page, -1);

  g_assert_null (strstr (text, "Klicken Sie"));
  g_assert_null (strstr (text, "Externer Inhalt"));
  g_assert_null (strstr (text, "Mit dem Laden"));
  g_assert_nonnull (strstr (text, "The new cycle path"));
  g_assert_nonnull (strstr (text, "Barges will keep loading"));
}

/* A dateline opening the first paragraph is the first sentence's first
 * words, not the byline. */
static void
test_dateline_kept (void)
{
  static const char page[] =
    "<html><body><article>"
    "<p><span class=\"dateline\">HARBOURTON – </span>The lifeboat crew rescued four "
    "sailors from a yacht that lost its mast in the storm on Sunday night, the coastguard "
    "said on Monday morning.</p>"
    "<p>The yacht was towed into the harbour at dawn, and the sailors, who were cold but "
    "unhurt, were taken to the town's hospital to be checked.</p>"
    "<p>It was the crew's eleventh call of the year, three more than in the whole of the "
    "last, and the station will ask for a second boat.</p>"
    "</article></body></html>";
  const char *text = first_text (page, -1);

  g_assert_nonnull (strstr (text, "HARBOURTON – The lifeboat crew"));
}

/* Short lines after the last sentence are labels of something gone, but
 * a post's sign-off is the author's closing words. */
static void
test_sign_off_kept (void)
{
  static const char page[] =
    "<html><body><article>"
    "<p>I finally sewed the curtains for the kitchen this weekend, from the linen I bought "
    "at the market in spring, and they fit the old window perfectly.</p>"
    "<p>The hem took longer than the rest together, but the pattern is simple enough for a "
    "first project, and I will share it next week.</p>"
    "<p>Next time I will try the same pattern with a heavier cotton for the living room, "
    "where the sun in the afternoon fades everything within a single summer.</p>"
    "<p>The offcuts went into a patchwork cushion for the reading chair, which my cat has "
    "already claimed as her own, of course, and sleeps on every afternoon.</p>"
    "<p>xx, Anna</p>"
    "<p>More on this</p>"
    "</article></body></html>";
  const char *text = first_text (page, -1);

  g_assert_nonnull (strstr (text, "xx, Anna"));
  g_assert_null (strstr (text, "More on this"));
}

/* A column's last line naming its author's post, in capitals and with no
 * stop, is a statement, kept; a short line with no verb after it is still
 * a label. */
static void
test_author_line_kept (void)
{
  static const char page[] =
    "<html><body><article>"
    "<p>The bill will be debated in the lower house this week, and on Friday the heads of "
    "the country's broadcasters will tell the committee why they want it changed.</p>"
    "<p>They should make it clear that they are as angry about this as they were about "
    "the last government's attempt to regulate the press through the back door.</p>"
    "<p>Memories of the trouble that brought the last minister would make the prime "
    "minister sit up and take notice, if nothing else in the debate does.</p>"
    "<p>The committee will report in a month, and the upper house will not vote on the "
    "bill before its report is printed and read.</p>"
    "<p><b>LAURIE SMITH IS THE NETWORK'S POLITICAL EDITOR</b></p>"
    "<p>Most read today</p>"
    "</article></body></html>";
  const char *text = first_text (page, -1);

  g_assert_nonnull (strstr (text, "LAURIE SMITH IS THE NETWORK'S POLITICAL EDITOR"));
  g_assert_null (strstr (text, "Most read"));
}

/* The story's dates loose in its box or on a line of their own are
 * furniture, whatever their form; a date in a sentence, or after a label
 * the line rules read, stays. A form's box goes with its form: its label
 * and small print ask for something no longer there. A line under an
 * image credit's label is the picture's. */
static void
test_dates_and_form_boxes (void)
{
  static const char page[] =
    "<html><head><title>Ferry keeps running</title></head><body><div class=\"main\">"
    "<article><header><h1>Ferry keeps running</h1><p class=\"byline\">by Anna Berg</p>\n"
    "<time datetime=\"2016-12-22\">22 Dec, 2016</time>\n"
    "<time datetime=\"2016-12-23\">23 Dec, 2016</time></header>"
    "<p>The council met on <time datetime=\"2016-12-20\">20 December</time> and agreed, "
    "after a long debate, to keep the ferry running through the winter months.</p>"
    "<div id=\"EmailBox\"><p>SIGN UP FOR OUR NEWSLETTER</p>"
    "<form action=\"/signup\"><input type=\"email\" name=\"email\"><p>We never share "
    "your address.</p><button>Go</button></form></div>"
    "<p>The operator said the crossings lost money every month from November to March, "
    "when fewer than twenty passengers a day made the trip.</p>"
    "<p><span><time>31 March</time></span> <span>|</span> <span><time>12:40</time></span></p>"
    "<p>Image credit: www.harbour.example/photos/</p>"
    "<p>Islanders, who met in the school hall on Friday, asked the county to pay for the "
    "winter timetable, as it does for the buses on the mainland.</p>"
    "</article></div></body></html>";
  static const char whole_form[] =
    "<html><head><title>Ferry keeps running</title></head><body><div class=\"page\">"
    "<form id=\"aspnetForm\" action=\"/default.aspx\"><div class=\"story\">"
    "<h1>Ferry keeps running</h1>"
    "<p>The council met on Monday and agreed, after a long debate, to keep the ferry "
    "running through the winter months, whatever it costs the town.</p>"
    "<p>The operator said the crossings lost money every month from November to March, "
    "when fewer than twenty passengers a day made the trip.</p>"
    "<p>Islanders, who met in the school hall on Friday, asked the county to pay for the "
    "winter timetable, as it does for the buses on the mainland.</p>"
    "</div></form></div></body></html>";
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = first_text (page, -1);

  g_assert_null (strstr (text, "Dec, 2016"));
  g_assert_null (strstr (text, "31 March"));
  g_assert_nonnull (strstr (text, "The council met on 20 December and agreed"));
  g_assert_null (strstr (text, "NEWSLETTER"));
  g_assert_null (strstr (text, "never share"));
  g_assert_null (strstr (text, "Image credit"));
  g_assert_nonnull (strstr (text, "Islanders, who met"));
  g_assert_nonnull (strstr (text, "The operator said"));

  /* A page held whole in one form keeps its article, found as one, not
   * the page's whole text taken for want of it. */
  warnings = g_ptr_array_new_with_free_func (g_free);
  docs = mg_import_html (whole_form, strlen (whole_form), "page.html", warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);
  text = mg_document_get_text (docs->pdata[0]);
  g_assert_nonnull (strstr (text, "The council met on Monday"));
  g_assert_nonnull (strstr (text, "Islanders, who met"));
}

/* A subtitle right under the headline, long as a sentence, is the
 * standfirst and leads the article; a section's heading inside the body
 * stays where it is, and a short heading under the headline is no
 * standfirst. */
static void
test_subtitle_standfirst (void)
{
#define SUBTITLE_BODY \
    "<div class=\"content\">" \
    "<p>The tenants' union in the harbour district said on Tuesday that more than four " \
    "hundred households had told it they would not pay their rent on the first of May.</p>" \
    "<h2>What the landlords say</h2>" \
    "<p>The landlords' association said it would talk to every tenant who could not pay, " \
    "but warned that buildings with many unpaid rents could not keep up their repairs.</p>" \
    "<p>The city council will discuss a fund for rents at its meeting next week, and the " \
    "mayor has said she will ask the state to share its cost.</p></div>"
  static const char page[] =
    "<html><head><title>Rent strike looms in the harbour district</title></head><body>"
    "<article><h1>Rent strike looms in the harbour district</h1>"
    "<h2>Tenants who lost their jobs this spring say they cannot pay in May, and warn "
    "the landlords</h2>"
    SUBTITLE_BODY "</article></body></html>";
  static const char kicker[] =
    "<html><head><title>Rent strike looms in the harbour district</title></head><body>"
    "<article><h1>Rent strike looms in the harbour district</h1><h2>Housing</h2>"
    SUBTITLE_BODY "</article></body></html>";
#undef SUBTITLE_BODY
  const char *text = first_text (page, -1);
  const char *lead = strstr (text, "Tenants who lost their jobs");

  g_assert_nonnull (lead);
  g_assert_true (lead < strstr (text, "The tenants' union"));
  g_assert_true (strstr (text, "The tenants' union") < strstr (text, "What the landlords say"));

  text = first_text (kicker, -1);
  g_assert_null (strstr (text, "Housing"));
}

/* The standfirst set apart from the body, under no name that says what
 * it is, shows the page's description: it leads the article. The same
 * words in a teaser after the article are no standfirst. */
static void
test_description_standfirst (void)
{
#define STANDFIRST_HEAD \
    "<html><head><title>Ferry</title>" \
    "<meta name=\"description\" content=\"The island's only ferry will stop running " \
    "in winter, leaving two hundred people to rely on a weekly boat.\"></head><body>"
#define STANDFIRST_BODY \
    "<div class=\"row\"><div class=\"col\"><div class=\"body\">" \
    "<p>The operator said the crossings lost money every month from November to March, " \
    "when fewer than twenty passengers a day made the trip, and that fuel, wages and " \
    "repairs had all gone up.</p>" \
    "<p>Islanders, who met in the school hall on Friday, asked the county to pay for the " \
    "winter timetable, as it does for the buses, trains and trams on the mainland.</p>" \
    "<p>The county said it would look at the cost, but warned that its budget for " \
    "transport, roads and harbours was already spent until the spring.</p>" \
    "<p>A weekly supply boat, which carries post, food and fuel, will still call on " \
    "Tuesdays, and the doctor, nurse and vet will come with it.</p>" \
    "</div></div><div class=\"side\"><p><a href=\"/a\">Other news</a></p></div></div>"
#define STANDFIRST_COPY \
    "<div class=\"c-top__copy\">The island's only ferry will stop running in winter, " \
    "leaving two hundred people to rely on a weekly boat.</div>"
  static const char page[] =
    STANDFIRST_HEAD "<div class=\"hero\"><h1>Ferry</h1>" STANDFIRST_COPY "</div>"
    STANDFIRST_BODY "</body></html>";
  static const char teaser[] =
    STANDFIRST_HEAD "<h1>Ferry</h1>" STANDFIRST_BODY
    "<div class=\"c-more\">" STANDFIRST_COPY "</div></body></html>";
  const char *text = first_text (page, -1);
  const char *lead = strstr (text, "The island's only ferry");

  g_assert_nonnull (lead);
  g_assert_true (lead < strstr (text, "The operator said"));
  g_assert_nonnull (strstr (text, "the doctor, nurse and vet"));
  text = first_text (teaser, -1);
  g_assert_null (strstr (text, "The island's only ferry"));
  g_assert_nonnull (strstr (text, "The operator said"));
#undef STANDFIRST_HEAD
#undef STANDFIRST_BODY
#undef STANDFIRST_COPY
}

/* Of the containers that score near the best, the one that holds the
 * page's description is the article: a list of names, each with a comma,
 * can outscore a letter's paragraphs. */
static void
test_description_candidate (void)
{
  GString *page = g_string_new ("<html><head><title>Letter</title>"
                                "<meta name=\"description\" content=\"The harbour board should "
                                "keep the old lighthouse open to visitors, say the signatories "
                                "of this letter.\"></head><body>"
                                "<div class=\"wrap\"><h2>Letters</h2><div class=\"main\">"
                                "<div class=\"letter\"><p>The harbour board should keep the old "
                                "lighthouse open to visitors, say the signatories of this "
                                "letter.</p>");
  g_autofree char *html = NULL;
  const char *text;

  for (guint i = 0; i < 6; i++)
    g_string_append_printf (page, "<p>The lighthouse, which has stood on the point since %u, "
                            "guides boats, ferries and yachts into the bay, and walkers come "
                            "to it all year.</p>", 1850 + i);
  g_string_append (page, "</div></div></div><div class=\"wrap\"><h2>Signed</h2>"
                   "<div class=\"side\"><h3>Names</h3><div class=\"names\"><p>");
  for (guint i = 0; i < 60; i++)
    g_string_append_printf (page, "Ann Lee%u, Harbourton<br>", i);
  g_string_append (page, "</p></div></div></div></body></html>");
  html = g_string_free (page, FALSE);
  text = first_text (html, -1);
  g_assert_nonnull (strstr (text, "since 1855, guides boats"));
  g_assert_null (strstr (text, "Ann Lee"));
}

/* A <title> the parser puts in the body (the page's <head> breaks before
 * it) names the page in the browser's tab: it is not a line of the text. */
static void
test_title_in_body (void)
{
  static const char page[] =
    "<html><head><script></script><div></div>"
    "<meta property=\"og:title\" content=\"Dam opens\">"
    "<title>Dam opens - The Valley Times</title><h1>Dam opens</h1>"
    "<p>The new dam above the village opened on Monday, two years late, after a winter "
    "of floods, strikes and a landslide that closed the only road to the site.</p>"
    "<p>Its lake will hold water for three towns through the summer, the water board "
    "said, and its turbines will light four thousand homes.</p>"
    "<p>Fishermen, who fought the plan in court, said the river below it had already "
    "fallen, and that the trout, eels and salmon would be gone by the autumn.</p>"
    "</html>";
  const char *text = first_text (page, -1);

  g_assert_null (strstr (text, "The Valley Times"));
  g_assert_nonnull (strstr (text, "The new dam above the village"));
}

/* A dialog waits hidden until the reader opens it: its steps are not
 * the story. */
static void
test_dialog_left_out (void)
{
  static const char page[] =
    "<html><head><title>Dam opens</title></head><body><div class=\"page\">"
    "<div class=\"story\"><h1>Dam opens</h1>"
    "<p>The new dam above the village opened on Monday, two years late, after a winter "
    "of floods, strikes and a landslide that closed the only road to the site.</p>"
    "<p>Its lake will hold water for three towns through the summer, the water board "
    "said, and its turbines will light four thousand homes.</p>"
    "<p>Fishermen, who fought the plan in court, said the river below it had already "
    "fallen, and that the trout, eels and salmon would be gone by the autumn.</p></div>"
    "<div id=\"homepagedialog\"><h2>Make us your home page</h2>"
    "<p>In the settings window of your browser, select General, then type our address, "
    "the name of the valley, in the box next to Home page.</p></div>"
    "</div></body></html>";
  const char *text = first_text (page, -1);

  g_assert_nonnull (strstr (text, "trout, eels and salmon"));
  g_assert_null (strstr (text, "settings window"));
}

/* A page that loads the next articles as the reader scrolls holds
 * several: the page's own is the one under the page's title, though the
 * next one be longer. */
static void
test_scrolled_articles (void)
{
  GString *page = g_string_new ("<html><head><title>Dam opens | The Valley Times</title>"
                                "<meta property=\"og:title\" content=\"Dam opens\"></head>"
                                "<body><main><div class=\"scroll\">"
                                "<article class=\"entry\"><header><h1>Dam opens</h1></header>"
                                "<div class=\"entry-text\">"
                                "<p>The new dam above the village opened on Monday, two years "
                                "late, after a winter of floods, strikes and a landslide.</p>"
                                "<p>Its lake will hold water for three towns through the summer, "
                                "the water board said, and its turbines will light four "
                                "thousand homes.</p>"
                                "<p>Fishermen, who fought the plan in court, said the river below "
                                "it had already fallen, and that the trout would be gone.</p>"
                                "<p>The water board said it would release more water in the "
                                "spring, when the salmon, eels and trout swim up the river, and "
                                "that it would stock the lake with fish every year.</p>"
                                "</div></article>"
                                "<article class=\"entry\"><header><h1>Mayor resigns</h1></header>"
                                "<div class=\"entry-text\">");
  g_autofree char *html = NULL;
  const char *text;

  for (guint i = 0; i < 8; i++)
    g_string_append_printf (page, "<p>The mayor, who has led the town council for %u years, "
                            "said on Tuesday that she would step down, and that the budget, "
                            "the schools and the roads needed a younger hand.</p>", 10 + i);
  g_string_append (page, "</div></article></div></main></body></html>");
  html = g_string_free (page, FALSE);
  text = first_text (html, -1);
  g_assert_nonnull (strstr (text, "The new dam above the village"));
  g_assert_null (strstr (text, "The mayor, who has led"));
}

/* A line set apart in a <center> is a line like a paragraph: an
 * advertisement's label there is no part of the story. */
static void
test_centered_lines (void)
{
  static const char page[] =
    "<html><head><title>Dam opens</title></head><body><article><h1>Dam opens</h1>"
    "<p>The new dam above the village opened on Monday, two years late, after a winter "
    "of floods, strikes and a landslide that closed the only road to the site.</p>"
    "<center>- Anzeige -<br></center>"
    "<p>Its lake will hold water for three towns through the summer, the water board "
    "said, and its turbines will light four thousand homes.</p>"
    "<center>Foto: Anna Berg</center>"
    "<p>Fishermen, who fought the plan in court, said the river below it had already "
    "fallen, and that the trout, eels and salmon would be gone by the autumn.</p>"
    "</article></body></html>";
  const char *text = first_text (page, -1);

  g_assert_nonnull (strstr (text, "trout, eels and salmon"));
  g_assert_null (strstr (text, "Anzeige"));
  g_assert_null (strstr (text, "Anna Berg"));
}

/* The classes of <html> name the site and its scripts' states: a page
 * whose <html> is "ads-enabled" is still read for its article, and what
 * is hidden or set aside around it stays out. */
static void
test_page_classes (void)
{
  static const char page[] =
    "<html class=\"js ads-enabled header--big\"><head><title>Dam opens</title></head><body>"
    "<div class=\"sidebar\"><p>Weather in the valley: rain, then sun by the weekend, with "
    "winds from the west and a cold night on Thursday.</p></div>"
    "<div class=\"story\"><h1>Dam opens</h1>"
    "<p>The new dam above the village opened on Monday, two years late, after a winter "
    "of floods, strikes and a landslide that closed the only road to the site.</p>"
    "<p>Its lake will hold water for three towns through the summer, the water board "
    "said, and its turbines will light four thousand homes.</p>"
    "<p>Fishermen, who fought the plan in court, said the river below it had already "
    "fallen, and that the trout, eels and salmon would be gone by the autumn.</p>"
    "<p>The water board said it would release more water in the spring, when the fish "
    "swim up the river, and that it would stock the lake with trout every year.</p></div>"
    "<div style=\"display:none !important;\"><span>tracker.scrape({ 'page_attr': "
    "{meta_name: 'Description'}});</span></div></body></html>";
  const char *text = first_text (page, -1);

  g_assert_nonnull (strstr (text, "trout, eels and salmon"));
  g_assert_null (strstr (text, "tracker.scrape"));
  g_assert_null (strstr (text, "Weather in the valley"));
}

/* A line of figures and separators is a date only with a date's shape,
 * a time of day or a month: coordinates and a phone number stay. */
static void
test_figures_not_dates (void)
{
  static const char page[] =
    "<html><head><title>Camp in the maples</title></head><body><article>"
    "<h1>Camp in the maples</h1>"
    "<p>23.10.2018</p>"
    "<p>The camp sits above the river, among maples that turn red in the last week of "
    "October, and its owner lights the stove for the showers every evening.</p>"
    "<p>24. M\xc3\xa4rz 2004, 19:49</p>"
    "<p>Tents pay six hundred a night; the road up is narrow, and cars wait at the "
    "bridge until noon while the trucks of the farmers come down.</p>"
    "<p>GPS: N24 39 16.4 E121 18 19.5</p>"
    "<p>Phone: 0201-2402-0</p>"
    "<p>In the maple season the camp opens its field only after noon, when the last "
    "guests of the night before have packed their tents and left.</p>"
    "</article></body></html>";
  const char *text = first_text (page, -1);

  g_assert_nonnull (strstr (text, "GPS: N24 39 16.4 E121 18 19.5"));
  g_assert_nonnull (strstr (text, "Phone: 0201-2402-0"));
  g_assert_null (strstr (text, "23.10.2018"));
  g_assert_null (strstr (text, "19:49"));
}

/* A paragraph that is mostly a link points to another article, unless
 * the link is the words of a sentence begun before it. */
static void
test_links_in_sentence (void)
{
  static const char page[] =
    "<html><head><title>New spokesman</title></head><body><article>"
    "<h1>New spokesman</h1>"
    "<p>The company named a new spokesman on Monday, who will speak for it to the press "
    "at home and abroad, and lead its campaigns in the spring.</p>"
    "<p>He replaces Anna Berg, <a href=\"/anna-berg\">who for eight months did the work "
    "alongside her own in the marketing team.</a></p>"
    "<p>Read more: <a href=\"/other\">The company opens a second plant in the north</a></p>"
    "<p>Before that he spoke for an insurer for four years, and for a bank in the capital, "
    "where he had started as a reporter of its staff magazine.</p>"
    "</article></body></html>";
  const char *text = first_text (page, -1);

  g_assert_nonnull (strstr (text, "He replaces Anna Berg, who for eight months"));
  g_assert_null (strstr (text, "second plant"));
}

/* A story cut into boxes of one class, each in a section of the page's
 * grid with advertisements between, is read whole and in order; a box
 * of another class is not part of it. */
static void
test_split_story (void)
{
  static const char page[] =
    "<html><head><title>Dam opens</title></head><body><main>"
    "<section class=\"grid\"><h1>Dam opens</h1><div class=\"column\">"
    "<div class=\"story-text\"><p>The new dam above the village opened on Monday, two "
    "years late, after a winter of floods, strikes and a landslide that closed the only "
    "road to the site for a month.</p></div>"
    "<aside class=\"story-ad\"><div class=\"slot\"></div></aside></div></section>"
    "<section class=\"grid\"><div class=\"column\"><div class=\"story-text\">"
    "<p>Its lake will hold water for three towns through the summer, the water board "
    "said, and its turbines will light four thousand homes in the valley.</p>"
    "<p>Fishermen, who fought the plan in court, said the river below it had already "
    "fallen, and that the trout, eels and salmon would be gone by the autumn.</p>"
    "<p>The board said it would release more water in the spring, when the fish swim up "
    "the river, and that it would stock the lake with trout every year.</p>"
    "<p>The village, which lost its road for a month, will have a new one, paid for by "
    "the board, before the winter, its mayor said on Monday.</p></div>"
    "<aside class=\"story-ad\"><div class=\"slot\"></div></aside></div></section>"
    "<section class=\"grid\"><div class=\"column\"><div class=\"story-text\">"
    "<p>The dam cost twice what was planned, and the board has not said who will pay "
    "the rest of the bill, which the towns fear will come with the water.</p></div>"
    "<aside class=\"story-ad\"><div class=\"slot\"></div></aside></div></section>"
    "<section class=\"grid teasers\"><div class=\"column\"><div class=\"teaser-text\">"
    "<p>Elsewhere in the valley, a baker who has sold bread from a cart for forty years "
    "hands his round to his granddaughter, who will keep the cart and the horse.</p>"
    "</div></div></section></main></body></html>";
  const char *text = first_text (page, -1);
  const char *first = strstr (text, "two years late");
  const char *middle = strstr (text, "trout, eels and salmon");
  const char *last = strstr (text, "twice what was planned");

  g_assert_nonnull (first);
  g_assert_nonnull (middle);
  g_assert_nonnull (last);
  g_assert_true (first < middle && middle < last);
  g_assert_null (strstr (text, "baker"));
}

/* The article's own <header>, named as headers are, holds its
 * standfirst, which leads the story. */
static void
test_lead_in_header (void)
{
  static const char page[] =
    "<html><head><title>Dam opens</title></head><body><article class=\"post\">"
    "<header class=\"entry-header\"><h1>Dam opens</h1>"
    "<div class=\"entry-excerpt\"><p>Two years late and at twice the cost, the valley's "
    "new dam holds water for three towns.</p></div></header>"
    "<div class=\"entry-content\">"
    "<p>The new dam above the village opened on Monday, after a winter of floods, strikes "
    "and a landslide that closed the only road to the site for a month.</p>"
    "<p>Its lake will hold water for three towns through the summer, the water board "
    "said, and its turbines will light four thousand homes in the valley.</p>"
    "<p>Fishermen, who fought the plan in court, said the river below it had already "
    "fallen, and that the trout, eels and salmon would be gone by the autumn.</p>"
    "<p>The board said it would release more water in the spring, when the fish swim up "
    "the river, and that it would stock the lake with trout every year.</p>"
    "</div></article></body></html>";
  const char *text = first_text (page, -1);
  const char *lead = strstr (text, "Two years late and at twice the cost");

  g_assert_nonnull (lead);
  g_assert_true (lead < strstr (text, "The new dam above the village"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-html/extraction-f1", test_extraction_f1);
  g_test_add_func ("/import-html/boilerplate", test_boilerplate_left_out);
  g_test_add_func ("/import-html/meta", test_meta);
  g_test_add_func ("/import-html/charset", test_charset);
  g_test_add_func ("/import-html/structure", test_structure);
  g_test_add_func ("/import-html/bad-input", test_bad_input);
  g_test_add_func ("/import-html/slug", test_slug);
  g_test_add_func ("/import-html/title-split-utf8", test_title_split_utf8);
  g_test_add_func ("/import-html/title-site-name", test_title_site_name);
  g_test_add_func ("/import-html/tree-made-valid", test_tree_made_valid);
  g_test_add_func ("/import-html/hostile-references", test_hostile_references);
  g_test_add_func ("/import-html/json-ld-broken-pair", test_json_ld_broken_pair);

  g_test_add_func ("/import-html/unclosed-font", test_unclosed_font);
  g_test_add_func ("/import-html/huge-text-node", test_huge_text_node);
  g_test_add_func ("/import-html/furniture-rules", test_furniture_rules);
  g_test_add_func ("/import-html/headline-leads", test_headline_leads);
  g_test_add_func ("/import-html/article-found-anyway", test_article_found_anyway);
  g_test_add_func ("/import-html/whole-page-fallback", test_whole_page_fallback);
  g_test_add_func ("/import-html/description-finds-article", test_description_finds_article);
  g_test_add_func ("/import-html/pointer-lines", test_pointer_lines);
  g_test_add_func ("/import-html/pointer-link-lists", test_pointer_link_lists);
  g_test_add_func ("/import-html/control-labels", test_control_labels);
  g_test_add_func ("/import-html/permalink-lines", test_permalink_lines);
  g_test_add_func ("/import-html/credited-captions", test_credited_captions);
  g_test_add_func ("/import-html/reader-appeals", test_reader_appeals);
  g_test_add_func ("/import-html/metadata-lines", test_metadata_lines);
  g_test_add_func ("/import-html/article-notes", test_article_notes);
  g_test_add_func ("/import-html/zoom-labels", test_zoom_labels);
  g_test_add_func ("/import-html/embed-placeholders", test_embed_placeholders);
  g_test_add_func ("/import-html/dateline-kept", test_dateline_kept);
  g_test_add_func ("/import-html/sign-off-kept", test_sign_off_kept);
  g_test_add_func ("/import-html/author-line-kept", test_author_line_kept);
  g_test_add_func ("/import-html/subtitle-standfirst", test_subtitle_standfirst);
  g_test_add_func ("/import-html/dates-and-form-boxes", test_dates_and_form_boxes);
  g_test_add_func ("/import-html/description-standfirst", test_description_standfirst);
  g_test_add_func ("/import-html/description-candidate", test_description_candidate);
  g_test_add_func ("/import-html/title-in-body", test_title_in_body);
  g_test_add_func ("/import-html/dialog-left-out", test_dialog_left_out);
  g_test_add_func ("/import-html/scrolled-articles", test_scrolled_articles);
  g_test_add_func ("/import-html/centered-lines", test_centered_lines);
  g_test_add_func ("/import-html/portal-title", test_portal_title);
  g_test_add_func ("/import-html/page-classes", test_page_classes);
  g_test_add_func ("/import-html/figures-not-dates", test_figures_not_dates);
  g_test_add_func ("/import-html/links-in-sentence", test_links_in_sentence);
  g_test_add_func ("/import-html/split-story", test_split_story);
  g_test_add_func ("/import-html/lead-in-header", test_lead_in_header);

  return g_test_run ();
}
