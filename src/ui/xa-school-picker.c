/* xa-school-picker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Choosing one school among hundreds by typing: a search entry over the list, which
 * finds a school by part of its name (实验), its pinyin initials (sy, syxx), its pinyin
 * (shiyan) or its code. The entry keeps the focus while the arrow keys move in the list,
 * and Enter picks the school selected: "picked" is emitted and the window's default
 * widget activated, so that in a dialog Enter is the dialog's answer. The school being
 * viewed elsewhere comes preselected (xa_school_picker_set_current()), and with a search
 * the first school found is selected.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-school-picker.h"
#include "xa-ui-utils.h"
#include "core/util/xa-list-sync.h"
#include "core/util/xa-pinyin.h"

/* How far Page Up and Page Down move in the list. */
#define PAGE_ROWS 5

struct _XaSchoolPicker
{
  GtkWidget           parent_instance;

  /* Owned references */
  GListModel         *schools;
  GtkFilterListModel *filter_model;
  GtkSingleSelection *selection;
  XaPinyinIndex      *index;
  char               *query;
  char               *current_uuid;

  /* Template widgets */
  GtkListView        *list_view;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
};

G_DEFINE_FINAL_TYPE (XaSchoolPicker, xa_school_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCHOOLS,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
match_school (gpointer item,
              gpointer user_data)
{
  XaSchoolPicker *self = user_data;
  XaOrganisation *school = item;

  return xa_pinyin_index_match (self->index, xa_organisation_get_name (school), self->query) ||
         xa_pinyin_index_match (self->index, xa_organisation_get_code (school), self->query);
}

static guint
find_school (XaSchoolPicker *self,
             const char     *uuid)
{
  return xa_list_find_key (G_LIST_MODEL (self->selection),
                           (const char *(*) (gpointer)) xa_organisation_get_uuid, uuid);
}

static void
select_position (XaSchoolPicker *self,
                 guint           position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/* Without a search the current school is selected, else the first school. */
static void
select_default (XaSchoolPicker *self)
{
  guint position = self->query == NULL ? find_school (self, self->current_uuid)
                                       : GTK_INVALID_LIST_POSITION;

  if (position == GTK_INVALID_LIST_POSITION && g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    position = 0;
  select_position (self, position);
}

static void
search_changed_cb (XaSchoolPicker *self,
                   GtkSearchEntry *entry)
{
  g_free (self->query);
  self->query = xa_pinyin_normalise_query (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filter_model), GTK_FILTER_CHANGE_DIFFERENT);

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0
                                    ? "list" : "none");
  select_default (self);
}

static void
pick (XaSchoolPicker *self)
{
  if (xa_school_picker_get_selected (self) == NULL)
    return;

  g_signal_emit (self, signals[SIGNAL_PICKED], 0);
  gtk_widget_activate_default (GTK_WIDGET (self));
}

static void
search_activated_cb (XaSchoolPicker *self,
                     GtkSearchEntry *entry)
{
  pick (self);
}

/* Escape clears the search, and with nothing typed closes the dialog as it would
 * anywhere else in it. */
static void
stop_search_cb (XaSchoolPicker *self,
                GtkSearchEntry *entry)
{
  if (gtk_editable_get_text (GTK_EDITABLE (entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "window.close", NULL);
}

static void
list_activated_cb (XaSchoolPicker *self,
                   guint           position,
                   GtkListView    *list_view)
{
  gtk_single_selection_set_selected (self->selection, position);
  pick (self);
}

/* The arrow keys move in the list while the entry keeps the focus, for typing more. */
static gboolean
key_pressed_cb (XaSchoolPicker        *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint selected = gtk_single_selection_get_selected (self->selection);
  int step;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      step = -1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      step = 1;
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      step = -PAGE_ROWS;
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      step = PAGE_ROWS;
      break;
    default:
      return FALSE;
    }

  if (n == 0)
    return TRUE;

  if (selected == GTK_INVALID_LIST_POSITION)
    selected = step > 0 ? 0 : n - 1;
  else
    selected = CLAMP ((int) selected + step, 0, (int) n - 1);
  select_position (self, selected);
  return TRUE;
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  XaOrganisation *school = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  const char *code = xa_organisation_get_code (school);
  g_autofree char *label = NULL;

  xa_badge_row_set (row, xa_organisation_get_name (school), code, NULL, NULL);
  /* Translators: how a screen reader reads a school in a list: its name and its code. */
  label = g_strdup_printf (_("%s, code %s"), xa_organisation_get_name (school), code ? code : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
selected_changed_cb (XaSchoolPicker *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* The picker is for typing: it takes the focus when it is shown. */
static void
xa_school_picker_map (GtkWidget *widget)
{
  XaSchoolPicker *self = XA_SCHOOL_PICKER (widget);

  GTK_WIDGET_CLASS (xa_school_picker_parent_class)->map (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static gboolean
xa_school_picker_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (XA_SCHOOL_PICKER (widget)->search_entry));
}

static void
xa_school_picker_constructed (GObject *object)
{
  XaSchoolPicker *self = XA_SCHOOL_PICKER (object);
  GtkCustomFilter *filter;

  G_OBJECT_CLASS (xa_school_picker_parent_class)->constructed (object);

  if (self->schools == NULL)
    self->schools = G_LIST_MODEL (g_list_store_new (XA_TYPE_ORGANISATION));

  filter = gtk_custom_filter_new (match_school, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (self->schools), GTK_FILTER (filter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selected_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  select_default (self);
}

static void
xa_school_picker_dispose (GObject *object)
{
  XaSchoolPicker *self = XA_SCHOOL_PICKER (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_SCHOOL_PICKER);
  /* The frame around the list is not a bound child, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->schools);

  G_OBJECT_CLASS (xa_school_picker_parent_class)->dispose (object);
}

static void
xa_school_picker_finalize (GObject *object)
{
  XaSchoolPicker *self = XA_SCHOOL_PICKER (object);

  g_clear_pointer (&self->index, xa_pinyin_index_free);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->current_uuid, g_free);

  G_OBJECT_CLASS (xa_school_picker_parent_class)->finalize (object);
}

static void
xa_school_picker_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  XaSchoolPicker *self = XA_SCHOOL_PICKER (object);

  switch (prop_id)
    {
    case PROP_SCHOOLS:
      g_value_set_object (value, self->schools);
      break;

    case PROP_SELECTED:
      g_value_set_object (value, xa_school_picker_get_selected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_school_picker_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  XaSchoolPicker *self = XA_SCHOOL_PICKER (object);

  switch (prop_id)
    {
    case PROP_SCHOOLS:
      self->schools = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_school_picker_class_init (XaSchoolPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = xa_school_picker_constructed;
  object_class->dispose = xa_school_picker_dispose;
  object_class->finalize = xa_school_picker_finalize;
  object_class->get_property = xa_school_picker_get_property;
  object_class->set_property = xa_school_picker_set_property;
  widget_class->map = xa_school_picker_map;
  widget_class->grab_focus = xa_school_picker_grab_focus;

  /* The schools to choose from, a #GListModel of #XaOrganisation. */
  properties[PROP_SCHOOLS] =
    g_param_spec_object ("schools", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* The school selected, or %NULL when the search finds none. */
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         XA_TYPE_ORGANISATION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XaSchoolPicker::picked:
   *
   * Enter in the search or a row activated, with a school selected.
   */
  signals[SIGNAL_PICKED] =
    g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-school-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, XaSchoolPicker, list_view);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XaSchoolPicker, stack);
  gtk_widget_class_bind_template_callback (widget_class, list_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
}

static void
xa_school_picker_init (XaSchoolPicker *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->index = xa_pinyin_index_new (XA_PINYIN_PLACE);

  g_signal_connect (factory, "setup", G_CALLBACK (xa_badge_row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  /* Before the entry's text sees them. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

/**
 * xa_school_picker_new:
 * @schools: the schools to choose from, a #GListModel of #XaOrganisation
 *
 * Returns: (transfer floating): the picker, the first school selected
 */
GtkWidget *
xa_school_picker_new (GListModel *schools)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (schools), NULL);

  return g_object_new (XA_TYPE_SCHOOL_PICKER, "schools", schools, NULL);
}

/**
 * xa_school_picker_set_current:
 * @uuid: (nullable): the school being viewed
 *
 * Selects the school being viewed when no search is typed, and when it is not among
 * the schools, the first.
 */
void
xa_school_picker_set_current (XaSchoolPicker *self,
                              const char     *uuid)
{
  g_return_if_fail (XA_IS_SCHOOL_PICKER (self));

  g_free (self->current_uuid);
  self->current_uuid = g_strdup (uuid);
  select_default (self);
}

/**
 * xa_school_picker_get_selected:
 *
 * Returns: (transfer none) (nullable): the school selected, or %NULL when the search
 *   finds none
 */
XaOrganisation *
xa_school_picker_get_selected (XaSchoolPicker *self)
{
  g_return_val_if_fail (XA_IS_SCHOOL_PICKER (self), NULL);

  return self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

/**
 * xa_school_picker_get_entry:
 *
 * Returns: (transfer none): the search entry, where the picker types
 */
GtkEditable *
xa_school_picker_get_entry (XaSchoolPicker *self)
{
  g_return_val_if_fail (XA_IS_SCHOOL_PICKER (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

/**
 * xa_school_picker_get_shown:
 *
 * Returns: (transfer none): the schools that the search finds, as listed
 */
GListModel *
xa_school_picker_get_shown (XaSchoolPicker *self)
{
  g_return_val_if_fail (XA_IS_SCHOOL_PICKER (self), NULL);

  return G_LIST_MODEL (self->selection);
}
