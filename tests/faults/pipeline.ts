// The fault-test pipeline: private Postgres and Redis, a local fixture HTTP target set, and real
// `sanjeh scheduler` / `sanjeh worker` processes wired to them. Waits poll the database (or Redis)
// for the expected state with a bounded deadline; nothing sleeps for synchronisation.
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { execSanjeh, runSanjeh, type Running } from '../helpers/process.ts';
import { tempDir } from '../helpers/databases.ts';
import { privatePostgres, privateRedis, type PrivateService } from '../helpers/private-services.ts';
import { slotsBetween } from '../../services/scheduler/slots.ts';

export const INTERVAL_S = 10; // the smallest UPTIME_INTERVAL_S allowed
export const INTERVAL_MS = INTERVAL_S * 1000;

export type Fixture = { server: Server; url: string; inflight: () => number; requests: () => number };

/** A target that answers 200 after `delayMs` (so jobs are in flight when a process is killed). */
export async function fixtureTarget(delayMs: number): Promise<Fixture> {
  let inflight = 0;
  let requests = 0;
  const server = createServer((_req, res) => {
    inflight++;
    requests++;
    const t = setTimeout(() => { inflight--; res.end('ok'); }, delayMs);
    res.on('close', () => { clearTimeout(t); if (!res.writableEnded) inflight--; });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${port}`, inflight: () => inflight, requests: () => requests };
}

export type Pipeline = {
  pg: PrivateService;
  redis: PrivateService;
  fixture: Fixture;
  targetIds: number[];
  env: Record<string, string>;
  sql: <R = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<R[]>;
  spawn: (args: string[], env?: Record<string, string>) => Running;
  destroy: () => Promise<void>;
};

export async function startPipeline(opts: { targets: number; delayMs: number; env?: Record<string, string> }): Promise<Pipeline> {
  const [pgService, redis, fixture] = await Promise.all([privatePostgres(), privateRedis(), fixtureTarget(opts.delayMs)]);
  const dir = tempDir('sanjeh-fault-');
  const seed = join(dir.path, 'empty.csv');
  writeFileSync(seed, 'slug,name_fa,name_en,portal_url\n');
  const env: Record<string, string> = {
    DATABASE_URL: pgService.url, REDIS_URL: redis.url, SEED_AGENCIES_FILE: seed, UPTIME_INTERVAL_S: String(INTERVAL_S),
    UPTIME_RETRIES: '0', ALLOW_PRIVATE_TARGETS: 'true', LOG_LEVEL: 'info', ...opts.env,
  };
  const migrated = await execSanjeh(['migrate'], env);
  if (migrated.code !== 0) throw new Error(`migrate failed: ${migrated.output}`);
  const sql = async <R,>(text: string, params: unknown[] = []): Promise<R[]> => {
    const c = new pg.Client({ connectionString: pgService.url });
    await c.connect();
    try { return (await c.query(text, params)).rows as R[]; } finally { await c.end(); }
  };
  await sql(`INSERT INTO agencies (slug, name_fa, name_en) SELECT 'a' || n, 'الف' || n, 'A' || n FROM generate_series(1, $1) n`, [opts.targets]);
  const ids = await sql<{ id: number }>(`INSERT INTO targets (agency_id, kind, url) SELECT id, 'portal', $1 || '/' || slug FROM agencies ORDER BY id RETURNING id`, [fixture.url]);
  const running: Running[] = [];
  return {
    pg: pgService, redis, fixture, env, sql,
    targetIds: ids.map((r) => Number(r.id)),
    spawn: (args, extra = {}) => { const r = runSanjeh(args, { ...env, ...extra }); running.push(r); return r; },
    destroy: async () => {
      await Promise.all(running.map((r) => r.stop(5000).catch(() => null)));
      fixture.server.closeAllConnections();
      fixture.server.close();
      await Promise.all([pgService.destroy(), redis.destroy()]);
      dir.remove();
    },
  };
}

/** Every (target, slot) of the uptime cadence with fromMs < slot <= toMs, as "target@slot". */
export function expectedSlots(targetIds: readonly number[], fromMs: number, toMs: number): string[] {
  return targetIds.flatMap((id) => slotsBetween(id, INTERVAL_MS, fromMs, toMs).map((s) => `${id}@${s}`)).sort();
}

/** Stored first attempts per "target@slot" in one region, with how many rows each has. */
export async function storedSlots(p: Pipeline, region: string, fromMs: number, toMs: number): Promise<Map<string, number>> {
  const rows = await p.sql<{ k: string; n: number }>(`SELECT target_id || '@' || round(extract(epoch FROM slot_at) * 1000)::bigint AS k,
      count(*)::int AS n FROM checks WHERE region = $1 AND attempt = 0 AND slot_at > $2 AND slot_at <= $3 GROUP BY 1`,
  [region, new Date(fromMs), new Date(toMs)]);
  return new Map(rows.map((r) => [r.k, r.n]));
}

/** Polls `cond` until it holds; fails after `ms`. */
export async function until(what: string, cond: () => Promise<boolean> | boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The value of one metric line of a process's /metrics, 0 if absent. */
export async function metricValue(port: number, line: RegExp, of?: Running): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`).catch(async (err: unknown) => {
    if (of) { // a refused connection usually means the process died: say so, with its output
      await Promise.race([once(of.child, 'exit'), new Promise((r) => setTimeout(r, 2000))]);
      assertAlive(of, 'the process serving /metrics');
    }
    throw err;
  });
  const text = await res.text();
  const m = text.split('\n').find((l) => line.test(l));
  return m ? Number(m.split(' ').pop()) : 0;
}

/** Throws with the process's last output if it has died (a crash is the finding, not a timeout). */
export function assertAlive(r: Running, name: string): void {
  if (r.child.exitCode === null && r.child.signalCode === null) return;
  throw new Error(`${name} died (exit ${r.child.exitCode ?? r.child.signalCode}); last output:\n${r.lines.slice(-12).join('\n')}`);
}
