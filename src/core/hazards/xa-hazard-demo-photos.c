/* xa-hazard-demo-photos.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Photos for the demo ledger (`xiaoan-cli demo --hazards N --photos M`): a photo "as
 * found" for each of M open hazards of the latest school year, and one "as rectified"
 * for those waiting for their re-inspection, so that the detail's thumbnails, the
 * viewer and the flag of an 'after' photo older than its hazard can be tried without a
 * camera. Each is a small JPEG drawn here (a wall, the thing at fault, cracks before and
 * a clean repair after) with the time it was taken in its EXIF data, as a phone writes
 * it, and goes through xa_hazard_photos_add_bytes() like a chosen file. Closed hazards
 * get none: the store refuses photos of a closed hazard, as it refused them once closed.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libexif/exif-data.h>
#include <string.h>

#include "xa-hazard-demo.h"
#include "xa-hazard-photos.h"
#include "core/util/xa-date.h"

#define PHOTO_WIDTH  480
#define PHOTO_HEIGHT 360

typedef struct
{
  char *uuid;
  char *number;
  char *found_on;
  char *completed_on;  /* NULL unless waiting for its re-inspection */
} OpenHazard;

static void
open_hazard_free (gpointer data)
{
  OpenHazard *hazard = data;

  g_free (hazard->uuid);
  g_free (hazard->number);
  g_free (hazard->found_on);
  g_free (hazard->completed_on);
  g_free (hazard);
}

typedef struct
{
  guint      limit;
  GPtrArray *hazards;
} ReadOpen;

static gboolean
read_open_cb (XaStore   *store,
              gpointer   user_data,
              GError   **error)
{
  ReadOpen *read = user_data;
  g_autoptr(XaStatement) rows = NULL;
  XaStep step;

  if (!(rows = xa_store_prepare (store,
                                 "SELECT uuid, number, found_on, CASE state WHEN 'reinspecting' THEN completed_on END"
                                 " FROM hazard WHERE state <> 'closed'"
                                 " AND school_year = (SELECT max (school_year) FROM hazard)"
                                 " AND NOT EXISTS (SELECT 1 FROM hazard_photo p WHERE p.hazard_uuid = hazard.uuid)"
                                 " ORDER BY found_on DESC, number LIMIT ?",
                                 error)))
    return FALSE;
  xa_statement_bind_int64 (rows, 1, read->limit);

  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    {
      OpenHazard *hazard = g_new0 (OpenHazard, 1);

      hazard->uuid = g_strdup (xa_statement_get_text (rows, 0));
      hazard->number = g_strdup (xa_statement_get_text (rows, 1));
      hazard->found_on = g_strdup (xa_statement_get_text (rows, 2));
      hazard->completed_on = g_strdup (xa_statement_get_text_or_null (rows, 3));
      g_ptr_array_add (read->hazards, hazard);
    }

  return step == XA_STEP_DONE;
}

/* A wall with the thing at fault on it: before, cracked and stained; after, mended. The
 * colours follow the hazard so that thumbnails differ. */
static GdkPixbuf *
draw_photo (GRand    *rand,
            gboolean  after)
{
  g_autoptr(GdkPixbuf) photo = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, PHOTO_WIDTH, PHOTO_HEIGHT);
  guchar *pixels = gdk_pixbuf_get_pixels (photo);
  int stride = gdk_pixbuf_get_rowstride (photo);
  int box_x = g_rand_int_range (rand, 60, PHOTO_WIDTH - 220);
  int box_y = g_rand_int_range (rand, 50, PHOTO_HEIGHT - 170);
  int box_w = g_rand_int_range (rand, 110, 180);
  int box_h = g_rand_int_range (rand, 90, 140);
  guchar box[3] = { (guchar) g_rand_int_range (rand, 40, 200), (guchar) g_rand_int_range (rand, 40, 200),
                    (guchar) g_rand_int_range (rand, 40, 200) };
  int crack_x = box_x + box_w / 3;

  for (int y = 0; y < PHOTO_HEIGHT; y++)
    for (int x = 0; x < PHOTO_WIDTH; x++)
      {
        guchar *pixel = pixels + y * stride + x * 3;
        int grain = g_rand_int_range (rand, -9, 10);
        int wall = 205 - y / 6 + grain;
        gboolean in_box = x >= box_x && x < box_x + box_w && y >= box_y && y < box_y + box_h;
        gboolean floor = y > PHOTO_HEIGHT * 5 / 6;

        if (in_box)
          {
            pixel[0] = (guchar) CLAMP (box[0] + grain, 0, 255);
            pixel[1] = (guchar) CLAMP (box[1] + grain, 0, 255);
            pixel[2] = (guchar) CLAMP (box[2] + grain, 0, 255);
          }
        else if (floor)
          pixel[0] = pixel[1] = pixel[2] = (guchar) CLAMP (120 + grain, 0, 255);
        else
          {
            pixel[0] = (guchar) CLAMP (wall, 0, 255);
            pixel[1] = (guchar) CLAMP (wall - 4, 0, 255);
            pixel[2] = (guchar) CLAMP (wall - 14, 0, 255);
          }

        /* Before: a dark crack down the wall and a rust stain; after: a fresh patch. */
        if (!after && !floor && abs (x - (crack_x + (y * 3) / 7 % 23)) < 2)
          pixel[0] = pixel[1] = pixel[2] = 40;
        else if (!after && in_box && (x - box_x - box_w / 2) * (x - box_x - box_w / 2) +
                                     (y - box_y - box_h / 2) * (y - box_y - box_h / 2) < 600)
          {
            pixel[0] = 150;
            pixel[1] = 70;
            pixel[2] = 30;
          }
        else if (after && !floor && abs (x - crack_x) < 14 && !in_box)
          pixel[0] = pixel[1] = pixel[2] = (guchar) CLAMP (235 + grain / 3, 0, 255);
      }

  return g_steal_pointer (&photo);
}

/* @jpeg with an APP1 segment that says it was taken at @taken ("2024:03:05 10:21:00"),
 * put right after the start of image, where cameras put it. */
static GBytes *
with_exif_time (const char *jpeg,
                gsize       length,
                const char *taken)
{
  ExifData *exif = exif_data_new ();
  ExifEntry *entry = exif_entry_new ();
  unsigned char *saved = NULL;
  unsigned int saved_length = 0;
  GByteArray *out;
  guint8 header[4];

  exif_data_set_byte_order (exif, EXIF_BYTE_ORDER_INTEL);
  exif_content_add_entry (exif->ifd[EXIF_IFD_EXIF], entry);
  exif_entry_initialize (entry, EXIF_TAG_DATE_TIME_ORIGINAL);
  if (entry->data != NULL && entry->size >= 20)
    memcpy (entry->data, taken, 20);
  exif_entry_unref (entry);
  exif_data_save_data (exif, &saved, &saved_length);
  exif_data_unref (exif);

  out = g_byte_array_sized_new ((guint) (length + saved_length + 4));
  g_byte_array_append (out, (const guint8 *) jpeg, 2);
  header[0] = 0xff;
  header[1] = 0xe1;
  header[2] = (guint8) ((saved_length + 2) >> 8);
  header[3] = (guint8) ((saved_length + 2) & 0xff);
  g_byte_array_append (out, header, 4);
  g_byte_array_append (out, saved, saved_length);
  g_byte_array_append (out, (const guint8 *) jpeg + 2, (guint) (length - 2));
  free (saved);

  return g_byte_array_free_to_bytes (out);
}

static gboolean
add_photo (XaHazardBook       *book,
           GRand              *rand,
           const OpenHazard   *hazard,
           XaHazardPhotoKind   kind,
           const char         *day,
           GError            **error)
{
  g_autoptr(GdkPixbuf) drawn = draw_photo (rand, kind == XA_HAZARD_PHOTO_AFTER);
  g_autoptr(XaHazardPhoto) photo = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *jpeg = NULL;
  g_autofree char *taken = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;
  int hour = g_rand_int_range (rand, 8, 17);
  int minute = g_rand_int_range (rand, 0, 60);

  if (!gdk_pixbuf_save_to_buffer (drawn, &jpeg, &length, "jpeg", error, "quality", "80", NULL))
    return FALSE;

  /* "2024-03-05" → "2024:03:05 10:21:00", EXIF's own form. */
  taken = g_strdup_printf ("%.4s:%.2s:%.2s %02d:%02d:%02d", day, day + 5, day + 8, hour, minute,
                           g_rand_int_range (rand, 0, 60));
  content = with_exif_time (jpeg, length, taken);
  name = g_strdup_printf ("IMG_%.4s%.2s%.2s_%02d%02d.jpg", day, day + 5, day + 8, hour, minute);

  photo = xa_hazard_photos_add_bytes (book, hazard->uuid, kind, content, name, error);
  return photo != NULL;
}

/**
 * xa_hazard_demo_add_photos:
 * @n_hazards: how many open hazards of the latest school year get photos
 *
 * Adds photos to the demo ledger: one as found to each of @n_hazards open hazards of
 * the latest year (those found last first), and one as rectified to those of them
 * waiting for their re-inspection, each in the transaction of a chosen photo.
 *
 * Returns: %TRUE, with the number of photos added in @n_added
 */
gboolean
xa_hazard_demo_add_photos (XaHazardBook  *book,
                           guint          n_hazards,
                           guint32        seed,
                           guint         *n_added,
                           GError       **error)
{
  g_autoptr(GPtrArray) hazards = g_ptr_array_new_with_free_func (open_hazard_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  ReadOpen read = { n_hazards, hazards };
  guint added = 0;

  g_return_val_if_fail (XA_IS_HAZARD_BOOK (book), FALSE);

  if (!xa_store_read (xa_hazard_book_get_store (book), read_open_cb, &read, error))
    return FALSE;

  for (guint i = 0; i < hazards->len; i++)
    {
      OpenHazard *hazard = g_ptr_array_index (hazards, i);

      if (!add_photo (book, rand, hazard, XA_HAZARD_PHOTO_BEFORE, hazard->found_on, error))
        return FALSE;
      added++;
      if (hazard->completed_on != NULL)
        {
          if (!add_photo (book, rand, hazard, XA_HAZARD_PHOTO_AFTER, hazard->completed_on, error))
            return FALSE;
          added++;
        }
    }

  if (n_added != NULL)
    *n_added = added;
  return TRUE;
}
