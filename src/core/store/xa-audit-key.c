/* xa-audit-key.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The key that signs the audit chain (HMAC-SHA256). It is never stored in the database,
 * or a copy of the file would carry what is needed to forge it: it lives in a file of
 * the user's configuration, outside the data folder, made on first use. This file is the
 * one place that knows where the key comes from, so that the keyring can take its place.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "xa-audit-key.h"
#include "xa-store.h"

/**
 * xa_audit_key_dup_path:
 *
 * Where the key is kept: `$XIAOAN_AUDIT_KEY_FILE` when set (tests, and a commission that
 * keeps the key on its own medium), else `$XDG_CONFIG_HOME/xiaoan/audit-key`.
 *
 * Returns: (transfer full) (type filename): the key file's path
 */
char *
xa_audit_key_dup_path (void)
{
  const char *env = g_getenv ("XIAOAN_AUDIT_KEY_FILE");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_config_dir (), "xiaoan", "audit-key", NULL);
}

/**
 * xa_audit_key_from_hex:
 * @hex: a key as key files and servers write it: 64 hexadecimal digits, spaces and a
 *   line end around them allowed
 *
 * Returns: (transfer full) (nullable): the key, or %NULL when @hex is not one
 */
GBytes *
xa_audit_key_from_hex (const char *hex)
{
  g_autofree char *text = g_strstrip (g_strdup (hex ? hex : ""));
  g_autofree guint8 *key = g_new0 (guint8, XA_AUDIT_KEY_SIZE);

  if (strlen (text) != XA_AUDIT_KEY_SIZE * 2)
    return NULL;

  for (guint i = 0; i < XA_AUDIT_KEY_SIZE; i++)
    {
      int high = g_ascii_xdigit_value (text[2 * i]);
      int low = g_ascii_xdigit_value (text[2 * i + 1]);

      if (high < 0 || low < 0)
        return NULL;
      key[i] = (guint8) (high << 4 | low);
    }

  return g_bytes_new_take (g_steal_pointer (&key), XA_AUDIT_KEY_SIZE);
}

/**
 * xa_audit_key_to_hex:
 *
 * Returns: (transfer full): @key in lower-case hexadecimal digits, as key files keep it
 */
char *
xa_audit_key_to_hex (GBytes *key)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (key, &size);
  GString *hex = g_string_sized_new (size * 2);

  for (gsize i = 0; i < size; i++)
    g_string_append_printf (hex, "%02x", data[i]);

  return g_string_free (hex, FALSE);
}

static GBytes *
parse_key (const char  *path,
           const char  *contents,
           GError     **error)
{
  g_autofree char *display = NULL;
  GBytes *key = xa_audit_key_from_hex (contents);

  if (key != NULL)
    return key;

  display = g_filename_display_name (path);
  g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
               _("The audit key file “%s” is damaged: it must hold %d hexadecimal digits"),
               display, XA_AUDIT_KEY_SIZE * 2);
  return NULL;
}

static gboolean
read_random (guint8  *buffer,
             gsize    size,
             GError **error)
{
  g_autoptr(GFile) urandom = g_file_new_for_path ("/dev/urandom");
  g_autoptr(GFileInputStream) stream = NULL;
  gsize n_read = 0;

  if (!(stream = g_file_read (urandom, NULL, error)) ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, size, &n_read, NULL, error))
    return FALSE;

  if (n_read != size)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "short read");
      return FALSE;
    }

  return TRUE;
}

/* Writes a new key beside @path and links it into place, so that two programs starting
 * at once end up with the same key: the second link fails and that program reads the
 * first one's. */
static gboolean
create_key (const char  *path,
            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp_path = g_build_filename (dir, ".audit-key-XXXXXX", NULL);
  g_autoptr(GBytes) key = NULL;
  g_autofree char *digits = NULL;
  g_autofree char *hex = NULL;
  guint8 random[XA_AUDIT_KEY_SIZE];
  gboolean ok = FALSE;
  gsize length;
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
      return FALSE;
    }

  if (!read_random (random, sizeof random, error))
    return FALSE;
  key = g_bytes_new (random, sizeof random);
  memset (random, 0, sizeof random);
  digits = xa_audit_key_to_hex (key);
  hex = g_strconcat (digits, "\n", NULL);
  length = strlen (hex);

  if ((fd = g_mkstemp_full (tmp_path, O_WRONLY, 0600)) < 0)
    {
      int saved_errno = errno;
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
      return FALSE;
    }

  if (write (fd, hex, length) == (gssize) length && fsync (fd) == 0 &&
      (link (tmp_path, path) == 0 || errno == EEXIST))
    ok = TRUE;
  else
    {
      int saved_errno = errno;
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
    }

  close (fd);
  g_unlink (tmp_path);
  return ok;
}

/**
 * xa_audit_key_load:
 *
 * Reads the key that signs the audit chain, making it (32 random bytes, a file only the
 * user can read) when there is none yet.
 *
 * Returns: (transfer full): the key's bytes, or %NULL with @error set
 */
GBytes *
xa_audit_key_load (GError **error)
{
  g_autofree char *path = xa_audit_key_dup_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !create_key (path, &local_error))
    goto failed;

  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    goto failed;

  return parse_key (path, contents, error);

failed:
  {
    g_autofree char *display = g_filename_display_name (path);

    g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_IO,
                 _("Cannot read or create the audit key file “%s”: %s"),
                 display, local_error->message);
    return NULL;
  }
}

/**
 * xa_audit_key_dup_id:
 *
 * Returns: (transfer full): the key's ID, the first hex digits of its SHA-256
 */
char *
xa_audit_key_dup_id (GBytes *key)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize size = 0;
  const guchar *data = g_bytes_get_data (key, &size);

  g_checksum_update (checksum, data, size);
  return g_strndup (g_checksum_get_string (checksum), XA_AUDIT_KEY_ID_SIZE);
}

/* Keys of chains that came from elsewhere (a server, another PC) with `xiaoan-cli
 * migrate`: one file per key, named by its ID, beside the key file. */
static char *
dup_ring_path (const char *key_id)
{
  g_autofree char *key_path = xa_audit_key_dup_path ();
  g_autofree char *ring = g_strconcat (key_path, ".d", NULL);

  return g_build_filename (ring, key_id, NULL);
}

static gboolean
is_key_id (const char *key_id)
{
  if (key_id == NULL || strlen (key_id) != XA_AUDIT_KEY_ID_SIZE)
    return FALSE;

  for (const char *p = key_id; *p != '\0'; p++)
    {
      if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
        return FALSE;
    }

  return TRUE;
}

/**
 * xa_audit_key_lookup:
 * @key_id: the ID an entry names
 *
 * Finds the key with @key_id: this computer's own, or one that came with a migrated
 * chain (xa_audit_key_keep()).
 *
 * Returns: (transfer full) (nullable): the key, or %NULL when this computer does not
 *   hold it
 */
GBytes *
xa_audit_key_lookup (const char *key_id)
{
  g_autoptr(GBytes) own = NULL;
  g_autofree char *own_id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autofree char *kept_id = NULL;

  if (!is_key_id (key_id))
    return NULL;

  own = xa_audit_key_load (NULL);
  if (own != NULL && g_str_equal ((own_id = xa_audit_key_dup_id (own)), key_id))
    return g_steal_pointer (&own);

  path = dup_ring_path (key_id);
  if (!g_file_get_contents (path, &contents, NULL, NULL) ||
      !(kept = parse_key (path, contents, NULL)))
    return NULL;

  /* A file renamed to another key's ID is not that key. */
  kept_id = xa_audit_key_dup_id (kept);
  return g_str_equal (kept_id, key_id) ? g_steal_pointer (&kept) : NULL;
}

/**
 * xa_audit_key_keep:
 * @key: a key that signed entries of a chain this computer now holds
 *
 * Keeps @key beside this computer's own (a file only the user can read), so that the
 * entries it signed verify here.
 */
gboolean
xa_audit_key_keep (GBytes  *key,
                   GError **error)
{
  g_autofree char *key_id = xa_audit_key_dup_id (key);
  g_autofree char *path = dup_ring_path (key_id);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *digits = NULL;
  g_autofree char *hex = NULL;

  if (g_bytes_get_size (key) != XA_AUDIT_KEY_SIZE)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("The audit key %s is not %d bytes long"), key_id, XA_AUDIT_KEY_SIZE);
      return FALSE;
    }

  digits = xa_audit_key_to_hex (key);
  hex = g_strconcat (digits, "\n", NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (path, hex, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_IO,
                     _("Cannot create the folder of the audit keys “%s”"), dir);
      return FALSE;
    }

  return TRUE;
}
