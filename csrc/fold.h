/*
** fold.h -- search folding with an exact offset map back to the source.
**
** gl_fold turns UTF-8 text into its folded form (case, compatibility forms,
** diacritics, Arabic-script letter variants, nukta, digits, invisible
** formatting, dashes/whitespace runs, apostrophes; see README "Search
** folding") and records, for every byte of the output, the span of source
** bytes it came from.  The matcher folds text and aliases with the same
** profile and maps matches back through the OffsetMap.  Profiles:
** fold_profile.h; their text form: fold_spec.h.
*/
#ifndef GLEAN_FOLD_H
#define GLEAN_FOLD_H

#include <unicode/utypes.h>
#include "glean.h"
#include "fold_profile.h"
#include "offsets.h"

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
