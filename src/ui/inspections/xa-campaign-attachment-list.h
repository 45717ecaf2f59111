/* xa-campaign-attachment-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/hazards/xa-campaign-attachments.h"

G_BEGIN_DECLS

#define XA_TYPE_CAMPAIGN_ATTACHMENT_LIST (xa_campaign_attachment_list_get_type ())

G_DECLARE_FINAL_TYPE (XaCampaignAttachmentList, xa_campaign_attachment_list, XA, CAMPAIGN_ATTACHMENT_LIST, GtkBox)

void        xa_campaign_attachment_list_set_record  (XaCampaignAttachmentList *self,
                                                     XaInspectionBook         *book,
                                                     const char               *campaign_uuid,
                                                     const char               *school_uuid);
/* What the list shows (XaCampaignAttachment). */
GListModel *xa_campaign_attachment_list_get_attachments (XaCampaignAttachmentList *self);
/* Attaches @files to @part, one transaction each, as the chooser does. */
void        xa_campaign_attachment_list_attach      (XaCampaignAttachmentList *self,
                                                     XaCampaignParts           part,
                                                     GListModel               *files);
gboolean    xa_campaign_attachment_list_get_busy    (XaCampaignAttachmentList *self);

G_END_DECLS
