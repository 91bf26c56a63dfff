/* mg-suggestion-marks.h: suggestions drawn over the article, apart from spans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mg-core.h"
#include "mg-suggest.h"

G_BEGIN_DECLS

#define MG_TYPE_SUGGESTION_MARKS (mg_suggestion_marks_get_type ())

G_DECLARE_FINAL_TYPE (MgSuggestionMarks, mg_suggestion_marks, MG, SUGGESTION_MARKS, GObject)

MgSuggestionMarks  *mg_suggestion_marks_new             (MgSuggestions     *suggestions,
                                                         GArray            *shown);
MgSuggestions      *mg_suggestion_marks_get_suggestions (MgSuggestionMarks *self);
guint               mg_suggestion_marks_get_n_shown     (MgSuggestionMarks *self);
guint               mg_suggestion_marks_get_shown       (MgSuggestionMarks *self,
                                                         guint              index);
void                mg_suggestion_marks_set_current     (MgSuggestionMarks *self,
                                                         int                index);
int                 mg_suggestion_marks_get_current     (MgSuggestionMarks *self);
void                mg_suggestion_marks_snapshot        (MgSuggestionMarks *self,
                                                         GtkTextView       *view,
                                                         GtkSnapshot       *snapshot);
guint               mg_suggestion_marks_get_n_walked    (MgSuggestionMarks *self);

G_END_DECLS
