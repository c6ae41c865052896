/*
** wordshape.h -- the shape of a word as the entities stage reads it: the
** class of its script (cased, uncased, written without spaces, a number),
** whether its first letter is upper or title case, and whether one space
** separates it from the word before.  Lua-free; glean.entities.tokens
** gets the shapes of every word of a text in one call (word_shapes).
*/
#ifndef GLEAN_WORDSHAPE_H
#define GLEAN_WORDSHAPE_H

#include <stddef.h>
#include <stdint.h>
#include <unicode/utypes.h>

#include "glean.h"
#include "fold_profile.h"

typedef enum GlShapeClass {
  GlShapeNumber = 0,   /* ICU tagged the word a number */
  GlShapeCased,        /* Latin, Greek, Cyrillic, Armenian (and their extensions) */
  GlShapeUncased,      /* a script without case: Hebrew, Arabic, Devanagari, Hangul ... */
  GlShapeNospace       /* written without spaces: Han, kana, Thai, Lao, Khmer, Myanmar */
} GlShapeClass;

/* The folding the upper-case test compares, and a cache of its verdicts
   for the BMP (0 not known yet, 1 not upper, 2 upper). */
typedef struct GlShaper {
  const FoldProfile *search, *search_case;
  GlBuf fa, fb;          /* the first letter folded each way */
  uint8_t *upper;        /* 65536 verdicts, allocated at the first use */
} GlShaper;

/* Opens the two fold profiles; *status as ICU. */
void gl_shaper_init(GlShaper *sh, UErrorCode *status);
void gl_shaper_free(GlShaper *sh);

/*
** The shape of the word starting at byte a (0-based) of the valid UTF-8
** text s[0..n): *cls its class (number when is_number), *cap 1 when it is
** cased and its first character is upper or title case (folding case
** changes it; ß is not), else 0.  The class goes by the first character:
** U+0000-U+058F and U+1E00-U+1FFF are cased, the rest of the two-byte
** range uncased, above it the unspaced scripts (Han, kana, Thai, Lao, Khmer,
** Myanmar) and the cased blocks before all else is uncased.
** Returns 0, or -1 out of memory / ICU failure (*status tells which).
*/
int gl_word_shape(GlShaper *sh, const char *s, size_t n, size_t a, int is_number,
                  GlShapeClass *cls, int *cap, UErrorCode *status);

/* One space or no-break space between the byte before b (word b's first,
   0-based) and prev_stop (the byte after the word before ends). */
int gl_one_space_gap(const char *s, size_t prev_stop, size_t b);

#endif
