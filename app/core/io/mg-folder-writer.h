/* mg-folder-writer.h: replacing a whole folder of files at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _MgFolderWriter MgFolderWriter;

/**
 * MgFolderCheck:
 * @path: the folder about to be replaced
 *
 * Says whether an existing folder may be replaced.
 *
 * Returns: %TRUE when it may; else %FALSE with @error set
 */
typedef gboolean (*MgFolderCheck) (const char  *path,
                                   GError     **error);

MgFolderWriter *mg_folder_writer_new       (const char         *path,
                                            GError            **error);
gboolean        mg_folder_writer_add_file  (MgFolderWriter     *self,
                                            const char         *name,
                                            const void         *data,
                                            gsize               n_bytes,
                                            GError            **error);
gboolean        mg_folder_writer_commit    (MgFolderWriter     *self,
                                            MgFolderCheck       check,
                                            GError            **error);
void            mg_folder_writer_free      (MgFolderWriter     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MgFolderWriter, mg_folder_writer_free)

G_END_DECLS
