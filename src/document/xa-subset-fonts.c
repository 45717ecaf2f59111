/* xa-subset-fonts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CJK fonts a document is set in hold 65,000 glyphs and hundreds of kilobytes of CFF
 * subroutines. Cairo 1.16 subsets them again for every PDF it writes and keeps every
 * subroutine the glyphs might call: 570 KB of Noto Serif CJK for one agreement, most of
 * the time of a batch. HarfBuzz can cut a font down to the characters a document uses
 * and flatten its subroutines first; Cairo then embeds that small font as it is.
 *
 * The subsets live in a private fontconfig configuration, so that the document's font
 * map sees them under their own family names and nothing else on the system.
 *
 * Each subset is opened here as an FT_Face that rides in its fontconfig pattern
 * (FC_FT_FACE). Cairo 1.16 then uses that face as it is and never closes it: faces it
 * opens from a file name it closes again when more than ten are open, and that closing
 * races with a second thread using the face (a crash in FT_Load_Glyph, one batch in
 * twenty). Faces given to it are exempt.
 *
 * Those faces are never freed. Cairo keeps fonts in its caches after we are done with
 * them and knows a given face by its address: a face freed and a new one allocated at
 * the same address would be taken for the old font, its glyphs and all (seen: the
 * second document of a process drawn with the first one's glyph numbers). A face of a
 * subset costs a few tens of kilobytes, and the file behind it is unlinked with us.
 *
 * The configuration, by contrast, goes when its font map goes: it holds the subsets'
 * patterns and character sets (about 23 KB a document), and a preview made at every
 * edit would otherwise grow the app all day.
 */

#include "config.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <fontconfig/fontconfig.h>
#include <fontconfig/fcfreetype.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <hb-subset.h>
#include <hb.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "xa-subset-fonts.h"

struct _XaSubsetFonts
{
  GObject       parent_instance;

  char         *dir;        /* the subset font files, removed with us */
  FcConfig     *config;
  PangoFontMap *font_map;
  GHashTable   *covered;    /* gunichar → TRUE */
};

G_DEFINE_FINAL_TYPE (XaSubsetFonts, xa_subset_fonts, G_TYPE_OBJECT)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (hb_blob_t, hb_blob_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (hb_face_t, hb_face_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (hb_subset_input_t, hb_subset_input_destroy)

/* The file and face index fontconfig uses for @family, bold or not. */
static gboolean
find_font_file (const char  *family,
                gboolean     bold,
                char       **file,
                int         *index)
{
  FcPattern *pattern = FcPatternCreate ();
  FcPattern *match;
  FcResult result;
  FcChar8 *path = NULL;
  gboolean found = FALSE;

  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) family);
  FcPatternAddInteger (pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddString (pattern, FC_LANG, (const FcChar8 *) "zh-cn");
  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);

  if (match != NULL &&
      FcPatternGetString (match, FC_FILE, 0, &path) == FcResultMatch &&
      FcPatternGetInteger (match, FC_INDEX, 0, index) == FcResultMatch)
    {
      *file = g_strdup ((const char *) path);
      found = TRUE;
    }

  if (match != NULL)
    FcPatternDestroy (match);
  FcPatternDestroy (pattern);

  return found;
}

/* Cuts one face down to @unicodes with flattened subroutines, and writes it to @out.
 * Layout tables stay, so that HarfBuzz shapes the subset exactly as the whole font. */
static gboolean
write_subset (const char  *file,
              int          index,
              hb_set_t    *unicodes,
              const char  *out,
              GError     **error)
{
  g_autoptr(hb_blob_t) blob = hb_blob_create_from_file_or_fail (file);
  g_autoptr(hb_face_t) face = NULL;
  g_autoptr(hb_subset_input_t) input = hb_subset_input_create_or_fail ();
  g_autoptr(hb_face_t) subset = NULL;
  g_autoptr(hb_blob_t) data = NULL;
  const char *bytes;
  unsigned int length = 0;

  if (blob == NULL || input == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot read the font file “%s”"), file);
      return FALSE;
    }

  face = hb_face_create (blob, index);
  hb_set_union (hb_subset_input_unicode_set (input), unicodes);
  hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_DESUBROUTINIZE);
  subset = hb_subset_or_fail (face, input);

  if (subset == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot take the needed characters out of the font “%s”"), file);
      return FALSE;
    }

  data = hb_face_reference_blob (subset);
  bytes = hb_blob_get_data (data, &length);

  return g_file_set_contents (out, bytes, length, error);
}

/* Pango 1.50 takes a reference on the configuration in pango_fc_font_map_set_config()
 * and never gives it back (later versions drop it in their finalize). Setting no
 * configuration drops it on either, once the font map is closed so that the change
 * does not make it load the system's fonts on its way out. This runs when the last
 * reference to the font map goes, wherever that is: a layout's context may hold the
 * font map longer than we do, and Cairo's fonts hold patterns, not the configuration. */
static void
font_map_disposed_cb (gpointer  data,
                      GObject  *font_map)
{
  pango_fc_font_map_shutdown (PANGO_FC_FONT_MAP (font_map));
  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (font_map), NULL);
}

static void
xa_subset_fonts_finalize (GObject *object)
{
  XaSubsetFonts *self = (XaSubsetFonts *) object;

  g_clear_object (&self->font_map);
  g_clear_pointer (&self->config, FcConfigDestroy);
  g_clear_pointer (&self->covered, g_hash_table_unref);

  if (self->dir != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (self->dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (self->dir, name, NULL);

          g_unlink (path);
        }
      g_rmdir (self->dir);
      g_clear_pointer (&self->dir, g_free);
    }

  G_OBJECT_CLASS (xa_subset_fonts_parent_class)->finalize (object);
}

static void
xa_subset_fonts_class_init (XaSubsetFontsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xa_subset_fonts_finalize;
}

static void
xa_subset_fonts_init (XaSubsetFonts *self)
{
  self->covered = g_hash_table_new (NULL, NULL);
}

/* Opens @path as a face that lives as long as the process (see above). FreeType wants
 * one thread at a time in the library that makes faces. */
static FT_Face
open_immortal_face (const char *path)
{
  static GMutex mutex;
  static FT_Library library;
  FT_Face face = NULL;

  g_mutex_lock (&mutex);
  if (library != NULL || FT_Init_FreeType (&library) == 0)
    {
      if (FT_New_Face (library, path, 0, &face) != 0)
        face = NULL;
    }
  g_mutex_unlock (&mutex);

  return face;
}

/* Adds the subset at @path to the configuration with its face open (see above). */
static gboolean
add_font (XaSubsetFonts  *self,
          const char     *path,
          GError        **error)
{
  FcFontSet *set;
  FT_Face face;

  if (!FcConfigAppFontAddFile (self->config, (const FcChar8 *) path) ||
      !(face = open_immortal_face (path)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot read the font file “%s”"), path);
      return FALSE;
    }

  set = FcConfigGetFonts (self->config, FcSetApplication);
  for (int i = 0; set != NULL && i < set->nfont; i++)
    {
      FcChar8 *file = NULL;

      if (FcPatternGetString (set->fonts[i], FC_FILE, 0, &file) == FcResultMatch &&
          g_strcmp0 ((const char *) file, path) == 0)
        FcPatternAddFTFace (set->fonts[i], FC_FT_FACE, face);
    }

  return TRUE;
}

static void
add_characters (XaSubsetFonts *self,
                hb_set_t      *unicodes,
                const char    *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      hb_set_add (unicodes, c);
      g_hash_table_add (self->covered, GUINT_TO_POINTER (c));
    }
}

/**
 * xa_subset_fonts_new:
 * @resolver: the document's typefaces
 * @text: every character the documents to be set will use
 *
 * Makes a font map with subsets of the resolved typefaces that hold @text's characters,
 * the page-number digits and the common punctuation.
 *
 * Returns: (transfer full): the fonts, or %NULL
 */
XaSubsetFonts *
xa_subset_fonts_new (XaFontResolver  *resolver,
                     const char      *text,
                     GError         **error)
{
  g_autoptr(XaSubsetFonts) self = NULL;
  hb_set_t *unicodes;
  gboolean ok = TRUE;

  g_return_val_if_fail (XA_IS_FONT_RESOLVER (resolver), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (XA_TYPE_SUBSET_FONTS, NULL);
  self->dir = g_dir_make_tmp ("xiaoan-fonts-XXXXXX", error);
  if (self->dir == NULL)
    return NULL;

  unicodes = hb_set_create ();
  add_characters (self, unicodes, text);
  /* Page numbers, footers and the signature block's own characters. */
  add_characters (self, unicodes, " 0123456789—-（）()：:，。、　_年月日");

  self->config = FcConfigCreate ();

  for (guint role = 0; role < XA_N_FONT_ROLES && ok; role++)
    {
      const char *family = xa_font_resolver_get_family (resolver, role);
      gboolean bold = xa_font_resolver_get_bold (resolver, role);
      g_autofree char *file = NULL;
      g_autofree char *name = g_strdup_printf ("role-%u.otf", role);
      g_autofree char *out = g_build_filename (self->dir, name, NULL);
      int index = 0;

      if (family == NULL || !find_font_file (family, bold, &file, &index))
        continue;

      ok = write_subset (file, index, unicodes, out, error) &&
           add_font (self, out, error);
    }

  hb_set_destroy (unicodes);

  if (!ok)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("Cannot prepare the fonts of the document"));
      return NULL;
    }

  self->font_map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (self->font_map), self->config);
  g_object_weak_ref (G_OBJECT (self->font_map), font_map_disposed_cb, NULL);

  return g_steal_pointer (&self);
}

/**
 * xa_subset_fonts_get_font_map:
 *
 * Returns: (transfer none): a font map that knows only the subsets
 */
PangoFontMap *
xa_subset_fonts_get_font_map (XaSubsetFonts *self)
{
  g_return_val_if_fail (XA_IS_SUBSET_FONTS (self), NULL);

  return self->font_map;
}

static const cairo_user_data_key_t kept_fonts_key;

/**
 * xa_subset_fonts_keep_for_surface:
 * @surface: a surface text was drawn on in these fonts
 *
 * Cairo reads a font's file when it finishes a PDF, which may be after the document
 * that used the fonts is gone: @surface keeps the subsets (and their files) until then.
 */
void
xa_subset_fonts_keep_for_surface (XaSubsetFonts   *self,
                                  cairo_surface_t *surface)
{
  GPtrArray *kept;

  g_return_if_fail (XA_IS_SUBSET_FONTS (self));
  g_return_if_fail (surface != NULL);

  kept = cairo_surface_get_user_data (surface, &kept_fonts_key);
  if (kept == NULL)
    {
      kept = g_ptr_array_new_with_free_func (g_object_unref);
      cairo_surface_set_user_data (surface, &kept_fonts_key, kept,
                                   (cairo_destroy_func_t) g_ptr_array_unref);
    }

  if (!g_ptr_array_find (kept, self, NULL))
    g_ptr_array_add (kept, g_object_ref (self));
}

/**
 * xa_subset_fonts_covers:
 *
 * Returns: whether every character of @text was asked for when the subsets were made
 */
gboolean
xa_subset_fonts_covers (XaSubsetFonts *self,
                        const char    *text)
{
  g_return_val_if_fail (XA_IS_SUBSET_FONTS (self), FALSE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_hash_table_contains (self->covered, GUINT_TO_POINTER (g_utf8_get_char (p))))
      return FALSE;

  return TRUE;
}
