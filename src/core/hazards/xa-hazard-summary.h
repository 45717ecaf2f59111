/* xa-hazard-summary.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-hazard.h"
#include "xa-hazard-book.h"

G_BEGIN_DECLS

/* One school's ledger of one school year, counted: how many hazards it holds, how many
 * are open (not 已销号) and overdue on the summary's day, by category and in all, and
 * how many of them are 重大. */
typedef struct
{
  char  *school_uuid;
  char  *school_code;                          /* 学校标识码 */
  char  *school_name;
  gboolean removed;                            /* the school left the register */
  guint  n_hazards;                            /* every hazard of the year, closed too */
  guint  n_open;
  guint  n_overdue;
  guint  n_major;                              /* 重大, closed too */
  guint  n_major_open;
  guint  n_open_by_category[XA_N_HAZARD_CATEGORIES];
  guint  n_overdue_by_category[XA_N_HAZARD_CATEGORIES];
} XaHazardSchoolCount;

/* An open 重大 hazard as the commission follows it: where, until when, how far along,
 * and whether it was reported to the commission and is under 挂牌督办. */
typedef struct
{
  char          *number;
  char          *school_code;
  char          *school_name;
  char          *place;
  char          *description;
  char          *deadline;                     /* YYYY-MM-DD */
  XaHazardState  state;
  gboolean       overdue;                      /* on the summary's day */
  gboolean       reported;                     /* 已上报区教委 */
  char          *reported_on;                  /* YYYY-MM-DD, or "" */
  gboolean       supervised;                   /* 挂牌督办 */
  char          *supervisor;                   /* 督办单位, or "" */
} XaMajorHazard;

/* The commission's view of one school year: every school the login may read (a school's
 * login reads only its own, on a server), in 学校标识码 order, and the district's sums. */
typedef struct
{
  int         school_year;
  char       *on;                              /* YYYY-MM-DD overdue was judged on */
  GPtrArray  *schools;                         /* of XaHazardSchoolCount */
  GPtrArray  *majors;                          /* of XaMajorHazard: the open ones, the
                                                * overdue first, then by deadline */
  XaHazardSchoolCount total;                   /* every school's counts summed; no names */
} XaHazardSummary;

/* Counts the ledger of @school_year (and only @school_uuid's, when given) in a few
 * aggregate queries, on either engine: the hazards themselves are never read one by
 * one, so that a district's million rows take one pass of the table. Overdue is judged
 * on @on (YYYY-MM-DD; NULL for the local date) as xa_hazard_is_overdue() judges it.
 * A school with no hazard that year is listed with zeros, unless it left the register. */
XaHazardSummary *xa_hazard_summary_read      (XaHazardBook     *book,
                                              int               school_year,
                                              const char       *school_uuid,
                                              const char       *on,
                                              GError          **error);
void             xa_hazard_summary_read_async  (XaHazardBook        *book,
                                                int                  school_year,
                                                const char          *school_uuid,
                                                const char          *on,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
XaHazardSummary *xa_hazard_summary_read_finish (XaHazardBook        *book,
                                                GAsyncResult        *result,
                                                GError             **error);
void             xa_hazard_summary_free      (XaHazardSummary  *summary);

/* The hazards of @school_uuid and @school_year overdue on @on (NULL for today), in
 * deadline order, each with its history: what a supervision notice lists. Blocks. */
GPtrArray       *xa_hazard_summary_read_overdue (XaHazardBook  *book,
                                                 const char    *school_uuid,
                                                 int            school_year,
                                                 const char    *on,
                                                 GError       **error);

/* The summary's school of @school_uuid, or NULL. */
const XaHazardSchoolCount *xa_hazard_summary_find_school (const XaHazardSummary *summary,
                                                          const char            *school_uuid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaHazardSummary, xa_hazard_summary_free)

G_END_DECLS
