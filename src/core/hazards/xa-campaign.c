/* xa-campaign.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A special campaign of a school year and the default catalogue, the fifteen of the
 * agreement's §一(四) (reference/agreement-2021-2022.md), in its order.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-campaign-private.h"
#include "core/util/xa-glib-compat.h"
#include "core/util/xa-json.h"

#define CATALOGUE_RESOURCE "/io/github/xiaoan/Xiaoan/inspections/campaigns.json"

struct _XaCampaign
{
  GObject  parent_instance;

  char    *uuid;
  int      school_year;
  char    *key;
  char    *name;
  char    *description;
  guint    position;
};

G_DEFINE_FINAL_TYPE (XaCampaign, xa_campaign, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_SCHOOL_YEAR,
  PROP_KEY,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xa_campaign_finalize (GObject *object)
{
  XaCampaign *self = XA_CAMPAIGN (object);

  g_free (self->uuid);
  g_free (self->key);
  g_free (self->name);
  g_free (self->description);

  G_OBJECT_CLASS (xa_campaign_parent_class)->finalize (object);
}

static void
xa_campaign_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  XaCampaign *self = XA_CAMPAIGN (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_SCHOOL_YEAR:
      g_value_set_int (value, self->school_year);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_campaign_class_init (XaCampaignClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = xa_campaign_finalize;
  object_class->get_property = xa_campaign_get_property;

  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, "", flags);
  properties[PROP_SCHOOL_YEAR] = g_param_spec_int ("school-year", NULL, NULL, 0, 9999, 0, flags);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, "", flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", flags);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_campaign_init (XaCampaign *self)
{
  self->uuid = g_strdup ("");
}

/**
 * xa_campaign_new:
 * @key: the campaign's key, such as "drowning"
 * @name: as the agreement names it, such as 防溺水
 * @description: what it is about, a sentence
 *
 * Returns: (transfer full): a campaign of no year yet
 */
XaCampaign *
xa_campaign_new (const char *key,
                 const char *name,
                 const char *description)
{
  XaCampaign *self = g_object_new (XA_TYPE_CAMPAIGN, NULL);

  self->key = g_strdup (key != NULL ? key : "");
  self->name = g_strdup (name != NULL ? name : "");
  self->description = g_strdup (description != NULL ? description : "");
  return self;
}

void
_xa_campaign_set_stored (XaCampaign *self,
                         const char *uuid,
                         int         school_year,
                         guint       position)
{
  g_set_str_compat (&self->uuid, uuid);
  self->school_year = school_year;
  self->position = position;
}

const char *
xa_campaign_get_uuid (XaCampaign *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN (self), NULL);
  return self->uuid;
}

int
xa_campaign_get_school_year (XaCampaign *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN (self), 0);
  return self->school_year;
}

const char *
xa_campaign_get_key (XaCampaign *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN (self), NULL);
  return self->key;
}

const char *
xa_campaign_get_name (XaCampaign *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN (self), NULL);
  return self->name;
}

const char *
xa_campaign_get_description (XaCampaign *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN (self), NULL);
  return self->description;
}

guint
xa_campaign_get_position (XaCampaign *self)
{
  g_return_val_if_fail (XA_IS_CAMPAIGN (self), 0);
  return self->position;
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/**
 * xa_campaign_dup_catalogue:
 *
 * Returns: (transfer full) (element-type XaCampaign): the default catalogue, or %NULL
 *   with @error set
 */
GPtrArray *
xa_campaign_dup_catalogue (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) catalogue = g_ptr_array_new_with_free_func (g_object_unref);
  JsonNode *list;
  gsize length = 0;
  const char *data;

  if (!(bytes = g_resources_lookup_data (CATALOGUE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error)))
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  if (!(root = xa_json_parse (data, length, error)))
    return NULL;

  list = JSON_NODE_HOLDS_OBJECT (root) ? json_object_get_member (json_node_get_object (root), "campaigns") : NULL;
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "campaigns.json: no list of campaigns");
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (list), i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *key = object != NULL ? string_member (object, "key") : NULL;
      const char *name = object != NULL ? string_member (object, "name") : NULL;
      XaCampaign *campaign;

      if (key == NULL || name == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "campaigns.json: campaign %u has no key or name", i + 1);
          return NULL;
        }

      campaign = xa_campaign_new (key, name, string_member (object, "description"));
      campaign->position = i + 1;
      g_ptr_array_add (catalogue, campaign);
    }

  return g_steal_pointer (&catalogue);
}
