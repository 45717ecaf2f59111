/* xa-template-diff.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-template-change.h"
#include "xa-template.h"

G_BEGIN_DECLS

#define XA_TYPE_TEMPLATE_DIFF (xa_template_diff_get_type ())

G_DECLARE_FINAL_TYPE (XaTemplateDiff, xa_template_diff, XA, TEMPLATE_DIFF, GObject)

/* A clause-level comparison of two templates by clause id, itself a GListModel of
 * XaTemplateChange: every clause of either template once, in reading order of the newer
 * one, removed clauses where they stood in the older. */
XaTemplateDiff   *xa_template_diff_new           (XaTemplate            *old_template,
                                                  XaTemplate            *new_template);
XaTemplate       *xa_template_diff_get_old       (XaTemplateDiff        *self);
XaTemplate       *xa_template_diff_get_new       (XaTemplateDiff        *self);
XaTemplateChange *xa_template_diff_find          (XaTemplateDiff        *self,
                                                  const char            *clause_id);
guint             xa_template_diff_count         (XaTemplateDiff        *self,
                                                  XaTemplateChangeFlags  flags);

G_END_DECLS
