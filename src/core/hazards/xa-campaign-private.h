/* xa-campaign-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-campaign.h"
#include "xa-campaign-grid.h"
#include "xa-campaign-record.h"

G_BEGIN_DECLS

/* What only the book sets on what it read or stored. */
void      _xa_campaign_set_stored          (XaCampaign        *self,
                                            const char        *uuid,
                                            int                school_year,
                                            guint              position);
void      _xa_campaign_record_set_stored   (XaCampaignRecord  *self,
                                            const char        *uuid,
                                            guint              row_version,
                                            const char        *updated_at,
                                            const char        *updated_by);
guint     _xa_campaign_record_get_row_version (XaCampaignRecord *self);

XaCampaignGrid *_xa_campaign_grid_new      (int                school_year,
                                            GPtrArray         *campaigns);
void      _xa_campaign_grid_add_school     (XaCampaignGrid    *self,
                                            const char        *uuid,
                                            const char        *code,
                                            const char        *name);
void      _xa_campaign_grid_set_parts      (XaCampaignGrid    *self,
                                            guint              school,
                                            guint              campaign,
                                            XaCampaignParts    parts);

G_END_DECLS
