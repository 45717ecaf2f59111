/* xa-session-lock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQLite keeps two writers from corrupting a file, but not two people from working in
 * one database at once without knowing of each other. The app takes an advisory lock
 * (flock) on `xiaoan.db.lock` and writes who holds it there; a second app that cannot
 * take it reads the holder and opens the database for reading only. The kernel drops a
 * flock when its process ends, however it ends, so a crash leaves no stale lock.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "xa-session-lock.h"
#include "xa-store.h"

struct _XaSessionLock
{
  int   fd;
  char *path;
};

/* "who\nhost\npid\nsince" as the holder wrote it, in words. */
static char *
describe_holder (const char *contents)
{
  g_auto(GStrv) lines = g_strsplit (contents ? contents : "", "\n", 5);

  if (g_strv_length (lines) < 4)
    return g_strdup (_("another program"));

  /* Translators: who holds the database: an operator's name, a computer's name, a
   * process number and the time the holder opened it. */
  return g_strdup_printf (_("%s on %s (process %s) since %s"), lines[0], lines[1], lines[2], lines[3]);
}

/**
 * xa_session_lock_acquire:
 * @db_path: the database file
 * @operator_name: (nullable): who opens it, as the audit log names the operator
 * @holder: (out) (optional) (transfer full): who holds it, when someone does
 *
 * Takes the session lock of @db_path. When another app holds it, returns %NULL without
 * an error and says who in @holder; an error means the lock file could not be used.
 *
 * Returns: (transfer full) (nullable): the lock, released with xa_session_lock_release()
 */
XaSessionLock *
xa_session_lock_acquire (const char  *db_path,
                         const char  *operator_name,
                         char       **holder,
                         GError     **error)
{
  g_autofree char *path = g_strconcat (db_path, ".lock", NULL);
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *since = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autofree char *contents = NULL;
  XaSessionLock *self;
  int fd;

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_OPEN,
                   _("Cannot use the lock file “%s”: %s"), display, g_strerror (saved_errno));
      return NULL;
    }

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;
      char buffer[512] = { 0 };

      if (saved_errno != EWOULDBLOCK)
        {
          g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_OPEN,
                       _("Cannot use the lock file “%s”: %s"), display, g_strerror (saved_errno));
          close (fd);
          return NULL;
        }

      if (holder != NULL)
        {
          ssize_t n = pread (fd, buffer, sizeof buffer - 1, 0);

          *holder = describe_holder (n > 0 ? buffer : NULL);
        }
      close (fd);
      return NULL;
    }

  contents = g_strdup_printf ("%s\n%s\n%d\n%s\n",
                              operator_name && operator_name[0] ? operator_name : g_get_user_name (),
                              g_get_host_name (), (int) getpid (), since);
  if (ftruncate (fd, 0) != 0 ||
      pwrite (fd, contents, strlen (contents), 0) != (ssize_t) strlen (contents))
    g_debug ("Cannot write who holds %s: %s", path, g_strerror (errno));

  self = g_new0 (XaSessionLock, 1);
  self->fd = fd;
  self->path = g_steal_pointer (&path);
  return self;
}

/**
 * xa_session_lock_release:
 *
 * Gives the lock up. The file stays, empty, for the next holder.
 */
void
xa_session_lock_release (XaSessionLock *self)
{
  if (self == NULL)
    return;

  if (ftruncate (self->fd, 0) != 0)
    g_debug ("Cannot empty %s: %s", self->path, g_strerror (errno));
  flock (self->fd, LOCK_UN);
  close (self->fd);
  g_free (self->path);
  g_free (self);
}
