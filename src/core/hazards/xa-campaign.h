/* xa-campaign.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define XA_TYPE_CAMPAIGN (xa_campaign_get_type ())

G_DECLARE_FINAL_TYPE (XaCampaign, xa_campaign, XA, CAMPAIGN, GObject)

/* One special campaign (专项整治) of a school year: the agreement's §一(四) lists fifteen,
 * which ship as the default catalogue (data/inspections/campaigns.json) and are launched
 * for a year by the commission (XaInspectionBook); each school then records its plan,
 * activities and summary (XaCampaignRecord). Properties: "uuid", "school-year", "key",
 * "name", "description", "position". */
XaCampaign   *xa_campaign_new             (const char  *key,
                                           const char  *name,
                                           const char  *description);

const char   *xa_campaign_get_uuid        (XaCampaign  *self);
int           xa_campaign_get_school_year (XaCampaign  *self);
const char   *xa_campaign_get_key         (XaCampaign  *self);
const char   *xa_campaign_get_name        (XaCampaign  *self);
const char   *xa_campaign_get_description (XaCampaign  *self);
guint         xa_campaign_get_position    (XaCampaign  *self);

/* The default catalogue (XaCampaign, not launched: no UUID nor year), in the
 * agreement's order. */
GPtrArray    *xa_campaign_dup_catalogue   (GError     **error);

G_END_DECLS
