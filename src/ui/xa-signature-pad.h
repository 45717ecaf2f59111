/* xa-signature-pad.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define XA_TYPE_SIGNATURE_PAD (xa_signature_pad_get_type ())

G_DECLARE_FINAL_TYPE (XaSignaturePad, xa_signature_pad, XA, SIGNATURE_PAD, GtkWidget)

/* A surface to sign on with a mouse, a finger or a stylus (its pressure widens the
 * line), saved as a transparent PNG cropped to the ink. Property "n-strokes". The
 * stroke functions are what its gestures call; a test may call them too. */
GtkWidget *xa_signature_pad_new            (void);
guint      xa_signature_pad_get_n_strokes  (XaSignaturePad  *self);
void       xa_signature_pad_begin_stroke   (XaSignaturePad  *self,
                                            double           x,
                                            double           y,
                                            double           pressure);
void       xa_signature_pad_extend_stroke  (XaSignaturePad  *self,
                                            double           x,
                                            double           y,
                                            double           pressure);
void       xa_signature_pad_end_stroke     (XaSignaturePad  *self);
void       xa_signature_pad_undo           (XaSignaturePad  *self);
void       xa_signature_pad_clear          (XaSignaturePad  *self);
GBytes    *xa_signature_pad_to_png         (XaSignaturePad  *self,
                                            GError         **error);

G_END_DECLS
