/* xa-school-calendar-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/hazards/xa-inspection-book.h"

G_BEGIN_DECLS

#define XA_TYPE_SCHOOL_CALENDAR_EDITOR (xa_school_calendar_editor_get_type ())

G_DECLARE_FINAL_TYPE (XaSchoolCalendarEditor, xa_school_calendar_editor, XA, SCHOOL_CALENDAR_EDITOR, AdwWindow)

GtkWidget *xa_school_calendar_editor_new       (XaInspectionBook       *book,
                                                int                     school_year,
                                                gboolean                editable);
int        xa_school_calendar_editor_get_year  (XaSchoolCalendarEditor *self);
gboolean   xa_school_calendar_editor_get_dirty (XaSchoolCalendarEditor *self);

G_END_DECLS
