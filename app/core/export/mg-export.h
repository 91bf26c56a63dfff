/* mg-export.h: a dataset in the formats other tools read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mg-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  MG_EXPORT_JSONL,
  MG_EXPORT_CSV,
  MG_EXPORT_BRAT,
  MG_EXPORT_CONLL,
  MG_EXPORT_W3C,
  MG_EXPORT_DOCCANO,
  MG_EXPORT_LABEL_STUDIO,
} MgExportFormat;

#define MG_EXPORT_N_FORMATS (MG_EXPORT_LABEL_STUDIO + 1)

typedef enum
{
  MG_EXPORT_OFFSETS_CODEPOINT,
  MG_EXPORT_OFFSETS_UTF16,
} MgExportOffsets;

/**
 * MgExportProgress:
 * @done: documents written so far
 * @total: documents in the dataset
 *
 * Called after each document, in the thread that exports.
 */
typedef void (*MgExportProgress) (guint    done,
                                  guint    total,
                                  gpointer user_data);

gboolean    mg_export_format_parse         (const char       *name,
                                            MgExportFormat   *format);
const char *mg_export_format_to_string     (MgExportFormat    format);
const char *mg_export_format_get_extension (MgExportFormat    format);
gboolean    mg_export_format_is_directory  (MgExportFormat    format);
gboolean    mg_export_offsets_parse        (const char       *name,
                                            MgExportOffsets  *offsets);
const char *mg_export_offsets_to_string    (MgExportOffsets   offsets);

gboolean    mg_export_to_stream            (MgDataset        *dataset,
                                            MgExportFormat    format,
                                            MgExportOffsets   offsets,
                                            GOutputStream    *out,
                                            MgExportProgress  progress_cb,
                                            gpointer          user_data,
                                            GCancellable     *cancellable,
                                            GError          **error);
gboolean    mg_export_to_path              (MgDataset        *dataset,
                                            MgExportFormat    format,
                                            MgExportOffsets   offsets,
                                            const char       *path,
                                            MgExportProgress  progress_cb,
                                            gpointer          user_data,
                                            GCancellable     *cancellable,
                                            GError          **error);
gboolean    mg_export_to_file              (MgDataset        *dataset,
                                            MgExportFormat    format,
                                            MgExportOffsets   offsets,
                                            GFile            *target,
                                            MgExportProgress  progress_cb,
                                            gpointer          user_data,
                                            GCancellable     *cancellable,
                                            GError          **error);

gboolean    mg_export_to_directory         (MgDataset        *dataset,
                                            MgExportFormat    format,
                                            MgExportOffsets   offsets,
                                            GFile            *dir,
                                            MgExportProgress  progress_cb,
                                            gpointer          user_data,
                                            GCancellable     *cancellable,
                                            GError          **error);

char       *mg_export_label_studio_config  (MgDataset        *dataset);

G_END_DECLS
