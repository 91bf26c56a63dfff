/* mg-dataset-io-private.h: what the tests of the dataset reader reach
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mg-dataset-io.h"

G_BEGIN_DECLS

char *_mg_dataset_read_file (const char  *path,
                             gsize        max,
                             gsize       *n_bytes,
                             GError     **error);

G_END_DECLS
