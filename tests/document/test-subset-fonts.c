/* test-subset-fonts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every document makes a fontconfig configuration of its own for its fonts' subsets
 * (xa-subset-fonts.c), about 23 KB. An app that renders a preview at every edit must
 * free each once its documents are gone, and not before: a layout may hold the font
 * map longer than the subsets' object does.
 *
 * The test counts each configuration's references by defining FcConfigCreate,
 * FcConfigReference and FcConfigDestroy itself: the executable's definitions come
 * before libfontconfig's for every caller in the process, Pango's included (the
 * executable exports them, see tests/meson.build), and hand on to the real ones.
 */

#define _GNU_SOURCE

#include "config.h"

#include <dlfcn.h>
#include <fontconfig/fontconfig.h>
#include <locale.h>

#include "document/xa-page-layout.h"
#include "document/xa-subset-fonts.h"

static GMutex lock;
static GHashTable *references;  /* FcConfig → its references, as a pointer-sized int */
static guint n_created;

FcConfig *FcConfigCreate    (void);
FcConfig *FcConfigReference (FcConfig *config);
void      FcConfigDestroy   (FcConfig *config);

static void
count (FcConfig *config,
       int       delta)
{
  g_mutex_lock (&lock);
  if (references == NULL)
    references = g_hash_table_new (NULL, NULL);
  if (delta == 0)
    {
      g_hash_table_insert (references, config, GINT_TO_POINTER (1));
      n_created++;
    }
  else if (g_hash_table_contains (references, config))
    g_hash_table_insert (references, config,
                         GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (references, config)) + delta));
  g_mutex_unlock (&lock);
}

FcConfig *
FcConfigCreate (void)
{
  FcConfig *(*real) (void) = dlsym (RTLD_NEXT, "FcConfigCreate");
  FcConfig *config = real ();

  count (config, 0);
  return config;
}

FcConfig *
FcConfigReference (FcConfig *config)
{
  FcConfig *(*real) (FcConfig *) = dlsym (RTLD_NEXT, "FcConfigReference");

  if (config != NULL)
    count (config, +1);
  return real (config);
}

void
FcConfigDestroy (FcConfig *config)
{
  void (*real) (FcConfig *) = dlsym (RTLD_NEXT, "FcConfigDestroy");

  if (config != NULL)
    count (config, -1);
  real (config);
}

/* How many of the configurations made so far are still referenced. Fontconfig's own
 * (the process's current configuration) stays. */
static guint
count_alive (void)
{
  FcConfig *current = FcConfigGetCurrent ();
  GHashTableIter iter;
  gpointer config, n;
  guint alive = 0;

  g_mutex_lock (&lock);
  g_assert_nonnull (references);
  g_hash_table_iter_init (&iter, references);
  while (g_hash_table_iter_next (&iter, &config, &n))
    alive += config != current && GPOINTER_TO_INT (n) > 0;
  g_mutex_unlock (&lock);

  return alive;
}

/* Pango matches patterns on a thread of its own, which lets go of its references to a
 * configuration just after it answers: give it a moment to finish. */
static guint
count_alive_settled (void)
{
  guint alive = count_alive ();

  for (guint i = 0; i < 2000 && alive > 0; i++)
    {
      g_usleep (1000);
      alive = count_alive ();
    }

  return alive;
}

static XaPageLayout *
build_document (XaFontResolver *fonts,
                const char     *text)
{
  XaPageLayout *layout = xa_page_layout_new (fonts);

  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_TITLE, NULL, "安全目标责任书");
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_HEADING_1, NULL, "一、责任目标");
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_BODY, NULL, text);
  return layout;
}

static void
render (XaPageLayout *layout)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = xa_page_layout_render_pdf (layout, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 0);
}

/* One PDF after another, as the preview makes them: none of their configurations
 * outlives its document. */
static void
test_one_pdf_runs (void)
{
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  const char *texts[] = { "建立学校安全稳定工作长效运行机制", "完善学校内部安全稳定防范体系",
                          "强化师生员工安全教育" };
  guint created = n_created;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(XaPageLayout) layout = build_document (fonts, texts[i]);

      render (layout);
    }

  g_assert_cmpuint (n_created - created, >=, G_N_ELEMENTS (texts));
  g_assert_cmpuint (count_alive_settled (), ==, 0);
}

/* A batch hands one set of subsets to several layouts and may drop its own reference
 * first: the configuration lives while a layout can still set text in it. */
static void
test_shared_font_map (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(XaPageLayout) first = build_document (fonts, "学校安全稳定主体责任");
  g_autoptr(XaPageLayout) second = build_document (fonts, "杜绝发生重特大事故");
  g_autofree char *first_characters = xa_page_layout_dup_characters (first);
  g_autofree char *second_characters = xa_page_layout_dup_characters (second);
  g_autofree char *characters = g_strconcat (first_characters, second_characters, NULL);
  XaSubsetFonts *shared = xa_subset_fonts_new (fonts, characters, &error);

  g_assert_no_error (error);
  xa_page_layout_set_font_map (first, xa_subset_fonts_get_font_map (shared));
  xa_page_layout_set_font_map (second, xa_subset_fonts_get_font_map (shared));
  g_assert_finalize_object (shared);

  render (first);
  g_clear_object (&first);
  g_assert_cmpuint (count_alive (), ==, 1);
  render (second);
  g_clear_object (&second);
  g_assert_cmpuint (count_alive_settled (), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xa/subset-fonts/one-pdf-runs", test_one_pdf_runs);
  g_test_add_func ("/xa/subset-fonts/shared-font-map", test_shared_font_map);

  return g_test_run ();
}
