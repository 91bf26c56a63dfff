/* mg-import-brat-private.h: what the brat reader and its collections share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mg-import-brat.h"

G_BEGIN_DECLS

MgDocument *_mg_import_brat_data           (const char         *text,
                                            gsize               text_bytes,
                                            const char         *text_name,
                                            const char         *ann,
                                            gsize               ann_bytes,
                                            const char         *ann_name,
                                            MgBratMap          *map,
                                            MgLabelSet         *labels,
                                            MgBratImportFlags   flags,
                                            GHashTable         *skipped,
                                            GPtrArray          *warnings,
                                            GError            **error);
void        _mg_import_brat_report_skipped (GHashTable         *skipped,
                                            const char         *name,
                                            GPtrArray          *warnings);

G_END_DECLS
