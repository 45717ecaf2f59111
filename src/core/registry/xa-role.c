/* xa-role.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One dated term of a person in a role (reference/domain.md §4.4). Terms are never
 * overwritten: a successor's term begins the day the predecessor's ends, so that the
 * question "who was responsible on that day" keeps an answer for past years.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-role-private.h"
#include "xa-role.h"

struct _XaRole
{
  GObject     parent_instance;

  char       *uuid;
  XaRoleKind  kind;
  char       *organisation_uuid;
  char       *person_uuid;
  char       *person_name;
  char       *since;
  char       *until;
  char       *note;
};

G_DEFINE_FINAL_TYPE (XaRole, xa_role, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_KIND,
  PROP_KIND_LABEL,
  PROP_ORGANISATION_UUID,
  PROP_PERSON_UUID,
  PROP_PERSON_NAME,
  PROP_SINCE,
  PROP_UNTIL,
  PROP_NOTE,
  PROP_CURRENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *key;
  const char *label;    /* English source string, translated on use */
  const char *chinese;  /* the name documents print, whatever the locale */
} RoleKindInfo;

/* The keys are what the role_term table's CHECK constraint accepts. */
static const RoleKindInfo role_kinds[] = {
  /* Translators: 第一责任人, the school's principal as the person ultimately responsible */
  { "first-responsible", N_("First responsible person"), "第一责任人" },
  /* Translators: 直接责任人, the vice principal in charge of safety */
  { "direct-responsible", N_("Directly responsible person"), "直接责任人" },
  /* Translators: 法治副校长, a part-time vice principal for legal education */
  { "legal-vice-principal", N_("Legal vice principal"), "法治副校长" },
  /* Translators: 法治辅导员, a part-time legal-education counsellor */
  { "legal-counsellor", N_("Legal counsellor"), "法治辅导员" },
  /* Translators: 安全干部, the staff member running daily safety work */
  { "safety-officer", N_("Safety officer"), "安全干部" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (role_kinds) == XA_N_ROLE_KINDS);

static void
xa_role_finalize (GObject *object)
{
  XaRole *self = (XaRole *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->organisation_uuid, g_free);
  g_clear_pointer (&self->person_uuid, g_free);
  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->since, g_free);
  g_clear_pointer (&self->until, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (xa_role_parent_class)->finalize (object);
}

static void
xa_role_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  XaRole *self = XA_ROLE (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_KIND_LABEL:
      g_value_set_string (value, xa_role_kind_to_label (self->kind));
      break;

    case PROP_ORGANISATION_UUID:
      g_value_set_string (value, self->organisation_uuid);
      break;

    case PROP_PERSON_UUID:
      g_value_set_string (value, self->person_uuid);
      break;

    case PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;

    case PROP_SINCE:
      g_value_set_string (value, self->since);
      break;

    case PROP_UNTIL:
      g_value_set_string (value, self->until);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_CURRENT:
      g_value_set_boolean (value, self->until == NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_role_class_init (XaRoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = xa_role_finalize;
  object_class->get_property = xa_role_get_property;

  /* Every property is read-only: a term changes only through the registry, which
   * hands out fresh objects after each change. */
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL, ro);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, XA_N_ROLE_KINDS - 1, 0, ro);
  properties[PROP_KIND_LABEL] =
    g_param_spec_string ("kind-label", NULL, NULL, NULL, ro);
  properties[PROP_ORGANISATION_UUID] =
    g_param_spec_string ("organisation-uuid", NULL, NULL, NULL, ro);
  properties[PROP_PERSON_UUID] =
    g_param_spec_string ("person-uuid", NULL, NULL, NULL, ro);
  properties[PROP_PERSON_NAME] =
    g_param_spec_string ("person-name", NULL, NULL, NULL, ro);
  properties[PROP_SINCE] =
    g_param_spec_string ("since", NULL, NULL, NULL, ro);
  properties[PROP_UNTIL] =
    g_param_spec_string ("until", NULL, NULL, NULL, ro);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, ro);
  properties[PROP_CURRENT] =
    g_param_spec_boolean ("current", NULL, NULL, TRUE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_role_init (XaRole *self)
{
}

XaRole *
_xa_role_new (const char *uuid,
              XaRoleKind  kind,
              const char *organisation_uuid,
              const char *person_uuid,
              const char *person_name,
              const char *since,
              const char *until,
              const char *note)
{
  XaRole *self = g_object_new (XA_TYPE_ROLE, NULL);

  g_assert (kind < XA_N_ROLE_KINDS);

  self->uuid = g_strdup (uuid);
  self->kind = kind;
  self->organisation_uuid = g_strdup (organisation_uuid);
  self->person_uuid = g_strdup (person_uuid);
  self->person_name = g_strdup (person_name);
  self->since = g_strdup (since);
  self->until = until && until[0] ? g_strdup (until) : NULL;
  self->note = g_strdup (note ? note : "");

  return self;
}

const char *
xa_role_get_uuid (XaRole *self)
{
  g_return_val_if_fail (XA_IS_ROLE (self), NULL);

  return self->uuid;
}

XaRoleKind
xa_role_get_kind (XaRole *self)
{
  g_return_val_if_fail (XA_IS_ROLE (self), 0);

  return self->kind;
}

/**
 * xa_role_get_organisation_uuid:
 *
 * Returns: the school or commission where the term is held
 */
const char *
xa_role_get_organisation_uuid (XaRole *self)
{
  g_return_val_if_fail (XA_IS_ROLE (self), NULL);

  return self->organisation_uuid;
}

const char *
xa_role_get_person_uuid (XaRole *self)
{
  g_return_val_if_fail (XA_IS_ROLE (self), NULL);

  return self->person_uuid;
}

const char *
xa_role_get_person_name (XaRole *self)
{
  g_return_val_if_fail (XA_IS_ROLE (self), NULL);

  return self->person_name;
}

/**
 * xa_role_get_since:
 *
 * Returns: the first day of the term, YYYY-MM-DD
 */
const char *
xa_role_get_since (XaRole *self)
{
  g_return_val_if_fail (XA_IS_ROLE (self), NULL);

  return self->since;
}

/**
 * xa_role_get_until:
 *
 * Returns: (nullable): the day the term ended (the successor's first day), or %NULL
 *   while it runs
 */
const char *
xa_role_get_until (XaRole *self)
{
  g_return_val_if_fail (XA_IS_ROLE (self), NULL);

  return self->until;
}

const char *
xa_role_get_note (XaRole *self)
{
  g_return_val_if_fail (XA_IS_ROLE (self), NULL);

  return self->note;
}

gboolean
xa_role_get_current (XaRole *self)
{
  g_return_val_if_fail (XA_IS_ROLE (self), FALSE);

  return self->until == NULL;
}

/**
 * xa_role_kind_to_key:
 *
 * Returns: the stable key stored in the database ("first-responsible")
 */
const char *
xa_role_kind_to_key (XaRoleKind kind)
{
  g_return_val_if_fail (kind < XA_N_ROLE_KINDS, NULL);

  return role_kinds[kind].key;
}

gboolean
xa_role_kind_from_key (const char *key,
                       XaRoleKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_kinds); i++)
    {
      if (g_strcmp0 (key, role_kinds[i].key) == 0)
        {
          if (kind != NULL)
            *kind = (XaRoleKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * xa_role_kind_to_label:
 *
 * Returns: the translated label ("第一责任人")
 */
const char *
xa_role_kind_to_label (XaRoleKind kind)
{
  g_return_val_if_fail (kind < XA_N_ROLE_KINDS, NULL);

  return _(role_kinds[kind].label);
}

/**
 * xa_role_kind_to_chinese:
 *
 * Returns: the role's name as documents print it ("第一责任人"), in Chinese whatever the
 *   interface's language: the label is for the interface, this is for paper
 */
const char *
xa_role_kind_to_chinese (XaRoleKind kind)
{
  g_return_val_if_fail (kind < XA_N_ROLE_KINDS, NULL);

  return role_kinds[kind].chinese;
}

/**
 * xa_role_kind_is_single:
 *
 * Returns: whether a school has one holder of @kind at a time, so that a new holder is
 *   a succession (第一责任人, 直接责任人)
 */
gboolean
xa_role_kind_is_single (XaRoleKind kind)
{
  return kind == XA_ROLE_KIND_FIRST_RESPONSIBLE || kind == XA_ROLE_KIND_DIRECT_RESPONSIBLE;
}
