/* xa-archive-detail.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One archived file beside the list: its pages rendered by the isolated preview helper
 * (xa-preview.c: its own process within a memory, time and pixel budget), so that a
 * hostile or broken file shows the helper's message where the page would be and never
 * takes the app down; for a PDF, what its signature proves, read off the main thread;
 * its link, notes, an exported copy and print. The stored file never changes: linking
 * and notes change its record, an export writes a new file.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-archive-detail.h"
#include "xa-archive-ui.h"
#include "document/xa-pdf-file.h"
#include "document/xa-pdf-verify.h"
#include "document/xa-preview.h"
#include "ui/xa-ui-utils.h"

#define PREVIEW_WIDTH  1000
#define PREVIEW_HEIGHT 1400

struct _XaArchiveDetail
{
  GtkWidget        parent_instance;

  XaWorkspace     *workspace;
  XaArchiveItem   *item;
  GBytes          *content;
  GCancellable    *cancellable;   /* the item's loading and rendering */
  int              page;          /* from 1 */
  int              n_pages;
  guint            pending;       /* loads and renders under way */
  char            *message;
  char            *signature;
  GPtrArray       *textures;      /* the pages rendered, by page - 1; for print */
  guint            generation;    /* of the item shown: a late answer for another is dropped */
  char            *print_export;  /* the PDF the print under way writes, or NULL for the dialog */

  GtkStack        *stack;         /* empty, or the file */
  GtkLabel        *title_label;
  GtkStack        *preview_stack; /* rendering, picture, message */
  GtkPicture      *picture;
  AdwStatusPage   *message_page;
  GtkButton       *previous_button;
  GtkButton       *next_button;
  GtkLabel        *page_label;
  AdwActionRow    *link_row;
  AdwActionRow    *kind_row;
  AdwActionRow    *retention_row;
  AdwActionRow    *imported_row;
  AdwActionRow    *sha_row;
  AdwActionRow    *signature_row;
  GtkImage        *signature_icon;
  AdwEntryRow     *notes_row;
  GtkButton       *link_button;
};

G_DEFINE_FINAL_TYPE (XaArchiveDetail, xa_archive_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void render_page (XaArchiveDetail *self);

static void
set_pending (XaArchiveDetail *self,
             int              delta)
{
  gboolean was = self->pending > 0;

  self->pending += delta;
  if (was != (self->pending > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_pager (XaArchiveDetail *self)
{
  g_autofree char *text = NULL;

  /* Translators: the page shown, then the file's pages */
  text = g_strdup_printf (_("Page %d of %d"), self->page, MAX (self->n_pages, 1));
  gtk_label_set_text (self->page_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->previous_button), self->page > 1 && self->content != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), self->page < self->n_pages && self->content != NULL);
}

static void
show_message (XaArchiveDetail *self,
              const char      *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  adw_status_page_set_description (self->message_page, message);
  gtk_stack_set_visible_child_name (self->preview_stack, "message");
}

/* Loading: the stored bytes and, for a PDF, its signatures, on a worker thread */

typedef struct
{
  XaArchiveItem *item;
  GBytes        *content;
  char          *signature;
  const char    *icon_class;  /* the worst news among the signatures */
} Load;

static void
load_free (Load *load)
{
  g_clear_object (&load->item);
  g_clear_pointer (&load->content, g_bytes_unref);
  g_free (load->signature);
  g_free (load);
}

static char *
dup_signature_text (GPtrArray *signatures)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (signatures->len == 0)
    return g_strdup (_("Unsigned: the PDF carries no digital signature"));

  for (guint i = 0; i < signatures->len; i++)
    {
      XaPdfSignature *signature = g_ptr_array_index (signatures, i);
      g_autofree char *time = signature->time != NULL
                              ? g_date_time_format (signature->time, "%Y-%m-%d %H:%M") : g_strdup (_("unknown"));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: the state, the signer, the signing time and the certificate's state */
      g_string_append_printf (text, _("%s. Signer: %s; signed %s; certificate: %s"),
                              xa_pdf_signature_state_to_string (signature->state),
                              *signature->signer != '\0' ? signature->signer : _("unknown"), time,
                              xa_pdf_certificate_state_to_string (signature->certificate));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  XaArchiveDetail *self = source_object;
  Load *load = task_data;
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GError) verify_error = NULL;
  GError *error = NULL;

  if (!(load->content = xa_archive_dup_content (xa_workspace_get_archive (self->workspace), load->item, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_strcmp0 (xa_archive_item_get_media_type (load->item), "application/pdf") == 0)
    {
      signatures = xa_pdf_verify_bytes (load->content, xa_archive_item_get_file_name (load->item),
                                        cancellable, &verify_error);
      load->signature = signatures != NULL ? dup_signature_text (signatures)
                        /* Translators: why a PDF's signatures cannot be read */
                        : g_strdup_printf (_("Cannot be verified here: %s"), verify_error->message);
      load->icon_class = signatures == NULL || signatures->len == 0 ? "dim-label" : "success";
      for (guint i = 0; signatures != NULL && i < signatures->len; i++)
        {
          XaPdfSignature *signature = g_ptr_array_index (signatures, i);

          if (signature->state == XA_PDF_SIGNATURE_INVALID)
            load->icon_class = "error";
          else if (signature->state != XA_PDF_SIGNATURE_VALID && g_strcmp0 (load->icon_class, "error") != 0)
            load->icon_class = "warning";
        }
    }

  g_task_return_boolean (task, TRUE);
}

/* A mark beside the signature's words: green for valid and whole, amber for changed after
 * signing or not verifiable here, red for invalid, grey for unsigned. */
static void
set_signature_icon (XaArchiveDetail *self,
                    const char      *css_class)
{
  const char *classes[] = { "success", "warning", "error", "dim-label" };
  const char *icon = g_strcmp0 (css_class, "success") == 0 ? "emblem-ok-symbolic"
                     : g_strcmp0 (css_class, "error") == 0 ? "dialog-error-symbolic"
                     : g_strcmp0 (css_class, "warning") == 0 ? "dialog-warning-symbolic"
                     : "action-unavailable-symbolic";

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->signature_icon), classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->signature_icon), css_class);
  gtk_image_set_from_icon_name (self->signature_icon, css_class != NULL ? icon : NULL);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  XaArchiveDetail *self = XA_ARCHIVE_DETAIL (object);
  Load *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          show_message (self, error->message);
          set_pending (self, -1);
        }
      return;
    }

  self->content = g_bytes_ref (load->content);
  g_free (self->signature);
  self->signature = g_strdup (load->signature);
  gtk_widget_set_visible (GTK_WIDGET (self->signature_row), self->signature != NULL);
  adw_action_row_set_subtitle (self->signature_row, self->signature ? self->signature : "");
  set_signature_icon (self, load->icon_class);
  render_page (self);
  set_pending (self, -1);
}

/* Rendering one page in the helper */

typedef struct
{
  XaArchiveDetail *self;
  guint            generation;
  int              page;        /* from 1; for print */
} Render;

static void
texture_free (gpointer texture)
{
  if (texture != NULL)
    g_object_unref (texture);
}

static void
rendered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Render *render = user_data;
  g_autoptr(XaArchiveDetail) self = render->self;
  guint generation = render->generation;
  g_autoptr(XaPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  preview = xa_preview_render_finish (result, &error);
  g_free (render);
  if (generation != self->generation)
    return;

  if (preview == NULL || !(texture = gdk_texture_new_from_bytes (preview->png, &error)))
    show_message (self, error->message);
  else
    {
      self->n_pages = preview->n_pages;
      gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
      gtk_stack_set_visible_child_name (self->preview_stack, "picture");
      if (self->textures->len < (guint) self->n_pages)
        g_ptr_array_set_size (self->textures, self->n_pages);
      g_clear_object (&self->textures->pdata[self->page - 1]);
      self->textures->pdata[self->page - 1] = g_object_ref (texture);
    }

  update_pager (self);
  set_pending (self, -1);
}

static void
render_page (XaArchiveDetail *self)
{
  Render *render;

  if (self->content == NULL)
    return;

  render = g_new0 (Render, 1);
  render->self = g_object_ref (self);
  render->generation = self->generation;
  gtk_stack_set_visible_child_name (self->preview_stack, "rendering");
  set_pending (self, 1);
  xa_preview_render_async (self->content, xa_archive_item_get_file_name (self->item), self->page,
                           PREVIEW_WIDTH, PREVIEW_HEIGHT, XA_PREVIEW_DEFAULT_TIMEOUT_MS,
                           self->cancellable, rendered_cb, render);
}

static void
turn_page (XaArchiveDetail *self,
           int              delta)
{
  int page = CLAMP (self->page + delta, 1, MAX (self->n_pages, 1));

  if (page == self->page)
    return;
  self->page = page;
  update_pager (self);
  render_page (self);
}

static void
previous_cb (XaArchiveDetail *self)
{
  turn_page (self, -1);
}

static void
next_cb (XaArchiveDetail *self)
{
  turn_page (self, 1);
}

/* The item's facts */

static void
show_item (XaArchiveDetail *self)
{
  XaArchiveItem *item = self->item;
  g_autofree char *link = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *size = NULL;
  g_autofree char *kind = NULL;
  gboolean can_change;

  gtk_stack_set_visible_child_name (self->stack, item != NULL ? "item" : "empty");
  if (item == NULL)
    return;

  can_change = xa_archive_ui_can_change (self->workspace);
  link = xa_archive_ui_dup_link_text (item);
  imported = xa_archive_ui_dup_imported (item);
  size = g_format_size (xa_archive_item_get_size (item));
  kind = xa_archive_item_get_pages (item) > 0
         /* Translators: a file's kind, its pages and its size */
         ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %d page, %s", "%s, %d pages, %s",
                                         xa_archive_item_get_pages (item)),
                            xa_archive_kind_to_label (xa_archive_item_get_kind (item)),
                            xa_archive_item_get_pages (item), size)
         /* Translators: a file's kind and its size */
         : g_strdup_printf (_("%s, %s"), xa_archive_kind_to_label (xa_archive_item_get_kind (item)), size);

  gtk_label_set_text (self->title_label, xa_archive_item_get_file_name (item));
  adw_action_row_set_subtitle (self->link_row, link);
  adw_action_row_set_subtitle (self->kind_row, kind);
  adw_action_row_set_subtitle (self->retention_row,
                               xa_archive_retention_to_label (xa_archive_item_get_retention (item)));
  adw_action_row_set_subtitle (self->imported_row, imported);
  adw_action_row_set_subtitle (self->sha_row, xa_archive_item_get_sha256 (item));
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), xa_archive_item_get_notes (item) ? xa_archive_item_get_notes (item) : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->notes_row), can_change);
  gtk_widget_set_sensitive (GTK_WIDGET (self->link_button), can_change);
  adw_action_row_set_subtitle (self->signature_row, _("Verifying…"));
  set_signature_icon (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->signature_row),
                          g_strcmp0 (xa_archive_item_get_media_type (item), "application/pdf") == 0);
}

/**
 * xa_archive_detail_set_item:
 * @item: (nullable): the file to show
 *
 * Shows @item: its facts at once, its first page and its signatures once read.
 */
void
xa_archive_detail_set_item (XaArchiveDetail *self,
                            XaArchiveItem   *item)
{
  g_autoptr(GTask) task = NULL;
  Load *load;

  g_return_if_fail (XA_IS_ARCHIVE_DETAIL (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->generation++;
  if (self->pending > 0)
    set_pending (self, -(int) self->pending);
  g_clear_pointer (&self->content, g_bytes_unref);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->signature, g_free);
  g_clear_pointer (&self->print_export, g_free);
  g_ptr_array_set_size (self->textures, 0);
  g_set_object (&self->item, item);
  self->page = 1;
  self->n_pages = item != NULL ? MAX (xa_archive_item_get_pages (item), 1) : 0;
  gtk_picture_set_paintable (self->picture, NULL);
  show_item (self);
  update_pager (self);
  if (item == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->preview_stack, "rendering");
  load = g_new0 (Load, 1);
  load->item = g_object_ref (item);
  task = g_task_new (self, self->cancellable, loaded_cb, NULL);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  set_pending (self, 1);
  g_task_run_in_thread (task, load_worker);
}

XaArchiveItem *
xa_archive_detail_get_item (XaArchiveDetail *self)
{
  g_return_val_if_fail (XA_IS_ARCHIVE_DETAIL (self), NULL);
  return self->item;
}

gboolean
xa_archive_detail_get_busy (XaArchiveDetail *self)
{
  g_return_val_if_fail (XA_IS_ARCHIVE_DETAIL (self), FALSE);
  return self->pending > 0;
}

/* Returns: (nullable): the message shown in place of the page */
const char *
xa_archive_detail_get_message (XaArchiveDetail *self)
{
  g_return_val_if_fail (XA_IS_ARCHIVE_DETAIL (self), NULL);
  return self->message;
}

/* Returns: (nullable): what the PDF's signatures prove, once read */
const char *
xa_archive_detail_get_signature (XaArchiveDetail *self)
{
  g_return_val_if_fail (XA_IS_ARCHIVE_DETAIL (self), NULL);
  return self->signature;
}

/* Linking anew and notes: the record changes, never the stored file */

static void
relink (XaArchiveDetail     *self,
        const XaArchiveLink *link)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaArchiveItem) item = NULL;

  if (!(item = xa_archive_relink (xa_workspace_get_archive (self->workspace),
                                  xa_archive_item_get_uuid (self->item), link, &error)))
    {
      xa_widget_show_error (GTK_WIDGET (self), _("Cannot Link the File"), error->message);
      return;
    }

  g_set_object (&self->item, item);
  show_item (self);
  g_signal_emit (self, signals[CHANGED], 0, item);
}

/* The link the item has now, to change one part of it. */
static void
current_link (XaArchiveItem *item,
              XaArchiveLink *link)
{
  link->agreement_uuid = xa_archive_item_get_agreement_uuid (item);
  link->copy = xa_archive_item_get_copy (item);
  if (link->agreement_uuid == NULL && xa_archive_item_get_linked (item))
    {
      link->school_uuid = xa_archive_item_get_school_uuid (item);
      link->school_year = xa_archive_item_get_school_year (item);
    }
  link->kind = xa_archive_item_get_kind (item);
  link->retention = xa_archive_item_get_retention (item);
  link->notes = xa_archive_item_get_notes (item);
}

static void
notes_applied_cb (XaArchiveDetail *self)
{
  XaArchiveLink link = { 0 };

  current_link (self->item, &link);
  link.notes = gtk_editable_get_text (GTK_EDITABLE (self->notes_row));
  relink (self, &link);
}

static void
link_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  XaArchiveDetail  *self)
{
  XaArchiveLinkForm *form = g_object_get_data (G_OBJECT (dialog), "form");
  g_autofree char *agreement = NULL;
  g_autoptr(GError) error = NULL;
  XaArchiveLink link = { 0 };

  if (g_strcmp0 (response, "link") != 0 || self->item == NULL)
    return;

  link.kind = 0;
  link.retention = xa_archive_item_get_retention (self->item);
  link.notes = xa_archive_item_get_notes (self->item);
  if (!xa_archive_link_form_get_link (form, &link, &agreement, &error))
    {
      xa_widget_show_error (GTK_WIDGET (self), _("Cannot Link the File"), error->message);
      return;
    }
  if (link.agreement_uuid == NULL)
    link.kind = xa_archive_item_get_kind (self->item) == XA_ARCHIVE_KIND_SIGNED_ORIGINAL
                ? XA_ARCHIVE_KIND_SCAN : xa_archive_item_get_kind (self->item);
  relink (self, &link);
}

static void
link_cb (XaArchiveDetail *self)
{
  XaArchiveLinkForm *form = xa_archive_link_form_new (self->workspace);
  GtkWidget *dialog;

  xa_archive_link_form_set (form, xa_archive_item_get_school_uuid (self->item),
                            xa_archive_item_get_school_year (self->item), xa_archive_item_get_copy (self->item));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Link the File"),
                                   _("An original of a school year's agreement, or another record of the school's year. The stored file does not change."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (form));
  g_object_set_data (G_OBJECT (dialog), "form", form);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "link", _("_Link"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "link", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "link");
  g_signal_connect_object (dialog, "response", G_CALLBACK (link_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Exporting a copy and printing */

/**
 * xa_archive_detail_export_to:
 *
 * Writes a copy of the stored bytes to @path, atomically: the archived file is never
 * touched.
 */
gboolean
xa_archive_detail_export_to (XaArchiveDetail *self,
                             const char      *path,
                             GError         **error)
{
  g_autoptr(GBytes) content = NULL;

  g_return_val_if_fail (XA_IS_ARCHIVE_DETAIL (self), FALSE);
  g_return_val_if_fail (self->item != NULL, FALSE);

  if (!(content = xa_archive_dup_content (xa_workspace_get_archive (self->workspace), self->item, error)))
    return FALSE;
  return xa_pdf_file_save (content, path, error);
}

static void
export_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XaArchiveDetail) self = user_data;
  g_autoptr(GFile) file = xa_choose_file_finish (result, NULL);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL || self->item == NULL)
    return;
  xa_archive_detail_export_to (self, path, &error);
  xa_widget_report_export (GTK_WIDGET (self), file, error);
}

static void
export_cb (XaArchiveDetail *self)
{
  xa_choose_file_async (GTK_WIDGET (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("Export a Copy"), _("_Export"),
                        xa_archive_item_get_file_name (self->item), NULL, NULL,
                        export_chosen_cb, g_object_ref (self));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              XaArchiveDetail   *self)
{
  GdkTexture *texture = (guint) page_nr < self->textures->len ? self->textures->pdata[page_nr] : NULL;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  double scale;

  if (texture == NULL)
    return;
  pixbuf = gdk_pixbuf_get_from_texture (texture);
  scale = MIN (width / gdk_pixbuf_get_width (pixbuf), height / gdk_pixbuf_get_height (pixbuf));
  cairo_scale (cr, scale, scale);
  gdk_cairo_set_source_pixbuf (cr, pixbuf, 0, 0);
  cairo_paint (cr);
}

static void
run_print (XaArchiveDetail *self)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *export_filename = g_steal_pointer (&self->print_export);
  GtkPrintOperationAction action = GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;
  g_autoptr(GError) error = NULL;

  /* Scans of A4 originals, on A4 whatever the locale's default paper. */
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, MAX (self->n_pages, 1));
  gtk_print_operation_set_job_name (operation, xa_archive_item_get_file_name (self->item));
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);
  if (export_filename != NULL)
    {
      gtk_print_operation_set_export_filename (operation, export_filename);
      gtk_print_operation_set_allow_async (operation, FALSE);
      action = GTK_PRINT_OPERATION_ACTION_EXPORT;
    }
  if (gtk_print_operation_run (operation, action, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    xa_widget_show_error (GTK_WIDGET (self), _("Cannot Print"), error->message);
}

static void prepare_print (XaArchiveDetail *self);

/* The first page not rendered yet, from 1, or 0 when all are. */
static int
first_unrendered_page (XaArchiveDetail *self)
{
  for (int page = 1; page <= MAX (self->n_pages, 1); page++)
    {
      if ((guint) page > self->textures->len || self->textures->pdata[page - 1] == NULL)
        return page;
    }

  return 0;
}

static void
print_page_rendered_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  Render *render = user_data;
  g_autoptr(XaArchiveDetail) self = render->self;
  guint generation = render->generation;
  int page = render->page;
  g_autoptr(XaPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  preview = xa_preview_render_finish (result, &error);
  g_free (render);
  /* Another item since: its own loads are counted afresh (xa_archive_detail_set_item()). */
  if (generation != self->generation)
    return;
  set_pending (self, -1);

  if (preview == NULL || !(texture = gdk_texture_new_from_bytes (preview->png, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        xa_widget_show_error (GTK_WIDGET (self), _("Cannot Print"), error->message);
      return;
    }

  if (self->textures->len < (guint) page)
    g_ptr_array_set_size (self->textures, page);
  g_clear_object (&self->textures->pdata[page - 1]);
  self->textures->pdata[page - 1] = g_steal_pointer (&texture);
  prepare_print (self);
}

/* Renders, one after the other in the helper, the pages not shown yet, then prints:
 * every page of the file is printed, not only those the user turned to. */
static void
prepare_print (XaArchiveDetail *self)
{
  int page = first_unrendered_page (self);
  Render *render;

  if (page == 0)
    {
      run_print (self);
      return;
    }

  render = g_new0 (Render, 1);
  render->self = g_object_ref (self);
  render->generation = self->generation;
  render->page = page;
  set_pending (self, 1);
  xa_preview_render_async (self->content, xa_archive_item_get_file_name (self->item), page,
                           PREVIEW_WIDTH, PREVIEW_HEIGHT, XA_PREVIEW_DEFAULT_TIMEOUT_MS,
                           self->cancellable, print_page_rendered_cb, render);
}

/**
 * xa_archive_detail_print:
 * @export_filename: (nullable): a PDF to write the pages to instead of the print dialog
 *
 * Renders every page of the file not rendered yet in the preview helper, then prints
 * them all through the print dialog, or into @export_filename. The detail is busy
 * until the pages are rendered; the stored file is not touched.
 */
void
xa_archive_detail_print (XaArchiveDetail *self,
                         const char      *export_filename)
{
  g_return_if_fail (XA_IS_ARCHIVE_DETAIL (self));

  if (self->content == NULL || self->pending > 0)
    return;

  g_free (self->print_export);
  self->print_export = g_strdup (export_filename);
  prepare_print (self);
}

static void
print_cb (XaArchiveDetail *self)
{
  xa_archive_detail_print (self, NULL);
}

static gboolean
page_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  turn_page (XA_ARCHIVE_DETAIL (widget), g_variant_get_int32 (args));
  return TRUE;
}

static void
xa_archive_detail_dispose (GObject *object)
{
  XaArchiveDetail *self = XA_ARCHIVE_DETAIL (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), XA_TYPE_ARCHIVE_DETAIL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->content, g_bytes_unref);
  g_clear_pointer (&self->textures, g_ptr_array_unref);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->signature, g_free);
  g_clear_pointer (&self->print_export, g_free);
  G_OBJECT_CLASS (xa_archive_detail_parent_class)->dispose (object);
}

static void
xa_archive_detail_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  XaArchiveDetail *self = XA_ARCHIVE_DETAIL (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->pending > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_archive_detail_class_init (XaArchiveDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_archive_detail_dispose;
  object_class->get_property = xa_archive_detail_get_property;

  /* Whether the file is being read, verified or a page rendered. */
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The item linked anew or its notes changed: the list shows it again. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, XA_TYPE_ARCHIVE_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-archive-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, XaArchiveDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, XaArchiveDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, XaArchiveDetail, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, XaArchiveDetail, picture);
  gtk_widget_class_bind_template_child (widget_class, XaArchiveDetail, message_page);
  gtk_widget_class_bind_template_child (widget_class, XaArchiveDetail, previous_button);
  gtk_widget_class_bind_template_child (widget_class, XaArchiveDetail, next_button);
  gtk_widget_class_bind_template_child (widget_class, XaArchiveDetail, page_label);
  gtk_widget_class_bind_template_child (widget_class, XaArchiveDetail, link_row);
  gtk_widget_class_bind_template_child (widget_class, XaArchiveDetail, kind_row);
  gtk_widget_class_bind_template_child (widget_class, XaArchiveDetail, retention_row);
  gtk_widget_class_bind_template_child (widget_class, XaArchiveDetail, imported_row);
  gtk_widget_class_bind_template_child (widget_class, XaArchiveDetail, sha_row);
  gtk_widget_class_bind_template_child (widget_class, XaArchiveDetail, signature_row);
  gtk_widget_class_bind_template_child (widget_class, XaArchiveDetail, signature_icon);
  gtk_widget_class_bind_template_child (widget_class, XaArchiveDetail, notes_row);
  gtk_widget_class_bind_template_child (widget_class, XaArchiveDetail, link_button);
  gtk_widget_class_bind_template_callback (widget_class, previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_cb);
  gtk_widget_class_bind_template_callback (widget_class, notes_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Up, 0, page_key_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Down, 0, page_key_cb, "i", 1);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
xa_archive_detail_init (XaArchiveDetail *self)
{
  self->textures = g_ptr_array_new_with_free_func (texture_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* The workspace whose archive the detail reads: the page's template builds the detail,
 * the page gives it its workspace (xa_archive_page_new()). */
void
xa_archive_detail_set_workspace (XaArchiveDetail *self,
                                 XaWorkspace     *workspace)
{
  g_return_if_fail (XA_IS_ARCHIVE_DETAIL (self));
  g_return_if_fail (self->item == NULL);

  g_set_object (&self->workspace, workspace);
}
