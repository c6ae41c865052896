/*
** l_norm.c -- Lua binding of norm.c: glean.normalize, glean.is_normalized.
*/
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "lgaux.h"
#include "lglean.h"
#include "norm.h"

#define NORMSCRATCH_T "glean.NormScratch"

/* Scratch memory kept between calls is released when it grows beyond this. */
#define GL_NORM_KEEP ((size_t)1 << 20)

static const char *const form_names[] = {"NFC", "NFD", "NFKC", "NFKD", "NFKC_CF", NULL};


static int normscratch_gc(lua_State *L) {
  gl_norm_scratch_free((GlNormScratch *)luaL_checkudata(L, 1, NORMSCRATCH_T));
  return 0;
}


/* The scratch shared by the functions below lives in their first upvalue. */
static GlNormScratch *getscratch(lua_State *L) {
  return (GlNormScratch *)lua_touserdata(L, lua_upvalueindex(1));
}


/* Give back big buffers; keeps small ones for the next call. */
static void trimscratch(GlNormScratch *sc) {
  if (sc->out.cap > GL_NORM_KEEP || sc->srccap > GL_NORM_KEEP || sc->dstcap > GL_NORM_KEEP)
    gl_norm_scratch_free(sc);
}


/* Turns a failed gl_normalize into a Lua error (never returns). */
static int normerror(lua_State *L, GlNormStatus st, size_t pos, UErrorCode status) {
  trimscratch(getscratch(L));
  switch (st) {
    case GlNormBadUTF8:
      return luaL_argerror(L, 1, lua_pushfstring(L, "invalid UTF-8 at byte %I",
                                                 (lua_Integer)pos + 1));
    case GlNormNoMem: return luaL_error(L, "not enough memory");
    case GlNormTooLong:
      return luaL_error(L, "input too long to normalize (limit is %I bytes)",
                        (lua_Integer)GL_MAXINPUT);
    default: return lg_icuerror(L, "normalize", status);
  }
}


/* normalize(s [, form [, opts]]) -> s in normal form (the same string when already normalized) */
static int lg_normalize(lua_State *L) {
  size_t n, pos = 0;
  const char *s = luaL_checklstring(L, 1, &n);
  GlNormForm form = (GlNormForm)luaL_checkoption(L, 2, "NFC", form_names);
  GlInvalid inv = lg_optinvalid(L, 3);
  GlNormScratch *sc = getscratch(L);
  UErrorCode status = U_ZERO_ERROR;
  GlNormStatus st = gl_normalize(form, s, n, inv, sc, &pos, &status);
  if (st == GlNormSame) lua_pushvalue(L, 1);
  else if (st == GlNormDone) lua_pushlstring(L, sc->out.p, sc->out.len);
  else return normerror(L, st, pos, status);
  trimscratch(sc);
  return 1;
}


/* is_normalized(s [, form]) -> boolean; nil, byte of the first invalid UTF-8 */
static int lg_is_normalized(lua_State *L) {
  size_t n, pos = 0;
  const char *s = luaL_checklstring(L, 1, &n);
  GlNormForm form = (GlNormForm)luaL_checkoption(L, 2, "NFC", form_names);
  int q = gl_norm_quickcheck(form, s, n, &pos);
  if (q == -2) {
    lua_pushnil(L);
    lua_pushinteger(L, (lua_Integer)pos + 1);
    return 2;
  }
  if (q == -1) {   /* MAYBE: decide by normalizing (UAX #15 section 9) */
    GlNormScratch *sc = getscratch(L);
    UErrorCode status = U_ZERO_ERROR;
    GlNormStatus st = gl_normalize(form, s, n, GlInvalidError, sc, &pos, &status);
    if (st == GlNormSame) q = 1;
    else if (st == GlNormDone) q = (sc->out.len == n && memcmp(sc->out.p, s, n) == 0);
    else return normerror(L, st, pos, status);
    trimscratch(sc);
  }
  lua_pushboolean(L, q);
  return 1;
}


/* _norm_audit(form) -> number of code points where the UTF-8 quick check disagrees with ICU, first one */
static int lg__norm_audit(lua_State *L) {
  GlNormForm form = (GlNormForm)luaL_checkoption(L, 1, "NFC", form_names);
  UErrorCode status = U_ZERO_ERROR;
  UChar32 first;
  long bad = gl_norm_audit(form, &first, &status);
  if (U_FAILURE(status)) return lg_icuerror(L, "audit normalizer", status);
  lua_pushinteger(L, bad);
  if (first < 0) lua_pushnil(L);
  else lua_pushinteger(L, first);
  return 2;
}


static const luaL_Reg norm_funcs[] = {
  {"normalize", lg_normalize},
  {"is_normalized", lg_is_normalized},
  {"_norm_audit", lg__norm_audit},
  {NULL, NULL}
};


void lgopen_norm(lua_State *L) {
  GlNormScratch *sc = (GlNormScratch *)lua_newuserdatauv(L, sizeof(GlNormScratch), 0);
  gl_norm_scratch_init(sc);
  if (luaL_newmetatable(L, NORMSCRATCH_T)) {
    lua_pushcfunction(L, normscratch_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  luaL_setfuncs(L, norm_funcs, 1);   /* the scratch is every function's upvalue */
}
