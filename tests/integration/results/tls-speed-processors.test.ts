// The TLS and speed processors: probe a real local server, store the result once per slot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate.ts';
import { loadConfig } from '../../../config/env.ts';
import { importAgencyCsv } from '../../../services/registry/import-agencies.ts';
import { listActiveTargets } from '../../../db/store/targets.ts';
import { latestTlsScan, tlsScansInWindow } from '../../../db/store/tls-scans.ts';
import { speedMeasurementsInWindow, speedReport } from '../../../db/store/speed-measurements.ts';
import { tlsProcessor } from '../../../workers/processors/tls.ts';
import { speedProcessor } from '../../../workers/processors/speed.ts';
import { pgSchema, type TestDb } from '../../helpers/databases.ts';
import { silentLogger } from '../../helpers/logger.ts';
import { standardPki } from '../../fixtures/tls/pki.ts';
import { startHttpsServer, type Fixture } from '../../fixtures/tls/https-server.ts';
import { startSpeedFixture, type SpeedFixture } from '../../fixtures/speed/server.ts';
import { gunzipSync } from 'node:zlib';
import { recordTlsObservation } from '../../../services/alerts/tls-observation.ts';
import { openIncidentOf } from '../../../db/store/incidents.ts';

const config = loadConfig({ ALLOW_PRIVATE_TARGETS: 'true', SPEED_RUNS: '1' });
const slotMs = Date.UTC(2026, 10, 21, 8, 0, 0);

describe('TLS and speed processors', () => {
  let t: TestDb;
  let https: Fixture;
  let pages: SpeedFixture;
  let ids: { tls: number; speed: number };
  beforeAll(async () => {
    t = await pgSchema();
    await migrate(t.db);
    const pki = standardPki('127.0.0.1');
    https = await startHttpsServer({ cert: pki.leaf.certPem + pki.intermediate.certPem, key: pki.leaf.keyPem, minVersion: 'TLSv1.2' }, 'max-age=31536000');
    pages = await startSpeedFixture();
    await importAgencyCsv(t.db, `slug,name_fa,name_en,portal_url\ntls-one,یک,One,${https.url}\nspeed-one,دو,Two,${pages.origin}/light\n`);
    const targets = await listActiveTargets(t.db);
    ids = { tls: targets.find((x) => x.url === https.url)!.id, speed: targets.find((x) => x.url.startsWith(pages.origin))!.id };
  });
  afterAll(async () => { await https?.close(); await pages?.close(); await t?.drop(); });

  const deps = () => ({ db: t.db, config, logger: silentLogger, now: () => slotMs + 1000 });

  it('stores a TLS scan with its grade and evidence, once per slot', async () => {
    const run = tlsProcessor(deps());
    const job = { kind: 'tls' as const, targetId: ids.tls, url: https.url, region: 'local', slotMs };
    await run(job, new AbortController().signal);
    await run(job, new AbortController().signal); // a retried job: no second row
    const rows = await tlsScansInWindow(t.db, ids.tls, new Date(slotMs), new Date(slotMs + 60_000));
    expect(rows).toHaveLength(1);
    // A private CA is not in Node's Mozilla store: trust fails (T), the rest would be A+.
    expect(rows[0]).toMatchObject({ outcome: 'graded', grade: 'T', gradeIfTrusted: 'A+' });
    expect(rows[0]!.certNotAfter).toBeInstanceOf(Date);
    const latest = await latestTlsScan(t.db, ids.tls);
    expect(latest?.evidence.outcome).toBe('graded');
  });

  it('a scan worse than the last observed grade opens a TLS incident', async () => {
    await recordTlsObservation(t.db, ids.tls, 'A', null, new Date(slotMs - 86_400_000));
    const later = slotMs + 86_400_000;
    await tlsProcessor({ ...deps(), now: () => later + 1000 })({ kind: 'tls', targetId: ids.tls, url: https.url, region: 'local', slotMs: later }, new AbortController().signal);
    expect(await openIncidentOf(t.db, ids.tls, 'tls_grade_drop')).toMatchObject({ kind: 'tls_grade_drop' });
  });

  it('stores a speed measurement with its compressed Lighthouse report, once per slot', async () => {
    const run = speedProcessor(deps());
    const job = { kind: 'speed' as const, targetId: ids.speed, url: `${pages.origin}/light`, region: 'local', slotMs };
    await run(job, new AbortController().signal);
    await run(job, new AbortController().signal);
    const rows = await speedMeasurementsInWindow(t.db, ids.speed, new Date(slotMs), new Date(slotMs + 60_000));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'measured', profile: 'gtmetrix-desktop', runsUsed: 1 });
    expect(rows[0]!.percentage).toBeGreaterThan(0);
    const report = JSON.parse(gunzipSync((await speedReport(t.db, rows[0]!.id))!).toString());
    expect(report.lighthouseVersion).toMatch(/^13\./);
  });
});
