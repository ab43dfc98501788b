// The agency page's reads: per target the 90 daily availability cells, hourly response-time
// histograms, the latest TLS scan's findings and advice, the latest speed measurement, and the
// frozen indicator scores per period. A handful of queries per agency, none per day or per hour.
import type { Db } from '../client.ts';

export type DayCell = { day: string; observedS: number; downS: number };
export type HourHist = { hour: Date; hist: number[] };
export type TlsView = { scannedAt: Date; outcome: string; grade: string | null; certNotAfter: Date | null; findings: unknown; advice: unknown; scores: unknown };
export type SpeedView = { measuredAt: Date; outcome: string; percentage: number | null; performance: number | null; structure: number | null; profile: string; metrics: unknown; advice: unknown };
export type ScoreView = { period: string; nameFa: string; nameEn: string; targetId: number | null; indicator: string; score: number; band: string; raw: unknown; evidence: unknown; ruleSet: string };

export async function dailyCells(db: Db, targetId: number, from: Date): Promise<DayCell[]> {
  return db.query<DayCell>(`SELECT to_char(day, 'YYYY-MM-DD') AS day, (covered_s - unobserved_s)::float8 AS "observedS", down_s::float8 AS "downS"
    FROM availability_rollups_1d WHERE target_id = $1 AND day >= $2::date ORDER BY day`, [targetId, from.toISOString().slice(0, 10)]);
}

/** Response-time histograms per hour (the 15-minute rollups summed in SQL). */
export async function hourlyHistograms(db: Db, targetId: number, from: Date): Promise<HourHist[]> {
  const rows = await db.query<{ hour: Date; hists: number[][] }>(`SELECT date_trunc('hour', bucket_at) AS hour, array_agg(rt_hist) AS hists
    FROM availability_rollups_15m WHERE target_id = $1 AND bucket_at >= $2 GROUP BY 1 ORDER BY 1`, [targetId, from]);
  return rows.map((r) => ({ hour: new Date(r.hour), hist: sumRows(r.hists) }));
}

function sumRows(rows: number[][] | number[]): number[] {
  // pg returns a 2-D array for array_agg of arrays; PGlite may too. Flatten by histogram width.
  const list = Array.isArray(rows[0]) ? (rows as number[][]) : [rows as number[]];
  const out = new Array<number>(list[0]?.length ?? 0).fill(0);
  for (const h of list) h.forEach((n, i) => { out[i] = (out[i] ?? 0) + Number(n); });
  return out;
}

export async function latestTls(db: Db, targetId: number): Promise<TlsView | undefined> {
  const [row] = await db.query<TlsView>(`SELECT scanned_at AS "scannedAt", outcome, grade, cert_not_after AS "certNotAfter",
      evidence->'rating'->'findings' AS findings, evidence->'rating'->'advice' AS advice, evidence->'rating'->'scores' AS scores
    FROM tls_scans WHERE target_id = $1 ORDER BY scanned_at DESC LIMIT 1`, [targetId]);
  return row;
}

export async function latestSpeed(db: Db, targetId: number): Promise<SpeedView | undefined> {
  const [row] = await db.query<SpeedView>(`SELECT measured_at AS "measuredAt", outcome, percentage, performance, structure, profile,
      evidence->'metrics' AS metrics, evidence->'advice' AS advice
    FROM speed_measurements WHERE target_id = $1 ORDER BY measured_at DESC LIMIT 1`, [targetId]);
  return row;
}

export async function scoresOfAgency(db: Db, agencyId: number): Promise<ScoreView[]> {
  return db.query<ScoreView>(`SELECT p.slug AS period, p.name_fa AS "nameFa", p.name_en AS "nameEn", s.target_id::int AS "targetId",
      s.indicator, s.score, s.band, s.raw, s.evidence, s.rule_set_id || '@' || s.rule_set_version AS "ruleSet"
    FROM period_scores s JOIN periods p ON p.id = s.period_id WHERE s.agency_id = $1
    ORDER BY p.starts_at DESC, s.target_id NULLS FIRST, s.indicator`, [agencyId]);
}

/** Outages of the agency's targets since `from`, newest first. */
export async function outagesOfAgency(db: Db, agencyId: number, from: Date): Promise<Array<{ targetId: number; startedAt: Date; endedAt: Date | null; cause: string; massOutage: boolean }>> {
  return db.query(`SELECT o.target_id::int AS "targetId", o.started_at AS "startedAt", o.ended_at AS "endedAt", o.cause, o.mass_outage AS "massOutage"
    FROM outages o JOIN targets t ON t.id = o.target_id WHERE t.agency_id = $1 AND coalesce(o.ended_at, 'infinity') >= $2
    ORDER BY o.started_at DESC LIMIT 500`, [agencyId, from]);
}
