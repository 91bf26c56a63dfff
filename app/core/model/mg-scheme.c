/* mg-scheme.c
 *
 * A coding scheme lives in the dataset file itself, in members the format
 * added after version 1 shipped: each label's "definition", "examples" and
 * "attributes", and the dataset's "relation_types" and "document_codes".
 * The model keeps them where the reader put them (the label's and the
 * dataset's unknown members, written back sorted), so a file from before
 * schemes, or from a newer tool, passes through unchanged; MgScheme is the
 * checked view of them that everything else asks.
 *
 * A part of the scheme that a dataset does not declare checks nothing:
 * spans of a label without "attributes" may carry any attributes (brat's
 * importer keeps what a collection had), documents any codes while
 * "document_codes" is absent, and relations of any type are allowed while
 * "relation_types" is absent, as they always were.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-scheme"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mg-scheme.h"
#include "mg-scheme-private.h"

struct _MgScheme
{
  GObject parent_instance;

  /* Owned */
  MgLabelSet *labels;
  GHashTable *attributes;      /* label id -> GPtrArray of MgField */
  GPtrArray  *relation_types;  /* of MgRelationType */
  GPtrArray  *document_codes;  /* of MgField */
  JsonNode   *relation_types_node;
  JsonNode   *document_codes_node;
};

G_DEFINE_FINAL_TYPE (MgScheme, mg_scheme, G_TYPE_OBJECT)

static void
field_free (MgField *field)
{
  g_free (field->id);
  g_free (field->name);
  g_strfreev (field->values);
  g_free (field);
}

static void
relation_type_free (MgRelationType *type)
{
  g_free (type->id);
  g_free (type->name);
  g_strfreev (type->from);
  g_strfreev (type->to);
  g_free (type);
}

static void
mg_scheme_finalize (GObject *object)
{
  MgScheme *self = (MgScheme *)object;

  g_clear_object (&self->labels);
  g_clear_pointer (&self->attributes, g_hash_table_unref);
  g_clear_pointer (&self->relation_types, g_ptr_array_unref);
  g_clear_pointer (&self->document_codes, g_ptr_array_unref);
  g_clear_pointer (&self->relation_types_node, json_node_unref);
  g_clear_pointer (&self->document_codes_node, json_node_unref);

  G_OBJECT_CLASS (mg_scheme_parent_class)->finalize (object);
}

static void
mg_scheme_class_init (MgSchemeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mg_scheme_finalize;
}

static void
mg_scheme_init (MgScheme *self)
{
  self->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  self->relation_types = g_ptr_array_new_with_free_func ((GDestroyNotify) relation_type_free);
  self->document_codes = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
}

/* Reading ----------------------------------------------------------------- */

typedef struct
{
  const char *name;      /* of the file */
  GPtrArray  *problems;  /* nullable */
} Reading;

static void G_GNUC_PRINTF (3, 4)
say (Reading    *r,
     const char *where,
     const char *format,
     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (r->problems == NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (r->problems, g_strdup_printf ("%s: %s: %s", r->name, where, message));
}

/* A list of strings, or NULL after saying why it is none. */
static char **
read_strings (Reading    *r,
              const char *where,
              JsonObject *object,
              const char *member)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL)
    return g_new0 (char *, 1);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      say (r, where, _("“%s” must be a list of strings"), member);
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          say (r, where, _("“%s” must be a list of strings"), member);
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  return g_strv_builder_end (builder);
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static char *
field_where (const char *owner,
             const char *noun,
             const char *which)
{
  return owner ? g_strdup_printf ("%s: %s %s", owner, noun, which)
               : g_strdup_printf ("%s %s", noun, which);
}

static MgField *
read_field (Reading    *r,
            const char *owner,
            const char *noun,
            guint       index,
            JsonNode   *node)
{
  g_autofree char *number = g_strdup_printf ("#%u", index + 1);
  g_autofree char *quoted = NULL;
  g_autofree char *where = field_where (owner, noun, number);
  JsonObject *object;
  const char *id, *type;
  MgField *field;
  char **values;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      say (r, where, _("must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);
  if ((id = string_member (object, "id")) == NULL || *id == '\0')
    {
      say (r, where, _("has no “id”"));
      return NULL;
    }
  g_free (where);
  quoted = g_strdup_printf ("“%s”", id);
  where = field_where (owner, noun, quoted);
  if ((values = read_strings (r, where, object, "values")) == NULL)
    return NULL;

  type = string_member (object, "type");
  if (type == NULL)
    type = values[0] != NULL ? "choice" : "text";
  field = g_new0 (MgField, 1);
  field->id = g_strdup (id);
  field->name = g_strdup (string_member (object, "name") ? string_member (object, "name") : id);
  field->values = values;
  if (g_str_equal (type, "choice"))
    field->type = MG_FIELD_CHOICE;
  else if (g_str_equal (type, "text"))
    field->type = MG_FIELD_TEXT;
  else if (g_str_equal (type, "boolean"))
    field->type = MG_FIELD_BOOLEAN;
  else
    {
      say (r, where, _("type “%s” is not choice, text or boolean"), type);
      field_free (field);
      return NULL;
    }
  if (field->type == MG_FIELD_CHOICE && values[0] == NULL)
    say (r, where, _("a choice needs “values”"));
  for (guint i = 0; values[i] != NULL; i++)
    for (guint j = 0; j < i; j++)
      if (g_str_equal (values[i], values[j]))
        say (r, where, _("value “%s” is listed twice"), values[i]);
  return field;
}

/* A list of fields; a field whose id the list already has is named and
 * left out. */
static GPtrArray *
read_fields (Reading    *r,
             const char *where,
             const char *list,
             const char *owner,
             const char *noun,
             JsonNode   *node)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      say (r, where, _("“%s” must be a list"), list);
      return fields;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      MgField *field = read_field (r, owner, noun, i, json_array_get_element (array, i));
      gboolean twice = FALSE;

      if (field == NULL)
        continue;
      for (guint j = 0; j < fields->len; j++)
        twice |= g_str_equal (((MgField *) g_ptr_array_index (fields, j))->id, field->id);
      if (twice)
        {
          say (r, where, _("“%s” is defined twice in “%s”"), field->id, list);
          field_free (field);
        }
      else
        g_ptr_array_add (fields, field);
    }
  return fields;
}

static void
read_label_attributes (MgScheme *self,
                       Reading  *r,
                       MgLabel  *label)
{
  JsonObject *extra = mg_label_get_extra (label);
  g_autofree char *where = g_strdup_printf (_("label “%s”"), mg_label_get_id (label));
  JsonNode *node;

  if (extra == NULL)
    return;
  if ((node = json_object_get_member (extra, "definition")) != NULL &&
      string_member (extra, "definition") == NULL)
    say (r, where, _("“definition” must be a string"));
  if (json_object_has_member (extra, "examples"))
    g_strfreev (read_strings (r, where, extra, "examples"));
  if ((node = json_object_get_member (extra, "attributes")) != NULL)
    g_hash_table_insert (self->attributes, g_strdup (mg_label_get_id (label)),
                         read_fields (r, where, "attributes", where, _("attribute"), node));
}

static char **
read_label_list (MgScheme   *self,
                 Reading    *r,
                 const char *where,
                 JsonObject *object,
                 const char *member)
{
  char **labels = read_strings (r, where, object, member);

  for (guint i = 0; labels != NULL && labels[i] != NULL; i++)
    if (mg_label_set_lookup (self->labels, labels[i]) == NULL)
      say (r, where, _("“%s” names “%s”, which is not a label"), member, labels[i]);
  return labels;
}

static void
read_relation_types (MgScheme *self,
                     Reading  *r,
                     JsonNode *node)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      say (r, "relation_types", _("must be a list"));
      return;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("relation_types #%u", i + 1);
      JsonObject *object;
      MgRelationType *type;
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          say (r, where, _("must be an object"));
          continue;
        }
      object = json_node_get_object (element);
      if ((id = string_member (object, "id")) == NULL || *id == '\0')
        {
          say (r, where, _("has no “id”"));
          continue;
        }
      if (mg_scheme_lookup_relation_type (self, id) != NULL)
        {
          say (r, "relation_types", _("“%s” is defined twice"), id);
          continue;
        }
      g_free (where);
      where = g_strdup_printf (_("relation type “%s”"), id);
      type = g_new0 (MgRelationType, 1);
      type->id = g_strdup (id);
      type->name = g_strdup (string_member (object, "name") ? string_member (object, "name") : id);
      type->from = read_label_list (self, r, where, object, "from");
      type->to = read_label_list (self, r, where, object, "to");
      if (type->from == NULL)
        type->from = g_new0 (char *, 1);
      if (type->to == NULL)
        type->to = g_new0 (char *, 1);
      g_ptr_array_add (self->relation_types, type);
    }
}

/* The one relation type of datasets that declare none. */
static void
add_builtin_relation_type (MgScheme *self)
{
  MgRelationType *type = g_new0 (MgRelationType, 1);
  const char *from[] = { "quote", "claim", NULL };
  const char *to[] = { "actor", NULL };

  type->id = g_strdup (MG_RELATION_ATTRIBUTED_TO);
  type->name = g_strdup (_("Attributed to"));
  type->from = g_strdupv ((char **) from);
  type->to = g_strdupv ((char **) to);
  g_ptr_array_add (self->relation_types, type);
}

/**
 * mg_scheme_new_from_dataset:
 * @name: the file name that begins each problem
 * @problems: (nullable) (element-type utf8): receives one line for each
 *   part of the scheme that is malformed, which is left out of the scheme
 *
 * Reads the scheme @dataset declares. A malformed part never stops the
 * rest from being read, so the window can show a dataset whose scheme a
 * newer tool or a hand edit broke.
 *
 * Returns: (transfer full): the scheme
 */
MgScheme *
mg_scheme_new_from_dataset (MgDataset  *dataset,
                            const char *name,
                            GPtrArray  *problems)
{
  MgScheme *self;
  Reading r = { name ? name : "dataset", problems };
  JsonObject *extra;
  JsonNode *node;

  g_return_val_if_fail (MG_IS_DATASET (dataset), NULL);

  self = g_object_new (MG_TYPE_SCHEME, NULL);
  self->labels = g_object_ref (mg_dataset_get_labels (dataset));
  for (guint i = 0; i < mg_label_set_get_n_labels (self->labels); i++)
    read_label_attributes (self, &r, mg_label_set_get_label (self->labels, i));

  extra = mg_dataset_get_extra (dataset);
  if (extra != NULL && (node = json_object_get_member (extra, "relation_types")) != NULL)
    {
      self->relation_types_node = json_node_ref (node);
      read_relation_types (self, &r, node);
    }
  else
    add_builtin_relation_type (self);

  if (extra != NULL && (node = json_object_get_member (extra, "document_codes")) != NULL)
    {
      g_autoptr(GPtrArray) codes = read_fields (&r, "document_codes", "document_codes", NULL,
                                                      _("document code"), node);

      self->document_codes_node = json_node_ref (node);
      g_ptr_array_extend_and_steal (self->document_codes, g_steal_pointer (&codes));
    }

  return self;
}

/* Asking ------------------------------------------------------------------ */

/**
 * mg_scheme_get_labels:
 *
 * Returns: (transfer none): the labels, with their definitions, examples
 *   and attributes in their unknown members
 */
MgLabelSet *
mg_scheme_get_labels (MgScheme *self)
{
  g_return_val_if_fail (MG_IS_SCHEME (self), NULL);
  return self->labels;
}

/**
 * mg_scheme_get_attributes:
 *
 * Returns: (transfer none) (nullable) (element-type MgField): the
 *   attributes of @label's spans, in the scheme's order, or %NULL when
 *   the label declares none
 */
GPtrArray *
mg_scheme_get_attributes (MgScheme   *self,
                          const char *label)
{
  g_return_val_if_fail (MG_IS_SCHEME (self), NULL);
  return label ? g_hash_table_lookup (self->attributes, label) : NULL;
}

/**
 * mg_scheme_label_has_attributes:
 *
 * Returns: whether @label declares its attributes (maybe none), so that
 *   its spans' attributes are checked
 */
gboolean
mg_scheme_label_has_attributes (MgScheme   *self,
                                const char *label)
{
  return mg_scheme_get_attributes (self, label) != NULL;
}

static const MgField *
find_field (GPtrArray  *fields,
            const char *id)
{
  for (guint i = 0; fields != NULL && id != NULL && i < fields->len; i++)
    if (g_str_equal (((MgField *) g_ptr_array_index (fields, i))->id, id))
      return g_ptr_array_index (fields, i);
  return NULL;
}

/**
 * mg_scheme_lookup_attribute:
 *
 * Returns: (transfer none) (nullable): attribute @id of @label's spans
 */
const MgField *
mg_scheme_lookup_attribute (MgScheme   *self,
                            const char *label,
                            const char *id)
{
  return find_field (mg_scheme_get_attributes (self, label), id);
}

/**
 * mg_scheme_get_attribute_ids:
 *
 * Every attribute id of every label, each once, in the order of the labels
 * and then of their attributes: the columns of a table.
 *
 * Returns: (transfer container) (element-type utf8): borrowed strings
 */
GPtrArray *
mg_scheme_get_attribute_ids (MgScheme *self)
{
  GPtrArray *ids = g_ptr_array_new ();

  g_return_val_if_fail (MG_IS_SCHEME (self), ids);
  for (guint i = 0; i < mg_label_set_get_n_labels (self->labels); i++)
    {
      GPtrArray *fields = mg_scheme_get_attributes (self,
                            mg_label_get_id (mg_label_set_get_label (self->labels, i)));

      for (guint j = 0; fields != NULL && j < fields->len; j++)
        {
          const char *id = ((MgField *) g_ptr_array_index (fields, j))->id;

          if (!g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
            g_ptr_array_add (ids, (char *) id);
        }
    }
  return ids;
}

/* A node holding @array, which it takes. */
static JsonNode *
array_node (JsonArray *array)
{
  JsonNode *node = json_node_init_array (json_node_alloc (), array);

  json_array_unref (array);
  return node;
}

/* @list (an array of label ids, or not an array) without the ids @labels
 * lacks; *@emptied when it named some and now names none. */
static JsonNode *
labels_kept (JsonNode   *list,
             MgLabelSet *labels,
             gboolean   *changed,
             gboolean   *emptied)
{
  JsonArray *old, *kept;

  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    return list ? json_node_copy (list) : NULL;
  old = json_node_get_array (list);
  kept = json_array_new ();
  for (guint i = 0; i < json_array_get_length (old); i++)
    {
      JsonNode *id = json_array_get_element (old, i);

      if (JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING &&
          mg_label_set_lookup (labels, json_node_get_string (id)) == NULL)
        *changed = TRUE;
      else
        json_array_add_element (kept, json_node_copy (id));
    }
  *emptied = json_array_get_length (old) > 0 && json_array_get_length (kept) == 0;
  return array_node (kept);
}

/**
 * mg_scheme_relation_types_for_labels:
 * @dataset: a dataset whose labels are about to change
 * @labels: the labels it is to have
 * @dropped: (out) (optional) (transfer full): the ids of the relation types
 *   left out
 *
 * The dataset's "relation_types" for the labels @labels: each label id
 * @labels lacks is taken out of the types' "from" and "to", and a type
 * that named labels at one end and is left with none is left out (an empty
 * list would mean any label). A scheme editor removing a label applies it
 * in the same step, so that the dataset stays valid.
 *
 * Returns: (transfer full) (nullable): the new "relation_types", or %NULL
 *   when the dataset has none or they need no change
 */
JsonNode *
mg_scheme_relation_types_for_labels (MgDataset   *dataset,
                                     MgLabelSet  *labels,
                                     GPtrArray  **dropped)
{
  JsonObject *extra;
  JsonNode *node;
  JsonArray *types, *kept;
  gboolean changed = FALSE;

  g_return_val_if_fail (MG_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (MG_IS_LABEL_SET (labels), NULL);

  if (dropped != NULL)
    *dropped = g_ptr_array_new_with_free_func (g_free);
  extra = mg_dataset_get_extra (dataset);
  node = extra ? json_object_get_member (extra, "relation_types") : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  types = json_node_get_array (node);
  kept = json_array_new ();
  for (guint i = 0; i < json_array_get_length (types); i++)
    {
      JsonNode *element = json_array_get_element (types, i);
      JsonObject *type = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      g_autoptr(JsonNode) copy = json_node_copy (element);
      gboolean from_emptied = FALSE, to_emptied = FALSE;
      JsonNode *from, *to;

      if (type == NULL)
        {
          json_array_add_element (kept, g_steal_pointer (&copy));
          continue;
        }
      from = labels_kept (json_object_get_member (type, "from"), labels, &changed, &from_emptied);
      to = labels_kept (json_object_get_member (type, "to"), labels, &changed, &to_emptied);
      if (from != NULL)
        json_object_set_member (json_node_get_object (copy), "from", from);
      if (to != NULL)
        json_object_set_member (json_node_get_object (copy), "to", to);
      if (from_emptied || to_emptied)
        {
          changed = TRUE;
          if (dropped != NULL)
            g_ptr_array_add (*dropped, g_strdup (json_object_get_string_member_with_default (type, "id", "")));
          continue;
        }
      json_array_add_element (kept, g_steal_pointer (&copy));
    }
  if (!changed)
    {
      json_array_unref (kept);
      return NULL;
    }
  return array_node (kept);
}

/**
 * mg_scheme_has_relation_types:
 *
 * Returns: whether the dataset declares its relation types; when it does
 *   not, the built-in attributed-to is the one offered and no relation is
 *   checked
 */
gboolean
mg_scheme_has_relation_types (MgScheme *self)
{
  g_return_val_if_fail (MG_IS_SCHEME (self), FALSE);
  return self->relation_types_node != NULL;
}

/**
 * mg_scheme_get_relation_types:
 *
 * Returns: (transfer none) (element-type MgRelationType): the relation
 *   types, the built-in attributed-to when the dataset declares none
 */
GPtrArray *
mg_scheme_get_relation_types (MgScheme *self)
{
  g_return_val_if_fail (MG_IS_SCHEME (self), NULL);
  return self->relation_types;
}

/**
 * mg_scheme_lookup_relation_type:
 *
 * Returns: (transfer none) (nullable): the relation type @id
 */
const MgRelationType *
mg_scheme_lookup_relation_type (MgScheme   *self,
                                const char *id)
{
  g_return_val_if_fail (MG_IS_SCHEME (self), NULL);
  for (guint i = 0; id != NULL && i < self->relation_types->len; i++)
    if (g_str_equal (((MgRelationType *) g_ptr_array_index (self->relation_types, i))->id, id))
      return g_ptr_array_index (self->relation_types, i);
  return NULL;
}

static gboolean
allows (char       **labels,
        const char  *label)
{
  return labels[0] == NULL || g_strv_contains ((const char * const *) labels, label);
}

/**
 * mg_relation_type_allows:
 *
 * Returns: whether a relation of @type may go from a span of @from_label
 *   to one of @to_label
 */
gboolean
mg_relation_type_allows (const MgRelationType *type,
                         const char           *from_label,
                         const char           *to_label)
{
  g_return_val_if_fail (type != NULL, FALSE);
  return allows (type->from, from_label) && allows (type->to, to_label);
}

/**
 * mg_scheme_relation_types_between:
 *
 * What a span of @from_label may be linked to a span of @to_label as, for
 * a menu that offers only what the scheme allows.
 *
 * Returns: (transfer container) (element-type MgRelationType): the types
 */
GPtrArray *
mg_scheme_relation_types_between (MgScheme   *self,
                                  const char *from_label,
                                  const char *to_label)
{
  GPtrArray *out = g_ptr_array_new ();

  g_return_val_if_fail (MG_IS_SCHEME (self), out);
  for (guint i = 0; i < self->relation_types->len; i++)
    if (mg_relation_type_allows (g_ptr_array_index (self->relation_types, i),
                                 from_label, to_label))
      g_ptr_array_add (out, g_ptr_array_index (self->relation_types, i));
  return out;
}

/**
 * mg_scheme_has_document_codes:
 *
 * Returns: whether the dataset declares document codes (maybe none)
 */
gboolean
mg_scheme_has_document_codes (MgScheme *self)
{
  g_return_val_if_fail (MG_IS_SCHEME (self), FALSE);
  return self->document_codes_node != NULL;
}

/**
 * mg_scheme_get_document_codes:
 *
 * Returns: (transfer none) (element-type MgField): the codes of a whole
 *   document, in the scheme's order
 */
GPtrArray *
mg_scheme_get_document_codes (MgScheme *self)
{
  g_return_val_if_fail (MG_IS_SCHEME (self), NULL);
  return self->document_codes;
}

/**
 * mg_scheme_lookup_document_code:
 *
 * Returns: (transfer none) (nullable): the document code @id
 */
const MgField *
mg_scheme_lookup_document_code (MgScheme   *self,
                                const char *id)
{
  g_return_val_if_fail (MG_IS_SCHEME (self), NULL);
  return find_field (self->document_codes, id);
}

/**
 * mg_field_accepts:
 *
 * Returns: whether @value is a value of @field: one of a choice's values,
 *   any string for text, true or false for a boolean
 */
gboolean
mg_field_accepts (const MgField *field,
                  JsonNode      *value)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value))
    return FALSE;
  switch (field->type)
    {
    case MG_FIELD_BOOLEAN:
      return json_node_get_value_type (value) == G_TYPE_BOOLEAN;
    case MG_FIELD_TEXT:
      return json_node_get_value_type (value) == G_TYPE_STRING;
    case MG_FIELD_CHOICE:
    default:
      return json_node_get_value_type (value) == G_TYPE_STRING &&
             g_strv_contains ((const char * const *) field->values, json_node_get_string (value));
    }
}

const char *
mg_field_type_to_string (MgFieldType type)
{
  switch (type)
    {
    case MG_FIELD_TEXT:
      return "text";
    case MG_FIELD_BOOLEAN:
      return "boolean";
    case MG_FIELD_CHOICE:
    default:
      return "choice";
    }
}

/* Values ------------------------------------------------------------------ */

static JsonObject *
object_member (JsonObject *extra,
               const char *member)
{
  JsonNode *node = extra ? json_object_get_member (extra, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * mg_annotation_get_attributes:
 *
 * Returns: (transfer none) (nullable): the span's "attributes" object
 */
JsonObject *
mg_annotation_get_attributes (MgAnnotation *annotation)
{
  g_return_val_if_fail (MG_IS_ANNOTATION (annotation), NULL);
  return object_member (mg_annotation_get_extra (annotation), "attributes");
}

/**
 * mg_annotation_get_attribute:
 *
 * Returns: (transfer none) (nullable): the value of attribute @id
 */
JsonNode *
mg_annotation_get_attribute (MgAnnotation *annotation,
                             const char   *id)
{
  JsonObject *attributes = mg_annotation_get_attributes (annotation);

  return attributes ? json_object_get_member (attributes, id) : NULL;
}

/**
 * mg_annotation_dup_attribute_string:
 *
 * Returns: (transfer full) (nullable): the value of attribute @id as text
 */
char *
mg_annotation_dup_attribute_string (MgAnnotation *annotation,
                                    const char   *id)
{
  return mg_value_to_string (mg_annotation_get_attribute (annotation, id));
}

/**
 * mg_document_get_codes:
 *
 * Returns: (transfer none) (nullable): the document's "codes" object
 */
JsonObject *
mg_document_get_codes (MgDocument *document)
{
  g_return_val_if_fail (MG_IS_DOCUMENT (document), NULL);
  return object_member (mg_document_get_extra (document), "codes");
}

/**
 * mg_document_get_code:
 *
 * Returns: (transfer none) (nullable): the value of document code @id
 */
JsonNode *
mg_document_get_code (MgDocument *document,
                      const char *id)
{
  JsonObject *codes = mg_document_get_codes (document);

  return codes ? json_object_get_member (codes, id) : NULL;
}

/**
 * mg_document_dup_code_string:
 *
 * Returns: (transfer full) (nullable): the value of document code @id as text
 */
char *
mg_document_dup_code_string (MgDocument *document,
                             const char *id)
{
  return mg_value_to_string (mg_document_get_code (document, id));
}

/**
 * mg_value_to_string:
 *
 * Returns: (transfer full) (nullable): a string as it is, a boolean as
 *   "true" or "false", anything else as compact JSON; %NULL for none
 */
char *
mg_value_to_string (JsonNode *value)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (value) ? "true" : "false");
  return json_to_string (value, FALSE);
}

static JsonObject *
copy_object (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (object == NULL)
    return copy;
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    json_object_set_member (copy, name, json_node_copy (node));
  return copy;
}

/**
 * mg_extra_with_value:
 * @extra: (nullable): unknown members of a span or a document, not changed
 * @member: the object that holds the values: "attributes" or "codes"
 * @value: (nullable): the new value of @id, or %NULL to remove it
 *
 * Unknown-member objects are shared between copies of a span (and kept
 * by undo steps), so a change makes a new object rather than editing one.
 * The member goes when its last value does, so that setting a value and
 * removing it again gives back the same bytes.
 *
 * Returns: (transfer full) (nullable): the new unknown members, %NULL
 *   when none are left
 */
JsonObject *
mg_extra_with_value (JsonObject *extra,
                     const char *member,
                     const char *id,
                     JsonNode   *value)
{
  g_autoptr(JsonObject) copy = copy_object (extra);
  g_autoptr(JsonObject) values = copy_object (object_member (extra, member));

  g_return_val_if_fail (member != NULL && id != NULL, NULL);

  if (value != NULL)
    json_object_set_member (values, id, json_node_copy (value));
  else if (json_object_has_member (values, id))
    json_object_remove_member (values, id);
  if (json_object_get_size (values) > 0)
    json_object_set_object_member (copy, member, g_steal_pointer (&values));
  else if (json_object_has_member (copy, member))
    json_object_remove_member (copy, member);
  return json_object_get_size (copy) > 0 ? g_steal_pointer (&copy) : NULL;
}

JsonNode *
_mg_scheme_get_relation_types_node (MgScheme *self)
{
  return self->relation_types_node;
}

JsonNode *
_mg_scheme_get_document_codes_node (MgScheme *self)
{
  return self->document_codes_node;
}
