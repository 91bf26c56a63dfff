/* mg-export-dialog.h: the dataset, written for other tools
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mg-core.h"
#include "mg-export.h"

#include "mg-window.h"

G_BEGIN_DECLS

#define MG_TYPE_EXPORT_DIALOG (mg_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MgExportDialog, mg_export_dialog, MG, EXPORT_DIALOG, AdwWindow)

GtkWidget       *mg_export_dialog_new                (MgWindow        *window);
MgExportFormat   mg_export_dialog_get_format         (MgExportDialog  *self);
void             mg_export_dialog_set_format         (MgExportDialog  *self,
                                                      MgExportFormat   format);
MgExportOffsets  mg_export_dialog_get_offsets        (MgExportDialog  *self);
void             mg_export_dialog_set_offsets        (MgExportDialog  *self,
                                                      MgExportOffsets  offsets);
GFile           *mg_export_dialog_get_destination    (MgExportDialog  *self);
void             mg_export_dialog_set_destination    (MgExportDialog  *self,
                                                      GFile           *target);
gboolean         mg_export_dialog_get_write_config   (MgExportDialog  *self);
void             mg_export_dialog_set_write_config   (MgExportDialog  *self,
                                                      gboolean         write_config);
GFile           *mg_export_dialog_get_config_file    (MgExportDialog  *self);
gboolean         mg_export_dialog_get_busy           (MgExportDialog  *self);
const char      *mg_export_dialog_get_error_message  (MgExportDialog  *self);

G_END_DECLS
