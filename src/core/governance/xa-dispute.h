/* xa-dispute.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "core/store/xa-store.h"

G_BEGIN_DECLS

/* 排查 → 化解中 → 已化解, or 上报 to a higher level from 排查 or 化解中; a dispute
 * reported may still be resolved there. 已化解 is final. */
typedef enum
{
  XA_DISPUTE_SCREENED,
  XA_DISPUTE_RESOLVING,
  XA_DISPUTE_RESOLVED,
  XA_DISPUTE_REPORTED,
} XaDisputeState;

const char *xa_dispute_state_to_key   (XaDisputeState  state);
gboolean    xa_dispute_state_from_key (const char     *key,
                                       XaDisputeState *state);
const char *xa_dispute_state_to_label (XaDisputeState  state);
gboolean    xa_dispute_kind_is_valid  (const char     *kind);
const char *xa_dispute_kind_to_label  (const char     *kind);

#define XA_TYPE_DISPUTE (xa_dispute_get_type ())
G_DECLARE_FINAL_TYPE (XaDispute, xa_dispute, XA, DISPUTE, GObject)

const char     *xa_dispute_get_uuid         (XaDispute *self);
const char     *xa_dispute_get_school_uuid  (XaDispute *self);
const char     *xa_dispute_get_school_code  (XaDispute *self);
const char     *xa_dispute_get_school_name  (XaDispute *self);
int             xa_dispute_get_school_year  (XaDispute *self);
const char     *xa_dispute_get_round_uuid   (XaDispute *self);
const char     *xa_dispute_get_found_on     (XaDispute *self);
const char     *xa_dispute_get_parties      (XaDispute *self);
const char     *xa_dispute_get_kind         (XaDispute *self);
const char     *xa_dispute_get_description  (XaDispute *self);
const char     *xa_dispute_get_measures     (XaDispute *self);
const char     *xa_dispute_get_responsible  (XaDispute *self);
XaDisputeState  xa_dispute_get_state        (XaDispute *self);
const char     *xa_dispute_get_resolved_on  (XaDispute *self);
gboolean        xa_dispute_get_escalated    (XaDispute *self);
const char     *xa_dispute_get_escalated_on (XaDispute *self);

/* The commission's judgement of the petition a dispute led to. */
typedef enum
{
  XA_DISPUTE_INFLUENCE_UNJUDGED,
  XA_DISPUTE_INFLUENCE_NONE,
  XA_DISPUTE_INFLUENCE_BAD,
} XaDisputeInfluence;

XaDisputeInfluence xa_dispute_get_influence (XaDispute *self);
const char     *xa_dispute_get_judged_at    (XaDispute *self);
const char     *xa_dispute_get_judged_by    (XaDispute *self);

/* A screening round (排查): when, who, what it covered. */
typedef struct
{
  const char *school_uuid;
  int         school_year;
  const char *held_on;   /* YYYY-MM-DD */
  const char *held_by;
  const char *scope;
} XaDisputeRoundFields;

/* A dispute found: the parties as roles (“家长—班主任”), never names. */
typedef struct
{
  const char *school_uuid;
  int         school_year;
  const char *round_uuid;   /* nullable */
  const char *found_on;
  const char *parties;
  const char *kind;         /* family-school, student, staff, neighbour, contract, other */
  const char *description;
  const char *measures;     /* nullable */
  const char *responsible;
} XaDisputeFields;

char       *xa_dispute_add_round     (XaStore                    *store,
                                      const XaDisputeRoundFields *fields,
                                      GError                    **error);
XaDispute  *xa_dispute_add           (XaStore                    *store,
                                      const XaDisputeFields      *fields,
                                      GError                    **error);
gboolean    xa_dispute_advance       (XaStore                    *store,
                                      const char                 *uuid,
                                      XaDisputeState              to,
                                      const char                 *on,
                                      const char                 *measures,
                                      GError                    **error);
gboolean    xa_dispute_set_escalated (XaStore                    *store,
                                      const char                 *uuid,
                                      const char                 *on,
                                      GError                    **error);
gboolean    xa_dispute_step          (XaStore                    *store,
                                      const char                 *uuid,
                                      gboolean                    advance,
                                      XaDisputeState              to,
                                      const char                 *on,
                                      const char                 *measures,
                                      const char                 *escalated_on,
                                      GError                    **error);
gboolean    xa_dispute_judge_influence (XaStore                  *store,
                                        const char               *uuid,
                                        gboolean                  bad_influence,
                                        GError                  **error);
GPtrArray  *xa_dispute_list          (XaStore                    *store,
                                      const char                 *school_uuid,
                                      int                         school_year,
                                      GError                    **error);

/* A dispute that led to 越级上访 (a petition over the heads of the school and the
 * district), as the veto test (V-rules of domain.md §2.3) reads it. */
typedef struct
{
  char *school_uuid;
  char *school_code;
  char *school_name;
  char *date;          /* the day of the petition, YYYY-MM-DD */
  char *dispute_uuid;
  char *reason;        /* one line: “矛盾纠纷（家长—班主任）引发越级上访” */
  gboolean judged;         /* whether the commission judged the petition's influence */
  gboolean bad_influence;  /* what it found: a bad influence (造成恶劣影响) */
} XaDisputeEscalation;

#define XA_TYPE_DISPUTE_ESCALATION (xa_dispute_escalation_get_type ())
GType                xa_dispute_escalation_get_type (void) G_GNUC_CONST;
XaDisputeEscalation *xa_dispute_escalation_copy     (const XaDisputeEscalation *self);
void                 xa_dispute_escalation_free     (XaDisputeEscalation       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaDisputeEscalation, xa_dispute_escalation_free)

GPtrArray  *xa_dispute_list_escalations (XaStore  *store,
                                         int       school_year,
                                         GError  **error);

G_END_DECLS
