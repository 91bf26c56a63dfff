/* test-span-edges.c: where a span may begin and end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mg-core.h"

#define TEXT "Costs rose  4.5% to 1,200 euros in 2021, the city's auditor said.\n" \
             "Zoë Fa\xcc\x88hrmann 👩‍👩‍👧 said 🇹🇷🇩🇪 hi."

static MgTextIndex *
index_new (void)
{
  return mg_text_index_new (TEXT, strlen (TEXT));
}

static guint
offset_of (const char *needle)
{
  const char *at = strstr (TEXT, needle);

  g_assert_nonnull (at);
  return (guint) g_utf8_pointer_to_offset (TEXT, at);
}

static char *
range_text (MgTextIndex *index,
            guint        start,
            guint        end)
{
  return mg_text_index_substring (index, start, end);
}

/* Snaps [needle+skip, +len) and returns what is left. */
static char *
snapped (MgTextIndex *index,
         const char  *needle,
         int          skip,
         int          len,
         gboolean     words)
{
  guint start = offset_of (needle) + skip, end = start + len;

  if (!mg_span_edges_snap (index, &start, &end, words))
    return NULL;
  return range_text (index, start, end);
}

static void
test_snap_trims_and_completes (void)
{
  g_autoptr(MgTextIndex) index = index_new ();
  g_autofree char *spaces = snapped (index, " 4.5% ", 0, 6, FALSE);
  g_autofree char *partial = snapped (index, "4.5%", 1, 2, TRUE);
  g_autofree char *thousands = snapped (index, "1,200", 0, 1, TRUE);
  g_autofree char *apostrophe = snapped (index, "city's", 2, 3, TRUE);
  g_autofree char *chars = snapped (index, "city's", 2, 3, FALSE);
  g_autofree char *blank = snapped (index, "  4.5%", 0, 2, TRUE);

  g_assert_cmpstr (spaces, ==, "4.5%");
  g_assert_cmpstr (partial, ==, "4.5%");
  g_assert_cmpstr (thousands, ==, "1,200");
  g_assert_cmpstr (apostrophe, ==, "city's");
  g_assert_cmpstr (chars, ==, "ty'");
  g_assert_null (blank);
}

static void
test_snap_graphemes (void)
{
  g_autoptr(MgTextIndex) index = index_new ();
  guint family = offset_of ("👩‍👩‍👧");
  guint flags = offset_of ("🇹🇷🇩🇪");
  guint mark = offset_of ("a\xcc\x88");
  g_autofree char *inside_family = NULL;
  g_autofree char *half_flag = NULL;
  g_autofree char *split_mark = NULL;
  guint start, end;

  /* A caret never rests inside a joined emoji, a flag or a letter with its
   * combining mark. */
  g_assert_false (mg_span_edges_is_grapheme_boundary (index, family + 1));
  g_assert_false (mg_span_edges_is_grapheme_boundary (index, family + 2));
  g_assert_true (mg_span_edges_is_grapheme_boundary (index, flags + 2));
  g_assert_false (mg_span_edges_is_grapheme_boundary (index, flags + 3));
  g_assert_false (mg_span_edges_is_grapheme_boundary (index, mark + 1));

  start = family + 2, end = family + 3;
  g_assert_true (mg_span_edges_snap (index, &start, &end, FALSE));
  inside_family = range_text (index, start, end);
  g_assert_cmpstr (inside_family, ==, "👩‍👩‍👧");

  start = flags + 1, end = flags + 3;
  g_assert_true (mg_span_edges_snap (index, &start, &end, FALSE));
  half_flag = range_text (index, start, end);
  g_assert_cmpstr (half_flag, ==, "🇹🇷🇩🇪");

  start = mark, end = mark + 1;
  g_assert_true (mg_span_edges_snap (index, &start, &end, FALSE));
  split_mark = range_text (index, start, end);
  g_assert_cmpstr (split_mark, ==, "a\xcc\x88");
}

typedef struct
{
  const char *span;
  MgSpanEdge  edge;
  gboolean    forward;
  gboolean    words;
  const char *expected;  /* NULL: the move is refused */
} Move;

static void
test_move (void)
{
  static const Move moves[] = {
    /* By grapheme, white space is stepped over, never kept. */
    { "4.5%", MG_SPAN_EDGE_END, TRUE, FALSE, "4.5% t" },
    { "4.5%", MG_SPAN_EDGE_START, FALSE, FALSE, "e  4.5%" },
    { "4.5% to", MG_SPAN_EDGE_END, FALSE, FALSE, "4.5% t" },
    { "4.5% t", MG_SPAN_EDGE_END, FALSE, FALSE, "4.5%" },
    { "rose  4.5%", MG_SPAN_EDGE_START, TRUE, FALSE, "ose  4.5%" },
    { "e  4.5%", MG_SPAN_EDGE_START, TRUE, FALSE, "4.5%" },
    /* By word, a token at a time: numbers with their joiners, punctuation
     * on its own. */
    { "4.5%", MG_SPAN_EDGE_END, TRUE, TRUE, "4.5% to" },
    { "4.5%", MG_SPAN_EDGE_START, FALSE, TRUE, "rose  4.5%" },
    { "rose  4.5%", MG_SPAN_EDGE_START, TRUE, TRUE, "4.5%" },
    { "to 1,200", MG_SPAN_EDGE_END, FALSE, TRUE, "to" },
    { "in 2021", MG_SPAN_EDGE_END, TRUE, TRUE, "in 2021," },
    { "in 2021,", MG_SPAN_EDGE_END, TRUE, TRUE, "in 2021, the" },
    { "the city's", MG_SPAN_EDGE_END, TRUE, TRUE, "the city's auditor" },
    { "city's auditor", MG_SPAN_EDGE_START, FALSE, TRUE, "the city's auditor" },
    { "Zoë Fa\xcc\x88hrmann", MG_SPAN_EDGE_END, FALSE, TRUE, "Zoë" },
    /* A span is never emptied; the text's ends stop it. */
    { "2021", MG_SPAN_EDGE_END, FALSE, TRUE, NULL },
    { "2021", MG_SPAN_EDGE_START, TRUE, TRUE, NULL },
    { "Costs", MG_SPAN_EDGE_START, FALSE, TRUE, NULL },
    { "hi.", MG_SPAN_EDGE_END, TRUE, FALSE, NULL },
  };
  g_autoptr(MgTextIndex) index = index_new ();

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      const Move *m = &moves[i];
      guint start = offset_of (m->span), end = start + g_utf8_strlen (m->span, -1);
      gboolean moved = mg_span_edges_move (index, &start, &end, m->edge, m->forward, m->words);
      g_autofree char *text = range_text (index, start, end);

      g_test_message ("%s, %s %s by %s", m->span, m->edge == MG_SPAN_EDGE_START ? "start" : "end",
                      m->forward ? "forward" : "back", m->words ? "word" : "grapheme");
      if (m->expected == NULL)
        {
          g_assert_false (moved);
          g_assert_cmpstr (text, ==, m->span);
        }
      else
        {
          g_assert_true (moved);
          g_assert_cmpstr (text, ==, m->expected);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/span-edges/snap", test_snap_trims_and_completes);
  g_test_add_func ("/span-edges/graphemes", test_snap_graphemes);
  g_test_add_func ("/span-edges/move", test_move);

  return g_test_run ();
}
