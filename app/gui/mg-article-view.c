/* mg-article-view.c: the article text with its annotations highlighted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-article-view"

#include "config.h"

#include <glib/gi18n.h>

#include "mg-article-view.h"

struct _MgArticleView
{
  GtkTextView  parent_instance;

  /* Owned */
  MgDocument  *document;
  MgLabelSet  *labels;
};

G_DEFINE_FINAL_TYPE (MgArticleView, mg_article_view, GTK_TYPE_TEXT_VIEW)

static void
mg_article_view_dispose (GObject *object)
{
  MgArticleView *self = MG_ARTICLE_VIEW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->labels);

  G_OBJECT_CLASS (mg_article_view_parent_class)->dispose (object);
}

static void
mg_article_view_class_init (MgArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mg_article_view_dispose;

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "textview");
}

static void
mg_article_view_init (MgArticleView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, TRUE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self), "article");
}

GtkWidget *
mg_article_view_new (void)
{
  return g_object_new (MG_TYPE_ARTICLE_VIEW, NULL);
}

void
mg_article_view_set_document (MgArticleView *self,
                              MgDocument    *document,
                              MgLabelSet    *labels)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;

  g_return_if_fail (MG_IS_ARTICLE_VIEW (self));

  g_set_object (&self->document, document);
  g_set_object (&self->labels, labels);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_set_text (buffer,
                            document ? mg_document_get_text (document) : "",
                            document ? (int) mg_document_get_text_bytes (document) : 0);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
}

MgDocument *
mg_article_view_get_document (MgArticleView *self)
{
  g_return_val_if_fail (MG_IS_ARTICLE_VIEW (self), NULL);

  return self->document;
}
