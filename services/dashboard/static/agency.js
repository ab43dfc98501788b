// The agency page: per target the 90-day bar, response times per hour (chart.js), TLS grade with
// caps and advice, the speed measurement; outages, scores per period, incidents and maintenance.
import { api } from './api.js';
import { date, day, getLang, num, pct, t, text } from './i18n.js';

const h = (tag, { dataset, style, ...props } = {}, ...kids) => {
  const el = Object.assign(document.createElement(tag), props);
  if (dataset) Object.assign(el.dataset, dataset);
  if (style) el.style.cssText = style;
  el.append(...kids.flat().filter((k) => k !== null && k !== undefined));
  return el;
};
const colour = (u) => (u === null ? '#ccc' : u >= 99.9 ? '#2e9e44' : u >= 99 ? '#8cc63f' : u >= 90 ? '#f0a000' : '#d9342b');

function dayBar(target, outages) {
  const byDay = new Map(target.days.map((d) => [d.day, d.uptime]));
  const today = Date.now();
  const cells = [];
  for (let i = 89; i >= 0; i--) {
    const d = new Date(today - i * 86_400_000).toISOString().slice(0, 10);
    const u = byDay.has(d) ? byDay.get(d) : null;
    const mine = outages.filter((o) => o.targetId === target.id && o.startedAt.slice(0, 10) <= d && (o.endedAt ?? '9999').slice(0, 10) >= d);
    const title = `${day(d)}: ${pct(u)}${mine.map((o) => `\n${date(o.startedAt)} → ${o.endedAt ? date(o.endedAt) : t('ongoing')} (${o.cause})`).join('')}`;
    cells.push(h('span', { className: 'cell', title, style: `background:${colour(u)}` }));
  }
  return h('div', { className: 'daybar', dir: 'ltr' }, cells);
}

// chart.js is loaded on the first agency page only: the overview does not need it.
let chartJs = null;
const loadChartJs = () => (chartJs ??= new Promise((resolve, reject) => {
  document.head.append(Object.assign(document.createElement('script'), { src: '/dashboard/chart.umd.js', onload: resolve, onerror: reject }));
}));

function rtChart(target) {
  const canvas = h('canvas', { height: 180 });
  const wrap = h('div', { className: 'chart' }, canvas);
  if (globalThis.Chart && target.responseTimes.length) {
    const labels = target.responseTimes.map((r) => date(r.hour));
    new globalThis.Chart(canvas, {
      type: 'line',
      data: { labels, datasets: [
        { label: 'p50 ms', data: target.responseTimes.map((r) => r.p50Ms), borderColor: '#2b6cb0', pointRadius: 0 },
        { label: 'p95 ms', data: target.responseTimes.map((r) => r.p95Ms), borderColor: '#d9342b', pointRadius: 0 }] },
      options: { animation: false, responsive: true, maintainAspectRatio: false, locale: getLang() === 'fa' ? 'fa-IR' : 'en-US', scales: { x: { ticks: { maxTicksLimit: 8 } } } },
    });
  } else wrap.append(h('p', { textContent: t('noData') }));
  return wrap;
}

function tlsBlock(tls) {
  if (!tls) return h('p', { textContent: t('noData') });
  const findings = Array.isArray(tls.findings) ? tls.findings : [];
  const advice = Array.isArray(tls.advice) ? tls.advice : [];
  return h('div', {},
    h('p', { className: 'grade' }, h('bdi', { textContent: tls.grade ?? tls.outcome }), ` · ${date(tls.scannedAt)}`),
    h('h4', { textContent: t('caps') }), h('ul', {}, findings.map((f) => h('li', { textContent: `${f.cap ? `≤ ${f.cap} · ` : ''}${text(f.message) || f.id}` }))),
    h('h4', { textContent: t('advice') }), h('ul', {}, advice.map((a) => h('li', { textContent: text(a) }))));
}

function speedBlock(s) {
  if (!s) return h('p', { textContent: t('noData') });
  const m = s.metrics ?? {};
  const metricRows = Object.entries(m).map(([k, v]) => h('li', { textContent: `${k}: ${num(typeof v === 'number' ? Math.round(v * 100) / 100 : v)}` }));
  const adv = (Array.isArray(s.advice) ? s.advice : []).map((a) => h('li', { textContent: `${a.title} (${num(Math.round(a.savingsMs))} ms)` }));
  return h('div', {}, h('p', { className: 'grade' }, h('bdi', { textContent: pct(s.percentage === null ? null : Math.round(s.percentage)) }), ` · ${date(s.measuredAt)}`),
    h('ul', { className: 'metrics' }, metricRows), h('h4', { textContent: t('opportunities') }), h('ul', {}, adv));
}

async function action(path, body) { return api(path, { method: 'POST', body }); }

/** "Probe now": asks for TLS and speed probes and shows their progress until both are stored. */
function probeNow(target) {
  const status = h('span', { className: 'probe-status', dataset: { probe: 'idle' } });
  const button = h('button', { type: 'button', className: 'probe', textContent: t('probeNow') });
  button.onclick = async () => {
    button.disabled = true;
    const { id } = await action(`/dashboard/targets/${target.id}/probe`, {});
    for (;;) {
      const p = await api(`/dashboard/probe-requests/${id}`);
      status.dataset.probe = p.state;
      status.textContent = `${t(`probe_${p.state}`)} · ${p.progress.map((k) => `${k.kind}: ${k.done ? (k.result ?? k.outcome) : '…'}`).join(' · ')}`;
      if (p.state === 'done' || !status.isConnected) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    button.disabled = false;
  };
  return h('span', {}, button, status);
}

function operatorTools(data, role, reload) {
  if (role !== 'admin' && role !== 'operator') return null;
  const from = h('input', { type: 'datetime-local', name: 'from' });
  const to = h('input', { type: 'datetime-local', name: 'to' });
  const reason = h('input', { type: 'text', name: 'reason', placeholder: t('reason') });
  const form = h('form', { className: 'maint' }, h('h4', { textContent: t('openWindow') }), from, to, reason, h('button', { type: 'submit', textContent: t('openWindow') }));
  form.onsubmit = async (e) => {
    e.preventDefault();
    await action('/dashboard/maintenance', { agency: data.agency.slug, startsAt: new Date(from.value).toISOString(), endsAt: new Date(to.value).toISOString(), reason: reason.value || undefined });
    reload();
  };
  return form;
}

export async function mountAgency(main, slug, role) {
  main.replaceChildren(h('p', { textContent: '…' }));
  const [data] = await Promise.all([api(`/dashboard/agencies/${encodeURIComponent(slug)}`), loadChartJs().catch(() => undefined)]);
  const reload = () => mountAgency(main, slug, role);
  const name = getLang() === 'fa' ? data.agency.nameFa : data.agency.nameEn;
  const writer = role === 'admin' || role === 'operator';
  const targets = data.targets.map((tg) => h('section', { className: 'target', dataset: { target: tg.id } },
    h('h3', { dir: 'ltr', textContent: tg.url }),
    writer ? h('button', { type: 'button', className: 'pause', textContent: tg.paused ? t('resume') : t('pause'),
      onclick: async () => { await action(`/targets/${tg.id}/${tg.paused ? 'resume' : 'pause'}`); reload(); } }) : null,
    writer ? probeNow(tg) : null,
    h('h4', { textContent: t('days90') }), dayBar(tg, data.outages),
    h('h4', { textContent: t('responseTimes') }), rtChart(tg),
    h('div', { className: 'cols' }, h('div', {}, h('h4', { textContent: t('tlsLatest') }), tlsBlock(tg.tls)),
      h('div', {}, h('h4', { textContent: t('speedLatest') }), speedBlock(tg.speed)))));
  const outages = h('ul', { className: 'outages' }, data.outages.length ? data.outages.map((o) =>
    h('li', { textContent: `${date(o.startedAt)} → ${o.endedAt ? date(o.endedAt) : t('ongoing')} · ${o.cause}` })) : h('li', { textContent: t('none') }));
  const scores = h('table', { className: 'scores' }, h('tr', {}, ['period', 'indicator', 'score'].map((k) => h('th', { textContent: t(k) }))),
    data.scores.map((s) => h('tr', {}, h('td', { textContent: getLang() === 'fa' ? s.nameFa : s.nameEn }), h('td', { textContent: s.indicator }),
      h('td', {}, `${num(s.score)} (${s.band}) `, h('details', { className: 'evidence' }, h('summary', { textContent: t('evidence') }),
        h('pre', { dir: 'ltr', textContent: JSON.stringify({ raw: s.raw, evidence: s.evidence, ruleSet: s.ruleSet }, null, 1).slice(0, 4000) }))))));
  const incidents = h('ul', { className: 'incidents' }, data.incidents.map((i) => h('li', { dataset: { incident: i.id } },
    `${i.kind} · ${date(i.openedAt)} · ${i.closedAt ? t('closed') : t('open')} `,
    i.acknowledgedAt ? h('em', { textContent: t('acked') }) : writer ? h('button', { type: 'button', className: 'ack', textContent: t('ack'),
      onclick: async () => { await action(`/dashboard/incidents/${i.id}/ack`); reload(); } }) : null)));
  const maint = h('ul', {}, data.maintenance.map((m) => h('li', { textContent: `${date(m.startsAt)} → ${date(m.endsAt)} ${m.reason ?? ''}` })));
  main.replaceChildren(h('a', { href: '#/', textContent: `← ${t('back')}` }),
    h('h1', { id: 'agency-name', textContent: name }),
    h('a', { href: `/status/${data.agency.slug}`, textContent: t('statusPage') }),
    ...targets, h('h2', { textContent: t('outages') }), outages, h('h2', { textContent: t('scores') }), scores,
    h('h2', { textContent: t('incidents') }), incidents, h('h2', { textContent: t('maintenance') }), maint, operatorTools(data, role, reload));
  main.dataset.ready = 'true';
}
