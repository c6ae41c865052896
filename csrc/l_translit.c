/*
** l_translit.c -- Lua binding of translit.c: glean.transliterate,
** glean.skeleton, glean.confusable.
**
** Each Lua state keeps, in the registry (lg_stateobject), one
** "glean.TranslitCache" (the compiled transliterators, at most
** GL_TRANSLIT_CACHE) and one "glean.SpoofChecker"; both are created on
** first use and closed by __gc.
** Transliterators are not thread-safe; a Lua state runs on one thread at a
** time, so a per-state cache never shares one between threads.
*/
#include <limits.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>
#include <unicode/ustring.h>

#include "lgaux.h"
#include "lglean.h"
#include "translit.h"

#define TRANSLITCACHE_T "glean.TranslitCache"
#define SPOOF_T "glean.SpoofChecker"

typedef struct SpoofBox {
  USpoofChecker *sc;
} SpoofBox;


static int translitcache_gc(lua_State *L) {
  gl_translit_cache_free((GlTranslitCache *)luaL_checkudata(L, 1, TRANSLITCACHE_T));
  return 0;
}


static int spoof_gc(lua_State *L) {
  SpoofBox *box = (SpoofBox *)luaL_checkudata(L, 1, SPOOF_T);
  if (box->sc) uspoof_close(box->sc);
  box->sc = NULL;
  return 0;
}


/* Their addresses: the registry keys of the state's cache and spoof checker. */
static const char TRANSLITCACHE_KEY = 0, SPOOF_KEY = 0;


static void initcache(void *p) {
  gl_translit_cache_init((GlTranslitCache *)p);
}


static void initspoof(void *p) {
  ((SpoofBox *)p)->sc = NULL;
}


/* Push a new UTF-16 scratch buffer of cap units (freed by the GC). */
static UChar *newubuf(lua_State *L, int32_t cap) {
  return (UChar *)lua_newuserdatauv(L, (size_t)cap * sizeof(UChar), 0);
}


/* Push the UTF-8 form of u[0..len). */
static void pushutf16(lua_State *L, const UChar *u, int32_t len) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = 0;
  luaL_Buffer b;
  char *out;
  u_strToUTF8(NULL, 0, &n, u, len, &status);           /* preflight */
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
    lg_icuerror(L, "convert to UTF-8", status);
  status = U_ZERO_ERROR;
  out = luaL_buffinitsize(L, &b, (size_t)n + 1);
  u_strToUTF8(out, n + 1, &n, u, len, &status);
  if (U_FAILURE(status)) lg_icuerror(L, "convert to UTF-8", status);
  luaL_pushresultsize(&b, (size_t)n);
}


/* transliterate(s, id [, opts]) -> string
   opts.reverse: apply the transform in reverse (UTRANS_REVERSE) */
static int lg_transliterate(lua_State *L) {
  size_t n, idn;
  const char *s = luaL_checklstring(L, 1, &n);
  const char *id = luaL_checklstring(L, 2, &idn);
  int reverse = 0;
  GlTranslitCache *cache;
  UTransliterator *t;
  UErrorCode status = U_ZERO_ERROR;
  UChar *src, *work;
  int32_t srclen = 0, len, cap;
  if (!lua_isnoneornil(L, 3)) {
    luaL_checktype(L, 3, LUA_TTABLE);
    lua_getfield(L, 3, "reverse");
    reverse = lua_toboolean(L, -1);
    lua_pop(L, 1);
  }
  if (idn > GL_TRANSLIT_MAXID)
    return luaL_argerror(L, 2, lua_pushfstring(L, "transform id too long (limit is %d bytes)",
                                               GL_TRANSLIT_MAXID));
  lg_checkutf8(L, 1, s, n);
  luaL_argcheck(L, n <= (size_t)INT32_MAX / 2, 1, "string too long");
  cache = (GlTranslitCache *)lg_stateobject(L, &TRANSLITCACHE_KEY, TRANSLITCACHE_T,
                                            sizeof(GlTranslitCache),
                                            initcache, translitcache_gc);
  t = gl_translit_get(cache, id, idn, reverse, &status);
  if (t == NULL) {
    if (status == U_INVALID_ID || status == U_ILLEGAL_ARGUMENT_ERROR)
      return luaL_argerror(L, 2, lua_pushfstring(L, "unknown transform '%s' (%s)", id,
                                                 u_errorName(status)));
    return lg_icuerror(L, "compile transform", status);
  }
  /* the input as UTF-16 (at most n units), kept for retries */
  src = newubuf(L, (int32_t)n + 1);
  u_strFromUTF8(src, (int32_t)n + 1, &srclen, s, (int32_t)n, &status);
  if (U_FAILURE(status)) return lg_icuerror(L, "convert from UTF-8", status);
  /* most transforms grow text by less than 2x; on overflow ICU reports the
     length needed and we retry once more from the saved input */
  cap = srclen * 2 + 16;
  for (;;) {
    work = newubuf(L, cap);
    memcpy(work, src, (size_t)srclen * sizeof(UChar));
    len = srclen;
    status = U_ZERO_ERROR;
    gl_translit_apply(t, work, &len, cap, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
    luaL_argcheck(L, len < INT32_MAX - 16 && len >= cap, 1, "transformed string too long");
    lua_pop(L, 1);                       /* the too-small buffer */
    cap = len + 16;
  }
  if (U_FAILURE(status)) return lg_icuerror(L, "transliterate", status);
  pushutf16(L, work, len);
  return 1;
}


/* The state's spoof checker, opened on first use. */
static USpoofChecker *getspoof(lua_State *L) {
  SpoofBox *box = (SpoofBox *)lg_stateobject(L, &SPOOF_KEY, SPOOF_T, sizeof(SpoofBox),
                                             initspoof, spoof_gc);
  if (box->sc == NULL) {
    UErrorCode status = U_ZERO_ERROR;
    box->sc = gl_spoof_open(&status);
    if (U_FAILURE(status)) {
      if (box->sc) uspoof_close(box->sc);
      box->sc = NULL;
      lg_icuerror(L, "open spoof checker", status);
    }
  }
  return box->sc;
}


/* Push the skeleton of the string argument arg. */
static void pushskeleton(lua_State *L, const USpoofChecker *sc, int arg) {
  size_t n;
  const char *s = lua_tolstring(L, arg, &n);
  UErrorCode status = U_ZERO_ERROR;
  int32_t len;
  luaL_Buffer b;
  char *out;
  len = gl_skeleton(sc, s, (int32_t)n, NULL, 0, &status);   /* preflight */
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
    lg_icuerror(L, "compute skeleton", status);
  status = U_ZERO_ERROR;
  out = luaL_buffinitsize(L, &b, (size_t)len + 1);
  len = gl_skeleton(sc, s, (int32_t)n, out, len + 1, &status);
  if (U_FAILURE(status)) lg_icuerror(L, "compute skeleton", status);
  luaL_pushresultsize(&b, (size_t)len);
}


static void checktext(lua_State *L, int arg) {
  size_t n;
  (void)luaL_checklstring(L, arg, &n);
  luaL_argcheck(L, n <= (size_t)INT32_MAX / 4, arg, "string too long");
}


/* skeleton(s) -> UTS #39 confusable skeleton of s */
static int lg_skeleton(lua_State *L) {
  size_t n;
  const char *s;
  checktext(L, 1);
  s = lua_tolstring(L, 1, &n);
  lg_checkutf8(L, 1, s, n);
  pushskeleton(L, getspoof(L), 1);
  return 1;
}


/* confusable(a, b) -> true when a and b have the same skeleton */
static int lg_confusable(lua_State *L) {
  size_t na, nb;
  const char *a, *b;
  const USpoofChecker *sc;
  checktext(L, 1);
  checktext(L, 2);
  a = lua_tolstring(L, 1, &na);
  b = lua_tolstring(L, 2, &nb);
  lg_checkutf8(L, 1, a, na);
  lg_checkutf8(L, 2, b, nb);
  sc = getspoof(L);
  pushskeleton(L, sc, 1);
  pushskeleton(L, sc, 2);
  lua_pushboolean(L, lua_rawequal(L, -1, -2));
  return 1;
}


static const luaL_Reg translit_funcs[] = {
  {"transliterate", lg_transliterate},
  {"skeleton", lg_skeleton},
  {"confusable", lg_confusable},
  {NULL, NULL}
};


void lgopen_translit(lua_State *L) {
  luaL_setfuncs(L, translit_funcs, 0);
}
