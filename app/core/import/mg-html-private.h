/* mg-html-private.h: walking and reshaping libxml2's HTML trees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the article extractor (mg-html-extract.c), the rendering of
 * a tree to text (mg-html-render.c) and the tree helpers themselves
 * (mg-html-tree.c). libxml2's HTML parser gives lower-case element names,
 * so tags compare with strcmp(). The predicates every walk asks for are
 * inline here; the rest live in mg-html-tree.c.
 */

#pragma once

#include <string.h>

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

static inline gboolean
_mg_html_is_element (xmlNodePtr node)
{
  return node != NULL && node->type == XML_ELEMENT_NODE;
}

static inline gboolean
_mg_html_is_tag (xmlNodePtr  node,
                 const char *name)
{
  return _mg_html_is_element (node) && strcmp ((const char *) node->name, name) == 0;
}

static inline gboolean
_mg_html_tag_in (xmlNodePtr         node,
                 const char * const *names)
{
  if (!_mg_html_is_element (node))
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp ((const char *) node->name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The next node of any type inside @root, in document order. */
static inline xmlNodePtr
_mg_html_walk_next (xmlNodePtr node,
                    xmlNodePtr root,
                    gboolean   skip_kids)
{
  if (!skip_kids && node->children != NULL && node->type != XML_ENTITY_REF_NODE)
    return node->children;
  while (node != NULL && node != root)
    {
      if (node->next != NULL)
        return node->next;
      node = node->parent;
    }
  return NULL;
}

static inline gboolean
_mg_html_is_text (xmlNodePtr node)
{
  return node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE;
}

const char *_mg_html_attr               (xmlNodePtr          node,
                                         const char         *name);
char       *_mg_html_match_string       (xmlNodePtr          node);

xmlNodePtr  _mg_html_first_element      (xmlNodePtr          node);
xmlNodePtr  _mg_html_next_element       (xmlNodePtr          node);
guint       _mg_html_n_element_children (xmlNodePtr          node);
xmlNodePtr  _mg_html_next_node          (xmlNodePtr          node,
                                         gboolean            skip_kids);
GPtrArray  *_mg_html_elements_by_tag    (xmlNodePtr          root,
                                         const char * const *names);
guint       _mg_html_count_tag          (xmlNodePtr          root,
                                         const char         *name);
gboolean    _mg_html_has_ancestor_tag   (xmlNodePtr          node,
                                         const char         *name,
                                         int                 max_depth);

char       *_mg_html_inner_text         (xmlNodePtr          root);
glong       _mg_html_inner_length       (xmlNodePtr          root);
gboolean    _mg_html_has_inner_text     (xmlNodePtr          root);
double      _mg_html_link_density       (xmlNodePtr          node);
gboolean    _mg_html_is_whitespace_text (xmlNodePtr          node);
gboolean    _mg_html_is_whitespace      (xmlNodePtr          node);

void        _mg_html_append_child       (xmlNodePtr          parent,
                                         xmlNodePtr          child);
void        _mg_html_replace_node       (xmlNodePtr          old,
                                         xmlNodePtr          node);
void        _mg_html_set_tag            (xmlNodePtr          node,
                                         const char         *name);

/* The boilerplate rules of mg-html-clean.c; removed nodes go to
 * @graveyard, freed by the caller. */
gboolean    _mg_html_clean_page         (xmlNodePtr          root,
                                         gboolean            strict,
                                         GPtrArray          *graveyard);
xmlNodePtr  _mg_html_find_lead          (xmlNodePtr          top);
gboolean    _mg_html_holds_lead         (xmlNodePtr          node);
void        _mg_html_clean_article      (xmlNodePtr          article,
                                         GPtrArray          *graveyard);

G_END_DECLS
