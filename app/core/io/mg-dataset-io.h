/* mg-dataset-io.h: reading and writing dataset files (format version 1):
 * mg-dataset-reader.c and mg-dataset-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mg-dataset.h"
#include "mg-file-writer.h"

G_BEGIN_DECLS

/* Bounds checked before a byte is parsed: json-glib would otherwise read a
 * file of any size and recurse once per level of nesting. */
#define MG_DATASET_MAX_BYTES   ((gsize) 1024 * 1024 * 1024)
#define MG_DATASET_MAX_DEPTH   64

MgDataset *mg_dataset_load_file     (const char  *path,
                                     GError     **error);
MgDataset *mg_dataset_load_data     (const char  *data,
                                     gsize        n_bytes,
                                     const char  *name,
                                     GError     **error);
MgDataset *mg_dataset_validate_data (const char  *data,
                                     gsize        n_bytes,
                                     const char  *name,
                                     GPtrArray   *problems);
MgDataset *mg_dataset_validate_file (const char  *path,
                                     GPtrArray   *problems);
GBytes    *mg_dataset_to_bytes      (MgDataset   *self);
gboolean   mg_dataset_save_file     (MgDataset   *self,
                                     const char  *path,
                                     GError     **error);

/* The writer of mg_dataset_to_bytes(), a part at a time: for a draft
 * written in slices of the main loop and streamed to disk. */
typedef struct _MgDatasetSerializer MgDatasetSerializer;

MgDatasetSerializer *mg_dataset_serializer_new  (MgDataset           *dataset);
gboolean             mg_dataset_serializer_next (MgDatasetSerializer *self,
                                                 GString             *out,
                                                 gsize                budget);
void                 mg_dataset_serializer_free (MgDatasetSerializer *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MgDatasetSerializer, mg_dataset_serializer_free)

G_END_DECLS
