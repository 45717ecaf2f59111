/* xa-school-year.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define XA_SCHOOL_YEAR_ERROR (xa_school_year_error_quark ())

typedef enum
{
  XA_SCHOOL_YEAR_ERROR_INVALID,
} XaSchoolYearError;

GQuark    xa_school_year_error_quark  (void);

/* A 学年度 runs from 1 September to 31 August and is keyed by its start year. */
char     *xa_school_year_format       (int          start_year,
                                       gboolean     legacy_hyphen);
char     *xa_school_year_format_span  (int          start_year);
gboolean  xa_school_year_parse        (const char  *text,
                                       int         *start_year,
                                       GError     **error);
int       xa_school_year_for_date     (GDate       *date);

G_END_DECLS
