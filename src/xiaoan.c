/* xiaoan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desktop app: sets up the translations and runs XaApplication, which opens the store
 * of the data folder (--data-dir DIR, else $XIAOAN_DATA_DIR, else $XDG_DATA_HOME/xiaoan).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "document/xa-font-resolver.h"
#include "ui/xa-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(XaApplication) app = NULL;
  const char *localedir = g_getenv ("XIAOAN_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir
                                                                               : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("xiaoan");
  g_set_application_name (_("Xiaoan"));

  /* Before GTK makes its first font map: see xa_font_resolver_load_fontconfig(). */
  xa_font_resolver_load_fontconfig ();

  app = xa_application_new (APP_ID);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
