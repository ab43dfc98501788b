// TLS incidents: a grade drop opens one (and a restored grade closes it), and a certificate nearing
// its end warns once at 30, 14, 7 and 1 days; a renewed certificate starts over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgSchema, type TestDb } from '../../helpers/databases.ts';
import { recordTlsObservation, expiryStage } from '../../../services/alerts/tls-observation.ts';
import { listAlertEvents } from '../../../db/store/alert-events.ts';
import { listIncidents } from '../../../db/store/incidents.ts';
import { saveSubscription } from '../../../db/store/alert-subscriptions.ts';
import { listDeliveries } from '../../../db/store/alert-deliveries.ts';
import { openMaintenanceWindow } from '../../../db/store/maintenance-windows.ts';
import { prepareAlertDb, T0 } from './setup.ts';

const DAY = 86_400_000;

describe('recordTlsObservation', () => {
  let t: TestDb;
  let ids: Awaited<ReturnType<typeof prepareAlertDb>>;
  beforeAll(async () => {
    t = await pgSchema();
    ids = await prepareAlertDb(t.db);
    await saveSubscription(t.db, { agencyId: ids.agencyA, locale: 'en', config: { channel: 'bale', chatId: '1' } });
  });
  afterAll(async () => { await t.drop(); });

  it('maps days left to the warning stage', () => {
    expect([45, 30, 29, 14, 8, 7, 2, 1, 0, -3].map(expiryStage)).toEqual([null, 30, 30, 14, 14, 7, 7, 1, 1, 1]);
  });

  it('opens a grade-drop incident once and closes it when the grade is back', async () => {
    const { targetA } = ids;
    const cert = new Date(T0 + 200 * DAY);
    await recordTlsObservation(t.db, targetA, 'A', cert, new Date(T0));
    await recordTlsObservation(t.db, targetA, 'A', cert, new Date(T0 + DAY));
    await recordTlsObservation(t.db, targetA, 'B', cert, new Date(T0 + 2 * DAY));
    await recordTlsObservation(t.db, targetA, 'C', cert, new Date(T0 + 3 * DAY));
    await recordTlsObservation(t.db, targetA, 'A+', cert, new Date(T0 + 4 * DAY));
    const events = await listAlertEvents(t.db, { targetId: targetA, limit: 50 });
    expect(events.map((e) => [e.kind, e.payload['from'], e.payload['to']])).toEqual([
      ['tls_grade_drop', 'A', 'B'], ['tls_grade_drop', 'B', 'C'], ['tls_grade_restored', 'C', 'A+']]);
    const inc = (await listIncidents(t.db, { limit: 10 })).filter((i) => i.kind === 'tls_grade_drop');
    expect(inc).toHaveLength(1); // the second drop belongs to the incident already open
    expect(inc[0]!.closedAt).not.toBeNull();
  });

  it('warns at 30, 14, 7 and 1 days, once each, and starts over for a renewed certificate', async () => {
    const { targetB } = ids;
    const notAfter = new Date(T0 + 40 * DAY);
    for (const day of [0, 5, 11, 12, 20, 26, 27, 30, 33, 39, 39.5]) {
      await recordTlsObservation(t.db, targetB, 'A', notAfter, new Date(T0 + day * DAY));
    }
    const renewed = new Date(T0 + 130 * DAY);
    await recordTlsObservation(t.db, targetB, 'A', renewed, new Date(T0 + 40 * DAY));
    await recordTlsObservation(t.db, targetB, 'A', renewed, new Date(T0 + 101 * DAY));
    const events = (await listAlertEvents(t.db, { targetId: targetB, limit: 50 })).filter((e) => e.kind === 'cert_expiry');
    expect(events.map((e) => e.payload['stage'])).toEqual([30, 14, 7, 1, 30]);
    expect(events.map((e) => e.payload['daysLeft'])).toEqual([29, 14, 7, 1, 29]);
    const expiry = (await listIncidents(t.db, { limit: 20 })).filter((i) => i.kind === 'cert_expiry');
    expect(expiry.map((i) => i.closedAt === null)).toEqual([true, false]); // newest first: the renewed cert's is open
  });

  it('records but does not notify during maintenance', async () => {
    const { targetA } = ids;
    const before = (await listDeliveries(t.db)).length;
    await openMaintenanceWindow(t.db, { targetId: targetA, startsAt: new Date(T0 + 9 * DAY), endsAt: new Date(T0 + 11 * DAY) });
    await recordTlsObservation(t.db, targetA, 'F', new Date(T0 + 200 * DAY), new Date(T0 + 10 * DAY));
    const last = (await listAlertEvents(t.db, { targetId: targetA, limit: 50 })).at(-1)!;
    expect(last).toMatchObject({ kind: 'tls_grade_drop', suppressed: 'maintenance' });
    expect((await listDeliveries(t.db)).length).toBe(before);
  });
});
