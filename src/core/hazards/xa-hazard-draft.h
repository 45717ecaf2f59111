/* xa-hazard-draft.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-hazard.h"

G_BEGIN_DECLS

#define XA_HAZARD_DRAFT_ERROR (xa_hazard_draft_error_quark ())

typedef enum
{
  XA_HAZARD_DRAFT_ERROR_FILE,     /* the draft file cannot be read, written or removed */
  XA_HAZARD_DRAFT_ERROR_INVALID,  /* the file is not a draft this version reads */
} XaHazardDraftError;

/* How long after the last edit the draft is written: an edit typed in a burst is
 * written once, and at most this much typing is lost when the app dies. */
#define XA_HAZARD_DRAFT_DELAY_MS 800

#define XA_TYPE_HAZARD_DRAFT (xa_hazard_draft_get_type ())

G_DECLARE_FINAL_TYPE (XaHazardDraft, xa_hazard_draft, XA, HAZARD_DRAFT, GObject)

GQuark         xa_hazard_draft_error_quark     (void);
char          *xa_hazard_draft_dup_path_for    (const char     *location);
XaHazardDraft *xa_hazard_draft_new             (const char     *path);
const char    *xa_hazard_draft_get_path        (XaHazardDraft  *self);
gboolean       xa_hazard_draft_get_pending     (XaHazardDraft  *self);

void           xa_hazard_draft_schedule        (XaHazardDraft  *self,
                                                XaHazard       *hazard);
gboolean       xa_hazard_draft_flush           (XaHazardDraft  *self,
                                                GError        **error);
XaHazard      *xa_hazard_draft_load            (XaHazardDraft  *self,
                                                char          **saved_at,
                                                GError        **error);
gboolean       xa_hazard_draft_discard         (XaHazardDraft  *self,
                                                GError        **error);

G_END_DECLS
