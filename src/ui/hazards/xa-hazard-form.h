/* xa-hazard-form.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/hazards/xa-hazard-book.h"
#include "core/hazards/xa-hazard-draft.h"

G_BEGIN_DECLS

#define XA_TYPE_HAZARD_FORM (xa_hazard_form_get_type ())

G_DECLARE_FINAL_TYPE (XaHazardForm, xa_hazard_form, XA, HAZARD_FORM, GtkWidget)

GtkWidget *xa_hazard_form_new          (void);
void       xa_hazard_form_set_book     (XaHazardForm           *self,
                                        XaHazardBook           *book,
                                        XaSchoolRegistry       *registry,
                                        XaHazardDraft          *draft);
void       xa_hazard_form_set_settings (XaHazardForm           *self,
                                        const XaHazardSettings *settings);
void       xa_hazard_form_start_new    (XaHazardForm           *self,
                                        const char             *school_uuid);
void       xa_hazard_form_edit         (XaHazardForm           *self,
                                        XaHazard               *hazard);
void       xa_hazard_form_restore      (XaHazardForm           *self,
                                        XaHazard               *draft);
XaHazard  *xa_hazard_form_dup_hazard   (XaHazardForm           *self);
gboolean   xa_hazard_form_get_dirty    (XaHazardForm           *self);
gboolean   xa_hazard_form_get_is_new   (XaHazardForm           *self);
gboolean   xa_hazard_form_save         (XaHazardForm           *self,
                                        GError                **error);
void       xa_hazard_form_discard      (XaHazardForm           *self);
GtkWidget *xa_hazard_form_get_field_widget (XaHazardForm       *self,
                                            XaHazardField       field);
XaHazardField xa_hazard_form_get_error_field (XaHazardForm     *self);

G_END_DECLS
