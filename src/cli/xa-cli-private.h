/* xa-cli-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the command-line program's files share: the parsed command line and the helpers
 * that keep messages and exit codes alike across commands (DESIGN.md §8).
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "core/store/xa-store.h"

G_BEGIN_DECLS

enum {
  EXIT_OK = 0,
  EXIT_USER_ERROR = 1,
  EXIT_USAGE = 2,
};

typedef struct
{
  char      *data_dir;
  char      *operator_name;
  /* The command and its arguments, global options taken out. */
  GPtrArray *args;
} Cli;

int       xa_cli_usage_error    (const char    *format,
                                 ...) G_GNUC_PRINTF (1, 2);
int       xa_cli_user_error     (const GError  *error);
gboolean  xa_cli_take_option    (char         **argv,
                                 int            argc,
                                 int           *i,
                                 const char    *name,
                                 char         **value,
                                 gboolean      *missing);
XaStore  *xa_cli_open_store     (Cli           *cli,
                                 GError       **error);
/* Adds "name": value, or null for a NULL value. */
void      xa_cli_add_string_member (JsonBuilder *builder,
                                    const char  *name,
                                    const char  *value);

/* xa-cli-agreement.c: "agreement …" and "template …". */
int       xa_cli_agreement      (Cli           *cli);
int       xa_cli_template       (Cli           *cli);
void      xa_cli_agreement_help (void);

G_END_DECLS
