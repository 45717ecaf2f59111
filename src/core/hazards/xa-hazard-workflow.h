/* xa-hazard-workflow.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-hazard.h"

G_BEGIN_DECLS

/* The steps of the closed loop 排查、记录、整改、复查、销号 (reference/domain.md §3.1):
 *
 *   待整改 ──start──▶ 整改中 ──complete──▶ 待复查 ──pass──▶ 待复查 (合格) ──close──▶ 已销号
 *                       ▲                     │
 *                       └────────fail─────────┘
 */
typedef enum
{
  XA_HAZARD_STEP_START,     /* 开始整改: 待整改 → 整改中 */
  XA_HAZARD_STEP_COMPLETE,  /* 报告整改完成: 整改中 → 待复查; sets the completion date and notes */
  XA_HAZARD_STEP_PASS,      /* 复查合格: 待复查 stays, the result becomes 合格 */
  XA_HAZARD_STEP_FAIL,      /* 复查不合格: 待复查 → 整改中, the attempt kept in the history */
  XA_HAZARD_STEP_CLOSE,     /* 销号: 待复查 with a passed re-inspection → 已销号 */
  XA_N_HAZARD_STEPS
} XaHazardStep;

/* What a person gives with a step. */
typedef struct
{
  const char *who;   /* required: who takes the step (the re-inspector for pass and fail) */
  const char *date;  /* YYYY-MM-DD: the completion, re-inspection or closing date, which
                      * those steps require; optional for start */
  const char *at;    /* ISO 8601 time the step is recorded; NULL for now */
  const char *note;  /* completion notes; why a re-inspection failed (required); or NULL */
} XaHazardStepInput;

/* One line of a hazard's timeline: a step taken, never changed or removed afterwards. */
typedef struct
{
  XaHazardStep   step;
  XaHazardState  from;
  XaHazardState  to;
  char          *who;
  char          *at;    /* ISO 8601 */
  char          *date;  /* YYYY-MM-DD or NULL */
  char          *note;  /* or NULL */
} XaHazardEntry;

XaHazardEntry       *xa_hazard_entry_new             (void);
XaHazardEntry       *xa_hazard_entry_ref             (XaHazardEntry       *entry);
void                 xa_hazard_entry_free            (XaHazardEntry       *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaHazardEntry, xa_hazard_entry_free)

gboolean             xa_hazard_can_step              (XaHazard                *self,
                                                      XaHazardStep             step);
gboolean             xa_hazard_check_step            (XaHazard                *self,
                                                      XaHazardStep             step,
                                                      const XaHazardStepInput *input,
                                                      GError                 **error);
gboolean             xa_hazard_apply_step            (XaHazard                *self,
                                                      XaHazardStep             step,
                                                      const XaHazardStepInput *input,
                                                      GError                 **error);

guint                xa_hazard_get_n_entries         (XaHazard                *self);
const XaHazardEntry *xa_hazard_get_entry             (XaHazard                *self,
                                                      guint                    index);

gboolean             xa_hazard_check_closed          (XaHazard                *self,
                                                      GError                 **error);
gboolean             xa_hazard_is_overdue            (XaHazard                *self,
                                                      const GDate             *on);

const char          *xa_hazard_step_to_key           (XaHazardStep             step);
gboolean             xa_hazard_step_from_key         (const char              *key,
                                                      XaHazardStep            *step);
const char          *xa_hazard_step_to_label         (XaHazardStep             step);

/* Default deadlines by grade. reference/domain.md gives no number of days: §3.1 defines
 * a 一般 hazard as one "发现后能够立即整改排除" and a 重大 one as needing "一定时间整改治理",
 * and §3.2 row 14 allows 立即 or 限期. A week and a month are our defaults, for the
 * commission to change (0 days: the day it was found, 立即). */
#define XA_HAZARD_DEFAULT_DAYS_GENERAL 7
#define XA_HAZARD_DEFAULT_DAYS_MAJOR   30
#define XA_HAZARD_MAX_DEADLINE_DAYS    366

typedef struct
{
  guint deadline_days[XA_N_HAZARD_GRADES];
} XaHazardSettings;

void                 xa_hazard_settings_init         (XaHazardSettings        *settings);
gboolean             xa_hazard_settings_set_days     (XaHazardSettings        *settings,
                                                      XaHazardGrade            grade,
                                                      guint                    days,
                                                      GError                 **error);
char                *xa_hazard_settings_dup_deadline (const XaHazardSettings  *settings,
                                                      XaHazardGrade            grade,
                                                      const char              *found_on);

G_END_DECLS
