/* xa-page-set.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-agreement-renderer.h"
#include "core/agreements/xa-agreement.h"
#include "core/agreements/xa-agreement-book.h"

G_BEGIN_DECLS

/* Which originals (一式N份) a preview, a print or an export holds. */
typedef enum
{
  XA_COPIES_COMMISSION,  /* the commission's: 区教委存 */
  XA_COPIES_SCHOOL,      /* the school's: 学校存 */
  XA_COPIES_BOTH,        /* every party's, in the parties' order (the commission's first) */
} XaCopies;

#define XA_TYPE_PAGE_SET (xa_page_set_get_type ())

G_DECLARE_FINAL_TYPE (XaPageSet, xa_page_set, XA, PAGE_SET, GObject)

guint      xa_copies_to_array            (XaCopies                copies,
                                          XaAgreementCopy         array[2]);
gboolean   xa_copies_from_key            (const char             *key,
                                          XaCopies               *copies);

XaPageSet *xa_page_set_new               (void);
XaPageSet *xa_page_set_new_for_agreement (XaAgreement            *agreement,
                                          XaTemplate             *template,
                                          const XaAgreementCopy  *copies,
                                          guint                   n_copies,
                                          XaFontResolver         *fonts);
/* What to lay out: an agreement as stored, in the originals chosen. */
typedef struct
{
  XaAgreementBook *book;
  char            *uuid;
  XaCopies         copies;
  XaFontResolver  *fonts;
  gboolean         page_codes;  /* TRUE unless set otherwise: xa_page_set_set_page_codes() */
} XaPageSetRequest;

XaPageSetRequest *xa_page_set_request_new  (XaAgreementBook  *book,
                                            const char       *uuid,
                                            XaCopies          copies,
                                            XaFontResolver   *fonts);
void              xa_page_set_request_free (XaPageSetRequest *request);
XaPageSet        *xa_page_set_request_lay_out (XaPageSetRequest  *request,
                                               GError           **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaPageSetRequest, xa_page_set_request_free)

void       xa_page_set_load_async        (XaPageSetRequest       *request,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data);
XaPageSet *xa_page_set_load_finish       (GAsyncResult           *result,
                                          GError                **error);
void       xa_page_set_add               (XaPageSet              *self,
                                          XaPageLayout           *layout);
void       xa_page_set_append            (XaPageSet              *self,
                                          XaPageSet              *other);
void       xa_page_set_set_keywords      (XaPageSet              *self,
                                          const char             *keywords);
void       xa_page_set_set_page_codes    (XaPageSet              *self,
                                          gboolean                shown);
guint      xa_page_set_get_n_pages       (XaPageSet              *self);
void       xa_page_set_get_page_size     (XaPageSet              *self,
                                          guint                   page,
                                          double                 *width,
                                          double                 *height);
void       xa_page_set_draw_page         (XaPageSet              *self,
                                          cairo_t                *cr,
                                          guint                   page);
void       xa_page_set_share_fonts       (XaPageSet              *self,
                                          XaFontResolver         *fonts);
gboolean   xa_page_set_write_pdf         (XaPageSet              *self,
                                          cairo_surface_t        *pdf_surface,
                                          GError                **error);
GBytes    *xa_page_set_render_pdf        (XaPageSet              *self,
                                          GError                **error);

G_END_DECLS
