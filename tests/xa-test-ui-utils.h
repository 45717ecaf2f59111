/* xa-test-ui-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "core/xa-workspace.h"
#include "ui/xa-window.h"

G_BEGIN_DECLS

/* Enough turns of the main loop for any idle work to finish; no clock involved. */
#define XA_TEST_MAX_ITERATIONS 10000

void xa_test_ui_init          (int         *argc,
                               char      ***argv);
void xa_test_iterate          (void);
void xa_test_wait_for_boolean (gpointer    object,
                               const char *property,
                               gboolean    value);
void xa_test_close_window     (GtkWindow  *window);
gpointer xa_test_find_toplevel (GType       type);
gboolean xa_test_activate_shortcut (GtkWidget       *root,
                                    guint            keyval,
                                    GdkModifierType  modifiers);

/* The size of the windows the tests show: Xvfb's screen. */
#define XA_TEST_WINDOW_WIDTH  1280
#define XA_TEST_WINDOW_HEIGHT 800

gpointer   xa_test_template_child (gpointer    widget,
                                   GType       type,
                                   const char *name);
GtkWindow *xa_test_show_widget (GtkWidget *widget);
void       xa_test_wait_for_frame (GtkWidget  *widget);
GtkWidget *xa_test_list_row       (GtkListView *view,
                                   guint        position);
void       xa_test_click_row      (GtkWidget  *row);
void       xa_test_screenshot     (GtkWidget  *widget,
                                   const char *name);

/* What the UI tests of the app stand on: a data folder of their own, removed with all it
 * holds on tear-down, its store xiaoan.db opened for the operator 测试员, and the
 * workspace over it. A test's own fixture holds it as its first member. */
typedef struct
{
  char        *data_dir;
  XaStore     *store;       /* the workspace's, held to see it finalized */
  XaWorkspace *workspace;
} XaTestUiFixture;

void      xa_test_ui_fixture_set_up      (XaTestUiFixture *fixture,
                                          const char      *name,
                                          gboolean         defaults,
                                          guint            n_demo_schools);
XaWindow *xa_test_ui_fixture_show_window (XaTestUiFixture *fixture,
                                          int              width,
                                          int              height,
                                          const char      *section);
void      xa_test_wait_for_agreement_preview (XaWindow *window);

/* Four schools whose names the finding tests type: 红旗小学 (hqxx), 示例区实验小学 (the
 * only one with sy), 示例区育英幼儿园 and 示例区第二中学, coded 1101080001 to …04. */
#define XA_TEST_N_EXAMPLE_SCHOOLS 4
typedef struct
{
  const char *name;
  const char *code;
} XaTestSchool;
extern const XaTestSchool xa_test_example_schools[XA_TEST_N_EXAMPLE_SCHOOLS];
void      xa_test_add_example_schools (XaSchoolRegistry *registry);
void      xa_test_ui_fixture_tear_down   (XaTestUiFixture *fixture,
                                          GtkWindow       *window);

XaOrganisation *xa_test_add_school (XaSchoolRegistry *registry,
                                    const char       *name,
                                    const char       *code);

G_END_DECLS
