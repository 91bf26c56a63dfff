/* test-text-index.c: code-point, byte and UTF-16 offsets
 *
 * The expected values are what Python's str (code points) and JavaScript's
 * String (UTF-16 units) give for the same text; each table row names the
 * Python expression it was worked out with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mg-text-index.h"

#define MAX_OFFSETS 20

typedef struct
{
  const char *name;
  const char *text;
  guint       length;                 /* len (s) */
  guint       bytes[MAX_OFFSETS];     /* len (s[:i].encode ()) for each i */
  guint       utf16[MAX_OFFSETS];     /* len (s[:i].encode ("utf-16-le")) // 2 */
  guint       start, end;             /* a span ... */
  const char *span;                   /* ... and s[start:end] */
} Case;

static const Case cases[] = {
  /* s = "Flag 🇹🇷 here": a flag is two regional indicators, each astral. */
  { "flag", "Flag 🇹🇷 here", 12,
    { 0, 1, 2, 3, 4, 5, 9, 13, 14, 15, 16, 17, 18 },
    { 0, 1, 2, 3, 4, 5, 7, 9, 10, 11, 12, 13, 14 },
    5, 7, "🇹🇷" },
  /* s[6:8] == "🇷 ": offsets split graphemes as Python does. */
  { "half-flag", "Flag 🇹🇷 here", 12,
    { 0, 1, 2, 3, 4, 5, 9, 13, 14, 15, 16, 17, 18 },
    { 0, 1, 2, 3, 4, 5, 7, 9, 10, 11, 12, 13, 14 },
    6, 8, "🇷 " },
  /* s = "ok 👍🏽 yes"; s[3:5] == "👍🏽" (thumb, then the skin tone U+1F3FD). */
  { "skin-tone", "ok 👍🏽 yes", 9,
    { 0, 1, 2, 3, 7, 11, 12, 13, 14, 15 },
    { 0, 1, 2, 3, 5, 7, 8, 9, 10, 11 },
    3, 5, "👍🏽" },
  /* s = "fam 👩\u200d👩\u200d👧 end"; s[4:9] is the family, five code points. */
  { "zwj", "fam 👩\u200d👩\u200d👧 end", 13,
    { 0, 1, 2, 3, 4, 8, 11, 15, 18, 22, 23, 24, 25, 26 },
    { 0, 1, 2, 3, 4, 6, 7, 9, 10, 12, 13, 14, 15, 16 },
    4, 9, "👩\u200d👩\u200d👧" },
  /* s[5] == "\u200d" */
  { "zwj-joiner", "fam 👩\u200d👩\u200d👧 end", 13,
    { 0, 1, 2, 3, 4, 8, 11, 15, 18, 22, 23, 24, 25, 26 },
    { 0, 1, 2, 3, 4, 6, 7, 9, 10, 12, 13, 14, 15, 16 },
    5, 6, "\u200d" },
  /* s = "cafe\u0301 bar"; s[0:5] == "cafe\u0301", the accent its own code point. */
  { "combining", "cafe\u0301 bar", 9,
    { 0, 1, 2, 3, 4, 6, 7, 8, 9, 10 },
    { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 },
    0, 5, "cafe\u0301" },
  /* s[4:5] == "\u0301" */
  { "combining-mark", "cafe\u0301 bar", 9,
    { 0, 1, 2, 3, 4, 6, 7, 8, 9, 10 },
    { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 },
    4, 5, "\u0301" },
  /* s = "قال الوزير «نعم»"; s[4:10] == "الوزير" (logical order, not display). */
  { "arabic", "قال الوزير «نعم»", 16,
    { 0, 2, 4, 6, 7, 9, 11, 13, 15, 17, 19, 20, 22, 24, 26, 28, 30 },
    { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 },
    4, 10, "الوزير" },
  /* s[12:15] == "نعم" */
  { "arabic-quoted", "قال الوزير «نعم»", 16,
    { 0, 2, 4, 6, 7, 9, 11, 13, 15, 17, 19, 20, 22, 24, 26, 28, 30 },
    { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 },
    12, 15, "نعم" },
  /* s = "אמר השר: כן"; s[4:7] == "השר" */
  { "hebrew", "אמר השר: כן", 11,
    { 0, 2, 4, 6, 7, 9, 11, 13, 14, 15, 17, 19 },
    { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 },
    4, 7, "השר" },
  /* s = "首相は「はい」と言った"; s[4:6] == "はい" */
  { "cjk", "首相は「はい」と言った", 11,
    { 0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33 },
    { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 },
    4, 6, "はい" },
  /* s = "A🇹🇷\u00e9\u0301👩\u200d👩\u200d👧x": everything at once, a
   * precomposed "é" with one more accent; s[3:5] == "\u00e9\u0301" */
  { "mixed", "A🇹🇷\u00e9\u0301👩\u200d👩\u200d👧x", 11,
    { 0, 1, 5, 9, 11, 13, 17, 20, 24, 27, 31, 32 },
    { 0, 1, 3, 5, 6, 7, 9, 10, 12, 13, 15, 16 },
    3, 5, "\u00e9\u0301" },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(MgTextIndex) index = mg_text_index_new (c->text, strlen (c->text));
  g_autofree char *span = NULL;
  g_autofree char *all = NULL;

  g_assert_cmpuint (mg_text_index_get_length (index), ==, c->length);
  g_assert_cmpuint (c->bytes[c->length], ==, strlen (c->text));

  for (guint i = 0; i <= c->length; i++)
    {
      g_assert_cmpuint (mg_text_index_byte_offset (index, i), ==, c->bytes[i]);
      g_assert_cmpuint (mg_text_index_char_offset (index, c->bytes[i]), ==, i);
      g_assert_cmpuint (mg_text_index_utf16_offset (index, i), ==, c->utf16[i]);
    }

  span = mg_text_index_substring (index, c->start, c->end);
  g_assert_cmpstr (span, ==, c->span);
  g_assert_true (mg_text_index_range_equals (index, c->start, c->end, c->span));
  /* One code point more or less is not the same text. */
  g_assert_false (mg_text_index_range_equals (index, c->start, c->end + 1, c->span));
  g_assert_false (mg_text_index_range_equals (index, c->start + 1, c->end, c->span));
  g_assert_false (mg_text_index_range_equals (index, c->start, c->end, NULL));
  g_assert_false (mg_text_index_range_equals (index, c->end, c->start, c->span));
  g_assert_false (mg_text_index_range_equals (index, c->start, c->length + 1, c->span));

  all = mg_text_index_substring (index, 0, c->length);
  g_assert_cmpstr (all, ==, c->text);
  g_clear_pointer (&span, g_free);
  span = mg_text_index_substring (index, c->end, c->end);
  g_assert_cmpstr (span, ==, "");
  g_assert_true (mg_text_index_range_equals (index, c->end, c->end, ""));
}

/* Compares every offset of @text with a walk from its start. */
static void
check_against_walk (const char *text,
                    gsize       n_bytes)
{
  g_autoptr(MgTextIndex) index = mg_text_index_new (text, n_bytes);
  g_autoptr(GArray) bytes = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) utf16 = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GRand) rand = g_rand_new_with_seed (64);
  guint units = 0;
  guint length;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gsize b = p - text;

      g_array_append_val (bytes, b);
      g_array_append_val (utf16, units);
      if (b >= n_bytes)
        break;
      units += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;
    }
  length = bytes->len - 1;

  g_assert_cmpuint (mg_text_index_get_length (index), ==, length);
  g_assert_cmpuint (length, ==, g_utf8_strlen (text, n_bytes));
  for (guint i = 0; i <= length; i++)
    {
      gsize b = g_array_index (bytes, gsize, i);

      g_assert_cmpuint (mg_text_index_byte_offset (index, i), ==, b);
      g_assert_cmpuint (mg_text_index_char_offset (index, b), ==, i);
      g_assert_cmpuint (mg_text_index_utf16_offset (index, i), ==, g_array_index (utf16, guint, i));
    }

  for (guint k = 0; k < 500 && length > 0; k++)
    {
      guint start = g_rand_int_range (rand, 0, length + 1);
      guint end = g_rand_int_range (rand, start, length + 1);
      gsize a = g_array_index (bytes, gsize, start);
      gsize b = g_array_index (bytes, gsize, end);
      g_autofree char *expected = g_strndup (text + a, b - a);
      g_autofree char *got = mg_text_index_substring (index, start, end);

      g_assert_cmpstr (got, ==, expected);
      g_assert_true (mg_text_index_range_equals (index, start, end, expected));
    }
}

/* Builds @n code points cycling through one- to four-byte characters. */
static char *
mixed_text (guint n)
{
  const char *pieces[] = { "a", "é", "\u0301", "ق", "ש", "首", "🇹", "🇷", "👍", "🏽",
                           "\u200d", " ", "\n", "€" };
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, pieces[(i * 7 + i / 3) % G_N_ELEMENTS (pieces)]);

  return g_string_free (s, FALSE);
}

static void
test_long_text (void)
{
  g_autofree char *text = mixed_text (5000);

  check_against_walk (text, strlen (text));
}

/* Lengths around the index's stride of 64 code points, where the last mark
 * sits at the end of the text or just before it. */
static void
test_stride_edges (void)
{
  const guint lengths[] = { 0, 1, 63, 64, 65, 127, 128, 129, 191, 192 };

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autofree char *text = mixed_text (lengths[i]);
      g_autofree char *astral = NULL;
      GString *s = g_string_new (NULL);

      check_against_walk (text, strlen (text));

      /* All astral, so every code point is two UTF-16 units. */
      for (guint j = 0; j < lengths[i]; j++)
        g_string_append (s, "🇹");
      astral = g_string_free (s, FALSE);
      check_against_walk (astral, strlen (astral));
    }
}

/* Only the first n_bytes count, not the whole buffer. */
static void
test_not_nul_terminated (void)
{
  const char *text = "首相は「はい」と言った";
  g_autoptr(MgTextIndex) index = mg_text_index_new (text, 9);
  g_autofree char *all = NULL;

  /* s = "首相は"; len (s) == 3 */
  g_assert_cmpuint (mg_text_index_get_length (index), ==, 3);
  g_assert_cmpuint (mg_text_index_byte_offset (index, 3), ==, 9);
  all = mg_text_index_substring (index, 0, 3);
  g_assert_cmpstr (all, ==, "首相は");
}

static void
test_sha256 (void)
{
  g_autofree char *abc = mg_sha256_hex ("abc", 3);
  g_autofree char *empty = mg_sha256_hex ("", 0);
  g_autofree char *cjk = NULL;
  const char *text = "首相は「はい」と言った";

  /* hashlib.sha256 (b"abc").hexdigest () */
  g_assert_cmpstr (abc, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_cmpstr (empty, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  /* hashlib.sha256 ("首相は「はい」と言った".encode ()).hexdigest () */
  cjk = mg_sha256_hex (text, strlen (text));
  g_assert_cmpstr (cjk, ==, "3035492b1a4a55d7350187400d27fdc25eb4675ab2feba2888b84816015592de");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/text-index/python/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/text-index/long-text", test_long_text);
  g_test_add_func ("/text-index/stride-edges", test_stride_edges);
  g_test_add_func ("/text-index/not-nul-terminated", test_not_nul_terminated);
  g_test_add_func ("/text-index/sha256", test_sha256);

  return g_test_run ();
}
