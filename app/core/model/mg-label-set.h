/* mg-label-set.h: the labels of a dataset, in order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mg-label.h"

G_BEGIN_DECLS

#define MG_TYPE_LABEL_SET (mg_label_set_get_type ())

G_DECLARE_FINAL_TYPE (MgLabelSet, mg_label_set, MG, LABEL_SET, GObject)

MgLabelSet *mg_label_set_new           (void);
MgLabelSet *mg_label_set_new_default   (void);
gboolean    mg_label_set_add           (MgLabelSet *self,
                                        MgLabel    *label);
guint       mg_label_set_get_n_labels  (MgLabelSet *self);
MgLabel    *mg_label_set_get_label     (MgLabelSet *self,
                                        guint       position);
MgLabel    *mg_label_set_lookup        (MgLabelSet *self,
                                        const char *id);
MgLabel    *mg_label_set_lookup_key    (MgLabelSet *self,
                                        const char *key);
int         mg_label_set_index_of      (MgLabelSet *self,
                                        const char *id);

G_END_DECLS
