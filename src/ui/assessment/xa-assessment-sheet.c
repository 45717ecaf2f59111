/* xa-assessment-sheet.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scoring page of one school's year (issue 14). The indicators stand in their
 * first-level groups (A…G), each an expander row whose subtitle gives both scores and
 * whose view sets the school's self-score beside the commission's, with the evidence the
 * records give and the deduction the rule suggests. The totals and the grade above are
 * read again after every save, so they follow the scores. The H events, the veto
 * decisions (apart from the score: the raw total still shows) and the corrections made
 * after finalising follow. Finalising asks first; the book refuses it while a
 * responsibility finding is pending and names the incident. Finalised, the page is
 * locked: the commission corrects a score as a revision with a reason.
 *
 * The evidence is counted in a worker (xa_evidence_find_all() reads every source), with
 * the incidents' veto test for the veto dialog; the page shows the scores at once and
 * the evidence when it arrives.
 *
 * Saving a score offers to undo it (the score before, stored again) in the toast; so does
 * scoring the rest as suggested (the scores taken back). A veto is withdrawn, and the H
 * events of a finalised year corrected, with a reason, kept as a revision.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-assessment-sheet.h"
#include "xa-assessment-correct-dialog.h"
#include "xa-assessment-score-dialog.h"
#include "xa-assessment-ui.h"
#include "xa-assessment-veto-dialog.h"
#include "xa-ui-utils.h"
#include "core/assessment/xa-evidence.h"
#include "core/util/xa-school-year.h"

struct _XaAssessmentSheet
{
  GtkWidget             parent_instance;

  /* Owned references */
  XaWorkspace          *workspace;
  XaAssessmentBook     *book;
  XaAssessment         *assessment;
  GHashTable           *findings;    /* evidence key → XaEvidenceFinding */
  XaVetoVerdict        *verdict;     /* the veto test's, for the school's year */
  GHashTable           *views;       /* code → XaAssessmentIndicatorView (borrowed) */
  GHashTable           *expanded;    /* codes whose rows are open, kept over a rebuild */
  GPtrArray            *groups;      /* the AdwPreferencesGroup of each first-level */
  GPtrArray            *veto_rows;
  GPtrArray            *revision_rows;
  GCancellable         *cancellable;
  char                 *school_uuid;

  /* Template widgets */
  GtkWidget            *actions_box;
  GtkWidget            *finalise_button;
  AdwActionRow         *grade_row;
  GtkBox               *groups_box;
  GtkWidget            *h_group;
  GtkWidget            *h_button;
  GtkWidget            *h_correct_button;
  AdwActionRow         *h_row;
  GtkSpinButton        *h_spin;
  GtkWidget            *lock_box;
  GtkLabel             *lock_label;
  GtkWidget            *no_veto_row;
  GtkWidget            *publish_button;
  AdwPreferencesGroup  *revisions_group;
  GtkWidget            *score_rest_button;
  AdwActionRow         *self_total_row;
  GtkStack             *stack;
  AdwActionRow         *state_row;
  GtkLabel             *title_label;
  AdwActionRow         *total_row;
  GtkWidget            *veto_button;
  AdwPreferencesGroup  *veto_group;

  /* State */
  int                   school_year;
  guint                 scheme_version;  /* of the rows built */
  gboolean              commission;
  gboolean              compact;
  gboolean              loading;
  guint                 load_serial;     /* of the evidence load whose result is awaited */
};

G_DEFINE_FINAL_TYPE (XaAssessmentSheet, xa_assessment_sheet, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a save replaced, for the toast's undo. */
typedef struct
{
  XaAssessmentSheet *sheet;
  char              *school_uuid;
  int                school_year;
  char              *code;
  gboolean           commission;
  XaIndicatorScore   old;
} Undo;

static void
undo_free (Undo *undo)
{
  g_object_unref (undo->sheet);
  g_free (undo->school_uuid);
  g_free (undo->code);
  g_free (undo->old.self_notes);
  g_free (undo->old.notes);
  g_free (undo->old.override_reason);
  g_free (undo);
}

static gboolean
show_commission (XaAssessmentSheet *self)
{
  return self->commission ||
         (xa_assessment_get_published (self->assessment) && xa_assessment_get_commission_visible (self->assessment));
}

static char *
dup_total_text (double total)
{
  g_autofree char *points = NULL;

  if (total < 0)
    return g_strdup (_("Not scored"));
  points = xa_points_format (total);
  /* Translators: a total score: “92.5 分” */
  return g_strdup_printf (_("%s points"), points);
}

static void
set_row_value (AdwActionRow *row,
               const char   *text)
{
  adw_action_row_set_subtitle (row, text);
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}

static void
expanded_cb (AdwExpanderRow    *row,
             GParamSpec        *pspec,
             XaAssessmentSheet *self)
{
  const char *code = g_object_get_data (G_OBJECT (row), "code");

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_strdup (code));
  else
    g_hash_table_remove (self->expanded, code);
}

static void
apply_findings (XaAssessmentSheet *self)
{
  GHashTableIter iter;
  gpointer view;

  if (self->findings == NULL)
    return;
  g_hash_table_iter_init (&iter, self->views);
  while (g_hash_table_iter_next (&iter, NULL, &view))
    {
      XaIndicator *indicator = xa_assessment_indicator_view_get_indicator (view);
      const char *key = xa_indicator_get_evidence_source (indicator);

      xa_assessment_indicator_view_set_finding (view, key ? g_hash_table_lookup (self->findings, key) : NULL);
    }
}

/* The groups and their rows, for the scheme version the assessment was scored against. */
static void
build_groups (XaAssessmentSheet *self)
{
  XaScheme *scheme = xa_assessment_get_scheme (self->assessment);

  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->groups_box, self->groups->pdata[i]);
  g_ptr_array_set_size (self->groups, 0);
  g_hash_table_remove_all (self->views);

  for (guint g = 0; g < xa_scheme_get_n_groups (scheme); g++)
    {
      const XaSchemeGroup *group = xa_scheme_get_group (scheme, g);
      GtkWidget *widget = adw_preferences_group_new ();
      g_autofree char *points = xa_points_format (group->points);
      g_autofree char *title = NULL;

      /* Translators: a first-level indicator: its code, title and points: “A 组织领导（10 分）” */
      title = g_strdup_printf (_("%1$s %2$s (%3$s points)"), group->code, group->title, points);
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (widget), title);
      g_object_set_data_full (G_OBJECT (widget), "code", g_strdup (group->code), g_free);

      for (guint i = 0; i < xa_scheme_get_n_indicators (scheme); i++)
        {
          XaIndicator *indicator = xa_scheme_get_indicator (scheme, i);
          const char *code = xa_indicator_get_code (indicator);
          GtkWidget *row;
          GtkWidget *view;
          g_autofree char *row_title = NULL;

          if (g_strcmp0 (xa_indicator_get_group (indicator), group->code) != 0)
            continue;
          row = adw_expander_row_new ();
          /* Translators: an indicator's row: its code, then its content: “C3 隐患整改…” */
          row_title = g_strdup_printf (_("%1$s %2$s"), code, xa_indicator_get_content (indicator));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          g_object_set_data_full (G_OBJECT (row), "code", g_strdup (code), g_free);
          view = xa_assessment_indicator_view_new (indicator);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), view);
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (self->expanded, code));
          g_signal_connect_object (row, "notify::expanded", G_CALLBACK (expanded_cb), self, 0);
          g_object_set_data (G_OBJECT (view), "row", row);
          g_hash_table_insert (self->views, g_strdup (code), view);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (widget), row);
        }
      gtk_box_append (self->groups_box, widget);
      g_ptr_array_add (self->groups, widget);
    }
  self->scheme_version = xa_scheme_get_version (scheme);
  apply_findings (self);
}

static void
update_rows (XaAssessmentSheet *self)
{
  XaScheme *scheme = xa_assessment_get_scheme (self->assessment);
  gboolean visible = show_commission (self);
  gboolean locked = xa_assessment_get_state (self->assessment) == XA_ASSESSMENT_STATE_FINALISED;
  GHashTableIter iter;
  gpointer code, view;

  g_hash_table_iter_init (&iter, self->views);
  while (g_hash_table_iter_next (&iter, &code, &view))
    {
      XaIndicator *indicator = xa_assessment_indicator_view_get_indicator (view);
      const XaIndicatorScore *score = xa_assessment_get_score (self->assessment, code);
      GtkWidget *row = g_object_get_data (G_OBJECT (view), "row");
      g_autofree char *self_text = xa_assessment_ui_dup_score_text (score->self_score, xa_indicator_get_points (indicator));
      g_autofree char *text = visible ? xa_assessment_ui_dup_score_text (score->score, xa_indicator_get_points (indicator))
                                      : g_strdup (_("Not published yet"));
      g_autofree char *subtitle = NULL;

      xa_assessment_indicator_view_show (view, self->assessment, visible);
      xa_assessment_indicator_view_set_editable (view, !locked, self->commission, locked);
      xa_assessment_indicator_view_set_compact (view, self->compact);
      /* Translators: an indicator row's subtitle: the self-score, then the commission's */
      subtitle = g_strdup_printf (_("Self: %1$s · Commission: %2$s"), self_text, text);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
    }

  for (guint g = 0; g < self->groups->len; g++)
    {
      const char *group = g_object_get_data (self->groups->pdata[g], "code");
      double self_total = xa_assessment_group_total (self->assessment, group, FALSE);
      double total = visible ? xa_assessment_group_total (self->assessment, group, TRUE) : -1;
      g_autofree char *self_text = dup_total_text (self_total);
      g_autofree char *text = dup_total_text (total);
      g_autofree char *description = NULL;

      /* Translators: a first-level group's totals: the self-assessment's, then the commission's */
      description = g_strdup_printf (_("Self: %1$s · Commission: %2$s"), self_text, text);
      adw_preferences_group_set_description (self->groups->pdata[g], description);
    }

  {
    g_autofree char *h_points = xa_points_format (xa_scheme_get_h_points (scheme));
    g_autofree char *h_subtitle = NULL;

    /* Translators: the H rule: how much each event deducts, then the rule's text */
    h_subtitle = g_strdup_printf (_("−%1$s points each. %2$s"), h_points,
                                  xa_scheme_get_h_text (scheme) ? xa_scheme_get_h_text (scheme) : "");
    adw_action_row_set_subtitle (self->h_row, h_subtitle);
    gtk_spin_button_set_value (self->h_spin, xa_assessment_get_n_h_events (self->assessment));
    gtk_widget_set_sensitive (GTK_WIDGET (self->h_spin), self->commission && !locked);
    /* Finalised, the events are corrected as a revision with its reason. */
    gtk_widget_set_visible (self->h_button, !locked);
    gtk_widget_set_visible (self->h_correct_button, self->commission && locked);
    gtk_widget_set_visible (self->h_group, visible);
  }
}

static void
update_vetoes (XaAssessmentSheet *self)
{
  gboolean visible = show_commission (self);
  guint n = visible ? xa_assessment_get_n_vetoes (self->assessment) : 0;

  clear_rows (self->veto_group, self->veto_rows);
  for (guint i = 0; i < n; i++)
    {
      const XaVetoDecision *veto = xa_assessment_get_veto (self->assessment, i);
      const XaSchemeVeto *item = xa_scheme_find_veto (xa_assessment_get_scheme (self->assessment), veto->ground);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: a veto decision: its ground's code and text */
      title = g_strdup_printf (_("%1$s %2$s"), veto->ground, item ? item->text : "");
      /* Translators: a veto decision's reason, who decided and on what day */
      subtitle = g_strdup_printf (_("%1$s\nDecided by %2$s on %3$s"), veto->reason ? veto->reason : "",
                                  veto->decided_by ? veto->decided_by : "", veto->decided_on ? veto->decided_on : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("action-unavailable-symbolic"));
      if (self->commission)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Withdraw Veto…"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", veto->ground);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "sheet.withdraw-veto");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      adw_preferences_group_add (self->veto_group, row);
      g_ptr_array_add (self->veto_rows, row);
    }
  gtk_widget_set_visible (self->no_veto_row, n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->veto_group), visible);

  clear_rows (self->revisions_group, self->revision_rows);
  for (guint i = 0; i < xa_assessment_get_n_revisions (self->assessment) && visible; i++)
    {
      const XaAssessmentRevision *revision = xa_assessment_get_revision (self->assessment, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *when = xa_format_timestamp (revision->at);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (xa_scheme_find_veto (xa_assessment_get_scheme (self->assessment), revision->code) != NULL)
        /* Translators: a veto withdrawn: its ground, then the reason it had been decided for */
        title = g_strdup_printf (_("Veto %1$s withdrawn (was: %2$s)"), revision->code, revision->old_value);
      else
        /* Translators: a correction: the indicator, the value before and after */
        title = g_strdup_printf (_("%1$s: %2$s → %3$s"), revision->code, revision->old_value, revision->new_value);
      /* Translators: a correction's reason, who made it and when */
      subtitle = g_strdup_printf (_("%1$s\n%2$s, %3$s"), revision->reason, revision->by ? revision->by : "", when);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (self->revisions_group, row);
      g_ptr_array_add (self->revision_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->revisions_group), self->revision_rows->len > 0);
}

static void
update_summary (XaAssessmentSheet *self)
{
  XaAssessmentState state = xa_assessment_get_state (self->assessment);
  gboolean visible = show_commission (self);
  gboolean locked = state == XA_ASSESSMENT_STATE_FINALISED;
  XaGrade grade = xa_assessment_get_grade (self->assessment);
  g_autofree char *year = xa_school_year_format (self->school_year, FALSE);
  g_autofree char *title = NULL;
  g_autofree char *state_text = NULL;
  g_autofree char *self_total = dup_total_text (xa_assessment_get_self_total (self->assessment));
  g_autofree char *total = NULL;
  g_autofree char *grade_text = NULL;

  /* Translators: the scoring page's title: the school, then the school year */
  title = g_strdup_printf (_("%1$s · %2$s"), xa_assessment_get_school_name (self->assessment), year);
  gtk_label_set_label (self->title_label, title);

  if (xa_assessment_get_published (self->assessment))
    /* Translators: the progress of an assessment that was published: “已定稿 · 已发布” */
    state_text = g_strdup_printf (_("%s · Published"), xa_assessment_state_to_label (state));
  else
    state_text = g_strdup (xa_assessment_state_to_label (state));
  set_row_value (self->state_row, state_text);
  set_row_value (self->self_total_row, self_total);

  if (!visible)
    {
      set_row_value (self->total_row, _("Shown once the commission publishes the results"));
      set_row_value (self->grade_row, _("Shown once the commission publishes the results"));
    }
  else
    {
      double raw = xa_assessment_get_total (self->assessment);

      total = dup_total_text (raw);
      if (xa_assessment_get_vetoed (self->assessment))
        /* Translators: the grade of a vetoed year: 不合格, awards ruled out, the raw score kept */
        grade_text = g_strdup_printf (_("%s (one-vote veto: no awards this year; the raw score stands above)"),
                                      xa_grade_to_label (grade));
      else if (xa_assessment_get_rank (self->assessment) > 0)
        /* Translators: the grade, then the rank in the district: “良好 · 第 3 名” */
        grade_text = g_strdup_printf (_("%1$s · Rank %2$u"), xa_grade_to_label (grade), xa_assessment_get_rank (self->assessment));
      else
        grade_text = g_strdup (grade == XA_GRADE_NONE ? _("Not graded yet") : xa_grade_to_label (grade));
      set_row_value (self->total_row, total);
      set_row_value (self->grade_row, grade_text);
    }

  gtk_widget_set_visible (self->lock_box, locked);
  if (locked)
    {
      g_autofree char *when = xa_format_timestamp (xa_assessment_get_finalised_at (self->assessment));
      g_autofree char *text = NULL;

      /* Translators: who finalised an assessment, when; then what that means */
      text = g_strdup_printf (_("Finalised by %1$s, %2$s. The scores are locked: a correction is a revision with its reason."),
                              xa_assessment_get_finalised_by (self->assessment) ?: "", when);
      gtk_label_set_label (self->lock_label, text);
    }

  gtk_widget_set_visible (self->actions_box, self->commission);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.finalise", self->commission && !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.publish",
                                 self->commission && locked && !xa_assessment_get_published (self->assessment));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.record-veto", self->commission && !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.save-h", self->commission && !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.correct-h", self->commission && locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.withdraw-veto", self->commission);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sheet.score-suggested", self->commission && !locked && !self->loading);
  gtk_widget_set_visible (self->score_rest_button, !locked);
  gtk_widget_set_visible (self->veto_button, self->commission);
  gtk_widget_set_visible (self->finalise_button, !locked);
  gtk_widget_set_visible (self->publish_button, locked);
}

static void
set_loading (XaAssessmentSheet *self,
             gboolean           loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  /* The suggestions are the evidence's: taken once it is counted. */
  if (self->assessment != NULL)
    update_summary (self);
}

typedef struct
{
  XaWorkspace *workspace;
  char        *school_uuid;
  int          school_year;
  guint        serial;
} Load;

typedef struct
{
  GPtrArray     *findings;
  XaVetoVerdict *verdict;
} Loaded;

static void
load_free (Load *load)
{
  g_object_unref (load->workspace);
  g_free (load->school_uuid);
  g_free (load);
}

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->findings, g_ptr_array_unref);
  g_clear_object (&loaded->verdict);
  g_free (loaded);
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  Loaded *loaded = g_new0 (Loaded, 1);
  g_autoptr(GPtrArray) verdicts = NULL;
  g_autoptr(GError) error = NULL;

  loaded->findings = xa_evidence_find_all (load->workspace, load->school_uuid, load->school_year, NULL, &error);
  if (loaded->findings == NULL)
    {
      loaded_free (loaded);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The veto test is the district's (with the disputes' escalations); the page keeps its
   * school's verdict. A failure leaves the veto dialog without a suggestion. */
  verdicts = xa_incident_book_judge_district (xa_workspace_get_incidents (load->workspace), load->school_year, &error);
  if (verdicts == NULL)
    g_warning ("Cannot judge the vetoes of %d: %s", load->school_year, error->message);
  for (guint i = 0; verdicts != NULL && i < verdicts->len; i++)
    if (g_strcmp0 (xa_veto_verdict_get_school_uuid (verdicts->pdata[i]), load->school_uuid) == 0)
      loaded->verdict = g_object_ref (verdicts->pdata[i]);
  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XaAssessmentSheet) self = user_data;
  g_autoptr(GError) error = NULL;
  Loaded *loaded = g_task_propagate_pointer (G_TASK (result), &error);

  if (((Load *) g_task_get_task_data (G_TASK (result)))->serial != self->load_serial)
    {
      /* Another school was chosen meanwhile: its own load follows. */
      g_clear_pointer (&loaded, loaded_free);
      return;
    }
  set_loading (self, FALSE);
  if (loaded == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot read the evidence: %s", error->message);
      return;
    }

  g_hash_table_remove_all (self->findings);
  for (guint i = 0; i < loaded->findings->len; i++)
    {
      XaEvidenceFinding *finding = loaded->findings->pdata[i];

      g_hash_table_insert (self->findings, g_strdup (xa_evidence_finding_get_key (finding)), g_object_ref (finding));
    }
  g_set_object (&self->verdict, loaded->verdict);
  loaded_free (loaded);
  apply_findings (self);
}

static void
load_evidence (XaAssessmentSheet *self)
{
  g_autoptr(GTask) task = NULL;
  Load *load = g_new0 (Load, 1);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_hash_table_remove_all (self->findings);
  g_clear_object (&self->verdict);

  load->workspace = g_object_ref (self->workspace);
  load->school_uuid = g_strdup (self->school_uuid);
  load->school_year = self->school_year;
  load->serial = ++self->load_serial;
  set_loading (self, TRUE);
  task = g_task_new (NULL, self->cancellable, loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, load_evidence);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_worker);
}

static void
changed (XaAssessmentSheet *self)
{
  xa_assessment_sheet_reload (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
undo_clicked_cb (AdwToast *toast,
                 Undo     *undo)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (undo->commission)
    {
      XaScoreEntry entry = {
        .code = undo->code,
        .score = undo->old.score,
        .notes = undo->old.notes,
        .suggestion = undo->old.suggestion,
        .accepted = undo->old.accepted,
        .override_reason = undo->old.override_reason,
      };

      ok = xa_assessment_book_set_score (undo->sheet->book, undo->school_uuid, undo->school_year, &entry, &error);
    }
  else
    ok = xa_assessment_book_set_self (undo->sheet->book, undo->school_uuid, undo->school_year, undo->code,
                                      undo->old.self_score, undo->old.self_notes, &error);
  if (!ok)
    xa_widget_show_error (GTK_WIDGET (undo->sheet), _("The Score Could Not Be Restored"), error->message);
  if (g_strcmp0 (undo->sheet->school_uuid, undo->school_uuid) == 0)
    changed (undo->sheet);
}

static void
score_saved_cb (XaAssessmentScoreDialog *dialog,
                Undo                    *undo)
{
  XaAssessmentSheet *self = undo->sheet;
  const XaIndicatorScore *score;
  AdwToast *toast;
  g_autofree char *text = NULL;
  g_autofree char *kept = NULL;
  double points;

  changed (self);
  score = xa_assessment_get_score (self->assessment, undo->code);
  points = xa_indicator_get_points (xa_scheme_find_indicator (xa_assessment_get_scheme (self->assessment), undo->code));
  kept = xa_assessment_ui_dup_score_text (undo->commission ? score->score : score->self_score, points);
  /* Translators: a toast after a score was saved: the indicator, then its score */
  text = g_strdup_printf (_("%1$s saved: %2$s"), undo->code, kept);
  toast = adw_toast_new (text);
  /* A score entered the first time has nothing before it to go back to. */
  if ((undo->commission ? undo->old.score : undo->old.self_score) >= 0 &&
      xa_assessment_get_state (self->assessment) != XA_ASSESSMENT_STATE_FINALISED)
    {
      Undo *copy = g_new0 (Undo, 1);

      *copy = *undo;
      copy->sheet = g_object_ref (undo->sheet);
      copy->school_uuid = g_strdup (undo->school_uuid);
      copy->code = g_strdup (undo->code);
      copy->old.self_notes = g_strdup (undo->old.self_notes);
      copy->old.notes = g_strdup (undo->old.notes);
      copy->old.override_reason = g_strdup (undo->old.override_reason);
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), copy,
                             (GClosureNotify) undo_free, 0);
    }
  xa_widget_add_toast (GTK_WIDGET (self), toast);
}

static void
veto_saved_cb (XaAssessmentSheet *self)
{
  changed (self);
  xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (_("Veto recorded: the grade is Fail")));
}

static void
score_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  xa_assessment_sheet_open_score (XA_ASSESSMENT_SHEET (widget), g_variant_get_string (parameter, NULL),
                                  g_str_equal (action_name, "sheet.score"));
}

static void
open_evidence_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XaAssessmentSheet *self = XA_ASSESSMENT_SHEET (widget);
  g_autoptr(GError) error = NULL;

  if (xa_assessment_ui_open_evidence (widget, self->workspace, g_variant_get_string (parameter, NULL), &error) == NULL)
    xa_widget_show_error (widget, _("The Record Could Not Be Opened"), error->message);
}

static void
record_veto_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  xa_assessment_sheet_open_veto (XA_ASSESSMENT_SHEET (widget));
}

static void
save_h_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaAssessmentSheet *self = XA_ASSESSMENT_SHEET (widget);
  g_autoptr(GError) error = NULL;

  gtk_spin_button_update (self->h_spin);
  if (!xa_assessment_sheet_set_h (self, gtk_spin_button_get_value_as_int (self->h_spin), &error))
    xa_widget_show_error (widget, _("The Events Could Not Be Saved"), error->message);
}

static void
correct_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  xa_assessment_sheet_open_correction (XA_ASSESSMENT_SHEET (widget),
                                       parameter != NULL ? g_variant_get_string (parameter, NULL) : NULL);
}

static void
score_suggested_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (xa_assessment_sheet_score_suggested (XA_ASSESSMENT_SHEET (widget), &error) == NULL)
    xa_widget_show_error (widget, _("The Suggestions Could Not Be Taken"), error->message);
}

static void
finalise_confirmed_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(XaAssessmentSheet) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!xa_confirm_finish (result, NULL))
    return;
  if (!xa_assessment_sheet_finalise (self, &error))
    xa_widget_show_error (GTK_WIDGET (self), _("The Assessment Could Not Be Finalised"), error->message);
  else
    xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (_("Assessment finalised and locked")));
}

static void
finalise_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XaAssessmentSheet *self = XA_ASSESSMENT_SHEET (widget);
  g_autofree char *heading = NULL;

  /* Translators: the question before finalising: the school's name */
  heading = g_strdup_printf (_("Finalise the Assessment of %s?"), xa_assessment_get_school_name (self->assessment));
  xa_confirm_async (widget, heading,
                    _("The scores and the vetoes are locked. A correction after this is a revision with its reason, kept in the record."),
                    NULL, _("_Finalise"), NULL, finalise_confirmed_cb, g_object_ref (self));
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  XaAssessmentSheet *self = XA_ASSESSMENT_SHEET (widget);
  g_autoptr(GError) error = NULL;

  if (xa_assessment_book_publish (self->book, self->school_uuid, self->school_year, &error) < 0)
    {
      xa_widget_show_error (widget, _("The Results Could Not Be Published"), error->message);
      return;
    }
  changed (self);
  xa_widget_add_toast (widget, adw_toast_new (_("Published: the school now sees the commission's scores")));
}

static void
xa_assessment_sheet_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  XaAssessmentSheet *self = XA_ASSESSMENT_SHEET (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_assessment_sheet_dispose (GObject *object)
{
  XaAssessmentSheet *self = XA_ASSESSMENT_SHEET (object);
  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_ASSESSMENT_SHEET);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->workspace);
  g_clear_object (&self->book);
  g_clear_object (&self->assessment);
  g_clear_object (&self->verdict);
  g_clear_pointer (&self->findings, g_hash_table_unref);
  g_clear_pointer (&self->views, g_hash_table_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->veto_rows, g_ptr_array_unref);
  g_clear_pointer (&self->revision_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (xa_assessment_sheet_parent_class)->dispose (object);
}

static void
xa_assessment_sheet_finalize (GObject *object)
{
  XaAssessmentSheet *self = XA_ASSESSMENT_SHEET (object);

  g_free (self->school_uuid);
  G_OBJECT_CLASS (xa_assessment_sheet_parent_class)->finalize (object);
}

static void
xa_assessment_sheet_class_init (XaAssessmentSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = xa_assessment_sheet_get_property;
  object_class->dispose = xa_assessment_sheet_dispose;
  object_class->finalize = xa_assessment_sheet_finalize;

  /* Whether the evidence is being counted. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Something was stored: the district list reads its row again. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-assessment-sheet.ui");
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentSheet, actions_box);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentSheet, finalise_button);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentSheet, grade_row);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentSheet, groups_box);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentSheet, h_group);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentSheet, h_button);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentSheet, h_correct_button);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentSheet, h_row);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentSheet, h_spin);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentSheet, lock_box);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentSheet, lock_label);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentSheet, no_veto_row);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentSheet, publish_button);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentSheet, revisions_group);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentSheet, score_rest_button);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentSheet, self_total_row);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentSheet, stack);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentSheet, state_row);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentSheet, title_label);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentSheet, total_row);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentSheet, veto_button);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentSheet, veto_group);

  gtk_widget_class_install_action (widget_class, "sheet.self-assess", "s", score_action);
  gtk_widget_class_install_action (widget_class, "sheet.score", "s", score_action);
  gtk_widget_class_install_action (widget_class, "sheet.open-evidence", "s", open_evidence_action);
  gtk_widget_class_install_action (widget_class, "sheet.record-veto", NULL, record_veto_action);
  gtk_widget_class_install_action (widget_class, "sheet.save-h", NULL, save_h_action);
  gtk_widget_class_install_action (widget_class, "sheet.correct-h", NULL, correct_action);
  gtk_widget_class_install_action (widget_class, "sheet.withdraw-veto", "s", correct_action);
  gtk_widget_class_install_action (widget_class, "sheet.score-suggested", NULL, score_suggested_action);
  gtk_widget_class_install_action (widget_class, "sheet.finalise", NULL, finalise_action);
  gtk_widget_class_install_action (widget_class, "sheet.publish", NULL, publish_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xa_assessment_sheet_init (XaAssessmentSheet *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->findings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->views = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->groups = g_ptr_array_new ();
  self->veto_rows = g_ptr_array_new ();
  self->revision_rows = g_ptr_array_new ();
  gtk_stack_set_visible_child_name (self->stack, "none");
}

void
xa_assessment_sheet_setup (XaAssessmentSheet *self,
                           XaWorkspace       *workspace,
                           XaAssessmentBook  *book,
                           gboolean           commission)
{
  g_return_if_fail (XA_IS_ASSESSMENT_SHEET (self));

  g_set_object (&self->workspace, workspace);
  g_set_object (&self->book, book);
  self->commission = commission;
}

/**
 * xa_assessment_sheet_show:
 * @school_uuid: (nullable): the school, or %NULL for none
 */
void
xa_assessment_sheet_show (XaAssessmentSheet *self,
                          const char        *school_uuid,
                          int                school_year)
{
  g_return_if_fail (XA_IS_ASSESSMENT_SHEET (self));

  if (g_strcmp0 (self->school_uuid, school_uuid) != 0 || self->school_year != school_year)
    g_hash_table_remove_all (self->expanded);
  g_free (self->school_uuid);
  self->school_uuid = g_strdup (school_uuid);
  self->school_year = school_year;
  self->scheme_version = 0;
  xa_assessment_sheet_reload (self);
  if (self->assessment != NULL)
    load_evidence (self);
}

/* Reads the assessment again (after a save, here or elsewhere) and shows it. */
void
xa_assessment_sheet_reload (XaAssessmentSheet *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAssessment) assessment = NULL;

  g_return_if_fail (XA_IS_ASSESSMENT_SHEET (self));

  if (self->school_uuid != NULL)
    {
      assessment = xa_assessment_book_dup (self->book, self->school_uuid, self->school_year, &error);
      if (assessment == NULL)
        g_warning ("Cannot read the assessment of %s: %s", self->school_uuid, error->message);
    }
  g_set_object (&self->assessment, assessment);
  if (self->assessment == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  if (self->scheme_version != xa_scheme_get_version (xa_assessment_get_scheme (self->assessment)) ||
      self->groups->len == 0)
    build_groups (self);
  update_rows (self);
  update_vetoes (self);
  update_summary (self);
  gtk_stack_set_visible_child_name (self->stack, "sheet");
}

XaAssessment *
xa_assessment_sheet_get_assessment (XaAssessmentSheet *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_SHEET (self), NULL);
  return self->assessment;
}

void
xa_assessment_sheet_set_compact (XaAssessmentSheet *self,
                                 gboolean           compact)
{
  GHashTableIter iter;
  gpointer view;

  g_return_if_fail (XA_IS_ASSESSMENT_SHEET (self));

  self->compact = compact;
  g_hash_table_iter_init (&iter, self->views);
  while (g_hash_table_iter_next (&iter, NULL, &view))
    xa_assessment_indicator_view_set_compact (view, compact);
}

gboolean
xa_assessment_sheet_get_loading (XaAssessmentSheet *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_SHEET (self), FALSE);
  return self->loading;
}

XaAssessmentIndicatorView *
xa_assessment_sheet_get_view (XaAssessmentSheet *self,
                              const char        *code)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_SHEET (self), NULL);
  return g_hash_table_lookup (self->views, code);
}

/**
 * xa_assessment_sheet_open_score:
 * @commission: the commission's score (a correction once finalised), else the self-score
 *
 * Returns: (transfer none): the dialog, presented
 */
GtkWidget *
xa_assessment_sheet_open_score (XaAssessmentSheet *self,
                                const char        *code,
                                gboolean           commission)
{
  XaAssessmentIndicatorView *view;
  const XaIndicatorScore *score;
  g_autofree char *arithmetic = NULL;
  double suggestion = -1;
  XaScoreDialogMode mode;
  GtkWidget *dialog;
  Undo *undo;

  g_return_val_if_fail (XA_IS_ASSESSMENT_SHEET (self), NULL);
  g_return_val_if_fail (self->assessment != NULL, NULL);

  view = g_hash_table_lookup (self->views, code);
  g_return_val_if_fail (view != NULL, NULL);
  if (!xa_assessment_indicator_view_dup_suggestion (view, &suggestion, &arithmetic))
    suggestion = -1;
  if (!commission)
    mode = XA_SCORE_DIALOG_SELF;
  else if (xa_assessment_get_state (self->assessment) == XA_ASSESSMENT_STATE_FINALISED)
    mode = XA_SCORE_DIALOG_REVISION;
  else
    mode = XA_SCORE_DIALOG_COMMISSION;

  dialog = xa_assessment_score_dialog_new (self->book, self->assessment, code, mode, suggestion, arithmetic);
  score = xa_assessment_get_score (self->assessment, code);
  undo = g_new0 (Undo, 1);
  undo->sheet = g_object_ref (self);
  undo->school_uuid = g_strdup (self->school_uuid);
  undo->school_year = self->school_year;
  undo->code = g_strdup (code);
  undo->commission = commission;
  undo->old = *score;
  undo->old.code = NULL;
  undo->old.self_by = undo->old.self_at = undo->old.scored_by = undo->old.scored_at = NULL;
  undo->old.self_notes = g_strdup (score->self_notes);
  undo->old.notes = g_strdup (score->notes);
  undo->old.override_reason = g_strdup (score->override_reason);
  g_signal_connect_data (dialog, "saved", G_CALLBACK (score_saved_cb), undo, (GClosureNotify) undo_free, 0);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/**
 * xa_assessment_sheet_open_veto:
 *
 * Returns: (transfer none): the dialog, presented
 */
GtkWidget *
xa_assessment_sheet_open_veto (XaAssessmentSheet *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (XA_IS_ASSESSMENT_SHEET (self), NULL);
  g_return_val_if_fail (self->assessment != NULL, NULL);

  dialog = xa_assessment_veto_dialog_new (self->book, self->assessment, self->verdict);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (veto_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

gboolean
xa_assessment_sheet_finalise (XaAssessmentSheet  *self,
                              GError            **error)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_SHEET (self), FALSE);
  g_return_val_if_fail (self->assessment != NULL, FALSE);

  if (!xa_assessment_book_finalise (self->book, self->school_uuid, self->school_year, error))
    return FALSE;
  changed (self);
  return TRUE;
}

gboolean
xa_assessment_sheet_set_h (XaAssessmentSheet  *self,
                           guint               n_events,
                           GError            **error)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_SHEET (self), FALSE);
  g_return_val_if_fail (self->assessment != NULL, FALSE);

  if (!xa_assessment_book_set_h (self->book, self->school_uuid, self->school_year, n_events,
                                 xa_assessment_get_h_notes (self->assessment), error))
    return FALSE;
  changed (self);
  return TRUE;
}

/**
 * xa_assessment_sheet_open_correction:
 * @ground: (nullable): a veto decision's ground to withdraw, or %NULL for the H events
 *   of the finalised assessment
 *
 * Returns: (transfer none): the dialog, presented
 */
GtkWidget *
xa_assessment_sheet_open_correction (XaAssessmentSheet *self,
                                     const char        *ground)
{
  GtkWidget *dialog;

  g_return_val_if_fail (XA_IS_ASSESSMENT_SHEET (self), NULL);
  g_return_val_if_fail (self->assessment != NULL, NULL);

  dialog = xa_assessment_correct_dialog_new (self->book, self->assessment, ground);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (changed), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
undone_cb (GtkWidget  *widget,
           const char *school_uuid)
{
  XaAssessmentSheet *self = XA_ASSESSMENT_SHEET (widget);

  if (g_strcmp0 (self->school_uuid, school_uuid) == 0)
    changed (self);
}

/**
 * xa_assessment_sheet_score_suggested:
 *
 * Scores every indicator the commission has not scored yet with the deduction its
 * records suggest (one transaction), and says in a toast how many, naming those left
 * to the assessor; the toast's undo takes them back.
 *
 * Returns: (transfer none) (nullable): the toast shown, %NULL with @error set
 */
AdwToast *
xa_assessment_sheet_score_suggested (XaAssessmentSheet  *self,
                                     GError            **error)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new ();
  g_auto(GStrv) scored = NULL;
  g_auto(GStrv) manual = NULL;
  GHashTableIter iter;
  gpointer finding;
  AdwToast *toast;

  g_return_val_if_fail (XA_IS_ASSESSMENT_SHEET (self), NULL);
  g_return_val_if_fail (self->assessment != NULL, NULL);

  g_hash_table_iter_init (&iter, self->findings);
  while (g_hash_table_iter_next (&iter, NULL, &finding))
    g_ptr_array_add (findings, finding);
  if (!xa_assessment_book_score_suggested (self->book, self->school_uuid, self->school_year, findings,
                                           &scored, &manual, error))
    return NULL;
  changed (self);
  toast = xa_assessment_ui_new_suggested_toast (GTK_WIDGET (self), self->book, self->school_uuid, self->school_year,
                                                g_steal_pointer (&scored), (const char * const *) manual, undone_cb);
  xa_widget_add_toast (GTK_WIDGET (self), toast);
  return toast;
}
