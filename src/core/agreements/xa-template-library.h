/* xa-template-library.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-template.h"
#include "core/store/xa-store.h"

G_BEGIN_DECLS

#define XA_TEMPLATE_LIBRARY_ERROR (xa_template_library_error_quark ())

typedef enum
{
  XA_TEMPLATE_LIBRARY_ERROR_NOT_FOUND,    /* no template with that uuid or for that year */
  XA_TEMPLATE_LIBRARY_ERROR_YEAR_CHANGED, /* a saved template's school year cannot change */
  XA_TEMPLATE_LIBRARY_ERROR_FILE,         /* a file could not be read or written */
} XaTemplateLibraryError;

#define XA_TEMPLATE_LIBRARY_DEFAULT_RESOURCE \
  "/io/github/xiaoan/Xiaoan/templates/agreement-2021-2022.json"

#define XA_TYPE_TEMPLATE_LIBRARY (xa_template_library_get_type ())

G_DECLARE_FINAL_TYPE (XaTemplateLibrary, xa_template_library, XA, TEMPLATE_LIBRARY, GObject)

GQuark             xa_template_library_error_quark     (void);
XaTemplate        *xa_template_library_load_builtin    (GError            **error);

XaTemplateLibrary *xa_template_library_new             (XaStore            *store);
XaStore           *xa_template_library_get_store       (XaTemplateLibrary  *self);
gboolean           xa_template_library_ensure_default  (XaTemplateLibrary  *self,
                                                        GError            **error);
GListModel        *xa_template_library_get_templates   (XaTemplateLibrary  *self);
XaTemplate        *xa_template_library_dup_by_uuid     (XaTemplateLibrary  *self,
                                                        const char         *uuid,
                                                        GError            **error);
XaTemplate        *xa_template_library_dup_latest      (XaTemplateLibrary  *self,
                                                        int                 school_year,
                                                        GError            **error);
gboolean           xa_template_library_save            (XaTemplateLibrary  *self,
                                                        XaTemplate         *template,
                                                        GError            **error);
gboolean           xa_template_library_freeze          (XaTemplateLibrary  *self,
                                                        const char         *uuid,
                                                        GError            **error);
XaTemplate        *xa_template_library_copy_to_next_year (XaTemplateLibrary *self,
                                                          XaTemplate        *template,
                                                          GError           **error);
XaTemplate        *xa_template_library_copy_to_year    (XaTemplateLibrary  *self,
                                                        XaTemplate         *template,
                                                        int                 school_year,
                                                        GError            **error);
XaTemplate        *xa_template_library_import_file     (XaTemplateLibrary  *self,
                                                        GFile              *file,
                                                        GError            **error);
gboolean           xa_template_library_export_file     (XaTemplateLibrary  *self,
                                                        XaTemplate         *template,
                                                        GFile              *file,
                                                        GError            **error);
void               xa_template_library_import_file_async  (XaTemplateLibrary   *self,
                                                           GFile               *file,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
XaTemplate        *xa_template_library_import_file_finish (XaTemplateLibrary   *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void               xa_template_library_export_file_async  (XaTemplateLibrary   *self,
                                                           XaTemplate          *template,
                                                           GFile               *file,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean           xa_template_library_export_file_finish (XaTemplateLibrary   *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

G_END_DECLS
