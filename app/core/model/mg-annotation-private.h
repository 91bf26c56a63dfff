/* mg-annotation-private.h: the annotation's fields, and changes only the
 * store may make
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mg-annotation.h"

G_BEGIN_DECLS

/* Open to the store, whose binary searches read the range of thousands of
 * annotations per query: through the checked getters, the type checks
 * were a third of a search's time. */
struct _MgAnnotation
{
  GObject parent_instance;

  char       *id;
  char       *label;
  char       *text;
  char       *note;
  char       *created;
  char       *modified;
  JsonObject *extra;
  guint       start;
  guint       end;
};

void _mg_annotation_set_label (MgAnnotation *self,
                               const char   *label);
void _mg_annotation_set_range (MgAnnotation *self,
                               guint         start,
                               guint         end,
                               const char   *text);

G_END_DECLS
