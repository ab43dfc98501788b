// The EvidenceSource over the stores: the availability store (issue 3) for uptime, outages and
// unobserved spans, and the TLS and speed result stores for indicators 5 and 4. A scan or run that
// failed on our side (outcome 'error' / 'failed') is not a measurement and is left out.
import type { Db } from '../../db/client.ts';
import { listOutages, listUnobservedSpans, uptimeForWindow, type StoredInterval } from '../../db/store/availability.ts';
import { tlsScansInWindow } from '../../db/store/tls-scans.ts';
import { speedMeasurementsInWindow } from '../../db/store/speed-measurements.ts';
import { downtimeInMaintenanceS, maintenanceWindowsOf } from '../../db/store/maintenance-downtime.ts';
import type { EvidenceSource, Interval, UptimeWindowEvidence } from './evidence.ts';

/** Clipped to the window, so the evidence of a window never changes once the window is past. */
function clip(i: StoredInterval, fromMs: number, toMs: number): Interval {
  const end = i.endMs === null ? toMs : Math.min(i.endMs, toMs);
  return { from: new Date(Math.max(i.startMs, fromMs)).toISOString(), to: new Date(end).toISOString() };
}

export function dbEvidence(db: Db): EvidenceSource {
  return {
    async uptimeTotals(targetId, fromMs, toMs) {
      const u = await uptimeForWindow(db, targetId, new Date(fromMs), new Date(toMs));
      return { observedS: u.observedS, downtimeS: u.downtimeS, unobservedS: u.unobservedS };
    },
    async uptimeForWindow(targetId, fromMs, toMs) {
      const [from, to] = [new Date(fromMs), new Date(toMs)];
      const [u, outages, unobserved, windows] = await Promise.all([
        uptimeForWindow(db, targetId, from, to), listOutages(db, targetId, fromMs, toMs),
        listUnobservedSpans(db, targetId, fromMs, toMs), maintenanceWindowsOf(db, targetId, from, to),
      ]);
      const e: UptimeWindowEvidence = {
        observedS: u.observedS, downtimeS: u.downtimeS, unobservedS: u.unobservedS,
        outages: outages.map((o) => clip(o, fromMs, toMs)), unobserved: unobserved.map((o) => clip(o, fromMs, toMs)),
      };
      if (windows.length === 0) return e;
      const maintenance = windows.map((w) => ({ id: w.id, from: w.from.toISOString(), to: w.to.toISOString() }));
      return { ...e, maintenance, maintenanceS: await downtimeInMaintenanceS(db, targetId, from, to) };
    },
    async tlsScansInWindow(targetId, fromMs, toMs) {
      const rows = await tlsScansInWindow(db, targetId, new Date(fromMs), new Date(toMs));
      return rows.filter((r) => r.outcome !== 'error').map((r) => ({
        id: r.id, at: r.scannedAt.toISOString(), grade: r.grade, noHttps: r.outcome === 'no_https',
      }));
    },
    async speedMeasurementsInWindow(targetId, fromMs, toMs) {
      const rows = await speedMeasurementsInWindow(db, targetId, new Date(fromMs), new Date(toMs));
      return rows.filter((r) => r.outcome === 'measured' && r.percentage !== null).map((r) => ({
        id: r.id, at: r.measuredAt.toISOString(), percentage: r.percentage!, profile: r.profile,
      }));
    },
  };
}
