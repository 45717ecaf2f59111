/* xa-guard.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "core/store/xa-store.h"

G_BEGIN_DECLS

/* A security guard (保安) of a school, the people protection of 三防. */
typedef struct
{
  char     *uuid;
  char     *school_uuid;
  char     *school_code;
  char     *name;
  gboolean  full_time;
  char     *employed_on;
  char     *trained_on;   /* nullable: not trained yet */
  char     *left_on;      /* nullable: still employed */
} XaGuard;

typedef struct
{
  const char *school_uuid;
  const char *name;
  gboolean    full_time;
  const char *employed_on;
  const char *trained_on;   /* nullable */
} XaGuardFields;

#define XA_TYPE_GUARD (xa_guard_get_type ())
GType    xa_guard_get_type (void) G_GNUC_CONST;
XaGuard *xa_guard_copy     (const XaGuard *self);
void     xa_guard_free     (XaGuard       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaGuard, xa_guard_free)

/* The district's rule (a setting of the commission): a school of @min_people people or
 * more employs at least @min_guards full-time, trained guards. Chongqing's norm, the
 * default: 4 and 100. */
typedef struct
{
  int min_guards;
  int min_people;
} XaGuardPolicy;

#define XA_GUARD_POLICY_DEFAULT_GUARDS 4
#define XA_GUARD_POLICY_DEFAULT_PEOPLE 100

/* A school's guards against the rule on a day. @people is -1 when the school's
 * headcount of that year is not recorded, and @required then -1 too. */
typedef struct
{
  char     *school_uuid;
  char     *school_code;
  char     *school_name;
  int       people;
  int       required;
  int       full_time;   /* full-time guards employed on the day */
  int       trained;     /* of those, trained by the day */
  gboolean  meets;       /* trained >= required, with a known headcount */
} XaGuardCheck;

#define XA_TYPE_GUARD_CHECK (xa_guard_check_get_type ())
GType         xa_guard_check_get_type (void) G_GNUC_CONST;
XaGuardCheck *xa_guard_check_copy     (const XaGuardCheck *self);
void          xa_guard_check_free     (XaGuardCheck       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaGuardCheck, xa_guard_check_free)

XaGuard   *xa_guard_add            (XaStore              *store,
                                    const XaGuardFields  *fields,
                                    GError              **error);
gboolean   xa_guard_update         (XaStore              *store,
                                    const char           *uuid,
                                    const char           *trained_on,
                                    const char           *left_on,
                                    GError              **error);
GPtrArray *xa_guard_list           (XaStore              *store,
                                    const char           *school_uuid,
                                    GError              **error);
gboolean   xa_guard_set_headcount  (XaStore              *store,
                                    const char           *school_uuid,
                                    int                   school_year,
                                    int                   people,
                                    GError              **error);
gboolean   xa_guard_policy_read    (XaStore              *store,
                                    XaGuardPolicy        *policy,
                                    GError              **error);
gboolean   xa_guard_policy_set     (XaStore              *store,
                                    const XaGuardPolicy  *policy,
                                    GError              **error);
GPtrArray *xa_guard_check          (XaStore              *store,
                                    const char           *school_uuid,
                                    int                   school_year,
                                    const char           *on,
                                    GError              **error);

G_END_DECLS
