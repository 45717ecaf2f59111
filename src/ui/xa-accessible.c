/* xa-accessible.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a screen reader hears and what a tooltip shows, where GTK 4.8 gets it wrong on its
 * own. xa_accessible_prepare() is run once over every page, dialog and row the app builds,
 * so that no .ui file has to repeat the fixes:
 *
 * - A button with a mnemonic (保存(_S)) is named twice: gtk_button_set_label() gives the
 *   button the raw label, underscore included, as its accessible label, and the label
 *   inside, the button's mnemonic label, adds its own text through labelled-by. Orca read
 *   “保存(_S) 保存(S)”. Dropping the button's own label leaves “保存(S)”.
 * - An icon-only button has no name at all (GTK 4.8 reads the image's type name,
 *   GtkImage, or GtkMenuButton), nor has the arrow of a split button: each is named
 *   after its tooltip, which says what it does.
 * - A drop-down's button, the part that takes the focus, is a bare GtkToggleButton: it is
 *   labelled by the drop-down (学年度) and described by the choice it shows.
 * - A tooltip's label wraps at its narrowest width, one or two Chinese characters a line
 *   (学/年/度), and a menu button's tooltip stays over the menu it opened: a tooltip shows
 *   on one line up to a comfortable width, and not while its menu is open.
 *
 * The rows of a list view are nameless too (their labels are not read): the rows made by
 * the app's factories name themselves with xa_list_row_describe().
 */

#include "config.h"

#include "xa-accessible.h"

/* A tooltip wider than this wraps; below it, it is one line. */
#define TOOLTIP_MAX_WIDTH 420

typedef gboolean (*VisitFunc) (GtkWidget *widget,
                               gpointer   data);

/* Calls @visit on @widget, then on its descendants where it returns %TRUE. */
static void
visit_tree (GtkWidget *widget,
            VisitFunc  visit,
            gpointer   data)
{
  if (!visit (widget, data))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    visit_tree (child, visit, data);
}

static gboolean
popover_is_open (GtkWidget *widget)
{
  GtkPopover *popover;

  if (!GTK_IS_MENU_BUTTON (widget))
    return FALSE;

  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget));
  return popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover));
}

/**
 * xa_tooltip_label_new:
 * @text: a tooltip
 *
 * The label a tooltip shows @text in: on one line up to a comfortable width, wrapped at
 * that width beyond. GTK 4.8 gives a tooltip its label's narrowest width; a wrapping
 * label's is its longest word, one Chinese character.
 *
 * Returns: (transfer floating): the label
 */
GtkWidget *
xa_tooltip_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  int natural = 0;

  /* Not wrapped, the label's narrowest width is its whole line. */
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  if (natural > TOOLTIP_MAX_WIDTH)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_size_request (label, TOOLTIP_MAX_WIDTH, -1);
    }

  return label;
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = gtk_widget_get_tooltip_text (widget);
  GtkWidget *label;

  if (text == NULL)
    return FALSE;

  /* The menu is open under the button: its tooltip would cover the first items. */
  if (popover_is_open (widget))
    {
      g_signal_stop_emission_by_name (widget, "query-tooltip");
      return FALSE;
    }

  label = g_object_get_data (G_OBJECT (widget), "xa-tooltip-label");
  if (label == NULL || g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0)
    {
      /* Kept for the next query, which comes with each move of the pointer. */
      label = xa_tooltip_label_new (text);
      g_object_set_data_full (G_OBJECT (widget), "xa-tooltip-label", g_object_ref_sink (label),
                              g_object_unref);
    }

  gtk_tooltip_set_custom (tooltip, label);
  return TRUE;
}

static void
prepare_tooltip (GtkWidget *widget)
{
  if (gtk_widget_get_tooltip_text (widget) == NULL)
    return;

  if (g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, query_tooltip_cb, NULL) != 0)
    return;

  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

static void
name_after_tooltip (GtkWidget *widget)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (tooltip == NULL)
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

/* @label as shown: "_R" reads "R", "__" an underscore. */
static char *
strip_mnemonic (const char *label)
{
  GString *shown = g_string_new (NULL);

  for (const char *c = label; *c != '\0'; c++)
    {
      if (*c == '_' && c[1] != '\0')
        c++;
      g_string_append_c (shown, *c);
    }
  return g_string_free (shown, FALSE);
}

static char *
dup_selected_text (GtkDropDown *dropdown)
{
  GObject *item = gtk_drop_down_get_selected_item (dropdown);
  GtkExpression *expression = gtk_drop_down_get_expression (dropdown);
  g_auto(GValue) value = G_VALUE_INIT;

  if (item == NULL)
    return NULL;

  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));

  if (expression != NULL && gtk_expression_evaluate (expression, item, &value)
      && G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);

  return NULL;
}

static void
dropdown_selected_cb (GtkDropDown *dropdown,
                      GParamSpec  *pspec,
                      GtkWidget   *button)
{
  g_autofree char *text = dup_selected_text (dropdown);

  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
prepare_dropdown (GtkDropDown *dropdown)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (dropdown));

  if (!GTK_IS_TOGGLE_BUTTON (button)
      || g_signal_handler_find (dropdown, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, dropdown_selected_cb, NULL) != 0)
    return;

  gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, dropdown, NULL,
                                  -1);
  g_signal_connect_object (dropdown, "notify::selected-item", G_CALLBACK (dropdown_selected_cb),
                           button, 0);
  dropdown_selected_cb (dropdown, NULL, button);
}

static gboolean
prepare_widget (GtkWidget *widget,
                gpointer   data)
{
  if (GTK_IS_BUTTON (widget))
    {
      GtkButton *button = GTK_BUTTON (widget);

      if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
        gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
      else if (gtk_button_get_icon_name (button) != NULL)
        name_after_tooltip (widget);
    }
  else if (GTK_IS_MENU_BUTTON (widget))
    {
      GtkMenuButton *button = GTK_MENU_BUTTON (widget);

      /* The toggle inside, which takes the focus, has a name; the menu button itself
       * would be read as GtkMenuButton. A mnemonic's underscore is not read:
       * 登记(_R) is named 登记(R), as a button's mnemonic label reads. */
      if (gtk_menu_button_get_label (button) != NULL)
        {
          g_autofree char *name = gtk_menu_button_get_use_underline (button)
                                  ? strip_mnemonic (gtk_menu_button_get_label (button))
                                  : g_strdup (gtk_menu_button_get_label (button));

          gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
        }
      else
        name_after_tooltip (widget);
    }
  else if (GTK_IS_DROP_DOWN (widget))
    prepare_dropdown (GTK_DROP_DOWN (widget));

  prepare_tooltip (widget);
  return TRUE;
}

/**
 * xa_accessible_prepare:
 * @root: a page, a dialog, a row: a widget and what it holds
 *
 * Names @root's buttons and drop-downs and sets up their tooltips, as the comment at the
 * top of this file says. Run it again over a part rebuilt or relabelled since: it does
 * nothing twice.
 */
void
xa_accessible_prepare (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  visit_tree (root, prepare_widget, NULL);
}

static gboolean
retitle_label (GtkWidget *widget,
               gpointer   data)
{
  GtkWindow *window = data;

  if (GTK_IS_LABEL (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), g_dgettext ("gtk40", "Shortcuts")) == 0)
    gtk_label_set_text (GTK_LABEL (widget), gtk_window_get_title (window));

  return TRUE;
}

/**
 * xa_shortcuts_window_show_title:
 * @window: a #GtkShortcutsWindow with a title
 *
 * Shows @window's title in its header. GTK 4.8's shortcuts window shows its own word
 * there, whatever its title: 快捷操作, while the menu item that opens it and the title a
 * screen reader reads say 键盘快捷键.
 */
void
xa_shortcuts_window_show_title (GtkWindow *window)
{
  GtkWidget *titlebar;

  g_return_if_fail (GTK_IS_SHORTCUTS_WINDOW (window));

  titlebar = gtk_window_get_titlebar (window);
  if (titlebar != NULL && gtk_window_get_title (window) != NULL)
    visit_tree (titlebar, retitle_label, window);
}

typedef struct
{
  GString *name;
  GString *description;
} RowText;

static gboolean
collect_label (GtkWidget *widget,
               gpointer   data)
{
  RowText *row_text = data;
  const char *text;
  GString *to;

  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (!GTK_IS_LABEL (widget))
    return TRUE;

  text = gtk_label_get_text (GTK_LABEL (widget));
  /* A row's caption and its badge say more about it; the rest is its name. */
  to = gtk_widget_has_css_class (widget, "dim-label") || gtk_widget_has_css_class (widget, "state-badge")
       ? row_text->description : row_text->name;
  if (text[0] != '\0')
    {
      if (to->len > 0)
        g_string_append (to, to == row_text->name ? " " : " · ");
      g_string_append (to, text);
    }
  return FALSE;
}

/**
 * xa_list_row_describe:
 * @child: a widget inside a row of a #GtkListView, or the row's child
 *
 * Names the row after the labels it shows: its name is what it is called (凤岗幼儿园, 一、
 * 责任目标和职责任务), its description its dimmed caption and badge (1150000102 · 幼儿园).
 * Does nothing while @child is in no row.
 */
void
xa_list_row_describe (GtkWidget *child)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) description = g_string_new (NULL);
  GtkWidget *row = child;

  g_return_if_fail (GTK_IS_WIDGET (child));

  while (row != NULL && gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (row)) != GTK_ACCESSIBLE_ROLE_LIST_ITEM)
    row = gtk_widget_get_parent (row);
  if (row == NULL)
    return;

  visit_tree (row, collect_label, &(RowText) { name, description });
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name->str,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

/**
 * xa_list_row_mapped:
 *
 * For a row made from a .ui file by a #GtkBuilderListItemFactory, connected to the map
 * signal of the row's child (the factory's scope must know it, and
 * xa_list_row_label_changed()): names the row when it is first shown. The factory binds
 * the first item before the .ui's signals are connected, so notify::label alone misses it.
 */
void
xa_list_row_mapped (GtkWidget *child,
                    gpointer   user_data)
{
  xa_list_row_describe (child);
}

/**
 * xa_list_row_label_changed:
 *
 * Connected to notify::label of each of the row's labels, it keeps the row's name as the
 * row is given another item.
 */
void
xa_list_row_label_changed (GtkWidget  *label,
                           GParamSpec *pspec,
                           gpointer    user_data)
{
  xa_list_row_describe (label);
}
