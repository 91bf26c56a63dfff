/* mg-xml.c: parsing with libxml2 quietly and reading its trees safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxml2 reports errors by printing them ("encoding error : input
 * conversion failed") unless told otherwise, even with XML_PARSE_NOERROR:
 * encoding and I/O errors do not go through the parser's options. And the
 * text it hands back is not always valid UTF-8: its HTML parser's
 * recovery can pass stray bytes through. Both are contained here, so the
 * importers print nothing and give GLib only valid UTF-8.
 */

#define G_LOG_DOMAIN "mg-xml"

#include "config.h"

#include <libxml/parser.h>

#include "mg-xml-private.h"

/* libxml2 2.12 made the error passed to handlers const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *MgXmlErrorPtr;
#else
typedef xmlErrorPtr MgXmlErrorPtr;
#endif

/* libxml2's messages may span lines ("Bytes: 0xFF ..." on the next) and
 * quote the input; the message ends up in one line of a GError. */
static char *
one_line (const char *message)
{
  g_autofree char *valid = g_utf8_make_valid (message, -1);
  g_auto(GStrv) lines = g_strsplit_set (valid, "\r\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, lines[i]);
    }
  return g_string_free (out, FALSE);
}

static void
on_structured_error (void          *data,
                     MgXmlErrorPtr  error)
{
  MgXmlErrors *errors = data;

  if (errors->first != NULL || error == NULL || error->level < XML_ERR_ERROR)
    return;
  errors->first = one_line (error->message != NULL ? error->message : "");
  errors->first_line = error->line;
}

static void
on_generic_error (void       *data,
                  const char *format,
                  ...)
{
}

/**
 * _mg_xml_errors_begin:
 * @errors: where to keep the first error, zero-filled
 *
 * Routes the libxml2 errors of the calling thread into @errors until
 * _mg_xml_errors_end().
 */
void
_mg_xml_errors_begin (MgXmlErrors *errors)
{
  g_assert (errors != NULL);

  xmlSetStructuredErrorFunc (errors, (xmlStructuredErrorFunc) on_structured_error);
  xmlSetGenericErrorFunc (NULL, on_generic_error);
}

/**
 * _mg_xml_errors_end:
 * @errors: as given to _mg_xml_errors_begin()
 *
 * Gives libxml2 back its default handlers; @errors keeps what it caught.
 */
void
_mg_xml_errors_end (MgXmlErrors *errors)
{
  g_assert (errors != NULL);

  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlSetGenericErrorFunc (NULL, NULL);
}

void
_mg_xml_errors_clear (MgXmlErrors *errors)
{
  g_clear_pointer (&errors->first, g_free);
  errors->first_line = 0;
}

static void
make_content_valid (xmlNodePtr node)
{
  const char *content = (const char *) node->content;
  g_autofree char *valid = NULL;

  if (content == NULL || g_utf8_validate (content, -1, NULL))
    return;
  valid = g_utf8_make_valid (content, -1);
  xmlNodeSetContent (node, (const xmlChar *) valid);
}

/**
 * _mg_xml_make_valid:
 * @root: a node of a parsed tree
 *
 * Makes the text of every node under @root, @root included, and of every
 * attribute value valid UTF-8, each invalid byte replaced by U+FFFD. The
 * code that reads the tree can then hand its text to GLib as it is.
 */
void
_mg_xml_make_valid (xmlNodePtr root)
{
  xmlNodePtr n = root;

  while (n != NULL)
    {
      if (n->type == XML_ELEMENT_NODE)
        {
          for (xmlAttrPtr a = n->properties; a != NULL; a = a->next)
            for (xmlNodePtr c = a->children; c != NULL; c = c->next)
              make_content_valid (c);
        }
      else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE ||
               n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE)
        make_content_valid (n);

      /* Document order without recursion: trees nest deeply. Entity
       * references share their children with the entity; not entered. */
      if (n->children != NULL && n->type != XML_ENTITY_REF_NODE &&
          (n->type == XML_ELEMENT_NODE || n == root))
        {
          n = n->children;
          continue;
        }
      while (n != NULL && n != root && n->next == NULL)
        n = n->parent;
      n = (n == NULL || n == root) ? NULL : n->next;
    }
}
