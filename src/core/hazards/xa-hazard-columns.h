/* xa-hazard-columns.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-hazard.h"

G_BEGIN_DECLS

/* The ledger's columns as its files and printed forms name them (reference/domain.md
 * §3.2), in the order of an exported ledger's header row. */
typedef enum
{
  XA_LEDGER_COLUMN_NUMBER,
  XA_LEDGER_COLUMN_SCHOOL,
  XA_LEDGER_COLUMN_SCHOOL_YEAR,
  XA_LEDGER_COLUMN_INSPECTION_TYPE,
  XA_LEDGER_COLUMN_FOUND_ON,
  XA_LEDGER_COLUMN_FOUND_BY,
  XA_LEDGER_COLUMN_PLACE,
  XA_LEDGER_COLUMN_CATEGORY,
  XA_LEDGER_COLUMN_DESCRIPTION,
  XA_LEDGER_COLUMN_GRADE,
  XA_LEDGER_COLUMN_TEMPORARY_MEASURES,
  XA_LEDGER_COLUMN_MEASURES,
  XA_LEDGER_COLUMN_DEPARTMENT,
  XA_LEDGER_COLUMN_RESPONSIBLE,
  XA_LEDGER_COLUMN_DEADLINE,
  XA_LEDGER_COLUMN_FUNDS,
  XA_LEDGER_COLUMN_FUNDS_SOURCE,
  XA_LEDGER_COLUMN_REPORTED,
  XA_LEDGER_COLUMN_REPORTED_ON,
  XA_LEDGER_COLUMN_SUPERVISED,
  XA_LEDGER_COLUMN_SUPERVISOR,
  XA_LEDGER_COLUMN_COMPLETED_ON,
  XA_LEDGER_COLUMN_COMPLETION_NOTES,
  XA_LEDGER_COLUMN_REINSPECTOR,
  XA_LEDGER_COLUMN_REINSPECTED_ON,
  XA_LEDGER_COLUMN_REINSPECTION_RESULT,
  XA_LEDGER_COLUMN_CLOSED_ON,
  XA_LEDGER_COLUMN_CLOSED_BY,
  XA_LEDGER_COLUMN_STATE,
  XA_LEDGER_COLUMN_OVERDUE,      /* computed from the deadline and a day; never read back */
  XA_LEDGER_COLUMN_REMARKS,
  XA_N_LEDGER_COLUMNS
} XaLedgerColumn;

/* What a column's cells hold, for a spreadsheet to type them. */
typedef enum
{
  XA_LEDGER_CELL_TEXT,
  XA_LEDGER_CELL_DATE,    /* YYYY-MM-DD in text, a date in a spreadsheet */
  XA_LEDGER_CELL_AMOUNT,  /* yuan, a number in a spreadsheet */
} XaLedgerCellKind;

const char       *xa_ledger_column_to_heading   (XaLedgerColumn  column);
gboolean          xa_ledger_column_from_heading (const char     *heading,
                                                 XaLedgerColumn *column);
XaHazardField     xa_ledger_column_get_field    (XaLedgerColumn  column);
XaLedgerColumn    xa_ledger_column_for_field    (XaHazardField   field);
XaLedgerCellKind  xa_ledger_column_get_kind     (XaLedgerColumn  column);
char             *xa_ledger_column_dup_text     (XaLedgerColumn  column,
                                                 XaHazard       *hazard,
                                                 const char     *school_name,
                                                 const GDate    *today);

/* The values of the typed columns (inspection type, category, grade, re-inspection
 * result, state, and the yes/no columns) as documents and files write them: Chinese
 * whatever the interface's language. */
const char       *xa_hazard_value_to_chinese    (XaHazardField   field,
                                                 int             value);
gboolean          xa_hazard_value_from_chinese  (XaHazardField   field,
                                                 const char     *text,
                                                 int            *value);

G_END_DECLS
