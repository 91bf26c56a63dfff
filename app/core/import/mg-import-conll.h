/* mg-import-conll.h: CoNLL with token offsets and one IOB2 column per label
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mg-import-annotated.h"

G_BEGIN_DECLS

GPtrArray *mg_import_conll (const char       *data,
                            gsize             n_bytes,
                            const char       *name,
                            MgImportOptions  *options,
                            GPtrArray        *warnings,
                            GError          **error);

G_END_DECLS
