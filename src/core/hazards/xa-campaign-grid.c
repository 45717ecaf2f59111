/* xa-campaign-grid.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Schools × campaigns of one school year, each cell the parts recorded: what the
 * commission reads to score §2.3 E1 ("each campaign not carried out −1").
 */

#include "config.h"

#include "xa-campaign-private.h"

typedef struct
{
  char *uuid;
  char *code;
  char *name;
} School;

struct _XaCampaignGrid
{
  GObject    parent_instance;

  int        school_year;
  GPtrArray *campaigns;  /* XaCampaign */
  GArray    *schools;    /* School */
  GArray    *parts;      /* XaCampaignParts, school-major */
};

G_DEFINE_FINAL_TYPE (XaCampaignGrid, xa_campaign_grid, G_TYPE_OBJECT)

static void
clear_school (gpointer data)
{
  School *school = data;

  g_free (school->uuid);
  g_free (school->code);
  g_free (school->name);
}

static void
xa_campaign_grid_finalize (GObject *object)
{
  XaCampaignGrid *self = XA_CAMPAIGN_GRID (object);

  g_ptr_array_unref (self->campaigns);
  g_array_unref (self->schools);
  g_array_unref (self->parts);

  G_OBJECT_CLASS (xa_campaign_grid_parent_class)->finalize (object);
}

static void
xa_campaign_grid_class_init (XaCampaignGridClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xa_campaign_grid_finalize;
}

static void
xa_campaign_grid_init (XaCampaignGrid *self)
{
  self->schools = g_array_new (FALSE, TRUE, sizeof (School));
  g_array_set_clear_func (self->schools, clear_school);
  self->parts = g_array_new (FALSE, TRUE, sizeof (XaCampaignParts));
}

XaCampaignGrid *
_xa_campaign_grid_new (int        school_year,
                       GPtrArray *campaigns)
{
  XaCampaignGrid *self = g_object_new (XA_TYPE_CAMPAIGN_GRID, NULL);

  self->school_year = school_year;
  self->campaigns = g_ptr_array_ref (campaigns);
  return self;
}

void
_xa_campaign_grid_add_school (XaCampaignGrid *self,
                              const char     *uuid,
                              const char     *code,
                              const char     *name)
{
  School school = { g_strdup (uuid), g_strdup (code ? code : ""), g_strdup (name) };

  g_array_append_val (self->schools, school);
  g_array_set_size (self->parts, self->schools->len * self->campaigns->len);
}

void
_xa_campaign_grid_set_parts (XaCampaignGrid  *self,
                             guint            school,
                             guint            campaign,
                             XaCampaignParts  parts)
{
  g_return_if_fail (school < self->schools->len && campaign < self->campaigns->len);
  g_array_index (self->parts, XaCampaignParts, school * self->campaigns->len + campaign) = parts;
}

int
xa_campaign_grid_get_school_year (XaCampaignGrid *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_GRID (self), 0);
  return self->school_year;
}

guint
xa_campaign_grid_get_n_schools (XaCampaignGrid *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_GRID (self), 0);
  return self->schools->len;
}

static School *
school_at (XaCampaignGrid *self,
           guint           school)
{
  g_return_val_if_fail (school < self->schools->len, NULL);
  return &g_array_index (self->schools, School, school);
}

const char *
xa_campaign_grid_get_school_uuid (XaCampaignGrid *self,
                                  guint           school)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_GRID (self), NULL);
  return school_at (self, school)->uuid;
}

const char *
xa_campaign_grid_get_school_code (XaCampaignGrid *self,
                                  guint           school)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_GRID (self), NULL);
  return school_at (self, school)->code;
}

const char *
xa_campaign_grid_get_school_name (XaCampaignGrid *self,
                                  guint           school)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_GRID (self), NULL);
  return school_at (self, school)->name;
}

guint
xa_campaign_grid_get_n_campaigns (XaCampaignGrid *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_GRID (self), 0);
  return self->campaigns->len;
}

/**
 * xa_campaign_grid_get_campaign:
 *
 * Returns: (transfer none): the campaign of column @campaign
 */
XaCampaign *
xa_campaign_grid_get_campaign (XaCampaignGrid *self,
                               guint           campaign)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_GRID (self), NULL);
  g_return_val_if_fail (campaign < self->campaigns->len, NULL);
  return g_ptr_array_index (self->campaigns, campaign);
}

XaCampaignParts
xa_campaign_grid_get_parts (XaCampaignGrid *self,
                            guint           school,
                            guint           campaign)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_GRID (self), 0);
  g_return_val_if_fail (school < self->schools->len && campaign < self->campaigns->len, 0);
  return g_array_index (self->parts, XaCampaignParts, school * self->campaigns->len + campaign);
}

XaCampaignStatus
xa_campaign_grid_get_status (XaCampaignGrid *self,
                             guint           school,
                             guint           campaign)
{
  return xa_campaign_status_of_parts (xa_campaign_grid_get_parts (self, school, campaign));
}

guint
xa_campaign_grid_count_complete (XaCampaignGrid *self,
                                 guint           school)
{
  guint n = 0;

  g_return_val_if_fail (XA_IS_CAMPAIGN_GRID (self), 0);

  for (guint c = 0; c < self->campaigns->len; c++)
    {
      if (xa_campaign_grid_get_status (self, school, c) == XA_CAMPAIGN_STATUS_COMPLETE)
        n++;
    }

  return n;
}
