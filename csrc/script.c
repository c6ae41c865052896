/*
** script.c -- script runs (UAX #24) of UTF-8 text over ICU uscript.
** The resolution of Common and Inherited characters follows UAX #24
** section 5.2 ("Handling Characters with the Common Script Property") in
** its simple form, plus the paired-bracket rule of ICU's scrptrun sample.
*/
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "script.h"

/* Depth of the paired-bracket stack; deeper nesting is not tracked. */
#define GL_BRACKETS 64

/* Opening bracket waiting for its partner: the closing code point, and the run it joined. */
typedef struct Bracket {
  UChar32 close;
  size_t run;
} Bracket;


static int has_script(UChar32 c, UScriptCode sc) {
  return uscript_hasScript(c, sc) != 0;   /* looks at Script_Extensions */
}


/* Non-zero when c's Script_Extensions is just {Inherited}: it follows its base. */
static int plain_inherited(UChar32 c) {
  UScriptCode scx[2];
  UErrorCode st = U_ZERO_ERROR;
  int32_t k = uscript_getScriptExtensions(c, scx, 2, &st);
  return U_SUCCESS(st) && k == 1 && scx[0] == USCRIPT_INHERITED;
}


static UChar32 decode(const uint8_t *u, size_t n, size_t i, size_t *len) {
  UChar32 c = gl_utf8_decode(u, n, i, len);
  return c < 0 ? 0xFFFD : c;
}


/*
** Where the new run of script to starts, given that the Common/Inherited
** tail u[tail..i) follows a run of script from: the start of the maximal
** suffix of the tail whose characters name to but not from in their
** Script_Extensions (plain Inherited marks go with their base), else i.
*/
static size_t split_point(const uint8_t *u, size_t n, size_t tail, size_t i,
                          UScriptCode from, UScriptCode to) {
  size_t cand = (size_t)-1, len;
  while (tail < i) {
    UChar32 c = decode(u, n, tail, &len);
    if (plain_inherited(c)) { /* keeps the decision of its base */ }
    else if (has_script(c, to) && !has_script(c, from)) {
      if (cand == (size_t)-1) cand = tail;
    }
    else cand = (size_t)-1;
    tail += len;
  }
  return cand == (size_t)-1 ? i : cand;
}


static int newrun(GlBuf *runs, size_t start, UScriptCode sc) {
  GlScriptRun r;
  r.start = r.stop = start;
  r.script = sc;
  return gl_buf_add(runs, &r, sizeof r);
}


int gl_scripts(const char *s, size_t n, GlInvalid inv, GlBuf *runs, size_t *pos) {
  const uint8_t *u = (const uint8_t *)s;
  Bracket stack[GL_BRACKETS];
  int depth = 0;
  size_t i = 0, len, tail = 0, base = runs->len;
  GlScriptRun *cur = NULL;
#define RUN(k) ((GlScriptRun *)(runs->p + base) + (k))
#define NRUNS ((runs->len - base) / sizeof(GlScriptRun))
  while (i < n) {
    UErrorCode st = U_ZERO_ERROR;
    UChar32 c = gl_utf8_decode(u, n, i, &len);
    UScriptCode sc;
    if (c < 0) {
      if (inv == GlInvalidError) { *pos = i; return -2; }
      c = 0xFFFD;
    }
    sc = uscript_getScript(c, &st);
    if (U_FAILURE(st)) sc = USCRIPT_UNKNOWN;
    if (cur == NULL) {   /* first character: a Common start waits for a real script */
      if (newrun(runs, 0, sc == USCRIPT_INHERITED ? USCRIPT_COMMON : sc) != 0) return -1;
      cur = RUN(0);
    }
    if (sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED) {
      int bpt = sc == USCRIPT_COMMON ? u_getIntPropertyValue(c, UCHAR_BIDI_PAIRED_BRACKET_TYPE)
                                     : U_BPT_NONE;
      if (bpt == U_BPT_OPEN && depth < GL_BRACKETS) {
        stack[depth].close = u_getBidiPairedBracket(c);
        stack[depth++].run = NRUNS - 1;
      }
      else if (bpt == U_BPT_CLOSE) {
        int k = depth - 1;
        while (k >= 0 && stack[k].close != c) k--;
        if (k >= 0) {   /* the close takes its opening bracket's script */
          UScriptCode open = RUN(stack[k].run)->script;
          depth = k;
          if (open != cur->script) {
            cur->stop = i;
            if (newrun(runs, i, open) != 0) return -1;
            cur = RUN(NRUNS - 1);
          }
          tail = i + len;
        }
      }
    }
    else if (cur->script == USCRIPT_COMMON) {   /* only the first run can still wait */
      cur->script = sc;
      tail = i + len;
    }
    else if (sc != cur->script) {
      size_t at = split_point(u, n, tail, i, cur->script, sc);
      cur->stop = at;
      if (newrun(runs, at, sc) != 0) return -1;
      cur = RUN(NRUNS - 1);
      tail = i + len;
    }
    else tail = i + len;
    i += len;
    cur->stop = i;
  }
#undef RUN
#undef NRUNS
  return 0;
}
