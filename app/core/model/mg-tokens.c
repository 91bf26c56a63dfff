/* mg-tokens.c: Python's \w+|[^\w\s] over code points
 *
 * Agreement over tokens must be reproducible by an analyst in Python, so the
 * tokenizer follows the semantics of Python's re module on str exactly
 * rather than GLib's or ICU's idea of a word. The categories come from
 * GLib's Unicode tables, so a character assigned after the Unicode version
 * of the reader's Python may be classed differently there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-tokens"

#include "config.h"

#include <string.h>

#include "mg-tokens.h"

/**
 * mg_unichar_is_word:
 *
 * Whether @c matches `\w` in Python's re on str: letters (Lu, Ll, Lt, Lm,
 * Lo), numbers (Nd, Nl, No) and the underscore. Combining marks are not
 * word characters there, so they are not here either.
 */
gboolean
mg_unichar_is_word (gunichar c)
{
  if (c == '_')
    return TRUE;

  switch (g_unichar_type (c))
    {
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * mg_unichar_is_space:
 *
 * Whether @c matches `\s` in Python's re on str, which is str.isspace():
 * the space separators (Zs), the line and paragraph separators, and the
 * control characters \t \n \v \f \r, \x1c to \x1f and \x85.
 */
gboolean
mg_unichar_is_space (gunichar c)
{
  if ((c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f) || c == 0x85)
    return TRUE;

  switch (g_unichar_type (c))
    {
    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * mg_tokenize:
 * @text: UTF-8 text
 * @n_bytes: its length in bytes, or -1 when it ends with a nul
 *
 * Splits @text as `re.finditer(r"\w+|[^\w\s]", text)` does in Python: a
 * maximal run of word characters is one token, and every other character
 * that is not a space is a token of its own.
 *
 * Returns: (transfer full) (element-type MgToken): the tokens, in order,
 *   with offsets in code points
 */
GArray *
mg_tokenize (const char *text,
             gssize      n_bytes)
{
  GArray *tokens;
  const char *p;
  const char *end;
  guint offset = 0;
  gboolean in_word = FALSE;
  MgToken token = { 0, 0 };

  g_return_val_if_fail (text != NULL, NULL);

  if (n_bytes < 0)
    n_bytes = strlen (text);
  tokens = g_array_new (FALSE, FALSE, sizeof (MgToken));
  end = text + n_bytes;

  for (p = text; p < end; p = g_utf8_next_char (p), offset++)
    {
      gunichar c = g_utf8_get_char (p);
      gboolean word = mg_unichar_is_word (c);

      if (in_word && !word)
        {
          token.end = offset;
          g_array_append_val (tokens, token);
          in_word = FALSE;
        }

      if (word && !in_word)
        {
          token.start = offset;
          in_word = TRUE;
        }
      else if (!word && !mg_unichar_is_space (c))
        {
          token.start = offset;
          token.end = offset + 1;
          g_array_append_val (tokens, token);
        }
    }

  if (in_word)
    {
      token.end = offset;
      g_array_append_val (tokens, token);
    }

  return tokens;
}
