-- glean.view_schema: every field of the view the report templates render
-- (glean.report.view), with its kind and meaning, and a check of a
-- template's tags against it.
--
--   local schema = require "glean.view_schema"
--   local problems = schema.check_file("my-report.html")   -- {"my-report.html:12:5: unknown field 'x'", ...}
--   print(schema.markdown())                               -- the table of docs/report-view.md
--
-- Kinds: text, number, flag (true/false: for {{#x}}…{{/x}} sections),
-- html (already escaped markup: only with triple braces), list (of objects,
-- whose fields follow as `name[].field`) and object (fields `name.field`).
-- `same` makes a list share another list's item fields.
local template = require "glean.template"

local ipairs, pairs, type, string, table, io, utf8, assert = ipairs, pairs, type, string, table, io, utf8, assert

local schema = {}

local E = "an entity: "
local P = "a pair: "
schema.FIELDS = {
  { "title", "text", "the report title (`--title`, default \"glean report\")" },
  { "generator", "text", "\"glean\"" },
  { "summary", "object", "corpus totals" },
  { "summary.documents", "number", "documents read (analysed and failed)" },
  { "summary.ok", "number", "documents analysed" },
  { "summary.failed", "number", "documents that failed (unreadable, invalid UTF-8, bad JSON line)" },
  { "summary.bytes", "number", "bytes of text" },
  { "summary.megabytes", "text", "bytes of text in MB, two decimals" },
  { "summary.mentions", "number", "counted entity mentions (boilerplate excluded)" },
  { "summary.entities", "number", "distinct entities mentioned" },
  { "summary.boilerplate_mentions", "number", "mentions inside boilerplate (shown, not counted)" },
  { "summary.annotations", "number", "rule annotations" },
  { "summary.languages", "number", "languages seen" },
  { "summary.rtl_documents", "number", "documents written right to left" },
  { "summary.dated_mentions", "number", "mentions that carry a date" },
  { "summary.first_date", "text", "the earliest date of a dated mention (absent when none)" },
  { "summary.last_date", "text", "the latest date of a dated mention" },
  { "summary.shown", "number", "documents whose text the report shows" },
  { "summary.omitted", "number", "documents counted but not shown (`--max-docs-in-report`)" },
  { "summary.truncated", "flag", "some documents are not shown" },
  { "summary.cooccurring_pairs", "number", "pairs of entities sharing a sentence" },
  { "legend", "list", "entity types seen, with their colour slot" },
  { "legend[].type", "text", "type name (`place`, `org`, `person`, ...)" },
  { "legend[].label", "text", "type label (Place, Organisation, Person, ...)" },
  { "legend[].slot", "number", "colour slot 0-7 (CSS classes `c-N`; place 0, org 1, person 2, event 3)" },
  { "legend[].mentions", "number", "counted mentions of the type" },
  { "annotation_kinds", "list", "rule annotation kinds seen" },
  { "annotation_kinds[].kind", "text", "kind (`date`, `number`, `url`, ...)" },
  { "annotation_kinds[].css", "text", "the kind as a CSS class name (`k-…`)" },
  { "annotation_kinds[].count", "number", "annotations of the kind" },
  { "entities", "list", "every entity mentioned, most mentioned first" },
  { "entities[].rank", "number", E .. "position in this order, from 1" },
  { "entities[].id", "text", E .. "gazetteer id (`place:city:Asia/Tehran`)" },
  { "entities[].label", "text", E .. "display name" },
  { "entities[].type", "text", E .. "type" },
  { "entities[].slot", "number", E .. "colour slot of its type" },
  { "entities[].total", "number", E .. "counted mentions" },
  { "entities[].documents", "number", E .. "documents that mention it" },
  { "entities[].ambiguous", "number", E .. "mentions whose span other entities share" },
  { "entities[].sources", "text",
    E .. "how its mentions were found, with counts (`gazetteer 3 · cue:title 1`; docs/recognition.md)" },
  { "entities[].languages", "text", E .. "mentions per language, largest first (`en 3 · fa 2 · …`)" },
  { "entities[].language_count", "number", E .. "languages it is mentioned in" },
  { "entities[].surfaces", "text", E .. "spellings with counts in one string (`Tehran 3 · تهران 2`)" },
  { "entities[].spellings", "list", E .. "the four commonest spellings, one by one (isolate each: `<bdi>`)" },
  { "entities[].spellings[].surface", "text", "a spelling as written" },
  { "entities[].spellings[].count", "number", "its mentions" },
  { "entities[].spellings[].last", "flag", "the last spelling listed" },
  { "entities[].spellings[].more", "flag", "more spellings exist than are listed" },
  { "entities[].has_contexts", "flag", E .. "has keyword-in-context lines" },
  { "entities[].contexts", "list", E .. "its first mentions in their sentence (keyword in context, up to 10)" },
  { "entities[].contexts[].document", "text", "the document's id" },
  { "entities[].contexts[].before", "text", "the sentence before the mention (at most 70 characters)" },
  { "entities[].contexts[].surface", "text", "the mention as written" },
  { "entities[].contexts[].after", "text", "the sentence after the mention (at most 70 characters)" },
  { "entities_top", "list", "the first 20 entities (fields as `entities`)", same = "entities" },
  { "has_matrix", "flag", "at least two entities for the co-occurrence matrix" },
  { "matrix", "object", "co-occurrence matrix of the 12 most mentioned entities (sentences shared)" },
  { "matrix.columns", "list", "its columns" },
  { "matrix.columns[].id", "text", "entity id" },
  { "matrix.columns[].label", "text", "entity label" },
  { "matrix.rows", "list", "its rows" },
  { "matrix.rows[].id", "text", "entity id" },
  { "matrix.rows[].label", "text", "entity label" },
  { "matrix.rows[].cells", "list", "one cell per column" },
  { "matrix.rows[].cells[].count", "number", "sentences the two share" },
  { "matrix.rows[].cells[].level", "number", "shade 0-5 (CSS classes `l0`-`l5`)" },
  { "matrix.rows[].cells[].self", "flag", "the diagonal" },
  { "matrix.rows[].cells[].show", "flag", "count is not zero" },
  { "co_sentence", "list", "the 50 pairs of entities that share most sentences" },
  { "co_sentence[].rank", "number", P .. "position, from 1" },
  { "co_sentence[].a", "text", P .. "first entity's id" },
  { "co_sentence[].b", "text", P .. "second entity's id" },
  { "co_sentence[].a_label", "text", P .. "first entity's label" },
  { "co_sentence[].b_label", "text", P .. "second entity's label" },
  { "co_sentence[].count", "number", P .. "sentences (documents for `co_document`) shared" },
  { "co_sentence_pairs", "number", "pairs of entities sharing a sentence, all of them" },
  { "co_sentence_head", "list", "the first 10 of `co_sentence`", same = "co_sentence" },
  { "co_sentence_rest", "list", "the others of `co_sentence` (behind \"show more\")", same = "co_sentence" },
  { "has_co_sentence_rest", "flag", "`co_sentence_rest` is not empty" },
  { "co_document", "list", "the 50 pairs of entities that share most documents", same = "co_sentence" },
  { "co_document_pairs", "number", "pairs of entities sharing a document, all of them" },
  { "co_document_head", "list", "the first 10 of `co_document`", same = "co_sentence" },
  { "co_document_rest", "list", "the others of `co_document`", same = "co_sentence" },
  { "has_co_document_rest", "flag", "`co_document_rest` is not empty" },
  { "has_network", "flag", "the network has at least two linked entities" },
  { "network", "object", "co-occurrence network (SVG geometry, viewBox 0 0 width height)" },
  { "network.width", "number", "drawing width" },
  { "network.height", "number", "drawing height" },
  { "network.nodes", "list", "the 16 most mentioned entities that share a sentence with another, on a circle" },
  { "network.nodes[].id", "text", "entity id" },
  { "network.nodes[].label", "text", "entity label" },
  { "network.nodes[].type", "text", "entity type" },
  { "network.nodes[].slot", "number", "colour slot of its type (CSS classes `n-N`)" },
  { "network.nodes[].mentions", "number", "its mentions" },
  { "network.nodes[].x", "number", "centre x" },
  { "network.nodes[].y", "number", "centre y" },
  { "network.nodes[].r", "number", "radius (area grows with mentions)" },
  { "network.nodes[].lx", "number", "label x" },
  { "network.nodes[].ly", "number", "label y" },
  { "network.nodes[].anchor", "text", "label `text-anchor` (start, middle, end)" },
  { "network.edges", "list", "pairs of those entities that share a sentence, strongest last" },
  { "network.edges[].x1", "number", "line start x" },
  { "network.edges[].y1", "number", "line start y" },
  { "network.edges[].x2", "number", "line end x" },
  { "network.edges[].y2", "number", "line end y" },
  { "network.edges[].width", "number", "stroke width (grows with sentences shared)" },
  { "network.edges[].opacity", "number", "stroke opacity" },
  { "network.edges[].count", "number", "sentences shared" },
  { "network.edges[].a_label", "text", "first entity's label" },
  { "network.edges[].b_label", "text", "second entity's label" },
  { "has_timeline", "flag", "some mention is dated" },
  { "timeline", "list", "dated mentions per day, in date order" },
  { "timeline[].date", "text", "the day (`2024-12-03`)" },
  { "timeline[].total", "number", "dated mentions that day" },
  { "timeline[].entities", "text", "the five most mentioned entities that day, with counts" },
  { "timeline[].width", "number", "bar width in percent of the busiest day" },
  { "has_timeline_chart", "flag", "the timeline chart has something to draw" },
  { "timeline_chart", "object",
    "timeline chart (SVG geometry): bars for all dated mentions, lines for the top 5 entities" },
  { "timeline_chart.width", "number", "drawing width" },
  { "timeline_chart.height", "number", "drawing height" },
  { "timeline_chart.unit", "text", "bucket: `day` (dates within 62 days), `week` (within 104 weeks), else `month`" },
  { "timeline_chart.buckets", "number", "number of buckets" },
  { "timeline_chart.first", "text", "first bucket's date" },
  { "timeline_chart.last", "text", "last bucket's date" },
  { "timeline_chart.left", "number", "plot area left x" },
  { "timeline_chart.right", "number", "plot area right x" },
  { "timeline_chart.top", "number", "plot area top y" },
  { "timeline_chart.bottom", "number", "plot area bottom y (the x axis)" },
  { "timeline_chart.bars", "list", "one bar per bucket" },
  { "timeline_chart.bars[].x", "number", "bar x" },
  { "timeline_chart.bars[].y", "number", "bar top y" },
  { "timeline_chart.bars[].w", "number", "bar width" },
  { "timeline_chart.bars[].h", "number", "bar height" },
  { "timeline_chart.bars[].total", "number", "dated mentions in the bucket" },
  { "timeline_chart.bars[].date", "text", "the bucket's first day (`YYYY-MM` for months)" },
  { "timeline_chart.series", "list", "the five entities with most dated mentions" },
  { "timeline_chart.series[].n", "number", "series number 1-5 (CSS classes `s-N`)" },
  { "timeline_chart.series[].id", "text", "entity id" },
  { "timeline_chart.series[].label", "text", "entity label" },
  { "timeline_chart.series[].mentions", "number", "its dated mentions" },
  { "timeline_chart.series[].points", "text", "`polyline` points (`x,y x,y …`)" },
  { "timeline_chart.series[].dots", "list", "buckets where it is mentioned" },
  { "timeline_chart.series[].dots[].x", "number", "dot x" },
  { "timeline_chart.series[].dots[].y", "number", "dot y" },
  { "timeline_chart.series[].dots[].count", "number", "its mentions in the bucket" },
  { "timeline_chart.series[].dots[].date", "text", "the bucket's date" },
  { "timeline_chart.x_ticks", "list", "up to 8 date labels" },
  { "timeline_chart.x_ticks[].x", "number", "label x" },
  { "timeline_chart.x_ticks[].label", "text", "the date" },
  { "timeline_chart.y_ticks", "list", "0, half and the maximum" },
  { "timeline_chart.y_ticks[].y", "number", "gridline y" },
  { "timeline_chart.y_ticks[].label", "text", "the count" },
  { "has_map", "flag", "some mentioned place has coordinates" },
  { "map", "object", "map of the mentioned places with coordinates (SVG geometry, equirectangular)" },
  { "map.width", "number", "drawing width (720: 2 per degree of longitude)" },
  { "map.height", "number", "drawing height (288: 84 N to 60 S)" },
  { "map.outline", "text", "SVG path data of the world's land (Natural Earth 1:110m, data/world-land.txt)" },
  { "map.places", "list", "the places, most mentioned first" },
  { "map.places[].id", "text", "entity id" },
  { "map.places[].label", "text", "entity label" },
  { "map.places[].mentions", "number", "its mentions" },
  { "map.places[].lat", "number", "latitude (the gazetteer's `lat` column, else data/coordinates.tsv)" },
  { "map.places[].lon", "number", "longitude" },
  { "map.places[].x", "number", "x" },
  { "map.places[].y", "number", "y" },
  { "map.places[].r", "number", "radius (area grows with mentions)" },
  { "map.places[].labelled", "flag", "one of the ten most mentioned: its name is drawn" },
  { "map.unplaced", "number", "mentioned places without coordinates (not drawn)" },
  { "languages", "list", "languages, most documents first" },
  { "languages[].lang", "text", "language code (`und` when unknown)" },
  { "languages[].documents", "number", "documents" },
  { "languages[].mentions", "number", "counted mentions" },
  { "languages[].bytes", "number", "bytes of text" },
  { "sources", "list", "sources (the `source` of a JSON line, else the file's directory)" },
  { "sources[].source", "text", "the source" },
  { "sources[].documents", "number", "documents" },
  { "sources[].failed", "number", "failed documents" },
  { "sources[].mentions", "number", "counted mentions" },
  { "scripts", "text", "bytes per script, largest first (`Latn 9,120 · Arab 3,004`)" },
  { "has_candidates", "flag", "some gazetteer-gap candidate is listed" },
  { "candidates", "list", "capitalised Latin-script names nothing matched, most frequent first (50)" },
  { "candidates[].rank", "number", "position, from 1" },
  { "candidates[].surface", "text", "the name as written" },
  { "candidates[].count", "number", "occurrences" },
  { "candidates[].documents", "number", "documents it occurs in" },
  { "candidates[].lang", "text", "the language it occurs in most (absent when unknown)" },
  { "candidates[].languages", "text", "occurrences per language" },
  { "candidates[].gazetteer_line", "text",
    "a gazetteer TSV line for it (id, type, alias, flags, lang; set id and type)" },
  { "candidates_filtered", "number", "candidates left out as stop words, month or weekday names of their language" },
  { "has_failures", "flag", "some document failed" },
  { "failures", "list", "failed documents" },
  { "failures[].id", "text", "the document's id" },
  { "failures[].error", "text", "what went wrong" },
  { "documents", "list", "the documents whose text is shown (`--max-docs-in-report`)" },
  { "documents[].n", "number", "position, from 1 (anchor `doc-N`)" },
  { "documents[].id", "text", "id (the path, or the JSON line's id)" },
  { "documents[].path", "text", "file path (absent for JSON lines)" },
  { "documents[].source", "text", "source" },
  { "documents[].lang", "text", "language" },
  { "documents[].dir", "text", "`ltr` or `rtl`" },
  { "documents[].date", "text", "the document's date (absent when none)" },
  { "documents[].date_source", "text", "where the date came from (`metadata`, `text`, `filename`)" },
  { "documents[].ok", "flag", "analysed (not failed)" },
  { "documents[].error", "text", "what went wrong (failed documents)" },
  { "documents[].mentions", "number", "counted mentions" },
  { "documents[].boilerplate", "number", "mentions inside boilerplate" },
  { "documents[].has_boilerplate", "flag", "some mention is inside boilerplate" },
  { "documents[].annotations", "number", "rule annotations" },
  { "documents[].html", "html", "the text as HTML with mentions (`<mark class=\"m c-N\">`) and annotations "
      .. "(`<span class=\"a k-KIND\">`) marked; escaped piece by piece: use `{{{html}}}`" },
  { "mentions", "list", "one row per counted mention (`--format csv` and custom templates only)" },
  { "mentions[].document", "text", "document id" },
  { "mentions[].lang", "text", "document language" },
  { "mentions[].start", "number", "first byte (1-based)" },
  { "mentions[].stop", "number", "last byte (inclusive)" },
  { "mentions[].id", "text", "entity id" },
  { "mentions[].type", "text", "entity type" },
  { "mentions[].label", "text", "entity label" },
  { "mentions[].surface", "text", "the text matched" },
  { "mentions[].alias", "text", "the gazetteer alias it matched" },
  { "mentions[].sentence", "number", "sentence number in the document" },
  { "mentions[].date", "text", "its date (absent when none)" },
  { "mentions[].ambiguous", "text", "`true` or `false`" },
  { "mentions[].source", "text",
    "how it was found: `gazetteer`, `cue:title` (a cue list), `names:given`, `propagated`, `rule:PACK/NAME`" },
  { "mentions[].context", "text", "its sentence around it, whitespace runs as one space (keyword in context)" },
}

-- the tree: name -> { kind, doc, fields = {...} } (fields of a list's items
-- or of an object)
local function build()
  local root, by_path = {}, {}
  for _, f in ipairs(schema.FIELDS) do
    local path, kind = f[1], f[2]
    local parent_path, name = path:match("^(.*)%.([^.]+)$")
    local parent = root
    if parent_path then
      local p = by_path[parent_path:gsub("%[%]$", "")]
      assert(p, "view_schema: " .. path .. " before its parent")
      p.fields = p.fields or {}
      parent = p.fields
    else
      name = path
    end
    local node = { kind = kind, doc = f[3], same = f.same }
    parent[name] = node
    by_path[path] = node
  end
  for _, node in pairs(by_path) do
    if node.same then node.fields = by_path[node.same].fields end
  end
  return root
end
schema.tree = build()

-- where(src, pos) -> "line:col" (col in UTF-8 characters), as template errors
local function where(src, pos)
  local line, last = 1, 0
  for i in src:sub(1, pos - 1):gmatch("()\n") do line = line + 1; last = i end
  return line .. ":" .. ((utf8.len(src:sub(last + 1, pos - 1)) or (pos - 1 - last)) + 1)
end

local function lookup(stack, path)
  if #path == 0 then return { kind = "any" } end   -- {{.}}
  for i = #stack, 1, -1 do
    local node = stack[i][path[1]]
    if node then
      for k = 2, #path do
        node = node.fields and node.fields[path[k]]
        if not node then return nil, path[k] end
      end
      return node
    end
  end
  return nil, path[1]
end

-- check(tpl, [resolve]) -> list of "name:line:col: unknown field 'x'" (empty
-- when every tag names a field of the view).  Sections push their list's
-- item fields (or object's fields); partials are checked in place through
-- resolve(name) -> compiled template | nil.
function schema.check(tpl, resolve, stack, out, depth)
  out = out or {}
  stack = stack or { schema.tree }
  depth = depth or 0
  local function walk(nodes)
    for _, n in ipairs(nodes) do
      if type(n) == "table" and n.kind then
        if n.kind == "var" or n.kind == "sec" or n.kind == "inv" then
          local node, missing = lookup(stack, n.path)
          if not node then
            out[#out + 1] = string.format("%s:%s: unknown field '%s'%s", n.at.name, where(n.at.src, n.pos), n.name,
              missing ~= n.name and (" (no '" .. missing .. "')") or "")
          end
          if n.kind == "sec" then
            stack[#stack + 1] = (node and node.fields) or {}
            walk(n.nodes)
            stack[#stack] = nil
          elseif n.kind == "inv" then
            walk(n.nodes)
          end
        elseif n.kind == "partial" and resolve and depth < 20 then
          local p = resolve(n.name)
          if p then schema.check(p, resolve, stack, out, depth + 1) end
        end
      end
    end
  end
  walk(tpl.nodes)
  return out
end

-- check_file(path) -> problems | nil, err (a template that does not parse)
function schema.check_file(path)
  local tpl, err = template.load(path)
  if not tpl then return nil, err end
  local dir = path:match("^(.*/)") or ""
  local ext = path:match("([^/]*)$"):match("^[^.]*(%..*)$") or ""
  local function resolve(name)
    for _, candidate in ipairs({ dir .. name .. ext, dir .. name .. ".mustache", dir .. name }) do
      local f = io.open(candidate, "rb")
      if f then
        f:close()
        return (template.load(candidate))
      end
    end
  end
  return schema.check(tpl, resolve)
end

-- markdown() -> the field table of docs/report-view.md
function schema.markdown()
  local out = { "| field | kind | meaning |", "|---|---|---|" }
  for _, f in ipairs(schema.FIELDS) do
    local doc = f[3]:gsub("|", "\\|")
    if f.same then doc = doc .. " (items as `" .. f.same .. "[]`)" end
    out[#out + 1] = string.format("| `%s` | %s | %s |", f[1], f[2], doc)
  end
  return table.concat(out, "\n") .. "\n"
end

return schema
