/* xa-school-people.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A school's people and its role terms, current and past, with the actions that add a
 * person and assign a role (a succession for the roles held by one person at a time). A
 * person's row opens the person to correct or remove; a term's row opens the term to
 * correct, end without a successor or remove. Notes show in the rows.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-person-dialog.h"
#include "xa-role-dialog.h"
#include "xa-school-people.h"
#include "xa-term-dialog.h"
#include "xa-ui-utils.h"
#include "core/util/xa-phone.h"
#include "core/util/xa-pinyin.h"

struct _XaSchoolPeople
{
  GtkWidget         parent_instance;

  /* Owned references */
  XaSchoolRegistry *registry;
  GListModel       *people;
  GListModel       *roles;
  char             *organisation_uuid;

  /* Template widgets */
  GtkListBox       *people_list;
  GtkListBox       *roles_list;
};

G_DEFINE_FINAL_TYPE (XaSchoolPeople, xa_school_people, GTK_TYPE_WIDGET)

static GtkWidget *
create_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);

  return label;
}

/* A row that opens @item (a person or a term) when activated, by click or Enter. The
 * item rides on the row, whatever order the list shows them in. Its subtitle is
 * @subtitle, with @note on a line of its own below when there is one. */
static GtkWidget *
create_row (gpointer    item,
            const char *title,
            const char *subtitle,
            const char *note)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) text = g_string_new (subtitle);

  /* Names come from users and imports: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (note != NULL && note[0] != '\0')
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a person's or a term's 备注, shown under it in the list. */
      g_string_append_printf (text, _("Note: %s"), note);
    }
  if (text->len > 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text->str);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "xa-item", g_object_ref (item), g_object_unref);

  return row;
}

static GtkWidget *
create_person_row (gpointer item,
                   gpointer user_data)
{
  XaPerson *person = item;
  const char *parts[4] = { NULL };
  g_autofree char *phone = xa_phone_format (xa_person_get_phone (person));
  g_autofree char *subtitle = NULL;
  guint n = 0;

  if (xa_person_get_title (person) != NULL && xa_person_get_title (person)[0] != '\0')
    parts[n++] = xa_person_get_title (person);
  if (phone[0] != '\0')
    parts[n++] = phone;
  if (xa_person_get_affiliation (person) != NULL && xa_person_get_affiliation (person)[0] != '\0')
    parts[n++] = xa_person_get_affiliation (person);
  subtitle = g_strjoinv (" · ", (char **) parts);

  return create_row (person, xa_person_get_name (person), subtitle, xa_person_get_note (person));
}

static GtkWidget *
create_role_row (gpointer item,
                 gpointer user_data)
{
  XaRole *role = item;
  g_autofree char *title = NULL;
  g_autofree char *dates = NULL;
  GtkWidget *row;
  GtkWidget *state;

  /* Translators: a role and who holds it, such as “第一责任人 · 王建国”. */
  title = g_strdup_printf (_("%s · %s"), xa_role_kind_to_label (xa_role_get_kind (role)),
                           xa_role_get_person_name (role));

  if (xa_role_get_current (role))
    /* Translators: %s is the day a term began (YYYY-MM-DD). */
    dates = g_strdup_printf (_("Since %s"), xa_role_get_since (role));
  else
    /* Translators: the first and the last day of an earlier term (YYYY-MM-DD). */
    dates = g_strdup_printf (_("From %s to %s"), xa_role_get_since (role),
                             xa_role_get_until (role) ? xa_role_get_until (role) : "");

  row = create_row (role, title, dates, xa_role_get_note (role));

  if (xa_role_get_current (role))
    {
      state = gtk_label_new (_("Current"));
      gtk_widget_add_css_class (state, "success");
    }
  else
    {
      /* Translators: a term that has ended, kept in the history. */
      state = gtk_label_new (_("Ended"));
      gtk_widget_add_css_class (state, "dim-label");
      gtk_widget_add_css_class (row, "ended-term");
    }
  gtk_widget_add_css_class (state, "caption-heading");
  gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);

  return row;
}

static GtkWindow *
get_parent_window (XaSchoolPeople *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (XaSchoolPeople *self,
            const char     *heading,
            const GError   *error)
{
  xa_widget_show_error (GTK_WIDGET (self), heading, error->message);
}

/* People by the role they hold now, in the order of the kinds (第一责任人 first, those
 * without a role last), then by name in pinyin order. */
static int
compare_people (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GHashTable *ranks = user_data;
  XaPerson *person_a = (XaPerson *) a;
  XaPerson *person_b = (XaPerson *) b;
  int rank_a = GPOINTER_TO_INT (g_hash_table_lookup (ranks, xa_person_get_uuid (person_a)));
  int rank_b = GPOINTER_TO_INT (g_hash_table_lookup (ranks, xa_person_get_uuid (person_b)));

  /* A rank is the kind plus one; none (0) goes last. */
  rank_a = rank_a == 0 ? XA_N_ROLE_KINDS + 1 : rank_a;
  rank_b = rank_b == 0 ? XA_N_ROLE_KINDS + 1 : rank_b;
  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;

  return xa_pinyin_collate (xa_person_get_name (person_a), xa_person_get_name (person_b));
}

static GListModel *
sort_people (GListModel *people,
             GListModel *roles)
{
  GHashTable *ranks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkCustomSorter *sorter;

  for (guint i = 0; roles != NULL && i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(XaRole) role = g_list_model_get_item (roles, i);
      int rank = xa_role_get_kind (role) + 1;
      int held = GPOINTER_TO_INT (g_hash_table_lookup (ranks, xa_role_get_person_uuid (role)));

      if (xa_role_get_current (role) && (held == 0 || rank < held))
        g_hash_table_insert (ranks, g_strdup (xa_role_get_person_uuid (role)), GINT_TO_POINTER (rank));
    }

  sorter = gtk_custom_sorter_new (compare_people, ranks, (GDestroyNotify) g_hash_table_unref);
  return G_LIST_MODEL (gtk_sort_list_model_new (people, GTK_SORTER (sorter)));
}

static void
reload (XaSchoolPeople *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->people);
  g_clear_object (&self->roles);

  if (self->registry != NULL && self->organisation_uuid != NULL)
    {
      self->people = xa_school_registry_list_people (self->registry, self->organisation_uuid,
                                                     &error);
      if (self->people == NULL)
        g_warning ("Cannot list the people of %s: %s", self->organisation_uuid, error->message);
      g_clear_error (&error);

      self->roles = xa_school_registry_list_roles (self->registry, self->organisation_uuid,
                                                   TRUE, &error);
      if (self->roles == NULL)
        g_warning ("Cannot list the roles of %s: %s", self->organisation_uuid, error->message);
      if (self->people != NULL)
        self->people = sort_people (self->people, self->roles);
    }

  gtk_list_box_bind_model (self->people_list, self->people, create_person_row, self, NULL);
  gtk_list_box_bind_model (self->roles_list, self->roles, create_role_row, self, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.add",
                                 self->organisation_uuid != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.assign-role",
                                 self->people != NULL &&
                                 g_list_model_get_n_items (self->people) > 0);
}

static void
remove_person_confirmed_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  XaSchoolPeople *self = XA_SCHOOL_PEOPLE (source);
  g_autofree char *person_uuid = user_data;
  g_autoptr(GError) error = NULL;

  if (!xa_confirm_finish (result, NULL) || self->registry == NULL)
    return;

  if (!xa_school_registry_remove_person (self->registry, person_uuid, &error))
    show_error (self, _("Person Not Removed"), error);

  reload (self);
}

/* A person who holds a term is refused at once, with the reason; anyone else is
 * removed once the user confirms. */
static void
remove_person (XaSchoolPeople *self,
               XaPerson       *person)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;

  if (!xa_school_registry_check_person_removable (self->registry, xa_person_get_uuid (person),
                                                  &error))
    {
      show_error (self, _("Person Not Removed"), error);
      return;
    }

  /* Translators: %s is a person's name. */
  heading = g_strdup_printf (_("Remove “%s”?"), xa_person_get_name (person));
  xa_confirm_removal_async (GTK_WIDGET (self), heading,
                            _("They leave this school's people. The terms they held stay in the history, and the audit log records the removal."),
                            _("_Remove"), remove_person_confirmed_cb,
                            g_strdup (xa_person_get_uuid (person)));
}

static void
person_response_cb (XaSchoolPeople *self,
                    const char     *response,
                    XaPersonDialog *dialog)
{
  XaPerson *edited = xa_person_dialog_get_person (dialog);
  g_autoptr(XaPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  if (self->organisation_uuid == NULL || self->registry == NULL)
    return;

  if (g_strcmp0 (response, "add") == 0)
    {
      person = xa_person_dialog_dup_person (dialog, self->organisation_uuid);
      if (!xa_school_registry_add_person (self->registry, person, &error))
        show_error (self, _("Person Not Added"), error);
    }
  else if (g_strcmp0 (response, "save") == 0 && edited != NULL)
    {
      /* The list is read again either way: a refused change shows nowhere. */
      xa_person_dialog_apply (dialog, edited);
      if (!xa_school_registry_update_person (self->registry, edited, &error))
        show_error (self, _("Person Not Saved"), error);
    }
  else if (g_strcmp0 (response, "remove") == 0 && edited != NULL)
    {
      remove_person (self, edited);
      return;
    }
  else
    return;

  reload (self);
}

/* Shows a dialog whose "response" signal @response_cb handles, for as long as this
 * widget lives. */
static void
present_dialog (XaSchoolPeople *self,
                GtkWindow      *dialog,
                GCallback       response_cb)
{
  g_signal_connect_object (dialog, "response", response_cb, self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  XaSchoolPeople *self = XA_SCHOOL_PEOPLE (widget);

  present_dialog (self, GTK_WINDOW (xa_person_dialog_new (get_parent_window (self), NULL)),
                  G_CALLBACK (person_response_cb));
}

static void
person_activated_cb (XaSchoolPeople *self,
                     GtkListBoxRow  *row,
                     GtkListBox     *list)
{
  XaPerson *person = g_object_get_data (G_OBJECT (row), "xa-item");

  if (person == NULL || self->registry == NULL)
    return;

  {
    XaPersonDialog *dialog = xa_person_dialog_new (get_parent_window (self), person);

    /* The person's signature for the agreements, beside their fields. */
    xa_person_dialog_show_signature (dialog, self->registry);
    present_dialog (self, GTK_WINDOW (dialog), G_CALLBACK (person_response_cb));
  }
}

static void
remove_term_confirmed_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  XaSchoolPeople *self = XA_SCHOOL_PEOPLE (source);
  g_autofree char *role_uuid = user_data;
  g_autoptr(GError) error = NULL;

  if (!xa_confirm_finish (result, NULL) || self->registry == NULL)
    return;

  if (!xa_school_registry_remove_role (self->registry, role_uuid, &error))
    show_error (self, _("Term Not Removed"), error);

  reload (self);
}

/* Says before it happens whose term runs again when a successor's is removed. */
static void
remove_term (XaSchoolPeople *self,
             XaRole         *term)
{
  g_autoptr(XaRole) predecessor = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (_("Remove a term only when it was entered by mistake: it leaves the history, and the audit log keeps what it was."));

  if (xa_role_get_current (term))
    predecessor = xa_school_registry_dup_role_predecessor (self->registry,
                                                           xa_role_get_uuid (term), &error);
  if (error != NULL)
    g_warning ("Cannot read the predecessor of %s: %s", xa_role_get_uuid (term), error->message);
  if (predecessor != NULL)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body,
                              /* Translators: the first %s is a person, the second a
                               * role such as 第一责任人, the third a day (YYYY-MM-DD) */
                              _("“%s” is then the %s again, as before %s."),
                              xa_role_get_person_name (predecessor),
                              xa_role_kind_to_label (xa_role_get_kind (predecessor)),
                              xa_role_get_since (term));
    }

  xa_confirm_removal_async (GTK_WIDGET (self), _("Remove This Term?"), body->str, _("_Remove"),
                            remove_term_confirmed_cb, g_strdup (xa_role_get_uuid (term)));
}

static void
term_response_cb (XaSchoolPeople *self,
                  const char     *response,
                  XaTermDialog   *dialog)
{
  XaRole *term = xa_term_dialog_get_term (dialog);
  g_autofree char *since = xa_term_dialog_dup_since (dialog);
  g_autofree char *until = NULL;
  g_autofree char *note = xa_term_dialog_dup_note (dialog);
  g_autoptr(GError) error = NULL;

  if (self->registry == NULL)
    return;

  if (g_strcmp0 (response, "remove") == 0)
    {
      remove_term (self, term);
      return;
    }

  if (g_strcmp0 (response, "save") == 0)
    {
      if (!xa_school_registry_update_role (self->registry, xa_role_get_uuid (term), since, note,
                                           &error))
        show_error (self, _("Term Not Saved"), error);
    }
  else if (g_strcmp0 (response, "end") == 0)
    {
      /* A corrected start is saved first: the end is checked against it. */
      until = xa_term_dialog_dup_until (dialog);
      if (!xa_school_registry_update_role (self->registry, xa_role_get_uuid (term), since, note,
                                           &error) ||
          !xa_school_registry_end_role (self->registry, xa_role_get_uuid (term), until, &error))
        show_error (self, _("Term Not Ended"), error);
    }
  else
    return;

  reload (self);
}

static void
role_activated_cb (XaSchoolPeople *self,
                   GtkListBoxRow  *row,
                   GtkListBox     *list)
{
  XaRole *term = g_object_get_data (G_OBJECT (row), "xa-item");

  if (term == NULL || self->registry == NULL)
    return;

  present_dialog (self, GTK_WINDOW (xa_term_dialog_new (get_parent_window (self), term)),
                  G_CALLBACK (term_response_cb));
}

static void
role_response_cb (XaSchoolPeople *self,
                  const char     *response,
                  XaRoleDialog   *dialog)
{
  g_autofree char *since = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "assign") != 0 || self->organisation_uuid == NULL)
    return;

  since = xa_role_dialog_dup_since (dialog);
  note = xa_role_dialog_dup_note (dialog);
  if (!xa_school_registry_assign_role (self->registry, self->organisation_uuid,
                                       xa_role_dialog_get_person_uuid (dialog),
                                       xa_role_dialog_get_kind (dialog),
                                       since, note, &error))
    show_error (self, _("Responsibility Not Assigned"), error);

  reload (self);
}

static void
assign_role_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XaSchoolPeople *self = XA_SCHOOL_PEOPLE (widget);

  if (self->people == NULL)
    return;

  present_dialog (self,
                  GTK_WINDOW (xa_role_dialog_new (get_parent_window (self), self->people)),
                  G_CALLBACK (role_response_cb));
}

static void
xa_school_people_dispose (GObject *object)
{
  XaSchoolPeople *self = XA_SCHOOL_PEOPLE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_SCHOOL_PEOPLE);
  /* The template's root is not a bound child, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->people);
  g_clear_object (&self->roles);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (xa_school_people_parent_class)->dispose (object);
}

static void
xa_school_people_finalize (GObject *object)
{
  XaSchoolPeople *self = XA_SCHOOL_PEOPLE (object);

  g_clear_pointer (&self->organisation_uuid, g_free);

  G_OBJECT_CLASS (xa_school_people_parent_class)->finalize (object);
}

static void
xa_school_people_class_init (XaSchoolPeopleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_school_people_dispose;
  object_class->finalize = xa_school_people_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-school-people.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolPeople, people_list);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolPeople, roles_list);
  gtk_widget_class_bind_template_callback (widget_class, person_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_activated_cb);

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_person_action);
  gtk_widget_class_install_action (widget_class, "people.assign-role", NULL,
                                   assign_role_action);
}

static void
xa_school_people_init (XaSchoolPeople *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->people_list,
                                create_placeholder (_("No people recorded yet")));
  gtk_list_box_set_placeholder (self->roles_list,
                                create_placeholder (_("No responsibilities assigned yet")));
  reload (self);
}

/**
 * xa_school_people_set_school:
 * @registry: the registry to read and change
 * @organisation_uuid: (nullable): the school whose people to show
 *
 * Shows the people and role terms of a school, read afresh from the registry.
 */
void
xa_school_people_set_school (XaSchoolPeople   *self,
                             XaSchoolRegistry *registry,
                             const char       *organisation_uuid)
{
  g_return_if_fail (XA_IS_SCHOOL_PEOPLE (self));
  g_return_if_fail (registry == NULL || XA_IS_SCHOOL_REGISTRY (registry));

  g_set_object (&self->registry, registry);
  g_free (self->organisation_uuid);
  self->organisation_uuid = g_strdup (organisation_uuid);
  reload (self);
}

/**
 * xa_school_people_get_people:
 *
 * Returns: (transfer none) (nullable): the people shown, a #GListModel of #XaPerson
 */
GListModel *
xa_school_people_get_people (XaSchoolPeople *self)
{
  g_return_val_if_fail (XA_IS_SCHOOL_PEOPLE (self), NULL);

  return self->people;
}

/**
 * xa_school_people_get_roles:
 *
 * Returns: (transfer none) (nullable): the role terms shown, a #GListModel of #XaRole
 */
GListModel *
xa_school_people_get_roles (XaSchoolPeople *self)
{
  g_return_val_if_fail (XA_IS_SCHOOL_PEOPLE (self), NULL);

  return self->roles;
}
