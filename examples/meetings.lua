-- meetings.lua: which ministers and officials met whom, per month.
--
--   glean-embed -g data/gazetteer.tsv examples/meetings.lua [officials.tsv] < docs.jsonl
--
-- For each sentence that names an office (examples/officials.tsv: foreign
-- minister, Außenminister, وزیر امور خارجه, ...) the people, places and
-- organisations named with it (the shared -g gazetteer, else glean's
-- default one) count as a meeting in that sentence's month: the first full
-- date written in the sentence (the date rules in rules/dates.lua read 3
-- December 2024, 3. Dezember 2024, ۱۳ آذر ۱۴۰۳ ...), else the document's
-- date (its "date" field, else the first full date in its text).  Sentences
-- with no date at all count under "unknown".
--
-- Output, after the input ends (finish), sorted by month, office, other:
--   {"month":"2024-12","official":"foreign minister","with":"New Delhi",
--    "with_id":"place:city:New_Delhi","with_type":"place","sentences":2,
--    "documents":["en-1","de-1"]}
-- finish() aggregates what this Lua state saw: run it with one thread.
local glean = require "glean"
local ok, host = pcall(require, "glean.host")
if not ok then host = {} end

local here = (debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$")) or "."
local officials = assert(glean.gazetteer.load((...) or here .. "/officials.tsv"))
local entities = host.gazetteer
  or assert(glean.gazetteer.load(os.getenv("GLEAN_HOME") .. "/data/gazetteer.tsv"))
local rules = assert(glean.rules.load(glean.rules.default_dir()))

local OFFICIAL = { office = true, person = true }

-- a display name: the `label` attribute, else the id's last part
local function label(m)
  if m.attrs and m.attrs.label then return m.attrs.label end
  return (m.id:match("([^:/]+)$") or m.id):gsub("_", " ")
end

-- "YYYY-MM-DD" of a date annotation's value (a string or a {from =, to =}
-- range); year-less dates ({month =, day =}) give nil
local function full_date(v)
  if type(v) == "table" then v = v.from end
  return type(v) == "string" and v:match("^(%d%d%d%d%-%d%d%-%d%d)") or nil
end

local seen = {}   -- month .. "\0" .. office id .. "\0" .. other id -> record

local function document(doc)
  local text = doc.text
  local dates = {}
  for _, a in ipairs(rules:scan(text)) do
    local d = a.kind == "date" and full_date(a.value)
    if d then dates[#dates + 1] = { start = a.start, stop = a.stop, date = d } end
  end
  local doc_date = type(doc.date) == "string" and doc.date:match("^(%d%d%d%d%-%d%d%-%d%d)")
    or (dates[1] and dates[1].date)
  local mentions = entities:find_all(text)
  for _, m in ipairs(officials:find_all(text)) do mentions[#mentions + 1] = m end

  local bounds = glean.segment(text, "sentence")   -- start1, stop1, start2, ...
  for i = 1, #bounds, 2 do
    local a, b = bounds[i], bounds[i + 1]
    local date
    for _, d in ipairs(dates) do   -- overlapping: ICU may end a sentence at "Am 2." (German ordinal)
      if d.start <= b and d.stop >= a then date = d.date; break end
    end
    local month = (date or doc_date or "unknown"):sub(1, 7)
    local offices, others = {}, {}
    for _, m in ipairs(mentions) do
      if m.start >= a and m.start <= b then
        if OFFICIAL[m.type] then offices[m.id] = m else others[m.id] = m end
      end
    end
    for oid, o in pairs(offices) do
      local with = {}
      for id, m in pairs(others) do with[id] = m end
      for id, m in pairs(offices) do if id ~= oid then with[id] = m end end
      for id, m in pairs(with) do
        local key = month .. "\0" .. oid .. "\0" .. id
        local r = seen[key]
        if not r then
          r = { month = month, official = label(o), official_id = oid, with = label(m),
                with_id = id, with_type = m.type, sentences = 0, documents = {}, docset = {} }
          seen[key] = r
        end
        r.sentences = r.sentences + 1
        local did = tostring(doc.id)
        if not r.docset[did] then r.docset[did] = true; r.documents[#r.documents + 1] = did end
      end
    end
  end
end

local function finish()
  local out = {}
  for _, r in pairs(seen) do
    r.docset = nil
    table.sort(r.documents)
    out[#out + 1] = r
  end
  table.sort(out, function(x, y)
    if x.month ~= y.month then return x.month < y.month end
    if x.official_id ~= y.official_id then return x.official_id < y.official_id end
    return x.with_id < y.with_id
  end)
  return table.unpack(out)
end

return { document = document, finish = finish }
