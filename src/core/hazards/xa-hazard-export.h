/* xa-hazard-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-hazard.h"

G_BEGIN_DECLS

/* What an exported ledger shows besides the hazards' own columns. */
typedef struct
{
  const char *school_name;   /* the 学校 column, for hazards not in school_names */
  GHashTable *school_names;  /* (nullable): school UUID → name, for a ledger of many schools */
  const char *today;         /* YYYY-MM-DD 是否逾期 is computed for; NULL: the local date */
} XaHazardExportInfo;

gboolean  xa_hazard_export_csv   (GPtrArray                 *hazards,
                                  const XaHazardExportInfo  *info,
                                  const char                *path,
                                  GError                   **error);
gboolean  xa_hazard_export_xlsx  (GPtrArray                 *hazards,
                                  const XaHazardExportInfo  *info,
                                  const char                *path,
                                  GError                   **error);
char     *xa_csv_neutralise_cell (const char                *cell);

G_END_DECLS
