-- Every input with which a fuzzer in csrc/fuzz/ found a bug, replayed through
-- the Lua API.  The inputs also stay in the seed corpora
-- (csrc/fuzz/corpus/<harness>/crash-*), so `make fuzz` replays them first;
-- `make test-asan` runs this spec with the sanitizers that found them.
local glean = require "glean"
local H = require "spec.helper"

local function crash(harness, sha)
  return H.read(H.home .. "/csrc/fuzz/corpus/" .. harness .. "/crash-" .. sha)
end

describe("fuzz regressions", function()
  it("normalizes text whose only changed segment becomes empty (fuzz_normalize: null + 0 in norm.c)", function()
    -- byte 0 = 0x0c: NFKC_Casefold, invalid bytes replaced; ZWNJ first
    local input = crash("normalize", "723cfc2743de2f5a2dd2b2c3e290dd36eb73b322")
    assert.are.equal(0x0c, input:byte(1))
    local text = input:sub(2)
    assert.are.equal("", glean.normalize("\u{200C}", "NFKC_CF"))
    local out = glean.normalize(text, "NFKC_CF", { invalid = "replace" })
    assert.is_truthy(utf8.len(out))
    assert.are.equal(out, glean.normalize(out, "NFKC_CF"))
    assert.are.equal(out:sub(1, 8), glean.normalize(text:sub(1, 11), "NFKC_CF"))
  end)

  it("rejects an alias holding a NUL byte instead of storing it cut short (fuzz_matcher)", function()
    local input = crash("matcher", "f94f984ec9c6da0f909652f1859acead588b917a")
    assert.truthy(input:find("\0", 1, true))
    local path = os.tmpname()
    local f = assert(io.open(path, "wb"))
    f:write(input:sub(2))   -- byte 0 = 4: the rest is CSV
    f:close()
    local gz, err = glean.gazetteer.load(path, { format = "csv" })
    os.remove(path)
    assert.is_nil(gz)
    assert.are.equal(path .. ":2: NUL byte in alias", err:match("^[^\n]*"))
    local ok, msg = pcall(glean.gazetteer.new, { { alias = "Merkel\0Angela", id = "Q1", type = "PER" } })
    assert.is_false(ok)
    assert.matches("entry 1: NUL byte in alias", msg, 1, true)
  end)

  it("ends a match only at a word boundary when a Hiragana/Katakana combining mark follows (fuzz_matcher)", function()
    -- crash-fdebdebc...: alias "تهرħ" matched inside "تهرħ\u{3099}\u{64C}":
    -- U+3099 (Mn, Script_Extensions Hira Kana) after a Latin letter is
    -- taken as a word boundary by the one-pass class tracking in
    -- gl_matcher_scan (prev class Letter != cur class Dict), so the span
    -- ended inside the grapheme.  Fixed: a mark of no script of its own
    -- (GlWordMark) belongs to the word of the character before it.
    local input = crash("matcher", "fdebdebc3b0df1d982e7967d51e33d2ac68edff2")
    assert.truthy(input:find("\u{3099}", 1, true))
    local gz = glean.gazetteer.new({ { alias = "تهرħ", id = "Q1", type = "LOC" } })
    local text = "تهرħ\u{3099}\u{64C} x"
    assert.are.same({}, gz:find_all(text))
    local found = gz:find_all("تهرħ x")
    assert.are.equal(1, #found)
  end)

  it("names the rule file's line when a keyword is not valid UTF-8 (fuzz_rules)", function()
    -- crash-59c417b4...: rules/boilerplate.lua with a byte mutated inside a
    -- keyword gave "lua/glean/rules_vocab.lua:165: invalid UTF-8 code"
    local input = crash("rules", "59c417b4379678d4d9b49e72f628b9c78e6bd1d8")
    assert.are.equal(1, input:byte(1) % 2)   -- odd: a whole rule file
    local rules = require "glean.rules"
    local pack, errs = rules.compile(input:sub(2), "@fuzz.lua", { keep_going = true })
    assert.is_nil(pack)
    for _, e in ipairs(errs) do assert.matches("^fuzz%.lua:%d+: ", e) end
    local _, errs2 = rules.compile('local k = V.keywords { ["Mo\xC3ntag"] = 1 }\nreturn {}', "@k.lua")
    assert.are.equal("k.lua:1: bad argument #1 to 'keywords' (word not valid UTF-8 at byte 3)", errs2[1])
  end)

  it("gives the rule file's line to an error raised inside a C function it called (fuzz_rules)", function()
    -- crash-c5d701ff...: a parameter renamed by the mutation left
    -- ipairs(words) iterating nil; the error came from C, with no position
    local input = crash("rules", "c5d701ffdaa2a408ae17607a693b414773de70d1")
    local rules = require "glean.rules"
    local pack, errs = rules.compile(input:sub(2), "@fuzz.lua", { keep_going = true })
    assert.is_nil(pack)
    assert.matches("^fuzz%.lua:13: ", errs[1])
    local _, errs2 = rules.compile("local t\nfor _ in ipairs(t) do end\nreturn {}", "@i.lua")
    assert.matches("^i%.lua:2: ", errs2[1])
  end)

  it("keeps fuzz_gazfile's seeds in the current compiled format (else it fuzzes only the version check)", function()
    -- at format 3 the old seeds all failed "unsupported version" and 212k
    -- runs covered 49 edges; `make fuzz-seeds` rewrites them
    local dir = H.home .. "/csrc/fuzz/corpus/gazfile/"
    local n = 0
    for _, name in ipairs { "tiny", "small", "labels", "profile", "forms" } do
      local gz, err = glean.gazetteer.open(dir .. name .. ".glz")
      assert(gz, err)
      assert.is_true(gz:count() > 0)
      n = n + 1
    end
    assert.are.equal(5, n)
  end)

  it("never ends a match inside one unit of the offset map (fuzz_matcher)", function()
    -- crash-83c5a3e5...: alias U+200B U+0001 folds to "\1"; in the text
    -- U+0001 U+3099 is one normalization segment (U+3099 may compose), so
    -- the offset map holds it as one unit and the match "\1" came out with
    -- the surface "\1\u{3099}", which does not fold to the alias.  Fixed:
    -- a match may start and end only at the edges of map units.
    local input = crash("matcher", "83c5a3e5665b0990cd90c2ce28c81edd9d8510dc")
    assert.are.equal(2, input:byte(1))   -- invalid text replaced
    assert.truthy(input:find("\1\u{3099}", 1, true))
    local gz = glean.gazetteer.new({ { alias = "\u{200B}\1", id = "Q1", type = "T" } })
    local found = gz:find_all("\1\u{3099}\1")
    assert.are.equal(1, #found)
    assert.are.same({ 5, 5, "\1" }, { found[1].start, found[1].stop, found[1].surface })
    -- the same holds for a key ending inside 'ß' -> "ss"
    local s = glean.gazetteer.new({ { alias = "-s", id = "Q2", type = "T" } })
    assert.are.same({}, s:find_all("-ß"))
    assert.are.equal(1, #s:find_all("-s"))
  end)

  it("maps both bytes of a same-length multi-character fold to the source character (fuzz_fold)", function()
    -- 'ß' (2 bytes) folds to "ss" (2 one-byte characters) inside a linear
    -- segment: each 's' maps back to the whole 'ß', never into its middle
    local input = crash("fold", "13aa35422bdaafd786b1bb9362d09343c3013795")
    local text = input:sub(2)
    local folded, map = glean.fold(text)
    local i = assert(folded:find("strasse", 1, true))
    local s = assert(text:find("Straße", 1, true))
    for k = 4, 5 do
      local a, b = map:source(i + k)
      assert.are.same({ s + 4, s + 5 }, { a, b })
    end
  end)

  it("reports a match-time capture that raises as a loading error of its rule (fuzz_rules)", function()
    local input = crash("rules", "291436b78b6603b71e2c0e65c8a95be69f1eb758")
    assert.are.equal(1, input:byte(1))   -- mode 1: a whole rule file
    local rules = require "glean.rules"
    local ok, pack, errs = pcall(rules.compile, input:sub(2), "@fuzz.lua", { keep_going = true })
    assert.is_true(ok, tostring(pack))
    assert.is_table(errs)
    local found = false
    for _, e in ipairs(errs) do
      if e:find("^fuzz%.lua:%d+: rule '[^']+': pattern failed on ") then found = true end
    end
    assert.is_true(found, table.concat(errs, "\n"))
    local _, errs2 = rules.compile(
      'return { rule "r" { pattern = lpeg.Cmt(lpeg.P(0), function(_, i) return i + nil end) * "x" } }',
      "@x.lua")
    assert.matches("^x%.lua:1: rule 'r': pattern failed on the empty string: ", errs2[1])
  end)
end)
