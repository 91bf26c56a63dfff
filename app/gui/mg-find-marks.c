/* mg-find-marks.c: the matches of find, highlighted in the article
 *
 * One tag covers every match and a second, of higher priority, the current
 * one. Both are made in the buffer after the label tags, so a match shows
 * over a span's tint while find is open; the span's other cue (italic,
 * underline) and the bars beneath shared words stay, and closing find
 * takes the highlights away. Like the label tags, a new set of matches is
 * applied as a difference from the set shown: typing one more letter
 * touches the matches that changed, not every one, since each tag change
 * costs the layout of its line. The tags never change what the spans are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-find-marks"

#include "config.h"

#include "mg-find-marks.h"

#define MATCH_TAG   "mg-find-match"
#define CURRENT_TAG "mg-find-current"

struct _MgFindMarks
{
  GtkTextBuffer *buffer;   /* where the matches below are shown (weak) */
  GArray        *shown;    /* of MgTextMatch, in order */
  MgTextMatch    current;  /* empty when none */
};

MgFindMarks *
mg_find_marks_new (void)
{
  MgFindMarks *self = g_new0 (MgFindMarks, 1);

  self->shown = g_array_new (FALSE, FALSE, sizeof (MgTextMatch));
  return self;
}

void
mg_find_marks_free (MgFindMarks *self)
{
  if (self == NULL)
    return;

  g_clear_weak_pointer (&self->buffer);
  g_array_unref (self->shown);
  g_free (self);
}

static GtkTextTag *
ensure_tag (GtkTextBuffer *buffer,
            const char    *name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);

  if (tag != NULL)
    return tag;

  /* Yellow and orange read as "found" and are far from the Okabe–Ito
   * label colours; opaque, with black text, they read the same in the
   * dark style. */
  if (g_str_equal (name, MATCH_TAG))
    return gtk_text_buffer_create_tag (buffer, name,
                                       "background-rgba", &(GdkRGBA) { 0.99, 0.925, 0.54, 1.0 },
                                       "foreground-rgba", &(GdkRGBA) { 0.0, 0.0, 0.0, 1.0 },
                                       NULL);
  return gtk_text_buffer_create_tag (buffer, name,
                                     "background-rgba", &(GdkRGBA) { 1.0, 0.55, 0.0, 0.85 },
                                     "foreground-rgba", &(GdkRGBA) { 0.0, 0.0, 0.0, 1.0 },
                                     NULL);
}

static void
change (GtkTextBuffer     *buffer,
        GtkTextTag        *tag,
        const MgTextMatch *match,
        gboolean           apply)
{
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) match->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) match->end);

  /* A tag never covers a line's end, for the reason the article view's
   * label tags do not (see split_at_line_ends there): a phrase pasted with
   * a line break is highlighted line by line. */
  while (gtk_text_iter_get_line (&s) < gtk_text_iter_get_line (&e))
    {
      GtkTextIter line_end = s;

      if (!gtk_text_iter_ends_line (&line_end))
        gtk_text_iter_forward_to_line_end (&line_end);
      if (apply)
        gtk_text_buffer_apply_tag (buffer, tag, &s, &line_end);
      else
        gtk_text_buffer_remove_tag (buffer, tag, &s, &line_end);
      gtk_text_iter_forward_line (&s);
    }
  if (apply)
    gtk_text_buffer_apply_tag (buffer, tag, &s, &e);
  else
    gtk_text_buffer_remove_tag (buffer, tag, &s, &e);
}

static int
compare (const MgTextMatch *a,
         const MgTextMatch *b)
{
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  return 0;
}

/**
 * mg_find_marks_show:
 * @buffer: the article's buffer
 * @matches: (element-type MgTextMatch): in order, not overlapping
 * @current: the index of the current match in @matches, or -1
 *
 * Highlights @matches in @buffer, taking away the ones shown before that
 * are not among them. A buffer other than the last one is a new document,
 * whose text carries no highlights yet.
 */
void
mg_find_marks_show (MgFindMarks   *self,
                    GtkTextBuffer *buffer,
                    GArray        *matches,
                    int            current)
{
  GtkTextTag *match_tag, *current_tag;
  g_autoptr(GArray) next = NULL;
  guint h = 0, w = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));

  if (self->buffer != buffer)
    {
      g_set_weak_pointer (&self->buffer, buffer);
      g_array_set_size (self->shown, 0);
      self->current = (MgTextMatch) { 0, 0 };
    }

  match_tag = ensure_tag (buffer, MATCH_TAG);
  current_tag = ensure_tag (buffer, CURRENT_TAG);
  next = matches ? g_array_copy (matches) : g_array_new (FALSE, FALSE, sizeof (MgTextMatch));

  /* A merge of the two sorted lists: equal ranges stay as they are. */
  while (h < self->shown->len || w < next->len)
    {
      const MgTextMatch *have = h < self->shown->len ? &g_array_index (self->shown, MgTextMatch, h) : NULL;
      const MgTextMatch *want = w < next->len ? &g_array_index (next, MgTextMatch, w) : NULL;
      int order = have == NULL ? 1 : want == NULL ? -1 : compare (have, want);

      if (order < 0)
        change (buffer, match_tag, &g_array_index (self->shown, MgTextMatch, h++), FALSE);
      else if (order > 0)
        w++;
      else
        {
          h++;
          w++;
        }
    }
  /* Applied after the removals, so a removal never cuts into a new match
   * that overlaps an old one ("por" then "port"). */
  h = 0;
  for (w = 0; w < next->len; w++)
    {
      const MgTextMatch *want = &g_array_index (next, MgTextMatch, w);

      while (h < self->shown->len && compare (&g_array_index (self->shown, MgTextMatch, h), want) < 0)
        h++;
      if (h >= self->shown->len || compare (&g_array_index (self->shown, MgTextMatch, h), want) != 0)
        change (buffer, match_tag, want, TRUE);
    }

  if (self->current.end > self->current.start)
    change (buffer, current_tag, &self->current, FALSE);
  self->current = current >= 0 && (guint) current < next->len
                  ? g_array_index (next, MgTextMatch, current)
                  : (MgTextMatch) { 0, 0 };
  if (self->current.end > self->current.start)
    change (buffer, current_tag, &self->current, TRUE);

  g_array_unref (self->shown);
  self->shown = g_steal_pointer (&next);
}

/**
 * mg_find_marks_clear:
 *
 * Takes every highlight away, as closing find does.
 */
void
mg_find_marks_clear (MgFindMarks *self)
{
  g_return_if_fail (self != NULL);

  /* The tags leave the buffer altogether, which takes them off the whole
   * text at once: removed range by range, GTK 4.8 could keep drawing a
   * line it had laid out with a highlight. The next search makes them
   * anew, again above the label tags. */
  if (self->buffer != NULL)
    {
      GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);

      for (guint i = 0; i < 2; i++)
        {
          GtkTextTag *tag = gtk_text_tag_table_lookup (table, i == 0 ? MATCH_TAG : CURRENT_TAG);

          if (tag != NULL)
            gtk_text_tag_table_remove (table, tag);
        }
    }
  g_array_set_size (self->shown, 0);
  self->current = (MgTextMatch) { 0, 0 };
}

/**
 * mg_find_marks_get_n_shown:
 *
 * Returns: how many matches are highlighted
 */
guint
mg_find_marks_get_n_shown (MgFindMarks *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->shown->len;
}
