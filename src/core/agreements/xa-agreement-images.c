/* xa-agreement-images.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The images a party of an agreement signs and seals with on its PDF: the commission's
 * seal and its 负责人's signature, the school's seal and its 第一责任人's signature, as
 * the registry has them in use (xa-seal-images.h). The book reads them onto the
 * agreement it hands to a renderer, which lays out what it is given and reads nothing
 * itself; an image withdrawn is no longer read, so a new PDF no longer carries it.
 */

#include "config.h"

#include "xa-agreement-book-private.h"
#include "xa-agreement-images.h"
#include "core/registry/xa-seal-images.h"

typedef struct
{
  GBytes *seal;
  GBytes *signature;
} PartyImages;

static void
party_images_free (gpointer data)
{
  PartyImages *images = data;

  g_clear_pointer (&images->seal, g_bytes_unref);
  g_clear_pointer (&images->signature, g_bytes_unref);
  g_free (images);
}

static GQuark
images_quark (void)
{
  return g_quark_from_static_string ("xa-agreement-party-images");
}

/**
 * xa_agreement_set_party_images:
 * @role: the party's role in the template ("commission", "school")
 * @seal: (nullable): the party's seal, a transparent PNG
 * @signature: (nullable): its responsible person's signature, a transparent PNG
 */
void
xa_agreement_set_party_images (XaAgreement *self,
                               const char  *role,
                               GBytes      *seal,
                               GBytes      *signature)
{
  GHashTable *table;
  PartyImages *images;

  g_return_if_fail (XA_IS_AGREEMENT (self));
  g_return_if_fail (role != NULL);

  if (!(table = g_object_get_qdata (G_OBJECT (self), images_quark ())))
    {
      table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, party_images_free);
      g_object_set_qdata_full (G_OBJECT (self), images_quark (), table, (GDestroyNotify) g_hash_table_unref);
    }

  images = g_new0 (PartyImages, 1);
  images->seal = seal ? g_bytes_ref (seal) : NULL;
  images->signature = signature ? g_bytes_ref (signature) : NULL;
  g_hash_table_replace (table, g_strdup (role), images);
}

static PartyImages *
lookup (XaAgreement *self,
        const char  *role)
{
  GHashTable *table = g_object_get_qdata (G_OBJECT (self), images_quark ());

  return table != NULL && role != NULL ? g_hash_table_lookup (table, role) : NULL;
}

/**
 * xa_agreement_get_party_seal:
 *
 * Returns: (transfer none) (nullable): the seal image of the party of @role
 */
GBytes *
xa_agreement_get_party_seal (XaAgreement *self,
                             const char  *role)
{
  PartyImages *images;

  g_return_val_if_fail (XA_IS_AGREEMENT (self), NULL);

  images = lookup (self, role);
  return images ? images->seal : NULL;
}

/**
 * xa_agreement_get_party_signature:
 *
 * Returns: (transfer none) (nullable): the signature image of the party of @role
 */
GBytes *
xa_agreement_get_party_signature (XaAgreement *self,
                                  const char  *role)
{
  PartyImages *images;

  g_return_val_if_fail (XA_IS_AGREEMENT (self), NULL);

  images = lookup (self, role);
  return images ? images->signature : NULL;
}

/* The signature in use of whoever holds the 第一责任人 role at @organisation_uuid
 * today, or %NULL without an error. */
static GBytes *
dup_responsible_signature (XaSchoolRegistry  *registry,
                           const char        *organisation_uuid,
                           GError           **error)
{
  g_autoptr(XaRole) holder = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!(holder = xa_school_registry_dup_role_holder (registry, organisation_uuid,
                                                     XA_ROLE_KIND_FIRST_RESPONSIBLE, NULL, &local_error)))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return xa_seal_images_dup_current_content (registry, XA_SEAL_OWNER_PERSON,
                                             xa_role_get_person_uuid (holder), error);
}

static gboolean
attach_party (XaAgreement       *agreement,
              XaSchoolRegistry  *registry,
              const char        *role,
              XaSealOwner        owner,
              const char        *organisation_uuid,
              GError           **error)
{
  g_autoptr(GBytes) seal = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!(seal = xa_seal_images_dup_current_content (registry, owner, organisation_uuid, &local_error)) &&
      local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!(signature = dup_responsible_signature (registry, organisation_uuid, &local_error)) &&
      local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  xa_agreement_set_party_images (agreement, role, seal, signature);
  return TRUE;
}

/**
 * xa_agreement_book_attach_images:
 *
 * Reads the seal and signature images in use of the agreement's parties onto
 * @agreement, for its PDF: the commission's and the school's seals, and the signatures
 * of their 第一责任人 today. A party without an image gets none, and its PDF shows the
 * dashed place of the seal and a blank line to sign.
 *
 * Returns: %TRUE when the images were read
 */
gboolean
xa_agreement_book_attach_images (XaAgreementBook  *self,
                                 XaAgreement      *agreement,
                                 GError          **error)
{
  g_autoptr(XaOrganisation) commission = NULL;

  g_return_val_if_fail (XA_IS_AGREEMENT_BOOK (self), FALSE);
  g_return_val_if_fail (XA_IS_AGREEMENT (agreement), FALSE);

  if ((commission = xa_school_registry_dup_commission (self->registry)) != NULL &&
      !attach_party (agreement, self->registry, "commission", XA_SEAL_OWNER_COMMISSION,
                     xa_organisation_get_uuid (commission), error))
    return FALSE;

  return attach_party (agreement, self->registry, "school", XA_SEAL_OWNER_SCHOOL,
                       xa_agreement_get_school_uuid (agreement), error);
}
