/* xa-assessment-indicator-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One indicator of the scoring page (issue 14), inside its expander row: the deduction
 * standard, the school's self-score and notes beside the commission's score and notes,
 * each with who and when, and under them what the records say (the evidence finding),
 * the deduction its rule suggests with the arithmetic, and the records that count. A
 * record that can be opened (a hazard, an archived file) activates
 * sheet.open-evidence with "kind:uuid"; the two buttons activate sheet.self-assess and
 * sheet.score with the indicator's code. The commission's side shows only what the
 * operator may see (a school sees it once the results are published).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-assessment-indicator-view.h"
#include "xa-assessment-ui.h"
#include "xa-ui-utils.h"

/* Beyond this many, the records that count are summed up in one line. */
#define MAX_EVIDENCE_ROWS 12

struct _XaAssessmentIndicatorView
{
  GtkWidget          parent_instance;

  /* Owned references */
  XaIndicator       *indicator;
  XaEvidenceFinding *finding;

  /* Template widgets */
  GtkBox            *box;
  GtkWidget         *commission_side;
  GtkListBox        *evidence_list;
  GtkLabel          *finding_label;
  GtkLabel          *notes_label;
  GtkLabel          *override_label;
  GtkButton         *score_button;
  GtkLabel          *score_label;
  GtkLabel          *scored_by_label;
  GtkButton         *self_button;
  GtkLabel          *self_by_label;
  GtkLabel          *self_notes_label;
  GtkLabel          *self_score_label;
  GtkBox            *sides;
  GtkLabel          *standard_label;
  GtkWidget         *suggestion_box;
  GtkLabel          *suggestion_label;
};

G_DEFINE_FINAL_TYPE (XaAssessmentIndicatorView, xa_assessment_indicator_view, GTK_TYPE_WIDGET)

/* "张三，2022-06-01 10:00", or nothing when no one entered it. */
static char *
dup_by_text (const char *by,
             const char *at)
{
  g_autofree char *when = NULL;

  if ((by == NULL || *by == '\0') && (at == NULL || *at == '\0'))
    return g_strdup ("");
  when = at != NULL && *at != '\0' ? xa_format_timestamp (at) : g_strdup ("");
  if (by == NULL || *by == '\0')
    return g_steal_pointer (&when);
  /* Translators: who entered a score, then when */
  return g_strdup_printf (_("%1$s, %2$s"), by, when);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static gboolean
can_open (XaEvidenceItem *item)
{
  XaEvidenceKind kind = xa_evidence_item_get_kind (item);

  return xa_evidence_item_get_uuid (item) != NULL &&
         (kind == XA_EVIDENCE_KIND_HAZARD || kind == XA_EVIDENCE_KIND_ARCHIVE_ITEM);
}

static void
fill_evidence (XaAssessmentIndicatorView *self)
{
  GListModel *items = self->finding ? xa_evidence_finding_get_items (self->finding) : NULL;
  guint n = items ? g_list_model_get_n_items (items) : 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_list))) != NULL)
    gtk_list_box_remove (self->evidence_list, child);

  for (guint i = 0; i < MIN (n, MAX_EVIDENCE_ROWS); i++)
    {
      g_autoptr(XaEvidenceItem) item = g_list_model_get_item (items, i);
      const char *date = xa_evidence_item_get_date (item);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), xa_evidence_item_get_label (item));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (date != NULL && *date != '\0')
        /* Translators: the kind of a record that counts for an indicator, then its day */
        subtitle = g_strdup_printf (_("%1$s · %2$s"), xa_evidence_kind_to_label (xa_evidence_item_get_kind (item)), date);
      else
        subtitle = g_strdup (xa_evidence_kind_to_label (xa_evidence_item_get_kind (item)));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (can_open (item))
        {
          g_autofree char *target = g_strdup_printf ("%s:%s",
                                                     xa_evidence_kind_to_key (xa_evidence_item_get_kind (item)),
                                                     xa_evidence_item_get_uuid (item));

          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "sheet.open-evidence");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", target);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
        }
      gtk_list_box_append (self->evidence_list, row);
    }

  if (n > MAX_EVIDENCE_ROWS)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = NULL;

      /* Translators: the records that count beyond those listed */
      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more record", "and %u more records",
                                           n - MAX_EVIDENCE_ROWS), n - MAX_EVIDENCE_ROWS);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (self->evidence_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_list), n > 0);
}

static void
update_suggestion (XaAssessmentIndicatorView *self)
{
  g_autofree char *arithmetic = NULL;
  double deduction;

  gtk_widget_set_visible (self->suggestion_box, self->finding != NULL);
  if (self->finding == NULL)
    return;

  set_label (self->finding_label, xa_evidence_finding_get_description (self->finding));
  if (xa_assessment_indicator_view_dup_suggestion (self, &deduction, &arithmetic))
    set_label (self->suggestion_label, arithmetic);
  else
    set_label (self->suggestion_label, _("This indicator is judged by the assessor: no deduction is suggested."));
  fill_evidence (self);
}

static void
xa_assessment_indicator_view_dispose (GObject *object)
{
  XaAssessmentIndicatorView *self = XA_ASSESSMENT_INDICATOR_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_ASSESSMENT_INDICATOR_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->indicator);
  g_clear_object (&self->finding);
  G_OBJECT_CLASS (xa_assessment_indicator_view_parent_class)->dispose (object);
}

static void
xa_assessment_indicator_view_class_init (XaAssessmentIndicatorViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_assessment_indicator_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-assessment-indicator-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentIndicatorView, box);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentIndicatorView, commission_side);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentIndicatorView, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentIndicatorView, finding_label);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentIndicatorView, notes_label);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentIndicatorView, override_label);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentIndicatorView, score_button);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentIndicatorView, score_label);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentIndicatorView, scored_by_label);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentIndicatorView, self_button);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentIndicatorView, self_by_label);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentIndicatorView, self_notes_label);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentIndicatorView, self_score_label);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentIndicatorView, sides);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentIndicatorView, standard_label);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentIndicatorView, suggestion_box);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentIndicatorView, suggestion_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xa_assessment_indicator_view_init (XaAssessmentIndicatorView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
xa_assessment_indicator_view_new (XaIndicator *indicator)
{
  XaAssessmentIndicatorView *self;
  const char *code = xa_indicator_get_code (indicator);
  g_autofree char *self_name = NULL;
  g_autofree char *score_name = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *standard = NULL;

  g_return_val_if_fail (XA_IS_INDICATOR (indicator), NULL);

  self = g_object_new (XA_TYPE_ASSESSMENT_INDICATOR_VIEW, NULL);
  self->indicator = g_object_ref (indicator);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->self_button), "s", code);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->score_button), "s", code);
  /* Every indicator has the two buttons: their names say which indicator they score. */
  /* Translators: the accessible name of the button that self-assesses an indicator: “自评 C3” */
  self_name = g_strdup_printf (_("Self-Assess %s"), code);
  /* Translators: the accessible name of the button that scores an indicator: “评分 C3” */
  score_name = g_strdup_printf (_("Score %s"), code);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->self_button), GTK_ACCESSIBLE_PROPERTY_LABEL, self_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_button), GTK_ACCESSIBLE_PROPERTY_LABEL, score_name, -1);

  rule = xa_indicator_describe_rule (indicator);
  /* Translators: the deduction standard (扣分标准) and the evidence method (考核方式) of an indicator */
  standard = g_strdup_printf (_("Standard: %1$s\nMethod: %2$s"),
                              xa_indicator_get_standard (indicator) ? xa_indicator_get_standard (indicator) : rule,
                              xa_indicator_get_method (indicator) ? xa_indicator_get_method (indicator) : "—");
  gtk_label_set_label (self->standard_label, standard);
  return GTK_WIDGET (self);
}

XaIndicator *
xa_assessment_indicator_view_get_indicator (XaAssessmentIndicatorView *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_INDICATOR_VIEW (self), NULL);
  return self->indicator;
}

/**
 * xa_assessment_indicator_view_show:
 * @show_commission: whether the commission's side may be seen (the commission always; a
 *   school once published)
 */
void
xa_assessment_indicator_view_show (XaAssessmentIndicatorView *self,
                                   XaAssessment              *assessment,
                                   gboolean                   show_commission)
{
  const XaIndicatorScore *score;
  double points;
  g_autofree char *self_text = NULL;
  g_autofree char *self_by = NULL;
  g_autofree char *text = NULL;
  g_autofree char *by = NULL;
  g_autofree char *override = NULL;

  g_return_if_fail (XA_IS_ASSESSMENT_INDICATOR_VIEW (self));
  g_return_if_fail (XA_IS_ASSESSMENT (assessment));

  score = xa_assessment_get_score (assessment, xa_indicator_get_code (self->indicator));
  points = xa_indicator_get_points (self->indicator);
  self_text = xa_assessment_ui_dup_score_text (score->self_score, points);
  self_by = dup_by_text (score->self_by, score->self_at);
  gtk_label_set_label (self->self_score_label, self_text);
  set_label (self->self_notes_label, score->self_notes);
  set_label (self->self_by_label, self_by);

  if (!show_commission)
    {
      gtk_label_set_label (self->score_label, _("Not published yet"));
      set_label (self->notes_label, NULL);
      set_label (self->scored_by_label, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->override_label), FALSE);
      return;
    }

  text = xa_assessment_ui_dup_score_text (score->score, points);
  by = dup_by_text (score->scored_by, score->scored_at);
  gtk_label_set_label (self->score_label, text);
  set_label (self->notes_label, score->notes);
  set_label (self->scored_by_label, by);
  if (score->score >= 0 && score->suggestion >= 0)
    {
      g_autofree char *suggested = xa_points_format (score->suggestion);

      if (score->accepted)
        /* Translators: the commission's score took the suggested deduction */
        override = g_strdup_printf (_("Suggested deduction of %s points accepted"), suggested);
      else
        /* Translators: the commission overrode the suggested deduction, then why */
        override = g_strdup_printf (_("Suggested deduction of %1$s points overridden: %2$s"), suggested,
                                    score->override_reason ? score->override_reason : "");
    }
  set_label (self->override_label, override);
}

void
xa_assessment_indicator_view_set_finding (XaAssessmentIndicatorView *self,
                                          XaEvidenceFinding         *finding)
{
  g_return_if_fail (XA_IS_ASSESSMENT_INDICATOR_VIEW (self));

  g_set_object (&self->finding, finding);
  update_suggestion (self);
}

XaEvidenceFinding *
xa_assessment_indicator_view_get_finding (XaAssessmentIndicatorView *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_INDICATOR_VIEW (self), NULL);
  return self->finding;
}

/**
 * xa_assessment_indicator_view_dup_suggestion:
 *
 * The deduction the indicator's rule suggests from the finding shown, with its
 * arithmetic; %FALSE when there is no finding or the rule is manual.
 */
gboolean
xa_assessment_indicator_view_dup_suggestion (XaAssessmentIndicatorView *self,
                                             double                    *deduction,
                                             char                     **arithmetic)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_INDICATOR_VIEW (self), FALSE);

  if (self->finding == NULL)
    return FALSE;
  /* The sentence names what was counted: 逾期隐患 3 项 × 1 分… */
  return xa_indicator_suggest (self->indicator, xa_evidence_finding_get_value (self->finding),
                               xa_evidence_source_to_label (xa_evidence_finding_get_key (self->finding)),
                               deduction, arithmetic);
}

/* Narrow, the two sides go one above the other. */
void
xa_assessment_indicator_view_set_compact (XaAssessmentIndicatorView *self,
                                          gboolean                   compact)
{
  g_return_if_fail (XA_IS_ASSESSMENT_INDICATOR_VIEW (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->sides),
                                  compact ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
}

/**
 * xa_assessment_indicator_view_set_editable:
 * @locked: finalised: the commission's button corrects (a revision), the school's is gone
 */
void
xa_assessment_indicator_view_set_editable (XaAssessmentIndicatorView *self,
                                           gboolean                   self_editable,
                                           gboolean                   commission_editable,
                                           gboolean                   locked)
{
  g_return_if_fail (XA_IS_ASSESSMENT_INDICATOR_VIEW (self));
  gtk_widget_set_visible (GTK_WIDGET (self->self_button), self_editable && !locked);
  gtk_widget_set_visible (GTK_WIDGET (self->score_button), commission_editable);
  gtk_button_set_label (self->score_button, locked ? _("Correct…") : _("Score…"));
}
