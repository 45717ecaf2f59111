/* xa-inspection-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One line of an inspection record (reference/domain.md §3.4). It knows nothing of the
 * store; XaInspection holds its items and validates them, XaInspectionBook stores them.
 * The link to the hazard an abnormal item became is set only by the book, which makes
 * the hazard and the link in one transaction.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-inspection-private.h"
#include "core/util/xa-glib-compat.h"

struct _XaInspectionItem
{
  GObject             parent_instance;

  char               *area;
  char               *area_name;
  char               *content;
  XaHazardCategory    category;
  char               *place;
  XaInspectionResult  result;
  char               *note;
  char               *hazard_uuid;
  char               *hazard_number;
};

G_DEFINE_FINAL_TYPE (XaInspectionItem, xa_inspection_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AREA,
  PROP_AREA_NAME,
  PROP_CONTENT,
  PROP_CATEGORY,
  PROP_PLACE,
  PROP_RESULT,
  PROP_NOTE,
  PROP_HAZARD_UUID,
  PROP_HAZARD_NUMBER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *key;
  const char *label;
} results[] = {
  { "normal", NC_("inspection result", "Normal") },
  { "abnormal", NC_("inspection result", "Abnormal") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (results) == XA_N_INSPECTION_RESULTS);

static void
set_text (XaInspectionItem  *self,
          char             **field,
          const char        *value,
          guint              prop_id)
{
  if (g_set_str_compat (field, value != NULL ? value : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
xa_inspection_item_finalize (GObject *object)
{
  XaInspectionItem *self = XA_INSPECTION_ITEM (object);

  g_free (self->area);
  g_free (self->area_name);
  g_free (self->content);
  g_free (self->place);
  g_free (self->note);
  g_free (self->hazard_uuid);
  g_free (self->hazard_number);

  G_OBJECT_CLASS (xa_inspection_item_parent_class)->finalize (object);
}

static void
xa_inspection_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XaInspectionItem *self = XA_INSPECTION_ITEM (object);

  switch (prop_id)
    {
    case PROP_AREA:
      g_value_set_string (value, self->area);
      break;
    case PROP_AREA_NAME:
      g_value_set_string (value, self->area_name);
      break;
    case PROP_CONTENT:
      g_value_set_string (value, self->content);
      break;
    case PROP_CATEGORY:
      g_value_set_int (value, self->category);
      break;
    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;
    case PROP_RESULT:
      g_value_set_int (value, self->result);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_HAZARD_UUID:
      g_value_set_string (value, self->hazard_uuid);
      break;
    case PROP_HAZARD_NUMBER:
      g_value_set_string (value, self->hazard_number);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_inspection_item_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XaInspectionItem *self = XA_INSPECTION_ITEM (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      xa_inspection_item_set_content (self, g_value_get_string (value));
      break;
    case PROP_CATEGORY:
      xa_inspection_item_set_category (self, g_value_get_int (value));
      break;
    case PROP_PLACE:
      xa_inspection_item_set_place (self, g_value_get_string (value));
      break;
    case PROP_RESULT:
      xa_inspection_item_set_result (self, g_value_get_int (value));
      break;
    case PROP_NOTE:
      xa_inspection_item_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name,
                 gboolean    writable)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              (writable ? G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY : G_PARAM_READABLE)
                              | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
int_property (const char *name,
              int         max)
{
  return g_param_spec_int (name, NULL, NULL, 0, max, 0,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
xa_inspection_item_class_init (XaInspectionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xa_inspection_item_finalize;
  object_class->get_property = xa_inspection_item_get_property;
  object_class->set_property = xa_inspection_item_set_property;

  properties[PROP_AREA] = string_property ("area", FALSE);
  properties[PROP_AREA_NAME] = string_property ("area-name", FALSE);
  properties[PROP_CONTENT] = string_property ("content", TRUE);
  properties[PROP_CATEGORY] = int_property ("category", XA_N_HAZARD_CATEGORIES - 1);
  properties[PROP_PLACE] = string_property ("place", TRUE);
  properties[PROP_RESULT] = int_property ("result", XA_N_INSPECTION_RESULTS - 1);
  properties[PROP_NOTE] = string_property ("note", TRUE);
  properties[PROP_HAZARD_UUID] = string_property ("hazard-uuid", FALSE);
  properties[PROP_HAZARD_NUMBER] = string_property ("hazard-number", FALSE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_inspection_item_init (XaInspectionItem *self)
{
  self->area = g_strdup ("");
  self->area_name = g_strdup ("");
  self->content = g_strdup ("");
  self->place = g_strdup ("");
  self->note = g_strdup ("");
  self->hazard_uuid = g_strdup ("");
  self->hazard_number = g_strdup ("");
  self->category = XA_HAZARD_CATEGORY_OTHER;
  self->result = XA_INSPECTION_RESULT_NORMAL;
}

/**
 * xa_inspection_item_new:
 * @area: the checklist's area key ("fire"), or a school's own
 * @area_name: the area as the record prints it (消防)
 * @content: what is checked, the checklist's line
 * @category: the hazard category an abnormal finding falls under
 *
 * Returns: (transfer full): a 正常 item
 */
XaInspectionItem *
xa_inspection_item_new (const char       *area,
                        const char       *area_name,
                        const char       *content,
                        XaHazardCategory  category)
{
  XaInspectionItem *self = g_object_new (XA_TYPE_INSPECTION_ITEM, NULL);

  g_set_str_compat (&self->area, area != NULL ? area : "");
  g_set_str_compat (&self->area_name, area_name != NULL ? area_name : "");
  g_set_str_compat (&self->content, content != NULL ? content : "");
  self->category = category < XA_N_HAZARD_CATEGORIES ? category : XA_HAZARD_CATEGORY_OTHER;
  return self;
}

/**
 * xa_inspection_item_copy:
 *
 * Returns: (transfer full): an item with the same values, its hazard link included
 */
XaInspectionItem *
xa_inspection_item_copy (XaInspectionItem *self)
{
  XaInspectionItem *copy;

  g_return_val_if_fail (XA_IS_INSPECTION_ITEM (self), NULL);

  copy = xa_inspection_item_new (self->area, self->area_name, self->content, self->category);
  g_set_str_compat (&copy->place, self->place);
  copy->result = self->result;
  g_set_str_compat (&copy->note, self->note);
  g_set_str_compat (&copy->hazard_uuid, self->hazard_uuid);
  g_set_str_compat (&copy->hazard_number, self->hazard_number);
  return copy;
}

/**
 * _xa_inspection_item_assign:
 *
 * Gives @self the values of @fresh, notifying what changed: a row bound to the item
 * shows the item as stored after a save.
 */
void
_xa_inspection_item_assign (XaInspectionItem *self,
                            XaInspectionItem *fresh)
{
  g_object_freeze_notify (G_OBJECT (self));
  set_text (self, &self->area, fresh->area, PROP_AREA);
  set_text (self, &self->area_name, fresh->area_name, PROP_AREA_NAME);
  xa_inspection_item_set_content (self, fresh->content);
  xa_inspection_item_set_category (self, fresh->category);
  xa_inspection_item_set_place (self, fresh->place);
  xa_inspection_item_set_result (self, fresh->result);
  xa_inspection_item_set_note (self, fresh->note);
  _xa_inspection_item_set_hazard (self, fresh->hazard_uuid, fresh->hazard_number);
  g_object_thaw_notify (G_OBJECT (self));
}

void
_xa_inspection_item_set_hazard (XaInspectionItem *self,
                                const char       *uuid,
                                const char       *number)
{
  set_text (self, &self->hazard_uuid, uuid, PROP_HAZARD_UUID);
  set_text (self, &self->hazard_number, number, PROP_HAZARD_NUMBER);
}

const char *
xa_inspection_item_get_area (XaInspectionItem *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION_ITEM (self), NULL);
  return self->area;
}

const char *
xa_inspection_item_get_area_name (XaInspectionItem *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION_ITEM (self), NULL);
  return self->area_name;
}

const char *
xa_inspection_item_get_content (XaInspectionItem *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION_ITEM (self), NULL);
  return self->content;
}

void
xa_inspection_item_set_content (XaInspectionItem *self,
                                const char       *content)
{
  g_return_if_fail (XA_IS_INSPECTION_ITEM (self));
  set_text (self, &self->content, content, PROP_CONTENT);
}

XaHazardCategory
xa_inspection_item_get_category (XaInspectionItem *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION_ITEM (self), XA_HAZARD_CATEGORY_OTHER);
  return self->category;
}

void
xa_inspection_item_set_category (XaInspectionItem *self,
                                 XaHazardCategory  category)
{
  g_return_if_fail (XA_IS_INSPECTION_ITEM (self));
  g_return_if_fail (category < XA_N_HAZARD_CATEGORIES);

  if (self->category == category)
    return;
  self->category = category;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

const char *
xa_inspection_item_get_place (XaInspectionItem *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION_ITEM (self), NULL);
  return self->place;
}

void
xa_inspection_item_set_place (XaInspectionItem *self,
                              const char       *place)
{
  g_return_if_fail (XA_IS_INSPECTION_ITEM (self));
  set_text (self, &self->place, place, PROP_PLACE);
}

XaInspectionResult
xa_inspection_item_get_result (XaInspectionItem *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION_ITEM (self), XA_INSPECTION_RESULT_NORMAL);
  return self->result;
}

void
xa_inspection_item_set_result (XaInspectionItem   *self,
                               XaInspectionResult  result)
{
  g_return_if_fail (XA_IS_INSPECTION_ITEM (self));
  g_return_if_fail (result < XA_N_INSPECTION_RESULTS);

  if (self->result == result)
    return;
  self->result = result;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
}

const char *
xa_inspection_item_get_note (XaInspectionItem *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION_ITEM (self), NULL);
  return self->note;
}

void
xa_inspection_item_set_note (XaInspectionItem *self,
                             const char       *note)
{
  g_return_if_fail (XA_IS_INSPECTION_ITEM (self));
  set_text (self, &self->note, note, PROP_NOTE);
}

const char *
xa_inspection_item_get_hazard_uuid (XaInspectionItem *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION_ITEM (self), NULL);
  return self->hazard_uuid;
}

const char *
xa_inspection_item_get_hazard_number (XaInspectionItem *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION_ITEM (self), NULL);
  return self->hazard_number;
}

gboolean
xa_inspection_item_has_hazard (XaInspectionItem *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION_ITEM (self), FALSE);
  return self->hazard_uuid[0] != '\0';
}

const char *
xa_inspection_result_to_key (XaInspectionResult result)
{
  g_return_val_if_fail (result < XA_N_INSPECTION_RESULTS, NULL);
  return results[result].key;
}

gboolean
xa_inspection_result_from_key (const char         *key,
                               XaInspectionResult *result)
{
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      if (g_strcmp0 (results[i].key, key) == 0)
        {
          *result = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
xa_inspection_result_to_label (XaInspectionResult result)
{
  g_return_val_if_fail (result < XA_N_INSPECTION_RESULTS, NULL);
  return g_dpgettext2 (NULL, "inspection result", results[result].label);
}
