/* xa-governance-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checks the 综治 registers share (xa-governance-private.h).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-governance-private.h"

gint64
_xa_governance_school_id (XaStore     *store,
                          const char  *school_uuid,
                          GError     **error)
{
  g_autoptr(XaStatement) row = NULL;

  if (!(row = xa_store_prepare (store, "SELECT id FROM organisation WHERE uuid = ? AND kind = 'school'", error)))
    return 0;
  xa_statement_bind_text (row, 1, school_uuid ? school_uuid : "");
  switch (xa_statement_step (row, error))
    {
    case XA_STEP_ROW:
      return xa_statement_get_int64 (row, 0);
    case XA_STEP_DONE:
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_FOUND, _("School: there is no such school"));
      return 0;
    case XA_STEP_ERROR:
    default:
      return 0;
    }
}

/* The table name is one of ours, never the user's. */
gint64
_xa_governance_row_id (XaStore     *store,
                       const char  *table,
                       const char  *uuid,
                       gint64       school_id,
                       GError     **error)
{
  g_autoptr(XaStatement) row = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ? AND organisation_id = ?", table);

  if (!(row = xa_store_prepare (store, sql, error)))
    return 0;
  xa_statement_bind_text (row, 1, uuid);
  xa_statement_bind_int64 (row, 2, school_id);
  switch (xa_statement_step (row, error))
    {
    case XA_STEP_ROW:
      return xa_statement_get_int64 (row, 0);
    case XA_STEP_DONE:
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_FOUND,
                   _("There is no record %s of this school"), uuid);
      return 0;
    case XA_STEP_ERROR:
    default:
      return 0;
    }
}

gboolean
_xa_governance_check_date (const char  *date,
                           const char  *field,
                           GError     **error)
{
  g_autofree char *normal = date ? xa_date_normalise (date) : NULL;

  if (normal != NULL && g_strcmp0 (normal, date) == 0)
    return TRUE;
  g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
               _("%s: “%s” is not a date written YYYY-MM-DD"), field, date ? date : "");
  return FALSE;
}

/* A day and a time of day, YYYY-MM-DD HH:MM, as the visitor register writes it. */
gboolean
_xa_governance_check_time (const char  *time,
                           const char  *field,
                           GError     **error)
{
  g_autofree char *day = time && strlen (time) == 16 ? g_strndup (time, 10) : NULL;
  g_autofree char *normal = day ? xa_date_normalise (day) : NULL;

  if (normal != NULL && g_strcmp0 (normal, day) == 0 && time[10] == ' ' &&
      g_ascii_isdigit (time[11]) && g_ascii_isdigit (time[12]) && time[13] == ':' &&
      g_ascii_isdigit (time[14]) && g_ascii_isdigit (time[15]) &&
      (time[11] - '0') * 10 + (time[12] - '0') < 24 && (time[14] - '0') * 10 + (time[15] - '0') < 60)
    return TRUE;
  g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
               _("%s: “%s” is not a time written YYYY-MM-DD HH:MM"), field, time ? time : "");
  return FALSE;
}

gboolean
_xa_governance_check_text (const char  *text,
                           guint        max_chars,
                           const char  *field,
                           GError     **error)
{
  glong length = text ? g_utf8_strlen (text, -1) : 0;

  if (text != NULL && g_utf8_validate (text, -1, NULL) && length >= 1 && length <= (glong) max_chars)
    return TRUE;
  if (length == 0)
    g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID, _("%s: required"), field);
  else
    g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                 _("%s: longer than %u characters"), field, max_chars);
  return FALSE;
}

gboolean
_xa_governance_check_year (int          school_year,
                           GError     **error)
{
  if (school_year >= 1990 && school_year <= 2200)
    return TRUE;
  g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
               _("School year: %d is not a year between 1990 and 2200"), school_year);
  return FALSE;
}

/* An optional filter written "(CAST (? AS TEXT) IS NULL OR column = ?)": @value, or
 * %NULL for none, bound to the placeholders @first and @first + 1. */
void
_xa_governance_bind_optional (XaStatement *statement,
                              int          first,
                              const char  *value)
{
  xa_statement_bind_text_or_null (statement, first, value);
  xa_statement_bind_text_or_null (statement, first + 1, value);
}
