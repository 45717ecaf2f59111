/* xa-signer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A line to sign or to fill in under a party (负责人签字：, 班级：), or a party line
 * under the title (责任学校：{school_name}): a label, and a value written in already,
 * "" for one filled by hand. Placeholders may stand in either. */
typedef struct
{
  char *label;
  char *value;
} XaFormLine;

/* One party of the signature block. */
typedef struct
{
  char      *id;     /* stable, as a clause's */
  char      *role;   /* "commission", "school", or another party's key: "canteen"… */
  char      *label;  /* 甲方, 乙方…, or "" */
  char      *unit;   /* the line that names it: "{commission_name}(盖章)" */
  gboolean   seal;   /* it seals: room for the seal beside its name */
  GPtrArray *lines;  /* of XaFormLine */
  char      *date;   /* its own date line ("年　月　日"); "" under one shared date */
  char      *copy;   /* the label of the original it keeps (区教委存), "" for none */
} XaSigner;

typedef enum
{
  XA_SIGNATURE_SIDE_BY_SIDE,
  XA_SIGNATURE_STACKED,
} XaSignatureLayout;

XaFormLine *xa_form_line_new   (const char       *label,
                                const char       *value);
XaFormLine *xa_form_line_copy  (const XaFormLine *self);
void        xa_form_line_free  (XaFormLine       *self);
gboolean    xa_form_line_equal (const XaFormLine *a,
                                const XaFormLine *b);

XaSigner   *xa_signer_new      (const char       *id,
                                const char       *role,
                                const char       *label,
                                const char       *unit,
                                gboolean          seal,
                                const char       *date,
                                const char       *copy);
void        xa_signer_add_line (XaSigner         *self,
                                const char       *label,
                                const char       *value);
XaSigner   *xa_signer_copy     (const XaSigner   *self);
void        xa_signer_free     (XaSigner         *self);
gboolean    xa_signer_equal    (const XaSigner   *a,
                                const XaSigner   *b);

const char *xa_signature_layout_to_key   (XaSignatureLayout  layout);
gboolean    xa_signature_layout_from_key (const char        *key,
                                          XaSignatureLayout *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaFormLine, xa_form_line_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaSigner, xa_signer_free)

G_END_DECLS
