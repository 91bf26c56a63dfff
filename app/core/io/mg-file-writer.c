/* mg-file-writer.c
 *
 * Every file Marginalia writes goes through here: datasets, drafts,
 * exports, gold datasets. The rules, the same for all:
 *
 * - A symbolic link is followed, and the file it points at is replaced;
 *   a link to a file not made yet makes that file.
 * - A regular file is replaced whole: the new contents go to a hidden
 *   temporary file beside it, which is flushed to disk and renamed over
 *   it, and the rename is flushed too. A crash at any moment leaves the
 *   old file or the new one. The replaced file's mode, owner and group are
 *   kept as far as the writer is allowed (root keeps a user's file the
 *   user's); a file the writer may not write to is not replaced either.
 * - A character device or a pipe (/dev/stdout, a FIFO) is written as a
 *   stream, and so is a file the process has open (/dev/stdout when the
 *   shell sends it to a file), appended to; a folder, a block device or a
 *   socket is refused, never replaced by a file.
 * - A temporary file stays locked while it is written. One left behind by
 *   a writer that was killed is no longer locked, and the next write to
 *   the same target removes it.
 * - The temporary name fits whatever name the target has: one of 255
 *   bytes gets a shortened stem and a hash of the whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mg-file-writer"

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mg-file-writer-private.h"

#define TEMP_SUFFIX ".mg-tmp"
#define TEMP_RANDOM 6
/* "." before the stem and "." after it, the random part and the suffix. */
#define TEMP_EXTRA (2 + TEMP_RANDOM + sizeof TEMP_SUFFIX - 1)
#define MAX_LINKS 40

struct _MgFileWriter
{
  GOutputStream     parent_instance;

  MgFileTarget      target;
  char             *tmp_name;   /* in target.dir; NULL for a stream */
  int               fd;
  MgFileWriteFlags  flags;

  guint             committed : 1;
};

G_DEFINE_FINAL_TYPE (MgFileWriter, mg_file_writer, G_TYPE_OUTPUT_STREAM)

void
_mg_file_set_error (GError     **error,
                    const char  *path,
                    int          saved_errno)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("%s: could not save: %s"), path, g_strerror (saved_errno));
}

gboolean
_mg_file_write_all (int         fd,
                    const void *data,
                    gsize       n_bytes)
{
  const guint8 *p = data;

  while (n_bytes > 0)
    {
      gssize n = write (fd, p, MIN (n_bytes, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      p += n;
      n_bytes -= n;
    }
  return TRUE;
}

/* Where the symbolic link @path points, relative to the link's folder;
 * %NULL when @path is no link. */
static char *
read_link (const char *path)
{
  char *link = g_file_read_link (path, NULL);
  g_autofree char *dir = NULL;
  char *joined;

  if (link == NULL || g_path_is_absolute (link))
    return link;
  dir = g_path_get_dirname (path);
  joined = g_build_filename (dir, link, NULL);
  g_free (link);
  return joined;
}

/* The file @path names once every symbolic link is followed. A link to a
 * file that does not exist yet names where that file will be, as a shell's
 * redirection does. */
static char *
follow_links (const char  *path,
              GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops < MAX_LINKS; hops++)
    {
      char *link;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode) ||
          (link = read_link (current)) == NULL)
        return g_steal_pointer (&current);
      g_free (current);
      current = link;
    }

  _mg_file_set_error (error, path, ELOOP);
  return NULL;
}

static int
open_folder (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

#ifdef O_PATH
  /* A folder one may write in but not list is still a place to write. */
  if (fd < 0 && errno == EACCES)
    fd = open (dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
#endif
  return fd;
}

/**
 * _mg_file_target_init:
 *
 * Follows @path to the name a write replaces and opens its folder; says
 * what is there now in @target->st.
 *
 * Returns: %FALSE with @error set when the folder cannot be opened
 */
gboolean
_mg_file_target_init (MgFileTarget  *target,
                      const char    *path,
                      GError       **error)
{
  g_autofree char *real = NULL;
  int saved;

  memset (target, 0, sizeof *target);
  target->dir_fd = -1;
  target->path = g_strdup (path);

  if ((real = follow_links (path, error)) == NULL)
    return FALSE;
  target->dir = g_path_get_dirname (real);
  target->base = g_path_get_basename (real);
  if (strcmp (target->base, "/") == 0 || strcmp (target->base, ".") == 0 ||
      strcmp (target->base, "..") == 0)
    {
      _mg_file_set_error (error, path, EISDIR);
      return FALSE;
    }

  if ((target->dir_fd = open_folder (target->dir)) < 0)
    {
      saved = errno;
      if (saved == ENOENT)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("%s: no such folder"), target->dir);
      else
        _mg_file_set_error (error, path, saved);
      return FALSE;
    }

  if (fstatat (target->dir_fd, target->base, &target->st, 0) == 0)
    target->exists = TRUE;
  else if (errno != ENOENT)
    {
      _mg_file_set_error (error, path, errno);
      return FALSE;
    }
  return TRUE;
}

void
_mg_file_target_clear (MgFileTarget *target)
{
  if (target->dir_fd >= 0)
    close (target->dir_fd);
  target->dir_fd = -1;
  g_clear_pointer (&target->path, g_free);
  g_clear_pointer (&target->dir, g_free);
  g_clear_pointer (&target->base, g_free);
}

/* ".NAME." for a temporary file of @target; a name too long to take the
 * rest keeps its beginning and a hash of the whole. */
static char *
temp_prefix (MgFileTarget *target)
{
  long name_max = fpathconf (target->dir_fd, _PC_NAME_MAX);
  gsize len = strlen (target->base);
  gsize keep;

  if (name_max <= 0)
    name_max = 255;
  if (len + TEMP_EXTRA <= (gsize) name_max)
    return g_strconcat (".", target->base, ".", NULL);

  /* Room for "~" and eight hex digits; cut between characters. */
  keep = MIN (len, (gsize) name_max - TEMP_EXTRA - 9);
  while (keep > 0 && ((guchar) target->base[keep] & 0xC0) == 0x80)
    keep--;
  return g_strdup_printf (".%.*s~%08x.", (int) keep, target->base,
                          g_str_hash (target->base));
}

/**
 * _mg_file_target_temp_name:
 *
 * Returns: (transfer full): a new name for a temporary file or folder of
 *   @target, in its folder
 */
char *
_mg_file_target_temp_name (MgFileTarget *target)
{
  static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  g_autofree char *prefix = temp_prefix (target);
  char random[TEMP_RANDOM + 1];

  for (guint i = 0; i < TEMP_RANDOM; i++)
    random[i] = chars[g_random_int_range (0, sizeof chars - 1)];
  random[TEMP_RANDOM] = '\0';
  return g_strconcat (prefix, random, TEMP_SUFFIX, NULL);
}

static gboolean
is_temp_name (const char *name,
              const char *prefix,
              gsize       prefix_len)
{
  gsize len = strlen (name);

  if (len != prefix_len + TEMP_EXTRA - 2 || strncmp (name, prefix, prefix_len) != 0 ||
      !g_str_has_suffix (name, TEMP_SUFFIX))
    return FALSE;
  for (gsize i = prefix_len; i < prefix_len + TEMP_RANDOM; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;
  return TRUE;
}

/**
 * _mg_file_remove_files_at:
 * @fd: a temporary folder, open
 *
 * Empties a temporary folder; it only ever holds files.
 */
void
_mg_file_remove_files_at (int fd)
{
  int copy = dup (fd);
  DIR *dir = copy >= 0 ? fdopendir (copy) : NULL;
  struct dirent *entry;

  if (dir == NULL)
    {
      if (copy >= 0)
        close (copy);
      return;
    }
  while ((entry = readdir (dir)) != NULL)
    if (strcmp (entry->d_name, ".") != 0 && strcmp (entry->d_name, "..") != 0)
      unlinkat (fd, entry->d_name, 0);
  closedir (dir);
}

static gboolean
same_inode (const struct stat *a,
            const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Removes one temporary file or folder, unless a live writer holds it. */
static void
remove_leftover (int         dir_fd,
                 const char *name)
{
  struct stat before, locked;
  gboolean is_dir;
  int fd;

  if (fstatat (dir_fd, name, &before, AT_SYMLINK_NOFOLLOW) != 0)
    return;
  if (!S_ISREG (before.st_mode) && !S_ISDIR (before.st_mode))
    return;
  is_dir = S_ISDIR (before.st_mode);
  fd = openat (dir_fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC |
                             (is_dir ? O_DIRECTORY : 0));
  if (fd < 0)
    return;
  if (flock (fd, LOCK_EX | LOCK_NB) == 0 && fstat (fd, &locked) == 0 &&
      same_inode (&before, &locked))
    {
      if (is_dir)
        _mg_file_remove_files_at (fd);
      unlinkat (dir_fd, name, is_dir ? AT_REMOVEDIR : 0);
    }
  close (fd);
}

/**
 * _mg_file_target_remove_leftovers:
 *
 * Removes the temporary files and folders earlier writes to @target left
 * when they were killed. A folder that cannot be listed keeps them.
 */
void
_mg_file_target_remove_leftovers (MgFileTarget *target)
{
  g_autofree char *prefix = temp_prefix (target);
  gsize prefix_len = strlen (prefix);
  DIR *dir = opendir (target->dir);
  struct dirent *entry;

  if (dir == NULL)
    return;
  while ((entry = readdir (dir)) != NULL)
    if (is_temp_name (entry->d_name, prefix, prefix_len))
      remove_leftover (target->dir_fd, entry->d_name);
  closedir (dir);
}

/**
 * _mg_file_lock_fresh:
 * @fd: the file or folder just made as @name in @dir_fd
 *
 * Locks a new temporary file so that no other writer takes it for a
 * leftover, and makes sure none did in the moment before.
 *
 * Returns: %FALSE when @name was removed meanwhile: make another
 */
gboolean
_mg_file_lock_fresh (int         dir_fd,
                     const char *name,
                     int         fd)
{
  struct stat mine, there;

  /* Without locks (some network file systems) nobody else locks either,
   * so nobody removes a temporary file that is not theirs. */
  if (flock (fd, LOCK_EX) != 0)
    return TRUE;
  return fstat (fd, &mine) == 0 && fstatat (dir_fd, name, &there, AT_SYMLINK_NOFOLLOW) == 0 &&
         same_inode (&mine, &there);
}

/**
 * _mg_file_keep_owner:
 * @old: the file being replaced
 *
 * Gives the new file @fd the owner and group of @old where allowed: root
 * may give any, a user may give any group of theirs.
 */
void
_mg_file_keep_owner (int                fd,
                     const struct stat *old)
{
  struct stat now;

  if (fstat (fd, &now) != 0 || (now.st_uid == old->st_uid && now.st_gid == old->st_gid))
    return;
  if (fchown (fd, old->st_uid, old->st_gid) != 0 && now.st_gid != old->st_gid)
    {
      if (fchown (fd, (uid_t) -1, old->st_gid) != 0)
        g_debug ("%s", g_strerror (errno));
    }
}

/* Whether @path leads to one of the process's open files, as /dev/stdout
 * does (a link to /proc/self/fd/1): the file the shell opened is written
 * to, not replaced, and appended to, so that ">>" keeps what was there. */
static gboolean
names_open_file (const char *path)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops < MAX_LINKS; hops++)
    {
      char *link;

      if (g_str_has_prefix (current, "/dev/fd/") ||
          (g_str_has_prefix (current, "/proc/") && strstr (current, "/fd/") != NULL))
        return TRUE;
      if ((link = read_link (current)) == NULL)
        return FALSE;
      g_free (current);
      current = link;
    }
  return FALSE;
}

/* Opens a character device, a pipe or an open file to write to it as it
 * is. */
static gboolean
open_stream (MgFileWriter  *self,
             const char    *path,
             int            flags,
             GError       **error)
{
  self->target.path = g_strdup (path);
  self->fd = open (path, O_WRONLY | O_NOCTTY | O_CLOEXEC | flags);
  if (self->fd < 0)
    {
      _mg_file_set_error (error, path, errno);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_replaceable (MgFileWriter  *self,
                   GError       **error)
{
  MgFileTarget *target = &self->target;

  if (!target->exists)
    return TRUE;
  if (S_ISDIR (target->st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s: is a folder, not a file"), target->path);
      return FALSE;
    }
  if (!S_ISREG (target->st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s: is not a file but a device or a socket; not writing over it"),
                   target->path);
      return FALSE;
    }
  /* Renaming needs only the folder's permission; a file its owner made
   * read-only says it should not change. */
  if (faccessat (target->dir_fd, target->base, W_OK, AT_EACCESS) != 0)
    {
      _mg_file_set_error (error, target->path, errno);
      return FALSE;
    }
  return TRUE;
}

static gboolean
create_temporary (MgFileWriter  *self,
                  GError       **error)
{
  MgFileTarget *target = &self->target;
  /* A replaced file's mode is set at the end; a new one's by the umask. */
  mode_t mode = target->exists || (self->flags & MG_FILE_WRITE_PRIVATE) ? 0600 : 0666;

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = _mg_file_target_temp_name (target);
      int fd = openat (target->dir_fd, name,
                       O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);

      if (fd < 0)
        {
          if (errno == EEXIST)
            continue;
          _mg_file_set_error (error, target->path, errno);
          return FALSE;
        }
      if (!_mg_file_lock_fresh (target->dir_fd, name, fd))
        {
          close (fd);
          continue;
        }
      self->fd = fd;
      self->tmp_name = g_steal_pointer (&name);
      return TRUE;
    }

  _mg_file_set_error (error, target->path, EEXIST);
  return FALSE;
}

/**
 * mg_file_writer_new:
 * @path: the file to write
 * @flags: the mode of a new file
 *
 * Starts writing @path by the rules at the top of mg-file-writer.c. Write
 * to the returned stream, then call mg_file_writer_commit(); a writer
 * closed or freed without it leaves @path as it was and no temporary file.
 *
 * Returns: (transfer full) (nullable): the writer, or %NULL with @error
 *   set, its message beginning with @path
 */
MgFileWriter *
mg_file_writer_new (const char        *path,
                    MgFileWriteFlags   flags,
                    GError           **error)
{
  g_autoptr(MgFileWriter) self = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (MG_TYPE_FILE_WRITER, NULL);
  self->flags = flags;

  if (g_stat (path, &st) == 0 && (S_ISCHR (st.st_mode) || S_ISFIFO (st.st_mode)))
    return open_stream (self, path, 0, error) ? g_steal_pointer (&self) : NULL;
  if (names_open_file (path))
    return open_stream (self, path, O_APPEND, error) ? g_steal_pointer (&self) : NULL;

  if (!_mg_file_target_init (&self->target, path, error) ||
      !check_replaceable (self, error))
    return NULL;
  _mg_file_target_remove_leftovers (&self->target);
  if (!create_temporary (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * mg_file_writer_is_stream:
 *
 * Returns: whether the writer writes straight to a device or a pipe
 */
gboolean
mg_file_writer_is_stream (MgFileWriter *self)
{
  g_return_val_if_fail (MG_IS_FILE_WRITER (self), FALSE);
  return self->tmp_name == NULL;
}

static void
set_mode (MgFileWriter *self)
{
  MgFileTarget *target = &self->target;
  mode_t mode = target->st.st_mode & 07777;

  if (self->flags & MG_FILE_WRITE_PRIVATE)
    mode &= 0700;
  _mg_file_keep_owner (self->fd, &target->st);
  /* After the owner: changing it clears the set-id bits. */
  if (fchmod (self->fd, mode) != 0)
    g_debug ("%s: %s", target->path, g_strerror (errno));
}

static gboolean
commit_stream (MgFileWriter  *self,
               GError       **error)
{
  int fd = self->fd;

  self->fd = -1;
  if (close (fd) != 0)
    {
      _mg_file_set_error (error, self->target.path, errno);
      return FALSE;
    }
  return TRUE;
}

static gboolean
commit_file (MgFileWriter  *self,
             GError       **error)
{
  MgFileTarget *target = &self->target;

  if (fsync (self->fd) != 0)
    {
      _mg_file_set_error (error, target->path, errno);
      return FALSE;
    }
  if (target->exists)
    set_mode (self);
  if (renameat (target->dir_fd, self->tmp_name, target->dir_fd, target->base) != 0)
    {
      _mg_file_set_error (error, target->path, errno);
      return FALSE;
    }
  g_clear_pointer (&self->tmp_name, g_free);

  /* Make the rename itself durable; a folder opened only as a path
   * cannot be flushed, and some file systems flush without being asked. */
  fsync (target->dir_fd);
  close (self->fd);
  self->fd = -1;
  return TRUE;
}

/**
 * mg_file_writer_commit:
 *
 * Puts what was written in place: flushed to disk and renamed over the
 * target, or for a stream, closed. The writer is closed either way.
 *
 * Returns: %TRUE when the target holds the new contents; else %FALSE with
 *   @error set, and the target as it was
 */
gboolean
mg_file_writer_commit (MgFileWriter  *self,
                       GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (MG_IS_FILE_WRITER (self), FALSE);
  g_return_val_if_fail (!g_output_stream_is_closed (G_OUTPUT_STREAM (self)), FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);

  ok = self->tmp_name == NULL ? commit_stream (self, error) : commit_file (self, error);
  self->committed = ok;
  g_output_stream_close (G_OUTPUT_STREAM (self), NULL, NULL);
  return ok;
}

static gssize
mg_file_writer_write (GOutputStream  *stream,
                      const void     *buffer,
                      gsize           count,
                      GCancellable   *cancellable,
                      GError        **error)
{
  MgFileWriter *self = MG_FILE_WRITER (stream);
  gssize n;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  do
    n = write (self->fd, buffer, MIN (count, (gsize) G_MAXSSIZE));
  while (n < 0 && errno == EINTR);
  if (n < 0)
    _mg_file_set_error (error, self->target.path, errno);
  return n;
}

/* Closing without a commit gives up: the temporary file goes. */
static gboolean
mg_file_writer_close (GOutputStream  *stream,
                      GCancellable   *cancellable,
                      GError        **error)
{
  MgFileWriter *self = MG_FILE_WRITER (stream);

  if (self->tmp_name != NULL && !self->committed)
    unlinkat (self->target.dir_fd, self->tmp_name, 0);
  g_clear_pointer (&self->tmp_name, g_free);
  if (self->fd >= 0)
    close (self->fd);
  self->fd = -1;
  return TRUE;
}

static void
mg_file_writer_finalize (GObject *object)
{
  MgFileWriter *self = MG_FILE_WRITER (object);

  mg_file_writer_close (G_OUTPUT_STREAM (self), NULL, NULL);
  _mg_file_target_clear (&self->target);

  G_OBJECT_CLASS (mg_file_writer_parent_class)->finalize (object);
}

static void
mg_file_writer_class_init (MgFileWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GOutputStreamClass *stream_class = G_OUTPUT_STREAM_CLASS (klass);

  object_class->finalize = mg_file_writer_finalize;
  stream_class->write_fn = mg_file_writer_write;
  stream_class->close_fn = mg_file_writer_close;
}

static void
mg_file_writer_init (MgFileWriter *self)
{
  self->fd = -1;
  self->target.dir_fd = -1;
}

/**
 * mg_file_write_bytes:
 * @path: the file to write
 * @contents: all of it
 * @flags: the mode of a new file
 *
 * Writes @contents to @path with an #MgFileWriter.
 *
 * Returns: %TRUE on success; on failure @path is untouched and @error
 *   says why, beginning with @path
 */
gboolean
mg_file_write_bytes (const char        *path,
                     GBytes            *contents,
                     MgFileWriteFlags   flags,
                     GError           **error)
{
  g_autoptr(MgFileWriter) writer = NULL;
  gsize n_bytes;
  const void *data;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  if ((writer = mg_file_writer_new (path, flags, error)) == NULL)
    return FALSE;
  data = g_bytes_get_data (contents, &n_bytes);
  if (!_mg_file_write_all (writer->fd, data, n_bytes))
    {
      _mg_file_set_error (error, path, errno);
      return FALSE;
    }
  return mg_file_writer_commit (writer, error);
}

/**
 * mg_write_file_atomic:
 *
 * mg_file_write_bytes() with %MG_FILE_WRITE_DEFAULT: a new file's mode
 * follows the umask.
 *
 * Returns: %TRUE on success
 */
gboolean
mg_write_file_atomic (const char  *path,
                      GBytes      *contents,
                      GError     **error)
{
  return mg_file_write_bytes (path, contents, MG_FILE_WRITE_DEFAULT, error);
}
