/* xa-security-device.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The technical protection of 三防 (技防): a school's video cameras, one-key alarms
 * (一键报警, which should be linked to the police) and access controls, each with its
 * state and its repair log. A fault reported opens a repair and makes the device
 * faulty; the repair done closes it and the device works again. A faulty device not
 * repaired is what the assessment's indicator B4 deducts for: xa_security_device_list()
 * with @faulty_only lists them. Each change is one transaction with its audit entry.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-security-device.h"
#include "xa-governance-private.h"

static const struct
{
  const char *key;
  const char *label;
} kinds[] = {
  { "video", NC_("security device", "Video surveillance") },
  { "alarm", NC_("security device", "One-key alarm") },
  { "access", NC_("security device", "Access control") },
}, states[] = {
  { "working", NC_("security device state", "Working") },
  { "faulty", NC_("security device state", "Faulty") },
  { "removed", NC_("security device state", "Removed") },
};

const char *
xa_security_device_kind_to_label (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].key, kind) == 0)
      return g_dpgettext2 (NULL, "security device", kinds[i].label);
  return NULL;
}

const char *
xa_security_device_state_to_label (const char *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_strcmp0 (states[i].key, state) == 0)
      return g_dpgettext2 (NULL, "security device state", states[i].label);
  return NULL;
}

XaSecurityDevice *
xa_security_device_copy (const XaSecurityDevice *self)
{
  XaSecurityDevice *copy = g_new0 (XaSecurityDevice, 1);

  copy->uuid = g_strdup (self->uuid);
  copy->school_uuid = g_strdup (self->school_uuid);
  copy->school_code = g_strdup (self->school_code);
  copy->kind = g_strdup (self->kind);
  copy->place = g_strdup (self->place);
  copy->police_linked = self->police_linked;
  copy->state = g_strdup (self->state);
  copy->installed_on = g_strdup (self->installed_on);
  copy->fault = g_strdup (self->fault);
  copy->fault_reported_on = g_strdup (self->fault_reported_on);
  return copy;
}

void
xa_security_device_free (XaSecurityDevice *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->school_uuid);
  g_free (self->school_code);
  g_free (self->kind);
  g_free (self->place);
  g_free (self->state);
  g_free (self->installed_on);
  g_free (self->fault);
  g_free (self->fault_reported_on);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (XaSecurityDevice, xa_security_device, xa_security_device_copy, xa_security_device_free)

XaDeviceRepair *
xa_device_repair_copy (const XaDeviceRepair *self)
{
  XaDeviceRepair *copy = g_new0 (XaDeviceRepair, 1);

  copy->uuid = g_strdup (self->uuid);
  copy->reported_on = g_strdup (self->reported_on);
  copy->fault = g_strdup (self->fault);
  copy->repaired_on = g_strdup (self->repaired_on);
  copy->repaired_by = g_strdup (self->repaired_by);
  return copy;
}

void
xa_device_repair_free (XaDeviceRepair *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->reported_on);
  g_free (self->fault);
  g_free (self->repaired_on);
  g_free (self->repaired_by);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (XaDeviceRepair, xa_device_repair, xa_device_repair_copy, xa_device_repair_free)

typedef struct
{
  const XaSecurityDeviceFields *fields;
  const char                   *uuid;
  const char                   *school_uuid;
  gboolean                      faulty_only;
  const char                   *on;
  const char                   *text;
  GPtrArray                    *found;
  GPtrArray                    *repairs;
} Devices;

static gboolean
list_func (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  Devices *devices = user_data;
  g_autoptr(XaStatement) rows = NULL;
  XaStep step;

  if (!(rows = xa_store_prepare (store,
                                 "SELECT d.uuid, o.uuid, o.code, d.kind, d.place, d.police_linked, d.state, d.installed_on,"
                                 " r.fault, r.reported_on FROM security_device d JOIN organisation o ON o.id = d.organisation_id"
                                 " LEFT JOIN device_repair r ON r.device_id = d.id AND r.repaired_on IS NULL"
                                 " WHERE (CAST (? AS TEXT) IS NULL OR d.uuid = ?)"
                                 " AND (CAST (? AS TEXT) IS NULL OR o.uuid = ?)"
                                 " AND (? = 0 OR d.state = 'faulty')"
                                 " ORDER BY o.code, d.kind, d.place, d.id",
                                 error)))
    return FALSE;
  _xa_governance_bind_optional (rows, 1, devices->uuid);
  _xa_governance_bind_optional (rows, 3, devices->school_uuid);
  xa_statement_bind_int (rows, 5, devices->faulty_only ? 1 : 0);
  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    {
      XaSecurityDevice *device = g_new0 (XaSecurityDevice, 1);

      device->uuid = g_strdup (xa_statement_get_text (rows, 0));
      device->school_uuid = g_strdup (xa_statement_get_text (rows, 1));
      device->school_code = g_strdup (xa_statement_get_text_or_null (rows, 2));
      device->kind = g_strdup (xa_statement_get_text (rows, 3));
      device->place = g_strdup (xa_statement_get_text (rows, 4));
      device->police_linked = xa_statement_get_int (rows, 5) != 0;
      device->state = g_strdup (xa_statement_get_text (rows, 6));
      device->installed_on = g_strdup (xa_statement_get_text (rows, 7));
      device->fault = g_strdup (xa_statement_get_text_or_null (rows, 8));
      device->fault_reported_on = g_strdup (xa_statement_get_text_or_null (rows, 9));
      g_ptr_array_add (devices->found, device);
    }
  return step == XA_STEP_DONE;
}

static gboolean
add_func (XaStore   *store,
          gpointer   user_data,
          GError   **error)
{
  Devices *devices = user_data;
  const XaSecurityDeviceFields *fields = devices->fields;
  g_autoptr(XaStatement) insert = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *uuid = xa_store_new_uuid ();
  gint64 school_id;

  if (!(school_id = _xa_governance_school_id (store, fields->school_uuid, error)))
    return FALSE;
  if (!(insert = xa_store_prepare (store,
                                   "INSERT INTO security_device (uuid, organisation_id, kind, place, police_linked, state,"
                                   " installed_on, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, 'working', ?, ?, ?)",
                                   error)))
    return FALSE;
  xa_statement_bind_text (insert, 1, uuid);
  xa_statement_bind_int64 (insert, 2, school_id);
  xa_statement_bind_text (insert, 3, fields->kind);
  xa_statement_bind_text (insert, 4, fields->place);
  xa_statement_bind_int (insert, 5, fields->police_linked ? 1 : 0);
  xa_statement_bind_text (insert, 6, fields->installed_on);
  xa_statement_bind_text (insert, 7, now);
  xa_statement_bind_text (insert, 8, xa_store_get_operator (store));
  devices->uuid = uuid;
  return xa_statement_run (insert, error) &&
         xa_store_append_audit (store, "device.add", "security_device", uuid, NULL, error) &&
         list_func (store, devices, error);
}

/**
 * xa_security_device_add:
 *
 * Records a working device of a school.
 *
 * Returns: (transfer full): the device, or %NULL with @error set naming the field
 */
XaSecurityDevice *
xa_security_device_add (XaStore                       *store,
                        const XaSecurityDeviceFields  *fields,
                        GError                       **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_security_device_free);
  Devices devices = { .fields = fields, .found = found };

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  if (xa_security_device_kind_to_label (fields->kind) == NULL)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("Kind: “%s” is not video, alarm or access"), fields->kind ? fields->kind : "");
      return NULL;
    }
  if (fields->police_linked && g_strcmp0 (fields->kind, "alarm") != 0)
    {
      g_set_error_literal (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                           _("Police link: only a one-key alarm is linked to the police"));
      return NULL;
    }
  if (!_xa_governance_check_text (fields->place, 100, C_("field", "place"), error) ||
      !_xa_governance_check_date (fields->installed_on, C_("field", "installed on"), error) ||
      !xa_store_write (store, add_func, &devices, error))
    return NULL;
  return g_ptr_array_steal_index (found, 0);
}

/* Inside a write: the device, or NOT_FOUND. */
static XaSecurityDevice *
find_device (XaStore   *store,
             Devices   *devices,
             GError   **error)
{
  if (!list_func (store, devices, error))
    return NULL;
  if (devices->found->len == 0)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_FOUND, _("There is no security device %s"), devices->uuid);
      return NULL;
    }
  return g_ptr_array_index (devices->found, 0);
}

static gboolean
fault_func (XaStore   *store,
            gpointer   user_data,
            GError   **error)
{
  Devices *devices = user_data;
  g_autoptr(XaStatement) insert = NULL;
  g_autoptr(XaStatement) update = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *uuid = xa_store_new_uuid ();
  XaSecurityDevice *device;

  if (!(device = find_device (store, devices, error)))
    return FALSE;
  if (g_strcmp0 (device->state, "working") != 0)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID, _("The device is “%s”: only a working device can fail"),
                   xa_security_device_state_to_label (device->state));
      return FALSE;
    }
  if (g_strcmp0 (devices->on, device->installed_on) < 0)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("Reported on: %s is before the device was installed (%s)"), devices->on, device->installed_on);
      return FALSE;
    }
  if (!(insert = xa_store_prepare (store,
                                   "INSERT INTO device_repair (uuid, device_id, organisation_id, reported_on, fault,"
                                   " recorded_at, recorded_by) SELECT ?, d.id, d.organisation_id, ?, ?, ?, ?"
                                   " FROM security_device d WHERE d.uuid = ?",
                                   error)) ||
      !(update = xa_store_prepare (store, "UPDATE security_device SET state = 'faulty' WHERE uuid = ?", error)))
    return FALSE;
  xa_statement_bind_text (insert, 1, uuid);
  xa_statement_bind_text (insert, 2, devices->on);
  xa_statement_bind_text (insert, 3, devices->text);
  xa_statement_bind_text (insert, 4, now);
  xa_statement_bind_text (insert, 5, xa_store_get_operator (store));
  xa_statement_bind_text (insert, 6, devices->uuid);
  xa_statement_bind_text (update, 1, devices->uuid);
  return xa_statement_run (insert, error) && xa_statement_run (update, error) &&
         xa_store_append_audit (store, "device.fault", "device_repair", uuid, NULL, error) &&
         xa_store_append_audit (store, "device.fault", "security_device", devices->uuid, NULL, error);
}

/**
 * xa_security_device_report_fault:
 * @reported_on: the day the fault was found, YYYY-MM-DD
 * @fault: what is wrong
 *
 * Opens a repair of a working device, which becomes faulty until it is repaired.
 */
gboolean
xa_security_device_report_fault (XaStore     *store,
                                 const char  *uuid,
                                 const char  *reported_on,
                                 const char  *fault,
                                 GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_security_device_free);
  Devices devices = { .uuid = uuid, .on = reported_on, .text = fault, .found = found };

  g_return_val_if_fail (XA_IS_STORE (store), FALSE);

  return _xa_governance_check_date (reported_on, C_("field", "reported on"), error) &&
         _xa_governance_check_text (fault, 500, C_("field", "fault"), error) &&
         xa_store_write (store, fault_func, &devices, error);
}

static gboolean
repaired_func (XaStore   *store,
               gpointer   user_data,
               GError   **error)
{
  Devices *devices = user_data;
  g_autoptr(XaStatement) repair = NULL;
  g_autoptr(XaStatement) update = NULL;
  g_autofree char *repair_uuid = NULL;
  XaSecurityDevice *device;

  if (!(device = find_device (store, devices, error)))
    return FALSE;
  if (device->fault == NULL)
    {
      g_set_error_literal (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                           _("The device has no fault waiting for repair"));
      return FALSE;
    }
  if (g_strcmp0 (devices->on, device->fault_reported_on) < 0)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("Repaired on: %s is before the fault was reported (%s)"), devices->on, device->fault_reported_on);
      return FALSE;
    }
  if (!(repair = xa_store_prepare (store,
                                   "SELECT r.uuid FROM device_repair r JOIN security_device d ON d.id = r.device_id"
                                   " WHERE d.uuid = ? AND r.repaired_on IS NULL",
                                   error)))
    return FALSE;
  xa_statement_bind_text (repair, 1, devices->uuid);
  if (!xa_statement_step_one (repair, error))
    return FALSE;
  repair_uuid = g_strdup (xa_statement_get_text (repair, 0));
  g_clear_pointer (&repair, xa_statement_free);
  if (!(repair = xa_store_prepare (store, "UPDATE device_repair SET repaired_on = ?, repaired_by = ? WHERE uuid = ?", error)) ||
      !(update = xa_store_prepare (store, "UPDATE security_device SET state = 'working' WHERE uuid = ?", error)))
    return FALSE;
  xa_statement_bind_text (repair, 1, devices->on);
  xa_statement_bind_text (repair, 2, devices->text);
  xa_statement_bind_text (repair, 3, repair_uuid);
  xa_statement_bind_text (update, 1, devices->uuid);
  return xa_statement_run (repair, error) && xa_statement_run (update, error) &&
         xa_store_append_audit (store, "device.repaired", "device_repair", repair_uuid, NULL, error) &&
         xa_store_append_audit (store, "device.repaired", "security_device", devices->uuid, NULL, error);
}

/**
 * xa_security_device_repaired:
 * @repaired_on: the day of the repair, not before the fault was reported
 * @repaired_by: who repaired it
 *
 * Closes the open repair of a faulty device, which works again.
 */
gboolean
xa_security_device_repaired (XaStore     *store,
                             const char  *uuid,
                             const char  *repaired_on,
                             const char  *repaired_by,
                             GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_security_device_free);
  Devices devices = { .uuid = uuid, .on = repaired_on, .text = repaired_by, .found = found };

  g_return_val_if_fail (XA_IS_STORE (store), FALSE);

  return _xa_governance_check_date (repaired_on, C_("field", "repaired on"), error) &&
         _xa_governance_check_text (repaired_by, 100, C_("field", "repaired by"), error) &&
         xa_store_write (store, repaired_func, &devices, error);
}

/**
 * xa_security_device_list:
 * @school_uuid: (nullable): one school's, or every school's the login sees
 * @faulty_only: only the faulty devices not repaired (what B4 deducts for)
 *
 * Returns: (transfer full) (element-type XaSecurityDevice): the devices, by school,
 *   kind and place, or %NULL with @error set
 */
GPtrArray *
xa_security_device_list (XaStore     *store,
                         const char  *school_uuid,
                         gboolean     faulty_only,
                         GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_security_device_free);
  Devices devices = { .school_uuid = school_uuid, .faulty_only = faulty_only, .found = found };

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  if (!xa_store_read (store, list_func, &devices, error))
    return NULL;
  return g_steal_pointer (&found);
}

static gboolean
repairs_func (XaStore   *store,
              gpointer   user_data,
              GError   **error)
{
  Devices *devices = user_data;
  g_autoptr(XaStatement) rows = NULL;
  XaStep step;

  if (!find_device (store, devices, error))
    return FALSE;
  if (!(rows = xa_store_prepare (store,
                                 "SELECT r.uuid, r.reported_on, r.fault, r.repaired_on, r.repaired_by FROM device_repair r"
                                 " JOIN security_device d ON d.id = r.device_id WHERE d.uuid = ? ORDER BY r.reported_on, r.id",
                                 error)))
    return FALSE;
  xa_statement_bind_text (rows, 1, devices->uuid);
  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    {
      XaDeviceRepair *repair = g_new0 (XaDeviceRepair, 1);

      repair->uuid = g_strdup (xa_statement_get_text (rows, 0));
      repair->reported_on = g_strdup (xa_statement_get_text (rows, 1));
      repair->fault = g_strdup (xa_statement_get_text (rows, 2));
      repair->repaired_on = g_strdup (xa_statement_get_text_or_null (rows, 3));
      repair->repaired_by = g_strdup (xa_statement_get_text (rows, 4));
      g_ptr_array_add (devices->repairs, repair);
    }
  return step == XA_STEP_DONE;
}

/**
 * xa_security_device_list_repairs:
 *
 * Returns: (transfer full) (element-type XaDeviceRepair): the device's repair log, the
 *   earliest first, or %NULL with @error set
 */
GPtrArray *
xa_security_device_list_repairs (XaStore     *store,
                                 const char  *uuid,
                                 GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_security_device_free);
  g_autoptr(GPtrArray) repairs = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_device_repair_free);
  Devices devices = { .uuid = uuid, .found = found, .repairs = repairs };

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  if (!xa_store_read (store, repairs_func, &devices, error))
    return NULL;
  return g_steal_pointer (&repairs);
}
