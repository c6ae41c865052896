/*
** lglean.c -- luaopen_glean_core: the glean.core module, assembled from the
** binding files' openers (as linit.c assembles Lua's libraries), with the
** module's version functions.  What the binding files share is lgaux.c.
*/
#include <lua.h>
#include <lauxlib.h>
#include <unicode/uchar.h>
#include <unicode/uversion.h>

#include "glean_embed.h"
#include "lglean.h"


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


int luaopen_glean_core(lua_State *L) {
  luaL_newlib(L, core_funcs);
  /* each binding file, in turn, adds its functions to the module */
  lgopen_fold(L);
  lgopen_segment(L);
  lgopen_norm(L);
  lgopen_script(L);
  lgopen_calendar(L);
  lgopen_langid(L);
  lgopen_translit(L);
  lgopen_matcher(L);
  lgopen_sys(L);
  lgopen_json(L);
  return 1;
}
