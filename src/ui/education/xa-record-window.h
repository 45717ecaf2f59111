/* xa-record-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XA_TYPE_RECORD_WINDOW (xa_record_window_get_type ())

G_DECLARE_DERIVABLE_TYPE (XaRecordWindow, xa_record_window, XA, RECORD_WINDOW, AdwWindow)

struct _XaRecordWindowClass
{
  AdwWindowClass parent_class;

  /* Stores the form's record: %FALSE, with the reason shown in the form, when the core
   * refuses it. */
  gboolean (*save) (XaRecordWindow  *self,
                    GError         **error);
};

void      xa_record_window_changed        (XaRecordWindow *self);
void      xa_record_window_set_filling    (XaRecordWindow *self,
                                           gboolean        filling);
void      xa_record_window_set_unsaved    (XaRecordWindow *self,
                                           const char     *what);
gboolean  xa_record_window_get_dirty      (XaRecordWindow *self);
gboolean  xa_record_window_refuse         (XaRecordWindow *self,
                                           GError         *local_error,
                                           GError        **error);

G_END_DECLS
