// Stored TLS scans: the evidence behind indicator 5.
import type { Db } from '../client.ts';
import type { TlsResult } from '../../probes/tls/result.ts';
import type { TlsSymbol } from '../../config/rulesets/rule-set.ts';

export type SlotKey = { targetId: number; region: string; slotMs: number };

export type TlsScanRow = {
  id: number; targetId: number; region: string; slotAt: Date; scannedAt: Date;
  outcome: TlsResult['outcome']; grade: TlsSymbol | null; gradeIfTrusted: TlsSymbol | null;
  errorClass: string | null; certNotAfter: Date | null;
};

const columns = `id, target_id AS "targetId", region, slot_at AS "slotAt", scanned_at AS "scannedAt", outcome,
  grade, grade_if_trusted AS "gradeIfTrusted", error_class AS "errorClass", cert_not_after AS "certNotAfter"`;

function certNotAfter(r: TlsResult): string | null {
  return r.outcome === 'graded' ? r.facts.cert?.notAfter ?? null : null;
}

/** Stores one scan; a second write for the same slot is a no-op. Returns whether it was stored. */
export async function insertTlsScan(db: Db, key: SlotKey, result: TlsResult, scannedAtMs: number): Promise<boolean> {
  const graded = result.outcome === 'graded' ? result : null;
  const endpoint = result.outcome === 'error' ? null : result;
  const rows = await db.query(`INSERT INTO tls_scans (target_id, region, slot_at, scanned_at, outcome, grade,
      grade_if_trusted, host, port, error_class, rules_version, cert_not_after, duration_ms, evidence)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
    ON CONFLICT (target_id, region, slot_at) DO NOTHING RETURNING id`, [
    key.targetId, key.region, new Date(key.slotMs), new Date(scannedAtMs), result.outcome,
    graded?.grade ?? null, graded?.rating.gradeIgnoringTrust ?? null, endpoint?.host ?? null, endpoint?.port ?? null,
    result.outcome === 'graded' ? null : result.error.class, graded?.rating.rulesVersion ?? null,
    certNotAfter(result), Math.round(result.durationMs), JSON.stringify(result),
  ]);
  return rows.length === 1;
}

export function tlsScansInWindow(db: Db, targetId: number, from: Date, to: Date): Promise<TlsScanRow[]> {
  return db.query<TlsScanRow>(`SELECT ${columns} FROM tls_scans
    WHERE target_id = $1 AND scanned_at >= $2 AND scanned_at < $3 ORDER BY scanned_at`, [targetId, from, to]);
}

export async function latestTlsScan(db: Db, targetId: number): Promise<(TlsScanRow & { evidence: TlsResult }) | undefined> {
  const [row] = await db.query<TlsScanRow & { evidence: TlsResult }>(`SELECT ${columns}, evidence FROM tls_scans
    WHERE target_id = $1 ORDER BY scanned_at DESC LIMIT 1`, [targetId]);
  return row;
}
