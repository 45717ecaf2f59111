/* xa-grams.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chinese search needs to find terms of one and two characters (安, 消防), which the
 * trigram indexes of both engines (FTS5's trigram tokenizer, pg_trgm) cannot. A text is
 * therefore indexed by every character and every pair of neighbouring characters it
 * holds, in a side table that both engines index alike: a term of one or two characters
 * is one look-up, a longer one is every pair it holds, and the caller checks the few
 * candidates for the whole term.
 */

#include "config.h"

#include <string.h>

#include "xa-grams.h"

/**
 * xa_grams_normalise:
 * @text: (nullable): UTF-8 text
 *
 * The form that is indexed and searched: compatibility forms folded (全角 Ａ１ → A1),
 * case folded, and what is neither a letter nor a digit (white space, punctuation)
 * dropped.
 *
 * Returns: (transfer full): the normalised text
 */
char *
xa_grams_normalise (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *lower = NULL;
  GString *kept;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  folded = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  lower = g_utf8_casefold (folded, -1);
  kept = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (kept, c);
    }

  return g_string_free (kept, FALSE);
}

/* @seen borrows its keys from @grams. A gram is looked up before it is copied: the
 * demo ledger makes thirty million. */
static void
add_unique (GPtrArray  *grams,
            GHashTable *seen,
            const char *start,
            const char *end)
{
  /* A gram is one or two characters of at most 6 bytes each. */
  char key[2 * 6 + 1];
  gsize size = end - start;
  char *gram;

  g_return_if_fail (size < sizeof key);

  memcpy (key, start, size);
  key[size] = '\0';
  if (g_hash_table_contains (seen, key))
    return;

  gram = g_strndup (start, size);
  g_ptr_array_add (grams, gram);
  g_hash_table_add (seen, gram);
}

/**
 * xa_grams_for_text:
 *
 * Returns: (transfer full) (element-type utf8): every character and every pair of
 *   neighbouring characters of the normalised @text, each once
 */
GPtrArray *
xa_grams_for_text (const char *text)
{
  g_autofree char *normal = xa_grams_normalise (text);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *grams = g_ptr_array_new_with_free_func (g_free);

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);

      add_unique (grams, seen, p, next);
      if (*next != '\0')
        add_unique (grams, seen, p, g_utf8_next_char (next));
    }

  return grams;
}

/**
 * xa_grams_for_query:
 *
 * Returns: (transfer full) (element-type utf8): the grams a text must hold to contain
 *   @term: the term itself when it has one or two characters, else each of its pairs;
 *   empty when @term holds nothing to search for
 */
GPtrArray *
xa_grams_for_query (const char *term)
{
  g_autofree char *normal = xa_grams_normalise (term);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *grams = g_ptr_array_new_with_free_func (g_free);
  glong n_chars = g_utf8_strlen (normal, -1);

  if (n_chars == 0)
    return grams;

  if (n_chars <= 2)
    {
      g_ptr_array_add (grams, g_strdup (normal));
      return grams;
    }

  for (const char *p = normal; *g_utf8_next_char (p) != '\0'; p = g_utf8_next_char (p))
    add_unique (grams, seen, p, g_utf8_next_char (g_utf8_next_char (p)));

  return grams;
}

/* Words met before, and every gram once: the demo ledger's million hazards say the
 * same few thousand words again and again, and normalising each word takes more time
 * than writing its grams. */
struct _XaGramMemo
{
  GHashTable *words;  /* word → GPtrArray of grams (borrowed from @grams) */
  GHashTable *grams;  /* the set of grams, owned */
};

/**
 * xa_gram_memo_new:
 *
 * A memo of the grams of words, for a run over many texts that repeat their words. It
 * grows with every new word; free it with xa_gram_memo_free() when the run ends.
 */
XaGramMemo *
xa_gram_memo_new (void)
{
  XaGramMemo *memo = g_new0 (XaGramMemo, 1);

  memo->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);
  memo->grams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return memo;
}

void
xa_gram_memo_free (XaGramMemo *memo)
{
  if (memo == NULL)
    return;

  g_hash_table_unref (memo->words);
  g_hash_table_unref (memo->grams);
  g_free (memo);
}

/**
 * xa_gram_memo_for_word:
 * @word: UTF-8 text, not necessarily ending at @size
 * @size: the bytes of @word to take
 *
 * xa_grams_for_text() of the first @size bytes of @word, remembered. Each gram is the
 * memo's one copy of it, so that two equal grams are the same pointer, and lives as
 * long as the memo; the memo may be read from other threads while they do not change
 * it, and its grams from any thread.
 *
 * Returns: (transfer none) (element-type utf8): the grams of the word
 */
GPtrArray *
xa_gram_memo_for_word (XaGramMemo *memo,
                       const char *word,
                       gsize       size)
{
  /* Most words fit: no copy to look one up. */
  char small[256];
  g_autofree char *large = NULL;
  char *key = small;
  GPtrArray *grams;
  g_autoptr(GPtrArray) fresh = NULL;

  g_return_val_if_fail (memo != NULL, NULL);
  g_return_val_if_fail (word != NULL, NULL);

  if (size >= sizeof small)
    key = large = g_malloc (size + 1);
  memcpy (key, word, size);
  key[size] = '\0';

  if ((grams = g_hash_table_lookup (memo->words, key)) != NULL)
    return grams;

  fresh = xa_grams_for_text (key);
  grams = g_ptr_array_sized_new (fresh->len);
  for (guint i = 0; i < fresh->len; i++)
    {
      gpointer known = NULL;

      if (!g_hash_table_lookup_extended (memo->grams, fresh->pdata[i], &known, NULL))
        {
          known = g_steal_pointer (&fresh->pdata[i]);
          g_hash_table_add (memo->grams, known);
        }
      g_ptr_array_add (grams, known);
    }
  g_hash_table_insert (memo->words, g_strdup (key), grams);
  return grams;
}
