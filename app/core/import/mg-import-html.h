/* mg-import-html.h: HTML import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GPtrArray *mg_import_html (const char  *data,
                           gsize        n_bytes,
                           const char  *name,
                           GPtrArray   *warnings,
                           GError     **error);

G_END_DECLS
