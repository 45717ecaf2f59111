/* xa-template-compare.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two templates side by side in time: every clause that was added, removed, changed or
 * moved, in the reading order of the newer one, with the characters that were inserted
 * on green and those that were deleted struck through in red.
 *
 * The agreement detail shows a comparison it made (xa_template_compare_show_diff()): an
 * agreement with its template or with the revision before, in place of the choice of two
 * templates. The school's supplementary clauses come last there, under a heading of their
 * own and each with a badge that says they are the school's.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-template-compare.h"
#include "xa-ui-utils.h"
#include "core/util/xa-text.h"
#include "document/xa-diff-renderer.h"

/* Tints under the text rather than colours of it, so that the text keeps the style's own
 * colour and reads in the light style and the dark alike; bgalpha out of 65535 (30 and
 * 25 percent), as the spans are printf formats too. */
#define INSERTED_SPAN "<span background=\"#2ec27e\" bgalpha=\"19661\">"
#define DELETED_SPAN  "<span strikethrough=\"true\" background=\"#e01b24\" bgalpha=\"16384\">"

struct _XaTemplateCompare
{
  GtkWidget           parent_instance;

  /* Owned references */
  XaTemplateLibrary  *library;
  GPtrArray          *uuids;
  XaTemplateDiff     *diff;
  GtkFilterListModel *shown;
  XaFontResolver     *fonts;
  GCancellable       *cancellable;
  GFile              *export_file;   /* while a PDF is being written */

  /* Template widgets */
  GtkImage           *arrow_image;
  GtkButton          *back_button;
  GtkListBox         *change_list;
  GtkCheckButton     *changes_only_check;
  GtkStringList      *labels;
  GtkDropDown        *new_dropdown;
  GtkDropDown        *old_dropdown;
  AdwStatusPage      *same_page;
  GtkStack           *stack;
  GtkLabel           *summary_label;
  GtkLabel           *title_label;

  /* State */
  guint               filling : 1;
  guint               choosing : 1;
  guint               fixed : 1;      /* a comparison given, not chosen */
};

G_DEFINE_FINAL_TYPE (XaTemplateCompare, xa_template_compare, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
append_segments (GString   *markup,
                 GPtrArray *segments)
{
  for (guint i = 0; segments != NULL && i < segments->len; i++)
    {
      XaDiffSegment *segment = g_ptr_array_index (segments, i);
      g_autofree char *escaped = g_markup_escape_text (segment->text, -1);

      switch (segment->op)
        {
        case XA_DIFF_INSERTED:
          g_string_append_printf (markup, INSERTED_SPAN "%s</span>", escaped);
          break;
        case XA_DIFF_DELETED:
          g_string_append_printf (markup, DELETED_SPAN "%s</span>", escaped);
          break;
        case XA_DIFF_EQUAL:
        default:
          g_string_append (markup, escaped);
          break;
        }
    }
}

static void
append_whole (GString    *markup,
              const char *text,
              const char *span)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  if (escaped[0] == '\0')
    return;

  if (span != NULL)
    g_string_append_printf (markup, "%s%s</span>", span, escaped);
  else
    g_string_append (markup, escaped);
}

/**
 * xa_template_change_dup_markup:
 *
 * The clause as the comparison shows it, in Pango markup: the number, the heading and
 * the text, inserted characters on green, deleted ones struck through in red; an added
 * clause all green, a removed one all struck through.
 *
 * Returns: (transfer full): the markup
 */
char *
xa_template_change_dup_markup (XaTemplateChange *change)
{
  XaTemplateChangeFlags flags = xa_template_change_get_flags (change);
  XaClause *old_clause = xa_template_change_get_old_clause (change);
  XaClause *new_clause = xa_template_change_get_new_clause (change);
  XaClause *clause = new_clause ? new_clause : old_clause;
  const char *span = NULL;
  g_autoptr(GString) markup = g_string_new (NULL);

  if (flags & XA_TEMPLATE_CHANGE_ADDED)
    span = INSERTED_SPAN;
  else if (flags & XA_TEMPLATE_CHANGE_REMOVED)
    span = DELETED_SPAN;

  if ((flags & XA_TEMPLATE_CHANGE_NUMBER) && old_clause != NULL && new_clause != NULL)
    {
      append_whole (markup, xa_clause_get_number (old_clause), DELETED_SPAN);
      append_whole (markup, xa_clause_get_number (new_clause), INSERTED_SPAN);
    }
  else
    append_whole (markup, xa_clause_get_number (clause), span);

  if (flags & XA_TEMPLATE_CHANGE_HEADING)
    append_segments (markup, xa_template_change_get_heading_segments (change));
  else
    append_whole (markup, xa_clause_get_heading (clause), span);

  /* A heading has a line of its own; a number alone leads its text, as printed. */
  if (markup->len > 0 && (!xa_text_is_blank (xa_clause_get_heading (clause)) ||
                          (old_clause != NULL && !xa_text_is_blank (xa_clause_get_heading (old_clause)))))
    g_string_append_c (markup, '\n');

  if (flags & XA_TEMPLATE_CHANGE_TEXT)
    append_segments (markup, xa_template_change_get_text_segments (change));
  else
    append_whole (markup, xa_clause_get_text (clause), span);

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static char *
flags_label (XaTemplateChangeFlags  flags,
             const char           **css_class)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new ();

  *css_class = "changed";
  if (flags & XA_TEMPLATE_CHANGE_ADDED)
    {
      g_ptr_array_add (words, (gpointer) _("Added"));
      *css_class = "added";
    }
  else if (flags & XA_TEMPLATE_CHANGE_REMOVED)
    {
      g_ptr_array_add (words, (gpointer) _("Removed"));
      *css_class = "removed";
    }
  else
    {
      if (flags & XA_TEMPLATE_CHANGE_CHANGED)
        g_ptr_array_add (words, (gpointer) _("Changed"));
      if (flags & XA_TEMPLATE_CHANGE_MOVED)
        {
          g_ptr_array_add (words, (gpointer) _("Moved"));
          if (!(flags & XA_TEMPLATE_CHANGE_CHANGED))
            *css_class = "moved";
        }
    }

  if (words->len == 0)
    return NULL;

  g_ptr_array_add (words, NULL);
  /* Translators: joins the kinds of change of one clause: “修改、移动”. */
  return g_strjoinv (_(", "), (char **) words->pdata);
}

static GtkWidget *
new_badge (const char *text,
           const char *css_class)
{
  GtkWidget *badge = gtk_label_new (text);

  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_widget_add_css_class (badge, "state-badge");
  gtk_widget_add_css_class (badge, css_class);
  return badge;
}

static GtkWidget *
create_change_row (gpointer item,
                   gpointer user_data)
{
  XaTemplateChange *change = item;
  XaTemplateChangeFlags flags = xa_template_change_get_flags (change);
  g_autofree char *markup = xa_template_change_dup_markup (change);
  const char *css_class = NULL;
  g_autofree char *badge_text = flags_label (flags, &css_class);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_set_margin_start (box, 12 + 18 * MIN (xa_template_change_get_depth (change), 4));
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  /* The school's clause says so on every row, changed or not: a row read alone is never
   * taken for the commission's. */
  if (xa_template_change_is_supplement (change))
    /* Translators: the badge of a supplementary clause of the school in a comparison. */
    gtk_box_append (GTK_BOX (box), new_badge (_("School's"), "school"));

  if (badge_text != NULL)
    gtk_box_append (GTK_BOX (box), new_badge (badge_text, css_class));
  else
    gtk_widget_add_css_class (label, "dim-label");

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "change", g_object_ref (change), g_object_unref);
  return row;
}

static gboolean
row_is_supplement (GtkListBoxRow *row)
{
  XaTemplateChange *change = row ? g_object_get_data (G_OBJECT (row), "change") : NULL;

  return change != NULL && xa_template_change_is_supplement (change);
}

/* Over the first of the school's clauses, the heading the agreement prints over them. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  GtkWidget *header;

  if (!row_is_supplement (row) || row_is_supplement (before))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  if (gtk_list_box_row_get_header (row) != NULL)
    return;

  header = gtk_label_new (_("School's Supplementary Clauses"));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "supplements-header");
  gtk_list_box_row_set_header (row, header);
}

static gboolean
is_change (gpointer item,
           gpointer user_data)
{
  return xa_template_change_get_flags (item) != XA_TEMPLATE_CHANGE_NONE;
}

static void
update_summary (XaTemplateCompare *self)
{
  g_autofree char *text = NULL;
  guint changed;

  if (self->diff == NULL)
    {
      gtk_label_set_label (self->summary_label, "");
      return;
    }

  changed = xa_template_diff_count (self->diff, XA_TEMPLATE_CHANGE_CHANGED);
  /* Translators: the counts of a comparison of two templates. */
  text = g_strdup_printf (_("%u added · %u removed · %u changed · %u moved"),
                          xa_template_diff_count (self->diff, XA_TEMPLATE_CHANGE_ADDED),
                          xa_template_diff_count (self->diff, XA_TEMPLATE_CHANGE_REMOVED),
                          changed,
                          xa_template_diff_count (self->diff, XA_TEMPLATE_CHANGE_MOVED));

  if (xa_template_diff_get_new_agreement (self->diff) != NULL)
    {
      g_autofree char *counts = g_steal_pointer (&text);

      /* Translators: under the counts of a comparison of an agreement, those of the
       * school's own clauses. */
      text = g_strdup_printf (_("%s\nOf them the school's supplementary clauses: %u added · %u removed · %u changed · %u moved"),
                              counts,
                              xa_template_diff_count_supplements (self->diff, XA_TEMPLATE_CHANGE_ADDED),
                              xa_template_diff_count_supplements (self->diff, XA_TEMPLATE_CHANGE_REMOVED),
                              xa_template_diff_count_supplements (self->diff, XA_TEMPLATE_CHANGE_CHANGED),
                              xa_template_diff_count_supplements (self->diff, XA_TEMPLATE_CHANGE_MOVED));
    }

  gtk_label_set_label (self->summary_label, text);
}

static void
update_actions (XaTemplateCompare *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export",
                                 self->diff != NULL && self->export_file == NULL && !self->choosing);
}

static void
update_list (XaTemplateCompare *self)
{
  gboolean changes_only = gtk_check_button_get_active (self->changes_only_check);
  GtkFilter *filter = NULL;

  g_clear_object (&self->shown);
  if (self->diff != NULL)
    {
      if (changes_only)
        filter = GTK_FILTER (gtk_custom_filter_new (is_change, NULL, NULL));
      self->shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->diff)), filter);
    }

  gtk_list_box_bind_model (self->change_list, G_LIST_MODEL (self->shown), create_change_row, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    self->shown && g_list_model_get_n_items (G_LIST_MODEL (self->shown)) > 0
                                    ? "changes" : "same");
  update_summary (self);
  update_actions (self);
}

static XaTemplate *
dup_chosen (XaTemplateCompare *self,
            GtkDropDown       *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GError) error = NULL;
  XaTemplate *template;

  if (self->uuids == NULL || selected >= self->uuids->len)
    return NULL;

  template = xa_template_library_dup_by_uuid (self->library, g_ptr_array_index (self->uuids, selected), &error);
  if (template == NULL)
    g_warning ("Cannot read a template to compare: %s", error->message);

  return template;
}

static void
choice_changed_cb (XaTemplateCompare *self)
{
  g_autoptr(XaTemplate) old_template = NULL;
  g_autoptr(XaTemplate) new_template = NULL;

  if (self->filling || self->library == NULL || self->fixed)
    return;

  old_template = dup_chosen (self, self->old_dropdown);
  new_template = dup_chosen (self, self->new_dropdown);

  g_clear_object (&self->diff);
  if (old_template != NULL && new_template != NULL)
    self->diff = xa_template_diff_new (old_template, new_template);

  update_list (self);
}

static void
changes_only_toggled_cb (XaTemplateCompare *self)
{
  update_list (self);
}

static guint
find_uuid (XaTemplateCompare *self,
           const char        *uuid)
{
  for (guint i = 0; uuid != NULL && i < self->uuids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->uuids, i), uuid))
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static void
templates_changed_cb (XaTemplateCompare *self)
{
  GListModel *templates = xa_template_library_get_templates (self->library);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *old_uuid = NULL;
  g_autofree char *new_uuid = NULL;
  guint n = g_list_model_get_n_items (templates);

  if (self->uuids != NULL && self->uuids->len > 0)
    {
      guint old_selected = gtk_drop_down_get_selected (self->old_dropdown);
      guint new_selected = gtk_drop_down_get_selected (self->new_dropdown);

      if (old_selected < self->uuids->len)
        old_uuid = g_strdup (g_ptr_array_index (self->uuids, old_selected));
      if (new_selected < self->uuids->len)
        new_uuid = g_strdup (g_ptr_array_index (self->uuids, new_selected));
    }

  g_ptr_array_set_size (self->uuids, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaTemplate) template = g_list_model_get_item (templates, i);

      g_ptr_array_add (self->uuids, g_strdup (xa_template_get_uuid (template)));
      g_ptr_array_add (labels, xa_template_dup_caption (template));
    }
  g_ptr_array_add (labels, NULL);

  self->filling = TRUE;
  gtk_string_list_splice (self->labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->labels)),
                          (const char * const *) labels->pdata);
  self->filling = FALSE;
  xa_template_compare_show (self, old_uuid, new_uuid);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XaTemplateCompare) self = user_data;
  g_autoptr(GFile) file = g_steal_pointer (&self->export_file);
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  if (!xa_diff_export_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        xa_widget_show_error (GTK_WIDGET (self), _("The PDF Was Not Saved"), error->message);
      return;
    }

  basename = g_file_get_basename (file);
  /* Translators: %s is the name of the PDF file just saved. */
  xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new_format (_("Saved “%s”"), basename));
}

static void
export_file_chosen_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(XaTemplateCompare) self = user_data;
  g_autoptr(GFile) file = xa_choose_file_finish (result, NULL);

  self->choosing = FALSE;
  update_actions (self);

  if (file != NULL)
    xa_template_compare_export_to_file (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaTemplateCompare *self = XA_TEMPLATE_COMPARE (widget);
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->diff == NULL || self->choosing)
    return;

  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_pattern (pdf, "*.pdf");
  name = xa_diff_dup_file_name (self->diff);

  self->choosing = TRUE;
  update_actions (self);
  xa_choose_file_async (widget, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Comparison as PDF"),
                        _("_Save"), name, pdf, self->cancellable, export_file_chosen_cb,
                        g_object_ref (self));
}

static void
xa_template_compare_dispose (GObject *object)
{
  XaTemplateCompare *self = XA_TEMPLATE_COMPARE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (xa_template_library_get_templates (self->library), self);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_TEMPLATE_COMPARE);
  /* The template's root is not a bound child, so it is unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->shown);
  g_clear_object (&self->diff);
  g_clear_object (&self->library);
  g_clear_object (&self->fonts);
  g_clear_object (&self->export_file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->uuids, g_ptr_array_unref);

  G_OBJECT_CLASS (xa_template_compare_parent_class)->dispose (object);
}

static void
xa_template_compare_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  XaTemplateCompare *self = XA_TEMPLATE_COMPARE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, xa_template_compare_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_template_compare_class_init (XaTemplateCompareClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_template_compare_dispose;
  object_class->get_property = xa_template_compare_get_property;

  /* Whether a PDF is being written; tests wait for it to turn FALSE. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-template-compare.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateCompare, arrow_image);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateCompare, back_button);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateCompare, change_list);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateCompare, changes_only_check);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateCompare, labels);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateCompare, new_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateCompare, old_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateCompare, same_page);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateCompare, stack);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateCompare, summary_label);
  gtk_widget_class_bind_template_child (widget_class, XaTemplateCompare, title_label);
  gtk_widget_class_bind_template_callback (widget_class, changes_only_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);

  gtk_widget_class_install_action (widget_class, "compare.export", NULL, export_action);
}

static void
xa_template_compare_init (XaTemplateCompare *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->uuids = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();
  gtk_list_box_set_header_func (self->change_list, update_header, NULL, NULL);
  update_actions (self);
}

void
xa_template_compare_set_library (XaTemplateCompare *self,
                                 XaTemplateLibrary *library)
{
  g_return_if_fail (XA_IS_TEMPLATE_COMPARE (self));
  g_return_if_fail (XA_IS_TEMPLATE_LIBRARY (library));
  g_return_if_fail (self->library == NULL);

  self->library = g_object_ref (library);
  g_signal_connect_object (xa_template_library_get_templates (library), "items-changed",
                           G_CALLBACK (templates_changed_cb), self, G_CONNECT_SWAPPED);
  templates_changed_cb (self);
}

/**
 * xa_template_compare_show:
 * @old_uuid: (nullable): the older template; %NULL keeps the choice
 * @new_uuid: (nullable): the newer one
 */
void
xa_template_compare_show (XaTemplateCompare *self,
                          const char        *old_uuid,
                          const char        *new_uuid)
{
  guint old_position;
  guint new_position;

  g_return_if_fail (XA_IS_TEMPLATE_COMPARE (self));

  old_position = find_uuid (self, old_uuid);
  new_position = find_uuid (self, new_uuid);

  self->filling = TRUE;
  if (old_position != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (self->old_dropdown, old_position);
  if (new_position != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (self->new_dropdown, new_position);
  self->filling = FALSE;

  choice_changed_cb (self);
}

/**
 * xa_template_compare_show_diff:
 * @diff: a comparison made elsewhere, such as an agreement's with its template; held,
 *   and written as it is when exported
 * @title: what is compared, shown in place of the choice of two templates
 *
 * Shows @diff for good: the widget no longer offers to choose templates.
 */
void
xa_template_compare_show_diff (XaTemplateCompare *self,
                               XaTemplateDiff    *diff,
                               const char        *title)
{
  g_return_if_fail (XA_IS_TEMPLATE_COMPARE (self));
  g_return_if_fail (XA_IS_TEMPLATE_DIFF (diff));
  g_return_if_fail (title != NULL);

  self->fixed = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->old_dropdown), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->arrow_image), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->new_dropdown), FALSE);
  gtk_label_set_label (self->title_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), TRUE);

  if (xa_template_diff_get_new_agreement (diff) == NULL)
    adw_status_page_set_description (self->same_page, _("Every clause of the two templates reads the same."));
  else if (xa_template_diff_get_old_agreement (diff) == NULL)
    adw_status_page_set_description (self->same_page,
                                     _("The agreement reads as its template: the school added no clause of its own."));
  else
    adw_status_page_set_description (self->same_page, _("Every clause of the two revisions reads the same."));

  g_set_object (&self->diff, diff);
  update_list (self);
}

/**
 * xa_template_compare_set_back_action:
 * @action_name: the action of the button that leaves the comparison
 * @tooltip: what the button says it does
 */
void
xa_template_compare_set_back_action (XaTemplateCompare *self,
                                     const char        *action_name,
                                     const char        *tooltip)
{
  g_return_if_fail (XA_IS_TEMPLATE_COMPARE (self));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->back_button), action_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->back_button), tooltip);
}

/**
 * xa_template_compare_get_diff:
 *
 * Returns: (transfer none) (nullable): the comparison shown
 */
XaTemplateDiff *
xa_template_compare_get_diff (XaTemplateCompare *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_COMPARE (self), NULL);

  return self->diff;
}

/**
 * xa_template_compare_export_to_file:
 * @file: where the PDF goes; replaced when it exists
 *
 * What "导出对比 PDF…" does once a file is chosen: writes the comparison shown, in a
 * worker thread, then says so in a toast. "busy" is TRUE until it is done.
 */
void
xa_template_compare_export_to_file (XaTemplateCompare *self,
                                    GFile             *file)
{
  g_return_if_fail (XA_IS_TEMPLATE_COMPARE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->diff == NULL || self->export_file != NULL)
    return;

  /* Looked up once, on the main thread, when first needed: most visits never export. */
  if (self->fonts == NULL)
    self->fonts = xa_font_resolver_new ();

  self->export_file = g_object_ref (file);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  xa_diff_export_async (self->diff, self->fonts, file, self->cancellable, exported_cb, g_object_ref (self));
}

gboolean
xa_template_compare_get_busy (XaTemplateCompare *self)
{
  g_return_val_if_fail (XA_IS_TEMPLATE_COMPARE (self), FALSE);

  return self->export_file != NULL;
}
