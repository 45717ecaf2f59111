/* xa-agreement-book.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-agreement.h"
#include "xa-template-diff.h"
#include "xa-template-library.h"
#include "core/registry/xa-school-registry.h"

G_BEGIN_DECLS

#define XA_AGREEMENT_BOOK_ERROR (xa_agreement_book_error_quark ())

typedef enum
{
  XA_AGREEMENT_BOOK_ERROR_NOT_FOUND,     /* no such agreement, or none for that school and year */
  XA_AGREEMENT_BOOK_ERROR_NO_TEMPLATE,   /* the school year has no template */
  XA_AGREEMENT_BOOK_ERROR_EXISTS,        /* the school already has an agreement for the year */
  XA_AGREEMENT_BOOK_ERROR_NOT_EDITABLE,  /* not a draft, or superseded */
  XA_AGREEMENT_BOOK_ERROR_BAD_STEP,      /* a state change that is not one of the steps */
  XA_AGREEMENT_BOOK_ERROR_INVALID,       /* a field's value is wrong; the message names it */
} XaAgreementBookError;

/* What an agreement is compared with (xa-agreement-book-compare.c). */
typedef enum
{
  XA_AGREEMENT_COMPARE_TEMPLATE,  /* the template version it was made from */
  XA_AGREEMENT_COMPARE_PREVIOUS,  /* the revision it supersedes */
} XaAgreementCompare;

#define XA_TYPE_AGREEMENT_BOOK (xa_agreement_book_get_type ())

G_DECLARE_FINAL_TYPE (XaAgreementBook, xa_agreement_book, XA, AGREEMENT_BOOK, GObject)

/* The agreements of an installation. Every change is one transaction of the store with
 * its audit entries; a refused change leaves the database as it was and sets an error
 * fit for the user, naming the school or the year. Property "school-year": the year the
 * live model shows. */
GQuark            xa_agreement_book_error_quark      (void);
XaAgreementBook  *xa_agreement_book_new              (XaSchoolRegistry   *registry,
                                                      XaTemplateLibrary  *templates);
XaStore          *xa_agreement_book_get_store        (XaAgreementBook    *self);

int               xa_agreement_book_get_school_year  (XaAgreementBook    *self);
void              xa_agreement_book_set_school_year  (XaAgreementBook    *self,
                                                      int                 school_year);
GListModel       *xa_agreement_book_get_agreements   (XaAgreementBook    *self);

GListModel       *xa_agreement_book_list_year        (XaAgreementBook    *self,
                                                      int                 school_year,
                                                      GError            **error);
GListModel       *xa_agreement_book_list_revisions   (XaAgreementBook    *self,
                                                      const char         *school_uuid,
                                                      int                 school_year,
                                                      GError            **error);
XaAgreement      *xa_agreement_book_dup_by_uuid      (XaAgreementBook    *self,
                                                      const char         *uuid,
                                                      GError            **error);
XaAgreement      *xa_agreement_book_dup_current      (XaAgreementBook    *self,
                                                      const char         *school_uuid,
                                                      int                 school_year,
                                                      GError            **error);

XaAgreement      *xa_agreement_book_generate         (XaAgreementBook    *self,
                                                      const char         *school_uuid,
                                                      int                 school_year,
                                                      GError            **error);
gboolean          xa_agreement_book_generate_all     (XaAgreementBook    *self,
                                                      int                 school_year,
                                                      guint              *n_made,
                                                      GError            **error);
gboolean          xa_agreement_book_update           (XaAgreementBook    *self,
                                                      XaAgreement        *agreement,
                                                      GError            **error);
gboolean          xa_agreement_book_advance          (XaAgreementBook    *self,
                                                      const char         *uuid,
                                                      XaAgreementState    to,
                                                      GError            **error);
XaAgreement      *xa_agreement_book_revise           (XaAgreementBook    *self,
                                                      const char         *uuid,
                                                      GError            **error);
XaTemplate       *xa_agreement_book_dup_template     (XaAgreementBook    *self,
                                                      XaAgreement        *agreement,
                                                      GError            **error);

/* The school's supplementary clauses (补充条款) of a draft, read back with
 * xa_agreement_get_supplements() (xa-agreement-book-supplements.c). */
char             *xa_agreement_book_add_supplement   (XaAgreementBook    *self,
                                                      const char         *agreement_uuid,
                                                      const char         *text,
                                                      GError            **error);
gboolean          xa_agreement_book_set_supplement   (XaAgreementBook    *self,
                                                      const char         *uuid,
                                                      const char         *text,
                                                      GError            **error);
gboolean          xa_agreement_book_remove_supplement (XaAgreementBook   *self,
                                                      const char         *uuid,
                                                      GError            **error);
gboolean          xa_agreement_book_move_supplement  (XaAgreementBook    *self,
                                                      const char         *uuid,
                                                      guint               position,
                                                      GError            **error);
XaTemplateDiff   *xa_agreement_book_compare          (XaAgreementBook    *self,
                                                      const char         *uuid,
                                                      XaAgreementCompare  against,
                                                      GError            **error);

G_END_DECLS
