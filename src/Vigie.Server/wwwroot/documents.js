// The document list: stored documents newest first with their title, date, source and number of events, searched by
// title, source or id; opening one shows its text with every event read in it highlighted. Loaded when first opened.
'use strict';
window.VigieDocuments = (() => {
  function create({ t, el, api, onOpen, onError }) {
    const $ = (id) => document.getElementById(id);
    const state = { items: [], next: null, total: null, request: 0, loaded: false };

    async function load(append) {
      const request = ++state.request;
      const p = new URLSearchParams({ limit: '50' });
      const q = $('doc-q').value.trim();
      if (q) p.set('q', q);
      if (append && state.next !== null) p.set('offset', String(state.next));
      $('doc-status').classList.remove('error');
      $('doc-status').textContent = t('loading');
      try {
        const page = await api(`api/documents?${p}`);
        if (request !== state.request) return;
        state.items = (append ? state.items : []).concat(page.documents);
        state.next = page.next_offset ?? null;
        state.total = page.total;
        state.loaded = true;
        render();
      } catch (err) {
        state.items = [];
        state.next = null;
        render();
        onError(err, $('doc-status'));
      }
    }

    function render() {
      $('document-list').replaceChildren(...state.items.map((d) => {
        const li = el('li', { class: 'document-item', tabindex: 0, 'data-id': d.id },
          el('span', { class: 'title', text: d.title || d.id }),
          el('span', { class: 'meta', text: [d.date, d.source, d.language].filter(Boolean).join(' · ') }),
          el('span', { class: 'sources', text: t('eventCount')(d.events) }));
        li.addEventListener('click', () => onOpen(d.id));
        li.addEventListener('keydown', (k) => { if (k.key === 'Enter') onOpen(d.id); });
        return li;
      }));
      $('doc-more').hidden = state.next === null;
      $('doc-status').textContent = state.items.length ? t('documentsShown')(state.items.length, state.total) : t('noDocuments');
    }

    function wire() {
      $('documents').addEventListener('toggle', () => { if ($('documents').open && !state.loaded) load(false); });
      $('doc-search').addEventListener('submit', (ev) => { ev.preventDefault(); load(false); });
      $('doc-more').addEventListener('click', () => load(true));
    }

    return { wire, render: () => { if (state.loaded) render(); } };
  }

  return { create };
})();
