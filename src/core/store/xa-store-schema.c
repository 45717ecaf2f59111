/* xa-store-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schema, as a list of forward-only migrations. Step N takes a database at
 * user_version N-1 to N inside one transaction; a step, once released, never changes.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-store-private.h"
#include "xa-store-schema-pg-private.h"

/* 1: the audit chain. The triggers make the table append-only for every connection
 * that uses this file, ours included. */
static const char schema_1[] =
  "CREATE TABLE meta ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE audit ("
  "  seq          INTEGER PRIMARY KEY,"
  "  at           TEXT NOT NULL,"
  "  operator     TEXT NOT NULL,"
  "  action       TEXT NOT NULL,"
  "  record_table TEXT NOT NULL,"
  "  record_uuid  TEXT NOT NULL,"
  "  detail       TEXT NOT NULL,"
  "  prev_hash    TEXT NOT NULL,"
  "  hash         TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX audit_record ON audit (record_uuid);"
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;";

/* 2: organisations, people, their dated roles and school years. */
static const char schema_2[] =
  "CREATE TABLE organisation ("
  "  id          INTEGER PRIMARY KEY,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  kind        TEXT NOT NULL CHECK (kind IN ('commission', 'school')),"
  "  code        TEXT UNIQUE CHECK (code IS NULL OR (length (code) = 10 AND code NOT GLOB '*[^0-9]*')),"
  "  name        TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 100),"
  "  school_type TEXT NOT NULL DEFAULT '',"
  "  stages      TEXT NOT NULL DEFAULT '',"
  "  address     TEXT NOT NULL DEFAULT '',"
  "  phone       TEXT NOT NULL DEFAULT '',"
  "  created_at  TEXT NOT NULL,"
  "  updated_at  TEXT NOT NULL,"
  "  deleted_at  TEXT"
  ") STRICT;"
  "CREATE UNIQUE INDEX organisation_one_commission ON organisation (kind) WHERE kind = 'commission';"
  "CREATE INDEX organisation_name ON organisation (name);"
  "CREATE TABLE person ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
  "  name            TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 50),"
  "  title           TEXT NOT NULL DEFAULT '',"
  "  phone           TEXT NOT NULL DEFAULT '',"
  "  affiliation     TEXT NOT NULL DEFAULT '',"
  "  created_at      TEXT NOT NULL,"
  "  updated_at      TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX person_organisation ON person (organisation_id);"
  "CREATE TABLE role_term ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
  "  person_id       INTEGER NOT NULL REFERENCES person (id),"
  "  role            TEXT NOT NULL CHECK (role IN ('first-responsible', 'direct-responsible',"
  "                    'legal-vice-principal', 'legal-counsellor', 'safety-officer')),"
  "  since           TEXT NOT NULL CHECK (date (since) IS since),"
  "  until           TEXT CHECK (until IS NULL OR (date (until) IS until AND until >= since)),"
  "  note            TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE INDEX role_term_organisation ON role_term (organisation_id, role, since);"
  /* A school has one 第一责任人 and one 直接责任人 at a time; a change is a succession
   * that closes the old term, never a second open one. */
  "CREATE UNIQUE INDEX role_term_one_holder ON role_term (organisation_id, role)"
  "  WHERE until IS NULL AND role IN ('first-responsible', 'direct-responsible');"
  "CREATE TABLE school_year ("
  "  id         INTEGER PRIMARY KEY,"
  "  uuid       TEXT NOT NULL UNIQUE,"
  "  start_year INTEGER NOT NULL UNIQUE CHECK (start_year BETWEEN 1990 AND 2200),"
  "  created_at TEXT NOT NULL"
  ") STRICT;";

/* 3: agreement templates, one row per version of a school year's template. The body is
 * the template's JSON form (xa-template-json.c), checked by its parser: SQLite 3.40 does
 * not count json_valid() as innocuous, so with trusted_schema=OFF a CHECK using it fails
 * every write. A frozen version (a signed agreement uses it) is never updated again;
 * saving it makes the next version. */
static const char schema_3[] =
  "CREATE TABLE template ("
  "  id          INTEGER PRIMARY KEY,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  school_year INTEGER NOT NULL CHECK (school_year BETWEEN 1990 AND 2200),"
  "  version     INTEGER NOT NULL CHECK (version >= 1),"
  "  name        TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 200),"
  "  body        TEXT NOT NULL CHECK (length (body) > 0),"
  "  created_at  TEXT NOT NULL,"
  "  updated_at  TEXT NOT NULL,"
  "  frozen_at   TEXT,"
  "  UNIQUE (school_year, version)"
  ") STRICT;"
  "CREATE TRIGGER template_frozen_no_update BEFORE UPDATE ON template"
  "  WHEN OLD.frozen_at IS NOT NULL"
  "  BEGIN SELECT RAISE (ABORT, 'a frozen template never changes'); END;"
  "CREATE TRIGGER template_frozen_no_delete BEFORE DELETE ON template"
  "  WHEN OLD.frozen_at IS NOT NULL"
  "  BEGIN SELECT RAISE (ABORT, 'a frozen template never changes'); END;";

/* 4: agreements, one row per revision of a school's agreement for a school year. The
 * current revision is the one nobody superseded; a revision links to its successor by
 * uuid, set in the same transaction that inserts it (hence the deferred key). The
 * triggers hold the rules for every connection, not only for ours: only a draft changes;
 * a pending agreement may only move on or go back to draft; a signed or archived one
 * takes nothing but the archive step and the link to the revision that supersedes it,
 * and is never deleted. Signing needs the template version frozen. */
static const char schema_4[] =
  "CREATE TABLE agreement ("
  "  id                 INTEGER PRIMARY KEY,"
  "  uuid               TEXT NOT NULL UNIQUE,"
  "  organisation_id    INTEGER NOT NULL REFERENCES organisation (id),"
  "  school_year        INTEGER NOT NULL CHECK (school_year BETWEEN 1990 AND 2200),"
  "  revision           INTEGER NOT NULL CHECK (revision >= 1),"
  "  template_id        INTEGER NOT NULL REFERENCES template (id),"
  "  state              TEXT NOT NULL CHECK (state IN ('draft', 'pending', 'signed', 'archived')),"
  "  school_name        TEXT NOT NULL CHECK (length (school_name) BETWEEN 1 AND 100),"
  "  commission_name    TEXT NOT NULL DEFAULT '',"
  "  first_responsible  TEXT NOT NULL DEFAULT '' CHECK (length (first_responsible) <= 50),"
  "  direct_responsible TEXT NOT NULL DEFAULT '' CHECK (length (direct_responsible) <= 50),"
  "  created_at         TEXT NOT NULL,"
  "  created_by         TEXT NOT NULL,"
  "  updated_at         TEXT NOT NULL,"
  "  pending_at         TEXT,"
  "  pending_by         TEXT,"
  "  signed_at          TEXT,"
  "  signed_by          TEXT,"
  "  archived_at        TEXT,"
  "  archived_by        TEXT,"
  "  supersedes         TEXT REFERENCES agreement (uuid),"
  "  superseded_by      TEXT REFERENCES agreement (uuid) DEFERRABLE INITIALLY DEFERRED,"
  "  UNIQUE (organisation_id, school_year, revision),"
  "  CHECK ((state IN ('signed', 'archived')) = (signed_at IS NOT NULL)),"
  "  CHECK ((state = 'archived') = (archived_at IS NOT NULL))"
  ") STRICT;"
  "CREATE UNIQUE INDEX agreement_one_current ON agreement (organisation_id, school_year)"
  "  WHERE superseded_by IS NULL;"
  "CREATE INDEX agreement_year ON agreement (school_year, state);"
  "CREATE TRIGGER agreement_state_steps BEFORE UPDATE OF state ON agreement"
  "  WHEN NEW.state IS NOT OLD.state AND (OLD.state, NEW.state) NOT IN"
  "    (VALUES ('draft', 'pending'), ('pending', 'draft'), ('pending', 'signed'), ('signed', 'archived'))"
  "  BEGIN SELECT RAISE (ABORT, 'not a step an agreement can take'); END;"
  "CREATE TRIGGER agreement_sign_frozen BEFORE UPDATE OF state ON agreement"
  "  WHEN NEW.state = 'signed'"
  "   AND (SELECT frozen_at FROM template WHERE id = NEW.template_id) IS NULL"
  "  BEGIN SELECT RAISE (ABORT, 'sign only with a frozen template version'); END;"
  "CREATE TRIGGER agreement_only_draft_edited BEFORE UPDATE ON agreement"
  "  WHEN OLD.state <> 'draft' AND ("
  "        NEW.uuid IS NOT OLD.uuid OR NEW.organisation_id IS NOT OLD.organisation_id"
  "     OR NEW.school_year IS NOT OLD.school_year OR NEW.revision IS NOT OLD.revision"
  "     OR NEW.template_id IS NOT OLD.template_id OR NEW.school_name IS NOT OLD.school_name"
  "     OR NEW.commission_name IS NOT OLD.commission_name"
  "     OR NEW.first_responsible IS NOT OLD.first_responsible"
  "     OR NEW.direct_responsible IS NOT OLD.direct_responsible"
  "     OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by"
  "     OR NEW.updated_at IS NOT OLD.updated_at OR NEW.supersedes IS NOT OLD.supersedes)"
  "  BEGIN SELECT RAISE (ABORT, 'only a draft agreement can be edited'); END;"
  "CREATE TRIGGER agreement_signed_no_update BEFORE UPDATE ON agreement"
  "  WHEN OLD.state IN ('signed', 'archived') AND ("
  "        NEW.pending_at IS NOT OLD.pending_at OR NEW.pending_by IS NOT OLD.pending_by"
  "     OR NEW.signed_at IS NOT OLD.signed_at OR NEW.signed_by IS NOT OLD.signed_by"
  "     OR (OLD.state = 'archived' AND (NEW.state IS NOT OLD.state"
  "         OR NEW.archived_at IS NOT OLD.archived_at OR NEW.archived_by IS NOT OLD.archived_by))"
  "     OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by))"
  "  BEGIN SELECT RAISE (ABORT, 'a signed agreement never changes'); END;"
  "CREATE TRIGGER agreement_signed_no_delete BEFORE DELETE ON agreement"
  "  WHEN OLD.state <> 'draft'"
  "  BEGIN SELECT RAISE (ABORT, 'only a draft agreement can be deleted'); END;";

/* 5: the date an agreement is signed on, printed in its signature block instead of the
 * blank 年　月　日 when the commission fixes it beforehand. A draft field like the names,
 * so the trigger that guards them is made again with it. */
static const char schema_5[] =
  "ALTER TABLE agreement ADD COLUMN sign_date TEXT"
  "  CHECK (sign_date IS NULL OR date (sign_date) IS sign_date);"
  "DROP TRIGGER agreement_only_draft_edited;"
  "CREATE TRIGGER agreement_only_draft_edited BEFORE UPDATE ON agreement"
  "  WHEN OLD.state <> 'draft' AND ("
  "        NEW.uuid IS NOT OLD.uuid OR NEW.organisation_id IS NOT OLD.organisation_id"
  "     OR NEW.school_year IS NOT OLD.school_year OR NEW.revision IS NOT OLD.revision"
  "     OR NEW.template_id IS NOT OLD.template_id OR NEW.school_name IS NOT OLD.school_name"
  "     OR NEW.commission_name IS NOT OLD.commission_name"
  "     OR NEW.first_responsible IS NOT OLD.first_responsible"
  "     OR NEW.direct_responsible IS NOT OLD.direct_responsible"
  "     OR NEW.sign_date IS NOT OLD.sign_date"
  "     OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by"
  "     OR NEW.updated_at IS NOT OLD.updated_at OR NEW.supersedes IS NOT OLD.supersedes)"
  "  BEGIN SELECT RAISE (ABORT, 'only a draft agreement can be edited'); END;";

/* 6: the search side table (xa-store-search.c), filled for the organisations that exist;
 * each record's grams are replaced in the transaction that writes the record. */
static const char schema_6[] =
  "CREATE TABLE search_gram ("
  "  kind TEXT NOT NULL,"
  "  uuid TEXT NOT NULL,"
  "  gram TEXT NOT NULL,"
  "  PRIMARY KEY (kind, gram, uuid)"
  ") STRICT;"
  "CREATE INDEX search_gram_record ON search_gram (kind, uuid);";

static gboolean
fill_6 (sqlite3  *db,
        GError  **error)
{
  return _xa_store_search_fill (db, "organisation",
                                "SELECT uuid, name, code, address FROM organisation", error);
}

/* 7: the signed chain with the images of what it wrote (xa-store-audit.c). An entry
 * names the key that signed it ('' for the plain SHA-256 of earlier entries); the last
 * entry of a transaction covers the images of the records the transaction changed, kept
 * append-only like the entries. A chain that has entries is marked for the baseline: the
 * first open after this step takes the image of every record in one signed entry. */
static const char schema_7[] =
  "ALTER TABLE audit ADD COLUMN key_id TEXT NOT NULL DEFAULT '';"
  "CREATE TABLE audit_image ("
  "  seq          INTEGER NOT NULL REFERENCES audit (seq),"
  "  record_table TEXT NOT NULL,"
  "  record_uuid  TEXT NOT NULL,"
  "  label        TEXT NOT NULL,"
  "  fields       TEXT NOT NULL,"
  "  image_hash   TEXT NOT NULL,"
  "  PRIMARY KEY (record_table, record_uuid, seq)"
  ") STRICT;"
  "CREATE INDEX audit_image_seq ON audit_image (seq);"
  "CREATE TRIGGER audit_image_no_update BEFORE UPDATE ON audit_image"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER audit_image_no_delete BEFORE DELETE ON audit_image"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "INSERT INTO meta (key, value) SELECT 'audit-baseline', 'pending'"
  "  WHERE EXISTS (SELECT 1 FROM audit);";

/* 8: a school's supplementary clauses (补充条款) to its agreement, in their order. They
 * are the agreement's own rows: they change, come and go only while it is a draft, as
 * its fields do (step 4), whichever connection tries. */
static const char schema_8[] =
  "CREATE TABLE agreement_supplement ("
  "  id           INTEGER PRIMARY KEY,"
  "  uuid         TEXT NOT NULL UNIQUE,"
  "  agreement_id INTEGER NOT NULL REFERENCES agreement (id),"
  "  position     INTEGER NOT NULL CHECK (position >= 1),"
  "  body         TEXT NOT NULL CHECK (length (trim (body)) > 0),"
  "  created_at   TEXT NOT NULL,"
  "  created_by   TEXT NOT NULL,"
  "  updated_at   TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX agreement_supplement_agreement ON agreement_supplement (agreement_id, position);"
  "CREATE TRIGGER agreement_supplement_draft_insert BEFORE INSERT ON agreement_supplement"
  "  WHEN (SELECT state FROM agreement WHERE id = NEW.agreement_id) IS NOT 'draft'"
  "  BEGIN SELECT RAISE (ABORT, 'only a draft agreement can be edited'); END;"
  "CREATE TRIGGER agreement_supplement_draft_update BEFORE UPDATE ON agreement_supplement"
  "  WHEN (SELECT state FROM agreement WHERE id = OLD.agreement_id) IS NOT 'draft'"
  "    OR (SELECT state FROM agreement WHERE id = NEW.agreement_id) IS NOT 'draft'"
  "  BEGIN SELECT RAISE (ABORT, 'only a draft agreement can be edited'); END;"
  "CREATE TRIGGER agreement_supplement_draft_delete BEFORE DELETE ON agreement_supplement"
  "  WHEN (SELECT state FROM agreement WHERE id = OLD.agreement_id) IS NOT 'draft'"
  "  BEGIN SELECT RAISE (ABORT, 'only a draft agreement can be edited'); END;";

/* 9: a person's note (备注), and their removal. A person is removed, not deleted: the
 * terms they held stay in the role history under their name, and the row the audit
 * chain imaged stays to compare against. A removed person is in no list of people and
 * takes no new term. */
static const char schema_9[] =
  "ALTER TABLE person ADD COLUMN note TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE person ADD COLUMN removed_at TEXT;";

/* 10: the hazard ledger (reference/domain.md §3.2, issue 11). One row per hazard with
 * every column of XaHazard under its key (xa_hazard_field_to_key()), the school as its
 * organisation, the number's sequence per school and school year, and a row version
 * that each save moves on, so that a save over a stale copy is refused. The steps of
 * its rectification are rows of hazard_step, added and never changed or removed; the
 * audit image of a hazard covers them (xa-store-audit-image.c). A closed hazard never
 * changes. The grams of its place and description (xa-grams.c) are kept in
 * hazard_gram, keyed by the hazard's integer ID and carrying its school, so that a
 * search reads one short range of one index and a school's search, on a server, only
 * its own rows. The indexes serve the ledger's filters and sorts at a million rows:
 * a year, and a school's years, in number order with the status beside it (a number
 * begins with its year, so the order of year and number is the number's), the open
 * hazards by deadline (overdue), the responsible person, and the dates. */
static const char schema_10[] =
  "CREATE TABLE hazard ("
  "  id                  INTEGER PRIMARY KEY,"
  "  uuid                TEXT NOT NULL UNIQUE,"
  "  number              TEXT NOT NULL UNIQUE,"
  "  organisation_id     INTEGER NOT NULL REFERENCES organisation (id),"
  "  school_year         INTEGER NOT NULL CHECK (school_year BETWEEN 1990 AND 2200),"
  "  sequence            INTEGER NOT NULL CHECK (sequence >= 1),"
  "  inspection_type     TEXT NOT NULL,"
  "  found_on            TEXT NOT NULL CHECK (date (found_on) IS found_on),"
  "  found_by            TEXT NOT NULL,"
  "  place               TEXT NOT NULL,"
  "  category            TEXT NOT NULL,"
  "  description         TEXT NOT NULL,"
  "  grade               TEXT NOT NULL,"
  "  temporary_measures  TEXT,"
  "  measures            TEXT NOT NULL,"
  "  department          TEXT NOT NULL,"
  "  responsible         TEXT NOT NULL,"
  "  deadline            TEXT NOT NULL CHECK (date (deadline) IS deadline),"
  "  funds               TEXT,"
  "  funds_source        TEXT,"
  "  reported            INTEGER NOT NULL CHECK (reported IN (0, 1)),"
  "  reported_on         TEXT CHECK (reported_on IS NULL OR date (reported_on) IS reported_on),"
  "  supervised          INTEGER NOT NULL CHECK (supervised IN (0, 1)),"
  "  supervisor          TEXT,"
  "  completed_on        TEXT CHECK (completed_on IS NULL OR date (completed_on) IS completed_on),"
  "  completion_notes    TEXT,"
  "  reinspector         TEXT,"
  "  reinspected_on      TEXT CHECK (reinspected_on IS NULL OR date (reinspected_on) IS reinspected_on),"
  "  reinspection_result TEXT NOT NULL CHECK (reinspection_result IN ('none', 'passed', 'failed')),"
  "  closed_on           TEXT CHECK (closed_on IS NULL OR date (closed_on) IS closed_on),"
  "  closed_by           TEXT,"
  "  remarks             TEXT,"
  "  state               TEXT NOT NULL CHECK (state IN ('pending', 'rectifying', 'reinspecting', 'closed')),"
  "  version             INTEGER NOT NULL CHECK (version >= 1),"
  "  created_at          TEXT NOT NULL,"
  "  created_by          TEXT NOT NULL,"
  "  updated_at          TEXT NOT NULL,"
  "  updated_by          TEXT NOT NULL,"
  "  UNIQUE (organisation_id, school_year, sequence),"
  "  CHECK ((state = 'closed') = (closed_on IS NOT NULL))"
  ") STRICT;"
  "CREATE INDEX hazard_year_number ON hazard (school_year, number, state);"
  "CREATE INDEX hazard_school_number ON hazard (organisation_id, school_year, number, state);"
  "CREATE INDEX hazard_state_deadline ON hazard (state, deadline);"
  "CREATE INDEX hazard_responsible ON hazard (responsible, number);"
  "CREATE INDEX hazard_deadline ON hazard (deadline, number);"
  "CREATE INDEX hazard_found_on ON hazard (found_on, number);"
  "CREATE TRIGGER hazard_closed_no_update BEFORE UPDATE ON hazard"
  "  WHEN OLD.state = 'closed'"
  "  BEGIN SELECT RAISE (ABORT, 'a closed hazard never changes'); END;"
  "CREATE TABLE hazard_step ("
  "  id         INTEGER PRIMARY KEY,"
  "  hazard_id  INTEGER NOT NULL REFERENCES hazard (id),"
  "  position   INTEGER NOT NULL CHECK (position >= 1),"
  "  step       TEXT NOT NULL CHECK (step IN ('start', 'complete', 'pass', 'fail', 'close')),"
  "  from_state TEXT NOT NULL,"
  "  to_state   TEXT NOT NULL,"
  "  who        TEXT NOT NULL,"
  "  at         TEXT NOT NULL,"
  "  date       TEXT CHECK (date IS NULL OR date (date) IS date),"
  "  note       TEXT,"
  "  UNIQUE (hazard_id, position)"
  ") STRICT;"
  "CREATE TRIGGER hazard_step_no_update BEFORE UPDATE ON hazard_step"
  "  BEGIN SELECT RAISE (ABORT, 'a hazard''s history never changes'); END;"
  "CREATE TRIGGER hazard_step_no_delete BEFORE DELETE ON hazard_step"
  "  BEGIN SELECT RAISE (ABORT, 'a hazard''s history never changes'); END;"
  "CREATE TABLE hazard_gram ("
  "  gram            TEXT NOT NULL,"
  "  hazard_id       INTEGER NOT NULL,"
  "  organisation_id INTEGER NOT NULL,"
  "  PRIMARY KEY (gram, hazard_id)"
  ") WITHOUT ROWID, STRICT;";

/* 11: stored files and the photos of hazards (xa-blob-store.c, xa-hazard-photos.c). The
 * blob table lists every stored file by its SHA-256, with its bytes when the store has
 * no folder for them (in memory); a stored file never changes. A photo links a hazard to
 * a stored file, before or after its rectification, with what the file said when it
 * came (its name, its size in pixels, when it was taken by its EXIF data); photos are
 * added and removed, never edited, and not at all once their hazard is closed. */
static const char schema_11[] =
  "CREATE TABLE blob ("
  "  sha256     TEXT PRIMARY KEY CHECK (length (sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),"
  "  size       INTEGER NOT NULL CHECK (size >= 0),"
  "  created_at TEXT NOT NULL,"
  "  content    BLOB"
  ") STRICT;"
  "CREATE TRIGGER blob_no_update BEFORE UPDATE ON blob"
  "  BEGIN SELECT RAISE (ABORT, 'a stored file never changes'); END;"
  "CREATE TABLE hazard_photo ("
  "  id          INTEGER PRIMARY KEY,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  hazard_uuid TEXT NOT NULL REFERENCES hazard (uuid),"
  "  kind        TEXT NOT NULL CHECK (kind IN ('before', 'after')),"
  "  blob_sha256 TEXT NOT NULL REFERENCES blob (sha256),"
  "  file_name   TEXT NOT NULL CHECK (length (file_name) BETWEEN 1 AND 255),"
  "  media_type  TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),"
  "  width       INTEGER NOT NULL CHECK (width > 0),"
  "  height      INTEGER NOT NULL CHECK (height > 0),"
  "  taken_at    TEXT CHECK (taken_at IS NULL OR strftime ('%Y-%m-%dT%H:%M:%S', taken_at) IS taken_at),"
  "  added_at    TEXT NOT NULL,"
  "  added_by    TEXT NOT NULL,"
  "  UNIQUE (hazard_uuid, kind, blob_sha256)"
  ") STRICT;"
  "CREATE INDEX hazard_photo_hazard ON hazard_photo (hazard_uuid, kind, id);"
  "CREATE INDEX hazard_photo_blob ON hazard_photo (blob_sha256);"
  "CREATE TRIGGER hazard_photo_no_update BEFORE UPDATE ON hazard_photo"
  "  BEGIN SELECT RAISE (ABORT, 'a hazard photo is never edited'); END;"
  "CREATE TRIGGER hazard_photo_closed_insert BEFORE INSERT ON hazard_photo"
  "  WHEN (SELECT state FROM hazard WHERE uuid = NEW.hazard_uuid) IS 'closed'"
  "  BEGIN SELECT RAISE (ABORT, 'a closed hazard never changes'); END;"
  "CREATE TRIGGER hazard_photo_closed_delete BEFORE DELETE ON hazard_photo"
  "  WHEN (SELECT state FROM hazard WHERE uuid = OLD.hazard_uuid) IS 'closed'"
  "  BEGIN SELECT RAISE (ABORT, 'a closed hazard never changes'); END;";

/* 12: inspections and special campaigns (issue 11, reference/domain.md §3.3 and §3.4).
 * An inspection is numbered per school and school year as a hazard is, and keeps a row
 * version that each save moves on; its items are its own rows, in their order, imaged
 * with it (xa-store-audit-image.c). An abnormal item turned into a hazard links to it,
 * one hazard per item; from then on the item keeps its finding (area, text, result),
 * whichever connection tries, so that the ledger's entry and the record agree. The
 * checklists the commission changed, and its school calendar of each year, are kept as
 * their JSON (xa-checklist.c, xa-school-calendar.c); those not stored are the shipped
 * defaults. A campaign is launched for a year; a school's record of it holds its plan,
 * activities and summary, and which of the three it has (XaCampaignParts), which the
 * completion grid of a district reads without reading the texts. */
static const char schema_12[] =
  "CREATE TABLE inspection ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  number          TEXT NOT NULL UNIQUE,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
  "  school_year     INTEGER NOT NULL CHECK (school_year BETWEEN 1990 AND 2200),"
  "  sequence        INTEGER NOT NULL CHECK (sequence >= 1),"
  "  inspection_type TEXT NOT NULL,"
  "  inspected_on    TEXT NOT NULL CHECK (date (inspected_on) IS inspected_on),"
  "  leader          TEXT NOT NULL,"
  "  inspectors      TEXT NOT NULL,"
  "  remarks         TEXT NOT NULL,"
  "  version         INTEGER NOT NULL CHECK (version >= 1),"
  "  created_at      TEXT NOT NULL,"
  "  created_by      TEXT NOT NULL,"
  "  updated_at      TEXT NOT NULL,"
  "  updated_by      TEXT NOT NULL,"
  "  UNIQUE (organisation_id, school_year, sequence)"
  ") STRICT;"
  "CREATE INDEX inspection_year_date ON inspection (school_year, inspected_on);"
  "CREATE TABLE inspection_item ("
  "  id            INTEGER PRIMARY KEY,"
  "  inspection_id INTEGER NOT NULL REFERENCES inspection (id),"
  "  position      INTEGER NOT NULL CHECK (position >= 1),"
  "  area          TEXT NOT NULL,"
  "  area_name     TEXT NOT NULL,"
  "  content       TEXT NOT NULL CHECK (length (content) >= 1),"
  "  category      TEXT NOT NULL,"
  "  place         TEXT NOT NULL,"
  "  result        TEXT NOT NULL CHECK (result IN ('normal', 'abnormal')),"
  "  note          TEXT NOT NULL,"
  "  hazard_id     INTEGER UNIQUE REFERENCES hazard (id),"
  "  UNIQUE (inspection_id, position),"
  "  CHECK (hazard_id IS NULL OR result = 'abnormal')"
  ") STRICT;"
  "CREATE TRIGGER inspection_item_linked_no_update BEFORE UPDATE ON inspection_item"
  "  WHEN OLD.hazard_id IS NOT NULL AND (NEW.hazard_id IS NOT OLD.hazard_id"
  "    OR NEW.inspection_id IS NOT OLD.inspection_id OR NEW.position IS NOT OLD.position"
  "    OR NEW.area IS NOT OLD.area OR NEW.content IS NOT OLD.content OR NEW.result IS NOT OLD.result)"
  "  BEGIN SELECT RAISE (ABORT, 'an inspection item that became a hazard keeps its finding'); END;"
  "CREATE TRIGGER inspection_item_linked_no_delete BEFORE DELETE ON inspection_item"
  "  WHEN OLD.hazard_id IS NOT NULL"
  "  BEGIN SELECT RAISE (ABORT, 'an inspection item that became a hazard keeps its finding'); END;"
  "CREATE TABLE checklist ("
  "  id         INTEGER PRIMARY KEY,"
  "  uuid       TEXT NOT NULL UNIQUE,"
  "  area       TEXT NOT NULL UNIQUE,"
  "  position   INTEGER NOT NULL CHECK (position >= 1),"
  "  name       TEXT NOT NULL,"
  "  body       TEXT NOT NULL CHECK (length (body) > 0),"
  "  updated_at TEXT NOT NULL,"
  "  updated_by TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE school_calendar ("
  "  id          INTEGER PRIMARY KEY,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  school_year INTEGER NOT NULL UNIQUE CHECK (school_year BETWEEN 1990 AND 2200),"
  "  body        TEXT NOT NULL CHECK (length (body) > 0),"
  "  updated_at  TEXT NOT NULL,"
  "  updated_by  TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE campaign ("
  "  id          INTEGER PRIMARY KEY,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  school_year INTEGER NOT NULL CHECK (school_year BETWEEN 1990 AND 2200),"
  "  key         TEXT NOT NULL,"
  "  position    INTEGER NOT NULL CHECK (position >= 1),"
  "  name        TEXT NOT NULL CHECK (length (name) >= 1),"
  "  description TEXT NOT NULL,"
  "  launched_at TEXT NOT NULL,"
  "  launched_by TEXT NOT NULL,"
  "  UNIQUE (school_year, key)"
  ") STRICT;"
  "CREATE TABLE campaign_record ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  campaign_id     INTEGER NOT NULL REFERENCES campaign (id),"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
  "  plan            TEXT NOT NULL,"
  "  activities      TEXT NOT NULL,"
  "  summary         TEXT NOT NULL,"
  "  parts           INTEGER NOT NULL CHECK (parts BETWEEN 0 AND 7),"
  "  version         INTEGER NOT NULL CHECK (version >= 1),"
  "  created_at      TEXT NOT NULL,"
  "  created_by      TEXT NOT NULL,"
  "  updated_at      TEXT NOT NULL,"
  "  updated_by      TEXT NOT NULL,"
  "  UNIQUE (campaign_id, organisation_id)"
  ") STRICT;"
  "CREATE INDEX campaign_record_school ON campaign_record (organisation_id);";

/* 13: the files of a school's record of a special campaign (the scanned 方案, photos of
 * its activities, the signed 总结), each stored once (schema 11's blob table) and named
 * with the part of the record it documents. An attachment belongs to the campaign and
 * the school, not to a row of campaign_record: a school attaches its plan before it has
 * written a word of it, and the record's version, which an open editor saves over, does
 * not move when a file comes or goes. A file is attached or removed, never edited. */
static const char schema_13[] =
  "CREATE TABLE campaign_attachment ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  campaign_id     INTEGER NOT NULL REFERENCES campaign (id),"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
  "  part            TEXT NOT NULL CHECK (part IN ('plan', 'activities', 'summary')),"
  "  blob_sha256     TEXT NOT NULL REFERENCES blob (sha256),"
  "  file_name       TEXT NOT NULL CHECK (length (file_name) BETWEEN 1 AND 255),"
  "  media_type      TEXT NOT NULL CHECK (length (media_type) BETWEEN 1 AND 100),"
  "  size            INTEGER NOT NULL CHECK (size >= 0),"
  "  added_at        TEXT NOT NULL,"
  "  added_by        TEXT NOT NULL,"
  "  UNIQUE (campaign_id, organisation_id, part, blob_sha256)"
  ") STRICT;"
  "CREATE INDEX campaign_attachment_record ON campaign_attachment (campaign_id, organisation_id, part, id);"
  "CREATE INDEX campaign_attachment_blob ON campaign_attachment (blob_sha256);"
  "CREATE TRIGGER campaign_attachment_no_update BEFORE UPDATE ON campaign_attachment"
  "  BEGIN SELECT RAISE (ABORT, 'an attachment is never edited'); END;";

/* 14: the district's default deadlines of a hazard by grade (domain.md §3.2: 一般 within
 * days, 重大 within a month), which the commission sets and every form proposes; a grade
 * without a row has the shipped default (xa-hazard-workflow.h). */
static const char schema_14[] =
  "CREATE TABLE hazard_policy ("
  "  id            INTEGER PRIMARY KEY,"
  "  uuid          TEXT NOT NULL UNIQUE,"
  "  grade         TEXT NOT NULL UNIQUE CHECK (grade IN ('general', 'major')),"
  "  deadline_days INTEGER NOT NULL CHECK (deadline_days BETWEEN 0 AND 366),"
  "  updated_at    TEXT NOT NULL,"
  "  updated_by    TEXT NOT NULL"
  ") STRICT;";

/* 15: how many hazards each school has of each year, state, grade and category, kept by
 * triggers in the transaction that changes a hazard, so that the ledger's count of a
 * filter on those columns (opening the ledger, a school, a state) sums a few rows
 * instead of counting a million. Derived data: not audited, not copied (a copy's own
 * triggers make it), rebuilt here from the hazards there are. */
static const char schema_15[] =
  "CREATE TABLE hazard_count ("
  "  organisation_id INTEGER NOT NULL,"
  "  school_year     INTEGER NOT NULL,"
  "  state           TEXT NOT NULL,"
  "  grade           TEXT NOT NULL,"
  "  category        TEXT NOT NULL,"
  "  n               INTEGER NOT NULL,"
  "  PRIMARY KEY (organisation_id, school_year, state, grade, category)"
  ") WITHOUT ROWID, STRICT;"
  "INSERT INTO hazard_count (organisation_id, school_year, state, grade, category, n)"
  "  SELECT organisation_id, school_year, state, grade, category, count(*) FROM hazard"
  "  GROUP BY organisation_id, school_year, state, grade, category;"
  "CREATE TRIGGER hazard_count_insert AFTER INSERT ON hazard BEGIN"
  "  INSERT INTO hazard_count (organisation_id, school_year, state, grade, category, n)"
  "    VALUES (NEW.organisation_id, NEW.school_year, NEW.state, NEW.grade, NEW.category, 1)"
  "    ON CONFLICT (organisation_id, school_year, state, grade, category) DO UPDATE SET n = n + 1;"
  "END;"
  "CREATE TRIGGER hazard_count_update"
  "  AFTER UPDATE OF organisation_id, school_year, state, grade, category ON hazard BEGIN"
  "  UPDATE hazard_count SET n = n - 1 WHERE organisation_id = OLD.organisation_id"
  "    AND school_year = OLD.school_year AND state = OLD.state AND grade = OLD.grade"
  "    AND category = OLD.category;"
  "  DELETE FROM hazard_count WHERE organisation_id = OLD.organisation_id"
  "    AND school_year = OLD.school_year AND state = OLD.state AND grade = OLD.grade"
  "    AND category = OLD.category AND n = 0;"
  "  INSERT INTO hazard_count (organisation_id, school_year, state, grade, category, n)"
  "    VALUES (NEW.organisation_id, NEW.school_year, NEW.state, NEW.grade, NEW.category, 1)"
  "    ON CONFLICT (organisation_id, school_year, state, grade, category) DO UPDATE SET n = n + 1;"
  "END;"
  "CREATE TRIGGER hazard_count_delete AFTER DELETE ON hazard BEGIN"
  "  UPDATE hazard_count SET n = n - 1 WHERE organisation_id = OLD.organisation_id"
  "    AND school_year = OLD.school_year AND state = OLD.state AND grade = OLD.grade"
  "    AND category = OLD.category;"
  "  DELETE FROM hazard_count WHERE organisation_id = OLD.organisation_id"
  "    AND school_year = OLD.school_year AND state = OLD.state AND grade = OLD.grade"
  "    AND category = OLD.category AND n = 0;"
  "END;";

/* 16: the archive (issue 12): stored files a clerk keeps (scans of the signed paper
 * originals, signed PDFs, photos), each a blob (schema 11) with its original name, its
 * media type read from its first bytes, its kind, who imported it and when, how long it
 * is kept (保管期限) and notes. An item is linked to an agreement and which of its two
 * originals it is (区教委存 / 学校存), or to a school and a year, or not yet linked; a
 * linked item carries its agreement's school and year, so that search, the 签回 board
 * and a server's row level security read one pair of columns. The file is never
 * changed; the row's link, retention and notes may be. */
static const char schema_16[] =
  "CREATE TABLE archive_item ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  blob_sha256     TEXT NOT NULL REFERENCES blob (sha256),"
  "  file_name       TEXT NOT NULL CHECK (length (file_name) BETWEEN 1 AND 255),"
  "  size            INTEGER NOT NULL CHECK (size > 0),"
  "  media_type      TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/tiff')),"
  "  pages           INTEGER CHECK (pages IS NULL OR pages >= 1),"
  "  kind            TEXT NOT NULL CHECK (kind IN ('signed-original', 'scan', 'signed-pdf', 'other')),"
  "  agreement_id    INTEGER REFERENCES agreement (id),"
  "  copy            TEXT CHECK (copy IN ('commission', 'school')),"
  "  organisation_id INTEGER REFERENCES organisation (id),"
  "  school_year     INTEGER CHECK (school_year BETWEEN 1990 AND 2200),"
  "  retention       TEXT NOT NULL CHECK (retention IN ('permanent', '30y', '10y')),"
  "  notes           TEXT NOT NULL DEFAULT '' CHECK (length (notes) <= 2000),"
  "  imported_at     TEXT NOT NULL,"
  "  imported_by     TEXT NOT NULL,"
  "  CHECK ((agreement_id IS NULL) = (copy IS NULL)),"
  "  CHECK ((organisation_id IS NULL) = (school_year IS NULL)),"
  "  CHECK (agreement_id IS NULL OR organisation_id IS NOT NULL)"
  ") STRICT;"
  "CREATE INDEX archive_item_blob ON archive_item (blob_sha256);"
  "CREATE INDEX archive_item_school ON archive_item (organisation_id, school_year, copy);"
  "CREATE INDEX archive_item_agreement ON archive_item (agreement_id, copy);"
  "CREATE INDEX archive_item_imported ON archive_item (imported_at);"
  "CREATE TRIGGER archive_item_file_fixed BEFORE UPDATE OF uuid, blob_sha256, file_name, size, media_type,"
  "  pages, imported_at, imported_by ON archive_item"
  "  BEGIN SELECT RAISE (ABORT, 'an archived file never changes'); END;";

/* 17: seal and signature images (issue 12): the commission's seal, each school's seal
 * and the signatures of responsible people, each a transparent PNG stored once (schema
 * 11's blob table), with who authorised it and when (xa-seal-images.c). An image is
 * withdrawn, never deleted nor changed otherwise, and an owner has at most one image
 * in use: the one not withdrawn. organisation_id is the owner's organisation (the
 * person's, for a signature), on which a server keys its row level security. */
static const char schema_17[] =
  "CREATE TABLE seal_image ("
  "  id               INTEGER PRIMARY KEY,"
  "  uuid             TEXT NOT NULL UNIQUE,"
  "  owner_kind       TEXT NOT NULL CHECK (owner_kind IN ('commission', 'school', 'person')),"
  "  organisation_id  INTEGER NOT NULL REFERENCES organisation (id),"
  "  person_id        INTEGER REFERENCES person (id),"
  "  blob_sha256      TEXT NOT NULL REFERENCES blob (sha256),"
  "  source           TEXT NOT NULL CHECK (source IN ('imported', 'drawn')),"
  "  width            INTEGER NOT NULL CHECK (width > 0),"
  "  height           INTEGER NOT NULL CHECK (height > 0),"
  "  authorised_at    TEXT NOT NULL,"
  "  authorised_by    TEXT NOT NULL,"
  "  withdrawn_at     TEXT,"
  "  withdrawn_by     TEXT,"
  "  withdrawn_reason TEXT,"
  "  CHECK ((owner_kind = 'person') = (person_id IS NOT NULL)),"
  "  CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL)"
  "         AND (withdrawn_at IS NULL) = (withdrawn_reason IS NULL))"
  ") STRICT;"
  "CREATE UNIQUE INDEX seal_image_current ON seal_image (owner_kind, organisation_id, coalesce (person_id, 0))"
  "  WHERE withdrawn_at IS NULL;"
  "CREATE INDEX seal_image_blob ON seal_image (blob_sha256);"
  "CREATE TRIGGER seal_image_no_update BEFORE UPDATE ON seal_image"
  "  WHEN OLD.withdrawn_at IS NOT NULL OR NEW.withdrawn_at IS NULL"
  "    OR NEW.uuid IS NOT OLD.uuid OR NEW.owner_kind IS NOT OLD.owner_kind"
  "    OR NEW.organisation_id IS NOT OLD.organisation_id OR NEW.person_id IS NOT OLD.person_id"
  "    OR NEW.blob_sha256 IS NOT OLD.blob_sha256 OR NEW.source IS NOT OLD.source"
  "    OR NEW.width IS NOT OLD.width OR NEW.height IS NOT OLD.height"
  "    OR NEW.authorised_at IS NOT OLD.authorised_at OR NEW.authorised_by IS NOT OLD.authorised_by"
  "  BEGIN SELECT RAISE (ABORT, 'a seal image is only ever withdrawn'); END;"
  "CREATE TRIGGER seal_image_no_delete BEFORE DELETE ON seal_image"
  "  BEGIN SELECT RAISE (ABORT, 'a seal image is withdrawn, never deleted'); END;";

/* 18: safety education (issue 13). Rosters of a school's year: its
 * classes (kind 'class', a grade and a class name) and its staff list (kind 'staff'),
 * each with its people when the school keeps names (named = 1) or only a headcount; a
 * person may be excluded from coverage with a reason (休学, 长期病假). Education records
 * (安全教育记录, domain.md §3.5): when, for whom, how, on what (a 纲要 module or a
 * campaign key), by whom, hours, expected and present, the make-up session of an
 * earlier one (makes_up_id), the absentees by name where the roster has names, and the
 * archive items that are its evidence (by UUID). The district's settings (minimum
 * hours per 学段, sessions required of each person, the 法治副校长's lessons) and each
 * school's 四落实 plan and materials of a year. */
static const char schema_18[] =
  "CREATE TABLE roster_class ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
  "  school_year     INTEGER NOT NULL CHECK (school_year BETWEEN 1990 AND 2200),"
  "  kind            TEXT NOT NULL CHECK (kind IN ('class', 'staff')),"
  "  grade           TEXT NOT NULL CHECK (length (grade) <= 40),"
  "  class_name      TEXT NOT NULL CHECK (length (class_name) <= 40),"
  "  headcount       INTEGER NOT NULL CHECK (headcount BETWEEN 0 AND 100000),"
  "  named           INTEGER NOT NULL CHECK (named IN (0, 1)),"
  "  CHECK ((kind = 'staff') = (grade = '' AND class_name = '')),"
  "  UNIQUE (organisation_id, school_year, kind, grade, class_name)"
  ") STRICT;"
  "CREATE TABLE roster_person ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  class_id        INTEGER NOT NULL REFERENCES roster_class (id),"
  "  name            TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 60),"
  "  number          TEXT NOT NULL DEFAULT '' CHECK (length (number) <= 40),"
  "  excluded        TEXT NOT NULL DEFAULT '' CHECK (length (excluded) <= 200)"
  ") STRICT;"
  "CREATE INDEX roster_person_class ON roster_person (class_id);"
  "CREATE TABLE education_record ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
  "  school_year     INTEGER NOT NULL CHECK (school_year BETWEEN 1990 AND 2200),"
  "  held_on         TEXT NOT NULL CHECK (length (held_on) = 10),"
  "  semester        INTEGER NOT NULL CHECK (semester IN (1, 2)),"
  "  week            INTEGER NOT NULL CHECK (week BETWEEN 1 AND 30),"
  "  audience        TEXT NOT NULL CHECK (audience IN ('class', 'school', 'staff', 'parents')),"
  "  grade           TEXT NOT NULL DEFAULT '' CHECK (length (grade) <= 40),"
  "  class_name      TEXT NOT NULL DEFAULT '' CHECK (length (class_name) <= 40),"
  "  form            TEXT NOT NULL CHECK (form IN ('lesson', 'class-meeting', 'flag-speech', 'lecture', 'online',"
  "                                               'drill', 'parents-meeting')),"
  "  topic           TEXT NOT NULL CHECK (length (topic) BETWEEN 1 AND 40),"
  "  title           TEXT NOT NULL DEFAULT '' CHECK (length (title) <= 200),"
  "  teacher         TEXT NOT NULL CHECK (length (teacher) BETWEEN 1 AND 60),"
  "  teacher_kind    TEXT NOT NULL CHECK (teacher_kind IN ('class-teacher', 'subject-teacher', 'legal-vice-principal',"
  "                                                       'legal-counsellor', 'guest')),"
  "  hours           INTEGER NOT NULL CHECK (hours BETWEEN 1 AND 40),"
  "  expected        INTEGER NOT NULL CHECK (expected BETWEEN 0 AND 100000),"
  "  present         INTEGER NOT NULL CHECK (present BETWEEN 0 AND expected),"
  "  makes_up_id     INTEGER REFERENCES education_record (id),"
  "  notes           TEXT NOT NULL DEFAULT '' CHECK (length (notes) <= 2000),"
  "  recorded_at     TEXT NOT NULL,"
  "  recorded_by     TEXT NOT NULL,"
  "  CHECK ((audience = 'class') = (grade <> '' AND class_name <> ''))"
  ") STRICT;"
  "CREATE INDEX education_record_school ON education_record (organisation_id, school_year, held_on);"
  "CREATE INDEX education_record_makes_up ON education_record (makes_up_id);"
  "CREATE TABLE education_absence ("
  "  id              INTEGER PRIMARY KEY,"
  "  record_id       INTEGER NOT NULL REFERENCES education_record (id),"
  "  person_id       INTEGER NOT NULL REFERENCES roster_person (id),"
  "  UNIQUE (record_id, person_id)"
  ") STRICT;"
  "CREATE INDEX education_absence_person ON education_absence (person_id);"
  "CREATE TABLE education_evidence ("
  "  id              INTEGER PRIMARY KEY,"
  "  record_id       INTEGER NOT NULL REFERENCES education_record (id),"
  "  archive_uuid    TEXT NOT NULL REFERENCES archive_item (uuid),"
  "  UNIQUE (record_id, archive_uuid)"
  ") STRICT;"
  "CREATE TABLE education_policy ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  name            TEXT NOT NULL UNIQUE CHECK (name IN ('hours-preschool', 'hours-primary', 'hours-junior',"
  "                                                        'hours-senior', 'hours-vocational', 'hours-special',"
  "                                                        'required-sessions', 'legal-lessons')),"
  "  value           INTEGER NOT NULL CHECK (value BETWEEN 0 AND 1000),"
  "  updated_at      TEXT NOT NULL,"
  "  updated_by      TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE education_year ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
  "  school_year     INTEGER NOT NULL CHECK (school_year BETWEEN 1990 AND 2200),"
  "  plan            TEXT NOT NULL DEFAULT '' CHECK (length (plan) <= 2000),"
  "  materials       TEXT NOT NULL DEFAULT '' CHECK (length (materials) <= 2000),"
  "  updated_at      TEXT NOT NULL,"
  "  updated_by      TEXT NOT NULL,"
  "  UNIQUE (organisation_id, school_year)"
  ") STRICT;";

/* 19: drills and incidents (issue 13): a school's 应急疏散演练 with the
 * problems it found, each of which may become a hazard of the ledger (drill_problem's
 * hazard_id, one problem per hazard), and the incidents the veto test (一票否决, V1-V4)
 * reads: type, severity, responsibility finding, whether it had a bad influence (恶劣影响)
 * and how it was reported. Evidence is the UUIDs of archive items, space-separated.
 * drill_policy is the district's: how many months a school (and a kindergarten) may go
 * between drills and the target evacuation time, set by the commission.
 * */
static const char schema_19[] =
  "CREATE TABLE drill ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
  "  school_year     INTEGER NOT NULL CHECK (school_year BETWEEN 1990 AND 2200),"
  "  held_on         TEXT NOT NULL,"
  "  kind            TEXT NOT NULL CHECK (kind IN ('earthquake', 'fire', 'stampede', 'terror', 'school-bus', 'other')),"
  "  kind_other      TEXT NOT NULL DEFAULT '' CHECK (length (kind_other) <= 100),"
  "  organiser       TEXT NOT NULL CHECK (length (organiser) BETWEEN 1 AND 100),"
  "  participants    INTEGER NOT NULL CHECK (participants >= 0),"
  "  evacuation_s    INTEGER CHECK (evacuation_s IS NULL OR evacuation_s > 0),"
  "  target_s        INTEGER CHECK (target_s IS NULL OR target_s > 0),"
  "  improvements    TEXT NOT NULL DEFAULT '' CHECK (length (improvements) <= 4000),"
  "  evidence        TEXT NOT NULL DEFAULT '',"
  "  created_at      TEXT NOT NULL,"
  "  created_by      TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX drill_school ON drill (organisation_id, school_year, held_on);"
  "CREATE TABLE drill_problem ("
  "  id              INTEGER PRIMARY KEY,"
  "  drill_id        INTEGER NOT NULL REFERENCES drill (id),"
  "  position        INTEGER NOT NULL CHECK (position >= 1),"
  "  description     TEXT NOT NULL CHECK (length (description) BETWEEN 1 AND 2000),"
  "  hazard_id       INTEGER UNIQUE REFERENCES hazard (id),"
  "  UNIQUE (drill_id, position)"
  ") STRICT;"
  "CREATE TABLE incident ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
  "  school_year     INTEGER NOT NULL CHECK (school_year BETWEEN 1990 AND 2200),"
  "  occurred_on     TEXT NOT NULL,"
  "  kind            TEXT NOT NULL CHECK (kind IN ('fire', 'collapse', 'traffic', 'food-poisoning', 'stampede', 'epidemic', 'drowning', 'responsibility', 'public-security', 'mass-incident', 'petition', 'nine-no')),"
  "  severity        TEXT NOT NULL CHECK (severity IN ('ordinary', 'large', 'major', 'grave')),"
  "  finding         TEXT NOT NULL CHECK (finding IN ('responsible', 'not-responsible', 'pending')),"
  "  bad_influence   INTEGER NOT NULL DEFAULT 0 CHECK (bad_influence IN (0, 1)),"
  "  affected        INTEGER NOT NULL CHECK (affected >= 0),"
  "  reported_on     TEXT,"
  "  reporting       TEXT NOT NULL CHECK (reporting IN ('on-time', 'late', 'concealed')),"
  "  summary         TEXT NOT NULL CHECK (length (summary) BETWEEN 1 AND 4000),"
  "  evidence        TEXT NOT NULL DEFAULT '',"
  "  created_at      TEXT NOT NULL,"
  "  created_by      TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX incident_school ON incident (organisation_id, school_year, occurred_on);"
  "CREATE TABLE drill_policy ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  stage           TEXT NOT NULL UNIQUE CHECK (stage IN ('school', 'kindergarten')),"
  "  months          INTEGER NOT NULL CHECK (months IN (1, 2, 3, 4, 6)),"
  "  target_s        INTEGER NOT NULL CHECK (target_s BETWEEN 10 AND 3600),"
  "  updated_at      TEXT NOT NULL,"
  "  updated_by      TEXT NOT NULL"
  ") STRICT;";

/* 20: the 综治 registers (issue 13, governance): rounds of dispute screening and the
 * disputes found (矛盾纠纷排查化解台账), whether one led to 越级上访; key persons
 * (重点人员) with their follow-up and counselling notes, and the staff named to see a
 * school's key persons (key_person_staff: a server's login role, or an operator's name
 * on a single-user file); the duty roster (值班带班) and the visitor register (门岗);
 * the school's headcount, its guards and its security devices with their repairs (三防);
 * plans and rules (应急预案, 安全制度) with the archived file that holds them and the
 * date they are next reviewed. Every row carries its school for row level security. */
static const char schema_20[] =
  "CREATE TABLE dispute_round ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
  "  school_year     INTEGER NOT NULL CHECK (school_year BETWEEN 1990 AND 2200),"
  "  held_on         TEXT NOT NULL,"
  "  held_by         TEXT NOT NULL CHECK (length (held_by) BETWEEN 1 AND 100),"
  "  scope           TEXT NOT NULL DEFAULT '' CHECK (length (scope) <= 500),"
  "  recorded_at     TEXT NOT NULL,"
  "  recorded_by     TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX dispute_round_school ON dispute_round (organisation_id, school_year);"
  "CREATE TABLE dispute ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
  "  school_year     INTEGER NOT NULL CHECK (school_year BETWEEN 1990 AND 2200),"
  "  round_id        INTEGER REFERENCES dispute_round (id),"
  "  found_on        TEXT NOT NULL,"
  "  parties         TEXT NOT NULL CHECK (length (parties) BETWEEN 1 AND 200),"
  "  kind            TEXT NOT NULL CHECK (kind IN ('family-school', 'student', 'staff', 'neighbour', 'contract', 'other')),"
  "  description     TEXT NOT NULL CHECK (length (description) BETWEEN 1 AND 2000),"
  "  measures        TEXT NOT NULL DEFAULT '' CHECK (length (measures) <= 2000),"
  "  responsible     TEXT NOT NULL CHECK (length (responsible) BETWEEN 1 AND 50),"
  "  state           TEXT NOT NULL CHECK (state IN ('screened', 'resolving', 'resolved', 'reported')),"
  "  resolved_on     TEXT,"
  "  escalated       INTEGER NOT NULL DEFAULT 0 CHECK (escalated IN (0, 1)),"
  "  escalated_on    TEXT,"
  "  recorded_at     TEXT NOT NULL,"
  "  recorded_by     TEXT NOT NULL,"
  "  CHECK ((state = 'resolved') = (resolved_on IS NOT NULL)),"
  "  CHECK ((escalated = 1) = (escalated_on IS NOT NULL))"
  ") STRICT;"
  "CREATE INDEX dispute_school ON dispute (organisation_id, school_year, state);"
  "CREATE TABLE key_person ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
  "  name            TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 50),"
  "  category        TEXT NOT NULL CHECK (category IN ('student', 'staff', 'parent', 'neighbour', 'other')),"
  "  reason          TEXT NOT NULL CHECK (length (reason) BETWEEN 1 AND 1000),"
  "  since           TEXT NOT NULL,"
  "  carer           TEXT NOT NULL DEFAULT '' CHECK (length (carer) <= 50),"
  "  closed_on       TEXT,"
  "  recorded_at     TEXT NOT NULL,"
  "  recorded_by     TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX key_person_school ON key_person (organisation_id);"
  "CREATE TABLE key_person_note ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  key_person_id   INTEGER NOT NULL REFERENCES key_person (id),"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
  "  noted_on        TEXT NOT NULL,"
  "  kind            TEXT NOT NULL CHECK (kind IN ('follow-up', 'counselling')),"
  "  noted_by        TEXT NOT NULL CHECK (length (noted_by) BETWEEN 1 AND 50),"
  "  content         TEXT NOT NULL CHECK (length (content) BETWEEN 1 AND 2000),"
  "  recorded_at     TEXT NOT NULL,"
  "  recorded_by     TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX key_person_note_person ON key_person_note (key_person_id, noted_on);"
  "CREATE TABLE key_person_staff ("
  "  id              INTEGER PRIMARY KEY,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
  "  staff           TEXT NOT NULL CHECK (length (staff) BETWEEN 1 AND 63),"
  "  named_at        TEXT NOT NULL,"
  "  named_by        TEXT NOT NULL,"
  "  UNIQUE (organisation_id, staff)"
  ") STRICT;"
  "CREATE TABLE duty_shift ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
  "  duty_on         TEXT NOT NULL,"
  "  leader          TEXT NOT NULL CHECK (length (leader) BETWEEN 1 AND 50),"
  "  on_duty         TEXT NOT NULL CHECK (length (on_duty) BETWEEN 1 AND 200),"
  "  notes           TEXT NOT NULL DEFAULT '' CHECK (length (notes) <= 1000),"
  "  recorded_at     TEXT NOT NULL,"
  "  recorded_by     TEXT NOT NULL,"
  "  UNIQUE (organisation_id, duty_on)"
  ") STRICT;"
  "CREATE TABLE visitor ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
  "  arrived_at      TEXT NOT NULL,"
  "  left_at         TEXT,"
  "  name            TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 50),"
  "  id_checked      INTEGER NOT NULL CHECK (id_checked IN (0, 1)),"
  "  purpose         TEXT NOT NULL CHECK (length (purpose) BETWEEN 1 AND 200),"
  "  host            TEXT NOT NULL CHECK (length (host) BETWEEN 1 AND 50),"
  "  recorded_at     TEXT NOT NULL,"
  "  recorded_by     TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX visitor_school ON visitor (organisation_id, arrived_at);"
  "CREATE TABLE school_headcount ("
  "  id              INTEGER PRIMARY KEY,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
  "  school_year     INTEGER NOT NULL CHECK (school_year BETWEEN 1990 AND 2200),"
  "  people          INTEGER NOT NULL CHECK (people >= 0),"
  "  UNIQUE (organisation_id, school_year)"
  ") STRICT;"
  "CREATE TABLE guard ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
  "  name            TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 50),"
  "  full_time       INTEGER NOT NULL CHECK (full_time IN (0, 1)),"
  "  employed_on     TEXT NOT NULL,"
  "  trained_on      TEXT,"
  "  left_on         TEXT,"
  "  recorded_at     TEXT NOT NULL,"
  "  recorded_by     TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX guard_school ON guard (organisation_id);"
  "CREATE TABLE security_device ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
  "  kind            TEXT NOT NULL CHECK (kind IN ('video', 'alarm', 'access')),"
  "  place           TEXT NOT NULL CHECK (length (place) BETWEEN 1 AND 100),"
  "  police_linked   INTEGER NOT NULL DEFAULT 0 CHECK (police_linked IN (0, 1)),"
  "  state           TEXT NOT NULL CHECK (state IN ('working', 'faulty', 'removed')),"
  "  installed_on    TEXT NOT NULL,"
  "  recorded_at     TEXT NOT NULL,"
  "  recorded_by     TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX security_device_school ON security_device (organisation_id, kind);"
  "CREATE TABLE device_repair ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  device_id       INTEGER NOT NULL REFERENCES security_device (id),"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
  "  reported_on     TEXT NOT NULL,"
  "  fault           TEXT NOT NULL CHECK (length (fault) BETWEEN 1 AND 500),"
  "  repaired_on     TEXT,"
  "  repaired_by     TEXT NOT NULL DEFAULT '' CHECK (length (repaired_by) <= 100),"
  "  recorded_at     TEXT NOT NULL,"
  "  recorded_by     TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX device_repair_device ON device_repair (device_id, reported_on);"
  "CREATE TABLE safety_plan ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  organisation_id INTEGER NOT NULL REFERENCES organisation (id),"
  "  kind            TEXT NOT NULL CHECK (kind IN ('plan', 'rule')),"
  "  title           TEXT NOT NULL CHECK (length (title) BETWEEN 1 AND 200),"
  "  archive_item_uuid TEXT,"
  "  adopted_on      TEXT NOT NULL,"
  "  review_on       TEXT NOT NULL,"
  "  recorded_at     TEXT NOT NULL,"
  "  recorded_by     TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX safety_plan_review ON safety_plan (review_on);";

/* 21: the yearly assessment, in xa-store-schema-assessment.c. */

/* 22: the commission's judgement of a petition (越级上访) a dispute led to: whether it
 * caused a bad influence (造成恶劣影响), which moves the veto test's V3 from pending to
 * vetoed or not, with who judged it and when; who made an incident's responsibility
 * finding (责任 / 非责任) and when; and the district's rule of guards (三防: a school of
 * min_people people or more employs at least min_guards full-time guards, Chongqing's
 * norm 4 and 100), one row the commission sets, as it sets the drill policy. */
static const char schema_22[] =
  "ALTER TABLE dispute ADD COLUMN influence TEXT CHECK (influence IS NULL OR influence IN ('bad', 'none'));"
  "ALTER TABLE dispute ADD COLUMN judged_at TEXT;"
  "ALTER TABLE dispute ADD COLUMN judged_by TEXT;"
  "ALTER TABLE incident ADD COLUMN finding_at TEXT;"
  "ALTER TABLE incident ADD COLUMN finding_by TEXT;"
  "CREATE TABLE guard_policy ("
  "  id              INTEGER PRIMARY KEY,"
  "  uuid            TEXT NOT NULL UNIQUE,"
  "  singleton       INTEGER NOT NULL UNIQUE DEFAULT 1 CHECK (singleton = 1),"
  "  min_guards      INTEGER NOT NULL CHECK (min_guards BETWEEN 0 AND 100),"
  "  min_people      INTEGER NOT NULL CHECK (min_people BETWEEN 0 AND 100000),"
  "  updated_at      TEXT NOT NULL,"
  "  updated_by      TEXT NOT NULL"
  ") STRICT;";

static const char * const migrations[] = {
  NULL,
  schema_1,
  schema_2,
  schema_3,
  schema_4,
  schema_5,
  schema_6,
  schema_7,
  schema_8,
  schema_9,
  schema_10,
  schema_11,
  schema_12,
  schema_13,
  schema_14,
  schema_15,
  schema_16,
  schema_17,
  schema_18,
  schema_19,
  schema_20,
  _xa_store_schema_21,
  schema_22,
  "", /* 23: the hazard ledger's tables made again, in C (xa-store-schema-rebuild.c) */
};

/* What a step computes in C after its SQL, in the same transaction: what SQL alone
 * cannot derive for the rows that exist. */
static gboolean (* const fills[]) (sqlite3  *db,
                                   GError  **error) = {
  [6] = fill_6,
  [23] = _xa_store_rebuild_23,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == XA_STORE_SCHEMA_VERSION + 1);

static gboolean
read_user_version (sqlite3  *db,
                   int      *version)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *version = sqlite3_column_int (stmt, 0);
      ok = TRUE;
    }

  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
run_step_in_transaction (sqlite3  *db,
                         int       version,
                         GError  **error)
{
  g_autofree char *pragmas = NULL;

  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    goto failed;

  /* The version is read again inside the transaction: another process may have
   * migrated the file between our first look and the lock. */
  {
    int current = 0;

    if (!read_user_version (db, &current))
      goto failed;
    if (current >= version)
      return sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
  }

  if (sqlite3_exec (db, migrations[version], NULL, NULL, NULL) != SQLITE_OK)
    goto failed;

  if (version < (int) G_N_ELEMENTS (fills) && fills[version] != NULL)
    {
      g_autoptr(GError) fill_error = NULL;

      if (!fills[version] (db, &fill_error))
        {
          g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_MIGRATION,
                       _("Cannot update the database to schema %d: %s"),
                       version, fill_error->message);
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             XA_STORE_APPLICATION_ID, version);
  if (sqlite3_exec (db, pragmas, NULL, NULL, NULL) != SQLITE_OK)
    goto failed;

  if (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    goto failed;

  return TRUE;

failed:
  g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_MIGRATION,
               _("Cannot update the database to schema %d: %s"),
               version, sqlite3_errmsg (db));
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Foreign keys off around a step that makes a table again (xa-store-schema-rebuild.c). */
static gboolean
run_step (sqlite3  *db,
          int       version,
          GError  **error)
{
  gboolean rebuild = _xa_store_schema_step_rebuilds (version);
  gboolean ok;

  ok = (!rebuild || _xa_store_schema_foreign_keys (db, FALSE, error)) &&
       run_step_in_transaction (db, version, error);
  return (!rebuild || _xa_store_schema_foreign_keys (db, TRUE, ok ? error : NULL)) && ok;
}

/**
 * _xa_store_check_not_newer:
 * @version: the schema version a database has, on either engine
 *
 * Refuses a database that a newer program wrote, which this one must leave untouched.
 */
gboolean
_xa_store_check_not_newer (int      version,
                           GError **error)
{
  if (version <= XA_STORE_SCHEMA_VERSION)
    return TRUE;

  g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_TOO_NEW,
               _("The database was written by a newer version of Xiaoan (schema %d, this program knows up to %d). It was left untouched; please update Xiaoan."),
               version, XA_STORE_SCHEMA_VERSION);
  return FALSE;
}

gboolean
_xa_store_migrate (XaStore  *self,
                   sqlite3  *db,
                   int       target_version,
                   GError  **error)
{
  int version = 0;

  g_assert (target_version >= 0 && target_version <= XA_STORE_SCHEMA_VERSION);

  if (!read_user_version (db, &version))
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_OPEN,
                   _("Cannot read the database version: %s"), sqlite3_errmsg (db));
      return FALSE;
    }

  /* The read-only look in xa_store_open() already refused such files; a file that
   * another process upgraded meanwhile is refused here. */
  if (!_xa_store_check_not_newer (version, error))
    return FALSE;

  for (int step = version + 1; step <= target_version; step++)
    {
      if (!run_step (db, step, error))
        return FALSE;
    }

  return TRUE;
}
