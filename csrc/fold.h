/*
** fold.h -- search folding with an exact offset map back to the source.
**
** gl_fold turns UTF-8 text into its folded form (case, compatibility forms,
** diacritics, Arabic-script letter variants, nukta, digits, invisible
** formatting, dashes/whitespace runs, apostrophes; see README "Search
** folding") and records, for every byte of the output, the span of source
** bytes it came from.  The matcher folds text and aliases with the same
** profile and maps matches back through the OffsetMap.
**
** Profiles are immutable once built and may be shared by threads.
*/
#ifndef GLEAN_FOLD_H
#define GLEAN_FOLD_H

#include <unicode/utypes.h>
#include "glean.h"

typedef struct FoldProfile FoldProfile;

/*
** Offset map.  The output is cut into segments; segment k covers output
** bytes [seg[k].out, seg[k+1].out).  A linear segment maps byte for byte:
** output byte o comes from the source code point containing byte
** src + (o - out), and output and source code points align.  A block
** segment (one unit: e.g. "e\u0301" -> "e", a whitespace run -> " ")
** maps every output byte to the whole source span [src, src + srclen).
** Source bytes that produce no output (deleted format characters) belong
** to no segment.  Segments are monotone in both out and src.
*/
typedef struct MapSeg {
  uint32_t out;      /* first output byte */
  uint32_t src;      /* first source byte */
  uint32_t srclen;   /* block: source length; linear: 0 */
} MapSeg;

typedef struct OffsetMap {
  MapSeg *seg;
  size_t nseg, cap;
  size_t outlen, srclen;   /* total lengths, for bounds */
  const char *src;         /* source text (borrowed; needed by linear lookups) */
} OffsetMap;

/* Built-in profiles: "search" (the default) and "search-case" (the same
   without case folding, used by the matcher's `case` flag).  Built on first
   use, thread-safe, never freed.  NULL + *status on ICU failure. */
const FoldProfile *gl_fold_profile_get(const char *name, UErrorCode *status);

/* A custom profile: a copy of base's custom settings (NULL: none), folding
   case when casefold is 1; then add mappings (a single input code point to
   a UTF-8 string that is folded in turn, "" deletes it) and extra stripped
   marks, and call gl_fold_profile_finish before use (builds the tables,
   ~50 ms).  map/strip return 0, -1 bad UTF-8, -2 target too long, -3 out of
   memory. */
FoldProfile *gl_fold_profile_new(const FoldProfile *base, int casefold, UErrorCode *status);
int gl_fold_profile_map(FoldProfile *p, int32_t from, const char *to, size_t tolen);
int gl_fold_profile_strip(FoldProfile *p, int32_t mark);
void gl_fold_profile_finish(FoldProfile *p, UErrorCode *status);
int gl_fold_profile_casefold(const FoldProfile *p);     /* 1 when it folds case */

/* The canonical text form of a profile (a built-in's name, or the custom
   definition), appended to out; 0 or -1 out of memory.  gl_fold_profile_load
   turns it back into a profile: a built-in (shared) or a new custom one,
   which it also stores in *owned for the caller to free.  NULL and
   U_ILLEGAL_ARGUMENT_ERROR for a malformed spec. */
int gl_fold_profile_spec(const FoldProfile *p, GlBuf *out);
const FoldProfile *gl_fold_profile_load(const char *spec, size_t n, FoldProfile **owned,
                                        UErrorCode *status);
void gl_fold_profile_free(FoldProfile *p);

/*
** Fold s[0..n) into out (appended) and, when map != NULL, fill map (reset
** first; map->src = s).  Returns 0, or -1 with *badpos = offset of the first
** invalid byte (GlInvalidError), or -2 out of memory / ICU failure
** (*status tells which).  With GlInvalidReplace each bad subpart folds to
** U+FFFD and maps back to its bytes.
*/
int gl_fold(const FoldProfile *p, const char *s, size_t n, GlInvalid inv,
            GlBuf *out, OffsetMap *map, size_t *badpos, UErrorCode *status);

void gl_map_init(OffsetMap *m);
void gl_map_free(OffsetMap *m);

/* Source span [*start, *end) (0-based, end exclusive) of output byte o. */
void gl_map_source(const OffsetMap *m, size_t o, size_t *start, size_t *end);

/* Source span of the output range [o0, o1) (o0 < o1): from the start of
   o0's span to the end of (o1 - 1)'s span. */
void gl_map_span(const OffsetMap *m, size_t o0, size_t o1, size_t *start, size_t *end);


#endif
