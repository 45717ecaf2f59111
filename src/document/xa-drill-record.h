/* xa-drill-record.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-page-layout.h"
#include "core/education/xa-drill.h"

G_BEGIN_DECLS

XaPageLayout *xa_drill_record_layout_new    (XaDrill         *drill,
                                             XaFontResolver  *fonts);
char         *xa_drill_record_dup_file_name (XaDrill         *drill);

G_END_DECLS
