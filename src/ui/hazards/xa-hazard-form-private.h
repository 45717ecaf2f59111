/* xa-hazard-form-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the two files of the hazard form share: xa-hazard-form.c has the object, its
 * callbacks and its API; xa-hazard-form-fields.c moves values between the hazard and
 * the widgets and shows a refusal at its field.
 */

#pragma once

#include "xa-hazard-form.h"

G_BEGIN_DECLS

/* The years offered besides the hazard's own: the current one, three before, one after. */
#define YEARS_BEFORE 3
#define YEARS_AFTER  1

/* A placeholder for checking a hazard not stored yet, which the book gives its own. */
#define CHECK_UUID "00000000-0000-4000-8000-000000000000"

struct _XaHazardForm
{
  GtkWidget             parent_instance;

  /* Owned references */
  XaHazardBook         *book;
  XaSchoolRegistry     *registry;
  XaHazardDraft        *draft;
  XaHazard             *base;          /* what the form started from: a new hazard or a stored one */
  GSettings            *settings;
  GCancellable         *cancellable;
  GArray               *years;         /* of int, the newest first, as year_row lists them */
  char                 *school_uuid;
  GtkWidget            *error_row;     /* the message under the wrong field, when shown */
  XaHazardSettings      deadlines;

  /* Template widgets */
  GtkWidget            *category_row;
  GtkWidget            *completed_on_row;
  GtkWidget            *completion_notes_row;
  GtkWidget            *deadline_row;
  GtkWidget            *department_row;
  GtkWidget            *description_row;
  GtkWidget            *found_by_row;
  GtkWidget            *found_on_row;
  GtkWidget            *funds_row;
  GtkWidget            *funds_source_row;
  GtkWidget            *grade_row;
  AdwPreferencesGroup  *major_group;
  GtkWidget            *measures_row;
  GtkWidget            *place_row;
  GtkLabel             *problem_label;
  AdwPreferencesGroup  *progress_group;
  GtkWidget            *reinspected_on_row;
  GtkWidget            *reinspector_row;
  GtkWidget            *remarks_row;
  GtkWidget            *reported_on_row;
  GtkWidget            *reported_row;
  GtkWidget            *responsible_row;
  GtkSwitch            *reported_switch;
  GtkWidget            *school_arrow;
  GtkWidget            *school_row;
  GtkScrolledWindow    *scroller;
  GtkWidget            *supervised_row;
  GtkSwitch            *supervised_switch;
  GtkWidget            *supervisor_row;
  GtkWidget            *temporary_measures_row;
  GtkLabel             *title_label;
  GtkWidget            *type_row;
  GtkStringList        *year_labels;
  GtkWidget            *year_row;

  /* State */
  GtkWidget            *rows[XA_HAZARD_FIELD_NONE];  /* the widget of each column on the form */
  guint64               touched;                     /* 1 << field for each column typed in */
  XaHazardField         error_field;
  guint                 loading;
  guint                 dirty : 1;
  guint                 show_all : 1;                /* a save was tried: every error shows */
  guint                 deadline_typed : 1;
  guint                 year_chosen : 1;
  guint                 picking : 1;
};

#define BIT(field) (G_GUINT64_CONSTANT (1) << (field))

char     *_xa_hazard_form_dup_widget_text    (GtkWidget     *widget);
void      _xa_hazard_form_set_widget_text    (GtkWidget     *widget,
                                              const char    *text);
void      _xa_hazard_form_apply_form         (XaHazardForm  *self,
                                              XaHazard      *hazard);
void      _xa_hazard_form_fill_years         (XaHazardForm  *self,
                                              int            year);
void      _xa_hazard_form_select_year        (XaHazardForm  *self,
                                              int            year);
void      _xa_hazard_form_update_school_row  (XaHazardForm  *self);
void      _xa_hazard_form_update_major_group (XaHazardForm  *self);
void      _xa_hazard_form_clear_error        (XaHazardForm  *self);
void      _xa_hazard_form_show_error         (XaHazardForm  *self,
                                              XaHazardField  field,
                                              const char    *message);
XaHazard *_xa_hazard_form_dup_checkable      (XaHazardForm  *self);
gboolean  _xa_hazard_form_validate           (XaHazardForm  *self);

G_END_DECLS
