// The public status page of one agency: server-rendered HTML (no script, no key), bilingual, with
// the portal's state, uptime over 24 h / 30 days, the 90-day bar and recent outages.
import type { OverviewItem } from './overview.ts';

type Outage = { startedAt: Date; endedAt: Date | null; cause: string };
type Day = { day: string; uptime: number | null };
export type StatusData = { nameFa: string; nameEn: string; slug: string; items: OverviewItem[]; days: Day[]; outages: Outage[] };

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const faNum = new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 2 });
const faDate = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tehran' });
const stateText: Record<string, [string, string]> = {
  up: ['در دسترس', 'Up'], down: ['قطع', 'Down'], degraded: ['کند', 'Degraded'], unobserved: ['بدون پایش', 'Unobserved'], no_portal: ['بدون درگاه', 'No portal'],
};
const pctText = (p: number | null) => (p === null ? '—' : `${faNum.format(p)}٪ · ${p}%`);
const colour = (u: number | null) => (u === null ? '#ccc' : u >= 99.9 ? '#3a3' : u >= 99 ? '#9c3' : u >= 90 ? '#e90' : '#d33');

export function renderStatusPage(d: StatusData): string {
  const rows = d.items.map((i) => {
    const [fa, en] = stateText[i.state] ?? [i.state, i.state];
    return `<tr class="state-${i.state}"><td dir="ltr">${esc(i.url ?? '—')}</td><td>${fa} / ${en}</td><td>${pctText(i.uptime24h)}</td><td>${pctText(i.uptime30d)}</td><td>${esc(i.tlsGrade ?? '—')}</td></tr>`;
  }).join('');
  const bar = d.days.map((x) => `<span class="cell" style="background:${colour(x.uptime)}" title="${x.day}: ${x.uptime ?? '—'}%"></span>`).join('');
  const outages = d.outages.slice(0, 20).map((o) => `<li>${faDate.format(new Date(o.startedAt))} → ${o.endedAt ? faDate.format(new Date(o.endedAt)) : 'ادامه دارد / ongoing'} (${esc(o.cause)})</li>`).join('');
  return `<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(d.nameFa)} — وضعیت / status</title><style>
body{font-family:Vazirmatn,Tahoma,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:start}
.bar{display:flex;gap:1px;margin:1rem 0}.cell{flex:1;height:2rem;border-radius:2px}
.state-down td:nth-child(2){color:#d33;font-weight:bold}.state-up td:nth-child(2){color:#3a3}</style></head>
<body><h1>${esc(d.nameFa)}</h1><h2 dir="ltr" lang="en">${esc(d.nameEn)}</h2>
<table><thead><tr><th>نشانی / URL</th><th>وضعیت / State</th><th>۲۴ ساعت / 24 h</th><th>۳۰ روز / 30 days</th><th>TLS</th></tr></thead><tbody>${rows}</tbody></table>
<h3>۹۰ روز گذشته / Last 90 days</h3><div class="bar">${bar}</div>
<h3>قطعی‌ها / Outages</h3><ul>${outages || '<li>—</li>'}</ul>
<p><img alt="uptime" src="/badges/${esc(d.slug)}/uptime.svg"> <img alt="TLS" src="/badges/${esc(d.slug)}/tls.svg"></p></body></html>`;
}
