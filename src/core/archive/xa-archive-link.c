/* xa-archive-link.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an archived file is linked to: an agreement and which of its originals, or a
 * school and a school year, or nothing yet. A file imported before it could be matched
 * (a scan whose pages carry no code, a batch from the copier) is linked later, and a
 * link made wrongly is corrected; the stored file never changes, only its item's link,
 * kind, retention and notes, with the audit entry.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xa-archive-private.h"
#include "core/util/xa-json.h"

void
_xa_archive_resolved_clear (XaArchiveResolved *resolved)
{
  g_free (resolved->school_uuid);
  g_free (resolved->school_code);
  g_free (resolved->school_name);
}

/**
 * _xa_archive_resolve_link:
 *
 * Finds what @link names, inside a read or a write: the agreement (and its school and
 * year), or the school; nothing for a link to nothing. A link that breaks a rule (an
 * original without its agreement, a school without a year) is refused.
 */
gboolean
_xa_archive_resolve_link (XaStore              *store,
                          const XaArchiveLink  *link,
                          XaArchiveResolved    *resolved,
                          GError              **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (link->agreement_uuid != NULL)
    {
      if (link->copy == XA_ARCHIVE_COPY_NONE)
        {
          g_set_error_literal (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_INVALID,
                               _("Say which original the file is: the commission’s copy (区教委存) or the school’s (学校存)"));
          return FALSE;
        }
      if (!(stmt = xa_store_prepare (store,
                                     "SELECT a.id, o.id, a.school_year, o.uuid, o.code, o.name FROM agreement a"
                                     " JOIN organisation o ON o.id = a.organisation_id WHERE a.uuid = ?",
                                     error)))
        return FALSE;
      xa_statement_bind_text (stmt, 1, link->agreement_uuid);
    }
  else if (link->school_uuid != NULL)
    {
      if (link->copy != XA_ARCHIVE_COPY_NONE || link->school_year < 1990 || link->school_year > 2200)
        {
          g_set_error_literal (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_INVALID,
                               link->copy != XA_ARCHIVE_COPY_NONE
                               ? _("An original (区教委存 or 学校存) is the original of an agreement: name the agreement")
                               : _("A file linked to a school is linked to a school year too"));
          return FALSE;
        }
      if (!(stmt = xa_store_prepare (store,
                                     "SELECT 0, o.id, ?, o.uuid, o.code, o.name FROM organisation o"
                                     " WHERE o.uuid = ? AND o.kind = 'school'",
                                     error)))
        return FALSE;
      xa_statement_bind_int (stmt, 1, link->school_year);
      xa_statement_bind_text (stmt, 2, link->school_uuid);
    }
  else
    {
      if (link->copy != XA_ARCHIVE_COPY_NONE)
        {
          g_set_error_literal (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_INVALID,
                               _("An original (区教委存 or 学校存) is the original of an agreement: name the agreement"));
          return FALSE;
        }
      return TRUE;
    }

  if ((step = xa_statement_step (stmt, error)) == XA_STEP_ERROR)
    return FALSE;
  if (step == XA_STEP_DONE)
    {
      g_set_error_literal (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_NOT_FOUND,
                           link->agreement_uuid != NULL
                           ? _("The agreement to link the files to was not found")
                           : _("The school to link the files to is not in the register"));
      return FALSE;
    }

  resolved->agreement_id = xa_statement_get_int64 (stmt, 0);
  resolved->organisation_id = xa_statement_get_int64 (stmt, 1);
  resolved->school_year = xa_statement_get_int (stmt, 2);
  resolved->school_uuid = g_strdup (xa_statement_get_text (stmt, 3));
  resolved->school_code = g_strdup (xa_statement_get_text_or_null (stmt, 4));
  resolved->school_name = g_strdup (xa_statement_get_text (stmt, 5));
  return TRUE;
}

/**
 * _xa_archive_find_duplicate:
 * @except_uuid: (nullable): an item not to count (the one being relinked)
 *
 * Returns: (transfer full) (nullable): the item of the same bytes and the same link, if
 *   there is one; %NULL with @error set when the store cannot be read
 */
XaArchiveItem *
_xa_archive_find_duplicate (XaStore            *store,
                            const char         *sha256,
                            XaArchiveResolved  *resolved,
                            XaArchiveCopy       copy,
                            const char         *except_uuid,
                            GError            **error)
{
  g_autofree char *sql = g_strconcat (_xa_archive_item_columns,
                                      " WHERE i.blob_sha256 = ? AND coalesce (i.agreement_id, 0) = ?"
                                      " AND coalesce (i.copy, '') = ? AND coalesce (i.organisation_id, 0) = ?"
                                      " AND coalesce (i.school_year, 0) = ? AND i.uuid <> ? ORDER BY i.id",
                                      NULL);
  g_autoptr(XaStatement) stmt = NULL;
  const char *copy_key = xa_archive_copy_to_key (copy);
  XaStep step;

  if (!(stmt = xa_store_prepare (store, sql, error)))
    return NULL;
  xa_statement_bind_text (stmt, 1, sha256);
  xa_statement_bind_int64 (stmt, 2, resolved->agreement_id);
  xa_statement_bind_text (stmt, 3, copy_key ? copy_key : "");
  xa_statement_bind_int64 (stmt, 4, resolved->organisation_id);
  xa_statement_bind_int (stmt, 5, resolved->school_year);
  xa_statement_bind_text (stmt, 6, except_uuid ? except_uuid : "");
  if ((step = xa_statement_step (stmt, error)) != XA_STEP_ROW)
    return NULL;

  return _xa_archive_item_from_row (stmt);
}

/**
 * _xa_archive_bind_link:
 * @first: the parameter of agreement_id; copy, organisation_id and school_year follow
 *
 * Binds a resolved link's four columns, NULL where it names nothing.
 */
void
_xa_archive_bind_link (XaStatement        *stmt,
                       int                 first,
                       XaArchiveResolved  *resolved,
                       XaArchiveCopy       copy)
{
  if (resolved->agreement_id != 0)
    xa_statement_bind_int64 (stmt, first, resolved->agreement_id);
  else
    xa_statement_bind_null (stmt, first);
  xa_statement_bind_text_or_null (stmt, first + 1, xa_archive_copy_to_key (copy));
  if (resolved->organisation_id != 0)
    {
      xa_statement_bind_int64 (stmt, first + 2, resolved->organisation_id);
      xa_statement_bind_int (stmt, first + 3, resolved->school_year);
    }
  else
    {
      xa_statement_bind_null (stmt, first + 2);
      xa_statement_bind_null (stmt, first + 3);
    }
}

typedef struct
{
  const char          *uuid;
  const XaArchiveLink *link;
  XaArchiveItem       *item;   /* out */
} Relink;

static gboolean
relink_func (XaStore   *store,
             gpointer   user_data,
             GError   **error)
{
  Relink *relink = user_data;
  const XaArchiveLink *link = relink->link;
  g_auto(XaArchiveResolved) resolved = { 0 };
  g_autoptr(XaArchiveItem) current = NULL;
  g_autoptr(XaArchiveItem) existing = NULL;
  g_autoptr(XaStatement) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sql = g_strconcat (_xa_archive_item_columns, " WHERE i.uuid = ?", NULL);
  g_autofree char *detail = NULL;
  XaArchiveKind kind;
  XaArchiveRetention retention;
  XaStep step;

  if (!(stmt = xa_store_prepare (store, sql, error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, relink->uuid);
  if ((step = xa_statement_step (stmt, error)) == XA_STEP_ERROR)
    return FALSE;
  if (step == XA_STEP_DONE)
    {
      g_set_error (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_NOT_FOUND, _("There is no archived file %s"), relink->uuid);
      return FALSE;
    }
  current = _xa_archive_item_from_row (stmt);
  g_clear_pointer (&stmt, xa_statement_free);

  if (!_xa_archive_resolve_link (store, link, &resolved, error))
    return FALSE;
  if ((existing = _xa_archive_find_duplicate (store, xa_archive_item_get_sha256 (current), &resolved, link->copy,
                                              relink->uuid, &local_error)))
    {
      g_set_error (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_INVALID,
                   _("“%s” is archived already with that link, as “%s”"),
                   xa_archive_item_get_file_name (current), xa_archive_item_get_file_name (existing));
      return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  kind = link->kind != 0 ? link->kind : xa_archive_item_get_kind (current);
  retention = link->retention != XA_ARCHIVE_RETENTION_DEFAULT ? link->retention : xa_archive_item_get_retention (current);
  if (link->notes != NULL && g_utf8_strlen (link->notes, -1) > 2000)
    {
      g_set_error (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_INVALID, _("The notes are longer than %d characters"), 2000);
      return FALSE;
    }

  if (!(stmt = xa_store_prepare (store,
                                 "UPDATE archive_item SET agreement_id = ?, copy = ?, organisation_id = ?, school_year = ?,"
                                 " kind = ?, retention = ?, notes = ? WHERE uuid = ?",
                                 error)))
    return FALSE;
  _xa_archive_bind_link (stmt, 1, &resolved, link->copy);
  xa_statement_bind_text (stmt, 5, xa_archive_kind_to_key (kind));
  xa_statement_bind_text (stmt, 6, xa_archive_retention_to_key (retention));
  xa_statement_bind_text (stmt, 7, link->notes != NULL ? link->notes : xa_archive_item_get_notes (current));
  xa_statement_bind_text (stmt, 8, relink->uuid);
  if (!xa_statement_run (stmt, error))
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, xa_archive_item_get_file_name (current));
  json_builder_set_member_name (builder, "school");
  json_builder_add_string_value (builder, resolved.organisation_id != 0
                                          ? (resolved.school_code ? resolved.school_code : resolved.school_name) : "");
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, resolved.school_year);
  json_builder_set_member_name (builder, "copy");
  json_builder_add_string_value (builder, link->copy != XA_ARCHIVE_COPY_NONE ? xa_archive_copy_to_key (link->copy) : "");
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, xa_archive_kind_to_key (kind));
  json_builder_set_member_name (builder, "retention");
  json_builder_add_string_value (builder, xa_archive_retention_to_key (retention));
  json_builder_end_object (builder);
  detail = xa_json_builder_to_string (builder);
  if (!xa_store_append_audit (store, "archive.link", "archive_item", relink->uuid, detail, error))
    return FALSE;

  if (!(stmt = xa_store_prepare (store, sql, error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, relink->uuid);
  if (!xa_statement_step_one (stmt, error))
    return FALSE;
  g_clear_object (&relink->item);
  relink->item = _xa_archive_item_from_row (stmt);
  return TRUE;
}

/**
 * xa_archive_relink:
 * @uuid: an archived file
 * @link: what it is linked to from now on (all unset: nothing); its @kind and
 *   @retention 0 and its @notes %NULL keep the item's own
 *
 * Links an archived file anew, with the audit entry: an unlinked scan matched to its
 * agreement's original, a link made wrongly corrected. The stored file is not touched.
 * Refused when another item of the same file has that link already.
 *
 * Returns: (transfer full): the item as it is now, or %NULL with @error set
 */
XaArchiveItem *
xa_archive_relink (XaArchive            *self,
                   const char           *uuid,
                   const XaArchiveLink  *link,
                   GError              **error)
{
  Relink relink = { uuid, link, NULL };

  g_return_val_if_fail (XA_IS_ARCHIVE (self), NULL);
  g_return_val_if_fail (uuid != NULL && link != NULL, NULL);

  if (!xa_store_write (self->store, relink_func, &relink, error))
    {
      g_clear_object (&relink.item);
      return NULL;
    }

  return relink.item;
}
