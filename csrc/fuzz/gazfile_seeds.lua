-- Writes the seed corpus of fuzz_gazfile (csrc/fuzz/corpus/gazfile/*.glz):
-- compiled gazetteers in the current format, small enough for libFuzzer to
-- mutate.  Run it again whenever gazfile.c's format changes (the fuzz
-- regression spec fails while a seed no longer opens):
--   make fuzz-seeds   (or: lua5.4 csrc/fuzz/gazfile_seeds.lua DIR)
local glean = require "glean"
local dir = assert(arg[1], "usage: gazfile_seeds.lua DIR")

local seeds = {
  tiny = { { alias = "Berlin", id = "Q64", type = "LOC" } },
  small = {
    { alias = "Angela Merkel", id = "Q567", type = "PER", party = "CDU" },
    { alias = "Merkel", id = "Q567", type = "PER", flags = "case" },
    { alias = "Bundestag", id = "Q154797", type = "ORG", flags = "prefix" },
    { alias = "Tehran", id = "Q3616", type = "LOC" },
    { alias = "تهران", id = "Q3616", type = "LOC" },
    { alias = "नई दिल्ली", id = "Q987", type = "LOC" },
    { alias = "München", id = "Q1726", type = "LOC" },
    { alias = "NATO", id = "Q7184", type = "ORG", flags = "exact" },
  },
  -- inflected forms (data/inflection profiles; format 4), capital, langonly
  forms = {
    { alias = "Москва", id = "Q649", type = "LOC", lang = "ru" },
    { alias = "آمریکا", id = "Q30", type = "LOC", lang = "fa" },
    { alias = "Pekin", id = "Q956", type = "LOC" },
    { alias = "Réunion", id = "Q17070", type = "LOC", lang = "fr", flags = "capital" },
    { alias = "ولّیس", id = "Q35555", type = "LOC", lang = "ur", flags = "langonly" },
  },
  -- labels longer than the 4 bytes stored inline in trie nodes
  labels = {
    { alias = "Internationaler Währungsfonds", id = "Q7804", type = "ORG" },
    { alias = "International Monetary Fund", id = "Q7804", type = "ORG" },
    { alias = "Интернациональный", id = "Q1", type = "MISC" },
    { alias = "北京市", id = "Q956", type = "LOC" },
  },
}

for name, entries in pairs(seeds) do
  local path = dir .. "/" .. name .. ".glz"
  assert(glean.gazetteer.new(entries):save(path))
  assert(glean.gazetteer.open(path))
  print("wrote " .. path)
end
-- one with a custom fold profile, whose spec the file records (format 3)
local path = dir .. "/profile.glz"
local prof = glean.profile { base = "search", map = { ["ۃ"] = "ه" }, strip_marks = { "\u{0651}" } }
assert(glean.gazetteer.new({ { alias = "مکۃ", id = "Q5806", type = "LOC" } }, { profile = prof }):save(path))
assert(glean.gazetteer.open(path))
print("wrote " .. path)
