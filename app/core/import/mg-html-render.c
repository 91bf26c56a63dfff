/* mg-html-render.c: the text of an HTML tree, one block per paragraph
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-html-extract"

#include "config.h"

#include <string.h>

#include "mg-html-extract.h"
#include "mg-html-private.h"

typedef struct
{
  GString *out;
  GString *para;
  gboolean space;  /* whitespace seen since the last word */
  guint    pre;    /* depth of <pre> */
  gboolean visible_only;
} Render;

static gboolean
is_block (xmlNodePtr node)
{
  static const char * const blocks[] = {
    "address", "article", "aside", "blockquote", "caption", "center", "dd",
    "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "body",
    "html", "title", "legend", "menu", NULL
  };
  return _mg_html_tag_in (node, blocks);
}

/* Hidden from every reader by the page itself. */
static gboolean
is_hidden (xmlNodePtr node)
{
  const char *style = _mg_html_attr (node, "style");
  const char *aria = _mg_html_attr (node, "aria-hidden");

  if (_mg_html_attr (node, "hidden") != NULL || (aria != NULL && strcmp (aria, "true") == 0))
    return TRUE;
  if (style == NULL)
    return FALSE;
  return (strstr (style, "display") != NULL && strstr (style, "none") != NULL) ||
         (strstr (style, "visibility") != NULL && strstr (style, "hidden") != NULL);
}

static gboolean
is_skipped (Render     *r,
            xmlNodePtr  node)
{
  static const char * const skipped[] = {
    "script", "style", "noscript", "template", "head", "select", "option",
    "button", "textarea", "iframe", "object", "embed", "svg", "math", "rt", "rp", NULL
  };
  return _mg_html_tag_in (node, skipped) || (r->visible_only && is_hidden (node));
}

static void
render_flush (Render *r)
{
  gsize end = r->para->len;
  gsize start = 0;

  /* Trim spaces and line breaks at either end of the paragraph. */
  while (start < end && (r->para->str[start] == ' ' || r->para->str[start] == '\n'))
    start++;
  while (end > start && (r->para->str[end - 1] == ' ' || r->para->str[end - 1] == '\n'))
    end--;
  if (end > start)
    {
      if (r->out->len > 0)
        g_string_append (r->out, "\n\n");
      g_string_append_len (r->out, r->para->str + start, end - start);
    }
  g_string_truncate (r->para, 0);
  r->space = FALSE;
}

static void
render_text (Render     *r,
             const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (r->pre > 0)
        {
          if (*p != '\r')
            g_string_append_c (r->para, *p);
          continue;
        }
      if (g_ascii_isspace (*p))
        {
          r->space = TRUE;
          continue;
        }
      if (r->space && r->para->len > 0 && r->para->str[r->para->len - 1] != '\n')
        g_string_append_c (r->para, ' ');
      r->space = FALSE;
      g_string_append_c (r->para, *p);
    }
}

static void
render_line_break (Render *r)
{
  while (r->para->len > 0 && r->para->str[r->para->len - 1] == ' ')
    g_string_truncate (r->para, r->para->len - 1);
  g_string_append_c (r->para, '\n');
  r->space = FALSE;
}

/* Returns whether to go into the children of @node. */
static gboolean
render_enter (Render     *r,
              xmlNodePtr  node)
{
  if (_mg_html_is_text (node))
    {
      if (node->content != NULL)
        render_text (r, (const char *) node->content);
      return FALSE;
    }
  if (!_mg_html_is_element (node) || is_skipped (r, node))
    return FALSE;
  if (_mg_html_is_tag (node, "br"))
    render_line_break (r);
  else if (is_block (node))
    render_flush (r);
  else if (_mg_html_is_tag (node, "td") || _mg_html_is_tag (node, "th"))
    r->space = TRUE;
  if (_mg_html_is_tag (node, "pre"))
    r->pre++;
  return TRUE;
}

static void
render_leave (Render     *r,
              xmlNodePtr  node)
{
  if (_mg_html_is_tag (node, "pre"))
    r->pre--;
  if (is_block (node))
    render_flush (r);
  else if (_mg_html_is_tag (node, "td") || _mg_html_is_tag (node, "th"))
    r->space = TRUE;
}

static char *
render (xmlNodePtr node,
        gboolean   visible_only)
{
  Render r = { g_string_new (NULL), g_string_new (NULL), FALSE, 0, visible_only };
  xmlNodePtr n;

  if (!render_enter (&r, node) || node->children == NULL)
    goto done;
  n = node->children;
  while (n != NULL)
    {
      if (render_enter (&r, n) && n->children != NULL && n->type != XML_ENTITY_REF_NODE)
        {
          n = n->children;
          continue;
        }
      if (_mg_html_is_element (n))
        render_leave (&r, n);
      while (n != node && n->next == NULL)
        {
          n = n->parent;
          if (n == NULL || n == node)
            break;
          render_leave (&r, n);
        }
      if (n == NULL || n == node)
        break;
      n = n->next;
    }
  render_leave (&r, node);

done:
  render_flush (&r);
  g_string_free (r.para, TRUE);
  return g_string_free (r.out, FALSE);
}

/**
 * mg_html_node_text:
 * @node: an HTML element or text node
 *
 * Renders the text of @node as paragraphs: every block element (paragraph,
 * heading, list item, table row…) on a line of its own with a blank line
 * between blocks, `<br>` as a line break, other whitespace collapsed.
 * Ruby readings (`<rt>`, `<rp>`) are left out: they gloss the base text.
 *
 * Returns: (transfer full): the text, valid UTF-8 if the tree was
 */
char *
mg_html_node_text (xmlNodePtr node)
{
  g_return_val_if_fail (node != NULL, NULL);

  return render (node, FALSE);
}

/**
 * mg_html_visible_text:
 * @doc: an HTML page as mg_html_parse() gives it
 *
 * The whole visible text of a page, for when no article is found in it:
 * everything a reader could see, as mg_html_node_text() renders it, but
 * nothing the page hides.
 *
 * Returns: (transfer full): the text, possibly empty
 */
char *
mg_html_visible_text (htmlDocPtr doc)
{
  xmlNodePtr root;

  g_return_val_if_fail (doc != NULL, NULL);

  root = xmlDocGetRootElement (doc);
  return root != NULL ? render (root, TRUE) : g_strdup ("");
}
