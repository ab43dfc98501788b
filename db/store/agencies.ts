// Queries over agencies and their targets.
import type { Db } from '../client.ts';

export type AgencyInput = { slug: string; nameFa: string; nameEn: string; portalUrl: string | null };
export type Agency = AgencyInput & { id: number };
export type UpsertSummary = { inserted: number; updated: number; unchanged: number };

const agencyColumns = 'id, slug, name_fa AS "nameFa", name_en AS "nameEn", portal_url AS "portalUrl"';

/** Inserts or updates agencies by slug and keeps each one's portal target in step, in one transaction. */
export async function upsertAgencies(db: Db, rows: readonly AgencyInput[]): Promise<UpsertSummary> {
  return db.tx(async (t) => {
    const summary: UpsertSummary = { inserted: 0, updated: 0, unchanged: 0 };
    for (const r of rows) {
      const [res] = await t.query<{ id: number; inserted: boolean } | undefined>(
        `INSERT INTO agencies (slug, name_fa, name_en, portal_url) VALUES ($1, $2, $3, $4)
         ON CONFLICT (slug) DO UPDATE SET name_fa = EXCLUDED.name_fa, name_en = EXCLUDED.name_en,
           portal_url = EXCLUDED.portal_url, updated_at = now()
         WHERE (agencies.name_fa, agencies.name_en, agencies.portal_url)
           IS DISTINCT FROM (EXCLUDED.name_fa, EXCLUDED.name_en, EXCLUDED.portal_url)
         RETURNING id, (xmax = 0) AS inserted`, [r.slug, r.nameFa, r.nameEn, r.portalUrl]);
      if (!res) { summary.unchanged++; continue; }
      summary[res.inserted ? 'inserted' : 'updated']++;
      await syncPortalTarget(t, res.id, r.portalUrl);
    }
    return summary;
  });
}

/** The active portal target follows the agency's portal URL; a replaced one is retired, not deleted. */
async function syncPortalTarget(db: Db, agencyId: number, url: string | null): Promise<void> {
  await db.query(`UPDATE targets SET retired_at = now()
    WHERE agency_id = $1 AND kind = 'portal' AND retired_at IS NULL AND url IS DISTINCT FROM $2`, [agencyId, url]);
  if (url === null) return;
  await db.query(`INSERT INTO targets (agency_id, kind, url) SELECT $1, 'portal', $2
    WHERE NOT EXISTS (SELECT 1 FROM targets WHERE agency_id = $1 AND kind = 'portal' AND retired_at IS NULL)`, [agencyId, url]);
}

export async function countAgencies(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM agencies');
  return row?.n ?? 0;
}

/** Keyset pagination by slug. */
export async function listAgencies(db: Db, page: { after?: string; limit: number }): Promise<Agency[]> {
  return db.query<Agency>(`SELECT ${agencyColumns} FROM agencies WHERE ($1::text IS NULL OR slug > $1)
    ORDER BY slug LIMIT $2`, [page.after ?? null, page.limit]);
}

export async function agencyBySlug(db: Db, slug: string): Promise<Agency | undefined> {
  const [row] = await db.query<Agency>(`SELECT ${agencyColumns} FROM agencies WHERE slug = $1`, [slug]);
  return row;
}
