/* xa-education-evidence.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/archive/xa-archive.h"

G_BEGIN_DECLS

#define XA_TYPE_EDUCATION_EVIDENCE (xa_education_evidence_get_type ())

G_DECLARE_FINAL_TYPE (XaEducationEvidence, xa_education_evidence, XA, EDUCATION_EVIDENCE, GtkWidget)

void      xa_education_evidence_set_archive (XaEducationEvidence *self,
                                             XaArchive           *archive,
                                             const char          *school_uuid,
                                             int                  school_year);
GStrv     xa_education_evidence_dup_uuids   (XaEducationEvidence *self);
gboolean  xa_education_evidence_get_busy    (XaEducationEvidence *self);
void      xa_education_evidence_set_heading (XaEducationEvidence *self,
                                             const char          *title,
                                             const char          *description);
void      xa_education_evidence_attach      (XaEducationEvidence *self,
                                             const char * const  *paths);

G_END_DECLS
