// The dashboard overview in one aggregated query (never one query per target, style §5): every
// live target with its state, uptime evidence over 24 h / 30 days / the open period, its latest TLS
// grade and speed percentage; and every agency without a target as "no portal".
import type { Db } from '../client.ts';

export type TargetState = 'up' | 'down' | 'degraded' | 'unobserved' | 'no_portal';
export type UptimeSums = { observedS: number; downS: number };
export type OverviewRow = {
  targetId: number | null; agencyId: number; agencySlug: string; nameFa: string; nameEn: string;
  kind: 'portal' | 'service' | null; url: string | null; paused: boolean; state: TargetState;
  u24: UptimeSums; u30: UptimeSums; uPeriod: UptimeSums;
  tlsGrade: string | null; tlsNoHttps: boolean; speedPct: number | null;
};

type Raw = Omit<OverviewRow, 'u24' | 'u30' | 'uPeriod' | 'state'> & {
  o24: number; d24: number; o30: number; d30: number; op: number; dp: number;
  open_outage: boolean; covered_to: Date | null; degraded: boolean; tls_outcome: string | null;
};

const sums = (alias: string, table: string, time: string, from: string) => `LEFT JOIN LATERAL (
    SELECT coalesce(sum(covered_s - unobserved_s), 0)::float8 AS o, coalesce(sum(down_s), 0)::float8 AS d
    FROM ${table} r WHERE r.target_id = t.id AND r.${time} >= ${from}) ${alias} ON t.id IS NOT NULL`;

const sql = `SELECT t.id::int AS "targetId", a.id::int AS "agencyId", a.slug AS "agencySlug", a.name_fa AS "nameFa", a.name_en AS "nameEn",
    t.kind, t.url, coalesce(t.paused, false) AS paused,
    r24.o AS o24, r24.d AS d24, r30.o AS o30, r30.d AS d30, rp.o AS op, rp.d AS dp,
    EXISTS (SELECT 1 FROM outages o WHERE o.target_id = t.id AND o.ended_at IS NULL) AS open_outage,
    cov.covered_to, coalesce(l.degraded, false) AS degraded,
    tls.outcome AS tls_outcome, tls.grade AS "tlsGrade", spd.percentage AS "speedPct"
  FROM agencies a
  LEFT JOIN targets t ON t.agency_id = a.id AND t.retired_at IS NULL
  ${sums('r24', 'availability_rollups_15m', 'bucket_at', `$2::timestamptz - interval '24 hours'`)}
  ${sums('r30', 'availability_rollups_1d', 'day', `($2::timestamptz - interval '30 days')::date`)}
  ${sums('rp', 'availability_rollups_1d', 'day', `$3::date`)}
  LEFT JOIN availability_coverage cov ON cov.target_id = t.id
  LEFT JOIN LATERAL (SELECT r.degraded_checks > 0 AND r.down_checks = 0 AS degraded FROM availability_rollups_15m r
    WHERE r.target_id = t.id ORDER BY r.bucket_at DESC LIMIT 1) l ON t.id IS NOT NULL
  LEFT JOIN LATERAL (SELECT s.outcome, s.grade FROM tls_scans s WHERE s.target_id = t.id
    ORDER BY s.scanned_at DESC LIMIT 1) tls ON t.id IS NOT NULL
  LEFT JOIN LATERAL (SELECT m.percentage FROM speed_measurements m WHERE m.target_id = t.id AND m.outcome = 'measured'
    ORDER BY m.measured_at DESC LIMIT 1) spd ON t.id IS NOT NULL
  WHERE ($1::bigint IS NULL OR a.id = $1) AND ($4::bigint IS NULL OR t.id = $4)
  ORDER BY a.slug, t.kind, t.id`;

export type OverviewQuery = { agencyId: number | null; now: Date; periodStart: Date; staleAfterMs: number; targetId?: number };

export async function overviewRows(db: Db, q: OverviewQuery): Promise<OverviewRow[]> {
  const rows = await db.query<Raw>(sql, [q.agencyId, q.now, q.periodStart.toISOString().slice(0, 10), q.targetId ?? null]);
  return rows.map((r) => ({
    targetId: r.targetId, agencyId: r.agencyId, agencySlug: r.agencySlug, nameFa: r.nameFa, nameEn: r.nameEn,
    kind: r.kind, url: r.url, paused: r.paused, state: stateOf(r, q),
    u24: { observedS: r.o24 ?? 0, downS: r.d24 ?? 0 }, u30: { observedS: r.o30 ?? 0, downS: r.d30 ?? 0 },
    uPeriod: { observedS: r.op ?? 0, downS: r.dp ?? 0 },
    tlsGrade: r.tlsGrade, tlsNoHttps: r.tls_outcome === 'no_https', speedPct: r.speedPct === null ? null : Number(r.speedPct),
  }));
}

function stateOf(r: Raw, q: OverviewQuery): TargetState {
  if (r.targetId === null) return 'no_portal';
  if (r.open_outage) return 'down';
  if (r.paused || !r.covered_to || new Date(r.covered_to).getTime() < q.now.getTime() - q.staleAfterMs) return 'unobserved';
  return r.degraded ? 'degraded' : 'up';
}

/** A cheap fingerprint of what the overview shows; the live stream recomputes only when it moves. */
export async function overviewVersion(db: Db): Promise<string> {
  const [row] = await db.query<{ v: string }>(`SELECT concat_ws('/',
      (SELECT max(id) FROM availability_events), (SELECT max(id) FROM tls_scans), (SELECT max(id) FROM speed_measurements),
      (SELECT max(evaluated_at) FROM availability_coverage), (SELECT count(*) FILTER (WHERE paused) || ':' || count(*) FROM targets WHERE retired_at IS NULL),
      (SELECT count(*) FROM agencies)) AS v`);
  return row?.v ?? '';
}
