/* xa-visitor-register.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "core/store/xa-store.h"

G_BEGIN_DECLS

/* A visitor at the school gate (门岗): who, when they came and left, whether their
 * identity was checked (验证登记), why they came and whom they saw. */
typedef struct
{
  char     *uuid;
  char     *school_uuid;
  char     *school_code;
  char     *arrived_at;   /* YYYY-MM-DD HH:MM */
  char     *left_at;      /* nullable: still inside */
  char     *name;
  gboolean  id_checked;
  char     *purpose;
  char     *host;
} XaVisitor;

typedef struct
{
  const char *school_uuid;
  const char *arrived_at;
  const char *name;
  gboolean    id_checked;
  const char *purpose;
  const char *host;
} XaVisitorFields;

#define XA_TYPE_VISITOR (xa_visitor_get_type ())
GType      xa_visitor_get_type (void) G_GNUC_CONST;
XaVisitor *xa_visitor_copy     (const XaVisitor *self);
void       xa_visitor_free     (XaVisitor       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaVisitor, xa_visitor_free)

XaVisitor *xa_visitor_add   (XaStore               *store,
                             const XaVisitorFields *fields,
                             GError               **error);
gboolean   xa_visitor_leave (XaStore               *store,
                             const char            *uuid,
                             const char            *left_at,
                             GError               **error);
GPtrArray *xa_visitor_list  (XaStore               *store,
                             const char            *school_uuid,
                             const char            *from,
                             const char            *to,
                             GError               **error);

G_END_DECLS
