/* mg-interval-index.h: which spans contain a point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _MgIntervalIndex MgIntervalIndex;

typedef struct
{
  guint    start;
  guint    end;
  gpointer data;
} MgInterval;

MgIntervalIndex *mg_interval_index_new  (const MgInterval *by_start,
                                         guint             n);
void             mg_interval_index_free (MgIntervalIndex  *self);
void             mg_interval_index_stab (MgIntervalIndex  *self,
                                         guint             point,
                                         GPtrArray        *out);
gboolean         mg_interval_index_insert (MgIntervalIndex  *self,
                                           const MgInterval *iv);
gboolean         mg_interval_index_remove (MgIntervalIndex  *self,
                                           const MgInterval *iv);

G_END_DECLS
