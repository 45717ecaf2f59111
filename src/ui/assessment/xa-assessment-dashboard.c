/* xa-assessment-dashboard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 考核 section's dashboard (issue 14): the grade distribution and each school's
 * scores by first-level indicator, as the district summary prints them — the same chart
 * builders (xa-district-report.c) and the same primitive (xa-chart), drawn with Cairo
 * into drawing areas on white, like paper. The page hands the year's assessments over
 * after every change, so the charts follow the scores. The stacked chart grows a row
 * per school; the page scrolls.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-assessment-dashboard.h"
#include "core/assessment/xa-assessment.h"
#include "document/xa-district-report.h"

/* The charts' text, in pixels. */
#define SCREEN_FONT_SIZE 12

struct _XaAssessmentDashboard
{
  GtkWidget       parent_instance;

  /* Owned references */
  XaChart        *grades;
  XaChart        *groups;

  /* Template widgets */
  GtkDrawingArea *grades_area;
  GtkDrawingArea *groups_area;

  /* State */
  int             wanted_height;
  guint           resize_id;
};

G_DEFINE_FINAL_TYPE (XaAssessmentDashboard, xa_assessment_dashboard, GTK_TYPE_WIDGET)

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  XaChart *chart = *(XaChart **) user_data;

  if (chart == NULL)
    return;
  /* The charts are drawn for paper: they keep its white in the dark style too. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  xa_chart_draw (chart, cr, gtk_widget_get_pango_context (GTK_WIDGET (area)), NULL, 12, 12, width - 24, height - 24);
}

static gboolean
set_height_cb (gpointer user_data)
{
  XaAssessmentDashboard *self = user_data;

  self->resize_id = 0;
  gtk_drawing_area_set_content_height (self->groups_area, self->wanted_height);
  return G_SOURCE_REMOVE;
}

/* A row chart as tall as its rows need at the width it has. */
static void
resize_cb (GtkDrawingArea        *area,
           int                    width,
           int                    height,
           XaAssessmentDashboard *self)
{
  XaChart *chart = area == self->groups_area ? self->groups : self->grades;
  int wanted;

  if (chart == NULL || width <= 24)
    return;
  wanted = (int) xa_chart_get_natural_height (chart, width - 24);
  /* Every school a row: as tall as the rows that fit say. */
  while (xa_chart_get_rows_fitting (chart, width - 24, wanted) < xa_chart_get_n_categories (chart) && wanted < 100000)
    wanted += 24;
  wanted += 24;
  self->wanted_height = MAX (wanted, 200);
  /* A resize asked for while the area is being allocated would be lost: after it. */
  if (self->wanted_height != gtk_drawing_area_get_content_height (area) && self->resize_id == 0)
    self->resize_id = g_idle_add (set_height_cb, self);
}

static void
xa_assessment_dashboard_dispose (GObject *object)
{
  XaAssessmentDashboard *self = XA_ASSESSMENT_DASHBOARD (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_ASSESSMENT_DASHBOARD);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_handle_id (&self->resize_id, g_source_remove);
  g_clear_pointer (&self->grades, xa_chart_unref);
  g_clear_pointer (&self->groups, xa_chart_unref);
  G_OBJECT_CLASS (xa_assessment_dashboard_parent_class)->dispose (object);
}

static void
xa_assessment_dashboard_class_init (XaAssessmentDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_assessment_dashboard_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-assessment-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentDashboard, grades_area);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentDashboard, groups_area);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xa_assessment_dashboard_init (XaAssessmentDashboard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->grades_area, draw_cb, &self->grades, NULL);
  gtk_drawing_area_set_draw_func (self->groups_area, draw_cb, &self->groups, NULL);
  g_signal_connect_object (self->groups_area, "resize", G_CALLBACK (resize_cb), self, 0);
}

/**
 * xa_assessment_dashboard_set_assessments:
 * @assessments: (element-type XaAssessment): the year's, as the commission may see them
 */
void
xa_assessment_dashboard_set_assessments (XaAssessmentDashboard *self,
                                         GPtrArray             *assessments)
{
  guint counts[XA_GRADE_FAIL + 1] = { 0 };
  g_autoptr(GPtrArray) ranked = NULL;
  int width;

  g_return_if_fail (XA_IS_ASSESSMENT_DASHBOARD (self));
  g_return_if_fail (assessments != NULL);

  for (guint i = 0; i < assessments->len; i++)
    {
      XaGrade grade = xa_assessment_get_grade (assessments->pdata[i]);

      counts[grade <= XA_GRADE_FAIL ? grade : XA_GRADE_NONE]++;
    }
  g_clear_pointer (&self->grades, xa_chart_unref);
  g_clear_pointer (&self->groups, xa_chart_unref);
  /* On screen the labels are read at the size of the window's text, not of paper's. */
  self->grades = xa_district_chart_grades_new (counts);
  xa_chart_set_font_size (self->grades, SCREEN_FONT_SIZE);
  if (assessments->len > 0)
    {
      ranked = xa_district_report_dup_ranked (assessments);
      self->groups = xa_district_chart_groups_new (ranked);
      xa_chart_set_font_size (self->groups, SCREEN_FONT_SIZE);
    }
  width = gtk_widget_get_width (GTK_WIDGET (self->groups_area));
  if (width > 0)
    resize_cb (self->groups_area, width, 0, self);
  gtk_widget_queue_draw (GTK_WIDGET (self->grades_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->groups_area));
}

char *
xa_assessment_dashboard_dup_text (XaAssessmentDashboard *self)
{
  g_autofree char *grades = NULL;
  g_autofree char *groups = NULL;

  g_return_val_if_fail (XA_IS_ASSESSMENT_DASHBOARD (self), NULL);

  grades = self->grades ? xa_chart_dup_text (self->grades) : g_strdup ("");
  groups = self->groups ? xa_chart_dup_text (self->groups) : g_strdup ("");
  return g_strconcat (grades, "\n", groups, NULL);
}
