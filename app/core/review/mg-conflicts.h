/* mg-conflicts.h: settling the conflicts a three-way merge marked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mg-history.h"
#include "mg-merge3.h"
#include "mg-review-session.h"

G_BEGIN_DECLS

/**
 * MgConflict:
 * @id: the conflict's id in its document ("c1")
 * @kind: one of the MG_CONFLICT_ kinds (mg-merge3.h)
 * @ours: (nullable): our version of the span, when it is in the document
 * @theirs: (nullable): theirs, when it is in the document
 * @theirs_note: (nullable): their note, for %MG_CONFLICT_NOTE_BOTH
 * @value_id: (nullable): the attribute of %MG_CONFLICT_ATTRIBUTE_BOTH or
 *   the code of %MG_CONFLICT_CODE_BOTH
 * @theirs_value: (nullable): their value of it, %NULL when they removed it
 *
 * One conflict of a document, its annotations looked up.
 */
typedef struct
{
  char         *id;
  char         *kind;
  MgAnnotation *ours;
  MgAnnotation *theirs;
  char         *theirs_note;
  char         *value_id;
  JsonNode     *theirs_value;
} MgConflict;

void       mg_conflict_free           (MgConflict   *conflict);
GPtrArray *mg_document_list_conflicts (MgDocument   *document);
guint      mg_dataset_count_conflicts (MgDataset    *dataset);
gboolean   mg_conflict_resolve        (MgHistory    *history,
                                       MgDocument   *document,
                                       const char   *id,
                                       MgResolution  how,
                                       GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MgConflict, mg_conflict_free)

G_END_DECLS
