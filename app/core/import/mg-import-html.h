/* mg-import-html.h: HTML import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GPtrArray *mg_import_html       (const char  *data,
                                 gsize        n_bytes,
                                 const char  *name,
                                 GPtrArray   *warnings,
                                 GError     **error);

/* Helpers shared with the feed and JSON Lines importers. */
char      *mg_import_make_valid (const char  *text);
char      *mg_import_slug       (const char  *text);
char      *mg_import_clean_line (const char  *text);
void       mg_import_set_meta   (MgDocument  *doc,
                                 const char  *key,
                                 const char  *value);
char      *mg_import_iso_date   (const char  *text);
gboolean   mg_import_looks_binary (const char *data,
                                   gsize       n_bytes);
gboolean   mg_import_json_escapes_ok (const char *text,
                                      gsize       n);
gboolean   mg_import_json_safe  (const char  *text,
                                 gsize        n,
                                 guint        max_depth);

G_END_DECLS
