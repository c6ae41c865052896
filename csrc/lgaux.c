/*
** lgaux.c -- the helpers the Lua binding files share (see lgaux.h).
*/
#include <string.h>

#include <lua.h>
#include <lauxlib.h>
#include <unicode/utypes.h>

#include "lgaux.h"


void lg_checkutf8(lua_State *L, int arg, const char *s, size_t n) {
  size_t bad = gl_utf8_check(s, n);
  if (bad != (size_t)-1) {
    lua_pushfstring(L, "invalid UTF-8 at byte %I", (lua_Integer)bad + 1);
    luaL_argerror(L, arg, lua_tostring(L, -1));
  }
}


GlInvalid lg_optinvalid(lua_State *L, int arg) {
  static const char *const names[] = {"error", "replace", NULL};
  GlInvalid mode = GlInvalidError;
  if (lua_type(L, arg) == LUA_TTABLE) {
    lua_getfield(L, arg, "invalid");
    if (!lua_isnil(L, -1)) {
      const char *v = lua_tostring(L, -1);
      int i;
      for (i = 0; names[i] && (v == NULL || strcmp(v, names[i]) != 0); i++) {}
      if (names[i] == NULL)
        luaL_argerror(L, arg, lua_pushfstring(L, "invalid option '%s' for 'invalid'",
                                              v ? v : luaL_typename(L, -1)));
      mode = (GlInvalid)i;
    }
    lua_pop(L, 1);
  }
  else if (!lua_isnoneornil(L, arg))
    luaL_typeerror(L, arg, "table");
  return mode;
}


int lg_icuerror(lua_State *L, const char *what, UErrorCode status) {
  return luaL_error(L, "cannot %s (%s)", what, u_errorName(status));
}


#define SCRATCH_T "glean.Scratch"

static int scratch_gc(lua_State *L) {
  gl_buf_free((GlBuf *)luaL_checkudata(L, 1, SCRATCH_T));
  return 0;
}


GlBuf *lg_newbuf(lua_State *L) {
  GlBuf *b = (GlBuf *)lua_newuserdatauv(L, sizeof(GlBuf), 0);
  gl_buf_init(b);
  if (luaL_newmetatable(L, SCRATCH_T)) {
    lua_pushcfunction(L, scratch_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushcfunction(L, scratch_gc);
    lua_setfield(L, -2, "__close");
  }
  lua_setmetatable(L, -2);
  return b;
}


void *lg_stateobject(lua_State *L, const void *key, const char *tname, size_t size,
                     void (*init)(void *), lua_CFunction gc) {
  void *p;
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, key) == LUA_TUSERDATA) {
    p = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return p;
  }
  lua_pop(L, 1);
  p = lua_newuserdatauv(L, size, 0);
  init(p);                               /* consistent empty state before __gc */
  if (luaL_newmetatable(L, tname)) {
    lua_pushcfunction(L, gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  lua_rawsetp(L, LUA_REGISTRYINDEX, key);
  return p;
}
