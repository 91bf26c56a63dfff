/* mg-import-w3c.h: W3C Web Annotation collections over texts given alongside
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mg-import-annotated.h"

G_BEGIN_DECLS

GPtrArray *mg_import_w3c (const char       *data,
                          gsize             n_bytes,
                          const char       *name,
                          MgImportOptions  *options,
                          GPtrArray        *warnings,
                          GError          **error);

G_END_DECLS
