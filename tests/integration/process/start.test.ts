// Sanjeh as a person runs it: real processes, real ports, real Postgres.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { execSanjeh, runSanjeh } from '../../helpers/process.ts';
import { pgDatabase, tempDir } from '../../helpers/databases.ts';

const listening = /Sanjeh API listening on (http:\/\/\S+)/;
const apiBase = (line: string) => listening.exec(line)![1]!;

describe('embedded mode (no DATABASE_URL, no REDIS_URL)', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('serves health and 158 agencies, keeps a second writer out, and stops cleanly on SIGTERM', async () => {
    const app = runSanjeh(['start'], { DATA_DIR: dir.path, PORT: '0' });
    try {
      const base = apiBase(await app.waitFor(listening));
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const agencies = await (await fetch(`${base}/api/v1/agencies`)).json() as { items: unknown[] };
      expect(agencies.items).toHaveLength(158);

      const csv = join(dir.path, 'one.csv');
      writeFileSync(csv, 'slug,name_fa,name_en,portal_url\nx-agency,ایکس,X,https://x.example/\n');
      const second = await execSanjeh(['agencies', 'import', csv], { DATA_DIR: dir.path });
      expect(second.code).toBe(1);
      expect(second.output).toMatch(/embedded database in .* is in use by process \d+/);
    } finally {
      expect(await app.stop()).toBe(0);
    }
    expect(existsSync(join(dir.path, 'sanjeh.lock'))).toBe(false);
  });
});

describe('SIGTERM during start-up', () => {
  it('is honoured once the parts are up: a clean exit 0, the data directory unlocked', async () => {
    const dir = tempDir();
    try {
      const app = runSanjeh(['start'], { DATA_DIR: dir.path, PORT: '0' });
      await app.waitFor(/"msg":"migrations applied"/); // still starting: seeding, scheduler, API to come
      expect(await app.stop()).toBe(0);
      expect(app.lines.some((l) => l.includes('"msg":"shutting down"'))).toBe(true);
      expect(existsSync(join(dir.path, 'sanjeh.lock'))).toBe(false);
    } finally {
      dir.remove();
    }
  });
});

describe('with DATABASE_URL (the local Postgres)', () => {
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => { await drop?.(); });

  it('applies migrations once, applies nothing on restart, and keeps the data', async () => {
    const db = await pgDatabase();
    drop = db.drop;
    const env = { DATABASE_URL: db.url, PORT: '0' };

    const first = runSanjeh(['start'], env);
    await first.waitFor(listening);
    expect(first.lines.some((l) => l.includes('"msg":"migrations applied"'))).toBe(true);
    expect(await first.stop()).toBe(0);

    const dir = tempDir();
    const csv = join(dir.path, 'extra.csv');
    writeFileSync(csv, 'slug,name_fa,name_en,portal_url\nextra-agency,افزوده,Extra,https://extra.example/\n');
    expect((await execSanjeh(['agencies', 'import', csv], env)).code).toBe(0);
    dir.remove();

    const second = runSanjeh(['start'], env);
    const base = apiBase(await second.waitFor(listening));
    try {
      expect(second.lines.some((l) => l.includes('migrations applied'))).toBe(false);
      const agencies = await (await fetch(`${base}/api/v1/agencies`)).json() as { items: Array<{ slug: string }> };
      expect(agencies.items).toHaveLength(159);
      expect(agencies.items.some((a) => a.slug === 'extra-agency')).toBe(true);
    } finally {
      expect(await second.stop()).toBe(0);
    }
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const { rows } = await c.query('SELECT count(*)::int AS n, count(DISTINCT version)::int AS d FROM schema_migrations');
    await c.end();
    expect(rows[0].n).toBe(rows[0].d);
  });
});

describe('the command line', () => {
  it('agencies import lists bad rows with line and reason, stores good ones, exits non-zero', async () => {
    const dir = tempDir();
    try {
      const csv = join(dir.path, 'mixed.csv');
      writeFileSync(csv, ['slug,name_fa,name_en,portal_url', 'ok-one,خوب,Good,https://good.example/',
        'bad-scheme,بد,Bad,gopher://old.example/', ',بی‌نام,No slug,https://x.example/'].join('\n'));
      const r = await execSanjeh(['agencies', 'import', csv], { DATA_DIR: dir.path });
      expect(r.code).toBe(1);
      expect(r.output).toContain(`${csv}:3: rejected (bad-scheme): unsupported scheme "gopher" (only http and https)`);
      expect(r.output).toContain(`${csv}:4: rejected: missing slug`);
      expect(r.output).toContain('imported: 1 new, 0 updated, 0 unchanged, 2 rejected');
    } finally {
      dir.remove();
    }
  });

  it.each([['worker', '--bogus'], ['scheduler', '--probes'], ['alerts', 'run', '--x']])(
    '%s %s: an unknown or incomplete flag is a usage error (exit 2), not a crash', async (...args) => {
      const r = await execSanjeh(args, {});
      expect(r.code).toBe(2);
      expect(r.output).toMatch(/^usage: sanjeh /m);
      expect(r.output).not.toMatch(/node:internal|\n\s+at /);
    });

  it('a bad setting stops the process with one line naming it', async () => {
    const r = await execSanjeh(['start'], { PORT: 'eighty' });
    expect(r.code).toBe(78);
    expect(r.output.trim()).toBe('config: PORT="eighty" is invalid: expected an integer from 0 to 65535');
  });

  it('bin/sanjeh.cjs runs on the system Node (20 here) by handing over to the pinned Node 24', () => {
    const path = (process.env['PATH'] ?? '').split(':').filter((p) => !p.includes('node_modules')).join(':');
    const r = spawnSync('node', ['bin/sanjeh.cjs', 'help'], { env: { PATH: path }, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('sanjeh agencies import FILE.csv');
  });
});
