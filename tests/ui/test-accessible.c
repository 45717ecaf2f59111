/* test-accessible.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tooltips people can read: one line for a short text (GTK 4.8 wrapped 学年度 one
 * character a line), wrapped at a fixed width for a long one, and none over the menu a
 * menu button opened. What a screen reader reads is checked through AT-SPI, in
 * test-a11y.py.
 */

#include "config.h"

#include "xa-test-ui-utils.h"
#include "ui/xa-accessible.h"

static int
line_height (void)
{
  g_autoptr(GtkWidget) label = g_object_ref_sink (gtk_label_new ("学"));
  int height = 0;

  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
  return height;
}

/* The tooltip window takes its label's narrowest width: that width must hold the text. */
static void
test_tooltip_one_line (void)
{
  const char *texts[] = {
    "学年度", "生成责任书", "School year",
    "将对比保存为可打印的 PDF，改动的文字加下划线或删除线",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GtkWidget) label = g_object_ref_sink (xa_tooltip_label_new (texts[i]));
      int minimum = 0;
      int natural = 0;
      int height = 0;

      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
      gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, minimum, &height, NULL, NULL, NULL);
      g_test_message ("%s: %d px wide at least, %d px high", texts[i], minimum, height);
      g_assert_cmpint (minimum, ==, natural);
      g_assert_cmpint (height, ==, line_height ());
    }
}

static void
test_tooltip_long (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GtkWidget) label = NULL;
  int minimum = 0;
  int height = 0;

  for (int i = 0; i < 6; i++)
    g_string_append (text, "学校标识码应为 10 位数字，与另一所学校的不同。");
  label = g_object_ref_sink (xa_tooltip_label_new (text->str));

  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, minimum, &height, NULL, NULL, NULL);
  /* Several lines of a good width, not one line across the screen or a column. */
  g_assert_cmpint (minimum, >=, 300);
  g_assert_cmpint (minimum, <=, 600);
  g_assert_cmpint (height, >=, 3 * line_height ());
}

static gboolean
query_tooltip (GtkWidget *widget)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (widget, "query-tooltip", 4, 4, FALSE, tooltip, &shown);
  return shown;
}

/* A menu button's tooltip, under the button like its menu, would cover the menu's first
 * items: it shows while the menu is closed only. */
static void
test_tooltip_not_over_menu (void)
{
  /* Ours, the one reference xa_test_close_window() lets go of. */
  GtkWidget *window = g_object_ref (gtk_window_new ());
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();

  g_menu_append (menu, "生成", "win.nothing");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "list-add-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (button, "生成责任书");
  gtk_window_set_child (GTK_WINDOW (window), button);
  xa_accessible_prepare (window);
  gtk_window_present (GTK_WINDOW (window));
  xa_test_iterate ();

  g_assert_true (query_tooltip (button));

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  xa_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)))));
  g_assert_false (query_tooltip (button));

  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  xa_test_iterate ();
  g_assert_true (query_tooltip (button));

  xa_test_close_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);

  g_test_add_func ("/xa/accessible/tooltip-one-line", test_tooltip_one_line);
  g_test_add_func ("/xa/accessible/tooltip-long", test_tooltip_long);
  g_test_add_func ("/xa/accessible/tooltip-not-over-menu", test_tooltip_not_over_menu);

  return g_test_run ();
}
