/*
** lglean.h -- shared helpers of the Lua binding files (l*.c).
** Only binding files include lua.h; each exports gl_open_<capability>,
** which adds its functions to the module table on top of the stack.
*/
#ifndef LGLEAN_H
#define LGLEAN_H

#include <lua.h>
#include <lauxlib.h>
#include <unicode/utypes.h>

#include "glean.h"
#include "fold.h"

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

/* The fold profile at index arg: nil -> "search", a profile name, or a
   glean.FoldProfile userdata (defined in l_fold.c).  Raises on bad input. */
const FoldProfile *lg_checkprofile(lua_State *L, int arg);

/* For C hosts (glean_embed.h): push a glean.Gazetteer borrowing m (l_matcher.c). */
struct Matcher;
void lg_pushgazetteer(lua_State *L, struct Matcher *m);

/* Openers of the binding files; each fills the table at the top of the stack. */
void gl_open_fold(lua_State *L);
void gl_open_segment(lua_State *L);
void gl_open_norm(lua_State *L);
void gl_open_script(lua_State *L);
void gl_open_calendar(lua_State *L);
void gl_open_langid(lua_State *L);
void gl_open_translit(lua_State *L);
void gl_open_matcher(lua_State *L);

#endif
