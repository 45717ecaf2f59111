/* test-agreement-seals.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An agreement's seals and signatures on its PDF, read back with Poppler: with the
 * school's and the commission's seal images in use and the principal's signature, each
 * seal is an image 42 mm across centred where the dashed zone would be, over its
 * party's name, on the page of the last body text; the signature is an image on the
 * school's line to sign, right of its label. Each seal presses its party's name and date,
 * which sit a little below its centre, its top within a line of the body text (GB/T 9704
 * 7.3.5.1), as measured from the PDF. Without images, or once withdrawn, the
 * page has no image and keeps the dashed zones. The images are made here (xa-test-seal.c).
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "xa-test-pdf.h"
#include "xa-test-seal.h"
#include "xa-test-utils.h"
#include "core/agreements/xa-agreement-images.h"
#include "core/registry/xa-seal-images.h"
#include "document/xa-agreement-renderer.h"

typedef struct
{
  XaWorkspace    *workspace;
  XaOrganisation *school;
  XaOrganisation *commission;
  XaAgreement    *agreement;
  XaTemplate     *template;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XaAgreementBook *book;

  fixture->workspace = xa_test_workspace_new_in_memory ("安全办", 1);
  fixture->school = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (fixture->workspace)), 0);
  fixture->commission = xa_school_registry_dup_commission (xa_workspace_get_registry (fixture->workspace));
  book = xa_workspace_get_agreements (fixture->workspace);
  fixture->agreement = xa_agreement_book_generate (book, xa_organisation_get_uuid (fixture->school), 2021, &error);
  g_assert_no_error (error);
  fixture->template = xa_agreement_book_dup_template (book, fixture->agreement, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->template);
  g_clear_object (&fixture->agreement);
  g_clear_object (&fixture->school);
  g_clear_object (&fixture->commission);
  g_assert_finalize_object (fixture->workspace);
}

static XaSealImage *
import (Fixture     *fixture,
        XaSealOwner  owner,
        const char  *owner_uuid,
        GBytes      *png)
{
  g_autoptr(GError) error = NULL;
  XaSealImage *image = xa_seal_images_import (xa_workspace_get_registry (fixture->workspace), owner, owner_uuid,
                                              png, "测试.png", XA_SEAL_SOURCE_IMPORTED, &error);

  g_assert_no_error (error);
  return image;
}

static PopplerDocument *
render (Fixture    *fixture,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(XaAgreement) agreement = NULL;
  g_autoptr(XaPageLayout) layout = NULL;
  XaAgreementBook *book = xa_workspace_get_agreements (fixture->workspace);

  /* As the app and the batch do: a snapshot read afresh, the images in use onto it. */
  agreement = xa_agreement_book_dup_by_uuid (book, xa_agreement_get_uuid (fixture->agreement), &error);
  g_assert_no_error (error);
  g_assert_true (xa_agreement_book_attach_images (book, agreement, &error));
  g_assert_no_error (error);
  layout = xa_agreement_layout_new_for_agreement (agreement, fixture->template, XA_AGREEMENT_COPY_SCHOOL, fonts);
  return xa_test_pdf_render_layout (layout, name);
}

/* The centre of the first place @text is found on @page, in Poppler's page points
 * (from the top). */
static gboolean
find_centre (PopplerPage *page,
             const char  *text,
             double      *x,
             double      *y)
{
  double width, height;
  GList *found = poppler_page_find_text (page, text);
  PopplerRectangle *rect;

  if (found == NULL)
    return FALSE;

  poppler_page_get_size (page, &width, &height);
  rect = found->data;
  *x = (rect->x1 + rect->x2) / 2;
  /* find_text gives y from the bottom. */
  *y = height - (rect->y1 + rect->y2) / 2;
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  return TRUE;
}

static guint
count_images (PopplerPage *page)
{
  GList *mapping = poppler_page_get_image_mapping (page);
  guint n = g_list_length (mapping);

  poppler_page_free_image_mapping (mapping);
  return n;
}

static void
test_sealed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) school_seal = xa_test_make_seal_png (600);
  g_autoptr(GBytes) commission_seal = xa_test_make_seal_png (800);
  g_autoptr(GBytes) signature = xa_test_make_signature_png ();
  g_autoptr(XaSealImage) school_image = import (fixture, XA_SEAL_OWNER_SCHOOL, xa_organisation_get_uuid (fixture->school), school_seal);
  g_autoptr(XaSealImage) commission_image = NULL;
  g_autoptr(XaSealImage) signature_image = NULL;
  g_autoptr(XaRole) principal = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) last = NULL;
  g_autofree char *last_text = NULL;
  GList *mapping;
  double school_x, school_y, commission_x, commission_y, sign_x, sign_y;
  guint n_seals = 0, n_signatures = 0;
  int n_pages;

  commission_image = import (fixture, XA_SEAL_OWNER_COMMISSION, xa_organisation_get_uuid (fixture->commission),
                             commission_seal);
  principal = xa_school_registry_dup_role_holder (xa_workspace_get_registry (fixture->workspace),
                                                  xa_organisation_get_uuid (fixture->school),
                                                  XA_ROLE_KIND_FIRST_RESPONSIBLE, NULL, &error);
  g_assert_no_error (error);
  signature_image = import (fixture, XA_SEAL_OWNER_PERSON, xa_role_get_person_uuid (principal), signature);

  document = render (fixture, "sealed.pdf");
  n_pages = poppler_document_get_n_pages (document);
  for (int i = 0; i < n_pages - 1; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);

      g_assert_cmpuint (count_images (page), ==, 0);
    }

  /* All on the last page, with body text above the block: never alone on a page. */
  last = poppler_document_get_page (document, n_pages - 1);
  last_text = poppler_page_get_text (last);
  g_assert_nonnull (strstr (last_text, "。"));
  g_assert_true (find_centre (last, "学校(盖章)", &school_x, &school_y));
  g_assert_true (find_centre (last, "教育委员会(盖章)", &commission_x, &commission_y));
  g_assert_true (find_centre (last, "负责人签名", &sign_x, &sign_y));

  mapping = poppler_page_get_image_mapping (last);
  for (GList *l = mapping; l != NULL; l = l->next)
    {
      PopplerImageMapping *image = l->data;
      double width = image->area.x2 - image->area.x1;
      double height = image->area.y2 - image->area.y1;
      double cx = (image->area.x1 + image->area.x2) / 2;
      double cy = (image->area.y1 + image->area.y2) / 2;

      if (fabs (width - XA_SEAL_DIAMETER) < 1 && fabs (height - XA_SEAL_DIAMETER) < 1)
        {
          /* Over its party's name and date: centred across its column, the name above
           * the middle, within the seal. */
          n_seals++;
          g_assert_true (cx > MIN (school_x, commission_x) - 80 && cx < MAX (school_x, commission_x) + 80);
          if (fabs (cx - school_x) < fabs (cx - commission_x))
            g_assert_cmpfloat (fabs (cy - school_y), <, XA_SEAL_DIAMETER / 2);
          else
            g_assert_cmpfloat (fabs (cy - commission_y), <, XA_SEAL_DIAMETER / 2);
        }
      else
        {
          /* The signature: right of its label, on its row, no higher than 2.5 rows. */
          n_signatures++;
          g_assert_cmpfloat (image->area.x1, >, sign_x);
          g_assert_cmpfloat (fabs (cy - sign_y), <, XA_LINE_PITCH / 2);
          g_assert_cmpfloat (height, <=, XA_LINE_PITCH * 2.5 + 0.5);
          g_assert_cmpfloat (width / height, >, 2.9);
        }
    }
  poppler_page_free_image_mapping (mapping);
  g_assert_cmpuint (n_seals, ==, 2);
  g_assert_cmpuint (n_signatures, ==, 1);
}

/* The box of the @nth (from 0) occurrence of @needle in @page's text, from Poppler's text
 * layout: its top and bottom (the baseline, give or take the descent) in points from the
 * page's top, and its left and right. */
static gboolean
find_box (PopplerPage *page,
          const char  *needle,
          guint        nth,
          double      *left,
          double      *top,
          double      *right,
          double      *bottom)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *boxes = NULL;
  guint n_boxes = 0;
  const char *at = text;
  glong first, last;

  g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
  for (guint i = 0; at != NULL; i++)
    {
      at = strstr (i == 0 ? at : at + 1, needle);
      if (at == NULL)
        return FALSE;
      if (i == nth)
        break;
    }

  first = g_utf8_pointer_to_offset (text, at);
  last = first + g_utf8_strlen (needle, -1) - 1;
  g_assert_cmpint (last, <, (glong) n_boxes);
  *left = boxes[first].x1;
  *right = boxes[last].x2;
  *top = G_MAXDOUBLE;
  *bottom = -G_MAXDOUBLE;
  for (glong i = first; i <= last; i++)
    {
      *top = MIN (*top, boxes[i].y1);
      *bottom = MAX (*bottom, boxes[i].y2);
    }
  return TRUE;
}

/* GB/T 9704 7.3.5.1 (reference/domain.md §1.3, §1.7): each seal presses its party's name
 * and date, which sit a little below the seal's centre, and the seal's top is within a
 * line of the last line of body text, never over it. Read back from the PDF: the seals'
 * images and the lines' boxes from Poppler's text layout. */
static void
test_seal_geometry (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GBytes) school_seal = xa_test_make_seal_png (600);
  g_autoptr(GBytes) commission_seal = xa_test_make_seal_png (600);
  g_autoptr(XaSealImage) school_image = import (fixture, XA_SEAL_OWNER_SCHOOL, xa_organisation_get_uuid (fixture->school), school_seal);
  g_autoptr(XaSealImage) commission_image = import (fixture, XA_SEAL_OWNER_COMMISSION,
                                                    xa_organisation_get_uuid (fixture->commission), commission_seal);
  g_autoptr(PopplerDocument) document = render (fixture, "geometry.pdf");
  g_autoptr(PopplerPage) last = poppler_document_get_page (document, poppler_document_get_n_pages (document) - 1);
  const double radius = XA_SEAL_DIAMETER / 2;
  double body_left, body_top, body_right, body_bottom;
  double width, height;
  GList *mapping;
  guint n_seals = 0;

  poppler_page_get_size (last, &width, &height);
  /* The last line of body text ends the agreement's last paragraph. */
  g_assert_true (find_box (last, "。", 0, &body_left, &body_top, &body_right, &body_bottom));
  for (guint i = 1; find_box (last, "。", i, &body_left, &body_top, &body_right, &body_bottom); i++)
    ;

  mapping = poppler_page_get_image_mapping (last);
  for (GList *l = mapping; l != NULL; l = l->next)
    {
      PopplerImageMapping *image = l->data;
      /* Image areas are in points from the page's top, as the text layout's are. */
      double cx = (image->area.x1 + image->area.x2) / 2;
      double cy = (image->area.y1 + image->area.y2) / 2;
      double name_left = 0, name_top = 0, name_right = 0, name_bottom = 0;
      double date_left = 0, date_top = 0, date_right = 0, date_bottom = 0;
      gboolean name_found = FALSE, date_found = FALSE;

      if (fabs (image->area.x2 - image->area.x1 - XA_SEAL_DIAMETER) > 1)
        continue;
      n_seals++;

      /* Its party's name ("…(盖章)") and date ("年　月　日"): the ones in its column. */
      for (guint i = 0; !name_found && find_box (last, "(盖章)", i, &name_left, &name_top, &name_right, &name_bottom); i++)
        name_found = fabs ((name_left + name_right) / 2 - cx) < radius * 2;
      for (guint i = 0; !date_found && find_box (last, "年", i, &date_left, &date_top, &date_right, &date_bottom); i++)
        date_found = date_top > name_bottom && fabs (date_left - cx) < radius;
      g_assert_true (name_found);
      g_assert_true (date_found);
      g_test_message ("seal centre %.1f; name %.1f–%.1f; date %.1f–%.1f; body ends %.1f",
                      cy, name_top, name_bottom, date_top, date_bottom, body_bottom);

      /* Both under the seal, top to bottom. */
      g_assert_cmpfloat (name_top, >, cy - radius);
      g_assert_cmpfloat (date_bottom, <, cy + radius);
      /* Their baselines (the boxes' bottoms, a descent below) a little below the centre:
       * between them, lower than the centre by less than a line; the name over the
       * centre's row, the date under it. */
      g_assert_cmpfloat ((name_bottom + date_bottom) / 2, >, cy);
      g_assert_cmpfloat ((name_bottom + date_bottom) / 2, <, cy + XA_LINE_PITCH);
      g_assert_cmpfloat (name_bottom, <, cy);
      g_assert_cmpfloat (date_top, >, cy);
      /* The seal's top under the body text, within one line of it. */
      g_assert_cmpfloat (cy - radius, >, body_bottom);
      g_assert_cmpfloat (cy - radius - body_bottom, <, XA_LINE_PITCH);
    }
  poppler_page_free_image_mapping (mapping);
  g_assert_cmpuint (n_seals, ==, 2);
}

static void
test_placeholder (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) school_seal = xa_test_make_seal_png (600);
  g_autoptr(XaSealImage) image = NULL;
  g_autoptr(PopplerDocument) plain = render (fixture, "plain.pdf");
  g_autoptr(PopplerDocument) sealed = NULL;
  g_autoptr(PopplerDocument) withdrawn = NULL;
  g_autoptr(PopplerPage) plain_last = NULL;
  g_autoptr(PopplerPage) sealed_last = NULL;
  g_autoptr(PopplerPage) withdrawn_last = NULL;

  plain_last = poppler_document_get_page (plain, poppler_document_get_n_pages (plain) - 1);
  g_assert_cmpuint (count_images (plain_last), ==, 0);

  image = import (fixture, XA_SEAL_OWNER_SCHOOL, xa_organisation_get_uuid (fixture->school), school_seal);
  sealed = render (fixture, "school-sealed.pdf");
  g_assert_cmpint (poppler_document_get_n_pages (sealed), ==, poppler_document_get_n_pages (plain));
  sealed_last = poppler_document_get_page (sealed, poppler_document_get_n_pages (sealed) - 1);
  g_assert_cmpuint (count_images (sealed_last), ==, 1);

  /* Withdrawn: no longer on a new PDF, the dashed zone back. */
  g_assert_true (xa_seal_images_withdraw (xa_workspace_get_registry (fixture->workspace),
                                          xa_seal_image_get_uuid (image), "更换印章", &error));
  g_assert_no_error (error);
  withdrawn = render (fixture, "withdrawn.pdf");
  withdrawn_last = poppler_document_get_page (withdrawn, poppler_document_get_n_pages (withdrawn) - 1);
  g_assert_cmpuint (count_images (withdrawn_last), ==, 0);
}

/* The dashed zone without an image: grey ink on the seal's circle. */
static void
test_dashed_zone (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(PopplerDocument) plain = render (fixture, "dashed.pdf");
  g_autoptr(PopplerPage) last = poppler_document_get_page (plain, poppler_document_get_n_pages (plain) - 1);
  double x, y, width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint grey = 0;
  int scale = 2;

  g_assert_true (find_centre (last, "学校(盖章)", &x, &y));
  poppler_page_get_size (last, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width * scale, (int) height * scale);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (last, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Around a circle of 42 mm near the name: some of its dashes are grey. */
  for (int i = 0; i < 360; i += 2)
    for (double dy = -XA_LINE_PITCH; dy <= XA_LINE_PITCH; dy += XA_LINE_PITCH / 4)
      {
        double a = i * G_PI / 180;
        int px = (int) ((x + XA_SEAL_DIAMETER / 2 * cos (a)) * scale);
        int py = (int) ((y + dy + XA_SEAL_DIAMETER / 2 * sin (a)) * scale);
        guint32 pixel;
        int r, g, b;

        if (px < 0 || py < 0 || px >= cairo_image_surface_get_width (surface) || py >= cairo_image_surface_get_height (surface))
          continue;
        pixel = ((guint32 *) (cairo_image_surface_get_data (surface) + py * cairo_image_surface_get_stride (surface)))[px];
        r = (pixel >> 16) & 0xff;
        g = (pixel >> 8) & 0xff;
        b = pixel & 0xff;
        if (r < 235 && r > 100 && abs (r - g) < 10 && abs (g - b) < 10)
          grey++;
      }

  cairo_surface_destroy (surface);
  g_assert_cmpuint (grey, >, 20);
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/xa/agreement-seals/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("sealed", test_sealed);
  ADD ("seal-geometry", test_seal_geometry);
  ADD ("placeholder", test_placeholder);
  ADD ("dashed-zone", test_dashed_zone);

  return g_test_run ();
}
