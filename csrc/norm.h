/*
** norm.h -- Unicode normalization (UAX #15) of UTF-8 text over ICU unorm2.
**
** The input is scanned as UTF-8 with the quick-check algorithm of UAX #15
** section 9; text that passes stays as it is (no copy, no UTF-16).  Only the
** segments around characters that fail quick check go through ICU: from the
** last normalization boundary before the character to the next one after it,
** converted to UTF-16, normalized with unorm2_normalize and converted back.
** Where failures are dense, whole blocks (up to 64 KiB, cut at a boundary)
** make that round trip without being quick-checked first.
*/
#ifndef GL_NORM_H
#define GL_NORM_H

#include <unicode/utypes.h>

#include "glean.h"

typedef enum GlNormForm {
  GlNFC = 0,   /* canonical composition */
  GlNFD,       /* canonical decomposition */
  GlNFKC,      /* compatibility composition */
  GlNFKD,      /* compatibility decomposition */
  GlNFKCCF     /* NFKC_Casefold (UAX #31, UTS #46): NFKC + case folding + ignorables removed */
} GlNormForm;

/* Results of gl_normalize. */
typedef enum GlNormStatus {
  GlNormSame = 0,    /* the input is already normalized: use it as it is */
  GlNormDone,        /* the result is in scratch->out */
  GlNormBadUTF8,     /* invalid UTF-8 at *pos (only with GlInvalidError) */
  GlNormNoMem,       /* out of memory */
  GlNormTooLong,     /* a segment exceeds what ICU can take in one call */
  GlNormICU          /* ICU failed; the code is in *status */
} GlNormStatus;

/*
** Scratch memory of gl_normalize, malloc'ed and grown by the core.  The
** caller owns it (the Lua binding keeps it inside a userdata whose __gc
** calls gl_norm_scratch_free) and may reuse it across calls.
*/
typedef struct GlNormScratch {
  UChar *src, *dst;              /* UTF-16 of one segment, and its normal form */
  size_t srccap, dstcap;         /* capacities in UTF-16 units */
  GlBuf out;                     /* UTF-8 result when gl_normalize returns GlNormDone */
  int mapped;                    /* out.p is an mmap of out.cap bytes (large results) */
} GlNormScratch;

void gl_norm_scratch_init(GlNormScratch *sc);
void gl_norm_scratch_free(GlNormScratch *sc);

/*
** Normalize s[0..n) to form.  inv says whether invalid UTF-8 fails
** (GlNormBadUTF8, *pos = 0-based offset of the first bad byte) or becomes
** U+FFFD (one per maximal subpart, Unicode section 3.9).  NUL is an ordinary
** character.  On GlNormSame scratch->out is untouched; on GlNormDone it holds
** the normalized UTF-8.  ICU failures leave the code in *status.
*/
GlNormStatus gl_normalize(GlNormForm form, const char *s, size_t n, GlInvalid inv,
                          GlNormScratch *sc, size_t *pos, UErrorCode *status);

/*
** Quick check over UTF-8 (UAX #15 section 9) without any conversion:
** 1 when s[0..n) is certainly normalized (YES), 0 when it is certainly not
** (NO: a character with Quick_Check=No, or combining marks out of canonical
** order), -1 when it may be (MAYBE).  Invalid UTF-8 gives -2 with *pos set.
*/
int gl_norm_quickcheck(GlNormForm form, const char *s, size_t n, size_t *pos);

/*
** Self-test of the per-code-point tables this file derives from ICU
** properties: counts code points whose quick-check answer YES disagrees with
** the ICU normalizer itself (the character is changed by it, or is not a
** normalization boundary although it is a YES starter).  0 is expected for
** every form; *first gets the first disagreeing code point.
*/
long gl_norm_audit(GlNormForm form, UChar32 *first, UErrorCode *status);

#endif
