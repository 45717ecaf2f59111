/* xa-agreement-book-compare.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An agreement compared as the school signs it, its template version and then its
 * supplementary clauses: with that template, where the school's clauses are all that
 * differs, or with the revision it supersedes. The book reads both sides fresh, so that
 * the comparison holds objects nobody else changes.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-agreement-book.h"
#include "core/util/xa-school-year.h"

/**
 * xa_agreement_book_compare:
 * @uuid: an agreement, any revision
 * @against: what to compare it with
 *
 * Returns: (transfer full) (nullable): the comparison, the agreement as the newer text;
 *   %XA_AGREEMENT_BOOK_ERROR_NOT_FOUND, naming the school and the year, for
 *   %XA_AGREEMENT_COMPARE_PREVIOUS with the first revision
 */
XaTemplateDiff *
xa_agreement_book_compare (XaAgreementBook     *self,
                           const char          *uuid,
                           XaAgreementCompare   against,
                           GError             **error)
{
  g_autoptr(XaAgreement) agreement = NULL;
  g_autoptr(XaAgreement) previous = NULL;
  g_autoptr(XaTemplate) template = NULL;
  g_autoptr(XaTemplate) previous_template = NULL;

  g_return_val_if_fail (XA_IS_AGREEMENT_BOOK (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!(agreement = xa_agreement_book_dup_by_uuid (self, uuid, error)) ||
      !(template = xa_agreement_book_dup_template (self, agreement, error)))
    return NULL;

  if (against == XA_AGREEMENT_COMPARE_TEMPLATE)
    return xa_template_diff_new_for_agreements (template, NULL, template, agreement);

  if (xa_agreement_get_supersedes (agreement) == NULL)
    {
      g_autofree char *span = xa_school_year_format_span (xa_agreement_get_school_year (agreement));

      g_set_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NOT_FOUND,
                   _("School %s, %s: the agreement is in its first revision; there is no earlier one to compare it with"),
                   xa_agreement_get_school_code (agreement), span);
      return NULL;
    }

  if (!(previous = xa_agreement_book_dup_by_uuid (self, xa_agreement_get_supersedes (agreement), error)) ||
      !(previous_template = xa_agreement_book_dup_template (self, previous, error)))
    return NULL;

  return xa_template_diff_new_for_agreements (previous_template, previous, template, agreement);
}
