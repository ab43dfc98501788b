// Retention of raw checks: whole daily partitions older than the retention are dropped, except
// any partition holding an instant at or after `keepAfter` (evidence of a period whose scores
// must stay reproducible; the scoring side passes its oldest held instant). Intervals, events and
// rollups are other tables and are never touched here.
import type { Db } from '../client.ts';

const DAY_MS = 86_400_000;

export async function listCheckPartitions(db: Db): Promise<Array<{ name: string; dayMs: number }>> {
  const rows = await db.query<{ name: string }>(`SELECT c.relname AS name FROM pg_inherits i
    JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'checks'::regclass ORDER BY c.relname`);
  return rows.flatMap((r) => {
    const m = /^checks_p(\d{4})(\d{2})(\d{2})$/.exec(r.name);
    return m ? [{ name: r.name, dayMs: Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) }] : [];
  });
}

/** Drops partitions whose whole day ends at or before now − retention (and before keepAfter). */
export async function dropExpiredPartitions(db: Db, now: Date, retentionDays: number, keepAfter?: Date): Promise<string[]> {
  const limit = Math.min(now.getTime() - retentionDays * DAY_MS, keepAfter?.getTime() ?? Infinity);
  const dropped: string[] = [];
  for (const p of await listCheckPartitions(db)) {
    if (p.dayMs + DAY_MS > limit) continue;
    await db.query(`DROP TABLE IF EXISTS ${p.name}`);
    dropped.push(p.name);
  }
  return dropped;
}
