/* xa-incident-book.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-incident.h"
#include "xa-veto.h"
#include "core/store/xa-store.h"

G_BEGIN_DECLS

#define XA_INCIDENT_BOOK_ERROR (xa_incident_book_error_quark ())

typedef enum
{
  XA_INCIDENT_BOOK_ERROR_INVALID,    /* a field that breaks a rule: the message names it */
  XA_INCIDENT_BOOK_ERROR_NOT_FOUND,  /* the school or the incident is not there */
} XaIncidentBookError;

#define XA_TYPE_INCIDENT_BOOK (xa_incident_book_get_type ())

G_DECLARE_FINAL_TYPE (XaIncidentBook, xa_incident_book, XA, INCIDENT_BOOK, GObject)

/* The incidents of an installation, on either engine (schema 18): each save one
 * transaction with its audit entry, noted under "incident"; on a server a school's login
 * reads and records only its own, the commission all. */
/* What an edit changes (xa_incident_book_edit()): 0 (an enum), -1 (a number or
 * @bad_influence) or %NULL leaves a field as recorded. */
typedef struct
{
  XaIncidentSeverity   severity;
  XaIncidentFinding    finding;
  int                  bad_influence;
  int                  affected;
  const char          *reported_on;
  XaIncidentReporting  reporting;
  const char          *summary;
} XaIncidentEdit;

#define XA_INCIDENT_EDIT_INIT { 0, 0, -1, -1, NULL, 0, NULL }

GQuark          xa_incident_book_error_quark (void);
XaIncidentBook *xa_incident_book_new         (XaStore                *store);

XaIncident     *xa_incident_book_add         (XaIncidentBook         *self,
                                              const XaIncidentFields *fields,
                                              GError                **error);
GPtrArray      *xa_incident_book_list        (XaIncidentBook         *self,
                                              const char             *school_uuid,
                                              int                     school_year,
                                              GError                **error);
XaStore        *xa_incident_book_get_store   (XaIncidentBook         *self);
XaIncident     *xa_incident_book_edit        (XaIncidentBook         *self,
                                              const char             *uuid,
                                              const XaIncidentEdit   *changes,
                                              GError                **error);
XaIncident     *xa_incident_book_dup_incident (XaIncidentBook        *self,
                                              const char             *uuid,
                                              GError                **error);
GPtrArray      *xa_incident_book_judge_year  (XaIncidentBook         *self,
                                              int                     school_year,
                                              const XaVetoEscalation *escalations,
                                              guint                   n_escalations,
                                              GError                **error);
GPtrArray      *xa_incident_book_judge_district (XaIncidentBook      *self,
                                                 int                  school_year,
                                                 GError             **error);

G_END_DECLS
