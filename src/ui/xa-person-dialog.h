/* xa-person-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/registry/xa-school-registry.h"

G_BEGIN_DECLS

#define XA_TYPE_PERSON_DIALOG (xa_person_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XaPersonDialog, xa_person_dialog, XA, PERSON_DIALOG, AdwMessageDialog)

XaPersonDialog *xa_person_dialog_new        (GtkWindow      *parent,
                                             XaPerson       *person);
XaPerson       *xa_person_dialog_get_person (XaPersonDialog *self);
XaPerson       *xa_person_dialog_dup_person (XaPersonDialog *self,
                                             const char     *organisation_uuid);
void            xa_person_dialog_apply      (XaPersonDialog *self,
                                             XaPerson       *person);

void            xa_person_dialog_show_signature (XaPersonDialog   *self,
                                                 XaSchoolRegistry *registry);

G_END_DECLS
