/* xa-cli-campaign-files.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli campaign attach|files|detach`: the files of a school's record of a special
 * campaign (the scanned 方案, photos of activities, the signed 总结). One file per
 * `attach`, so that a refused file leaves nothing half done. Parts are given by key
 * (plan, activities, summary) or by name (方案, 记录, 总结).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-cli-private.h"
#include "core/hazards/xa-campaign-attachments.h"

const XaCliOption xa_cli_campaign_attach_options[] = {
  { "campaign", G_OPTION_ARG_STRING, N_("the campaign, by key or name (“campaign list” shows them)"), "KEY", NULL },
  { "part", G_OPTION_ARG_STRING, N_("the part the file documents: plan, activities or summary"), "PART", NULL },
  { NULL }
};

const XaCliOption xa_cli_campaign_files_options[] = {
  { "campaign", G_OPTION_ARG_STRING, N_("the campaign, by key or name (“campaign list” shows them)"), "KEY", NULL },
  { NULL }
};

static const XaCampaignParts all_parts[] = {
  XA_CAMPAIGN_PART_PLAN, XA_CAMPAIGN_PART_ACTIVITIES, XA_CAMPAIGN_PART_SUMMARY,
};

static int
parse_part (const char      *text,
            XaCampaignParts *part)
{
  if (text == NULL)
    return xa_cli_usage_error (_("--part is required: plan, activities or summary"));

  if (xa_campaign_part_from_key (text, part))
    return EXIT_OK;
  for (guint i = 0; i < G_N_ELEMENTS (all_parts); i++)
    if (g_str_equal (text, xa_campaign_part_to_label (all_parts[i])))
      {
        *part = all_parts[i];
        return EXIT_OK;
      }

  return xa_cli_usage_error (_("--part: “%s” is not one of plan, activities, summary"), text);
}

int
xa_cli_campaign_attach (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(XaCampaign) campaign = NULL;
  g_autoptr(XaCampaignAttachment) attachment = NULL;
  XaCampaignParts part = XA_CAMPAIGN_PART_PLAN;
  int status;

  if ((status = parse_part (xa_cli_get_option (cli, "part"), &part)))
    return status;
  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  if ((status = xa_cli_find_campaign (cli, workspace, &school, &campaign)))
    return status;

  if (!(attachment = xa_campaign_attachments_add_file (xa_workspace_get_inspections (workspace),
                                                       xa_campaign_get_uuid (campaign),
                                                       xa_organisation_get_uuid (school), part,
                                                       cli->args[0], &error)))
    return xa_cli_user_error (error);

  /* Translators: a file, then a school's code, a campaign such as 防溺水 and a part such as 方案 */
  g_print (_("Attached “%s” to %s: %s, %s\n"), xa_campaign_attachment_get_file_name (attachment), cli->school,
           xa_campaign_get_name (campaign), xa_campaign_part_to_label (part));
  return EXIT_OK;
}

int
xa_cli_campaign_files (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(XaCampaign) campaign = NULL;
  g_autoptr(GListModel) attachments = NULL;
  g_autoptr(JsonArray) array = NULL;
  int status;

  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  if ((status = xa_cli_find_campaign (cli, workspace, &school, &campaign)))
    return status;
  if (!(attachments = xa_campaign_attachments_list (xa_workspace_get_inspections (workspace),
                                                    xa_campaign_get_uuid (campaign),
                                                    xa_organisation_get_uuid (school), &error)))
    return xa_cli_user_error (error);

  if (cli->json)
    array = json_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (attachments); i++)
    {
      g_autoptr(XaCampaignAttachment) attachment = g_list_model_get_item (attachments, i);
      XaCampaignParts part = xa_campaign_attachment_get_part (attachment);

      if (array != NULL)
        {
          JsonObject *object = json_object_new ();

          json_object_set_string_member (object, "uuid", xa_campaign_attachment_get_uuid (attachment));
          json_object_set_string_member (object, "part", xa_campaign_part_to_key (part));
          json_object_set_string_member (object, "file_name", xa_campaign_attachment_get_file_name (attachment));
          json_object_set_string_member (object, "media_type", xa_campaign_attachment_get_media_type (attachment));
          json_object_set_int_member (object, "size", xa_campaign_attachment_get_size (attachment));
          json_object_set_string_member (object, "sha256", xa_campaign_attachment_get_sha256 (attachment));
          json_object_set_string_member (object, "added_at", xa_campaign_attachment_get_added_at (attachment));
          json_object_set_string_member (object, "added_by", xa_campaign_attachment_get_added_by (attachment));
          json_array_add_object_element (array, object);
        }
      else
        {
          g_autofree char *size = g_format_size ((guint64) xa_campaign_attachment_get_size (attachment));

          g_print ("%s\t%s\t%s\t%s\t%s\n", xa_campaign_attachment_get_uuid (attachment),
                   xa_campaign_part_to_label (part), xa_campaign_attachment_get_file_name (attachment), size,
                   xa_campaign_attachment_get_added_by (attachment));
        }
    }

  if (array != NULL)
    xa_cli_print_json_array (array);
  return EXIT_OK;
}

int
xa_cli_campaign_detach (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !xa_campaign_attachments_remove (xa_workspace_get_inspections (workspace), cli->args[0], &error))
    return xa_cli_user_error (error);

  g_print (_("Removed the attachment %s\n"), cli->args[0]);
  return EXIT_OK;
}
