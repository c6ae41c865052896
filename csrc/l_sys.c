/*
** l_sys.c: what the command line needs from the process that Lua does not
** give: on Ctrl-C (SIGINT) or SIGTERM, remove the output file being
** written (a temporary file, renamed over the real one only when complete)
** and exit with one line on standard error instead of a traceback.
**
**   core.on_interrupt()          install the handlers (once, from bin/glean)
**   core.interrupt_cleanup(path) the file to remove on interrupt (nil: none)
**   core.realpath(path)          the canonical absolute path (symbolic links,
**                                . and .. resolved) | nil, "path: reason"
**
** The handler only calls async-signal-safe functions (unlink, write, _exit)
** on a path copied into a static buffer beforehand.
*/
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700   /* realpath(3) */
#endif
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lua.h>
#include <lauxlib.h>

#include "lglean.h"

#define CLEANUP_MAX 4096

static char cleanup_path[CLEANUP_MAX];
static volatile sig_atomic_t have_cleanup = 0;


static void on_signal(int sig) {
  static const char msg[] = "glean: interrupted\n";
  if (have_cleanup) unlink(cleanup_path);
  if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) { /* nothing more to do */ }
  _exit(128 + sig);
}


/* core.on_interrupt() -> true */
static int l_on_interrupt(lua_State *L) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  if (sigaction(SIGINT, &sa, NULL) != 0 || sigaction(SIGTERM, &sa, NULL) != 0)
    return luaL_error(L, "cannot install the interrupt handler");
  lua_pushboolean(L, 1);
  return 1;
}


/* core.interrupt_cleanup(path | nil) -> true */
static int l_interrupt_cleanup(lua_State *L) {
  size_t n = 0;
  const char *p = luaL_optlstring(L, 1, NULL, &n);
  have_cleanup = 0;
  if (p != NULL) {
    luaL_argcheck(L, n < CLEANUP_MAX && strlen(p) == n, 1, "path too long or holds a NUL");
    memcpy(cleanup_path, p, n + 1);
    have_cleanup = 1;
  }
  lua_pushboolean(L, 1);
  return 1;
}


/* core.realpath(path) -> resolved | nil, "path: reason" */
static int l_realpath(lua_State *L) {
  const char *p = luaL_checkstring(L, 1);
  char *r = realpath(p, NULL);
  if (r == NULL) {
    int e = errno;
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", p, strerror(e));
    return 2;
  }
  lua_pushstring(L, r);
  free(r);
  return 1;
}


static const luaL_Reg sys_funcs[] = {
  {"realpath", l_realpath},
  {"on_interrupt", l_on_interrupt},
  {"interrupt_cleanup", l_interrupt_cleanup},
  {NULL, NULL}
};

void lgopen_sys(lua_State *L) {
  luaL_setfuncs(L, sys_funcs, 0);
}
