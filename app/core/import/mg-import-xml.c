/* mg-import-xml.c: RSS, Atom, NITF, NewsML-G2 and other XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Safe by construction: no network (XML_PARSE_NONET), no DTD loading, an
 * external entity loader that refuses everything, and no XML_PARSE_NOENT,
 * so entity references stay in the tree. Text is read by our own walk,
 * which expands internal entities against a budget: expansions beyond
 * MAX (EXPANSION_MIN_BUDGET, EXPANSION_FACTOR × input size) bytes refuse
 * the file, so "billion laughs" and quadratic blow-up stop early. The
 * tree's depth is bounded by libxml2 itself (256 without XML_PARSE_HUGE,
 * which is never used: it also lifts libxml2's own entity checks); a
 * deeper file is refused with that reason. Nothing is cut silently: the
 * XML parser keeps text nodes whole, and escaped HTML too large for the
 * HTML parser to keep whole refuses the file.
 */

#define G_LOG_DOMAIN "mg-import-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/entities.h>

#include "mg-charset.h"
#include "mg-document.h"
#include "mg-error.h"
#include "mg-html-extract.h"
#include "mg-import-private.h"
#include "mg-import.h"
#include "mg-import-xml.h"
#include "mg-xml-private.h"

#define EXPANSION_MIN_BUDGET (8 * 1024 * 1024)
#define EXPANSION_FACTOR 10
#define MAX_ENTITY_DEPTH 16
/* libxml2 cuts a text node at 10,000,000 bytes without XML_PARSE_HUGE, and
 * says so only to its error handler; escaped HTML that could hold such a
 * node is refused instead of read in part. */
#define MAX_HTML_FRAGMENT 10000000
/* libxml2's bound on nesting without XML_PARSE_HUGE. */
#define MAX_XML_DEPTH 256

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_ATOM_03 "http://purl.org/atom/ns#"
#define NS_MEDIA "http://search.yahoo.com/mrss/"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"

typedef struct
{
  xmlDocPtr   doc;
  const char *name;
  gsize       budget;      /* entity bytes still allowed */
  gboolean    overflow;
  guint       n_items;     /* items read so far */
  guint       too_large;   /* the first item whose HTML is too large, from 1 */
  GPtrArray  *warnings;    /* nullable */
} XmlCtx;

static xmlParserInputPtr
refuse_entity_loader (const char       *url,
                      const char       *id,
                      xmlParserCtxtPtr  ctxt)
{
  return NULL;
}

static void
install_loader (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      xmlSetExternalEntityLoader (refuse_entity_loader);
      g_once_init_leave (&once, 1);
    }
}

static gboolean
is_el (xmlNodePtr  node,
       const char *local)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         strcmp ((const char *) node->name, local) == 0;
}

static const char *
ns_of (xmlNodePtr node)
{
  return node->ns && node->ns->href ? (const char *) node->ns->href : "";
}

static xmlNodePtr
child (xmlNodePtr  parent,
       const char *local)
{
  for (xmlNodePtr c = parent ? parent->children : NULL; c != NULL; c = c->next)
    if (is_el (c, local))
      return c;
  return NULL;
}

static xmlNodePtr
child_ns (xmlNodePtr  parent,
          const char *local,
          const char *ns)
{
  for (xmlNodePtr c = parent ? parent->children : NULL; c != NULL; c = c->next)
    if (is_el (c, local) && strcmp (ns_of (c), ns) == 0)
      return c;
  return NULL;
}

/* An attribute's value, only when it is plain text: attribute values that
 * hold entity references are not expanded. */
static const char *
attr (xmlNodePtr  node,
      const char *name)
{
  for (xmlAttrPtr a = node ? node->properties : NULL; a != NULL; a = a->next)
    if (strcmp ((const char *) a->name, name) == 0)
      return a->children && a->children->type == XML_TEXT_NODE && a->children->next == NULL
             ? (const char *) a->children->content : NULL;
  return NULL;
}

/* Appends the replacement text of an internal entity, itself expanding
 * the entities it names, within the budget. */
static void
expand_entity (XmlCtx     *ctx,
               GString    *out,
               const char *name,
               guint       depth)
{
  xmlEntityPtr ent = xmlGetDocEntity (ctx->doc, (const xmlChar *) name);
  const char *p;

  if (ent == NULL || ctx->overflow)
    return;
  if (ent->etype == XML_INTERNAL_PREDEFINED_ENTITY)
    {
      g_string_append (out, (const char *) ent->content);
      return;
    }
  if (ent->etype != XML_INTERNAL_GENERAL_ENTITY || ent->content == NULL)
    return;  /* external entities are never read */
  if (depth > MAX_ENTITY_DEPTH)
    {
      ctx->overflow = TRUE;
      return;
    }
  for (p = (const char *) ent->content; *p && !ctx->overflow;)
    {
      const char *semi;

      if (*p == '&' && p[1] != '#' && (semi = strchr (p, ';')) != NULL && semi - p < 256)
        {
          g_autofree char *ref = g_strndup (p + 1, semi - p - 1);

          expand_entity (ctx, out, ref, depth + 1);
          p = semi + 1;
          continue;
        }
      if (ctx->budget == 0)
        {
          ctx->overflow = TRUE;
          return;
        }
      ctx->budget--;
      g_string_append_c (out, *p++);
    }
}

/* Text of a subtree as one string (whitespace kept), entities expanded
 * within the budget; for titles, names, dates and escaped HTML. */
static char *
raw_text (XmlCtx     *ctx,
          xmlNodePtr  root)
{
  GString *s = g_string_new (NULL);

  for (xmlNodePtr n = root ? root->children : NULL; n != NULL;)
    {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        g_string_append (s, (const char *) n->content);
      else if (n->type == XML_ENTITY_REF_NODE)
        expand_entity (ctx, s, (const char *) n->name, 0);
      if (n->type == XML_ELEMENT_NODE && n->children != NULL)
        {
          n = n->children;
          continue;
        }
      while (n != NULL && n != root && n->next == NULL)
        n = n->parent;
      n = (n == NULL || n == root) ? NULL : n->next;
    }
  return g_string_free (s, FALSE);
}

static char *
line_of (XmlCtx     *ctx,
         xmlNodePtr  node)
{
  g_autofree char *raw = node ? raw_text (ctx, node) : NULL;

  return _mg_import_clean_line (raw);
}

static gboolean
has_direct_text (xmlNodePtr node)
{
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
      for (const char *p = (const char *) c->content; *p; p++)
        if (!g_ascii_isspace (*p))
          return TRUE;
  return FALSE;
}

/* XHTML names that are always blocks, whatever their neighbours. */
static gboolean
is_block_name (xmlNodePtr node)
{
  static const char * const blocks[] = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "pre",
    "blockquote", "table", "tr", "section", "article", "dd", "dt", "hl1",
    "hl2", "para", "title", "block", NULL
  };
  for (guint i = 0; blocks[i] != NULL; i++)
    if (strcmp ((const char *) node->name, blocks[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
flush_para (GString *out,
            GString *para)
{
  g_autofree char *line = _mg_import_clean_line (para->str);

  if (line != NULL)
    {
      if (out->len > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, line);
    }
  g_string_truncate (para, 0);
}

/* Text of any XML as paragraphs: an element is a block when it is named
 * like one or when its parent holds no text of its own (so <emph> inside
 * a paragraph stays inline). */
static char *
block_text (XmlCtx     *ctx,
            xmlNodePtr  root)
{
  g_autoptr(GString) para = g_string_new (NULL);
  GString *out = g_string_new (NULL);
  xmlNodePtr n = root->children;

  while (n != NULL && !ctx->overflow)
    {
      gboolean block;

      /* Metadata of embedded XHTML is not text. */
      if (is_el (n, "head") || is_el (n, "script") || is_el (n, "style"))
        {
          while (n != NULL && n != root && n->next == NULL)
            n = n->parent;
          n = (n == NULL || n == root) ? NULL : n->next;
          continue;
        }
      block = n->type == XML_ELEMENT_NODE &&
                       (is_block_name (n) || !has_direct_text (n->parent));

      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        g_string_append (para, (const char *) n->content);
      else if (n->type == XML_ENTITY_REF_NODE)
        expand_entity (ctx, para, (const char *) n->name, 0);
      else if (is_el (n, "br"))
        g_string_append_c (para, ' ');
      if (block)
        flush_para (out, para);
      if (n->type == XML_ELEMENT_NODE && n->children != NULL)
        {
          n = n->children;
          continue;
        }
      while (n != NULL && n != root && n->next == NULL)
        {
          n = n->parent;
          if (n != root && (is_block_name (n) || !has_direct_text (n->parent)))
            flush_para (out, para);
        }
      n = (n == NULL || n == root) ? NULL : n->next;
    }
  flush_para (out, para);
  return g_string_free (out, FALSE);
}

/* Text of escaped HTML (RSS descriptions, Atom type="html"). */
static char *
html_fragment_text (XmlCtx     *ctx,
                    const char *html)
{
  g_autofree char *utf8 = NULL;
  htmlDocPtr doc;
  xmlNodePtr root;
  char *text = NULL;
  gsize len;

  if (html == NULL || *html == '\0')
    return NULL;
  if (strlen (html) > MAX_HTML_FRAGMENT)
    {
      if (ctx->too_large == 0)
        ctx->too_large = ctx->n_items;
      return NULL;
    }
  utf8 = mg_charset_to_utf8 (html, strlen (html), "utf-8", &len);
  doc = mg_html_parse (utf8, len);
  if (doc != NULL && (root = xmlDocGetRootElement (doc)) != NULL)
    text = mg_html_node_text (root);
  if (doc != NULL)
    xmlFreeDoc (doc);
  return text;
}

typedef struct
{
  char *id;
  char *title;
  char *text;
  char *url;
  char *published;
  char *author;
  char *dateline;
} Item;

static void
item_free (Item *item)
{
  g_free (item->id);
  g_free (item->title);
  g_free (item->text);
  g_free (item->url);
  g_free (item->published);
  g_free (item->author);
  g_free (item->dateline);
  g_free (item);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Item, item_free)

static char *
date_of (XmlCtx     *ctx,
         xmlNodePtr  node)
{
  g_autofree char *line = line_of (ctx, node);

  return _mg_import_iso_date (line);
}

static gboolean
is_html_type (const char *type)
{
  return type != NULL && (strcmp (type, "html") == 0 || strcmp (type, "text/html") == 0);
}

/* Media RSS: a video's or picture's description, which some feeds give
 * in place of any other text. */
static char *
media_text (XmlCtx     *ctx,
            xmlNodePtr  node)
{
  xmlNodePtr group = child_ns (node, "group", NS_MEDIA);
  xmlNodePtr description = child_ns (group, "description", NS_MEDIA);
  g_autofree char *raw = NULL;

  if (description == NULL)
    description = child_ns (node, "description", NS_MEDIA);
  if (description == NULL)
    return NULL;
  if (is_html_type (attr (description, "type")))
    {
      raw = raw_text (ctx, description);
      return html_fragment_text (ctx, raw);
    }
  return block_text (ctx, description);
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static Item *
rss_item (XmlCtx     *ctx,
          xmlNodePtr  node)
{
  Item *item = g_new0 (Item, 1);
  xmlNodePtr body = child_ns (node, "encoded", NS_CONTENT);
  g_autofree char *html = NULL;

  ctx->n_items++;
  if (body == NULL)
    body = child (node, "description");
  html = body ? raw_text (ctx, body) : NULL;
  item->text = html_fragment_text (ctx, html);
  if (is_empty (item->text))
    {
      g_free (item->text);
      item->text = media_text (ctx, node);
    }
  item->title = line_of (ctx, child (node, "title"));
  item->url = line_of (ctx, child (node, "link"));
  item->id = line_of (ctx, child (node, "guid"));
  item->published = date_of (ctx, child (node, "pubDate") ? child (node, "pubDate")
                                                          : child (node, "date"));
  item->author = line_of (ctx, child (node, "author") ? child (node, "author")
                                                      : child (node, "creator"));
  return item;
}

/* Atom 1.0 content of any other media type than text/... or XML is
 * base64 (RFC 4287, 4.1.3.3), as is Atom 0.3's mode="base64". */
static gboolean
is_base64 (const char *type,
           const char *mode)
{
  if (mode != NULL)
    return strcmp (mode, "base64") == 0;
  return type != NULL && strchr (type, '/') != NULL && !g_str_has_prefix (type, "text/")
         && !g_str_has_suffix (type, "+xml") && !g_str_has_suffix (type, "/xml");
}

/* Base64 content: its text when its type is text, else nothing, said. */
static char *
base64_text (XmlCtx     *ctx,
             xmlNodePtr  node,
             const char *type)
{
  g_autofree char *raw = NULL;
  g_autofree guchar *bytes = NULL;
  g_autofree char *text = NULL;
  gsize len;

  if (type == NULL || !g_str_has_prefix (type, "text/"))
    {
      if (ctx->warnings != NULL)
        g_ptr_array_add (ctx->warnings,
                         g_strdup_printf (_("%s: item %u: its content is %s, not text; left out"),
                                          ctx->name, ctx->n_items, type ? type : "base64"));
      return NULL;
    }
  raw = raw_text (ctx, node);
  bytes = g_base64_decode (raw, &len);
  text = mg_charset_to_utf8 ((const char *) bytes, len, "utf-8", NULL);
  return is_html_type (type) ? html_fragment_text (ctx, text) : _mg_import_clean_line (text);
}

static char *
atom_text (XmlCtx     *ctx,
           xmlNodePtr  node)
{
  const char *type = attr (node, "type");
  const char *mode = attr (node, "mode");
  g_autofree char *raw = NULL;

  if (is_base64 (type, mode))
    return base64_text (ctx, node, type);
  if (type != NULL && strcmp (type, "xhtml") == 0)
    return block_text (ctx, node);
  /* Atom 0.3's escaped content is markup written as text. */
  if (is_html_type (type) || (mode != NULL && strcmp (mode, "escaped") == 0))
    {
      raw = raw_text (ctx, node);
      return html_fragment_text (ctx, raw);
    }
  return block_text (ctx, node);
}

/* The first child of @node named one of @names. */
static xmlNodePtr
first_child_of (xmlNodePtr          node,
                const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (child (node, names[i]) != NULL)
      return child (node, names[i]);
  return NULL;
}

/* Atom 1.0 and 0.3: the content, else the summary, else a media
 * description. */
static char *
atom_entry_text (XmlCtx     *ctx,
                 xmlNodePtr  node)
{
  xmlNodePtr content = child (node, "content");
  xmlNodePtr summary = child (node, "summary");
  char *text = content ? atom_text (ctx, content) : NULL;

  if (is_empty (text) && summary != NULL)
    {
      g_free (text);
      text = atom_text (ctx, summary);
    }
  if (is_empty (text))
    {
      g_free (text);
      text = media_text (ctx, node);
    }
  return text;
}

static Item *
atom_entry (XmlCtx     *ctx,
            xmlNodePtr  node)
{
  static const char * const dates[] = { "published", "issued", "created", "updated", "modified", NULL };
  Item *item = g_new0 (Item, 1);
  xmlNodePtr author = child (node, "author");

  ctx->n_items++;
  item->text = atom_entry_text (ctx, node);
  item->title = line_of (ctx, child (node, "title"));
  item->id = line_of (ctx, child (node, "id"));
  item->published = date_of (ctx, first_child_of (node, dates));
  item->author = line_of (ctx, author ? child (author, "name") : NULL);
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      const char *rel = attr (c, "rel");

      if (is_el (c, "link") && (rel == NULL || strcmp (rel, "alternate") == 0) && attr (c, "href"))
        {
          item->url = g_strdup (attr (c, "href"));
          break;
        }
    }
  return item;
}

static char *
strip_by (char *byline)
{
  if (byline != NULL && g_ascii_strncasecmp (byline, "by ", 3) == 0)
    memmove (byline, byline + 3, strlen (byline + 3) + 1);
  return byline;
}

static gboolean
has_class (xmlNodePtr  node,
           const char *class_name)
{
  return g_strcmp0 (attr (node, "class"), class_name) == 0;
}

/* A body's text. The lead paragraph of an NITF body that also holds the
 * full text is the full text's opening, repeated for listings: read the
 * full text only. */
static char *
nitf_text (XmlCtx     *ctx,
           xmlNodePtr  content)
{
  GString *out;
  gboolean full = FALSE;

  for (xmlNodePtr c = content->children; c != NULL; c = c->next)
    full |= is_el (c, "block") && has_class (c, "full_text");
  if (!full)
    return block_text (ctx, content);

  out = g_string_new (NULL);
  for (xmlNodePtr c = content->children; c != NULL; c = c->next)
    {
      g_autofree char *text = NULL;

      if (c->type != XML_ELEMENT_NODE
          || (is_el (c, "block") && (has_class (c, "lead_paragraph") || has_class (c, "online_lead_paragraph"))))
        continue;
      text = block_text (ctx, c);
      if (is_empty (text))
        continue;
      if (out->len > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, text);
    }
  return g_string_free (out, FALSE);
}

static Item *
nitf_item (XmlCtx     *ctx,
           xmlNodePtr  nitf)
{
  Item *item = g_new0 (Item, 1);
  xmlNodePtr head = child (nitf, "head");
  xmlNodePtr body = child (nitf, "body");
  xmlNodePtr bhead = child (body, "body.head");
  xmlNodePtr content = child (body, "body.content");
  xmlNodePtr hedline = child (bhead, "hedline");
  xmlNodePtr issue = child (child (head, "docdata"), "date.issue");
  xmlNodePtr doc_id = child (child (head, "docdata"), "doc-id");

  item->title = line_of (ctx, hedline ? child (hedline, "hl1") : child (head, "title"));
  item->author = strip_by (line_of (ctx, child (bhead, "byline")));
  item->dateline = line_of (ctx, child (bhead, "dateline"));
  item->published = _mg_import_iso_date (attr (issue, "norm"));
  item->id = g_strdup (attr (doc_id, "id-string"));
  item->text = content ? nitf_text (ctx, content) : NULL;
  return item;
}

static xmlNodePtr
find_descendant (xmlNodePtr  root,
                 const char *local)
{
  for (xmlNodePtr n = root ? root->children : NULL; n != NULL;)
    {
      if (is_el (n, local))
        return n;
      if (n->type == XML_ELEMENT_NODE && n->children != NULL)
        {
          n = n->children;
          continue;
        }
      while (n != NULL && n != root && n->next == NULL)
        n = n->parent;
      n = (n == NULL || n == root) ? NULL : n->next;
    }
  return NULL;
}

static Item *
newsml_item (XmlCtx     *ctx,
             xmlNodePtr  news_item)
{
  Item *item = g_new0 (Item, 1);
  xmlNodePtr meta = child (news_item, "contentMeta");
  xmlNodePtr item_meta = child (news_item, "itemMeta");
  xmlNodePtr set = child (news_item, "contentSet");
  xmlNodePtr inline_xml = find_descendant (set, "inlineXML");
  xmlNodePtr inline_data = find_descendant (set, "inlineData");
  xmlNodePtr creator = child (meta, "creator");
  xmlNodePtr date = child (meta, "contentCreated");

  if (date == NULL)
    date = child (item_meta, "firstCreated") ? child (item_meta, "firstCreated")
                                             : child (item_meta, "versionCreated");
  item->title = line_of (ctx, child (meta, "headline"));
  item->author = strip_by (line_of (ctx, child (meta, "by")));
  if (item->author == NULL && creator != NULL)
    item->author = line_of (ctx, child (creator, "name"));
  if (item->author == NULL && creator != NULL && attr (creator, "literal"))
    item->author = g_strdup (attr (creator, "literal"));
  item->dateline = line_of (ctx, child (meta, "dateline"));
  item->published = date_of (ctx, date);
  item->id = g_strdup (attr (news_item, "guid"));
  if (inline_xml != NULL)
    {
      xmlNodePtr nitf_body = find_descendant (inline_xml, "body.content");

      item->text = block_text (ctx, nitf_body ? nitf_body : inline_xml);
    }
  else if (inline_data != NULL)
    item->text = block_text (ctx, inline_data);
  return item;
}

typedef enum {
  KIND_RSS,
  KIND_ATOM,
  KIND_NITF,
  KIND_NEWSML,
  KIND_OTHER,
} Kind;

static const char * const media_types[] = {
  [KIND_RSS] = "application/rss+xml",
  [KIND_ATOM] = "application/atom+xml",
  [KIND_NITF] = "application/vnd.nitf+xml",
  [KIND_NEWSML] = "application/vnd.iptc.g2.newsitem+xml",
  [KIND_OTHER] = "application/xml",
};

static Kind
collect_items (XmlCtx     *ctx,
               xmlNodePtr  root,
               GPtrArray  *items)
{
  const char *name = (const char *) root->name;

  if (strcmp (name, "rss") == 0 || strcmp (name, "RDF") == 0)
    {
      xmlNodePtr channel = child (root, "channel");

      for (xmlNodePtr c = channel ? channel->children : NULL; c != NULL; c = c->next)
        if (is_el (c, "item"))
          g_ptr_array_add (items, rss_item (ctx, c));
      /* RSS 1.0 puts items beside the channel. */
      for (xmlNodePtr c = root->children; c != NULL; c = c->next)
        if (is_el (c, "item"))
          g_ptr_array_add (items, rss_item (ctx, c));
      return KIND_RSS;
    }
  if (strcmp (name, "feed") == 0
      && (strcmp (ns_of (root), NS_ATOM) == 0 || strcmp (ns_of (root), NS_ATOM_03) == 0))
    {
      for (xmlNodePtr c = root->children; c != NULL; c = c->next)
        if (is_el (c, "entry"))
          g_ptr_array_add (items, atom_entry (ctx, c));
      return KIND_ATOM;
    }
  if (strcmp (name, "nitf") == 0)
    {
      g_ptr_array_add (items, nitf_item (ctx, root));
      return KIND_NITF;
    }
  if (strcmp (name, "newsItem") == 0)
    {
      g_ptr_array_add (items, newsml_item (ctx, root));
      return KIND_NEWSML;
    }
  if (strcmp (name, "newsMessage") == 0)
    {
      xmlNodePtr set = child (root, "itemSet");

      for (xmlNodePtr c = set ? set->children : NULL; c != NULL; c = c->next)
        if (is_el (c, "newsItem"))
          g_ptr_array_add (items, newsml_item (ctx, c));
      return KIND_NEWSML;
    }
  {
    Item *item = g_new0 (Item, 1);

    item->text = block_text (ctx, root);
    g_ptr_array_add (items, item);
  }
  return KIND_OTHER;
}

/* Ids: the item's own id when every item has a distinct one, else the
 * file's name, suffixed -1, -2… when there are several items. */
static GPtrArray *
make_documents (GPtrArray  *items,
                Kind        kind,
                const char *name)
{
  g_autofree char *base = _mg_import_base_name (name);
  g_autofree char *stem = g_strdup (base);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *documents = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean own_ids = items->len > 1;
  g_autofree char *stem_slug = NULL;
  char *dot = strrchr (stem, '.');

  if (dot != NULL && dot != stem)
    *dot = '\0';
  stem_slug = _mg_import_slug (stem);
  for (guint i = 0; i < items->len && own_ids; i++)
    {
      Item *item = items->pdata[i];
      char *slug = item->id ? _mg_import_slug (item->id) : NULL;

      if (slug == NULL || g_hash_table_contains (seen, slug))
        {
          own_ids = FALSE;
          g_free (slug);
        }
      else
        g_hash_table_add (seen, slug);
    }

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = items->pdata[i];
      g_autofree char *id = NULL;
      g_autofree char *text = NULL;
      MgDocument *doc;

      if (own_ids)
        id = _mg_import_slug (item->id);
      else if (items->len > 1)
        id = g_strdup_printf ("%s-%u", stem_slug, i + 1);
      else
        id = g_strdup (stem_slug);
      /* Text and title come through _mg_import_clean_line() or a tree made
       * valid; checked once more, as the document must never refuse it. */
      /* The headline is coded too: it leads the text, as in a plain-text
       * article. */
      {
        g_autofree char *body = _mg_import_make_valid (item->text);

        text = _mg_import_with_headline (body, item->title);
      }
      doc = mg_document_new (id, text, -1);
      mg_document_set_source_path (doc, base);
      mg_document_set_media_type (doc, media_types[kind]);
      if (item->title != NULL)
        {
          g_autofree char *title = _mg_import_make_valid (item->title);

          mg_document_set_title (doc, title);
        }
      _mg_import_set_meta (doc, "url", item->url);
      _mg_import_set_meta (doc, "published", item->published);
      _mg_import_set_meta (doc, "author", item->author);
      _mg_import_set_meta (doc, "dateline", item->dateline);
      g_ptr_array_add (documents, doc);
    }
  return documents;
}

/* Parses @data quietly, with no network, no DTD and no entity loaded;
 * %NULL with @error set when it is not well-formed XML or nests deeper
 * than libxml2 reads. */
static xmlDocPtr
parse_xml (const char  *data,
           gsize        n_bytes,
           const char  *name,
           GPtrArray   *warnings,
           GError     **error)
{
  MgXmlErrors errors = { NULL, 0 };
  g_autofree char *repaired = NULL;
  g_autofree char *first_entity = NULL;
  gsize repaired_len;
  MgXmlFaults faults;
  xmlDocPtr doc;

  install_loader ();
  /* What a feed reader forgives is repaired first, and said. */
  repaired = _mg_xml_repair (data, n_bytes, &repaired_len, &faults, &first_entity);
  /* libxml2 prints encoding and I/O errors whatever the options say. */
  _mg_xml_errors_begin (&errors);
  doc = _mg_xml_read (repaired, repaired_len,
                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING, &faults);
  _mg_xml_errors_end (&errors);
  if (doc != NULL && xmlDocGetRootElement (doc) != NULL)
    {
      _mg_xml_errors_clear (&errors);
      _mg_xml_make_valid ((xmlNodePtr) doc);
      _mg_xml_warn_faults (warnings, name, faults, first_entity);
      return doc;
    }
  g_clear_pointer (&doc, xmlFreeDoc);
  /* libxml2's own words for this name one of its options. */
  if (errors.first != NULL && g_str_has_prefix (errors.first, "Excessive depth"))
    g_set_error (error, MG_ERROR, MG_ERROR_TOO_LARGE,
                 _("%s: elements nested deeper than %d levels (line %d) cannot be read whole"),
                 name, MAX_XML_DEPTH, errors.first_line);
  else if (errors.first != NULL && *errors.first != '\0' && errors.first_line > 0)
    g_set_error (error, MG_ERROR, MG_ERROR_INVALID, _("%s: not well-formed XML (line %d: %s)"),
                 name, errors.first_line, errors.first);
  else if (errors.first != NULL && *errors.first != '\0')
    g_set_error (error, MG_ERROR, MG_ERROR_INVALID, _("%s: not well-formed XML (%s)"),
                 name, errors.first);
  else
    g_set_error (error, MG_ERROR, MG_ERROR_INVALID, _("%s: not well-formed XML"), name);
  _mg_xml_errors_clear (&errors);
  return NULL;
}

/* The items that hold text; a warning for each that holds none. */
static GPtrArray *
items_with_text (GPtrArray  *items,
                 const char *name,
                 GPtrArray  *warnings)
{
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = items->pdata[i];

      if (item->text != NULL && *item->text != '\0')
        g_ptr_array_add (kept, item);
      else if (warnings != NULL)
        g_ptr_array_add (warnings, g_strdup_printf (_("%s: item %u has no text, skipped"),
                                                    name, i + 1));
    }
  return kept;
}

/* Why what was read cannot be imported whole, or %TRUE. */
static gboolean
check_read (XmlCtx      *ctx,
            GPtrArray   *items,
            gsize        n_bytes,
            GError     **error)
{
  if (ctx->overflow)
    g_set_error (error, MG_ERROR, MG_ERROR_TOO_LARGE,
                 _("%s: entities expand past the limit of %zu bytes"), ctx->name,
                 MAX ((gsize) EXPANSION_MIN_BUDGET, n_bytes * EXPANSION_FACTOR));
  else if (ctx->too_large > 0)
    g_set_error (error, MG_ERROR, MG_ERROR_TOO_LARGE,
                 _("%s: item %u: its HTML is larger than %d MB, more than can be read whole"),
                 ctx->name, ctx->too_large, MAX_HTML_FRAGMENT / 1000000);
  else if (items->len == 0)
    g_set_error (error, MG_ERROR, MG_ERROR_EMPTY, _("%s: feed has no items"), ctx->name);
  else
    return TRUE;
  return FALSE;
}

/**
 * mg_import_xml:
 * @data: the bytes of an XML file
 * @n_bytes: their length
 * @name: the file name, for document ids and messages
 * @warnings: (nullable) (element-type utf8): where to add warnings
 * @error: return location for an error
 *
 * Imports RSS 2.0 and 1.0 and Atom feeds (one document per item, its HTML
 * content reduced to text), NITF and NewsML-G2 news items, and any other
 * XML as its text. Nothing is loaded from the network or from files, and
 * entity expansion is bounded; a file that cannot be read whole is
 * refused, never cut.
 *
 * Returns: (transfer full) (element-type MgDocument): the documents, or
 *   %NULL with @error set
 */
GPtrArray *
mg_import_xml (const char  *data,
               gsize        n_bytes,
               const char  *name,
               GPtrArray   *warnings,
               GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  g_autoptr(GPtrArray) kept = NULL;
  XmlCtx ctx = { NULL, name, 0, FALSE, 0, 0, warnings };
  Kind kind;

  g_return_val_if_fail (data != NULL || n_bytes == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (n_bytes == 0)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_EMPTY, _("%s: the file is empty"), name);
      return NULL;
    }
  if (n_bytes > G_MAXINT)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_TOO_LARGE, _("%s: the file is too large"), name);
      return NULL;
    }
  if ((ctx.doc = parse_xml (data, n_bytes, name, warnings, error)) == NULL)
    return NULL;

  ctx.budget = MAX ((gsize) EXPANSION_MIN_BUDGET, n_bytes * EXPANSION_FACTOR);
  kind = collect_items (&ctx, xmlDocGetRootElement (ctx.doc), items);
  xmlFreeDoc (ctx.doc);
  if (!check_read (&ctx, items, n_bytes, error))
    return NULL;
  kept = items_with_text (items, name, warnings);
  if (kept->len == 0)
    {
      g_set_error (error, MG_ERROR, MG_ERROR_EMPTY, _("%s: no text to import"), name);
      return NULL;
    }
  return make_documents (kept, kind, name);
}
