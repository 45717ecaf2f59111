/* xa-test-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

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
void     xa_test_run_cli_argv (XaTestRun          *run,
                               const char         *data_dir,
                               const char * const *args);

void     xa_test_run_cli_chinese (XaTestRun          *run,
                                  const char         *data_dir,
                                  const char * const *args);
JsonArray *xa_test_run_cli_json (const char *data_dir,
                                 const char *first_arg,
                                 ...) G_GNUC_NULL_TERMINATED;

void     xa_test_add_corpus   (const char            *prefix,
                               GTestDataFunc          func);
char    *xa_test_write_file   (const char *dir,
                               const char *name,
                               const char *contents,
                               gsize       length);
void     xa_test_remove_tree  (const char *path);

/* A fixture for tests of one database file: a new folder @dir, removed with all it holds
 * on tear-down, and @path, the file xiaoan.db in it (not created). */
typedef struct
{
  char *dir;
  char *path;
} XaTestDbDir;

void     xa_test_db_dir_set_up    (XaTestDbDir   *fixture,
                                   gconstpointer  user_data);
void     xa_test_db_dir_tear_down (XaTestDbDir   *fixture,
                                   gconstpointer  user_data);

/* A fixture for the tests of xiaoan-cli: a new folder @dir, removed with all it holds on
 * tear-down, and @data_dir in it, which `xiaoan-cli demo` filled with a demo district. */
typedef struct
{
  char *dir;
  char *data_dir;
} XaTestDemoDir;

void     xa_test_demo_dir_set_up    (XaTestDemoDir *fixture,
                                     const char    *name,
                                     guint          n_schools);
void     xa_test_demo_dir_tear_down (XaTestDemoDir *fixture);

gint64   xa_test_query_int    (XaStore    *store,
                               const char *sql);
char    *xa_test_query_text   (XaStore    *store,
                               const char *sql);
char    *xa_test_fingerprint  (XaStore    *store);
char    *xa_test_fingerprint_tables (XaStore            *store,
                                     const char * const *tables);
void     xa_test_assert_audit (XaStore    *store,
                               gint64      expected_entries,
                               gint64      expected_broken);
void     xa_test_assert_chain_holds (XaStore *store);

const char  *xa_test_server_uri              (void);
char        *xa_test_new_server_location     (void);
XaStore     *xa_test_store_new               (void);
char        *xa_test_location_new            (const char *dir);
XaWorkspace *xa_test_workspace_open          (const char *location,
                                              const char *operator_name);

/* The register's schools, in its order, each a reference (XaOrganisation). */
GPtrArray   *xa_test_dup_schools             (XaWorkspace *workspace);

XaWorkspace *xa_test_workspace_new_in_memory (const char *operator_name,
                                              guint       n_demo_schools);

G_END_DECLS
