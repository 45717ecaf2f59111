/* xa-scheme-book.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The assessment schemes in the store's `assessment_scheme` table (schema 21): one row
 * per school year and version, the scheme as JSON. A version an assessment has used
 * (a school's self-assessment or the commission's record names it) is never changed:
 * saving over it makes the next version.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-scheme-book.h"
#include "xa-assessment-book-private.h"
#include "core/util/xa-date.h"
#include "core/util/xa-json.h"

struct _XaSchemeBook
{
  GObject  parent_instance;

  XaStore *store;
};

G_DEFINE_QUARK (xa-scheme-book-error-quark, xa_scheme_book_error)

G_DEFINE_FINAL_TYPE (XaSchemeBook, xa_scheme_book, G_TYPE_OBJECT)

static void
xa_scheme_book_dispose (GObject *object)
{
  XaSchemeBook *self = XA_SCHEME_BOOK (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (xa_scheme_book_parent_class)->dispose (object);
}

static void
xa_scheme_book_class_init (XaSchemeBookClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xa_scheme_book_dispose;
}

static void
xa_scheme_book_init (XaSchemeBook *self)
{
}

/**
 * xa_scheme_book_new:
 *
 * Returns: (transfer full): the schemes of @store
 */
XaSchemeBook *
xa_scheme_book_new (XaStore *store)
{
  XaSchemeBook *self;

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  self = g_object_new (XA_TYPE_SCHEME_BOOK, NULL);
  self->store = g_object_ref (store);
  return self;
}

/**
 * xa_scheme_book_get_store:
 *
 * Returns: (transfer none): the store
 */
XaStore *
xa_scheme_book_get_store (XaSchemeBook *self)
{
  g_return_val_if_fail (XA_IS_SCHEME_BOOK (self), NULL);
  return self->store;
}

/* Reading */

gboolean
_xa_scheme_book_read (XaStore   *store,
                      int        school_year,
                      guint      version,
                      XaScheme **scheme,
                      GError   **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  *scheme = NULL;
  if (!(stmt = xa_store_prepare (store,
                                 "SELECT version, body FROM assessment_scheme WHERE school_year = ?"
                                 " AND (? = 0 OR version = ?) ORDER BY version DESC LIMIT 1",
                                 error)))
    return FALSE;
  xa_statement_bind_int (stmt, 1, school_year);
  xa_statement_bind_int (stmt, 2, (int) version);
  xa_statement_bind_int (stmt, 3, (int) version);
  if ((step = xa_statement_step (stmt, error)) == XA_STEP_ERROR)
    return FALSE;
  if (step == XA_STEP_ROW)
    {
      if (!(*scheme = xa_scheme_new_from_data (xa_statement_get_text (stmt, 1), -1, error)))
        return FALSE;
      xa_scheme_set_version (*scheme, (guint) xa_statement_get_int (stmt, 0));
    }
  return TRUE;
}

typedef struct
{
  int       school_year;
  guint     version;     /* 0: the newest */
  XaScheme *scheme;      /* out */
  GArray   *versions;    /* out, when listing */
} Read;

static gboolean
read_cb (XaStore   *store,
         gpointer   user_data,
         GError   **error)
{
  Read *read = user_data;

  if (read->versions != NULL)
    {
      g_autoptr(XaStatement) stmt = NULL;
      XaStep step;

      if (!(stmt = xa_store_prepare (store, "SELECT version FROM assessment_scheme WHERE school_year = ? ORDER BY version",
                                     error)))
        return FALSE;
      xa_statement_bind_int (stmt, 1, read->school_year);
      while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
        {
          guint version = (guint) xa_statement_get_int (stmt, 0);

          g_array_append_val (read->versions, version);
        }
      return step == XA_STEP_DONE;
    }

  return _xa_scheme_book_read (store, read->school_year, read->version, &read->scheme, error);
}

/**
 * xa_scheme_book_dup_current:
 *
 * Returns: (transfer full): the newest stored version of the year's scheme, or the
 *   default for the year (version 0) when none is stored; %NULL with @error set when the
 *   store cannot be read
 */
XaScheme *
xa_scheme_book_dup_current (XaSchemeBook  *self,
                            int            school_year,
                            GError       **error)
{
  Read read = { school_year, 0, NULL, NULL };

  g_return_val_if_fail (XA_IS_SCHEME_BOOK (self), NULL);

  if (!xa_store_read (self->store, read_cb, &read, error))
    return NULL;
  return read.scheme != NULL ? read.scheme : xa_scheme_new_default (school_year);
}

/**
 * xa_scheme_book_dup_version:
 *
 * Returns: (transfer full): that version of the year's scheme, or %NULL with @error set
 *   (%XA_SCHEME_BOOK_ERROR_NOT_FOUND when there is none)
 */
XaScheme *
xa_scheme_book_dup_version (XaSchemeBook  *self,
                            int            school_year,
                            guint          version,
                            GError       **error)
{
  Read read = { school_year, version, NULL, NULL };

  g_return_val_if_fail (XA_IS_SCHEME_BOOK (self), NULL);
  g_return_val_if_fail (version > 0, NULL);

  if (!xa_store_read (self->store, read_cb, &read, error))
    return NULL;
  if (read.scheme == NULL)
    g_set_error (error, XA_SCHEME_BOOK_ERROR, XA_SCHEME_BOOK_ERROR_NOT_FOUND,
                 _("The school year %d has no assessment scheme of version %u"), school_year, version);
  return read.scheme;
}

/**
 * xa_scheme_book_list_versions:
 *
 * Returns: (transfer full) (element-type guint): the year's stored versions, oldest
 *   first, or %NULL with @error set
 */
GArray *
xa_scheme_book_list_versions (XaSchemeBook  *self,
                              int            school_year,
                              GError       **error)
{
  g_autoptr(GArray) versions = g_array_new (FALSE, FALSE, sizeof (guint));
  Read read = { school_year, 0, NULL, versions };

  g_return_val_if_fail (XA_IS_SCHEME_BOOK (self), NULL);

  if (!xa_store_read (self->store, read_cb, &read, error))
    return NULL;
  return g_steal_pointer (&versions);
}

static gboolean
is_used (XaStore  *store,
         int       school_year,
         guint     version,
         gboolean *used,
         GError  **error)
{
  g_autoptr(XaStatement) stmt = NULL;

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT (SELECT count(*) FROM assessment WHERE school_year = ? AND scheme_version = ?)"
                                 " + (SELECT count(*) FROM assessment_self WHERE school_year = ? AND scheme_version = ?)",
                                 error)))
    return FALSE;
  xa_statement_bind_int (stmt, 1, school_year);
  xa_statement_bind_int (stmt, 2, (int) version);
  xa_statement_bind_int (stmt, 3, school_year);
  xa_statement_bind_int (stmt, 4, (int) version);
  if (!xa_statement_step_one (stmt, error))
    return FALSE;
  *used = xa_statement_get_int64 (stmt, 0) > 0;
  return TRUE;
}

typedef struct
{
  int       school_year;
  guint     version;
  gboolean *used;
} Used;

static gboolean
used_cb (XaStore   *store,
         gpointer   user_data,
         GError   **error)
{
  Used *data = user_data;

  return is_used (store, data->school_year, data->version, data->used, error);
}

/**
 * xa_scheme_book_is_used:
 * @used: (out): whether an assessment (self or the commission's) names that version
 *
 * On a school's login, only its own self-assessment is seen.
 */
gboolean
xa_scheme_book_is_used (XaSchemeBook  *self,
                        int            school_year,
                        guint          version,
                        gboolean      *used,
                        GError       **error)
{
  Used data = { school_year, version, used };

  g_return_val_if_fail (XA_IS_SCHEME_BOOK (self), FALSE);
  g_return_val_if_fail (used != NULL, FALSE);

  return xa_store_read (self->store, used_cb, &data, error);
}

/* Writing */

typedef struct
{
  XaScheme *scheme;
  gboolean  only_if_new;  /* copying: refuse a year that has a scheme */
  guint     version;      /* out */
} Save;

/* Inside a write: the scheme stored as the year's newest version, replacing it when no
 * assessment used it. Shared by saving and copying. */
static gboolean
save_cb (XaStore   *store,
         gpointer   user_data,
         GError   **error)
{
  Save *save = user_data;
  int year = xa_scheme_get_school_year (save->scheme);
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *body = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *version_text = NULL;
  g_autofree char *year_text = g_strdup_printf ("%d", year);
  guint newest = 0;
  gboolean used = FALSE;
  XaStep step;

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT uuid, version FROM assessment_scheme WHERE school_year = ? ORDER BY version DESC LIMIT 1",
                                 error)))
    return FALSE;
  xa_statement_bind_int (stmt, 1, year);
  if ((step = xa_statement_step (stmt, error)) == XA_STEP_ERROR)
    return FALSE;
  if (step == XA_STEP_ROW)
    {
      uuid = g_strdup (xa_statement_get_text (stmt, 0));
      newest = (guint) xa_statement_get_int (stmt, 1);
    }
  g_clear_pointer (&stmt, xa_statement_free);

  if (newest > 0 && save->only_if_new)
    {
      g_set_error (error, XA_SCHEME_BOOK_ERROR, XA_SCHEME_BOOK_ERROR_EXISTS,
                   _("The school year %d has an assessment scheme already"), year);
      return FALSE;
    }
  if (newest > 0 && !is_used (store, year, newest, &used, error))
    return FALSE;

  if (newest > 0 && !used)
    {
      save->version = newest;
      xa_scheme_set_version (save->scheme, save->version);
      body = xa_scheme_to_data (save->scheme, NULL);
      if (!(stmt = xa_store_prepare (store, "UPDATE assessment_scheme SET body = ?, saved_at = ?, saved_by = ? WHERE uuid = ?",
                                     error)))
        return FALSE;
      xa_statement_bind_text (stmt, 1, body);
      xa_statement_bind_text (stmt, 2, now);
      xa_statement_bind_text (stmt, 3, xa_store_get_operator (store));
      xa_statement_bind_text (stmt, 4, uuid);
    }
  else
    {
      save->version = newest + 1;
      xa_scheme_set_version (save->scheme, save->version);
      body = xa_scheme_to_data (save->scheme, NULL);
      g_free (uuid);
      uuid = xa_store_new_uuid ();
      if (!(stmt = xa_store_prepare (store,
                                     "INSERT INTO assessment_scheme (uuid, school_year, version, body, saved_at, saved_by)"
                                     " VALUES (?, ?, ?, ?, ?, ?)",
                                     error)))
        return FALSE;
      xa_statement_bind_text (stmt, 1, uuid);
      xa_statement_bind_int (stmt, 2, year);
      xa_statement_bind_int (stmt, 3, (int) save->version);
      xa_statement_bind_text (stmt, 4, body);
      xa_statement_bind_text (stmt, 5, now);
      xa_statement_bind_text (stmt, 6, xa_store_get_operator (store));
    }
  if (!xa_statement_run (stmt, error))
    return FALSE;

  version_text = g_strdup_printf ("%u", save->version);
  detail = xa_json_dup_strings_object ("school_year", year_text, "version", version_text, "scheme", body, NULL);
  if (!xa_store_append_audit (store, newest > 0 && !used ? "assessment.scheme.update" : "assessment.scheme.add",
                              "assessment_scheme", uuid, detail, error))
    return FALSE;
  xa_store_note_change (store, "assessment", uuid);
  return TRUE;
}

static gboolean
validate (XaScheme  *scheme,
          GError   **error)
{
  g_autoptr(GError) local_error = NULL;

  if (xa_scheme_validate (scheme, &local_error))
    return TRUE;
  g_set_error_literal (error, XA_SCHEME_BOOK_ERROR, XA_SCHEME_BOOK_ERROR_INVALID, local_error->message);
  return FALSE;
}

/**
 * xa_scheme_book_save:
 * @scheme: saved for its school year; its version is set to the one saved
 *
 * Returns: the version saved, or 0 with @error set
 */
guint
xa_scheme_book_save (XaSchemeBook  *self,
                     XaScheme      *scheme,
                     GError       **error)
{
  Save save = { scheme, FALSE, 0 };

  g_return_val_if_fail (XA_IS_SCHEME_BOOK (self), 0);
  g_return_val_if_fail (XA_IS_SCHEME (scheme), 0);

  if (!validate (scheme, error) || !xa_store_write (self->store, save_cb, &save, error))
    return 0;
  return save.version;
}

/**
 * xa_scheme_book_copy_year:
 *
 * Copies the newest scheme of @from_year (the default when it has none) to @to_year.
 *
 * Returns: (transfer full): the copy as saved, or %NULL with @error set
 *   (%XA_SCHEME_BOOK_ERROR_EXISTS when @to_year has a scheme and not @replace)
 */
XaScheme *
xa_scheme_book_copy_year (XaSchemeBook  *self,
                          int            from_year,
                          int            to_year,
                          gboolean       replace,
                          GError       **error)
{
  g_autoptr(XaScheme) source = NULL;
  g_autoptr(XaScheme) copy = NULL;
  Save save = { NULL, !replace, 0 };

  g_return_val_if_fail (XA_IS_SCHEME_BOOK (self), NULL);

  if (!(source = xa_scheme_book_dup_current (self, from_year, error)))
    return NULL;
  copy = xa_scheme_copy_to_year (source, to_year);
  save.scheme = copy;
  if (!validate (copy, error) || !xa_store_write (self->store, save_cb, &save, error))
    return NULL;
  return g_steal_pointer (&copy);
}

gboolean
_xa_scheme_book_ensure_stored (XaStore  *store,
                               int       school_year,
                               guint    *version,
                               GError  **error)
{
  g_autoptr(XaScheme) scheme = NULL;
  Save save = { NULL, TRUE, 0 };

  if (!_xa_scheme_book_read (store, school_year, 0, &scheme, error))
    return FALSE;
  if (scheme != NULL)
    {
      *version = xa_scheme_get_version (scheme);
      return TRUE;
    }
  scheme = xa_scheme_new_default (school_year);
  save.scheme = scheme;
  if (!save_cb (store, &save, error))
    return FALSE;
  *version = save.version;
  return TRUE;
}
