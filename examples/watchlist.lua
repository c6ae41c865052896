-- watchlist.lua: mentions of a watch-list across languages, as CSV.
--
--   glean-embed examples/watchlist.lua [watchlist.tsv] < docs.jsonl > mentions.csv
--   glean-embed -j 2 -g watch.gaz examples/watchlist.lua < docs.jsonl    (shared, compiled)
--
-- The watch-list is a glean gazetteer (examples/watchlist.tsv: Geneva, Genf,
-- Женева, ژنو, 日内瓦 ... one id per entity); the host's shared -g gazetteer
-- takes its place when given.  One CSV row per mention, in input order:
--   doc,lang,id,label,surface,start,stop,script
-- lang is the document's language (glean.language, "und" when unsure),
-- script the ISO 15924 script of the surface; start/stop are 1-based
-- inclusive byte offsets into the document text.
local glean = require "glean"
local ok, host = pcall(require, "glean.host")
if not ok then host = {} end

local here = (debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$")) or "."
local watch = host.gazetteer or assert(glean.gazetteer.load((...) or here .. "/watchlist.tsv"))

-- RFC 4180 cell; a leading = + - @ TAB CR gets a ' so spreadsheets do not
-- run it as a formula (CSV injection)
local function cell(v)
  v = tostring(v)
  if v:match("^[=+%-@\t\r]") then v = "'" .. v end
  if v:find('[,"\r\n]') or v:sub(1, 1) == "'" then v = '"' .. v:gsub('"', '""') .. '"' end
  return v
end

local function row(t)
  for i = 1, #t do t[i] = cell(t[i]) end
  return table.concat(t, ",")
end

local function document(doc)
  local text = doc.text
  local lang = glean.language(text) or "und"
  local rows = {}
  for _, m in ipairs(watch:find_all(text)) do
    local runs = glean.scripts(m.surface)
    local label = m.attrs and m.attrs.label or m.id
    rows[#rows + 1] = row { doc.id or "", lang, m.id, label, m.surface, m.start, m.stop,
                            runs[1] and runs[1].script or "Zyyy" }
  end
  if #rows > 0 then return table.concat(rows, "\n") end
end

return { header = "doc,lang,id,label,surface,start,stop,script", document = document }
