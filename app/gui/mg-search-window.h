/* mg-search-window.h: a phrase searched in all documents of the dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mg-window.h"

G_BEGIN_DECLS

#define MG_TYPE_SEARCH_WINDOW (mg_search_window_get_type ())

G_DECLARE_FINAL_TYPE (MgSearchWindow, mg_search_window, MG, SEARCH_WINDOW, AdwWindow)

MgSearchWindow *mg_search_window_new        (MgWindow       *window);
void            mg_search_window_search     (MgSearchWindow *self,
                                             const char     *text);
GListModel     *mg_search_window_get_hits   (MgSearchWindow *self);
const char     *mg_search_window_get_count  (MgSearchWindow *self);

G_END_DECLS
