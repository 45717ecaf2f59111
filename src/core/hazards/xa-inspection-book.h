/* xa-inspection-book.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-campaign.h"
#include "xa-campaign-grid.h"
#include "xa-campaign-record.h"
#include "xa-checklist.h"
#include "xa-hazard-book.h"
#include "xa-inspection.h"
#include "xa-inspection-plan.h"
#include "xa-school-calendar.h"

G_BEGIN_DECLS

#define XA_INSPECTION_BOOK_ERROR (xa_inspection_book_error_quark ())

typedef enum
{
  XA_INSPECTION_BOOK_ERROR_NOT_FOUND,     /* no inspection, campaign or record by that key */
  XA_INSPECTION_BOOK_ERROR_CHANGED,       /* someone else saved it since it was read */
  XA_INSPECTION_BOOK_ERROR_LINKED,        /* the item became a hazard: it keeps its finding */
  XA_INSPECTION_BOOK_ERROR_NOT_ABNORMAL,  /* only an abnormal item becomes a hazard */
  XA_INSPECTION_BOOK_ERROR_NOT_LAUNCHED,  /* the school year has no campaigns yet */
} XaInspectionBookError;

#define XA_TYPE_INSPECTION_BOOK (xa_inspection_book_get_type ())

G_DECLARE_FINAL_TYPE (XaInspectionBook, xa_inspection_book, XA, INSPECTION_BOOK, GObject)

/* The inspections, checklists, school calendars and special campaigns of an
 * installation, on either engine (xa-store-schema.c step 12). Every change is one
 * transaction of the store with its audit entry, noted under the kind of its table
 * ("inspection", "checklist", "school_calendar", "campaign", "campaign_record"); a
 * refused change leaves the database as it was and says why, naming the field, the item
 * or the record. On a server a school's login reads and writes only its own
 * inspections and campaign records, and reads the commission's checklists, calendars
 * and campaigns. */
GQuark             xa_inspection_book_error_quark  (void);
XaInspectionBook  *xa_inspection_book_new          (XaSchoolRegistry   *registry,
                                                    XaHazardBook       *hazards);
XaStore           *xa_inspection_book_get_store    (XaInspectionBook   *self);
XaHazardBook      *xa_inspection_book_get_hazards  (XaInspectionBook   *self);

/* Inspections */

/* Records a new inspection: gives it a UUID and the next number of its school and year
 * (2021-2022-<学校标识码>-JC0001), validates it and saves it with its items. */
gboolean           xa_inspection_book_add          (XaInspectionBook   *self,
                                                    XaInspection       *inspection,
                                                    GError            **error);
/* Saves an inspection's edited fields and items over the stored copy it was read from
 * (%XA_INSPECTION_BOOK_ERROR_CHANGED when that moved on). Its school and school year do
 * not change; an item that became a hazard stays where it is with its finding
 * (%XA_INSPECTION_BOOK_ERROR_LINKED); its place and note may still be completed. */
gboolean           xa_inspection_book_update       (XaInspectionBook   *self,
                                                    XaInspection       *inspection,
                                                    GError            **error);
XaInspection      *xa_inspection_book_dup_by_uuid  (XaInspectionBook   *self,
                                                    const char         *uuid,
                                                    GError            **error);
XaInspection      *xa_inspection_book_dup_by_number (XaInspectionBook  *self,
                                                    const char         *number,
                                                    GError            **error);
/* The inspections of a school (or, NULL, of every school the login reads) in a school
 * year (or, 0, every year), newest first, without their items but with their counts. */
GPtrArray         *xa_inspection_book_list         (XaInspectionBook   *self,
                                                    const char         *school_uuid,
                                                    int                 school_year,
                                                    GError            **error);

/* Turns the abnormal item @index of a stored inspection into a hazard of the ledger, in
 * one transaction: the hazard is recorded as xa_hazard_book_add() records it, with the
 * inspection's school and year, and the item is linked to it. @hazard is usually made
 * by xa_inspection_new_hazard() and completed by the user. On success @hazard carries
 * its number and @inspection the link; on failure nothing of either was stored. */
gboolean           xa_inspection_book_record_hazard (XaInspectionBook  *self,
                                                    XaInspection       *inspection,
                                                    guint               index,
                                                    XaHazard           *hazard,
                                                    GError            **error);
/* The inspection whose item became the hazard @hazard_uuid, and that item's index, or
 * %NULL without an error for a hazard found otherwise. */
XaInspection      *xa_inspection_book_dup_hazard_source (XaInspectionBook *self,
                                                    const char         *hazard_uuid,
                                                    guint              *index,
                                                    GError            **error);

/* Checklists */

/* The checklists in use: the shipped ones, each replaced by the commission's version
 * where it saved one, then those it added. */
GPtrArray         *xa_inspection_book_dup_checklists (XaInspectionBook *self,
                                                    GError            **error);
gboolean           xa_inspection_book_save_checklist (XaInspectionBook *self,
                                                    XaChecklist        *checklist,
                                                    GError            **error);
/* Goes back to the shipped checklist of @area (or drops an area the commission added). */
gboolean           xa_inspection_book_reset_checklist (XaInspectionBook *self,
                                                    const char         *area,
                                                    GError            **error);

/* School calendars and plans */

/* The calendar the commission saved for @school_year, or the default one. */
XaSchoolCalendar  *xa_inspection_book_dup_calendar (XaInspectionBook   *self,
                                                    int                 school_year,
                                                    GError            **error);
XaSchoolCalendar  *xa_inspection_read_calendar     (XaStore            *store,
                                                    int                 school_year,
                                                    GError            **error);
gboolean           xa_inspection_book_save_calendar (XaInspectionBook  *self,
                                                    XaSchoolCalendar   *calendar,
                                                    GError            **error);
/* A school's plan for @school_year with its inspections recorded, the states as on
 * @today (YYYY-MM-DD; NULL for the local date). */
XaInspectionPlan  *xa_inspection_book_dup_plan     (XaInspectionBook   *self,
                                                    const char         *school_uuid,
                                                    int                 school_year,
                                                    const char         *today,
                                                    GError            **error);
/* The missed inspections (XaPlanSlot, each naming its school) of one school, or of
 * every school the login reads, by school code then date, as on @today. */
GPtrArray         *xa_inspection_book_list_missed  (XaInspectionBook   *self,
                                                    const char         *school_uuid,
                                                    int                 school_year,
                                                    const char         *today,
                                                    GError            **error);

/* Special campaigns */

/* Launches the default catalogue's campaigns for @school_year; those launched already
 * stay as they are. @n_launched: how many were new. */
gboolean           xa_inspection_book_launch_campaigns (XaInspectionBook *self,
                                                    int                 school_year,
                                                    guint              *n_launched,
                                                    GError            **error);
/* The campaigns of @school_year (XaCampaign), in the catalogue's order. */
GPtrArray         *xa_inspection_book_list_campaigns (XaInspectionBook *self,
                                                    int                 school_year,
                                                    GError            **error);
/* A school's record of a campaign: the stored one, or a new empty one. */
XaCampaignRecord  *xa_inspection_book_dup_campaign_record (XaInspectionBook *self,
                                                    const char         *campaign_uuid,
                                                    const char         *school_uuid,
                                                    GError            **error);
gboolean           xa_inspection_book_save_campaign_record (XaInspectionBook *self,
                                                    XaCampaignRecord   *record,
                                                    GError            **error);
XaCampaignGrid    *xa_inspection_book_dup_campaign_grid (XaInspectionBook *self,
                                                    int                 school_year,
                                                    GError            **error);

G_END_DECLS
