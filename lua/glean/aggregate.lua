-- glean.aggregate: what the report counts.  An aggregator takes document
-- records (glean.record) one at a time and keeps the corpus totals, per
-- language, source, script and entity, co-occurrences, the timeline,
-- gazetteer-gap candidates and the documents a report shows.
--
--   local agg = aggregate.new { keep_texts = 200 }
--   for doc in inputs.files(list) do agg:add(an:document(doc)) end
--
-- Records are the only input, so a run split in chunks and merged
-- (`glean report part-*.jsonl`) counts the same as a single run.
local ipairs, pairs, setmetatable, tonumber = ipairs, pairs, setmetatable, tonumber
local sort = table.sort
local utf8_len, utf8_offset = utf8.len, utf8.offset

local aggregate = {}

-- The most entities of one sentence or document that pair up in the
-- co-occurrence counts (the most mentioned ones): pairs grow with the
-- square of the entities, so this bounds a document's pair work at
-- 100 * 99 / 2.
aggregate.MAX_PAIR_IDS = 100

local Agg = {}
Agg.__index = Agg

-- new(opts) -> agg.  opts.keep_texts: how many documents keep their
-- record (text included) for a report that shows documents (default 200);
-- opts.keep_mentions: keep one row per mention (for mentions.csv).
function aggregate.new(opts)
  opts = opts or {}
  return setmetatable({
    keep_texts = opts.keep_texts or 200, keep_mentions = opts.keep_mentions or false,
    documents = 0, ok = 0, failed = 0, bytes = 0, chars = 0,
    mentions = 0, boilerplate_mentions = 0, annotations = 0, dated_mentions = 0,
    entities = {}, co_sentence = {}, co_document = {}, timeline = {},
    languages = {}, sources = {}, scripts = {}, annotation_kinds = {}, candidates = {},
    failures = {}, shown = {}, omitted = 0, rtl_documents = 0, mention_rows = {},
  }, Agg)
end

local function bump(t, k, n) t[k] = (t[k] or 0) + (n or 1) end

-- contexts kept per entity for the report's keyword-in-context lines
aggregate.CONTEXTS_PER_ENTITY = 10
-- characters of text kept on each side of a mention in a context
aggregate.CONTEXT_CHARS = 70

local function clean(s) return (s:gsub("%s+", " ")) end

-- the last n characters of s (UTF-8), with "…" when cut
local function tail_chars(s, n)
  local len = utf8_len(s)
  if not len or len <= n then return s end
  return "…" .. s:sub(utf8_offset(s, len - n + 1))
end

-- the first n characters of s (UTF-8), with "…" when cut
local function head_chars(s, n)
  local len = utf8_len(s)
  if not len or len <= n then return s end
  return s:sub(1, utf8_offset(s, n + 1) - 1) .. "…"
end

-- context(rec, m) -> before, after: the mention's sentence on each side of
-- it, whitespace runs as one space, at most CONTEXT_CHARS characters each
function aggregate.context(rec, m)
  local text = rec.text
  if not text or not m.start then return nil end
  local sent = m.sentence and rec.sentences and rec.sentences[m.sentence]
  local a, b = 1, #text
  if sent then a, b = sent[1] or a, sent[2] or b end
  if m.start < a or m.stop > b then a, b = 1, #text end
  local before = clean(text:sub(a, m.start - 1)):gsub("^ ", "")
  local after = clean(text:sub(m.stop + 1, b)):gsub(" $", "")
  return tail_chars(before, aggregate.CONTEXT_CHARS), head_chars(after, aggregate.CONTEXT_CHARS)
end

local function pair_key(a, b)
  if a > b then a, b = b, a end
  return a .. "\t" .. b
end

function Agg:add(rec)
  self.documents = self.documents + 1
  self.bytes = self.bytes + (rec.bytes or 0)
  local src = rec.source or "."
  local s = self.sources[src] or { documents = 0, mentions = 0, failed = 0 }
  self.sources[src] = s
  s.documents = s.documents + 1
  if rec.status ~= "ok" then
    self.failed = self.failed + 1
    s.failed = s.failed + 1
    self.failures[#self.failures + 1] = { id = rec.id, error = rec.error or "failed" }
    if #self.shown < self.keep_texts then self.shown[#self.shown + 1] = rec else self.omitted = self.omitted + 1 end
    return
  end
  self.ok = self.ok + 1
  self.chars = self.chars + (rec.chars or 0)
  local lang = rec.lang or "und"
  local l = self.languages[lang] or { documents = 0, mentions = 0, bytes = 0 }
  self.languages[lang] = l
  l.documents = l.documents + 1
  l.bytes = l.bytes + (rec.bytes or 0)
  if rec.dir == "rtl" then self.rtl_documents = self.rtl_documents + 1 end
  for sc, n in pairs(rec.scripts or {}) do bump(self.scripts, sc, n) end
  for _, a in ipairs(rec.annotations or {}) do
    self.annotations = self.annotations + 1
    bump(self.annotation_kinds, a.kind or "?")
  end
  local in_doc, by_sentence = {}, {}
  for _, m in ipairs(rec.mentions or {}) do
    if m.boilerplate then
      self.boilerplate_mentions = self.boilerplate_mentions + 1
    else
      self.mentions = self.mentions + 1
      l.mentions = l.mentions + 1
      s.mentions = s.mentions + 1
      local e = self.entities[m.id]
      if not e then
        e = { id = m.id, type = m.type, label = m.label or m.id, total = 0, documents = 0,
              languages = {}, surfaces = {}, sources = {}, ambiguous = 0, contexts = {} }
        self.entities[m.id] = e
      end
      -- coordinates from the gazetteer's lat/lon attributes, when it has them
      local attrs = m.attrs
      if attrs and not e.lat and tonumber(attrs.lat) and tonumber(attrs.lon) then
        e.lat, e.lon = tonumber(attrs.lat), tonumber(attrs.lon)
      end
      e.total = e.total + 1
      local before, after
      if #e.contexts < aggregate.CONTEXTS_PER_ENTITY or self.keep_mentions then
        before, after = aggregate.context(rec, m)
      end
      if before and #e.contexts < aggregate.CONTEXTS_PER_ENTITY then
        e.contexts[#e.contexts + 1] = { document = rec.id, before = before, surface = m.surface, after = after }
      end
      if m.ambiguous then e.ambiguous = e.ambiguous + 1 end
      bump(e.languages, lang)
      bump(e.surfaces, m.surface)
      e.sources = e.sources or {}
      bump(e.sources, m.source or "gazetteer")
      if not in_doc[m.id] then in_doc[m.id] = 0; e.documents = e.documents + 1 end
      in_doc[m.id] = in_doc[m.id] + 1
      if m.sentence then
        local set = by_sentence[m.sentence] or {}
        by_sentence[m.sentence] = set
        set[m.id] = (set[m.id] or 0) + 1
      end
      if m.date then
        self.dated_mentions = self.dated_mentions + 1
        local day = self.timeline[m.date] or { total = 0, entities = {} }
        self.timeline[m.date] = day
        day.total = day.total + 1
        bump(day.entities, m.id)
      end
      if self.keep_mentions then
        self.mention_rows[#self.mention_rows + 1] = {
          document = rec.id, lang = lang, start = m.start, stop = m.stop, id = m.id, type = m.type,
          label = m.label, surface = m.surface, alias = m.alias, sentence = m.sentence,
          date = m.date, ambiguous = m.ambiguous and "true" or "false", source = m.source or "gazetteer",
          context = before and (before .. m.surface .. after) or nil,
        }
      end
    end
  end
  -- co-occurring pairs among the entities of a sentence or document; past
  -- MAX_PAIR_IDS entities only the most mentioned ones pair up, so a huge
  -- document naming thousands of entities costs O(k log k), not O(k^2)
  local function pairs_of(set, into)
    local ids = {}
    for id in pairs(set) do ids[#ids + 1] = id end
    if #ids > aggregate.MAX_PAIR_IDS then
      sort(ids, function(a, b)
        if set[a] ~= set[b] then return set[a] > set[b] end
        return a < b
      end)
      for i = #ids, aggregate.MAX_PAIR_IDS + 1, -1 do ids[i] = nil end
    end
    sort(ids)
    for i = 1, #ids do
      for j = i + 1, #ids do bump(into, pair_key(ids[i], ids[j])) end
    end
  end
  for _, set in pairs(by_sentence) do pairs_of(set, self.co_sentence) end
  pairs_of(in_doc, self.co_document)
  local seen = {}
  for _, c in ipairs(rec.candidates or {}) do
    local surface, n = c[1], c[2]
    local k = self.candidates[surface] or { count = 0, documents = 0, languages = {} }
    self.candidates[surface] = k
    k.count = k.count + n
    bump(k.languages, lang, n)
    if not seen[surface] then seen[surface] = true; k.documents = k.documents + 1 end
  end
  if #self.shown < self.keep_texts then
    self.shown[#self.shown + 1] = rec
  else
    self.omitted = self.omitted + 1
  end
end

aggregate.Aggregator = Agg
return aggregate
