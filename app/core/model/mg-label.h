/* mg-label.h: one entry of a dataset's label set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mg-types.h"

G_BEGIN_DECLS

#define MG_TYPE_LABEL (mg_label_get_type ())

G_DECLARE_FINAL_TYPE (MgLabel, mg_label, MG, LABEL, GObject)

MgLabel    *mg_label_new       (const char *id,
                                const char *name,
                                const char *color,
                                const char *key);
const char *mg_label_get_id    (MgLabel    *self);
const char *mg_label_get_name  (MgLabel    *self);
const char *mg_label_get_color (MgLabel    *self);
const char *mg_label_get_key   (MgLabel    *self);
JsonObject *mg_label_get_extra (MgLabel    *self);
void        mg_label_set_extra (MgLabel    *self,
                                JsonObject *extra);

G_END_DECLS
