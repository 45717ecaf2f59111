/* xa-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a whole file that someone else may have put anywhere: a photo to add, a stored
 * file to check.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xa-file.h"

/**
 * xa_file_read_regular:
 * @path: (type filename): the file
 * @limit: the most bytes it may have
 * @follow_links: whether @path may be a symbolic link to the file
 * @saved_errno: (out): why it was not read: EINVAL when @path is no regular file (a
 *   folder, a device, a pipe), EFBIG when it is larger than @limit, else the system's
 *   reason (ENOENT…)
 *
 * Reads a regular file whole. It is opened without waiting (a pipe does not hang) and
 * its kind and size are those of the file opened, not of a name looked at before; a
 * file that shrinks meanwhile gives what it still had.
 *
 * Returns: (transfer full) (nullable): its bytes, or %NULL
 */
GBytes *
xa_file_read_regular (const char *path,
                      gsize       limit,
                      gboolean    follow_links,
                      int        *saved_errno)
{
  g_autofree guchar *data = NULL;
  gsize length = 0;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL && saved_errno != NULL, NULL);

  if ((fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK | (follow_links ? 0 : O_NOFOLLOW),
                    0)) < 0)
    {
      *saved_errno = errno;
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    *saved_errno = errno;
  else if (!S_ISREG (st.st_mode))
    *saved_errno = EINVAL;
  else if ((guint64) st.st_size > limit)
    *saved_errno = EFBIG;
  else
    *saved_errno = 0;

  if (*saved_errno != 0)
    {
      close (fd);
      return NULL;
    }

  data = g_malloc (st.st_size + 1);
  while (length < (gsize) st.st_size)
    {
      gssize n = read (fd, data + length, st.st_size - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          *saved_errno = errno;
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      length += n;
    }

  close (fd);
  return g_bytes_new_take (g_steal_pointer (&data), length);
}
