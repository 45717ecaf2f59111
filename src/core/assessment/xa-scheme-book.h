/* xa-scheme-book.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-scheme.h"
#include "core/store/xa-store.h"

G_BEGIN_DECLS

#define XA_SCHEME_BOOK_ERROR (xa_scheme_book_error_quark ())

typedef enum
{
  XA_SCHEME_BOOK_ERROR_INVALID,    /* the scheme breaks a rule (see xa_scheme_validate) */
  XA_SCHEME_BOOK_ERROR_NOT_FOUND,  /* no scheme of that year or version */
  XA_SCHEME_BOOK_ERROR_EXISTS,     /* the target year has a scheme already */
} XaSchemeBookError;

#define XA_TYPE_SCHEME_BOOK (xa_scheme_book_get_type ())

G_DECLARE_FINAL_TYPE (XaSchemeBook, xa_scheme_book, XA, SCHEME_BOOK, GObject)

/* The assessment schemes of an installation, on either engine (schema 21, table
 * `assessment_scheme`: one row per school year and version, the scheme as JSON). Each save
 * one transaction with its audit entry, noted under "assessment". The commission writes
 * them; every school reads them. */
GQuark        xa_scheme_book_error_quark   (void);
XaSchemeBook *xa_scheme_book_new           (XaStore       *store);
XaStore      *xa_scheme_book_get_store     (XaSchemeBook  *self);

/* The newest stored version of the year's scheme, or (when the year has none) the
 * default scheme of domain.md §2.3 for the year, unstored (version 0). */
XaScheme     *xa_scheme_book_dup_current   (XaSchemeBook  *self,
                                            int            school_year,
                                            GError       **error);
XaScheme     *xa_scheme_book_dup_version   (XaSchemeBook  *self,
                                            int            school_year,
                                            guint          version,
                                            GError       **error);
GArray       *xa_scheme_book_list_versions (XaSchemeBook  *self,
                                            int            school_year,
                                            GError       **error);
gboolean      xa_scheme_book_is_used       (XaSchemeBook  *self,
                                            int            school_year,
                                            guint          version,
                                            gboolean      *used,
                                            GError       **error);

/* Saves @scheme (validated first) for its year: the year's newest version is replaced
 * when no assessment has used it, otherwise a new version is made (the old assessments
 * keep theirs). Returns the version saved, and sets it on @scheme; 0 with @error set. */
guint         xa_scheme_book_save          (XaSchemeBook  *self,
                                            XaScheme      *scheme,
                                            GError       **error);
/* Copies the newest scheme of @from_year (or the default) to @to_year as its version 1;
 * refuses when @to_year has a scheme unless @replace (which then saves as above). */
XaScheme     *xa_scheme_book_copy_year     (XaSchemeBook  *self,
                                            int            from_year,
                                            int            to_year,
                                            gboolean       replace,
                                            GError       **error);

G_END_DECLS
