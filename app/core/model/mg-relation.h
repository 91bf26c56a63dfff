/* mg-relation.h: a typed link between two annotations of a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mg-types.h"

G_BEGIN_DECLS

#define MG_TYPE_RELATION (mg_relation_get_type ())

G_DECLARE_FINAL_TYPE (MgRelation, mg_relation, MG, RELATION, GObject)

MgRelation *mg_relation_new       (const char *id,
                                   const char *type,
                                   const char *from,
                                   const char *to);
const char *mg_relation_get_id    (MgRelation *self);
void        mg_relation_set_id    (MgRelation *self,
                                   const char *id);
const char *mg_relation_get_kind  (MgRelation *self);
const char *mg_relation_get_from  (MgRelation *self);
const char *mg_relation_get_to    (MgRelation *self);
JsonObject *mg_relation_get_extra (MgRelation *self);
void        mg_relation_set_extra (MgRelation *self,
                                   JsonObject *extra);

G_END_DECLS
