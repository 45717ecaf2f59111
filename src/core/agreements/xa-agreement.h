/* xa-agreement.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "xa-template.h"
#include "core/util/xa-date.h"

G_BEGIN_DECLS

/* DESIGN.md §3: 草稿 → 待签 → 已签 → 已归档. Stored by key ("draft"), shown by label. */
typedef enum
{
  XA_AGREEMENT_STATE_DRAFT,     /* 草稿: the only state in which the fields change */
  XA_AGREEMENT_STATE_PENDING,   /* 待签: printed for signature; may go back to draft */
  XA_AGREEMENT_STATE_SIGNED,    /* 已签: never changed again; a revision supersedes it */
  XA_AGREEMENT_STATE_ARCHIVED,  /* 已归档: the signed paper is filed */
  XA_N_AGREEMENT_STATES
} XaAgreementState;

#define XA_TYPE_AGREEMENT (xa_agreement_get_type ())

G_DECLARE_FINAL_TYPE (XaAgreement, xa_agreement, XA, AGREEMENT, GObject)

/* One school × one school year, one revision: a snapshot of its row, made by
 * XaAgreementBook. Properties: "uuid", "school-uuid", "school-code", "school-year",
 * "revision", "template-uuid", "template-version", "state", "school-name",
 * "commission-name", "first-responsible", "direct-responsible" (the last four writable;
 * XaAgreementBook saves them while the agreement is a draft), "successor",
 * "handover-date", "supersedes", "superseded-by", "supplements" (a GStrv). */
const char       *xa_agreement_get_uuid               (XaAgreement      *self);
const char       *xa_agreement_get_school_uuid        (XaAgreement      *self);
const char       *xa_agreement_get_school_code        (XaAgreement      *self);
int               xa_agreement_get_school_year        (XaAgreement      *self);
int               xa_agreement_get_revision           (XaAgreement      *self);
const char       *xa_agreement_get_template_uuid      (XaAgreement      *self);
int               xa_agreement_get_template_version   (XaAgreement      *self);
XaAgreementState  xa_agreement_get_state              (XaAgreement      *self);
gboolean          xa_agreement_is_editable            (XaAgreement      *self);
gboolean          xa_agreement_is_current             (XaAgreement      *self);
const char       *xa_agreement_get_supersedes         (XaAgreement      *self);
const char       *xa_agreement_get_superseded_by      (XaAgreement      *self);

const char       *xa_agreement_get_school_name        (XaAgreement      *self);
void              xa_agreement_set_school_name        (XaAgreement      *self,
                                                       const char       *school_name);
const char       *xa_agreement_get_commission_name    (XaAgreement      *self);
void              xa_agreement_set_commission_name    (XaAgreement      *self,
                                                       const char       *commission_name);
const char       *xa_agreement_get_first_responsible  (XaAgreement      *self);
void              xa_agreement_set_first_responsible  (XaAgreement      *self,
                                                       const char       *name);
const char       *xa_agreement_get_direct_responsible (XaAgreement      *self);
void              xa_agreement_set_direct_responsible (XaAgreement      *self,
                                                       const char       *name);
const char       *xa_agreement_get_sign_date          (XaAgreement      *self);
void              xa_agreement_set_sign_date          (XaAgreement      *self,
                                                       const char       *date);

/* The 第一责任人 who took over during the school year, from the registry's role
 * history, and the day (YYYY-MM-DD); both NULL without a succession. */
const char       *xa_agreement_get_successor          (XaAgreement      *self);
const char       *xa_agreement_get_handover_date      (XaAgreement      *self);

/* The school's supplementary clauses (补充条款), printed after the template's text. */
const char * const *xa_agreement_get_supplements      (XaAgreement      *self);
guint             xa_agreement_get_n_supplements      (XaAgreement      *self);
const char       *xa_agreement_get_supplement_uuid    (XaAgreement      *self,
                                                       guint             index);
char             *xa_agreement_dup_revised_supplement_uuid (const char  *uuid);

/* Who (the store's operator) and when (ISO 8601) the agreement reached @state; for
 * %XA_AGREEMENT_STATE_DRAFT, its creation. NULL for a state not reached. */
const char       *xa_agreement_get_step_time          (XaAgreement      *self,
                                                       XaAgreementState  state);
const char       *xa_agreement_get_step_operator      (XaAgreement      *self,
                                                       XaAgreementState  state);

void              xa_agreement_fill_values            (XaAgreement      *self,
                                                       XaTemplate       *template,
                                                       XaTemplateValues *values);

const char       *xa_agreement_state_to_key           (XaAgreementState  state);
gboolean          xa_agreement_state_from_key         (const char       *key,
                                                       XaAgreementState *state);
const char       *xa_agreement_state_to_label         (XaAgreementState  state);
char             *xa_agreement_dup_file_name          (XaAgreement      *self);

G_END_DECLS
