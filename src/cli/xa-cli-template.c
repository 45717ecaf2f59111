/* xa-cli-template.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli template …`: the agreement templates of each school year (list, export,
 * import, import an agreement's text, copy into the next year, compare two years).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-cli-private.h"
#include "core/agreements/xa-template-diff.h"
#include "core/agreements/xa-template-outline.h"
#include "core/util/xa-school-year.h"
#include "document/xa-diff-renderer.h"

static XaTemplate *
latest_template (XaWorkspace  *workspace,
                 const char   *year_text,
                 GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  XaTemplate *template;
  int year = 0;

  if (!xa_school_year_parse (year_text, &year, error))
    return NULL;

  template = xa_template_library_dup_latest (xa_workspace_get_templates (workspace), year, &local_error);
  if (template != NULL)
    return template;

  if (!g_error_matches (local_error, XA_TEMPLATE_LIBRARY_ERROR, XA_TEMPLATE_LIBRARY_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* The library does not know which year it was asked for; the user does. */
  name = xa_school_year_format (year, TRUE);
  g_set_error (error, XA_TEMPLATE_LIBRARY_ERROR, XA_TEMPLATE_LIBRARY_ERROR_NOT_FOUND,
               _("There is no template for %s"), name);
  return NULL;
}

int
xa_cli_template_list (XaCli *cli)
{
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *list;

  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);

  list = xa_template_library_get_templates (xa_workspace_get_templates (workspace));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(XaTemplate) template = g_list_model_get_item (list, i);
      g_autofree char *span = xa_school_year_format_span (xa_template_get_school_year (template));

      g_print ("%s\t%d\t%s\t%s\n", span, xa_template_get_version (template),
               xa_template_get_frozen (template) ? _("frozen") : _("editable"),
               xa_template_get_name (template));
    }

  return EXIT_OK;
}

int
xa_cli_template_export (XaCli *cli)
{
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplate) template = NULL;
  g_autoptr(GFile) file = NULL;

  if (cli->year == NULL)
    return xa_cli_usage_error (_("--year is required, such as --year 2021-2022"));

  file = g_file_new_for_commandline_arg (cli->args[0]);
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(template = latest_template (workspace, cli->year, &error)) ||
      !xa_template_library_export_file (xa_workspace_get_templates (workspace), template, file, &error))
    return xa_cli_user_error (error);

  g_print (_("Wrote %s\n"), cli->args[0]);
  return EXIT_OK;
}

int
xa_cli_template_import (XaCli *cli)
{
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplate) template = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *span = NULL;

  file = g_file_new_for_commandline_arg (cli->args[0]);
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(template = xa_template_library_import_file (xa_workspace_get_templates (workspace), file, &error)))
    return xa_cli_user_error (error);

  span = xa_school_year_format_span (xa_template_get_school_year (template));
  g_print (_("Imported the template for %s as version %d\n"), span,
           xa_template_get_version (template));
  return EXIT_OK;
}

/* "template import-text FILE.txt --year Y [--name NAME] [--dry-run]": what was
 * recognised is printed first, so that the user sees what is stored. */
int
xa_cli_template_import_text (XaCli *cli)
{
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplate) template = NULL;
  g_autoptr(XaTextOutline) outline = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *display = NULL;
  g_autofree char *text = NULL;
  g_autofree char *review = NULL;
  g_autofree char *span = NULL;
  g_autofree char *fallback = NULL;
  int year = 0;

  if (cli->year == NULL)
    return xa_cli_usage_error (_("--year is required, such as --year 2021-2022"));
  if (!xa_school_year_parse (cli->year, &year, &error))
    return xa_cli_user_error (error);

  file = g_file_new_for_commandline_arg (cli->args[0]);
  display = g_file_get_parse_name (file);
  if (!(text = xa_template_outline_load_text (file, NULL, &error)))
    return xa_cli_user_error (error);

  /* A text without a title is named after its file, unless --name says otherwise. */
  outline = xa_text_outline_new (text);
  fallback = g_file_get_basename (file);
  if (g_str_has_suffix (fallback, ".txt"))
    fallback[strlen (fallback) - strlen (".txt")] = '\0';
  if (!(template = xa_template_new_from_outline (outline, year, cli->name, NULL)) &&
      !(template = xa_template_new_from_outline (outline, year, fallback, &error)))
    {
      g_prefix_error (&error, "%s: ", display);
      return xa_cli_user_error (error);
    }

  review = xa_template_outline_describe (outline, template);
  g_print ("%s", review);
  if (cli->dry_run)
    return EXIT_OK;

  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  if (!xa_template_library_save (xa_workspace_get_templates (workspace), template, &error))
    {
      g_prefix_error (&error, "%s: ", display);
      return xa_cli_user_error (error);
    }

  span = xa_school_year_format_span (xa_template_get_school_year (template));
  g_print (_("Stored “%s” as version %d of the templates for %s\n"),
           xa_template_get_name (template), xa_template_get_version (template), span);
  return EXIT_OK;
}

int
xa_cli_template_next_year (XaCli *cli)
{
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplate) template = NULL;
  g_autoptr(XaTemplate) copy = NULL;
  g_autofree char *span = NULL;

  if (cli->year == NULL)
    return xa_cli_usage_error (_("--year is required, such as --year 2021-2022"));

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(template = latest_template (workspace, cli->year, &error)) ||
      !(copy = xa_template_library_copy_to_next_year (xa_workspace_get_templates (workspace), template, &error)))
    return xa_cli_user_error (error);

  span = xa_school_year_format_span (xa_template_get_school_year (copy));
  g_print (_("Copied the template into %s as version %d\n"), span,
           xa_template_get_version (copy));
  return EXIT_OK;
}

/* "+ id text", "- id text", or "~ id" with the changed words as [-old-]{+new+}, as
 * `git diff --word-diff` marks them; NULL for an unchanged clause. A clause of the
 * school's has no id anyone knows: its number stands for it. */
static char *
change_to_line (XaTemplateChange *change)
{
  XaTemplateChangeFlags flags = xa_template_change_get_flags (change);
  XaClause *old_clause = xa_template_change_get_old_clause (change);
  XaClause *new_clause = xa_template_change_get_new_clause (change);
  const char *id = xa_template_change_get_clause_id (change);
  g_autoptr(GString) line = g_string_new (NULL);
  GPtrArray *segments;

  if (xa_template_change_is_supplement (change))
    id = xa_clause_get_number (new_clause ? new_clause : old_clause);

  if (flags & XA_TEMPLATE_CHANGE_ADDED)
    return g_strdup_printf ("+ %s %s", id, xa_clause_get_text (new_clause));
  if (flags & XA_TEMPLATE_CHANGE_REMOVED)
    return g_strdup_printf ("- %s %s", id, xa_clause_get_text (old_clause));
  if ((flags & (XA_TEMPLATE_CHANGE_CHANGED | XA_TEMPLATE_CHANGE_MOVED)) == 0)
    return NULL;

  g_string_printf (line, "~ %s ", id);
  segments = xa_template_change_get_text_segments (change);
  for (guint i = 0; segments != NULL && i < segments->len; i++)
    {
      const XaDiffSegment *segment = g_ptr_array_index (segments, i);

      if (segment->op == XA_DIFF_DELETED)
        g_string_append_printf (line, "[-%s-]", segment->text);
      else if (segment->op == XA_DIFF_INSERTED)
        g_string_append_printf (line, "{+%s+}", segment->text);
      else
        g_string_append (line, segment->text);
    }
  if (segments == NULL || segments->len == 0)
    g_string_append (line, xa_clause_get_text (new_clause));

  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* "--pdf FILE": the comparison as the app exports it. */
static int
write_diff_pdf (XaTemplateDiff *diff,
                const char     *path)
{
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  int status;

  if ((status = xa_cli_make_folder (dir)) != EXIT_OK)
    return status;

  xa_cli_print_font_warnings (fonts);

  if (!xa_diff_write_pdf (diff, fonts, path, &error))
    return xa_cli_user_error (error);

  g_print (_("Wrote %s\n"), path);
  return EXIT_OK;
}

/**
 * xa_cli_print_diff:
 * @pdf: (nullable): the PDF file to write instead
 *
 * What "template diff" and "agreement diff" print: a line per clause that changed; the
 * school's clauses last, under a line that says whose they are.
 */
int
xa_cli_print_diff (XaTemplateDiff *diff,
                   const char     *pdf)
{
  gboolean in_supplements = FALSE;

  if (pdf != NULL)
    return write_diff_pdf (diff, pdf);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (diff)); i++)
    {
      g_autoptr(XaTemplateChange) change = g_list_model_get_item (G_LIST_MODEL (diff), i);
      g_autofree char *line = change_to_line (change);

      if (line == NULL)
        continue;

      if (xa_template_change_is_supplement (change) && !in_supplements)
        {
          /* Translators: the line over the school's own clauses in “agreement diff”,
           * which follow the template's. */
          g_print ("%s\n", _("# The school's supplementary clauses (补充条款):"));
          in_supplements = TRUE;
        }
      g_print ("%s\n", line);
    }

  return EXIT_OK;
}

int
xa_cli_template_diff (XaCli *cli)
{
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplate) a = NULL;
  g_autoptr(XaTemplate) b = NULL;
  g_autoptr(XaTemplateDiff) diff = NULL;

  if (cli->years == NULL || g_strv_length (cli->years) != 2)
    return xa_cli_usage_error (_("“template diff” compares two years: --year A --year B"));

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(a = latest_template (workspace, cli->years[0], &error)) ||
      !(b = latest_template (workspace, cli->years[1], &error)))
    return xa_cli_user_error (error);

  diff = xa_template_diff_new (a, b);
  return xa_cli_print_diff (diff, cli->pdf);
}
