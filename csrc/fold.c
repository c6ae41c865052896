/*
** fold.c -- search folding over UTF-8 with an exact offset map.
**
** Design (see README "Search folding and the offset map"):
**
** 1. The input is cut into normalization chunks: a code point that has a
**    boundary before it (unorm2_hasBoundaryBefore of NFKC_Casefold) starts a
**    chunk; the combining marks after it belong to it.  Folding is chunk
**    local, so every output byte comes from exactly one chunk and the map is
**    exact by construction.
** 2. A chunk of one code point (nearly all text) is folded by a table
**    lookup: each profile precomputes the fold of every BMP code point.  A
**    chunk whose trailing marks are all stripped folds like its starter.
**    Anything else (kana + voicing mark, conjoining jamo, supplementary
**    code points) takes the slow path through ICU.
** 3. The per-code-point pipeline (built into the table, and the slow path):
**      custom map -> NFKC_Casefold (NFKC for "search-case") -> NFD
**      -> drop stripped marks, default ignorables, tatweel
**      -> letter variants, Latin-ASCII letters, digits to ASCII, apostrophes
**      -> NFC.
** 4. Whitespace and dash punctuation runs fold to one space.
**
** The map stores segments, not bytes: a linear segment (output code points
** the same byte length as their source code points, e.g. ASCII, Cyrillic
** lower case, Devanagari, most Arabic) costs nothing per character.
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>

#include "fold.h"


/* ---------------------------------------------------------------------
** Profiles
** --------------------------------------------------------------------- */

/* Table entry: kind in bits 0-1, flags, pool offset in bits 8-31. */
enum {
  EIdent = 0,     /* folds to itself */
  EMapped = 1,    /* folds to pool string */
  EDeleted = 2,   /* folds to nothing */
  ESep = 3        /* whitespace or dash: part of a run that folds to " " */
};
#define E_KIND(e)     ((e) & 3u)
#define E_ATTACH      4u     /* deleted mark: its bytes join the previous unit */
#define E_BOUNDARY    8u     /* normalization boundary before this code point */
#define E_INERT       16u    /* kept mark that never composes (NFC_QC=Yes): virama, vowel signs */
#define E_OFF(e)      ((e) >> 8)
#define E_CCC(e)      (((e) >> 8) & 0xFFu)   /* combining class of EIdent entries */

#define NBMP 0x10000

typedef struct CustomMap {
  int32_t from;
  UChar to[32];
  int32_t tolen;
} CustomMap;

struct FoldProfile {
  int casefold;              /* 1: NFKC_Casefold; 0: NFKC (case kept) */
  int builtin;
  const char *name;          /* built-in profiles: their name; custom: NULL */
  uint32_t *table;           /* NBMP entries */
  char *pool;                /* [len][bytes]... */
  size_t poollen, poolcap;
  const UNormalizer2 *nfk;   /* NFKC_Casefold or NFKC (borrowed singletons) */
  const UNormalizer2 *nfd, *nfc;
  char latin[0x250][4];      /* Latin-ASCII of letters U+0080..U+024F ("" = none) */
  char latin2[0x100][4];     /* the same for U+1E00..U+1EFF */
  uint8_t ascii[128];        /* output byte of each ASCII byte (all fold to one byte) */
  CustomMap *maps;
  size_t nmaps;
  int32_t *strip;            /* extra stripped marks */
  size_t nstrip;
};


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


static int is_sep(UChar32 c) {
  return u_isUWhiteSpace(c) || u_charType(c) == U_DASH_PUNCTUATION;
}


/* Grow-only UChar scratch buffer. */
typedef struct U16Buf {
  UChar *p;
  int32_t len, cap;
  UChar local[64];
} U16Buf;

static void u16_init(U16Buf *b) { b->p = b->local; b->len = 0; b->cap = 64; }
static void u16_free(U16Buf *b) { if (b->p != b->local) free(b->p); u16_init(b); }

static int u16_reserve(U16Buf *b, int32_t need) {
  UChar *np;
  int32_t ncap;
  if (need <= b->cap) return 0;
  ncap = b->cap;
  while (ncap < need) ncap *= 2;
  np = (UChar *)malloc((size_t)ncap * sizeof(UChar));
  if (np == NULL) return -1;
  memcpy(np, b->p, (size_t)b->len * sizeof(UChar));
  if (b->p != b->local) free(b->p);
  b->p = np;
  b->cap = ncap;
  return 0;
}

static int u16_add(U16Buf *b, UChar32 c) {
  if (u16_reserve(b, b->len + 2) != 0) return -1;
  U16_APPEND_UNSAFE(b->p, b->len, c);
  return 0;
}


/* dst = norm(src), growing dst. */
static void normalize16(const UNormalizer2 *n, const U16Buf *src, U16Buf *dst, UErrorCode *st) {
  int32_t len;
  if (U_FAILURE(*st)) return;
  len = unorm2_normalize(n, src->p, src->len, dst->p, dst->cap, st);
  if (*st == U_BUFFER_OVERFLOW_ERROR) {
    *st = U_ZERO_ERROR;
    if (u16_reserve(dst, len + 1) != 0) { *st = U_MEMORY_ALLOCATION_ERROR; return; }
    len = unorm2_normalize(n, src->p, src->len, dst->p, dst->cap, st);
  }
  if (*st == U_STRING_NOT_TERMINATED_WARNING) *st = U_ZERO_ERROR;
  dst->len = U_SUCCESS(*st) ? len : 0;
}


static const char *latin_ascii(const FoldProfile *p, UChar32 c) {
  const char *s = NULL;
  if (c < 0x250) s = p->latin[c];
  else if (c >= 0x1E00 && c < 0x1F00) s = p->latin2[c - 0x1E00];
  return (s && s[0]) ? s : NULL;
}


/*
** The pipeline on one chunk of UTF-16 text; result in a (b, c scratch).
*/
static void fold16(const FoldProfile *p, const UChar *in, int32_t inlen,
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
    else if (u16_add(a, c) != 0) { *st = U_MEMORY_ALLOCATION_ERROR; return; }
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
          if (u16_add(b, p->casefold ? u_tolower(*la) : *la) != 0) goto oom;
        continue;
      }
    }
    if (u16_add(b, v) != 0) goto oom;
  }
  normalize16(p->nfc, b, a, st);   /* recompose what is left (kana, Hangul) */
  return;
oom:
  *st = U_MEMORY_ALLOCATION_ERROR;
}


static int pool_add(FoldProfile *p, const char *s, size_t n, uint32_t *off) {
  if (n > 255) n = 255;   /* never reached: single code points fold to <= 54 bytes */
  if (p->poollen + n + 1 > p->poolcap) {
    size_t ncap = p->poolcap ? p->poolcap * 2 : 4096;
    char *np;
    while (ncap < p->poollen + n + 1) ncap *= 2;
    np = (char *)realloc(p->pool, ncap);
    if (np == NULL) return -1;
    p->pool = np;
    p->poolcap = ncap;
  }
  *off = (uint32_t)p->poollen;
  p->pool[p->poollen++] = (char)n;
  memcpy(p->pool + p->poollen, s, n);
  p->poollen += n;
  return 0;
}


/* UTF-16 -> UTF-8 appended to out. */
static int add_utf8(GlBuf *out, const UChar *u, int32_t len) {
  int32_t i = 0;
  if (gl_buf_reserve(out, (size_t)len * 3) != 0) return -1;
  while (i < len) {
    UChar32 c;
    U16_NEXT(u, i, len, c);
    out->len += gl_utf8_encode(c, out->p + out->len);
  }
  return 0;
}


static int is_mark(UChar32 c) {
  return (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
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
  u16_init(&a); u16_init(&b); gl_buf_init(&tmp);
  for (c = 0; c < NBMP && U_SUCCESS(*st); c++) {
    uint32_t e = 0, off;
    UChar in = (UChar)c;
    size_t selflen;
    if (U16_IS_SURROGATE(c)) { p->table[c] = EDeleted | E_BOUNDARY; continue; }
    if (unorm2_hasBoundaryBefore(p->nfk, c)) e |= E_BOUNDARY;
    if (is_sep(c) && find_map(p, c) == NULL) { p->table[c] = e | ESep; continue; }
    fold16(p, &in, 1, &a, &b, st);
    tmp.len = 0;
    if (U_FAILURE(*st) || add_utf8(&tmp, a.p, a.len) != 0) {
      if (U_SUCCESS(*st)) *st = U_MEMORY_ALLOCATION_ERROR;
      break;
    }
    selflen = gl_utf8_encode(c, self);
    if (tmp.len == selflen && memcmp(tmp.p, self, selflen) == 0) {
      e |= EIdent | ((uint32_t)u_getCombiningClass(c) << 8);
      if (is_mark(c) && u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES)
        e |= E_INERT;
    }
    else if (tmp.len == 0)      /* a deleted mark joins its letter; other deletions stand alone */
      e |= EDeleted | (is_mark(c) ? E_ATTACH : E_BOUNDARY);
    else if (tmp.len == 1 && tmp.p[0] == ' ') e |= ESep;
    else {
      if (pool_add(p, tmp.p, tmp.len, &off) != 0) { *st = U_MEMORY_ALLOCATION_ERROR; break; }
      e |= EMapped | (off << 8);
    }
    p->table[c] = e;
  }
  u16_free(&a); u16_free(&b); gl_buf_free(&tmp);
  for (c = 0; c < 128 && U_SUCCESS(*st); c++) {
    uint32_t e = p->table[c];
    switch (E_KIND(e)) {
      case EIdent: p->ascii[c] = (uint8_t)c; break;
      case ESep: p->ascii[c] = ' '; break;
      case EMapped:
        if ((uint8_t)p->pool[E_OFF(e)] == 1) { p->ascii[c] = (uint8_t)p->pool[E_OFF(e) + 1]; break; }
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
  free(p->table);
  p->table = NULL;
  p->poollen = 0;
  build_latin(p, st);
  if (U_SUCCESS(*st)) build_table(p, st);
}


void gl_fold_profile_free(FoldProfile *p) {
  if (p == NULL || p->builtin) return;
  free(p->table);
  free(p->pool);
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
    p->maps = (CustomMap *)malloc(base->nmaps * sizeof *p->maps);
    if (p->maps == NULL) goto oom;
    memcpy(p->maps, base->maps, base->nmaps * sizeof *p->maps);
    p->nmaps = base->nmaps;
  }
  if (base && base->nstrip) {
    p->strip = (int32_t *)malloc(base->nstrip * sizeof *p->strip);
    if (p->strip == NULL) goto oom;
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
  np = (CustomMap *)realloc(p->maps, (p->nmaps + 1) * sizeof *np);
  if (np == NULL) return -3;
  p->maps = np;
  p->maps[p->nmaps++] = m;
  qsort(p->maps, p->nmaps, sizeof *p->maps, cmp_map);
  return 0;
}


int gl_fold_profile_strip(FoldProfile *p, int32_t mark) {
  int32_t *np;
  if (in_strip(p, mark)) return 0;
  np = (int32_t *)realloc(p->strip, (p->nstrip + 1) * sizeof *np);
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


/* ---------------------------------------------------------------------
** Folding
** --------------------------------------------------------------------- */

enum { UNone, ULinear, UBlock, USep };

typedef struct Folder {
  const FoldProfile *p;
  const char *s;
  size_t n;
  GlBuf *out;
  OffsetMap *map;
  int last;                  /* kind of the last unit */
  size_t expect;             /* source offset a linear segment continues at */
  size_t uout, usrc, uend;   /* last unit: output start, source span */
} Folder;


static int unit_linear(Folder *f, size_t i, size_t len) {
  if (f->map && !(f->last == ULinear && f->expect == i))
    if (gl_map_push(f->map, f->out->len - len, i, 0) != 0) return -1;
  f->last = ULinear;
  f->expect = i + len;
  f->uout = f->out->len - len;
  f->usrc = i;
  f->uend = i + len;
  return 0;
}


static int unit_block(Folder *f, size_t outstart, size_t i, size_t j) {
  if (f->map && gl_map_push(f->map, outstart, i, j - i) != 0) return -1;
  f->last = UBlock;
  f->uout = outstart;
  f->usrc = i;
  f->uend = j;
  return 0;
}


/* Make the last unit a block ending at source byte j (it may sit at the end
   of a linear segment, which then ends before it). */
static int last_to_block(Folder *f, size_t j) {
  if (f->map) {
    MapSeg *g = &f->map->seg[f->map->nseg - 1];
    if (g->srclen || g->out == f->uout) g->srclen = (uint32_t)(j - g->src);
    else if (gl_map_push(f->map, f->uout, f->usrc, j - f->usrc) != 0) return -1;
  }
  f->uend = j;
  f->expect = (size_t)-1;
  return 0;
}


static int unit_sep(Folder *f, size_t i, size_t j) {
  if (f->last == USep) {       /* extend the run */
    return last_to_block(f, j);
  }
  if (gl_buf_add(f->out, " ", 1) != 0) return -1;
  if (unit_block(f, f->out->len - 1, i, j) != 0) return -1;
  f->last = USep;
  return 0;
}


/* A deleted chunk [i, j): a mark joins the previous unit's source span. */
static int unit_deleted(Folder *f, size_t i, size_t j, int attach) {
  if (!attach || f->last == UNone || f->uend != i) {
    if (f->last == ULinear) f->expect = (size_t)-1;   /* gap: next linear unit starts a segment */
    return 0;
  }
  if (last_to_block(f, j) != 0) return -1;
  if (f->last == ULinear) f->last = UBlock;
  return 0;
}


static uint32_t entry(const FoldProfile *p, int32_t c) {
  if (c < NBMP) return p->table[c];
  /* supplementary: the slow path decides the output; only the boundary matters here */
  return unorm2_hasBoundaryBefore(p->nfk, c) ? (E_BOUNDARY | EMapped) : EMapped;
}


/* Fold the chunk s[i..j) through ICU (the slow path). */
static int fold_slow(Folder *f, size_t i, size_t j, int32_t starter, U16Buf *in,
                     U16Buf *a, U16Buf *b, UErrorCode *st) {
  size_t k = i, outstart = f->out->len;
  in->len = 0;
  while (k < j) {
    size_t len;
    int32_t c = gl_utf8_decode((const uint8_t *)f->s, j, k, &len);
    if (c < 0) c = 0xFFFD;
    if (u16_add(in, c) != 0) { *st = U_MEMORY_ALLOCATION_ERROR; return -2; }
    k += len;
  }
  fold16(f->p, in->p, in->len, a, b, st);
  if (U_FAILURE(*st)) return -2;
  if (a->len == 0) return unit_deleted(f, i, j, is_mark(starter));
  if (a->len == 1 && a->p[0] == ' ') return unit_sep(f, i, j);
  if (add_utf8(f->out, a->p, a->len) != 0) return -1;
  return unit_block(f, outstart, i, j);
}


#define decode gl_utf8_next


/*
** The fast path: from i, fold a run of code points that each fold to the
** same number of bytes on their own -- ASCII, unchanged letters and inert
** marks (virama, vowel signs), same-length mappings (Cyrillic capitals,
** Arabic Yeh/Kaf variants), lone spaces and hyphens -- as one linear segment.
** Returns where the run stopped; the general path takes over there.
*/
static size_t fast_run(Folder *f, size_t i) {
  const FoldProfile *p = f->p;
  const uint8_t *u = (const uint8_t *)f->s;
  const uint32_t *tab = p->table;
  size_t n = f->n, start = i, starter = i, ostarter, len;
  GlBuf *out = f->out;
  char *o;
  unsigned lastccc = 0;
  if (gl_buf_reserve(out, n - i) != 0) return i;   /* the general path reports it */
  o = out->p + out->len;
  ostarter = out->len;
  while (i < n) {
    uint8_t b = u[i];
    uint32_t e;
    int32_t c;
    if (b < 0x80 && E_KIND(tab[b]) != ESep) {   /* a run of ASCII non-separators */
      const uint8_t *asc = p->ascii;
      do {
        *o++ = (char)asc[b];
        b = ++i < n ? u[i] : 0x80;
      } while (b < 0x80 && E_KIND(tab[b]) != ESep);
      starter = i - 1;
      ostarter = (size_t)(o - out->p) - 1;
      lastccc = 0;
      continue;
    }
    if (b < 0x80) {
      e = tab[b];
      if (E_KIND(e) == ESep) {
        /* a lone separator between two non-separators folds to ' ' in place */
        uint32_t en;
        size_t l2;
        if (i + 1 >= n || (o > out->p && o[-1] == ' ') || (o == out->p + f->out->len && f->last == USep))
          break;
        if (u[i + 1] < 0x80) en = tab[u[i + 1]];
        else {
          int32_t c2 = decode(u, n, i + 1, &l2);
          if (c2 < 0 || c2 >= NBMP) break;
          en = tab[c2];
        }
        if (E_KIND(en) == ESep) break;
      }
      starter = i;
      ostarter = (size_t)(o - out->p);
      lastccc = 0;
      *o++ = (char)p->ascii[b];
      i++;
      continue;
    }
    c = decode(u, n, i, &len);
    if (c < 0 || c >= NBMP) break;
    e = tab[c];
    if (e & E_BOUNDARY) {
      if (E_KIND(e) == EIdent) {
        starter = i;
        ostarter = (size_t)(o - out->p);
        o[0] = (char)u[i]; o[1] = (char)u[i + 1];   /* len is 2 or 3 here (BMP) */
        if (len == 3) o[2] = (char)u[i + 2];
      }
      else if (E_KIND(e) == EMapped && (uint8_t)p->pool[E_OFF(e)] == len) {
        starter = i;
        ostarter = (size_t)(o - out->p);
        memcpy(o, p->pool + E_OFF(e) + 1, len);
      }
      else break;
      lastccc = 0;
    }
    else if (E_KIND(e) == EIdent && (e & E_INERT) && E_CCC(e) >= lastccc && i > start) {
      lastccc = E_CCC(e);
      o[0] = (char)u[i]; o[1] = (char)u[i + 1];
      if (len == 3) o[2] = (char)u[i + 2];
    }
    else {                  /* a mark that changes its chunk: redo the chunk slowly */
      i = starter;
      o = out->p + ostarter;
      break;
    }
    o += len;
    i += len;
  }
  if (i == start) return i;
  if (f->map && !(f->last == ULinear && f->expect == start))
    if (gl_map_push(f->map, out->len, start, 0) != 0) return start;
  out->len = (size_t)(o - out->p);
  f->last = ULinear;
  f->expect = i;
  f->uout = ostarter;
  f->usrc = starter;
  f->uend = i;
  return i;
}


int gl_fold(const FoldProfile *p, const char *s, size_t n, GlInvalid inv,
            GlBuf *out, OffsetMap *map, size_t *badpos, UErrorCode *st) {
  const uint8_t *u = (const uint8_t *)s;
  const uint32_t *tab = p->table;
  Folder f;
  U16Buf in, a, b;
  size_t i = 0, peek_at = 0, peek_len = 0;
  int32_t peek_c = 0;
  uint32_t peek_e = 0;
  int rc = 0, peeked = 0;
  if (U_FAILURE(*st)) return -2;
  if (n > GL_MAXINPUT) { *st = U_INDEX_OUTOFBOUNDS_ERROR; return -2; }
  f.p = p; f.s = s; f.n = n; f.out = out; f.map = map;
  f.last = UNone; f.expect = (size_t)-1; f.uout = f.usrc = f.uend = 0;
  if (map) {
    if (gl_map_reset(map, s, n) != 0) goto oom;
  }
  u16_init(&in); u16_init(&a); u16_init(&b);
  if (gl_buf_reserve(out, n + 16) != 0) goto oom;
  while (i < n) {
    uint8_t c0;
    int32_t c;
    uint32_t e;
    size_t len, j;
    int multi = 0, alldel = 1, allfast = 1, anydel = 0;
    if (!peeked) {
      size_t r = fast_run(&f, i);
      if (r > i) { i = r; continue; }
    }
    c0 = u[i];
    if (c0 < 0x80 && (i + 1 >= n || u[i + 1] < 0x80)) {
      /* ASCII followed by ASCII: no chunk can continue.  The inner loop
         copies a run of letters, digits, punctuation and single separators
         as one linear segment (a lone space or hyphen folds to one space
         byte for byte). */
      e = tab[c0];
      if (E_KIND(e) == ESep && (f.last == USep || (i + 1 < n && E_KIND(tab[u[i + 1]]) == ESep))) {
        if (unit_sep(&f, i, i + 1) != 0) goto oom;
        i++;
        continue;
      }
      if (f.map && !(f.last == ULinear && f.expect == i))
        if (gl_map_push(f.map, out->len, i, 0) != 0) goto oom;
      do {
        if (out->len == out->cap && gl_buf_reserve(out, 1) != 0) goto oom;
        out->p[out->len++] = (char)p->ascii[c0];
        i++;
      } while (i < n && (c0 = u[i]) < 0x80 && (i + 1 >= n || u[i + 1] < 0x80) &&
               (E_KIND(tab[c0]) != ESep ||
                (out->p[out->len - 1] != ' ' && i + 1 < n && E_KIND(tab[u[i + 1]]) != ESep)));
      f.last = ULinear;
      f.expect = i;
      f.uout = out->len - 1;
      f.usrc = i - 1;
      f.uend = i;
      continue;
    }
    if (peeked && peek_at == i) { c = peek_c; len = peek_len; e = peek_e; }
    else {
      c = gl_utf8_decode(u, n, i, &len);
      if (c < 0) {
        if (inv == GlInvalidError) { *badpos = i; rc = -1; goto done; }
        if (gl_buf_add(out, "\xEF\xBF\xBD", 3) != 0) goto oom;
        if (unit_block(&f, out->len - 3, i, i + len) != 0) goto oom;
        i += len;
        continue;
      }
      e = entry(p, c);
    }
    peeked = 0;
    j = i + len;
    {
      unsigned lastccc = 0;
      while (j < n && u[j] >= 0x80) {    /* gather the chunk: marks after the starter */
        size_t len2;
        int32_t c2 = gl_utf8_decode(u, n, j, &len2);
        uint32_t e2;
        if (c2 < 0) break;
        e2 = entry(p, c2);
        if (e2 & E_BOUNDARY) {           /* next chunk: keep it decoded */
          peeked = 1; peek_at = j; peek_c = c2; peek_len = len2; peek_e = e2;
          break;
        }
        if (E_KIND(e2) == EDeleted) anydel = 1;
        else {
          alldel = 0;
          /* a kept mark is fast if it cannot compose and needs no reordering */
          if (!(e2 & E_INERT) || E_CCC(e2) < lastccc) allfast = 0;
          else lastccc = E_CCC(e2);
        }
        multi = 1;
        j += len2;
      }
    }
    if (c >= NBMP || (multi && !allfast && E_KIND(e) != ESep) ||
        (multi && !alldel && E_KIND(e) == EDeleted)) {
      rc = fold_slow(&f, i, j, c, &in, &a, &b, st);
      if (rc != 0) { if (rc == -1) goto oom; goto done; }
      i = j;
      continue;
    }
    if (multi && !alldel && !anydel && E_KIND(e) == EIdent) {
      /* starter and kept marks unchanged (e.g. a consonant and virama): copy, linear */
      if (gl_buf_add(out, s + i, j - i) != 0 || unit_linear(&f, i, j - i) != 0) goto oom;
      i = j;
      continue;
    }
    if (multi && !alldel) {
      /* mapped starter, some marks stripped, the rest kept */
      size_t k = i + len, outstart = out->len;
      if ((E_KIND(e) == EIdent ? gl_buf_add(out, s + i, len)
                               : gl_buf_add(out, p->pool + E_OFF(e) + 1, (uint8_t)p->pool[E_OFF(e)])) != 0)
        goto oom;
      while (k < j) {
        size_t len2;
        int32_t c2 = gl_utf8_decode(u, n, k, &len2);
        if (E_KIND(entry(p, c2)) == EIdent && gl_buf_add(out, s + k, len2) != 0) goto oom;
        k += len2;
      }
      if (unit_block(&f, outstart, i, j) != 0) goto oom;
      i = j;
      continue;
    }
    switch (E_KIND(e)) {
      case ESep:
        if (!multi && len == 1 && f.last != USep &&
            !(peeked ? E_KIND(peek_e) == ESep : (j < n && E_KIND(tab[u[j]]) == ESep))) {
          if (gl_buf_add(out, " ", 1) != 0 || unit_linear(&f, i, 1) != 0) goto oom;
        }
        else if (unit_sep(&f, i, j) != 0) goto oom;
        break;
      case EDeleted:
        if (unit_deleted(&f, i, j, (e & E_ATTACH) != 0) != 0) goto oom;
        break;
      case EIdent:
        if (out->cap - out->len < 4 && gl_buf_reserve(out, 4) != 0) goto oom;
        memcpy(out->p + out->len, s + i, len);
        out->len += len;
        if (multi) { if (unit_block(&f, out->len - len, i, j) != 0) goto oom; }
        else if (f.last == ULinear && f.expect == i) {   /* common case, inline */
          f.expect = j; f.uout = out->len - len; f.usrc = i; f.uend = j;
        }
        else if (unit_linear(&f, i, len) != 0) goto oom;
        break;
      default: {
        size_t olen = (uint8_t)p->pool[E_OFF(e)];
        if (gl_buf_add(out, p->pool + E_OFF(e) + 1, olen) != 0) goto oom;
        if ((multi || olen != len ? unit_block(&f, out->len - olen, i, j) : unit_linear(&f, i, len)) != 0)
          goto oom;
      }
    }
    i = j;
  }
  if (map) map->outlen = out->len;
  goto done;
oom:
  *st = U_MEMORY_ALLOCATION_ERROR;
  rc = -2;
done:
  u16_free(&in); u16_free(&a); u16_free(&b);
  return rc;
}


/* ---------------------------------------------------------------------
** Profile specs: a canonical text form, stored in compiled gazetteers
**   built-in: its name; custom:
**   "glean-fold-profile 1\ncase 0|1\nmap FROM TO...\nstrip CP\n" (hex)
** --------------------------------------------------------------------- */

#define SPEC_HEAD "glean-fold-profile 1\n"

int gl_fold_profile_spec(const FoldProfile *p, GlBuf *out) {
  char line[64];
  size_t i;
  int32_t k;
  if (p->builtin) return gl_buf_add(out, p->name, strlen(p->name));
  if (gl_buf_add(out, SPEC_HEAD, strlen(SPEC_HEAD)) != 0) return -1;
  sprintf(line, "case %d\n", p->casefold);
  if (gl_buf_add(out, line, strlen(line)) != 0) return -1;
  for (i = 0; i < p->nmaps; i++) {
    sprintf(line, "map %X", (unsigned)p->maps[i].from);
    if (gl_buf_add(out, line, strlen(line)) != 0) return -1;
    k = 0;
    while (k < p->maps[i].tolen) {
      UChar32 c;
      U16_NEXT(p->maps[i].to, k, p->maps[i].tolen, c);
      sprintf(line, " %X", (unsigned)c);
      if (gl_buf_add(out, line, strlen(line)) != 0) return -1;
    }
    if (gl_buf_add(out, "\n", 1) != 0) return -1;
  }
  for (i = 0; i < p->nstrip; i++) {
    sprintf(line, "strip %X\n", (unsigned)p->strip[i]);
    if (gl_buf_add(out, line, strlen(line)) != 0) return -1;
  }
  return 0;
}


const FoldProfile *gl_fold_profile_load(const char *spec, size_t n, FoldProfile **owned,
                                        UErrorCode *st) {
  FoldProfile *p;
  const char *s = spec, *end = spec + n;
  *owned = NULL;
  if (U_FAILURE(*st)) return NULL;
  if (n < strlen(SPEC_HEAD) || memcmp(spec, SPEC_HEAD, strlen(SPEC_HEAD)) != 0) {
    char name[32];
    if (n >= sizeof name || memchr(spec, '\0', n)) { *st = U_ILLEGAL_ARGUMENT_ERROR; return NULL; }
    memcpy(name, spec, n);
    name[n] = 0;
    return gl_fold_profile_get(name, st);
  }
  p = gl_fold_profile_new(NULL, 1, st);
  if (p == NULL) return NULL;
  s += strlen(SPEC_HEAD);
  while (s < end) {
    const char *eol = memchr(s, '\n', (size_t)(end - s));
    char line[512], *q;
    unsigned long v;
    size_t len;
    if (eol == NULL) eol = end;
    len = (size_t)(eol - s);
    if (len >= sizeof line) goto bad;
    memcpy(line, s, len);
    line[len] = 0;
    s = eol + 1;
    if (strncmp(line, "case ", 5) == 0) p->casefold = line[5] == '1';
    else if (strncmp(line, "strip ", 6) == 0) {
      v = strtoul(line + 6, &q, 16);
      if (*q || v > 0x10FFFF || gl_fold_profile_strip(p, (int32_t)v) != 0) goto bad;
    }
    else if (strncmp(line, "map ", 4) == 0) {
      char to[64];
      size_t tl = 0;
      unsigned long from = strtoul(line + 4, &q, 16);
      if (from > 0x10FFFF) goto bad;
      while (*q == ' ') {
        v = strtoul(q + 1, &q, 16);
        if (v > 0x10FFFF || tl + 4 > sizeof to) goto bad;
        tl += gl_utf8_encode((int32_t)v, to + tl);
      }
      if (*q || gl_fold_profile_map(p, (int32_t)from, to, tl) != 0) goto bad;
    }
    else if (len != 0) goto bad;
  }
  p->nfk = p->casefold ? unorm2_getNFKCCasefoldInstance(st) : unorm2_getNFKCInstance(st);
  gl_fold_profile_finish(p, st);
  if (U_FAILURE(*st)) { gl_fold_profile_free(p); return NULL; }
  *owned = p;
  return p;
bad:
  gl_fold_profile_free(p);
  *st = U_ILLEGAL_ARGUMENT_ERROR;
  return NULL;
}
