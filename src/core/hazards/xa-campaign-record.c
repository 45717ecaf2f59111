/* xa-campaign-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A school's record of a special campaign: 方案、记录、总结 (reference/domain.md §2.3 E1,
 * "each with 方案、记录、总结"), as text. A part counts once it holds more than white
 * space.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-campaign-private.h"
#include "core/util/xa-glib-compat.h"
#include "core/util/xa-text.h"

struct _XaCampaignRecord
{
  GObject  parent_instance;

  char    *uuid;
  char    *campaign_uuid;
  char    *school_uuid;
  char    *plan;
  char    *activities;
  char    *summary;
  char    *updated_at;
  char    *updated_by;
  guint    row_version;
};

G_DEFINE_FINAL_TYPE (XaCampaignRecord, xa_campaign_record, G_TYPE_OBJECT)

G_DEFINE_QUARK (xa-campaign-record-error-quark, xa_campaign_record_error)

enum {
  PROP_0,
  PROP_UUID,
  PROP_CAMPAIGN_UUID,
  PROP_SCHOOL_UUID,
  PROP_PLAN,
  PROP_ACTIVITIES,
  PROP_SUMMARY,
  PROP_UPDATED_AT,
  PROP_UPDATED_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *key;
  const char *label;
} statuses[] = {
  { "not-started", NC_("campaign status", "Not started") },
  { "under-way", NC_("campaign status", "Under way") },
  { "complete", NC_("campaign status", "Complete") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == XA_N_CAMPAIGN_STATUSES);

static char **
field_of (XaCampaignRecord *self,
          guint             prop_id)
{
  switch (prop_id)
    {
    case PROP_UUID:
      return &self->uuid;
    case PROP_CAMPAIGN_UUID:
      return &self->campaign_uuid;
    case PROP_SCHOOL_UUID:
      return &self->school_uuid;
    case PROP_PLAN:
      return &self->plan;
    case PROP_ACTIVITIES:
      return &self->activities;
    case PROP_SUMMARY:
      return &self->summary;
    case PROP_UPDATED_AT:
      return &self->updated_at;
    case PROP_UPDATED_BY:
      return &self->updated_by;
    default:
      g_assert_not_reached ();
    }
}

static void
set_field (XaCampaignRecord *self,
           guint             prop_id,
           const char       *value)
{
  if (g_set_str_compat (field_of (self, prop_id), value != NULL ? value : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
xa_campaign_record_finalize (GObject *object)
{
  XaCampaignRecord *self = XA_CAMPAIGN_RECORD (object);

  for (guint prop_id = 1; prop_id < N_PROPS; prop_id++)
    g_free (*field_of (self, prop_id));

  G_OBJECT_CLASS (xa_campaign_record_parent_class)->finalize (object);
}

static void
xa_campaign_record_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XaCampaignRecord *self = XA_CAMPAIGN_RECORD (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_value_set_string (value, *field_of (self, prop_id));
}

static void
xa_campaign_record_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XaCampaignRecord *self = XA_CAMPAIGN_RECORD (object);

  switch (prop_id)
    {
    case PROP_PLAN:
    case PROP_ACTIVITIES:
    case PROP_SUMMARY:
      set_field (self, prop_id, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_campaign_record_class_init (XaCampaignRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const names[N_PROPS] = {
    NULL, "uuid", "campaign-uuid", "school-uuid", "plan", "activities", "summary", "updated-at", "updated-by",
  };

  object_class->finalize = xa_campaign_record_finalize;
  object_class->get_property = xa_campaign_record_get_property;
  object_class->set_property = xa_campaign_record_set_property;

  for (guint prop_id = 1; prop_id < N_PROPS; prop_id++)
    {
      gboolean writable = prop_id == PROP_PLAN || prop_id == PROP_ACTIVITIES || prop_id == PROP_SUMMARY;

      properties[prop_id] =
        g_param_spec_string (names[prop_id], NULL, NULL, "",
                             (writable ? G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY : G_PARAM_READABLE)
                             | G_PARAM_STATIC_STRINGS);
    }

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_campaign_record_init (XaCampaignRecord *self)
{
  for (guint prop_id = 1; prop_id < N_PROPS; prop_id++)
    *field_of (self, prop_id) = g_strdup ("");
}

/**
 * xa_campaign_record_new:
 *
 * Returns: (transfer full): an empty record of @school_uuid for the campaign
 */
XaCampaignRecord *
xa_campaign_record_new (const char *campaign_uuid,
                        const char *school_uuid)
{
  XaCampaignRecord *self = g_object_new (XA_TYPE_CAMPAIGN_RECORD, NULL);

  set_field (self, PROP_CAMPAIGN_UUID, campaign_uuid);
  set_field (self, PROP_SCHOOL_UUID, school_uuid);
  return self;
}

XaCampaignRecord *
xa_campaign_record_copy (XaCampaignRecord *self)
{
  XaCampaignRecord *copy;

  g_return_val_if_fail (XA_IS_CAMPAIGN_RECORD (self), NULL);

  copy = g_object_new (XA_TYPE_CAMPAIGN_RECORD, NULL);
  for (guint prop_id = 1; prop_id < N_PROPS; prop_id++)
    set_field (copy, prop_id, *field_of (self, prop_id));
  copy->row_version = self->row_version;
  return copy;
}

void
_xa_campaign_record_set_stored (XaCampaignRecord *self,
                                const char       *uuid,
                                guint             row_version,
                                const char       *updated_at,
                                const char       *updated_by)
{
  set_field (self, PROP_UUID, uuid);
  set_field (self, PROP_UPDATED_AT, updated_at);
  set_field (self, PROP_UPDATED_BY, updated_by);
  self->row_version = row_version;
}

guint
_xa_campaign_record_get_row_version (XaCampaignRecord *self)
{
  return self->row_version;
}

const char *
xa_campaign_record_get_uuid (XaCampaignRecord *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_RECORD (self), NULL);
  return self->uuid;
}

const char *
xa_campaign_record_get_campaign_uuid (XaCampaignRecord *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_RECORD (self), NULL);
  return self->campaign_uuid;
}

const char *
xa_campaign_record_get_school_uuid (XaCampaignRecord *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_RECORD (self), NULL);
  return self->school_uuid;
}

const char *
xa_campaign_record_get_plan (XaCampaignRecord *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_RECORD (self), NULL);
  return self->plan;
}

void
xa_campaign_record_set_plan (XaCampaignRecord *self,
                             const char       *plan)
{
  g_return_if_fail (XA_IS_CAMPAIGN_RECORD (self));
  set_field (self, PROP_PLAN, plan);
}

const char *
xa_campaign_record_get_activities (XaCampaignRecord *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_RECORD (self), NULL);
  return self->activities;
}

void
xa_campaign_record_set_activities (XaCampaignRecord *self,
                                   const char       *activities)
{
  g_return_if_fail (XA_IS_CAMPAIGN_RECORD (self));
  set_field (self, PROP_ACTIVITIES, activities);
}

const char *
xa_campaign_record_get_summary (XaCampaignRecord *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_RECORD (self), NULL);
  return self->summary;
}

void
xa_campaign_record_set_summary (XaCampaignRecord *self,
                                const char       *summary)
{
  g_return_if_fail (XA_IS_CAMPAIGN_RECORD (self));
  set_field (self, PROP_SUMMARY, summary);
}

const char *
xa_campaign_record_get_updated_at (XaCampaignRecord *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_RECORD (self), NULL);
  return self->updated_at;
}

const char *
xa_campaign_record_get_updated_by (XaCampaignRecord *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_RECORD (self), NULL);
  return self->updated_by;
}

XaCampaignParts
xa_campaign_record_get_parts (XaCampaignRecord *self)
{
  XaCampaignParts parts = 0;

  g_return_val_if_fail (XA_IS_CAMPAIGN_RECORD (self), 0);

  if (!xa_text_is_blank (self->plan))
    parts |= XA_CAMPAIGN_PART_PLAN;
  if (!xa_text_is_blank (self->activities))
    parts |= XA_CAMPAIGN_PART_ACTIVITIES;
  if (!xa_text_is_blank (self->summary))
    parts |= XA_CAMPAIGN_PART_SUMMARY;
  return parts;
}

gboolean
xa_campaign_record_validate (XaCampaignRecord  *self,
                             GError           **error)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_RECORD (self), FALSE);

  return xa_text_check (self->plan, C_("campaign part", "Plan"), XA_TEXT_MULTILINE, XA_CAMPAIGN_RECORD_MAX_CHARS,
                        XA_CAMPAIGN_RECORD_ERROR, XA_CAMPAIGN_RECORD_ERROR_INVALID, error) &&
         xa_text_check (self->activities, C_("campaign part", "Activities"), XA_TEXT_MULTILINE,
                        XA_CAMPAIGN_RECORD_MAX_CHARS, XA_CAMPAIGN_RECORD_ERROR, XA_CAMPAIGN_RECORD_ERROR_INVALID, error) &&
         xa_text_check (self->summary, C_("campaign part", "Summary"), XA_TEXT_MULTILINE, XA_CAMPAIGN_RECORD_MAX_CHARS,
                        XA_CAMPAIGN_RECORD_ERROR, XA_CAMPAIGN_RECORD_ERROR_INVALID, error);
}

XaCampaignStatus
xa_campaign_status_of_parts (XaCampaignParts parts)
{
  if ((parts & XA_CAMPAIGN_PARTS_ALL) == XA_CAMPAIGN_PARTS_ALL)
    return XA_CAMPAIGN_STATUS_COMPLETE;
  return (parts & XA_CAMPAIGN_PARTS_ALL) != 0 ? XA_CAMPAIGN_STATUS_UNDER_WAY : XA_CAMPAIGN_STATUS_NOT_STARTED;
}

const char *
xa_campaign_status_to_key (XaCampaignStatus status)
{
  g_return_val_if_fail (status < XA_N_CAMPAIGN_STATUSES, NULL);
  return statuses[status].key;
}

const char *
xa_campaign_status_to_label (XaCampaignStatus status)
{
  g_return_val_if_fail (status < XA_N_CAMPAIGN_STATUSES, NULL);
  return g_dpgettext2 (NULL, "campaign status", statuses[status].label);
}
