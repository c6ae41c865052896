/*
** lglean.h -- the openers of the Lua binding files, as lualib.h lists
** Lua's: lgopen_<capability> adds that binding's functions to the module
** table on top of the stack.  lglean.c calls them in turn.
*/
#ifndef LGLEAN_H
#define LGLEAN_H

#include <lua.h>

void lgopen_fold(lua_State *L);
void lgopen_segment(lua_State *L);
void lgopen_norm(lua_State *L);
void lgopen_script(lua_State *L);
void lgopen_calendar(lua_State *L);
void lgopen_langid(lua_State *L);
void lgopen_translit(lua_State *L);
void lgopen_matcher(lua_State *L);
void lgopen_sys(lua_State *L);
void lgopen_json(lua_State *L);

#endif
