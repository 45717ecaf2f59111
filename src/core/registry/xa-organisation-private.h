/* xa-organisation-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-organisation.h"

G_BEGIN_DECLS

/* The registry is the only code that knows database keys and deletion times, so these
 * setters stay out of the public header. */
XaOrganisation *_xa_organisation_new         (XaOrganisationKind  kind,
                                              gint64              id,
                                              const char         *uuid);
void            _xa_organisation_set_id      (XaOrganisation     *self,
                                              gint64              id);
void            _xa_organisation_set_deleted_at (XaOrganisation  *self,
                                              const char         *deleted_at);
/* Copies the editable fields of @from into @self, notifying each one that changed. */
void            _xa_organisation_assign      (XaOrganisation     *self,
                                              XaOrganisation     *from);
/* Strips leading and trailing white space from the text fields, in place. */
void            _xa_organisation_normalise   (XaOrganisation     *self);
/* Checks a person's name: 1–50 characters, no control characters. */
gboolean        _xa_check_person_name        (const char         *name,
                                              GError            **error);
gboolean        _xa_check_text               (const char         *value,
                                              const char         *field_label,
                                              gboolean            required,
                                              guint               max_chars,
                                              GError            **error);
gboolean        _xa_check_phone              (const char         *value,
                                              GError            **error);

G_END_DECLS
