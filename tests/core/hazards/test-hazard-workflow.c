/* test-hazard-workflow.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hazard's state machine: every step from every state, allowed or refused; the
 * re-inspector rule; what a 重大 hazard needs to start; the history after a failed
 * re-inspection; what each step asks for; and random runs of steps against a model of
 * the rules written here, independently of xa-hazard-workflow.c.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "hazard-test-utils.h"

/* Where each case of the transition table starts: the steps that lead there. */
typedef enum
{
  AT_PENDING,
  AT_RECTIFYING,
  AT_RECTIFYING_AFTER_FAIL,
  AT_REINSPECTING,
  AT_PASSED,
  AT_CLOSED,
  N_AT
} At;

static XaHazard *
hazard_at (At at)
{
  static const XaHazardStep path[] = {
    XA_HAZARD_STEP_START, XA_HAZARD_STEP_COMPLETE, XA_HAZARD_STEP_FAIL,
    XA_HAZARD_STEP_COMPLETE, XA_HAZARD_STEP_PASS, XA_HAZARD_STEP_CLOSE,
  };
  /* How many steps of @path reach each place. */
  static const guint n_steps[] = { 0, 1, 3, 2, 5, 6 };
  XaHazard *hazard = test_hazard_new (XA_HAZARD_GRADE_GENERAL);

  for (guint i = 0; i < n_steps[at]; i++)
    {
      gboolean reinspecting = path[i] == XA_HAZARD_STEP_PASS || path[i] == XA_HAZARD_STEP_FAIL;

      test_hazard_step (hazard, path[i], reinspecting ? "王校长" : "赵师傅",
                        path[i] == XA_HAZARD_STEP_START ? NULL : "2021-09-08",
                        path[i] == XA_HAZARD_STEP_FAIL ? "电线仍裸露" : NULL);
    }

  return hazard;
}

static void
test_transitions (void)
{
  /* Expected: 0 allowed, else the error code of the refusal. */
  static const int expected[N_AT][XA_N_HAZARD_STEPS] = {
#define OK -1
#define BAD XA_HAZARD_ERROR_BAD_STEP
    /*                          start  complete  pass  fail  close */
    [AT_PENDING]             = { OK,    BAD,      BAD,  BAD,  BAD },
    [AT_RECTIFYING]          = { BAD,   OK,       BAD,  BAD,  BAD },
    [AT_RECTIFYING_AFTER_FAIL] = { BAD, OK,       BAD,  BAD,  BAD },
    [AT_REINSPECTING]        = { BAD,   BAD,      OK,   OK,   XA_HAZARD_ERROR_NOT_PASSED },
    [AT_PASSED]              = { BAD,   BAD,      BAD,  BAD,  OK },
    [AT_CLOSED]              = { BAD,   BAD,      BAD,  BAD,  BAD },
  };
  static const XaHazardState states[N_AT] = {
    XA_HAZARD_STATE_PENDING, XA_HAZARD_STATE_RECTIFYING, XA_HAZARD_STATE_RECTIFYING,
    XA_HAZARD_STATE_REINSPECTING, XA_HAZARD_STATE_REINSPECTING, XA_HAZARD_STATE_CLOSED,
  };
  static const XaHazardState after[XA_N_HAZARD_STEPS] = {
    XA_HAZARD_STATE_RECTIFYING, XA_HAZARD_STATE_REINSPECTING, XA_HAZARD_STATE_REINSPECTING,
    XA_HAZARD_STATE_RECTIFYING, XA_HAZARD_STATE_CLOSED,
  };

  for (At at = 0; at < N_AT; at++)
    for (XaHazardStep step = 0; step < XA_N_HAZARD_STEPS; step++)
      {
        g_autoptr(XaHazard) hazard = hazard_at (at);
        g_autoptr(GError) error = NULL;
        g_autofree char *before = test_hazard_dup_json (hazard);
        g_autofree char *unchanged = NULL;
        guint n_entries = xa_hazard_get_n_entries (hazard);
        XaHazardStepInput input = { step >= XA_HAZARD_STEP_PASS ? "王校长" : "赵师傅", "2021-09-09",
                                    "2021-09-20T10:00:00+08:00", "复查意见" };
        gboolean allowed = expected[at][step] == OK;

        g_test_message ("from %d, %s", at, xa_hazard_step_to_key (step));
        g_assert_cmpint (xa_hazard_get_state (hazard), ==, states[at]);
        g_assert_cmpint (xa_hazard_can_step (hazard, step), ==, allowed);
        g_assert_cmpint (xa_hazard_check_step (hazard, step, &input, NULL), ==, allowed);
        g_assert_cmpint (xa_hazard_apply_step (hazard, step, &input, &error), ==, allowed);

        if (allowed)
          {
            g_assert_no_error (error);
            g_assert_cmpint (xa_hazard_get_state (hazard), ==, after[step]);
            g_assert_cmpuint (xa_hazard_get_n_entries (hazard), ==, n_entries + 1);
            g_assert_true (xa_hazard_validate (hazard, NULL, NULL));
            continue;
          }

        g_assert_error (error, XA_HAZARD_ERROR, expected[at][step]);
        unchanged = test_hazard_dup_json (hazard);
        g_assert_cmpstr (unchanged, ==, before);
      }
#undef OK
#undef BAD
}

static void
test_messages (void)
{
  g_autoptr(XaHazard) closed = hazard_at (AT_CLOSED);
  g_autoptr(XaHazard) reinspecting = hazard_at (AT_REINSPECTING);
  g_autoptr(XaHazard) passed = hazard_at (AT_PASSED);
  g_autoptr(GError) error = NULL;
  XaHazardStepInput input = { "王校长", "2021-09-09", NULL, NULL };

  g_assert_false (xa_hazard_apply_step (closed, XA_HAZARD_STEP_START, &input, &error));
  g_assert_cmpstr (error->message, ==, "“Start rectification” is not possible for a hazard that is “Closed”");
  g_clear_error (&error);
  g_assert_false (xa_hazard_apply_step (reinspecting, XA_HAZARD_STEP_CLOSE, &input, &error));
  g_assert_cmpstr (error->message, ==, "A hazard is closed only after it passes its re-inspection");
  g_clear_error (&error);
  g_assert_false (xa_hazard_apply_step (passed, XA_HAZARD_STEP_FAIL, &input, &error));
  g_assert_cmpstr (error->message, ==, "The hazard has passed its re-inspection already; it can now be closed");
}

static void
test_reinspector (void)
{
  static const char * const same[] = { TEST_RESPONSIBLE, "  " TEST_RESPONSIBLE " " };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    for (XaHazardStep step = XA_HAZARD_STEP_PASS; step <= XA_HAZARD_STEP_FAIL; step++)
      {
        g_autoptr(XaHazard) hazard = hazard_at (AT_REINSPECTING);
        g_autoptr(GError) error = NULL;
        XaHazardStepInput input = { same[i], "2021-09-09", NULL, "不合格" };

        g_assert_false (xa_hazard_check_step (hazard, step, &input, &error));
        g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_SAME_PERSON);
        g_clear_error (&error);
        g_assert_false (xa_hazard_apply_step (hazard, step, &input, &error));
        g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_SAME_PERSON);
        g_assert_cmpint (xa_hazard_get_state (hazard), ==, XA_HAZARD_STATE_REINSPECTING);
        g_assert_cmpstr (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_REINSPECTOR), ==, "");
      }

  /* The responsible person may report the completion and anyone else may re-inspect;
   * who closes is not restricted. */
  {
    g_autoptr(XaHazard) hazard = hazard_at (AT_RECTIFYING);

    test_hazard_step (hazard, XA_HAZARD_STEP_COMPLETE, TEST_RESPONSIBLE, "2021-09-08", NULL);
    test_hazard_step (hazard, XA_HAZARD_STEP_PASS, "王校长", "2021-09-09", NULL);
    g_assert_cmpstr (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_REINSPECTOR), ==, "王校长");
    test_hazard_step (hazard, XA_HAZARD_STEP_CLOSE, TEST_RESPONSIBLE, "2021-09-09", NULL);
    g_assert_cmpstr (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_CLOSED_BY), ==, TEST_RESPONSIBLE);
  }
}

static void
assert_start_refused (XaHazard      *hazard,
                      const char    *message)
{
  g_autoptr(GError) error = NULL;
  XaHazardStepInput input = { "赵师傅", NULL, NULL, NULL };

  g_assert_true (xa_hazard_can_step (hazard, XA_HAZARD_STEP_START));
  g_assert_false (xa_hazard_apply_step (hazard, XA_HAZARD_STEP_START, &input, &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_MAJOR);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpint (xa_hazard_get_state (hazard), ==, XA_HAZARD_STATE_PENDING);
  g_assert_cmpuint (xa_hazard_get_n_entries (hazard), ==, 0);
}

static void
test_major (void)
{
  g_autoptr(XaHazard) hazard = test_hazard_new (XA_HAZARD_GRADE_MAJOR);
  g_autoptr(XaHazard) general = test_hazard_new (XA_HAZARD_GRADE_GENERAL);
  g_autoptr(GError) error = NULL;
  XaHazardField bad = XA_HAZARD_FIELD_NONE;

  /* Recorded at once, the measures and the report following. */
  g_assert_true (xa_hazard_validate (hazard, NULL, &error));
  g_assert_no_error (error);

  assert_start_refused (hazard, "A major hazard needs Temporary control measures before its rectification starts");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_TEMPORARY_MEASURES, "拉警戒线");
  assert_start_refused (hazard,
                        "A major hazard must be marked “Reported to the commission” before its rectification starts");
  xa_hazard_set_reported (hazard, TRUE);
  assert_start_refused (hazard,
                        "A major hazard must be marked “Listed for supervision” before its rectification starts");
  xa_hazard_set_reported (hazard, FALSE);
  xa_hazard_set_supervised (hazard, TRUE);
  assert_start_refused (hazard,
                        "A major hazard must be marked “Reported to the commission” before its rectification starts");
  xa_hazard_set_reported (hazard, TRUE);
  test_hazard_step (hazard, XA_HAZARD_STEP_START, "赵师傅", NULL, NULL);
  g_assert_cmpint (xa_hazard_get_state (hazard), ==, XA_HAZARD_STATE_RECTIFYING);

  /* Past 待整改 they cannot be taken away, nor the grade raised without them. */
  xa_hazard_set_supervised (hazard, FALSE);
  g_assert_false (xa_hazard_validate (hazard, &bad, &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_MAJOR);
  g_assert_cmpint (bad, ==, XA_HAZARD_FIELD_SUPERVISED);
  g_clear_error (&error);

  test_hazard_step (general, XA_HAZARD_STEP_START, "赵师傅", NULL, NULL);
  g_assert_true (xa_hazard_validate (general, NULL, NULL));
  xa_hazard_set_grade (general, XA_HAZARD_GRADE_MAJOR);
  g_assert_false (xa_hazard_validate (general, &bad, &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_MAJOR);
  g_assert_cmpint (bad, ==, XA_HAZARD_FIELD_TEMPORARY_MEASURES);
}

static void
test_history (void)
{
  g_autoptr(XaHazard) hazard = hazard_at (AT_RECTIFYING);
  const XaHazardEntry *entry;

  test_hazard_step (hazard, XA_HAZARD_STEP_COMPLETE, "赵师傅", "2021-09-06", "已更换门锁");
  test_hazard_step (hazard, XA_HAZARD_STEP_FAIL, "王校长", "2021-09-07", "电线仍裸露");

  g_assert_cmpint (xa_hazard_get_state (hazard), ==, XA_HAZARD_STATE_RECTIFYING);
  g_assert_cmpint (xa_hazard_get_reinspection_result (hazard), ==, XA_REINSPECTION_FAILED);
  g_assert_cmpstr (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_REINSPECTOR), ==, "王校长");
  g_assert_cmpstr (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_REINSPECTED_ON), ==, "2021-09-07");
  g_assert_cmpstr (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_COMPLETION_NOTES), ==, "已更换门锁");
  g_assert_cmpuint (xa_hazard_get_n_entries (hazard), ==, 3);

  /* The second report of completion starts a new re-inspection; the failed one stays in
   * the history exactly as it was. */
  test_hazard_step (hazard, XA_HAZARD_STEP_COMPLETE, "赵师傅", "2021-09-08", "已包扎电线");
  g_assert_cmpint (xa_hazard_get_state (hazard), ==, XA_HAZARD_STATE_REINSPECTING);
  g_assert_cmpint (xa_hazard_get_reinspection_result (hazard), ==, XA_REINSPECTION_NONE);
  g_assert_cmpstr (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_REINSPECTED_ON), ==, "");
  g_assert_cmpstr (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_REINSPECTOR), ==, "王校长");
  g_assert_cmpstr (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_COMPLETED_ON), ==, "2021-09-08");
  g_assert_cmpstr (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_COMPLETION_NOTES), ==, "已包扎电线");
  g_assert_cmpuint (xa_hazard_get_n_entries (hazard), ==, 4);

  entry = xa_hazard_get_entry (hazard, 0);
  g_assert_cmpint (entry->step, ==, XA_HAZARD_STEP_START);
  g_assert_cmpint (entry->from, ==, XA_HAZARD_STATE_PENDING);
  g_assert_cmpint (entry->to, ==, XA_HAZARD_STATE_RECTIFYING);
  g_assert_null (entry->date);
  entry = xa_hazard_get_entry (hazard, 2);
  g_assert_cmpint (entry->step, ==, XA_HAZARD_STEP_FAIL);
  g_assert_cmpint (entry->from, ==, XA_HAZARD_STATE_REINSPECTING);
  g_assert_cmpint (entry->to, ==, XA_HAZARD_STATE_RECTIFYING);
  g_assert_cmpstr (entry->who, ==, "王校长");
  g_assert_cmpstr (entry->date, ==, "2021-09-07");
  g_assert_cmpstr (entry->note, ==, "电线仍裸露");
  g_assert_cmpstr (entry->at, ==, "2021-09-20T09:30:00+08:00");
  entry = xa_hazard_get_entry (hazard, 3);
  g_assert_cmpint (entry->step, ==, XA_HAZARD_STEP_COMPLETE);
  g_assert_cmpstr (entry->note, ==, "已包扎电线");
  g_assert_null (xa_hazard_get_entry (hazard, 4));

  test_hazard_step (hazard, XA_HAZARD_STEP_PASS, "孙主任", "2021-09-09", NULL);
  test_hazard_step (hazard, XA_HAZARD_STEP_CLOSE, "刘校长", "2021-09-10", NULL);
  g_assert_cmpuint (xa_hazard_get_n_entries (hazard), ==, 6);
  g_assert_cmpstr (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_CLOSED_ON), ==, "2021-09-10");
  g_assert_cmpstr (xa_hazard_get_entry (hazard, 2)->note, ==, "电线仍裸露");
}

/* What each step asks for; every refusal leaves the hazard as it was. */
static void
assert_input_refused (At            at,
                      XaHazardStep  step,
                      const char   *who,
                      const char   *date,
                      const char   *at_time,
                      const char   *note,
                      const char   *message)
{
  g_autoptr(XaHazard) hazard = hazard_at (at);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_hazard_dup_json (hazard);
  g_autofree char *after = NULL;
  XaHazardStepInput input = { who, date, at_time, note };

  g_assert_false (xa_hazard_apply_step (hazard, step, &input, &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  after = test_hazard_dup_json (hazard);
  g_assert_cmpstr (after, ==, before);
}

typedef struct
{
  guint n_notified;
  guint n_whole;    /* notifications that found the history and the state agreeing */
} Watch;

static void
on_notify (XaHazard   *hazard,
           GParamSpec *pspec,
           Watch      *watch)
{
  guint n = xa_hazard_get_n_entries (hazard);

  watch->n_notified++;
  if (n > 0 && xa_hazard_get_entry (hazard, n - 1)->to == xa_hazard_get_state (hazard))
    watch->n_whole++;
}

/* A hazard someone watches takes a step whole: every notification finds the step done,
 * its entry in the history; a refused step, refused after its columns were set (the
 * order of the dates), notifies nothing and changes nothing. An unwatched hazard takes
 * the step in place and puts it back when refused (test_inputs()). */
static void
test_watched (void)
{
  g_autoptr(XaHazard) hazard = hazard_at (AT_REINSPECTING);
  g_autofree char *before = test_hazard_dup_json (hazard);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  XaHazardStepInput early = { "王校长", "2021-09-07", NULL, NULL };
  XaHazardStepInput input = { "王校长", "2021-09-09", NULL, NULL };
  Watch watch = { 0 };

  g_signal_connect (hazard, "notify", G_CALLBACK (on_notify), &watch);

  g_assert_false (xa_hazard_apply_step (hazard, XA_HAZARD_STEP_PASS, &early, &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID);
  after = test_hazard_dup_json (hazard);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (watch.n_notified, ==, 0);

  g_assert_true (xa_hazard_apply_step (hazard, XA_HAZARD_STEP_PASS, &input, NULL));
  g_assert_cmpint (xa_hazard_get_state (hazard), ==, XA_HAZARD_STATE_REINSPECTING);
  g_assert_cmpint (xa_hazard_get_reinspection_result (hazard), ==, XA_REINSPECTION_PASSED);
  g_assert_cmpuint (watch.n_notified, >=, 2);
  g_assert_cmpuint (watch.n_whole, ==, watch.n_notified);
}

static void
test_inputs (void)
{
  assert_input_refused (AT_PENDING, XA_HAZARD_STEP_START, NULL, NULL, NULL, NULL, "Handled by must not be empty");
  assert_input_refused (AT_PENDING, XA_HAZARD_STEP_START, "赵师傅", "2021-09-01", NULL, NULL,
                        "Started on (2021-09-01) must not be earlier than Found on (2021-09-03)");
  assert_input_refused (AT_RECTIFYING, XA_HAZARD_STEP_COMPLETE, "赵师傅", NULL, NULL, NULL,
                        "Completed on must not be empty");
  assert_input_refused (AT_RECTIFYING, XA_HAZARD_STEP_COMPLETE, "赵师傅", "2021/09/05", NULL, NULL,
                        "Completed on: “2021/09/05” is not a date (write it like 2021-09-01)");
  assert_input_refused (AT_RECTIFYING, XA_HAZARD_STEP_COMPLETE, "赵师傅", "2021-09-02", NULL, NULL,
                        "Completed on (2021-09-02) must not be earlier than Found on (2021-09-03)");
  assert_input_refused (AT_REINSPECTING, XA_HAZARD_STEP_PASS, " ", "2021-09-09", NULL, NULL,
                        "Re-inspector must not be empty");
  assert_input_refused (AT_REINSPECTING, XA_HAZARD_STEP_PASS, "王校长", "2021-09-07", NULL, NULL,
                        "Re-inspected on (2021-09-07) must not be earlier than Completed on (2021-09-08)");
  assert_input_refused (AT_REINSPECTING, XA_HAZARD_STEP_FAIL, "王校长", "2021-09-09", NULL, "  ",
                        "What is still wrong must not be empty");
  assert_input_refused (AT_PASSED, XA_HAZARD_STEP_CLOSE, "刘校长", "2021-09-07", NULL, NULL,
                        "Closed on (2021-09-07) must not be earlier than Re-inspected on (2021-09-08)");
  assert_input_refused (AT_PASSED, XA_HAZARD_STEP_CLOSE, "刘校长", "2021-09-09", "yesterday", NULL,
                        "“yesterday” is not a time such as 2021-09-01T08:30:00+08:00");
}

/* The model: the rules as the issue states them, kept apart from the code under test. */
typedef struct
{
  XaHazardState        state;
  XaReinspectionResult result;
  gboolean             major_ready;  /* a 重大 hazard with all it needs, or a 一般 one */
  char                 completed[11];
  char                 reinspected[11];
  guint                n_entries;
} Model;

/* Whether the state allows @step: -1, or the error of the refusal. */
static int
model_state_refusal (const Model  *model,
                     XaHazardStep  step)
{
  static const XaHazardState from[] = {
    XA_HAZARD_STATE_PENDING, XA_HAZARD_STATE_RECTIFYING, XA_HAZARD_STATE_REINSPECTING,
    XA_HAZARD_STATE_REINSPECTING, XA_HAZARD_STATE_REINSPECTING,
  };
  gboolean reinspects = step == XA_HAZARD_STEP_PASS || step == XA_HAZARD_STEP_FAIL;

  if (model->state != from[step])
    return XA_HAZARD_ERROR_BAD_STEP;
  if (reinspects && model->result == XA_REINSPECTION_PASSED)
    return XA_HAZARD_ERROR_BAD_STEP;
  if (step == XA_HAZARD_STEP_CLOSE && model->result != XA_REINSPECTION_PASSED)
    return XA_HAZARD_ERROR_NOT_PASSED;
  return -1;
}

/* The error the model expects, or -1 when the step is taken. */
static int
model_expect (const Model             *model,
              XaHazardStep             step,
              const XaHazardStepInput *input)
{
  g_autofree char *who = g_strstrip (g_strdup (input->who ? input->who : ""));
  gboolean has_date = input->date != NULL && input->date[0] != '\0';
  gboolean reinspects = step == XA_HAZARD_STEP_PASS || step == XA_HAZARD_STEP_FAIL;
  int refusal = model_state_refusal (model, step);

  if (refusal >= 0)
    return refusal;
  if (step == XA_HAZARD_STEP_START && !model->major_ready)
    return XA_HAZARD_ERROR_MAJOR;
  if (who[0] == '\0')
    return XA_HAZARD_ERROR_INVALID;
  if (reinspects && strcmp (who, TEST_RESPONSIBLE) == 0)
    return XA_HAZARD_ERROR_SAME_PERSON;
  if (step != XA_HAZARD_STEP_START && !has_date)
    return XA_HAZARD_ERROR_INVALID;
  if (has_date && (strcmp (input->date, "bad-date-x") == 0 || strcmp (input->date, TEST_FOUND_ON) < 0))
    return XA_HAZARD_ERROR_INVALID;
  if (step == XA_HAZARD_STEP_FAIL && (input->note == NULL || input->note[0] == '\0'))
    return XA_HAZARD_ERROR_INVALID;
  if (reinspects && strcmp (input->date, model->completed) < 0)
    return XA_HAZARD_ERROR_INVALID;
  if (step == XA_HAZARD_STEP_CLOSE && strcmp (input->date, model->reinspected) < 0)
    return XA_HAZARD_ERROR_INVALID;

  return -1;
}

static void
model_take (Model                   *model,
            XaHazardStep             step,
            const XaHazardStepInput *input)
{
  switch (step)
    {
    case XA_HAZARD_STEP_START:
      model->state = XA_HAZARD_STATE_RECTIFYING;
      break;
    case XA_HAZARD_STEP_COMPLETE:
      model->state = XA_HAZARD_STATE_REINSPECTING;
      model->result = XA_REINSPECTION_NONE;
      g_strlcpy (model->completed, input->date, sizeof model->completed);
      model->reinspected[0] = '\0';
      break;
    case XA_HAZARD_STEP_PASS:
      model->result = XA_REINSPECTION_PASSED;
      g_strlcpy (model->reinspected, input->date, sizeof model->reinspected);
      break;
    case XA_HAZARD_STEP_FAIL:
      model->state = XA_HAZARD_STATE_RECTIFYING;
      model->result = XA_REINSPECTION_FAILED;
      g_strlcpy (model->reinspected, input->date, sizeof model->reinspected);
      break;
    case XA_HAZARD_STEP_CLOSE:
      model->state = XA_HAZARD_STATE_CLOSED;
      break;
    case XA_N_HAZARD_STEPS:
    default:
      g_assert_not_reached ();
    }
  model->n_entries++;
}

/* Mostly a step the state allows, so that runs go round the loop and close; now and
 * then any step, to be refused. */
static XaHazardStep
pick_step (GRand       *rand,
           const Model *model)
{
  XaHazardStep allowed[XA_N_HAZARD_STEPS];
  guint n_allowed = 0;

  for (XaHazardStep step = 0; step < XA_N_HAZARD_STEPS; step++)
    {
      if (model_state_refusal (model, step) < 0)
        allowed[n_allowed++] = step;
    }

  if (n_allowed > 0 && g_rand_int_range (rand, 0, 4) > 0)
    return allowed[g_rand_int_range (rand, 0, n_allowed)];
  return g_rand_int_range (rand, 0, XA_N_HAZARD_STEPS);
}

#define N_RUNS      2000
#define N_STEPS_RUN 16

static void
test_random (void)
{
  static const char * const people[] = { "赵师傅", "王校长", TEST_RESPONSIBLE, " " TEST_RESPONSIBLE " ", "", NULL };
  static const char * const notes[] = { NULL, "", "电线仍裸露" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20210903);
  guint n_taken = 0, n_refused = 0, n_closed = 0, n_failed = 0;
  guint by_code[XA_HAZARD_ERROR_NOT_PASSED + 1] = { 0 };

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(XaHazard) hazard = test_hazard_new (g_rand_boolean (rand) ? XA_HAZARD_GRADE_MAJOR
                                                                          : XA_HAZARD_GRADE_GENERAL);
      Model model = { XA_HAZARD_STATE_PENDING, XA_REINSPECTION_NONE, TRUE, "", "", 0 };
      /* Each run's dates move forward mostly, and sometimes back, from the day found. */
      int day = 3;

      if (xa_hazard_get_grade (hazard) == XA_HAZARD_GRADE_MAJOR)
        {
          if (g_rand_int_range (rand, 0, 4) > 0)
            test_hazard_set_major_requirements (hazard);
          model.major_ready = g_strcmp0 (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_TEMPORARY_MEASURES), "") != 0;
        }

      for (guint i = 0; i < N_STEPS_RUN; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *date = NULL;
          XaHazardStep step = pick_step (rand, &model);
          int roll = g_rand_int_range (rand, 0, 20);
          XaHazardStepInput input = { people[g_rand_int_range (rand, 0, G_N_ELEMENTS (people))], NULL,
                                      "2021-09-20T09:30:00+08:00",
                                      notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (notes))] };
          int expect;
          gboolean taken;
          GDate on;

          day += g_rand_int_range (rand, -2, 4);
          if (roll == 0)
            date = NULL;
          else if (roll == 1)
            date = g_strdup ("bad-date-x");
          else
            date = g_strdup_printf ("2021-09-%02d", CLAMP (day, 1, 30));
          input.date = date;

          expect = model_expect (&model, step, &input);
          taken = xa_hazard_apply_step (hazard, step, &input, &error);

          if (expect < 0)
            {
              g_assert_no_error (error);
              g_assert_true (taken);
              model_take (&model, step, &input);
              n_taken++;
              n_closed += step == XA_HAZARD_STEP_CLOSE;
              n_failed += step == XA_HAZARD_STEP_FAIL;
            }
          else
            {
              g_assert_false (taken);
              g_assert_error (error, XA_HAZARD_ERROR, expect);
              by_code[expect]++;
              n_refused++;
            }

          /* The hazard and the model agree on everything the model knows. */
          g_assert_cmpint (xa_hazard_get_state (hazard), ==, model.state);
          g_assert_cmpint (xa_hazard_get_reinspection_result (hazard), ==, model.result);
          g_assert_cmpuint (xa_hazard_get_n_entries (hazard), ==, model.n_entries);
          g_assert_cmpstr (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_COMPLETED_ON), ==, model.completed);
          g_assert_cmpstr (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_REINSPECTED_ON), ==, model.reinspected);
          if (taken)
            {
              const XaHazardEntry *entry = xa_hazard_get_entry (hazard, model.n_entries - 1);
              g_autofree char *who = g_strstrip (g_strdup (input.who));

              g_assert_cmpint (entry->step, ==, step);
              g_assert_cmpint (entry->to, ==, model.state);
              g_assert_cmpstr (entry->who, ==, who);
              g_assert_cmpstr (entry->date, ==, input.date);
            }
          for (XaHazardStep s = 0; s < XA_N_HAZARD_STEPS; s++)
            {
              g_assert_cmpint (xa_hazard_can_step (hazard, s), ==, model_state_refusal (&model, s) < 0);
            }
          g_assert_true (xa_hazard_validate (hazard, NULL, NULL));

          g_date_clear (&on, 1);
          g_date_set_dmy (&on, CLAMP (day, 1, 30), G_DATE_SEPTEMBER, 2021);
          g_assert_cmpint (xa_hazard_is_overdue (hazard, &on), ==,
                           model.state != XA_HAZARD_STATE_CLOSED && g_date_get_day (&on) > 10);
        }
    }

  g_test_message ("%u closed, %u re-inspections failed", n_closed, n_failed);
  g_test_message ("%u steps taken, %u refused (bad step %u, major %u, same person %u, not passed %u, invalid %u)",
                  n_taken, n_refused, by_code[XA_HAZARD_ERROR_BAD_STEP], by_code[XA_HAZARD_ERROR_MAJOR],
                  by_code[XA_HAZARD_ERROR_SAME_PERSON], by_code[XA_HAZARD_ERROR_NOT_PASSED],
                  by_code[XA_HAZARD_ERROR_INVALID]);
  /* Every kind of outcome happened often enough to mean something. */
  g_assert_cmpuint (n_taken, >, 4000);
  g_assert_cmpuint (n_closed, >, 300);
  g_assert_cmpuint (n_failed, >, 200);
  for (guint code = XA_HAZARD_ERROR_BAD_STEP; code <= XA_HAZARD_ERROR_NOT_PASSED; code++)
    g_assert_cmpuint (by_code[code], >, 50);
  g_assert_cmpuint (by_code[XA_HAZARD_ERROR_INVALID], >, 50);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xiaoan/hazard-workflow/transitions", test_transitions);
  g_test_add_func ("/xiaoan/hazard-workflow/messages", test_messages);
  g_test_add_func ("/xiaoan/hazard-workflow/reinspector", test_reinspector);
  g_test_add_func ("/xiaoan/hazard-workflow/major", test_major);
  g_test_add_func ("/xiaoan/hazard-workflow/history", test_history);
  g_test_add_func ("/xiaoan/hazard-workflow/inputs", test_inputs);
  g_test_add_func ("/xiaoan/hazard-workflow/watched", test_watched);
  g_test_add_func ("/xiaoan/hazard-workflow/random", test_random);

  return g_test_run ();
}
