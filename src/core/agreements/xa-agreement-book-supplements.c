/* xa-agreement-book-supplements.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A school's supplementary clauses (补充条款) to its agreement, in the store's
 * `agreement_supplement` table: the agreement's own rows, printed after the template's
 * text and marked as the school's. Like the agreement's fields they change only while it
 * is a draft, which the book checks first, to name the school and the year, and the
 * schema's triggers again (xa-store-schema.c step 8). Every change is one transaction
 * with its audit entry; the clauses stay numbered 1, 2, … in the order the school gave.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-agreement-book-private.h"
#include "xa-template-private.h"
#include "core/util/xa-date.h"
#include "core/util/xa-list-sync.h"
#include "core/util/xa-text.h"

/* Far above any real clause, as for a template's text (XA_TEMPLATE_MAX_TEXT_CHARS is
 * for a whole section). */
#define MAX_SUPPLEMENT_CHARS 2000

/* Agreements read at once: well under either engine's limit of parameters. */
#define READ_CHUNK 500

typedef enum
{
  SUPPLEMENT_ADD,
  SUPPLEMENT_SET,
  SUPPLEMENT_REMOVE,
  SUPPLEMENT_MOVE,
} SupplementOp;

static const char * const actions[] = {
  "agreement.supplement.add",
  "agreement.supplement.edit",
  "agreement.supplement.remove",
  "agreement.supplement.move",
};

typedef struct
{
  SupplementOp  op;
  const char   *agreement_uuid;   /* SUPPLEMENT_ADD */
  const char   *uuid;             /* the others */
  const char   *text;             /* SUPPLEMENT_ADD, SUPPLEMENT_SET */
  guint         position;         /* SUPPLEMENT_MOVE: the new place, from 0 */
  char         *made_uuid;
} SupplementChange;

/* Reading */

typedef struct
{
  XaAgreement *agreement;
  GPtrArray   *uuids;
  GPtrArray   *texts;
} Read;

static void
read_free (Read *read)
{
  g_ptr_array_unref (read->uuids);
  g_ptr_array_unref (read->texts);
  g_free (read);
}

static GStrv
steal_strv (GPtrArray *array)
{
  g_ptr_array_add (array, NULL);
  return (GStrv) g_ptr_array_steal (array, NULL);
}

static gboolean
read_chunk (XaStore     *store,
            GListModel  *agreements,
            guint        start,
            guint        count,
            GError     **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) read_free);
  g_autofree char *placeholders = xa_sql_placeholders (count);
  g_autofree char *sql = g_strconcat ("SELECT agreement_id, uuid, body FROM agreement_supplement"
                                      " WHERE agreement_id IN (", placeholders, ")"
                                      " ORDER BY agreement_id, position, id", NULL);
  g_autoptr(XaStatement) stmt = NULL;
  GHashTableIter iter;
  gpointer value;
  XaStep step;

  if (!(stmt = xa_store_prepare (store, sql, error)))
    return FALSE;

  for (guint i = 0; i < count; i++)
    {
      g_autoptr(XaAgreement) agreement = g_list_model_get_item (agreements, start + i);
      Read *read = g_new0 (Read, 1);

      read->agreement = agreement;
      read->uuids = g_ptr_array_new_with_free_func (g_free);
      read->texts = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (by_id, g_memdup2 (&(gint64) { _xa_agreement_get_id (agreement) }, sizeof (gint64)),
                           read);
      xa_statement_bind_int64 (stmt, i + 1, _xa_agreement_get_id (agreement));
    }

  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      gint64 id = xa_statement_get_int64 (stmt, 0);
      Read *read = g_hash_table_lookup (by_id, &id);

      g_ptr_array_add (read->uuids, g_strdup (xa_statement_get_text (stmt, 1)));
      g_ptr_array_add (read->texts, g_strdup (xa_statement_get_text (stmt, 2)));
    }

  if (step != XA_STEP_DONE)
    return FALSE;

  /* The list holds the agreements, so that the borrowed pointers stay valid. */
  g_hash_table_iter_init (&iter, by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Read *read = value;

      if (read->uuids->len > 0)
        _xa_agreement_take_supplements (read->agreement, steal_strv (read->uuids), steal_strv (read->texts));
    }

  return TRUE;
}

/**
 * _xa_agreement_book_read_supplements:
 * @agreements: agreements just read, inside the same read
 *
 * Gives each agreement its supplementary clauses, in order.
 */
gboolean
_xa_agreement_book_read_supplements (XaStore     *store,
                                     GListStore  *agreements,
                                     GError     **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (agreements));

  for (guint start = 0; start < n; start += READ_CHUNK)
    {
      if (!read_chunk (store, G_LIST_MODEL (agreements), start, MIN (READ_CHUNK, n - start), error))
        return FALSE;
    }

  return TRUE;
}

/* Writing */

static gboolean
insert_supplement (XaStore     *store,
                   const char  *uuid,
                   const char  *agreement_uuid,
                   guint        position,
                   const char  *text,
                   GError     **error)
{
  g_autoptr(XaStatement) insert = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();

  if (!(insert = xa_store_prepare (store,
                                   "INSERT INTO agreement_supplement (uuid, agreement_id, position, body,"
                                   " created_at, created_by, updated_at)"
                                   " SELECT ?1, id, ?2, ?3, ?4, ?5, ?4 FROM agreement WHERE uuid = ?6",
                                   error)))
    return FALSE;
  xa_statement_bind_text (insert, 1, uuid);
  xa_statement_bind_int (insert, 2, (int) position);
  xa_statement_bind_text (insert, 3, text);
  xa_statement_bind_text (insert, 4, now);
  xa_statement_bind_text (insert, 5, xa_store_get_operator (store));
  xa_statement_bind_text (insert, 6, agreement_uuid);
  if (!xa_statement_run (insert, error))
    return FALSE;

  xa_store_note_change (store, "agreement_supplement", uuid);
  return TRUE;
}

/**
 * _xa_agreement_book_copy_supplements:
 * @from_uuid: the agreement revised
 * @to_uuid: the new draft that supersedes it, inserted by the write under way
 *
 * Gives the new draft the supplementary clauses of the revision it supersedes, as rows of
 * its own whose UUIDs xa_agreement_dup_revised_supplement_uuid() derives from theirs.
 */
gboolean
_xa_agreement_book_copy_supplements (XaStore     *store,
                                     const char  *from_uuid,
                                     const char  *to_uuid,
                                     GError     **error)
{
  g_autoptr(XaStatement) select = NULL;
  guint position = 0;
  XaStep step;

  if (!(select = xa_store_prepare (store,
                                   "SELECT s.uuid, s.body FROM agreement_supplement s"
                                   " JOIN agreement a ON a.id = s.agreement_id"
                                   " WHERE a.uuid = ? ORDER BY s.position, s.id",
                                   error)))
    return FALSE;
  xa_statement_bind_text (select, 1, from_uuid);

  while ((step = xa_statement_step (select, error)) == XA_STEP_ROW)
    {
      /* Named after the clause it copies, so that a comparison of the two revisions
       * shows an edit of it as an edit, not as one clause removed and another added. */
      g_autofree char *uuid = xa_agreement_dup_revised_supplement_uuid (xa_statement_get_text (select, 0));

      if (!insert_supplement (store, uuid, to_uuid, ++position, xa_statement_get_text (select, 1), error))
        return FALSE;
    }

  return step == XA_STEP_DONE;
}

/* The agreement a clause belongs to, by the clause's UUID. */
static char *
dup_agreement_uuid (XaStore     *store,
                    const char  *uuid,
                    GError     **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT a.uuid FROM agreement_supplement s JOIN agreement a ON a.id = s.agreement_id"
                                 " WHERE s.uuid = ?",
                                 error)))
    return NULL;
  xa_statement_bind_text (stmt, 1, uuid);

  step = xa_statement_step (stmt, error);
  if (step == XA_STEP_ROW)
    return g_strdup (xa_statement_get_text (stmt, 0));
  if (step == XA_STEP_DONE)
    g_set_error_literal (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NOT_FOUND,
                         _("The supplementary clause was not found; it may have been removed meanwhile"));
  return NULL;
}

/* Numbers the agreement's clauses 1, 2, … in the order of @uuids, updating only those
 * whose place changed. */
static gboolean
renumber (XaStore     *store,
          GPtrArray   *uuids,
          GError     **error)
{
  g_autoptr(XaStatement) update = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();

  if (!(update = xa_store_prepare (store,
                                   "UPDATE agreement_supplement SET position = ?, updated_at = ?"
                                   " WHERE uuid = ? AND position <> ?",
                                   error)))
    return FALSE;

  for (guint i = 0; i < uuids->len; i++)
    {
      xa_statement_reset (update);
      xa_statement_bind_int (update, 1, (int) i + 1);
      xa_statement_bind_text (update, 2, now);
      xa_statement_bind_text (update, 3, g_ptr_array_index (uuids, i));
      xa_statement_bind_int (update, 4, (int) i + 1);
      if (!xa_statement_run (update, error))
        return FALSE;
      xa_store_note_change (store, "agreement_supplement", g_ptr_array_index (uuids, i));
    }

  return TRUE;
}

static gboolean
set_text (XaStore     *store,
          const char  *uuid,
          const char  *text,
          GError     **error)
{
  g_autoptr(XaStatement) update = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();

  if (!(update = xa_store_prepare (store,
                                   "UPDATE agreement_supplement SET body = ?, updated_at = ? WHERE uuid = ?",
                                   error)))
    return FALSE;
  xa_statement_bind_text (update, 1, text);
  xa_statement_bind_text (update, 2, now);
  xa_statement_bind_text (update, 3, uuid);
  return xa_statement_run (update, error);
}

static gboolean
delete_supplement (XaStore     *store,
                   const char  *uuid,
                   GError     **error)
{
  g_autoptr(XaStatement) delete = NULL;

  if (!(delete = xa_store_prepare (store, "DELETE FROM agreement_supplement WHERE uuid = ?", error)))
    return FALSE;
  xa_statement_bind_text (delete, 1, uuid);
  return xa_statement_run (delete, error);
}

/* The clause is the agreement's: the agreement was edited too. */
static gboolean
touch_agreement (XaStore     *store,
                 const char  *agreement_uuid,
                 GError     **error)
{
  g_autoptr(XaStatement) update = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();

  if (!(update = xa_store_prepare (store, "UPDATE agreement SET updated_at = ? WHERE uuid = ?", error)))
    return FALSE;
  xa_statement_bind_text (update, 1, now);
  xa_statement_bind_text (update, 2, agreement_uuid);
  if (!xa_statement_run (update, error))
    return FALSE;

  xa_store_note_change (store, "agreement", agreement_uuid);
  return TRUE;
}

static gboolean
change_cb (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  SupplementChange *change = user_data;
  g_autoptr(XaAgreement) stored = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *agreement_uuid = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *position = NULL;
  const char *uuid = change->uuid;
  guint index = 0;
  guint n;

  agreement_uuid = change->op == SUPPLEMENT_ADD ? g_strdup (change->agreement_uuid)
                                                : dup_agreement_uuid (store, uuid, error);
  if (agreement_uuid == NULL ||
      !(stored = _xa_agreement_book_dup_in_write (store, agreement_uuid, error)) ||
      !_xa_agreement_book_check_editable (stored, error))
    return FALSE;

  n = xa_agreement_get_n_supplements (stored);
  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (xa_agreement_get_supplement_uuid (stored, i), uuid) == 0)
        index = i;
      else
        g_ptr_array_add (order, g_strdup (xa_agreement_get_supplement_uuid (stored, i)));
    }

  switch (change->op)
    {
    case SUPPLEMENT_ADD:
      change->made_uuid = xa_store_new_uuid ();
      uuid = change->made_uuid;
      index = n;
      if (!insert_supplement (store, uuid, agreement_uuid, n + 1, change->text, error))
        return FALSE;
      break;

    case SUPPLEMENT_SET:
      if (!set_text (store, uuid, change->text, error))
        return FALSE;
      break;

    case SUPPLEMENT_REMOVE:
      if (!delete_supplement (store, uuid, error) || !renumber (store, order, error))
        return FALSE;
      break;

    case SUPPLEMENT_MOVE:
      index = MIN (change->position, order->len);
      g_ptr_array_insert (order, index, g_strdup (uuid));
      if (!renumber (store, order, error))
        return FALSE;
      break;

    default:
      g_assert_not_reached ();
    }

  if (!touch_agreement (store, agreement_uuid, error))
    return FALSE;

  position = g_strdup_printf ("%u", index + 1);
  detail = _xa_agreement_book_audit_detail (xa_agreement_get_school_code (stored),
                                            xa_agreement_get_school_year (stored),
                                            xa_agreement_get_revision (stored),
                                            "position", position,
                                            change->text ? "text" : NULL, change->text);
  return xa_store_append_audit (store, actions[change->op], "agreement_supplement", uuid, detail, error);
}

/* A clause's text, trimmed: one clause, not empty, with only the placeholders a template
 * may use. */
static char *
dup_checked_text (const char  *text,
                  GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autoptr(GError) local_error = NULL;
  const char *label = _("Supplementary clause");

  if (!xa_text_check (trimmed, label, XA_TEXT_REQUIRED, MAX_SUPPLEMENT_CHARS,
                      XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_INVALID, error))
    return NULL;

  if (!_xa_template_check_placeholders (trimmed, label, &local_error))
    {
      g_set_error_literal (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_INVALID,
                           local_error->message);
      return NULL;
    }

  return g_steal_pointer (&trimmed);
}

/**
 * xa_agreement_book_add_supplement:
 * @agreement_uuid: a current draft
 * @text: one clause, without its number; placeholders such as {school_name} are filled
 *   in as in the template's text
 *
 * Adds a supplementary clause of the school after the others.
 *
 * Returns: (transfer full) (nullable): the new clause's UUID;
 *   %XA_AGREEMENT_BOOK_ERROR_INVALID for an empty text or an unknown placeholder,
 *   %XA_AGREEMENT_BOOK_ERROR_NOT_EDITABLE when the agreement is not a draft
 */
char *
xa_agreement_book_add_supplement (XaAgreementBook  *self,
                                  const char       *agreement_uuid,
                                  const char       *text,
                                  GError          **error)
{
  g_autofree char *checked = NULL;
  SupplementChange change = { SUPPLEMENT_ADD, agreement_uuid, NULL, NULL, 0, NULL };

  g_return_val_if_fail (XA_IS_AGREEMENT_BOOK (self), NULL);
  g_return_val_if_fail (agreement_uuid != NULL, NULL);

  if (!(checked = dup_checked_text (text, error)))
    return NULL;
  change.text = checked;

  if (!xa_store_write (xa_agreement_book_get_store (self), change_cb, &change, error))
    g_clear_pointer (&change.made_uuid, g_free);

  return change.made_uuid;
}

/**
 * xa_agreement_book_set_supplement:
 * @uuid: a clause, xa_agreement_get_supplement_uuid()
 *
 * Changes the text of a supplementary clause of a draft.
 */
gboolean
xa_agreement_book_set_supplement (XaAgreementBook  *self,
                                  const char       *uuid,
                                  const char       *text,
                                  GError          **error)
{
  g_autofree char *checked = NULL;
  SupplementChange change = { SUPPLEMENT_SET, NULL, uuid, NULL, 0, NULL };

  g_return_val_if_fail (XA_IS_AGREEMENT_BOOK (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!(checked = dup_checked_text (text, error)))
    return FALSE;
  change.text = checked;

  return xa_store_write (xa_agreement_book_get_store (self), change_cb, &change, error);
}

/**
 * xa_agreement_book_remove_supplement:
 *
 * Removes a supplementary clause of a draft; those after it move up.
 */
gboolean
xa_agreement_book_remove_supplement (XaAgreementBook  *self,
                                     const char       *uuid,
                                     GError          **error)
{
  SupplementChange change = { SUPPLEMENT_REMOVE, NULL, uuid, NULL, 0, NULL };

  g_return_val_if_fail (XA_IS_AGREEMENT_BOOK (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  return xa_store_write (xa_agreement_book_get_store (self), change_cb, &change, error);
}

/**
 * xa_agreement_book_move_supplement:
 * @position: the clause's new place, from 0; past the end means last
 *
 * Moves a supplementary clause of a draft among the others.
 */
gboolean
xa_agreement_book_move_supplement (XaAgreementBook  *self,
                                   const char       *uuid,
                                   guint             position,
                                   GError          **error)
{
  SupplementChange change = { SUPPLEMENT_MOVE, NULL, uuid, NULL, position, NULL };

  g_return_val_if_fail (XA_IS_AGREEMENT_BOOK (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  return xa_store_write (xa_agreement_book_get_store (self), change_cb, &change, error);
}
