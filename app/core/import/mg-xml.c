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

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "mg-charset.h"
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

/* The encoding the XML declaration at @p names, or NULL; its value lies
 * between @value_start and @value_end. */
static char *
declared_encoding (const char  *p,
                   const char  *end,
                   const char **value_start,
                   const char **value_end)
{
  const char *close, *enc;
  char quote;

  if (end - p < 5 || strncmp (p, "<?xml", 5) != 0)
    return NULL;
  if ((close = g_strstr_len (p, end - p, "?>")) == NULL)
    return NULL;
  if ((enc = g_strstr_len (p, close - p, "encoding")) == NULL)
    return NULL;
  enc += strlen ("encoding");
  while (enc < close && (g_ascii_isspace (*enc) || *enc == '='))
    enc++;
  if (enc >= close || (*enc != '"' && *enc != '\''))
    return NULL;
  quote = *enc++;
  *value_start = enc;
  while (enc < close && *enc != quote)
    enc++;
  *value_end = enc;
  return g_strndup (*value_start, enc - *value_start);
}

/* Labels that browsers and feed readers read as Windows-1252, as the
 * WHATWG Encoding Standard says: its bytes 0x80-0x9F are punctuation
 * (curly quotes, dashes, the euro), never the C1 controls. */
static gboolean
is_latin1_label (const char *label)
{
  static const char * const labels[] = {
    "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii", "ascii",
    "iso-ir-100", "cp819", "ibm819", "csisolatin1", NULL,
  };

  for (guint i = 0; labels[i] != NULL; i++)
    if (g_ascii_strcasecmp (label, labels[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_high_bytes (const char *p,
                const char *end)
{
  for (; p < end; p++)
    if ((guchar)*p >= 0x80)
      return TRUE;
  return FALSE;
}

/* @p..@end as UTF-8 from Windows-1252, with the declaration's encoding
 * (between @value_start and @value_end, when there is one) made UTF-8. */
static GString *
recode_1252 (const char *p,
             const char *end,
             const char *value_start,
             const char *value_end)
{
  GString *out = g_string_sized_new ((end - p) * 2);
  g_autofree char *utf8 = NULL;
  gsize len;

  if (value_start != NULL)
    {
      g_string_append_len (out, p, value_start - p);
      g_string_append (out, "UTF-8");
      p = value_end;
    }
  utf8 = mg_charset_to_utf8 (p, end - p, "WINDOWS-1252", &len);
  g_string_append_len (out, utf8, len);
  return out;
}

/* The names an internal DTD subset declares with <!ENTITY. */
static GHashTable *
declared_entities (const char *p,
                   const char *end)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  while ((p = g_strstr_len (p, end - p, "<!ENTITY")) != NULL)
    {
      const char *name;

      p += strlen ("<!ENTITY");
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p < end && *p == '%')
        continue;
      for (name = p; p < end && !g_ascii_isspace (*p); p++)
        ;
      g_hash_table_add (names, g_strndup (name, p - name));
    }
  return names;
}

static gboolean
is_predefined (const char *name)
{
  return strcmp (name, "lt") == 0 || strcmp (name, "gt") == 0 || strcmp (name, "amp") == 0
         || strcmp (name, "apos") == 0 || strcmp (name, "quot") == 0;
}

/* Where a section that holds no references ends, when @p opens one. */
static const char *
skip_literal_section (const char *p,
                      const char *end)
{
  static const struct { const char *open, *close; } sections[] = {
    { "<![CDATA[", "]]>" }, { "<!--", "-->" }, { "<?", "?>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      gsize n = strlen (sections[i].open);
      const char *close;

      if ((gsize)(end - p) < n || strncmp (p, sections[i].open, n) != 0)
        continue;
      close = g_strstr_len (p + n, end - p - n, sections[i].close);
      return close != NULL ? close + strlen (sections[i].close) : end;
    }
  return NULL;
}

/**
 * _mg_html_entity_value:
 * @name: an entity's name, without "&" and ";"
 *
 * Returns: the character HTML names @name, or 0 for no HTML entity
 */
gunichar
_mg_html_entity_value (const char *name)
{
  const htmlEntityDesc *entity = htmlEntityLookup ((const xmlChar *) name);

  return entity != NULL ? entity->value : 0;
}

/* The HTML entity named at @p ("&name;"), when the file does not declare
 * it itself; @p moves past it. Returns its character, or 0. */
static gunichar
undeclared_html_entity (const char  **p,
                        const char   *end,
                        GHashTable   *declared,
                        char        **first)
{
  const char *q = *p + 1;
  gunichar entity;
  char name[40];

  while (q < end && q - *p < 32 && g_ascii_isalnum (*q))
    q++;
  if (q == *p + 1 || q >= end || *q != ';' || !g_ascii_isalpha ((*p)[1]))
    return 0;
  memcpy (name, *p + 1, q - *p - 1);
  name[q - *p - 1] = '\0';
  if (is_predefined (name) || g_hash_table_contains (declared, name)
      || (entity = _mg_html_entity_value (name)) == 0)
    return 0;
  if (*first == NULL)
    *first = g_strdup (name);
  *p = q + 1;
  return entity;
}

/* HTML's named entities, which XML knows only when declared, as numeric
 * references; never by loading a DTD or substituting entities. Nothing
 * is allocated a character: inputs run to hundreds of megabytes. */
static GString *
replace_html_entities (GString  *in,
                       char    **first)
{
  g_autoptr(GHashTable) declared = declared_entities (in->str, in->str + in->len);
  GString *out = g_string_sized_new (in->len);
  const char *p = in->str, *end = in->str + in->len;

  while (p < end)
    {
      const char *run = p;
      const char *skip;
      gunichar entity;

      /* Plain text up to the next markup or reference, in one piece. */
      while (p < end && *p != '<' && *p != '&')
        p++;
      g_string_append_len (out, run, p - run);
      if (p >= end)
        break;
      if (*p == '<' && (skip = skip_literal_section (p, end)) != NULL)
        {
          g_string_append_len (out, p, skip - p);
          p = skip;
        }
      else if (*p == '&' && (entity = undeclared_html_entity (&p, end, declared, first)) != 0)
        g_string_append_printf (out, "&#%u;", entity);
      else
        g_string_append_c (out, *p++);
    }
  return out;
}

/**
 * _mg_xml_repair:
 * @data: the bytes of an XML file
 * @out_len: (out): the length of the result
 * @faults: (out): the faults repaired
 * @first_entity: (out) (transfer full): the first HTML entity replaced
 *
 * Repairs what browsers and feed readers forgive: white space before the
 * XML declaration; an ISO-8859-1 label, read as Windows-1252; bytes that
 * are not UTF-8 with no encoding declared, read as Windows-1252; HTML's
 * named entities (&aacute; &hellip; &euro;) that the file never declares.
 * Files in UTF-16 are left as they are.
 *
 * Returns: (transfer full): the repaired bytes
 */
char *
_mg_xml_repair (const char   *data,
                gsize         n_bytes,
                gsize        *out_len,
                MgXmlFaults  *faults,
                char        **first_entity)
{
  const char *p = data, *end = data + n_bytes, *value_start = NULL, *value_end = NULL;
  g_autofree char *encoding = NULL;
  g_autoptr(GString) utf8 = NULL;
  GString *out;

  *faults = 0;
  *first_entity = NULL;
  if (n_bytes >= 2 && ((guchar)data[0] == 0xFE || (guchar)data[0] == 0xFF || data[0] == '\0' || data[1] == '\0'))
    {
      *out_len = n_bytes;
      return g_memdup2 (data, n_bytes);
    }
  if (n_bytes >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  {
    const char *q = p;

    while (q < end && g_ascii_isspace (*q))
      q++;
    if (q > p && end - q >= 5 && strncmp (q, "<?xml", 5) == 0)
      {
        *faults |= MG_XML_FAULT_SPACE_BEFORE_DECLARATION;
        p = q;
      }
  }

  encoding = declared_encoding (p, end, &value_start, &value_end);
  if (encoding != NULL && is_latin1_label (encoding) && has_high_bytes (p, end))
    utf8 = recode_1252 (p, end, value_start, value_end);
  else if (encoding == NULL && !g_utf8_validate (p, end - p, NULL))
    {
      *faults |= MG_XML_FAULT_UNDECLARED_ENCODING;
      utf8 = recode_1252 (p, end, NULL, NULL);
    }
  else
    utf8 = g_string_new_len (p, end - p);

  out = replace_html_entities (utf8, first_entity);
  if (*first_entity != NULL)
    *faults |= MG_XML_FAULT_HTML_ENTITIES;
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

/**
 * _mg_xml_read:
 * @options: libxml2's parser options
 * @faults: (inout): gains %MG_XML_FAULT_TRAILING_CONTENT when content
 *   after the root element was left out
 *
 * Parses as xmlReadMemory() does, but keeps the tree when the only fault
 * is content after the end of the root element, which a feed reader
 * ignores.
 *
 * Returns: (transfer full) (nullable): the tree, or %NULL when the file is
 *   not well-formed
 */
xmlDocPtr
_mg_xml_read (const char  *data,
              gsize        n_bytes,
              int          options,
              MgXmlFaults *faults)
{
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;

  if (n_bytes > G_MAXINT || (ctxt = xmlCreateMemoryParserCtxt (data, (int)n_bytes)) == NULL)
    return NULL;
  xmlCtxtUseOptions (ctxt, options);
  xmlParseDocument (ctxt);
  doc = g_steal_pointer (&ctxt->myDoc);
  if (!ctxt->wellFormed)
    {
      if (ctxt->errNo == XML_ERR_DOCUMENT_END && doc != NULL && xmlDocGetRootElement (doc) != NULL)
        *faults |= MG_XML_FAULT_TRAILING_CONTENT;
      else
        g_clear_pointer (&doc, xmlFreeDoc);
    }
  xmlFreeParserCtxt (ctxt);
  return doc;
}

/**
 * _mg_xml_warn_faults:
 *
 * Adds one warning for each fault of @faults, naming the file.
 */
void
_mg_xml_warn_faults (GPtrArray   *warnings,
                     const char  *name,
                     MgXmlFaults  faults,
                     const char  *first_entity)
{
  if (warnings == NULL)
    return;
  if (faults & MG_XML_FAULT_SPACE_BEFORE_DECLARATION)
    g_ptr_array_add (warnings, g_strdup_printf (_("%s: white space before the XML declaration, ignored"), name));
  if (faults & MG_XML_FAULT_UNDECLARED_ENCODING)
    g_ptr_array_add (warnings, g_strdup_printf (_("%s: not UTF-8 and no encoding declared; read as Windows-1252"), name));
  if (faults & MG_XML_FAULT_HTML_ENTITIES)
    g_ptr_array_add (warnings, g_strdup_printf (_("%s: HTML entities the XML does not declare (&%s; and others) read as their characters"),
                                                name, first_entity));
  if (faults & MG_XML_FAULT_TRAILING_CONTENT)
    g_ptr_array_add (warnings, g_strdup_printf (_("%s: content after the end of the root element, ignored"), name));
}
