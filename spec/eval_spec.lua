-- glean.eval and `glean eval`: scoring on hand-made cases with known
-- answers (../shared/ANNOTATION.md), the error classes, bad gold files,
-- building the gold from annotations, and the development set's
-- annotations (every one must place).
local eval = require "glean.eval"
local H = glean_spec

local function sh_quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

-- run({args...}) -> exit status, stdout, stderr
local function run(args)
  local q = {}
  for i, a in ipairs(args) do q[i] = sh_quote(a) end
  local errf = os.tmpname()
  local cmd = "GLEAN_NO_LOCAL=1 lua5.4 " .. sh_quote(H.home .. "/bin/glean") .. " eval " ..
              table.concat(q, " ") .. " 2>" .. sh_quote(errf)
  local p = assert(io.popen(cmd, "r"))
  local out = p:read("a")
  local _, _, code = p:close()
  local err = H.read(errf)
  os.remove(errf)
  return code, out, err
end

local HEADER = eval.GOLD_HEADER .. "\n"

local function gold_of(rows)
  local t = { HEADER }
  for _, r in ipairs(rows) do t[#t + 1] = table.concat(r, "\t") .. "\n" end
  return assert(eval.parse_gold(table.concat(t), "g.tsv"))
end

local function m(start, stop, type, label, surface)
  return { start = start, stop = stop, type = type, label = label, surface = surface }
end

--            1   5   9 12    19      27 28   33   38 39  43
local TEXT = "The Bank of England met in London and Paris."

describe("glean.eval scoring", function()
  local gold = gold_of {
    { "en-1.txt", 5, 19, "ORG", "Bank of England", "Bank of England", 0 },
    { "en-1.txt", 13, 19, "LOC", "England", "England", 1 },
    { "en-1.txt", 28, 33, "LOC", "London", "London", 0 },
    { "en-1.txt", 39, 43, "LOC", "Paris", "Paris", 0 },
  }
  local preds = {
    m(10, 19, "org", "of England", "of England"),   -- boundary
    m(13, 19, "place", "England", "England"),       -- on the optional row
    m(28, 33, "place", "london", "London"),         -- right, linked (case-insensitive)
    m(39, 43, "org", "Paris", "Paris"),             -- type
    m(5, 8, "event", "Bank", "Bank"),               -- a type the gold does not know
  }
  local res = eval.score { { name = "en-1.txt", lang = "en", text = TEXT, gold = gold.by_doc["en-1.txt"],
                             mentions = preds } }
  local all = res.scores.all

  it("counts exact matches: same start, stop and type", function()
    assert.are.same({ 1, 2, 2 }, { all.ALL.exact.tp, all.ALL.exact.fp, all.ALL.exact.fn })
    assert.are.same({ 1, 0, 1 }, { all.LOC.exact.tp, all.LOC.exact.fp, all.LOC.exact.fn })
    assert.are.same({ 0, 2, 1 }, { all.ORG.exact.tp, all.ORG.exact.fp, all.ORG.exact.fn })
    assert.are.near(1 / 3, all.ALL.exact.precision, 1e-9)
    assert.are.near(1 / 3, all.ALL.exact.recall, 1e-9)
    assert.are.near(1 / 3, all.ALL.exact.f1, 1e-9)
  end)

  it("counts overlap matches of the same type; a prediction on an optional row only is ignored", function()
    assert.are.same({ 2, 1, 1 }, { all.ALL.overlap.tp, all.ALL.overlap.fp, all.ALL.overlap.fn })
    assert.are.same({ 1, 0, 1 }, { all.LOC.overlap.tp, all.LOC.overlap.fp, all.LOC.overlap.fn })
    assert.are.same({ 1, 1, 0 }, { all.ORG.overlap.tp, all.ORG.overlap.fp, all.ORG.overlap.fn })
  end)

  it("counts gold, optional and predicted mentions, and other types apart", function()
    assert.are.same({ 3, 1, 4 }, { all.ALL.gold, all.ALL.optional, all.ALL.predicted })
    assert.are.same({ event = 1 }, res.other_types)
  end)

  it("measures linking on exact true positives, case-insensitively", function()
    assert.are.equal(1, all.LOC.linked)
    assert.are.equal(1, all.LOC.linking)
    local r2 = eval.score { { name = "en-1.txt", lang = "en", text = TEXT, gold = gold.by_doc["en-1.txt"],
                              mentions = { m(28, 33, "place", "London, Ontario"), m(39, 43, "place", "PARIS") } } }
    assert.are.equal(2, r2.scores.all.LOC.exact.tp)
    assert.are.equal(1, r2.scores.all.LOC.linked)
    assert.are.equal(0.5, r2.scores.all.LOC.linking)
  end)

  it("classes each error: boundary, type, missed, spurious", function()
    local got = {}
    for _, e in ipairs(res.errors.en) do got[#got + 1] = e.kind .. " " .. e.class .. " " .. e.start .. "-" .. e.stop end
    assert.are.same({ "gold boundary 5-19", "prediction boundary 10-19", "gold type 39-43",
                      "prediction type 39-43" }, got)
    local r2 = eval.score { { name = "en-1.txt", lang = "en", text = TEXT, gold = gold.by_doc["en-1.txt"],
                              mentions = { m(21, 23, "place", "met") } } }
    got = {}
    for _, e in ipairs(r2.errors.en) do got[#got + 1] = e.class .. " " .. e.start end
    assert.are.same({ "missed 5", "spurious 21", "missed 28", "missed 39" }, got)
    assert.are.equal("The Bank of England met in London and [Paris].", r2.errors.en[4].context)
  end)

  it("never counts an optional row as a miss", function()
    local r2 = eval.score { { name = "en-1.txt", lang = "en", text = TEXT, gold = gold.by_doc["en-1.txt"],
                              mentions = {} } }
    assert.are.equal(3, r2.scores.all.ALL.exact.fn)
    assert.are.equal(3, r2.scores.all.ALL.overlap.fn)
  end)

  it("matches overlaps one-to-one, taking the maximum matching", function()
    -- gold A 1-5, B 7-10; X 1-10 overlaps both, Y 1-3 only A: A-Y and B-X
    local text = "Aaaaa Bbbb"
    local g = gold_of { { "x-1.txt", 1, 5, "LOC", "Aaaaa", "A", 0 }, { "x-1.txt", 7, 10, "LOC", "Bbbb", "B", 0 } }
    local r2 = eval.score { { name = "x-1.txt", lang = "xx", text = text, gold = g.by_doc["x-1.txt"],
                              mentions = { m(1, 10, "place", "X"), m(1, 3, "place", "Y") } } }
    assert.are.same({ 2, 0, 0 }, { r2.scores.all.LOC.overlap.tp, r2.scores.all.LOC.overlap.fp,
                                   r2.scores.all.LOC.overlap.fn })
    -- two predictions inside one gold row: one is right, the other wrong
    local r3 = eval.score { { name = "x-1.txt", lang = "xx", text = text, gold = g.by_doc["x-1.txt"],
                              mentions = { m(1, 2, "place", "X"), m(4, 5, "place", "Y") } } }
    assert.are.same({ 1, 1, 1 }, { r3.scores.all.LOC.overlap.tp, r3.scores.all.LOC.overlap.fp,
                                   r3.scores.all.LOC.overlap.fn })
  end)

  it("counts one prediction per span and type", function()
    local r2 = eval.score { { name = "en-1.txt", lang = "en", text = TEXT, gold = gold.by_doc["en-1.txt"],
                              mentions = { m(28, 33, "place", "London"), m(28, 33, "place", "London, Ontario") } } }
    assert.are.same({ 1, 0, 1 }, { r2.scores.all.LOC.exact.tp, r2.scores.all.LOC.exact.fp, r2.scores.all.LOC.linked })
  end)

  it("adds up per language, per language and type, and per document", function()
    local g = gold_of {
      { "fr-1.txt", 1, 5, "LOC", "Paris", "Paris", 0 },
      { "de-1.txt", 1, 6, "LOC", "Berlin", "Berlin", 0 },
      { "de-1.txt", 12, 14, "ORG", "SPD", "Social Democratic Party of Germany", 0 },
    }
    local r2 = eval.score {
      { name = "fr-1.txt", lang = eval.lang_of("fr-1.txt", "it"), gold = g.by_doc["fr-1.txt"],
        mentions = { m(1, 5, "place", "Paris") } },
      { name = "de-1.txt", lang = eval.lang_of("de-1.txt"), gold = g.by_doc["de-1.txt"],
        mentions = { m(1, 6, "place", "Berlin"), m(8, 10, "place", "und") } },
    }
    assert.are.same({ "de", "fr" }, r2.langs)
    assert.are.equal(1, r2.scores.fr.ALL.exact.f1)
    assert.are.same({ 1, 1, 0 }, { r2.scores.de.LOC.exact.tp, r2.scores.de.LOC.exact.fp, r2.scores.de.LOC.exact.fn })
    assert.are.same({ 0, 0, 1 }, { r2.scores.de.ORG.exact.tp, r2.scores.de.ORG.exact.fp, r2.scores.de.ORG.exact.fn })
    assert.are.same({ 2, 1, 1 }, { r2.scores.all.ALL.exact.tp, r2.scores.all.ALL.exact.fp, r2.scores.all.ALL.exact.fn })
    assert.are.equal(2, r2.scores["doc:de-1.txt"].ALL.exact.fp + r2.scores["doc:de-1.txt"].ALL.exact.fn)
    assert.are.equal("eval: exact F1=0.667 (LOC 0.800 ORG 0.000 PER 0.000) overlap F1=0.667", eval.summary(r2))
  end)

  it("takes the language from the file name's prefix, else the detected one", function()
    assert.are.equal("ar", eval.lang_of("eval/dev/ar-1.txt", "fa"))
    assert.are.equal("fa", eval.lang_of("news.txt", "fa"))
    assert.are.equal("und", eval.lang_of("news-1.txt"))
  end)
end)

describe("glean.eval gold files", function()
  local function errs_of(text)
    local g, errs = eval.parse_gold(text, "g.tsv")
    assert.is_nil(g)
    return errs
  end

  it("reads rows and sorts each document's rows", function()
    local g = gold_of { { "a.txt", 9, 12, "PER", "Anna", "Anna", 0 }, { "a.txt", 1, 4, "LOC", "Rome", "Rome", 1 } }
    assert.are.equal(2, #g.rows)
    assert.are.same({ 1, 9 }, { g.by_doc["a.txt"][1].start, g.by_doc["a.txt"][2].start })
    assert.is_true(g.by_doc["a.txt"][1].optional)
  end)

  it("names file and line of each malformed row", function()
    assert.are.same(
      { "g.tsv:1: header expected: 'doc<TAB>start<TAB>stop<TAB>type<TAB>surface<TAB>canonical<TAB>optional'" },
      errs_of("doc\tstart\n"))
    assert.are.same({
      "g.tsv:2: 6 fields, 7 expected",
      "g.tsv:3: start 'x' is not a byte offset",
      "g.tsv:4: stop 3 before start 5",
      "g.tsv:5: type 'MISC' is not PER, LOC or ORG",
      "g.tsv:6: optional 'yes' is not 0 or 1",
      "g.tsv:7: required row without a canonical name",
      "g.tsv:9: same doc, span and type as line 8",
    }, errs_of(HEADER .. "a.txt\t1\t4\tLOC\tRome\tRome\n"
      .. "a.txt\tx\t4\tLOC\tRome\tRome\t0\n"
      .. "a.txt\t5\t3\tLOC\tRome\tRome\t0\n"
      .. "a.txt\t1\t4\tMISC\tRome\tRome\t0\n"
      .. "a.txt\t1\t4\tLOC\tRome\tRome\tyes\n"
      .. "a.txt\t1\t4\tLOC\tRome\t\t0\n"
      .. "a.txt\t1\t4\tLOC\tRome\tRome\t0\n"
      .. "a.txt\t1\t4\tLOC\tRome\tRome\t1\n"))
  end)

  it("checks every surface against the document's bytes", function()
    local g = gold_of { { "a.txt", 2, 5, "LOC", "Rome", "Rome", 0 }, { "a.txt", 7, 20, "LOC", "Oslo", "Oslo", 0 } }
    local ok, errs = eval.check_offsets(g, { ["a.txt"] = "Rome, Oslo" })
    assert.is_nil(ok)
    assert.are.same({ "g.tsv:2: a.txt bytes 2-5 are 'ome,', not the surface 'Rome'",
                      "g.tsv:3: offsets 7-20 beyond the end of a.txt (10 bytes)" }, errs)
    assert.is_true(eval.check_offsets(gold_of { { "a.txt", 1, 4, "LOC", "Rome", "Rome", 0 } },
                                      { ["a.txt"] = "Rome, Oslo" }))
  end)
end)

describe("glean.eval build_gold", function()
  local function build(ann, texts)
    return eval.build_gold({ { name = "ann.txt", text = ann } }, texts)
  end

  it("places mentions in reading order, repeats and a nested optional name included", function()
    local text = "Ministry of Foreign Affairs of Japan: Japan and Japan’s army; l’Union européenne."
    local rows, errs = build("# a comment\n\n## a.txt\n"
      .. "ORG | Ministry of Foreign Affairs of Japan | Ministry of Foreign Affairs of Japan\n"
      .. "LOC | Japan | Japan | opt\n"
      .. "LOC|Japan|Japan\n"
      .. "  LOC | Japan | Japan |  0 \n"
      .. "ORG | Union européenne | European Union\n", { ["a.txt"] = text })
    assert.are.same({}, errs)
    local got = {}
    for _, r in ipairs(rows) do got[#got + 1] = { r.start, r.stop, r.type, r.optional } end
    assert.are.same({ { 1, 36, "ORG", false }, { 32, 36, "LOC", true }, { 39, 43, "LOC", false },
                      { 49, 53, "LOC", false }, { 69, 85, "ORG", false } }, got)
    for _, r in ipairs(rows) do assert.are.equal(r.surface, text:sub(r.start, r.stop)) end
    assert.are.equal(HEADER .. "a.txt\t1\t36\tORG\tMinistry of Foreign Affairs of Japan\t"
      .. "Ministry of Foreign Affairs of Japan\t0\n", eval.gold_tsv({ rows[1] }))
  end)

  it("does not place a required mention inside an earlier one", function()
    local rows, errs = build("## a.txt\nORG | Bank of England | Bank of England\nLOC | England | England\n",
      { ["a.txt"] = "Bank of England in England" })
    assert.are.same({}, errs)
    assert.are.equal(20, rows[2].start)
  end)

  it("fails with file:line when a surface is not found, and reports every failure", function()
    local rows, errs = build("## a.txt\nLOC | Paris | Paris\nLOC | Oslo | Oslo\nLOC | Pari | Paris\n"
      .. "LOC | Rome | Rome\nPER | Anna | Anna\n## b.txt\nXYZ | Anna | Anna\nLOC | Rome\n",
      { ["a.txt"] = "Rome, Paris and Parisians." })
    assert.are.equal(1, #rows)
    assert.are.same({
      "ann.txt:8: type 'XYZ' is not PER, LOC or ORG",
      "ann.txt:9: 2 fields, expected 'TYPE | surface | canonical [| optional]'",
      "ann.txt:3: 'Oslo' not found in a.txt after byte 7 (the start of the previous mention 'Paris'); "
        .. "it does not occur in the document",
      "ann.txt:4: 'Pari' not found in a.txt after byte 7 (the start of the previous mention 'Paris'); "
        .. "at byte 7 it ends inside a word",
      "ann.txt:5: 'Rome' not found in a.txt after byte 7 (the start of the previous mention 'Paris'); "
        .. "it occurs earlier, at byte 1: out of reading order?",
      "ann.txt:6: 'Anna' not found in a.txt after byte 7 (the start of the previous mention 'Paris'); "
        .. "it does not occur in the document",
      "ann.txt:7: document 'b.txt' is not among the documents given",
    }, errs)
  end)

  it("rejects a required mention without canonical, a bad optional field and a duplicate document", function()
    local _, errs = eval.build_gold({ { name = "x.txt", text = "LOC | Rome | Rome\n## a.txt\nLOC | Rome |\n"
      .. "LOC | Rome | Rome | maybe\n" }, { name = "y.txt", text = "## a.txt\n" } }, { ["a.txt"] = "Rome" })
    assert.are.same({ "x.txt:1: mention before any '## FILE' header",
                      "x.txt:3: required mention without a canonical name",
                      "x.txt:4: optional field 'maybe' is not 1, opt, optional or 0",
                      "y.txt:1: document 'a.txt' already annotated at x.txt:2" }, errs)
  end)

  it("lets Arabic proclitics precede a surface, and nothing else", function()
    local text = "وصل إلى القاهرة وبباريس ولندن وللكويت ثم مدريدية"
    local rows, errs = build("## ar-1.txt\nLOC | القاهرة | Cairo\nLOC | باريس | Paris\nLOC | لندن | London\n"
      .. "LOC | كويت | Kuwait\nLOC | مدريد | Madrid\n", { ["ar-1.txt"] = text })
    assert.are.equal(4, #rows)
    for _, r in ipairs(rows) do assert.are.equal(r.surface, text:sub(r.start, r.stop)) end
    assert.are.equal(1, #errs)
    assert.matches("ann.txt:6: 'مدريد' not found .* it ends inside a word", errs[1])
  end)

  it("lets an apostrophe-set suffix follow, but no letters", function()
    local text = "Ankara’da, Russia's, Kyivʼs; Berliner"
    local rows, errs = build("## tr-1.txt\nLOC | Ankara | Ankara\nLOC | Russia | Russia\nLOC | Kyiv | Kyiv\n"
      .. "LOC | Berlin | Berlin\n", { ["tr-1.txt"] = text })
    assert.are.equal(3, #rows)
    assert.are.equal(1, #errs)
    assert.matches("ann.txt:5: 'Berlin' not found .* it ends inside a word", errs[1])
  end)

  it("needs no word boundary in scripts written without spaces", function()
    local text = "东京都知事和中美关系。バンコクのタイ"
    local rows, errs = build("## zh-1.txt\nLOC | 东京 | Tokyo\nLOC | 中 | China | 1\nLOC | 美 | United States | 1\n"
      .. "LOC | バンコク | Bangkok\n", { ["zh-1.txt"] = text })
    assert.are.same({}, errs)
    assert.are.equal(4, #rows)
    for _, r in ipairs(rows) do assert.are.equal(r.surface, text:sub(r.start, r.stop)) end
  end)

  it("excludes a Persian ezafe written after a vowel", function()
    local text = "سفر به اروپای شرقی و آمریکا"
    local rows, errs = build("## fa-1.txt\nLOC | اروپا | Europe\nLOC | آمریکا | United States\n",
      { ["fa-1.txt"] = text })
    assert.are.same({}, errs)
    assert.are.equal(2, #rows)
  end)
end)

describe("glean eval (command)", function()
  local dir, gaz
  setup(function()
    dir = H.tmpdir()
    H.write(dir .. "/en-1.txt", TEXT .. "\n")
    H.write(dir .. "/fr-1.txt", "Il vit à Paris.\n")
    H.write(dir .. "/ann.txt", "## en-1.txt\nORG | Bank of England | Bank of England\nLOC | England | England | 1\n"
      .. "LOC | London | London\nLOC | Paris | Paris\n\n## fr-1.txt\nLOC | Paris | Paris\n")
    gaz = dir .. "/gaz.tsv"
    H.write(gaz, "id\ttype\talias\tflags\tlang\nL1\tplace\tLondon\t\ten\nP1\tplace\tParis\t\t\n"
      .. "E1\tplace\tEngland\t\ten\n")
  end)
  teardown(function() os.execute("rm -rf " .. sh_quote(dir)) end)

  it("builds the gold file from annotations", function()
    local code, out, err = run { "--build-gold", dir .. "/ann.txt", "-o", dir .. "/gold.tsv", "--",
                                 dir .. "/en-1.txt", dir .. "/fr-1.txt" }
    assert.are.equal("", err)
    assert.are.equal("", out)
    assert.are.equal(0, code)
    assert.are.equal(HEADER .. "en-1.txt\t5\t19\tORG\tBank of England\tBank of England\t0\n"
      .. "en-1.txt\t13\t19\tLOC\tEngland\tEngland\t1\nen-1.txt\t28\t33\tLOC\tLondon\tLondon\t0\n"
      .. "en-1.txt\t39\t43\tLOC\tParis\tParis\t0\nfr-1.txt\t11\t15\tLOC\tParis\tParis\t0\n",
      H.read(dir .. "/gold.tsv"))
  end)

  it("scores the pipeline's mentions; the summary is the last line", function()
    local code, out, err = run { "--gold", dir .. "/gold.tsv", "-g", gaz,
                                 dir .. "/en-1.txt", dir .. "/fr-1.txt", "--show-errors", "3" }
    assert.are.equal(0, code, err)
    -- Bank of England: found by the entities stage (org_head 'Bank of'),
    -- so England inside it is an optional row neither right nor wrong
    assert.are.equal("eval: exact F1=1.000 (LOC 1.000 ORG 1.000 PER 0.000) overlap F1=1.000",
      out:match("([^\n]*)\n$"))
    assert.is_nil(out:find("\n  missed ", 1, true))
  end)

  it("scores saved analyze output with --predictions, in json and tsv", function()
    local jsonl = dir .. "/p.jsonl"
    assert(os.execute("GLEAN_NO_LOCAL=1 lua5.4 " .. sh_quote(H.home .. "/bin/glean") .. " analyze -q --format jsonl -g "
      .. sh_quote(gaz) .. " " .. sh_quote(dir .. "/en-1.txt") .. " "
      .. sh_quote(dir .. "/fr-1.txt") .. " > " .. sh_quote(jsonl) .. " 2>/dev/null"))
    local code, out = run { "--gold", dir .. "/gold.tsv", "--predictions", jsonl, "--format", "json" }
    assert.are.equal(0, code)
    local obj = require("cjson").decode(out)
    assert.are.equal(3, obj.scores.all.LOC.exact.tp)
    assert.are.equal(1, obj.scores.fr.ALL.exact.f1)
    assert.are.equal("eval: exact F1=1.000 (LOC 1.000 ORG 1.000 PER 0.000) overlap F1=1.000", obj.summary)
    local code2, tsv = run { "--gold", dir .. "/gold.tsv", "--predictions", jsonl, "--format", "tsv", "--by", "lang" }
    assert.are.equal(0, code2)
    assert.matches("\nen\tALL\texact\t3\t1\t3\t3\t0\t0\t1.0000\t1.0000\t1.0000\t1.0000\n", tsv)
  end)

  it("exits 2 for a gold document not given, unless --only-given", function()
    local code, _, err = run { "--gold", dir .. "/gold.tsv", "-g", gaz, dir .. "/en-1.txt" }
    assert.are.equal(2, code)
    assert.matches(dir .. "/gold.tsv:6: document 'fr-1.txt' is not among the documents given", err, 1, true)
    local code2, out = run { "--gold", dir .. "/gold.tsv", "-g", gaz, "--only-given", dir .. "/en-1.txt" }
    assert.are.equal(0, code2)
    assert.matches("note: 1 gold document not given, skipped", out, 1, true)
  end)

  it("exits 2 for a malformed gold file or offsets off the document's bytes", function()
    H.write(dir .. "/bad.tsv", HEADER .. "fr-1.txt\t11\t15\tLOC\tPari\tParis\t0\n")
    local code, _, err = run { "--gold", dir .. "/bad.tsv", "-g", gaz, dir .. "/fr-1.txt" }
    assert.are.equal(2, code)
    assert.are.equal("glean eval: " .. dir .. "/bad.tsv:2: fr-1.txt bytes 11-15 are 'Paris', not the surface 'Pari'\n",
      err)
    H.write(dir .. "/bad.tsv", HEADER .. "fr-1.txt\t11\t15\tLOC\tParis\n")
    code, _, err = run { "--gold", dir .. "/bad.tsv", "-g", gaz, dir .. "/fr-1.txt" }
    assert.are.equal(2, code)
    assert.are.equal("glean eval: " .. dir .. "/bad.tsv:2: 5 fields, 7 expected\n", err)
  end)

  it("exits 2 naming each annotation that cannot be placed", function()
    H.write(dir .. "/ann2.txt", "## fr-1.txt\nLOC | Pari | Paris\nLOC | Lyon | Lyon\n")
    local code, out, err = run { "--build-gold", dir .. "/ann2.txt", "--", dir .. "/fr-1.txt" }
    assert.are.equal(2, code)
    assert.are.equal("", out)
    assert.matches(dir .. "/ann2.txt:2: 'Pari' not found", err, 1, true)
    assert.matches(dir .. "/ann2.txt:3: 'Lyon' not found", err, 1, true)
  end)
end)

-- The development set and the unseen set (eval/unseen/README.md): every
-- annotation file must place without error, so an annotator's slip fails
-- `make test` (README "Measuring recognition").  Each set is built on its
-- own: their document names recur.
for _, set in ipairs({ "eval/dev", "eval/unseen" }) do
  describe(set .. " annotations", function()
    local lfs = require "lfs"
    local adir = H.home .. "/" .. set .. "/annotations"
    local files = {}
    if lfs.attributes(adir, "mode") == "directory" then
      for name in lfs.dir(adir) do
        if name:match("%.txt$") then files[#files + 1] = adir .. "/" .. name end
      end
    end
    table.sort(files)
    if #files == 0 then
      pending("no " .. set .. "/annotations/*.txt yet: nothing to check")
      return
    end
    it("build a gold file from every annotation file with no error", function()
      local texts = {}
      for name in lfs.dir(H.home .. "/" .. set) do
        if name:match("%.txt$") then texts[name] = H.read(H.home .. "/" .. set .. "/" .. name) end
      end
      local anns = {}
      for _, f in ipairs(files) do anns[#anns + 1] = { name = f:sub(#H.home + 2), text = H.read(f) } end
      local rows, errs = eval.build_gold(anns, texts)
      assert.are.same({}, errs)
      assert.is_true(#rows > 0)
    end)
  end)
end
