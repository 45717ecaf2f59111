/* xa-template.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-clause.h"
#include "xa-signer.h"
#include "xa-text-outline.h"

G_BEGIN_DECLS

#define XA_TEMPLATE_ERROR (xa_template_error_quark ())

typedef enum
{
  XA_TEMPLATE_ERROR_PARSE,     /* not JSON, or not our format; the message names the place */
  XA_TEMPLATE_ERROR_INVALID,   /* a clause is wrong: duplicate id, unknown kind, missing text */
  XA_TEMPLATE_ERROR_NOT_FOUND, /* no clause with that id */
} XaTemplateError;

#define XA_TYPE_TEMPLATE (xa_template_get_type ())

G_DECLARE_FINAL_TYPE (XaTemplate, xa_template, XA, TEMPLATE, GObject)

/* A versioned tree of clauses for one school year. Properties: "uuid", "school-year"
 * (start year), "version", "name", "frozen" (a signed agreement uses it: saving makes a
 * new version). The JSON form is data/templates/agreement-2021-2022.json's. */
GQuark       xa_template_error_quark       (void);
XaTemplate  *xa_template_new_from_json     (const char   *json,
                                            gssize        length,
                                            GError      **error);
char        *xa_template_to_json           (XaTemplate   *self);
const char  *xa_template_get_uuid          (XaTemplate   *self);
int          xa_template_get_school_year   (XaTemplate   *self);
int          xa_template_get_version       (XaTemplate   *self);
const char  *xa_template_get_name          (XaTemplate   *self);
gboolean     xa_template_get_frozen        (XaTemplate   *self);
gboolean     xa_template_get_legacy_year_style (XaTemplate *self);
void         xa_template_set_legacy_year_style (XaTemplate *self,
                                                gboolean    legacy);
GListModel  *xa_template_get_clauses       (XaTemplate   *self);
XaClause    *xa_template_find_clause       (XaTemplate   *self,
                                            const char   *id);

/* Editing. New clauses get fresh stable ids; numbers of the siblings are set again in the
 * template's style for their level (by default 一、（一）1.①; none for an unnumbered
 * level) after an insert, a removal or a move. */
XaClause    *xa_template_insert_clause     (XaTemplate   *self,
                                            const char   *parent_id,
                                            guint         position,
                                            XaClauseKind  kind,
                                            GError      **error);
gboolean     xa_template_remove_clause     (XaTemplate   *self,
                                            const char   *id,
                                            GError      **error);
gboolean     xa_template_move_clause       (XaTemplate   *self,
                                            const char   *id,
                                            int           offset,
                                            GError      **error);
const char  *xa_template_get_numbering     (XaTemplate   *self,
                                            XaClauseKind  kind);
gboolean     xa_template_set_numbering     (XaTemplate   *self,
                                            XaClauseKind  kind,
                                            const char   *style,
                                            GError      **error);

/* Placeholder values for one school; NULL values leave the placeholder visible. */
typedef struct
{
  int         school_year;
  gboolean    legacy_year_style;   /* "2021-2022学年度" instead of "2021—2022学年度" */
  const char *school_name;
  const char *commission_name;
  const char *first_responsible;
  const char *direct_responsible;
} XaTemplateValues;

char        *xa_template_expand            (const char              *text,
                                            const XaTemplateValues  *values);

/* A placeholder a template may hold, written {name}. */
typedef struct
{
  const char *name;
  const char *description;  /* in English, translated when shown */
} XaPlaceholder;

const XaPlaceholder *xa_template_get_placeholders (guint       *n_placeholders);
gboolean     xa_template_is_placeholder    (const char   *name,
                                            gssize        length);
char        *xa_district_from_commission   (const char   *commission_name);

/* Additions to the contract above. */
void         xa_template_set_school_year   (XaTemplate   *self,
                                            int           school_year);
void         xa_template_set_name          (XaTemplate   *self,
                                            const char   *name);
const char  *xa_template_get_source        (XaTemplate   *self);
gboolean     xa_template_find_parent       (XaTemplate   *self,
                                            const char   *id,
                                            XaClause    **parent,
                                            guint        *position);
XaTemplate  *xa_template_copy              (XaTemplate   *self);

guint              xa_template_get_n_signers        (XaTemplate        *self);
const XaSigner    *xa_template_get_signer           (XaTemplate        *self,
                                                     guint              index);
const XaSigner    *xa_template_find_signer          (XaTemplate        *self,
                                                     const char        *role);
XaSignatureLayout  xa_template_get_signature_layout (XaTemplate        *self);
const char        *xa_template_get_shared_date      (XaTemplate        *self);
void               xa_template_set_signature        (XaTemplate        *self,
                                                     GPtrArray         *signers,
                                                     XaSignatureLayout  layout,
                                                     const char        *shared_date);
guint              xa_template_get_n_copies         (XaTemplate        *self);
GPtrArray         *xa_template_get_party_lines      (XaTemplate        *self);
void               xa_template_set_party_lines      (XaTemplate        *self,
                                                     GPtrArray         *lines);
gboolean     xa_template_equal_content     (XaTemplate   *a,
                                            XaTemplate   *b);
gboolean     xa_template_validate          (XaTemplate   *self,
                                            GError      **error);

gboolean     xa_template_set_clause_kind   (XaTemplate   *self,
                                            const char   *id,
                                            XaClauseKind  kind,
                                            GError      **error);
gboolean     xa_template_move_clause_to    (XaTemplate   *self,
                                            const char   *id,
                                            const char   *parent_id,
                                            guint         position,
                                            XaClauseKind  kind,
                                            GError      **error);
XaTemplate  *xa_template_new_blank         (int           school_year,
                                            const char   *name);
char        *xa_template_dup_new_id        (XaTemplate   *self);

G_END_DECLS
