/*
** fuzz_lua.h -- an embedded Lua 5.4 state for the harnesses that drive Lua
** modules (templates, rules, entities): glean's lua/ on package.path,
** glean.core linked in statically (package.preload) so its C code is
** instrumented.
**
** The product's own budgets are what stops a hostile input: the rule
** sandbox's instruction and memory budgets (lua/glean/sandbox.lua) and the
** template caps.  The harness's hook is therefore set through
** debug.sethook as a function value (a C function), which sandbox.run can
** save, chain for line events and restore -- a hook set with lua_sethook
** from C cannot be restored from Lua, so the sandbox stood aside and
** `while true do end` in a fuzzed pack hung the harness.  The harness keeps
** a backstop far above the product's budgets: an instruction count per
** input (counted only outside a sandbox run) and a memory cap of the whole
** state; reaching the instruction backstop is a finding (a product budget
** did not hold, or a stage is not linear), not a benign end.
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
#ifndef FUZZ_LUA_MEMLIMIT
#define FUZZ_LUA_MEMLIMIT ((size_t)1024 << 20)   /* whole state; the sandbox's budgets are lower */
#endif
#define FUZZ_LUA_STEP 1000                        /* instructions between two count events */

int luaopen_glean_core(lua_State *L);

static size_t fuzz_lua_used;
static long fuzz_lua_count;
static long fuzz_lua_budget;   /* set per input by the harness (fuzz_lua_call) */

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

/* The hook, called by the debug library as hook(event, line).  Level 1 is
   the function that was running, or, when sandbox.run chains this hook
   from its own, the sandbox's hook: the first Lua frame at the line given
   is the one covered. */
static int fuzz_lua_hook(lua_State *L) {
  const char *ev = lua_tostring(L, 1);
  if (ev != NULL && ev[0] == 'l') {
    lua_Debug ar;
    int line = (int)lua_tointeger(L, 2), level;
    size_t cur;
    for (level = 1; level <= 3; level++) {
      if (!lua_getstack(L, level, &ar) || !lua_getinfo(L, "Sl", &ar)) return 0;
      if (ar.currentline == line && strstr(ar.source, "sandbox.lua") == NULL) break;
    }
    if (level > 3) return 0;
    /* ar.source points into the chunk's name string, stable while the
       chunk lives (the modules live as long as the state) */
    cur = ((size_t)(uintptr_t)ar.source * 31u + (size_t)ar.currentline * 2654435761u)
          % FUZZ_LUA_COUNTERS;
    fuzz_lua_cov[(cur ^ fuzz_lua_prev) % FUZZ_LUA_COUNTERS]++;
    fuzz_lua_prev = cur >> 1;
    return 0;
  }
  fuzz_lua_count += FUZZ_LUA_STEP;
  if (fuzz_lua_count > fuzz_lua_budget)
    return luaL_error(L, "fuzz: harness instruction backstop (%d) exceeded", (int)fuzz_lua_budget);
  return 0;
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


/* Start the instruction backstop of one input: debug.sethook(hook, "l", STEP). */
static void fuzz_lua_arm(lua_State *L) {
  fuzz_lua_count = 0;
  fuzz_lua_prev = 0;
  lua_getglobal(L, "debug");
  lua_getfield(L, -1, "sethook");
  lua_pushcfunction(L, fuzz_lua_hook);
  lua_pushliteral(L, "l");
  lua_pushinteger(L, FUZZ_LUA_STEP);
  if (lua_pcall(L, 3, 0, 0) != LUA_OK) abort();
  lua_pop(L, 1);
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


/* The harness's state, opened with the driver chunk src run at the first
   input; pushes the driver (the per-input entry point) and returns the
   state.  Every harness's entry starts so. */
static lua_State *fuzz_lua_state;
static int fuzz_lua_driver_ref;

static lua_State *fuzz_lua_begin(const char *src, size_t len, const char *chunkname) {
  if (fuzz_lua_state == NULL) {
    fuzz_lua_state = fuzz_lua_open();
    fuzz_lua_driver_ref = fuzz_lua_driver(fuzz_lua_state, src, len, chunkname);
  }
  lua_rawgeti(fuzz_lua_state, LUA_REGISTRYINDEX, fuzz_lua_driver_ref);
  return fuzz_lua_state;
}


/* Call the driver (pushed first) with its nargs arguments under an
   instruction backstop of budget.  Running out of the state's memory is
   not a finding (a single huge allocation is refused by the allocator
   before any budget can see it); any other error is, the backstop's
   included. */
static void fuzz_lua_call(lua_State *L, int nargs, long budget, const char *what) {
  fuzz_lua_budget = budget;
  fuzz_lua_arm(L);
  if (lua_pcall(L, nargs, 0, 0) != LUA_OK) {
    const char *e = lua_tostring(L, -1);
    if (e == NULL || strstr(e, "not enough memory") == NULL) fuzz_lua_fail(L, what);
    lua_pop(L, 1);
  }
  fuzz_lua_disarm(L);
  lua_gc(L, LUA_GCCOLLECT);
}

#endif
