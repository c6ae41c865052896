/*
** l_fold.c -- Lua binding of search folding: glean.fold, glean.profile and
** the glean.OffsetMap / glean.FoldProfile userdata.
*/
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "fold.h"
#include "fold_spec.h"
#include "lgaux.h"
#include "lglean.h"

#define MAP_T "glean.OffsetMap"
#define PROFILE_T "glean.FoldProfile"

typedef struct LProfile {
  FoldProfile *p;   /* owned; NULL once closed */
} LProfile;


/* The profile at index arg: nil -> "search", a name, or a glean.FoldProfile. */
static const FoldProfile *checkprofile(lua_State *L, int arg) {
  UErrorCode st = U_ZERO_ERROR;
  const FoldProfile *p;
  if (lua_isnoneornil(L, arg)) p = gl_fold_profile_get("search", &st);
  else if (lua_type(L, arg) == LUA_TSTRING) {
    const char *name = lua_tostring(L, arg);
    p = gl_fold_profile_get(name, &st);
    if (st == U_ILLEGAL_ARGUMENT_ERROR)
      luaL_argerror(L, arg, lua_pushfstring(L, "unknown fold profile '%s'", name));
  }
  else {
    LProfile *lp = (LProfile *)luaL_checkudata(L, arg, PROFILE_T);
    if (lp->p == NULL) luaL_argerror(L, arg, "attempt to use a closed " PROFILE_T);
    p = lp->p;
  }
  if (p == NULL) lg_icuerror(L, "build fold profile", st);
  return p;
}


/*
** The scratch of glean.fold (its upvalue, one per Lua state): the folded
** bytes and the offset map are built here, then copied out, so a call makes
** one Lua string and at most one userdata and no malloc once the scratch
** has grown (per-line calls from Lua spent more time in malloc, free and
** the collector's finalizers than in folding).  gl_fold calls no Lua, so no
** other call can run while a fold is in the scratch; an error leaves only
** the scratch, owned by its userdata.
*/
#define FOLDSCRATCH_T "glean.FoldScratch"
#define GL_FOLD_KEEP ((size_t)1 << 20)   /* bigger scratch is given back after a call */

typedef struct FoldScratch {
  GlBuf out;
  OffsetMap map;
} FoldScratch;

static int foldscratch_gc(lua_State *L) {
  FoldScratch *sc = (FoldScratch *)luaL_checkudata(L, 1, FOLDSCRATCH_T);
  gl_buf_free(&sc->out);
  gl_map_free(&sc->map);
  return 0;
}

static void trimscratch(FoldScratch *sc) {
  if (sc->out.cap > GL_FOLD_KEEP) gl_buf_free(&sc->out);
  if (sc->map.cap * sizeof(MapSeg) > GL_FOLD_KEEP) gl_map_free(&sc->map);
}


/*
** A glean.OffsetMap: the map with its segments stored in the userdata
** itself (seg points at segs), so it needs no finalizer; its user value is
** the source string, which linear lookups read.
*/
typedef struct LMap {
  OffsetMap m;
  MapSeg segs[];
} LMap;


/*
** fold(s [, profile [, opts]]) -> folded, map  (upvalues: the scratch, the map metatable)
** opts.invalid = "error" | "replace"; opts.map = false skips the map.
*/
static int lg_fold(lua_State *L) {
  size_t n, bad = 0;
  const char *s = luaL_checklstring(L, 1, &n);
  const FoldProfile *p = checkprofile(L, 2);
  GlInvalid inv = lg_optinvalid(L, 3);
  FoldScratch *sc = (FoldScratch *)lua_touserdata(L, lua_upvalueindex(1));
  int want_map = 1;
  UErrorCode st = U_ZERO_ERROR;
  int rc;
  if (lua_type(L, 3) == LUA_TTABLE) {
    lua_getfield(L, 3, "map");
    want_map = lua_isnil(L, -1) || lua_toboolean(L, -1);
    lua_pop(L, 1);
  }
  sc->out.len = 0;
  rc = gl_fold(p, s, n, inv, &sc->out, want_map ? &sc->map : NULL, &bad, &st);
  if (rc != 0) {
    trimscratch(sc);
    if (rc == -1) {
      lua_pushfstring(L, "invalid UTF-8 at byte %I", (lua_Integer)bad + 1);
      return luaL_argerror(L, 1, lua_tostring(L, -1));
    }
    return lg_icuerror(L, "fold", st);
  }
  lua_settop(L, 1);
  lua_pushlstring(L, sc->out.p ? sc->out.p : "", sc->out.len);   /* 2 */
  if (want_map) {
    const OffsetMap *m = &sc->map;
    LMap *lm;
    if (m->nseg > (((size_t)-1) - sizeof(LMap)) / sizeof(MapSeg)) {
      trimscratch(sc);
      return luaL_error(L, "not enough memory");
    }
    lm = (LMap *)lua_newuserdatauv(L, sizeof(LMap) + m->nseg * sizeof(MapSeg), 1);   /* 3 */
    if (m->nseg) memcpy(lm->segs, m->seg, m->nseg * sizeof(MapSeg));
    lm->m.seg = lm->segs;
    lm->m.nseg = lm->m.cap = m->nseg;
    lm->m.outlen = m->outlen;
    lm->m.srclen = m->srclen;
    lm->m.src = s;
    lua_pushvalue(L, lua_upvalueindex(2));   /* MAP_T's metatable (no registry lookup per call) */
    lua_setmetatable(L, 3);
    lua_pushvalue(L, 1);
    lua_setiuservalue(L, 3, 1);   /* the map keeps its source alive */
  }
  trimscratch(sc);
  return want_map ? 2 : 1;
}


static OffsetMap *checkmap(lua_State *L) {
  return &((LMap *)luaL_checkudata(L, 1, MAP_T))->m;
}


static size_t checkpos(lua_State *L, const OffsetMap *m, int arg) {
  lua_Integer i = luaL_checkinteger(L, arg);
  luaL_argcheck(L, i >= 1 && (size_t)i <= m->outlen, arg, "position out of bounds");
  return (size_t)i - 1;
}


/* map:source(i) -> start, stop: original bytes that folded byte i came from */
static int map_source(lua_State *L) {
  OffsetMap *m = checkmap(L);
  size_t o = checkpos(L, m, 2), s, e;
  gl_map_source(m, o, &s, &e);
  lua_pushinteger(L, (lua_Integer)s + 1);
  lua_pushinteger(L, (lua_Integer)e);
  return 2;
}


/* map:span(i, j) -> start, stop: original span of folded bytes i..j */
static int map_span(lua_State *L) {
  OffsetMap *m = checkmap(L);
  size_t i = checkpos(L, m, 2), j = checkpos(L, m, 3), s, e;
  luaL_argcheck(L, i <= j, 3, "end before start");
  gl_map_span(m, i, j + 1, &s, &e);
  lua_pushinteger(L, (lua_Integer)s + 1);
  lua_pushinteger(L, (lua_Integer)e);
  return 2;
}


/* map:segments() -> number of stored segments (memory use is 12 bytes each) */
static int map_segments(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)checkmap(L)->nseg);
  return 1;
}


static int map_len(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)checkmap(L)->outlen);
  return 1;
}


/* __close: the map becomes empty (its memory is the userdata's own) */
static int map_close(lua_State *L) {
  OffsetMap *m = checkmap(L);
  m->nseg = 0;
  m->outlen = m->srclen = 0;
  return 0;
}


static int map_tostring(lua_State *L) {
  OffsetMap *m = checkmap(L);
  lua_pushfstring(L, MAP_T " (%I bytes -> %I bytes, %I segments)", (lua_Integer)m->outlen,
                  (lua_Integer)m->srclen, (lua_Integer)m->nseg);
  return 1;
}


/* Code point of a one-character string at index idx, or raise naming what. */
static int32_t onechar(lua_State *L, int idx, const char *what) {
  size_t n, len;
  const char *s = lua_tolstring(L, idx, &n);
  int32_t c;
  if (s == NULL || n == 0) luaL_error(L, "bad %s (a one-character string expected)", what);
  c = gl_utf8_decode((const uint8_t *)s, n, 0, &len);
  if (c < 0 || len != n)
    luaL_error(L, "bad %s '%s' (a single character expected)", what, s);
  return c;
}


/*
** profile{ base = "search" | "search-case" | profile, case = bool,
**          map = { ["ۃ"] = "ه", ... }, strip_marks = { "\u{0651}", ... } }
**   -> glean.FoldProfile
*/
static int lg_profile(lua_State *L) {
  LProfile *lp;
  const FoldProfile *base = NULL;
  FoldProfile *p;
  int casefold = 1;
  UErrorCode st = U_ZERO_ERROR;
  luaL_checktype(L, 1, LUA_TTABLE);
  lp = (LProfile *)lua_newuserdatauv(L, sizeof(LProfile), 0);   /* 2 */
  lp->p = NULL;
  luaL_setmetatable(L, PROFILE_T);
  lua_getfield(L, 1, "base");
  if (!lua_isnil(L, -1)) {
    base = checkprofile(L, lua_gettop(L));
    casefold = gl_fold_profile_casefold(base);
  }
  lua_pop(L, 1);
  lua_getfield(L, 1, "case");      /* case = true keeps case (like "search-case") */
  if (!lua_isnil(L, -1)) casefold = !lua_toboolean(L, -1);
  lua_pop(L, 1);
  lp->p = p = gl_fold_profile_new(base, casefold, &st);
  if (p == NULL) return lg_icuerror(L, "create fold profile", st);
  lua_getfield(L, 1, "map");
  if (!lua_isnil(L, -1)) {
    luaL_argcheck(L, lua_istable(L, -1), 1, "field 'map' must be a table");
    lua_pushnil(L);
    while (lua_next(L, -2)) {
      size_t tolen;
      const char *to;
      int32_t from = onechar(L, -2, "map key");
      int rc;
      if (lua_type(L, -1) != LUA_TSTRING)
        return luaL_error(L, "bad map value for '%s' (a string expected)", lua_tostring(L, -2));
      to = lua_tolstring(L, -1, &tolen);
      rc = gl_fold_profile_map(p, from, to, tolen);
      if (rc == -1) return luaL_error(L, "bad map value for '%s' (invalid UTF-8)", lua_tostring(L, -2));
      if (rc == -2) return luaL_error(L, "bad map value for '%s' (longer than 15 characters)", lua_tostring(L, -2));
      if (rc != 0) return luaL_error(L, "not enough memory");
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
  lua_getfield(L, 1, "strip_marks");
  if (!lua_isnil(L, -1)) {
    lua_Integer k, len;
    luaL_argcheck(L, lua_istable(L, -1), 1, "field 'strip_marks' must be a table");
    len = luaL_len(L, -1);
    for (k = 1; k <= len; k++) {
      lua_geti(L, -1, k);
      if (gl_fold_profile_strip(p, onechar(L, -1, "strip_marks entry")) != 0)
        return luaL_error(L, "not enough memory");
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
  gl_fold_profile_finish(p, &st);
  if (U_FAILURE(st)) return lg_icuerror(L, "build fold profile", st);
  return 1;
}


static int profile_gc(lua_State *L) {
  LProfile *lp = (LProfile *)luaL_checkudata(L, 1, PROFILE_T);
  gl_fold_profile_free(lp->p);
  lp->p = NULL;
  return 0;
}


static int profile_tostring(lua_State *L) {
  LProfile *lp = (LProfile *)luaL_checkudata(L, 1, PROFILE_T);
  if (lp->p == NULL) lua_pushliteral(L, PROFILE_T " (closed)");
  else lua_pushfstring(L, PROFILE_T " (%s)", gl_fold_profile_casefold(lp->p) ? "case-folding" : "case-keeping");
  return 1;
}


static const luaL_Reg map_methods[] = {
  {"source", map_source},
  {"span", map_span},
  {"segments", map_segments},
  {NULL, NULL}
};

static const luaL_Reg map_meta[] = {
  {"__index", NULL},   /* placeholder */
  {"__len", map_len},
  {"__close", map_close},
  {"__tostring", map_tostring},
  {NULL, NULL}
};

/* profile:spec() -> the canonical text form (stored in compiled gazetteers) */
static int profile_spec(lua_State *L) {
  LProfile *lp = (LProfile *)luaL_checkudata(L, 1, PROFILE_T);
  GlBuf *b;
  if (lp->p == NULL) return luaL_error(L, "attempt to use a closed " PROFILE_T);
  b = lg_newbuf(L);
  if (gl_fold_profile_spec(lp->p, b) != 0) return luaL_error(L, "not enough memory");
  lua_pushlstring(L, b->p, b->len);
  return 1;
}


static const luaL_Reg profile_methods[] = {
  {"spec", profile_spec},
  {NULL, NULL}
};

static const luaL_Reg profile_meta[] = {
  {"__gc", profile_gc},
  {"__close", profile_gc},
  {"__tostring", profile_tostring},
  {NULL, NULL}
};

static const luaL_Reg funcs[] = {
  {"profile", lg_profile},
  {NULL, NULL}
};


void lgopen_fold(lua_State *L) {
  luaL_newmetatable(L, MAP_T);
  luaL_setfuncs(L, map_meta, 0);
  luaL_newlib(L, map_methods);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  luaL_newmetatable(L, PROFILE_T);
  luaL_setfuncs(L, profile_meta, 0);
  luaL_newlib(L, profile_methods);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  luaL_setfuncs(L, funcs, 0);
  {
    FoldScratch *sc = (FoldScratch *)lua_newuserdatauv(L, sizeof(FoldScratch), 0);
    gl_buf_init(&sc->out);
    gl_map_init(&sc->map);
    luaL_newmetatable(L, FOLDSCRATCH_T);
    lua_pushcfunction(L, foldscratch_gc);
    lua_setfield(L, -2, "__gc");
    lua_setmetatable(L, -2);
    luaL_getmetatable(L, MAP_T);
    lua_pushcclosure(L, lg_fold, 2);
    lua_setfield(L, -2, "fold");
  }
}
