-- glean.entities.cased: names in cased scripts (Latin, Cyrillic, Greek):
-- the capitalised runs of a text (cased_runs) and what each is
-- (classify_run: a person after a title or a given name, an organisation
-- before its tail ...), organisations after a head word or before a tail
-- (org_heads, tails), places after or before a lower-case place word
-- (lower_places).  Each adds what it finds to out.
local core = require "glean.core"
local base = require "glean.entities.base"
local kb_mod = require "glean.entities.kb"
local toks = require "glean.entities.tokens"
local sport = require "glean.entities.sport"
local ends_in = toks.ends_in

local ipairs, math, select, table, utf8 = ipairs, math, select, table, utf8
local concat = table.concat
local add, is_upper, vi_sig, fold = base.add, base.is_upper, base.vi_sig, base.fold
local common_in, name_entry = kb_mod.common_in, kb_mod.name_entry
local inner_gap, space_gap, cue_gap = toks.inner_gap, toks.space_gap, toks.cue_gap
local sentence_initial, own_cue, any_cue = toks.sentence_initial, toks.own_cue, toks.any_cue
local is_calendar, own_stop, is_stop = toks.is_calendar, toks.own_stop, toks.is_stop
local word_starting, word_ending, patronymic = toks.word_starting, toks.word_ending, toks.patronymic

local M = {}

-- vi_family(kb, T, k) -> the name list's entry of word k when it is a
-- Vietnamese family name as spelled, tone kept (Trương, not Trưởng of
-- Trưởng ban; Tô, not Tổ of Tổ công tác), else nil
local function vi_family(kb, T, k)
  local e = kb.names[T.f[k]]
  if not (e and e.surname_langs and e.surname_langs.vi) then return nil end
  if e.vi_sigs and not e.vi_sigs[vi_sig(T.text:sub(T.s[k], T.e[k]))] then return nil end
  return e
end

-- vi_stop_at(kb, T, k): word k is a stop word of the Vietnamese list as
-- spelled, tones kept (khi 'when' but not khí)
local function vi_stop_at(kb, T, k)
  return kb.vi_stop[vi_sig(T.text:sub(T.s[k], T.e[k]))] == true
end

-- vi_foreign_shape(l): lower-case Latin letters l hold two groups of vowels
-- or end in a consonant no Vietnamese syllable ends in (all but c, ch, m,
-- n, ng, nh, p, t): no Vietnamese syllable
local VI_FINALS = { [""] = true, c = true, ch = true, m = true, n = true, ng = true, nh = true, p = true, t = true }
local function vi_foreign_shape(l)
  return select(2, l:gsub("[aeiouy]+", "")) >= 2 or not VI_FINALS[l:match("[^aeiouy]*$")]
end

-- foreign_word(w): a capitalised word of Latin letters that is no
-- Vietnamese syllable -- two groups of vowels, a letter Vietnamese does not
-- write (f j w z), or an ending no syllable has (Biden, Putin, Trump,
-- Zelensky; not Minh, Lan, Nguyễn): a foreign name in a Vietnamese text
local function foreign_word(w)
  if w:find("[\128-\255]") or not w:find("^%u%l+$") then return false end
  local l = w:lower()
  return l:find("[fjwz]") ~= nil or vi_foreign_shape(l)
end

-- vi_acronym(T, k): word k is written in capitals, two letters or more,
-- and is no Vietnamese syllable (HĐQT, UBND, CSĐT; not LÊ, ĐỒNG): an
-- acronym
local function vi_acronym(T, k)
  local w = T.text:sub(T.s[k], T.e[k])
  if not w:find("^[%u\196\144]+$") or #w < 2 then return false end
  local l = w:gsub("\196\144", "d"):lower()
  return not l:find("[aeiouy]") or vi_foreign_shape(l)
end

-- vi_title_org(T, text, i, j, out): words i..j between a Vietnamese title
-- and what follows, an optional acronym (HĐQT) and then one or two words
-- of foreign shape (Vingroup, Vincom Retail): the organisation is added
-- (the acronym, a board or unit of it, left out); anything else adds nothing
local function vi_title_org(T, text, i, j, out)
  if vi_acronym(T, i) and i < j then i = i + 1 end
  if j - i > 1 then return end
  for k = i, j do
    if not foreign_word(text:sub(T.s[k], T.e[k])) then return end
  end
  add(out, text, T.s[i], T.e[j], "org", "cue:title")
end

-- vi_marked(T, k): word k has a letter only Vietnamese writes (ơ ư ă đ, a
-- vowel with a tone mark below or a hook: Đón, Được): a Vietnamese syllable,
-- no given name of another language's list (Don)
local function vi_marked(T, k)
  local w = T.text:sub(T.s[k], T.e[k])
  return w:find("\225[\186\187]") ~= nil or w:find("\198[\160\161\175\176]") ~= nil
    or w:find("\196[\130\131\144\145]") ~= nil
end

-- vi_foreign_at(T, k): word k, accents folded, is no Vietnamese syllable
-- and has no letter only Vietnamese writes (Forshaw, Semedo, André; not
-- Nguyễn, Vào, Hoàng)
local function vi_foreign_at(T, k)
  local f = T.f[k]
  return f:find("^%l+$") ~= nil and (f:find("[fjwz]") ~= nil or vi_foreign_shape(f)) and not vi_marked(T, k)
end

-- closing_quote_before(T, k): word k comes right after a quotation's
-- closing mark and a space ("...," Whitmer said; "...?” Brown asked)
local function closing_quote_before(T, k)
  local CLOSING = { '"', "\226\128\157", "\194\187" }   -- " ” »
  local g = T.gap[k] or ""
  if g:sub(-1) ~= " " or #g < 2 then return false end
  g = g:sub(1, -2)
  for _, q in ipairs(CLOSING) do
    if g:sub(-#q) == q then
      local before = g:sub(1, -#q - 1)
      -- (a closing mark: after a comma, a period, a question or exclamation mark)
      return before:find("[,%.%?!]$") ~= nil
    end
  end
  return false
end

-- spelled(T, text, a, b, o): words a..b of the text are spelled as the cue o
-- (when o keeps its spellings)
local function spelled(T, text, a, b, o)
  if not o.exact then return true end
  local w = {}
  for x = a, b do w[#w + 1] = core.normalize(text:sub(T.s[x], T.e[x]), "NFKC_CF") end
  return o.exact[concat(w, " ")] == true
end

local function line_start(text, pos)
  local k = pos - 1
  while k >= 1 do
    local b = text:byte(k)
    if b == 10 then return true end
    if b ~= 32 and b ~= 9 then return false end
    k = k - 1
  end
  return true
end

-- a credit with its colon after a photo's caption on the same line (… von
-- Brandenburg. Foto: Soeren Stache/dpa): the cue ends in a colon and
-- follows a sentence's end
-- slash_credit(text, T, before, i): a photo credit in brackets, the agency,
-- the byline word and the name joined by a slash: (AP Photo/Jane Doe, File),
-- (Foto/Jan Nowak)
local function slash_credit(text, T, before, i)
  if T.gap[i] ~= "/" then return false end
  local a = T.s[before.byline[1]]
  local line = text:sub(a > 40 and a - 40 or 1, a - 1):match("[^\n]*$")
  return line:find("%(%s*$") ~= nil or line:find("%(%u[%w%.&]*%s+$") ~= nil
    or line:find("%(%u[%w%.&]*%s+%u[%w%.&]*%s+$") ~= nil
end

local function credit_after_caption(text, T, before, i)
  if T.gap[i] ~= ": " and T.gap[i] ~= " : " then return false end
  local k = T.s[before.byline[1]] - 1
  while k >= 1 and text:byte(k) == 32 do k = k - 1 end
  local b = k >= 1 and text:byte(k)
  return k < T.s[before.byline[1]] - 1 and (b == 46 or b == 33 or b == 63)
end

-- capitalised runs in cased scripts: { i, j } word ranges; particles and
-- connectors inside when a capitalised word follows.  Particles and
-- connectors count in every text, except one that is a stop word of the
-- text's own cue list and no particle or connector of that list: the
-- Indonesian preposition di is no Italian particle (kata Agus di Jakarta)
-- abbr_place(kb, T, k, lang) -> the letters of an abbreviated place head
-- written onto word k with its period (a place_head with `abbr`: H.Cam,
-- TX.Quảng), or nil: such a word is no word of a capitalised run
local function abbr_place(kb, T, k, lang)
  local letters = T.f[k]:match("^([%a\128-\255]+)%.[%a\128-\255]")
  local pa = letters and kb.place_abbr[letters]
  if pa and (pa[lang] or lang == "und" or not kb.cue_langs[lang]) then return letters end
  return nil
end

-- korean_syllable(w): w (folded) is a syllable of a romanised Korean name
-- (an initial, a vowel, a final: seo, yong, hee, myung, sik): the part
-- after the hyphen of a given name (Park Hang-seo, Shin Tae-yong), in lower
-- case, yet part of the name (not led, based, style of Biden-led)
local KO_SET = {}
do
  local KO_INITIALS = { "", "g", "k", "kk", "n", "d", "t", "tt", "r", "l", "m", "b", "p", "pp", "s", "ss", "sh", "j",
    "jj", "ch", "h", "y", "w" }
  local KO_VOWELS = { "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i", "ee", "oo", "ou", "yeu", "yoo", "oi" }
  local KO_FINALS = { "", "k", "n", "l", "m", "p", "ng", "t" }
  for _, a in ipairs(KO_INITIALS) do
    for _, v in ipairs(KO_VOWELS) do
      for _, f in ipairs(KO_FINALS) do KO_SET[a .. v .. f] = true end
    end
  end
end
local function korean_syllable(w) return #w >= 2 and KO_SET[w] == true end

-- initials_at(T, k): word k is one capital letter and a period (the О. of
-- Дудін С. О., the С of Дудін С.О.): a person's initials, no word of an
-- organisation's name before them
local function initials_at(T, k)
  if k > T.n or not T.cap[k] then return false end
  -- (a letter glued to the number or degree sign before it is a unit: +24°С.)
  if k > 1 and (T.gap[k] == "" or (T.gap[k] or ""):sub(-2) == "\194\176") then return false end
  local w = T.f[k]
  if utf8.len(w) == 1 then return (T.gap[k + 1] or ""):sub(1, 1) == "." end
  -- (two initials written together are one word: с.о)
  if not w:find(".", 1, true) then return false end
  for seg in (w .. "."):gmatch("([^.]*)%.") do
    if utf8.len(seg) ~= 1 then return false end
  end
  return true
end

-- cyr_surname(w): a folded Cyrillic word shaped like a Russian,
-- Ukrainian or Belarusian surname in any case (Савченко, Савченка; Додина,
-- Додиным; Петров, Петрову; Зеленский, Зеленского; Ковальчук; Пашинян;
-- Лукашевич; Tajik and Azerbaijani Рахмонзода, Гулизаде; Serbian Петровић), the suffix
-- after a stem of two letters or more
local SURNAME_SUFFIXES = { "енко", "енка", "енку", "енком", "енкові", "енці", "ов", "ев", "ин", "ын", "ова", "ева",
  "ина", "ына", "ову", "еву", "ину", "ыну", "овым", "евым", "иным", "ыным", "овом", "евом", "ином", "овои", "евои",
  "инои", "ынои", "ове", "еве", "ине", "овою", "евою", "иною", "ових", "ских", "скии", "цкии",
  "ская", "цкая", "ского", "цкого", "скому", "цкому", "ским", "цким", "ском", "цком", "скои", "цкои", "скую",
  "цкую", "ська", "цька", "ського", "цького", "ському", "цькому", "ським", "цьким", "ськии", "цькии", "ськои",
  "цькои", "ську", "цьку", "ською", "цькою", "чук", "чука", "чуку", "чуком", "чукові", "юк", "юка", "юку", "юком",
  "юкові", "ович", "евич", "овича", "евича", "овичу", "евичу", "овичем", "евичем", "ян", "яна", "яну", "яном",
  "швили", "дзе", "зода", "зоды", "зоде", "заде", "ић", "ића", "ићу", "ићем" }
local CYR_SURNAME_LANGS = { ru = true, uk = true, be = true }
-- (Greek surnames' endings in their cases, folded: Μητσοτάκης, Μητσοτάκη;
-- Παπαδόπουλος, -ου, -ο; Σαββίδης, -η, -ου; Γεωργιάδης, -η; Καλαμούδης;
-- Χατζόγλου: no Greek noun, adjective or verb ends so; see classify_run)
SURNAME_SUFFIXES.greek = { "ακησ", "ακη", "οπουλοσ", "οπουλου", "οπουλο", "ιδησ", "ιδη", "ιδου", "αδησ", "ιαδη",
  "ουδησ", "ουδη", "ογλου" }
local function cyr_surname(w)
  local n = utf8.len(w)
  if not n or n < 4 then return false end
  local c0 = utf8.codepoint(w, 1)
  if c0 < 0x0400 or c0 >= 0x0530 then return false end
  for _, e in ipairs(SURNAME_SUFFIXES) do
    if w:sub(-#e) == e and n - utf8.len(e) >= 2 then return true end
  end
  return false
end

-- initials_only(T, i, j): words i..j are all initials written together
-- (И.В, then Жарков: initials before a surname join it; after a surname
-- their period may end the sentence, Петров А.В. | Итоги)
local function initials_only(T, i, j)
  for x = i, j do
    if not initials_at(T, x) or not T.f[x]:find(".", 1, true) then return false end
  end
  return true
end

-- a particle that opens a range of places, with the word that ends it
-- (German von Bautzen bis Görlitz, Dutch van Utrecht tot Zwolle): there
-- it is a preposition, and the name after it no part of the run before it
local placenames = {}   -- tables and tests of place names (few locals: Lua's limit is 200)
placenames.RANGE_TO = { von = { bis = true }, van = { tot = true } }
-- German nouns by their derivational endings (folded), never a place's name
placenames.DE_NOUN_ENDS = { "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion",
  "tionen", "ismus", "ität", "itäten" }

local function cased_runs(kb, T, lang, from)
  local PARTICLE_AFTER_GIVEN = { nl = { van = true }, de = { von = true } }
  local runs, i = {}, 1
  local has_abbr = next(kb.place_abbr) ~= nil
  local function foreign(lower)
    local st = kb.explicit_stop[lower]
    return st ~= nil and lang ~= nil and st[lang] == true
      and not (kb.joiner_langs[lower] and kb.joiner_langs[lower][lang])
  end
  -- (in a Vietnamese text a lower-case word with accents is a syllable,
  -- no particle or connector of another list unless Vietnamese lists it:
  -- là is no French la, đến no Dutch den)
  local function vi_word(k)
    if lang ~= "vi" or not T.text:sub(T.s[k], T.e[k]):find("[\128-\255]") then return false end
    local jl = kb.joiner_langs[T.f[k]]
    return not (jl and jl.vi)
  end
  local function particle(lower) return kb.particle[lower] and not foreign(lower) end
  -- Dutch and German write a name's particle right after the given names
  -- (Rob van Dijk, Ursula von der Leyen): after a given name and a word
  -- that is none, van or von opens where the person comes from (Jeroen
  -- Schutijser | van Slotstad Radio, Hans Meier | von der Stadtverwaltung)
  local function surname_particle(a, b, lower)
    if not PARTICLE_AFTER_GIVEN[lang] or not PARTICLE_AFTER_GIVEN[lang][lower] or b <= a then return false end
    local e1, eb = name_entry(kb, T.f[a], lang), name_entry(kb, T.f[b], lang)
    return e1 ~= nil and e1.given and not (eb and eb.given) and utf8.len(T.f[b]) > 1 and not initials_at(T, b)
  end
  -- a lower-case word that joins the words of an organisation's name:
  -- a particle or connector of any list, or a `head` connector of the
  -- text's own list
  local function org_joiner(lower)
    local hc = kb.head_connector[lower]
    return ((kb.particle[lower] or kb.connector[lower]) and not foreign(lower)) or (hc ~= nil and hc[lang] == true)
  end
  -- the run i..j holds an organisation's capitalised head
  local function org_run(a, b)
    if not from then return false end
    for x = a, b do
      if T.cap[x] and from[x] and from[x].org_head then return true end
    end
    return false
  end
  while i <= T.n do
    if T.sc[i] == "cased" and T.cap[i] and not (has_abbr and abbr_place(kb, T, i, lang)) then
      local j = i
      while j < T.n do
        local k = j + 1
        -- one space (T.sp) answers every question below as " " does
        local g = T.sp[k] and " " or T.gap[k]
        if has_abbr and abbr_place(kb, T, k, lang) then break end
        -- a designator written before a company's name opens a name of its
        -- own (Direktur Keuangan | PT Brantas Abipraya)
        if from and from[k] and from[k].org_designator and from[k].org_designator[2].before then break end
        if T.sc[k] == "cased" and T.cap[k] and (inner_gap(g) and (g:sub(1, 1) ~= "." or utf8.len(T.f[j]) == 1
          or (initials_at(T, j) and (initials_only(T, i, j)
          or (CYR_SURNAME_LANGS[lang] and cyr_surname(T.f[k]))))))
          and not (g == "'" or g == "\226\128\153") then
          -- Turkish: a capital letter alone, no initial's period after it,
          -- after two words opens the next name (Okay Memiş | A Haber)
          if lang == "tr" and j > i and utf8.len(T.f[k]) == 1 and (T.gap[k + 1] or ""):sub(1, 1) ~= "." then break end
          -- Vietnamese: a capitalised stop word or a syllable with a letter
          -- only Vietnamese writes after a foreign name is the text's own
          -- word, no part of the name (Adam Forshaw | Ra sân, Ryan Hedges |
          -- Vào sân, Santiago Bueno | Thẻ vàng)
          -- (a family name opens a Vietnamese name: Vinacoxa Trần Minh Hải
          -- stays one run, the title's code splits it)
          if lang == "vi" and vi_foreign_at(T, j) and not vi_foreign_at(T, k)
            and (vi_stop_at(kb, T, k) or vi_marked(T, k)) and not vi_family(kb, T, k) then break end
          j = k
        elseif g == "-" and T.sc[k] == "cased" and not T.cap[k] and korean_syllable(T.f[k]) and T.cap[j]
          and korean_syllable(T.f[j]) and not (k < T.n and T.gap[k + 1] == "-") then
          -- a romanised Korean given name (Hang-seo, Tae-yong): the
          -- syllable counts as a capitalised word of the name
          j = k
          T.cap[k] = true
        elseif T.sc[k] == "cased" and not T.cap[k] and space_gap(g) or g == "-" then
          -- a particle or connector, then a capitalised word
          local lower = T.f[k]
          local k2 = k + 1
          if (kb.particle[lower] or kb.connector[lower]) and not foreign(lower) and not vi_word(k)
            and not surname_particle(i, j, lower)
            and k2 <= T.n and T.sc[k2] == "cased"
            and T.cap[k2] and ((T.sp[k2] or false) or T.gap[k2] == "-")
            and not (has_abbr and abbr_place(kb, T, k2, lang))
            and not (placenames.RANGE_TO[lower] and k2 < T.n and placenames.RANGE_TO[lower][T.f[k2 + 1]]
                     and (T.sp[k2 + 1] or false)) then
            j = k2
          elseif particle(lower) and not vi_word(k) and not surname_particle(i, j, lower)
            and k2 + 1 <= T.n and particle(T.f[k2]) and not T.cap[k2]
            and (T.sp[k2] or false) and T.sc[k2 + 1] == "cased" and T.cap[k2 + 1] and (T.sp[k2 + 1] or false) then
            j = k2 + 1   -- two particles (von der Leyen, de la Fuente)
          elseif not vi_word(k) and org_joiner(lower) and k2 <= T.n and T.sc[k2] == "cased"
            and (T.sp[k2] or false) and org_run(i, j) then
            -- inside an organisation's name: a head connector, or two
            -- joining words, before a capitalised one (Comitê de Combate aos
            -- Incêndios, Companhia dos Vales do São Francisco e do Parnaíba,
            -- Asociación contra el Cáncer)
            -- (not before the head of a place or of another organisation:
            -- Olympique de Marseille au | Parc des Princes, as a coordinator
            -- before another head below)
            if T.cap[k2] and not (has_abbr and abbr_place(kb, T, k2, lang))
              and not (from[k2] and (from[k2].place_head or from[k2].org_head)) then
              j = k2
            elseif T.cap[k2] then
              break
            elseif not T.cap[k2] and org_joiner(T.f[k2]) and k2 + 1 <= T.n and T.sc[k2 + 1] == "cased"
              -- (after a coordinator only an "of" word, d-: e do Parnaíba,
              -- y de Pesca; y la | Fiscalía opens another name)
              -- (nor before another head: do Supremo Tribunal Federal e do
              -- | Conselho Nacional de Justiça are two names)
              and not (kb.coord[lower] and (T.f[k2]:sub(1, 1) ~= "d" or (from[k2 + 1] and from[k2 + 1].org_head)))
              and T.cap[k2 + 1] and (T.sp[k2 + 1] or false) then
              j = k2 + 1
            else break end
          else break end
        else break end
      end
      -- a company designator written in lower case or with a slash ends
      -- the run (Agrofert, a.s.; Acme sp. z o.o.; Nordhavn A/S)
      local d = from and from[j] and from[j].org_designator
      if d and d[1] > j then j = d[1]
      elseif from and j < T.n and (space_gap(T.gap[j + 1]) or T.gap[j + 1] == ", ") and from[j + 1]
        and from[j + 1].org_designator and not T.cap[j + 1]
        and (T.f[j + 1]:find("%.") or (T.gap[j + 2] or ""):sub(1, 1) == ".") then   -- not Czech se, Norwegian sa
        j = from[j + 1].org_designator[1]
      end
      runs[#runs + 1] = { i, j }
      i = j + 1
    else
      i = i + 1
    end
  end
  return runs
end

-- opens_quote(gap): the gap after a word opens a quoted name (ООО «X»:
-- the name is in the quotes, org_heads finds it)
local function opens_quote(gap)
  if not gap then return false end
  for _, q in ipairs({ "«", "„", '"', "“" }) do
    if gap:find(q, 1, true) then return true end
  end
  return false
end

-- hyphen_ok(kb, T, k): a given name joined by a hyphen to the next word
-- is a name only when that word is a given name too (Jean-Pierre, not
-- Minh-Denkmal or Kuzey-Güney)
local function hyphen_ok(kb, T, k)
  if k >= T.n or T.gap[k + 1] ~= "-" then return true end
  local e = name_entry(kb, T.f[k + 1])
  return e ~= nil and e.given == true
end

local function name_tokens(T, i, j)
  local n = 0
  for k = i, j do if T.cap[k] then n = n + 1 end end
  return n
end

-- name_in(kb, key, lang): a given name or surname of a list of lang that
-- does not call it an ordinary word (Vietnamese Cao; not French "Le",
-- which folds like the Vietnamese name Lê)
local function name_in(kb, key, lang)
  local e = kb.names[key]
  return e ~= nil and ((e.given_langs and e.given_langs[lang]) or (e.surname_langs and e.surname_langs[lang])) ~= nil
    and not (e.common_langs and e.common_langs[lang])
end

-- adjective endings of Russian and Ukrainian (folded: й is и, ї is і): the
-- words before a lower-case tail (Ленинский районный суд, Київська міська
-- рада) are adjectives; a verb or a noun there (Путин посетил завод) is no name
-- (UK_ADJ_ENDINGS, the short Ukrainian ones: Київська, Київську, Центральне;
-- in a Russian text they end nouns: на Большой сцене, в Украине)
-- the plural endings of those adjectives (the last two letters, folded)
local PLURAL_ADJ = { ["ые"] = true, ["ие"] = true, ["ых"] = true, ["их"] = true }
local place_adj, adjective_shape
do
  local ADJ_ENDINGS = { "ыи", "ии", "ои", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им",
    "ом", "ем", "ую", "юю", "ых", "их", "еи", "ою" }
  local UK_ADJ_ENDINGS = { "на", "ка", "ня", "ні", "оі", "іи", "ну", "ку", "не", "ке", "ве" }
  -- place_adj(w): the suffix of an adjective made from a place's name
  local PLACE_ADJ = { "ск", "цк", "ськ", "цьк" }
  function place_adj(w)
    for _, x in ipairs(PLACE_ADJ) do if w:find(x, 1, true) then return true end end
    return false
  end
  function adjective_shape(w, lang)
    local c = utf8.codepoint(w, 1)
    if c < 0x0400 or c >= 0x0530 then return true end
    for _, e in ipairs(ADJ_ENDINGS) do
      if #w > #e + 2 and w:sub(-#e) == e then return true end
    end
    if lang == "ru" then return false end
    for _, e in ipairs(UK_ADJ_ENDINGS) do
      if #w > #e + 2 and w:sub(-#e) == e then return true end
    end
    return false
  end
end

-- cyrillic_ending(min, endings) -> a test: a folded word of at least min
-- letters, Cyrillic, ending in one of endings
local function cyrillic_ending(min, endings)
  return function(w)
    if utf8.len(w) < min then return false end
    local c0 = utf8.codepoint(w, 1)
    return c0 >= 0x0400 and c0 < 0x0530 and ends_in(w, endings)
  end
end

-- long_adjective(w): a lower-case Cyrillic word of five letters or more with
-- a full adjective ending (народной, российского, федеральных)
local long_adjective
do
  local LONG_ADJ = { "ыи", "ии", "ои", "еи", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ых", "их",
    "ым", "им", "ую", "юю" }
  long_adjective = cyrillic_ending(5, LONG_ADJ)
end

-- genitive_shape(w): a Cyrillic noun or adjective in the genitive (завода,
-- московской, команды, служби), not a verb (заявил, сообщила, говорят)
local GEN_ENDINGS = { "а", "я", "ы", "и", "у", "ой", "ей", "ого", "его", "ых", "их", "ов", "ев", "ів", "оі", "ни" }
local VERB_ENDINGS = { "ла", "ли", "ло", "ся", "сь", "ть", "ти", "ет", "ит", "ют", "ят", "ут", "ать", "ал", "ил", "ыл",
  "ел", "ав", "ив" }
-- case_shape(min, verbs, endings) -> a test: a word of at least min letters
-- ending in one of endings and in none of verbs
local function case_shape(min, verbs, endings)
  return function(w) return utf8.len(w) >= min and not ends_in(w, verbs) and ends_in(w, endings) end
end
local genitive_shape = case_shape(3, VERB_ENDINGS, GEN_ENDINGS)

-- pl_genitive_shape(w): a folded Polish word of four letters or more that
-- may be a noun or adjective in the genitive (gospodarzy, zespołu, spółki,
-- miejskiego, krajowej, polskich), not a past-tense or infinitive verb
-- (zdobył, strzeliła, mieli, grać) nor an adverb in -o or -ie
local pl_genitive_shape
do
  local PL_GEN_ENDINGS = { "ego", "ej", "ych", "ich", "ów", "y", "i", "a", "u" }
  local PL_VERB_ENDINGS = { "ł", "ła", "li", "ło", "ły", "ć", "ać", "eć", "ić" }
  pl_genitive_shape = case_shape(4, PL_VERB_ENDINGS, PL_GEN_ENDINGS)
end

-- past_verb(w): a folded Russian or Ukrainian verb in the past tense, six
-- letters or more (заявила, сообщили, прислало, повідомив): no word of an
-- organisation's name (Прокуратура Москвы | прислала); shorter words with
-- these endings are nouns (сил, дела, села)
local past_verb
do
  local PAST_ENDINGS = { "ала", "ила", "ела", "ыла", "яла", "ула", "али", "или", "ели", "ыли", "яли", "ули", "ало",
    "ило", "ело", "ыло", "яло", "ал", "ил", "ел", "ыл", "ял", "ав", "ив", "ув", "яв" }
  past_verb = cyrillic_ending(6, PAST_ENDINGS)
end

-- present_verb(w): a folded Russian or Ukrainian verb in the present or
-- future tense, third person (откроет, развивает, пройдет, проводятся,
-- відкриває, працюють, працюватиме): no word of an organisation's name after
-- its head (Театр имени Ермоловой | откроет, Компания | развивает); the
-- endings that nouns share (бюджет, кредит, институт) are left out
local present_verb
do
  local PRESENT_ENDINGS = { "ает", "яет", "еет", "ует", "оет", "иет", "ают", "яют", "еют", "уют", "оют", "ется",
    "ится", "ются", "утся", "атся", "ятся", "дет", "жет", "чет", "шет", "ає", "яє", "ує", "иє", "ить", "ють", "уть",
    "ать", "ять", "име", "имуть" }
  present_verb = cyrillic_ending(5, PRESENT_ENDINGS)
end

-- all_caps(T, k): word k is written in capitals, two letters or more (AFAD)
local function all_caps(T, k)
  if not T.cap[k] then return false end
  local w = T.text:sub(T.s[k], T.e[k])
  local p2 = utf8.offset(w, 2)
  return p2 ~= nil and p2 <= #w and is_upper(utf8.char(utf8.codepoint(w, p2)))
end

-- place_run(T, k): a country, region or city of the gazetteer (T.cities)
-- of two words or more starts at word k (Hà Nội, whose Hà is also a given
-- name)
local function place_run(T, k)
  local e = T.cities and T.cities[T.s[k]]
  return e ~= nil and e > T.e[k]
end

-- upper_word(T, k): word k is written in capitals, one letter or more (T
-- of T&T, GD of GD&ĐT)
local function upper_word(T, k)
  local w = T.text:sub(T.s[k], T.e[k])
  for _, c in utf8.codes(w) do
    if not is_upper(utf8.char(c)) then return false end
  end
  return T.cap[k] == true
end

-- acronym_join(T, k): word k is an acronym written onto the acronym before
-- it with an ampersand or a hyphen (Vietnamese Bộ TN&MT, Sở GD&ĐT, Bộ
-- NN-PTNT: the initials of the fields a ministry or department names; the
-- ampersand may stand between spaces, and join single letters: Sở TN & MT,
-- Tập đoàn T&T)
local function acronym_join(T, k)
  local g = T.gap[k]
  if (g == "&" or g == " & ") and upper_word(T, k - 1) and upper_word(T, k) then return true end
  return (g == "&" or g == "-" or g == " & ") and all_caps(T, k - 1) and all_caps(T, k)
end

-- abbr_gap(kb, T, k): word k is an abbreviated place head of the lists in
-- capitals (TT, H, TX), its period and a space after it, then a
-- capitalised word: the place inside an organisation's name (Công an TT.
-- Khe Dầm, written as Công an TT.Khe Dầm too)
local function abbr_gap(kb, T, k)
  return k < T.n and T.gap[k + 1] == ". " and T.cap[k + 1] == true and kb.place_abbr[T.f[k]] ~= nil
    and T.text:sub(T.s[k], T.e[k]):find("^%u+$") ~= nil
end

-- signed_end(T, i, j): words i..j are a line of their own, the text's last
-- that is not blank, each a capitalised Vietnamese syllable (marked or of
-- one vowel group): the author's signature under a Vietnamese article
-- (… trên địa bàn. / Minh Vy; NAM KHÔI)
local function signed_end(T, i, j)
  local text = T.text
  if not line_start(text, T.s[i]) or text:sub(T.e[j] + 1):find("%S") then return false end
  for k = i, j do
    if not T.cap[k] or T.sc[k] ~= "cased" or (k > i and not space_gap(T.gap[k])) then return false end
    if select(2, T.f[k]:gsub("[aeiouy]+", "")) ~= 1 then return false end
  end
  return true
end

-- title_quote(T, to, i): a title, then a quoted name, then word i
-- (нападающий «Зенита» Иван Петров, футболист "Спартака" …): the quoted
-- name is the title's complement (a club, a company), the person follows
local title_quote
do
  local QUOTE_CLOSE_GAP = { ["» "] = true, ['" '] = true, ["” "] = true, ["“ "] = true }
  local QUOTE_OPEN_GAP = { [" «"] = true, [' "'] = true, [" “"] = true, [" „"] = true }
  function title_quote(T, to, i)
    if i < 3 or not QUOTE_CLOSE_GAP[T.gap[i]] then return false end
    for q = i - 1, math.max(2, i - 4), -1 do
      local g = T.gap[q]
      if QUOTE_OPEN_GAP[g] then return to[q - 1] ~= nil and to[q - 1].title ~= nil end
      if g ~= " " and g ~= "-" then return false end
    end
    return false
  end
end

-- cue_before(T, to, i, class) -> the cue of that class ending right before
-- word i (a space between), over title_mod words (le président américain,
-- la empresa estadounidense)
local function cue_before(T, to, i, class)
  local k = i - 1
  while k >= 1 and to[k] and to[k].title_mod and not to[k][class] do
    local s0 = to[k].title_mod[1]
    if s0 <= 1 or not (T.sp[s0] or false) then return nil end
    k = s0 - 1
  end
  return k >= 1 and to[k] and to[k][class] or nil
end

-- title_case(T, k): capitalised but not all capitals (Tài, not TPHCM)
local function title_case(T, k)
  if not T.cap[k] then return false end
  local w = T.text:sub(T.s[k], T.e[k])
  local p2 = utf8.offset(w, 2)
  if not p2 or p2 > #w then return true end
  return not is_upper(utf8.char(utf8.codepoint(w, p2)))
end

-- vi_compound(kb, T, last, k, whole, named): may word k continue a Vietnamese
-- organisation name whose head ends at word last?  Capitalised syllables
-- may, but a family name opening two capitalised syllables is a person after
-- the organisation (Bộ Công an Tô Lâm) unless it follows a head that may
-- take a person's name (named: schools, hospitals, companies, streets), a
-- connector or an abbreviation before a place (Đại học Tôn Đức Thắng, tỉnh
-- Hà Tĩnh, TP Hồ Chí Minh; UBND TP | Lê Văn Khoa), or whole: the head is a
-- whole name taking few words (words=3 or fewer: Ngân hàng Nhà nước |
-- Nguyễn Thị Hồng, not Đại học Tôn Đức Thắng); a lower-case syllable only as the rest of a compound begun by a
-- capitalised one (Bộ Tài chính, not Bộ Tài chính công bố), or as a
-- connector before a capitalised one (Bộ Kế hoạch và Đầu tư, Công an tỉnh
-- Nghệ An)
-- compound_title(kb, T, i, lang): is word i a capitalised compound ending in
-- an org_title cue marked `compound` (Spezialverpackungshersteller,
-- Versandhändler; genitive des Versandhändlers), written before a capitalised word with a space, itself no
-- name the gazetteer or the name lists know and no hyphenated name
-- (Börsen-Zeitung)?
local function compound_title(kb, T, i, lang)
  local ends = kb.compound_title[lang]
  if not ends or not T.cap[i] or not T.cap[i + 1] or not space_gap(T.gap[i + 1]) then return false end
  local w = T.f[i]
  if w:find("-", 1, true) or (T.gap[i] or ""):find("-$") then return false end
  local nx = name_entry(kb, T.f[i + 1], lang)
  if nx and nx.given then return false end   -- der Gebrauchtwagenhändler Karl Berger is a person
  for _, e in ipairs(ends) do
    if #w >= #e + 3 and (w:sub(-#e) == e or w:sub(-#e - 1) == e .. "s") then return true end   -- genitive -s
  end
  return false
end

-- Vietnamese fields of a ministry's name: the separators between them and
-- the plurals before a head that list several ministries
local FIELD_SEP = { [", "] = true, [" - "] = true, [" \226\128\147 "] = true }
-- auxiliaries and the copula, which follow a subject (a name) and never
-- stand inside one (not không, which opens không quân, không kích)
local VI_AUX = { ["đã"] = true, ["đang"] = true, ["sẽ"] = true, ["vừa"] = true, ["cũng"] = true, ["đều"] = true,
                 ["là"] = true, ["chưa"] = true, ["mới"] = true, ["vẫn"] = true }
-- words of a relation between two bodies or a place, never inside a name
-- (Trường X thuộc Đại học Y, Cục X tại TP.HCM)
local VI_REL = { ["thuộc"] = true, ["tại"] = true, ["do"] = true, ["từ"] = true, ["đến"] = true, ["giữa"] = true,
                 ["trong"] = true, ["ngoài"] = true, ["cùng"] = true }
local VI_PLURAL = { ["các"] = true, ["Các"] = true, ["những"] = true, ["Những"] = true }

-- vi_field(kb, T, from, z) -> the last word of a field's name of one or two
-- syllables starting at word z, capitalised, no head, no stop word as
-- spelled (Thể thao, Công Thương, Xã hội), or nil
local function vi_field(kb, T, from, z)
  if not (T.cap[z] and T.sc[z] == "cased") or (from[z] and from[z].org_head) then return nil end
  if vi_stop_at(kb, T, z) then return nil end
  -- (a head across a sentence's end is none: Xã hội. Đồng chí is no Hội đồng)
  local h = from[z + 1] and from[z + 1].org_head
  if h and (T.gap[z + 2] or ""):find(".", 1, true) then h = nil end
  if z < T.n and (T.sp[z + 1] or false) and T.sc[z + 1] == "cased" and not kb.connector[T.f[z + 1]]
    and not vi_stop_at(kb, T, z + 1) and not h then
    return z + 1
  end
  return z
end

-- vi_cue(from, T, k): a cue of a name's classes (as any_cue) starts at word
-- k, not counting a head the list writes capitalised on a lower-case word
-- (báo of dự báo is no Báo)
local vi_cue
do
  local VI_CUE_CLASSES = { "title", "say", "org_head", "org_tail", "byline", "title_after" }
  function vi_cue(from, T, k)
    local c = from[k]
    if not c then return false end
    for _, class in ipairs(VI_CUE_CLASSES) do
      local v = c[class]
      if v and not (class == "org_head" and v[2].cap and not T.cap[k]) then return true end
    end
    return false
  end
end

-- inner_head_end(from, T, last, k): lower-case word k ends a head that
-- starts after word last (Văn phòng Ban Chỉ đạo: đạo ends Ban Chỉ đạo)
local function inner_head_end(from, T, last, k)
  if T.cap[k] then return false end
  for a = math.max(last + 1, k - 3), k - 1 do
    local h = from[a] and from[a].org_head
    if h and h[1] == k and T.cap[a] then return true end
  end
  return false
end

-- designated(from, i, w): a company designator starts among words i..w
-- (Công ty TNHH, Tổng Công ty Cổ phần)
local function designated(from, i, w)
  for x = i, w do
    if from[x] and from[x].org_designator then return true end
  end
  return false
end

-- vi_connector(kb, key): a connector of the Vietnamese list (tỉnh, và;
-- not Spanish y, the syllable of Thú y)
local function vi_connector(kb, key)
  local jl = kb.connector[key] and kb.joiner_langs[key]
  return jl and jl.vi or false
end

-- vi_level(kb, T, k) -> the last word of a level word of the Vietnamese
-- connectors in lower case starting at word k (tỉnh, huyện, thành phố,
-- thị xã; not và), or nil
local function vi_level(kb, T, k)
  if T.cap[k] or T.sc[k] ~= "cased" then return nil end
  if vi_connector(kb, T.f[k]) and not kb.coord[T.f[k]] then return k end
  if k < T.n and not T.cap[k + 1] and (T.sp[k + 1] or false) and vi_connector(kb, T.f[k] .. " " .. T.f[k + 1]) then
    return k + 1
  end
  return nil
end

local function vi_compound(kb, T, last, k, whole, named)
  -- (an acronym after a hyphen is a name of its own: Liên minh Bắc Đại Tây
  -- Dương | -NATO)
  if T.gap[k] == "-" and all_caps(T, k) and not acronym_join(T, k) then return false end
  if T.cap[k] then
    local e = vi_family(kb, T, k)
    -- (after an abbreviation only a place the gazetteer knows, when it is
    -- known: TP Hồ Chí Minh, but UBND TP | Lê Văn Khoa)
    local abbr = T.cap[k - 1] and not title_case(T, k - 1) and not (T.gaz and not T.gaz[T.s[k]])
    -- (a place the gazetteer knows is the end of the name, not a person:
    -- Đại học Bách khoa Hà Nội, Sở Y tế Hà Tĩnh)
    -- (after a connector the words are a place, of two syllables, unless a
    -- longer run is no place of the gazetteer: HĐND tỉnh | Nguyễn Ngọc Quang)
    local conn = vi_connector(kb, T.f[k - 1])
    if conn and not place_run(T, k) and k + 2 <= T.n and T.cap[k + 2] and (T.sp[k + 2] or false) then
      -- (unless a comma and the address's next level follow the run, a level
      -- word or an abbreviated one: a place named after a person, phường
      -- Hoàng Văn Thụ, TP Bắc Giang; xã Lê Lợi, huyện X)
      local x = k
      while x < T.n and T.cap[x + 1] and (T.sp[x + 1] or false) do x = x + 1 end
      local f = x < T.n and (T.gap[x + 1] or ""):sub(1, 1) == "," and T.f[x + 1]
      conn = f and (vi_level(kb, T, x + 1) ~= nil or f == "tp" or f == "tx" or f == "h" or f == "q") or false
    end
    if e and k < T.n and T.cap[k + 1] and (T.sp[k + 1] or false) and not place_run(T, k)
      and (k - 1 > last or whole or not named) and not conn and not abbr then
      return false
    end
    return true
  end
  -- (a Vietnamese connector: Indonesian dan is the syllable of Quốc dân)
  local jl = kb.connector[T.f[k]] and kb.joiner_langs[T.f[k]]
  if jl and jl.vi then return k < T.n and T.cap[k + 1] == true and (T.sp[k + 1] or false) end
  -- (a Vietnamese connector of two words, both lower-case: thành phố, thị
  -- xã before the place: Tòa án nhân dân thành phố Hà Nội)
  for a = math.max(last + 1, k - 1), k do
    local two = a < T.n and not T.cap[a] and not T.cap[a + 1] and (T.sp[a + 1] or false)
      and T.f[a] .. " " .. T.f[a + 1]
    jl = two and kb.connector[two] and kb.joiner_langs[two]
    if jl and jl.vi then return a + 1 < T.n and T.cap[a + 2] == true and (T.sp[a + 2] or false) end
  end
  -- the capitalised syllable before starts a compound: a Vietnamese
  -- syllable (one group of vowels: not Vingroup) after the head, a
  -- lower-case word or an abbreviation (Sữa Việt Nam báo lãi: Nam ends a
  -- name; Ngân hàng TMCP Ngoại thương)
  return k - 1 > last and title_case(T, k - 1) and (k - 2 <= last or not T.cap[k - 2] or not title_case(T, k - 2))
    and select(2, T.f[k - 1]:gsub("[aeiouy]+", "")) == 1
end

-- vi_inner_head(from, to, T, last, k): word k, right after the head that
-- ends at word last, opens another head written as a compound noun (capitalised,
-- its last word in lower case) and nothing else: part of the name (Bộ Công
-- an, where Công an also opens Công an tỉnh X)
local function vi_inner_head(from, to, T, last, k)
  local c = from[k]
  -- (or after a company designator right after the head: Công ty CP Tập
  -- đoàn Hòa Phát)
  local d = to[k - 1] and to[k - 1].org_designator
  if d and d[1] == last + 1 then last = k - 1 end
  if k ~= last + 1 or not T.cap[k] or not (c and c.org_head) or T.cap[c.org_head[1]] then return false end
  for class in pairs(c) do if class ~= "org_head" then return false end end
  return true
end

-- only_class(from, k, class): the cues starting at word k are of that
-- class alone (Vietnamese Trung ương, an org_tail, inside Văn phòng Trung
-- ương)
local function only_class(from, k, class)
  local c = from[k]
  if not (c and c[class]) then return false end
  for cl in pairs(c) do if cl ~= class then return false end end
  return true
end

-- starts_person(kb, T, k, lang): word k is a known given name followed by
-- a capitalised word: a person after an organisation's name
-- (Національного банку Андрій Пишний)
local function starts_person(kb, T, k, lang)
  if not T.cap[k] or k >= T.n or not T.cap[k + 1] or not (T.sp[k + 1] or false) then return false end
  local e = name_entry(kb, T.f[k], lang)
  -- (a given name that is also a word before a surname's shape: Максим
  -- Степанов, Роман Жилин)
  return e ~= nil and e.given ~= nil
    and (not common_in(kb, e, lang) or (CYR_SURNAME_LANGS[lang] and cyr_surname(T.f[k + 1])))
end

-- title_descriptor(kb, T, to, d, k, lang): the org_title cue opening at word d
-- follows a title (right before it or one word before) and word k after it
-- opens a known given name and a capitalised word: the descriptor names the
-- person's employer, not a company called so (rzecznik spółki Anna Nowak,
-- prezes firmy Jan Kowalski)
local function title_descriptor(kb, T, to, d, k, lang)
  if d <= 1 or not starts_person(kb, T, k, lang) then return false end
  return (to[d - 1] and to[d - 1].title or (d > 2 and to[d - 2] and to[d - 2].title)) and true or false
end

-- title_line(kb, T, i): word i is on a line written in title case (a
-- headline: Big Tech, Small Business and Jane Doe): fewer than two
-- lower-case words that are no connector or particle, or fewer than one in
-- five cased words.  The answer is kept per line.
local function title_line(kb, T, i)
  T.title_line = T.title_line or {}
  local a, b, lower, words = i, i, 0, 0
  while a > 1 and not T.gap[a]:find("\n") do a = a - 1 end
  local known = T.title_line[a]
  if known ~= nil then return known end
  while b < T.n and not T.gap[b + 1]:find("\n") do b = b + 1 end
  for k = a, b do
    if T.sc[k] == "cased" then
      words = words + 1
      if not T.cap[k] and not kb.connector[T.f[k]] and not kb.particle[T.f[k]] then lower = lower + 1 end
    end
  end
  local r = not (lower >= 2 and lower * 5 >= words)
  T.title_line[a] = r
  return r
end

-- attribution(T, v): the reporting verb at word v closes a quotation or
-- a clause ("...," kata Jokowi; ..., ujar Tito): a quote or a comma
-- before it, not an ordinary sentence (Kan jelas Jakmania ada 'it is clear')
local function attribution(T, v)
  local g = T.gap[v] or ""
  -- (a dash after the quote or comma, as Russian and Ukrainian write it:
  -- «...», – сказал Песков; "...", - зазначив Кулеба)
  g = g:gsub("%s*\226\128[\147\148]%s*$", ""):gsub("%s+%-%s*$", "")
  return g:find("[,\"']%s*$") ~= nil or g:find("\194\187%s*$") ~= nil      -- »
    or g:find("\226\128[\153\157]%s*$") ~= nil                          -- ’ ”
end

-- person and organisation names in one capitalised run
local NOUN_CAPITALISING = { de = true, lb = true }
-- languages that write common nouns in lower case, even in titles: a given
-- name that is also an ordinary word (French Jean, Spanish Rosa) is a name
-- when it is capitalised inside a sentence before another capitalised word
local LOWER_NOUNS = { fr = true, es = true, it = true, pt = true, ca = true, ro = true, pl = true, cs = true,
  sk = true, nl = true, sv = true, da = true, nb = true, nn = true, fi = true, hu = true, tr = true, id = true,
  ms = true, ru = true, uk = true, bg = true, sr = true, hr = true, sl = true, el = true }
-- In Spanish and Portuguese news the hunspell lists hold the commonest given
-- names (Luis, Pedro, Carmen, Jorge, Francisco are words there), and a
-- report's sentence opens with a person far more often than with such a
-- word before a capitalised one: there the sentence's first word counts too
-- (Luis Arce viajó; not Santiago de Chile, a lower-case word follows).
local START_GIVEN = { es = true, pt = true, ca = true, gl = true }
-- Romance languages name institutions after people with their title or
-- rank, the title capitalised inside the name (Museo Nacional Centro de Arte
-- Reina Sofía, Escola Estadual Professor João Silva, Hospital Governador
-- Celso Ramos, Aeroporto Presidente Juscelino Kubitschek): after the
-- organisation's head such a title is a word of the name, not the start of
-- a person (the Indonesian order, Polda Aceh | Kombes Pol Joko Krisdiyanto);
-- after a lower-case word it opens another name (Conselho de Administração
-- da X e | Diretor Geral do Grupo Y)
local TITLE_IN_NAME = { es = true, pt = true, ca = true, gl = true, it = true, fr = true }
-- German articles that name lists also know as particles of Dutch and
-- German names (van den, von der)
local DE_ARTICLE = { den = true, der = true, dem = true, des = true, die = true, das = true }
-- Turkish plural endings, folded (-lar, -ler, -ları, -leri)
local TR_PLURAL = { "lar", "ler", "lari", "leri" }
-- the prepositions before a body's seat in its name (glean.entities.cased, org heads)
local SEAT_PREP = { pl = { w = true, we = true }, cs = { v = true, ve = true }, sk = { v = true, vo = true } }
-- (the preposition before the seat of a body named by an org_suffix word,
-- Kammarrätten i Jönköping, is the org_suffix's Scandinavian i: SEAT_PREP.i)
SEAT_PREP.i = { sv = true, nb = true, nn = true, da = true }
-- the folded heads of bodies named with their seat (any case form: Sądu, Sądowi)
local SEATED = { "sad", "prokurat", "komend", "urzad", "urzed", "szpital", "uniwersytet", "politechnik", "akademi",
  "inspektorat", "areszt", "soud", "sud", "zastupitel", "univerzit", "nemocnic" }
local function seated(w)
  for _, p in ipairs(SEATED) do if w:sub(1, #p) == p then return true end end
  return false
end
-- seat_stop(T, lang, j) -> the last byte of the place the gazetteer knows
-- after the preposition of a seat, when word j is a seated body's word in
-- Polish, Czech or Slovak (soud v | Praze, sądu w | Gliwicach); nil otherwise
local function seat_stop(T, lang, j)
  local seat = SEAT_PREP[lang]
  if seat and j + 2 <= T.n and seated(T.f[j]) and seat[T.f[j + 1]] and not T.cap[j + 1] and (T.sp[j + 1] or false)
    and (T.sp[j + 2] or false) and T.cap[j + 2] and T.gaz and T.gaz[T.s[j + 2]] then
    return T.gaz[T.s[j + 2]]
  end
end
-- a saint's word opening capitalised words names a place, a church or a
-- club in these languages (Santa Fe, San Francisco, Santo Ildefonso, São
-- Bento do Una), not a person whose given name it would be (en Santa, it Santo)
local SAINT = { san = true, santa = true, santo = true, sao = true, sant = true, saint = true, sainte = true }
local ARTICLE_PARTICLE = { al = true, el = true }
-- given_town(kb, T, k, lang): word k is a given name of the lists that
-- is no ordinary word of the language, and the gazetteer knows it as a
-- town under 100,000 people or a region, no country or city (Karen, a
-- region of Myanmar; David, a town of Panama; not Roma, Georgia)
local function given_town(kb, T, k, lang)
  if not kb_mod.plain_given(kb, T.f[k], lang) then return false end
  -- (without the caller's cities, no place is known to be small)
  if not T.cities or (T.places and T.places[T.s[k]] == T.e[k]) then return false end
  if T.cities[T.s[k]] ~= T.e[k] then return true end
  local id = T.gaz_ids and T.gaz_ids[T.s[k] .. ":" .. T.e[k]]
  return id ~= nil and id:find("^place:region:") ~= nil
end

-- given_among(kb, T, i, j, lang): a word of i..j is a given name of the
-- lists that is no ordinary word of the language
local function given_among(kb, T, i, j, lang)
  for x = i, j do
    if kb_mod.plain_given(kb, T.f[x], lang) then return true end
  end
  return false
end

-- party_after(text, e): the text after byte e opens a bracket with a
-- party's short name and a state's code or name after a hyphen (PSB-SP,
-- União Brasil-SP, R-Texas, D-N.Y.): Brazilian and American news write a
-- member of parliament so
local function party_after(text, e)
  local party, state = text:match("^ %((%u[^()\n]-)%-(%u[%a%.]*)%)", e + 1)
  return party ~= nil and #party <= 24 and #state <= 10 and not party:find("%d")
end

local function common_given_ok(kb, T, k, lang)
  -- Russian, Ukrainian: a given name that is also a word (Надежда, Роман,
  -- Лев, Надія) before a capitalised word shaped like a surname, in any
  -- case (Льва Додина, Надію Савченко), even opening a sentence
  if CYR_SURNAME_LANGS[lang] and k < T.n and (T.sp[k + 1] or false) and title_case(T, k + 1)
    and cyr_surname(T.f[k + 1]) and not (T.gaz and T.gaz[T.s[k + 1]]) then
    return true
  end
  return LOWER_NOUNS[lang] ~= nil and (START_GIVEN[lang] or not sentence_initial(T, k)) and k < T.n and T.cap[k + 1]
    and (T.sp[k + 1] or false) and title_case(T, k + 1) and not title_line(kb, T, k)
end

-- French institutions are named by a capitalised head and lower-case words
-- (Tribunal judiciaire de Paris, Parquet national financier, Haute Autorité
-- de santé, Direction générale des finances publiques): after the head,
-- adjectives (a French adjective's ending, no past participle: présidée is
-- a verb's), a connector (de, de la, d', pour le; et des after one) and one
-- noun, or capitalised words.  An adjective before an article or que is a
-- verb (Le Conseil d'État indique que, L'Agence critique la décision).
-- (Endings as the words are folded, without accents: européenne, financière.)
local FR_VERB_NEXT = { le = true, la = true, les = true, un = true, une = true, que = true, ce = true, cette = true,
  ces = true, son = true, sa = true, ses = true, leur = true, leurs = true, ["l'"] = true, ["qu'"] = true }
local FR_PRENOMINAL = { grand = true, grande = true, grands = true, grandes = true, haut = true, haute = true,
  hauts = true, hautes = true, petit = true, petite = true, petits = true, petites = true, nouveau = true,
  nouvelle = true, nouveaux = true, nouvelles = true }
local fr_adjective
do
  local FR_ADJ = { "al", "ale", "aux", "ales", "el", "elle", "els", "elles", "ien", "ienne", "iens", "iennes",
    "ain", "aine", "ains", "aines", "ais", "aise", "aises", "ois", "oise", "oises", "ique", "iques", "aire", "aires",
    "if", "ive", "ifs", "ives", "iste", "istes", "ier", "iere", "iers", "ieres", "eur", "eure", "eurs", "eures", "een",
    "eenne", "eens", "eennes" }
  local FR_NOT_ADJ = { "pelle", "pellent", "rive", "demain", "siste", "sistent", "xiste", "xistent" }
  function fr_adjective(T, x)
    local w = T.f[x]
    if T.cap[x] or utf8.len(w) < 4 or not ends_in(w, FR_ADJ) then return false end
    -- (verbs with such an ending: appelle, arrive, insiste, existe; demain)
    if ends_in(w, FR_NOT_ADJ) then return false end
    local g = x < T.n and T.gap[x + 1] or ""
    if x < T.n and FR_VERB_NEXT[T.f[x + 1]] and (g == " " or g == "\194\160") then return false end
    if x < T.n and g:find("^ [lq]u?['\226]") then return false end
    return true
  end
end
-- demonym(T, x): word x is capitalised with a French demonym's ending
-- (Rennais, Toulousain, Brestois, Parisien): after a head marked `demonym`
-- (Stade) it makes a club; other words make a place (Stade de France)
-- demonym returns the word without its ending (rennais -> renn), the
-- city's stem (glean.entities.resolve.club_places: Rennes is the club then)
local demonym
do
  local DEMONYM = { "ienne", "aise", "oise", "aine", "ais", "ois", "ain", "ien" }
  function demonym(T, x)
    if x > T.n or not T.cap[x] or utf8.len(T.f[x]) < 5 then return false end
    for _, e in ipairs(DEMONYM) do
      if T.f[x]:sub(-#e) == e then return T.f[x]:sub(1, -#e - 1) end
    end
    return false
  end
end

-- site_name(w): a capitalised word written as a web address (KOMPAS.com,
-- REPUBLIKA.CO.ID, Baonghean.vn): a news site or company, no person
local site_name
do
  local SITE_TLD = { com = true, co = true, net = true, org = true, tv = true, id = true, vn = true, my = true,
    info = true, news = true, asia = true, uk = true, au = true, sg = true, ph = true, th = true, io = true }
  function site_name(w)
    local name, tld = w:match("^(%u[%w%-]+)%.(%a+)$")
    if not name then
      local sld
      name, sld, tld = w:match("^(%u[%w%-]+)%.(%a%a%a?)%.(%a%a)$")
      if not (sld and SITE_TLD[sld:lower()]) then return false end
    end
    return #name >= 3 and SITE_TLD[tld:lower()] == true
  end
end

-- toponym_shape(w): a folded Russian or Ukrainian word ending like a
-- village's name (-овка/-евка, -івка/-ївка) in one of its cases
local TOPONYM_ENDINGS = {}
for _, st in ipairs { "овк", "евк", "івк", "ївк" } do
  for _, e in ipairs { "а", "и", "е", "у", "ои", "ою" } do TOPONYM_ENDINGS[#TOPONYM_ENDINGS + 1] = st .. e end
end
TOPONYM_ENDINGS[#TOPONYM_ENDINGS + 1] = "івці"   -- Ukrainian locative and dative (Семенівка -> у Семенівці)
TOPONYM_ENDINGS[#TOPONYM_ENDINGS + 1] = "ївці"
local function toponym_shape(w) return utf8.len(w) >= 7 and ends_in(w, TOPONYM_ENDINGS) end

-- a surname's endings that no noun, adjective or town of the gazetteer
-- takes in the singular: the prepositional, dative, instrumental and
-- feminine (or genitive) case of -ов/-ев/-ин (о Кокорине, Смолове;
-- Мамаеву, Мамаевым, Мамаевой, Мамаева) and the Ukrainian, Georgian and
-- Armenian suffixes in any case (Кириленко, Ковальчука, Гелашвили,
-- Пашиняну).  The bare -ов/-ев/-ин is also a plural genitive (Лига
-- Чемпионов, Совет Министров) and -ский an adjective: neither counts
local LONE_ENDINGS = {}
for _, st in ipairs({ "ов", "ев", "ин", "ын" }) do
  for _, e in ipairs({ "е", "у", "ым", "ои", "а" }) do LONE_ENDINGS[#LONE_ENDINGS + 1] = st .. e end
end
for _, e in ipairs({ "енко", "енка", "енку", "енком", "енкові", "чук", "чука", "чуку", "чуком", "чукові", "юк", "юка",
  "юку", "юком", "юкові", "швили", "дзе", "ян", "яна", "яну", "яном", "ові", "евим", "овим", "іним", "овій", "евій",
  "іній", "ової", "евої", "іної" }) do
  LONE_ENDINGS[#LONE_ENDINGS + 1] = e
end
local UK_NEUTER = { "ове", "еве", "ине", "ыне" }
-- (adjective endings that given names have too: Генадий, Матвей, Рустем,
-- Рахим; not before a word of an adjective's ending but -ий/-ей)
local given_like
do
  local GIVEN_ADJ = { "ии", "еи", "ем", "им", "ом" }
  -- given_like(kb, T, k, lang): word k may be a given name no list knows
  -- (Мурад, Равиль, Генадий, Гульнара): capitalised, no capitals after the
  -- first letter, no cue, no adjective's or surname's shape, not a word the
  -- gazetteer or the stop list knows
  function given_like(kb, T, from, to, k, lang)
    local w = T.f[k]
    local n = utf8.len(w)
    return n ~= nil and n >= 4 and n <= 11 and title_case(T, k) and not from[k] and not to[k]
      and not (T.gaz and T.gaz[T.s[k]]) and not is_stop(kb, lang, w) and not is_calendar(kb, T, k, lang)
      and (not adjective_shape(w, lang) or ends_in(w, GIVEN_ADJ)) and not cyr_surname(w) and not w:find("[%-%.]")
      and utf8.codepoint(w, 1) >= 0x0400 and utf8.codepoint(w, 1) < 0x0530
  end
end
-- person_stems(T, out): the stems of the words of the people found so far
-- in the text (kept in T, brought up to date with the mentions added since)
local function person_stems(T, out)
  local ps = T.person_stems
  if not ps then ps = { n = 0, set = {} }; T.person_stems = ps end
  for x = ps.n + 1, #out do
    local m = out[x]
    if m.type == "person" then
      local lo, hi = 1, T.n
      while lo < hi do
        local mid = (lo + hi) // 2
        if T.s[mid] < m.start then lo = mid + 1 else hi = mid end
      end
      for k = lo, T.n do
        if T.s[k] > m.stop then break end
        ps.set[kb_mod.stem(T.f[k], "ru")] = true
      end
    end
  end
  ps.n = #out
  return ps.set
end
-- lone_surname: one capitalised word inside a sentence, in quotes or none,
-- with no cue about it, ending in a surname's ending of LONE_ENDINGS (о
-- Кокорине и Мамаеве, Смолове; Кириленко написав); not a given name of
-- the lists nor a word the gazetteer matched (в Саратове, Кирове)
local function lone_surname(kb, T, from, to, i, j, lang, out)
  if i ~= j or sentence_initial(T, i) or not title_case(T, i) or from[i] or to[i] then return false end
  local w = T.f[i]
  if (utf8.len(w) or 0) < 6 or not cyr_surname(w) or not ends_in(w, LONE_ENDINGS) then return false end
  -- (Ukrainian villages are neuter adjectives in -ове, -еве, -ине: Садове)
  if lang ~= "ru" and ends_in(w, UK_NEUTER) then return false end
  if T.gaz and T.gaz[T.s[i]] or opens_quote(T.gap[i]) then return false end
  local c = i > 1 and (T.sp[i] or false) and to[i - 1]
  if c and (c.title or c.say or c.byline or c.org_head or c.place_head) then return false end
  local e = name_entry(kb, w, lang)
  if e and e.given then return false end
  -- (the surname of a person found before: the propagation's, linked to them)
  return not is_stop(kb, lang, w) and not person_stems(T, out)[kb_mod.stem(w, "ru")]
end
-- given_surname: two capitalised words, the first shaped like a given
-- name no list knows and the second like a surname in any case (Мурад
-- Мусаев, Равиль Измайлова, Генадий Агеенко); the bare -ов/-ев/-ин after
-- no sentence's first word (Дом Советов, Лига Чемпионов: heads of places
-- and organisations are cues)
local given_surname
do
  local SK_ADJ_ENDS = { "ского", "цкого", "скои", "цкои", "ских", "скии", "цкии", "ская", "цкая" }
  function given_surname(kb, T, from, to, i, j, lang)
    if j ~= i + 1 or not (T.sp[j] or false) or not given_like(kb, T, from, to, i, lang) then return false end
    local w = T.f[j]
    if not title_case(T, j) or from[j] or to[j] or not cyr_surname(w) or (utf8.len(w) or 0) < 5 then return false end
    if T.gaz and T.gaz[T.s[j]] or opens_quote(T.gap[i]) or (lang ~= "ru" and ends_in(w, UK_NEUTER)) then
      return false
    end
    if ends_in(w, SK_ADJ_ENDS) then return false end
    if sentence_initial(T, i) and (not ends_in(w, LONE_ENDINGS) or past_verb(T.f[i]) or present_verb(T.f[i])) then
      return false   -- (Прибыл Кириленко: a verb opens the sentence)
    end
    -- (a given name of the lists: the name lists' own rules)
    return name_entry(kb, T.f[i], lang) == nil
  end
end

-- cyr_acronym(kb, T, from, to, k, lang): word k of a Russian or Ukrainian text is an
-- acronym in Cyrillic capitals no list knows (see classify_run)
local function cyr_acronym(kb, T, from, to, k, lang)
  if not CYR_SURNAME_LANGS[lang] or not all_caps(T, k) then return false end
  local w = T.text:sub(T.s[k], T.e[k])
  local n = utf8.len(w)
  if not n or n < 3 or n > 5 or T.f[k]:find("^[хі]+$") then return false end
  -- (a surname in capitals before the given name, as official pages write
  -- people: КИМ Ирина)
  local e = k < T.n and name_entry(kb, T.f[k + 1], lang)
  if e and e.given then return false end
  for _, c in utf8.codes(w) do
    if c < 0x0410 or c > 0x042F and c ~= 0x0406 and c ~= 0x0407 and c ~= 0x0404 and c ~= 0x0401 then return false end
  end
  if (T.gaz and T.gaz[T.s[k]]) or is_stop(kb, lang, T.f[k]) or from[k] or to[k] then
    return false
  end
  for _, x in ipairs({ k - 1, k + 1 }) do
    if x >= 1 and x <= T.n and T.cap[x] and all_caps(T, x) and (T.sp[math.max(x, k)] or false)
      and not (T.gaz and T.gaz[T.s[x]]) then return false end
  end
  return true
end

local town_shape
do
  local TOWN_PREP = {}
  for _, w in ipairs({ "у", "в", "во", "з", "із", "зі", "из", "до", "під", "под", "біля", "возле", "від", "от",
    "поблизу", "близ", "через" }) do TOWN_PREP[w] = true end
  local TOWN_ENDINGS = {}
  -- (Russian -ском is also an adjective's prepositional: в Классическом)
  for _, st in ipairs({ "ськ", "цьк", "ск", "цк" }) do
    for _, e in ipairs({ "", "а", "у", "е", #st > 4 and "ом" or nil }) do TOWN_ENDINGS[#TOWN_ENDINGS + 1] = st .. e end
  end
  function town_shape(kb, T, from, to, i, lang)
    local w = T.f[i]
    if (utf8.len(w) or 0) < 6 or not title_case(T, i) or sentence_initial(T, i) or from[i] or to[i] then
      return false
    end
    if not (TOWN_PREP[T.f[i - 1]] and (T.sp[i] or false) and not T.cap[i - 1]) then return false end
    if not ends_in(w, TOWN_ENDINGS) or (T.gaz and T.gaz[T.s[i]]) or name_entry(kb, w, lang) then return false end
    -- (ru -ске/-ска are also adjectives' short forms in no name; Ukrainian -ське
    -- is the neuter adjective: not -ське)
    if i < T.n and (T.sp[i + 1] or false) then
      if T.cap[i + 1] or not (is_stop(kb, lang, T.f[i + 1]) or kb.coord[T.f[i + 1]]) then return false end
    end
    return true
  end
end

local WHOLE_HEAD_LANGS = { it = true, fr = true, es = true, pt = true }
-- Ukrainian acronyms of a municipality, not a body: a (united) territorial
-- community (Новояворівській ОТГ, Буській ТГ) is a place
placenames.PLACE_ACRONYM = { ["отг"] = true, ["тг"] = true }
placenames.EN_ADJ_ENDS = { "ic", "ican", "ian", "ish", "ese", "ern" }
placenames.EN_COMPASS = { northern = true, southern = true, eastern = true, western = true, central = true,
  northeastern = true, northwestern = true, southeastern = true, southwestern = true }
-- Italian writes the compass noun before the country or region (Nord Italia, Sud Italia; not
-- Centro, which opens organisations' names: Centro Studi)
placenames.IT_COMPASS = { nord = true, sud = true, nordest = true, nordovest = true, sudest = true,
  sudovest = true }

-- adj_place(kb, T, from, to, k, lang): is word k a capitalised Russian or
-- Ukrainian adjective in the singular whose case agrees with the whole place
-- of the gazetteer right after it (Центральной России, Новой Москве,
-- Західної України)?  By the noun's last letter (folded: й is и, ї is і):
-- the feminine adjective endings of the cases that noun form can be (the
-- masculine ones are surnames' too: Зеленского, Путином)
placenames.ADJ_AGREE = {
  ru = { ["и"] = { "ои", "еи" }, ["ы"] = { "ои", "еи" }, ["е"] = { "ои", "еи" }, ["у"] = { "ую", "юю" },
    ["ю"] = { "ую", "юю" }, ["а"] = { "ая", "яя" }, ["я"] = { "ая", "яя" } },
  uk = { ["и"] = { "оі" }, ["і"] = { "іи" }, ["у"] = { "ну", "ку", "ню" }, ["ю"] = { "ою" },
    ["а"] = { "на", "ка", "ня" }, ["я"] = { "на", "ка", "ня" } },
}
function placenames.adj_place(kb, T, from, to, k, lang)
  local agree = placenames.ADJ_AGREE[lang]
  local n = k + 1
  -- English: a compass adjective before a whole place of the gazetteer
  -- names a part of it (Northern California, South Texas); Italian: a
  -- compass noun (Nord Italia, Sud Italia)
  if lang == "en" or lang == "it" then
    local compass = lang == "en" and placenames.EN_COMPASS or placenames.IT_COMPASS
    return compass[T.f[k]] == true and title_case(T, k) and title_case(T, n) and (T.sp[n] or false)
      and T.gaz ~= nil and T.gaz[T.s[n]] == T.e[n] and not (T.orgs and T.orgs[T.s[n]])
      and (T.gaz[T.s[k]] or T.e[k]) == T.e[k] and not from[n] and not to[n]
  end
  if not (agree and T.gaz and T.gaz[T.s[n]] == T.e[n]) or (T.orgs and T.orgs[T.s[n]])
    or T.gaz[T.s[k]] or not title_case(T, k) or not title_case(T, n) or sentence_initial(T, k)
    or not (T.sp[n] or false) or from[k] or to[k] or from[n] or name_entry(kb, T.f[k], lang) then
    return false
  end
  local w, noun = T.f[k], T.f[n]
  if utf8.len(w) < 5 or utf8.codepoint(w, 1) < 0x0400 or utf8.codepoint(w, 1) >= 0x0530 then return false end
  local last = noun:sub(utf8.offset(noun, -1))
  for _, e in ipairs(agree[last] or {}) do
    if #w > #e + 4 and w:sub(-#e) == e then return true end
  end
  return false
end

-- loc_village(kb, T, from, to, k, lang): Russian, Ukrainian: a capitalised
-- adjective and a capitalised noun in the locative, the whole run after a
-- lower-case preposition of place, neither a gazetteer name nor a listed
-- name, name a village or quarter too small for the gazetteer (в Большом
-- Пикине, у Козачій Лопані, на Красной Пресне).  By the endings: the
-- adjective's feminine or masculine locative and the noun's
placenames.LOC_PREP = { ru = { ["в"] = true, ["во"] = true, ["на"] = true },
  uk = { ["у"] = true, ["в"] = true, ["на"] = true } }
placenames.LOC_AGREE = {
  ru = { { { "ои", "еи" }, { "е", "и" } }, { { "ом", "ем" }, { "е", "у" } } },
  uk = { { { "іи" }, { "і" } }, { { "ому", "ім" }, { "і", "у" } } },
}
function placenames.loc_village(kb, T, from, to, k, lang)
  local preps, n = placenames.LOC_PREP[lang], k + 1
  if not preps or k < 2 or n > T.n or not preps[T.f[k - 1]] or T.cap[k - 1] or not (T.sp[k] or false)
    or not (T.sp[n] or false) or not title_case(T, k) or not title_case(T, n) or sentence_initial(T, k)
    or (n < T.n and T.cap[n + 1] and (T.sp[n + 1] or false)) or from[k] or to[k] or from[n] or to[n]
    or (T.gaz and (T.gaz[T.s[k]] or T.gaz[T.s[n]])) or name_entry(kb, T.f[k], lang) or name_entry(kb, T.f[n], lang)
    or utf8.len(T.f[k]) < 5 or utf8.len(T.f[n]) < 4 then
    return false
  end
  for _, pair in ipairs(placenames.LOC_AGREE[lang]) do
    if ends_in(T.f[k], pair[1]) and ends_in(T.f[n], pair[2]) then return true end
  end
  return false
end

-- designator_stop(T, text, j, a) -> the last byte of a company's name whose
-- designator runs from word a to word j: a dotted abbreviation keeps its last period (Agrofert,
-- a.s.; Acme B.V.), and so does any designator where the period ends no
-- sentence, a lower-case word or a comma after it (Ripple Labs Inc. and,
-- Acme Corp., the maker); before a capitalised word it is the sentence's
local function designator_stop(T, text, j, a)
  local e = T.e[j]
  if text:sub(e + 1, e + 1) ~= "." then return e end
  -- (a dotted one of several words too: e. V., S. A.)
  if T.f[j]:find("%.") or (a and text:sub(T.s[a], e):find("%.")) then return e + 1 end
  local nx = text:sub(e + 2, e + 2)
  if nx == "," or nx == ";" or nx == ")" then return e + 1 end
  if nx == " " and j < T.n and T.s[j + 1] == e + 3 and T.sc[j + 1] == "cased" and not T.cap[j + 1] then
    return e + 1
  end
  return e
end

-- suffix_org(kb, T, k, lang): word k is a capitalised compound with an
-- org_suffix ending of the language (Skatteverket, Arenabolaget)
local function suffix_org(kb, T, k, lang)
  local sufs = lang and kb.org_suffix[lang]
  if not sufs or not title_case(T, k) then return false end
  return kb_mod.suffix_entry(sufs, T.f[k]) ~= nil
end

local function classify_run(kb, T, text, from, to, lang, i, j, out)
  -- a run opening on the last word of a gazetteer organisation that began
  -- before it, past an elided article, starts after that word (Fratelli
  -- d'Italia | Guido Crosetto was a person Italia Guido Crosetto)
  if T.orgs and i < j then
    if not T.org_end then
      T.org_end = {}
      for s0, e0 in pairs(T.orgs) do
        if not T.org_end[e0] or s0 < T.org_end[e0] then T.org_end[e0] = s0 end
      end
    end
    local s0 = T.org_end[T.e[i]]
    if s0 and s0 < T.s[i] then i = i + 1 end
  end
  -- Vietnamese: two to four syllables alone on the text's last line, no cue
  -- and no name the gazetteer spells there, sign the article (Minh Vy)
  if lang == "vi" and j > i and j - i <= 3 and signed_end(T, i, j) and not (T.gaz and T.gaz[T.s[i]]) then
    local cue = false
    for k = i, j do if any_cue(from, k) then cue = true end end
    if not cue then return add(out, text, T.s[i], T.e[j], "person", "cue:byline") end
  end
  -- a capitalised place head marked outside inside the run (German des
  -- Kreises, im Ortsteil): the words before it are a run of their own, the
  -- name after it the place the place-head pass finds (Verwaltung des
  -- Kreises Steinfurt was one person before teilte mit)
  for k = i, j - 1 do
    local ph = from[k] and from[k].place_head
    if ph and ph[2].outside and T.cap[k] and ph[1] < j and T.sc[k] == "cased" then
      if k - 1 >= i then return classify_run(kb, T, text, from, to, lang, i, k - 1, out) end
      return
    end
  end
  -- Vietnamese: a head that goes on in lower case past the run (Công ty,
  -- Tổng Công ty) ends it: its capitalised syllables are no name's (Chủ tịch
  -- HĐQT | Công ty …; org_heads finds the organisation)
  if lang == "vi" then
    for k = i + 1, j do
      local h = from[k] and from[k].org_head
      if h and h[1] > j and T.cap[k] then
        return classify_run(kb, T, text, from, to, lang, i, k - 1, out)
      end
    end
  end
  -- a web address in the run is an organisation's name (a news site: Theo
  -- VnExpress.net, KOMPAS.com -), the words beside it runs of their own
  for k = i, j do
    if site_name(text:sub(T.s[k], T.e[k])) then
      if k > i then classify_run(kb, T, text, from, to, lang, i, k - 1, out) end
      add(out, text, T.s[k], T.e[k], "org", "shape:site")
      if k < j then classify_run(kb, T, text, from, to, lang, k + 1, j, out) end
      return
    end
  end
  -- French: a compound joined by hyphens with a short lower-case word
  -- inside (Saint-André-de-Majencoules, Aix-en-Provence, Châlons-sur-Marne)
  -- is a place's name; people's compounds have none (Jean-Pierre,
  -- Saint-Exupéry).  Runs end at lower-case words that are no particles
  -- (sur): the first run of the compound names it, the others are inside it
  if lang == "fr" then
    local a, b = i, j
    while a > 1 and T.gap[a] == "-" do a = a - 1 end
    while b < T.n and T.gap[b + 1] == "-" do b = b + 1 end
    local lower = false
    for k = a + 1, b do
      if T.gap[k] ~= "-" then lower = false; break end
      if not T.cap[k] and (utf8.len(T.f[k]) or 9) <= 4 then lower = true end
    end
    if lower and b > a + 1 and T.cap[a] and T.cap[b] then
      if i == a then add(out, text, T.s[a], T.e[b], "place", "shape:hyphen") end
      return
    end
    -- such a compound after a word of the run that opens a line or a
    -- sentence (a heading: A Saint-Germain-de-Joux, À Chézery-Forens): the
    -- words before it are a run of their own
    for s = i + 1, j do
      if T.gap[s] == "-" then break end
      if s < T.n and T.gap[s + 1] == "-" and T.cap[s] then
        local e, low = s + 1, false
        while e <= T.n and T.gap[e] == "-" do
          if not T.cap[e] and (utf8.len(T.f[e]) or 9) <= 4 then low = true end
          e = e + 1
        end
        e = e - 1
        if low and e > s + 1 and T.cap[e] and e >= j then
          classify_run(kb, T, text, from, to, lang, i, s - 1, out)
          return add(out, text, T.s[s], T.e[e], "place", "shape:hyphen")
        end
        break
      end
    end
  end
  -- Russian, Ukrainian: one word ending like a village's name in any case
  -- (-івка/-ївка, -овка/-евка: Понятівку, Антонівці, Ивановке) inside a
  -- sentence is a place: the villages of war and regional reports are too
  -- small for the gazetteer.  Not opening a sentence, where the endings make
  -- nouns (Подготовка, Мандрівка), nor a word the name lists know
  if CYR_SURNAME_LANGS[lang] and i == j and toponym_shape(T.f[i]) and title_case(T, i)
    and not sentence_initial(T, i) and not name_entry(kb, T.f[i], lang) and not from[i] and not to[i] then
    return add(out, text, T.s[i], T.e[i], "place", "shape:toponym")
  end
  -- Russian, Ukrainian: a capitalised adjective right before a place of the
  -- gazetteer, agreeing with its case, is part of the place's name
  -- (Центральной России, Новой Москве, Західної України): the languages
  -- write adjectives in lower case unless they open a name.  Not a
  -- sentence's first word, a name of the lists, or a word another gazetteer
  -- name starts at (Единой России, the party)
  if CYR_SURNAME_LANGS[lang] and j == i + 1 and placenames.loc_village(kb, T, from, to, i, lang) then
    return add(out, text, T.s[i], T.e[j], "place", "shape:loc_village")
  end
  for k = (CYR_SURNAME_LANGS[lang] or lang == "en" or lang == "it") and i or j, j - 1 do
    if T.cap[k] and placenames.adj_place(kb, T, from, to, k, lang) then
      if k - 1 >= i then classify_run(kb, T, text, from, to, lang, i, k - 1, out) end
      add(out, text, T.s[k], T.e[k + 1], "place", "shape:adj_place")
      local y = k + 2
      while y <= j and not T.cap[y] do y = y + 1 end
      if y <= j then classify_run(kb, T, text, from, to, lang, y, j, out) end
      return
    end
  end
  -- a word with a street's or a place's ending of the text's list
  -- (place_suffix in a cased script: Dutch -straat, -weg, -plein; Swedish
  -- -gatan, -vägen, -sjön) is a place with the capitalised words of its run
  -- before it (Van Aerssenlaan): languages that write common nouns in lower
  -- case write such a compound capitalised only as a name.  Not a lone word
  -- opening a sentence (Motorvägen), nor a word the name lists know
  -- (Overweg), nor a run with a cue in it
  local sufs = lang and kb.place_suffix[lang]
  if sufs and T.sc[j] == "cased" and j - i <= 2 and title_case(T, j) and not (i == j and sentence_initial(T, j))
    and not name_entry(kb, T.f[j], lang) and not from[j] and not to[j] then
    local key, cue = T.f[j], false
    for k = i, j - 1 do if from[k] or to[k] or not title_case(T, k) then cue = true end end
    if not cue and kb_mod.suffix_entry(sufs, key) then
      return add(out, text, T.s[i], T.e[j], "place", "cue:place_suffix")
    end
  end
  -- a word with an organisation's ending of the text's list (org_suffix:
  -- Swedish -verket, -myndigheten, -rätten; Norwegian -tilsynet) is an
  -- organisation with the capitalised words of its run before it (Svenska
  -- Fotbollförbundet): these languages write a body's name as one compound and
  -- common nouns in lower case.  Not a lone word opening a sentence
  -- (Tingsrätten dömde), unless a seat follows: an ending marked `seat` takes
  -- a place the gazetteer knows after the preposition (Kammarrätten i
  -- Jönköping).  Not a word the name lists know; the run's words up to the
  -- last one with a cue are left to the rest of this function (Enligt |
  -- Trafikverket)
  local osufs = lang and kb.org_suffix[lang]
  if osufs and T.sc[j] == "cased" and title_case(T, j)
    and not name_entry(kb, T.f[j], lang) and not from[j] and not to[j] then
    local key, b = T.f[j], j
    while b > i and b > j - 2 and title_case(T, b - 1) and not from[b - 1] and not to[b - 1] do b = b - 1 end
    local sf, e = kb_mod.suffix_entry(osufs, key), T.e[j]
    if sf and sf[3] and j + 2 <= T.n and T.f[j + 1] == "i" and SEAT_PREP.i[lang] and not T.cap[j + 1]
      and (T.sp[j + 1] or false) and (T.sp[j + 2] or false) and T.cap[j + 2] and T.gaz and T.gaz[T.s[j + 2]] then
      e = T.gaz[T.s[j + 2]]
    elseif sf and b == j and sentence_initial(T, j) then
      sf = nil
    end
    if sf then
      -- (the words before, a coordinator or connector after them left out:
      -- Kammarrätten och | Migrationsverket)
      local k = b - 1
      while k >= i and not T.cap[k] do k = k - 1 end
      if k >= i then classify_run(kb, T, text, from, to, lang, i, k, out) end
      return add(out, text, T.s[b], e, "org", "cue:org_suffix")
    end
  end
  -- Russian, Ukrainian: one capitalised word after a preposition of place
  -- ending like a town in -ськ/-цьк (-ск/-цк) in one of its cases (у
  -- Торецьку, з Дніпродзержинська, в Торецке), then punctuation or a stop
  -- word, is a place: towns renamed or too small for the gazetteer's names
  -- in the text's language.  A feminine adjective has its noun after it (у
  -- Київську область), a capitalised one too (Київську ОВА)
  if CYR_SURNAME_LANGS[lang] and i == j and i > 1 and town_shape(kb, T, from, to, i, lang) then
    return add(out, text, T.s[i], T.e[i], "place", "shape:toponym")
  end
  -- Russian, Ukrainian: capitalised adjectives of a place (-ск-, -цьк-), in
  -- the singular, before an acronym in capitals name a regional body
  -- (Київської ОВА, Херсонська ОДА, Свердловского УФСИН), no person after a
  -- title; not a company's designator (ООО), not a plural (Украинские СМИ)
  for m = CYR_SURNAME_LANGS[lang] and i + 1 or j + 1, j do
    if all_caps(T, m) and utf8.len(T.f[m]) >= 2 and not (from[m] and from[m].org_designator) then
      local k = m
      while k > i and k > m - 2 do
        local w = T.f[k - 1]
        if not (title_case(T, k - 1) and utf8.len(w) >= 5 and adjective_shape(w, lang) and (T.sp[k] or false)
          and place_adj(w) and not PLURAL_ADJ[w:sub(-4)] and w:sub(-4) ~= "кі") then break end
        k = k - 1
      end
      -- (a hyphenated adjective whole: Зноб-Новгородській ОТГ)
      while k < m and k > i and T.gap[k] == "-" and T.cap[k - 1] do k = k - 1 end
      if k < m then
        if k > i then classify_run(kb, T, text, from, to, lang, i, k - 1, out) end
        add(out, text, T.s[k], T.e[m], placenames.PLACE_ACRONYM[T.f[m]] and "place" or "org", "shape:acronym")
        if m < j then classify_run(kb, T, text, from, to, lang, m + 1, j, out) end
        return
      end
    end
  end
  -- Russian, Ukrainian: an acronym of three to six Cyrillic capitals that
  -- neither the gazetteer nor a cue list knows names an organisation (ГУР,
  -- ОСК, ИТЭФ, ГИБДД): news writes state bodies, companies and clubs so;
  -- the acronyms of things are stop words of the cue lists (БПЛА, ДТП,
  -- ВВП), Roman numerals (ХХІ) and words of a headline in capitals (a
  -- capitalised neighbour in capitals) are none
  for k = CYR_SURNAME_LANGS[lang] and i or j + 1, j do
    if cyr_acronym(kb, T, from, to, k, lang) then
      -- (an acronym before capitalised words opens a name: the rule below)
      local opens = k < j and title_case(T, k + 1) and not initials_at(T, k + 1)
      if k == i and opens then break end
      if k > i then classify_run(kb, T, text, from, to, lang, i, k - 1, out) end
      if opens then return classify_run(kb, T, text, from, to, lang, k, j, out) end
      add(out, text, T.s[k], T.e[k], "org", "shape:acronym")
      if k < j then classify_run(kb, T, text, from, to, lang, k + 1, j, out) end
      return
    end
  end
  -- Russian, Ukrainian: initials and a surname end the run as a person of
  -- their own (начальник отдела ГО и ЧС | В.Н. Литвинов)
  if CYR_SURNAME_LANGS[lang] and j - i >= 2 and title_case(T, j) and not initials_at(T, j) then
    local k = j
    while k > i and initials_at(T, k - 1) and j - k < 2 do k = k - 1 end
    local named = false   -- (Театре С. В. Образцова: the organisation named after them)
    for x = i, k - 1 do if from[x] and from[x].org_head then named = true end end
    if k < j and k > i and not initials_at(T, k - 1) and not named then
      -- (the words between a title and the person are its complement:
      -- глава Администрации | И.В. Жарков)
      if not (i > 1 and to[i - 1] and to[i - 1].title) then classify_run(kb, T, text, from, to, lang, i, k - 1, out) end
      return classify_run(kb, T, text, from, to, lang, k, j, out)
    end
  end
  -- Russian, Ukrainian: a person no list knows, written as news writes
  -- people (see lone_surname, given_surname)
  -- (Serbian, Bulgarian, Macedonian: the two words only, as their case
  -- endings differ: Томислав Дончев, Николаја Денкова, Драгана Петровић;
  -- no adjective first, as Russian given names in -ем, -ом may be: у
  -- Великом Трнову is a town)
  local south = lang == "sr" or lang == "bg" or lang == "mk"
  if CYR_SURNAME_LANGS[lang] and lone_surname(kb, T, from, to, i, j, lang, out)
    or (CYR_SURNAME_LANGS[lang] or south and not adjective_shape(T.f[i], lang))
      and given_surname(kb, T, from, to, i, j, lang) then
    return add(out, text, T.s[i], T.e[j], "person", "shape:surname")
  end
  -- Greek: a word ending like a surname (SURNAME_SUFFIXES.greek) is a
  -- person alone (με τον Ανδρουλάκη, ο Παπαδόπουλος) or after one
  -- capitalised word, the given name (Θεόφιλος Παπαδάκης, Πάνου
  -- Γεωργιάδη): news names people so at their first mention as at the
  -- others.  Not a word the gazetteer, a cue or the stop lists know;
  -- opening a sentence only in the nominative (-ης, -ος: Μητσοτάκης για
  -- ...), as a genitive there may be a street's or a place's.  After a
  -- title or a reporting verb the cue rules take it (ο κ. Ανδρουλάκης)
  local pcue = i > 1 and to[i - 1]
  if lang == "el" and j - i <= 1 and title_case(T, j) and not from[j] and not to[j]
    and not (pcue and (pcue.title or pcue.say or pcue.byline)) then
    local w, sur = T.f[j], nil
    for _, e in ipairs(SURNAME_SUFFIXES.greek) do
      if not sur and #w >= #e + 4 and w:sub(-#e) == e then sur = e end
    end
    local function greek_word(k)
      local c = utf8.codepoint(T.f[k], 1)
      return c >= 0x0370 and c < 0x0400 and not (T.gaz and T.gaz[T.s[k]]) and not is_stop(kb, lang, T.f[k])
        and not is_calendar(kb, T, k, lang)
    end
    local ok = sur and greek_word(j)
    if ok and i < j then
      ok = (T.sp[j] or false) and title_case(T, i) and not from[i] and not to[i] and utf8.len(T.f[i]) >= 3
        and greek_word(i)
    end
    if ok and sentence_initial(T, i) and sur:sub(-2) ~= "σ" then ok = false end
    -- (alone after a feminine article it is a street named after a man,
    -- στην Κατεχάκη, as often as a woman)
    local art = i == j and i > 1 and (T.sp[i] or false) and T.f[i - 1]
    if ok and art and ({ ["η"] = 1, ["τη"] = 1, ["την"] = 1, ["τησ"] = 1, ["στη"] = 1, ["στην"] = 1,
      ["στησ"] = 1 })[art] then ok = false end
    if ok then return add(out, text, T.s[i], T.e[j], "person", "shape:surname") end
  end
  -- Russian, Ukrainian: a surname before a given name of the lists, as
  -- line-ups, award lists and registers write people (Метелев Михаил,
  -- Кузнецова Анна, Петренко Олег): a word of a surname's shape (see
  -- cyr_surname), then a given name that is no everyday word; the surname
  -- no given name itself, and neither word a gazetteer, cue or stop word
  if (CYR_SURNAME_LANGS[lang] or south) and j == i + 1 and (T.sp[j] or false) and title_case(T, i)
    and title_case(T, j)
    and not from[i] and not to[i] and not from[j] and not to[j] and utf8.len(T.f[i]) >= 5 and cyr_surname(T.f[i])
    and not (T.gaz and (T.gaz[T.s[i]] or T.gaz[T.s[j]])) and not is_stop(kb, lang, T.f[i]) then
    local eg, es = name_entry(kb, T.f[j], lang), name_entry(kb, T.f[i], lang)
    if eg and eg.given and not common_in(kb, eg, lang) and not (es and es.given) then
      return add(out, text, T.s[i], T.e[j], "person", "shape:surname")
    end
  end
  -- Russian, Ukrainian: a run opening with a company's designator or an
  -- acronym in capitals (ПАО Сбербанк, НАК Нафтогаз України, ГУ Нацполіції,
  -- ГУР Минобороны) is an organisation, never a person's name, though a
  -- title comes before it; the designator stays outside, a known given
  -- name and a capitalised word after it open the person (ПАО Банк ВТБ |
  -- Андрей Костин).  Not an acronym the gazetteer knows (США, МВД: the
  -- title's complement), nor one before a place (ВВП России, ЖКХ Москвы)
  if CYR_SURNAME_LANGS[lang] and i < j and all_caps(T, i) and title_case(T, i + 1) and (T.sp[i + 1] or false)
    and not initials_at(T, i + 1) then
    local d = from[i] and from[i].org_designator
    local n = utf8.len(T.f[i])
    local c0 = utf8.codepoint(T.f[i], 1)
    if c0 >= 0x0400 and c0 < 0x0530 and n <= 5 and not T.f[i]:find(".", 1, true)
      and (d or not (T.gaz and T.gaz[T.s[i]]) and not is_stop(kb, lang, T.f[i])) then
      local a = d and d[1] + 1 or i
      local z = a
      -- (up to a person, or a connector: ПАТ Укрнафта | і ПАТ Укртатнафта)
      while z < j and T.cap[z + 1] and not starts_person(kb, T, z + 1, lang) do z = z + 1 end
      if starts_person(kb, T, a, lang) then z = a - 1 end
      if z >= a and z > i then
        -- (a region the gazetteer knows, opening among the words and going on
        -- past them, whole: ГУНП Черкаської області)
        local stop, pe = T.e[z], T.gaz and T.gaz[T.s[z]]
        if z > a and pe and pe > stop and word_ending(T, pe) then stop = pe end
        add(out, text, T.s[a], stop, "org", "cue:org_designator")
        local r = z + 1
        while r <= j and not T.cap[r] do r = r + 1 end
        if r <= j then classify_run(kb, T, text, from, to, lang, r, j, out) end
        return
      end
    end
  end
  -- a title begun before the run in lower case that ends with it: the
  -- run is the title's own word (главы Администрации района), no name
  if to[j] and to[j].title and to[j].title[1] < i then return end
  T.run_start = T.s[i]
  local has_title, title_after, apposition = false, false, false
  -- a title begun before the run in lower case and ending inside it (la
  -- ministra de Defensa Marta Quiroga): its capitalised words stay outside
  for k = j - 1, i, -1 do
    local t = to[k] and to[k].title
    if t and t[1] < i then has_title = true; i = k + 1; break end
  end
  -- a title inside the run: what is before it is a run of its own, unless
  -- it is a title and its complement, opening with no given name
  -- (Kapolda Jawa Timur | Irjen Toni Harmanto)
  -- (not a title that is a word of an organisation's head: Direktorat
  -- Jenderal Pajak)
  local head_end, in_name = 0, false
  -- (a title right after a capitalised word or a connector that does not
  -- coordinate: Comitê de Política Monetária)
  local function in_head(k) return T.cap[k - 1] or (kb.connector[T.f[k - 1]] and not kb.coord[T.f[k - 1]]) end
  -- (a title right after a capitalised place head names the person the
  -- street or place is named after: Rua Presidente Sodré, Avenida General Paz;
  -- also after a rank the lists lack: Estadio Brigadier General López)
  local ph0 = T.cap[i] and from[i] and from[i].place_head
  if ph0 and (ph0[2].outside or (ph0[2].cap == false and not ph0[2].also_cap)) then ph0 = nil end
  for k = i + 1, lang == "vi" and j or j - 1 do
    local c = from[k]
    local hb = from[k - 1] and from[k - 1].org_head
    if hb and hb[1] > head_end then head_end = hb[1] end
    if hb and TITLE_IN_NAME[lang] and T.cap[k - 1] then in_name = true end
    -- (Vietnamese: also a title that ends after the run, its last syllable
    -- in lower case: Đón | Tổng Bí thư; the rest of the run is the title's)
    if c and c.title and c.title[1] >= j and k > head_end and lang == "vi" then
      return classify_run(kb, T, text, from, to, lang, i, k - 1, out)
    end
    -- (a title right after an organisation's head is a word of its name:
    -- Ikatan Wartawan Online, Aliansi Jurnalis Independen)
    if c and c.title and c.title[1] < j and k > head_end and not (in_name and in_head(k))
      and not (hb and hb[1] == k - 1 and T.cap[k - 1])
      and not (ph0 and (ph0[1] == k - 1 or (ph0[1] == k - 2 and T.cap[k - 1] and space_gap(T.gap[k - 1] or "")))) then
      local t0 = from[i] and from[i].title and from[i].title[1]
      local complement = t0 and t0 < k - 1
      if complement then
        local e = name_entry(kb, T.f[t0 + 1], lang)
        if e and e.given then complement = false end
      end
      -- (a title marked `before` names its office's place before it, as
      -- Turkish writes: Kuzviran Belediye Başkanı, Döşemealtı Kaymakamı;
      -- up to three title-case words, no given name of the lists among them)
      local placed = false
      -- (a sentence's first word before the place is no part of it: Dün |
      -- Kuzviran Belediye Başkanı)
      local p0 = (sentence_initial(T, i) and k - i >= 2) and i + 1 or i
      if p0 > i and not complement and c.title[2].before then
        classify_run(kb, T, text, from, to, lang, i, i, out)
      end
      if not complement and c.title[2].before and k - p0 <= 3 and not given_among(kb, T, p0, k - 1, lang) then
        placed = true
        for x = p0, k - 1 do
          if not title_case(T, x) or from[x] or to[x] then placed = false end
        end
        if placed then add(out, text, T.s[p0], T.e[k - 1], "place", "cue:title") end
      end
      if not complement and not placed then classify_run(kb, T, text, from, to, lang, i, k - 1, out) end
      i = k
      break
    end
  end
  local initial = sentence_initial(T, i)
  local org_title, lead_title = false, nil
  -- leading: titles (they stay outside), stop words, calendar words
  while i <= j do
    local c = from[i]
    if c and c.org_title and not c.org_title[2].quoted and c.org_title[1] < j
      and not (c.title and c.title[1] >= c.org_title[1])
      and not c.org_head and T.cap[c.org_title[1] + 1] then
      -- der Autobauer Volkswagen: the descriptor stays outside (after a
      -- title, before a known given name, it names the person's employer:
      -- Prezes spółki Jan Nowak)
      org_title = not title_descriptor(kb, T, to, i, c.org_title[1] + 1, lang)
      i = c.org_title[1] + 1
      initial = false
      c = from[i]
    end
    if not c and i < j and compound_title(kb, T, i, lang) then
      org_title = true   -- der Spezialverpackungshersteller Gerresheimer: outside too
      i = i + 1
      initial = false
      c = from[i]
    end
    local tail = to[j] and to[j].org_tail
    local t1 = c and c.title and c.title[1] < j and to[c.title[1] + 1] and to[c.title[1] + 1].org_tail
    if c and c.title and c.title[1] < j and tail and tail[1] == c.title[1] + 1 then
      break   -- a title word naming an organisation's tail: Justice Department
    elseif t1 and t1[1] == c.title[1] + 1 then
      break   -- nor before a tail of one word: Premier League Matchday, no person
    elseif c and c.title and c.title[1] < j and T.gap[c.title[1] + 1] == "-" then
      return   -- a title word joined by a hyphen to a name is a word of it (Премьер-Лиги)
    elseif c and c.title and c.title[1] < j then
      i = c.title[1] + 1
      lead_title = c.title[2]
      initial = false
      -- a title and then a particle or connector: of an office, not of a
      -- person (Vorsitzenden des Komitees, Minister of Finance)
      -- (a particle or connector in capitals, in a line of capitals, is
      -- one too: SECRETARIA MUNICIPAL DE SAÚDE)
      if i <= j and (kb.particle[T.f[i]] or kb.connector[T.f[i]]) and all_caps(T, i) then return end
      has_title = T.cap[i] or false
    elseif c and c.title and c.title[1] >= j then return   -- a title alone, or a title's first words
    elseif c and c.byline and c.byline[1] < j and line_start(text, T.s[i]) then
      -- a byline's word opening the line, though a name list knows it
      -- (Von Anna Weber: faker lists Von as a surname): the name follows
      i = c.byline[1] + 1
      initial = false
    elseif is_calendar(kb, T, i, lang)
      or (kb.stop[lang] and kb.stop[lang][T.f[i]] and initial and not name_in(kb, T.f[i], lang))
      or own_stop(kb, lang, T.f[i]) then
      i = i + 1
      initial = false
    elseif not T.cap[i] then i = i + 1
    else break end
  end
  -- trailing calendar words and particles, unless a name the gazetteer
  -- matched ends the run with them (Prefeitura do Rio de Janeiro: janeiro is
  -- the month)
  local gaz_end = false
  if T.gaz and j > i and T.cap[j] and is_calendar(kb, T, j, lang) then
    for k = i, j - 1 do
      if T.gaz[T.s[k]] == T.e[j] then gaz_end = true; break end
    end
  end
  while not gaz_end and j >= i and (is_calendar(kb, T, j, lang) or not T.cap[j])
    and not (to[j] and to[j].org_designator and to[j].org_designator[1] > i) do j = j - 1 end
  if j < i then return end
  local lead = i   -- the run's first word after its titles and stop words
  -- organisations: designator or tail at the end, head at the start; a
  -- name that ends in a designator or tail starts after the last connector
  -- when no organisation word comes before it (Shares of | Acme Ltd, Suche
  -- der | Feuerwehr; but Bank of America Corp)
  local oi = i
  -- the same head twice across a coordinator with connectors after it:
  -- two names (Ministerio de Salud y Ministerio de Educación, Partido del
  -- Trabajo y Partido Verde), the first head maybe after the run's first words
  for k = i + 2, j - 1 do
    local nh = from[k + 1] and from[k + 1].org_head
    if nh and not T.cap[k] and kb.coord[T.f[k]] and T.cap[k + 1] then
      local h1
      for x = k - 2, i, -1 do
        if from[x] and from[x].org_head and T.cap[x] and T.f[x]:sub(1, 6) == T.f[k + 1]:sub(1, 6) then
          h1 = x
          break
        end
      end
      if h1 then
        classify_run(kb, T, text, from, to, lang, i, k - 1, out)
        return classify_run(kb, T, text, from, to, lang, k + 1, j, out)
      end
    end
  end
  for k = j - 1, i + 1, -1 do
    -- a coordinating connector joins one name (Afet ve Acil Durum Yönetimi
    -- Başkanlığı) unless an acronym or a whole name precedes it (AFAD ve
    -- Kandilli Rasathanesi, Yapı Kredi Bankası ve Türkiye İş Bankası)
    -- (a tail that is the first word is no whole name: Securities and
    -- Exchange Commission)
    local t = to[k - 1] and (to[k - 1].org_tail or to[k - 1].org_designator or to[k - 1].place_tail)
    -- (or a compound with a body's ending: Arenabolaget och | Vattenfall AB)
    local whole = t and t[1] > i or suffix_org(kb, T, k - 1, lang)
    local split = kb.coord_split[T.f[k]] and kb.coord_split[T.f[k]][lang]
    -- (with `split`, a head after the run's first words too: Anggota Dinas
    -- Pemadam Kebakaran dan | Satpol PP)
    local head_first = from[i] and from[i].org_head
    if not head_first and split then
      for x = i + 1, k - 1 do if from[x] and from[x].org_head and T.cap[x] then head_first = true; break end end
    end
    -- (the second name after an article joined to a preposition: Guardia di
    -- Finanza e dei | Carabinieri)
    local n1 = k + 1
    if kb.coord[T.f[k]] and k + 2 <= j and not T.cap[k + 1] and kb.connector[T.f[k + 1]] and T.cap[k + 2] then
      n1 = k + 2
    end
    if not T.cap[k] and (kb.coord[T.f[k]] or kb.connector[T.f[k]]) and j > k and head_first
      and ((from[n1] and from[n1].org_head and (T.f[n1]:sub(1, 6) == T.f[i]:sub(1, 6) or split))
        or ((kb.coord[T.f[k]] or split) and T.gaz and T.gaz[T.s[n1]] == T.e[j])) then
      -- the same head twice is two names (Ministerul Muncii și Ministerul
      -- Culturii), another one a part of one (… și Administrației Publice)
      -- unless the connector has `split` (Indonesian dan: Universitas X dan
      -- Institut Y); a coordinator before a whole gazetteer name is two
      -- names too (Polskie Radio i PAP, Ministero della Salute e Istat)
      classify_run(kb, T, text, from, to, lang, i, k - 1, out)
      return classify_run(kb, T, text, from, to, lang, n1, j, out)
    -- (or a person after it: Parti socialiste et Marine Le Pen)
    elseif not T.cap[k] and kb.coord[T.f[k]] and (all_caps(T, k - 1) or whole or starts_person(kb, T, k + 1, lang))
      and j > k then
      -- two names (the first is classified on its own)
      classify_run(kb, T, text, from, to, lang, i, k - 1, out)
      oi, i = k + 1, k + 1
      break
    elseif not T.cap[k] and kb.connector[T.f[k]] and not kb.coord[T.f[k]] then
      local cue = false
      for x = i, k - 1 do
        if (from[x] and from[x].org_head) or (to[x] and to[x].org_tail) then cue = true; break end
      end
      -- (Romance languages: a company's name with its designator at the
      -- run's end holds the connector, Unísono Solución de Negocios S.A.U.;
      -- not after a person or a gazetteer name, Juan Pérez | de Acme S.L.)
      local d = to[j] and to[j].org_designator
      local g = d and name_entry(kb, T.f[i], lang)
      if not cue and d and d[1] > k + 1 and TITLE_IN_NAME[lang] and k > i + 1 and not (g and g.given)
        and not (T.gaz and T.gaz[T.s[i]]) then
        cue = true
      end
      if not cue then oi = k + 1 end
      break
    end
  end
  -- (a run opened by a capitalised place_head is a place, its tail a word of
  -- its name: Aeropuerto Internacional de Mendoza, Aeroporto Internacional
  -- Tom Jobim, not the organisation Aeropuerto Internacional and Mendoza)
  local ph1 = from[oi] and from[oi].place_head
  local place_first = ph1 and (ph1[2].cap ~= false or ph1[2].also_cap) and not ph1[2].outside
    and T.cap[oi] and ph1[1] < j and not (from[oi].org_head or from[oi].title)
  -- (after a connector with no cue before it, that place is a run of its
  -- own: Seguranças do | Aeroporto Santos Dumont; not inside a place another
  -- head opens, Parque Natural da Serra Alta)
  local cued = false
  for x = i, oi - 2 do
    if any_cue(from, x) or (from[x] and (from[x].place_head or from[x].org_title)) or (to[x] and to[x].place_tail) then
      cued = true
      break
    end
  end
  if place_first and oi > i + 1 and T.cap[ph1[1] + 1] and not cued then
    classify_run(kb, T, text, from, to, lang, i, oi - 2, out)
    return classify_run(kb, T, text, from, to, lang, oi, j, out)
  end
  -- (so is one ending in a place_tail of several words whose last word is an
  -- organisation's tail: Kennedy Space Center, not an organisation in Center)
  local ptj = to[j] and to[j].place_tail
  if ptj and ptj[1] < j and ptj[1] > oi and T.cap[ptj[1]] then place_first = true end
  for k = oi, j do
    local c = from[k]
    if place_first and c and c.org_tail then break end
    if c and c.org_designator and c.org_designator[1] == j and k > oi and not opens_quote(T.gap[j + 1]) then
      return add(out, text, T.s[oi], designator_stop(T, text, j, k), "org", "cue:org_designator")
    end
    if c and c.org_tail and c.org_tail[1] == j and (k > oi or c.org_tail[1] > k) then
      -- (Polish, Czech, Slovak: a court's or office's seat after it, as after
      -- a head: Městský soud v Praze, Krajského soudu v Plzni)
      return add(out, text, T.s[oi], seat_stop(T, lang, j) or T.e[j], "org", "cue:org_tail")
    end
    -- (es pt it fr) a tail, a connector and a name the gazetteer matched to
    -- the run's end: the organisation and where it is (Metropolitan Museum
    -- de | Nueva York)
    local te = c and c.org_tail and c.org_tail[1]
    if te and TITLE_IN_NAME[lang] and te + 2 <= j and (k > oi or te > k)
      and not T.cap[te + 1] and kb.connector[T.f[te + 1]]
      and T.gaz and T.gaz[T.s[te + 2]] == T.e[j] then
      classify_run(kb, T, text, from, to, lang, te + 2, j, out)
      return add(out, text, T.s[oi], T.e[te], "org", "cue:org_tail")
    end
  end
  -- Turkish: a word ending in -spor names a sports club, with the city
  -- before it (Adana Demirspor, Trabzonspor, Fatih Karagümrük | no)
  if lang == "tr" and j - i <= 2 and T.cap[j] and utf8.len(T.f[j]) >= 7 and T.f[j]:sub(-4) == "spor"
    and T.f[j] ~= "anaspor" then
    return add(out, text, T.s[i], T.e[j], "org", "shape:club")
  end
  -- places named with a generic word: Placer County, Landkreis Hof, Via
  -- Cimatti, NEF Stadyumu (the word inside the span, a name beside it)
  for k = i, j do
    local c = from[k]
    if c and c.place_tail and c.place_tail[1] == j and k > i and not c.place_tail[2].gaz then
      -- (another place's tail inside the run ends that place, with a
      -- lower-case joining word after it left out: Göksu Mahallesi | Yeni
      -- Hal Caddesi, Yeni Hal Caddesi ile | Altınova Caddesi)
      for x = i + 1, k - 2 do
        local t = to[x] and to[x].place_tail
        if t and t[1] > i and not t[2].gaz and T.cap[x] then
          classify_run(kb, T, text, from, to, lang, i, x, out)
          local y = x + 1
          while y < k and not T.cap[y] do y = y + 1 end
          return classify_run(kb, T, text, from, to, lang, y, j, out)
        end
      end
      -- (a country or an abbreviation of single letters alone before the
      -- tail, a title after it, is the office's court: U.S. District |
      -- Judge X, no place)
      if from[j + 1] and from[j + 1].title then
        local ce = T.places and T.places[T.s[i]]
        local abbr = true
        for x = i, k - 1 do
          if utf8.len(T.f[x]) ~= 1 and not text:sub(T.s[x], T.e[x]):find("^%u%.%u[%.%u]*$") then abbr = false end
        end
        if abbr or (ce and ce >= T.e[k - 1] and ce < T.s[k]) then return end
      end
      -- (a tail right after a lower-case connector names nothing before
      -- it: Councilman Brent Ackerson of | District 26 is the person)
      if not T.cap[k - 1] and k - 2 >= i then
        return classify_run(kb, T, text, from, to, lang, i, k - 2, out)
      end
      -- (the name is the words after a lower-case coordinator of the run:
      -- Belt and Road names no road, the road of Cork and Kerry Road is Kerry Road)
      local s0 = i
      for x = i + 1, k - 1 do
        if not T.cap[x] and kb.coord[T.f[x]] then s0 = x + 1 end
      end
      -- (a sentence's first word before a place the gazetteer knows that the
      -- tail's name opens is no word of it: Uçak | İstanbul Havalimanı'na,
      -- Tren | Haydarpaşa Garı'ndan; Atatürk Havalimanı stays whole)
      -- (Turkish names an address from the province down with no comma: the
      -- places the gazetteer knows whole that open the run are places of
      -- their own, the tail's name the rest: İstanbul | Kağıthane |
      -- Çobançeşme Mahallesi)
      -- (a sentence's first word before them is a run of its own: Olay |
      -- İstanbul | …)
      if lang == "tr" and s0 == i and T.gaz then
        local x0 = (sentence_initial(T, i) and T.gaz[T.s[i]] ~= T.e[i]) and i + 1 or i
        local x = x0
        while x < k - 1 and T.gaz[T.s[x]] == T.e[x] and not (T.orgs and T.orgs[T.s[x]])
          and not (T.people and T.people[T.s[x]]) do
          x = x + 1
        end
        if x > x0 then
          if x0 > i then classify_run(kb, T, text, from, to, lang, i, x0 - 1, out) end
          for y = x0, x - 1 do classify_run(kb, T, text, from, to, lang, y, y, out) end
          return add(out, text, T.s[x], T.e[j], "place", "cue:place_tail")
        end
      end
      if s0 == i and k - i >= 2 and sentence_initial(T, i) and T.gaz and T.gaz[T.s[i + 1]]
        and not T.gaz[T.s[i]] and not any_cue(from, i) and not starts_person(kb, T, i, lang) then
        return add(out, text, T.s[i + 1], T.e[j], "place", "cue:place_tail")
      end
      if s0 == i then return add(out, text, T.s[i], T.e[j], "place", "cue:place_tail") end
      if k > s0 then
        classify_run(kb, T, text, from, to, lang, i, s0 - 2, out)
        return add(out, text, T.s[s0], T.e[j], "place", "cue:place_tail")
      end
      return
    end
    -- (`gaz`: the tail of a place the gazetteer knows right before it, in
    -- a run with no organisation's head: Jakarta Selatan; Jakarta Pusat |
    -- Zulkifli Atjo; the words before and after are runs of their own)
    local pt = c and c.place_tail and c.place_tail[2].gaz and k > i and T.gaz and c.place_tail[1]
    if pt then
      local x = k - 1
      while x > i and T.gaz[T.s[x]] ~= T.e[k - 1] do x = x - 1 end
      local head = false
      for y = i, j do if y ~= k and from[y] and from[y].org_head then head = true end end
      if T.gaz[T.s[x]] == T.e[k - 1] and not head then
        if x > i then classify_run(kb, T, text, from, to, lang, i, x - 1, out) end
        add(out, text, T.s[x], T.e[pt], "place", "cue:place_tail")
        if pt < j then classify_run(kb, T, text, from, to, lang, pt + 1, j, out) end
        return
      end
    end
    -- (a head written in lower case is no word of the name: đảo = Đào)
    -- (a head that is also an organisation's head marked `demonym` names the
    -- club before a demonym, and a stadium only before a particle or two
    -- words: Stade Rennais, Stade Malherbe are clubs; Stade de France,
    -- Stade Pierre-Mauroy the stadiums)
    local club = c and c.org_head and c.org_head[2].demonym
      and (demonym(T, c.org_head[1] + 1) or c.org_head[1] + 1 == j and not T.f[j]:find("-", 1, true))
    if k == i and c and c.place_head and (c.place_head[2].cap ~= false or c.place_head[2].also_cap)
      and not c.place_head[2].outside and c.place_head[1] < j and not club
      and (T.cap[c.place_head[1] + 1] or kb.connector[T.f[c.place_head[1] + 1]])   -- Rua da Aurora
      -- (a head marked `gaz`, German Flughafen, whose language writes every
      -- noun capitalised: only a place the gazetteer knows right after it,
      -- and the place ends with it: Flughafen Weeze, not Flughafen Kontrollen)
      and (not c.place_head[2].gaz or (T.gaz and T.gaz[T.s[c.place_head[1] + 1]]))
      -- (a sentence's first word before a name of the name lists is an
      -- adjective or noun before a person: Stary Kowalski, Starý Novák)
      and not (sentence_initial(T, i) and c.place_head[1] + 1 <= j
        and name_entry(kb, T.f[c.place_head[1] + 1], lang) and not (T.gaz and T.gaz[T.s[c.place_head[1] + 1]]))
      -- (German: a noun by its derivational ending is no name after the head,
      -- im Landkreis | Straßensperrungen, Landkreis | Verwaltung)
      and not (lang == "de" and c.place_head[1] + 1 <= j and ends_in(T.f[c.place_head[1] + 1], placenames.DE_NOUN_ENDS)
        and not (T.gaz and T.gaz[T.s[c.place_head[1] + 1]])) then
      -- up to a coordinating connector: Mount Everest | and Cape Town
      -- (a head marked `coord` names two places joined: União das Freguesias
      -- de Colmeias e Memória)
      local pe = j
      for x = c.place_head[1] + 1, c.place_head[2].coord and 0 or j do
        if not T.cap[x] and kb.coord[T.f[x]] then pe = x - 1; break end
      end
      if c.place_head[2].gaz then
        local ge, x = T.gaz[T.s[c.place_head[1] + 1]], c.place_head[1] + 1
        while x < j and T.e[x] < ge do x = x + 1 end
        if x < j then classify_run(kb, T, text, from, to, lang, x + 1, j, out) end
        return add(out, text, T.s[i], T.e[x], "place", "cue:place_head")
      end
      -- (a venue named after a person, a known given name in its name, ends
      -- before a particle and a city the gazetteer knows: Estadio Mario
      -- Alberto Kempes | de Córdoba; Estadio Único de La Plata and Aeropuerto
      -- Internacional de Mendoza, named by no person, keep it)
      -- (Romanian din 'in, of' before a place the gazetteer knows to the
      -- run's end says where the named place is: Piața Gării | din Turda)
      if lang == "ro" and T.gaz then
        for x = c.place_head[1] + 2, pe - 1 do
          if not T.cap[x] and T.f[x] == "din" and T.gaz[T.s[x + 1]] == T.e[pe] then
            classify_run(kb, T, text, from, to, lang, x + 1, pe, out)
            pe = x - 1
            break
          end
        end
      end
      if c.place_head[2].venue and T.cities then
        local person = false
        for x = c.place_head[1] + 1, pe - 2 do
          if starts_person(kb, T, x, lang) then person = true end
          if person and not T.cap[x + 1] and kb.particle[T.f[x + 1]] then
            local y = x + 2
            while y < pe and not T.cap[y] do y = y + 1 end
            local ce = T.cities[T.s[y]]
            if ce and ce == T.e[pe] then
              classify_run(kb, T, text, from, to, lang, y, pe, out)
              pe = x
              break
            end
          end
        end
      end
      if pe + 2 <= j then classify_run(kb, T, text, from, to, lang, pe + 2, j, out) end
      -- (a head alone before a connector names nothing: du Stade à Mayol,
      -- the club playing at Mayol)
      if pe <= c.place_head[1] then return end
      -- (a `coord` head's second name after the run's coordinator, also one
      -- the gazetteer knows: União de Freguesias de Pombalinho e Arcozelo)
      local y = j + 1
      if c.place_head[2].coord and pe == j and y + 1 <= T.n and not T.cap[y] and kb.coord[T.f[y]]
        and (T.sp[y] or false) and (T.sp[y + 1] or false) and T.cap[y + 1] and T.sc[y + 1] == "cased" then
        local z = y + 1
        while z < T.n and T.cap[z + 1] and (T.sp[z + 1] or false) and not any_cue(from, z + 1) do z = z + 1 end
        return add(out, text, T.s[i], T.e[z], "place", "cue:place_head", { strong = true })
      end
      return add(out, text, T.s[i], T.e[pe], "place", "cue:place_head")
    end
  end
  -- after a descriptor (the carmaker, la società, die Nachrichtenagentur):
  -- the capitalised words up to the first lower-case one, no title after it
  local ot = (T.sp[i] or false) and cue_before(T, to, i, "org_title")
  if ot and title_descriptor(kb, T, to, ot[1], i, lang) then ot = nil end
  if not has_title and (org_title or (ot and not ot[2].quoted)) then
    local e = i
    while e < j and T.cap[e + 1] do e = e + 1 end
    -- (Romance languages: a name of two words or more goes on over a
    -- connector before more capitalised words, not a place the gazetteer
    -- knows nor a person: el sindicato Alternativa Sindical de Trabajadores
    -- de Seguridad Privada; la empresa Acme Foods | de Madrid, le volailler
    -- Doux | de Graincourt)
    while TITLE_IN_NAME[lang] and e > i and e + 2 <= j and not T.cap[e + 1] and kb.connector[T.f[e + 1]]
      and not kb.coord[T.f[e + 1]] and T.cap[e + 2] and not (T.gaz and T.gaz[T.s[e + 2]])
      and not starts_person(kb, T, e + 2, lang) do
      e = e + 2
      while e < j and T.cap[e + 1] do e = e + 1 end
    end
    if e < j then classify_run(kb, T, text, from, to, lang, e + 1, j, out) end
    -- (French: the adjectives after the run are the name's: le syndicat Force
    -- ouvrière, la banque Crédit mutuel)
    local ee = e
    if lang == "fr" and e == j then
      while ee < T.n and space_gap(T.gap[ee + 1]) and fr_adjective(T, ee + 1) and not any_cue(from, ee + 1)
        and not is_stop(kb, lang, T.f[ee + 1]) do
        ee = ee + 1
      end
    end
    if not (from[i] and from[i].title) then
      return add(out, text, T.s[i], T.e[ee], "org", "cue:org_title", { strong = true })
    end
  end
  for k = i, j do
    local c = from[k]
    -- a head word such as Organisation or Gruppe takes a capitalised name or
    -- a connector (Gruppe Wagner, Atlético de Madrid), not a particle or
    -- another lower-case word (Organisation von Konferenzen)
    local h = c and c.org_head and c.org_head[1]
    local stem = h and c.org_head[2].demonym and demonym(T, h + 1)
    if h and c.org_head[2].demonym and not stem then h = nil end
    -- (a head that is the place_tail of the word before it ends that place:
    -- Jakarta Pusat | Zulkifli Atjo)
    if h and k > i and to[k] and to[k].place_tail and (T.sp[k] or false) then h = nil end
    -- (Vietnamese: a head written onto a number with a slash is part of a
    -- document's number: văn bản số 1234/UBND-VX)
    if h and lang == "vi" and T.gap[k] == "/" then h = nil end
    -- (in Romance languages a head of two words or more that is the whole
    -- rest of the run, no words=N, is the name: du Conseil Départemental à
    -- la, o Ministério Público informou; a Polish or Russian head alone,
    -- Polskiego Radia, Совета Министров, names none)
    local whole = h and h == j and h > k and (c.org_head[2].words or 0) <= 0 and WHOLE_HEAD_LANGS[lang]
    if h and (whole or h < j and (T.cap[h + 1] or not T.cap[h] or kb.connector[T.f[h + 1]])) then
      local hs = k
      -- English names put their modifiers before a head that ends in a
      -- connector (Reserve Bank of India, Securities and Exchange Board of
      -- India), unless they are a gazetteer name (UK | Ministry of Defence)
      if k > i and not has_title and lang == "en" and h > k and kb.connector[T.f[h]]
        and not (T.gaz and T.gaz[T.s[i]] == T.e[k - 1]) then
        hs = i
      elseif k > i and not has_title then
        classify_run(kb, T, text, from, to, lang, i, k - 1, out)
      end
      -- a title inside the name after its head and a word: the name ends
      -- before it, a person after it is classified on its own (Polda Aceh |
      -- Kombes Pol Joko Krisdiyanto); a title right after the head is part
      -- of the name (Kantor Presiden, Direktorat Jenderal Pajak)
      for x = h + 2, j - 1 do
        local t = from[x] and from[x].title
        if t and t[1] < j and T.cap[x] and not (TITLE_IN_NAME[lang] and in_head(x)) then
          classify_run(kb, T, text, from, to, lang, x, j, out)
          j = x - 1
          -- (a coordinator before the title is no word of the name: BPBD
          -- Kabupaten Bogor dan | Ketua …)
          while j > h and not T.cap[j] and (kb.connector[T.f[j]] or kb.coord[T.f[j]]) do j = j - 1 end
          break
        end
      end
      -- a head of words=0 (a ministry's short name, МЗС, Минфин) takes a
      -- place's name, and a person after it is classified on its own (Глава
      -- МЗС | Андрій Сибіга: a known given name followed by a capitalised word)
      if c.org_head[2].words == 0 then
        for x = h + 1, j do
          if initials_at(T, x) then j = x - 1; break end   -- (МВД | А.Б.)
          if x < j and starts_person(kb, T, x, lang) then
            classify_run(kb, T, text, from, to, lang, x, j, out)
            j = x - 1
            break
          end
        end
        if j == h and not whole then return end
      end
      -- Polish, Czech, Slovak: a known given name and a capitalised word
      -- after the head (and the words of the name) open the person the title
      -- before the organisation names (Prezes Trybunału Konstytucyjnego |
      -- Bogdan Nowak; předseda Ústavního soudu | Josef Baxa)
      if SEAT_PREP[lang] then
        for x = h + 1, j - 1 do
          if starts_person(kb, T, x, lang) and not (T.gaz and T.gaz[T.s[x]]) then
            classify_run(kb, T, text, from, to, lang, x, j, out)
            j = x - 1
            break
          end
        end
      end
      -- Vietnamese: the syllables' shape ends the name; a person after it
      -- is classified on its own (UBND tỉnh Quảng Nam | Lê Văn Thành)
      if lang == "vi" then
        for x = h + 1, j do
          if not vi_compound(kb, T, h, x, nil, c.org_head[2].named) then
            classify_run(kb, T, text, from, to, lang, x, j, out)
            return add(out, text, T.s[hs], T.e[x - 1], "org", "cue:org_head")
          end
        end
      end
      -- Polish, Czech, Slovak: a body's seat after w/we (v/ve) is a part of
      -- its official name when the gazetteer knows the place (Sąd Okręgowy w
      -- Warszawie, Prokuratura Okręgowa w Krakowie, Krajský soud v Brně): a
      -- court's, prosecutor's, police's, office's, hospital's or
      -- university's head and a word more (not Rada Pokoju | w USA)
      local e = T.e[j]
      local seat = SEAT_PREP[lang]
      if seat and j > hs and j + 2 <= T.n and seated(T.f[k]) and seat[T.f[j + 1]] and not T.cap[j + 1]
        and (T.sp[j + 1] or false)
        and (T.sp[j + 2] or false) and T.cap[j + 2] and T.gaz and T.gaz[T.s[j + 2]] then
        e = T.gaz[T.s[j + 2]]
      end
      return add(out, text, T.s[hs], e, "org", "cue:org_head", stem and { club_stem = stem } or nil)
    end
  end
  -- a person: cut at a connector that is no particle; what follows it is a
  -- run of its own (Kingsley Coman und Thomas Müller)
  local rest
  for k = i, j do
    -- (German: an article is a particle only after another one, von der
    -- Leyen; after a name it opens the object, Dayot Upamecano | den Ball)
    local article = lang == "de" and DE_ARTICLE[T.f[k]] and k > i and not kb.particle[T.f[k - 1]]
    if not T.cap[k] and (not kb.particle[T.f[k]] or article) then
      if k < j then rest = { k + 1, j } end
      j = k - 1
      break
    end
  end
  if rest then
    local m = j >= i and classify_run(kb, T, text, from, to, lang, i, j, out)
    classify_run(kb, T, text, from, to, lang, rest[1], rest[2], out)
    return m
  end
  if j < i then return end
  local c = to[j] and to[j].title_after
  if c and c[1] > i then j = c[1] - 1; title_after = true
  elseif c then return end   -- nothing but a title after a name (Jr)
  local after = from[j + 1]
  if after and after.title_after and ((T.sp[j + 1] or false) or T.gap[j + 1] == ", ") then title_after = true end
  -- two or three capitalised words, a comma and an office of somewhere
  -- (a title, then of, de, di ...) are the officeholder: Nikesh Arora, CEO
  -- of Palo Alto Networks; Jean Dupuis, maire de Lyon; not a place or an
  -- organisation the gazetteer knows, nor a list (Joe Biden, President Macron)
  if not title_after and after and after.title and T.gap[j + 1] == ", " and j > i and j - i <= 2
    and after.title[1] < T.n and not T.cap[after.title[1] + 1] and (T.sp[after.title[1] + 1] or false)
    and kb.connector[T.f[after.title[1] + 1]] and not all_caps(T, i) then
    local known = false
    for x = i, j do known = known or (T.gaz and T.gaz[T.s[x]] ~= nil) or not title_case(T, x) end
    if not known then title_after = true end
  end
  -- a single capital letter before a Korean title is the placeholder of an
  -- unnamed person (A 씨, B 경위), as A씨 written onto it is: no name
  if title_after and i == j and #T.f[i] == 1 and j < T.n and toks.is_hangul(T.f[j + 1]) then return end
  -- and a word in capitals there is a company's or a unit's acronym (SKC 대표, 사업지원TF 사장): no name;
  -- so are two or three such words, a broadcaster and its medium (SBS TV 기자)
  if title_after and j - i <= 2 and j < T.n and toks.is_hangul(T.f[j + 1]) then
    local caps = true
    for k = i, j do caps = caps and text:sub(T.s[k], T.e[k]):find("^%u+$") ~= nil end
    if caps then return end
  end
  -- a sentence's first word that no list knows, before a known given name
  -- and an honorific (Toplantıya Mehmet Demir Bey): not part of the name
  if initial and title_after and j > i and T.cap[i + 1] and (T.sp[i + 1] or false) and not kb.names[T.f[i]]
    and kb.names[T.f[i + 1]] and kb.names[T.f[i + 1]].given then
    i = i + 1
  end
  -- Vietnamese: a run whose first syllable is no family name but that has
  -- one later, with a syllable after it, is a place or organisation and then
  -- the person (Quảng Nam | Trần Văn Bình nói)
  local vi_pre
  if lang == "vi" and j - i >= 2 then
    if not vi_family(kb, T, i) then
      for k = i + 1, j - 1 do
        -- (the words before are a place the gazetteer knows, or the person
        -- has three syllables: vụ án Tân Hoàng Minh names a company, no
        -- person Hoàng Minh)
        if vi_family(kb, T, k) and title_case(T, k - 1) and (j - k >= 2 or (T.gaz and T.gaz[T.s[i]] == T.e[k - 1])) then
          -- (after a title, a company's trade name of foreign shape, maybe
          -- after its board's acronym, is the organisation the person
          -- serves: Chủ tịch Vingroup | Phạm Nhật Vượng, Phó chủ tịch HĐQT
          -- | Vingroup | Phạm Thu Hương)
          if i > 1 and to[i - 1] and to[i - 1].title then vi_pre = { i, k - 1 } end
          i = k
          break
        end
      end
    end
    -- a place the gazetteer matched, then a family name and more (Bí thư
    -- Thành ủy Hà Nội | Đinh Tiến Dũng): the person follows the place, though
    -- the place opens with a family name's syllable (Hà)
    local ge = T.gaz and T.gaz[T.s[i]]
    if ge and ge < T.e[j] then
      local k = i
      while k < j and T.e[k] < ge do k = k + 1 end
      if T.e[k] == ge and k + 2 <= j and vi_family(kb, T, k + 1) then i = k + 1 end
    end
  end
  -- a photo credit's agency after a hyphen (Dương Giang-TTXVN): no part of the name
  if j > i and T.gap[j] == "-" and all_caps(T, j) then j = j - 1 end
  -- (es pt it fr) a side the gazetteer matched on its own (a city of
  -- 100,000+, a region or a country, or no given name), a particle, then a
  -- given name with more after it: the team and its coach or the country and
  -- its leader (il Milan di | Rino Gattuso, el Barcelona de | Xavi Hernández)
  if TITLE_IN_NAME[lang] and i + 3 <= j and T.gaz and T.gaz[T.s[i]] == T.e[i] and not T.cap[i + 1]
    and kb.particle[T.f[i + 1]] and (T.sp[i + 1] or false) and (T.sp[i + 2] or false) and T.cap[i + 2] then
    local e, e0 = name_entry(kb, T.f[i + 2], lang), name_entry(kb, T.f[i])
    if e and e.given and not common_in(kb, e, lang)
      and (not (e0 and e0.given) or (T.cities and T.cities[T.s[i]] == T.e[i])) then
      classify_run(kb, T, text, from, to, lang, i, i, out)
      return classify_run(kb, T, text, from, to, lang, i + 2, j, out)
    end
  end
  local nt = name_tokens(T, i, j)
  if nt == 0 or nt > 5 then return end
  local before = to[i - 1]
  local gap_before = T.gap[i]
  -- words that may stand between a title and the name (le président
  -- américain Joe Biden, il ministro degli Esteri russo Sergej Lavrov)
  if i > 1 and before and before.title_mod and not before.title and cue_before(T, to, i, "title") then
    before = { title = cue_before(T, to, i, "title") }
  end
  -- Polish: a title whose last word is an organisation's head written with
  -- its capital (przewodniczący Rady | Miasta Krakowa): the capitalised words
  -- after it name that organisation, not a person, when no given name of
  -- the lists is among them
  if lang == "pl" and i > 1 and before and before.title and title_case(T, i - 1) and space_gap(gap_before)
    and from[i - 1] and from[i - 1].org_head and from[i - 1].org_head[1] == i - 1 then
    local given = false
    for x = i, j do
      local ex = name_entry(kb, T.f[x], lang)
      if ex and ex.given then given = true; break end
    end
    if not given then return add(out, text, T.s[i - 1], T.e[j], "org", "cue:org_head") end
  end
  local rule
  if has_title or (T.appos and T.appos[i] and nt >= 2) then rule = "cue:title"
  elseif title_after then rule = "cue:title_after"
  elseif before and before.title and (space_gap(gap_before) or gap_before == " - "
      -- (a title in parentheses after the office written out: Menteri
      -- Energi dan Sumber Daya Mineral (Menteri ESDM) Jero Wacik)
      or (gap_before == ") " and nt >= 2)
      -- an apposition of two names or more (il sottosegretario agli Esteri,
      -- Benedetto Della Vedova); a single word after a comma is too often a
      -- place or the next clause (a place the gazetteer spells is its own anyway)
      or (gap_before == ", " and nt >= 2 and not is_stop(kb, lang, T.f[i]))
      or ((gap_before == ". " or gap_before == ".\194\160") and utf8.len(T.f[i - 1]) <= 4)) then
    rule = "cue:title"
  elseif nt >= 2 and title_quote(T, to, i) then
    rule = "cue:title"
  elseif before and before.byline
      and (slash_credit(text, T, before, i)
        or (line_start(text, T.s[before.byline[1]]) or credit_after_caption(text, T, before, i))
          -- (the colon of Editor:, Oleh: and Reporter : is no word of the cue)
          and (inner_gap(gap_before) or gap_before == ": " or gap_before == " : ")) then
    rule = "cue:byline"
  elseif nt >= 2 and T.byline_end and not all_caps(T, i) and (gap_before == ", " and T.byline_end[i - 1]
      or i > 2 and kb.connector[T.f[i - 1]] and space_gap(gap_before) and (T.sp[i - 1] or false)
        and T.byline_end[i - 2]) then
    rule = "cue:byline"   -- the next author of a byline: By A, B and C
  elseif nt >= 2 and ((after and after.say and ((T.sp[j + 1] or false) or T.gap[j + 1] == ", "))
      or (before and before.say and not before.say[2].after and space_gap(gap_before)))
      and not is_stop(kb, lang, T.f[i])   -- selon Le Monde, berichtete Die Welt
      -- (an acronym the gazetteer knows, then a name: whom the person told,
      -- not their first name: сообщила РБК Иванова, told the BBC Smith)
      and not (all_caps(T, i) and T.gaz and T.gaz[T.s[i]] == T.e[i]) then
    rule = "cue:say"
    -- after a comma the verb may belong to an apposition's head (…, Giám
    -- đốc Sở Y tế Hà Nội, cho biết): a gazetteer place of the same span wins
    apposition = not (before and before.say and not before.say[2].after and space_gap(gap_before))
      and not (T.sp[j + 1] or false)
  elseif nt == 1 and before and before.say and before.say[2].one and space_gap(gap_before)
      and attribution(T, before.say[1]) and not is_stop(kb, lang, T.f[i]) and not all_caps(T, i)
      and not is_calendar(kb, T, i, lang) then
    rule = "cue:say"   -- `one`: a name of one word after the verb (Indonesian "...," kata Jokowi)
  elseif nt == 1 and after and after.say and (T.sp[j + 1] or false) and closing_quote_before(T, i)
      and not is_stop(kb, lang, T.f[i]) and not all_caps(T, i) and not is_calendar(kb, T, i, lang)
      and utf8.len(T.f[i]) >= 3 then
    rule = "cue:say"   -- a quotation's speaker named by one word ("...," Whitmer said)
  elseif nt >= 2 then
    -- the name lists: a given name (not an ordinary word, not a place the
    -- gazetteer matched on its own unless a known surname follows) and
    -- the capitalised words after it; a Vietnamese family name and two or
    -- three syllables; an initial or given name and a known surname
    local last = name_entry(kb, T.f[j], lang)
    local last_surname = last and last.surname and not common_in(kb, last, lang)
    -- Vietnamese: a family name opening two to four capitalised syllables,
    -- no lower-case word among them (Hà Tĩnh đến Quảng Ngãi is no name)
    local fv = name_entry(kb, T.f[i], lang)
    if lang == "vi" and fv and vi_family(kb, T, i) and not common_in(kb, fv, lang)
      and nt <= 4 and name_tokens(T, i, j) == j - i + 1 then
      rule = "names:surname"
    end
    -- (a saint's word and the saint's name are no person's given names)
    local saint = false
    if TITLE_IN_NAME[lang] then
      for x = i, j - 1 do
        if SAINT[T.f[x]] and T.cap[x + 1] then saint = x; break end
      end
    end
    for k = i, rule and i - 1 or j - 1 do
      local e = name_entry(kb, T.f[k], lang)
      -- (a word the gazetteer matched, then a given name: the place, then
      -- the person, as in la juez de Sevilla Ana Ruiz)
      local e2 = k < j and (T.sp[k + 1] or false) and T.gaz and T.gaz[T.s[k]] == T.e[k]
        and name_entry(kb, T.f[k + 1], lang)
      -- (but a known given name opening the run that the gazetteer knows
      -- as a town or region is the first of two given names: David | Óscar
      -- X was a town of Panama, then X)
      if e2 and e2.given and not common_in(kb, e2, lang)
        and not (k == i and given_town(kb, T, k, lang)) then
        e = nil
      end
      -- (nor does a name open inside a gazetteer match of several words:
      -- Paulo of Governador de São Paulo Tarcísio de Freitas)
      for q = i, k - 1 do
        if e and T.gaz and (T.gaz[T.s[q]] or 0) >= T.e[k] then e = nil end
      end
      if e and e.given and (not common_in(kb, e, lang) or common_given_ok(kb, T, k, lang))
        and not (lang == "vi" and vi_marked(T, k)) and not (saint and (k == saint or k == saint + 1))
        and not is_stop(kb, lang, T.f[k]) and T.cap[k]
        and (not (T.places and T.places[T.s[k]] == T.e[k]) or last_surname
          or (k == j - 1 and CYR_SURNAME_LANGS[lang] and cyr_surname(T.f[j])))
        and not all_caps(T, k) and hyphen_ok(kb, T, k)
        -- (nor before an acronym of three letters or more, no Roman numeral:
        -- Dana APBD Kabupaten Bogor is a budget)
        and not (k < j and all_caps(T, k + 1) and utf8.len(T.f[k + 1]) >= 3 and not T.f[k + 1]:find("^[ivxlc]+$")) then
        i, rule = k, "names:given"
        break
      end
    end
    -- French credits a work to its maker with de (Euridice de Lora Dupuis,
    -- Phalène de Sarah Martin): a known given name and a capitalised word
    -- after de open the person, though a given name opens the title; not a
    -- particle of the name itself (Charles de Gaulle, Marie de France)
    if rule == "names:given" and lang == "fr" then
      for p = i + 1, j - 2 do
        if T.f[p] == "de" and not T.cap[p] and (T.sp[p] or false) and (T.sp[p + 1] or false) then
          local g = name_entry(kb, T.f[p + 1], lang)
          if g and g.given and (not common_in(kb, g, lang) or common_given_ok(kb, T, p + 1, lang)) and T.cap[p + 2] then
            i = p + 1
            break
          end
        end
      end
    end
    local first = name_entry(kb, T.f[i], lang)
    if rule then   -- luacheck: ignore 542
    elseif last_surname and not saint
      and ((utf8.len(T.f[i]) == 1 and (lang ~= "tr" or (T.gap[i + 1] or ""):sub(1, 1) == "."))
        -- (a headline in capitals names nobody by its words alone:
        -- VICTORIA DE LIDER PORTO; JEAN DUPONT is found by its cue)
        or (first and first.given and not (all_caps(T, i) and all_caps(T, j)))) then
      rule = "names:surname"
    end
    if rule and name_tokens(T, i, j) < 2 then rule = nil end
    -- a politician's party and state in brackets right after the name
    -- (Ana Lima (PSB-SP), Tom Reed (R-Texas)): two to four words no
    -- gazetteer match covers, none in capitals
    -- (not a place the gazetteer knows in the brackets, the region of a
    -- town: Bad Kösen (Sachsen-Anhalt), Saint-Dié (Vosges-Est))
    local pb = T.e[j] + 3
    local pe = T.gaz and T.gaz_ids and T.gaz[pb]
    local pid = pe and text:sub(pe + 1, pe + 1) == ")" and T.gaz_ids[pb .. ":" .. pe]
    if not rule and nt <= 4 and party_after(text, T.e[j]) and not (T.gaz and (T.gaz[T.s[i]] or 0) >= T.e[j])
      and not (pid and pid:find("^place:")) then
      local ok = not is_stop(kb, lang, T.f[i]) and not any_cue(from, i)
      for k = i, j do
        if T.cap[k] and (all_caps(T, k) or not title_case(T, k)) then ok = false end
      end
      if ok then rule = "cue:party" end
    end
    -- Russian, Ukrainian: a surname and its initials (Петренко О. В.,
    -- Дудін С.О.), the way court and official pages write people
    local c0 = utf8.codepoint(T.f[i], 1)
    if not rule and nt <= 3 and c0 >= 0x0400 and c0 < 0x0530 and title_case(T, i) and utf8.len(T.f[i]) >= 3
      and not initials_at(T, i) and not (T.gaz and T.gaz[T.s[i]]) and not is_stop(kb, lang, T.f[i])
      and not any_cue(from, i) then
      local all = true
      for k = i + 1, j do if not initials_at(T, k) then all = false; break end end
      if all then rule = "names:surname" end
    end
    -- and initials before a surname (И.В. Жарков, В. Н. Литвинов, Ю.В.
    -- Бугровой): two initials, or one before a word no gazetteer matched
    local cz = utf8.codepoint(T.f[j], 1)
    if not rule and CYR_SURNAME_LANGS[lang] and j - i <= 2 and cz >= 0x0400 and cz < 0x0530
      and title_case(T, j) and utf8.len(T.f[j]) >= 3 and not initials_at(T, j) and not is_stop(kb, lang, T.f[j]) then
      local n = 0
      for k = i, j - 1 do
        if not initials_at(T, k) then n = -1; break end
        n = n + (T.f[k]:find(".", 1, true) and 2 or 1)
      end
      if n >= 2 or (n == 1 and not (T.gaz and T.gaz[T.s[j]])) then rule = "names:surname" end
    end
  end
  -- Russian, Ukrainian, Polish: a title, up to three lower-case words in the
  -- genitive, then a name of two words or more (главного бухгалтера завода
  -- Елены Гришиной, глава пресс-службы Иван Петров, новичок московской
  -- команды Жедсон Фернандеш; napastnik gospodarzy Jan Nowak)
  if not rule and nt >= 2 and i > 2 and space_gap(gap_before) then
    local c0 = utf8.codepoint(T.f[i], 1)
    local cyr = c0 >= 0x0400 and c0 < 0x0530
    if cyr or (lang == "pl" and c0 < 0x0250) then
      local shape = cyr and genitive_shape or pl_genitive_shape
      local k, n = i - 1, 0
      while k >= 1 and n < 3 and T.sc[k] == "cased" and not T.cap[k]
        and (shape(T.f[k]) or T.gap[k + 1] == "-")
        and not is_stop(kb, lang, T.f[k]) and not (to[k] and to[k].title)
        and not (from[k] and (from[k].say or from[k].title or from[k].byline)) do
        k, n = k - 1, n + 1
        if k >= 1 and not (space_gap(T.gap[k + 1]) or T.gap[k + 1] == "-") then k = 0 end
      end
      if n > 0 and k >= 1 and to[k] and to[k].title then rule = "cue:title" end
    end
  end
  -- a romanised Korean name at the run's end: a family name of one syllable
  -- and a given name of two joined by a hyphen (Shin Tae-yong, Moon Jae-in,
  -- Son Heung-min), whatever comes before it in the run
  if not rule and j - 2 >= i and T.gap[j] == "-" and (T.sp[j - 1] or false) and title_case(T, j - 2)
    and title_case(T, j - 1) and korean_syllable(T.f[j - 2]) and korean_syllable(T.f[j - 1])
    and korean_syllable(T.f[j]) and not is_stop(kb, lang, T.f[j - 2]) then
    if j - 2 > i then classify_run(kb, T, text, from, to, lang, i, j - 3, out) end
    i, rule = j - 2, "shape:korean"
  end
  if not rule then return end
  -- (Vietnamese: after a title, the words the person's name follows: a
  -- company's trade name, Chủ tịch Vingroup | Phạm Nhật Vượng)
  if vi_pre then vi_title_org(T, text, vi_pre[1], vi_pre[2], out) end
  -- Polish, Czech, Slovak: a given name and a city of the gazetteer, no
  -- surname of the lists, with no title, is a club called by its town
  -- (Chelsea Londyn, Real Madryt), no person
  if SEAT_PREP[lang] and j == i + 1 and rule == "names:given" and T.cities and T.cities[T.s[j]] == T.e[j] then
    local e = name_entry(kb, T.f[j], lang)
    if not (e and e.surname) then return add(out, text, T.s[i], T.e[j], "org", "shape:club_city") end
  end
  -- Russian, Ukrainian: words in Cyrillic capitals of four letters at most,
  -- none a given name of the lists, are an organisation's acronym, no
  -- person (у главы МО РФ, керівник ГУР МО)
  if CYR_SURNAME_LANGS[lang] then
    local acro = true
    for k = i, j do
      local e = name_entry(kb, T.f[k], lang)
      if not all_caps(T, k) or (utf8.len(T.f[k]) or 9) > 4 or (e and e.given)
        or utf8.codepoint(T.f[k], 1) < 0x0400 or utf8.codepoint(T.f[k], 1) >= 0x0530
        -- (nor a company's legal form before its quoted name: ПАО «X»)
        or (from[k] and from[k].org_designator) then
        acro = false
        break
      end
    end
    if acro then return add(out, text, T.s[i], T.e[j], "org", "cue:acronym") end
  end
  -- Vietnamese: after a title, a board's or unit's acronym and a company's
  -- trade name of foreign shape (Phó chủ tịch HĐQT Vingroup còn có): the
  -- organisation, no person; a person's name in capitals is capitals
  -- throughout (LÊ ĐỒNG)
  if lang == "vi" and rule == "cue:title" and vi_acronym(T, i) and j > i and not all_caps(T, j) then
    vi_title_org(T, text, i, j, out)
    return
  end
  -- a surname, a particle and a place the gazetteer matched, with no given
  -- name of the lists before it: the person and where they come from
  -- (l'arbitro Maggioni di Lecco), not one name (Leonardo da Vinci stays)
  if j - i >= 2 and not T.cap[j - 1] and kb.particle[T.f[j - 1]] and T.gaz and T.gaz[T.s[j]] == T.e[j] then
    local given = false
    for k = i, j - 2 do
      local e = name_entry(kb, T.f[k], lang)
      if e and e.given then given = true; break end
    end
    if not given then j = j - 2 end
  end
  -- Spanish al and el are particles of Arabic names (Bachar al Asad) and the
  -- article: before a word the gazetteer or a cue claims they end a person's
  -- name (Pedro Sánchez al Congreso, Lionel Messi al Barcelona)
  if j - i >= 2 and START_GIVEN[lang] and not T.cap[j - 1] and ARTICLE_PARTICLE[T.f[j - 1]]
    and ((T.gaz and T.gaz[T.s[j]]) or from[j]) then
    j = j - 2
  end
  -- a name, a particle and an acronym in capitals: the person and their
  -- party or club (Pedro Sánchez del PSOE, Matteo Renzi del PD), not one name
  if j - i >= 2 and T.cap[j] and text:sub(T.s[j], T.e[j]):find("^%u[%u%d]+$") then
    local k = j - 1
    while k > i and not T.cap[k] and kb.particle[T.f[k]] do k = k - 1 end
    if k < j - 1 and T.cap[k] then
      add(out, text, T.s[j], T.e[j], "org", "cue:acronym")
      j = k
    end
  end
  -- a name opening with a word the gazetteer matched on its own as a city
  -- of 100,000 or more, a region or a country (T.cities) that is no given
  -- name, with no word the name lists know after it, is a place's or a
  -- body's name (Kapolres Jakarta Pusat, the police chief of Central
  -- Jakarta), not a person (капитан команды Дуглас Сантос is: Douglas is a
  -- town); a country or a place in an inflected form after a title is the
  -- title's complement, and the words after it the person, known or not
  -- (президент Казахстана Нурсултан Назарбаев; glean.entities.resolve cuts)
  local complement = rule == "cue:title" and ((T.places and T.places[T.s[i]] == T.e[i])
    or (T.inflected and T.inflected[T.s[i]] == T.e[i])) and T.cap[i + 1] and (T.sp[i + 1] or false)
  -- Indonesian, Malay: a title, capitalised words with no given name of the
  -- lists, a comma and a known given name or two capitalised words: the words are the title's
  -- complement and the person follows the comma (kapten Persib Bandung,
  -- Supardi Nasir; Ketua Umum PSSI, Erick Thohir)
  if rule == "cue:title" and (lang == "id" or lang == "ms") and i == lead and j > i and j < T.n
    and not (lead_title and lead_title.place)
    and (T.gap[j + 1] or "") == ", " and T.cap[j + 1] then
    local nx = name_entry(kb, T.f[j + 1], lang)
    local two = j + 2 <= T.n and title_case(T, j + 1) and title_case(T, j + 2) and (T.sp[j + 2] or false)
    if not given_among(kb, T, i, j, lang) and ((nx and nx.given) or two) then
      T.appos = T.appos or {}
      T.appos[j + 1] = true   -- the person after the comma has the title's cue
      return
    end
  end
  -- a title of an office over a place (`place`: Bupati, Kapolres) before
  -- words no name list knows as a given name, alone before a lower-case word
  -- or ending at a comma, names the place, no person (Bupati Penajam Paser
  -- Utara, Abdul Gafur; Kapolsek Penjaringan sedang diperiksa); after a
  -- place the gazetteer knows, the words after it are the person, known or
  -- not (Bupati Nganjuk Taufiqurahman)
  if rule == "cue:title" and lead_title and lead_title.place and i == lead then
    if complement and j > i then
      add(out, text, T.s[i], T.e[i], "place", "cue:title")
      i = i + 1
    elseif not complement then
      local known = false
      for k = i, j do
        local e = name_entry(kb, T.f[k], lang)
        if e and e.given and (not common_in(kb, e, lang) or common_given_ok(kb, T, k, lang)) then known = k; break end
      end
      -- (words before a known given name are the place: Bupati Sleman | Budi
      -- Hartono)
      if known and known > i and known < j then
        add(out, text, T.s[i], T.e[known - 1], "place", "cue:title")
        i = known
      end
      -- (several words before a comma only when a given name follows it,
      -- the person's: Bupati Penajam Paser Utara, Abdul Gafur)
      local g = T.gap[j + 1] or ""
      local nx = j < T.n and g:sub(1, 1) == "," and name_entry(kb, T.f[j + 1], lang)
      if not known and ((g:sub(1, 1) == "," and (i == j or (nx and nx.given and T.cap[j + 1])))
        or (i == j and (j == T.n or not T.cap[j + 1]))) then
        return add(out, text, T.s[i], T.e[j], "place", "cue:title")
      end
    end
  end
  if i < j and T.cities and T.cities[T.s[i]] == T.e[i] and not complement then
    local e = name_entry(kb, T.f[i], lang)
    local known = e ~= nil and e.given ~= nil
    for k = i + 1, j do
      if known then break end
      known = name_entry(kb, T.f[k], lang) ~= nil
    end
    if not known then return end
  end
  -- a name the lists alone found, right before a number, is a channel's,
  -- a product's or a team's (Sky Tg 24, France 24, Canal 13): no person
  -- (but a Russian or Ukrainian surname's shape before a byline's date:
  -- Ілона Завальнюк 03 червня)
  if rule:find("^names:") and j < T.n and T.sc[j + 1] == "number" and (T.sp[j + 1] or false)
    and not (CYR_SURNAME_LANGS[lang] and j > i and cyr_surname(T.f[j])) then return end
  -- a Vietnamese name has two syllables or more (Bộ trưởng Ngoại giao: one
  -- capitalised syllable is part of a word)
  -- (but one foreign-looking word after a title: Tổng thống Putin, ông Biden)
  if lang == "vi" and name_tokens(T, i, j) < 2
    and not (rule == "cue:title" and i == j and foreign_word(text:sub(T.s[i], T.e[i]))) then return end
  -- Vietnamese: a range, từ X đến Y (from X to Y), names places or times
  if lang == "vi" and i > 1 and j < T.n and not T.cap[i - 1] and not T.cap[j + 1]
    and vi_sig(text:sub(T.s[i - 1], T.e[i - 1])) == "tu\204\155\204\128" then   -- từ
    local nx = vi_sig(text:sub(T.s[j + 1], T.e[j + 1]))
    if nx == "\196\145e\204\130n\204\129" or nx == "to\204\155i\204\129" then return end   -- đến, tới
  end
  if rule == "cue:title" or rule == "cue:say" then
    -- a title or reporting verb, words no list knows, then a known given
    -- name and more (пресс-секретарь Кремля Дмитрий Песков, Tổng thống Mỹ
    -- Joe Biden, Minister of Culture and Islamic Guidance Abbas Salehi
    -- said): the words before the given name are the title's complement
    for k = i + 1, j - 1 do
      -- (a place the gazetteer matched there is the complement too, though
      -- a name list knows the word: il giudice di Roma Anna Bianchi)
      -- (a place the gazetteer matched that ends the complement, two words
      -- or more after it: the person starts after it, known or not: Ketua
      -- DPRD DKI Jakarta | Basri Baco)
      if rule == "cue:title" and T.gaz and j > k and T.cap[k] and (T.sp[k] or false) then
        -- (not a one-word place the name lists know: Jordan, Georgia)
        -- (one that opens with the title's last word too: Wali Kota Surabaya,
        -- the gazetteer's Kota Surabaya)
        local ends_place = false
        for x = math.max(1, i - 1), k - 1 do
          if T.gaz[T.s[x]] == T.e[k - 1] then
            ends_place = x < k - 1 or not name_entry(kb, T.f[k - 1], lang)
            break
          end
        end
        if ends_place then i = k; break end
      end
      -- (not a known given name opening the run that the gazetteer knows
      -- as a town or a region, before the given name: a double given name,
      -- la senadora Karen | Michel X was a region of Myanmar, then the
      -- person; il giudice di Roma | Anna stays so)
      local place = T.gaz and T.gaz[T.s[k - 1]] == T.e[k - 1]
        and not (k - 1 == i and T.cap[k - 1] and given_town(kb, T, i, lang))
      -- (a lower-case particle after the complement, then a known given
      -- name and a capitalised word: el Gobierno de | Javier Milei afirmó,
      -- the government of a person, is the person; a run whose first word
      -- is a known name is no complement: Juan de Dios Pérez)
      if rule == "cue:say" and not T.cap[k] and kb.particle[T.f[k]] and k + 2 <= j
        and T.cap[k + 1] and T.cap[k + 2] and (T.sp[k] or false) and (T.sp[k + 1] or false)
        and (T.sp[k + 2] or false) and not name_entry(kb, T.f[k - 1], lang) then
        local g3 = name_entry(kb, T.f[k + 1], lang)
        if g3 and g3.given and not common_in(kb, g3, lang) then i = k + 1; break end
      end
      if (name_entry(kb, T.f[k - 1], lang) and not place) or not T.cap[k] or not (T.sp[k] or false) then break end
      local g2 = name_entry(kb, T.f[k], lang)
      -- (in Vietnamese a syllable with tone marks is no foreign given name:
      -- Cận of Tập Cận Bình folds like Turkish Can)
      if g2 and g2.given and (not common_in(kb, g2, lang) or common_given_ok(kb, T, k, lang))
        and not (lang == "vi" and T.text:sub(T.s[k], T.e[k]):find("[\128-\255]")) then i = k; break end
    end
    -- Indonesian and Malay: a place the gazetteer matched after the title and
    -- one word after it, the person's one name (Ketua DPD Gerindra Jawa Barat
    -- | Mulyadi; one-word names are common)
    -- (a place of two words or more, or a city, region or country: not a
    -- small town that opens a foreign name, Kapten Dalby Rennart)
    if rule == "cue:title" and (lang == "id" or lang == "ms") and j > i and T.gaz and T.gaz[T.s[i]] == T.e[j - 1]
      and (j - 1 > i or (T.cities and T.cities[T.s[i]] == T.e[i]))
      and T.cap[j] and (T.sp[j] or false) and not all_caps(T, j) then
      i = j
    end
  end
  -- a language that capitalises every noun: one word after a title is a
  -- name only when the name lists know it (Vorsitzende Platz genommen)
  if rule == "cue:title" and i == j and NOUN_CAPITALISING[lang] and not name_entry(kb, T.f[i], lang) then return end
  -- an acronym alone after a title is its complement, a country or a body
  -- (mluvčí vlády ČR, Laksamana TNI), not a person
  if rule == "cue:title" and i == j and all_caps(T, i) and T.gap[i + 1] ~= "." then return end
  -- an acronym after a title, then a name in title case: the acronym is the
  -- complement (Direktur Utama BCA | Jahja Setiaatmadja, Menteri BUMN | X Y)
  if rule == "cue:title" and j >= i + 2 and all_caps(T, i) and not name_entry(kb, T.f[i], lang)
    and (T.sp[i + 1] or false) and title_case(T, i + 1) and title_case(T, i + 2) then
    i = i + 1
  end
  if rule == "names:given" then
    -- given names before the one found, though ordinary words (María Nela Prada)
    while i > 1 and T.cap[i - 1] and ((T.sp[i] or false) or T.gap[i] == "-") do
      local e = name_entry(kb, T.f[i - 1], lang)
      if not (e and e.given) or (T.s[i - 1] < (T.run_start or 0))
        or (T.gaz and T.gaz[T.s[i - 1]] == T.e[i - 1]) then break end   -- per l'Italia Giuseppe Manca
      -- (nor the last word of a gazetteer match of several words: São Paulo)
      local inside = false
      for q = math.max(1, i - 4), i - 2 do
        if T.gaz and (T.gaz[T.s[q]] or 0) >= T.e[i - 1] then inside = true end
      end
      if inside then break end
      i = i - 1
    end
  end
  -- Russian, Ukrainian: a given name and a patronymic are the last two
  -- words of Фамилия Имя Отчество; the capitalised word of the run before
  -- them is the surname (председателя Кличко Виталия Владимировича, Адвокат
  -- Петренко Ольга Ивановна), unless the gazetteer or a cue claims it
  if (rule == "names:given" or rule == "cue:title") and j == i + 1 and i - 1 >= lead and patronymic(T.f[j])
    and T.cap[i - 1] and (T.sp[i] or false) and T.sc[i - 1] == "cased" and not all_caps(T, i - 1)
    and not (T.gaz and T.gaz[T.s[i - 1]]) and not (from[i - 1] and (from[i - 1].title or from[i - 1].org_head))
    and not (to[i - 1] and (to[i - 1].title or to[i - 1].org_tail)) then
    local c0 = utf8.codepoint(T.f[i - 1], 1)
    if c0 >= 0x0400 and c0 < 0x0530 then i = i - 1 end
  end
  if rule == "cue:title" then
    -- a title, one Cyrillic adjective, a lower-case word and a capitalised
    -- one (губернатор Белгородской области Вячеслав Гладков), or a lower-case
    -- adjective after it (председателя правительства Луганской народной
    -- республики): a region's or body's name, no person
    local c0 = utf8.codepoint(T.f[i], 1)
    if i == j and c0 >= 0x0400 and c0 < 0x0530 and adjective_shape(T.f[i]) and j + 2 <= T.n
      and T.sc[j + 1] == "cased" and not T.cap[j + 1] and (T.sp[j + 1] or false)
      and not (from[j + 1] and from[j + 1].say)
      and ((T.cap[j + 2] and (T.sp[j + 2] or false))
        or long_adjective(T.f[j + 1])) then
      return
    end
  end
  if rule == "cue:byline" then
    T.byline_end = T.byline_end or {}
    T.byline_end[j] = true
  end
  -- two names side by side, the second begun by a known given name after a
  -- known surname that is no given name (l'ex ministro Paolo Conti Marco
  -- Ferri, the aide of the first): each is a person.  Not in Vietnamese,
  -- whose given names follow the family name (Phạm Thị Mai Hương), and
  -- not after a word no list knows (Luiz Inácio Lula da Silva)
  for m = i + 2, lang == "vi" and 0 or j - 1 do
    local e, p = name_entry(kb, T.f[m], lang), name_entry(kb, T.f[m - 1], lang)
    if e and e.given and not common_in(kb, e, lang) and p and p.surname and not p.given and T.cap[m - 1]
      and title_case(T, m) and (T.sp[m] or false) and name_tokens(T, m, j) >= 2 then
      add(out, text, T.s[m], T.e[j], "person", "names:given")
      j = m - 1
      -- (after a title, words before the person with no given name of the
      -- lists are the title's complement, a club or body: Pelatih Persib
      -- Bandung | Robert Alberts)
      if rule == "cue:title" and not given_among(kb, T, i, j, lang) then return end
      break
    end
  end
  -- a final initial keeps its period (Nguyễn Văn A., Иванов И.)
  local stop = T.e[j]
  if (utf8.len(T.f[j]) == 1 or initials_at(T, j)) and (T.gap[j + 1] or ""):sub(1, 1) == "." then stop = stop + 1 end
  local g1 = kb.names[T.f[i]] or name_entry(kb, T.f[i], lang)   -- (an inflected given name: Владимира)
  return add(out, text, T.s[i], stop, "person", rule,
             { strong = rule:find("^cue:") ~= nil and not apposition, given_first = g1 and g1.given or nil })
end

-- places named after a generic word written in lower case, outside the
-- span: the capitalised words after a place_head (đường Lê Lợi, tỉnh Quảng
-- Trị, село Ивановка) and the items of a list after them (đường Lê Lợi,
-- Hoàng Diệu và Nguyễn Huệ); the capitalised words before a place_tail
-- without words=N (Köprüköy ilçesi, Topçu mahallesinde)

-- lang_particle(kb, w, lang): folded word w is a particle the lists give
-- the text's language (de, da, del; no particle of another language)
local function lang_particle(kb, w, lang)
  local jl = kb.particle[w] and kb.joiner_langs[w]
  return jl and jl[lang]
end

-- past_particles(kb, T, p, lang) -> the word after at most two lower-case
-- particles of the text's language (no coordinator) written after a space
-- from word p on (de, da la, do): p itself when there is none
local function past_particles(kb, T, p, lang)
  local q = p
  while q <= p + 1 and q <= T.n and not T.cap[q] and space_gap(T.gap[q] or "") and lang
    and lang_particle(kb, T.f[q], lang) and not kb.coord[T.f[q]] do
    q = q + 1
  end
  return q
end

local function cap_run(kb, T, k, dir, lang, max)
  local a, n = k, 0
  while a >= 1 and a <= T.n and T.sc[a] == "cased" and T.cap[a] and n < max
    and not own_stop(kb, lang, T.f[a]) and not is_calendar(kb, T, a, lang) do
    n = n + 1
    local nx = a + dir
    local g = dir > 0 and T.gap[nx] or T.gap[a]
    -- forward, one or two lower-case particles of the text's language
    -- between capitalised words are inside the name (freguesia de Vitorino
    -- de Piães, aldeia de Venda do Valador, San Martín de la Vega)
    if dir > 0 and lang and nx <= T.n and space_gap(g or "") and not T.cap[nx] then
      local p = past_particles(kb, T, nx, lang)
      if p > nx and p <= T.n and T.cap[p] and T.sc[p] == "cased" and space_gap(T.gap[p] or "") then
        nx, g = p, " "
      end
    end
    if not (nx >= 1 and nx <= T.n and (space_gap(g or "") or g == "-") and T.cap[nx]) then break end
    a = nx
  end
  if n == 0 then return nil end
  return a
end

-- lower_head(kb, T, text, k): word k alone is a lower-case place head
local function lower_head(kb, T, text, k)
  local node = kb.trie[T.f[k]]
  local o = node and node.ends and node.ends.place_head
  return o ~= nil and o.cap == false and spelled(T, text, k, k, o)
end

-- head_name(kb, T, h, lang) -> the first word of the name after a
-- lower-case place head ending at word h: the next word, or the one after
-- one or two particles of the text's language (freguesia de Colmeias,
-- frazione di Casette, localidad de La Roda, commune du Havre), or nil
-- (after an abbreviated head, o.period, only its period and a space: ul.
-- Długa, с. Ивановка; the preposition с before a name is none)
local function head_gap(g, o)
  if o and o.period then return g == ". " or g == ".\194\160" end
  return space_gap(g or "")
end

-- sports_report(kb, T, text, lang) -> true when the document is a sports
-- report (glean.entities.sport), told once per text
local function sports_report(kb, T, text, lang)
  if T.sport_report == nil then T.sport_report = sport.report(kb, text, lang) end
  return T.sport_report
end

-- (the endings as words are folded, without accents: malagueño, cordobés)
local HEAD_ADJ = { langs = { es = true, pt = true, it = true, fr = true, ca = true },
  ends = { "eno", "ena", "enos", "enas", "ense", "enses", "ano", "ana", "anos", "anas", "ino", "ina",
  "inos", "inas", "ego", "ega", "es", "esa", "eses", "esas", "ero", "era", "eiro", "eira", "ista", "esco", "esca",
  "asco", "asca", "ese", "esi", "ois", "oise", "ais", "aise", "ien", "ienne", "ine", "inho", "inha" } }
local function head_name(kb, T, h, lang, o)
  if o and o.period then
    -- (not a unit after a number: 300 м. Рятувальники …)
    if h > 1 and T.f[h - 1]:find("^%d") then return nil end
    return h < T.n and head_gap(T.gap[h + 1], o) and T.cap[h + 1] and h + 1 or nil
  end
  local p = past_particles(kb, T, h + 1, lang)
  if p <= T.n and T.cap[p] and space_gap(T.gap[p] or "") then return p end
  -- one lower-case adjective of a region's people or of nearness between
  -- the head and its particle (el municipio malagueño de Pujerra, a
  -- localidade vizinha de Jarinu, il comune bergamasco di Zogno, la
  -- commune voisine de Lélex); not a stop word of the language, an adverb
  -- that ends alike (el pueblo después de Semana Santa, a cidade antes de)
  if HEAD_ADJ.langs[lang] and h + 2 < T.n and not T.cap[h + 1] and space_gap(T.gap[h + 1] or "")
    and utf8.len(T.f[h + 1]) >= 5 and ends_in(T.f[h + 1], HEAD_ADJ.ends) and not is_stop(kb, lang, T.f[h + 1]) then
    local q = past_particles(kb, T, h + 2, lang)
    if q > h + 2 and q <= T.n and T.cap[q] and space_gap(T.gap[q] or "") then return q end
  end
  return nil
end

-- the gap that opens a quoted name -> the closing quote
local PLACE_QUOTE = { [" \194\171"] = "\194\187", [' "'] = '"', [" \226\128\158"] = "\226\128\156",
  [" \226\128\156"] = "\226\128\157" }

-- the endings of a Cyrillic adjective made from a place's name in an
-- oblique case (Сновської, Тверской, Невельского)
local DISTRICT_ADJ = { "ської", "цької", "ського", "цького", "ському", "цькому", "ській", "цькій",
  "ской", "цкой", "ского", "цкого", "скому", "цкому", "ском", "цком" }

-- district_adj(T, text, x): word x is such an adjective with a lower-case
-- word after it (Сновської | міської громади)
local function district_adj(T, text, x)
  while x < T.n and T.gap[x + 1] == "-" do x = x + 1 end   -- (Середино-Будської)
  if not (x < T.n and not T.cap[x + 1]) then return false end
  local w = core.normalize(text:sub(T.s[x], T.e[x]), "NFKC_CF")
  for _, sfx in ipairs(DISTRICT_ADJ) do
    if #w > #sfx + 2 and w:sub(-#sfx) == sfx then return true end
  end
  return false
end

local function lower_places(kb, T, text, from, to, lang, out)
  -- place_ends(e): a place found so far ends at byte e
  local function place_ends(e)
    for _, m in ipairs(out) do
      if m.stop == e and m.type == "place" then return true end
    end
    return false
  end
  -- an abbreviated place head written onto the name with its period (a
  -- place_head with `abbr`: H.Cam Lộ, TX.Quảng Trị): the capitalised words
  -- from the period on are the place
  if next(kb.place_abbr) then
    for k = 1, T.n do
      local letters = abbr_place(kb, T, k, lang)
      -- (a lower-case abbreviation too: Ukrainian с.Порохонь, м.Суми)
      if letters and T.sc[k] == "cased" then
        local a = T.s[k] + #letters + 1
        -- (a letter alone after the period is an initial: P.A.)
        if is_upper(utf8.char(utf8.codepoint(text, a))) and utf8.len(text:sub(a, T.e[k])) > 1 then
          local j = k
          while j < T.n and T.sc[j + 1] == "cased" and T.cap[j + 1] and space_gap(T.gap[j + 1])
            and not any_cue(from, j + 1) and not district_adj(T, text, j + 1) do
            j = j + 1
          end
          add(out, text, a, T.e[j], "place", "cue:place_head", { strong = true })
        end
      end
    end
  end
  for k = 1, T.n do
    -- a place head or a place tail at word k, or nothing to do
    if not (from[k] or to[k]) then goto next_word end
    local c = from[k]
    local ph = c and c.place_head
    local close = ph and ph[1] < T.n and PLACE_QUOTE[T.gap[ph[1] + 1]]
    -- (Vietnamese: a plural head, các, and a colon before the list: các
    -- huyện: Than Uyên, Sìn Hồ)
    local vi_list = lang == "vi" and ph and ph[1] < T.n and T.gap[ph[1] + 1] == ": " and k > 1
      and T.cap[ph[1] + 1] and core.normalize(text:sub(T.s[k - 1], T.e[k - 1]), "NFKC_CF") == "các"
      and ph[1] + 1 or nil
    if close and T.sc[k] == "cased" and not T.cap[k] and not ph[2].cap and T.cap[ph[1] + 1]
      and spelled(T, text, k, ph[1], ph[2]) then
      -- a quoted name after the head (стадион «Лужники», аэропорт «Внуково»):
      -- the name inside the quotes
      local a0 = T.s[ph[1] + 1]
      local z = text:find(close, a0, true)
      if z and z - a0 < 60 and not text:sub(a0, z - 1):find("[\n,.;:!?]") then
        add(out, text, a0, z - 1, "place", "cue:place_head", { strong = true })
      end
    elseif ph and T.sc[k] == "cased" and (not T.cap[k] or ph[2].outside) and ph[1] < T.n
      -- a head written capitalised in the lists and ending in a particle
      -- (Freguesia de), written here in lower case, is the lower-case head
      -- its first word is (freguesia): outside the span
      and (not ph[2].cap or ph[2].outside or ph[1] > k and (kb.particle[T.f[ph[1]]] or kb.connector[T.f[ph[1]]])
        and lower_head(kb, T, text, k))
      and (vi_list or head_gap(T.gap[ph[1] + 1], ph[2]) and head_name(kb, T, ph[1], lang, ph[2]))
      and spelled(T, text, k, ph[1], ph[2])
      -- (not the last word of a title: Chủ tịch nước | Lào, the office of a
      -- state's president, not a country's name after nước)
      and not (to[ph[1]] and to[ph[1]].title and to[ph[1]].title[1] < k) then
      local a = vi_list or head_name(kb, T, ph[1], lang, ph[2])
      -- (a preposition of place, `near`, before a known person or an
      -- organisation the gazetteer matched names no place: near John Smith,
      -- near Google)
      -- (nor, in a sports report, one word the gazetteer lacks: a player
      -- by the surname, il pallone termina nei pressi di Rossetti)
      if a and ph[2].near then
        local e = name_entry(kb, T.f[a], lang)
        if (T.orgs and T.orgs[T.s[a]]) or (T.people and T.people[T.s[a]]) or starts_person(kb, T, a, lang)
          or (e and e.given) then
          a = nil
        elseif not (T.gaz and T.gaz[T.s[a]]) and not (a < T.n and T.cap[a + 1] and space_gap(T.gap[a + 1] or ""))
          and sports_report(kb, T, text, lang) then
          a = nil
        -- (nor between two capitalised words inside a sentence: the
        -- preposition joins a name, Sąd Okręgowy w Warszawie; unless a place
        -- found before ends there: Fayette County near Bloomingburg, w
        -- Juszczynie koło Makowa Podhalańskiego)
        elseif k > 1 and T.cap[k - 1] and T.sc[k - 1] == "cased" and space_gap(T.gap[k] or "")
          and not sentence_initial(T, k - 1) and not place_ends(T.e[k - 1]) then
          a = nil
        end
      end
      local items = 0
      while a and items < 6 do
        local b = cap_run(kb, T, a, 1, lang, 4)
        -- (a title and a capitalised name after the head are a place named
        -- after its namesake, as after a capitalised head: na cidade de
        -- Presidente Prudente, o município de Governador Valadares)
        local titled = items == 0 and b and b > a and from[a] and from[a].title and from[a].title[1] == a
          and not (ph[2].near or ph[2].venue) and space_gap(T.gap[a + 1] or "")
        if not b or (any_cue(from, a) and not titled) then break end
        -- (a next item that is a capitalised head marked outside opens a
        -- place of its own: xã Yên Hà và Thị trấn | Yên Bình)
        if items > 0 and from[a] and from[a].place_head and from[a].place_head[2].outside then break end
        -- (Vietnamese: an abbreviated head opening a next item stays outside
        -- it: quận Tây Hồ, TP | Hà Nội)
        if lang == "vi" and items > 0 and b > a and all_caps(T, a) and utf8.len(T.f[a]) <= 3 then a = a + 1 end
        -- (and one written onto the name with its period is found on its own,
        -- without it: xã Khe Dầm, H.Lục Yên)
        if items > 0 and abbr_place(kb, T, a, lang) then break end
        -- not into a name that ends in a lower-case tail (село Ивановка |
        -- Тверской области)
        while b > a and b < T.n and not T.cap[b + 1] and from[b + 1]
          and (from[b + 1].place_tail or from[b + 1].org_tail) do
          b = b - 1
        end
        -- nor into a Cyrillic adjective of a district's name with its
        -- lower-case noun after it (села Гірськ | Сновської міської громади,
        -- село Ивановка | Тверской области)
        for x = a + 1, b do
          if district_adj(T, text, x) then b = x - 1; break end
        end
        -- nor over a capitalised place head, which opens the next place
        -- (desa Koper | Kecamatan Cikande), unless a connector joins it to
        -- the name (el municipio de Gallegos del Río, San Juan del Río)
        for x = a + 1, b do
          local h = T.cap[x] and T.cap[x - 1] and from[x] and from[x].place_head
          if h and (h[2].cap ~= false or h[2].also_cap) then b = x - 1; break end
        end
        -- nor into a person after it (села Половинки | Александр Иванов:
        -- a known given name and a capitalised word), but past a particle
        -- the name goes on (rua Barão do Rio Branco)
        for x = a + 1, titled and 0 or b do
          if T.cap[x - 1] and starts_person(kb, T, x, lang) then b = x - 1; break end
        end
        -- a venue's name (`venue`) ends before a particle and a city, region
        -- or country the gazetteer knows, where it is (lo stadio Olimpico |
        -- di Roma, el estadio Azteca | de México), and names no list
        if ph[2].venue and T.cities then
          for x = a + 1, b - 1 do
            if not T.cap[x] and kb.particle[T.f[x]] then
              local y = x + 1
              while y < b and not T.cap[y] do y = y + 1 end
              if T.cities[T.s[y]] then b = x - 1; break end
            end
          end
          items = 5
        end
        -- nor into a Vietnamese person after it (tỉnh Quảng Nam | Lê Văn Thành)
        if lang == "vi" then
          -- (but a place of one syllable and a person of one or two after it
          -- is a highland name of three or four: xã Vàng Ma Chải, Mù Cang Chải)
          for x = a + 1, b do
            if not vi_compound(kb, T, a - 1, x, nil, true) then
              if not (x == a + 1 and b - x <= 1) then b = x - 1 end
              break
            end
          end
          -- a next item of a list holds no cue of the text's list: the
          -- capitals of an organisation's words are no place (huyện Lục
          -- Nam, | Phòng Cảnh sát hình sự: Cảnh sát opens a name)
          local cue_in = false
          for x = a + 1, b do if own_cue(from, x, lang) then cue_in = true; break end end
          if items > 0 and cue_in then break end
        end
        add(out, text, T.s[a], T.e[b], "place", "cue:place_head", { strong = true })
        items = items + 1
        -- the next item of a list: ", " or a coordinating connector, a capitalised word
        local g = T.gap[b + 1]
        if b + 1 <= T.n and g == ", " and T.cap[b + 1] then a = b + 1
        elseif b + 2 <= T.n and space_gap(g or "") and kb.coord[T.f[b + 1]] and space_gap(T.gap[b + 2])
          and T.cap[b + 2] then a = b + 2
        else a = nil end
      end
    end
    local e = to[k] and to[k].place_tail
    if e and not e[2].words and T.sc[k] == "cased" and not T.cap[e[1]] and not e[2].cap and e[1] > 1
      and space_gap(T.gap[e[1]]) and T.cap[e[1] - 1] and spelled(T, text, e[1], k, e[2]) then
      local a = cap_run(kb, T, e[1] - 1, -1, lang, 3)
      -- a sentence's first word before the name is no part of it (Deprem
      -- Köprüköy ilçesinde)
      if a and a < e[1] - 1 and sentence_initial(T, a) then a = a + 1 end
      -- Turkish names the province before the district: a one-word place
      -- the gazetteer knows there is a place of its own (Antalya |
      -- Döşemealtı ilçesinde)
      if a and lang == "tr" and a < e[1] - 1 and T.gaz and T.gaz[T.s[a]] == T.e[a]
        and not (T.orgs and T.orgs[T.s[a]]) then
        a = a + 1
      end
      -- (English: an adjective's ending before a plural tail is no name:
      -- Democratic, Republican, Hispanic counties)
      if a and lang == "en" and ends_in(T.f[e[1] - 1], placenames.EN_ADJ_ENDS) then a = nil end
      if a and not (sentence_initial(T, a) and is_stop(kb, lang, T.f[a])) then
        add(out, text, T.s[a], T.e[e[1] - 1], "place", "cue:place_tail", { strong = true })
        -- a plural tail (`list`: Alaca ve Doğatepe mahallelerinde): the
        -- names before it, joined by commas or a coordinator, are places too
        local items = 1
        while e[2].list and a and items < 6 do
          local z
          if a > 1 and T.gap[a] == ", " and T.cap[a - 1] then z = a - 1
          elseif a > 2 and space_gap(T.gap[a] or "") and kb.coord[T.f[a - 1]] and space_gap(T.gap[a - 1] or "")
            and T.cap[a - 2] then z = a - 2 end
          a = z and cap_run(kb, T, z, -1, lang, 3)
          if a and a < z and sentence_initial(T, a) then a = a + 1 end
          if a and not any_cue(from, a) and not (sentence_initial(T, a) and is_stop(kb, lang, T.f[a])) then
            add(out, text, T.s[a], T.e[z], "place", "cue:place_tail", { strong = true })
            items = items + 1
          else
            a = nil
          end
        end
      end
    end
    ::next_word::
  end
end

-- coord_link(kb, T, x): word x is a coordinator before a lower-case
-- particle, or that particle after it (… e delle finanze, et des Finances;
-- not … e il governo)
local function coord_link(kb, T, x)
  if T.cap[x] then return false end
  if kb.coord[T.f[x]] then return x < T.n and kb.particle[T.f[x + 1]] and not T.cap[x + 1] end
  return kb.particle[T.f[x]] and x > 1 and kb.coord[T.f[x - 1]] and not T.cap[x - 1]
end

local QUOTES = { { "«", "»" }, { '"', '"' }, { "„", "“" }, { "“", "”" }, { "「", "」" } }
-- quote_opening(g) -> the opening quote that ends gap g (spaces before it
-- at most) and its closing quote, or nil
local function quote_opening(g)
  -- (most gaps are one space or none: no quote there)
  if #g < 2 and g ~= '"' then return nil end
  for _, qq in ipairs(QUOTES) do
    if g:sub(-#qq[1]) == qq[1] and g:sub(1, -#qq[1] - 1):find("^%s*$") then return qq[1], qq[2] end
  end
  return nil
end

-- fr_institution(kb, T, from, lang, last) -> the last word of the name after
-- the head ending at word last (last when nothing follows); connectors are
-- those of the text's own list (Spanish or Italian a is no French one)
local function fr_institution(kb, T, from, lang, last)
  local function joins(x)
    local jl = not T.cap[x] and kb.joiner_langs[T.f[x]]
    return jl and jl[lang] and (kb.connector[T.f[x]] or kb.coord[T.f[x]]) and true or false
  end
  local function word_ok(x)
    return not any_cue(from, x) and not is_calendar(kb, T, x, lang) and T.f[x]:find("^%d") == nil
  end
  -- (a capitalised word that is only a title elsewhere is a name here:
  -- Institut Pasteur)
  local function cap_ok(x)
    local c = from[x]
    if c and c.title and not (c.say or c.org_head or c.org_tail or c.byline or c.title_after) then
      return not is_calendar(kb, T, x, lang)
    end
    return word_ok(x)
  end
  local w, nw = last, 0
  -- the noun after a connector, with an adjective written before it (de
  -- grande instance): its last word, or nil
  local function noun(y)
    if T.cap[y] or is_stop(kb, lang, T.f[y]) or not word_ok(y) or utf8.len(T.f[y]) < 3 then return nil end
    if FR_PRENOMINAL[T.f[y]] then
      local z = y + 1
      if z <= T.n and space_gap(T.gap[z]) and not T.cap[z] and not is_stop(kb, lang, T.f[z]) and word_ok(z) then
        return z
      end
      return nil
    end
    return y
  end
  -- a head ending in a connector takes a noun first (Caisse des | dépôts)
  if kb.connector[T.f[last]] and last < T.n and space_gap(T.gap[last + 1]) then
    local z = noun(last + 1)
    if z then w, nw = z, 1 end
  end
  while w < T.n and nw < 5 and T.sc[w + 1] == "cased" do
    local x = w + 1
    local g = T.gap[x]
    local elided = g:find("^ ?[dl]['\226]") ~= nil and cue_gap(g)
    if (g == "-" or g == "\226\128\144" or g == "\226\128\145") and w > last then
      -- the rest of a hyphenated word (d'Ile-de-France)
      if not word_ok(x) then break end
      w = x
    elseif not (space_gap(g) or elided) then
      break
    elseif T.cap[x] then
      -- capitalised words (de Paris, du Nord, d'Occitanie)
      if starts_person(kb, T, x, lang) or is_stop(kb, lang, T.f[x]) or not cap_ok(x) then break end
      w, nw = x, nw + 1
    elseif elided then
      -- a noun after an elided connector (Cour d'appel), no infinitive
      -- (l'Union européenne | d'entraver)
      if is_stop(kb, lang, T.f[x]) or not word_ok(x) or T.f[x]:find("[ei]r$") then break end
      w, nw = x, nw + 1
    elseif joins(x) and (nw > 0 or not kb.coord[T.f[x]]) and not FR_VERB_NEXT[T.f[x]] then
      -- (an article first is a verb's object: l'Union européenne | les efforts)
      -- connectors (de la, pour le, et des), then a noun or capitalised words
      local y = x
      while y < T.n and joins(y) and y - x < 3 and space_gap(T.gap[y + 1]) do y = y + 1 end
      if joins(y) then
        -- an elided article on the noun (de l'informatique)
        if not (y < T.n and T.gap[y + 1]:find("^ ?[dl]['\226]") and cue_gap(T.gap[y + 1])) then break end
        y = y + 1
      end
      local g2 = T.gap[y]
      if not (space_gap(g2) or (g2:find("^ ?[dl]['\226]") and cue_gap(g2))) then break end
      -- after et, one more noun of the name (et des libertés), never a
      -- second name (Rassemblement national et La France insoumise)
      if T.cap[y] and kb.coord[T.f[x]] then break end
      if T.cap[y] then
        if starts_person(kb, T, y, lang) or not cap_ok(y) then break end
      else
        y = noun(y)
        if not y then break end
      end
      w, nw = y, nw + 1
    elseif fr_adjective(T, x) and word_ok(x) and not is_stop(kb, lang, T.f[x]) then
      w, nw = x, nw + 1
    else
      break
    end
  end
  return w
end

-- designated_name(kb, T, from, lang, last) -> the last word and the
-- end byte of a company's name after a designator written before it
-- (org_designator with `before`: Indonesian PT, CV) that ends at word last:
-- its capitalised words (PT Brantas Abipraya), then a designator in
-- brackets and one after it (PT Telkom Indonesia (Persero) Tbk, PT
-- Pertamina (Persero)) or a designator after it (PT Bank Mandiri Tbk); no
-- calendar, title or reporting word, no other designator before it; a
-- capitalised stop word is a word of the name (PT Bank Rakyat Indonesia)
local function designated_name(kb, T, from, lang, last)
  local w = last
  while w < T.n and T.cap[w + 1] and (T.sp[w + 1] or false) and T.sc[w + 1] == "cased"
    and not is_calendar(kb, T, w + 1, lang)
    and not (from[w + 1] and (from[w + 1].org_designator or from[w + 1].title or from[w + 1].say)) do
    w = w + 1
  end
  if w == last then return w, T.e[w] end
  local e = T.e[w]
  local d = w < T.n and from[w + 1] and from[w + 1].org_designator
  if d and T.gap[w + 1] == " (" and (T.gap[d[1] + 1] or ""):sub(1, 1) == ")" then
    w = d[1]
    e = T.e[w] + 1
    local d2 = T.gap[w + 1] == ") " and from[w + 1] and from[w + 1].org_designator
    if d2 then w, e = d2[1], T.e[d2[1]] end
  elseif d and (T.sp[w + 1] or false) then
    w, e = d[1], T.e[d[1]]
  end
  return w, e
end

-- organisations whose name continues in lower case (Министерство
-- финансов) or in quotes (ООО «Ромашка»), in cased scripts
-- org_heads(kb, T, text, from, to, lang, out) adds them
-- genitive_chain(kb, T, from, lang, w) -> the last word of a Russian or
-- Ukrainian organisation's name whose words after its head end in lower
-- case at word w: official names go on in the genitive (Управление
-- социальной защиты населения, Погарского районного управления сельского
-- хозяйства, Музей історії міста) and join two fields with и/і/та
-- (Институт теоретической и экспериментальной физики): up to three more
-- such words; not a verb, a stop word, a cue, a calendar word, nor a word
-- for the area or year served (района, области, года: Министерство
-- здравоохранения | региона)
local NAMED_AFTER = { ["имени"] = true, ["імені"] = true, ["им"] = ".", ["ім"] = "." }
local genitive_chain
do
  local CHAIN_GEN = { "і", "ії" }
  for _, e in ipairs(GEN_ENDINGS) do CHAIN_GEN[#CHAIN_GEN + 1] = e end
  local AREA_WORDS = {}
  for _, w in ipairs({ "региона", "области", "района", "страны", "края", "округа", "города", "года", "регіону",
    "області", "району", "країни", "краю", "округу", "року", "москвы", "вчера", "сегодня", "завтра", "вчора",
    "сьогодні", "накануне", "напередодні", "тогда", "тоді", "теперь", "тепер", "также", "також", "снова", "знову",
    "всегда", "завжди", "никогда", "ніколи", "однако", "проте", "вечера", "вечора", "утра", "ранку", "ночи", "ночі",
    "недели", "тижня", "месяца", "місяця" }) do AREA_WORDS[w] = true end
  local function chain_word(kb, T, from, lang, x)
    local f = T.f[x]
    return x <= T.n and (T.sp[x] or false) and T.sc[x] == "cased" and not T.cap[x] and utf8.len(f) >= 4
      and ends_in(f, CHAIN_GEN) and not ends_in(f, VERB_ENDINGS) and not AREA_WORDS[f] and not NAMED_AFTER[f]
      and not is_stop(kb, lang, f) and not any_cue(from, x) and not is_calendar(kb, T, x, lang)
      and not past_verb(f) and not present_verb(f)
  end
  function genitive_chain(kb, T, from, lang, w)
    local extra = 0
    while w < T.n and extra < 3 do
      local x = T.f[w + 1]
      if (x == "и" or x == "і" or x == "та") and (T.sp[w + 1] or false) and chain_word(kb, T, from, lang, w + 2) then
        w, extra = w + 2, extra + 1
      elseif chain_word(kb, T, from, lang, w + 1) then
        w, extra = w + 1, extra + 1
      else break end
    end
    return w
  end
end

local function org_heads(kb, T, text, from, to, lang, out)
  for i = 1, T.n do
    local c = from[i]
    -- a head marked `alone`, one word, capitalised, right after a lower-case
    -- `determiner` of the text's language and before no capitalised word,
    -- names its institution (la Fiscalía, el Ayuntamiento, a Prefeitura, la
    -- Procura): no gazetteer name there
    local oh = c and c.org_head
    if oh and oh[2].alone and oh[1] == i and i > 1 and T.cap[i] and T.sc[i] == "cased" and (T.sp[i] or false)
      and not T.cap[i - 1] and not all_caps(T, i)
      and kb.determiner[T.f[i - 1]] and kb.determiner[T.f[i - 1]][lang]
      and not (i < T.n and T.cap[i + 1] and (T.sp[i + 1] or false))
      and not (T.gaz and T.gaz[T.s[i]]) then
      add(out, text, T.s[i], T.e[i], "org", "cue:org_head")
    end
    local h = c and (c.org_head or c.org_designator)
    -- a head written capitalised in its list starts a name only so
    -- (lower-case "министерство", "bỏ" = Bộ are no heads; ministère is)
    if h and not (T.cap[i] or not (c.org_head and c.org_head[2].cap)) then h = nil end
    -- a head that is also the place_tail of the capitalised word before it
    -- ends that place (Jakarta Pusat | Zulkifli Atjo: no organisation Pusat …)
    if h and c.org_head and to[i] and to[i].place_tail and i > 1 and T.cap[i - 1] and (T.sp[i] or false) then
      h = nil
    end
    -- an org_title with `quoted` takes only a quoted name (компании «X»)
    if not h and c and c.org_title and c.org_title[2].quoted then
      if quote_opening(T.gap[c.org_title[1] + 1] or "") then h = c.org_title end
    end
    if h and T.sc[i] == "cased" then
      local last = h[1]
      local g = T.gap[last + 1] or ""
      local open, close = quote_opening(g)
      if close then
        local from_b = T.e[last] + #g
        local x = text:find(close, from_b + 1, true)
        if x and x - from_b < 80 and not text:sub(from_b, x):find("\n") then
          -- the name is what the quotes hold, the head and the quotes
          -- outside (ООО «[Ромашка]», завод «[Телта]»); a quoted name
          -- inside it keeps its quotes (АО «[Пермский завод «Телта»]»)
          local a, e = from_b + 1, x - 1
          if open ~= close and text:sub(a, e):find(open, 1, true) then e = x + #close - 1 end
          -- (French « X »: spaces and no-break spaces inside the quotes)
          while a <= e do
            if text:sub(a, a) == " " then a = a + 1
            elseif text:sub(a, a + 1) == "\194\160" then a = a + 2
            else break end
          end
          while e >= a do
            if text:sub(e, e) == " " then e = e - 1
            elseif text:sub(e - 1, e) == "\194\160" then e = e - 2
            else break end
          end
          if e > a then add(out, text, a, e, "org", "cue:org_quoted") end
        end
      elseif lang == "fr" and c.org_head and not c.org_head[2].demonym and T.cap[i] and not (to[i] and to[i].title) then
        local w = fr_institution(kb, T, from, lang, last)
        -- (a name the gazetteer knows that goes on past the words is no part of
        -- them; one that opens with the head is the whole name)
        for x = last + 1, w do
          local pe = T.gaz and T.gaz[T.s[x]]
          if pe and pe > T.e[w] then w = x - 1; break end
        end
        local ge = T.gaz and T.gaz[T.s[i]]
        if ge and ge < T.e[w] then
          while w > last and T.e[w] > ge do w = w - 1 end
        end
        while w > last and not T.cap[w] and (kb.connector[T.f[w]] or kb.coord[T.f[w]]) do w = w - 1 end
        if w > last or (c.org_head[2].words == 0 and last > i and not T.cap[last] and not kb.connector[T.f[last]]) then
          add(out, text, T.s[i], T.e[w], "org", "cue:org_head")
        end
      elseif c.org_head and c.org_head[2].words and not (to[i] and to[i].title)
        -- (Vietnamese: a head written onto a number with a slash is part of a
        -- document's number, no name: văn bản số 1234/UBND-VX)
        and not (lang == "vi" and T.gap[i] == "/") then
        -- (a `unit` head takes the head right after it whole: Thanh tra | Bộ
        -- Xây dựng, Văn phòng | Quốc hội; the name goes on from its end)
        local head_end = last
        local inner = lang == "vi" and c.org_head[2].unit and last < T.n and (T.sp[last + 1] or false)
          and T.cap[last + 1] and from[last + 1] and from[last + 1].org_head
        if inner then last = inner[1] end
        local w = last
        local max = c.org_head[2].words
        -- connectors count for no word (Ministero dell'economia e delle
        -- finanze: two words), and the name ends on none
        local nw = 0
        -- Vietnamese: the shape of the syllables decides (stopwords-iso's
        -- Vietnamese list has chính, cao, bộ ...); elsewhere the stop words
        while w < T.n and nw < max and T.sc[w + 1] == "cased" and ((T.sp[w + 1] or false)
            or w == last and cue_gap(T.gap[w + 1]) and not (lang == "vi" and T.gap[w + 1]:find(".", 1, true))
            or lang == "vi" and w > last and (acronym_join(T, w + 1) or abbr_gap(kb, T, w)))
          and not (lang == "vi" and own_cue(from, w + 1, lang) and not vi_inner_head(from, to, T, last, w + 1)
                     and not only_class(from, w + 1, "org_tail")
                   or lang ~= "vi" and any_cue(from, w + 1))
          and not (lang ~= "vi" and starts_person(kb, T, w + 1, lang))
          and not (kb.coord[T.f[w + 1]] and not T.cap[w + 1] and starts_person(kb, T, w + 2, lang))
          and (lang == "vi" and (vi_compound(kb, T, last, w + 1, max <= 3, c.org_head[2].named)
                                 or inner_head_end(from, T, last, w + 1))
                 and not vi_stop_at(kb, T, w + 1)
               or lang ~= "vi" and (not is_stop(kb, lang, T.f[w + 1]) or coord_link(kb, T, w + 1)))
          and not (not T.cap[w + 1] and (past_verb(T.f[w + 1]) or present_verb(T.f[w + 1]))) do
          w = w + 1
          if lang == "vi" or T.cap[w] or not kb.connector[T.f[w]] then nw = nw + 1 end
        end
        -- (Vietnamese: a connector before another head opens a second name,
        -- Tập đoàn X và | Ngân hàng Y)
        local vi_next = lang == "vi" and w < T.n and from[w + 1] and from[w + 1].org_head
        while w > last and not T.cap[w] and kb.connector[T.f[w]] and (lang ~= "vi" or vi_next) do w = w - 1 end
        while w < T.n and T.cap[w + 1] and ((T.sp[w + 1] or false)
            or lang == "vi" and (acronym_join(T, w + 1) or w > last and abbr_gap(kb, T, w)))
          and not (lang ~= "vi" and starts_person(kb, T, w + 1, lang))
          and not initials_at(T, w + 1)
          and (lang ~= "vi" or vi_compound(kb, T, last, w + 1, max <= 3, c.org_head[2].named)
               and not (from[w + 1] and from[w + 1].org_head and not vi_inner_head(from, to, T, last, w + 1))) do
          w = w + 1
        end
        -- Vietnamese: a ministry or department named for several fields,
        -- listed with commas or a hyphen, the last after và (Bộ Văn hóa, Thể
        -- thao và Du lịch; Sở Lao động - Thương binh và Xã hội tỉnh X): the
        -- list is the name; not after a plural (các Bộ Tài chính, Công
        -- Thương và Xây dựng are three) nor over another head
        -- (the name before the list is a field too: its last syllable in
        -- lower case, no connector: not Công an tỉnh Nghệ An, Hà Tĩnh và …)
        local field = w > last and not T.cap[w]
        for x = last + 1, w do if vi_connector(kb, T.f[x]) and not kb.coord[T.f[x]] then field = false end end
        if lang == "vi" and field and not (i > 1 and VI_PLURAL[T.text:sub(T.s[i - 1], T.e[i - 1])]) then
          local z, items = w, 0
          while z + 1 <= T.n and FIELD_SEP[T.gap[z + 1]] do
            local e = vi_field(kb, T, from, z + 1)
            if not e then break end
            z, items = e, items + 1
          end
          local e = items > 0 and z + 2 <= T.n and (T.sp[z + 1] or false) and kb.coord[T.f[z + 1]]
            and vi_connector(kb, T.f[z + 1]) and vi_field(kb, T, from, z + 2)
          if e then
            w = e
            -- (and the place it serves: … tỉnh Nghệ An)
            if w + 2 <= T.n and (T.sp[w + 1] or false) and vi_connector(kb, T.f[w + 1])
              and not kb.coord[T.f[w + 1]] and T.cap[w + 2] and (T.sp[w + 2] or false) then
              w = w + 2
              while w < T.n and T.cap[w + 1] and (T.sp[w + 1] or false)
                and vi_compound(kb, T, last, w + 1, false, false) do
                w = w + 1
              end
            end
          end
        end
        -- Vietnamese: a company's registered name after a designator (Công
        -- ty TNHH, Công ty CP, Tổng Công ty Cổ phần) holds lower-case words
        -- of its trade between capitalised ones: up to five of them, then
        -- the capitalised syllables that end it (Công ty CP Nhiên liệu sinh
        -- học Tùng Lâm, Công ty TNHH MTV Khai thác thủy lợi Quảng Nam), none
        -- a stop word as spelled or a cue, when the name ends there
        -- The same after a head followed at once by lower-case words, which
        -- cannot end the name there (Công ty đầu tư bất động sản Rồng Đất,
        -- Văn phòng công chứng Nguyễn Duy Tâm: a person's name may end it)
        local bare = w == last
        if lang == "vi" and max > 3 and (designated(from, i, w) or bare) then
          local most = bare and 8 or 6
          local z, lower = w + 1, 0
          while z <= T.n and lower <= most and (T.sp[z] or false) and T.sc[z] == "cased" and not T.cap[z]
            and not vi_stop_at(kb, T, z) and not is_calendar(kb, T, z, lang)
            and (not vi_cue(from, T, z) or vi_connector(kb, T.f[z])) do
            z, lower = z + 1, lower + 1
          end
          if lower > 0 and lower <= most and z <= T.n and T.cap[z] and (T.sp[z] or false) and T.sc[z] == "cased"
            and not vi_connector(kb, T.f[z - 1]) then
            local y = z - 1
            while y < T.n and T.cap[y + 1] and (T.sp[y + 1] or false) and T.sc[y + 1] == "cased"
              and not vi_cue(from, T, y + 1) and vi_compound(kb, T, z - 1, y + 1, false, bare) do
              y = y + 1
            end
            -- (the name ends there: punctuation, the text's end, a stop word
            -- of the list as spelled, a title or a reporting verb after it; not
            -- Công ty CP X công bố | Nghị quyết)
            local nx = from[y + 1]
            local after = y < T.n and (T.sp[y + 1] or false)
              and not (T.sc[y + 1] == "cased" and (vi_stop_at(kb, T, y + 1)
                                                  or nx and (nx.say or nx.title)))
            -- (nor a company's designator after the words: Hội đồng quản trị |
            -- CTCP Tập đoàn X is the board of another)
            if y >= z and not after and not (from[z] and from[z].org_designator) then
              w = y
            end
          end
        end
        -- Vietnamese: a department's name goes on in lower case after its
        -- capitalised syllables when it ends in a lower-case one (Cục Cảnh sát
        -- giao thông, Bộ Giao thông vận tải, Trung tâm Kiểm soát bệnh tật; not
        -- Quân đội Israel | tiếp tục): up to four syllables, no cue,
        -- stop word, level word or calendar word among them, when what
        -- follows ends a name: an auxiliary or the copula (đã, vừa, sẽ, là;
        -- not với: … phối hợp với), a reporting verb, a bracket, or the seat
        -- (a level word and a capitalised name, a place
        -- of the gazetteer: Cục Quản lý thị trường tỉnh X, … bệnh tật
        -- TP.HCM); no connector or word of a relation among them (thuộc,
        -- tại: Trường X | thuộc Đại học Y); not a verb before its object (Bộ
        -- Tài chính công bố kết quả.) nor a company's name (see above)
        if lang == "vi" and max > 3 and w > last and not T.cap[w] and not designated(from, i, w) then
          local has_seat = false
          for x = last + 1, w do if vi_level(kb, T, x) then has_seat = true end end
          local z, n = w + 1, 0
          while not has_seat and z <= T.n and n < 4 and (T.sp[z] or false) and T.sc[z] == "cased"
            and not T.cap[z] and not vi_stop_at(kb, T, z) and not vi_cue(from, T, z)
            and not vi_level(kb, T, z) and not is_calendar(kb, T, z, lang) and not vi_connector(kb, T.f[z])
            and not kb.stop_raw[T.text:sub(T.s[z], T.e[z])] and not VI_REL[T.text:sub(T.s[z], T.e[z])] do
            z, n = z + 1, n + 1
          end
          if n > 0 and z <= T.n then
            local nx = from[z]
            local lv = (T.sp[z] or false) and vi_level(kb, T, z)
            local pe = T.cap[z] and (T.sp[z] or false) and (T.places and T.places[T.s[z]] or T.gaz and T.gaz[T.s[z]])
            if lv and lv < T.n and T.cap[lv + 1] and (T.sp[lv + 1] or false) then
              w = lv + 1
              while w < T.n and T.cap[w + 1] and (T.sp[w + 1] or false)
                and vi_compound(kb, T, lv, w + 1, false, false) do
                w = w + 1
              end
            elseif pe then
              w = word_ending(T, pe) or z - 1
            elseif (T.sp[z] or false) and VI_AUX[T.text:sub(T.s[z], T.e[z])]
              or nx and nx.say or (T.gap[z] or ""):find("^ ?%(") then
              w = z - 1
            end
          end
        end
        -- Vietnamese: lower-case syllables up to a qualifier the list has
        -- as an org_tail (quốc gia, trung ương): up to eight right after the
        -- head (Trung tâm dự báo khí tượng thủy văn quốc gia), one after a
        -- capitalised name (Tổng Công ty Truyền tải điện Quốc gia; not Bộ
        -- Công an bảo vệ an ninh quốc gia), none a stop word as spelled (đã,
        -- về: not khí) or a cue; not after a head that is a whole name
        -- (words=3 or fewer: Quốc hội) nor after one inside another's name
        -- (Công an of Bộ Công an)
        if lang == "vi" and max > 3 and not (to[i - 1] and to[i - 1].org_head) then
          local limit = w == last and 8 or 1
          for z = w + 1, math.min(T.n, w + limit + 3) do
            if not (T.sp[z] or false) or T.sc[z] ~= "cased" then break end
            local t = to[z] and to[z].org_tail
            if t and t[1] > w and t[1] - w - 1 <= limit then w = z; break end
            if T.cap[z] and not (from[z] and from[z].org_tail) or kb.stop_raw[T.text:sub(T.s[z], T.e[z])]
              or vi_cue(from, T, z) and not from[z].org_tail or is_calendar(kb, T, z, lang) then
              break
            end
          end
        end
        -- Vietnamese: a level word alone after an administrative acronym or
        -- head that ends the name (tỉnh, huyện, xã, thành phố: no place's name
        -- after it) names the unit of the place the text is about, and is
        -- the name's end (Văn phòng UBND tỉnh, not Văn phòng UBND | tỉnh)
        if lang == "vi" and w > head_end and w < T.n and (T.sp[w + 1] or false)
          and (all_caps(T, w) or to[w] and to[w].org_head) then
          local z = vi_level(kb, T, w + 1)
          if z and not (z < T.n and T.sc[z + 1] == "cased" and T.cap[z + 1] and (T.sp[z + 1] or false)) then
            w = z
          end
        end
        if CYR_SURNAME_LANGS[lang] and w > last and not T.cap[w] then w = genitive_chain(kb, T, from, lang, w) end
        -- Russian, Ukrainian: a region or city the gazetteer knows that
        -- starts among those words and goes on past them is the name's
        -- whole (Арбитражный суд Московской области, not … Московской)
        for x = last + 1, T.gaz and w or 0 do
          local pe = T.gaz[T.s[x]]
          local c0 = utf8.codepoint(T.f[x], 1)
          if pe and pe > T.e[w] and c0 >= 0x0400 and c0 < 0x0530 and not (T.places and T.places[T.s[x]]) then
            w = word_ending(T, pe) or w
            break
          end
        end
        -- a gazetteer place that starts among those words and goes on past
        -- them is no part of the name (Ministerstvo vnitra | České republiky)
        for x = last + 1, w do
          local pe = T.places and T.places[T.s[x]]
          if pe and pe > T.e[w] then w = x - 1; break end
        end
        -- with words=0, a head of several words ending in lower case is a
        -- name on its own (Министерство финансов)
        if w > head_end or (max == 0 and last > i and not T.cap[last] and not kb.connector[T.f[last]]) then
          add(out, text, T.s[i], T.e[w], "org", "cue:org_head")
        end
      elseif c.org_designator and c.org_designator[2].before and not c.org_head then
        local w, e = designated_name(kb, T, from, lang, last)
        if w > last then add(out, text, T.s[i], e, "org", "cue:org_designator") end
      end
    end
  end
end

-- designators(T, text, from, out): an organisation a cue or the
-- gazetteer found, then a company designator after a space, a comma or an
-- ampersand: the designator is a part of its name (Komerční banka, a.s.;
-- Banco Santander, S.A.; Wells Fargo & Co.).  A found name is lengthened, a
-- gazetteer name given as a longer one (cue:org_designator)
local function designators(T, text, from, out)
  local at_end = {}
  for k = 1, T.n - 1 do
    local d = from[k + 1] and from[k + 1].org_designator
    -- (not one written before its name: PT Wijaya Karya, | PT Amarta Karya)
    if d and d[2].before then d = nil end
    -- (a designator in lower case has a period or three letters: a.s., plc;
    -- not the Czech pronoun se, SE's letters)
    local shape = d and (T.cap[k + 1] or text:sub(T.s[k + 1], T.e[d[1]]):find("%.") or utf8.len(T.f[k + 1]) >= 3)
    local g = T.gap[k + 1]
    if shape and (g == " " or g == ", " or (g == " & " and T.f[k + 1] == "co")) then
      at_end[T.e[k]] = { d[1], k + 1 }
    end
  end
  if not next(at_end) then return end
  local seen = {}
  for _, m in ipairs(out) do
    local d = m.type == "org" and at_end[m.stop]
    if d then
      m.stop = designator_stop(T, text, d[1], d[2])
      m.surface = text:sub(m.start, m.stop)
    end
    seen[m.start] = true
  end
  local starts = {}
  for s0, e0 in pairs(T.orgs or {}) do if at_end[e0] and not seen[s0] then starts[#starts + 1] = s0 end end
  table.sort(starts)
  for _, s0 in ipairs(starts) do
    local d = at_end[T.orgs[s0]]
    add(out, text, s0, designator_stop(T, text, d[1], d[2]), "org", "cue:org_designator")
  end
end

-- org_appositions(kb, T, text, from, lang, out): capitalised words right
-- before a comma and an `org_title` of the text's language with no article
-- are the organisation the word describes (Sapol, sindicato profesional
-- ...; por Ciudadanos, formación de centro; d'Acme, filiale du groupe): one
-- to five words, none a cue, no gazetteer name over them, no person's name
-- (a known given name first, or one word that is a known name), no stop
-- word first (that is left out).  With an article the words after the
-- comma are as often the next clause's subject (al Marassi, la formazione
-- toscana mette ...): none then
-- Only in a language whose cue list has articles (`determiner`): one
-- without them starts the next clause so too (Как напомнил Дрозденко,
-- компании принадлежит ...); and never over a person found there.
local function org_appositions(kb, T, text, from, lang, out)
  if not kb.determiner_langs[lang] then return end
  local people = {}
  for _, m in ipairs(out) do
    if m.type == "person" then people[#people + 1] = m end
  end
  for k = 3, T.n do
    local c = from[k] and from[k].org_title
    if c and not T.cap[k] and T.sc[k] == "cased" then
      local a = k
      local j = a - 1
      if j >= 1 and T.gap[a] == ", " and T.cap[j] and T.sc[j] == "cased" then
        local i = j
        while i > 1 and j - i < 4 and T.cap[i - 1] and (T.sp[i] or false) do i = i - 1 end
        while i <= j and (is_stop(kb, lang, T.f[i]) or own_stop(kb, lang, T.f[i])) do i = i + 1 end
        local ok = i <= j and not (T.gaz and T.gaz[T.s[i]]) and not starts_person(kb, T, i, lang)
        for x = i, ok and j or 0 do
          if any_cue(from, x) or is_calendar(kb, T, x, lang) or (T.gaz and T.gaz[T.s[x]]) then ok = false end
        end
        local e = ok and i == j and name_entry(kb, T.f[i], lang)
        if e and (e.given or e.surname) then ok = false end
        for _, m in ipairs(ok and people or {}) do
          if m.start <= T.e[j] and T.s[i] <= m.stop then ok = false end
        end
        if ok then add(out, text, T.s[i], T.e[j], "org", "cue:org_title") end
      end
    end
  end
end

-- acronym_orgs(kb, T, text, from, lang, out): organisations named by an
-- acronym in Latin capitals.  (1) A name defined by its acronym in
-- brackets right after it, when the acronym spells the initials of the
-- name's words (Unidad Central Operativa (UCO), Office français de la
-- biodiversité (OFB), Gabinete de Segurança Institucional (GSI-PA)): the
-- initials of its words but the connectors, or of all its words; not an
-- acronym of the stop words (Índice de Precios al Consumidor (IPC)), a
-- place of the gazetteer or opened by a place_head (Parque Nacional da
-- Peneda-Gerês (PNPG)), not a person's name (its first word a given
-- name: Andrés Manuel López Obrador (AMLO)); its acronym's repeats are
-- glean.entities.propagate's.  (2) An acronym of two to six capitals, or a
-- word in camel case, right after a lower-case `determiner` of the text's
-- language (la ONU, del SiCobas, l'UNSA, dalla DDA): no stop word (el PIB, la TVA), cue,
-- Roman numeral or gazetteer name, and no capitalised word after it (the
-- start of a longer name, la CGT Conseil ...: other rules)
local acronym_orgs
do
  local ACR_MAX_WORDS = 12
  local function ascii_acronym(w, max)
    return #w >= 2 and #w <= max and w:find("^%u[%u%d&]+$") ~= nil and w:find("%u.*%u") ~= nil
  end
  -- (a union's or a company's name written in camel case: SiCobas, OpenAI)
  local function camel(w)
    return #w >= 4 and #w <= 12 and w:find("^%u%l+%u[%a%d]*$") ~= nil
  end
  local function initial(T, x)
    return fold(T.text:sub(T.s[x], (utf8.offset(T.text, 2, T.s[x]) or T.s[x] + 1) - 1))
  end
  local function name_gap(g)
    return g == " " or g == "-" or g:find("^ ?%a*'$") ~= nil or g:find("^ ?%a*\226\128\153$") ~= nil
  end
  -- does a word of x..y begin an organisation's cue (head, tail, designator,
  -- title), or the first word begin a head of two words (Unidad de: Unidad
  -- Táctica Móvil)?  A name with none defines a term, no body (Gross
  -- Domestic Product (GDP), Chief Executive Officer (CEO), Value Added Tax)
  local ORG_CUES = { "org_head", "org_tail", "org_designator", "org_title" }
  local function org_worded(kb, T, from, x, y)
    for z = x, y do
      local c = from[z]
      if c then
        for _, class in ipairs(ORG_CUES) do
          if c[class] then return true end
        end
      end
    end
    for w, nxt in pairs(kb.trie[T.f[x]] or {}) do
      if w ~= "ends" and nxt.ends and nxt.ends.org_head then return true end
    end
    return false
  end
  -- spelled_before(kb, T, from, last, acr) -> true when the words ending at
  -- word last (before a comma) spell acr by their initials, connectors left
  -- out, and none is an organisation's cue: the acronym repeats the term
  -- just named (l'aide médicale de l'État, l'AME; la prime pour l'emploi, la
  -- PPE), no body
  local function spelled_before(kb, T, from, last, acr)
    local content = {}
    local x = last
    while x >= 1 and last - x < ACR_MAX_WORDS and T.sc[x] == "cased" do
      local conn = not T.cap[x] and (kb.connector[T.f[x]] or kb.coord[T.f[x]] or kb.determiner[T.f[x]])
      if not conn then table.insert(content, 1, initial(T, x)) end
      if not conn and concat(content) == acr then return not org_worded(kb, T, from, x, last) end
      if #content >= #acr then return false end
      x = x - 1
    end
    return false
  end
  function acronym_orgs(kb, T, text, from, lang, out)
    local by_gaz = {}   -- acronyms defined in brackets after a gazetteer's name
    for k = 2, T.n do
      local g = T.gap[k]
      if T.sc[k] == "cased" and T.cap[k] then
        local w = text:sub(T.s[k], T.e[k])
        -- (1) Name (ACR) or Name (ACR-XX)
        local close = T.gap[k + 1] or ")"
        local hy = close == "-" and k < T.n and ascii_acronym(text:sub(T.s[k + 1], T.e[k + 1]), 3)
          and (T.gap[k + 2] or ")"):sub(1, 1) == ")"
        if (g == " (" or g == "(") and ascii_acronym(w, 8) and (close:sub(1, 1) == ")" or hy)
          and not is_stop(kb, lang, T.f[k]) then
          local acr = fold(w:gsub("&", ""))
          local content, all = {}, {}
          local x = k - 1
          while x >= 1 and k - x <= ACR_MAX_WORDS and T.sc[x] == "cased" do
            local conn = not T.cap[x] and (kb.connector[T.f[x]] or kb.coord[T.f[x]])
            local ini = initial(T, x)
            table.insert(all, 1, ini)
            if not conn then table.insert(content, 1, ini) end
            if T.cap[x] and (concat(content) == acr or concat(all) == acr) then
              local ge = T.gaz and T.gaz[T.s[x]]
              local e = name_entry(kb, T.f[x], lang)
              if x < k - 1 and not (ge and ge >= T.e[k - 1] and not (T.orgs and T.orgs[T.s[x]] == ge))
                and not (from[x] and from[x].place_head)
                and not (e and e.given and not from[x]) and org_worded(kb, T, from, x, k - 1) then
                add(out, text, T.s[x], T.e[k - 1], "org", "shape:acronym", { strong = true })
              end
              if ge and ge >= T.e[k - 1] then by_gaz[w] = true end
              break
            end
            if #content > #acr or not name_gap(T.gap[x]) then break end
            x = x - 1
          end
        end
        -- (2) determiner ACR
        local d
        if g == " " and not T.cap[k - 1] then
          d = T.f[k - 1]
        else
          local el = g:match("^(%l+)'$") or g:match("[^%a](%l+)'$")
            or g:match("^(%l+)\226\128\153$") or g:match("[^%a](%l+)\226\128\153$")
          if not el and not T.cap[k - 1] then
            -- (an elided article written onto the word before: dell' as a word)
            el = (g == "'" or g == "\226\128\153") and T.f[k - 1] or nil
          end
          d = el and fold(el)
        end
        d = d and kb.determiner[d]
        -- (the words before a comma ahead of the determiner, whose initials
        -- spell the acronym: a term's abbreviation, spelled_before)
        local last = g:find(",", 1, true) and k - 1 or (T.gap[k - 1] or ""):find(",", 1, true) and k - 2 or nil
        -- (not an acronym defined in brackets after a gazetteer's name: it is
        -- that entity, propagated: la Alianza Vecinal Serrana (AVS) ... la AVS)
        if d and d[lang] and (ascii_acronym(w, 6) and not w:find("&") or camel(w)) and not w:find("^[IVXLCDM]+$")
          and not by_gaz[w] and not (last and last >= 1 and spelled_before(kb, T, from, last, fold(w)))
          and not is_stop(kb, lang, T.f[k]) and not any_cue(from, k) and not (T.gaz and T.gaz[T.s[k]])
          and not (k < T.n and T.cap[k + 1] and (T.sp[k + 1] or false)) and (T.gap[k + 1] or "") ~= "-" then
          add(out, text, T.s[k], T.e[k], "org", "shape:acronym")
        end
      end
    end
  end
end

-- organisations whose capitalised name ends in a lower-case tail word
-- with words=N (Ленинский районный суд, Государственная дума): back over
-- up to N lower-case words to a capitalised one (hyphenated words before
-- it too), all with an adjective's shape in Cyrillic; after the tail,
-- capitalised words (суд Москвы) or a quoted name (завод «Телта»)
-- tails(kb, T, text, from, to, lang, out) adds them (places ending in a
-- place_tail with words=N too)
local tails
do
  local TAIL_TYPES = { "org", "place" }
  -- (verbal nouns of Russian and Ukrainian: Повноваження, Управління,
  -- Решение, Развитие: no adjective)
  -- (-ие holds -ние and -тие)
  local NOUN_ENDS = { "ння", "ття", "сся", "ие" }
  -- (the endings in -ка after a vowel, which that rule leaves alone)
  local KA_AFTER_VOWEL = { "ика", "ока", "ека", "ака", "ука" }
  function tails(kb, T, text, from, to, lang, out)
    for j = 1, T.n do
     for t = 1, to[j] and 2 or 0 do   -- (no call for the words without a cue)
      local typ = TAIL_TYPES[t]
      local e = to[j][typ == "org" and "org_tail" or "place_tail"]
      if e and e[2].words and T.sc[j] == "cased" and not T.cap[e[1]] then
        local k, n, start = e[1] - 1, 0, nil
        while k >= 1 and n <= e[2].words and T.sc[k] == "cased" and (T.sp[k + 1] or false)
          and adjective_shape(T.f[k], lang) do
          -- (folding makes -ий of -ии: a noun's locative, В Удмуртии судом, is
          -- no adjective opening a name)
          if T.cap[k] then
            if text:sub(T.e[k] - 3, T.e[k]) ~= "\208\184\208\184" then start = k end
            break
          end
          if n == e[2].words or is_stop(kb, lang, T.f[k]) or any_cue(from, k) then break end
          k, n = k - 1, n + 1
        end
        if start and (own_stop(kb, lang, T.f[start]) or is_calendar(kb, T, start, lang)
            or (sentence_initial(T, start) and is_stop(kb, lang, T.f[start])) or any_cue(from, start)) then
          start = nil
        end
        -- Russian, Ukrainian: a sentence's first word that is a verbal noun, a
        -- noun in -ка after a consonant or an active participle opens no such
        -- name (Повноваження наглядової ради, Виставка … музею, Прибывшие
        -- оперативные службы; Київська міська рада, Велика рада are names)
        if start and CYR_SURNAME_LANGS[lang] and sentence_initial(T, start) and not place_adj(T.f[start])
          and (ends_in(T.f[start], NOUN_ENDS) or T.f[start]:find("вш") or T.f[start]:find("[юя]щ")
               or (T.f[start]:sub(-4) == "ка" and not ends_in(T.f[start], KA_AFTER_VOWEL))) then
          start = nil
        end
        if start then
          while start > 1 and T.cap[start - 1] and (T.gap[start] == "-" or T.gap[start] == "\226\128\144") do
            start = start - 1
          end
          local stop = T.e[j]
          local g = T.gap[j + 1] or ""
          local _, close = quote_opening(g)
          -- a place ends with its tail (Белгородской области | Вячеслав Гладков);
          -- an organisation takes a quoted name or capitalised words after it
          if typ == "place" then
            stop = T.e[j]
          elseif close then
            local x = text:find(close, T.e[j] + #g + 1, true)
            if x and x - T.e[j] < 80 and not text:sub(T.e[j], x):find("\n") then stop = x + #close - 1 end
          else
            local w = j
            -- (Russian, Ukrainian: lower-case genitive words of the name after
            -- the tail, музею історії міста; then no capitalised words)
            if CYR_SURNAME_LANGS[lang] and typ == "org" then w = genitive_chain(kb, T, from, lang, j) end
            while w < T.n and T.cap[w + 1] and (T.sp[w + 1] or false) and not is_calendar(kb, T, w + 1, lang)
              and not own_stop(kb, lang, T.f[w + 1]) and not any_cue(from, w + 1) and not initials_at(T, w + 1)
              and not initials_at(T, w + 2)
              -- (a person after it: … военной администрации | Павел Кириленко)
              and not starts_person(kb, T, w + 1, lang) do
              w = w + 1
            end
            -- Russian, Ukrainian: a person's name after имени/імені (театр
            -- имени Пушкина, театр имени А. С. Пушкина) is the name's too
            -- (abbreviated им./ім. with its period: музей им. А. Шептицкого)
            local na = w + 2 <= T.n and NAMED_AFTER[T.f[w + 1]]
            if na and (T.sp[w + 1] or false) and T.cap[w + 2]
              and ((na == true and (T.sp[w + 2] or false)) or (na == "." and T.gap[w + 2] == ". ")) then
              w = w + 2
              while w < T.n and T.cap[w + 1] and ((T.sp[w + 1] or false) or initials_at(T, w)) do w = w + 1 end
            end
            stop = T.e[w]
            -- a place the gazetteer knows that opens there goes on past the
            -- capitals (суд Московской области, not суд Московской)
            local pe = w > j and T.gaz and T.gaz[T.s[w]]
            if pe and pe > stop and word_ending(T, pe) then stop = pe end
            -- (Polish, Czech, Slovak: a court's or office's seat after it:
            -- Městský soud v Praze, Krajského soudu v Plzni)
            if w == j and typ == "org" then stop = seat_stop(T, lang, j) or stop end
          end
          add(out, text, T.s[start], stop, typ, "cue:" .. typ .. "_tail")
          -- a plural tail (`list`: Харківського, Богодухівського та Ізюмського
          -- районів): the capitalised adjectives before it, joined by commas or
          -- a coordinator and ending like the one before the tail, are places
          -- too, a hyphenated one whole (Середино-Будську, Хотинську та
          -- Зноб-Новгородську громади)
          local items, a, last = 1, start, T.f[e[1] - 1]
          while typ == "place" and e[2].list and items < 8 do
            local z
            if a > 1 and T.gap[a] == ", " then z = a - 1
            elseif a > 2 and (T.sp[a] or false) and kb.coord[T.f[a - 1]] and not T.cap[a - 1]
              and (T.sp[a - 1] or false) then z = a - 2 end
            local z0 = z
            while z0 and z0 > 1 and T.cap[z0 - 1] and T.gap[z0] == "-" do z0 = z0 - 1 end
            if not (z and T.cap[z] and T.sc[z] == "cased" and adjective_shape(T.f[z], lang)
              and T.f[z]:sub(-4) == last:sub(-4) and not any_cue(from, z) and not is_stop(kb, lang, T.f[z])
              and not (T.gaz and T.gaz[T.s[z0]])) then break end
            add(out, text, T.s[z0], T.e[z], "place", "cue:place_tail")
            a, items = z0, items + 1
          end
        end
      end
     end
    end
  end
end

-- lists(kb, T, text, runs, from, to, lang, found) -> more: a capitalised
-- run of two or three words that nothing classified, listed beside a person
-- (Alphonso Davies, Kingsley Coman und Thomas Müller; Ana Ruiz and Pedro
-- Gil): a person too.  Not a word a cue, the gazetteer or a stop list
-- knows, not written in capitals, and the neighbour is a person that a cue
-- or a name list found (this runs before propagation)
local function lists(kb, T, text, runs, from, to, lang, found)
  local word_at = {}
  local person_stop, person_start = {}, {}
  for _, m in ipairs(found) do
    local k = word_starting(T, m.start)
    if k then
      while k <= T.n and T.s[k] <= m.stop do word_at[k] = true; k = k + 1 end
    end
    if m.type == "person" then person_stop[m.stop], person_start[m.start] = true, true end
  end
  local function coord(k) return k >= 1 and k <= T.n and not T.cap[k] and kb.coord[T.f[k]] and (T.sp[k] or false) end
  -- the items: runs cut at their lower-case words that are no particle
  local items = {}
  for _, run in ipairs(runs) do
    local a = run[1]
    for k = run[1], run[2] + 1 do
      if k > run[2] or (not T.cap[k] and not kb.particle[T.f[k]]) then
        if k - 1 >= a then items[#items + 1] = { a, k - 1 } end
        a = k + 1
      end
    end
  end
  local more = {}
  for _, run in ipairs(items) do
    local i, j = run[1], run[2]
    -- (Turkish: a plural noun opening the sentence is no word of a name,
    -- Futbolcular Metehan Baltacı, Alassane Ndao …)
    if lang == "tr" and j > i and sentence_initial(T, i) and not name_entry(kb, T.f[i], lang)
      and ends_in(T.f[i], TR_PLURAL) then
      i = i + 1
    end
    local nt = name_tokens(T, i, j)
    -- (one word too in Spanish and Portuguese, where nouns are written in
    -- lower case: a player's or a politician's surname listed after a
    -- person, Carlos Vinícius e Willian, Brahim Díaz y Modric)
    local one = nt == 1 and i == j and START_GIVEN[lang] and utf8.len(T.f[i]) >= 3 and not all_caps(T, i)
      and not sentence_initial(T, i)
    -- (and a given name alone before a coordinator and a person whose
    -- first word is a given name too: the couple or siblings share the
    -- surname, Michelle et Noel Keserwany, Hillary and Bill Clinton)
    local pair_given = nt == 1 and i == j and not one and kb_mod.plain_given(kb, T.f[i], lang) and not all_caps(T, i)
      and utf8.len(T.f[i]) >= 3 and j + 3 <= T.n and coord(j + 1) and (T.sp[j + 2] or false)
      and person_start[T.s[j + 2]] and T.cap[j + 3] and (T.sp[j + 3] or false)
      and kb_mod.plain_given(kb, T.f[j + 2], lang)
    local ok = (one or pair_given or nt >= 2 and nt <= 3 and j - i <= 3) and not is_stop(kb, lang, T.f[i])
      and not own_stop(kb, lang, T.f[i]) and T.cap[j]
    for k = i, j do
      if not ok then break end
      ok = not word_at[k] and not (T.gaz and T.gaz[T.s[k]]) and not from[k] and not to[k]
        and not is_calendar(kb, T, k, lang) and (not T.cap[k] or (title_case(T, k) and utf8.len(T.f[k]) > 1))
        and (k == i or T.sp[k] or false)
    end
    -- in a language that capitalises nouns a word of the name lists
    if ok and NOUN_CAPITALISING[lang] then
      ok = false
      for k = i, j do
        local e = T.cap[k] and name_entry(kb, T.f[k], lang)
        if e and not common_in(kb, e, lang) then ok = true; break end
      end
    end
    -- and not in a line written in title case (a headline: Big Tech,
    -- Small Business and Jane Doe)
    if ok then ok = not title_line(kb, T, i) end
    -- (nor words right after a particle or connector: an office's or a
    -- department's name, diretor de Planejamento Urbano, Ana Lima)
    -- (unless the first word is a given name of the lists and two words or
    -- more follow: in the spirit of Charlie Baker or Larry Hogan)
    if ok and not pair_given and i > 1 and not T.cap[i - 1] and (T.sp[i] or false)
      and (kb.particle[T.f[i - 1]] or kb.connector[T.f[i - 1]]) and not kb.coord[T.f[i - 1]] then
      local g = j > i and name_entry(kb, T.f[i], lang)
      ok = g and g.given and not (T.gaz and T.gaz[T.s[i]]) or false
    end
    if ok then
      -- (after a comma, an item that goes on in lower case is no list's
      -- unless the name lists know a word of it: the subject set off by a
      -- comma, Bakan Yılmaz Tunç, Süper Kupa finalinin …)
      local goes_on = j < T.n and not coord(j + 1) and not T.cap[j + 1] and (T.sp[j + 1] or false)
      if goes_on then
        for k = i, j do
          local e = name_entry(kb, T.f[k], lang)
          if e and not common_in(kb, e, lang) then goes_on = false; break end
        end
      end
      -- (a coordinator after a comma too: A, B, and C; A, B, y C)
      local function coord_c(k) return coord(k) or k >= 1 and k <= T.n and T.gap[k] == ", " and not T.cap[k]
        and kb.coord[T.f[k]] ~= nil end
      local left = (T.gap[i] == ", " and person_stop[T.e[i - 1] or -1] and not goes_on)
        or (coord_c(i - 1) and (T.sp[i] or false) and person_stop[T.e[i - 2] or -1])
      local right = (T.gap[j + 1] == ", " and person_start[T.s[j + 1] or -1])
        or (coord_c(j + 1) and (T.sp[j + 2] or false) and person_start[T.s[j + 2] or -1])
      -- (a word alone only after the person: before one it may end a place's
      -- or an office's name, Freguesias de X e Y, vereadora da Mobilidade)
      if one then right = false end
      -- (and the coordinator one of the text's language: the Slovak a 'and'
      -- is the Spanish preposition, Juan Carlos Rodríguez a Toledo)
      local jl = kb.joiner_langs[T.f[i - 1]]
      if one and T.gap[i] ~= ", " and not (jl and jl[lang]) then left = false end
      if pair_given then left, right = false, true end
      if left or right then add(more, text, T.s[i], T.e[j], "person", "cue:list") end
    end
  end
  return more
end

-- nicknames(kb, T, text, lang) -> more: a given name of the lists, a
-- nickname of one capitalised word in quotes and one or two title-case
-- words (Luis "Lucho" González, Dwayne ‘The Rock’ Johnson is two words and
-- none): one person, the quotes inside (source "shape:nickname"); the
-- nickname and the surname alone were read as a player or a name's repeat
local nicknames
do
  local NICK_OPEN = { ['"'] = true, ["'"] = true, ["\226\128\156"] = true, ["\226\128\152"] = true,
    ["\194\180"] = true, ["\194\171"] = true, ["\226\128\158"] = true }
  local NICK_CLOSE = { ['"'] = true, ["'"] = true, ["\226\128\157"] = true, ["\226\128\153"] = true,
    ["\194\180"] = true, ["\194\187"] = true, ["\226\128\156"] = true }
  function nicknames(kb, T, text, lang)
    local more = {}
    for k = 1, T.n - 2 do
      local g1, g2 = T.gap[k + 1] or "", T.gap[k + 2] or ""
      local open = g1:match("^ (.+)$") or g1:match("^\194\160(.+)$")
      local close = g2:match("^(.-) $") or g2:match("^(.-)\194\160$")
      if open and close and NICK_OPEN[open] and NICK_CLOSE[close] and T.sc[k] == "cased" and title_case(T, k)
        and T.cap[k + 1] and T.sc[k + 1] == "cased" and title_case(T, k + 2) and utf8.len(T.f[k + 2]) >= 2
        and not is_stop(kb, lang, T.f[k + 2]) then
        local e = name_entry(kb, T.f[k], lang)
        if e and e.given and not is_stop(kb, lang, T.f[k]) then
          local j = k + 2
          if j < T.n and (T.sp[j + 1] or false) and title_case(T, j + 1) and not is_stop(kb, lang, T.f[j + 1]) then
            j = j + 1
          end
          add(more, text, T.s[k], T.e[j], "person", "shape:nickname")
        end
      end
    end
    return more
  end
end

-- score_lines(kb, T, text, lang, out): the two sides of a match result
-- (Cagliari-Genoa 4-1, Lecce – Fiorentina 3 - 2, BRESCIA - PARMA (1-2),
-- Спартак — Зенит 2:2) are teams, organisations, though the gazetteer
-- knows a side as a city: capitalised words (up to three a side) joined by
-- a dash, then one score.  Not when a side is a country the gazetteer knows
-- (national teams) or, written in two words or more, holds a given name of
-- the lists (Marco Rossetti - Vanni),
-- not when a second score follows (tennis sets: 6-4 6-3); a side the
-- gazetteer knows as an organisation (a listed club) keeps its match.  The
-- sides are strong: they win their span.
local SCORE_SEP = { ["-"] = true, [":"] = true, [" - "] = true, [" : "] = true, ["\226\128\147"] = true,
  [" \226\128\147 "] = true }
local SIDE_SEP = { ["-"] = true, [" - "] = true, ["\226\128\147"] = true, [" \226\128\147 "] = true,
  ["\226\128\148"] = true, [" \226\128\148 "] = true }
local function score_lines(kb, T, text, lang, out)
  local function score_at(k)   -- word k opens a score: number, separator, number
    return k + 1 <= T.n and T.sc[k] == "number" and T.sc[k + 1] == "number" and SCORE_SEP[T.gap[k + 1]] ~= nil
      and #T.f[k] <= 2 and #T.f[k + 1] <= 2
  end
  local function side(a, b)   -- words a..b: one side, or nil
    for k = a, b do
      if T.sc[k] ~= "cased" or not T.cap[k] then return nil end
      local e = b > a and name_entry(kb, T.f[k], lang)
      if e and e.given then return nil end   -- (a side of one word may be: Roma)
    end
    local s0, e0 = T.s[a], T.e[b]
    if T.places and T.places[s0] == e0 then return nil end
    return T.orgs and T.orgs[s0] == e0 and "org" or "team"
  end
  -- a capitalised word that is no stop or calendar word (Poi Bassano – Schio)
  local function cap_word(k)
    return T.cap[k] and T.sc[k] == "cased" and not is_stop(kb, lang, T.f[k]) and not own_stop(kb, lang, T.f[k])
      and not is_calendar(kb, T, k, lang)
  end
  -- a result line with the score between the sides, as French and English
  -- reports head a match (Auxerre 0-1 Clermont, Ajaccio 3-1 Bourg-Péronnas):
  -- the line holds only the two sides and the score
  local function line_gap(g) return g == nil or g:find("\n") ~= nil end
  local function side_gap(g) return g == "-" or space_gap(g or "") end
  for k = 2, T.n - 2 do
    if score_at(k) and T.gap[k] == " " and T.gap[k + 2] == " " and cap_word(k - 1) and cap_word(k + 2) then
      local a1, b2 = k - 1, k + 2
      while a1 > 1 and a1 > k - 3 and side_gap(T.gap[a1]) and cap_word(a1 - 1) do a1 = a1 - 1 end
      while b2 < T.n and b2 < k + 4 and side_gap(T.gap[b2 + 1]) and cap_word(b2 + 1) do b2 = b2 + 1 end
      if (a1 == 1 or line_gap(T.gap[a1])) and (b2 == T.n or line_gap(T.gap[b2 + 1])) then
        local s1, s2 = side(a1, k - 1), side(k + 2, b2)
        if s1 and s2 then
          if s1 == "team" then add(out, text, T.s[a1], T.e[k - 1], "org", "cue:score", { strong = true }) end
          if s2 == "team" then add(out, text, T.s[k + 2], T.e[b2], "org", "cue:score", { strong = true }) end
        end
      end
    end
  end
  for k = 2, T.n - 1 do
    local g = T.gap[k]
    if score_at(k) and (g == " " or g == " (") and not (k + 2 <= T.n and score_at(k + 2)) then
      -- the second side: capitalised words back from word k - 1
      local b2, a2 = k - 1, k - 1
      while a2 > 1 and a2 > b2 - 2 and cap_word(a2 - 1) and space_gap(T.gap[a2]) do a2 = a2 - 1 end
      local sep = T.gap[a2]
      if a2 > 1 and SIDE_SEP[sep] and T.cap[b2] then
        local b1, a1 = a2 - 1, a2 - 1
        while a1 > 1 and a1 > b1 - 2 and cap_word(a1 - 1) and space_gap(T.gap[a1]) do a1 = a1 - 1 end
        -- no longer capitalised run before the first side (Premier League Spartak)
        local open = a1 == 1 or not (cap_word(a1 - 1) and space_gap(T.gap[a1]))
        local s1, s2 = open and side(a1, b1), open and side(a2, b2)
        if s1 and s2 then   -- (a club the gazetteer knows stays its match)
          if s1 == "team" then add(out, text, T.s[a1], T.e[b1], "org", "cue:score", { strong = true }) end
          if s2 == "team" then add(out, text, T.s[a2], T.e[b2], "org", "cue:score", { strong = true }) end
        end
      end
    end
  end
end

-- quoted_places(T, text, to, out): Russian, Ukrainian and Belarusian news
-- put the names of clubs, companies, newspapers and theatres in quotes and
-- never a town's: a Cyrillic name of one to three words that the quotes hold
-- whole and that the gazetteer knows as a place (not as a country or an
-- organisation) is an organisation there (обыграл «Урал», с «Ростовом»,
-- газета "Тамбов"), unless a word for a place stands before the quotes
-- (стадион «Краснодар», аэропорт «Внуково», село «…»: place_head cues).
-- Strong: it wins the gazetteer's span.
local function quoted_places(T, text, to, out)
  if not T.gaz then return end
  for a = 1, T.n do
    local open, close = quote_opening(T.gap[a] or "")
    local c0 = T.cap[a] and T.sc[a] == "cased" and utf8.codepoint(T.f[a], 1)
    if open and c0 and c0 >= 0x0400 and c0 < 0x0530 and not (a > 1 and to[a - 1] and to[a - 1].place_head) then
      local ge = T.gaz[T.s[a]]
      -- a compound of capitalised words joined by hyphens that the quotes
      -- hold whole, a part of which the gazetteer knows, is one organisation
      -- (a regional edition or a club: «Коммерсантъ-Прикамье», «Арсенал-Київ»)
      local h = a
      while h < T.n and h < a + 2 and T.gap[h + 1] == "-" and T.cap[h + 1] do h = h + 1 end
      if h > a and text:sub(T.e[h] + 1, T.e[h] + #close) == close then
        for x = a, h do
          local xe = T.gaz[T.s[x]]
          if xe and xe <= T.e[h] then ge = T.e[h]; break end
        end
      end
      for b = a, math.min(a + 2, T.n) do
        if T.e[b] == ge then
          local after = text:sub(T.e[b] + 1, T.e[b] + #close)
          if after == close and not (T.orgs and T.orgs[T.s[a]] == ge) and not (T.places and T.places[T.s[a]] == ge) then
            add(out, text, T.s[a], ge, "org", "cue:org_quoted", { strong = true })
          end
          break
        end
        if b > a and not (space_gap(T.gap[b]) or T.gap[b] == "-") then break end
      end
    end
  end
end

-- title_quoted(T, text, to, lang, out): Russian, Ukrainian and Belarusian
-- news write a person's club, company or paper in quotes after the title
-- (главный тренер «Урала», директор «Балтики», корреспондент «Чемпионата»)
-- and the source after a reporting verb (сообщает «Губерния»): a quoted
-- name of one to four capitalised words right after a title or reporting
-- cue is an organisation (a quotation has words in lower case)
local function title_quoted(T, text, to, lang, out)
  if not CYR_SURNAME_LANGS[lang] then return end
  for a = 2, T.n do
    local c = to[a - 1]
    -- (the quote is looked for only after a title or reporting cue)
    local open, close
    if c and (c.title or c.say) then open, close = quote_opening(T.gap[a] or "") end
    if open and T.gap[a]:sub(1, 1) == " " and T.cap[a] and T.sc[a] == "cased" then
      for b = a, math.min(a + 3, T.n) do
        if not T.cap[b] then break end
        if b > a and not (space_gap(T.gap[b]) or T.gap[b] == "-") then break end
        if text:sub(T.e[b] + 1, T.e[b] + #close) == close then
          add(out, text, T.s[a], T.e[b], "org", "cue:org_quoted")
          break
        end
      end
    end
  end
end

-- lineups(kb, T, text, out): a team's line-up after a colon
-- (Bologna: Skorupski; De Silvestri, Danilo, Tomiyasu – Schouten, Svanberg;
-- Orsolini): five names or more of one to three capitalised words each
-- (particles inside: De Silvestri, van der Hart), separated by commas,
-- semicolons or dashes, to the end of the sentence or line, a captain's
-- (C) allowed.  Each is a person, though the gazetteer knows the word as a
-- place (Puerto, Soriano); a list whose items the gazetteer knows for the
-- most part is places, no line-up (Visitaremos: Madrid, Sevilla, ...), and a
-- club the gazetteer knows stays its match.  After a place word in lower
-- case the list is places, as after a place head without the colon (w
-- miejscowościach: Gołcza, Maków, Kamienica, ...; to[k - 1]).
local LINEUP_SEP = { [", "] = true, ["; "] = true, [" \226\128\147 "] = true, [" - "] = true,
  [" \226\128\148 "] = true }
local function lineups(kb, T, text, out, to)
  local k = 1
  while k <= T.n do
    local g = T.gap[k] or ""
    if T.sc[k] == "cased" and (T.cap[k] or kb.particle[T.f[k]]) and g:find(":%s+$") and not g:find("\n%s*$") then
      local items, known, x, done = {}, 0, k, false
      while not done do
        -- one item: up to three capitalised words, particles before a capitalised one
        local a, caps = x, 0
        while x <= T.n and T.sc[x] == "cased" do
          if T.cap[x] then caps = caps + 1
          elseif not (kb.particle[T.f[x]] and x < T.n and (T.sp[x + 1] or false)) then break end
          if x < T.n and (T.sp[x + 1] or T.gap[x + 1] == "-") and (T.cap[x + 1] or kb.particle[T.f[x + 1]])
            and caps < 3 then
            x = x + 1
          else break end
        end
        if caps == 0 or not T.cap[x] or caps > 3 then break end
        items[#items + 1] = { a, x }
        if T.gaz and T.gaz[T.s[a]] == T.e[x] then known = known + 1 end
        local sep = T.gap[x + 1]
        -- a captain's mark: Rogne (C), Puchacz
        if sep == " (" and x + 1 <= T.n and T.f[x + 1] == "c" and (T.gap[x + 2] or ""):sub(1, 1) == ")" then
          sep, x = T.gap[x + 2]:sub(2), x + 1
          if sep == "" then sep = nil end
        end
        if x + 1 > T.n or sep == nil or sep:find("^[%.!?]") or sep:find("\n") then done = true
        elseif LINEUP_SEP[sep] then x = x + 1
        else items = {}; break end
      end
      local ph = to and k > 1 and to[k - 1] and to[k - 1].place_head
      local places = ph and ph[2].cap == false and not T.cap[k - 1]
      if done and #items >= 5 and known * 2 <= #items then
        for _, it in ipairs(items) do
          local s0, e0 = T.s[it[1]], T.e[it[2]]
          if places then
            add(out, text, s0, e0, "place", "cue:place_head")
          elseif not (T.orgs and T.orgs[s0] == e0) then
            add(out, text, s0, e0, "person", "cue:lineup", { strong = true })
          end
        end
      end
      k = math.max(k + 1, x)
    else
      k = k + 1
    end
  end
end

-- appositions(kb, T, text, from, lang, out): a town named with its province
-- or region in brackets right after it (Paredes del Monte (Palencia),
-- Perarolo (Belluno), Fougères (Ille-et-Vilaine); with a lower-case place
-- word inside them, Łososina Górna (gmina Limanowa)) or with a region after
-- a comma (Crandon, Wisconsin,): the capitalised words before are a place
-- (`shape:apposition`).  The bracket holds a region or city of the gazetteer
-- (a country names a player's or a company's: Sinner (Italy)) or a place
-- head and a name; the words before it open no person (a known given name),
-- hold no cue, stop or calendar word and are no acronym, and the gazetteer
-- matched none of them.
local appositions
do
  local function apposition_run(kb, T, from, j, lang)
    if j < 1 or not T.cap[j] or T.sc[j] ~= "cased" then return nil end
    local a, n = j, 1
    while a > 1 and n < 4 do
      local g = T.gap[a]
      if space_gap(g or "") or g == "-" then
        if not (T.cap[a - 1] and T.sc[a - 1] == "cased") then
          -- one lower-case particle of the text's language between capitalised
          -- words (Paredes del Monte, Marquiz de Alba)
          if a > 2 and lang and lang_particle(kb, T.f[a - 1], lang) and space_gap(T.gap[a - 1] or "")
            and T.cap[a - 2] and T.sc[a - 2] == "cased" then
            a, n = a - 2, n + 1
          else
            break
          end
        else
          a, n = a - 1, n + 1
        end
      else
        break
      end
    end
    -- (a sentence's first word alone before a particle is a common noun:
    -- Habitante de | Craon)
    if a < j and sentence_initial(T, a) and not T.cap[a + 1] then
      a = a + 2
    end
    -- (a town's article inside a sentence opens its name: El Puig, La Roda)
    local article = a < j and utf8.len(T.f[a]) <= 3 and own_stop(kb, lang, T.f[a]) and not sentence_initial(T, a)
    for x = a, j do
      if T.cap[x] and (any_cue(from, x) or (own_stop(kb, lang, T.f[x]) and not (article and x == a))
        or is_calendar(kb, T, x, lang) or all_caps(T, x) or (x == a and T.gaz and T.gaz[T.s[x]])) then
        return nil
      end
    end
    for x = article and a + 1 or a, j do
      local e = name_entry(kb, T.f[x], lang)
      if starts_person(kb, T, x, lang) or (e and e.given and (x == a or x < j)) then return nil end
    end
    if sentence_initial(T, a) and is_stop(kb, lang, T.f[a]) then return nil end
    return a
  end

  -- (a person the name lists alone read on the very same words, El Puig,
  -- is the place: the lists know Puig as a surname, the bracket the town)
  local function add_apposition(out, text, a, b)
    for _, m in ipairs(out) do
      if m.start == a and m.stop == b and m.type == "place" then return end
      -- (a person a cue found stays: a line-up's player before a town's
      -- namesake, Rossetti, Soriano, Bianchi)
      if m.start <= b and a <= m.stop and m.type == "person" and not (m.rule or ""):find("^names:") then return end
      if m.start == a and m.stop == b and m.type == "person" and (m.rule or ""):find("^names:") then
        m.type, m.rule, m.strong = "place", "shape:apposition", true
        return
      end
    end
    add(out, text, a, b, "place", "shape:apposition", { strong = true })
  end

  -- the place that ends right before word x, if the words there are one
  local function apposition_before(kb, T, text, from, lang, out, x)
    local a = apposition_run(kb, T, from, x - 1, lang)
    if a then add_apposition(out, text, T.s[a], T.e[x - 1]) end
  end

  function appositions(kb, T, text, from, lang, out)
    if not (T.gaz and T.gaz_ids) then return end
    for x = 2, T.n do
      local g = T.gap[x]
      if (g == " (" or g == ", ") and T.cap[x] and T.sc[x] == "cased" then
        local ge = T.gaz[T.s[x]]
        local id = ge and T.gaz_ids[T.s[x] .. ":" .. ge]
        local ok = id and not (T.places and T.places[T.s[x]] == ge)
          and (id:find("^place:region:") or (g == " (" and (id:find("^place:gn:") or id:find("^place:city:"))))
        local after = ok and text:sub(ge + 1, ge + 1)
        if g == " (" then
          ok = ok and after == ")"
        else
          -- a region between commas or before the sentence's end
          ok = ok and (after == "," or after == ".")
        end
        if ok then
          apposition_before(kb, T, text, from, lang, out, x)
        end
      elseif g == ", " and not T.cap[x] and T.sc[x] == "cased" then
        -- a short preposition and a region after the comma (Augignac, en
        -- Dordogne, ...)
        local r = x + 1
        local re = r <= T.n and utf8.len(T.f[x]) <= 3 and T.cap[r] and space_gap(T.gap[r] or "") and T.gaz[T.s[r]]
        local rid = re and T.gaz_ids[T.s[r] .. ":" .. re]
        local rafter = rid and text:sub(re + 1, re + 1)
        if rid and rid:find("^place:region:") and (rafter == "," or rafter == ".") then
          apposition_before(kb, T, text, from, lang, out, x)
        end
        -- a lower-case place word one or two words after the comma (Rimou, un
        -- village de 345 habitants; Salles Lavalette, un petit village)
        for y = x, math.min(x + 2, T.n) do
          if T.cap[y] or (y > x and not space_gap(T.gap[y] or "")) then break end
          local ph = from[y] and from[y].place_head
          -- (not a venue's or a street's word: an address, Fulano, morador da
          -- rua X; Ambulatório Municipal, localizado na rua X)
          -- (nor a head naming a place of its own, where the words after the
          -- comma go on with the sentence: Fulano, até a cidade de Iporanga;
          -- but one right after the comma names the town's municipality or
          -- parish: Noura, concelho de Murça; Ceal, pedanía de Huesa)
          -- (an abbreviated head only with its period: Напомним, что с 23 сентября)
          -- (a head the lists write capitalised with its particle, Concelho
          -- de, is its lower-case first word here: concelho)
          if ph and ph[1] == y + 1 and ph[2].cap ~= false and not T.cap[y] and kb.particle[T.f[y + 1]]
            and lower_head(kb, T, text, y) then
            local node = kb.trie[T.f[y]]
            ph = { y, node.ends.place_head }
          end
          if ph and ph[1] == y and ph[2].cap == false and not (ph[2].venue or ph[2].street or ph[2].near)
            and not (ph[2].period and (T.gap[y + 1] or ""):sub(1, 1) ~= ".")
            and lower_head(kb, T, text, y)
            and (y == x and not ph[2].period
              or not (ph[1] < T.n and head_gap(T.gap[ph[1] + 1], ph[2]) and head_name(kb, T, ph[1], lang, ph[2]))) then
            apposition_before(kb, T, text, from, lang, out, x)
            break
          end
        end
      elseif g == " (" and not T.cap[x] and T.sc[x] == "cased" then
        local ph = from[x] and from[x].place_head
        local h = ph and ph[1]
        if h and ph[2].cap == false and h < T.n and T.cap[h + 1] then
          apposition_before(kb, T, text, from, lang, out, x)
        end
      end
    end
  end
end

-- place_lists(kb, T, text, from, lang, out): a list of three names or more
-- (commas, the last after a coordinator: Saint-Médard-en-Jalles, le
-- Taillan-Médoc et Carcans; Losacio, Losilla y Marquiz de Alba) two of
-- whose items are places (the gazetteer's, or found here) and none a known
-- person, an organisation or a cue's word: its other items of one to four
-- capitalised words are places too (`cue:list`).
local place_lists
do
  local function list_item(kb, T, k, lang)
    -- the capitalised words from word k, a particle of the text's language
    -- between them (Marquiz de Alba), up to four
    if not (k <= T.n and T.cap[k] and T.sc[k] == "cased") then return nil end
    local b, n = k, 1
    while b < T.n and n < 4 do
      local g = T.gap[b + 1]
      if (space_gap(g or "") or g == "-") and T.cap[b + 1] and T.sc[b + 1] == "cased" then
        b, n = b + 1, n + 1
      elseif space_gap(g or "") and lang and b + 2 <= T.n and lang_particle(kb, T.f[b + 1], lang)
        and not kb.coord[T.f[b + 1]] and space_gap(T.gap[b + 2] or "")
        and T.cap[b + 2] and T.sc[b + 2] == "cased" then
        b, n = b + 2, n + 1
      else
        break
      end
    end
    return b
  end

  -- (an article or another short lower-case word before an item: le
  -- Taillan-Médoc) -> the item's first word
  local function item_start(kb, T, a)
    if a < T.n and not T.cap[a] and T.sc[a] == "cased" and utf8.len(T.f[a]) <= 3 and not kb.coord[T.f[a]]
      and space_gap(T.gap[a + 1] or "") then
      return a + 1
    end
    return a
  end

  -- -> items, closed: closed when a coordinator leads to the last item (a
  -- list of names ends so; a chain of commas without one is a town, its
  -- region and its country before the sentence goes on: in Sankt Petersburg,
  -- Russland, Blumen nieder)
  local function list_items(kb, T, k, lang)
    local items, x, closed = {}, k, false
    while x and x <= T.n do
      local a = #items > 0 and item_start(kb, T, x) or x
      -- (an Oxford comma before the coordinator: A, B, and C)
      if #items > 0 and a == x and a < T.n and not T.cap[a] and kb.coord[T.f[a]] and space_gap(T.gap[a + 1] or "") then
        local a2 = item_start(kb, T, a + 1)
        local b2 = list_item(kb, T, a2, lang)
        if b2 then items[#items + 1] = { a2, b2 }; closed = true end
        break
      end
      local b = list_item(kb, T, a, lang)
      if not b then break end
      items[#items + 1] = { a, b }
      local g = T.gap[b + 1]
      if b + 1 <= T.n and g == ", " then
        x = b + 1
      elseif b + 2 <= T.n and space_gap(g or "") and kb.coord[T.f[b + 1]] and space_gap(T.gap[b + 2] or "") then
        local a2 = item_start(kb, T, b + 2)
        local b2 = list_item(kb, T, a2, lang)
        if b2 then items[#items + 1] = { a2, b2 }; closed = true end
        x = nil
      else
        x = nil
      end
    end
    return items, closed
  end

  function place_lists(kb, T, text, from, lang, out)
    if not T.gaz_ids then return end
    local placed = {}   -- "start:stop" of the places found here
    local cued = {}     -- people a cue found (a line-up's players)
    for _, m in ipairs(out) do
      if m.type == "place" then placed[m.start .. ":" .. m.stop] = true end
      if m.type == "person" and not (m.rule or ""):find("^names:") then cued[#cued + 1] = m end
    end
    local k = 1
    while k <= T.n do
      local opens = T.cap[k]
        and (k == 1 or not (T.cap[k - 1] and space_gap(T.gap[k] or "")) or sentence_initial(T, k - 1))
      local items, closed = {}, false
      if opens then items, closed = list_items(kb, T, k, lang) end
      if #items >= 3 and closed then
        -- (a sentence's first word before a place the gazetteer knows opens
        -- no item of it: Toplantıya | Moskova, Pekin ve Tahran)
        local f = items[1]
        if f[2] > f[1] and sentence_initial(T, f[1]) and T.gaz_ids[T.s[f[1] + 1] .. ":" .. T.e[f[2]]] then
          f[1] = f[1] + 1
        end
        -- (an item opened by a capitalised head marked outside is none: its
        -- place follows the head, found by it: … Yên Hà và Thị trấn | Yên Bình)
        local kept = {}
        for _, it in ipairs(items) do
          local h = from[it[1]] and from[it[1]].place_head
          if not (h and h[2].outside) then kept[#kept + 1] = it end
        end
        items = kept
        local places, unknown, blocked, named = 0, {}, false, 0
        for _, it in ipairs(items) do
          local s0, e0 = T.s[it[1]], T.e[it[2]]
          for _, m in ipairs(cued) do
            if m.start <= e0 and s0 <= m.stop then blocked = true end
          end
          local key = s0 .. ":" .. e0
          if T.gaz_ids[key] or placed[key] then
            places = places + 1
          elseif T.gaz and T.gaz[s0] then
            blocked = true   -- an organisation, a person or a longer name of the gazetteer
          else
            -- (a known given name alone or opening a person: Carlos, Carlos Pérez)
            -- (but in a list of three places or more, more places than such
            -- names, towns named after a person: La Plata, Quilmes, Florencio
            -- Varela y San Nicolás)
            local e = name_entry(kb, T.f[it[1]], lang)
            if (e and e.given and it[1] == it[2]) or starts_person(kb, T, it[1], lang) then named = named + 1 end
            for y = it[1], it[2] do
              if T.cap[y] and (any_cue(from, y) or own_stop(kb, lang, T.f[y]) or is_calendar(kb, T, y, lang)
                or all_caps(T, y)) then
                blocked = true
              end
            end
            unknown[#unknown + 1] = it
          end
        end
        if named > 0 and not (places >= 3 and places > named) then blocked = true end
        if places >= 2 and not blocked then
          for _, it in ipairs(unknown) do
            local s0, e0, turned = T.s[it[1]], T.e[it[2]], false
            -- (a person the name lists alone read there is the town)
            for _, m in ipairs(out) do
              if m.start == s0 and m.stop == e0 and m.type == "person" and (m.rule or ""):find("^names:") then
                m.type, m.rule, turned = "place", "cue:list", true
              end
            end
            if not turned then add(out, text, s0, e0, "place", "cue:list") end
          end
          k = items[#items][2] + 1
        else
          k = k + 1   -- (a sentence's first word before the list: Evacuaron | Losillo, ...)
        end
      else
        k = k + 1
      end
    end
  end
end

-- datelines(kb, T, text, from, lang, out): a local report's dateline, the
-- capitalised words (one to three) that open a short line, a comma, a
-- bracket or a dash after them and a date or a press service's (ots) later
-- on that line, name the place the report is from (Nordgermersleben,
-- 22.04.2022, 20:30 Uhr; Lohne, Lk. Vechta (NI), 24.09.2023; Warmsroth –
-- K 37 (ots)).  No cue, stop word, month or weekday among them, no two
-- words or more that a given name opens, even one that is also a word (a
-- byline with its date: John Smith, 12.03.2024) and no name the gazetteer
-- gives a person or an organisation.
do
  local DATE = { "%f[%d]%d%d?%.%d%d?%.%d%d", "%f[%d]%d%d?/%d%d?/%d%d", "%(ots%)" }
  function M.datelines(kb, T, text, from, lang, out)
    for i = 1, T.n do
      if T.sc[i] == "cased" and T.cap[i] and line_start(text, T.s[i]) then
        local j = i
        while j < i + 2 and j < T.n and T.cap[j + 1] and T.sc[j + 1] == "cased"
          and (T.gap[j + 1] == " " or T.gap[j + 1] == "-") do
          j = j + 1
        end
        local after = text:sub(T.e[j] + 1, T.e[j] + 4)
        local eol = text:find("\n", T.e[j] + 1, true) or #text + 1
        local rest = text:sub(T.e[j] + 1, eol - 1)
        local opens = after:find("^, ") or after:find("^ %(") or after:find("^ \226\128\147 ") or after:find("^ %- ")
        local dated = false
        for _, pat in ipairs(DATE) do if rest:find(pat) then dated = true end end
        local g = j > i and name_entry(kb, T.f[i], lang)
        local ok = opens and dated and #rest <= 60
          and not starts_person(kb, T, i, lang) and not (g and g.given)
          and not (T.people and T.people[T.s[i]]) and not (T.orgs and T.orgs[T.s[i]])
        for x = i, j do
          if not ok then break end
          if any_cue(from, x) or (from[x] and (from[x].place_head or from[x].org_title))
            or own_stop(kb, lang, T.f[x]) or is_calendar(kb, T, x, lang)
            or T.f[x]:find("^%d") then
            ok = false
          end
        end
        if ok then add(out, text, T.s[i], T.e[j], "place", "cue:dateline", { strong = true }) end
      end
    end
  end
end

M.cased_runs, M.classify_run, M.lists, M.nicknames = cased_runs, classify_run, lists, nicknames
M.org_heads, M.tails, M.lower_places = org_heads, tails, lower_places
M.acronym_orgs, M.org_appositions, M.designators = acronym_orgs, org_appositions, designators
M.score_lines, M.lineups, M.quoted_places = score_lines, lineups, quoted_places
M.title_quoted, M.appositions, M.place_lists = title_quoted, appositions, place_lists
return M
