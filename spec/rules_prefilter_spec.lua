-- The rule engine's prefilter (glean.rules_first): it must never drop a
-- match.  Scans with and without it are compared annotation by annotation
-- over the shared corpus, the samples and every rule's own examples; the
-- derived first bytes are checked on known patterns, and the vocabulary's
-- call-free fast paths against the calls they replace.
local rules = require "glean.rules"
local first = require "glean.rules_first"
local pattern = require "glean.rules_pattern"
local lpeg = require "lpeg"
local core = require "glean.core"
local H = glean_spec

local engine = assert(rules.load(H.home .. "/rules"))

local function flat(anns)
  local out = {}
  for i, a in ipairs(anns) do
    out[i] = string.format("%d-%d %s %s", a.start, a.stop, a.rule, rules.show(a.value))
  end
  return out
end

local function agree(text, opts)
  local with = engine:scan(text, opts)
  local without = engine:scan(text, setmetatable({ prefilter = false }, { __index = opts }))
  assert.same(flat(without), flat(with))
  return #with
end

describe("the prefilter", function()
  it("finds exactly what trying every rule everywhere finds, on the shared corpus", function()
    local n, seen = 0, 0
    for _, name in ipairs({ "de.txt", "fa.txt", "hi.txt" }) do
      local text = H.corpus(name)
      if text then
        seen = seen + 1
        n = n + agree(text)
        n = n + agree(text, { languages = { "de" } })
      end
    end
    if seen == 0 then return pending("../shared not found") end
    assert.is_true(n > 50, "too few annotations to compare: " .. n)
  end)

  it("finds exactly the same on the samples", function()
    local p = io.popen("ls " .. H.home .. "/samples/*.txt")
    local n, files = 0, 0
    for f in p:lines() do
      n, files = n + agree(H.read(f)), files + 1
    end
    p:close()
    assert.is_true(files >= 10 and n > 0)
  end)

  it("finds exactly the same on every rule's examples, in running text and at its edges", function()
    local parts = {}
    for _, r in ipairs(engine.list) do
      for text in pairs(r.examples) do parts[#parts + 1] = text end
      for _, text in ipairs(r.counter_examples) do parts[#parts + 1] = text end
    end
    table.sort(parts)
    local n = 0
    for _, sep in ipairs({ " ", "\n", "،", "(", "" }) do
      n = n + agree(table.concat(parts, sep))
    end
    for _, text in ipairs(parts) do agree(text) end
    assert.is_true(n > #parts)
  end)

  it("derives first bytes each example starts with", function()
    for _, r in ipairs(engine.list) do
      if r.prefixes then
        local trie = first.trie(r.prefixes)
        for text in pairs(r.examples) do
          assert.is_truthy(lpeg.match(trie, text), r.name .. ": prefixes miss example " .. text)
        end
      end
    end
  end)
end)

describe("glean.rules_first", function()
  local L = pattern.lpeg
  local function prefixes(build) return first.prefixes(pattern.recipe(build())) end

  it("follows literals, sets, sequences, choices and repetition", function()
    assert.same({ "abc" }, prefixes(function() return L.P("abc") end))
    assert.same({ "ax", "ay", "b" }, prefixes(function() return L.P("a") * L.S("xy") + "b" end))
    assert.same({ "x1", "x2" }, prefixes(function() return (L.P("x") * L.R("12")) ^ 1 end))
    assert.same({ "ab", "b" }, prefixes(function() return L.P("a") ^ -1 * "b" end))
    assert.same({ "q" }, prefixes(function() return L.C(L.P("q") * L.Cmt(L.P(1), function() return true end)) end))
    assert.same({ "@" }, prefixes(function() return #L.P("@") * -L.P("@@") * "@" end))
  end)

  it("gives the prefixes sorted, the same list on every run", function()
    -- a set of a hundred strings: in hash order they would not come sorted
    local words = {}
    for i = 1, 100 do words[i] = string.format("w%03dx", (i * 37) % 101) end
    local got = prefixes(function()
      local p = L.P(words[1])
      for i = 2, #words do p = p + L.P(words[i]) end
      return p
    end)
    local want = { table.unpack(words) }
    table.sort(want)
    assert.same(want, got)
  end)

  it("gives up (nil: try everywhere) on what it cannot know", function()
    assert.is_nil(prefixes(function() return L.P(function() return 1 end) * "x" end))
    assert.is_nil(prefixes(function() return L.P({ "a", a = L.P("a") }) end))
    assert.is_nil(prefixes(function() return lpeg.P("a") * "b" end))   -- plain LPeg: no recipe
    assert.is_nil(prefixes(function() return L.P("a") ^ 0 end))        -- may match empty
    assert.is_nil(prefixes(function() return L.Cmt(L.P(true), function() return true end) * "z" end))
  end)

  it("follows re strings and leaves LPeg's operators as they are", function()
    local mt = getmetatable(lpeg.P(1))
    local mul = mt.__mul
    local pack = assert(rules.compile('return { rule "t" { pattern = "[A-C] \'xy\' %D^0", '
      .. 'examples = { ["Axy1"] = "Axy1" } } }', "@t.lua"))
    assert.same({ "Axy", "Bxy", "Cxy" }, pack.rules[1].prefixes)
    assert.equal(mul, mt.__mul)
    -- counts reach the ^ operator as strings from re
    pack = assert(rules.compile('return { rule "ticket" { pattern = "{[A-Z]^+3 \'-\' %D^+1}", '
      .. 'examples = { ["ABC-12"] = "ABC-12" }, counter_examples = { "AB-1" } } }', "@t.lua"))
    assert.is_true(rules.new({ pack }):test()[1].passed)
    local firsts = {}
    for _, w in ipairs(pack.rules[1].prefixes) do
      assert.matches("^[A-Z]", w)
      firsts[w:sub(1, 1)] = true
    end
    local n = 0
    for _ in pairs(firsts) do n = n + 1 end
    assert.equal(26, n)
    assert.same({ "ABC-12" }, { rules.new({ pack }):scan("x ABC-12 AB-1")[1].value })
    assert.is_nil(rules.compile("return { rule 't' { pattern = 42 } }", "@bad.lua"))
    assert.equal(mul, mt.__mul)
  end)

  it("derives the bytes a text must hold for a match (sequence: all; choice: common; lookahead counts)", function()
    local function req(build) return first.required(pattern.recipe(build())) end
    assert.same({ "@", "x" }, req(function() return L.R("az") ^ 1 * "@" * L.S("x") end))
    assert.same({ "." }, req(function() return L.P("a.b") + L.P("c.") * L.R("09") end))
    assert.same({ "#" }, req(function() return #L.P("#") * L.C(L.R("az") ^ 1) end))
    assert.same({ "%" }, req(function() return L.Cmt(L.P("%"), function() return true end) end))
    assert.is_nil(req(function() return L.P("@") ^ 0 * "a" + "b" end))       -- a choice with nothing in common
    assert.is_nil(req(function() return -L.P("@") * L.R("az") end))           -- a negative lookahead needs nothing
    assert.is_nil(req(function() return L.P({ "a", a = L.P("@") }) end))      -- grammars are unknown
    assert.is_nil(req(function() return L.S("@.") end))
  end)

  it("leaves out the rules whose required bytes a text lacks, finding the same", function()
    local by = {}
    for _, r in ipairs(engine.list) do by[r.name] = r end
    assert.same({ ".", "@" }, by.email.required)
    assert.same({ "@" }, by.handle.required)
    local with = "Mail press.office@example.org am 3. Dezember 2024, @glean_news"
    local anns = engine:scan(with)
    local rulenames = {}
    for _, a in ipairs(anns) do rulenames[#rulenames + 1] = a.rule end
    assert.same({ "email", "written_date", "handle" }, rulenames)
    agree(with)
    local without = "Mail press.office(at)example.org am 3. Dezember 2024, #glean_news"
    agree(without)
    -- handle ('@' then a word) is switched off per text by a guard where
    -- it may start; email may start at any ASCII word, so a text without
    -- '@' gets a scanner compiled without it instead (one more variant)
    local e2 = assert(rules.load(H.home .. "/rules"))
    e2:scan(with)
    e2:scan(without)
    e2:scan("#tag and no at sign")
    local keys = {}
    for key in pairs(e2.scanners) do keys[#keys + 1] = key end
    table.sort(keys)
    local email
    for _, r in ipairs(e2.list) do if r.name == "email" then email = r end end
    assert.same({ "*", "*|-" .. email.order }, keys)
    assert.is_true(email.broad)
    for _, r in ipairs(e2.list) do
      if r.name ~= "email" then assert.is_falsy(r.broad, r.name) end
    end
  end)

  it("does not try a rule on a text that lacks one of its required bytes", function()
    local pack = assert(rules.compile([[
      return { rule "at_tag" { pattern = lpeg.P"tag@" * lpeg.R"az" ^ 1 } }
    ]], "@at_tag.lua"))
    local r = pack.rules[1]
    assert.is_truthy(table.concat(r.required):find("@", 1, true))
    -- count the tries: a match-time function in front of the compiled
    -- pattern (the prefixes and required bytes stay those derived above)
    local tries = 0
    r.pattern = lpeg.Cmt(lpeg.P(true), function() tries = tries + 1 return true end) * r.pattern
    local e = rules.new({ pack })
    assert.equal(0, #e:scan("tag tag tag, no at sign here"))
    assert.equal(0, tries)
    assert.equal(1, #e:scan("tag@x and tag y"))
    assert.equal(2, tries)
  end)
end)

describe("call-free vocabulary", function()
  local V = rules.vocab
  local L = pattern.lpeg   -- V's patterns are glean patterns

  it("V.wordchar agrees with core.is_word_char on every ASCII byte", function()
    for b = 0, 127 do
      local s = string.char(b) .. "a"
      assert.equal(core.is_word_char(s, 1) and 2 or nil, L.match(V.wordchar, s), "byte " .. b)
    end
  end)

  it("V.int_in reads what V.int reads, within its range, in any script", function()
    local function old(min, max, lo, hi)
      return L.Cmt(V.int(min, max), function(_, i, v) if v >= lo and v <= hi then return i, v end end)
    end
    for _, case in ipairs({ { 1, 2, 1, 31 }, { 1, 2, 0, 23 }, { 2, 2, 0, 59 }, { 4, 4, 1000, 2999 } }) do
      local a, b = L.C(V.int_in(table.unpack(case))) * L.Cp(), L.C(old(table.unpack(case))) * L.Cp()
      for _, zero in ipairs({ 0x30, 0x966, 0x6F0 }) do
        local function digits(n, len)
          local t = {}
          for k = len, 1, -1 do t[k] = utf8.char(zero + n % 10); n = n // 10 end
          return table.concat(t)
        end
        for len = 1, 5 do
          for n = 0, 10 ^ math.min(len, 4) - 1, len >= 4 and 7 or 1 do
            local s = digits(n, len) .. "x"
            assert.same({ L.match(b, s) }, { L.match(a, s) }, s)
          end
        end
      end
    end
  end)
end)
