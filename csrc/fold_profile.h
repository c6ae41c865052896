/*
** fold_profile.h -- search-folding profiles: the built-in ones and custom
** ones (extra mappings and stripped marks).  gl_fold (fold.h) folds with
** one; fold_spec.h writes one as text and reads it back.
**
** Profiles are immutable once built and may be shared by threads.
*/
#ifndef GLEAN_FOLD_PROFILE_H
#define GLEAN_FOLD_PROFILE_H

#include <unicode/utypes.h>
#include "glean.h"

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
void gl_fold_profile_free(FoldProfile *p);              /* a custom profile; NULL or a built-in: nothing */

#endif
