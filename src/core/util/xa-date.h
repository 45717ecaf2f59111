/* xa-date.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates are stored as YYYY-MM-DD and times as ISO 8601 with their UTC offset; they are
 * written in documents as 2021年9月1日. */
gboolean  xa_date_parse          (const char *text,
                                  GDate      *date);
char     *xa_date_normalise      (const char *text);
gboolean  xa_date_time_check     (const char *text);
char     *xa_date_today_iso      (void);
char     *xa_date_now_iso8601    (void);
char     *xa_date_format_chinese (const char *iso_date);
char     *xa_date_add_years      (const char *iso_date,
                                  guint       years);

G_END_DECLS
