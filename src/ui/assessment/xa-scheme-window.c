/* xa-scheme-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The assessment scheme of a school year (考核细则, issue 14): the first-level groups with
 * their indicators (points, deduction standard and rule, evidence method, evidence
 * source), the veto items V1–V4, the H rule and the grade cut-offs. The commission opens
 * an indicator to edit its points, rule and texts; when an assessment has used the
 * scheme, the book saves the edit as a new version and the assessments already scored
 * keep theirs (the window says so before and after). The scheme is copied to the next
 * year, or compared with the year before's (what was added, removed or changed).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-scheme-window.h"
#include "xa-ui-utils.h"
#include "core/assessment/xa-evidence.h"
#include "core/util/xa-school-year.h"

struct _XaSchemeWindow
{
  AdwWindow             parent_instance;

  /* Owned references */
  XaSchemeBook         *book;
  XaScheme             *scheme;
  GPtrArray            *groups;   /* the AdwPreferencesGroups built */
  GPtrArray            *compare_rows;

  /* Template widgets */
  AdwPreferencesGroup  *compare_group;
  GtkBox               *groups_box;
  AdwToastOverlay      *toast_overlay;
  GtkLabel             *version_label;
  AdwWindowTitle       *window_title;

  /* State */
  int                   school_year;
  gboolean              editable;
  gboolean              used;
};

G_DEFINE_FINAL_TYPE (XaSchemeWindow, xa_scheme_window, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The kinds the rule drop-down offers, in its order. */
static const XaDeductionKind kinds[] = {
  XA_DEDUCTION_MANUAL, XA_DEDUCTION_PER_ITEM, XA_DEDUCTION_STEPPED, XA_DEDUCTION_ANY,
};

static void fill (XaSchemeWindow *self);

static void
toast (XaSchemeWindow *self,
       const char     *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static GtkWidget *
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);
  return row;
}

static GtkWidget *
new_group (XaSchemeWindow *self,
           const char     *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->groups_box, group);
  g_ptr_array_add (self->groups, group);
  return group;
}

/* The indicator edit dialog */

typedef struct
{
  XaSchemeWindow *window;
  char           *code;
  AdwEntryRow    *content;
  AdwEntryRow    *standard;
  AdwEntryRow    *method;
  GtkSpinButton  *points;
  AdwComboRow    *kind;
  GtkSpinButton  *amount;
  AdwEntryRow    *steps;
} Edit;

static guint save_copy (XaSchemeWindow  *self,
                        XaScheme        *copy,
                        GError         **error);

static void
edit_free (Edit *edit)
{
  g_object_unref (edit->window);
  g_free (edit->code);
  g_free (edit);
}

static GtkSpinButton *
add_spin_row (GtkListBox *list,
              const char *title,
              double      value,
              double      upper)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, upper, 0.5);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  gtk_list_box_append (list, row);
  return GTK_SPIN_BUTTON (spin);
}

static AdwEntryRow *
add_entry_row (GtkListBox *list,
               const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_list_box_append (list, row);
  return ADW_ENTRY_ROW (row);
}

/* An edit dialog of the scheme: its heading, the note that a used scheme gets a new
 * version, and a boxed list for the fields (*@list). */
static GtkWidget *
edit_dialog_new (XaSchemeWindow  *self,
                 const char      *heading,
                 GtkWidget      **list)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                              self->used ? _("Assessments have used this scheme: saving makes a new version, and the assessments already scored keep theirs.")
                                                         : NULL);

  *list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (*list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (*list, "boxed-list");
  return dialog;
}

/* Cancel and Save; @response_cb gets @data, freed with the dialog. */
static void
edit_dialog_present (GtkWidget      *dialog,
                     GtkWidget      *list,
                     GCallback       response_cb,
                     gpointer        data,
                     GClosureNotify  free_func)
{
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", response_cb, data, free_func, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  Edit             *edit)
{
  XaSchemeWindow *self = edit->window;
  g_autoptr(XaIndicator) edited = NULL;
  g_autoptr(GError) error = NULL;
  XaIndicator *indicator;
  XaDeductionKind kind;
  double amount;
  guint version;

  if (!g_str_equal (response, "save"))
    return;

  indicator = xa_scheme_find_indicator (self->scheme, edit->code);
  edited = xa_indicator_copy (indicator);
  gtk_spin_button_update (edit->points);
  gtk_spin_button_update (edit->amount);
  xa_indicator_set_points (edited, gtk_spin_button_get_value (edit->points));
  xa_indicator_set_content (edited, gtk_editable_get_text (GTK_EDITABLE (edit->content)));
  xa_indicator_set_standard (edited, gtk_editable_get_text (GTK_EDITABLE (edit->standard)));
  xa_indicator_set_method (edited, gtk_editable_get_text (GTK_EDITABLE (edit->method)));
  kind = kinds[MIN (adw_combo_row_get_selected (edit->kind), G_N_ELEMENTS (kinds) - 1)];
  amount = gtk_spin_button_get_value (edit->amount);
  if (kind == XA_DEDUCTION_STEPPED)
    {
      if (!xa_indicator_set_steps_text (edited, gtk_editable_get_text (GTK_EDITABLE (edit->steps)), &error))
        {
          xa_widget_show_error (GTK_WIDGET (self), _("The Indicator Could Not Be Saved"), error->message);
          return;
        }
    }
  else if (kind == XA_DEDUCTION_MANUAL)
    xa_indicator_set_manual (edited);
  else if (kind == XA_DEDUCTION_PER_ITEM)
    xa_indicator_set_per_item (edited, amount);
  else if (kind == XA_DEDUCTION_ANY)
    xa_indicator_set_any (edited, amount);

  version = xa_scheme_window_save_indicator (self, edited, &error);
  if (version == 0)
    xa_widget_show_error (GTK_WIDGET (self), _("The Indicator Could Not Be Saved"), error->message);
}

static void
indicator_activated_cb (AdwActionRow   *row,
                        XaSchemeWindow *self)
{
  const char *code = g_object_get_data (G_OBJECT (row), "code");
  XaIndicator *indicator = xa_scheme_find_indicator (self->scheme, code);
  g_autoptr(GtkStringList) kind_labels = gtk_string_list_new (NULL);
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *kind_row;
  g_autofree char *heading = NULL;
  Edit *edit;
  double amount;

  /* Translators: the heading of the dialog that edits an indicator: “编辑指标 C3” */
  heading = g_strdup_printf (_("Edit Indicator %s"), code);
  dialog = edit_dialog_new (self, heading, &list);

  edit = g_new0 (Edit, 1);
  edit->window = g_object_ref (self);
  edit->code = g_strdup (code);
  edit->content = add_entry_row (GTK_LIST_BOX (list), _("C_ontent"), xa_indicator_get_content (indicator));
  edit->points = add_spin_row (GTK_LIST_BOX (list), _("_Points"), xa_indicator_get_points (indicator), 100);
  edit->standard = add_entry_row (GTK_LIST_BOX (list), _("_Deduction Standard"), xa_indicator_get_standard (indicator));
  edit->method = add_entry_row (GTK_LIST_BOX (list), _("_Evidence Method"), xa_indicator_get_method (indicator));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (kind_labels, xa_deduction_kind_to_label (kinds[i]));
  kind_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind_row), _("_Rule"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (kind_row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (kind_row), G_LIST_MODEL (kind_labels));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == xa_indicator_get_kind (indicator))
      adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), i);
  gtk_list_box_append (GTK_LIST_BOX (list), kind_row);
  edit->kind = ADW_COMBO_ROW (kind_row);
  amount = xa_indicator_get_kind (indicator) == XA_DEDUCTION_ANY ? xa_indicator_get_fixed (indicator)
                                                                 : xa_indicator_get_per_item (indicator);
  edit->amount = add_spin_row (GTK_LIST_BOX (list), _("Points per Item or _Fixed"), amount, 100);
  {
    g_autofree char *steps = xa_indicator_dup_steps_text (indicator);

    /* Translators: the stepped rule's line, as 99.5:0, 99:2, 5 */
    edit->steps = add_entry_row (GTK_LIST_BOX (list), _("S_teps: Threshold:Deduction, …, Otherwise"),
                                 *steps != '\0' ? steps : "99.5:0, 99:2, 5");
  }

  edit_dialog_present (dialog, list, G_CALLBACK (edit_response_cb), edit, (GClosureNotify) edit_free);
}

/* The grade cut-offs and the H rule's points: one dialog, as the indicators have theirs. */
typedef struct
{
  XaSchemeWindow *window;
  GtkSpinButton  *excellent;
  GtkSpinButton  *good;
  GtkSpinButton  *pass;
  GtkSpinButton  *h_points;
} GradesEdit;

static void
grades_edit_free (GradesEdit *edit)
{
  g_object_unref (edit->window);
  g_free (edit);
}

static void
grades_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GradesEdit       *edit)
{
  GtkSpinButton *spins[] = { edit->excellent, edit->good, edit->pass, edit->h_points };
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save"))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    gtk_spin_button_update (spins[i]);
  if (xa_scheme_window_save_grades (edit->window, gtk_spin_button_get_value (edit->excellent),
                                    gtk_spin_button_get_value (edit->good), gtk_spin_button_get_value (edit->pass),
                                    gtk_spin_button_get_value (edit->h_points), &error) == 0)
    xa_widget_show_error (GTK_WIDGET (edit->window), _("The Grades Could Not Be Saved"), error->message);
}

static void
grades_activated_cb (AdwActionRow   *row,
                     XaSchemeWindow *self)
{
  GtkWidget *dialog;
  GtkWidget *list;
  GradesEdit *edit;
  double excellent, good, pass;

  dialog = edit_dialog_new (self, _("Edit Grades and Other Events"), &list);
  xa_scheme_get_cutoffs (self->scheme, &excellent, &good, &pass);
  edit = g_new0 (GradesEdit, 1);
  edit->window = g_object_ref (self);
  edit->excellent = add_spin_row (GTK_LIST_BOX (list), _("_Excellent from"), excellent, 100);
  edit->good = add_spin_row (GTK_LIST_BOX (list), _("_Good from"), good, 100);
  edit->pass = add_spin_row (GTK_LIST_BOX (list), _("_Pass from"), pass, 100);
  edit->h_points = add_spin_row (GTK_LIST_BOX (list), _("_H: Points per Event"), xa_scheme_get_h_points (self->scheme), 100);
  edit_dialog_present (dialog, list, G_CALLBACK (grades_response_cb), edit, (GClosureNotify) grades_edit_free);
}

/* A veto item's situation and basis: one dialog, as the grades have theirs. */
typedef struct
{
  XaSchemeWindow *window;
  char           *code;
  AdwEntryRow    *text;
  AdwEntryRow    *basis;
} VetoEdit;

static void
veto_edit_free (VetoEdit *edit)
{
  g_object_unref (edit->window);
  g_free (edit->code);
  g_free (edit);
}

static void
veto_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  VetoEdit         *edit)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save"))
    return;
  if (xa_scheme_window_save_veto (edit->window, edit->code, gtk_editable_get_text (GTK_EDITABLE (edit->text)),
                                  gtk_editable_get_text (GTK_EDITABLE (edit->basis)), &error) == 0)
    xa_widget_show_error (GTK_WIDGET (edit->window), _("The Veto Item Could Not Be Saved"), error->message);
}

static void
veto_activated_cb (AdwActionRow   *row,
                   XaSchemeWindow *self)
{
  const char *code = g_object_get_data (G_OBJECT (row), "code");
  const XaSchemeVeto *veto = xa_scheme_find_veto (self->scheme, code);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *list;
  VetoEdit *edit;

  /* Translators: the heading of the dialog that edits a veto item: “编辑否决项 V1” */
  heading = g_strdup_printf (_("Edit Veto Item %s"), code);
  dialog = edit_dialog_new (self, heading, &list);
  edit = g_new0 (VetoEdit, 1);
  edit->window = g_object_ref (self);
  edit->code = g_strdup (code);
  edit->text = add_entry_row (GTK_LIST_BOX (list), _("_Situation"), veto->text);
  edit->basis = add_entry_row (GTK_LIST_BOX (list), _("_Basis"), veto->basis);
  edit_dialog_present (dialog, list, G_CALLBACK (veto_response_cb), edit, (GClosureNotify) veto_edit_free);
}

/* Filling */

static void
fill (XaSchemeWindow *self)
{
  g_autofree char *year = xa_school_year_format (self->school_year, FALSE);
  g_autofree char *subtitle = NULL;
  g_autofree char *version_text = NULL;
  g_autoptr(GError) error = NULL;
  guint version = xa_scheme_get_version (self->scheme);
  double excellent, good, pass;
  GtkWidget *group;

  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->groups_box, self->groups->pdata[i]);
  g_ptr_array_set_size (self->groups, 0);

  self->used = FALSE;
  if (version > 0 && !xa_scheme_book_is_used (self->book, self->school_year, version, &self->used, &error))
    g_warning ("Cannot tell whether the scheme is used: %s", error->message);

  if (version == 0)
    /* Translators: the scheme window's subtitle for a year with no scheme stored */
    subtitle = g_strdup_printf (_("%s · Default"), year);
  else
    /* Translators: the scheme window's subtitle: the school year, then the version */
    subtitle = g_strdup_printf (_("%1$s · Version %2$u"), year, version);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  if (version == 0)
    version_text = g_strdup (_("No scheme is stored for this year: this is the default 100-point scheme. Editing an indicator stores it as the year's version 1."));
  else if (self->used)
    version_text = g_strdup (_("Assessments have used this version: an edit is saved as a new version, and the assessments already scored keep theirs."));
  else
    version_text = g_strdup (_("No assessment has used this version yet: an edit changes it in place."));
  gtk_label_set_label (self->version_label, version_text);

  for (guint g = 0; g < xa_scheme_get_n_groups (self->scheme); g++)
    {
      const XaSchemeGroup *first = xa_scheme_get_group (self->scheme, g);
      g_autofree char *points = xa_points_format (first->points);
      g_autofree char *title = NULL;

      /* Translators: a first-level indicator: its code, title and points: “A 组织领导（10 分）” */
      title = g_strdup_printf (_("%1$s %2$s (%3$s points)"), first->code, first->title, points);
      group = new_group (self, title);
      for (guint i = 0; i < xa_scheme_get_n_indicators (self->scheme); i++)
        {
          XaIndicator *indicator = xa_scheme_get_indicator (self->scheme, i);
          g_autofree char *row_title = NULL;
          g_autofree char *rule = NULL;
          g_autofree char *row_subtitle = NULL;
          g_autofree char *indicator_points = NULL;
          const char *source;
          GtkWidget *row;

          if (g_strcmp0 (xa_indicator_get_group (indicator), first->code) != 0)
            continue;
          indicator_points = xa_points_format (xa_indicator_get_points (indicator));
          rule = xa_indicator_describe_rule (indicator);
          source = xa_indicator_get_evidence_source (indicator);
          /* Translators: an indicator in the scheme: its code, content and points */
          row_title = g_strdup_printf (_("%1$s %2$s (%3$s points)"), xa_indicator_get_code (indicator),
                                       xa_indicator_get_content (indicator), indicator_points);
          /* Translators: an indicator's deduction standard, its rule, and where its evidence comes from */
          row_subtitle = g_strdup_printf (_("%1$s\nRule: %2$s · Evidence: %3$s"),
                                          xa_indicator_get_standard (indicator) ?: "", rule,
                                          source && xa_evidence_source_to_label (source)
                                          ? xa_evidence_source_to_label (source) : _("judged by the assessor"));
          row = add_row (ADW_PREFERENCES_GROUP (group), row_title, row_subtitle);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
          g_object_set_data_full (G_OBJECT (row), "code", g_strdup (xa_indicator_get_code (indicator)), g_free);
          if (self->editable)
            {
              gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("document-edit-symbolic"));
              g_signal_connect_object (row, "activated", G_CALLBACK (indicator_activated_cb), self, 0);
            }
        }
    }

  group = new_group (self, _("One-Vote Veto"));
  for (guint i = 0; i < xa_scheme_get_n_vetoes (self->scheme); i++)
    {
      const XaSchemeVeto *veto = xa_scheme_get_veto (self->scheme, i);
      g_autofree char *title = NULL;

      GtkWidget *row;

      /* Translators: a veto item: its code and text */
      title = g_strdup_printf (_("%1$s %2$s"), veto->code, veto->text);
      row = add_row (ADW_PREFERENCES_GROUP (group), title, veto->basis);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      g_object_set_data_full (G_OBJECT (row), "code", g_strdup (veto->code), g_free);
      if (self->editable)
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("document-edit-symbolic"));
          g_signal_connect_object (row, "activated", G_CALLBACK (veto_activated_cb), self, 0);
        }
    }

  group = new_group (self, _("Other Events and Grades"));
  {
    g_autofree char *h_points = xa_points_format (xa_scheme_get_h_points (self->scheme));
    g_autofree char *h_title = NULL;
    g_autofree char *cutoffs = NULL;
    g_autofree char *e = NULL, *gd = NULL, *p = NULL;
    GtkWidget *h_row, *grades_row;

    /* Translators: the H rule: how much each event deducts */
    h_title = g_strdup_printf (_("H: −%s points per event"), h_points);
    h_row = add_row (ADW_PREFERENCES_GROUP (group), h_title, xa_scheme_get_h_text (self->scheme));
    xa_scheme_get_cutoffs (self->scheme, &excellent, &good, &pass);
    e = xa_points_format (excellent);
    gd = xa_points_format (good);
    p = xa_points_format (pass);
    /* Translators: the grade cut-offs */
    cutoffs = g_strdup_printf (_("Excellent ≥ %1$s · Good ≥ %2$s · Pass ≥ %3$s · otherwise Fail; any veto: Fail"), e, gd, p);
    grades_row = add_row (ADW_PREFERENCES_GROUP (group), _("Grades"), cutoffs);
    if (self->editable)
      {
        GtkWidget *rows[] = { h_row, grades_row };

        for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
          {
            gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (rows[i]), TRUE);
            adw_action_row_add_suffix (ADW_ACTION_ROW (rows[i]), gtk_image_new_from_icon_name ("document-edit-symbolic"));
            g_signal_connect_object (rows[i], "activated", G_CALLBACK (grades_activated_cb), self, 0);
          }
      }
  }
}

static gboolean
load (XaSchemeWindow  *self,
      GError         **error)
{
  g_autoptr(XaScheme) scheme = xa_scheme_book_dup_current (self->book, self->school_year, error);

  if (scheme == NULL)
    return FALSE;
  g_set_object (&self->scheme, scheme);
  fill (self);
  return TRUE;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaSchemeWindow *self = XA_SCHEME_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!xa_scheme_window_copy_to_next (self, &error))
    xa_widget_show_error (GTK_WIDGET (self), _("The Scheme Could Not Be Copied"), error->message);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  XaSchemeWindow *self = XA_SCHEME_WINDOW (widget);

  xa_scheme_window_compare (self, self->school_year - 1);
}

static void
xa_scheme_window_dispose (GObject *object)
{
  XaSchemeWindow *self = XA_SCHEME_WINDOW (object);

  g_clear_object (&self->book);
  g_clear_object (&self->scheme);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->compare_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (xa_scheme_window_parent_class)->dispose (object);
}

static void
xa_scheme_window_class_init (XaSchemeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_scheme_window_dispose;

  /* A version was stored: the scoring pages read their schemes again. */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-scheme-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XaSchemeWindow, compare_group);
  gtk_widget_class_bind_template_child (widget_class, XaSchemeWindow, groups_box);
  gtk_widget_class_bind_template_child (widget_class, XaSchemeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XaSchemeWindow, version_label);
  gtk_widget_class_bind_template_child (widget_class, XaSchemeWindow, window_title);
  gtk_widget_class_install_action (widget_class, "scheme.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "scheme.compare", NULL, compare_action);
}

static void
xa_scheme_window_init (XaSchemeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
  self->compare_rows = g_ptr_array_new ();
}

/**
 * xa_scheme_window_new:
 * @editable: the commission edits and copies; others read
 */
GtkWidget *
xa_scheme_window_new (XaSchemeBook *book,
                      int           school_year,
                      gboolean      editable)
{
  XaSchemeWindow *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (XA_IS_SCHEME_BOOK (book), NULL);

  self = g_object_new (XA_TYPE_SCHEME_WINDOW, NULL);
  self->book = g_object_ref (book);
  self->school_year = school_year;
  self->editable = editable;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scheme.copy", editable);
  if (!load (self, &error))
    gtk_label_set_label (self->version_label, error->message);
  return GTK_WIDGET (self);
}

XaScheme *
xa_scheme_window_get_scheme (XaSchemeWindow *self)
{
  g_return_val_if_fail (XA_IS_SCHEME_WINDOW (self), NULL);
  return self->scheme;
}

/**
 * xa_scheme_window_save_indicator:
 * @edited: the indicator as edited (its code names the one it replaces)
 *
 * Saves the scheme with the indicator edited: in place, or as a new version when an
 * assessment has used it (the book decides), and says which in a toast.
 *
 * Returns: the version saved, 0 with @error set
 */
guint
xa_scheme_window_save_indicator (XaSchemeWindow  *self,
                                 XaIndicator     *edited,
                                 GError         **error)
{
  g_autoptr(XaScheme) copy = NULL;
  XaIndicator *indicator;

  g_return_val_if_fail (XA_IS_SCHEME_WINDOW (self), 0);
  g_return_val_if_fail (XA_IS_INDICATOR (edited), 0);

  copy = xa_scheme_copy (self->scheme);
  indicator = xa_scheme_find_indicator (copy, xa_indicator_get_code (edited));
  g_return_val_if_fail (indicator != NULL, 0);
  xa_indicator_set_points (indicator, xa_indicator_get_points (edited));
  xa_indicator_set_content (indicator, xa_indicator_get_content (edited));
  xa_indicator_set_standard (indicator, xa_indicator_get_standard (edited));
  xa_indicator_set_method (indicator, xa_indicator_get_method (edited));
  switch (xa_indicator_get_kind (edited))
    {
    case XA_DEDUCTION_PER_ITEM:
      xa_indicator_set_per_item (indicator, xa_indicator_get_per_item (edited));
      break;
    case XA_DEDUCTION_ANY:
      xa_indicator_set_any (indicator, xa_indicator_get_fixed (edited));
      break;
    case XA_DEDUCTION_MANUAL:
      xa_indicator_set_manual (indicator);
      break;
    case XA_DEDUCTION_STEPPED:
      {
        g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (XaDeductionStep));

        for (guint i = 0; i < xa_indicator_get_n_steps (edited); i++)
          g_array_append_vals (steps, xa_indicator_get_step (edited, i), 1);
        xa_indicator_set_stepped (indicator, (const XaDeductionStep *) steps->data, steps->len,
                                  xa_indicator_get_otherwise (edited));
      }
      break;
    default:
      break;
    }

  return save_copy (self, copy, error);
}

/* Saves @copy, an edited copy of the scheme shown, as the book decides: in its version, or
 * as a new one when assessments have used it; then shows it and says which. */
static guint
save_copy (XaSchemeWindow  *self,
           XaScheme        *copy,
           GError         **error)
{
  guint before = xa_scheme_get_version (self->scheme);
  guint version;
  g_autofree char *text = NULL;

  version = xa_scheme_book_save (self->book, copy, error);
  if (version == 0)
    return 0;
  g_set_object (&self->scheme, copy);
  fill (self);
  if (before > 0 && version != before)
    /* Translators: a toast: an edit of a used scheme was saved as a new version */
    text = g_strdup_printf (_("Saved as version %u: the assessments scored keep version %u"), version, before);
  else
    /* Translators: a toast: the scheme's version saved */
    text = g_strdup_printf (_("Saved in version %u"), version);
  toast (self, text);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  return version;
}

/**
 * xa_scheme_window_save_grades:
 *
 * The grade cut-offs (优秀, 良好, 合格 from) and the H rule's points per event, saved as
 * xa_scheme_window_save_indicator() saves an indicator.
 *
 * Returns: the version saved in, 0 on an error (a scheme the book refuses)
 */
guint
xa_scheme_window_save_grades (XaSchemeWindow  *self,
                              double           excellent,
                              double           good,
                              double           pass,
                              double           h_points,
                              GError         **error)
{
  g_autoptr(XaScheme) copy = NULL;

  g_return_val_if_fail (XA_IS_SCHEME_WINDOW (self), 0);

  copy = xa_scheme_copy (self->scheme);
  xa_scheme_set_cutoffs (copy, excellent, good, pass);
  xa_scheme_set_h_rule (copy, h_points, xa_scheme_get_h_text (self->scheme));
  return save_copy (self, copy, error);
}

/**
 * xa_scheme_window_save_veto:
 * @code: the veto item (V1 … V4)
 *
 * A veto item's situation (否决情形) and basis, saved as xa_scheme_window_save_indicator()
 * saves an indicator.
 *
 * Returns: the version saved in, 0 on an error (an empty situation, or too long)
 */
guint
xa_scheme_window_save_veto (XaSchemeWindow  *self,
                            const char      *code,
                            const char      *text,
                            const char      *basis,
                            GError         **error)
{
  g_autoptr(XaScheme) copy = NULL;

  g_return_val_if_fail (XA_IS_SCHEME_WINDOW (self), 0);

  copy = xa_scheme_copy (self->scheme);
  if (!xa_scheme_set_veto (copy, code, text, basis))
    {
      g_set_error (error, XA_SCHEME_BOOK_ERROR, XA_SCHEME_BOOK_ERROR_INVALID, _("The scheme of %d has no veto item %s"),
                   self->school_year, code);
      return 0;
    }
  return save_copy (self, copy, error);
}

gboolean
xa_scheme_window_copy_to_next (XaSchemeWindow  *self,
                               GError         **error)
{
  g_autoptr(XaScheme) copied = NULL;
  g_autofree char *year = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (XA_IS_SCHEME_WINDOW (self), FALSE);

  copied = xa_scheme_book_copy_year (self->book, self->school_year, self->school_year + 1, FALSE, error);
  if (copied == NULL)
    return FALSE;
  year = xa_school_year_format (self->school_year + 1, FALSE);
  /* Translators: a toast: the scheme was copied to the next school year */
  text = g_strdup_printf (_("Copied to %s"), year);
  toast (self, text);
  return TRUE;
}

/**
 * xa_scheme_window_compare:
 *
 * Shows what differs between @other_year's scheme and this one, above the indicators.
 *
 * Returns: how many differences
 */
guint
xa_scheme_window_compare (XaSchemeWindow *self,
                          int             other_year)
{
  g_autoptr(XaScheme) other = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *year = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (XA_IS_SCHEME_WINDOW (self), 0);

  for (guint i = 0; i < self->compare_rows->len; i++)
    adw_preferences_group_remove (self->compare_group, self->compare_rows->pdata[i]);
  g_ptr_array_set_size (self->compare_rows, 0);

  other = xa_scheme_book_dup_current (self->book, other_year, &error);
  year = xa_school_year_format (other_year, FALSE);
  /* Translators: the heading of the differences from another year's scheme */
  title = g_strdup_printf (_("Changes Since %s"), year);
  adw_preferences_group_set_title (self->compare_group, title);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_group), TRUE);
  if (other == NULL)
    {
      g_ptr_array_add (self->compare_rows, add_row (self->compare_group, error->message, NULL));
      return 0;
    }

  changes = xa_scheme_compare (other, self->scheme);
  for (guint i = 0; i < changes->len; i++)
    {
      const XaSchemeChange *change = changes->pdata[i];
      const char *kind = change->kind == XA_SCHEME_CHANGE_ADDED ? _("Added")
                         : change->kind == XA_SCHEME_CHANGE_REMOVED ? _("Removed") : _("Changed");
      g_autofree char *row_title = NULL;

      /* Translators: one difference between two schemes: what changed, and the code */
      row_title = g_strdup_printf (_("%1$s: %2$s"), kind, change->code);
      g_ptr_array_add (self->compare_rows, add_row (self->compare_group, row_title, change->summary));
    }
  if (changes->len == 0)
    g_ptr_array_add (self->compare_rows, add_row (self->compare_group, _("The two schemes are the same"), NULL));
  return changes->len;
}
