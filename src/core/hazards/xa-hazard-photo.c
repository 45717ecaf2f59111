/* xa-hazard-photo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One photo of a hazard: which hazard, before or after the rectification, the stored
 * file, and what the file said when it was added (its name, size in pixels, and when it
 * was taken by its EXIF data). An "after" photo taken before the hazard was even found
 * cannot show its rectification: it is flagged, for the re-inspector to look at.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-hazard-photo-private.h"
#include "core/util/xa-date.h"

struct _XaHazardPhoto
{
  GObject            parent_instance;

  char              *uuid;
  char              *hazard_uuid;
  XaHazardPhotoKind  kind;
  char              *sha256;
  char              *file_name;
  char              *media_type;
  int                width;
  int                height;
  char              *taken_at;
  char              *added_at;
  char              *added_by;
  char              *hazard_found_on;
};

G_DEFINE_FINAL_TYPE (XaHazardPhoto, xa_hazard_photo, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_KIND,
  PROP_FILE_NAME,
  PROP_TAKEN_AT,
  PROP_OLDER_THAN_HAZARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *key;
  const char *label;
} kinds[] = {
  { "before", NC_("hazard photo", "Before rectification") },
  { "after", NC_("hazard photo", "After rectification") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == XA_N_HAZARD_PHOTO_KINDS);

static void
xa_hazard_photo_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XaHazardPhoto *self = XA_HAZARD_PHOTO (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;
    case PROP_TAKEN_AT:
      g_value_set_string (value, self->taken_at);
      break;
    case PROP_OLDER_THAN_HAZARD:
      g_value_set_boolean (value, xa_hazard_photo_get_older_than_hazard (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_hazard_photo_finalize (GObject *object)
{
  XaHazardPhoto *self = XA_HAZARD_PHOTO (object);

  g_free (self->uuid);
  g_free (self->hazard_uuid);
  g_free (self->sha256);
  g_free (self->file_name);
  g_free (self->media_type);
  g_free (self->taken_at);
  g_free (self->added_at);
  g_free (self->added_by);
  g_free (self->hazard_found_on);

  G_OBJECT_CLASS (xa_hazard_photo_parent_class)->finalize (object);
}

static void
xa_hazard_photo_class_init (XaHazardPhotoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = xa_hazard_photo_get_property;
  object_class->finalize = xa_hazard_photo_finalize;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, XA_N_HAZARD_PHOTO_KINDS - 1, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAKEN_AT] =
    g_param_spec_string ("taken-at", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OLDER_THAN_HAZARD] =
    g_param_spec_boolean ("older-than-hazard", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_hazard_photo_init (XaHazardPhoto *self)
{
}

XaHazardPhoto *
_xa_hazard_photo_new (const XaHazardPhotoFields *fields)
{
  XaHazardPhoto *self = g_object_new (XA_TYPE_HAZARD_PHOTO, NULL);

  self->uuid = g_strdup (fields->uuid);
  self->hazard_uuid = g_strdup (fields->hazard_uuid);
  self->kind = fields->kind;
  self->sha256 = g_strdup (fields->sha256);
  self->file_name = g_strdup (fields->file_name);
  self->media_type = g_strdup (fields->media_type);
  self->width = fields->width;
  self->height = fields->height;
  self->taken_at = fields->taken_at && fields->taken_at[0] ? g_strdup (fields->taken_at) : NULL;
  self->added_at = g_strdup (fields->added_at);
  self->added_by = g_strdup (fields->added_by);
  self->hazard_found_on = g_strdup (fields->hazard_found_on);
  return self;
}

const char *
xa_hazard_photo_get_uuid (XaHazardPhoto *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO (self), NULL);

  return self->uuid;
}

const char *
xa_hazard_photo_get_hazard_uuid (XaHazardPhoto *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO (self), NULL);

  return self->hazard_uuid;
}

XaHazardPhotoKind
xa_hazard_photo_get_kind (XaHazardPhoto *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO (self), XA_HAZARD_PHOTO_BEFORE);

  return self->kind;
}

/**
 * xa_hazard_photo_get_sha256:
 *
 * Returns: the stored file's name in the blob store (xa_store_dup_blob())
 */
const char *
xa_hazard_photo_get_sha256 (XaHazardPhoto *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO (self), NULL);

  return self->sha256;
}

/**
 * xa_hazard_photo_get_file_name:
 *
 * Returns: the name the file had when it was added (IMG_0001.jpg), without its folder
 */
const char *
xa_hazard_photo_get_file_name (XaHazardPhoto *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO (self), NULL);

  return self->file_name;
}

/**
 * xa_hazard_photo_get_media_type:
 *
 * Returns: "image/jpeg" or "image/png", as the file's first bytes say
 */
const char *
xa_hazard_photo_get_media_type (XaHazardPhoto *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO (self), NULL);

  return self->media_type;
}

/**
 * xa_hazard_photo_get_width:
 *
 * Returns: the width in pixels as the file stores it, before its EXIF orientation
 */
int
xa_hazard_photo_get_width (XaHazardPhoto *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO (self), 0);

  return self->width;
}

int
xa_hazard_photo_get_height (XaHazardPhoto *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO (self), 0);

  return self->height;
}

/**
 * xa_hazard_photo_get_taken_at:
 *
 * Returns: (nullable): when the photo was taken by its EXIF data, YYYY-MM-DDTHH:MM:SS
 *   in the camera's own time; %NULL when the file did not say
 */
const char *
xa_hazard_photo_get_taken_at (XaHazardPhoto *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO (self), NULL);

  return self->taken_at;
}

const char *
xa_hazard_photo_get_added_at (XaHazardPhoto *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO (self), NULL);

  return self->added_at;
}

const char *
xa_hazard_photo_get_added_by (XaHazardPhoto *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO (self), NULL);

  return self->added_by;
}

/**
 * xa_hazard_photo_get_hazard_found_on:
 *
 * Returns: the date its hazard was found on, YYYY-MM-DD, when the photo was read
 */
const char *
xa_hazard_photo_get_hazard_found_on (XaHazardPhoto *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO (self), NULL);

  return self->hazard_found_on;
}

/**
 * xa_hazard_photo_get_older_than_hazard:
 *
 * An "after" photo cannot be older than its hazard: one taken before the day the
 * hazard was found shows something else (an old photo, or a camera with a wrong clock).
 *
 * Returns: %TRUE for an "after" photo whose EXIF time is before the hazard's found-on
 *   date; %FALSE when the photo does not say when it was taken
 */
gboolean
xa_hazard_photo_get_older_than_hazard (XaHazardPhoto *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO (self), FALSE);

  return self->kind == XA_HAZARD_PHOTO_AFTER && self->taken_at != NULL &&
         self->hazard_found_on != NULL && self->hazard_found_on[0] != '\0' &&
         strncmp (self->taken_at, self->hazard_found_on, 10) < 0;
}

/**
 * xa_hazard_photo_dup_warning:
 *
 * Returns: (transfer full) (nullable): what the flag of
 *   xa_hazard_photo_get_older_than_hazard() says, in a sentence for the user; %NULL
 *   when the photo is not flagged
 */
char *
xa_hazard_photo_dup_warning (XaHazardPhoto *self)
{
  g_autofree char *day = NULL;
  g_autofree char *taken = NULL;
  g_autofree char *found = NULL;

  g_return_val_if_fail (XA_IS_HAZARD_PHOTO (self), NULL);

  if (!xa_hazard_photo_get_older_than_hazard (self))
    return NULL;

  day = g_strndup (self->taken_at, 10);
  taken = xa_date_format_chinese (day);
  found = xa_date_format_chinese (self->hazard_found_on);
  /* Translators: an "after rectification" photo whose EXIF date is before the hazard
   * was found. The dates are written out, such as 2021年9月28日. */
  return g_strdup_printf (_("Taken on %s, before the hazard was found on %s: it cannot show the rectification"),
                          taken, found);
}

/**
 * xa_hazard_photo_kind_to_key:
 *
 * Returns: "before" or "after", as stored
 */
const char *
xa_hazard_photo_kind_to_key (XaHazardPhotoKind kind)
{
  g_return_val_if_fail (kind < XA_N_HAZARD_PHOTO_KINDS, NULL);

  return kinds[kind].key;
}

gboolean
xa_hazard_photo_kind_from_key (const char        *key,
                               XaHazardPhotoKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_strcmp0 (kinds[i].key, key) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * xa_hazard_photo_kind_to_label:
 *
 * Returns: 整改前 or 整改后, in the user's language
 */
const char *
xa_hazard_photo_kind_to_label (XaHazardPhotoKind kind)
{
  g_return_val_if_fail (kind < XA_N_HAZARD_PHOTO_KINDS, NULL);

  return g_dpgettext2 (NULL, "hazard photo", kinds[kind].label);
}
