/*
** matcher.h -- the gazetteer automaton: collect aliases (builder), compile
** them into an immutable word-start-anchored radix trie (Matcher), scan
** folded text for leftmost-longest or overlapping matches with exact
** original spans.  See README "Matcher architecture".
**
** Ownership: a builder owns copies of every string it is given.  A Matcher
** owns its arrays (malloc'd after gl_matcher_build, or a read-only mapping
** after gl_gazfile_open); gl_matcher_free releases either.  A Matcher is
** never modified after it is built, so several threads may scan with one
** Matcher at the same time (each scan allocates its own scratch).
*/
#ifndef GLEAN_MATCHER_H
#define GLEAN_MATCHER_H

#include <unicode/utypes.h>
#include "glean.h"
#include "fold.h"
#include "inflect.h"

/* Alias flags (column `flags` of a gazetteer file). */
#define GL_FLAG_CASE       1u   /* case-sensitive after the other folding */
#define GL_FLAG_EXACT      2u   /* surface must equal the alias byte for byte */
#define GL_FLAG_PREFIX     4u   /* may be followed by more letters of the word */
#define GL_FLAG_NOBOUNDARY 8u   /* may start and end inside words */
#define GL_FLAG_CAPITAL    16u  /* the first letter must not be lower case */
#define GL_FLAG_LANGONLY   32u  /* only in documents of one of its `lang`s */
#define GL_FLAG_ALL        63u
#define GL_NFLAGS          6
/* Their names, bit k = 1 << k (gazetteer files, gz:add). */
#define GL_FLAG_NAMES { "case", "exact", "prefix", "noboundary", "capital", "langonly" }

/* Record bits the builder sets (never given by a gazetteer line). */
#define GL_REC_FORM        0x100u /* an inflected form of the alias */
#define GL_REC_DOCLANG     0x200u /* ... of an alias without `lang`: only in
                                     documents of the profile's language */
#define GL_REC_LL          0x400u /* the Arabic alias with its article's alif
                                     dropped after the preposition ل (للأمم
                                     for الأمم): only after that proclitic */
#define GL_REC_ALL         (GL_FLAG_ALL | GL_REC_FORM | GL_REC_DOCLANG | GL_REC_LL)

#define GL_MAXALIAS 4096        /* longest folded alias, bytes */
#define GL_NONE 0xFFFFFFFFu

/* Profile names a Matcher may use (stored in compiled files). */
#define GL_MAXPROFILENAME 31

typedef struct MatcherBuilder MatcherBuilder;

/*
** One alias record of a compiled matcher; string fields are offsets into
** the matcher's string pool (NUL-terminated strings).  attrs points to
** 2 * nattrs consecutive strings (key, value, key, value, ...).
*/
typedef struct MatchRec {
  uint32_t id, type, alias, attrs, casekey;  /* casekey: GL_NONE unless `case` */
  uint32_t form;     /* GL_REC_FORM: the inflection profile's name; else GL_NONE */
  uint32_t langs;    /* the `lang` attribute's value, or GL_NONE */
  uint16_t nattrs, flags;
  uint16_t trim;     /* folded bytes at the end matched but not reported (ezafe) */
  uint16_t spare;
} MatchRec;

/* Trie node: 16 bytes; children of a node are contiguous. */
typedef struct TrieNode {
  uint32_t first_child;
  uint32_t label_off;      /* into the key/label pool; a label of <= 4
                              bytes is stored in these 4 bytes instead */
  uint16_t nchild;
  uint16_t label_len;
  uint32_t payload;        /* into plist: count, then record indexes; or GL_NONE */
} TrieNode;

typedef struct Trie {
  const uint32_t *root;    /* 256 entries: first byte -> node, or GL_NONE */
  const TrieNode *node;
  const uint8_t *child_byte;   /* parallel to node: first byte of its label */
  uint32_t nnode;
} Trie;

#define GL_MATCHER_NOWN 10

typedef struct Matcher {
  Trie main, nb;           /* nb: the noboundary aliases */
  const uint8_t *labels;   /* folded keys; trie labels point into them */
  const uint32_t *plist;
  const MatchRec *rec;
  const char *str;         /* string pool */
  uint32_t nlabels, nplist, nrec, nstr;
  uint32_t nentities;      /* distinct ids */
  char profile[GL_MAXPROFILENAME + 1];
  const FoldProfile *fold, *casefold;
  void *own[GL_MATCHER_NOWN];  /* malloc'd arrays (built matchers) */
  char *spec;                 /* fold profile spec (see gl_fold_profile_spec) */
  size_t speclen;
  FoldProfile *own_fold, *own_casefold;   /* custom profiles, owned */
  void *mem;                  /* mapping (opened matchers) */
  size_t memlen;
  void (*unmap)(void *mem, size_t len);
} Matcher;

/* A match: 0-based source byte span [start, end), its record. */
typedef struct GlMatch {
  size_t start, end;
  uint32_t rec;
  int ambiguous;
} GlMatch;

typedef struct GlMatchList {
  GlMatch *m;
  size_t n, cap;
} GlMatchList;

/* Errors of builder calls: a static message naming what is wrong.
   profile: a built-in profile name or a custom profile spec
   (gl_fold_profile_spec); U_ILLEGAL_ARGUMENT_ERROR when it is neither. */
MatcherBuilder *gl_builder_new(const char *profile, UErrorCode *status);
MatcherBuilder *gl_builder_new_spec(const char *spec, size_t speclen, UErrorCode *status);

/* Load the fold profiles named by spec into m (m->fold, m->casefold, and
   the owned custom ones); used by build and by gazfile open. */
void gl_matcher_set_profile(Matcher *m, const char *spec, size_t speclen, UErrorCode *status);
void gl_builder_free(MatcherBuilder *b);
size_t gl_builder_count(const MatcherBuilder *b);   /* aliases added (not their forms) */
const char *gl_builder_profile(const MatcherBuilder *b);

/*
** Add one alias.  attrs: 2 * nattrs strings (key, value, ...).  Returns 0,
** or -1 with *err set to a static message ("empty alias", "alias folds to
** nothing", "invalid UTF-8", "NUL byte in alias", "alias too long", "out of memory"), *badpos
** set for invalid UTF-8 (offset in the alias).
*/
int gl_builder_add(MatcherBuilder *b, const char *alias, size_t alen,
                   const char *id, size_t idlen, const char *type, size_t tlen,
                   const char *const *attrs, const size_t *attrlens, size_t nattrs,
                   unsigned flags, const char **err, size_t *badpos);

/*
** Give the builder an inflection profile (it takes ownership; 0, or -1 out
** of memory).  Aliases added afterwards are expanded into its forms: those
** whose `inflection` attribute names it, else those whose `lang` attribute
** lists it, else (no `lang`) every alias of its script, then matching only
** in documents of its language (gl_scanner_set_lang).  `exact`, `prefix`
** and `noboundary` aliases and `inflection=-` are not expanded, nor `case`
** aliases without an `inflection` attribute unless the profile says
** `case_aliases yes` (then only in documents of its language); a `case`
** alias's forms are compared case-sensitively as the form is written.
*/
int gl_builder_add_inflection(MatcherBuilder *b, InflProfile *p);

/* Compile the builder's aliases (the builder stays usable).  NULL and
   *status set on out of memory / ICU failure. */
Matcher *gl_matcher_build(const MatcherBuilder *b, UErrorCode *status);
void gl_matcher_free(Matcher *m);

/* Aliases of m (records that are not inflected forms); *forms (when not
   NULL) gets the number of inflected forms. */
uint32_t gl_matcher_count(const Matcher *m, uint32_t *forms);

/* For gazfile.c: release a Matcher's arrays without freeing the struct. */
void gl_matcher_release(Matcher *m);

/*
** Scan s[0..n): fold it, find matches, append them to out (sorted by start,
** then longest first).  Returns 0, -1 with *badpos (invalid UTF-8 under
** GlInvalidError), or -2 with *status (out of memory, ICU failure).
*/
int gl_matcher_scan(const Matcher *m, const char *s, size_t n, GlInvalid inv,
                    int overlapping, GlMatchList *out, size_t *badpos,
                    UErrorCode *status);

/*
** The same with a caller-owned scanner: its buffers (folded text, offset
** map, candidates, ICU break iterator) are reused from scan to scan, so
** scanning many documents allocates nothing in the steady state.  A scanner
** belongs to one thread at a time; the Matcher may be shared.
*/
typedef struct GlScanner GlScanner;
GlScanner *gl_scanner_new(void);
void gl_scanner_free(GlScanner *sc);
int gl_matcher_scan_with(const Matcher *m, GlScanner *sc, const char *s, size_t n,
                         GlInvalid inv, int overlapping, GlMatchList *out,
                         size_t *badpos, UErrorCode *status);

/* The document language for the next scans ("ru", "pt-BR"; NULL or "" for
   unknown): `langonly` aliases and the forms of aliases without `lang`
   depend on it, and Arabic proclitics (Hebrew prefixes) are split off only
   when it is Arabic (Hebrew) or unknown.  Longer codes than 31 bytes count as unknown. */
void gl_scanner_set_lang(GlScanner *sc, const char *lang);

void gl_matchlist_free(GlMatchList *l);

/* Is lang (a code like "ru" or "pt-BR") one of the comma-separated list
   list[0..n) (whose entries may be longer or shorter: "pt" matches
   "pt_BR")?  Builder (inflection languages) and scan (`langonly`) share it. */
int gl_lang_in(const char *list, size_t n, const char *lang);

/* String pool access (offsets validated at build/open). */
#define gl_matcher_str(m, off) ((m)->str + (off))

/*
** The attributes of a record, in their stored order: set pos = r->attrs,
** then call at most r->nattrs times.  Each call points *key and *val at the
** next pair's NUL-terminated strings in the pool and moves pos past them;
** 0 (and the pair left unset) when the pool ends before the pair does.
** gl_gazfile_open does not walk every record's attribute strings (that walk
** was 2/3 of the default gazetteer's open time): the pool ends with a NUL,
** so each string read here ends inside it, and every reader of attributes
** goes through this function (the gazfile fuzz harness calls it on every
** record of every file that opens).
*/
int gl_matcher_attr(const Matcher *m, uint32_t *pos, const char **key, const char **val);

#endif
