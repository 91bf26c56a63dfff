/* mg-metadata-panel.h: what is known of the document shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mg-core.h"

G_BEGIN_DECLS

#define MG_TYPE_METADATA_PANEL (mg_metadata_panel_get_type ())

G_DECLARE_FINAL_TYPE (MgMetadataPanel, mg_metadata_panel, MG, METADATA_PANEL, GtkWidget)

GtkWidget  *mg_metadata_panel_new          (void);
void        mg_metadata_panel_set_document (MgMetadataPanel *self,
                                            MgDocument      *document);
void        mg_metadata_panel_focus_title  (MgMetadataPanel *self);
const char *mg_metadata_panel_get_value    (MgMetadataPanel *self,
                                            const char      *field);

G_END_DECLS
