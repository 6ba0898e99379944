// Vigie's single page: one time control drives the list, the markers and the control layer; the list shows fused events
// (one per real-world event) or raw reports; the filters, the day and the open event live in the URL. Every text that
// comes from articles or events is put in the page with textContent or text nodes, never as HTML.
'use strict';
(() => {
  const I18N = window.VIGIE_I18N;
  const { dayNumber, isoOfDay } = window.VigieTimeline;
  const $ = (id) => document.getElementById(id);
  const MODALITIES = ['asserted', 'claimed', 'planned', 'conditional', 'negated', 'denied', 'question'];
  const FILTERS = ['type', 'actor', 'country', 'place', 'from', 'to', 'modality', 'q'];
  const RAW_CAP = 2000; // raw reports listed newest first are read whole, up to this many

  const state = {
    lang: localStorage.getItem('vigie.lang') || ((navigator.language || 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en'),
    view: 'fused', sort: 'newest', win: 'all', day: null, open: null, fromUrl: {},
    items: [], next: null, total: null, capped: false, stats: null, types: [], control: [], controlDay: null, current: null, request: 0,
  };
  const t = (key) => I18N[state.lang][key] ?? I18N.en[key] ?? key;
  const typeLabel = (type) => (I18N[state.lang].types[type] ?? type);

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, String(v));
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
    return e;
  }

  // An error the page can say in one sentence, in the page's language: the API's problems carry a stable code and the
  // values they name, which i18n.js turns into a sentence; the API's English sentence is said only for a code it lacks.
  class ApiError extends Error {
    constructor(problem) { super(problem.detail ?? ''); this.problem = problem; }
    get sentence() { return sentenceOf(this.problem); }
  }
  function sentenceOf(p) {
    const say = I18N[state.lang].serverErrors[p.code];
    if (say) return say(p.args ?? {});
    return p.local ? t('errors')[p.local] : (p.status < 500 && p.detail ? p.detail : t('errors').server);
  }
  async function api(path) {
    let res;
    try { res = await fetch(path, { headers: { Accept: 'application/json' } }); } catch { throw new ApiError({ local: 'network' }); }
    if (res.ok) return res.json();
    let body = {};
    try { body = await res.json(); } catch { /* not JSON */ }
    if (res.status >= 500 && !body.code) throw new ApiError({ local: 'server' });
    throw new ApiError({ status: res.status, code: body.code, args: body.args, detail: body.detail });
  }

  function showError(err, where) {
    if (!where) {
      state.items = [];
      state.next = null;
      renderList();
    }
    const status = where ?? $('list-status');
    status.textContent = err instanceof ApiError ? err.sentence : t('errors').server;
    status.classList.add('error');
  }

  const swatch = (colour) => { const s = el('span', { class: 'swatch' }); s.style.background = colour; return s; };
  const view = window.VigieView.create({ t, el, typeLabel, onOpenFused: (id) => open('fused', id), onOpenRaw: (id) => open('raw', id) });
  let map = null;
  let timeline = null;
  const documents = window.VigieDocuments.create({ t, el, api, onOpen: (id) => open('document', id), onError: showError });

  // ---------------------------------------------------------------- URL state
  function readUrl() {
    const p = new URLSearchParams(location.hash.slice(1));
    for (const k of FILTERS) if (p.get(k)) { $('f-' + k).value = p.get(k); state.fromUrl[k] = p.get(k); }
    if (['fused', 'raw'].includes(p.get('view'))) state.view = p.get('view');
    if (['newest', 'oldest'].includes(p.get('sort'))) state.sort = p.get('sort');
    if (['7', '30', '90', '365', 'all'].includes(p.get('win'))) state.win = p.get('win');
    if (/^\d{4}-\d{2}-\d{2}$/.test(p.get('day') ?? '')) state.day = p.get('day');
    const o = /^(fused|raw|document):(.+)$/.exec(p.get('open') ?? '');
    if (o) state.open = { kind: o[1], id: o[2] };
  }

  function writeUrl() {
    const p = new URLSearchParams();
    for (const k of FILTERS) { const v = $('f-' + k).value.trim(); if (v) p.set(k, v); }
    p.set('view', state.view);
    p.set('sort', state.sort);
    p.set('win', state.win);
    if (state.day) p.set('day', state.day);
    if (state.open) p.set('open', `${state.open.kind}:${state.open.id}`);
    history.replaceState(null, '', '#' + p.toString());
  }

  // The filters of the form, with the time window ending on the slider's day; null when the window and dates exclude all.
  function query() {
    const p = new URLSearchParams();
    for (const k of FILTERS) { const v = $('f-' + k).value.trim(); if (v) p.set(k, v); }
    if (state.win !== 'all' && state.day) {
      const from = isoOfDay(dayNumber(state.day) - Number(state.win) + 1);
      if (!p.get('from') || p.get('from') < from) p.set('from', from);
      if (!p.get('to') || p.get('to') > state.day) p.set('to', state.day);
      if (p.get('from') > p.get('to')) return null;
    }
    return p;
  }

  // ---------------------------------------------------------------- list
  async function loadList(append) {
    const request = ++state.request;
    const p = query();
    $('list-status').classList.remove('error');
    updateExports(p);
    if (!p) { state.items = []; state.next = null; renderAll(); return; }
    $('list-status').textContent = t('loading');
    let items = append ? state.items : [];
    if (state.view === 'fused') {
      p.set('sort', state.sort);
      p.set('limit', '100');
      if (append && state.next !== null) p.set('offset', String(state.next));
      const page = await api(`api/fused?${p}`);
      if (request !== state.request) return;
      items = items.concat(page.fused.map((f) => ({ kind: 'fused', id: f.id, event: f.event, sources: f.sources_count, members: f.member_ids })));
      state.next = page.next_offset;
      state.total = page.total;
      state.capped = false;
    } else {
      p.set('limit', '500');
      let cursor = append ? state.next : null;
      const all = state.sort === 'newest';
      do {
        const page = await api(`api/events?${p}${cursor ? '&cursor=' + encodeURIComponent(cursor) : ''}`);
        if (request !== state.request) return;
        items = items.concat(page.events.map((e) => ({ kind: 'raw', id: e.id, event: e, sources: null, members: [e.id] })));
        cursor = page.next_cursor;
      } while (all && cursor && items.length < RAW_CAP);
      if (all) items.sort((a, b) => (b.event.date?.value ?? '').localeCompare(a.event.date?.value ?? '') || (b.event.date?.end ?? '').localeCompare(a.event.date?.end ?? ''));
      state.capped = all && !!cursor;
      state.next = all ? null : cursor;
      state.total = null;
    }
    state.items = items;
    renderAll();
  }

  function renderAll() {
    renderList();
    map?.showEvents(state.items, (item) => `${view.period(item.event.date)} ${typeLabel(item.event.type)}`);
    writeUrl();
  }

  function renderList() {
    const list = $('event-list');
    list.dataset.view = state.view;
    list.replaceChildren(...state.items.map((item) => {
      const e = item.event;
      const li = el('li', { class: 'event-item', tabindex: 0, 'data-id': item.id, 'data-kind': item.kind, 'data-type': e.type, 'data-members': item.members.join(' '), 'data-date': e.date?.value ?? '' },
        swatch(window.VigieMap.CATEGORY_COLOURS[window.VigieMap.categoryOf(e.type)]),
        el('span', { class: 'date', text: view.period(e.date) }),
        el('span', { class: 'what', text: `${typeLabel(e.type)}: ${[e.actor1?.name, e.locations.map((l) => l.name).join(', ')].filter(Boolean).join(' — ')}` }),
        item.sources ? el('span', { class: 'sources', text: t('sources')(item.sources) }) : null);
      li.addEventListener('click', () => open(item.kind, item.id));
      li.addEventListener('keydown', (k) => { if (k.key === 'Enter') open(item.kind, item.id); });
      if (state.current && state.current.id === item.id) li.classList.add('selected');
      return li;
    }));
    $('more').hidden = state.next === null || state.next === undefined;
    const n = state.items.length;
    $('list-status').textContent = !n ? t('noEvents') : state.capped ? t('capped')(RAW_CAP) : state.total !== null ? t('shownOf')(n, state.total) : t('shown')(n, !$('more').hidden);
  }

  function updateExports(p) {
    for (const [id, format] of [['export-csv', 'acled-csv'], ['export-geojson', 'geojson'], ['export-jsonl', 'jsonl']]) {
      $(id).toggleAttribute('aria-disabled', !p);
      if (!p) { $(id).removeAttribute('href'); continue; }
      const q = new URLSearchParams(p);
      q.delete('limit');
      q.set('format', format);
      q.set('view', state.view);
      $(id).href = `api/export?${q}`;
    }
  }

  // ---------------------------------------------------------------- event view
  const DETAIL_PATHS = { fused: 'api/fused/', raw: 'api/events/', document: 'api/document-view/' };
  async function open(kind, id) {
    const detail = await api(DETAIL_PATHS[kind] + encodeURIComponent(id)).catch((err) => { showError(err); return null; });
    if (!detail) return;
    state.open = { kind, id };
    state.current = { kind, id, detail };
    if (kind === 'fused') view.renderFused(detail); else if (kind === 'document') view.renderDocumentView(detail); else view.renderRaw(detail);
    if (kind !== 'document') map?.select(kind === 'fused' ? detail.fused.event : detail.event);
    for (const li of document.querySelectorAll('#event-list .event-item')) li.classList.toggle('selected', li.dataset.id === id);
    writeUrl();
    $('event-view').scrollIntoView({ block: 'nearest' });
  }

  // ---------------------------------------------------------------- control
  async function loadControl(day) {
    const entries = await api(`api/control?as_of=${encodeURIComponent(day)}`);
    if (day !== state.day) return;
    state.control = entries;
    state.controlDay = day;
    renderControl();
    await map?.showControl(entries);
    renderControllers();
  }

  function renderControl() {
    const list = $('control-list');
    list.dataset.asOf = state.controlDay ?? '';
    if (!state.control.length) { list.replaceChildren(el('li', { class: 'empty', text: t('noControl') })); return; }
    list.replaceChildren(...state.control.map((c) => el('li', {
      class: 'control-entry', 'data-place': c.place.name, 'data-controller': c.controller.id, 'data-status': c.status, 'data-feature': c.place.feature ?? '',
    }, swatch(window.VigieMap.controllerColour(c.controller)),
    el('span', { class: 'place', text: c.place.name }), ' — ',
    el('span', { class: 'controller', text: c.controller.name }),
    el('span', { class: 'status', text: ` (${t('since')} ${c.since.value}, ${t('statuses')[c.status] ?? c.status})` }))));
  }

  function renderControllers() {
    const seen = new Map();
    for (const c of state.control) seen.set(c.controller.id, c.controller);
    const families = new Map();
    for (const a of seen.values()) {
      const f = window.VigieMap.familyOf(a);
      if (!families.has(f)) families.set(f, []);
      families.get(f).push(a);
    }
    $('controller-legend').replaceChildren(...[...families.entries()].map(([f, members]) => el('li', { 'data-family': f },
      ...members.map((a) => el('span', { class: 'member', 'data-controller': a.id }, swatch(window.VigieMap.controllerColour(a)), a.name)))));
  }

  function onDay(day) {
    state.day = day;
    loadControl(day).catch(showError);
    if (state.win !== 'all') loadList(false).catch(showError); else writeUrl();
  }

  // ---------------------------------------------------------------- labels
  function applyLanguage() {
    document.documentElement.lang = state.lang;
    $('lang-toggle').textContent = state.lang === 'fr' ? 'EN' : 'FR';
    for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
    for (const e of document.querySelectorAll('[data-i18n-aria]')) e.setAttribute('aria-label', t(e.dataset.i18nAria));
    // A select keeps its choice across languages; a choice from the URL waits for its option to exist.
    const fill = (select, options) => {
      const v = select.value || state.fromUrl[select.name] || '';
      select.replaceChildren(...options);
      select.value = v;
      if (select.value === v) delete state.fromUrl[select.name];
    };
    fill($('f-type'), [el('option', { value: '', text: t('any') }), ...state.types.map((ty) => el('option', { value: ty.type, text: typeLabel(ty.type) }))]);
    fill($('f-modality'), [el('option', { value: '', text: t('any') }), ...MODALITIES.map((m) => el('option', { value: m, text: t('modalities')[m] }))]);
    fill($('window'), ['7', '30', '90', '365', 'all'].map((w) => el('option', { value: w, text: t('windows')[w] })));
    fill($('sort'), ['newest', 'oldest'].map((s) => el('option', { value: s, text: t(s) })));
    $('window').value = state.win;
    $('sort').value = state.sort;
    for (const b of document.querySelectorAll('input[name=view]')) b.checked = b.value === state.view;
    $('stats').textContent = state.stats ? t('stats')(state.stats) : '';
    $('category-legend').replaceChildren(...Object.keys(window.VigieMap.CATEGORY_COLOURS).map((c) =>
      el('li', { 'data-category': c }, swatch(window.VigieMap.CATEGORY_COLOURS[c]), t('cats')[c])));
    map?.setLabels();
    renderList();
    renderControl();
    documents.render();
    if (state.current) open(state.current.kind, state.current.id);
  }

  // ---------------------------------------------------------------- start
  function wire() {
    documents.wire();
    $('lang-toggle').addEventListener('click', () => { state.lang = state.lang === 'fr' ? 'en' : 'fr'; localStorage.setItem('vigie.lang', state.lang); applyLanguage(); });
    $('filters').addEventListener('submit', (ev) => { ev.preventDefault(); map?.refit(); loadList(false).catch(showError); });
    $('filters').addEventListener('reset', () => setTimeout(() => loadList(false).catch(showError), 0));
    $('more').addEventListener('click', () => loadList(true).catch(showError));
    $('close-view').addEventListener('click', () => { $('event-view').hidden = true; state.current = null; state.open = null; writeUrl(); });
    $('window').addEventListener('change', () => { state.win = $('window').value; loadList(false).catch(showError); });
    $('sort').addEventListener('change', () => { state.sort = $('sort').value; loadList(false).catch(showError); });
    for (const b of document.querySelectorAll('input[name=view]')) b.addEventListener('change', () => { state.view = b.value; loadList(false).catch(showError); });
    $('play').addEventListener('click', () => timeline.toggle({ play: t('play'), pause: t('pause') }));
    $('share').addEventListener('click', async () => {
      writeUrl();
      try { await navigator.clipboard.writeText(location.href); $('share').textContent = t('shared'); } catch { $('share').textContent = location.href.length > 0 ? t('shared') : t('share'); }
      setTimeout(() => { $('share').textContent = t('share'); }, 1500);
    });
    $('f-place').addEventListener('input', async (ev) => {
      const q = ev.target.value.trim();
      if (q.length < 2) return;
      const places = await api(`api/places?q=${encodeURIComponent(q)}&limit=10`).catch(() => []);
      $('place-options').replaceChildren(...places.map((p) => el('option', { value: p.name })));
    });
  }

  async function start() {
    readUrl();
    map = window.VigieMap.create('map', { t, el, onOpen: (item) => open(item.kind, item.id), onMessage: (m) => { $('map-message').textContent = m; $('map-message').hidden = false; } });
    timeline = window.VigieTimeline.create({ slider: $('slider'), date: $('asof'), play: $('play'), back: $('step-back'), forward: $('step-forward'), canvas: $('histogram'), onChange: onDay });
    wire();
    applyLanguage();
    try {
      // The counts of the header are the slowest answer on a large store: the page does not wait for them.
      api('api/stats').then((stats) => { state.stats = stats; $('stats').textContent = t('stats')(stats); }).catch(() => {});
      const [types, range, perDay] = await Promise.all([api('api/types'), api('api/control/range'), api('api/histogram')]);
      state.types = types;
      applyLanguage();
      const firsts = [range.first, perDay[0]?.day].filter(Boolean).map((d) => d.length === 10 ? d : (d + '-01-01').slice(0, 10));
      const lasts = [range.last, perDay[perDay.length - 1]?.day].filter(Boolean).map((d) => d.length === 10 ? d : (d + '-12-31').slice(0, 10));
      const today = new Date().toISOString().slice(0, 10);
      const first = firsts.sort()[0] ?? today, last = lasts.sort().pop() ?? today;
      timeline.setRange(isoOfDay(dayNumber(first) - 3), isoOfDay(dayNumber(last) + 3));
      timeline.setHistogram(perDay);
      state.day = state.day ?? last;
      timeline.set(state.day);
      state.day = timeline.day();
      const opening = state.open;
      await Promise.all([loadList(false), loadControl(state.day)]);
      if (opening) await open(opening.kind, opening.id);
      document.body.dataset.ready = 'true';
    } catch (err) {
      showError(err);
      document.body.dataset.ready = 'error';
    }
  }

  document.addEventListener('DOMContentLoaded', () => { start(); });
})();
