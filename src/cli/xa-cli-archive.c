/* xa-cli-archive.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli archive import|list|check|board|due|preview|export`: the archive of signed
 * originals and other records (src/core/archive). An import of several files is all or
 * nothing. An original is linked to its agreement by --agreement UUID or by the school
 * and year of its current agreement (--school CODE --year Y), with --copy commission or
 * school (区教委存 / 学校存). `check` prints one line per problem and exits 1 when it
 * finds one. A preview is rendered by the helper process (src/preview) into a new PNG;
 * an export writes a copy of the stored bytes: the archived file is never touched.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-cli-private.h"
#include "core/archive/xa-archive.h"
#include "core/store/xa-blob-store.h"
#include "core/util/xa-school-year.h"
#include "document/xa-preview.h"

const XaCliOption xa_cli_archive_import_options[] = {
  { "agreement", G_OPTION_ARG_STRING, N_("the agreement the files are an original of, by its UUID (default: the school’s current one of --year)"), "UUID", NULL },
  { "copy", G_OPTION_ARG_STRING, N_("which original: commission (区教委存) or school (学校存)"), "COPY",
    N_("--copy needs commission or school") },
  { "kind", G_OPTION_ARG_STRING, N_("signed-original, scan, signed-pdf or other"), "KIND", N_("--kind needs signed-original, scan, signed-pdf or other") },
  { "retention", G_OPTION_ARG_STRING, N_("how long to keep them: permanent, 30y or 10y (default: by kind)"), "PERIOD",
    N_("--retention needs permanent, 30y or 10y") },
  { "notes", G_OPTION_ARG_STRING, N_("notes kept with the files"), "TEXT", N_("--notes needs a text") },
  { NULL }
};

const XaCliOption xa_cli_archive_list_options[] = {
  { "kind", G_OPTION_ARG_STRING, N_("signed-original, scan, signed-pdf or other"), "KIND", N_("--kind needs signed-original, scan, signed-pdf or other") },
  { "copy", G_OPTION_ARG_STRING, N_("only originals of this copy: commission or school"), "COPY", N_("--copy needs commission or school") },
  { "status", G_OPTION_ARG_STRING, N_("linked, unlinked or original"), "STATUS", N_("--status needs linked, unlinked or original") },
  { NULL }
};

const XaCliOption xa_cli_archive_board_options[] = {
  { "on", G_OPTION_ARG_STRING, N_("count the days out up to this day (default: today)"), "YYYY-MM-DD", N_("--on needs a date, such as 2021-09-01") },
  { "missing", G_OPTION_ARG_NONE, N_("only agreements with an original missing"), NULL, NULL },
  { NULL }
};

const XaCliOption xa_cli_archive_due_options[] = {
  { "on", G_OPTION_ARG_STRING, N_("due by this day (default: today)"), "YYYY-MM-DD", N_("--on needs a date, such as 2021-09-01") },
  { NULL }
};

const XaCliOption xa_cli_archive_preview_options[] = {
  { "page", G_OPTION_ARG_STRING, N_("the page, from 1 (default 1)"), "N", N_("--page needs a page number, such as 2") },
  { "size", G_OPTION_ARG_STRING, N_("the largest side in pixels (default 1600); the page stays within 40 megapixels"), "PX",
    N_("--size needs a number of pixels, such as 1600") },
  { "timeout", G_OPTION_ARG_STRING, N_("seconds before the preview is stopped (default 15)"), "S", N_("--timeout needs seconds, such as 15") },
  { NULL }
};

/* A whole number from @min to @max given with --@option, or @fallback. */
static int
parse_number (XaCli      *cli,
              const char *option,
              int         min,
              int         max,
              int         fallback,
              int        *value)
{
  const char *text = xa_cli_get_option (cli, option);
  guint64 number = 0;

  *value = fallback;
  if (text == NULL)
    return EXIT_OK;
  if (!g_ascii_string_to_unsigned (text, 10, min, max, &number, NULL))
    /* Translators: an option (--page), what was given, then the smallest and largest */
    return xa_cli_usage_error (_("--%s: “%s” is not a number from %d to %d"), option, text, min, max);

  *value = (int) number;
  return EXIT_OK;
}

static int
parse_kind (XaCli         *cli,
            XaArchiveKind *kind)
{
  const char *text = xa_cli_get_option (cli, "kind");

  *kind = 0;
  if (text != NULL && !xa_archive_kind_from_key (text, kind))
    return xa_cli_usage_error (_("--kind: “%s” is not one of signed-original, scan, signed-pdf, other"), text);
  return EXIT_OK;
}

static int
parse_copy (XaCli         *cli,
            XaArchiveCopy *copy)
{
  const char *text = xa_cli_get_option (cli, "copy");

  *copy = XA_ARCHIVE_COPY_NONE;
  if (text != NULL && !xa_archive_copy_from_key (text, copy))
    return xa_cli_usage_error (_("--copy: “%s” is not commission or school"), text);
  return EXIT_OK;
}

static int
parse_optional_year (XaCli *cli,
                     int   *year)
{
  g_autoptr(GError) error = NULL;

  *year = 0;
  if (cli->year != NULL && !xa_school_year_parse (cli->year, year, &error))
    return xa_cli_usage_error ("%s", error->message);
  return EXIT_OK;
}

static const char *
copy_label (XaArchiveCopy copy)
{
  /* The labels the paper says, in either language. */
  return copy == XA_ARCHIVE_COPY_NONE ? "" : xa_archive_copy_to_label (copy);
}

/* The link --agreement, --school, --year and --copy give, with --kind, --retention and
 * --notes: checked before the workspace opens (a usage error creates nothing). */
static int
parse_link_options (XaCli         *cli,
                    XaArchiveLink *link,
                    int           *year)
{
  const char *retention = xa_cli_get_option (cli, "retention");
  int status;

  if ((status = parse_kind (cli, &link->kind)) || (status = parse_copy (cli, &link->copy)) ||
      (status = parse_optional_year (cli, year)))
    return status;
  if (retention != NULL && !xa_archive_retention_from_key (retention, &link->retention))
    return xa_cli_usage_error (_("--retention: “%s” is not permanent, 30y or 10y"), retention);
  if ((cli->school != NULL) != (*year != 0) && xa_cli_get_option (cli, "agreement") == NULL)
    return xa_cli_usage_error (_("--school and --year go together: the school year the files belong to"));
  if (link->copy != XA_ARCHIVE_COPY_NONE && cli->school == NULL && xa_cli_get_option (cli, "agreement") == NULL)
    return xa_cli_usage_error (_("--copy needs the agreement: --agreement UUID, or --school CODE --year Y"));
  link->notes = xa_cli_get_option (cli, "notes");
  link->agreement_uuid = xa_cli_get_option (cli, "agreement");
  return EXIT_OK;
}

/* The school and agreement the link names, found in @workspace; they hold the strings
 * @link points to. */
static gboolean
find_link (XaCli           *cli,
           XaWorkspace     *workspace,
           int              year,
           XaArchiveLink   *link,
           XaOrganisation **school,
           XaAgreement    **agreement,
           GError         **error)
{
  if (cli->school == NULL)
    return TRUE;

  if (!(*school = xa_cli_find_school (workspace, cli->school, TRUE, error)))
    return FALSE;
  if (link->copy != XA_ARCHIVE_COPY_NONE && link->agreement_uuid == NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!(*agreement = xa_agreement_book_dup_current (xa_workspace_get_agreements (workspace),
                                                        xa_organisation_get_uuid (*school), year, &local_error)))
        {
          g_autofree char *span = xa_school_year_format_span (year);

          /* Translators: a school's code, then a school year (2021—2022) */
          g_set_error (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_NOT_FOUND,
                       _("%s has no agreement for the school year %s"), cli->school, span);
          return FALSE;
        }
      link->agreement_uuid = xa_agreement_get_uuid (*agreement);
    }
  else if (link->agreement_uuid == NULL)
    {
      link->school_uuid = xa_organisation_get_uuid (*school);
      link->school_year = year;
    }

  return TRUE;
}

static void
print_archived (XaArchiveItem *item)
{
  /* Translators: a file, then its UUID, kind, retention and copy (may be empty) */
  g_print (_("Archived “%s”: %s, %s, kept %s %s\n"), xa_archive_item_get_file_name (item),
           xa_archive_item_get_uuid (item), xa_archive_kind_to_label (xa_archive_item_get_kind (item)),
           xa_archive_retention_to_label (xa_archive_item_get_retention (item)),
           copy_label (xa_archive_item_get_copy (item)));
}

int
xa_cli_archive_import (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(XaAgreement) agreement = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) duplicates = NULL;
  XaArchiveLink link = { 0 };
  int year = 0;
  int status;

  if ((status = parse_link_options (cli, &link, &year)))
    return status;
  if (cli->args == NULL || cli->args[0] == NULL)
    return xa_cli_usage_error (_("“archive import” takes one file or more"));

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !find_link (cli, workspace, year, &link, &school, &agreement, &error) ||
      !(items = xa_archive_import_files (xa_workspace_get_archive (workspace), (const char * const *) cli->args,
                                         &link, &duplicates, &error)))
    return xa_cli_user_error (error);

  for (guint i = 0; i < duplicates->len; i++)
    g_printerr ("xiaoan-cli: %s\n", (const char *) g_ptr_array_index (duplicates, i));
  for (guint i = 0; i < items->len; i++)
    print_archived (g_ptr_array_index (items, i));

  return EXIT_OK;
}

int
xa_cli_archive_link (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(XaAgreement) agreement = NULL;
  g_autoptr(XaArchiveItem) item = NULL;
  XaArchiveLink link = { 0 };
  int year = 0;
  int status;

  if ((status = parse_link_options (cli, &link, &year)))
    return status;
  if (!g_uuid_string_is_valid (cli->args[0]))
    return xa_cli_usage_error (_("“%s” is not an archived file’s UUID (“archive list” shows them)"), cli->args[0]);

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !find_link (cli, workspace, year, &link, &school, &agreement, &error) ||
      !(item = xa_archive_relink (xa_workspace_get_archive (workspace), cli->args[0], &link, &error)))
    return xa_cli_user_error (error);

  print_archived (item);
  return EXIT_OK;
}

static JsonObject *
item_to_json (XaArchiveItem *item)
{
  JsonObject *object = json_object_new ();
  g_autofree char *review = xa_archive_item_dup_review_date (item);

  json_object_set_string_member (object, "uuid", xa_archive_item_get_uuid (item));
  json_object_set_string_member (object, "file_name", xa_archive_item_get_file_name (item));
  json_object_set_string_member (object, "sha256", xa_archive_item_get_sha256 (item));
  json_object_set_int_member (object, "size", xa_archive_item_get_size (item));
  json_object_set_string_member (object, "media_type", xa_archive_item_get_media_type (item));
  if (xa_archive_item_get_pages (item) > 0)
    json_object_set_int_member (object, "pages", xa_archive_item_get_pages (item));
  else
    json_object_set_null_member (object, "pages");
  json_object_set_string_member (object, "kind", xa_archive_kind_to_key (xa_archive_item_get_kind (item)));
  json_object_set_string_member (object, "school", xa_archive_item_get_school_code (item));
  json_object_set_string_member (object, "school_name", xa_archive_item_get_school_name (item));
  if (xa_archive_item_get_school_year (item) != 0)
    json_object_set_int_member (object, "year", xa_archive_item_get_school_year (item));
  else
    json_object_set_null_member (object, "year");
  json_object_set_string_member (object, "agreement", xa_archive_item_get_agreement_uuid (item));
  json_object_set_string_member (object, "copy", xa_archive_copy_to_key (xa_archive_item_get_copy (item)));
  json_object_set_string_member (object, "retention", xa_archive_retention_to_key (xa_archive_item_get_retention (item)));
  json_object_set_string_member (object, "review_on", review);
  json_object_set_string_member (object, "notes", xa_archive_item_get_notes (item));
  json_object_set_string_member (object, "imported_at", xa_archive_item_get_imported_at (item));
  json_object_set_string_member (object, "imported_by", xa_archive_item_get_imported_by (item));
  return object;
}

static void
print_items (XaCli     *cli,
             GPtrArray *items)
{
  g_autoptr(JsonArray) array = json_array_new ();

  for (guint i = 0; i < items->len; i++)
    {
      XaArchiveItem *item = g_ptr_array_index (items, i);
      g_autofree char *size = g_format_size ((guint64) xa_archive_item_get_size (item));
      g_autofree char *year = xa_archive_item_get_school_year (item) != 0
                              ? xa_school_year_format_span (xa_archive_item_get_school_year (item)) : g_strdup ("");

      if (cli->json)
        {
          json_array_add_object_element (array, item_to_json (item));
          continue;
        }
      g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.10s\n", xa_archive_item_get_uuid (item),
               xa_archive_item_get_file_name (item), size,
               xa_archive_kind_to_label (xa_archive_item_get_kind (item)),
               xa_archive_item_get_school_name (item) ? xa_archive_item_get_school_name (item) : "",
               year, copy_label (xa_archive_item_get_copy (item)),
               xa_archive_retention_to_label (xa_archive_item_get_retention (item)),
               xa_archive_item_get_imported_at (item));
    }

  if (cli->json)
    xa_cli_print_json_array (array);
}

int
xa_cli_archive_list (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaArchive) archive = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const char *status_text = xa_cli_get_option (cli, "status");
  XaArchiveFilter filter = { 0 };
  int status;

  if ((status = parse_kind (cli, &filter.kind)) || (status = parse_copy (cli, &filter.copy)) ||
      (status = parse_optional_year (cli, &filter.school_year)))
    return status;
  if (status_text != NULL)
    {
      if (g_str_equal (status_text, "linked"))
        filter.status = XA_ARCHIVE_STATUS_LINKED;
      else if (g_str_equal (status_text, "unlinked"))
        filter.status = XA_ARCHIVE_STATUS_UNLINKED;
      else if (g_str_equal (status_text, "original"))
        filter.status = XA_ARCHIVE_STATUS_ORIGINAL;
      else
        return xa_cli_usage_error (_("--status: “%s” is not linked, unlinked or original"), status_text);
    }
  filter.text = cli->search;

  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  if (cli->school != NULL)
    {
      if (!(school = xa_cli_find_school (workspace, cli->school, TRUE, &error)))
        return xa_cli_user_error (error);
      filter.school_uuid = xa_organisation_get_uuid (school);
    }

  archive = g_object_ref (xa_workspace_get_archive (workspace));
  if (!(items = xa_archive_list (archive, &filter, &error)))
    return xa_cli_user_error (error);

  print_items (cli, items);
  return EXIT_OK;
}

int
xa_cli_archive_check (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaArchive) archive = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  archive = g_object_ref (xa_workspace_get_archive (workspace));
  if (!(problems = xa_archive_check (archive, &error)))
    return xa_cli_user_error (error);

  for (guint i = 0; i < problems->len; i++)
    g_printerr ("xiaoan-cli: %s\n", ((XaBlobProblem *) g_ptr_array_index (problems, i))->message);
  if (problems->len > 0)
    return EXIT_USER_ERROR;

  g_print (_("Every stored file is whole and listed; no stray file.\n"));
  return EXIT_OK;
}

int
xa_cli_archive_board (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaArchive) archive = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  g_autofree char *on = NULL;
  gboolean missing_only = xa_cli_get_switch (cli, "missing");
  int year = 0;
  int status;

  if ((status = parse_optional_year (cli, &year)) ||
      (status = xa_cli_parse_date ("on", xa_cli_get_option (cli, "on"), &on)))
    return status;
  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  archive = g_object_ref (xa_workspace_get_archive (workspace));
  if (!(rows = xa_archive_read_board (archive, year, on, &error)))
    return xa_cli_user_error (error);

  for (guint i = 0; i < rows->len; i++)
    {
      XaArchiveBoardRow *row = g_ptr_array_index (rows, i);
      const char *commission = xa_archive_board_row_get_commission_back (row);
      const char *school = xa_archive_board_row_get_school_back (row);
      g_autofree char *year_text = xa_school_year_format_span (xa_archive_board_row_get_school_year (row));
      g_autofree char *days = NULL;
      g_autofree char *commission_text = NULL;
      g_autofree char *school_text = NULL;

      if (missing_only && xa_archive_board_row_get_n_missing (row) == 0)
        continue;

      if (cli->json)
        {
          JsonObject *object = json_object_new ();

          json_object_set_string_member (object, "school", xa_archive_board_row_get_school_code (row));
          json_object_set_string_member (object, "school_name", xa_archive_board_row_get_school_name (row));
          json_object_set_int_member (object, "year", xa_archive_board_row_get_school_year (row));
          json_object_set_string_member (object, "agreement", xa_archive_board_row_get_agreement_uuid (row));
          json_object_set_string_member (object, "state", xa_archive_board_row_get_state (row));
          json_object_set_string_member (object, "out_since", xa_archive_board_row_get_out_since (row));
          if (xa_archive_board_row_get_days_out (row) >= 0)
            json_object_set_int_member (object, "days_out", xa_archive_board_row_get_days_out (row));
          else
            json_object_set_null_member (object, "days_out");
          json_object_set_string_member (object, "commission_back", commission);
          json_object_set_string_member (object, "school_back", school);
          json_array_add_object_element (array, object);
          continue;
        }

      days = xa_archive_board_row_get_days_out (row) >= 0
             /* Translators: how long an agreement has been out for signature */
             ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day out", "%d days out",
                                             xa_archive_board_row_get_days_out (row)),
                                xa_archive_board_row_get_days_out (row))
             : g_strdup (_("not out yet"));
      /* Translators: an original (区教委存), then whether it is back (已收回) */
      commission_text = g_strdup_printf (C_("original", "%s: %s"), xa_archive_copy_to_label (XA_ARCHIVE_COPY_COMMISSION),
                                         commission ? C_("original", "back") : C_("original", "missing"));
      school_text = g_strdup_printf (C_("original", "%s: %s"), xa_archive_copy_to_label (XA_ARCHIVE_COPY_SCHOOL),
                                     school ? C_("original", "back") : C_("original", "missing"));
      g_print ("%s\t%s\t%s\t%s\t%s\t%s\n",
               xa_archive_board_row_get_school_code (row) ? xa_archive_board_row_get_school_code (row) : "",
               xa_archive_board_row_get_school_name (row), year_text, commission_text, school_text, days);
    }

  if (cli->json)
    xa_cli_print_json_array (array);
  return EXIT_OK;
}

int
xa_cli_archive_due (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaArchive) archive = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *on = NULL;
  int status;

  if ((status = xa_cli_parse_date ("on", xa_cli_get_option (cli, "on"), &on)))
    return status;
  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  archive = g_object_ref (xa_workspace_get_archive (workspace));
  if (!(items = xa_archive_list_due (archive, on, &error)))
    return xa_cli_user_error (error);

  print_items (cli, items);
  return EXIT_OK;
}

/* The bytes to show or export: an archived item by UUID, else a file outside the
 * archive (previewed as it is, through the same helper). */
static GBytes *
load_source (XaCli        *cli,
             XaWorkspace **workspace,
             char        **name,
             GError      **error)
{
  const char *source = cli->args[0];

  if (g_uuid_string_is_valid (source))
    {
      g_autoptr(XaArchive) archive = NULL;
      g_autoptr(XaArchiveItem) item = NULL;

      if (!(*workspace = xa_cli_open_workspace (cli, error)))
        return NULL;
      archive = g_object_ref (xa_workspace_get_archive (*workspace));
      if (!(item = xa_archive_dup_item (archive, source, error)))
        return NULL;
      *name = g_strdup (xa_archive_item_get_file_name (item));
      return xa_archive_dup_content (archive, item, error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (source);
      gchar *data = NULL;
      gsize length = 0;

      *name = g_filename_display_basename (source);
      if (!g_file_load_contents (file, NULL, &data, &length, NULL, error))
        return NULL;
      return g_bytes_new_take (data, length);
    }
}

static gboolean
write_out (const char  *path,
           GBytes      *bytes,
           GError     **error)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_file_set_contents_full (path, data, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0644, error);
}

int
xa_cli_archive_preview (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(XaPreview) preview = NULL;
  g_autofree char *name = NULL;
  int page, size, timeout;
  int status;

  if ((status = parse_number (cli, "page", 1, 100000, 1, &page)) ||
      (status = parse_number (cli, "size", 16, 16384, 1600, &size)) ||
      (status = parse_number (cli, "timeout", 1, 600, XA_PREVIEW_DEFAULT_TIMEOUT_MS / 1000, &timeout)))
    return status;
  if (cli->out == NULL)
    return xa_cli_usage_error (_("--out is required: the PNG file to write"));

  if (!(content = load_source (cli, &workspace, &name, &error)) ||
      !(preview = xa_preview_render (content, name, page, size, size, (guint) timeout * 1000, NULL, &error)) ||
      !write_out (cli->out, preview->png, &error))
    return xa_cli_user_error (error);

  /* Translators: the file, its page and pages, then the PNG's width and height */
  g_print (_("“%s”, page %d of %d: %d × %d pixels\n"), name, page, preview->n_pages, preview->width, preview->height);
  return EXIT_OK;
}

int
xa_cli_archive_export (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *name = NULL;

  if (cli->out == NULL)
    return xa_cli_usage_error (_("--out is required: the file to write"));
  if (!g_uuid_string_is_valid (cli->args[0]))
    return xa_cli_usage_error (_("“%s” is not an archived file’s UUID (“archive list” shows them)"), cli->args[0]);

  if (!(content = load_source (cli, &workspace, &name, &error)) || !write_out (cli->out, content, &error))
    return xa_cli_user_error (error);

  g_print (_("Wrote “%s” to %s\n"), name, cli->out);
  return EXIT_OK;
}
