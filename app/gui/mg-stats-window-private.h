/* mg-stats-window-private.h: what the tests of the statistics reach
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mg-stats-window.h"

G_BEGIN_DECLS

guint _mg_stats_count_document (MgLabelSet    *labels,
                                MgDocument    *document,
                                guint         *counts);
void  _mg_stats_window_refresh (MgStatsWindow *self);

G_END_DECLS

