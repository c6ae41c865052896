/*
** norm.c -- Unicode normalization (UAX #15) of UTF-8 text over ICU unorm2.
**
** Fast path: the quick-check algorithm of UAX #15 section 9 runs directly
** over the UTF-8 bytes (ASCII eight bytes at a time), asking ICU for each
** non-ASCII character's NF*_Quick_Check value and canonical combining class.
** Input that passes is returned untouched.  Otherwise each failing character
** is widened to a segment that runs from the last "YES starter" before it to
** the next one after it; only those segments are converted to UTF-16 and
** normalized by ICU.  A YES starter (quick check YES, ccc 0) never interacts
** with what precedes it, so cutting the text there is exact (gl_norm_audit
** checks this claim against ICU's own unorm2_hasBoundaryBefore).
**
** Dense failures (every capital letter under NFKC_CF, every accented letter
** when NFC meets NFD text) would make that one ICU call per few bytes plus a
** second scan: there the stretches grow into blocks that go through ICU
** whole, and NFKC_CF lowers ASCII capitals without ICU.
*/
#if defined(__linux__) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE   /* madvise and MADV_HUGEPAGE, hidden by _POSIX_C_SOURCE alone */
#endif
#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>
#include <unicode/ustring.h>

#include "norm.h"

/*
** Failures that follow the end of the previous ICU stretch within this many
** bytes make the text "dense": the next stretch is then a whole block, cut at
** a normalization boundary, that goes through ICU in one UTF-16 round trip
** without being quick-checked first.  Blocks start at GL_NORM_BLOCK0 bytes and
** double while the text stays dense, up to GL_NORM_BLOCK; a sparse failure
** goes back to the smallest segment around it.
*/
#define GL_NORM_DENSE 256
#define GL_NORM_BLOCK0 ((size_t)1024)
#define GL_NORM_BLOCK ((size_t)1 << 16)

/* A segment's UTF-16 length must fit ICU's int32_t lengths with room to grow. */
#define GL_NORM_MAXSEG ((size_t)0x1FFFFFFF)

/*
** Results of at least this many bytes are built in an anonymous mapping
** advised to use transparent huge pages, where the system offers them: the
** first touch of a fresh 64 MB buffer in 4 KiB pages can cost more than
** normalizing its text (measured 0.19 s against 0.12 s for ICU's whole run).
*/
#if defined(MADV_HUGEPAGE) && defined(MAP_ANONYMOUS)
#define GL_NORM_MAPMIN ((size_t)4 << 20)
#define GL_NORM_HUGE ((size_t)2 << 20)   /* a huge page */
#endif

enum { SpanEnd, SpanNo, SpanMaybe, SpanBad };


/* ======================================================================
** Per-code-point properties
** ====================================================================== */

static const UNormalizer2 *get_instance(GlNormForm form, UErrorCode *status) {
  switch (form) {
    case GlNFC: return unorm2_getNFCInstance(status);
    case GlNFD: return unorm2_getNFDInstance(status);
    case GlNFKC: return unorm2_getNFKCInstance(status);
    case GlNFKD: return unorm2_getNFKDInstance(status);
    default: return unorm2_getNFKCCasefoldInstance(status);
  }
}


/*
** Quick_Check value of c (UNORM_YES, UNORM_NO or UNORM_MAYBE).  NFKC_Casefold
** has no Quick_Check property of its own: a character that is NFKC YES and not
** Changes_When_NFKC_Casefolded maps to itself, so it is YES; an NFKC YES
** character that does change is reported as MAYBE (conservative: the slow
** path decides).
*/
static int qc_of(GlNormForm form, UChar32 c) {
  static const UProperty prop[] = {
    UCHAR_NFC_QUICK_CHECK, UCHAR_NFD_QUICK_CHECK, UCHAR_NFKC_QUICK_CHECK,
    UCHAR_NFKD_QUICK_CHECK, UCHAR_NFKC_QUICK_CHECK
  };
  int v = u_getIntPropertyValue(c, prop[form]);
  if (form == GlNFKCCF && v == UNORM_YES &&
      u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_NFKC_CASEFOLDED))
    v = UNORM_MAYBE;
  return v;
}


/*
** BMP cache of (GL_PROP_BUILT | Quick_Check << 8 | ccc) per form, filled one
** 256-code-point block at a time on first use: the ICU property getters cost
** tens of nanoseconds per call, a table load a few.  0 means "not filled
** yet", so the hot loops test that with the same load.  Two threads filling
** the same block write identical values.
*/
#define GL_PROP_BUILT 0x8000
#define GL_PROP_YES_STARTER (GL_PROP_BUILT | UNORM_YES << 8)   /* YES, ccc 0 */

static uint16_t bmp_props[5][0x10000];


static void fill_block(GlNormForm form, UChar32 c) {
  UChar32 b = c & ~0xFF, k;
  for (k = b; k < b + 0x100; k++)
    bmp_props[form][k] = (uint16_t)(GL_PROP_BUILT | qc_of(form, k) << 8 | u_getCombiningClass(k));
}


/* Quick_Check value and canonical combining class of c. */
static int props_of(GlNormForm form, UChar32 c, uint8_t *ccc) {
  if (c < 0x10000) {
    uint16_t v = bmp_props[form][c];
    if (v == 0) {
      fill_block(form, c);
      v = bmp_props[form][c];
    }
    *ccc = (uint8_t)(v & 0xFF);
    return (v >> 8) & 0x7F;
  }
  *ccc = u_getCombiningClass(c);
  return qc_of(form, c);
}


/* props_of with the table lookup in line (the hot loops call this). */
static int props_fast(const uint16_t *tab, GlNormForm form, UChar32 c, uint8_t *ccc) {
  if (c < 0x10000 && tab[c] != 0) {
    uint16_t v = tab[c];
    *ccc = (uint8_t)(v & 0xFF);
    return (v >> 8) & 0x7F;
  }
  return props_of(form, c, ccc);
}


/* Non-zero when one of the eight ASCII bytes in w is 'A'..'Z' (NFKC_CF folds them). */
static int has_upper(uint64_t w) {
  const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
  /* bytes are < 0x80 here: x + (0x80 - 'A') sets the high bit iff x >= 'A' */
  uint64_t ge_a = w + ones * (0x80 - 'A');
  uint64_t gt_z = w + ones * (0x80 - 'Z' - 1);
  return ((ge_a & ~gt_z) & high) != 0;
}


/* ======================================================================
** Quick check over UTF-8
** ====================================================================== */

/*
** Runs the UAX #15 quick check over s[i..limit) (a sequence may extend past
** limit, up to n).  i must be a normalization boundary.  Returns why it
** stopped: SpanEnd (all YES; *stop = where it ended), SpanNo or SpanMaybe
** (*stop = offset of the offending character), SpanBad (invalid UTF-8 at
** *stop).  *safe = offset of the last YES starter in [i, *stop], or i.
**
** NFKC_CF: an ASCII capital followed by ASCII (or the end) is accepted and
** *caps set: both have a normalization boundary before them, so the capital
** is a segment of its own, and its NFKC_Casefold is its lowercase letter.
** The caller copies such stretches with copy_lower.
*/
static int qc_span(GlNormForm form, const uint8_t *s, size_t n, size_t i, size_t limit,
                   size_t *stop, size_t *safe, int *caps) {
  size_t sf = i, len;
  uint8_t last = 0;   /* ccc of the previous character (UAX #15 section 9) */
  int cf = (form == GlNFKCCF), res = SpanEnd;
  const uint16_t *tab = bmp_props[form];
  while (i < limit) {
    UChar32 c;
    int q;
    uint8_t ccc;
    if (s[i] < 0x80) {
      while (i + 8 <= limit) {   /* ASCII fast path: all YES starters */
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ull) break;
        if (cf && has_upper(w)) {
          /* a capital in the last byte must be followed by ASCII */
          if (i + 8 < n && s[i + 8] >= 0x80 && s[i + 7] >= 'A' && s[i + 7] <= 'Z') break;
          *caps = 1;
        }
        i += 8;
        sf = i - 1;
        last = 0;
      }
      if (i >= limit) break;
      if (s[i] < 0x80) {
        if (cf && s[i] >= 'A' && s[i] <= 'Z') {
          if (i + 1 < n && s[i + 1] >= 0x80) { res = SpanNo; break; }
          *caps = 1;
        }
        sf = i++;
        last = 0;
        continue;
      }
    }
    /* runs of well-formed two- or three-byte YES starters (most letters of
       most scripts): one table load each, no other branches */
    while (i + 3 <= limit) {
      uint8_t b0 = s[i];
      UChar32 c2;
      if (b0 >= 0xC2 && b0 < 0xE0 && (s[i + 1] & 0xC0) == 0x80) {
        c2 = ((UChar32)(b0 & 0x1F) << 6) | (s[i + 1] & 0x3F);
        if (tab[c2] != GL_PROP_YES_STARTER) break;
        sf = i;
        i += 2;
      }
      else if ((b0 & 0xF0) == 0xE0 && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
        c2 = ((UChar32)(b0 & 0x0F) << 12) | ((UChar32)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
        /* not overlong, not a surrogate */
        if (c2 < 0x800 || (c2 & 0xF800) == 0xD800 || tab[c2] != GL_PROP_YES_STARTER) break;
        sf = i;
        i += 3;
      }
      else break;
      last = 0;
    }
    if (i >= limit) break;
    if (s[i] < 0x80) continue;
    c = gl_utf8_next(s, n, i, &len);
    if (c < 0) { res = SpanBad; break; }
    if (c < 0x10000 && tab[c] == GL_PROP_YES_STARTER) {   /* the common case */
      sf = i;
      last = 0;
      i += len;
      continue;
    }
    q = props_fast(tab, form, c, &ccc);
    if (q == UNORM_NO) { res = SpanNo; break; }
    if (q == UNORM_MAYBE) { res = SpanMaybe; break; }
    if (ccc == 0) sf = i;
    else if (last > ccc) { res = SpanNo; break; }   /* marks out of canonical order */
    last = ccc;
    i += len;
  }
  *stop = i;
  *safe = sf;
  return res;
}


/*
** Appends s[0..n) to out with ASCII 'A'..'Z' lowered (a stretch that qc_span
** passed with *caps set; other bytes, UTF-8 sequences included, are kept).
** out must have room for n more bytes.
*/
static void copy_lower(GlBuf *out, const uint8_t *s, size_t n) {
  const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
  char *d = out->p + out->len;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w, t, m;
    memcpy(&w, s + i, 8);
    t = w & ~high;
    /* high bit of a byte set iff it is ASCII and in 'A'..'Z' */
    m = (t + ones * (0x80 - 'A')) & ~(t + ones * (0x80 - 'Z' - 1)) & ~w & high;
    w ^= m >> 2;   /* 0x80 >> 2 is the case bit 0x20 */
    memcpy(d + i, &w, 8);
  }
  for (; i < n; i++) d[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] | 0x20 : s[i]);
  out->len += n;
}


/*
** Offset of the first YES starter after the character at p (or n): the end
** of the segment that must go through ICU.  With GlInvalidError an invalid
** sequence also ends the segment, so that the next qc_span reports it.
*/
static size_t next_boundary(GlNormForm form, const uint8_t *s, size_t n, size_t p,
                            GlInvalid inv) {
  size_t len;
  int first = 1;
  while (p < n) {
    UChar32 c = gl_utf8_decode(s, n, p, &len);
    uint8_t ccc;
    if (c < 0) {
      if (inv == GlInvalidError) return p;
    }
    else if (!first && (form != GlNFKCCF || c < 'A' || c > 'Z') &&
             (c < 0x80 || (props_of(form, c, &ccc) == UNORM_YES && ccc == 0)))
      return p;
    first = 0;
    p += len;
  }
  return n;
}


int gl_norm_quickcheck(GlNormForm form, const char *s, size_t n, size_t *pos) {
  const uint8_t *u = (const uint8_t *)s;
  size_t i = 0, len;
  uint8_t last = 0;
  int res = 1, cf = (form == GlNFKCCF);
  const uint16_t *tab = bmp_props[form];
  while (i < n) {
    UChar32 c;
    int q;
    uint8_t ccc;
    while (i + 8 <= n) {   /* ASCII fast path */
      uint64_t w;
      memcpy(&w, u + i, 8);
      if ((w & 0x8080808080808080ull) || (cf && has_upper(w))) break;
      i += 8;
      last = 0;
    }
    if (i >= n) break;
    c = gl_utf8_next(u, n, i, &len);
    if (c < 0) { *pos = i; return -2; }
    q = props_fast(tab, form, c, &ccc);
    if (q == UNORM_NO || (ccc != 0 && last > ccc)) {   /* UAX #15 section 9: NO is final */
      size_t bad = gl_utf8_check(s + i, n - i);   /* still report invalid UTF-8 */
      if (bad != (size_t)-1) { *pos = i + bad; return -2; }
      return 0;
    }
    if (q == UNORM_MAYBE) res = -1;
    last = ccc;
    i += len;
  }
  return res;
}


/* ======================================================================
** Slow path: one segment through ICU
** ====================================================================== */

void gl_norm_scratch_init(GlNormScratch *sc) {
  sc->src = sc->dst = NULL;
  sc->srccap = sc->dstcap = 0;
  gl_buf_init(&sc->out);
  sc->mapped = 0;
}


void gl_norm_scratch_free(GlNormScratch *sc) {
  free(sc->src);
  free(sc->dst);
#ifdef GL_NORM_MAPMIN
  if (sc->mapped) {
    munmap(sc->out.p, sc->out.cap);
    gl_buf_init(&sc->out);
  }
#endif
  gl_buf_free(&sc->out);
  gl_norm_scratch_init(sc);
}


/*
** Room for extra more bytes in sc->out (gl_buf_reserve, except that large
** results go to a huge-page mapping).  0 ok, -1 out of memory.
*/
static int out_reserve(GlNormScratch *sc, size_t extra) {
  GlBuf *o = &sc->out;
  size_t need = o->len + extra;
  if (need < o->len) return -1;   /* overflow */
  if (need <= o->cap) return 0;
#ifdef GL_NORM_MAPMIN
  if (need >= GL_NORM_MAPMIN && need < ((size_t)-1) / 2) {
    size_t cap = (need + need / 8 + GL_NORM_HUGE - 1) & ~(GL_NORM_HUGE - 1);
    void *p = mmap(NULL, cap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p != MAP_FAILED) {
      (void)madvise(p, cap, MADV_HUGEPAGE);   /* only advice: failure costs speed, not results */
      if (o->len) memcpy(p, o->p, o->len);
      if (sc->mapped) munmap(o->p, o->cap);
      else free(o->p);
      o->p = (char *)p;
      o->cap = cap;
      sc->mapped = 1;
      return 0;
    }
  }
  if (sc->mapped) {   /* no mapping to be had: back to malloc */
    char *p = (char *)malloc(need);
    if (p == NULL) return -1;
    memcpy(p, o->p, o->len);
    munmap(o->p, o->cap);
    o->p = p;
    o->cap = need;
    sc->mapped = 0;
    return 0;
  }
#endif
  return gl_buf_reserve(o, extra);
}


static int grow16(UChar **p, size_t *cap, size_t need) {
  UChar *np = (UChar *)gl_grow(*p, cap, need, sizeof *np);
  if (np == NULL) return -1;
  *p = np;
  return 0;
}


/*
** Normalize s[a..b) (a, b boundaries) and append the UTF-8 result to sc->out,
** in one UTF-16 round trip.  Invalid UTF-8 inside: GlNormBadUTF8 with *pos
** at the first bad byte (GlInvalidError), or U+FFFD per maximal subpart.
*/
static GlNormStatus norm_segment(const UNormalizer2 *nm, const uint8_t *s, size_t n,
                                 size_t a, size_t b, GlInvalid inv, GlNormScratch *sc,
                                 size_t *pos, UErrorCode *status) {
  size_t i, k = 0, len;
  int32_t got, len8, k32, room;
  if (b - a > GL_NORM_MAXSEG) return GlNormTooLong;
  if (grow16(&sc->src, &sc->srccap, b - a + 1) != 0) return GlNormNoMem;  /* units <= bytes */
  /* ICU's converter validates as it goes and is faster than the loop below */
  u_strFromUTF8(sc->src, (int32_t)sc->srccap, &k32, (const char *)s + a, (int32_t)(b - a), status);
  if (*status == U_INVALID_CHAR_FOUND) {
    *status = U_ZERO_ERROR;
    if (inv == GlInvalidError) {
      *pos = a + gl_utf8_check((const char *)s + a, b - a);
      return GlNormBadUTF8;
    }
    for (i = a; i < b; i += len) {   /* GlInvalidReplace */
      UChar32 c = gl_utf8_next(s, n, i, &len);
      if (c < 0) c = 0xFFFD;
      if (c < 0x10000) sc->src[k++] = (UChar)c;
      else {
        sc->src[k++] = U16_LEAD(c);
        sc->src[k++] = U16_TRAIL(c);
      }
    }
  }
  else if (U_FAILURE(*status)) return GlNormICU;
  else k = (size_t)k32;
  if (grow16(&sc->dst, &sc->dstcap, k + k / 2 + 16) != 0) return GlNormNoMem;
  got = unorm2_normalize(nm, sc->src, (int32_t)k, sc->dst, (int32_t)sc->dstcap, status);
  if (*status == U_BUFFER_OVERFLOW_ERROR) {   /* preflighted length; grow and redo */
    *status = U_ZERO_ERROR;
    if (grow16(&sc->dst, &sc->dstcap, (size_t)got + 1) != 0) return GlNormNoMem;
    got = unorm2_normalize(nm, sc->src, (int32_t)k, sc->dst, (int32_t)sc->dstcap, status);
  }
  if (U_FAILURE(*status)) return GlNormICU;
  if ((size_t)got > GL_NORM_MAXSEG) return GlNormTooLong;
  /* + 1: an empty result (NFKC_Casefold of ignorables) still needs a buffer
     to point into (null + 0 is undefined behaviour) */
  if (out_reserve(sc, (size_t)got + 1) != 0) return GlNormNoMem;
  room = sc->out.cap - sc->out.len > (size_t)GL_NORM_MAXSEG * 3 ? (int32_t)GL_NORM_MAXSEG * 3
         : (int32_t)(sc->out.cap - sc->out.len);
  u_strToUTF8(sc->out.p + sc->out.len, room, &len8, sc->dst, got, status);
  if (*status == U_BUFFER_OVERFLOW_ERROR || *status == U_STRING_NOT_TERMINATED_WARNING) {
    *status = U_ZERO_ERROR;   /* len8 is the length needed */
    if (out_reserve(sc, (size_t)len8 + 1) != 0) return GlNormNoMem;
    u_strToUTF8(sc->out.p + sc->out.len, len8 + 1, &len8, sc->dst, got, status);
  }
  if (U_FAILURE(*status)) return GlNormICU;
  sc->out.len += (size_t)len8;
  return GlNormDone;
}


/*
** End of the stretch that goes through ICU for the failure at stop: the
** next boundary after it, or in a dense stretch (blk > 0) the first boundary
** at least blk bytes further on.
*/
static size_t stretch_end(GlNormForm form, const uint8_t *s, size_t n, size_t stop,
                          size_t blk, GlInvalid inv) {
  if (blk > 0) {
    if (blk >= n - stop) return n;
    stop += blk;
    while (stop < n && (s[stop] & 0xC0) == 0x80) stop++;   /* to a lead byte */
  }
  return next_boundary(form, s, n, stop, inv);
}


/* Appends s[a..b) to sc->out, lowering ASCII capitals when lower is set. */
static int emit(GlNormScratch *sc, const uint8_t *s, size_t a, size_t b, int lower) {
  GlBuf *out = &sc->out;
  if (out_reserve(sc, b - a) != 0) return -1;
  if (lower) copy_lower(out, s + a, b - a);
  else {
    memcpy(out->p + out->len, s + a, b - a);
    out->len += b - a;
  }
  return 0;
}


GlNormStatus gl_normalize(GlNormForm form, const char *s, size_t n, GlInvalid inv,
                          GlNormScratch *sc, size_t *pos, UErrorCode *status) {
  const uint8_t *u = (const uint8_t *)s;
  const UNormalizer2 *nm = NULL;
  size_t i = 0, copied = 0, stop, safe, blk = 0, prev = (size_t)-1;
  int started = 0;   /* has sc->out received the text up to copied? */
  int caps = 0;      /* did a stretch from copied on pass qc_span with ASCII capitals? */
  if (n > GL_MAXINPUT) return GlNormTooLong;
  sc->out.len = 0;
  for (;;) {
    size_t a, b, mark, seglen;
    GlNormStatus r;
    int why = qc_span(form, u, n, i, n, &stop, &safe, &caps);
    if (caps && !started) {   /* the text changes: output starts here */
      if (out_reserve(sc, n + (n >> 4) + 16) != 0) return GlNormNoMem;
      started = 1;
      copied = 0;   /* what came before is unchanged, and has no capitals */
    }
    if (why == SpanEnd) break;
    if (why == SpanBad && inv == GlInvalidError) { *pos = stop; return GlNormBadUTF8; }
    if (nm == NULL) {
      nm = get_instance(form, status);
      if (U_FAILURE(*status)) return GlNormICU;
    }
    /* dense failures: whole blocks, doubling; a sparse one: its segment */
    if (prev != (size_t)-1 && stop - prev < GL_NORM_DENSE)
      blk = blk == 0 ? GL_NORM_BLOCK0 : blk < GL_NORM_BLOCK ? blk * 2 : blk;
    else blk = 0;
    a = safe;
    b = stretch_end(form, u, n, stop, blk, inv);
    if (started && emit(sc, u, copied, a, caps) != 0) return GlNormNoMem;
    caps = 0;
    mark = sc->out.len;
    r = norm_segment(nm, u, n, a, b, inv, sc, pos, status);
    if (r != GlNormDone) return r;
    seglen = sc->out.len - mark;
    if (!started) {
      /* MAYBE characters often turn out normalized (a nukta with no
         composition): output starts only at the first real change */
      if (seglen == b - a && memcmp(sc->out.p + mark, s + a, seglen) == 0)
        sc->out.len = mark;
      else {
        if (out_reserve(sc, a + (n - b) + (n >> 4) + 16) != 0) return GlNormNoMem;
        memmove(sc->out.p + a, sc->out.p + mark, seglen);
        memcpy(sc->out.p, s, a);
        sc->out.len = a + seglen;
        started = 1;
      }
    }
    copied = i = prev = b;
  }
  if (!started) return GlNormSame;
  if (emit(sc, u, copied, n, caps) != 0) return GlNormNoMem;
  return GlNormDone;
}


/* ======================================================================
** Audit of the fast path against ICU
** ====================================================================== */

long gl_norm_audit(GlNormForm form, UChar32 *first, UErrorCode *status) {
  const UNormalizer2 *nm = get_instance(form, status);
  long bad = 0;
  UChar32 c;
  if (U_FAILURE(*status)) return -1;
  *first = -1;
  for (c = 0; c <= 0x10FFFF; c++) {
    UChar in[2], out[32];
    int32_t k = 0, got;
    int ok = 1;
    uint8_t ccc;
    if (U_IS_SURROGATE(c) || props_of(form, c, &ccc) != UNORM_YES) continue;
    U16_APPEND_UNSAFE(in, k, c);
    got = unorm2_normalize(nm, in, k, out, 32, status);
    if (U_FAILURE(*status)) return -1;
    if (got != k || memcmp(in, out, (size_t)k * sizeof(UChar)) != 0) ok = 0;
    if (ccc != u_getCombiningClass(c)) ok = 0;
    if (ccc == 0 && !unorm2_hasBoundaryBefore(nm, c)) ok = 0;
    if (!ok) {
      if (bad++ == 0) *first = c;
    }
  }
  return bad;
}
