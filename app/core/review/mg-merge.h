/* mg-merge.h: a gold dataset from several annotators' datasets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mg-dataset.h"

G_BEGIN_DECLS

/**
 * MgMergeStrategy:
 * @MG_MERGE_UNANIMOUS: keep a span every dataset has, exactly
 * @MG_MERGE_MAJORITY: keep a span more than half of the datasets have,
 *   exactly
 *
 * Which spans the gold dataset keeps. Spans are the same when their start,
 * end and label are.
 */
typedef enum
{
  MG_MERGE_UNANIMOUS,
  MG_MERGE_MAJORITY,
} MgMergeStrategy;

MgDataset *mg_merge_datasets (MgDataset * const  *datasets,
                              guint               n_datasets,
                              const char * const *names,
                              MgMergeStrategy     strategy,
                              const char         *curator,
                              GPtrArray          *unresolved);

G_END_DECLS
