/* xa-template-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-template-library.h"
#include "xa-template.h"

G_BEGIN_DECLS

/* The limits that a template must keep, in the JSON form and in the editor alike: far
 * above any real agreement, low enough that a damaged file cannot eat the memory. */
#define XA_TEMPLATE_MAX_JSON_BYTES    (4 * 1024 * 1024)
#define XA_TEMPLATE_MAX_CLAUSES       2000
#define XA_TEMPLATE_MAX_TEXT_CHARS    20000
#define XA_TEMPLATE_MAX_HEADING_CHARS 500
#define XA_TEMPLATE_MAX_NUMBER_CHARS  16
#define XA_TEMPLATE_MAX_NAME_CHARS    200
#define XA_TEMPLATE_MAX_ID_CHARS      64

struct _XaTemplate
{
  GObject          parent_instance;

  /* Owned references */
  GListStore      *clauses;

  char            *uuid;
  char            *name;
  char            *source;
  char            *signature_id;
  GPtrArray       *signers;       /* of XaSigner, in the order they sign */
  GPtrArray       *party_lines;   /* of XaFormLine, the lines under the title */
  char            *shared_date;   /* one date line under all parties, or "" */
  char            *numbering[XA_CLAUSE_KIND_CLOSING + 1];  /* by kind: the style of each
                                                           * numbered level, "none" or NULL */
  XaSignatureLayout signature_layout;
  int              school_year;
  int              version;
  guint            frozen : 1;
  guint            legacy_year_style : 1;
};

XaTemplate *_xa_template_new_empty   (void);
void        _xa_template_set_uuid    (XaTemplate  *self,
                                      const char  *uuid);
void        _xa_template_set_version (XaTemplate  *self,
                                      int          version);
void        _xa_template_set_frozen  (XaTemplate  *self,
                                      gboolean     frozen);
void        _xa_template_set_source  (XaTemplate  *self,
                                      const char  *source);
void        _xa_template_set_numbering (XaTemplate   *self,
                                        XaClauseKind  kind,
                                        const char   *style);
gboolean    _xa_template_id_is_valid (const char  *id);
XaClause   *_xa_template_find_in     (GListModel  *model,
                                      const char  *id,
                                      GListStore **parent_list,
                                      guint       *position);
gboolean    _xa_template_check_placeholders (const char  *text,
                                             const char  *place,
                                             GError     **error);

/* How many times the library's live model read templates: the tests count them. */
guint _xa_template_library_get_n_loads (XaTemplateLibrary *self);

G_END_DECLS
