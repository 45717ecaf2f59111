/* xa-cli-hazard-policy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli hazard deadlines [--general DAYS] [--major DAYS] [--json]`: the district's
 * default deadlines by grade (xa-hazard-policy.h), shown, or changed and shown. What is
 * not given stays.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-cli-private.h"
#include "core/hazards/xa-hazard-policy.h"

const XaCliOption xa_cli_hazard_deadlines_options[] = {
  { "general", G_OPTION_ARG_STRING, N_("days after it is found that a general (一般) hazard is due by default"), "DAYS", NULL },
  { "major", G_OPTION_ARG_STRING, N_("days after it is found that a major (重大) hazard is due by default"), "DAYS", NULL },
  { NULL }
};

int
xa_cli_hazard_deadlines (XaCli *cli)
{
  static const char * const options[XA_N_HAZARD_GRADES] = { "general", "major" };
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  XaHazardSettings settings;
  gboolean changed = FALSE;

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !xa_hazard_book_read_settings (xa_workspace_get_hazards (workspace), &settings, &error))
    return xa_cli_user_error (error);

  for (XaHazardGrade grade = 0; grade < XA_N_HAZARD_GRADES; grade++)
    {
      const char *text = xa_cli_get_option (cli, options[grade]);
      guint64 days = 0;

      if (text == NULL)
        continue;
      if (!g_ascii_string_to_unsigned (text, 10, 0, XA_HAZARD_MAX_DEADLINE_DAYS, &days, NULL))
        return xa_cli_usage_error (_("--%s needs a number of days from 0 to %d"), options[grade],
                                   XA_HAZARD_MAX_DEADLINE_DAYS);
      settings.deadline_days[grade] = (guint) days;
      changed = TRUE;
    }

  if (changed && !xa_hazard_book_save_settings (xa_workspace_get_hazards (workspace), &settings, &error))
    return xa_cli_user_error (error);

  if (cli->json)
    {
      g_autoptr(JsonArray) array = json_array_new ();

      for (XaHazardGrade grade = 0; grade < XA_N_HAZARD_GRADES; grade++)
        {
          JsonObject *object = json_object_new ();

          json_object_set_string_member (object, "grade", xa_hazard_grade_to_key (grade));
          json_object_set_int_member (object, "deadline_days", settings.deadline_days[grade]);
          json_array_add_object_element (array, object);
        }
      xa_cli_print_json_array (array);
      return EXIT_OK;
    }

  for (XaHazardGrade grade = 0; grade < XA_N_HAZARD_GRADES; grade++)
    /* Translators: a grade (一般), then its default deadline in days */
    g_print (g_dngettext (GETTEXT_PACKAGE, "%s: due %u day after it is found\n",
                          "%s: due %u days after it is found\n", settings.deadline_days[grade]),
             xa_hazard_grade_to_label (grade), settings.deadline_days[grade]);
  return EXIT_OK;
}
