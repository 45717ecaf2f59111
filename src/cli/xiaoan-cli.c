/* xiaoan-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command-line program's entry: the locale and the translations, then the commands
 * in xa-cli.c (DESIGN.md §8).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "xa-cli.h"

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("XIAOAN_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return xa_cli_run (argc, argv);
}
