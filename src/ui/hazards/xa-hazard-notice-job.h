/* xa-hazard-notice-job.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/hazards/xa-hazard-book.h"
#include "document/xa-page-set.h"

G_BEGIN_DECLS

void       xa_hazard_notice_job_run_async (XaHazardBook         *book,
                                           const char           *school_uuid,
                                           const char           *school_name,
                                           const char           *commission_name,
                                           int                   school_year,
                                           GFile                *file,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
XaPageSet *xa_hazard_notice_job_run_finish (GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
