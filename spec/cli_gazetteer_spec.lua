-- `glean gazetteer`: the Wikidata and GeoNames importers on small files in
-- the real dump formats (spec/fixtures/dumps: five entities with the JSON
-- shape of the Wikidata dump, one per line inside [ ], a cut line and an
-- entity without labels; GeoNames geoname and alternateNamesV2 rows),
-- compile and stats; and layered gazetteers from the Lua API.
local H = glean_spec
local glean = require "glean"

local function sh_quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end
local dumps = H.home .. "/spec/fixtures/dumps/"

-- run({args...}) -> exit status, stdout, stderr
local function run(args)
  local q = {}
  for i, a in ipairs(args) do q[i] = sh_quote(a) end
  local errf = os.tmpname()
  local cmd = "GLEAN_NO_LOCAL=1 lua5.4 " .. sh_quote(H.home .. "/bin/glean") .. " gazetteer " ..
              table.concat(q, " ") .. " </dev/null 2>" .. sh_quote(errf)
  local p = assert(io.popen(cmd, "r"))
  local out = p:read("a")
  local _, _, code = p:close()
  local err = H.read(errf)
  os.remove(errf)
  return code, out, err
end

-- rows of a gazetteer TSV by id then alias
local function by_id(path)
  local rows = assert(glean.gazetteer.rows(path))
  local t = {}
  for _, r in ipairs(rows) do
    t[r.id] = t[r.id] or {}
    t[r.id][r.alias] = r
  end
  return t
end

describe("glean gazetteer import wikidata", function()
  local out
  before_each(function() out = os.tmpname() end)
  after_each(function() os.remove(out) end)

  it("keeps people, organisations and places by P31 with labels and aliases per language", function()
    local code, _, err = run { "import", "wikidata", dumps .. "wikidata-good.json", "-o", out, "-q" }
    assert.are.equal(0, code, err)
    assert.matches("4 entities kept, 20 rows written, 0 entities skipped", err, 1, true)
    local g = by_id(out)
    assert.is_nil(g.Q25188)                               -- a film: not a chosen class
    local adams = g.Q42["Douglas Adams"]
    assert.are.equal("person", adams.type)
    assert.are.equal("de,en,fr", adams.attrs.lang)         -- one row for the same spelling
    assert.are.equal("Douglas Adams", adams.attrs.label)
    assert.are.equal("English writer and humorist (1952–2001)", adams.attrs.description)
    assert.are.equal("Q145", adams.attrs.country)          -- P27 for a person without P17
    assert.truthy(g.Q42["Дуглас Адамс"] and g.Q42["Douglas Noel Adams"])
    assert.are.equal("org", g.Q7184["NATO"].type)
    assert.are.equal("case", g.Q7184["NATO"].flags)         -- all capitals
    assert.are.equal("noboundary", g.Q7184["北约"].flags)
    assert.are.equal("place", g.Q64["Berlin"].type)
    assert.are.equal("Q183", g.Q64["Berlin"].attrs.country) -- P17
    assert.are.equal("6", g.Q64["Berlin"].attrs.sitelinks)
    assert.are.equal("org", g.Q95["Google"].type)          -- business
    -- the output is a gazetteer glean loads
    local gz = assert(glean.gazetteer.load(out))
    local m = gz:find_all("Die NATO tagte in Berlin.")
    assert.are.same({ "Q7184", "Q64" }, { m[1].id, m[2].id })
  end)

  it("reads .gz and .bz2 through a pipe with the same result", function()
    run { "import", "wikidata", dumps .. "wikidata-good.json", "-o", out, "-q" }
    local plain = H.read(out):gsub("^[^\n]*\n", "")   -- the first comment line names the file
    for _, ext in ipairs { ".gz", ".bz2" } do
      local code, _, err = run { "import", "wikidata", dumps .. "wikidata-good.json" .. ext, "-o", out, "-q" }
      assert.are.equal(0, code, err)
      assert.are.equal(plain, (H.read(out):gsub("^[^\n]*\n", "")))
    end
  end)

  it("filters by --types, --langs and --min-sitelinks", function()
    assert.are.equal(0, (run { "import", "wikidata", dumps .. "wikidata-good.json", "-o", out, "-q",
                               "--types", "person", "--langs", "ru,en" }))
    local g = by_id(out)
    assert.truthy(g.Q42 and g.Q42["Дуглас Адамс"])
    assert.is_nil(g.Q64 or g.Q7184)
    assert.is_nil(g.Q42["Douglas Adams"].attrs.lang:find("de"))
    assert.are.equal(0, (run { "import", "wikidata", dumps .. "wikidata-good.json", "-o", out, "-q",
                               "--min-sitelinks", "5" }))
    g = by_id(out)
    assert.truthy(g.Q64 and g.Q7184)
    assert.is_nil(g.Q42 or g.Q95)
    -- a class added to a type
    assert.are.equal(0, (run { "import", "wikidata", dumps .. "wikidata-good.json", "-o", out, "-q",
                               "--types", "work:Q11424" }))
    assert.are.equal("work", by_id(out).Q25188.Inception.type)
    local code, _, err = run { "import", "wikidata", dumps .. "wikidata-good.json", "-o", out, "--types", "films" }
    assert.are.equal(2, code)
    assert.matches("unknown type 'films'", err, 1, true)
  end)

  it("reports bad lines as FILE:LINE, imports the rest and fails unless --keep-going", function()
    local path = dumps .. "wikidata-sample.json"
    local code, _, err = run { "import", "wikidata", path, "-o", out, "-q" }
    assert.are.equal(1, code)
    assert.matches(path .. ":5: malformed JSON", err, 1, true)
    assert.matches(path .. ":6: Q99999999: entity without labels", err, 1, true)
    assert.matches("4 entities kept, 20 rows written, 2 entities skipped for bad input", err, 1, true)
    assert.truthy(by_id(out).Q95)                          -- the entity after the bad lines
    code = run { "import", "wikidata", path, "-o", out, "-q", "--keep-going" }
    assert.are.equal(0, code)
  end)

  it("detects a truncated compressed dump from the decompressor's exit status", function()
    local path = dumps .. "wikidata-truncated.json.gz"
    local code, _, err = run { "import", "wikidata", path, "-o", out, "-q", "--keep-going" }
    assert.are.equal(1, code)
    assert.matches(path .. ": gzip -dc failed (exit 1): the file is truncated or corrupt", err, 1, true)
  end)

  it("names a missing dump and leaves no output file", function()
    os.remove(out)
    local code, _, err = run { "import", "wikidata", dumps .. "nothere.json", "-o", out }
    assert.are.equal(2, code)
    assert.matches("nothere.json: No such file", err, 1, true)
    assert.is_nil(io.open(out, "rb"))
    code, _, err = run { "import", "wikidata", dumps .. "wikidata-good.json", "--types", "film", "-o", out }
    assert.are.equal(2, code)
    assert.matches("unknown type 'film'", err, 1, true)
    assert.is_nil(io.open(out, "rb"))
  end)
end)

describe("glean gazetteer import geonames", function()
  local out
  before_each(function() out = os.tmpname() end)
  after_each(function() os.remove(out) end)

  it("keeps places by population with their language-tagged names and Wikidata ids", function()
    local code, _, err = run { "import", "geonames", dumps .. "geonames-sample.txt",
                               dumps .. "alternateNamesV2-sample.txt", "-o", out, "-q", "--keep-going" }
    assert.are.equal(0, code, err)
    assert.matches(dumps .. "geonames-sample.txt:5: 2 columns, 19 expected", err, 1, true)
    local g = by_id(out)
    local berlin = g["place:gn:2950159"]
    assert.are.equal("de,en", berlin.Berlin.attrs.lang)
    assert.are.equal("Q64", berlin.Berlin.attrs.wikidata)
    assert.are.equal("DE", berlin.Berlin.attrs.iso)
    assert.are.equal("P.PPLC", berlin.Berlin.attrs.feature)
    assert.are.equal("noboundary", berlin["ベルリン"].flags)
    assert.is_nil(berlin.Berolinum)                                       -- historic
    assert.is_nil(berlin["https://en.wikipedia.org/wiki/Berlin"])          -- link
    assert.truthy(g["place:gn:2911298"].Hambourg)
    assert.is_nil(g["place:gn:2911298"].HAM)                               -- iata
    assert.is_nil(g["place:gn:2911298"]["Hansestadt Hamburg"])             -- colloquial
    assert.is_nil(g["place:gn:2803474"])                                   -- 1541 inhabitants
    code = run { "import", "geonames", dumps .. "geonames-sample.txt", "-o", out, "-q", "--min-population", "1000" }
    assert.are.equal(1, code)                                              -- the bad line
    assert.truthy(by_id(out)["place:gn:2803474"].Zwota)
  end)
end)

describe("glean gazetteer compile and stats", function()
  local a, b, glz
  setup(function()
    a = H.tmpfile("id\ttype\talias\tflags\tlang\tlabel\tiso\n" ..
                  "Q64\tplace\tBerlin\t\ten\tBerlin\tDE\nQ64\tplace\tBerlino\t\tit\tBerlin\tDE\n" ..
                  "Q90\tplace\tParis\t\ten\tParis\tFR\n")
    b = H.tmpfile("id\ttype\talias\tflags\tlang\tlabel\tpopulation\n" ..
                  "Q64\tplace\tБерлин\t\tru\tBerlin (city)\t3600000\nQ1\tperson\tAda Lovelace\t\ten\tAda\t\n")
    glz = os.tmpname()
  end)
  teardown(function() os.remove(a); os.remove(b); os.remove(glz) end)

  it("merges layers into a compiled file, later files winning for an id's attributes", function()
    local code, _, err = run { "compile", a, b, "-o", glz }
    assert.are.equal(0, code, err)
    assert.matches("5 aliases of 3 entities", err, 1, true)
    local gz = assert(glean.gazetteer.open(glz))
    local m = gz:find_all("Berlino, Берлин")
    assert.are.equal(2, #m)
    for _, x in ipairs(m) do
      assert.are.equal("Berlin (city)", x.attrs.label)   -- b's label for every alias of Q64
      assert.are.equal("3600000", x.attrs.population)
      assert.are.equal("DE", x.attrs.iso)                 -- what b does not say, a's
    end
  end)

  it("reports a bad layer as FILE:LINE", function()
    local bad = H.tmpfile("id\ttype\talias\nQ1\tplace\t\n")
    local code, _, err = run { "compile", a, bad, "-o", glz }
    os.remove(bad)
    assert.are.equal(2, code)
    assert.matches(bad .. ":2: empty alias", err, 1, true)
  end)

  it("counts entities by type and aliases by language, script and flag", function()
    local code, out = run { "stats", dumps .. "wikidata-stats.tsv" }
    assert.are.equal(0, code)
    assert.matches("5 aliases, 3 entities", out, 1, true)
    assert.matches("entities by type:\n  place%s+2\n  person%s+1\n", out)
    assert.matches("\n  Latn%s+3\n", out)
    assert.matches("\n  Cyrl%s+1\n", out)
    assert.matches("\n  Han%s+1\n", out)
    assert.matches("\n  noboundary%s+1\n", out)
    assert.matches("\n  en%s+2\n", out)
  end)

  it("counts a compiled gazetteer as the files it was compiled from", function()
    local code, _, err = run { "compile", dumps .. "wikidata-stats.tsv", "-o", glz }
    assert.are.equal(0, code, err)
    local out
    code, out, err = run { "stats", glz }
    assert.are.equal(0, code, err)
    local _, src = run { "stats", dumps .. "wikidata-stats.tsv" }
    assert.are.equal(src:gsub("^[^:]*", ""), (out:gsub("^[^:]*", "")))
    local bad = H.tmpfile("GLZ not really")
    code, _, err = run { "stats", bad }
    os.remove(bad)
    assert.are.equal(1, code)
    assert.matches(bad .. ":", err, 1, true)
    code, _, err = run { "stats", bad }   -- removed: named once
    assert.are.equal(1, code)
    assert.are.equal("glean: " .. bad .. ": No such file or directory\n", err)
  end)
end)

describe("glean.gazetteer.load{...} (layers)", function()
  local a, b
  setup(function()
    a = H.tmpfile("id\ttype\talias\tflags\tlang\tlabel\tiso\n" ..
                  "Q64\tplace\tBerlin\t\ten\tBerlin\tDE\nQ90\tplace\tParis\t\ten\tParis\tFR\n")
    b = H.tmpfile("id\ttype\talias\tflags\tlang\tlabel\n" ..
                  "Q64\tplace\tBärlin\t\tgsw\tBerlin, Germany\nQ7\tperson\tAda Lovelace\t\ten\tAda\n")
  end)
  teardown(function() os.remove(a); os.remove(b) end)

  it("matches the aliases of every layer; later layers win for an id's attributes", function()
    local gz = assert(glean.gazetteer.load { a, b })
    local m = gz:find_all("Berlin, Bärlin, Paris, Ada Lovelace")
    assert.are.same({ "Q64", "Q64", "Q90", "Q7" }, { m[1].id, m[2].id, m[3].id, m[4].id })
    assert.are.equal("Berlin, Germany", m[1].attrs.label)   -- a's row, b's label
    assert.are.equal("DE", m[1].attrs.iso)
    assert.are.equal("en", m[1].attrs.lang)                -- lang stays the alias's own
    assert.are.equal("Paris", m[3].attrs.label)
    local n = 0
    for x in gz:gmatch("Berlin") do n = n + 1; assert.are.equal("Berlin, Germany", x.attrs.label) end
    assert.are.equal(1, n)
  end)

  it("names the layer and line of a bad row", function()
    local bad = H.tmpfile("id\ttype\talias\tflags\nQ1\tplace\tX\tcse\n")
    local gz, err = glean.gazetteer.load { a, bad }
    os.remove(bad)
    assert.is_nil(gz)
    assert.matches(bad .. ":2: ", err, 1, true)
  end)
end)

describe("glean analyze with layers", function()
  local dir, mine, text
  setup(function()
    dir = H.tmpdir()
    assert(os.execute("mkdir -p '" .. dir .. "/glean/gazetteers'"))
    H.write(dir .. "/glean/gazetteers/people.tsv", "id\ttype\talias\tflags\tlang\tlabel\n" ..
      "Q7259\tperson\tAda Lovelace\t\ten\tAda Lovelace\n")
    -- an ending in capitals is a gazetteer too; a hidden file and notes are not
    H.write(dir .. "/glean/gazetteers/Towns.TSV", "id\ttype\talias\nT1\tplace\tOldtown\n")
    H.write(dir .. "/glean/gazetteers/.people.tsv", "id\ttype\talias\nH1\tplace\tHiddenville\n")
    H.write(dir .. "/glean/gazetteers/notes.txt", "not a gazetteer\n")
    mine = H.tmpfile("id\ttype\talias\tflags\tlang\tlabel\n" ..
      "place:city:Europe/Moscow\tplace\tMoskva-reka City\t\ten\tMoscow (Russia)\n")
    text = H.tmpfile("Ada Lovelace never saw Moscow.\n")
  end)
  teardown(function() os.execute("rm -rf '" .. dir .. "'"); os.remove(mine); os.remove(text) end)

  local function analyze(args)
    local cmd = "XDG_CONFIG_HOME=" .. sh_quote(dir) .. " GLEAN_NO_LOCAL=1 lua5.4 " .. sh_quote(H.home .. "/bin/glean")
      .. " analyze -q --no-default-rules " .. args .. " 2>&1"
    local p = assert(io.popen(cmd, "r"))
    local out = p:read("a")
    local _, _, code = p:close()
    return code, out
  end

  it("lists the default, personal and command-line layers", function()
    local code, out = analyze("--explain-setup -g " .. sh_quote(mine))
    assert.are.equal(0, code, out)
    assert.matches("1. " .. H.home .. "/data/gazetteer.tsv (default)", out, 1, true)
    assert.matches("2. " .. dir .. "/glean/gazetteers/Towns.TSV (personal)", out, 1, true)
    assert.matches("3. " .. dir .. "/glean/gazetteers/people.tsv (personal)", out, 1, true)
    assert.matches("4. " .. mine .. " (command line)", out, 1, true)
    assert.is_nil(out:find(".people.tsv", 1, true))
    assert.is_nil(out:find("notes.txt", 1, true))
    code, out = analyze("--explain-setup --no-default-gazetteer")
    assert.are.equal(0, code, out)
    assert.matches("2. " .. dir .. "/glean/gazetteers/people.tsv (personal)", out, 1, true)
    assert.is_nil(out:find("(default)", 1, true))
  end)

  it("adds -g and personal gazetteers to the default; the later layer's label wins", function()
    local code, out = analyze("--format jsonl -g " .. sh_quote(mine) .. " " .. sh_quote(text))
    assert.are.equal(0, code, out)
    local rec = require("cjson").decode(out)
    local got = {}
    for _, m in ipairs(rec.mentions) do got[m.id] = m.label end
    assert.are.equal("Ada Lovelace", got.Q7259)                             -- personal layer
    assert.are.equal("Moscow (Russia)", got["place:city:Europe/Moscow"])    -- default alias, -g label
  end)
end)
