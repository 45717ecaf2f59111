/* xa-store-server-access.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who may do what on a district's server. Every school logs in as a role of its own,
 * member of xiaoan_school; commission staff log in as members of xiaoan_commission. Row
 * level security keys each row on the login role (session_user, which a client cannot
 * change without being a superuser), never on a setting the client sends: a school reads
 * and writes its own organisation, people, role terms and agreements (with their
 * supplementary clauses), its hazards (with their steps and search grams), its
 * inspections (with their items) and its records of the special campaigns, reads the
 * commission, the templates, the checklists, the school calendars and the campaigns,
 * and nothing else; commission roles read and write all. A hazard is never deleted and
 * its steps never change: no role is granted those. A hazard's photos are its school's
 * as the hazard is; a stored file (blob) is read by a school only through a photo of its
 * own that names it, and never changed or deleted. Of the yearly assessment a school
 * writes its own self-assessment until the commission finalises it, and reads the
 * commission's scores, vetoes and the district ranking only once published.
 * The audit chain is reached only through the functions of xa-store-schema-pg.c: no
 * application role may read the signing key, change or remove an entry, and a school's
 * role reads no entry at all. The tables' owner, who runs `xiaoan-cli server setup`,
 * is the server's administrator.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-store-private.h"
#include "xa-store.h"

/* Run again after every upgrade: each statement may be repeated. */
static const char access_script[] =
  "DO $$ BEGIN"
  "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'xiaoan_commission') THEN"
  "    CREATE ROLE xiaoan_commission NOLOGIN;"
  "  END IF;"
  "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'xiaoan_school') THEN"
  "    CREATE ROLE xiaoan_school NOLOGIN;"
  "  END IF;"
  "  EXECUTE format ('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM xiaoan_commission, xiaoan_school',"
  "                  current_schema ());"
  "  EXECUTE format ('GRANT USAGE ON SCHEMA %I TO xiaoan_commission, xiaoan_school', current_schema ());"
  "END $$;"
  "CREATE OR REPLACE FUNCTION xa_is_commission () RETURNS BOOLEAN"
  "  LANGUAGE sql STABLE AS $f$ SELECT pg_has_role (session_user, 'xiaoan_commission', 'MEMBER') $f$;"
  "CREATE OR REPLACE FUNCTION xa_my_organisation () RETURNS BIGINT"
  "  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $f$"
  "  SELECT o.id FROM server_role r JOIN organisation o ON o.code = r.organisation_code"
  "  WHERE r.role_name = session_user $f$;"
  /* Tables: what each kind of role may try; the policies below say on which rows. */
  "GRANT SELECT, INSERT, UPDATE, DELETE ON organisation, person, role_term, agreement,"
  "  agreement_supplement, template, school_year, search_gram TO xiaoan_commission, xiaoan_school;"
  "GRANT SELECT, INSERT, UPDATE ON hazard TO xiaoan_commission, xiaoan_school;"
  "GRANT SELECT ON hazard_count TO xiaoan_commission, xiaoan_school;"
  "GRANT SELECT, INSERT ON hazard_step TO xiaoan_commission, xiaoan_school;"
  "GRANT SELECT, INSERT, DELETE ON hazard_gram TO xiaoan_commission, xiaoan_school;"
  "GRANT SELECT, INSERT, DELETE ON hazard_photo, campaign_attachment TO xiaoan_commission, xiaoan_school;"
  "GRANT SELECT, INSERT, UPDATE ON archive_item TO xiaoan_commission, xiaoan_school;"
  "GRANT SELECT, INSERT, UPDATE ON drill, drill_problem, incident TO xiaoan_commission, xiaoan_school;"
  "GRANT SELECT, INSERT, UPDATE ON drill_policy TO xiaoan_commission;"
  "GRANT SELECT ON drill_policy TO xiaoan_school;"
  "GRANT SELECT, INSERT, UPDATE ON guard_policy TO xiaoan_commission;"
  "GRANT SELECT ON guard_policy TO xiaoan_school;"
  "GRANT SELECT ON blob TO xiaoan_commission, xiaoan_school;"
  "GRANT SELECT, INSERT, UPDATE ON dispute_round, dispute, duty_shift, visitor, school_headcount, guard,"
  "  security_device, device_repair, safety_plan, key_person, key_person_note TO xiaoan_commission, xiaoan_school;"
  "GRANT SELECT ON key_person_staff TO xiaoan_commission, xiaoan_school;"
  "GRANT SELECT, INSERT, UPDATE ON seal_image TO xiaoan_commission, xiaoan_school;"
  /* 21: the yearly assessment (issue 14). A school writes its own self-assessment and
   * reads the commission's side; the policies below say which rows. */
  "GRANT SELECT, INSERT, UPDATE ON assessment_scheme, assessment TO xiaoan_commission;"
  "GRANT SELECT, INSERT, UPDATE, DELETE ON assessment_score, assessment_veto TO xiaoan_commission;"
  "GRANT SELECT, INSERT ON assessment_revision TO xiaoan_commission;"
  "GRANT SELECT ON assessment_self TO xiaoan_commission;"
  "GRANT SELECT, INSERT, UPDATE ON assessment_self TO xiaoan_school;"
  "GRANT SELECT ON assessment_scheme, assessment, assessment_score, assessment_veto, assessment_revision"
  "  TO xiaoan_school;"
  "GRANT SELECT ON assessment_ranking TO xiaoan_commission, xiaoan_school;"
  /* 18: safety education (issue 13). */
  "GRANT SELECT, INSERT, UPDATE, DELETE ON roster_class, roster_person, education_record, education_absence,"
  "  education_evidence, education_year TO xiaoan_commission, xiaoan_school;"
  "GRANT SELECT, INSERT, UPDATE, DELETE ON education_policy TO xiaoan_commission;"
  "GRANT SELECT ON education_policy TO xiaoan_school;"
  "GRANT SELECT, INSERT, UPDATE ON inspection, campaign_record TO xiaoan_commission, xiaoan_school;"
  "GRANT SELECT, INSERT, UPDATE, DELETE ON inspection_item TO xiaoan_commission, xiaoan_school;"
  "GRANT SELECT, INSERT, UPDATE, DELETE ON checklist, school_calendar, campaign, hazard_policy TO xiaoan_commission;"
  "GRANT SELECT ON checklist, school_calendar, campaign, hazard_policy TO xiaoan_school;"
  "GRANT SELECT ON meta TO xiaoan_commission, xiaoan_school;"
  "GRANT SELECT ON audit, audit_image TO xiaoan_commission;"
  "GRANT INSERT ON audit_image TO xiaoan_commission, xiaoan_school;"
  "REVOKE ALL ON audit_key, server_role FROM xiaoan_commission, xiaoan_school;"
  "DO $$ BEGIN"
  "  EXECUTE format ('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO xiaoan_commission, xiaoan_school',"
  "                  current_schema ());"
  "END $$;"
  /* Functions run by anyone unless told otherwise: only ours may run the chain's. */
  "REVOKE EXECUTE ON FUNCTION xa_audit_append (TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT),"
  "  xa_audit_entry_signed (BIGINT, TEXT), xa_audit_current_key_id (), xa_audit_head (),"
  "  xa_audit_latest_image (TEXT, TEXT), xa_my_organisation () FROM PUBLIC;"
  "GRANT EXECUTE ON FUNCTION xa_audit_append (TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT),"
  "  xa_audit_current_key_id (), xa_audit_head (), xa_audit_latest_image (TEXT, TEXT),"
  "  xa_my_organisation () TO xiaoan_commission, xiaoan_school;"
  "GRANT EXECUTE ON FUNCTION xa_audit_entry_signed (BIGINT, TEXT) TO xiaoan_commission;"
  "GRANT EXECUTE ON FUNCTION xa_blob_put (TEXT, BIGINT, TEXT, BYTEA) TO xiaoan_commission, xiaoan_school;"
  /* Rows. */
  "ALTER TABLE organisation ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE person ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE role_term ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE agreement ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE agreement_supplement ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE template ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE school_year ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE search_gram ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE audit_image ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE hazard ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE hazard_step ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE hazard_gram ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE hazard_photo ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE blob ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE inspection ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE inspection_item ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE checklist ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE school_calendar ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE hazard_policy ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE hazard_count ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE campaign ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE campaign_record ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE campaign_attachment ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE archive_item ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE drill ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE drill_problem ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE incident ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE drill_policy ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE guard_policy ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE dispute_round ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE dispute ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE duty_shift ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE visitor ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE school_headcount ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE guard ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE security_device ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE device_repair ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE safety_plan ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE key_person ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE key_person_note ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE key_person_staff ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE seal_image ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE roster_class ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE roster_person ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE education_record ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE education_absence ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE education_evidence ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE education_policy ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE education_year ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE assessment_scheme ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE assessment_self ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE assessment ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE assessment_score ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE assessment_veto ENABLE ROW LEVEL SECURITY;"
  "ALTER TABLE assessment_revision ENABLE ROW LEVEL SECURITY;"
  "DROP POLICY IF EXISTS commission_all ON organisation;"
  "CREATE POLICY commission_all ON organisation TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_read ON organisation;"
  "CREATE POLICY school_read ON organisation FOR SELECT TO xiaoan_school"
  "  USING (id = xa_my_organisation () OR kind = 'commission');"
  "DROP POLICY IF EXISTS school_update ON organisation;"
  "CREATE POLICY school_update ON organisation FOR UPDATE TO xiaoan_school"
  "  USING (id = xa_my_organisation ()) WITH CHECK (id = xa_my_organisation ());"
  "DROP POLICY IF EXISTS commission_all ON person;"
  "CREATE POLICY commission_all ON person TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON person;"
  "CREATE POLICY school_own ON person TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  "DROP POLICY IF EXISTS commission_all ON role_term;"
  "CREATE POLICY commission_all ON role_term TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON role_term;"
  "CREATE POLICY school_own ON role_term TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  "DROP POLICY IF EXISTS commission_all ON agreement;"
  "CREATE POLICY commission_all ON agreement TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON agreement;"
  "CREATE POLICY school_own ON agreement TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  /* A supplementary clause is its agreement's: a school's role reaches those of its
   * own school's agreements only. */
  "DROP POLICY IF EXISTS commission_all ON agreement_supplement;"
  "CREATE POLICY commission_all ON agreement_supplement TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON agreement_supplement;"
  "CREATE POLICY school_own ON agreement_supplement TO xiaoan_school"
  "  USING (agreement_id IN (SELECT a.id FROM agreement a WHERE a.organisation_id = xa_my_organisation ()))"
  "  WITH CHECK (agreement_id IN (SELECT a.id FROM agreement a"
  "                               WHERE a.organisation_id = xa_my_organisation ()));"
  "DROP POLICY IF EXISTS commission_all ON template;"
  "CREATE POLICY commission_all ON template TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_read ON template;"
  "CREATE POLICY school_read ON template FOR SELECT TO xiaoan_school USING (TRUE);"
  "DROP POLICY IF EXISTS commission_all ON school_year;"
  "CREATE POLICY commission_all ON school_year TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_read ON school_year;"
  "CREATE POLICY school_read ON school_year FOR SELECT TO xiaoan_school USING (TRUE);"
  /* The search index of a record goes with the record: a school indexes and finds only
   * the organisations it can read. */
  "DROP POLICY IF EXISTS commission_all ON search_gram;"
  "CREATE POLICY commission_all ON search_gram TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON search_gram;"
  "CREATE POLICY school_own ON search_gram TO xiaoan_school"
  "  USING (EXISTS (SELECT 1 FROM organisation o WHERE o.uuid = search_gram.uuid))"
  "  WITH CHECK (EXISTS (SELECT 1 FROM organisation o WHERE o.uuid = search_gram.uuid));"
  /* A hazard is its school's; its steps and its grams go with it, the grams keyed on the
   * school they carry so that a school's search reads its own range of the index. */
  "DROP POLICY IF EXISTS commission_all ON hazard;"
  "CREATE POLICY commission_all ON hazard TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON hazard;"
  "CREATE POLICY school_own ON hazard TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  "DROP POLICY IF EXISTS commission_all ON hazard_step;"
  "CREATE POLICY commission_all ON hazard_step TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON hazard_step;"
  "CREATE POLICY school_own ON hazard_step TO xiaoan_school"
  "  USING (hazard_id IN (SELECT h.id FROM hazard h WHERE h.organisation_id = xa_my_organisation ()))"
  "  WITH CHECK (hazard_id IN (SELECT h.id FROM hazard h WHERE h.organisation_id = xa_my_organisation ()));"
  "DROP POLICY IF EXISTS commission_all ON hazard_gram;"
  "CREATE POLICY commission_all ON hazard_gram TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON hazard_gram;"
  "CREATE POLICY school_own ON hazard_gram TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ())"
  "  WITH CHECK (organisation_id = xa_my_organisation ()"
  "              AND hazard_id IN (SELECT h.id FROM hazard h WHERE h.organisation_id = xa_my_organisation ()));"
  /* A photo is its hazard's, so its school's. */
  "DROP POLICY IF EXISTS commission_all ON hazard_photo;"
  "CREATE POLICY commission_all ON hazard_photo TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON hazard_photo;"
  "CREATE POLICY school_own ON hazard_photo TO xiaoan_school"
  "  USING (hazard_uuid IN (SELECT h.uuid FROM hazard h WHERE h.organisation_id = xa_my_organisation ()))"
  "  WITH CHECK (hazard_uuid IN (SELECT h.uuid FROM hazard h WHERE h.organisation_id = xa_my_organisation ()));"
  /* Stored files are named by their SHA-256 and shared: two schools that photograph
   * the same thing store one file. Every role stores a file through xa_blob_put (), which
   * checks the name against the bytes (xa-store-schema-pg.c): a school stores any file,
   * since it holds the bytes it stores, but reads only a file that a record of its own
   * names. The subquery sees hazard_photo through that table's own policy, so only the
   * school's photos count. Naming another school's file in a photo of one's own would
   * take its SHA-256, which is only ever shown with the file, to whoever may read it.
   * Files never change and no application role deletes one. A module that adds records
   * naming files (the archive) adds its table to the reading policy. */
  "DROP POLICY IF EXISTS commission_all ON blob;"
  "CREATE POLICY commission_all ON blob FOR SELECT TO xiaoan_commission USING (TRUE);"
  "DROP POLICY IF EXISTS school_read ON blob;"
  "CREATE POLICY school_read ON blob FOR SELECT TO xiaoan_school"
  "  USING (EXISTS (SELECT 1 FROM hazard_photo p WHERE p.blob_sha256 = blob.sha256)"
  "         OR EXISTS (SELECT 1 FROM campaign_attachment a WHERE a.blob_sha256 = blob.sha256)"
  "         OR EXISTS (SELECT 1 FROM archive_item i WHERE i.blob_sha256 = blob.sha256)"
  "         OR EXISTS (SELECT 1 FROM seal_image s WHERE s.blob_sha256 = blob.sha256));"
  /* An inspection is its school's, and its items go with it; an item links only to a
   * hazard of the same school. The checklists, the school calendar and the campaigns
   * are the commission's, which schools read; a school's record of a campaign is its
   * own. */
  "DROP POLICY IF EXISTS commission_all ON inspection;"
  "CREATE POLICY commission_all ON inspection TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON inspection;"
  "CREATE POLICY school_own ON inspection TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  "DROP POLICY IF EXISTS commission_all ON inspection_item;"
  "CREATE POLICY commission_all ON inspection_item TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON inspection_item;"
  "CREATE POLICY school_own ON inspection_item TO xiaoan_school"
  "  USING (inspection_id IN (SELECT i.id FROM inspection i WHERE i.organisation_id = xa_my_organisation ()))"
  "  WITH CHECK (inspection_id IN (SELECT i.id FROM inspection i WHERE i.organisation_id = xa_my_organisation ())"
  "              AND (hazard_id IS NULL OR hazard_id IN (SELECT h.id FROM hazard h"
  "                                                      WHERE h.organisation_id = xa_my_organisation ())));"
  "DROP POLICY IF EXISTS commission_all ON checklist;"
  "CREATE POLICY commission_all ON checklist TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_read ON checklist;"
  "CREATE POLICY school_read ON checklist FOR SELECT TO xiaoan_school USING (TRUE);"
  "DROP POLICY IF EXISTS commission_all ON school_calendar;"
  "CREATE POLICY commission_all ON school_calendar TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_read ON school_calendar;"
  "CREATE POLICY school_read ON school_calendar FOR SELECT TO xiaoan_school USING (TRUE);"
  /* A school reads the counts of its own hazards; they are kept by a trigger. */
  "DROP POLICY IF EXISTS commission_read ON hazard_count;"
  "CREATE POLICY commission_read ON hazard_count FOR SELECT TO xiaoan_commission USING (TRUE);"
  "DROP POLICY IF EXISTS school_read ON hazard_count;"
  "CREATE POLICY school_read ON hazard_count FOR SELECT TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ());"
  /* The default deadlines are the commission's, which schools read. */
  "DROP POLICY IF EXISTS commission_all ON hazard_policy;"
  "CREATE POLICY commission_all ON hazard_policy TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_read ON hazard_policy;"
  "CREATE POLICY school_read ON hazard_policy FOR SELECT TO xiaoan_school USING (TRUE);"
  "DROP POLICY IF EXISTS commission_all ON campaign;"
  "CREATE POLICY commission_all ON campaign TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_read ON campaign;"
  "CREATE POLICY school_read ON campaign FOR SELECT TO xiaoan_school USING (TRUE);"
  "DROP POLICY IF EXISTS commission_all ON campaign_record;"
  "CREATE POLICY commission_all ON campaign_record TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON campaign_record;"
  "CREATE POLICY school_own ON campaign_record TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  /* A campaign's files are the school's that attached them, as its record is. */
  "DROP POLICY IF EXISTS commission_all ON campaign_attachment;"
  "CREATE POLICY commission_all ON campaign_attachment TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON campaign_attachment;"
  "CREATE POLICY school_own ON campaign_attachment TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  /* An archived file is its school's; a file not yet linked to a school is the
   * commission's alone. */
  "DROP POLICY IF EXISTS commission_all ON archive_item;"
  "CREATE POLICY commission_all ON archive_item TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON archive_item;"
  "CREATE POLICY school_own ON archive_item TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  /* Seal and signature images: a school sees and manages its own seal and its own
   * people's signatures, never the commission's seal nor another school's; the
   * commission all of them. */
  "DROP POLICY IF EXISTS commission_all ON seal_image;"
  "CREATE POLICY commission_all ON seal_image TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON seal_image;"
  "CREATE POLICY school_own ON seal_image TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation () AND owner_kind <> 'commission')"
  "  WITH CHECK (organisation_id = xa_my_organisation () AND owner_kind <> 'commission'"
  "              AND (person_id IS NULL OR person_id IN (SELECT p.id FROM person p"
  "                                                      WHERE p.organisation_id = xa_my_organisation ())));"
  /* Safety education (18): rosters, records and a year's 四落实 are the school's, a
   * person, an absence and a piece of evidence go with their class or record; the
   * district's settings are the commission's, which schools read. */
  "DROP POLICY IF EXISTS commission_all ON roster_class;"
  "CREATE POLICY commission_all ON roster_class TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON roster_class;"
  "CREATE POLICY school_own ON roster_class TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  "DROP POLICY IF EXISTS commission_all ON roster_person;"
  "CREATE POLICY commission_all ON roster_person TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON roster_person;"
  "CREATE POLICY school_own ON roster_person TO xiaoan_school"
  "  USING (EXISTS (SELECT 1 FROM roster_class c WHERE c.id = roster_person.class_id))"
  "  WITH CHECK (EXISTS (SELECT 1 FROM roster_class c WHERE c.id = roster_person.class_id));"
  "DROP POLICY IF EXISTS commission_all ON education_record;"
  "CREATE POLICY commission_all ON education_record TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON education_record;"
  "CREATE POLICY school_own ON education_record TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  "DROP POLICY IF EXISTS commission_all ON education_absence;"
  "CREATE POLICY commission_all ON education_absence TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON education_absence;"
  "CREATE POLICY school_own ON education_absence TO xiaoan_school"
  "  USING (EXISTS (SELECT 1 FROM education_record r WHERE r.id = education_absence.record_id))"
  "  WITH CHECK (EXISTS (SELECT 1 FROM education_record r WHERE r.id = education_absence.record_id));"
  "DROP POLICY IF EXISTS commission_all ON education_evidence;"
  "CREATE POLICY commission_all ON education_evidence TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON education_evidence;"
  "CREATE POLICY school_own ON education_evidence TO xiaoan_school"
  "  USING (EXISTS (SELECT 1 FROM education_record r WHERE r.id = education_evidence.record_id))"
  "  WITH CHECK (EXISTS (SELECT 1 FROM education_record r WHERE r.id = education_evidence.record_id));"
  "DROP POLICY IF EXISTS commission_all ON education_policy;"
  "CREATE POLICY commission_all ON education_policy TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_read ON education_policy;"
  "CREATE POLICY school_read ON education_policy FOR SELECT TO xiaoan_school USING (TRUE);"
  "DROP POLICY IF EXISTS commission_all ON education_year;"
  "CREATE POLICY commission_all ON education_year TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON education_year;"
  "CREATE POLICY school_own ON education_year TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  /* A drill and an incident are their school's, a drill's problems go with it; the
   * commission sees and records all (an incident is often recorded by the commission). */
  "DROP POLICY IF EXISTS commission_all ON drill;"
  "CREATE POLICY commission_all ON drill TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON drill;"
  "CREATE POLICY school_own ON drill TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  "DROP POLICY IF EXISTS commission_all ON drill_problem;"
  "CREATE POLICY commission_all ON drill_problem TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON drill_problem;"
  "CREATE POLICY school_own ON drill_problem TO xiaoan_school"
  "  USING (EXISTS (SELECT 1 FROM drill d WHERE d.id = drill_problem.drill_id AND d.organisation_id = xa_my_organisation ()))"
  "  WITH CHECK (EXISTS (SELECT 1 FROM drill d WHERE d.id = drill_problem.drill_id AND d.organisation_id = xa_my_organisation ()));"
  "DROP POLICY IF EXISTS commission_all ON drill_policy;"
  "CREATE POLICY commission_all ON drill_policy TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_read ON drill_policy;"
  "CREATE POLICY school_read ON drill_policy FOR SELECT TO xiaoan_school USING (TRUE);"
  "DROP POLICY IF EXISTS commission_all ON incident;"
  "CREATE POLICY commission_all ON incident TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON incident;"
  "CREATE POLICY school_own ON incident TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  "DROP POLICY IF EXISTS commission_all ON guard_policy;"
  "CREATE POLICY commission_all ON guard_policy TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_read ON guard_policy;"
  "CREATE POLICY school_read ON guard_policy FOR SELECT TO xiaoan_school USING (TRUE);"
  /* Findings are the commission's (schema 22): a school's login records its incidents
   * and disputes but neither judges a petition's influence nor changes an incident's
   * responsibility finding or its bad influence once recorded. */
  "CREATE OR REPLACE FUNCTION xa_refuse_school_judgement () RETURNS trigger LANGUAGE plpgsql AS $f$"
  "  BEGIN"
  "    IF xa_my_organisation () IS NOT NULL AND NEW.influence IS DISTINCT FROM OLD.influence THEN"
  "      RAISE EXCEPTION 'only the commission records a finding';"
  "    END IF;"
  "    RETURN NEW;"
  "  END $f$;"
  "CREATE OR REPLACE FUNCTION xa_refuse_school_finding () RETURNS trigger LANGUAGE plpgsql AS $f$"
  "  BEGIN"
  "    IF xa_my_organisation () IS NOT NULL AND"
  "       (NEW.finding IS DISTINCT FROM OLD.finding OR NEW.bad_influence IS DISTINCT FROM OLD.bad_influence) THEN"
  "      RAISE EXCEPTION 'only the commission records a finding';"
  "    END IF;"
  "    RETURN NEW;"
  "  END $f$;"
  "DROP TRIGGER IF EXISTS dispute_judged_by_commission ON dispute;"
  "CREATE TRIGGER dispute_judged_by_commission BEFORE UPDATE ON dispute"
  "  FOR EACH ROW EXECUTE FUNCTION xa_refuse_school_judgement ();"
  "DROP TRIGGER IF EXISTS incident_found_by_commission ON incident;"
  "CREATE TRIGGER incident_found_by_commission BEFORE UPDATE ON incident"
  "  FOR EACH ROW EXECUTE FUNCTION xa_refuse_school_finding ();"
  /* The 综治 registers (schema 20) are their school's, as an archived file is. */
  "DROP POLICY IF EXISTS commission_all ON dispute_round;"
  "CREATE POLICY commission_all ON dispute_round TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON dispute_round;"
  "CREATE POLICY school_own ON dispute_round TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  "DROP POLICY IF EXISTS commission_all ON dispute;"
  "CREATE POLICY commission_all ON dispute TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON dispute;"
  "CREATE POLICY school_own ON dispute TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  "DROP POLICY IF EXISTS commission_all ON duty_shift;"
  "CREATE POLICY commission_all ON duty_shift TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON duty_shift;"
  "CREATE POLICY school_own ON duty_shift TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  "DROP POLICY IF EXISTS commission_all ON visitor;"
  "CREATE POLICY commission_all ON visitor TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON visitor;"
  "CREATE POLICY school_own ON visitor TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  "DROP POLICY IF EXISTS commission_all ON school_headcount;"
  "CREATE POLICY commission_all ON school_headcount TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON school_headcount;"
  "CREATE POLICY school_own ON school_headcount TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  "DROP POLICY IF EXISTS commission_all ON guard;"
  "CREATE POLICY commission_all ON guard TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON guard;"
  "CREATE POLICY school_own ON guard TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  "DROP POLICY IF EXISTS commission_all ON security_device;"
  "CREATE POLICY commission_all ON security_device TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON security_device;"
  "CREATE POLICY school_own ON security_device TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  "DROP POLICY IF EXISTS commission_all ON device_repair;"
  "CREATE POLICY commission_all ON device_repair TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON device_repair;"
  "CREATE POLICY school_own ON device_repair TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  "DROP POLICY IF EXISTS commission_all ON safety_plan;"
  "CREATE POLICY commission_all ON safety_plan TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_own ON safety_plan;"
  "CREATE POLICY school_own ON safety_plan TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  /* Key persons (重点人员) and their notes are seen by their school's login (its safety
   * lead) and by the commission's staff named for that school in key_person_staff, and
   * by no other role: a commission role not named sees no row, not even that there is
   * one. Only the tables' owner names staff (no role is granted to write
   * key_person_staff). */
  "DROP POLICY IF EXISTS named_read ON key_person_staff;"
  "CREATE POLICY named_read ON key_person_staff FOR SELECT TO xiaoan_commission, xiaoan_school"
  "  USING (staff = session_user OR organisation_id = xa_my_organisation ());"
  "CREATE OR REPLACE FUNCTION xa_named_for_key_persons (school BIGINT) RETURNS BOOLEAN"
  "  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $f$"
  "  SELECT EXISTS (SELECT 1 FROM key_person_staff s WHERE s.organisation_id = school"
  "                 AND s.staff = session_user) $f$;"
  "DROP POLICY IF EXISTS commission_named ON key_person;"
  "CREATE POLICY commission_named ON key_person TO xiaoan_commission"
  "  USING (xa_named_for_key_persons (organisation_id)) WITH CHECK (xa_named_for_key_persons (organisation_id));"
  "DROP POLICY IF EXISTS school_own ON key_person;"
  "CREATE POLICY school_own ON key_person TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  "DROP POLICY IF EXISTS commission_named ON key_person_note;"
  "CREATE POLICY commission_named ON key_person_note TO xiaoan_commission"
  "  USING (xa_named_for_key_persons (organisation_id)) WITH CHECK (xa_named_for_key_persons (organisation_id));"
  "DROP POLICY IF EXISTS school_own ON key_person_note;"
  "CREATE POLICY school_own ON key_person_note TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ()) WITH CHECK (organisation_id = xa_my_organisation ());"
  /* The yearly assessment (schema 21). The schemes are the commission's, read by every
   * school. A school's self-assessment is its own, written until the commission
   * finalises its year (xa_assessment_is_finalised () looks at the commission's row for
   * the school, which the school cannot see); the commission reads it. The commission's
   * record, scores, vetoes and revisions reach a school, its own only, once published;
   * the district ranking reaches it through the view assessment_ranking, which shows
   * published results only. */
  "DROP POLICY IF EXISTS commission_all ON assessment_scheme;"
  "CREATE POLICY commission_all ON assessment_scheme TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_read ON assessment_scheme;"
  "CREATE POLICY school_read ON assessment_scheme FOR SELECT TO xiaoan_school USING (TRUE);"
  "DROP POLICY IF EXISTS commission_read ON assessment_self;"
  "CREATE POLICY commission_read ON assessment_self FOR SELECT TO xiaoan_commission USING (TRUE);"
  "DROP POLICY IF EXISTS school_own ON assessment_self;"
  "CREATE POLICY school_own ON assessment_self TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation ())"
  "  WITH CHECK (organisation_id = xa_my_organisation () AND NOT xa_assessment_is_finalised (organisation_id, school_year));"
  "DROP POLICY IF EXISTS commission_all ON assessment;"
  "CREATE POLICY commission_all ON assessment TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_published ON assessment;"
  "CREATE POLICY school_published ON assessment FOR SELECT TO xiaoan_school"
  "  USING (organisation_id = xa_my_organisation () AND published = 1);"
  "DROP POLICY IF EXISTS commission_all ON assessment_score;"
  "CREATE POLICY commission_all ON assessment_score TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_published ON assessment_score;"
  "CREATE POLICY school_published ON assessment_score FOR SELECT TO xiaoan_school"
  "  USING (EXISTS (SELECT 1 FROM assessment a WHERE a.id = assessment_score.assessment_id"
  "                 AND a.organisation_id = xa_my_organisation () AND a.published = 1));"
  "DROP POLICY IF EXISTS commission_all ON assessment_veto;"
  "CREATE POLICY commission_all ON assessment_veto TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_published ON assessment_veto;"
  "CREATE POLICY school_published ON assessment_veto FOR SELECT TO xiaoan_school"
  "  USING (EXISTS (SELECT 1 FROM assessment a WHERE a.id = assessment_veto.assessment_id"
  "                 AND a.organisation_id = xa_my_organisation () AND a.published = 1));"
  "DROP POLICY IF EXISTS commission_all ON assessment_revision;"
  "CREATE POLICY commission_all ON assessment_revision TO xiaoan_commission USING (TRUE) WITH CHECK (TRUE);"
  "DROP POLICY IF EXISTS school_published ON assessment_revision;"
  "CREATE POLICY school_published ON assessment_revision FOR SELECT TO xiaoan_school"
  "  USING (EXISTS (SELECT 1 FROM assessment a WHERE a.id = assessment_revision.assessment_id"
  "                 AND a.organisation_id = xa_my_organisation () AND a.published = 1));"
  "DROP POLICY IF EXISTS commission_read ON audit_image;"
  "CREATE POLICY commission_read ON audit_image FOR SELECT TO xiaoan_commission USING (TRUE);"
  "DROP POLICY IF EXISTS append ON audit_image;"
  "CREATE POLICY append ON audit_image FOR INSERT TO xiaoan_commission, xiaoan_school"
  "  WITH CHECK (TRUE);";

static gboolean
require_server (XaStore  *self,
                GError  **error)
{
  if (xa_store_get_is_server (self))
    return TRUE;

  g_set_error_literal (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                       _("Roles and access rules belong to a database server; give it with --database postgresql://…"));
  return FALSE;
}

static gboolean
setup_func (XaStore   *self,
            gpointer   user_data,
            GError   **error)
{
  g_autofree char *uuid = xa_store_new_uuid ();

  return xa_store_exec (self, access_script, error) &&
         xa_store_append_audit (self, "server.setup", "server_role", uuid, NULL, error);
}

/**
 * xa_store_server_setup:
 *
 * Creates the roles xiaoan_commission and xiaoan_school, their grants and the row level
 * security of every table, in one transaction. Run by the tables' owner, after the
 * store was opened (and so migrated); running it again after an upgrade covers what
 * the upgrade added.
 */
gboolean
xa_store_server_setup (XaStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (XA_IS_STORE (self), FALSE);

  return require_server (self, error) && xa_store_write (self, setup_func, NULL, error);
}

typedef struct
{
  const char *role_name;
  const char *code;      /* NULL for commission staff */
  char       *password;
} AddRole;

/* A role name goes into DDL, which takes no parameters: only plain lower-case names. */
static gboolean
check_role_name (const char  *role_name,
                 GError     **error)
{
  gsize length = strlen (role_name);

  if (length > 0 && length <= 63 && g_ascii_islower (role_name[0]) &&
      strspn (role_name, "abcdefghijklmnopqrstuvwxyz0123456789_") == length &&
      !g_str_has_prefix (role_name, "pg_") && !g_str_has_prefix (role_name, "xiaoan_"))
    return TRUE;

  g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
               _("“%s” cannot name a role: use lower-case letters, digits and _, starting with a letter, up to 63 characters, not starting with pg_ or xiaoan_"),
               role_name);
  return FALSE;
}

static gboolean
add_role_func (XaStore   *self,
               gpointer   user_data,
               GError   **error)
{
  AddRole *add = user_data;
  g_autoptr(XaStatement) password = NULL;
  g_autoptr(XaStatement) school = NULL;
  g_autoptr(XaStatement) map = NULL;
  g_autofree char *create = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *at = xa_date_now_iso8601 ();

  if (add->code != NULL)
    {
      if (!(school = xa_store_prepare (self,
                                       "SELECT count(*) FROM organisation"
                                       " WHERE kind = 'school' AND code = ? AND deleted_at IS NULL",
                                       error)))
        return FALSE;
      xa_statement_bind_text (school, 1, add->code);
      if (!xa_statement_step_one (school, error))
        return FALSE;
      if (xa_statement_get_int64 (school, 0) == 0)
        {
          g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_FOUND,
                       _("There is no school with the code %s; add it first"), add->code);
          return FALSE;
        }
    }

  {
    g_autoptr(XaStatement) exists = NULL;

    if (!(exists = xa_store_prepare (self, "SELECT count(*) FROM pg_catalog.pg_roles WHERE rolname = ?", error)))
      return FALSE;
    xa_statement_bind_text (exists, 1, add->role_name);
    if (!xa_statement_step_one (exists, error))
      return FALSE;
    if (xa_statement_get_int64 (exists, 0) > 0)
      {
        g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT,
                     _("The server already has a role “%s”; choose another name with --role"),
                     add->role_name);
        return FALSE;
      }
  }

  /* 96 random bits of the server's strong source, as hex: safe inside the DDL. */
  if (!(password = xa_store_prepare (self,
                                     "SELECT replace (gen_random_uuid ()::text, '-', '')"
                                     " || replace (gen_random_uuid ()::text, '-', '')",
                                     error)) ||
      !xa_statement_step_one (password, error))
    return FALSE;
  g_free (add->password);
  add->password = g_strndup (xa_statement_get_text (password, 0), 24);

  create = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD '%s' IN ROLE %s",
                            add->role_name, add->password,
                            add->code != NULL ? "xiaoan_school" : "xiaoan_commission");
  if (!xa_store_exec (self, create, error))
    return FALSE;

  if (!(map = xa_store_prepare (self,
                                "INSERT INTO server_role (role_name, organisation_code, created_at)"
                                " VALUES (?, ?, ?)",
                                error)))
    return FALSE;
  xa_statement_bind_text (map, 1, add->role_name);
  xa_statement_bind_text (map, 2, add->code);
  xa_statement_bind_text (map, 3, at);
  if (!xa_statement_run (map, error))
    return FALSE;

  detail = add->code != NULL
           ? g_strdup_printf ("{\"role\":\"%s\",\"school\":\"%s\"}", add->role_name, add->code)
           : g_strdup_printf ("{\"role\":\"%s\"}", add->role_name);
  return xa_store_append_audit (self, "server.add-role", "server_role", add->role_name, detail, error);
}

static char *
add_role (XaStore     *self,
          const char  *role_name,
          const char  *code,
          GError     **error)
{
  AddRole add = { role_name, code, NULL };

  if (!require_server (self, error) || !check_role_name (role_name, error))
    return NULL;

  if (!xa_store_write (self, add_role_func, &add, error))
    {
      g_free (add.password);
      return NULL;
    }

  return add.password;
}

/**
 * xa_store_server_add_school:
 * @code: the school's 10-digit code, as the registry has it
 * @role_name: (nullable): the login role; %NULL for `school_CODE`
 *
 * Creates the login role of a school, which reads and writes only that school's rows.
 *
 * Returns: (transfer full): the role's first password, to hand to the school once (it
 *   keeps it in its keyring), or %NULL with @error set
 */
char *
xa_store_server_add_school (XaStore     *self,
                            const char  *code,
                            const char  *role_name,
                            GError     **error)
{
  g_autofree char *default_name = NULL;

  g_return_val_if_fail (XA_IS_STORE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  if (role_name == NULL)
    role_name = default_name = g_strconcat ("school_", code, NULL);

  return add_role (self, role_name, code, error);
}

/**
 * xa_store_server_add_staff:
 * @role_name: the login role of a member of the commission's staff
 *
 * Creates a login role of the commission, which reads and writes every school's rows.
 *
 * Returns: (transfer full): the role's first password, or %NULL with @error set
 */
char *
xa_store_server_add_staff (XaStore     *self,
                           const char  *role_name,
                           GError     **error)
{
  g_return_val_if_fail (XA_IS_STORE (self), NULL);
  g_return_val_if_fail (role_name != NULL, NULL);

  return add_role (self, role_name, NULL, error);
}
