/* xa-page-layout.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "xa-chart.h"
#include "xa-font-resolver.h"
#include "xa-page-table.h"
#include "xa-signature-block.h"

G_BEGIN_DECLS

/* The paragraph kinds of an official document (reference/domain.md §1.2). */
typedef enum
{
  XA_PARAGRAPH_TITLE,      /* 2号小标宋, centred, lines balanced */
  XA_PARAGRAPH_BODY,       /* 3号仿宋, first line indented two characters */
  XA_PARAGRAPH_HEADING_1,  /* 一、 3号黑体, the whole paragraph */
  XA_PARAGRAPH_HEADING_2,  /* （一） the lead in 3号楷体, the rest in 仿宋 */
  XA_PARAGRAPH_HEADING_3,  /* 1. 3号仿宋 */
  XA_PARAGRAPH_HEADING_4,  /* （1） 3号仿宋 */
  XA_PARAGRAPH_FLUSH,      /* 3号仿宋 without indent, like a 主送机关 line: the parties */
  XA_PARAGRAPH_SUBTITLE,   /* 3号楷体, centred, right under the title */
} XaParagraphKind;

/* GB/T 9704-2012 numbers, in PDF points. */
#define XA_PAGE_WIDTH        595.28
#define XA_PAGE_HEIGHT       841.89
#define XA_TEXT_LEFT          79.37   /* 订口 28 mm */
#define XA_TEXT_TOP          104.88   /* 天头 37 mm */
#define XA_TEXT_WIDTH        442.20   /* 156 mm */
#define XA_TEXT_HEIGHT       637.80   /* 225 mm */
#define XA_LINES_PER_PAGE     22
#define XA_CHARS_PER_LINE     28
#define XA_LINE_PITCH        (XA_TEXT_HEIGHT / XA_LINES_PER_PAGE)  /* 28.99: the 22-line grid */
#define XA_BODY_SIZE          16.0    /* 3号 */
#define XA_TITLE_SIZE         22.0    /* 2号 */
#define XA_PAGE_NUMBER_SIZE   14.0    /* 4号 */
#define XA_SEAL_DIAMETER     119.06   /* 42 mm */

/* A landscape page (横排表格, GB/T 9704 clause 8) is the portrait page turned so that the
 * table's head faces the 订口: the text area keeps its 156 × 225 mm, now 225 wide, with
 * the 订口's 28 mm above it, the portrait page's foot (35 mm) on its left and its 天头
 * (37 mm) on its right; 15 rows of the grid fit. */
#define XA_LANDSCAPE_TEXT_LEFT  99.21   /* 35 mm */
#define XA_LANDSCAPE_TEXT_TOP   79.37   /* 28 mm */
#define XA_LANDSCAPE_LINES      15

typedef enum
{
  XA_PAGE_PORTRAIT,
  XA_PAGE_LANDSCAPE,
} XaPageOrientation;

#define XA_TYPE_PAGE_LAYOUT (xa_page_layout_get_type ())

G_DECLARE_FINAL_TYPE (XaPageLayout, xa_page_layout, XA, PAGE_LAYOUT, GObject)

/* Draws a mark of the document's own on @page after its text, in PDF points on the
 * whole page: an agreement's page code (xa-page-code.c). */
typedef void (*XaPageMarkFunc) (XaPageLayout *layout,
                                cairo_t      *cr,
                                guint         page,
                                gpointer      user_data);

XaPageLayout *xa_page_layout_new              (XaFontResolver  *fonts);
void          xa_page_layout_add_paragraph    (XaPageLayout    *self,
                                               XaParagraphKind  kind,
                                               const char      *lead,
                                               const char      *text);
void          xa_page_layout_add_markup       (XaPageLayout    *self,
                                               XaParagraphKind  kind,
                                               const char      *markup);
void          xa_page_layout_add_table        (XaPageLayout    *self,
                                               XaPageTable     *table);
void          xa_page_layout_add_chart        (XaPageLayout    *self,
                                               XaChart         *chart,
                                               double           height);
void          xa_page_layout_get_text_size    (XaPageLayout    *self,
                                               double          *width,
                                               double          *height);
void          xa_page_layout_set_orientation  (XaPageLayout      *self,
                                               XaPageOrientation  orientation);
void          xa_page_layout_get_page_size    (XaPageLayout    *self,
                                               double          *width,
                                               double          *height);
void          xa_page_layout_set_signature    (XaPageLayout     *self,
                                               XaSignatureBlock *block);
void          xa_page_layout_set_copy_label   (XaPageLayout    *self,
                                               const char      *label);
void          xa_page_layout_set_metadata     (XaPageLayout    *self,
                                               const char      *title,
                                               const char      *author,
                                               const char      *subject);
void          xa_page_layout_set_keywords     (XaPageLayout    *self,
                                               const char      *keywords);
char         *xa_page_layout_dup_characters   (XaPageLayout    *self);
char         *xa_page_layout_dup_page_text    (XaPageLayout    *self,
                                               guint            page);
void          xa_page_layout_set_page_mark    (XaPageLayout    *self,
                                               XaPageMarkFunc   func,
                                               gpointer         user_data,
                                               GDestroyNotify   destroy);
gboolean      xa_page_layout_has_page_mark    (XaPageLayout    *self);
void          xa_page_layout_set_font_map     (XaPageLayout    *self,
                                               PangoFontMap    *font_map);
guint         xa_page_layout_get_n_pages      (XaPageLayout    *self);
void          xa_page_layout_draw_page        (XaPageLayout    *self,
                                               cairo_t         *cr,
                                               guint            page);
gboolean      xa_page_layout_write_pdf        (XaPageLayout    *self,
                                               cairo_surface_t *pdf_surface,
                                               GError         **error);
GBytes       *xa_page_layout_render_pdf       (XaPageLayout    *self,
                                               GError         **error);
gboolean      xa_page_layout_save_pdf         (XaPageLayout    *self,
                                               const char      *path,
                                               GError         **error);

G_END_DECLS
