/* xa-campaign-record.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define XA_CAMPAIGN_RECORD_ERROR (xa_campaign_record_error_quark ())

typedef enum
{
  XA_CAMPAIGN_RECORD_ERROR_INVALID,  /* the message names the part at fault */
} XaCampaignRecordError;

/* What a school has of a campaign's three parts (方案、记录、总结, reference/domain.md
 * §2.3 E1), as flags. */
typedef enum
{
  XA_CAMPAIGN_PART_PLAN       = 1 << 0,  /* 方案 */
  XA_CAMPAIGN_PART_ACTIVITIES = 1 << 1,  /* 记录: what was done, when and with whom */
  XA_CAMPAIGN_PART_SUMMARY    = 1 << 2,  /* 总结 */
} XaCampaignParts;

#define XA_CAMPAIGN_PARTS_ALL (XA_CAMPAIGN_PART_PLAN | XA_CAMPAIGN_PART_ACTIVITIES | XA_CAMPAIGN_PART_SUMMARY)

/* A campaign is not started (no part), under way (some) or complete (all three). */
typedef enum
{
  XA_CAMPAIGN_STATUS_NOT_STARTED,
  XA_CAMPAIGN_STATUS_UNDER_WAY,
  XA_CAMPAIGN_STATUS_COMPLETE,
  XA_N_CAMPAIGN_STATUSES
} XaCampaignStatus;

#define XA_CAMPAIGN_RECORD_MAX_CHARS 20000

#define XA_TYPE_CAMPAIGN_RECORD (xa_campaign_record_get_type ())

G_DECLARE_FINAL_TYPE (XaCampaignRecord, xa_campaign_record, XA, CAMPAIGN_RECORD, GObject)

/* A school's record of one campaign of a year: its plan (方案), the activities it carried
 * out (记录) and its summary (总结), as text. Properties: "uuid", "campaign-uuid",
 * "school-uuid", "plan", "activities", "summary", "updated-at", "updated-by".
 *
 * Attachments (the scanned 方案, photos of activities, the signed 总结) are files of the
 * blob store attached to the campaign, the school and a part (xa-campaign-attachments.h);
 * a part with a file counts in the completion grid as a written one. The record's UUID
 * is stable from its first save. */
GQuark             xa_campaign_record_error_quark  (void);
XaCampaignRecord  *xa_campaign_record_new          (const char        *campaign_uuid,
                                                    const char        *school_uuid);
XaCampaignRecord  *xa_campaign_record_copy         (XaCampaignRecord  *self);

const char        *xa_campaign_record_get_uuid          (XaCampaignRecord *self);
const char        *xa_campaign_record_get_campaign_uuid (XaCampaignRecord *self);
const char        *xa_campaign_record_get_school_uuid   (XaCampaignRecord *self);
const char        *xa_campaign_record_get_plan     (XaCampaignRecord  *self);
void               xa_campaign_record_set_plan     (XaCampaignRecord  *self,
                                                    const char        *plan);
const char        *xa_campaign_record_get_activities (XaCampaignRecord *self);
void               xa_campaign_record_set_activities (XaCampaignRecord *self,
                                                    const char        *activities);
const char        *xa_campaign_record_get_summary  (XaCampaignRecord  *self);
void               xa_campaign_record_set_summary  (XaCampaignRecord  *self,
                                                    const char        *summary);
const char        *xa_campaign_record_get_updated_at (XaCampaignRecord *self);
const char        *xa_campaign_record_get_updated_by (XaCampaignRecord *self);

XaCampaignParts    xa_campaign_record_get_parts    (XaCampaignRecord  *self);
gboolean           xa_campaign_record_validate     (XaCampaignRecord  *self,
                                                    GError           **error);

XaCampaignStatus   xa_campaign_status_of_parts     (XaCampaignParts    parts);
const char        *xa_campaign_status_to_key       (XaCampaignStatus   status);
const char        *xa_campaign_status_to_label     (XaCampaignStatus   status);

G_END_DECLS
