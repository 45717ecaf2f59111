/* xa-incident-book-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the drill book and the incident book share, inside a read or a write.
 */

#pragma once

#include "xa-drill-book.h"
#include "xa-incident.h"
#include "core/store/xa-store.h"

G_BEGIN_DECLS

gboolean _xa_incident_find_school       (XaStore             *store,
                                         const char          *school_uuid,
                                         gint64              *organisation_id,
                                         char               **code,
                                         GQuark               domain,
                                         int                  not_found,
                                         GError             **error);
gboolean _xa_incident_validate_evidence (const char * const  *evidence,
                                         GQuark               domain,
                                         int                  code,
                                         GError             **error);
gboolean _xa_incident_find_evidence     (XaStore             *store,
                                         const char * const  *evidence,
                                         GQuark               domain,
                                         int                  code,
                                         GError             **error);
gboolean _xa_drill_read_policy          (XaStore             *store,
                                         XaDrillPolicy       *policy,
                                         GError             **error);
gboolean _xa_drill_write_policy         (XaStore             *store,
                                         const XaDrillPolicy *policy,
                                         GError             **error);
gboolean _xa_drill_is_kindergarten      (XaStore             *store,
                                         const char          *school_uuid,
                                         gboolean            *kindergarten,
                                         GError             **error);

XaStore *_xa_drill_book_get_store       (XaDrillBook         *self);
gboolean _xa_drill_validate             (const XaDrillFields *fields,
                                         GError             **error);
void     _xa_edit_note_change           (GString             *changed,
                                         const char          *field);
gboolean _xa_incident_validate          (const XaIncidentFields *fields,
                                         GError             **error);

G_END_DECLS
