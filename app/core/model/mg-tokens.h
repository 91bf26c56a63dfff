/* mg-tokens.h: the tokens agreement is measured over
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * MgToken:
 * @start: first code point of the token, counted from 0
 * @end: the code point after the last
 *
 * One match of the regular expression `\w+|[^\w\s]`.
 */
typedef struct
{
  guint start;
  guint end;
} MgToken;

gboolean  mg_unichar_is_word  (gunichar    c);
gboolean  mg_unichar_is_space (gunichar    c);
GArray   *mg_tokenize         (const char *text,
                               gssize      n_bytes);

G_END_DECLS
