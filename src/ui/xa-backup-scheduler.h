/* xa-backup-scheduler.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/store/xa-store.h"

G_BEGIN_DECLS

/* How long the app must have made no change before a scheduled backup runs. */
#define XA_BACKUP_IDLE_MINUTES 5

#define XA_TYPE_BACKUP_SCHEDULER (xa_backup_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (XaBackupScheduler, xa_backup_scheduler, XA, BACKUP_SCHEDULER, GObject)

XaBackupScheduler *xa_backup_scheduler_new  (XaStore           *store,
                                             GSettings         *settings);
gboolean           xa_backup_scheduler_tick (XaBackupScheduler *self,
                                             GDateTime         *now);

G_END_DECLS
