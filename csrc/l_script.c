/*
** l_script.c -- Lua binding of script.c: glean.scripts, glean.script_runs.
*/
#include <lua.h>
#include <lauxlib.h>
#include <unicode/uscript.h>

#include "lgaux.h"
#include "lglean.h"
#include "script.h"

#define SCRIPTRUNS_T "glean.ScriptRuns"


static int scriptruns_gc(lua_State *L) {
  gl_buf_free((GlBuf *)luaL_checkudata(L, 1, SCRIPTRUNS_T));
  return 0;
}


/*
** Computes the runs of the string at index 1 (options at 2) into a new
** userdata that owns them, left on the stack top; returns the buffer.
*/
static GlBuf *computeruns(lua_State *L) {
  size_t n, pos = 0;
  const char *s = luaL_checklstring(L, 1, &n);
  GlInvalid inv = lg_optinvalid(L, 2);
  GlBuf *runs = (GlBuf *)lua_newuserdatauv(L, sizeof(GlBuf), 0);
  int r;
  gl_buf_init(runs);
  luaL_setmetatable(L, SCRIPTRUNS_T);
  r = gl_scripts(s, n, inv, runs, &pos);
  if (r == -2)
    luaL_argerror(L, 1, lua_pushfstring(L, "invalid UTF-8 at byte %I", (lua_Integer)pos + 1));
  else if (r != 0)
    luaL_error(L, "not enough memory");
  return runs;
}


static void pushcode(lua_State *L, UScriptCode sc) {
  const char *name = uscript_getShortName(sc);
  lua_pushstring(L, name ? name : "Zzzz");
}


/* scripts(s [, opts]) -> array of {start=, stop=, script="Deva"} (1-based inclusive bytes) */
static int lg_scripts(lua_State *L) {
  GlBuf *runs = computeruns(L);
  const GlScriptRun *r = (const GlScriptRun *)runs->p;
  size_t k, nr = runs->len / sizeof(GlScriptRun);
  lua_createtable(L, (int)nr, 0);
  for (k = 0; k < nr; k++) {
    lua_createtable(L, 0, 3);
    lua_pushinteger(L, (lua_Integer)r[k].start + 1);
    lua_setfield(L, -2, "start");
    lua_pushinteger(L, (lua_Integer)r[k].stop);
    lua_setfield(L, -2, "stop");
    pushcode(L, r[k].script);
    lua_setfield(L, -2, "script");
    lua_rawseti(L, -2, (lua_Integer)k + 1);
  }
  return 1;
}


/* iterator of script_runs: upvalues are the runs userdata and the next index */
static int script_runs_next(lua_State *L) {
  const GlBuf *runs = (const GlBuf *)lua_touserdata(L, lua_upvalueindex(1));
  lua_Integer k = lua_tointeger(L, lua_upvalueindex(2));
  const GlScriptRun *r;
  if ((size_t)k >= runs->len / sizeof(GlScriptRun)) return 0;
  r = (const GlScriptRun *)runs->p + k;
  lua_pushinteger(L, k + 1);
  lua_replace(L, lua_upvalueindex(2));
  lua_pushinteger(L, (lua_Integer)r->start + 1);
  lua_pushinteger(L, (lua_Integer)r->stop);
  pushcode(L, r->script);
  return 3;
}


/* script_runs(s [, opts]) -> iterator of start, stop, script */
static int lg_script_runs(lua_State *L) {
  computeruns(L);
  lua_pushinteger(L, 0);
  lua_pushcclosure(L, script_runs_next, 2);
  return 1;
}


static const luaL_Reg script_funcs[] = {
  {"scripts", lg_scripts},
  {"script_runs", lg_script_runs},
  {NULL, NULL}
};


void lgopen_script(lua_State *L) {
  if (luaL_newmetatable(L, SCRIPTRUNS_T)) {
    lua_pushcfunction(L, scriptruns_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_pop(L, 1);
  luaL_setfuncs(L, script_funcs, 0);
}
