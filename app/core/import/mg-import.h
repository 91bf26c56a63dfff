/* mg-import.h: turning input files into documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mg-dataset.h"
#include "mg-document.h"
#include "mg-import-annotated.h"

G_BEGIN_DECLS

typedef enum {
  MG_IMPORT_AUTO,
  MG_IMPORT_TEXT,
  MG_IMPORT_HTML,
  MG_IMPORT_XML,
  MG_IMPORT_JSONL,
  MG_IMPORT_DOCCANO,
  MG_IMPORT_LABEL_STUDIO,
  MG_IMPORT_W3C,
  MG_IMPORT_CONLL,
  MG_IMPORT_JSONL_EXPORT,
} MgImportFormat;

/* Inputs larger than this are refused before they are read. */
#define MG_IMPORT_MAX_FILE_SIZE (256 * 1024 * 1024)

gboolean        mg_import_format_parse     (const char      *name,
                                            MgImportFormat  *format);
const char     *mg_import_format_to_string (MgImportFormat   format);
MgImportFormat  mg_import_detect           (const char      *data,
                                            gsize            n_bytes,
                                            const char      *file_name);
GPtrArray      *mg_import_data             (const char      *data,
                                            gsize            n_bytes,
                                            const char      *name,
                                            MgImportFormat   format,
                                            GPtrArray       *warnings,
                                            GError         **error);
GPtrArray      *mg_import_file             (const char      *path,
                                            MgImportFormat   format,
                                            GPtrArray       *warnings,
                                            GError         **error);
GPtrArray      *mg_import_data_full        (const char      *data,
                                            gsize            n_bytes,
                                            const char      *name,
                                            MgImportFormat   format,
                                            MgImportOptions *options,
                                            GPtrArray       *warnings,
                                            GError         **error);
GPtrArray      *mg_import_file_full        (const char      *path,
                                            MgImportFormat   format,
                                            MgImportOptions *options,
                                            GPtrArray       *warnings,
                                            GError         **error);
gboolean        mg_import_format_is_annotated (MgImportFormat format);
void            mg_import_add_to_dataset   (MgDataset       *dataset,
                                            GPtrArray       *documents);

G_END_DECLS
