/* mg-review-marks.h: a colleague's spans drawn over the article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mg-article-view.h"

G_BEGIN_DECLS

void mg_review_marks_snapshot (MgArticleView     *view,
                               GtkSnapshot       *snapshot,
                               MgAnnotationStore *reference,
                               MgAnnotation      *selected);

G_END_DECLS
