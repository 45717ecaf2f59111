/* xa-education-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"

G_BEGIN_DECLS

#define XA_TYPE_EDUCATION_PAGE (xa_education_page_get_type ())

G_DECLARE_FINAL_TYPE (XaEducationPage, xa_education_page, XA, EDUCATION_PAGE, GtkWidget)

GtkWidget  *xa_education_page_new              (XaWorkspace     *workspace);
void        xa_education_page_set_year         (XaEducationPage *self,
                                                int              school_year);
void        xa_education_page_set_today        (XaEducationPage *self,
                                                const char      *today);
void        xa_education_page_set_school       (XaEducationPage *self,
                                                const char      *school_uuid);
const char *xa_education_page_get_school_uuid  (XaEducationPage *self);
void        xa_education_page_show_view        (XaEducationPage *self,
                                                const char      *name);
GListModel *xa_education_page_get_sessions     (XaEducationPage *self);
GListModel *xa_education_page_get_drills       (XaEducationPage *self);
GListModel *xa_education_page_get_incidents    (XaEducationPage *self);
GListModel *xa_education_page_get_verdicts     (XaEducationPage *self);
gboolean    xa_education_page_get_busy         (XaEducationPage *self);
void        xa_education_page_import_roster    (XaEducationPage *self,
                                                GFile           *file);

G_END_DECLS
