/* xa-evidence-finding.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the records of one school's year say for one evidence source (xa-evidence.h).
 */

#include "config.h"

#include "xa-evidence-finding.h"

struct _XaEvidenceFinding
{
  GObject     parent_instance;

  char       *key;
  char       *school_uuid;
  int         school_year;
  double      value;
  char       *unit;
  char       *description;
  GListStore *items;
};

G_DEFINE_FINAL_TYPE (XaEvidenceFinding, xa_evidence_finding, G_TYPE_OBJECT)

enum
{
  FINDING_PROP_0,
  FINDING_PROP_KEY,
  FINDING_PROP_SCHOOL_UUID,
  FINDING_PROP_SCHOOL_YEAR,
  FINDING_PROP_VALUE,
  FINDING_PROP_UNIT,
  FINDING_PROP_DESCRIPTION,
  FINDING_PROP_ITEMS,
  N_FINDING_PROPS
};

static void
xa_evidence_finding_finalize (GObject *object)
{
  XaEvidenceFinding *self = XA_EVIDENCE_FINDING (object);

  g_free (self->key);
  g_free (self->school_uuid);
  g_free (self->unit);
  g_free (self->description);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (xa_evidence_finding_parent_class)->finalize (object);
}

static void
xa_evidence_finding_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  XaEvidenceFinding *self = XA_EVIDENCE_FINDING (object);

  switch (prop_id)
    {
    case FINDING_PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case FINDING_PROP_SCHOOL_UUID:
      g_value_set_string (value, self->school_uuid);
      break;
    case FINDING_PROP_SCHOOL_YEAR:
      g_value_set_int (value, self->school_year);
      break;
    case FINDING_PROP_VALUE:
      g_value_set_double (value, self->value);
      break;
    case FINDING_PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case FINDING_PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case FINDING_PROP_ITEMS:
      g_value_set_object (value, self->items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_evidence_finding_class_init (XaEvidenceFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  GParamSpec *properties[N_FINDING_PROPS] = { NULL, };

  object_class->finalize = xa_evidence_finding_finalize;
  object_class->get_property = xa_evidence_finding_get_property;

  properties[FINDING_PROP_KEY] = g_param_spec_string ("key", NULL, NULL, "", flags);
  properties[FINDING_PROP_SCHOOL_UUID] = g_param_spec_string ("school-uuid", NULL, NULL, "", flags);
  properties[FINDING_PROP_SCHOOL_YEAR] = g_param_spec_int ("school-year", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[FINDING_PROP_VALUE] = g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[FINDING_PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, "", flags);
  properties[FINDING_PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", flags);
  properties[FINDING_PROP_ITEMS] = g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  g_object_class_install_properties (object_class, N_FINDING_PROPS, properties);
}

static void
xa_evidence_finding_init (XaEvidenceFinding *self)
{
  self->unit = g_strdup ("");
  self->description = g_strdup ("");
  self->items = g_list_store_new (XA_TYPE_EVIDENCE_ITEM);
}

/**
 * xa_evidence_finding_new:
 *
 * Returns: (transfer full): an empty finding (value 0, no items) of @key
 */
XaEvidenceFinding *
xa_evidence_finding_new (const char *key,
                         const char *school_uuid,
                         int         school_year)
{
  XaEvidenceFinding *self = g_object_new (XA_TYPE_EVIDENCE_FINDING, NULL);

  self->key = g_strdup (key);
  self->school_uuid = g_strdup (school_uuid);
  self->school_year = school_year;
  return self;
}

const char *
xa_evidence_finding_get_key (XaEvidenceFinding *self)
{
  g_return_val_if_fail (XA_IS_EVIDENCE_FINDING (self), NULL);
  return self->key;
}

const char *
xa_evidence_finding_get_school_uuid (XaEvidenceFinding *self)
{
  g_return_val_if_fail (XA_IS_EVIDENCE_FINDING (self), NULL);
  return self->school_uuid;
}

int
xa_evidence_finding_get_school_year (XaEvidenceFinding *self)
{
  g_return_val_if_fail (XA_IS_EVIDENCE_FINDING (self), 0);
  return self->school_year;
}

double
xa_evidence_finding_get_value (XaEvidenceFinding *self)
{
  g_return_val_if_fail (XA_IS_EVIDENCE_FINDING (self), 0);
  return self->value;
}

const char *
xa_evidence_finding_get_unit (XaEvidenceFinding *self)
{
  g_return_val_if_fail (XA_IS_EVIDENCE_FINDING (self), NULL);
  return self->unit;
}

const char *
xa_evidence_finding_get_description (XaEvidenceFinding *self)
{
  g_return_val_if_fail (XA_IS_EVIDENCE_FINDING (self), NULL);
  return self->description;
}

/**
 * xa_evidence_finding_get_items:
 *
 * Returns: (transfer none): the records that count (XaEvidenceItem)
 */
GListModel *
xa_evidence_finding_get_items (XaEvidenceFinding *self)
{
  g_return_val_if_fail (XA_IS_EVIDENCE_FINDING (self), NULL);
  return G_LIST_MODEL (self->items);
}

guint
xa_evidence_finding_get_n_items (XaEvidenceFinding *self)
{
  g_return_val_if_fail (XA_IS_EVIDENCE_FINDING (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

void
xa_evidence_finding_set_value (XaEvidenceFinding *self,
                               double             value,
                               const char        *unit)
{
  g_return_if_fail (XA_IS_EVIDENCE_FINDING (self));
  self->value = value;
  g_free (self->unit);
  self->unit = g_strdup (unit != NULL ? unit : "");
}

void
xa_evidence_finding_set_description (XaEvidenceFinding *self,
                                     const char        *description)
{
  g_return_if_fail (XA_IS_EVIDENCE_FINDING (self));
  g_free (self->description);
  self->description = g_strdup (description != NULL ? description : "");
}

void
xa_evidence_finding_add_item (XaEvidenceFinding *self,
                              XaEvidenceKind     kind,
                              const char        *uuid,
                              const char        *date,
                              const char        *label)
{
  g_autoptr(XaEvidenceItem) item = NULL;

  g_return_if_fail (XA_IS_EVIDENCE_FINDING (self));
  item = xa_evidence_item_new (kind, uuid, date, label);
  g_list_store_append (self->items, item);
}
