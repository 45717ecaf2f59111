/* xa-placeholder-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page of a section that a later version builds: it says what will be there and offers
 * nothing that pretends to work.
 */

#include "config.h"

#include "xa-placeholder-page.h"

struct _XaPlaceholderPage
{
  GtkWidget parent_instance;

  char     *title;
  char     *description;
  char     *icon_name;
  gboolean  folded;
};

G_DEFINE_FINAL_TYPE (XaPlaceholderPage, xa_placeholder_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_ICON_NAME,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xa_placeholder_page_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), XA_TYPE_PLACEHOLDER_PAGE);
  /* The template's root is not a bound child, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (xa_placeholder_page_parent_class)->dispose (object);
}

static void
xa_placeholder_page_finalize (GObject *object)
{
  XaPlaceholderPage *self = XA_PLACEHOLDER_PAGE (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->icon_name, g_free);

  G_OBJECT_CLASS (xa_placeholder_page_parent_class)->finalize (object);
}

static void
xa_placeholder_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  XaPlaceholderPage *self = XA_PLACEHOLDER_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_string (XaPlaceholderPage  *self,
            char              **field,
            const GValue       *value,
            GParamSpec         *pspec)
{
  const char *text = g_value_get_string (value);

  if (g_strcmp0 (*field, text) == 0)
    return;

  g_free (*field);
  *field = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
xa_placeholder_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  XaPlaceholderPage *self = XA_PLACEHOLDER_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      set_string (self, &self->title, value, pspec);
      break;

    case PROP_DESCRIPTION:
      set_string (self, &self->description, value, pspec);
      break;

    case PROP_ICON_NAME:
      set_string (self, &self->icon_name, value, pspec);
      break;

    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_placeholder_page_class_init (XaPlaceholderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_placeholder_page_dispose;
  object_class->finalize = xa_placeholder_page_finalize;
  object_class->get_property = xa_placeholder_page_get_property;
  object_class->set_property = xa_placeholder_page_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Whether the window's sidebar is folded away, so that this page offers the way back. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-placeholder-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xa_placeholder_page_init (XaPlaceholderPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
