/* xa-archive-board-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One line of the 签回 board: a school's agreement of a year and its two originals.
 */

#include "config.h"

#include "xa-archive-private.h"

struct _XaArchiveBoardRow
{
  GObject  parent_instance;

  char    *school_uuid;
  char    *school_code;
  char    *school_name;
  int      school_year;
  char    *agreement_uuid;
  char    *state;
  char    *out_since;
  int      days_out;
  char    *commission_back;
  char    *school_back;
};

G_DEFINE_FINAL_TYPE (XaArchiveBoardRow, xa_archive_board_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCHOOL_NAME,
  PROP_SCHOOL_YEAR,
  PROP_DAYS_OUT,
  PROP_COMMISSION_BACK,
  PROP_SCHOOL_BACK,
  PROP_N_MISSING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xa_archive_board_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  XaArchiveBoardRow *self = XA_ARCHIVE_BOARD_ROW (object);

  switch (prop_id)
    {
    case PROP_SCHOOL_NAME:
      g_value_set_string (value, self->school_name);
      break;
    case PROP_SCHOOL_YEAR:
      g_value_set_int (value, self->school_year);
      break;
    case PROP_DAYS_OUT:
      g_value_set_int (value, self->days_out);
      break;
    case PROP_COMMISSION_BACK:
      g_value_set_string (value, self->commission_back);
      break;
    case PROP_SCHOOL_BACK:
      g_value_set_string (value, self->school_back);
      break;
    case PROP_N_MISSING:
      g_value_set_uint (value, xa_archive_board_row_get_n_missing (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_archive_board_row_finalize (GObject *object)
{
  XaArchiveBoardRow *self = XA_ARCHIVE_BOARD_ROW (object);

  g_free (self->school_uuid);
  g_free (self->school_code);
  g_free (self->school_name);
  g_free (self->agreement_uuid);
  g_free (self->state);
  g_free (self->out_since);
  g_free (self->commission_back);
  g_free (self->school_back);

  G_OBJECT_CLASS (xa_archive_board_row_parent_class)->finalize (object);
}

static void
xa_archive_board_row_class_init (XaArchiveBoardRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = xa_archive_board_row_get_property;
  object_class->finalize = xa_archive_board_row_finalize;

  properties[PROP_SCHOOL_NAME] = g_param_spec_string ("school-name", NULL, NULL, NULL, flags);
  properties[PROP_SCHOOL_YEAR] = g_param_spec_int ("school-year", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_DAYS_OUT] = g_param_spec_int ("days-out", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_COMMISSION_BACK] = g_param_spec_string ("commission-back", NULL, NULL, NULL, flags);
  properties[PROP_SCHOOL_BACK] = g_param_spec_string ("school-back", NULL, NULL, NULL, flags);
  properties[PROP_N_MISSING] = g_param_spec_uint ("n-missing", NULL, NULL, 0, 2, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_archive_board_row_init (XaArchiveBoardRow *self)
{
}

XaArchiveBoardRow *
_xa_archive_board_row_new (const XaArchiveBoardRowFields *fields)
{
  XaArchiveBoardRow *self = g_object_new (XA_TYPE_ARCHIVE_BOARD_ROW, NULL);

  self->school_uuid = g_strdup (fields->school_uuid);
  self->school_code = g_strdup (fields->school_code);
  self->school_name = g_strdup (fields->school_name);
  self->school_year = fields->school_year;
  self->agreement_uuid = g_strdup (fields->agreement_uuid);
  self->state = g_strdup (fields->state);
  self->out_since = g_strdup (fields->out_since);
  self->days_out = fields->days_out;
  self->commission_back = g_strdup (fields->commission_back);
  self->school_back = g_strdup (fields->school_back);
  return self;
}

#define GETTER(type, name) \
  type \
  xa_archive_board_row_get_##name (XaArchiveBoardRow *self) \
  { \
    g_return_val_if_fail (XA_IS_ARCHIVE_BOARD_ROW (self), 0); \
    return self->name; \
  }

GETTER (const char *, school_uuid)
GETTER (const char *, school_code)
GETTER (const char *, school_name)
GETTER (int, school_year)
GETTER (const char *, agreement_uuid)
/* The agreement's state key: draft, pending, signed or archived */
GETTER (const char *, state)
/* The day the agreement went out to be signed (its signing date, else the day it was
 * marked signed, else printed for signature: 待签), or NULL while a draft */
GETTER (const char *, out_since)
/* Days from out_since to the board's day; -1 while a draft */
GETTER (int, days_out)
/* When the commission's original (区教委存) was first archived, or NULL: missing */
GETTER (const char *, commission_back)
/* When the school's original (学校存) was first archived, or NULL: missing */
GETTER (const char *, school_back)

#undef GETTER

/**
 * xa_archive_board_row_get_n_missing:
 *
 * Returns: how many of the two originals are not back: 0, 1 or 2
 */
guint
xa_archive_board_row_get_n_missing (XaArchiveBoardRow *self)
{
  g_return_val_if_fail (XA_IS_ARCHIVE_BOARD_ROW (self), 0);

  return (self->commission_back == NULL) + (self->school_back == NULL);
}
