/* xa-governance-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the 综治 registers share: a school's row ID from its UUID, a row of one school
 * from its UUID, and the checks of a date, a text and a school year whose messages name
 * the field; and the binding of an optional filter.
 */

#pragma once

#include "core/store/xa-store.h"

G_BEGIN_DECLS

gint64    _xa_governance_school_id  (XaStore     *store,
                                     const char  *school_uuid,
                                     GError     **error);
gint64    _xa_governance_row_id     (XaStore     *store,
                                     const char  *table,
                                     const char  *uuid,
                                     gint64       school_id,
                                     GError     **error);
gboolean  _xa_governance_check_date (const char  *date,
                                     const char  *field,
                                     GError     **error);
gboolean  _xa_governance_check_time (const char  *time,
                                     const char  *field,
                                     GError     **error);
gboolean  _xa_governance_check_text (const char  *text,
                                     guint        max_chars,
                                     const char  *field,
                                     GError     **error);
void      _xa_governance_bind_optional (XaStatement *statement,
                                        int          first,
                                        const char  *value);
gboolean  _xa_governance_check_year (int          school_year,
                                     GError     **error);

G_END_DECLS
