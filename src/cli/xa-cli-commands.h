/* xa-cli-commands.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-cli-private.h"

G_BEGIN_DECLS

/* What a command does to the database. A command that only reads opens it read-only:
 * it creates nothing, migrates nothing, stores no defaults, and says so when there is no
 * database yet. */
typedef enum
{
  XA_CLI_WRITES = 0,  /* the default: opens for writing, creating or migrating */
  XA_CLI_READS,
} XaCliAccess;

typedef struct
{
  const char   *name;              /* "school import" */
  const char   *synopsis;          /* its options and arguments, as the help shows them */
  const char   *argument;          /* the one argument it takes ("FILE.csv"), or NULL */
  XaCliOptions  options;
  XaCliHandler  handler;
  const char   *summary[9];        /* lines of help, NULL-terminated */
  XaCliAccess   access;
  const XaCliOption *own_options;  /* options of this command alone, or NULL */
} XaCliCommand;

/* Every command, in the order of the help (xa-cli-commands.c). */
extern const XaCliCommand xa_cli_commands[];
extern const guint        xa_cli_n_commands;

G_END_DECLS
