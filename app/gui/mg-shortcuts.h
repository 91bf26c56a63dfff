/* mg-shortcuts.h: the shortcuts window, tidied
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void mg_shortcuts_tidy_keys (GtkWidget *shortcuts_window);

G_END_DECLS
