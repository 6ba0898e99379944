// The event view: one report with its evidence highlighted, or a fused event with every source's evidence side by side.
// Article text goes in as text nodes and <mark> elements built here, never as HTML.
'use strict';
window.VigieView = (() => {
  function create({ t, el, typeLabel, onOpenFused, onOpenRaw }) {
    const $ = (id) => document.getElementById(id);
    const actorText = (a) => (a ? `${a.name}${a.country ? ` (${a.country}${a.role ? ', ' + a.role : ''})` : ''}` : null);
    // attributed_to is an actor, or a source that is no actor and has a name only ("witnesses").
    const sourceText = (s) => (s ? (s.id ? actorText(s) : `${s.name} (${t('notAnActor')})`) : null);
    const modalityText = (e) => {
      const m = t('modalities')[e.modality] ?? e.modality;
      return e.modality === 'claimed' && e.claimant ? `${m} — ${t('claimedBy')} ${e.claimant.name}` : m;
    };
    const period = (d) => (d ? (d.end && d.end !== d.value ? `${d.value} → ${d.end}` : d.value) : '—');
    const kindLabel = (k) => (k ? (t('kinds')[k] ?? k) : '');
    const amount = (q) => (q.low === q.high ? String(q.low) : `${q.low}–${q.high}`);

    function fieldRows(e) {
      return [
        ['modality', modalityText(e)], ['attributed_to', e.attributed_to ? sourceText(e.attributed_to) : t('ownVoice')],
        ['actor1', actorText(e.actor1)], ['actor2', actorText(e.actor2)], ['claimant', actorText(e.claimant)],
        ['locations', e.locations.map((l) => `${l.name}${l.country ? ' (' + l.country + ')' : ''}`).join(', ')],
        ['date', e.date ? `${period(e.date)} (${t('precisions')[e.date.precision] ?? e.date.precision}${e.date.weekday ? ', ' + e.date.weekday : ''})` : null],
        ['quantities', e.quantities.map((q) => `${amount(q)} ${kindLabel(q.kind)} «${q.text}»`).join('; ')],
        ['codes', [e.codes.cameo && `CAMEO ${e.codes.cameo}`, e.codes.plover && `PLOVER ${e.codes.plover}`, e.codes.acled_sub_event_type && `ACLED ${e.codes.acled_sub_event_type}`].filter(Boolean).join(' · ')],
        ['confidence', String(e.confidence)],
      ];
    }

    function fields(e, extra) {
      const dl = el('dl', { class: 'fields' });
      for (const [k, v] of [...fieldRows(e), ...extra]) if (v) dl.append(el('dt', { text: t(k) }), el('dd', { 'data-field': k, text: v }));
      const rules = [...new Set(e.evidence.map((x) => x.rule))];
      dl.append(el('dt', { text: t('rule') }), el('dd', { 'data-field': 'rule' }, ...rules.map((r) => el('code', { class: 'rule', text: r }))));
      return dl;
    }

    function key() {
      return el('p', { class: 'key' },
        el('mark', { class: 'hl-evidence', text: t('evidence') }), el('mark', { class: 'hl-trigger', text: t('trigger') }), el('mark', { class: 'hl-actor', text: t('hlActor') }),
        el('mark', { class: 'hl-source', text: t('hlSource') }), el('mark', { class: 'hl-place', text: t('hlPlace') }), el('mark', { class: 'hl-number', text: t('hlNumber') }),
        el('mark', { class: 'hl-date', text: t('hlDate') }));
    }

    function show(title, id, kind, ...children) {
      const view = $('event-view');
      view.hidden = false;
      view.dataset.id = id;
      view.dataset.kind = kind;
      $('ev-title').textContent = title;
      $('ev-body').replaceChildren(...children.filter(Boolean));
      $('ev-body').querySelector('mark.hl-evidence')?.scrollIntoView({ block: 'nearest' });
    }

    const titleOf = (e) => `${typeLabel(e.type)} — ${period(e.date)} (${t('modalities')[e.modality] ?? e.modality})`;

    function renderRaw(detail) {
      const e = detail.event;
      const link = detail.fused_id
        ? el('button', { type: 'button', class: 'link open-fused', 'data-fused': detail.fused_id, text: t('openFused') })
        : null;
      link?.addEventListener('click', () => onOpenFused(detail.fused_id));
      show(titleOf(e), e.id, 'raw', fields(e, []), link, key(),
        el('div', { class: 'docs' }, ...detail.documents.map((d) => renderDocument(d, detail.highlights.filter((h) => h.document === d.id)))));
    }

    function renderFused(detail) {
      const f = detail.fused;
      const extra = [
        ['sourcesCount', t('sources')(f.sources_count)],
        ['tolls', f.tolls.map((x) => `${kindLabel(x.kind)} ${x.low} / ${x.best} / ${x.high}`).join('; ')],
        ['contradictions', f.contradictions.map((c) => c.description).join('; ')],
      ];
      const reports = detail.reports.map((r) => {
        const open = el('button', { type: 'button', class: 'link open-raw', text: r.event.id });
        open.addEventListener('click', () => onOpenRaw(r.event.id));
        return el('section', { class: 'report', 'data-id': r.event.id },
          el('h3', { text: `${typeLabel(r.event.type)} — ${period(r.event.date)}` }), el('p', { class: 'meta' }, open, ' · ',
            ...[...new Set(r.event.evidence.map((x) => x.rule))].map((x) => el('code', { class: 'rule', text: x }))),
          ...r.documents.map((d) => renderDocument(d, r.highlights.filter((h) => h.document === d.id))));
      });
      show(titleOf(f.event), f.id, 'fused', fields(f.event, extra), key(), el('h3', { class: 'reports-title', text: t('reports') }),
        el('div', { class: 'reports' }, ...reports));
    }

    function renderDocument(doc, highlights) {
      const meta = el('p', { class: 'meta', text: [doc.date, doc.language, doc.source].filter(Boolean).join(' · ') });
      if (doc.url && /^https?:\/\//i.test(doc.url)) meta.append(' · ', el('a', { href: doc.url, rel: 'noopener noreferrer nofollow', target: '_blank', text: doc.url }));
      return el('article', { class: 'doc', 'data-document': doc.id }, el('h3', { text: doc.title || doc.id }), meta, highlightedText(doc.text, highlights));
    }

    // The article as text nodes with <mark> elements: evidence sentences, and the arguments inside them.
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
          parent.append(el('mark', { class: `hl-${a.kind}`, 'data-role': a.role, title: (a.role && t('roles')[a.role]) || a.label, text: text.slice(a.start, a.end) }));
          pos = a.end;
        }
        if (pos < to) parent.append(document.createTextNode(text.slice(pos, to)));
      };
      let pos = 0;
      for (const s of merged) {
        if (s.start > pos) container.append(document.createTextNode(text.slice(pos, s.start)));
        const rules = [...s.rules].filter(Boolean);
        const mark = el('mark', { class: 'hl-evidence', 'data-rule': rules.join(' '), title: rules.join(', ') });
        appendRange(mark, s.start, s.end);
        container.append(mark);
        pos = s.end;
      }
      if (pos < text.length) container.append(document.createTextNode(text.slice(pos)));
      return container;
    }

    // A stored document with every event read in it: the events as links, the text with all their spans.
    function renderDocumentView(detail) {
      const d = detail.document;
      const events = el('ul', { class: 'doc-events' }, ...detail.events.map((e) => {
        const b = el('button', { type: 'button', class: 'link open-raw', 'data-id': e.id, text: `${typeLabel(e.type)} — ${period(e.date)} (${modalityText(e)})` });
        b.addEventListener('click', () => onOpenRaw(e.id));
        return el('li', {}, b);
      }));
      show(d.title || d.id, d.id, 'document', el('h3', { text: t('eventsOfDocument')(detail.events.length) }), events, key(), renderDocument(d, detail.highlights));
    }

    return { renderRaw, renderFused, renderDocumentView, period };
  }

  return { create };
})();
