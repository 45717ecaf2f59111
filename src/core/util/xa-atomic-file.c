/* xa-atomic-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a file the way g_file_set_contents_full() with CONSISTENT and DURABLE does, for
 * writers that produce it piece by piece: a hidden temporary file beside its place, which
 * the writer fills, then fsync, rename over the place, fsync of the folder. A reader
 * sees the old file or the new one, never half of one, even if the power fails; a writer
 * that gives up leaves nothing behind.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "xa-atomic-file.h"

struct _XaAtomicFile
{
  char *path;
  char *temp_path;
  int   fd;
  gboolean committed;
};

static gboolean
set_error (GError     **error,
           const char  *path,
           int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

/**
 * xa_atomic_file_new:
 * @path: (type filename): where the file goes; an existing file is replaced on commit
 *
 * Returns: (transfer full) (nullable): the file being written, with its temporary file
 *   made and open
 */
XaAtomicFile *
xa_atomic_file_new (const char  *path,
                    GError     **error)
{
  g_autoptr(XaAtomicFile) self = g_new0 (XaAtomicFile, 1);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);

  g_return_val_if_fail (path != NULL, NULL);

  self->fd = -1;
  self->path = g_strdup (path);
  self->temp_path = g_build_filename (dir, template, NULL);
  self->fd = g_mkstemp_full (self->temp_path, O_RDWR | O_CLOEXEC, 0644);
  if (self->fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&self->temp_path, g_free);
      set_error (error, path, saved_errno);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * xa_atomic_file_get_fd:
 *
 * Returns: the temporary file's descriptor, open for reading and writing; the file
 *   keeps it
 */
int
xa_atomic_file_get_fd (XaAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->fd;
}

/**
 * xa_atomic_file_get_temp_path:
 *
 * Returns: (type filename): the temporary file, for a writer that opens files by name;
 *   it must write this same file (not replace it), as the descriptor is what is synced
 */
const char *
xa_atomic_file_get_temp_path (XaAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temp_path;
}

/**
 * xa_atomic_file_commit:
 *
 * Puts the file written in its place, durably. After a failure nothing is left of it.
 */
gboolean
xa_atomic_file_commit (XaAtomicFile  *self,
                       GError       **error)
{
  g_autofree char *dir = NULL;
  int dir_fd;
  int saved_errno = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed && self->fd >= 0, FALSE);

  if (fsync (self->fd) != 0 || close (self->fd) != 0)
    saved_errno = errno;
  self->fd = -1;
  if (saved_errno == 0 && g_rename (self->temp_path, self->path) != 0)
    saved_errno = errno;
  if (saved_errno != 0)
    return set_error (error, self->path, saved_errno);

  self->committed = TRUE;

  /* The rename itself on the disk. */
  dir = g_path_get_dirname (self->path);
  dir_fd = g_open (dir, O_RDONLY | O_CLOEXEC | O_DIRECTORY, 0);
  if (dir_fd < 0 || fsync (dir_fd) != 0)
    saved_errno = errno;
  if (dir_fd >= 0)
    close (dir_fd);
  if (saved_errno != 0)
    return set_error (error, self->path, saved_errno);

  return TRUE;
}

/**
 * xa_atomic_file_free:
 *
 * Closes the file; one not committed is removed.
 */
void
xa_atomic_file_free (XaAtomicFile *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    close (self->fd);
  if (!self->committed && self->temp_path != NULL)
    g_unlink (self->temp_path);

  g_free (self->path);
  g_free (self->temp_path);
  g_free (self);
}
