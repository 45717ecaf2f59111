/* xa-template-change.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-clause.h"

G_BEGIN_DECLS

/* One run of a character-level comparison. */
typedef enum
{
  XA_DIFF_EQUAL,
  XA_DIFF_DELETED,
  XA_DIFF_INSERTED,
} XaDiffOp;

typedef struct
{
  XaDiffOp  op;
  char     *text;   /* UTF-8, never empty */
} XaDiffSegment;

#define XA_TYPE_DIFF_SEGMENT (xa_diff_segment_get_type ())

GType          xa_diff_segment_get_type (void) G_GNUC_CONST;
XaDiffSegment *xa_diff_segment_new      (XaDiffOp             op,
                                         const char          *text);
XaDiffSegment *xa_diff_segment_copy     (const XaDiffSegment *segment);
void           xa_diff_segment_free     (XaDiffSegment       *segment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaDiffSegment, xa_diff_segment_free)

/* What happened to one clause between two templates. NONE is an unchanged clause: a
 * comparison lists every clause, so that a view can show the whole text in order. */
typedef enum
{
  XA_TEMPLATE_CHANGE_NONE     = 0,
  XA_TEMPLATE_CHANGE_ADDED    = 1 << 0,
  XA_TEMPLATE_CHANGE_REMOVED  = 1 << 1,
  XA_TEMPLATE_CHANGE_NUMBER   = 1 << 2,
  XA_TEMPLATE_CHANGE_HEADING  = 1 << 3,
  XA_TEMPLATE_CHANGE_TEXT     = 1 << 4,
  XA_TEMPLATE_CHANGE_MOVED    = 1 << 5,
  XA_TEMPLATE_CHANGE_KIND     = 1 << 6,
} XaTemplateChangeFlags;

#define XA_TEMPLATE_CHANGE_CHANGED \
  (XA_TEMPLATE_CHANGE_NUMBER | XA_TEMPLATE_CHANGE_HEADING | XA_TEMPLATE_CHANGE_TEXT | XA_TEMPLATE_CHANGE_KIND)

#define XA_TYPE_TEMPLATE_CHANGE (xa_template_change_get_type ())

G_DECLARE_FINAL_TYPE (XaTemplateChange, xa_template_change, XA, TEMPLATE_CHANGE, GObject)

XaTemplateChange      *xa_template_change_new                  (XaClause              *old_clause,
                                                                XaClause              *new_clause,
                                                                XaTemplateChangeFlags  flags,
                                                                guint                  depth);
const char            *xa_template_change_get_clause_id        (XaTemplateChange      *self);
XaClauseKind           xa_template_change_get_kind             (XaTemplateChange      *self);
XaTemplateChangeFlags  xa_template_change_get_flags            (XaTemplateChange      *self);
guint                  xa_template_change_get_depth            (XaTemplateChange      *self);
gboolean               xa_template_change_is_supplement        (XaTemplateChange      *self);
XaClause              *xa_template_change_get_old_clause       (XaTemplateChange      *self);
XaClause              *xa_template_change_get_new_clause       (XaTemplateChange      *self);
GPtrArray             *xa_template_change_get_heading_segments (XaTemplateChange      *self);
GPtrArray             *xa_template_change_get_text_segments    (XaTemplateChange      *self);

GPtrArray             *xa_text_diff                            (const char            *old_text,
                                                                const char            *new_text);

G_END_DECLS
