/* xa-ledger-renderer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-page-layout.h"
#include "core/hazards/xa-hazard.h"

G_BEGIN_DECLS

/* Whose ledger it is, and what its printed forms say besides the hazards. */
typedef struct
{
  const char *school_name;   /* 示例区实验小学 */
  int         school_year;   /* the start year: 2021 for 2021—2022 */
  const char *today;         /* YYYY-MM-DD: the day printed on the forms and the day
                              * overdue is computed for; NULL for the local date */
  const char *preparer;      /* 填表人, or NULL for a blank to sign */
  const char *leader;        /* 分管领导, or NULL for a blank to sign */
} XaLedgerInfo;

XaPageLayout *xa_ledger_layout_new          (GPtrArray           *hazards,
                                             const XaLedgerInfo  *info,
                                             XaFontResolver      *fonts);
XaPageLayout *xa_hazard_notice_layout_new   (XaHazard            *hazard,
                                             const XaLedgerInfo  *info,
                                             XaFontResolver      *fonts);
XaPageLayout *xa_hazard_closing_layout_new  (XaHazard            *hazard,
                                             const XaLedgerInfo  *info,
                                             XaFontResolver      *fonts,
                                             GError             **error);
char         *xa_ledger_dup_file_name       (const XaLedgerInfo  *info);

G_END_DECLS
