/* xa-education-page-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The education section is split by concern: xa-education-page.c (the object, the year's
 * read, the filters and the public API), xa-education-page-rows.c (the rows of the
 * sessions, drills, incidents and veto lists, and what a row opens) and
 * xa-education-page-actions.c (recording, editing, the year's plan and the policies,
 * the roster's import and the year arrows).
 */

#pragma once

#include "xa-education-page.h"
#include "xa-education-summary.h"
#include "xa-governance-view.h"

G_BEGIN_DECLS

struct _XaEducationPage
{
  GtkWidget           parent_instance;

  /* Owned references */
  XaWorkspace        *workspace;
  GListStore         *sessions;   /* XaEducationRecord */
  GtkFilterListModel *shown;      /* the sessions the filters keep */
  GListStore         *drills;     /* XaDrill */
  GListStore         *incidents;  /* XaIncident */
  GListStore         *verdicts;   /* XaVetoVerdict, vetoed or pending */
  GSettings          *settings;
  GCancellable       *cancellable;
  char               *today;

  /* Template widgets */
  GtkDropDown        *audience_filter;
  AdwPreferencesGroup *coverage_group;
  GtkLabel           *drills_label;
  GtkListBox         *drills_list;
  GtkDropDown        *form_filter;
  XaGovernanceView   *governance;
  AdwPreferencesGroup *implementation_group;
  GtkLabel           *incidents_label;
  GtkListBox         *incidents_list;
  AdwPreferencesGroup *missed_group;
  GtkDropDown        *school_dropdown;
  GtkDropDown        *semester_filter;
  GtkLabel           *sessions_label;
  GtkListBox         *sessions_list;
  XaEducationSummary *summary;
  GtkLabel           *veto_label;
  GtkListBox         *veto_list;
  AdwViewStackPage   *veto_page;
  AdwViewStack       *view_stack;
  GtkLabel           *year_label;

  /* State */
  GPtrArray          *missed_rows;
  int                 school_year;
  gboolean            folded;
  gboolean            importing;
};

XaOrganisation *_xa_education_page_get_school          (XaEducationPage *self);
const char     *_xa_education_page_get_school_name     (XaEducationPage *self);
void            _xa_education_page_notify_busy         (XaEducationPage *self);
void            _xa_education_page_bind_lists          (XaEducationPage *self);
void            _xa_education_page_class_add_rows      (GtkWidgetClass  *widget_class);
void            _xa_education_page_class_add_actions   (GtkWidgetClass  *widget_class);
void            _xa_education_page_add_shortcuts       (XaEducationPage *self);

G_END_DECLS
