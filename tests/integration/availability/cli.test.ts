// `sanjeh uptime` as a real process on a real Postgres database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgDatabase } from '../../helpers/databases.ts';
import { execSanjeh } from '../../helpers/process.ts';
import { openDb, type Db } from '../../../db/client.ts';
import { migrate } from '../../../db/migrate.ts';
import { loadConfig } from '../../../config/env.ts';
import { insertCheck } from '../../../db/store/checks.ts';
import { availabilitySettings } from '../../../services/availability/settings.ts';
import { evaluateTarget } from '../../../services/availability/evaluate-target.ts';
import { insertTargets, W0 } from '../../fixtures/availability/harness.ts';
import type { UptimeResult } from '../../../probes/uptime/result.ts';

const MIN = 60_000;
let pg: { url: string; drop: () => Promise<void> };
let db: Db;
let id: number;

function result(up: boolean, atMs: number): UptimeResult {
  const checkedAt = new Date(atMs).toISOString();
  return up ? { outcome: 'up', status: 200, finalUrl: 'http://127.0.0.1/', timings: { dnsMs: 0, connectMs: 1, tlsMs: 0, ttfbMs: 2, totalMs: 90 }, bytesRead: 1, checkedAt }
    : { outcome: 'down', error: { class: 'connect_timeout' }, timings: {}, bytesRead: 0, checkedAt };
}

beforeAll(async () => {
  pg = await pgDatabase();
  db = await openDb({ url: pg.url, dataDir: '' });
  await migrate(db);
  [id] = (await insertTargets(db, ['http://127.0.0.1/cli'])) as [number];
  // 100 minutes: down for 10 (minutes 40-49), recovery confirmed at 50
  for (let m = 0; m < 100; m++) {
    const n = m >= 40 && m <= 50 ? 3 : 1;
    for (let a = 0; a < n; a++) await insertCheck(db, { targetId: id, region: 'local', slotMs: W0 + m * MIN, attempt: a }, result(m < 40 || m >= 50, W0 + m * MIN + a * 10_000));
  }
  await evaluateTarget(db, id, availabilitySettings(loadConfig({ UPTIME_INTERVAL_S: '60' })), W0 + 100 * MIN);
});
afterAll(async () => { await db?.close(); await pg?.drop(); });

describe('sanjeh uptime', () => {
  it('prints uptime, downtime, unobserved time and the score as JSON', async () => {
    const from = new Date(W0 - 100 * MIN).toISOString();
    const to = new Date(W0 + 100 * MIN).toISOString();
    const r = await execSanjeh(['uptime', '--target', String(id), '--from', from, '--to', to, '--json'], { DATABASE_URL: pg.url, LOG_LEVEL: 'silent' });
    expect(r.code, r.output).toBe(0);
    const out = JSON.parse(r.output.split('\n').find((l) => l.startsWith('{'))!);
    expect(out).toMatchObject({ targetId: id, rules: 'period-6', windowS: 12_000, observedS: 6000, downtimeS: 600, unobservedS: 6000,
      measured: true, uptimePct: 90, score: 0.5 });
  });

  it('finds the agency portal, defaults to the rule set window, and prints a table', async () => {
    const [agency] = await db.query<{ slug: string }>('SELECT a.slug FROM agencies a JOIN targets t ON t.agency_id = a.id WHERE t.id = $1', [id]);
    const r = await execSanjeh(['uptime', '--agency', agency!.slug, '--to', new Date(W0 + 100 * MIN).toISOString()], { DATABASE_URL: pg.url, LOG_LEVEL: 'silent' });
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/uptime\s+no measurement/);
    expect(r.output).toMatch(/indicator 3 0\.5 \(period-6\)/); // 100 min of a 30-day window: no measurement scores 0.5 too
    expect(r.output).toMatch(/observed .*\(0\.2 % of the window\)/);
  });

  it('rejects bad arguments with exit code 2', async () => {
    const r = await execSanjeh(['uptime', '--target', 'x'], { DATABASE_URL: pg.url, LOG_LEVEL: 'silent' });
    expect(r.code).toBe(2);
    expect(r.output).toMatch(/--target must be a target id/);
  });
});
