/* mg-article-view-private.h: what the article view's files share
 *
 * mg-article-view.c shows the text with its annotations; in review mode
 * mg-article-view-review.c draws a colleague's spans over it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mg-article-view.h"

G_BEGIN_DECLS

/* Provided by mg-article-view.c */
void _mg_article_view_lighten             (GdkRGBA           *color);
void _mg_article_view_get_visible_offsets (GtkTextView       *view,
                                           guint             *start,
                                           guint             *end);

/* Provided by mg-article-view-review.c */
void _mg_article_view_snapshot_reference  (MgArticleView     *self,
                                           GtkSnapshot       *snapshot,
                                           MgAnnotationStore *reference,
                                           MgAnnotation      *selected);

G_END_DECLS
