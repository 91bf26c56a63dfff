/* mg-article-view.h: the article text with its annotations highlighted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mg-core.h"

G_BEGIN_DECLS

#define MG_TYPE_ARTICLE_VIEW (mg_article_view_get_type ())

G_DECLARE_FINAL_TYPE (MgArticleView, mg_article_view, MG, ARTICLE_VIEW, GtkTextView)

GtkWidget    *mg_article_view_new           (void);
void          mg_article_view_set_document  (MgArticleView *self,
                                             MgDocument    *document,
                                             MgLabelSet    *labels);
MgDocument   *mg_article_view_get_document  (MgArticleView *self);

G_END_DECLS
