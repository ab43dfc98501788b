// The overview: every target with state, uptime, TLS grade, speed and the three scores; sort,
// filter by state, search by name in either language; live updates from the server's stream.
import { readEvents } from './api.js';
import { getLang, num, onLangChange, pct, t } from './i18n.js';
import { virtualTable } from './virtual-table.js';

const states = ['up', 'down', 'degraded', 'unobserved', 'no_portal'];
const columns = [
  ['agency', (i) => (getLang() === 'fa' ? i.nameFa : i.nameEn)], ['url', (i) => i.url ?? ''], ['state', (i) => states.indexOf(i.state)],
  ['up24', (i) => i.uptime24h], ['up30', (i) => i.uptime30d], ['upPeriod', (i) => i.uptimePeriod], ['tls', (i) => i.tlsGrade ?? '~'],
  ['speed', (i) => i.speedPct], ['sUptime', (i) => i.scores.uptime], ['sSpeed', (i) => i.scores.speed], ['sTls', (i) => i.scores.tls],
];
const normal = (s) => s.toLowerCase().replace(/ي/g, 'ی').replace(/ك/g, 'ک').replace(/\u200c/g, ' ');

function cellTexts(i) {
  const name = getLang() === 'fa' ? i.nameFa : i.nameEn;
  return [name, i.url ?? '—', i.paused ? `${t(i.state)} · ${t('paused')}` : t(i.state), pct(i.uptime24h), pct(i.uptime30d), pct(i.uptimePeriod),
    i.tlsGrade === 'no_https' ? 'no HTTPS' : i.tlsGrade ?? '—', pct(i.speedPct), num(i.scores.uptime), num(i.scores.speed), num(i.scores.tls)];
}

function renderRow(item, el) {
  if (!el) {
    el = document.createElement('a');
    el.className = 'vt-row';
    el.setAttribute('role', 'row');
    for (let c = 0; c < columns.length; c++) el.append(Object.assign(document.createElement('span'), { role: 'cell' }));
  }
  el.href = `#/agency/${item.agency}`;
  el.dataset.id = item.id;
  el.dataset.state = item.state;
  cellTexts(item).forEach((s, c) => { if (el.children[c].textContent !== s) el.children[c].textContent = s; });
  return el;
}

/** The rows to show: filtered by state and search text, sorted by the chosen column. */
function visibleRows(all, view) {
  const q = normal(view.q.trim());
  const get = columns.find(([k]) => k === view.sort)[1];
  const coll = new Intl.Collator(getLang() === 'fa' ? 'fa' : 'en');
  const rows = all.filter((i) => (!view.state || i.state === view.state)
    && (!q || normal(`${i.nameFa} ${i.nameEn} ${i.agency} ${i.url ?? ''}`).includes(q)));
  return rows.sort((a, b) => {
    const x = get(a), y = get(b);
    if (x === y) return 0;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    return view.dir * (typeof x === 'string' ? coll.compare(x, y) : x - y);
  });
}

function toolbar() {
  const bar = Object.assign(document.createElement('div'), { className: 'toolbar' });
  const search = Object.assign(document.createElement('input'), { type: 'search', id: 'search' });
  const filter = Object.assign(document.createElement('select'), { id: 'state-filter' });
  const count = Object.assign(document.createElement('span'), { className: 'count', id: 'count' });
  const live = Object.assign(document.createElement('span'), { className: 'live', id: 'live' });
  bar.append(search, filter, count, live);
  return { bar, search, filter, count, live };
}

function headerButtons(view, onSort) {
  return columns.map(([key]) => {
    const b = Object.assign(document.createElement('button'), { type: 'button', textContent: t(key) + (view.sort === key ? (view.dir > 0 ? ' ▲' : ' ▼') : '') });
    b.dataset.sort = key;
    b.onclick = () => { view.dir = view.sort === key ? -view.dir : 1; view.sort = key; onSort(); };
    return b;
  });
}

/** Follows the live stream: "ready" brings the whole overview, "update" the rows that changed. */
async function follow(main, ui, byId, refresh, signal) {
  const apply = (items) => { for (const i of items) byId.set(i.id, i); refresh(); };
  const stream = readEvents('/dashboard/stream', (event, data) => {
    if (event === 'ready') {
      ui.live.textContent = t('live'); ui.live.dataset.live = 'true';
      byId.clear();
      apply(data.items);
      main.dataset.ready = 'true';
      performance.mark('sanjeh:overview-ready'); // read by bench/dashboard.ts
    } else if (event === 'update') {
      const t0 = performance.now();
      apply(data.items);
      performance.measure('sanjeh:update-applied', { start: t0, detail: data.items.length });
      main.dataset.updates = String(Number(main.dataset.updates ?? 0) + 1);
    }
  }, signal);
  await stream.catch(() => undefined);
  if (!signal.aborted) { ui.live.textContent = t('offline'); ui.live.dataset.live = 'false'; }
}

export function mountOverview(main) {
  main.replaceChildren();
  const byId = new Map();
  const view = { sort: 'agency', dir: 1, state: '', q: '' };
  const ui = toolbar();
  const head = Object.assign(document.createElement('div'), { className: 'vt-head' });
  head.setAttribute('role', 'row');
  const body = Object.assign(document.createElement('div'), { className: 'vt-body' });
  main.append(ui.bar, head, body);
  const table = virtualTable(body, { renderRow });
  const refresh = () => {
    const rows = visibleRows([...byId.values()], view);
    table.setRows(rows);
    ui.count.textContent = `${num(rows.length)} ${t('rows')}`;
  };
  const labels = () => {
    ui.search.placeholder = t('search');
    ui.filter.replaceChildren(new Option(t('allStates'), ''), ...states.map((s) => new Option(t(s), s)));
    ui.filter.value = view.state;
    head.replaceChildren(...headerButtons(view, () => { labels(); refresh(); }));
  };
  ui.search.oninput = () => { view.q = ui.search.value; refresh(); };
  ui.filter.onchange = () => { view.state = ui.filter.value; refresh(); };
  onLangChange(() => { if (main.contains(ui.bar)) { labels(); refresh(); } });
  labels();
  const stop = new AbortController();
  void follow(main, ui, byId, refresh, stop.signal);
  return () => stop.abort();
}
