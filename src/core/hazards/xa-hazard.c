/* xa-hazard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One entry of the hazard ledger (reference/domain.md §3.2). The object holds the columns
 * and the history and knows nothing of the store, as XaAgreement does; its rules are in
 * xa-hazard-validate.c (the columns) and xa-hazard-workflow.c (the steps). The text and
 * date columns live in one array indexed by XaHazardField, so that properties,
 * validation and JSON walk the same table (xa-hazard-names.c) instead of repeating
 * twenty-three accessors each.
 */

#include "config.h"

#include <string.h>

#include "xa-hazard-private.h"
#include "core/util/xa-list-sync.h"

struct _XaHazard
{
  GObject               parent_instance;

  /* The text and date columns, as GRefStrings so that a copy (one a step, the demo's
   * millions) shares them instead of duplicating each; NULL for no value. */
  char                 *text[XA_N_HAZARD_TEXT_FIELDS];
  /* Bit f: text[f] met its column's rules when last validated, and has not been set
   * since (xa_hazard_validate() checks the others only). A step validates its hazard
   * whole; the demo's million hazards take four steps each. */
  guint64               checked_texts;
  int                   school_year;
  XaInspectionType      inspection_type;
  XaHazardCategory      category;
  XaHazardGrade         grade;
  gboolean              reported;
  gboolean              supervised;
  XaReinspectionResult  reinspection_result;
  XaHazardState         state;
  /* XaHazardEntry, oldest first. */
  GPtrArray            *history;
  /* The stored row's version when the hazard was read (xa-hazard-book.c); 0 for a
   * hazard not stored yet. */
  guint                 row_version;
};

G_DEFINE_FINAL_TYPE (XaHazard, xa_hazard, G_TYPE_OBJECT)

G_STATIC_ASSERT (XA_N_HAZARD_TEXT_FIELDS <= 64);

G_DEFINE_QUARK (xa-hazard-error-quark, xa_hazard_error)

/* A column's property is its XaHazardField + 1. */
#define PROP_OF(field) ((guint) (field) + 1)
#define N_PROPS        PROP_OF (XA_HAZARD_FIELD_NONE)

static GParamSpec *properties[N_PROPS];

static void
notify_field (XaHazard      *self,
              XaHazardField  field)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OF (field)]);
}

static void
xa_hazard_finalize (GObject *object)
{
  XaHazard *self = (XaHazard *) object;

  for (guint i = 0; i < XA_N_HAZARD_TEXT_FIELDS; i++)
    g_clear_pointer (&self->text[i], g_ref_string_release);
  g_ptr_array_unref (self->history);

  G_OBJECT_CLASS (xa_hazard_parent_class)->finalize (object);
}

static void
xa_hazard_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  XaHazard *self = XA_HAZARD (object);
  XaHazardField field = (XaHazardField) (prop_id - 1);

  if (prop_id >= 1 && field < XA_N_HAZARD_TEXT_FIELDS)
    {
      g_value_set_string (value, xa_hazard_get_text (self, field));
      return;
    }

  switch (prop_id)
    {
    case PROP_OF (XA_HAZARD_FIELD_SCHOOL_YEAR):
      g_value_set_int (value, self->school_year);
      break;
    case PROP_OF (XA_HAZARD_FIELD_INSPECTION_TYPE):
      g_value_set_int (value, self->inspection_type);
      break;
    case PROP_OF (XA_HAZARD_FIELD_CATEGORY):
      g_value_set_int (value, self->category);
      break;
    case PROP_OF (XA_HAZARD_FIELD_GRADE):
      g_value_set_int (value, self->grade);
      break;
    case PROP_OF (XA_HAZARD_FIELD_REPORTED):
      g_value_set_boolean (value, self->reported);
      break;
    case PROP_OF (XA_HAZARD_FIELD_SUPERVISED):
      g_value_set_boolean (value, self->supervised);
      break;
    case PROP_OF (XA_HAZARD_FIELD_REINSPECTION_RESULT):
      g_value_set_int (value, self->reinspection_result);
      break;
    case PROP_OF (XA_HAZARD_FIELD_STATE):
      g_value_set_int (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_hazard_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  XaHazard *self = XA_HAZARD (object);
  XaHazardField field = (XaHazardField) (prop_id - 1);

  if (prop_id >= 1 && field < XA_N_HAZARD_TEXT_FIELDS)
    {
      xa_hazard_set_text (self, field, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_OF (XA_HAZARD_FIELD_SCHOOL_YEAR):
      xa_hazard_set_school_year (self, g_value_get_int (value));
      break;
    case PROP_OF (XA_HAZARD_FIELD_INSPECTION_TYPE):
      xa_hazard_set_inspection_type (self, g_value_get_int (value));
      break;
    case PROP_OF (XA_HAZARD_FIELD_CATEGORY):
      xa_hazard_set_category (self, g_value_get_int (value));
      break;
    case PROP_OF (XA_HAZARD_FIELD_GRADE):
      xa_hazard_set_grade (self, g_value_get_int (value));
      break;
    case PROP_OF (XA_HAZARD_FIELD_REPORTED):
      xa_hazard_set_reported (self, g_value_get_boolean (value));
      break;
    case PROP_OF (XA_HAZARD_FIELD_SUPERVISED):
      xa_hazard_set_supervised (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
int_property (XaHazardField field,
              int           max,
              gboolean      writable)
{
  return g_param_spec_int (_xa_hazard_field_info (field)->property, NULL, NULL, 0, max, 0,
                           (writable ? G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY : G_PARAM_READABLE)
                           | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
boolean_property (XaHazardField field)
{
  return g_param_spec_boolean (_xa_hazard_field_info (field)->property, NULL, NULL, FALSE,
                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
xa_hazard_class_init (XaHazardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xa_hazard_finalize;
  object_class->get_property = xa_hazard_get_property;
  object_class->set_property = xa_hazard_set_property;

  for (XaHazardField field = 0; field < XA_N_HAZARD_TEXT_FIELDS; field++)
    properties[PROP_OF (field)] =
      g_param_spec_string (_xa_hazard_field_info (field)->property, NULL, NULL, "",
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_OF (XA_HAZARD_FIELD_SCHOOL_YEAR)] = int_property (XA_HAZARD_FIELD_SCHOOL_YEAR, 9999, TRUE);
  properties[PROP_OF (XA_HAZARD_FIELD_INSPECTION_TYPE)] =
    int_property (XA_HAZARD_FIELD_INSPECTION_TYPE, XA_N_INSPECTION_TYPES - 1, TRUE);
  properties[PROP_OF (XA_HAZARD_FIELD_CATEGORY)] =
    int_property (XA_HAZARD_FIELD_CATEGORY, XA_N_HAZARD_CATEGORIES - 1, TRUE);
  properties[PROP_OF (XA_HAZARD_FIELD_GRADE)] = int_property (XA_HAZARD_FIELD_GRADE, XA_N_HAZARD_GRADES - 1, TRUE);
  properties[PROP_OF (XA_HAZARD_FIELD_REPORTED)] = boolean_property (XA_HAZARD_FIELD_REPORTED);
  properties[PROP_OF (XA_HAZARD_FIELD_SUPERVISED)] = boolean_property (XA_HAZARD_FIELD_SUPERVISED);
  /* Read-only: the steps change them (xa-hazard-workflow.c). */
  properties[PROP_OF (XA_HAZARD_FIELD_REINSPECTION_RESULT)] =
    int_property (XA_HAZARD_FIELD_REINSPECTION_RESULT, XA_N_REINSPECTION_RESULTS - 1, FALSE);
  properties[PROP_OF (XA_HAZARD_FIELD_STATE)] = int_property (XA_HAZARD_FIELD_STATE, XA_N_HAZARD_STATES - 1, FALSE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_hazard_init (XaHazard *self)
{
  self->history = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_hazard_entry_free);
  self->category = XA_HAZARD_CATEGORY_OTHER;
}

/**
 * xa_hazard_new:
 *
 * Returns: (transfer full): a hazard in 待整改 with a new UUID and nothing else filled
 */
XaHazard *
xa_hazard_new (void)
{
  XaHazard *self = g_object_new (XA_TYPE_HAZARD, NULL);
  g_autofree char *uuid = g_uuid_string_random ();

  self->text[XA_HAZARD_FIELD_UUID] = g_ref_string_new (uuid);
  return self;
}

/**
 * xa_hazard_copy:
 *
 * A form edits a copy, so that leaving it unsaved leaves the hazard as it was.
 *
 * Returns: (transfer full): a hazard with the same columns, state and history
 */
XaHazard *
xa_hazard_copy (XaHazard *self)
{
  XaHazard *copy;

  g_return_val_if_fail (XA_IS_HAZARD (self), NULL);

  copy = g_object_new (XA_TYPE_HAZARD, NULL);
  for (guint i = 0; i < XA_N_HAZARD_TEXT_FIELDS; i++)
    copy->text[i] = self->text[i] != NULL ? g_ref_string_acquire (self->text[i]) : NULL;
  copy->checked_texts = self->checked_texts;
  copy->school_year = self->school_year;
  copy->inspection_type = self->inspection_type;
  copy->category = self->category;
  copy->grade = self->grade;
  copy->reported = self->reported;
  copy->supervised = self->supervised;
  copy->reinspection_result = self->reinspection_result;
  copy->state = self->state;
  copy->row_version = self->row_version;
  for (guint i = 0; i < self->history->len; i++)
    g_ptr_array_add (copy->history, xa_hazard_entry_ref (g_ptr_array_index (self->history, i)));

  return copy;
}

/**
 * _xa_hazard_assign:
 * @fresh: the same hazard after a step; its contents are taken
 *
 * Updates @self to @fresh's values and notifies what changed, so that a change made on a
 * copy (a step on a watched hazard, a save) reaches the hazard whole or not at all.
 */
void
_xa_hazard_assign (XaHazard *self,
                   XaHazard *fresh)
{
  XaPropertySnapshot *snapshot;
  const gsize offset = G_STRUCT_OFFSET (XaHazard, text);
  guint8 held[sizeof (XaHazard)];

  g_return_if_fail (XA_IS_HAZARD (self) && XA_IS_HAZARD (fresh));

  /* Nobody to notify (a hazard being made, the demo's million): no snapshot to take. */
  snapshot = g_signal_has_handler_pending (self, g_signal_lookup ("notify", G_TYPE_OBJECT), 0, TRUE)
             ? xa_property_snapshot_new (G_OBJECT (self)) : NULL;

  /* Every field after the GObject header changes places, so that a field added later is
   * never forgotten; @fresh frees the old values when it goes. */
  memcpy (held, (guint8 *) self + offset, sizeof (XaHazard) - offset);
  memcpy ((guint8 *) self + offset, (guint8 *) fresh + offset, sizeof (XaHazard) - offset);
  memcpy ((guint8 *) fresh + offset, held, sizeof (XaHazard) - offset);

  if (snapshot != NULL)
    xa_property_snapshot_notify (snapshot);
}

/**
 * _xa_hazard_undo_init:
 * @fields: the text columns the change may set, up to %XA_HAZARD_UNDO_MAX_FIELDS; they
 *   stay as they are while @undo is in use
 *
 * Keeps what @self is now, in @fields, its state, re-inspection result and history, for
 * _xa_hazard_undo(): a step changes the hazard in place and is undone if the result is
 * refused, instead of being made on a copy of all forty columns (3.7 million copies for
 * the demo's million hazards). _xa_hazard_undo_clear() forgets it.
 */
void
_xa_hazard_undo_init (XaHazard            *self,
                      XaHazardUndo        *undo,
                      const XaHazardField *fields,
                      guint                n_fields)
{
  g_return_if_fail (XA_IS_HAZARD (self));
  g_return_if_fail (n_fields <= XA_HAZARD_UNDO_MAX_FIELDS);

  undo->fields = fields;
  undo->n_fields = n_fields;
  for (guint i = 0; i < n_fields; i++)
    {
      g_return_if_fail (fields[i] < XA_N_HAZARD_TEXT_FIELDS);
      undo->text[i] = self->text[fields[i]] != NULL ? g_ref_string_acquire (self->text[fields[i]]) : NULL;
    }
  undo->checked_texts = self->checked_texts;
  undo->reinspection_result = self->reinspection_result;
  undo->state = self->state;
  undo->n_entries = self->history->len;
}

/**
 * _xa_hazard_undo:
 *
 * Puts back what _xa_hazard_undo_init() kept, and notifies what changes back. Only
 * @undo's columns, state, result and entries added to the history are put back.
 */
void
_xa_hazard_undo (XaHazard     *self,
                 XaHazardUndo *undo)
{
  g_return_if_fail (XA_IS_HAZARD (self));
  g_return_if_fail (self->history->len >= undo->n_entries);

  for (guint i = 0; i < undo->n_fields; i++)
    {
      XaHazardField field = undo->fields[i];

      if (self->text[field] == undo->text[i])
        continue;
      g_clear_pointer (&self->text[field], g_ref_string_release);
      self->text[field] = g_steal_pointer (&undo->text[i]);
      notify_field (self, field);
    }
  g_ptr_array_set_size (self->history, undo->n_entries);
  _xa_hazard_set_reinspection_result (self, undo->reinspection_result);
  _xa_hazard_set_state (self, undo->state);
  self->checked_texts = undo->checked_texts;
}

void
_xa_hazard_undo_clear (XaHazardUndo *undo)
{
  for (guint i = 0; i < undo->n_fields; i++)
    g_clear_pointer (&undo->text[i], g_ref_string_release);
  undo->n_fields = 0;
}

/**
 * xa_hazard_get_text:
 * @field: a text or date column (below %XA_N_HAZARD_TEXT_FIELDS)
 *
 * Returns: the column's value; "" when it has none, never %NULL
 */
const char *
xa_hazard_get_text (XaHazard      *self,
                    XaHazardField  field)
{
  g_return_val_if_fail (XA_IS_HAZARD (self), NULL);
  g_return_val_if_fail (field < XA_N_HAZARD_TEXT_FIELDS, NULL);

  return self->text[field] != NULL ? self->text[field] : "";
}

/**
 * xa_hazard_set_text:
 * @value: (nullable): the value; %NULL or "" for none. Checked by xa_hazard_validate(),
 *   not here, so that a form can hold what is being typed.
 */
void
xa_hazard_set_text (XaHazard      *self,
                    XaHazardField  field,
                    const char    *value)
{
  char *old;

  g_return_if_fail (XA_IS_HAZARD (self));
  g_return_if_fail (field < XA_N_HAZARD_TEXT_FIELDS);

  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (self->text[field], value) == 0)
    return;

  /* The new one first: @value may be a part of the old. */
  old = g_steal_pointer (&self->text[field]);
  self->text[field] = value != NULL ? g_ref_string_new (value) : NULL;
  self->checked_texts &= ~(G_GUINT64_CONSTANT (1) << field);
  g_clear_pointer (&old, g_ref_string_release);
  notify_field (self, field);
}

const char *
xa_hazard_get_uuid (XaHazard *self)
{
  return xa_hazard_get_text (self, XA_HAZARD_FIELD_UUID);
}

const char *
xa_hazard_get_number (XaHazard *self)
{
  return xa_hazard_get_text (self, XA_HAZARD_FIELD_NUMBER);
}

/* The typed columns: each setter stores and notifies only a change. */
#define SETTER(name, Type, member, field)                     \
  Type                                                        \
  xa_hazard_get_##name (XaHazard *self)                       \
  {                                                           \
    g_return_val_if_fail (XA_IS_HAZARD (self), 0);            \
    return self->member;                                      \
  }                                                           \
  void                                                        \
  xa_hazard_set_##name (XaHazard *self,                       \
                        Type      value)                      \
  {                                                           \
    g_return_if_fail (XA_IS_HAZARD (self));                   \
    if (self->member == value)                                \
      return;                                                 \
    self->member = value;                                     \
    notify_field (self, field);                               \
  }

SETTER (school_year, int, school_year, XA_HAZARD_FIELD_SCHOOL_YEAR)
SETTER (inspection_type, XaInspectionType, inspection_type, XA_HAZARD_FIELD_INSPECTION_TYPE)
SETTER (category, XaHazardCategory, category, XA_HAZARD_FIELD_CATEGORY)
SETTER (grade, XaHazardGrade, grade, XA_HAZARD_FIELD_GRADE)

/* Yes/no columns are stored as TRUE or FALSE only, so that a comparison is a column's. */
#define BOOLEAN_SETTER(name, field)                           \
  gboolean                                                    \
  xa_hazard_get_##name (XaHazard *self)                       \
  {                                                           \
    g_return_val_if_fail (XA_IS_HAZARD (self), FALSE);        \
    return self->name;                                        \
  }                                                           \
  void                                                        \
  xa_hazard_set_##name (XaHazard *self,                       \
                        gboolean  value)                      \
  {                                                           \
    g_return_if_fail (XA_IS_HAZARD (self));                   \
    value = !!value;                                          \
    if (self->name == value)                                  \
      return;                                                 \
    self->name = value;                                       \
    notify_field (self, field);                               \
  }

BOOLEAN_SETTER (reported, XA_HAZARD_FIELD_REPORTED)
BOOLEAN_SETTER (supervised, XA_HAZARD_FIELD_SUPERVISED)

XaReinspectionResult
xa_hazard_get_reinspection_result (XaHazard *self)
{
  g_return_val_if_fail (XA_IS_HAZARD (self), XA_REINSPECTION_NONE);
  return self->reinspection_result;
}

void
_xa_hazard_set_reinspection_result (XaHazard             *self,
                                    XaReinspectionResult  result)
{
  g_return_if_fail (XA_IS_HAZARD (self));
  g_return_if_fail (result < XA_N_REINSPECTION_RESULTS);

  if (self->reinspection_result == result)
    return;
  self->reinspection_result = result;
  notify_field (self, XA_HAZARD_FIELD_REINSPECTION_RESULT);
}

XaHazardState
xa_hazard_get_state (XaHazard *self)
{
  g_return_val_if_fail (XA_IS_HAZARD (self), XA_HAZARD_STATE_PENDING);
  return self->state;
}

void
_xa_hazard_set_state (XaHazard      *self,
                      XaHazardState  state)
{
  g_return_if_fail (XA_IS_HAZARD (self));
  g_return_if_fail (state < XA_N_HAZARD_STATES);

  if (self->state == state)
    return;
  self->state = state;
  notify_field (self, XA_HAZARD_FIELD_STATE);
}

GPtrArray *
_xa_hazard_get_history (XaHazard *self)
{
  g_return_val_if_fail (XA_IS_HAZARD (self), NULL);
  return self->history;
}

guint
_xa_hazard_get_row_version (XaHazard *self)
{
  g_return_val_if_fail (XA_IS_HAZARD (self), 0);
  return self->row_version;
}

void
_xa_hazard_set_row_version (XaHazard *self,
                            guint     row_version)
{
  g_return_if_fail (XA_IS_HAZARD (self));
  self->row_version = row_version;
}

/**
 * _xa_hazard_get_text_checked:
 * @field: a text or date column
 *
 * Returns: whether the column's value met its rules when last validated, and has not
 *   changed since
 */
gboolean
_xa_hazard_get_text_checked (XaHazard      *self,
                             XaHazardField  field)
{
  g_return_val_if_fail (XA_IS_HAZARD (self), FALSE);
  g_return_val_if_fail (field < XA_N_HAZARD_TEXT_FIELDS, FALSE);

  return (self->checked_texts >> field) & 1;
}

/* Notes that the column's value, as it is, meets its rules. */
void
_xa_hazard_set_text_checked (XaHazard      *self,
                             XaHazardField  field)
{
  g_return_if_fail (XA_IS_HAZARD (self));
  g_return_if_fail (field < XA_N_HAZARD_TEXT_FIELDS);

  self->checked_texts |= G_GUINT64_CONSTANT (1) << field;
}

guint
xa_hazard_get_n_entries (XaHazard *self)
{
  g_return_val_if_fail (XA_IS_HAZARD (self), 0);
  return self->history->len;
}

/**
 * xa_hazard_get_entry:
 * @index: from 0, the oldest
 *
 * Returns: (transfer none) (nullable): the history's entry at @index
 */
const XaHazardEntry *
xa_hazard_get_entry (XaHazard *self,
                     guint     index)
{
  g_return_val_if_fail (XA_IS_HAZARD (self), NULL);
  return index < self->history->len ? g_ptr_array_index (self->history, index) : NULL;
}
