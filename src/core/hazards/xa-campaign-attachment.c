/* xa-campaign-attachment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One file of a school's record of a special campaign: the scanned 方案, a photo of an
 * activity, the signed 总结. Which part of the record it documents is kept with it, so
 * that a plan that exists only on paper, scanned, still counts as the school's plan.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-campaign-attachment-private.h"

struct _XaCampaignAttachment
{
  GObject          parent_instance;

  char            *uuid;
  char            *campaign_uuid;
  char            *school_uuid;
  XaCampaignParts  part;
  char            *sha256;
  char            *file_name;
  char            *media_type;
  gint64           size;
  char            *added_at;
  char            *added_by;
};

G_DEFINE_FINAL_TYPE (XaCampaignAttachment, xa_campaign_attachment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_PART,
  PROP_FILE_NAME,
  PROP_MEDIA_TYPE,
  PROP_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  XaCampaignParts  part;
  const char      *key;
  const char      *label;
} parts[] = {
  { XA_CAMPAIGN_PART_PLAN, "plan", NC_("campaign part", "Plan") },
  { XA_CAMPAIGN_PART_ACTIVITIES, "activities", NC_("campaign part", "Activities") },
  { XA_CAMPAIGN_PART_SUMMARY, "summary", NC_("campaign part", "Summary") },
};

static void
xa_campaign_attachment_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  XaCampaignAttachment *self = XA_CAMPAIGN_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_PART:
      g_value_set_uint (value, self->part);
      break;
    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;
    case PROP_MEDIA_TYPE:
      g_value_set_string (value, self->media_type);
      break;
    case PROP_SIZE:
      g_value_set_int64 (value, self->size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_campaign_attachment_finalize (GObject *object)
{
  XaCampaignAttachment *self = XA_CAMPAIGN_ATTACHMENT (object);

  g_free (self->uuid);
  g_free (self->campaign_uuid);
  g_free (self->school_uuid);
  g_free (self->sha256);
  g_free (self->file_name);
  g_free (self->media_type);
  g_free (self->added_at);
  g_free (self->added_by);

  G_OBJECT_CLASS (xa_campaign_attachment_parent_class)->finalize (object);
}

static void
xa_campaign_attachment_class_init (XaCampaignAttachmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = xa_campaign_attachment_get_property;
  object_class->finalize = xa_campaign_attachment_finalize;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PART] =
    g_param_spec_uint ("part", NULL, NULL, XA_CAMPAIGN_PART_PLAN, XA_CAMPAIGN_PART_SUMMARY,
                       XA_CAMPAIGN_PART_PLAN, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEDIA_TYPE] =
    g_param_spec_string ("media-type", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZE] =
    g_param_spec_int64 ("size", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_campaign_attachment_init (XaCampaignAttachment *self)
{
}

XaCampaignAttachment *
_xa_campaign_attachment_new (const XaCampaignAttachmentFields *fields)
{
  XaCampaignAttachment *self = g_object_new (XA_TYPE_CAMPAIGN_ATTACHMENT, NULL);

  self->uuid = g_strdup (fields->uuid);
  self->campaign_uuid = g_strdup (fields->campaign_uuid);
  self->school_uuid = g_strdup (fields->school_uuid);
  self->part = fields->part;
  self->sha256 = g_strdup (fields->sha256);
  self->file_name = g_strdup (fields->file_name);
  self->media_type = g_strdup (fields->media_type);
  self->size = fields->size;
  self->added_at = g_strdup (fields->added_at);
  self->added_by = g_strdup (fields->added_by);
  return self;
}

const char *
xa_campaign_attachment_get_uuid (XaCampaignAttachment *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_ATTACHMENT (self), NULL);
  return self->uuid;
}

const char *
xa_campaign_attachment_get_campaign_uuid (XaCampaignAttachment *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_ATTACHMENT (self), NULL);
  return self->campaign_uuid;
}

const char *
xa_campaign_attachment_get_school_uuid (XaCampaignAttachment *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_ATTACHMENT (self), NULL);
  return self->school_uuid;
}

XaCampaignParts
xa_campaign_attachment_get_part (XaCampaignAttachment *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_ATTACHMENT (self), XA_CAMPAIGN_PART_PLAN);
  return self->part;
}

const char *
xa_campaign_attachment_get_sha256 (XaCampaignAttachment *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_ATTACHMENT (self), NULL);
  return self->sha256;
}

const char *
xa_campaign_attachment_get_file_name (XaCampaignAttachment *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_ATTACHMENT (self), NULL);
  return self->file_name;
}

const char *
xa_campaign_attachment_get_media_type (XaCampaignAttachment *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_ATTACHMENT (self), NULL);
  return self->media_type;
}

gint64
xa_campaign_attachment_get_size (XaCampaignAttachment *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_ATTACHMENT (self), 0);
  return self->size;
}

const char *
xa_campaign_attachment_get_added_at (XaCampaignAttachment *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_ATTACHMENT (self), NULL);
  return self->added_at;
}

const char *
xa_campaign_attachment_get_added_by (XaCampaignAttachment *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN_ATTACHMENT (self), NULL);
  return self->added_by;
}

const char *
xa_campaign_part_to_key (XaCampaignParts part)
{
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i].part == part)
      return parts[i].key;

  g_return_val_if_reached (NULL);
}

gboolean
xa_campaign_part_from_key (const char      *key,
                           XaCampaignParts *part)
{
  g_return_val_if_fail (part != NULL, FALSE);

  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (parts); i++)
    if (g_str_equal (key, parts[i].key))
      {
        *part = parts[i].part;
        return TRUE;
      }

  return FALSE;
}

const char *
xa_campaign_part_to_label (XaCampaignParts part)
{
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i].part == part)
      return g_dpgettext2 (NULL, "campaign part", parts[i].label);

  g_return_val_if_reached (NULL);
}
