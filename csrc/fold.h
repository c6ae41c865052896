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
#include "offsets.h"

typedef struct FoldProfile FoldProfile;


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



#endif
