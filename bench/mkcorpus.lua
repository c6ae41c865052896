-- bench/mkcorpus.lua OUT [MIB] -- the shared benchmark corpus: repeats
-- ../shared/corpus/*.txt (GLEAN_SHARED overrides ../shared) and samples/*.txt,
-- whole files at a time, until OUT holds at least MIB MiB (default 64, at
-- least 32).  Every bench reads it via `make bench-corpus`.
local lfs = require "lfs"

local out = assert(arg[1], "usage: lua5.4 bench/mkcorpus.lua OUT [MIB]")
local mib = math.max(tonumber(arg[2] or "64") or 64, 32)

local function texts(dir)
  local names = {}
  if lfs.attributes(dir, "mode") == "directory" then
    for f in lfs.dir(dir) do
      if f:match("%.txt$") and f ~= "README.txt" then names[#names + 1] = dir .. "/" .. f end
    end
  end
  table.sort(names)
  return names
end

local files = texts((os.getenv("GLEAN_SHARED") or "../shared") .. "/corpus")
for _, f in ipairs(texts("samples")) do files[#files + 1] = f end
assert(#files > 0, "mkcorpus: no ../shared/corpus/*.txt and no samples/*.txt to build a corpus from")

local parts = {}
for _, name in ipairs(files) do
  local f = assert(io.open(name, "rb"))
  local s = f:read("a")
  f:close()
  if utf8.len(s) == nil then error("mkcorpus: " .. name .. " is not valid UTF-8") end
  if s:sub(-1) ~= "\n" then s = s .. "\n" end
  parts[#parts + 1] = s
end
local unit = table.concat(parts)
local want = mib * 1024 * 1024
local f = assert(io.open(out, "wb"))
local size = 0
while size < want do
  assert(f:write(unit))
  size = size + #unit
end
assert(f:close())
print(string.format("mkcorpus: %s: %d bytes (%d files, %d copies)", out, size, #files, size // #unit))
