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

// Seconds of [from, now) inside [s, e) (e NULL: still going), for one window column.
const overlap = (s: string, e: string, from: string) =>
  `greatest(0, extract(epoch FROM least(coalesce(${e}, w.now), w.now) - greatest(${s}, ${from})))`;
const perWindow = (s: string, e: string, agg: string, name: string) =>
  ['f24', 'f30', 'fp'].map((f, i) => `${agg}(${overlap(s, e, `w.${f}`)})::float8 AS ${name}${['24', '30', 'p'][i]}`).join(', ');

// Uptime comes from coverage, outages and unobserved spans (sparse intervals, as uptimeForWindow
// reads them), aggregated once per table: never a scan of rollups per target.
const sql = `WITH w AS (SELECT $2::timestamptz AS now, $2::timestamptz - interval '24 hours' AS f24,
      $2::timestamptz - interval '30 days' AS f30, $3::timestamptz AS fp),
  cov AS (SELECT c.target_id, c.covered_to, ${perWindow('c.covered_from', 'c.covered_to', '', 'c')} FROM availability_coverage c, w),
  down AS (SELECT x.target_id, bool_or(x.ended_at IS NULL) AS open, ${perWindow('x.started_at', 'x.ended_at', 'sum', 'd')}
    FROM outages x, w WHERE coalesce(x.ended_at, w.now) > least(w.f30, w.fp) GROUP BY x.target_id),
  unobs AS (SELECT x.target_id, ${perWindow('x.started_at', 'x.ended_at', 'sum', 'u')}
    FROM unobserved_spans x, w WHERE x.ended_at > least(w.f30, w.fp) GROUP BY x.target_id)
  SELECT t.id::int AS "targetId", a.id::int AS "agencyId", a.slug AS "agencySlug", a.name_fa AS "nameFa", a.name_en AS "nameEn",
    t.kind, t.url, coalesce(t.paused, false) AS paused,
    cov.c24 - coalesce(unobs.u24, 0) AS o24, coalesce(down.d24, 0) AS d24, cov.c30 - coalesce(unobs.u30, 0) AS o30, coalesce(down.d30, 0) AS d30,
    cov.cp - coalesce(unobs.up, 0) AS op, coalesce(down.dp, 0) AS dp, coalesce(down.open, false) AS open_outage,
    cov.covered_to, coalesce(l.degraded, false) AS degraded,
    tls.outcome AS tls_outcome, tls.grade AS "tlsGrade", spd.percentage AS "speedPct"
  FROM agencies a
  LEFT JOIN targets t ON t.agency_id = a.id AND t.retired_at IS NULL
  LEFT JOIN cov ON cov.target_id = t.id
  LEFT JOIN down ON down.target_id = t.id
  LEFT JOIN unobs ON unobs.target_id = t.id
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
  // Thousands of one-row index lookups: JIT compilation costs more than it saves (~100-300 ms at 10,000 targets).
  const rows = await db.tx(async (t) => {
    if (t.engine === 'postgres') await t.query('SET LOCAL jit = off');
    return t.query<Raw>(sql, [q.agencyId, q.now, q.periodStart, q.targetId ?? null]);
  });
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
