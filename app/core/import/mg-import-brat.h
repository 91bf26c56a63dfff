/* mg-import-brat.h: brat standoff collections, texts with their annotations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mg-document.h"
#include "mg-label-set.h"

G_BEGIN_DECLS

/**
 * MgBratUnmapped:
 * @MG_BRAT_UNMAPPED_ADD: a type the map does not name becomes a label (or
 *   a relation type) of its own, added to the label set
 * @MG_BRAT_UNMAPPED_SKIP: its annotations are left out, and a warning
 *   counts them
 * @MG_BRAT_UNMAPPED_REFUSE: the import fails, naming the type and the line
 *
 * What happens to a brat type the map does not name.
 */
typedef enum {
  MG_BRAT_UNMAPPED_ADD,
  MG_BRAT_UNMAPPED_SKIP,
  MG_BRAT_UNMAPPED_REFUSE,
} MgBratUnmapped;

/**
 * MgBratImportFlags:
 * @MG_BRAT_IMPORT_NONE: a line that cannot be read is a warning naming the
 *   file and line, and the rest is imported
 * @MG_BRAT_IMPORT_STRICT: the first such line fails the whole import
 */
typedef enum {
  MG_BRAT_IMPORT_NONE = 0,
  MG_BRAT_IMPORT_STRICT = 1 << 0,
} MgBratImportFlags;

typedef struct _MgBratMap MgBratMap;

MgBratMap      *mg_brat_map_new             (void);
void            mg_brat_map_free            (MgBratMap         *self);
gboolean        mg_brat_map_parse           (MgBratMap         *self,
                                             const char        *spec,
                                             GError           **error);
void            mg_brat_map_set             (MgBratMap         *self,
                                             const char        *type,
                                             const char        *label);
void            mg_brat_map_set_unmapped    (MgBratMap         *self,
                                             MgBratUnmapped     policy);
MgBratUnmapped  mg_brat_map_get_unmapped    (MgBratMap         *self);
void            mg_brat_map_set_event_roles (MgBratMap         *self,
                                             const char        *from_role,
                                             const char        *to_role);

MgDocument     *mg_import_brat_data         (const char        *text,
                                             gsize              text_bytes,
                                             const char        *text_name,
                                             const char        *ann,
                                             gsize              ann_bytes,
                                             const char        *ann_name,
                                             MgBratMap         *map,
                                             MgLabelSet        *labels,
                                             MgBratImportFlags  flags,
                                             GPtrArray         *warnings,
                                             GError           **error);
GPtrArray      *mg_import_brat              (const char        *path,
                                             MgBratMap         *map,
                                             MgLabelSet        *labels,
                                             MgBratImportFlags  flags,
                                             GPtrArray         *warnings,
                                             GCancellable      *cancellable,
                                             GError           **error);
gboolean        mg_import_brat_is_collection (const char       *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MgBratMap, mg_brat_map_free)

G_END_DECLS
