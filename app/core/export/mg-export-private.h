/* mg-export-private.h: what the exporters of each format share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mg-export.h"
#include "mg-folder-writer.h"
#include "mg-scheme.h"

G_BEGIN_DECLS

/* One export in progress. Output is gathered in @buf and written to @out
 * in large pieces; a folder format adds its files to @folder. */
typedef struct
{
  MgDataset        *dataset;
  MgExportOffsets   offsets;
  GOutputStream    *out;
  MgFolderWriter   *folder;
  GString          *buf;
  MgExportProgress  progress_cb;
  gpointer          user_data;
  GCancellable     *cancellable;
  guint             n_done;
} MgExportContext;

gboolean    _mg_export_flush          (MgExportContext  *ctx,
                                       gboolean          all,
                                       GError          **error);
gboolean    _mg_export_document_done  (MgExportContext  *ctx,
                                       GError          **error);
guint       _mg_export_offset         (MgExportContext  *ctx,
                                       MgDocument       *document,
                                       guint             offset);
void        _mg_export_json_string    (GString          *out,
                                       const char       *str);
void        _mg_export_json_string_len (GString         *out,
                                       const char       *str,
                                       gsize             n_bytes);
void        _mg_export_json_object    (GString          *out,
                                       JsonObject       *object);
void        _mg_export_json_member    (GString          *out,
                                       const char       *name,
                                       const char       *value);
void        _mg_export_json_uint      (GString          *out,
                                       const char       *name,
                                       guint             value);
GHashTable *_mg_export_attributions   (MgAnnotationStore *store);
GPtrArray  *_mg_export_attribute_ids  (MgDataset        *dataset,
                                       MgScheme         *scheme);
GPtrArray  *_mg_export_code_ids       (MgDataset        *dataset,
                                       MgScheme         *scheme);
char       *_mg_export_document_uri   (MgDocument       *document);

gboolean    _mg_export_jsonl          (MgExportContext  *ctx,
                                       GError          **error);
gboolean    _mg_export_csv            (MgExportContext  *ctx,
                                       GError          **error);
gboolean    _mg_export_conll          (MgExportContext  *ctx,
                                       GError          **error);
gboolean    _mg_export_w3c            (MgExportContext  *ctx,
                                       GError          **error);
gboolean    _mg_export_doccano        (MgExportContext  *ctx,
                                       GError          **error);
gboolean    _mg_export_label_studio   (MgExportContext  *ctx,
                                       GError          **error);
gboolean    _mg_export_brat           (MgExportContext  *ctx,
                                       GError          **error);

G_END_DECLS
