// TLS incidents, for the TLS processor to call after each stored scan: a grade worse than the last
// one opens a tls_grade_drop incident (closed when the grade is back), and a certificate nearing its
// end warns once at each of 30, 14, 7 and 1 days left. A renewed certificate starts over.
import type { Db } from '../../db/client.ts';
import { recordAlertEvent } from '../../db/store/alert-events.ts';
import { closeIncident, openIncident } from '../../db/store/incidents.ts';
import { inMaintenance } from '../../db/store/maintenance-windows.ts';
import { readTlsAlertState, writeTlsAlertState } from '../../db/store/tls-alert-state.ts';

export const expiryStagesDays = [30, 14, 7, 1] as const;
const gradeOrder = ['A+', 'A', 'A-', 'B', 'C', 'D', 'E', 'F', 'T', 'M'];
const DAY_MS = 86_400_000;

/** The rank of a grade, 0 best; an unknown symbol (no HTTPS) ranks worst. */
export const gradeRank = (g: string): number => (gradeOrder.includes(g) ? gradeOrder.indexOf(g) : gradeOrder.length);

/** The smallest warning stage that `daysLeft` has reached, or null above 30 days. */
export function expiryStage(daysLeft: number): number | null {
  const hit = expiryStagesDays.filter((s) => daysLeft <= s);
  return hit.length ? hit[hit.length - 1]! : null;
}

export async function recordTlsObservation(db: Db, targetId: number, grade: string, certNotAfter: Date | null, at: Date): Promise<void> {
  await db.tx(async (t) => {
    const prev = await readTlsAlertState(t, targetId);
    const quiet = (await inMaintenance(t, targetId, at)) ? 'maintenance' : null;
    if (prev && gradeRank(grade) > gradeRank(prev.grade)) {
      const { id } = await openIncident(t, targetId, 'tls_grade_drop', at, { from: prev.grade, to: grade });
      await recordAlertEvent(t, { key: `tls-grade-drop-${targetId}-${at.getTime()}`, kind: 'tls_grade_drop', at, targetId,
        incidentId: id, payload: { from: prev.grade, to: grade }, suppressed: quiet }, at);
    } else if (prev && gradeRank(grade) < gradeRank(prev.grade)) {
      const closed = await closeIncident(t, targetId, 'tls_grade_drop', at);
      if (closed !== null) {
        await recordAlertEvent(t, { key: `tls-grade-restored-${targetId}-${at.getTime()}`, kind: 'tls_grade_restored', at, targetId,
          incidentId: closed, payload: { from: prev.grade, to: grade }, suppressed: quiet }, at);
      }
    }
    const stage = await expiryWarning(t, targetId, prev, certNotAfter, at, quiet);
    await writeTlsAlertState(t, { targetId, grade, certNotAfter, expiryStage: stage, observedAt: at });
  });
}

type Prev = Awaited<ReturnType<typeof readTlsAlertState>>;

async function expiryWarning(db: Db, targetId: number, prev: Prev, notAfter: Date | null, at: Date, quiet: 'maintenance' | null): Promise<number | null> {
  const sameCert = prev?.certNotAfter != null && notAfter !== null && prev.certNotAfter.getTime() === notAfter.getTime();
  const warned = sameCert ? prev!.expiryStage : null;
  if (!sameCert) await closeIncident(db, targetId, 'cert_expiry', at);
  if (notAfter === null) return null;
  const daysLeft = Math.floor((notAfter.getTime() - at.getTime()) / DAY_MS);
  const stage = expiryStage(daysLeft);
  if (stage === null || (warned !== null && warned <= stage)) return warned;
  const { id } = await openIncident(db, targetId, 'cert_expiry', at, { notAfter: notAfter.toISOString() });
  await recordAlertEvent(db, { key: `cert-expiry-${targetId}-${notAfter.getTime()}-${stage}`, kind: 'cert_expiry', at, targetId,
    incidentId: id, payload: { daysLeft: Math.max(0, daysLeft), stage, notAfter: notAfter.toISOString() }, suppressed: quiet }, at);
  return stage;
}
