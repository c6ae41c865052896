-- numbers.lua: cardinals in any script's digits with local separators,
-- percentages, money, and small number words.
--   "۲۰" -> 20   "१,२५०" -> 1250   "1.250,5" -> 1250.5   "₹ 5 करोड़" -> {amount=50000000, currency="INR"}
-- Digits are every Unicode gc=Nd set (V.D); grouping follows CLDR's symbols
-- (",", ".", U+066C ARABIC THOUSANDS SEPARATOR, U+066B ARABIC DECIMAL
-- SEPARATOR, no-break spaces), Indian lakh grouping (1,25,000) included.
local P, Cc, Cg, Ct = lpeg.P, lpeg.Cc, lpeg.Cg, lpeg.Ct
local sp0 = V.sp0

local number = Cg(V.number, "n") * (V.sp1 * Cg(V.scale, "scale")) ^ -1
local function amount(t)
  return t.scale and t.n * t.scale or t.n
end

-- currency words and symbols -> ISO 4217 code
local currency = V.keywords({
  ["Rs."] = "INR", Rs = "INR", INR = "INR", ["रुपये"] = "INR", ["रुपए"] = "INR", ["रुपया"] = "INR", ["रु."] = "INR",
  ["روپے"] = "PKR", ["روپیہ"] = "PKR", PKR = "PKR",
  ["ریال"] = "IRR", ["تومان"] = "IRT", IRR = "IRR", ["ريال"] = "SAR", ["درهم"] = "AED", ["دينار"] = "IQD",
  Rubel = "RUB", ["рублей"] = "RUB", ["рубля"] = "RUB", ["рубль"] = "RUB", ["руб."] = "RUB", RUB = "RUB",
  Euro = "EUR", EUR = "EUR", ["евро"] = "EUR", ["यूरो"] = "EUR", ["یورو"] = "EUR", ["يورو"] = "EUR",
  Dollar = "USD", dollars = "USD", USD = "USD", ["долларов"] = "USD", ["доллара"] = "USD", ["डॉलर"] = "USD",
  ["دلار"] = "USD", ["دولار"] = "USD", ["ڈالر"] = "USD",
})
local symbol = P"₹" * Cc("INR") + P"$" * Cc("USD") + P"€" * Cc("EUR") + P"£" * Cc("GBP")
  + P"₽" * Cc("RUB") + P"﷼" * Cc("IRR") + P"¥" * Cc("JPY")

local percent_sign = P"%" + "٪" + V.keywords({ Prozent = true, percent = true, ["per cent"] = true,
  ["प्रतिशत"] = true, ["फीसदी"] = true, ["درصد"] = true, ["فیصد"] = true, ["процент"] = true, ["процента"] = true,
  ["процентов"] = true, ["بالمئة"] = true, ["في المئة"] = true })

return {
  rule "cardinal" {
    kind = "number",
    description = "a number in any digit script with local grouping and decimals, optional scale word",
    pattern = Ct(number),
    value = amount,
    examples = {
      ["۲۰"] = 20, ["१,२५०"] = 1250, ["1.250,5"] = 1250.5, ["1,250.5"] = 1250.5, ["1.250.000"] = 1250000,
      ["1,25,000"] = 125000, ["١٬٢٥٠٫٥"] = 1250.5, ["2 Millionen"] = 2000000, ["۳ میلیارد"] = 3000000000,
      ["42"] = 42,
    },
    counter_examples = { "12abc" },
  },

  rule "percent" {
    kind = "percent",
    description = "percentages (12%, 12,5 %, ۲۰٪, 20 प्रतिशत, 20 درصد)",
    pattern = Ct(Cg(V.number, "n") * sp0 * percent_sign),
    value = function(t) return t.n end,
    examples = { ["12%"] = 12, ["12,5 %"] = 12.5, ["۲۰٪"] = 20, ["20 प्रतिशत"] = 20, ["۲۰ درصد"] = 20 },
  },

  rule "money" {
    kind = "money",
    description = "amounts with a currency symbol or word (₹500, $ 3.5 million, 20 ریال, 5 Mio. Euro)",
    pattern = Ct(Cg(symbol, "cur") * sp0 * number)
      + Ct(number * P"." ^ -1 * sp0 * Cg(currency + symbol, "cur")),
    value = function(t) return { amount = amount(t), currency = t.cur } end,
    examples = {
      ["₹500"] = { amount = 500, currency = "INR" },
      ["$ 3.5 million"] = { amount = 3500000, currency = "USD" },
      ["۲۰ هزار ریال"] = { amount = 20000, currency = "IRR" },
      ["500 روپے"] = { amount = 500, currency = "PKR" },
      ["10 Rubel"] = { amount = 10, currency = "RUB" },
      ["5 करोड़ रुपये"] = { amount = 50000000, currency = "INR" },
      ["12,50 €"] = { amount = 12.5, currency = "EUR" },
    },
  },

  rule "number_word" {
    kind = "number",
    description = "small number words, 2 to 12 (पाँच, پنج, fünf, five, пять, خمسة)",
    pattern = V.number_word("en", "de", "ru", "hi", "ur", "fa", "ar"),
    examples = { ["पाँच"] = 5, ["پنج"] = 5, ["fünf"] = 5, ["five"] = 5, ["пять"] = 5, ["خمسة"] = 5, ["Zwölf"] = 12 },
    counter_examples = { "پنجمین", "fünfte", "ein" },
  },
}
