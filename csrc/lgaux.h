/*
** lgaux.h -- the helpers every Lua binding file (l_*.c) shares, as Lua's
** lauxlib is to its libraries: argument checks, ICU errors, GC-owned
** buffers and per-state objects.  The bottom of the binding: it depends on
** the core's glean.h alone, and no binding file depends on another.
*/
#ifndef LGAUX_H
#define LGAUX_H

#include <lua.h>
#include <lauxlib.h>
#include <unicode/utypes.h>

#include "glean.h"

/*
** Raise "bad argument #arg to 'fname' (invalid UTF-8 at byte N)" where N is
** the 1-based offset of the first bad byte, when s is not valid UTF-8.
*/
void lg_checkutf8(lua_State *L, int arg, const char *s, size_t n);

/* Read opts.invalid ("error" or "replace") from the table at index arg (may be absent). */
GlInvalid lg_optinvalid(lua_State *L, int arg);

/* Raise "cannot <what> (<ICU error name>)". */
int lg_icuerror(lua_State *L, const char *what, UErrorCode status);

/*
** Push a userdata owning a GlBuf and return the buffer.  Its __gc/__close
** frees the memory, so a Lua error raised while the buffer is live (e.g. out
** of memory in lua_pushlstring) never leaks it.
*/
GlBuf *lg_newbuf(lua_State *L);

/*
** The Lua state's one object of type tname (a models handle, a cache),
** pushing nothing: a full userdata of size bytes kept in the registry under
** the light-userdata key `key` (the address of a static of the caller), as
** loadlib.c keeps its C libraries.  On first use it is created, set to a
** consistent empty state by init and given the metatable tname, whose __gc
** is gc; registry[tname] stays that metatable, so gc may check its argument
** with luaL_checkudata(L, 1, tname).
*/
void *lg_stateobject(lua_State *L, const void *key, const char *tname, size_t size,
                     void (*init)(void *), lua_CFunction gc);

#endif
