/* xa-register-form.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"
#include "xa-record-window.h"

G_BEGIN_DECLS

#define XA_TYPE_REGISTER_FORM (xa_register_form_get_type ())

G_DECLARE_DERIVABLE_TYPE (XaRegisterForm, xa_register_form, XA, REGISTER_FORM, XaRecordWindow)

struct _XaRegisterFormClass
{
  XaRecordWindowClass parent_class;
};

/* The constructor every register form has: the school and year it records for, and the
 * record it acts on (a dispute, a device, a key person), if any. */
typedef GtkWidget *(*XaRegisterFormNew) (XaWorkspace *workspace,
                                         const char  *school_uuid,
                                         int          school_year,
                                         const char  *subject_uuid,
                                         const char  *today);

gpointer     xa_register_form_new_of_type  (GType            type,
                                            XaWorkspace     *workspace,
                                            const char      *school_uuid,
                                            int              school_year,
                                            const char      *subject_uuid,
                                            const char      *today);
void         xa_register_form_class_set_template (GtkWidgetClass *widget_class,
                                                 const char     *resource_path);
void         xa_register_form_ready        (XaRegisterForm  *self,
                                            const char      *unsaved,
                                            GtkWidget       *focus);
XaStore     *xa_register_form_get_store    (XaRegisterForm  *self);
const char  *xa_register_form_get_school   (XaRegisterForm  *self);
int          xa_register_form_get_year     (XaRegisterForm  *self);
const char  *xa_register_form_get_subject  (XaRegisterForm  *self);
const char  *xa_register_form_get_today    (XaRegisterForm  *self);
void         xa_register_form_changed      (XaRegisterForm  *self);

/* Reading the fields as the core takes them. */
typedef const char *(*XaFormLabelFunc) (const char *key);

char        *xa_form_dup_date     (AdwEntryRow         *row);
const char  *xa_form_get_text     (gpointer             editable);
const char  *xa_form_get_optional (gpointer             editable);
void         xa_form_set_choices  (AdwComboRow         *row,
                                   const char * const  *keys,
                                   XaFormLabelFunc      to_label);
const char  *xa_form_get_choice   (AdwComboRow         *row,
                                   const char * const  *keys);

G_END_DECLS
