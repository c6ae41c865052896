-- glean.entities with the shipped cue and name lists of Spanish, Portuguese,
-- Italian and French: organisations' spans and what stands beside them.
-- Sentences written for this spec (no news, no dev-set text), each asserting
-- the exact surfaces, types and sources found.
if not glean_spec then require "spec.helper" end
local entities = require "glean.entities"

local found = glean_spec.found   -- { "TYPE surface SOURCE", ... } (spec/helper.lua)

describe("Romance-language organisations", function()
  local kb
  setup(function() kb = assert(entities.load()) end)

  it("a title after an organisation's head is a word of its name", function()
    -- institutions named after a person with their title or rank
    assert.same({ "org Hospital Reina Leonor cue:org_head" },
      found(kb, "es", "Ingresó en el Hospital Reina Leonor el lunes."))
    assert.same({ "org Museo Nacional Centro de Arte Reina Matilde cue:org_head" },
      found(kb, "es", "Lo expone el Museo Nacional Centro de Arte Reina Matilde desde mayo."))
    assert.same({ "org Escola Estadual Professor Júlio Prates cue:org_head" },
      found(kb, "pt", "Os alunos da Escola Estadual Professor Júlio Prates fizeram a prova."))
    -- a title after a connector of the name too (política, a politician)
    assert.same({ "org Comitê de Política Fiscal cue:org_head" },
      found(kb, "pt", "A reunião do Comitê de Política Fiscal terminou."))
    -- a state's government by its name, the federal control body (Governo de, Controladoria-Geral)
    assert.same({ "org Governo de Tocantins cue:org_head" },
      found(kb, "pt", "O contrato foi assinado com o Governo de Tocantins ontem."))
    assert.same({ "org Controladoria-Geral da União cue:org_head" },
      found(kb, "pt", "A auditoria da Controladoria-Geral da União terminou ontem."))
    -- after a coordinator the title opens another name
    assert.same({ "org Conselho Fiscal da Acme cue:org_head", "org Grupo Acme cue:org_head" },
      found(kb, "pt", "Foi membro do Conselho Fiscal da Acme e Diretor Geral do Grupo Acme em Lisboa."))
    -- without a head before it the title still opens a person
    assert.same({ "person Leonor cue:title" }, found(kb, "es", "Lo inauguró la reina Leonor ayer."))
  end)
  it("Spanish: offices, authorities and forces of the state open a name (Superintendencia, Jefatura)", function()
    assert.same({ "org Superintendencia de Servicios Públicos cue:org_head" },
      found(kb, "es", "La Superintendencia de Servicios Públicos abrió una investigación ayer."))
    assert.same({ "org Jefatura de Gabinete cue:org_head" },
      found(kb, "es", "La Jefatura de Gabinete respondió las preguntas."))
    assert.same({ "org Autoridad Portuaria Nacional cue:org_head" },
      found(kb, "es", "La Autoridad Portuaria Nacional cerró el muelle durante dos días."))
    assert.same({ "org Gendarmería Nacional cue:org_head" },
      found(kb, "es", "Un control de la Gendarmería Nacional detuvo a dos personas en la ruta."))
    assert.same({ "org Órgano Superior de Fiscalización cue:org_head" },
      found(kb, "es", "El informe del Órgano Superior de Fiscalización llegó tarde."))
    assert.same({ "org Cártel del Golfo cue:org_head" },
      found(kb, "es", "Según la fiscal, el Cártel del Golfo controla varias rutas."))
    -- a stock exchange by its name; the word alone names none
    assert.same({ "org Bolsa de Comercio de Rosario cue:org_head" },
      found(kb, "es", "Las acciones subieron en la Bolsa de Comercio de Rosario el martes."))
    assert.same({}, found(kb, "es", "La empresa cotiza en Bolsa desde hace años."))
  end)
  it("prepositions marked head, and two joining words, stay inside a name opened by a head", function()
    assert.same({ "org Fundação de Amparo à Pesquisa do Estado de Goiás cue:org_head" },
      found(kb, "pt", "O estudo foi pago pela Fundação de Amparo à Pesquisa do Estado de Goiás no ano passado."))
    assert.same({ "org Comitê de Combate aos Incêndios Rurais cue:org_head" },
      found(kb, "pt", "O Comitê de Combate aos Incêndios Rurais reuniu-se ontem."))
    assert.same({ "org Asociación Riojana contra el Cáncer cue:org_head" },
      found(kb, "es", "La Asociación Riojana contra el Cáncer abrió una sede."))
    -- not before the head of a place or of another organisation
    assert.same({ "org Racing Club de Brévannes cue:org_head", "place Parc des Tilleuls cue:place_head" },
      found(kb, "fr", "La victoire du Racing Club de Brévannes au Parc des Tilleuls a surpris."))
    -- a coordinator and an "of" word: one name, unless another head follows
    assert.same({ "org Companhia de Navegação do Tietê e do Paraná cue:org_head" },
      found(kb, "pt", "A Companhia de Navegação do Tietê e do Paraná foi criada."))
    assert.same({ "org Tribunal Regional Eleitoral cue:org_head", "org Conselho Estadual de Saúde cue:org_head" },
      found(kb, "pt", "A decisão do Tribunal Regional Eleitoral e do Conselho Estadual de Saúde saiu."))
    -- a coordinator and an article opens another name
    assert.same({ "org Asociación Riojana contra el Cáncer cue:org_head", "org Fundación Vidal cue:org_head" },
      found(kb, "es", "Firmaron la Asociación Riojana contra el Cáncer y la Fundación Vidal."))
    -- without a head the preposition joins nothing (a person, then a place)
    assert.same({ "person Ramón Ferreira names:given" },
      found(kb, "pt", "O prêmio foi entregue a Ramón Ferreira a Coimbra."))
  end)
  it("a saint's word before a capitalised one opens no person (en Santa, it Santo are given names)", function()
    assert.same({}, found(kb, "es", "El gobernador viajó a Santa Rosalía del Monte ayer."))
    assert.same({}, found(kb, "pt", "Ele nasceu em Santo Amaro das Pedras em 1950."))
    -- a title still makes the person
    assert.same({ "person Santo Versace cue:title" }, found(kb, "it", "Il sindaco Santo Versace ha parlato."))
    -- in English Santa stays a given name
    assert.same({ "person Santa Montefiore names:given" }, found(kb, "en", "Yesterday Santa Montefiore was in Rome."))
  end)
  it("Portuguese: the capitalised Secretaria is a department, the lower-case secretária a title", function()
    assert.same({ "org Secretaria Municipal de Obras cue:org_head" },
      found(kb, "pt", "A população procurou a Secretaria Municipal de Obras na segunda-feira."))
    assert.same({ "org Secretaria de Estado da Cultura cue:org_head" },
      found(kb, "pt", "O edital da Secretaria de Estado da Cultura saiu ontem."))
    assert.same({ "person Marta Lopes cue:title" },
      found(kb, "pt", "O edital foi assinado pela secretária Marta Lopes ontem."))
  end)
  it("museums: after the lower-case word the name alone; an English Museum before de and a place", function()
    assert.same({ "org Bargello cue:org_title" }, found(kb, "it", "Il museo del Bargello riapre domani."))
    assert.same({ "org Carnavalet cue:org_title" }, found(kb, "fr", "Les œuvres du musée Carnavalet partent."))
    -- capitalised, the head keeps its place in the name
    assert.same({ "org Museo del Bargello cue:org_head" }, found(kb, "it", "Il Museo del Bargello riapre domani."))
    local text = "La obra viaja al Hudson Museum de Nueva Ciudad este año."
    local b = text:find("Nueva", 1, true)
    assert.same({ "org Hudson Museum cue:org_tail" },
      found(kb, "es", text, { gazetteer = { [b] = b + #"Nueva Ciudad" - 1 } }))
  end)
  it("capitalised words right after de/da before a person are an office's name, no listed person", function()
    -- (the city hall after its article is an organisation: org_head alone)
    assert.same({ "org Prefeitura cue:org_head", "person Rodrigo Tavares cue:say" },
      found(kb, "pt", "O diretor de Planejamento Ambiental da Prefeitura, Rodrigo Tavares, explica o atraso."))
    -- a listed name after a comma stays a person
    assert.same({ "person Rodrigo Tavares names:given", "person Quelvin Xandó cue:list" },
      found(kb, "pt", "Lá estavam Rodrigo Tavares e Quelvin Xandó ontem."))
  end)
  it("a side the gazetteer knows, a particle and a given name: the side, then the person", function()
    -- Milan is a given name too: as a city of 100,000+ (opts.cities) it is the side
    local text = "Vince il Milan di Rino Gattuso in trasferta."
    local b = text:find("Milan", 1, true)
    local m = { [b] = b + #"Milan" - 1 }
    assert.same({ "person Rino Gattuso names:given" }, found(kb, "it", text, { gazetteer = m, cities = m }))
    -- a given name the gazetteer knows only as a smaller place keeps the person whole
    assert.same({ "person Milan di Rino Gattuso names:given" }, found(kb, "it", text, { gazetteer = m }))
  end)
  it("an adjective of ownership or a regional demonym between a descriptor and the organisation", function()
    assert.same({ "org Zorbex cue:org_title" }, found(kb, "fr", "Il a été racheté par le groupe familial Zorbex hier."))
    assert.same({ "org Zorbex cue:org_title" }, found(kb, "fr", "La filiale bretonne Zorbex ferme son site."))
    assert.same({ "org Vexam cue:org_title" }, found(kb, "pt", "A compra pelo grupo familiar Vexam foi aprovada."))
    -- no descriptor, no organisation
    assert.same({}, found(kb, "fr", "Le climat familial Zorbex change."))
  end)
  it("a month ending a gazetteer name inside an organisation's name stays (Rio de Janeiro)", function()
    local text = "A Prefeitura do Rio de Janeiro assinou o acordo."
    local b = text:find("Rio", 1, true)
    assert.same({ "org Prefeitura do Rio de Janeiro cue:org_head" },
      found(kb, "pt", text, { gazetteer = { [b] = b + #"Rio de Janeiro" - 1 } }))
    -- without the gazetteer's name the month is a date's
    assert.same({ "org Prefeitura do Rio cue:org_head" }, found(kb, "pt", text))
  end)
  it("a heading in capitals: a title, then a particle in capitals, is an office, no person", function()
    assert.same({}, found(kb, "pt", "SECRETARIA MUNICIPAL DE OBRAS\n\nA obra começa amanhã."))
    -- a title and a name in capitals stay a person
    assert.same({ "person MARTA QUIROGA cue:title" }, found(kb, "es", "LA MINISTRA MARTA QUIROGA\n\nHabló ayer."))
  end)
  it("a venue named in the English order ends in Arena", function()
    assert.same({ "place Brenta Arena cue:place_tail" }, found(kb, "it", "Si gioca alla Brenta Arena domenica."))
  end)
  it("Spanish don, in lower case, is a title before a name of one word", function()
    assert.same({ "person Apolinar cue:title" }, found(kb, "es", "Declaró ante el juez don Apolinar ayer."))
    -- capitalised it is the English given name
    assert.same({ "person Don Johnson names:given" }, found(kb, "es", "Lo vio Don Johnson en Miami."))
  end)
  it("after a reporting verb, an unknown word and a particle before a known full name are no part of it", function()
    -- the government of a person is the person (el Gobierno de X afirmó)
    assert.same({ "person Lucía Ferrandis cue:say" },
      found(kb, "es", "Ayer el Gobierno de Lucía Ferrandis afirmó lo contrario."))
    -- a run opened by a known given name keeps its particle
    assert.same({ "person Juan de Dios Ferrandis cue:say" },
      found(kb, "es", "Ayer Juan de Dios Ferrandis afirmó lo contrario."))
  end)
  it("Spanish: a title matches no word written with an accent it lacks (Secretaría, the secretariat)", function()
    assert.same({ "org Secretaría General de la Presidencia cue:org_head" },
      found(kb, "es", "El informe está en la Secretaría General de la Presidencia desde ayer."))
    assert.same({ "org Subsecretaría de Pesca cue:org_head" },
      found(kb, "es", "Ayer la Subsecretaría de Pesca informó."))
    -- the secretary, and the title written in capitals without its accents
    assert.same({ "person Ana Ferrandis cue:title" },
      found(kb, "es", "Habló la secretaria general Ana Ferrandis."))
    assert.same({ "person Ana Ferrandis cue:title" },
      found(kb, "es", "HABLÓ LA SECRETARIA GENERAL Ana Ferrandis."))
  end)
  it("Spanish: heads of Latin American institutions and state companies; Suprema Corte; a place's Río", function()
    assert.same({ "org Suprema Corte de Justicia de la Provincia cue:org_head" },
      found(kb, "es", "Lo resolvió la Suprema Corte de Justicia de la Provincia ayer."))
    assert.same({ "org Poder Judicial de la Federación cue:org_head" },
      found(kb, "es", "Los empleados del Poder Judicial de la Federación protestaron."))
    assert.same({ "org Dirección de Aduanas cue:org_head", "org Administración Federal de Ingresos cue:org_head" },
      found(kb, "es", "Lo pidió la Dirección de Aduanas a la Administración Federal de Ingresos ayer."))
    assert.same({ "org Petróleos Nacionales cue:org_head" },
      found(kb, "es", "La estatal Petróleos Nacionales perdió dinero."))
    -- a capitalised place head after a connector is a word of the place's
    -- name, not the next place (el municipio de X del Río)
    assert.same({ "place Villanueva del Río cue:place_head" },
      found(kb, "es", "El municipio de Villanueva del Río fue evacuado."))
  end)
  it("a given name the gazetteer knows as a town or a region opens a person's two given names", function()
    local function gaz(text, word, id, big)
      local a = assert(text:find(word, 1, true))
      local b = a + #word - 1
      return { gazetteer = { [a] = b }, cities = big and { [a] = b } or {}, gaz_ids = { [a .. ":" .. b] = id } }
    end
    local t = "La senadora Karen Ferrandis Gómez advirtió ayer."
    assert.same({ "person Karen Ferrandis Gómez cue:title" },
      found(kb, "es", t, gaz(t, "Karen", "place:region:MM-13", true)))
    t = "Visto el recurso que interpuso David Óscar Ferrandis ayer."
    assert.same({ "person David Óscar Ferrandis names:given" },
      found(kb, "es", t, gaz(t, "David", "place:gn:1", false)))
    -- a city of 100,000 or more is the judge's seat (il giudice di Roma)
    t = "Lo ha deciso il giudice di Roma Roberta Ferrandis ieri."
    assert.same({ "person Roberta Ferrandis names:given" },
      found(kb, "it", t, gaz(t, "Roma", "place:city:Europe/Rome", true)))
  end)
  it("Spanish: a person's two surnames repeated side by side are one repeat", function()
    assert.same({ "person Cielo María Ferrandis Gonzalvo cue:title", "person Ferrandis Gonzalvo propagated" },
      found(kb, "es", "Declaró la jueza Cielo María Ferrandis Gonzalvo. Ayer Ferrandis Gonzalvo no vino."))
    -- two people's surnames side by side stay two
    assert.same({ "person Ana Ferrandis cue:title", "person Luis Gonzalvo names:given",
                  "person Ferrandis propagated", "person Gonzalvo propagated" },
      found(kb, "es", "Hablaron la jueza Ana Ferrandis y el fiscal Luis Gonzalvo. Ayer Ferrandis Gonzalvo no vino."))
  end)

  it("venues: a lower-case venue word before a name, outside it; the name alone later is the place", function()
    assert.same({ "place Monteverde cue:place_head", "place Monteverde propagated" },
      found(kb, "es", "La final será en el estadio Monteverde. Los hinchas llenarán el Monteverde."))
    assert.same({ "place Ribamar Lopes cue:place_head", "place Ribamar Lopes propagated" },
      found(kb, "pt", "O time embarcou no aeroporto Ribamar Lopes. No Ribamar Lopes havia festa."))
    assert.same({ "place Valdimonte cue:place_head" },
      found(kb, "it", "I tifosi sono arrivati alla stazione Valdimonte ieri."))
    assert.same({ "place Bellerive cue:place_head" },
      found(kb, "fr", "Les supporters partent de la gare Bellerive ce matin."))
    -- the generic word alone names nothing
    assert.same({}, found(kb, "es", "Los hinchas llegaron al estadio y al aeropuerto temprano."))
    -- capitalised, the word opens the name; a name of two words or more is the place alone later
    assert.same({ "place Aeroporto Ribamar Lopes cue:place_head", "place Ribamar Lopes propagated" },
      found(kb, "pt", "O Aeroporto Ribamar Lopes fechou. A pista do Ribamar Lopes reabriu."))
    -- French Stade: the stadium, but the club before a demonym
    assert.same({ "place Stade Jean-Bellerive cue:place_head" },
      found(kb, "fr", "Le match aura lieu au Stade Jean-Bellerive samedi."))
    assert.same({ "place Stade de Bellerive cue:place_head" },
      found(kb, "fr", "Le match aura lieu au Stade de Bellerive samedi."))
    assert.same({}, found(kb, "fr", "Le Stade Bellerive a perdu samedi."))
    -- the head alone before a connector names nothing (the club at a ground)
    assert.same({}, found(kb, "fr", "La prochaine rencontre du Stade à Mayol aura lieu samedi."))
    -- an organisation's tail inside a name a capitalised place head opens is a word of the place
    assert.same({ "place Aeropuerto Internacional de Villanúa cue:place_head" },
      found(kb, "es", "Los vuelos llegaron al Aeropuerto Internacional de Villanúa por la tarde."))
    -- a venue's name ends before di and a city the gazetteer knows, and a street's goes on past it
    local text = "I tifosi sono arrivati allo stadio Valdimonte di Castellino ieri sera."
    local c = text:find("Castellino", 1, true)
    assert.same({ "place Valdimonte cue:place_head" },
      found(kb, "it", text, { cities = { [c] = c + #"Castellino" - 1 } }))
    text = "O posto fica na rua Barão do Castellino, no centro."
    c = text:find("Castellino", 1, true)
    assert.same({ "place Barão do Castellino cue:place_head" },
      found(kb, "pt", text, { cities = { [c] = c + #"Castellino" - 1 } }))
    -- a street's word before its name, outside it
    assert.same({ "place Barão Lopes cue:place_head" },
      found(kb, "pt", "O Ambulatório Central, localizado na rua Barão Lopes, abriu cedo."))
    -- a capitalised venue named after a person ends before a particle and a city; one named by
    -- no person keeps it
    text = "La final será en el Estadio Mario Quintana de Castellino el sábado."
    c = text:find("Castellino", 1, true)
    assert.same({ "place Estadio Mario Quintana cue:place_head" },
      found(kb, "es", text, { cities = { [c] = c + #"Castellino" - 1 } }))
    text = "La final será en el Estadio Único de Castellino el sábado."
    c = text:find("Castellino", 1, true)
    assert.same({ "place Estadio Único de Castellino cue:place_head" },
      found(kb, "es", text, { cities = { [c] = c + #"Castellino" - 1 } }))
    -- after a connector with no cue before it, the place head opens a place of its own
    assert.same({ "place Aeroporto Ribamar Lopes cue:place_head" },
      found(kb, "pt", "Seguranças do Aeroporto Ribamar Lopes impediram a entrada."))
    assert.same({ "org Stade Brestois cue:org_head" },
      found(kb, "fr", "Le Stade Brestois a gagné samedi."))
  end)
  it("an acronym names an organisation in brackets after its spelled-out name, or after a determiner", function()
    -- the initials of the name's words but its connectors, or of all its words
    assert.same({ "org Unidad Táctica Móvil shape:acronym", "org UTM acronym", "org UTM shape:acronym" },
      found(kb, "es", "Agentes de la Unidad Táctica Móvil (UTM) detuvieron a dos hombres. Según la UTM, huían."))
    assert.same({ "org Groupement pour la sécurité ferroviaire shape:acronym", "org GSF acronym" },
      found(kb, "fr", "Le Groupement pour la sécurité ferroviaire (GSF) a publié un rapport."))
    -- a term defined by its acronym names no organisation: no word of the name is an organisation's cue
    assert.same({},
      found(kb, "en", "Its Gross Domestic Product (GDP) grew and the Chief Executive Officer (CEO) left."))
    assert.same({}, found(kb, "es", "Reclamaron un Ingreso Mínimo Vital (IMV) para las familias."))
    -- a person's initials are no organisation's acronym
    assert.same({ "person Juan Pablo Ruiz Ortega cue:title" },
      found(kb, "es", "El mandatario Juan Pablo Ruiz Ortega (JPRO) habló ayer."))
    -- after an article or an article joined to a preposition, elided too
    assert.same({ "org CRVT shape:acronym" }, found(kb, "it", "Il rapporto è stato diffuso dalla CRVT ieri sera."))
    assert.same({ "org UNPR shape:acronym" }, found(kb, "fr", "Le syndicat a rejoint l’UNPR la semaine dernière."))
    -- not an acronym of a thing (a stop word), a Roman numeral, nor one in a capitalised sentence start
    assert.same({}, found(kb, "es", "El PIB creció un dos por ciento y el IVA no cambió."))
    assert.same({ "org SPTA shape:acronym" },
      found(kb, "es", "La II Guerra Mundial terminó. Lo dijo el SPTA en un comunicado."))
    assert.same({}, found(kb, "it", "Il CRVT ha diffuso il rapporto."))
    -- a name in camel case after a determiner; an elided article after a comma
    assert.same({ "org SiCobas shape:acronym" },
      found(kb, "it", "Secondo il SiCobas e il sindacato, lo sciopero continua."))
    assert.same({ "org UNPR shape:acronym" }, found(kb, "fr", "Un syndicat minoritaire, l’UNPR, a appelé à la grève."))
    -- but not the abbreviation of the term named right before the comma
    assert.same({}, found(kb, "fr", "Le texte rétablit la couverture maladie universelle, la CMU, pour tous."))
    assert.same({}, found(kb, "fr", "Il parle de l'allocation de rentrée scolaire, l'ARS, versée en août."))
    -- a place opened by a place_head keeps its acronym's name a place
    assert.same({ "place Parque Natural da Serra Alta cue:place_head" },
      found(kb, "pt", "O fogo atingiu o Parque Natural da Serra Alta (PNSA) ontem."))
  end)
  it("Italian: e before an article joined to a preposition and another head opens a second name", function()
    assert.same({ "org Guardia di Finanza cue:org_head", "org Carabinieri di Cremona cue:org_head" },
      found(kb, "it", "Le indagini della Guardia di Finanza e dei Carabinieri di Cremona sono concluse."))
    assert.same({ "org Ministero delle Infrastrutture e dei Trasporti cue:org_head" },
      found(kb, "it", "Il decreto del Ministero delle Infrastrutture e dei Trasporti è stato firmato."))
    -- the powers of the state by name (Portuguese Poder Judiciário, Poder Executivo)
    assert.same({ "org Poder Judiciário cue:org_head", "org Poder Executivo cue:org_head" },
      found(kb, "pt", "A decisão cabe ao Poder Judiciário e não ao Poder Executivo, disse o juiz."))
  end)
  it("capitalised words before a comma and an org_title with no article are that organisation", function()
    assert.same({ "org Trelva cue:org_title" },
      found(kb, "es", "La denuncia la presentó Trelva, sindicato mayoritario en la policía local."))
    -- a one-word name found so is the organisation again later
    assert.same({ "org Trelva cue:org_title", "org Trelva propagated" },
      found(kb, "es", "La denuncia la presentó Trelva, sindicato mayoritario. Luego Trelva descubrió el fraude."))
    assert.same({ "org Acmeris cue:org_title" },
      found(kb, "fr", "Les salariés d'Acmeris, filiale du groupe, sont en grève."))
    -- with an article the words after the comma open the next clause
    assert.same({}, found(kb, "it", "Con il pareggio raccolto al Brolino, la formazione toscana resta terza."))
    -- a person before the comma is none
    assert.same({ "person Ana Ferrer cue:say" },
      found(kb, "es", "Lo dijo Ana Ferrer, empresa aparte."))
    -- nor in a language without articles, where the words after the comma go on with the next clause
    for _, f in ipairs(found(kb, "ru", "Как напомнил Дрозменко, компании принадлежит крупный завод в регионе.")) do
      assert.is_nil(f:find("^org"))
    end
  end)
  it("a level's adjective after a title, and the newsroom in a byline, name nobody", function()
    assert.same({ "person Mario Rossi cue:title", "org Guardia di Finanza cue:org_head" },
      found(kb, "it", "Il Generale Mario Rossi ha incontrato il Comandante Regionale della Guardia di Finanza."))
    assert.same({}, found(kb, "es", "Por Redacción Central\n\nEl decreto salió ayer con el apoyo de sus socios."))
    -- an organisation's name keeps them
    assert.same({ "org Polizia Provinciale cue:org_head", "org Direzione Nazionale Antimafia cue:org_head" },
      found(kb, "it", "La Polizia Provinciale e la Direzione Nazionale Antimafia hanno firmato."))
  end)
  it("a head marked alone names its institution after a determiner", function()
    assert.same({ "org Fiscalía cue:org_head", "org Ayuntamiento de Sevilla cue:org_head" },
      found(kb, "es", "El alcalde firmó con la Fiscalía ayer y habló al Ayuntamiento de Sevilla. La fiscalía calla."))
    assert.same({ "org Procura cue:org_head", "org Comune cue:org_head" },
      found(kb, "it", "Secondo la Procura, il Comune ha sbagliato."))
    -- not sentence-initial, not in lower case
    assert.same({}, found(kb, "pt", "Prefeitura nova, disse ele. A prefeitura não respondeu."))
  end)
  it("a head of two words that is the whole capitalised run is the name", function()
    assert.same({ "org Ministério Público cue:org_head" },
      found(kb, "pt", "O Ministério Público informou que vai recorrer da decisão."))
    assert.same({ "org Consiglio Regionale cue:org_head" },
      found(kb, "it", "La decisione del Consiglio Regionale è arrivata ieri."))
    assert.same({ "org Conseil Départemental cue:org_head" },
      found(kb, "fr", "Les autorités du Conseil Départemental à la gestionnaire ont répondu."))
  end)
  it("a name after a descriptor goes on over a connector; its acronym after a comma is its", function()
    assert.same({ "org Alianza Vecinal de Barrios Unidos cue:org_title", "org AVBU acronym", "org AVBU acronym" },
      found(kb, "es", "Según el sindicato Alianza Vecinal de Barrios Unidos, AVBU, la queja sigue. La AVBU recurrió."))
    -- a one-word name or a place after the connector stays apart; the acronym's letters
    -- must be the name's initials
    assert.same({ "org Vintage Foods cue:org_title" },
      found(kb, "es", "La empresa Vintage Foods de Madrid, ASTV, cerró.", { gazetteer = { [29] = 34 } }))
  end)
  it("a company's name with its designator holds a connector, not after a given name", function()
    assert.same({ "org Serrano Gestión de Cobros S.L.U. cue:org_designator" },
      found(kb, "es", "Los trabajadores de Serrano Gestión de Cobros S.L.U. fueron a la huelga."))
    assert.same({ "org Tecnomar Motors do Norte Ltda cue:org_designator" },
      found(kb, "pt", "A fábrica da Tecnomar Motors do Norte Ltda fechou ontem."))
    assert.same({ "org Acme S.L. cue:org_designator" },
      found(kb, "es", "Dimitió ayer Juan Pérez de Acme S.L. por sorpresa."))
  end)
  it("a run opening on a gazetteer organisation's last word, past an elided article, starts after it", function()
    local t = "Il fondatore di Amici d'Italia Guido Ferrante ha parlato ieri."
    local a = t:find("Amici", 1, true)
    local b = t:find("Italia", 1, true) + #"Italia" - 1
    assert.same({ "person Guido Ferrante names:given" },
      found(kb, "it", t, { orgs = { [a] = b }, gazetteer = { [a] = b } }))
  end)
end)
