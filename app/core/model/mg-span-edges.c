/* mg-span-edges.c: where a span may begin and end
 *
 * A new selection and a moved boundary follow one rule, so that what a
 * coder can make with the mouse and with the keys is the same: both ends
 * on grapheme boundaries, no white space at either edge, and with whole
 * words on, no word cut in two. Words are runs of `\w` with the joiners
 * a reader sees inside one token ("1,200", "3.5", "city's"), close to the
 * tokens agreement is measured over.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-span-edges"

#include "config.h"

#include "mg-span-edges.h"
#include "mg-tokens.h"

typedef struct
{
  MgTextIndex *index;
  const char  *text;
  guint        length;
} Text;

static gunichar
char_at (const Text *t,
         gint64      offset)
{
  if (offset < 0 || offset >= t->length)
    return 0;

  return g_utf8_get_char (t->text + mg_text_index_byte_offset (t->index, (guint) offset));
}

static gboolean
is_regional (gunichar c)
{
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

/* Characters that never begin a grapheme: combining marks (which include
 * the variation selectors), the zero-width joiner, emoji skin tones and
 * emoji tag characters. */
static gboolean
is_extend (gunichar c)
{
  return g_unichar_ismark (c) || c == 0x200D ||
         (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F);
}

static gboolean
is_hangul_jamo_vt (gunichar c)
{
  return (c >= 0x1160 && c <= 0x11FF) || (c >= 0xD7B0 && c <= 0xD7FB);
}

static gboolean
is_hangul (gunichar c)
{
  return (c >= 0x1100 && c <= 0x11FF) || (c >= 0xA960 && c <= 0xA97F) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xD7B0 && c <= 0xD7FB);
}

static gboolean
is_boundary (const Text *t,
             guint       offset)
{
  gunichar c, before;
  guint n_regional = 0;

  if (offset == 0 || offset >= t->length)
    return TRUE;

  c = char_at (t, offset);
  before = char_at (t, offset - 1);
  if ((before == '\r' && c == '\n') || is_extend (c) || before == 0x200D)
    return FALSE;
  if (is_hangul (before) && (is_hangul_jamo_vt (c) || (before >= 0x1100 && before <= 0x115F && is_hangul (c))))
    return FALSE;
  if (!is_regional (c))
    return TRUE;

  /* Flags are pairs: break only after an even run of regional indicators. */
  for (gint64 i = (gint64) offset - 1; i >= 0 && is_regional (char_at (t, i)); i--)
    n_regional++;

  return n_regional % 2 == 0;
}

static guint
next_boundary (const Text *t,
               guint       offset)
{
  do
    offset++;
  while (offset < t->length && !is_boundary (t, offset));

  return MIN (offset, t->length);
}

static guint
prev_boundary (const Text *t,
               guint       offset)
{
  while (offset > 0 && !is_boundary (t, --offset))
    ;

  return offset;
}

static gboolean
is_space_at (const Text *t,
             gint64      offset)
{
  return offset >= 0 && offset < t->length && mg_unichar_is_space (char_at (t, offset));
}

/* A mark belongs to the word it follows ("é" written as e and U+0301). */
static gboolean
is_word_char (gunichar c)
{
  return c != 0 && (mg_unichar_is_word (c) || g_unichar_ismark (c));
}

static gboolean
inside_word (const Text *t,
             guint       offset)
{
  return is_word_char (char_at (t, (gint64) offset - 1)) && is_word_char (char_at (t, offset));
}

static gboolean
is_joiner (gunichar c,
           gunichar before,
           gunichar after)
{
  /* "1,200", "3.5", "1 200" with a narrow or no-break space */
  if (g_unichar_isdigit (before) && g_unichar_isdigit (after))
    return c == ',' || c == '.' || c == 0x202F || c == 0x00A0;

  /* "city's", "O'Brien", "don’t" */
  if (g_unichar_isalpha (before) && g_unichar_isalpha (after))
    return c == '\'' || c == 0x2019;

  return FALSE;
}

/* Whether the character at @offset joins the two around it. */
static gboolean
joins_at (const Text *t,
          gint64      offset)
{
  return is_joiner (char_at (t, offset), char_at (t, offset - 1), char_at (t, offset + 1));
}

/* The end of the token that starts or continues at @offset: a word run,
 * on over joiners, and a percent sign after a number. */
static guint
token_end (const Text *t,
           guint       offset)
{
  for (;;)
    {
      gunichar c;

      while (is_word_char (char_at (t, offset)))
        offset++;
      c = char_at (t, offset);
      if (c == '%' && g_unichar_isdigit (char_at (t, (gint64) offset - 1)))
        return offset + 1;
      if (!is_joiner (c, char_at (t, (gint64) offset - 1), char_at (t, offset + 1)))
        return offset;
      offset++;
    }
}

/* The start of the token that ends at @offset. */
static guint
token_start (const Text *t,
             guint       offset)
{
  if (char_at (t, (gint64) offset - 1) == '%' && g_unichar_isdigit (char_at (t, (gint64) offset - 2)))
    offset--;

  for (;;)
    {
      while (offset > 0 && is_word_char (char_at (t, offset - 1)))
        offset--;
      if (offset < 2 ||
          !is_joiner (char_at (t, offset - 1), char_at (t, offset - 2), char_at (t, offset)))
        return offset;
      offset--;
    }
}

static gboolean
snap (const Text *t,
      guint      *start,
      guint      *end,
      gboolean    words)
{
  guint s = MIN (*start, *end), e = MAX (*start, *end);

  s = is_boundary (t, s) ? s : prev_boundary (t, s);
  e = is_boundary (t, e) ? e : next_boundary (t, e);

  while (s < e && is_space_at (t, s))
    s = next_boundary (t, s);
  while (s < e && is_space_at (t, (gint64) e - 1))
    e = prev_boundary (t, e);

  if (s < e && words)
    {
      if (inside_word (t, s) || joins_at (t, (gint64) s - 1) || joins_at (t, s))
        s = token_start (t, s);
      if (is_word_char (char_at (t, (gint64) e - 1)) || joins_at (t, (gint64) e - 1))
        e = token_end (t, e);
    }

  *start = s;
  *end = e;

  return s < e;
}

static void
text_init (Text        *t,
           MgTextIndex *index)
{
  t->index = index;
  t->length = mg_text_index_get_length (index);
  t->text = mg_text_index_get_text (index);
}

/**
 * mg_span_edges_snap:
 * @text: the document's text
 * @start: (inout): the first code point of a range
 * @end: (inout): the code point after its last
 * @words: whether to complete partial words
 *
 * Makes a range fit to tag, as a new selection is made to fit: both ends
 * on grapheme boundaries, white space at either edge trimmed, and with
 * @words, a word cut by an edge completed. The two ends may come in either
 * order; they leave in order.
 *
 * Returns: %TRUE when something is left to tag
 */
gboolean
mg_span_edges_snap (MgTextIndex *text,
                    guint       *start,
                    guint       *end,
                    gboolean     words)
{
  Text t;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  text_init (&t, text);
  *start = MIN (*start, t.length);
  *end = MIN (*end, t.length);

  return snap (&t, start, end, words);
}

/* One step from @offset: over any white space, then over one grapheme, or
 * with @words over one token (a word with its joiners, or one mark of
 * punctuation). */
static guint
step (const Text *t,
      guint       offset,
      gboolean    forward,
      gboolean    words)
{
  if (forward)
    {
      while (is_space_at (t, offset))
        offset = next_boundary (t, offset);
      if (words && is_word_char (char_at (t, offset)))
        return token_end (t, offset);
      return offset < t->length ? next_boundary (t, offset) : offset;
    }

  while (offset > 0 && is_space_at (t, (gint64) offset - 1))
    offset = prev_boundary (t, offset);
  if (words && (is_word_char (char_at (t, (gint64) offset - 1)) || char_at (t, (gint64) offset - 1) == '%'))
    return token_start (t, offset);
  return prev_boundary (t, offset);
}

/**
 * mg_span_edges_move:
 * @text: the document's text
 * @start: (inout): the first code point of a span
 * @end: (inout): the code point after its last
 * @edge: which edge moves
 * @forward: whether it moves towards the end of the text
 * @words: whether it steps by word, as whole-word selection does, rather
 *   than by grapheme
 *
 * Moves one edge of a span by one step, stepping over white space, so a
 * press always changes what the span holds; the result is then snapped as
 * mg_span_edges_snap() does, so no edge rests on a space.
 *
 * Returns: %TRUE with the new range, or %FALSE, leaving both untouched,
 *   when the edge cannot move (at the end of the text) or the span would
 *   be left empty
 */
gboolean
mg_span_edges_move (MgTextIndex *text,
                    guint       *start,
                    guint       *end,
                    MgSpanEdge   edge,
                    gboolean     forward,
                    gboolean     words)
{
  Text t;
  guint s, e;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (start != NULL && end != NULL && *start <= *end, FALSE);

  text_init (&t, text);
  s = MIN (*start, t.length);
  e = MIN (*end, t.length);

  if (edge == MG_SPAN_EDGE_START)
    s = step (&t, s, forward, words);
  else
    e = step (&t, e, forward, words);

  if (s >= e || !snap (&t, &s, &e, words) || (s == *start && e == *end))
    return FALSE;

  *start = s;
  *end = e;

  return TRUE;
}

/**
 * mg_span_edges_is_grapheme_boundary:
 *
 * Whether a caret may rest at @offset: not inside a grapheme such as a
 * letter with its combining marks, an emoji sequence joined by U+200D, a
 * flag, CR LF or a Hangul syllable written in jamo.
 */
gboolean
mg_span_edges_is_grapheme_boundary (MgTextIndex *text,
                                    guint        offset)
{
  Text t;

  g_return_val_if_fail (text != NULL, FALSE);

  text_init (&t, text);

  return is_boundary (&t, offset);
}
