/* mg-import-private.h: what every importer shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cleaning the strings an input hands over, making ids of names and
 * dates of what pages and feeds write; defined in mg-import-util.c. Only
 * the importers in this folder (and their tests) include this header.
 */

#pragma once

#include <glib.h>

#include "mg-document.h"

G_BEGIN_DECLS

char     *_mg_import_make_valid   (const char *text);
char     *_mg_import_clean_line   (const char *text);
char     *_mg_import_slug         (const char *text);
char     *_mg_import_base_name    (const char *name);
char     *_mg_import_id_from_name (const char *name);
char     *_mg_import_iso_date     (const char *text);
gboolean  _mg_import_looks_binary (const char *data,
                                   gsize       n_bytes);
void      _mg_import_set_meta     (MgDocument *doc,
                                   const char *key,
                                   const char *value);
char     *_mg_import_with_headline (const char *text,
                                    const char *headline);

G_END_DECLS
