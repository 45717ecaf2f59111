/* xa-table-cells.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Values as a narrow cell of a form's table prints them (xa-page-table.h): a date as
 * 2021年9月3日 that breaks after its year only, a hazard number that breaks after its
 * hyphens. A text that is not a date is printed as it is. */
char *xa_table_cell_date   (const char *iso);
char *xa_table_cell_number (const char *number);

G_END_DECLS
