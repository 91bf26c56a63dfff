/* mg-text-index.h: fast code-point offsets into UTF-8 text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _MgTextIndex MgTextIndex;

MgTextIndex *mg_text_index_new          (const char  *text,
                                         gsize        n_bytes);
void         mg_text_index_free         (MgTextIndex *self);
guint        mg_text_index_get_length   (MgTextIndex *self);
const char  *mg_text_index_get_text     (MgTextIndex *self);
gsize        mg_text_index_byte_offset  (MgTextIndex *self,
                                         guint        offset);
guint        mg_text_index_char_offset  (MgTextIndex *self,
                                         gsize        byte_offset);
guint        mg_text_index_utf16_offset (MgTextIndex *self,
                                         guint        offset);
char        *mg_text_index_substring    (MgTextIndex *self,
                                         guint        start,
                                         guint        end);
gboolean     mg_text_index_range_equals (MgTextIndex *self,
                                         guint        start,
                                         guint        end,
                                         const char  *expected);

char        *mg_sha256_hex              (const char  *data,
                                         gsize        n_bytes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MgTextIndex, mg_text_index_free)

G_END_DECLS
