/* xa-template-diff.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-agreement.h"
#include "xa-template-change.h"
#include "xa-template.h"

G_BEGIN_DECLS

#define XA_TYPE_TEMPLATE_DIFF (xa_template_diff_get_type ())

G_DECLARE_FINAL_TYPE (XaTemplateDiff, xa_template_diff, XA, TEMPLATE_DIFF, GObject)

/* A clause-level comparison of two templates by clause id, itself a GListModel of
 * XaTemplateChange: every clause of either template once, in reading order of the newer
 * one, removed clauses where they stood in the older. Made for agreements, it compares
 * what the school signs: after the template's clauses, the school's supplementary
 * clauses, each change of them marked as the school's. */
XaTemplateDiff   *xa_template_diff_new                (XaTemplate            *old_template,
                                                       XaTemplate            *new_template);
XaTemplateDiff   *xa_template_diff_new_for_agreements (XaTemplate            *old_template,
                                                       XaAgreement           *old_agreement,
                                                       XaTemplate            *new_template,
                                                       XaAgreement           *new_agreement);
XaTemplate       *xa_template_diff_get_old            (XaTemplateDiff        *self);
XaTemplate       *xa_template_diff_get_new            (XaTemplateDiff        *self);
XaAgreement      *xa_template_diff_get_old_agreement  (XaTemplateDiff        *self);
XaAgreement      *xa_template_diff_get_new_agreement  (XaTemplateDiff        *self);
XaTemplateChange *xa_template_diff_find               (XaTemplateDiff        *self,
                                                       const char            *clause_id);
guint             xa_template_diff_count              (XaTemplateDiff        *self,
                                                       XaTemplateChangeFlags  flags);
guint             xa_template_diff_count_supplements  (XaTemplateDiff        *self,
                                                       XaTemplateChangeFlags  flags);

G_END_DECLS
