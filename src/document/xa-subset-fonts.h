/* xa-subset-fonts.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <cairo.h>
#include <pango/pango.h>

#include "xa-font-resolver.h"

G_BEGIN_DECLS

#define XA_TYPE_SUBSET_FONTS (xa_subset_fonts_get_type ())

G_DECLARE_FINAL_TYPE (XaSubsetFonts, xa_subset_fonts, XA, SUBSET_FONTS, GObject)

XaSubsetFonts *xa_subset_fonts_new          (XaFontResolver  *resolver,
                                             const char      *text,
                                             GError         **error);
PangoFontMap  *xa_subset_fonts_get_font_map (XaSubsetFonts   *self);
gboolean       xa_subset_fonts_covers       (XaSubsetFonts   *self,
                                             const char      *text);
void           xa_subset_fonts_keep_for_surface (XaSubsetFonts   *self,
                                                 cairo_surface_t *surface);

G_END_DECLS
