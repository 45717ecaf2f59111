/* xa-key-person-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"

G_BEGIN_DECLS

#define XA_TYPE_KEY_PERSON_WINDOW (xa_key_person_window_get_type ())

G_DECLARE_FINAL_TYPE (XaKeyPersonWindow, xa_key_person_window, XA, KEY_PERSON_WINDOW, AdwWindow)

GtkWidget *xa_key_person_window_new            (XaWorkspace       *workspace,
                                                const char        *school_uuid,
                                                int                school_year,
                                                const char        *today);
gboolean   xa_key_person_window_get_busy       (XaKeyPersonWindow *self);
gboolean   xa_key_person_window_get_restricted (XaKeyPersonWindow *self);
void       xa_key_person_window_open_file      (XaKeyPersonWindow *self,
                                                const char        *uuid);
char      *xa_key_person_window_dup_text       (XaKeyPersonWindow *self);

G_END_DECLS
