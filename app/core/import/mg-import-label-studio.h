/* mg-import-label-studio.h: Label Studio's JSON export of tasks and annotations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mg-import-annotated.h"

G_BEGIN_DECLS

GPtrArray *mg_import_label_studio (const char       *data,
                                   gsize             n_bytes,
                                   const char       *name,
                                   MgImportOptions  *options,
                                   GPtrArray        *warnings,
                                   GError          **error);

G_END_DECLS
