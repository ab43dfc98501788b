// What recordTlsObservation last saw per target (grade, certificate end, expiry stage warned).
import type { Db } from '../client.ts';

export type TlsAlertState = { targetId: number; grade: string; certNotAfter: Date | null; expiryStage: number | null; observedAt: Date };

export async function readTlsAlertState(db: Db, targetId: number): Promise<TlsAlertState | undefined> {
  const [row] = await db.query<TlsAlertState>(`SELECT target_id::int AS "targetId", grade, cert_not_after AS "certNotAfter",
      expiry_stage AS "expiryStage", observed_at AS "observedAt" FROM tls_alert_state WHERE target_id = $1 FOR UPDATE`, [targetId]);
  return row ? { ...row, certNotAfter: row.certNotAfter ? new Date(row.certNotAfter) : null } : undefined;
}

export async function writeTlsAlertState(db: Db, s: TlsAlertState): Promise<void> {
  await db.query(`INSERT INTO tls_alert_state (target_id, grade, cert_not_after, expiry_stage, observed_at) VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (target_id) DO UPDATE SET grade = EXCLUDED.grade, cert_not_after = EXCLUDED.cert_not_after,
      expiry_stage = EXCLUDED.expiry_stage, observed_at = EXCLUDED.observed_at`,
  [s.targetId, s.grade, s.certNotAfter, s.expiryStage, s.observedAt]);
}
