-- csrc/script.c through its binding (csrc/l_script.c): glean.scripts and
-- glean.script_runs, script runs with Common/Inherited resolved (UAX #24).
local glean = require "glean"

local U = utf8.char

local function err_of(name, ...) return glean_spec.err_of(glean, name, ...) end

-- Runs as {"text", "Scpt"} pairs, easy to read in failures.
local function runs_of(s, opts)
  local out = {}
  for _, r in ipairs(glean.scripts(s, opts)) do out[#out + 1] = { s:sub(r.start, r.stop), r.script } end
  return out
end

-- The script of one character on its own (Zyyy for Common and Inherited).
local function script_of(ch)
  return glean.scripts(ch)[1].script
end

-- Runs must tile s, be non-empty, and change script at every boundary; each
-- character with a script of its own must be in a run of that script.
local function assert_runs(s)
  local runs = glean.scripts(s)
  local pos = 1
  for k, r in ipairs(runs) do
    assert.are.equal(pos, r.start, "run " .. k .. " does not start where the last ended")
    assert.is_true(r.stop >= r.start, "empty run at byte " .. r.start)
    if k > 1 then assert.are_not.equal(runs[k - 1].script, r.script, "adjacent runs share a script") end
    for p, cp in utf8.codes(s:sub(r.start, r.stop)) do
      local sc = script_of(U(cp))
      if sc ~= "Zyyy" then
        assert.are.equal(r.script, sc, string.format("U+%04X at byte %d in a %s run", cp, r.start + p - 1, r.script))
      end
    end
    pos = r.stop + 1
  end
  assert.are.equal(#s + 1, pos, "runs do not reach the end of the text")
  return runs
end

describe("glean.scripts", function()
  local cases = {
    { "", {} },
    { "Hello world", { { "Hello world", "Latn" } } },
    { "123 abc", { { "123 abc", "Latn" } } },                     -- leading Common takes the following
    { "  " .. "مرحبا", { { "  مرحبا", "Arab" } } },
    { "123 !?", { { "123 !?", "Zyyy" } } },                        -- all Common
    { U(0x301) .. "a", { { U(0x301) .. "a", "Latn" } } },          -- Inherited at the start
    { "नमस्ते दुनिया", { { "नमस्ते दुनिया", "Deva" } } },          -- viramas, matras stay
    { "Berlin und दिल्ली", { { "Berlin und ", "Latn" }, { "दिल्ली", "Deva" } } },
    { "मैं (Delhi) गया", { { "मैं (", "Deva" }, { "Delhi", "Latn" }, { ") गया", "Deva" } } },
    { "(Delhi) गया", { { "(Delhi) ", "Latn" }, { "गया", "Deva" } } },   -- "(" joined the first run
    { "Hello ،مرحبا", { { "Hello ", "Latn" }, { "،مرحبا", "Arab" } } },   -- Arabic comma: Scx Arab
    { "abc ١٢مرحبا", { { "abc ", "Latn" }, { "١٢مرحبا", "Arab" } } },     -- Arabic-Indic digits
    { "abc 12 مرحبا", { { "abc 12 ", "Latn" }, { "مرحبا", "Arab" } } },
    { "北京 Beijing", { { "北京 ", "Hani" }, { "Beijing", "Latn" } } },
    { "東京へ", { { "東京", "Hani" }, { "へ", "Hira" } } },
    { "Москва, Berlin", { { "Москва, ", "Cyrl" }, { "Berlin", "Latn" } } },
    { "[a(b]c)", { { "[a(b]c)", "Latn" } } },                     -- unmatched brackets do no harm
    { "\0a\0", { { "\0a\0", "Latn" } } },
  }
  for i, c in ipairs(cases) do
    it(string.format("case %d: %q", i, c[1]), function()
      assert.are.same(c[2], runs_of(c[1]))
      assert_runs(c[1])
    end)
  end

  it("gives 1-based inclusive byte offsets", function()
    local s = "ab" .. "दि"
    assert.are.same({ { start = 1, stop = 2, script = "Latn" }, { start = 3, stop = #s, script = "Deva" } },
      glean.scripts(s))
  end)

  it("names unassigned code points Zzzz", function()
    assert.are.same({ { U(0x378), "Zzzz" } }, runs_of(U(0x378)))
  end)

  it("raises on invalid UTF-8 with the first bad byte", function()
    assert.are.equal("bad argument #1 to 'scripts' (invalid UTF-8 at byte 3)", err_of("scripts", "ab\255cd"))
    assert.are.equal("bad argument #1 to 'script_runs' (invalid UTF-8 at byte 1)", err_of("script_runs", "\128"))
  end)

  it("treats invalid bytes as U+FFFD (Common) with {invalid='replace'}", function()
    assert.are.same({ { "ab\255cd", "Latn" } }, runs_of("ab\255cd", { invalid = "replace" }))
    assert.are.same({ { "ab\255", "Latn" }, { "दि", "Deva" } }, runs_of("ab\255दि", { invalid = "replace" }))
  end)

  it("checks its arguments", function()
    assert.are.equal("bad argument #1 to 'scripts' (string expected, got nil)", err_of("scripts", nil))
    assert.are.equal("bad argument #2 to 'scripts' (invalid option 'drop' for 'invalid')",
      err_of("scripts", "a", { invalid = "drop" }))
  end)
end)

describe("glean.script_runs", function()
  it("iterates the same runs as glean.scripts", function()
    local s = "Berlin und दिल्ली, تهران 北京"
    local got = {}
    for start, stop, script in glean.script_runs(s) do
      got[#got + 1] = { start = start, stop = stop, script = script }
    end
    assert.are.same(glean.scripts(s), got)
    assert.are.equal(4, #got)
  end)
end)

describe("script runs of the shared corpus", function()
  local majority = { ["hi.txt"] = "Deva", ["de.txt"] = "Latn", ["fa.txt"] = "Arab" }
  for name, want in pairs(majority) do
    it("tile " .. name .. " with " .. want .. " covering most bytes", function()
      local text = glean_spec.corpus(name)
      if not text then return pending("../shared not found") end
      local bytes = {}
      for _, r in ipairs(assert_runs(text)) do
        bytes[r.script] = (bytes[r.script] or 0) + r.stop - r.start + 1
      end
      assert.is_true(bytes[want] > #text / 2, want .. " covers " .. tostring(bytes[want]) .. " of " .. #text)
    end)
  end
  it("tile a mixture of the three texts", function()
    local parts = {}
    for _, name in ipairs({ "hi.txt", "de.txt", "fa.txt" }) do parts[#parts + 1] = glean_spec.corpus(name) end
    if #parts < 3 then return pending("../shared not found") end
    local mixed = {}
    for k = 1, 40 do mixed[k] = parts[k % 3 + 1]:sub(k * 37, k * 37 + 300):gsub("[\128-\191]+$", "") end
    local s = table.concat(mixed, " ")
    s = glean.normalize(s, "NFC", { invalid = "replace" })
    assert.is_true(#assert_runs(s) >= 3)
  end)
end)
