/* xa-campaign-attachments.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files of a school's record of a special campaign (the scanned 方案, photos of its
 * activities, the signed 总结), stored as a hazard's photos are (xa-hazard-photos.c):
 * the file once by its SHA-256, the attachment naming it in the same transaction, with
 * the audit entry. Offices keep these as PDF scans, phone photos and Word, Excel or WPS
 * documents; what a file is is read from its first bytes as well as from its name, so
 * that a misnamed or damaged file is refused when it is attached, not found out when
 * someone opens it for the assessment.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-campaign-attachment-private.h"
#include "xa-campaign-attachments.h"
#include "xa-hazard-book-private.h"
#include "xa-inspection-book-private.h"
#include "core/store/xa-blob-store.h"
#include "core/util/xa-date.h"
#include "core/util/xa-file-door.h"

G_DEFINE_QUARK (xa-campaign-attachments-error-quark, xa_campaign_attachments_error)

/* A file name longer than this is cut: it is only a label. */
#define MAX_FILE_NAME 255

/* The kinds of file a campaign keeps, by the name's ending, with the bytes such a file
 * starts with: PDF, the two image formats of phones and scanners, the OOXML documents
 * (ZIP files) and the older Office and WPS ones (OLE compound files). */
#define MAGIC_ZIP "PK\003\004"
#define MAGIC_OLE "\320\317\021\340\241\261\032\341"

static const struct
{
  const char *suffix;
  const char *media_type;
  const char *magic;
  gsize       magic_length;
} kinds[] = {
  { ".pdf", "application/pdf", "%PDF-", 5 },
  { ".jpg", "image/jpeg", "\377\330\377", 3 },
  { ".jpeg", "image/jpeg", "\377\330\377", 3 },
  { ".png", "image/png", "\211PNG\r\n\032\n", 8 },
  { ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", MAGIC_ZIP, 4 },
  { ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MAGIC_ZIP, 4 },
  { ".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", MAGIC_ZIP, 4 },
  { ".doc", "application/msword", MAGIC_OLE, 8 },
  { ".xls", "application/vnd.ms-excel", MAGIC_OLE, 8 },
  { ".ppt", "application/vnd.ms-powerpoint", MAGIC_OLE, 8 },
  { ".wps", "application/vnd.ms-works", MAGIC_OLE, 8 },
  { ".et", "application/vnd.ms-excel", MAGIC_OLE, 8 },
};

static const char attachment_columns[] =
  "SELECT a.uuid, c.uuid, o.uuid, a.part, a.blob_sha256, a.file_name, a.media_type, a.size,"
  " a.added_at, a.added_by"
  " FROM campaign_attachment a JOIN campaign c ON c.id = a.campaign_id"
  " JOIN organisation o ON o.id = a.organisation_id";

static XaCampaignAttachment *
attachment_from_row (XaStatement *row)
{
  XaCampaignAttachmentFields fields = {
    .uuid = xa_statement_get_text (row, 0),
    .campaign_uuid = xa_statement_get_text (row, 1),
    .school_uuid = xa_statement_get_text (row, 2),
    .part = XA_CAMPAIGN_PART_PLAN,
    .sha256 = xa_statement_get_text (row, 4),
    .file_name = xa_statement_get_text (row, 5),
    .media_type = xa_statement_get_text (row, 6),
    .size = xa_statement_get_int64 (row, 7),
    .added_at = xa_statement_get_text (row, 8),
    .added_by = xa_statement_get_text (row, 9),
  };

  xa_campaign_part_from_key (xa_statement_get_text (row, 3), &fields.part);
  return _xa_campaign_attachment_new (&fields);
}

/* Reading the file */

/* The whole of a regular file, at most XA_BLOB_MAX_SIZE, as every file that comes in is
 * read (xa-file-door.c); its refusals are this module's. */
static GBytes *
read_attachment_file (const char  *path,
                      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local_error = NULL;
  GBytes *content;

  if (!(content = xa_file_door_load (file, XA_BLOB_MAX_SIZE, NULL, &local_error)))
    g_set_error_literal (error, XA_CAMPAIGN_ATTACHMENTS_ERROR, XA_CAMPAIGN_ATTACHMENTS_ERROR_FILE,
                         local_error->message);
  return content;
}

/* The media type of @content by its name, checked against its first bytes. */
static const char *
media_type_of (const char  *file_name,
               GBytes      *content,
               GError     **error)
{
  g_autofree char *lower = g_utf8_strdown (file_name, -1);
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (content, &size);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (!g_str_has_suffix (lower, kinds[i].suffix))
        continue;
      if (size < kinds[i].magic_length || memcmp (data, kinds[i].magic, kinds[i].magic_length) != 0)
        {
          g_autofree char *kind = g_ascii_strup (kinds[i].suffix + 1, -1);

          /* Translators: the file, then its kind as its name says (PDF, DOCX, ...) */
          g_set_error (error, XA_CAMPAIGN_ATTACHMENTS_ERROR, XA_CAMPAIGN_ATTACHMENTS_ERROR_KIND,
                       _("“%s” is not the %s file its name says: it may be damaged, or renamed from another kind"),
                       file_name, kind);
          return NULL;
        }
      return kinds[i].media_type;
    }

  g_set_error (error, XA_CAMPAIGN_ATTACHMENTS_ERROR, XA_CAMPAIGN_ATTACHMENTS_ERROR_KIND,
               _("“%s” is not a kind of file a campaign keeps: attach a PDF, a photo (JPEG or PNG), "
                 "or a Word, Excel, PowerPoint or WPS document"),
               file_name);
  return NULL;
}

/* The campaign and school an attachment is about: their row ids, the school's code and
 * the campaign's name (for the audit); refused when either is not there for this login. */
static gboolean
find_record (XaStore      *store,
             const char   *campaign_uuid,
             const char   *school_uuid,
             gint64       *campaign_id,
             char        **campaign_name,
             gint64       *organisation_id,
             char        **code,
             GError      **error)
{
  g_autoptr(XaStatement) campaign = NULL;
  XaStep step;

  if (!(campaign = xa_store_prepare (store, "SELECT id, name FROM campaign WHERE uuid = ?", error)))
    return FALSE;
  xa_statement_bind_text (campaign, 1, campaign_uuid);
  if ((step = xa_statement_step (campaign, error)) == XA_STEP_ERROR)
    return FALSE;
  if (step == XA_STEP_DONE)
    {
      g_set_error_literal (error, XA_CAMPAIGN_ATTACHMENTS_ERROR, XA_CAMPAIGN_ATTACHMENTS_ERROR_NOT_FOUND,
                           _("The special campaign was not found; it may not be launched for that year"));
      return FALSE;
    }
  *campaign_id = xa_statement_get_int64 (campaign, 0);
  *campaign_name = g_strdup (xa_statement_get_text (campaign, 1));

  return _xa_hazard_book_find_school (store, school_uuid, organisation_id, code, error);
}

/* Adding */

typedef struct
{
  /* In */
  char            *campaign_uuid;
  char            *school_uuid;
  XaCampaignParts  part;
  char            *path;
  /* Read from the file before the write */
  GBytes          *content;
  char            *file_name;
  const char      *media_type;
  /* Made by the write */
  char            *uuid;
  char            *sha256;
  char            *added_at;
} AddAttachment;

static void
add_attachment_free (AddAttachment *add)
{
  g_free (add->campaign_uuid);
  g_free (add->school_uuid);
  g_free (add->path);
  g_clear_pointer (&add->content, g_bytes_unref);
  g_free (add->file_name);
  g_free (add->uuid);
  g_free (add->sha256);
  g_free (add->added_at);
  g_free (add);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AddAttachment, add_attachment_free)

static gboolean
add_func (XaStore   *store,
          gpointer   user_data,
          GError   **error)
{
  AddAttachment *add = user_data;
  g_autoptr(XaStatement) duplicate = NULL;
  g_autoptr(XaStatement) insert = NULL;
  g_autofree char *campaign_name = NULL;
  g_autofree char *code = NULL;
  g_autofree char *detail = NULL;
  gint64 campaign_id = 0;
  gint64 organisation_id = 0;

  if (!find_record (store, add->campaign_uuid, add->school_uuid, &campaign_id, &campaign_name,
                    &organisation_id, &code, error))
    return FALSE;

  /* The file first, in this transaction: the attachment below refers to it. */
  g_free (add->sha256);
  if (!(add->sha256 = xa_store_put_blob (store, add->content, error)))
    return FALSE;

  if (!(duplicate = xa_store_prepare (store,
                                      "SELECT count(*) FROM campaign_attachment WHERE campaign_id = ?"
                                      " AND organisation_id = ? AND part = ? AND blob_sha256 = ?",
                                      error)))
    return FALSE;
  xa_statement_bind_int64 (duplicate, 1, campaign_id);
  xa_statement_bind_int64 (duplicate, 2, organisation_id);
  xa_statement_bind_text (duplicate, 3, xa_campaign_part_to_key (add->part));
  xa_statement_bind_text (duplicate, 4, add->sha256);
  if (!xa_statement_step_one (duplicate, error))
    return FALSE;
  if (xa_statement_get_int64 (duplicate, 0) > 0)
    {
      g_set_error (error, XA_CAMPAIGN_ATTACHMENTS_ERROR, XA_CAMPAIGN_ATTACHMENTS_ERROR_DUPLICATE,
                   _("“%s” is already attached to the %s of “%s”"),
                   add->file_name, xa_campaign_part_to_label (add->part), campaign_name);
      return FALSE;
    }

  g_free (add->uuid);
  add->uuid = xa_store_new_uuid ();
  g_free (add->added_at);
  add->added_at = xa_date_now_iso8601 ();

  if (!(insert = xa_store_prepare (store,
                                   "INSERT INTO campaign_attachment (uuid, campaign_id, organisation_id, part,"
                                   " blob_sha256, file_name, media_type, size, added_at, added_by)"
                                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                   error)))
    return FALSE;
  xa_statement_bind_text (insert, 1, add->uuid);
  xa_statement_bind_int64 (insert, 2, campaign_id);
  xa_statement_bind_int64 (insert, 3, organisation_id);
  xa_statement_bind_text (insert, 4, xa_campaign_part_to_key (add->part));
  xa_statement_bind_text (insert, 5, add->sha256);
  xa_statement_bind_text (insert, 6, add->file_name);
  xa_statement_bind_text (insert, 7, add->media_type);
  xa_statement_bind_int64 (insert, 8, (gint64) g_bytes_get_size (add->content));
  xa_statement_bind_text (insert, 9, add->added_at);
  xa_statement_bind_text (insert, 10, xa_store_get_operator (store));
  if (!xa_statement_run (insert, error))
    return FALSE;

  detail = _xa_inspection_book_detail ("school", code, "campaign", campaign_name,
                                       "part", xa_campaign_part_to_key (add->part),
                                       "file", add->file_name, "sha256", add->sha256, NULL);
  return xa_store_append_audit (store, "campaign.attach", "campaign_attachment", add->uuid, detail, error);
}

static XaCampaignAttachment *
run_add (XaInspectionBook  *book,
         AddAttachment     *add,
         GError           **error)
{
  g_autofree char *base = g_filename_display_basename (add->path);
  XaCampaignAttachmentFields fields = { 0 };

  add->file_name = g_utf8_substring (base, 0, MIN (g_utf8_strlen (base, -1), MAX_FILE_NAME));
  if (!(add->content = read_attachment_file (add->path, error)) ||
      !(add->media_type = media_type_of (add->file_name, add->content, error)) ||
      !xa_store_write (book->store, add_func, add, error))
    return NULL;

  fields.uuid = add->uuid;
  fields.campaign_uuid = add->campaign_uuid;
  fields.school_uuid = add->school_uuid;
  fields.part = add->part;
  fields.sha256 = add->sha256;
  fields.file_name = add->file_name;
  fields.media_type = add->media_type;
  fields.size = (gint64) g_bytes_get_size (add->content);
  fields.added_at = add->added_at;
  fields.added_by = xa_store_get_operator (book->store);
  return _xa_campaign_attachment_new (&fields);
}

static AddAttachment *
add_attachment_new (const char      *campaign_uuid,
                    const char      *school_uuid,
                    XaCampaignParts  part,
                    const char      *path)
{
  AddAttachment *add = g_new0 (AddAttachment, 1);

  add->campaign_uuid = g_strdup (campaign_uuid);
  add->school_uuid = g_strdup (school_uuid);
  add->part = part;
  add->path = g_strdup (path);
  return add;
}

static gboolean
part_is_one (XaCampaignParts part)
{
  return part == XA_CAMPAIGN_PART_PLAN || part == XA_CAMPAIGN_PART_ACTIVITIES || part == XA_CAMPAIGN_PART_SUMMARY;
}

/**
 * xa_campaign_attachments_add_file:
 * @campaign_uuid: a campaign launched for a year
 * @school_uuid: the school whose record the file documents
 * @part: one part of the record: plan, activities or summary
 * @path: (type filename): the file
 *
 * Attaches a file to a school's record of a campaign: reads it (a regular file, at most
 * %XA_BLOB_MAX_SIZE), checks its kind by its name and first bytes, then stores it once
 * and attaches it, with the audit entry, in one transaction. The same file twice to one
 * part is refused. Blocks on the file and the disk: the app calls
 * xa_campaign_attachments_add_file_async().
 *
 * Returns: (transfer full): the attachment, or %NULL with @error set (a message that
 *   names the file)
 */
XaCampaignAttachment *
xa_campaign_attachments_add_file (XaInspectionBook  *book,
                                  const char        *campaign_uuid,
                                  const char        *school_uuid,
                                  XaCampaignParts    part,
                                  const char        *path,
                                  GError           **error)
{
  g_autoptr(AddAttachment) add = NULL;

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (book), NULL);
  g_return_val_if_fail (campaign_uuid != NULL && school_uuid != NULL && path != NULL, NULL);
  g_return_val_if_fail (part_is_one (part), NULL);

  add = add_attachment_new (campaign_uuid, school_uuid, part, path);
  return run_add (book, add, error);
}

static void
add_worker (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GError *error = NULL;
  XaCampaignAttachment *attachment = run_add (source_object, task_data, &error);

  if (attachment == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, attachment, g_object_unref);
}

void
xa_campaign_attachments_add_file_async (XaInspectionBook    *book,
                                        const char          *campaign_uuid,
                                        const char          *school_uuid,
                                        XaCampaignParts      part,
                                        const char          *path,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (XA_IS_INSPECTION_BOOK (book));
  g_return_if_fail (campaign_uuid != NULL && school_uuid != NULL && path != NULL);
  g_return_if_fail (part_is_one (part));

  task = g_task_new (book, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_campaign_attachments_add_file_async);
  g_task_set_task_data (task, add_attachment_new (campaign_uuid, school_uuid, part, path),
                        (GDestroyNotify) add_attachment_free);
  g_task_run_in_thread (task, add_worker);
}

XaCampaignAttachment *
xa_campaign_attachments_add_file_finish (XaInspectionBook  *book,
                                         GAsyncResult      *result,
                                         GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, book), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Listing */

typedef struct
{
  const char *campaign_uuid;
  const char *school_uuid;
  GListStore *attachments;
} ListAttachments;

static gboolean
list_func (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  ListAttachments *list = user_data;
  g_autofree char *sql = g_strconcat (attachment_columns, " WHERE c.uuid = ? AND o.uuid = ?"
                                      " ORDER BY CASE a.part WHEN 'plan' THEN 0 WHEN 'activities' THEN 1"
                                      " ELSE 2 END, a.id",
                                      NULL);
  g_autoptr(XaStatement) rows = NULL;
  XaStep step;

  if (!(rows = xa_store_prepare (store, sql, error)))
    return FALSE;
  xa_statement_bind_text (rows, 1, list->campaign_uuid);
  xa_statement_bind_text (rows, 2, list->school_uuid);

  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    {
      g_autoptr(XaCampaignAttachment) attachment = attachment_from_row (rows);

      g_list_store_append (list->attachments, attachment);
    }

  return step == XA_STEP_DONE;
}

/**
 * xa_campaign_attachments_list:
 *
 * Returns: (transfer full): the school's attachments of the campaign, or %NULL with
 *   @error set
 */
GListModel *
xa_campaign_attachments_list (XaInspectionBook  *book,
                              const char        *campaign_uuid,
                              const char        *school_uuid,
                              GError           **error)
{
  g_autoptr(GListStore) attachments = g_list_store_new (XA_TYPE_CAMPAIGN_ATTACHMENT);
  ListAttachments list = { campaign_uuid, school_uuid, attachments };

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (book), NULL);
  g_return_val_if_fail (campaign_uuid != NULL && school_uuid != NULL, NULL);

  if (!xa_store_read (book->store, list_func, &list, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&attachments));
}

/* Removing */

static gboolean
remove_func (XaStore   *store,
             gpointer   user_data,
             GError   **error)
{
  const char *attachment_uuid = user_data;
  g_autoptr(XaStatement) attachment = NULL;
  g_autoptr(XaStatement) delete = NULL;
  g_autofree char *detail = NULL;
  XaStep step;

  if (!(attachment = xa_store_prepare (store,
                                       "SELECT o.code, c.name, a.part, a.file_name, a.blob_sha256"
                                       " FROM campaign_attachment a JOIN campaign c ON c.id = a.campaign_id"
                                       " JOIN organisation o ON o.id = a.organisation_id WHERE a.uuid = ?",
                                       error)))
    return FALSE;
  xa_statement_bind_text (attachment, 1, attachment_uuid);
  if ((step = xa_statement_step (attachment, error)) == XA_STEP_ERROR)
    return FALSE;
  if (step == XA_STEP_DONE)
    {
      g_set_error_literal (error, XA_CAMPAIGN_ATTACHMENTS_ERROR, XA_CAMPAIGN_ATTACHMENTS_ERROR_NOT_FOUND,
                           _("The attachment was removed already, or never existed"));
      return FALSE;
    }
  detail = _xa_inspection_book_detail ("school", xa_statement_get_text (attachment, 0),
                                       "campaign", xa_statement_get_text (attachment, 1),
                                       "part", xa_statement_get_text (attachment, 2),
                                       "file", xa_statement_get_text (attachment, 3),
                                       "sha256", xa_statement_get_text (attachment, 4), NULL);

  /* The stored file stays: another record may name the same file, and a backup or the
   * audit may still name it. */
  if (!(delete = xa_store_prepare (store, "DELETE FROM campaign_attachment WHERE uuid = ?", error)))
    return FALSE;
  xa_statement_bind_text (delete, 1, attachment_uuid);
  if (!xa_statement_run (delete, error))
    return FALSE;

  return xa_store_append_audit (store, "campaign.detach", "campaign_attachment", attachment_uuid, detail, error);
}

/**
 * xa_campaign_attachments_remove:
 *
 * Removes an attachment from its record, with the audit entry; the stored file stays.
 */
gboolean
xa_campaign_attachments_remove (XaInspectionBook  *book,
                                const char        *attachment_uuid,
                                GError           **error)
{
  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (book), FALSE);
  g_return_val_if_fail (attachment_uuid != NULL, FALSE);

  return xa_store_write (book->store, remove_func, (gpointer) attachment_uuid, error);
}

/**
 * xa_campaign_attachments_dup_content:
 *
 * Returns: (transfer full): the attached file's bytes, or %NULL with @error set when
 *   they are missing or damaged (a message naming the file)
 */
GBytes *
xa_campaign_attachments_dup_content (XaInspectionBook      *book,
                                     XaCampaignAttachment  *attachment,
                                     GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *content;

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (book), NULL);
  g_return_val_if_fail (XA_IS_CAMPAIGN_ATTACHMENT (attachment), NULL);

  content = xa_store_dup_blob (book->store, xa_campaign_attachment_get_sha256 (attachment), &local_error);
  if (content == NULL)
    g_set_error (error, local_error->domain, local_error->code, _("“%s” cannot be opened: %s"),
                 xa_campaign_attachment_get_file_name (attachment), local_error->message);

  return content;
}
