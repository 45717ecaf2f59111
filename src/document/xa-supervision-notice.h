/* xa-supervision-notice.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-page-layout.h"
#include "core/hazards/xa-hazard.h"

G_BEGIN_DECLS

#define XA_SUPERVISION_NOTICE_ERROR (xa_supervision_notice_error_quark ())

typedef enum
{
  XA_SUPERVISION_NOTICE_ERROR_NOTHING_OVERDUE,  /* the school has no overdue hazard that day */
} XaSupervisionNoticeError;

/* Days a school is given to rectify when the notice names no day. */
#define XA_SUPERVISION_NOTICE_DEFAULT_DAYS 15

/* Who sends the notice to whom, and when. */
typedef struct
{
  const char *commission_name;  /* 示例区教育委员会; NULL for XA_DOCUMENT_SUPERVISION_COMMISSION */
  const char *school_name;
  int         school_year;      /* the start year: 2021 for 2021—2022 */
  const char *on;               /* YYYY-MM-DD: the day overdue is judged on and the notice
                                 * dated; NULL for the local date */
  const char *rectify_by;       /* YYYY-MM-DD to rectify by; NULL for
                                 * XA_SUPERVISION_NOTICE_DEFAULT_DAYS after @on */
} XaSupervisionInfo;

GQuark        xa_supervision_notice_error_quark     (void);
XaPageLayout *xa_supervision_notice_layout_new      (GPtrArray                *hazards,
                                                     const XaSupervisionInfo  *info,
                                                     XaFontResolver           *fonts,
                                                     GError                  **error);
char         *xa_supervision_notice_dup_file_name   (const XaSupervisionInfo  *info);

G_END_DECLS
