/* xa-hazard-ui.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/hazards/xa-hazard.h"
#include "core/hazards/xa-hazard-workflow.h"
#include "core/registry/xa-school-registry.h"

G_BEGIN_DECLS

void           xa_hazard_badge_set_state      (GtkWidget        *badge,
                                               XaHazardState     state);
void           xa_hazard_badge_set            (GtkWidget        *badge,
                                               const char       *text,
                                               const char       *badge_class);
gboolean       xa_hazard_is_overdue_today     (XaHazard         *hazard);
GtkStringList *xa_hazard_choices_new          (XaHazardField     field);
const char    *xa_hazard_choice_to_label      (XaHazardField     field,
                                               guint             value);
char          *xa_hazard_dup_school_name      (XaSchoolRegistry *registry,
                                               const char       *school_uuid);
char          *xa_hazard_dup_value_text       (XaHazard         *hazard,
                                               XaHazardField     field);
const char    *xa_hazard_step_who_label       (XaHazardStep      step);
const char    *xa_hazard_step_date_label      (XaHazardStep      step);
const char    *xa_hazard_step_note_label      (XaHazardStep      step);

void           xa_hazard_pick_school_async    (GtkWidget           *widget,
                                               XaSchoolRegistry    *registry,
                                               const char          *current_uuid,
                                               gboolean             offer_all,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
char          *xa_hazard_pick_school_finish   (GAsyncResult        *result,
                                               gboolean            *picked);

G_END_DECLS
