/* mg-scheme-check.c
 *
 * Whether a dataset's values keep to a scheme, and a dataset moved onto
 * another scheme. Both ask the same questions of each span, relation and
 * document code, so that what `validate` would call a problem is exactly
 * what a change of scheme says would vanish.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-scheme"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mg-problem.h"
#include "mg-scheme.h"
#include "mg-scheme-private.h"

static char *
describe_value (JsonNode *value)
{
  if (value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
      json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup_printf ("“%s”", json_node_get_string (value));
  return value ? json_to_string (value, FALSE) : g_strdup ("null");
}

/* Why @value is no value of @field, for a person. */
static char *
refusal (const MgField *field,
         const char    *what,
         JsonNode      *value)
{
  g_autofree char *shown = describe_value (value);

  if (field->type == MG_FIELD_CHOICE)
    {
      g_autofree char *values = g_strjoinv (", ", field->values);

      return g_strdup_printf (_("%s “%s” is %s, not one of %s"), what, field->id, shown, values);
    }
  if (field->type == MG_FIELD_BOOLEAN)
    return g_strdup_printf (_("%s “%s” is %s, not true or false"), what, field->id, shown);
  return g_strdup_printf (_("%s “%s” is %s, not a string"), what, field->id, shown);
}

/* Returns: (nullable): why attribute @id of a span of @label may not be
 * @value */
static char *
attribute_problem (MgScheme   *scheme,
                   const char *label,
                   const char *id,
                   JsonNode   *value)
{
  const MgField *field;

  if (!mg_scheme_label_has_attributes (scheme, label))
    return NULL;
  if ((field = mg_scheme_lookup_attribute (scheme, label, id)) == NULL)
    return g_strdup_printf (_("attribute “%s” is not an attribute of label “%s”"), id, label);
  if (!mg_field_accepts (field, value))
    return refusal (field, _("attribute"), value);
  return NULL;
}

static char *
code_problem (MgScheme   *scheme,
              const char *id,
              JsonNode   *value)
{
  const MgField *field = mg_scheme_lookup_document_code (scheme, id);

  if (!mg_scheme_has_document_codes (scheme))
    return NULL;
  if (field == NULL)
    return g_strdup_printf (_("code “%s” is not one of the dataset's document codes"), id);
  if (!mg_field_accepts (field, value))
    return refusal (field, _("code"), value);
  return NULL;
}

static char *
relation_problem (MgScheme          *scheme,
                  MgAnnotationStore *store,
                  MgRelation        *relation)
{
  const MgRelationType *type;
  MgAnnotation *from, *to;

  if (!mg_scheme_has_relation_types (scheme))
    return NULL;
  if ((type = mg_scheme_lookup_relation_type (scheme, mg_relation_get_kind (relation))) == NULL)
    return g_strdup_printf (_("type “%s” is not one of the dataset's relation types"),
                            mg_relation_get_kind (relation));
  from = mg_annotation_store_lookup (store, mg_relation_get_from (relation));
  to = mg_annotation_store_lookup (store, mg_relation_get_to (relation));
  if (from == NULL || to == NULL)
    return NULL;  /* the store never holds such a relation */
  if (!mg_relation_type_allows (type, mg_annotation_get_label (from), mg_annotation_get_label (to)))
    return g_strdup_printf (_("“%s” may not go from a span of “%s” to one of “%s”"), type->id,
                            mg_annotation_get_label (from), mg_annotation_get_label (to));
  return NULL;
}

static char *
annotation_name (MgAnnotation *annotation)
{
  return g_strdup_printf (_("annotation “%s”"), mg_annotation_get_id (annotation));
}

static char *
relation_name (MgRelation *relation)
{
  return g_strdup_printf (_("relation “%s”"), mg_relation_get_id (relation));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Member names in a fixed order, so that problems come out the same way
 * every time. The strings are @object's. */
static GPtrArray *
sorted_members (JsonObject *object)
{
  GPtrArray *names = g_ptr_array_new ();
  GList *members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    g_ptr_array_add (names, l->data);
  g_list_free (members);
  g_ptr_array_sort (names, compare_strings);
  return names;
}

/* A span's attributes (@label, the span's label) and a document's codes
 * (@label %NULL) are checked alike, value by value in a fixed order, each
 * against its field of the scheme; this is that walk, written once.
 * Returns: the ids of the values at fault, after a line for each. */
static GPtrArray *
check_values (MgScheme   *scheme,
              const char *label,
              JsonObject *values,
              MgDocument *document,
              const char *where,
              const char *name,
              GPtrArray  *problems)
{
  GPtrArray *bad = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = sorted_members (values);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      JsonNode *value = json_object_get_member (values, id);
      g_autofree char *why = label != NULL ? attribute_problem (scheme, label, id, value)
                                           : code_problem (scheme, id, value);

      if (why != NULL)
        {
          mg_problem_add (problems, name, document, where, "%s", why);
          g_ptr_array_add (bad, g_strdup (id));
        }
    }
  return bad;
}

/* The ids of @annotation's attributes that @scheme refuses, each said. */
static GPtrArray *
check_attributes (MgScheme     *scheme,
                  MgDocument   *document,
                  MgAnnotation *annotation,
                  const char   *name,
                  GPtrArray    *problems)
{
  JsonObject *extra = mg_annotation_get_extra (annotation);
  g_autofree char *where = annotation_name (annotation);
  JsonObject *attributes;

  if (extra == NULL || !json_object_has_member (extra, "attributes"))
    return g_ptr_array_new_with_free_func (g_free);
  if ((attributes = mg_annotation_get_attributes (annotation)) == NULL)
    {
      mg_problem_add (problems, name, document, where, _("“attributes” must be an object"));
      return g_ptr_array_new_with_free_func (g_free);
    }
  return check_values (scheme, mg_annotation_get_label (annotation), attributes,
                       document, where, name, problems);
}

static GPtrArray *
check_codes (MgScheme   *scheme,
             MgDocument *document,
             const char *name,
             GPtrArray  *problems)
{
  JsonObject *extra = mg_document_get_extra (document);
  JsonObject *codes;

  if (extra == NULL || !json_object_has_member (extra, "codes"))
    return g_ptr_array_new_with_free_func (g_free);
  if ((codes = mg_document_get_codes (document)) == NULL)
    {
      mg_problem_add (problems, name, document, NULL, _("“codes” must be an object"));
      return g_ptr_array_new_with_free_func (g_free);
    }
  return check_values (scheme, NULL, codes, document, NULL, name, problems);
}

static GPtrArray *
check_relations (MgScheme   *scheme,
                 MgDocument *document,
                 const char *name,
                 GPtrArray  *problems)
{
  MgAnnotationStore *store = mg_document_get_store (document);
  GPtrArray *bad = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < mg_annotation_store_get_n_relations (store); i++)
    {
      MgRelation *relation = mg_annotation_store_get_relation (store, i);
      g_autofree char *why = relation_problem (scheme, store, relation);

      if (why != NULL)
        {
          g_autofree char *where = relation_name (relation);

          mg_problem_add (problems, name, document, where, "%s", why);
          g_ptr_array_add (bad, g_object_ref (relation));
        }
    }
  return bad;
}

/**
 * mg_scheme_check_relabel:
 * @annotation: a span of @document
 * @label: the label it is about to take
 * @attributes: (out) (transfer full) (element-type utf8): the ids of its
 *   attributes that @label does not declare or whose values it refuses
 * @relations: (out) (transfer full) (element-type MgRelation): its
 *   relations whose type may not join a span of @label
 *
 * What a span relabelled would keep that belongs to its old label, so
 * that the relabelling takes it away in the same step and the dataset
 * stays one that validate accepts. A span's attributes are coded for its
 * label: when either label declares attributes, those @label does not
 * declare go; when neither does, the scheme says nothing and all stay.
 */
void
mg_scheme_check_relabel (MgScheme      *self,
                         MgDocument    *document,
                         MgAnnotation  *annotation,
                         const char    *label,
                         GPtrArray    **attributes,
                         GPtrArray    **relations)
{
  MgAnnotationStore *store;
  JsonObject *values;
  g_autoptr(GPtrArray) linked = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (MG_IS_DOCUMENT (document));
  g_return_if_fail (MG_IS_ANNOTATION (annotation));
  g_return_if_fail (label != NULL && attributes != NULL && relations != NULL);

  *attributes = g_ptr_array_new_with_free_func (g_free);
  *relations = g_ptr_array_new_with_free_func (g_object_unref);
  store = mg_document_get_store (document);

  values = mg_annotation_get_attributes (annotation);
  if (values != NULL &&
      (mg_scheme_label_has_attributes (self, label) ||
       mg_scheme_label_has_attributes (self, mg_annotation_get_label (annotation))))
    {
      g_autoptr(GPtrArray) ids = sorted_members (values);

      for (guint i = 0; i < ids->len; i++)
        {
          const char *id = g_ptr_array_index (ids, i);
          const MgField *field = mg_scheme_lookup_attribute (self, label, id);

          if (field == NULL || !mg_field_accepts (field, json_object_get_member (values, id)))
            g_ptr_array_add (*attributes, g_strdup (id));
        }
    }

  if (!mg_scheme_has_relation_types (self))
    return;
  linked = mg_annotation_store_relations_of (store, annotation);
  for (guint i = 0; i < linked->len; i++)
    {
      MgRelation *relation = g_ptr_array_index (linked, i);
      const MgRelationType *type = mg_scheme_lookup_relation_type (self, mg_relation_get_kind (relation));
      MgAnnotation *from = mg_annotation_store_lookup (store, mg_relation_get_from (relation));
      MgAnnotation *to = mg_annotation_store_lookup (store, mg_relation_get_to (relation));
      const char *from_label, *to_label;

      /* An unknown type is validate's to name, relabelled or not. */
      if (type == NULL || from == NULL || to == NULL)
        continue;
      from_label = from == annotation ? label : mg_annotation_get_label (from);
      to_label = to == annotation ? label : mg_annotation_get_label (to);
      if (!mg_relation_type_allows (type, from_label, to_label))
        g_ptr_array_add (*relations, g_object_ref (relation));
    }
}

/**
 * mg_scheme_check_dataset:
 * @name: the file name that begins each problem
 * @problems: (element-type utf8): receives one line per value the scheme
 *   refuses, naming the document and the annotation or relation
 *
 * Checks the attributes of spans whose label declares its attributes, the
 * document codes, and, when the dataset declares its relation types, each
 * relation's type and the labels it links.
 */
void
mg_scheme_check_dataset (MgScheme   *self,
                         MgDataset  *dataset,
                         const char *name,
                         GPtrArray  *problems)
{
  g_return_if_fail (MG_IS_SCHEME (self));
  g_return_if_fail (MG_IS_DATASET (dataset));
  g_return_if_fail (problems != NULL);

  for (guint d = 0; d < mg_dataset_get_n_documents (dataset); d++)
    {
      MgDocument *document = mg_dataset_get_document (dataset, d);
      MgAnnotationStore *store = mg_document_get_store (document);

      for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
        g_ptr_array_unref (check_attributes (self, document,
                                             mg_annotation_store_get_annotation (store, i),
                                             name, problems));
      g_ptr_array_unref (check_relations (self, document, name, problems));
      g_ptr_array_unref (check_codes (self, document, name, problems));
    }
}

/* Applying ---------------------------------------------------------------- */

static void
drop_attributes (MgAnnotation *annotation,
                 GPtrArray    *ids)
{
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(JsonObject) extra = mg_extra_with_value (mg_annotation_get_extra (annotation),
                                                         "attributes",
                                                         g_ptr_array_index (ids, i), NULL);
      mg_annotation_set_extra (annotation, extra);
    }
}

static void
drop_codes (MgDocument *document,
            GPtrArray  *ids)
{
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(JsonObject) extra = mg_extra_with_value (mg_document_get_extra (document),
                                                         "codes", g_ptr_array_index (ids, i), NULL);
      mg_document_set_extra (document, extra);
    }
}

static void
conform_document (MgScheme   *self,
                  MgDocument *document,
                  const char *name,
                  GPtrArray  *dropped)
{
  MgAnnotationStore *store = mg_document_get_store (document);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) codes = NULL;

  for (guint i = 0; i < mg_annotation_store_get_n_annotations (store); i++)
    {
      MgAnnotation *a = mg_annotation_store_get_annotation (store, i);
      g_autoptr(GPtrArray) bad = NULL;

      if (mg_label_set_lookup (mg_scheme_get_labels (self), mg_annotation_get_label (a)) == NULL)
        {
          g_autofree char *where = annotation_name (a);

          mg_problem_add (dropped, name, document, where, _("label “%s” is not in the scheme: [%u, %u) “%s”"),
                          mg_annotation_get_label (a), mg_annotation_get_start (a),
                          mg_annotation_get_end (a), mg_annotation_get_text (a));
          g_ptr_array_add (gone, g_object_ref (a));
          continue;
        }
      bad = check_attributes (self, document, a, name, dropped);
      drop_attributes (a, bad);
    }

  for (guint i = 0; i < gone->len; i++)
    {
      MgAnnotation *a = g_ptr_array_index (gone, i);
      g_autoptr(GPtrArray) linked = mg_annotation_store_relations_of (store, a);

      for (guint j = 0; j < linked->len; j++)
        {
          g_autofree char *where = relation_name (g_ptr_array_index (linked, j));

          mg_problem_add (dropped, name, document, where, _("links annotation “%s”, which goes"),
                          mg_annotation_get_id (a));
        }
      mg_annotation_store_remove (store, a);
    }

  relations = check_relations (self, document, name, dropped);
  for (guint i = 0; i < relations->len; i++)
    mg_annotation_store_remove_relation (store, g_ptr_array_index (relations, i));

  codes = check_codes (self, document, name, dropped);
  drop_codes (document, codes);
}

/**
 * mg_scheme_to_json:
 *
 * Returns: (transfer full): the scheme as a scheme file holds it
 */
JsonNode *
mg_scheme_to_json (MgScheme *self)
{
  g_autoptr(JsonObject) root = json_object_new ();
  JsonArray *labels = json_array_new ();
  MgLabelSet *set;

  g_return_val_if_fail (MG_IS_SCHEME (self), NULL);

  set = mg_scheme_get_labels (self);
  json_object_set_string_member (root, "format", MG_SCHEME_FORMAT);
  json_object_set_int_member (root, "version", MG_SCHEME_VERSION);
  for (guint i = 0; i < mg_label_set_get_n_labels (set); i++)
    {
      MgLabel *label = mg_label_set_get_label (set, i);
      JsonObject *object = json_object_new ();
      JsonObject *extra = mg_label_get_extra (label);

      json_object_set_string_member (object, "id", mg_label_get_id (label));
      json_object_set_string_member (object, "name", mg_label_get_name (label));
      json_object_set_string_member (object, "color", mg_label_get_color (label));
      json_object_set_string_member (object, "key", mg_label_get_key (label));
      if (extra != NULL)
        {
          JsonObjectIter iter;
          const char *member;
          JsonNode *node;

          json_object_iter_init (&iter, extra);
          while (json_object_iter_next (&iter, &member, &node))
            json_object_set_member (object, member, json_node_copy (node));
        }
      json_array_add_object_element (labels, object);
    }
  json_object_set_array_member (root, "labels", labels);
  if (_mg_scheme_get_relation_types_node (self) != NULL)
    json_object_set_member (root, "relation_types", json_node_copy (_mg_scheme_get_relation_types_node (self)));
  if (_mg_scheme_get_document_codes_node (self) != NULL)
    json_object_set_member (root, "document_codes", json_node_copy (_mg_scheme_get_document_codes_node (self)));

  return json_node_init_object (json_node_alloc (), root);
}

/**
 * mg_scheme_apply:
 * @dataset: the dataset to move onto the scheme; its documents move to
 *   the new dataset, and it is left without any
 * @name: the file name that begins each line of @dropped
 * @dropped: (element-type utf8): receives one line for each span (with its
 *   relations), attribute value, relation and document code the scheme
 *   cannot hold, which the new dataset goes without
 *
 * Makes a dataset of @dataset's documents, annotator and unknown members
 * under the scheme's labels, relation types and document codes. A caller
 * that must lose nothing refuses the result when @dropped is not empty.
 *
 * Returns: (transfer full): the new dataset
 */
MgDataset *
mg_scheme_apply (MgScheme   *self,
                 MgDataset  *dataset,
                 const char *name,
                 GPtrArray  *dropped)
{
  g_autoptr(JsonObject) extra = NULL;
  MgDataset *out;

  g_return_val_if_fail (MG_IS_SCHEME (self), NULL);
  g_return_val_if_fail (MG_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (dropped != NULL, NULL);

  out = mg_dataset_new_with_labels (mg_scheme_get_labels (self));
  mg_dataset_set_annotator (out, mg_dataset_get_annotator (dataset));

  extra = json_object_new ();
  if (mg_dataset_get_extra (dataset) != NULL)
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *node;

      json_object_iter_init (&iter, mg_dataset_get_extra (dataset));
      while (json_object_iter_next (&iter, &member, &node))
        if (!g_str_equal (member, "relation_types") && !g_str_equal (member, "document_codes"))
          json_object_set_member (extra, member, json_node_copy (node));
    }
  if (_mg_scheme_get_relation_types_node (self) != NULL)
    json_object_set_member (extra, "relation_types", json_node_copy (_mg_scheme_get_relation_types_node (self)));
  if (_mg_scheme_get_document_codes_node (self) != NULL)
    json_object_set_member (extra, "document_codes", json_node_copy (_mg_scheme_get_document_codes_node (self)));
  mg_dataset_set_extra (out, json_object_get_size (extra) > 0 ? extra : NULL);

  while (mg_dataset_get_n_documents (dataset) > 0)
    {
      g_autoptr(MgDocument) document = g_object_ref (mg_dataset_get_document (dataset, 0));

      mg_dataset_remove_document (dataset, document);
      conform_document (self, document, name, dropped);
      mg_dataset_add_document (out, document);
    }

  return out;
}
