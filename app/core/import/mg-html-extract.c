/* mg-html-extract.c: finding the article in an HTML page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A readability-style extractor in the manner of Arc90's Readability and
 * its descendants: paragraphs give points to their ancestors by length and
 * commas, class and id names weigh containers up or down, link-heavy
 * containers lose, and the best container plus its good siblings is the
 * article. Boilerplate inside it is then dropped by the same signals. Every
 * rule is general; none knows a particular site.
 */

#define G_LOG_DOMAIN "mg-html-extract"

#include "config.h"

#include <string.h>

#include "mg-html-extract.h"
#include "mg-html-private.h"

enum {
  FLAG_STRIP_UNLIKELY = 1 << 0,
  FLAG_WEIGHT_CLASSES = 1 << 1,
  FLAG_CLEAN_CONDITIONALLY = 1 << 2,
  FLAGS_ALL = 7,
};

/* An article shorter than this (in characters) means the last pass threw
 * away too much; the next pass is more lenient. */
#define CHAR_THRESHOLD 500
/* A story cut into more boxes of one class than this is a list. */
#define SPLIT_PARTS_MAX 4
#define N_TOP_CANDIDATES 5
/* A pass's article this long is the article, with or without the page's
 * description in it. */
#define DESCRIBED_MAX 5000

typedef struct
{
  double score;
  guint  data_table : 1;
} NodeData;

typedef struct
{
  htmlDocPtr  doc;
  guint       flags;
  guint       used;        /* flags that changed something this pass */
  const char *title;
  char       *byline;
  const char *description; /* opening words of the page's description shown in its body */
  gboolean    described_lead; /* this pass put the description's block above the article */
  glong       described_lead_len; /* and its length in characters */
  xmlNodePtr  title_home;  /* where the heading repeating the title was */
  xmlNodePtr  after_title; /* the element right after that heading */
  xmlNodePtr  top;         /* the best container of this pass */
  GPtrArray  *graveyard;   /* unlinked subtrees, freed at the end */
  GPtrArray  *data;        /* NodeData hung on node->_private */
} Extract;

typedef enum {
  RE_UNLIKELY,
  RE_MAYBE,
  RE_POSITIVE,
  RE_NEGATIVE,
  RE_BYLINE,
  RE_SHARE,
  RE_HIDDEN_STYLE,
  RE_NON_WORD,
  N_RE
} ReId;

static GRegex *
re (ReId id)
{
  static GRegex *res[N_RE];
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      static const char * const patterns[N_RE] = {
        "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|"
        "footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|"
        "skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|"
        "yom-remote|advert|(^|[\\s_-])ads?([\\s_-]|$)",
        "and|article|body|column|content|main|mathjax|shadow",
        "article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story",
        "-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|"
        "masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|"
        "sponsor|shopping|tags|widget|advert|(^|[\\s_-])ads?([\\s_-]|$)",
        "byline|author|dateline|writtenby|p-author",
        "(\\b|_)(share|sharedaddy)(\\b|_)",
        "display\\s*:\\s*none|visibility\\s*:\\s*hidden",
        "\\W+",
      };

      for (guint i = 0; i < N_RE; i++)
        res[i] = g_regex_new (patterns[i], G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  return res[id];
}

static gboolean
re_match (ReId        id,
          const char *s)
{
  /* Most elements have no class or id, and every pattern needs a letter:
   * the match string " " is answered without GRegex. */
  if (s == NULL || s[strspn (s, " ")] == '\0')
    return FALSE;
  return g_regex_match (re (id), s, 0, NULL);
}

static gboolean
is_heading (xmlNodePtr node)
{
  static const char * const h[] = { "h1", "h2", "h3", "h4", "h5", "h6", NULL };
  return _mg_html_tag_in (node, h);
}

static guint
count_commas (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    switch (g_utf8_get_char (p))
      {
      case 0x002c: case 0x060c: case 0xfe50: case 0xfe10: case 0xfe11:
      case 0x2e41: case 0x2e34: case 0x2e32: case 0xff0c: case 0x3001:
        n++;
        break;
      default:
        break;
      }
  return n;
}

static NodeData *
node_data (xmlNodePtr node)
{
  return node->_private;
}

/* Unlinked nodes are kept until the pass ends, so pointers held in lists
 * never dangle. */
static void
remove_node (Extract    *ex,
             xmlNodePtr  node)
{
  xmlUnlinkNode (node);
  g_ptr_array_add (ex->graveyard, node);
}

static xmlNodePtr
remove_and_next (Extract    *ex,
                 xmlNodePtr  node)
{
  xmlNodePtr next = _mg_html_next_node (node, TRUE);

  remove_node (ex, node);
  return next;
}

static int
class_weight (Extract    *ex,
              xmlNodePtr  node)
{
  const char *cls = _mg_html_attr (node, "class");
  const char *id = _mg_html_attr (node, "id");
  int weight = 0;

  if (!(ex->flags & FLAG_WEIGHT_CLASSES))
    return 0;
  if (cls != NULL && *cls)
    {
      if (re_match (RE_NEGATIVE, cls))
        weight -= 25;
      if (re_match (RE_POSITIVE, cls))
        weight += 25;
    }
  if (id != NULL && *id)
    {
      if (re_match (RE_NEGATIVE, id))
        weight -= 25;
      if (re_match (RE_POSITIVE, id))
        weight += 25;
    }
  if (weight != 0)
    ex->used |= FLAG_WEIGHT_CLASSES;
  return weight;
}

static NodeData *
initialize_node (Extract    *ex,
                 xmlNodePtr  node)
{
  static const char * const plus3[] = { "pre", "td", "blockquote", NULL };
  static const char * const minus3[] = {
    "address", "ol", "ul", "dl", "dd", "dt", "li", "form", NULL
  };
  NodeData *d = g_new0 (NodeData, 1);

  g_ptr_array_add (ex->data, d);
  node->_private = d;
  if (_mg_html_is_tag (node, "div"))
    d->score += 5;
  else if (_mg_html_tag_in (node, plus3))
    d->score += 3;
  else if (_mg_html_tag_in (node, minus3))
    d->score -= 3;
  else if (is_heading (node) || _mg_html_is_tag (node, "th"))
    d->score -= 5;
  d->score += class_weight (ex, node);
  return d;
}

static gboolean
is_phrasing (xmlNodePtr node)
{
  static const char * const phrasing[] = {
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data",
    "datalist", "dfn", "em", "embed", "i", "img", "input", "kbd", "label",
    "mark", "math", "meter", "noscript", "object", "output", "progress", "q",
    "ruby", "samp", "script", "select", "small", "span", "strong", "sub",
    "sup", "textarea", "time", "var", "wbr", "font", "u", "s", "strike", "tt",
    "big", NULL
  };

  if (_mg_html_is_text (node))
    return TRUE;
  if (!_mg_html_is_element (node))
    return node->type == XML_COMMENT_NODE;
  if (_mg_html_tag_in (node, phrasing))
    return TRUE;
  if (_mg_html_is_tag (node, "a") || _mg_html_is_tag (node, "del") || _mg_html_is_tag (node, "ins"))
    {
      for (xmlNodePtr c = node->children; c != NULL; c = c->next)
        if (!is_phrasing (c))
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

static gboolean
has_block_descendant (xmlNodePtr node)
{
  static const char * const blocks[] = {
    "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", NULL
  };
  g_autoptr(GPtrArray) found = _mg_html_elements_by_tag (node, blocks);

  return found->len > 0;
}

static gboolean
has_single_p (xmlNodePtr node)
{
  xmlNodePtr only = _mg_html_first_element (node);

  if (only == NULL || _mg_html_n_element_children (node) != 1 || !_mg_html_is_tag (only, "p"))
    return FALSE;
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    if (_mg_html_is_text (c) && !_mg_html_is_whitespace_text (c))
      return FALSE;
  return TRUE;
}

static gboolean
is_without_content (xmlNodePtr node)
{
  guint n = _mg_html_n_element_children (node);

  return !_mg_html_has_inner_text (node) &&
         (n == 0 || n == _mg_html_count_tag (node, "br") + _mg_html_count_tag (node, "hr"));
}

static gboolean
is_probably_visible (xmlNodePtr node)
{
  const char *hidden = _mg_html_attr (node, "aria-hidden");
  const char *cls = _mg_html_attr (node, "class");

  if (re_match (RE_HIDDEN_STYLE, _mg_html_attr (node, "style")))
    return FALSE;
  if (_mg_html_attr (node, "hidden") != NULL)
    return FALSE;
  if (hidden != NULL && strcmp (hidden, "true") == 0 &&
      !(cls != NULL && strstr (cls, "fallback-image") != NULL))
    return FALSE;
  return TRUE;
}

/* Whether nothing but white space comes before @node in its parent. */
static gboolean
opens_parent (xmlNodePtr node)
{
  for (xmlNodePtr c = node->parent->children; c != node; c = c->next)
    if (!_mg_html_is_text (c) || !_mg_html_is_whitespace_text (c))
      return FALSE;
  return TRUE;
}

static gboolean
check_byline (Extract    *ex,
              xmlNodePtr  node,
              const char *match)
{
  const char *rel = _mg_html_attr (node, "rel");
  const char *itemprop = _mg_html_attr (node, "itemprop");
  g_autofree char *text = NULL;
  g_autofree char *lower = NULL;
  glong len;

  if (ex->byline != NULL)
    return FALSE;
  if (!((rel && strcmp (rel, "author") == 0) ||
        (itemprop && strstr (itemprop, "author") != NULL) ||
        re_match (RE_BYLINE, match)))
    return FALSE;
  text = _mg_html_inner_text (node);
  len = g_utf8_strlen (text, -1);
  if (len == 0 || len >= 100)
    return FALSE;
  /* A dateline opening a paragraph that goes on for a sentence ("KOBE –
   * A total of…") is the first sentence's first words, and names a
   * place, not the author. */
  lower = match != NULL ? g_ascii_strdown (match, -1) : NULL;
  if (lower != NULL && strstr (lower, "dateline") != NULL && is_phrasing (node) &&
      _mg_html_is_tag (node->parent, "p") && opens_parent (node) &&
      _mg_html_inner_length (node->parent) > len + 80)
    return FALSE;
  ex->byline = g_steal_pointer (&text);
  return TRUE;
}

/* Share of the words of @b that are not in @a: 1 means the same words. */
static double
text_similarity (const char *a,
                 const char *b)
{
  g_autofree char *la = g_utf8_strdown (a, -1);
  g_autofree char *lb = g_utf8_strdown (b, -1);
  g_auto(GStrv) ta = g_regex_split (re (RE_NON_WORD), la, 0);
  g_auto(GStrv) tb = g_regex_split (re (RE_NON_WORD), lb, 0);
  g_autoptr(GHashTable) in_a = g_hash_table_new (g_str_hash, g_str_equal);
  gsize all = 0, uniq = 0;
  guint n_all = 0, n_uniq = 0;

  /* GRegex gives up on text it cannot match (invalid UTF-8, a match limit
   * hit); such a heading is simply not the title. */
  if (ta == NULL || tb == NULL)
    return 0;

  for (guint i = 0; ta[i]; i++)
    if (*ta[i])
      g_hash_table_add (in_a, ta[i]);
  for (guint i = 0; tb[i]; i++)
    {
      if (!*tb[i])
        continue;
      all += strlen (tb[i]);
      n_all++;
      if (!g_hash_table_contains (in_a, tb[i]))
        {
          uniq += strlen (tb[i]);
          n_uniq++;
        }
    }
  if (n_all == 0 || g_hash_table_size (in_a) == 0)
    return 0;
  return 1.0 - (double) (uniq + (n_uniq ? n_uniq - 1 : 0)) / (double) (all + n_all - 1);
}

static gboolean
header_duplicates_title (Extract    *ex,
                         xmlNodePtr  node)
{
  g_autofree char *text = NULL;

  if (ex->title == NULL || !(_mg_html_is_tag (node, "h1") || _mg_html_is_tag (node, "h2")))
    return FALSE;
  text = _mg_html_inner_text (node);
  return text_similarity (ex->title, text) > 0.75;
}

/* Wraps runs of phrasing content of a <div> in <p>s, so text that sits
 * straight in a div is scored like a paragraph. */
static void
wrap_phrasing (xmlNodePtr div)
{
  xmlNodePtr p = NULL;
  xmlNodePtr next;

  for (xmlNodePtr c = div->children; c != NULL; c = next)
    {
      next = c->next;
      if (is_phrasing (c))
        {
          if (p != NULL)
            _mg_html_append_child (p, c);
          else if (!_mg_html_is_whitespace (c))
            {
              p = xmlNewDocNode (div->doc, NULL, (const xmlChar *) "p", NULL);
              _mg_html_replace_node (c, p);
              _mg_html_append_child (p, c);
            }
        }
      else if (p != NULL)
        {
          while (p->last != NULL && _mg_html_is_whitespace (p->last))
            {
              xmlNodePtr last = p->last;
              xmlUnlinkNode (last);
              xmlFreeNode (last);
            }
          p = NULL;
        }
    }
}

static void
score_paragraph (Extract    *ex,
                 xmlNodePtr  el,
                 GPtrArray  *candidates)
{
  g_autofree char *text = NULL;
  glong len;
  double score;
  xmlNodePtr anc = el->parent;

  if (!_mg_html_is_element (el->parent))
    return;
  text = _mg_html_inner_text (el);
  len = g_utf8_strlen (text, -1);
  if (len < 25)
    return;
  score = 1 + (count_commas (text) + 1) + MIN (len / 100, 3);
  for (int level = 0; level < 5 && _mg_html_is_element (anc); level++, anc = anc->parent)
    {
      NodeData *d;

      if (!_mg_html_is_element (anc->parent))
        break;
      if ((d = node_data (anc)) == NULL)
        {
          d = initialize_node (ex, anc);
          g_ptr_array_add (candidates, anc);
        }
      d->score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
    }
}

/* The first walk over the page: drops what cannot be the article, turns
 * text-only divs into paragraphs, and lists the elements to score. */
static GPtrArray *
prepare_and_collect (Extract    *ex,
                     xmlNodePtr  root)
{
  static const char * const to_score[] = {
    "section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre", NULL
  };
  static const char * const unlikely_roles[] = {
    "menu", "menubar", "complementary", "navigation", "alert", "alertdialog",
    "dialog", NULL
  };
  static const char * const emptyable[] = {
    "div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6", NULL
  };
  GPtrArray *elements = g_ptr_array_new ();
  gboolean title_header_left = TRUE;
  xmlNodePtr node = root;

  while (node != NULL)
    {
      g_autofree char *match = _mg_html_match_string (node);
      const char *role = _mg_html_attr (node, "role");
      const char *modal = _mg_html_attr (node, "aria-modal");

      if (!is_probably_visible (node) ||
          (modal && strcmp (modal, "true") == 0 && role && strcmp (role, "dialog") == 0) ||
          check_byline (ex, node, match))
        {
          node = remove_and_next (ex, node);
          continue;
        }
      if (title_header_left && header_duplicates_title (ex, node))
        {
          title_header_left = FALSE;
          ex->title_home = node->parent;
          ex->after_title = _mg_html_next_element (node);
          node = remove_and_next (ex, node);
          continue;
        }
      if (ex->flags & FLAG_STRIP_UNLIKELY)
        {
          gboolean unlikely = FALSE;

          /* The classes of <html> and <body> name the site and the
           * states of its scripts ("ads-enabled", "bbcdotcom-init"),
           * never a block of furniture: the page is never unlikely. */
          if (re_match (RE_UNLIKELY, match) && !re_match (RE_MAYBE, match) &&
              !_mg_html_has_ancestor_tag (node, "table", -1) &&
              !_mg_html_has_ancestor_tag (node, "code", -1) &&
              !_mg_html_is_tag (node, "html") &&
              !_mg_html_is_tag (node, "body") && !_mg_html_is_tag (node, "a"))
            unlikely = TRUE;
          for (guint i = 0; role != NULL && unlikely_roles[i] != NULL; i++)
            unlikely |= strcmp (role, unlikely_roles[i]) == 0;
          /* A <header> holding the standfirst is the article's own
           * (the page's was dropped with the furniture): it stays for
           * the standfirst to be found in it. */
          if (unlikely && _mg_html_is_tag (node, "header") && _mg_html_holds_lead (node))
            unlikely = FALSE;
          if (unlikely)
            {
              ex->used |= FLAG_STRIP_UNLIKELY;
              node = remove_and_next (ex, node);
              continue;
            }
        }
      if (_mg_html_tag_in (node, emptyable) && is_without_content (node))
        {
          node = remove_and_next (ex, node);
          continue;
        }
      if (_mg_html_tag_in (node, to_score))
        g_ptr_array_add (elements, node);

      if (_mg_html_is_tag (node, "div"))
        {
          wrap_phrasing (node);
          /* A div holding one paragraph is that paragraph. */
          if (has_single_p (node) && _mg_html_link_density (node) < 0.25)
            {
              xmlNodePtr p = _mg_html_first_element (node);

              _mg_html_replace_node (node, p);
              g_ptr_array_add (ex->graveyard, node);
              node = p;
              g_ptr_array_add (elements, node);
            }
          else if (!has_block_descendant (node))
            {
              _mg_html_set_tag (node, "p");
              g_ptr_array_add (elements, node);
            }
        }
      node = _mg_html_next_node (node, FALSE);
    }
  return elements;
}

static xmlNodePtr
body_of (htmlDocPtr doc)
{
  xmlNodePtr html = xmlDocGetRootElement (doc);

  for (xmlNodePtr c = html ? html->children : NULL; c != NULL; c = c->next)
    if (_mg_html_is_tag (c, "body"))
      return c;
  return html;
}

static gboolean
ancestors_contain (xmlNodePtr node,
                   xmlNodePtr ancestor)
{
  for (node = node->parent; node != NULL; node = node->parent)
    if (node == ancestor)
      return TRUE;
  return FALSE;
}

static char *squeeze_spaces (const char *text);

static gboolean
node_holds (xmlNodePtr  node,
            const char *words)
{
  g_autofree char *text = mg_html_node_text (node);
  g_autofree char *squeezed = squeeze_spaces (text);

  return strstr (squeezed, words) != NULL;
}

typedef enum {
  HEADLINE_NONE,
  HEADLINE_TITLE,
  HEADLINE_OTHER
} Headline;

/* Whether the headline over @node is the page's title: that of the
 * nearest ancestor (or @node itself) that holds the place of the heading
 * repeating the title (taken out already) or an <h1>. */
static Headline
headline_over (Extract    *ex,
               xmlNodePtr  node,
               xmlNodePtr  body)
{
  for (; _mg_html_is_element (node) && node != body; node = node->parent)
    {
      if (ex->title_home != NULL &&
          (node == ex->title_home || ancestors_contain (ex->title_home, node)))
        return HEADLINE_TITLE;
      for (xmlNodePtr n = _mg_html_walk_next (node, node, FALSE); n != NULL;
           n = _mg_html_walk_next (n, node, FALSE))
        if (_mg_html_is_tag (n, "h1"))
          {
            g_autofree char *text = _mg_html_inner_text (n);

            return text_similarity (ex->title, text) > 0.75 ? HEADLINE_TITLE : HEADLINE_OTHER;
          }
    }
  return HEADLINE_NONE;
}

/* Picks the container of the article among the scored candidates. */
static xmlNodePtr
pick_top_candidate (Extract    *ex,
                    GPtrArray  *candidates,
                    xmlNodePtr  body)
{
  xmlNodePtr top[N_TOP_CANDIDATES] = { NULL, };
  xmlNodePtr best, parent;
  double last, threshold;
  guint n_alt = 0;

  for (guint i = 0; i < candidates->len; i++)
    {
      xmlNodePtr c = candidates->pdata[i];
      NodeData *d = node_data (c);

      d->score *= 1 - _mg_html_link_density (c);
      for (guint t = 0; t < N_TOP_CANDIDATES; t++)
        if (top[t] == NULL || d->score > node_data (top[t])->score)
          {
            memmove (top + t + 1, top + t, (N_TOP_CANDIDATES - t - 1) * sizeof top[0]);
            top[t] = c;
            break;
          }
    }

  best = top[0];
  if (best == NULL || best == body || _mg_html_is_tag (best, "body"))
    {
      /* No container stands out: take the whole body. */
      xmlNodePtr div = xmlNewDocNode (ex->doc, NULL, (const xmlChar *) "div", NULL);

      while (body->children != NULL)
        _mg_html_append_child (div, body->children);
      _mg_html_append_child (body, div);
      initialize_node (ex, div);
      return div;
    }

  /* The page's description opens the article most often: of the
   * candidates near the best, one apart from it that holds the
   * description is the article, and the best (a list of names with many
   * commas, a comment) is not. A box around the best that holds it is
   * only the article with its header. */
  if (ex->description != NULL && !node_holds (best, ex->description))
    for (guint i = 1; i < N_TOP_CANDIDATES && top[i] != NULL; i++)
      if (node_data (top[i])->score >= node_data (best)->score / 3 &&
          !ancestors_contain (best, top[i]) && node_holds (top[i], ex->description))
        {
          best = top[i];
          break;
        }

  /* A page that loads the next articles as the reader scrolls holds
   * several, each under its own headline: the page's own is the one
   * whose headline is the page's title, though a later one be longer.
   * The text is taken from a box below the headline (not the one that
   * held it, taken out already, with the header's bits), long enough to
   * be an article: a box in the page's header is not. */
  if (ex->title != NULL && headline_over (ex, best, body) == HEADLINE_OTHER)
    {
      xmlNodePtr own = NULL;

      for (guint i = 0; i < candidates->len; i++)
        {
          xmlNodePtr c = candidates->pdata[i];

          if (node_data (c)->score >= node_data (best)->score / 10 &&
              (ex->title_home == NULL ||
               (c != ex->title_home && !ancestors_contain (ex->title_home, c))) &&
              (own == NULL || node_data (c)->score > node_data (own)->score) &&
              !ancestors_contain (best, c) && !ancestors_contain (c, best) && c != best &&
              _mg_html_inner_length (c) >= CHAR_THRESHOLD &&
              headline_over (ex, c, body) == HEADLINE_TITLE)
            own = c;
        }
      if (own != NULL)
        best = own;
    }

  /* Several near-best candidates under one ancestor: the article is
   * probably split into parts, and that ancestor holds them all. */
  for (guint i = 1; i < N_TOP_CANDIDATES && top[i] != NULL; i++)
    n_alt += node_data (top[i])->score / node_data (best)->score >= 0.75;
  if (n_alt >= 3)
    for (parent = best->parent;
         _mg_html_is_element (parent) && parent != body;
         parent = parent->parent)
      {
        guint n = 0;

        for (guint i = 1; i < N_TOP_CANDIDATES && top[i] != NULL; i++)
          if (node_data (top[i])->score / node_data (best)->score >= 0.75 &&
              ancestors_contain (top[i], parent))
            n++;
        if (n >= 3)
          {
            best = parent;
            break;
          }
      }
  if (node_data (best) == NULL)
    initialize_node (ex, best);

  last = node_data (best)->score;
  threshold = last / 3;
  for (parent = best->parent;
       _mg_html_is_element (parent) && parent != body;
       parent = parent->parent)
    {
      if (node_data (parent) == NULL)
        continue;
      if (node_data (parent)->score < threshold)
        break;
      if (node_data (parent)->score > last)
        {
          best = parent;
          break;
        }
      last = node_data (parent)->score;
    }

  for (parent = best->parent;
       _mg_html_is_element (parent) && parent != body && _mg_html_n_element_children (parent) == 1;
       parent = parent->parent)
    best = parent;
  if (node_data (best) == NULL)
    initialize_node (ex, best);
  return best;
}

static gboolean
sibling_belongs (xmlNodePtr sibling,
                 xmlNodePtr top,
                 double     threshold)
{
  const char *cls = _mg_html_attr (sibling, "class");
  const char *top_cls = _mg_html_attr (top, "class");
  double bonus = 0;

  if (sibling == top)
    return TRUE;
  if (cls && top_cls && *top_cls && strcmp (cls, top_cls) == 0)
    bonus = node_data (top)->score * 0.2;
  if (node_data (sibling) != NULL && node_data (sibling)->score + bonus >= threshold)
    return TRUE;
  if (_mg_html_is_tag (sibling, "p"))
    {
      double density = _mg_html_link_density (sibling);
      g_autofree char *text = _mg_html_inner_text (sibling);
      glong len = g_utf8_strlen (text, -1);

      if (len > 80 && density < 0.25)
        return TRUE;
      if (len < 80 && len > 0 && density == 0 &&
          (strstr (text, ". ") != NULL || g_str_has_suffix (text, ".")))
        return TRUE;
    }
  return FALSE;
}

/* Whether @part could be a piece of the article that @top holds the
 * rest of: the same element under the same class names, apart from it,
 * with text enough to be paragraphs and few links. Posts and whole
 * articles (an <article>, an <li>, a block under an <h1> of its own)
 * are others' stories that share the template; see also
 * find_split_parts(). */
static gboolean
is_split_part (xmlNodePtr  part,
               xmlNodePtr  top,
               const char *cls)
{
  return part != top && _mg_html_is_element (part) &&
         xmlStrcmp (part->name, top->name) == 0 &&
         g_strcmp0 (_mg_html_attr (part, "class"), cls) == 0 &&
         !ancestors_contain (top, part) && !ancestors_contain (part, top) &&
         _mg_html_inner_length (part) >= 140 && _mg_html_link_density (part) < 0.3 &&
         _mg_html_count_tag (part, "h1") == 0;
}

/* Sites cut a long story into boxes of one class between which they
 * put advertisements, pictures or a newsletter's form, each box in a
 * section of the page's grid of its own: the boxes apart from the best
 * one are listed in @before and @after it in the page. A story is cut
 * into a few; many boxes of one class are a list of teasers or posts. */
static void
find_split_parts (Extract    *ex,
                  xmlNodePtr  body,
                  xmlNodePtr  top,
                  GPtrArray  *before,
                  GPtrArray  *after)
{
  static const char * const whole[] = { "article", "li", NULL };
  const char *cls = _mg_html_attr (top, "class");
  g_autoptr(GHashTable) seen = NULL;
  gboolean past = FALSE;

  if (cls == NULL || *cls == '\0' || _mg_html_tag_in (top, whole))
    return;
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (xmlNodePtr n = _mg_html_walk_next (body, body, FALSE); n != NULL;)
    {
      if (n == top)
        {
          past = TRUE;
          n = _mg_html_walk_next (n, body, TRUE);
          continue;
        }
      if (is_split_part (n, top, cls))
        {
          g_autofree char *text = _mg_html_inner_text (n);

          /* A box the page holds twice, for small and large screens,
           * is one box. */
          if (g_hash_table_add (seen, g_steal_pointer (&text)))
            g_ptr_array_add (past ? after : before, n);
          n = _mg_html_walk_next (n, body, TRUE);
          continue;
        }
      n = _mg_html_walk_next (n, body, FALSE);
    }
  if (before->len + after->len > SPLIT_PARTS_MAX)
    {
      g_ptr_array_set_size (before, 0);
      g_ptr_array_set_size (after, 0);
    }
  /* A box under another story's headline (the next article of a page
   * that loads them as the reader scrolls) is that story's. */
  for (guint i = before->len; ex->title != NULL && i > 0; i--)
    if (headline_over (ex, before->pdata[i - 1], body) == HEADLINE_OTHER)
      g_ptr_array_remove_index (before, i - 1);
  for (guint i = after->len; ex->title != NULL && i > 0; i--)
    if (headline_over (ex, after->pdata[i - 1], body) == HEADLINE_OTHER)
      g_ptr_array_remove_index (after, i - 1);
}

/* Puts the boxes of a story cut into several around the one gathered,
 * in the page's order; one that came in with the best one's siblings is
 * there already. */
static void
add_split_parts (xmlNodePtr  article,
                 GPtrArray  *before,
                 GPtrArray  *after)
{
  xmlNodePtr first = article->children;

  for (guint i = 0; i < before->len; i++)
    if (!ancestors_contain (before->pdata[i], article))
      {
        xmlUnlinkNode (before->pdata[i]);
        if (first != NULL)
          xmlAddPrevSibling (first, before->pdata[i]);
        else
          _mg_html_append_child (article, before->pdata[i]);
      }
  for (guint i = 0; i < after->len; i++)
    if (!ancestors_contain (after->pdata[i], article))
      _mg_html_append_child (article, after->pdata[i]);
}

static xmlNodePtr
gather_article (Extract    *ex,
                xmlNodePtr  top)
{
  static const char * const keep_tag[] = {
    "div", "article", "section", "p", "ol", "ul", NULL
  };
  xmlNodePtr article = xmlNewDocNode (ex->doc, NULL, (const xmlChar *) "div", NULL);
  xmlNodePtr parent = top->parent;
  double threshold = MAX (10, node_data (top)->score * 0.2);
  xmlNodePtr next;

  for (xmlNodePtr s = _mg_html_first_element (parent); s != NULL; s = next)
    {
      next = _mg_html_next_element (s);
      if (sibling_belongs (s, top, threshold))
        {
          if (!_mg_html_tag_in (s, keep_tag))
            _mg_html_set_tag (s, "div");
          _mg_html_append_child (article, s);
        }
    }
  return article;
}

static void
mark_data_tables (Extract    *ex,
                  xmlNodePtr  root)
{
  static const char * const tables[] = { "table", NULL };
  static const char * const data_parts[] = {
    "col", "colgroup", "tfoot", "thead", "th", "caption", NULL
  };
  g_autoptr(GPtrArray) found = _mg_html_elements_by_tag (root, tables);

  for (guint i = 0; i < found->len; i++)
    {
      xmlNodePtr t = found->pdata[i];
      const char *role = _mg_html_attr (t, "role");
      const char *dt = _mg_html_attr (t, "datatable");
      g_autoptr(GPtrArray) parts = NULL;
      gboolean data = FALSE;
      guint rows = 0, cols = 0;

      if (node_data (t) == NULL)
        initialize_node (ex, t);
      if ((role && strcmp (role, "presentation") == 0) || (dt && strcmp (dt, "0") == 0))
        continue;
      parts = _mg_html_elements_by_tag (t, data_parts);
      if (_mg_html_attr (t, "summary") != NULL || parts->len > 0)
        data = TRUE;
      else if (_mg_html_count_tag (t, "table") == 0)
        {
          for (xmlNodePtr n = _mg_html_walk_next (t, t, FALSE); n != NULL;
               n = _mg_html_walk_next (n, t, FALSE))
            if (_mg_html_is_tag (n, "tr"))
              {
                guint c = 0;

                rows++;
                for (xmlNodePtr cell = n->children; cell != NULL; cell = cell->next)
                  if (_mg_html_is_tag (cell, "td"))
                    {
                      const char *span = _mg_html_attr (cell, "colspan");
                      c += span ? CLAMP (atoi (span), 1, 100) : 1;
                    }
                cols = MAX (cols, c);
              }
          data = rows >= 10 || cols > 4 || rows * cols > 10;
        }
      node_data (t)->data_table = data;
    }
}

static gboolean
in_data_table (xmlNodePtr node)
{
  for (node = node->parent; _mg_html_is_element (node); node = node->parent)
    if (_mg_html_is_tag (node, "table") && node_data (node) && node_data (node)->data_table)
      return TRUE;
  return FALSE;
}

/* Removes every element named in @tags, found in one walk. */
static void
clean_tags (Extract            *ex,
            xmlNodePtr          root,
            const char * const *tags)
{
  g_autoptr(GPtrArray) found = _mg_html_elements_by_tag (root, tags);

  for (guint i = found->len; i > 0; i--)
    remove_node (ex, found->pdata[i - 1]);
}

static double
heading_density (xmlNodePtr node)
{
  static const char * const h[] = { "h1", "h2", "h3", "h4", "h5", "h6", NULL };
  g_autoptr(GPtrArray) found = _mg_html_elements_by_tag (node, h);
  glong len = _mg_html_inner_length (node);
  glong hlen = 0;

  if (len == 0)
    return 0;
  for (guint i = 0; i < found->len; i++)
    hlen += _mg_html_inner_length (found->pdata[i]);
  return (double) hlen / len;
}

typedef struct
{
  guint p, img, li, input, embed;
} TagCounts;

/* The descendants of @root that should_clean() weighs, counted in one
 * walk rather than one walk per tag: it runs for every div. */
static void
count_tags (xmlNodePtr  root,
            TagCounts  *counts)
{
  static const char * const embeds[] = { "object", "embed", "iframe", NULL };

  memset (counts, 0, sizeof *counts);
  for (xmlNodePtr n = root->children ? _mg_html_walk_next (root, root, FALSE) : NULL; n != NULL;
       n = _mg_html_walk_next (n, root, FALSE))
    {
      if (!_mg_html_is_element (n))
        continue;
      if (_mg_html_is_tag (n, "p"))
        counts->p++;
      else if (_mg_html_is_tag (n, "img"))
        counts->img++;
      else if (_mg_html_is_tag (n, "li"))
        counts->li++;
      else if (_mg_html_is_tag (n, "input"))
        counts->input++;
      else if (_mg_html_tag_in (n, embeds))
        counts->embed++;
    }
}

static gboolean
should_clean (Extract    *ex,
              xmlNodePtr  node,
              const char *tag)
{
  static const char * const lists[] = { "ul", "ol", NULL };
  g_autofree char *text = NULL;
  gboolean is_list = _mg_html_tag_in (node, lists);
  int weight;

  text = _mg_html_inner_text (node);
  if (!is_list && *text)
    {
      g_autoptr(GPtrArray) found = _mg_html_elements_by_tag (node, lists);
      glong list_len = 0;

      for (guint i = 0; i < found->len; i++)
        list_len += _mg_html_inner_length (found->pdata[i]);
      is_list = (double) list_len / g_utf8_strlen (text, -1) > 0.9;
    }
  if (_mg_html_is_tag (node, "table") && node_data (node) && node_data (node)->data_table)
    return FALSE;
  if (in_data_table (node) || _mg_html_has_ancestor_tag (node, "code", -1))
    return FALSE;

  weight = class_weight (ex, node);
  if (weight < 0)
    return TRUE;
  if (count_commas (text) < 10)
    {
      TagCounts counts;
      guint p, img, input;
      int li;
      double hdensity = heading_density (node);
      double density = _mg_html_link_density (node);
      glong len = g_utf8_strlen (text, -1);
      gboolean in_figure = _mg_html_has_ancestor_tag (node, "figure", -1);
      gboolean remove;

      count_tags (node, &counts);
      p = counts.p;
      img = counts.img;
      li = (int) counts.li - 100;
      input = counts.input;
      remove = (img > 1 && (double) p / img < 0.5 && !in_figure) ||
               (!is_list && li > (int) p) ||
               (input > p / 3) ||
               (!is_list && hdensity < 0.9 && len < 25 && (img == 0 || img > 2) && !in_figure) ||
               (!is_list && weight < 25 && density > 0.2) ||
               (weight >= 25 && density > 0.5) ||
               (counts.embed == 1 && len < 75) || counts.embed > 1;
      /* A plain list of images stays. */
      if (is_list && remove)
        {
          for (xmlNodePtr c = _mg_html_first_element (node); c != NULL;
               c = _mg_html_next_element (c))
            if (_mg_html_n_element_children (c) > 1)
              return TRUE;
          if (img == counts.li)
            return FALSE;
        }
      return remove;
    }
  return FALSE;
}

static void
clean_conditionally (Extract    *ex,
                     xmlNodePtr  root,
                     const char *tag)
{
  const char *names[] = { tag, NULL };
  g_autoptr(GPtrArray) found = NULL;

  if (!(ex->flags & FLAG_CLEAN_CONDITIONALLY))
    return;
  found = _mg_html_elements_by_tag (root, names);
  for (guint i = found->len; i > 0; i--)
    {
      xmlNodePtr node = found->pdata[i - 1];

      if (node->parent != NULL && should_clean (ex, node, tag))
        {
          ex->used |= FLAG_CLEAN_CONDITIONALLY;
          remove_node (ex, node);
        }
    }
}

/* Share bars and the like: small blocks named for sharing. */
static void
clean_share (Extract    *ex,
             xmlNodePtr  article)
{
  for (xmlNodePtr top = _mg_html_first_element (article); top != NULL;
       top = _mg_html_next_element (top))
    {
      xmlNodePtr n = _mg_html_walk_next (top, top, FALSE);

      while (n != NULL)
        {
          g_autofree char *match = _mg_html_is_element (n) ? _mg_html_match_string (n) : NULL;

          if (match && re_match (RE_SHARE, match) && _mg_html_inner_length (n) < CHAR_THRESHOLD)
            {
              xmlNodePtr next = _mg_html_walk_next (n, top, TRUE);

              remove_node (ex, n);
              n = next;
            }
          else
            n = _mg_html_walk_next (n, top, FALSE);
        }
    }
}

/* A form's box holds the form and little else: its label ("Sign up for
 * our newsletter"), a line of small print. Without the form those lines
 * stand alone in the text and ask for something no longer there, so the
 * box goes whole: the largest block around a form whose text outside the
 * form is under 100 characters. */
static void
clean_form_boxes (Extract    *ex,
                  xmlNodePtr  article)
{
  static const char * const forms[] = { "form", NULL };
  g_autoptr(GPtrArray) found = _mg_html_elements_by_tag (article, forms);

  for (guint i = found->len; i > 0; i--)
    {
      xmlNodePtr form = found->pdata[i - 1];
      xmlNodePtr box = form;
      glong inside;

      if (form->parent == NULL || !ancestors_contain (form, article))
        continue;
      inside = _mg_html_inner_length (form);
      /* Some sites hold the whole page in one form (ASP.NET's): a form
       * around the best container or around the headline is no sign-up
       * box. */
      if (form == ex->top || ancestors_contain (ex->top, form) ||
          (ex->title_home != NULL &&
           (form == ex->title_home || ancestors_contain (ex->title_home, form))))
        continue;
      while (box->parent != NULL && box->parent != article &&
             _mg_html_is_element (box->parent) &&
             _mg_html_inner_length (box->parent) - inside < 100)
        box = box->parent;
      remove_node (ex, box);
    }
}

static void
prep_article (Extract    *ex,
              xmlNodePtr  article)
{
  static const char * const dropped[] = {
    "object", "embed", "footer", "link", "aside", "iframe", "input",
    "textarea", "select", "button", NULL
  };
  static const char * const headers[] = { "h1", "h2", NULL };
  static const char * const ps[] = { "p", NULL };
  g_autoptr(GPtrArray) hs = NULL;
  g_autoptr(GPtrArray) paras = NULL;

  mark_data_tables (ex, article);
  clean_form_boxes (ex, article);
  clean_conditionally (ex, article, "form");
  clean_conditionally (ex, article, "fieldset");
  clean_share (ex, article);
  clean_tags (ex, article, dropped);

  hs = _mg_html_elements_by_tag (article, headers);
  for (guint i = hs->len; i > 0; i--)
    if (class_weight (ex, hs->pdata[i - 1]) < 0)
      remove_node (ex, hs->pdata[i - 1]);

  clean_conditionally (ex, article, "table");
  clean_conditionally (ex, article, "ul");
  clean_conditionally (ex, article, "div");

  paras = _mg_html_elements_by_tag (article, ps);
  for (guint i = paras->len; i > 0; i--)
    {
      xmlNodePtr p = paras->pdata[i - 1];
      g_autofree char *text = _mg_html_inner_text (p);

      if (*text == '\0' && _mg_html_count_tag (p, "img") + _mg_html_count_tag (p, "iframe") +
          _mg_html_count_tag (p, "embed") + _mg_html_count_tag (p, "object") == 0)
        remove_node (ex, p);
    }
}

/* Readability's handling of <br><br>: a run of two or more breaks ends a
 * paragraph, and the phrasing content after it becomes a new <p>. */
static xmlNodePtr
next_significant (xmlNodePtr node)
{
  while (node != NULL && !_mg_html_is_element (node) && _mg_html_is_whitespace_text (node))
    node = node->next;
  return node;
}

static void
replace_brs (Extract    *ex,
             xmlNodePtr  body)
{
  static const char * const brs[] = { "br", NULL };
  g_autoptr(GPtrArray) found = _mg_html_elements_by_tag (body, brs);

  for (guint i = 0; i < found->len; i++)
    {
      xmlNodePtr br = found->pdata[i];
      xmlNodePtr next = br->next;
      gboolean replaced = FALSE;
      xmlNodePtr p;

      if (br->parent == NULL)
        continue;
      while ((next = next_significant (next)) != NULL && _mg_html_is_tag (next, "br"))
        {
          xmlNodePtr after = next->next;

          replaced = TRUE;
          remove_node (ex, next);
          next = after;
        }
      if (!replaced)
        continue;
      p = xmlNewDocNode (ex->doc, NULL, (const xmlChar *) "p", NULL);
      _mg_html_replace_node (br, p);
      g_ptr_array_add (ex->graveyard, br);
      for (next = p->next; next != NULL;)
        {
          xmlNodePtr sibling;

          if (_mg_html_is_tag (next, "br"))
            {
              xmlNodePtr after = next_significant (next->next);
              if (after != NULL && _mg_html_is_tag (after, "br"))
                break;
            }
          if (!is_phrasing (next))
            break;
          sibling = next->next;
          _mg_html_append_child (p, next);
          next = sibling;
        }
      while (p->last != NULL && _mg_html_is_whitespace (p->last))
        remove_node (ex, p->last);
      if (_mg_html_is_tag (p->parent, "p"))
        _mg_html_set_tag (p->parent, "div");
    }
}

static void
prep_document (Extract    *ex,
               xmlNodePtr  root)
{
  /* A <title> names the page in the browser's tab, never in the page:
   * one the parser puts in the body (a page whose <head> breaks early)
   * is not a line of the article. */
  static const char * const junk[] = {
    "script", "noscript", "style", "template", "svg", "math", "title", NULL
  };
  static const char * const fonts[] = { "font", NULL };
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) font = NULL;

  if (_mg_html_clean_page (root, (ex->flags & FLAG_STRIP_UNLIKELY) != 0, ex->graveyard))
    ex->used |= FLAG_STRIP_UNLIKELY;
  found = _mg_html_elements_by_tag (root, junk);
  for (guint i = found->len; i > 0; i--)
    remove_node (ex, found->pdata[i - 1]);
  /* Comments hold nothing for a reader and would split text runs. */
  for (xmlNodePtr n = _mg_html_walk_next (root, root, FALSE); n != NULL;)
    {
      xmlNodePtr next = _mg_html_walk_next (n, root, n->type == XML_COMMENT_NODE);

      if (n->type == XML_COMMENT_NODE)
        remove_node (ex, n);
      n = next;
    }
  replace_brs (ex, root);
  font = _mg_html_elements_by_tag (root, fonts);
  for (guint i = 0; i < font->len; i++)
    _mg_html_set_tag (font->pdata[i], "span");
}

static void
extract_clear (Extract *ex)
{
  for (guint i = 0; i < ex->graveyard->len; i++)
    xmlFreeNode (ex->graveyard->pdata[i]);
  g_ptr_array_set_size (ex->graveyard, 0);
  g_ptr_array_set_size (ex->data, 0);
}

/* The block above the article that shows the page's description: the
 * standfirst, which sites set apart from the body under the headline
 * where no name says what it is. It is found by going down from @body
 * into the child that holds the description's opening words, as long as
 * one does; the block must come before @top in the page, not hold it,
 * and be short and mostly not links. */
static xmlNodePtr
description_block (xmlNodePtr  body,
                   xmlNodePtr  top,
                   const char *description)
{
  xmlNodePtr block = body;
  gboolean descended = TRUE;

  if (!node_holds (body, description))
    return NULL;
  while (descended)
    {
      descended = FALSE;
      for (xmlNodePtr c = _mg_html_first_element (block); c != NULL; c = _mg_html_next_element (c))
        {
          /* Past the article, or at it: the text the description opens
           * is the article's own, or comes after it. */
          if (c == top)
            return NULL;
          if (ancestors_contain (top, c))
            {
              if (!node_holds (c, description))
                return NULL;
              block = c;
              descended = TRUE;
              break;
            }
          if (node_holds (c, description))
            {
              block = c;
              descended = TRUE;
              break;
            }
        }
    }
  if (block == body || ancestors_contain (top, block) || _mg_html_inner_length (block) > 1000 ||
      _mg_html_link_density (block) >= 0.3)
    return NULL;
  return block;
}

/* A heading right after the headline, long as a sentence, is the
 * standfirst set as a subtitle ("<h1>Rent strike looms</h1><h2>Tenants
 * in three cities say they cannot pay in May…</h2>"), not a section's
 * heading; it leads the article when it is outside what was gathered. */
static gboolean
is_subtitle (xmlNodePtr  body,
             xmlNodePtr  top,
             xmlNodePtr  node)
{
  glong len;

  if (!_mg_html_is_tag (node, "h2") || !ancestors_contain (node, body) ||
      node == top || ancestors_contain (node, top) || ancestors_contain (top, node))
    return FALSE;
  len = _mg_html_inner_length (node);
  return len >= 50 && len <= 300 && _mg_html_link_density (node) < 0.3;
}

/* One pass of the extractor with the flags of @ex; returns the article's
 * text, possibly too short. */
static char *
extract_pass (Extract    *ex,
              htmlDocPtr  source)
{
  g_autoptr(GPtrArray) elements = NULL;
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autoptr(GPtrArray) before = g_ptr_array_new ();
  g_autoptr(GPtrArray) after = g_ptr_array_new ();
  xmlNodePtr root, body, top, article, lead;
  gboolean from_description = FALSE;
  char *text;

  /* Copying a tree costs a quarter of parsing it again. */
  ex->doc = xmlCopyDoc (source, 1);
  if (ex->doc == NULL || (root = xmlDocGetRootElement (ex->doc)) == NULL)
    {
      g_clear_pointer (&ex->doc, xmlFreeDoc);
      return g_strdup ("");
    }
  body = body_of (ex->doc);
  ex->title_home = NULL;
  ex->after_title = NULL;
  prep_document (ex, root);
  elements = prepare_and_collect (ex, root);
  for (guint i = 0; i < elements->len; i++)
    score_paragraph (ex, elements->pdata[i], candidates);

  top = pick_top_candidate (ex, candidates, body);
  ex->top = top;
  lead = _mg_html_find_lead (top);
  if (lead == NULL && ex->after_title != NULL && is_subtitle (body, top, ex->after_title))
    lead = ex->after_title;
  ex->described_lead = FALSE;
  ex->described_lead_len = 0;
  if (lead == NULL && ex->description != NULL && !node_holds (top, ex->description))
    {
      lead = description_block (body, top, ex->description);
      from_description = lead != NULL;
    }
  /* The boxes are found by their class names, which only the passes
   * that weigh class names trust. */
  if (ex->flags & FLAG_WEIGHT_CLASSES)
    find_split_parts (ex, body, top, before, after);
  article = gather_article (ex, top);
  add_split_parts (article, before, after);
  if (lead != NULL && !ancestors_contain (lead, article))
    {
      ex->described_lead = from_description;
      ex->described_lead_len = from_description ? _mg_html_inner_length (lead) : 0;
      xmlUnlinkNode (lead);
      _mg_html_set_tag (lead, "p");
      if (article->children != NULL)
        xmlAddPrevSibling (article->children, lead);
      else
        _mg_html_append_child (article, lead);
    }
  prep_article (ex, article);
  _mg_html_clean_article (article, ex->graveyard);
  text = mg_html_node_text (article);

  xmlFreeNode (article);
  extract_clear (ex);
  g_clear_pointer (&ex->doc, xmlFreeDoc);
  return text;
}

/* A stricter pass that found some text found the article, only a short
 * one; a more lenient pass that finds more elsewhere has usually found
 * what the strict rules were right to drop (the comments, a cookie
 * notice). Its text counts only if it holds the strict text's start, or
 * is several times as long. */
static gboolean
lenient_result_holds (const char *lenient,
                      const char *strict,
                      glong       strict_len)
{
  g_autofree char *start = NULL;
  const char *end;

  if (strict_len < 100 || g_utf8_strlen (lenient, -1) > 3 * strict_len)
    return TRUE;
  end = strstr (strict, "\n");
  if (end == NULL || end - strict > 80)
    end = g_utf8_offset_to_pointer (strict, MIN (strict_len, 40));
  start = g_strndup (strict, end - strict);
  return strstr (lenient, start) != NULL;
}

/* Collapses runs of white space to one space, so texts rendered with
 * different line breaks compare. */
static char *
squeeze_spaces (const char *text)
{
  GString *s = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && s->len > 0)
            g_string_append_c (s, ' ');
          space = FALSE;
          g_string_append_c (s, *p);
        }
    }
  return g_string_free (s, FALSE);
}

/* The opening words of the page's description (og:description, then
 * description), if the page's visible body holds them: the description is
 * most often the article's first sentence, so where it stands in the
 * page is where the article is. Descriptions written apart from the
 * article are not in the body, and say nothing. */
static char *
description_in_body (htmlDocPtr doc)
{
  static const char * const names[] = { "og:description", "description", NULL };
  xmlNodePtr root = xmlDocGetRootElement (doc);
  const char *content = NULL;
  g_autofree char *opening = NULL;
  g_autofree char *body = NULL;
  const char *end;
  guint words = 0;

  for (guint i = 0; names[i] != NULL && content == NULL; i++)
    for (xmlNodePtr n = root; n != NULL && content == NULL; n = _mg_html_walk_next (n, root, FALSE))
      {
        const char *key;

        if (_mg_html_is_tag (n, "body"))
          break;
        if (!_mg_html_is_tag (n, "meta"))
          continue;
        key = _mg_html_attr (n, "property");
        if (key == NULL)
          key = _mg_html_attr (n, "name");
        if (key != NULL && g_ascii_strcasecmp (key, names[i]) == 0)
          content = _mg_html_attr (n, "content");
      }
  if (content == NULL)
    return NULL;
  opening = squeeze_spaces (content);
  /* Eight words and 40 characters say it is the same sentence; fewer
   * could be a common phrase. */
  for (end = opening; *end && (words < 8 || end - opening < 40); end++)
    if (*end == ' ')
      words++;
  if (*end == '\0')
    return NULL;
  opening[end - 1 - opening] = '\0';
  body = mg_html_visible_text (doc);
  {
    g_autofree char *squeezed = squeeze_spaces (body);

    if (strstr (squeezed, opening) == NULL)
      return NULL;
  }
  return g_steal_pointer (&opening);
}

static gboolean
holds_description (const char *text,
                   const char *description)
{
  g_autofree char *squeezed = squeeze_spaces (text);

  return strstr (squeezed, description) != NULL;
}

/**
 * mg_html_extract_doc:
 * @doc: an HTML page as mg_html_parse() gives it; left unchanged
 * @title: (nullable): the article's title, to drop a heading repeating it
 * @byline: (out) (optional) (transfer full): the byline found in the page
 *
 * Finds the article a reader came for and returns its text: paragraphs,
 * headings and list items one per line with a blank line between.
 * Navigation, share bars, comments and other boilerplate are left out.
 *
 * Returns: (transfer full): the text, possibly empty
 */
char *
mg_html_extract_doc (htmlDocPtr   doc,
                     const char  *title,
                     char       **byline)
{
  Extract ex = { NULL, FLAGS_ALL, 0, title, NULL, NULL, FALSE, 0, NULL, NULL, NULL };
  g_autofree char *description = NULL;
  char *described = NULL;
  char *described_byline = NULL;
  char *best = NULL;
  glong best_len = -1;
  gboolean best_own = FALSE;
  guint used = FLAGS_ALL;

  g_return_val_if_fail (doc != NULL, NULL);

  ex.graveyard = g_ptr_array_new ();
  ex.data = g_ptr_array_new_with_free_func (g_free);
  description = description_in_body (doc);
  ex.description = description;

  /* Each failed pass drops one of the stricter rules, as Readability does:
   * unlikely containers first, then class weights, then cleaning. */
  for (guint pass = 0; pass < 4; pass++)
    {
      char *text;
      glong len;
      gboolean own;

      /* A pass that only drops a rule the last pass never applied would
       * repeat it exactly (text and byline); most short pages have no
       * class names to weigh and nothing unlikely to strip. */
      if (pass > 0 && !(used & (1u << (pass - 1))))
        {
          ex.flags &= ~(1u << pass);
          continue;
        }
      g_clear_pointer (&ex.byline, g_free);
      ex.used = 0;
      text = extract_pass (&ex, doc);
      used = ex.used;
      /* The description's block put above the article says nothing of
       * whether the pass found the article: it is not counted. */
      len = g_utf8_strlen (text, -1) - ex.described_lead_len;
      own = !ex.described_lead && description != NULL && holds_description (text, description);
      /* The lead alone is no article: the pass must find the text too. */
      if (described == NULL && len >= CHAR_THRESHOLD && own)
        {
          described = g_strdup (text);
          described_byline = g_strdup (ex.byline);
        }
      if (len > best_len && (best == NULL || lenient_result_holds (text, best, best_len)))
        {
          g_free (best);
          best = text;
          best_len = len;
          best_own = own;
        }
      else
        g_free (text);
      /* Long enough, but without the lead the page's body holds: the
       * pass probably took a disclosure or a comment thread for the
       * article, and a more lenient one may find the real one. Such
       * blocks are short; a long text without the lead is the article
       * (and more passes over a long page cost the most). */
      if (len >= CHAR_THRESHOLD &&
          (description == NULL || described != NULL || len >= DESCRIBED_MAX))
        break;
      ex.flags &= ~(1u << pass);
    }
  if (described != NULL && !best_own)
    {
      g_free (best);
      best = g_steal_pointer (&described);
      g_free (ex.byline);
      ex.byline = g_steal_pointer (&described_byline);
    }
  g_free (described);
  g_free (described_byline);

  if (byline != NULL)
    *byline = g_steal_pointer (&ex.byline);
  g_free (ex.byline);
  g_ptr_array_unref (ex.graveyard);
  g_ptr_array_unref (ex.data);
  return best;
}

/**
 * mg_html_extract:
 * @utf8: an HTML page in UTF-8
 * @n_bytes: its length
 * @title: (nullable): the article's title, to drop a heading repeating it
 * @byline: (out) (optional) (transfer full): the byline found in the page
 *
 * Parses the page and calls mg_html_extract_doc() on it.
 *
 * Returns: (transfer full): the text, possibly empty
 */
char *
mg_html_extract (const char  *utf8,
                 gsize        n_bytes,
                 const char  *title,
                 char       **byline)
{
  htmlDocPtr doc;
  char *text;

  g_return_val_if_fail (utf8 != NULL || n_bytes == 0, NULL);

  if (byline != NULL)
    *byline = NULL;
  doc = mg_html_parse (utf8, n_bytes);
  if (doc == NULL)
    return g_strdup ("");
  text = mg_html_extract_doc (doc, title, byline);
  xmlFreeDoc (doc);
  return text;
}
