/* xa-template-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a template holds besides its clauses: its name, the lines under the title
 * (责任学校：{school_name}…, or none) and the signature block: one to four parties, each
 * with its label (甲方, 乙方…), role (the commission, the school, or another party), unit
 * line, seal, lines to sign or fill in (a label and an optional value written in
 * already), its own date line and the label of the original it keeps; the parties side
 * by side or stacked, with one shared date line or none.
 *
 * The form keeps its own copies of the parties and the lines and hands them whole to
 * the template after every edit (xa_template_set_signature(), _set_party_lines()): the
 * template's are plain values, replaced together. Rows are built again only when
 * something is added or removed, so that typing keeps its focus.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-accessible.h"
#include "xa-template-form.h"

#define MAX_PARTIES 4

struct _XaTemplateForm
{
  GtkWidget        parent_instance;

  /* Owned references */
  XaTemplate      *template;
  GPtrArray       *signers;      /* of XaSigner, the form's copies */
  GPtrArray       *party_lines;  /* of XaFormLine */
  GPtrArray       *line_rows;    /* the rows added to lines_group */

  /* Template widgets */
  AdwComboRow     *layout_row;
  AdwPreferencesGroup *lines_group;
  AdwEntryRow     *name_row;
  GtkBox          *parties_box;
  AdwEntryRow     *shared_date_row;

  /* State */
  guint            filling : 1;
};

G_DEFINE_FINAL_TYPE (XaTemplateForm, xa_template_form, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The roles the form offers, in the order of its list; another key shows as "other". */
static const char * const roles[] = { "commission", "school", "other" };

/* The labels a new party takes, as Chinese contracts name them: not translated, since
 * they are the document's words. */
static const char * const party_labels[MAX_PARTIES] = { "甲方", "乙方", "丙方", "丁方" };

static void rebuild (XaTemplateForm *self);

static void
push (XaTemplateForm *self)
{
  if (self->filling || self->template == NULL)
    return;

  xa_template_set_signature (self->template, self->signers,
                             adw_combo_row_get_selected (self->layout_row) == 1
                             ? XA_SIGNATURE_STACKED : XA_SIGNATURE_SIDE_BY_SIDE,
                             gtk_editable_get_text (GTK_EDITABLE (self->shared_date_row)));
  xa_template_set_party_lines (self->template, self->party_lines);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Where a widget's value goes: a party's field (party ≥ 0), one of its lines, or a line
 * under the title (party < 0). */
static char **
field_of (XaTemplateForm *self,
          GObject        *widget)
{
  int party = GPOINTER_TO_INT (g_object_get_data (widget, "party")) - 1;
  int line = GPOINTER_TO_INT (g_object_get_data (widget, "line")) - 1;
  const char *field = g_object_get_data (widget, "field");
  XaSigner *signer = party >= 0 ? g_ptr_array_index (self->signers, party) : NULL;

  if (line >= 0)
    {
      XaFormLine *form_line = g_ptr_array_index (signer ? signer->lines : self->party_lines, line);

      return g_str_equal (field, "label") ? &form_line->label : &form_line->value;
    }

  if (g_str_equal (field, "label"))
    return &signer->label;
  if (g_str_equal (field, "unit"))
    return &signer->unit;
  if (g_str_equal (field, "date"))
    return &signer->date;
  return &signer->copy;
}

static void
entry_changed_cb (GtkEditable    *editable,
                  XaTemplateForm *self)
{
  char **field;

  if (self->filling)
    return;

  field = field_of (self, G_OBJECT (editable));
  g_free (*field);
  *field = g_strdup (gtk_editable_get_text (editable));
  push (self);
}

static void
seal_changed_cb (GtkSwitch      *toggle,
                 GParamSpec     *pspec,
                 XaTemplateForm *self)
{
  int party = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toggle), "party")) - 1;

  ((XaSigner *) g_ptr_array_index (self->signers, party))->seal = gtk_switch_get_active (toggle);
  push (self);
}

static void
role_changed_cb (AdwComboRow    *row,
                 GParamSpec     *pspec,
                 XaTemplateForm *self)
{
  int party = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "party")) - 1;
  XaSigner *signer = g_ptr_array_index (self->signers, party);
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling || selected >= G_N_ELEMENTS (roles))
    return;

  /* "Other" keeps a key of its own, such as "canteen", that a file gave. */
  if (selected == 2 && (g_str_equal (signer->role, "commission") || g_str_equal (signer->role, "school")))
    {
      g_free (signer->role);
      signer->role = g_strdup ("other");
    }
  else if (selected < 2)
    {
      g_free (signer->role);
      signer->role = g_strdup (roles[selected]);
    }
  push (self);
}

static void
tag (gpointer    widget,
     int         party,
     int         line,
     const char *field)
{
  g_object_set_data (G_OBJECT (widget), "party", GINT_TO_POINTER (party + 1));
  g_object_set_data (G_OBJECT (widget), "line", GINT_TO_POINTER (line + 1));
  g_object_set_data (G_OBJECT (widget), "field", (gpointer) field);
}

static GtkWidget *
entry_row (XaTemplateForm *self,
           const char     *title,
           const char     *text,
           int             party,
           const char     *field)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  tag (row, party, -1, field);
  g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), self);
  return row;
}

static GtkWidget *
small_entry (XaTemplateForm *self,
             const char     *text,
             const char     *name,
             const char     *placeholder,
             int             party,
             int             line,
             const char     *field)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  tag (entry, party, line, field);
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), self);
  return entry;
}

/* A line to sign or fill in, or a line under the title: its label, its value and a
 * button that removes it. */
static GtkWidget *
line_row (XaTemplateForm   *self,
          const XaFormLine *line,
          int               party,
          int               index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *title = g_strdup_printf (_("Line %d"), index + 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             small_entry (self, line->label, _("Label"), _("Label, such as 班级："),
                                          party, index, "label"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             small_entry (self, line->value, _("Value"), _("Filled in by hand"),
                                          party, index, "value"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove the Line"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "form.remove-line");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "(ii)", party, index);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  xa_accessible_prepare (row);
  return row;
}

static GtkWidget *
party_group (XaTemplateForm *self,
             int             party)
{
  XaSigner *signer = g_ptr_array_index (self->signers, party);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button;
  GtkWidget *row;
  GtkWidget *toggle;
  g_autofree char *title = g_strdup_printf (_("Party %d"), party + 1);
  g_autoptr(GtkStringList) role_names = gtk_string_list_new (NULL);
  guint role = 2;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);

  button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_tooltip_text (button, _("Add a Line to Sign or Fill In"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "form.add-line");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", party);
  gtk_box_append (GTK_BOX (header), button);
  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (button, _("Remove the Party"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "form.remove-party");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", party);
  gtk_widget_set_sensitive (button, self->signers->len > 1);
  gtk_box_append (GTK_BOX (header), button);
  gtk_widget_add_css_class (header, "linked");
  gtk_widget_set_valign (header, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), header);
  xa_accessible_prepare (header);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             entry_row (self, _("Label (甲方, 乙方…)"), signer->label, party, "label"));

  gtk_string_list_append (role_names, _("The commission (区教委)"));
  gtk_string_list_append (role_names, _("The school (学校)"));
  gtk_string_list_append (role_names, _("Another party"));
  for (guint i = 0; i < 2; i++)
    if (g_str_equal (signer->role, roles[i]))
      role = i;
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Role"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (role_names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), role);
  tag (row, party, -1, "role");
  g_signal_connect (row, "notify::selected", G_CALLBACK (role_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             entry_row (self, _("Unit Line, such as {school_name}(盖章)"), signer->unit,
                                        party, "unit"));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Seals"));
  toggle = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (toggle), signer->seal);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  tag (toggle, party, -1, "seal");
  g_signal_connect (toggle, "notify::active", G_CALLBACK (seal_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  for (guint i = 0; i < signer->lines->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               line_row (self, g_ptr_array_index (signer->lines, i), party, i));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             entry_row (self, _("Own Date Line (Empty: the Shared One)"), signer->date,
                                        party, "date"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             entry_row (self, _("Copy Label, such as 学校存 (Empty: Keeps No Original)"),
                                        signer->copy, party, "copy"));
  return group;
}

static void
rebuild (XaTemplateForm *self)
{
  GtkWidget *child;

  self->filling = TRUE;

  for (guint i = 0; i < self->line_rows->len; i++)
    adw_preferences_group_remove (self->lines_group, g_ptr_array_index (self->line_rows, i));
  g_ptr_array_set_size (self->line_rows, 0);
  for (guint i = 0; i < self->party_lines->len; i++)
    {
      GtkWidget *row = line_row (self, g_ptr_array_index (self->party_lines, i), -1, i);

      g_ptr_array_add (self->line_rows, row);
      adw_preferences_group_add (self->lines_group, row);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->parties_box))) != NULL)
    gtk_box_remove (self->parties_box, child);
  for (guint i = 0; i < self->signers->len; i++)
    gtk_box_append (self->parties_box, party_group (self, i));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.add-party",
                                 self->template != NULL && self->signers->len < MAX_PARTIES);
  self->filling = FALSE;
}

static void
name_changed_cb (XaTemplateForm *self,
                 AdwEntryRow    *row)
{
  if (self->filling || self->template == NULL)
    return;

  xa_template_set_name (self->template, gtk_editable_get_text (GTK_EDITABLE (row)));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
layout_changed_cb (XaTemplateForm *self)
{
  push (self);
}

static void
shared_date_changed_cb (XaTemplateForm *self)
{
  push (self);
}

/* Actions */

static void
add_party_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  XaTemplateForm *self = XA_TEMPLATE_FORM (widget);
  g_autofree char *id = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *copy = NULL;
  const char *label;
  XaSigner *signer;

  if (self->template == NULL || self->signers->len >= MAX_PARTIES)
    return;

  /* Ready to print as it is: 丙方(签字), a line to sign, a date, an original. */
  label = party_labels[self->signers->len];
  id = xa_template_dup_new_id (self->template);
  unit = g_strconcat (label, "(签字)", NULL);
  copy = g_strconcat (label, "存", NULL);
  signer = xa_signer_new (id, "other", label, unit, FALSE, "年　月　日", copy);
  xa_signer_add_line (signer, "签字：", NULL);
  g_ptr_array_add (self->signers, signer);
  push (self);
  rebuild (self);
}

static void
remove_party_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XaTemplateForm *self = XA_TEMPLATE_FORM (widget);
  int party = g_variant_get_int32 (parameter);

  if (self->signers->len <= 1 || party < 0 || (guint) party >= self->signers->len)
    return;

  g_ptr_array_remove_index (self->signers, party);
  push (self);
  rebuild (self);
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XaTemplateForm *self = XA_TEMPLATE_FORM (widget);
  GPtrArray *lines = self->party_lines;

  if (self->template == NULL)
    return;

  if (g_str_equal (action_name, "form.add-line"))
    {
      int party = g_variant_get_int32 (parameter);

      if (party < 0 || (guint) party >= self->signers->len)
        return;
      lines = ((XaSigner *) g_ptr_array_index (self->signers, party))->lines;
    }

  g_ptr_array_add (lines, xa_form_line_new (NULL, NULL));
  push (self);
  rebuild (self);
}

static void
remove_line_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XaTemplateForm *self = XA_TEMPLATE_FORM (widget);
  GPtrArray *lines = self->party_lines;
  int party;
  int line;

  g_variant_get (parameter, "(ii)", &party, &line);
  if (party >= 0 && (guint) party < self->signers->len)
    lines = ((XaSigner *) g_ptr_array_index (self->signers, party))->lines;
  if (line < 0 || (guint) line >= lines->len)
    return;

  g_ptr_array_remove_index (lines, line);
  push (self);
  rebuild (self);
}

static void
xa_template_form_dispose (GObject *object)
{
  XaTemplateForm *self = XA_TEMPLATE_FORM (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_TEMPLATE_FORM);
  /* The scrolled window holds the template's widgets and has no id of its own. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->template);

  G_OBJECT_CLASS (xa_template_form_parent_class)->dispose (object);
}

static void
xa_template_form_finalize (GObject *object)
{
  XaTemplateForm *self = XA_TEMPLATE_FORM (object);

  g_clear_pointer (&self->signers, g_ptr_array_unref);
  g_clear_pointer (&self->party_lines, g_ptr_array_unref);
  g_clear_pointer (&self->line_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (xa_template_form_parent_class)->finalize (object);
}

static void
xa_template_form_class_init (XaTemplateFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_template_form_dispose;
  object_class->finalize = xa_template_form_finalize;

  /**
   * XaTemplateForm::changed:
   *
   * The user changed the template's name, its lines under the title or its signature
   * block.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-template-form.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateForm, layout_row);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateForm, lines_group);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateForm, name_row);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateForm, parties_box);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateForm, shared_date_row);
  gtk_widget_class_bind_template_callback (widget_class, layout_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, shared_date_changed_cb);

  gtk_widget_class_install_action (widget_class, "form.add-party", NULL, add_party_action);
  gtk_widget_class_install_action (widget_class, "form.remove-party", "i", remove_party_action);
  gtk_widget_class_install_action (widget_class, "form.add-line", "i", add_line_action);
  gtk_widget_class_install_action (widget_class, "form.add-party-line", NULL, add_line_action);
  gtk_widget_class_install_action (widget_class, "form.remove-line", "(ii)", remove_line_action);
}

static void
xa_template_form_init (XaTemplateForm *self)
{
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling = FALSE;

  self->signers = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_signer_free);
  self->party_lines = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_form_line_free);
  self->line_rows = g_ptr_array_new ();
  rebuild (self);
}

/**
 * xa_template_form_set_template:
 * @template: (nullable): the editor's working copy
 */
void
xa_template_form_set_template (XaTemplateForm *self,
                               XaTemplate     *template)
{
  GPtrArray *lines;

  g_return_if_fail (XA_IS_TEMPLATE_FORM (self));

  g_set_object (&self->template, template);
  g_ptr_array_set_size (self->signers, 0);
  g_ptr_array_set_size (self->party_lines, 0);

  self->filling = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), template != NULL);
  if (template != NULL)
    {
      for (guint i = 0; i < xa_template_get_n_signers (template); i++)
        g_ptr_array_add (self->signers, xa_signer_copy (xa_template_get_signer (template, i)));
      lines = xa_template_get_party_lines (template);
      for (guint i = 0; i < lines->len; i++)
        g_ptr_array_add (self->party_lines, xa_form_line_copy (g_ptr_array_index (lines, i)));

      gtk_editable_set_text (GTK_EDITABLE (self->name_row), xa_template_get_name (template));
      adw_combo_row_set_selected (self->layout_row,
                                  xa_template_get_signature_layout (template) == XA_SIGNATURE_STACKED);
      gtk_editable_set_text (GTK_EDITABLE (self->shared_date_row), xa_template_get_shared_date (template));
    }
  self->filling = FALSE;

  rebuild (self);
}
