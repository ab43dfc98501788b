// API keys: stored as sha256 hashes only; revocable; last use recorded.
import type { Db } from '../client.ts';

export const roles = ['admin', 'operator', 'assessor', 'agency'] as const;
export type Role = (typeof roles)[number];

export type ApiKeyRow = {
  id: number; prefix: string; role: Role; agencyId: number | null; agencySlug: string | null;
  label: string | null; createdAt: Date; revokedAt: Date | null; lastUsedAt: Date | null;
};

const columns = `k.id::int AS id, k.prefix, k.role, k.agency_id::int AS "agencyId", a.slug AS "agencySlug", k.label,
  k.created_at AS "createdAt", k.revoked_at AS "revokedAt", k.last_used_at AS "lastUsedAt"`;

export type NewKey = { keyHash: string; prefix: string; role: Role; agencyId: number | null; label: string | null };

export async function insertApiKey(db: Db, k: NewKey): Promise<ApiKeyRow> {
  const [row] = await db.query<{ id: number }>(`INSERT INTO api_keys (key_hash, prefix, role, agency_id, label)
    VALUES ($1, $2, $3, $4, $5) RETURNING id::int AS id`, [k.keyHash, k.prefix, k.role, k.agencyId, k.label]);
  return (await apiKeyById(db, row!.id))!;
}

export async function apiKeyById(db: Db, id: number): Promise<ApiKeyRow | undefined> {
  const [row] = await db.query<ApiKeyRow>(`SELECT ${columns} FROM api_keys k LEFT JOIN agencies a ON a.id = k.agency_id
    WHERE k.id = $1`, [id]);
  return row;
}

/** The live (not revoked) key with this hash; records its use (at most once a minute, to spare writes). */
export async function useApiKey(db: Db, keyHash: string): Promise<ApiKeyRow | undefined> {
  const [row] = await db.query<ApiKeyRow>(`SELECT ${columns} FROM api_keys k LEFT JOIN agencies a ON a.id = k.agency_id
    WHERE k.key_hash = $1 AND k.revoked_at IS NULL`, [keyHash]);
  if (row && (row.lastUsedAt === null || Date.now() - row.lastUsedAt.getTime() > 60_000)) {
    await db.query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [row.id]);
  }
  return row;
}

export async function listApiKeys(db: Db): Promise<ApiKeyRow[]> {
  return db.query<ApiKeyRow>(`SELECT ${columns} FROM api_keys k LEFT JOIN agencies a ON a.id = k.agency_id ORDER BY k.id`);
}

/** Revokes a key; false when there is no such live key. */
export async function revokeApiKey(db: Db, id: number): Promise<boolean> {
  const rows = await db.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id]);
  return rows.length > 0;
}
