/* mg-html-clean.c: what a reader skips on a news page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rules that hold for news pages in general, never for one site: the
 * README lists them. The page rules run before the article is looked for
 * (so boilerplate cannot win it), the article rules on the article found.
 */

#define G_LOG_DOMAIN "mg-html-extract"

#include "config.h"

#include <string.h>

#include "mg-html-private.h"

/* Captions and credits up to this many characters are dropped; longer
 * ones read as part of the story. */
#define CAPTION_MAX 100

static void
bury (xmlNodePtr  node,
      GPtrArray  *graveyard)
{
  xmlUnlinkNode (node);
  g_ptr_array_add (graveyard, node);
}

/* Whether the class or id of @node holds one of @words, lower-cased:
 * anywhere in it, or (@whole) as a whole word between spaces, '-' and
 * '_', so that "promo" is not found in "promoted". It runs for every
 * element and every list: names are lower-cased into a buffer on the
 * stack, and elements without names answer at once. */
static gboolean
named (xmlNodePtr          node,
       const char * const *words,
       gboolean            whole)
{
  const char *attrs[] = { _mg_html_attr (node, "class"), _mg_html_attr (node, "id") };

  for (guint a = 0; a < G_N_ELEMENTS (attrs); a++)
    {
      char lower[256];
      gsize n;

      if (attrs[a] == NULL || *attrs[a] == '\0')
        continue;
      /* Longer names are cut: what they say is said early. */
      for (n = 0; attrs[a][n] != '\0' && n < sizeof lower - 1; n++)
        lower[n] = g_ascii_tolower (attrs[a][n]);
      lower[n] = '\0';
      for (guint i = 0; words[i] != NULL; i++)
        for (const char *p = lower; (p = strstr (p, words[i])) != NULL; p++)
          {
            char after = p[strlen (words[i])];

            if (!whole || ((p == lower || strchr (" -_", p[-1]) != NULL) &&
                           (after == '\0' || strchr (" -_", after) != NULL)))
              return TRUE;
          }
    }
  return FALSE;
}

static gboolean
has_ancestor_in (xmlNodePtr          node,
                 const char * const *tags)
{
  for (node = node->parent; _mg_html_is_element (node); node = node->parent)
    if (_mg_html_tag_in (node, tags))
      return TRUE;
  return FALSE;
}

/* A <noscript> holding paragraphs is the page for readers without
 * scripts, sometimes the only copy of the article; one holding a
 * tracking pixel or a plea to turn scripts on is not. The strict pass
 * drops them all (they repeat what scripts show, or hold a consent
 * notice); the lenient passes read the ones with paragraphs. Returns
 * whether the strict pass dropped one a lenient pass would read. */
static gboolean
clean_noscript (xmlNodePtr  node,
                gboolean    strict,
                GPtrArray  *graveyard)
{
  gboolean prose = _mg_html_count_tag (node, "p") > 0 && _mg_html_inner_length (node) >= 200;

  if (prose && !strict)
    _mg_html_set_tag (node, "div");
  else
    bury (node, graveyard);
  return prose && strict;
}

static gboolean is_credited_caption (const char *text,
                                     glong       len);
static gboolean ends_in_credit      (const char *lower);

/* A long caption is part of the story, unless it carries its picture's
 * credit (at its end, "… the day after. Credit: Name", or as the credited
 * caption a line can be): then it is a photo's caption, however long. */
static gboolean
is_credited_block (xmlNodePtr node)
{
  glong len = _mg_html_inner_length (node);
  g_autofree char *text = NULL;
  g_autofree char *lower = NULL;

  if (len >= 300)
    return FALSE;
  text = _mg_html_inner_text (node);
  if (is_credited_caption (text, len))
    return TRUE;
  lower = g_utf8_strdown (text, -1);
  return ends_in_credit (g_strstrip (lower));
}

/* Tags of words inside a line, not lines of their own. */
static const char * const inline_tags[] = {
  "a", "span", "em", "strong", "b", "i", "u", "small", "abbr", "cite", "code", "time",
  "label", "sup", "sub", "mark", "q", "font", NULL
};

/* Whether @node is furniture whatever the page: ruby readings, captions
 * and credits, and (in the strict pass) navigation, the page's own
 * header and footer, text hidden from sight, and blocks named for
 * newsletters, promotions, cookie notices and links to other articles. */
static gboolean
is_furniture (xmlNodePtr node,
              gboolean   strict)
{
  static const char * const always[] = { "rt", "rp", "figcaption", NULL };
  static const char * const chrome[] = { "nav", "header", "footer", NULL };
  static const char * const containers[] = { "article", "main", NULL };
  static const char * const captions[] = { "caption", "credit", NULL };
  static const char * const hidden[] = {
    "sr-only", "visually-hidden", "screen-reader", "visuallyhidden", NULL
  };
  /* A dialog ("…-dialog", "dialogbox") waits hidden for the reader to
   * open it (feedback forms, "make us your home page" steps): it is no
   * part of the page read. */
  static const char * const promos[] = {
    "newsletter", "subscribe", "subscription", "signup", "outbrain", "taboola", "recommend",
    "breadcrumb", "kommentar", "author-bio", "authorbio", "author-box", "authors-box", "about-author", "author-info",
    "disqus", "related", "entry-utility", "entry-footer", "entryfooter", "post-footer",
    "tag-links", "next-post", "nextstory", "next-story", "post-navigation", "dialog", NULL
  };
  static const char * const promo_words[] = {
    "promo", "promos", "cookie", "cookies", "consent", "paywall", "trending", "popular",
    "mostread", "comment", "comments", "respond", "ticker", "breaking", "meta", "tags",
    "byline", "dateline", "author", "authors", NULL
  };

  if (_mg_html_tag_in (node, always) && (!_mg_html_is_tag (node, "figcaption") ||
                                          _mg_html_inner_length (node) < CAPTION_MAX ||
                                          is_credited_block (node)))
    return TRUE;
  if (named (node, captions, FALSE) &&
      (_mg_html_inner_length (node) < CAPTION_MAX || is_credited_block (node)))
    return TRUE;
  if (_mg_html_is_tag (node, "body") || _mg_html_is_tag (node, "html"))
    return FALSE;
  /* Names on words inside a sentence (an author's link, a tag) are not
   * blocks to drop: their words are part of the sentence. */
  if (!_mg_html_tag_in (node, inline_tags) &&
      (named (node, promos, FALSE) || named (node, promo_words, TRUE)) &&
      _mg_html_inner_length (node) < 2000)
    return TRUE;
  if (!strict)
    return FALSE;
  if (_mg_html_is_tag (node, "nav"))
    return TRUE;
  /* A header holding most of the page is a layout box, not a header. */
  if (_mg_html_tag_in (node, chrome) && !has_ancestor_in (node, containers) &&
      (_mg_html_inner_length (node) < 2000 || _mg_html_link_density (node) > 0.5))
    return TRUE;
  return named (node, hidden, FALSE);
}

/**
 * _mg_html_clean_page:
 * @root: the page
 * @strict: whether to drop what is only probably furniture
 * @graveyard: where removed nodes go
 *
 * Drops the furniture of a page before the article is looked for.
 *
 * Returns: whether a rule of the strict pass removed something
 */
gboolean
_mg_html_clean_page (xmlNodePtr  root,
                     gboolean    strict,
                     GPtrArray  *graveyard)
{
  xmlNodePtr n = _mg_html_walk_next (root, root, FALSE);
  gboolean strict_used = FALSE;

  while (n != NULL)
    {
      xmlNodePtr next;

      if (!_mg_html_is_element (n))
        {
          n = _mg_html_walk_next (n, root, FALSE);
          continue;
        }
      if (_mg_html_is_tag (n, "noscript"))
        {
          next = _mg_html_walk_next (n, root, TRUE);
          strict_used |= clean_noscript (n, strict, graveyard);
          n = _mg_html_is_tag (n, "div") ? n : next;
          if (n == next)
            continue;
        }
      if (is_furniture (n, strict))
        {
          strict_used |= strict && !is_furniture (n, FALSE);
          next = _mg_html_walk_next (n, root, TRUE);
          bury (n, graveyard);
          n = next;
          continue;
        }
      n = _mg_html_walk_next (n, root, FALSE);
    }
  return strict_used;
}

static gboolean
starts_with_any (const char         *text,
                 const char * const *prefixes)
{
  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_ascii_strncasecmp (text, prefixes[i], strlen (prefixes[i])) == 0)
      return TRUE;
  return FALSE;
}

/* @node's text in lower case, trimmed, when it is a short line of fewer
 * than @max_length characters; %NULL for a longer one. */
static char *
short_line_lower (xmlNodePtr node,
                  glong      max_length)
{
  g_autofree char *text = NULL;

  if (_mg_html_inner_length (node) >= max_length)
    return NULL;
  text = _mg_html_inner_text (node);
  return g_utf8_strdown (g_strstrip (text), -1);
}

static gboolean ends_sentence (const char *text);

/* A photo's caption that carries its credit: the credit ends it ("… ©
 * AFP / Name", "… (Foto: Name/dpa)"), or names a picture agency and the
 * line is no sentence ("Name/Getty Images", "Shutterstock"). Stories quote
 * agencies in sentences, which end as sentences do. */
static gboolean
is_credited_caption (const char *text,
                     glong       len)
{
  static const char * const agencies[] = {
    "getty images", "gettyimages", "shutterstock", "thinkstock", "istock", "unsplash",
    "pixabay", "picture alliance", "picture-alliance", "imago", "wenn.com", "/dpa", "/afp",
    "/reuters", "/ap", "keystone", NULL
  };
  static const char * const labels[] = { "(foto:", "(fotos:", "(bild:", "(photo:", "(quelle:", "(credit:", NULL };
  g_autofree char *lower = g_utf8_strdown (text, -1);
  gsize n = strlen (lower);
  const char *copy = g_strrstr (lower, "©");
  const char *open = strrchr (lower, '(');

  if (copy != NULL && lower + n - copy < 60)
    return TRUE;
  if (open != NULL && n > 0 && lower[n - 1] == ')' && starts_with_any (open, labels))
    return TRUE;
  if (len >= 80 || ends_sentence (lower))
    return FALSE;
  for (guint i = 0; agencies[i] != NULL; i++)
    if (strstr (lower, agencies[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* "… at the debate. Photo: AP": a line whose last words are a credit
 * label and a name, after the caption's last sentence. */
static gboolean
ends_in_credit (const char *lower)
{
  static const char * const tail_labels[] = {
    "foto:", "fotos:", "photo:", "photos:", "bild:", "credit:", "credits:", "crédito:",
    "créditos:", NULL
  };
  gsize n = strlen (lower);

  for (guint i = 0; tail_labels[i] != NULL; i++)
    {
      const char *label = g_strrstr (lower, tail_labels[i]);

      if (label != NULL && label > lower && lower + n - label < 60 &&
          strchr (" .-–|/", label[-1]) != NULL && strchr (label, '.') == NULL)
        return TRUE;
    }
  return FALSE;
}

/* Whether the links of @node are words of a sentence: the text before
 * the first one runs into it ("… replaced Anna Berg, <a>who led…</a>",
 * not "Read more: <a>…</a>" nor "Seen this? <a>…</a>") and the block ends
 * as a sentence does. */
static gboolean
links_in_sentence (xmlNodePtr node)
{
  g_autoptr(GString) before = g_string_new (NULL);
  g_autofree char *text = NULL;
  const char *last;

  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      if (_mg_html_is_element (c) && (_mg_html_is_tag (c, "a") || _mg_html_count_tag (c, "a") > 0))
        break;
      if (_mg_html_is_text (c))
        g_string_append (before, (const char *) c->content);
      else if (_mg_html_is_element (c))
        {
          g_autofree char *inner = _mg_html_inner_text (c);

          g_string_append (before, inner);
        }
    }
  g_strchomp (before->str);
  if (*before->str == '\0')
    return FALSE;
  last = g_utf8_find_prev_char (before->str, before->str + strlen (before->str));
  if (*last != ',' && !g_unichar_isalnum (g_utf8_get_char (last)))
    return FALSE;
  text = _mg_html_inner_text (node);
  return ends_sentence (g_strstrip (text));
}

/* A short block that is a credit, a copyright line or a pointer to
 * another article rather than part of this one. */
static gboolean
is_stray_line (xmlNodePtr node)
{
  static const char * const credits[] = {
    "foto:", "fotos:", "photo:", "photos:", "bild:", "bilder:", "credit:", "credits:",
    "image:", "images:", "quelle:", "photograph by", "picture:", "crédit", "©", "(c) ",
    "copyright", "titelbild", "beitragsbild", "symbolbild", "bildquelle", "abbildung:",
    "image copyright", "image credit", "photo credit", "picture credit", "image source:",
    "bildnachweis", NULL
  };
  g_autofree char *text = NULL;
  glong len = _mg_html_inner_length (node);

  if (len == 0 || len >= 200)
    return FALSE;
  if (_mg_html_is_tag (node, "p") && _mg_html_link_density (node) >= 0.6 &&
      !links_in_sentence (node))
    return TRUE;
  text = _mg_html_inner_text (node);
  if (len < 120 && starts_with_any (text, credits))
    return TRUE;
  if (is_credited_caption (text, len))
    return TRUE;
  {
    g_autofree char *lower = g_utf8_strdown (text, -1);

    if (ends_in_credit (lower))
      return TRUE;
  }
  return strstr (text, "All rights reserved") != NULL ||
         strstr (text, "all rights reserved") != NULL;
}

static gboolean is_heading (xmlNodePtr node);

/* Months' names and their short forms in the languages of the pages
 * read most. */
static const char * const months[] = {
  "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
  "oktober", "november", "dezember", "january", "february", "march", "may", "june", "july",
  "october", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
  "oct", "okt", "nov", "dec", "dez", "enero", "febrero", "marzo", "abril", "mayo", "junio",
  "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre", "janvier",
  "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre",
  "novembre", "décembre", NULL
};

/* A date with its month in words, and at most a weekday or a place
 * besides: "9. Dezember 2013", "Aug. 16, 2020", "Lübeck, 31. März 2003". */
static gboolean
is_worded_date (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_auto(GStrv) words = NULL;
  guint month = 0, year = 0, other = 0;

  g_strdelimit (lower, ".,/-", ' ');
  words = g_strsplit (lower, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];
      gsize n = strlen (w);

      if (n == 0)
        continue;
      if (g_strv_contains (months, w))
        month++;
      else if (n == 4 && strspn (w, "0123456789") == 4)
        year++;
      else if (n <= 2 && strspn (w, "0123456789") == n)
        ;
      else
        other++;
    }
  return month == 1 && year == 1 && other <= 2;
}

/* Whether @text names a month in words ("24. März 2004, 19:49"). */
static gboolean
has_month_word (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_auto(GStrv) words = NULL;

  g_strdelimit (lower, ".,/-:|", ' ');
  words = g_strsplit (lower, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (g_strv_contains (months, words[i]))
      return TRUE;
  return FALSE;
}

/* Whether @text holds a time of day, "19:49". */
static gboolean
has_clock_time (const char *text)
{
  for (const char *p = text; *p; p++)
    if (*p == ':' && p > text && g_ascii_isdigit (p[-1]) &&
        g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && !g_ascii_isdigit (p[3]))
      return TRUE;
  return FALSE;
}

/* Whether @text holds a date in figures: three groups of digits joined
 * by one separator ("23.10.2018", "2020-04-11", "10/27/20"), the year
 * left out only after a dot ("11.04."). */
static gboolean
has_figure_date (const char *text)
{
  static const char digits[] = "0123456789";

  for (const char *p = text; *p; p++)
    {
      gsize day, month, year;
      char sep;

      if (!g_ascii_isdigit (*p) || (p > text && g_ascii_isdigit (p[-1])))
        continue;
      day = strspn (p, digits);
      sep = p[day];
      if (day > 4 || sep == '\0' || strchr ("./-", sep) == NULL)
        continue;
      month = strspn (p + day + 1, digits);
      if (month < 1 || month > 2 || p[day + 1 + month] != sep)
        continue;
      year = strspn (p + day + month + 2, digits);
      if (year <= 4 && (year > 0 || sep == '.'))
        return TRUE;
    }
  return FALSE;
}

/* Whether @node's text is only that of <time> elements, with spaces and
 * separators between ("22 Dec, 2016 | 23 Dec, 2016"; "Published 3 May"
 * is not, and goes by the other rules): the story's dates on a line of
 * their own, however they are written. */
static gboolean
is_time_line (xmlNodePtr node)
{
  g_autoptr(GString) rest = g_string_new (NULL);
  guint times = 0;

  if (_mg_html_inner_length (node) > 120)
    return FALSE;
  for (xmlNodePtr n = _mg_html_walk_next (node, node, FALSE); n != NULL;)
    {
      if (_mg_html_is_tag (n, "time"))
        {
          times += _mg_html_has_inner_text (n);
          n = _mg_html_walk_next (n, node, TRUE);
          continue;
        }
      if (n->type == XML_TEXT_NODE && n->content != NULL)
        g_string_append (rest, (const char *) n->content);
      n = _mg_html_walk_next (n, node, FALSE);
    }
  if (times == 0)
    return FALSE;
  for (const char *p = rest->str; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && !g_unichar_ispunct (c) && c != 0xa0)
        return FALSE;
    }
  return TRUE;
}

/* Whether nothing but blank text stands beside @node: no words before
 * or after it in the same line. */
static gboolean
stands_alone (xmlNodePtr node)
{
  return (node->prev == NULL || _mg_html_is_whitespace_text (node->prev)) &&
         (node->next == NULL || _mg_html_is_whitespace_text (node->next));
}

/* The story's dates left loose in the article's box (a header's
 * <time>s once its byline is gone) or on a line of their own; a <time>
 * with words beside it in its line ("Published: <span><time>…") is left
 * to the line rules. */
static void
bury_loose_times (xmlNodePtr  article,
                  GPtrArray  *graveyard)
{
  static const char * const times[] = { "time", NULL };
  static const char * const lines[] = {
    "p", "div", "li", "header", "footer", "section", "dd", "dt", "center", "h1", "h2", "h3",
    "h4", "h5", "h6", NULL
  };
  static const char * const boxes[] = {
    "div", "header", "footer", "section", "article", "main", NULL
  };
  g_autoptr(GPtrArray) found = _mg_html_elements_by_tag (article, times);

  for (guint i = found->len; i > 0; i--)
    {
      xmlNodePtr n = found->pdata[i - 1];
      xmlNodePtr line;
      xmlNodePtr a = n->parent;

      /* Gone already with a line of several dates. */
      while (a != NULL && a != article)
        a = a->parent;
      if (a == NULL)
        continue;
      while (n->parent != article && _mg_html_tag_in (n->parent, inline_tags) && stands_alone (n))
        n = n->parent;
      line = n->parent;
      /* A line of dates and separators only. */
      if (line != article && is_time_line (line) &&
          (_mg_html_tag_in (line, lines) || stands_alone (line)))
        bury (line, graveyard);
      /* A date loose between blocks. */
      else if (stands_alone (n) && (line == article || _mg_html_tag_in (line, boxes)))
        bury (n, graveyard);
    }
}

/* A block that says when, and nothing else: "23.10.2018", "Updated:
 * 11.04.2020, 10:27". The date of the story is metadata, not its text. */
static gboolean
is_date_line (xmlNodePtr node)
{
  g_autofree char *text = NULL;
  guint digits = 0, letters = 0, seps = 0;

  if (_mg_html_inner_length (node) > 40)
    return FALSE;
  text = _mg_html_inner_text (node);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      digits += g_unichar_isdigit (c);
      letters += g_unichar_isalpha (c);
      seps += c == '.' || c == '/' || c == '-' || c == ':';
    }
  /* Coordinates ("GPS: N24 39 16.4 E121 18 19.5"), phone numbers and
   * figures of a game or a rate have digits and separators too, but
   * neither a date's shape, a time of day nor a month. */
  if (digits >= 6 && seps >= 2 && letters <= 16 &&
      (has_figure_date (text) || has_clock_time (text) || has_month_word (text)))
    return TRUE;
  /* A heading with a month in it names a period ("Campaign December
   * 2019"), not the story's date. */
  return !is_heading (node) && is_worded_date (text);
}

/* Whether @text ends as a sentence does, or as a quotation closes. */
static gboolean
ends_sentence (const char *text)
{
  static const gunichar ends[] = {
    '.', '!', '?', '"', ')', 0x2026, 0x201d, 0x201c, 0xbb, 0x3002, 0xff01, 0xff1f, 0xff09,
    0x300d, 0x300f, 0x3011
  };
  const char *last;
  gunichar c;

  if (*text == '\0')
    return FALSE;
  last = g_utf8_find_prev_char (text, text + strlen (text));
  c = g_utf8_get_char (last);
  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    if (c == ends[i])
      return TRUE;
  return FALSE;
}

static gboolean
is_copula (const char *word)
{
  return g_ascii_strcasecmp (word, "is") == 0 || g_ascii_strcasecmp (word, "ist") == 0 ||
         g_ascii_strcasecmp (word, "est") == 0;
}

/* A short line after the article's last sentence: the label of a list of
 * links or of a button that is gone ("More on this", "Read next"). */
static gboolean
is_trailing_label (xmlNodePtr node)
{
  /* A post's sign-off ("xx, Anna", "Liebe Grüße, eure Lisa") is the
   * author's closing words, not a label, though it is no sentence. */
  static const char * const sign_offs[] = {
    "x ", "xx", "xo", "love,", "love ", "cheers", "hugs", "liebe grüße", "viele grüße",
    "herzliche grüße", "liebste grüße", "eure ", "euer ", "bis bald", "ciao", "saludos",
    "un abrazo", "besos", "bisous", "gros bisous", NULL
  };
  g_autofree char *text = NULL;
  g_autofree char *lower = NULL;
  g_auto(GStrv) words = NULL;
  guint n = 0;

  if (_mg_html_is_tag (node, "li") || _mg_html_is_tag (node, "td") ||
      _mg_html_inner_length (node) >= 60)
    return FALSE;
  text = _mg_html_inner_text (node);
  lower = g_utf8_strdown (text, -1);
  if (starts_with_any (g_strchug (lower), sign_offs))
    return FALSE;
  /* A column's last line says who wrote it, stop or not: a name of two
   * to four words, then "is" ("LAURIE SMITH IS THE NETWORK'S POLITICAL
   * EDITOR"). That is a statement, not a label. */
  words = g_strsplit (g_strstrip (text), " ", -1);
  while (n < 4 && words[n] != NULL && g_unichar_isupper (g_utf8_get_char (words[n])) &&
         !is_copula (words[n]))
    n++;
  if (n >= 2 && words[n] != NULL && is_copula (words[n]) && words[n + 1] != NULL &&
      words[n + 2] != NULL)
    return FALSE;
  return !ends_sentence (text);
}

/* Whether @node is a short line, at most @max_length characters, that is
 * one of @labels (lower case) once @punctuation is made spaces and the
 * ends trimmed. An advertisement's label and an appendix's heading are
 * both a fixed word alone on its line, and both are found this way. */
static gboolean
is_lone_label (xmlNodePtr          node,
               glong               max_length,
               const char         *punctuation,
               const char * const *labels)
{
  g_autofree char *text = NULL;
  g_autofree char *lower = NULL;

  if (_mg_html_inner_length (node) > max_length)
    return FALSE;
  text = _mg_html_inner_text (node);
  lower = g_utf8_strdown (g_strstrip (g_strdelimit (text, punctuation, ' ')), -1);
  return g_strv_contains (labels, lower);
}

/* The label an advertisement carries, alone on its line. */
static gboolean
is_ad_label (xmlNodePtr node)
{
  static const char * const labels[] = {
    "advertisement", "anzeige", "werbung", "publicidad", "publicité", "pubblicità",
    "reklama", "sponsored", "annonce", "ad", NULL
  };
  g_autofree char *lower = NULL;

  if (is_lone_label (node, 20, "-*:()[]", labels))
    return TRUE;
  /* "ANZEIGE - Heute mal ausgehen?": the label, then the advert's words. */
  if ((lower = short_line_lower (node, 200)) == NULL)
    return FALSE;
  for (guint i = 0; labels[i] != NULL; i++)
    {
      gsize n = strlen (labels[i]);

      if (strncmp (lower, labels[i], n) == 0 && n > 2 &&
          (g_str_has_prefix (lower + n, " - ") || g_str_has_prefix (lower + n, ": ") ||
           g_str_has_prefix (lower + n, " | ") || g_str_has_prefix (lower + n, " \xe2\x80\x93 ")))
        return TRUE;
    }
  return FALSE;
}

/* A line pointing to other articles ("Lesen Sie auch: …", "PUEDES VER:
 * …", "Schon gelesen?"): sites of every language open such teasers with a
 * fixed phrase. A single word counts only with its colon ("Related:",
 * "MIRA:"), since a sentence may start with it. */
static gboolean
is_pointer_line (xmlNodePtr node)
{
  static const char * const phrases[] = {
    "read also", "also read", "see also", "siehe auch", "read more", "more on this",
    "lesen sie auch", "lesen sie mehr", "auch interessant", "weitere artikel", "schon gelesen",
    "zum weiterlesen", "mehr zum thema", "weiterführende links",
    "das könnte sie auch interessieren", "puedes ver", "lee también", "lea también",
    "ver también", "te puede interesar", "le puede interesar", "también te puede interesar",
    "veja também", "leia também", "leia mais", "lire aussi", "à lire aussi", "voir aussi",
    "leggi anche", "czytaj też", "czytaj także", "zobacz też", "zobacz także",
    "entdecke weitere", "vorschau auf den nächsten", "related articles", "related posts",
    "related stories", "further reading", "lee más", "leer más",
    "audios et vidéos sur le sujet", "sur le même sujet", NULL
  };
  /* Openings a sentence may have too ("More from the minister
   * later…"): they count on a short line that is no sentence. */
  static const char * const heads[] = { "mehr zu", "mehr zum", "more from", NULL };
  static const char * const words[] = {
    "related", "mira", "watch", "lesen", "siehe", "lee", "lea", "leia", "veja", "lire",
    "czytaj", NULL
  };
  g_autofree char *text = NULL;
  g_autofree char *lower = NULL;

  /* Past a short line, only a list of the links themselves under the
   * phrase ("Siehe auch" and six headlines) is such a line. */
  if (_mg_html_inner_length (node) >= 250 && _mg_html_link_density (node) < 0.75)
    return FALSE;
  text = _mg_html_inner_text (node);
  lower = g_utf8_strdown (text, -1);
  for (guint i = 0; phrases[i] != NULL; i++)
    /* strchr() finds the terminating nul too: the phrase alone counts. */
    if (g_str_has_prefix (lower, phrases[i]) &&
        strchr (" :?!.", lower[strlen (phrases[i])]) != NULL)
      return TRUE;
  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (lower, words[i]) && lower[strlen (words[i])] == ':')
      return TRUE;
  if (_mg_html_inner_length (node) >= 100 || ends_sentence (g_strstrip (lower)))
    return FALSE;
  for (guint i = 0; heads[i] != NULL; i++)
    if (g_str_has_prefix (lower, heads[i]) && strchr (" :", lower[strlen (heads[i])]) != NULL)
      return TRUE;
  return FALSE;
}

/* The heading of an appendix alone on its line ("Kontakt:", "Weitere
 * Informationen", "Quellen"): press releases and reports end with one
 * before the press office's address or a list of sources, neither of
 * which is the story. */
static gboolean
is_appendix_label (xmlNodePtr node)
{
  static const char * const labels[] = {
    "kontakt", "contact", "contacts", "pressekontakt", "press contact", "media contact",
    "ansprechpartner", "ansprechpartnerin", "weitere informationen", "more information",
    "further information", "zusatzinformationen", "quellen", "quellenangaben",
    "quellennachweis", "sources", "über den autor", "über die autorin", "about the author",
    NULL
  };

  return is_lone_label (node, 40, ":", labels);
}

/* The site asking the reader for something (to subscribe, sign up for a
 * newsletter, follow it, support it) rather than telling the story. */
static gboolean
is_reader_appeal (xmlNodePtr node)
{
  static const char * const openings[] = {
    "subscribe", "sign up", "never miss", "join us", "follow us", "if you enjoyed",
    "if you liked", "do you want to be informed", "for the latest stories",
    "for the latest news", "abonnieren sie", "abonniere ", "gefällt dir", "gefällt ihnen",
    "suscríbete", "únete", "zapraszamy", "we want to hear", "submit a letter",
    "submit your letter", "help us ", "get the latest", NULL
  };
  static const char * const inside[] = {
    "our newsletter", "unseren newsletter", "unserem newsletter", "consider supporting",
    NULL
  };
  static const char * const networks[] = { " on twitter", " on facebook", " on instagram", NULL };
  g_autofree char *text = NULL;
  g_autofree char *lower = NULL;
  glong len;

  /* Sentences of appeal; a bare button label ("Sign up for our
   * newsletter") is a form's, and goes or stays with it. */
  len = _mg_html_inner_length (node);
  if (len < 30 || len >= 300)
    return FALSE;
  text = _mg_html_inner_text (node);
  lower = g_utf8_strdown (text, -1);
  for (guint i = 0; openings[i] != NULL; i++)
    if (g_str_has_prefix (lower, openings[i]))
      return TRUE;
  for (guint i = 0; inside[i] != NULL; i++)
    if (strstr (lower, inside[i]) != NULL)
      return TRUE;
  if (g_str_has_prefix (lower, "follow "))
    for (guint i = 0; networks[i] != NULL; i++)
      if (strstr (lower, networks[i]) != NULL)
        return TRUE;
  return FALSE;
}

/* The placeholder of an embed that loads only once the reader agrees
 * ("Klicken Sie auf den Button, um den Inhalt von … zu laden", "Mit dem
 * Laden des Beitrags akzeptieren Sie…", "External content"): it stands for
 * a post or a map that is not there, and says so in the site's words. */
static gboolean
is_embed_placeholder (xmlNodePtr node)
{
  static const char * const labels[] = {
    "externer inhalt", "externe inhalte", "external content", "embedded content", NULL
  };
  static const char * const inside[] = {
    "mit dem laden", "um den inhalt", "inhalt nachzuladen", "inhalte nachzuladen",
    "inhalt zu laden", "inhalte zu laden", "to load the content", "load external content",
    "by loading the", "click to load", NULL
  };
  g_autofree char *text = NULL;
  g_autofree char *lower = NULL;

  if (_mg_html_inner_length (node) >= 250)
    return FALSE;
  if (is_lone_label (node, 30, ":.!", labels))
    return TRUE;
  text = _mg_html_inner_text (node);
  lower = g_utf8_strdown (text, -1);
  for (guint i = 0; inside[i] != NULL; i++)
    if (strstr (lower, inside[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* What a picture, a gallery or a player carries alone on its line once
 * the picture is gone: "Image", "Video", "Gallery: Harbour | 14 Photos". */
static gboolean
is_media_label (xmlNodePtr node)
{
  static const char * const labels[] = {
    "image", "images", "photo", "photos", "picture", "video", "audio", "gallery", "slideshow",
    "play video", "watch video", "bild", "bilder", "foto", "fotos", "galerie",
    "bildergalerie", "fotostrecke", "video abspielen", "imagen", "vídeo", "galería", NULL
  };
  static const char * const counted[] = {
    "photos", "images", "pictures", "slides", "bilder", "fotos", "fotografías", NULL
  };
  g_autofree char *lower = NULL;
  g_auto(GStrv) words = NULL;
  guint n;

  if (is_lone_label (node, 30, ":.!()[]|", labels))
    return TRUE;
  if ((lower = short_line_lower (node, 100)) == NULL)
    return FALSE;
  /* A gallery's name with the count of its pictures last. */
  words = g_strsplit (lower, " ", -1);
  n = g_strv_length (words);
  return n >= 2 && g_strv_contains (counted, words[n - 1]) &&
         strspn (words[n - 2], "0123456789") == strlen (words[n - 2]) && *words[n - 2] != '\0';
}

/* What a PHP site prints when its code fails ("Warning: … in
 * /www/…/classes.php on line 407"): the server's error, not the page's
 * words. */
static gboolean
is_server_error (xmlNodePtr node)
{
  static const char * const levels[] = {
    "warning:", "notice:", "deprecated:", "fatal error:", "parse error:", "strict standards:",
    NULL
  };
  g_autofree char *lower = short_line_lower (node, 600);
  const char *at;

  /* Nothing after the line number: a paragraph the error ran into is
   * the page's. */
  if (lower == NULL || !starts_with_any (lower, levels) ||
      (at = g_strrstr (lower, ".php on line ")) == NULL)
    return FALSE;
  at += strlen (".php on line ");
  return *at != '\0' && strspn (at, "0123456789") == strlen (at);
}

/* A widget's credit to the service behind it ("Powered by SmartAsset"):
 * the line says who made the tool, not what happened. */
static gboolean
is_powered_by (xmlNodePtr node)
{
  g_autofree char *lower = short_line_lower (node, 60);

  return lower != NULL && g_str_has_prefix (lower, "powered by ") &&
         !ends_sentence (lower);
}

/* The label of a control that shows or hides part of the page, alone
 * on its line ("mehr anzeigen", "Quellen ausblenden", "Nach oben"): a
 * button's words, which a script answers, not a line of the story. */
static gboolean
is_control_label (xmlNodePtr node)
{
  static const char * const labels[] = {
    "mehr anzeigen", "weniger anzeigen", "alle anzeigen", "quellen anzeigen",
    "quellen ausblenden", "quellen einblenden", "show more", "show less", "read less",
    "nach oben", "back to top", "zurück nach oben", "zurück zum inhaltsverzeichnis",
    "back to contents", NULL
  };

  return is_lone_label (node, 40, "-+:()[]^", labels);
}

/* The label of a picture's zoom control, alone or before the caption it
 * sits on ("Zum Vergrößern bitte anklicken", "Bild anzeigen Bild
 * schließen", "Click to enlarge"): a button's words, not the story's. */
static gboolean
is_zoom_label (xmlNodePtr node)
{
  static const char * const openings[] = {
    "vergrößern", "zum vergrößern", "bild vergrößern", "bild anzeigen", "click to enlarge",
    "tap to enlarge", "enlarge image", "enlarge photo", "view larger", "ampliar imagen",
    "agrandir l'image", "ingrandisci", NULL
  };
  static const char * const inside[] = {
    "zum vergrößern", "click to enlarge", "tap to enlarge", "klicken zum vergrößern", NULL
  };
  g_autofree char *lower = short_line_lower (node, 200);

  if (lower == NULL)
    return FALSE;
  /* "Vergrößern Sie…" tells the reader to enlarge something: a sentence. */
  if (starts_with_any (lower, openings) && !g_str_has_prefix (lower, "vergrößern sie"))
    return TRUE;
  for (guint i = 0; inside[i] != NULL; i++)
    if (strstr (lower, inside[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* A note on the article rather than a part of it: its licence, that it
 * carries advertising or paid links, that it is the author's opinion
 * ("Dieser Beitrag enthält Werbung", "This post contains affiliate
 * links…"), its reading time, or its copyright. A story opens with "This
 * article…" to say what it is about too, so the opening alone is not
 * enough: the note says one of the things a note says. Where the article
 * first appeared is left in: it credits the story's source, and readers'
 * versions keep it. */
static gboolean
is_article_note (xmlNodePtr node)
{
  static const char * const openings[] = {
    "this article", "this post", "this story", "this text", "this piece", "dieser artikel",
    "dieser beitrag", "dieser text", "bei diesem beitrag", "bei diesem artikel",
    "cet article", "este artículo", "este texto", "questo articolo", "ten artykuł",
    "ten tekst", "*werbung", "werbung:", NULL
  };
  static const char * const notes[] = {
    "affiliate", "commission", "provision", "advertis", "werbung", "werbende", "sponsor",
    "licen", "lizenz", "meinung des autors", "meinung der autorin", "opinion of the author",
    "views of the author", "przeczytasz", NULL
  };
  static const char * const anywhere[] = {
    "affiliate link", "affiliate-link", "partnerlink", "provision vom", "eine provision",
    "earn a commission", "receive a commission", "small commission", "alle rechte vorbehalten",
    "tous droits réservés", "todos los derechos reservados", "tutti i diritti riservati",
    "todos os direitos reservados", "wszelkie prawa zastrzeżone", NULL
  };
  g_autofree char *lower = short_line_lower (node, 300);

  if (lower == NULL || *lower == '\0')
    return FALSE;
  /* A line opening with the copyright sign is the page's notice. */
  if (g_str_has_prefix (lower, "©"))
    return TRUE;
  for (guint i = 0; anywhere[i] != NULL; i++)
    if (strstr (lower, anywhere[i]) != NULL)
      return TRUE;
  if (!starts_with_any (lower, openings))
    return FALSE;
  for (guint i = 0; notes[i] != NULL; i++)
    if (strstr (lower, notes[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* A short line opening with a label of the story's metadata ("Published:
 * 03.04.2020", "Von:", "Release Date:"): who and when, not the story. */
static gboolean
is_metadata_line (xmlNodePtr node)
{
  static const char * const labels[] = {
    "published", "posted", "updated", "last updated", "release date", "date", "by", "author",
    "publiziert", "veröffentlicht", "aktualisiert", "datum", "von", "autor", "autorin",
    "publié", "mis à jour", "publicado", "actualizado", "fecha", "por", NULL
  };
  g_autofree char *lower = short_line_lower (node, 60);
  const char *colon;

  if (lower == NULL)
    return FALSE;
  colon = strchr (lower, ':');
  if (colon == NULL)
    return FALSE;
  for (guint i = 0; labels[i] != NULL; i++)
    {
      gsize n = strlen (labels[i]);

      if (strncmp (lower, labels[i], n) == 0 && lower + n + strspn (lower + n, " ") == colon)
        return TRUE;
    }
  return FALSE;
}

/* The page's own address under a label ("Permalink: https://…",
 * "Permalien https://p.dw.com/p/RPYx"): a line for copying, not reading. */
static gboolean
is_permalink_line (xmlNodePtr node)
{
  static const char * const labels[] = {
    "permalink", "permalien", "short url", "short link", "kurz-url", "kurzlink", NULL
  };
  g_autofree char *lower = short_line_lower (node, 200);
  const char *rest = NULL;

  if (lower == NULL)
    return FALSE;
  for (guint i = 0; rest == NULL && labels[i] != NULL; i++)
    if (g_str_has_prefix (lower, labels[i]))
      rest = lower + strlen (labels[i]);
  if (rest == NULL)
    return FALSE;
  rest += strspn (rest, " :");
  return (g_str_has_prefix (rest, "http") || g_str_has_prefix (rest, "www.")) &&
         strchr (rest, ' ') == NULL;
}

static gboolean
is_heading (xmlNodePtr node)
{
  static const char * const h[] = { "h1", "h2", "h3", "h4", "h5", "h6", NULL };

  return _mg_html_tag_in (node, h);
}

/* Headings and text blocks of @article in document order. A <center>
 * sets its line apart like a paragraph: an advertisement's label or a
 * picture's credit in one is a line for the rules too. */
static GPtrArray *
text_blocks (xmlNodePtr article)
{
  static const char * const blocks[] = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "td", "center", NULL
  };

  return _mg_html_elements_by_tag (article, blocks);
}

/**
 * _mg_html_clean_article:
 * @article: the article found
 * @graveyard: where removed nodes go
 *
 * Drops what the article's container holds besides the article: credit
 * and copyright lines, short paragraphs that are mostly a link ("Read
 * more: …"), and headings left with no text after them (the title of a
 * list of links that is gone, a "Share this" at the end).
 */
void
_mg_html_clean_article (xmlNodePtr  article,
                        GPtrArray  *graveyard)
{
  g_autoptr(GPtrArray) blocks = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  bury_loose_times (article, graveyard);
  blocks = text_blocks (article);

  for (guint i = 0; i < blocks->len; i++)
    {
      xmlNodePtr b = blocks->pdata[i];

      if (b->parent == NULL || _mg_html_has_ancestor_tag (b, "li", -1))
        continue;
      if (_mg_html_tag_in (b, (const char * const[]) { "p", "li", "center", NULL }) && is_stray_line (b))
        bury (b, graveyard);
      else if (!_mg_html_is_tag (b, "li") && !_mg_html_is_tag (b, "td") &&
               ((is_date_line (b)) || (is_ad_label (b)) || is_appendix_label (b) ||
                is_metadata_line (b)))
        bury (b, graveyard);
      else if (!_mg_html_is_tag (b, "td") &&
               (is_pointer_line (b) || is_reader_appeal (b) || is_article_note (b) ||
                is_zoom_label (b) || is_embed_placeholder (b) || is_control_label (b) ||
                is_permalink_line (b) || is_media_label (b) || is_powered_by (b) ||
                is_server_error (b)))
        bury (b, graveyard);
      else if (_mg_html_has_inner_text (b))
        g_ptr_array_add (kept, b);
    }
  /* From the end: a heading followed by another heading or by nothing. */
  for (guint i = kept->len; i > 0; i--)
    {
      xmlNodePtr b = kept->pdata[i - 1];
      xmlNodePtr after = i < kept->len ? kept->pdata[i] : NULL;

      if (is_heading (b) && _mg_html_inner_length (b) < 80 &&
          (after == NULL || (is_heading (after) && after->name[1] <= b->name[1])))
        {
          bury (b, graveyard);
          g_ptr_array_remove_index (kept, i - 1);
        }
    }
  /* Only in an article long enough to have an end to speak of. */
  while (kept->len > 1 && _mg_html_inner_length (article) >= 500 &&
         is_trailing_label (kept->pdata[kept->len - 1]))
    {
      bury (kept->pdata[kept->len - 1], graveyard);
      g_ptr_array_remove_index (kept, kept->len - 1);
    }
}

static gboolean
is_lead (xmlNodePtr node)
{
  static const char * const parts[] = {
    "intro", "standfirst", "subtitle", "subheadline", "excerpt", "abstract", NULL
  };
  static const char * const words[] = { "lead", "deck", "summary", "teaser", NULL };
  glong len;

  if (!_mg_html_is_element (node) ||
      !(named (node, parts, FALSE) || named (node, words, TRUE)))
    return FALSE;
  len = _mg_html_inner_length (node);
  return len >= 50 && len <= 700 && _mg_html_link_density (node) < 0.3;
}

/**
 * _mg_html_holds_lead:
 * @node: an element
 *
 * Returns: whether @node holds a standfirst, by the names sites give it
 */
gboolean
_mg_html_holds_lead (xmlNodePtr node)
{
  for (xmlNodePtr n = _mg_html_walk_next (node, node, FALSE); n != NULL;
       n = _mg_html_walk_next (n, node, FALSE))
    if (is_lead (n))
      return TRUE;
  return FALSE;
}

/**
 * _mg_html_find_lead:
 * @top: the element found to hold the article
 *
 * The standfirst, the paragraph under the headline that sums the story
 * up, often sits in the article's header, outside the box that holds the
 * body: it is looked for among what comes before @top in its near
 * ancestors, by the names sites give it (lead, intro, standfirst…).
 *
 * Returns: (nullable): the lead, still in the page
 */
xmlNodePtr
_mg_html_find_lead (xmlNodePtr top)
{
  xmlNodePtr a = top->parent;

  for (int level = 0; level < 4 && _mg_html_is_element (a) && !_mg_html_is_tag (a, "body");
       level++, a = a->parent)
    for (xmlNodePtr n = _mg_html_walk_next (a, a, FALSE); n != NULL && n != top;)
      {
        if (is_lead (n))
          return n;
        n = _mg_html_walk_next (n, a, FALSE);
      }
  return NULL;
}
