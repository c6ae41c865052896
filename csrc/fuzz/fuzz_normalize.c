/*
** fuzz_normalize.c -- libFuzzer harness for gl_normalize and
** gl_norm_quickcheck (csrc/norm.h), every form, both invalid-UTF-8 modes.
**
** Input: byte 0 picks the form (low 3 bits) and the invalid mode (bit 3);
** the rest is the text.  Checks, besides the sanitizers:
**  - the result is valid UTF-8 (Replace mode, or Error mode on valid text);
**  - Error mode fails exactly when the text is invalid, at the first bad byte;
**  - normalizing the result again changes nothing (every form is idempotent);
**  - quick check YES means gl_normalize keeps the text;
**  - on valid text the result equals ICU's unorm2_normalize over the whole
**    text in UTF-16 (the fast path must not change the answer).
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include "norm.h"

#define NFORMS 5

static const UNormalizer2 *icu_norm(GlNormForm f, UErrorCode *st) {
  switch (f) {
    case GlNFC: return unorm2_getNFCInstance(st);
    case GlNFD: return unorm2_getNFDInstance(st);
    case GlNFKC: return unorm2_getNFKCInstance(st);
    case GlNFKD: return unorm2_getNFKDInstance(st);
    default: return unorm2_getNFKCCasefoldInstance(st);
  }
}


/* ICU's answer over the whole text; malloc'd UTF-8 in *out. */
static int icu_reference(GlNormForm f, const char *s, size_t n, char **out, int32_t *outlen) {
  UErrorCode st = U_ZERO_ERROR;
  const UNormalizer2 *nz = icu_norm(f, &st);
  int32_t ulen = 0, dlen;
  UChar *u, *d;
  if (U_FAILURE(st)) return -1;
  u = (UChar *)malloc((n + 1) * sizeof(UChar));
  u_strFromUTF8(u, (int32_t)n + 1, &ulen, s, (int32_t)n, &st);
  if (U_FAILURE(st)) { free(u); return -1; }
  dlen = unorm2_normalize(nz, u, ulen, NULL, 0, &st);
  if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st)) { free(u); return -1; }
  st = U_ZERO_ERROR;
  d = (UChar *)malloc(((size_t)dlen + 1) * sizeof(UChar));
  unorm2_normalize(nz, u, ulen, d, dlen + 1, &st);
  if (U_FAILURE(st)) { free(u); free(d); return -1; }
  *out = (char *)malloc((size_t)dlen * 3 + 1);
  u_strToUTF8(*out, dlen * 3 + 1, outlen, d, dlen, &st);
  free(u); free(d);
  return U_FAILURE(st) ? -1 : 0;
}


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  GlNormScratch sc, sc2;
  GlNormForm form;
  GlInvalid inv;
  GlNormStatus r, r2;
  const char *s, *res;
  size_t n, rn, pos = 0, bad;
  UErrorCode st = U_ZERO_ERROR;
  int qc;
  if (size < 1) return 0;
  form = (GlNormForm)((data[0] & 7) % NFORMS);
  inv = (data[0] & 8) ? GlInvalidReplace : GlInvalidError;
  s = (const char *)data + 1;
  n = size - 1;
  bad = gl_utf8_check(s, n);
  gl_norm_scratch_init(&sc);
  gl_norm_scratch_init(&sc2);
  r = gl_normalize(form, s, n, inv, &sc, &pos, &st);
  if (r == GlNormBadUTF8) {
    if (inv != GlInvalidError || bad == (size_t)-1 || pos != bad) abort();
    goto done;
  }
  if (r != GlNormSame && r != GlNormDone) abort();   /* no ICU failure, no OOM on small input */
  if (inv == GlInvalidError && bad != (size_t)-1) abort();   /* bad text accepted */
  res = r == GlNormSame ? s : sc.out.p;
  rn = r == GlNormSame ? n : sc.out.len;
  if (rn && gl_utf8_check(res, rn) != (size_t)-1) abort();
  /* idempotence */
  r2 = gl_normalize(form, res, rn, GlInvalidError, &sc2, &pos, &st);
  if (r2 == GlNormDone && (sc2.out.len != rn || memcmp(sc2.out.p, res, rn) != 0)) abort();
  if (r2 != GlNormSame && r2 != GlNormDone) abort();
  if (bad == (size_t)-1) {
    char *ref = NULL;
    int32_t reflen = 0;
    qc = gl_norm_quickcheck(form, s, n, &pos);
    if (qc == 1 && (rn != n || memcmp(res, s, n) != 0)) abort();
    if (qc == -2) abort();
    if (icu_reference(form, s, n, &ref, &reflen) == 0) {
      if ((size_t)reflen != rn || memcmp(ref, res, rn) != 0) abort();
    }
    free(ref);
  }
done:
  gl_norm_scratch_free(&sc);
  gl_norm_scratch_free(&sc2);
  return 0;
}
