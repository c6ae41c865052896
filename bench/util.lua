-- bench/util.lua -- helpers shared by the Lua benchmarks (dofile'd from the
-- repository root, where the Makefile runs them).
local util = {}

function util.read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

function util.write(path, s)
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
end

function util.exists(path)
  local f = io.open(path, "rb")
  if f then f:close() end
  return f ~= nil
end

function util.median(t)
  table.sort(t)
  return t[(#t + 1) // 2]
end

-- time(runs, f) -> median CPU seconds of f() over runs (os.clock: the C and
-- Python peers count CPU time too, so load on the machine skews no ratio)
function util.time(runs, f)
  local t = {}
  for r = 1, runs do
    local t0 = os.clock()
    f()
    t[r] = os.clock() - t0
  end
  return util.median(t)
end

-- q(s) -> s quoted for the shell
function util.q(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

-- sh(cmd [, who]): cmd run by the shell; an error naming it (and who) when it fails
function util.sh(cmd, who)
  if not os.execute(cmd) then error((who and who .. ": " or "") .. "failed: " .. cmd, 2) end
end

-- base_checkout(rev, parent, who) -> dir, short rev: revision rev of this
-- repository unpacked into parent/base-REV and built there (once: a later
-- run reuses it), for the A/B benchmarks; who names the bench in errors
function util.base_checkout(rev, parent, who)
  local q = util.q
  local function sh(cmd) util.sh(cmd, who) end
  local short = io.popen("git rev-parse --short " .. q(rev)):read("l")
  assert(short and short ~= "", who .. ": unknown revision " .. rev)
  local dir = string.format("%s/base-%s", parent, short)
  if not util.exists(dir .. "/build/glean/core.so") then
    sh("rm -rf " .. q(dir) .. " && mkdir -p " .. q(dir))
    sh("git archive " .. q(short) .. " | tar -x -C " .. q(dir))
    sh("make -s -C " .. q(dir) .. " all >/dev/null")
  end
  return dir, short
end

return util
