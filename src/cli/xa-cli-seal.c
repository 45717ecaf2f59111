/* xa-cli-seal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli seal import`, `seal list` and `seal withdraw` (issue 12): the seal images
 * of the commission and of each school, and with --person the signature of one of their
 * people, over xa-seal-images.c. An image is a PNG with a
 * transparent background; a scan as it came (opaque), a broken or truncated file is
 * refused with the core's message naming the file, and nothing is stored. Who
 * authorised the image is recorded with it and in the audit log.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-cli-private.h"
#include "core/registry/xa-seal-images.h"

const XaCliOption xa_cli_seal_import_options[] = {
  { "commission", G_OPTION_ARG_NONE, N_("the commission’s seal (区教委)"), NULL, NULL },
  { "person", G_OPTION_ARG_STRING, N_("a person of the school or the commission, by name: their signature rather than the seal"),
    "NAME", N_("--person needs a person’s name") },
  { "authorised-by", G_OPTION_ARG_STRING, N_("who authorised the image, recorded with it and in the audit log"), "NAME",
    N_("--authorised-by needs the name of who authorised the image") },
  { NULL }
};

const XaCliOption xa_cli_seal_list_options[] = {
  { "commission", G_OPTION_ARG_NONE, N_("the commission’s seal (区教委)"), NULL, NULL },
  { "person", G_OPTION_ARG_STRING, N_("a person of the school or the commission, by name: their signature rather than the seal"),
    "NAME", N_("--person needs a person’s name") },
  { NULL }
};

const XaCliOption xa_cli_seal_withdraw_options[] = {
  { "reason", G_OPTION_ARG_STRING, N_("why the image is withdrawn, kept with it"), "TEXT",
    N_("--reason needs a text") },
  { NULL }
};

/* The organisation whose seal: the school of --school, or the commission with
 * --commission; exactly one of them. */
static XaOrganisation *
find_owner (XaCli        *cli,
            XaWorkspace  *workspace,
            XaSealOwner  *owner,
            int          *status)
{
  gboolean commission = xa_cli_get_switch (cli, "commission");
  g_autoptr(GError) error = NULL;
  XaOrganisation *organisation;

  if (commission == (cli->school != NULL))
    {
      *status = xa_cli_usage_error (_("give either --school CODE or --commission"));
      return NULL;
    }

  if (commission)
    {
      *owner = XA_SEAL_OWNER_COMMISSION;
      if (!(organisation = xa_school_registry_dup_commission (xa_workspace_get_registry (workspace))))
        {
          g_printerr ("%s\n", _("The commission is not set up yet: set it up in the app's preferences or with “xiaoan-cli demo”."));
          *status = EXIT_USER_ERROR;
        }
      return organisation;
    }

  *owner = XA_SEAL_OWNER_SCHOOL;
  if (!(organisation = xa_cli_find_school (workspace, cli->school, FALSE, &error)))
    *status = xa_cli_user_error (error);
  return organisation;
}

/* Whose image: @organisation's seal, or with --person the signature of its one person of
 * that name. Returns: (transfer full): the owner's UUID, or NULL with *status set */
static char *
find_image_owner (XaCli           *cli,
                  XaWorkspace     *workspace,
                  XaOrganisation  *organisation,
                  XaSealOwner     *owner,
                  char           **owner_name,
                  int             *status)
{
  const char *name = xa_cli_get_option (cli, "person");
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  guint n_found = 0;

  if (name == NULL)
    {
      *owner_name = g_strdup (xa_organisation_get_name (organisation));
      return g_strdup (xa_organisation_get_uuid (organisation));
    }

  if (!(people = xa_school_registry_list_people (xa_workspace_get_registry (workspace),
                                                 xa_organisation_get_uuid (organisation), &error)))
    {
      *status = xa_cli_user_error (error);
      return NULL;
    }
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(XaPerson) person = g_list_model_get_item (people, i);

      if (g_strcmp0 (xa_person_get_name (person), name) == 0 && n_found++ == 0)
        uuid = g_strdup (xa_person_get_uuid (person));
    }
  if (n_found != 1)
    {
      g_printerr ("xiaoan-cli: ");
      /* Translators: a school's (or the commission's) name, then the name given with --person */
      g_printerr (n_found == 0 ? _("--person: %s has nobody called %s\n")
                               : _("--person: %s has several people called %s; tell them apart in the app\n"),
                  xa_organisation_get_name (organisation), name);
      *status = EXIT_USER_ERROR;
      return NULL;
    }

  *owner = XA_SEAL_OWNER_PERSON;
  *owner_name = g_strdup (name);
  return g_steal_pointer (&uuid);
}

static void
print_image (XaSealImage *image)
{
  const char *when = xa_seal_image_get_authorised_at (image);

  if (xa_seal_image_is_current (image))
    /* Translators: an image's UUID, its size in pixels, who authorised it and when */
    g_print (_("%s\t%d × %d\tin use\tauthorised by %s, %s\n"), xa_seal_image_get_uuid (image),
             xa_seal_image_get_width (image), xa_seal_image_get_height (image),
             xa_seal_image_get_authorised_by (image), when);
  else
    {
      const char *withdrawn = xa_seal_image_get_withdrawn_at (image);

      /* Translators: an image's UUID, its size in pixels, who authorised it and when,
       * who withdrew it, when and why */
      g_print (_("%s\t%d × %d\twithdrawn\tauthorised by %s, %s; withdrawn by %s, %s: %s\n"), xa_seal_image_get_uuid (image),
               xa_seal_image_get_width (image), xa_seal_image_get_height (image),
               xa_seal_image_get_authorised_by (image), when,
               xa_seal_image_get_withdrawn_by (image), withdrawn, xa_seal_image_get_withdrawn_reason (image));
    }
}

int
xa_cli_seal_import (XaCli *cli)
{
  const char *authorised_by = xa_cli_get_option (cli, "authorised-by");
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) organisation = NULL;
  g_autoptr(XaSealImage) image = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *owner_uuid = NULL;
  g_autofree char *owner_name = NULL;
  XaSealOwner owner = XA_SEAL_OWNER_SCHOOL;
  int status = EXIT_OK;

  if (authorised_by == NULL || authorised_by[0] == '\0')
    return xa_cli_usage_error (_("seal import needs --authorised-by NAME: who authorised the image"));
  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  if (!(organisation = find_owner (cli, workspace, &owner, &status)) ||
      !(owner_uuid = find_image_owner (cli, workspace, organisation, &owner, &owner_name, &status)))
    return status;

  /* The store records its operator as who authorised the image. */
  xa_store_set_operator (xa_workspace_get_store (workspace), authorised_by);
  file = g_file_new_for_commandline_arg (cli->args[0]);
  if (!(image = xa_seal_images_import_file (xa_workspace_get_registry (workspace), owner, owner_uuid, file, &error)))
    return xa_cli_user_error (error);

  if (owner == XA_SEAL_OWNER_PERSON)
    /* Translators: whose signature (a person's name) */
    g_print (_("The signature of %s is in use:\n"), owner_name);
  else
    /* Translators: whose seal (a school's or the commission's name) */
    g_print (_("The seal of %s is in use:\n"), owner_name);
  print_image (image);
  return EXIT_OK;
}

int
xa_cli_seal_list (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) organisation = NULL;
  g_autoptr(GListModel) images = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  g_autofree char *owner_uuid = NULL;
  g_autofree char *owner_name = NULL;
  XaSealOwner owner = XA_SEAL_OWNER_SCHOOL;
  int status = EXIT_OK;

  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  if (!(organisation = find_owner (cli, workspace, &owner, &status)) ||
      !(owner_uuid = find_image_owner (cli, workspace, organisation, &owner, &owner_name, &status)))
    return status;
  if (!(images = xa_seal_images_list (xa_workspace_get_registry (workspace), owner, owner_uuid, &error)))
    return xa_cli_user_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (images); i++)
    {
      g_autoptr(XaSealImage) image = g_list_model_get_item (images, i);
      JsonObject *object;

      if (!cli->json)
        {
          print_image (image);
          continue;
        }

      object = json_object_new ();
      json_object_set_string_member (object, "uuid", xa_seal_image_get_uuid (image));
      json_object_set_string_member (object, "owner", xa_seal_owner_to_key (xa_seal_image_get_owner (image)));
      json_object_set_string_member (object, "sha256", xa_seal_image_get_sha256 (image));
      json_object_set_int_member (object, "width", xa_seal_image_get_width (image));
      json_object_set_int_member (object, "height", xa_seal_image_get_height (image));
      json_object_set_boolean_member (object, "current", xa_seal_image_is_current (image));
      json_object_set_string_member (object, "authorised_at", xa_seal_image_get_authorised_at (image));
      json_object_set_string_member (object, "authorised_by", xa_seal_image_get_authorised_by (image));
      json_object_set_string_member (object, "withdrawn_at", xa_seal_image_get_withdrawn_at (image));
      json_object_set_string_member (object, "withdrawn_by", xa_seal_image_get_withdrawn_by (image));
      json_object_set_string_member (object, "withdrawn_reason", xa_seal_image_get_withdrawn_reason (image));
      json_array_add_object_element (array, object);
    }

  if (cli->json)
    xa_cli_print_json_array (array);
  return EXIT_OK;
}

int
xa_cli_seal_withdraw (XaCli *cli)
{
  const char *reason = xa_cli_get_option (cli, "reason");
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;

  if (reason == NULL || reason[0] == '\0')
    return xa_cli_usage_error (_("seal withdraw needs --reason TEXT: why the image is withdrawn"));
  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  if (!xa_seal_images_withdraw (xa_workspace_get_registry (workspace), cli->args[0], reason, &error))
    return xa_cli_user_error (error);

  /* Translators: the UUID of a seal image */
  g_print (_("Withdrawn: %s; new documents show the placeholder until another image is imported\n"), cli->args[0]);
  return EXIT_OK;
}
