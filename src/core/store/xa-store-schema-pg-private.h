/* xa-store-schema-pg-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The PostgreSQL steps of the school's records, 16 to 20, 22 and the hazard ledger's 23
 * (xa-store-schema-pg-records.c), which xa-store-schema-pg.c lists with the others. */
extern const char _xa_store_pg_schema_16[];
extern const char _xa_store_pg_schema_17[];
extern const char _xa_store_pg_schema_18[];
extern const char _xa_store_pg_schema_19[];
extern const char _xa_store_pg_schema_20[];
extern const char _xa_store_pg_schema_22[];
extern const char _xa_store_pg_schema_23[];

/* Step 21, the yearly assessment, on both engines (xa-store-schema-assessment.c). */
extern const char _xa_store_schema_21[];
extern const char _xa_store_pg_schema_21[];

G_END_DECLS
