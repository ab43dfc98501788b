// The uptime processor as the worker gets it from the registry: real config, real clock and
// timers (retry delay 0 s here), real probes of a fixture page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgSchema, type TestDb } from '../../helpers/databases.ts';
import { silentLogger } from '../../helpers/logger.ts';
import { migrate } from '../../../db/migrate.ts';
import { loadConfig } from '../../../config/env.ts';
import { buildProcessors } from '../../../workers/processors/index.ts';
import { readCoverage } from '../../../db/store/availability.ts';
import { insertTargets } from '../../fixtures/availability/harness.ts';
import { toggleServer, type ToggleServer } from '../../fixtures/availability/toggle-server.ts';

let t: TestDb;
let page: ToggleServer;
beforeAll(async () => { t = await pgSchema(); await migrate(t.db); page = await toggleServer(); });
afterAll(async () => { await page?.close(); await t?.drop(); });

describe('uptime processor from the registry', () => {
  it('confirms a failure with the configured retries and stores every attempt', async () => {
    const config = loadConfig({ ALLOW_PRIVATE_TARGETS: 'true', UPTIME_RETRIES: '1', UPTIME_RETRY_DELAY_S: '0' });
    const uptime = buildProcessors({ db: t.db, config, logger: silentLogger, now: Date.now }).uptime!;
    const [id] = (await insertTargets(t.db, [page.url])) as [number];
    const slotMs = Math.floor(Date.now() / 60_000) * 60_000;
    page.up = false;
    await uptime({ kind: 'uptime', targetId: id, url: page.url, region: 'local', slotMs }, new AbortController().signal);
    const rows = await t.db.query<{ attempt: number; outcome: string; error_class: string }>(
      'SELECT attempt, outcome, error_class FROM checks WHERE target_id = $1 ORDER BY attempt', [id]);
    expect(rows).toEqual([0, 1].map((attempt) => ({ attempt, outcome: 'down', error_class: 'http_status' })));
    expect(page.requests).toBe(2);
    const coverage = await readCoverage(t.db, id);
    expect(coverage?.toMs).toBeGreaterThan(slotMs);
  });
});
