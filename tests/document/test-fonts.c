/* test-fonts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <string.h>

#include "document/xa-font-resolver.h"

/* The set-up installs fonts-noto-cjk, fonts-arphic-ukai and fonts-lxgw-wenkai and none of
 * the commercial 方正 or _GB2312 faces, so every role falls back, and says so. */
static void
test_fonts_fallbacks_named (void)
{
  g_autoptr(XaFontResolver) resolver = xa_font_resolver_new ();
  g_auto(GStrv) warnings = xa_font_resolver_dup_warnings (resolver);
  guint n_substituted = 0;

  g_assert_cmpstr (xa_font_resolver_get_family (resolver, XA_FONT_ROLE_FANGSONG), ==, "Noto Serif CJK SC");
  g_assert_cmpstr (xa_font_resolver_get_family (resolver, XA_FONT_ROLE_HEITI), ==, "Noto Sans CJK SC");
  g_assert_cmpstr (xa_font_resolver_get_family (resolver, XA_FONT_ROLE_KAITI), ==, "AR PL UKai CN");
  g_assert_cmpstr (xa_font_resolver_get_family (resolver, XA_FONT_ROLE_XIAOBIAOSONG), ==, "Noto Serif CJK SC");
  g_assert_true (xa_font_resolver_get_bold (resolver, XA_FONT_ROLE_XIAOBIAOSONG));
  g_assert_false (xa_font_resolver_get_bold (resolver, XA_FONT_ROLE_FANGSONG));

  for (guint role = 0; role < XA_N_FONT_ROLES; role++)
    {
      g_assert_false (xa_font_resolver_is_missing (resolver, role));
      n_substituted += xa_font_resolver_is_substituted (resolver, role);
    }

  /* One warning per substitution, each naming the wanted and the used family. */
  g_assert_cmpuint (g_strv_length (warnings), ==, n_substituted);
  g_assert_cmpuint (n_substituted, ==, XA_N_FONT_ROLES);
  g_assert_nonnull (strstr (warnings[XA_FONT_ROLE_FANGSONG], "仿宋_GB2312"));
  g_assert_nonnull (strstr (warnings[XA_FONT_ROLE_FANGSONG], "Noto Serif CJK SC"));
}

/* On an office machine that has 楷体, the resolver takes it and does not warn about it.
 * A private fontconfig configuration makes such a machine: the installed LXGW WenKai
 * files are scanned afresh (own cache folder) with 楷体 appended to their names. */
static void
test_fonts_wanted_family_found_when_installed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cache_dir = g_dir_make_tmp ("xa-test-fonts-XXXXXX", &error);
  g_autofree char *conf = NULL;
  g_autoptr(XaFontResolver) resolver = NULL;
  FcConfig *config = FcConfigCreate ();

  g_assert_no_error (error);
  if (!g_file_test ("/usr/share/fonts/truetype/lxgw-wenkai", G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("fonts-lxgw-wenkai is not installed");
      return;
    }

  conf = g_strdup_printf ("<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"fonts.dtd\"><fontconfig>"
                          "<dir>/usr/share/fonts/truetype/lxgw-wenkai</dir><cachedir>%s</cachedir>"
                          "<match target=\"scan\"><test name=\"family\"><string>LXGW WenKai</string></test>"
                          "<edit name=\"family\" mode=\"append\"><string>楷体</string></edit></match>"
                          "</fontconfig>", cache_dir);
  g_assert_true (FcConfigParseAndLoadFromMemory (config, (const FcChar8 *) conf, FcTrue));
  g_assert_true (FcConfigBuildFonts (config));
  g_assert_true (FcConfigSetCurrent (config));

  resolver = xa_font_resolver_new ();
  g_assert_cmpstr (xa_font_resolver_get_family (resolver, XA_FONT_ROLE_KAITI), ==, "楷体");
  g_assert_false (xa_font_resolver_is_substituted (resolver, XA_FONT_ROLE_KAITI));

  /* Nothing else is in this configuration: the other roles have no font at all. */
  g_assert_true (xa_font_resolver_is_missing (resolver, XA_FONT_ROLE_FANGSONG));
  g_assert_true (xa_font_resolver_is_substituted (resolver, XA_FONT_ROLE_FANGSONG));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xa/fonts/fallbacks-named", test_fonts_fallbacks_named);
  g_test_add_func ("/xa/fonts/wanted-family-found-when-installed", test_fonts_wanted_family_found_when_installed);

  return g_test_run ();
}
