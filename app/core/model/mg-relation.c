/* mg-relation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-relation"

#include "config.h"

#include "mg-relation.h"

struct _MgRelation
{
  GObject parent_instance;

  char       *id;
  char       *kind;  /* "type" in the file; GObject reserves that word */
  char       *from;
  char       *to;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (MgRelation, mg_relation, G_TYPE_OBJECT)

static void
mg_relation_finalize (GObject *object)
{
  MgRelation *self = (MgRelation *)object;

  g_free (self->id);
  g_free (self->kind);
  g_free (self->from);
  g_free (self->to);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (mg_relation_parent_class)->finalize (object);
}

static void
mg_relation_class_init (MgRelationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mg_relation_finalize;
}

static void
mg_relation_init (MgRelation *self)
{
}

/**
 * mg_relation_new:
 * @id: (nullable): unique in its document, or %NULL to have the store give one
 * @type: such as %MG_RELATION_ATTRIBUTED_TO
 * @from: id of the annotation the relation starts at (a quote or claim)
 * @to: id of the annotation it points to (an actor)
 *
 * Returns: (transfer full): a new relation
 */
MgRelation *
mg_relation_new (const char *id,
                 const char *type,
                 const char *from,
                 const char *to)
{
  MgRelation *self;

  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (to != NULL, NULL);

  self = g_object_new (MG_TYPE_RELATION, NULL);
  self->id = g_strdup (id);
  self->kind = g_strdup (type);
  self->from = g_strdup (from);
  self->to = g_strdup (to);

  return self;
}

const char *
mg_relation_get_id (MgRelation *self)
{
  g_return_val_if_fail (MG_IS_RELATION (self), NULL);
  return self->id;
}

void
mg_relation_set_id (MgRelation *self,
                    const char *id)
{
  g_return_if_fail (MG_IS_RELATION (self));
  g_free (self->id);
  self->id = g_strdup (id);
}

/**
 * mg_relation_get_kind:
 *
 * Returns: the relation's type, such as "attributed-to"
 */
const char *
mg_relation_get_kind (MgRelation *self)
{
  g_return_val_if_fail (MG_IS_RELATION (self), NULL);
  return self->kind;
}

const char *
mg_relation_get_from (MgRelation *self)
{
  g_return_val_if_fail (MG_IS_RELATION (self), NULL);
  return self->from;
}

const char *
mg_relation_get_to (MgRelation *self)
{
  g_return_val_if_fail (MG_IS_RELATION (self), NULL);
  return self->to;
}

JsonObject *
mg_relation_get_extra (MgRelation *self)
{
  g_return_val_if_fail (MG_IS_RELATION (self), NULL);
  return self->extra;
}

void
mg_relation_set_extra (MgRelation *self,
                       JsonObject *extra)
{
  g_return_if_fail (MG_IS_RELATION (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
