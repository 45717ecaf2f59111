/* xa-education-page-rows.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The education section's lists (see xa-education-page-private.h): a session's, a
 * drill's, an incident's and a vetoed school's row, and what activating one opens: the
 * record's window (xa-education-viewer.c), or for a school of the veto list its
 * incidents.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-education-page-private.h"
#include "xa-education-viewer.h"
#include "xa-ui-utils.h"

/* Rows */

static GtkWidget *
badge_row (const char *title,
           const char *caption,
           const char *badge,
           const char *badge_class)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *child = xa_badge_row_new ();

  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  xa_badge_row_set (child, title, caption, badge, badge_class);
  return row;
}

/* How many of @record's absentees came to its make-ups, among the year's sessions. */
static guint
count_made_up (XaEducationPage   *self,
               XaEducationRecord *record)
{
  GListModel *sessions = G_LIST_MODEL (self->sessions);
  const char *uuid = xa_education_record_get_uuid (record);
  guint made_up = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(XaEducationRecord) other = g_list_model_get_item (sessions, i);

      if (g_strcmp0 (xa_education_record_get_makes_up_uuid (other), uuid) == 0)
        made_up += xa_education_record_get_present (other);
    }
  return made_up;
}

static GtkWidget *
create_session_row (gpointer item,
                    gpointer user_data)
{
  XaEducationPage *self = user_data;
  XaEducationRecord *record = item;
  g_autofree char *audience = xa_education_record_dup_audience_label (record);
  g_autofree char *topic = xa_education_dup_topic_label (xa_education_record_get_topic (record));
  const char *title_text = xa_education_record_get_title (record);
  g_autofree char *title = g_strdup_printf ("%s  %s · %s", xa_education_record_get_held_on (record), audience,
                                            xa_education_form_to_label (xa_education_record_get_form (record)));
  /* Translators: a session's row: its topic or title, teacher, present of expected */
  g_autofree char *caption = g_strdup_printf (_("%s · %s · %u/%u present"),
                                              title_text != NULL && *title_text != '\0' ? title_text : topic,
                                              xa_education_record_get_teacher (record),
                                              xa_education_record_get_present (record),
                                              xa_education_record_get_expected (record));
  guint absent = xa_education_record_get_expected (record) - xa_education_record_get_present (record);
  guint made_up = count_made_up (self, record);
  g_autofree char *badge = NULL;
  const char *badge_class = "pending";

  if (xa_education_record_get_makes_up_uuid (record) != NULL)
    {
      badge = g_strdup (_("Make-up"));
      badge_class = "signed";
    }
  else if (absent > 0 && made_up >= absent)
    {
      /* Every absentee came to a make-up: the session no longer owes anyone. */
      badge = g_strdup (_("Made up"));
      badge_class = "signed";
    }
  else if (absent > 0)
    {
      absent -= made_up;
      badge = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u absent", "%u absent", absent), absent);
    }
  return badge_row (title, caption, badge, badge_class);
}

static GtkWidget *
create_drill_row (gpointer item,
                  gpointer user_data)
{
  XaDrill *drill = item;
  g_autofree char *kind = xa_drill_dup_kind_label (drill);
  g_autofree char *title = g_strdup_printf ("%s  %s", xa_drill_get_held_on (drill), kind);
  g_autofree char *caption = NULL;
  g_autofree char *badge = NULL;
  guint open = 0;

  for (guint i = 0; i < xa_drill_get_n_problems (drill); i++)
    open += xa_drill_get_problem_hazard_uuid (drill, i) == NULL || *xa_drill_get_problem_hazard_uuid (drill, i) == '\0';
  if (xa_drill_get_evacuation_seconds (drill) > 0)
    /* Translators: a drill's row: organiser, participants, evacuation time in seconds */
    caption = g_strdup_printf (_("%s · %d participants · evacuated in %d s"), xa_drill_get_organiser (drill),
                               xa_drill_get_participants (drill), xa_drill_get_evacuation_seconds (drill));
  else
    /* Translators: a drill's row: organiser, participants */
    caption = g_strdup_printf (_("%s · %d participants"), xa_drill_get_organiser (drill),
                               xa_drill_get_participants (drill));
  if (open > 0)
    /* Translators: a drill's problems not yet in the hazard ledger */
    badge = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem open", "%u problems open", open), open);
  else if (xa_drill_get_evacuation_seconds (drill) > 0 && xa_drill_get_target_seconds (drill) > 0)
    badge = g_strdup (xa_drill_get_within_target (drill) ? _("Within target") : _("Over target"));
  return badge_row (title, caption, badge,
                    open > 0 || (badge != NULL && !xa_drill_get_within_target (drill)) ? "pending" : "signed");
}

static const char *
veto_class (XaVetoState state)
{
  return state == XA_VETO_STATE_VETOED ? "removed" : state == XA_VETO_STATE_PENDING ? "pending" : "signed";
}

static GtkWidget *
create_incident_row (gpointer item,
                     gpointer user_data)
{
  XaIncident *incident = item;
  g_autofree char *title = g_strdup_printf ("%s  %s", xa_incident_get_occurred_on (incident),
                                            xa_incident_kind_to_label (xa_incident_get_kind (incident)));
  /* Translators: an incident's row: severity, finding, reporting, people affected */
  g_autofree char *caption = g_strdup_printf (_("%s · %s · %s · %d affected"),
                                              xa_incident_severity_to_label (xa_incident_get_severity (incident)),
                                              xa_incident_finding_to_label (xa_incident_get_finding (incident)),
                                              xa_incident_reporting_to_label (xa_incident_get_reporting (incident)),
                                              xa_incident_get_affected (incident));
  XaVetoState state = xa_veto_judge_incident (incident, NULL, NULL);

  return badge_row (title, caption, xa_veto_state_to_label (state), veto_class (state));
}

static GtkWidget *
create_verdict_row (gpointer item,
                    gpointer user_data)
{
  XaVetoVerdict *verdict = item;
  g_autoptr(GString) reasons = g_string_new (NULL);
  GtkWidget *row;
  GtkWidget *caption;

  /* The grounds of the veto or of its pending; what only costs points is the summary's. */
  for (guint i = 0; i < xa_veto_verdict_get_n_reasons (verdict); i++)
    {
      if (xa_veto_verdict_get_reason_state (verdict, i) == XA_VETO_STATE_CLEAR)
        continue;
      if (reasons->len > 0)
        g_string_append (reasons, "\n");
      g_string_append (reasons, xa_veto_verdict_get_reason_text (verdict, i));
    }
  row = badge_row (xa_veto_verdict_get_school_name (verdict), reasons->str,
                   xa_veto_state_to_label (xa_veto_verdict_get_state (verdict)),
                   veto_class (xa_veto_verdict_get_state (verdict)));
  /* The reasons are the point: they wrap rather than end in an ellipsis. */
  caption = gtk_widget_get_next_sibling (gtk_widget_get_first_child (gtk_widget_get_first_child (
              gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)))));
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (caption), PANGO_WRAP_WORD_CHAR);
  return row;
}

/* Opening a record */

static void
open_viewer (XaEducationPage *self,
             GObject         *item)
{
  GtkWidget *viewer;

  if (item == NULL)
    return;
  viewer = xa_education_viewer_new (self->workspace, item, _xa_education_page_get_school_name (self), self->today);
  gtk_window_set_transient_for (GTK_WINDOW (viewer), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (viewer));
}

static void
session_activated_cb (XaEducationPage *self,
                      GtkListBoxRow   *row)
{
  g_autoptr(XaEducationRecord) listed = g_list_model_get_item (G_LIST_MODEL (self->shown),
                                                               gtk_list_box_row_get_index (row));

  open_viewer (self, G_OBJECT (listed));
}

static void
drill_activated_cb (XaEducationPage *self,
                    GtkListBoxRow   *row)
{
  g_autoptr(XaDrill) listed = g_list_model_get_item (G_LIST_MODEL (self->drills), gtk_list_box_row_get_index (row));

  open_viewer (self, G_OBJECT (listed));
}

static void
incident_activated_cb (XaEducationPage *self,
                       GtkListBoxRow   *row)
{
  g_autoptr(XaIncident) listed = g_list_model_get_item (G_LIST_MODEL (self->incidents),
                                                        gtk_list_box_row_get_index (row));

  open_viewer (self, G_OBJECT (listed));
}

/* A school of the veto list: its incidents. */
static void
veto_activated_cb (XaEducationPage *self,
                   GtkListBoxRow   *row)
{
  g_autoptr(XaVetoVerdict) verdict = g_list_model_get_item (G_LIST_MODEL (self->verdicts),
                                                            gtk_list_box_row_get_index (row));

  if (verdict == NULL)
    return;
  xa_education_page_set_school (self, xa_veto_verdict_get_school_uuid (verdict));
  adw_view_stack_set_visible_child_name (self->view_stack, "incidents");
}

void
_xa_education_page_bind_lists (XaEducationPage *self)
{
  gtk_list_box_bind_model (self->sessions_list, G_LIST_MODEL (self->shown), create_session_row, self, NULL);
  gtk_list_box_bind_model (self->drills_list, G_LIST_MODEL (self->drills), create_drill_row, self, NULL);
  gtk_list_box_bind_model (self->incidents_list, G_LIST_MODEL (self->incidents), create_incident_row, self, NULL);
  gtk_list_box_bind_model (self->veto_list, G_LIST_MODEL (self->verdicts), create_verdict_row, self, NULL);
}

void
_xa_education_page_class_add_rows (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, drill_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, incident_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, session_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, veto_activated_cb);
}
