/* xa-inspection-record.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-page-layout.h"
#include "core/hazards/xa-inspection.h"

G_BEGIN_DECLS

XaPageLayout *xa_inspection_record_layout_new     (XaInspection    *inspection,
                                                   const char      *school_name,
                                                   XaFontResolver  *fonts);
char         *xa_inspection_record_dup_file_name  (XaInspection    *inspection,
                                                   const char      *school_name);

G_END_DECLS
