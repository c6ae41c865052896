// tools/names_from_faker.mjs -- the given-name and surname lexicons
// data/names/LANG.tsv (docs/recognition.md, "Name lists"; issue 13) from the
// person names of the npm package @faker-js/faker.  Build time only (`make
// names`); glean never runs node.
//
//   node tools/names_from_faker.mjs --faker DIR [--out data/names] [--dicdir /usr/share/hunspell]
//
// DIR holds the unpacked package (DIR/package/package.json, the Makefile's
// `npm pack` into build/namecache).  For each language below it reads the
// locale definitions whose metadata.language is that language (country
// variants such as de_AT, fr_BE, en_IN; not the joke variants en_AU_ocker
// and en_BORK), person.first_name -> `given`, person.last_name -> `surname`
// (all genders: the Russian, Ukrainian and Czech feminine surnames faker
// lists are kept as they are; no form is made up).  Lists in scripts without case go to
// LANG-faker.tsv (ar, fa, he, th, ko): data/names/ar.tsv, fa.tsv and ko.tsv are written by hand.
//
// Each entry is NFC, trimmed of spaces and format characters at its ends,
// inner spaces collapsed.  Dropped (not a name as the engine sees names):
//   * empty, or holding a digit, a control character or U+FFFD (nl "Ã\x96mer",
//     a broken Ömer);
//   * a letter of another script than the language's (a typo in the source);
//   * cased scripts: all lower-case, or a last word that does not start with a
//     capital (faker's "Da silva", "Kadar rodriguez": particles such as
//     `de`, `van`, `d’` may be lower-case only before the name), or a word
//     opening with two capitals and then a small letter (en_GH "COmfort");
//   * the few source errors in EXCLUDE below, each with its reason.
// The output is sorted by class, then by the UTF-8 bytes of the name, with
// no duplicate (class, name).
//
// Third column `common`: every word of the name, lower-cased with the
// language's rules (Turkish I/ı), is an entry of the language's hunspell
// dictionary (en "Will", "Grace", tr "Deniz", ru "Роман"; see dictWords).
// For Arabic, Hebrew and Thai script, which have no case, the name itself is an entry.  The
// engine asks for more evidence before it takes such a name without a cue.
// A missing dictionary is an error: the files must not depend on what
// happens to be installed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

// language -> output file, script of its names, hunspell dictionaries (Debian
// packages in the Makefile's NAME_DICTS)
const LANGS = {
  en: { script: "Latin", dicts: ["en_US"] },
  de: { script: "Latin", dicts: ["de_DE"] },
  fr: { script: "Latin", dicts: ["fr_FR"] },
  es: { script: "Latin", dicts: ["es_ES"] },
  it: { script: "Latin", dicts: ["it_IT"] },
  pt: { script: "Latin", dicts: ["pt_PT"] }, // pt_BR lists given names in lower case (maria, ricardo)
  ru: { script: "Cyrillic", dicts: ["ru_RU"] },
  uk: { script: "Cyrillic", dicts: ["uk_UA"] },
  tr: { script: "Latin", dicts: ["tr_TR"] },
  pl: { script: "Latin", dicts: ["pl_PL"] },
  cs: { script: "Latin", dicts: ["cs_CZ"] },
  el: { script: "Greek", dicts: ["el_GR"] },
  nl: { script: "Latin", dicts: ["nl"] },
  sv: { script: "Latin", dicts: ["sv_SE"] },
  da: { script: "Latin", dicts: ["da_DK"] },
  nb: { script: "Latin", dicts: ["nb_NO"] },
  ro: { script: "Latin", dicts: ["ro_RO"] },
  sk: { script: "Latin", dicts: ["sk_SK"] },
  id: { script: "Latin", dicts: ["id_ID"] },
  ar: { script: "Arabic", dicts: ["ar"], file: "ar-faker" },
  fa: { script: "Arabic", dicts: ["fa_IR"], file: "fa-faker" },
  he: { script: "Hebrew", dicts: ["he_IL"], file: "he-faker" },
  th: { script: "Thai", dicts: ["th_TH"], file: "th-faker" },
  // Korean: a name is one word, family name first (홍길동): a given name is
  // `common` when it is a word, or when a family name of the list before it
  // makes one (지+지율 지지율, 이+재민 이재민, 국+정원 국정원)
  ko: { script: "Hangul", dicts: ["ko"], file: "ko-faker", withFamily: true },
  // Japanese: family names only (a Han given name would be read as a family
  // name: glean keeps Han names as family names), of two characters or more
  // (東, 南, 谷 are words); no dictionary flags them
  ja: { script: "Han", dicts: [], file: "ja-faker", only: "surname", minChars: 2 },
};

// Source errors no general rule catches.
const EXCLUDE = {
  ar: { "الع لويني": "a space inside the word (العلويني)" },
  ja: Object.fromEntries(
    ["福岡", "長野", "宮城", "金沢", "渋谷", "神田", "豊田", "日野", "町田", "松山", "高松", "長岡", "戸田", "松島", "高島"]
      .map((n) => [n, "also a city's or district's name, far more often the place in news"])
      .concat([["出口", "a word (exit)"], ["内海", "a word (inland sea)"], ["入江", "a word (inlet)"],
        ["川原", "a word (riverbed)"], ["河原", "a word (riverbed)"], ["落合", "a word (confluence)"],
        ["中原", "a word (central plain)"], ["小出", "a word (小出し, bit by bit)"]]),
  ),
};

function die(msg) {
  process.stderr.write(`names_from_faker: ${msg}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
const opt = { out: "data/names", dicdir: "/usr/share/hunspell" };
for (let i = 0; i < args.length; i += 2) {
  const k = args[i].replace(/^--/, "");
  if (!(k in opt) && k !== "faker") die(`unknown option ${args[i]}`);
  opt[k] = args[i + 1];
}
if (!opt.faker) die("usage: node tools/names_from_faker.mjs --faker DIR [--out DIR] [--dicdir DIR]");

const pkgDir = resolve(opt.faker, "package");
const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
if (pkg.name !== "@faker-js/faker") die(`${pkgDir} is not @faker-js/faker`);
if (!existsSync(join(pkgDir, "LICENSE"))) die(`${pkgDir}/LICENSE missing`);
const faker = await import(pathToFileURL(join(pkgDir, "dist", "index.js")).href);
const allLocales = faker.allLocales;

const SKIP_VARIANTS = new Set(["ocker", "BORK"]);
const CASED = new Set(["Latin", "Cyrillic", "Greek"]);

function clean(s) {
  return s.normalize("NFC").replace(/^[\s\p{Cf}]+|[\s\p{Cf}]+$/gu, "").replace(/\s+/gu, " ");
}

// null when NAME is kept, else why it is dropped
function reject(name, lang) {
  const { script } = LANGS[lang];
  if (name === "") return "empty";
  if (/[\p{N}\p{Cc}\uFFFD]/u.test(name)) return "digit or control character";
  const letters = name.match(/\p{L}/gu) || [];
  if (letters.length === 0) return "no letter";
  const re = new RegExp(`^\\p{Script=${script}}$`, "u");
  if (!letters.every((c) => re.test(c))) return `letter not ${script}`;
  if (EXCLUDE[lang] && EXCLUDE[lang][name]) return EXCLUDE[lang][name];
  if (LANGS[lang].minChars && [...name].length < LANGS[lang].minChars) return `fewer than ${LANGS[lang].minChars} characters`;
  if (CASED.has(script)) {
    if (!/\p{Lu}/u.test(name)) return "all lower-case";
    const words = name.split(" ");
    const last = words[words.length - 1];
    if (!/^\p{Lu}/u.test(last) && !/^\p{Ll}+['’]\p{Lu}/u.test(last)) return "last word not capitalised";
    if (words.some((w) => /^\p{Lu}{2}\p{Ll}/u.test(w))) return "two capitals then small letters";
  }
  return null;
}

function bytesCompare(a, b) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

// The words of hunspell dictionary D: its entries (stems, no affix
// expansion, as tools/commonwords.lua reads them), except
//   * entries marked ONLYINCOMPOUND or FORBIDDENWORD (not words on their own);
//   * in a dictionary whose entries mostly carry affix flags, the entries
//     without any: there they are mostly given names written in lower case
//     (tr_TR emre, remzi; it_IT giacomo; nl chris, joe; ru_RU иван; uk_UA
//     ігор), abbreviations and foreign words (220 of the 2041 given names
//     of the cased-script files were marked by them alone).  el_GR and
//     fa_IR have no flags at all: every entry counts.
// Expanding affixes (hunspell -G) was tried: it also takes rare inflected
// forms (es "armando" gerund, pl "marek") and marked a third of the given
// names of es, it, pt.
const dictCache = new Map();
function dictWords(d) {
  if (dictCache.has(d)) return dictCache.get(d);
  const aff = join(opt.dicdir, d + ".aff"), dic = join(opt.dicdir, d + ".dic");
  if (!existsSync(aff) || !existsSync(dic)) die(`${dic} (or .aff) missing (make names installs the hunspell packages)`);
  const enc = (b) => {
    const m = b.toString("latin1").match(/^SET\s+(\S+)/m);
    return m ? m[1].toLowerCase().replace(/^iso8859/, "iso-8859") : "utf-8";
  };
  const affBuf = readFileSync(aff);
  const decoder = new TextDecoder(enc(affBuf), { fatal: true });
  const info = { kind: "char", bad: new Set(), af: [] };
  for (const line of decoder.decode(affBuf).split(/\r?\n/)) {
    const m = line.match(/^([A-Z]+)\s+(\S+)/);
    if (!m) continue;
    if (m[1] === "FLAG") info.kind = m[2];
    else if (m[1] === "ONLYINCOMPOUND" || m[1] === "FORBIDDENWORD") info.bad.add(m[2]);
    else if (m[1] === "AF" && !/^\d+$/.test(m[2])) info.af.push(m[2]);
  }
  const flagsOf = (s) => {
    if (info.af.length > 0 && /^\d+$/.test(s)) s = info.af[Number(s) - 1] || "";
    if (info.kind === "long") return s.match(/../g) || [];
    if (info.kind === "num") return s.match(/\d+/g) || [];
    return [...s];
  };
  const flagged = new Set(), bare = new Set();
  const lines = decoder.decode(readFileSync(dic)).split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    const m = lines[i].match(/^([^/\t]+?)(?:\/([^\t\s]*))?(?:[\t\s]|$)/);
    if (!m) continue;
    const w = m[1].normalize("NFC");
    if (!m[2]) { bare.add(w); continue; }
    if (flagsOf(m[2]).some((f) => info.bad.has(f))) continue;
    flagged.add(w);
  }
  const words = flagged.size >= bare.size / 9 ? flagged : new Set([...flagged, ...bare]);
  dictCache.set(d, words);
  return words;
}

mkdirSync(opt.out, { recursive: true });
const summary = [];
for (const [lang, conf] of Object.entries(LANGS)) {
  const locales = Object.keys(allLocales)
    .filter((code) => {
      const m = allLocales[code].metadata || {};
      return m.language === lang && !SKIP_VARIANTS.has(m.variant) && allLocales[code].person;
    })
    .sort();
  const entries = new Map(); // "class\tname" -> [class, name]
  const dropped = [];
  const used = [];
  for (const code of locales) {
    const person = allLocales[code].person;
    let any = false;
    for (const [field, cls] of [["first_name", "given"], ["last_name", "surname"]]) {
      if (conf.only && conf.only !== cls) continue;
      for (const list of Object.values(person[field] || {})) {
        for (const raw of list) {
          any = true;
          const name = clean(raw);
          const why = reject(name, lang);
          if (why) dropped.push(`${code} ${cls} ${JSON.stringify(raw)}: ${why}`);
          else entries.set(`${cls}\t${name}`, [cls, name]);
        }
      }
    }
    if (any) used.push(code);
  }
  if (entries.size === 0) die(`${lang}: no names in faker ${pkg.version}`);

  // common words
  const lower = (w) => w.toLocaleLowerCase(lang);
  const cased = CASED.has(conf.script);
  const dicts = conf.dicts.map(dictWords);
  const known = (w) => dicts.some((set) => set.has(w));
  const families = conf.withFamily ? [...entries.values()].filter(([c]) => c === "surname").map(([, n]) => n) : [];
  const isCommon = (name, cls) =>
    name.split(" ").every((w) => known(cased ? lower(w) : w)) ||
    (cls === "given" && families.some((f) => known(f + name)));

  const rows = [...entries.values()].sort((a, b) => (a[0] === b[0] ? bytesCompare(a[1], b[1]) : a[0] < b[0] ? -1 : 1));
  const count = { given: 0, surname: 0 };
  const common = { given: 0, surname: 0 };
  const lines = [];
  for (const [cls, name] of rows) {
    count[cls]++;
    if (isCommon(name, cls)) {
      common[cls]++;
      lines.push(`${cls}\t${name}\tcommon`);
    } else {
      lines.push(`${cls}\t${name}`);
    }
  }
  const file = (conf.file || lang) + ".tsv";
  const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) : "0.0");
  const header = [
    `# ${file}: given names and surnames (${lang}) for the entities stage (docs/recognition.md, "Name lists").`,
    `# Source: npm package @faker-js/faker ${pkg.version} (${pkg.license}, its LICENSE file), locales ${used.join(" ")}:`,
    `# person.first_name -> given, person.last_name -> surname.  ${dropped.length} source entries dropped (see the tool).`,
    conf.dicts.length === 0
      ? `# common: none (no dictionary); ${conf.only ? `class ${conf.only} only; ` : ""}` +
        `dropped entries and why: make names, build/names.log.`
      : `# common: every word is also a lower-case word of hunspell ${conf.dicts.join("+")} (Debian, build time only)` +
        (conf.withFamily ? ", or a family name of the list and the given name are one;" : ";"),
    `# ${common.given} of ${count.given} given names (${pct(common.given, count.given)}%), ` +
      `${common.surname} of ${count.surname} surnames (${pct(common.surname, count.surname)}%).`,
    `# generated by tools/names_from_faker.mjs: make names -- do not edit by hand (data/SOURCES.md).`,
  ];
  writeFileSync(join(opt.out, file), header.join("\n") + "\n" + lines.join("\n") + "\n");
  summary.push(
    `${file}\tgiven ${count.given} (common ${common.given}, ${pct(common.given, count.given)}%)\t` +
      `surname ${count.surname} (common ${common.surname}, ${pct(common.surname, count.surname)}%)\tdropped ${dropped.length}`,
  );
  for (const d of dropped) process.stderr.write(`${lang}: dropped ${d}\n`);
}
process.stdout.write(summary.join("\n") + "\n");
