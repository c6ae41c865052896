/*
** fuzz_rules.c -- libFuzzer harness for the rule loader
** (lua/glean/rules.lua) in an embedded Lua state, glean.core linked in.
**
** Input: byte 0 picks the mode; the rest is
**  - mode 0 (even): an `re` pattern, put into a one-rule pack
**    `return { rule "r" { pattern = <input as a Lua string> } }`;
**  - mode 1 (odd): the whole source of a rule file.
** rules.compile must return a pack, or nil and a list of string errors that
** name the file ("fuzz.lua:"); raising is a bug.  A pack is then run over a
** few texts by rules.new(...):scan, whose results must be spans inside the
** text.  What stops `while true do end` or string.rep(s, 1e9) in a fuzzed
** file is the product's rule sandbox (lua/glean/sandbox.lua), with its
** budgets scaled down so that a looping pack ends in a fraction of a second
** under the sanitizers and the line hook: load 5 M instructions and 64 MB
** (production 400 M, 512 MB), scan 2 M + 100 per byte and 32 MB + 64 per
** byte (production 20 M + 100 per byte, 256 MB + 64 per byte).  The
** harness's backstop (fuzz_lua.h: 200 M instructions outside the sandbox,
** 1 GB for the state) is a finding when reached: a pack's code ran outside
** its budgets, or the engine's own work is not linear.
*/
#include <stdint.h>
#include "fuzz_lua.h"

static const char DRIVER[] =
  "require('glean.cache').set_dir(false)   -- no cache file written per input\n"
  "local rules = require 'glean.rules'\n"
  "local sandbox = require 'glean.sandbox'\n"
  "sandbox.LOAD_INSTRUCTIONS, sandbox.LOAD_MEMORY = 5000000, 64 * 1024 * 1024\n"
  "sandbox.SCAN_INSTRUCTIONS, sandbox.SCAN_MEMORY = 2000000, 32 * 1024 * 1024\n"
  "local function benign(e)\n"
  "  return type(e) == 'string' and e:find('not enough memory', 1, true)\n"
  "end\n"
  "local texts = { 'On 3 March 2024 at 10:30, 1,500 people (about 12%) met at https://example.org/x.',\n"
  "  '\\u{6F1}\\u{6F4}\\u{6F0}\\u{6F2} \\u{0930}\\u{0941}\\u{092A}\\u{092F}\\u{0947} 5.000,50 EUR', '' }\n"
  "return function(input, mode)\n"
  "  local src = mode == 0 and ('return { rule \"r\" { pattern = ' .. string.format('%q', input) .. ' } }')\n"
  "    or input\n"
  "  local ok, pack, errs = pcall(rules.compile, src, '@fuzz.lua', { keep_going = true })\n"
  "  if not ok then\n"
  "    if benign(pack) then return end\n"
  "    error('compile raised: ' .. tostring(pack), 0)\n"
  "  end\n"
  "  if errs ~= nil then\n"
  "    if type(errs) ~= 'table' or #errs == 0 then error('bad error list', 0) end\n"
  "    for _, e in ipairs(errs) do\n"
  "      if benign(e) then return end\n"
  "      if type(e) ~= 'string' or not e:find('fuzz.lua', 1, true) then\n"
  "        error('error without the file name: ' .. tostring(e), 0)\n"
  "      end\n"
  "    end\n"
  "  end\n"
  "  if not pack then return end\n"
  "  local ok2, eng = pcall(rules.new, { pack })\n"
  "  if not ok2 then\n"
  "    if benign(eng) then return end\n"
  "    error('rules.new raised: ' .. tostring(eng), 0)\n"
  "  end\n"
  "  for _, text in ipairs(texts) do\n"
  "    local ok3, hits = pcall(eng.scan, eng, text)\n"
  "    if ok3 then\n"
  "      for _, h in ipairs(hits) do\n"
  "        if not (h.start >= 1 and h.stop >= h.start and h.stop <= #text) then\n"
  "          error(string.format('hit %s..%s outside the text (%d bytes)', tostring(h.start), tostring(h.stop), #text), 0)\n"
  "        end\n"
  "      end\n"
  "    elseif not benign(hits) and (type(hits) ~= 'string' or hits:find('stack overflow', 1, true)) then\n"
  "      error('scan raised: ' .. tostring(hits), 0)\n"
  "    end\n"
  "  end\n"
  "end\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  lua_State *L;
  if (size < 1) return 0;
  L = fuzz_lua_begin(DRIVER, sizeof DRIVER - 1, "=fuzz_rules");
  lua_pushlstring(L, (const char *)data + 1, size - 1);
  lua_pushinteger(L, data[0] & 1);
  fuzz_lua_call(L, 2, 200000000L, "rules");
  return 0;
}
