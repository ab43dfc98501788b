// Queries over probe targets.
import type { Db } from '../client.ts';

export type ActiveTarget = { id: number; agencyId: number; url: string; kind: 'portal' | 'service'; settings: Record<string, unknown> };

/** Targets the scheduler probes: not retired, not paused. Keyset-paginated by id. */
export async function listActiveTargets(db: Db, page: { afterId?: number; limit: number } = { limit: 100_000 }): Promise<ActiveTarget[]> {
  return db.query<ActiveTarget>(`SELECT id, agency_id AS "agencyId", url, kind, settings FROM targets
    WHERE retired_at IS NULL AND NOT paused AND id > $1 ORDER BY id LIMIT $2`, [page.afterId ?? 0, page.limit]);
}

/** The free-form settings of one target ({} when it has none or no longer exists). */
export async function targetSettings(db: Db, id: number): Promise<unknown> {
  const [row] = await db.query<{ settings: unknown }>('SELECT settings FROM targets WHERE id = $1', [id]);
  return row?.settings ?? {};
}
