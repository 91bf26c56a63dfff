/* mg-file-writer-private.h: what the file and folder writers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sys/stat.h>

#include "mg-file-writer.h"

G_BEGIN_DECLS

/* Where a write goes once every symbolic link is followed: a name in a
 * folder, and what that name holds now. */
typedef struct
{
  char        *path;      /* as the caller gave it, for messages */
  char        *dir;       /* the folder that holds the target */
  char        *base;      /* the target's name in @dir */
  int          dir_fd;    /* @dir, open */
  gboolean     exists;
  struct stat  st;        /* the target, when it @exists */
} MgFileTarget;

gboolean _mg_file_target_init             (MgFileTarget  *target,
                                           const char    *path,
                                           GError       **error);
void     _mg_file_target_clear            (MgFileTarget  *target);
char    *_mg_file_target_temp_name        (MgFileTarget  *target);
void     _mg_file_target_remove_leftovers (MgFileTarget  *target);
gboolean _mg_file_lock_fresh              (int            dir_fd,
                                           const char    *name,
                                           int            fd);
void     _mg_file_remove_files_at         (int            fd);
void     _mg_file_keep_owner              (int            fd,
                                           const struct stat *old);
gboolean _mg_file_write_all               (int            fd,
                                           const void    *data,
                                           gsize          n_bytes);
void     _mg_file_set_error               (GError       **error,
                                           const char    *path,
                                           int            saved_errno);

G_END_DECLS
