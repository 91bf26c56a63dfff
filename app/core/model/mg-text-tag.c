/* mg-text-tag.c: tagging every match of a search with one label
 *
 * The matches become spans as a selection does, through the same snapping:
 * grapheme boundaries, no white space at an edge, and with whole words on,
 * an edge the phrase puts on a word character completed to the word ("harb"
 * tags "harbour"). An edge the phrase puts elsewhere (a quotation mark, a
 * space) stays where the phrase put it. All of it is one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-text-tag"

#include "config.h"

#include <string.h>

#include "mg-span-edges.h"
#include "mg-text-search.h"
#include "mg-tokens.h"

static gboolean
is_word_char (gunichar c)
{
  return mg_unichar_is_word (c) || g_unichar_ismark (c);
}

/**
 * mg_text_search_tag:
 * @history: the history of the dataset the hits are in
 * @hits: a list of #MgTextHit
 * @needle: the phrase that found them
 * @label_id: the label to give them
 * @words: whether whole-word selection is on
 * @report: (out caller-allocates): what was done
 *
 * Gives each hit a span of @label_id, in one undo step, except where a
 * span of that label already has the same start and end.
 */
void
mg_text_search_tag (MgHistory   *history,
                    GListModel  *hits,
                    const char  *needle,
                    const char  *label_id,
                    gboolean     words,
                    MgTagReport *report)
{
  gboolean words_start, words_end;
  const char *last;
  guint n;

  g_return_if_fail (MG_IS_HISTORY (history));
  g_return_if_fail (G_IS_LIST_MODEL (hits));
  g_return_if_fail (needle != NULL && label_id != NULL && report != NULL);

  *report = (MgTagReport) { 0, 0, 0 };
  n = g_list_model_get_n_items (hits);
  if (*needle == '\0' || n == 0)
    return;

  last = g_utf8_find_prev_char (needle, needle + strlen (needle));
  words_start = words && is_word_char (g_utf8_get_char (needle));
  words_end = words && last != NULL && is_word_char (g_utf8_get_char (last));

  mg_history_begin_group (history);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MgTextHit) hit = g_list_model_get_item (hits, i);
      MgDocument *document = mg_text_hit_get_document (hit);
      MgTextIndex *index = mg_document_get_text_index (document);
      guint s1 = mg_text_hit_get_start (hit), e1 = mg_text_hit_get_end (hit);
      guint s2 = s1, e2 = e1;
      g_autoptr(MgAnnotation) annotation = NULL;
      g_autoptr(GError) error = NULL;

      /* Trimmed only, and trimmed with words completed; each edge takes
       * the one its end of the phrase asks for. */
      if (!mg_span_edges_snap (index, &s1, &e1, FALSE) ||
          !mg_span_edges_snap (index, &s2, &e2, words_start || words_end))
        {
          report->skipped++;
          continue;
        }
      if (words_start)
        s1 = s2;
      if (words_end)
        e1 = e2;

      if (mg_annotation_store_find (mg_document_get_store (document), label_id, s1, e1) != NULL)
        {
          report->already++;
          continue;
        }

      annotation = mg_annotation_new (NULL, label_id, s1, e1);
      if (mg_history_add_annotation (history, document, annotation, &error))
        report->tagged++;
      else
        {
          /* Only a range the store refuses gets here; say so, keep going. */
          g_warning ("%s: %s", mg_document_get_id (document), error->message);
          report->skipped++;
        }
    }
  mg_history_end_group (history);
}
