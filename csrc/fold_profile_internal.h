/*
** fold_profile_internal.h -- the inside of a FoldProfile, shared by the
** three files of search folding (not part of the core's API: fold.h,
** fold_profile.h and fold_spec.h are):
**   fold_profile.c  builds profiles: the per-code-point pipeline and its
**                   BMP table, the built-in and custom profiles;
**   fold.c          the folder: text -> folded text and its offset map;
**   fold_spec.c     a profile's canonical text form and back.
** Lua-free, like every capability file.
*/
#ifndef GLEAN_FOLD_PROFILE_INTERNAL_H
#define GLEAN_FOLD_PROFILE_INTERNAL_H

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "glean.h"


/* Table entry: kind in bits 0-1, flags, pool offset in bits 8-31. */
enum {
  EIdent = 0,     /* folds to itself */
  EMapped = 1,    /* folds to pool string */
  EDeleted = 2,   /* folds to nothing */
  ESep = 3        /* whitespace or dash: part of a run that folds to " " */
};
#define E_KIND(e)     ((e) & 3u)
#define E_ATTACH      4u     /* deleted mark: its bytes join the previous unit */
#define E_BOUNDARY    8u     /* normalization boundary before this code point */
#define E_INERT       16u    /* kept mark that never composes (NFC_QC=Yes): virama, vowel signs */
#define E_OFF(e)      ((e) >> 8)
#define E_CCC(e)      (((e) >> 8) & 0xFFu)   /* combining class of EIdent entries */

#define NBMP 0x10000

typedef struct CustomMap {
  int32_t from;
  UChar to[32];
  int32_t tolen;
} CustomMap;

struct FoldProfile {
  int casefold;              /* 1: NFKC_Casefold; 0: NFKC (case kept) */
  int builtin;
  const char *name;          /* built-in profiles: their name; custom: NULL */
  uint32_t *table;           /* NBMP entries */
  GlBuf pool;                /* [len][bytes]... */
  const UNormalizer2 *nfk;   /* NFKC_Casefold or NFKC (borrowed singletons) */
  const UNormalizer2 *nfd, *nfc;
  char latin[0x250][4];      /* Latin-ASCII of letters U+0080..U+024F ("" = none) */
  char latin2[0x100][4];     /* the same for U+1E00..U+1EFF */
  uint8_t ascii[128];        /* output byte of each ASCII byte (all fold to one byte) */
  CustomMap *maps;           /* sorted by from */
  size_t nmaps, capmaps;
  int32_t *strip;            /* extra stripped marks */
  size_t nstrip, capstrip;
};


/* UChar scratch buffer (the pipeline works in UTF-16, as ICU does). */
typedef struct U16Buf {
  UChar *p;
  int32_t len;
  size_t cap;
} U16Buf;

void gl_u16_init(U16Buf *b);
void gl_u16_free(U16Buf *b);
int gl_u16_add(U16Buf *b, UChar32 c);                     /* 0, or -1 out of memory */

/* UTF-16 -> UTF-8 appended to out: 0, or -1 out of memory. */
int gl_u16_to_utf8(GlBuf *out, const UChar *u, int32_t len);

/* The folding pipeline on one chunk of UTF-16 text (custom map, NFKC_Casefold
   or NFKC, NFD, mark stripping, variants, NFC); the result is in a, with b
   as scratch.  U_MEMORY_ALLOCATION_ERROR or an ICU failure in *st. */
void gl_fold_chunk(const struct FoldProfile *p, const UChar *in, int32_t inlen,
                   U16Buf *a, U16Buf *b, UErrorCode *st);

/* A combining mark (General_Category M). */
static inline int gl_is_mark(UChar32 c) {
  return (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

#endif
