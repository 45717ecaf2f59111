/* xa-inspection-book-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-inspection-book.h"
#include "xa-inspection-private.h"
#include "core/util/xa-json.h"

G_BEGIN_DECLS

struct _XaInspectionBook
{
  GObject           parent_instance;

  /* Owned references */
  XaSchoolRegistry *registry;
  XaHazardBook     *hazards;
  XaStore          *store;
};

/* What an audit entry of the book says besides its record: pairs of member name and
 * text value, %NULL-terminated (xa-json.c). */
#define _xa_inspection_book_detail xa_json_dup_strings_object

/* The schools the login reads, not removed, by code: id, uuid, code, name. Call inside a
 * read. */
typedef gboolean (*XaSchoolRowFunc) (gint64       id,
                                     const char  *uuid,
                                     const char  *code,
                                     const char  *name,
                                     gpointer     user_data,
                                     GError     **error);
gboolean  _xa_inspection_book_foreach_school (XaStore         *store,
                                           const char      *school_uuid,
                                           XaSchoolRowFunc  func,
                                           gpointer         user_data,
                                           GError         **error);

G_END_DECLS
