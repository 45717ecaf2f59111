/* xa-preview.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define XA_PREVIEW_ERROR (xa_preview_error_quark ())

typedef enum
{
  XA_PREVIEW_ERROR_EMPTY,          /* a file of 0 bytes */
  XA_PREVIEW_ERROR_NOT_SUPPORTED,  /* not a PDF, JPEG, PNG or TIFF by its first bytes */
  XA_PREVIEW_ERROR_DAMAGED,        /* truncated or broken */
  XA_PREVIEW_ERROR_NO_PAGE,        /* the page asked for is not in it */
  XA_PREVIEW_ERROR_TOO_LARGE,      /* more than the helper may decode */
  XA_PREVIEW_ERROR_STOPPED,        /* the helper ran out of its memory or time, or crashed */
  XA_PREVIEW_ERROR_HELPER,         /* the helper cannot be run */
} XaPreviewError;

/* The default wall-clock time a preview may take before its helper is killed. */
#define XA_PREVIEW_DEFAULT_TIMEOUT_MS 15000

/* One rendered page: a PNG within the pixel budget (≤ 40 megapixels, each side ≤
 * 16,384 px), the file's pages, and the page's size in points (an image's in pixels). */
typedef struct
{
  GBytes *png;
  int     n_pages;
  double  page_width;
  double  page_height;
  int     width;
  int     height;
} XaPreview;

void       xa_preview_free          (XaPreview            *preview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaPreview, xa_preview_free)

GQuark     xa_preview_error_quark   (void);
char      *xa_preview_dup_helper_path (void);

void       xa_preview_render_async  (GBytes               *content,
                                     const char           *display_name,
                                     int                   page,
                                     int                   max_width,
                                     int                   max_height,
                                     guint                 timeout_ms,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
XaPreview *xa_preview_render_finish (GAsyncResult         *result,
                                     GError              **error);
XaPreview *xa_preview_render        (GBytes               *content,
                                     const char           *display_name,
                                     int                   page,
                                     int                   max_width,
                                     int                   max_height,
                                     guint                 timeout_ms,
                                     GCancellable         *cancellable,
                                     GError              **error);

G_END_DECLS
