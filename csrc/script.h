/*
** script.h -- script runs (UAX #24) of UTF-8 text over ICU uscript.
*/
#ifndef GL_SCRIPT_H
#define GL_SCRIPT_H

#include <unicode/uscript.h>

#include "glean.h"

/* One run: bytes [start, stop) (0-based, stop exclusive) of one script. */
typedef struct GlScriptRun {
  size_t start, stop;
  UScriptCode script;   /* USCRIPT_COMMON only when the whole text is Common/Inherited */
} GlScriptRun;

/*
** Split s[0..n) into maximal runs of one script (UAX #24 Script property).
** Characters of Script=Common or Inherited take a neighbour's script:
**  - Inherited (combining marks) and Common (spaces, digits, punctuation)
**    join the run before them; at the start of the text, the one after them;
**  - a closing paired bracket (Bidi_Paired_Bracket) takes the script of the
**    run its opening bracket joined, so "(Delhi)" inside Devanagari stays
**    Devanagari around the Latin word;
**  - where a run changes script, the Common/Inherited characters just before
**    the change whose Script_Extensions name the new script but not the old
**    one (Arabic comma before Arabic, danda before Devanagari) move to it.
** The runs are appended to *runs as GlScriptRun records (runs->len counts
** bytes).  Returns 0; -1 when out of memory; -2 on invalid UTF-8 with
** inv == GlInvalidError, *pos = 0-based offset of the first bad byte (with
** GlInvalidReplace a bad sequence counts as U+FFFD, which is Common).
*/
int gl_scripts(const char *s, size_t n, GlInvalid inv, GlBuf *runs, size_t *pos);

#endif
