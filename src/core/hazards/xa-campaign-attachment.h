/* xa-campaign-attachment.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "xa-campaign-record.h"

G_BEGIN_DECLS

#define XA_TYPE_CAMPAIGN_ATTACHMENT (xa_campaign_attachment_get_type ())

G_DECLARE_FINAL_TYPE (XaCampaignAttachment, xa_campaign_attachment, XA, CAMPAIGN_ATTACHMENT, GObject)

/* One file of a school's record of a special campaign, as stored: the part of the
 * record it documents (方案, 记录 or 总结) and a link to a stored file (xa-blob-store.h)
 * with its name, kind and size when it was attached. Read-only: an attachment is
 * attached and removed (xa-campaign-attachments.h), never edited. Properties: "uuid",
 * "part", "file-name", "media-type", "size". */
const char       *xa_campaign_attachment_get_uuid          (XaCampaignAttachment *self);
const char       *xa_campaign_attachment_get_campaign_uuid (XaCampaignAttachment *self);
const char       *xa_campaign_attachment_get_school_uuid   (XaCampaignAttachment *self);
XaCampaignParts   xa_campaign_attachment_get_part          (XaCampaignAttachment *self);
const char       *xa_campaign_attachment_get_sha256        (XaCampaignAttachment *self);
const char       *xa_campaign_attachment_get_file_name     (XaCampaignAttachment *self);
const char       *xa_campaign_attachment_get_media_type    (XaCampaignAttachment *self);
gint64            xa_campaign_attachment_get_size          (XaCampaignAttachment *self);
const char       *xa_campaign_attachment_get_added_at      (XaCampaignAttachment *self);
const char       *xa_campaign_attachment_get_added_by      (XaCampaignAttachment *self);

/* The part's key as stored and on the command line ("plan", "activities", "summary"),
 * and its name in the user's language (方案, 开展情况, 总结). */
const char       *xa_campaign_part_to_key   (XaCampaignParts  part);
gboolean          xa_campaign_part_from_key (const char      *key,
                                             XaCampaignParts *part);
const char       *xa_campaign_part_to_label (XaCampaignParts  part);

G_END_DECLS
