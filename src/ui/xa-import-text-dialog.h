/* xa-import-text-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/agreements/xa-template-library.h"

G_BEGIN_DECLS

#define XA_TYPE_IMPORT_TEXT_DIALOG (xa_import_text_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XaImportTextDialog, xa_import_text_dialog, XA, IMPORT_TEXT_DIALOG, AdwWindow)

/* Properties: "template" (the one recognised from the text, or NULL), "saved" (the
 * template once stored). */
XaImportTextDialog *xa_import_text_dialog_new          (XaTemplateLibrary  *library,
                                                        int                 school_year);
void                xa_import_text_dialog_set_text     (XaImportTextDialog *self,
                                                        const char         *text);
XaTemplate         *xa_import_text_dialog_get_template (XaImportTextDialog *self);
XaTemplate         *xa_import_text_dialog_get_saved    (XaImportTextDialog *self);

G_END_DECLS
