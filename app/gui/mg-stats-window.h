/* mg-stats-window.h: annotations per label, for a document and its dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mg-core.h"

G_BEGIN_DECLS

#define MG_TYPE_STATS_WINDOW (mg_stats_window_get_type ())

G_DECLARE_FINAL_TYPE (MgStatsWindow, mg_stats_window, MG, STATS_WINDOW, AdwWindow)

GtkWidget *mg_stats_window_new (GtkWindow  *parent,
                                MgDataset  *dataset,
                                MgDocument *document);
void       mg_stats_window_follow_history (MgStatsWindow *self,
                                           MgHistory     *history);

G_END_DECLS
