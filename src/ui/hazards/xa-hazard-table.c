/* xa-hazard-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ledger as a table: a GtkColumnView over the book's paged list of hazards, with the
 * columns people scan (编号, 发现日期, 部位, 隐患描述, 类别, 等级, 状态 with 逾期 marked,
 * 整改时限, 责任人). Clicking a header sorts by it, in the store: the table only tells
 * which column and which way (::sort-changed), the list reads its pages in that order.
 * Below the breakpoint it keeps the columns that say what and how urgent. The table is
 * one Tab stop, with the arrow keys inside, as the app's other lists are.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-hazard-table.h"
#include "xa-hazard-ui.h"
#include "xa-ui-utils.h"

struct _XaHazardTable
{
  GtkWidget           parent_instance;

  /* Owned references */
  XaHazardSelection  *selection;
  char               *number_prefix;  /* what every row's number begins with, not shown */
  GObject            *probe_a;    /* two items the column sorters are asked to compare */
  GObject            *probe_b;

  /* Template widgets */
  GtkColumnView      *column_view;
  GtkScrolledWindow  *scroller;

  /* State */
  GtkColumnViewColumn *columns[9];
  int                 probed;     /* the column whose sorter answered, or -1 */
  XaHazardSort        sort;
  gboolean            descending;
};

G_DEFINE_FINAL_TYPE (XaHazardTable, xa_hazard_table, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ACTIVATED,
  SIGNAL_SORT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  CELL_TEXT,
  CELL_NUMBER,
  CELL_GRADE,
  CELL_STATE,
} CellKind;

typedef struct
{
  XaHazardField  field;     /* the column's value */
  const char    *title;     /* the header, shorter than the column's label; N_() */
  int            sort;      /* an XaHazardSort, or -1 when it does not sort */
  CellKind       kind;
  int            width;     /* fixed width in pixels, or -1 for the content's */
  int            compact;   /* its width below the breakpoint, or 0 when hidden there */
} Column;

/* The widths fit the nine columns beside the detail at 1366 pixels; below the
 * breakpoint, the place, the description and the state (with 逾期) fit 360. The
 * description takes what is left. */
static const Column columns[] = {
  { XA_HAZARD_FIELD_NUMBER, NC_("hazard column", "Number"), XA_HAZARD_SORT_NUMBER, CELL_NUMBER, -1, 0 },
  { XA_HAZARD_FIELD_FOUND_ON, NC_("hazard column", "Found"), XA_HAZARD_SORT_FOUND_ON, CELL_TEXT, -1, 0 },
  { XA_HAZARD_FIELD_PLACE, NC_("hazard column", "Place"), XA_HAZARD_SORT_PLACE, CELL_TEXT, 96, 84 },
  { XA_HAZARD_FIELD_DESCRIPTION, NC_("hazard column", "Description"), -1, CELL_TEXT, 104, 104 },
  { XA_HAZARD_FIELD_CATEGORY, NC_("hazard column", "Category"), XA_HAZARD_SORT_CATEGORY, CELL_TEXT, 72, 0 },
  { XA_HAZARD_FIELD_GRADE, NC_("hazard column", "Grade"), XA_HAZARD_SORT_GRADE, CELL_GRADE, -1, 0 },
  { XA_HAZARD_FIELD_STATE, NC_("hazard column", "Status"), XA_HAZARD_SORT_STATE, CELL_STATE, -1, -1 },
  { XA_HAZARD_FIELD_DEADLINE, NC_("hazard column", "Deadline"), XA_HAZARD_SORT_DEADLINE, CELL_TEXT, -1, 0 },
  { XA_HAZARD_FIELD_RESPONSIBLE, NC_("hazard column", "Responsible"), XA_HAZARD_SORT_RESPONSIBLE, CELL_TEXT, 64, 0 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (columns) == 9);

/* Sorting. GTK 4.8 does not say which column the headers sort by (that came in 4.10 with
 * gtk_column_view_sorter_get_primary_sort_column()). Each sortable column gets a sorter
 * that answers "smaller" and notes that it was asked; the view's sorter asks the primary
 * column's first and stops at its answer, inverted when that column sorts descending. So
 * one comparison of two probe items tells the column and the direction. */

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  XaHazardTable *self = g_object_get_data (G_OBJECT (user_data), "xa-table");

  self->probed = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (user_data), "xa-column"));
  return GTK_ORDERING_SMALLER;
}

static void
sorter_changed_cb (XaHazardTable *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering order;
  XaHazardSort sort = XA_HAZARD_SORT_NUMBER;
  gboolean descending = FALSE;

  self->probed = -1;
  order = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);
  if (self->probed >= 0)
    {
      sort = columns[self->probed].sort;
      descending = order == GTK_ORDERING_LARGER;
    }

  if (sort == self->sort && descending == self->descending)
    return;

  self->sort = sort;
  self->descending = descending;
  g_signal_emit (self, signals[SIGNAL_SORT_CHANGED], 0);
}

/* Cells */

static GtkWidget *
new_label (gboolean ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  return label;
}

/* Dates and numbers are read whole or not at all. */
static gboolean
is_whole (XaHazardField field)
{
  return field == XA_HAZARD_FIELD_FOUND_ON || field == XA_HAZARD_FIELD_DEADLINE;
}

static GtkWidget *
new_badge (void)
{
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_add_css_class (badge, "state-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  return badge;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  const Column *column = &columns[GPOINTER_TO_UINT (user_data)];
  GtkWidget *box;

  switch (column->kind)
    {
    case CELL_STATE:
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      gtk_box_append (GTK_BOX (box), new_badge ());
      gtk_box_append (GTK_BOX (box), new_badge ());
      gtk_list_item_set_child (item, box);
      break;
    case CELL_GRADE:
      gtk_list_item_set_child (item, new_badge ());
      gtk_widget_set_halign (gtk_list_item_get_child (item), GTK_ALIGN_START);
      break;
    case CELL_NUMBER:
      gtk_list_item_set_child (item, new_label (FALSE));
      gtk_widget_add_css_class (gtk_list_item_get_child (item), "numeric");
      break;
    case CELL_TEXT:
    default:
      gtk_list_item_set_child (item, new_label (!is_whole (column->field)));
    }
}

/* The row of the table that @cell_child is in: GTK 4.8 puts the cells in rows of the
 * column view's inner list view. */
static GtkWidget *
find_row (GtkWidget *cell_child)
{
  GtkWidget *row = cell_child;

  while (row != NULL && gtk_widget_get_parent (row) != NULL && !GTK_IS_LIST_VIEW (gtk_widget_get_parent (row)))
    row = gtk_widget_get_parent (row);

  return row != NULL && gtk_widget_get_parent (row) != NULL ? row : NULL;
}

/* The row's name for a screen reader: what the hazard is, where, its state and when it
 * is due, as one sentence rather than nine cells. */
static void
describe_row (GtkWidget *cell_child,
              XaHazard  *hazard)
{
  GtkWidget *row = find_row (cell_child);
  g_autofree char *label = NULL;

  if (row == NULL)
    return;

  /* Translators: how a screen reader reads a row of the hazard ledger: the place, the
   * description, the state (with 逾期), the deadline and the responsible person */
  label = g_strdup_printf (_("%s: %s; %s%s; due %s; %s"),
                           xa_hazard_get_text (hazard, XA_HAZARD_FIELD_PLACE),
                           xa_hazard_get_text (hazard, XA_HAZARD_FIELD_DESCRIPTION),
                           xa_hazard_state_to_label (xa_hazard_get_state (hazard)),
                           xa_hazard_is_overdue_today (hazard) ? _(", overdue") : "",
                           xa_hazard_get_text (hazard, XA_HAZARD_FIELD_DEADLINE),
                           xa_hazard_get_text (hazard, XA_HAZARD_FIELD_RESPONSIBLE));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, xa_hazard_get_number (hazard),
                                  -1);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  guint index = GPOINTER_TO_UINT (user_data);
  const Column *column = &columns[index];
  XaHazard *hazard = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);

  if (!XA_IS_HAZARD (hazard))
    return;

  switch (column->kind)
    {
    case CELL_STATE:
      {
        GtkWidget *state = gtk_widget_get_first_child (child);
        GtkWidget *overdue = gtk_widget_get_next_sibling (state);

        xa_hazard_badge_set_state (state, xa_hazard_get_state (hazard));
        /* Translators: the mark of an overdue hazard in the ledger */
        xa_hazard_badge_set (overdue, _("Overdue"), "overdue");
        gtk_widget_set_visible (overdue, xa_hazard_is_overdue_today (hazard));
      }
      break;
    case CELL_GRADE:
      {
        gboolean major = xa_hazard_get_grade (hazard) == XA_HAZARD_GRADE_MAJOR;

        /* 重大 stands out; 一般, most of the ledger, is plain text. */
        xa_hazard_badge_set (child, xa_hazard_grade_to_label (xa_hazard_get_grade (hazard)),
                             major ? "major" : NULL);
        if (major)
          gtk_widget_add_css_class (child, "state-badge");
        else
          gtk_widget_remove_css_class (child, "state-badge");
      }
      break;
    case CELL_NUMBER:
      {
        XaHazardTable *self = g_object_get_data (G_OBJECT (factory), "xa-table");
        const char *number = xa_hazard_get_number (hazard);

        /* Only the part that tells the rows apart; the detail shows the whole. */
        if (self->number_prefix != NULL && g_str_has_prefix (number, self->number_prefix))
          number += strlen (self->number_prefix);
        gtk_label_set_label (GTK_LABEL (child), number);
        /* A number with its school's code (every school listed) in smaller type. */
        if (strlen (number) > 8)
          gtk_widget_add_css_class (child, "caption");
        else
          gtk_widget_remove_css_class (child, "caption");
        gtk_widget_set_tooltip_text (child, xa_hazard_get_number (hazard));
      }
      break;
    case CELL_TEXT:
    default:
      {
        g_autofree char *text = xa_hazard_dup_value_text (hazard, column->field);

        /* One line: a description's line breaks become spaces. */
        g_strdelimit (text, "\r\n", ' ');
        gtk_label_set_label (GTK_LABEL (child), text);
      }
    }

  if (index == 0)
    describe_row (child, hazard);
}

static void
activated_cb (XaHazardTable *self,
              guint          position)
{
  g_signal_emit (self, signals[SIGNAL_ACTIVATED], 0, position);
}

static void
add_columns (XaHazardTable *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "xa-table", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (g_dpgettext2 (NULL, "hazard column", columns[i].title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, columns[i].field == XA_HAZARD_FIELD_DESCRIPTION);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);

      if (columns[i].sort >= 0)
        {
          GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (NULL, NULL, NULL));

          /* The sorter is only ever asked by sorter_changed_cb(), with the probes. */
          g_object_set_data (G_OBJECT (sorter), "xa-table", self);
          g_object_set_data (G_OBJECT (sorter), "xa-column", GINT_TO_POINTER (i));
          gtk_custom_sorter_set_sort_func (GTK_CUSTOM_SORTER (sorter), probe_compare, sorter, NULL);
          gtk_column_view_column_set_sorter (column, sorter);
          g_object_unref (sorter);
        }

      gtk_column_view_append_column (self->column_view, column);
      self->columns[i] = column;
      g_object_unref (column);
    }
}

static void
xa_hazard_table_dispose (GObject *object)
{
  XaHazardTable *self = XA_HAZARD_TABLE (object);
  GtkWidget *child;

  /* The columns go with the view, which changes its sorter: nobody is to hear of it. */
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (self->column_view),
                                          sorter_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_HAZARD_TABLE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_pointer (&self->number_prefix, g_free);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);

  G_OBJECT_CLASS (xa_hazard_table_parent_class)->dispose (object);
}

static void
xa_hazard_table_class_init (XaHazardTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_hazard_table_dispose;

  /**
   * XaHazardTable::activated:
   * @position: the row activated (Enter, or a click)
   */
  signals[SIGNAL_ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * XaHazardTable::sort-changed:
   *
   * A header was clicked: xa_hazard_table_get_sort() says the order now.
   */
  signals[SIGNAL_SORT_CHANGED] =
    g_signal_new ("sort-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-hazard-table.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaHazardTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, XaHazardTable, scroller);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
}

static void
xa_hazard_table_init (XaHazardTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  self->probed = -1;
  self->sort = XA_HAZARD_SORT_NUMBER;

  add_columns (self);
  xa_list_set_single_tab_stop (GTK_WIDGET (self->column_view));
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * xa_hazard_table_set_model:
 * @hazards: a #GListModel of #XaHazard, the book's paged list
 *
 * The table chooses from it through an #XaHazardSelection, which never reads the whole
 * list to follow the hazard chosen.
 */
void
xa_hazard_table_set_model (XaHazardTable *self,
                           GListModel    *hazards)
{
  g_return_if_fail (XA_IS_HAZARD_TABLE (self));
  g_return_if_fail (G_IS_LIST_MODEL (hazards));

  g_clear_object (&self->selection);
  /* Nothing is selected for the user: a hazard opens when it is chosen. */
  self->selection = xa_hazard_selection_new (hazards);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

/**
 * xa_hazard_table_get_selection:
 *
 * Returns: (transfer none) (nullable): the selection over the hazards
 */
XaHazardSelection *
xa_hazard_table_get_selection (XaHazardTable *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_TABLE (self), NULL);

  return self->selection;
}

/**
 * xa_hazard_table_get_sort:
 * @descending: (out) (optional): whether the order is descending
 *
 * Returns: the column the headers sort by
 */
XaHazardSort
xa_hazard_table_get_sort (XaHazardTable *self,
                          gboolean      *descending)
{
  g_return_val_if_fail (XA_IS_HAZARD_TABLE (self), XA_HAZARD_SORT_NUMBER);

  if (descending != NULL)
    *descending = self->descending;
  return self->sort;
}

/**
 * xa_hazard_table_sort_by:
 *
 * Sorts as a click on the column's header would, its arrow shown.
 */
void
xa_hazard_table_sort_by (XaHazardTable *self,
                         XaHazardSort   sort,
                         gboolean       descending)
{
  g_return_if_fail (XA_IS_HAZARD_TABLE (self));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (columns[i].sort == (int) sort)
      gtk_column_view_sort_by_column (self->column_view, self->columns[i],
                                      descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

/**
 * xa_hazard_table_set_compact:
 *
 * Below the breakpoint: only the place, the description and the state.
 */
void
xa_hazard_table_set_compact (XaHazardTable *self,
                             gboolean       compact)
{
  g_return_if_fail (XA_IS_HAZARD_TABLE (self));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      gtk_column_view_column_set_visible (self->columns[i], !compact || columns[i].compact != 0);
      gtk_column_view_column_set_fixed_width (self->columns[i], compact ? columns[i].compact : columns[i].width);
    }
}

/**
 * xa_hazard_table_set_number_prefix:
 * @prefix: (nullable): what the numbers of every row listed begin with (the school
 *   year's 2021-2022-, and the school's code when one school is listed), or %NULL
 *
 * The numbers are shown without it, so that the nine columns fit beside the detail.
 */
void
xa_hazard_table_set_number_prefix (XaHazardTable *self,
                                   const char    *prefix)
{
  g_return_if_fail (XA_IS_HAZARD_TABLE (self));

  if (g_strcmp0 (self->number_prefix, prefix) == 0)
    return;

  g_free (self->number_prefix);
  self->number_prefix = g_strdup (prefix);
  /* The rows are bound again when the list is filtered, which follows. */
}

/**
 * xa_hazard_table_scroll_to:
 *
 * Brings row @position into view.
 */
void
xa_hazard_table_scroll_to (XaHazardTable *self,
                           guint          position)
{
  g_return_if_fail (XA_IS_HAZARD_TABLE (self));

  /* The rows are the column view's inner list view's, and so is its action. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

/**
 * xa_hazard_table_focus_first:
 *
 * What Enter in the search does: the first hazard found selected, the focus on it.
 */
void
xa_hazard_table_focus_first (XaHazardTable *self)
{
  g_return_if_fail (XA_IS_HAZARD_TABLE (self));

  if (self->selection == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;

  xa_hazard_selection_set_selected (self->selection, 0);
  xa_hazard_table_scroll_to (self, 0);
  gtk_widget_child_focus (GTK_WIDGET (self->column_view), GTK_DIR_TAB_FORWARD);
}

/**
 * xa_hazard_table_get_view:
 *
 * Returns: (transfer none): the column view, for tests
 */
GtkColumnView *
xa_hazard_table_get_view (XaHazardTable *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_TABLE (self), NULL);

  return self->column_view;
}
