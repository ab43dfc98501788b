// `sanjeh score` and `sanjeh keys` as real processes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { period6 } from '../../../config/rulesets/period-6.ts';
import { execSanjeh } from '../../helpers/process.ts';
import { pgDatabase, tempDir } from '../../helpers/databases.ts';
import { openDb, type Db } from '../../../db/client.ts';
import { hashApiKey } from '../../../services/api/auth/api-key.ts';

describe('sanjeh score', () => {
  it('applies period-6 to raw values', async () => {
    const r = await execSanjeh(['score', '--rules', 'period-6', '--uptime', '98.996', '--speed', '80', '--tls-grade', 'a+', '--json'], {});
    expect(r.code).toBe(0);
    expect(JSON.parse(r.output)).toEqual({ ruleSet: { id: 'period-6', version: 1 }, scores: [
      { indicator: 'uptime', raw: 98.996, score: 1, band: { fa: 'عالی', en: 'excellent' } }, // rounded to 2 decimals: 99.00
      { indicator: 'speed', raw: 80, score: 0.75, band: { fa: 'عالی', en: 'excellent' } },
      { indicator: 'tls', raw: 'A+', score: 0.5, band: { fa: 'خوب', en: 'good' } },
    ] });
  });

  it('scores left-out values as no measurement, in a table', async () => {
    const r = await execSanjeh(['score', '--rules', 'period-6@1', '--tls-grade', 'none'], {});
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/uptime\s+no measurement\s+score 0\.5/);
    expect(r.output).toMatch(/tls\s+no_https\s+score 0 /);
  });

  it('checks a draft rule set from a JSON file, naming what is missing', async () => {
    const tmp = tempDir('rules-');
    const dir = tmp.path;
    const draft = { ...period6, id: 'period-7', version: 1, tls: { ...period6.tls, grades: { ...period6.tls.grades, B: 0.25 } } };
    writeFileSync(join(dir, 'period-7.json'), JSON.stringify(draft));
    const ok = await execSanjeh(['score', '--rules', join(dir, 'period-7.json'), '--tls-grade', 'B', '--json'], {});
    expect(JSON.parse(ok.output).scores[2]).toMatchObject({ indicator: 'tls', raw: 'B', score: 0.25 });
    const { uptime: _u, ...incomplete } = draft;
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(incomplete));
    const bad = await execSanjeh(['score', '--rules', join(dir, 'bad.json')], {});
    expect(bad.code).toBe(1);
    expect(bad.output).toMatch(/rule set "period-7" is invalid: uptime: /);
    tmp.remove();
  });

  it.each([
    [['score'], /--rules NAME is required/],
    [['score', '--rules', 'period-6', '--uptime', '101'], /--uptime must be a percentage from 0 to 100/],
  ])('refuses %j with exit code 2', async (args, message) => {
    const r = await execSanjeh(args, {});
    expect(r.code).toBe(2);
    expect(r.output).toMatch(message);
  });
});

describe('sanjeh keys', () => {
  let pg: { url: string; drop: () => Promise<void> };
  let db: Db;
  beforeAll(async () => { pg = await pgDatabase(); db = await openDb({ url: pg.url, dataDir: '' }); });
  afterAll(async () => { await db.close(); await pg.drop(); });

  it('creates the first admin key on a fresh database, prints it once, stores its hash; lists and revokes', async () => {
    const created = await execSanjeh(['keys', 'create', '--role', 'admin'], { DATABASE_URL: pg.url });
    expect(created.code).toBe(0);
    const key = created.output.split('\n')[0]!;
    expect(key).toMatch(/^snj_[A-Za-z0-9_-]{43}$/);
    const rows = await db.query<{ id: number; key_hash: string; role: string }>('SELECT id, key_hash, role FROM api_keys');
    expect(rows).toEqual([{ id: rows[0]!.id, key_hash: hashApiKey(key), role: 'admin' }]);
    const agency = await execSanjeh(['keys', 'create', '--role', 'agency', '--agency', 'central-bank'], { DATABASE_URL: pg.url });
    expect(agency.code).toBe(0);
    const list = await execSanjeh(['keys', 'list'], { DATABASE_URL: pg.url });
    expect(list.output).toMatch(/\tagency\tcentral-bank\tnever used\tlive/);
    expect(list.output).not.toContain(key);
    expect((await execSanjeh(['keys', 'revoke', String(rows[0]!.id)], { DATABASE_URL: pg.url })).code).toBe(0);
    expect((await execSanjeh(['keys', 'revoke', String(rows[0]!.id)], { DATABASE_URL: pg.url })).code).toBe(1);
    const audit = await db.query<{ action: string; key_id: number | null }>('SELECT action, key_id FROM audit_log ORDER BY id');
    expect(audit).toEqual([{ action: 'cli keys create', key_id: null }, { action: 'cli keys create', key_id: null }, { action: 'cli keys revoke', key_id: null }]);
  });

  it('refuses an agency key for an unknown agency and a bad role', async () => {
    const r = await execSanjeh(['keys', 'create', '--role', 'agency', '--agency', 'no-such'], { DATABASE_URL: pg.url });
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/--agency: unknown agency "no-such"/);
    expect((await execSanjeh(['keys', 'create', '--role', 'root'], { DATABASE_URL: pg.url })).code).toBe(2);
  });
});
