/* mg-scheme-io.h: reading and writing scheme files (mg-scheme-io.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mg-scheme.h"

G_BEGIN_DECLS

MgScheme *mg_scheme_load_file  (const char  *path,
                                GError     **error);
MgScheme *mg_scheme_load_data  (const char  *data,
                                gsize        n_bytes,
                                const char  *name,
                                GError     **error);
GBytes   *mg_scheme_to_bytes   (MgScheme    *self);
gboolean  mg_scheme_save_file  (MgScheme    *self,
                                const char  *path,
                                GError     **error);

/* For the dataset writer, which writes a scheme's members the same way. */
void      _mg_scheme_write_members (GString    *out,
                                    JsonObject *object,
                                    gboolean    leading_comma);
void      _mg_scheme_write_label   (GString    *out,
                                    MgLabel    *label);
void      _mg_scheme_write_list    (GString    *out,
                                    const char *member,
                                    JsonNode   *node,
                                    const char *indent);

G_END_DECLS
