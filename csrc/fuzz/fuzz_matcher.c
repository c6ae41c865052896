/*
** fuzz_matcher.c -- libFuzzer harness for the gazetteer matcher
** (csrc/matcher.h) built from a fuzzed TSV/CSV source (csrc/gazfile.h).
**
** Input: byte 0 holds flags (bit 0 overlapping, bit 1 invalid text is
** replaced rather than rejected, bit 2 CSV instead of TSV); then the
** gazetteer source, a line "==", and the text to scan.  Without the "=="
** line the same bytes serve as gazetteer and text.  Checks:
**  - parse errors are "name:line: what" lines; nothing crashes on any file;
**  - every match lies inside the text, is non-empty, and matches come
**    sorted by start (non-overlapping mode: they do not overlap);
**  - the surface (text[start, end)) folds to the alias's folded form
**    (`prefix` aliases: the folded surface starts with it; `exact`: the
**    surface is the alias byte for byte) -- the C form of
**    `text:sub(start, stop) == surface` plus the fold contract;
**  - Error mode on invalid text fails at the first bad byte.
*/
#define _GNU_SOURCE 1   /* memmem */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "gazfile.h"
#include "matcher.h"

static const char SEP[] = "\n==\n";

static void fold_trim(const FoldProfile *p, const char *s, size_t n, GlBuf *out,
                      size_t *a, size_t *z) {
  UErrorCode st = U_ZERO_ERROR;
  size_t bad;
  out->len = 0;
  if (gl_fold(p, s, n, GlInvalidReplace, out, NULL, &bad, &st) != 0) abort();
  *a = 0; *z = out->len;
  while (*a < *z && out->p[*a] == ' ') (*a)++;
  while (*z > *a && out->p[*z - 1] == ' ') (*z)--;
}


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *gaz, *text, *sep;
  size_t glen, tlen, k, badpos = 0, bad;
  int overlapping, rc;
  GlInvalid inv;
  GlBuf err, fa, fs;
  UErrorCode st = U_ZERO_ERROR;
  MatcherBuilder *b;
  Matcher *m;
  GlMatchList ml = {NULL, 0, 0};
  if (size < 1) return 0;
  overlapping = data[0] & 1;
  inv = (data[0] & 2) ? GlInvalidReplace : GlInvalidError;
  gaz = (const char *)data + 1;
  glen = size - 1;
  sep = glen >= 4 ? (const char *)memmem(gaz, glen, SEP, 4) : NULL;
  if (sep) { text = sep + 4; tlen = glen - (size_t)(text - gaz); glen = (size_t)(sep - gaz); }
  else { text = gaz; tlen = glen; }
  gl_buf_init(&err); gl_buf_init(&fa); gl_buf_init(&fs);
  b = gl_builder_new("search", &st);
  if (b == NULL || U_FAILURE(st)) abort();
  rc = gl_gazfile_parse(b, gaz, glen, "fuzz.tsv", (data[0] & 4) ? GazCSV : GazTSV, &err);
  if (rc == -2) abort();
  if (rc == -1 && (err.len == 0 || memcmp(err.p, "fuzz.tsv:", 9) != 0)) abort();
  if (rc == 0 && err.len != 0) abort();
  m = gl_matcher_build(b, &st);
  if (m == NULL || U_FAILURE(st)) abort();
  bad = gl_utf8_check(text, tlen);
  rc = gl_matcher_scan(m, text, tlen, inv, overlapping, &ml, &badpos, &st);
  if (rc == -1) {
    if (inv != GlInvalidError || bad == (size_t)-1 || badpos != bad) abort();
  }
  else if (rc != 0) abort();
  else {
    if (inv == GlInvalidError && bad != (size_t)-1) abort();
    for (k = 0; k < ml.n; k++) {
      const GlMatch *g = &ml.m[k];
      const MatchRec *r;
      const char *alias;
      size_t a1, z1, a2, z2;
      if (g->start >= g->end || g->end > tlen || g->rec >= m->nrec) abort();
      if (k > 0 && g->start < ml.m[k - 1].start) abort();
      if (!overlapping && k > 0 && g->start < ml.m[k - 1].end && g->start != ml.m[k - 1].start)
        abort();
      r = &m->rec[g->rec];
      alias = gl_matcher_str(m, r->alias);
      if (r->flags & GL_FLAG_EXACT) {
        if (strlen(alias) != g->end - g->start || memcmp(alias, text + g->start, g->end - g->start) != 0)
          abort();
        continue;
      }
      fold_trim(m->fold, alias, strlen(alias), &fa, &a1, &z1);
      fold_trim(m->fold, text + g->start, g->end - g->start, &fs, &a2, &z2);
      if (r->flags & GL_FLAG_PREFIX) {
        if (z2 - a2 < z1 - a1 || memcmp(fs.p + a2, fa.p + a1, z1 - a1) != 0) abort();
      }
      else if (z2 - a2 != z1 - a1 || memcmp(fs.p + a2, fa.p + a1, z1 - a1) != 0) abort();
    }
  }
  gl_matchlist_free(&ml);
  gl_matcher_free(m);
  gl_builder_free(b);
  gl_buf_free(&err); gl_buf_free(&fa); gl_buf_free(&fs);
  return 0;
}
