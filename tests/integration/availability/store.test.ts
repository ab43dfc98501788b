// The availability store and evaluator on both engines (Postgres and PGlite), with checks fed
// straight into the store where the network is not the point.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDb } from '../../helpers/databases.ts';
import { migrate } from '../../../db/migrate.ts';
import { loadConfig } from '../../../config/env.ts';
import { insertCheck } from '../../../db/store/checks.ts';
import { dropExpiredPartitions, listCheckPartitions } from '../../../db/store/check-partitions.ts';
import { listOutages, listUnobservedSpans, uptimeForWindow } from '../../../db/store/availability.ts';
import { eventsAfter } from '../../../db/store/availability-events.ts';
import { responseTimePercentiles } from '../../../db/store/availability-rollups.ts';
import { availabilitySettings } from '../../../services/availability/settings.ts';
import { evaluateTarget } from '../../../services/availability/evaluate-target.ts';
import type { UptimeOutcome, UptimeResult } from '../../../probes/uptime/result.ts';
import { insertTargets, startHarness, W0, type Harness } from '../../fixtures/availability/harness.ts';

const MIN = 60_000;
const DAY = 86_400_000;
const settings = availabilitySettings(loadConfig({ UPTIME_INTERVAL_S: '60' }));

function result(outcome: UptimeOutcome, atMs: number, totalMs = 100): UptimeResult {
  const checkedAt = new Date(atMs).toISOString();
  return outcome === 'down'
    ? { outcome, error: { class: 'connection_refused' }, timings: { dnsMs: 0 }, bytesRead: 0, checkedAt }
    : { outcome, status: 200, finalUrl: 'http://127.0.0.1/', timings: { dnsMs: 0, connectMs: 1, tlsMs: 0, ttfbMs: 2, totalMs }, bytesRead: 10, checkedAt };
}

/** Stores slot `minute` of `region`: attempt 0 at the slot, retries 10 s apart. */
async function storeSlot(db: TestDb['db'], targetId: number, region: string, minute: number, outcomes: readonly UptimeOutcome[], totalMs = 100): Promise<void> {
  const slotMs = W0 + minute * MIN;
  for (const [attempt, o] of outcomes.entries()) await insertCheck(db, { targetId, region, slotMs, attempt }, result(o, slotMs + attempt * 10_000, totalMs));
}
const DOWN3 = ['down', 'down', 'down'] as const;
const UP3 = ['up', 'up', 'up'] as const;

async function snapshot(db: TestDb['db'], id: number) {
  const events = (await eventsAfter(db, 0)).filter((e) => e.targetId === id);
  return { outages: await listOutages(db, id), spans: await listUnobservedSpans(db, id), events };
}

// One database per engine for the whole file (PGlite migrations are slow); each test works on
// its own targets.
describe.each(engines)('availability store on $name', ({ open }) => {
  let t: TestDb;
  let h: Harness | undefined;
  beforeAll(async () => { t = await open(); await migrate(t.db); });
  afterEach(async () => { await h?.close(); h = undefined; });
  afterAll(async () => { await t?.drop(); });

  it('quorum across 3 regions: 1 of 3 down is up, 2 of 3 down is down', async () => {
    const [id] = await insertTargets(t.db, ['http://127.0.0.1/q']);
    for (let m = 0; m < 20; m++) {
      await storeSlot(t.db, id!, 'a', m, m >= 5 ? DOWN3 : ['up']);
      await storeSlot(t.db, id!, 'b', m, m >= 10 && m < 15 ? DOWN3 : m === 15 ? UP3 : ['up']);
      await storeSlot(t.db, id!, 'c', m, ['up']);
    }
    await evaluateTarget(t.db, id!, settings, W0 + 20 * MIN);
    const outages = await listOutages(t.db, id!);
    expect(outages).toEqual([{ startMs: W0 + 10 * MIN, endMs: W0 + 15 * MIN, cause: 'connection_refused', regions: ['a', 'b'], massOutage: false }]);
  });

  it('re-evaluating is idempotent, and evaluating after every slot equals evaluating once', async () => {
    const [step, once] = await insertTargets(t.db, ['http://127.0.0.1/s', 'http://127.0.0.1/o']);
    const plan = (m: number) => (m >= 30 && m < 42 ? DOWN3 : m === 42 ? UP3 : m === 50 ? ['down', 'up'] as const : ['up'] as const);
    for (let m = 0; m < 150; m++) {
      if (m >= 70 && m < 100) continue; // a gap
      await storeSlot(t.db, step!, 'a', m, plan(m));
      await storeSlot(t.db, once!, 'a', m, plan(m));
      await evaluateTarget(t.db, step!, settings, W0 + m * MIN + 25_000);
    }
    await evaluateTarget(t.db, once!, settings, W0 + 150 * MIN);
    const a = await snapshot(t.db, step!);
    await evaluateTarget(t.db, step!, settings, W0 + 150 * MIN);
    await evaluateTarget(t.db, step!, settings, W0 + 150 * MIN);
    expect(await snapshot(t.db, step!)).toEqual(a);
    const b = await snapshot(t.db, once!);
    expect(a.outages).toEqual(b.outages);
    expect(a.spans).toEqual(b.spans);
    expect(a.outages.map((o) => [o.startMs, o.endMs])).toEqual([[W0 + 30 * MIN, W0 + 42 * MIN]]);
    expect(a.spans.map((o) => [o.startMs, o.endMs, o.cause])).toEqual([[W0 + 70 * MIN, W0 + 100 * MIN, 'no_checks']]);
    expect(a.events.map((e) => [e.kind, e.atMs])).toEqual([['outage_opened', W0 + 30 * MIN], ['outage_closed', W0 + 42 * MIN]]);
    expect(b.events.map((e) => [e.kind, e.atMs])).toEqual(a.events.map((e) => [e.kind, e.atMs]));
    expect(await uptimeForWindow(t.db, step!, new Date(W0), new Date(W0 + 150 * MIN)))
      .toEqual(await uptimeForWindow(t.db, once!, new Date(W0), new Date(W0 + 150 * MIN)));
  });

  it('uptime over a window with Tehran-midnight edges is exact; time before the first check is unobserved', async () => {
    const [id] = await insertTargets(t.db, ['http://127.0.0.1/w']);
    for (let m = 0; m < 24 * 60; m += 1) await storeSlot(t.db, id!, 'a', m, m >= 600 && m < 607 ? DOWN3 : m === 607 ? UP3 : m >= 120 && m < 180 ? ['degraded'] : ['up'], 50 + (m % 10) * 40);
    await evaluateTarget(t.db, id!, settings, W0 + 24 * 60 * MIN);
    const tehranMidnight = W0 + 20.5 * 3600_000; // 00:00 at UTC+03:30
    const w = await uptimeForWindow(t.db, id!, new Date(W0 - 3.5 * 3600_000), new Date(tehranMidnight));
    expect(w).toEqual({ windowS: 24 * 3600, observedS: 20.5 * 3600, downtimeS: 7 * 60, unobservedS: 3.5 * 3600 });
    const [day] = await t.db.query<{ covered_s: number; down_s: number; degraded_s: number; unobserved_s: number; checks: number }>(
      'SELECT covered_s, down_s, degraded_s, unobserved_s, checks FROM availability_rollups_1d WHERE target_id = $1 AND day = $2::date', [id, new Date(W0).toISOString().slice(0, 10)]);
    expect(day).toEqual({ covered_s: 86_400, down_s: 420, degraded_s: 60 * 60, unobserved_s: 0, checks: 1440 }); // minutes 120-179 were slow
    const p = await responseTimePercentiles(t.db, id!, new Date(W0), new Date(W0 + DAY));
    expect(p.samples).toBe(24 * 60 - 7);
    // 50…410 ms in equal shares: p50 lies in the bucket of 210-250 ms, p99 in that of 410 ms
    expect(p.p50Ms).toBeGreaterThanOrEqual(210);
    expect(p.p50Ms).toBeLessThanOrEqual(250 * Math.SQRT2);
    expect(p.p99Ms).toBeGreaterThanOrEqual(410);
    expect(p.p99Ms).toBeLessThanOrEqual(410 * Math.SQRT2);
  });

  it('retention drops whole old partitions and keeps intervals and rollups; keepAfter holds evidence', async () => {
    const [id] = await insertTargets(t.db, ['http://127.0.0.1/r']);
    for (const day of [0, 5, 100]) {
      for (let m = 0; m < 10; m++) await storeSlot(t.db, id!, 'a', day * 1440 + m, m === 3 ? DOWN3 : m === 4 ? UP3 : ['up']);
      await evaluateTarget(t.db, id!, settings, W0 + day * DAY + 10 * MIN);
    }
    const before = await uptimeForWindow(t.db, id!, new Date(W0), new Date(W0 + 101 * DAY));
    expect(before.downtimeS).toBe(3 * 60);
    const now = new Date(W0 + 100 * DAY + 12 * 3600_000);
    expect(await dropExpiredPartitions(t.db, now, 90, new Date(W0 + 5 * DAY))).toEqual(["checks_p20261001", "checks_p20261002"]); // day 5 is held
    expect(await dropExpiredPartitions(t.db, now, 90)).toEqual(["checks_p20261006", "checks_p20261007"]);
    const left = (await listCheckPartitions(t.db)).map((p) => (p.dayMs - W0) / DAY);
    expect(left).toEqual([100, 101]);
    expect(await uptimeForWindow(t.db, id!, new Date(W0), new Date(W0 + 101 * DAY))).toEqual(before);
    const rollups = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM availability_rollups_1d WHERE target_id = $1 AND down_s > 0', [id]);
    expect(rollups[0]!.n).toBe(3);
  });

  it('a retried job neither probes nor writes again', async () => {
    h = await startHarness(t.db, { targets: 1, controls: 1 });
    await h.runSlot(0);
    const { page } = h.targets[0]!;
    const requests = page.requests;
    const count = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM checks WHERE target_id = $1', [h!.targets[0]!.id]))[0]!.n;
    const rows = await count();
    await h.runSlot(0);
    expect([page.requests, h.controls[0]!.requests, await count()]).toEqual([requests, 1, rows]);
    expect(await insertCheck(t.db, { targetId: h.targets[0]!.id, region: 'local', slotMs: h.slotMs(0), attempt: 0 }, result('down', h.slotMs(0))))
      .toEqual({ inserted: false, created: false });
  });

  it('a loopback target is refused when private targets are not allowed (stored as egress_denied)', async () => {
    h = await startHarness(t.db, { targets: 1, controls: 0, allowPrivate: false, env: { UPTIME_RETRIES: '0' } });
    await h.runSlot(0);
    const rows = await t.db.query<{ outcome: string; error_class: string }>('SELECT outcome, error_class FROM checks WHERE target_id = $1', [h.targets[0]!.id]);
    expect(rows).toEqual([{ outcome: 'down', error_class: 'egress_denied' }]);
    expect(h.targets[0]!.page.requests).toBe(0);
  });
});
