/* mg-merge3-values.c: the three-way merge of a span's attributes and a
 * document's codes
 *
 * Each attribute (each code) is merged on its own, by the rule spans
 * follow: what one side changed is taken; the same change on both sides
 * is one; a different change on both is a conflict, with our value kept
 * and theirs written in the conflict's entry, never a silent pick.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-merge3"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-merge3-private.h"
#include "mg-scheme.h"

/**
 * _mg_merge3_values:
 * @base: (nullable): the ancestor's values, %NULL for a span or document
 *   both sides added
 * @clashes: receives the ids both sides changed differently (new strings)
 *
 * Returns: (transfer full) (nullable): the merged values, ours on a clash;
 *   %NULL when none is left
 */
JsonObject *
_mg_merge3_values (JsonObject *base,
                   JsonObject *ours,
                   JsonObject *theirs,
                   GPtrArray  *clashes)
{
  g_autoptr(GPtrArray) names = _mg_merge3_member_names (base, ours, theirs);
  g_autoptr(JsonObject) result = json_object_new ();

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      gboolean clash;
      JsonNode *take = _mg_merge3_pick (_mg_json_member (base, name), _mg_json_member (ours, name),
                                        _mg_json_member (theirs, name), &clash);

      if (clash)
        g_ptr_array_add (clashes, g_strdup (name));
      if (take != NULL)
        json_object_set_member (result, name, json_node_copy (take));
    }
  return json_object_get_size (result) > 0 ? g_steal_pointer (&result) : NULL;
}

/**
 * _mg_merge3_with_values:
 * @extra: (nullable): unknown members of a span or a document
 * @name: "attributes" or "codes"
 * @values: (nullable): what @name is to hold
 *
 * Returns: (transfer full) (nullable): a copy of @extra with @name set to
 *   @values, or without it for %NULL; %NULL when nothing is left
 */
JsonObject *
_mg_merge3_with_values (JsonObject *extra,
                        const char *name,
                        JsonObject *values)
{
  g_autoptr(JsonObject) copy = json_object_new ();
  g_autoptr(GList) members = extra != NULL ? json_object_get_members (extra) : NULL;

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, name))
      json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (extra, l->data)));
  if (values != NULL)
    json_object_set_object_member (copy, name, json_object_ref (values));
  return json_object_get_size (copy) > 0 ? g_steal_pointer (&copy) : NULL;
}

static char *
shown (JsonNode *value)
{
  g_autofree char *text = mg_value_to_string (value);

  return text != NULL ? g_strdup_printf ("“%s”", text) : g_strdup (_("none"));
}

/**
 * _mg_merge3_value_conflict:
 * @kind: %MG_CONFLICT_ATTRIBUTE_BOTH or %MG_CONFLICT_CODE_BOTH
 * @base_id: (nullable): the span's id in the ancestor
 * @span: (nullable): the kept span, for an attribute
 * @id: the attribute or code
 * @ours: (nullable): our value, kept
 * @theirs: (nullable): theirs, written in the entry
 *
 * Marks one clash of values in @result and says it in @log.
 */
void
_mg_merge3_value_conflict (MgDocument   *result,
                           MgMerge3Log  *log,
                           const char   *kind,
                           const char   *base_id,
                           MgAnnotation *span,
                           const char   *id,
                           JsonNode     *ours,
                           JsonNode     *theirs)
{
  g_autoptr(JsonObject) c = json_object_new ();
  g_autofree char *o = shown (ours);
  g_autofree char *t = shown (theirs);
  const char *span_id = span != NULL ? mg_annotation_get_id (span) : NULL;
  gboolean attribute = g_str_equal (kind, MG_CONFLICT_ATTRIBUTE_BOTH);

  json_object_set_string_member (c, "kind", kind);
  if (base_id != NULL)
    json_object_set_string_member (c, "base", base_id);
  else
    json_object_set_null_member (c, "base");
  if (span_id != NULL)
    {
      json_object_set_string_member (c, "ours", span_id);
      json_object_set_string_member (c, "theirs", span_id);
    }
  else
    {
      json_object_set_null_member (c, "ours");
      json_object_set_null_member (c, "theirs");
    }
  json_object_set_string_member (c, attribute ? "attribute" : "code", id);
  json_object_set_member (c, "theirs_value",
                          theirs ? json_node_copy (theirs) : json_node_new (JSON_NODE_NULL));
  _mg_merge3_add_conflict (result, c);

  if (attribute)
    /* TRANSLATORS: "DOCUMENT: a3 attribute “kind” changed on both sides: ours “direct”, theirs “partial”" */
    g_ptr_array_add (log->conflicts,
                     g_strdup_printf (_("%s: %s attribute “%s” changed on both sides: ours %s, theirs %s"),
                                      mg_document_get_id (result), span_id, id, o, t));
  else
    /* TRANSLATORS: "DOCUMENT: code “stance” changed on both sides: ours “pro”, theirs “against”" */
    g_ptr_array_add (log->conflicts,
                     g_strdup_printf (_("%s: code “%s” changed on both sides: ours %s, theirs %s"),
                                      mg_document_get_id (result), id, o, t));
}
