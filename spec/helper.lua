-- Loaded by busted before the specs (see .busted).  Gives specs the paths of
-- the checkout, the build and ../shared, and a way to skip plainly.
local helper = {}

helper.home = os.getenv("GLEAN_HOME") or "."
helper.build = os.getenv("GLEAN_BUILD") or (helper.home .. "/build")
helper.shared = os.getenv("GLEAN_SHARED")
if not helper.shared then   -- a developer running busted by hand from the checkout
  local f = io.open(helper.home .. "/../shared/corpus/README.md", "r")
  if f then f:close(); helper.shared = helper.home .. "/../shared" end
end

function helper.read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

function helper.write(path, s)
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
end

-- tmpfile(content) -> path of a new temporary file holding content
function helper.tmpfile(content)
  local path = os.tmpname()
  helper.write(path, content)
  return path
end

-- tmpdir() -> path of a new empty temporary directory
function helper.tmpdir()
  local d = os.tmpname()
  os.remove(d)
  assert(os.execute("mkdir -p '" .. d .. "'"))
  return d
end

-- sh(cmd) -> stdout (stderr too when cmd redirects it), exit status
function helper.sh(cmd)
  local p = assert(io.popen(cmd .. "; echo \"exit:$?\"", "r"))
  local out = p:read("a")
  p:close()
  local body, code = out:match("^(.*)exit:(%d+)\n$")
  return body, tonumber(code)
end

-- err_of(glean, name, ...) -> the message of glean.<name>(...), called as a
-- field (not a tail call) so it names the function as user code sees it,
-- without the "file:line: " prefix
function helper.err_of(glean, name, ...)
  local call = assert(load("local glean = ...; return function(...) local r = glean." .. name
                           .. "(...); return r end"))(glean)
  local ok, err = pcall(call, ...)
  assert(not ok, "expected an error")
  return (err:gsub("^.-:%d+: ", ""))
end

-- corpus("fa.txt") -> text, or nil when ../shared is absent (the spec then
-- registers a pending test saying so).
function helper.corpus(name)
  if not helper.shared then return nil end
  return helper.read(helper.shared .. "/corpus/" .. name)
end

_G.glean_spec = helper
-- nobody_cannot_run_lua() -> reason, or nil.  Under ASan (make test-asan)
-- the module needs the runtimes the lua5.4 shim on PATH preloads; nobody
-- cannot run that shim when the clone sits in a private directory, and a
-- plain lua5.4 aborts loading the instrumented module.
function helper.nobody_cannot_run_lua()
  if (os.getenv("SANITIZE") or "") == "" then return nil end
  local p = io.popen("command -v lua5.4")
  local lua = p:read("l") or ""
  p:close()
  if os.execute("runuser -u nobody -- test -x '" .. lua:gsub("'", "'\\''") .. "' 2>/dev/null") then return nil end
  return "ASan build: nobody cannot run the lua5.4 shim in " .. lua
end

-- cue_dir(files) -> a new directory holding cues/, names/ and the given
-- files ({ ["cues/en.tsv"] = "title\tPresident\n", ... }): the data
-- directory of entities.load { data = dir } in the entities specs
function helper.cue_dir(files)
  local dir = os.tmpname()
  os.remove(dir)
  assert(os.execute("mkdir -p '" .. dir .. "/cues' '" .. dir .. "/names'"))
  for name, body in pairs(files) do helper.write(dir .. "/" .. name, body) end
  return dir
end

-- mentions(kb, text, lang, opts, with_source) -> { "TYPE surface[ SOURCE]", ... }
-- that glean.entities finds, in text order, each surface checked against
-- its offsets (SOURCE: the cue or list that found it)
local function mentions(kb, text, lang, opts, with_source)
  local o = { lang = lang }
  for k, v in pairs(opts or {}) do o[k] = v end
  local out = {}
  for _, m in ipairs(require("glean.entities").recognise(kb, text, o)) do
    assert(m.surface == text:sub(m.start, m.stop), "surface and offsets disagree: " .. m.surface)
    out[#out + 1] = m.type .. " " .. m.surface .. (with_source and " " .. (m.rule or m.source) or "")
  end
  return out
end

-- recognised(kb, text, lang [, opts]) -> { "TYPE surface", ... }
function helper.recognised(kb, text, lang, opts) return mentions(kb, text, lang, opts, false) end

-- found(kb, lang, text [, opts]) -> { "TYPE surface SOURCE", ... }
function helper.found(kb, lang, text, opts) return mentions(kb, text, lang, opts, true) end

return helper
