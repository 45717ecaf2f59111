/* xa-inspection-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-inspection.h"
#include "xa-inspection-item.h"

G_BEGIN_DECLS

/* What only the book sets: the stored identity of an inspection, the version of the row
 * it was read from (0 for one not stored), and for an inspection read in a list without
 * its items, their counts. */
void      _xa_inspection_set_uuid          (XaInspection     *self,
                                            const char       *uuid);
void      _xa_inspection_set_number        (XaInspection     *self,
                                            const char       *number);
guint     _xa_inspection_get_row_version   (XaInspection     *self);
void      _xa_inspection_set_row_version   (XaInspection     *self,
                                            guint             row_version);
void      _xa_inspection_set_counts        (XaInspection     *self,
                                            guint             n_items,
                                            guint             n_abnormal,
                                            guint             n_unrecorded);
void      _xa_inspection_mark_items_loaded (XaInspection     *self);
void      _xa_inspection_assign            (XaInspection     *self,
                                            XaInspection     *fresh);

void      _xa_inspection_item_set_hazard   (XaInspectionItem *self,
                                            const char       *uuid,
                                            const char       *number);
void      _xa_inspection_item_assign       (XaInspectionItem *self,
                                            XaInspectionItem *fresh);

G_END_DECLS
