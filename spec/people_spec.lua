-- data/people.tsv: the people world news name most, merged into the default
-- gazetteer (`make gazetteer`); its format, and what the analyzer finds with
-- it (sentences written for this test).
local H = glean_spec or require "spec.helper"
local analyze = require "glean.analyze"

local rows = {}
local lineno = 0
for line in H.read(H.home .. "/data/people.tsv"):gmatch("([^\n]*)\n") do
  lineno = lineno + 1
  if line ~= "" and line:sub(1, 1) ~= "#" and not line:find("^id\t") then
    local f = {}
    for x in (line .. "\t"):gmatch("(.-)\t") do f[#f + 1] = x end
    f.line = lineno
    rows[#rows + 1] = f
  end
end

local an
local function people(text)
  an = an or assert(analyze.new { gazetteer = H.home .. "/data/gazetteer.tsv", rules = false })
  local got = {}
  for _, m in ipairs(an:document({ id = "t", text = text }).mentions) do
    if m.type == "person" then got[#got + 1] = m.surface .. " " .. (m.id or "") end
  end
  return got
end

describe("data/people.tsv", function()
  it("has person rows with a language, a country and one label per id", function()
    assert.is_true(#rows > 500)
    local labelled = {}
    for _, f in ipairs(rows) do
      local where = "people.tsv:" .. f.line
      assert.equal(7, #f, where)
      assert.truthy(f[1]:find("^person:wd:Q%d+$") or f[1]:find("^person:[%w_.-]+$"), where .. ": id " .. f[1])
      assert.equal("person", f[2], where)
      assert.truthy(f[5]:find("^%l%l[%l,]*$"), where .. ": lang '" .. f[5] .. "'")
      assert.truthy(f[7]:find("^%u%u$"), where .. ": iso")
      if f[6] ~= "" then
        assert.is_nil(labelled[f[1]], where .. ": second label")
        labelled[f[1]] = true
      end
    end
    for _, f in ipairs(rows) do assert.truthy(labelled[f[1]], f[1] .. " has no label") end
  end)

  it("leaves out surnames that are common surnames or words on their own", function()
    local alias = {}
    for _, f in ipairs(rows) do alias[f[3]] = f end
    for _, a in ipairs { "Xi", "Li", "Kim", "Lee", "Costa", "Sánchez", "Harris", "Sharif", "Khan", "Abbas" } do
      assert.is_nil(alias[a], a)
    end
    -- Italian `modi` 'ways': Modi is read in other languages only
    assert.truthy(alias["Modi"])
    assert.is_nil(alias["Modi"][5]:find("it", 1, true))
  end)
end)

describe("people of data/people.tsv in running text", function()
  it("finds a head of state named by the surname alone, with no cue", function()
    assert.same({ "Milei person:Javier_Milei" }, people("Milei vetó la ley de financiamiento universitario."))
    assert.same({ "Trump person:wd:Q22686" }, people("Trump signed the order on Friday."))
    assert.same({ "ترامب person:wd:Q22686" }, people("وقع ترامب على القرار أمس."))
    assert.same({ "모디는 person:wd:Q1058" }, people("모디는 어제 뉴델리에 도착했다."))
  end)

  it("finds the inflected forms through the inflection profiles, with the right span", function()
    assert.same({ "Путина person:wd:Q7747" }, people("Журналисты спросили Путина о переговорах."))
    assert.same({ "Зеленського person:wd:Q3874799" }, people("Ми чекаємо на заяву Зеленського щодо обміну."))
    assert.same({ "Merkels person:wd:Q567" }, people("Das war ein Kernsatz Merkels in der Flüchtlingskrise."))
    -- the Turkish suffix after the apostrophe stays outside the name
    assert.same({ "Erdoğan person:wd:Q39259" }, people("Erdoğan'ın açıklaması dün akşam geldi."))
  end)

  it("keeps a longer name found by the cues whole, and reads short forms only in their languages", function()
    local got = people("Karina Milei habló con la prensa en Buenos Aires.")
    assert.equal(1, #got)
    assert.truthy(got[1]:find("^Karina Milei"))
    -- Italian modi 'ways' opening a sentence is no person
    assert.same({}, people("Modi diversi di vedere la stessa cosa non mancano mai."))
    -- Japanese/Chinese names match inside text without spaces
    assert.same({ "习近平 person:wd:Q15031" }, people("习近平在北京会见了来访的客人。"))
  end)

  it("finds the surname alone again after the full name, as that person, though it is no alias", function()
    -- Sánchez and Johnson are left out of the aliases (too common alone);
    -- after the full name in the same text they are that person
    assert.same({ "Pedro Sánchez person:Pedro_Sanchez", "Sánchez person:Pedro_Sanchez",
                  "Sánchez person:Pedro_Sanchez" },
      people("La ministra se reunió ayer con Pedro Sánchez en Moncloa. Sánchez llegó tarde y "
        .. "la oposición acusó a Sánchez de ocultar el informe."))
    local got = people("Boris Johnson returned to Westminster on Monday. Johnson told MPs he had no regrets.")
    assert.same({ "Boris Johnson person:wd:Q180589", "Johnson person:wd:Q180589" }, got)
    -- and the full name's span takes no other name's repeat; after a
    -- reporting verb, the government of a person is the person
    assert.same({ "Javier Milei person:Javier_Milei", "Javier Milei person:Javier_Milei" },
      people("El Gobierno de Javier Milei prepara un ajuste. Ayer el Gobierno de Javier Milei afirmó lo "
        .. "contrario."))
  end)
end)
