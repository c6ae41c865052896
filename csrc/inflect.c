/*
** inflect.c -- inflection profiles (see inflect.h and docs/inflection.md).
**
** A profile file is UTF-8 text, one statement per line, tokens separated by
** spaces or tabs, '#' starts a comment:
**   script Cyrl                    scripts (ISO 15924) of the words it inflects
**   class C бвгджзклмнпрстфхцчшщ   a named set of letters, used as {C}
**   vowels aeıioöuü                what "last vowel" (@{X}) looks at
**   minstem 2                      letters the word keeps before the ending
**   minwords 2                     only aliases of at least 2 words
**   а -> ы и е у ой ою             rule: ending -> forms
**   {C} -> +а +у +ом +е            '+' keeps the ending and appends
**   {V} @{ei} -> +de +den          only when the word's last vowel is in {ei}
**   ا -> +(ی) +ها                  '(...)': matched, but outside the span
**   {S} -> -                       '-': no forms (blocks a shorter rule)
**   а -> ы:g е:dp у:a ой:i         ':' tags a form with its cases (letters)
**   adj ая -> ой:gdpi ую:a ою:i    a rule for the adjectives before the last word
**   case_aliases yes               also `case` aliases whose lang names the profile
**   case_aliases RU BY             ... only those of places in these countries (iso)
**   head_before на над под         a name joined by one of these words (between
**                                  hyphens or spaces) inflects the part before it
**                                  (Ростов-на-Дону -> Ростове-на-Дону)
** The rule with the longest ending that matches the end of the alias's last
** word applies (the first one on ties); patterns and letters compare after
** simple lower-casing.  When the words right before the last one each match
** an `adj` rule (Нижний Новгород, Южная Корея), a tagged form of the last
** word is emitted with a form of each adjective that shares a tag with it
** (Нижнего Новгорода, Южной Корее), not alone; untagged forms change the
** last word only.
*/
#define _DEFAULT_SOURCE 1
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "inflect.h"

#define MAXCLASS 64
#define MAXSCRIPT 8
#define MAXERR 10
#define MAXISO 32
#define MAXHEAD 8
#define HEADLEN 24

typedef struct IClass {
  char name[32];
  uint32_t off, n;        /* code points in P->cps, sorted */
} IClass;

typedef struct IForm {
  int keep;               /* '+': the ending stays */
  uint32_t tags;          /* ':' letters a..z as bits (cases); 0: untagged */
  uint32_t in, inlen;     /* appended text (in P->text) */
  uint32_t ex, exlen;     /* appended, outside the span */
} IForm;

typedef struct IRule {
  uint32_t pat, npat;     /* items in P->items: code point, or -(class + 1) */
  int32_t vcls;           /* @{class}: class index, or -1 */
  int adj;                /* an `adj` rule: words before the last */
  uint32_t form, nform;   /* in P->forms */
} IRule;

struct InflProfile {
  char name[GL_INFL_MAXNAME + 1];
  int32_t script[MAXSCRIPT];
  int nscript;
  IClass cls[MAXCLASS];
  int ncls;
  int32_t vowels;         /* class index of `vowels`, or -1 */
  uint32_t minstem, minwords;
  int case_aliases;       /* `case_aliases yes`: also `case` aliases with a lang */
  char case_iso[MAXISO][2];  /* `case_aliases RU BY`: only of places there */
  int ncase_iso;
  char head[MAXHEAD][HEADLEN];  /* `head_before`: the joining words */
  size_t headlen[MAXHEAD];
  int nhead;
  int32_t *cps, *items;
  size_t ncps, capcps, nitems, capitems;
  IForm *forms;
  size_t nforms, capforms;
  IRule *rules;
  size_t nrules, caprules, nadj;
  GlBuf text;
};


/* ---------------------------------------------------------------- parse */

typedef struct PState {
  InflProfile *p;
  const char *fname;
  size_t line;
  GlBuf *err;
  int nerr;
} PState;


/* Append one error message.  Messages are best effort, here and in the
   loader: a call fails by its return code (and nerr), so running out of
   memory while writing one loses words of the message, never the failure. */
static void perr(PState *S, const char *what, const char *a, size_t alen) {
  char buf[64];
  int k;
  S->nerr++;
  if (S->nerr > MAXERR) return;
  if (S->err->len) gl_buf_add(S->err, "\n", 1);
  gl_buf_add(S->err, S->fname, strlen(S->fname));
  k = snprintf(buf, sizeof buf, ":%lu: ", (unsigned long)S->line);
  gl_buf_add(S->err, buf, (size_t)k);
  for (; *what; what++) {
    if (what[0] == '%' && what[1] == 's') {
      gl_buf_add(S->err, a, alen > 60 ? 60 : alen);
      what++;
    }
    else gl_buf_add(S->err, what, 1);
  }
}


static int cmpi32(const void *x, const void *y) {
  int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;
  return (a > b) - (a < b);
}


static int in_class(const InflProfile *p, int c, int32_t cp) {
  const int32_t *v = p->cps + p->cls[c].off;
  uint32_t lo = 0, hi = p->cls[c].n;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (v[mid] < cp) lo = mid + 1; else hi = mid;
  }
  return lo < p->cls[c].n && v[lo] == cp;
}


static int find_class(const InflProfile *p, const char *s, size_t n) {
  int k;
  for (k = 0; k < p->ncls; k++)
    if (strlen(p->cls[k].name) == n && memcmp(p->cls[k].name, s, n) == 0) return k;
  return -1;
}


typedef struct Tok { const char *p; size_t n; } Tok;


/* Letters of tokens t[0..nt) into a new class called name. */
static int add_class(PState *S, const char *name, size_t namelen, const Tok *t, int nt) {
  InflProfile *p = S->p;
  void *np;
  IClass *c;
  int k;
  if (p->ncls == MAXCLASS) { perr(S, "too many classes (limit 64)", "", 0); return 0; }
  if (namelen == 0 || namelen >= sizeof c->name) { perr(S, "bad class name '%s'", name, namelen); return 0; }
  if (find_class(p, name, namelen) >= 0) { perr(S, "class '%s' defined twice", name, namelen); return 0; }
  c = &p->cls[p->ncls];
  memcpy(c->name, name, namelen);
  c->name[namelen] = 0;
  c->off = (uint32_t)p->ncps;
  for (k = 0; k < nt; k++) {
    size_t i = 0, len;
    while (i < t[k].n) {
      int32_t cp = gl_utf8_decode((const uint8_t *)t[k].p, t[k].n, i, &len);
      if ((np = gl_grow(p->cps, &p->capcps, p->ncps + 1, sizeof *p->cps)) == NULL) return -1;
      p->cps = np;
      p->cps[p->ncps++] = u_tolower(cp);
      i += len;
    }
  }
  c->n = (uint32_t)(p->ncps - c->off);
  if (c->n == 0) { perr(S, "class '%s' has no letters", name, namelen); return 0; }
  qsort(p->cps + c->off, c->n, sizeof *p->cps, cmpi32);
  p->ncls++;
  return 0;
}


/* "{name}" at s[i..n): class index, *adv set past the '}'; -2 when not a
   class reference; -1 (reported) when the name is unknown. */
static int class_ref(PState *S, const char *s, size_t n, size_t i, size_t *adv) {
  const char *z;
  int c;
  if (s[i] != '{') return -2;
  z = (const char *)memchr(s + i, '}', n - i);
  if (z == NULL) { perr(S, "unclosed '{' in '%s'", s, n); return -1; }
  c = find_class(S->p, s + i + 1, (size_t)(z - s) - i - 1);
  if (c < 0) { perr(S, "unknown class '%s'", s + i + 1, (size_t)(z - s) - i - 1); return -1; }
  *adv = (size_t)(z - s) + 1 - i;
  return c;
}


static int add_text(InflProfile *p, const char *s, size_t n, uint32_t *off) {
  *off = (uint32_t)p->text.len;
  return gl_buf_add(&p->text, s, n);
}


/* One form token: [+]TEXT[(EXCLUDED)] or "-". */
static int add_form(PState *S, IRule *r, Tok t) {
  InflProfile *p = S->p;
  void *np;
  IForm f;
  const char *s = t.p, *lp;
  size_t n = t.n;
  memset(&f, 0, sizeof f);
  if (n && s[0] == '+') { f.keep = 1; s++; n--; }
  {   /* TEXT:tags, the tags letters a..z */
    size_t c = n;
    while (c > 0 && s[c - 1] != ':') c--;
    if (c > 0) {
      size_t k;
      if (c == n) { perr(S, "bad form '%s' (expected tags after ':', e.g. 'ой:gi')", t.p, t.n); return 0; }
      for (k = c; k < n; k++) {
        if (s[k] < 'a' || s[k] > 'z') { perr(S, "bad tags in '%s' (letters a to z)", t.p, t.n); return 0; }
        f.tags |= 1u << (s[k] - 'a');
      }
      n = c - 1;
    }
  }
  lp = (const char *)memchr(s, '(', n);
  if (lp) {
    size_t a = (size_t)(lp - s);
    if (n < a + 2 || s[n - 1] != ')') { perr(S, "bad form '%s' (expected TEXT(EXCLUDED))", t.p, t.n); return 0; }
    if (add_text(p, s + a + 1, n - a - 2, &f.ex) != 0) return -1;
    f.exlen = (uint32_t)(n - a - 2);
    n = a;
  }
  if (memchr(s, ')', n) || memchr(s, '{', n) || memchr(s, '}', n) || memchr(s, '+', n) ||
      memchr(s, ':', n)) {
    perr(S, "bad form '%s'", t.p, t.n);
    return 0;
  }
  if (r->adj && f.exlen) { perr(S, "an adjective's form '%s' cannot have an excluded part", t.p, t.n); return 0; }
  if (add_text(p, s, n, &f.in) != 0) return -1;
  f.inlen = (uint32_t)n;
  if (!f.keep && f.inlen + f.exlen == 0) { perr(S, "empty form '%s'", t.p, t.n); return 0; }
  if ((np = gl_grow(p->forms, &p->capforms, p->nforms + 1, sizeof *p->forms)) == NULL) return -1;
  p->forms = np;
  p->forms[p->nforms++] = f;
  r->nform++;
  return 0;
}


static int is_arrow(Tok t) {
  return (t.n == 2 && memcmp(t.p, "->", 2) == 0) || (t.n == 3 && memcmp(t.p, "\xE2\x86\x92", 3) == 0);
}


static int parse_rule(PState *S, Tok *t, int nt) {
  InflProfile *p = S->p;
  void *np;
  IRule r;
  int k = 1, c;
  size_t i = 0, len;
  memset(&r, 0, sizeof r);
  r.vcls = -1;
  if (nt > 1 && t[0].n == 3 && memcmp(t[0].p, "adj", 3) == 0 && !is_arrow(t[1])) {
    r.adj = 1;
    t++;
    nt--;
  }
  r.pat = (uint32_t)p->nitems;
  if (!(t[0].n == 1 && t[0].p[0] == '*')) {
    while (i < t[0].n) {
      size_t adv;
      int32_t v;
      c = class_ref(S, t[0].p, t[0].n, i, &adv);
      if (c == -1) return 0;
      if (c >= 0) { v = -(c + 1); i += adv; }
      else {
        v = u_tolower(gl_utf8_decode((const uint8_t *)t[0].p, t[0].n, i, &len));
        if (t[0].p[i] == '}' || t[0].p[i] == '@' || t[0].p[i] == '(' || t[0].p[i] == '+') {
          perr(S, "bad ending '%s'", t[0].p, t[0].n);
          return 0;
        }
        i += len;
      }
      if ((np = gl_grow(p->items, &p->capitems, p->nitems + 1, sizeof *p->items)) == NULL) return -1;
      p->items = np;
      p->items[p->nitems++] = v;
    }
  }
  r.npat = (uint32_t)(p->nitems - r.pat);
  if (k < nt && t[k].n > 1 && t[k].p[0] == '@') {
    size_t adv;
    c = class_ref(S, t[k].p, t[k].n, 1, &adv);
    if (c == -2 || (c >= 0 && adv + 1 != t[k].n)) { perr(S, "bad condition '%s' (expected @{class})", t[k].p, t[k].n); return 0; }
    if (c < 0) return 0;
    if (p->vowels < 0) { perr(S, "'@{...}' needs a 'vowels' line before it", "", 0); return 0; }
    r.vcls = c;
    k++;
  }
  if (k >= nt || !is_arrow(t[k])) { perr(S, "expected '->' after the ending '%s'", t[0].p, t[0].n); return 0; }
  k++;
  if (k >= nt) { perr(S, "rule without forms (write '-' for none)", "", 0); return 0; }
  r.form = (uint32_t)p->nforms;
  if (!(nt - k == 1 && t[k].n == 1 && t[k].p[0] == '-'))
    for (; k < nt; k++) {
      int rc = add_form(S, &r, t[k]);
      if (rc != 0) return rc;
    }
  if ((np = gl_grow(p->rules, &p->caprules, p->nrules + 1, sizeof *p->rules)) == NULL) return -1;
  p->rules = np;
  p->rules[p->nrules++] = r;
  p->nadj += (size_t)r.adj;
  return 0;
}


static int parse_line(PState *S, Tok *t, int nt) {
  InflProfile *p = S->p;
  if (t[0].n == 6 && memcmp(t[0].p, "script", 6) == 0) {
    int k;
    if (nt < 2) { perr(S, "'script' needs one or more script codes (Latn, Cyrl, Arab...)", "", 0); return 0; }
    for (k = 1; k < nt; k++) {
      char code[16];
      int32_t v;
      if (t[k].n >= sizeof code) { perr(S, "unknown script '%s'", t[k].p, t[k].n); continue; }
      memcpy(code, t[k].p, t[k].n);
      code[t[k].n] = 0;
      v = u_getPropertyValueEnum(UCHAR_SCRIPT, code);
      if (v < 0) { perr(S, "unknown script '%s'", t[k].p, t[k].n); continue; }
      if (p->nscript == MAXSCRIPT) { perr(S, "too many scripts (limit 8)", "", 0); break; }
      p->script[p->nscript++] = v;
    }
    return 0;
  }
  if (t[0].n == 5 && memcmp(t[0].p, "class", 5) == 0) {
    if (nt < 3) { perr(S, "'class' needs a name and letters", "", 0); return 0; }
    return add_class(S, t[1].p, t[1].n, t + 2, nt - 2);
  }
  if (t[0].n == 6 && memcmp(t[0].p, "vowels", 6) == 0) {
    if (nt < 2) { perr(S, "'vowels' needs letters", "", 0); return 0; }
    if (p->vowels >= 0) { perr(S, "'vowels' given twice", "", 0); return 0; }
    p->vowels = p->ncls;
    return add_class(S, "vowels", 6, t + 1, nt - 1);
  }
  if (t[0].n == 12 && memcmp(t[0].p, "case_aliases", 12) == 0) {
    int k;
    if (nt == 2 && ((t[1].n == 3 && memcmp(t[1].p, "yes", 3) == 0) || (t[1].n == 2 && memcmp(t[1].p, "no", 2) == 0))) {
      p->case_aliases = t[1].n == 3;
      p->ncase_iso = 0;
      return 0;
    }
    for (k = 1; k < nt; k++)
      if (t[k].n != 2 || t[k].p[0] < 'A' || t[k].p[0] > 'Z' || t[k].p[1] < 'A' || t[k].p[1] > 'Z') break;
    if (nt < 2 || k < nt) {
      if (nt < 2) perr(S, "'case_aliases' needs yes, no or country codes (RU BY)", "", 0);
      else perr(S, "'case_aliases': '%s' is not yes, no or a country code (RU BY)", t[k].p, t[k].n);
      return 0;
    }
    if (nt - 1 > MAXISO) { perr(S, "too many countries for 'case_aliases' (limit 32)", "", 0); return 0; }
    p->case_aliases = 1;
    p->ncase_iso = 0;
    for (k = 1; k < nt; k++) memcpy(p->case_iso[p->ncase_iso++], t[k].p, 2);
    return 0;
  }
  if (t[0].n == 11 && memcmp(t[0].p, "head_before", 11) == 0) {
    int k;
    if (nt < 2) { perr(S, "'head_before' needs one or more joining words (на над под)", "", 0); return 0; }
    if (nt - 1 > MAXHEAD) { perr(S, "too many words for 'head_before' (limit 8)", "", 0); return 0; }
    for (k = 1; k < nt; k++)
      if (t[k].n >= HEADLEN || memchr(t[k].p, '-', t[k].n)) {
        perr(S, "'head_before': '%s' is no short word without hyphens", t[k].p, t[k].n);
        return 0;
      }
    p->nhead = 0;
    for (k = 1; k < nt; k++) {
      memcpy(p->head[p->nhead], t[k].p, t[k].n);
      p->headlen[p->nhead++] = t[k].n;
    }
    return 0;
  }
  if ((t[0].n == 7 && memcmp(t[0].p, "minstem", 7) == 0) ||
      (t[0].n == 8 && memcmp(t[0].p, "minwords", 8) == 0)) {
    char *e;
    char buf[16];
    unsigned long v;
    int stem = t[0].n == 7;
    if (nt != 2 || t[1].n == 0 || t[1].n >= sizeof buf) {
      perr(S, stem ? "'minstem' needs one number" : "'minwords' needs one number", "", 0);
      return 0;
    }
    memcpy(buf, t[1].p, t[1].n);
    buf[t[1].n] = 0;
    v = strtoul(buf, &e, 10);
    if (*e || v > 20 || buf[0] == '-' || (!stem && v == 0)) {
      perr(S, stem ? "bad minstem '%s' (0 to 20)" : "bad minwords '%s' (1 to 20)", t[1].p, t[1].n);
      return 0;
    }
    if (stem) p->minstem = (uint32_t)v; else p->minwords = (uint32_t)v;
    return 0;
  }
  return parse_rule(S, t, nt);
}


InflProfile *gl_infl_parse(const char *name, const char *data, size_t n,
                           const char *fname, GlBuf *err) {
  PState S;
  InflProfile *p;
  size_t pos = 0;
  int rc = 0;
  S.fname = fname; S.line = 0; S.err = err; S.nerr = 0;
  p = (InflProfile *)calloc(1, sizeof *p);
  if (p == NULL) { gl_buf_add(err, "out of memory", 13); return NULL; }
  S.p = p;
  snprintf(p->name, sizeof p->name, "%s", name);
  p->vowels = -1;
  p->minstem = 2;
  p->minwords = 1;
  gl_buf_init(&p->text);
  if (strlen(name) == 0 || strlen(name) > GL_INFL_MAXNAME) { S.line = 1; perr(&S, "bad profile name '%s'", name, strlen(name)); }
  if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) pos = 3;
  while (pos < n && rc == 0) {
    const char *nl = (const char *)memchr(data + pos, '\n', n - pos);
    size_t e = nl ? (size_t)(nl - data) : n, i, bad;
    Tok t[256];
    int nt = 0;
    S.line++;
    i = pos;
    pos = nl ? e + 1 : n;
    if ((bad = gl_utf8_check(data + i, e - i)) != (size_t)-1) {
      char buf[32];
      snprintf(buf, sizeof buf, "%lu", (unsigned long)bad + 1);
      perr(&S, "invalid UTF-8 at byte %s of the line", buf, strlen(buf));
      continue;
    }
    while (i < e) {
      size_t a;
      while (i < e && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r')) i++;
      if (i >= e || data[i] == '#') break;
      a = i;
      while (i < e && data[i] != ' ' && data[i] != '\t' && data[i] != '\r') i++;
      if (nt == 256) { perr(&S, "too many tokens on the line (limit 256)", "", 0); nt = -1; break; }
      t[nt].p = data + a; t[nt].n = i - a; nt++;
    }
    if (nt > 0) rc = parse_line(&S, t, nt);
  }
  if (rc == 0 && S.nerr == 0 && p->nscript == 0) {
    S.line = 1;
    perr(&S, "missing 'script' line (which scripts the profile inflects, e.g. 'script Cyrl')", "", 0);
  }
  if (S.nerr > MAXERR) {
    char buf[64];
    int k = snprintf(buf, sizeof buf, "\n%s: %d more errors", fname, S.nerr - MAXERR);
    gl_buf_add(err, buf, (size_t)k);
  }
  if (rc != 0) { if (err->len) gl_buf_add(err, "\n", 1); gl_buf_add(err, "out of memory", 13); }
  if (rc != 0 || S.nerr) { gl_infl_free(p); return NULL; }
  return p;
}


void gl_infl_free(InflProfile *p) {
  if (p == NULL) return;
  free(p->cps);
  free(p->items);
  free(p->forms);
  free(p->rules);
  gl_buf_free(&p->text);
  free(p);
}


const char *gl_infl_name(const InflProfile *p) {
  return p->name;
}


int gl_infl_case_alias(const InflProfile *p, const char *iso, size_t isolen) {
  int k;
  if (!p->case_aliases) return 0;
  if (p->ncase_iso == 0) return 1;
  if (iso == NULL || isolen != 2) return 0;
  for (k = 0; k < p->ncase_iso; k++)
    if (memcmp(p->case_iso[k], iso, 2) == 0) return 1;
  return 0;
}


/* --------------------------------------------------------------- expand */

static int is_wordchar(int32_t c) {
  return u_hasBinaryProperty(c, UCHAR_ALPHABETIC) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}


/* A word of the alias: its code points lower-cased, their byte offsets. */
enum { MAXW = 128, MAXADJ = 4 };
typedef struct IWord {
  int32_t cp[MAXW];
  size_t off[MAXW + 1];       /* off[k]: byte offset of cp[k]; off[nw]: the end */
  size_t nw;
  const IRule *rule;
} IWord;


/* The word that ends at byte `end` of u (the code points after the last
   non-letter before it): 0, or -1 when there is none or it is too long. */
static int word_before(const uint8_t *u, size_t end, IWord *w) {
  size_t start = end, i, k, len;
  w->nw = 0;
  while (start > 0) {
    size_t q = start - 1;
    int32_t c;
    while (q > 0 && (u[q] & 0xC0) == 0x80) q--;
    c = gl_utf8_decode(u, end, q, &len);
    if (c < 0 || !is_wordchar(c)) break;
    if (w->nw == MAXW) return -1;
    start = q;
    w->nw++;
  }
  if (w->nw == 0) return -1;
  for (k = 0, i = start; k < w->nw; k++) {
    w->off[k] = i;
    w->cp[k] = u_tolower(gl_utf8_decode(u, end, i, &len));
    i += len;
  }
  w->off[w->nw] = i;
  return 0;
}


/* The rule (adj: an `adj` rule) with the longest ending that matches w. */
static const IRule *best_rule(const InflProfile *p, const IWord *w, int adj) {
  const IRule *best = NULL;
  int32_t lastv = -1;
  size_t i, k;
  if (p->vowels >= 0)
    for (k = w->nw; k-- > 0;) if (in_class(p, p->vowels, w->cp[k])) { lastv = w->cp[k]; break; }
  for (i = 0; i < p->nrules; i++) {
    const IRule *r = &p->rules[i];
    uint32_t j;
    if (r->adj != adj || r->npat + p->minstem > w->nw) continue;
    if (best && r->npat <= best->npat) continue;
    for (j = 0; j < r->npat; j++) {
      int32_t v = p->items[r->pat + j], c = w->cp[w->nw - r->npat + j];
      if (v >= 0 ? v != c : !in_class(p, -v - 1, c)) break;
    }
    if (j < r->npat) continue;
    if (r->vcls >= 0 && (lastv < 0 || !in_class(p, r->vcls, lastv))) continue;
    best = r;
  }
  return best;
}


/* Append word w of alias with form f of its rule: the text from *pos to
   its ending (to its end when f keeps the ending), then the form. */
static int put_form(char *buf, size_t *n, size_t cap, const char *alias, size_t *pos,
                    const InflProfile *p, const IWord *w, const IForm *f) {
  size_t upto = f->keep ? w->off[w->nw] : w->off[w->nw - w->rule->npat];
  if (*n + (upto - *pos) + f->inlen + f->exlen > cap) return -1;
  memcpy(buf + *n, alias + *pos, upto - *pos);
  *n += upto - *pos;
  memcpy(buf + *n, p->text.p + f->in, f->inlen);
  *n += f->inlen;
  memcpy(buf + *n, p->text.p + f->ex, f->exlen);
  *n += f->exlen;
  *pos = w->off[w->nw];
  return 0;
}


/* `head_before`: the forms of a name's first part with the rest of the
   name after each (Ростове + -на-Дону). */
typedef struct HeadEmit {
  GlInflEmit emit;
  void *ud;
  const char *rest;
  size_t nrest;
} HeadEmit;

static int head_emit(void *ud, const char *form, size_t n, size_t excluded) {
  HeadEmit *h = (HeadEmit *)ud;
  char buf[4096 + 512 + 4096];
  if (excluded || n + h->nrest > sizeof buf) return 0;   /* excluded text ends a form */
  memcpy(buf, form, n);
  memcpy(buf + n, h->rest, h->nrest);
  return h->emit(h->ud, buf, n + h->nrest, 0);
}

static int expand(const InflProfile *p, const char *alias, size_t alen, GlInflEmit emit, void *ud);

int gl_infl_expand(const InflProfile *p, const char *alias, size_t alen,
                   GlInflEmit emit, void *ud) {
  int k;
  size_t i;
  /* a name joined by a `head_before` word, between hyphens or spaces,
     inflects the part before it */
  for (i = 1; p->nhead && i < alen; i++) {
    char sep = alias[i];
    if (sep != '-' && sep != ' ') continue;
    for (k = 0; k < p->nhead; k++)
      if (p->headlen[k] + 2 < alen - i && memcmp(alias + i + 1, p->head[k], p->headlen[k]) == 0
          && alias[i + 1 + p->headlen[k]] == sep) {
        HeadEmit h;
        h.emit = emit; h.ud = ud; h.rest = alias + i; h.nrest = alen - i;
        return expand(p, alias, i, head_emit, &h);
      }
  }
  return expand(p, alias, alen, emit, ud);
}

static int expand(const InflProfile *p, const char *alias, size_t alen, GlInflEmit emit, void *ud) {
  IWord *w;                    /* w[0..nadj): the adjectives, left to right; w[nadj]: the last word */
  size_t i, k, nadj = 0;
  const uint8_t *u = (const uint8_t *)alias;
  const IRule *best;
  int32_t sc = -1;
  UErrorCode st = U_ZERO_ERROR;
  char buf[4096 + 512];
  int rc = 0;
  if (alen > 4096) return 0;
  if ((w = (IWord *)malloc((MAXADJ + 1) * sizeof *w)) == NULL) return 0;
  if (word_before(u, alen, &w[MAXADJ]) != 0 || w[MAXADJ].off[w[MAXADJ].nw] != alen) goto done;
  if (p->minwords > 1) {   /* words of the alias: runs of letters */
    uint32_t words = 0;
    int inword = 0;
    size_t len;
    for (i = 0; i < alen; i += len) {
      int32_t c = gl_utf8_decode(u, alen, i, &len);
      int wc = c >= 0 && is_wordchar(c);
      if (wc && !inword) words++;
      inword = wc;
    }
    if (words < p->minwords) goto done;
  }
  /* the profile's script must be that of the word's last letter */
  for (k = w[MAXADJ].nw; k-- > 0;)
    if (u_hasBinaryProperty(w[MAXADJ].cp[k], UCHAR_ALPHABETIC)) { sc = uscript_getScript(w[MAXADJ].cp[k], &st); break; }
  if (U_FAILURE(st) || sc < 0) goto done;
  for (k = 0; k < (size_t)p->nscript; k++) if (p->script[k] == sc) break;
  if (k == (size_t)p->nscript) goto done;
  if ((best = best_rule(p, &w[MAXADJ], 0)) == NULL) goto done;
  w[MAXADJ].rule = best;
  /* adjectives: the words right before the last one, separated by spaces or
     hyphens, each matching an `adj` rule (read right to left into
     w[MAXADJ-1], w[MAXADJ-2] ...) */
  if (p->nadj) {
    size_t end = w[MAXADJ].off[0];
    while (nadj < MAXADJ) {
      size_t e = end;
      IWord *a = &w[MAXADJ - 1 - nadj];
      while (e > 0 && (u[e - 1] == ' ' || u[e - 1] == '-')) e--;
      if (e == end || e == 0 || word_before(u, e, a) != 0) break;
      if ((a->rule = best_rule(p, a, 1)) == NULL || a->rule->nform == 0) break;
      nadj++;
      end = a->off[0];
    }
  }
  w += MAXADJ - nadj;   /* w[0..nadj) adjectives, w[nadj] the noun */
  for (i = 0; i < best->nform && rc == 0; i++) {
    const IForm *f = &p->forms[best->form + i];
    uint32_t tags = f->tags, done = 0;
    if (nadj == 0 || tags == 0) {   /* the last word alone */
      size_t n = 0, pos = 0;
      if (put_form(buf, &n, sizeof buf, alias, &pos, p, &w[nadj], f) == 0)
        rc = emit(ud, buf, n, f->exlen);
      continue;
    }
    /* each case the form has: every adjective in a form of that case */
    while (tags && rc == 0) {
      uint32_t t = tags & (~tags + 1), idx[MAXADJ];
      size_t j;
      int more = 1;
      tags &= ~t;
      for (j = 0; j < nadj; j++) idx[j] = 0;
      while (more && rc == 0) {
        size_t n = 0, pos = 0;
        uint32_t common = done;
        int ok = 1;
        /* advance each idx[j] to its next form with tag t */
        for (j = 0; j < nadj && ok; j++) {
          while (idx[j] < w[j].rule->nform && !(p->forms[w[j].rule->form + idx[j]].tags & t)) idx[j]++;
          if (idx[j] == w[j].rule->nform) ok = 0;
        }
        if (!ok) break;
        /* made already under an earlier case of this form (one that every
           adjective's form has too)? */
        for (j = 0; j < nadj; j++) common &= p->forms[w[j].rule->form + idx[j]].tags;
        if (common == 0) {
          for (j = 0; j < nadj && ok; j++)
            ok = put_form(buf, &n, sizeof buf, alias, &pos, p, &w[j], &p->forms[w[j].rule->form + idx[j]]) == 0;
          if (ok && put_form(buf, &n, sizeof buf, alias, &pos, p, &w[nadj], f) == 0)
            rc = emit(ud, buf, n, f->exlen);
        }
        /* the next combination: like an odometer, last adjective fastest */
        for (j = nadj; j-- > 0;) {
          idx[j]++;
          while (idx[j] < w[j].rule->nform && !(p->forms[w[j].rule->form + idx[j]].tags & t)) idx[j]++;
          if (idx[j] < w[j].rule->nform) break;
          idx[j] = 0;
          if (j == 0) more = 0;
        }
      }
      done |= t;
    }
  }
  w -= MAXADJ - nadj;
done:
  free(w);
  return rc;
}


int gl_infl_capitalised(const char *alias, size_t alen) {
  size_t i = 0, len;
  while (i < alen) {
    int32_t c = gl_utf8_decode((const uint8_t *)alias, alen, i, &len);
    if (c < 0) return 0;
    if (u_hasBinaryProperty(c, UCHAR_ALPHABETIC))
      return u_hasBinaryProperty(c, UCHAR_UPPERCASE) || u_istitle(c);
    i += len;
  }
  return 0;
}


/* ------------------------------------------------------------ load dir */

static int cmpstr(const void *x, const void *y) {
  return strcmp(*(char *const *)x, *(char *const *)y);
}


static int profile_filename(const char *s, size_t *namelen) {
  size_t n = strlen(s), k;
  if (n < 5 || n - 4 > GL_INFL_MAXNAME || strcmp(s + n - 4, ".tsv") != 0) return 0;
  for (k = 0; k < n - 4; k++) {
    char c = s[k];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (k > 0 && ((c >= '0' && c <= '9') || c == '_' || c == '-'))))
      return 0;
  }
  *namelen = n - 4;
  return 1;
}


int gl_infl_load_dir(const char *dir, int (*add)(void *ud, InflProfile *p), void *ud, GlBuf *err) {
  DIR *d = opendir(dir);
  struct dirent *e;
  char **names = NULL;
  size_t nn = 0, cap = 0, k;
  void *np;
  int rc = 0;
  if (d == NULL) {
    const char *why = strerror(errno);
    gl_buf_add(err, dir, strlen(dir));
    gl_buf_add(err, ": ", 2);
    gl_buf_add(err, why, strlen(why));
    return -1;
  }
  while ((e = readdir(d)) != NULL) {
    size_t nl;
    if (!profile_filename(e->d_name, &nl)) continue;
    if ((np = gl_grow(names, &cap, nn + 1, sizeof *names)) == NULL) { rc = -2; break; }
    names = np;
    if ((names[nn] = strdup(e->d_name)) == NULL) { rc = -2; break; }
    nn++;
  }
  closedir(d);
  if (nn) qsort(names, nn, sizeof *names, cmpstr);   /* same order on every machine */
  for (k = 0; k < nn && rc != -2; k++) {
    char path[4096], name[GL_INFL_MAXNAME + 1];
    size_t nl = strlen(names[k]) - 4;
    GlBuf data;
    FILE *fp;
    char chunk[8192];
    size_t got;
    InflProfile *p;
    memcpy(name, names[k], nl);
    name[nl] = 0;
    snprintf(path, sizeof path, "%s/%s", dir, names[k]);
    gl_buf_init(&data);
    fp = fopen(path, "rb");
    if (fp == NULL) {
      const char *why = strerror(errno);
      if (err->len) gl_buf_add(err, "\n", 1);
      gl_buf_add(err, path, strlen(path));
      gl_buf_add(err, ": ", 2);
      gl_buf_add(err, why, strlen(why));
      rc = -1;
      continue;
    }
    while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
      if (gl_buf_add(&data, chunk, got) != 0) { rc = -2; break; }
    fclose(fp);
    if (rc == -2) { gl_buf_free(&data); break; }
    {
      GlBuf e1;
      gl_buf_init(&e1);
      p = gl_infl_parse(name, data.p ? data.p : "", data.len, path, &e1);
      if (p == NULL) {
        if (err->len) gl_buf_add(err, "\n", 1);
        gl_buf_add(err, e1.p, e1.len);
        rc = -1;
      }
      else if (add(ud, p) != 0) { gl_infl_free(p); rc = -2; }
      gl_buf_free(&e1);
    }
    gl_buf_free(&data);
  }
  for (k = 0; k < nn; k++) free(names[k]);
  free(names);
  if (rc == -2) {
    if (err->len) gl_buf_add(err, "\n", 1);
    gl_buf_add(err, "out of memory", 13);
    return -1;
  }
  return rc;
}
