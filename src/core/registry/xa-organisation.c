/* xa-organisation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commission and its schools as plain objects: their fields, the rules each field
 * follows (reference/domain.md §4.2) and the labels of school types and 学段. Nothing here
 * touches the database; XaSchoolRegistry loads and saves these objects.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-organisation-private.h"
#include "xa-organisation.h"
#include "core/util/xa-glib-compat.h"
#include "core/util/xa-phone.h"
#include "core/util/xa-text.h"

#define NAME_MAX_CHARS    100
#define ADDRESS_MAX_CHARS 200
#define PHONE_MAX_CHARS   30
#define PERSON_NAME_MAX_CHARS 50

struct _XaOrganisation
{
  GObject             parent_instance;

  gint64              id;
  char               *uuid;
  XaOrganisationKind  kind;
  char               *code;
  char               *name;
  XaSchoolType        school_type;
  char               *stages;
  char               *address;
  char               *phone;
  char               *deleted_at;
};

G_DEFINE_FINAL_TYPE (XaOrganisation, xa_organisation, G_TYPE_OBJECT)

G_DEFINE_QUARK (xa-organisation-error-quark, xa_organisation_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_KIND,
  PROP_CODE,
  PROP_NAME,
  PROP_SCHOOL_TYPE,
  PROP_SCHOOL_TYPE_LABEL,
  PROP_STAGES,
  PROP_STAGES_LABEL,
  PROP_ADDRESS,
  PROP_PHONE,
  PROP_DELETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  XaSchoolType  type;
  const char   *key;
  const char   *label;          /* English source string, translated on use */
  const char   *chinese;        /* the label as Chinese lists write it, whatever the locale */
  const char   *alias;          /* the long official form */
  const char   *default_stages;
} SchoolTypeInfo;

static const SchoolTypeInfo school_types[] = {
  { XA_SCHOOL_TYPE_NONE, "", NULL, NULL, NULL, "" },
  /* Translators: a school type; the Chinese term is 幼儿园 */
  { XA_SCHOOL_TYPE_KINDERGARTEN, "kindergarten", N_("Kindergarten"), "幼儿园", "幼儿园", "preschool" },
  /* Translators: a school type; the Chinese term is 小学 */
  { XA_SCHOOL_TYPE_PRIMARY, "primary", N_("Primary school"), "小学", "小学", "primary" },
  /* Translators: a school type; the Chinese term is 初中 */
  { XA_SCHOOL_TYPE_JUNIOR, "junior", N_("Junior secondary school"), "初中", "初级中学", "junior" },
  /* Translators: a school type; the Chinese term is 九年一贯制 */
  { XA_SCHOOL_TYPE_NINE_YEAR, "nine-year", N_("Nine-year school"), "九年一贯制", "九年一贯制学校", "primary,junior" },
  /* Translators: a school type; the Chinese term is 高中 */
  { XA_SCHOOL_TYPE_SENIOR, "senior", N_("Senior secondary school"), "高中", "高级中学", "senior" },
  /* Translators: a school type; the Chinese term is 完全中学 */
  { XA_SCHOOL_TYPE_COMPLETE, "complete", N_("Complete secondary school"), "完全中学", "完全中学", "junior,senior" },
  /* Translators: a school type; the Chinese term is 中职 */
  { XA_SCHOOL_TYPE_VOCATIONAL, "vocational", N_("Vocational school"), "中职", "中等职业学校", "vocational" },
  /* Translators: a school type; the Chinese term is 特教 */
  { XA_SCHOOL_TYPE_SPECIAL, "special", N_("Special education school"), "特教", "特殊教育学校", "special" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (school_types) == XA_N_SCHOOL_TYPES);

typedef struct
{
  const char *key;
  const char *label;
  const char *chinese;
} StageInfo;

static const StageInfo stage_infos[] = {
  /* Translators: a 学段 (stage of schooling) */
  { "preschool", N_("Preschool"), "学前" },
  /* Translators: a 学段 (stage of schooling) */
  { "primary", N_("Primary"), "小学" },
  /* Translators: a 学段 (stage of schooling) */
  { "junior", N_("Junior secondary"), "初中" },
  /* Translators: a 学段 (stage of schooling) */
  { "senior", N_("Senior secondary"), "高中" },
  /* Translators: a 学段 (stage of schooling) */
  { "vocational", N_("Vocational"), "中职" },
  /* Translators: a 学段 (stage of schooling) */
  { "special", N_("Special education"), "特教" },
};

/* 学校类别码, the first two digits of a 学校标识码 (reference/domain.md §4.2). */
static const char * const category_codes[] = {
  "11", "21", "22", "31", "32", "33", "34", "35", "36", "37", "41", "42", "51", "91", "92", "93",
};

static void
set_string_property (XaOrganisation  *self,
                     char           **field,
                     const char      *value,
                     int              prop)
{
  if (g_set_str_compat (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
xa_organisation_finalize (GObject *object)
{
  XaOrganisation *self = (XaOrganisation *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->stages, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->deleted_at, g_free);

  G_OBJECT_CLASS (xa_organisation_parent_class)->finalize (object);
}

static void
xa_organisation_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XaOrganisation *self = XA_ORGANISATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SCHOOL_TYPE:
      g_value_set_int (value, self->school_type);
      break;

    case PROP_SCHOOL_TYPE_LABEL:
      g_value_set_string (value, xa_school_type_to_label (self->school_type));
      break;

    case PROP_STAGES:
      g_value_set_string (value, self->stages);
      break;

    case PROP_STAGES_LABEL:
      g_value_take_string (value, xa_stages_to_label (self->stages));
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_DELETED:
      g_value_set_boolean (value, self->deleted_at != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_organisation_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XaOrganisation *self = XA_ORGANISATION (object);

  switch (prop_id)
    {
    case PROP_CODE:
      xa_organisation_set_code (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      xa_organisation_set_name (self, g_value_get_string (value));
      break;

    case PROP_SCHOOL_TYPE:
      xa_organisation_set_school_type (self, g_value_get_int (value));
      break;

    case PROP_STAGES:
      xa_organisation_set_stages (self, g_value_get_string (value));
      break;

    case PROP_ADDRESS:
      xa_organisation_set_address (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      xa_organisation_set_phone (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_organisation_class_init (XaOrganisationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = xa_organisation_finalize;
  object_class->get_property = xa_organisation_get_property;
  object_class->set_property = xa_organisation_set_property;

  /* The enums are int properties: they are not registered GTypes, and a GtkDropDown
   * binds its "selected" to an index anyway. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, ro);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      XA_ORGANISATION_KIND_SCHOOL, XA_ORGANISATION_KIND_COMMISSION,
                      XA_ORGANISATION_KIND_SCHOOL, ro);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, rw);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_SCHOOL_TYPE] =
    g_param_spec_int ("school-type", NULL, NULL,
                      XA_SCHOOL_TYPE_NONE, XA_N_SCHOOL_TYPES - 1, XA_SCHOOL_TYPE_NONE, rw);
  properties[PROP_SCHOOL_TYPE_LABEL] =
    g_param_spec_string ("school-type-label", NULL, NULL, NULL, ro);
  properties[PROP_STAGES] =
    g_param_spec_string ("stages", NULL, NULL, NULL, rw);
  properties[PROP_STAGES_LABEL] =
    g_param_spec_string ("stages-label", NULL, NULL, NULL, ro);
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL, rw);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL, rw);
  properties[PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_organisation_init (XaOrganisation *self)
{
  self->code = g_strdup ("");
  self->name = g_strdup ("");
  self->stages = g_strdup ("");
  self->address = g_strdup ("");
  self->phone = g_strdup ("");
}

XaOrganisation *
_xa_organisation_new (XaOrganisationKind  kind,
                      gint64              id,
                      const char         *uuid)
{
  XaOrganisation *self = g_object_new (XA_TYPE_ORGANISATION, NULL);

  self->kind = kind;
  self->id = id;
  self->uuid = uuid ? g_strdup (uuid) : g_uuid_string_random ();

  return self;
}

void
_xa_organisation_set_id (XaOrganisation *self,
                         gint64          id)
{
  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
_xa_organisation_set_deleted_at (XaOrganisation *self,
                                 const char     *deleted_at)
{
  gboolean was_deleted = self->deleted_at != NULL;

  g_set_str_compat (&self->deleted_at, deleted_at);
  if (was_deleted != (self->deleted_at != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED]);
}

void
_xa_organisation_assign (XaOrganisation *self,
                         XaOrganisation *from)
{
  g_object_freeze_notify (G_OBJECT (self));
  xa_organisation_set_code (self, from->code);
  xa_organisation_set_name (self, from->name);
  xa_organisation_set_school_type (self, from->school_type);
  xa_organisation_set_stages (self, from->stages);
  xa_organisation_set_address (self, from->address);
  xa_organisation_set_phone (self, from->phone);
  _xa_organisation_set_deleted_at (self, from->deleted_at);
  g_object_thaw_notify (G_OBJECT (self));
}

void
_xa_organisation_normalise (XaOrganisation *self)
{
  char **fields[] = { &self->code, &self->name, &self->stages, &self->address };
  int props[] = { PROP_CODE, PROP_NAME, PROP_STAGES, PROP_ADDRESS };
  g_autofree char *phone = xa_phone_format (self->phone);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (*fields[i]));
      set_string_property (self, fields[i], stripped, props[i]);
    }

  /* Saved the way people's numbers are (xa-phone.c), so that the school's number and its
   * principal's read as one kind of number. */
  set_string_property (self, &self->phone, phone, PROP_PHONE);
}

/**
 * xa_organisation_new_school:
 *
 * Creates an empty school with a fresh UUID, not yet in any registry.
 *
 * Returns: (transfer full): the school
 */
XaOrganisation *
xa_organisation_new_school (void)
{
  return _xa_organisation_new (XA_ORGANISATION_KIND_SCHOOL, 0, NULL);
}

/**
 * xa_organisation_copy:
 *
 * Copies every field, the UUID and database id included, so that an editor can change
 * the copy and hand it to xa_school_registry_update_school() while the list keeps
 * showing what is saved.
 *
 * Returns: (transfer full): the copy
 */
XaOrganisation *
xa_organisation_copy (XaOrganisation *self)
{
  XaOrganisation *copy;

  g_return_val_if_fail (XA_IS_ORGANISATION (self), NULL);

  copy = _xa_organisation_new (self->kind, self->id, self->uuid);
  _xa_organisation_assign (copy, self);

  return copy;
}

gint64
xa_organisation_get_id (XaOrganisation *self)
{
  g_return_val_if_fail (XA_IS_ORGANISATION (self), 0);

  return self->id;
}

const char *
xa_organisation_get_uuid (XaOrganisation *self)
{
  g_return_val_if_fail (XA_IS_ORGANISATION (self), NULL);

  return self->uuid;
}

XaOrganisationKind
xa_organisation_get_kind (XaOrganisation *self)
{
  g_return_val_if_fail (XA_IS_ORGANISATION (self), XA_ORGANISATION_KIND_SCHOOL);

  return self->kind;
}

const char *
xa_organisation_get_code (XaOrganisation *self)
{
  g_return_val_if_fail (XA_IS_ORGANISATION (self), NULL);

  return self->code;
}

void
xa_organisation_set_code (XaOrganisation *self,
                          const char     *code)
{
  g_return_if_fail (XA_IS_ORGANISATION (self));

  set_string_property (self, &self->code, code ? code : "", PROP_CODE);
}

const char *
xa_organisation_get_name (XaOrganisation *self)
{
  g_return_val_if_fail (XA_IS_ORGANISATION (self), NULL);

  return self->name;
}

void
xa_organisation_set_name (XaOrganisation *self,
                          const char     *name)
{
  g_return_if_fail (XA_IS_ORGANISATION (self));

  set_string_property (self, &self->name, name ? name : "", PROP_NAME);
}

XaSchoolType
xa_organisation_get_school_type (XaOrganisation *self)
{
  g_return_val_if_fail (XA_IS_ORGANISATION (self), XA_SCHOOL_TYPE_NONE);

  return self->school_type;
}

void
xa_organisation_set_school_type (XaOrganisation *self,
                                 XaSchoolType    school_type)
{
  g_return_if_fail (XA_IS_ORGANISATION (self));
  g_return_if_fail (school_type < XA_N_SCHOOL_TYPES);

  if (self->school_type == school_type)
    return;

  self->school_type = school_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHOOL_TYPE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHOOL_TYPE_LABEL]);
}

/**
 * xa_organisation_get_stages:
 *
 * Returns: the 学段 as comma-separated keys ("primary,junior"), "" when not set
 */
const char *
xa_organisation_get_stages (XaOrganisation *self)
{
  g_return_val_if_fail (XA_IS_ORGANISATION (self), NULL);

  return self->stages;
}

void
xa_organisation_set_stages (XaOrganisation *self,
                            const char     *stages)
{
  g_return_if_fail (XA_IS_ORGANISATION (self));

  if (g_set_str_compat (&self->stages, stages ? stages : ""))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGES]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGES_LABEL]);
    }
}

const char *
xa_organisation_get_address (XaOrganisation *self)
{
  g_return_val_if_fail (XA_IS_ORGANISATION (self), NULL);

  return self->address;
}

void
xa_organisation_set_address (XaOrganisation *self,
                             const char     *address)
{
  g_return_if_fail (XA_IS_ORGANISATION (self));

  set_string_property (self, &self->address, address ? address : "", PROP_ADDRESS);
}

const char *
xa_organisation_get_phone (XaOrganisation *self)
{
  g_return_val_if_fail (XA_IS_ORGANISATION (self), NULL);

  return self->phone;
}

void
xa_organisation_set_phone (XaOrganisation *self,
                           const char     *phone)
{
  g_return_if_fail (XA_IS_ORGANISATION (self));

  set_string_property (self, &self->phone, phone ? phone : "", PROP_PHONE);
}

/**
 * xa_organisation_get_deleted:
 *
 * Returns: whether the school was deleted (it can still be restored)
 */
gboolean
xa_organisation_get_deleted (XaOrganisation *self)
{
  g_return_val_if_fail (XA_IS_ORGANISATION (self), FALSE);

  return self->deleted_at != NULL;
}

/**
 * xa_organisation_field_to_label:
 *
 * Returns: the translated name of @field as forms show it ("学校标识码")
 */
const char *
xa_organisation_field_to_label (XaOrganisationField field)
{
  switch (field)
    {
    case XA_ORGANISATION_FIELD_CODE:
      /* Translators: 学校标识码, the 10-digit identifier the Ministry of Education issues */
      return _("School identifier");
    case XA_ORGANISATION_FIELD_NAME:
      return _("School name");
    case XA_ORGANISATION_FIELD_SCHOOL_TYPE:
      return _("School type");
    case XA_ORGANISATION_FIELD_STAGES:
      /* Translators: 学段, the stages of schooling a school teaches */
      return _("Stages");
    case XA_ORGANISATION_FIELD_ADDRESS:
      return _("Address");
    case XA_ORGANISATION_FIELD_PHONE:
      return _("Phone");
    case XA_ORGANISATION_FIELD_NONE:
    default:
      return "";
    }
}

gboolean
_xa_check_text (const char  *value,
                const char  *field_label,
                gboolean     required,
                guint        max_chars,
                GError     **error)
{
  return xa_text_check (value, field_label, required ? XA_TEXT_REQUIRED : XA_TEXT_OPTIONAL,
                        max_chars, XA_ORGANISATION_ERROR, XA_ORGANISATION_ERROR_INVALID, error);
}

gboolean
_xa_check_phone (const char  *value,
                 GError     **error)
{
  const char *label = xa_organisation_field_to_label (XA_ORGANISATION_FIELD_PHONE);

  if (!_xa_check_text (value, label, FALSE, PHONE_MAX_CHARS, error))
    return FALSE;

  for (const char *p = value ? value : ""; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p) && strchr (" -+()", *p) == NULL)
        {
          g_set_error (error, XA_ORGANISATION_ERROR, XA_ORGANISATION_ERROR_INVALID,
                       _("Phone may contain only digits, spaces, “-”, “+” and parentheses"));
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
_xa_check_person_name (const char  *name,
                       GError     **error)
{
  /* Translators: a person's name */
  return _xa_check_text (name, _("Name"), TRUE, PERSON_NAME_MAX_CHARS, error);
}

static gboolean
check_code (const char  *code,
            char       **warning,
            GError     **error)
{
  const char *label = xa_organisation_field_to_label (XA_ORGANISATION_FIELD_CODE);
  glong n_chars;

  if (code == NULL || code[0] == '\0')
    {
      g_set_error (error, XA_ORGANISATION_ERROR, XA_ORGANISATION_ERROR_INVALID,
                   _("%s must not be empty"), label);
      return FALSE;
    }

  if (!g_utf8_validate (code, -1, NULL))
    {
      g_set_error (error, XA_ORGANISATION_ERROR, XA_ORGANISATION_ERROR_INVALID,
                   _("%s is not valid UTF-8 text"), label);
      return FALSE;
    }

  n_chars = g_utf8_strlen (code, -1);

  for (const char *p = code; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_ascii_isdigit (*p))
        {
          g_autofree char *bad = g_utf8_substring (p, 0, 1);

          g_set_error (error, XA_ORGANISATION_ERROR, XA_ORGANISATION_ERROR_INVALID,
                       _("The school identifier must consist of digits only (“%s” is not a digit)"),
                       bad);
          return FALSE;
        }
    }

  if (n_chars != 10)
    {
      g_set_error (error, XA_ORGANISATION_ERROR, XA_ORGANISATION_ERROR_INVALID,
                   _("The school identifier must be 10 digits (it has %ld)"), n_chars);
      return FALSE;
    }

  if (warning != NULL)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (category_codes); i++)
        known |= strncmp (code, category_codes[i], 2) == 0;

      /* A code we do not recognise may still be right (the list changes rarely, but it
       * does), so this is for the user to look at, not a refusal. */
      if (!known)
        *warning = g_strdup_printf (_("The first two digits “%.2s” are not a known school category code"),
                                    code);
    }

  return TRUE;
}

static gboolean
parse_school_type (const char    *value,
                   XaSchoolType  *school_type)
{
  for (guint i = 1; i < G_N_ELEMENTS (school_types); i++)
    {
      if (g_strcmp0 (value, school_types[i].key) == 0)
        {
          *school_type = school_types[i].type;
          return TRUE;
        }
    }

  *school_type = xa_school_type_from_label (value);
  return *school_type != XA_SCHOOL_TYPE_NONE;
}

/**
 * xa_organisation_check_field:
 * @field: the field @value is meant for
 * @value: (nullable): the text as typed; a school type by key or label
 * @warning: (out) (optional) (transfer full): something the user should look at although
 *   the value is accepted, or %NULL
 *
 * Checks one field as the user types it, so that a form can show the problem at the
 * field before anything is saved.
 *
 * Returns: %FALSE with @error set when the value would be refused
 */
gboolean
xa_organisation_check_field (XaOrganisationField   field,
                             const char           *value,
                             char                **warning,
                             GError              **error)
{
  const char *label = xa_organisation_field_to_label (field);

  if (warning != NULL)
    *warning = NULL;

  switch (field)
    {
    case XA_ORGANISATION_FIELD_CODE:
      return check_code (value, warning, error);

    case XA_ORGANISATION_FIELD_NAME:
      return _xa_check_text (value, label, TRUE, NAME_MAX_CHARS, error);

    case XA_ORGANISATION_FIELD_SCHOOL_TYPE:
      {
        XaSchoolType school_type;

        if (value == NULL || value[0] == '\0')
          {
            g_set_error (error, XA_ORGANISATION_ERROR, XA_ORGANISATION_ERROR_INVALID,
                         _("Choose the school type"));
            return FALSE;
          }

        if (!parse_school_type (value, &school_type))
          {
            g_set_error (error, XA_ORGANISATION_ERROR, XA_ORGANISATION_ERROR_INVALID,
                         _("Unknown school type “%s” (known: 幼儿园, 小学, 初中, 九年一贯制, 高中, 完全中学, 中职, 特教)"),
                         value);
            return FALSE;
          }

        return TRUE;
      }

    case XA_ORGANISATION_FIELD_STAGES:
      {
        g_autofree char *keys = xa_stages_from_label (value, error);
        return keys != NULL;
      }

    case XA_ORGANISATION_FIELD_ADDRESS:
      return _xa_check_text (value, label, FALSE, ADDRESS_MAX_CHARS, error);

    case XA_ORGANISATION_FIELD_PHONE:
      return _xa_check_phone (value, error);

    case XA_ORGANISATION_FIELD_NONE:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * xa_organisation_validate:
 * @bad_field: (out) (optional): the first field at fault
 *
 * Checks every field with the rules of xa_organisation_check_field(). A commission has
 * no 学校标识码, type or 学段.
 *
 * Returns: %TRUE when the organisation may be saved
 */
gboolean
xa_organisation_validate (XaOrganisation       *self,
                          XaOrganisationField  *bad_field,
                          GError              **error)
{
  XaOrganisationField field = XA_ORGANISATION_FIELD_NONE;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (XA_IS_ORGANISATION (self), FALSE);

  if (self->kind == XA_ORGANISATION_KIND_SCHOOL &&
      !check_code (self->code, NULL, &local_error))
    field = XA_ORGANISATION_FIELD_CODE;
  else if (!xa_organisation_check_field (XA_ORGANISATION_FIELD_NAME, self->name, NULL, &local_error))
    field = XA_ORGANISATION_FIELD_NAME;
  else if (self->kind == XA_ORGANISATION_KIND_SCHOOL &&
           self->school_type == XA_SCHOOL_TYPE_NONE)
    {
      field = XA_ORGANISATION_FIELD_SCHOOL_TYPE;
      g_set_error (&local_error, XA_ORGANISATION_ERROR, XA_ORGANISATION_ERROR_INVALID,
                   _("Choose the school type"));
    }
  else if (self->kind == XA_ORGANISATION_KIND_SCHOOL &&
           !xa_organisation_check_field (XA_ORGANISATION_FIELD_STAGES, self->stages, NULL, &local_error))
    field = XA_ORGANISATION_FIELD_STAGES;
  else if (!xa_organisation_check_field (XA_ORGANISATION_FIELD_ADDRESS, self->address, NULL, &local_error))
    field = XA_ORGANISATION_FIELD_ADDRESS;
  else if (!xa_organisation_check_field (XA_ORGANISATION_FIELD_PHONE, self->phone, NULL, &local_error))
    field = XA_ORGANISATION_FIELD_PHONE;

  if (bad_field != NULL)
    *bad_field = field;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * xa_school_type_to_label:
 *
 * Returns: the translated label of @school_type ("小学"), "" for %XA_SCHOOL_TYPE_NONE
 */
const char *
xa_school_type_to_label (XaSchoolType school_type)
{
  g_return_val_if_fail (school_type < XA_N_SCHOOL_TYPES, "");

  if (school_type == XA_SCHOOL_TYPE_NONE)
    return "";

  return _(school_types[school_type].label);
}

/**
 * xa_school_type_from_label:
 * @label: (nullable): a label as the user or a Chinese school list writes it
 *
 * Accepts the translated label, the Chinese short and long forms (初中, 初级中学) and
 * the English label, so that a Chinese CSV file imports the same under any locale.
 *
 * Returns: the type, or %XA_SCHOOL_TYPE_NONE when @label is none of them
 */
XaSchoolType
xa_school_type_from_label (const char *label)
{
  g_autofree char *stripped = NULL;

  if (label == NULL)
    return XA_SCHOOL_TYPE_NONE;

  stripped = g_strstrip (g_strdup (label));
  if (stripped[0] == '\0')
    return XA_SCHOOL_TYPE_NONE;

  for (guint i = 1; i < G_N_ELEMENTS (school_types); i++)
    {
      const SchoolTypeInfo *info = &school_types[i];

      if (g_str_equal (stripped, info->chinese) ||
          g_str_equal (stripped, info->alias) ||
          g_str_equal (stripped, _(info->label)) ||
          g_ascii_strcasecmp (stripped, info->label) == 0)
        return info->type;
    }

  return XA_SCHOOL_TYPE_NONE;
}

/**
 * xa_school_type_default_stages:
 *
 * Returns: the 学段 keys a school of @school_type usually teaches ("primary,junior")
 */
const char *
xa_school_type_default_stages (XaSchoolType school_type)
{
  g_return_val_if_fail (school_type < XA_N_SCHOOL_TYPES, "");

  return school_types[school_type].default_stages;
}

const char *
xa_school_type_to_key (XaSchoolType school_type)
{
  g_return_val_if_fail (school_type < XA_N_SCHOOL_TYPES, "");

  return school_types[school_type].key;
}

XaSchoolType
xa_school_type_from_key (const char *key)
{
  for (guint i = 1; i < G_N_ELEMENTS (school_types); i++)
    {
      if (g_strcmp0 (key, school_types[i].key) == 0)
        return school_types[i].type;
    }

  return XA_SCHOOL_TYPE_NONE;
}

static const StageInfo *
find_stage (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (stage_infos); i++)
    {
      const StageInfo *info = &stage_infos[i];

      if (g_str_equal (text, info->key) ||
          g_str_equal (text, info->chinese) ||
          g_str_equal (text, _(info->label)) ||
          g_ascii_strcasecmp (text, info->label) == 0)
        return info;
    }

  return NULL;
}

/**
 * xa_stages_to_label:
 * @stages: (nullable): comma-separated 学段 keys
 *
 * Returns: (transfer full): the translated labels joined the Chinese way ("小学、初中")
 */
char *
xa_stages_to_label (const char *stages)
{
  g_auto(GStrv) keys = NULL;
  g_autoptr(GString) label = g_string_new (NULL);

  if (stages == NULL || stages[0] == '\0')
    return g_string_free (g_steal_pointer (&label), FALSE);

  keys = g_strsplit (stages, ",", -1);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const StageInfo *info = find_stage (keys[i]);

      if (label->len > 0)
        /* Translators: the separator between 学段 in a list, 、 in Chinese */
        g_string_append (label, _(", "));
      g_string_append (label, info ? _(info->label) : keys[i]);
    }

  return g_string_free (g_steal_pointer (&label), FALSE);
}

/**
 * xa_stages_from_label:
 * @label: (nullable): 学段 labels or keys separated by 、，, or spaces
 *
 * Returns: (transfer full) (nullable): the comma-separated keys in canonical order
 *   ("" for an empty @label), or %NULL with @error set for an unknown stage
 */
char *
xa_stages_from_label (const char  *label,
                      GError     **error)
{
  g_autoptr(GString) normalised = NULL;
  g_autoptr(GString) keys = g_string_new (NULL);
  g_auto(GStrv) parts = NULL;
  gboolean present[G_N_ELEMENTS (stage_infos)] = { FALSE, };

  if (label == NULL)
    return g_strdup ("");

  if (!g_utf8_validate (label, -1, NULL))
    {
      g_set_error (error, XA_ORGANISATION_ERROR, XA_ORGANISATION_ERROR_INVALID,
                   _("%s is not valid UTF-8 text"),
                   xa_organisation_field_to_label (XA_ORGANISATION_FIELD_STAGES));
      return NULL;
    }

  /* Chinese lists separate with 、 or the full-width comma; people also type ASCII
   * commas, semicolons and spaces. */
  normalised = g_string_new (label);
  g_string_replace (normalised, "、", ",", 0);
  g_string_replace (normalised, "，", ",", 0);
  g_string_replace (normalised, "；", ",", 0);
  g_string_replace (normalised, ";", ",", 0);
  g_string_replace (normalised, " ", ",", 0);
  parts = g_strsplit (normalised->str, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const StageInfo *info;

      g_strstrip (parts[i]);
      if (parts[i][0] == '\0')
        continue;

      if (!(info = find_stage (parts[i])))
        {
          g_set_error (error, XA_ORGANISATION_ERROR, XA_ORGANISATION_ERROR_INVALID,
                       _("Unknown stage “%s” (known: 学前, 小学, 初中, 高中, 中职, 特教)"),
                       parts[i]);
          return NULL;
        }

      present[info - stage_infos] = TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (stage_infos); i++)
    {
      if (!present[i])
        continue;
      if (keys->len > 0)
        g_string_append_c (keys, ',');
      g_string_append (keys, stage_infos[i].key);
    }

  return g_string_free (g_steal_pointer (&keys), FALSE);
}
