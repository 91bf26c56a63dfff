/* mg-span-edges.h: where a span may begin and end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mg-text-index.h"

G_BEGIN_DECLS

/**
 * MgSpanEdge:
 * @MG_SPAN_EDGE_START: the first code point of a span
 * @MG_SPAN_EDGE_END: the code point after its last
 *
 * Which edge of a span a move acts on.
 */
typedef enum
{
  MG_SPAN_EDGE_START,
  MG_SPAN_EDGE_END,
} MgSpanEdge;

gboolean mg_span_edges_snap          (MgTextIndex *text,
                                      guint       *start,
                                      guint       *end,
                                      gboolean     words);
gboolean mg_span_edges_move          (MgTextIndex *text,
                                      guint       *start,
                                      guint       *end,
                                      MgSpanEdge   edge,
                                      gboolean     forward,
                                      gboolean     words);
gboolean mg_span_edges_is_grapheme_boundary (MgTextIndex *text,
                                             guint        offset);

G_END_DECLS
