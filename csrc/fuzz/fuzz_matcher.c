/*
** fuzz_matcher.c -- libFuzzer harness for the gazetteer matcher
** (csrc/matcher.h) built from a fuzzed TSV/CSV source (csrc/gazfile.h).
**
** Input: byte 0 holds flags (bit 0 overlapping, bit 1 invalid text is
** replaced rather than rejected, bit 2 CSV instead of TSV, bit 3 inflection
** profiles: a fixed one called "fx" and, when the gazetteer part holds a
** line "~~", the bytes before it as a profile called "xx"; bit 4 the
** document language is "xx", bit 5 "fx"); then the gazetteer source, a line
** "==", and the text to scan.  Without the "==" line the same bytes serve
** as gazetteer and text.  Checks:
**  - parse errors are "name:line: what" lines; nothing crashes on any file;
**  - every match lies inside the text, is non-empty, and matches come
**    sorted by start (non-overlapping mode: they do not overlap);
**  - the surface (text[start, end)) folds to the alias's folded form
**    (`prefix` aliases: the folded surface starts with it; `exact`: the
**    surface is the alias byte for byte) -- the C form of
**    `text:sub(start, stop) == surface` plus the fold contract;
**  - a match after Arabic proclitics (wa-, bi-, li-...) folds to the alias;
**    one of للأمم folds to the alias without its first letter and follows ل;
**  - an inflected form's surface folds to one of the forms the profile
**    gives the alias (without the part outside the span); profile parse
**    errors are "name:line: what" lines;
**  - Error mode on invalid text fails at the first bad byte.
*/
#define _GNU_SOURCE 1   /* memmem */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "gazfile.h"
#include "matcher.h"

static const char SEP[] = "\n==\n";
static const char PSEP[] = "\n~~\n";

static void fold_trim(const FoldProfile *p, const char *s, size_t n, GlBuf *out,
                      size_t *a, size_t *z);

/* A fixed profile that reaches every kind of rule and form. */
static const char FIXED[] =
  "script Latn Cyrl Arab\nminstem 1\nvowels aeiou\nclass C bcdfgklmnprst\nclass B ao\n"
  "a -> e y ou\n{C} @{B} -> +a +(s) +en(i)\n{C} -> +e\n* -> +s +(ی)\nia -> -\nй -> я ю\n"
  "o -> i:g u:dp +:a ae(s):i\nadj us -> i:g o:dp +:a\nadj a -> ae:gdpi am:a\nadj ий -> его:g ем:p\n";

typedef struct Want { const char *key; size_t n; int found; const FoldProfile *f; GlBuf tmp; } Want;

/* Does the surface's fold equal a form's fold (without its excluded end)? */
static int want_form(void *ud, const char *form, size_t n, size_t excluded) {
  Want *W = (Want *)ud;
  size_t a, z;
  fold_trim(W->f, form, n - excluded, &W->tmp, &a, &z);
  if (z - a == W->n && memcmp(W->tmp.p + a, W->key, W->n) == 0) W->found = 1;
  return 0;
}

static InflProfile *profs[2];
static int nprofs;

static int add_prof(void *ud, InflProfile *p) {
  profs[nprofs++] = p;
  return gl_builder_add_inflection((MatcherBuilder *)ud, p);
}

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
  nprofs = 0;
  if (data[0] & 8) {
    const char *ps = glen >= 4 ? (const char *)memmem(gaz, glen, PSEP, 4) : NULL;
    InflProfile *p = gl_infl_parse("fx", FIXED, sizeof FIXED - 1, "fx.tsv", &err);
    if (p == NULL || add_prof(b, p) != 0) abort();
    if (ps) {
      p = gl_infl_parse("xx", gaz, (size_t)(ps - gaz), "xx.tsv", &err);
      if (p == NULL && (err.len == 0 || memcmp(err.p, "xx.tsv:", 7) != 0)) abort();
      if (p && add_prof(b, p) != 0) abort();
      glen -= (size_t)(ps + 4 - gaz);
      gaz = ps + 4;
      if (sep == NULL) { text = gaz; tlen = glen; }
    }
    err.len = 0;
  }
  rc = gl_gazfile_parse(b, gaz, glen, "fuzz.tsv", (data[0] & 4) ? GazCSV : GazTSV, &err);
  if (rc == -2) abort();
  if (rc == -1 && (err.len == 0 || memcmp(err.p, "fuzz.tsv:", 9) != 0)) abort();
  if (rc == 0 && err.len != 0) abort();
  m = gl_matcher_build(b, &st);
  if (m == NULL || U_FAILURE(st)) abort();
  bad = gl_utf8_check(text, tlen);
  {
    GlScanner *sc = gl_scanner_new();
    if (sc == NULL) abort();
    gl_scanner_set_lang(sc, (data[0] & 16) ? "xx" : (data[0] & 32) ? "fx" : NULL);
    rc = gl_matcher_scan_with(m, sc, text, tlen, inv, overlapping, &ml, &badpos, &st);
    gl_scanner_free(sc);
  }
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
      if (r->flags & GL_REC_FORM) {   /* one of the profile's forms */
        Want W;
        int j;
        fold_trim(m->fold, text + g->start, g->end - g->start, &fs, &a2, &z2);
        W.key = fs.p + a2; W.n = z2 - a2; W.found = 0; W.f = m->fold;
        gl_buf_init(&W.tmp);
        for (j = 0; j < nprofs; j++)
          if (strcmp(gl_infl_name(profs[j]), gl_matcher_str(m, r->form)) == 0)
            gl_infl_expand(profs[j], alias, strlen(alias), want_form, &W);
        gl_buf_free(&W.tmp);
        if (!W.found) abort();
        continue;
      }
      fold_trim(m->fold, alias, strlen(alias), &fa, &a1, &z1);
      fold_trim(m->fold, text + g->start, g->end - g->start, &fs, &a2, &z2);
      if (r->flags & GL_REC_LL) {   /* للأمم: the alias without its article's alif */
        if (z1 - a1 < 4 || memcmp(fa.p + a1, "\xD8\xA7\xD9\x84", 4) != 0) abort();
        a1 += 2;
        if (g->start < 2 || memcmp(text + g->start - 2, "\xD9\x84", 2) != 0) abort();
      }
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
