/* xa-school-registry-schools.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adding, changing, deleting and restoring schools, and setting the commission. Each is
 * one transaction with one audit entry whose JSON detail says what changed.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-organisation-private.h"
#include "xa-school-registry-private.h"
#include "xa-school-registry.h"
#include "core/util/xa-date.h"
#include "core/util/xa-json.h"

static void
add_org_fields (JsonBuilder    *builder,
                XaOrganisation *org)
{
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, xa_organisation_get_code (org));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, xa_organisation_get_name (org));
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, xa_school_type_to_key (xa_organisation_get_school_type (org)));
  json_builder_set_member_name (builder, "stages");
  json_builder_add_string_value (builder, xa_organisation_get_stages (org));
  json_builder_set_member_name (builder, "address");
  json_builder_add_string_value (builder, xa_organisation_get_address (org));
  json_builder_set_member_name (builder, "phone");
  json_builder_add_string_value (builder, xa_organisation_get_phone (org));
}

static char *
org_detail (XaOrganisation *org)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_org_fields (builder, org);
  json_builder_end_object (builder);

  return xa_json_builder_to_string (builder);
}

/* Writes {"field": {"old": …, "new": …}} for every field that differs; returns how many. */
static guint
add_org_changes (JsonBuilder    *builder,
                 XaOrganisation *before,
                 XaOrganisation *after)
{
  const char *fields[] = { "code", "name", "school-type", "stages", "address", "phone" };
  guint n_changes = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_auto(GValue) old_value = G_VALUE_INIT;
      g_auto(GValue) new_value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (before), fields[i], &old_value);
      g_object_get_property (G_OBJECT (after), fields[i], &new_value);

      if (G_VALUE_HOLDS_INT (&old_value))
        {
          if (g_value_get_int (&old_value) == g_value_get_int (&new_value))
            continue;
          xa_json_add_change (builder, "type",
                               xa_school_type_to_key (g_value_get_int (&old_value)),
                               xa_school_type_to_key (g_value_get_int (&new_value)));
        }
      else
        {
          if (g_strcmp0 (g_value_get_string (&old_value), g_value_get_string (&new_value)) == 0)
            continue;
          xa_json_add_change (builder, fields[i],
                               g_value_get_string (&old_value), g_value_get_string (&new_value));
        }

      n_changes++;
    }

  return n_changes;
}

/* What a search for an organisation looks at: its name, its 学校标识码 and address. */
static gboolean
index_org (XaStore         *store,
           XaOrganisation  *org,
           GError         **error)
{
  const char *code = xa_organisation_get_code (org);
  const char *address = xa_organisation_get_address (org);
  const char *fields[] = {
    xa_organisation_get_name (org),
    code != NULL ? code : "",
    address != NULL ? address : "",
    NULL,
  };

  return xa_store_index_record (store, "organisation", xa_organisation_get_uuid (org),
                                fields, error);
}

static gboolean
bind_org_fields (XaStatement   *stmt,
                 int             first,
                 XaOrganisation *org)
{
  /* The commission has no code: NULL keeps the UNIQUE constraint out of its way. */
  xa_statement_bind_text_or_null (stmt, first, xa_organisation_get_code (org));
  xa_statement_bind_text (stmt, first + 1, xa_organisation_get_name (org));
  xa_statement_bind_text (stmt, first + 2,
                          xa_school_type_to_key (xa_organisation_get_school_type (org)));
  xa_statement_bind_text (stmt, first + 3, xa_organisation_get_stages (org));
  xa_statement_bind_text (stmt, first + 4, xa_organisation_get_address (org));
  xa_statement_bind_text (stmt, first + 5, xa_organisation_get_phone (org));
  return TRUE;
}

typedef struct
{
  XaOrganisation *org;
  gint64          new_id;
  const char     *action;
} OrgWrite;

static gboolean
insert_org_func (XaStore  *store,
                 gpointer  user_data,
                 GError  **error)
{
  OrgWrite *op = user_data;
  XaOrganisation *org = op->org;
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *detail = NULL;
  gboolean is_school = xa_organisation_get_kind (org) == XA_ORGANISATION_KIND_SCHOOL;

  if (is_school &&
      !_xa_registry_check_code_free (store, xa_organisation_get_code (org),
                                     xa_organisation_get_uuid (org), error))
    return FALSE;

  if (!(stmt = xa_store_prepare (store,
                                 "INSERT INTO organisation (uuid, kind, code, name, school_type,"
                                 " stages, address, phone, created_at, updated_at)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                 error)))
    return FALSE;

  xa_statement_bind_text (stmt, 1, xa_organisation_get_uuid (org));
  xa_statement_bind_text (stmt, 2, is_school ? "school" : "commission");
  bind_org_fields (stmt, 3, org);
  xa_statement_bind_text (stmt, 9, now);
  xa_statement_bind_text (stmt, 10, now);

  if (!xa_statement_step_one (stmt, error))
    return FALSE;

  op->new_id = xa_statement_get_int64 (stmt, 0);
  detail = org_detail (org);

  if (!index_org (store, org, error))
    return FALSE;

  return xa_store_append_audit (store, op->action, "organisation",
                                xa_organisation_get_uuid (org), detail, error);
}

static gboolean update_org_func (XaStore  *store,
                                 gpointer  user_data,
                                 GError  **error);

/* Normalises and validates @school, then runs @func on it in one write. */
static gboolean
write_school (XaSchoolRegistry  *self,
              XaOrganisation    *school,
              const char        *action,
              XaStoreWriteFunc   func,
              GError           **error)
{
  OrgWrite op = { school, 0, action };

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), FALSE);
  g_return_val_if_fail (XA_IS_ORGANISATION (school), FALSE);
  g_return_val_if_fail (xa_organisation_get_kind (school) == XA_ORGANISATION_KIND_SCHOOL, FALSE);

  _xa_organisation_normalise (school);
  if (!xa_organisation_validate (school, NULL, error))
    return FALSE;

  if (!xa_store_write (xa_school_registry_get_store (self), func, &op, error))
    return FALSE;

  if (op.new_id != 0)
    _xa_organisation_set_id (school, op.new_id);
  return TRUE;
}

/**
 * xa_school_registry_add_school:
 * @school: a school made with xa_organisation_new_school(); its text fields are
 *   stripped of surrounding white space and its id is set when it was added
 *
 * Returns: %TRUE when the school was added
 */
gboolean
xa_school_registry_add_school (XaSchoolRegistry  *self,
                               XaOrganisation    *school,
                               GError           **error)
{
  return write_school (self, school, "school.add", insert_org_func, error);
}

static gboolean
update_org_func (XaStore  *store,
                 gpointer  user_data,
                 GError  **error)
{
  OrgWrite *op = user_data;
  XaOrganisation *org = op->org;
  g_autoptr(XaOrganisation) before = NULL;
  g_autoptr(XaStatement) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *detail = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean is_school = xa_organisation_get_kind (org) == XA_ORGANISATION_KIND_SCHOOL;

  before = _xa_registry_query_one_org (store, "SELECT " XA_ORG_COLUMNS " FROM organisation WHERE uuid = ?",
                          xa_organisation_get_uuid (org), &local_error);
  if (before == NULL || xa_organisation_get_kind (before) != xa_organisation_get_kind (org))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        _xa_registry_set_not_found (error);
      return FALSE;
    }

  if (xa_organisation_get_deleted (before))
    {
      g_set_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_NOT_FOUND,
                   _("“%s” was deleted; restore it before changing it"),
                   xa_organisation_get_name (before));
      return FALSE;
    }

  json_builder_begin_object (builder);
  if (add_org_changes (builder, before, org) == 0)
    return TRUE;
  json_builder_end_object (builder);

  if (is_school &&
      g_strcmp0 (xa_organisation_get_code (before), xa_organisation_get_code (org)) != 0 &&
      !_xa_registry_check_code_free (store, xa_organisation_get_code (org),
                                     xa_organisation_get_uuid (org), error))
    return FALSE;

  if (!(stmt = xa_store_prepare (store,
                                 "UPDATE organisation SET code = ?, name = ?, school_type = ?,"
                                 " stages = ?, address = ?, phone = ?, updated_at = ?"
                                 " WHERE uuid = ?",
                                 error)))
    return FALSE;

  bind_org_fields (stmt, 1, org);
  xa_statement_bind_text (stmt, 7, now);
  xa_statement_bind_text (stmt, 8, xa_organisation_get_uuid (org));

  if (!xa_statement_run (stmt, error))
    return FALSE;

  detail = xa_json_builder_to_string (builder);
  if (!index_org (store, org, error))
    return FALSE;

  return xa_store_append_audit (store, op->action, "organisation",
                                xa_organisation_get_uuid (org), detail, error);
}

/**
 * xa_school_registry_update_school:
 * @school: a copy of a listed school with the fields changed
 *
 * Saves the fields that differ from the database, with one audit entry listing each
 * old and new value. A school without changes is not written.
 *
 * Returns: %TRUE when the school is saved
 */
gboolean
xa_school_registry_update_school (XaSchoolRegistry  *self,
                                  XaOrganisation    *school,
                                  GError           **error)
{
  return write_school (self, school, "school.update", update_org_func, error);
}

typedef struct
{
  const char *uuid;
  gboolean    delete;
} DeleteWrite;

static gboolean
set_deleted_func (XaStore  *store,
                  gpointer  user_data,
                  GError  **error)
{
  DeleteWrite *op = user_data;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(XaStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *detail = NULL;

  school = _xa_registry_query_one_org (store,
                          "SELECT " XA_ORG_COLUMNS " FROM organisation"
                          " WHERE uuid = ? AND kind = 'school'",
                          op->uuid, &local_error);
  if (school == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        _xa_registry_set_not_found (error);
      return FALSE;
    }

  if (op->delete && xa_organisation_get_deleted (school))
    {
      g_set_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_NOT_FOUND,
                   _("“%s” is already deleted"), xa_organisation_get_name (school));
      return FALSE;
    }

  if (!op->delete && !xa_organisation_get_deleted (school))
    {
      g_set_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID,
                   _("“%s” is not deleted, so there is nothing to restore"),
                   xa_organisation_get_name (school));
      return FALSE;
    }

  if (!(stmt = xa_store_prepare (store,
                                 "UPDATE organisation SET deleted_at = ?, updated_at = ?"
                                 " WHERE uuid = ?",
                                 error)))
    return FALSE;

  if (op->delete)
    xa_statement_bind_text (stmt, 1, now);
  else
    xa_statement_bind_null (stmt, 1);
  xa_statement_bind_text (stmt, 2, now);
  xa_statement_bind_text (stmt, 3, op->uuid);

  if (!xa_statement_run (stmt, error))
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, xa_organisation_get_code (school));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, xa_organisation_get_name (school));
  json_builder_end_object (builder);
  detail = xa_json_builder_to_string (builder);

  return xa_store_append_audit (store, op->delete ? "school.delete" : "school.restore",
                                "organisation", op->uuid, detail, error);
}

/**
 * xa_school_registry_delete_school:
 *
 * Marks the school deleted. Its record, people, roles and 学校标识码 stay, so that
 * xa_school_registry_restore_school() (an undo) brings all of it back.
 *
 * Returns: %TRUE when the school was deleted
 */
gboolean
xa_school_registry_delete_school (XaSchoolRegistry  *self,
                                  const char        *uuid,
                                  GError           **error)
{
  DeleteWrite op = { uuid, TRUE };

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  return xa_store_write (xa_school_registry_get_store (self), set_deleted_func, &op, error);
}

gboolean
xa_school_registry_restore_school (XaSchoolRegistry  *self,
                                   const char        *uuid,
                                   GError           **error)
{
  DeleteWrite op = { uuid, FALSE };

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  return xa_store_write (xa_school_registry_get_store (self), set_deleted_func, &op, error);
}

/**
 * xa_school_registry_dup_commission:
 *
 * Returns: (transfer full) (nullable): the commission, or %NULL when none is set
 */
XaOrganisation *
xa_school_registry_dup_commission (XaSchoolRegistry *self)
{
  g_autoptr(GError) error = NULL;
  XaOrganisation *commission;

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), NULL);

  commission = _xa_registry_query_one_org (xa_school_registry_get_store (self),
                              "SELECT " XA_ORG_COLUMNS " FROM organisation"
                              " WHERE kind = 'commission'",
                              NULL, &error);
  if (error != NULL)
    g_warning ("Cannot read the commission: %s", error->message);

  return commission;
}

/**
 * xa_school_registry_set_commission:
 * @address: (nullable):
 * @phone: (nullable):
 *
 * Creates the installation's commission, or changes its fields.
 *
 * Returns: %TRUE when the commission is saved
 */
gboolean
xa_school_registry_set_commission (XaSchoolRegistry  *self,
                                   const char        *name,
                                   const char        *address,
                                   const char        *phone,
                                   GError           **error)
{
  g_autoptr(XaOrganisation) existing = NULL;
  g_autoptr(XaOrganisation) commission = NULL;
  OrgWrite op = { NULL, 0, NULL };

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), FALSE);

  existing = xa_school_registry_dup_commission (self);
  commission = _xa_organisation_new (XA_ORGANISATION_KIND_COMMISSION,
                                     existing ? xa_organisation_get_id (existing) : 0,
                                     existing ? xa_organisation_get_uuid (existing) : NULL);
  xa_organisation_set_name (commission, name);
  xa_organisation_set_address (commission, address);
  xa_organisation_set_phone (commission, phone);
  _xa_organisation_normalise (commission);

  if (!xa_organisation_validate (commission, NULL, error))
    return FALSE;

  op.org = commission;
  op.action = existing ? "commission.update" : "commission.add";

  return xa_store_write (xa_school_registry_get_store (self), existing ? update_org_func : insert_org_func, &op, error);
}
