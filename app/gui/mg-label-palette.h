/* mg-label-palette.h: a button for each label, showing its key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mg-core.h"

G_BEGIN_DECLS

#define MG_TYPE_LABEL_PALETTE (mg_label_palette_get_type ())

G_DECLARE_FINAL_TYPE (MgLabelPalette, mg_label_palette, MG, LABEL_PALETTE, GtkWidget)

GtkWidget *mg_label_palette_new        (void);
void       mg_label_palette_set_labels (MgLabelPalette *self,
                                        MgLabelSet     *labels);
void       mg_label_palette_update_codebook (MgLabelPalette *self);

G_END_DECLS
