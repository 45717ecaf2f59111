/* xa-scheme.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "xa-indicator.h"

G_BEGIN_DECLS

#define XA_SCHEME_ERROR (xa_scheme_error_quark ())

typedef enum
{
  XA_SCHEME_ERROR_INVALID,   /* a field that breaks a rule: the message names the code and field */
  XA_SCHEME_ERROR_FORMAT,    /* a file that is not a scheme */
} XaSchemeError;

/* The grades of domain.md §2.3. */
typedef enum
{
  XA_GRADE_NONE = 0,     /* not scored yet */
  XA_GRADE_EXCELLENT,    /* 优秀 */
  XA_GRADE_GOOD,         /* 良好 */
  XA_GRADE_PASS,         /* 合格 */
  XA_GRADE_FAIL,         /* 不合格 (below the pass mark, or any veto) */
} XaGrade;

/* A first-level indicator (一级指标): A…G with its title and points. */
typedef struct
{
  char   *code;
  char   *title;
  double  points;
} XaSchemeGroup;

/* A veto item (一票否决) V1…V4: outside the points. */
typedef struct
{
  char *code;
  char *text;
  char *basis;
} XaSchemeVeto;

/* What differs between two schemes for one code (compare two years). */
typedef enum
{
  XA_SCHEME_CHANGE_ADDED,
  XA_SCHEME_CHANGE_REMOVED,
  XA_SCHEME_CHANGE_CHANGED,
} XaSchemeChangeKind;

typedef struct
{
  XaSchemeChangeKind  kind;
  char               *code;      /* an indicator, group, veto code, or "H" / "grades" / "total" */
  char               *summary;   /* one Chinese line: what changed (分值 3 → 4; 扣分标准…) */
} XaSchemeChange;

void   xa_scheme_change_free (XaSchemeChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaSchemeChange, xa_scheme_change_free)

#define XA_TYPE_SCHEME (xa_scheme_get_type ())

G_DECLARE_FINAL_TYPE (XaScheme, xa_scheme, XA, SCHEME, GObject)

/* The assessment scheme of a school year (考核细则), in one version: first-level groups,
 * second-level indicators, veto items, the H rule (八杜绝 events that are not vetoes:
 * @h_points each, at the commission's discretion) and the grade cut-offs. A version 0
 * scheme has not been stored. */
GQuark          xa_scheme_error_quark        (void);
XaScheme       *xa_scheme_new                (int           school_year);
XaScheme       *xa_scheme_new_default        (int           school_year);
XaScheme       *xa_scheme_copy               (XaScheme     *self);
XaScheme       *xa_scheme_copy_to_year       (XaScheme     *self,
                                              int           school_year);
gboolean        xa_scheme_equal              (XaScheme     *a,
                                              XaScheme     *b);

int             xa_scheme_get_school_year    (XaScheme     *self);
guint           xa_scheme_get_version        (XaScheme     *self);
void            xa_scheme_set_version        (XaScheme     *self,
                                              guint         version);
const char     *xa_scheme_get_title          (XaScheme     *self);
void            xa_scheme_set_title          (XaScheme     *self,
                                              const char   *title);
double          xa_scheme_get_total          (XaScheme     *self);
void            xa_scheme_set_total          (XaScheme     *self,
                                              double        total);

guint           xa_scheme_get_n_groups       (XaScheme     *self);
const XaSchemeGroup *xa_scheme_get_group     (XaScheme     *self,
                                              guint         index);
const XaSchemeGroup *xa_scheme_find_group    (XaScheme     *self,
                                              const char   *code);
void            xa_scheme_add_group          (XaScheme     *self,
                                              const char   *code,
                                              const char   *title,
                                              double        points);
gboolean        xa_scheme_set_group          (XaScheme     *self,
                                              const char   *code,
                                              const char   *title,
                                              double        points);

guint           xa_scheme_get_n_indicators   (XaScheme     *self);
XaIndicator    *xa_scheme_get_indicator      (XaScheme     *self,
                                              guint         index);
XaIndicator    *xa_scheme_find_indicator     (XaScheme     *self,
                                              const char   *code);
void            xa_scheme_add_indicator      (XaScheme     *self,
                                              XaIndicator  *indicator);
gboolean        xa_scheme_remove_indicator   (XaScheme     *self,
                                              const char   *code);

guint           xa_scheme_get_n_vetoes       (XaScheme     *self);
const XaSchemeVeto *xa_scheme_get_veto       (XaScheme     *self,
                                              guint         index);
const XaSchemeVeto *xa_scheme_find_veto      (XaScheme     *self,
                                              const char   *code);
void            xa_scheme_add_veto           (XaScheme     *self,
                                              const char   *code,
                                              const char   *text,
                                              const char   *basis);
gboolean        xa_scheme_set_veto           (XaScheme     *self,
                                              const char   *code,
                                              const char   *text,
                                              const char   *basis);

double          xa_scheme_get_h_points       (XaScheme     *self);
const char     *xa_scheme_get_h_text         (XaScheme     *self);
void            xa_scheme_set_h_rule         (XaScheme     *self,
                                              double        points_per_event,
                                              const char   *text);

/* The grade cut-offs: 优秀 ≥ @excellent, 良好 ≥ @good, 合格 ≥ @pass, else 不合格. */
void            xa_scheme_get_cutoffs        (XaScheme     *self,
                                              double       *excellent,
                                              double       *good,
                                              double       *pass);
void            xa_scheme_set_cutoffs        (XaScheme     *self,
                                              double        excellent,
                                              double        good,
                                              double        pass);
XaGrade         xa_scheme_grade              (XaScheme     *self,
                                              double        score,
                                              gboolean      vetoed);

gboolean        xa_scheme_validate           (XaScheme     *self,
                                              GError      **error);
GPtrArray      *xa_scheme_compare            (XaScheme     *old_scheme,
                                              XaScheme     *new_scheme);

JsonNode       *xa_scheme_to_json            (XaScheme     *self);
XaScheme       *xa_scheme_new_from_json      (JsonNode     *node,
                                              GError      **error);
char           *xa_scheme_to_data            (XaScheme     *self,
                                              gsize        *length);
XaScheme       *xa_scheme_new_from_data      (const char   *data,
                                              gssize        length,
                                              GError      **error);

const char     *xa_grade_to_key              (XaGrade       grade);
const char     *xa_grade_to_label            (XaGrade       grade);

G_END_DECLS
