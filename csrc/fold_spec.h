/*
** fold_spec.h -- a folding profile's canonical text form, which compiled
** gazetteers store, and the profile it describes.
*/
#ifndef GLEAN_FOLD_SPEC_H
#define GLEAN_FOLD_SPEC_H

#include <unicode/utypes.h>
#include "glean.h"
#include "fold_profile.h"

/* The canonical text form of a profile (a built-in's name, or the custom
   definition), appended to out; 0 or -1 out of memory.  gl_fold_profile_load
   turns it back into a profile: a built-in (shared) or a new custom one,
   which it also stores in *owned for the caller to free.  NULL and
   U_ILLEGAL_ARGUMENT_ERROR for a malformed spec. */
int gl_fold_profile_spec(const FoldProfile *p, GlBuf *out);
const FoldProfile *gl_fold_profile_load(const char *spec, size_t n, FoldProfile **owned,
                                        UErrorCode *status);

#endif
