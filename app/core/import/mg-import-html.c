/* mg-import-html.c: HTML import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-import-html"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "mg-charset.h"
#include "mg-document.h"
#include "mg-error.h"
#include "mg-html-extract.h"
#include "mg-import-html.h"
#include "mg-import-private.h"
#include "mg-import.h"
#include "mg-json-reader.h"
#include "mg-xml-private.h"

/* JSON-LD comes from the page, so it is untrusted: bounded in size, and
 * read by the strict reader, which bounds its nesting. */
#define JSON_LD_MAX_BYTES (512 * 1024)
#define JSON_LD_MAX_DEPTH 64

typedef struct
{
  GHashTable *meta;      /* lower-case name or property -> content */
  char       *ld_title;
  char       *ld_author;
  char       *ld_published;
  char       *ld_site;
  char       *ld_description;
  char       *ld_url;
  char       *doc_title; /* <title> */
  char       *canonical;
  char       *lang;
  char       *h1;        /* the only <h1>, if there is one */
  guint       n_h1;
} PageMeta;

static void
page_meta_clear (PageMeta *pm)
{
  g_clear_pointer (&pm->meta, g_hash_table_unref);
  g_free (pm->ld_title);
  g_free (pm->ld_author);
  g_free (pm->ld_published);
  g_free (pm->ld_site);
  g_free (pm->ld_description);
  g_free (pm->ld_url);
  g_free (pm->doc_title);
  g_free (pm->canonical);
  g_free (pm->lang);
  g_free (pm->h1);
}

static char *
prop (xmlNodePtr  node,
      const char *name)
{
  xmlChar *v = xmlGetProp (node, (const xmlChar *) name);
  char *s = v ? g_strdup ((const char *) v) : NULL;

  xmlFree (v);
  return s;
}

static char *
node_text_line (xmlNodePtr node)
{
  xmlChar *v = xmlNodeGetContent (node);
  char *s = _mg_import_clean_line ((const char *) v);

  xmlFree (v);
  return s;
}

static const char *
json_string_member (JsonObject *obj,
                    const char *name)
{
  JsonNode *n = json_object_get_member (obj, name);

  if (n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
    return json_node_get_string (n);
  return NULL;
}

/* A person or organisation: its name, or the names of a list of them. */
static char *
json_names (JsonNode *node)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return _mg_import_clean_line (json_node_get_string (node));
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _mg_import_clean_line (json_string_member (json_node_get_object (node), "name"));
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < json_array_get_length (a) && i < 20; i++)
        {
          char *n = json_names (json_array_get_element (a, i));
          if (n != NULL)
            g_ptr_array_add (names, n);
        }
      g_ptr_array_add (names, NULL);
      return names->len > 1 ? g_strjoinv (", ", (char **) names->pdata) : NULL;
    }
  return NULL;
}

static gboolean
is_article_type (JsonObject *obj)
{
  static const char * const types[] = {
    "Article", "NewsArticle", "AnalysisNewsArticle", "BackgroundNewsArticle",
    "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle",
    "Report", "SatiricalArticle", "ScholarlyArticle", "SocialMediaPosting",
    "BlogPosting", "LiveBlogPosting", "TechArticle", "WebPage",
  };
  const char *type = json_string_member (obj, "@type");

  if (type == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (strcmp (type, types[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
read_json_ld_object (PageMeta   *pm,
                     JsonObject *obj)
{
  JsonNode *publisher = json_object_get_member (obj, "publisher");

  if (pm->ld_title == NULL)
    {
      pm->ld_title = _mg_import_clean_line (json_string_member (obj, "headline"));
      if (pm->ld_title == NULL)
        pm->ld_title = _mg_import_clean_line (json_string_member (obj, "name"));
    }
  if (pm->ld_author == NULL)
    pm->ld_author = json_names (json_object_get_member (obj, "author"));
  if (pm->ld_published == NULL)
    pm->ld_published = _mg_import_clean_line (json_string_member (obj, "datePublished"));
  if (pm->ld_description == NULL)
    pm->ld_description = _mg_import_clean_line (json_string_member (obj, "description"));
  if (pm->ld_url == NULL)
    pm->ld_url = _mg_import_clean_line (json_string_member (obj, "url"));
  if (pm->ld_site == NULL && publisher != NULL)
    pm->ld_site = json_names (publisher);
}

static void
read_json_ld (PageMeta   *pm,
              const char *text)
{
  g_autoptr(JsonNode) node = NULL;
  MgJsonReader reader;
  JsonNode *root;
  gsize n = strlen (text);

  if (n > JSON_LD_MAX_BYTES)
    return;
  /* One value of strict JSON, or the script is not read at all. */
  mg_json_reader_init (&reader, text, n, JSON_LD_MAX_DEPTH);
  node = mg_json_reader_read_node (&reader);
  if (node != NULL && !mg_json_reader_end (&reader))
    g_clear_pointer (&node, json_node_unref);
  mg_json_reader_clear (&reader);
  root = node;

  /* A script holds one object, a list of them, or an @graph of them. */
  for (int round = 0; round < 2 && root != NULL; round++)
    {
      JsonArray *items = NULL;

      if (JSON_NODE_HOLDS_OBJECT (root))
        {
          JsonObject *obj = json_node_get_object (root);
          JsonNode *graph = json_object_get_member (obj, "@graph");

          if (is_article_type (obj))
            {
              read_json_ld_object (pm, obj);
              return;
            }
          if (graph == NULL || !JSON_NODE_HOLDS_ARRAY (graph))
            return;
          items = json_node_get_array (graph);
        }
      else if (JSON_NODE_HOLDS_ARRAY (root))
        items = json_node_get_array (root);
      else
        return;

      root = NULL;
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonNode *item = json_array_get_element (items, i);

          if (JSON_NODE_HOLDS_OBJECT (item) && is_article_type (json_node_get_object (item)))
            {
              read_json_ld_object (pm, json_node_get_object (item));
              return;
            }
          if (JSON_NODE_HOLDS_OBJECT (item) && root == NULL &&
              json_object_has_member (json_node_get_object (item), "@graph"))
            root = item;
        }
    }
}

static void
read_meta_element (PageMeta   *pm,
                   xmlNodePtr  node)
{
  g_autofree char *content = prop (node, "content");
  g_autofree char *clean = _mg_import_clean_line (content);
  const char *keys[] = { "property", "name", "itemprop" };

  if (clean == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *key = prop (node, keys[i]);
      g_auto(GStrv) parts = NULL;

      if (key == NULL)
        continue;
      /* property="og:title article:author" names two keys at once. */
      parts = g_strsplit_set (g_strstrip (key), " \t\n", -1);
      for (guint j = 0; parts[j] != NULL; j++)
        if (*parts[j] && !g_hash_table_contains (pm->meta, parts[j]))
          g_hash_table_insert (pm->meta, g_ascii_strdown (parts[j], -1), g_strdup (clean));
    }
}

static void
read_page_meta (PageMeta   *pm,
                htmlDocPtr  doc)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);

  pm->meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (root == NULL)
    return;
  pm->lang = prop (root, "lang");
  for (xmlNodePtr n = root; n != NULL;)
    {
      gboolean skip = FALSE;

      if (n->type == XML_ELEMENT_NODE)
        {
          const char *name = (const char *) n->name;

          if (strcmp (name, "meta") == 0)
            read_meta_element (pm, n);
          else if (strcmp (name, "title") == 0 && pm->doc_title == NULL)
            pm->doc_title = node_text_line (n), skip = TRUE;
          else if (strcmp (name, "h1") == 0)
            {
              if (pm->n_h1++ == 0)
                pm->h1 = node_text_line (n);
              skip = TRUE;
            }
          else if (strcmp (name, "link") == 0 && pm->canonical == NULL)
            {
              g_autofree char *rel = prop (n, "rel");
              if (rel != NULL && g_ascii_strcasecmp (rel, "canonical") == 0)
                pm->canonical = prop (n, "href");
            }
          else if (strcmp (name, "script") == 0)
            {
              g_autofree char *type = prop (n, "type");
              if (type != NULL && g_ascii_strcasecmp (g_strstrip (type), "application/ld+json") == 0)
                {
                  xmlChar *text = xmlNodeGetContent (n);
                  if (text != NULL)
                    read_json_ld (pm, (const char *) text);
                  xmlFree (text);
                }
              skip = TRUE;
            }
          else if (strcmp (name, "style") == 0)
            skip = TRUE;
        }
      /* Document order, without recursion: pages nest deeply. */
      if (!skip && n->children != NULL && n->type == XML_ELEMENT_NODE)
        n = n->children;
      else
        {
          while (n != NULL && n->next == NULL)
            n = n->parent == (xmlNodePtr) doc ? NULL : n->parent;
          if (n != NULL)
            n = n->next;
        }
    }
}

static const char *
meta_first (PageMeta           *pm,
            const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *v = g_hash_table_lookup (pm->meta, keys[i]);

      if (v != NULL)
        return v;
    }
  return NULL;
}

static guint
word_count (const char *s)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (; *s; s++)
    {
      gboolean space = g_ascii_isspace (*s);

      n += !space && !in_word;
      in_word = !space;
    }
  return n;
}

/* The first of the characters that separate a title's parts, or the end;
 * by character, since "»" is two bytes that other characters contain. */
static const char *
first_separator (const char *text)
{
  const char *p;

  for (p = text; *p; p = g_utf8_next_char (p))
    if (strchr ("|-\\/>", *p) != NULL || g_str_has_prefix (p, "»"))
      return p;
  return p;
}

/* Chinese portals name a page "Story_Channel_Site": the parts after the
 * story are a word or two each, with no space and no underscore of their
 * own. Returns the story, or %NULL for a title not written so. */
static char *
portal_title (const char *title)
{
  g_auto(GStrv) parts = g_strsplit (title, "_", 0);
  guint n = g_strv_length (parts);

  /* Counted in characters: words apart by spaces are few in Chinese. */
  if (n < 2 || n > 4 || g_utf8_strlen (parts[0], -1) < 8)
    return NULL;
  for (guint i = 1; i < n; i++)
    if (*parts[i] == '\0' || g_utf8_strlen (parts[i], -1) > 12 || strchr (parts[i], ' ') != NULL)
      return NULL;
  return g_strdup (parts[0]);
}

/* The title from <title>, without the site's name: "Story | Site" and
 * "Site: Story" are common; a title left too short keeps its parts. */
static char *
page_title (PageMeta *pm)
{
  const char *orig = pm->doc_title;
  g_autofree char *cur = NULL;
  gboolean hierarchical = FALSE;
  g_autoptr(GMatchInfo) info = NULL;
  static GRegex *sep, *hier;
  static gsize once = 0;

  /* Compiled once: importing a small page is quick, and the fuzzer and
   * batch imports call this thousands of times. */
  if (g_once_init_enter (&once))
    {
      sep = g_regex_new (" [|\\-\\\\/>»] ", G_REGEX_OPTIMIZE, 0, NULL);
      hier = g_regex_new (" [\\\\/>»] ", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }

  if (orig == NULL)
    return g_strdup (pm->h1);

  if (g_regex_match (sep, orig, 0, &info))
    {
      int last = -1;

      hierarchical = g_regex_match (hier, orig, 0, NULL);
      while (g_match_info_matches (info))
        {
          g_match_info_fetch_pos (info, 0, &last, NULL);
          g_match_info_next (info, NULL);
        }
      cur = g_strndup (orig, last);
      if (word_count (cur) < 3)
        {
          const char *p = first_separator (orig);

          g_free (cur);
          /* Drop the first part and its separator instead. */
          cur = g_strdup (*p ? p + (g_str_has_prefix (p, "»") ? strlen ("»") : 1) : orig);
        }
    }
  else if (strstr (orig, ": ") != NULL && g_strcmp0 (pm->h1, orig) != 0)
    {
      const char *after_last = strrchr (orig, ':') + 1;
      const char *after_first = strchr (orig, ':') + 1;

      if (word_count (after_last) < 3)
        cur = g_strdup (after_first);
      else
        {
          g_autofree char *before = g_strndup (orig, after_first - 1 - orig);
          cur = g_strdup (word_count (before) > 5 ? orig : after_last);
        }
    }
  else if ((g_utf8_strlen (orig, -1) > 150 || g_utf8_strlen (orig, -1) < 15) &&
           pm->n_h1 == 1 && pm->h1 != NULL)
    cur = g_strdup (pm->h1);
  else
    cur = g_strdup (orig);

  g_strstrip (cur);
  if (word_count (cur) <= 4 && !hierarchical)
    return g_strdup (orig);
  return g_steal_pointer (&cur);
}

/* Entities a page escaped twice ("&amp;ndash;" in a <meta>, "&#8211;"
 * in JSON-LD) reach us as "&ndash;": no title means those characters, so
 * a well-formed entity left in a value is read once more. */
static char *
unescape_again (const char *text)
{
  GString *s;

  if (text == NULL)
    return NULL;
  if (strchr (text, '&') == NULL)
    return g_strdup (text);
  s = g_string_sized_new (strlen (text));
  for (const char *p = text; *p;)
    {
      const char *semi = *p == '&' ? strchr (p, ';') : NULL;
      gunichar c = 0;

      if (semi != NULL && semi - p > 2 && semi - p <= 10)
        {
          g_autofree char *name = g_strndup (p + 1, semi - p - 1);

          if (name[0] == '#' && (name[1] == 'x' || name[1] == 'X'))
            c = name[2] && strspn (name + 2, "0123456789abcdefABCDEF") == strlen (name + 2)
                  ? (gunichar) g_ascii_strtoull (name + 2, NULL, 16) : 0;
          else if (name[0] == '#')
            c = strspn (name + 1, "0123456789") == strlen (name + 1)
                  ? (gunichar) g_ascii_strtoull (name + 1, NULL, 10) : 0;
          else
            c = _mg_html_entity_value (name);
          /* Never a control character or half of a pair out of a title. */
          if (c < 0x20 || !g_unichar_validate (c))
            c = 0;
        }
      if (c != 0)
        {
          g_string_append_unichar (s, c);
          p = semi + 1;
        }
      else
        g_string_append_c (s, *p++);
    }
  return g_string_free (s, FALSE);
}

/* The page's own address: its canonical link, else what its meta or
 * JSON-LD give. */
static const char *
page_url (PageMeta *pm)
{
  static const char * const urls[] = { "og:url", "twitter:url", NULL };

  if (pm->canonical != NULL)
    return pm->canonical;
  return meta_first (pm, urls) ? meta_first (pm, urls) : pm->ld_url;
}

static const char *
site_name (PageMeta *pm)
{
  static const char * const sites[] = { "og:site_name", "application-name", NULL };

  return pm->ld_site ? pm->ld_site : meta_first (pm, sites);
}

/* Whether @p starts a separator between a title's parts: a bar, dash,
 * colon, bullet, guillemet or slash, with the spaces around it. Returns
 * the first character after it, or %NULL. A hyphen or a slash joins the
 * words of a name too ("adac-kindersitztest"), and a guillemet opens a
 * quotation, so they need spaces both sides. */
static const char *
after_separator (const char *p)
{
  static const char * const marks[] = {
    "::", "|", "｜", "–", "—", "·", "•", "⋆", ":", NULL
  };
  static const char * const spaced[] = { "-", "/", "\\", "~", "»", NULL };
  gsize before = strspn (p, " ");

  p += before;
  for (guint i = 0; marks[i] != NULL; i++)
    if (g_str_has_prefix (p, marks[i]))
      {
        p += strlen (marks[i]);
        return p + strspn (p, " ");
      }
  for (guint i = 0; spaced[i] != NULL; i++)
    if (g_str_has_prefix (p, spaced[i]) && before > 0 && p[strlen (spaced[i])] == ' ')
      {
        p += strlen (spaced[i]);
        return p + strspn (p, " ");
      }
  return NULL;
}

/* @text lower-cased with only its letters and digits: "Neues
 * Deutschland" and "neues-deutschland.de" differ only in what this
 * drops. */
static char *
comparable_name (const char *text,
                 gssize      len)
{
  g_autofree char *folded = g_utf8_casefold (text, len);
  GString *s = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (s, g_utf8_get_char (p));
  return g_string_free (s, FALSE);
}

static gboolean
names_site (const char         *part,
            gssize              len,
            const char * const *names)
{
  g_autofree char *c = comparable_name (part, len);

  return *c != '\0' && g_strv_contains (names, c);
}

/* The names a page's site goes by: the one it gives, and its address's
 * host with and without the domain's ending ("rp.pl", "rp"). */
static GPtrArray *
site_names (PageMeta *pm)
{
  static const char * const hosts[] = { "www.", "m.", "amp.", NULL };
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *site = unescape_again (site_name (pm));
  const char *url = page_url (pm);
  const char *host = url ? strstr (url, "://") : NULL;

  if (site != NULL)
    g_ptr_array_add (names, comparable_name (site, -1));
  if (host != NULL)
    {
      g_autofree char *h = g_strndup (host + 3, strcspn (host + 3, "/:?#"));
      const char *name = h;
      const char *dot;

      for (guint i = 0; hosts[i] != NULL; i++)
        if (g_str_has_prefix (name, hosts[i]))
          name += strlen (hosts[i]);
      dot = strrchr (name, '.');
      g_ptr_array_add (names, comparable_name (name, -1));
      if (dot != NULL && dot > name)
        g_ptr_array_add (names, comparable_name (name, dot - name));
    }
  g_ptr_array_add (names, NULL);
  return names;
}

/* A title often carries the site's name: "Story - Site", "Story | Site",
 * "Site: Story", "Story (site.de)". The part is the site's, not the
 * story's, when it is one of the page's names for its site; what is left
 * must still read as a headline. */
static char *
without_site_name (const char         *title,
                   const char * const *names)
{
  gsize tn = strlen (title);

  /* Past a few lines it is no page's title, and each separator costs a
   * comparison of what follows it. */
  if (names == NULL || names[0] == NULL || tn > 500)
    return NULL;
  for (const char *p = title; *p; p = g_utf8_next_char (p))
    {
      const char *after = p > title ? after_separator (p) : NULL;

      if (after == NULL || after == p || *after == '\0')
        continue;
      /* "Story - Site" */
      if (names_site (after, -1, names) && g_utf8_strlen (title, p - title) >= 8)
        return g_strchomp (g_strndup (title, p - title));
      /* "Site: Story" */
      if (names_site (title, p - title, names) && g_utf8_strlen (after, -1) >= 8)
        return g_strdup (after);
    }
  /* "Story (Site)" */
  if (tn > 2 && title[tn - 1] == ')')
    {
      const char *open = g_strrstr (title, " (");

      if (open != NULL && names_site (open + 2, title + tn - 1 - (open + 2), names) &&
          g_utf8_strlen (title, open - title) >= 8)
        return g_strndup (title, open - title);
    }
  return NULL;
}

static void
apply_page_meta (MgDocument *doc,
                 PageMeta   *pm,
                 const char *title,
                 const char *byline)
{
  static const char * const authors[] = {
    "author", "dc:creator", "dcterm:creator", "parsely-author", "sailthru.author", NULL
  };
  static const char * const dates[] = {
    "article:published_time", "parsely-pub-date", "og:published_time",
    "datepublished", "pubdate", "publish-date", "date", "dc:date",
    "dcterms.date", "sailthru.date", NULL
  };
  static const char * const descriptions[] = {
    "og:description", "description", "twitter:description", "dc:description", NULL
  };
  g_autofree char *author_meta = unescape_again (pm->ld_author ? pm->ld_author : meta_first (pm, authors));
  g_autofree char *site = unescape_again (site_name (pm));
  g_autofree char *description = unescape_again (meta_first (pm, descriptions)
                                                   ? meta_first (pm, descriptions)
                                                   : pm->ld_description);
  const char *author = author_meta;
  const char *published = pm->ld_published ? pm->ld_published : meta_first (pm, dates);
  g_autofree char *iso = _mg_import_iso_date (published);

  if (title != NULL)
    {
      g_autofree char *valid = _mg_import_make_valid (title);

      mg_document_set_title (doc, valid);
    }
  /* A byline in the page beats an author that is only a profile URL. */
  if (author == NULL || g_str_has_prefix (author, "http"))
    author = byline;
  _mg_import_set_meta (doc, "author", author);
  _mg_import_set_meta (doc, "published", iso);
  _mg_import_set_meta (doc, "site_name", site);
  _mg_import_set_meta (doc, "url", page_url (pm));
  _mg_import_set_meta (doc, "description", description);
  _mg_import_set_meta (doc, "language", pm->lang);
}

static char *
choose_title (PageMeta *pm)
{
  static const char * const titles[] = {
    "og:title", "twitter:title", "dc:title", "dcterm:title", "parsely-title",
    "headline", "title", NULL
  };
  const char *t = pm->ld_title ? pm->ld_title : meta_first (pm, titles);
  const char *raw = t != NULL ? t : pm->doc_title;
  g_autofree char *chosen = NULL;
  g_autoptr(GPtrArray) names = NULL;
  char *story;

  /* Portals put their own names in their meta titles and in <title>
   * alike; the story they leave needs no further cutting. */
  if (raw != NULL && (story = portal_title (raw)) != NULL)
    return story;
  chosen = t != NULL ? unescape_again (t) : page_title (pm);
  names = site_names (pm);
  if (chosen != NULL &&
      (story = without_site_name (chosen, (const char * const *) names->pdata)) != NULL)
    return story;
  return g_steal_pointer (&chosen);
}

/**
 * mg_import_html:
 * @data: the bytes of an HTML page
 * @n_bytes: their length
 * @name: the file name, for the document id and for messages
 * @warnings: (nullable) (element-type utf8): where to add warnings
 * @error: return location for an error
 *
 * Imports the article of a web page: decodes it (byte-order mark, declared
 * charset, UTF-8, else Windows-1252; invalid bytes become U+FFFD), finds
 * the article text and reads its title, author, date, site name and URL
 * from JSON-LD and `<meta>` elements. Nothing is loaded from the network.
 *
 * Returns: (transfer full) (element-type MgDocument): one document, or
 *   %NULL with @error set
 */
GPtrArray *
mg_import_html (const char  *data,
                gsize        n_bytes,
                const char  *name,
                GPtrArray   *warnings,
                GError     **error)
{
  g_autofree char *utf8 = NULL;
  g_autofree char *title = NULL;
  g_autofree char *byline = NULL;
  g_autofree char *text = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *id = NULL;
  g_autofree char *base = NULL;
  PageMeta pm = { NULL, };
  htmlDocPtr doc;
  gboolean cut = FALSE;
  MgDocument *document;
  GPtrArray *documents;
  gsize len;

  g_return_val_if_fail (data != NULL || n_bytes == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (n_bytes == 0)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_EMPTY, _("%s: the file is empty"), name);
      return NULL;
    }
  if (_mg_import_looks_binary (data, n_bytes))
    {
      g_set_error (error, MG_ERROR, MG_ERROR_BINARY,
                   _("%s: binary data, not an HTML page"), name);
      return NULL;
    }

  utf8 = mg_charset_decode_html (data, n_bytes, &len);
  /* One parse serves the metadata and the extractor, which works on
   * copies of the tree. */
  doc = mg_html_parse_full (utf8, len, &cut);
  if (cut)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, MG_ERROR, MG_ERROR_TOO_LARGE,
                   _("%s: the page could not be read whole (the HTML parser gave up on part of it)"),
                   name);
      return NULL;
    }
  if (doc != NULL)
    read_page_meta (&pm, doc);
  if (pm.meta == NULL)
    pm.meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  title = choose_title (&pm);
  if (doc != NULL)
    {
      text = mg_html_extract_doc (doc, title, &byline);
      /* Better the whole page than nothing: a person can still annotate it. */
      if (*text == '\0')
        {
          g_free (text);
          text = mg_html_visible_text (doc);
          if (*text != '\0' && warnings != NULL)
            g_ptr_array_add (warnings, g_strdup_printf (_("%s: no article found; imported the whole visible text of the page"), name));
        }
      xmlFreeDoc (doc);
    }
  if (text == NULL || *text == '\0')
    {
      page_meta_clear (&pm);
      g_set_error (error, MG_ERROR, MG_ERROR_EMPTY, _("%s: no article text found"), name);
      return NULL;
    }

  id = _mg_import_id_from_name (name);
  base = _mg_import_base_name (name);
  /* The headline is coded too: it leads the text, as in a plain-text
   * article. */
  {
    g_autofree char *body = g_steal_pointer (&text);

    text = _mg_import_with_headline (body, title);
  }
  /* The tree's text is valid already; the document must never be
   * refused, so check once more what reaches it. */
  valid = _mg_import_make_valid (text);
  document = mg_document_new (id, valid, -1);
  mg_document_set_source_path (document, base);
  mg_document_set_media_type (document, "text/html");
  apply_page_meta (document, &pm, title, byline);
  page_meta_clear (&pm);

  documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (documents, document);
  return documents;
}
