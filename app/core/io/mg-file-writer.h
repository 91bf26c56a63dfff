/* mg-file-writer.h: writing a file or a folder so that a crash leaves the
 * old or the new, never a torn one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * MgFileWriteFlags:
 * @MG_FILE_WRITE_DEFAULT: a new file gets 0666 less the umask; a replaced
 *   file keeps its mode
 * @MG_FILE_WRITE_PRIVATE: the file is readable by its owner only, whether
 *   new or replaced (drafts of unpublished work)
 */
typedef enum
{
  MG_FILE_WRITE_DEFAULT = 0,
  MG_FILE_WRITE_PRIVATE = 1 << 0,
} MgFileWriteFlags;

#define MG_TYPE_FILE_WRITER (mg_file_writer_get_type ())

G_DECLARE_FINAL_TYPE (MgFileWriter, mg_file_writer, MG, FILE_WRITER, GOutputStream)

MgFileWriter   *mg_file_writer_new         (const char         *path,
                                            MgFileWriteFlags    flags,
                                            GError            **error);
gboolean        mg_file_writer_is_stream   (MgFileWriter       *self);
gboolean        mg_file_writer_commit      (MgFileWriter       *self,
                                            GError            **error);

gboolean        mg_file_write_bytes        (const char         *path,
                                            GBytes             *contents,
                                            MgFileWriteFlags    flags,
                                            GError            **error);
gboolean        mg_write_file_atomic       (const char         *path,
                                            GBytes             *contents,
                                            GError            **error);

G_END_DECLS
