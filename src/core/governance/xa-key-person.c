/* xa-key-person.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 重点人员: the people a school follows because they might harm themselves or others,
 * with their follow-up and counselling notes — the most sensitive records of the app.
 *
 * Who sees them: the staff named for their school in key_person_staff. On a district
 * server, row level security (xa-store-server-access.c) shows a key person to its
 * school's login (the school's safety lead) and to the commission's login roles named
 * for that school, and to no other role; only the tables' owner names staff. On a
 * single-user file the operator must be named for the school, which this file checks.
 *
 * Every read is written to the audit trail: a list appends one "key-person.read" entry
 * per person it returns, a file read one entry; so a read is one write transaction,
 * and a store opened read-only reads no key person. The audit knows a key person by
 * school and date, never by name (xa-store-audit-image.c); no search index, report or
 * export reads these tables.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-key-person.h"
#include "xa-governance-private.h"

struct _XaKeyPerson
{
  GObject    parent_instance;

  char      *uuid;
  char      *school_uuid;
  char      *school_code;
  char      *name;
  char      *category;
  char      *reason;
  char      *since;
  char      *carer;
  char      *closed_on;
  GPtrArray *notes;
};

G_DEFINE_FINAL_TYPE (XaKeyPerson, xa_key_person, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_UUID,
  PROP_SCHOOL_CODE,
  PROP_NAME,
  PROP_CATEGORY,
  PROP_REASON,
  PROP_SINCE,
  PROP_CARER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *key;
  const char *label;
} categories[] = {
  { "student", NC_("key person category", "Student") },
  { "staff", NC_("key person category", "Staff") },
  { "parent", NC_("key person category", "Parent") },
  { "neighbour", NC_("key person category", "Neighbour") },
  { "other", NC_("key person category", "Other") },
};

gboolean
xa_key_person_category_is_valid (const char *category)
{
  return xa_key_person_category_to_label (category) != NULL;
}

const char *
xa_key_person_category_to_label (const char *category)
{
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_strcmp0 (categories[i].key, category) == 0)
      return g_dpgettext2 (NULL, "key person category", categories[i].label);
  return NULL;
}

static void
xa_key_person_finalize (GObject *object)
{
  XaKeyPerson *self = XA_KEY_PERSON (object);

  g_free (self->uuid);
  g_free (self->school_uuid);
  g_free (self->school_code);
  g_free (self->name);
  g_free (self->category);
  g_free (self->reason);
  g_free (self->since);
  g_free (self->carer);
  g_free (self->closed_on);
  g_clear_pointer (&self->notes, g_ptr_array_unref);

  G_OBJECT_CLASS (xa_key_person_parent_class)->finalize (object);
}

static void
xa_key_person_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XaKeyPerson *self = XA_KEY_PERSON (object);

  switch (prop_id)
    {
    case PROP_UUID: g_value_set_string (value, self->uuid); break;
    case PROP_SCHOOL_CODE: g_value_set_string (value, self->school_code); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_CATEGORY: g_value_set_string (value, self->category); break;
    case PROP_REASON: g_value_set_string (value, self->reason); break;
    case PROP_SINCE: g_value_set_string (value, self->since); break;
    case PROP_CARER: g_value_set_string (value, self->carer); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_key_person_class_init (XaKeyPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = xa_key_person_finalize;
  object_class->get_property = xa_key_person_get_property;

  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_SCHOOL_CODE] = g_param_spec_string ("school-code", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, flags);
  properties[PROP_SINCE] = g_param_spec_string ("since", NULL, NULL, NULL, flags);
  properties[PROP_CARER] = g_param_spec_string ("carer", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_key_person_init (XaKeyPerson *self)
{
}

const char *xa_key_person_get_uuid (XaKeyPerson *self) { return self->uuid; }
const char *xa_key_person_get_school_uuid (XaKeyPerson *self) { return self->school_uuid; }
const char *xa_key_person_get_school_code (XaKeyPerson *self) { return self->school_code; }
const char *xa_key_person_get_name (XaKeyPerson *self) { return self->name; }
const char *xa_key_person_get_category (XaKeyPerson *self) { return self->category; }
const char *xa_key_person_get_reason (XaKeyPerson *self) { return self->reason; }
const char *xa_key_person_get_since (XaKeyPerson *self) { return self->since; }
const char *xa_key_person_get_carer (XaKeyPerson *self) { return self->carer; }
const char *xa_key_person_get_closed_on (XaKeyPerson *self) { return self->closed_on; }
GPtrArray *xa_key_person_get_notes (XaKeyPerson *self) { return self->notes; }

XaKeyPersonNote *
xa_key_person_note_copy (const XaKeyPersonNote *self)
{
  XaKeyPersonNote *copy = g_new0 (XaKeyPersonNote, 1);

  copy->uuid = g_strdup (self->uuid);
  copy->noted_on = g_strdup (self->noted_on);
  copy->kind = g_strdup (self->kind);
  copy->noted_by = g_strdup (self->noted_by);
  copy->content = g_strdup (self->content);
  return copy;
}

void
xa_key_person_note_free (XaKeyPersonNote *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->noted_on);
  g_free (self->kind);
  g_free (self->noted_by);
  g_free (self->content);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (XaKeyPersonNote, xa_key_person_note, xa_key_person_note_copy, xa_key_person_note_free)

/* On a single-user file, the operator named for the school; on a server, row level
 * security has already chosen the rows. The placeholder is the operator's name. */
#define NAMED_ON_FILE \
  " AND (CAST (? AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM key_person_staff s" \
  "      WHERE s.organisation_id = k.organisation_id AND s.staff = ?))"

#define KEY_PERSON_COLUMNS \
  "SELECT k.uuid, o.uuid, o.code, k.name, k.category, k.reason, k.since, k.carer, k.closed_on" \
  " FROM key_person k JOIN organisation o ON o.id = k.organisation_id"

static XaKeyPerson *
key_person_from_row (XaStatement *row)
{
  XaKeyPerson *self = g_object_new (XA_TYPE_KEY_PERSON, NULL);

  self->uuid = g_strdup (xa_statement_get_text (row, 0));
  self->school_uuid = g_strdup (xa_statement_get_text (row, 1));
  self->school_code = g_strdup (xa_statement_get_text_or_null (row, 2));
  self->name = g_strdup (xa_statement_get_text (row, 3));
  self->category = g_strdup (xa_statement_get_text (row, 4));
  self->reason = g_strdup (xa_statement_get_text (row, 5));
  self->since = g_strdup (xa_statement_get_text (row, 6));
  self->carer = g_strdup (xa_statement_get_text (row, 7));
  self->closed_on = g_strdup (xa_statement_get_text_or_null (row, 8));
  return self;
}

static void
bind_operator (XaStore     *store,
               XaStatement *statement,
               int          first)
{
  const char *operator_name = xa_store_get_is_server (store) ? NULL : xa_store_get_operator (store);

  xa_statement_bind_text_or_null (statement, first, operator_name);
  xa_statement_bind_text_or_null (statement, first + 1, operator_name);
}

/* Whether the operator of a single-user file is named for the school; always on a
 * server, where row level security refuses what is not the role's. */
static gboolean
check_named (XaStore     *store,
             gint64       school_id,
             GError     **error)
{
  g_autoptr(XaStatement) row = NULL;

  if (xa_store_get_is_server (store))
    return TRUE;
  if (!(row = xa_store_prepare (store,
                                "SELECT count(*) FROM key_person_staff WHERE organisation_id = ? AND staff = ?",
                                error)))
    return FALSE;
  xa_statement_bind_int64 (row, 1, school_id);
  xa_statement_bind_text (row, 2, xa_store_get_operator (store));
  if (!xa_statement_step_one (row, error))
    return FALSE;
  if (xa_statement_get_int64 (row, 0) > 0)
    return TRUE;
  g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
               _("“%s” is not named to see this school's key persons"), xa_store_get_operator (store));
  return FALSE;
}

typedef struct
{
  const char *school_uuid;
  gboolean    may_see;
} MaySee;

static gboolean
may_see_func (XaStore   *store,
              gpointer   user_data,
              GError   **error)
{
  MaySee *see = user_data;
  g_autoptr(XaStatement) row = NULL;
  XaStep step;

  /* On a server without its access layer (xa_store_server_setup()), only the tables'
   * owner connects, who sees every row. */
  if (xa_store_get_is_server (store))
    {
      g_autoptr(XaStatement) layer = xa_store_prepare (store,
                                                       "SELECT CASE WHEN to_regprocedure"
                                                       " ('xa_named_for_key_persons(bigint)') IS NULL"
                                                       " THEN 0 ELSE 1 END",
                                                       error);

      if (layer == NULL || !xa_statement_step_one (layer, error))
        return FALSE;
      if (xa_statement_get_int64 (layer, 0) == 0)
        {
          see->may_see = TRUE;
          return TRUE;
        }
    }
  /* On a server: the school's own login, a commission role named for the school, or a
   * role that is neither a school's nor the commission's (the tables' owner). */
  if (xa_store_get_is_server (store))
    row = xa_store_prepare (store,
                            "SELECT CASE WHEN coalesce (o.id = xa_my_organisation (), FALSE)"
                            " OR xa_named_for_key_persons (o.id)"
                            " OR NOT (pg_has_role (session_user, 'xiaoan_commission', 'MEMBER')"
                            "         OR pg_has_role (session_user, 'xiaoan_school', 'MEMBER'))"
                            " THEN 1 ELSE 0 END FROM organisation o WHERE o.uuid = ?",
                            error);
  else
    row = xa_store_prepare (store,
                            "SELECT count(*) FROM key_person_staff s JOIN organisation o ON o.id = s.organisation_id"
                            " WHERE o.uuid = ? AND s.staff = ?",
                            error);
  if (row == NULL)
    return FALSE;
  xa_statement_bind_text (row, 1, see->school_uuid);
  if (!xa_store_get_is_server (store))
    xa_statement_bind_text (row, 2, xa_store_get_operator (store));
  step = xa_statement_step (row, error);
  see->may_see = step == XA_STEP_ROW && xa_statement_get_int64 (row, 0) > 0;
  return step != XA_STEP_ERROR;
}

typedef struct
{
  const XaKeyPersonFields *fields;
  const char              *uuid;
  const char              *school_uuid;
  const char              *staff;
  const char              *noted_on;
  const char              *kind;
  const char              *noted_by;
  const char              *content;
  XaKeyPerson             *person;
  GPtrArray               *found;
} Access;

static gboolean
name_staff_func (XaStore   *store,
                 gpointer   user_data,
                 GError   **error)
{
  Access *access = user_data;
  g_autoptr(XaStatement) insert = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *detail = NULL;
  gint64 school_id;

  if (!(school_id = _xa_governance_school_id (store, access->school_uuid, error)))
    return FALSE;
  if (!(insert = xa_store_prepare (store,
                                   "INSERT INTO key_person_staff (organisation_id, staff, named_at, named_by)"
                                   " VALUES (?, ?, ?, ?)",
                                   error)))
    return FALSE;
  xa_statement_bind_int64 (insert, 1, school_id);
  xa_statement_bind_text (insert, 2, access->staff);
  xa_statement_bind_text (insert, 3, now);
  xa_statement_bind_text (insert, 4, xa_store_get_operator (store));
  detail = g_strdup_printf ("{\"staff\":\"%s\"}", access->staff);
  return xa_statement_run (insert, error) &&
         xa_store_append_audit (store, "key-person.name-staff", "organisation", access->school_uuid, detail, error);
}

/**
 * xa_key_person_name_staff:
 * @staff: a login role of the commission on a server, an operator's name on a file
 *
 * Names @staff to see and keep the school's key persons. On a server only the tables'
 * owner may; a role's attempt is refused by the server.
 */
gboolean
xa_key_person_name_staff (XaStore     *store,
                          const char  *school_uuid,
                          const char  *staff,
                          GError     **error)
{
  Access access = { .school_uuid = school_uuid, .staff = staff };

  g_return_val_if_fail (XA_IS_STORE (store), FALSE);

  return _xa_governance_check_text (staff, 63, C_("field", "staff"), error) &&
         xa_store_write (store, name_staff_func, &access, error);
}

static gboolean
read_one (XaStore      *store,
          const char   *uuid,
          XaKeyPerson **person,
          GError      **error)
{
  g_autoptr(XaStatement) row = NULL;

  if (!(row = xa_store_prepare (store, KEY_PERSON_COLUMNS " WHERE k.uuid = ?" NAMED_ON_FILE, error)))
    return FALSE;
  xa_statement_bind_text (row, 1, uuid);
  bind_operator (store, row, 2);
  switch (xa_statement_step (row, error))
    {
    case XA_STEP_ROW:
      *person = key_person_from_row (row);
      return TRUE;
    case XA_STEP_DONE:
      /* The same words whether it does not exist or is not the operator's to see. */
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_FOUND,
                   _("There is no key person %s that you may see"), uuid);
      return FALSE;
    case XA_STEP_ERROR:
    default:
      return FALSE;
    }
}

static gboolean
add_func (XaStore   *store,
          gpointer   user_data,
          GError   **error)
{
  Access *access = user_data;
  const XaKeyPersonFields *fields = access->fields;
  g_autoptr(XaStatement) insert = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *uuid = xa_store_new_uuid ();
  gint64 school_id;

  if (!(school_id = _xa_governance_school_id (store, fields->school_uuid, error)) ||
      !check_named (store, school_id, error))
    return FALSE;
  if (!(insert = xa_store_prepare (store,
                                   "INSERT INTO key_person (uuid, organisation_id, name, category, reason, since,"
                                   " carer, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                   error)))
    return FALSE;
  xa_statement_bind_text (insert, 1, uuid);
  xa_statement_bind_int64 (insert, 2, school_id);
  xa_statement_bind_text (insert, 3, fields->name);
  xa_statement_bind_text (insert, 4, fields->category);
  xa_statement_bind_text (insert, 5, fields->reason);
  xa_statement_bind_text (insert, 6, fields->since);
  xa_statement_bind_text (insert, 7, fields->carer ? fields->carer : "");
  xa_statement_bind_text (insert, 8, now);
  xa_statement_bind_text (insert, 9, xa_store_get_operator (store));
  return xa_statement_run (insert, error) &&
         xa_store_append_audit (store, "key-person.add", "key_person", uuid, NULL, error) &&
         read_one (store, uuid, &access->person, error);
}

/**
 * xa_key_person_add:
 *
 * Records a key person of a school the operator is named for.
 *
 * Returns: (transfer full): the key person, or %NULL with @error set
 */
XaKeyPerson *
xa_key_person_add (XaStore                  *store,
                   const XaKeyPersonFields  *fields,
                   GError                  **error)
{
  Access access = { .fields = fields };

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  if (!_xa_governance_check_text (fields->name, 50, C_("field", "name"), error) ||
      !_xa_governance_check_text (fields->reason, 1000, C_("field", "reason"), error) ||
      !_xa_governance_check_date (fields->since, C_("field", "since"), error))
    return NULL;
  if (!xa_key_person_category_is_valid (fields->category))
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("Category: “%s” is not student, staff, parent, neighbour or other"),
                   fields->category ? fields->category : "");
      return NULL;
    }
  if (!xa_store_write (store, add_func, &access, error))
    {
      g_clear_object (&access.person);
      return NULL;
    }
  return access.person;
}

static gboolean
add_note_func (XaStore   *store,
               gpointer   user_data,
               GError   **error)
{
  Access *access = user_data;
  g_autoptr(XaKeyPerson) person = NULL;
  g_autoptr(XaStatement) insert = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *uuid = xa_store_new_uuid ();

  if (!read_one (store, access->uuid, &person, error))
    return FALSE;
  if (g_strcmp0 (access->noted_on, person->since) < 0)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("Date: %s is before the person was followed (%s)"), access->noted_on, person->since);
      return FALSE;
    }
  if (!(insert = xa_store_prepare (store,
                                   "INSERT INTO key_person_note (uuid, key_person_id, organisation_id, noted_on, kind,"
                                   " noted_by, content, recorded_at, recorded_by)"
                                   " SELECT ?, k.id, k.organisation_id, ?, ?, ?, ?, ?, ? FROM key_person k WHERE k.uuid = ?",
                                   error)))
    return FALSE;
  xa_statement_bind_text (insert, 1, uuid);
  xa_statement_bind_text (insert, 2, access->noted_on);
  xa_statement_bind_text (insert, 3, access->kind);
  xa_statement_bind_text (insert, 4, access->noted_by);
  xa_statement_bind_text (insert, 5, access->content);
  xa_statement_bind_text (insert, 6, now);
  xa_statement_bind_text (insert, 7, xa_store_get_operator (store));
  xa_statement_bind_text (insert, 8, access->uuid);
  return xa_statement_run (insert, error) &&
         xa_store_append_audit (store, "key-person.note", "key_person_note", uuid, NULL, error);
}

/**
 * xa_key_person_add_note:
 * @kind: follow-up (跟踪回访) or counselling (心理疏导)
 *
 * Adds a note to the file of a key person the operator may see.
 */
gboolean
xa_key_person_add_note (XaStore     *store,
                        const char  *key_person_uuid,
                        const char  *noted_on,
                        const char  *kind,
                        const char  *noted_by,
                        const char  *content,
                        GError     **error)
{
  Access access = { .uuid = key_person_uuid, .noted_on = noted_on, .kind = kind,
                    .noted_by = noted_by, .content = content };

  g_return_val_if_fail (XA_IS_STORE (store), FALSE);

  if (!_xa_governance_check_date (noted_on, C_("field", "date"), error) ||
      !_xa_governance_check_text (noted_by, 50, C_("field", "noted by"), error) ||
      !_xa_governance_check_text (content, 2000, C_("field", "content"), error))
    return FALSE;
  if (g_strcmp0 (kind, "follow-up") != 0 && g_strcmp0 (kind, "counselling") != 0)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("Kind: “%s” is not follow-up or counselling"), kind ? kind : "");
      return FALSE;
    }
  return xa_store_write (store, add_note_func, &access, error);
}

static gboolean
list_func (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  Access *access = user_data;
  g_autoptr(XaStatement) rows = NULL;
  XaStep step;

  if (!(rows = xa_store_prepare (store,
                                 KEY_PERSON_COLUMNS " WHERE (CAST (? AS TEXT) IS NULL OR o.uuid = ?)" NAMED_ON_FILE
                                 " ORDER BY o.code, k.since, k.uuid",
                                 error)))
    return FALSE;
  xa_statement_bind_text_or_null (rows, 1, access->school_uuid);
  xa_statement_bind_text_or_null (rows, 2, access->school_uuid);
  bind_operator (store, rows, 3);
  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    {
      XaKeyPerson *person = key_person_from_row (rows);

      g_ptr_array_add (access->found, person);
      if (!xa_store_append_audit (store, "key-person.read", "key_person", person->uuid, "{\"as\":\"list\"}", error))
        return FALSE;
    }
  return step == XA_STEP_DONE;
}

/**
 * xa_key_person_list:
 * @school_uuid: (nullable): one school's, or all the operator may see
 *
 * Lists the key persons the operator may see (none of a school they are not named
 * for), writing a read of each to the audit trail.
 *
 * Returns: (transfer full) (element-type XaKeyPerson): the key persons, or %NULL with
 *   @error set (a store opened read-only cannot record the read, and refuses it)
 */
GPtrArray *
xa_key_person_list (XaStore     *store,
                    const char  *school_uuid,
                    GError     **error)
{
  Access access = { .school_uuid = school_uuid, .found = g_ptr_array_new_with_free_func (g_object_unref) };

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  if (!xa_store_write (store, list_func, &access, error))
    g_clear_pointer (&access.found, g_ptr_array_unref);
  return access.found;
}

static gboolean
read_file_func (XaStore   *store,
                gpointer   user_data,
                GError   **error)
{
  Access *access = user_data;
  g_autoptr(XaStatement) rows = NULL;
  XaStep step;

  if (!read_one (store, access->uuid, &access->person, error))
    return FALSE;
  access->person->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_key_person_note_free);
  if (!(rows = xa_store_prepare (store,
                                 "SELECT n.uuid, n.noted_on, n.kind, n.noted_by, n.content FROM key_person_note n"
                                 " JOIN key_person k ON k.id = n.key_person_id WHERE k.uuid = ?"
                                 " ORDER BY n.noted_on, n.id",
                                 error)))
    return FALSE;
  xa_statement_bind_text (rows, 1, access->uuid);
  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    {
      XaKeyPersonNote *note = g_new0 (XaKeyPersonNote, 1);

      note->uuid = g_strdup (xa_statement_get_text (rows, 0));
      note->noted_on = g_strdup (xa_statement_get_text (rows, 1));
      note->kind = g_strdup (xa_statement_get_text (rows, 2));
      note->noted_by = g_strdup (xa_statement_get_text (rows, 3));
      note->content = g_strdup (xa_statement_get_text (rows, 4));
      g_ptr_array_add (access->person->notes, note);
    }
  return step == XA_STEP_DONE &&
         xa_store_append_audit (store, "key-person.read", "key_person", access->uuid, "{\"as\":\"file\"}", error);
}

/**
 * xa_key_person_read_file:
 *
 * Reads a key person's file with its notes (xa_key_person_get_notes()), writing the
 * read to the audit trail.
 *
 * Returns: (transfer full): the key person, or %NULL with @error set when there is none
 *   the operator may see
 */
XaKeyPerson *
xa_key_person_read_file (XaStore     *store,
                         const char  *uuid,
                         GError     **error)
{
  Access access = { .uuid = uuid };

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  if (!xa_store_write (store, read_file_func, &access, error))
    {
      g_clear_object (&access.person);
      return NULL;
    }
  return access.person;
}

/**
 * xa_key_person_may_see:
 * @may_see: (out): whether the operator may see and keep the school's key persons
 *
 * Whether the school's key persons are the operator's to see: on a single-user file,
 * the operator named for the school (xa_key_person_name_staff()); on a server, the
 * school's own login (its safety lead) and the commission's roles named for it. It
 * reads no key person and writes nothing to the audit trail; the app shows the
 * register restricted, not empty, to anyone else.
 */
gboolean
xa_key_person_may_see (XaStore     *store,
                       const char  *school_uuid,
                       gboolean    *may_see,
                       GError     **error)
{
  MaySee see = { .school_uuid = school_uuid };

  g_return_val_if_fail (XA_IS_STORE (store), FALSE);
  g_return_val_if_fail (school_uuid != NULL, FALSE);

  if (!xa_store_read (store, may_see_func, &see, error))
    return FALSE;
  *may_see = see.may_see;
  return TRUE;
}
