/* xa-inspection-book-campaigns.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The special campaigns (专项整治) in the store: the commission launches the catalogue
 * for a school year, each school records its plan, activities and summary of each
 * campaign, and the completion grid shows the district at a glance. A record is saved
 * over the version it was read at, as an inspection is; which parts it has is stored
 * beside it so that the grid reads no texts.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-campaign-private.h"
#include "xa-inspection-book-private.h"
#include "xa-hazard-book-private.h"
#include "core/util/xa-date.h"

/* Launching */

typedef struct
{
  int        school_year;
  GPtrArray *catalogue;
  guint      n_launched;
} LaunchData;

static gboolean
launch_cb (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  LaunchData *data = user_data;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *year = g_strdup_printf ("%d", data->school_year);

  data->n_launched = 0;
  for (guint i = 0; i < data->catalogue->len; i++)
    {
      XaCampaign *campaign = g_ptr_array_index (data->catalogue, i);
      g_autoptr(XaStatement) exists = NULL;
      g_autoptr(XaStatement) insert = NULL;
      g_autofree char *uuid = NULL;
      g_autofree char *detail = NULL;

      if (!(exists = xa_store_prepare (store, "SELECT count(*) FROM campaign WHERE school_year = ? AND key = ?", error)))
        return FALSE;
      xa_statement_bind_int (exists, 1, data->school_year);
      xa_statement_bind_text (exists, 2, xa_campaign_get_key (campaign));
      if (!xa_statement_step_one (exists, error))
        return FALSE;
      if (xa_statement_get_int64 (exists, 0) > 0)
        continue;

      uuid = xa_store_new_uuid ();
      if (!(insert = xa_store_prepare (store,
                                       "INSERT INTO campaign (uuid, school_year, key, position, name, description,"
                                       " launched_at, launched_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                       error)))
        return FALSE;
      xa_statement_bind_text (insert, 1, uuid);
      xa_statement_bind_int (insert, 2, data->school_year);
      xa_statement_bind_text (insert, 3, xa_campaign_get_key (campaign));
      xa_statement_bind_int (insert, 4, (int) xa_campaign_get_position (campaign));
      xa_statement_bind_text (insert, 5, xa_campaign_get_name (campaign));
      xa_statement_bind_text (insert, 6, xa_campaign_get_description (campaign));
      xa_statement_bind_text (insert, 7, now);
      xa_statement_bind_text (insert, 8, xa_store_get_operator (store));
      if (!xa_statement_run (insert, error))
        return FALSE;

      detail = _xa_inspection_book_detail ("school_year", year, "key", xa_campaign_get_key (campaign), NULL);
      if (!xa_store_append_audit (store, "campaign.launch", "campaign", uuid, detail, error))
        return FALSE;
      data->n_launched++;
    }

  return TRUE;
}

/**
 * xa_inspection_book_launch_campaigns:
 * @n_launched: (out) (optional): how many campaigns were launched now
 *
 * See xa-inspection-book.h.
 */
gboolean
xa_inspection_book_launch_campaigns (XaInspectionBook  *self,
                                     int                school_year,
                                     guint             *n_launched,
                                     GError           **error)
{
  g_autoptr(GPtrArray) catalogue = NULL;
  LaunchData data = { school_year, NULL, 0 };

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (self), FALSE);

  if (school_year < 1990 || school_year > 2200)
    {
      g_set_error (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_NOT_FOUND,
                   _("%d is not a school year"), school_year);
      return FALSE;
    }

  if (!(catalogue = xa_campaign_dup_catalogue (error)))
    return FALSE;

  data.catalogue = catalogue;
  if (!xa_store_write (self->store, launch_cb, &data, error))
    return FALSE;

  if (n_launched != NULL)
    *n_launched = data.n_launched;
  return TRUE;
}

/* Reading */

typedef struct
{
  int        school_year;
  GPtrArray *campaigns;
} CampaignsData;

static gboolean
campaigns_cb (XaStore   *store,
              gpointer   user_data,
              GError   **error)
{
  CampaignsData *data = user_data;
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT uuid, key, name, description, position FROM campaign"
                                 " WHERE school_year = ? ORDER BY position, key",
                                 error)))
    return FALSE;
  xa_statement_bind_int (stmt, 1, data->school_year);

  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      XaCampaign *campaign = xa_campaign_new (xa_statement_get_text (stmt, 1), xa_statement_get_text (stmt, 2),
                                              xa_statement_get_text (stmt, 3));

      _xa_campaign_set_stored (campaign, xa_statement_get_text (stmt, 0), data->school_year,
                               (guint) xa_statement_get_int (stmt, 4));
      g_ptr_array_add (data->campaigns, campaign);
    }

  return step == XA_STEP_DONE;
}

/**
 * xa_inspection_book_list_campaigns:
 *
 * Returns: (transfer full) (element-type XaCampaign): the campaigns of the year, empty
 *   before they are launched, or %NULL with @error set
 */
GPtrArray *
xa_inspection_book_list_campaigns (XaInspectionBook  *self,
                                   int                school_year,
                                   GError           **error)
{
  g_autoptr(GPtrArray) campaigns = g_ptr_array_new_with_free_func (g_object_unref);
  CampaignsData data = { school_year, campaigns };

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (self), NULL);

  if (!xa_store_read (self->store, campaigns_cb, &data, error))
    return NULL;
  return g_steal_pointer (&campaigns);
}

#define RECORD_COLUMNS \
  "r.uuid, r.plan, r.activities, r.summary, r.version, r.updated_at, r.updated_by"
#define RECORD_FROM \
  " FROM campaign_record r JOIN campaign c ON c.id = r.campaign_id" \
  " JOIN organisation o ON o.id = r.organisation_id"

typedef struct
{
  const char       *campaign_uuid;
  const char       *school_uuid;
  XaCampaignRecord *record;
} RecordData;

/* The stored record into @data->record, or none; a campaign that is not there is an
 * error. */
static gboolean
read_record (XaStore     *store,
             RecordData  *data,
             GError     **error)
{
  g_autoptr(XaStatement) campaign = NULL;
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!(campaign = xa_store_prepare (store, "SELECT count(*) FROM campaign WHERE uuid = ?", error)))
    return FALSE;
  xa_statement_bind_text (campaign, 1, data->campaign_uuid);
  if (!xa_statement_step_one (campaign, error))
    return FALSE;
  if (xa_statement_get_int64 (campaign, 0) == 0)
    {
      g_set_error_literal (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_NOT_FOUND,
                           _("The special campaign was not found; it may not be launched for that year"));
      return FALSE;
    }

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT " RECORD_COLUMNS RECORD_FROM " WHERE c.uuid = ? AND o.uuid = ?",
                                 error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, data->campaign_uuid);
  xa_statement_bind_text (stmt, 2, data->school_uuid);
  if ((step = xa_statement_step (stmt, error)) != XA_STEP_ROW)
    return step == XA_STEP_DONE;

  data->record = xa_campaign_record_new (data->campaign_uuid, data->school_uuid);
  xa_campaign_record_set_plan (data->record, xa_statement_get_text (stmt, 1));
  xa_campaign_record_set_activities (data->record, xa_statement_get_text (stmt, 2));
  xa_campaign_record_set_summary (data->record, xa_statement_get_text (stmt, 3));
  _xa_campaign_record_set_stored (data->record, xa_statement_get_text (stmt, 0),
                                  (guint) xa_statement_get_int (stmt, 4),
                                  xa_statement_get_text (stmt, 5), xa_statement_get_text (stmt, 6));
  return TRUE;
}

static gboolean
record_cb (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  return read_record (store, user_data, error);
}

/**
 * xa_inspection_book_dup_campaign_record:
 *
 * Returns: (transfer full): the school's record of the campaign, stored or new, or
 *   %NULL with %XA_INSPECTION_BOOK_ERROR_NOT_FOUND for a campaign that is not there
 */
XaCampaignRecord *
xa_inspection_book_dup_campaign_record (XaInspectionBook  *self,
                                        const char        *campaign_uuid,
                                        const char        *school_uuid,
                                        GError           **error)
{
  RecordData data = { campaign_uuid, school_uuid, NULL };

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (self), NULL);
  g_return_val_if_fail (campaign_uuid != NULL && school_uuid != NULL, NULL);

  if (!xa_store_read (self->store, record_cb, &data, error))
    return NULL;
  if (data.record == NULL)
    data.record = xa_campaign_record_new (campaign_uuid, school_uuid);
  return data.record;
}

typedef struct
{
  XaCampaignRecord *record;
  XaCampaignRecord *saved;
} SaveRecord;

static gboolean
save_record_cb (XaStore   *store,
                gpointer   user_data,
                GError   **error)
{
  SaveRecord *data = user_data;
  XaCampaignRecord *record = data->record;
  RecordData stored = { xa_campaign_record_get_campaign_uuid (record), xa_campaign_record_get_school_uuid (record), NULL };
  g_autoptr(XaCampaignRecord) current = NULL;
  g_autoptr(XaStatement) write = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *uuid = NULL;
  g_autofree char *code = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *parts = NULL;
  gint64 organisation_id = 0;

  if (!_xa_hazard_book_find_school (store, xa_campaign_record_get_school_uuid (record), &organisation_id, &code, error) ||
      !read_record (store, &stored, error))
    return FALSE;
  current = stored.record;

  if ((current != NULL ? _xa_campaign_record_get_row_version (current) : 0) !=
      _xa_campaign_record_get_row_version (record))
    {
      g_set_error_literal (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_CHANGED,
                           _("The campaign record was changed by someone else after you opened it; open it again to see the changes"));
      return FALSE;
    }

  uuid = current != NULL ? g_strdup (xa_campaign_record_get_uuid (current)) : xa_store_new_uuid ();
  if (!(write = xa_store_prepare (store,
                                  current != NULL
                                  ? "UPDATE campaign_record SET plan = :plan, activities = :activities,"
                                    " summary = :summary, parts = :parts, version = version + 1,"
                                    " updated_at = :now, updated_by = :who WHERE uuid = :uuid"
                                  : "INSERT INTO campaign_record (uuid, campaign_id, organisation_id, plan, activities,"
                                    " summary, parts, version, created_at, created_by, updated_at, updated_by)"
                                    " VALUES (:uuid, (SELECT id FROM campaign WHERE uuid = :campaign), :school,"
                                    " :plan, :activities, :summary, :parts, 1, :now, :who, :now, :who)",
                                  error)))
    return FALSE;

  xa_statement_bind_text (write, xa_statement_param (write, ":uuid"), uuid);
  xa_statement_bind_text (write, xa_statement_param (write, ":plan"), xa_campaign_record_get_plan (record));
  xa_statement_bind_text (write, xa_statement_param (write, ":activities"), xa_campaign_record_get_activities (record));
  xa_statement_bind_text (write, xa_statement_param (write, ":summary"), xa_campaign_record_get_summary (record));
  xa_statement_bind_int (write, xa_statement_param (write, ":parts"), (int) xa_campaign_record_get_parts (record));
  xa_statement_bind_text (write, xa_statement_param (write, ":now"), now);
  xa_statement_bind_text (write, xa_statement_param (write, ":who"), xa_store_get_operator (store));
  if (current == NULL)
    {
      xa_statement_bind_text (write, xa_statement_param (write, ":campaign"), xa_campaign_record_get_campaign_uuid (record));
      xa_statement_bind_int64 (write, xa_statement_param (write, ":school"), organisation_id);
    }
  if (!xa_statement_run (write, error))
    return FALSE;

  parts = g_strdup_printf ("%d", (int) xa_campaign_record_get_parts (record));
  detail = _xa_inspection_book_detail ("school", code, "parts", parts, NULL);
  if (!xa_store_append_audit (store, "campaign_record.save", "campaign_record", uuid, detail, error))
    return FALSE;

  stored.record = NULL;
  if (!read_record (store, &stored, error))
    return FALSE;
  g_clear_object (&data->saved);
  data->saved = stored.record;
  return data->saved != NULL;
}

/**
 * xa_inspection_book_save_campaign_record:
 *
 * Saves a school's record of a campaign over the version it was read at
 * (%XA_INSPECTION_BOOK_ERROR_CHANGED when that moved on); @record then holds what was
 * stored.
 */
gboolean
xa_inspection_book_save_campaign_record (XaInspectionBook  *self,
                                         XaCampaignRecord  *record,
                                         GError           **error)
{
  SaveRecord data = { record, NULL };

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (self), FALSE);
  g_return_val_if_fail (XA_IS_CAMPAIGN_RECORD (record), FALSE);

  if (!xa_campaign_record_validate (record, error) ||
      !xa_store_write (self->store, save_record_cb, &data, error))
    {
      g_clear_object (&data.saved);
      return FALSE;
    }

  _xa_campaign_record_set_stored (record, xa_campaign_record_get_uuid (data.saved),
                                  _xa_campaign_record_get_row_version (data.saved),
                                  xa_campaign_record_get_updated_at (data.saved),
                                  xa_campaign_record_get_updated_by (data.saved));
  g_clear_object (&data.saved);
  return TRUE;
}

/* The grid */

typedef struct
{
  int             school_year;
  XaCampaignGrid *grid;
  GHashTable     *school_index;    /* organisation id → row + 1 */
  GHashTable     *campaign_index;  /* campaign uuid → column + 1 */
} GridData;

static gboolean
grid_school_cb (gint64       id,
                const char  *uuid,
                const char  *code,
                const char  *name,
                gpointer     user_data,
                GError     **error)
{
  GridData *data = user_data;

  _xa_campaign_grid_add_school (data->grid, uuid, code, name);
  g_hash_table_insert (data->school_index, g_memdup2 (&id, sizeof id),
                       GUINT_TO_POINTER (xa_campaign_grid_get_n_schools (data->grid)));
  return TRUE;
}

static gboolean
grid_cb (XaStore   *store,
         gpointer   user_data,
         GError   **error)
{
  GridData *data = user_data;
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!_xa_inspection_book_foreach_school (store, NULL, grid_school_cb, data, error))
    return FALSE;

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT r.organisation_id, c.uuid, r.parts FROM campaign_record r"
                                 " JOIN campaign c ON c.id = r.campaign_id WHERE c.school_year = ?"
                                 /* A part attached as a file counts as a written one. */
                                 " UNION ALL SELECT a.organisation_id, c.uuid,"
                                 " CASE a.part WHEN 'plan' THEN 1 WHEN 'activities' THEN 2 ELSE 4 END"
                                 " FROM campaign_attachment a JOIN campaign c ON c.id = a.campaign_id"
                                 " WHERE c.school_year = ?",
                                 error)))
    return FALSE;
  xa_statement_bind_int (stmt, 1, data->school_year);
  xa_statement_bind_int (stmt, 2, data->school_year);

  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      gint64 id = xa_statement_get_int64 (stmt, 0);
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (data->school_index, &id));
      guint column = GPOINTER_TO_UINT (g_hash_table_lookup (data->campaign_index, xa_statement_get_text (stmt, 1)));

      /* A removed school's records stay in the store and out of the grid. */
      if (row > 0 && column > 0)
        _xa_campaign_grid_set_parts (data->grid, row - 1, column - 1,
                                     xa_campaign_grid_get_parts (data->grid, row - 1, column - 1) |
                                     (XaCampaignParts) xa_statement_get_int (stmt, 2));
    }

  return step == XA_STEP_DONE;
}

/**
 * xa_inspection_book_dup_campaign_grid:
 *
 * Returns: (transfer full): the completion grid of @school_year over the schools the
 *   login reads, or %NULL with %XA_INSPECTION_BOOK_ERROR_NOT_LAUNCHED when the year has
 *   no campaigns
 */
XaCampaignGrid *
xa_inspection_book_dup_campaign_grid (XaInspectionBook  *self,
                                      int                school_year,
                                      GError           **error)
{
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GHashTable) school_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) campaign_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(XaCampaignGrid) grid = NULL;
  GridData data;

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (self), NULL);

  if (!(campaigns = xa_inspection_book_list_campaigns (self, school_year, error)))
    return NULL;
  if (campaigns->len == 0)
    {
      g_set_error (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_NOT_LAUNCHED,
                   _("No special campaigns were launched for %d—%d yet"), school_year, school_year + 1);
      return NULL;
    }

  for (guint i = 0; i < campaigns->len; i++)
    g_hash_table_insert (campaign_index, (gpointer) xa_campaign_get_uuid (g_ptr_array_index (campaigns, i)),
                         GUINT_TO_POINTER (i + 1));

  grid = _xa_campaign_grid_new (school_year, campaigns);
  data = (GridData) { school_year, grid, school_index, campaign_index };
  if (!xa_store_read (self->store, grid_cb, &data, error))
    return NULL;
  return g_steal_pointer (&grid);
}
