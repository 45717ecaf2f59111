/* xa-hazard-book.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-hazard.h"
#include "xa-hazard-workflow.h"
#include "core/registry/xa-school-registry.h"

G_BEGIN_DECLS

#define XA_HAZARD_BOOK_ERROR (xa_hazard_book_error_quark ())

typedef enum
{
  XA_HAZARD_BOOK_ERROR_NOT_FOUND,   /* no hazard with that UUID or number */
  XA_HAZARD_BOOK_ERROR_NO_SCHOOL,   /* the school is not in the register, or was removed */
  XA_HAZARD_BOOK_ERROR_CHANGED,     /* someone else saved the hazard since it was read */
  XA_HAZARD_BOOK_ERROR_CLOSED,      /* the hazard is closed (已销号) and never changes again */
  XA_HAZARD_BOOK_ERROR_EXISTS,      /* an imported hazard's number is in the ledger already */
} XaHazardBookError;

/* Which hazards a list shows. Every member narrows the list; the zero value (after
 * xa_hazard_filter_init()) shows all hazards of all schools and years. */
typedef struct
{
  const char *school_uuid;   /* NULL: every school the login may read */
  int         school_year;   /* 0: every year */
  int         state;         /* an XaHazardState, or -1 for any */
  int         grade;         /* an XaHazardGrade, or -1 for any */
  int         category;      /* an XaHazardCategory, or -1 for any */
  gboolean    overdue_only;  /* only hazards past their deadline on `today` */
  const char *today;         /* YYYY-MM-DD the overdue test uses; NULL: the local date */
  const char *responsible;   /* exact 整改责任人, or NULL */
  const char *search;        /* Chinese text: 1- and 2-character terms are found (电线, 门) */
} XaHazardFilter;

/* The columns a list sorts by. */
typedef enum
{
  XA_HAZARD_SORT_NUMBER,
  XA_HAZARD_SORT_FOUND_ON,
  XA_HAZARD_SORT_DEADLINE,
  XA_HAZARD_SORT_STATE,
  XA_HAZARD_SORT_GRADE,
  XA_HAZARD_SORT_CATEGORY,
  XA_HAZARD_SORT_PLACE,
  XA_HAZARD_SORT_RESPONSIBLE,
} XaHazardSort;

void xa_hazard_filter_init (XaHazardFilter *filter);

#define XA_TYPE_HAZARD_BOOK (xa_hazard_book_get_type ())

G_DECLARE_FINAL_TYPE (XaHazardBook, xa_hazard_book, XA, HAZARD_BOOK, GObject)

/* The hazard ledgers of an installation, on either engine. Every change is one
 * transaction of the store with its audit entry (the hazard's image, and for a step the
 * step's key, who and when); a refused change leaves the database as it was and sets an
 * error fit for the user that names the field or the hazard's number. Changes are noted
 * with xa_store_note_change() under the kind "hazard". */
GQuark         xa_hazard_book_error_quark  (void);
XaHazardBook  *xa_hazard_book_new          (XaSchoolRegistry      *registry);
XaStore       *xa_hazard_book_get_store    (XaHazardBook          *self);

/* Records a new hazard: gives it a UUID and the next number of its school and year
 * (2021-2022-<学校标识码>-0001), validates it and saves it in state 待整改. On return the
 * hazard carries its UUID and number. */
gboolean       xa_hazard_book_add          (XaHazardBook          *self,
                                            XaHazard              *hazard,
                                            GError               **error);
/* Saves the edited columns of a hazard that is not closed; the state and history are
 * not touched here. Fails with CHANGED when the stored copy moved on since `hazard`
 * was read. */
gboolean       xa_hazard_book_update       (XaHazardBook          *self,
                                            XaHazard              *hazard,
                                            GError               **error);
/* Takes one step of the workflow (xa-hazard-workflow.h) on the stored hazard and saves
 * the new state and the history line in the same transaction. `hazard` is updated to
 * what was saved. */
gboolean       xa_hazard_book_step         (XaHazardBook          *self,
                                            XaHazard              *hazard,
                                            XaHazardStep           step,
                                            const XaHazardStepInput *input,
                                            GError               **error);

XaHazard      *xa_hazard_book_dup_by_uuid  (XaHazardBook          *self,
                                            const char            *uuid,
                                            GError               **error);
XaHazard      *xa_hazard_book_dup_by_number (XaHazardBook         *self,
                                            const char            *number,
                                            GError               **error);

/* xa-hazard-book-import.c: stores the hazards of an imported ledger
 * (xa_hazard_import_file()) in one transaction, or none of them. Each keeps its number
 * (a number already in the ledger refuses the import with EXISTS, naming it; one that
 * carries another school's code with XA_HAZARD_ERROR_NUMBER), or gets the next of its
 * school and year when it has none, and keeps its state and columns as the ledger says,
 * without history; its audit entry ("hazard.import") names `source`, the file. The
 * school must be in the register (NO_SCHOOL). On return the hazards carry what was
 * stored. */
gboolean       xa_hazard_book_import       (XaHazardBook          *self,
                                            GPtrArray             *hazards,
                                            const char            *source,
                                            GError               **error);

/* Counts and reads one page of the hazards a filter selects, in the sort's order (ties
 * broken by number), without reading the others: what XaHazardList pages from. */
gboolean       xa_hazard_book_count        (XaHazardBook          *self,
                                            const XaHazardFilter  *filter,
                                            guint                 *n_hazards,
                                            GError               **error);
GPtrArray     *xa_hazard_book_read_page    (XaHazardBook          *self,
                                            const XaHazardFilter  *filter,
                                            XaHazardSort           sort,
                                            gboolean               descending,
                                            guint                  offset,
                                            guint                  limit,
                                            GError               **error);

/* Every hazard a filter selects, in the sort's order, of one state of the database. */
GPtrArray     *xa_hazard_book_read_all     (XaHazardBook          *self,
                                            const XaHazardFilter  *filter,
                                            XaHazardSort           sort,
                                            GCancellable          *cancellable,
                                            GError               **error);

/* Every hazard a filter selects, in the sort's order, without its history, in one
 * query: for lists of the hazards that count for something (the assessment's evidence). */
GPtrArray     *xa_hazard_book_read_columns (XaHazardBook          *self,
                                            const XaHazardFilter  *filter,
                                            XaHazardSort           sort,
                                            GError               **error);

/* The distinct 整改责任人 of the hazards a school (or, NULL, all schools) has, for the
 * responsible-person filter, sorted by pinyin. */
GStrv          xa_hazard_book_dup_responsible (XaHazardBook       *self,
                                               const char         *school_uuid,
                                               GError            **error);

G_END_DECLS
