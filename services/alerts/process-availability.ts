// Turns availability events into incidents and alert events, in one transaction per batch with the
// cursor: each transition is recorded exactly once even if this runs twice or crashes half-way.
import type { Db } from '../../db/client.ts';
import { availabilityEventsAfter, lockCursor, moveCursor, type AvailabilityEvent } from '../../db/store/alert-cursor.ts';
import { recordAlertEvent, transitionTimes, type Suppression } from '../../db/store/alert-events.ts';
import { closeIncident, openIncident, openIncidentOf } from '../../db/store/incidents.ts';
import { inMaintenance } from '../../db/store/maintenance-windows.ts';
import { isFlapping, type FlapPolicy } from './flapping.ts';

export type AlertingDeps = { now: () => number; flap: FlapPolicy };

/** Processes up to `batch` events after the cursor; returns how many it consumed. */
export async function processAvailabilityEvents(db: Db, deps: AlertingDeps, batch = 500): Promise<number> {
  return db.tx(async (t) => {
    const after = await lockCursor(t);
    const events = await availabilityEventsAfter(t, after, batch);
    for (const e of events) await applyEvent(t, deps, e);
    if (events.length > 0) await moveCursor(t, events.at(-1)!.id, new Date(deps.now()));
    return events.length;
  });
}

async function applyEvent(db: Db, deps: AlertingDeps, e: AvailabilityEvent): Promise<void> {
  const key = `availability-${e.id}`;
  const payload = { cause: e.cause, regions: e.regions, details: e.details, sourceEventId: e.id };
  const firstTry = new Date(deps.now());
  if (e.kind === 'mass_outage' || e.targetId === null) {
    const suppressed = (await inMaintenance(db, null, e.at)) ? 'maintenance' : null;
    await recordAlertEvent(db, { key, kind: 'mass_outage', at: e.at, targetId: null, incidentId: null,
      payload: { ...payload, targets: massOutageCount(e.details) }, suppressed }, firstTry);
    return;
  }
  const incident = e.kind === 'outage_opened'
    ? (await openIncident(db, e.targetId, 'outage', e.at, { cause: e.cause })).id
    : await closeIncident(db, e.targetId, 'outage', e.at);
  const suppressed = await suppressionFor(db, deps, e.targetId, e.at);
  await recordAlertEvent(db, { key, kind: e.kind, at: e.at, targetId: e.targetId, incidentId: incident, payload,
    suppressed: suppressed === 'flapping_started' ? 'flapping' : suppressed }, firstTry);
  if (suppressed === 'flapping_started') await startFlapping(db, deps, e.targetId, e.at);
}

/** How many targets failed at once (services/availability/mass-outage.ts names it failedTargets). */
function massOutageCount(details: Record<string, unknown> | null): number | null {
  const n = details?.['failedTargets'] ?? details?.['targets'];
  return typeof n === 'number' ? n : null;
}

/** Why this transition is not notified, if it is not; 'flapping_started' when it tips the target into flapping. */
async function suppressionFor(db: Db, deps: AlertingDeps, targetId: number, at: Date): Promise<Suppression | 'flapping_started' | null> {
  if (await inMaintenance(db, targetId, at)) return 'maintenance';
  if (await openIncidentOf(db, targetId, 'flapping')) return 'flapping';
  const times = await transitionTimes(db, targetId, new Date(at.getTime() - deps.flap.windowMs));
  return isFlapping(deps.flap, [...times, at.getTime()], at.getTime()) ? 'flapping_started' : null;
}

async function startFlapping(db: Db, deps: AlertingDeps, targetId: number, at: Date): Promise<void> {
  const since = new Date(at.getTime() - deps.flap.windowMs);
  const transitions = (await transitionTimes(db, targetId, since)).length;
  const { id } = await openIncident(db, targetId, 'flapping', at, { transitions });
  await recordAlertEvent(db, { key: `flapping-started-${id}`, kind: 'flapping_started', at, targetId, incidentId: id,
    payload: { transitions, windowMs: deps.flap.windowMs }, suppressed: null }, new Date(deps.now()));
}
