-- tools/hunspell.lua -- the hunspell program asked which words a dictionary
-- takes (tools/commonwords.lua, tools/mkorgs.lua; load it with
-- dofile(TOOLSDIR .. "/hunspell.lua")).
--
--   accepted(dic, words, as_written) -> set of the words of the list that
--   `hunspell -d DIC -G` takes, each asked as written or else NFKC_CF-folded
--   (most dictionaries list lower-case words); nil, message when hunspell
--   fails.
local glean = require "glean"

local function accepted(dic, words, as_written)
  local function form(w) return as_written and w or glean.normalize(w, "NFKC_CF") end
  local tmp = os.tmpname()
  local out = assert(io.open(tmp, "wb"))
  for _, w in ipairs(words) do out:write(form(w), "\n") end
  out:close()
  local p = io.popen("hunspell -i UTF-8 -d '" .. dic .. "' -G < '" .. tmp .. "' 2>/dev/null")
  local ok_words = {}
  for w in p:lines() do ok_words[w] = true end
  local ok = p:close()
  os.remove(tmp)
  if not ok then return nil, "hunspell -d " .. dic .. " failed" end
  local set = {}
  for _, w in ipairs(words) do
    if ok_words[form(w)] then set[w] = true end
  end
  return set
end

-- stemmed(dic, words, as_written) -> set of the words of the list that
-- `hunspell -d DIC -s` gives a stem for: a dictionary entry or an affixed
-- form of one, not a word hunspell makes by compounding (German de_DE takes
-- `Waldburg`, `Steinbach` as Wald+Burg, Stein+Bach but stems only
-- `Straßen` -> Straße, `Feld`); nil, message when hunspell fails.
local function stemmed(dic, words, as_written)
  local function form(w) return as_written and w or glean.normalize(w, "NFKC_CF") end
  local tmp = os.tmpname()
  local out = assert(io.open(tmp, "wb"))
  for _, w in ipairs(words) do out:write(form(w), "\n") end
  out:close()
  local p = io.popen("hunspell -i UTF-8 -d '" .. dic .. "' -s < '" .. tmp .. "' 2>/dev/null")
  local has_stem = {}
  for line in p:lines() do
    local w = line:match("^(%S+) %S")
    if w then has_stem[w] = true end
  end
  local ok = p:close()
  os.remove(tmp)
  if not ok then return nil, "hunspell -d " .. dic .. " -s failed" end
  local set = {}
  for _, w in ipairs(words) do
    if has_stem[form(w)] then set[w] = true end
  end
  return set
end

return { accepted = accepted, stemmed = stemmed }
