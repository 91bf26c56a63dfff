/* mg-suggestion-marks.c: suggestions drawn over the article, apart from spans
 *
 * A suggestion is not data: it is drawn as an outline in its label's
 * colour with no fill, so it never reads as a span, which is a tint. The
 * current one, which Enter would accept, has a thicker outline. The article
 * view calls mg_suggestion_marks_snapshot() in snapshot_layer, in buffer
 * coordinates, and only the suggestions on screen are walked: a document
 * can have thousands, and asking where a character is lays out its line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-article-view"

#include "config.h"

#include <adwaita.h>

#include "mg-article-view-private.h"
#include "mg-line-rects.h"
#include "mg-suggestion-marks.h"

struct _MgSuggestionMarks
{
  GObject        parent_instance;

  MgSuggestions *suggestions;
  GArray        *shown;       /* positions in suggestions, ascending */
  guint          max_length;  /* of a shown suggestion, to find the first on screen */
  int            current;     /* index in shown, or -1 */
  guint          n_walked;    /* suggestions looked at by the last snapshot */
};

G_DEFINE_FINAL_TYPE (MgSuggestionMarks, mg_suggestion_marks, G_TYPE_OBJECT)

static void
mg_suggestion_marks_finalize (GObject *object)
{
  MgSuggestionMarks *self = MG_SUGGESTION_MARKS (object);

  g_clear_object (&self->suggestions);
  g_clear_pointer (&self->shown, g_array_unref);
  G_OBJECT_CLASS (mg_suggestion_marks_parent_class)->finalize (object);
}

static void
mg_suggestion_marks_class_init (MgSuggestionMarksClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mg_suggestion_marks_finalize;
}

static void
mg_suggestion_marks_init (MgSuggestionMarks *self)
{
  self->current = -1;
}

/**
 * mg_suggestion_marks_new:
 * @shown: (element-type guint): the positions in @suggestions to draw,
 *   ascending, as mg_suggest_filter() gives them
 */
MgSuggestionMarks *
mg_suggestion_marks_new (MgSuggestions *suggestions,
                         GArray        *shown)
{
  MgSuggestionMarks *self = g_object_new (MG_TYPE_SUGGESTION_MARKS, NULL);

  self->suggestions = g_object_ref (suggestions);
  self->shown = g_array_ref (shown);
  for (guint i = 0; i < shown->len; i++)
    {
      const MgSuggestion *s = mg_suggestions_get_span (suggestions, g_array_index (shown, guint, i));

      self->max_length = MAX (self->max_length, s->end - s->start);
    }
  return self;
}

MgSuggestions *
mg_suggestion_marks_get_suggestions (MgSuggestionMarks *self)
{
  g_return_val_if_fail (MG_IS_SUGGESTION_MARKS (self), NULL);
  return self->suggestions;
}

guint
mg_suggestion_marks_get_n_shown (MgSuggestionMarks *self)
{
  g_return_val_if_fail (MG_IS_SUGGESTION_MARKS (self), 0);
  return self->shown->len;
}

/**
 * mg_suggestion_marks_get_shown:
 * @index: below mg_suggestion_marks_get_n_shown()
 *
 * Returns: the position in the suggestions of the @index-th one shown
 */
guint
mg_suggestion_marks_get_shown (MgSuggestionMarks *self,
                               guint              index)
{
  g_return_val_if_fail (MG_IS_SUGGESTION_MARKS (self), 0);
  g_return_val_if_fail (index < self->shown->len, 0);
  return g_array_index (self->shown, guint, index);
}

/**
 * mg_suggestion_marks_set_current:
 * @index: the index among those shown of the one to emphasise, or -1
 */
void
mg_suggestion_marks_set_current (MgSuggestionMarks *self,
                                 int                index)
{
  g_return_if_fail (MG_IS_SUGGESTION_MARKS (self));
  g_return_if_fail (index < (int) self->shown->len);
  self->current = index;
}

int
mg_suggestion_marks_get_current (MgSuggestionMarks *self)
{
  g_return_val_if_fail (MG_IS_SUGGESTION_MARKS (self), -1);
  return self->current;
}

/**
 * mg_suggestion_marks_get_n_walked:
 *
 * Returns: how many suggestions the last snapshot looked at, those on
 *   screen and a few beside; for tests of the drawing's cost
 */
guint
mg_suggestion_marks_get_n_walked (MgSuggestionMarks *self)
{
  g_return_val_if_fail (MG_IS_SUGGESTION_MARKS (self), 0);
  return self->n_walked;
}

static void
outline (GtkSnapshot   *snapshot,
         const GdkRGBA *color,
         int            x0,
         int            x1,
         int            y,
         int            height,
         float          width)
{
  GskRoundedRect box;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  /* Grown by the border's width, so a thick one keeps off the glyphs. */
  float out = width - 1;

  gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (x0 - 1 - out, y - out,
                                                              x1 - x0 + 2 + 2 * out, height + 2 * out), 3);
  gtk_snapshot_append_border (snapshot, &box, widths, colors);
}

typedef struct
{
  GtkSnapshot   *snapshot;
  const GdkRGBA *color;
  float          width;
} SuggestionDrawing;

static void
outline_piece (int      x0,
               int      x1,
               int      y,
               int      height,
               gboolean first,
               gboolean last,
               gpointer user_data)
{
  SuggestionDrawing *d = user_data;

  outline (d->snapshot, d->color, x0, x1, y, height, d->width);
}

/* One outline a display line of the part of [start, end) on screen. */
static void
draw_suggestion (GtkTextView   *view,
                 GtkSnapshot   *snapshot,
                 const GdkRGBA *color,
                 guint          start,
                 guint          end,
                 guint          visible_start,
                 guint          visible_end,
                 float          width)
{
  SuggestionDrawing d = { snapshot, color, width };

  mg_line_pieces_foreach (view, MAX (start, visible_start), MIN (end, visible_end), outline_piece, &d);
}

/* The first shown index whose suggestion may reach @offset: none that
 * starts more than max_length before it can. */
static guint
first_reaching (MgSuggestionMarks *self,
                guint              offset)
{
  guint lo = 0, hi = self->shown->len;
  guint from = offset > self->max_length ? offset - self->max_length : 0;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const MgSuggestion *s = mg_suggestions_get_span (self->suggestions,
                                                       g_array_index (self->shown, guint, mid));

      if (s->start < from)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/**
 * mg_suggestion_marks_snapshot:
 * @view: an MgArticleView showing the document the suggestions are of
 *
 * Outlines the shown suggestions on screen, the current one thicker.
 */
void
mg_suggestion_marks_snapshot (MgSuggestionMarks *self,
                              GtkTextView       *view,
                              GtkSnapshot       *snapshot)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  guint visible_start, visible_end;

  g_return_if_fail (MG_IS_SUGGESTION_MARKS (self));

  self->n_walked = 0;
  _mg_article_view_get_visible_offsets (view, &visible_start, &visible_end);
  /* The line break too, so a suggestion that takes it in draws to its end. */
  visible_end++;

  for (guint i = first_reaching (self, visible_start); i < self->shown->len; i++)
    {
      const MgSuggestion *s = mg_suggestions_get_span (self->suggestions,
                                                       g_array_index (self->shown, guint, i));
      const GdkRGBA *label_color;
      GdkRGBA color;

      if (s->start >= visible_end)
        break;
      self->n_walked++;
      if (s->end <= visible_start)
        continue;
      label_color = mg_article_view_get_label_color (MG_ARTICLE_VIEW (view), s->label);
      if (label_color == NULL)
        continue;
      color = *label_color;
      color.alpha = 1;
      /* The palette's darker hues sink into a dark page. */
      if (dark)
        _mg_article_view_lighten (&color);
      draw_suggestion (view, snapshot, &color, s->start, s->end, visible_start, visible_end,
                       (int) i == self->current ? 3 : 1.5);
    }
}
