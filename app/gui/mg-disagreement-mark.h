/* mg-disagreement-mark.h: how many disagreements a document has open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *mg_disagreement_mark_new       (void);
void       mg_disagreement_mark_set_count (GtkWidget *mark,
                                           guint      n_open);
guint      mg_disagreement_mark_get_count (GtkWidget *mark);

G_END_DECLS
