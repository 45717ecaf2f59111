/* xa-education-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-education-book.h"
#include "xa-education-record.h"
#include "core/store/xa-store.h"

G_BEGIN_DECLS

struct _XaEducationRecord
{
  GObject              parent_instance;

  char                *uuid;
  char                *school_uuid;
  int                  school_year;
  char                *held_on;
  guint                semester;
  guint                week;
  XaEducationAudience  audience;
  char                *grade;
  char                *class_name;
  XaEducationForm      form;
  char                *topic;
  char                *title;
  char                *teacher;
  XaTeacherKind        teacher_kind;
  guint                hours;
  guint                expected;
  guint                present;
  char                *makes_up_uuid;
  char               **absentees;
  char               **evidence;
  char                *notes;
  char                *recorded_by;
  char                *recorded_at;
};

gboolean _xa_education_find_school (XaStore     *store,
                                    const char  *school_uuid,
                                    gint64      *organisation_id,
                                    GError     **error);

gboolean _xa_education_validate      (XaEducationRecord   *record,
                                     GError             **error);
gboolean _xa_education_resolve_attendance (XaStore            *store,
                                           XaEducationRecord  *record,
                                           gint64              organisation_id,
                                           gint64             *makes_up_id,
                                           GArray             *absent,
                                           GError            **error);
gboolean _xa_education_insert_absences (XaStore           *store,
                                        gint64             record_id,
                                        GArray            *absent,
                                        GError           **error);
gboolean _xa_education_write_policy (XaStore                  *store,
                                     const XaEducationPolicy  *policy,
                                     GError                  **error);
gboolean _xa_education_insert_evidence (XaStore           *store,
                                     const char          *uuid,
                                     const char * const  *evidence,
                                     GError             **error);

G_END_DECLS
