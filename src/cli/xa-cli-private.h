/* xa-cli-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the command-line program's files share: the parsed command line, the commands of
 * each group, and the helpers that keep messages and exit codes alike across commands
 * (DESIGN.md §8).
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "core/xa-workspace.h"
#include "core/agreements/xa-template-diff.h"
#include "document/xa-font-resolver.h"
#include "document/xa-page-layout.h"

G_BEGIN_DECLS

enum {
  EXIT_OK = 0,
  EXIT_USER_ERROR = 1,
  EXIT_USAGE = 2,
};

/* The options a command takes; xa-cli.c parses only those of the command that runs, so
 * that any other is a usage error. */
typedef enum
{
  XA_CLI_OPTION_YEAR    = 1 << 0,
  XA_CLI_OPTION_SCHOOL  = 1 << 1,
  XA_CLI_OPTION_ALL     = 1 << 2,
  XA_CLI_OPTION_JSON    = 1 << 3,
  XA_CLI_OPTION_TO      = 1 << 4,
  XA_CLI_OPTION_OUT     = 1 << 5,
  XA_CLI_OPTION_COPY    = 1 << 6,
  XA_CLI_OPTION_PDF     = 1 << 7,
  XA_CLI_OPTION_DATE    = 1 << 8,
  XA_CLI_OPTION_CLEAR   = 1 << 9,
  XA_CLI_OPTION_SCHOOLS = 1 << 10,
  XA_CLI_OPTION_SEED    = 1 << 11,
  XA_CLI_OPTION_KEEP    = 1 << 12,
  XA_CLI_OPTION_LATEST  = 1 << 13,
  XA_CLI_OPTION_HEAD    = 1 << 14,
  XA_CLI_OPTION_SEARCH  = 1 << 15,
  XA_CLI_OPTION_ROLE    = 1 << 16,
  XA_CLI_OPTION_FROM    = 1 << 17,
  XA_CLI_OPTION_TO_STORE = 1 << 18,
  XA_CLI_OPTION_NAME    = 1 << 19,
  XA_CLI_OPTION_DRY_RUN = 1 << 20,
  XA_CLI_OPTION_REVISION = 1 << 21,
  XA_CLI_OPTION_AGAINST_TEMPLATE = 1 << 22,
} XaCliOptions;

/* An option of one command alone, whose value the command reads by name
 * (xa_cli_get_option()): the hazard commands take one for each column. */
typedef struct
{
  const char *name;             /* "found-on" */
  GOptionArg  arg;              /* G_OPTION_ARG_STRING, or G_OPTION_ARG_NONE for a switch */
  const char *description;
  const char *arg_description;
  const char *needs;            /* the message when its value is missing */
} XaCliOption;

/* The command line, parsed. */
typedef struct
{
  /* Global options */
  char        *data_dir;
  char        *database;       /* --database: a file or a postgresql:// URI */
  char        *operator_name;

  /* The command only reads: its workspace opens read-only (from the command table). */
  gboolean     read_only;

  /* The command's options; unset (NULL, FALSE) when not given. */
  char       **years;          /* every --year in order: "template diff" takes two */
  const char  *year;           /* the last --year */
  char        *school;
  gboolean     all;
  gboolean     json;
  char        *to;
  char        *out;
  char        *copy;
  char        *pdf;
  char        *date;
  gboolean     clear;
  char        *schools;
  char        *seed;
  char        *keep;
  gboolean     latest;
  char        *head;
  char        *search;
  char        *role;
  char        *from;
  char        *name;
  gboolean     dry_run;
  char        *revision;
  gboolean     against_template;

  /* The command's arguments, as many as it takes. */
  char       **args;

  /* The command's own options (XaCliOption), and their values by their index. */
  const XaCliOption *options;
  char       **option_values;
  gboolean    *option_switches;
} XaCli;

typedef int (*XaCliHandler) (XaCli *cli);

const char  *xa_cli_get_option           (XaCli           *cli,
                                          const char      *name);
gboolean     xa_cli_get_switch           (XaCli           *cli,
                                          const char      *name);
int          xa_cli_usage_error          (const char      *format,
                                          ...) G_GNUC_PRINTF (1, 2);
int          xa_cli_user_error           (const GError    *error);
char        *xa_cli_dup_database      (XaCli       *cli);
XaWorkspace *xa_cli_open_workspace       (XaCli           *cli,
                                          GError         **error);
void         xa_cli_print_json_array     (JsonArray       *array);
int          xa_cli_parse_date           (const char      *option,
                                          const char      *text,
                                          char           **date);
int          xa_cli_make_folder          (const char      *dir);
void         xa_cli_print_font_warnings  (XaFontResolver  *fonts);
gboolean     xa_cli_save_layout          (XaPageLayout    *layout,
                                          XaFontResolver  *fonts,
                                          const char      *path,
                                          GError         **error);
XaOrganisation *xa_cli_find_school       (XaWorkspace     *workspace,
                                          const char      *code,
                                          gboolean         removed_too,
                                          GError         **error);

/* xa-cli-store.c */
int          xa_cli_store_init           (XaCli           *cli);
int          xa_cli_store_demo           (XaCli           *cli);
int          xa_cli_store_audit_verify   (XaCli           *cli);
int          xa_cli_store_audit_head     (XaCli           *cli);

/* xa-cli-school.c */
int          xa_cli_school_import        (XaCli           *cli);
int          xa_cli_school_list          (XaCli           *cli);

/* xa-cli-agreement.c */
int          xa_cli_agreement_generate   (XaCli           *cli);
int          xa_cli_agreement_list       (XaCli           *cli);
int          xa_cli_agreement_advance    (XaCli           *cli);
int          xa_cli_agreement_revise     (XaCli           *cli);
int          xa_cli_agreement_set_date   (XaCli           *cli);
int          xa_cli_agreement_render     (XaCli           *cli);
int          xa_cli_scan_match           (XaCli           *cli);
int          xa_cli_agreement_supplement_list   (XaCli    *cli);
int          xa_cli_agreement_supplement_add    (XaCli    *cli);
int          xa_cli_agreement_supplement_remove (XaCli    *cli);
int          xa_cli_agreement_diff       (XaCli           *cli);

/* xa-cli-backup.c */
int          xa_cli_backup_create        (XaCli           *cli);
int          xa_cli_backup_list          (XaCli           *cli);
int          xa_cli_backup_restore       (XaCli           *cli);
int          xa_cli_server_setup         (XaCli           *cli);
int          xa_cli_server_add_school    (XaCli           *cli);
int          xa_cli_server_add_staff     (XaCli           *cli);
int          xa_cli_migrate              (XaCli           *cli);

/* xa-cli-hazard.c */
extern const XaCliOption xa_cli_hazard_add_options[];
extern const XaCliOption xa_cli_hazard_advance_options[];
extern const XaCliOption xa_cli_hazard_list_options[];
extern const XaCliOption xa_cli_demo_options[];
int          xa_cli_hazard_add           (XaCli           *cli);
int          xa_cli_hazard_advance       (XaCli           *cli);
int          xa_cli_hazard_list          (XaCli           *cli);
int          xa_cli_hazard_show          (XaCli           *cli);
int          xa_cli_hazard_demo          (XaWorkspace     *workspace,
                                          XaCli           *cli);
int          xa_cli_hazard_demo_photos   (XaWorkspace     *workspace,
                                          XaCli           *cli);

/* xa-cli-plan.c */
extern const XaCliOption xa_cli_plan_add_options[];
extern const XaCliOption xa_cli_plan_list_options[];
extern const XaCliOption xa_cli_plan_review_options[];
int          xa_cli_plan_add             (XaCli           *cli);
int          xa_cli_plan_list            (XaCli           *cli);
int          xa_cli_plan_review          (XaCli           *cli);

/* xa-cli-education.c */
extern const XaCliOption xa_cli_education_add_options[];
extern const XaCliOption xa_cli_education_print_options[];
extern const XaCliOption xa_cli_education_settings_options[];
extern const XaCliOption xa_cli_education_plan_options[];
int          xa_cli_education_settings   (XaCli           *cli);
int          xa_cli_education_plan       (XaCli           *cli);
int          xa_cli_education_print      (XaCli           *cli);
int          xa_cli_education_roster     (XaCli           *cli);
int          xa_cli_education_add        (XaCli           *cli);
int          xa_cli_education_list       (XaCli           *cli);
int          xa_cli_education_coverage   (XaCli           *cli);
int          xa_cli_education_demo       (XaWorkspace     *workspace,
                                          XaCli           *cli);

/* xa-cli-hazard-policy.c */
extern const XaCliOption xa_cli_hazard_deadlines_options[];
int          xa_cli_hazard_deadlines     (XaCli           *cli);

/* xa-cli-hazard-summary.c */
extern const XaCliOption xa_cli_hazard_summary_options[];
extern const XaCliOption xa_cli_hazard_supervision_options[];
int          xa_cli_hazard_summary       (XaCli           *cli);
int          xa_cli_hazard_supervision   (XaCli           *cli);
/* xa-cli-hazard-files.c */
extern const XaCliOption xa_cli_hazard_export_options[];
extern const XaCliOption xa_cli_hazard_form_options[];
int          xa_cli_hazard_export        (XaCli           *cli);
int          xa_cli_hazard_import        (XaCli           *cli);
int          xa_cli_hazard_notice        (XaCli           *cli);
int          xa_cli_hazard_closing       (XaCli           *cli);
/* xa-cli-inspection.c */
extern const XaCliOption xa_cli_inspection_add_options[];
extern const XaCliOption xa_cli_inspection_hazard_options[];
extern const XaCliOption xa_cli_inspection_missed_options[];
extern const XaCliOption xa_cli_inspection_print_options[];
extern const XaCliOption xa_cli_campaign_record_options[];
int          xa_cli_inspection_add       (XaCli           *cli);
int          xa_cli_inspection_list      (XaCli           *cli);
int          xa_cli_inspection_show      (XaCli           *cli);
int          xa_cli_inspection_print     (XaCli           *cli);
int          xa_cli_inspection_hazard    (XaCli           *cli);
int          xa_cli_inspection_missed    (XaCli           *cli);
int          xa_cli_campaign_launch      (XaCli           *cli);
int          xa_cli_campaign_list        (XaCli           *cli);
int          xa_cli_campaign_record      (XaCli           *cli);
int          xa_cli_campaign_grid        (XaCli           *cli);
int          xa_cli_find_campaign        (XaCli           *cli,
                                          XaWorkspace     *workspace,
                                          XaOrganisation **school,
                                          XaCampaign     **campaign);

/* xa-cli-campaign-files.c */
extern const XaCliOption xa_cli_campaign_attach_options[];
extern const XaCliOption xa_cli_campaign_files_options[];
extern const XaCliOption xa_cli_agreement_render_options[];
int          xa_cli_campaign_attach      (XaCli           *cli);
int          xa_cli_campaign_files       (XaCli           *cli);
int          xa_cli_campaign_detach      (XaCli           *cli);
int          xa_cli_inspection_demo      (XaWorkspace     *workspace,
                                          XaCli           *cli);

/* xa-cli-seal.c */
extern const XaCliOption xa_cli_seal_import_options[];
extern const XaCliOption xa_cli_seal_list_options[];
extern const XaCliOption xa_cli_seal_withdraw_options[];
int          xa_cli_seal_import          (XaCli           *cli);
int          xa_cli_seal_list            (XaCli           *cli);
int          xa_cli_seal_withdraw        (XaCli           *cli);

/* xa-cli-archive.c */
extern const XaCliOption xa_cli_archive_import_options[];
extern const XaCliOption xa_cli_archive_list_options[];
extern const XaCliOption xa_cli_archive_board_options[];
extern const XaCliOption xa_cli_archive_due_options[];
extern const XaCliOption xa_cli_archive_preview_options[];
int          xa_cli_archive_import       (XaCli           *cli);
int          xa_cli_archive_link         (XaCli           *cli);
int          xa_cli_archive_list         (XaCli           *cli);
int          xa_cli_archive_check        (XaCli           *cli);
int          xa_cli_archive_board        (XaCli           *cli);
int          xa_cli_archive_due          (XaCli           *cli);
int          xa_cli_archive_preview      (XaCli           *cli);
int          xa_cli_archive_export       (XaCli           *cli);

/* xa-cli-pdf.c */
extern const XaCliOption xa_cli_pdf_sign_options[];
int          xa_cli_pdf_sign             (XaCli           *cli);
int          xa_cli_pdf_verify           (XaCli           *cli);

/* xa-cli-inspection.c, shared with xa-cli-drill.c */
int          xa_cli_complete_hazard      (XaCli           *cli,
                                          XaWorkspace     *workspace,
                                          XaHazard        *hazard,
                                          const char      *found_on);

/* xa-cli-drill.c */
extern const XaCliOption xa_cli_drill_add_options[];
int          xa_cli_drill_add            (XaCli           *cli);
int          xa_cli_drill_list           (XaCli           *cli);
extern const XaCliOption xa_cli_drill_missed_options[];
int          xa_cli_drill_missed         (XaCli           *cli);
int          xa_cli_drill_print          (XaCli           *cli);
int          xa_cli_drill_hazard         (XaCli           *cli);
extern const XaCliOption xa_cli_drill_policy_options[];
int          xa_cli_drill_policy         (XaCli           *cli);
int          xa_cli_drill_demo           (XaWorkspace     *workspace,
                                          XaCli           *cli);

/* xa-cli-incident.c */
extern const XaCliOption xa_cli_incident_add_options[];
extern const XaCliOption xa_cli_incident_edit_options[];
extern const XaCliOption xa_cli_drill_edit_options[];
extern const XaCliOption xa_cli_education_edit_options[];
int          xa_cli_drill_edit           (XaCli           *cli);
int          xa_cli_education_edit       (XaCli           *cli);
int          xa_cli_incident_edit        (XaCli           *cli);
int          xa_cli_incident_add         (XaCli           *cli);
int          xa_cli_incident_list        (XaCli           *cli);
int          xa_cli_incident_veto        (XaCli           *cli);
int          xa_cli_incident_print       (XaCli           *cli);

/* xa-cli-assessment-evidence.c */
extern const XaCliOption xa_cli_assessment_evidence_options[];
int          xa_cli_assessment_evidence  (XaCli           *cli);

/* xa-cli-dispute.c */
extern const XaCliOption xa_cli_dispute_add_options[];
extern const XaCliOption xa_cli_dispute_advance_options[];
int          xa_cli_dispute_add          (XaCli           *cli);
int          xa_cli_dispute_advance      (XaCli           *cli);
int          xa_cli_dispute_list         (XaCli           *cli);
int          xa_cli_dispute_judge        (XaCli           *cli);

/* xa-cli-duty.c */
void         xa_cli_print_added          (XaCli           *cli,
                                          JsonObject      *object,
                                          const char      *uuid);
int          xa_cli_dup_option_date      (XaCli           *cli,
                                          const char      *name,
                                          gboolean         fallback_today,
                                          char           **date);
extern const XaCliOption xa_cli_duty_add_options[];
extern const XaCliOption xa_cli_duty_range_options[];
extern const XaCliOption xa_cli_visitor_add_options[];
extern const XaCliOption xa_cli_visitor_leave_options[];
int          xa_cli_duty_add             (XaCli           *cli);
int          xa_cli_duty_list            (XaCli           *cli);
int          xa_cli_duty_check           (XaCli           *cli);
int          xa_cli_visitor_add          (XaCli           *cli);
int          xa_cli_visitor_leave        (XaCli           *cli);
int          xa_cli_visitor_list         (XaCli           *cli);

/* xa-cli-protection.c */
extern const XaCliOption xa_cli_guard_add_options[];
extern const XaCliOption xa_cli_guard_edit_options[];
extern const XaCliOption xa_cli_guard_headcount_options[];
extern const XaCliOption xa_cli_guard_policy_options[];
extern const XaCliOption xa_cli_guard_check_options[];
extern const XaCliOption xa_cli_device_add_options[];
extern const XaCliOption xa_cli_device_list_options[];
extern const XaCliOption xa_cli_device_repair_options[];
int          xa_cli_guard_add            (XaCli           *cli);
int          xa_cli_guard_edit           (XaCli           *cli);
int          xa_cli_guard_list           (XaCli           *cli);
int          xa_cli_guard_headcount      (XaCli           *cli);
int          xa_cli_guard_policy         (XaCli           *cli);
int          xa_cli_guard_check          (XaCli           *cli);
int          xa_cli_device_add           (XaCli           *cli);
int          xa_cli_device_list          (XaCli           *cli);
int          xa_cli_device_repair        (XaCli           *cli);

/* xa-cli-key-person.c */
extern const XaCliOption xa_cli_key_person_add_options[];
extern const XaCliOption xa_cli_key_person_note_options[];
extern const XaCliOption xa_cli_key_person_staff_options[];
int          xa_cli_key_person_add       (XaCli           *cli);
int          xa_cli_key_person_list      (XaCli           *cli);
int          xa_cli_key_person_show      (XaCli           *cli);
int          xa_cli_key_person_note      (XaCli           *cli);
int          xa_cli_key_person_staff     (XaCli           *cli);
int          xa_cli_dispute_demo         (XaWorkspace     *workspace,
                                          XaCli           *cli);

/* xa-cli-assessment.c */
extern const XaCliOption xa_cli_assessment_scheme_options[];
extern const XaCliOption xa_cli_assessment_self_options[];
extern const XaCliOption xa_cli_assessment_entry_options[];
extern const XaCliOption xa_cli_assessment_revise_options[];
extern const XaCliOption xa_cli_assessment_h_options[];
extern const XaCliOption xa_cli_assessment_veto_options[];
int          xa_cli_assessment_scheme_show    (XaCli      *cli);
int          xa_cli_assessment_scheme_copy    (XaCli      *cli);
int          xa_cli_assessment_scheme_compare (XaCli      *cli);
int          xa_cli_assessment_scheme_export  (XaCli      *cli);
int          xa_cli_assessment_scheme_import  (XaCli      *cli);
int          xa_cli_assessment_self      (XaCli           *cli);
int          xa_cli_assessment_score     (XaCli           *cli);
int          xa_cli_assessment_h         (XaCli           *cli);
int          xa_cli_assessment_veto      (XaCli           *cli);
int          xa_cli_assessment_finalise  (XaCli           *cli);
int          xa_cli_assessment_publish   (XaCli           *cli);
int          xa_cli_assessment_revise    (XaCli           *cli);
int          xa_cli_assessment_list      (XaCli           *cli);
int          xa_cli_assessment_show      (XaCli           *cli);
int          xa_cli_assessment_demo      (XaWorkspace     *workspace,
                                          XaCli           *cli);

/* xa-cli-assessment-report.c */
extern const XaCliOption xa_cli_assessment_report_options[];
extern const XaCliOption xa_cli_assessment_export_options[];
int          xa_cli_assessment_report    (XaCli           *cli);
int          xa_cli_assessment_export    (XaCli           *cli);

/* xa-cli-template.c */
int          xa_cli_template_list        (XaCli           *cli);
int          xa_cli_template_export      (XaCli           *cli);
int          xa_cli_template_import      (XaCli           *cli);
int          xa_cli_template_next_year   (XaCli           *cli);
int          xa_cli_template_diff        (XaCli           *cli);
int          xa_cli_template_import_text (XaCli           *cli);
int          xa_cli_print_diff           (XaTemplateDiff  *diff,
                                          const char      *pdf);

G_END_DECLS
