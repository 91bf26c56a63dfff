/* mg-article-view.h: the article text with its annotations highlighted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mg-core.h"
#include "mg-suggestion-marks.h"

G_BEGIN_DECLS

#define MG_TYPE_ARTICLE_VIEW (mg_article_view_get_type ())

G_DECLARE_FINAL_TYPE (MgArticleView, mg_article_view, MG, ARTICLE_VIEW, GtkTextView)

GtkWidget     *mg_article_view_new                  (void);
void           mg_article_view_set_document         (MgArticleView      *self,
                                                     MgDocument         *document,
                                                     MgLabelSet         *labels);
MgDocument    *mg_article_view_get_document         (MgArticleView      *self);
MgAnnotation  *mg_article_view_get_selected         (MgArticleView      *self);
void           mg_article_view_set_selected         (MgArticleView      *self,
                                                     MgAnnotation       *annotation);
gboolean       mg_article_view_get_tag_range        (MgArticleView      *self,
                                                     guint              *start,
                                                     guint              *end);
void           mg_article_view_select_range         (MgArticleView      *self,
                                                     guint               start,
                                                     guint               end);
void           mg_article_view_place_cursor         (MgArticleView      *self,
                                                     guint               offset);
guint          mg_article_view_get_cursor           (MgArticleView      *self);
void           mg_article_view_scroll_to_annotation (MgArticleView      *self,
                                                     MgAnnotation       *annotation);
void           mg_article_view_add_popover          (MgArticleView      *self,
                                                     GtkPopover         *popover);
void           mg_article_view_popup                (MgArticleView      *self,
                                                     GtkPopover         *popover,
                                                     const GdkRectangle *rect);
const GdkRGBA *mg_article_view_get_label_color      (MgArticleView      *self,
                                                     const char         *label_id);
GtkTextTag    *mg_article_view_get_label_tag        (MgArticleView      *self,
                                                     const char         *label_id);
void           mg_article_view_set_reference        (MgArticleView      *self,
                                                     MgAnnotationStore  *reference,
                                                     MgAnnotation       *selected);
void           mg_article_view_set_suggestion_marks (MgArticleView      *self,
                                                     MgSuggestionMarks  *marks);

char          *mg_article_view_describe             (MgAnnotation       *annotation,
                                                     MgLabelSet         *labels);

G_END_DECLS
