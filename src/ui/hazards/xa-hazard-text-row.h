/* xa-hazard-text-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XA_TYPE_HAZARD_TEXT_ROW (xa_hazard_text_row_get_type ())

G_DECLARE_FINAL_TYPE (XaHazardTextRow, xa_hazard_text_row, XA, HAZARD_TEXT_ROW, AdwPreferencesRow)

GtkWidget  *xa_hazard_text_row_new      (const char      *title);
char       *xa_hazard_text_row_dup_text (XaHazardTextRow *self);
void        xa_hazard_text_row_set_text (XaHazardTextRow *self,
                                         const char      *text);
GtkTextView *xa_hazard_text_row_get_view (XaHazardTextRow *self);

G_END_DECLS
