/* xa-campaign-grid.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-campaign.h"
#include "xa-campaign-record.h"

G_BEGIN_DECLS

#define XA_TYPE_CAMPAIGN_GRID (xa_campaign_grid_get_type ())

G_DECLARE_FINAL_TYPE (XaCampaignGrid, xa_campaign_grid, XA, CAMPAIGN_GRID, GObject)

/* The completion grid of a school year's campaigns: a row per school (by code), a
 * column per campaign (in the catalogue's order), and in each cell the parts the
 * school recorded (XaCampaignParts). Read once by XaInspectionBook; it does not follow
 * later changes. */
int               xa_campaign_grid_get_school_year   (XaCampaignGrid *self);
guint             xa_campaign_grid_get_n_schools     (XaCampaignGrid *self);
const char       *xa_campaign_grid_get_school_uuid   (XaCampaignGrid *self,
                                                      guint           school);
const char       *xa_campaign_grid_get_school_code   (XaCampaignGrid *self,
                                                      guint           school);
const char       *xa_campaign_grid_get_school_name   (XaCampaignGrid *self,
                                                      guint           school);
guint             xa_campaign_grid_get_n_campaigns   (XaCampaignGrid *self);
XaCampaign       *xa_campaign_grid_get_campaign      (XaCampaignGrid *self,
                                                      guint           campaign);
XaCampaignParts   xa_campaign_grid_get_parts         (XaCampaignGrid *self,
                                                      guint           school,
                                                      guint           campaign);
XaCampaignStatus  xa_campaign_grid_get_status        (XaCampaignGrid *self,
                                                      guint           school,
                                                      guint           campaign);
/* How many of the school's campaigns are complete. */
guint             xa_campaign_grid_count_complete    (XaCampaignGrid *self,
                                                      guint           school);

G_END_DECLS
