/* xa-pinyin.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chinese names as people look for them and expect them ordered: by pinyin. A list of
 * 300 schools is found by typing part of a name (实验), its initials (sy, syxx for
 * 示例区实验小学) or its spelling without tones (shiyan), and sorted as a dictionary
 * sorts it (安, 杜, 石, 王), not by code point (安, 杜, 王, 石).
 *
 * The readings come from ICU's transliterator ("Han-Latin; Latin-ASCII", with the
 * surname readings of "Han-Latin/Names" for people) and the order from its collator for
 * "zh", whose default is pinyin: no table of ours. A name is read once, into an
 * XaPinyinKey, so that matching it on every keystroke is three strstr() calls.
 *
 * ICU's objects are opened once per thread (ICU caches what they are built from, so a
 * second thread's open is cheap) and never shared, which keeps comparing and reading
 * thread-safe without a lock.
 */

#include "config.h"

#include <string.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "xa-grams.h"
#include "xa-pinyin.h"

struct _XaPinyinKey
{
  char *text;      /* normalised as xa_grams_normalise() does: 示例区实验小学 */
  char *initials;  /* slqsyxx; a run of other letters or digits stays whole */
  char *spelling;  /* shiliqushiyanxiaoxue */
};

struct _XaPinyinIndex
{
  XaPinyinKind  kind;
  GHashTable   *keys;   /* text → XaPinyinKey */
};

static const char * const transliterator_ids[] = {
  [XA_PINYIN_PLACE] = "Han-Latin; Latin-ASCII",
  [XA_PINYIN_PERSON] = "Han-Latin/Names; Latin-ASCII",
};

static void
close_transliterator (gpointer data)
{
  if (data != NULL)
    utrans_close (data);
}

static void
close_collator (gpointer data)
{
  if (data != NULL)
    ucol_close (data);
}

static GPrivate place_transliterator = G_PRIVATE_INIT (close_transliterator);
static GPrivate person_transliterator = G_PRIVATE_INIT (close_transliterator);
static GPrivate collator = G_PRIVATE_INIT (close_collator);

/* This thread's transliterator, or %NULL when ICU's data lacks it (said once). */
static UTransliterator *
get_transliterator (XaPinyinKind kind)
{
  GPrivate *slot = kind == XA_PINYIN_PERSON ? &person_transliterator : &place_transliterator;
  UTransliterator *transliterator = g_private_get (slot);

  if (transliterator == NULL)
    {
      UErrorCode status = U_ZERO_ERROR;
      UChar id[64];

      u_uastrcpy (id, transliterator_ids[kind]);
      transliterator = utrans_openU (id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
      if (U_FAILURE (status))
        {
          static gsize warned = 0;

          if (g_once_init_enter (&warned))
            {
              g_warning ("ICU cannot read Chinese as pinyin (%s): names are matched as written",
                         u_errorName (status));
              g_once_init_leave (&warned, 1);
            }
          return NULL;
        }
      g_private_set (slot, transliterator);
    }

  return transliterator;
}

/* The pinyin of a run of Han characters, its syllables apart: “shi yan xiao xue”. */
static char *
transliterate (XaPinyinKind  kind,
               const char   *run,
               gssize        length)
{
  UTransliterator *transliterator = get_transliterator (kind);
  UErrorCode status = U_ZERO_ERROR;
  g_autofree UChar *buffer = NULL;
  int32_t n_units = 0;
  int32_t capacity;
  int32_t limit;
  char *result;
  int32_t n_bytes = 0;

  if (transliterator == NULL)
    return NULL;

  u_strFromUTF8 (NULL, 0, &n_units, run, length, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    return NULL;

  /* A syllable is at most six letters and a space for the one unit of a character. */
  capacity = n_units * 8 + 1;
  buffer = g_new (UChar, capacity);
  status = U_ZERO_ERROR;
  u_strFromUTF8 (buffer, capacity, &n_units, run, length, &status);
  limit = n_units;
  utrans_transUChars (transliterator, buffer, &n_units, capacity, 0, &limit, &status);
  if (U_FAILURE (status))
    return NULL;

  u_strToUTF8 (NULL, 0, &n_bytes, buffer, n_units, &status);
  status = U_ZERO_ERROR;
  result = g_malloc (n_bytes + 1);
  u_strToUTF8 (result, n_bytes + 1, NULL, buffer, n_units, &status);
  if (U_FAILURE (status))
    {
      g_free (result);
      return NULL;
    }

  return result;
}

/* A part of a name as xa_grams_normalise() keeps it. */
static char *
normalise_part (const char *part,
                gssize      length)
{
  g_autofree char *copy = g_strndup (part, length);

  return xa_grams_normalise (copy);
}

static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

/* Each syllable of a Han run gives its first letter to the initials and all of itself
 * to the spelling. */
static void
add_han_run (XaPinyinKind  kind,
             const char   *run,
             gssize        length,
             GString      *initials,
             GString      *spelling)
{
  g_autofree char *pinyin = transliterate (kind, run, length);
  g_auto(GStrv) syllables = NULL;

  if (pinyin == NULL)
    {
      g_autofree char *as_written = normalise_part (run, length);

      g_string_append (initials, as_written);
      g_string_append (spelling, as_written);
      return;
    }

  syllables = g_strsplit_set (pinyin, " \t", -1);
  for (guint i = 0; syllables[i] != NULL; i++)
    {
      g_autofree char *syllable = xa_grams_normalise (syllables[i]);

      if (syllable[0] == '\0')
        continue;
      g_string_append_unichar (initials, g_utf8_get_char (syllable));
      g_string_append (spelling, syllable);
    }
}

/**
 * xa_pinyin_key_new:
 * @text: (nullable): a name, such as 示例区实验小学
 *
 * Reads @text once for matching: its Han characters as pinyin, the rest (北京市第101中学's
 * 101, a school's Latin letters) as written, lowercase, without spaces or punctuation.
 *
 * Returns: (transfer full): the key
 */
XaPinyinKey *
xa_pinyin_key_new (const char   *text,
                   XaPinyinKind  kind)
{
  XaPinyinKey *key = g_new0 (XaPinyinKey, 1);
  GString *initials = g_string_new (NULL);
  GString *spelling = g_string_new (NULL);
  const char *p;

  g_return_val_if_fail (kind == XA_PINYIN_PLACE || kind == XA_PINYIN_PERSON, key);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    text = "";

  key->text = xa_grams_normalise (text);

  /* Runs of Han characters are read together, for the readings that depend on the
   * neighbour (长寿 zhǎng shòu against 长 cháng); what lies between is kept whole. */
  p = text;
  while (*p != '\0')
    {
      gboolean han = is_han (g_utf8_get_char (p));
      const char *end = p;

      while (*end != '\0' && is_han (g_utf8_get_char (end)) == han)
        end = g_utf8_next_char (end);

      if (han)
        add_han_run (kind, p, end - p, initials, spelling);
      else
        {
          g_autofree char *other = normalise_part (p, end - p);

          g_string_append (initials, other);
          g_string_append (spelling, other);
        }
      p = end;
    }

  key->initials = g_string_free (initials, FALSE);
  key->spelling = g_string_free (spelling, FALSE);
  return key;
}

void
xa_pinyin_key_free (XaPinyinKey *key)
{
  if (key == NULL)
    return;

  g_free (key->text);
  g_free (key->initials);
  g_free (key->spelling);
  g_free (key);
}

const char *
xa_pinyin_key_get_text (const XaPinyinKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return key->text;
}

const char *
xa_pinyin_key_get_initials (const XaPinyinKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return key->initials;
}

const char *
xa_pinyin_key_get_spelling (const XaPinyinKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return key->spelling;
}

/**
 * xa_pinyin_normalise_query:
 * @text: (nullable): what was typed, such as “ Shi Yan”
 *
 * Returns: (transfer full) (nullable): the query as xa_pinyin_key_match() takes it
 *   (“shiyan”), or %NULL when nothing was typed that could match: every name matches
 */
char *
xa_pinyin_normalise_query (const char *text)
{
  g_autofree char *query = xa_grams_normalise (text);

  if (query[0] == '\0')
    return NULL;

  return g_steal_pointer (&query);
}

/**
 * xa_pinyin_key_match:
 * @query: (nullable): from xa_pinyin_normalise_query()
 *
 * A name matches when the query is part of it as written (实验), of its initials (sy,
 * syxx) or of its spelling (shiyan); every name matches no query.
 */
gboolean
xa_pinyin_key_match (const XaPinyinKey *key,
                     const char        *query)
{
  g_return_val_if_fail (key != NULL, FALSE);

  if (query == NULL || query[0] == '\0')
    return TRUE;

  return strstr (key->text, query) != NULL ||
         strstr (key->initials, query) != NULL ||
         strstr (key->spelling, query) != NULL;
}

/**
 * xa_pinyin_index_new:
 *
 * The keys of the names of one list, each read the first time it is asked for and kept:
 * a filter asks for the same names on every keystroke. Not for several threads at once.
 *
 * Returns: (transfer full): an empty index
 */
XaPinyinIndex *
xa_pinyin_index_new (XaPinyinKind kind)
{
  XaPinyinIndex *index = g_new0 (XaPinyinIndex, 1);

  index->kind = kind;
  index->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) xa_pinyin_key_free);
  return index;
}

void
xa_pinyin_index_free (XaPinyinIndex *index)
{
  if (index == NULL)
    return;

  g_hash_table_unref (index->keys);
  g_free (index);
}

/**
 * xa_pinyin_index_lookup:
 *
 * Returns: (transfer none): the key of @text, made now or earlier
 */
const XaPinyinKey *
xa_pinyin_index_lookup (XaPinyinIndex *index,
                        const char    *text)
{
  XaPinyinKey *key;

  g_return_val_if_fail (index != NULL, NULL);

  if (text == NULL)
    text = "";

  if ((key = g_hash_table_lookup (index->keys, text)) == NULL)
    {
      key = xa_pinyin_key_new (text, index->kind);
      g_hash_table_insert (index->keys, g_strdup (text), key);
    }

  return key;
}

/**
 * xa_pinyin_index_match:
 * @text: (nullable): a name
 * @query: (nullable): from xa_pinyin_normalise_query()
 *
 * xa_pinyin_key_match() on the key of @text.
 */
gboolean
xa_pinyin_index_match (XaPinyinIndex *index,
                       const char    *text,
                       const char    *query)
{
  g_return_val_if_fail (index != NULL, FALSE);

  if (query == NULL || query[0] == '\0')
    return TRUE;

  return xa_pinyin_key_match (xa_pinyin_index_lookup (index, text), query);
}

/* This thread's collator for "zh", or %NULL when ICU cannot open one (said once). */
static UCollator *
get_collator (void)
{
  UCollator *result = g_private_get (&collator);

  if (result == NULL)
    {
      UErrorCode status = U_ZERO_ERROR;

      result = ucol_open ("zh", &status);
      if (U_FAILURE (status))
        {
          static gsize warned = 0;

          if (g_once_init_enter (&warned))
            {
              g_warning ("ICU has no Chinese collation (%s): names are sorted by code point",
                         u_errorName (status));
              g_once_init_leave (&warned, 1);
            }
          return NULL;
        }
      g_private_set (&collator, result);
    }

  return result;
}

/**
 * xa_pinyin_collate:
 * @a: (nullable): a name
 * @b: (nullable): another
 *
 * Compares two names in pinyin order, as a Chinese dictionary sorts them; names that
 * collate alike are ordered by their bytes, so that a sort is the same every time. Safe
 * to call from any thread.
 *
 * Returns: less than, equal to or greater than zero, as strcmp()
 */
int
xa_pinyin_collate (const char *a,
                   const char *b)
{
  UCollator *zh = get_collator ();
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult order;

  a = a ? a : "";
  b = b ? b : "";
  if (zh == NULL)
    return strcmp (a, b);

  order = ucol_strcollUTF8 (zh, a, -1, b, -1, &status);
  if (U_FAILURE (status) || order == UCOL_EQUAL)
    return strcmp (a, b);

  return order == UCOL_LESS ? -1 : 1;
}
