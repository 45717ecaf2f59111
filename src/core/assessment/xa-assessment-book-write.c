/* xa-assessment-book-write.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yearly assessments in the store, written: a school's self-score per indicator,
 * the commission's score (with the suggestion it took or the reason it did not), the H
 * events, veto decisions, finalising (refused while an incident's responsibility finding
 * is pending), publishing, and the revisions of a finalised assessment (and a veto's
 * withdrawal), which keep the old value beside the new with the reason. Each one
 * transaction with its audit entry, noted under "assessment".
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "xa-assessment-book-private.h"
#include "core/education/xa-incident-book.h"
#include "core/util/xa-date.h"
#include "core/util/xa-json.h"

#define MAX_TEXT 2000
#define audit_detail _xa_assessment_book_audit_detail

static gboolean
fail (GError     **error,
      int          code,
      const char  *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError     **error,
      int          code,
      const char  *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, XA_ASSESSMENT_BOOK_ERROR, code, message);
  return FALSE;
}

/* The school's one assessment, as the login sees it, inside a write. */
static XaAssessment *
load_one (XaStore     *store,
          const char  *school_uuid,
          int          school_year,
          GError     **error)
{
  g_autoptr(GPtrArray) assessments = g_ptr_array_new_with_free_func (g_object_unref);

  if (!_xa_assessment_book_load (store, school_year, school_uuid, FALSE, assessments, error))
    return NULL;
  if (assessments->len == 0)
    {
      fail (error, XA_ASSESSMENT_BOOK_ERROR_NOT_FOUND, _("The school is not in the register"));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (assessments, 0));
}

static gboolean
find_organisation (XaStore     *store,
                   const char  *school_uuid,
                   gint64      *organisation_id,
                   GError     **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!(stmt = xa_store_prepare (store, "SELECT id FROM organisation WHERE uuid = ? AND kind = 'school'", error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, school_uuid);
  if ((step = xa_statement_step (stmt, error)) == XA_STEP_ERROR)
    return FALSE;
  if (step == XA_STEP_DONE)
    return fail (error, XA_ASSESSMENT_BOOK_ERROR_NOT_FOUND, _("The school is not in the register"));
  *organisation_id = xa_statement_get_int64 (stmt, 0);
  return TRUE;
}

/* Whether the commission has finalised the school's year: on a server through
 * xa_assessment_is_finalised (), which a school's login may ask without seeing the row. */
static gboolean
is_finalised (XaStore   *store,
              gint64     organisation_id,
              int        school_year,
              gboolean  *finalised,
              GError   **error)
{
  g_autoptr(XaStatement) stmt = NULL;

  if (!(stmt = xa_store_prepare (store,
                                 xa_store_get_is_server (store)
                                 ? "SELECT CASE WHEN xa_assessment_is_finalised (?, ?) THEN 1 ELSE 0 END"
                                 : "SELECT count(*) FROM assessment WHERE organisation_id = ? AND school_year = ? AND finalised = 1",
                                 error)))
    return FALSE;
  xa_statement_bind_int64 (stmt, 1, organisation_id);
  xa_statement_bind_int (stmt, 2, school_year);
  if (!xa_statement_step_one (stmt, error))
    return FALSE;
  *finalised = xa_statement_get_int64 (stmt, 0) > 0;
  return TRUE;
}

static gboolean
check_text (const char  *text,
            const char  *field,
            gboolean     required,
            GError     **error)
{
  if ((required && (text == NULL || text[0] == '\0')) || (text != NULL && g_utf8_strlen (text, -1) > MAX_TEXT))
    return fail (error, XA_ASSESSMENT_BOOK_ERROR_INVALID, _("The %s is empty or longer than 2000 characters"), field);
  return TRUE;
}

static gboolean
check_score (XaAssessment  *assessment,
             const char    *code,
             double         score,
             GError       **error)
{
  XaIndicator *indicator = xa_scheme_find_indicator (xa_assessment_get_scheme (assessment), code);

  if (indicator == NULL)
    return fail (error, XA_ASSESSMENT_BOOK_ERROR_NOT_FOUND, _("The scheme of %d (version %u) has no indicator %s"),
                 xa_assessment_get_school_year (assessment), xa_scheme_get_version (xa_assessment_get_scheme (assessment)),
                 code != NULL ? code : "");
  if (!(score >= 0) || score > xa_indicator_get_points (indicator) + 1e-9 || fabs (score * 100 - round (score * 100)) > 1e-6)
    {
      g_autofree char *points = xa_points_format (xa_indicator_get_points (indicator));

      return fail (error, XA_ASSESSMENT_BOOK_ERROR_INVALID,
                   _("Indicator %s: the score (得分) is not between 0 and %s with at most two decimals"), code, points);
    }
  return TRUE;
}

/* The audit entry's detail: the school and year, then the members given. */
char *
_xa_assessment_book_audit_detail (XaAssessment *assessment,
                                  const char   *first_member,
                                  ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  va_list args;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "school");
  json_builder_add_string_value (builder, xa_assessment_get_school_code (assessment) ? xa_assessment_get_school_code (assessment) : "");
  json_builder_set_member_name (builder, "school_year");
  json_builder_add_int_value (builder, xa_assessment_get_school_year (assessment));
  va_start (args, first_member);
  for (const char *member = first_member; member != NULL; member = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      json_builder_set_member_name (builder, member);
      json_builder_add_string_value (builder, value != NULL ? value : "");
    }
  va_end (args);
  json_builder_end_object (builder);
  return xa_json_builder_to_string (builder);
}

/* The commission's record of the school's year, made (against the version the school
 * self-assessed with, else the year's newest, the default stored first) when missing. */
static gboolean
ensure_record (XaStore       *store,
               XaAssessment  *assessment,
               gint64        *assessment_id,
               GError       **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *uuid = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *version_text = NULL;
  guint version = xa_scheme_get_version (xa_assessment_get_scheme (assessment));
  gint64 organisation_id;
  int year = xa_assessment_get_school_year (assessment);

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT a.id FROM assessment a JOIN organisation o ON o.id = a.organisation_id"
                                 " WHERE o.uuid = ? AND a.school_year = ?",
                                 error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, xa_assessment_get_school_uuid (assessment));
  xa_statement_bind_int (stmt, 2, year);
  switch (xa_statement_step (stmt, error))
    {
    case XA_STEP_ROW:
      *assessment_id = xa_statement_get_int64 (stmt, 0);
      return TRUE;
    case XA_STEP_ERROR:
      return FALSE;
    case XA_STEP_DONE:
    default:
      break;
    }
  g_clear_pointer (&stmt, xa_statement_free);

  if (version == 0 && !_xa_scheme_book_ensure_stored (store, year, &version, error))
    return FALSE;
  if (!find_organisation (store, xa_assessment_get_school_uuid (assessment), &organisation_id, error))
    return FALSE;
  uuid = xa_store_new_uuid ();
  if (!(stmt = xa_store_prepare (store,
                                 "INSERT INTO assessment (uuid, organisation_id, school_year, scheme_version, created_at, created_by)"
                                 " VALUES (?, ?, ?, ?, ?, ?)",
                                 error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, uuid);
  xa_statement_bind_int64 (stmt, 2, organisation_id);
  xa_statement_bind_int (stmt, 3, year);
  xa_statement_bind_int (stmt, 4, (int) version);
  xa_statement_bind_text (stmt, 5, now);
  xa_statement_bind_text (stmt, 6, xa_store_get_operator (store));
  if (!xa_statement_run (stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, xa_statement_free);

  version_text = g_strdup_printf ("%u", version);
  detail = audit_detail (assessment, "scheme_version", version_text, NULL);
  if (!xa_store_append_audit (store, "assessment.start", "assessment", uuid, detail, error))
    return FALSE;

  if (!(stmt = xa_store_prepare (store, "SELECT id FROM assessment WHERE uuid = ?", error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, uuid);
  if (!xa_statement_step_one (stmt, error))
    return FALSE;
  *assessment_id = xa_statement_get_int64 (stmt, 0);
  return TRUE;
}

/* Self-assessment */

typedef struct
{
  const char        *school_uuid;
  int                school_year;
  const XaSelfEntry *entries;
  guint              n_entries;
} Self;

static gboolean
upsert_self (XaStore            *store,
             XaAssessment       *assessment,
             gint64              organisation_id,
             guint               version,
             const XaSelfEntry  *entry,
             GError            **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *uuid = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *score_text = NULL;
  int year = xa_assessment_get_school_year (assessment);
  XaStep step;

  if (!(stmt = xa_store_prepare (store, "SELECT uuid FROM assessment_self WHERE organisation_id = ? AND school_year = ? AND code = ?",
                                 error)))
    return FALSE;
  xa_statement_bind_int64 (stmt, 1, organisation_id);
  xa_statement_bind_int (stmt, 2, year);
  xa_statement_bind_text (stmt, 3, entry->code);
  if ((step = xa_statement_step (stmt, error)) == XA_STEP_ERROR)
    return FALSE;
  if (step == XA_STEP_ROW)
    uuid = g_strdup (xa_statement_get_text (stmt, 0));
  g_clear_pointer (&stmt, xa_statement_free);

  if (uuid != NULL)
    stmt = xa_store_prepare (store, "UPDATE assessment_self SET score = ?, notes = ?, entered_at = ?, entered_by = ? WHERE uuid = ?",
                             error);
  else
    {
      uuid = xa_store_new_uuid ();
      stmt = xa_store_prepare (store,
                               "INSERT INTO assessment_self (score, notes, entered_at, entered_by, uuid, organisation_id,"
                               " school_year, scheme_version, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               error);
    }
  if (stmt == NULL)
    return FALSE;
  xa_statement_bind_double (stmt, 1, entry->score);
  xa_statement_bind_text (stmt, 2, entry->notes != NULL ? entry->notes : "");
  xa_statement_bind_text (stmt, 3, now);
  xa_statement_bind_text (stmt, 4, xa_store_get_operator (store));
  xa_statement_bind_text (stmt, 5, uuid);
  if (step != XA_STEP_ROW)
    {
      xa_statement_bind_int64 (stmt, 6, organisation_id);
      xa_statement_bind_int (stmt, 7, year);
      xa_statement_bind_int (stmt, 8, (int) version);
      xa_statement_bind_text (stmt, 9, entry->code);
    }
  if (!xa_statement_run (stmt, error))
    return FALSE;

  score_text = xa_points_format (entry->score);
  detail = audit_detail (assessment, "indicator", entry->code, "score", score_text, "notes", entry->notes, NULL);
  if (!xa_store_append_audit (store, "assessment.self", "assessment_self", uuid, detail, error))
    return FALSE;
  xa_store_note_change (store, "assessment", uuid);
  return TRUE;
}

static gboolean
self_cb (XaStore   *store,
         gpointer   user_data,
         GError   **error)
{
  Self *data = user_data;
  g_autoptr(XaAssessment) assessment = load_one (store, data->school_uuid, data->school_year, error);
  guint version;
  gint64 organisation_id;
  gboolean finalised;

  if (assessment == NULL)
    return FALSE;
  for (guint i = 0; i < data->n_entries; i++)
    if (!check_score (assessment, data->entries[i].code, data->entries[i].score, error))
      return FALSE;
  if (!find_organisation (store, data->school_uuid, &organisation_id, error) ||
      !is_finalised (store, organisation_id, data->school_year, &finalised, error))
    return FALSE;
  if (finalised)
    return fail (error, XA_ASSESSMENT_BOOK_ERROR_LOCKED,
                 _("The assessment of %s for %d is finalised: its self-assessment cannot change"),
                 xa_assessment_get_school_name (assessment), data->school_year);
  version = xa_scheme_get_version (xa_assessment_get_scheme (assessment));
  if (version == 0)
    {
      gboolean school_login;

      /* A school's login may not store the default scheme: the commission sets it. */
      if (!_xa_assessment_book_is_school_login (store, &school_login, error))
        return FALSE;
      if (school_login)
        return fail (error, XA_ASSESSMENT_BOOK_ERROR_STATE,
                     _("The commission has not yet set the assessment scheme of %d: self-assessment waits for it"),
                     data->school_year);
      if (!_xa_scheme_book_ensure_stored (store, data->school_year, &version, error))
        return FALSE;
    }
  for (guint i = 0; i < data->n_entries; i++)
    if (!upsert_self (store, assessment, organisation_id, version, &data->entries[i], error))
      return FALSE;
  return TRUE;
}

/**
 * xa_assessment_book_set_self_scores:
 * @entries: (array length=n_entries): each indicator's points kept (0 … its points) and note
 *
 * Records (or changes) the school's self-scores, all in one transaction, refused once
 * the commission has finalised the year (%XA_ASSESSMENT_BOOK_ERROR_LOCKED).
 */
gboolean
xa_assessment_book_set_self_scores (XaAssessmentBook   *self,
                                    const char         *school_uuid,
                                    int                 school_year,
                                    const XaSelfEntry  *entries,
                                    guint               n_entries,
                                    GError            **error)
{
  Self data = { school_uuid, school_year, entries, n_entries };

  g_return_val_if_fail (XA_IS_ASSESSMENT_BOOK (self), FALSE);
  g_return_val_if_fail (school_uuid != NULL, FALSE);

  for (guint i = 0; i < n_entries; i++)
    if (!check_text (entries[i].notes, _("self-assessment note (自评说明)"), FALSE, error))
      return FALSE;
  return xa_store_write (_xa_assessment_book_get_store (self), self_cb, &data, error);
}

/**
 * xa_assessment_book_set_self:
 * @score: the points the school keeps on the indicator (0 … its points)
 *
 * Records (or changes) the school's self-score of one indicator.
 */
gboolean
xa_assessment_book_set_self (XaAssessmentBook  *self,
                             const char        *school_uuid,
                             int                school_year,
                             const char        *code,
                             double             score,
                             const char        *notes,
                             GError           **error)
{
  XaSelfEntry entry = { code, score, notes };

  return xa_assessment_book_set_self_scores (self, school_uuid, school_year, &entry, 1, error);
}

/* The commission's side */

typedef enum
{
  OP_SCORE,
  OP_H,
  OP_VETO,
  OP_REMOVE_VETO,
  OP_FINALISE,
  OP_REVISE,
} Op;

typedef struct
{
  Op                  op;
  const char         *school_uuid;
  int                 school_year;
  const XaScoreEntry *entry;        /* the first of @n_entries */
  guint               n_entries;
  guint               n_events;
  const char         *notes;
  const char         *ground;
  const char         *reason;
  const char * const *evidence;
  const char         *decided_on;
} Commission;

static gboolean
upsert_score (XaStore            *store,
              gint64              assessment_id,
              const XaScoreEntry *entry,
              char              **uuid,
              GError            **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  XaStep step;

  if (!(stmt = xa_store_prepare (store, "SELECT uuid FROM assessment_score WHERE assessment_id = ? AND code = ?", error)))
    return FALSE;
  xa_statement_bind_int64 (stmt, 1, assessment_id);
  xa_statement_bind_text (stmt, 2, entry->code);
  if ((step = xa_statement_step (stmt, error)) == XA_STEP_ERROR)
    return FALSE;
  *uuid = step == XA_STEP_ROW ? g_strdup (xa_statement_get_text (stmt, 0)) : xa_store_new_uuid ();
  g_clear_pointer (&stmt, xa_statement_free);

  if (!(stmt = xa_store_prepare (store,
                                 step == XA_STEP_ROW
                                 ? "UPDATE assessment_score SET score = ?, notes = ?, suggestion = ?, accepted = ?,"
                                   " override_reason = ?, scored_at = ?, scored_by = ? WHERE uuid = ?"
                                 : "INSERT INTO assessment_score (score, notes, suggestion, accepted, override_reason, scored_at,"
                                   " scored_by, uuid, assessment_id, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 error)))
    return FALSE;
  xa_statement_bind_double (stmt, 1, entry->score);
  xa_statement_bind_text (stmt, 2, entry->notes != NULL ? entry->notes : "");
  if (entry->suggestion >= 0)
    xa_statement_bind_double (stmt, 3, entry->suggestion);
  else
    xa_statement_bind_null (stmt, 3);
  xa_statement_bind_int (stmt, 4, entry->suggestion >= 0 && entry->accepted ? 1 : 0);
  xa_statement_bind_text (stmt, 5, entry->override_reason != NULL ? entry->override_reason : "");
  xa_statement_bind_text (stmt, 6, now);
  xa_statement_bind_text (stmt, 7, xa_store_get_operator (store));
  xa_statement_bind_text (stmt, 8, *uuid);
  if (step != XA_STEP_ROW)
    {
      xa_statement_bind_int64 (stmt, 9, assessment_id);
      xa_statement_bind_text (stmt, 10, entry->code);
    }
  return xa_statement_run (stmt, error);
}

static gboolean
check_entry (XaAssessment       *assessment,
             const XaScoreEntry *entry,
             GError            **error)
{
  XaIndicator *indicator;

  if (!check_score (assessment, entry->code, entry->score, error) ||
      !check_text (entry->notes, _("deduction note (扣分说明)"), FALSE, error) ||
      !check_text (entry->override_reason, _("reason for overriding (不采纳理由)"), FALSE, error))
    return FALSE;
  indicator = xa_scheme_find_indicator (xa_assessment_get_scheme (assessment), entry->code);
  if (entry->suggestion >= 0 && entry->accepted &&
      fabs (xa_indicator_get_points (indicator) - entry->suggestion - entry->score) > 0.001)
    return fail (error, XA_ASSESSMENT_BOOK_ERROR_INVALID,
                 _("Indicator %s: the score taken from the suggestion is not the points less the suggested deduction"),
                 entry->code);
  if (entry->suggestion >= 0 && !entry->accepted &&
      (entry->override_reason == NULL || entry->override_reason[0] == '\0'))
    return fail (error, XA_ASSESSMENT_BOOK_ERROR_INVALID,
                 _("Indicator %s: give the reason (不采纳理由) for not taking the suggested deduction"), entry->code);
  return TRUE;
}

static gboolean
score_cb (XaStore       *store,
          Commission    *data,
          XaAssessment  *assessment,
          gint64         assessment_id,
          GError       **error)
{
  for (guint i = 0; i < MAX (data->n_entries, 1); i++)
    {
      const XaScoreEntry *entry = &data->entry[i];
      g_autofree char *uuid = NULL;
      g_autofree char *detail = NULL;
      g_autofree char *score_text = xa_points_format (entry->score);
      g_autofree char *suggestion_text = entry->suggestion >= 0 ? xa_points_format (entry->suggestion) : NULL;

      if (!upsert_score (store, assessment_id, entry, &uuid, error))
        return FALSE;
      detail = audit_detail (assessment, "indicator", entry->code, "score", score_text, "notes", entry->notes,
                             "suggestion", suggestion_text,
                             "accepted", entry->suggestion < 0 ? "" : entry->accepted ? "yes" : "no",
                             "override_reason", entry->override_reason, NULL);
      if (!xa_store_append_audit (store, "assessment.score", "assessment_score", uuid, detail, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
h_cb (XaStore       *store,
      Commission    *data,
      XaAssessment  *assessment,
      gint64         assessment_id,
      GError       **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *events = g_strdup_printf ("%u", data->n_events);

  if (!(stmt = xa_store_prepare (store, "UPDATE assessment SET h_events = ?, h_notes = ? WHERE id = ?", error)))
    return FALSE;
  xa_statement_bind_int (stmt, 1, (int) data->n_events);
  xa_statement_bind_text (stmt, 2, data->notes != NULL ? data->notes : "");
  xa_statement_bind_int64 (stmt, 3, assessment_id);
  if (!xa_statement_run (stmt, error))
    return FALSE;
  detail = audit_detail (assessment, "h_events", events, "notes", data->notes, NULL);
  return xa_store_append_audit (store, "assessment.h", "assessment", xa_assessment_get_uuid (assessment), detail, error);
}

/* A revision: what was there, what is now, the reason; who and when are the operator's
 * and now. Kept (append-only) and audited. */
static gboolean
insert_revision (XaStore       *store,
                 XaAssessment  *assessment,
                 gint64         assessment_id,
                 const char    *code,
                 const char    *old_value,
                 const char    *new_value,
                 const char    *reason,
                 GError       **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *uuid = xa_store_new_uuid ();
  g_autofree char *detail = NULL;

  if (!(stmt = xa_store_prepare (store,
                                 "INSERT INTO assessment_revision (uuid, assessment_id, code, old_value, new_value, reason,"
                                 " revised_at, revised_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                 error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, uuid);
  xa_statement_bind_int64 (stmt, 2, assessment_id);
  xa_statement_bind_text (stmt, 3, code);
  xa_statement_bind_text (stmt, 4, old_value);
  xa_statement_bind_text (stmt, 5, new_value);
  xa_statement_bind_text (stmt, 6, reason);
  xa_statement_bind_text (stmt, 7, now);
  xa_statement_bind_text (stmt, 8, xa_store_get_operator (store));
  if (!xa_statement_run (stmt, error))
    return FALSE;
  detail = audit_detail (assessment, "indicator", code, "old", old_value, "new", new_value, "reason", reason, NULL);
  return xa_store_append_audit (store, "assessment.revise", "assessment_revision", uuid, detail, error);
}

static gboolean update_published_result (XaStore     *store,
                                         const char  *school_uuid,
                                         int          school_year,
                                         GError     **error);

static gboolean
veto_cb (XaStore       *store,
         Commission    *data,
         XaAssessment  *assessment,
         gint64         assessment_id,
         GError       **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *evidence = data->evidence != NULL ? g_strjoinv (" ", (char **) data->evidence) : g_strdup ("");
  XaStep step;

  if (!(stmt = xa_store_prepare (store, "SELECT uuid FROM assessment_veto WHERE assessment_id = ? AND ground = ?", error)))
    return FALSE;
  xa_statement_bind_int64 (stmt, 1, assessment_id);
  xa_statement_bind_text (stmt, 2, data->ground);
  if ((step = xa_statement_step (stmt, error)) == XA_STEP_ERROR)
    return FALSE;
  uuid = step == XA_STEP_ROW ? g_strdup (xa_statement_get_text (stmt, 0)) : NULL;
  g_clear_pointer (&stmt, xa_statement_free);

  if (data->op == OP_REMOVE_VETO)
    {
      const XaVetoDecision *veto = NULL;

      for (guint i = 0; i < xa_assessment_get_n_vetoes (assessment); i++)
        if (g_strcmp0 (xa_assessment_get_veto (assessment, i)->ground, data->ground) == 0)
          veto = xa_assessment_get_veto (assessment, i);
      if (uuid == NULL || veto == NULL)
        return fail (error, XA_ASSESSMENT_BOOK_ERROR_NOT_FOUND, _("%s has no veto on the ground %s for %d"),
                     xa_assessment_get_school_name (assessment), data->ground, data->school_year);
      /* The withdrawal is a decision too: kept as a revision (the decision withdrawn, the
       * reason, who and when), before finalising as after. */
      if (!insert_revision (store, assessment, assessment_id, data->ground, veto->reason, "", data->reason, error))
        return FALSE;
      if (!(stmt = xa_store_prepare (store, "DELETE FROM assessment_veto WHERE uuid = ?", error)))
        return FALSE;
      xa_statement_bind_text (stmt, 1, uuid);
      if (!xa_statement_run (stmt, error))
        return FALSE;
      detail = audit_detail (assessment, "ground", data->ground, "reason", data->reason, NULL);
      return xa_store_append_audit (store, "assessment.veto.remove", "assessment_veto", uuid, detail, error) &&
             update_published_result (store, data->school_uuid, data->school_year, error);
    }

  if (uuid == NULL)
    uuid = xa_store_new_uuid ();
  if (!(stmt = xa_store_prepare (store,
                                 step == XA_STEP_ROW
                                 ? "UPDATE assessment_veto SET reason = ?, evidence = ?, decided_on = ?, decided_by = ? WHERE uuid = ?"
                                 : "INSERT INTO assessment_veto (reason, evidence, decided_on, decided_by, uuid, assessment_id, ground)"
                                   " VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, data->reason);
  xa_statement_bind_text (stmt, 2, evidence);
  xa_statement_bind_text (stmt, 3, data->decided_on);
  xa_statement_bind_text (stmt, 4, xa_store_get_operator (store));
  xa_statement_bind_text (stmt, 5, uuid);
  if (step != XA_STEP_ROW)
    {
      xa_statement_bind_int64 (stmt, 6, assessment_id);
      xa_statement_bind_text (stmt, 7, data->ground);
    }
  if (!xa_statement_run (stmt, error))
    return FALSE;
  detail = audit_detail (assessment, "ground", data->ground, "reason", data->reason, "evidence", evidence,
                         "decided_on", data->decided_on, NULL);
  return xa_store_append_audit (store, "assessment.veto", "assessment_veto", uuid, detail, error);
}

static gboolean
finalise_cb (XaStore       *store,
             Commission    *data,
             XaAssessment  *assessment,
             gint64         assessment_id,
             GError       **error)
{
  XaScheme *scheme = xa_assessment_get_scheme (assessment);
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *detail = NULL;
  g_autofree char *total = NULL;

  for (guint i = 0; i < xa_scheme_get_n_indicators (scheme); i++)
    {
      const char *code = xa_indicator_get_code (xa_scheme_get_indicator (scheme, i));

      if (xa_assessment_get_score (assessment, code)->score < 0)
        return fail (error, XA_ASSESSMENT_BOOK_ERROR_STATE,
                     _("The assessment of %s for %d cannot be finalised: indicator %s has no commission score (考核分)"),
                     xa_assessment_get_school_name (assessment), data->school_year, code);
    }
  if (!(stmt = xa_store_prepare (store, "UPDATE assessment SET finalised = 1, finalised_at = ?, finalised_by = ? WHERE id = ?",
                                 error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, now);
  xa_statement_bind_text (stmt, 2, xa_store_get_operator (store));
  xa_statement_bind_int64 (stmt, 3, assessment_id);
  if (!xa_statement_run (stmt, error))
    return FALSE;
  total = xa_points_format (xa_assessment_get_total (assessment));
  detail = audit_detail (assessment, "total", total, "grade", xa_grade_to_key (xa_assessment_get_grade (assessment)), NULL);
  return xa_store_append_audit (store, "assessment.finalise", "assessment", xa_assessment_get_uuid (assessment), detail, error);
}

/* The cached result the ranking shows, kept up to date once published. */
static gboolean
update_published_result (XaStore     *store,
                         const char  *school_uuid,
                         int          school_year,
                         GError     **error)
{
  g_autoptr(XaAssessment) assessment = load_one (store, school_uuid, school_year, error);
  g_autoptr(XaStatement) stmt = NULL;

  if (assessment == NULL)
    return FALSE;
  if (!(stmt = xa_store_prepare (store, "UPDATE assessment SET total = ?, grade = ?, vetoed = ? WHERE uuid = ? AND published = 1",
                                 error)))
    return FALSE;
  xa_statement_bind_double (stmt, 1, xa_assessment_get_total (assessment));
  xa_statement_bind_text (stmt, 2, xa_grade_to_key (xa_assessment_get_grade (assessment)));
  xa_statement_bind_int (stmt, 3, xa_assessment_get_vetoed (assessment) ? 1 : 0);
  xa_statement_bind_text (stmt, 4, xa_assessment_get_uuid (assessment));
  if (!xa_statement_run (stmt, error))
    return FALSE;
  if (xa_assessment_get_published (assessment))
    {
      g_autofree char *total = xa_points_format (xa_assessment_get_total (assessment));
      g_autofree char *detail = audit_detail (assessment, "total", total,
                                              "grade", xa_grade_to_key (xa_assessment_get_grade (assessment)), NULL);

      if (!xa_store_append_audit (store, "assessment.republish", "assessment", xa_assessment_get_uuid (assessment),
                                  detail, error))
        return FALSE;
    }
  return TRUE;
}

static char *
describe_score (const XaIndicatorScore *score)
{
  g_autofree char *points = score->score >= 0 ? xa_points_format (score->score) : g_strdup ("—");

  return score->notes != NULL && score->notes[0] != '\0' ? g_strdup_printf ("%s（%s）", points, score->notes)
                                                         : g_steal_pointer (&points);
}

static gboolean
revise_cb (XaStore       *store,
           Commission    *data,
           XaAssessment  *assessment,
           gint64         assessment_id,
           GError       **error)
{
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  g_autofree char *detail = NULL;
  XaScoreEntry entry = *data->entry;

  if (g_strcmp0 (entry.code, "H") == 0)
    {
      /* The H events: their number is the "score" revised. */
      Commission events = *data;

      old_value = g_strdup_printf ("%u", xa_assessment_get_n_h_events (assessment));
      new_value = g_strdup_printf ("%u", (guint) entry.score);
      events.n_events = (guint) entry.score;
      events.notes = entry.notes;
      if (!h_cb (store, &events, assessment, assessment_id, error))
        return FALSE;
    }
  else
    {
      const XaIndicatorScore *old = xa_assessment_get_score (assessment, entry.code);
      XaIndicatorScore new_score = *old;
      g_autofree char *score_uuid = NULL;

      old_value = describe_score (old);
      new_score.score = entry.score;
      new_score.notes = (char *) entry.notes;
      new_value = describe_score (&new_score);
      /* A revision keeps what the suggestion was; the reason is the revision's. */
      entry.suggestion = old->suggestion;
      entry.accepted = FALSE;
      entry.override_reason = data->reason;
      if (!upsert_score (store, assessment_id, &entry, &score_uuid, error))
        return FALSE;
      detail = audit_detail (assessment, "indicator", entry.code, "score", new_value, "reason", data->reason, NULL);
      if (!xa_store_append_audit (store, "assessment.revise.score", "assessment_score", score_uuid, detail, error))
        return FALSE;
      g_clear_pointer (&detail, g_free);
    }
  if (!insert_revision (store, assessment, assessment_id, entry.code, old_value, new_value, data->reason, error))
    return FALSE;
  return update_published_result (store, data->school_uuid, data->school_year, error);
}

static gboolean
commission_cb (XaStore   *store,
               gpointer   user_data,
               GError   **error)
{
  Commission *data = user_data;
  g_autoptr(XaAssessment) assessment = load_one (store, data->school_uuid, data->school_year, error);
  gint64 assessment_id = 0;
  gboolean finalised;
  gboolean ok;

  if (assessment == NULL)
    return FALSE;
  finalised = xa_assessment_get_state (assessment) == XA_ASSESSMENT_STATE_FINALISED;
  if (data->op == OP_REVISE && !finalised)
    return fail (error, XA_ASSESSMENT_BOOK_ERROR_STATE,
                 _("The assessment of %s for %d is not finalised: change its score instead of revising it"),
                 xa_assessment_get_school_name (assessment), data->school_year);
  if (data->op != OP_REVISE && data->op != OP_REMOVE_VETO && finalised)
    return fail (error, XA_ASSESSMENT_BOOK_ERROR_LOCKED,
                 _("The assessment of %s for %d is finalised: correct it by a revision with a reason"),
                 xa_assessment_get_school_name (assessment), data->school_year);
  if (data->op == OP_REVISE && g_strcmp0 (data->entry->code, "H") == 0)
    {
      if (data->entry->score > 100 || data->entry->score != (guint) data->entry->score)
        return fail (error, XA_ASSESSMENT_BOOK_ERROR_INVALID, _("The number of H events (八杜绝事件) is not a whole number up to 100"));
    }
  else
    for (guint i = 0; data->entry != NULL && i < MAX (data->n_entries, 1); i++)
      if (!check_entry (assessment, &data->entry[i], error))
        return FALSE;
  if (data->op == OP_VETO && xa_scheme_find_veto (xa_assessment_get_scheme (assessment), data->ground) == NULL)
    return fail (error, XA_ASSESSMENT_BOOK_ERROR_INVALID, _("The scheme of %d has no veto item %s"),
                 data->school_year, data->ground);
  if (data->op == OP_FINALISE && xa_assessment_get_state (assessment) < XA_ASSESSMENT_STATE_SCORED)
    return fail (error, XA_ASSESSMENT_BOOK_ERROR_STATE,
                 _("The assessment of %s for %d cannot be finalised: the commission has not scored it"),
                 xa_assessment_get_school_name (assessment), data->school_year);

  if (!ensure_record (store, assessment, &assessment_id, error))
    return FALSE;
  /* The record may be new: read the assessment again with its uuid. */
  g_clear_object (&assessment);
  if (!(assessment = load_one (store, data->school_uuid, data->school_year, error)))
    return FALSE;

  switch (data->op)
    {
    case OP_SCORE:
      ok = score_cb (store, data, assessment, assessment_id, error);
      break;
    case OP_H:
      ok = h_cb (store, data, assessment, assessment_id, error);
      break;
    case OP_VETO:
    case OP_REMOVE_VETO:
      ok = veto_cb (store, data, assessment, assessment_id, error);
      break;
    case OP_FINALISE:
      ok = finalise_cb (store, data, assessment, assessment_id, error);
      break;
    case OP_REVISE:
      ok = revise_cb (store, data, assessment, assessment_id, error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (ok)
    xa_store_note_change (store, "assessment", xa_assessment_get_uuid (assessment));
  return ok;
}

static gboolean
run_commission (XaAssessmentBook  *self,
                Commission        *data,
                GError           **error)
{
  return xa_store_write (_xa_assessment_book_get_store (self), commission_cb, data, error);
}

/**
 * xa_assessment_book_set_scores:
 * @entries: (array length=n_entries): the commission's entries
 *
 * Records (or changes) the commission's scores of a school's indicators, all in one
 * transaction; refused once finalised (%XA_ASSESSMENT_BOOK_ERROR_LOCKED: see
 * xa_assessment_book_revise()).
 */
gboolean
xa_assessment_book_set_scores (XaAssessmentBook    *self,
                               const char          *school_uuid,
                               int                  school_year,
                               const XaScoreEntry  *entries,
                               guint                n_entries,
                               GError             **error)
{
  Commission data = { OP_SCORE, school_uuid, school_year, entries, n_entries };

  g_return_val_if_fail (XA_IS_ASSESSMENT_BOOK (self), FALSE);
  g_return_val_if_fail (school_uuid != NULL && entries != NULL && n_entries > 0, FALSE);

  return run_commission (self, &data, error);
}

/**
 * xa_assessment_book_set_score:
 *
 * Records (or changes) the commission's score of one indicator.
 */
gboolean
xa_assessment_book_set_score (XaAssessmentBook    *self,
                              const char          *school_uuid,
                              int                  school_year,
                              const XaScoreEntry  *entry,
                              GError             **error)
{
  return xa_assessment_book_set_scores (self, school_uuid, school_year, entry, 1, error);
}

/**
 * xa_assessment_book_set_h:
 * @n_events: the 八杜绝 events that are not vetoes, each deducted from the total
 */
gboolean
xa_assessment_book_set_h (XaAssessmentBook  *self,
                          const char        *school_uuid,
                          int                school_year,
                          guint              n_events,
                          const char        *notes,
                          GError           **error)
{
  Commission data = { OP_H, school_uuid, school_year, NULL, 0, n_events, notes };

  g_return_val_if_fail (XA_IS_ASSESSMENT_BOOK (self), FALSE);
  g_return_val_if_fail (school_uuid != NULL, FALSE);

  if (n_events > 100)
    return fail (error, XA_ASSESSMENT_BOOK_ERROR_INVALID, _("The number of H events (八杜绝事件) is more than 100"));
  if (!check_text (notes, _("note on the H events (八杜绝说明)"), n_events > 0, error))
    return FALSE;
  return run_commission (self, &data, error);
}

/**
 * xa_assessment_book_record_veto:
 * @ground: a veto item of the scheme (V1 … V4)
 * @evidence: (nullable) (array zero-terminated=1): references of the records that show it
 *   ("incident:UUID", "dispute:UUID", an archived file's UUID)
 * @decided_on: (nullable): YYYY-MM-DD, today when %NULL
 *
 * Records the commission's 一票否决 decision (or changes it), apart from the score.
 */
gboolean
xa_assessment_book_record_veto (XaAssessmentBook    *self,
                                const char          *school_uuid,
                                int                  school_year,
                                const char          *ground,
                                const char          *reason,
                                const char * const  *evidence,
                                const char          *decided_on,
                                GError             **error)
{
  g_autofree char *today = xa_date_today_iso ();
  Commission data = { OP_VETO, school_uuid, school_year, NULL, 0, 0, NULL, ground, reason, evidence,
                      decided_on != NULL ? decided_on : today };
  GDate date;

  g_return_val_if_fail (XA_IS_ASSESSMENT_BOOK (self), FALSE);
  g_return_val_if_fail (school_uuid != NULL, FALSE);

  if (ground == NULL || ground[0] == '\0')
    return fail (error, XA_ASSESSMENT_BOOK_ERROR_INVALID, _("Name the veto ground (否决情形), V1 to V4"));
  if (!check_text (reason, _("reason for the veto (否决理由)"), TRUE, error))
    return FALSE;
  if (!xa_date_parse (data.decided_on, &date))
    return fail (error, XA_ASSESSMENT_BOOK_ERROR_INVALID, _("The veto’s date (认定日期) is not a date of the form YYYY-MM-DD"));
  for (guint i = 0; evidence != NULL && evidence[i] != NULL; i++)
    if (evidence[i][0] == '\0' || strlen (evidence[i]) > 200 || strchr (evidence[i], ' ') != NULL)
      return fail (error, XA_ASSESSMENT_BOOK_ERROR_INVALID, _("The evidence reference (佐证) “%s” is empty, too long or has a space"),
                   evidence[i]);
  return run_commission (self, &data, error);
}

/**
 * xa_assessment_book_remove_veto:
 *
 * Withdraws a veto decision, before finalising or after: the decision withdrawn is kept
 * as a revision with the reason, the operator and the day, audited; the grade returns to
 * what the score gives (and the published result follows).
 */
gboolean
xa_assessment_book_remove_veto (XaAssessmentBook  *self,
                                const char        *school_uuid,
                                int                school_year,
                                const char        *ground,
                                const char        *reason,
                                GError           **error)
{
  Commission data = { OP_REMOVE_VETO, school_uuid, school_year, NULL, 0, 0, NULL, ground, reason };

  g_return_val_if_fail (XA_IS_ASSESSMENT_BOOK (self), FALSE);
  g_return_val_if_fail (school_uuid != NULL && ground != NULL, FALSE);

  if (!check_text (reason, _("reason for removing the veto"), TRUE, error))
    return FALSE;
  return run_commission (self, &data, error);
}

/* A pending responsibility finding of one of the school's incidents (or escalations)
 * of the year blocks finalising: the message names it. */
static gboolean
check_pending (XaAssessmentBook  *self,
               const char        *school_uuid,
               int                school_year,
               GError           **error)
{
  g_autoptr(XaIncidentBook) incidents = xa_incident_book_new (_xa_assessment_book_get_store (self));
  g_autoptr(GPtrArray) verdicts = xa_incident_book_judge_district (incidents, school_year, error);

  if (verdicts == NULL)
    return FALSE;
  for (guint i = 0; i < verdicts->len; i++)
    {
      XaVetoVerdict *verdict = g_ptr_array_index (verdicts, i);

      if (g_strcmp0 (xa_veto_verdict_get_school_uuid (verdict), school_uuid) != 0)
        continue;
      for (guint j = 0; j < xa_veto_verdict_get_n_reasons (verdict); j++)
        if (xa_veto_verdict_get_reason_state (verdict, j) == XA_VETO_STATE_PENDING)
          {
            const char *source = xa_veto_verdict_get_reason_source (verdict, j);
            g_autoptr(XaIncident) incident = source != NULL ? xa_incident_book_dup_incident (incidents, source, NULL) : NULL;

            /* An incident is named by its summary too; an escalation's reason has it. */
            return fail (error, XA_ASSESSMENT_BOOK_ERROR_BLOCKED,
                         _("The assessment of %s for %d cannot be finalised while a finding is pending: %s %s"),
                         xa_veto_verdict_get_school_name (verdict), school_year,
                         xa_veto_verdict_get_reason_text (verdict, j),
                         incident != NULL ? xa_incident_get_summary (incident) : "");
          }
    }
  return TRUE;
}

/**
 * xa_assessment_book_finalise:
 *
 * Locks the school's assessment of the year once every indicator has the commission's
 * score; refused while an incident's responsibility finding is pending
 * (%XA_ASSESSMENT_BOOK_ERROR_BLOCKED, naming it).
 */
gboolean
xa_assessment_book_finalise (XaAssessmentBook  *self,
                             const char        *school_uuid,
                             int                school_year,
                             GError           **error)
{
  Commission data = { OP_FINALISE, school_uuid, school_year };

  g_return_val_if_fail (XA_IS_ASSESSMENT_BOOK (self), FALSE);
  g_return_val_if_fail (school_uuid != NULL, FALSE);

  if (!check_pending (self, school_uuid, school_year, error))
    return FALSE;
  return run_commission (self, &data, error);
}

/**
 * xa_assessment_book_revise:
 * @code: an indicator, or "H" for the number of H events (then @score is that number)
 * @reason: required: why the finalised score changes
 *
 * Corrects the commission's score of one indicator of a finalised assessment: the old
 * and the new value and the reason are kept as a revision, in the one transaction.
 */
gboolean
xa_assessment_book_revise (XaAssessmentBook  *self,
                           const char        *school_uuid,
                           int                school_year,
                           const char        *code,
                           double             score,
                           const char        *notes,
                           const char        *reason,
                           GError           **error)
{
  XaScoreEntry entry = { code, score, notes, -1, FALSE, NULL };
  Commission data = { OP_REVISE, school_uuid, school_year, &entry, 1, 0, NULL, NULL, reason };

  g_return_val_if_fail (XA_IS_ASSESSMENT_BOOK (self), FALSE);
  g_return_val_if_fail (school_uuid != NULL, FALSE);

  if (!check_text (reason, _("reason for the revision (修订理由)"), TRUE, error))
    return FALSE;
  return run_commission (self, &data, error);
}

/* Publishing */

typedef struct
{
  const char *school_uuid;
  int         school_year;
  int         n_published;   /* out */
} Publish;

static gboolean
publish_cb (XaStore   *store,
            gpointer   user_data,
            GError   **error)
{
  Publish *data = user_data;
  g_autoptr(GPtrArray) assessments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *now = xa_date_now_iso8601 ();

  if (!_xa_assessment_book_load (store, data->school_year, data->school_uuid, FALSE, assessments, error))
    return FALSE;
  if (data->school_uuid != NULL && assessments->len == 0)
    return fail (error, XA_ASSESSMENT_BOOK_ERROR_NOT_FOUND, _("The school is not in the register"));
  for (guint i = 0; i < assessments->len; i++)
    {
      XaAssessment *assessment = g_ptr_array_index (assessments, i);
      g_autoptr(XaStatement) stmt = NULL;
      g_autofree char *detail = NULL;
      g_autofree char *total = NULL;

      if (xa_assessment_get_state (assessment) != XA_ASSESSMENT_STATE_FINALISED)
        {
          if (data->school_uuid != NULL)
            return fail (error, XA_ASSESSMENT_BOOK_ERROR_STATE,
                         _("The assessment of %s for %d is not finalised: finalise it before publishing"),
                         xa_assessment_get_school_name (assessment), data->school_year);
          continue;
        }
      if (xa_assessment_get_published (assessment))
        continue;
      if (!(stmt = xa_store_prepare (store,
                                     "UPDATE assessment SET published = 1, published_at = ?, published_by = ?, total = ?, grade = ?,"
                                     " vetoed = ? WHERE uuid = ?",
                                     error)))
        return FALSE;
      xa_statement_bind_text (stmt, 1, now);
      xa_statement_bind_text (stmt, 2, xa_store_get_operator (store));
      xa_statement_bind_double (stmt, 3, xa_assessment_get_total (assessment));
      xa_statement_bind_text (stmt, 4, xa_grade_to_key (xa_assessment_get_grade (assessment)));
      xa_statement_bind_int (stmt, 5, xa_assessment_get_vetoed (assessment) ? 1 : 0);
      xa_statement_bind_text (stmt, 6, xa_assessment_get_uuid (assessment));
      if (!xa_statement_run (stmt, error))
        return FALSE;
      total = xa_points_format (xa_assessment_get_total (assessment));
      detail = audit_detail (assessment, "total", total, "grade", xa_grade_to_key (xa_assessment_get_grade (assessment)),
                             "vetoed", xa_assessment_get_vetoed (assessment) ? "yes" : "no", NULL);
      if (!xa_store_append_audit (store, "assessment.publish", "assessment", xa_assessment_get_uuid (assessment), detail, error))
        return FALSE;
      xa_store_note_change (store, "assessment", xa_assessment_get_uuid (assessment));
      data->n_published++;
    }
  return TRUE;
}

/**
 * xa_assessment_book_publish:
 * @school_uuid: (nullable): one school's, or every finalised one of the year
 *
 * Returns: how many were published (0 when there was none to publish), or -1 with
 *   @error set
 */
int
xa_assessment_book_publish (XaAssessmentBook  *self,
                            const char        *school_uuid,
                            int                school_year,
                            GError           **error)
{
  Publish data = { school_uuid, school_year, 0 };

  g_return_val_if_fail (XA_IS_ASSESSMENT_BOOK (self), -1);

  if (!xa_store_write (_xa_assessment_book_get_store (self), publish_cb, &data, error))
    return -1;
  return data.n_published;
}
