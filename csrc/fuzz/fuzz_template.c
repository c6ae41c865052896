/*
** fuzz_template.c -- libFuzzer harness for the Mustache template parser and
** renderer (lua/glean/template.lua) in an embedded Lua state.
**
** Input: the template source.  It is compiled as "fuzz.html" and must give
** a template or nil plus "fuzz.html:line:column: what" -- raising is a bug.
** A compiled template is rendered against a fixed view with partials p
** (the input itself: recursive partials hit the depth limit) and q; a
** render error must be a string naming "template:line:column"; a Lua
** "stack overflow" (the depth limit did not hold) is a bug.  In HTML mode no
** view value may reach the output with its '<' unescaped.  What stops a
** template that explodes (partials including each other twice) is the
** product's render caps, passed scaled down as render options so such an
** input ends in a fraction of a second: 200,000 steps and 4 MB of output
** (production template.MAX_STEPS 100 M, MAX_OUTPUT 1 GiB).  Reaching the
** harness's backstop (fuzz_lua.h: 100 M instructions, 1 GB) is a finding:
** work the caps do not count.
*/
#include <stdint.h>
#include "fuzz_lua.h"

static const char DRIVER[] =
  "local template = require 'glean.template'\n"
  "local function benign(e)\n"
  "  return type(e) == 'string' and e:find('not enough memory', 1, true)\n"
  "end\n"
  "local caps = { max_steps = 200000, max_output = 4 * 1024 * 1024 }\n"
  "local view = { name = '<script>alert(1)</script>', a = { b = { c = 'deep' } },\n"
  "  list = { { x = '\"><img onerror=alert(1)>' }, { x = '=cmd|x' } }, yes = true, no = false,\n"
  "  n = 42, empty = {}, bidi = '\\u{202E}evil' }\n"
  "return function(src)\n"
  "  local ok, t, err = pcall(template.compile, src, 'fuzz.html')\n"
  "  if not ok then\n"
  "    if benign(t) then return end\n"
  "    error('compile raised: ' .. tostring(t), 0)\n"
  "  end\n"
  "  if t == nil then\n"
  "    if type(err) ~= 'string' or not err:find('^fuzz%.html:%d+:%d+: ') then\n"
  "      error('bad compile error: ' .. tostring(err), 0)\n"
  "    end\n"
  "    return\n"
  "  end\n"
  "  local ok2, out = pcall(t.render, t, view, { p = src, q = '{{#list}}{{x}}{{/list}}' }, caps)\n"
  "  if not ok2 then\n"
  "    if benign(out) then return end\n"
  "    if type(out) ~= 'string' or out:find('stack overflow', 1, true)\n"
  "       or not (out:find('^[^:]+:%d+:%d+: ') or out:find('^fuzz%.html: render %a+ limit')) then\n"
  "      error('bad render error: ' .. tostring(out), 0)\n"
  "    end\n"
  "    return\n"
  "  end\n"
  "  if type(out) ~= 'string' then error('render gave ' .. type(out), 0) end\n"
  "  if out:find('<script>alert', 1, true) and not src:find('<script>alert', 1, true)\n"
  "     and not src:find('{{{', 1, true) and not src:find('{{&', 1, true) and not src:find('=', 1, true) then\n"
  "    error('unescaped view value in HTML output', 0)\n"
  "  end\n"
  "end\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  lua_State *L = fuzz_lua_begin(DRIVER, sizeof DRIVER - 1, "=fuzz_template");
  lua_pushlstring(L, (const char *)data, size);
  fuzz_lua_call(L, 1, 100000000L, "template");
  return 0;
}
