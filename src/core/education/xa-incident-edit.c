/* xa-incident-edit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Editing an incident (xa_incident_book_edit()): its severity, the people affected, how
 * and when it was reported, its summary, and the findings the veto test reads — the
 * responsibility finding, which goes from 待认定 to 责任 or 非责任 once, recorded with
 * who made it and when, and whether it caused a bad influence (造成恶劣影响). One
 * transaction with its audit entry naming the fields changed; on a server a school's
 * login cannot change a finding (xa-store-server-access.c).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-incident-book.h"
#include "xa-incident-book-private.h"
#include "core/util/xa-json.h"

typedef struct
{
  const char           *uuid;
  const XaIncidentEdit *edit;
  XaIncidentFields      fields;
  gboolean              found;   /* the finding changes */
  GString              *changed;
} Edit;

/* Adds @field to the comma-separated list of fields an edit changes, for its audit
 * entry; shared by the edits of drills, incidents and sessions of education. */
void
_xa_edit_note_change (GString    *changed,
                      const char *field)
{
  if (changed->len > 0)
    g_string_append_c (changed, ',');
  g_string_append (changed, field);
}

static gboolean
edit_cb (XaStore   *store,
         gpointer   user_data,
         GError   **error)
{
  Edit *edit = user_data;
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *detail = NULL;

  if (!(stmt = xa_store_prepare (store,
                                 "UPDATE incident SET severity = ?, finding = ?, bad_influence = ?, affected = ?,"
                                 " reported_on = ?, reporting = ?, summary = ?,"
                                 " finding_at = CASE WHEN ? = 1 THEN ? ELSE finding_at END,"
                                 " finding_by = CASE WHEN ? = 1 THEN ? ELSE finding_by END WHERE uuid = ?",
                                 error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, xa_incident_severity_to_key (edit->fields.severity));
  xa_statement_bind_text (stmt, 2, xa_incident_finding_to_key (edit->fields.finding));
  xa_statement_bind_int (stmt, 3, edit->fields.bad_influence ? 1 : 0);
  xa_statement_bind_int (stmt, 4, edit->fields.affected);
  xa_statement_bind_text_or_null (stmt, 5, edit->fields.reported_on);
  xa_statement_bind_text (stmt, 6, xa_incident_reporting_to_key (edit->fields.reporting));
  xa_statement_bind_text (stmt, 7, edit->fields.summary);
  xa_statement_bind_int (stmt, 8, edit->found ? 1 : 0);
  xa_statement_bind_text (stmt, 9, now);
  xa_statement_bind_int (stmt, 10, edit->found ? 1 : 0);
  xa_statement_bind_text (stmt, 11, xa_store_get_operator (store));
  xa_statement_bind_text (stmt, 12, edit->uuid);
  if (!xa_statement_run (stmt, error))
    return FALSE;
  detail = xa_json_dup_strings_object ("changed", edit->changed->str,
                                       "finding", xa_incident_finding_to_key (edit->fields.finding), NULL);
  if (!xa_store_append_audit (store, "incident.edit", "incident", edit->uuid, detail, error))
    return FALSE;
  xa_store_note_change (store, "incident", edit->uuid);
  return TRUE;
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, XA_INCIDENT_BOOK_ERROR, XA_INCIDENT_BOOK_ERROR_INVALID, message);
  return FALSE;
}

/* Applies @edit to the fields as stored, noting each field that changes. */
static gboolean
merge (XaIncident            *incident,
       const XaIncidentEdit  *changes,
       Edit                  *edit,
       GError               **error)
{
  XaIncidentFields *fields = &edit->fields;

  fields->school_uuid = xa_incident_get_school_uuid (incident);
  fields->school_year = xa_incident_get_school_year (incident);
  fields->occurred_on = xa_incident_get_occurred_on (incident);
  fields->kind = xa_incident_get_kind (incident);
  fields->severity = xa_incident_get_severity (incident);
  fields->finding = xa_incident_get_finding (incident);
  fields->bad_influence = xa_incident_get_bad_influence (incident);
  fields->affected = xa_incident_get_affected (incident);
  fields->reported_on = xa_incident_get_reported_on (incident);
  fields->reporting = xa_incident_get_reporting (incident);
  fields->summary = xa_incident_get_summary (incident);

  if (changes->finding != 0 && changes->finding != fields->finding)
    {
      if (fields->finding != XA_INCIDENT_FINDING_PENDING)
        /* Translators: %s is the finding recorded (责任 or 非责任) */
        {
          g_set_error (error, XA_INCIDENT_BOOK_ERROR, XA_INCIDENT_BOOK_ERROR_INVALID,
                       _("The responsibility finding (事故认定) was made already (%s): a finding is made once"),
                       xa_incident_finding_to_label (fields->finding));
          return FALSE;
        }
      fields->finding = changes->finding;
      edit->found = TRUE;
      _xa_edit_note_change (edit->changed, "finding");
    }
  if (changes->severity != 0 && changes->severity != fields->severity)
    {
      fields->severity = changes->severity;
      _xa_edit_note_change (edit->changed, "severity");
    }
  if (changes->bad_influence >= 0 && (changes->bad_influence != 0) != fields->bad_influence)
    {
      fields->bad_influence = changes->bad_influence != 0;
      _xa_edit_note_change (edit->changed, "bad_influence");
    }
  if (changes->affected >= 0 && changes->affected != fields->affected)
    {
      fields->affected = changes->affected;
      _xa_edit_note_change (edit->changed, "affected");
    }
  if (changes->reporting != 0 && changes->reporting != fields->reporting)
    {
      fields->reporting = changes->reporting;
      _xa_edit_note_change (edit->changed, "reporting");
    }
  if (changes->reported_on != NULL && g_strcmp0 (changes->reported_on, fields->reported_on) != 0)
    {
      fields->reported_on = changes->reported_on;
      _xa_edit_note_change (edit->changed, "reported_on");
    }
  if (changes->summary != NULL && g_strcmp0 (changes->summary, fields->summary) != 0)
    {
      fields->summary = changes->summary;
      _xa_edit_note_change (edit->changed, "summary");
    }
  if (edit->changed->len == 0)
    return refuse (error, _("Nothing to change: every field given is as recorded"));
  return _xa_incident_validate (fields, error);
}

/**
 * xa_incident_book_edit:
 * @changes: what changes; the fields left at 0, -1 or %NULL stay as recorded
 *
 * Edits an incident in one transaction with its audit entry. The responsibility
 * finding goes from 待认定 to 责任 or 非责任 once, with who made it and when
 * (xa_incident_get_finding_by()); a finding made is refused another. The edited
 * incident must keep every rule of a new one (the messages name the field).
 *
 * Returns: (transfer full): the incident as stored, or %NULL with @error set
 */
XaIncident *
xa_incident_book_edit (XaIncidentBook        *self,
                       const char            *uuid,
                       const XaIncidentEdit  *changes,
                       GError               **error)
{
  g_autoptr(XaIncident) incident = NULL;
  g_autoptr(GString) changed = g_string_new ("");
  Edit edit = { .uuid = uuid, .edit = changes, .changed = changed };

  g_return_val_if_fail (XA_IS_INCIDENT_BOOK (self), NULL);
  g_return_val_if_fail (uuid != NULL && changes != NULL, NULL);

  if (!(incident = xa_incident_book_dup_incident (self, uuid, error)) ||
      !merge (incident, changes, &edit, error) ||
      !xa_store_write (xa_incident_book_get_store (self), edit_cb, &edit, error))
    return NULL;
  return xa_incident_book_dup_incident (self, uuid, error);
}
