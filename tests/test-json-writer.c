/* test-json-writer.c: the canonical JSON every dataset and export is
 * written in: strings with the fewest escapes, and numbers in one form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mg-core.h"
#include "mg-json-writer.h"

static char *
written (const char *value,
         gsize       n_bytes)
{
  GString *out = g_string_new (NULL);

  mg_json_write_string_len (out, value, n_bytes);
  return g_string_free (out, FALSE);
}

static void
test_strings (void)
{
  const struct { const char *in; gsize n; const char *out; } cases[] = {
    { "", 0, "\"\"" },
    { "plain text, é and 😀", 0, "\"plain text, é and 😀\"" },
    { "say \"no\" \\ here", 0, "\"say \\\"no\\\" \\\\ here\"" },
    { "a\nb\rc\td\be\ff", 0, "\"a\\nb\\rc\\td\\be\\ff\"" },
    { "\x01\x1f", 0, "\"\\u0001\\u001f\"" },
    /* Line ends to JavaScript and to Python's splitlines(). */
    { "a\u2028b\u2029c\xc2\x85" "d", 0, "\"a\\u2028b\\u2029c\\u0085d\"" },
    /* Their lead bytes in other characters stay as they are. */
    { "\u00e9\u00a0\u2013\u20ac", 0, "\"\u00e9\u00a0\u2013\u20ac\"" },
    /* A NUL inside a counted string is escaped, not an end. */
    { "a\0b", 3, "\"a\\u0000b\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = written (cases[i].in, cases[i].n ? cases[i].n : strlen (cases[i].in));

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_uints (void)
{
  const guint64 values[] = { 0, 7, 10, 99, 100, 4294967295u, G_MAXUINT64 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(GString) out = g_string_new ("x");
      g_autofree char *expected = g_strdup_printf ("x%" G_GUINT64_FORMAT, values[i]);

      mg_json_write_uint (out, values[i]);
      g_assert_cmpstr (out->str, ==, expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json-writer/strings", test_strings);
  g_test_add_func ("/json-writer/uints", test_uints);
  return g_test_run ();
}
