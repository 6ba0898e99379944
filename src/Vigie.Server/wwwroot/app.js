// Vigie's single page: map, time slider, event list and event view. Every text that comes from articles or events is
// put in the page with textContent or text nodes, never as HTML.
'use strict';
(() => {
  const I18N = window.VIGIE_I18N;
  const $ = (id) => document.getElementById(id);
  const DAY = 86400000;
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
  const CONTROLLER_COLOURS = ['#e41a1c', '#377eb8', '#4daf4a', '#984ea3', '#ff7f00', '#a65628', '#f781bf', '#999999', '#66c2a5', '#e6ab02'];
  const MODALITIES = ['asserted', 'claimed', 'planned', 'conditional', 'negated', 'denied', 'question'];

  const state = {
    lang: localStorage.getItem('vigie.lang') || ((navigator.language || 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en'),
    events: [], next: null, query: '', stats: null, control: [], controllerColours: new Map(),
    provinces: new Map(), map: null, eventLayer: null, controlLayer: null, provinceLayer: null, types: [], currentEvent: null,
  };
  const t = (key) => I18N[state.lang][key] ?? I18N.en[key] ?? key;
  const typeLabel = (type) => (I18N[state.lang].types[type] ?? type);
  const categoryOf = (type) => CATEGORY_OF[type] ?? 'other';
  const dayNumber = (iso) => Math.floor(Date.parse(iso + 'T00:00:00Z') / DAY);
  const isoOfDay = (n) => new Date(n * DAY).toISOString().slice(0, 10);

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, String(v));
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
    return e;
  }

  async function api(path) {
    const res = await fetch(path, { headers: { Accept: 'application/json' } });
    if (!res.ok) {
      let detail = res.statusText;
      try { const p = await res.json(); detail = p.detail || p.title || detail; } catch { /* not JSON */ }
      throw new Error(detail);
    }
    return res.json();
  }

  // ---------------------------------------------------------------- labels
  function applyLanguage() {
    document.documentElement.lang = state.lang;
    $('lang-toggle').textContent = state.lang === 'fr' ? 'EN' : 'FR';
    for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
    for (const e of document.querySelectorAll('[data-i18n-aria]')) e.setAttribute('aria-label', t(e.dataset.i18nAria));
    fillSelects();
    renderStats();
    renderLegend();
    renderList();
    renderControl();
    if (state.currentEvent) renderEvent(state.currentEvent);
  }

  function fillSelects() {
    const typeSelect = $('f-type');
    const chosenType = typeSelect.value;
    typeSelect.replaceChildren(el('option', { value: '', text: t('any') }),
      ...state.types.map((ty) => el('option', { value: ty.type, text: typeLabel(ty.type) })));
    typeSelect.value = chosenType;
    const modalitySelect = $('f-modality');
    const chosenModality = modalitySelect.value;
    modalitySelect.replaceChildren(el('option', { value: '', text: t('any') }),
      ...MODALITIES.map((m) => el('option', { value: m, text: t('modalities')[m] })));
    modalitySelect.value = chosenModality;
  }

  function renderStats() {
    $('stats').textContent = state.stats ? t('stats')(state.stats) : '';
  }

  function renderLegend() {
    $('category-legend').replaceChildren(...Object.keys(CATEGORY_COLOURS).map((c) =>
      el('li', { 'data-category': c }, swatch(CATEGORY_COLOURS[c]), t('cats')[c])));
  }

  function swatch(colour) {
    const s = el('span', { class: 'swatch' });
    s.style.background = colour;
    return s;
  }

  // ---------------------------------------------------------------- map
  function initMap() {
    if (!window.L) {
      $('map-message').textContent = t('noMap');
      $('map-message').hidden = false;
      return;
    }
    state.map = L.map('map', { worldCopyJump: false, minZoom: 2, maxZoom: 10, attributionControl: true, preferCanvas: false }).setView([33, 65], 5);
    state.map.attributionControl.setPrefix(false);
    state.map.attributionControl.addAttribution('Natural Earth');
    state.provinceLayer = L.layerGroup().addTo(state.map);
    state.controlLayer = L.layerGroup().addTo(state.map);
    state.eventLayer = L.layerGroup().addTo(state.map);
    fetch('vendor/countries.json').then((r) => r.json()).then((world) => {
      L.geoJSON(world, { style: { color: '#8a8f96', weight: 0.8, fillColor: '#f2efe6', fillOpacity: 1 }, interactive: false }).addTo(state.map).bringToBack();
    }).catch(() => { $('map-message').textContent = t('noMap'); $('map-message').hidden = false; });
  }

  async function provincesOf(cc) {
    if (!cc) return null;
    cc = cc.toUpperCase();
    if (!state.provinces.has(cc)) {
      state.provinces.set(cc, fetch(`vendor/provinces/${encodeURIComponent(cc)}.json`).then((r) => (r.ok ? r.json() : null)).catch(() => null));
    }
    return state.provinces.get(cc);
  }

  function inRing(ring, x, y) {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i], [xj, yj] = ring[j];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }
  function inPolygon(poly, x, y) { return inRing(poly[0], x, y) && !poly.slice(1).some((h) => inRing(h, x, y)); }
  function containing(fc, lon, lat) {
    return fc?.features.find((f) => {
      const g = f.geometry;
      return g.type === 'Polygon' ? inPolygon(g.coordinates, lon, lat) : g.coordinates.some((p) => inPolygon(p, lon, lat));
    }) ?? null;
  }

  function controllerColour(actor) {
    if (!state.controllerColours.has(actor.id)) state.controllerColours.set(actor.id, CONTROLLER_COLOURS[state.controllerColours.size % CONTROLLER_COLOURS.length]);
    return state.controllerColours.get(actor.id);
  }

  function renderEventMarkers() {
    if (!state.map) return;
    state.eventLayer.clearLayers();
    const bounds = [];
    for (const e of state.events) {
      for (const loc of e.locations) {
        if (typeof loc.lat !== 'number' || typeof loc.lon !== 'number') continue;
        const colour = CATEGORY_COLOURS[categoryOf(e.type)];
        const m = L.circleMarker([loc.lat, loc.lon], { radius: 6, color: '#222', weight: 1, fillColor: colour, fillOpacity: 0.9, className: `event-marker cat-${categoryOf(e.type)}` });
        m.bindTooltip(el('span', { text: `${e.date?.value ?? ''} ${typeLabel(e.type)} — ${loc.name}` }));
        m.on('click', () => openEvent(e.id));
        m.addTo(state.eventLayer);
        bounds.push([loc.lat, loc.lon]);
      }
    }
    if (bounds.length && !state.fitted) { state.map.fitBounds(bounds, { padding: [30, 30], maxZoom: 6 }); state.fitted = true; }
  }

  async function renderControlOnMap() {
    if (!state.map) return;
    const entries = state.control;
    const countries = [...new Set(entries.map((c) => c.place.country).filter(Boolean))];
    const files = new Map(await Promise.all(countries.map(async (cc) => [cc, await provincesOf(cc)])));
    if (entries !== state.control) return; // a newer date was chosen meanwhile
    state.provinceLayer.clearLayers();
    state.controlLayer.clearLayers();
    for (const cc of countries) {
      const fc = files.get(cc);
      if (fc) L.geoJSON(fc, { style: { color: '#9aa0a6', weight: 0.5, fill: false }, interactive: false }).addTo(state.provinceLayer);
    }
    for (const c of entries) {
      const colour = controllerColour(c.controller);
      // A country or region named as a whole is not one province: only its marker is drawn.
      const wide = ['country', 'region', 'PCLI', 'ADM0'].includes(c.place.feature);
      const province = wide ? null : containing(files.get(c.place.country), c.place.lon, c.place.lat);
      if (province) {
        L.geoJSON(province, {
          style: { color: colour, weight: 1, fillColor: colour, fillOpacity: c.status === 'contested' ? 0.2 : 0.45, dashArray: c.status === 'contested' ? '4 3' : null },
          interactive: false,
        }).addTo(state.provinceLayer);
      }
      const marker = L.circleMarker([c.place.lat, c.place.lon], { radius: 9, color: colour, weight: 3, fillColor: '#fff', fillOpacity: 0.8, className: 'control-marker' });
      marker.bindTooltip(el('span', { text: `${c.place.name}: ${c.controller.name}` }), { permanent: true, direction: 'right', className: 'place-label' });
      marker.addTo(state.controlLayer);
    }
  }

  // ---------------------------------------------------------------- control
  const fullDay = (v, end) => (v.length === 10 ? v : v.length === 7 ? (end ? isoOfDay(dayNumber(nextMonth(v)) - 1) : v + '-01') : v + (end ? '-12-31' : '-01-01'));
  const nextMonth = (ym) => { const [y, m] = ym.split('-').map(Number); return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`; };

  function setupSlider(range) {
    const slider = $('slider');
    let first = range.first ?? state.stats?.first_date ?? null;
    let last = range.last ?? state.stats?.last_date ?? null;
    if (!first || !last) { first = last = new Date().toISOString().slice(0, 10); }
    const min = dayNumber(fullDay(first, false)) - 15;
    const max = dayNumber(fullDay(last, true)) + 15;
    slider.min = String(min);
    slider.max = String(Math.max(max, min + 1));
    slider.value = slider.max;
    $('asof').min = isoOfDay(min);
    $('asof').max = isoOfDay(Number(slider.max));
    $('asof').value = isoOfDay(Number(slider.value));
    const list = $('slider-ticks') || el('datalist', { id: 'slider-ticks' });
    list.replaceChildren(...(range.changes || []).map((d) => el('option', { value: dayNumber(d) })));
    document.body.append(list);
    slider.setAttribute('list', 'slider-ticks');
  }

  let controlRequest = 0;
  async function loadControl(day) {
    const request = ++controlRequest;
    const entries = await api(`api/control?as_of=${encodeURIComponent(day)}`);
    if (request !== controlRequest) return;
    state.control = entries;
    state.controlDay = day;
    renderControl();
    await renderControlOnMap();
  }

  function renderControl() {
    const list = $('control-list');
    list.dataset.asOf = state.controlDay ?? '';
    if (!state.control.length) { list.replaceChildren(el('li', { class: 'empty', text: t('noControl') })); return; }
    list.replaceChildren(...state.control.map((c) => el('li', {
      class: 'control-entry', 'data-place': c.place.name, 'data-controller': c.controller.id, 'data-status': c.status,
    }, swatch(controllerColour(c.controller)),
    el('span', { class: 'place', text: c.place.name }), ' — ',
    el('span', { class: 'controller', text: c.controller.name }),
    el('span', { class: 'status', text: ` (${t('since')} ${c.since.value}, ${t('statuses')[c.status] ?? c.status})` }))));
  }

  function onSlider() {
    const day = isoOfDay(Number($('slider').value));
    $('asof').value = day;
    loadControl(day).catch(showError);
  }

  function onDate() {
    const v = $('asof').value;
    if (!v) return;
    $('slider').value = String(dayNumber(v));
    loadControl(v).catch(showError);
  }

  // ---------------------------------------------------------------- events list
  function filterQuery() {
    const form = new FormData($('filters'));
    const params = new URLSearchParams();
    for (const [k, v] of form.entries()) if (typeof v === 'string' && v.trim()) params.set(k, v.trim());
    params.set('limit', '100');
    return params.toString();
  }

  async function loadEvents(append) {
    if (!append) { state.query = filterQuery(); state.events = []; state.next = null; }
    $('list-status').textContent = t('loading');
    const cursor = append && state.next ? `&cursor=${encodeURIComponent(state.next)}` : '';
    const page = await api(`api/events?${state.query}${cursor}`);
    state.events = state.events.concat(page.events);
    state.next = page.next_cursor;
    renderList();
    renderEventMarkers();
  }

  function renderList() {
    const list = $('event-list');
    list.replaceChildren(...state.events.map((e) => {
      const li = el('li', { class: 'event-item', tabindex: 0, 'data-id': e.id, 'data-type': e.type },
        swatch(CATEGORY_COLOURS[categoryOf(e.type)]),
        el('span', { class: 'date', text: e.date?.value ?? '—' }),
        el('span', { class: 'what', text: `${typeLabel(e.type)}: ${[e.actor1?.name, e.locations.map((l) => l.name).join(', ')].filter(Boolean).join(' — ')}` }));
      li.addEventListener('click', () => openEvent(e.id));
      li.addEventListener('keydown', (k) => { if (k.key === 'Enter') openEvent(e.id); });
      return li;
    }));
    $('more').hidden = !state.next;
    $('list-status').textContent = state.events.length ? t('shown')(state.events.length, !!state.next) : t('noEvents');
  }

  // ---------------------------------------------------------------- event view
  async function openEvent(id) {
    const detail = await api(`api/events/${encodeURIComponent(id)}`).catch(showError);
    if (!detail) return;
    state.currentEvent = detail;
    renderEvent(detail);
    $('event-view').scrollIntoView({ block: 'nearest' });
  }

  const actorText = (a) => (a ? `${a.name}${a.country ? ` (${a.country}${a.role ? ', ' + a.role : ''})` : ''}` : null);

  function renderEvent(detail) {
    const e = detail.event;
    $('event-view').hidden = false;
    $('event-view').dataset.id = e.id;
    $('ev-title').textContent = `${typeLabel(e.type)} — ${e.date?.value ?? ''} (${t('modalities')[e.modality] ?? e.modality})`;
    const rows = [
      ['actor1', actorText(e.actor1)], ['actor2', actorText(e.actor2)], ['claimant', actorText(e.claimant)],
      ['locations', e.locations.map((l) => `${l.name}${l.country ? ' (' + l.country + ')' : ''}`).join(', ')],
      ['date', e.date ? `${e.date.value} (${e.date.precision}${e.date.weekday ? ', ' + e.date.weekday : ''}${e.date.end ? ' → ' + e.date.end : ''})` : null],
      ['quantities', e.quantities.map((q) => `${q.kind ?? ''} ${q.low === q.high ? q.low : q.low + '–' + q.high} «${q.text}»`).join('; ')],
      ['codes', [e.codes.cameo && `CAMEO ${e.codes.cameo}`, e.codes.plover && `PLOVER ${e.codes.plover}`, e.codes.acled_sub_event_type && `ACLED ${e.codes.acled_sub_event_type}`].filter(Boolean).join(' · ')],
      ['confidence', String(e.confidence)],
    ];
    const fields = $('ev-fields');
    fields.replaceChildren();
    for (const [k, v] of rows) if (v) fields.append(el('dt', { text: t(k) }), el('dd', { 'data-field': k, text: v }));
    const rules = [...new Set(e.evidence.map((x) => x.rule))];
    fields.append(el('dt', { text: t('rule') }), el('dd', { 'data-field': 'rule' }, ...rules.map((r) => el('code', { class: 'rule', text: r }))));
    $('ev-key').replaceChildren(
      el('mark', { class: 'hl-evidence', text: t('evidence') }), el('mark', { class: 'hl-trigger', text: t('trigger') }), el('mark', { class: 'hl-actor', text: t('hlActor') }),
      el('mark', { class: 'hl-place', text: t('hlPlace') }), el('mark', { class: 'hl-number', text: t('hlNumber') }),
      el('mark', { class: 'hl-date', text: t('hlDate') }));
    $('ev-docs').replaceChildren(...detail.documents.map((d) => renderDocument(d, detail.highlights.filter((h) => h.document === d.id))));
    $('ev-docs').querySelector('mark.hl-evidence')?.scrollIntoView({ block: 'nearest' });
  }

  function renderDocument(doc, highlights) {
    const meta = [doc.date, doc.language, doc.source].filter(Boolean).join(' · ');
    const box = el('article', { class: 'doc', 'data-document': doc.id },
      el('h3', { text: doc.title || doc.id }), el('p', { class: 'meta', text: meta }));
    if (doc.url && /^https?:\/\//i.test(doc.url)) {
      box.querySelector('.meta').append(' · ', el('a', { href: doc.url, rel: 'noopener noreferrer nofollow', target: '_blank', text: doc.url }));
    }
    box.append(highlightedText(doc.text, highlights));
    return box;
  }

  // Builds the article as text nodes with <mark> elements: evidence sentences, and the arguments inside them.
  function highlightedText(text, highlights) {
    const container = el('div', { class: 'article' });
    const sentences = highlights.filter((h) => h.kind === 'evidence').sort((a, b) => a.start - b.start);
    const args = highlights.filter((h) => h.kind !== 'evidence').sort((a, b) => a.start - b.start);
    const merged = [];
    for (const s of sentences) {
      const last = merged[merged.length - 1];
      if (last && s.start <= last.end) { last.end = Math.max(last.end, s.end); last.rules.add(s.label); } else merged.push({ start: s.start, end: s.end, rules: new Set([s.label]) });
    }
    const appendRange = (parent, from, to) => {
      let pos = from;
      for (const a of args) {
        if (a.start < from || a.end > to || a.start < pos) continue;
        if (a.start > pos) parent.append(document.createTextNode(text.slice(pos, a.start)));
        parent.append(el('mark', { class: `hl-${a.kind}`, title: a.label, text: text.slice(a.start, a.end) }));
        pos = a.end;
      }
      if (pos < to) parent.append(document.createTextNode(text.slice(pos, to)));
    };
    let pos = 0;
    for (const s of merged) {
      if (s.start > pos) container.append(document.createTextNode(text.slice(pos, s.start)));
      const mark = el('mark', { class: 'hl-evidence', 'data-rule': [...s.rules].filter(Boolean).join(' '), title: [...s.rules].filter(Boolean).join(', ') });
      appendRange(mark, s.start, s.end);
      container.append(mark);
      pos = s.end;
    }
    if (pos < text.length) container.append(document.createTextNode(text.slice(pos)));
    return container;
  }

  function showError(err) {
    $('list-status').textContent = t('error') + (err?.message ?? String(err));
  }

  // ---------------------------------------------------------------- start
  async function start() {
    applyLanguage();
    initMap();
    $('lang-toggle').addEventListener('click', () => {
      state.lang = state.lang === 'fr' ? 'en' : 'fr';
      localStorage.setItem('vigie.lang', state.lang);
      applyLanguage();
    });
    $('filters').addEventListener('submit', (ev) => { ev.preventDefault(); state.fitted = false; loadEvents(false).catch(showError); });
    $('filters').addEventListener('reset', () => setTimeout(() => loadEvents(false).catch(showError), 0));
    $('more').addEventListener('click', () => loadEvents(true).catch(showError));
    $('close-view').addEventListener('click', () => { $('event-view').hidden = true; state.currentEvent = null; });
    $('slider').addEventListener('input', onSlider);
    $('asof').addEventListener('change', onDate);
    $('f-place').addEventListener('input', async (ev) => {
      const q = ev.target.value.trim();
      if (q.length < 2) return;
      const places = await api(`api/places?q=${encodeURIComponent(q)}&limit=10`).catch(() => []);
      $('place-options').replaceChildren(...places.map((p) => el('option', { value: p.name })));
    });
    try {
      const [stats, types, range] = await Promise.all([api('api/stats'), api('api/types'), api('api/control/range')]);
      state.stats = stats;
      state.types = types;
      fillSelects();
      renderStats();
      setupSlider(range);
      await Promise.all([loadEvents(false), loadControl($('asof').value)]);
      document.body.dataset.ready = 'true';
    } catch (err) {
      showError(err);
      document.body.dataset.ready = 'error';
    }
  }

  document.addEventListener('DOMContentLoaded', () => { start(); });
})();
