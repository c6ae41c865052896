/*
** l_segment.c -- Lua binding of segment.c: the iterators graphemes, words,
** sentences, linebreaks and the bulk form segment.
**
** Opening a break iterator loads and compiles rule data, so each
** (kind, locale) gets one template, cached in the registry table
** GL_BREAKCACHE_KEY as a glean.BreakCache userdata.  The bulk form walks
** the template itself (it never calls back into Lua while walking); each
** iterator walks its own ubrk_clone of the template.
*/
#include <string.h>

#include <lua.h>
#include <lauxlib.h>
#include <unicode/ubrk.h>
#include <unicode/uloc.h>

#include "lglean.h"
#include "segment.h"

#define SEGMENTER_T "glean.Segmenter"
#define BREAKCACHE_T "glean.BreakCache"
#define GL_BREAKCACHE_KEY "glean.segment.cache"

static const char *const kind_names[] = {"grapheme", "word", "sentence", "line", NULL};

/* Upvalues of every function here: the GlSegTag names, then the iterator step. */
static const char *const tag_names[] = {
  "none", "number", "letter", "kana", "ideo", "term", "sep", "soft", "hard"
};
#define NTAGS ((int)(sizeof(tag_names) / sizeof(tag_names[0])))
#define tagname(L, tag) lua_pushvalue(L, lua_upvalueindex((int)(tag) + 1))
#define STEP_UPVALUE (NTAGS + 1)


/*
** A cached template: the iterator for one (kind, locale), the bulk form's
** walker, and its scratch list of segments (owned here, so a Lua error while
** the result tables are built leaks nothing).
*/
typedef struct BreakCache {
  UBreakIterator *bi;
  Segmenter sg;
  GlBuf scratch;        /* SegRec[] of the last bulk call */
} BreakCache;


/* One segment found by the bulk form, 0-based half-open. */
typedef struct SegRec {
  uint32_t start, stop, tag;
} SegRec;

/* Scratch above this size is freed after each call rather than kept. */
#define SCRATCH_KEEP ((size_t)1 << 20)


/* Iterator state: owns a clone of the template; user value 1 anchors the text. */
typedef struct LSegmenter {
  Segmenter sg;
  UBreakIterator *bi;   /* owned clone; NULL once finished or closed */
  GlSegKind kind;
  int skip_none;        /* words: leave out segments tagged "none" */
  int closed;           /* closed by __close/__gc (finishing is not closing) */
} LSegmenter;


/* Options shared by all entry points, read before any work starts. */
typedef struct SegOpts {
  const char *locale;
  GlInvalid invalid;
  int skip_none;
} SegOpts;


static int breakcache_gc(lua_State *L) {
  BreakCache *bc = (BreakCache *)luaL_checkudata(L, 1, BREAKCACHE_T);
  gl_segmenter_close(&bc->sg);
  gl_buf_free(&bc->scratch);
  if (bc->bi) ubrk_close(bc->bi);
  bc->bi = NULL;
  return 0;
}


/* Template for (kind, locale), opened on first use and kept in the registry. */
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
    lua_pop(L, 2);
    return bc;
  }
  lua_pop(L, 1);
  bc = (BreakCache *)lua_newuserdatauv(L, sizeof(BreakCache), 0);
  bc->bi = NULL;
  gl_segmenter_init(&bc->sg);
  gl_buf_init(&bc->scratch);
  luaL_setmetatable(L, BREAKCACHE_T);  /* closed state first, then ICU */
  bc->bi = gl_segment_open(kind, locale, &status);
  if (U_FAILURE(status)) {
    lua_pushfstring(L, "open %s break iterator", kind_names[kind]);
    lg_icuerror(L, lua_tostring(L, -1), status);
  }
  lua_pushfstring(L, "%s:%s", kind_names[kind], locale ? locale : "");
  lua_pushvalue(L, -2);
  lua_rawset(L, -4);
  lua_pop(L, 2);  /* the cache table anchors bc */
  return bc;
}


/*
** Read the optional locale at arg (a table there is taken as the options)
** and the options table after it: {invalid = "error"|"replace", skip_none = bool}.
*/
static void check_opts(lua_State *L, int arg, GlSegKind kind, SegOpts *o) {
  int optarg = arg;
  o->locale = NULL;
  o->skip_none = 0;
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
  if (ls->bi) ubrk_close(ls->bi);
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


/* step(segmenter) -> start, stop [, kind | hard]; nil at the end */
static int segmenter_step(lua_State *L) {
  LSegmenter *ls = (LSegmenter *)luaL_checkudata(L, 1, SEGMENTER_T);
  size_t a, b;
  GlSegTag tag;
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
  check_opts(L, locarg, kind, &o);
  s = check_text(L, &o, &n);
  bc = get_template(L, kind, o.locale);
  lua_pushvalue(L, lua_upvalueindex(STEP_UPVALUE));
  ls = (LSegmenter *)lua_newuserdatauv(L, sizeof(LSegmenter), 1);
  gl_segmenter_init(&ls->sg);
  ls->bi = NULL;
  ls->kind = kind;
  ls->skip_none = o.skip_none;
  ls->closed = 0;
  luaL_setmetatable(L, SEGMENTER_T);  /* closed state first, then ICU */
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, -2, 1);  /* keep the text alive while walking it */
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

/*
** segment(s, kind [, locale] [, opts]) -> {start1, stop1, start2, stop2, ...} [, tags]
** tags (not for graphemes) has one entry per segment: the word kind, "term"/"sep"
** for sentences, or a boolean "hard" for lines.
*/
static int lg_segment(lua_State *L) {
  SegOpts o;
  size_t n, a, b, count, k;
  const char *s;
  GlSegKind kind = (GlSegKind)luaL_checkoption(L, 2, NULL, kind_names);
  BreakCache *bc;
  GlSegTag tag;
  const SegRec *rec;
  UErrorCode status = U_ZERO_ERROR;
  check_opts(L, 3, kind, &o);
  s = check_text(L, &o, &n);
  bc = get_template(L, kind, o.locale);
  lua_settop(L, 1);  /* anchors s; the result tables go at 2 and 3 */
  gl_segmenter_start(&bc->sg, bc->bi, kind, s, n, &status);
  if (U_FAILURE(status)) return lg_icuerror(L, "set break iterator text", status);
  /*
  ** First collect the segments in C, then build tables of the exact size:
  ** growing a Lua array one rawseti at a time costs more than ICU itself.
  ** No Lua code runs in this loop, so nothing else can touch the template.
  */
  bc->scratch.len = 0;
  while (gl_segment_next(&bc->sg, &a, &b, &tag)) {
    SegRec r;
    if (o.skip_none && tag == TagNone) continue;
    r.start = (uint32_t)a;
    r.stop = (uint32_t)b;
    r.tag = (uint32_t)tag;
    if (gl_buf_add(&bc->scratch, &r, sizeof r) != 0) {
      gl_buf_free(&bc->scratch);
      return luaL_error(L, "not enough memory");
    }
  }
  count = bc->scratch.len / sizeof(SegRec);
  if (count > (size_t)INT32_MAX / 2)
    return luaL_error(L, "too many segments (limit is %d)", (int)(INT32_MAX / 2));
  rec = (const SegRec *)(const void *)bc->scratch.p;
  lua_createtable(L, (int)(2 * count), 0);
  for (k = 0; k < count; k++) {
    lua_pushinteger(L, (lua_Integer)rec[k].start + 1);
    lua_rawseti(L, 2, (lua_Integer)(2 * k + 1));
    lua_pushinteger(L, (lua_Integer)rec[k].stop);
    lua_rawseti(L, 2, (lua_Integer)(2 * k + 2));
  }
  if (kind != SegGrapheme) {
    lua_createtable(L, (int)count, 0);
    for (k = 0; k < count; k++) {
      if (kind == SegLine) lua_pushboolean(L, rec[k].tag == TagHard);
      else tagname(L, rec[k].tag);
      lua_rawseti(L, 3, (lua_Integer)(k + 1));
    }
  }
  if (bc->scratch.cap > SCRATCH_KEEP) gl_buf_free(&bc->scratch);
  return kind != SegGrapheme ? 2 : 1;
}


static const luaL_Reg segment_funcs[] = {
  {"graphemes", lg_graphemes},
  {"words", lg_words},
  {"sentences", lg_sentences},
  {"linebreaks", lg_linebreaks},
  {"segment", lg_segment},
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


void gl_open_segment(lua_State *L) {
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
  lua_pushcclosure(L, segmenter_step, NTAGS);  /* upvalue STEP_UPVALUE */
  luaL_setfuncs(L, segment_funcs, NTAGS + 1);
}
