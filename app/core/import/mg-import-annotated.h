/* mg-import-annotated.h: how annotated data from other tools comes in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mg-dataset.h"
#include "mg-label-set.h"

G_BEGIN_DECLS

/**
 * MgImportUnmapped:
 * @MG_IMPORT_UNMAPPED_ADD: a label with no mapping that the dataset lacks
 *   is added to its label set
 * @MG_IMPORT_UNMAPPED_SKIP: its spans, and the relations that name them,
 *   are left out, and a warning counts them
 * @MG_IMPORT_UNMAPPED_REFUSE: such a label refuses the file
 *
 * What becomes of a label that neither the mapping nor the dataset knows.
 */
typedef enum {
  MG_IMPORT_UNMAPPED_ADD,
  MG_IMPORT_UNMAPPED_SKIP,
  MG_IMPORT_UNMAPPED_REFUSE,
} MgImportUnmapped;

/**
 * MgImportOffsets:
 * @MG_IMPORT_OFFSETS_DEFAULT: the unit the format's own tool writes
 * @MG_IMPORT_OFFSETS_CODEPOINT: Unicode code points
 * @MG_IMPORT_OFFSETS_UTF16: UTF-16 code units, as JavaScript counts
 *
 * How the offsets of the input are counted.
 */
typedef enum {
  MG_IMPORT_OFFSETS_DEFAULT,
  MG_IMPORT_OFFSETS_CODEPOINT,
  MG_IMPORT_OFFSETS_UTF16,
} MgImportOffsets;

typedef struct _MgImportOptions MgImportOptions;

MgImportOptions *mg_import_options_new          (void);
void             mg_import_options_free         (MgImportOptions  *self);
gboolean         mg_import_options_set_map      (MgImportOptions  *self,
                                                 const char       *map,
                                                 GError          **error);
const char      *mg_import_options_map_label    (MgImportOptions  *self,
                                                 const char       *label);
void             mg_import_options_set_unmapped (MgImportOptions  *self,
                                                 MgImportUnmapped  unmapped);
void             mg_import_options_set_offsets  (MgImportOptions  *self,
                                                 MgImportOffsets   offsets);
MgImportOffsets  mg_import_options_get_offsets  (MgImportOptions  *self,
                                                 MgImportOffsets   fallback);
void             mg_import_options_set_labels   (MgImportOptions  *self,
                                                 MgLabelSet       *labels);
void             mg_import_options_set_texts    (MgImportOptions  *self,
                                                 MgDataset        *texts);
MgDataset       *mg_import_options_get_texts    (MgImportOptions  *self);
guint            mg_import_options_take_skipped (MgImportOptions  *self,
                                                 char            **labels);

gboolean         mg_import_unmapped_parse       (const char       *name,
                                                 MgImportUnmapped *unmapped);
gboolean         mg_import_offsets_parse        (const char       *name,
                                                 MgImportOffsets  *offsets);
void             mg_import_add_labels           (MgLabelSet       *labels,
                                                 GPtrArray        *documents);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MgImportOptions, mg_import_options_free)

G_END_DECLS
