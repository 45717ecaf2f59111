/* xa-key-person-note-form.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xa-register-form.h"

G_BEGIN_DECLS

#define XA_TYPE_KEY_PERSON_NOTE_FORM (xa_key_person_note_form_get_type ())

G_DECLARE_FINAL_TYPE (XaKeyPersonNoteForm, xa_key_person_note_form, XA, KEY_PERSON_NOTE_FORM, XaRegisterForm)

GtkWidget *xa_key_person_note_form_new (XaWorkspace *workspace,
                                  const char  *school_uuid,
                                  int          school_year,
                                  const char  *subject_uuid,
                                  const char  *today);

G_END_DECLS
