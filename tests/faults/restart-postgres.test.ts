// Postgres crashes and comes back during a run: jobs that cannot store retry with backoff (each
// retry probes again within the slot's lateness budget), so no result is lost and none is stored
// twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAlive, expectedSlots, metricValue, startPipeline, storedSlots, until, type Pipeline } from './pipeline.ts';

let p: Pipeline;
// The lateness budget covers the retries' backoff (1 + 2 + 4 + 8 s) on a loaded 2-core CI machine.
beforeAll(async () => { p = await startPipeline({ targets: 20, delayMs: 200, env: { MAX_LATENESS_S: '30' } }); }, 60_000);
afterAll(async () => { await p?.destroy(); });

describe('restart Postgres during a run', () => {
  it('loses no result and duplicates none', async () => {
    const scheduler = p.spawn(['scheduler', '--probes', 'uptime']);
    await scheduler.waitFor(/scheduler is the leader/);
    const t0 = Date.now();
    const worker = p.spawn(['worker', '--probes', 'uptime', '--metrics-port', '0']);
    const port = Number(/metrics on http:\/\/[\d.]+:(\d+)/.exec(await worker.waitFor(/Sanjeh metrics on/))![1]);
    await until('some results stored', async () => (await storedSlots(p, 'local', t0, Date.now())).size >= 3);

    const errors = () => metricValue(port, /^sanjeh_job_errors_total\{queue="probe-uptime-local"\}/, worker);
    const errorsBefore = await errors(); // counted from this baseline, so the outage really spans slots
    await p.pg.stop(); // crash: every connection drops
    const downAt = Date.now();
    // Down long enough that jobs fail to store and at least one slot falls inside the outage.
    await until('jobs fail to store while Postgres is down', async () => assertAlive(worker, 'the worker') === undefined &&
      (await errors()) >= errorsBefore + 2 && expectedSlots(p.targetIds, downAt + 1, Date.now() - 1).length > 0, 30_000);
    await p.pg.start();
    const upAt = Date.now();

    const to = upAt + 10_000;
    const expected = expectedSlots(p.targetIds, t0, to);
    await until('every slot of the window is stored', async () => {
      assertAlive(worker, 'the worker');
      assertAlive(scheduler, 'the scheduler');
      const s = await storedSlots(p, 'local', t0, to);
      return expected.every((k) => s.has(k));
    }, 60_000);
    const stored = await storedSlots(p, 'local', t0, to);
    expect([...stored.keys()].sort()).toEqual(expected);
    expect([...stored.values()].every((n) => n === 1)).toBe(true);
    expect(expected.filter((k) => { const s = Number(k.split('@')[1]); return s > downAt && s < upAt; }).length).toBeGreaterThan(0);
    expect(await metricValue(port, /^sanjeh_jobs_failed_total\{queue="probe-uptime-local"\}/)).toBe(0);
  }, 150_000);
});
