/* xa-archive-link-form.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"

G_BEGIN_DECLS

#define XA_TYPE_ARCHIVE_LINK_FORM (xa_archive_link_form_get_type ())

G_DECLARE_FINAL_TYPE (XaArchiveLinkForm, xa_archive_link_form, XA, ARCHIVE_LINK_FORM, AdwPreferencesGroup)

XaArchiveLinkForm *xa_archive_link_form_new      (XaWorkspace        *workspace);
void               xa_archive_link_form_set      (XaArchiveLinkForm  *self,
                                                  const char         *school_uuid,
                                                  int                 school_year,
                                                  XaArchiveCopy       copy);
gboolean           xa_archive_link_form_get_link (XaArchiveLinkForm  *self,
                                                  XaArchiveLink      *link,
                                                  char              **agreement_uuid,
                                                  GError            **error);
AdwComboRow       *xa_archive_link_form_get_school_row (XaArchiveLinkForm *self);
AdwComboRow       *xa_archive_link_form_get_copy_row   (XaArchiveLinkForm *self);
GtkSpinButton     *xa_archive_link_form_get_year_spin  (XaArchiveLinkForm *self);

G_END_DECLS
