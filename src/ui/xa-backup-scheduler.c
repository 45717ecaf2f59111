/* xa-backup-scheduler.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scheduled backups (issue 8): once a minute, while the app has made no change for a few
 * minutes, a backup is made in a worker when the newest one is older than the interval
 * of the preferences and the database changed since. The decision itself is
 * xa_backup_is_due(), a pure function the core tests cover; this object only feeds it
 * the clock, the store's changes and the newest backup.
 */

#include "config.h"

#include "xa-backup-scheduler.h"
#include "core/store/xa-backup.h"

struct _XaBackupScheduler
{
  GObject       parent_instance;

  /* Owned references */
  XaStore      *store;
  GSettings    *settings;
  GCancellable *cancellable;

  /* State */
  char         *backup_dir;
  GDateTime    *last_write;
  guint         last_serial;
  guint         timeout_id;
  gboolean      running;
};

G_DEFINE_FINAL_TYPE (XaBackupScheduler, xa_backup_scheduler, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_running (XaBackupScheduler *self,
             gboolean           running)
{
  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
backup_made_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  XaBackupScheduler *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaBackup) backup = xa_backup_create_finish (result, &error);

  /* Cancelled means disposed: @self may be gone (the task holds no reference, so that
   * closing the workspace for a restore is not held up by a backup). */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_running (self, FALSE);
  if (backup == NULL)
    g_warning ("The scheduled backup failed: %s", error->message);
}

static gboolean
tick_cb (gpointer user_data)
{
  XaBackupScheduler *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  xa_backup_scheduler_tick (self, now);
  return G_SOURCE_CONTINUE;
}

static void
xa_backup_scheduler_dispose (GObject *object)
{
  XaBackupScheduler *self = XA_BACKUP_SCHEDULER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (xa_backup_scheduler_parent_class)->dispose (object);
}

static void
xa_backup_scheduler_finalize (GObject *object)
{
  XaBackupScheduler *self = XA_BACKUP_SCHEDULER (object);

  g_clear_pointer (&self->backup_dir, g_free);
  g_clear_pointer (&self->last_write, g_date_time_unref);

  G_OBJECT_CLASS (xa_backup_scheduler_parent_class)->finalize (object);
}

static void
xa_backup_scheduler_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  XaBackupScheduler *self = XA_BACKUP_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_backup_scheduler_class_init (XaBackupSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xa_backup_scheduler_dispose;
  object_class->finalize = xa_backup_scheduler_finalize;
  object_class->get_property = xa_backup_scheduler_get_property;

  /**
   * XaBackupScheduler:running:
   *
   * Whether a scheduled backup is being made.
   */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_backup_scheduler_init (XaBackupScheduler *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * xa_backup_scheduler_new:
 * @store: a store on a file
 * @settings: the app's settings, with `backup-keep` and `backup-interval-hours`
 *
 * Starts looking once a minute. The start of the app counts as a change, so that the
 * first scheduled backup waits for the app to be idle.
 */
XaBackupScheduler *
xa_backup_scheduler_new (XaStore   *store,
                         GSettings *settings)
{
  XaBackupScheduler *self;

  g_return_val_if_fail (XA_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (XA_TYPE_BACKUP_SCHEDULER, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->backup_dir = xa_backup_dup_default_dir (xa_store_get_path (store));
  self->last_write = g_date_time_new_now_local ();
  self->last_serial = xa_store_get_change_serial (store);
  self->timeout_id = g_timeout_add_seconds (60, tick_cb, self);

  return self;
}

/**
 * xa_backup_scheduler_tick:
 * @now: the time now
 *
 * Notes whether the store changed since the last tick and starts a backup when one is
 * due.
 *
 * Returns: whether a backup was started
 */
gboolean
xa_backup_scheduler_tick (XaBackupScheduler *self,
                          GDateTime         *now)
{
  g_autoptr(XaBackup) newest = NULL;
  guint serial;
  gboolean changed;

  g_return_val_if_fail (XA_IS_BACKUP_SCHEDULER (self), FALSE);

  serial = xa_store_get_change_serial (self->store);
  if (serial != self->last_serial)
    {
      self->last_serial = serial;
      g_clear_pointer (&self->last_write, g_date_time_unref);
      self->last_write = g_date_time_ref (now);
    }

  if (self->running || g_strcmp0 (xa_store_get_path (self->store), ":memory:") == 0)
    return FALSE;

  newest = xa_backup_find_newest (self->backup_dir);
  changed = newest == NULL || !xa_backup_is_current (newest, self->store);
  if (!xa_backup_is_due (now, newest ? xa_backup_get_date (newest) : NULL, changed,
                         self->last_write,
                         g_settings_get_int (self->settings, "backup-interval-hours"),
                         XA_BACKUP_IDLE_MINUTES))
    return FALSE;

  set_running (self, TRUE);
  xa_backup_create_async (self->store, self->backup_dir,
                          g_settings_get_int (self->settings, "backup-keep"),
                          self->cancellable, backup_made_cb, self);
  return TRUE;
}
