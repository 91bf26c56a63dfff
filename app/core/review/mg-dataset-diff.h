/* mg-dataset-diff.h: what changed between two versions of a dataset, in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mg-dataset.h"

G_BEGIN_DECLS

char *mg_dataset_diff    (MgDataset *old_dataset,
                          MgDataset *new_dataset);
char *mg_dataset_listing (MgDataset *dataset);

G_END_DECLS
