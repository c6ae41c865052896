/*
** translit.h -- ICU transforms (utrans) with a bounded cache of compiled
** transliterators, and UTS #39 confusable skeletons (uspoof).
**
** Lua-free.  Compiling a transliterator parses rule tables and costs
** milliseconds, so callers keep them in a GlTranslitCache.  Neither
** UTransliterator nor GlTranslitCache is thread-safe: keep one cache per
** thread (glean keeps one per Lua state).  A USpoofChecker is safe to share
** for skeleton computation once opened, but glean also keeps one per state.
*/
#ifndef GL_TRANSLIT_H
#define GL_TRANSLIT_H

#include <stddef.h>
#include <stdint.h>
#include <unicode/utrans.h>
#include <unicode/uspoof.h>

#include "glean.h"

/* Compiled transliterators kept per cache; the least recently used goes. */
#define GL_TRANSLIT_CACHE 16

/* Longest transform id accepted (ICU ids are short; compound ids are a few
   dozen characters). */
#define GL_TRANSLIT_MAXID 256

typedef struct GlTranslitEntry {
  char *id;                  /* malloc'ed copy of the id (UTF-8) */
  int reverse;               /* UTRANS_REVERSE instead of UTRANS_FORWARD */
  UTransliterator *trans;
  unsigned long used;        /* cache clock at last use */
} GlTranslitEntry;

typedef struct GlTranslitCache {
  GlTranslitEntry entries[GL_TRANSLIT_CACHE];
  unsigned long clock;
} GlTranslitCache;

/* Empty cache (all pointers NULL); safe to free at once. */
void gl_translit_cache_init(GlTranslitCache *c);

/* Close every transliterator and free the ids; the cache is empty after. */
void gl_translit_cache_free(GlTranslitCache *c);

/*
** The transliterator for id[0..n) (UTF-8, n <= GL_TRANSLIT_MAXID) in the
** given direction, compiled on first use and owned by the cache (do not
** close it).  Returns NULL with *status set on failure: U_INVALID_ID for an
** unknown id, U_ILLEGAL_ARGUMENT_ERROR for an id that is too long or not
** UTF-8, U_MEMORY_ALLOCATION_ERROR.
*/
UTransliterator *gl_translit_get(GlTranslitCache *c, const char *id, size_t n, int reverse,
                                 UErrorCode *status);

/*
** Transform text[0..*len) in place (capacity cap UTF-16 units).  On return
** *len is the length of the result.  When the result does not fit, *status
** is U_BUFFER_OVERFLOW_ERROR, *len the length needed and the contents of
** text undefined: retry from a copy of the input with a larger buffer.
*/
void gl_translit_apply(UTransliterator *t, UChar *text, int32_t *len, int32_t cap,
                       UErrorCode *status);

/* A spoof checker for skeletons (UTS #39); close with uspoof_close. */
USpoofChecker *gl_spoof_open(UErrorCode *status);

/*
** UTS #39 skeleton of s[0..n) (valid UTF-8) into dest (capacity cap bytes).
** Returns the length of the skeleton; U_BUFFER_OVERFLOW_ERROR when it does
** not fit (call with cap 0 to preflight).
*/
int32_t gl_skeleton(const USpoofChecker *sc, const char *s, int32_t n, char *dest, int32_t cap,
                    UErrorCode *status);

#endif
