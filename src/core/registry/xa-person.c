/* xa-person.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person of an organisation: a principal, a vice principal, a 法治副校长 sent by the
 * police. What they are responsible for lives in their role terms (XaRole), so that a
 * person can hold several roles and leave one without losing the record of it.
 */

#include "config.h"

#include "xa-person-private.h"
#include "xa-person.h"
#include "core/util/xa-glib-compat.h"
#include "core/util/xa-phone.h"

struct _XaPerson
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  char    *organisation_uuid;
  char    *name;
  char    *title;
  char    *phone;
  char    *affiliation;
  char    *note;
};

G_DEFINE_FINAL_TYPE (XaPerson, xa_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_ORGANISATION_UUID,
  PROP_NAME,
  PROP_TITLE,
  PROP_PHONE,
  PROP_AFFILIATION,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string_property (XaPerson    *self,
                     char       **field,
                     const char  *value,
                     int          prop)
{
  if (g_set_str_compat (field, value ? value : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
xa_person_finalize (GObject *object)
{
  XaPerson *self = (XaPerson *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->organisation_uuid, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->affiliation, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (xa_person_parent_class)->finalize (object);
}

static void
xa_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  XaPerson *self = XA_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_ORGANISATION_UUID:
      g_value_set_string (value, self->organisation_uuid);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_AFFILIATION:
      g_value_set_string (value, self->affiliation);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_person_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  XaPerson *self = XA_PERSON (object);

  switch (prop_id)
    {
    case PROP_NAME:
      xa_person_set_name (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      xa_person_set_title (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      xa_person_set_phone (self, g_value_get_string (value));
      break;

    case PROP_AFFILIATION:
      xa_person_set_affiliation (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      xa_person_set_note (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_person_class_init (XaPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = xa_person_finalize;
  object_class->get_property = xa_person_get_property;
  object_class->set_property = xa_person_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, ro);
  properties[PROP_ORGANISATION_UUID] =
    g_param_spec_string ("organisation-uuid", NULL, NULL, NULL, ro);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL, rw);
  properties[PROP_AFFILIATION] =
    g_param_spec_string ("affiliation", NULL, NULL, NULL, rw);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_person_init (XaPerson *self)
{
  self->name = g_strdup ("");
  self->title = g_strdup ("");
  self->phone = g_strdup ("");
  self->affiliation = g_strdup ("");
  self->note = g_strdup ("");
}

XaPerson *
_xa_person_new_full (gint64      id,
                     const char *uuid,
                     const char *organisation_uuid,
                     const char *name)
{
  XaPerson *self = g_object_new (XA_TYPE_PERSON, NULL);

  self->id = id;
  self->uuid = uuid ? g_strdup (uuid) : g_uuid_string_random ();
  self->organisation_uuid = g_strdup (organisation_uuid);
  g_set_str_compat (&self->name, name ? name : "");

  return self;
}

void
_xa_person_set_id (XaPerson *self,
                   gint64    id)
{
  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
_xa_person_normalise (XaPerson *self)
{
  char **fields[] = { &self->name, &self->title, &self->affiliation, &self->note };
  int props[] = { PROP_NAME, PROP_TITLE, PROP_AFFILIATION, PROP_NOTE };
  g_autofree char *phone = xa_phone_format (self->phone);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (*fields[i]));
      set_string_property (self, fields[i], stripped, props[i]);
    }

  /* Saved the way it is shown, so that a list reads as one kind of number. */
  set_string_property (self, &self->phone, phone, PROP_PHONE);
}

/**
 * xa_person_new:
 * @organisation_uuid: the school or commission the person belongs to
 * @name: (nullable): the person's name
 *
 * Creates a person with a fresh UUID, to be saved with xa_school_registry_add_person().
 *
 * Returns: (transfer full): the person
 */
XaPerson *
xa_person_new (const char *organisation_uuid,
               const char *name)
{
  g_return_val_if_fail (organisation_uuid != NULL, NULL);

  return _xa_person_new_full (0, NULL, organisation_uuid, name);
}

gint64
xa_person_get_id (XaPerson *self)
{
  g_return_val_if_fail (XA_IS_PERSON (self), 0);

  return self->id;
}

const char *
xa_person_get_uuid (XaPerson *self)
{
  g_return_val_if_fail (XA_IS_PERSON (self), NULL);

  return self->uuid;
}

const char *
xa_person_get_organisation_uuid (XaPerson *self)
{
  g_return_val_if_fail (XA_IS_PERSON (self), NULL);

  return self->organisation_uuid;
}

const char *
xa_person_get_name (XaPerson *self)
{
  g_return_val_if_fail (XA_IS_PERSON (self), NULL);

  return self->name;
}

void
xa_person_set_name (XaPerson   *self,
                    const char *name)
{
  g_return_if_fail (XA_IS_PERSON (self));

  set_string_property (self, &self->name, name, PROP_NAME);
}

/**
 * xa_person_get_title:
 *
 * Returns: the person's 职务 (校长, 副校长…), "" when not set
 */
const char *
xa_person_get_title (XaPerson *self)
{
  g_return_val_if_fail (XA_IS_PERSON (self), NULL);

  return self->title;
}

void
xa_person_set_title (XaPerson   *self,
                     const char *title)
{
  g_return_if_fail (XA_IS_PERSON (self));

  set_string_property (self, &self->title, title, PROP_TITLE);
}

const char *
xa_person_get_phone (XaPerson *self)
{
  g_return_val_if_fail (XA_IS_PERSON (self), NULL);

  return self->phone;
}

void
xa_person_set_phone (XaPerson   *self,
                     const char *phone)
{
  g_return_if_fail (XA_IS_PERSON (self));

  set_string_property (self, &self->phone, phone, PROP_PHONE);
}

/**
 * xa_person_get_affiliation:
 *
 * Returns: the 派出单位 of someone sent from outside the school (a court, a police
 *   station), "" otherwise
 */
const char *
xa_person_get_affiliation (XaPerson *self)
{
  g_return_val_if_fail (XA_IS_PERSON (self), NULL);

  return self->affiliation;
}

void
xa_person_set_affiliation (XaPerson   *self,
                           const char *affiliation)
{
  g_return_if_fail (XA_IS_PERSON (self));

  set_string_property (self, &self->affiliation, affiliation, PROP_AFFILIATION);
}

/**
 * xa_person_get_note:
 *
 * Returns: the remark (备注) typed for the person, "" when none
 */
const char *
xa_person_get_note (XaPerson *self)
{
  g_return_val_if_fail (XA_IS_PERSON (self), NULL);

  return self->note;
}

void
xa_person_set_note (XaPerson   *self,
                    const char *note)
{
  g_return_if_fail (XA_IS_PERSON (self));

  set_string_property (self, &self->note, note, PROP_NOTE);
}
