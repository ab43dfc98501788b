// Ends flapping spells: a target with no up/down change for a whole flap window has settled; its
// flapping incident closes and one "settled" notice says whether it is now up or down.
import type { Db } from '../../db/client.ts';
import { recordAlertEvent } from '../../db/store/alert-events.ts';
import { closeIncident, openIncidentOf, quietFlappingIncidents } from '../../db/store/incidents.ts';
import { inMaintenance } from '../../db/store/maintenance-windows.ts';
import type { AlertingDeps } from './process-availability.ts';

export async function settleFlapping(db: Db, deps: AlertingDeps): Promise<number> {
  const now = new Date(deps.now());
  const quiet = await quietFlappingIncidents(db, new Date(now.getTime() - deps.flap.windowMs));
  for (const q of quiet) {
    await db.tx(async (t) => {
      const closed = await closeIncident(t, q.targetId, 'flapping', now);
      if (closed === null) return;
      const down = (await openIncidentOf(t, q.targetId, 'outage')) !== undefined;
      const suppressed = (await inMaintenance(t, q.targetId, now)) ? 'maintenance' : null;
      await recordAlertEvent(t, { key: `flapping-ended-${closed}`, kind: 'flapping_ended', at: now, targetId: q.targetId,
        incidentId: closed, payload: { down }, suppressed }, now);
    });
  }
  return quiet.length;
}
