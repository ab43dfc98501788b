// Outages, unobserved spans and coverage of each target: the evidence behind indicator 3, kept
// forever. `replaceSegments` re-derives the tail [rangeStart, …) idempotently inside the caller's
// transaction; `uptimeForWindow` answers any window exactly from the intervals.
import type { Db } from '../client.ts';
import type { Segment } from '../../services/availability/types.ts';

export type Coverage = { fromMs: number; toMs: number };

export async function readCoverage(db: Db, targetId: number): Promise<Coverage | null> {
  const [row] = await db.query<{ f: number; t: number }>(`SELECT (extract(epoch FROM covered_from) * 1000)::float8 AS f,
    (extract(epoch FROM covered_to) * 1000)::float8 AS t FROM availability_coverage WHERE target_id = $1`, [targetId]);
  return row ? { fromMs: Math.round(row.f), toMs: Math.round(row.t) } : null;
}

export async function writeCoverage(db: Db, targetId: number, c: Coverage, nowMs: number): Promise<void> {
  await db.query(`INSERT INTO availability_coverage (target_id, covered_from, covered_to, evaluated_at) VALUES ($1, $2, $3, $4)
    ON CONFLICT (target_id) DO UPDATE SET covered_from = least(availability_coverage.covered_from, EXCLUDED.covered_from),
      covered_to = greatest(availability_coverage.covered_to, EXCLUDED.covered_to), evaluated_at = EXCLUDED.evaluated_at`,
  [targetId, new Date(c.fromMs), new Date(c.toMs), new Date(nowMs)]);
}

type Table = 'outages' | 'unobserved_spans';

/** Cuts rows crossing `atMs` there and deletes rows starting at or after it. */
async function cutAt(db: Db, table: Table, targetId: number, atMs: number): Promise<void> {
  const at = new Date(atMs);
  await db.query(`DELETE FROM ${table} WHERE target_id = $1 AND started_at >= $2`, [targetId, at]);
  await db.query(`UPDATE ${table} SET ended_at = $2 WHERE target_id = $1 AND started_at < $2
    AND (ended_at IS NULL OR ended_at > $2)`, [targetId, at]);
}

/** A new segment starting exactly at the cut continues the row that now ends there. */
async function mergeWithPrior(db: Db, table: Table, targetId: number, seg: Segment): Promise<Segment> {
  const causeTest = table === 'unobserved_spans' ? 'AND cause = $3' : 'AND $3::text IS NOT NULL';
  const cause = seg.state === 'up' ? '' : seg.cause;
  const [prior] = await db.query<{ id: number; s: number; regions: string[]; cause: string }>(`DELETE FROM ${table}
    WHERE target_id = $1 AND ended_at = $2 ${causeTest}
    RETURNING id, (extract(epoch FROM started_at) * 1000)::float8 AS s, regions, cause`, [targetId, new Date(seg.startMs), cause]);
  if (!prior) return seg;
  const regions = [...new Set([...prior.regions, ...seg.regions])].sort();
  return { ...seg, startMs: Math.round(prior.s), regions, ...(seg.state === 'down' ? { cause: prior.cause } : {}) } as Segment;
}

const massFlag = `EXISTS (SELECT 1 FROM availability_events e WHERE e.kind = 'mass_outage' AND e.regions && $5::text[]
  AND e.at <= $2 AND $2 < e.at + make_interval(secs => (e.details->>'bucketS')::int))`;

async function insertSegment(db: Db, targetId: number, seg: Segment, ongoing: boolean): Promise<void> {
  if (seg.state === 'up') return;
  const args = [targetId, new Date(seg.startMs), ongoing ? null : new Date(seg.endMs), seg.cause, seg.regions];
  if (seg.state === 'down') {
    await db.query(`INSERT INTO outages (target_id, started_at, ended_at, cause, regions, mass_outage)
      VALUES ($1, $2, $3, $4, $5, ${massFlag})`, args);
  } else {
    await db.query('INSERT INTO unobserved_spans (target_id, started_at, ended_at, cause, regions) VALUES ($1, $2, $3, $4, $5)', args);
  }
}

/** Replaces what is stored from `rangeStartMs` on by `segments` (which start at or after it). */
export async function replaceSegments(db: Db, targetId: number, rangeStartMs: number, segments: readonly Segment[], endMs: number): Promise<void> {
  await cutAt(db, 'outages', targetId, rangeStartMs);
  await cutAt(db, 'unobserved_spans', targetId, rangeStartMs);
  for (const [i, raw] of segments.entries()) {
    let seg = raw;
    if (i === 0 && seg.startMs === rangeStartMs && seg.state !== 'up') {
      seg = await mergeWithPrior(db, seg.state === 'down' ? 'outages' : 'unobserved_spans', targetId, seg);
    }
    await insertSegment(db, targetId, seg, seg.state === 'down' && seg.endMs >= endMs);
  }
}

export type UptimeWindow = { windowS: number; observedS: number; downtimeS: number; unobservedS: number };

const overlapSql = (table: Table) => `coalesce((SELECT sum(extract(epoch FROM
    least(coalesce(x.ended_at, cov.t), cov.t) - greatest(x.started_at, cov.f)))::float8
  FROM ${table} x, cov WHERE x.target_id = $1 AND x.started_at < cov.t AND coalesce(x.ended_at, cov.t) > cov.f), 0)`;

/** Exact uptime evidence for [from, to): time outside what was evaluated (before the target's first
 *  check, after the last evaluation) and every unobserved span count as unobserved. */
export async function uptimeForWindow(db: Db, targetId: number, from: Date, to: Date): Promise<UptimeWindow> {
  const windowS = Math.max(0, (to.getTime() - from.getTime()) / 1000);
  const [row] = await db.query<{ covered: number; down: number; unobserved: number }>(`WITH cov AS (
      SELECT greatest(covered_from, $2) AS f, least(covered_to, $3) AS t FROM availability_coverage
      WHERE target_id = $1 AND covered_from < $3 AND covered_to > $2)
    SELECT coalesce((SELECT extract(epoch FROM t - f)::float8 FROM cov), 0) AS covered,
      ${overlapSql('outages')} AS down, ${overlapSql('unobserved_spans')} AS unobserved`, [targetId, from, to]);
  const observedS = (row?.covered ?? 0) - (row?.unobserved ?? 0);
  return { windowS, observedS, downtimeS: row?.down ?? 0, unobservedS: windowS - observedS };
}

export type StoredInterval = { startMs: number; endMs: number | null; cause: string; regions: string[]; massOutage?: boolean };

type IntervalRow = { s: number; e: number | null; cause: string; regions: string[]; mass?: boolean };
const toInterval = (r: IntervalRow): StoredInterval => ({
  startMs: Math.round(r.s), endMs: r.e === null ? null : Math.round(r.e), cause: r.cause, regions: r.regions,
  ...(r.mass === undefined ? {} : { massOutage: r.mass }),
});
const msCols = `(extract(epoch FROM started_at) * 1000)::float8 AS s, (extract(epoch FROM ended_at) * 1000)::float8 AS e, cause, regions`;

/** Outages overlapping [fromMs, toMs) (all when no range), oldest first. */
export async function listOutages(db: Db, targetId: number, fromMs = 0, toMs = 1e14): Promise<StoredInterval[]> {
  const rows = await db.query<IntervalRow>(`SELECT ${msCols}, mass_outage AS mass FROM outages WHERE target_id = $1
    AND started_at < $3 AND coalesce(ended_at, 'infinity') > $2 ORDER BY started_at`, [targetId, new Date(fromMs), new Date(toMs)]);
  return rows.map(toInterval);
}

export async function listUnobservedSpans(db: Db, targetId: number, fromMs = 0, toMs = 1e14): Promise<StoredInterval[]> {
  const rows = await db.query<IntervalRow>(`SELECT ${msCols} FROM unobserved_spans WHERE target_id = $1
    AND started_at < $3 AND ended_at > $2 ORDER BY started_at`, [targetId, new Date(fromMs), new Date(toMs)]);
  return rows.map(toInterval);
}
