/* mg-review-values.c: values of attributes and document codes in words
 *
 * A coder thinks of "the kind of this quote", not of an attribute id: a
 * row names the attribute or code as the scheme does and each side's
 * value, a boolean as yes or no and a missing value as none, since
 * leaving one out is a decision the other side may not share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-review-values"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-review-values.h"

static const char *
value_words (const MgField *field,
             const char    *value)
{
  if (value == NULL)
    /* Translators: an attribute or document code nobody gave a value */
    return C_("value", "none");
  if (field != NULL && field->type == MG_FIELD_BOOLEAN)
    return g_str_equal (value, "true") ? _("yes") : _("no");
  return value;
}

/**
 * mg_review_values_line:
 * @scheme: (nullable): the scheme of your dataset, for the names
 * @label: (nullable): the label of the span for an attribute, %NULL for a
 *   document code
 * @id: the attribute or code
 * @mine: (nullable): your value as a string (mg_value_to_string()), %NULL
 *   for none
 * @theirs: (nullable): theirs
 *
 * Returns: (transfer full): "Kind: direct (you) / indirect (Ayşe)"
 */
char *
mg_review_values_line (MgScheme   *scheme,
                       const char *label,
                       const char *id,
                       const char *mine,
                       const char *my_name,
                       const char *theirs,
                       const char *their_name)
{
  const MgField *field = NULL;

  g_return_val_if_fail (id != NULL, NULL);

  if (scheme != NULL)
    field = label ? mg_scheme_lookup_attribute (scheme, label, id)
                  : mg_scheme_lookup_document_code (scheme, id);
  /* Translators: an attribute or code, then each side's value and who
   * gave it: "Kind: direct (you) / indirect (Ayşe)" */
  return g_strdup_printf (_("%s: %s (%s) / %s (%s)"),
                          field && field->name ? field->name : id,
                          value_words (field, mine), my_name,
                          value_words (field, theirs), their_name);
}
