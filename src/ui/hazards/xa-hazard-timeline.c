/* xa-hazard-timeline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hazard's history as a timeline (issue 11: "a failed re-inspection returns to 整改中
 * with the history kept and shown as a timeline"): its finding first, then each step
 * taken (xa_hazard_get_entry()), oldest first, with who took it, the day it gives and when
 * it was recorded, and its note. A failed re-inspection stands out in the error colour,
 * counted, with what was still wrong; the attempts before and after it stay in view.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-hazard-timeline.h"
#include "xa-hazard-ui.h"
#include "xa-ui-utils.h"
#include "core/hazards/xa-hazard-workflow.h"

struct _XaHazardTimeline
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (XaHazardTimeline, xa_hazard_timeline, GTK_TYPE_WIDGET)

static const char * const step_icons[XA_N_HAZARD_STEPS] = {
  [XA_HAZARD_STEP_START] = "media-playback-start-symbolic",
  [XA_HAZARD_STEP_COMPLETE] = "object-select-symbolic",
  [XA_HAZARD_STEP_PASS] = "emblem-ok-symbolic",
  [XA_HAZARD_STEP_FAIL] = "window-close-symbolic",
  [XA_HAZARD_STEP_CLOSE] = "changes-prevent-symbolic",
};

/* A line: an icon, a title, and under it who and when, then the note. Lines are not
 * focused one by one: the list is read, not worked in. */
static GtkWidget *
add_line (XaHazardTimeline *self,
          const char       *icon_name,
          const char       *title,
          const char       *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 12);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_append (self->list, row);
  return row;
}

static char *
dup_subtitle (const char *who,
              const char *date,
              const char *at,
              const char *note_label,
              const char *note)
{
  g_autofree char *when = xa_format_timestamp (at);
  GString *text = g_string_new (who);

  if (date != NULL && date[0] != '\0')
    g_string_append_printf (text, " · %s", date);
  if (when != NULL)
    /* Translators: when a step of a hazard was recorded, after who and the day */
    g_string_append_printf (text, _(" · recorded %s"), when);
  if (note != NULL && note[0] != '\0')
    /* Translators: a note of a step: “仍存在的问题：插座未更换” */
    g_string_append_printf (text, _("\n%s: %s"), note_label, note);

  return g_string_free (text, FALSE);
}

static void
xa_hazard_timeline_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), XA_TYPE_HAZARD_TIMELINE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (xa_hazard_timeline_parent_class)->dispose (object);
}

static void
xa_hazard_timeline_class_init (XaHazardTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_hazard_timeline_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-hazard-timeline.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaHazardTimeline, list);
}

static void
xa_hazard_timeline_init (XaHazardTimeline *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
xa_hazard_timeline_new (void)
{
  return g_object_new (XA_TYPE_HAZARD_TIMELINE, NULL);
}

/**
 * xa_hazard_timeline_set_hazard:
 * @hazard: (nullable): the hazard whose history to show
 */
void
xa_hazard_timeline_set_hazard (XaHazardTimeline *self,
                               XaHazard         *hazard)
{
  GtkWidget *child;
  g_autofree char *found = NULL;
  guint n_failed = 0;

  g_return_if_fail (XA_IS_HAZARD_TIMELINE (self));
  g_return_if_fail (hazard == NULL || XA_IS_HAZARD (hazard));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (hazard == NULL)
    return;

  found = dup_subtitle (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_FOUND_BY),
                        xa_hazard_get_text (hazard, XA_HAZARD_FIELD_FOUND_ON), NULL, NULL, NULL);
  /* Translators: the first line of a hazard's timeline */
  add_line (self, "find-location-symbolic", _("Found and recorded"), found);

  for (guint i = 0; i < xa_hazard_get_n_entries (hazard); i++)
    {
      const XaHazardEntry *entry = xa_hazard_get_entry (hazard, i);
      g_autofree char *subtitle = dup_subtitle (entry->who, entry->date, entry->at,
                                                xa_hazard_step_note_label (entry->step), entry->note);
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (entry->step == XA_HAZARD_STEP_FAIL)
        /* Translators: a failed re-inspection in a hazard's timeline, counted: “复查不合格（第 2 次）” */
        title = g_strdup_printf (_("%s (time %u)"), xa_hazard_step_to_label (entry->step), ++n_failed);
      else
        title = g_strdup (xa_hazard_step_to_label (entry->step));

      row = add_line (self, step_icons[entry->step], title, subtitle);
      if (entry->step == XA_HAZARD_STEP_FAIL)
        gtk_widget_add_css_class (row, "failed");
      else if (entry->step == XA_HAZARD_STEP_PASS || entry->step == XA_HAZARD_STEP_CLOSE)
        gtk_widget_add_css_class (row, "passed");
    }
}

/**
 * xa_hazard_timeline_get_n_lines:
 *
 * Returns: how many lines the timeline shows: the finding, then one a step
 */
guint
xa_hazard_timeline_get_n_lines (XaHazardTimeline *self)
{
  guint n = 0;

  g_return_val_if_fail (XA_IS_HAZARD_TIMELINE (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/**
 * xa_hazard_timeline_get_line:
 *
 * Returns: (transfer none) (nullable): the #AdwActionRow of line @index, for tests
 */
GtkWidget *
xa_hazard_timeline_get_line (XaHazardTimeline *self,
                             guint             index)
{
  g_return_val_if_fail (XA_IS_HAZARD_TIMELINE (self), NULL);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, index));
}
