/* xa-archive-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the archive's views share: the words for a file's link and import, who may
 * change the archive (a school's login on the server reads its own files, the
 * commission and its clerk (档案员) file them). The form that links files by hand is
 * xa-archive-link-form.c.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-archive-ui.h"
#include "core/util/xa-school-year.h"
#include "ui/xa-application.h"
#include "ui/xa-ui-utils.h"
#include "xa-archive-detail.h"

char *
xa_archive_ui_dup_link_text (XaArchiveItem *item)
{
  g_autofree char *year = NULL;

  if (!xa_archive_item_get_linked (item))
    return g_strdup (_("Not linked yet"));

  year = xa_school_year_format_span (xa_archive_item_get_school_year (item));
  if (xa_archive_item_get_copy (item) != XA_ARCHIVE_COPY_NONE)
    /* Translators: a school, a school year (2026—2027) and an original (区教委存) */
    return g_strdup_printf (_("%s, %s, original %s"), xa_archive_item_get_school_name (item), year,
                            xa_archive_copy_to_label (xa_archive_item_get_copy (item)));

  /* Translators: a school and a school year (2026—2027) */
  return g_strdup_printf (_("%s, %s"), xa_archive_item_get_school_name (item), year);
}

char *
xa_archive_ui_dup_imported (XaArchiveItem *item)
{
  g_autofree char *when = xa_format_timestamp (xa_archive_item_get_imported_at (item));
  const char *who = xa_archive_item_get_imported_by (item);

  if (who == NULL || *who == '\0')
    return g_steal_pointer (&when);

  /* Translators: who imported a file, then when */
  return g_strdup_printf (_("%s, %s"), who, when);
}

/* The commission and its clerk file and check; a school's login on the server only
 * reads what the server lets it see, its own files. */
gboolean
xa_archive_ui_is_commission (XaWorkspace *workspace)
{
  g_autoptr(GSettings) settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);
  g_autofree char *role = g_settings_get_string (settings, "operator-role");

  if (!xa_store_get_is_server (xa_workspace_get_store (workspace)))
    return TRUE;
  return g_strcmp0 (role, "commission") == 0 || g_strcmp0 (role, "clerk") == 0;
}

gboolean
xa_archive_ui_can_change (XaWorkspace *workspace)
{
  return !xa_store_get_read_only (xa_workspace_get_store (workspace)) &&
         xa_archive_ui_is_commission (workspace);
}

/**
 * xa_archive_ui_open_item:
 * @uuid: the archived file
 *
 * Opens an archived file in the archive's preview, in a window of its own over
 * @parent's, where another section names it (an indicator's evidence, a plan).
 *
 * Returns: (transfer none): the window, or %NULL with @error set when the file cannot
 *   be read
 */
GtkWidget *
xa_archive_ui_open_item (GtkWidget   *parent,
                         XaWorkspace *workspace,
                         const char  *uuid,
                         GError     **error)
{
  g_autoptr(XaArchiveItem) item = xa_archive_dup_item (xa_workspace_get_archive (workspace), uuid, error);
  GtkWidget *detail;

  if (item == NULL)
    return NULL;
  detail = g_object_new (XA_TYPE_ARCHIVE_DETAIL, NULL);
  xa_archive_detail_set_workspace (XA_ARCHIVE_DETAIL (detail), workspace);
  xa_archive_detail_set_item (XA_ARCHIVE_DETAIL (detail), item);
  return xa_window_present_child (parent, _("Archived File"), detail);
}
