/* xa-hazard-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-hazard.h"

G_BEGIN_DECLS

#define XA_HAZARD_IMPORT_ERROR (xa_hazard_import_error_quark ())

typedef enum
{
  XA_HAZARD_IMPORT_ERROR_READ,      /* the file cannot be read at all */
  XA_HAZARD_IMPORT_ERROR_REJECTED,  /* rows were rejected; nothing is returned */
} XaHazardImportError;

/* The school whose ledger a file is. */
typedef struct
{
  const char *school_uuid;   /* every hazard is recorded for it */
  const char *school_name;   /* (nullable): when given, a 学校 column must name it */
  const char *school_code;   /* (nullable): when given, hazard numbers must carry it */
  int         school_year;   /* 0: each row's 学年度, else its number's, else its 发现日期's */
} XaHazardImportOptions;

GQuark     xa_hazard_import_error_quark (void);
GPtrArray *xa_hazard_import_file        (GFile                        *file,
                                         const XaHazardImportOptions  *options,
                                         GPtrArray                   **problems,
                                         GCancellable                 *cancellable,
                                         GError                      **error);

G_END_DECLS
