-- glean.entities and glean.analyze with the shipped cue and name lists of
-- Spanish, Portuguese, Italian, French and Romanian: local places named
-- after a generic word, a region's adjective, a hyphenated compound, and a
-- state's code.  Sentences written for this spec (no news, no dev-set
-- text); the towns and villages in them are invented, so that no
-- gazetteer entry finds them.
if not glean_spec then require "spec.helper" end
local entities = require "glean.entities"
local glean = require "glean"
local analyze = require "glean.analyze"

local found = glean_spec.found   -- { "TYPE surface SOURCE", ... } (spec/helper.lua)

describe("Romance-language local places", function()
  local kb
  setup(function() kb = assert(entities.load()) end)

  it("a lower-case head of a neighbourhood, ward, hamlet or village names the capitalised words after it", function()
    assert.same({ "place Villa Quetzal cue:place_head" },
      found(kb, "es", "Los vecinos de la colonia Villa Quetzal cortaron el agua."))
    assert.same({ "place Colonia Lomas de Tenayo cue:place_head" },
      found(kb, "es", "El cuerpo apareció en la Colonia Lomas de Tenayo por la mañana."))
    assert.same({ "place Cerrillo Bajo cue:place_head", "place Arbolito cue:place_head" },
      found(kb, "es", "Desalojaron las pedanías de Cerrillo Bajo y Arbolito anoche."))
    assert.same({ "place Lomas Verdes cue:place_head" },
      found(kb, "es", "La camioneta quedó en la calle Lomas Verdes sin placas."))
    assert.same({ "place Colônia do Tabocal cue:place_head" },
      found(kb, "pt", "A enchente atingiu a Colônia do Tabocal na madrugada."))
    assert.same({ "place Jardim Palmeirinha cue:place_head" },
      found(kb, "pt", "O homem morava no condomínio Jardim Palmeirinha desde março."))
    assert.same({ "place Bracchetto cue:place_head" },
      found(kb, "it", "Lo scontro è avvenuto in contrada Bracchetto verso le otto."))
    assert.same({ "place Pradelune cue:place_head" },
      found(kb, "fr", "La voiture a quitté la route au lieudit Pradelune hier soir."))
    assert.same({ "place Ploiasca cue:place_head", "place Vârfureni cue:place_head" },
      found(kb, "ro", "Focul a cuprins o casă din comuna Ploiasca, sat Vârfureni, aseară."))
    -- Romanian sat is no head in English (they sat Monday)
    assert.same({}, found(kb, "en", "The two sat Monday in silence."))
  end)

  it("a region's adjective or a word of nearness may stand between a lower-case head and its particle", function()
    assert.same({ "place Villarejo del Cerro cue:place_head" },
      found(kb, "es", "El incendio comenzó en el municipio conquense de Villarejo del Cerro ayer."))
    assert.same({ "place Quintaverde cue:place_head" },
      found(kb, "pt", "A chuva isolou a localidade vizinha de Quintaverde na segunda-feira."))
    assert.same({ "place Roccasprella cue:place_head" },
      found(kb, "it", "I soccorsi sono arrivati nel comune bergamasco di Roccasprella."))
    -- a word of another shape is no such adjective (natal, a person after it)
    assert.same({ "person Ramón Ferrándiz names:given" },
      found(kb, "es", "Volvió al pueblo natal de Ramón Ferrándiz en verano."))
    -- nor an adverb that ends like one, a stop word (después, antes): a feast day after it is no place
    assert.same({}, found(kb, "es", "Volvieron al pueblo después de Semana Santa."))
    assert.same({}, found(kb, "pt", "Saíram da cidade antes de Carnaval."))
  end)

  it("a title after a lower-case head and its particle opens a town named after its namesake", function()
    assert.same({ "place Presidente Olegário Neto cue:place_head" },
      found(kb, "pt", "A enchente atingiu a cidade de Presidente Olegário Neto na terça-feira."))
    assert.same({ "place General Ribalta cue:place_head" },
      found(kb, "es", "Los vecinos de la localidad de General Ribalta cortaron la ruta."))
    -- Italian lists several municipalities after the plural head
    assert.same({ "place Castelvario cue:place_head", "place Roncobello Alto cue:place_head" },
      found(kb, "it", "Alberi caduti nei comuni di Castelvario e Roncobello Alto."))
  end)

  it("French: a hyphenated compound with a particle after a line's opening word is the place", function()
    assert.same({ "place Sainte-Aurélie-des-Bruyères shape:hyphen" },
      found(kb, "fr", "A Sainte-Aurélie-des-Bruyères\nUn motard a chuté samedi."))
    assert.same({ "place Vaulnoir-sur-Aube shape:hyphen" },
      found(kb, "fr", "À Vaulnoir-sur-Aube\nLa mairie reste fermée."))
  end)
end)

describe("state codes after a town or a party (glean.analyze)", function()
  local an
  setup(function()
    local gz = glean.gazetteer.new({
      { id = "place:region:BR-SP", type = "place", alias = "São Paulo", flags = "case" },
      { id = "place:region:BR-MG", type = "place", alias = "Minas Gerais", flags = "case" },
      { id = "place:region:IT-MI", type = "place", alias = "Milano", flags = "case" },
      { id = "place:region:IT-FI", type = "place", alias = "Firenze", flags = "case" },
      { id = "person:Ottavio_Brenzoni", type = "person", alias = "Ottavio Brenzoni" },
    })
    an = assert(analyze.new({ gazetteer = gz, rules = false, entities = false }))
  end)
  local function places(lang, text)
    local got = {}
    for _, m in ipairs(an:document({ id = "a", lang = lang, text = text }).mentions) do
      if m.type == "place" then got[#got + 1] = m.surface .. " " .. m.id end
    end
    return got
  end

  it("finds a CLDR subdivision's code of the text's country in brackets, after a party, a preposition or a comma",
    function()
    assert.same({ "SP place:region:BR-SP" }, places("pt", "O acidente foi em Vargem Azulada (SP) ontem."))
    assert.same({ "SP place:region:BR-SP" }, places("pt", "O deputado Fulano Beltrão (PT-SP) votou contra."))
    assert.same({ "MG place:region:BR-MG" }, places("pt", "Chuvas deixam desalojados em MG nesta semana."))
    assert.same({ "SP place:region:BR-SP" }, places("pt", "Ele nasceu em Vargem Azulada, SP, em 1970."))
    assert.same({ "MI place:region:IT-MI" }, places("it", "Il furto è avvenuto a Borgonuovo (MI) ieri."))
  end)

  it("leaves a code alone elsewhere: a road's number, another country's text, an unknown code, an acronym", function()
    assert.same({}, places("pt", "O carro seguia pela SP-324 quando bateu."))
    assert.same({}, places("pt", "A sigla SP aparece no documento."))
    assert.same({}, places("es", "El acto fue en Vargem Azulada (SP) ayer."))
    assert.same({}, places("pt", "O acidente foi em Vargem Azulada (RJ) ontem."))
    assert.same({}, places("pt", "Segundo o relatório (SP) da empresa, tudo correu bem."))
  end)

  it("reads a code in brackets after a person as the person's party (Forza Italia's FI), no province", function()
    assert.same({}, places("it", "Ne ha parlato ieri il senatore Ottavio Brenzoni (FI) in aula."))
    assert.same({ "FI place:region:IT-FI" }, places("it", "Il furto è avvenuto a Borgonuovo (FI) ieri."))
  end)
end)

describe("lists of places with the default gazetteer", function()
  local an
  setup(function() an = assert(analyze.new { gazetteer = "data/gazetteer.tsv", rules = false }) end)
  local function has(text, want, lang)
    for _, m in ipairs(an:document({ id = "a", lang = lang or "es", text = text }).mentions) do
      if m.type .. " " .. m.surface .. " " .. m.source == want then return true end
    end
    return false
  end

  it("a list of three known places or more makes its items named like a person places, fewer do not", function()
    assert.is_true(has("Hubo cortes en Quilmes, La Plata, Rosendo Alcorta, Mar del Plata y Bahía Blanca.",
      "place Rosendo Alcorta cue:list"))
    assert.is_false(has("Jugaron Rosendo Alcorta, La Plata y Martín Quiroga en la final.",
      "place Rosendo Alcorta cue:list"))
  end)

  it("a result line with the score between its sides names two clubs, not their towns", function()
    local text = "Rennes 2-0 Brest\n\nLes Rennais ont dominé la rencontre du début à la fin."
    assert.is_true(has(text, "org Rennes cue:score", "fr"))
    assert.is_true(has(text, "org Brest cue:score", "fr"))
    -- a sentence with a score inside names no sides
    assert.is_true(has("Il a vécu à Rennes 2 ans avant Brest.", "place Rennes gazetteer", "fr"))
  end)

  it("Italian: a compass noun before a place of the gazetteer is part of it", function()
    assert.is_true(has("Il freddo arriva domani nel Nord Italia con la neve.", "place Nord Italia shape:adj_place",
      "it"))
    -- a country so named stays the gazetteer's (Sud Sudan)
    assert.is_true(has("La crisi nel Sud Sudan continua.", "place Sud Sudan gazetteer", "it"))
  end)

  it("a town before a comma and its municipality's or parish's head names a place", function()
    assert.is_true(has("No sábado, em Vilarelho, concelho de Murça, houve um incêndio.",
      "place Vilarelho shape:apposition", "pt"))
    assert.is_true(has("El fuego llegó a Cerrillo, pedanía de Huesa, de madrugada.",
      "place Cerrillo shape:apposition", "es"))
    -- a head two words after the comma goes on with the sentence (the person stays none)
    assert.is_false(has("Disse o Fulano, até a cidade de Iporanga.", "place Fulano shape:apposition", "pt"))
  end)
end)
