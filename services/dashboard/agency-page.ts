// The agency page's data: its targets with the 90-day bar, p50/p95 per hour (last 48 h), outages,
// the latest TLS grade with caps and advice, the latest speed measurement, scores per period,
// incidents and maintenance windows.
import type { Db } from '../../db/client.ts';
import type { Agency } from '../../db/store/agencies.ts';
import { dailyCells, hourlyHistograms, latestSpeed, latestTls, outagesOfAgency, scoresOfAgency } from '../../db/store/dashboard-agency.ts';
import { targetsOfAgency } from '../../db/store/target-admin.ts';
import { listIncidents } from '../../db/store/incidents.ts';
import { listMaintenanceWindows } from '../../db/store/maintenance-windows.ts';
import { quantileMs } from '../availability/histogram.ts';

const DAY_MS = 86_400_000;

export async function agencyPage(db: Db, agency: Agency, now: Date) {
  const from90 = new Date(now.getTime() - 90 * DAY_MS);
  const targets = await targetsOfAgency(db, agency.id, false);
  const detail = await Promise.all(targets.map(async (t) => {
    const [days, hours, tls, speed] = await Promise.all([
      dailyCells(db, t.id, from90), hourlyHistograms(db, t.id, new Date(now.getTime() - 2 * DAY_MS)), latestTls(db, t.id), latestSpeed(db, t.id)]);
    return {
      id: t.id, kind: t.kind, url: t.url, name: t.name, paused: t.paused,
      days: days.map((d) => ({ day: d.day, uptime: d.observedS > 0 ? Math.round((1 - d.downS / d.observedS) * 10_000) / 100 : null })),
      responseTimes: hours.map((h) => ({ hour: h.hour.toISOString(), p50Ms: quantileMs(h.hist, 0.5), p95Ms: quantileMs(h.hist, 0.95) })),
      tls: tls ?? null, speed: speed ?? null,
    };
  }));
  const [outages, scores, incidents, maintenance] = await Promise.all([
    outagesOfAgency(db, agency.id, from90), scoresOfAgency(db, agency.id),
    listIncidents(db, { agencyId: agency.id, limit: 100 }), listMaintenanceWindows(db, agency.id, now)]);
  return { agency: { slug: agency.slug, nameFa: agency.nameFa, nameEn: agency.nameEn, portalUrl: agency.portalUrl }, targets: detail, outages, scores, incidents, maintenance };
}
