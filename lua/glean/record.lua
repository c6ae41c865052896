-- glean.record: the document record, one line of documents.jsonl.  Its
-- schema (the fields and their order), the encoder, the decoder and the one
-- reader of documents.jsonl files.
--
--   local line = record.encode(rec)                 -- one line, no newline
--   local rec = assert(record.decode(line))
--   local errors = record.each({ "part-1.jsonl" }, function(rec, path, line) ... end)
--
-- A record carries every field the aggregates need (glean.aggregate), so a
-- report is rebuilt from result files alone.  Encoding is deterministic:
-- record fields in RECORD_KEYS order, every other object's keys sorted, the
-- list fields always as [ ], so equal records give equal bytes.
local cjson = require "cjson.safe"
local core = require "glean.core"

local ipairs, pairs, type, tostring, next = ipairs, pairs, type, tostring, next
local io, string = io, string

local record = {}

-- Fields that are lists, written as [ ] even when empty.
local ARRAYS = { sentences = true, annotations = true, mentions = true, candidates = true, warnings = true }

-- The record's fields in the order they are written.
local RECORD_KEYS = { "id", "path", "source", "status", "error", "bytes", "chars", "lang", "lang_confidence",
  "dir", "scripts", "date", "date_source", "sentences", "mentions", "annotations", "candidates",
  "warnings", "text" }
record.KEYS = RECORD_KEYS

-- The encoder is C (glean.core.json_encode, csrc/l_json.c): one pass,
-- strings escaped as cjson escapes them, every object but the record
-- itself with its keys sorted.
local json_encode = core.json_encode

-- encode_value(v) -> JSON text of any plain value (keys sorted)
function record.encode_value(v) return json_encode(v) end

-- encode(rec) -> one line of JSON (no newline)
function record.encode(rec) return json_encode(rec, RECORD_KEYS, ARRAYS) end

-- decode(line) -> rec | nil, err
function record.decode(line)
  local rec, err = cjson.decode(line)
  if type(rec) ~= "table" then return nil, err or "not a JSON object" end
  for k in pairs(ARRAYS) do
    if type(rec[k]) == "table" and next(rec[k]) == nil then rec[k] = {} end
  end
  -- JSON null inside mentions (e.g. sentence) reads back as nil
  for _, m in ipairs(rec.mentions or {}) do
    for k, v in pairs(m) do if v == cjson.null then m[k] = nil end end
  end
  for _, a in ipairs(rec.annotations or {}) do
    for k, v in pairs(a) do if v == cjson.null then a[k] = nil end end
  end
  for k, v in pairs(rec) do if v == cjson.null then rec[k] = nil end end
  return rec
end

-- ---------------------------------------------------------------------
-- the schema, checked: a record read back (glean report) is validated
-- before anything counts it, so a hand-edited or foreign line is named
-- ("FILE:LINE: mentions[2].start: expected an integer, got string") and
-- skipped instead of crashing the merge

local function kind_of(v) return type(v) end

local function is_int(v) return math.type(v) == "integer" or (type(v) == "number" and v == math.floor(v)) end

local CHECK = {
  string = function(v) return type(v) == "string" end,
  number = function(v) return type(v) == "number" end,
  integer = function(v) return type(v) == "number" and is_int(v) end,
  boolean = function(v) return type(v) == "boolean" end,
  object = function(v) return type(v) == "table" end,
  array = function(v) return type(v) == "table" end,
}
local ARTICLE = { integer = "an integer", array = "an array", object = "an object" }

local function expect(errs, field, v, want, required)
  if v == nil then
    if required then errs[#errs + 1] = field .. ": missing" end
    return false
  end
  if not CHECK[want](v) then
    errs[#errs + 1] = string.format("%s: expected %s, got %s", field, ARTICLE[want] or ("a " .. want), kind_of(v))
    return false
  end
  return true
end

-- fields of a record, of each mention and of each annotation: { name, type },
-- in the order problems are listed
local RECORD_TYPES = {
  { "path", "string" }, { "source", "string" }, { "error", "string" }, { "bytes", "number" },
  { "chars", "number" }, { "lang", "string" }, { "lang_confidence", "number" }, { "dir", "string" },
  { "scripts", "object" }, { "date", "string" }, { "date_source", "string" }, { "sentences", "array" },
  { "mentions", "array" }, { "annotations", "array" }, { "candidates", "array" }, { "warnings", "array" },
  { "text", "string" },
}
local MENTION_TYPES = {
  { "id", "string" }, { "type", "string" }, { "start", "integer" }, { "stop", "integer" }, { "label", "string" },
  { "alias", "string" }, { "surface", "string" }, { "sentence", "integer" }, { "date", "string" },
  { "ambiguous", "boolean" }, { "boilerplate", "boolean" }, { "attrs", "object" }, { "source", "string" },
}
local MENTION_REQUIRED = { id = true, type = true, start = true, stop = true, surface = true }
local ANNOTATION_TYPES = { { "start", "integer" }, { "stop", "integer" }, { "kind", "string" },
                           { "rule", "string" }, { "surface", "string" }, { "date", "string" } }
local ANNOTATION_REQUIRED = { start = true, stop = true }

local function check_items(errs, name, list, types, required)
  for i, item in ipairs(list) do
    local where = string.format("%s[%d]", name, i)
    if expect(errs, where, item, "object", true) then
      for _, kt in ipairs(types) do expect(errs, where .. "." .. kt[1], item[kt[1]], kt[2], required[kt[1]]) end
      if is_int(item.start) and is_int(item.stop) and item.start > item.stop + 1 then
        errs[#errs + 1] = string.format("%s: start %d after stop %d", where, item.start, item.stop)
      end
    end
  end
end

-- validate(rec) -> true | nil, errors ("field: what", first few)
function record.validate(rec)
  local errs = {}
  if type(rec.id) ~= "string" and type(rec.id) ~= "number" then
    errs[#errs + 1] = rec.id == nil and "id: missing" or ("id: expected a string, got " .. kind_of(rec.id))
  end
  if rec.status ~= "ok" and rec.status ~= "error" then
    local got = type(rec.status) == "string" and ('"' .. rec.status .. '"') or kind_of(rec.status)
    errs[#errs + 1] = rec.status == nil and "status: missing" or ('status: expected "ok" or "error", got ' .. got)
  end
  for _, kt in ipairs(RECORD_TYPES) do expect(errs, kt[1], rec[kt[1]], kt[2]) end
  if type(rec.scripts) == "table" then
    for sc, n in pairs(rec.scripts) do expect(errs, "scripts." .. tostring(sc), n, "number", true) end
  end
  if type(rec.sentences) == "table" then
    for i, s in ipairs(rec.sentences) do
      if type(s) ~= "table" or not is_int(s[1]) or not is_int(s[2]) then
        errs[#errs + 1] = string.format("sentences[%d]: expected [start, stop] integers", i)
      end
    end
  end
  if type(rec.mentions) == "table" then check_items(errs, "mentions", rec.mentions, MENTION_TYPES, MENTION_REQUIRED) end
  if type(rec.annotations) == "table" then
    check_items(errs, "annotations", rec.annotations, ANNOTATION_TYPES, ANNOTATION_REQUIRED)
  end
  if type(rec.candidates) == "table" then
    for i, c in ipairs(rec.candidates) do
      if type(c) ~= "table" or type(c[1]) ~= "string" or type(c[2]) ~= "number" then
        errs[#errs + 1] = string.format("candidates[%d]: expected [surface, count]", i)
      end
    end
  end
  if type(rec.warnings) == "table" then
    for i, w in ipairs(rec.warnings) do expect(errs, string.format("warnings[%d]", i), w, "string", true) end
  end
  if #errs > 0 then return nil, errs end
  return true
end

-- each(paths, fn) -> errors: decodes every non-blank line of the
-- documents.jsonl files ("-" is standard input) and calls
-- fn(rec, path, line, errors); a file that cannot be opened or a line that
-- is not JSON becomes an error message ("path:line: ...") and the rest is
-- still read.
function record.each(paths, fn)
  local errors = {}
  for _, p in ipairs(paths) do
    local f, err
    if p == "-" then f = io.stdin else f, err = io.open(p, "rb") end
    if not f then
      errors[#errors + 1] = tostring(err)
    else
      local n = 0
      for line in f:lines() do
        n = n + 1
        if line:find("%S") then
          local rec, derr = record.decode(line)
          if rec then fn(rec, p, n, errors)
          else errors[#errors + 1] = string.format("%s:%d: invalid JSON (%s)", p, n, tostring(derr)) end
        end
      end
      if f ~= io.stdin then f:close() end
    end
  end
  return errors
end

return record
