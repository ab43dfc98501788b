// Target look-ups the availability side needs (counts for mass outages, the CLI's agency option).
import type { Db } from '../client.ts';

export async function countActiveTargets(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM targets WHERE retired_at IS NULL AND NOT paused');
  return row?.n ?? 0;
}

/** The agency's active portal target, or null. */
export async function portalTargetId(db: Db, agencySlug: string): Promise<number | null> {
  const [row] = await db.query<{ id: number }>(`SELECT t.id FROM targets t JOIN agencies a ON a.id = t.agency_id
    WHERE a.slug = $1 AND t.kind = 'portal' AND t.retired_at IS NULL`, [agencySlug]);
  return row?.id ?? null;
}

export async function targetExists(db: Db, targetId: number): Promise<boolean> {
  return (await db.query('SELECT 1 FROM targets WHERE id = $1', [targetId])).length > 0;
}
