/* test-fonts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The font resolver on machines of the test's own making, never on the fonts this one
 * happens to have. Each test fills a folder with symbolic links to font files of the
 * Debian packages fonts-noto-cjk, fonts-arphic-ukai and fonts-lxgw-wenkai, writes a
 * fonts.conf that lists that folder and nothing else, points FONTCONFIG_FILE at it and
 * reloads fontconfig. An office font such as 仿宋_GB2312 is a link to LXGW WenKai that
 * fontconfig is told to call by the wanted family name when it scans the link.
 */

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "xa-test-utils.h"
#include "document/xa-font-resolver.h"

#define NOTO_SERIF "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
#define NOTO_SANS  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
#define UKAI       "/usr/share/fonts/truetype/arphic/ukai.ttc"
#define WENKAI     "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"

typedef struct
{
  const char *link;     /* its name in the test's font folder */
  const char *target;   /* the installed file */
  const char *family;   /* (nullable): the only family it has once scanned */
} FontFile;

/* A fresh Debian machine with the packages the set-up installs. */
#define DEBIAN_FONTS \
  { "NotoSerifCJK-Regular.ttc", NOTO_SERIF, NULL }, \
  { "NotoSansCJK-Regular.ttc", NOTO_SANS, NULL }, \
  { "ukai.ttc", UKAI, NULL }, \
  { "LXGWWenKai-Regular.ttf", WENKAI, NULL }

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("xa-test-fonts-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* Makes @files, and only them, the fonts of this process's fontconfig. */
static void
use_fonts (Fixture        *fixture,
           const FontFile *files,
           guint           n_files)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *font_dir = g_build_filename (fixture->dir, "fonts", NULL);
  g_autofree char *cache_dir = g_build_filename (fixture->dir, "cache", NULL);
  g_autofree char *conf_path = g_build_filename (fixture->dir, "fonts.conf", NULL);
  g_autoptr(GString) conf = g_string_new (NULL);
  g_autofree char *head = NULL;
  FcFontSet *fonts;

  g_assert_cmpint (g_mkdir (font_dir, 0700), ==, 0);
  head = g_markup_printf_escaped ("<?xml version=\"1.0\"?>\n"
                                  "<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n"
                                  "<fontconfig>\n"
                                  "  <dir>%s</dir>\n"
                                  "  <cachedir>%s</cachedir>\n",
                                  font_dir, cache_dir);
  g_string_append (conf, head);

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *link = g_build_filename (font_dir, files[i].link, NULL);

      if (!g_file_test (files[i].target, G_FILE_TEST_IS_REGULAR))
        g_error ("%s is missing: install fonts-noto-cjk, fonts-arphic-ukai and fonts-lxgw-wenkai",
                 files[i].target);
      g_assert_cmpint (symlink (files[i].target, link), ==, 0);

      if (files[i].family != NULL)
        {
          g_autofree char *rename = NULL;

          rename = g_markup_printf_escaped ("  <match target=\"scan\">\n"
                                            "    <test name=\"file\"><string>%s</string></test>\n"
                                            "    <edit name=\"family\" mode=\"assign_replace\"><string>%s</string></edit>\n"
                                            "  </match>\n",
                                            link, files[i].family);
          g_string_append (conf, rename);
        }
    }

  g_string_append (conf, "</fontconfig>\n");
  g_file_set_contents (conf_path, conf->str, -1, &error);
  g_assert_no_error (error);
  g_test_message ("%s", conf->str);

  g_setenv ("FONTCONFIG_FILE", conf_path, TRUE);
  g_assert_true (FcInitReinitialize ());

  /* Nothing of the machine's own: every font is one of ours. */
  fonts = FcConfigGetFonts (NULL, FcSetSystem);
  for (int i = 0; fonts != NULL && i < fonts->nfont; i++)
    {
      FcChar8 *file = NULL;

      g_assert_cmpint (FcPatternGetString (fonts->fonts[i], FC_FILE, 0, &file), ==, FcResultMatch);
      g_assert_true (g_str_has_prefix ((const char *) file, font_dir));
    }
  g_assert_cmpint (fonts ? fonts->nfont : 0, >=, n_files);
}

typedef struct
{
  const char *family;       /* (nullable): none */
  gboolean    bold;
  gboolean    substituted;
} ExpectedRole;

/* A machine: its font files, and what the resolver must make of them. */
typedef struct
{
  const FontFile     *files;
  guint               n_files;
  ExpectedRole        roles[XA_N_FONT_ROLES];
  const char * const *warnings;
} Machine;

static void
test_fonts_machine (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const Machine *machine = user_data;
  g_autoptr(XaFontResolver) resolver = NULL;
  g_auto(GStrv) warnings = NULL;

  use_fonts (fixture, machine->files, machine->n_files);
  resolver = xa_font_resolver_new ();

  for (guint role = 0; role < XA_N_FONT_ROLES; role++)
    {
      const ExpectedRole *expected = &machine->roles[role];

      g_test_message ("%s: %s", xa_font_role_to_label (role),
                      xa_font_resolver_is_missing (resolver, role) ? "none" : xa_font_resolver_get_family (resolver, role));
      g_assert_cmpstr (xa_font_resolver_get_family (resolver, role), ==, expected->family);
      g_assert_cmpint (xa_font_resolver_get_bold (resolver, role), ==, expected->bold);
      g_assert_cmpint (xa_font_resolver_is_substituted (resolver, role), ==, expected->substituted);
      g_assert_cmpint (xa_font_resolver_is_missing (resolver, role), ==, expected->family == NULL);
    }

  warnings = xa_font_resolver_dup_warnings (resolver);
  g_assert_cmpstrv (warnings, machine->warnings);
}

#define NO_FONT { NULL, FALSE, TRUE }

/* Without an office font each role takes its first fallback, and says so, naming both. */
static const FontFile debian_files[] = { DEBIAN_FONTS };
static const char * const debian_warnings[] = {
  "Xiaobiaosong font “方正小标宋简体” is not installed; using “Noto Serif CJK SC Bold” instead",
  "Fangsong font “仿宋_GB2312” is not installed; using “Noto Serif CJK SC” instead",
  "Kaiti font “楷体_GB2312” is not installed; using “AR PL UKai CN” instead",
  "Heiti font “黑体” is not installed; using “Noto Sans CJK SC” instead",
  NULL
};
static const Machine debian_machine = {
  debian_files, G_N_ELEMENTS (debian_files),
  {
    [XA_FONT_ROLE_XIAOBIAOSONG] = { "Noto Serif CJK SC", TRUE, TRUE },
    [XA_FONT_ROLE_FANGSONG] = { "Noto Serif CJK SC", FALSE, TRUE },
    [XA_FONT_ROLE_KAITI] = { "AR PL UKai CN", FALSE, TRUE },
    [XA_FONT_ROLE_HEITI] = { "Noto Sans CJK SC", FALSE, TRUE },
  },
  debian_warnings,
};

/* Without AR PL UKai, 楷体 falls back to LXGW WenKai; the roles with no font at all say
 * that the document cannot be set. */
static const FontFile wenkai_files[] = {
  { "LXGWWenKai-Regular.ttf", WENKAI, NULL },
};
static const char * const wenkai_warnings[] = {
  "No Xiaobiaosong font is installed (wanted “方正小标宋简体”); the document cannot be set correctly",
  "No Fangsong font is installed (wanted “仿宋_GB2312”); the document cannot be set correctly",
  "Kaiti font “楷体_GB2312” is not installed; using “LXGW WenKai” instead",
  "No Heiti font is installed (wanted “黑体”); the document cannot be set correctly",
  NULL
};
static const Machine wenkai_machine = {
  wenkai_files, G_N_ELEMENTS (wenkai_files),
  {
    [XA_FONT_ROLE_XIAOBIAOSONG] = NO_FONT,
    [XA_FONT_ROLE_FANGSONG] = NO_FONT,
    [XA_FONT_ROLE_KAITI] = { "LXGW WenKai", FALSE, TRUE },
    [XA_FONT_ROLE_HEITI] = NO_FONT,
  },
  wenkai_warnings,
};

static const char * const no_font_warnings[] = {
  "No Xiaobiaosong font is installed (wanted “方正小标宋简体”); the document cannot be set correctly",
  "No Fangsong font is installed (wanted “仿宋_GB2312”); the document cannot be set correctly",
  "No Kaiti font is installed (wanted “楷体_GB2312”); the document cannot be set correctly",
  "No Heiti font is installed (wanted “黑体”); the document cannot be set correctly",
  NULL
};
static const Machine no_font_machine = {
  NULL, 0,
  { NO_FONT, NO_FONT, NO_FONT, NO_FONT },
  no_font_warnings,
};

/* An office machine: the wanted families are there beside the fallbacks, two of each role
 * but 小标宋, and the resolver takes the one its list names first, not bold, silently. */
static const FontFile office_files[] = {
  DEBIAN_FONTS,
  { "fzxbs-gbk.ttf", WENKAI, "方正小标宋_GBK" },
  { "stfangsong.ttf", WENKAI, "STFangsong" },
  { "fangsong-gb2312.ttf", WENKAI, "FangSong_GB2312" },
  { "kaiti.ttf", WENKAI, "KaiTi" },
  { "kaiti-zh.ttf", WENKAI, "楷体" },
  { "simhei.ttf", WENKAI, "SimHei" },
  { "heiti.ttf", WENKAI, "黑体" },
};
static const char * const no_warnings[] = { NULL };
static const Machine office_machine = {
  office_files, G_N_ELEMENTS (office_files),
  {
    [XA_FONT_ROLE_XIAOBIAOSONG] = { "方正小标宋_GBK", FALSE, FALSE },
    [XA_FONT_ROLE_FANGSONG] = { "FangSong_GB2312", FALSE, FALSE },
    [XA_FONT_ROLE_KAITI] = { "楷体", FALSE, FALSE },
    [XA_FONT_ROLE_HEITI] = { "黑体", FALSE, FALSE },
  },
  no_warnings,
};

/* One office font: its role is quiet, the others still warn. */
static const FontFile one_office_files[] = {
  DEBIAN_FONTS,
  { "fangsong-gb2312.ttf", WENKAI, "仿宋_GB2312" },
};
static const char * const one_office_warnings[] = {
  "Xiaobiaosong font “方正小标宋简体” is not installed; using “Noto Serif CJK SC Bold” instead",
  "Kaiti font “楷体_GB2312” is not installed; using “AR PL UKai CN” instead",
  "Heiti font “黑体” is not installed; using “Noto Sans CJK SC” instead",
  NULL
};
static const Machine one_office_machine = {
  one_office_files, G_N_ELEMENTS (one_office_files),
  {
    [XA_FONT_ROLE_XIAOBIAOSONG] = { "Noto Serif CJK SC", TRUE, TRUE },
    [XA_FONT_ROLE_FANGSONG] = { "仿宋_GB2312", FALSE, FALSE },
    [XA_FONT_ROLE_KAITI] = { "AR PL UKai CN", FALSE, TRUE },
    [XA_FONT_ROLE_HEITI] = { "Noto Sans CJK SC", FALSE, TRUE },
  },
  one_office_warnings,
};

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, machine) \
  g_test_add ("/xa/fonts/" path, Fixture, &machine, fixture_set_up, test_fonts_machine, fixture_tear_down)

  ADD ("debian-fallbacks", debian_machine);
  ADD ("second-fallback-and-none", wenkai_machine);
  ADD ("none-installed", no_font_machine);
  ADD ("office-fonts-preferred", office_machine);
  ADD ("one-office-font", one_office_machine);

  return g_test_run ();
}
