/* xa-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: a sidebar of the sections of DESIGN.md §7 beside the section's page.
 * Every section works: schools, agreements, the hazard ledger, inspections, education and
 * drills, the assessment and the archive. The window remembers its size.
 *
 * The sections are listed once, in sections[] below: the sidebar rows, the pages of the
 * stack and the Alt+1…7 shortcuts are all made from it. A page is built the first time its
 * section is shown, so that start-up pays for the first section only.
 *
 * The document fonts (the fonts property) serve the agreements section only: they are
 * looked up in a worker when that section is first shown, so that start-up neither waits
 * for fontconfig nor keeps a thread for it. The section takes them when they arrive, and
 * only then lists substitutions.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-accessible.h"
#include "xa-application.h"
#include "xa-unsaved.h"
#include "xa-ui-utils.h"
#include "xa-window-private.h"
#include "archive/xa-archive-page.h"
#include "assessment/xa-assessment-page.h"
#include "inspections/xa-inspections-page.h"
#include "education/xa-education-page.h"

typedef struct _Section Section;

struct _Section
{
  const char  *name;
  const char  *title;        /* translatable, N_() */
  const char  *icon_name;
  GtkWidget *(*create)       (XaWindow      *self,
                              const Section *section);
};

static GtkWidget *create_schools_page     (XaWindow      *self,
                                           const Section *section);
static GtkWidget *create_agreements_page  (XaWindow      *self,
                                           const Section *section);
static GtkWidget *create_hazards_page     (XaWindow      *self,
                                           const Section *section);
static GtkWidget *create_education_page   (XaWindow      *self,
                                           const Section *section);
static GtkWidget *create_inspections_page (XaWindow      *self,
                                           const Section *section);
static GtkWidget *create_assessment_page  (XaWindow      *self,
                                           const Section *section);
static GtkWidget *create_archive_page     (XaWindow      *self,
                                           const Section *section);
static void       fonts_resolved_cb       (GObject       *object,
                                           GAsyncResult  *result,
                                           gpointer       user_data);

/* In the order of the sidebar; Alt+1 shows the first. */
static const Section sections[] = {
  { "schools", N_("Schools"), "user-home-symbolic", create_schools_page },
  { "agreements", N_("Agreements"), "x-office-document-symbolic", create_agreements_page },
  { "hazards", N_("Hazard Ledger"), "dialog-warning-symbolic", create_hazards_page },
  { "inspections", N_("Inspections"), "object-select-symbolic", create_inspections_page },
  { "education", N_("Education & Drills"), "system-users-symbolic", create_education_page },
  { "assessment", N_("Assessment"), "starred-symbolic", create_assessment_page },
  { "archive", N_("Archive"), "folder-documents-symbolic", create_archive_page },
};

G_DEFINE_FINAL_TYPE (XaWindow, xa_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_FONTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const Section *
find_section (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].name, name) == 0)
      return &sections[i];

  return NULL;
}

static GtkWidget *
create_schools_page (XaWindow      *self,
                     const Section *section)
{
  return xa_schools_page_new (self->workspace);
}

static GtkWidget *
create_agreements_page (XaWindow      *self,
                        const Section *section)
{
  GtkWidget *page = xa_agreements_page_new (self->workspace);
  GWeakRef *window_ref = g_new0 (GWeakRef, 1);

  /* The page is built once, when the section is first shown: the fonts are looked up
   * then, and reach the page through the binding. */
  g_object_bind_property (self, "fonts", page, "fonts", G_BINDING_SYNC_CREATE);
  g_weak_ref_init (window_ref, self);
  xa_font_resolver_new_async (self->cancellable, fonts_resolved_cb, window_ref);
  return page;
}

static GtkWidget *
create_hazards_page (XaWindow      *self,
                     const Section *section)
{
  return xa_hazards_page_new (self->workspace);
}

static GtkWidget *
create_inspections_page (XaWindow      *self,
                         const Section *section)
{
  return xa_inspections_page_new (self->workspace);
}

static GtkWidget *
create_assessment_page (XaWindow      *self,
                        const Section *section)
{
  return xa_assessment_page_new (self->workspace);
}

static GtkWidget *
create_archive_page (XaWindow      *self,
                     const Section *section)
{
  return xa_archive_page_new (self->workspace);
}

static GtkWidget *
create_education_page (XaWindow      *self,
                       const Section *section)
{
  return xa_education_page_new (self->workspace);
}

static GtkWidget *
create_section_row (const Section *section)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (section->icon_name));
  label = gtk_label_new (_(section->title));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, section->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(section->title),
                                  -1);
  return row;
}

/* Each section gets a sidebar row and, in the stack, an empty slot that its page fills
 * when the section is first shown. */
static void
add_sections (XaWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      const Section *section = &sections[i];
      GtkStackPage *page;

      page = gtk_stack_add_titled (self->section_stack, adw_bin_new (), section->name,
                                   _(section->title));
      gtk_stack_page_set_icon_name (page, section->icon_name);
      gtk_list_box_append (self->sections_list, create_section_row (section));
    }

  /* Selected, not shown: the pages are built once the workspace is set. */
  self->selecting++;
  gtk_list_box_select_row (self->sections_list,
                           gtk_list_box_get_row_at_index (self->sections_list, 0));
  self->selecting--;
}

/* Builds the page of @section unless it is built already. */
static GtkWidget *
ensure_page (XaWindow      *self,
             const Section *section)
{
  AdwBin *slot = ADW_BIN (gtk_stack_get_child_by_name (self->section_stack, section->name));
  GtkWidget *page = adw_bin_get_child (slot);

  if (page != NULL)
    return page;

  page = section->create (self, section);
  g_object_bind_property (self->leaflet, "folded", page, "folded", G_BINDING_SYNC_CREATE);
  adw_bin_set_child (slot, page);
  xa_accessible_prepare (page);

  return page;
}

static void
restore_size (XaWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_size (XaWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width;
  int height;

  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (maximized)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

/* The page of the section shown, when it can hold edits not saved. */
static XaUnsaved *
shown_unsaved (XaWindow *self)
{
  GtkWidget *slot = gtk_stack_get_visible_child (self->section_stack);
  GtkWidget *page = slot != NULL ? adw_bin_get_child (ADW_BIN (slot)) : NULL;

  return page != NULL && XA_IS_UNSAVED (page) ? XA_UNSAVED (page) : NULL;
}

/* The sidebar's selection follows the page shown, whatever moved it. */
static void
select_section_row (XaWindow   *self,
                    const char *name)
{
  GtkListBoxRow *row;

  self->selecting++;
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sections_list, i)); i++)
    if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) == 0)
      gtk_list_box_select_row (self->sections_list, row);
  self->selecting--;
}

static void
leave_guarded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XaWindow) self = user_data;
  g_autofree char *pending = g_steal_pointer (&self->pending_section);

  if (xa_unsaved_guard_finish (XA_UNSAVED (object), result) && pending != NULL)
    _xa_window_show_section (self, pending);
}

/**
 * _xa_window_show_section:
 *
 * Shows a section, after asking 保存更改？ when the page shown holds unsaved edits.
 *
 * Returns: %TRUE when the section is shown now, %FALSE when the question is asked first
 */
gboolean
_xa_window_show_section (XaWindow   *self,
                         const char *name)
{
  const Section *section = find_section (name);
  const char *shown = gtk_stack_get_visible_child_name (self->section_stack);
  XaUnsaved *unsaved = shown_unsaved (self);
  g_autofree char *what = NULL;
  GtkWidget *page;
  GtkWidget *schools;

  g_assert (XA_IS_WINDOW (self));

  if (section == NULL)
    return FALSE;

  if (g_strcmp0 (shown, name) != 0 && unsaved != NULL && (what = xa_unsaved_dup_unsaved (unsaved)))
    {
      gboolean asking = self->pending_section != NULL;

      g_free (self->pending_section);
      self->pending_section = g_strdup (name);
      select_section_row (self, shown);
      if (!asking)
        xa_unsaved_guard_async (unsaved, self->cancellable, leave_guarded_cb, g_object_ref (self));
      return FALSE;
    }

  page = ensure_page (self, section);
  gtk_stack_set_visible_child_name (self->section_stack, name);
  select_section_row (self, name);

  /* Generating an agreement for one school, and recording a hazard, offer the school
   * viewed in the schools section. */
  if ((schools = _xa_window_get_page (self, "schools")) != NULL)
    {
      XaOrganisation *school = xa_schools_page_get_school (XA_SCHOOLS_PAGE (schools));
      const char *uuid = school ? xa_organisation_get_uuid (school) : NULL;

      if (XA_IS_AGREEMENTS_PAGE (page))
        xa_agreement_list_set_viewed_school (xa_agreements_page_get_list (XA_AGREEMENTS_PAGE (page)), uuid);
      else if (XA_IS_HAZARDS_PAGE (page))
        xa_hazards_page_set_viewed_school (XA_HAZARDS_PAGE (page), uuid);
    }

  return TRUE;
}

static void
section_activated_cb (XaWindow      *self,
                      GtkListBoxRow *row,
                      GtkListBox    *list)
{
  if (_xa_window_show_section (self, gtk_widget_get_name (GTK_WIDGET (row))))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

/* Arrow keys move the selection without activating a row: the page follows. */
static void
section_selected_cb (XaWindow      *self,
                     GtkListBoxRow *row,
                     GtkListBox    *list)
{
  if (self->selecting > 0 || row == NULL)
    return;

  _xa_window_show_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XaWindow *self = XA_WINDOW (widget);

  /* Alt+1…7 on a folded window goes to the section's page, not just its sidebar row. */
  if (_xa_window_show_section (self, g_variant_get_string (parameter, NULL)))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

/* The shortcuts window is built the first time it is asked for, not with every window
 * (GtkApplication's way, for a gtk/help-overlay.ui resource): most sessions never open
 * it, and building it cost start-up about 10 ms and 1 MB. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/xiaoan/Xiaoan/xa-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
      xa_shortcuts_window_show_title (GTK_WINDOW (overlay));
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

static void
back_to_sections_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  XaWindow *self = XA_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Shows a section and runs one of its page's actions there: how the main menu, which is
 * outside the pages, offers what a page does (“New School”). */
static void
section_action_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  XaWindow *self = XA_WINDOW (widget);
  const char *name;
  const char *page_action;
  const Section *section;

  g_variant_get (parameter, "(&s&s)", &name, &page_action);
  if ((section = find_section (name)) == NULL)
    return;

  if (_xa_window_show_section (self, name))
    {
      adw_leaflet_set_visible_child_name (self->leaflet, "content");
      gtk_widget_activate_action (ensure_page (self, section), page_action, NULL);
    }
}

/* Holds only a weak reference to the window, so that a window closed at once (a test's)
 * does not wait for fontconfig. */
static void
fonts_resolved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GWeakRef *window_ref = user_data;
  g_autoptr(XaWindow) self = g_weak_ref_get (window_ref);
  g_autoptr(XaFontResolver) fonts = NULL;
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (window_ref);
  g_free (window_ref);

  fonts = xa_font_resolver_new_finish (result, &error);
  if (fonts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot look the document fonts up: %s", error->message);
      return;
    }

  if (self == NULL)
    return;

  g_set_object (&self->fonts, fonts);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONTS]);
}

static void
close_guarded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XaWindow) self = user_data;

  if (!xa_unsaved_guard_all_finish (result))
    return;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Every page built that holds unsaved edits, the one shown first. */
static GPtrArray *
find_unsaved_pages (XaWindow *self)
{
  GPtrArray *unsaved = g_ptr_array_new ();
  XaUnsaved *shown = shown_unsaved (self);
  GListModel *toplevels;

  if (shown != NULL)
    g_ptr_array_add (unsaved, shown);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *page = _xa_window_get_page (self, sections[i].name);
      g_autofree char *what = NULL;

      if (page == NULL || !XA_IS_UNSAVED (page) || page == (GtkWidget *) shown)
        continue;
      if ((what = xa_unsaved_dup_unsaved (XA_UNSAVED (page))))
        g_ptr_array_add (unsaved, page);
    }

  /* The editors open over this window (an inspection, a campaign's record): they go
   * with it, so they are asked about here too. */
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      g_autofree char *what = NULL;

      if (XA_IS_UNSAVED (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (self) &&
          (what = xa_unsaved_dup_unsaved (XA_UNSAVED (toplevel))))
        g_ptr_array_add (unsaved, toplevel);
    }

  return unsaved;
}

static gboolean
xa_window_close_request (GtkWindow *window)
{
  XaWindow *self = XA_WINDOW (window);
  g_autoptr(GPtrArray) pages = NULL;
  gboolean any = FALSE;

  if (!self->close_confirmed)
    {
      pages = find_unsaved_pages (self);
      for (guint i = 0; i < pages->len && !any; i++)
        {
          g_autofree char *what = xa_unsaved_dup_unsaved (pages->pdata[i]);

          any = what != NULL;
        }

      /* Closing waits for the answer: 保存 or 放弃 closes, 取消 keeps the window. */
      if (any)
        {
          xa_unsaved_guard_all_async (pages, GTK_WIDGET (self), self->cancellable,
                                      close_guarded_cb, g_object_ref (self));
          return TRUE;
        }
    }

  save_size (self);

  return GTK_WINDOW_CLASS (xa_window_parent_class)->close_request (window);
}

static void
xa_window_constructed (GObject *object)
{
  XaWindow *self = XA_WINDOW (object);

  G_OBJECT_CLASS (xa_window_parent_class)->constructed (object);

  g_assert (XA_IS_WORKSPACE (self->workspace));

  /* The first section is the one shown at start. */
  ensure_page (self, &sections[0]);

  restore_size (self);
}

static void
xa_window_dispose (GObject *object)
{
  XaWindow *self = XA_WINDOW (object);

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_WINDOW);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->fonts);
  g_clear_pointer (&self->pending_section, g_free);
  g_clear_object (&self->settings);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (xa_window_parent_class)->dispose (object);
}

static void
xa_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  XaWindow *self = XA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_FONTS:
      g_value_set_object (value, self->fonts);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  XaWindow *self = XA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_window_class_init (XaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  object_class->constructed = xa_window_constructed;
  object_class->dispose = xa_window_dispose;
  object_class->get_property = xa_window_get_property;
  object_class->set_property = xa_window_set_property;

  window_class->close_request = xa_window_close_request;

  /* Everything the sections show and change: the store and its registries and books. */
  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         XA_TYPE_WORKSPACE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* The document typefaces, %NULL until the worker that looks them up is done; it
   * starts when the agreements section is first shown. */
  properties[PROP_FONTS] =
    g_param_spec_object ("fonts", NULL, NULL,
                         XA_TYPE_FONT_RESOLVER,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XaWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XaWindow, section_stack);
  gtk_widget_class_bind_template_child (widget_class, XaWindow, sections_list);
  gtk_widget_class_bind_template_child (widget_class, XaWindow, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, section_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_selected_cb);

  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.back-to-sections", NULL,
                                   back_to_sections_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.section-action", "(ss)",
                                   section_action_action);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-section", "s", sections[i].name);
}

static void
xa_window_init (XaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  xa_list_set_single_tab_stop (GTK_WIDGET (self->sections_list));
  add_sections (self);
  xa_accessible_prepare (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);

  if (g_str_has_suffix (APP_ID, ".Devel"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/**
 * xa_window_new:
 * @application: (nullable): the application, or %NULL in tests
 * @workspace: the workspace whose schools, agreements and other records the window shows
 *
 * Returns: (transfer none): a new window
 */
XaWindow *
xa_window_new (GtkApplication *application,
               XaWorkspace    *workspace)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), NULL);

  return g_object_new (XA_TYPE_WINDOW,
                       "application", application,
                       "workspace", workspace,
                       NULL);
}

XaWorkspace *
xa_window_get_workspace (XaWindow *self)
{
  g_return_val_if_fail (XA_IS_WINDOW (self), NULL);

  return self->workspace;
}

/**
 * xa_window_get_fonts:
 *
 * Returns: (transfer none) (nullable): the document typefaces, or %NULL while they are
 *   being looked up
 */
XaFontResolver *
xa_window_get_fonts (XaWindow *self)
{
  g_return_val_if_fail (XA_IS_WINDOW (self), NULL);

  return self->fonts;
}

/**
 * _xa_window_get_page:
 * @name: the name of a section
 *
 * Returns: (transfer none) (nullable): the page of the section, or %NULL while the
 *   section has not been shown
 */
GtkWidget *
_xa_window_get_page (XaWindow   *self,
                     const char *name)
{
  GtkWidget *slot;

  g_return_val_if_fail (XA_IS_WINDOW (self), NULL);

  slot = gtk_stack_get_child_by_name (self->section_stack, name);
  return slot != NULL ? adw_bin_get_child (ADW_BIN (slot)) : NULL;
}

/**
 * xa_window_add_toast:
 * @toast: (transfer full): the toast to show
 *
 * Shows @toast over the window's content.
 */
void
xa_window_add_toast (XaWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (XA_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
