/* xa-template-library.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The templates of an installation, in the store's `template` table: one row per version
 * of a school year's template, its JSON form in `body`. A version that a signed agreement
 * uses is frozen, and saving it again makes the next version (DESIGN.md §3: a signed
 * agreement is never changed, so neither is the text it was made from).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "xa-template-library.h"
#include "xa-template-private.h"
#include "core/util/xa-date.h"
#include "core/util/xa-list-sync.h"

struct _XaTemplateLibrary
{
  GObject     parent_instance;

  /* Owned references */
  XaStore    *store;
  GListStore *templates;   /* NULL until someone asks for the list */

  /* How many times the templates were read for the live model, for the tests. */
  guint       n_loads;
};

G_DEFINE_FINAL_TYPE (XaTemplateLibrary, xa_template_library, G_TYPE_OBJECT)

G_DEFINE_QUARK (xa-template-library-error-quark, xa_template_library_error)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define SELECT_COLUMNS "uuid, school_year, version, name, body, frozen_at"

static char *
audit_detail (XaTemplate *template,
              const char *replaces)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "school_year");
  json_builder_add_int_value (builder, xa_template_get_school_year (template));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, xa_template_get_version (template));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, xa_template_get_name (template));
  if (replaces != NULL)
    {
      json_builder_set_member_name (builder, "replaces");
      json_builder_add_string_value (builder, replaces);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Builds a template from a row of SELECT_COLUMNS. The columns, not the body, say which
 * version this is; a body that no longer parses is reported with the row's uuid. */
static XaTemplate *
template_from_row (XaStatement  *stmt,
                   GError       **error)
{
  g_autoptr(XaTemplate) template = NULL;
  const char *uuid = xa_statement_get_text (stmt, 0);

  template = xa_template_new_from_json (xa_statement_get_text (stmt, 4), -1, error);
  if (template == NULL)
    {
      g_prefix_error (error, _("Stored template %s: "), uuid);
      return NULL;
    }

  _xa_template_set_uuid (template, uuid);
  xa_template_set_school_year (template, xa_statement_get_int (stmt, 1));
  _xa_template_set_version (template, xa_statement_get_int (stmt, 2));
  xa_template_set_name (template, xa_statement_get_text (stmt, 3));
  _xa_template_set_frozen (template, !xa_statement_get_is_null (stmt, 5));

  return g_steal_pointer (&template);
}

static XaTemplate *
dup_one (XaTemplateLibrary  *self,
         const char         *sql,
         const char         *text_arg,
         int                 int_arg,
         GError            **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  XaTemplate *template = NULL;
  XaStep step;

  xa_store_lock (self->store);

  if (!(stmt = xa_store_prepare (self->store, sql, error)))
    goto out;

  if (text_arg != NULL)
    xa_statement_bind_text (stmt, 1, text_arg);
  else
    xa_statement_bind_int (stmt, 1, int_arg);

  step = xa_statement_step (stmt, error);
  if (step == XA_STEP_ROW)
    template = template_from_row (stmt, error);
  else if (step == XA_STEP_DONE)
    g_set_error_literal (error, XA_TEMPLATE_LIBRARY_ERROR, XA_TEMPLATE_LIBRARY_ERROR_NOT_FOUND,
                         _("No such template"));

out:
  g_clear_pointer (&stmt, xa_statement_free);
  xa_store_unlock (self->store);
  return template;
}

/* Reads the templates of @sql (SELECT_COLUMNS and a condition) with @params bound in
 * order. A damaged row is left out with a warning: it must not hide the others. */
static GPtrArray *
query_templates (XaTemplateLibrary   *self,
                 const char          *sql,
                 const char * const  *params,
                 GError             **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step = XA_STEP_ERROR;

  self->n_loads++;
  xa_store_lock (self->store);
  if ((stmt = xa_store_prepare (self->store, sql, error)))
    {
      for (guint i = 0; params != NULL && params[i] != NULL; i++)
        xa_statement_bind_text (stmt, i + 1, params[i]);

      while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
        {
          g_autoptr(GError) row_error = NULL;
          XaTemplate *template = template_from_row (stmt, &row_error);

          if (template == NULL)
            g_warning ("%s", row_error->message);
          else
            g_ptr_array_add (items, template);
        }
    }
  g_clear_pointer (&stmt, xa_statement_free);
  xa_store_unlock (self->store);

  return step == XA_STEP_DONE ? g_steal_pointer (&items) : NULL;
}

static const char *
template_key (gpointer item)
{
  return xa_template_get_uuid (item);
}

/* The newest year first, and within a year the newest version. */
static int
template_compare (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  XaTemplate *ta = (XaTemplate *) a;
  XaTemplate *tb = (XaTemplate *) b;

  if (xa_template_get_school_year (ta) != xa_template_get_school_year (tb))
    return xa_template_get_school_year (tb) - xa_template_get_school_year (ta);

  return xa_template_get_version (tb) - xa_template_get_version (ta);
}

/* A template is a tree of clauses that editors hold copies of; a changed one takes its
 * row as a new object rather than changing under an editor's feet. */
static const XaListSyncFuncs template_sync = {
  .get_key = template_key,
  .assign = NULL,
  .compare = template_compare,
};

static void
load_all (XaTemplateLibrary *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = query_templates (self,
                           "SELECT " SELECT_COLUMNS " FROM template"
                           " ORDER BY school_year DESC, version DESC",
                           NULL, &error);
  if (items == NULL)
    {
      g_warning ("Cannot list the templates: %s", error->message);
      return;
    }

  xa_list_sync_all (self->templates, &template_sync, items);
}

static void
templates_changed_cb (XaTemplateLibrary  *self,
                      const char         *kind,
                      const char * const *uuids,
                      XaStore            *store)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *placeholders = NULL;
  g_autofree char *sql = NULL;
  guint n_uuids = g_strv_length ((char **) uuids);

  if (self->templates == NULL)
    return;

  if (n_uuids == 0 || n_uuids > 500)
    {
      load_all (self);
      return;
    }

  placeholders = xa_sql_placeholders (n_uuids);
  sql = g_strdup_printf ("SELECT " SELECT_COLUMNS " FROM template WHERE uuid IN (%s)",
                         placeholders);
  if (!(items = query_templates (self, sql, uuids, &error)))
    {
      g_warning ("Cannot read the changed templates: %s", error->message);
      return;
    }

  xa_list_sync_records (self->templates, &template_sync, uuids, items);
}

guint
_xa_template_library_get_n_loads (XaTemplateLibrary *self)
{
  return self->n_loads;
}

static void
xa_template_library_dispose (GObject *object)
{
  XaTemplateLibrary *self = XA_TEMPLATE_LIBRARY (object);

  g_clear_object (&self->templates);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (xa_template_library_parent_class)->dispose (object);
}

static void
xa_template_library_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  XaTemplateLibrary *self = XA_TEMPLATE_LIBRARY (object);

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
xa_template_library_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  XaTemplateLibrary *self = XA_TEMPLATE_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      g_signal_connect_object (self->store, "records-changed::template",
                               G_CALLBACK (templates_changed_cb), self, G_CONNECT_SWAPPED);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_template_library_class_init (XaTemplateLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xa_template_library_dispose;
  object_class->get_property = xa_template_library_get_property;
  object_class->set_property = xa_template_library_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, XA_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_template_library_init (XaTemplateLibrary *self)
{
}

/**
 * xa_template_library_load_builtin:
 *
 * Reads the default template that ships inside the program: the district's 2021-2022
 * agreement, every character of it.
 *
 * Returns: (transfer full) (nullable): the template, not stored anywhere
 */
XaTemplate *
xa_template_library_load_builtin (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  const char *data;

  bytes = g_resources_lookup_data (XA_TEMPLATE_LIBRARY_DEFAULT_RESOURCE,
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  return xa_template_new_from_json (data, length, error);
}

/**
 * xa_template_library_new:
 *
 * Returns: (transfer full): the templates of @store
 */
XaTemplateLibrary *
xa_template_library_new (XaStore *store)
{
  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  return g_object_new (XA_TYPE_TEMPLATE_LIBRARY, "store", store, NULL);
}

/**
 * xa_template_library_get_store:
 *
 * Returns: (transfer none): the store
 */
XaStore *
xa_template_library_get_store (XaTemplateLibrary *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_LIBRARY (self), NULL);

  return self->store;
}

/**
 * xa_template_library_get_templates:
 *
 * Every stored version of every template, the newest school year first and within a
 * year the newest version first. The list follows the store: it changes after every
 * committed write. Its items are shared; edit a copy (xa_template_copy() or
 * xa_template_library_dup_by_uuid()) and save that.
 *
 * Returns: (transfer none): a #GListModel of #XaTemplate
 */
GListModel *
xa_template_library_get_templates (XaTemplateLibrary *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_LIBRARY (self), NULL);

  if (self->templates == NULL)
    {
      self->templates = g_list_store_new (XA_TYPE_TEMPLATE);
      load_all (self);
    }

  return G_LIST_MODEL (self->templates);
}

/**
 * xa_template_library_dup_by_uuid:
 *
 * Returns: (transfer full) (nullable): a fresh copy of the stored template
 */
XaTemplate *
xa_template_library_dup_by_uuid (XaTemplateLibrary  *self,
                                 const char         *uuid,
                                 GError            **error)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_LIBRARY (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return dup_one (self, "SELECT " SELECT_COLUMNS " FROM template WHERE uuid = ?", uuid, 0, error);
}

/**
 * xa_template_library_dup_latest:
 * @school_year: the start year
 *
 * Returns: (transfer full) (nullable): a fresh copy of the newest version for
 *   @school_year, or %NULL with %XA_TEMPLATE_LIBRARY_ERROR_NOT_FOUND
 */
XaTemplate *
xa_template_library_dup_latest (XaTemplateLibrary  *self,
                                int                 school_year,
                                GError            **error)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_LIBRARY (self), NULL);

  return dup_one (self,
                  "SELECT " SELECT_COLUMNS " FROM template WHERE school_year = ?"
                  " ORDER BY version DESC LIMIT 1",
                  NULL, school_year, error);
}

typedef struct
{
  XaTemplate *template;
  char       *body;
  gboolean    builtin;

  /* What the write decided, applied to the template once it committed. */
  char       *uuid;
  int         version;
} SaveData;

static void
save_data_clear (SaveData *data)
{
  g_clear_pointer (&data->body, g_free);
  g_clear_pointer (&data->uuid, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SaveData, save_data_clear)

/* The drafts of a version that became frozen (an agreement of it went out for
 * signature) follow the version that replaces it: a draft shows the year's text as the
 * commission has it now. What went out for signature or was signed stays on its
 * version; the agreements' images go into the chain with the template's entry. */
static gboolean
move_drafts (XaStore     *store,
             const char  *from_uuid,
             const char  *to_uuid,
             GError     **error)
{
  g_autoptr(XaStatement) drafts = NULL;
  g_autoptr(XaStatement) move = NULL;
  static const char where[] =
    " WHERE state = 'draft' AND superseded_by IS NULL"
    " AND template_id = (SELECT id FROM template WHERE uuid = ?1)";
  g_autofree char *select_sql = g_strconcat ("SELECT uuid FROM agreement", where, NULL);
  g_autofree char *move_sql = g_strconcat ("UPDATE agreement SET template_id ="
                                           " (SELECT id FROM template WHERE uuid = ?2)", where, NULL);
  XaStep step;

  if (!(drafts = xa_store_prepare (store, select_sql, error)))
    return FALSE;
  xa_statement_bind_text (drafts, 1, from_uuid);
  while ((step = xa_statement_step (drafts, error)) == XA_STEP_ROW)
    xa_store_note_change (store, "agreement", xa_statement_get_text (drafts, 0));
  if (step == XA_STEP_ERROR)
    return FALSE;

  if (!(move = xa_store_prepare (store, move_sql, error)))
    return FALSE;
  xa_statement_bind_text (move, 1, from_uuid);
  xa_statement_bind_text (move, 2, to_uuid);
  return xa_statement_run (move, error);
}

static gboolean
save_cb (XaStore   *store,
         gpointer   user_data,
         GError   **error)
{
  SaveData *data = user_data;
  XaTemplate *template = data->template;
  g_autoptr(XaStatement) select = NULL;
  g_autoptr(XaStatement) write = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *replaces = NULL;
  g_autofree char *detail = NULL;
  const char *uuid = xa_template_get_uuid (template);
  int school_year = xa_template_get_school_year (template);
  XaStep step;

  if (!(select = xa_store_prepare (store,
                                   "SELECT school_year, version, frozen_at FROM template WHERE uuid = ?",
                                   error)))
    return FALSE;
  xa_statement_bind_text (select, 1, uuid);
  step = xa_statement_step (select, error);

  if (step == XA_STEP_ROW && xa_statement_get_is_null (select, 2))
    {
      /* A draft version: changed in place. */
      if (xa_statement_get_int (select, 0) != school_year)
        {
          g_set_error (error, XA_TEMPLATE_LIBRARY_ERROR, XA_TEMPLATE_LIBRARY_ERROR_YEAR_CHANGED,
                       _("A saved template stays in its school year; copy it to another year instead"));
          return FALSE;
        }

      data->uuid = g_strdup (uuid);
      data->version = xa_statement_get_int (select, 1);

      if (!(write = xa_store_prepare (store,
                                      "UPDATE template SET name = ?, body = ?, updated_at = ?"
                                      " WHERE uuid = ?",
                                      error)))
        return FALSE;
      xa_statement_bind_text (write, 1, xa_template_get_name (template));
      xa_statement_bind_text (write, 2, data->body);
      xa_statement_bind_text (write, 3, now);
      xa_statement_bind_text (write, 4, uuid);
      if (!xa_statement_run (write, error))
        return FALSE;

      detail = audit_detail (template, NULL);
      return xa_store_append_audit (store, "template.update", "template", uuid, detail, error);
    }

  if (step == XA_STEP_ERROR)
    return FALSE;

  /* A new template, or a frozen one: a new row, the next version of its year. A frozen
   * row keeps its uuid, since signed agreements point at it. */
  if (step == XA_STEP_ROW)
    {
      replaces = g_strdup (uuid);
      data->uuid = xa_store_new_uuid ();
    }
  else
    data->uuid = g_strdup (uuid);
  g_clear_pointer (&select, xa_statement_free);

  if (!(select = xa_store_prepare (store,
                                   "SELECT COALESCE (MAX (version), 0) + 1 FROM template"
                                   " WHERE school_year = ?",
                                   error)))
    return FALSE;
  xa_statement_bind_int (select, 1, school_year);
  if (!xa_statement_step_one (select, error))
    return FALSE;
  data->version = xa_statement_get_int (select, 0);

  if (!(write = xa_store_prepare (store,
                                  "INSERT INTO template (uuid, school_year, version, name, body,"
                                  " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                  error)))
    return FALSE;
  xa_statement_bind_text (write, 1, data->uuid);
  xa_statement_bind_int (write, 2, school_year);
  xa_statement_bind_int (write, 3, data->version);
  xa_statement_bind_text (write, 4, xa_template_get_name (template));
  xa_statement_bind_text (write, 5, data->body);
  xa_statement_bind_text (write, 6, now);
  xa_statement_bind_text (write, 7, now);
  if (!xa_statement_run (write, error))
    return FALSE;

  if (replaces != NULL && !move_drafts (store, replaces, data->uuid, error))
    return FALSE;

  {
    g_autoptr(XaTemplate) described = xa_template_copy (template);

    _xa_template_set_version (described, data->version);
    detail = audit_detail (described, replaces);
  }

  return xa_store_append_audit (store,
                                replaces ? "template.revise" : data->builtin ? "template.add-default" : "template.add",
                                "template", data->uuid, detail, error);
}

static gboolean
save_internal (XaTemplateLibrary  *self,
               XaTemplate         *template,
               gboolean            builtin,
               GError            **error)
{
  g_auto(SaveData) data = { 0, };

  /* What is stored must read back: the same rules as a file. */
  if (!xa_template_validate (template, error))
    return FALSE;

  data.template = template;
  data.body = xa_template_to_json (template);
  data.builtin = builtin;

  if (!xa_store_write (self->store, save_cb, &data, error))
    return FALSE;

  _xa_template_set_uuid (template, data.uuid);
  _xa_template_set_version (template, data.version);
  _xa_template_set_frozen (template, FALSE);

  return TRUE;
}

/**
 * xa_template_library_save:
 *
 * Stores @template. A template not stored yet becomes the next version of its school
 * year; a draft version is changed in place; a frozen version stays as it is and
 * @template is stored as the next version, with a new uuid. @template's uuid, version
 * and frozen state are updated to what was stored.
 *
 * Returns: %TRUE when the template was stored
 */
gboolean
xa_template_library_save (XaTemplateLibrary  *self,
                          XaTemplate         *template,
                          GError            **error)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_LIBRARY (self), FALSE);
  g_return_val_if_fail (XA_IS_TEMPLATE (template), FALSE);

  return save_internal (self, template, FALSE, error);
}

static gboolean
count_cb (XaStore   *store,
          gpointer   user_data,
          GError   **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  gint64 *count = user_data;

  if (!(stmt = xa_store_prepare (store, "SELECT count(*) FROM template", error)))
    return FALSE;
  if (!xa_statement_step_one (stmt, error))
    return FALSE;

  *count = xa_statement_get_int64 (stmt, 0);
  return TRUE;
}

/**
 * xa_template_library_ensure_default:
 *
 * On the first run, when the store holds no template at all, stores the shipped
 * 2021-2022 template as version 1 of its year. Later runs change nothing, so that
 * templates that the commission removed or replaced do not come back.
 *
 * Returns: %TRUE when the store has templates
 */
gboolean
xa_template_library_ensure_default (XaTemplateLibrary  *self,
                                    GError            **error)
{
  g_autoptr(XaTemplate) template = NULL;
  gint64 count = 0;

  g_return_val_if_fail (XA_IS_TEMPLATE_LIBRARY (self), FALSE);

  xa_store_lock (self->store);
  if (!count_cb (self->store, &count, error))
    {
      xa_store_unlock (self->store);
      return FALSE;
    }
  xa_store_unlock (self->store);

  if (count > 0)
    return TRUE;

  if (!(template = xa_template_library_load_builtin (error)))
    return FALSE;

  return save_internal (self, template, TRUE, error);
}

typedef struct
{
  const char *uuid;
  gboolean    found;
} FreezeData;

static gboolean
freeze_cb (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  FreezeData *data = user_data;
  g_autoptr(XaStatement) select = NULL;
  g_autoptr(XaStatement) update = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  XaStep step;

  if (!(select = xa_store_prepare (store, "SELECT frozen_at FROM template WHERE uuid = ?", error)))
    return FALSE;
  xa_statement_bind_text (select, 1, data->uuid);
  step = xa_statement_step (select, error);
  if (step == XA_STEP_ERROR)
    return FALSE;
  if (step == XA_STEP_DONE)
    {
      g_set_error_literal (error, XA_TEMPLATE_LIBRARY_ERROR, XA_TEMPLATE_LIBRARY_ERROR_NOT_FOUND,
                           _("No such template"));
      return FALSE;
    }

  data->found = TRUE;

  /* Freezing twice is no change: the first signature is what counts. */
  if (!xa_statement_get_is_null (select, 0))
    return TRUE;

  if (!(update = xa_store_prepare (store,
                                   "UPDATE template SET frozen_at = ?, updated_at = ? WHERE uuid = ?",
                                   error)))
    return FALSE;
  xa_statement_bind_text (update, 1, now);
  xa_statement_bind_text (update, 2, now);
  xa_statement_bind_text (update, 3, data->uuid);
  if (!xa_statement_run (update, error))
    return FALSE;

  return xa_store_append_audit (store, "template.freeze", "template", data->uuid, NULL, error);
}

/**
 * xa_template_library_freeze:
 *
 * Marks a version as used by a signed agreement. From then on it never changes: saving
 * it makes the next version. Freezing a frozen version does nothing.
 *
 * Returns: %TRUE when the version is frozen
 */
gboolean
xa_template_library_freeze (XaTemplateLibrary  *self,
                            const char         *uuid,
                            GError            **error)
{
  FreezeData data = { uuid, FALSE };

  g_return_val_if_fail (XA_IS_TEMPLATE_LIBRARY (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  return xa_store_write (self->store, freeze_cb, &data, error);
}

/* Literal year ranges ("2021—2022", "2021-2022") move on with the template; the
 * {school_year} placeholder does so by itself. */
static char *shift_years (const char *text,
                          int         from_year,
                          int         to_year);

static void
shift_line_years (XaFormLine *line,
                  int         from_year,
                  int         to_year)
{
  g_autofree char *label = shift_years (line->label, from_year, to_year);
  g_autofree char *value = shift_years (line->value, from_year, to_year);

  g_free (line->label);
  line->label = g_steal_pointer (&label);
  g_free (line->value);
  line->value = g_steal_pointer (&value);
}

/* Every party of the signature block, whatever its role, and the lines under the title:
 * what they say of the year moves with the clauses. */
static void
shift_signature_years (XaTemplate *template,
                       int         from_year,
                       int         to_year)
{
  g_autoptr(GPtrArray) signers = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_signer_free);
  g_autoptr(GPtrArray) party_lines = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_form_line_free);
  GPtrArray *lines = xa_template_get_party_lines (template);
  g_autofree char *shared = shift_years (xa_template_get_shared_date (template), from_year, to_year);

  for (guint i = 0; i < xa_template_get_n_signers (template); i++)
    {
      XaSigner *signer = xa_signer_copy (xa_template_get_signer (template, i));
      char *unit = shift_years (signer->unit, from_year, to_year);
      char *date = shift_years (signer->date, from_year, to_year);

      g_free (signer->unit);
      signer->unit = unit;
      g_free (signer->date);
      signer->date = date;
      for (guint j = 0; j < signer->lines->len; j++)
        shift_line_years (signer->lines->pdata[j], from_year, to_year);
      g_ptr_array_add (signers, signer);
    }
  xa_template_set_signature (template, signers, xa_template_get_signature_layout (template), shared);

  for (guint i = 0; i < lines->len; i++)
    {
      XaFormLine *line = xa_form_line_copy (lines->pdata[i]);

      shift_line_years (line, from_year, to_year);
      g_ptr_array_add (party_lines, line);
    }
  xa_template_set_party_lines (template, party_lines);
}

/* The spans "2021—2022" and "2021-2022" of @from_year become those of @to_year. */
static char *
shift_years (const char *text,
             int         from_year,
             int         to_year)
{
  g_autoptr(GString) shifted = g_string_new (text);
  static const char * const dashes[] = { "—", "-" };

  for (guint i = 0; i < G_N_ELEMENTS (dashes); i++)
    {
      g_autofree char *old = g_strdup_printf ("%d%s%d", from_year, dashes[i], from_year + 1);
      g_autofree char *new = g_strdup_printf ("%d%s%d", to_year, dashes[i], to_year + 1);

      g_string_replace (shifted, old, new, 0);
    }

  return g_string_free (g_steal_pointer (&shifted), FALSE);
}

static void
shift_clause_years (GListModel *clauses,
                    int         from_year,
                    int         to_year)
{
  guint n = g_list_model_get_n_items (clauses);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaClause) clause = g_list_model_get_item (clauses, i);
      g_autofree char *heading = shift_years (xa_clause_get_heading (clause), from_year, to_year);
      g_autofree char *text = shift_years (xa_clause_get_text (clause), from_year, to_year);

      xa_clause_set_heading (clause, heading);
      xa_clause_set_text (clause, text);
      shift_clause_years (xa_clause_get_children (clause), from_year, to_year);
    }
}

/**
 * xa_template_library_copy_to_year:
 * @school_year: the school year the copy is for, by the year it starts
 *
 * Stores a copy of @template as the next version of @school_year, with a new uuid, the
 * same clause ids (so that the two years compare clause by clause) and the literal
 * school-year spans of its year moved to @school_year: how any year is made from the
 * newest template in one step.
 *
 * Returns: (transfer full) (nullable): the stored copy
 */
XaTemplate *
xa_template_library_copy_to_year (XaTemplateLibrary  *self,
                                  XaTemplate         *template,
                                  int                 school_year,
                                  GError            **error)
{
  g_autoptr(XaTemplate) copy = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *name = NULL;
  int year;

  g_return_val_if_fail (XA_IS_TEMPLATE_LIBRARY (self), NULL);
  g_return_val_if_fail (XA_IS_TEMPLATE (template), NULL);

  year = xa_template_get_school_year (template);
  copy = xa_template_copy (template);
  uuid = xa_store_new_uuid ();
  _xa_template_set_uuid (copy, uuid);
  _xa_template_set_version (copy, 0);
  _xa_template_set_frozen (copy, FALSE);
  xa_template_set_school_year (copy, school_year);

  name = shift_years (xa_template_get_name (copy), year, school_year);
  xa_template_set_name (copy, name);
  shift_clause_years (xa_template_get_clauses (copy), year, school_year);

  shift_signature_years (copy, year, school_year);

  if (!save_internal (self, copy, FALSE, error))
    return NULL;

  return g_steal_pointer (&copy);
}

/**
 * xa_template_library_copy_to_next_year:
 *
 * "下一学年": xa_template_library_copy_to_year() for the year after @template's.
 *
 * Returns: (transfer full) (nullable): the stored copy
 */
XaTemplate *
xa_template_library_copy_to_next_year (XaTemplateLibrary  *self,
                                       XaTemplate         *template,
                                       GError            **error)
{
  g_return_val_if_fail (XA_IS_TEMPLATE (template), NULL);

  return xa_template_library_copy_to_year (self, template, xa_template_get_school_year (template) + 1, error);
}
