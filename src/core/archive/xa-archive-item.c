/* xa-archive-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One archived file as stored, and the names of its kinds, copies and retentions. The
 * retention a kind gets unless the clerk says otherwise is a constant table here, as
 * the archive rules for a unit's own records (DA/T 22) put them: signed originals and
 * signed PDFs of an agreement are kept for good (永久), other scans 30 years, other
 * files 10 years.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "xa-archive-item-private.h"
#include "core/util/xa-date.h"

struct _XaArchiveItem
{
  GObject             parent_instance;

  char               *uuid;
  char               *sha256;
  char               *file_name;
  gint64              size;
  char               *media_type;
  int                 pages;
  XaArchiveKind       kind;
  char               *agreement_uuid;
  XaArchiveCopy       copy;
  char               *school_uuid;
  char               *school_code;
  char               *school_name;
  int                 school_year;
  XaArchiveRetention  retention;
  char               *notes;
  char               *imported_at;
  char               *imported_by;
};

G_DEFINE_FINAL_TYPE (XaArchiveItem, xa_archive_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_FILE_NAME,
  PROP_SIZE,
  PROP_MEDIA_TYPE,
  PROP_PAGES,
  PROP_KIND,
  PROP_COPY,
  PROP_SCHOOL_NAME,
  PROP_SCHOOL_YEAR,
  PROP_NOTES,
  PROP_IMPORTED_AT,
  PROP_IMPORTED_BY,
  PROP_LINKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  XaArchiveKind       kind;
  const char         *key;
  const char         *label;
  XaArchiveRetention  retention;
} kinds[] = {
  { XA_ARCHIVE_KIND_SIGNED_ORIGINAL, "signed-original", NC_("archive kind", "Signed original (scan)"), XA_ARCHIVE_RETENTION_PERMANENT },
  { XA_ARCHIVE_KIND_SCAN, "scan", NC_("archive kind", "Scanned copy"), XA_ARCHIVE_RETENTION_30_YEARS },
  { XA_ARCHIVE_KIND_SIGNED_PDF, "signed-pdf", NC_("archive kind", "Signed PDF"), XA_ARCHIVE_RETENTION_PERMANENT },
  { XA_ARCHIVE_KIND_OTHER, "other", NC_("archive kind", "Other"), XA_ARCHIVE_RETENTION_10_YEARS },
};

static const struct
{
  XaArchiveRetention  retention;
  const char         *key;
  const char         *label;
  int                 years;
} retentions[] = {
  { XA_ARCHIVE_RETENTION_PERMANENT, "permanent", NC_("retention", "Permanent"), 0 },
  { XA_ARCHIVE_RETENTION_30_YEARS, "30y", NC_("retention", "30 years"), 30 },
  { XA_ARCHIVE_RETENTION_10_YEARS, "10y", NC_("retention", "10 years"), 10 },
};

static void
xa_archive_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XaArchiveItem *self = XA_ARCHIVE_ITEM (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;
    case PROP_SIZE:
      g_value_set_int64 (value, self->size);
      break;
    case PROP_MEDIA_TYPE:
      g_value_set_string (value, self->media_type);
      break;
    case PROP_PAGES:
      g_value_set_int (value, self->pages);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_COPY:
      g_value_set_int (value, self->copy);
      break;
    case PROP_SCHOOL_NAME:
      g_value_set_string (value, self->school_name);
      break;
    case PROP_SCHOOL_YEAR:
      g_value_set_int (value, self->school_year);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_IMPORTED_AT:
      g_value_set_string (value, self->imported_at);
      break;
    case PROP_IMPORTED_BY:
      g_value_set_string (value, self->imported_by);
      break;
    case PROP_LINKED:
      g_value_set_boolean (value, xa_archive_item_get_linked (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_archive_item_finalize (GObject *object)
{
  XaArchiveItem *self = XA_ARCHIVE_ITEM (object);

  g_free (self->uuid);
  g_free (self->sha256);
  g_free (self->file_name);
  g_free (self->media_type);
  g_free (self->agreement_uuid);
  g_free (self->school_uuid);
  g_free (self->school_code);
  g_free (self->school_name);
  g_free (self->notes);
  g_free (self->imported_at);
  g_free (self->imported_by);

  G_OBJECT_CLASS (xa_archive_item_parent_class)->finalize (object);
}

static void
xa_archive_item_class_init (XaArchiveItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = xa_archive_item_get_property;
  object_class->finalize = xa_archive_item_finalize;

  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_FILE_NAME] = g_param_spec_string ("file-name", NULL, NULL, NULL, flags);
  properties[PROP_SIZE] = g_param_spec_int64 ("size", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_MEDIA_TYPE] = g_param_spec_string ("media-type", NULL, NULL, NULL, flags);
  properties[PROP_PAGES] = g_param_spec_int ("pages", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, XA_ARCHIVE_KIND_OTHER, 0, flags);
  properties[PROP_COPY] = g_param_spec_int ("copy", NULL, NULL, 0, XA_ARCHIVE_COPY_SCHOOL, 0, flags);
  properties[PROP_SCHOOL_NAME] = g_param_spec_string ("school-name", NULL, NULL, NULL, flags);
  properties[PROP_SCHOOL_YEAR] = g_param_spec_int ("school-year", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, flags);
  properties[PROP_IMPORTED_AT] = g_param_spec_string ("imported-at", NULL, NULL, NULL, flags);
  properties[PROP_IMPORTED_BY] = g_param_spec_string ("imported-by", NULL, NULL, NULL, flags);
  properties[PROP_LINKED] = g_param_spec_boolean ("linked", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_archive_item_init (XaArchiveItem *self)
{
}

XaArchiveItem *
_xa_archive_item_new (const XaArchiveItemFields *fields)
{
  XaArchiveItem *self = g_object_new (XA_TYPE_ARCHIVE_ITEM, NULL);

  self->uuid = g_strdup (fields->uuid);
  self->sha256 = g_strdup (fields->sha256);
  self->file_name = g_strdup (fields->file_name);
  self->size = fields->size;
  self->media_type = g_strdup (fields->media_type);
  self->pages = fields->pages;
  self->kind = fields->kind;
  self->agreement_uuid = g_strdup (fields->agreement_uuid);
  self->copy = fields->copy;
  self->school_uuid = g_strdup (fields->school_uuid);
  self->school_code = g_strdup (fields->school_code);
  self->school_name = g_strdup (fields->school_name);
  self->school_year = fields->school_year;
  self->retention = fields->retention;
  self->notes = g_strdup (fields->notes ? fields->notes : "");
  self->imported_at = g_strdup (fields->imported_at);
  self->imported_by = g_strdup (fields->imported_by);
  return self;
}

#define GETTER(type, name, field) \
  type \
  xa_archive_item_get_##name (XaArchiveItem *self) \
  { \
    g_return_val_if_fail (XA_IS_ARCHIVE_ITEM (self), 0); \
    return self->field; \
  }

GETTER (const char *, uuid, uuid)
GETTER (const char *, sha256, sha256)
GETTER (const char *, file_name, file_name)
GETTER (gint64, size, size)
GETTER (const char *, media_type, media_type)
/* 0 when not known (a PDF's pages are counted when it is shown) */
GETTER (int, pages, pages)
GETTER (XaArchiveKind, kind, kind)
/* NULL when not linked to an agreement */
GETTER (const char *, agreement_uuid, agreement_uuid)
GETTER (XaArchiveCopy, copy, copy)
/* NULL when linked to no school */
GETTER (const char *, school_uuid, school_uuid)
GETTER (const char *, school_code, school_code)
GETTER (const char *, school_name, school_name)
/* 0 when linked to no school */
GETTER (int, school_year, school_year)
GETTER (XaArchiveRetention, retention, retention)
GETTER (const char *, notes, notes)
GETTER (const char *, imported_at, imported_at)
GETTER (const char *, imported_by, imported_by)

#undef GETTER

/**
 * xa_archive_item_get_linked:
 *
 * Returns: whether the item is linked to a school (and so a year), through an
 *   agreement or not
 */
gboolean
xa_archive_item_get_linked (XaArchiveItem *self)
{
  g_return_val_if_fail (XA_IS_ARCHIVE_ITEM (self), FALSE);

  return self->school_uuid != NULL;
}

/**
 * xa_archive_item_dup_review_date:
 *
 * Returns: (transfer full) (nullable): the day its retention ends and it is due for
 *   review (YYYY-MM-DD), the anniversary of its import; %NULL when kept for good
 */
char *
xa_archive_item_dup_review_date (XaArchiveItem *self)
{
  int years;
  int y = 0, m = 0, d = 0;

  g_return_val_if_fail (XA_IS_ARCHIVE_ITEM (self), NULL);

  if ((years = xa_archive_retention_get_years (self->retention)) == 0 ||
      self->imported_at == NULL || sscanf (self->imported_at, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;

  /* 29 February's anniversary in a common year is the 28th. */
  y += years;
  if (m == 2 && d == 29 && !g_date_is_leap_year ((GDateYear) y))
    d = 28;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

const char *
xa_archive_kind_to_key (XaArchiveKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return kinds[i].key;
  g_return_val_if_reached ("other");
}

gboolean
xa_archive_kind_from_key (const char    *key,
                          XaArchiveKind *kind)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_str_equal (kinds[i].key, key))
        {
          *kind = kinds[i].kind;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
xa_archive_kind_to_label (XaArchiveKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return g_dpgettext2 (NULL, "archive kind", kinds[i].label);
  g_return_val_if_reached ("");
}

/**
 * xa_archive_kind_default_retention:
 *
 * Returns: how long a file of @kind is kept unless the clerk says otherwise
 */
XaArchiveRetention
xa_archive_kind_default_retention (XaArchiveKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return kinds[i].retention;
  g_return_val_if_reached (XA_ARCHIVE_RETENTION_PERMANENT);
}

const char *
xa_archive_copy_to_key (XaArchiveCopy copy)
{
  switch (copy)
    {
    case XA_ARCHIVE_COPY_COMMISSION:
      return "commission";
    case XA_ARCHIVE_COPY_SCHOOL:
      return "school";
    case XA_ARCHIVE_COPY_NONE:
    default:
      return NULL;
    }
}

gboolean
xa_archive_copy_from_key (const char    *key,
                          XaArchiveCopy *copy)
{
  if (g_strcmp0 (key, "commission") == 0)
    *copy = XA_ARCHIVE_COPY_COMMISSION;
  else if (g_strcmp0 (key, "school") == 0)
    *copy = XA_ARCHIVE_COPY_SCHOOL;
  else
    return FALSE;
  return TRUE;
}

const char *
xa_archive_copy_to_label (XaArchiveCopy copy)
{
  switch (copy)
    {
    case XA_ARCHIVE_COPY_COMMISSION:
      /* Translators: the original an education commission keeps (区教委存) */
      return _("Commission’s copy");
    case XA_ARCHIVE_COPY_SCHOOL:
      /* Translators: the original the school keeps (学校存) */
      return _("School’s copy");
    case XA_ARCHIVE_COPY_NONE:
    default:
      return "";
    }
}

const char *
xa_archive_retention_to_key (XaArchiveRetention retention)
{
  for (guint i = 0; i < G_N_ELEMENTS (retentions); i++)
    if (retentions[i].retention == retention)
      return retentions[i].key;
  g_return_val_if_reached ("permanent");
}

gboolean
xa_archive_retention_from_key (const char         *key,
                               XaArchiveRetention *retention)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (retentions); i++)
    {
      if (g_str_equal (retentions[i].key, key))
        {
          *retention = retentions[i].retention;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
xa_archive_retention_to_label (XaArchiveRetention retention)
{
  for (guint i = 0; i < G_N_ELEMENTS (retentions); i++)
    if (retentions[i].retention == retention)
      return g_dpgettext2 (NULL, "retention", retentions[i].label);
  g_return_val_if_reached ("");
}

/**
 * xa_archive_retention_get_years:
 *
 * Returns: the years of @retention; 0 for 永久
 */
int
xa_archive_retention_get_years (XaArchiveRetention retention)
{
  for (guint i = 0; i < G_N_ELEMENTS (retentions); i++)
    if (retentions[i].retention == retention)
      return retentions[i].years;
  return 0;
}
