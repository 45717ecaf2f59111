/* xa-drill-book.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-drill.h"
#include "xa-education-book.h"
#include "core/hazards/xa-inspection-book.h"

G_BEGIN_DECLS

#define XA_DRILL_BOOK_ERROR (xa_drill_book_error_quark ())

typedef enum
{
  XA_DRILL_BOOK_ERROR_INVALID,    /* a field that breaks a rule: the message names it */
  XA_DRILL_BOOK_ERROR_NOT_FOUND,  /* the school, the drill or its problem is not there */
  XA_DRILL_BOOK_ERROR_LINKED,     /* the problem is a hazard already */
} XaDrillBookError;

/* The district's drill rules (教基一厅〔2014〕2号): how many months a primary or secondary
 * school, and a kindergarten, may go without a drill (monthly and quarterly by default:
 * 1 and 3; 1, 2, 3, 4 or 6), and the target evacuation time of each (about 2 minutes for
 * a school of four storeys or fewer, 3 for the youngest: 120 and 180 s by default, 10 to
 * 3600 s). The commission sets them in the store; every school reads them. */
typedef struct
{
  guint school_months;
  guint kindergarten_months;
  guint school_target_seconds;
  guint kindergarten_target_seconds;
} XaDrillPolicy;

void        xa_drill_policy_init       (XaDrillPolicy *policy);
gboolean    xa_drill_policy_validate   (const XaDrillPolicy *policy,
                                        GError       **error);

/* A period of a school year in which a drill is expected (a month of term or a quarter)
 * and how many were held in it; @open while it has not ended (on the day the check is
 * made), missed when it has ended with @n_drills 0. */
typedef struct
{
  char     *first_day;
  char     *last_day;
  char     *label;      /* 2026年9月, 2026年9月—11月 */
  guint     n_drills;
  gboolean  open;
} XaDrillPeriod;

#define xa_drill_period_is_missed(period) ((period)->n_drills == 0 && !(period)->open)

void        xa_drill_period_free       (XaDrillPeriod *period);
GPtrArray  *xa_drill_check_frequency   (XaSchoolCalendar *calendar,
                                        guint             months,
                                        GPtrArray        *drills,
                                        const char       *today);

/* What an edit changes (xa_drill_book_edit()): 0 (@kind), -1 (a number) or %NULL
 * leaves a field as recorded; @new_problems are added after those recorded. */
typedef struct
{
  const char          *held_on;
  XaDrillKind          kind;
  const char          *kind_other;
  const char          *organiser;
  int                  participants;
  int                  evacuation_seconds;
  int                  target_seconds;
  const char          *improvements;
  const char * const  *new_problems;
} XaDrillEdit;

#define XA_DRILL_EDIT_INIT { NULL, 0, NULL, NULL, -1, -1, -1, NULL, NULL }

#define XA_TYPE_DRILL_BOOK (xa_drill_book_get_type ())

G_DECLARE_FINAL_TYPE (XaDrillBook, xa_drill_book, XA, DRILL_BOOK, GObject)

/* The drills of an installation, on either engine (schema 18): each save one
 * transaction with its audit entry, noted under "drill"; on a server a school's login
 * reads and writes only its own. */
GQuark       xa_drill_book_error_quark      (void);
XaDrillBook *xa_drill_book_new              (XaInspectionBook    *inspections);

XaDrill     *xa_drill_book_add              (XaDrillBook         *self,
                                             const XaDrillFields *fields,
                                             GError             **error);
GPtrArray   *xa_drill_book_list             (XaDrillBook         *self,
                                             const char          *school_uuid,
                                             int                  school_year,
                                             GError             **error);
XaDrill     *xa_drill_book_edit             (XaDrillBook         *self,
                                             const char          *uuid,
                                             const XaDrillEdit   *changes,
                                             GError             **error);
XaDrill     *xa_drill_book_dup_drill        (XaDrillBook         *self,
                                             const char          *uuid,
                                             GError             **error);
gboolean     xa_drill_book_record_hazard    (XaDrillBook         *self,
                                             const char          *drill_uuid,
                                             guint                index,
                                             XaHazard            *hazard,
                                             GError             **error);
XaDrill     *xa_drill_book_dup_hazard_source (XaDrillBook        *self,
                                             const char          *hazard_uuid,
                                             guint               *index,
                                             GError             **error);
XaHazard    *xa_drill_new_hazard            (XaDrill             *drill,
                                             guint                index);
GPtrArray   *xa_drill_book_check_school     (XaDrillBook         *self,
                                             const char          *school_uuid,
                                             int                  school_year,
                                             const char          *today,
                                             guint               *months,
                                             GError             **error);
gboolean     xa_drill_book_read_policy      (XaDrillBook         *self,
                                             XaDrillPolicy       *policy,
                                             GError             **error);
gboolean     xa_drill_book_save_policy      (XaDrillBook         *self,
                                             const XaDrillPolicy *policy,
                                             GError             **error);
gboolean     xa_drill_book_save_policies    (XaDrillBook              *self,
                                             const XaDrillPolicy      *drill,
                                             const XaEducationPolicy  *education,
                                             GError                  **error);

G_END_DECLS
