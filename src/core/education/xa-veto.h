/* xa-veto.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "xa-incident.h"

G_BEGIN_DECLS

/* The 一票否决 grounds of domain.md §2.3. */
typedef enum
{
  XA_VETO_GROUND_NONE = 0,
  XA_VETO_GROUND_V1,   /* a responsibility accident, or one of 较大 or worse (八杜绝) */
  XA_VETO_GROUND_V2,   /* a 较大 public-security responsibility case, or one with a bad influence */
  XA_VETO_GROUND_V3,   /* a petition (越级 or 集体) with a bad influence */
  XA_VETO_GROUND_V4,   /* an accident concealed, lied about or left unreported */
} XaVetoGround;

/* What one incident or escalation does to its school's year. */
typedef enum
{
  XA_VETO_STATE_CLEAR = 0,   /* no veto (a deduction may still apply: H, B1, B6) */
  XA_VETO_STATE_PENDING,     /* a veto if the pending finding goes against the school */
  XA_VETO_STATE_VETOED,      /* 一票否决 */
} XaVetoState;

/* The seam for disputes (矛盾纠纷排查化解台账, the `governance` helper's register): a
 * dispute that led to 越级上访 is handed to the veto test as one of these, without the
 * veto test knowing the register. @judged says whether the commission has judged its
 * influence; @bad_influence what it found. @source_uuid names the dispute. */
typedef struct
{
  const char *school_uuid;
  const char *school_code;
  const char *school_name;
  const char *occurred_on;
  const char *summary;
  const char *source_uuid;
  gboolean    judged;
  gboolean    bad_influence;
} XaVetoEscalation;

#define XA_TYPE_VETO_VERDICT (xa_veto_verdict_get_type ())

G_DECLARE_FINAL_TYPE (XaVetoVerdict, xa_veto_verdict, XA, VETO_VERDICT, GObject)

/* Properties (read-only, for list rows): "school-uuid", "school-code", "school-name",
 * "state" (int, XaVetoState), "state-label", "reasons-text". */
const char         *xa_veto_verdict_get_school_uuid (XaVetoVerdict    *self);
const char         *xa_veto_verdict_get_school_code (XaVetoVerdict    *self);
const char         *xa_veto_verdict_get_school_name (XaVetoVerdict    *self);
XaVetoState         xa_veto_verdict_get_state       (XaVetoVerdict    *self);
guint               xa_veto_verdict_get_n_reasons   (XaVetoVerdict    *self);
XaVetoState         xa_veto_verdict_get_reason_state (XaVetoVerdict   *self,
                                                     guint             index);
XaVetoGround        xa_veto_verdict_get_reason_ground (XaVetoVerdict  *self,
                                                     guint             index);
const char         *xa_veto_verdict_get_reason_text (XaVetoVerdict    *self,
                                                     guint             index);
const char         *xa_veto_verdict_get_reason_source (XaVetoVerdict  *self,
                                                     guint             index);

XaVetoState         xa_veto_judge_incident          (XaIncident       *incident,
                                                     XaVetoGround     *ground,
                                                     char            **reason);
GPtrArray          *xa_veto_judge                   (GPtrArray        *incidents,
                                                     const XaVetoEscalation *escalations,
                                                     guint             n_escalations);

const char         *xa_veto_ground_to_key           (XaVetoGround      ground);
const char         *xa_veto_state_to_key            (XaVetoState       state);
const char         *xa_veto_state_to_label          (XaVetoState       state);

G_END_DECLS
