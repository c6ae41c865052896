-- glean.entities in scripts without capital letters added after Arabic,
-- Devanagari and Hangul: Hebrew (prefixes on the word), Bengali (case
-- endings on the word) and Thai (no spaces between words).  Sentences
-- written for this spec (no news, no dev-set text), each asserting the
-- exact surfaces, types and sources found, and sentences where nothing may be.
if not glean_spec then require "spec.helper" end
local entities = require "glean.entities"

local found = glean_spec.found   -- { "TYPE surface SOURCE", ... } (spec/helper.lua)

describe("scripts without capital letters", function()
  local kb
  setup(function() kb = assert(entities.load()) end)

  it("Hebrew: titles with their prefixes, two-word names, particles, verbs as stops", function()
    assert.same({ "person יונתן אלמוג cue:title" },
      found(kb, "he", "ראש הממשלה יונתן אלמוג נפגש עם השרים."))
    -- a prefix on the title (ל, ו+ה) and on a second name (ו: a second person)
    assert.same({ "person מיכל אבירם cue:title" },
      found(kb, "he", "לשרת החוץ מיכל אבירם נשלח מכתב."))
    assert.same({ "person אביעד רוזנברג cue:title" },
      found(kb, "he", "והשר אביעד רוזנברג ויאיר שלו הגיעו לכנס."))
    -- a particle inside the name; the verb after it is no part of it
    assert.same({ "person רונית בן דוד cue:title" },
      found(kb, "he", "לדברי שרת החוץ רונית בן דוד, ההסכם ייחתם בקרוב."))
    assert.same({ "person אלון שמיר cue:title" }, found(kb, "he", "הרמטכ\"ל אלון שמיר ביקר בבסיס."))
    -- the title's definite complement, then the name; a name in apposition between commas
    assert.same({ "person אורי כרמל cue:title" },
      found(kb, "he", "יו\"ר האופוזיציה אורי כרמל תקף את ההחלטה."))
    assert.same({ "person תמר גלעדי cue:title" },
      found(kb, "he", "יו״ר הוועדה תמר גלעדי פתחה את הדיון."))
    assert.same({ "person עידו שגיא cue:title" },
      found(kb, "he", "שר החוץ השוודי, עידו שגיא, הגיע אמש לביקור."))
    assert.same({}, found(kb, "he", "ראש הממשלה, כך נמסר, לא ישתתף בטקס."))
    -- an organisation as the title's complement, then a known given name; nothing when none follows
    assert.same({ "org בנק ישראל cue:org_head", "person אמיר לוינסון cue:title" },
      found(kb, "he", "מנכ\"ל בנק ישראל אמיר לוינסון פורש מתפקידו."))
    assert.same({ "org בנק ישראל cue:org_head" }, found(kb, "he", "מנכ\"ל בנק ישראל שאליו הגיעו מועמדים רבים."))
    -- the full name found twice, then its surname alone (also after a prefix)
    assert.same({ "person אורי כרמל cue:title", "person אורי כרמל cue:title", "person כרמל propagated" },
      found(kb, "he", "השר אורי כרמל נאם. השר אורי כרמל סיים. לדברי הדובר, כרמל יחזור."))
    assert.same({ "person נועה ברק cue:title", "org מפלגת העבודה cue:org_head" },
      found(kb, "he", "ח\"כ נועה ברק ממפלגת העבודה תקפה את הממשלה."))
  end)

  it("Hebrew: a prefixed place, a preposition on a common word or a verb after a title is no name", function()
    -- the gazetteer found the place after the prefixes (ב|ירושלים, מ|תל אביב): no person
    local text = "הנשיא הגיע בירושלים ביום שני."
    local p = text:find("ירושלים", 1, true)
    assert.same({}, found(kb, "he", text, { gazetteer = { [p] = p + #"ירושלים" - 1 } }))
    text = "ראש הממשלה בירושלים ביום שני."
    p = text:find("ירושלים", 1, true)
    assert.same({}, found(kb, "he", text, { gazetteer = { [p] = p + #"ירושלים" - 1 } }))
    text = "השר מתל אביב הודיע על הצעד."
    p = text:find("תל אביב", 1, true)
    assert.same({}, found(kb, "he", text, { gazetteer = { [p] = p + #"תל אביב" - 1 } }))
    -- the place after the name ends it; without the gazetteer's place the word is a name's
    text = "השר יונתן אלמוג בחיפה אמש."
    p = text:find("חיפה", 1, true)
    assert.same({ "person יונתן אלמוג cue:title" }, found(kb, "he", text, { gazetteer = { [p] = p + #"חיפה" - 1 } }))
    -- a verb written with ה after the title is no complement of it (a stop word)
    assert.same({}, found(kb, "he", "הנשיא הגיע למקום ביום שני."))
    -- a preposition on a stop word or an everyday word of the name lists (באביב 'in spring')
    assert.same({}, found(kb, "he", "השר באביב האחרון נסע."))
    -- a name that starts with such a letter stays a name (מיכל, ברק)
    assert.same({ "person מיכל ברק cue:title" }, found(kb, "he", "השרה מיכל ברק נאמה אמש."))
    -- a preposition on a plural (לצעדים) after a title; a present-tense verb (מודיע)
    assert.same({}, found(kb, "he", "השר לצעדים חדשים התייחס בחומרה."))
    assert.same({}, found(kb, "he", "נשיא המדינה מודיע דרמטית על צעד חדש."))
    -- ה written after a preposition: an infinitive or a noun with its article (להפריד, בהודעה);
    -- a name of four letters opening so stays one (להבי)
    assert.same({}, found(kb, "he", "ההנחה השר להפריד את המחלקות."))
    assert.same({}, found(kb, "he", "ראש הממשלה בהודעה מיוחדת אמר כי ימשיך."))
    assert.same({ "person להבי cue:title" }, found(kb, "he", "השר להבי הגיע אמש."))
  end)

  it("Hebrew: a place as the title's complement, after של, in apposition, and ending the name", function()
    local function gaz(text, ...)
      local g = {}
      for _, name in ipairs { ... } do
        local p = text:find(name, 1, true)
        g[p] = p + #name - 1
      end
      return { gazetteer = g }
    end
    local text = "וראש עיריית ירושלים אליאב אבידן ביקר בבית הספר."
    assert.same({ "org עיריית ירושלים cue:org_head", "person אליאב אבידן cue:title" },
      found(kb, "he", text, gaz(text, "ירושלים")))
    text = "שר החוץ של בריטניה רון גבעון נפגש עם עמיתו."
    assert.same({ "person רון גבעון cue:title" }, found(kb, "he", text, gaz(text, "בריטניה")))
    -- the name between commas after the complement; a place in apposition is a given name (ישראל)
    text = "ראש ממשלת בריטניה, דנה שחר, הגיעה לביקור."
    assert.same({ "person דנה שחר cue:title" }, found(kb, "he", text, gaz(text, "בריטניה")))
    text = "שר הביטחון, ישראל אבידן, ביקר בבסיס."
    assert.same({ "person ישראל אבידן cue:title" }, found(kb, "he", text, gaz(text, "ישראל")))
    -- a place after the title's prefixed complement is no name (השר לענייני ירושלים)
    text = "השר לענייני ירושלים הגיע לטקס."
    assert.same({}, found(kb, "he", text, gaz(text, "ירושלים")))
    -- של without a place after it: no complement, no name
    assert.same({}, found(kb, "he", "שר החוץ של המדינה הגיע אמש."))
    -- a definite title takes no complement: a place that is a given name is the name's,
    -- and that given name alone is not propagated to the place (בישראל)
    text = "והשר ישראל אבידן נאם אמש. הוא חי בישראל שנים רבות."
    local p1 = text:find("ישראל", 1, true)
    local p2 = text:find("ישראל", p1 + 1, true)
    assert.same({ "person ישראל אבידן cue:title" },
      found(kb, "he", text, { gazetteer = { [p1] = p1 + #"ישראל" - 1, [p2] = p2 + #"ישראל" - 1 } }))
    -- a place's head as the complement, then another title: no name of the first (מפקד)
    assert.same({ "place מחוז הדרום cue:place_head", "person אליאב אבידן cue:title" },
      found(kb, "he", "מפקד מחוז הדרום, ניצב אליאב אבידן מסר כי החקירה נמשכת."))
  end)

  it("Hebrew: a stop word is no prefixed title, לשעבר is the title's, an organisation keeps ל and ב", function()
    -- מדובר 'it is about' is no מ + דובר (spokesman)
    assert.same({}, found(kb, "he", "מדובר בירידה של מנדט אחד."))
    assert.same({ "person נפתלי אבידן cue:title" }, found(kb, "he", "בראשות רה\"מ לשעבר נפתלי אבידן הוקמה הרשימה."))
    -- לבן is no preposition inside an organisation's name
    assert.same({ "org מפלגת כחול לבן cue:org_head" }, found(kb, "he", "מפלגת כחול לבן לא עוברת את אחוז החסימה."))
    -- a definite head and an ordinal or size adjective: a common noun phrase
    assert.same({}, found(kb, "he", "היא המפלגה הגדולה בכנסת."))
    -- a head in the construct state with the article written before it: a common noun
    assert.same({}, found(kb, "he", "צמרת הפיקוד והאוגדות הלוחמות השתתפו בדיון."))
    assert.same({ "org פיקוד הצפון cue:org_head" }, found(kb, "he", "בפיקוד הצפון השתתפו בדיון."))
  end)

  it("Hebrew: a title with כ 'as' names nobody, an age is no name, a chancellor's name after the country", function()
    assert.same({}, found(kb, "he", "ביומו הראשון כנשיא מעוררת ההחלטה כבוד."))
    assert.same({}, found(kb, "he", "הנשיא בן ה-39 הכריז על ממשלה חדשה."))
    -- a short text of unknown language in Hebrew letters is read as Hebrew (langid gives und)
    assert.same({}, found(kb, "und", "מדובר בירידה של מנדט."))
    assert.same({}, found(kb, "und", "השר לצעדים חדשים התייחס"))
    assert.same({ "person נתניהו cue:title" }, found(kb, "und", "ראש הממשלה נתניהו אמר"))
    -- a given name spelled as a verb (נתן 'gave') is the name's when a known name follows it
    assert.same({ "person נתן שחר cue:title" }, found(kb, "he", "הוועדה בראשות ד\"ר נתן שחר, ולצדה חברים נוספים."))
    assert.same({}, found(kb, "he", "השר נתן הוראה לפנות את המקום."))
    local text = "קנצלרית גרמניה אליאב אבידן אירחה היום את עמיתה."
    local p = text:find("גרמניה", 1, true)
    assert.same({ "person אליאב אבידן cue:title" }, found(kb, "he", text, { gazetteer = { [p] = p + #"גרמניה" - 1 } }))
  end)

  it("Hebrew: organisations after a head in the construct state, without the prefix", function()
    assert.same({ "org משרד הבריאות cue:org_head" },
      found(kb, "he", "במשרד הבריאות הודיעו על הנחיות חדשות."))
    -- after a definite word only definite ones: the verb ends the name
    assert.same({ "org בית המשפט העליון cue:org_head" },
      found(kb, "he", "בית המשפט העליון דחה את העתירה."))
    assert.same({ "org בית המשפט המחוזי cue:org_head" },
      found(kb, "he", "בית המשפט המחוזי בחיפה גזר את דינו."))
    -- proper names without the article; the head's own article does not count
    assert.same({ "org אוניברסיטת תל אביב cue:org_head" },
      found(kb, "he", "אוניברסיטת תל אביב פרסמה מחקר חדש."))
    assert.same({ "org מכבי חיפה cue:org_head" }, found(kb, "he", "הקבוצה ניצחה את מכבי חיפה."))
    -- a definite head takes definite words only
    assert.same({ "org המועצה האזורית cue:org_head" },
      found(kb, "he", "המועצה האזורית אישרה את התוכנית."))
    -- no name: a sentence of common words; a two-letter title inside a word (בשר)
    assert.same({}, found(kb, "he", "היום בבוקר ירד גשם חזק בצפון."))
    assert.same({}, found(kb, "he", "בשר עוף מתייקר בחנויות לקראת החג."))
  end)

  it("Bengali: titles, an abbreviated title with its period, case endings on names and heads", function()
    assert.same({ "person রফিকুল আলম cue:title" },
      found(kb, "bn", "প্রধানমন্ত্রী রফিকুল আলম বলেন, সরকার কৃষকদের পাশে আছে।"))
    assert.same({ "person নাসির উদ্দিন cue:title" },
      found(kb, "bn", "তথ্যমন্ত্রী ড. নাসির উদ্দিন আজ সচিবালয়ে সাংবাদিকদের সঙ্গে কথা বলেন।"))
    -- the genitive on the name is inside its span, and its surname alone with an ending propagates
    assert.same({ "person সুমাইয়া হকের cue:title", "person হকের propagated" },
      found(kb, "bn", "মেয়র সুমাইয়া হকের বক্তব্যের পর হকের সমর্থকরা চলে যান।"))
    -- the head word with its ending: whole word in the span; a locative before it is no part of it
    assert.same({ "org পররাষ্ট্র মন্ত্রণালয়ের cue:org_tail" },
      found(kb, "bn", "পররাষ্ট্র মন্ত্রণালয়ের এক বিবৃতিতে এ কথা জানানো হয়।"))
    assert.same({ "org শিক্ষা মন্ত্রণালয়ের cue:org_tail" },
      found(kb, "bn", "সচিবালয়ে শিক্ষা মন্ত্রণালয়ের সভায় সিদ্ধান্ত হয়।"))
    assert.same({ "org সবুজ নদী সমিতির cue:org_tail" },
      found(kb, "bn", "সবুজ নদী সমিতির সদস্যরা মানববন্ধন করেন।"))
    -- an acronym of letter names written as one word, with its ending; not a common word (এটি: এ + টি)
    assert.same({ "org আইএমএফের cue:letters" },
      found(kb, "bn", "আইএমএফের প্রতিনিধিরা ঢাকায় এসেছেন।"))
    assert.same({}, found(kb, "bn", "এটি একটি ভালো উদ্যোগ।"))
    -- a title with a case ending is no title before a name (প্রধানমন্ত্রীর বক্তব্য: the PM's speech)
    assert.same({}, found(kb, "bn", "প্রধানমন্ত্রীর বক্তব্য শুনতে মানুষ জড়ো হয়।"))
    assert.same({}, found(kb, "bn", "বৃহস্পতিবার সকালে ঢাকায় বৃষ্টি হয়েছে।"))
  end)

  it("Thai: a name written onto its honorific or rank, the surname after one space", function()
    assert.same({ "person สมศรี ใจกล้า cue:title" },
      found(kb, "th", "นางสมศรี ใจกล้า กล่าวว่า รัฐบาลจะช่วยเหลือเกษตรกร"))
    -- an office before the honorific opens no name of its own
    assert.same({ "person วิชัย รุ่งเรือง cue:title" },
      found(kb, "th", "นายกรัฐมนตรี นายวิชัย รุ่งเรือง เดินทางไปเชียงใหม่"))
    -- a rank with periods, a rank written apart, an office after the name
    assert.same({ "person ธนากร ศรีสุข cue:title" },
      found(kb, "th", "ร.ต.อ.ธนากร ศรีสุข รองผู้กำกับการ เปิดเผยว่า"))
    assert.same({ "person ประสิทธิ์ มั่นคง cue:title" },
      found(kb, "th", "พลเอก ประสิทธิ์ มั่นคง ผู้บัญชาการทหารบก ให้สัมภาษณ์"))
    -- a reporting verb written onto the given name ends it; a party written onto its head
    assert.same({ "person ชาญชัย cue:title", "org พรรคก้าวหน้าใหม่ cue:org_head" },
      found(kb, "th", "นายชาญชัยกล่าวว่า พรรคก้าวหน้าใหม่จะส่งผู้สมัคร"))
    -- after a stop phrase; the ministry after the office; the given name alone later
    assert.same({ "person วิชัย รุ่งเรือง cue:title", "org กระทรวงพาณิชย์ cue:org_head",
      "person วิชัย propagated" },
      found(kb, "th", "ภายหลังนายวิชัย รุ่งเรือง รัฐมนตรีว่าการกระทรวงพาณิชย์ เข้าร่วมประชุม วิชัยกล่าวว่า"))
    -- นาย inside the word นายจ้าง (employer), a head inside a word ICU split (นารีสโมสร)
    assert.same({}, found(kb, "th", "นายจ้างต้องจ่ายค่าแรงตามกฎหมาย"))
    assert.same({}, found(kb, "th", "คุณภาพของสินค้าดีขึ้นมาก"))
    -- คุณ as an honorific; a given name seen with its surname takes no other phrase as one
    assert.same({ "person มานพ ศรีงาม cue:title", "person มานพ cue:title" },
      found(kb, "th", "คุณมานพ ศรีงาม เดินทางมาถึง ต่อมาคุณมานพ เสนอแผนใหม่"))
    assert.same({}, found(kb, "th", "ตึกนารีสโมสร ทำเนียบรัฐบาล"))
  end)

  it("Punjabi, Gujarati, Marathi, Tamil, Telugu: a title and the words after it, a tail and the words before it",
    function()
    assert.same({ "person ਹਰਪ੍ਰੀਤ ਸਿੰਘ ਗਿੱਲ cue:title" },
      found(kb, "pa", "ਮੁੱਖ ਮੰਤਰੀ ਹਰਪ੍ਰੀਤ ਸਿੰਘ ਗਿੱਲ ਨੇ ਕਿਹਾ ਕਿ ਸਰਕਾਰ ਮਦਦ ਕਰੇਗੀ।"))
    assert.same({ "person ਗੁਰਦੀਪ ਸਿੰਘ cue:title" },
      found(kb, "pa", "ਪ੍ਰਧਾਨ ਗੁਰਦੀਪ ਸਿੰਘ ਨੇ ਮੀਟਿੰਗ ਸੱਦੀ।"))
    assert.same({ "org ਸਿਹਤ ਮੰਤਰਾਲੇ cue:org_tail" },
      found(kb, "pa", "ਸਿਹਤ ਮੰਤਰਾਲੇ ਨੇ ਨਵੀਆਂ ਹਦਾਇਤਾਂ ਜਾਰੀ ਕੀਤੀਆਂ।"))
    -- the ergative written onto the name is inside it
    assert.same({ "person રમેશ દેસાઈએ cue:title" },
      found(kb, "gu", "મુખ્યમંત્રી રમેશ દેસાઈએ કહ્યું કે સરકાર મદદ કરશે."))
    assert.same({ "org આરોગ્ય મંત્રાલય cue:org_tail" },
      found(kb, "gu", "આરોગ્ય મંત્રાલય દ્વારા નવી માર્ગદર્શિકા જાહેર કરવામાં આવી."))
    assert.same({ "person सुनील पाटील cue:title" },
      found(kb, "mr", "मुख्यमंत्री सुनील पाटील यांनी सांगितले की सरकार मदत करेल."))
    assert.same({ "person अजय कुलकर्णी cue:title" },
      found(kb, "mr", "पंतप्रधान अजय कुलकर्णी यांनी पुण्यात भाषण केले."))
    -- Tamil: one word after a title, initials joined to it
    assert.same({ "person அ.க.அருண்குமார் cue:title" },
      found(kb, "ta", "முதல்வர் அ.க.அருண்குமார் நகைச்சுவையாக கூறினார்."))
    assert.same({ "org வெளியுறவு அமைச்சகம் cue:org_tail" },
      found(kb, "ta", "வெளியுறவு அமைச்சகம் அறிக்கை வெளியிட்டது."))
    assert.same({ "person రమేష్ నాయుడు cue:title" },
      found(kb, "te", "ముఖ్యమంత్రి రమేష్ నాయుడు మీడియాతో మాట్లాడుతూ ఈ విషయం చెప్పారు."))
    assert.same({ "org విదేశాంగ శాఖ cue:org_tail" },
      found(kb, "te", "విదేశాంగ శాఖ ఒక ప్రకటన విడుదల చేసింది."))
    assert.same({}, found(kb, "pa", "ਅੱਜ ਸਵੇਰੇ ਸ਼ਹਿਰ ਵਿੱਚ ਮੀਂਹ ਪਿਆ।"))
    assert.same({}, found(kb, "gu", "આજે સવારે શહેરમાં વરસાદ પડ્યો."))
    assert.same({}, found(kb, "mr", "आज सकाळी शहरात पाऊस पडला."))
    assert.same({}, found(kb, "ta", "இன்று காலை நகரில் மழை பெய்தது."))
    assert.same({}, found(kb, "te", "ఈరోజు ఉదయం నగరంలో వర్షం కురిసింది."))
  end)

  it("Armenian (cased), Georgian and Amharic (no case): titles, tails, case endings inside the span", function()
    -- Armenian capitals U+0540-U+0556 are cased words too (Սարգսյան was an uncased word)
    assert.same({ "person Արամ Սարգսյանը cue:title", "person Սարգսյանը propagated" },
      found(kb, "hy", "Վարչապետ Արամ Սարգսյանը հայտարարեց, որ Սարգսյանը կմեկնի։"))
    assert.same({ "org Արտաքին գործերի նախարարությունը cue:org_tail" },
      found(kb, "hy", "Այսօր Արտաքին գործերի նախարարությունը հայտարարություն տարածեց։"))
    assert.same({}, found(kb, "hy", "Այսօր քաղաքում անձրև էր։"))
    -- a title in the ergative before a name in the ergative
    assert.same({ "person გიორგი ბერიძემ cue:title" },
      found(kb, "ka", "პრემიერ-მინისტრმა გიორგი ბერიძემ განაცხადა, რომ მთავრობა დაეხმარება."))
    assert.same({ "org საგარეო საქმეთა სამინისტრომ cue:org_tail" },
      found(kb, "ka", "საგარეო საქმეთა სამინისტრომ განცხადება გაავრცელა."))
    assert.same({}, found(kb, "ka", "დღეს დილით ქალაქში წვიმდა."))
    -- a name between commas after its title; a title as a common noun before a verb
    assert.same({ "person ნიკა ლომიძემ cue:title" },
      found(kb, "ka", "პრემიერ-მინისტრმა, ნიკა ლომიძემ, სამი ახალი მინისტრი წარადგინა."))
    -- an abbreviation with a slash
    assert.same({ "person ዳዊት ተሰማ cue:title" }, found(kb, "am", "ዶ/ር ዳዊት ተሰማ ዛሬ ገልጸዋል።"))
    assert.same({ "org የግብርና ሚኒስቴር cue:org_tail" }, found(kb, "am", "የግብርና ሚኒስቴር መግለጫ አውጥቷል።"))
    assert.same({}, found(kb, "am", "ዛሬ ጠዋት ዝናብ ዘንቧል።"))
  end)

  it("Korean: one name word before its title, past modifiers and descriptors; 씨 and the age on the name", function()
    -- a title's modifier (전, 신임, 임시) or a descriptor holding a title (대통령실) between name and title
    assert.same({ "person 한도윤 cue:title_after" }, found(kb, "ko", "한도윤 전 총리는 책을 냈다."))
    assert.same({ "person 서태민 cue:title_after" }, found(kb, "ko", "서태민 임시 감독이 팀을 맡았다."))
    assert.same({ "person 문가은 cue:title_after" }, found(kb, "ko", "문가은 대통령실 대변인이 밝혔다."))
    -- words before a title that are no name: none (not the two words of a clause either)
    assert.same({}, found(kb, "ko", "나머지 장관들은 회의에 참석했다."))
    assert.same({}, found(kb, "ko", "처음 참석한 신임 장관이 소감을 말했다."))
    assert.same({}, found(kb, "ko", "프로 감독 데뷔를 앞두고 있다."))
    -- one word only, never across a sentence's end (털어놨다. 차 감독은)
    assert.same({ "person 차 cue:title_after" }, found(kb, "ko", "그는 말을 아꼈다. 차 감독은 웃었다."))
    -- a caption's slash between the name and its title or organisation
    assert.same({ "person 여민수 cue:title_after" }, found(kb, "ko", "[여민수 / 대변인]"))
    assert.same({ "person 여민수 cue:title_after", "org 환경부 cue:org_tail" }, found(kb, "ko", "[여민수/환경부 장관]"))
    -- 씨 written onto the name: the whole word (no span ends inside a Hangul word), the name its label;
    -- 날씨, 아저씨 are no names
    assert.same({ "person 윤서진씨 cue:title_after" }, found(kb, "ko", "윤서진씨(42)는 경찰에 신고했다."))
    assert.same({ "person 김씨는 cue:title_after" }, found(kb, "ko", "하지만 김씨는 풀려났다."))
    assert.equal("윤서진", entities.recognise(kb, "윤서진씨(42)는 왔다.", { lang = "ko" })[1].name)
    -- a company's name written onto a number is none (6만전자: a share price)
    assert.same({}, found(kb, "ko", "주가가 '6만전자'를 회복했다."))
    assert.same({}, found(kb, "ko", "날씨가 추워 아저씨들이 모였다."))
    -- the age in brackets right after the name; a year there is none
    assert.same({ "person 배도윤 shape:age" }, found(kb, "ko", "배도윤(31)이 결승골을 넣었다."))
    assert.same({}, found(kb, "ko", "올해(2025) 예산이 늘었다."))
    -- a foreign name: two words, the first may be a syllable; a transliteration is no Korean name
    assert.same({ "person 마르코 벨리니 cue:title_after" }, found(kb, "ko", "마르코 벨리니 감독은 웃었다."))
    -- a family name and a known given name of ko-faker.tsv, no title; a given name that makes a
    -- word after a family name is flagged common there (지지율, 이재민); an adjective is none (금지한)
    assert.same({ "person 조현우가 names:given" }, found(kb, "ko", "후반에 조현우가 선방했다."))
    assert.same({}, found(kb, "ko", "지지율이 올랐고 이재민이 늘었다."))
    assert.same({}, found(kb, "ko", "금지한 물건을 가져왔다."))
    -- a full name, an organisation's short name, the title; a family name and a particle is no name
    -- (the short name is the organisation: session 8)
    assert.same({ "person 이창호 cue:title_after", "org 한은 cue:title_after" },
      found(kb, "ko", "이창호 한은 총재는 금리를 동결했다."))
    assert.same({}, found(kb, "ko", "한은 총재는 금리를 동결했다."))
    -- the family name alone before a title after the full name was found (이 is also "this")
    assert.same({ "person 이재훈 cue:title_after", "person 이 propagated" },
      found(kb, "ko", "이재훈 대통령은 말했다. 이 대통령은 웃었다."))
    assert.same({ "person 이재훈 cue:title_after" }, found(kb, "ko", "이재훈 대통령은 말했다. 이 사건은 크다."))
    assert.same({}, found(kb, "ko", "이 선수는 잘했다."))
    -- the name repeated later with a particle written onto it: the whole word
    assert.same({ "person 최무열 cue:title_after", "person 최무열은 propagated" },
      found(kb, "ko", "최무열 감독이 왔다. 최무열은 웃었다."))
  end)

  it("Korean organisations: one word ending in a tail, with its particle; generic compounds are none", function()
    assert.same({ "org 청솔남부경찰서는 cue:org_tail" }, found(kb, "ko", "청솔남부경찰서는 사건을 조사했다."))
    assert.same({ "org 세계해양기구가 cue:org_tail" }, found(kb, "ko", "세계해양기구가 보고서를 냈다."))
    assert.same({ "org 누리항공은 cue:org_tail" }, found(kb, "ko", "누리항공은 노선을 늘렸다."))
    assert.same({}, found(kb, "ko", "여러 국제기구가 참여했다."))
    assert.same({}, found(kb, "ko", "환자는 인근 종합병원으로 옮겨졌다."))
    assert.same({}, found(kb, "ko", "미국 신행정부와의 협의가 시작됐다."))
    -- a word ending in a stop word that holds the tail (지도부, 정부) is none
    assert.same({}, found(kb, "ko", "여야 원내지도부가 합의했다."))
    assert.same({}, found(kb, "ko", "독일 연방정부는 발표했다."))
    -- a party's leader acting: the name before the party and the two titles
    assert.same({ "person 한서준 cue:title_after", "org 새미래당 cue:org_tail" },
      found(kb, "ko", "한서준 새미래당 당대표 직무대행이 발언했다."))
    -- a verb form (되면, 하며) before a foreign name and its title is outside the name
    assert.same({ "person 루카스 cue:title_after" }, found(kb, "ko", "그가 오게 되면 루카스 장관과 만난다."))
  end)

  it("Korean places: the administrative word written onto the name, with its particle", function()
    -- a tail of two syllables or more alone; the next word of an address after a place
    assert.same({ "place 한빛특례시는 cue:place_tail" }, found(kb, "ko", "한빛특례시는 공원을 열었다."))
    assert.same({ "place 한빛특례시 cue:place_tail", "place 푸름구에서 cue:place_tail" },
      found(kb, "ko", "한빛특례시 푸름구에서 행사가 열렸다."))
    -- a place of the gazetteer before the tail (opts.place_name); the word with 도 "also" is one too
    local function place_name(s) return s == "가람" end
    assert.same({ "place 가람시는 cue:place_tail", "place 가람도 cue:place_tail" },
      found(kb, "ko", "가람시는 밝혔다. 가람도 그렇다.", { place_name = place_name }))
    -- its label is the gazetteer's name, without the tail and the particle
    local got = entities.recognise(kb, "가람시는 밝혔다.", { lang = "ko", place_name = place_name })
    assert.equal("가람", got[1].name)
    -- after a gazetteer match without a particle (opts.gazetteer: { [start] = stop })
    assert.same({ "place 새솔구 cue:place_tail" },
      found(kb, "ko", "가람 새솔구 주민", { gazetteer = { [1] = 6 } }))
    assert.same({}, found(kb, "ko", "가람의 새솔구 주민", { gazetteer = { [1] = 6 } }))
    -- a province's short name that is a word too (경기 'game'): a place first in an address only
    assert.same({ "place 경기 cue:place_tail" }, found(kb, "ko", "경기 가람에서 열렸다.", { gazetteer = { [8] = 19 } }))
    assert.same({ "place 경기 cue:place_tail", "org 누리경찰서에 cue:org_tail" },
      found(kb, "ko", "경기 누리경찰서에 보냈다."))
    assert.same({}, found(kb, "ko", "경기 결과가 좋았다. 경기 침체가 왔다."))
    -- a one-syllable tail needs two syllables before it; an unknown name alone is none
    assert.same({}, found(kb, "ko", "도시 인구가 늘었다는 연구 결과가 나왔다."))
    assert.same({}, found(kb, "ko", "새솔구 주민", { place_name = place_name }))
    -- a rural address: the township and village after a county's or city's word (gazetteer or found)
    assert.same({ "place 새솔면 cue:place_tail", "place 풀빛리의 cue:place_tail" },
      found(kb, "ko", "가람군 새솔면 풀빛리의 공장", { gazetteer = { [1] = 9 } }))
    assert.same({ "place 한빛특례시 cue:place_tail", "place 새솔면 cue:place_tail" },
      found(kb, "ko", "한빛특례시 새솔면 주민"))
    -- not after a place without an administrative word, nor a verb's conditional or a word in 리
    assert.same({}, found(kb, "ko", "가람 새솔면 주민", { gazetteer = { [1] = 6 } }))
    assert.same({}, found(kb, "ko", "가람군 했으면 좋겠다. 가람군 사투리", { gazetteer = { [1] = 9, [32] = 40 } }))
    -- townships, villages and neighbourhoods listed: three or more, or two joined by 와/과
    assert.same({ "place 새솔면 cue:place_tail", "place 풀빛면 cue:place_tail", "place 한결동 cue:place_tail" },
      found(kb, "ko", "대피 지역은 새솔면, 풀빛면, 한결동 등이다."))
    assert.same({ "place 새솔면은 cue:place_tail", "place 풀빛면은 cue:place_tail", "place 한결면은 cue:place_tail" },
      found(kb, "ko", "새솔면은 120㎜, 풀빛면은 98㎜, 한결면은 75㎜를 기록했다."))
    assert.same({ "place 새솔리와 cue:place_tail", "place 풀빛리 cue:place_tail" },
      found(kb, "ko", "새솔리와 풀빛리 주민이 대피했다."))
    -- not nouns that end like a unit, a verb's conditional, two words without 와/과, nor across lines
    assert.same({}, found(kb, "ko", "교육활동, 봉사활동, 체험활동을 했다. 먹거리, 볼거리, 일자리가 많다."))
    assert.same({}, found(kb, "ko", "돌아보면, 들어가면, 찾아오면 보인다."))
    assert.same({}, found(kb, "ko", "새솔면 풀빛면 주민"))
    assert.same({}, found(kb, "ko", "새솔면,\n풀빛면,\n한결면"))
    -- a dam named by its place; a kind of dam is none
    assert.same({ "place 새솔댐은 cue:place_tail" }, found(kb, "ko", "새솔댐은 수문을 열었다."))
    assert.same({}, found(kb, "ko", "다목적댐을 짓는다."))
    -- a neighbourhood numbered within its name; not a building's number, nor a longer word
    assert.same({ "place 새솔2동 cue:place_tail", "place 풀빛1동의 cue:place_tail" },
      found(kb, "ko", "새솔2동 주택가와 풀빛1동의 주민센터"))
    assert.same({}, found(kb, "ko", "아파트 101동에 살았다. 새솔2동물원"))
  end)

  it("Korean (session 8): the family name alone names the last person of it, venues, brackets, 소속", function()
    -- the family name alone before a title is the last person named with it before it, a person of the
    -- gazetteer (opts.people) too; before them all, the one name with it
    assert.same({ "person 한서준 cue:title_after", "org 외교부 cue:org_tail", "person 한도윤 cue:title_after",
                  "org 환경부 cue:org_tail", "person 한 propagated" },
      found(kb, "ko", "한서준 외교부 장관과 한도윤 환경부 장관이 왔다. 이에 한 장관은 답했다."))
    local text = "여탁곤 대표가 왔다. 여 대표는 웃었다."
    assert.same({ "person 여 propagated" }, found(kb, "ko", "여탁곤이 왔다. 여 대표는 웃었다.", { people = { [1] = 9 } }))
    assert.same({ "person 여탁곤 cue:title_after", "person 여 propagated" }, found(kb, "ko", text))
    assert.same({}, found(kb, "ko", "여 대표는 웃었다."))
    -- a stadium, ground or arena written onto a place the gazetteer knows; one named by its kind is none
    local function place_name(s) return s == "가람" end
    assert.same({ "place 가람월드컵경기장에서 cue:place_tail" },
      found(kb, "ko", "가람월드컵경기장에서 열렸다.", { place_name = place_name }))
    assert.same({}, found(kb, "ko", "종합운동장에서 열렸다.", { place_name = place_name }))
    -- and its airport or square; the kind alone is none
    assert.same({ "place 가람국제공항에 cue:place_tail" },
      found(kb, "ko", "비행기는 가람국제공항에 착륙했다.", { place_name = place_name }))
    assert.same({ "place 가람광장에서 cue:place_tail" },
      found(kb, "ko", "시위대는 가람광장에서 모였다.", { place_name = place_name }))
    assert.same({}, found(kb, "ko", "그는 공항에 도착했다.", { place_name = place_name }))
    -- a team in brackets written in Latin capitals alone or onto Hangul, then the name's repeats with
    -- particles (에겐); an age bracket closes after the number, a date's does not
    assert.same({ "person 모상필 shape:affiliation", "org 가람FC cue:org_tail", "person 모상필에겐 propagated" },
      found(kb, "ko", "모상필(가람FC)이 뛰었다. 모상필에겐 기회다."))
    assert.same({ "person 모상필 shape:affiliation" }, found(kb, "ko", "모상필(누리 HD)이 뛰었다."))
    assert.same({}, found(kb, "ko", "모상필(누리 공사)이 뛰었다."))
    assert.same({}, found(kb, "ko", "전날(25일) 체포했다. 구간(12일 기준) 요금"))
    -- a company before 소속 and before a bracket with its head; a verb in 해 opens no foreign name
    assert.same({ "org 누리스타 cue:org_tail" }, found(kb, "ko", "누리스타 소속인 그가 왔다."))
    assert.same({}, found(kb, "ko", "현재 소속 팀에서 뛴다."))
    assert.same({ "person 마르코 cue:title_after" }, found(kb, "ko", "그를 포함해 마르코 기자가 왔다."))
    -- names joined by an interpunct before a title; a title's modifier before an office written onto
    -- its organisation; a building of the gazetteer between a foreign name and its title
    assert.same({ "person 모상필 cue:list", "person 편두식 cue:list", "person 여탁곤 cue:title_after" },
      found(kb, "ko", "모상필·편두식·여탁곤 판사가 왔다."))
    assert.same({ "person 모상필 cue:title_after" }, found(kb, "ko", "모상필 전 가람경찰청장이 왔다."))
    local t2 = "마르코 벨리니 가람궁 대변인이 말했다."
    local at = t2:find("가람궁", 1, true)
    assert.same({ "person 마르코 벨리니 cue:title_after" }, found(kb, "ko", t2, { gazetteer = { [at] = at + 8 } }))
    assert.same({ "person 편두식 cue:title_after" }, found(kb, "ko", "편두식 대법관은 판결했다."))
    -- a band's member written after its name in a list before 등; 그룹, a band and a member's name
    assert.same({ "person 여탁곤 cue:title", "person 모상필 cue:list", "person 편두식 cue:list",
                  "person 기명수 cue:list" },
      found(kb, "ko", "배우 여탁곤, 모상필, 누리밴드 편두식, 기명수 등이 출연한다."))
    assert.same({ "org 누리밴드의 cue:org_title", "person 편두식은 cue:title" },
      found(kb, "ko", "그룹 누리밴드의 편두식은 노래했다."))
    assert.same({}, found(kb, "ko", "그룹 차원의 지원을 했다."))
    -- a company's short name or an acronym between a Korean name and its title; an acronym alone before
    -- a title is no name, nor a division as a word of its own
    assert.same({ "person 모상필 cue:title_after", "org 누리전기 cue:title_after" },
      found(kb, "ko", "모상필 누리전기 사장이 말했다."))
    assert.same({ "person 모상필 cue:title_after" }, found(kb, "ko", "모상필 XYZ 대표가 말했다."))
    assert.same({}, found(kb, "ko", "사업지원TF 사장이 말했다. 세트 부문 사장이 왔다."))
    -- the items of an interpunct list with an organisation found are organisations; not a list of
    -- places or nouns
    assert.same({ "org XY전자 cue:org_tail", "org 누리정밀유리 cue:list", "org 가람화인켐에 cue:list" },
      found(kb, "ko", "XY전자·누리정밀유리·가람화인켐에 이어 네 번째다."))
    assert.same({}, found(kb, "ko", "매출·영업이익·순익 증가율이 올랐다."))
    -- a bracket after the name before an office written onto its organisation
    assert.same({ "person 모상필 cue:title_after" }, found(kb, "ko", "모상필(왼쪽부터) 대통령비서실장이 왔다."))
    -- no name before a title ends in a particle's syllable no given name ends in (권유로 'on advice'),
    -- nor is a verb's form in 해 one (출연해), nor 'once', 'the second', 'both parties'
    assert.same({}, found(kb, "ko", "소속사의 권유로 가수 활동을 했다. 드라마에 출연해 배우로 활동했다."))
    assert.same({}, found(kb, "ko", "알고 보니 한때 가수였다. 두 번째 원내대표 경선이다. 여야 원내대표가 만났다."))
  end)

  it("Korean: offices written onto their place or organisation, Latin-and-Hangul companies, districts, occupations",
    function()
    -- an office onto a place of the gazetteer (시장 is a title only so), an administrative word, an
    -- organisation, a title's modifier; after any two syllables when the title has three or more
    local function place_name(s) return s == "가람" end
    assert.same({ "person 윤하람 cue:title_after" },
      found(kb, "ko", "윤하람 가람시장은 예산안을 발표했다.", { place_name = place_name }))
    assert.same({}, found(kb, "ko", "남대문 시장은 붐볐다."))
    assert.same({}, found(kb, "ko", "주식 시장은 하락했다."))
    assert.same({ "person 박서윤 cue:title_after" }, found(kb, "ko", "박서윤 새솔구청장이 참석했다."))
    assert.same({ "person 정태오 cue:title_after" }, found(kb, "ko", "정태오 푸름경찰청장이 구속됐다."))
    assert.same({ "person 최유진 cue:title_after" }, found(kb, "ko", "최유진 신임회장이 취임했다."))
    assert.same({ "person 강도현 cue:title_after" }, found(kb, "ko", "강도현 산업건설위원장은 제안했다."))
    -- a verb's form before a noun is no name (구 is a family name), nor a noun glued to a number
    assert.same({}, found(kb, "ko", "의회를 구성할 지방의회 의원들이 모였다."))
    assert.same({}, found(kb, "ko", "5인조 배우 그룹이 데뷔했다."))
    -- a one-syllable word that is a family name too: a person before a title only after the full name
    assert.same({}, found(kb, "ko", "한 선수가 부상을 당했다."))
    -- a word ending in a stop word that holds an organisation's tail is none ('a draw')
    assert.same({}, found(kb, "ko", "경기는 1-1 무승부를 기록했다."))
    -- a company in Latin capitals and Hangul, one word: the Hangul an org_tail, or the Latin letters an
    -- organisation of the gazetteer (opts.org_name); the person before it and its officer's title
    assert.same({ "org XY엔터테인먼트는 cue:org_tail" }, found(kb, "ko", "XY엔터테인먼트는 계약을 맺었다."))
    local function org_name(s) return s == "QZ" end
    assert.same({ "org QZ화학은 cue:org_tail" }, found(kb, "ko", "QZ화학은 공장을 지었다.", { org_name = org_name }))
    assert.same({}, found(kb, "ko", "QZ화학은 공장을 지었다."))
    assert.same({ "person 권도윤 cue:title_after", "org QZ화학 cue:org_tail" },
      found(kb, "ko", "권도윤 QZ화학 부회장은 말했다.", { org_name = org_name }))
    assert.same({}, found(kb, "ko", "DS부문은 성장했다."))
    -- a district named by its direction, right after a place of an address
    assert.same({ "place 남구에서 cue:place_tail" }, found(kb, "ko", "가람 남구에서 열렸다.", { gazetteer = { [1] = 6 } }))
    assert.same({}, found(kb, "ko", "남구에서 열렸다."))
    -- an occupation before a name: a Korean name of three syllables (its particle in the span), a
    -- transliterated foreign name of two words; not a noun after it (영입: 영 is a family name)
    assert.same({ "person 서지훈이 cue:title" }, found(kb, "ko", "배우 서지훈이 새 소속사를 찾았다."))
    assert.same({ "person 마르코 벨리니의 cue:title" }, found(kb, "ko", "골키퍼 마르코 벨리니의 선방이 빛났다."))
    assert.same({}, found(kb, "ko", "배우 영입을 시작했다."))
    assert.same({}, found(kb, "ko", "배우 데뷔 이후 활동했다."))
    -- a place or an organisation between a name and its office; an ordinal on the title; a title before
    -- the name in brackets
    assert.same({ "person 오태린 cue:title_after" },
      found(kb, "ko", "오태린 가람 남구청장이 참석했다.", { gazetteer = { [11] = 16 } }))
    assert.same({ "person 박도윤 cue:title_after", "org 외교부 cue:org_tail" },
      found(kb, "ko", "박도윤 외교부 1차관이 출국했다."))
    -- (and the word written before that bracket is the company)
    assert.same({ "org 한빛건설 cue:org_tail", "person 오세림 cue:title_after" },
      found(kb, "ko", "한빛건설(대표이사 오세림)은 밝혔다."))
    -- the names of a list before 등 ('and others') and a title, each a person; not a list of other words
    -- (문가은 and 서태민 are a family name and a given name of the list: found so first)
    assert.same({ "person 문가은 names:given", "person 여탁곤 cue:list", "person 마르코 벨리니 cue:list" },
      found(kb, "ko", "소속사는 문가은, 여탁곤, 마르코 벨리니 등 배우를 영입했다."))
    assert.same({}, found(kb, "ko", "사과, 배, 귤 등 과일을 샀다."))
  end)

  it("Korean: a bracket between a name and its title, a team in brackets, lists without a title, clubs", function()
    -- a gloss in Han or Latin letters, a photo note or an age in brackets between the name and its title
    assert.same({ "person 왕하이펑 cue:title_after" }, found(kb, "ko", "왕하이펑(王海峰) 주석의 초청으로 왔다."))
    assert.same({ "person 한도윤 cue:title_after" }, found(kb, "ko", "한도윤(사진) 장관이 말했다."))
    assert.same({}, found(kb, "ko", "대통령실(사진) 대변인이 말했다."))
    -- an acronym in Latin capitals in the bracket is an organisation's; 겸 'and also' is no name
    assert.same({}, found(kb, "ko", "그는 대통령 겸 누리연합(NU) 의장이다."))
    -- the family name alone before a title after such a full name, a stop word too (시 'city')
    assert.same({ "person 시하이펑 cue:title_after", "person 시 propagated" },
      found(kb, "ko", "시하이펑(習海峰) 주석이 왔다. 시 주석은 웃었다."))
    assert.same({}, found(kb, "ko", "시 주석은 웃었다."))
    -- a noun with a case particle before a title is no foreign name
    assert.same({}, found(kb, "ko", "야당 발언에 대통령이 답했다."))
    -- a name of three syllables before its team or town in brackets, a gazetteer name there alone
    local text = "여탁곤(가람)은 두 골을 넣었다."
    local at = text:find("가람", 1, true)
    assert.same({ "person 여탁곤 shape:affiliation" }, found(kb, "ko", text, { gazetteer = { [at] = at + 5 } }))
    assert.same({}, found(kb, "ko", text))
    -- a list before 등 with a particle, or a word that is no title, after it: Korean names of three
    -- syllables, one of them a person found so or a known given name; not a list of nouns
    assert.same({ "person 여탁곤이 cue:title", "person 여탁곤 cue:list", "person 모상필 cue:list",
                  "person 편두식 cue:list" },
      found(kb, "ko", "배우 여탁곤이 왔다. 여탁곤, 모상필, 편두식 등이 참석했다."))
    assert.same({}, found(kb, "ko", "모상필, 편두식, 여탁곤 등이 참석했다."))
    assert.same({}, found(kb, "ko", "법조인, 기업인, 연예인 등이 참석했다."))
    -- a football club: FC written onto its Hangul name, before or after it (a particle after it too)
    assert.same({ "org 가람FC는 cue:org_tail", "org FC누리를 cue:org_tail" },
      found(kb, "ko", "가람FC는 FC누리를 꺾었다."))
    -- a company's tail as a word of its own after Latin capitals; after a Hangul word a kind
    assert.same({ "org QZ 엔터테인먼트는 cue:org_tail" }, found(kb, "ko", "QZ 엔터테인먼트는 계약을 맺었다."))
    assert.same({}, found(kb, "ko", "글로벌 예능 엔터테인먼트에서 일했다."))
    -- or after a transliterated name of three syllables without a final consonant but ㄴ; a tail as a word
    -- of its own after any other word is the noun (schools: 초등학교, 중학교, 고등학교 are tails)
    assert.same({ "org 모리카 신문은 cue:org_tail" }, found(kb, "ko", "모리카 신문은 보도했다."))
    assert.same({}, found(kb, "ko", "그는 초등학교 시절 중학교와 고등학교를 다녔다."))
    assert.same({ "org 가람초등학교 cue:org_tail" }, found(kb, "ko", "가람초등학교 별관이 탔다."))
    -- the Latin letters of a Latin-and-Hangul company alone later are the company
    assert.same({ "org QZ엔터테인먼트는 cue:org_tail", "org QZ propagated", "org QZ가 propagated" },
      found(kb, "ko", "QZ엔터테인먼트는 계약했다. QZ 측은 밝혔다. QZ가 답했다."))
    -- a Japanese name in Hangul: two words without a final consonant but ㄴ (a place between, a slash)
    assert.same({ "person 모리타 하루오 cue:title_after" }, found(kb, "ko", "모리타 하루오 총리가 말했다."))
    assert.same({ "person 모리타 하루오 cue:title_after" }, found(kb, "ko", "[모리타 하루오 / 전 총리]"))
    -- a verb's connective or a noun with a topic particle before a foreign name is no first name
    assert.same({ "person 루카스 cue:title_after" }, found(kb, "ko", "그를 찾아 루카스 장관과 만났다."))
    assert.same({ "person 루카스 cue:title_after" }, found(kb, "ko", "그 발언은 루카스 장관이 했다."))
    -- nor the copula's form after a final consonant ('who is the eldest son')
    assert.same({ "person 루카스 cue:title_after" }, found(kb, "ko", "그의 장남인 루카스 장관이 왔다."))
    -- a family name and a known given name that is a verb's form before a noun (주재하는) is none
    assert.same({}, found(kb, "ko", "회의를 주재하는 모습"))
    -- a one-syllable tail as a word of its own is the noun ('the party'), no organisation's end
    assert.same({}, found(kb, "ko", "작전을 지휘했던 그 당 간부"))
    -- an ordinal with 제 written onto the title; a byline's co-authors before 기자
    assert.same({ "person 편두식 cue:title_after" }, found(kb, "ko", "편두식 제1부부장이 왔다."))
    -- (the dateline's place and agency: session 8)
    assert.same({ "place 가람 cue:byline", "org 누리뉴스 cue:byline", "person 모상필 cue:title_after",
                  "person 편두식 cue:title_after" },
      found(kb, "ko", "(가람=누리뉴스) 모상필 편두식 기자 = 보도했다."))
    -- business news: a division between the name and its title is skipped, a group's companies and a
    -- counter written onto a number are no names, nor a verb's form in 하고, nor an organisation of the
    -- gazetteer (opts.orgs), which is skipped between a name and its title
    assert.same({ "person 모상필 cue:title_after" }, found(kb, "ko", "모상필 패션부문 사장이 말했다."))
    assert.same({}, found(kb, "ko", "7개 계열사 대표이사 8명을 바꿨다."))
    assert.same({}, found(kb, "ko", "회사명을 누리건설로 정하고 대표이사 사장에 앉혔다."))
    local text2 = "편두식 누리 부회장은 말했다."
    local at2 = text2:find("누리", 1, true)
    assert.same({ "person 편두식 cue:title_after" }, found(kb, "ko", text2, { orgs = { [at2] = at2 + 5 } }))
    -- no Korean span starts or ends inside a Hangul word (glean eval's gold builder checks word
    -- boundaries: a particle or 씨 written onto a name is inside the span, the name is the label)
    local eval = require "glean.eval"
    local para = "가람시는 밝혔다. 한빛전자는 누리FC를 샀다. 모상필씨는 왔다. 배우 여탁곤이 웃었다. "
      .. "편두식(45)은 QZ엔터테인먼트와 계약했다. 여탁곤은 기뻤다."
    local got = entities.recognise(kb, para, { lang = "ko", place_name = function(x) return x == "가람" end })
    -- (여탁곤은 too: a name found with a particle is found again with another)
    assert.equal("여탁곤은", got[#got].surface)
    for _, m in ipairs(got) do assert.is_true(eval.boundary_ok(para, m.start, m.stop), m.surface) end
    -- a portfolio (외교담당) between a name and its title is skipped; a verb's form before a noun before
    -- the name is no name with an organisation's short name after it (방문한 | 왕하이 국무위원)
    assert.same({ "person 왕하이 cue:title_after" }, found(kb, "ko", "가람을 방문한 왕하이 외교담당 국무위원이 왔다."))
    -- a single capital letter before a title is an unnamed person's placeholder, as A씨 is
    assert.same({}, found(kb, "ko", "50대 경비원 A 씨가 숨졌다. A씨는 몰랐다. B 경위 등 2명"))
    -- words in Latin capitals before a title are a broadcaster or company and its unit, no person
    assert.same({}, found(kb, "ko", "그는 1990년 KBC TV 기자로 입사했다."))
    -- nouns for a body, a trade or a deed before a title are no names
    assert.same({}, found(kb, "ko", "스토킹 범죄 피의자가 잡혔다."))
    assert.same({}, found(kb, "ko", "시장 상인 대표를 만났다."))
  end)

  it("Chinese: a head of state's title after a surname-led name, bylines apart, photo credits", function()
    assert.same({ "person 王建华 cue:title_after" }, found(kb, "zh", "王建华国务委员出席了会议。"))
    -- a country or a preposition before such a title is no name; no name after a title written after one
    assert.same({}, found(kb, "zh", "该国总统出席了会议。"))
    assert.same({}, found(kb, "zh", "双方同蒙外长举行会谈。"))
    assert.same({ "person 周立新 cue:title_after" }, found(kb, "zh", "周立新主席提出倡议"))
    -- an adverb after a title is no name; a one-character word after a name is no part of it
    assert.same({}, found(kb, "zh", "外长刚刚结束了访问。"))
    assert.same({ "person 胡立华 cue:title" }, found(kb, "zh", "市长胡立华以数据介绍了发展现状。"))
    -- names of a byline or photo credit, each apart, after 记者 or 编辑 or before 摄
    assert.same({ "person 陈婷婷 cue:byline", "person 许云峰 cue:byline" },
      found(kb, "zh", "记者 陈婷婷 许云峰"))
    assert.same({ "person 周冬 cue:byline", "person 赵舒文 cue:byline" }, found(kb, "zh", "责任编辑:周冬 赵舒文"))
    assert.same({ "person 张浩 cue:byline" }, found(kb, "zh", "张浩 摄"))
    assert.same({ "person 李淑琴 cue:byline", "person 李效民 cue:byline", "person 邓维 cue:byline" },
      found(kb, "zh", "（李淑琴 李效民 记者 邓维）"))
    assert.same({}, found(kb, "zh", "民警对一名嫌疑人进行抓捕。"))
    assert.same({ "person 李小红 cue:title" }, found(kb, "zh", "记者李小红摄"))
    assert.same({}, found(kb, "zh", "他说 今天 很好"))
    assert.same({}, found(kb, "zh", "他在摄影展上拍摄了照片。"))
    -- a football action after a surname-led name; where the ball was played is no name
    assert.same({ "person 池忠国 cue:say" }, found(kb, "zh", "第50分钟，池忠国补射得分。"))
    assert.same({}, found(kb, "zh", "第89分钟，后卫左路传中，前锋强力头球破门。"))
    -- a two-character name repeated before a stop character
    assert.same({ "person 王毅 cue:title", "person 王毅 propagated" }, found(kb, "zh", "外长王毅出席。王毅在会上发言。"))
    -- an organisation found once is not repeated inside a title that goes on past it (外交部长)
    assert.same({ "org 商务部 cue:org_tail", "person 周立新 cue:title", "org 商务部 cue:org_tail" },
      found(kb, "zh", "商务部发言人说。商务部长周立新出席。商务部表示。"))
  end)

  it("Chinese organisations: a tail's window starts after a gazetteer name it would cut; no shareholder", function()
    -- opts.orgs: the gazetteer's organisations, { [start] = stop } (中华证监会: bytes 1-15)
    assert.same({ "org 华东监管局 cue:org_tail" },
      found(kb, "zh", "中华证监会华东监管局对公司出具警示函。", { orgs = { [1] = 15 } }))
    assert.same({ "org 华南远航集团有限公司 cue:org_designator" },
      found(kb, "zh", "控股股东华南远航集团有限公司发布公告。"))
    -- a designator's window takes a gazetteer organisation right before it whole (opts.orgs: 远为)
    assert.same({ "org 远为技术有限公司 cue:org_designator" },
      found(kb, "zh", "远为技术有限公司发布新品。", { orgs = { [1] = 6 } }))
    -- a source credit: the outlet after 来源 and a colon, to the line's end
    assert.same({ "org 华夏体育网 cue:org_title" }, found(kb, "zh", "发布时间：2024-05-01 来源：华夏体育网\n正文"))
    assert.same({}, found(kb, "zh", "来源于生活的故事很多。"))
    -- a numeral or demonstrative and a measure word before the tail (stop … det): a kind, no name
    assert.same({}, found(kb, "zh", "深圳一家科技公司发布新品。"))
    assert.same({}, found(kb, "zh", "这所大学的学生很多。"))
    assert.same({ "org 华南远航科技公司 cue:org_tail" }, found(kb, "zh", "华南远航科技公司发布新品。"))
  end)

  it("Chinese places: a county or district after a province or a large city the gazetteer knows", function()
    -- opts.cities: { [start] = stop } of the gazetteer's regions and large cities (深圳市: bytes 1-9)
    local c = { cities = { [1] = 9 } }
    assert.same({ "place 南山区 cue:place_tail" }, found(kb, "zh", "深圳市南山区的企业", c))
    assert.same({ "place 东城区 cue:place_tail" }, found(kb, "zh", "深圳市东城区居民", c))
    -- one character before the tail is a generic word (城区, 上市), no place; nor after an unknown word
    assert.same({}, found(kb, "zh", "深圳市城区的居民", c))
    assert.same({}, found(kb, "zh", "深圳市上市的企业", c))
    assert.same({}, found(kb, "zh", "该企业在南山区", { cities = {} }))
  end)

  it("Chinese places: a town found by its tail, named again without it", function()
    -- alone, and inside an organisation's name; not a stem ICU holds as one word (光明)
    assert.same({ "place 青禾镇 cue:place_tail", "place 青禾 propagated" },
      found(kb, "zh", "他在青禾镇工作，回到青禾后开了店。", { cities = {} }))
    assert.same({ "org 青禾镇派出所 cue:org_tail", "place 青禾 propagated" },
      found(kb, "zh", "青禾镇派出所民警赶到，青禾警方表示。", { cities = {} }))
    assert.same({ "place 光明镇 cue:place_tail" }, found(kb, "zh", "他在光明镇工作，盼望光明。", { cities = {} }))
  end)

  it("Japanese: a name before an honorific and の, occupations before names, the age in brackets", function()
    -- a name before an honorific or a title and の (and a word after it) stays a name
    assert.same({ "person 河野 cue:title_after" }, found(kb, "ja", "河野さんの話によると、店は閉まっていた。"))
    assert.same({ "person 岸本 cue:title_after" }, found(kb, "ja", "岸本首相の発言が注目された。"))
    -- (a company before a title, の and a person with a title of its own: the person only)
    assert.same({ "person 佐藤 cue:title_after" }, found(kb, "ja", "ケイヨウ元社長の佐藤氏が会見した。"))
    -- an occupation before the name is no part of it; an interpunct after a title bounds the name
    assert.same({ "person 中川一郎 cue:title_after" }, found(kb, "ja", "監禁の疑いで無職中川一郎容疑者(41)を逮捕した。"))
    assert.same({ "person 森田浩二 cue:title_after" }, found(kb, "ja", "会社の社長・森田浩二さん(52)が見つかった。"))
    -- a kanji name right before the age in brackets, ASCII or full-width; not a clause number
    assert.same({ "person 蔵元健太 shape:age" }, found(kb, "ja", "同社の蔵元健太(28)=東京都=は否認している。"))
    assert.same({ "person 蔵元健太 shape:age" }, found(kb, "ja", "同社の蔵元健太（２８）は否認している。"))
    assert.same({}, found(kb, "ja", "第3条(2)に定める。"))
    -- a family name of ja-faker.tsv (石黒) and one or two characters before a particle; the
    -- words and cities left out of that list are none (内海 inland sea)
    assert.same({ "person 石黒健太 names:surname" }, found(kb, "ja", "、石黒健太が決勝点を挙げた。"))
    assert.same({}, found(kb, "ja", "内海地域が注目された。"))
    -- a name apart before a title opening the next run
    assert.same({ "person 山口健太 cue:title_after" }, found(kb, "ja", "山口健太 監督記者会見"))
    -- no person after a place the gazetteer knows and an interpunct
    assert.same({}, found(kb, "ja", "ロシア・ワールドカップを終えた。", { places = { [1] = #"ロシア" } }))
  end)

  it("Japanese: municipalities after a known place, bracketed designators, reporters, newspapers", function()
    -- (cities: the byte spans of the gazetteer's prefectures and large cities, as glean analyze gives)
    local function at(text, ...)
      local t = {}
      for _, w in ipairs { ... } do
        local a = assert(text:find(w, 1, true))
        t[a] = a + #w - 1
      end
      return { cities = t }
    end
    local s = "本社は群馬県高森市の工業団地にある。"
    assert.same({ "place 高森市 cue:place_tail" }, found(kb, "ja", s, at(s, "群馬県")))
    -- down the chain: a ward after a city after a prefecture
    s = "現場は愛知県北浜市南区の住宅だった。"
    assert.same({ "place 北浜市 cue:place_tail", "place 南区 cue:place_tail" }, found(kb, "ja", s, at(s, "愛知県")))
    -- a tail right after a city is the longer name; none after a prefecture's own tail
    s = "浜松町駅で降りた。"
    assert.same({ "place 浜松町 cue:place_tail" }, found(kb, "ja", s, at(s, "浜松")))
    s = "日本政府は県道と東京都市場の区域を調べた。"
    assert.same({}, found(kb, "ja", s, at(s, "日本", "東京都")))
    -- a venue: the known place and its word (a station, an airport, a stadium) are one name
    s = "東京駅から成田空港へ、夜は横浜スタジアムで。"
    assert.same({ "place 東京駅 cue:place_tail", "place 成田空港 cue:place_tail", "place 横浜スタジアム cue:place_tail" },
      found(kb, "ja", s, at(s, "東京", "成田", "横浜")))
    -- a district after a city and an interpunct, to the run's end or a particle; a verb is none
    s = "=3日、東京・霞が関、山田撮影"
    assert.same({ "place 霞が関 cue:place_tail", "person 山田 cue:title_after" }, found(kb, "ja", s, at(s, "東京")))
    s = "大阪・梅田で会った。"
    assert.same({ "place 梅田 cue:place_tail" }, found(kb, "ja", s, at(s, "大阪")))
    s = "東京・霞が関で開かれた。"
    assert.same({ "place 霞が関 cue:place_tail" }, found(kb, "ja", s, at(s, "東京")))
    s = "東京・新しくできた店。"
    assert.same({}, found(kb, "ja", s, at(s, "東京")))
    -- not after a country: a person follows there
    s = "中国・習近平国家主席は述べた。"
    local c = at(s, "中国")
    c.places = c.cities
    assert.same({ "person 習近平 cue:title_after" }, found(kb, "ja", s, c))
    -- a family name and a municipality's tail is no person (吉田町, 山田村); a given name is
    assert.same({}, found(kb, "ja", "現場は吉田町、山田村の近く。"))
    assert.same({ "person 石黒健太 names:surname" }, found(kb, "ja", "、石黒健太が決勝点を挙げた。"))
    -- a generic word ending in a tail is no place after a known one
    s = "ガザ地区の人道状況が悪化した。"
    assert.same({}, found(kb, "ja", s, at(s, "ガザ")))
    -- no place without a known place before it; names holding a tail's character stay names
    assert.same({}, found(kb, "ja", "高森市で説明会が開かれた。"))
    s = "東京都の村上健一さんが語った。"
    assert.same({ "person 村上健一 cue:title_after" }, found(kb, "ja", s, at(s, "東京都")))
    -- a designator in brackets or as one symbol after the name
    assert.same({ "org 北陸精工（株） cue:org_designator" }, found(kb, "ja", "北陸精工（株）が発表した。"))
    assert.same({ "org 青葉化成(株) cue:org_designator" }, found(kb, "ja", "青葉化成(株)が発表した。"))
    assert.same({ "org 東邦化成㈱ cue:org_designator" }, found(kb, "ja", "東邦化成㈱は赤字。"))
    assert.same({}, found(kb, "ja", "表の(株)は略した形だ。"))
    -- a field before 記者 is no name; a name before an interpunct is no part of its newspaper
    assert.same({}, found(kb, "ja", "多くの経済記者が会見場に集まった。"))
    assert.same({}, found(kb, "ja", "政権高官は電話記者会見で説明した。"))
    assert.same({ "person 中島健一 cue:title_after" }, found(kb, "ja", "中島健一総理大臣は述べた。"))
    assert.same({ "org 北斗新聞 cue:org_tail" }, found(kb, "ja", "筆者・北斗新聞論説委員が解説した。"))
    -- a kind of organisation before a name in brackets; none for an empty pair or another kind of word
    assert.same({ "org ミナトデンキ cue:org_title" }, found(kb, "ja", "大手電機メーカー「ミナトデンキ」の決算が出た。"))
    assert.same({ "org あおば企画 cue:org_title", "org あおば企画 propagated" },
      found(kb, "ja", "運営会社「あおば企画」によると、あおば企画は閉店した。"))
    assert.same({}, found(kb, "ja", "会社「」は空欄だった。"))
    assert.same({}, found(kb, "ja", "映画「ミナトの夜」が公開された。"))
    -- a family name, a space and a given name alone on a line; not inside a sentence
    assert.same({ "person 山田 健一 cue:byline" }, found(kb, "ja", "記事の終わり。\n山田 健一\n"))
    assert.same({ "person 中村　美穂 cue:byline" }, found(kb, "ja", "中村　美穂"))
    assert.same({}, found(kb, "ja", "山田 健一が来た。"))
    assert.same({}, found(kb, "ja", "東京 大阪"))
    -- a katakana word and の before a name with a company's title is the company; not a country
    assert.same({ "org ミナトデンキ cue:title_after", "person 高橋一郎 cue:title_after" },
      found(kb, "ja", "ミナトデンキの高橋一郎社長が会見した。"))
    s = "ロシアの佐藤健会長が語った。"
    assert.same({ "person 佐藤健 cue:title_after" }, found(kb, "ja", s, { places = { [1] = #"ロシア" } }))
    assert.same({ "person 高橋一郎 cue:title_after" }, found(kb, "ja", "チームの高橋一郎監督が語った。"))
    -- a time word opening with a stop character takes the next one with it
    assert.same({ "org 北陸製作所 cue:org_tail" }, found(kb, "ja", "当時北陸製作所を担当していた。"))
  end)

  it("Hindi: nouns after a title, cricket words after a given name: no names; a given name alone is no country",
    function()
    assert.same({}, found(kb, "hi", "बतौर कप्तान शतक लगाना बड़ी उपलब्धि है।"))
    assert.same({}, found(kb, "hi", "विधायक दल की बैठक में पत्रकार मित्र भी आए।"))
    -- a Marathi family name of hi.tsv and the word before it, no cue
    assert.same({ "person अनिकेत गायकवाड़ names:surname" }, found(kb, "hi", "कल अनिकेत गायकवाड़ ने दो विकेट लिए।"))
    -- the byline's given name is the country's name too: the country stays the gazetteer's
    local text = "लेखन भारत शर्मा\nभारत ने मैच जीता।"
    local at = text:find("भारत ने", 1, true)
    local got = found(kb, "hi", text, { gazetteer = { [at] = at + #"भारत" - 1 } })
    assert.same({ "person भारत शर्मा names:surname" }, got)
  end)

  it("Hindi: a verb after a title is no name; an organisation's tail stops at the name after a title", function()
    assert.same({}, found(kb, "hi", "इस बार राज्य का सीएम कौन बनेगा, यह तय नहीं है।"))
    assert.same({}, found(kb, "hi", "युवा खिलाड़ी को कप्तान बनाया गया है।"))
    assert.same({}, found(kb, "hi", "पार्टी के केवल दो सीएम रह गए हैं।"))
    assert.same({ "person अजय सिन्हा cue:title" },
      found(kb, "hi", "प्रधानमंत्री अजय सिन्हा कांग्रेस पर बरसे।"))
  end)

  it("Hindi: initials run together before a name are part of it, never a name alone", function()
    assert.same({ "person केएल अमित names:given" }, found(kb, "hi", "मैच में केएल अमित ने शतक लगाया।"))
    assert.same({ "person एमएस राहुल वर्मा names:given" }, found(kb, "hi", "कल एमएस राहुल वर्मा ने कहा।"))
    -- only letter names: एमएसपी (three letters) is no initials before a name here, केसर is no letters at all
    assert.same({}, found(kb, "hi", "केसर अमित के खेत में उगा।"))
    -- the initials alone later in the text are not propagated as the person's given name
    assert.same({ "person केएल अमित names:given", "person अमित propagated" },
      found(kb, "hi", "केएल अमित ने शतक लगाया। बाद में केएल और अमित दोनों दिखे।"))
  end)

  it("Hindi: a company's designator or tail ends its name; appointment participles after a title are no name",
    function()
    assert.same({ "org सुरभि टेक्सटाइल्स लिमिटेड cue:org_tail" },
      found(kb, "hi", "कल सुरभि टेक्सटाइल्स लिमिटेड ने नतीजे जारी किए।"))
    assert.same({ "org सुरभि इंडस्ट्रीज cue:org_tail" }, found(kb, "hi", "कल सुरभि इंडस्ट्रीज के शेयर चढ़े।"))
    assert.same({}, found(kb, "hi", "वह पार्टी के अध्यक्ष निर्वाचित हुए।"))
    assert.same({}, found(kb, "hi", "आयोग के अध्यक्ष अयोग्य घोषित किए गए।"))
  end)

  it("Hindi: a place's name after a title and before a known surname is the person's given name", function()
    local text = "कप्तान पटना शर्मा ने टॉस जीता।"
    local a = text:find("पटना", 1, true)
    assert.same({ "person पटना शर्मा cue:title" },
      found(kb, "hi", text, { gazetteer = { [a] = a + #"पटना" - 1 } }))
    -- no surname after it: the place stays the title's complement
    text = "कप्तान पटना के लिए खेले।"
    a = text:find("पटना", 1, true)
    assert.same({}, found(kb, "hi", text, { gazetteer = { [a] = a + #"पटना" - 1 } }))
  end)

  it("Urdu, Bengali, Marathi, Arabic: nouns after a title, a given name inside a title, a particle kept", function()
    assert.same({}, found(kb, "ur", "اجلاس وزیراعظم ہاؤس میں ہوا۔"))
    -- اعظم (a given name) is the second word of the title وزیر اعظم here
    assert.same({ "person عمران خان cue:title" }, found(kb, "ur", "وزیر اعظم عمران خان نے فیصلہ کیا۔"))
    assert.same({}, found(kb, "bn", "প্রথম সচিব সভা শেষে সাংবাদিকদের সঙ্গে কথা হয়।"))
    assert.same({}, found(kb, "mr", "मंत्री कधी कधी गमतीनं बोलतात."))
    -- Arabic: the surname propagated with the particle before it in the full name
    assert.same({ "person فيصل بن فرحان cue:title", "person بن فرحان propagated" },
      found(kb, "ar", "قال الأمير فيصل بن فرحان إن الحوار مستمر. وأضاف «بن فرحان» أن الأولوية للسلام."))
  end)
  it("Arabic, Urdu, Persian: adjectives and verbs after a title, portfolios and time words, no names", function()
    -- deputy and acting are titles of their own: the name follows them or none is there
    assert.same({}, found(kb, "ar", "قال الأمين العام المساعد للشؤون الاقتصادية إن الاجتماع تأجل."))
    assert.same({ "person سامر الخطيب cue:title" },
      found(kb, "ar", "وقال الأمين العام المساعد سامر الخطيب إن الاجتماع تأجل."))
    -- an unknown word opening with ي after a title is a verb
    assert.same({}, found(kb, "ar", "الرئيس يستقبل السفراء الجدد في القصر."))
    assert.same({ "person يوسف النجار cue:title" }, found(kb, "ar", "الرئيس يوسف النجار يستقبل السفراء."))
    -- Urdu: the preposition and the portfolio after a title
    assert.same({}, found(kb, "ur", "وزیر مملکت اطلاعات نے اجلاس سے خطاب کیا۔"))
    assert.same({ "org سپریم کورٹ cue:org_tail" },
      found(kb, "ur", "انہوں نے کہا کہ فیصلہ ہمیں سپریم کورٹ پر چھوڑنا چاہیے۔"))
    -- Persian: a time word after the name ends it
    assert.same({ "person رضا کاظمی‌نیا cue:title" },
      found(kb, "fa", "حجت‌الاسلام رضا کاظمی‌نیا بعدازظهر امروز گفت."))
  end)
  it("Persian: a team's name after تیم, a list after its plural; court words and a cooperative's head", function()
    assert.same({ "org آهن‌پور cue:org_title" }, found(kb, "fa", "تیم آهن‌پور با پیروزی مقابل رقیب صدرنشین شد."))
    assert.same({ "org فولادگران cue:org_title", "org شاهین‌دژ cue:org_title" },
      found(kb, "fa", "در این دیدار تیمهای فولادگران و شاهین‌دژ به تساوی رسیدند."))
    assert.same({}, found(kb, "fa", "سرمربی تیم ملی از بازیکنان تشکر کرد."))
    assert.same({ "org تعاونی مسکن آبادگران cue:org_head" },
      found(kb, "fa", "جلسه دادگاه متهمان پرونده تعاونی مسکن آبادگران برگزار شد."))
    assert.same({}, found(kb, "fa", "این پرونده به تازگی به دادگاه رسیده است."))
  end)
  it("Arabic: the quoted names of a list after a plural head, each an organisation", function()
    assert.same({ "org النور للصلب المسطح cue:org_quoted", "org النور للدرفلة cue:org_quoted",
                  "org الشرق للحديد cue:org_quoted" },
      found(kb, "ar", 'وتملك المجموعة شركات "النور للصلب المسطح"، و"النور للدرفلة"، و"الشرق للحديد".'))
    -- a quoted phrase after the list's comma without و is still an item; a quote after other words is none
    assert.same({ "org الوادي للأسمنت cue:org_quoted" },
      found(kb, "ar", 'وتعاقدت شركة "الوادي للأسمنت" مع البنك وقال "نحن مستعدون".'))
  end)
  it("Persian: a given name before a city is a team's name, adjectives after a coach's title no name", function()
    local text = "تیم‌های فولادگران و شاهین بوشهر امروز بازی کردند. شاهین کریمی گفت."
    local at = text:find("بوشهر", 1, true)
    local span = { [at] = at + #"بوشهر" - 1 }
    assert.same({ "org فولادگران cue:org_title", "org شاهین بوشهر cue:org_title", "person شاهین کریمی names:given" },
      found(kb, "fa", text, { gazetteer = span, cities = span }))
    assert.same({ "person شاهین بوشهر names:given" }, found(kb, "fa", "شاهین بوشهر امروز گفت.", {}))
    local t2 = "شاهین بوشهر امروز گفت."
    local a2 = t2:find("بوشهر", 1, true)
    local s2 = { [a2] = a2 + #"بوشهر" - 1 }
    assert.same({}, found(kb, "fa", t2, { gazetteer = s2, cities = s2 }))
    assert.same({}, found(kb, "fa", "تیم‌های لیگ برتری به دنبال مربی خارجی کارکشته هستند."))
  end)
  it("Arabic: a theophoric compound ends a name (نور الدين, نصر الله) and is never propagated alone", function()
    assert.same({ "person إبراهيم نور الدين names:given" },
      found(kb, "ar", "وكشفت اللجنة عن تعيين إبراهيم نور الدين لإدارة المباراة."))
    assert.same({ "person حسن نصر الله cue:title" },
      found(kb, "ar", "وقال الوزير حسن نصر الله إن الأمر انتهى، وشكر الله الحضور."))
    -- nor a regnal ordinal (the fifth week is no king)
    assert.same({ "person محمد الخامس cue:title" },
      found(kb, "ar", "وقال الوزير محمد الخامس إن الأمر انتهى. وفي الأسبوع الخامس فاز الفريق."))
  end)
  it("Arabic: a channel after قناة, its clitic outside; a gazetteer place or an adjective after it none", function()
    assert.same({ "org نايل سبورت cue:org_title" },
      found(kb, "ar", 'وقال في تصريحات لقناة نايل سبورت: "نحن مستعدون".'))
    assert.same({}, found(kb, "ar", "وقال في تصريحات لقناة رياضية خاصة إنه مستعد."))
    local text = "عبرت السفن قناة السويس أمس."
    local at = text:find("السويس", 1, true)
    assert.same({}, found(kb, "ar", text, { gazetteer = { [at] = at + #"السويس" - 1 } }))
  end)
  it("Persian, Urdu, Arabic: demonstratives before a head, light verbs, plurals, a board's title", function()
    -- a demonstrative before a head: a common noun
    assert.same({ "person علی کاردان names:given" },
      found(kb, "fa", "زنگنه طی حکمی این شرکت را به مدیریت علی کاردان سپرد."))
    assert.same({}, found(kb, "ar", "وقالت هذه الشركة الكبرى إن الأرباح ارتفعت."))
    -- the noun of a compound verb after a title is no name
    assert.same({ "org بانک مرکزی cue:org_head" }, found(kb, "fa", "رئیس کل بانک مرکزی معرفی شد."))
    assert.same({ "person حمید رستمی cue:title" }, found(kb, "fa", "سرمربی حمید رستمی استعفا کرد."))
    -- a plural after an organisation's name or a title is the noun it governs
    assert.same({ "org وزارت امور خارجه cue:org_head" },
      found(kb, "fa", "سخنگوی وزارت امور خارجه ادعاهای جدید را تکذیب کرد."))
    -- Urdu: Ms after a judge's title, a petition's words after a lawyer's
    assert.same({ "person عالیہ نورین cue:title" }, found(kb, "ur", "چیف جسٹس مس عالیہ نورین نے سماعت کی۔"))
    assert.same({}, found(kb, "ur", "وکیل درخواست گزار نے موقف اختیار کیا۔"))
    -- Arabic: a board's chair before the company, then the person (the title's, after its complement);
    -- definite adjectives after a full window
    assert.same({ "org شركة النور العقارية cue:org_head", "person سامي العطار cue:title" },
      found(kb, "ar", "قال رئيس مجلس إدارة شركة النور العقارية سامي العطار إن الأرباح ارتفعت."))
    assert.same({ "org شركة مركز التداول الأوراق المالية cue:org_head" },
      found(kb, "ar", "تنخفض الأرباح بحسب شركة مركز التداول الأوراق المالية في التقرير."))
  end)
  it("Persian: a family-name suffix written apart or onto a third word ends the name", function()
    assert.same({ "person حسین امیر کرمانیان names:given" },
      found(kb, "fa", "به گفته حسین امیر کرمانیان جلسه آغاز شد."))
    assert.same({ "person علی رضایی نیا names:given" }, found(kb, "fa", "علی رضایی نیا در جلسه گفت که کار ادامه دارد."))
    -- not a noun before a light verb
    assert.same({ "person علی رضایی names:given" }, found(kb, "fa", "سخنان علی رضایی پایان یافت."))
  end)
  it("Hebrew: a title as long as an organisation's head from the same word is the office", function()
    assert.same({ "person נורית שגב cue:title" },
      found(kb, "he", "העתירה הוגשה על-ידי חברת הכנסת נורית שגב בשבוע שעבר."))
    assert.same({ "org חברת החשמל cue:org_head" }, found(kb, "he", "העתירה הוגשה נגד חברת החשמל בשבוע שעבר."))
  end)
  it("Arabic: a conjunct with و after a title is found by its name; a known name before a city's name", function()
    local text = "قال وزير الإعلام ومحمد سالم في المؤتمر."
    local at = text:find("سالم", 1, true)
    local span = { [at] = at + #"سالم" - 1 }
    assert.same({ "person محمد سالم names:given" }, found(kb, "ar", text, { gazetteer = span, cities = span }))
    assert.same({ "org لجنة الحكام cue:org_head" }, found(kb, "ar", "وكشفت لجنة الحكام التابعة للاتحاد عن القرار."))
  end)
  it("Arabic: three words after a given name before a title are the name in apposition to it", function()
    assert.same({ "person يوسف بطرس منصور names:given" },
      found(kb, "ar", "وحضر الاجتماع يوسف بطرس منصور وزير المالية السابق."))
  end)
  it("Arabic: a particle compound counts as one word, the word after it closed by punctuation is the name's", function()
    assert.same({ "person خالد عبد الرحمن طوقان cue:title" },
      found(kb, "ar", "وحضر رجل الأعمال خالد عبد الرحمن طوقان، ورئيس الهيئة."))
    -- not over an open window (a fourth word that no punctuation or stop closes)
    assert.same({ "person خالد عبد الرحمن cue:title" },
      found(kb, "ar", "وحضر رجل الأعمال خالد عبد الرحمن طوقان جلسة الأمس الطويلة."))
  end)
  it("Persian: a list after تیم‌های goes on after a gazetteer name, which decides alone", function()
    local text = "تیم‌های پرسپولیس و فولادگران به مصاف هم می‌روند."
    local at = text:find("پرسپولیس", 1, true)
    assert.same({ "org فولادگران cue:org_title" },
      found(kb, "fa", text, { gazetteer = { [at] = at + #"پرسپولیس" - 1 } }))
  end)
  it("Arabic: particles and their words do not count against a title's window (آل نهيان)", function()
    assert.same({ "person حمدان بن راشد آل مكتوم cue:title" },
      found(kb, "ar", "استقبل صاحب السمو الشيخ حمدان بن راشد آل مكتوم وفدا من رجال الأعمال."))
    assert.same({ "person حمد بن راشد cue:title" }, found(kb, "ar", "التقى الشيخ حمد بن راشد بوفد من رجال الأعمال."))
  end)
  it("Urdu: an appointment's verbs after an office, adjectives before a tail, acting as a title", function()
    assert.same({ "org اسٹیٹ بینک cue:org_tail" }, found(kb, "ur", "گورنر اسٹیٹ بینک بنائے جانے کا امکان ہے۔"))
    assert.same({}, found(kb, "ur", "یہ ملک کا سب سے بہترین بینک ہے۔"))
    assert.same({ "org اسٹیٹ بینک cue:org_tail" }, found(kb, "ur", "قائم مقام گورنر اسٹیٹ بینک نے فیصلہ کیا۔"))
  end)

  it("Arabic, Persian: Levantine and foreign given names of the -more lists open a person without a cue", function()
    -- data/names/ar-more.tsv: Lebanese Christian and Armenian names, foreign names as Arabic writes them
    assert.same({ "person ميشال حداد names:given", "person هاغوب كرمزيان names:given" },
      found(kb, "ar", "حضر اللقاء ميشال حداد ممثلا عن الكتلة، وغاب عنه هاغوب كرمزيان بداعي السفر."))
    assert.same({ "person جوزيه فاريلا names:given" },
      found(kb, "ar", "أكد مدرب الفريق السابق جوزيه فاريلا رحيله في نهاية الموسم."))
    -- data/names/fa-more.tsv
    assert.same({ "person عباسعلی کرمانی names:given" },
      found(kb, "fa", "در این جلسه عباسعلی کرمانی درباره طرح جدید توضیح داد."))
  end)
end)
