/* xa-duty-roster.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "core/store/xa-store.h"

G_BEGIN_DECLS

/* One day's duty (值班带班) of a school: the leader on duty (带班领导) and who keeps
 * the 24-hour watch (值班人员), one shift a day. */
typedef struct
{
  char *uuid;
  char *school_uuid;
  char *school_code;
  char *duty_on;    /* YYYY-MM-DD */
  char *leader;
  char *on_duty;
  char *notes;
} XaDutyShift;

typedef struct
{
  const char *school_uuid;
  const char *duty_on;
  const char *leader;
  const char *on_duty;
  const char *notes;     /* nullable */
} XaDutyShiftFields;

#define XA_TYPE_DUTY_SHIFT (xa_duty_shift_get_type ())
GType        xa_duty_shift_get_type (void) G_GNUC_CONST;
XaDutyShift *xa_duty_shift_copy     (const XaDutyShift *self);
void         xa_duty_shift_free     (XaDutyShift       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaDutyShift, xa_duty_shift_free)

XaDutyShift *xa_duty_add      (XaStore                 *store,
                               const XaDutyShiftFields *fields,
                               GError                 **error);
GPtrArray   *xa_duty_list     (XaStore                 *store,
                               const char              *school_uuid,
                               const char              *from,
                               const char              *to,
                               GError                 **error);
GStrv        xa_duty_uncovered (XaStore                *store,
                                const char             *school_uuid,
                                const char             *from,
                                const char             *to,
                                GError                **error);
GStrv        xa_duty_uncovered_in_year (XaStore        *store,
                                        const char     *school_uuid,
                                        int             school_year,
                                        const char     *until,
                                        GError        **error);

G_END_DECLS
