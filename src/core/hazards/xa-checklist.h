/* xa-checklist.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "xa-hazard.h"

G_BEGIN_DECLS

#define XA_CHECKLIST_ERROR (xa_checklist_error_quark ())

typedef enum
{
  XA_CHECKLIST_ERROR_INVALID,  /* the message names the checklist and, where it is one, the item */
} XaChecklistError;

#define XA_CHECKLIST_MAX_ITEMS 100

#define XA_TYPE_CHECKLIST (xa_checklist_get_type ())

G_DECLARE_FINAL_TYPE (XaChecklist, xa_checklist, XA, CHECKLIST, GObject)

/* The checklist of one area of a school (检查部位: 校舍, 消防, 用电, …): what an
 * inspector checks there, one line each, as the school's checklist reads, with the hazard
 * category an abnormal finding falls under (the area's, unless the line says otherwise)
 * and the place a hazard found there is recorded at by default ("" when the area is
 * everywhere, as 消防 is). The defaults ship with the program (data/inspections/
 * checklists.json); the commission changes them for its district (XaInspectionBook). */
GQuark            xa_checklist_error_quark      (void);
XaChecklist      *xa_checklist_new              (const char        *area,
                                                 const char        *name);
XaChecklist      *xa_checklist_copy             (XaChecklist       *self);

const char       *xa_checklist_get_area         (XaChecklist       *self);
const char       *xa_checklist_get_name         (XaChecklist       *self);
void              xa_checklist_set_name         (XaChecklist       *self,
                                                 const char        *name);
const char       *xa_checklist_get_place        (XaChecklist       *self);
void              xa_checklist_set_place        (XaChecklist       *self,
                                                 const char        *place);
XaHazardCategory  xa_checklist_get_category     (XaChecklist       *self);
void              xa_checklist_set_category     (XaChecklist       *self,
                                                 XaHazardCategory   category);

guint             xa_checklist_get_n_items      (XaChecklist       *self);
const char       *xa_checklist_get_item_text    (XaChecklist       *self,
                                                 guint              index);
XaHazardCategory  xa_checklist_get_item_category (XaChecklist      *self,
                                                 guint              index);
void              xa_checklist_append_item      (XaChecklist       *self,
                                                 const char        *text,
                                                 XaHazardCategory   category);
void              xa_checklist_clear_items      (XaChecklist       *self);
gboolean          xa_checklist_get_is_default   (XaChecklist       *self);

gboolean          xa_checklist_validate         (XaChecklist       *self,
                                                 GError           **error);

/* The checklist as one object of checklists.json, and back; a refused object names its
 * checklist, item and member. */
JsonNode         *xa_checklist_to_json          (XaChecklist       *self);
XaChecklist      *xa_checklist_from_json        (JsonNode          *node,
                                                 GError           **error);

/* The shipped checklists, in their order (XaChecklist). */
GPtrArray        *xa_checklist_dup_defaults     (GError           **error);

G_END_DECLS
