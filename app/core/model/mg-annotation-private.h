/* mg-annotation-private.h: changes only the store may make
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mg-annotation.h"

G_BEGIN_DECLS

void _mg_annotation_set_label (MgAnnotation *self,
                               const char   *label);
void _mg_annotation_set_range (MgAnnotation *self,
                               guint         start,
                               guint         end,
                               const char   *text);

G_END_DECLS
