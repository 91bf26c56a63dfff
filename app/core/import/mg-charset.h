/* mg-charset.h: deciding and decoding the character set of imported bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *mg_charset_sniff_html (const char  *data,
                             gsize        n_bytes);
char *mg_charset_to_utf8    (const char  *data,
                             gsize        n_bytes,
                             const char  *charset,
                             gsize       *out_len);
char *mg_charset_decode_html (const char *data,
                              gsize       n_bytes,
                              gsize      *out_len);

G_END_DECLS
