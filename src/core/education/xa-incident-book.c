/* xa-incident-book.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The incidents of an installation in the store's `incident` table (schema 19):
 * recording one, reading them by school and year, and the commission's district list
 * of a year's veto verdicts (xa-veto.c), to which the escalations of disputes are
 * given by the caller. Also what the drill book shares with it: the school looked up in
 * a write, the evidence's archive items checked, and the drill frequency of a school.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-incident-book.h"
#include "xa-incident-book-private.h"
#include "core/governance/xa-dispute.h"
#include "core/util/xa-date.h"
#include "core/util/xa-json.h"
#include "core/util/xa-school-year.h"

struct _XaIncidentBook
{
  GObject  parent_instance;

  XaStore *store;
};

G_DEFINE_QUARK (xa-incident-book-error-quark, xa_incident_book_error)

G_DEFINE_FINAL_TYPE (XaIncidentBook, xa_incident_book, G_TYPE_OBJECT)

static void
xa_incident_book_dispose (GObject *object)
{
  g_clear_object (&XA_INCIDENT_BOOK (object)->store);

  G_OBJECT_CLASS (xa_incident_book_parent_class)->dispose (object);
}

static void
xa_incident_book_class_init (XaIncidentBookClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xa_incident_book_dispose;
}

static void
xa_incident_book_init (XaIncidentBook *self)
{
}

/**
 * xa_incident_book_new:
 *
 * Returns: (transfer full): the incidents of @store
 */
XaIncidentBook *
xa_incident_book_new (XaStore *store)
{
  XaIncidentBook *self;

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  self = g_object_new (XA_TYPE_INCIDENT_BOOK, NULL);
  self->store = g_object_ref (store);
  return self;
}

XaStore *
xa_incident_book_get_store (XaIncidentBook *self)
{
  g_return_val_if_fail (XA_IS_INCIDENT_BOOK (self), NULL);

  return self->store;
}

/* Shared with the drill book */

gboolean
_xa_incident_find_school (XaStore     *store,
                          const char  *school_uuid,
                          gint64      *organisation_id,
                          char       **code,
                          GQuark       domain,
                          int          not_found,
                          GError     **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT id, code FROM organisation WHERE uuid = ? AND kind = 'school' AND deleted_at IS NULL",
                                 error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, school_uuid);
  if ((step = xa_statement_step (stmt, error)) == XA_STEP_ERROR)
    return FALSE;
  if (step == XA_STEP_DONE)
    {
      g_set_error_literal (error, domain, not_found, _("The school is not in the register"));
      return FALSE;
    }
  *organisation_id = xa_statement_get_int64 (stmt, 0);
  *code = g_strdup (xa_statement_get_text_or_null (stmt, 1));
  return TRUE;
}

gboolean
_xa_incident_validate_evidence (const char * const  *evidence,
                                GQuark               domain,
                                int                  code,
                                GError             **error)
{
  for (guint i = 0; evidence != NULL && evidence[i] != NULL; i++)
    if (!g_uuid_string_is_valid (evidence[i]))
      {
        g_set_error (error, domain, code, _("The evidence (佐证) “%s” is not the UUID of an archived file"), evidence[i]);
        return FALSE;
      }
  return TRUE;
}

/* Reading */

/* Inside a write: each piece of evidence is an archived file the login can see. */
gboolean
_xa_incident_find_evidence (XaStore             *store,
                            const char * const  *evidence,
                            GQuark               domain,
                            int                  code,
                            GError             **error)
{
  for (guint i = 0; evidence != NULL && evidence[i] != NULL; i++)
    {
      g_autoptr(XaStatement) stmt = NULL;
      XaStep step;

      if (!(stmt = xa_store_prepare (store, "SELECT 1 FROM archive_item WHERE uuid = ?", error)))
        return FALSE;
      xa_statement_bind_text (stmt, 1, evidence[i]);
      if ((step = xa_statement_step (stmt, error)) == XA_STEP_ERROR)
        return FALSE;
      if (step == XA_STEP_DONE)
        {
          g_set_error (error, domain, code, _("The evidence (佐证) “%s” is not an archived file"), evidence[i]);
          return FALSE;
        }
    }
  return TRUE;
}

typedef struct
{
  const char *school_uuid;
  int         school_year;
  const char *uuid;
  GPtrArray  *incidents;
} List;

static gboolean
list_cb (XaStore   *store,
         gpointer   user_data,
         GError   **error)
{
  List *list = user_data;
  g_autoptr(XaStatement) rows = NULL;
  XaStep step;

  if (!(rows = xa_store_prepare (store,
                                 "SELECT i.uuid, o.uuid, o.code, o.name, i.school_year, i.occurred_on, i.kind, i.severity,"
                                 " i.finding, i.bad_influence, i.affected, i.reported_on, i.reporting, i.summary, i.evidence,"
                                 " i.finding_at, i.finding_by"
                                 " FROM incident i JOIN organisation o ON o.id = i.organisation_id"
                                 " WHERE (CAST (? AS TEXT) IS NULL OR i.uuid = ?) AND (CAST (? AS TEXT) IS NULL OR o.uuid = ?)"
                                 " AND (? = 0 OR i.school_year = ?) ORDER BY i.occurred_on, i.id",
                                 error)))
    return FALSE;
  xa_statement_bind_text_or_null (rows, 1, list->uuid);
  xa_statement_bind_text_or_null (rows, 2, list->uuid);
  xa_statement_bind_text_or_null (rows, 3, list->school_uuid);
  xa_statement_bind_text_or_null (rows, 4, list->school_uuid);
  xa_statement_bind_int (rows, 5, list->school_year);
  xa_statement_bind_int (rows, 6, list->school_year);

  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    {
      g_auto(GStrv) evidence = g_strsplit (xa_statement_get_text (rows, 14), " ", -1);
      XaIncidentFields fields = {
        .school_uuid = xa_statement_get_text (rows, 1),
        .school_year = xa_statement_get_int (rows, 4),
        .occurred_on = xa_statement_get_text (rows, 5),
        .bad_influence = xa_statement_get_int (rows, 9) != 0,
        .affected = xa_statement_get_int (rows, 10),
        .reported_on = xa_statement_get_text_or_null (rows, 11),
        .summary = xa_statement_get_text (rows, 13),
        .evidence = (const char * const *) (evidence[0] != NULL && evidence[0][0] != '\0' ? evidence : NULL),
      };

      xa_incident_kind_from_label (xa_statement_get_text (rows, 6), &fields.kind);
      xa_incident_severity_from_label (xa_statement_get_text (rows, 7), &fields.severity);
      xa_incident_finding_from_label (xa_statement_get_text (rows, 8), &fields.finding);
      xa_incident_reporting_from_label (xa_statement_get_text (rows, 12), &fields.reporting);
      XaIncident *incident = xa_incident_new (xa_statement_get_text (rows, 0), xa_statement_get_text_or_null (rows, 2),
                                              xa_statement_get_text (rows, 3), &fields);

      xa_incident_set_finding_record (incident, xa_statement_get_text_or_null (rows, 15),
                                      xa_statement_get_text_or_null (rows, 16));
      g_ptr_array_add (list->incidents, incident);
    }
  return step == XA_STEP_DONE;
}

/**
 * xa_incident_book_list:
 * @school_uuid: (nullable): one school's, or every school's the login sees
 * @school_year: one year's, or 0 for all
 *
 * Returns: (transfer full) (element-type XaIncident): the incidents, the earliest
 *   first, or %NULL with @error set
 */
GPtrArray *
xa_incident_book_list (XaIncidentBook  *self,
                       const char      *school_uuid,
                       int              school_year,
                       GError         **error)
{
  g_autoptr(GPtrArray) incidents = g_ptr_array_new_with_free_func (g_object_unref);
  List list = { school_uuid, school_year, NULL, incidents };

  g_return_val_if_fail (XA_IS_INCIDENT_BOOK (self), NULL);

  if (!xa_store_read (self->store, list_cb, &list, error))
    return NULL;
  return g_steal_pointer (&incidents);
}

/**
 * xa_incident_book_dup_incident:
 *
 * Returns: (transfer full): the incident, or %NULL with @error set
 */
XaIncident *
xa_incident_book_dup_incident (XaIncidentBook  *self,
                               const char      *uuid,
                               GError         **error)
{
  g_autoptr(GPtrArray) incidents = g_ptr_array_new_with_free_func (g_object_unref);
  List list = { NULL, 0, uuid, incidents };

  g_return_val_if_fail (XA_IS_INCIDENT_BOOK (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!xa_store_read (self->store, list_cb, &list, error))
    return NULL;
  if (incidents->len == 0)
    {
      g_set_error (error, XA_INCIDENT_BOOK_ERROR, XA_INCIDENT_BOOK_ERROR_NOT_FOUND, _("There is no incident %s"), uuid);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (incidents, 0));
}

/**
 * xa_incident_book_judge_year:
 * @escalations: (array length=n_escalations) (nullable): the escalations (越级上访) that
 *   disputes of @school_year led to, from the dispute register
 *
 * The commission's district list: the veto test over every incident of @school_year
 * the login sees and the escalations given. See xa_veto_judge().
 *
 * Returns: (transfer full) (element-type XaVetoVerdict): the verdicts, or %NULL with
 *   @error set
 */
GPtrArray *
xa_incident_book_judge_year (XaIncidentBook          *self,
                             int                      school_year,
                             const XaVetoEscalation  *escalations,
                             guint                    n_escalations,
                             GError                 **error)
{
  g_autoptr(GPtrArray) incidents = NULL;

  g_return_val_if_fail (XA_IS_INCIDENT_BOOK (self), NULL);

  if (!(incidents = xa_incident_book_list (self, NULL, school_year, error)))
    return NULL;
  return xa_veto_judge (incidents, escalations, n_escalations);
}

/**
 * xa_incident_book_judge_district:
 *
 * The commission's district list as the register stands: the veto test over every
 * incident of @school_year the login sees and every dispute of that year that led to
 * 越级上访 (xa_dispute_list_escalations()), with the commission's judgement of its
 * influence (xa_dispute_judge_influence()): until judged, the veto test names its
 * school as pending, never silently as no veto; then vetoed or not.
 *
 * Returns: (transfer full) (element-type XaVetoVerdict): the verdicts, or %NULL with
 *   @error set
 */
GPtrArray *
xa_incident_book_judge_district (XaIncidentBook  *self,
                                 int              school_year,
                                 GError         **error)
{
  g_autoptr(GPtrArray) disputes = NULL;
  g_autoptr(GArray) escalations = NULL;

  g_return_val_if_fail (XA_IS_INCIDENT_BOOK (self), NULL);

  if (!(disputes = xa_dispute_list_escalations (self->store, school_year, error)))
    return NULL;

  escalations = g_array_sized_new (FALSE, TRUE, sizeof (XaVetoEscalation), disputes->len);
  for (guint i = 0; i < disputes->len; i++)
    {
      XaDisputeEscalation *dispute = g_ptr_array_index (disputes, i);
      XaVetoEscalation escalation = {
        dispute->school_uuid, dispute->school_code, dispute->school_name, dispute->date,
        dispute->reason, dispute->dispute_uuid, dispute->judged, dispute->bad_influence,
      };

      g_array_append_val (escalations, escalation);
    }

  return xa_incident_book_judge_year (self, school_year,
                                      (const XaVetoEscalation *) (gpointer) escalations->data,
                                      escalations->len, error);
}

/* Recording */

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, XA_INCIDENT_BOOK_ERROR, XA_INCIDENT_BOOK_ERROR_INVALID, message);
  return FALSE;
}

gboolean
_xa_incident_validate (const XaIncidentFields  *fields,
                       GError                 **error)
{
  GDate date, reported;

  if (fields->school_uuid == NULL)
    return invalid (error, _("Name the school of the incident"));
  if (fields->occurred_on == NULL || !xa_date_parse (fields->occurred_on, &date))
    return invalid (error, _("The incident’s date (发生日期) is not a date of the form YYYY-MM-DD"));
  if (xa_school_year_for_date (&date) != fields->school_year)
    return invalid (error, _("The incident’s date (发生日期) is not in its school year"));
  if (xa_incident_kind_to_key (fields->kind) == NULL)
    return invalid (error, _("The incident’s type (类型) is not one of the known types"));
  if (xa_incident_severity_to_key (fields->severity) == NULL)
    return invalid (error, _("The incident’s severity (等级) is not one of 一般, 较大, 重大 and 特别重大"));
  if (xa_incident_finding_to_key (fields->finding) == NULL)
    return invalid (error, _("The responsibility finding (事故认定) is not one of 责任, 非责任 and 待认定"));
  if (xa_incident_reporting_to_key (fields->reporting) == NULL)
    return invalid (error, _("How the incident was reported (报送) is not one of 按时, 迟报 and 瞒报"));
  if (fields->affected < 0)
    return invalid (error, _("The people affected (涉及人数) are not negative"));
  if (fields->reported_on == NULL && fields->reporting != XA_INCIDENT_REPORTING_CONCEALED)
    return invalid (error, _("Say when the incident was reported (报送日期); only a concealed one has no date"));
  if (fields->reported_on != NULL &&
      (!xa_date_parse (fields->reported_on, &reported) || g_date_compare (&reported, &date) < 0))
    return invalid (error, _("The report’s date (报送日期) is not a date on or after the incident’s"));
  if (fields->summary == NULL || fields->summary[0] == '\0' || g_utf8_strlen (fields->summary, -1) > 4000)
    return invalid (error, _("Describe the incident (简要经过), in at most 4000 characters"));
  return _xa_incident_validate_evidence (fields->evidence, XA_INCIDENT_BOOK_ERROR, XA_INCIDENT_BOOK_ERROR_INVALID, error);
}

typedef struct
{
  const XaIncidentFields *fields;
  char                   *uuid;   /* out */
} Add;

static gboolean
add_cb (XaStore   *store,
        gpointer   user_data,
        GError   **error)
{
  Add *add = user_data;
  const XaIncidentFields *fields = add->fields;
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *evidence = fields->evidence ? g_strjoinv (" ", (char **) fields->evidence) : g_strdup ("");
  g_autofree char *detail = NULL;
  g_autofree char *code = NULL;
  gint64 organisation_id;

  if (!_xa_incident_find_school (store, fields->school_uuid, &organisation_id, &code,
                                 XA_INCIDENT_BOOK_ERROR, XA_INCIDENT_BOOK_ERROR_NOT_FOUND, error) ||
      !_xa_incident_find_evidence (store, fields->evidence, XA_INCIDENT_BOOK_ERROR, XA_INCIDENT_BOOK_ERROR_INVALID,
                                   error))
    return FALSE;

  g_clear_pointer (&add->uuid, g_free);
  add->uuid = xa_store_new_uuid ();
  if (!(stmt = xa_store_prepare (store,
                                 "INSERT INTO incident (uuid, organisation_id, school_year, occurred_on, kind, severity, finding,"
                                 " bad_influence, affected, reported_on, reporting, summary, evidence, created_at, created_by)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, add->uuid);
  xa_statement_bind_int64 (stmt, 2, organisation_id);
  xa_statement_bind_int (stmt, 3, fields->school_year);
  xa_statement_bind_text (stmt, 4, fields->occurred_on);
  xa_statement_bind_text (stmt, 5, xa_incident_kind_to_key (fields->kind));
  xa_statement_bind_text (stmt, 6, xa_incident_severity_to_key (fields->severity));
  xa_statement_bind_text (stmt, 7, xa_incident_finding_to_key (fields->finding));
  xa_statement_bind_int (stmt, 8, fields->bad_influence ? 1 : 0);
  xa_statement_bind_int (stmt, 9, fields->affected);
  xa_statement_bind_text_or_null (stmt, 10, fields->reported_on);
  xa_statement_bind_text (stmt, 11, xa_incident_reporting_to_key (fields->reporting));
  xa_statement_bind_text (stmt, 12, fields->summary);
  xa_statement_bind_text (stmt, 13, evidence);
  xa_statement_bind_text (stmt, 14, now);
  xa_statement_bind_text (stmt, 15, xa_store_get_operator (store));
  if (!xa_statement_run (stmt, error))
    return FALSE;

  detail = xa_json_dup_strings_object ("school", code ? code : "", "date", fields->occurred_on,
                                       "kind", xa_incident_kind_to_key (fields->kind),
                                       "finding", xa_incident_finding_to_key (fields->finding), NULL);
  if (!xa_store_append_audit (store, "incident.add", "incident", add->uuid, detail, error))
    return FALSE;
  xa_store_note_change (store, "incident", add->uuid);
  return TRUE;
}

/**
 * xa_incident_book_add:
 *
 * Records an incident, in one transaction with its audit entry. Refuses a field that
 * breaks a rule (%XA_INCIDENT_BOOK_ERROR_INVALID, naming it) and a school not in the
 * register (%XA_INCIDENT_BOOK_ERROR_NOT_FOUND).
 *
 * Returns: (transfer full): the incident as stored, or %NULL with @error set
 */
XaIncident *
xa_incident_book_add (XaIncidentBook          *self,
                      const XaIncidentFields  *fields,
                      GError                 **error)
{
  Add add = { fields, NULL };
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (XA_IS_INCIDENT_BOOK (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  if (!_xa_incident_validate (fields, error))
    return NULL;
  if (!xa_store_write (self->store, add_cb, &add, error))
    {
      g_free (add.uuid);
      return NULL;
    }
  uuid = add.uuid;
  return xa_incident_book_dup_incident (self, uuid, error);
}
