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

gunichar _mg_html_entity_value (const char *name);

/* What a browser or feed reader forgives and libxml2 does not; each is
 * repaired before parsing and named in a warning. */
typedef enum
{
  MG_XML_FAULT_SPACE_BEFORE_DECLARATION = 1 << 0,
  MG_XML_FAULT_UNDECLARED_ENCODING      = 1 << 1,
  MG_XML_FAULT_HTML_ENTITIES            = 1 << 2,
  MG_XML_FAULT_TRAILING_CONTENT         = 1 << 3,
} MgXmlFaults;

char      *_mg_xml_repair        (const char   *data,
                                  gsize         n_bytes,
                                  gsize        *out_len,
                                  MgXmlFaults  *faults,
                                  char        **first_entity);
xmlDocPtr  _mg_xml_read          (const char   *data,
                                  gsize         n_bytes,
                                  int           options,
                                  MgXmlFaults  *faults);
void       _mg_xml_warn_faults   (GPtrArray    *warnings,
                                  const char   *name,
                                  MgXmlFaults   faults,
                                  const char   *first_entity);

G_END_DECLS
