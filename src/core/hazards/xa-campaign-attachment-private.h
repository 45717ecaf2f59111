/* xa-campaign-attachment-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-campaign-attachment.h"

G_BEGIN_DECLS

/* An attachment's columns as read from a row (xa-campaign-attachments.c); copied by the
 * new attachment. */
typedef struct
{
  const char      *uuid;
  const char      *campaign_uuid;
  const char      *school_uuid;
  XaCampaignParts  part;
  const char      *sha256;
  const char      *file_name;
  const char      *media_type;
  gint64           size;
  const char      *added_at;
  const char      *added_by;
} XaCampaignAttachmentFields;

XaCampaignAttachment *_xa_campaign_attachment_new (const XaCampaignAttachmentFields *fields);

G_END_DECLS
