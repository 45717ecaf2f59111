/* xa-agreement-book.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The agreements of an installation, in the store's `agreement` table: one row per
 * revision of a school's agreement for a school year. The rules of DESIGN.md §3 are
 * checked here first, to give the user a message that names the school and the year, and
 * again by the schema's triggers (xa-store-schema.c step 4), so that no other path can
 * change a signed agreement either.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "xa-agreement-book-private.h"
#include "xa-agreement-book.h"
#include "xa-agreement-private.h"
#include "core/registry/xa-school-registry-private.h"
#include "core/util/xa-date.h"
#include "core/util/xa-glib-compat.h"
#include "core/util/xa-json.h"
#include "core/util/xa-list-sync.h"
#include "core/util/xa-school-year.h"
#include "core/util/xa-text.h"


G_DEFINE_FINAL_TYPE (XaAgreementBook, xa_agreement_book, G_TYPE_OBJECT)

G_DEFINE_QUARK (xa-agreement-book-error-quark, xa_agreement_book_error)

enum {
  PROP_0,
  PROP_SCHOOL_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GListStore *
_xa_agreement_book_query (XaStore      *store,
                          const char   *sql,
                          const char  **texts,
                          guint         n_texts,
                          const int    *ints,
                          guint         n_ints,
                          GError      **error)
{
  g_autoptr(GListStore) list = g_list_store_new (XA_TYPE_AGREEMENT);
  g_autoptr(XaStatement) stmt = NULL;
  gboolean ok = FALSE;
  XaStep step;

  xa_store_lock (store);

  if (!(stmt = xa_store_prepare (store, sql, error)))
    goto out;

  for (guint i = 0; i < n_texts; i++)
    xa_statement_bind_text (stmt, i + 1, texts[i]);
  for (guint i = 0; i < n_ints; i++)
    xa_statement_bind_int (stmt, n_texts + i + 1, ints[i]);

  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      g_autoptr(XaAgreement) agreement = _xa_agreement_new_from_stmt (stmt);

      g_list_store_append (list, agreement);
    }

  ok = step == XA_STEP_DONE && _xa_agreement_book_read_supplements (store, list, error);

out:
  g_clear_pointer (&stmt, xa_statement_free);
  xa_store_unlock (store);
  return ok ? g_steal_pointer (&list) : NULL;
}

static XaAgreement *
first_or_not_found (GListStore  *list,
                    GError     **error)
{
  if (list == NULL)
    return NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
    {
      g_set_error_literal (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NOT_FOUND,
                           _("The agreement was not found"));
      return NULL;
    }

  return g_list_model_get_item (G_LIST_MODEL (list), 0);
}

static void
set_no_template (GError **error,
                 int      school_year)
{
  g_autofree char *span = xa_school_year_format_span (school_year);

  g_set_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NO_TEMPLATE,
               _("There is no agreement template for the school year %s"), span);
}

char *
_xa_agreement_book_audit_detail (const char *school_code,
                                 int         school_year,
                                 int         revision,
                                 const char *first_member,
                                 const char *first_value,
                                 const char *second_member,
                                 const char *second_value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "school");
  json_builder_add_string_value (builder, school_code);
  json_builder_set_member_name (builder, "school_year");
  json_builder_add_int_value (builder, school_year);
  json_builder_set_member_name (builder, "revision");
  json_builder_add_int_value (builder, revision);
  if (first_member != NULL)
    {
      json_builder_set_member_name (builder, first_member);
      json_builder_add_string_value (builder, first_value);
    }
  if (second_member != NULL)
    {
      json_builder_set_member_name (builder, second_member);
      json_builder_add_string_value (builder, second_value);
    }
  json_builder_end_object (builder);

  return xa_json_builder_to_string (builder);
}

/* Generation */

typedef struct
{
  XaAgreementBook *self;
  int              school_year;
  const char      *school_uuid;   /* NULL: every school */
  char            *template_uuid;
  guint            n_made;
  char            *made_uuid;     /* the last agreement made */
} GenerateData;

static void
generate_data_clear (GenerateData *data)
{
  g_clear_pointer (&data->template_uuid, g_free);
  g_clear_pointer (&data->made_uuid, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GenerateData, generate_data_clear)

/* The holder of @role as the year begins: of the terms that overlap the year, the one
 * that started first. A school whose first holder came during the year gets that one. */
#define HOLDER_AT_START(role_param) \
  "(SELECT p.name FROM role_term r JOIN person p ON p.id = r.person_id" \
  "  WHERE r.organisation_id = o.id AND r.role = " role_param \
  "    AND r.since <= CAST (?1 + 1 AS TEXT) || '-08-31'" \
  "    AND (r.until IS NULL OR r.until > CAST (?1 AS TEXT) || '-09-01')" \
  "  ORDER BY r.since, r.id LIMIT 1)"

static gboolean
generate_cb (XaStore   *store,
             gpointer   user_data,
             GError   **error)
{
  GenerateData *data = user_data;
  static const char select_sql[] =
    "SELECT o.id, o.code, o.name, " HOLDER_AT_START ("?3") ", " HOLDER_AT_START ("?4")
    " FROM organisation o"
    " WHERE o.kind = 'school' AND o.deleted_at IS NULL AND (CAST (?2 AS TEXT) IS NULL OR o.uuid = ?2)"
    "   AND NOT EXISTS (SELECT 1 FROM agreement a WHERE a.organisation_id = o.id"
    "                   AND a.school_year = ?1 AND a.superseded_by IS NULL)"
    " ORDER BY o.code";
  g_autoptr(XaStatement) select = NULL;
  g_autoptr(XaStatement) insert = NULL;
  g_autoptr(XaStatement) commission = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *commission_name = NULL;
  const char *operator_name = xa_store_get_operator (store);
  gint64 template_id = 0;
  XaStep step;

  {
    g_autoptr(XaStatement) template = xa_store_prepare (store, "SELECT id FROM template WHERE uuid = ?", error);

    if (template == NULL)
      return FALSE;
    xa_statement_bind_text (template, 1, data->template_uuid);
    step = xa_statement_step (template, error);
    if (step == XA_STEP_ERROR)
      return FALSE;
    if (step == XA_STEP_DONE)
      {
        set_no_template (error, data->school_year);
        return FALSE;
      }
    template_id = xa_statement_get_int64 (template, 0);
  }

  if (!(commission = xa_store_prepare (store, "SELECT name FROM organisation WHERE kind = 'commission'", error)))
    return FALSE;
  step = xa_statement_step (commission, error);
  if (step == XA_STEP_ERROR)
    return FALSE;
  if (step == XA_STEP_ROW)
    commission_name = g_strdup (xa_statement_get_text (commission, 0));

  if (!(select = xa_store_prepare (store, select_sql, error)) ||
      !(insert = xa_store_prepare (store,
                                   "INSERT INTO agreement (uuid, organisation_id, school_year, revision,"
                                   " template_id, state, school_name, commission_name,"
                                   " first_responsible, direct_responsible, created_at, created_by,"
                                   " updated_at)"
                                   " VALUES (?, ?, ?, 1, ?, 'draft', ?, ?, ?, ?, ?, ?, ?)",
                                   error)))
    return FALSE;

  xa_statement_bind_int (select, 1, data->school_year);
  xa_statement_bind_text_or_null (select, 2, data->school_uuid);
  xa_statement_bind_text (select, 3, "first-responsible");
  xa_statement_bind_text (select, 4, "direct-responsible");

  while ((step = xa_statement_step (select, error)) == XA_STEP_ROW)
    {
      g_autofree char *uuid = xa_store_new_uuid ();
      g_autofree char *detail = NULL;
      const char *code = xa_statement_get_text (select, 1);

      xa_statement_reset (insert);
      xa_statement_bind_text (insert, 1, uuid);
      xa_statement_bind_int64 (insert, 2, xa_statement_get_int64 (select, 0));
      xa_statement_bind_int (insert, 3, data->school_year);
      xa_statement_bind_int64 (insert, 4, template_id);
      xa_statement_bind_text (insert, 5, xa_statement_get_text (select, 2));
      xa_statement_bind_text (insert, 6, commission_name ? commission_name : "");
      xa_statement_bind_text (insert, 7, xa_statement_get_text (select, 3));
      xa_statement_bind_text (insert, 8, xa_statement_get_text (select, 4));
      xa_statement_bind_text (insert, 9, now);
      xa_statement_bind_text (insert, 10, operator_name);
      xa_statement_bind_text (insert, 11, now);
      if (!xa_statement_run (insert, error))
        return FALSE;

      detail = _xa_agreement_book_audit_detail (code, data->school_year, 1, "template", data->template_uuid, NULL, NULL);
      if (!xa_store_append_audit (store, "agreement.generate", "agreement", uuid, detail, error))
        return FALSE;

      data->n_made++;
      g_free (data->made_uuid);
      data->made_uuid = g_steal_pointer (&uuid);
    }

  if (step != XA_STEP_DONE)
    return FALSE;

  return TRUE;
}

static gboolean
run_generate (XaAgreementBook  *self,
              GenerateData     *data,
              GError          **error)
{
  g_autoptr(XaTemplate) template = NULL;
  g_autoptr(GError) local_error = NULL;

  template = xa_template_library_dup_latest (self->templates, data->school_year, &local_error);
  if (template == NULL)
    {
      if (g_error_matches (local_error, XA_TEMPLATE_LIBRARY_ERROR, XA_TEMPLATE_LIBRARY_ERROR_NOT_FOUND))
        set_no_template (error, data->school_year);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  data->self = self;
  data->template_uuid = g_strdup (xa_template_get_uuid (template));
  return xa_store_write (self->store, generate_cb, data, error);
}

/* Advancing */

typedef struct
{
  XaAgreementBook  *self;
  const char       *uuid;
  XaAgreementState  to;
} AdvanceData;

static gboolean
is_step (XaAgreementState from,
         XaAgreementState to)
{
  return (from == XA_AGREEMENT_STATE_DRAFT && to == XA_AGREEMENT_STATE_PENDING) ||
         (from == XA_AGREEMENT_STATE_PENDING && to == XA_AGREEMENT_STATE_DRAFT) ||
         (from == XA_AGREEMENT_STATE_PENDING && to == XA_AGREEMENT_STATE_SIGNED) ||
         (from == XA_AGREEMENT_STATE_SIGNED && to == XA_AGREEMENT_STATE_ARCHIVED);
}

XaAgreement *
_xa_agreement_book_dup_in_write (XaStore     *store,
                                 const char  *uuid,
                                 GError     **error)
{
  g_autoptr(GListStore) list = NULL;
  const char *texts[] = { uuid };

  list = _xa_agreement_book_query (store, SELECT_AGREEMENTS " WHERE a.uuid = ?", texts, 1, NULL, 0, error);
  return first_or_not_found (list, error);
}

static gboolean
advance_cb (XaStore   *store,
            gpointer   user_data,
            GError   **error)
{
  AdvanceData *data = user_data;
  g_autoptr(XaAgreement) agreement = NULL;
  g_autoptr(XaStatement) update = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *detail = NULL;
  XaAgreementState from;
  const char *sql;

  if (!(agreement = _xa_agreement_book_dup_in_write (store, data->uuid, error)))
    return FALSE;

  from = xa_agreement_get_state (agreement);
  if (!xa_agreement_is_current (agreement) || !is_step (from, data->to))
    {
      g_autofree char *span = xa_school_year_format_span (xa_agreement_get_school_year (agreement));

      g_set_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_BAD_STEP,
                   /* Translators: “school 2150000113, 2021—2022: an agreement that is Signed cannot become Draft” */
                   _("School %s, %s: an agreement that is “%s” cannot become “%s”"),
                   xa_agreement_get_school_code (agreement), span,
                   xa_agreement_get_superseded_by (agreement) ? _("Superseded")
                                                              : xa_agreement_state_to_label (from),
                   xa_agreement_state_to_label (data->to));
      return FALSE;
    }

  /* Sending for signature freezes the template version: what went out for signature,
   * and then what both parties signed, never changes. A later edit of the template
   * becomes its next version, which reaches this agreement only through a revision. */
  if ((data->to == XA_AGREEMENT_STATE_PENDING || data->to == XA_AGREEMENT_STATE_SIGNED) &&
      !xa_template_library_freeze (data->self->templates, xa_agreement_get_template_uuid (agreement), error))
    return FALSE;

  switch (data->to)
    {
    case XA_AGREEMENT_STATE_DRAFT:
      /* Back from 待签: the withdrawn step's who and when stay in the audit log. */
      sql = "UPDATE agreement SET state = 'draft', pending_at = NULL, pending_by = NULL WHERE uuid = ?3";
      break;
    case XA_AGREEMENT_STATE_PENDING:
      sql = "UPDATE agreement SET state = 'pending', pending_at = ?1, pending_by = ?2 WHERE uuid = ?3";
      break;
    case XA_AGREEMENT_STATE_SIGNED:
      sql = "UPDATE agreement SET state = 'signed', signed_at = ?1, signed_by = ?2 WHERE uuid = ?3";
      break;
    case XA_AGREEMENT_STATE_ARCHIVED:
      sql = "UPDATE agreement SET state = 'archived', archived_at = ?1, archived_by = ?2 WHERE uuid = ?3";
      break;
    case XA_N_AGREEMENT_STATES:
    default:
      g_assert_not_reached ();
    }

  if (!(update = xa_store_prepare (store, sql, error)))
    return FALSE;
  xa_statement_bind_text (update, 1, now);
  xa_statement_bind_text (update, 2, xa_store_get_operator (store));
  xa_statement_bind_text (update, 3, data->uuid);
  if (!xa_statement_run (update, error))
    return FALSE;

  detail = _xa_agreement_book_audit_detail (xa_agreement_get_school_code (agreement),
                                            xa_agreement_get_school_year (agreement),
                                            xa_agreement_get_revision (agreement),
                                            "from", xa_agreement_state_to_key (from),
                                            "to", xa_agreement_state_to_key (data->to));
  return xa_store_append_audit (store, "agreement.advance", "agreement", data->uuid, detail, error);
}

/* Revising */

typedef struct
{
  XaAgreementBook *self;
  const char      *uuid;
  char            *new_uuid;
} ReviseData;

static gboolean
revise_cb (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  ReviseData *data = user_data;
  g_autoptr(XaAgreement) old = NULL;
  g_autoptr(XaTemplate) template = NULL;
  g_autoptr(XaStatement) link = NULL;
  g_autoptr(XaStatement) insert = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *detail = NULL;
  XaAgreementState state;

  if (!(old = _xa_agreement_book_dup_in_write (store, data->uuid, error)))
    return FALSE;

  state = xa_agreement_get_state (old);
  if (!xa_agreement_is_current (old) ||
      (state != XA_AGREEMENT_STATE_SIGNED && state != XA_AGREEMENT_STATE_ARCHIVED))
    {
      g_autofree char *span = xa_school_year_format_span (xa_agreement_get_school_year (old));

      g_set_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_BAD_STEP,
                   _("School %s, %s: only the current signed agreement can be revised; a draft is edited as it is"),
                   xa_agreement_get_school_code (old), span);
      return FALSE;
    }

  /* The revision follows the year's latest template: the commission may have corrected
   * it, which is often why an agreement is revised. */
  if (!(template = xa_template_library_dup_latest (data->self->templates,
                                                   xa_agreement_get_school_year (old), error)))
    return FALSE;

  data->new_uuid = xa_store_new_uuid ();

  /* Link first: the old revision stops being current before the new one exists, which
   * the deferred key allows and the one-current index needs. */
  if (!(link = xa_store_prepare (store, "UPDATE agreement SET superseded_by = ? WHERE uuid = ?", error)))
    return FALSE;
  xa_statement_bind_text (link, 1, data->new_uuid);
  xa_statement_bind_text (link, 2, data->uuid);
  if (!xa_statement_run (link, error))
    return FALSE;
  xa_store_note_change (store, "agreement", data->uuid);

  if (!(insert = xa_store_prepare (store,
                                   "INSERT INTO agreement (uuid, organisation_id, school_year, revision,"
                                   " template_id, state, school_name, commission_name, first_responsible,"
                                   " direct_responsible, sign_date, created_at, created_by, updated_at, supersedes)"
                                   " SELECT ?1, organisation_id, school_year, revision + 1,"
                                   "   (SELECT id FROM template WHERE uuid = ?2), 'draft', school_name,"
                                   "   commission_name, first_responsible, direct_responsible, sign_date,"
                                   "   ?3, ?4, ?3, uuid"
                                   " FROM agreement WHERE uuid = ?5",
                                   error)))
    return FALSE;
  xa_statement_bind_text (insert, 1, data->new_uuid);
  xa_statement_bind_text (insert, 2, xa_template_get_uuid (template));
  xa_statement_bind_text (insert, 3, now);
  xa_statement_bind_text (insert, 4, xa_store_get_operator (store));
  xa_statement_bind_text (insert, 5, data->uuid);
  if (!xa_statement_run (insert, error))
    return FALSE;

  /* The school's supplementary clauses go on with its agreement, to be kept, changed
   * or removed in the new draft. */
  if (!_xa_agreement_book_copy_supplements (store, data->uuid, data->new_uuid, error))
    return FALSE;

  detail = _xa_agreement_book_audit_detail (xa_agreement_get_school_code (old),
                                            xa_agreement_get_school_year (old),
                                            xa_agreement_get_revision (old) + 1, "supersedes", data->uuid,
                                            "template", xa_template_get_uuid (template));
  return xa_store_append_audit (store, "agreement.revise", "agreement", data->new_uuid, detail, error);
}

/* Editing */

/**
 * _xa_agreement_book_check_editable:
 * @stored: the agreement as the write under way reads it
 *
 * Returns: %TRUE for a current draft; otherwise %FALSE with an error that names the
 *   school, the year and the state
 */
gboolean
_xa_agreement_book_check_editable (XaAgreement  *stored,
                                   GError      **error)
{
  g_autofree char *span = NULL;

  if (xa_agreement_is_editable (stored))
    return TRUE;

  span = xa_school_year_format_span (xa_agreement_get_school_year (stored));
  g_set_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NOT_EDITABLE,
               _("School %s, %s: only a draft can be edited; this agreement is “%s”"),
               xa_agreement_get_school_code (stored), span,
               xa_agreement_is_current (stored) ? xa_agreement_state_to_label (xa_agreement_get_state (stored))
                                                : _("Superseded"));
  return FALSE;
}

typedef struct
{
  XaAgreement *agreement;
} UpdateData;

static gboolean
check_length (const char  *value,
              gboolean     required,
              guint        max,
              const char  *label,
              GError     **error)
{
  return xa_text_check (value, label, required ? XA_TEXT_REQUIRED : XA_TEXT_OPTIONAL, max,
                        XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_INVALID, error);
}

/* The signing date, when there is one, is a real day within or just before its school
 * year: agreements are signed around 1 September, never years apart from it. */
static gboolean
check_sign_date (XaAgreement  *agreement,
                 GError      **error)
{
  const char *text = xa_agreement_get_sign_date (agreement);
  int year = xa_agreement_get_school_year (agreement);
  GDate date;
  int y;

  if (text == NULL)
    return TRUE;

  if (!xa_date_parse (text, &date))
    {
      g_set_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_INVALID,
                   _("Signing date: “%s” is not a date written as YYYY-MM-DD, such as %d-09-01"),
                   text, year);
      return FALSE;
    }

  y = g_date_get_year (&date);
  if (y < year - 1 || y > year + 1)
    {
      g_autofree char *span = xa_school_year_format_span (year);

      g_set_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_INVALID,
                   _("Signing date: %s is far from the %s school year"), text, span);
      return FALSE;
    }

  return TRUE;
}

static gboolean
update_cb (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  UpdateData *data = user_data;
  XaAgreement *agreement = data->agreement;
  g_autoptr(XaAgreement) stored = NULL;
  g_autoptr(XaStatement) update = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *detail = NULL;
  struct { const char *name; const char *old_value; const char *new_value; } fields[] = {
    { "school_name", NULL, xa_agreement_get_school_name (agreement) },
    { "commission_name", NULL, xa_agreement_get_commission_name (agreement) },
    { "first_responsible", NULL, xa_agreement_get_first_responsible (agreement) },
    { "direct_responsible", NULL, xa_agreement_get_direct_responsible (agreement) },
    { "sign_date", NULL, xa_agreement_get_sign_date (agreement) },
  };

  if (!(stored = _xa_agreement_book_dup_in_write (store, xa_agreement_get_uuid (agreement), error)))
    return FALSE;

  if (!_xa_agreement_book_check_editable (stored, error))
    return FALSE;

  fields[0].old_value = xa_agreement_get_school_name (stored);
  fields[1].old_value = xa_agreement_get_commission_name (stored);
  fields[2].old_value = xa_agreement_get_first_responsible (stored);
  fields[3].old_value = xa_agreement_get_direct_responsible (stored);
  fields[4].old_value = xa_agreement_get_sign_date (stored);

  if (!(update = xa_store_prepare (store,
                                   "UPDATE agreement SET school_name = ?, commission_name = ?,"
                                   " first_responsible = ?, direct_responsible = ?, sign_date = ?,"
                                   " updated_at = ? WHERE uuid = ?",
                                   error)))
    return FALSE;
  for (guint i = 0; i < 4; i++)
    xa_statement_bind_text (update, i + 1, fields[i].new_value ? fields[i].new_value : "");
  xa_statement_bind_text_or_null (update, 5, fields[4].new_value);
  xa_statement_bind_text (update, 6, now);
  xa_statement_bind_text (update, 7, xa_agreement_get_uuid (agreement));
  if (!xa_statement_run (update, error))
    return FALSE;

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_strcmp0 (fields[i].old_value, fields[i].new_value) != 0)
        xa_json_add_change (builder, fields[i].name, fields[i].old_value,
                             fields[i].new_value ? fields[i].new_value : "");
    }
  json_builder_end_object (builder);
  detail = xa_json_builder_to_string (builder);

  return xa_store_append_audit (store, "agreement.update", "agreement",
                                xa_agreement_get_uuid (agreement), detail, error);
}

/* GObject */

static void
xa_agreement_book_dispose (GObject *object)
{
  XaAgreementBook *self = XA_AGREEMENT_BOOK (object);

  g_clear_object (&self->agreements);
  g_clear_object (&self->templates);
  g_clear_object (&self->registry);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (xa_agreement_book_parent_class)->dispose (object);
}

static void
xa_agreement_book_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  XaAgreementBook *self = XA_AGREEMENT_BOOK (object);

  switch (prop_id)
    {
    case PROP_SCHOOL_YEAR:
      g_value_set_int (value, self->school_year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_agreement_book_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  XaAgreementBook *self = XA_AGREEMENT_BOOK (object);

  switch (prop_id)
    {
    case PROP_SCHOOL_YEAR:
      xa_agreement_book_set_school_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_agreement_book_class_init (XaAgreementBookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xa_agreement_book_dispose;
  object_class->get_property = xa_agreement_book_get_property;
  object_class->set_property = xa_agreement_book_set_property;

  /**
   * XaAgreementBook:school-year:
   *
   * The school year (by its start year) whose current agreements the live model holds.
   */
  properties[PROP_SCHOOL_YEAR] =
    g_param_spec_int ("school-year", NULL, NULL, 1990, 2200, 2021,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_agreement_book_init (XaAgreementBook *self)
{
  g_autoptr(GDate) today = g_date_new ();

  g_date_set_time_t (today, time (NULL));
  self->school_year = xa_school_year_for_date (today);
}

/* Public API */

/**
 * xa_agreement_book_new:
 *
 * Returns: (transfer full): the agreements of @registry's store
 */
XaAgreementBook *
xa_agreement_book_new (XaSchoolRegistry  *registry,
                       XaTemplateLibrary *templates)
{
  XaAgreementBook *self;

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (registry), NULL);
  g_return_val_if_fail (XA_IS_TEMPLATE_LIBRARY (templates), NULL);
  g_return_val_if_fail (xa_school_registry_get_store (registry) == xa_template_library_get_store (templates), NULL);

  self = g_object_new (XA_TYPE_AGREEMENT_BOOK, NULL);
  self->registry = g_object_ref (registry);
  self->templates = g_object_ref (templates);
  self->store = g_object_ref (xa_school_registry_get_store (registry));
  _xa_agreement_book_follow_store (self);

  return self;
}

/**
 * xa_agreement_book_get_store:
 *
 * Returns: (transfer none): the store
 */
XaStore *
xa_agreement_book_get_store (XaAgreementBook *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT_BOOK (self), NULL);

  return self->store;
}

int
xa_agreement_book_get_school_year (XaAgreementBook *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT_BOOK (self), 0);

  return self->school_year;
}

void
xa_agreement_book_set_school_year (XaAgreementBook *self,
                                   int              school_year)
{
  g_return_if_fail (XA_IS_AGREEMENT_BOOK (self));

  if (self->school_year == school_year)
    return;

  self->school_year = school_year;
  if (self->agreements != NULL)
    _xa_agreement_book_load_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHOOL_YEAR]);
}

/**
 * xa_agreement_book_get_agreements:
 *
 * A live GListModel of XaAgreement: the current revision of each school's agreement for
 * the "school-year", ordered by 学校标识码. It refreshes itself after every committed
 * change of the store, on the thread that made the book.
 *
 * Returns: (transfer none): the model
 */
GListModel *
xa_agreement_book_get_agreements (XaAgreementBook *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENT_BOOK (self), NULL);

  if (self->agreements == NULL)
    {
      self->agreements = g_list_store_new (XA_TYPE_AGREEMENT);
      _xa_agreement_book_load_all (self);
    }

  return G_LIST_MODEL (self->agreements);
}

/**
 * xa_agreement_book_list_year:
 *
 * The current revisions of @school_year, ordered by 学校标识码: a snapshot, for work
 * off the main thread or on the command line.
 *
 * Returns: (transfer full) (nullable): a GListModel of XaAgreement
 */
GListModel *
xa_agreement_book_list_year (XaAgreementBook  *self,
                             int               school_year,
                             GError          **error)
{
  const int ints[] = { school_year };

  g_return_val_if_fail (XA_IS_AGREEMENT_BOOK (self), NULL);

  return (GListModel *) _xa_agreement_book_query (self->store,
                                          SELECT_AGREEMENTS
                                          " WHERE a.school_year = ? AND a.superseded_by IS NULL"
                                          " ORDER BY o.code",
                                          NULL, 0, ints, 1, error);
}

/**
 * xa_agreement_book_list_revisions:
 *
 * Every revision of one school's agreement for @school_year, the latest first: the
 * superseded ones stay readable.
 *
 * Returns: (transfer full) (nullable): a GListModel of XaAgreement
 */
GListModel *
xa_agreement_book_list_revisions (XaAgreementBook  *self,
                                  const char       *school_uuid,
                                  int               school_year,
                                  GError          **error)
{
  const char *texts[] = { school_uuid };
  const int ints[] = { school_year };

  g_return_val_if_fail (XA_IS_AGREEMENT_BOOK (self), NULL);
  g_return_val_if_fail (school_uuid != NULL, NULL);

  return (GListModel *) _xa_agreement_book_query (self->store,
                                          SELECT_AGREEMENTS
                                          " WHERE o.uuid = ? AND a.school_year = ?"
                                          " ORDER BY a.revision DESC",
                                          texts, 1, ints, 1, error);
}

/**
 * xa_agreement_book_dup_by_uuid:
 *
 * Returns: (transfer full) (nullable): the revision with @uuid
 */
XaAgreement *
xa_agreement_book_dup_by_uuid (XaAgreementBook  *self,
                               const char       *uuid,
                               GError          **error)
{
  g_autoptr(GListStore) list = NULL;
  const char *texts[] = { uuid };

  g_return_val_if_fail (XA_IS_AGREEMENT_BOOK (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  list = _xa_agreement_book_query (self->store, SELECT_AGREEMENTS " WHERE a.uuid = ?", texts, 1, NULL, 0, error);
  return first_or_not_found (list, error);
}

/**
 * xa_agreement_book_dup_current:
 *
 * Returns: (transfer full) (nullable): the current revision of the school's agreement for
 *   @school_year; %XA_AGREEMENT_BOOK_ERROR_NOT_FOUND when there is none
 */
XaAgreement *
xa_agreement_book_dup_current (XaAgreementBook  *self,
                               const char       *school_uuid,
                               int               school_year,
                               GError          **error)
{
  g_autoptr(GListStore) list = NULL;
  const char *texts[] = { school_uuid };
  const int ints[] = { school_year };

  g_return_val_if_fail (XA_IS_AGREEMENT_BOOK (self), NULL);
  g_return_val_if_fail (school_uuid != NULL, NULL);

  list = _xa_agreement_book_query (self->store,
                           SELECT_AGREEMENTS
                           " WHERE o.uuid = ? AND a.school_year = ? AND a.superseded_by IS NULL",
                           texts, 1, ints, 1, error);
  return first_or_not_found (list, error);
}

/**
 * xa_agreement_book_generate:
 * @school_uuid: the school
 *
 * Makes the school's agreement for @school_year as a draft, from the year's latest
 * template version, with the school's name and its 第一责任人 and 直接责任人 as the year
 * began, from the registry's role history.
 *
 * Returns: (transfer full) (nullable): the new draft
 */
XaAgreement *
xa_agreement_book_generate (XaAgreementBook  *self,
                            const char       *school_uuid,
                            int               school_year,
                            GError          **error)
{
  g_auto(GenerateData) data = { NULL, school_year, school_uuid, };
  g_autoptr(XaOrganisation) school = NULL;

  g_return_val_if_fail (XA_IS_AGREEMENT_BOOK (self), NULL);
  g_return_val_if_fail (school_uuid != NULL, NULL);

  if (!(school = xa_school_registry_dup_school (self->registry, school_uuid, error)))
    return NULL;

  if (!run_generate (self, &data, error))
    return NULL;

  if (data.n_made == 0)
    {
      g_autofree char *span = xa_school_year_format_span (school_year);

      g_set_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_EXISTS,
                   xa_organisation_get_deleted (school)
                     ? _("School %s has been removed; it gets no agreement for %s")
                     : _("School %s already has an agreement for %s"),
                   xa_organisation_get_code (school), span);
      return NULL;
    }

  return xa_agreement_book_dup_by_uuid (self, data.made_uuid, error);
}

/**
 * xa_agreement_book_generate_all:
 * @n_made: (out) (optional): how many agreements were made
 *
 * Makes a draft for every school that has no current agreement for @school_year, in one
 * transaction: all of them or, on an error, none.
 *
 * Returns: %TRUE on success, also when every school already had its agreement
 */
gboolean
xa_agreement_book_generate_all (XaAgreementBook  *self,
                                int               school_year,
                                guint            *n_made,
                                GError          **error)
{
  g_auto(GenerateData) data = { NULL, school_year, NULL, };

  g_return_val_if_fail (XA_IS_AGREEMENT_BOOK (self), FALSE);

  if (n_made != NULL)
    *n_made = 0;

  if (!run_generate (self, &data, error))
    return FALSE;

  if (n_made != NULL)
    *n_made = data.n_made;
  return TRUE;
}

/**
 * xa_agreement_book_update:
 * @agreement: a draft whose writable properties were changed
 *
 * Saves the school name, the commission name and the two responsible people of a draft.
 *
 * Returns: %TRUE when saved; %XA_AGREEMENT_BOOK_ERROR_NOT_EDITABLE when the stored
 *   agreement is no longer a draft
 */
gboolean
xa_agreement_book_update (XaAgreementBook  *self,
                          XaAgreement      *agreement,
                          GError          **error)
{
  UpdateData data = { agreement };

  g_return_val_if_fail (XA_IS_AGREEMENT_BOOK (self), FALSE);
  g_return_val_if_fail (XA_IS_AGREEMENT (agreement), FALSE);

  if (!check_length (xa_agreement_get_school_name (agreement), TRUE, 100, _("School name"), error) ||
      !check_length (xa_agreement_get_first_responsible (agreement), FALSE, 50, _("First responsible person"), error) ||
      !check_length (xa_agreement_get_direct_responsible (agreement), FALSE, 50, _("Directly responsible person"), error) ||
      !check_length (xa_agreement_get_commission_name (agreement), FALSE, 100, _("Commission"), error) ||
      !check_sign_date (agreement, error))
    return FALSE;

  return xa_store_write (self->store, update_cb, &data, error);
}

/**
 * xa_agreement_book_advance:
 * @to: the next state: draft → pending → signed → archived, or pending back to draft
 *
 * Records who (the store's operator) and when. Signing freezes the template version the
 * agreement was made from, in the same transaction.
 *
 * Returns: %TRUE when the agreement moved; %XA_AGREEMENT_BOOK_ERROR_BAD_STEP for any
 *   other change
 */
gboolean
xa_agreement_book_advance (XaAgreementBook   *self,
                           const char        *uuid,
                           XaAgreementState   to,
                           GError           **error)
{
  AdvanceData data = { self, uuid, to };

  g_return_val_if_fail (XA_IS_AGREEMENT_BOOK (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (to < XA_N_AGREEMENT_STATES, FALSE);

  return xa_store_write (self->store, advance_cb, &data, error);
}

/**
 * xa_agreement_book_revise:
 *
 * Supersedes a signed (or archived) agreement with a new draft, revision + 1, made from
 * the year's latest template version with the same fields. The old revision stays as it
 * was signed, readable through xa_agreement_book_list_revisions().
 *
 * Returns: (transfer full) (nullable): the new draft
 */
XaAgreement *
xa_agreement_book_revise (XaAgreementBook  *self,
                          const char       *uuid,
                          GError          **error)
{
  ReviseData data = { self, uuid, NULL };
  XaAgreement *revision = NULL;

  g_return_val_if_fail (XA_IS_AGREEMENT_BOOK (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (xa_store_write (self->store, revise_cb, &data, error))
    revision = xa_agreement_book_dup_by_uuid (self, data.new_uuid, error);

  g_free (data.new_uuid);
  return revision;
}

/**
 * xa_agreement_book_dup_template:
 *
 * Returns: (transfer full) (nullable): the template version @agreement was made from
 */
XaTemplate *
xa_agreement_book_dup_template (XaAgreementBook  *self,
                                XaAgreement      *agreement,
                                GError          **error)
{
  g_return_val_if_fail (XA_IS_AGREEMENT_BOOK (self), NULL);
  g_return_val_if_fail (XA_IS_AGREEMENT (agreement), NULL);

  return xa_template_library_dup_by_uuid (self->templates, xa_agreement_get_template_uuid (agreement), error);
}
