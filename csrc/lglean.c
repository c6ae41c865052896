/*
** lglean.c -- luaopen_glean_core: assembles the glean.core module from the
** binding files and holds the helpers they share.
*/
#include <string.h>

#include <lua.h>
#include <lauxlib.h>
#include <unicode/uchar.h>
#include <unicode/uversion.h>

#include "lglean.h"


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


/* version() -> glean version string */
static int lg_version(lua_State *L) {
  lua_pushliteral(L, GL_VERSION);
  return 1;
}


/* unicode_version() -> Unicode version ICU implements, icu version */
static int lg_unicode_version(lua_State *L) {
  UVersionInfo v;
  char buf[U_MAX_VERSION_STRING_LENGTH];
  u_getUnicodeVersion(v);
  u_versionToString(v, buf);
  lua_pushstring(L, buf);
  u_getVersion(v);
  u_versionToString(v, buf);
  lua_pushstring(L, buf);
  return 2;
}


static const luaL_Reg core_funcs[] = {
  {"version", lg_version},
  {"unicode_version", lg_unicode_version},
  {NULL, NULL}
};


int luaopen_glean_core(lua_State *L);

int luaopen_glean_core(lua_State *L) {
  luaL_newlib(L, core_funcs);
  /* each capability's binding file adds its functions here */
  gl_open_fold(L);
  gl_open_segment(L);
  gl_open_norm(L);
  gl_open_script(L);
  gl_open_calendar(L);
  gl_open_langid(L);
  gl_open_translit(L);
  gl_open_matcher(L);
  return 1;
}
