-- gz:find_flat / gz:record (matches without a table per match) and
-- gz:write_matches (the lines of `glean match` made in C) against
-- gz:find_all and the Lua formatting glean match used before (kept here as
-- the reference).
local glean = require "glean"
local gazetteer = glean.gazetteer

local tmpfile = glean_spec.tmpfile

-- ---- the reference: glean match's Lua formatting before write_matches ----
local escapes = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t" }
local function jstr(s)
  return '"' .. s:gsub('[%c"\\\127]', function(c) return escapes[c] or ("\\u%04x"):format(c:byte()) end) .. '"'
end
local function jsonl(doc, m)
  local parts = {
    '{"doc":', jstr(doc), ',"start":', tostring(m.start), ',"stop":', tostring(m.stop),
    ',"id":', jstr(m.id), ',"type":', jstr(m.type), ',"alias":', jstr(m.alias),
    ',"surface":', jstr(m.surface),
  }
  if m.ambiguous then parts[#parts + 1] = ',"ambiguous":true' end
  local names = gazetteer.attr_names(m)
  if #names > 0 then
    local a = {}
    for i, k in ipairs(names) do a[i] = jstr(k) .. ":" .. jstr(m.attrs[k]) end
    parts[#parts + 1] = ',"attrs":{' .. table.concat(a, ",") .. "}"
  end
  parts[#parts + 1] = "}\n"
  return table.concat(parts)
end
local tsv_escapes = { ["\t"] = "\\t", ["\n"] = "\\n", ["\r"] = "\\r", ["\\"] = "\\\\" }
local function tsv(doc, m)
  local f = { doc, m.start, m.stop, m.id, m.type, m.alias, m.surface }
  for i, v in ipairs(f) do f[i] = tostring(v):gsub("[\t\n\r\\]", tsv_escapes) end
  return table.concat(f, "\t") .. "\n"
end
local function reference(gz, text, opts, fmt, doc)
  local out = {}
  for i, m in ipairs(gz:find_all(text, opts)) do out[i] = (fmt == "tsv" and tsv or jsonl)(doc, m) end
  return table.concat(out)
end

local function written(gz, text, opts, fmt, doc)
  local chunks = {}
  local n = gz:write_matches(text, opts, fmt, doc, function(s) chunks[#chunks + 1] = s end)
  return table.concat(chunks), n, #chunks
end

-- aliases and attributes with every byte the two formats escape
local function tricky()
  return gazetteer.new {
    { id = 'q"1\\x', type = "place", alias = "New York", zeta = 'z"\\v', label = "NY\\", alpha = "A\tb" },
    { id = "id2", type = "org", alias = 'Acme "Q"', note = "line\nbreak\r\1\127" },
    { id = "id3", type = "pla\tce", alias = "Paris", label = "P\1x" },
    { id = "id4", type = "place", alias = "Paris", ["émoji"] = "é", ["Z"] = "upper" },
  }
end
local tricky_text = 'in New\tYork and "Acme \\"Q\\"" and acme "q" Paris\r\nNew\nyork \1 \127 PARIS\n'

describe("gz:find_flat and gz:record", function()
  local function same_as_find_all(gz, text, opts)
    local all = gz:find_all(text, opts)
    local n, flat = gz:find_flat(text, opts)
    assert.are.equal(#all, n)
    assert.are.equal(4 * n, #flat)
    for k, m in ipairs(all) do
      local i = 4 * k - 3
      assert.are.same({ m.start, m.stop, m.ambiguous }, { flat[i], flat[i + 1], flat[i + 3] })
      local r = gz:record(flat[i + 2])
      assert.are.same({ id = m.id, type = m.type, alias = m.alias, attrs = m.attrs, inflection = m.inflection }, r)
    end
    return n
  end

  it("give what find_all gives: spans, ambiguity, records with attributes", function()
    local gz = tricky()
    assert.are.equal(7, same_as_find_all(gz, tricky_text))   -- 5 spans, 2 of them Paris of two ids
    assert.is_true(same_as_find_all(gz, tricky_text, { overlapping = true }) >= 7)
  end)

  it("give what find_all gives on the samples with the default gazetteer, inflected forms included", function()
    local gz = assert(gazetteer.load(gazetteer.default_path(), { cache = true }))
    local total = 0
    for _, name in ipairs { "2024-12-03-ru-sammit.txt", "2024-12-03-de-gipfel.txt", "2024-12-03-ar-summit.txt" } do
      local text = glean_spec.read("samples/" .. name)
      total = total + same_as_find_all(gz, text, { lang = name:match("%-(%a%a)%-") })
    end
    assert.is_true(total > 50)
  end)

  it("reuse the table given and clear what an earlier, longer result left", function()
    local gz = tricky()
    local into = {}
    local n, t = gz:find_flat(tricky_text, nil, into)
    assert.are.equal(into, t)
    assert.are.equal(7, n)
    n = gz:find_flat("only Paris here", nil, into)
    assert.are.equal(2, n)
    assert.are.equal(8, #into)
    assert.is_nil(into[9])
    assert.are.equal(0, (gz:find_flat("nothing", nil, into)))
    assert.is_nil(next(into))
  end)

  it("reject bad arguments: a record out of range, invalid UTF-8, a non-table", function()
    local gz = tricky()
    gz:find_flat("Paris")
    assert.has_error(function() gz:record(0) end)
    assert.has_error(function() gz:record(1e6) end)
    assert.has_error(function() gz:find_flat("Paris", nil, 3) end)
    assert.has_error(function() gz:find_flat("a\255b") end, "bad argument #1 to 'find_flat' (invalid UTF-8 at byte 2)")
  end)

  it("apply a layered gazetteer's later attributes in record", function()
    local base = tmpfile("id\ttype\talias\tlabel\nX\tplace\tParis\tParis\n", ".tsv")
    local over = tmpfile("id\ttype\talias\tlabel\nX\tplace\tParis\tCity of Light\n", ".tsv")
    local gz = assert(gazetteer.load({ base, over }, { inflection = false }))
    local n, flat = gz:find_flat("in Paris")
    assert.are.equal(1, n)
    assert.are.equal(gz:find_all("in Paris")[1].attrs.label, gz:record(flat[3]).attrs.label)
    assert.are.equal("City of Light", gz:record(flat[3]).attrs.label)
    assert.has_error(function() gz:write_matches("Paris", nil, "tsv", "d", print) end)
  end)
end)

describe("gz:write_matches", function()
  it("writes the lines glean match wrote in Lua, byte for byte, in both formats", function()
    local gz = tricky()
    for _, fmt in ipairs { "jsonl", "tsv" } do
      for _, opts in ipairs { {}, { overlapping = true } } do
        local doc = 'dir/a "b"\t\\c.txt'
        local got, n = written(gz, tricky_text, opts, fmt, doc)
        assert.are.equal(reference(gz, tricky_text, opts, fmt, doc), got)
        assert.are.equal(#gz:find_all(tricky_text, opts), n)
      end
    end
  end)

  it("hands the lines over in chunks of about 64 KiB", function()
    local gz = tricky()
    local text = ("Paris and New York. "):rep(5000)
    local got, n, nchunks = written(gz, text, nil, "jsonl", "x")
    assert.are.equal(reference(gz, text, nil, "jsonl", "x"), got)
    assert.are.equal(15000, n)
    assert.is_true(nchunks > 10)
  end)

  it("writes nothing when the scan fails, and raises as find_all does", function()
    local gz = tricky()
    local calls = 0
    local function w() calls = calls + 1 end
    assert.has_error(function() gz:write_matches("Paris \255", nil, "tsv", "d", w) end,
      "bad argument #1 to 'write_matches' (invalid UTF-8 at byte 7)")
    assert.are.equal(0, calls)
    assert.has_error(function() gz:write_matches("Paris", nil, "xml", "d", w) end)
    assert.has_error(function() gz:write_matches("Paris", nil, "tsv", "d") end)
    assert.are.equal(0, calls)
  end)

  it("raises when the writer raises, or changes or closes the gazetteer", function()
    local gz = tricky()
    local text = ("Paris "):rep(20000)
    assert.has_error(function() gz:write_matches(text, nil, "tsv", "d", function() error("disk full") end) end)
    assert.has_error(function()
      gz:write_matches(text, nil, "tsv", "d", function() gz:add("Lyon", "l", "place") end)
    end, "the gazetteer changed while its matches were written")
    local gz2 = tricky()
    assert.has_error(function() gz2:write_matches(text, nil, "jsonl", "d", function() gz2:close() end) end)
    assert.are.equal(40000, #gz:find_all(text))   -- still usable (Paris names two ids)
  end)
end)
