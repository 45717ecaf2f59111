/* xa-signer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parties of a template's signature block and the lines they sign or fill in:
 * one to four parties (区教委/学校, 学校/食堂, 甲方/乙方/丙方, 幼儿园/家长…), each with
 * or without a seal, its lines, its own date or the block's one date, and the copy it
 * keeps. Plain values, copied whole into an editor and compared whole.
 */

#include "config.h"

#include "xa-signer.h"

XaFormLine *
xa_form_line_new (const char *label,
                  const char *value)
{
  XaFormLine *self = g_new0 (XaFormLine, 1);

  self->label = g_strdup (label ? label : "");
  self->value = g_strdup (value ? value : "");
  return self;
}

XaFormLine *
xa_form_line_copy (const XaFormLine *self)
{
  return xa_form_line_new (self->label, self->value);
}

void
xa_form_line_free (XaFormLine *self)
{
  if (self == NULL)
    return;

  g_free (self->label);
  g_free (self->value);
  g_free (self);
}

gboolean
xa_form_line_equal (const XaFormLine *a,
                    const XaFormLine *b)
{
  return g_strcmp0 (a->label, b->label) == 0 && g_strcmp0 (a->value, b->value) == 0;
}

/**
 * xa_signer_new:
 * @label: (nullable): 甲方, 乙方…
 * @date: (nullable): its own date line; %NULL or "" under the block's shared date
 * @copy: (nullable): the label of the original it keeps
 */
XaSigner *
xa_signer_new (const char *id,
               const char *role,
               const char *label,
               const char *unit,
               gboolean    seal,
               const char *date,
               const char *copy)
{
  XaSigner *self = g_new0 (XaSigner, 1);

  self->id = g_strdup (id ? id : "");
  self->role = g_strdup (role ? role : "");
  self->label = g_strdup (label ? label : "");
  self->unit = g_strdup (unit ? unit : "");
  self->seal = seal;
  self->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_form_line_free);
  self->date = g_strdup (date ? date : "");
  self->copy = g_strdup (copy ? copy : "");
  return self;
}

void
xa_signer_add_line (XaSigner   *self,
                    const char *label,
                    const char *value)
{
  g_ptr_array_add (self->lines, xa_form_line_new (label, value));
}

XaSigner *
xa_signer_copy (const XaSigner *self)
{
  XaSigner *copy = xa_signer_new (self->id, self->role, self->label, self->unit, self->seal,
                                  self->date, self->copy);

  for (guint i = 0; i < self->lines->len; i++)
    g_ptr_array_add (copy->lines, xa_form_line_copy (g_ptr_array_index (self->lines, i)));

  return copy;
}

void
xa_signer_free (XaSigner *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->role);
  g_free (self->label);
  g_free (self->unit);
  g_ptr_array_unref (self->lines);
  g_free (self->date);
  g_free (self->copy);
  g_free (self);
}

gboolean
xa_signer_equal (const XaSigner *a,
                 const XaSigner *b)
{
  if (g_strcmp0 (a->id, b->id) != 0 || g_strcmp0 (a->role, b->role) != 0 ||
      g_strcmp0 (a->label, b->label) != 0 || g_strcmp0 (a->unit, b->unit) != 0 ||
      a->seal != b->seal || g_strcmp0 (a->date, b->date) != 0 ||
      g_strcmp0 (a->copy, b->copy) != 0 || a->lines->len != b->lines->len)
    return FALSE;

  for (guint i = 0; i < a->lines->len; i++)
    {
      if (!xa_form_line_equal (g_ptr_array_index (a->lines, i), g_ptr_array_index (b->lines, i)))
        return FALSE;
    }

  return TRUE;
}

static const char * const layout_keys[] = { "side-by-side", "stacked" };

const char *
xa_signature_layout_to_key (XaSignatureLayout layout)
{
  g_return_val_if_fail (layout < G_N_ELEMENTS (layout_keys), NULL);

  return layout_keys[layout];
}

gboolean
xa_signature_layout_from_key (const char        *key,
                              XaSignatureLayout *layout)
{
  for (guint i = 0; i < G_N_ELEMENTS (layout_keys); i++)
    {
      if (g_strcmp0 (key, layout_keys[i]) == 0)
        {
          *layout = i;
          return TRUE;
        }
    }

  return FALSE;
}
