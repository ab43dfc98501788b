// Raw uptime checks, in daily range partitions of `checks` on slot_at (UTC days). A partition is
// created when the first row of its day arrives (and the next day's ahead of time); creating it is
// race-safe: IF NOT EXISTS, and a concurrent creator's duplicate error is ignored. Retention drops
// whole partitions, never rows.
import type { Db } from '../client.ts';
import type { UptimeResult } from '../../probes/uptime/result.ts';
import type { CheckPoint } from '../../services/availability/types.ts';

const DAY_MS = 86_400_000;

export type CheckKey = { targetId: number; region: string; slotMs: number; attempt: number };

export function partitionName(dayMs: number): string {
  return `checks_p${new Date(dayMs).toISOString().slice(0, 10).replaceAll('-', '')}`;
}

/** Creates the partition holding `atMs` (idempotent, safe against concurrent creators). */
export async function ensurePartition(db: Db, atMs: number): Promise<void> {
  const day = Math.floor(atMs / DAY_MS) * DAY_MS;
  const from = new Date(day).toISOString();
  const to = new Date(day + DAY_MS).toISOString();
  try {
    await db.query(`CREATE TABLE IF NOT EXISTS ${partitionName(day)} PARTITION OF checks FOR VALUES FROM ('${from}') TO ('${to}')`);
  } catch (err) {
    const code = (err as { code?: string }).code;
    // 42P07 duplicate table, 23505 duplicate pg_type row: another process created it meanwhile.
    if (code !== '42P07' && code !== '23505') throw err;
  }
}

const insertSql = `INSERT INTO checks (target_id, region, slot_at, attempt, checked_at, outcome, status, error_class,
  error_reason, final_url, dns_ms, connect_ms, tls_ms, ttfb_ms, total_ms, bytes_read)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
  ON CONFLICT (target_id, region, slot_at, attempt) DO NOTHING RETURNING 1 AS ok`;

function params(k: CheckKey, r: UptimeResult): unknown[] {
  const err = r.outcome === 'down' ? r.error : null;
  const t = r.timings;
  return [k.targetId, k.region, new Date(k.slotMs), k.attempt, r.checkedAt, r.outcome, r.status ?? null,
    err?.class ?? null, err && 'reason' in err ? err.reason : null, r.finalUrl ?? null,
    t.dnsMs ?? null, t.connectMs ?? null, t.tlsMs ?? null, t.ttfbMs ?? null, t.totalMs ?? null, r.bytesRead];
}

/** Stores one attempt; false when that attempt was already stored (a retried job). Returns
 *  `created: true` when this call had to create the day's partition. */
export async function insertCheck(db: Db, k: CheckKey, r: UptimeResult): Promise<{ inserted: boolean; created: boolean }> {
  try {
    return { inserted: (await db.query(insertSql, params(k, r))).length > 0, created: false };
  } catch (err) {
    // 23514: no partition of relation "checks" found for row.
    if ((err as { code?: string }).code !== '23514') throw err;
    await ensurePartition(db, k.slotMs);
    await ensurePartition(db, k.slotMs + DAY_MS);
    return { inserted: (await db.query(insertSql, params(k, r))).length > 0, created: true };
  }
}

/** Attempts already stored for one slot, by attempt. */
export async function slotOutcomes(db: Db, k: Omit<CheckKey, 'attempt'>): Promise<CheckPoint['outcome'][]> {
  const rows = await db.query<{ outcome: CheckPoint['outcome'] }>(`SELECT outcome FROM checks
    WHERE target_id = $1 AND region = $2 AND slot_at = $3 ORDER BY attempt`, [k.targetId, k.region, new Date(k.slotMs)]);
  return rows.map((r) => r.outcome);
}

type PointRow = { region: string; slot_ms: number; attempt: number; checked_ms: number; outcome: CheckPoint['outcome']; error_class: string | null };

/** Every attempt of one target (all regions, or one) with slot_at in [fromMs, toMs). */
export async function checkPoints(db: Db, targetId: number, fromMs: number, toMs: number, region?: string): Promise<CheckPoint[]> {
  const rows = await db.query<PointRow>(`SELECT region, (extract(epoch FROM slot_at) * 1000)::float8 AS slot_ms, attempt,
      (extract(epoch FROM checked_at) * 1000)::float8 AS checked_ms, outcome, error_class
    FROM checks WHERE target_id = $1 AND slot_at >= $2 AND slot_at < $3 AND ($4::text IS NULL OR region = $4)
    ORDER BY slot_at, attempt`, [targetId, new Date(fromMs), new Date(toMs), region ?? null]);
  return rows.map((r) => ({ region: r.region, slotMs: Math.round(r.slot_ms), attempt: r.attempt, checkedMs: Math.round(r.checked_ms), outcome: r.outcome, errorClass: r.error_class }));
}

/** The earliest stored slot of a target, or null. */
export async function firstSlotMs(db: Db, targetId: number): Promise<number | null> {
  const [row] = await db.query<{ ms: number | null }>('SELECT (extract(epoch FROM min(slot_at)) * 1000)::float8 AS ms FROM checks WHERE target_id = $1', [targetId]);
  return row?.ms == null ? null : Math.round(row.ms);
}

/** Distinct targets whose slot in [fromMs, toMs) failed every attempt in `region`. */
export async function failedTargetsInBucket(db: Db, region: string, fromMs: number, toMs: number): Promise<number> {
  const rows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (
      SELECT target_id FROM checks WHERE region = $1 AND slot_at >= $2 AND slot_at < $3
      GROUP BY target_id, slot_at HAVING bool_and(outcome = 'down')) f`, [region, new Date(fromMs), new Date(toMs)]);
  return rows[0]?.n ?? 0;
}

/** Response times (total_ms of up/degraded attempt-0 checks) and outcome counts, for rollups. */
export async function attemptZeroRows(db: Db, targetId: number, fromMs: number, toMs: number):
  Promise<Array<{ checkedMs: number; outcome: CheckPoint['outcome']; totalMs: number | null }>> {
  const rows = await db.query<{ checked_ms: number; outcome: CheckPoint['outcome']; total_ms: number | null }>(
    `SELECT (extract(epoch FROM checked_at) * 1000)::float8 AS checked_ms, outcome, total_ms FROM checks
     WHERE target_id = $1 AND attempt = 0 AND slot_at >= $2 AND slot_at < $3`, [targetId, new Date(fromMs), new Date(toMs)]);
  return rows.map((r) => ({ checkedMs: Math.round(r.checked_ms), outcome: r.outcome, totalMs: r.total_ms }));
}
