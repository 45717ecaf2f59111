/* xa-ui-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"
#include "core/agreements/xa-template.h"

G_BEGIN_DECLS

void  xa_widget_add_toast      (GtkWidget  *widget,
                                AdwToast   *toast);
void  xa_widget_report_export  (GtkWidget    *widget,
                                GFile        *file,
                                const GError *error);
void  xa_widget_show_error     (GtkWidget  *widget,
                                const char *heading,
                                const char *body);
void  xa_widget_show_problems  (GtkWidget  *widget,
                                const char *heading,
                                GPtrArray  *problems);
void  xa_settings_bind_choice  (GSettings          *settings,
                                const char         *key,
                                gpointer            object,
                                const char         *property,
                                const char * const *choices);
gboolean xa_settings_get_page_codes (void);
char *xa_format_timestamp      (const char *iso8601);
char *xa_template_dup_caption  (XaTemplate *template);

void  xa_confirm_async         (GtkWidget           *widget,
                                const char          *heading,
                                const char          *body,
                                GtkWidget           *extra_child,
                                const char          *confirm_label,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
void  xa_confirm_removal_async (GtkWidget          *widget,
                                const char          *heading,
                                const char          *body,
                                const char          *confirm_label,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
gboolean xa_confirm_finish     (GAsyncResult        *result,
                                GError             **error);

void   xa_choose_file_async  (GtkWidget            *widget,
                             GtkFileChooserAction  action,
                             const char           *title,
                             const char           *accept_label,
                             const char           *current_name,
                             GtkFileFilter        *filter,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data);
void   xa_choose_pdf_file_async (GtkWidget          *widget,
                                const char         *title,
                                const char         *current_name,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data);
GFile *xa_choose_file_finish (GAsyncResult         *result,
                             GError              **error);
void        xa_choose_files_async  (GtkWidget           *widget,
                                    const char          *title,
                                    const char          *accept_label,
                                    GtkFileFilter       *filter,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
GListModel *xa_choose_files_finish (GAsyncResult        *result,
                                    GError             **error);

void xa_stack_show_page (GtkStack   *stack,
                         const char *name);

void xa_list_set_single_tab_stop (GtkWidget *list);
void xa_list_row_released (GtkGestureClick *gesture,
                           int              n_press,
                           double           x,
                           double           y,
                           GtkListItem     *item);
void xa_list_view_focus_first (GtkListView *view);
void  xa_widget_grab_focus_when_shown (GtkWidget *widget);
char *xa_date_row_dup_date (AdwEntryRow *row);
char *xa_date_entry_dup_date (GtkEditable *row);
void  xa_window_unselect_on_map (GtkWindow *window);
gboolean xa_operator_is_commission (XaWorkspace *workspace);
GtkWidget *xa_window_present_child (GtkWidget  *parent,
                                    const char *title,
                                    GtkWidget  *child);

GtkWidget  *xa_check_row_new       (AdwPreferencesGroup *group,
                                    const char          *title,
                                    const char          *subtitle,
                                    const char          *icon_name);
const char *xa_check_icon          (gboolean             met);
void        xa_check_rows_clear    (GPtrArray           *rows);
char       *xa_check_rows_dup_text (GPtrArray           *rows);

GtkWidget *xa_badge_row_new (void);
void       xa_badge_row_setup_cb (GtkSignalListItemFactory *factory,
                                  GtkListItem              *item,
                                  gpointer                  user_data);
void       xa_badge_row_setup_opening_cb (GtkSignalListItemFactory *factory,
                                          GtkListItem              *item,
                                          gpointer                  user_data);
void       xa_badge_row_set (GtkWidget  *row,
                             const char *title,
                             const char *caption,
                             const char *badge,
                             const char *badge_class);

G_END_DECLS
