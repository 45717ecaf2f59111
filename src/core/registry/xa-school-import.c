/* xa-school-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports a school list saved from Excel or WPS as CSV (UTF-8 or GB18030, read by
 * XaCsvReader a record at a time, so that a wrong file is refused without filling
 * memory). The import is all or nothing: every row is checked first, every problem is
 * reported with its line, and only a file without problems is written, in one
 * transaction; a file with no schools is refused, so that nothing is recorded for it.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-organisation-private.h"
#include "xa-school-import.h"
#include "xa-school-registry-private.h"
#include "core/util/xa-csv-reader.h"
#include "core/util/xa-date.h"
#include "core/util/xa-json.h"
#include "core/util/xa-school-year.h"

#define MAX_ROWS       20000
/* Beyond this many problems the file is clearly the wrong one; listing more helps nobody. */
#define MAX_PROBLEMS   200

G_DEFINE_QUARK (xa-import-error-quark, xa_import_error)

typedef enum
{
  COLUMN_CODE,
  COLUMN_NAME,
  COLUMN_TYPE,
  COLUMN_STAGES,
  COLUMN_ADDRESS,
  COLUMN_PHONE,
  COLUMN_FIRST_RESPONSIBLE,
  COLUMN_DIRECT_RESPONSIBLE,
  N_COLUMNS
} Column;

typedef struct
{
  Column      column;
  gboolean    required;
  const char *names[5];  /* the header as school lists write it; the first is canonical */
} ColumnInfo;

/* Header names are Chinese whatever the user's locale: they are what the district's
 * lists and templates say. */
static const ColumnInfo columns[N_COLUMNS] = {
  { COLUMN_CODE, TRUE, { "学校标识码", "学校（机构）标识码", "学校(机构)标识码", "标识码", NULL } },
  { COLUMN_NAME, TRUE, { "学校名称", "名称", NULL } },
  { COLUMN_TYPE, TRUE, { "类型", "学校类型", "办学类型", NULL } },
  { COLUMN_STAGES, FALSE, { "学段", NULL } },
  { COLUMN_ADDRESS, FALSE, { "地址", "学校地址", NULL } },
  { COLUMN_PHONE, FALSE, { "电话", "联系电话", NULL } },
  { COLUMN_FIRST_RESPONSIBLE, FALSE, { "第一责任人", NULL } },
  { COLUMN_DIRECT_RESPONSIBLE, FALSE, { "直接责任人", NULL } },
};

typedef struct
{
  guint           line;
  XaOrganisation *school;
  char           *first_responsible;
  char           *direct_responsible;
} PendingSchool;

typedef struct
{
  const char *basename;
  GPtrArray  *problems;
  guint       n_problems;
} Report;

static void
pending_school_free (PendingSchool *pending)
{
  g_clear_object (&pending->school);
  g_free (pending->first_responsible);
  g_free (pending->direct_responsible);
  g_free (pending);
}

G_GNUC_PRINTF (3, 4)
static void
report (Report     *rep,
        guint       line,
        const char *format,
        ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  rep->n_problems++;
  if (rep->problems->len >= MAX_PROBLEMS)
    return;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    g_ptr_array_add (rep->problems, g_strdup_printf ("%s:%u: %s", rep->basename, line, reason));
  else
    g_ptr_array_add (rep->problems, g_strdup_printf ("%s: %s", rep->basename, reason));
}

/* Maps each known column to its index in the header, -1 when absent. */
static gboolean
read_header (GPtrArray *header,
             guint      line,
             int        indices[N_COLUMNS],
             Report    *rep)
{
  gboolean ok = TRUE;

  for (guint c = 0; c < N_COLUMNS; c++)
    indices[c] = -1;

  for (guint i = 0; i < header->len; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (g_ptr_array_index (header, i)));

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (!g_strv_contains (columns[c].names, name))
            continue;

          if (indices[c] >= 0)
            {
              report (rep, line, _("The header has the column “%s” twice"),
                      columns[c].names[0]);
              ok = FALSE;
            }
          indices[c] = (int) i;
        }
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      if (columns[c].required && indices[c] < 0)
        {
          report (rep, line,
                  _("The header row has no column “%s” (the first row must name the columns: 学校标识码, 学校名称, 类型…)"),
                  columns[c].names[0]);
          ok = FALSE;
        }
    }

  return ok;
}

static char *
dup_field (GPtrArray *fields,
           const int  indices[N_COLUMNS],
           Column     column)
{
  if (indices[column] < 0)
    return g_strdup ("");

  return g_strstrip (g_strdup (g_ptr_array_index (fields, indices[column])));
}

static gboolean
check_field (Report              *rep,
             guint                line,
             XaOrganisationField  field,
             const char          *value)
{
  g_autoptr(GError) error = NULL;

  if (xa_organisation_check_field (field, value, NULL, &error))
    return TRUE;

  report (rep, line, "%s", error->message);
  return FALSE;
}

static gboolean
check_person (Report     *rep,
              guint       line,
              const char *name,
              XaRoleKind  kind)
{
  g_autoptr(GError) error = NULL;

  if (name[0] == '\0' || _xa_check_person_name (name, &error))
    return TRUE;

  /* Translators: a role such as 第一责任人, then what is wrong with the name */
  report (rep, line, _("%s: %s"), xa_role_kind_to_label (kind), error->message);
  return FALSE;
}

static PendingSchool *
check_row (GPtrArray   *fields,
           guint        line,
           const int    indices[N_COLUMNS],
           guint        n_header_fields,
           GHashTable  *code_lines,
           Report      *rep)
{
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *type_label = NULL;
  g_autofree char *stages_label = NULL;
  g_autofree char *address = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *first = NULL;
  g_autofree char *direct = NULL;
  g_autofree char *stages = NULL;
  g_autoptr(GError) error = NULL;
  PendingSchool *pending;
  XaSchoolType school_type;
  guint before = rep->n_problems;
  gpointer other_line;

  if (fields->len != n_header_fields)
    {
      report (rep, line, _("The row has %u fields but the header has %u"),
              fields->len, n_header_fields);
      return NULL;
    }

  code = dup_field (fields, indices, COLUMN_CODE);
  name = dup_field (fields, indices, COLUMN_NAME);
  type_label = dup_field (fields, indices, COLUMN_TYPE);
  stages_label = dup_field (fields, indices, COLUMN_STAGES);
  address = dup_field (fields, indices, COLUMN_ADDRESS);
  phone = dup_field (fields, indices, COLUMN_PHONE);
  first = dup_field (fields, indices, COLUMN_FIRST_RESPONSIBLE);
  direct = dup_field (fields, indices, COLUMN_DIRECT_RESPONSIBLE);

  if (check_field (rep, line, XA_ORGANISATION_FIELD_CODE, code))
    {
      if (g_hash_table_lookup_extended (code_lines, code, NULL, &other_line))
        report (rep, line, _("The school identifier %s is also on line %u"),
                code, GPOINTER_TO_UINT (other_line));
      else
        g_hash_table_insert (code_lines, g_strdup (code), GUINT_TO_POINTER (line));
    }

  check_field (rep, line, XA_ORGANISATION_FIELD_NAME, name);
  school_type = xa_school_type_from_label (type_label);
  check_field (rep, line, XA_ORGANISATION_FIELD_SCHOOL_TYPE, type_label);

  if (stages_label[0] == '\0')
    stages = g_strdup (xa_school_type_default_stages (school_type));
  else if (!(stages = xa_stages_from_label (stages_label, &error)))
    report (rep, line, "%s", error->message);

  check_field (rep, line, XA_ORGANISATION_FIELD_ADDRESS, address);
  check_field (rep, line, XA_ORGANISATION_FIELD_PHONE, phone);
  check_person (rep, line, first, XA_ROLE_KIND_FIRST_RESPONSIBLE);
  check_person (rep, line, direct, XA_ROLE_KIND_DIRECT_RESPONSIBLE);

  if (rep->n_problems != before)
    return NULL;

  pending = g_new0 (PendingSchool, 1);
  pending->line = line;
  pending->school = xa_organisation_new_school ();
  xa_organisation_set_code (pending->school, code);
  xa_organisation_set_name (pending->school, name);
  xa_organisation_set_school_type (pending->school, school_type);
  xa_organisation_set_stages (pending->school, stages);
  xa_organisation_set_address (pending->school, address);
  xa_organisation_set_phone (pending->school, phone);
  pending->first_responsible = g_steal_pointer (&first);
  pending->direct_responsible = g_steal_pointer (&direct);

  return pending;
}

/* Codes already in the database, deleted schools' included, are checked before the
 * write so that they are reported with their line like every other problem. */
static void
check_codes_free (XaStore   *store,
                  GPtrArray *pending,
                  Report    *rep)
{
  xa_store_lock (store);
  for (guint i = 0; i < pending->len; i++)
    {
      PendingSchool *row = g_ptr_array_index (pending, i);
      g_autoptr(GError) error = NULL;

      if (!_xa_registry_check_code_free (store, xa_organisation_get_code (row->school), NULL, &error))
        report (rep, row->line, "%s", error->message);
    }
  xa_store_unlock (store);
}

/* Responsible people named in the list start on the first day of the current school
 * year when that year is set up, else today. */
static char *
dup_role_start (XaSchoolRegistry *registry)
{
  g_autoptr(GDate) today = g_date_new ();
  g_autoptr(GArray) years = NULL;
  int current;

  g_date_set_time_t (today, time (NULL));
  current = xa_school_year_for_date (today);
  years = xa_school_registry_list_school_years (registry, NULL);

  for (guint i = 0; years != NULL && i < years->len; i++)
    {
      if (g_array_index (years, int, i) == current)
        return g_strdup_printf ("%d-09-01", current);
    }

  return xa_date_today_iso ();
}

typedef struct
{
  XaSchoolRegistry *registry;
  GPtrArray        *pending;
  const char       *basename;
  const char       *since;
} ImportWrite;

static gboolean
add_responsible (XaSchoolRegistry  *registry,
                 XaOrganisation    *school,
                 const char        *name,
                 XaRoleKind         kind,
                 const char        *since,
                 GError           **error)
{
  g_autoptr(XaPerson) person = NULL;

  if (name == NULL || name[0] == '\0')
    return TRUE;

  person = xa_person_new (xa_organisation_get_uuid (school), name);

  return xa_school_registry_add_person (registry, person, error) &&
         xa_school_registry_assign_role (registry, xa_organisation_get_uuid (school),
                                         xa_person_get_uuid (person), kind, since,
                                         NULL, error);
}

static gboolean
import_func (XaStore  *store,
             gpointer  user_data,
             GError  **error)
{
  ImportWrite *op = user_data;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *uuid = xa_store_new_uuid ();
  g_autofree char *detail = NULL;

  /* The registry's own calls join this transaction, so each school, person and role
   * gets the audit entry any other change would. */
  for (guint i = 0; i < op->pending->len; i++)
    {
      PendingSchool *row = g_ptr_array_index (op->pending, i);

      if (!xa_school_registry_add_school (op->registry, row->school, error) ||
          !add_responsible (op->registry, row->school, row->first_responsible,
                            XA_ROLE_KIND_FIRST_RESPONSIBLE, op->since, error) ||
          !add_responsible (op->registry, row->school, row->direct_responsible,
                            XA_ROLE_KIND_DIRECT_RESPONSIBLE, op->since, error))
        {
          g_prefix_error (error, "%s:%u: ", op->basename, row->line);
          return FALSE;
        }
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, op->basename);
  json_builder_set_member_name (builder, "schools");
  json_builder_add_int_value (builder, op->pending->len);
  json_builder_end_object (builder);
  detail = xa_json_builder_to_string (builder);

  return xa_store_append_audit (store, "school.import", "organisation", uuid, detail, error);
}

static void
report_problem_cb (guint       line,
                   const char *reason,
                   gpointer    user_data)
{
  report (user_data, line, "%s", reason);
}

/* Reads and checks the whole file, a record at a time; the schools to add go to
 * @pending and the problems to @rep. Returns FALSE only when the file cannot be read. */
static gboolean
check_file (XaSchoolRegistry  *registry,
            GFile             *file,
            GCancellable      *cancellable,
            GPtrArray         *pending,
            Report            *rep,
            GError           **error)
{
  g_autoptr(XaCsvReader) reader = NULL;
  g_autoptr(GHashTable) code_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GError) local_error = NULL;
  int indices[N_COLUMNS];
  gboolean header_ok = FALSE;
  guint n_rows = 0;

  if (!(reader = xa_csv_reader_open (file, report_problem_cb, rep, cancellable, &local_error)))
    goto failed;

  for (;;)
    {
      g_autoptr(GPtrArray) fields = NULL;
      guint line = 0;

      if (!(fields = xa_csv_reader_next (reader, &line, &local_error)))
        break;

      if (header == NULL)
        {
          header_ok = read_header (fields, line, indices, rep);
          header = g_steal_pointer (&fields);
          continue;
        }

      if (++n_rows > MAX_ROWS)
        {
          report (rep, line, _("The list has more than %u rows; split it into smaller files"), MAX_ROWS);
          return TRUE;
        }

      /* Without its columns the rows cannot be read; the header's problems say why. */
      if (header_ok)
        {
          PendingSchool *row = check_row (fields, line, indices, header->len, code_lines, rep);

          if (row != NULL)
            g_ptr_array_add (pending, row);
        }
    }

  if (local_error != NULL)
    goto failed;

  /* A problem that ended the reading has been reported; what is missing after it says
   * nothing. */
  if (xa_csv_reader_get_stopped (reader))
    return TRUE;

  if (header == NULL)
    report (rep, 1, _("The file is empty; the first row must name the columns: 学校标识码, 学校名称, 类型…"));
  else if (header_ok && n_rows == 0)
    report (rep, 0, _("The file has no schools, only the header row; add one row per school below it"));
  else if (header_ok)
    check_codes_free (xa_school_registry_get_store (registry), pending, rep);

  return TRUE;

failed:
  /* The caller's error domain; a cancellation stays what it is. */
  if (local_error->domain == XA_CSV_ERROR)
    g_set_error_literal (error, XA_IMPORT_ERROR, XA_IMPORT_ERROR_READ, local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
import_file (XaSchoolRegistry  *registry,
             GFile             *file,
             GCancellable      *cancellable,
             guint             *n_imported,
             GPtrArray        **problems,
             GError           **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *since = NULL;
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_school_free);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  Report rep;
  ImportWrite op;

  if (n_imported != NULL)
    *n_imported = 0;
  if (problems != NULL)
    *problems = NULL;

  basename = g_file_get_basename (file);
  rep.basename = basename;
  rep.problems = found;
  rep.n_problems = 0;

  if (!check_file (registry, file, cancellable, pending, &rep, error))
    return FALSE;

  if (rep.n_problems > 0)
    {
      if (rep.n_problems > found->len)
        g_ptr_array_add (found,
                         g_strdup_printf (_("%s: %u more problems are not shown"),
                                          basename, rep.n_problems - found->len));
      g_set_error (error, XA_IMPORT_ERROR, XA_IMPORT_ERROR_REJECTED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: %u problem; nothing was imported",
                                "%s: %u problems; nothing was imported",
                                rep.n_problems),
                   basename, rep.n_problems);
      if (problems != NULL)
        *problems = g_steal_pointer (&found);
      return FALSE;
    }

  /* Once the write begins it is all or nothing; until then a cancel stops it. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  since = dup_role_start (registry);
  op.registry = registry;
  op.pending = pending;
  op.basename = basename;
  op.since = since;

  if (!xa_store_write (xa_school_registry_get_store (registry), import_func, &op, error))
    return FALSE;

  if (n_imported != NULL)
    *n_imported = pending->len;

  return TRUE;
}

/**
 * xa_school_import_file:
 * @n_imported: (out) (optional): how many schools were added
 * @problems: (out) (optional) (transfer full) (element-type utf8): on rejection, one
 *   "FILE:LINE: reason" per problem
 *
 * Reads @file a record at a time. Anything but a regular file (a folder, a device, a
 * pipe) and a file over the size limit are refused before a row is read; a record or
 * field over the limits of XaCsvReader, and a file with a header but no schools, are
 * rejected like any bad row.
 *
 * Returns: %TRUE when every school was added; %FALSE with %XA_IMPORT_ERROR_REJECTED
 *   when rows were refused, or %XA_IMPORT_ERROR_READ when the file cannot be read
 */
gboolean
xa_school_import_file (XaSchoolRegistry  *registry,
                       GFile             *file,
                       guint             *n_imported,
                       GPtrArray        **problems,
                       GError           **error)
{
  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (registry), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return import_file (registry, file, NULL, n_imported, problems, error);
}

typedef struct
{
  guint      n_imported;
  GPtrArray *problems;
} ImportResult;

static void
import_result_free (ImportResult *result)
{
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_free (result);
}

static void
import_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportResult *result = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (import_file (source_object, file, cancellable, &result->n_imported, &result->problems, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * xa_school_import_file_async:
 *
 * Runs xa_school_import_file() in a worker thread. @cancellable stops it between reads
 * and before the write, never halfway through the write. The schools model refreshes
 * on the main context when the import committed.
 */
void
xa_school_import_file_async (XaSchoolRegistry    *registry,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (XA_IS_SCHOOL_REGISTRY (registry));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (registry, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_school_import_file_async);
  g_task_set_task_data (task, g_new0 (ImportResult, 1), (GDestroyNotify) import_result_free);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_worker);
}

/**
 * xa_school_import_file_finish:
 * @n_imported: (out) (optional):
 * @problems: (out) (optional) (transfer full) (element-type utf8):
 */
gboolean
xa_school_import_file_finish (XaSchoolRegistry  *registry,
                              GAsyncResult      *result,
                              guint             *n_imported,
                              GPtrArray        **problems,
                              GError           **error)
{
  ImportResult *data;

  g_return_val_if_fail (g_task_is_valid (result, registry), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (n_imported != NULL)
    *n_imported = data->n_imported;
  if (problems != NULL)
    *problems = g_steal_pointer (&data->problems);

  return g_task_propagate_boolean (G_TASK (result), error);
}
