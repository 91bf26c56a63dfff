/* mg-problem.c: one line per problem found in a dataset
 *
 * The checks against a scheme and the checks of the members that record
 * suggestions report in the same form, "FILE: document “ID”: WHERE: WHAT",
 * so that a person reads the problems of validate as one list. They write
 * the line here rather than each with its own copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-problem"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-problem.h"

/**
 * mg_problem_add:
 * @problems: (element-type utf8): where the line is added
 * @name: the file's name, which begins the line
 * @document: (nullable): the document at fault, named after the file
 * @where: (nullable): the part of it at fault, such as an annotation
 *
 * Adds one line naming the file, the document and the part at fault,
 * then the problem @format says.
 */
void
mg_problem_add (GPtrArray  *problems,
                const char *name,
                MgDocument *document,
                const char *where,
                const char *format,
                ...)
{
  g_autofree char *message = NULL;
  GString *line = g_string_new (name);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_string_append (line, ": ");
  if (document != NULL)
    g_string_append_printf (line, _("document “%s”: "), mg_document_get_id (document));
  if (where != NULL)
    g_string_append_printf (line, "%s: ", where);
  g_string_append (line, message);
  g_ptr_array_add (problems, g_string_free (line, FALSE));
}
