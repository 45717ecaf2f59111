/* xa-education-classes.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-education-book.h"

G_BEGIN_DECLS

/* One class of a school's roster of a year, as the app offers it for a session's
 * audience: its people counted (the excluded left out) and whether it names them. */
typedef struct
{
  char     *grade;
  char     *class_name;
  guint     headcount;
  gboolean  named;
} XaRosterClass;

void       xa_roster_class_free                (XaRosterClass     *roster_class);

GPtrArray *xa_education_book_list_classes      (XaEducationBook   *self,
                                                const char        *school_uuid,
                                                int                school_year,
                                                GError           **error);
GStrv      xa_education_book_dup_roster_names  (XaEducationBook   *self,
                                                const char        *school_uuid,
                                                int                school_year,
                                                XaEducationAudience audience,
                                                const char        *grade,
                                                const char        *class_name,
                                                GError           **error);

G_END_DECLS
