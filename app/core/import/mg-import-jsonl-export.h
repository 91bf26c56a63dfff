/* mg-import-jsonl-export.h: Marginalia's own JSON Lines export, spans and all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mg-import-annotated.h"

G_BEGIN_DECLS

GPtrArray *mg_import_jsonl_export (const char       *data,
                                   gsize             n_bytes,
                                   const char       *name,
                                   MgImportOptions  *options,
                                   GPtrArray        *warnings,
                                   GError          **error);

G_END_DECLS
