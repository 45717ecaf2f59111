/* xa-campaign-attachments.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-campaign-attachment.h"
#include "xa-inspection-book.h"

G_BEGIN_DECLS

#define XA_CAMPAIGN_ATTACHMENTS_ERROR (xa_campaign_attachments_error_quark ())

typedef enum
{
  XA_CAMPAIGN_ATTACHMENTS_ERROR_FILE,       /* cannot be read, no regular file, too big */
  XA_CAMPAIGN_ATTACHMENTS_ERROR_KIND,       /* not a kind of file a campaign keeps, or not what its name says */
  XA_CAMPAIGN_ATTACHMENTS_ERROR_DUPLICATE,  /* the same file is already attached to that part */
  XA_CAMPAIGN_ATTACHMENTS_ERROR_NOT_FOUND,  /* no such campaign, school or attachment */
} XaCampaignAttachmentsError;

/* The files of a school's record of a special campaign, through the inspection book's
 * store: each file stored once (xa-blob-store.h) and attached to the campaign, the
 * school and a part of the record in the transaction that stores it, with its audit
 * entry. What a campaign keeps: PDF, JPEG and PNG, and Word, Excel, PowerPoint and WPS
 * documents, each checked against what its name says; anything else is refused with a
 * message naming the file, and nothing changes. An attached part counts in the
 * completion grid as a written one does. */
GQuark                 xa_campaign_attachments_error_quark (void);

XaCampaignAttachment  *xa_campaign_attachments_add_file    (XaInspectionBook     *book,
                                                            const char           *campaign_uuid,
                                                            const char           *school_uuid,
                                                            XaCampaignParts       part,
                                                            const char           *path,
                                                            GError              **error);
void                   xa_campaign_attachments_add_file_async (XaInspectionBook  *book,
                                                            const char           *campaign_uuid,
                                                            const char           *school_uuid,
                                                            XaCampaignParts       part,
                                                            const char           *path,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
XaCampaignAttachment  *xa_campaign_attachments_add_file_finish (XaInspectionBook *book,
                                                            GAsyncResult         *result,
                                                            GError              **error);

/* The school's attachments of the campaign (XaCampaignAttachment), by part, then in
 * the order they came. */
GListModel            *xa_campaign_attachments_list        (XaInspectionBook     *book,
                                                            const char           *campaign_uuid,
                                                            const char           *school_uuid,
                                                            GError              **error);
gboolean               xa_campaign_attachments_remove      (XaInspectionBook     *book,
                                                            const char           *attachment_uuid,
                                                            GError              **error);
/* The attachment's bytes, checked against their SHA-256. */
GBytes                *xa_campaign_attachments_dup_content (XaInspectionBook     *book,
                                                            XaCampaignAttachment *attachment,
                                                            GError              **error);

G_END_DECLS
