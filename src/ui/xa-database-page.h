/* xa-database-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XA_TYPE_DATABASE_PAGE (xa_database_page_get_type ())

G_DECLARE_FINAL_TYPE (XaDatabasePage, xa_database_page, XA, DATABASE_PAGE, AdwPreferencesPage)

void xa_database_page_set_data_dir (XaDatabasePage *self,
                                    const char     *data_dir);

G_END_DECLS
