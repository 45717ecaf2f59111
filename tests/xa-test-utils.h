/* xa-test-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/store/xa-store.h"
#include "core/xa-workspace.h"

G_BEGIN_DECLS

/* What a run of xiaoan-cli printed and how it ended. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} XaTestRun;

void     xa_test_run_clear    (XaTestRun  *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XaTestRun, xa_test_run_clear)
void     xa_test_run_cli      (XaTestRun  *run,
                               const char *data_dir,
                               const char *first_arg,
                               ...) G_GNUC_NULL_TERMINATED;

void     xa_test_remove_tree  (const char *path);
gint64   xa_test_query_int    (XaStore    *store,
                               const char *sql);
char    *xa_test_query_text   (XaStore    *store,
                               const char *sql);
char    *xa_test_fingerprint  (XaStore    *store);

XaWorkspace *xa_test_workspace_new_in_memory (const char *operator_name,
                                              guint       n_demo_schools);

G_END_DECLS
