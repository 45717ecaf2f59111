/* xa-seal-image.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A seal or signature image's row, read by xa-seal-images.c.
 */

#include "config.h"

#include "xa-seal-image-private.h"

struct _XaSealImage
{
  GObject       parent_instance;

  char         *uuid;
  XaSealOwner   owner;
  char         *organisation_uuid;
  char         *person_uuid;
  char         *sha256;
  XaSealSource  source;
  int           width;
  int           height;
  char         *authorised_at;
  char         *authorised_by;
  char         *withdrawn_at;
  char         *withdrawn_by;
  char         *withdrawn_reason;
};

G_DEFINE_FINAL_TYPE (XaSealImage, xa_seal_image, G_TYPE_OBJECT)

static const char * const owner_keys[] = { "commission", "school", "person" };

static void
xa_seal_image_finalize (GObject *object)
{
  XaSealImage *self = XA_SEAL_IMAGE (object);

  g_free (self->uuid);
  g_free (self->organisation_uuid);
  g_free (self->person_uuid);
  g_free (self->sha256);
  g_free (self->authorised_at);
  g_free (self->authorised_by);
  g_free (self->withdrawn_at);
  g_free (self->withdrawn_by);
  g_free (self->withdrawn_reason);

  G_OBJECT_CLASS (xa_seal_image_parent_class)->finalize (object);
}

static void
xa_seal_image_class_init (XaSealImageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xa_seal_image_finalize;
}

static void
xa_seal_image_init (XaSealImage *self)
{
}

XaSealImage *
_xa_seal_image_new (const XaSealImageFields *fields)
{
  XaSealImage *self = g_object_new (XA_TYPE_SEAL_IMAGE, NULL);

  self->uuid = g_strdup (fields->uuid);
  self->owner = fields->owner;
  self->organisation_uuid = g_strdup (fields->organisation_uuid);
  self->person_uuid = g_strdup (fields->person_uuid);
  self->sha256 = g_strdup (fields->sha256);
  self->source = fields->source;
  self->width = fields->width;
  self->height = fields->height;
  self->authorised_at = g_strdup (fields->authorised_at);
  self->authorised_by = g_strdup (fields->authorised_by);
  self->withdrawn_at = g_strdup (fields->withdrawn_at);
  self->withdrawn_by = g_strdup (fields->withdrawn_by);
  self->withdrawn_reason = g_strdup (fields->withdrawn_reason);
  return self;
}

#define GETTER(type, name) \
  type \
  xa_seal_image_get_##name (XaSealImage *self) \
  { \
    g_return_val_if_fail (XA_IS_SEAL_IMAGE (self), 0); \
    return self->name; \
  }

GETTER (const char *, uuid)
GETTER (XaSealOwner, owner)
GETTER (const char *, organisation_uuid)
GETTER (const char *, person_uuid)
GETTER (const char *, sha256)
GETTER (XaSealSource, source)
GETTER (int, width)
GETTER (int, height)
GETTER (const char *, authorised_at)
GETTER (const char *, authorised_by)
GETTER (const char *, withdrawn_at)
GETTER (const char *, withdrawn_by)
GETTER (const char *, withdrawn_reason)

/**
 * xa_seal_image_is_current:
 *
 * Returns: whether the image is in use: not withdrawn
 */
gboolean
xa_seal_image_is_current (XaSealImage *self)
{
  g_return_val_if_fail (XA_IS_SEAL_IMAGE (self), FALSE);

  return self->withdrawn_at == NULL;
}

const char *
xa_seal_owner_to_key (XaSealOwner owner)
{
  g_return_val_if_fail ((guint) owner < G_N_ELEMENTS (owner_keys), NULL);

  return owner_keys[owner];
}

gboolean
xa_seal_owner_from_key (const char  *key,
                        XaSealOwner *owner)
{
  for (guint i = 0; i < G_N_ELEMENTS (owner_keys); i++)
    if (g_strcmp0 (key, owner_keys[i]) == 0)
      {
        *owner = (XaSealOwner) i;
        return TRUE;
      }

  return FALSE;
}
