/* xa-evidence-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One record that counts for an evidence finding (xa-evidence.h), and the names of the
 * kinds of record.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-evidence-item.h"

struct _XaEvidenceItem
{
  GObject         parent_instance;

  XaEvidenceKind  kind;
  char           *uuid;
  char           *date;
  char           *label;
};

G_DEFINE_FINAL_TYPE (XaEvidenceItem, xa_evidence_item, G_TYPE_OBJECT)

enum { ITEM_PROP_0, ITEM_PROP_KIND, ITEM_PROP_UUID, ITEM_PROP_DATE, ITEM_PROP_LABEL, N_ITEM_PROPS };

static void
xa_evidence_item_finalize (GObject *object)
{
  XaEvidenceItem *self = XA_EVIDENCE_ITEM (object);

  g_free (self->uuid);
  g_free (self->date);
  g_free (self->label);

  G_OBJECT_CLASS (xa_evidence_item_parent_class)->finalize (object);
}

static void
xa_evidence_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  XaEvidenceItem *self = XA_EVIDENCE_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case ITEM_PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case ITEM_PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case ITEM_PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_evidence_item_class_init (XaEvidenceItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  GParamSpec *properties[N_ITEM_PROPS] = { NULL, };

  object_class->finalize = xa_evidence_item_finalize;
  object_class->get_property = xa_evidence_item_get_property;

  properties[ITEM_PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, XA_N_EVIDENCE_KINDS - 1, 0, flags);
  properties[ITEM_PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[ITEM_PROP_DATE] = g_param_spec_string ("date", NULL, NULL, "", flags);
  properties[ITEM_PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, properties);
}

static void
xa_evidence_item_init (XaEvidenceItem *self)
{
}

/**
 * xa_evidence_item_new:
 * @uuid: (nullable): the record's UUID, or %NULL for something owed and never recorded
 * @date: (nullable): YYYY-MM-DD
 *
 * Returns: (transfer full): a new item
 */
XaEvidenceItem *
xa_evidence_item_new (XaEvidenceKind  kind,
                      const char     *uuid,
                      const char     *date,
                      const char     *label)
{
  XaEvidenceItem *self = g_object_new (XA_TYPE_EVIDENCE_ITEM, NULL);

  self->kind = kind;
  self->uuid = uuid != NULL && *uuid != '\0' ? g_strdup (uuid) : NULL;
  self->date = g_strdup (date != NULL ? date : "");
  self->label = g_strdup (label != NULL ? label : "");
  return self;
}

XaEvidenceKind
xa_evidence_item_get_kind (XaEvidenceItem *self)
{
  g_return_val_if_fail (XA_IS_EVIDENCE_ITEM (self), 0);
  return self->kind;
}

const char *
xa_evidence_item_get_uuid (XaEvidenceItem *self)
{
  g_return_val_if_fail (XA_IS_EVIDENCE_ITEM (self), NULL);
  return self->uuid;
}

const char *
xa_evidence_item_get_date (XaEvidenceItem *self)
{
  g_return_val_if_fail (XA_IS_EVIDENCE_ITEM (self), NULL);
  return self->date;
}

const char *
xa_evidence_item_get_label (XaEvidenceItem *self)
{
  g_return_val_if_fail (XA_IS_EVIDENCE_ITEM (self), NULL);
  return self->label;
}

const char *
xa_evidence_kind_to_key (XaEvidenceKind kind)
{
  static const char *keys[] = {
    "hazard", "inspection", "drill", "education-record", "incident", "dispute",
    "key-person", "campaign", "archive-item", "plan", "role",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (keys) == XA_N_EVIDENCE_KINDS);
  g_return_val_if_fail ((guint) kind < XA_N_EVIDENCE_KINDS, NULL);
  return keys[kind];
}

const char *
xa_evidence_kind_to_label (XaEvidenceKind kind)
{
  static const char *labels[] = {
    N_("Hazard"), N_("Inspection"), N_("Drill"), N_("Education record"), N_("Incident"),
    N_("Dispute"), N_("Key person"), N_("Campaign"), N_("Archived file"),
    N_("Plan or rule"), N_("Role"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == XA_N_EVIDENCE_KINDS);
  g_return_val_if_fail ((guint) kind < XA_N_EVIDENCE_KINDS, NULL);
  return _(labels[kind]);
}
