/* xa-archive.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The archive (档案): the files a clerk keeps, each a stored blob (xa-blob-store.h) with
 * an item that says what it is and what it belongs to. This file reads it: a search by
 * school, year, kind, copy, status and text; one item and its checked bytes; the items
 * due for review by their retention; and the check that reconciles the items and the
 * blob store. Importing is xa-archive-import.c, the 签回 board xa-archive-board.c.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-archive-private.h"
#include "core/store/xa-blob-store.h"
#include "core/util/xa-date.h"
#include "core/util/xa-text.h"

G_DEFINE_QUARK (xa-archive-error-quark, xa_archive_error)

G_DEFINE_FINAL_TYPE (XaArchive, xa_archive, G_TYPE_OBJECT)

const char _xa_archive_item_columns[] =
  "SELECT i.uuid, i.blob_sha256, i.file_name, i.size, i.media_type, i.pages, i.kind, a.uuid, i.copy,"
  " o.uuid, o.code, o.name, i.school_year, i.retention, i.notes, i.imported_at, i.imported_by"
  " FROM archive_item i LEFT JOIN organisation o ON o.id = i.organisation_id"
  " LEFT JOIN agreement a ON a.id = i.agreement_id";

XaArchiveItem *
_xa_archive_item_from_row (XaStatement *row)
{
  XaArchiveItemFields fields = {
    .uuid = xa_statement_get_text (row, 0),
    .sha256 = xa_statement_get_text (row, 1),
    .file_name = xa_statement_get_text (row, 2),
    .size = xa_statement_get_int64 (row, 3),
    .media_type = xa_statement_get_text (row, 4),
    .pages = xa_statement_get_is_null (row, 5) ? 0 : xa_statement_get_int (row, 5),
    .kind = XA_ARCHIVE_KIND_OTHER,
    .agreement_uuid = xa_statement_get_text_or_null (row, 7),
    .copy = XA_ARCHIVE_COPY_NONE,
    .school_uuid = xa_statement_get_text_or_null (row, 9),
    .school_code = xa_statement_get_text_or_null (row, 10),
    .school_name = xa_statement_get_text_or_null (row, 11),
    .school_year = xa_statement_get_is_null (row, 12) ? 0 : xa_statement_get_int (row, 12),
    .retention = XA_ARCHIVE_RETENTION_PERMANENT,
    .notes = xa_statement_get_text (row, 14),
    .imported_at = xa_statement_get_text (row, 15),
    .imported_by = xa_statement_get_text (row, 16),
  };

  xa_archive_kind_from_key (xa_statement_get_text (row, 6), &fields.kind);
  xa_archive_copy_from_key (xa_statement_get_text_or_null (row, 8), &fields.copy);
  xa_archive_retention_from_key (xa_statement_get_text (row, 13), &fields.retention);
  return _xa_archive_item_new (&fields);
}

static void
xa_archive_dispose (GObject *object)
{
  XaArchive *self = XA_ARCHIVE (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (xa_archive_parent_class)->dispose (object);
}

static void
xa_archive_class_init (XaArchiveClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xa_archive_dispose;
}

static void
xa_archive_init (XaArchive *self)
{
}

/**
 * xa_archive_new:
 *
 * Returns: (transfer full): the archive of @store
 */
XaArchive *
xa_archive_new (XaStore *store)
{
  XaArchive *self;

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  self = g_object_new (XA_TYPE_ARCHIVE, NULL);
  self->store = g_object_ref (store);
  return self;
}

XaStore *
xa_archive_get_store (XaArchive *self)
{
  g_return_val_if_fail (XA_IS_ARCHIVE (self), NULL);

  return self->store;
}

/* Searching */

typedef struct
{
  const XaArchiveFilter *filter;
  const char            *uuid;    /* one item only */
  GPtrArray             *items;
} List;

static gboolean
list_func (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  List *list = user_data;
  const XaArchiveFilter *filter = list->filter;
  g_autoptr(GString) sql = g_string_new (_xa_archive_item_columns);
  g_autoptr(XaStatement) rows = NULL;
  g_autofree char *pattern = NULL;
  const char *and = " WHERE ";
  int n = 0;
  XaStep step;

#define CONDITION(text) G_STMT_START { g_string_append_printf (sql, "%s%s", and, text); and = " AND "; } G_STMT_END

  if (list->uuid != NULL)
    CONDITION ("i.uuid = ?");
  if (filter != NULL && filter->school_uuid != NULL)
    CONDITION ("o.uuid = ?");
  if (filter != NULL && filter->school_year != 0)
    CONDITION ("i.school_year = ?");
  if (filter != NULL && filter->kind != 0)
    CONDITION ("i.kind = ?");
  if (filter != NULL && filter->copy != XA_ARCHIVE_COPY_NONE)
    CONDITION ("i.copy = ?");
  if (filter != NULL && filter->status == XA_ARCHIVE_STATUS_LINKED)
    CONDITION ("i.organisation_id IS NOT NULL");
  if (filter != NULL && filter->status == XA_ARCHIVE_STATUS_UNLINKED)
    CONDITION ("i.organisation_id IS NULL");
  if (filter != NULL && filter->status == XA_ARCHIVE_STATUS_ORIGINAL)
    CONDITION ("i.copy IS NOT NULL");
  if (filter != NULL && filter->text != NULL && filter->text[0] != '\0')
    {
      g_autofree char *lower = g_utf8_strdown (filter->text, -1);

      pattern = xa_text_like_pattern (lower);
      CONDITION ("(lower (i.file_name) LIKE ? ESCAPE '\\' OR lower (i.notes) LIKE ? ESCAPE '\\'"
                 " OR lower (coalesce (o.name, '')) LIKE ? ESCAPE '\\'"
                 " OR coalesce (o.code, '') LIKE ? ESCAPE '\\')");
    }
#undef CONDITION
  g_string_append (sql, " ORDER BY i.imported_at DESC, i.id DESC");

  if (!(rows = xa_store_prepare (store, sql->str, error)))
    return FALSE;
  if (list->uuid != NULL)
    xa_statement_bind_text (rows, ++n, list->uuid);
  if (filter != NULL && filter->school_uuid != NULL)
    xa_statement_bind_text (rows, ++n, filter->school_uuid);
  if (filter != NULL && filter->school_year != 0)
    xa_statement_bind_int (rows, ++n, filter->school_year);
  if (filter != NULL && filter->kind != 0)
    xa_statement_bind_text (rows, ++n, xa_archive_kind_to_key (filter->kind));
  if (filter != NULL && filter->copy != XA_ARCHIVE_COPY_NONE)
    xa_statement_bind_text (rows, ++n, xa_archive_copy_to_key (filter->copy));
  for (guint i = 0; pattern != NULL && i < 4; i++)
    xa_statement_bind_text (rows, ++n, pattern);

  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    g_ptr_array_add (list->items, _xa_archive_item_from_row (rows));

  return step == XA_STEP_DONE;
}

/**
 * xa_archive_list:
 * @filter: (nullable): what to keep; %NULL keeps every item
 *
 * Returns: (transfer full) (element-type XaArchiveItem): the items, the last imported
 *   first, or %NULL with @error set
 */
GPtrArray *
xa_archive_list (XaArchive              *self,
                 const XaArchiveFilter  *filter,
                 GError                **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  List list = { filter, NULL, items };

  g_return_val_if_fail (XA_IS_ARCHIVE (self), NULL);

  if (!xa_store_read (self->store, list_func, &list, error))
    return NULL;

  return g_steal_pointer (&items);
}

/**
 * xa_archive_dup_item:
 * @uuid: an item's UUID
 *
 * Returns: (transfer full): the item, or %NULL with @error set
 */
XaArchiveItem *
xa_archive_dup_item (XaArchive   *self,
                     const char  *uuid,
                     GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  List list = { NULL, uuid, items };

  g_return_val_if_fail (XA_IS_ARCHIVE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!xa_store_read (self->store, list_func, &list, error))
    return NULL;

  if (items->len == 0)
    {
      g_set_error (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_NOT_FOUND,
                   _("There is no archived file %s"), uuid);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (items, 0));
}

/**
 * xa_archive_dup_content:
 *
 * Reads an item's stored bytes, checked against their SHA-256. The bytes are the
 * archive's: whoever shows, prints or exports them writes a new file.
 *
 * Returns: (transfer full): the bytes, or %NULL with @error set to a message naming the
 *   file when it is missing or damaged
 */
GBytes *
xa_archive_dup_content (XaArchive      *self,
                        XaArchiveItem  *item,
                        GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *content;

  g_return_val_if_fail (XA_IS_ARCHIVE (self), NULL);
  g_return_val_if_fail (XA_IS_ARCHIVE_ITEM (item), NULL);

  content = xa_store_dup_blob (self->store, xa_archive_item_get_sha256 (item), &local_error);
  if (content == NULL)
    g_set_error (error, local_error->domain, local_error->code, _("“%s” cannot be opened: %s"),
                 xa_archive_item_get_file_name (item), local_error->message);

  return content;
}

/* Retention */

/**
 * xa_archive_list_due:
 * @on_date: (nullable): a day (YYYY-MM-DD); %NULL for today
 *
 * The items whose retention has run out by @on_date and that are due for review
 * (鉴定): imported on a day whose anniversary after their retention's years is
 * @on_date or before. An item kept for good (永久) is never due.
 *
 * Returns: (transfer full) (element-type XaArchiveItem): the items, the longest due
 *   first, or %NULL with @error set
 */
GPtrArray *
xa_archive_list_due (XaArchive   *self,
                     const char  *on_date,
                     GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *today = NULL;

  g_return_val_if_fail (XA_IS_ARCHIVE (self), NULL);

  if (on_date == NULL)
    on_date = today = xa_date_today_iso ();
  if (!xa_date_parse (on_date, NULL))
    {
      g_set_error (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_INVALID,
                   _("“%s” is not a date such as 2021-09-01"), on_date);
      return NULL;
    }

  /* Few items are kept for less than for good, and a date's years are added in C the
   * same way on both engines. */
  if (!(items = xa_archive_list (self, NULL, error)))
    return NULL;

  for (guint i = items->len; i > 0; i--)
    {
      XaArchiveItem *item = g_ptr_array_index (items, i - 1);
      g_autofree char *review = xa_archive_item_dup_review_date (item);

      if (review != NULL && strcmp (review, on_date) <= 0)
        g_ptr_array_add (due, g_object_ref (item));
    }

  return g_steal_pointer (&due);
}

/* Checking */

typedef struct
{
  GPtrArray *problems;
} Check;

/* The archived files that name @sha256, for a problem's message. */
static char *
dup_item_names (XaStore     *store,
                const char  *sha256,
                GError     **error)
{
  g_autoptr(XaStatement) rows = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  XaStep step;

  if (!(rows = xa_store_prepare (store, "SELECT file_name FROM archive_item WHERE blob_sha256 = ? ORDER BY id", error)))
    return NULL;
  xa_statement_bind_text (rows, 1, sha256);
  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    g_string_append_printf (names, "%s“%s”", names->len > 0 ? _("、") : "", xa_statement_get_text (rows, 0));

  if (step != XA_STEP_DONE)
    return NULL;
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean
check_func (XaStore   *store,
            gpointer   user_data,
            GError   **error)
{
  Check *check = user_data;
  GPtrArray *problems = check->problems;

  /* A problem of a file the archive keeps names the archived files as the clerk knows
   * them, by the names they came with. */
  for (guint i = 0; i < problems->len; i++)
    {
      XaBlobProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *names = NULL;

      if (problem->kind != XA_BLOB_PROBLEM_STRAY && problem->sha256 != NULL &&
          xa_blob_sha256_is_valid (problem->sha256))
        {
          if (!(names = dup_item_names (store, problem->sha256, error)))
            return FALSE;
          if (names[0] != '\0')
            {
              char *message = g_strdup_printf (_("Archived file %s: %s"), names, problem->message);

              g_free (problem->message);
              problem->message = message;
            }
        }
    }

  return TRUE;
}

/**
 * xa_archive_check:
 *
 * Reconciles the database with the blob store: reads every stored file and checks it
 * against its SHA-256, and names every file missing, every file whose content no
 * longer matches, every stray file under `blobs/` that no row lists, and every record
 * (an archived file among them) whose stored file the database no longer lists. A
 * problem of an archived file names it by its original name.
 *
 * Returns: (transfer full) (element-type XaBlobProblem): the problems, empty when
 *   there are none, or %NULL with @error set when the store cannot be read
 */
GPtrArray *
xa_archive_check (XaArchive  *self,
                  GError    **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  Check check = { NULL };

  g_return_val_if_fail (XA_IS_ARCHIVE (self), NULL);

  if (!(problems = xa_store_check_blobs (self->store, TRUE, error)))
    return NULL;

  check.problems = problems;
  if (!xa_store_read (self->store, check_func, &check, error))
    return NULL;

  return g_steal_pointer (&problems);
}
