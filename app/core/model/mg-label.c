/* mg-label.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-label"

#include "config.h"

#include "mg-label.h"

struct _MgLabel
{
  GObject parent_instance;

  char       *id;
  char       *name;
  char       *color;
  char       *key;
  JsonObject *extra;  /* members this build does not know, kept for saving */
};

G_DEFINE_FINAL_TYPE (MgLabel, mg_label, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COLOR,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mg_label_finalize (GObject *object)
{
  MgLabel *self = (MgLabel *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (mg_label_parent_class)->finalize (object);
}

static void
mg_label_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  MgLabel *self = MG_LABEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_label_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  MgLabel *self = MG_LABEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_COLOR:
      self->color = g_value_dup_string (value);
      break;
    case PROP_KEY:
      self->key = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mg_label_class_init (MgLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mg_label_finalize;
  object_class->get_property = mg_label_get_property;
  object_class->set_property = mg_label_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_COLOR] = g_param_spec_string ("color", NULL, NULL, NULL, flags);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mg_label_init (MgLabel *self)
{
}

/**
 * mg_label_new:
 * @id: the identifier annotations refer to, such as "quote"
 * @name: the name shown to people
 * @color: a "#rrggbb" colour
 * @key: (nullable): the key that applies the label, or %NULL
 *
 * Returns: (transfer full): a new label
 */
MgLabel *
mg_label_new (const char *id,
              const char *name,
              const char *color,
              const char *key)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (MG_TYPE_LABEL,
                       "id", id,
                       "name", name ? name : id,
                       "color", color ? color : "#888888",
                       "key", key ? key : "",
                       NULL);
}

const char *
mg_label_get_id (MgLabel *self)
{
  g_return_val_if_fail (MG_IS_LABEL (self), NULL);
  return self->id;
}

const char *
mg_label_get_name (MgLabel *self)
{
  g_return_val_if_fail (MG_IS_LABEL (self), NULL);
  return self->name;
}

const char *
mg_label_get_color (MgLabel *self)
{
  g_return_val_if_fail (MG_IS_LABEL (self), NULL);
  return self->color;
}

const char *
mg_label_get_key (MgLabel *self)
{
  g_return_val_if_fail (MG_IS_LABEL (self), NULL);
  return self->key;
}

/**
 * mg_label_get_extra:
 *
 * Returns: (transfer none) (nullable): members of the label's JSON object
 *   that this build does not know, kept so a save does not drop them
 */
JsonObject *
mg_label_get_extra (MgLabel *self)
{
  g_return_val_if_fail (MG_IS_LABEL (self), NULL);
  return self->extra;
}

void
mg_label_set_extra (MgLabel    *self,
                    JsonObject *extra)
{
  g_return_if_fail (MG_IS_LABEL (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
