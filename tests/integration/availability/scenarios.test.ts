// Issue 3, "What it must show", through the real processor, real probes of fixture pages on
// 127.0.0.1, real Postgres, on an injected clock (interval 180 s, 2 retries 10 s apart).
import { afterEach, describe, expect, it } from 'vitest';
import { pgSchema, type TestDb } from '../../helpers/databases.ts';
import { startHarness, type Harness } from '../../fixtures/availability/harness.ts';
import { uptimeForWindow, listOutages, listUnobservedSpans } from '../../../db/store/availability.ts';
import { eventsAfter } from '../../../db/store/availability-events.ts';
import { evaluateTarget } from '../../../services/availability/evaluate-target.ts';
import { scoreUptime } from '../../../services/scoring/indicators/uptime.ts';
import { period6 } from '../../../config/rulesets/period-6.ts';

const MIN = 60_000;
let t: TestDb;
let h: Harness;
afterEach(async () => { await h?.close(); await t?.drop(); });

async function runSlots(from: number, to: number, before?: (i: number) => void): Promise<void> {
  for (let i = from; i < to; i++) { before?.(i); await h.runSlot(i); }
}

describe('availability scenarios (Postgres)', () => {
  it('down for exactly 18 minutes of a 30-hour window: uptime 99.00 %, score 1', async () => {
    t = await pgSchema();
    h = await startHarness(t.db, { targets: 1, controls: 0 });
    const page = h.targets[0]!.page;
    await runSlots(0, 600, (i) => { page.up = !(i >= 100 && i < 106); }); // 600 × 180 s = 30 h
    const w = await uptimeForWindow(t.db, h.targets[0]!.id, new Date(h.slotMs(0)), new Date(h.slotMs(600)));
    expect(w).toEqual({ windowS: 30 * 3600, observedS: 30 * 3600, downtimeS: 18 * 60, unobservedS: 0 });
    const outages = await listOutages(t.db, h.targets[0]!.id);
    expect(outages).toEqual([{ startMs: h.slotMs(100), endMs: h.slotMs(106), cause: 'http_status', regions: ['local'], massOutage: false }]);
    const score = scoreUptime(period6.uptime, w);
    expect(score).toMatchObject({ measured: true, uptimePct: 99, score: 1 });
    const events = await eventsAfter(t.db, 0);
    expect(events.map((e) => [e.kind, e.atMs])).toEqual([['outage_opened', h.slotMs(100)], ['outage_closed', h.slotMs(106)]]);
  });

  it('probes stopping for 2 hours: uptime not lowered, 2 h unobserved', async () => {
    t = await pgSchema();
    h = await startHarness(t.db, { targets: 1, controls: 0 });
    await runSlots(0, 40);
    await runSlots(80, 100); // 40 slots × 180 s = 2 h without a probe
    const id = h.targets[0]!.id;
    const w = await uptimeForWindow(t.db, id, new Date(h.slotMs(0)), new Date(h.slotMs(100)));
    expect(w).toEqual({ windowS: 5 * 3600, observedS: 3 * 3600, downtimeS: 0, unobservedS: 2 * 3600 });
    expect(scoreUptime(period6.uptime, w)).toMatchObject({ measured: true, uptimePct: 100, score: 1 });
    expect(await listUnobservedSpans(t.db, id)).toEqual([{ startMs: h.slotMs(40), endMs: h.slotMs(80), cause: 'no_checks', regions: ['local'] }]);
    expect(await eventsAfter(t.db, 0)).toEqual([]);
  });

  it('targets and controls failing in the same slots (dead uplink): 0 s downtime, those slots unobserved', async () => {
    t = await pgSchema();
    h = await startHarness(t.db, { targets: 3, controls: 2 });
    const all = [...h.targets.map((x) => x.page), ...h.controls];
    await runSlots(0, 20, (i) => { for (const s of all) s.up = !(i >= 10 && i < 15); });
    for (const { id } of h.targets) {
      const w = await uptimeForWindow(t.db, id, new Date(h.slotMs(0)), new Date(h.slotMs(20)));
      expect(w).toEqual({ windowS: 3600, observedS: 3600 - 15 * 60, downtimeS: 0, unobservedS: 15 * 60 });
      expect(await listUnobservedSpans(t.db, id)).toEqual([{ startMs: h.slotMs(10), endMs: h.slotMs(15), cause: 'controls_failed', regions: ['local'] }]);
      expect(await listOutages(t.db, id)).toEqual([]);
    }
    expect(await eventsAfter(t.db, 0)).toEqual([]);
    // the controls were probed once per slot, not once per target
    expect(h.controls.map((c) => c.requests)).toEqual([20, 20]);
  });

  it('every target failing while the controls pass: downtime and one mass-outage event per mass outage', async () => {
    t = await pgSchema();
    h = await startHarness(t.db, { targets: 5, controls: 2 });
    // all targets fail for 3 slots (one mass outage, one event), then a second time for 1 slot
    await runSlots(0, 20, (i) => { for (const x of h.targets) x.page.up = !((i >= 10 && i < 13) || i === 16); });
    for (const { id } of h.targets) {
      const w = await uptimeForWindow(t.db, id, new Date(h.slotMs(0)), new Date(h.slotMs(20)));
      expect(w).toEqual({ windowS: 3600, observedS: 3600, downtimeS: 4 * 180, unobservedS: 0 });
      expect(await listOutages(t.db, id)).toEqual([
        { startMs: h.slotMs(10), endMs: h.slotMs(13), cause: 'http_status', regions: ['local'], massOutage: true },
        { startMs: h.slotMs(16), endMs: h.slotMs(17), cause: 'http_status', regions: ['local'], massOutage: true },
      ]);
    }
    const events = await eventsAfter(t.db, 0);
    const mass = events.filter((e) => e.kind === 'mass_outage');
    expect(mass.map((e) => e.atMs)).toEqual([h.slotMs(10), h.slotMs(16)]);
    expect(mass[0]).toMatchObject({ targetId: null, regions: ['local'], details: { failedTargets: 2, activeTargets: 5 } }); // 2 of 5 > 30 %: recorded then, once
    expect(events.filter((e) => e.kind === 'outage_opened')).toHaveLength(10);
  });

  it('a failed check followed by a successful retry is not an outage; the retry is stored', async () => {
    t = await pgSchema();
    h = await startHarness(t.db, { targets: 1, controls: 0 });
    const { id, page } = h.targets[0]!;
    await runSlots(0, 10, (i) => { if (i === 5) page.script = [false]; });
    expect(await listOutages(t.db, id)).toEqual([]);
    const attempts = await t.db.query<{ attempt: number; outcome: string; at: number }>(`SELECT attempt, outcome,
      (extract(epoch FROM checked_at) * 1000)::float8 AS at FROM checks WHERE target_id = $1 AND slot_at = $2 ORDER BY attempt`, [id, new Date(h.slotMs(5))]);
    expect(attempts).toEqual([{ attempt: 0, outcome: 'down', at: h.slotMs(5) }, { attempt: 1, outcome: 'up', at: h.slotMs(5) + 10_000 }]);
    expect((await uptimeForWindow(t.db, id, new Date(h.slotMs(0)), new Date(h.slotMs(10)))).downtimeS).toBe(0);
  });

  it('a recovery is confirmed: a success followed by a failed retry does not end the outage', async () => {
    t = await pgSchema();
    h = await startHarness(t.db, { targets: 1, controls: 0 });
    const { id, page } = h.targets[0]!;
    // down from slot 3; slot 6 answers once, then its retry fails; slot 7 recovers for good
    await runSlots(0, 10, (i) => { page.up = i < 3 || i >= 7; if (i === 6) page.script = [true, false]; });
    expect((await listOutages(t.db, id)).map((o) => [o.startMs, o.endMs])).toEqual([[h.slotMs(3), h.slotMs(7)]]);
    const slot6 = await t.db.query<{ outcome: string }>('SELECT outcome FROM checks WHERE target_id = $1 AND slot_at = $2 ORDER BY attempt', [id, new Date(h.slotMs(6))]);
    expect(slot6.map((r) => r.outcome)).toEqual(['up', 'down']);
    // the recovery at slot 7 was confirmed by both retries
    const slot7 = await t.db.query('SELECT attempt FROM checks WHERE target_id = $1 AND slot_at = $2', [id, new Date(h.slotMs(7))]);
    expect(slot7).toHaveLength(3);
    expect((await eventsAfter(t.db, 0)).map((e) => [e.kind, e.atMs])).toEqual([['outage_opened', h.slotMs(3)], ['outage_closed', h.slotMs(7)]]);
  });

  it('the first check of a new day drops raw partitions past the retention and keeps intervals', async () => {
    t = await pgSchema();
    h = await startHarness(t.db, { targets: 1, controls: 0 });
    const { id, page } = h.targets[0]!;
    const perDay = 480; // slots of 180 s in a day
    await runSlots(-100 * perDay, -100 * perDay + 3, (i) => { page.up = i !== -100 * perDay + 1; });
    await runSlots(-100 * perDay + 3, -100 * perDay + 4, () => { page.up = true; });
    const before = await uptimeForWindow(t.db, id, new Date(h.slotMs(-100 * perDay)), new Date(h.slotMs(1)));
    expect(before.downtimeS).toBe(180);
    await runSlots(0, 1);
    const partitions = await t.db.query<{ name: string }>(`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'checks'::regclass ORDER BY 1`);
    expect(partitions.map((p) => p.name)).toEqual(['checks_p20261001', 'checks_p20261002']);
    const after = await uptimeForWindow(t.db, id, new Date(h.slotMs(-100 * perDay)), new Date(h.slotMs(1)));
    expect(after.downtimeS).toBe(180);
    expect(await listOutages(t.db, id)).toHaveLength(1);
  });

  it('three regions probing at once: controls probed once per region and slot, no colliding evaluations', async () => {
    t = await pgSchema();
    h = await startHarness(t.db, { targets: 3, controls: 1 });
    const signal = new AbortController().signal;
    for (let i = 0; i < 5; i++) {
      h.clock.t = h.slotMs(i);
      await Promise.all(['a', 'b', 'c'].flatMap((region) => h.targets.map((x) =>
        h.processor({ kind: 'uptime', targetId: x.id, url: x.page.url, region, slotMs: h.slotMs(i) }, signal))));
    }
    expect(h.controls[0]!.requests).toBe(15);
    for (const { id } of h.targets) {
      // a job that evaluated while its region's controls were still being probed left the slot
      // pending; the next evaluation (here: a re-run) settles it
      await evaluateTarget(t.db, id, h.settings, h.slotMs(5));
      expect(await uptimeForWindow(t.db, id, new Date(h.slotMs(0)), new Date(h.slotMs(5)))).toEqual({ windowS: 900, observedS: 900, downtimeS: 0, unobservedS: 0 });
      expect((await t.db.query('SELECT 1 FROM checks WHERE target_id = $1', [id])).length).toBe(15);
    }
    expect(await eventsAfter(t.db, 0)).toEqual([]);
  });
});
