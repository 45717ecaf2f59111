/* xa-security-device.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "core/store/xa-store.h"

G_BEGIN_DECLS

/* A device of the technical protection of 三防 (技防): a video camera, a one-key alarm
 * (一键报警, linked to the police or not) or an access control, with its state and,
 * while it is faulty, the repair still open. */
typedef struct
{
  char     *uuid;
  char     *school_uuid;
  char     *school_code;
  char     *kind;            /* video, alarm, access */
  char     *place;
  gboolean  police_linked;
  char     *state;           /* working, faulty, removed */
  char     *installed_on;
  char     *fault;           /* nullable: the open repair's fault */
  char     *fault_reported_on;
} XaSecurityDevice;

typedef struct
{
  const char *school_uuid;
  const char *kind;
  const char *place;
  gboolean    police_linked;
  const char *installed_on;
} XaSecurityDeviceFields;

/* One entry of a device's repair log. */
typedef struct
{
  char *uuid;
  char *reported_on;
  char *fault;
  char *repaired_on;   /* nullable: not repaired yet */
  char *repaired_by;
} XaDeviceRepair;

#define XA_TYPE_SECURITY_DEVICE (xa_security_device_get_type ())
GType             xa_security_device_get_type (void) G_GNUC_CONST;
XaSecurityDevice *xa_security_device_copy     (const XaSecurityDevice *self);
void              xa_security_device_free     (XaSecurityDevice       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaSecurityDevice, xa_security_device_free)

#define XA_TYPE_DEVICE_REPAIR (xa_device_repair_get_type ())
GType             xa_device_repair_get_type   (void) G_GNUC_CONST;
XaDeviceRepair   *xa_device_repair_copy       (const XaDeviceRepair *self);
void              xa_device_repair_free       (XaDeviceRepair       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaDeviceRepair, xa_device_repair_free)

const char       *xa_security_device_kind_to_label  (const char *kind);
const char       *xa_security_device_state_to_label (const char *state);

XaSecurityDevice *xa_security_device_add      (XaStore                      *store,
                                               const XaSecurityDeviceFields *fields,
                                               GError                      **error);
gboolean          xa_security_device_report_fault (XaStore                  *store,
                                               const char                   *uuid,
                                               const char                   *reported_on,
                                               const char                   *fault,
                                               GError                      **error);
gboolean          xa_security_device_repaired (XaStore                      *store,
                                               const char                   *uuid,
                                               const char                   *repaired_on,
                                               const char                   *repaired_by,
                                               GError                      **error);
GPtrArray        *xa_security_device_list     (XaStore                      *store,
                                               const char                   *school_uuid,
                                               gboolean                      faulty_only,
                                               GError                      **error);
GPtrArray        *xa_security_device_list_repairs (XaStore                  *store,
                                               const char                   *uuid,
                                               GError                      **error);

G_END_DECLS
