// The map: clustered event markers, the control layer (markers and province fills) and the layer switch. Text from
// events goes in with textContent only.
'use strict';
window.VigieMap = (() => {
  const CATEGORY_OF = {
    territory_taken: 'territory', territory_transferred: 'territory', territory_held: 'territory', base_established: 'territory',
    armed_clash: 'fighting', attack: 'fighting', sexual_violence: 'fighting', abduction: 'fighting', mob_violence: 'fighting',
    air_strike: 'remote', shelling: 'remote', suicide_bombing: 'remote', explosive_device: 'remote', grenade: 'remote', chemical_weapon: 'remote',
    casualties: 'casualties',
    protest: 'protest', protest_with_intervention: 'protest', protest_repressed: 'protest', riot: 'protest',
    offensive: 'military', deployment: 'military', withdrawal: 'military', evacuation: 'military', weapons_seized: 'military', group_change: 'military',
    agreement: 'diplomacy', talks: 'diplomacy', proposal: 'diplomacy', threat: 'diplomacy', criticism: 'diplomacy', rejection: 'diplomacy',
    demand: 'diplomacy', sanction: 'diplomacy', aid: 'diplomacy', responsibility_claim: 'diplomacy',
  };
  const CATEGORY_COLOURS = {
    territory: '#7b3294', fighting: '#d7191c', remote: '#fdae61', casualties: '#636363', protest: '#2c7bb6',
    military: '#1a9641', diplomacy: '#abd9e9', other: '#bababa',
  };
  // One hue per controller family; the members of a family are shades of it.
  const FAMILY_HUES = [4, 212, 120, 280, 30, 180, 330, 55, 0, 250];
  // Roles of a state's own forces and government (data/actors/roles.tsv): one family per state.
  const STATE_ROLES = new Set(['GOV', 'MIL', 'COP', 'SPY']);
  // Features whose control colours their province (the province itself, or its capital).
  const PROVINCE_LEVEL = { province: 0, provincial_capital: 1, capital: 1 };

  const categoryOf = (type) => CATEGORY_OF[type] ?? 'other';
  const families = new Map(); // family key -> { hue, members: Map(actor id -> shade index) }

  function familyOf(actor) {
    return actor.role && STATE_ROLES.has(actor.role) && actor.country ? `state:${actor.country}` : `actor:${actor.id}`;
  }

  function controllerColour(actor) {
    const key = familyOf(actor);
    if (!families.has(key)) families.set(key, { hue: FAMILY_HUES[families.size % FAMILY_HUES.length], grey: families.size >= FAMILY_HUES.length, members: new Map(), names: new Map() });
    const f = families.get(key);
    if (!f.members.has(actor.id)) f.members.set(actor.id, f.members.size);
    f.names.set(actor.id, actor.name);
    const shade = f.members.get(actor.id);
    const light = 38 + (shade % 4) * 12;
    return f.grey ? `hsl(0, 0%, ${light}%)` : `hsl(${f.hue}, 70%, ${light}%)`;
  }

  function inRing(ring, x, y) {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i], [xj, yj] = ring[j];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }
  const inPolygon = (poly, x, y) => inRing(poly[0], x, y) && !poly.slice(1).some((h) => inRing(h, x, y));
  // The bounding box of a province's outer rings, computed once per feature: most provinces are ruled out by it
  // without walking their thousands of vertices (a large store places hundreds of controls a day).
  const boxes = new WeakMap();
  function boxOf(f) {
    let b = boxes.get(f);
    if (!b) {
      b = [Infinity, Infinity, -Infinity, -Infinity];
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const polygon of polygons) for (const [x, y] of polygon[0]) {
        if (x < b[0]) b[0] = x; if (y < b[1]) b[1] = y; if (x > b[2]) b[2] = x; if (y > b[3]) b[3] = y;
      }
      boxes.set(f, b);
    }
    return b;
  }

  function containing(fc, lon, lat) {
    return fc?.features.find((f) => {
      const g = f.geometry;
      const b = boxOf(f);
      if (lon < b[0] || lon > b[2] || lat < b[1] || lat > b[3]) return false;
      return g.type === 'Polygon' ? inPolygon(g.coordinates, lon, lat) : g.coordinates.some((p) => inPolygon(p, lon, lat));
    }) ?? null;
  }

  // Hatching for contested provinces: an SVG pattern per colour, in a hidden SVG of the page (url(#id) is page-wide).
  function hatch(colour) {
    const id = 'hatch-' + colour.replace(/[^0-9a-z]/gi, '');
    if (!document.getElementById(id)) {
      const ns = 'http://www.w3.org/2000/svg';
      let defs = document.getElementById('vigie-patterns');
      if (!defs) {
        const svg = document.createElementNS(ns, 'svg');
        svg.setAttribute('class', 'patterns');
        svg.setAttribute('aria-hidden', 'true');
        defs = document.createElementNS(ns, 'defs');
        defs.id = 'vigie-patterns';
        svg.append(defs);
        document.body.append(svg);
      }
      const p = document.createElementNS(ns, 'pattern');
      p.id = id;
      p.setAttribute('patternUnits', 'userSpaceOnUse');
      p.setAttribute('width', '8');
      p.setAttribute('height', '8');
      p.setAttribute('patternTransform', 'rotate(45)');
      const line = document.createElementNS(ns, 'rect');
      line.setAttribute('width', '3');
      line.setAttribute('height', '8');
      line.setAttribute('fill', colour);
      p.append(line);
      defs.append(p);
    }
    return `url(#${id})`;
  }

  function create(container, { t, el, onOpen, onMessage }) {
    if (!window.L) { onMessage(t('noMap')); return null; }
    const map = L.map(container, { worldCopyJump: false, minZoom: 2, maxZoom: 12, attributionControl: true }).setView([33, 65], 5);
    map.createPane('provinces').style.zIndex = 350;
    map.createPane('control').style.zIndex = 420;
    map.attributionControl.setPrefix(false);
    const provinceLayer = L.layerGroup().addTo(map);
    const controlLayer = L.layerGroup().addTo(map);
    const eventLayer = window.L.markerClusterGroup
      ? L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, spiderfyOnMaxZoom: true, zoomToBoundsOnClick: true })
      : L.layerGroup();
    eventLayer.addTo(map);
    const selectedLayer = L.layerGroup().addTo(map);
    const provinceFiles = new Map();
    const outlines = L.canvas({ pane: 'provinces' });
    let layerSwitch = null;
    let attribution = '';
    let fitted = false;
    let controlRequest = 0;

    fetch('vendor/countries.json').then((r) => r.json()).then((world) => {
      L.geoJSON(world, { style: { color: '#8a8f96', weight: 0.8, fillColor: '#f2efe6', fillOpacity: 1 }, interactive: false }).addTo(map).bringToBack();
    }).catch(() => onMessage(t('noMap')));

    function provincesOf(cc) {
      if (!cc) return Promise.resolve(null);
      cc = cc.toUpperCase();
      if (!provinceFiles.has(cc)) {
        provinceFiles.set(cc, fetch(`vendor/provinces/${encodeURIComponent(cc)}.json`).then((r) => (r.ok ? r.json() : null)).catch(() => null));
      }
      return provinceFiles.get(cc);
    }

    function setLabels() {
      if (layerSwitch) layerSwitch.remove();
      layerSwitch = L.control.layers(null, { [t('layerEvents')]: eventLayer, [t('layerControl')]: controlLayer, [t('layerProvinces')]: provinceLayer },
        { collapsed: false, position: 'topright' }).addTo(map);
      if (attribution) map.attributionControl.removeAttribution(attribution);
      attribution = t('attribution');
      map.attributionControl.addAttribution(attribution);
    }

    // Events: one marker per location, clustered where they share a place; the selected event is ringed and centred.
    function showEvents(items, label) {
      eventLayer.clearLayers();
      const markers = [];
      const bounds = [];
      for (const item of items) {
        const e = item.event;
        for (const loc of e.locations) {
          if (typeof loc.lat !== 'number' || typeof loc.lon !== 'number') continue;
          const cat = categoryOf(e.type);
          const icon = L.divIcon({ className: `event-marker cat-${cat}`, iconSize: [14, 14] });
          const m = L.marker([loc.lat, loc.lon], { icon, keyboard: true, title: loc.name });
          m.bindTooltip(el('span', { text: `${label(item)} — ${loc.name}` }));
          m.on('click', () => onOpen(item));
          m.on('add', () => { m.getElement()?.setAttribute('data-id', item.id); m.getElement()?.setAttribute('data-members', item.members.join(' ')); });
          markers.push(m);
          bounds.push([loc.lat, loc.lon]);
        }
      }
      if (eventLayer.addLayers) eventLayer.addLayers(markers); else markers.forEach((m) => m.addTo(eventLayer));
      if (bounds.length && !fitted) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 6 }); fitted = true; }
    }

    function select(e) {
      selectedLayer.clearLayers();
      const loc = e?.locations.find((l) => typeof l.lat === 'number');
      if (!loc) return;
      L.circleMarker([loc.lat, loc.lon], { radius: 16, color: '#111', weight: 3, fill: false, className: 'selected-marker', interactive: false }).addTo(selectedLayer);
      map.setView([loc.lat, loc.lon], Math.max(map.getZoom(), 6), { animate: false });
    }

    // Control: a marker per place (under the event markers, labelled on hover); a province takes a colour only from
    // the control of the province itself or of its capital, one controller at a time, hatched when contested.
    async function showControl(entries) {
      const request = ++controlRequest;
      const countries = [...new Set(entries.map((c) => c.place.country).filter(Boolean))];
      const files = new Map(await Promise.all(countries.map(async (cc) => [cc, await provincesOf(cc)])));
      if (request !== controlRequest) return; // a newer day was chosen meanwhile
      provinceLayer.clearLayers();
      controlLayer.clearLayers();
      for (const cc of countries) {
        const fc = files.get(cc);
        // Outlines on a canvas: hundreds of paths that nobody clicks, drawn once instead of as SVG elements.
        if (fc) L.geoJSON(fc, { renderer: outlines, style: { color: '#9aa0a6', weight: 0.5, fill: false }, interactive: false }).addTo(provinceLayer);
      }
      const byProvince = new Map();
      for (const c of entries) {
        const level = PROVINCE_LEVEL[c.place.feature];
        if (level === undefined) continue;
        const province = containing(files.get(c.place.country), c.place.lon, c.place.lat);
        if (!province) continue;
        const key = `${c.place.country}:${province.properties.code ?? province.properties.name}`;
        const best = byProvince.get(key);
        if (!best || level < best.level) byProvince.set(key, { province, level, entries: [c] });
        else if (level === best.level) best.entries.push(c);
      }
      for (const { province, entries: held } of byProvince.values()) {
        const controllers = [...new Map(held.map((c) => [c.controller.id, c])).values()];
        const colour = controllerColour(controllers[0].controller);
        const contested = controllers.length > 1 || held.some((c) => c.status === 'contested');
        L.geoJSON(province, {
          pane: 'provinces',
          style: { color: colour, weight: 1.2, fillColor: contested ? hatch(colour) : colour, fillOpacity: contested ? 0.8 : 0.4, className: contested ? 'province contested' : 'province held' },
          interactive: false,
        }).addTo(provinceLayer);
      }
      for (const c of entries) {
        const colour = controllerColour(c.controller);
        const marker = L.circleMarker([c.place.lat, c.place.lon], { pane: 'control', radius: 6, color: colour, weight: 3, fillColor: '#fff', fillOpacity: 0.9, className: 'control-marker' });
        marker.bindTooltip(el('span', { text: `${c.place.name}: ${c.controller.name}` }), { direction: 'right', className: 'place-label' });
        marker.addTo(controlLayer);
      }
    }

    function legend() {
      return [...families.entries()].map(([key, f]) => ({ key, members: [...f.names.entries()].map(([id, name]) => ({ id, name })) }));
    }

    return { map, setLabels, showEvents, showControl, select, legend, controllerColour, refit: () => { fitted = false; } };
  }

  return { create, categoryOf, CATEGORY_COLOURS, controllerColour, familyOf };
})();
