-- glean.record's encoder (glean.core.json_encode, csrc/l_json.c) against
-- the Lua encoder it replaced (kept here as the reference): the same bytes
-- for records and for values with every kind of string, number and table,
-- and output cjson reads back to the same value.
local record = require "glean.record"
local core = require "glean.core"
local cjson = require "cjson"

-- the former Lua encoder (record.lua before the C one), verbatim in effect
local function ref(v, as_array)
  local t = type(v)
  if t == "string" then return cjson.encode(v)
  elseif t == "number" then
    if math.type(v) == "integer" then return tostring(v) end
    if v == math.floor(v) and math.abs(v) < 2^53 then return string.format("%d", v) end
    return cjson.encode(v)
  elseif t == "boolean" then return v and "true" or "false"
  elseif t == "table" then
    local n = #v
    if as_array or n > 0 then
      local parts = {}
      for i = 1, n do parts[i] = ref(v[i]) end
      return "[" .. table.concat(parts, ",") .. "]"
    end
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = tostring(k) end
    table.sort(keys)
    for i, k in ipairs(keys) do
      local x = v[k]
      if x == nil then x = v[tonumber(k)] end
      keys[i] = cjson.encode(k) .. ":" .. ref(x)
    end
    return "{" .. table.concat(keys, ",") .. "}"
  end
  return "null"
end

local ARRAYS = { sentences = true, annotations = true, mentions = true, candidates = true, warnings = true }
local function ref_record(rec)
  local parts = {}
  for _, k in ipairs(record.KEYS) do
    if rec[k] ~= nil then parts[#parts + 1] = '"' .. k .. '":' .. ref(rec[k], ARRAYS[k]) end
  end
  return "{" .. table.concat(parts, ",") .. "}"
end

describe("record encoding (C)", function()
  local every_byte = {}
  for b = 0, 127 do every_byte[#every_byte + 1] = string.char(b) end
  every_byte = table.concat(every_byte) .. "é€😀\u{2028}"

  local values = {
    "", "plain", every_byte, 'a "quoted" \\ back/slash', "tab\tnl\ncr\r\f\b\0nul\127del",
    0, 1, -1, 42, math.maxinteger, math.mininteger, 0.5, -0.25, 1 / 3, 1e300, 123456789012.5, 2.0, -0.0,
    2^53, 2^60, 1e-7, true, false, 9, 10, -10, 99, 100, 1000000007, -2^52, -123.0, 2^53 - 1,
    {}, { 1, 2, 3 }, { "a", { "b", { "c" } } }, { b = 1, a = 2, ["é"] = 3, A = 4, ["a b"] = 5 },
    { from = "2024-12-03", to = "2024-12-05" }, { [1.5] = "x", [2.5] = "y", s = "z" },
    { nested = { deeper = { list = { 1, { k = "v" } } } } },
  }
  local wide = {}
  for i = 1, 100 do wide["k" .. i] = i end   -- more keys than the C stack path holds
  values[#values + 1] = wide
  local medium = {}
  for i = 30, 1, -1 do medium["m" .. i] = -i end   -- the small path, sorted by qsort (over 16 keys)
  values[#values + 1] = medium
  local mixed = { s = 1 }
  for i = 1, 70 do mixed[i + 0.5] = i end
  values[#values + 1] = mixed

  it("writes every value as the Lua encoder did", function()
    for i, v in ipairs(values) do
      assert.equal(ref(v), record.encode_value(v), "value " .. i)
    end
  end)

  it("writes records as the Lua encoder did, fields in schema order, lists as [ ]", function()
    local rec = {
      text = "Olaf Scholz in Berlin.\n", id = "a/b", status = "ok", bytes = 23, chars = 23, lang = "de",
      lang_confidence = 0.871, dir = "ltr", scripts = { Latn = 18, Zyyy = 5 }, sentences = { { 1, 23 } },
      mentions = { { start = 16, stop = 21, id = "place:city:Europe/Berlin", type = "place", label = "Berlin",
                     alias = "Berlin", surface = "Berlin", ambiguous = false, attrs = { iso = "DE", lang = "de" },
                     sentence = 1, boilerplate = false, date = "2024-12-03" } },
      annotations = {}, candidates = {}, warnings = nil, date = nil,
    }
    assert.equal(ref_record(rec), record.encode(rec))
    assert.equal('{"id":"e","status":"ok","sentences":[],"mentions":[],"annotations":[],"candidates":[]}',
      record.encode({ id = "e", status = "ok", sentences = {}, mentions = {}, annotations = {}, candidates = {} }))
    local back = cjson.decode(record.encode(rec))
    assert.equal(rec.text, back.text)
    assert.equal("place:city:Europe/Berlin", back.mentions[1].id)
  end)

  it("writes null for what JSON cannot hold and stops at a cycle", function()
    assert.equal("null", record.encode_value(print))
    assert.equal("[null,1]", record.encode_value({ 0 / 0, 1 }))
    assert.equal("null", record.encode_value(math.huge))
    local cyc = {}
    cyc.self = cyc
    assert.has_error(function() record.encode_value(cyc) end)
    assert.has_error(function() core.json_encode({}, { 1 }, {}) end)
  end)
end)
