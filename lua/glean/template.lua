-- glean.template: a logic-less Mustache engine on LPeg, for report templates
-- (templates/report.html, report.md, mentions.csv ...).
--
-- Follows the Mustache spec v1 (comments, delimiters, interpolation,
-- inverted, partials, sections; lambdas too, see below).  A template is
-- parsed once by `compile` into a tree of nodes; `render` walks the tree, so
-- a compiled template renders many times without re-parsing.
--
--   local template = require "glean.template"
--   local t, err = template.compile(src, "report.html")  -- nil, err on a bad template
--   local out = t:render(view, partials)                  -- raises on render errors
--   local out = template.render(src, view, partials, opts)
--   local t, err = template.load("templates/report.html") -- partials from that directory
--
-- Errors read "name:line:column: what is wrong" (column counts UTF-8
-- characters).  Limits: partials nest at most MAX_PARTIAL_DEPTH (100) deep,
-- sections at most MAX_SECTION_DEPTH (100) deep in one template.
local lpeg = require "lpeg"

local P, S, C, Cc, Cp = lpeg.P, lpeg.S, lpeg.C, lpeg.Cc, lpeg.Cp
local match = lpeg.match
local type, tostring, error, setmetatable, getmetatable =
  type, tostring, error, setmetatable, getmetatable
local next, rawequal, pcall, require = next, rawequal, pcall, require
local io_open = io.open
local concat = table.concat
local byte, sub, find, format, gsub, lower =
  string.byte, string.sub, string.find, string.format, string.gsub, string.lower
local utf8_len = utf8.len
local math_type, floor = math.type, math.floor

-- JSON null (cjson.null) renders like nil when lua-cjson is installed.
local has_cjson, cjson = pcall(require, "cjson")
local json_null = has_cjson and cjson.null or {}

local MAX_PARTIAL_DEPTH = 100
local MAX_SECTION_DEPTH = 100
-- Bounds of one render: nested partials and sections can multiply the work
-- (41 partials each including the next twice is 2^41 renders) within the
-- depth limits, so the total is bounded too.  The default templates take
-- ~25 steps and ~300 bytes per mention row of mentions.csv (the largest),
-- so the bounds allow ~3.5 million rows; template.last_render gives the
-- steps and bytes of the last render.
local MAX_OUTPUT = 1024 * 1024 * 1024   -- bytes of output
local MAX_STEPS = 100000000             -- template nodes rendered

-- realpath for partials (glean.core's; without it, partials are not checked
-- for links that lead out of the template directory)
local has_core, core = pcall(require, "glean.core")
local realpath = has_core and type(core) == "table" and core.realpath or nil

local _ENV = nil -- luacheck: ignore 211 (catch stray globals)

local template = {}
template.MAX_PARTIAL_DEPTH = MAX_PARTIAL_DEPTH
template.MAX_SECTION_DEPTH = MAX_SECTION_DEPTH
template.MAX_OUTPUT = MAX_OUTPUT
template.MAX_STEPS = MAX_STEPS

local Template = {}
Template.__index = Template
Template.__name = "glean.Template"

local INDENT = {}   -- node marking a template line start (partial indentation)

-- ---------------------------------------------------------------------------
-- Escaping
-- ---------------------------------------------------------------------------

local HTML = {
  ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;",
  ["'"] = "&#39;", ["`"] = "&#96;", ["="] = "&#61;",
}

-- escape_html(s [, quoted]) -> s with & < > " ' as character references,
-- so it stays text in an element or a quoted attribute; unless `quoted`,
-- ` and = as well, so a value stays inert inside unquoted attributes too
-- (what {{name}} writes).  The one HTML escaper: glean.report uses it too.
-- A value holding bidirectional controls (LRE, RLE, PDF, LRO, RLO, LRI,
-- RLI, FSI, PDI, LRM, RLM, ALM) is wrapped in FSI ... PDI: an override
-- left open inside an alias ends with the value instead of garbling the
-- text after it (U+2069 closes every embedding opened inside the isolate).
local BIDI = "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}\u{061C}"
local function has_bidi_control(s)
  if not find(s, "[\xD8\xE2]") then return false end   -- the controls' lead bytes
  for i = 1, #BIDI, 3 do
    local c = sub(BIDI, i, i + 2)
    if byte(c, 1) == 0xD8 then c = sub(BIDI, i, i + 1) end
    if find(s, c, 1, true) then return true end
  end
  return false
end
local function isolate(s)
  if has_bidi_control(s) then return "\u{2068}" .. s .. "\u{2069}" end
  return s
end
template.isolate = isolate

local function escape_html(s, quoted)
  return (gsub(isolate(s), quoted and "[&<>\"']" or "[&<>\"'`=]", HTML))
end
template.escape_html = escape_html

local function escape_none(s)
  return s
end

-- One CSV cell (RFC 4180): always quoted, quotes doubled.  A text cell that a
-- spreadsheet would read as a formula (leading = + - @ TAB CR, OWASP "CSV
-- injection") gets a leading "'".  Numbers stay bare: they cannot carry one.
local function escape_csv(s, value)
  if type(value) == "number" then return s end
  if find(s, "^[=+%-@\t\r]") then s = "'" .. s end
  return '"' .. gsub(s, '"', '""') .. '"'
end

-- Markdown (CommonMark, GitHub tables): a value stays inline text.  Line
-- breaks become spaces (a value never ends a table row or a list item),
-- & < > become character references (raw HTML in a value is text), and
-- the punctuation that makes emphasis, code spans, links, images, tables,
-- strikethrough or headings is backslash-escaped (a '|' no longer splits a
-- cell, a '`' no longer closes a code span).
local MD_PUNCT = "[\\`*_%[%]()|~!#{}]"
local function escape_md(s)
  s = gsub(s, "\r\n?", " ")
  s = gsub(s, "\n", " ")
  s = gsub(s, "[&<>]", HTML)
  s = gsub(s, MD_PUNCT, "\\%0")
  return isolate(s)
end

-- escaper(s, value): value is the raw value, which only csv looks at
local function escape_template_html(s) return escape_html(s) end

local ESCAPES = { html = escape_template_html, none = escape_none, csv = escape_csv, md = escape_md }
template.escapers = { html = escape_template_html, none = escape_none, csv = escape_csv, md = escape_md }

-- Escape mode from a template name: report.html -> html, report.md -> md,
-- mentions.csv -> csv; a trailing .mustache is looked through.  Anything else
-- gets html, the Mustache default.
local EXT_ESCAPE = {
  html = "html", htm = "html", xhtml = "html", xml = "html", svg = "html",
  csv = "csv",
  md = "md", markdown = "md", txt = "none", text = "none",
}

local function escape_for_name(name)
  local n = lower(name or "")
  n = gsub(n, "%.mustache$", "")
  local ext = n:match("%.([%w]+)$")
  return EXT_ESCAPE[ext] or "html"
end

local function check_escape(e, level)
  if e == nil or type(e) == "function" then return e end
  local f = ESCAPES[e]
  if not f then
    error(format("bad option 'escape' (%s): expected 'html', 'md', 'none', 'csv' or a function",
      type(e) == "string" and "'" .. e .. "'" or type(e)), level + 1)
  end
  return f
end

-- ---------------------------------------------------------------------------
-- Positions and error messages
-- ---------------------------------------------------------------------------

-- "name:line:column" for byte position pos of src; the column counts UTF-8
-- characters (bytes when the line is not valid UTF-8).
local function where(name, src, pos)
  local line, linestart = 1, 1
  local i = 1
  while true do
    local nl = find(src, "\n", i, true)
    if not nl or nl >= pos then break end
    line = line + 1
    linestart = nl + 1
    i = nl + 1
  end
  local prefix = sub(src, linestart, pos - 1)
  local col = (utf8_len(prefix) or #prefix) + 1
  return format("%s:%d:%d", name, line, col)
end

local function shorten(s)
  if #s > 60 then return sub(s, 1, 57) .. "..." end
  return s
end

-- ---------------------------------------------------------------------------
-- Tag grammar (one per delimiter pair, memoized)
-- ---------------------------------------------------------------------------

local SPACE = S" \t\r\n"
local patterns_cache = setmetatable({}, { __mode = "v" })

local function patterns(otag, ctag)
  local key = otag .. "\0" .. ctag
  local pats = patterns_cache[key]
  if pats then return pats end
  local O, CL = P(otag), P(ctag)
  local sp = SPACE^0
  -- A name is "." (implicit iterator) or dotted segments; a segment holds no
  -- space, dot, brace or closing delimiter, and does not open with a sigil.
  local segchar = 1 - SPACE - S".{}" - CL
  local seg = (segchar - S"#^/>&!=") * segchar^0
  local name = C(P"." + seg * ("." * seg)^0)
  local pname = C((1 - SPACE - CL)^1)
  local dch = 1 - SPACE - P"="
  local body =
      P"{" * Cc"{" * sp * name * sp * P"}" * CL
    + P"&" * Cc"&" * sp * name * sp * CL
    + C(S"#^/") * sp * name * sp * CL
    + P">" * Cc">" * sp * pname * sp * CL
    + P"!" * Cc"!" * (1 - CL)^0 * CL
    + P"=" * Cc"=" * sp * C(dch^1) * S" \t"^1 * C(dch^1) * sp * P"=" * CL
    + Cc"" * sp * name * sp * CL
  pats = {
    find = (1 - O)^0 * Cp() * O,         -- -> position of the next opening tag
    tag = O * body * Cp(),                -- -> kind, name (or 2 delimiters), end
    close = (1 - CL)^0 * Cp() * CL,       -- -> position of the next closing tag
  }
  patterns_cache[key] = pats
  return pats
end

-- Rest of a standalone line: blanks, then a line end or the end of input.
local LINE_REST = S" \t"^0 * (P"\r\n" + P"\n" + P(-1)) * Cp()

-- Says why the tag at s does not parse.
local function tag_error(src, s, otag, ctag, pats)
  local c = match(pats.close, src, s + #otag)
  if not c then
    local start = sub(src, s, s + #otag + 20):match("^[^\r\n]*")
    return format("unclosed tag '%s' (no closing '%s')", shorten(start), ctag)
  end
  local text = sub(src, s, c + #ctag - 1)
  local inner = sub(src, s + #otag, c - 1)
  local sigil = sub(inner, 1, 1)
  if sigil == "=" then
    return format("bad delimiter change '%s' (expected '%s=open close=%s', "
      .. "two delimiters without spaces or '=')", shorten(text), otag, ctag)
  elseif sigil == "{" then
    return format("bad triple mustache '%s' (expected '%s{name}%s')", shorten(text), otag, ctag)
  end
  local nm = inner:match("^[#^/>&]?%s*(.-)%s*$")
  if nm == "" then
    return format("tag '%s' has no name", shorten(text))
  end
  return format("bad name '%s' in tag '%s'", shorten(nm), shorten(text))
end

-- ---------------------------------------------------------------------------
-- Compiler: source -> tree of nodes
-- ---------------------------------------------------------------------------
-- nodes: array of strings (text), INDENT (a template line start: where a
-- standalone partial's indentation goes) and tables:
--   {kind = "var", path, escape, at, pos}
--   {kind = "sec" | "inv", path, name, nodes, raw, otag, ctag, at, pos}
--   {kind = "partial", name, indent, at, pos}
-- `at` is {name = ..., src = ...}, shared, for error locations.

local function split_path(name)
  if name == "." then return {} end
  local path = {}
  for part in name:gmatch("[^.]+") do path[#path + 1] = part end
  return path
end

local STANDALONE = { ["#"] = true, ["^"] = true, ["/"] = true, [">"] = true, ["!"] = true, ["="] = true }

local function compile(src, name, opts)
  name = name or "template"
  local at = { name = name, src = src }
  local otag, ctag = "{{", "}}"
  if opts and opts.delimiters then otag, ctag = opts.delimiters[1], opts.delimiters[2] end
  local pats = patterns(otag, ctag)
  local root = {}
  local nodes = root
  local open = {}          -- open sections, innermost last
  local cursor = 1         -- first byte not yet emitted
  local prev_end = 1       -- first byte after the previous tag
  local at_ls = true       -- a line start is pending (no INDENT emitted yet)

  local function fail(pos, msg)
    return nil, where(name, src, pos) .. ": " .. msg
  end

  -- Emits src[a..b] as text nodes split after each newline, with an INDENT
  -- node at each line start.  Works on a copy so `find` never scans past b.
  local function text(a, b)
    if a > b then return end
    local chunk = sub(src, a, b)
    local p, n = 1, #chunk
    while p <= n do
      if at_ls then nodes[#nodes + 1] = INDENT end
      local nl = find(chunk, "\n", p, true)
      if nl then
        nodes[#nodes + 1] = sub(chunk, p, nl)
        p = nl + 1
        at_ls = true
      else
        nodes[#nodes + 1] = sub(chunk, p, n)
        at_ls = false
        break
      end
    end
  end

  local function line_start()
    if at_ls then nodes[#nodes + 1] = INDENT; at_ls = false end
  end

  while true do
    local s = match(pats.find, src, cursor)
    if not s then break end
    local kind, a1, a2, e = match(pats.tag, src, s)
    if not kind then return fail(s, tag_error(src, s, otag, ctag, pats)) end
    if not e then e = a2 end      -- one capture before the position
    if kind == "!" then e = a1 end -- comments capture no name

    -- Standalone: only blanks before the tag on its line, and after it up to
    -- the line end; then the whole line disappears from the output.
    local standalone, lstart, lend = false, nil, nil
    if STANDALONE[kind] then
      local i = s - 1
      while i >= prev_end do
        local ch = byte(src, i)
        if ch ~= 32 and ch ~= 9 then break end
        i = i - 1
      end
      if i == 0 or (i >= prev_end and byte(src, i) == 10) then
        lend = match(LINE_REST, src, e)
        if lend then standalone, lstart = true, i + 1 end
      end
    end
    text(cursor, standalone and lstart - 1 or s - 1)
    cursor = standalone and lend or e
    prev_end = e

    if kind == "" or kind == "{" or kind == "&" then
      line_start()
      nodes[#nodes + 1] = { kind = "var", path = split_path(a1), name = a1, escape = kind == "",
                            at = at, pos = s }
    elseif kind == "#" or kind == "^" then
      if #open >= MAX_SECTION_DEPTH then
        return fail(s, format("section nesting limit (%d) exceeded at '%s'", MAX_SECTION_DEPTH, a1))
      end
      if not standalone then line_start() end
      local sec = { kind = kind == "#" and "sec" or "inv", path = split_path(a1), name = a1,
                    nodes = {}, otag = otag, ctag = ctag, at = at, pos = s, body = e, parent = nodes }
      nodes[#nodes + 1] = sec
      open[#open + 1] = sec
      nodes = sec.nodes
    elseif kind == "/" then
      local sec = open[#open]
      if not sec then
        return fail(s, format("closing tag '%s' has no open section", a1))
      elseif sec.name ~= a1 then
        local w = where(name, src, sec.pos)
        return fail(s, format("closing tag '%s' does not match section '%s' opened at %s",
          a1, sec.name, w:sub(#name + 2)))
      end
      if not standalone then line_start() end
      sec.raw = sub(src, sec.body, s - 1)   -- the literal block, for lambdas
      nodes = sec.parent
      sec.parent, sec.body = nil, nil
      open[#open] = nil
    elseif kind == ">" then
      if not standalone then line_start() end
      nodes[#nodes + 1] = { kind = "partial", name = a1, at = at, pos = s,
                            indent = standalone and sub(src, lstart, s - 1) or "" }
    elseif kind == "=" then
      otag, ctag = a1, a2
      pats = patterns(otag, ctag)
    end
    if standalone then at_ls = true end
  end
  text(cursor, #src)
  if #open > 0 then
    local sec = open[#open]
    return fail(sec.pos, format("%s '%s' is not closed",
      sec.kind == "sec" and "section" or "inverted section", sec.name))
  end
  return setmetatable({ name = name, nodes = root, escape = escape_for_name(name) }, Template)
end

-- ---------------------------------------------------------------------------
-- Renderer
-- ---------------------------------------------------------------------------

local function is_template(x)
  return type(x) == "table" and getmetatable(x) == Template
end

-- Name lookup (spec: the first context holding the first part wins, the
-- rest resolves inside that value only; "a.b" is never one key).
local function lookup(stack, n, path)
  local np = #path
  if np == 0 then return stack[n] end
  local first = path[1]
  local v
  for i = n, 1, -1 do
    local c = stack[i]
    if type(c) == "table" then
      v = c[first]
      if v ~= nil then break end
    end
  end
  if v == nil then return nil end
  for k = 2, np do
    if type(v) ~= "table" then return nil end
    v = v[path[k]]
    if v == nil then return nil end
  end
  return v
end

-- false, nil, JSON null and the empty table (an empty list) are falsy; a
-- table whose metatable has __index is a proxy object, never empty.
local function falsy(v)
  if v == nil or v == false or rawequal(v, json_null) then return true end
  if type(v) == "table" and next(v) == nil then
    local mt = getmetatable(v)
    return not (mt and mt.__index)
  end
  return false
end

local function fail_at(node, msg)
  error(where(node.at.name, node.at.src, node.pos) .. ": " .. msg, 0)
end

-- Text of a value: integral floats (JSON numbers) print without ".0".
local function tostr(v, node)
  local tv = type(v)
  if tv == "string" then return v end
  if tv == "number" then
    if math_type(v) == "float" and v == floor(v) and v > -2^53 and v < 2^53 then
      return format("%d", v)
    end
    return tostring(v)
  end
  if tv == "boolean" then return tostring(v) end
  fail_at(node, format("cannot interpolate '%s' (a %s)", node.name, tv))
end

local render_nodes

local function emit(st, s)
  local k = st.k + 1
  st.out[k] = s
  st.k = k
  local size = st.size + #s
  st.size = size
  if size > st.max_output then
    error(format("%s: render output limit (%d bytes) exceeded", st.name, st.max_output), 0)
  end
end

-- Compiles a lambda's result (cached per node while the same text returns).
-- Lambda expansions count toward the partial depth limit: a lambda that
-- returns its own tag would otherwise recurse without end.
local function lambda_template(node, s, otag, ctag, st)
  if st.depth >= MAX_PARTIAL_DEPTH then
    fail_at(node, format("lambda depth limit (%d) exceeded at '%s'", MAX_PARTIAL_DEPTH, node.name))
  end
  local cache = node.lambda_cache
  if cache and cache.src == s then return cache.tpl end
  local tpl, err = compile(s, node.at.name, { delimiters = { otag, ctag } })
  if not tpl then fail_at(node, format("lambda '%s' returned a bad template: %s", node.name, err)) end
  node.lambda_cache = { src = s, tpl = tpl }
  return tpl
end

-- Renders `nodes` into a fresh buffer and returns the text.
local function render_to_string(nodes, st)
  local out, k = st.out, st.k
  st.out, st.k = {}, 0
  render_nodes(nodes, st)
  local s = concat(st.out, "", 1, st.k)
  st.out, st.k = out, k
  return s
end

local function find_partial(node, st)
  local name = node.name
  local src
  local p = st.partials
  if type(p) == "table" then src = p[name]
  elseif type(p) == "function" then src = p(name) end
  if src == nil then
    if not st.resolver then return nil end
    local tpl, err = st.resolver(name)
    if err then fail_at(node, err) end
    return tpl
  end
  if is_template(src) then return src end
  if type(src) ~= "string" then
    fail_at(node, format("partial '%s' is a %s (expected a string or a compiled template)", name, type(src)))
  end
  -- Compile each partial text once per partials table (or function).
  local cache = st.pcache[p]
  if not cache then cache = {}; st.pcache[p] = cache end
  local hit = cache[name]
  if hit and hit.src == src then return hit.tpl end
  local tpl, err = compile(src, name)
  if not tpl then error(err, 0) end
  cache[name] = { src = src, tpl = tpl }
  return tpl
end

local function push(st, v)
  local n = st.n + 1
  st.stack[n] = v
  st.n = n
end

local function pop(st)
  st.stack[st.n] = nil
  st.n = st.n - 1
end

render_nodes = function(nodes, st)
  local steps = st.steps + #nodes
  st.steps = steps
  if steps > st.max_steps then
    error(format("%s: render step limit (%d template nodes) exceeded", st.name, st.max_steps), 0)
  end
  for i = 1, #nodes do
    local node = nodes[i]
    if type(node) == "string" then
      emit(st, node)
    elseif node == INDENT then
      if st.indent ~= "" then emit(st, st.indent) end
    else
      local kind = node.kind
      if kind == "var" then
        local v = lookup(st.stack, st.n, node.path)
        if type(v) == "function" then
          -- Lambda (spec ~lambdas): the result is a template, default delimiters.
          local r = v()
          if r ~= nil then
            local tpl = lambda_template(node, tostr(r, node), "{{", "}}", st)
            st.depth = st.depth + 1
            v = render_to_string(tpl.nodes, st)
            st.depth = st.depth - 1
          else
            v = nil
          end
        end
        if v ~= nil and not rawequal(v, json_null) then
          local s = tostr(v, node)
          if node.escape then s = st.escape(s, v) end
          emit(st, s)
        end
      elseif kind == "sec" then
        local v = lookup(st.stack, st.n, node.path)
        if not falsy(v) then
          local tv = type(v)
          if tv == "function" then
            -- Lambda: gets the literal block; its result renders with the
            -- section's delimiters.
            local r = v(node.raw)
            if r ~= nil then
              local tpl = lambda_template(node, tostr(r, node), node.otag, node.ctag, st)
              st.depth = st.depth + 1
              render_nodes(tpl.nodes, st)
              st.depth = st.depth - 1
            end
          elseif tv == "table" and #v > 0 then   -- a list (a proxy object has no length)
            for j = 1, #v do
              push(st, v[j])
              render_nodes(node.nodes, st)
              pop(st)
            end
          else
            push(st, v)
            render_nodes(node.nodes, st)
            pop(st)
          end
        end
      elseif kind == "inv" then
        if falsy(lookup(st.stack, st.n, node.path)) then render_nodes(node.nodes, st) end
      else -- partial
        local tpl = find_partial(node, st)
        if tpl then
          if st.depth >= MAX_PARTIAL_DEPTH then
            fail_at(node, format("partial depth limit (%d) exceeded at '%s'", MAX_PARTIAL_DEPTH, node.name))
          end
          local indent = st.indent
          st.indent = indent .. node.indent
          st.depth = st.depth + 1
          render_nodes(tpl.nodes, st)
          st.depth = st.depth - 1
          st.indent = indent
        elseif st.strict then
          fail_at(node, format("unknown partial '%s'", node.name))
        end
      end
    end
  end
end

-- Partials from files next to a loaded template: name + the template's
-- extension (row.html for report.html), then name.mustache, then the name as
-- given.  Names stay inside the directory ("sub/row" is fine, "../x" is not).
-- A partial found through a symbolic link must still resolve (realpath)
-- inside the template directory.
local function file_resolver(dir, ext)
  local cache = {}
  local exts = { ext, ".mustache", "" }
  local root = realpath and realpath(dir == "" and "." or dir)
  return function(name)
    local hit = cache[name]
    if hit ~= nil then return hit or nil end
    if name:find("^/") or name:find("\\", 1, true) or name:find("\0", 1, true)
      or ("/" .. name .. "/"):find("/%.%.?/") then
      return nil, format("partial name '%s' is not allowed (it must stay inside the template directory)", name)
    end
    for i = 1, #exts do
      local path = dir .. name .. exts[i]
      local f = io_open(path, "rb")
      if f and root then
        local real = realpath(path)
        if not real or (sub(real, 1, #root + 1) ~= root .. "/" and root ~= "/") then
          f:close()
          return nil, format("partial '%s' resolves outside the template directory (%s -> %s)", name, path,
                             tostring(real))
        end
      end
      if f then
        local src = f:read("a")
        f:close()
        if src then
          local tpl, err = compile(src, path)
          if not tpl then error(err, 0) end
          cache[name] = tpl
          return tpl
        end
      end
    end
    cache[name] = false
    return nil
  end
end

-- t:render(view [, partials [, opts]]) -> string.  partials: a table of
-- name -> source text or compiled template, or a function(name) returning
-- one (or nil).  opts.escape ("html", "none", "csv" or a function(s, value))
-- and opts.strict_partials override the template's own settings;
-- opts.max_output (bytes) and opts.max_steps (template nodes rendered)
-- override template.MAX_OUTPUT and MAX_STEPS.  Raises "name:line:column:
-- ..." on render errors (depth limit, strict partials) and "name: render
-- output limit ..." / "render step limit ..." past the bounds.
function Template:render(view, partials, opts)
  if not is_template(self) then error("bad self to 'render' (glean.Template expected)", 2) end
  local esc = opts and check_escape(opts.escape, 2) or nil
  if partials ~= nil and type(partials) ~= "table" and type(partials) ~= "function" then
    error(format("bad argument #2 to 'render' (table or function expected, got %s)", type(partials)), 2)
  end
  local strict = self.strict_partials
  if opts and opts.strict_partials ~= nil then strict = opts.strict_partials end
  local st = {
    stack = { view }, n = 1, out = {}, k = 0,
    escape = esc or check_escape(self.escape, 2),
    partials = partials, resolver = self.resolver, strict = strict,
    pcache = self.pcache, indent = "", depth = 0,
    name = self.name, size = 0, steps = 0,
    max_output = opts and opts.max_output or template.MAX_OUTPUT,
    max_steps = opts and opts.max_steps or template.MAX_STEPS,
  }
  render_nodes(self.nodes, st)
  template.last_render = { steps = st.steps, bytes = st.size }
  return concat(st.out, "", 1, st.k)
end

function Template:__tostring()
  return format("glean.Template (%s)", self.name)
end

local function apply_opts(tpl, opts)
  if opts then
    if opts.escape ~= nil then tpl.escape = check_escape(opts.escape, 3) end
    tpl.strict_partials = opts.strict_partials and true or false
  end
  tpl.pcache = setmetatable({}, { __mode = "k" })
  return tpl
end

-- compile(src [, name [, opts]]) -> template, or nil, "name:line:col: msg".
-- name (default "template") names errors and picks the escape mode.
function template.compile(src, name, opts)
  if type(src) ~= "string" then
    error(format("bad argument #1 to 'compile' (string expected, got %s)", type(src)), 2)
  end
  if name ~= nil and type(name) ~= "string" then
    error(format("bad argument #2 to 'compile' (string expected, got %s)", type(name)), 2)
  end
  if opts and opts.escape ~= nil then check_escape(opts.escape, 2) end
  local tpl, err = compile(src, name)
  if not tpl then return nil, err end
  return apply_opts(tpl, opts)
end

-- load(path [, opts]) -> template, or nil, err.  Partials not given to
-- render are read from the template's directory (see file_resolver).
function template.load(path, opts)
  if type(path) ~= "string" then
    error(format("bad argument #1 to 'load' (string expected, got %s)", type(path)), 2)
  end
  if opts and opts.escape ~= nil then check_escape(opts.escape, 2) end
  local f, msg = io_open(path, "rb")
  if not f then return nil, msg end
  local src = f:read("a")
  f:close()
  if not src then return nil, path .. ": cannot read" end
  local tpl, err = compile(src, path)
  if not tpl then return nil, err end
  local dir = path:match("^(.*/)") or ""
  local base = path:match("([^/]*)$")
  local ext = base:match("^[^.]*(%..*)$") or ""
  tpl.resolver = file_resolver(dir, ext)
  return apply_opts(tpl, opts)
end

-- render(src, view [, partials [, opts]]) -> string, or nil, err when src
-- does not compile.  opts.name names the template (errors, escape mode).
function template.render(src, view, partials, opts)
  local tpl, err = template.compile(src, opts and opts.name, opts)
  if not tpl then return nil, err end
  return tpl:render(view, partials)
end

template.is_template = is_template
template.null = json_null
template.Template = Template

return template
