/* xa-inspection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One inspection of a school and its items (reference/domain.md §3.4), as forms edit it
 * and XaInspectionBook stores it. The object knows nothing of the store.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "xa-inspection-private.h"
#include "xa-hazard-workflow.h"
#include "core/util/xa-date.h"
#include "core/util/xa-glib-compat.h"
#include "core/util/xa-school-year.h"
#include "core/util/xa-text.h"

#define MIN_SCHOOL_YEAR 1990
#define MAX_SCHOOL_YEAR 2200

struct _XaInspection
{
  GObject           parent_instance;

  char             *uuid;
  char             *number;
  char             *school_uuid;
  int               school_year;
  XaInspectionType  type;
  char             *inspected_on;
  char             *leader;
  char             *inspectors;
  char             *remarks;
  GListStore       *items;  /* XaInspectionItem */

  /* Of the stored row (xa-inspection-book.c) */
  guint             row_version;
  gboolean          items_loaded;
  guint             n_items;
  guint             n_abnormal;
  guint             n_unrecorded;
};

G_DEFINE_FINAL_TYPE (XaInspection, xa_inspection, G_TYPE_OBJECT)

G_DEFINE_QUARK (xa-inspection-error-quark, xa_inspection_error)

enum {
  PROP_0,
  PROP_UUID,
  PROP_NUMBER,
  PROP_SCHOOL_UUID,
  PROP_SCHOOL_YEAR,
  PROP_INSPECTION_TYPE,
  PROP_INSPECTED_ON,
  PROP_LEADER,
  PROP_INSPECTORS,
  PROP_REMARKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const field_labels[] = {
  NC_("inspection field", "School"),
  NC_("inspection field", "School year"),
  NC_("inspection field", "Inspection type"),
  NC_("inspection field", "Date of inspection"),
  NC_("inspection field", "Leader"),
  NC_("inspection field", "Inspectors"),
  NC_("inspection field", "Remarks"),
  NC_("inspection field", "Items checked"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (field_labels) == XA_INSPECTION_FIELD_NONE);

/* The text properties and their fields, so that get, set and assign walk one table. */
static char **
text_field (XaInspection *self,
            guint         prop_id)
{
  switch (prop_id)
    {
    case PROP_UUID:
      return &self->uuid;
    case PROP_NUMBER:
      return &self->number;
    case PROP_SCHOOL_UUID:
      return &self->school_uuid;
    case PROP_INSPECTED_ON:
      return &self->inspected_on;
    case PROP_LEADER:
      return &self->leader;
    case PROP_INSPECTORS:
      return &self->inspectors;
    case PROP_REMARKS:
      return &self->remarks;
    default:
      return NULL;
    }
}

static void
set_text (XaInspection *self,
          guint         prop_id,
          const char   *value)
{
  if (g_set_str_compat (text_field (self, prop_id), value != NULL ? value : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
xa_inspection_dispose (GObject *object)
{
  XaInspection *self = XA_INSPECTION (object);

  g_clear_object (&self->items);

  G_OBJECT_CLASS (xa_inspection_parent_class)->dispose (object);
}

static void
xa_inspection_finalize (GObject *object)
{
  XaInspection *self = XA_INSPECTION (object);

  for (guint prop_id = 1; prop_id < N_PROPS; prop_id++)
    {
      char **field = text_field (self, prop_id);

      if (field != NULL)
        g_free (*field);
    }

  G_OBJECT_CLASS (xa_inspection_parent_class)->finalize (object);
}

static void
xa_inspection_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XaInspection *self = XA_INSPECTION (object);
  char **field = text_field (self, prop_id);

  if (field != NULL)
    {
      g_value_set_string (value, *field);
      return;
    }

  switch (prop_id)
    {
    case PROP_SCHOOL_YEAR:
      g_value_set_int (value, self->school_year);
      break;
    case PROP_INSPECTION_TYPE:
      g_value_set_int (value, self->type);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_inspection_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  XaInspection *self = XA_INSPECTION (object);

  switch (prop_id)
    {
    case PROP_SCHOOL_UUID:
    case PROP_INSPECTED_ON:
    case PROP_LEADER:
    case PROP_INSPECTORS:
    case PROP_REMARKS:
      set_text (self, prop_id, g_value_get_string (value));
      break;
    case PROP_SCHOOL_YEAR:
      xa_inspection_set_school_year (self, g_value_get_int (value));
      break;
    case PROP_INSPECTION_TYPE:
      xa_inspection_set_inspection_type (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_inspection_class_init (XaInspectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const struct
  {
    guint       prop_id;
    const char *name;
    gboolean    writable;
  } texts[] = {
    { PROP_UUID, "uuid", FALSE },
    { PROP_NUMBER, "number", FALSE },
    { PROP_SCHOOL_UUID, "school-uuid", TRUE },
    { PROP_INSPECTED_ON, "inspected-on", TRUE },
    { PROP_LEADER, "leader", TRUE },
    { PROP_INSPECTORS, "inspectors", TRUE },
    { PROP_REMARKS, "remarks", TRUE },
  };

  object_class->dispose = xa_inspection_dispose;
  object_class->finalize = xa_inspection_finalize;
  object_class->get_property = xa_inspection_get_property;
  object_class->set_property = xa_inspection_set_property;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    properties[texts[i].prop_id] =
      g_param_spec_string (texts[i].name, NULL, NULL, "",
                           (texts[i].writable ? G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY : G_PARAM_READABLE)
                           | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHOOL_YEAR] =
    g_param_spec_int ("school-year", NULL, NULL, 0, 9999, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INSPECTION_TYPE] =
    g_param_spec_int ("inspection-type", NULL, NULL, 0, XA_N_INSPECTION_TYPES - 1, XA_INSPECTION_WEEKLY,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_inspection_init (XaInspection *self)
{
  for (guint prop_id = 1; prop_id < N_PROPS; prop_id++)
    {
      char **field = text_field (self, prop_id);

      if (field != NULL)
        *field = g_strdup ("");
    }
  self->type = XA_INSPECTION_WEEKLY;
  self->items = g_list_store_new (XA_TYPE_INSPECTION_ITEM);
  self->items_loaded = TRUE;
}

XaInspection *
xa_inspection_new (void)
{
  return g_object_new (XA_TYPE_INSPECTION, NULL);
}

static void
copy_fields (XaInspection *to,
             XaInspection *from)
{
  for (guint prop_id = 1; prop_id < N_PROPS; prop_id++)
    {
      char **field = text_field (from, prop_id);

      if (field != NULL)
        set_text (to, prop_id, *field);
    }
  xa_inspection_set_school_year (to, from->school_year);
  xa_inspection_set_inspection_type (to, from->type);
  to->row_version = from->row_version;
  to->items_loaded = from->items_loaded;
  to->n_items = from->n_items;
  to->n_abnormal = from->n_abnormal;
  to->n_unrecorded = from->n_unrecorded;
}

/**
 * xa_inspection_copy:
 *
 * Returns: (transfer full): an inspection with the same values and copies of the items
 */
XaInspection *
xa_inspection_copy (XaInspection *self)
{
  XaInspection *copy;

  g_return_val_if_fail (XA_IS_INSPECTION (self), NULL);

  copy = xa_inspection_new ();
  copy_fields (copy, self);
  for (guint i = 0; i < xa_inspection_get_n_items (self); i++)
    {
      g_autoptr(XaInspectionItem) item = xa_inspection_item_copy (xa_inspection_get_item (self, i));

      g_list_store_append (copy->items, item);
    }
  return copy;
}

/**
 * _xa_inspection_assign:
 *
 * Gives @self the values and items of @fresh; items that are still there keep their
 * objects, so that rows bound to them stay bound.
 */
void
_xa_inspection_assign (XaInspection *self,
                       XaInspection *fresh)
{
  guint n_self = xa_inspection_get_n_items (self);
  guint n_fresh = xa_inspection_get_n_items (fresh);

  g_object_freeze_notify (G_OBJECT (self));
  copy_fields (self, fresh);

  for (guint i = 0; i < MIN (n_self, n_fresh); i++)
    _xa_inspection_item_assign (xa_inspection_get_item (self, i), xa_inspection_get_item (fresh, i));
  if (n_self > n_fresh)
    g_list_store_splice (self->items, n_fresh, n_self - n_fresh, NULL, 0);
  for (guint i = n_self; i < n_fresh; i++)
    {
      g_autoptr(XaInspectionItem) item = xa_inspection_item_copy (xa_inspection_get_item (fresh, i));

      g_list_store_append (self->items, item);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
xa_inspection_get_uuid (XaInspection *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION (self), NULL);
  return self->uuid;
}

void
_xa_inspection_set_uuid (XaInspection *self,
                         const char   *uuid)
{
  set_text (self, PROP_UUID, uuid);
}

const char *
xa_inspection_get_number (XaInspection *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION (self), NULL);
  return self->number;
}

void
_xa_inspection_set_number (XaInspection *self,
                           const char   *number)
{
  set_text (self, PROP_NUMBER, number);
}

const char *
xa_inspection_get_school_uuid (XaInspection *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION (self), NULL);
  return self->school_uuid;
}

void
xa_inspection_set_school_uuid (XaInspection *self,
                               const char   *school_uuid)
{
  g_return_if_fail (XA_IS_INSPECTION (self));
  set_text (self, PROP_SCHOOL_UUID, school_uuid);
}

int
xa_inspection_get_school_year (XaInspection *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION (self), 0);
  return self->school_year;
}

void
xa_inspection_set_school_year (XaInspection *self,
                               int           school_year)
{
  g_return_if_fail (XA_IS_INSPECTION (self));

  if (self->school_year == school_year)
    return;
  self->school_year = school_year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHOOL_YEAR]);
}

XaInspectionType
xa_inspection_get_inspection_type (XaInspection *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION (self), XA_INSPECTION_WEEKLY);
  return self->type;
}

void
xa_inspection_set_inspection_type (XaInspection     *self,
                                   XaInspectionType  type)
{
  g_return_if_fail (XA_IS_INSPECTION (self));
  g_return_if_fail (type < XA_N_INSPECTION_TYPES);

  if (self->type == type)
    return;
  self->type = type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSPECTION_TYPE]);
}

const char *
xa_inspection_get_inspected_on (XaInspection *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION (self), NULL);
  return self->inspected_on;
}

void
xa_inspection_set_inspected_on (XaInspection *self,
                                const char   *date)
{
  g_return_if_fail (XA_IS_INSPECTION (self));
  set_text (self, PROP_INSPECTED_ON, date);
}

const char *
xa_inspection_get_leader (XaInspection *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION (self), NULL);
  return self->leader;
}

void
xa_inspection_set_leader (XaInspection *self,
                          const char   *leader)
{
  g_return_if_fail (XA_IS_INSPECTION (self));
  set_text (self, PROP_LEADER, leader);
}

const char *
xa_inspection_get_inspectors (XaInspection *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION (self), NULL);
  return self->inspectors;
}

void
xa_inspection_set_inspectors (XaInspection *self,
                              const char   *inspectors)
{
  g_return_if_fail (XA_IS_INSPECTION (self));
  set_text (self, PROP_INSPECTORS, inspectors);
}

const char *
xa_inspection_get_remarks (XaInspection *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION (self), NULL);
  return self->remarks;
}

void
xa_inspection_set_remarks (XaInspection *self,
                           const char   *remarks)
{
  g_return_if_fail (XA_IS_INSPECTION (self));
  set_text (self, PROP_REMARKS, remarks);
}

guint
_xa_inspection_get_row_version (XaInspection *self)
{
  return self->row_version;
}

void
_xa_inspection_set_row_version (XaInspection *self,
                                guint         row_version)
{
  self->row_version = row_version;
}

void
_xa_inspection_set_counts (XaInspection *self,
                           guint         n_items,
                           guint         n_abnormal,
                           guint         n_unrecorded)
{
  self->items_loaded = FALSE;
  self->n_items = n_items;
  self->n_abnormal = n_abnormal;
  self->n_unrecorded = n_unrecorded;
}

void
_xa_inspection_mark_items_loaded (XaInspection *self)
{
  self->items_loaded = TRUE;
}

/* Items */

/**
 * xa_inspection_get_items:
 *
 * Returns: (transfer none): the items, a list model of #XaInspectionItem
 */
GListModel *
xa_inspection_get_items (XaInspection *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION (self), NULL);
  return G_LIST_MODEL (self->items);
}

guint
xa_inspection_get_n_items (XaInspection *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

/**
 * xa_inspection_get_item:
 *
 * Returns: (transfer none): the item at @index, from 0
 */
XaInspectionItem *
xa_inspection_get_item (XaInspection *self,
                        guint         index)
{
  g_autoptr(XaInspectionItem) item = NULL;

  g_return_val_if_fail (XA_IS_INSPECTION (self), NULL);

  /* The store holds a reference as long as the item is in it. */
  item = g_list_model_get_item (G_LIST_MODEL (self->items), index);
  return item;
}

void
xa_inspection_append_item (XaInspection     *self,
                           XaInspectionItem *item)
{
  g_return_if_fail (XA_IS_INSPECTION (self));
  g_return_if_fail (XA_IS_INSPECTION_ITEM (item));

  g_list_store_append (self->items, item);
}

/**
 * xa_inspection_remove_item:
 *
 * Removes an item, unless it was turned into a hazard: the ledger's entry points at it.
 */
gboolean
xa_inspection_remove_item (XaInspection  *self,
                           guint          index,
                           GError       **error)
{
  XaInspectionItem *item;

  g_return_val_if_fail (XA_IS_INSPECTION (self), FALSE);
  g_return_val_if_fail (index < xa_inspection_get_n_items (self), FALSE);

  item = xa_inspection_get_item (self, index);
  if (xa_inspection_item_has_hazard (item))
    {
      g_set_error (error, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_INVALID,
                   /* Translators: an item's number, then a hazard number */
                   _("Item %u became hazard %s and stays in the record"),
                   index + 1, xa_inspection_item_get_hazard_number (item));
      return FALSE;
    }

  g_list_store_remove (self->items, index);
  return TRUE;
}

/**
 * xa_inspection_add_checklist:
 *
 * Appends one 正常 item for each line of @checklist, at the checklist's place.
 */
void
xa_inspection_add_checklist (XaInspection *self,
                             XaChecklist  *checklist)
{
  g_return_if_fail (XA_IS_INSPECTION (self));
  g_return_if_fail (XA_IS_CHECKLIST (checklist));

  for (guint i = 0; i < xa_checklist_get_n_items (checklist); i++)
    {
      g_autoptr(XaInspectionItem) item = xa_inspection_item_new (xa_checklist_get_area (checklist),
                                                                 xa_checklist_get_name (checklist),
                                                                 xa_checklist_get_item_text (checklist, i),
                                                                 xa_checklist_get_item_category (checklist, i));

      xa_inspection_item_set_place (item, xa_checklist_get_place (checklist));
      g_list_store_append (self->items, item);
    }
}

gboolean
xa_inspection_has_items (XaInspection *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION (self), FALSE);
  return self->items_loaded;
}

static guint
count_items (XaInspection *self,
             gboolean      abnormal_only,
             gboolean      unrecorded_only)
{
  guint n = 0;

  for (guint i = 0; i < xa_inspection_get_n_items (self); i++)
    {
      XaInspectionItem *item = xa_inspection_get_item (self, i);
      gboolean abnormal = xa_inspection_item_get_result (item) == XA_INSPECTION_RESULT_ABNORMAL;

      if ((abnormal_only && !abnormal) || (unrecorded_only && (!abnormal || xa_inspection_item_has_hazard (item))))
        continue;
      n++;
    }

  return n;
}

guint
xa_inspection_count_items (XaInspection *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION (self), 0);
  return self->items_loaded ? xa_inspection_get_n_items (self) : self->n_items;
}

guint
xa_inspection_count_abnormal (XaInspection *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION (self), 0);
  return self->items_loaded ? count_items (self, TRUE, FALSE) : self->n_abnormal;
}

guint
xa_inspection_count_unrecorded (XaInspection *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION (self), 0);
  return self->items_loaded ? count_items (self, TRUE, TRUE) : self->n_unrecorded;
}

/**
 * xa_inspection_dup_found_by:
 *
 * Returns: (transfer full): the leader and the inspectors, joined by 、
 */
char *
xa_inspection_dup_found_by (XaInspection *self)
{
  g_autofree char *leader = NULL;
  g_autofree char *inspectors = NULL;

  g_return_val_if_fail (XA_IS_INSPECTION (self), NULL);

  leader = g_strstrip (g_strdup (self->leader));
  inspectors = g_strstrip (g_strdup (self->inspectors));
  if (inspectors[0] == '\0')
    return g_steal_pointer (&leader);
  if (leader[0] == '\0')
    return g_steal_pointer (&inspectors);
  return g_strconcat (leader, "、", inspectors, NULL);
}

/**
 * xa_inspection_new_hazard:
 *
 * See xa-inspection.h.
 *
 * Returns: (transfer full): a new hazard, not stored
 */
XaHazard *
xa_inspection_new_hazard (XaInspection *self,
                          guint         index)
{
  XaInspectionItem *item;
  XaHazard *hazard;
  XaHazardSettings settings;
  g_autofree char *found_by = NULL;
  g_autofree char *deadline = NULL;
  const char *note;

  g_return_val_if_fail (XA_IS_INSPECTION (self), NULL);
  g_return_val_if_fail (index < xa_inspection_get_n_items (self), NULL);

  item = xa_inspection_get_item (self, index);
  note = xa_inspection_item_get_note (item);
  found_by = xa_inspection_dup_found_by (self);
  xa_hazard_settings_init (&settings);
  deadline = xa_hazard_settings_dup_deadline (&settings, XA_HAZARD_GRADE_GENERAL, self->inspected_on);

  hazard = xa_hazard_new ();
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID, self->school_uuid);
  xa_hazard_set_school_year (hazard, self->school_year);
  xa_hazard_set_inspection_type (hazard, self->type);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_ON, self->inspected_on);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_BY, found_by);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_PLACE, xa_inspection_item_get_place (item));
  xa_hazard_set_category (hazard, xa_inspection_item_get_category (item));
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DESCRIPTION,
                      xa_text_is_blank (note) ? xa_inspection_item_get_content (item) : note);
  xa_hazard_set_grade (hazard, XA_HAZARD_GRADE_GENERAL);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEADLINE, deadline);
  return hazard;
}

/* Validation */

const char *
xa_inspection_field_to_label (XaInspectionField field)
{
  g_return_val_if_fail (field < XA_INSPECTION_FIELD_NONE, NULL);
  return g_dpgettext2 (NULL, "inspection field", field_labels[field]);
}

gboolean
xa_inspection_type_is_inspection (XaInspectionType type)
{
  return type < XA_N_INSPECTION_TYPES && type != XA_INSPECTION_REPORT;
}

static gboolean
fail (XaInspectionField  field,
      guint              item,
      XaInspectionField *bad_field,
      guint             *bad_item)
{
  if (bad_field != NULL)
    *bad_field = field;
  if (bad_item != NULL)
    *bad_item = item;
  return FALSE;
}

/* The school year's days, and the two weeks before 1 September: the inspection before
 * the first semester (开学前排查) is of the year it prepares, and the plan asks for it
 * from then (xa-inspection-plan.c). */
static gboolean
in_school_year (GDate       *date,
                int          school_year)
{
  GDate shifted = *date;

  g_date_add_days (&shifted, XA_INSPECTION_DAYS_BEFORE_YEAR);
  return xa_school_year_for_date (date) == school_year || xa_school_year_for_date (&shifted) == school_year;
}

static gboolean
check_text (const char         *value,
            XaInspectionField   field,
            XaTextFlags         flags,
            guint               max_chars,
            GError            **error)
{
  return xa_text_check (value, xa_inspection_field_to_label (field), flags, max_chars,
                        XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_INVALID, error);
}

static gboolean
check_item (XaInspectionItem  *item,
            guint              number,
            GError           **error)
{
  g_autofree char *content = g_strdup_printf (_("Item %u, what is checked"), number);
  g_autofree char *place = g_strdup_printf (_("Item %u, place"), number);
  g_autofree char *note = g_strdup_printf (_("Item %u, problem found"), number);

  if (xa_text_is_blank (xa_inspection_item_get_area (item)) ||
      xa_text_is_blank (xa_inspection_item_get_area_name (item)))
    {
      g_set_error (error, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_INVALID,
                   _("Item %u belongs to no area of the checklists"), number);
      return FALSE;
    }

  if (!xa_text_check (xa_inspection_item_get_content (item), content, XA_TEXT_REQUIRED,
                      XA_INSPECTION_MAX_CONTENT, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_INVALID, error) ||
      !xa_text_check (xa_inspection_item_get_place (item), place, XA_TEXT_OPTIONAL,
                      XA_INSPECTION_MAX_PLACE, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_INVALID, error) ||
      !xa_text_check (xa_inspection_item_get_note (item), note,
                      XA_TEXT_MULTILINE |
                      (xa_inspection_item_get_result (item) == XA_INSPECTION_RESULT_ABNORMAL ? XA_TEXT_REQUIRED : 0),
                      XA_INSPECTION_MAX_NOTE, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_INVALID, error))
    return FALSE;

  if (xa_inspection_item_has_hazard (item) &&
      xa_inspection_item_get_result (item) != XA_INSPECTION_RESULT_ABNORMAL)
    {
      g_set_error (error, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_INVALID,
                   /* Translators: an item's number, then a hazard number */
                   _("Item %u became hazard %s: it stays abnormal"),
                   number, xa_inspection_item_get_hazard_number (item));
      return FALSE;
    }

  return TRUE;
}

/**
 * xa_inspection_validate:
 * @bad_field: (out) (optional): the field at fault
 * @bad_item: (out) (optional): for %XA_INSPECTION_FIELD_ITEMS, the item at fault, from 0
 *
 * Returns: %TRUE when the inspection may be stored; otherwise
 *   %XA_INSPECTION_ERROR_INVALID with a message naming the field or the item
 */
gboolean
xa_inspection_validate (XaInspection       *self,
                        XaInspectionField  *bad_field,
                        guint              *bad_item,
                        GError            **error)
{
  GDate date;
  guint n_items;

  g_return_val_if_fail (XA_IS_INSPECTION (self), FALSE);

  if (xa_text_is_blank (self->school_uuid))
    {
      g_set_error (error, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_INVALID,
                   /* Translators: %s is the field 学校 */
                   _("%s: choose the school that was inspected"),
                   xa_inspection_field_to_label (XA_INSPECTION_FIELD_SCHOOL));
      return fail (XA_INSPECTION_FIELD_SCHOOL, 0, bad_field, bad_item);
    }

  if (self->school_year < MIN_SCHOOL_YEAR || self->school_year > MAX_SCHOOL_YEAR)
    {
      g_set_error (error, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_INVALID,
                   /* Translators: %s is the field 学年度, then a number */
                   _("%s: %d is not a school year"),
                   xa_inspection_field_to_label (XA_INSPECTION_FIELD_SCHOOL_YEAR), self->school_year);
      return fail (XA_INSPECTION_FIELD_SCHOOL_YEAR, 0, bad_field, bad_item);
    }

  if (!xa_inspection_type_is_inspection (self->type))
    {
      g_set_error (error, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_INVALID,
                   /* Translators: %s is the field 检查类型, then a type such as 群众反映 */
                   _("%s: “%s” is a way hazards are found, not a kind of inspection"),
                   xa_inspection_field_to_label (XA_INSPECTION_FIELD_TYPE),
                   self->type < XA_N_INSPECTION_TYPES ? xa_inspection_type_to_label (self->type) : "");
      return fail (XA_INSPECTION_FIELD_TYPE, 0, bad_field, bad_item);
    }

  if (!xa_date_parse (self->inspected_on, &date))
    {
      g_set_error (error, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_INVALID,
                   /* Translators: %s is the field 检查日期, then what was typed */
                   _("%s: “%s” is not a date (write it like 2021-09-01)"),
                   xa_inspection_field_to_label (XA_INSPECTION_FIELD_DATE), self->inspected_on);
      return fail (XA_INSPECTION_FIELD_DATE, 0, bad_field, bad_item);
    }

  if (!in_school_year (&date, self->school_year))
    {
      g_autofree char *year = xa_school_year_format (self->school_year, FALSE);

      g_set_error (error, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_INVALID,
                   /* Translators: the field 检查日期, the date, then a school year such as 2021—2022学年度 */
                   _("%s: %s is neither in the %s nor in the two weeks before it"),
                   xa_inspection_field_to_label (XA_INSPECTION_FIELD_DATE), self->inspected_on, year);
      return fail (XA_INSPECTION_FIELD_DATE, 0, bad_field, bad_item);
    }

  if (!check_text (self->leader, XA_INSPECTION_FIELD_LEADER, XA_TEXT_REQUIRED, XA_INSPECTION_MAX_NAMES, error))
    return fail (XA_INSPECTION_FIELD_LEADER, 0, bad_field, bad_item);
  if (!check_text (self->inspectors, XA_INSPECTION_FIELD_INSPECTORS, XA_TEXT_OPTIONAL, XA_INSPECTION_MAX_NAMES * 2, error))
    return fail (XA_INSPECTION_FIELD_INSPECTORS, 0, bad_field, bad_item);
  if (!check_text (self->remarks, XA_INSPECTION_FIELD_REMARKS, XA_TEXT_MULTILINE, XA_INSPECTION_MAX_REMARKS, error))
    return fail (XA_INSPECTION_FIELD_REMARKS, 0, bad_field, bad_item);

  n_items = xa_inspection_get_n_items (self);
  if (n_items == 0 || n_items > XA_INSPECTION_MAX_ITEMS)
    {
      g_set_error (error, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_INVALID,
                   /* Translators: %s is the field 检查项目, then the limit */
                   _("%s: an inspection records from 1 to %d items; add a checklist"),
                   xa_inspection_field_to_label (XA_INSPECTION_FIELD_ITEMS), XA_INSPECTION_MAX_ITEMS);
      return fail (XA_INSPECTION_FIELD_ITEMS, 0, bad_field, bad_item);
    }

  for (guint i = 0; i < n_items; i++)
    {
      if (!check_item (xa_inspection_get_item (self, i), i + 1, error))
        return fail (XA_INSPECTION_FIELD_ITEMS, i, bad_field, bad_item);
    }

  return TRUE;
}

/* Numbers */

/**
 * xa_inspection_number_format:
 *
 * 检查编号: 2021-2022-<学校标识码>-JC0001, the sequence counted per school and school
 * year from 1, at least four digits.
 *
 * Returns: (transfer full): the number, or %NULL with %XA_INSPECTION_ERROR_NUMBER
 */
char *
xa_inspection_number_format (int          school_year,
                             const char  *school_code,
                             guint        sequence,
                             GError     **error)
{
  if (school_year < MIN_SCHOOL_YEAR || school_year > MAX_SCHOOL_YEAR || sequence == 0 ||
      school_code == NULL || strlen (school_code) != 10 || strspn (school_code, "0123456789") != 10)
    {
      g_set_error_literal (error, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_NUMBER,
                           _("An inspection number needs a school year, a 10-digit school code and a sequence from 1"));
      return NULL;
    }

  return g_strdup_printf ("%d-%d-%s-JC%04u", school_year, school_year + 1, school_code, sequence);
}

/**
 * xa_inspection_number_parse:
 * @school_code: (out) (optional) (transfer full):
 *
 * Returns: %TRUE when @number is an inspection number, with its parts
 */
gboolean
xa_inspection_number_parse (const char  *number,
                            int         *school_year,
                            char       **school_code,
                            guint       *sequence,
                            GError     **error)
{
  g_autoptr(GRegex) regex = g_regex_new ("^([0-9]{4})-([0-9]{4})-([0-9]{10})-JC([0-9]{4,9})$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *digits = NULL;
  int year;

  if (number != NULL && g_regex_match (regex, number, 0, &match))
    {
      first = g_match_info_fetch (match, 1);
      second = g_match_info_fetch (match, 2);
      digits = g_match_info_fetch (match, 4);
      year = atoi (first);

      if (atoi (second) == year + 1 && year >= MIN_SCHOOL_YEAR && year <= MAX_SCHOOL_YEAR &&
          strtoul (digits, NULL, 10) > 0)
        {
          if (school_year != NULL)
            *school_year = year;
          if (school_code != NULL)
            *school_code = g_match_info_fetch (match, 3);
          if (sequence != NULL)
            *sequence = (guint) strtoul (digits, NULL, 10);
          return TRUE;
        }
    }

  g_set_error (error, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_NUMBER,
               /* Translators: %s is what was given */
               _("“%s” is not an inspection number such as 2021-2022-5001040001-JC0001"),
               number != NULL ? number : "");
  return FALSE;
}
