/* mg-folder-writer.c
 *
 * A folder export (brat's) is many files that belong together, so it is
 * replaced the way mg-file-writer.c replaces one file: the new folder is
 * written beside the old one under a hidden name, flushed to disk, and
 * swapped with the old one in one step (renameat2's RENAME_EXCHANGE), so
 * that a crash at any moment leaves the old folder or the new, never none
 * and never a mixture. Only then is the old one, now under the hidden name,
 * emptied and removed; if that is cut short, the next write to the same
 * folder removes it, as it removes a temporary file.
 *
 * A file system without RENAME_EXCHANGE gets two renames, with a moment
 * between them when the folder is missing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-folder-writer"
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "mg-file-writer-private.h"
#include "mg-folder-writer.h"

#ifndef RENAME_NOREPLACE
# define RENAME_NOREPLACE (1 << 0)
#endif
#ifndef RENAME_EXCHANGE
# define RENAME_EXCHANGE (1 << 1)
#endif

struct _MgFolderWriter
{
  MgFileTarget  target;
  char         *tmp_name;   /* the new folder in target.dir, until it is in place */
  int           tmp_fd;     /* it, open and locked */
  GPtrArray    *names;      /* the files written in it */
};

static gboolean
create_folder (MgFolderWriter  *self,
               GError         **error)
{
  MgFileTarget *target = &self->target;
  /* A replaced folder's mode is set at the end; a new one's by the umask. */
  mode_t mode = target->exists ? 0700 : 0777;

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = _mg_file_target_temp_name (target);
      int fd;

      if (mkdirat (target->dir_fd, name, mode) != 0)
        {
          if (errno == EEXIST)
            continue;
          _mg_file_set_error (error, target->path, errno);
          return FALSE;
        }
      fd = openat (target->dir_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (fd < 0 && errno != ENOENT)
        {
          _mg_file_set_error (error, target->path, errno);
          unlinkat (target->dir_fd, name, AT_REMOVEDIR);
          return FALSE;
        }
      if (fd < 0 || !_mg_file_lock_fresh (target->dir_fd, name, fd))
        {
          if (fd >= 0)
            close (fd);
          continue;
        }
      self->tmp_fd = fd;
      self->tmp_name = g_steal_pointer (&name);
      return TRUE;
    }

  _mg_file_set_error (error, target->path, EEXIST);
  return FALSE;
}

/**
 * mg_folder_writer_new:
 * @path: the folder to write; a symbolic link is followed
 *
 * Starts writing a new @path: add its files with
 * mg_folder_writer_add_file(), then mg_folder_writer_commit(). Freed
 * without a commit, the writer leaves @path as it was and nothing beside.
 *
 * Returns: (transfer full) (nullable): the writer, or %NULL with @error
 *   set when @path is something other than a folder
 */
MgFolderWriter *
mg_folder_writer_new (const char  *path,
                      GError     **error)
{
  g_autoptr(MgFolderWriter) self = g_new0 (MgFolderWriter, 1);

  g_return_val_if_fail (path != NULL, NULL);

  self->tmp_fd = -1;
  self->names = g_ptr_array_new_with_free_func (g_free);
  if (!_mg_file_target_init (&self->target, path, error))
    return NULL;
  if (self->target.exists && !S_ISDIR (self->target.st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("%s: exists and is not a folder; not replacing it"), path);
      return NULL;
    }
  _mg_file_target_remove_leftovers (&self->target);
  if (!create_folder (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * mg_folder_writer_add_file:
 * @name: a file name, without a folder
 *
 * Writes a new file of the folder.
 *
 * Returns: %TRUE when written
 */
gboolean
mg_folder_writer_add_file (MgFolderWriter  *self,
                           const char      *name,
                           const void      *data,
                           gsize            n_bytes,
                           GError         **error)
{
  int fd;

  g_return_val_if_fail (self != NULL && self->tmp_name != NULL, FALSE);
  g_return_val_if_fail (name != NULL && *name != '\0' && strchr (name, '/') == NULL, FALSE);
  g_return_val_if_fail (strcmp (name, ".") != 0 && strcmp (name, "..") != 0, FALSE);

  fd = openat (self->tmp_fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd >= 0 && _mg_file_write_all (fd, data, n_bytes))
    {
      if (self->target.exists)
        _mg_file_keep_owner (fd, &self->target.st);
      if (close (fd) == 0)
        {
          g_ptr_array_add (self->names, g_strdup (name));
          return TRUE;
        }
      fd = -1;
    }

  {
    int saved = errno;
    g_autofree char *path = g_build_filename (self->target.path, name, NULL);

    if (fd >= 0)
      close (fd);
    _mg_file_set_error (error, path, saved);
  }
  return FALSE;
}

/* Every file and the folder itself on disk before the folder is swapped
 * in, or a crash just after could show the new folder with empty files. */
static gboolean
flush_files (MgFolderWriter  *self,
             GError         **error)
{
#ifdef HAVE_SYNCFS
  if (syncfs (self->tmp_fd) != 0)
    {
      _mg_file_set_error (error, self->target.path, errno);
      return FALSE;
    }
#else
  for (guint i = 0; i < self->names->len; i++)
    {
      int fd = openat (self->tmp_fd, g_ptr_array_index (self->names, i), O_RDONLY | O_CLOEXEC);

      if (fd < 0 || fsync (fd) != 0)
        {
          _mg_file_set_error (error, self->target.path, errno);
          if (fd >= 0)
            close (fd);
          return FALSE;
        }
      close (fd);
    }
#endif
  if (fsync (self->tmp_fd) != 0)
    {
      _mg_file_set_error (error, self->target.path, errno);
      return FALSE;
    }
  return TRUE;
}

static void
keep_mode (MgFolderWriter *self)
{
  _mg_file_keep_owner (self->tmp_fd, &self->target.st);
  if (fchmod (self->tmp_fd, self->target.st.st_mode & 07777) != 0)
    g_debug ("%s: %s", self->target.path, g_strerror (errno));
}

/* Removes the folder @name of the target's folder and the files in it. */
static void
remove_folder (MgFolderWriter *self,
               const char     *name)
{
  int fd = openat (self->target.dir_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

  if (fd >= 0)
    {
      _mg_file_remove_files_at (fd);
      close (fd);
    }
  unlinkat (self->target.dir_fd, name, AT_REMOVEDIR);
}

static gboolean
rename_flags (MgFolderWriter *self,
              const char     *from,
              const char     *to,
              unsigned int    flags)
{
  int dir_fd = self->target.dir_fd;

#ifdef HAVE_RENAMEAT2
  if (renameat2 (dir_fd, from, dir_fd, to, flags) == 0)
    return TRUE;
  if (errno != EINVAL && errno != ENOSYS)
    return FALSE;
#endif
  if (flags & RENAME_EXCHANGE)
    {
      errno = EINVAL;
      return FALSE;
    }
  return renameat (dir_fd, from, dir_fd, to) == 0;
}

/* Puts the new folder in place of the old, @old: where the file system
 * cannot swap them, by moving the old aside first. */
static gboolean
swap_in (MgFolderWriter     *self,
         const struct stat  *old,
         GError            **error)
{
  MgFileTarget *target = &self->target;
  g_autofree char *aside = NULL;
  struct stat moved;

  if (rename_flags (self, self->tmp_name, target->base, RENAME_EXCHANGE))
    {
      /* The hidden name now holds the old folder, unless another program
       * replaced it since it was checked: then swap back. */
      if (fstatat (target->dir_fd, self->tmp_name, &moved, AT_SYMLINK_NOFOLLOW) != 0 ||
          moved.st_dev != old->st_dev || moved.st_ino != old->st_ino)
        {
          rename_flags (self, self->tmp_name, target->base, RENAME_EXCHANGE);
          _mg_file_set_error (error, target->path, EBUSY);
          return FALSE;
        }
      remove_folder (self, self->tmp_name);
      return TRUE;
    }
  if (errno != EINVAL)
    {
      _mg_file_set_error (error, target->path, errno);
      return FALSE;
    }

  aside = _mg_file_target_temp_name (target);
  if (renameat (target->dir_fd, target->base, target->dir_fd, aside) != 0)
    {
      _mg_file_set_error (error, target->path, errno);
      return FALSE;
    }
  if (renameat (target->dir_fd, self->tmp_name, target->dir_fd, target->base) != 0)
    {
      int saved = errno;

      renameat (target->dir_fd, aside, target->dir_fd, target->base);
      _mg_file_set_error (error, target->path, saved);
      return FALSE;
    }
  remove_folder (self, aside);
  return TRUE;
}

/**
 * mg_folder_writer_commit:
 * @check: (nullable): asked, just before, whether an existing folder may
 *   be replaced
 *
 * Flushes the new folder to disk and puts it in place of the old one, which
 * is removed.
 *
 * Returns: %TRUE when the new folder is in place; else %FALSE with @error
 *   set and the old folder as it was
 */
gboolean
mg_folder_writer_commit (MgFolderWriter  *self,
                         MgFolderCheck    check,
                         GError         **error)
{
  MgFileTarget *target;
  struct stat now;

  g_return_val_if_fail (self != NULL && self->tmp_name != NULL, FALSE);

  target = &self->target;
  if (!flush_files (self, error))
    return FALSE;
  if (target->exists)
    keep_mode (self);

  if (fstatat (target->dir_fd, target->base, &now, 0) != 0)
    {
      if (errno != ENOENT)
        {
          _mg_file_set_error (error, target->path, errno);
          return FALSE;
        }
      if (!rename_flags (self, self->tmp_name, target->base, RENAME_NOREPLACE))
        {
          _mg_file_set_error (error, target->path, errno);
          return FALSE;
        }
    }
  else if (!S_ISDIR (now.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("%s: exists and is not a folder; not replacing it"), target->path);
      return FALSE;
    }
  else if ((check != NULL && !check (target->path, error)) || !swap_in (self, &now, error))
    return FALSE;

  g_clear_pointer (&self->tmp_name, g_free);
  fsync (target->dir_fd);
  return TRUE;
}

/**
 * mg_folder_writer_free:
 *
 * Frees the writer; a folder not committed is removed.
 */
void
mg_folder_writer_free (MgFolderWriter *self)
{
  if (self == NULL)
    return;
  if (self->tmp_name != NULL)
    remove_folder (self, self->tmp_name);
  if (self->tmp_fd >= 0)
    close (self->tmp_fd);
  _mg_file_target_clear (&self->target);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_free (self->tmp_name);
  g_free (self);
}
