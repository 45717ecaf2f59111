/* xa-education-book.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/store/xa-store.h"
#include "xa-education-record.h"

G_BEGIN_DECLS

/* The coverage target of the agreement: 受教育面 ≥ 99.5 %. */
#define XA_EDUCATION_TARGET_PERMILLE 995

/* The district's settings (education_policy): minimum hours a year per 学段, how many
 * sessions make a person educated, the 法治副校长's yearly lessons. */
typedef struct
{
  guint min_hours_preschool;
  guint min_hours_primary;
  guint min_hours_junior;
  guint min_hours_senior;
  guint min_hours_vocational;
  guint min_hours_special;
  guint required_sessions;
  guint legal_lessons;
} XaEducationPolicy;

void     xa_education_policy_init     (XaEducationPolicy        *policy);
gboolean xa_education_policy_validate (const XaEducationPolicy  *policy,
                                       GError                  **error);

/* One class (or the staff list) short of full coverage. */
typedef struct
{
  char    *label;        /* 七年级(3)班, or 教职工 */
  guint    population;   /* people counted (the excluded left out) */
  guint    educated;
  gboolean estimated;    /* a class kept by counts only: the educated are estimated */
  GStrv    missing;      /* the names not educated, where the roster has names */
} XaEducationShortfall;

/* Coverage and 四落实 of a school's year. Per-student names (shortfall->missing) are
 * for the school and the commission, never for district reports. */
typedef struct
{
  guint      population;
  guint      educated;
  guint64    expected;     /* Σ 应到 of the sessions that count */
  guint64    present;      /* Σ 实到, make-ups included */
  GPtrArray *shortfall;    /* (element-type XaEducationShortfall) by class */
  GStrv      unrostered;   /* classes with sessions and no roster */
  /* 四落实 */
  gboolean   has_plan;
  gboolean   has_materials;
  gboolean   has_teachers;
  guint      hours;        /* the fewest hours any rostered class had */
  guint      min_hours;    /* the 学段 minimum that applies */
  guint      legal_lessons;
  guint      legal_minimum;
} XaEducationCoverage;

void     xa_education_coverage_free          (XaEducationCoverage *coverage);
double   xa_education_coverage_get_rate      (const XaEducationCoverage *coverage);
double   xa_education_coverage_get_weighted  (const XaEducationCoverage *coverage);
gboolean xa_education_coverage_meets_target  (const XaEducationCoverage *coverage);
gboolean xa_education_coverage_weighted_meets_target (const XaEducationCoverage *coverage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaEducationCoverage, xa_education_coverage_free)

#define XA_TYPE_EDUCATION_BOOK (xa_education_book_get_type ())

G_DECLARE_FINAL_TYPE (XaEducationBook, xa_education_book, XA, EDUCATION_BOOK, GObject)

XaEducationBook   *xa_education_book_new          (XaStore            *store);
XaStore           *xa_education_book_get_store    (XaEducationBook    *self);

XaEducationRecord *xa_education_book_add          (XaEducationBook    *self,
                                                   XaEducationRecord  *record,
                                                   GError            **error);
GPtrArray         *xa_education_book_list         (XaEducationBook    *self,
                                                   const char         *school_uuid,
                                                   int                 school_year,
                                                   GError            **error);
XaEducationRecord *xa_education_book_update       (XaEducationBook    *self,
                                                   XaEducationRecord  *record,
                                                   GError            **error);
XaEducationRecord *xa_education_book_dup_record   (XaEducationBook    *self,
                                                   const char         *uuid,
                                                   GError            **error);
GPtrArray         *xa_education_book_list_make_ups (XaEducationBook   *self,
                                                   const char         *uuid,
                                                   GError            **error);

/* Rosters (xa-education-roster.c): a file with the columns 年级, 班级 and 姓名 (学号
 * and 不计入原因 optional), or 年级, 班级 and 人数 where a school keeps counts only;
 * staff rows have 年级 教职工 and no 班级. The school's roster of the year is replaced
 * all or nothing; @problems are "FILE:LINE: reason". */
gboolean           xa_education_book_import_roster (XaEducationBook   *self,
                                                    const char        *school_uuid,
                                                    int                school_year,
                                                    GFile             *file,
                                                    GPtrArray        **problems,
                                                    GCancellable      *cancellable,
                                                    GError           **error);

gboolean           xa_education_book_read_policy  (XaEducationBook          *self,
                                                   XaEducationPolicy        *policy,
                                                   GError                  **error);
gboolean           xa_education_book_save_policy  (XaEducationBook          *self,
                                                   const XaEducationPolicy  *policy,
                                                   GError                  **error);
gboolean           xa_education_book_read_plan    (XaEducationBook          *self,
                                                   const char               *school_uuid,
                                                   int                       school_year,
                                                   char                    **plan,
                                                   char                    **materials,
                                                   GError                  **error);
gboolean           xa_education_book_set_plan     (XaEducationBook          *self,
                                                   const char               *school_uuid,
                                                   int                       school_year,
                                                   const char               *plan,
                                                   const char               *materials,
                                                   GError                  **error);

XaEducationCoverage *xa_education_book_compute_coverage (XaEducationBook  *self,
                                                         const char       *school_uuid,
                                                         int               school_year,
                                                         GError          **error);

G_END_DECLS
