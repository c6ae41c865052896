-- UAX #29 conformance: every line of Unicode 15.0's GraphemeBreakTest.txt,
-- WordBreakTest.txt and SentenceBreakTest.txt (Debian's unicode-data, the
-- version ICU 72 implements) run through the bulk segmenter glean.segment.
--
-- One documented difference: ICU's root word rules follow CLDR's root
-- tailoring, which removes the colons U+003A, U+FE55, U+FF1A from MidLetter
-- (so "a:b" is three words).  ICU's Swedish/Finnish rules keep the plain
-- UAX #29 MidLetter, so the word test runs under locale "sv" for the 100 %
-- check, and under root it checks that colons explain every difference.
local glean = require "glean"

local DIR = (os.getenv("UNICODE_DIR") or "/usr/share/unicode") .. "/auxiliary/"
local COLONS = { [0x3A] = true, [0xFE55] = true, [0xFF1A] = true }

-- Parse one test line into the test string, the expected boundary list (byte
-- offsets, 0 and the end included) and the code points.
local function parse(line)
  local body = line:gsub("#.*", "")
  if not body:find("%S") then return nil end
  local parts, bounds, cps, pos = {}, {}, {}, 0
  for tok in body:gmatch("%S+") do
    if tok == "÷" then
      bounds[#bounds + 1] = pos
    elseif tok ~= "×" then
      local cp = assert(tonumber(tok, 16), "bad code point '" .. tok .. "'")
      local c = utf8.char(cp)
      parts[#parts + 1] = c
      cps[#cps + 1] = cp
      pos = pos + #c
    end
  end
  return table.concat(parts), table.concat(bounds, " "), cps
end

local function boundaries(s, kind, locale)
  local t = glean.segment(s, kind, locale)
  local b = { 0 }
  for i = 2, #t, 2 do b[#b + 1] = t[i] end
  return table.concat(b, " ")
end

-- Runs the file; returns lines checked and the list of failing lines (number, text).
local function run(file, kind, locale)
  local checked, failed, n = 0, {}, 0
  for line in io.lines(DIR .. file) do
    n = n + 1
    local s, want, cps = parse(line)
    if s then
      checked = checked + 1
      if boundaries(s, kind, locale) ~= want then
        failed[#failed + 1] = { n = n, line = line, cps = cps }
      end
    end
  end
  return checked, failed
end

local function report(file, locale, checked, failed)
  print(string.format("\n%s%s: %d lines checked, %d passed, %d failed", file,
    locale and (" (locale " .. locale .. ")") or "", checked, checked - #failed, #failed))
end

local function first_failures(failed)
  local out = {}
  for i = 1, math.min(#failed, 5) do out[i] = failed[i].n .. ": " .. failed[i].line end
  return table.concat(out, "\n")
end

describe("UAX #29 conformance (Unicode 15.0 test files)", function()
  local present = io.open(DIR .. "WordBreakTest.txt")
  if not present then
    it("needs the unicode-data package", function() pending(DIR .. " not found (apt-get install unicode-data)") end)
    return
  end
  present:close()

  it("passes every line of GraphemeBreakTest.txt", function()
    local checked, failed = run("GraphemeBreakTest.txt", "grapheme")
    report("GraphemeBreakTest.txt", nil, checked, failed)
    assert.is_true(checked > 600)
    assert.are.equal("", first_failures(failed))
  end)

  it("passes every line of SentenceBreakTest.txt", function()
    local checked, failed = run("SentenceBreakTest.txt", "sentence")
    report("SentenceBreakTest.txt", nil, checked, failed)
    assert.is_true(checked > 500)
    assert.are.equal("", first_failures(failed))
  end)

  it("passes every line of WordBreakTest.txt with the untailored MidLetter (locale sv)", function()
    local checked, failed = run("WordBreakTest.txt", "word", "sv")
    report("WordBreakTest.txt", "sv", checked, failed)
    assert.is_true(checked > 1800)
    assert.are.equal("", first_failures(failed))
  end)

  it("differs from WordBreakTest.txt under root only where CLDR drops the colon from MidLetter", function()
    local checked, failed = run("WordBreakTest.txt", "word")
    report("WordBreakTest.txt", "root", checked, failed)
    local unexplained = {}
    for _, f in ipairs(failed) do
      local has_colon = false
      for _, cp in ipairs(f.cps) do has_colon = has_colon or COLONS[cp] ~= nil end
      if not has_colon then unexplained[#unexplained + 1] = f end
    end
    assert.are.equal("", first_failures(unexplained))
    -- the tailoring is real: "a:b" splits under root, stays one word under sv
    assert.are.equal("0 1 2 3", boundaries("a:b", "word"))
    assert.are.equal("0 3", boundaries("a:b", "word", "sv"))
    assert.is_true(#failed > 0)
  end)
end)
