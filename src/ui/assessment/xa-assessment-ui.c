/* xa-assessment-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the assessment section's widgets share: who the operator is (the commission
 * scores; a school self-assesses and sees the commission's side once published), the
 * records an indicator's evidence opens (a hazard with its timeline, an archived file in
 * the archive's preview), the grade's badge colour, and the toast after scoring the
 * rest as suggested, whose undo takes those scores back.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-assessment-ui.h"
#include "xa-application.h"
#include "xa-ui-utils.h"
#include "core/assessment/xa-evidence.h"
#include "archive/xa-archive-ui.h"
#include "hazards/xa-hazard-detail.h"

/* The commission scores, decides vetoes, finalises and publishes; anyone else (a
 * school's operator, the archive clerk) enters the school's self-assessment only. */
gboolean
xa_assessment_ui_is_commission (XaWorkspace *workspace)
{
  return xa_operator_is_commission (workspace);
}

/**
 * xa_assessment_ui_open_evidence:
 * @target: "kind:uuid" of an evidence item (xa_evidence_kind_to_key())
 *
 * Opens the record in a window of its own, over @parent's.
 *
 * Returns: (transfer none): the window, or %NULL with @error set when the record
 *   cannot be read
 */
GtkWidget *
xa_assessment_ui_open_evidence (GtkWidget   *parent,
                                XaWorkspace *workspace,
                                const char  *target,
                                GError     **error)
{
  const char *colon = strchr (target, ':');
  g_autofree char *kind = colon ? g_strndup (target, colon - target) : g_strdup (target);
  const char *uuid = colon ? colon + 1 : "";

  if (g_str_equal (kind, xa_evidence_kind_to_key (XA_EVIDENCE_KIND_HAZARD)))
    {
      g_autoptr(XaHazard) hazard = xa_hazard_book_dup_by_uuid (xa_workspace_get_hazards (workspace), uuid, error);
      GtkWidget *detail;

      if (hazard == NULL)
        return NULL;
      detail = g_object_new (XA_TYPE_HAZARD_DETAIL, NULL);
      xa_hazard_detail_set_book (XA_HAZARD_DETAIL (detail), xa_workspace_get_hazards (workspace),
                                 xa_workspace_get_registry (workspace));
      xa_hazard_detail_show_hazard (XA_HAZARD_DETAIL (detail), hazard);
      return xa_window_present_child (parent, xa_hazard_get_number (hazard), detail);
    }
  return xa_archive_ui_open_item (parent, workspace, uuid, error);
}

/**
 * xa_assessment_ui_dup_score_text:
 *
 * "8 / 10 分", or "未评 / 10 分" when no score was entered (a negative @score).
 */
char *
xa_assessment_ui_dup_score_text (double score,
                              double points)
{
  g_autofree char *of = xa_points_format (points);
  g_autofree char *kept = NULL;

  if (score < 0)
    /* Translators: an indicator not scored yet, out of its points: “未评 / 10 分” */
    return g_strdup_printf (_("Not scored / %s points"), of);

  kept = xa_points_format (score);
  /* Translators: the points kept out of the indicator's points: “8 / 10 分” */
  return g_strdup_printf (_("%1$s / %2$s points"), kept, of);
}

/* The state-badge class of style.css for a grade. */
const char *
xa_assessment_ui_grade_class (XaGrade grade)
{
  switch (grade)
    {
    case XA_GRADE_EXCELLENT:
    case XA_GRADE_GOOD:
      return "signed";
    case XA_GRADE_PASS:
      return "pending";
    case XA_GRADE_FAIL:
      return "removed";
    case XA_GRADE_NONE:
    default:
      return "draft";
    }
}


typedef struct
{
  GtkWidget        *widget;
  XaAssessmentBook *book;
  char             *school_uuid;
  int               school_year;
  GStrv             codes;
  XaUndoneFunc      undone;
} UndoBatch;

static void
undo_batch_free (UndoBatch *undo)
{
  g_object_unref (undo->widget);
  g_object_unref (undo->book);
  g_free (undo->school_uuid);
  g_strfreev (undo->codes);
  g_free (undo);
}

static void
undo_batch_cb (AdwToast  *toast,
               UndoBatch *undo)
{
  g_autoptr(GError) error = NULL;

  if (!xa_assessment_book_unscore (undo->book, undo->school_uuid, undo->school_year,
                                   (const char * const *) undo->codes, &error))
    xa_widget_show_error (undo->widget, _("The Scores Could Not Be Taken Back"), error->message);
  undo->undone (undo->widget, undo->school_uuid);
}

/**
 * xa_assessment_ui_new_suggested_toast:
 * @scored: (transfer full): the codes scored as suggested
 * @manual: the codes left to score by hand
 * @undone: called after the undo, with @widget and the school
 *
 * Returns: (transfer floating): the toast saying how many indicators were scored and
 *   naming those left, with an undo that takes the scores back
 */
AdwToast *
xa_assessment_ui_new_suggested_toast (GtkWidget          *widget,
                                      XaAssessmentBook   *book,
                                      const char         *school_uuid,
                                      int                 school_year,
                                      GStrv               scored,
                                      const char * const *manual,
                                      XaUndoneFunc        undone)
{
  g_autofree char *text = NULL;
  guint n = g_strv_length (scored);
  AdwToast *toast;

  if (manual != NULL && manual[0] != NULL)
    {
      g_autofree char *left = g_strjoinv (_(", "), (char **) manual);

      /* Translators: a toast: how many indicators took their suggestion, then those left to score by hand */
      text = g_strdup_printf (ngettext ("%1$u indicator scored as suggested; left to score: %2$s",
                                        "%1$u indicators scored as suggested; left to score: %2$s", n), n, left);
    }
  else
    /* Translators: a toast: how many indicators took their suggestion */
    text = g_strdup_printf (ngettext ("%u indicator scored as suggested", "%u indicators scored as suggested", n), n);
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 10);
  if (n == 0)
    {
      g_strfreev (scored);
      return toast;
    }

  {
    UndoBatch *undo = g_new0 (UndoBatch, 1);

    undo->widget = g_object_ref (widget);
    undo->book = g_object_ref (book);
    undo->school_uuid = g_strdup (school_uuid);
    undo->school_year = school_year;
    undo->codes = scored;
    undo->undone = undone;
    adw_toast_set_button_label (toast, _("_Undo"));
    g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_batch_cb), undo,
                           (GClosureNotify) undo_batch_free, 0);
  }
  return toast;
}
