// The audit log: every change made through the API, with the key and the time.
import type { Db } from '../client.ts';

export type AuditEntry = { keyId: number | null; action: string; resource: string; status: number; detail?: Record<string, unknown> };
export type AuditRow = AuditEntry & { id: number; at: Date };

export async function appendAudit(db: Db, e: AuditEntry): Promise<void> {
  await db.query('INSERT INTO audit_log (key_id, action, resource, status, detail) VALUES ($1, $2, $3, $4, $5)',
    [e.keyId, e.action, e.resource, e.status, JSON.stringify(e.detail ?? {})]);
}

/** Newest first, keyset-paginated by id. */
export async function listAudit(db: Db, page: { beforeId?: number; limit: number }): Promise<AuditRow[]> {
  return db.query<AuditRow>(`SELECT id::int AS id, at, key_id::int AS "keyId", action, resource, status, detail
    FROM audit_log WHERE ($1::bigint IS NULL OR id < $1) ORDER BY id DESC LIMIT $2`, [page.beforeId ?? null, page.limit]);
}
