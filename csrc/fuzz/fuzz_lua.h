/*
** fuzz_lua.h -- an embedded Lua 5.4 state for the harnesses that drive Lua
** modules (templates, rules): glean's lua/ on package.path, glean.core
** linked in statically (package.preload) so its C code is instrumented,
** memory capped at FUZZ_LUA_MEMLIMIT and an instruction budget per call so
** `while true do end` or string.rep(s, 1e12) in a fuzzed rule file ends as a
** Lua error instead of a hang or an out-of-memory kill.
*/
#ifndef FUZZ_LUA_H
#define FUZZ_LUA_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

#ifndef GLEAN_SRCDIR
#define GLEAN_SRCDIR "."
#endif
#define FUZZ_LUA_MEMLIMIT ((size_t)256 << 20)
#define FUZZ_LUA_BUDGET 2000000   /* VM instructions per input */

int luaopen_glean_core(lua_State *L);

static size_t fuzz_lua_used;
static long fuzz_lua_count;

static void *fuzz_lua_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  (void)ud;
  if (ptr == NULL) osize = 0;
  if (nsize == 0) { free(ptr); fuzz_lua_used -= osize; return NULL; }
  if (nsize > osize && fuzz_lua_used + (nsize - osize) > FUZZ_LUA_MEMLIMIT) return NULL;
  ptr = realloc(ptr, nsize);
  if (ptr != NULL) fuzz_lua_used = fuzz_lua_used - osize + nsize;
  return ptr;
}


/* Coverage of the Lua code: libFuzzer instruments only C, so the modules
   these harnesses exist for (template.lua, rules.lua) were invisible to it
   (fuzz_template ran 10 minutes at 12 covered edges).  A line hook counts
   edges between (chunk, line) pairs, AFL style, in libFuzzer's extra
   counters, so inputs reaching new Lua lines are kept and mutated. */
#define FUZZ_LUA_COUNTERS 65536
__attribute__((section("__libfuzzer_extra_counters"), used))
static uint8_t fuzz_lua_cov[FUZZ_LUA_COUNTERS];
static size_t fuzz_lua_prev;

static void fuzz_lua_hook(lua_State *L, lua_Debug *ar) {
  if (ar->event == LUA_HOOKLINE) {
    size_t cur;
    if (!lua_getinfo(L, "S", ar)) return;
    /* ar->source points into the chunk's name string, stable while the
       chunk lives (the modules live as long as the state) */
    cur = ((size_t)(uintptr_t)ar->source * 31u + (size_t)ar->currentline * 2654435761u)
          % FUZZ_LUA_COUNTERS;
    fuzz_lua_cov[(cur ^ fuzz_lua_prev) % FUZZ_LUA_COUNTERS]++;
    fuzz_lua_prev = cur >> 1;
    return;
  }
  fuzz_lua_count += 1000;
  if (fuzz_lua_count > FUZZ_LUA_BUDGET) luaL_error(L, "fuzz: instruction budget exceeded");
}


/* A state with glean's modules reachable; aborts if setting up fails. */
static lua_State *fuzz_lua_open(void) {
  lua_State *L = lua_newstate(fuzz_lua_alloc, NULL);
  if (L == NULL) abort();
  luaL_openlibs(L);
  if (luaL_dostring(L,
        "package.path = '" GLEAN_SRCDIR "/lua/?.lua;" GLEAN_SRCDIR "/lua/?/init.lua;' .. package.path"))
    abort();
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  lua_pushcfunction(L, luaopen_glean_core);
  lua_setfield(L, -2, "glean.core");
  lua_pop(L, 1);
  return L;
}


/* Start the instruction budget of one input. */
static void fuzz_lua_arm(lua_State *L) {
  fuzz_lua_count = 0;
  fuzz_lua_prev = 0;
  lua_sethook(L, fuzz_lua_hook, LUA_MASKCOUNT | LUA_MASKLINE, 1000);
}


static void fuzz_lua_disarm(lua_State *L) {
  lua_sethook(L, NULL, 0, 0);
}


/* Abort (a finding) with the Lua error on top of the stack. */
static void fuzz_lua_fail(lua_State *L, const char *what) {
  fprintf(stderr, "%s: %s\n", what, lua_tostring(L, -1) ? lua_tostring(L, -1) : "(non-string error)");
  abort();
}


/* Run the driver chunk src once; returns a registry reference to the
   function it returns (the per-input entry point). */
static int fuzz_lua_driver(lua_State *L, const char *src, size_t len, const char *chunkname) {
  if (luaL_loadbuffer(L, src, len, chunkname) != LUA_OK || lua_pcall(L, 0, 1, 0) != LUA_OK)
    fuzz_lua_fail(L, "driver");
  return luaL_ref(L, LUA_REGISTRYINDEX);
}


/* Call the driver (pushed first) with its nargs arguments under the
   instruction budget.  Running out of budget or memory is not a finding;
   any other error is. */
static void fuzz_lua_call(lua_State *L, int nargs, const char *what) {
  fuzz_lua_arm(L);
  if (lua_pcall(L, nargs, 0, 0) != LUA_OK) {
    const char *e = lua_tostring(L, -1);
    if (e == NULL || (strstr(e, "fuzz: instruction budget") == NULL &&
                      strstr(e, "not enough memory") == NULL))
      fuzz_lua_fail(L, what);
    lua_pop(L, 1);
  }
  fuzz_lua_disarm(L);
  lua_gc(L, LUA_GCCOLLECT);
}

#endif
