/* xa-education-record.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define XA_EDUCATION_ERROR (xa_education_error_quark ())

typedef enum
{
  XA_EDUCATION_ERROR_INVALID,    /* a field is wrong; the message names it */
  XA_EDUCATION_ERROR_NOT_FOUND,  /* no such school, record, class or archive item */
  XA_EDUCATION_ERROR_READ,       /* a roster file cannot be read at all */
  XA_EDUCATION_ERROR_REJECTED,   /* a roster file has wrong rows; nothing is imported */
  XA_EDUCATION_ERROR_IN_USE,     /* a roster that records name cannot be replaced */
} XaEducationError;

/* Who a session was for (domain.md §3.5 对象). */
typedef enum
{
  XA_EDUCATION_AUDIENCE_CLASS,    /* 年级·班级 */
  XA_EDUCATION_AUDIENCE_SCHOOL,   /* 全校 (students and staff) */
  XA_EDUCATION_AUDIENCE_STAFF,    /* 教职工 */
  XA_EDUCATION_AUDIENCE_PARENTS,  /* 家长: recorded, never counted in coverage */
  XA_N_EDUCATION_AUDIENCES
} XaEducationAudience;

typedef enum
{
  XA_EDUCATION_FORM_LESSON,           /* 安全课 */
  XA_EDUCATION_FORM_CLASS_MEETING,    /* 主题班会 */
  XA_EDUCATION_FORM_FLAG_SPEECH,      /* 国旗下讲话 */
  XA_EDUCATION_FORM_LECTURE,          /* 专题讲座 */
  XA_EDUCATION_FORM_ONLINE,           /* 平台学习 */
  XA_EDUCATION_FORM_DRILL,            /* 演练 */
  XA_EDUCATION_FORM_PARENTS_MEETING,  /* 家长会 */
  XA_N_EDUCATION_FORMS
} XaEducationForm;

typedef enum
{
  XA_TEACHER_KIND_CLASS_TEACHER,         /* 班主任 */
  XA_TEACHER_KIND_SUBJECT_TEACHER,       /* 任课教师 */
  XA_TEACHER_KIND_LEGAL_VICE_PRINCIPAL,  /* 法治副校长 */
  XA_TEACHER_KIND_LEGAL_COUNSELLOR,      /* 法治辅导员 */
  XA_TEACHER_KIND_GUEST,                 /* 外请人员 */
  XA_N_TEACHER_KINDS
} XaTeacherKind;

GQuark       xa_education_error_quark         (void);
const char  *xa_education_audience_to_key     (XaEducationAudience  audience);
const char  *xa_education_audience_to_label   (XaEducationAudience  audience);
gboolean     xa_education_audience_from_key   (const char          *key,
                                               XaEducationAudience *audience);
const char  *xa_education_form_to_key         (XaEducationForm      form);
const char  *xa_education_form_to_label       (XaEducationForm      form);
gboolean     xa_education_form_from_key       (const char          *key,
                                               XaEducationForm     *form);
const char  *xa_teacher_kind_to_key           (XaTeacherKind        kind);
const char  *xa_teacher_kind_to_label         (XaTeacherKind        kind);
gboolean     xa_teacher_kind_from_key         (const char          *key,
                                               XaTeacherKind       *kind);
/* A topic is a module of the 纲要 (social, health, accident, network, disaster, other)
 * or the key of one of the 15 campaigns (data/inspections/campaigns.json). */
GStrv        xa_education_dup_topic_keys      (void);
char        *xa_education_dup_topic_label     (const char          *key);
gboolean     xa_education_topic_is_known      (const char          *key);

#define XA_TYPE_EDUCATION_RECORD (xa_education_record_get_type ())

G_DECLARE_FINAL_TYPE (XaEducationRecord, xa_education_record, XA, EDUCATION_RECORD, GObject)

/* One session of safety education (安全教育记录). Properties: "uuid", "school-uuid",
 * "school-year", "held-on", "audience-label", "topic-label", "teacher", "hours",
 * "expected", "present"; the rest through the accessors. A make-up session names the
 * session it makes up (makes-up-uuid): its expected are that session's absentees, and
 * its absentees those of them who missed it too. */
XaEducationRecord *xa_education_record_new (void);

const char          *xa_education_record_get_uuid          (XaEducationRecord *self);
const char          *xa_education_record_get_school_uuid   (XaEducationRecord *self);
void                 xa_education_record_set_school_uuid   (XaEducationRecord *self, const char *uuid);
int                  xa_education_record_get_school_year   (XaEducationRecord *self);
void                 xa_education_record_set_school_year   (XaEducationRecord *self, int year);
const char          *xa_education_record_get_held_on       (XaEducationRecord *self);
void                 xa_education_record_set_held_on       (XaEducationRecord *self, const char *date);
guint                xa_education_record_get_semester      (XaEducationRecord *self);
guint                xa_education_record_get_week          (XaEducationRecord *self);
void                 xa_education_record_set_week          (XaEducationRecord *self, guint semester, guint week);
XaEducationAudience  xa_education_record_get_audience      (XaEducationRecord *self);
const char          *xa_education_record_get_grade         (XaEducationRecord *self);
const char          *xa_education_record_get_class_name    (XaEducationRecord *self);
void                 xa_education_record_set_audience      (XaEducationRecord *self, XaEducationAudience audience,
                                                            const char *grade, const char *class_name);
char                *xa_education_record_dup_audience_label (XaEducationRecord *self);
XaEducationForm      xa_education_record_get_form          (XaEducationRecord *self);
void                 xa_education_record_set_form          (XaEducationRecord *self, XaEducationForm form);
const char          *xa_education_record_get_topic         (XaEducationRecord *self);
void                 xa_education_record_set_topic         (XaEducationRecord *self, const char *key);
const char          *xa_education_record_get_title         (XaEducationRecord *self);
void                 xa_education_record_set_title         (XaEducationRecord *self, const char *title);
const char          *xa_education_record_get_teacher       (XaEducationRecord *self);
XaTeacherKind        xa_education_record_get_teacher_kind  (XaEducationRecord *self);
void                 xa_education_record_set_teacher       (XaEducationRecord *self, const char *name, XaTeacherKind kind);
guint                xa_education_record_get_hours         (XaEducationRecord *self);
void                 xa_education_record_set_hours         (XaEducationRecord *self, guint hours);
guint                xa_education_record_get_expected      (XaEducationRecord *self);
guint                xa_education_record_get_present       (XaEducationRecord *self);
void                 xa_education_record_set_attendance    (XaEducationRecord *self, guint expected, guint present);
const char          *xa_education_record_get_makes_up_uuid (XaEducationRecord *self);
void                 xa_education_record_set_makes_up_uuid (XaEducationRecord *self, const char *uuid);
const char * const  *xa_education_record_get_absentees     (XaEducationRecord *self);
void                 xa_education_record_set_absentees     (XaEducationRecord *self, const char * const *names);
const char * const  *xa_education_record_get_evidence      (XaEducationRecord *self);
void                 xa_education_record_set_evidence      (XaEducationRecord *self, const char * const *archive_uuids);
const char          *xa_education_record_get_notes         (XaEducationRecord *self);
void                 xa_education_record_set_notes         (XaEducationRecord *self, const char *notes);
const char          *xa_education_record_get_recorded_by   (XaEducationRecord *self);

G_END_DECLS
