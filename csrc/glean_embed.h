/*
** glean_embed.h -- the C API for programs that embed Lua 5.4 and glean
** (link libglean.a; flags from `pkg-config --cflags --libs --static glean`).
** See README "Embedding glean in C programs" and examples/embed/.
**
**   lua_State *L = luaL_newstate();
**   luaL_openlibs(L);
**   lg_openlibs(L);               -- glean.core + the glean.* Lua modules
**   lua_getglobal(L, "require"); lua_pushliteral(L, "glean"); lua_call(L, 1, 1);
**
** Thread safety: a lua_State and everything in it belongs to one thread at a
** time.  A compiled Matcher (gazfile.h, matcher.h) is immutable and may be
** scanned by any number of threads at once; hand it to each state with
** lg_pushgazetteer.  The fold profiles are built once per process
** (pthread_once) and shared.
*/
#ifndef GLEAN_EMBED_H
#define GLEAN_EMBED_H

#include <lua.h>

#include "glean.h"
#include "matcher.h"
#include "gazfile.h"

/* The C module; register with luaL_requiref(L, "glean.core", luaopen_glean_core, 0). */
int luaopen_glean_core(lua_State *L);

/*
** Register the Lua modules glean, glean.gazetteer, glean.rules, ... (compiled
** into libglean.a from the lua/glean modules) in package.preload, so require finds
** them without package.path.  Needs the package library (luaL_openlibs).
*/
void lg_preload(lua_State *L);

/* luaL_requiref(L, "glean.core", ...) (popped) plus lg_preload(L). */
void lg_openlibs(lua_State *L);

/*
** Push a glean.Gazetteer userdata (the type glean.gazetteer.load returns)
** that borrows m: scanning works as usual, closing or collecting it never
** frees m.  The caller keeps m alive until every state using it is closed,
** then frees it with gl_matcher_free.  glean.core must be open in L.
*/
void lg_pushgazetteer(lua_State *L, struct Matcher *m);

#endif
