/* xa-plan.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "core/archive/xa-archive.h"
#include "core/store/xa-store.h"

G_BEGIN_DECLS

/* An emergency plan (应急预案, kind "plan") or a safety rule (安全制度, "rule") of a
 * school, kept as an archived file (src/core/archive), with the day it is next due
 * for review. */
typedef struct
{
  char *uuid;
  char *school_uuid;
  char *school_code;
  char *kind;
  char *title;
  char *archive_item_uuid;  /* nullable */
  char *adopted_on;
  char *review_on;
} XaPlan;

#define XA_TYPE_PLAN (xa_plan_get_type ())
GType     xa_plan_get_type (void) G_GNUC_CONST;
XaPlan   *xa_plan_copy     (const XaPlan *self);
void      xa_plan_free     (XaPlan       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaPlan, xa_plan_free)

const char *xa_plan_kind_to_label (const char *kind);
gboolean   xa_plan_validate (const char  *kind,
                             const char  *title,
                             const char  *adopted_on,
                             const char  *review_on,
                             GError     **error);
char      *xa_plan_add      (XaStore     *store,
                             const char  *school_uuid,
                             const char  *kind,
                             const char  *title,
                             const char  *archive_item_uuid,
                             const char  *adopted_on,
                             const char  *review_on,
                             GError     **error);
char      *xa_plan_adopt    (XaArchive   *archive,
                             const char  *school_uuid,
                             const char  *kind,
                             const char  *title,
                             const char  *adopted_on,
                             const char  *review_on,
                             const char  *path,
                             GError     **error);
GPtrArray *xa_plan_list_due (XaStore     *store,
                             const char  *on,
                             GError     **error);
GPtrArray *xa_plan_list_adopted (XaStore     *store,
                                 const char  *on,
                                 GError     **error);
GPtrArray *xa_plan_list     (XaStore     *store,
                             const char  *school_uuid,
                             GError     **error);
gboolean   xa_plan_review   (XaStore     *store,
                             const char  *uuid,
                             const char  *reviewed_on,
                             const char  *next_review_on,
                             GError     **error);

G_END_DECLS
