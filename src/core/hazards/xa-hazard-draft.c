/* xa-hazard-draft.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hazard being typed into the form, kept in a file so that a crash of the app, or a
 * power cut, loses at most the last moment of typing (issue 11: "a draft that survives a
 * crash of the app"). Each edit schedules a write; the write happens once the typing
 * pauses (XA_HAZARD_DRAFT_DELAY_MS), in a worker, atomically: the file holds the old
 * draft or the new one, never half of either. On the next start the form offers it back.
 *
 * Writes may finish out of order and a discard may come while one runs: each snapshot
 * carries a serial, and under one lock a write goes ahead only when it is newer than
 * the last one written and than the last discard. So the file always ends as the newest
 * snapshot scheduled, or absent after a discard.
 *
 * The file, in the user's state folder (one per database, which a hash of its location
 * names), is JSON:
 *
 *   { "format": "xiaoan-hazard-draft", "version": 1, "saved_at": "2021-09-03T10:20:00+08:00",
 *     "hazard": <the hazard as xa_hazard_to_json() writes it> }
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "xa-hazard-draft.h"
#include "xa-hazard-json.h"
#include "core/util/xa-date.h"
#include "core/util/xa-json.h"

#define FORMAT  "xiaoan-hazard-draft"
#define VERSION 1

struct _XaHazardDraft
{
  GObject   parent_instance;

  char     *path;

  /* The snapshot waiting for the typing to pause, and its serial. */
  char     *scheduled;
  guint64   scheduled_serial;
  guint     timeout_id;
  guint     n_writing;

  /* Shared with the workers, under the lock. */
  GMutex    lock;
  guint64   serial;          /* of the last snapshot scheduled */
  guint64   written_serial;  /* of the snapshot in the file */
  guint64   discard_serial;  /* the serial when the draft was last discarded */
};

G_DEFINE_FINAL_TYPE (XaHazardDraft, xa_hazard_draft, G_TYPE_OBJECT)

G_DEFINE_QUARK (xa-hazard-draft-error-quark, xa_hazard_draft_error)

enum {
  PROP_0,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  char    *json;
  guint64  serial;
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_free (snapshot->json);
  g_free (snapshot);
}

static char *
dup_display (XaHazardDraft *self)
{
  return g_filename_display_name (self->path);
}

/* Writes @json unless a newer snapshot is in the file or the draft was discarded since
 * @serial was scheduled. */
static gboolean
write_snapshot (XaHazardDraft  *self,
                const char     *json,
                guint64         serial,
                GError        **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *display = NULL;

  if (serial <= self->written_serial || serial <= self->discard_serial)
    return TRUE;

  dir = g_path_get_dirname (self->path);
  display = dup_display (self);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, XA_HAZARD_DRAFT_ERROR, XA_HAZARD_DRAFT_ERROR_FILE,
                   /* Translators: the file of a hazard draft, then why it failed */
                   _("The hazard draft “%s” cannot be saved: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  /* Consistent, not durable: the file is never torn, and the app's death (what the
   * draft is for) loses nothing the kernel already has. */
  if (!g_file_set_contents_full (self->path, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &local_error))
    {
      g_set_error (error, XA_HAZARD_DRAFT_ERROR, XA_HAZARD_DRAFT_ERROR_FILE,
                   _("The hazard draft “%s” cannot be saved: %s"), display, local_error->message);
      return FALSE;
    }

  self->written_serial = serial;
  return TRUE;
}

static void
write_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Snapshot *snapshot = task_data;
  GError *error = NULL;

  if (!write_snapshot (source_object, snapshot->json, snapshot->serial, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
notify_pending (XaHazardDraft *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  XaHazardDraft *self = XA_HAZARD_DRAFT (object);
  g_autoptr(GError) error = NULL;

  /* Nobody waits for a write: a draft that cannot be kept is said once in the log, and
   * the form, which holds the same text, stays as it is. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("%s", error->message);

  self->n_writing--;
  if (!xa_hazard_draft_get_pending (self))
    notify_pending (self);
}

static void
start_write (XaHazardDraft *self)
{
  g_autoptr(GTask) task = NULL;
  Snapshot *snapshot;

  if (self->scheduled == NULL)
    return;

  snapshot = g_new0 (Snapshot, 1);
  snapshot->json = g_steal_pointer (&self->scheduled);
  snapshot->serial = self->scheduled_serial;

  self->n_writing++;
  task = g_task_new (self, NULL, written_cb, NULL);
  g_task_set_source_tag (task, start_write);
  g_task_set_task_data (task, snapshot, (GDestroyNotify) snapshot_free);
  g_task_run_in_thread (task, write_worker);
}

static gboolean
pause_cb (gpointer user_data)
{
  XaHazardDraft *self = user_data;

  self->timeout_id = 0;
  start_write (self);
  return G_SOURCE_REMOVE;
}

static void
xa_hazard_draft_dispose (GObject *object)
{
  XaHazardDraft *self = XA_HAZARD_DRAFT (object);
  g_autoptr(GError) error = NULL;

  /* A window closed without saving (or a test that ends) keeps the last edit too. */
  if (!xa_hazard_draft_flush (self, &error))
    g_warning ("%s", error->message);

  G_OBJECT_CLASS (xa_hazard_draft_parent_class)->dispose (object);
}

static void
xa_hazard_draft_finalize (GObject *object)
{
  XaHazardDraft *self = XA_HAZARD_DRAFT (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->scheduled, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (xa_hazard_draft_parent_class)->finalize (object);
}

static void
xa_hazard_draft_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XaHazardDraft *self = XA_HAZARD_DRAFT (object);

  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_boolean (value, xa_hazard_draft_get_pending (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_hazard_draft_class_init (XaHazardDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xa_hazard_draft_dispose;
  object_class->finalize = xa_hazard_draft_finalize;
  object_class->get_property = xa_hazard_draft_get_property;

  /* Whether an edit is not in the file yet: waiting for the typing to pause, or being
   * written. */
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_hazard_draft_init (XaHazardDraft *self)
{
  g_mutex_init (&self->lock);
}

/**
 * xa_hazard_draft_dup_path_for:
 * @location: where the database is: a file's path or a server's location
 *
 * Each database has its own draft, since a hazard names a school of one database. The
 * file's name is a hash of @location, which may hold a server's address.
 *
 * Returns: (transfer full): the draft file of the database at @location, in the user's
 *   state folder
 */
char *
xa_hazard_draft_dup_path_for (const char *location)
{
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, location, -1);
  name = g_strdup_printf ("hazard-%.16s.json", hash);
  return g_build_filename (g_get_user_state_dir (), "xiaoan", "drafts", name, NULL);
}

/**
 * xa_hazard_draft_new:
 * @path: (type filename): the draft's file; its folder is made when it is first written
 *
 * Returns: (transfer full): the draft kept at @path
 */
XaHazardDraft *
xa_hazard_draft_new (const char *path)
{
  XaHazardDraft *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (XA_TYPE_HAZARD_DRAFT, NULL);
  self->path = g_strdup (path);
  return self;
}

const char *
xa_hazard_draft_get_path (XaHazardDraft *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_DRAFT (self), NULL);

  return self->path;
}

/**
 * xa_hazard_draft_get_pending:
 *
 * Returns: whether an edit scheduled is not in the file yet
 */
gboolean
xa_hazard_draft_get_pending (XaHazardDraft *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_DRAFT (self), FALSE);

  return self->scheduled != NULL || self->n_writing > 0;
}

/**
 * xa_hazard_draft_schedule:
 * @hazard: the hazard as the form holds it, complete or not
 *
 * Takes a snapshot of @hazard now and writes it once no other arrives for
 * %XA_HAZARD_DRAFT_DELAY_MS, replacing the draft before.
 */
void
xa_hazard_draft_schedule (XaHazardDraft *self,
                          XaHazard      *hazard)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *saved_at = xa_date_now_iso8601 ();
  gboolean was_pending;

  g_return_if_fail (XA_IS_HAZARD_DRAFT (self));
  g_return_if_fail (XA_IS_HAZARD (hazard));

  was_pending = xa_hazard_draft_get_pending (self);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, VERSION);
  json_builder_set_member_name (builder, "saved_at");
  json_builder_add_string_value (builder, saved_at);
  json_builder_set_member_name (builder, "hazard");
  {
    g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

    json_node_take_object (node, xa_hazard_to_json (hazard));
    json_builder_add_value (builder, g_steal_pointer (&node));
  }
  json_builder_end_object (builder);

  g_free (self->scheduled);
  self->scheduled = xa_json_builder_to_string (builder);
  g_mutex_lock (&self->lock);
  self->scheduled_serial = ++self->serial;
  g_mutex_unlock (&self->lock);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (XA_HAZARD_DRAFT_DELAY_MS, pause_cb, self);

  if (!was_pending)
    notify_pending (self);
}

/**
 * xa_hazard_draft_flush:
 *
 * Writes the snapshot waiting for a pause now, on this thread: before the form goes.
 *
 * Returns: %TRUE when the file holds the last edit, or will once a write under way ends
 */
gboolean
xa_hazard_draft_flush (XaHazardDraft  *self,
                       GError        **error)
{
  g_autofree char *json = NULL;
  gboolean written;

  g_return_val_if_fail (XA_IS_HAZARD_DRAFT (self), FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->scheduled == NULL)
    return TRUE;

  json = g_steal_pointer (&self->scheduled);
  written = write_snapshot (self, json, self->scheduled_serial, error);
  if (!xa_hazard_draft_get_pending (self))
    notify_pending (self);
  return written;
}

static gboolean
fail_invalid (XaHazardDraft  *self,
              const char     *why,
              GError        **error)
{
  g_autofree char *display = dup_display (self);

  g_set_error (error, XA_HAZARD_DRAFT_ERROR, XA_HAZARD_DRAFT_ERROR_INVALID,
               /* Translators: the file of a hazard draft, then what is wrong with it */
               _("The hazard draft “%s” cannot be read: %s"), display, why);
  return FALSE;
}

/**
 * xa_hazard_draft_load:
 * @saved_at: (out) (optional) (transfer full): when the draft was written, ISO 8601
 *
 * Reads the draft left in the file, which may be incomplete: nothing of it is validated
 * but the types of its members.
 *
 * Returns: (transfer full) (nullable): the hazard of the draft; %NULL without an error
 *   when there is none, or with an error naming the file when it cannot be read
 */
XaHazard *
xa_hazard_draft_load (XaHazardDraft  *self,
                      char          **saved_at,
                      GError        **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(XaHazard) hazard = NULL;
  JsonObject *object;
  JsonNode *member;

  g_return_val_if_fail (XA_IS_HAZARD_DRAFT (self), NULL);

  if (saved_at != NULL)
    *saved_at = NULL;

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    return NULL;

  if ((root = xa_json_parse_file (self->path, &local_error)) == NULL)
    {
      fail_invalid (self, local_error->message, error);
      return NULL;
    }

  object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (object == NULL || g_strcmp0 (json_object_get_string_member_with_default (object, "format", NULL), FORMAT) != 0)
    {
      fail_invalid (self, _("it is not a draft of a hazard"), error);
      return NULL;
    }

  if (json_object_get_int_member_with_default (object, "version", 0) != VERSION)
    {
      fail_invalid (self, _("it was written by another version of Xiaoan"), error);
      return NULL;
    }

  member = json_object_get_member (object, "hazard");
  if (member == NULL || !JSON_NODE_HOLDS_OBJECT (member) ||
      (hazard = xa_hazard_new_from_json (json_node_get_object (member), &local_error)) == NULL)
    {
      fail_invalid (self, local_error ? local_error->message : _("it holds no hazard"), error);
      return NULL;
    }

  if (saved_at != NULL)
    *saved_at = g_strdup (json_object_get_string_member_with_default (object, "saved_at", NULL));

  return g_steal_pointer (&hazard);
}

/**
 * xa_hazard_draft_discard:
 *
 * Forgets the draft: what is scheduled is dropped and the file removed, also when a
 * write under way ends later. What the form does once the hazard is saved, or its edits
 * given up.
 *
 * Returns: %TRUE when no draft is left
 */
gboolean
xa_hazard_draft_discard (XaHazardDraft  *self,
                         GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  gboolean was_pending;

  g_return_val_if_fail (XA_IS_HAZARD_DRAFT (self), FALSE);

  was_pending = xa_hazard_draft_get_pending (self);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_pointer (&self->scheduled, g_free);
  if (was_pending && !xa_hazard_draft_get_pending (self))
    notify_pending (self);

  locker = g_mutex_locker_new (&self->lock);
  self->discard_serial = self->serial;
  if (g_unlink (self->path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;
      g_autofree char *display = dup_display (self);

      g_set_error (error, XA_HAZARD_DRAFT_ERROR, XA_HAZARD_DRAFT_ERROR_FILE,
                   /* Translators: the file of a hazard draft, then why it failed */
                   _("The hazard draft “%s” cannot be removed: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
