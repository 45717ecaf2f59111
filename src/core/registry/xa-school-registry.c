/* xa-school-registry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The organisations of an installation: the registry object, the schools' live list
 * model, look-ups and the school years. Changes to schools and the commission are in
 * xa-school-registry-schools.c, people and role terms in xa-school-registry-people.c.
 * Every change is one xa_store_write() with its audit entry; checks that need no database
 * run before the transaction starts, so that a refused change does not even take the
 * write lock.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "xa-organisation-private.h"
#include "xa-school-registry-private.h"
#include "xa-school-registry.h"
#include "core/util/xa-date.h"
#include "core/util/xa-glib-compat.h"
#include "core/util/xa-grams.h"
#include "core/util/xa-json.h"
#include "core/util/xa-list-sync.h"
#include "core/util/xa-school-year.h"

struct _XaSchoolRegistry
{
  GObject     parent_instance;

  /* Owned references */
  XaStore    *store;
  GListStore *schools;

  /* How many times the schools model read rows from the store, for the tests. */
  guint       n_loads;
};

G_DEFINE_FINAL_TYPE (XaSchoolRegistry, xa_school_registry, G_TYPE_OBJECT)

G_DEFINE_QUARK (xa-registry-error-quark, xa_registry_error)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


void
_xa_org_row_clear (XaOrgRow *row)
{
  g_clear_pointer (&row->name, g_free);
  g_clear_pointer (&row->kind, g_free);
}

static XaOrganisation *
org_from_row (XaStatement *stmt)
{
  XaOrganisationKind kind = g_strcmp0 (xa_statement_get_text (stmt, 2), "commission") == 0
                              ? XA_ORGANISATION_KIND_COMMISSION
                              : XA_ORGANISATION_KIND_SCHOOL;
  XaOrganisation *org = _xa_organisation_new (kind,
                                              xa_statement_get_int64 (stmt, 0),
                                              xa_statement_get_text (stmt, 1));

  xa_organisation_set_code (org, xa_statement_get_text (stmt, 3));
  xa_organisation_set_name (org, xa_statement_get_text (stmt, 4));
  xa_organisation_set_school_type (org, xa_school_type_from_key (xa_statement_get_text (stmt, 5)));
  xa_organisation_set_stages (org, xa_statement_get_text (stmt, 6));
  xa_organisation_set_address (org, xa_statement_get_text (stmt, 7));
  xa_organisation_set_phone (org, xa_statement_get_text (stmt, 8));
  if (!xa_statement_get_is_null (stmt, 9))
    _xa_organisation_set_deleted_at (org, xa_statement_get_text (stmt, 9));

  return org;
}

/* Runs a query that yields organisation rows and collects them; @params, if any, are
 * bound in order. */
static GPtrArray *
query_orgs (XaStore             *store,
            const char          *sql,
            const char * const  *params,
            GError             **error)
{
  g_autoptr(GPtrArray) orgs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  xa_store_lock (store);

  if (!(stmt = xa_store_prepare (store, sql, error)))
    {
      xa_store_unlock (store);
      return NULL;
    }

  for (guint i = 0; params != NULL && params[i] != NULL; i++)
    xa_statement_bind_text (stmt, i + 1, params[i]);

  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    g_ptr_array_add (orgs, org_from_row (stmt));

  g_clear_pointer (&stmt, xa_statement_free);
  xa_store_unlock (store);

  if (step != XA_STEP_DONE)
    return NULL;

  return g_steal_pointer (&orgs);
}

XaOrganisation *
_xa_registry_query_one_org (XaStore     *store,
                            const char  *sql,
                            const char  *bind_text,
                            GError     **error)
{
  const char *params[] = { bind_text, NULL };
  g_autoptr(GPtrArray) orgs = query_orgs (store, sql, params, error);

  if (orgs == NULL || orgs->len == 0)
    return NULL;

  return g_object_ref (g_ptr_array_index (orgs, 0));
}

static const char *
school_key (gpointer item)
{
  return xa_organisation_get_uuid (item);
}

static void
school_assign (gpointer existing,
               gpointer fresh)
{
  _xa_organisation_assign (existing, fresh);
}

/* By 学校标识码, as the schools are listed. */
static int
school_compare (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  int by_code = g_strcmp0 (xa_organisation_get_code ((XaOrganisation *) a),
                           xa_organisation_get_code ((XaOrganisation *) b));

  if (by_code != 0)
    return by_code;

  return (xa_organisation_get_id ((XaOrganisation *) a) > xa_organisation_get_id ((XaOrganisation *) b)) -
         (xa_organisation_get_id ((XaOrganisation *) a) < xa_organisation_get_id ((XaOrganisation *) b));
}

static int
school_compare_ptr (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return school_compare (*(gconstpointer *) a, *(gconstpointer *) b, user_data);
}

static const XaListSyncFuncs school_sync = {
  .get_key = school_key,
  .assign = school_assign,
  .compare = school_compare,
};

#define LISTED_SCHOOLS "kind = 'school' AND deleted_at IS NULL"

static void
load_all_schools (XaSchoolRegistry *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fresh = NULL;

  self->n_loads++;
  fresh = query_orgs (self->store,
                      "SELECT " XA_ORG_COLUMNS " FROM organisation WHERE " LISTED_SCHOOLS
                      " ORDER BY code, id",
                      NULL, &error);
  if (fresh == NULL)
    {
      g_warning ("Cannot load the schools: %s", error->message);
      return;
    }

  xa_list_sync_all (self->schools, &school_sync, fresh);
}

/* Reads only the organisations a write named, and updates only their rows. */
static void
organisations_changed_cb (XaSchoolRegistry   *self,
                          const char         *kind,
                          const char * const *uuids,
                          XaStore            *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  g_autofree char *placeholders = NULL;
  g_autofree char *sql = NULL;
  guint n_uuids;

  if (self->schools == NULL)
    return;

  n_uuids = g_strv_length ((char **) uuids);
  if (n_uuids == 0 || n_uuids > 500)
    {
      load_all_schools (self);
      return;
    }

  placeholders = xa_sql_placeholders (n_uuids);
  sql = g_strdup_printf ("SELECT " XA_ORG_COLUMNS " FROM organisation"
                         " WHERE " LISTED_SCHOOLS " AND uuid IN (%s)", placeholders);
  self->n_loads++;
  if (!(fresh = query_orgs (self->store, sql, uuids, &error)))
    {
      g_warning ("Cannot load the changed schools: %s", error->message);
      return;
    }

  xa_list_sync_records (self->schools, &school_sync, uuids, fresh);
}

static void
xa_school_registry_constructed (GObject *object)
{
  XaSchoolRegistry *self = XA_SCHOOL_REGISTRY (object);

  G_OBJECT_CLASS (xa_school_registry_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "records-changed::organisation",
                           G_CALLBACK (organisations_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
xa_school_registry_dispose (GObject *object)
{
  XaSchoolRegistry *self = XA_SCHOOL_REGISTRY (object);

  g_clear_object (&self->schools);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (xa_school_registry_parent_class)->dispose (object);
}

static void
xa_school_registry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XaSchoolRegistry *self = XA_SCHOOL_REGISTRY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_school_registry_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XaSchoolRegistry *self = XA_SCHOOL_REGISTRY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_school_registry_class_init (XaSchoolRegistryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = xa_school_registry_constructed;
  object_class->dispose = xa_school_registry_dispose;
  object_class->get_property = xa_school_registry_get_property;
  object_class->set_property = xa_school_registry_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, XA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_school_registry_init (XaSchoolRegistry *self)
{
}

XaSchoolRegistry *
xa_school_registry_new (XaStore *store)
{
  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  return g_object_new (XA_TYPE_SCHOOL_REGISTRY, "store", store, NULL);
}

/**
 * xa_school_registry_get_store:
 *
 * Returns: (transfer none): the store
 */
XaStore *
xa_school_registry_get_store (XaSchoolRegistry *self)
{
  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), NULL);

  return self->store;
}

/**
 * xa_school_registry_get_schools:
 *
 * The list is loaded on first use and then kept current.
 *
 * Returns: (transfer none): a #GListModel of #XaOrganisation
 */
GListModel *
xa_school_registry_get_schools (XaSchoolRegistry *self)
{
  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), NULL);

  if (self->schools == NULL)
    {
      self->schools = g_list_store_new (XA_TYPE_ORGANISATION);
      load_all_schools (self);
    }

  return G_LIST_MODEL (self->schools);
}

guint
_xa_school_registry_get_n_loads (XaSchoolRegistry *self)
{
  return self->n_loads;
}

/**
 * xa_school_registry_count_schools:
 *
 * Returns: the number of schools that are not deleted, counted in the database
 */
guint
xa_school_registry_count_schools (XaSchoolRegistry *self)
{
  g_autoptr(XaStatement) stmt = NULL;
  guint count = 0;

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), 0);

  xa_store_lock (self->store);
  stmt = xa_store_prepare (self->store,
                           "SELECT count(*) FROM organisation"
                           " WHERE kind = 'school' AND deleted_at IS NULL",
                           NULL);
  if (stmt != NULL && xa_statement_step (stmt, NULL) == XA_STEP_ROW)
    count = (guint) xa_statement_get_int64 (stmt, 0);
  g_clear_pointer (&stmt, xa_statement_free);
  xa_store_unlock (self->store);

  return count;
}

void
_xa_registry_set_not_found (GError **error)
{
  g_set_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_NOT_FOUND,
               _("The school was not found; it may have been removed meanwhile"));
}

/**
 * xa_school_registry_dup_school:
 *
 * Finds a school by UUID, deleted or not (see the "deleted" property).
 *
 * Returns: (transfer full) (nullable): a new object for the school
 */
XaOrganisation *
xa_school_registry_dup_school (XaSchoolRegistry  *self,
                               const char        *uuid,
                               GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  XaOrganisation *school;

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  school = _xa_registry_query_one_org (self->store,
                          "SELECT " XA_ORG_COLUMNS " FROM organisation"
                          " WHERE uuid = ? AND kind = 'school'",
                          uuid, &local_error);
  if (school == NULL && local_error == NULL)
    _xa_registry_set_not_found (&local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return school;
}

/**
 * xa_school_registry_dup_school_by_code:
 *
 * Finds a school by 学校标识码, deleted or not.
 *
 * Returns: (transfer full) (nullable): a new object for the school
 */
XaOrganisation *
xa_school_registry_dup_school_by_code (XaSchoolRegistry  *self,
                                       const char        *code,
                                       GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  XaOrganisation *school;

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  school = _xa_registry_query_one_org (self->store,
                          "SELECT " XA_ORG_COLUMNS " FROM organisation"
                          " WHERE code = ? AND kind = 'school'",
                          code, &local_error);
  if (school == NULL && local_error == NULL)
    g_set_error (&local_error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_NOT_FOUND,
                 _("There is no school with the identifier %s"), code);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return school;
}

static gboolean
school_contains (XaOrganisation *school,
                 const char     *normal_term)
{
  const char *fields[] = {
    xa_organisation_get_name (school),
    xa_organisation_get_code (school),
    xa_organisation_get_address (school),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *normal = xa_grams_normalise (fields[i]);

      if (strstr (normal, normal_term) != NULL)
        return TRUE;
    }

  return FALSE;
}

/**
 * xa_school_registry_search_schools:
 * @term: what was typed: part of a school's name, 学校标识码 or address, one character
 *   and up
 *
 * Finds the schools (not deleted) through the store's search index, which finds terms
 * of one and two Chinese characters as well as longer ones.
 *
 * Returns: (transfer full) (element-type XaOrganisation): the schools, by 学校标识码, or
 *   %NULL with @error set
 */
GPtrArray *
xa_school_registry_search_schools (XaSchoolRegistry  *self,
                                   const char        *term,
                                   GError           **error)
{
  g_autoptr(GPtrArray) uuids = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autofree char *normal_term = xa_grams_normalise (term);
  GPtrArray *schools = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), NULL);

  if (!(uuids = xa_store_search (self->store, "organisation", term, error)))
    {
      g_ptr_array_unref (schools);
      return NULL;
    }

  /* In pieces, so that a one-character term matching thousands of records stays within
   * the number of parameters a statement takes. */
  for (guint start = 0; start < uuids->len; start += 500)
    {
      guint n = MIN (500, uuids->len - start);
      g_autofree char *placeholders = xa_sql_placeholders (n);
      g_autofree char *sql = g_strdup_printf ("SELECT " XA_ORG_COLUMNS " FROM organisation"
                                              " WHERE " LISTED_SCHOOLS " AND uuid IN (%s)",
                                              placeholders);
      g_autofree const char **params = g_new0 (const char *, n + 1);

      for (guint i = 0; i < n; i++)
        params[i] = uuids->pdata[start + i];

      if (!(candidates = query_orgs (self->store, sql, params, error)))
        {
          g_ptr_array_unref (schools);
          return NULL;
        }

      for (guint i = 0; i < candidates->len; i++)
        {
          if (school_contains (candidates->pdata[i], normal_term))
            g_ptr_array_add (schools, g_object_ref (candidates->pdata[i]));
        }
      g_clear_pointer (&candidates, g_ptr_array_unref);
    }

  g_ptr_array_sort_with_data (schools, (GCompareDataFunc) school_compare_ptr, NULL);
  return schools;
}

gboolean
_xa_registry_lookup_org (XaStore     *store,
                         const char  *uuid,
                         gboolean     allow_deleted,
                         XaOrgRow    *row,
                         GError     **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT id, deleted_at IS NOT NULL, name, kind"
                                 " FROM organisation WHERE uuid = ?",
                                 error)))
    return FALSE;

  xa_statement_bind_text (stmt, 1, uuid);
  step = xa_statement_step (stmt, error);

  if (step == XA_STEP_ROW && (allow_deleted || xa_statement_get_int (stmt, 1) == 0))
    {
      row->id = xa_statement_get_int64 (stmt, 0);
      row->deleted = xa_statement_get_int (stmt, 1) != 0;
      row->name = g_strdup (xa_statement_get_text (stmt, 2));
      row->kind = g_strdup (xa_statement_get_text (stmt, 3));
      return TRUE;
    }

  if (step != XA_STEP_ERROR)
    _xa_registry_set_not_found (error);

  return FALSE;
}

gboolean
_xa_registry_check_code_free (XaStore     *store,
                              const char  *code,
                              const char  *except_uuid,
                              GError     **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT name, deleted_at IS NOT NULL FROM organisation"
                                 " WHERE code = ? AND uuid IS DISTINCT FROM ?",
                                 error)))
    return FALSE;

  xa_statement_bind_text (stmt, 1, code);
  xa_statement_bind_text_or_null (stmt, 2, except_uuid);
  step = xa_statement_step (stmt, error);

  if (step == XA_STEP_DONE)
    return TRUE;

  if (step != XA_STEP_ROW)
    return FALSE;

  /* A deleted school keeps its code: codes are never reused (reference/domain.md
   * §4.2), and the school may yet be restored. */
  if (xa_statement_get_int (stmt, 1) != 0)
    g_set_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_DUPLICATE_CODE,
                 _("The school identifier %s belongs to the deleted school “%s”; restore that school instead of adding it again"),
                 code, xa_statement_get_text (stmt, 0));
  else
    g_set_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_DUPLICATE_CODE,
                 _("The school identifier %s is already used by “%s”"),
                 code, xa_statement_get_text (stmt, 0));

  return FALSE;
}

typedef struct
{
  int      start_year;
} YearWrite;

static gboolean
ensure_year_func (XaStore  *store,
                  gpointer  user_data,
                  GError  **error)
{
  YearWrite *op = user_data;
  g_autoptr(XaStatement) find = NULL;
  g_autoptr(XaStatement) insert = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *uuid = xa_store_new_uuid ();
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *label = xa_school_year_format (op->start_year, FALSE);
  g_autofree char *detail = NULL;

  if (!(find = xa_store_prepare (store, "SELECT 1 FROM school_year WHERE start_year = ?", error)))
    return FALSE;

  xa_statement_bind_int (find, 1, op->start_year);
  switch (xa_statement_step (find, error))
    {
    case XA_STEP_ROW:
      return TRUE;
    case XA_STEP_ERROR:
      return FALSE;
    case XA_STEP_DONE:
    default:
      break;
    }

  if (!(insert = xa_store_prepare (store,
                                   "INSERT INTO school_year (uuid, start_year, created_at)"
                                   " VALUES (?, ?, ?)",
                                   error)))
    return FALSE;

  xa_statement_bind_text (insert, 1, uuid);
  xa_statement_bind_int (insert, 2, op->start_year);
  xa_statement_bind_text (insert, 3, now);

  if (!xa_statement_run (insert, error))
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "start_year");
  json_builder_add_int_value (builder, op->start_year);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, label);
  json_builder_end_object (builder);
  detail = xa_json_builder_to_string (builder);

  return xa_store_append_audit (store, "school-year.add", "school_year", uuid, detail, error);
}

/**
 * xa_school_registry_ensure_school_year:
 * @start_year: 2021 for 2021—2022学年度
 *
 * Creates the school year unless it exists (only a creation is audited).
 *
 * Returns: %TRUE when the school year exists
 */
gboolean
xa_school_registry_ensure_school_year (XaSchoolRegistry  *self,
                                       int                start_year,
                                       GError           **error)
{
  YearWrite op = { start_year };

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), FALSE);

  if (start_year < 1990 || start_year > 2200)
    {
      g_set_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID,
                   _("The school year must start between 1990 and 2200, not in %d"),
                   start_year);
      return FALSE;
    }

  return xa_store_write (self->store, ensure_year_func, &op, error);
}

/**
 * xa_school_registry_list_school_years:
 *
 * Returns: (transfer full) (element-type int): the start years, in ascending order
 */
GArray *
xa_school_registry_list_school_years (XaSchoolRegistry  *self,
                                      GError           **error)
{
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), NULL);

  xa_store_lock (self->store);

  if (!(stmt = xa_store_prepare (self->store,
                                 "SELECT start_year FROM school_year ORDER BY start_year",
                                 error)))
    {
      xa_store_unlock (self->store);
      return NULL;
    }

  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      int year = xa_statement_get_int (stmt, 0);
      g_array_append_val (years, year);
    }

  if (step != XA_STEP_DONE)
    {
      g_clear_pointer (&stmt, xa_statement_free);
      xa_store_unlock (self->store);
      return NULL;
    }

  g_clear_pointer (&stmt, xa_statement_free);
  xa_store_unlock (self->store);

  return g_steal_pointer (&years);
}
