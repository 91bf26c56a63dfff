/* mg-html-extract.h: finding the article in an HTML page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/HTMLparser.h>

G_BEGIN_DECLS

htmlDocPtr  mg_html_parse         (const char  *utf8,
                                   gsize        n_bytes);
htmlDocPtr  mg_html_parse_full    (const char  *utf8,
                                   gsize        n_bytes,
                                   gboolean    *cut);
char       *mg_html_node_text     (xmlNodePtr   node);
char       *mg_html_visible_text  (htmlDocPtr   doc);
char       *mg_html_extract       (const char  *utf8,
                                   gsize        n_bytes,
                                   const char  *title,
                                   char       **byline);
char       *mg_html_extract_doc   (htmlDocPtr   doc,
                                   const char  *title,
                                   char       **byline);

G_END_DECLS
