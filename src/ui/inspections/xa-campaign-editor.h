/* xa-campaign-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xa-campaign-attachment-list.h"
#include "core/hazards/xa-inspection-book.h"

G_BEGIN_DECLS

#define XA_TYPE_CAMPAIGN_EDITOR (xa_campaign_editor_get_type ())

G_DECLARE_FINAL_TYPE (XaCampaignEditor, xa_campaign_editor, XA, CAMPAIGN_EDITOR, AdwWindow)

GtkWidget        *xa_campaign_editor_new        (XaInspectionBook  *book,
                                                 XaCampaign        *campaign,
                                                 const char        *school_uuid,
                                                 const char        *school_name,
                                                 GError           **error);
XaCampaignRecord *xa_campaign_editor_get_record (XaCampaignEditor  *self);
gboolean          xa_campaign_editor_get_dirty  (XaCampaignEditor  *self);
XaCampaignAttachmentList *xa_campaign_editor_get_attachment_list (XaCampaignEditor *self);

G_END_DECLS
