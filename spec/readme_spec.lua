-- Every example of the README runs: each ```sh and ```lua block, in a
-- scratch directory that holds links to samples/ and templates/, with the
-- checkout's glean first on PATH; a ```text output block right after an
-- example is its exact standard output.  Tags after the language:
--   install   the install commands, run with luarocks' --tree pointing at a
--             scratch tree (whose bin and paths `luarocks path` gives)
--   checkout  run in the checkout itself (read-only commands); a line that
--             is only `make` is skipped: the test run has just built it
--   norun     make targets only (make test cannot run inside itself)
local H = glean_spec

local function blocks(text)
  local out, cur = {}, nil
  local n = 0
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    n = n + 1
    if cur then
      if line:match("^```%s*$") then out[#out + 1] = cur; cur = nil
      else cur.lines[#cur.lines + 1] = line end
    else
      local info = line:match("^```(%S.*)$")
      if info then
        local words = {}
        for w in info:gmatch("%S+") do words[#words + 1] = w end
        cur = { lang = words[1], tag = words[2], line = n, lines = {} }
      elseif line:match("^```%s*$") then
        cur = { lang = "", line = n, lines = {} }
      elseif line:match("%S") and out[#out] then
        out[#out].prose_after = true     -- text between a block and the next one
      end
    end
  end
  -- pair each example with the output block that follows it directly
  for i, b in ipairs(out) do
    local nxt = out[i + 1]
    if (b.lang == "sh" or b.lang == "lua") and nxt and nxt.lang == "text" and nxt.tag == "output"
       and not b.prose_after then
      b.expect = table.concat(nxt.lines, "\n") .. "\n"
    end
  end
  return out
end

local function q(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

describe("the README's examples", function()
  local readme = H.read(H.home .. "/README.md")
  local list = blocks(readme)
  local dir = H.tmpdir()
  assert(os.execute("ln -s " .. q(H.home .. "/samples") .. " " .. q(dir .. "/samples")
    .. " && ln -s " .. q(H.home .. "/templates") .. " " .. q(dir .. "/templates")))
  -- the checkout's glean on PATH, as `eval "$(bin/glean env)"` would put it
  local env = "export PATH=" .. q(H.home .. "/bin") .. ':"$PATH" GLEAN_BUILD_DIR='
    .. q(H.build:match("([^/]+)$")) .. "; "

  it("has examples, each with a known language and tag", function()
    local runnable = 0
    for _, b in ipairs(list) do
      if b.lang == "sh" or b.lang == "lua" then
        runnable = runnable + 1
        assert.truthy(({ install = true, checkout = true, norun = true })[b.tag] or b.tag == nil,
          "README.md:" .. b.line .. ": unknown tag " .. tostring(b.tag))
        if b.tag == "norun" then
          for _, l in ipairs(b.lines) do
            assert.truthy(l:match("^make %a[%w-]*%s") or l:match("^make %a[%w-]*$"),
              "README.md:" .. b.line .. ": a norun block may only list make targets: " .. l)
          end
        end
      end
    end
    assert.is_true(runnable >= 8, "runnable examples: " .. runnable)
  end)

  for _, b in ipairs(list) do
    if (b.lang == "sh" or b.lang == "lua") and b.tag ~= "norun" then
      it(("README.md:%d (%s%s) runs%s"):format(b.line, b.lang, b.tag and (" " .. b.tag) or "",
          b.expect and " and prints its output" or ""), function()
        local src = table.concat(b.lines, "\n") .. "\n"
        local cmd
        if b.lang == "lua" then
          H.write(dir .. "/example.lua", src)
          cmd = "cd " .. q(dir) .. " && lua5.4 example.lua"
        elseif b.tag == "install" then
          local tree = H.tmpdir()
          src = src:gsub("luarocks %-%-lua%-version 5%.4 make ", "luarocks --lua-version 5.4 make --tree " .. q(tree)
            .. " ")
          cmd = "cd " .. q(H.home) .. " && unset GLEAN_HOME && export GLEAN_NO_LOCAL=1 && "
            .. 'eval "$(luarocks --lua-version 5.4 path --tree ' .. q(tree) .. ' --bin)" && '
            .. 'export PATH=' .. q(tree .. "/bin") .. ':"$PATH" && set -e && ' .. src
        elseif b.tag == "checkout" then
          src = src:gsub("^make%s*#[^\n]*\n", ""):gsub("^make\n", "")
          cmd = "cd " .. q(H.home) .. " && set -e && export GLEAN_BUILD_DIR=" .. q(H.build:match("([^/]+)$"))
            .. " && " .. src
        else
          H.write(dir .. "/example.sh", src)
          cmd = env .. "cd " .. q(dir) .. " && bash -e example.sh"
        end
        local out, code = H.sh("(" .. cmd .. ") 2>" .. q(dir .. "/stderr"))
        assert.equal(0, code, "README.md:" .. b.line .. " failed:\n" .. out .. H.read(dir .. "/stderr"))
        if b.expect then assert.equal(b.expect, out) end
      end)
    end
  end
end)
