/*
** matcher_scan.c -- gazetteer automaton, second stage: the
** word-start-anchored scan of folded text with a built or opened Matcher
** (see matcher.h and README "Matcher architecture").
**
** Matches may only begin at a word boundary of the folded text, so instead
** of Aho-Corasick (failure links, a state per byte of text) the scan walks a
** path-compressed trie from the root only at boundaries, and only when the
** boundary's first byte has a root child.  Aliases flagged `noboundary`
** live in a second trie walked at every character.
*/
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "matcher.h"
#include "wordclass.h"


/* ===================================================================
** Scan
** =================================================================== */

typedef struct Cand {
  size_t end;       /* folded end of the match */
  uint32_t rec;
} Cand;

struct GlScanner {
  const Matcher *m;
  const uint8_t *f;      /* folded text */
  size_t n;
  const OffsetMap *map;
  const char *src;
  size_t srcn;
  Cand *cand;
  size_t ncand, capcand;
  UBreakIterator *brk;   /* opened on the first dictionary-script run */
  UText *ut;
  size_t runlo, runhi;   /* cached dictionary run [runlo, runhi) */
  uint32_t *bound;       /* its word boundaries, ascending */
  size_t nbound, capbound;
  GlBuf tmp;
  UErrorCode status;
  const uint8_t *wclass; /* gl_word_class_table() */
  size_t mapseg;         /* cursor into the offset map (matches come in order) */
  GlBuf folded;          /* reused between scans */
  OffsetMap fmap;
  char lang[32];         /* document language, "" unknown */
  int clitics;           /* split off Arabic proclitics (lang ar or unknown) */
  int heprefix;          /* split off Hebrew prefixes (lang he or unknown) */
  int ll;                /* the walk starts right after a proclitic ل */
};
typedef struct GlScanner Scan;


static GlWordClass classof(const Scan *S, int32_t c) {
  if (c < 0) return GlWordNone;
  if (c < 0x10000) return (GlWordClass)S->wclass[c];
  return gl_word_class(c);
}


/* Class of the character starting at p (None at the end); a combining
   mark of no script of its own counts as a letter of the word it follows. */
static GlWordClass class_at(const Scan *S, size_t p) {
  size_t len;
  GlWordClass c;
  if (p >= S->n) return GlWordNone;
  if (S->f[p] < 0x80) return (GlWordClass)S->wclass[S->f[p]];
  c = classof(S, gl_utf8_next(S->f, S->n, p, &len));
  return c == GlWordMark ? GlWordLetter : c;
}


/* Start of the character before p (p > 0). */
static size_t prev_start(const Scan *S, size_t p) {
  size_t q = p - 1;
  while (q > 0 && (S->f[q] & 0xC0) == 0x80 && p - q < 4) q--;
  return q;
}


static GlWordClass class_before(const Scan *S, size_t p) {
  if (p == 0) return GlWordNone;
  return class_at(S, prev_start(S, p));
}


/* Load the dictionary-script run around p (a Dict character starts at or
   just before p) and its word boundaries from ICU's word break iterator. */
static int load_run(Scan *S, size_t p) {
  size_t lo = p, hi = p, len;
  int32_t b;
  while (lo > 0 && class_before(S, lo) == GlWordDict) lo = prev_start(S, lo);
  while (hi < S->n && class_at(S, hi) == GlWordDict) {
    gl_utf8_next(S->f, S->n, hi, &len);
    hi += len;
  }
  S->runlo = lo; S->runhi = hi; S->nbound = 0;
  if (S->brk == NULL) {
    S->brk = ubrk_open(UBRK_WORD, "", NULL, 0, &S->status);
    if (U_FAILURE(S->status)) { S->brk = NULL; return -1; }
  }
  S->ut = utext_openUTF8(S->ut, (const char *)S->f + lo, (int64_t)(hi - lo), &S->status);
  ubrk_setUText(S->brk, S->ut, &S->status);
  if (U_FAILURE(S->status)) return -1;
  for (b = ubrk_first(S->brk); b != UBRK_DONE; b = ubrk_next(S->brk)) {
    uint32_t *nb = (uint32_t *)gl_grow(S->bound, &S->capbound, S->nbound + 1, sizeof *nb);
    if (nb == NULL) { S->status = U_MEMORY_ALLOCATION_ERROR; return -1; }
    S->bound = nb;
    S->bound[S->nbound++] = (uint32_t)(lo + (size_t)b);
  }
  return 0;
}


/* Is p a word boundary of the folded text?  (-1 on ICU failure) */
static int boundary(Scan *S, size_t p) {
  GlWordClass a = class_before(S, p), z = class_at(S, p);
  size_t lo, hi, len;
  if (p < S->n && S->f[p] >= 0x80 && classof(S, gl_utf8_next(S->f, S->n, p, &len)) == GlWordMark)
    return a == GlWordNone;   /* a mark never starts a new word after a letter */
  if (a == GlWordNone || z == GlWordNone || a != z) return 1;
  if (a == GlWordLetter) return 0;
  if (!(p > S->runlo && p < S->runhi) && load_run(S, p) != 0) return -1;
  lo = 0; hi = S->nbound;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (S->bound[mid] < p) lo = mid + 1; else hi = mid;
  }
  return lo < S->nbound && S->bound[lo] == p;
}


/* The first boundary at or after p. */
static size_t word_end(Scan *S, size_t p) {
  size_t len;
  int r;
  while (p < S->n && (r = boundary(S, p)) == 0) {
    gl_utf8_next(S->f, S->n, p, &len);
    p += len;
  }
  return p;
}


static int add_cand(Scan *S, size_t end, uint32_t rec) {
  Cand *c = (Cand *)gl_grow(S->cand, &S->capcand, S->ncand + 1, sizeof *c);
  if (c == NULL) return -1;
  S->cand = c;
  S->cand[S->ncand].end = end;
  S->cand[S->ncand].rec = rec;
  S->ncand++;
  return 0;
}


void gl_scanner_set_lang(GlScanner *S, const char *lang) {
  size_t n = lang ? strlen(lang) : 0;
  if (n >= sizeof S->lang) n = 0;
  memcpy(S->lang, lang ? lang : "", n);
  S->lang[n] = 0;
  S->clitics = n == 0 || gl_lang_in("ar", 2, S->lang);
  S->heprefix = n == 0 || gl_lang_in("he", 2, S->lang) || gl_lang_in("iw", 2, S->lang);
}


#define VERIFY_FLAGS (GL_FLAG_CASE | GL_FLAG_EXACT | GL_FLAG_CAPITAL | GL_FLAG_LANGONLY | GL_REC_DOCLANG)

/* Letters a span written in capitals needs before a `case` alias accepts it
   (CATALOGNE in a dateline): shorter runs of capitals are mostly acronyms
   (NICE, ROMA). */
#define CAPS_MIN 5
/* How far either side of such a span the line is read for a lower-case
   letter (bytes). */
#define CAPS_LINE 256

/* Is the search-case fold s[0, n) written in capitals: no lower-case letter
   and at least CAPS_MIN letters? */
static int in_capitals(const uint8_t *s, size_t n) {
  size_t k = 0, len;
  int letters = 0;
  while (k < n) {
    int32_t c = gl_utf8_decode(s, n, k, &len);
    if (c >= 0 && u_hasBinaryProperty(c, UCHAR_ALPHABETIC)) {
      if (u_hasBinaryProperty(c, UCHAR_LOWERCASE)) return 0;
      letters++;
    }
    k += len;
  }
  return letters >= CAPS_MIN;
}

/* Has the line around the source span [s0, s1) a lower-case letter (within
   CAPS_LINE bytes)?  A line in capitals (a headline) says nothing about
   which of its words are names; a name in capitals in a line of running text
   (a dateline: CATALOGNE – Huit anciens ministres) is one. */
static int line_has_lower(const Scan *S, size_t s0, size_t s1) {
  const uint8_t *u = (const uint8_t *)S->src;
  size_t a = s0 > CAPS_LINE ? s0 - CAPS_LINE : 0, z = s1 + CAPS_LINE < S->srcn ? s1 + CAPS_LINE : S->srcn;
  size_t k, len;
  for (k = s0; k > a; k--) if (u[k - 1] == '\n') { a = k; break; }
  for (k = s1; k < z; k++) if (u[k] == '\n') { z = k; break; }
  while (a < s0 && (u[a] & 0xC0) == 0x80) a++;
  for (k = a; k < z; k += len) {
    int32_t c;
    if (k == s0 && s1 > s0) { len = s1 - s0; continue; }
    c = gl_utf8_decode(u, z, k, &len);
    if (c >= 0 && u_hasBinaryProperty(c, UCHAR_LOWERCASE)) return 1;
  }
  return 0;
}


/* Check the `case`, `exact`, `capital` and `langonly` flags and the
   document language of a form of record r on the folded span [p, e) of its
   key (a `prefix` match is checked without the rest of the word). */
static int verify(Scan *S, const MatchRec *r, size_t p, size_t e) {
  size_t s0, s1, bad, a, z;
  const char *want;
  if (!(r->flags & VERIFY_FLAGS)) return 1;
  if ((r->flags & GL_REC_DOCLANG) &&
      !gl_lang_in(gl_matcher_str(S->m, r->form), strlen(gl_matcher_str(S->m, r->form)), S->lang))
    return 0;
  if ((r->flags & GL_FLAG_LANGONLY) && S->lang[0] && r->langs != GL_NONE &&
      !gl_lang_in(gl_matcher_str(S->m, r->langs), strlen(gl_matcher_str(S->m, r->langs)), S->lang))
    return 0;
  if (!(r->flags & (GL_FLAG_CASE | GL_FLAG_EXACT | GL_FLAG_CAPITAL))) return 1;
  gl_map_span_near(S->map, p, e, &S->mapseg, &s0, &s1);
  if (r->flags & GL_FLAG_CAPITAL) {   /* the first letter of the surface */
    size_t k = s0, len;
    while (k < s1) {
      int32_t c = gl_utf8_decode((const uint8_t *)S->src, s1, k, &len);
      if (c >= 0 && u_hasBinaryProperty(c, UCHAR_ALPHABETIC)) {
        if (u_hasBinaryProperty(c, UCHAR_LOWERCASE)) return 0;
        break;
      }
      k += len;
    }
  }
  if (r->flags & GL_FLAG_EXACT) {
    want = gl_matcher_str(S->m, r->alias);
    if (strlen(want) != s1 - s0 || memcmp(want, S->src + s0, s1 - s0) != 0) return 0;
  }
  if (r->flags & GL_FLAG_CASE) {
    UErrorCode st = U_ZERO_ERROR;
    S->tmp.len = 0;
    if (gl_fold(S->m->casefold, S->src + s0, s1 - s0, GlInvalidReplace, &S->tmp, NULL,
                &bad, &st) != 0)
      return 0;
    a = 0; z = S->tmp.len;
    while (a < z && S->tmp.p[a] == ' ') a++;
    while (z > a && S->tmp.p[z - 1] == ' ') z--;
    want = gl_matcher_str(S->m, r->casekey);
    /* the key matched the folded text, so a span in capitals is the alias
       written in capitals */
    if ((strlen(want) != z - a || memcmp(want, S->tmp.p + a, z - a) != 0) &&
        !(in_capitals((const uint8_t *)S->tmp.p + a, z - a) && line_has_lower(S, s0, s1)))
      return 0;
  }
  return 1;
}


/* Katakana letters (with the prolonged sound mark, without the middle dot
   U+30FB and the double hyphen U+30A0, which separate words). */
static int is_kana(int32_t c) {
  return (c >= 0x30A1 && c <= 0x30FA) || (c >= 0x30FC && c <= 0x30FF) ||
         (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9F);
}

static int kana_at(const Scan *S, size_t p) {
  size_t len;
  return p < S->n && S->f[p] >= 0xE3 && is_kana(gl_utf8_next(S->f, S->n, p, &len));
}

/* Does the folded span [p, e) start or end inside a run of katakana?  A
   katakana word is written as one run (ネクタイ 'necktie', タイヤ 'tyre'),
   so a `noboundary` key cannot begin or end inside one (タイ, Thailand);
   it may next to kanji, hiragana or punctuation (タイ人, タイ・バンコク). */
static int inside_kana(const Scan *S, size_t p, size_t e) {
  return (p > 0 && kana_at(S, p) && kana_at(S, prev_start(S, p))) ||
         (e > p && e < S->n && kana_at(S, e) && kana_at(S, prev_start(S, e)));
}


/* Does folded offset o fall inside one unit of the offset map (source that
   folded as a whole, e.g. a character and a combining mark ICU normalized
   with it, or 'ß' -> "ss")?  A match cannot start or end there: its surface
   would take in source its key does not cover (found by fuzz_matcher:
   U+0001 U+3099 is one normalization segment, so a key "\1" matched it). */
static int inside_unit(Scan *S, size_t o) {
  size_t a0, a1, b0, b1;
  if (o == 0 || o >= S->n) return 0;
  gl_map_source_near(S->map, o - 1, &S->mapseg, &a0, &a1);
  gl_map_source_near(S->map, o, &S->mapseg, &b0, &b1);
  return b0 < a1;
}


/* Walk trie t from folded position p; collect valid candidates.  bounded:
   the main trie (ends must be word boundaries). */
static int walk(Scan *S, const Trie *t, size_t p, int bounded) {
  const Matcher *m = S->m;
  const uint8_t *f = S->f;
  size_t n = S->n, i = p;
  uint32_t node = t->root[f[p]];
  while (node != GL_NONE) {
    const TrieNode *nd = &t->node[node];
    uint32_t L = nd->label_len, k, cnt, first, nc;
    const uint8_t *lab = L <= 4 ? (const uint8_t *)&nd->label_off : m->labels + nd->label_off;
    if (L > n - i) break;
    /* byte 0 was matched choosing this node; labels are short: no memcmp */
    for (k = 1; k < L && f[i + k] == lab[k]; k++) {}
    if (k < L) break;
    i += L;
    if (nd->payload != GL_NONE) {
      const uint32_t *pl = m->plist + nd->payload;
      int atb = -2;   /* boundary(i), computed once */
      if (inside_unit(S, p)) return 0;   /* then no key starting at p can match */
      if (!bounded && inside_kana(S, p, i)) goto next;
      cnt = pl[0];
      for (k = 1; k <= cnt; k++) {
        const MatchRec *r = &m->rec[pl[k]];
        size_t e = i;
        if ((r->flags & GL_REC_LL) && !S->ll) continue;
        if (bounded || (r->flags & GL_FLAG_PREFIX)) {
          if (atb == -2 && (atb = boundary(S, i)) < 0) return -1;
          if (!atb) {
            if (!(r->flags & GL_FLAG_PREFIX)) continue;
            e = word_end(S, i);
          }
        }
        if (r->trim) {   /* an inflected form whose end is matched but not reported */
          if (r->trim >= e - p) continue;
          e -= r->trim;
        }
        if (inside_unit(S, e)) continue;
        if (verify(S, r, p, i) && add_cand(S, e, pl[k]) != 0) return -1;
      }
    }
  next:
    if (i >= n || (nc = nd->nchild) == 0) break;
    first = nd->first_child;
    node = GL_NONE;
    if (nc < 8) {
      for (k = 0; k < nc; k++)
        if (t->child_byte[first + k] == f[i]) { node = first + k; break; }
    }
    else {
      uint32_t lo = 0, hi = nc;
      while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (t->child_byte[first + mid] < f[i]) lo = mid + 1; else hi = mid;
      }
      if (lo < nc && t->child_byte[first + lo] == f[i]) node = first + lo;
    }
  }
  return 0;
}


/* Arabic proclitics, folded: the conjunctions و ف, the prepositions ب ك ل,
   the article ال. */
#define AR_WAW  "\xD9\x88"
#define AR_FA   "\xD9\x81"
#define AR_BA   "\xD8\xA8"
#define AR_KAF  "\xD9\x83"
#define AR_LAM  "\xD9\x84"
#define AR_AL   "\xD8\xA7\xD9\x84"

static int at(const Scan *S, size_t q, const char *lit, size_t n) {
  return q + n <= S->n && memcmp(S->f + q, lit, n) == 0;
}

/* No alias starts at word start p: try again after the proclitics written
   onto the word, (و|ف)? (ب|ك|ل)? (ال)?, shortest first (و + لندن before
   و + ل + ندن).  On candidates, *start is where the match begins.  After
   the article only organisations: Arabic puts it before a foreign
   organisation's name (البريكس), while a place's name that has it is
   written with it in its alias (القاهرة), and a place's alias without it
   after the article was a common noun or an adjective (الديربي 'the
   derby' as Derby, المركزي 'the central' as Markazi). */
static int scan_clitics(Scan *S, size_t p, size_t *start) {
  size_t q[3], nq = 0, x = p, k, j, n, llk = 3, alk = 3;
  if (at(S, x, AR_WAW, 2) || at(S, x, AR_FA, 2)) q[nq++] = x += 2;
  if (at(S, x, AR_BA, 2) || at(S, x, AR_KAF, 2) || at(S, x, AR_LAM, 2)) {
    if (at(S, x, AR_LAM, 2)) llk = nq;   /* the walk after ل may take للأمم */
    q[nq++] = x += 2;
  }
  if (at(S, x, AR_AL, 4)) { alk = nq; q[nq++] = x += 4; }
  for (k = 0; k < nq; k++) {
    if (q[k] >= S->n || S->m->main.root[S->f[q[k]]] == GL_NONE) continue;
    S->ll = k == llk;
    if (walk(S, &S->m->main, q[k], 1) != 0) { S->ll = 0; return -1; }
    S->ll = 0;
    if (k == alk) {
      for (j = n = 0; j < S->ncand; j++) {
        const char *type = gl_matcher_str(S->m, S->m->rec[S->cand[j].rec].type);
        if (strcmp(type, "place") != 0) S->cand[n++] = S->cand[j];
      }
      S->ncand = n;
    }
    if (S->ncand) { *start = q[k]; return 0; }
  }
  return 0;
}


/* Hebrew prefixes, folded (search folding leaves Hebrew letters as they
   are): the conjunction ו, the relative ש (כש 'when') and the prepositions
   ב ל כ מ.  Each is one letter, D7 xx in UTF-8.  Not the article ה: a
   place's name takes none (the names that do, האג, write it in the alias),
   and ה + a name was a common noun with its article (הבורסה 'the stock
   exchange' as Bursa, המוביל 'the leading' as Mobile, בהלימה as Lima). */
#define HE_VAV   0x95   /* ו */
#define HE_BET   0x91   /* ב */
#define HE_LAMED 0x9C   /* ל */
#define HE_MEM   0x9E   /* מ */
#define HE_SHIN  0xA9   /* ש */
#define HE_KAF   0x9B   /* כ */
/* Letters the name keeps after the prefixes: a two-letter remainder is
   mostly a piece of a word (כאן 'here' = כ + אן). */
#define HE_MIN_REST 3

static int he_at(const Scan *S, size_t q, uint8_t second) {
  return q + 2 <= S->n && S->f[q] == 0xD7 && S->f[q + 1] == second;
}

/* Hebrew letters (D7 90..D7 AA) in the folded span [q, e). */
static int he_letters(const Scan *S, size_t q, size_t e) {
  int k = 0;
  for (; q + 2 <= e; q++)
    if (S->f[q] == 0xD7 && S->f[q + 1] >= 0x90 && S->f[q + 1] <= 0xAA) { k++; q++; }
  return k;
}

/* No alias starts at word start p: try again after the prefixes Hebrew
   writes onto the word, in their order ו? (ש|כש)? (ב|ל|כ|מ)?, shortest
   first (ו + ירושלים, ב + ירושלים, ומ + האג), at most four letters.
   A name that starts with one of the letters was tried whole before. */
static int scan_heprefix(Scan *S, size_t p, size_t *start) {
  size_t q[4], nq = 0, x = p, k;
  if (he_at(S, x, HE_VAV)) q[nq++] = x += 2;
  if (he_at(S, x, HE_SHIN)) q[nq++] = x += 2;
  else if (he_at(S, x, HE_KAF) && he_at(S, x + 2, HE_SHIN)) q[nq++] = x += 4;
  if (he_at(S, x, HE_BET) || he_at(S, x, HE_LAMED) || he_at(S, x, HE_KAF) || he_at(S, x, HE_MEM))
    q[nq++] = x += 2;
  for (k = 0; k < nq; k++) {
    size_t j, e = 0;
    if (q[k] >= S->n || S->m->main.root[S->f[q[k]]] == GL_NONE) continue;
    if (walk(S, &S->m->main, q[k], 1) != 0) return -1;
    for (j = 0; j < S->ncand; j++) if (S->cand[j].end > e) e = S->cand[j].end;
    if (S->ncand && he_letters(S, q[k], e) < HE_MIN_REST) { S->ncand = 0; return 0; }
    if (S->ncand) { *start = q[k]; return 0; }
  }
  return 0;
}


static int emit(GlMatchList *out, size_t s0, size_t s1, uint32_t rec, int amb) {
  GlMatch *nm = (GlMatch *)gl_grow(out->m, &out->cap, out->n + 1, sizeof *nm);
  if (nm == NULL) return -1;
  out->m = nm;
  out->m[out->n].start = s0;
  out->m[out->n].end = s1;
  out->m[out->n].rec = rec;
  out->m[out->n].ambiguous = amb;
  out->n++;
  return 0;
}


/* Emit the candidates with end e as one span: one match per entity (the
   first record of each id, in trie order), ambiguous when several.  Sorting
   keeps this O(k log k) when very many entities share one alias: while
   sorting, a selected candidate's `end` (e for all of them) holds its id, so
   the comparison needs no context and stays thread-safe. */
static int cmp_cand(const void *x, const void *y) {
  const Cand *a = (const Cand *)x, *b = (const Cand *)y;
  if (a->end != b->end) return a->end < b->end ? -1 : 1;
  return (a->rec > b->rec) - (a->rec < b->rec);
}

static int emit_group(Scan *S, GlMatchList *out, size_t p, size_t e) {
  size_t k, j = 0, s0, s1, first = out->n, nsel;
  Cand *sel = S->cand;
  int rc = 0;
  gl_map_span_near(S->map, p, e, &S->mapseg, &s0, &s1);
  for (k = 0; k < S->ncand; k++)   /* the candidates ending at e to the front */
    if (S->cand[k].end == e) {
      Cand t = S->cand[j]; S->cand[j] = S->cand[k]; S->cand[k] = t;
      j++;
    }
  nsel = j;
  /* an alias as written beats another entity's inflected form on one span */
  for (k = 0; k < nsel && (S->m->rec[sel[k].rec].flags & GL_REC_FORM); k++) {}
  if (k < nsel) {
    for (k = 0, j = 0; k < nsel; k++)
      if (!(S->m->rec[sel[k].rec].flags & GL_REC_FORM)) {
        Cand t = sel[j]; sel[j] = sel[k]; sel[k] = t;
        j++;
      }
    nsel = j;
  }
  for (k = 0; k < nsel; k++) sel[k].end = S->m->rec[sel[k].rec].id;
  if (nsel > 1) qsort(sel, nsel, sizeof *sel, cmp_cand);
  for (k = 0; k < nsel && rc == 0; k++)
    if (k == 0 || sel[k].end != sel[k - 1].end) rc = emit(out, s0, s1, sel[k].rec, 0);
  for (k = 0; k < nsel; k++) sel[k].end = e;
  if (rc != 0) return -1;
  if (out->n - first > 1)
    for (j = first; j < out->n; j++) out->m[j].ambiguous = 1;
  return 0;
}


GlScanner *gl_scanner_new(void) {
  Scan *S = (Scan *)calloc(1, sizeof *S);
  if (S == NULL) return NULL;
  gl_buf_init(&S->tmp);
  gl_buf_init(&S->folded);
  gl_map_init(&S->fmap);
  S->clitics = 1;   /* language unknown */
  S->heprefix = 1;
  return S;
}


void gl_scanner_free(GlScanner *S) {
  if (S == NULL) return;
  if (S->brk) ubrk_close(S->brk);
  if (S->ut) utext_close(S->ut);
  free(S->cand);
  free(S->bound);
  gl_buf_free(&S->tmp);
  gl_buf_free(&S->folded);
  gl_map_free(&S->fmap);
  free(S);
}


int gl_matcher_scan(const Matcher *m, const char *s, size_t n, GlInvalid inv,
                    int overlapping, GlMatchList *out, size_t *badpos,
                    UErrorCode *status) {
  GlScanner *S = gl_scanner_new();
  int rc;
  if (S == NULL) { *status = U_MEMORY_ALLOCATION_ERROR; return -2; }
  rc = gl_matcher_scan_with(m, S, s, n, inv, overlapping, out, badpos, status);
  gl_scanner_free(S);
  return rc;
}


int gl_matcher_scan_with(const Matcher *m, GlScanner *sc, const char *s, size_t n,
                         GlInvalid inv, int overlapping, GlMatchList *out,
                         size_t *badpos, UErrorCode *status) {
  Scan *const Sp = sc;
#define S (*Sp)
  size_t p, fn, mstart;
  int rc = 0;
  const uint8_t *f;
  GlWordClass prev = GlWordNone;
  S.ncand = S.nbound = 0;
  S.status = U_ZERO_ERROR;
  S.wclass = gl_word_class_table();
  S.folded.len = 0;
  if (gl_buf_reserve(&S.folded, n + n / 8 + 16) != 0) goto oom;   /* folding rarely grows text */
  rc = gl_fold(m->fold, s, n, inv, &S.folded, &S.fmap, badpos, status);
  if (rc != 0) goto done;
  S.m = m; S.map = &S.fmap; S.src = s; S.srcn = n; S.mapseg = 0;
  S.f = f = (const uint8_t *)(S.folded.p ? S.folded.p : "");
  S.n = fn = S.folded.len;
  S.runlo = S.runhi = 0;
  /* One pass over the characters, tracking the word class of the previous
     one, so a boundary test costs nothing outside dictionary-script runs. */
  for (p = 0; p < fn; ) {
    uint8_t c0 = f[p];
    int hasmain = m->main.root[c0] != GL_NONE, hasnb = m->nb.root[c0] != GL_NONE;
    size_t best, len, clen;
    GlWordClass cur;
    if (c0 < 0x80) { cur = (GlWordClass)S.wclass[c0]; clen = 1; }
    else {
      cur = classof(Sp, gl_utf8_next(f, fn, p, &clen));
      if (cur == GlWordMark) cur = prev == GlWordNone ? GlWordLetter : prev;
    }
    S.ncand = 0;
    if (hasmain) {
      int b;
      if (prev == GlWordNone || cur == GlWordNone || prev != cur) b = 1;
      else if (cur == GlWordLetter) b = 0;
      else b = 2;   /* inside a dictionary-script run: decided below */
      if (b && walk(Sp, &m->main, p, 1) != 0) goto fail;
      /* ICU's dictionary segmentation runs only for runs where some key
         matched, not for every CJK/Thai character */
      if (b == 2 && S.ncand > 0) {
        if ((b = boundary(Sp, p)) < 0) goto icufail;
        if (!b) S.ncand = 0;
      }
    }
    if (hasnb && walk(Sp, &m->nb, p, 0) != 0) goto fail;
    mstart = p;
    if (S.ncand == 0 && (c0 == 0xD8 || c0 == 0xD9) && S.clitics && cur == GlWordLetter &&
        prev != GlWordLetter && scan_clitics(Sp, p, &mstart) != 0)
      goto fail;
    if (S.ncand == 0 && c0 == 0xD7 && S.heprefix && cur == GlWordLetter &&
        prev != GlWordLetter && scan_heprefix(Sp, p, &mstart) != 0)
      goto fail;
    if (S.ncand == 0) {   /* next character */
      prev = cur;
      p += clen;
      continue;
    }
    best = 0;
    for (len = 0; len < S.ncand; len++) if (S.cand[len].end > best) best = S.cand[len].end;
    if (!overlapping) {
      if (emit_group(Sp, out, mstart, best) != 0) goto oom;
      p = best;
      prev = class_before(Sp, p);
      continue;
    }
    while (best > mstart) {   /* every end, longest first */
      size_t next = mstart;
      if (emit_group(Sp, out, mstart, best) != 0) goto oom;
      for (len = 0; len < S.ncand; len++)
        if (S.cand[len].end < best && S.cand[len].end > next) next = S.cand[len].end;
      best = next;
    }
    prev = cur;
    p += clen;
  }
  goto done;
fail:
  if (U_SUCCESS(S.status)) goto oom;
icufail:
  *status = S.status;
  rc = -2;
  goto done;
oom:
  *status = U_MEMORY_ALLOCATION_ERROR;
  rc = -2;
done:
  return rc;
#undef S
}


void gl_matchlist_free(GlMatchList *l) {
  free(l->m);
  l->m = NULL;
  l->n = l->cap = 0;
}
