/* xa-scheme-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-scheme.h"

G_BEGIN_DECLS

struct _XaScheme
{
  GObject    parent_instance;

  int        school_year;
  guint      version;
  char      *title;
  double     total;
  GArray    *groups;       /* XaSchemeGroup */
  GPtrArray *indicators;   /* XaIndicator */
  GArray    *vetoes;       /* XaSchemeVeto */
  double     h_points;
  char      *h_text;
  double     excellent;
  double     good;
  double     pass;
};

G_END_DECLS
