/*
** fold_profile.c -- search-folding profiles: the per-code-point pipeline
** (custom map -> NFKC_Casefold or NFKC -> NFD -> drop stripped marks,
** default ignorables, tatweel -> letter variants, Latin-ASCII letters,
** digits to ASCII, apostrophes -> NFC), each profile's table of the fold of
** every BMP code point, the built-in profiles and custom ones.  The folder
** (fold.c) reads the tables; fold_spec.c writes a profile as text.
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>

#include "fold_profile.h"
#include "fold_profile_internal.h"


/* ---------------------------------------------------------------------
** UTF-16 scratch buffers
** --------------------------------------------------------------------- */

void gl_u16_init(U16Buf *b) { b->p = NULL; b->len = 0; b->cap = 0; }
void gl_u16_free(U16Buf *b) { free(b->p); gl_u16_init(b); }

static int u16_reserve(U16Buf *b, int32_t need) {
  UChar *np = (UChar *)gl_grow(b->p, &b->cap, (size_t)need, sizeof *np);
  if (np == NULL) return -1;
  b->p = np;
  return 0;
}

int gl_u16_add(U16Buf *b, UChar32 c) {
  if (u16_reserve(b, b->len + 2) != 0) return -1;
  U16_APPEND_UNSAFE(b->p, b->len, c);
  return 0;
}


/* The capacity ICU is told (it counts in int32_t). */
#define U16CAP(b) ((int32_t)((b)->cap < INT32_MAX ? (b)->cap : INT32_MAX))

/* dst = norm(src), growing dst. */
static void normalize16(const UNormalizer2 *n, const U16Buf *src, U16Buf *dst, UErrorCode *st) {
  int32_t len;
  if (U_FAILURE(*st)) return;
  len = unorm2_normalize(n, src->p, src->len, dst->p, U16CAP(dst), st);
  if (*st == U_BUFFER_OVERFLOW_ERROR) {
    *st = U_ZERO_ERROR;
    if (u16_reserve(dst, len + 1) != 0) { *st = U_MEMORY_ALLOCATION_ERROR; return; }
    len = unorm2_normalize(n, src->p, src->len, dst->p, U16CAP(dst), st);
  }
  if (*st == U_STRING_NOT_TERMINATED_WARNING) *st = U_ZERO_ERROR;
  dst->len = U_SUCCESS(*st) ? len : 0;
}


int gl_u16_to_utf8(GlBuf *out, const UChar *u, int32_t len) {
  int32_t i = 0;
  if (gl_buf_reserve(out, (size_t)len * 3) != 0) return -1;
  while (i < len) {
    UChar32 c;
    U16_NEXT(u, i, len, c);
    out->len += gl_utf8_encode(c, out->p + out->len);
  }
  return 0;
}


/* ---------------------------------------------------------------------
** The pipeline on one chunk
** --------------------------------------------------------------------- */

static int cmp_map(const void *a, const void *b) {
  int32_t x = ((const CustomMap *)a)->from, y = ((const CustomMap *)b)->from;
  return (x > y) - (x < y);
}


static const CustomMap *find_map(const FoldProfile *p, int32_t c) {
  CustomMap key;
  if (p->nmaps == 0) return NULL;
  key.from = c;
  return (const CustomMap *)bsearch(&key, p->maps, p->nmaps, sizeof *p->maps, cmp_map);
}


static int in_strip(const FoldProfile *p, int32_t c) {
  size_t i;
  for (i = 0; i < p->nstrip; i++)
    if (p->strip[i] == c) return 1;
  return 0;
}


/*
** Marks removed by search folding: nonspacing/enclosing marks of the
** Inherited script (the generic combining diacritics of Latin, Greek and
** Cyrillic, and the Arabic harakat, which are Inherited), every nonspacing
** mark of the Arabic, Hebrew, Syriac and Thaana scripts (vowel points,
** hamza above/below, Quranic annotation), and Indic nuktas
** (Indic_Syllabic_Category=Nukta).  The kana voicing marks U+3099/U+309A are
** kept: they distinguish syllables.  Devanagari vowel signs and virama are
** kept (they are spelling, not decoration).
*/
static int is_stripped(const FoldProfile *p, UChar32 c) {
  int8_t gc;
  UErrorCode st = U_ZERO_ERROR;
  UScriptCode sc;
  if (p->nstrip && in_strip(p, c)) return 1;
  if (c < 0x300) return 0;
  gc = u_charType(c);
  if (gc != U_NON_SPACING_MARK && gc != U_ENCLOSING_MARK) return 0;
  if (c == 0x3099 || c == 0x309A) return 0;
  if (u_getIntPropertyValue(c, UCHAR_INDIC_SYLLABIC_CATEGORY) == U_INSC_NUKTA) return 1;
  sc = uscript_getScript(c, &st);
  if (U_FAILURE(st)) return 0;
  return sc == USCRIPT_INHERITED || sc == USCRIPT_ARABIC || sc == USCRIPT_HEBREW ||
         sc == USCRIPT_SYRIAC || sc == USCRIPT_THAANA;
}


/*
** Letter variants made equal (applied after NFD and mark stripping, so
** precomposed forms such as U+0622 ALEF WITH MADDA ABOVE arrive here as bare
** ALEF).  Arabic script: the Yeh family, the Kaf family, the Heh family and
** Teh Marbuta, Alef Wasla and wavy-hamza Alefs.  Devanagari: candrabindu is
** written for anusvara and the other way round.  Turkish dotless i.
*/
static UChar32 variant(UChar32 c) {
  switch (c) {
    case 0x0649: case 0x06CC: case 0x06D0: return 0x064A;   /* ى ی ې -> ي */
    case 0x06A9: case 0x06AA: return 0x0643;                /* ک ڪ -> ك */
    case 0x06C1: case 0x06D5: case 0x0629: case 0x06BE:     /* ہ ە ة ھ -> ه */
      return 0x0647;
    case 0x0671: case 0x0672: case 0x0673: return 0x0627;   /* ٱ ٲ ٳ -> ا */
    case 0x0901: return 0x0902;                             /* ँ -> ं */
    case 0x0131: return 'i';                                /* ı -> i */
    case 0x2018: case 0x2019: case 0x201B: case 0x02BC: case 0x02BB:
    case 0x0060: case 0x00B4: case 0x2032: case 0xFF07:
      return '\'';                                          /* apostrophes */
    default: return c;
  }
}


static const char *latin_ascii(const FoldProfile *p, UChar32 c) {
  const char *s = NULL;
  if (c < 0x250) s = p->latin[c];
  else if (c >= 0x1E00 && c < 0x1F00) s = p->latin2[c - 0x1E00];
  return (s && s[0]) ? s : NULL;
}


void gl_fold_chunk(const FoldProfile *p, const UChar *in, int32_t inlen,
                   U16Buf *a, U16Buf *b, UErrorCode *st) {
  int32_t i = 0;
  UChar32 c;
  /* custom map on the input code points */
  a->len = 0;
  while (i < inlen) {
    const CustomMap *m;
    U16_NEXT(in, i, inlen, c);
    m = find_map(p, c);
    if (m) {
      if (u16_reserve(a, a->len + m->tolen) != 0) { *st = U_MEMORY_ALLOCATION_ERROR; return; }
      memcpy(a->p + a->len, m->to, (size_t)m->tolen * sizeof(UChar));
      a->len += m->tolen;
    }
    else if (gl_u16_add(a, c) != 0) { *st = U_MEMORY_ALLOCATION_ERROR; return; }
  }
  normalize16(p->nfk, a, b, st);   /* NFKC_Casefold (or NFKC) */
  normalize16(p->nfd, b, a, st);   /* expose the marks */
  if (U_FAILURE(*st)) return;
  b->len = 0;
  i = 0;
  while (i < a->len) {
    UChar32 v;
    const char *la;
    U16_NEXT(a->p, i, a->len, c);
    if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) || c == 0x0640)
      continue;                                  /* ZWNJ, soft hyphen, bidi controls, tatweel */
    if (is_stripped(p, c)) continue;
    v = variant(c);
    if (v == c && c > 0x7F) {
      if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER)
        v = '0' + u_charDigitValue(c);           /* every decimal digit to ASCII */
      else if ((la = latin_ascii(p, c)) != NULL) {
        for (; *la; la++)                        /* đ -> d, ø -> o, æ -> ae */
          if (gl_u16_add(b, p->casefold ? u_tolower(*la) : *la) != 0) goto oom;
        continue;
      }
    }
    if (gl_u16_add(b, v) != 0) goto oom;
  }
  normalize16(p->nfc, b, a, st);   /* recompose what is left (kana, Hangul) */
  return;
oom:
  *st = U_MEMORY_ALLOCATION_ERROR;
}


/* ---------------------------------------------------------------------
** Profiles: the BMP table, built-in and custom profiles
** --------------------------------------------------------------------- */

static int is_sep(UChar32 c) {
  return u_isUWhiteSpace(c) || u_charType(c) == U_DASH_PUNCTUATION;
}


static int pool_add(FoldProfile *p, const char *s, size_t n, uint32_t *off) {
  uint8_t len = (uint8_t)(n > 255 ? 255 : n);   /* never cut: one code point folds to <= 54 bytes */
  *off = (uint32_t)p->pool.len;
  if (gl_buf_reserve(&p->pool, 1 + (size_t)len) != 0) return -1;
  p->pool.p[p->pool.len++] = (char)len;
  return gl_buf_add(&p->pool, s, len);
}


/* Latin-ASCII (ICU's transliterator) of Latin letters that have no
   canonical decomposition: đ -> d, ø -> o, ł -> l, æ -> ae, þ -> th. */
static void build_latin(FoldProfile *p, UErrorCode *st) {
  static const UChar id[] = {'L','a','t','i','n','-','A','S','C','I','I',0};
  UTransliterator *t;
  UChar32 c;
  memset(p->latin, 0, sizeof p->latin);
  memset(p->latin2, 0, sizeof p->latin2);
  t = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, st);
  if (U_FAILURE(*st)) return;
  for (c = 0x80; c < 0x1F00; c++) {
    UChar buf[16], dec[4];
    int32_t len = 0, lim, k;
    UErrorCode s2 = U_ZERO_ERROR;
    char *dst;
    if (c == 0x250) c = 0x1E00;
    if (!u_isalpha(c) || uscript_getScript(c, &s2) != USCRIPT_LATIN) continue;
    if (unorm2_getDecomposition(p->nfd, c, dec, 4, &s2) > 0) continue;  /* NFD handles it */
    U16_APPEND_UNSAFE(buf, len, c);
    lim = len;
    utrans_transUChars(t, buf, &len, 16, 0, &lim, &s2);
    if (U_FAILURE(s2) || len == 0 || len > 3) continue;
    for (k = 0; k < len && buf[k] < 0x80 && u_isalpha(buf[k]); k++) {}
    if (k < len) continue;
    dst = c < 0x250 ? p->latin[c] : p->latin2[c - 0x1E00];
    for (k = 0; k < len; k++) dst[k] = (char)buf[k];
    dst[len] = 0;
  }
  utrans_close(t);
}


static void build_table(FoldProfile *p, UErrorCode *st) {
  U16Buf a, b;
  GlBuf tmp;
  UChar32 c;
  char self[4];
  p->table = (uint32_t *)malloc(NBMP * sizeof(uint32_t));
  if (p->table == NULL) { *st = U_MEMORY_ALLOCATION_ERROR; return; }
  gl_u16_init(&a); gl_u16_init(&b); gl_buf_init(&tmp);
  for (c = 0; c < NBMP && U_SUCCESS(*st); c++) {
    uint32_t e = 0, off;
    UChar in = (UChar)c;
    size_t selflen;
    if (U16_IS_SURROGATE(c)) { p->table[c] = EDeleted | E_BOUNDARY; continue; }
    if (unorm2_hasBoundaryBefore(p->nfk, c)) e |= E_BOUNDARY;
    if (is_sep(c) && find_map(p, c) == NULL) { p->table[c] = e | ESep; continue; }
    gl_fold_chunk(p, &in, 1, &a, &b, st);
    tmp.len = 0;
    if (U_FAILURE(*st) || gl_u16_to_utf8(&tmp, a.p, a.len) != 0) {
      if (U_SUCCESS(*st)) *st = U_MEMORY_ALLOCATION_ERROR;
      break;
    }
    selflen = gl_utf8_encode(c, self);
    if (tmp.len == selflen && memcmp(tmp.p, self, selflen) == 0) {
      e |= EIdent | ((uint32_t)u_getCombiningClass(c) << 8);
      if (gl_is_mark(c) && u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES)
        e |= E_INERT;
    }
    else if (tmp.len == 0)      /* a deleted mark joins its letter; other deletions stand alone */
      e |= EDeleted | (gl_is_mark(c) ? E_ATTACH : E_BOUNDARY);
    else if (tmp.len == 1 && tmp.p[0] == ' ') e |= ESep;
    else {
      if (pool_add(p, tmp.p, tmp.len, &off) != 0) { *st = U_MEMORY_ALLOCATION_ERROR; break; }
      e |= EMapped | (off << 8);
    }
    p->table[c] = e;
  }
  gl_u16_free(&a); gl_u16_free(&b); gl_buf_free(&tmp);
  for (c = 0; c < 128 && U_SUCCESS(*st); c++) {
    uint32_t e = p->table[c];
    switch (E_KIND(e)) {
      case EIdent: p->ascii[c] = (uint8_t)c; break;
      case ESep: p->ascii[c] = ' '; break;
      case EMapped:
        if ((uint8_t)p->pool.p[E_OFF(e)] == 1) { p->ascii[c] = (uint8_t)p->pool.p[E_OFF(e) + 1]; break; }
        *st = U_UNSUPPORTED_ERROR;   /* a custom map may not turn ASCII into several bytes */
        break;
      default: *st = U_UNSUPPORTED_ERROR;   /* nor into nothing */
    }
  }
}


static FoldProfile *profile_alloc(int casefold, UErrorCode *st) {
  FoldProfile *p;
  if (U_FAILURE(*st)) return NULL;
  p = (FoldProfile *)calloc(1, sizeof *p);
  if (p == NULL) { *st = U_MEMORY_ALLOCATION_ERROR; return NULL; }
  p->casefold = casefold;
  p->nfk = casefold ? unorm2_getNFKCCasefoldInstance(st) : unorm2_getNFKCInstance(st);
  p->nfd = unorm2_getNFDInstance(st);
  p->nfc = unorm2_getNFCInstance(st);
  return p;
}


static void profile_build(FoldProfile *p, UErrorCode *st) {
  /* a loaded spec may have changed casefold since profile_alloc */
  p->nfk = p->casefold ? unorm2_getNFKCCasefoldInstance(st) : unorm2_getNFKCInstance(st);
  free(p->table);
  p->table = NULL;
  p->pool.len = 0;
  build_latin(p, st);
  if (U_SUCCESS(*st)) build_table(p, st);
}


void gl_fold_profile_free(FoldProfile *p) {
  if (p == NULL || p->builtin) return;
  free(p->table);
  gl_buf_free(&p->pool);
  free(p->maps);
  free(p->strip);
  free(p);
}


static FoldProfile *builtin[2];
static UErrorCode builtin_status[2];
static pthread_once_t builtin_once[2] = {PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT};

static void init_builtin(int k) {
  UErrorCode st = U_ZERO_ERROR;
  FoldProfile *p = profile_alloc(k == 0, &st);
  if (p) profile_build(p, &st);
  if (U_FAILURE(st)) {
    if (p) gl_fold_profile_free(p);
    p = NULL;
  }
  else {
    p->builtin = 1;
    p->name = k == 0 ? "search" : "search-case";
  }
  builtin[k] = p;
  builtin_status[k] = st;
}

static void init_search(void) { init_builtin(0); }
static void init_search_case(void) { init_builtin(1); }


const FoldProfile *gl_fold_profile_get(const char *name, UErrorCode *st) {
  int k;
  if (U_FAILURE(*st)) return NULL;
  if (strcmp(name, "search") == 0) { k = 0; pthread_once(&builtin_once[0], init_search); }
  else if (strcmp(name, "search-case") == 0) { k = 1; pthread_once(&builtin_once[1], init_search_case); }
  else { *st = U_ILLEGAL_ARGUMENT_ERROR; return NULL; }
  if (builtin[k] == NULL) *st = builtin_status[k];
  return builtin[k];
}


FoldProfile *gl_fold_profile_new(const FoldProfile *base, int casefold, UErrorCode *st) {
  FoldProfile *p = profile_alloc(casefold, st);
  if (p == NULL) return NULL;
  if (base && base->nmaps) {
    if ((p->maps = (CustomMap *)gl_grow(NULL, &p->capmaps, base->nmaps, sizeof *p->maps)) == NULL)
      goto oom;
    memcpy(p->maps, base->maps, base->nmaps * sizeof *p->maps);
    p->nmaps = base->nmaps;
  }
  if (base && base->nstrip) {
    if ((p->strip = (int32_t *)gl_grow(NULL, &p->capstrip, base->nstrip, sizeof *p->strip)) == NULL)
      goto oom;
    memcpy(p->strip, base->strip, base->nstrip * sizeof *p->strip);
    p->nstrip = base->nstrip;
  }
  return p;
oom:
  gl_fold_profile_free(p);
  *st = U_MEMORY_ALLOCATION_ERROR;
  return NULL;
}


int gl_fold_profile_map(FoldProfile *p, int32_t from, const char *to, size_t tolen) {
  CustomMap m, *np;
  size_t i = 0;
  int32_t k = 0;
  memset(&m, 0, sizeof m);
  m.from = from;
  while (i < tolen) {
    size_t len;
    int32_t c = gl_utf8_decode((const uint8_t *)to, tolen, i, &len);
    if (c < 0) return -1;
    if (k + 2 > (int32_t)(sizeof m.to / sizeof m.to[0])) return -2;
    U16_APPEND_UNSAFE(m.to, k, c);
    i += len;
  }
  m.tolen = k;
  for (i = 0; i < p->nmaps; i++)
    if (p->maps[i].from == from) { p->maps[i] = m; return 0; }
  np = (CustomMap *)gl_grow(p->maps, &p->capmaps, p->nmaps + 1, sizeof *np);
  if (np == NULL) return -3;
  p->maps = np;
  p->maps[p->nmaps++] = m;
  qsort(p->maps, p->nmaps, sizeof *p->maps, cmp_map);
  return 0;
}


int gl_fold_profile_strip(FoldProfile *p, int32_t mark) {
  int32_t *np;
  if (in_strip(p, mark)) return 0;
  np = (int32_t *)gl_grow(p->strip, &p->capstrip, p->nstrip + 1, sizeof *np);
  if (np == NULL) return -3;
  p->strip = np;
  p->strip[p->nstrip++] = mark;
  return 0;
}


void gl_fold_profile_finish(FoldProfile *p, UErrorCode *st) {
  if (U_FAILURE(*st)) return;
  profile_build(p, st);
}


int gl_fold_profile_casefold(const FoldProfile *p) {
  return p->casefold;
}
