/* mg-html-tree.c: parsing HTML, and walking and reshaping its trees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-html-extract"

#include "config.h"

#include <string.h>

#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>

#include "mg-html-extract.h"
#include "mg-html-private.h"
#include "mg-xml-private.h"

/* libxml2 2.12 made the error passed to handlers const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *ParseErrorPtr;
#else
typedef xmlErrorPtr ParseErrorPtr;
#endif

/* Open elements kept at most, and how many stay open when the bound is
 * reached. Old pages leave tags unclosed (<font> before every paragraph),
 * so their elements nest ever deeper: libxml2 stops the whole parse at
 * 256 levels, losing the rest of the page, and without a bound the time
 * it takes to match a closing tag grows with the depth, quadratic over a
 * page. Past the bound the innermost open elements are closed instead:
 * the tree is flatter than the markup, and every word is kept. */
#define MAX_OPEN 200
#define KEEP_OPEN 100

static void
bounded_start_element (void           *data,
                       const xmlChar  *name,
                       const xmlChar **atts)
{
  htmlParserCtxtPtr ctxt = data;

  /* The parser has pushed @name already; its node comes next. */
  if (ctxt->nameNr > MAX_OPEN)
    {
      int drop = ctxt->nameNr - 1 - KEEP_OPEN;

      ctxt->nameTab[KEEP_OPEN] = ctxt->nameTab[ctxt->nameNr - 1];
      ctxt->nameNr = KEEP_OPEN + 1;
      ctxt->name = ctxt->nameTab[KEEP_OPEN];
      for (int i = 0; i < drop && ctxt->nodeNr > 1; i++)
        nodePop (ctxt);
    }
  xmlSAX2StartElement (data, name, atts);
}

/* Errors that mean the parser gave up on part of the input (out of
 * memory, a limit reached) rather than recovered from broken markup. */
static void
on_parse_error (void          *data,
                ParseErrorPtr  error)
{
  gboolean *cut = data;

  if (error != NULL && (error->code == XML_ERR_NO_MEMORY ||
                        error->code == XML_ERR_INTERNAL_ERROR))
    *cut = TRUE;
}

static void
on_generic_error (void       *data,
                  const char *format,
                  ...)
{
}

/**
 * mg_html_parse_full:
 * @utf8: HTML in UTF-8
 * @n_bytes: its length
 * @cut: (out) (optional): set to whether the parser dropped part of the
 *   page
 *
 * Parses HTML that is already UTF-8, whatever its `<meta>` says, with
 * libxml2's forgiving HTML parser. Nothing is loaded from the network or
 * from files, and nothing is printed: the parser's complaints about a
 * broken page are dropped, since it recovers from them. Text nodes of any
 * length are kept whole, and elements nested deeper than a bound are
 * made siblings rather than lost. Every text and attribute value of the
 * tree is valid UTF-8.
 *
 * Returns: (transfer full) (nullable): the document
 */
htmlDocPtr
mg_html_parse_full (const char *utf8,
                    gsize       n_bytes,
                    gboolean   *cut)
{
  htmlParserCtxtPtr ctxt;
  htmlDocPtr doc;
  gboolean dropped = FALSE;

  g_return_val_if_fail (utf8 != NULL || n_bytes == 0, NULL);

  if (cut != NULL)
    *cut = FALSE;
  if (n_bytes == 0 || n_bytes > G_MAXINT)
    return NULL;
  if ((ctxt = htmlNewParserCtxt ()) == NULL)
    return NULL;
  ctxt->sax->startElement = bounded_start_element;
  xmlSetStructuredErrorFunc (&dropped, (xmlStructuredErrorFunc) on_parse_error);
  xmlSetGenericErrorFunc (NULL, on_generic_error);
  /* XML_PARSE_HUGE lifts the 10 MB bound on a text node; the depth is
   * bounded above, and the input by the importers' file size limit. */
  doc = htmlCtxtReadMemory (ctxt, utf8, (int) n_bytes, NULL, "UTF-8",
                            HTML_PARSE_RECOVER | HTML_PARSE_NONET |
                            HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_COMPACT | XML_PARSE_HUGE);
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlSetGenericErrorFunc (NULL, NULL);
  htmlFreeParserCtxt (ctxt);
  /* The one place text leaves libxml2: from here on every string of the
   * tree is valid UTF-8, whatever the parser's recovery made of it. */
  if (doc != NULL)
    _mg_xml_make_valid ((xmlNodePtr) doc);
  if (cut != NULL)
    *cut = dropped;
  return doc;
}

/**
 * mg_html_parse:
 * @utf8: HTML in UTF-8
 * @n_bytes: its length
 *
 * mg_html_parse_full() for callers that need not know whether the parser
 * dropped part of the page.
 *
 * Returns: (transfer full) (nullable): the document
 */
htmlDocPtr
mg_html_parse (const char *utf8,
               gsize       n_bytes)
{
  return mg_html_parse_full (utf8, n_bytes, NULL);
}

const char *
_mg_html_attr (xmlNodePtr  node,
               const char *name)
{
  if (!_mg_html_is_element (node))
    return NULL;
  for (xmlAttrPtr a = node->properties; a != NULL; a = a->next)
    if (g_ascii_strcasecmp ((const char *) a->name, name) == 0)
      return a->children != NULL && a->children->content != NULL
             ? (const char *) a->children->content : "";
  return NULL;
}

/* The class and id of @node, for the name patterns. Class names that
 * describe what a block holds or how it looks ("has-ads", "with-sidebar",
 * "no-comments") say nothing of what it is, and are left out. */
char *
_mg_html_match_string (xmlNodePtr node)
{
  static const char * const states[] = { "has-", "has_", "with-", "with_", "no-", "no_", NULL };
  const char *cls = _mg_html_attr (node, "class");
  const char *id = _mg_html_attr (node, "id");
  GString *s = g_string_new (NULL);

  if (cls != NULL && strstr (cls, "-") != NULL)
    {
      g_auto(GStrv) words = g_strsplit_set (cls, " \t\n", -1);

      for (guint i = 0; words[i] != NULL; i++)
        {
          gboolean state = FALSE;

          for (guint j = 0; states[j] != NULL; j++)
            state |= g_ascii_strncasecmp (words[i], states[j], strlen (states[j])) == 0;
          if (!state && *words[i])
            g_string_append_printf (s, "%s ", words[i]);
        }
    }
  else if (cls != NULL)
    g_string_append (s, cls);
  g_string_append_c (s, ' ');
  if (id != NULL)
    g_string_append (s, id);
  return g_string_free (s, FALSE);
}

xmlNodePtr
_mg_html_first_element (xmlNodePtr node)
{
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    if (_mg_html_is_element (c))
      return c;
  return NULL;
}

xmlNodePtr
_mg_html_next_element (xmlNodePtr node)
{
  for (xmlNodePtr c = node->next; c != NULL; c = c->next)
    if (_mg_html_is_element (c))
      return c;
  return NULL;
}

guint
_mg_html_n_element_children (xmlNodePtr node)
{
  guint n = 0;

  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    n += _mg_html_is_element (c);
  return n;
}

/* The next element in document order, over the whole tree. */
xmlNodePtr
_mg_html_next_node (xmlNodePtr node,
                    gboolean   skip_kids)
{
  xmlNodePtr n;

  if (!skip_kids && (n = _mg_html_first_element (node)) != NULL)
    return n;
  while (node != NULL)
    {
      if ((n = _mg_html_next_element (node)) != NULL)
        return n;
      node = node->parent;
    }
  return NULL;
}

/* Descendant elements of @root named in @names, in document order. */
GPtrArray *
_mg_html_elements_by_tag (xmlNodePtr          root,
                          const char * const *names)
{
  GPtrArray *out = g_ptr_array_new ();

  for (xmlNodePtr n = root->children ? _mg_html_walk_next (root, root, FALSE) : NULL; n != NULL;
       n = _mg_html_walk_next (n, root, FALSE))
    if (_mg_html_tag_in (n, names))
      g_ptr_array_add (out, n);
  return out;
}

guint
_mg_html_count_tag (xmlNodePtr  root,
                    const char *name)
{
  const char *names[] = { name, NULL };
  g_autoptr(GPtrArray) found = _mg_html_elements_by_tag (root, names);

  return found->len;
}

gboolean
_mg_html_has_ancestor_tag (xmlNodePtr  node,
                           const char *name,
                           int         max_depth)
{
  int depth = 0;

  for (node = node->parent; _mg_html_is_element (node); node = node->parent)
    {
      if (max_depth > 0 && depth++ >= max_depth)
        return FALSE;
      if (_mg_html_is_tag (node, name))
        return TRUE;
    }
  return FALSE;
}

/* The text of a subtree as Readability's innerText: trimmed, every run of
 * whitespace one space. Lengths count code points. */
char *
_mg_html_inner_text (xmlNodePtr root)
{
  GString *s = g_string_new (NULL);
  gboolean space = FALSE;

  for (xmlNodePtr n = _mg_html_is_text (root) ? root : _mg_html_walk_next (root, root, FALSE);
       n != NULL;
       n = n == root ? NULL : _mg_html_walk_next (n, root, FALSE))
    {
      if (!_mg_html_is_text (n) || n->content == NULL)
        continue;
      for (const guchar *p = n->content; *p; p++)
        {
          if (g_ascii_isspace (*p))
            space = TRUE;
          else
            {
              if (space && s->len > 0)
                g_string_append_c (s, ' ');
              space = FALSE;
              g_string_append_c (s, (char) *p);
            }
        }
    }
  return g_string_free (s, FALSE);
}

/* g_utf8_strlen (_mg_html_inner_text (root)) without building the text:
 * link and heading densities ask for it for every candidate and every
 * link. The tree is valid UTF-8, so characters are the bytes that do not
 * continue one. */
glong
_mg_html_inner_length (xmlNodePtr root)
{
  glong len = 0;
  gboolean space = FALSE;

  for (xmlNodePtr n = _mg_html_is_text (root) ? root : _mg_html_walk_next (root, root, FALSE);
       n != NULL;
       n = n == root ? NULL : _mg_html_walk_next (n, root, FALSE))
    {
      if (!_mg_html_is_text (n) || n->content == NULL)
        continue;
      for (const guchar *p = n->content; *p; p++)
        {
          if (g_ascii_isspace (*p))
            space = TRUE;
          else
            {
              if (space && len > 0)
                len++;
              space = FALSE;
              len += (*p & 0xc0) != 0x80;
            }
        }
    }
  return len;
}

/* Whether _mg_html_inner_text (root) would be empty, without building it. */
gboolean
_mg_html_has_inner_text (xmlNodePtr root)
{
  for (xmlNodePtr n = _mg_html_is_text (root) ? root : _mg_html_walk_next (root, root, FALSE);
       n != NULL;
       n = n == root ? NULL : _mg_html_walk_next (n, root, FALSE))
    {
      if (!_mg_html_is_text (n) || n->content == NULL)
        continue;
      for (const guchar *p = n->content; *p; p++)
        if (!g_ascii_isspace (*p))
          return TRUE;
    }
  return FALSE;
}

/* The share of the text of @node inside links. */
double
_mg_html_link_density (xmlNodePtr node)
{
  glong len = _mg_html_inner_length (node);
  double link_len = 0;

  if (len == 0)
    return 0;
  for (xmlNodePtr n = _mg_html_walk_next (node, node, FALSE); n != NULL;)
    {
      if (_mg_html_is_tag (n, "a"))
        {
          const char *href = _mg_html_attr (n, "href");
          /* In-page links (footnotes, tables of contents) cost less. */
          double coeff = href && href[0] == '#' && href[1] != '\0' ? 0.3 : 1.0;

          link_len += _mg_html_inner_length (n) * coeff;
          n = _mg_html_walk_next (n, node, TRUE);
        }
      else
        n = _mg_html_walk_next (n, node, FALSE);
    }
  return link_len / len;
}

gboolean
_mg_html_is_whitespace_text (xmlNodePtr node)
{
  if (!_mg_html_is_text (node))
    return FALSE;
  for (const guchar *p = node->content; p && *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

gboolean
_mg_html_is_whitespace (xmlNodePtr node)
{
  return _mg_html_is_whitespace_text (node) || _mg_html_is_tag (node, "br");
}

/* Appends without xmlAddChild()'s merging of text nodes, which would free
 * the node being moved. */
void
_mg_html_append_child (xmlNodePtr parent,
                       xmlNodePtr child)
{
  xmlUnlinkNode (child);
  child->parent = parent;
  child->prev = parent->last;
  child->next = NULL;
  if (parent->last != NULL)
    parent->last->next = child;
  else
    parent->children = child;
  parent->last = child;
}

/* Puts @node where @old was; @old ends up unlinked. */
void
_mg_html_replace_node (xmlNodePtr old,
                       xmlNodePtr node)
{
  xmlUnlinkNode (node);
  node->parent = old->parent;
  node->prev = old->prev;
  node->next = old->next;
  if (old->prev != NULL)
    old->prev->next = node;
  else if (old->parent != NULL)
    old->parent->children = node;
  if (old->next != NULL)
    old->next->prev = node;
  else if (old->parent != NULL)
    old->parent->last = node;
  old->parent = old->prev = old->next = NULL;
}

void
_mg_html_set_tag (xmlNodePtr  node,
                  const char *name)
{
  xmlNodeSetName (node, (const xmlChar *) name);
}
