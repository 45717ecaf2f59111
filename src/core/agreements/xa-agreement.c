/* xa-agreement.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A snapshot of one agreement revision. The object itself never touches the store:
 * XaAgreementBook reads and writes rows, so that the rules (only a draft changes, a signed
 * agreement is superseded, never changed) live in one place, and in SQL.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-agreement-private.h"
#include "core/store/xa-store.h"
#include "core/util/xa-date.h"
#include "core/util/xa-glib-compat.h"
#include "core/util/xa-list-sync.h"

struct _XaAgreement
{
  GObject           parent_instance;

  gint64            id;
  char             *uuid;
  char             *school_uuid;
  char             *school_code;
  int               school_year;
  int               revision;
  char             *template_uuid;
  int               template_version;
  XaAgreementState  state;
  char             *school_name;
  char             *commission_name;
  char             *first_responsible;
  char             *direct_responsible;
  char             *sign_date;
  char             *successor;
  char             *handover_date;
  char             *supersedes;
  char             *superseded_by;
  /* When and by whom each state was reached; [DRAFT] is the creation. */
  char             *step_time[XA_N_AGREEMENT_STATES];
  char             *step_operator[XA_N_AGREEMENT_STATES];
  char             *updated_at;
  /* The school's supplementary clauses (补充条款), in order, and their rows' UUIDs. */
  GStrv             supplements;
  GStrv             supplement_uuids;
};

G_DEFINE_FINAL_TYPE (XaAgreement, xa_agreement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_SCHOOL_UUID,
  PROP_SCHOOL_CODE,
  PROP_SCHOOL_YEAR,
  PROP_REVISION,
  PROP_TEMPLATE_UUID,
  PROP_TEMPLATE_VERSION,
  PROP_STATE,
  PROP_STATE_LABEL,
  PROP_SCHOOL_NAME,
  PROP_COMMISSION_NAME,
  PROP_FIRST_RESPONSIBLE,
  PROP_DIRECT_RESPONSIBLE,
  PROP_SIGN_DATE,
  PROP_SUCCESSOR,
  PROP_HANDOVER_DATE,
  PROP_SUPERSEDES,
  PROP_SUPERSEDED_BY,
  PROP_SUPPLEMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const state_keys[] = { "draft", "pending", "signed", "archived" };

G_STATIC_ASSERT (G_N_ELEMENTS (state_keys) == XA_N_AGREEMENT_STATES);

static char *
dup_column (XaStatement *stmt,
            int           column)
{
  if (xa_statement_get_is_null (stmt, column))
    return NULL;

  return g_strdup (xa_statement_get_text (stmt, column));
}

/**
 * _xa_agreement_new_from_stmt:
 * @stmt: a row of %XA_AGREEMENT_COLUMNS
 *
 * Returns: (transfer full): the agreement of the row
 */
XaAgreement *
_xa_agreement_new_from_stmt (XaStatement *stmt)
{
  XaAgreement *self = g_object_new (XA_TYPE_AGREEMENT, NULL);

  self->id = xa_statement_get_int64 (stmt, 0);
  self->uuid = dup_column (stmt, 1);
  self->school_uuid = dup_column (stmt, 2);
  self->school_code = dup_column (stmt, 3);
  self->school_year = xa_statement_get_int (stmt, 4);
  self->revision = xa_statement_get_int (stmt, 5);
  self->template_uuid = dup_column (stmt, 6);
  self->template_version = xa_statement_get_int (stmt, 7);
  if (!xa_agreement_state_from_key (xa_statement_get_text (stmt, 8), &self->state))
    self->state = XA_AGREEMENT_STATE_DRAFT;
  self->school_name = dup_column (stmt, 9);
  self->commission_name = dup_column (stmt, 10);
  self->first_responsible = dup_column (stmt, 11);
  self->direct_responsible = dup_column (stmt, 12);
  self->step_time[XA_AGREEMENT_STATE_DRAFT] = dup_column (stmt, 13);
  self->step_operator[XA_AGREEMENT_STATE_DRAFT] = dup_column (stmt, 14);
  self->updated_at = dup_column (stmt, 15);
  self->step_time[XA_AGREEMENT_STATE_PENDING] = dup_column (stmt, 16);
  self->step_operator[XA_AGREEMENT_STATE_PENDING] = dup_column (stmt, 17);
  self->step_time[XA_AGREEMENT_STATE_SIGNED] = dup_column (stmt, 18);
  self->step_operator[XA_AGREEMENT_STATE_SIGNED] = dup_column (stmt, 19);
  self->step_time[XA_AGREEMENT_STATE_ARCHIVED] = dup_column (stmt, 20);
  self->step_operator[XA_AGREEMENT_STATE_ARCHIVED] = dup_column (stmt, 21);
  self->supersedes = dup_column (stmt, 22);
  self->superseded_by = dup_column (stmt, 23);
  self->sign_date = dup_column (stmt, 25);

  self->successor = dup_column (stmt, 24);
  self->handover_date = dup_column (stmt, 26);

  return self;
}

static void
swap_pointers (gpointer *a,
               gpointer *b)
{
  gpointer held = *a;

  *a = *b;
  *b = held;
}

/**
 * _xa_agreement_assign:
 * @fresh: the same agreement as read again from the store; its contents are taken
 *
 * Updates @self in place to @fresh's values and notifies the properties that changed,
 * so that a row or a page bound to @self follows the store.
 */
void
_xa_agreement_assign (XaAgreement *self,
                      XaAgreement *fresh)
{
  XaPropertySnapshot *snapshot;
  const gsize offset = G_STRUCT_OFFSET (XaAgreement, id);
  guint8 held[sizeof (XaAgreement)];

  g_return_if_fail (XA_IS_AGREEMENT (self) && XA_IS_AGREEMENT (fresh));
  g_return_if_fail (g_strcmp0 (self->uuid, fresh->uuid) == 0);

  snapshot = xa_property_snapshot_new (G_OBJECT (self));

  /* Every field after the GObject header changes places, so that a field added later
   * is never forgotten here; @fresh frees the old values when it goes. */
  memcpy (held, (guint8 *) self + offset, sizeof (XaAgreement) - offset);
  memcpy ((guint8 *) self + offset, (guint8 *) fresh + offset, sizeof (XaAgreement) - offset);
  memcpy ((guint8 *) fresh + offset, held, sizeof (XaAgreement) - offset);

  /* The keys stay the strings they were, so that a caller holding one borrowed from
   * this agreement can go on using it. */
  swap_pointers ((gpointer *) &self->uuid, (gpointer *) &fresh->uuid);
  swap_pointers ((gpointer *) &self->school_uuid, (gpointer *) &fresh->school_uuid);

  xa_property_snapshot_notify (snapshot);
}

/**
 * _xa_agreement_take_supplements:
 * @uuids: (transfer full): the supplementary clauses' row UUIDs, in order
 * @texts: (transfer full): their texts, as many
 *
 * Gives a new agreement its supplementary clauses as read with its row.
 */
void
_xa_agreement_take_supplements (XaAgreement *self,
                                GStrv        uuids,
                                GStrv        texts)
{
  g_return_if_fail (XA_IS_AGREEMENT (self));
  g_return_if_fail (g_strv_length (uuids) == g_strv_length (texts));

  g_strfreev (self->supplement_uuids);
  g_strfreev (self->supplements);
  self->supplement_uuids = uuids;
  self->supplements = texts;
}

gint64
_xa_agreement_get_id (XaAgreement *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), 0);

  return self->id;
}

static void
set_string (XaAgreement *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (g_set_str_compat (field, value ? value : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
xa_agreement_finalize (GObject *object)
{
  XaAgreement *self = (XaAgreement *) object;

  g_free (self->uuid);
  g_free (self->school_uuid);
  g_free (self->school_code);
  g_free (self->template_uuid);
  g_free (self->school_name);
  g_free (self->commission_name);
  g_free (self->first_responsible);
  g_free (self->direct_responsible);
  g_free (self->sign_date);
  g_free (self->successor);
  g_free (self->handover_date);
  g_free (self->supersedes);
  g_free (self->superseded_by);
  g_free (self->updated_at);
  g_strfreev (self->supplements);
  g_strfreev (self->supplement_uuids);
  for (guint i = 0; i < XA_N_AGREEMENT_STATES; i++)
    {
      g_free (self->step_time[i]);
      g_free (self->step_operator[i]);
    }

  G_OBJECT_CLASS (xa_agreement_parent_class)->finalize (object);
}

static void
xa_agreement_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  XaAgreement *self = XA_AGREEMENT (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_SCHOOL_UUID:
      g_value_set_string (value, self->school_uuid);
      break;
    case PROP_SCHOOL_CODE:
      g_value_set_string (value, self->school_code);
      break;
    case PROP_SCHOOL_YEAR:
      g_value_set_int (value, self->school_year);
      break;
    case PROP_REVISION:
      g_value_set_int (value, self->revision);
      break;
    case PROP_TEMPLATE_UUID:
      g_value_set_string (value, self->template_uuid);
      break;
    case PROP_TEMPLATE_VERSION:
      g_value_set_int (value, self->template_version);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_STATE_LABEL:
      g_value_set_string (value, xa_agreement_state_to_label (self->state));
      break;
    case PROP_SCHOOL_NAME:
      g_value_set_string (value, self->school_name);
      break;
    case PROP_COMMISSION_NAME:
      g_value_set_string (value, self->commission_name);
      break;
    case PROP_FIRST_RESPONSIBLE:
      g_value_set_string (value, self->first_responsible);
      break;
    case PROP_DIRECT_RESPONSIBLE:
      g_value_set_string (value, self->direct_responsible);
      break;
    case PROP_SIGN_DATE:
      g_value_set_string (value, self->sign_date);
      break;
    case PROP_SUCCESSOR:
      g_value_set_string (value, self->successor);
      break;
    case PROP_HANDOVER_DATE:
      g_value_set_string (value, self->handover_date);
      break;
    case PROP_SUPERSEDES:
      g_value_set_string (value, self->supersedes);
      break;
    case PROP_SUPERSEDED_BY:
      g_value_set_string (value, self->superseded_by);
      break;
    case PROP_SUPPLEMENTS:
      g_value_set_boxed (value, self->supplements);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_agreement_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  XaAgreement *self = XA_AGREEMENT (object);

  switch (prop_id)
    {
    case PROP_SCHOOL_NAME:
      xa_agreement_set_school_name (self, g_value_get_string (value));
      break;
    case PROP_COMMISSION_NAME:
      xa_agreement_set_commission_name (self, g_value_get_string (value));
      break;
    case PROP_FIRST_RESPONSIBLE:
      xa_agreement_set_first_responsible (self, g_value_get_string (value));
      break;
    case PROP_DIRECT_RESPONSIBLE:
      xa_agreement_set_direct_responsible (self, g_value_get_string (value));
      break;
    case PROP_SIGN_DATE:
      xa_agreement_set_sign_date (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name,
                 gboolean    writable)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              (writable ? G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY : G_PARAM_READABLE)
                              | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
int_property (const char *name,
              int         max)
{
  return g_param_spec_int (name, NULL, NULL, 0, max, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
xa_agreement_class_init (XaAgreementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xa_agreement_finalize;
  object_class->get_property = xa_agreement_get_property;
  object_class->set_property = xa_agreement_set_property;

  properties[PROP_UUID] = string_property ("uuid", FALSE);
  properties[PROP_SCHOOL_UUID] = string_property ("school-uuid", FALSE);
  properties[PROP_SCHOOL_CODE] = string_property ("school-code", FALSE);
  properties[PROP_SCHOOL_YEAR] = int_property ("school-year", 2200);
  properties[PROP_REVISION] = int_property ("revision", G_MAXINT);
  properties[PROP_TEMPLATE_UUID] = string_property ("template-uuid", FALSE);
  properties[PROP_TEMPLATE_VERSION] = int_property ("template-version", G_MAXINT);
  properties[PROP_STATE] = int_property ("state", XA_N_AGREEMENT_STATES - 1);
  properties[PROP_STATE_LABEL] = string_property ("state-label", FALSE);
  properties[PROP_SCHOOL_NAME] = string_property ("school-name", TRUE);
  properties[PROP_COMMISSION_NAME] = string_property ("commission-name", TRUE);
  properties[PROP_FIRST_RESPONSIBLE] = string_property ("first-responsible", TRUE);
  properties[PROP_DIRECT_RESPONSIBLE] = string_property ("direct-responsible", TRUE);
  /* YYYY-MM-DD, or NULL: the signature block then leaves 年　月　日 to fill by hand. */
  properties[PROP_SIGN_DATE] = string_property ("sign-date", TRUE);
  properties[PROP_SUCCESSOR] = string_property ("successor", FALSE);
  properties[PROP_HANDOVER_DATE] = string_property ("handover-date", FALSE);
  properties[PROP_SUPERSEDES] = string_property ("supersedes", FALSE);
  properties[PROP_SUPERSEDED_BY] = string_property ("superseded-by", FALSE);
  /* The school's supplementary clauses, in order; XaAgreementBook changes them. */
  properties[PROP_SUPPLEMENTS] =
    g_param_spec_boxed ("supplements", NULL, NULL, G_TYPE_STRV, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_agreement_init (XaAgreement *self)
{
  self->supplements = g_new0 (char *, 1);
  self->supplement_uuids = g_new0 (char *, 1);
}

const char *
xa_agreement_get_uuid (XaAgreement *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), NULL);
  return self->uuid;
}

const char *
xa_agreement_get_school_uuid (XaAgreement *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), NULL);
  return self->school_uuid;
}

const char *
xa_agreement_get_school_code (XaAgreement *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), NULL);
  return self->school_code;
}

int
xa_agreement_get_school_year (XaAgreement *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), 0);
  return self->school_year;
}

int
xa_agreement_get_revision (XaAgreement *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), 0);
  return self->revision;
}

const char *
xa_agreement_get_template_uuid (XaAgreement *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), NULL);
  return self->template_uuid;
}

int
xa_agreement_get_template_version (XaAgreement *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), 0);
  return self->template_version;
}

XaAgreementState
xa_agreement_get_state (XaAgreement *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), XA_AGREEMENT_STATE_DRAFT);
  return self->state;
}

/**
 * xa_agreement_is_editable:
 *
 * Returns: %TRUE for the current revision while it is a draft
 */
gboolean
xa_agreement_is_editable (XaAgreement *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), FALSE);
  return self->state == XA_AGREEMENT_STATE_DRAFT && self->superseded_by == NULL;
}

/**
 * xa_agreement_is_current:
 *
 * Returns: %TRUE unless a later revision superseded this one
 */
gboolean
xa_agreement_is_current (XaAgreement *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), FALSE);
  return self->superseded_by == NULL;
}

/**
 * xa_agreement_get_supersedes:
 *
 * Returns: (nullable): the uuid of the revision this one replaced
 */
const char *
xa_agreement_get_supersedes (XaAgreement *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), NULL);
  return self->supersedes;
}

/**
 * xa_agreement_get_superseded_by:
 *
 * Returns: (nullable): the uuid of the revision that replaced this one
 */
const char *
xa_agreement_get_superseded_by (XaAgreement *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), NULL);
  return self->superseded_by;
}

const char *
xa_agreement_get_school_name (XaAgreement *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), NULL);
  return self->school_name;
}

void
xa_agreement_set_school_name (XaAgreement *self,
                              const char  *school_name)
{
  g_return_if_fail (XA_IS_AGREEMENT (self));
  set_string (self, &self->school_name, school_name, PROP_SCHOOL_NAME);
}

const char *
xa_agreement_get_commission_name (XaAgreement *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), NULL);
  return self->commission_name;
}

void
xa_agreement_set_commission_name (XaAgreement *self,
                                  const char  *commission_name)
{
  g_return_if_fail (XA_IS_AGREEMENT (self));
  set_string (self, &self->commission_name, commission_name, PROP_COMMISSION_NAME);
}

const char *
xa_agreement_get_first_responsible (XaAgreement *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), NULL);
  return self->first_responsible;
}

void
xa_agreement_set_first_responsible (XaAgreement *self,
                                    const char  *name)
{
  g_return_if_fail (XA_IS_AGREEMENT (self));
  set_string (self, &self->first_responsible, name, PROP_FIRST_RESPONSIBLE);
}

const char *
xa_agreement_get_direct_responsible (XaAgreement *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), NULL);
  return self->direct_responsible;
}

void
xa_agreement_set_direct_responsible (XaAgreement *self,
                                     const char  *name)
{
  g_return_if_fail (XA_IS_AGREEMENT (self));
  set_string (self, &self->direct_responsible, name, PROP_DIRECT_RESPONSIBLE);
}

/**
 * xa_agreement_get_sign_date:
 *
 * Returns: (nullable): the day the agreement is signed on (YYYY-MM-DD), printed in its
 *   signature block; %NULL leaves 年　月　日 to be filled in by hand
 */
const char *
xa_agreement_get_sign_date (XaAgreement *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), NULL);
  return self->sign_date != NULL && self->sign_date[0] != '\0' ? self->sign_date : NULL;
}

/**
 * xa_agreement_set_sign_date:
 * @date: (nullable): YYYY-MM-DD, or %NULL or "" for none; checked when the agreement
 *   is stored (xa_agreement_book_update())
 */
void
xa_agreement_set_sign_date (XaAgreement *self,
                            const char  *date)
{
  g_return_if_fail (XA_IS_AGREEMENT (self));
  set_string (self, &self->sign_date, date != NULL && date[0] != '\0' ? date : NULL, PROP_SIGN_DATE);
}

/**
 * xa_agreement_get_successor:
 *
 * The succession is read from the registry each time the agreement is loaded, not
 * stored with it: a principal who leaves in February changes nothing in the agreement
 * signed in September, but the successor's acknowledgement must know about it.
 *
 * Returns: (nullable): the successor's name
 */
const char *
xa_agreement_get_successor (XaAgreement *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), NULL);
  return self->successor;
}

/**
 * xa_agreement_get_handover_date:
 *
 * Returns: (nullable): the day the successor took over, YYYY-MM-DD
 */
const char *
xa_agreement_get_handover_date (XaAgreement *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), NULL);
  return self->handover_date;
}

/**
 * xa_agreement_get_step_time:
 *
 * Returns: (nullable): when @state was reached, ISO 8601
 */
const char *
xa_agreement_get_step_time (XaAgreement      *self,
                            XaAgreementState  state)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (state < XA_N_AGREEMENT_STATES, NULL);
  return self->step_time[state];
}

/**
 * xa_agreement_get_step_operator:
 *
 * Returns: (nullable): who moved the agreement to @state
 */
const char *
xa_agreement_get_step_operator (XaAgreement      *self,
                                XaAgreementState  state)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (state < XA_N_AGREEMENT_STATES, NULL);
  return self->step_operator[state];
}

/**
 * xa_agreement_get_supplements:
 *
 * Returns: (transfer none) (array zero-terminated=1): the school's supplementary clauses
 *   (补充条款), in the order they are printed after the template's text; none is empty
 */
const char * const *
xa_agreement_get_supplements (XaAgreement *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), NULL);
  return (const char * const *) self->supplements;
}

guint
xa_agreement_get_n_supplements (XaAgreement *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), 0);
  return g_strv_length (self->supplements);
}

/**
 * xa_agreement_get_supplement_uuid:
 * @index: a supplementary clause's place, from 0
 *
 * Returns: (nullable): the UUID by which XaAgreementBook changes that clause, or %NULL
 *   when there is none at @index
 */
const char *
xa_agreement_get_supplement_uuid (XaAgreement *self,
                                  guint        index)
{
  g_return_val_if_fail (XA_IS_AGREEMENT (self), NULL);
  return index < g_strv_length (self->supplement_uuids) ? self->supplement_uuids[index] : NULL;
}

/* The namespace of the UUIDs that supplementary clauses take in a revision (RFC 4122
 * §4.3): 7f6ed705-2267-4ae7-919c-b2d5ab32b4cf, made once for Xiaoan and never changed,
 * or clauses copied before and after a change would no longer be recognised. */
static const guint8 revision_namespace[16] = {
  0x7f, 0x6e, 0xd7, 0x05, 0x22, 0x67, 0x4a, 0xe7, 0x91, 0x9c, 0xb2, 0xd5, 0xab, 0x32, 0xb4, 0xcf,
};

/**
 * xa_agreement_dup_revised_supplement_uuid:
 * @uuid: a supplementary clause's UUID
 *
 * The UUID of the clause's copy in the revision that supersedes its agreement: a
 * name-based UUID (version 5) of @uuid. A comparison of two revisions thus knows the
 * school's clause it kept or edited for the same clause, with no column to link them; an
 * agreement is superseded at most once, so no two copies ever share one.
 *
 * Returns: (transfer full): the copy's UUID, in lower case
 */
char *
xa_agreement_dup_revised_supplement_uuid (const char *uuid)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 d[20];
  gsize length = sizeof d;

  g_return_val_if_fail (uuid != NULL, NULL);

  g_checksum_update (checksum, revision_namespace, sizeof revision_namespace);
  g_checksum_update (checksum, (const guchar *) uuid, -1);
  g_checksum_get_digest (checksum, d, &length);

  /* The version (5) and the variant (RFC 4122) in their bits. */
  d[6] = (d[6] & 0x0f) | 0x50;
  d[8] = (d[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7],
                          d[8], d[9], d[10], d[11], d[12], d[13], d[14], d[15]);
}

/**
 * xa_agreement_fill_values:
 * @template: (nullable): the template version the agreement is set in, whose year style
 *   it follows
 * @values: (out caller-allocates): the template's placeholder values
 *
 * Fills @values with strings borrowed from @self, for xa_template_expand().
 */
void
xa_agreement_fill_values (XaAgreement      *self,
                          XaTemplate       *template,
                          XaTemplateValues *values)
{
  g_return_if_fail (XA_IS_AGREEMENT (self));
  g_return_if_fail (template == NULL || XA_IS_TEMPLATE (template));
  g_return_if_fail (values != NULL);

  *values = (XaTemplateValues) {
    .school_year = self->school_year,
    .legacy_year_style = template != NULL && xa_template_get_legacy_year_style (template),
    .school_name = self->school_name,
    .commission_name = self->commission_name,
    .first_responsible = self->first_responsible,
    .direct_responsible = self->direct_responsible,
  };
}

const char *
xa_agreement_state_to_key (XaAgreementState state)
{
  g_return_val_if_fail (state < XA_N_AGREEMENT_STATES, NULL);
  return state_keys[state];
}

gboolean
xa_agreement_state_from_key (const char       *key,
                             XaAgreementState *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_keys); i++)
    {
      if (g_strcmp0 (key, state_keys[i]) == 0)
        {
          *state = (XaAgreementState) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
xa_agreement_state_to_label (XaAgreementState state)
{
  switch (state)
    {
    case XA_AGREEMENT_STATE_DRAFT:
      /* Translators: an agreement that can still be edited (草稿). */
      return _("Draft");
    case XA_AGREEMENT_STATE_PENDING:
      /* Translators: an agreement printed and waiting for signatures (待签). */
      return _("Awaiting signature");
    case XA_AGREEMENT_STATE_SIGNED:
      /* Translators: an agreement both parties signed (已签). */
      return _("Signed");
    case XA_AGREEMENT_STATE_ARCHIVED:
      /* Translators: a signed agreement whose paper copy is filed (已归档). */
      return _("Archived");
    case XA_N_AGREEMENT_STATES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * xa_agreement_dup_file_name:
 *
 * The file name of an agreement wherever one is written (an export, a batch folder, the
 * command line): the school's 学校标识码 and name, `2150000113-示例区实验小学.pdf`, so
 * that a folder sorts by code and a clerk still finds a school by its name. Characters
 * that a file system refuses, and control characters, become "_".
 *
 * Returns: (transfer full): a name ending in .pdf
 */
char *
xa_agreement_dup_file_name (XaAgreement *self)
{
  g_autoptr(GString) name = NULL;

  g_return_val_if_fail (XA_IS_AGREEMENT (self), NULL);

  name = g_string_new (self->school_code);
  if (self->school_name != NULL && self->school_name[0] != '\0')
    g_string_append_printf (name, "-%s", self->school_name);

  for (char *p = name->str; *p != '\0'; p++)
    {
      if (strchr ("/\\:*?\"<>|", *p) != NULL || (guchar) *p < 0x20 || *p == 0x7f)
        *p = '_';
    }
  g_string_append (name, ".pdf");

  return g_string_free (g_steal_pointer (&name), FALSE);
}
