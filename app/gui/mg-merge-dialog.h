/* mg-merge-dialog.h: several annotators' datasets merged into a gold one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mg-core.h"
#include "mg-merge.h"

#include "mg-window.h"

G_BEGIN_DECLS

#define MG_TYPE_MERGE_DIALOG (mg_merge_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MgMergeDialog, mg_merge_dialog, MG, MERGE_DIALOG, AdwWindow)

GtkWidget       *mg_merge_dialog_new           (MgWindow        *window);
void             mg_merge_dialog_add_input     (MgMergeDialog   *self,
                                                GFile           *file);
guint            mg_merge_dialog_get_n_inputs  (MgMergeDialog   *self);
GFile           *mg_merge_dialog_get_input     (MgMergeDialog   *self,
                                                guint            index);
MgMergeStrategy  mg_merge_dialog_get_strategy  (MgMergeDialog   *self);
void             mg_merge_dialog_set_strategy  (MgMergeDialog   *self,
                                                MgMergeStrategy  strategy);
void             mg_merge_dialog_set_curator   (MgMergeDialog   *self,
                                                const char      *curator);
GFile           *mg_merge_dialog_get_output    (MgMergeDialog   *self);
void             mg_merge_dialog_set_output    (MgMergeDialog   *self,
                                                GFile           *output);
gboolean         mg_merge_dialog_get_busy      (MgMergeDialog   *self);
const char      *mg_merge_dialog_get_status    (MgMergeDialog   *self);
gboolean         mg_merge_dialog_get_failed    (MgMergeDialog   *self);

G_END_DECLS
