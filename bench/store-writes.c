/* store-writes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the command line cannot time: N schools added through the registry one write
 * each (each its own transaction, audit entry and commit, as a user saving N times in
 * the app), in one process, and the time to open the workspace before them. Prints
 * "OPEN_SECONDS WRITES_SECONDS CONNECTION_SECONDS" on one line for bench/store.sh (the
 * last: a connection alone, before the open; 0 for a file). A benchmark helper, not
 * part of the app.
 *
 * Usage: store-writes LOCATION N   (LOCATION: a file or a postgresql:// URI, new and empty)
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/registry/xa-organisation.h"
#include "core/registry/xa-school-registry.h"
#include "core/store/xa-pg.h"
#include "core/xa-workspace.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  XaSchoolRegistry *registry;
  guint64 n = 0;
  gint64 start, opened, written, connected = 0;

  if (argc != 3 || !g_ascii_string_to_unsigned (argv[2], 10, 1, 999999, &n, NULL))
    {
      fprintf (stderr, "Usage: %s LOCATION N\n", argv[0]);
      return 2;
    }

  /* A connection alone first, on a server: what the open spends before any statement of
   * ours (a backend started, SCRAM-SHA-256 on both sides), beside the open as a whole. */
  if (xa_pg_is_uri (argv[1]))
    {
      g_autoptr(XaPgConnection) connection = NULL;

      start = g_get_monotonic_time ();
      if (!(connection = xa_pg_connection_open (argv[1], NULL, &error)))
        {
          fprintf (stderr, "store-writes: %s\n", error->message);
          return 1;
        }
      connected = g_get_monotonic_time () - start;
    }

  start = g_get_monotonic_time ();
  if (!(workspace = xa_workspace_open_location (argv[1], NULL, "bench", &error)))
    {
      fprintf (stderr, "store-writes: %s\n", error->message);
      return 1;
    }
  opened = g_get_monotonic_time ();

  registry = xa_workspace_get_registry (workspace);
  for (guint64 i = 0; i < n; i++)
    {
      g_autoptr(XaOrganisation) school = xa_organisation_new_school ();
      g_autofree char *code = g_strdup_printf ("2150%06u", (guint) i);
      g_autofree char *name = g_strdup_printf ("基准测试第%u小学", (guint) i + 1);

      xa_organisation_set_code (school, code);
      xa_organisation_set_name (school, name);
      xa_organisation_set_school_type (school, XA_SCHOOL_TYPE_PRIMARY);
      xa_organisation_set_stages (school, xa_school_type_default_stages (XA_SCHOOL_TYPE_PRIMARY));
      if (!xa_school_registry_add_school (registry, school, &error))
        {
          fprintf (stderr, "store-writes: school %s: %s\n", code, error->message);
          return 1;
        }
    }
  written = g_get_monotonic_time ();

  printf ("%.6f %.6f %.6f\n", (opened - start) / 1e6, (written - opened) / 1e6, connected / 1e6);
  return 0;
}
