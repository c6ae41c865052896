/*
** l_segment.c -- Lua binding of segment.c: the iterators graphemes, words,
** sentences, linebreaks and the bulk form segment.
**
** Opening a break iterator loads and compiles rule data, so each
** (kind, locale) gets one template, cached in the registry table
** GL_BREAKCACHE_KEY as a glean.BreakCache userdata.  The bulk form walks
** the template itself (it never calls back into Lua while walking); each
** iterator walks its own ubrk_clone of the template, and a finished
** iterator hands its clone back to the template for the next one.
*/
#include <string.h>

#include <lua.h>
#include <lauxlib.h>
#include <unicode/ubrk.h>
#include <unicode/uloc.h>

#include "lgaux.h"
#include "lglean.h"
#include "segment.h"
#include "fold.h"
#include "fold_profile.h"
#include "wordshape.h"

#define SEGMENTER_T "glean.Segmenter"
#define BREAKCACHE_T "glean.BreakCache"
#define SHAPER_T "glean.Shaper"
#define GL_BREAKCACHE_KEY "glean.segment.cache"

static const char *const kind_names[] = {"grapheme", "word", "sentence", "line", NULL};

/*
** Upvalues of every function here: the GlSegTag names, then the iterator
** step.  The step itself has the tag names and the Segmenter metatable.
*/
static const char *const tag_names[] = {
  "none", "number", "letter", "kana", "ideo", "term", "sep", "soft", "hard"
};
#define NTAGS ((int)(sizeof(tag_names) / sizeof(tag_names[0])))
#define tagname(L, tag) lua_pushvalue(L, lua_upvalueindex((int)(tag) + 1))
#define STEP_UPVALUE (NTAGS + 1)
#define META_UPVALUE (NTAGS + 1)

/* One byte per segment in the kinds string of format "bounds", by GlSegTag. */
static const char tag_letters[] = "-NLKITS-H";


/*
** A cached template: the iterator for one (kind, locale), the bulk form's
** walker, its scratch (owned here, so a Lua error while the result tables
** are built leaks nothing), and one spare clone for the next iterator.
*/
typedef struct BreakCache {
  UBreakIterator *bi;
  UBreakIterator *spare;  /* a finished iterator's clone, or NULL */
  Segmenter sg;
  GlBuf ends;             /* uint32_t[]: segment ends of the last bulk call */
  GlBuf tags;             /* unsigned char[]: their GlSegTags */
  GlBuf keys;             /* word_keys: one word's folded form */
  int closed;             /* set by __gc (at lua_close, iterators may outlive it) */
} BreakCache;

/* Scratch above this size is freed after each call rather than kept. */
#define SCRATCH_KEEP ((size_t)1 << 20)

/* Segments the bulk form asks gl_segment_fill for at least, per round. */
#define FILL_MIN 4096


/*
** Iterator state: owns a clone of the template; user value 1 anchors the
** text, user value 2 the template (where the clone goes back when done).
*/
typedef struct LSegmenter {
  Segmenter sg;
  UBreakIterator *bi;   /* owned clone; NULL once finished or closed */
  BreakCache *bc;       /* the template it was cloned from */
  GlSegKind kind;
  int skip_none;        /* words: leave out segments tagged "none" */
  int closed;           /* closed by __close/__gc (finishing is not closing) */
} LSegmenter;


/* Options shared by all entry points, read before any work starts. */
typedef struct SegOpts {
  const char *locale;
  GlInvalid invalid;
  int skip_none;
  int bounds;           /* segment: format "bounds" rather than "pairs" */
} SegOpts;


static int breakcache_gc(lua_State *L) {
  BreakCache *bc = (BreakCache *)luaL_checkudata(L, 1, BREAKCACHE_T);
  gl_segmenter_close(&bc->sg);
  gl_buf_free(&bc->ends);
  gl_buf_free(&bc->tags);
  gl_buf_free(&bc->keys);
  if (bc->spare) ubrk_close(bc->spare);
  if (bc->bi) ubrk_close(bc->bi);
  bc->spare = bc->bi = NULL;
  bc->closed = 1;
  return 0;
}


/* Template for (kind, locale), opened on first use and kept in the registry; pushed too. */
static BreakCache *get_template(lua_State *L, GlSegKind kind, const char *locale) {
  BreakCache *bc;
  UErrorCode status = U_ZERO_ERROR;
  if (lua_getfield(L, LUA_REGISTRYINDEX, GL_BREAKCACHE_KEY) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, GL_BREAKCACHE_KEY);
  }
  lua_pushfstring(L, "%s:%s", kind_names[kind], locale ? locale : "");
  if (lua_rawget(L, -2) == LUA_TUSERDATA) {
    bc = (BreakCache *)lua_touserdata(L, -1);
    lua_remove(L, -2);
    return bc;
  }
  lua_pop(L, 1);
  bc = (BreakCache *)lua_newuserdatauv(L, sizeof(BreakCache), 0);
  bc->bi = bc->spare = NULL;
  bc->closed = 0;
  gl_segmenter_init(&bc->sg);
  gl_buf_init(&bc->ends);
  gl_buf_init(&bc->tags);
  gl_buf_init(&bc->keys);
  luaL_setmetatable(L, BREAKCACHE_T);  /* closed state first, then ICU */
  bc->bi = gl_segment_open(kind, locale, &status);
  if (U_FAILURE(status)) {
    lua_pushfstring(L, "open %s break iterator", kind_names[kind]);
    lg_icuerror(L, lua_tostring(L, -1), status);
  }
  lua_pushfstring(L, "%s:%s", kind_names[kind], locale ? locale : "");
  lua_pushvalue(L, -2);
  lua_rawset(L, -4);
  lua_remove(L, -2);  /* the cache table anchors bc */
  return bc;
}


/*
** Read the optional locale at arg (a table there is taken as the options)
** and the options table after it: {invalid = "error"|"replace", skip_none = bool,
** format = "pairs"|"bounds"} (format: segment only, which passes bulk = 1).
*/
static void check_opts(lua_State *L, int arg, GlSegKind kind, int bulk, SegOpts *o) {
  static const char *const formats[] = {"pairs", "bounds", NULL};
  int optarg = arg;
  o->locale = NULL;
  o->skip_none = 0;
  o->bounds = 0;
  if (arg > 0 && lua_type(L, arg) != LUA_TTABLE) {
    size_t len;
    o->locale = luaL_optlstring(L, arg, NULL, &len);
    if (o->locale) {
      luaL_argcheck(L, strlen(o->locale) == len && len < ULOC_FULLNAME_CAPACITY, arg,
                    "invalid locale name");
    }
    optarg = arg + 1;
  }
  else if (arg < 0)
    optarg = -arg;  /* no locale argument: options follow the text */
  o->invalid = lg_optinvalid(L, optarg);
  if (lua_type(L, optarg) == LUA_TTABLE) {
    lua_getfield(L, optarg, "skip_none");
    o->skip_none = lua_toboolean(L, -1);
    lua_pop(L, 1);
    luaL_argcheck(L, !o->skip_none || kind == SegWord, optarg,
                  "option 'skip_none' applies to words only");
    if (bulk && lua_getfield(L, optarg, "format") != LUA_TNIL) {
      const char *f = lua_tostring(L, -1);
      int i;
      for (i = 0; formats[i] && (f == NULL || strcmp(f, formats[i]) != 0); i++) {}
      if (formats[i] == NULL)
        luaL_argerror(L, optarg, lua_pushfstring(L, "invalid option '%s' for 'format'",
                                                 f ? f : luaL_typename(L, -1)));
      o->bounds = i == 1;
      luaL_argcheck(L, !(o->bounds && o->skip_none), optarg,
                    "option 'skip_none' does not apply to format 'bounds'");
    }
    lua_pop(L, 1);
  }
}


static const char *check_text(lua_State *L, const SegOpts *o, size_t *n) {
  const char *s = luaL_checklstring(L, 1, n);
  if (*n > GL_SEGMENT_MAXINPUT)
    luaL_argerror(L, 1, lua_pushfstring(L, "string too long (limit is %I bytes)",
                                        (lua_Integer)GL_SEGMENT_MAXINPUT));
  /* with "replace", the UTF-8 UText reads each bad subpart as U+FFFD */
  if (o->invalid == GlInvalidError) lg_checkutf8(L, 1, s, *n);
  return s;
}


/* ====================================================================== */
/* Iterators                                                              */
/* ====================================================================== */

static void lsegmenter_release(LSegmenter *ls) {
  gl_segmenter_close(&ls->sg);
  if (ls->bi) {
    /* the template's own walker never reads the clone's text, so one spare is safe to keep */
    if (ls->bc && !ls->bc->closed && ls->bc->spare == NULL) ls->bc->spare = ls->bi;
    else ubrk_close(ls->bi);
  }
  ls->bi = NULL;
}


/* __gc and __close: safe on half-built, finished and closed objects */
static int segmenter_gc(lua_State *L) {
  LSegmenter *ls = (LSegmenter *)luaL_checkudata(L, 1, SEGMENTER_T);
  lsegmenter_release(ls);
  ls->closed = 1;
  return 0;
}


static int segmenter_tostring(lua_State *L) {
  LSegmenter *ls = (LSegmenter *)luaL_checkudata(L, 1, SEGMENTER_T);
  if (ls->closed)
    lua_pushliteral(L, SEGMENTER_T " (closed)");
  else if (ls->bi == NULL)
    lua_pushfstring(L, SEGMENTER_T " (%s, finished)", kind_names[ls->kind]);
  else
    lua_pushfstring(L, SEGMENTER_T " (%s, at byte %d)", kind_names[ls->kind],
                    (int)ls->sg.pos + 1);
  return 1;
}


/*
** step(segmenter) -> start, stop [, kind | hard]; nil at the end.
** Called once per segment, so it checks its argument against the metatable
** in its upvalue rather than by name in the registry (luaL_checkudata).
*/
static int segmenter_step(lua_State *L) {
  LSegmenter *ls = (LSegmenter *)lua_touserdata(L, 1);
  size_t a, b;
  GlSegTag tag;
  if (ls == NULL || !lua_getmetatable(L, 1) || !lua_rawequal(L, -1, lua_upvalueindex(META_UPVALUE)))
    return luaL_typeerror(L, 1, SEGMENTER_T);
  lua_pop(L, 1);
  if (ls->closed) return luaL_error(L, "attempt to use a closed " SEGMENTER_T);
  for (;;) {
    if (ls->bi == NULL || !gl_segment_next(&ls->sg, &a, &b, &tag)) {
      lsegmenter_release(ls);  /* free ICU memory as soon as the walk ends */
      lua_pushnil(L);
      return 1;
    }
    if (!(ls->skip_none && tag == TagNone)) break;
  }
  lua_pushinteger(L, (lua_Integer)a + 1);
  lua_pushinteger(L, (lua_Integer)b);
  switch (ls->kind) {
    case SegGrapheme: return 2;
    case SegLine: lua_pushboolean(L, tag == TagHard); return 3;
    default: lua_pushvalue(L, lua_upvalueindex((int)tag + 1)); return 3;
  }
}


/*
** Common body of the iterator constructors; locarg is the locale argument
** (negative: none, options at -locarg).  Returns step, segmenter, nil,
** segmenter (the last one closes the walk when a for loop is left early).
*/
static int new_iterator(lua_State *L, GlSegKind kind, int locarg) {
  SegOpts o;
  size_t n;
  const char *s;
  BreakCache *bc;
  LSegmenter *ls;
  UErrorCode status = U_ZERO_ERROR;
  check_opts(L, locarg, kind, 0, &o);
  s = check_text(L, &o, &n);
  lua_settop(L, 1);
  bc = get_template(L, kind, o.locale);  /* at 2 */
  lua_pushvalue(L, lua_upvalueindex(STEP_UPVALUE));
  ls = (LSegmenter *)lua_newuserdatauv(L, sizeof(LSegmenter), 2);
  gl_segmenter_init(&ls->sg);
  ls->bi = NULL;
  ls->bc = bc;
  ls->kind = kind;
  ls->skip_none = o.skip_none;
  ls->closed = 0;
  luaL_setmetatable(L, SEGMENTER_T);  /* closed state first, then ICU */
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, -2, 1);  /* keep the text alive while walking it */
  lua_pushvalue(L, 2);
  lua_setiuservalue(L, -2, 2);  /* and the template the clone goes back to */
  if (bc->spare) {  /* a finished iterator's clone: setUText below resets it */
    ls->bi = bc->spare;
    bc->spare = NULL;
  }
  else
    ls->bi = ubrk_clone(bc->bi, &status);
  if (U_FAILURE(status)) {
    ls->bi = NULL;
    return lg_icuerror(L, "clone break iterator", status);
  }
  gl_segmenter_start(&ls->sg, ls->bi, kind, s, n, &status);
  if (U_FAILURE(status)) return lg_icuerror(L, "set break iterator text", status);
  lua_pushnil(L);
  lua_pushvalue(L, -2);
  return 4;
}


/* graphemes(s [, opts]) -> iterator of start, stop (extended grapheme clusters) */
static int lg_graphemes(lua_State *L) {
  return new_iterator(L, SegGrapheme, -2);
}


/* words(s [, locale] [, opts]) -> iterator of start, stop, kind ("none" for spaces, punctuation) */
static int lg_words(lua_State *L) {
  return new_iterator(L, SegWord, 2);
}


/* sentences(s [, locale] [, opts]) -> iterator of start, stop, "term" | "sep" */
static int lg_sentences(lua_State *L) {
  return new_iterator(L, SegSentence, 2);
}


/* linebreaks(s [, locale] [, opts]) -> iterator of start, stop, hard (boolean) */
static int lg_linebreaks(lua_State *L) {
  return new_iterator(L, SegLine, 2);
}


/* ====================================================================== */
/* Bulk form                                                              */
/* ====================================================================== */

static void free_scratch(BreakCache *bc) {
  gl_buf_free(&bc->ends);
  gl_buf_free(&bc->tags);
  gl_buf_free(&bc->keys);
}


/*
** Walk bc's walker to the end of its text, leaving every segment end in
** bc->ends and, with want_tags, every tag in bc->tags.  Returns the number of
** segments.  No Lua code runs while it walks, so nothing else can touch the
** template; the scratch grows by doubling and is reused by the next call.
*/
static size_t collect(lua_State *L, BreakCache *bc, size_t n, int want_tags) {
  size_t count = 0, room, got;
  bc->ends.len = bc->tags.len = 0;
  room = n / 16 > FILL_MIN ? n / 16 : FILL_MIN;  /* a first guess; most words are longer */
  for (;;) {
    if (gl_buf_reserve(&bc->ends, room * sizeof(uint32_t)) != 0 ||
        (want_tags && gl_buf_reserve(&bc->tags, room) != 0)) {
      free_scratch(bc);
      luaL_error(L, "not enough memory");
    }
    room = (bc->ends.cap - bc->ends.len) / sizeof(uint32_t);
    if (want_tags && bc->tags.cap - bc->tags.len < room) room = bc->tags.cap - bc->tags.len;
    got = gl_segment_fill(&bc->sg, (uint32_t *)(void *)(bc->ends.p + bc->ends.len),
                          want_tags ? (unsigned char *)bc->tags.p + bc->tags.len : NULL, room);
    count += got;
    bc->ends.len += got * sizeof(uint32_t);
    bc->tags.len += want_tags ? got : 0;
    if (got < room) return count;
    room = count;  /* double */
  }
}


/*
** segment(s, kind [, locale] [, opts]) -> {start1, stop1, start2, stop2, ...} [, tags]
** tags (not for graphemes) has one entry per segment: the word kind, "term"/"sep"
** for sentences, or a boolean "hard" for lines.
** With opts.format = "bounds": {b1, b2, ..., bn+1} [, kinds], where segment k
** is s:sub(b[k], b[k+1] - 1), and kinds (not for graphemes) is a string with
** one byte per segment (tag_letters: "L" letter, "N" number, "I" ideo,
** "K" kana, "-" none; "T" term, "S" sep; "H" hard, "-" soft).
*/
static int lg_segment(lua_State *L) {
  SegOpts o;
  size_t n, count, k, kept;
  const char *s;
  GlSegKind kind = (GlSegKind)luaL_checkoption(L, 2, NULL, kind_names);
  BreakCache *bc;
  const uint32_t *ends;
  const unsigned char *tags;
  uint32_t start;
  int want_tags = kind != SegGrapheme;
  UErrorCode status = U_ZERO_ERROR;
  check_opts(L, 3, kind, 1, &o);
  s = check_text(L, &o, &n);
  lua_settop(L, 1);
  bc = get_template(L, kind, o.locale);
  lua_settop(L, 1);  /* s is anchored by the caller; the results go at 2 and 3 */
  gl_segmenter_start(&bc->sg, bc->bi, kind, s, n, &status);
  if (U_FAILURE(status)) return lg_icuerror(L, "set break iterator text", status);
  count = collect(L, bc, n, want_tags);
  if (count > (size_t)INT32_MAX / 2)
    return luaL_error(L, "too many segments (limit is %d)", (int)(INT32_MAX / 2));
  ends = (const uint32_t *)(const void *)bc->ends.p;
  tags = (const unsigned char *)bc->tags.p;
  if (o.bounds) {
    /* one integer per segment: its first byte; then #s + 1 */
    lua_createtable(L, (int)count + 1, 0);
    lua_pushinteger(L, 1);
    lua_rawseti(L, 2, 1);
    for (k = 0; k < count; k++) {
      lua_pushinteger(L, (lua_Integer)ends[k] + 1);
      lua_rawseti(L, 2, (lua_Integer)k + 2);
    }
    if (want_tags) {
      char *p = bc->tags.p;
      for (k = 0; k < count; k++) p[k] = tag_letters[(unsigned char)p[k]];
      lua_pushlstring(L, p, count);
    }
  }
  else {
    kept = count;
    if (o.skip_none) {
      for (k = 0, kept = 0; k < count; k++) kept += tags[k] != TagNone;
    }
    lua_createtable(L, (int)(2 * kept), 0);
    for (k = 0, kept = 0, start = 0; k < count; start = ends[k], k++) {
      if (o.skip_none && tags[k] == TagNone) continue;
      lua_pushinteger(L, (lua_Integer)start + 1);
      lua_rawseti(L, 2, (lua_Integer)(2 * kept + 1));
      lua_pushinteger(L, (lua_Integer)ends[k]);
      lua_rawseti(L, 2, (lua_Integer)(2 * kept + 2));
      kept++;
    }
    if (want_tags) {
      lua_createtable(L, (int)kept, 0);
      for (k = 0, kept = 0; k < count; k++) {
        if (o.skip_none && tags[k] == TagNone) continue;
        if (kind == SegLine) lua_pushboolean(L, tags[k] == TagHard);
        else tagname(L, tags[k]);
        lua_rawseti(L, 3, (lua_Integer)++kept);
      }
    }
  }
  if (bc->ends.cap > SCRATCH_KEEP) free_scratch(bc);
  return want_tags ? 2 : 1;
}


/*
** word_keys(s) -> starts, stops, keys, kinds: the words of s (the segments
** ICU tags letter, number, kana or ideographic; spaces and punctuation left
** out) as 1-based inclusive byte positions, each word's search-folded form
** (profile "search", as fold(w, "search") gives it) and a string with one
** letter per word ("L", "N", "K", "I").  One call where words() and fold()
** take one each per word (glean.entities walks every word of a document).
** Invalid UTF-8 is an error, as for words().  The folded form is built in
** the word template's own scratch, so an error in between leaks nothing.
*/
static int lg_word_keys(lua_State *L) {
  SegOpts o;
  size_t n, count, k, kept = 0;
  const char *s;
  BreakCache *bc;
  const uint32_t *ends;
  const unsigned char *tags;
  uint32_t start = 0;
  const FoldProfile *p;
  UErrorCode status = U_ZERO_ERROR;
  check_opts(L, -2, SegWord, 0, &o);
  s = check_text(L, &o, &n);
  p = gl_fold_profile_get("search", &status);
  if (p == NULL || U_FAILURE(status)) return lg_icuerror(L, "open fold profile 'search'", status);
  lua_settop(L, 1);
  bc = get_template(L, SegWord, NULL);                    /* 2: anchors bc */
  gl_segmenter_start(&bc->sg, bc->bi, SegWord, s, n, &status);
  if (U_FAILURE(status)) return lg_icuerror(L, "set break iterator text", status);
  count = collect(L, bc, n, 1);
  ends = (const uint32_t *)(const void *)bc->ends.p;
  tags = (const unsigned char *)bc->tags.p;
  for (k = 0; k < count; k++) if (tags[k] != TagNone) kept++;
  if (kept > (size_t)INT32_MAX) return luaL_error(L, "too many words");
  lua_createtable(L, (int)kept, 0);                        /* 3: starts */
  lua_createtable(L, (int)kept, 0);                        /* 4: stops */
  lua_createtable(L, (int)kept, 0);                        /* 5: keys */
  kept = 0;
  for (k = 0; k < count; start = ends[k], k++) {
    size_t bad = 0;
    if (tags[k] == TagNone) continue;
    kept++;
    lua_pushinteger(L, (lua_Integer)start + 1);
    lua_rawseti(L, 3, (lua_Integer)kept);
    lua_pushinteger(L, (lua_Integer)ends[k]);
    lua_rawseti(L, 4, (lua_Integer)kept);
    bc->keys.len = 0;
    if (gl_fold(p, s + start, ends[k] - start, GlInvalidError, &bc->keys, NULL, &bad, &status) != 0)
      return U_FAILURE(status) ? lg_icuerror(L, "fold a word", status) : luaL_error(L, "not enough memory");
    lua_pushlstring(L, bc->keys.p, bc->keys.len);
    lua_rawseti(L, 5, (lua_Integer)kept);
  }
  /* the kinds, written over the tags already read (one byte per kept word) */
  {
    char *out = bc->tags.p;
    size_t w = 0;
    for (k = 0; k < count; k++)
      if (tags[k] != TagNone) out[w++] = tag_letters[tags[k]];
    lua_pushlstring(L, out, w);                            /* 6: kinds */
  }
  if (bc->ends.cap > SCRATCH_KEEP) free_scratch(bc);
  return 4;
}


/*
** word_shapes(s, starts, stops, kinds) -> classes, caps, spaces: the shapes
** of word_keys' words (wordshape.h), after the caller narrowed some of them
** (starts and stops: 1-based inclusive bytes of each word of s; kinds:
** word_keys' string).  classes[k] is "cased", "uncased", "nospace" or
** "number"; caps[k] true when word k is cased and its first letter upper or
** title case, false when it is cased otherwise, nil when it is not cased;
** spaces[k] true when one space or no-break space is all between word k-1
** and word k (false for the first word).
*/
static int lg_word_shapes(lua_State *L) {
  size_t n, nk, k;
  const char *s = luaL_checklstring(L, 1, &n);
  const char *kinds;
  GlShaper *sh = (GlShaper *)lua_touserdata(L, lua_upvalueindex(5));
  lua_Integer prev = 0;
  UErrorCode status = U_ZERO_ERROR;
  luaL_checktype(L, 2, LUA_TTABLE);
  luaL_checktype(L, 3, LUA_TTABLE);
  kinds = luaL_checklstring(L, 4, &nk);
  luaL_argcheck(L, lua_rawlen(L, 2) == nk && lua_rawlen(L, 3) == nk, 4, "not one kind per word");
  luaL_argcheck(L, nk <= (size_t)INT32_MAX, 4, "too many words");
  if (sh->search == NULL) {
    gl_shaper_init(sh, &status);
    if (U_FAILURE(status)) {
      sh->search = NULL;
      return lg_icuerror(L, "open fold profiles 'search' and 'search-case'", status);
    }
  }
  lua_settop(L, 4);
  lua_createtable(L, (int)nk, 0);                          /* 5: classes */
  lua_createtable(L, (int)nk, 0);                          /* 6: caps */
  lua_createtable(L, (int)nk, 0);                          /* 7: spaces */
  for (k = 1; k <= nk; k++) {
    lua_Integer a, b;
    int isnum, cap;
    GlShapeClass cls;
    lua_rawgeti(L, 2, (lua_Integer)k);
    a = lua_tointegerx(L, -1, &isnum);
    if (!isnum) return luaL_argerror(L, 2, lua_pushfstring(L, "word %I: no integer start", (lua_Integer)k));
    lua_rawgeti(L, 3, (lua_Integer)k);
    b = lua_tointegerx(L, -1, &isnum);
    if (!isnum || a < 1 || b < a || (size_t)b > n)
      return luaL_argerror(L, 3, lua_pushfstring(L, "word %I: bytes %I..%I are not a word of the text",
                                                 (lua_Integer)k, a, b));
    lua_pop(L, 2);
    if (gl_word_shape(sh, s, n, (size_t)a - 1, kinds[k - 1] == 'N', &cls, &cap, &status) != 0) {
      if (status == U_INVALID_CHAR_FOUND)
        return luaL_argerror(L, 2, lua_pushfstring(L, "word %I: no character starts at byte %I", (lua_Integer)k, a));
      return U_FAILURE(status) ? lg_icuerror(L, "fold a letter", status) : luaL_error(L, "not enough memory");
    }
    lua_pushvalue(L, lua_upvalueindex((int)cls + 1));
    lua_rawseti(L, 5, (lua_Integer)k);
    if (cls == GlShapeCased) {
      lua_pushboolean(L, cap);
      lua_rawseti(L, 6, (lua_Integer)k);
    }
    lua_pushboolean(L, k > 1 && gl_one_space_gap(s, (size_t)prev, (size_t)a - 1));
    lua_rawseti(L, 7, (lua_Integer)k);
    prev = b;
  }
  return 3;
}


static int shaper_gc(lua_State *L) {
  GlShaper *sh = (GlShaper *)luaL_checkudata(L, 1, SHAPER_T);
  if (sh->search != NULL) gl_shaper_free(sh);
  sh->search = NULL;
  return 0;
}


static const luaL_Reg segment_funcs[] = {
  {"graphemes", lg_graphemes},
  {"words", lg_words},
  {"sentences", lg_sentences},
  {"linebreaks", lg_linebreaks},
  {"segment", lg_segment},
  {"word_keys", lg_word_keys},
  {NULL, NULL}
};


static const luaL_Reg segmenter_meta[] = {
  {"__gc", segmenter_gc},
  {"__close", segmenter_gc},
  {"__tostring", segmenter_tostring},
  {NULL, NULL}
};


static void push_tagnames(lua_State *L) {
  int k;
  for (k = 0; k < NTAGS; k++) lua_pushstring(L, tag_names[k]);
}


void lgopen_segment(lua_State *L) {
  luaL_newmetatable(L, SEGMENTER_T);
  luaL_setfuncs(L, segmenter_meta, 0);
  lua_pushliteral(L, "locked");
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);
  luaL_newmetatable(L, BREAKCACHE_T);
  lua_pushcfunction(L, breakcache_gc);
  lua_setfield(L, -2, "__gc");
  lua_pop(L, 1);
  push_tagnames(L);           /* upvalues 1..NTAGS */
  push_tagnames(L);
  luaL_getmetatable(L, SEGMENTER_T);  /* the step's META_UPVALUE */
  lua_pushcclosure(L, segmenter_step, NTAGS + 1);  /* upvalue STEP_UPVALUE */
  luaL_setfuncs(L, segment_funcs, NTAGS + 1);
  /* word_shapes: the class names (upvalues 1-4, by GlShapeClass) and its
     GlShaper (5), opened at the first call */
  lua_pushliteral(L, "number");
  lua_pushliteral(L, "cased");
  lua_pushliteral(L, "uncased");
  lua_pushliteral(L, "nospace");
  {
    GlShaper *sh = (GlShaper *)lua_newuserdatauv(L, sizeof(GlShaper), 0);
    memset(sh, 0, sizeof *sh);
    luaL_newmetatable(L, SHAPER_T);
    lua_pushcfunction(L, shaper_gc);
    lua_setfield(L, -2, "__gc");
    lua_setmetatable(L, -2);
  }
  lua_pushcclosure(L, lg_word_shapes, 5);
  lua_setfield(L, -2, "word_shapes");
}
