-- glean.entities.thai: Thai, written without spaces between words and
-- without case; spaces end phrases.  A person's name follows an honorific
-- or rank written onto it (นายสมชาย ใจดี, พล.อ.ประยุทธ์ X): the given name
-- runs from the title to the next cue or space, the surname is the phrase
-- after one space, up to a cue.  An organisation runs from its head
-- written onto it (กระทรวงการคลัง, พรรคเพื่อไทย) to the next cue or space.
-- Cues (data/cues/th.tsv) are matched as character sequences that start
-- and end where ICU's dictionary puts a word's start and end; a stop
-- phrase is a cue that ends a name.  Found names propagate: the given name or surname alone
-- (news calls a Thai by the given name) where a word starts and ends.
-- thai(kb, T, text, out, lang) adds what it finds.
local base = require "glean.entities.base"

local ipairs, next, pairs, utf8 = ipairs, next, pairs, utf8
local add = base.add

local M = {}

-- a Thai character: U+0E00-U+0E7F (E0 B8 80 - E0 B9 BF)
local function thai_cp(c) return c >= 0x0E00 and c < 0x0E80 end

-- the runs of Thai characters (with the periods of abbreviations inside
-- them: พล.อ.ประยุทธ์, รมช.คลัง): { cp = {...}, s = {...}, e = {...} }
local function thai_runs(text)
  local runs, cur = {}, nil
  local p, len = text:find("\224[\184\185]"), #text
  if not p then return runs end
  while p <= len do
    local c = utf8.codepoint(text, p)
    local w = c < 0x80 and 1 or c < 0x800 and 2 or c < 0x10000 and 3 or 4
    if thai_cp(c) or (c == 0x2E and cur and p < len and text:find("^\224[\184\185]", p + 1)) then
      if not cur then cur = { cp = {}, s = {}, e = {} }; runs[#runs + 1] = cur end
      local n = #cur.cp + 1
      cur.cp[n], cur.s[n], cur.e[n] = c, p, p + w - 1
    else
      -- a period that ends an abbreviation stays in the run (นาย ก., จ.)
      if c == 0x2E and cur then
        local n = #cur.cp + 1
        cur.cp[n], cur.s[n], cur.e[n] = c, p, p
      end
      cur = nil
      local q = text:find("\224[\184\185]", p + w)
      if not q then break end
      p = q
      w = 0
    end
    p = p + w
  end
  return runs
end

local first_lens = base.first_lens

local NO_LENS = {}
local MAX_SURNAME = 20   -- characters: a longer phrase after a given name is no surname

local function thai(kb, T, text, out, lang)
  local own = kb.cjk_lang[lang ~= "und" and lang or "th"] or kb.cjk_lang.th
  if not (own and own.cues) then own = kb.cjk_lang.th end
  if not own then return end
  local runs = thai_runs(text)
  if #runs == 0 then return end
  local phrases, fl = own.phrases, first_lens(own.phrases)
  -- where ICU's words start and end
  local starts, ends = {}, {}
  for k = 1, T.n do starts[T.s[k]], ends[T.e[k]] = true, true end
  -- cues of each run, longest first, left to right, at word starts
  local cues = {}
  for ri, r in ipairs(runs) do
    local list, k, n = {}, 1, #r.cp
    while k <= n do
      local found
      if starts[r.s[k]] or k == 1 then
        for _, len in ipairs(fl[r.cp[k]] or NO_LENS) do
          if len <= n - k + 1 then
            -- ending where a word ends (นาย of นายจ้าง is none), at an
            -- abbreviation's period or at the run's end
            local z = k + len - 1
            local e = (ends[r.e[z]] or r.cp[z] == 0x2E or z == n) and phrases[text:sub(r.s[k], r.e[z])]
            if e then found = { k, z, e }; break end
          end
        end
      end
      if found then list[#list + 1] = found; k = found[2] + 1 else k = k + 1 end
    end
    cues[ri] = list
  end
  -- the end of a name starting at index a of run ri: before the next cue
  -- (of any class) or at the run's end; nil when a cue starts it
  local function name_end(ri, a)
    for _, c in ipairs(cues[ri]) do
      if c[1] == a then return nil end
      if c[1] > a then return c[1] - 1, true end
    end
    return #runs[ri].cp, false
  end
  -- the run after run ri across exactly one space
  local function next_run(ri)
    local r, nx = runs[ri], runs[ri + 1]
    if nx and text:sub(r.e[#r.cp] + 1, nx.s[1] - 1) == " " then return nx, ri + 1 end
    return nil
  end
  local people, known_sur = {}, {}
  for ri, r in ipairs(runs) do
    for ci, c in ipairs(cues[ri]) do
      local cl = c[3]
      -- a head or title opens its run or follows another cue (ภายหลังนายX,
      -- รัฐมนตรีว่าการกระทรวงX), not inside a word ICU split (นารีสโมสร)
      local opens = c[1] == 1 or (ci > 1 and cues[ri][ci - 1][2] == c[1] - 1)
      if cl.title and opens and c[2] == #r.cp and r.cp[c[2]] ~= 0x2E then
        -- a rank written apart from the name (พลเอก X Y): the next phrase
        -- is the given name, the one after it the surname
        local nx, nri = next_run(ri)
        local z = nx and name_end(nri, 1)
        if z and z == #nx.cp and z >= 2 and z <= MAX_SURNAME then
          local se, surname = nx.e[z], nil
          local nx2, nri2 = next_run(nri)
          local z2 = nx2 and name_end(nri2, 1)
          if z2 and z2 <= MAX_SURNAME then se, surname = nx2.e[z2], text:sub(nx2.s[1], nx2.e[z2]) end
          add(out, text, nx.s[1], se, "person", "cue:title", { strong = true })
          people[#people + 1] = { given = text:sub(nx.s[1], nx.e[z]), surname = surname }
        end
      end
      if cl.title and opens and c[2] < #r.cp and r.cp[c[2] + 1] ~= 0x2E then
        -- the given name, written onto the title
        local a = c[2] + 1
        local z, cut = name_end(ri, a)
        if z and z - a + 1 >= 2 then
          local sa, se, given = r.s[a], r.e[z], text:sub(r.s[a], r.e[z])
          local surname
          if not cut then
            local nx, nri = next_run(ri)
            if nx then
              local z2 = name_end(nri, 1)
              local sn = z2 and z2 <= MAX_SURNAME and text:sub(nx.s[1], nx.e[z2])
              -- a given name found before with its surname takes that one
              -- only (ต่อนายพิชัย | ภายในวันที่ after นายพิชัย ชุณหวชิร)
              if sn and (known_sur[given] == nil or known_sur[given] == sn) then
                se, surname = nx.e[z2], sn
              end
            end
          end
          if surname then known_sur[given] = surname end
          add(out, text, sa, se, "person", "cue:title", { strong = true })
          people[#people + 1] = { given = given, surname = surname }
        end
      end
      local h = cl.org_head
      if h and opens then
        local a = c[2] + 1
        local sa = r.s[c[1]]
        if a <= #r.cp then
          local z = name_end(ri, a)
          if z and z - a + 1 >= 2 then add(out, text, sa, r.e[z], "org", "cue:org_head") end
        else
          -- the head alone, its name after one space (บริษัท X)
          local nx, nri = next_run(ri)
          local z = nx and name_end(nri, 1)
          if z and z >= 2 then add(out, text, sa, nx.e[z], "org", "cue:org_head") end
        end
      end
    end
  end
  -- propagation: a found given name or surname alone, as a whole word
  -- sequence (ICU word start and end) outside what was found
  local names = {}
  for _, p in ipairs(people) do
    if utf8.len(p.given) >= 3 then names[p.given] = true end
    if p.surname and utf8.len(p.surname) >= 3 then names[p.surname] = true end
  end
  if next(names) == nil then return end
  local taken = {}
  for _, m in ipairs(out) do taken[#taken + 1] = { m.start, m.stop } end
  local function free(a, b)
    for _, t in ipairs(taken) do if a <= t[2] and b >= t[1] then return false end end
    return true
  end
  for name in pairs(names) do
    local from = 1
    while true do
      local a, b = text:find(name, from, true)
      if not a then break end
      from = b + 1
      if starts[a] and (ends[b] or not text:find("^\224[\184\185]", b + 1)) and free(a, b) then
        add(out, text, a, b, "person", "propagated", { source = "propagated" })
        taken[#taken + 1] = { a, b }
      end
    end
  end
end

M.thai, M.thai_runs = thai, thai_runs
return M
