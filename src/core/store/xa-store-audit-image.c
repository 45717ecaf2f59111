/* xa-store-audit-image.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Row images: what the audit chain remembers of each record it wrote, so that
 * `audit verify` can tell a row edited, inserted or deleted behind the app's back.
 *
 * An image is the record's columns sorted by name, one line each, `name:digest`, where
 * the digest is the SHA-256 of the typed, length-prefixed value
 * (xa_statement_hash_value()); the image's hash is the SHA-256 of those lines. Digests
 * rather than values, so that the field that changed can be named without the audit
 * table keeping a copy of every phone number it ever saw. A record that is gone has a
 * tombstone: empty lines and an empty hash.
 *
 * A table of many records (the hazard ledger, a million rows in a district) keeps
 * shorter digests, the first 16 hex digits of each value's SHA-256: an image stays
 * about a kilobyte instead of three, and changing a value unnoticed still means finding
 * another value with the same 64-bit digest. A table may add a derived column to its
 * image: a hazard's covers its steps (hazard_step), which so need no image of their own.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-store-private.h"
#include "core/util/xa-list-sync.h"

/* One step of a hazard's history in its image, the same text on both engines. */
#define HAZARD_STEP_LINE \
  "CAST (s.position AS TEXT) || ',' || s.step || ',' || s.from_state || ',' || s.to_state" \
  " || ',' || CAST (length (s.who) AS TEXT) || ',' || s.who || ',' || s.at" \
  " || ',' || coalesce (s.date, '') || ',' || CAST (length (coalesce (s.note, '')) AS TEXT)" \
  " || ',' || coalesce (s.note, '')"

/* An absentee of an education record in its image (and a roster's person in its
 * class's), the same text on both engines. */
#define ROSTER_PERSON_LINE \
  "CAST (length (p.name) AS TEXT) || ',' || p.name || ',' || CAST (length (p.number) AS TEXT) || ',' || p.number" \
  " || ',' || CAST (length (p.excluded) AS TEXT) || ',' || p.excluded"

/* One item of an inspection in its image, the same text on both engines. */
#define INSPECTION_ITEM_LINE \
  "CAST (i.position AS TEXT) || ',' || i.area || ',' || CAST (length (i.area_name) AS TEXT) || ',' || i.area_name" \
  " || ',' || CAST (length (i.content) AS TEXT) || ',' || i.content || ',' || i.category" \
  " || ',' || CAST (length (i.place) AS TEXT) || ',' || i.place || ',' || i.result" \
  " || ',' || CAST (length (i.note) AS TEXT) || ',' || i.note || ',' || coalesce (CAST (i.hazard_id AS TEXT), '')"

/* One problem of a drill in its image, the same text on both engines. */
#define DRILL_PROBLEM_LINE \
  "CAST (p.position AS TEXT) || ',' || CAST (length (p.description) AS TEXT) || ',' || p.description" \
  " || ',' || coalesce (CAST (p.hazard_id AS TEXT), '')"

/* The tables whose records the chain covers: record kinds are table names. A module
 * that adds a table of records adds it here, with the SQL of the key the user knows
 * the record by. */
static const struct
{
  const char *table;
  const char *key_sql;
  const char *title;
  guint       digest_chars;  /* of each column's digest; 0 for all 64 */
  const char *extra_sql;     /* more columns of the image, on SQLite and on a server */
  const char *extra_sql_pg;
} audited_tables[] = {
  { "agreement", "school_name || ' ' || school_year || ' #' || revision", NC_("audit table", "Agreement") },
  { "agreement_supplement", "coalesce ((SELECT school_name || ' ' || school_year || ' #' || revision"
                            " FROM agreement WHERE agreement.id = agreement_supplement.agreement_id), '')"
                            " || ' (' || CAST (position AS TEXT) || ')'",
    NC_("audit table", "Supplementary clause") },
  { "organisation", "coalesce (code, name)", NC_("audit table", "School") },
  { "person", "name", NC_("audit table", "Person") },
  { "role_term", "coalesce ((SELECT name FROM person WHERE person.id = role_term.person_id), '')"
                 " || ' ' || since", NC_("audit table", "Role term") },
  { "school_year", "CAST (start_year AS TEXT)", NC_("audit table", "School year") },
  { "template", "name || ' #' || version", NC_("audit table", "Template") },
  /* A hazard's steps, oldest first, each as its fields with the texts length-prefixed:
   * a step added, changed or removed behind the app's back changes the hazard's image. */
  { "hazard", "number", NC_("audit table", "Hazard"), 16,
    ", (SELECT group_concat (l.line, '|') FROM (SELECT " HAZARD_STEP_LINE " AS line"
    "   FROM hazard_step s WHERE s.hazard_id = hazard.id ORDER BY s.position) AS l) AS history",
    ", (SELECT string_agg (" HAZARD_STEP_LINE ", '|' ORDER BY s.position)"
    "   FROM hazard_step s WHERE s.hazard_id = hazard.id) AS history" },
  { "hazard_photo", "coalesce ((SELECT number FROM hazard WHERE hazard.uuid = hazard_photo.hazard_uuid), '')"
                    " || ' ' || file_name", NC_("audit table", "Hazard photo") },
  /* An inspection's items, in their order, as a hazard's steps: an item changed, added
   * or removed behind the app's back changes the inspection's image. */
  { "inspection", "number", NC_("audit table", "Inspection"), 16,
    ", (SELECT group_concat (l.line, '|') FROM (SELECT " INSPECTION_ITEM_LINE " AS line"
    "   FROM inspection_item i WHERE i.inspection_id = inspection.id ORDER BY i.position) AS l) AS items",
    ", (SELECT string_agg (" INSPECTION_ITEM_LINE ", '|' ORDER BY i.position)"
    "   FROM inspection_item i WHERE i.inspection_id = inspection.id) AS items" },
  { "checklist", "name", NC_("audit table", "Checklist") },
  { "school_calendar", "CAST (school_year AS TEXT)", NC_("audit table", "School calendar") },
  { "hazard_policy", "grade", NC_("audit table", "Default deadline") },
  { "campaign", "CAST (school_year AS TEXT) || ' ' || name", NC_("audit table", "Special campaign") },
  { "campaign_record", "coalesce ((SELECT code FROM organisation WHERE organisation.id = campaign_record.organisation_id), '')"
                       " || ' ' || coalesce ((SELECT name FROM campaign WHERE campaign.id = campaign_record.campaign_id), '')",
    NC_("audit table", "Campaign record"), 16 },
  { "campaign_attachment", "coalesce ((SELECT code FROM organisation WHERE organisation.id = campaign_attachment.organisation_id), '')"
                           " || ' ' || coalesce ((SELECT name FROM campaign WHERE campaign.id = campaign_attachment.campaign_id), '')"
                           " || ' ' || file_name", NC_("audit table", "Campaign attachment") },
  { "archive_item", "coalesce ((SELECT code FROM organisation WHERE organisation.id = archive_item.organisation_id), '')"
                    " || ' ' || file_name", NC_("audit table", "Archived file") },
  { "seal_image", "coalesce ((SELECT coalesce (code, name) FROM organisation WHERE organisation.id = seal_image.organisation_id), '')"
                  " || coalesce (' ' || (SELECT name FROM person WHERE person.id = seal_image.person_id), '')"
                  " || ' ' || owner_kind", NC_("audit table", "Seal or signature image") },
  /* A class's people and a record's absentees and evidence are in its image: one added,
   * changed or removed behind the app's back changes it. */
  { "roster_class", "coalesce ((SELECT code FROM organisation WHERE organisation.id = roster_class.organisation_id), '')"
                    " || ' ' || CAST (school_year AS TEXT) || ' ' || grade || class_name", NC_("audit table", "Roster"), 16,
    ", (SELECT group_concat (l.line, '|') FROM (SELECT " ROSTER_PERSON_LINE " AS line"
    "   FROM roster_person p WHERE p.class_id = roster_class.id ORDER BY p.id) AS l) AS people",
    ", (SELECT string_agg (" ROSTER_PERSON_LINE ", '|' ORDER BY p.id)"
    "   FROM roster_person p WHERE p.class_id = roster_class.id) AS people" },
  { "education_record", "coalesce ((SELECT code FROM organisation WHERE organisation.id = education_record.organisation_id), '')"
                        " || ' ' || held_on || ' ' || topic", NC_("audit table", "Education record"), 16,
    ", (SELECT group_concat (l.line, '|') FROM (SELECT " ROSTER_PERSON_LINE " AS line FROM education_absence a"
    "   JOIN roster_person p ON p.id = a.person_id WHERE a.record_id = education_record.id ORDER BY p.id) AS l) AS absent,"
    " (SELECT group_concat (l.archive_uuid, '|') FROM (SELECT e.archive_uuid FROM education_evidence e"
    "   WHERE e.record_id = education_record.id ORDER BY e.archive_uuid) AS l) AS evidence",
    ", (SELECT string_agg (" ROSTER_PERSON_LINE ", '|' ORDER BY p.id) FROM education_absence a"
    "   JOIN roster_person p ON p.id = a.person_id WHERE a.record_id = education_record.id) AS absent,"
    " (SELECT string_agg (e.archive_uuid, '|' ORDER BY e.archive_uuid) FROM education_evidence e"
    "   WHERE e.record_id = education_record.id) AS evidence" },
  { "education_policy", "name", NC_("audit table", "Education setting") },
  { "education_year", "coalesce ((SELECT code FROM organisation WHERE organisation.id = education_year.organisation_id), '')"
                      " || ' ' || CAST (school_year AS TEXT)", NC_("audit table", "Education plan of a year") },
  /* A drill's problems are in its image, as an inspection's items are in its. */
  { "drill", "coalesce ((SELECT code FROM organisation WHERE organisation.id = drill.organisation_id), '')"
             " || ' ' || held_on", NC_("audit table", "Drill"), 16,
    ", (SELECT group_concat (l.line, '|') FROM (SELECT " DRILL_PROBLEM_LINE " AS line"
    "   FROM drill_problem p WHERE p.drill_id = drill.id ORDER BY p.position) AS l) AS problems",
    ", (SELECT string_agg (" DRILL_PROBLEM_LINE ", '|' ORDER BY p.position)"
    "   FROM drill_problem p WHERE p.drill_id = drill.id) AS problems" },
  { "incident", "coalesce ((SELECT code FROM organisation WHERE organisation.id = incident.organisation_id), '')"
                " || ' ' || occurred_on", NC_("audit table", "Incident") },
  { "drill_policy", "stage", NC_("audit table", "Drill frequency") },
  /* The 综治 registers (schema 20). A key person is known in the log by school and date,
   * never by name: the log is read by staff not named to see key persons. */
  { "dispute_round", "coalesce ((SELECT code FROM organisation WHERE organisation.id = dispute_round.organisation_id), '') || ' ' || held_on",
    NC_("audit table", "Dispute screening round") },
  { "dispute", "coalesce ((SELECT code FROM organisation WHERE organisation.id = dispute.organisation_id), '') || ' ' || found_on || ' ' || parties",
    NC_("audit table", "Dispute") },
  { "key_person", "coalesce ((SELECT code FROM organisation WHERE organisation.id = key_person.organisation_id), '') || ' ' || since",
    NC_("audit table", "Key person") },
  { "key_person_note", "coalesce ((SELECT code FROM organisation WHERE organisation.id = key_person_note.organisation_id), '') || ' ' || noted_on",
    NC_("audit table", "Key person note") },
  { "duty_shift", "coalesce ((SELECT code FROM organisation WHERE organisation.id = duty_shift.organisation_id), '') || ' ' || duty_on",
    NC_("audit table", "Duty shift") },
  { "visitor", "coalesce ((SELECT code FROM organisation WHERE organisation.id = visitor.organisation_id), '') || ' ' || arrived_at",
    NC_("audit table", "Visitor") },
  { "guard", "coalesce ((SELECT code FROM organisation WHERE organisation.id = guard.organisation_id), '') || ' ' || name",
    NC_("audit table", "Guard") },
  { "security_device", "coalesce ((SELECT code FROM organisation WHERE organisation.id = security_device.organisation_id), '') || ' ' || kind || ' ' || place",
    NC_("audit table", "Security device") },
  { "device_repair", "coalesce ((SELECT code FROM organisation WHERE organisation.id = device_repair.organisation_id), '') || ' ' || reported_on",
    NC_("audit table", "Device repair") },
  { "safety_plan", "coalesce ((SELECT code FROM organisation WHERE organisation.id = safety_plan.organisation_id), '') || ' ' || title",
    NC_("audit table", "Plan or rule") },
  /* The yearly assessment (schema 21): a scheme by year and version, a school's self-score
   * and the commission's scores by school, year and indicator. */
  { "assessment_scheme", "CAST (school_year AS TEXT) || ' v' || CAST (version AS TEXT)",
    NC_("audit table", "Assessment scheme") },
  { "assessment_self", "coalesce ((SELECT code FROM organisation WHERE organisation.id = assessment_self.organisation_id), '')"
                       " || ' ' || CAST (school_year AS TEXT) || ' ' || code", NC_("audit table", "Self-assessment") },
  { "assessment", "coalesce ((SELECT code FROM organisation WHERE organisation.id = assessment.organisation_id), '')"
                  " || ' ' || CAST (school_year AS TEXT)", NC_("audit table", "Assessment") },
  { "assessment_score", "coalesce ((SELECT o.code || ' ' || CAST (a.school_year AS TEXT) FROM assessment a"
                        " JOIN organisation o ON o.id = a.organisation_id WHERE a.id = assessment_score.assessment_id), '')"
                        " || ' ' || code", NC_("audit table", "Assessment score") },
  { "assessment_veto", "coalesce ((SELECT o.code || ' ' || CAST (a.school_year AS TEXT) FROM assessment a"
                       " JOIN organisation o ON o.id = a.organisation_id WHERE a.id = assessment_veto.assessment_id), '')"
                       " || ' ' || ground", NC_("audit table", "Veto decision") },
  { "assessment_revision", "coalesce ((SELECT o.code || ' ' || CAST (a.school_year AS TEXT) FROM assessment a"
                           " JOIN organisation o ON o.id = a.organisation_id WHERE a.id = assessment_revision.assessment_id), '')"
                           " || ' ' || code || ' ' || revised_at", NC_("audit table", "Assessment revision") },
  { "guard_policy", "'guards'", NC_("audit table", "Rule of guards") },
};

/* The columns a user knows by name; others are shown as stored. */
static const struct
{
  const char *column;
  const char *title;
} column_titles[] = {
  { "activities", NC_("audit field", "activities") },
  { "added_at", NC_("audit field", "time added") },
  { "added_by", NC_("audit field", "added by") },
  { "address", NC_("audit field", "address") },
  { "authorised_at", NC_("audit field", "time authorised") },
  { "authorised_by", NC_("audit field", "authorised by") },
  { "blob_sha256", NC_("audit field", "stored file") },
  { "body", NC_("audit field", "text") },
  { "category", NC_("audit field", "hazard category") },
  { "closed_by", NC_("audit field", "closer") },
  { "closed_on", NC_("audit field", "closing date") },
  { "code", NC_("audit field", "school code") },
  { "commission_name", NC_("audit field", "commission name") },
  { "completed_on", NC_("audit field", "completion date") },
  { "completion_notes", NC_("audit field", "completion notes") },
  { "deadline", NC_("audit field", "deadline") },
  { "deleted_at", NC_("audit field", "deletion time") },
  { "department", NC_("audit field", "responsible department") },
  { "description", NC_("audit field", "description") },
  { "direct_responsible", NC_("audit field", "direct responsible person") },
  { "file_name", NC_("audit field", "file name") },
  { "first_responsible", NC_("audit field", "first responsible person") },
  { "found_by", NC_("audit field", "finder") },
  { "found_on", NC_("audit field", "date found") },
  { "frozen_at", NC_("audit field", "freezing time") },
  { "funds", NC_("audit field", "funds") },
  { "funds_source", NC_("audit field", "source of funds") },
  { "grade", NC_("audit field", "hazard grade") },
  { "hazard_uuid", NC_("audit field", "hazard") },
  { "height", NC_("audit field", "height") },
  { "history", NC_("audit field", "rectification steps") },
  { "inspected_on", NC_("audit field", "inspection date") },
  { "inspection_type", NC_("audit field", "inspection type") },
  { "inspectors", NC_("audit field", "inspectors") },
  { "items", NC_("audit field", "items checked") },
  { "kind", NC_("audit field", "kind") },
  { "leader", NC_("audit field", "leader") },
  { "measures", NC_("audit field", "rectification measures") },
  { "media_type", NC_("audit field", "file type") },
  { "name", NC_("audit field", "name") },
  { "note", NC_("audit field", "note") },
  { "number", NC_("audit field", "hazard number") },
  { "organisation_id", NC_("audit field", "school") },
  { "owner_kind", NC_("audit field", "owner") },
  { "person_id", NC_("audit field", "person") },
  { "phone", NC_("audit field", "phone") },
  { "place", NC_("audit field", "place") },
  { "plan", NC_("audit field", "plan") },
  { "position", NC_("audit field", "position") },
  { "reinspected_on", NC_("audit field", "re-inspection date") },
  { "reinspection_result", NC_("audit field", "re-inspection result") },
  { "reinspector", NC_("audit field", "re-inspector") },
  { "remarks", NC_("audit field", "remarks") },
  { "removed_at", NC_("audit field", "removal time") },
  { "reported", NC_("audit field", "reported to the commission") },
  { "reported_on", NC_("audit field", "reporting date") },
  { "responsible", NC_("audit field", "responsible person") },
  { "role", NC_("audit field", "role") },
  { "school_name", NC_("audit field", "school name") },
  { "school_year", NC_("audit field", "school year") },
  { "sequence", NC_("audit field", "sequence number") },
  { "sign_date", NC_("audit field", "signing date") },
  { "signed_at", NC_("audit field", "signing time") },
  { "since", NC_("audit field", "start date") },
  { "source", NC_("audit field", "source") },
  { "state", NC_("audit field", "state") },
  { "summary", NC_("audit field", "summary") },
  { "supervised", NC_("audit field", "listed for supervision") },
  { "supervisor", NC_("audit field", "supervising unit") },
  { "taken_at", NC_("audit field", "time taken") },
  { "temporary_measures", NC_("audit field", "temporary control measures") },
  { "title", NC_("audit field", "title") },
  { "until", NC_("audit field", "end date") },
  { "version", NC_("audit field", "version") },
  { "width", NC_("audit field", "width") },
  { "withdrawn_at", NC_("audit field", "withdrawal time") },
  { "withdrawn_by", NC_("audit field", "withdrawn by") },
  { "withdrawn_reason", NC_("audit field", "reason for withdrawal") },
};

void
_xa_audit_image_free (XaAuditImage *image)
{
  if (image == NULL)
    return;

  if (image->arena != NULL)
    {
      xa_image_arena_unref (image->arena);
      g_free (image);
      return;
    }

  g_free (image->table);
  g_free (image->uuid);
  g_free (image->label);
  g_free (image->fields);
  g_free (image->hash);
  g_free (image);
}

XaAuditImage *
_xa_audit_image_new (const char *table,
                     const char *uuid,
                     const char *label,
                     const char *fields,
                     const char *hash,
                     gint64      seq)
{
  XaAuditImage *image = g_new0 (XaAuditImage, 1);

  image->table = g_strdup (table);
  image->uuid = g_strdup (uuid);
  image->label = g_strdup (label ? label : "");
  image->fields = g_strdup (fields ? fields : "");
  image->hash = g_strdup (hash ? hash : "");
  image->seq = seq;
  return image;
}

int
_xa_audit_image_compare (gconstpointer a,
                         gconstpointer b)
{
  const XaAuditImage *first = *(XaAuditImage * const *) a;
  const XaAuditImage *second = *(XaAuditImage * const *) b;
  int by_table = strcmp (first->table, second->table);

  return by_table != 0 ? by_table : strcmp (first->uuid, second->uuid);
}

/**
 * _xa_store_audited_table_title:
 *
 * Returns: (nullable): the table as the user knows it (学校, 责任书, …), or %NULL for a
 *   table the chain does not cover
 */
const char *
_xa_store_audited_table_title (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (audited_tables); i++)
    {
      if (g_strcmp0 (audited_tables[i].table, table) == 0)
        return g_dpgettext2 (NULL, "audit table", audited_tables[i].title);
    }

  return NULL;
}

const char *
_xa_store_audited_table (guint index)
{
  return index < G_N_ELEMENTS (audited_tables) ? audited_tables[index].table : NULL;
}

const char *
_xa_audit_column_title (const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_titles); i++)
    {
      if (strcmp (column_titles[i].column, column) == 0)
        return g_dpgettext2 (NULL, "audit field", column_titles[i].title);
    }

  return column;
}

static guint
table_index (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (audited_tables); i++)
    {
      if (strcmp (audited_tables[i].table, table) == 0)
        return i;
    }

  g_assert_not_reached ();
}

char *
_xa_audit_fields_hash (const char *fields)
{
  char hash[65];

  if (fields == NULL || fields[0] == '\0')
    return g_strdup ("");

  _xa_audit_digest_hex (fields, strlen (fields), hash, 64);
  return g_strdup (hash);
}

/**
 * _xa_store_audited_digest_chars:
 *
 * Returns: how many hex digits of each column's digest the images of @table keep
 */
guint
_xa_store_audited_digest_chars (const char *table)
{
  guint t = table_index (table);

  return audited_tables[t].digest_chars > 0 ? audited_tables[t].digest_chars : 64;
}

static int
compare_column_names (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  XaStatement *stmt = user_data;

  return strcmp (xa_statement_get_column_name (stmt, *(const int *) a),
                 xa_statement_get_column_name (stmt, *(const int *) b));
}

static gboolean foreach_image_where (XaStore           *self,
                                     const char        *table,
                                     const char        *where,
                                     const char * const *values,
                                     XaAuditImageFunc   func,
                                     gpointer           user_data,
                                     GError           **error);

/**
 * _xa_store_foreach_row_image:
 * @table: an audited table
 * @uuid: (nullable): one record, or %NULL for all of them
 * @func: (scope call): called with each row's image, which it may steal
 *
 * Takes the image of the live rows of @table. Call inside a read or a write.
 */
gboolean
_xa_store_foreach_row_image (XaStore           *self,
                             const char        *table,
                             const char        *uuid,
                             XaAuditImageFunc   func,
                             gpointer           user_data,
                             GError           **error)
{
  const char *values[] = { uuid, NULL };

  return foreach_image_where (self, table, uuid ? " WHERE uuid = ?" : "", values,
                              func, user_data, error);
}

/* How many rows of a whole table one statement reads: a district's ledger has a
 * million, and a server's answer is held in memory whole. */
#define IMAGE_PAGE_ROWS 5000

/* Gives @func the image of each row @stmt yields (the record's key, then the row);
 * @last_id: (out) the greatest id among them, @n_rows: (out) how many there were. */
static gboolean
images_of_rows (XaStore           *self,
                XaStatement       *stmt,
                const char        *table,
                int                digest_chars,
                XaAuditImageFunc   func,
                gpointer           user_data,
                gint64            *last_id,
                guint             *n_rows,
                GError           **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GString) fields = g_string_new (NULL);
  g_autofree int *order = NULL;
  int n_columns;
  int uuid_column = -1;
  int id_column = -1;
  XaStep step;

  /* Column 0 is the key; the others are the row, in the order of their names. */
  n_columns = xa_statement_get_n_columns (stmt) - 1;
  order = g_new (int, n_columns);
  for (int i = 0; i < n_columns; i++)
    {
      const char *name = xa_statement_get_column_name (stmt, i + 1);

      order[i] = i + 1;
      if (strcmp (name, "uuid") == 0)
        uuid_column = i + 1;
      else if (strcmp (name, "id") == 0)
        id_column = i + 1;
    }
  g_qsort_with_data (order, n_columns, sizeof (int), compare_column_names, stmt);
  g_assert (uuid_column > 0 && id_column > 0);

  *n_rows = 0;
  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      XaAuditImage *image;
      g_autofree char *hash = NULL;

      g_string_truncate (fields, 0);
      for (int i = 0; i < n_columns; i++)
        {
          g_checksum_reset (checksum);
          xa_statement_hash_value (stmt, order[i], checksum);
          g_string_append_printf (fields, "%s:%.*s\n",
                                  xa_statement_get_column_name (stmt, order[i]),
                                  digest_chars, g_checksum_get_string (checksum));
        }

      hash = _xa_audit_fields_hash (fields->str);
      image = _xa_audit_image_new (table, xa_statement_get_text (stmt, uuid_column),
                                   xa_statement_get_text (stmt, 0), fields->str, hash, 0);
      *last_id = MAX (*last_id, xa_statement_get_int64 (stmt, id_column));
      (*n_rows)++;
      if (!func (image, user_data, error))
        {
          _xa_audit_image_free (image);
          return FALSE;
        }
    }

  return step == XA_STEP_DONE;
}

/* The images of the rows of @table that @where (SQL after the table's name, with the
 * parameters @values, a %NULL-terminated list) selects; all of them, by pages of ids,
 * when @where is "". */
static gboolean
foreach_image_where (XaStore            *self,
                     const char         *table,
                     const char         *where,
                     const char * const *values,
                     XaAuditImageFunc   func,
                     gpointer           user_data,
                     GError           **error)
{
  guint t = table_index (table);
  const char *extra = xa_store_get_is_server (self) ? audited_tables[t].extra_sql_pg
                                                    : audited_tables[t].extra_sql;
  int digest_chars = audited_tables[t].digest_chars > 0 ? (int) audited_tables[t].digest_chars : 64;
  gboolean whole = where[0] == '\0';
  g_autofree char *sql = NULL;
  gint64 last_id = G_MININT64;
  guint n_rows = 0;

  sql = g_strdup_printf ("SELECT %s, *%s FROM %s%s", audited_tables[t].key_sql, extra ? extra : "", table,
                         whole ? " WHERE id > ? ORDER BY id LIMIT " G_STRINGIFY (IMAGE_PAGE_ROWS) : where);

  do
    {
      g_autoptr(XaStatement) stmt = NULL;

      if (!(stmt = xa_store_prepare (self, sql, error)))
        return FALSE;
      if (whole)
        xa_statement_bind_int64 (stmt, 1, last_id);
      for (guint i = 0; !whole && values != NULL && values[i] != NULL; i++)
        xa_statement_bind_text (stmt, i + 1, values[i]);

      if (!images_of_rows (self, stmt, table, digest_chars, func, user_data, &last_id, &n_rows, error))
        return FALSE;
    }
  while (whole && n_rows == IMAGE_PAGE_ROWS);

  return TRUE;
}

static gboolean
take_image_cb (XaAuditImage  *image,
               gpointer       user_data,
               GError       **error)
{
  XaAuditImage **slot = user_data;

  _xa_audit_image_free (*slot);
  *slot = image;
  return TRUE;
}

/* The image the chain holds last for a record, or %NULL. */
static gboolean
read_latest_image (XaStore       *self,
                   const char    *table,
                   const char    *uuid,
                   XaAuditImage **latest,
                   GError       **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  /* On a server, through a function: a school's role reads no audit rows. */
  if (!(stmt = xa_store_prepare (self,
                                 xa_store_get_is_server (self)
                                 ? "SELECT seq, label, fields, image_hash FROM xa_audit_latest_image (?, ?)"
                                 : "SELECT seq, label, fields, image_hash FROM audit_image"
                                   " WHERE record_table = ? AND record_uuid = ?"
                                   " ORDER BY seq DESC LIMIT 1",
                                 error)))
    return FALSE;

  xa_statement_bind_text (stmt, 1, table);
  xa_statement_bind_text (stmt, 2, uuid);
  if ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    *latest = _xa_audit_image_new (table, uuid,
                                   xa_statement_get_text (stmt, 1),
                                   xa_statement_get_text (stmt, 2),
                                   xa_statement_get_text (stmt, 3),
                                   xa_statement_get_int64 (stmt, 0));

  return step != XA_STEP_ERROR;
}

/* @latest: (transfer full) (nullable); @live: (transfer full) (nullable). Adds to
 * @images what the chain must record so that its last image of the record is @live. */
static void
add_if_changed (GPtrArray    *images,
                XaAuditImage *latest,
                XaAuditImage *live)
{
  if (live != NULL && (latest == NULL || strcmp (latest->hash, live->hash) != 0))
    g_ptr_array_add (images, g_steal_pointer (&live));
  else if (live == NULL && latest != NULL && latest->hash[0] != '\0')
    g_ptr_array_add (images, _xa_audit_image_new (latest->table, latest->uuid, latest->label,
                                                  "", "", 0));

  _xa_audit_image_free (latest);
  _xa_audit_image_free (live);
}

static gboolean
collect_record (XaStore     *self,
                const char  *table,
                const char  *uuid,
                GPtrArray   *images,
                GError     **error)
{
  XaAuditImage *latest = NULL;
  XaAuditImage *live = NULL;

  if (!read_latest_image (self, table, uuid, &latest, error) ||
      !_xa_store_foreach_row_image (self, table, uuid, take_image_cb, &live, error))
    {
      _xa_audit_image_free (latest);
      _xa_audit_image_free (live);
      return FALSE;
    }

  add_if_changed (images, latest, live);
  return TRUE;
}

typedef struct
{
  GHashTable *latest;  /* uuid → XaAuditImage, the chain's last image of each record */
  GPtrArray  *images;
} TableDiff;

static gboolean
diff_row_cb (XaAuditImage  *image,
             gpointer       user_data,
             GError       **error)
{
  TableDiff *diff = user_data;
  gpointer latest = NULL;

  g_hash_table_steal_extended (diff->latest, image->uuid, NULL, &latest);
  add_if_changed (diff->images, latest, image);
  return TRUE;
}

/* Adds to @images what differs between the live rows of @table that @where selects
 * (see foreach_image_where()) and @latest, the chain's last images of them, which it
 * empties: a record left there has no row any more. */
static gboolean
diff_images (XaStore            *self,
             const char         *table,
             const char         *where,
             const char * const *values,
             GHashTable         *latest,
             GPtrArray   *images,
             GError     **error)
{
  TableDiff diff = { latest, images };
  GHashTableIter iter;
  gpointer image;

  if (!foreach_image_where (self, table, where, values, diff_row_cb, &diff, error))
    return FALSE;

  g_hash_table_iter_init (&iter, latest);
  while (g_hash_table_iter_next (&iter, NULL, &image))
    {
      g_hash_table_iter_steal (&iter);
      add_if_changed (images, image, NULL);
    }

  return TRUE;
}

/* Reads the chain's last images that @stmt yields (UUID, seq, label, fields, hash) into
 * @latest, by UUID. */
static gboolean
read_latest_images (XaStatement  *stmt,
                    const char   *table,
                    GHashTable   *latest,
                    GError      **error)
{
  XaStep step;

  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      XaAuditImage *image = _xa_audit_image_new (table,
                                                 xa_statement_get_text (stmt, 0),
                                                 xa_statement_get_text (stmt, 2),
                                                 xa_statement_get_text (stmt, 3),
                                                 xa_statement_get_text (stmt, 4),
                                                 xa_statement_get_int64 (stmt, 1));

      g_hash_table_replace (latest, image->uuid, image);
    }

  return step == XA_STEP_DONE;
}

static GHashTable *
new_latest_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                (GDestroyNotify) _xa_audit_image_free);
}

/* Every record of @table, for a change too large to list (xa_store_note_change() with
 * no UUID). */
static gboolean
collect_table (XaStore     *self,
               const char  *table,
               GPtrArray   *images,
               GError     **error)
{
  g_autoptr(GHashTable) latest = new_latest_table ();
  g_autoptr(XaStatement) stmt = NULL;

  /* Without their fields: only a changed record's image is kept, and that is the
   * live one; a whole table of a district's ledger would not fit in memory with them. */
  if (!(stmt = xa_store_prepare (self,
                                 "SELECT a.record_uuid, a.seq, a.label, '', a.image_hash"
                                 " FROM audit_image a WHERE a.record_table = ?1 AND a.seq ="
                                 " (SELECT max (b.seq) FROM audit_image b"
                                 "  WHERE b.record_table = ?1 AND b.record_uuid = a.record_uuid)",
                                 error)))
    return FALSE;

  xa_statement_bind_text (stmt, 1, table);
  return read_latest_images (stmt, table, latest, error) &&
         diff_images (self, table, "", NULL, latest, images, error);
}

/* On a server, the records @uuids of @table in two queries whatever their number, where
 * the file asks two for each: a write of 1,000 records waited for 2,000 answers. The
 * last images come through the chain's function, as for one record. */
static gboolean
collect_records_on_server (XaStore     *self,
                           const char  *table,
                           GHashTable  *uuids,
                           GPtrArray   *images,
                           GError     **error)
{
  g_autoptr(GHashTable) latest = new_latest_table ();
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *array = NULL;
  GHashTableIter iter;
  gpointer uuid;

  g_hash_table_iter_init (&iter, uuids);
  while (g_hash_table_iter_next (&iter, &uuid, NULL))
    g_ptr_array_add (list, uuid);
  array = xa_pg_text_array (list);

  if (!(stmt = xa_store_prepare (self,
                                 "SELECT u.uuid, l.seq, l.label, l.fields, l.image_hash"
                                 " FROM unnest (?1::text[]) AS u (uuid)"
                                 " CROSS JOIN LATERAL xa_audit_latest_image (?2, u.uuid) AS l",
                                 error)))
    return FALSE;

  xa_statement_bind_text (stmt, 1, array);
  xa_statement_bind_text (stmt, 2, table);
  {
    const char *values[] = { array, NULL };

    return read_latest_images (stmt, table, latest, error) &&
           diff_images (self, table, " WHERE uuid = ANY (?::text[])", values, latest, images, error);
  }
}

/* How many records a statement of collect_records_in_chunks() asks for: well below
 * SQLite's limit of parameters. */
#define CHUNK_RECORDS 400

/* On a file, the records @uuids of @table by chunks, two statements a chunk: a write of
 * many records (an import, the demo ledger) prepared two statements for each. */
static gboolean
collect_records_in_chunks (XaStore     *self,
                           const char  *table,
                           GHashTable  *uuids,
                           GPtrArray   *images,
                           GError     **error)
{
  g_autofree gpointer *keys = NULL;
  guint n_keys = 0;

  keys = g_hash_table_get_keys_as_array (uuids, &n_keys);
  for (guint start = 0; start < n_keys; start += CHUNK_RECORDS)
    {
      guint n = MIN (CHUNK_RECORDS, n_keys - start);
      g_autoptr(GHashTable) latest = new_latest_table ();
      g_autoptr(XaStatement) stmt = NULL;
      g_autofree char *placeholders = xa_sql_placeholders (n);
      g_autofree char *latest_sql = NULL;
      g_autofree char *where = NULL;
      g_autofree const char **values = g_new0 (const char *, n + 1);

      for (guint i = 0; i < n; i++)
        values[i] = keys[start + i];

      latest_sql = g_strdup_printf ("SELECT a.record_uuid, a.seq, a.label, a.fields, a.image_hash"
                                    " FROM audit_image a WHERE a.record_table = ?1 AND a.record_uuid IN (%s)"
                                    " AND a.seq = (SELECT max (b.seq) FROM audit_image b"
                                    "  WHERE b.record_table = ?1 AND b.record_uuid = a.record_uuid)",
                                    placeholders);
      if (!(stmt = xa_store_prepare (self, latest_sql, error)))
        return FALSE;
      xa_statement_bind_text (stmt, 1, table);
      for (guint i = 0; i < n; i++)
        xa_statement_bind_text (stmt, i + 2, values[i]);

      where = g_strdup_printf (" WHERE uuid IN (%s)", placeholders);
      if (!read_latest_images (stmt, table, latest, error) ||
          !diff_images (self, table, where, values, latest, images, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * _xa_store_collect_images:
 * @changes: kind → set of UUIDs, as xa_store_note_change() gathers them
 *
 * Takes the image of every audited record the write under way changed, and keeps those
 * that differ from the chain's last image of them (a tombstone for a record now gone).
 *
 * Returns: (transfer full) (element-type XaAuditImage): the images, sorted by table and
 *   UUID, or %NULL with @error set
 */
GPtrArray *
_xa_store_collect_images (XaStore     *self,
                          GHashTable  *changes,
                          GError     **error)
{
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func ((GDestroyNotify) _xa_audit_image_free);

  for (guint t = 0; t < G_N_ELEMENTS (audited_tables); t++)
    {
      const char *table = audited_tables[t].table;
      GHashTable *uuids = g_hash_table_lookup (changes, table);
      g_autoptr(GHashTable) rest = NULL;
      GHashTableIter iter;
      gpointer uuid;

      if (uuids == NULL)
        continue;

      /* The new records whose images the write gave (xa_store_note_new_record()). */
      if (!_xa_store_take_fresh_images (self, table, uuids, &rest, images, error))
        return NULL;
      if (rest != NULL)
        uuids = rest;
      if (g_hash_table_size (uuids) == 0)
        continue;

      if (g_hash_table_contains (uuids, ""))
        {
          if (!collect_table (self, table, images, error))
            return NULL;
          continue;
        }

      if (xa_store_get_is_server (self))
        {
          if (!collect_records_on_server (self, table, uuids, images, error))
            return NULL;
          continue;
        }

      if (g_hash_table_size (uuids) > 1)
        {
          if (!collect_records_in_chunks (self, table, uuids, images, error))
            return NULL;
          continue;
        }

      g_hash_table_iter_init (&iter, uuids);
      while (g_hash_table_iter_next (&iter, &uuid, NULL))
        {
          if (!collect_record (self, table, uuid, images, error))
            return NULL;
        }
    }

  g_ptr_array_sort (images, _xa_audit_image_compare);
  return g_steal_pointer (&images);
}

/**
 * _xa_audit_images_digest:
 * @images: (element-type XaAuditImage): an entry's images, sorted by table and UUID
 *
 * What an entry's hash covers of its images: the SHA-256 of each one's table, UUID, key
 * and hash, each length-prefixed; "" when there are none.
 *
 * Returns: (transfer full): the digest in hex, or ""
 */
char *
_xa_audit_images_digest (GPtrArray *images)
{
  g_autoptr(GString) message = NULL;

  if (images == NULL || images->len == 0)
    return g_strdup ("");

  message = g_string_new (NULL);
  for (guint i = 0; i < images->len; i++)
    {
      XaAuditImage *image = g_ptr_array_index (images, i);

      _xa_audit_message_append (message, image->table);
      _xa_audit_message_append (message, image->uuid);
      _xa_audit_message_append (message, image->label);
      _xa_audit_message_append (message, image->hash);
    }

  {
    char hex[65];

    /* GnuTLS's SHA-256, with the processor's instructions: an entry of the demo ledger
     * covers 20,000 images. */
    _xa_audit_digest_hex (message->str, message->len, hex, 64);
    return g_strdup (hex);
  }
}

static GHashTable *
parse_fields (const char *fields)
{
  GHashTable *digests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = g_strsplit (fields, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *colon = strrchr (lines[i], ':');

      if (colon != NULL)
        g_hash_table_insert (digests, g_strndup (lines[i], colon - lines[i]), g_strdup (colon + 1));
    }

  return digests;
}

/**
 * _xa_audit_fields_diff:
 * @recorded: the fields of the chain's image
 * @live: the fields of the row as it is
 *
 * Names the columns whose value differs. A column the image lacks came with a later
 * schema and is not compared: the migration that added it changed no value.
 *
 * Returns: (transfer full): the columns, by name; empty when none differs
 */
GStrv
_xa_audit_fields_diff (const char *recorded,
                       const char *live)
{
  g_autoptr(GHashTable) live_digests = parse_fields (live);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = g_strsplit (recorded, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *colon = strrchr (lines[i], ':');
      g_autofree char *column = NULL;

      if (colon == NULL)
        continue;

      column = g_strndup (lines[i], colon - lines[i]);
      if (g_strcmp0 (g_hash_table_lookup (live_digests, column), colon + 1) != 0)
        g_strv_builder_add (builder, column);
    }

  return g_strv_builder_end (builder);
}
