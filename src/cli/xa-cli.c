/* xa-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command-line program: the app's capabilities without a display (DESIGN.md §8).
 * This file holds the table of commands and what they share: the global options, one
 * GOptionContext per command with only that command's options, the workspace every
 * command opens, and the messages. Exit status 0 on success, 1 on a user error (one line
 * per problem on stderr), 2 on a usage error (one line).
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xa-cli-private.h"
#include "xa-cli.h"
#include "core/util/xa-date.h"
#include "document/xa-page-layout.h"

/* One option as every command that takes it sees it. */
typedef struct
{
  XaCliOptions  flag;
  const char   *name;
  GOptionArg    arg;
  glong         offset;            /* of its field in XaCli */
  const char   *description;
  const char   *arg_description;
  const char   *needs;             /* the message when its value is missing */
} OptionSpec;

/* What a command does to the database. A command that only reads opens it read-only:
 * it creates nothing, migrates nothing, stores no defaults, and says so when there is no
 * database yet. */
typedef enum
{
  XA_CLI_WRITES = 0,  /* the default: opens for writing, creating or migrating */
  XA_CLI_READS,
} XaCliAccess;

typedef struct
{
  const char   *name;              /* "school import" */
  const char   *synopsis;          /* its options and arguments, as the help shows them */
  const char   *argument;          /* the one argument it takes ("FILE.csv"), or NULL */
  XaCliOptions  options;
  XaCliHandler  handler;
  const char   *summary[9];        /* lines of help, NULL-terminated */
  XaCliAccess   access;
  const XaCliOption *own_options;  /* options of this command alone, or NULL */
} XaCliCommand;

#define OFFSET(field) G_STRUCT_OFFSET (XaCli, field)

/* The values ("Y", "CODE") are left as they are: they stand for what the user types. */
static const OptionSpec option_specs[] = {
  { XA_CLI_OPTION_YEAR, "year", G_OPTION_ARG_STRING_ARRAY, OFFSET (years),
    N_("the school year, such as 2021-2022 or 2021"), "Y",
    N_("--year needs a school year, such as 2021-2022") },
  { XA_CLI_OPTION_SCHOOL, "school", G_OPTION_ARG_STRING, OFFSET (school),
    N_("the school, by its code (学校标识码)"), "CODE",
    N_("--school needs a school code (学校标识码)") },
  { XA_CLI_OPTION_ALL, "all", G_OPTION_ARG_NONE, OFFSET (all),
    N_("every school"), NULL, NULL },
  { XA_CLI_OPTION_JSON, "json", G_OPTION_ARG_NONE, OFFSET (json),
    N_("print JSON instead of one tab-separated line each"), NULL, NULL },
  { XA_CLI_OPTION_SEARCH, "search", G_OPTION_ARG_STRING, OFFSET (search),
    N_("only the schools whose name, code or address holds TERM (one character and up)"), "TERM",
    N_("--search needs what to look for, such as --search 实验") },
  { XA_CLI_OPTION_TO, "to", G_OPTION_ARG_STRING, OFFSET (to),
    N_("the new state: pending, signed, archived or draft"), "STATE",
    N_("--to needs a state: pending, signed, archived or draft") },
  { XA_CLI_OPTION_OUT, "out", G_OPTION_ARG_FILENAME, OFFSET (out),
    N_("a folder for one PDF per school, or a .pdf file for one school"), "DIR|FILE.pdf",
    N_("--out needs a folder or a .pdf file") },
  { XA_CLI_OPTION_COPY, "copy", G_OPTION_ARG_STRING, OFFSET (copy),
    N_("which originals: commission, school or both (the default)"), "COPY",
    N_("--copy needs commission, school or both") },
  { XA_CLI_OPTION_PDF, "pdf", G_OPTION_ARG_FILENAME, OFFSET (pdf),
    N_("write the comparison as a PDF file"), "FILE.pdf",
    N_("--pdf needs a file name, such as diff.pdf") },
  { XA_CLI_OPTION_DATE, "date", G_OPTION_ARG_STRING, OFFSET (date),
    N_("the signing date, such as 2021-09-01"), "YYYY-MM-DD",
    N_("--date needs a date, such as 2021-09-01") },
  { XA_CLI_OPTION_CLEAR, "clear", G_OPTION_ARG_NONE, OFFSET (clear),
    N_("remove the signing date: 年　月　日 is printed again"), NULL, NULL },
  { XA_CLI_OPTION_SCHOOLS, "schools", G_OPTION_ARG_STRING, OFFSET (schools),
    N_("how many schools, from 1 to 2000"), "N",
    N_("--schools needs a number from 1 to 2000") },
  { XA_CLI_OPTION_SEED, "seed", G_OPTION_ARG_STRING, OFFSET (seed),
    N_("the same seed makes the same district"), "S",
    N_("--seed needs a whole number from 0 to 4294967295") },
  { XA_CLI_OPTION_KEEP, "keep", G_OPTION_ARG_STRING, OFFSET (keep),
    N_("how many verified backups to keep, from 1 to 1000 (default 10)"), "N",
    N_("--keep needs a number from 1 to 1000") },
  { XA_CLI_OPTION_LATEST, "latest", G_OPTION_ARG_NONE, OFFSET (latest),
    N_("the newest backup that verifies"), NULL, NULL },
  { XA_CLI_OPTION_HEAD, "head", G_OPTION_ARG_STRING, OFFSET (head),
    N_("a head the chain once reached, as an exported PDF's keywords give it (审计链 #SEQ HASH)"), "HEAD",
    N_("--head needs the head an exported file carries, such as “审计链 #123 9f86d0…”") },
  { XA_CLI_OPTION_FROM, "from", G_OPTION_ARG_STRING, OFFSET (from),
    N_("the store to move: a database file or a postgresql:// address"), "LOCATION",
    N_("--from needs a database file or a postgresql:// address") },
  { XA_CLI_OPTION_TO_STORE, "to", G_OPTION_ARG_STRING, OFFSET (to),
    N_("a new, empty database: a file or a postgresql:// address"), "LOCATION",
    N_("--to needs a database file or a postgresql:// address") },
  { XA_CLI_OPTION_ROLE, "role", G_OPTION_ARG_STRING, OFFSET (role),
    N_("the login role (default: school_CODE)"), "NAME",
    N_("--role needs a role name, such as school_3101000001") },
  { XA_CLI_OPTION_NAME, "name", G_OPTION_ARG_STRING, OFFSET (name),
    N_("the template's name (default: its title)"), "NAME",
    N_("--name needs the template's name") },
  { XA_CLI_OPTION_DRY_RUN, "dry-run", G_OPTION_ARG_NONE, OFFSET (dry_run),
    N_("only show what is recognised; store nothing"), NULL, NULL },
  { XA_CLI_OPTION_REVISION, "revision", G_OPTION_ARG_STRING, OFFSET (revision),
    N_("the agreement's revision, from 1 (default: the current one)"), "N",
    N_("--revision needs a revision number, such as 2") },
  { XA_CLI_OPTION_AGAINST_TEMPLATE, "against-template", G_OPTION_ARG_NONE, OFFSET (against_template),
    N_("compare with the template version the agreement was made from"), NULL, NULL },
};

static const XaCliCommand commands[] = {
  { "init", "", NULL, 0, xa_cli_store_init,
    { N_("create the database, or update it to this version") } },
  { "demo", "[--schools N] [--seed S] [--hazards N] [--inspections] [--photos N] [--education] [--drills] [--governance] [--assessment]", NULL, XA_CLI_OPTION_SCHOOLS | XA_CLI_OPTION_SEED,
    xa_cli_store_demo,
    { N_("fill an empty database with a fictional demo district"),
      N_("--hazards N adds a hazard ledger of N hazards over its last five school years"),
      N_("--inspections adds this school year's inspections and special campaigns up to today"),
      N_("--photos N adds photos, as found and as rectified, to N open hazards of the latest year"),
      N_("--education adds rosters and safety education records of this school year"),
      N_("--drills adds this school year's drills up to today and a few incidents"),
      N_("--governance adds the 综治 registers: disputes and a key person whose name says it is invented"),
      N_("--assessment adds this school year's scoring round: self-assessments, scores, a veto, published results") },
    XA_CLI_WRITES, xa_cli_demo_options },
  { "school import", "FILE.csv", "FILE.csv", 0, xa_cli_school_import,
    { N_("import a school list (UTF-8 or GB18030), all or nothing") } },
  { "school list", "[--search TERM] [--json]", NULL, XA_CLI_OPTION_JSON | XA_CLI_OPTION_SEARCH,
    xa_cli_school_list,
    { N_("list the schools") }, XA_CLI_READS },
  { "audit verify", "[--head HEAD]", NULL, XA_CLI_OPTION_HEAD, xa_cli_store_audit_verify,
    { N_("check that the audit log has not been altered") }, XA_CLI_READS },
  { "audit head", "[--json]", NULL, XA_CLI_OPTION_JSON, xa_cli_store_audit_head,
    { N_("print the audit chain's last sequence number and hash") }, XA_CLI_READS },
  { "agreement generate", "--year Y (--school CODE | --all)", NULL,
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_ALL, xa_cli_agreement_generate,
    { N_("make draft agreements from the year's template; schools that have one are skipped") } },
  { "agreement list", "--year Y [--json]", NULL,
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_JSON, xa_cli_agreement_list,
    { N_("list the current agreements of a school year with their state") }, XA_CLI_READS },
  { "agreement advance", "--year Y --school CODE --to pending|signed|archived|draft", NULL,
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_TO, xa_cli_agreement_advance,
    { N_("move an agreement on: draft → pending → signed → archived (pending may go back to draft)") } },
  { "agreement revise", "--year Y --school CODE", NULL,
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL, xa_cli_agreement_revise,
    { N_("supersede a signed agreement with a new draft revision") } },
  { "agreement set-date", "--year Y (--school CODE | --all) (--date YYYY-MM-DD | --clear)", NULL,
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_ALL | XA_CLI_OPTION_DATE | XA_CLI_OPTION_CLEAR,
    xa_cli_agreement_set_date,
    { N_("print a signing date (2021年9月1日) under both parties of draft agreements instead of 年　月　日") } },
  { "agreement supplement list", "--year Y --school CODE [--json]", NULL,
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_JSON, xa_cli_agreement_supplement_list,
    { N_("list the school's supplementary clauses (补充条款) of its agreement, numbered") }, XA_CLI_READS },
  { "agreement supplement add", "--year Y --school CODE TEXT", "[TEXT]",
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL, xa_cli_agreement_supplement_add,
    { N_("add a supplementary clause of the school after the others; only to a draft") } },
  { "agreement supplement remove", "--year Y --school CODE N", "[N]",
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL, xa_cli_agreement_supplement_remove,
    { N_("remove the school's supplementary clause number N from a draft; those after it move up") } },
  { "agreement diff", "--year Y --school CODE [--revision N] [--against-template] [--pdf FILE.pdf]", NULL,
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_REVISION | XA_CLI_OPTION_AGAINST_TEMPLATE |
    XA_CLI_OPTION_PDF, xa_cli_agreement_diff,
    { N_("compare an agreement clause by clause with the revision before it, or with its template"),
      N_("the school's supplementary clauses come last, marked as the school's"),
      N_("--pdf writes the comparison as a PDF, changed words underlined or struck through") }, XA_CLI_READS },
  { "agreement render", "--year Y (--school CODE | --all) --out DIR|FILE.pdf [--copy commission|school|both] [--no-page-codes]", NULL,
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_ALL | XA_CLI_OPTION_OUT | XA_CLI_OPTION_COPY,
    xa_cli_agreement_render,
    { N_("write agreements as PDF: one file per school, named CODE-NAME.pdf in DIR"),
      N_("--copy both (the default) puts both originals in one file: the commission's copy, then the school's"),
      N_("a school without an agreement for the year gets a draft first, as stderr says"),
      N_("each page carries a small QR code that “scan match” reads back; --no-page-codes leaves it out") },
    XA_CLI_WRITES, xa_cli_agreement_render_options },
  { "scan match", "FILE… [--json]", "FILE…", XA_CLI_OPTION_JSON, xa_cli_scan_match,
    { N_("read the QR codes on a scan of signed agreement pages (PDF, JPEG, PNG, TIFF) and report its agreement and copy"),
      N_("the pages in order, and those missing, duplicate, foreign, without a code or changed since printing"),
      N_("stores nothing; exit status 1 when the scan is not the whole agreement as stored") },
    XA_CLI_READS },
  { "hazard add", "--school CODE --place TEXT --description TEXT … [--json]", NULL,
    XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_YEAR | XA_CLI_OPTION_JSON, xa_cli_hazard_add,
    { N_("record a hazard in the ledger; it gets the next number of its school and year"),
      N_("each column is an option (“hazard add --help” lists them); the date found defaults to today") },
    XA_CLI_WRITES, xa_cli_hazard_add_options },
  { "hazard advance", "NUMBER STEP --who NAME [--date YYYY-MM-DD] [--note TEXT]", "NUMBER STEP", 0,
    xa_cli_hazard_advance,
    { N_("take a step of a hazard's rectification: start, complete, pass, fail or close") },
    XA_CLI_WRITES, xa_cli_hazard_advance_options },
  { "hazard list", "[--school CODE] [--year Y] [--status KEY] [--overdue] [--search TEXT] [--limit N] [--sort COLUMN] [--json]", NULL,
    XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_YEAR | XA_CLI_OPTION_JSON, xa_cli_hazard_list,
    { N_("list the ledger's hazards, filtered and sorted as in the app"),
      N_("“hazard list --help” lists the filters") },
    XA_CLI_READS, xa_cli_hazard_list_options },
  { "hazard show", "NUMBER [--json]", "NUMBER", XA_CLI_OPTION_JSON, xa_cli_hazard_show,
    { N_("show every column of a hazard and the steps of its rectification") }, XA_CLI_READS },
  { "hazard summary", "--year Y [--school CODE] [--on YYYY-MM-DD] [--json]", NULL,
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_JSON, xa_cli_hazard_summary,
    { N_("count the open and overdue hazards of a school year by school and category, and list the open major hazards"),
      N_("with their report to the commission and supervision (挂牌督办)") },
    XA_CLI_READS, xa_cli_hazard_summary_options },
  { "hazard deadlines", "[--general DAYS] [--major DAYS] [--json]", NULL, XA_CLI_OPTION_JSON, xa_cli_hazard_deadlines,
    { N_("show or set the district's default deadlines of a hazard, by grade"),
      N_("a form proposes the found day plus these days; each hazard's deadline can still be changed") },
    XA_CLI_WRITES, xa_cli_hazard_deadlines_options },
  { "hazard supervision", "--year Y --school CODE [--on YYYY-MM-DD] [--by YYYY-MM-DD] --out FILE.pdf", NULL,
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_OUT, xa_cli_hazard_supervision,
    { N_("write the commission's supervision notice (督办通知) to a school for its overdue hazards") },
    XA_CLI_READS, xa_cli_hazard_supervision_options },
  { "hazard export", "--school CODE --year Y --out FILE [--format pdf|xlsx|csv]", NULL,
    XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_YEAR, xa_cli_hazard_export,
    { N_("write a school's ledger of a school year as the official PDF, an XLSX workbook or a CSV file") },
    XA_CLI_READS, xa_cli_hazard_export_options },
  { "hazard import", "FILE [--school CODE] [--dry-run]", "FILE", XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_DRY_RUN,
    xa_cli_hazard_import,
    { N_("store a school's existing ledger from an XLSX or CSV file, all or nothing"),
      N_("the school is the one its hazard numbers name, or --school; --dry-run only checks the file") },
    XA_CLI_WRITES },
  { "hazard notice", "NUMBER --out FILE.pdf", "NUMBER", 0, xa_cli_hazard_notice,
    { N_("print a hazard's rectification notice (隐患整改通知书) as a PDF") }, XA_CLI_READS,
    xa_cli_hazard_form_options },
  { "hazard closing", "NUMBER --out FILE.pdf", "NUMBER", 0, xa_cli_hazard_closing,
    { N_("print a closed hazard's closing form (销号单) as a PDF") }, XA_CLI_READS,
    xa_cli_hazard_form_options },
  { "inspection add", "--school CODE --checklist AREA,… --leader NAME [--type TYPE] [--date YYYY-MM-DD] [--abnormal N:PROBLEM;…] [--json]", NULL,
    XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_YEAR | XA_CLI_OPTION_JSON, xa_cli_inspection_add,
    { N_("record an inspection of a school against checklists; it gets the next number of its school and year"),
      N_("each item is 正常 unless --abnormal names it with the problem found") },
    XA_CLI_WRITES, xa_cli_inspection_add_options },
  { "inspection list", "[--school CODE] [--year Y] [--json]", NULL,
    XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_YEAR | XA_CLI_OPTION_JSON, xa_cli_inspection_list,
    { N_("list inspections, newest first: number, date, type, leader, items, abnormal, not yet in the ledger") },
    XA_CLI_READS },
  { "inspection show", "NUMBER [--json]", "NUMBER", XA_CLI_OPTION_JSON, xa_cli_inspection_show,
    { N_("show an inspection and its items, with the hazard each abnormal one became") }, XA_CLI_READS },
  { "inspection print", "NUMBER --out FILE.pdf", "NUMBER", 0, xa_cli_inspection_print,
    { N_("print an inspection's record (安全检查记录表) as a PDF") }, XA_CLI_READS,
    xa_cli_inspection_print_options },
  { "inspection hazard", "NUMBER ITEM --measures TEXT --department TEXT --responsible NAME [--place TEXT] [--grade KEY] [--deadline YYYY-MM-DD]",
    "NUMBER ITEM", 0, xa_cli_inspection_hazard,
    { N_("turn an abnormal item into a hazard of the ledger, linked to it, in one step") },
    XA_CLI_WRITES, xa_cli_inspection_hazard_options },
  { "inspection missed", "--year Y [--school CODE] [--today YYYY-MM-DD] [--json]", NULL,
    XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_YEAR | XA_CLI_OPTION_JSON, xa_cli_inspection_missed,
    { N_("list the inspections the plan asked for and no school recorded, by school"),
      N_("the plan follows the school calendar: weeks, months, quarters, each semester, holidays, the flood season") },
    XA_CLI_READS, xa_cli_inspection_missed_options },
  { "campaign launch", "--year Y", NULL, XA_CLI_OPTION_YEAR, xa_cli_campaign_launch,
    { N_("launch the agreement's 15 special campaigns for a school year") } },
  { "campaign list", "--year Y [--json]", NULL, XA_CLI_OPTION_YEAR | XA_CLI_OPTION_JSON, xa_cli_campaign_list,
    { N_("list a school year's special campaigns") }, XA_CLI_READS },
  { "campaign record", "--year Y --school CODE --campaign KEY [--plan TEXT] [--activities TEXT] [--summary TEXT]", NULL,
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL, xa_cli_campaign_record,
    { N_("write a school's plan, activities or summary of a campaign; the parts not given stay") },
    XA_CLI_WRITES, xa_cli_campaign_record_options },
  { "campaign grid", "--year Y [--json]", NULL, XA_CLI_OPTION_YEAR | XA_CLI_OPTION_JSON, xa_cli_campaign_grid,
    { N_("show which school completed which campaign (plan, activities and summary)") }, XA_CLI_READS },
  { "campaign attach", "--year Y --school CODE --campaign KEY --part PART FILE", "FILE",
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL, xa_cli_campaign_attach,
    { N_("attach a file to a school's plan, activities or summary of a campaign"),
      N_("PDF, JPEG, PNG, and Word, Excel, PowerPoint or WPS documents; a part with a file counts as written") },
    XA_CLI_WRITES, xa_cli_campaign_attach_options },
  { "campaign files", "--year Y --school CODE --campaign KEY [--json]", NULL,
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_JSON, xa_cli_campaign_files,
    { N_("list the files attached to a school's record of a campaign") }, XA_CLI_READS, xa_cli_campaign_files_options },
  { "campaign detach", "UUID", "UUID", 0, xa_cli_campaign_detach,
    { N_("remove an attached file from its record (“campaign files” shows the UUIDs); the stored file stays") } },
  { "education roster", "--year Y --school CODE FILE", "FILE", XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL,
    xa_cli_education_roster,
    { N_("import a school's roster of a year (XLSX, or CSV in UTF-8 or GB18030), all or nothing"),
      N_("columns 年级, 班级, 姓名 and optionally 学号 and 不计入原因; or 年级, 班级, 人数 where only counts are kept"),
      N_("staff rows have 年级 教职工 and no 班级; the school's roster of the year is replaced") } },
  { "education add", "--year Y --school CODE --date D --audience WHO [--grade G --class C] --form F --topic T --teacher NAME"
    " [--teacher-kind K] [--hours N] --expected N --present N [--absent NAMES] [--makes-up UUID] [--evidence UUIDS]", NULL,
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_DATE, xa_cli_education_add,
    { N_("record a session of safety education; prints its UUID"),
      N_("where the roster has names, every absent person is named (--absent); a make-up names who missed it again") },
    XA_CLI_WRITES, xa_cli_education_add_options },
  { "education list", "--year Y --school CODE [--json]", NULL,
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_JSON, xa_cli_education_list,
    { N_("list a school's education records of a year, by date") }, XA_CLI_READS },
  { "education print", "UUID --out FILE.pdf", "UUID", 0, xa_cli_education_print,
    { N_("print an education record (安全教育记录表) as a PDF") }, XA_CLI_READS, xa_cli_education_print_options },
  { "education plan", "--year Y --school CODE [--plan TEXT] [--materials TEXT]", NULL,
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL, xa_cli_education_plan,
    { N_("record a school's plan and teaching materials of a year (two of the 四落实)") },
    XA_CLI_WRITES, xa_cli_education_plan_options },
  { "education settings", "[--hours-primary N] [--hours-junior N] [--required-sessions N] [--legal-lessons N] [--json]", NULL,
    XA_CLI_OPTION_JSON, xa_cli_education_settings,
    { N_("show or set the district's settings: minimum hours a year by 学段, sessions that make a person educated,"
         " the 法治副校长's lessons") },
    XA_CLI_WRITES, xa_cli_education_settings_options },
  { "education coverage", "--year Y [--school CODE] [--json]", NULL,
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_JSON, xa_cli_education_coverage,
    { N_("show coverage (per person and attendance-weighted, against 99.5 %) and the 四落实"),
      N_("with --school, the people short of coverage by class; across the district, numbers only") },
    XA_CLI_READS },
  { "archive import", "FILE… [--agreement UUID | --school CODE --year Y] [--copy commission|school] [--kind KIND] [--retention PERIOD] [--notes TEXT]",
    "FILE…", XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_YEAR, xa_cli_archive_import,
    { N_("archive scans (PDF, JPEG, PNG, TIFF) and signed PDFs, all or none; each is stored once by its SHA-256"),
      N_("--copy names the original (区教委存 or 学校存) of the agreement given, or of the school's current one of --year"),
      N_("a file archived already with the same link is reported and not stored again") },
    XA_CLI_WRITES, xa_cli_archive_import_options },
  { "archive link", "UUID [--agreement UUID | --school CODE --year Y] [--copy commission|school] [--kind KIND] [--retention PERIOD] [--notes TEXT]",
    "UUID", XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_YEAR, xa_cli_archive_link,
    { N_("link an archived file anew: to an agreement’s original, to a school and year, or (with none) to nothing"),
      N_("its kind, retention and notes stay unless given; the stored file is not touched") },
    XA_CLI_WRITES, xa_cli_archive_import_options },
  { "archive list", "[--school CODE] [--year Y] [--kind KIND] [--copy COPY] [--status STATUS] [--search TEXT] [--json]", NULL,
    XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SEARCH | XA_CLI_OPTION_JSON, xa_cli_archive_list,
    { N_("list archived files, the last imported first; --search looks in file names, notes and schools") },
    XA_CLI_READS, xa_cli_archive_list_options },
  { "archive check", "", NULL, 0, xa_cli_archive_check,
    { N_("check every stored file against its SHA-256 and the database: one line per missing, damaged or stray file"),
      N_("exits with status 1 when it finds a problem") }, XA_CLI_READS },
  { "archive board", "[--year Y] [--on YYYY-MM-DD] [--missing] [--json]", NULL,
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_JSON, xa_cli_archive_board,
    { N_("the 签回 board: which signed originals of each agreement are back, which are missing, and for how long") },
    XA_CLI_READS, xa_cli_archive_board_options },
  { "archive due", "[--on YYYY-MM-DD] [--json]", NULL, XA_CLI_OPTION_JSON, xa_cli_archive_due,
    { N_("list the archived files whose retention (保管期限) has run out: due for review") },
    XA_CLI_READS, xa_cli_archive_due_options },
  { "archive preview", "UUID|FILE [--page N] [--size PX] [--timeout S] --out FILE.png", "UUID|FILE",
    XA_CLI_OPTION_OUT, xa_cli_archive_preview,
    { N_("render a page of an archived file (or of any PDF or image) to PNG in a separate, limited process") },
    XA_CLI_READS, xa_cli_archive_preview_options },
  { "archive export", "UUID --out FILE", "UUID", XA_CLI_OPTION_OUT, xa_cli_archive_export,
    { N_("write a copy of an archived file, checked against its SHA-256") }, XA_CLI_READS },
  { "drill add", "--school CODE --type TYPE --organiser NAME [--date YYYY-MM-DD] [--participants N] [--evacuation S] [--target S] [--problems TEXT;…] [--improvements TEXT] [--evidence UUID,…] [--json]",
    NULL, XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_YEAR | XA_CLI_OPTION_JSON, xa_cli_drill_add,
    { N_("record an emergency evacuation drill (应急疏散演练) of a school with the problems it found") },
    XA_CLI_WRITES, xa_cli_drill_add_options },
  { "drill list", "[--school CODE] [--year Y] [--json]", NULL,
    XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_YEAR | XA_CLI_OPTION_JSON, xa_cli_drill_list,
    { N_("list drills, the earliest first: date, school, type, organiser, participants, evacuation time, problems") },
    XA_CLI_READS },
  { "drill missed", "--school CODE --year Y [--today YYYY-MM-DD] [--json]", NULL,
    XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_YEAR | XA_CLI_OPTION_JSON, xa_cli_drill_missed,
    { N_("the months (a kindergarten: the quarters) of term a school held no drill in") }, XA_CLI_READS,
    xa_cli_drill_missed_options },
  { "drill policy", "[--school-months N] [--kindergarten-months N] [--school-target S] [--kindergarten-target S] [--json]",
    NULL, XA_CLI_OPTION_JSON, xa_cli_drill_policy,
    { N_("show or set the district's drill rules: the months between drills and the target evacuation times") },
    XA_CLI_WRITES, xa_cli_drill_policy_options },
  { "drill hazard", "UUID PROBLEM --measures TEXT --department TEXT --responsible NAME --place TEXT [--grade KEY] [--deadline YYYY-MM-DD]",
    "UUID PROBLEM", 0, xa_cli_drill_hazard,
    { N_("turn a problem a drill found into a hazard of the ledger, linked to it, in one step") },
    XA_CLI_WRITES, xa_cli_inspection_hazard_options },
  { "drill print", "UUID --out FILE.pdf", "UUID", XA_CLI_OPTION_OUT, xa_cli_drill_print,
    { N_("print a drill's record (演练记录表) as a PDF") }, XA_CLI_READS },
  { "incident add", "--school CODE --date YYYY-MM-DD --type TYPE --severity KEY --finding KEY --reporting KEY [--reported-on YYYY-MM-DD] [--affected N] [--bad-influence] --summary TEXT [--evidence UUID,…] [--json]",
    NULL, XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_JSON, xa_cli_incident_add,
    { N_("record an incident of a school, with its responsibility finding and how it was reported") },
    XA_CLI_WRITES, xa_cli_incident_add_options },
  { "incident list", "[--school CODE] [--year Y] [--json]", NULL,
    XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_YEAR | XA_CLI_OPTION_JSON, xa_cli_incident_list,
    { N_("list incidents, the earliest first, each with what it does to its school's year") }, XA_CLI_READS },
  { "incident veto", "--year Y [--all] [--json]", NULL, XA_CLI_OPTION_YEAR | XA_CLI_OPTION_ALL | XA_CLI_OPTION_JSON,
    xa_cli_incident_veto,
    { N_("the district list of the veto test (一票否决): the schools vetoed and pending in a year, with the reasons"),
      N_("--all lists the schools whose incidents do not veto too") }, XA_CLI_READS },
  { "incident print", "UUID --out FILE.pdf", "UUID", XA_CLI_OPTION_OUT, xa_cli_incident_print,
    { N_("print an incident's report (事故报告) as a PDF") }, XA_CLI_READS },
  { "dispute add", "--school CODE --year Y --parties TEXT --kind KIND --description TEXT --responsible NAME [--found-on YYYY-MM-DD] [--measures TEXT]",
    NULL, XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_YEAR, xa_cli_dispute_add,
    { N_("record a dispute found in screening (矛盾纠纷排查), in the state 排查; prints its UUID") },
    XA_CLI_WRITES, xa_cli_dispute_add_options },
  { "dispute advance", "UUID resolving|resolved|reported|escalated [--on YYYY-MM-DD] [--measures TEXT]", "UUID STEP",
    0, xa_cli_dispute_advance,
    { N_("move a dispute on (排查 → 化解中 → 已化解 / 上报), or record that it led to a petition over the district (越级上访) on --on") },
    XA_CLI_WRITES, xa_cli_dispute_advance_options },
  { "dispute list", "[--school CODE] [--year Y] [--json]", NULL,
    XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_YEAR | XA_CLI_OPTION_JSON, xa_cli_dispute_list,
    { N_("list the disputes, the last found first") }, XA_CLI_READS },
  /* The yearly assessment (issue 14). */
  { "assessment scheme show", "--year Y [--json]", NULL, XA_CLI_OPTION_YEAR | XA_CLI_OPTION_JSON,
    xa_cli_assessment_scheme_show,
    { N_("show a school year's assessment scheme: indicators, points, deduction rules, vetoes, grades"),
      N_("the default 100-point scheme when the year has none stored") }, XA_CLI_READS },
  { "assessment scheme copy", "--year FROM --year TO [--replace]", NULL, XA_CLI_OPTION_YEAR,
    xa_cli_assessment_scheme_copy,
    { N_("copy a year's scheme (or the default) to another year") }, XA_CLI_WRITES, xa_cli_assessment_scheme_options },
  { "assessment scheme compare", "--year A --year B [--json]", NULL, XA_CLI_OPTION_YEAR | XA_CLI_OPTION_JSON,
    xa_cli_assessment_scheme_compare,
    { N_("the indicators added, removed and changed from one year's scheme to another's") }, XA_CLI_READS },
  { "assessment scheme export", "--year Y FILE.json", "FILE.json", XA_CLI_OPTION_YEAR, xa_cli_assessment_scheme_export,
    { N_("write a year's scheme as JSON, to edit and import") }, XA_CLI_READS },
  { "assessment scheme import", "FILE.json [--year Y]", "FILE.json", XA_CLI_OPTION_YEAR, xa_cli_assessment_scheme_import,
    { N_("store a scheme from JSON for its year (or --year): a new version when the year's was used") } },
  { "assessment self", "--year Y --school CODE --indicator CODE --score S [--notes TEXT]", NULL,
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL, xa_cli_assessment_self,
    { N_("record a school's self-assessment (自评分) of one indicator") }, XA_CLI_WRITES, xa_cli_assessment_self_options },
  { "assessment score", "--year Y --school CODE --indicator CODE --score S [--notes TEXT] [--suggestion D (--accept | --reason TEXT)]",
    NULL, XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL, xa_cli_assessment_score,
    { N_("record the commission's score (考核分) of one indicator of a school"),
      N_("with --suggestion, the score takes it (--accept) or says why not (--reason)") },
    XA_CLI_WRITES, xa_cli_assessment_entry_options },
  { "assessment h", "--year Y --school CODE --events N [--notes TEXT]", NULL, XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL,
    xa_cli_assessment_h,
    { N_("record the 八杜绝 events that are not vetoes (H), each deducted from the total") },
    XA_CLI_WRITES, xa_cli_assessment_h_options },
  { "assessment veto", "--year Y --school CODE --ground V1 --reason TEXT [--evidence REF,…] [--decided-on YYYY-MM-DD] [--remove]",
    NULL, XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL, xa_cli_assessment_veto,
    { N_("record the commission's veto (一票否决) of a school's year, or remove it before finalising") },
    XA_CLI_WRITES, xa_cli_assessment_veto_options },
  { "assessment finalise", "--year Y --school CODE", NULL, XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL,
    xa_cli_assessment_finalise,
    { N_("finalise a school's assessment: locked, corrected only by revisions") } },
  { "assessment publish", "--year Y [--school CODE]", NULL, XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL,
    xa_cli_assessment_publish,
    { N_("publish the finalised assessments (or one school's): schools then see their scores and the ranking") } },
  { "assessment revise", "--year Y --school CODE --indicator CODE --score S --reason TEXT [--notes TEXT]", NULL,
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL, xa_cli_assessment_revise,
    { N_("correct a finalised score: an audited revision that keeps the old value"),
      N_("--indicator H --score N corrects the number of H events") },
    XA_CLI_WRITES, xa_cli_assessment_revise_options },
  { "assessment list", "--year Y [--json]", NULL, XA_CLI_OPTION_YEAR | XA_CLI_OPTION_JSON, xa_cli_assessment_list,
    { N_("the district view: every school's rank, state, self and commission totals, grade and veto") }, XA_CLI_READS },
  { "assessment show", "--year Y --school CODE [--json]", NULL,
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_JSON, xa_cli_assessment_show,
    { N_("a school's score sheet: each indicator's self and commission scores, H, vetoes, totals") }, XA_CLI_READS },
  { "assessment report", "--year Y (--school CODE | --district) --out FILE.pdf", NULL,
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL, xa_cli_assessment_report,
    { N_("write a school's score sheet (A4 turned, with signature lines) or the district's summary"),
      N_("with its ranking, grades, vetoes and charts as PDF") },
    XA_CLI_READS, xa_cli_assessment_report_options },
  { "assessment export", "--year Y --out FILE.xlsx", NULL, XA_CLI_OPTION_YEAR, xa_cli_assessment_export,
    { N_("write every school's self and commission scores, totals, grades and vetoes as an XLSX workbook") },
    XA_CLI_READS, xa_cli_assessment_export_options },
  { "assessment evidence", "--year Y [--school CODE] [--key KEY] [--today YYYY-MM-DD] [--json]", NULL,
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_SCHOOL | XA_CLI_OPTION_JSON, xa_cli_assessment_evidence,
    { N_("what the records of a school's year say for each indicator of the assessment, with the records that count"),
      N_("without --school, every school of the register; --key one source (hazards.overdue, drills.missed …)") },
    XA_CLI_READS, xa_cli_assessment_evidence_options },
  { "template list", "", NULL, 0, xa_cli_template_list,
    { N_("list the templates: school year, version, frozen or editable, name") }, XA_CLI_READS },
  { "template export", "--year Y FILE", "FILE", XA_CLI_OPTION_YEAR, xa_cli_template_export,
    { N_("write the latest template of a school year to a JSON file") }, XA_CLI_READS },
  { "template import", "FILE", "FILE", 0, xa_cli_template_import,
    { N_("store a template file as a new version of its school year") } },
  { "template import-text", "FILE.txt --year Y [--name NAME] [--dry-run]", "FILE.txt",
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_NAME | XA_CLI_OPTION_DRY_RUN, xa_cli_template_import_text,
    { N_("make a new template of an agreement's text (UTF-8 or GB18030), after showing what was recognised") } },
  { "template next-year", "--year Y", NULL, XA_CLI_OPTION_YEAR, xa_cli_template_next_year,
    { N_("copy the latest template of a school year into the next year") } },
  { "template diff", "--year A --year B [--pdf FILE.pdf]", NULL,
    XA_CLI_OPTION_YEAR | XA_CLI_OPTION_PDF, xa_cli_template_diff,
    { N_("compare two years' templates clause by clause"),
      N_("--pdf writes the comparison as a PDF, changed words underlined or struck through") }, XA_CLI_READS },
  { "pdf sign", "IN.pdf --p12 FILE [--password-file F] [--visible] [--page N] --out OUT.pdf", "IN.pdf", 0,
    xa_cli_pdf_sign,
    { N_("sign a copy of a PDF digitally with the certificate and key of a PKCS#12 file (an incremental update)"),
      N_("the password is read from --password-file or asked for, never given on the command line"),
      N_("--visible shows the signer and the time in a box on the last page (or --page N)") },
    XA_CLI_READS, xa_cli_pdf_sign_options },
  { "pdf verify", "FILE.pdf [--json]", "FILE.pdf", XA_CLI_OPTION_JSON, xa_cli_pdf_verify,
    { N_("check each digital signature of a PDF, made here or elsewhere: signer, time, certificate"),
      N_("exit status 0 when every signature is valid for the whole file; 3 the file is not signed,"),
      N_("4 valid but changed after signing, 5 cannot be verified here, 6 invalid (the worst one counts);"),
      N_("1 the file cannot be read or is not a PDF") }, XA_CLI_READS },
  { "backup create", "[--keep N]", NULL, XA_CLI_OPTION_KEEP, xa_cli_backup_create,
    { N_("back the database up into the backups folder beside it and verify the copy"),
      N_("the verified backups beyond the newest N (10) are deleted") } },
  { "backup list", "[--json]", NULL, XA_CLI_OPTION_JSON, xa_cli_backup_list,
    { N_("list the backups, newest first, with date, size and whether they verify") } },
  { "backup restore", "FILE|--latest", "[FILE]", XA_CLI_OPTION_LATEST, xa_cli_backup_restore,
    { N_("verify a backup and put it in place of the database; the replaced one is kept beside it"),
      N_("close Xiaoan first; FILE is a path or a name that “backup list” shows") } },
  { "server setup", "", NULL, 0, xa_cli_server_setup,
    { N_("on a database server: create the roles and the access rules (run again after an update)") } },
  { "server add-school", "CODE [--role NAME]", "CODE", XA_CLI_OPTION_ROLE, xa_cli_server_add_school,
    { N_("on a database server: a login role that sees and changes only this school's records") } },
  { "migrate", "--from LOCATION --to LOCATION", NULL, XA_CLI_OPTION_FROM | XA_CLI_OPTION_TO_STORE,
    xa_cli_migrate,
    { N_("move a whole store, audit log included, into a new, empty database: from a file to a server or back"),
      N_("run it as the server's administrator; the log must verify before and after") } },
  { "server add-staff", "NAME", "NAME", 0, xa_cli_server_add_staff,
    { N_("on a database server: a login role of the commission's staff, who see every school") } },
};

static void
xa_cli_clear (XaCli *cli)
{
  g_clear_pointer (&cli->data_dir, g_free);
  g_clear_pointer (&cli->database, g_free);
  g_clear_pointer (&cli->operator_name, g_free);
  g_clear_pointer (&cli->years, g_strfreev);
  g_clear_pointer (&cli->school, g_free);
  g_clear_pointer (&cli->to, g_free);
  g_clear_pointer (&cli->out, g_free);
  g_clear_pointer (&cli->copy, g_free);
  g_clear_pointer (&cli->pdf, g_free);
  g_clear_pointer (&cli->date, g_free);
  g_clear_pointer (&cli->schools, g_free);
  g_clear_pointer (&cli->seed, g_free);
  g_clear_pointer (&cli->keep, g_free);
  g_clear_pointer (&cli->head, g_free);
  g_clear_pointer (&cli->search, g_free);
  g_clear_pointer (&cli->role, g_free);
  g_clear_pointer (&cli->from, g_free);
  g_clear_pointer (&cli->name, g_free);
  g_clear_pointer (&cli->revision, g_free);
  g_clear_pointer (&cli->args, g_strfreev);
  for (guint i = 0; cli->options != NULL && cli->options[i].name != NULL; i++)
    g_free (cli->option_values[i]);
  g_clear_pointer (&cli->option_values, g_free);
  g_clear_pointer (&cli->option_switches, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XaCli, xa_cli_clear)

/* "agreement list --year Y [--json]" */
static char *
command_dup_usage (const XaCliCommand *command)
{
  return g_strstrip (g_strdup_printf ("%s %s", command->name, command->synopsis));
}

static void
print_help (void)
{
  g_print ("%s\n\n%s\n",
           _("Usage: xiaoan-cli [--data-dir DIR | --database LOCATION] [--operator NAME] COMMAND [ARGUMENTS…]"),
           _("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const XaCliCommand *command = &commands[i];
      g_autofree char *usage = command_dup_usage (command);

      /* Short commands with one line of help fit on one line; the others are indented
       * below their usage. */
      if (strlen (usage) < 34 && command->summary[1] == NULL)
        {
          g_print ("  %-34s%s\n", usage, _(command->summary[0]));
          continue;
        }

      g_print ("  %s\n", usage);
      for (guint l = 0; command->summary[l] != NULL; l++)
        g_print ("      %s\n", _(command->summary[l]));
    }

  g_print ("\n%s\n  %-34s%s\n  %-34s%s\n  %-34s%s\n  %-34s%s\n  %-34s%s\n\n%s\n",
           _("Options:"),
           "--data-dir DIR", _("the data folder (default: $XIAOAN_DATA_DIR, else ~/.local/share/xiaoan)"),
           "--database LOCATION", _("a database file, or a server as postgresql://USER@HOST/DATABASE (default: $XIAOAN_DATABASE, else xiaoan.db in the data folder)"),
           "--operator NAME", _("who is recorded in the audit log (default: $XIAOAN_OPERATOR, else the account name)"),
           "--help", _("show this help"),
           "--version", _("show the version"),
           _("“xiaoan-cli COMMAND --help” shows the options of a command."));
}

/**
 * xa_cli_usage_error:
 *
 * Prints one line on stderr that says what is wrong with the command line.
 *
 * Returns: %EXIT_USAGE
 */
int
xa_cli_usage_error (const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("xiaoan-cli: %s\n", message);
  return EXIT_USAGE;
}

/**
 * xa_cli_user_error:
 *
 * Prints @error's message as one line on stderr.
 *
 * Returns: %EXIT_USER_ERROR
 */
int
xa_cli_user_error (const GError *error)
{
  g_printerr ("xiaoan-cli: %s\n", error->message);
  return EXIT_USER_ERROR;
}

/**
 * xa_cli_dup_database:
 *
 * Where the command's database is: `--database`, else `xiaoan.db` in `--data-dir`, else
 * `$XIAOAN_DATABASE`, else `xiaoan.db` in the default data folder. A server's password is not part of it: libpq takes it
 * from PGPASSWORD or the password file (~/.pgpass), as the server's own tools do.
 *
 * Returns: (transfer full): a file path or a `postgresql://` URI
 */
char *
xa_cli_dup_database (XaCli *cli)
{
  const char *env = g_getenv ("XIAOAN_DATABASE");
  g_autofree char *data_dir = NULL;

  const char *chosen = cli->database;

  /* A folder given on the command line wins over the environment's database. */
  if ((chosen == NULL || chosen[0] == '\0') && cli->data_dir == NULL)
    chosen = env;

  if (chosen != NULL && chosen[0] != '\0')
    return xa_store_location_is_server (chosen) ? g_strdup (chosen)
                                                : g_canonicalize_filename (chosen, NULL);

  data_dir = xa_store_dup_default_data_dir (cli->data_dir);
  return g_build_filename (data_dir, "xiaoan.db", NULL);
}

/**
 * xa_cli_open_workspace:
 *
 * Opens the workspace of the data folder as the command table says. A command that
 * writes creates or migrates the database and names the operator in its audit log:
 * --operator, else $XIAOAN_OPERATOR, else the account. One that only reads opens it
 * read-only, and a folder without a database (or with one to update) is a user error
 * that says to run `init`. A command calls it once its command line has been checked,
 * so that a usage error creates nothing.
 *
 * Returns: (transfer full): the workspace, or %NULL with @error set
 */
XaWorkspace *
xa_cli_open_workspace (XaCli   *cli,
                       GError **error)
{
  const char *operator_name = cli->operator_name;
  g_autofree char *location = xa_cli_dup_database (cli);
  g_autoptr(GError) local_error = NULL;
  XaWorkspace *workspace;

  if (cli->read_only)
    {
      g_autofree char *where = xa_store_location_is_server (location)
                               ? g_strdup (location) : g_path_get_dirname (location);

      if ((workspace = xa_workspace_open_location_for_reading (location, NULL, &local_error)))
        return workspace;

      if (g_error_matches (local_error, XA_WORKSPACE_ERROR, XA_WORKSPACE_ERROR_NO_DATABASE))
        g_set_error (error, XA_WORKSPACE_ERROR, XA_WORKSPACE_ERROR_NO_DATABASE,
                     _("There is no database in %s yet; run “xiaoan-cli init” to create it"), where);
      else if (g_error_matches (local_error, XA_WORKSPACE_ERROR, XA_WORKSPACE_ERROR_OLD_SCHEMA))
        g_set_error (error, XA_WORKSPACE_ERROR, XA_WORKSPACE_ERROR_OLD_SCHEMA,
                     _("The database in %s is from an older version of Xiaoan; run “xiaoan-cli init” to update it"), where);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (operator_name == NULL || operator_name[0] == '\0')
    operator_name = g_getenv ("XIAOAN_OPERATOR");

  return xa_workspace_open_location (location, NULL, operator_name, error);
}

/**
 * xa_cli_parse_date:
 * @option: the option's name, without dashes
 * @text: (nullable): its value, YYYY-MM-DD or as people type it (2021-9-1)
 * @date: (out): the date as stored, or unchanged when @text is %NULL
 *
 * Returns: %EXIT_OK, or %EXIT_USAGE after a message that names the option
 */
int
xa_cli_parse_date (const char  *option,
                   const char  *text,
                   char       **date)
{
  if (text == NULL)
    return EXIT_OK;

  if (!(*date = xa_date_normalise (text)))
    /* Translators: an option (--found-on), then what was given */
    return xa_cli_usage_error (_("--%s: “%s” is not a date such as 2021-09-01"), option, text);

  return EXIT_OK;
}

/* A list as JSON for other programs: indented, a newline at the end. */
void
xa_cli_print_json_array (JsonArray *array)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *text = NULL;

  json_node_set_array (root, array);
  text = json_to_string (root, TRUE);
  g_print ("%s\n", text);
}

/**
 * xa_cli_find_school:
 * @code: a 学校标识码 given with --school
 * @removed_too: whether a school that left the register is found too
 *
 * Returns: (transfer full) (nullable): the school, or %NULL with @error set to a message
 *   that names --school and the code
 */
XaOrganisation *
xa_cli_find_school (XaWorkspace  *workspace,
                    const char   *code,
                    gboolean      removed_too,
                    GError      **error)
{
  g_autoptr(XaOrganisation) school = NULL;

  school = xa_school_registry_dup_school_by_code (xa_workspace_get_registry (workspace), code, NULL);
  if (school == NULL || (!removed_too && xa_organisation_get_deleted (school)))
    {
      g_set_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_NOT_FOUND,
                   /* Translators: %s is a 10-digit 学校标识码 given with --school */
                   _("--school: there is no school with the code %s"), code);
      return NULL;
    }

  return g_steal_pointer (&school);
}

/* The folder an output file goes into, made when missing. */
int
xa_cli_make_folder (const char *dir)
{
  if (g_mkdir_with_parents (dir, 0777) != 0)
    {
      int saved_errno = errno;

      g_printerr ("xiaoan-cli: ");
      g_printerr (_("Cannot create the output folder %s: %s\n"), dir, g_strerror (saved_errno));
      return EXIT_USER_ERROR;
    }

  return EXIT_OK;
}

/* Which fonts stand in for the official faces that are not installed. */
void
xa_cli_print_font_warnings (XaFontResolver *fonts)
{
  g_auto(GStrv) warnings = xa_font_resolver_dup_warnings (fonts);

  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    g_printerr ("xiaoan-cli: %s\n", warnings[i]);
}

/* A form laid out by the page engine, written atomically to @path after the fonts it
 * had to stand in for are named on stderr: every command that prints a PDF form. FALSE
 * with @error set when it could not be written; a %NULL @layout is a failure already
 * set in @error. */
gboolean
xa_cli_save_layout (XaPageLayout    *layout,
                    XaFontResolver  *fonts,
                    const char      *path,
                    GError         **error)
{
  if (layout == NULL)
    return FALSE;

  xa_cli_print_font_warnings (fonts);
  return xa_page_layout_save_pdf (layout, path, error);
}

/* Takes "--name VALUE" or "--name=VALUE" at argv[*i]. Returns FALSE when argv[*i] is not
 * this option; sets *missing when the value is absent. */
static gboolean
take_option (char       **argv,
             int          argc,
             int         *i,
             const char  *name,
             char       **value,
             gboolean    *missing)
{
  const char *arg = argv[*i];
  gsize name_len = strlen (name);

  if (strncmp (arg, name, name_len) != 0)
    return FALSE;

  if (arg[name_len] == '=')
    {
      g_free (*value);
      *value = g_strdup (arg + name_len + 1);
      return TRUE;
    }

  if (arg[name_len] != '\0')
    return FALSE;

  if (*i + 1 >= argc)
    {
      *missing = TRUE;
      return TRUE;
    }

  g_free (*value);
  *value = g_strdup (argv[++*i]);
  return TRUE;
}

/* The global options may come before or after the command, as people type them; they
 * are taken out here and the rest goes into @args. */
static int
parse_global_options (XaCli      *cli,
                      int         argc,
                      char      **argv,
                      GPtrArray  *args,
                      gboolean   *show_version)
{
  for (int i = 1; i < argc; i++)
    {
      gboolean missing = FALSE;

      if (g_str_equal (argv[i], "--version"))
        *show_version = TRUE;
      else if (take_option (argv, argc, &i, "--data-dir", &cli->data_dir, &missing))
        {
          if (missing)
            return xa_cli_usage_error (_("--data-dir needs a folder"));
        }
      else if (take_option (argv, argc, &i, "--database", &cli->database, &missing))
        {
          if (missing)
            return xa_cli_usage_error (_("--database needs a file or a postgresql:// address"));
        }
      else if (take_option (argv, argc, &i, "--operator", &cli->operator_name, &missing))
        {
          if (missing)
            return xa_cli_usage_error (_("--operator needs a name"));
        }
      else
        g_ptr_array_add (args, g_strdup (argv[i]));
    }

  return EXIT_OK;
}

static gboolean
is_help (const char *arg)
{
  return g_str_equal (arg, "--help") || g_str_equal (arg, "-h");
}

/* The command named by the first one or two words of @args, or NULL. */
static const XaCliCommand *
find_command (GPtrArray *args,
              guint     *n_words)
{
  const char *first = args->len > 0 ? g_ptr_array_index (args, 0) : "";
  g_autofree char *two = NULL;
  g_autofree char *three = NULL;

  if (args->len > 1)
    two = g_strdup_printf ("%s %s", first, (const char *) g_ptr_array_index (args, 1));
  /* A group within a group: "agreement supplement add". */
  if (args->len > 2)
    three = g_strdup_printf ("%s %s", two, (const char *) g_ptr_array_index (args, 2));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (commands[i].name, first))
        {
          *n_words = 1;
          return &commands[i];
        }
      if (two != NULL && g_str_equal (commands[i].name, two))
        {
          *n_words = 2;
          return &commands[i];
        }
      if (three != NULL && g_str_equal (commands[i].name, three))
        {
          *n_words = 3;
          return &commands[i];
        }
    }

  return NULL;
}

/* Whether @word is the first word of commands of two ("school"). */
static gboolean
is_group (const char *word)
{
  gsize len = strlen (word);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strncmp (commands[i].name, word, len) == 0 && commands[i].name[len] == ' ')
        return TRUE;
    }

  return FALSE;
}

/* GLib says "Missing argument for --year"; the option knows better what it needs. */
static const char *
find_missing_value (const XaCliCommand *command,
                    const char         *last_arg)
{
  if (last_arg == NULL || !g_str_has_prefix (last_arg, "--"))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (option_specs); i++)
    {
      const OptionSpec *spec = &option_specs[i];

      if ((command->options & spec->flag) && spec->needs != NULL && g_str_equal (last_arg + 2, spec->name))
        return spec->needs;
    }

  for (guint i = 0; command->own_options != NULL && command->own_options[i].name != NULL; i++)
    {
      const XaCliOption *option = &command->own_options[i];

      if (option->needs != NULL && g_str_equal (last_arg + 2, option->name))
        return option->needs;
    }

  return NULL;
}

/* How many arguments a command takes: the words of its argument ("NUMBER STEP"); one
 * that ends in "…" ("FILE…") takes as many as are given. */
static guint
count_arguments (const XaCliCommand *command)
{
  g_auto(GStrv) words = NULL;

  if (command->argument == NULL)
    return 0;
  if (g_str_has_suffix (command->argument, "…"))
    return G_MAXUINT;

  words = g_strsplit (command->argument, " ", -1);
  return g_strv_length (words);
}

/**
 * xa_cli_get_option:
 * @name: one of the command's own options, as XaCliOption names it
 *
 * Returns: (nullable): its value, or %NULL when it was not given
 */
const char *
xa_cli_get_option (XaCli      *cli,
                   const char *name)
{
  for (guint i = 0; cli->options != NULL && cli->options[i].name != NULL; i++)
    {
      if (g_str_equal (cli->options[i].name, name))
        return cli->option_values[i];
    }

  g_return_val_if_reached (NULL);
}

/**
 * xa_cli_get_switch:
 * @name: one of the command's own switches (%G_OPTION_ARG_NONE)
 *
 * Returns: whether it was given
 */
gboolean
xa_cli_get_switch (XaCli      *cli,
                   const char *name)
{
  for (guint i = 0; cli->options != NULL && cli->options[i].name != NULL; i++)
    {
      if (g_str_equal (cli->options[i].name, name))
        return cli->option_switches[i];
    }

  g_return_val_if_reached (FALSE);
}

/* Parses the options of @command from @args (what follows its name) into @cli, and
 * leaves its arguments in cli->args. Anything it does not take is a usage error; --help
 * prints its options and exits. */
static int
parse_command_line (XaCli              *cli,
                    const XaCliCommand *command,
                    GPtrArray          *args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GStrvBuilder) argv_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) args_builder = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *usage = NULL;
  g_auto(GStrv) argv = NULL;
  gboolean seen_dashes = FALSE;
  guint n_args;

  for (guint i = 0; i < G_N_ELEMENTS (option_specs); i++)
    {
      const OptionSpec *spec = &option_specs[i];
      GOptionEntry entry = { spec->name, 0, 0, spec->arg, G_STRUCT_MEMBER_P (cli, spec->offset),
                             spec->description, spec->arg_description };

      if (command->options & spec->flag)
        g_array_append_val (entries, entry);
    }

  if (command->own_options != NULL)
    {
      guint n_options = 0;

      while (command->own_options[n_options].name != NULL)
        n_options++;
      cli->options = command->own_options;
      cli->option_values = g_new0 (char *, n_options + 1);
      cli->option_switches = g_new0 (gboolean, n_options + 1);

      for (guint i = 0; i < n_options; i++)
        {
          const XaCliOption *option = &command->own_options[i];
          GOptionEntry entry = { option->name, 0, 0, option->arg,
                                 option->arg == G_OPTION_ARG_NONE ? (gpointer) &cli->option_switches[i]
                                                                  : (gpointer) &cli->option_values[i],
                                 option->description, option->arg_description };

          g_array_append_val (entries, entry);
        }
    }

  for (guint l = 0; command->summary[l] != NULL; l++)
    g_string_append_printf (summary, "%s%s", l > 0 ? "\n" : "", _(command->summary[l]));

  usage = command_dup_usage (command);
  context = g_option_context_new (usage);
  g_option_context_add_main_entries (context, (GOptionEntry *) entries->data, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary->str);
  g_option_context_set_description (context, _("Global options: --data-dir DIR, --database LOCATION, --operator NAME; "
                                               "“xiaoan-cli --help” lists every command."));

  g_strv_builder_add (argv_builder, "xiaoan-cli");
  for (guint i = 0; i < args->len; i++)
    g_strv_builder_add (argv_builder, g_ptr_array_index (args, i));
  argv = g_strv_builder_end (argv_builder);

  if (!g_option_context_parse_strv (context, &argv, &error))
    {
      const char *needs = NULL;

      if (g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE) && args->len > 0)
        needs = find_missing_value (command, g_ptr_array_index (args, args->len - 1));
      if (needs != NULL)
        return xa_cli_usage_error ("%s", _(needs));

      /* Translators: the command ("agreement list"), then GLib's message, such as
       * "Unknown option --pdf". */
      return xa_cli_usage_error (_("%s: %s"), command->name, error->message);
    }

  /* What is left are the arguments; a "--" only said that what follows is not an option. */
  for (guint i = 1; argv[i] != NULL; i++)
    {
      if (!seen_dashes && g_str_equal (argv[i], "--"))
        seen_dashes = TRUE;
      else
        g_strv_builder_add (args_builder, argv[i]);
    }
  cli->args = g_strv_builder_end (args_builder);

  n_args = g_strv_length (cli->args);
  if (n_args > count_arguments (command))
    return xa_cli_usage_error (_("Unknown argument “%s” for “%s”"),
                               cli->args[count_arguments (command)], command->name);
  /* An argument in brackets ("[FILE]") may be left out. */
  if (command->argument != NULL && command->argument[0] != '[' &&
      (count_arguments (command) == G_MAXUINT ? n_args == 0 : n_args < count_arguments (command)))
    {
      if (strstr (command->argument, "FILE") != NULL)
        return xa_cli_usage_error (count_arguments (command) == G_MAXUINT ? _("“%s” takes one file or more")
                                                                           : _("“%s” takes one file"), command->name);
      /* Translators: a command ("hazard advance"), then its arguments ("NUMBER STEP") */
      return xa_cli_usage_error (_("“%s” takes %s"), command->name, command->argument);
    }

  if (cli->years != NULL && cli->years[0] != NULL)
    cli->year = cli->years[g_strv_length (cli->years) - 1];

  return EXIT_OK;
}

/**
 * xa_cli_run:
 * @argc: the number of arguments
 * @argv: the arguments of `main()`
 *
 * Runs one command of xiaoan-cli, as typed.
 *
 * Returns: the exit status: 0 on success, 1 on a user error, 2 on a usage error
 */
int
xa_cli_run (int    argc,
            char **argv)
{
  g_auto(XaCli) cli = { NULL, };
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  const XaCliCommand *command;
  gboolean show_version = FALSE;
  guint n_words = 0;
  int status;

  if ((status = parse_global_options (&cli, argc, argv, args, &show_version)) != EXIT_OK)
    return status;

  if (show_version)
    {
      g_print ("xiaoan-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  if (args->len == 0)
    {
      print_help ();
      return EXIT_USAGE;
    }

  if (!(command = find_command (args, &n_words)))
    {
      const char *first = g_ptr_array_index (args, 0);

      /* --help before the command, or after one that does not exist: the whole list. */
      for (guint i = 0; i < args->len; i++)
        {
          if (is_help (g_ptr_array_index (args, i)))
            {
              print_help ();
              return EXIT_OK;
            }
        }

      if (is_group (first))
        return xa_cli_usage_error (_("Unknown command “%s %s”"), first,
                                   args->len > 1 ? (const char *) g_ptr_array_index (args, 1) : "");
      return xa_cli_usage_error (_("Unknown command “%s”"), first);
    }

  g_ptr_array_remove_range (args, 0, n_words);
  if ((status = parse_command_line (&cli, command, args)) != EXIT_OK)
    return status;

  cli.read_only = command->access == XA_CLI_READS;

  return command->handler (&cli);
}
