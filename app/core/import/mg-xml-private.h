/* mg-xml-private.h: parsing with libxml2 quietly and reading its trees safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

G_BEGIN_DECLS

/* Catches what libxml2 reports while it parses, instead of letting it
 * print to standard error, and keeps the first error for the message.
 * Between begin and end the calling thread's libxml2 error handlers are
 * ours; end puts back libxml2's defaults (the app installs no others). */
typedef struct
{
  char *first;       /* message of the first error, trimmed */
  int   first_line;
} MgXmlErrors;

void  _mg_xml_errors_begin (MgXmlErrors *errors);
void  _mg_xml_errors_end   (MgXmlErrors *errors);
void  _mg_xml_errors_clear (MgXmlErrors *errors);

void  _mg_xml_make_valid   (xmlNodePtr   root);

G_END_DECLS
