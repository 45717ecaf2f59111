/* xa-agreements-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 责任书 section: the agreements of a school year, and the templates they are made
 * from, as two views under one header. The preview, the print and the exports share the
 * font resolver that the window looks up at start (the fonts property), so that
 * fontconfig is asked once and never on the main thread.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-adaptive.h"
#include "xa-agreements-page.h"
#include "xa-import-text-dialog.h"
#include "xa-unsaved.h"

struct _XaAgreementsPage
{
  GtkWidget          parent_instance;

  /* Owned references */
  XaWorkspace       *workspace;
  XaFontResolver    *fonts;

  /* Template widgets */
  XaAgreementList   *agreement_list;
  GtkButton         *back_button;
  XaTemplateEditor  *template_editor;
  AdwViewStack      *view_stack;

  /* State */
  gboolean           folded;
};

static void xa_agreements_page_unsaved_init (XaUnsavedInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XaAgreementsPage, xa_agreements_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (XA_TYPE_UNSAVED, xa_agreements_page_unsaved_init))

enum {
  PROP_0,
  PROP_FOLDED,
  PROP_WORKSPACE,
  PROP_FONTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xa_agreements_page_constructed (GObject *object)
{
  XaAgreementsPage *self = XA_AGREEMENTS_PAGE (object);

  G_OBJECT_CLASS (xa_agreements_page_parent_class)->constructed (object);

  g_assert (XA_IS_WORKSPACE (self->workspace));

  xa_agreement_list_set_book (self->agreement_list,
                              xa_workspace_get_registry (self->workspace),
                              xa_workspace_get_templates (self->workspace),
                              xa_workspace_get_agreements (self->workspace));
  xa_template_editor_set_library (self->template_editor,
                                  xa_workspace_get_templates (self->workspace));
}

static void
import_text_saved_cb (XaAgreementsPage   *self,
                      GParamSpec         *pspec,
                      XaImportTextDialog *dialog)
{
  XaTemplate *saved = xa_import_text_dialog_get_saved (dialog);

  adw_view_stack_set_visible_child_name (self->view_stack, "templates");
  xa_template_editor_select_template (self->template_editor, xa_template_get_uuid (saved));
}

/* 从文本导入…: the dialog (xa-import-text-dialog.c), for the year being edited. */
static void
import_text_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XaAgreementsPage *self = XA_AGREEMENTS_PAGE (widget);
  XaTemplate *current = xa_template_editor_get_template (self->template_editor);
  XaImportTextDialog *dialog;

  dialog = xa_import_text_dialog_new (xa_workspace_get_templates (self->workspace),
                                      current ? xa_template_get_school_year (current) : 2021);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (dialog, "notify::saved", G_CALLBACK (import_text_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Below the breakpoints the page is one pane at a time: the header's back button returns
 * to the pane before, innermost first (an agreement's preview, its fields, the list),
 * then to the sections when the window's sidebar is folded away too. */
static void
update_back_button (XaAgreementsPage *self)
{
  gboolean inner = xa_adaptive_find_back (GTK_WIDGET (self->view_stack)) != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), inner || self->folded);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->back_button),
                               inner ? _("Back to the List") : _("Back to Sections"));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaAgreementsPage *self = XA_AGREEMENTS_PAGE (widget);

  if (!xa_adaptive_go_back (GTK_WIDGET (self->view_stack)))
    gtk_widget_activate_action (widget, "win.back-to-sections", NULL);
}

static void
xa_agreements_page_dispose (GObject *object)
{
  XaAgreementsPage *self = XA_AGREEMENTS_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_AGREEMENTS_PAGE);
  /* The template's root is not a bound child, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->fonts);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (xa_agreements_page_parent_class)->dispose (object);
}

static void
xa_agreements_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XaAgreementsPage *self = XA_AGREEMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

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
xa_agreements_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XaAgreementsPage *self = XA_AGREEMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          update_back_button (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;

    case PROP_FONTS:
      xa_agreements_page_set_fonts (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_agreements_page_class_init (XaAgreementsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = xa_agreements_page_constructed;
  object_class->dispose = xa_agreements_page_dispose;
  object_class->get_property = xa_agreements_page_get_property;
  object_class->set_property = xa_agreements_page_set_property;

  /* Whether the window's sidebar is folded away, so that this page offers the way back. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         XA_TYPE_WORKSPACE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* The document typefaces, or %NULL while they are being looked up. */
  properties[PROP_FONTS] =
    g_param_spec_object ("fonts", NULL, NULL,
                         XA_TYPE_FONT_RESOLVER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XA_TYPE_AGREEMENT_LIST);
  g_type_ensure (XA_TYPE_TEMPLATE_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-agreements-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementsPage, agreement_list);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementsPage, template_editor);
  gtk_widget_class_bind_template_child (widget_class, XaAgreementsPage, view_stack);

  gtk_widget_class_install_action (widget_class, "agreements.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "agreements.import-text", NULL, import_text_action);
}

static void
xa_agreements_page_init (XaAgreementsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  xa_adaptive_watch (GTK_WIDGET (self->view_stack), G_CALLBACK (update_back_button), self);
}

/**
 * xa_agreements_page_new:
 * @workspace: the workspace whose agreements and templates to show
 *
 * Returns: (transfer floating): the agreements section
 */
GtkWidget *
xa_agreements_page_new (XaWorkspace *workspace)
{
  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), NULL);

  return g_object_new (XA_TYPE_AGREEMENTS_PAGE, "workspace", workspace, NULL);
}

/**
 * xa_agreements_page_set_fonts:
 * @fonts: (nullable): the document typefaces, or %NULL while they are being looked up
 */
void
xa_agreements_page_set_fonts (XaAgreementsPage *self,
                              XaFontResolver   *fonts)
{
  g_return_if_fail (XA_IS_AGREEMENTS_PAGE (self));
  g_return_if_fail (fonts == NULL || XA_IS_FONT_RESOLVER (fonts));

  if (!g_set_object (&self->fonts, fonts))
    return;

  xa_agreement_list_set_fonts (self->agreement_list, fonts);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONTS]);
}

XaAgreementList *
xa_agreements_page_get_list (XaAgreementsPage *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENTS_PAGE (self), NULL);

  return self->agreement_list;
}

XaTemplateEditor *
xa_agreements_page_get_editor (XaAgreementsPage *self)
{
  g_return_val_if_fail (XA_IS_AGREEMENTS_PAGE (self), NULL);

  return self->template_editor;
}

/**
 * xa_agreements_page_show_view:
 * @name: "agreements" or "templates"
 */
void
xa_agreements_page_show_view (XaAgreementsPage *self,
                              const char       *name)
{
  g_return_if_fail (XA_IS_AGREEMENTS_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static XaUnsaved *
xa_agreements_page_get_holder (XaUnsaved *unsaved)
{
  return XA_UNSAVED (XA_AGREEMENTS_PAGE (unsaved)->template_editor);
}

static void
xa_agreements_page_unsaved_init (XaUnsavedInterface *iface)
{
  iface->get_holder = xa_agreements_page_get_holder;
}
