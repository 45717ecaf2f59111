/* xa-font-resolver.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The four typefaces of GB/T 9704 (DESIGN.md §6). */
typedef enum
{
  XA_FONT_ROLE_XIAOBIAOSONG,  /* 小标宋: the title */
  XA_FONT_ROLE_FANGSONG,      /* 仿宋: body text */
  XA_FONT_ROLE_KAITI,         /* 楷体: second-level headings */
  XA_FONT_ROLE_HEITI,         /* 黑体: first-level headings */
  XA_N_FONT_ROLES
} XaFontRole;

#define XA_TYPE_FONT_RESOLVER (xa_font_resolver_get_type ())

G_DECLARE_FINAL_TYPE (XaFontResolver, xa_font_resolver, XA, FONT_RESOLVER, GObject)

void             xa_font_resolver_load_fontconfig (void);
XaFontResolver  *xa_font_resolver_new             (void);
void             xa_font_resolver_new_async       (GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
XaFontResolver  *xa_font_resolver_new_finish      (GAsyncResult        *result,
                                                   GError             **error);
const char      *xa_font_resolver_get_family      (XaFontResolver *self,
                                                   XaFontRole      role);
gboolean         xa_font_resolver_get_bold        (XaFontResolver *self,
                                                   XaFontRole      role);
gboolean         xa_font_resolver_is_substituted  (XaFontResolver *self,
                                                   XaFontRole      role);
gboolean         xa_font_resolver_is_missing      (XaFontResolver *self,
                                                   XaFontRole      role);
char           **xa_font_resolver_dup_warnings    (XaFontResolver *self);
const char      *xa_font_role_to_label            (XaFontRole      role);

G_END_DECLS
