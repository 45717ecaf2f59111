/* xa-font-resolver.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finds the typefaces an official document asks for. Government offices have the
 * 方正 and _GB2312 fonts; a fresh Debian machine has Noto CJK, AR PL UKai and LXGW WenKai.
 * We take the first family of each list that fontconfig really has and name every
 * substitution, because a document set in the wrong face must not pass unnoticed.
 */

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gi18n.h>

#include "xa-font-resolver.h"

typedef struct
{
  /* Translators: the Chinese name of a typeface style, 小标宋, 仿宋, 楷体 or 黑体. */
  const char *label;
  const char *wanted[8];
  struct {
    const char *family;
    gboolean    bold;
  } fallbacks[3];
} RoleSpec;

static const RoleSpec role_specs[XA_N_FONT_ROLES] = {
  [XA_FONT_ROLE_XIAOBIAOSONG] = {
    N_("Xiaobiaosong"),
    { "方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", NULL },
    { { "Noto Serif CJK SC", TRUE }, { NULL } },
  },
  [XA_FONT_ROLE_FANGSONG] = {
    N_("Fangsong"),
    { "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", NULL },
    { { "Noto Serif CJK SC", FALSE }, { NULL } },
  },
  [XA_FONT_ROLE_KAITI] = {
    N_("Kaiti"),
    { "楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", NULL },
    { { "AR PL UKai CN", FALSE }, { "LXGW WenKai", FALSE }, { NULL } },
  },
  [XA_FONT_ROLE_HEITI] = {
    N_("Heiti"),
    { "黑体", "SimHei", "STHeiti", NULL },
    { { "Noto Sans CJK SC", FALSE }, { NULL } },
  },
};

typedef struct
{
  char     *family;
  gboolean  bold;
  gboolean  substituted;
} Choice;

struct _XaFontResolver
{
  GObject parent_instance;

  Choice  choices[XA_N_FONT_ROLES];
};

G_DEFINE_FINAL_TYPE (XaFontResolver, xa_font_resolver, G_TYPE_OBJECT)

/* FcFontList compares family names exactly (ignoring case), against every name a font
 * carries, so 仿宋_GB2312 and FangSong_GB2312 both find the same file. FcFontMatch would
 * always answer with something. */
static gboolean
family_installed (FcConfig   *config,
                  const char *family)
{
  FcPattern *pattern = FcPatternCreate ();
  FcObjectSet *objects = FcObjectSetBuild (FC_FAMILY, NULL);
  FcFontSet *set;
  gboolean found;

  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) family);
  set = FcFontList (config, pattern, objects);
  found = set != NULL && set->nfont > 0;

  if (set != NULL)
    FcFontSetDestroy (set);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);

  return found;
}

static void
resolve (XaFontResolver *self)
{
  FcConfig *config = FcConfigGetCurrent ();

  for (guint role = 0; role < XA_N_FONT_ROLES; role++)
    {
      const RoleSpec *spec = &role_specs[role];
      Choice *choice = &self->choices[role];

      for (guint i = 0; spec->wanted[i] != NULL && choice->family == NULL; i++)
        {
          if (family_installed (config, spec->wanted[i]))
            choice->family = g_strdup (spec->wanted[i]);
        }

      if (choice->family != NULL)
        continue;

      choice->substituted = TRUE;
      for (guint i = 0; spec->fallbacks[i].family != NULL && choice->family == NULL; i++)
        {
          if (family_installed (config, spec->fallbacks[i].family))
            {
              choice->family = g_strdup (spec->fallbacks[i].family);
              choice->bold = spec->fallbacks[i].bold;
            }
        }
    }
}

static void
xa_font_resolver_finalize (GObject *object)
{
  XaFontResolver *self = (XaFontResolver *) object;

  for (guint role = 0; role < XA_N_FONT_ROLES; role++)
    g_clear_pointer (&self->choices[role].family, g_free);

  G_OBJECT_CLASS (xa_font_resolver_parent_class)->finalize (object);
}

static void
xa_font_resolver_class_init (XaFontResolverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xa_font_resolver_finalize;
}

static void
xa_font_resolver_init (XaFontResolver *self)
{
  resolve (self);
}

/**
 * xa_font_resolver_load_fontconfig:
 *
 * Loads fontconfig's configuration on the calling thread. Call it in main() of a program
 * with a window, before GTK starts: Pango loads the configuration in a thread of its own
 * when GTK makes its first font map, and a resolver looking fonts up in a worker at that
 * moment loads it too; the two loads race and can hang the program (Pango issue 784).
 * Loaded once, every later caller finds it loaded.
 */
void
xa_font_resolver_load_fontconfig (void)
{
  if (!FcInit ())
    g_warning ("Cannot load the fontconfig configuration: the documents' fonts will be missing");
}

/**
 * xa_font_resolver_new:
 *
 * Looks the four document typefaces up in the current fontconfig configuration.
 *
 * Returns: (transfer full): the resolver
 */
XaFontResolver *
xa_font_resolver_new (void)
{
  return g_object_new (XA_TYPE_FONT_RESOLVER, NULL);
}

static void
new_worker (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  g_task_return_pointer (task, xa_font_resolver_new (), g_object_unref);
}

/**
 * xa_font_resolver_new_async:
 *
 * Looks the typefaces up in a worker thread: fontconfig's first listing of the installed
 * fonts can take long enough to be seen when a window opens.
 */
void
xa_font_resolver_new_async (GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_font_resolver_new_async);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, new_worker);
}

/**
 * xa_font_resolver_new_finish:
 *
 * Returns: (transfer full): the resolver, or %NULL with @error set (only when cancelled)
 */
XaFontResolver *
xa_font_resolver_new_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == xa_font_resolver_new_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * xa_font_resolver_get_family:
 *
 * Returns: (nullable): the family to use for @role, or %NULL when neither the wanted
 *   families nor the fallbacks are installed
 */
const char *
xa_font_resolver_get_family (XaFontResolver *self,
                             XaFontRole      role)
{
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (self), NULL);
  g_return_val_if_fail (role < XA_N_FONT_ROLES, NULL);

  return self->choices[role].family;
}

/**
 * xa_font_resolver_get_bold:
 *
 * Returns: whether the chosen family must be set bold to stand in for the wanted one
 *   (Noto Serif CJK SC Bold for 小标宋)
 */
gboolean
xa_font_resolver_get_bold (XaFontResolver *self,
                           XaFontRole      role)
{
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (self), FALSE);
  g_return_val_if_fail (role < XA_N_FONT_ROLES, FALSE);

  return self->choices[role].bold;
}

gboolean
xa_font_resolver_is_substituted (XaFontResolver *self,
                                 XaFontRole      role)
{
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (self), FALSE);
  g_return_val_if_fail (role < XA_N_FONT_ROLES, FALSE);

  return self->choices[role].substituted;
}

gboolean
xa_font_resolver_is_missing (XaFontResolver *self,
                             XaFontRole      role)
{
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (self), FALSE);
  g_return_val_if_fail (role < XA_N_FONT_ROLES, FALSE);

  return self->choices[role].family == NULL;
}

/**
 * xa_font_resolver_dup_warnings:
 *
 * One sentence for every typeface that is not the one GB/T 9704 asks for, for the
 * app's banner and the CLI's standard error.
 *
 * Returns: (transfer full): a %NULL-terminated array, empty when every font is present
 */
char **
xa_font_resolver_dup_warnings (XaFontResolver *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (XA_IS_FONT_RESOLVER (self), NULL);

  for (guint role = 0; role < XA_N_FONT_ROLES; role++)
    {
      const RoleSpec *spec = &role_specs[role];
      const Choice *choice = &self->choices[role];
      g_autofree char *message = NULL;

      if (!choice->substituted)
        continue;

      if (choice->family == NULL)
        /* Translators: %s is a typeface style (仿宋) and then the font family it should be. */
        message = g_strdup_printf (_("No %s font is installed (wanted “%s”); the document cannot be set correctly"),
                                   _(spec->label), spec->wanted[0]);
      else if (choice->bold)
        message = g_strdup_printf (_("%s font “%s” is not installed; using “%s Bold” instead"),
                                   _(spec->label), spec->wanted[0], choice->family);
      else
        message = g_strdup_printf (_("%s font “%s” is not installed; using “%s” instead"),
                                   _(spec->label), spec->wanted[0], choice->family);

      g_strv_builder_add (builder, message);
    }

  return g_strv_builder_end (builder);
}

/**
 * xa_font_role_to_label:
 *
 * Returns: the translated name of the typeface style
 */
const char *
xa_font_role_to_label (XaFontRole role)
{
  g_return_val_if_fail (role < XA_N_FONT_ROLES, NULL);

  return _(role_specs[role].label);
}
