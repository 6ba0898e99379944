// The one time control: a histogram of events per day over the slider, play and step buttons, the day and the window.
// Moving it calls onChange(day) once the user stops for a moment, and at once for steps and play.
'use strict';
window.VigieTimeline = (() => {
  const DAY = 86400000;
  const dayNumber = (iso) => Math.floor(Date.parse(iso + 'T00:00:00Z') / DAY);
  const isoOfDay = (n) => new Date(n * DAY).toISOString().slice(0, 10);

  function create({ slider, date, play, back, forward, canvas, onChange }) {
    let perDay = [];
    let timer = null;
    let debounce = null;

    const day = () => isoOfDay(Number(slider.value));

    function emit(now) {
      clearTimeout(debounce);
      if (now) onChange(day()); else debounce = setTimeout(() => onChange(day()), 120);
    }

    function setRange(first, last) {
      const min = dayNumber(first);
      const max = Math.max(dayNumber(last), min + 1);
      slider.min = String(min);
      slider.max = String(max);
      date.min = isoOfDay(min);
      date.max = isoOfDay(max);
    }

    function set(iso) {
      const n = Math.min(Math.max(dayNumber(iso), Number(slider.min)), Number(slider.max));
      slider.value = String(n);
      date.value = isoOfDay(n);
      draw();
    }

    function step(by) {
      const n = Math.min(Math.max(Number(slider.value) + by, Number(slider.min)), Number(slider.max));
      slider.value = String(n);
      date.value = isoOfDay(n);
      draw();
      emit(true);
      return n;
    }

    // Bars per day (grouped into as many bins as the canvas has room for), the chosen day marked.
    function draw() {
      const ctx = canvas.getContext?.('2d');
      if (!ctx) return;
      const width = canvas.clientWidth || 300;
      const height = canvas.clientHeight || 40;
      canvas.width = width;
      canvas.height = height;
      ctx.clearRect(0, 0, width, height);
      const min = Number(slider.min), max = Number(slider.max);
      const span = Math.max(1, max - min + 1);
      const bins = Math.max(1, Math.min(span, Math.floor(width / 3)));
      const counts = new Array(bins).fill(0);
      for (const d of perDay) {
        const n = dayNumber(d.day);
        if (n < min || n > max) continue;
        counts[Math.min(bins - 1, Math.floor(((n - min) / span) * bins))] += d.events;
      }
      const top = Math.max(1, ...counts);
      ctx.fillStyle = '#7a8ca3';
      const w = width / bins;
      counts.forEach((c, i) => { if (c) { const h = Math.max(1, (c / top) * (height - 2)); ctx.fillRect(i * w, height - h, Math.max(1, w - 1), h); } });
      const x = ((Number(slider.value) - min) / span) * width;
      ctx.fillStyle = '#c62828';
      ctx.fillRect(Math.max(0, x - 1), 0, 2, height);
      canvas.dataset.bins = String(counts.filter((c) => c > 0).length);
    }

    function toggle(labels) {
      if (timer) { clearInterval(timer); timer = null; play.textContent = labels.play; play.setAttribute('aria-pressed', 'false'); return; }
      if (Number(slider.value) >= Number(slider.max)) slider.value = slider.min;
      play.textContent = labels.pause;
      play.setAttribute('aria-pressed', 'true');
      timer = setInterval(() => { if (step(1) >= Number(slider.max)) toggle(labels); }, 700);
    }

    slider.addEventListener('input', () => { date.value = day(); draw(); emit(false); });
    date.addEventListener('change', () => { if (date.value) { set(date.value); emit(true); } });
    back.addEventListener('click', () => step(-1));
    forward.addEventListener('click', () => step(1));
    window.addEventListener('resize', draw);

    return {
      setRange, set, day, draw, toggle,
      setHistogram: (days) => { perDay = days; draw(); },
    };
  }

  return { create, dayNumber, isoOfDay };
})();
