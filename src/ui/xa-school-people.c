/* xa-school-people.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A school's people and its role terms, current and past, with the actions that add a
 * person and assign a role (a succession for the roles held by one person at a time).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-person-dialog.h"
#include "xa-role-dialog.h"
#include "xa-school-people.h"
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

static GtkWidget *
create_row (const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names come from users and imports: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static GtkWidget *
create_person_row (gpointer item,
                   gpointer user_data)
{
  XaPerson *person = item;
  const char *parts[4] = { NULL };
  g_autofree char *subtitle = NULL;
  guint n = 0;

  if (xa_person_get_title (person) != NULL && xa_person_get_title (person)[0] != '\0')
    parts[n++] = xa_person_get_title (person);
  if (xa_person_get_phone (person) != NULL && xa_person_get_phone (person)[0] != '\0')
    parts[n++] = xa_person_get_phone (person);
  if (xa_person_get_affiliation (person) != NULL && xa_person_get_affiliation (person)[0] != '\0')
    parts[n++] = xa_person_get_affiliation (person);
  subtitle = g_strjoinv (" · ", (char **) parts);

  return create_row (xa_person_get_name (person), subtitle);
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

  row = create_row (title, dates);

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

  if (xa_role_get_note (role) != NULL && xa_role_get_note (role)[0] != '\0')
    gtk_widget_set_tooltip_text (row, xa_role_get_note (role));

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
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (get_parent_window (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
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
person_response_cb (XaSchoolPeople *self,
                    const char     *response,
                    XaPersonDialog *dialog)
{
  g_autoptr(XaPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0 || self->organisation_uuid == NULL)
    return;

  person = xa_person_dialog_dup_person (dialog, self->organisation_uuid);
  if (!xa_school_registry_add_person (self->registry, person, &error))
    show_error (self, _("Person Not Added"), error);

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

  present_dialog (self, GTK_WINDOW (xa_person_dialog_new (get_parent_window (self))),
                  G_CALLBACK (person_response_cb));
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
    show_error (self, _("Role Not Assigned"), error);

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
                                create_placeholder (_("No roles assigned yet")));
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
