/* mg-text-hit.c: one match of a search over a dataset, with its context
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-text-hit"

#include "config.h"

#include "mg-text-search.h"
#include "mg-tokens.h"

/* Context stops at this many characters a side, whatever the words. */
#define CONTEXT_MAX_CHARS 80

struct _MgTextHit
{
  GObject     parent_instance;

  MgDocument *document;
  guint       start;
  guint       end;
};

G_DEFINE_FINAL_TYPE (MgTextHit, mg_text_hit, G_TYPE_OBJECT)

static void
mg_text_hit_finalize (GObject *object)
{
  MgTextHit *self = MG_TEXT_HIT (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (mg_text_hit_parent_class)->finalize (object);
}

static void
mg_text_hit_class_init (MgTextHitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mg_text_hit_finalize;
}

static void
mg_text_hit_init (MgTextHit *self)
{
}

MgTextHit *
mg_text_hit_new (MgDocument *document,
                 guint       start,
                 guint       end)
{
  MgTextHit *self;

  g_return_val_if_fail (MG_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (start <= end && end <= mg_document_get_length (document), NULL);

  self = g_object_new (MG_TYPE_TEXT_HIT, NULL);
  self->document = g_object_ref (document);
  self->start = start;
  self->end = end;

  return self;
}

MgDocument *
mg_text_hit_get_document (MgTextHit *self)
{
  g_return_val_if_fail (MG_IS_TEXT_HIT (self), NULL);

  return self->document;
}

guint
mg_text_hit_get_start (MgTextHit *self)
{
  g_return_val_if_fail (MG_IS_TEXT_HIT (self), 0);

  return self->start;
}

guint
mg_text_hit_get_end (MgTextHit *self)
{
  g_return_val_if_fail (MG_IS_TEXT_HIT (self), 0);

  return self->end;
}

/* Line breaks and tabs read as one space in a line of context. */
static char *
one_line (const char *from,
          const char *to)
{
  GString *s = g_string_sized_new (to - from);

  for (const char *p = from; p < to; p++)
    g_string_append_c (s, (*p == '\n' || *p == '\r' || *p == '\t') ? ' ' : *p);

  return g_string_free (s, FALSE);
}

/**
 * mg_text_hit_get_context:
 * @n_words: how many words to give on each side
 * @left: (out) (transfer full): the text before the match, within its paragraph
 * @match: (out) (transfer full): the match
 * @right: (out) (transfer full): the text after it
 *
 * The match in context, keyword-in-context style: up to @n_words words each
 * side, never past the paragraph (a line of the text) nor past
 * CONTEXT_MAX_CHARS characters, so one long word cannot fill a row.
 */
void
mg_text_hit_get_context (MgTextHit  *self,
                         guint       n_words,
                         char      **left,
                         char      **match,
                         char      **right)
{
  MgTextIndex *index;
  const char *text, *text_end, *s, *e, *l, *r;
  guint words = 0, chars = 0;
  gboolean in_word = FALSE;

  g_return_if_fail (MG_IS_TEXT_HIT (self));
  g_return_if_fail (left != NULL && match != NULL && right != NULL);

  index = mg_document_get_text_index (self->document);
  text = mg_text_index_get_text (index);
  text_end = text + mg_document_get_text_bytes (self->document);
  s = text + mg_text_index_byte_offset (index, self->start);
  e = text + mg_text_index_byte_offset (index, self->end);

  /* Back over words: a word is counted when its first character is passed. */
  l = s;
  while (l > text && chars < CONTEXT_MAX_CHARS)
    {
      const char *prev = g_utf8_prev_char (l);
      gunichar c = g_utf8_get_char (prev);

      if (c == '\n')
        break;
      if (mg_unichar_is_space (c))
        {
          if (in_word && ++words == n_words)
            break;
          in_word = FALSE;
        }
      else
        in_word = TRUE;
      l = prev;
      chars++;
    }

  r = e;
  words = 0;
  chars = 0;
  in_word = FALSE;
  while (r < text_end && chars < CONTEXT_MAX_CHARS)
    {
      gunichar c = g_utf8_get_char (r);

      if (c == '\n')
        break;
      if (mg_unichar_is_space (c))
        {
          if (in_word && ++words == n_words)
            break;
          in_word = FALSE;
        }
      else
        in_word = TRUE;
      r = g_utf8_next_char (r);
      chars++;
    }

  *left = one_line (l, s);
  *match = one_line (s, e);
  *right = one_line (e, r);
}
