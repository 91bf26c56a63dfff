/* mg-find-marks.h: the matches of find, highlighted in the article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mg-core.h"

G_BEGIN_DECLS

typedef struct _MgFindMarks MgFindMarks;

MgFindMarks *mg_find_marks_new         (void);
void         mg_find_marks_free        (MgFindMarks   *self);
void         mg_find_marks_show        (MgFindMarks   *self,
                                        GtkTextBuffer *buffer,
                                        GArray        *matches,
                                        int            current);
void         mg_find_marks_clear       (MgFindMarks   *self);
guint        mg_find_marks_get_n_shown (MgFindMarks   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MgFindMarks, mg_find_marks_free)

G_END_DECLS
