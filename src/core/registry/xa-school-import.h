/* xa-school-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-school-registry.h"

G_BEGIN_DECLS

#define XA_IMPORT_ERROR (xa_import_error_quark ())

typedef enum
{
  XA_IMPORT_ERROR_READ,      /* the file cannot be read at all */
  XA_IMPORT_ERROR_REJECTED,  /* rows were rejected; nothing was imported */
} XaImportError;

GQuark    xa_import_error_quark       (void);

/* Imports a school list (CSV, UTF-8 with or without BOM, or GB18030/GBK) all or nothing,
 * in one transaction. On rejection, @problems receives every reason as
 * "FILE:LINE: reason" (in the user's language) and the database is unchanged. */
gboolean  xa_school_import_file       (XaSchoolRegistry     *registry,
                                       GFile                *file,
                                       guint                *n_imported,
                                       GPtrArray           **problems,
                                       GError              **error);
void      xa_school_import_file_async (XaSchoolRegistry     *registry,
                                       GFile                *file,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
/* Returns the number of schools imported; @problems as above. */
gboolean  xa_school_import_file_finish (XaSchoolRegistry    *registry,
                                        GAsyncResult        *result,
                                        guint               *n_imported,
                                        GPtrArray          **problems,
                                        GError             **error);

G_END_DECLS
