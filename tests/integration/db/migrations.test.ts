// The same migrations on real Postgres (one schema per run) and on embedded PGlite.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadMigrations, migrate, MigrationChangedError } from '../../../db/migrate.ts';
import { engines, pgSchema, type TestDb } from '../../helpers/databases.ts';
import { openDb } from '../../../db/client.ts';
import { PG_URL } from '../../helpers/databases.ts';

describe.each(engines)('migrations on $name', ({ open }) => {
  let t: TestDb;
  afterEach(async () => { await t?.drop(); });

  it('applies every migration once, in order, and records them', async () => {
    t = await open();
    const all = loadMigrations().map((m) => m.version);
    expect(await migrate(t.db)).toEqual(all);
    expect(await migrate(t.db)).toEqual([]);
    const rows = await t.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(all);
  });

  it('refuses to run when an applied migration was edited', async () => {
    t = await open();
    const dir = mkdtempSync(join(tmpdir(), 'mig-'));
    writeFileSync(join(dir, '001_first.sql'), 'CREATE TABLE m_one (id int);');
    await migrate(t.db, loadMigrations(dir));
    writeFileSync(join(dir, '001_first.sql'), 'CREATE TABLE m_one (id bigint);');
    await expect(migrate(t.db, loadMigrations(dir))).rejects.toThrow(MigrationChangedError);
  });

  it('rolls back a failing migration whole and records nothing for it', async () => {
    t = await open();
    const dir = mkdtempSync(join(tmpdir(), 'mig-'));
    writeFileSync(join(dir, '001_ok.sql'), 'CREATE TABLE m_ok (id int);');
    writeFileSync(join(dir, '002_bad.sql'), 'CREATE TABLE m_half (id int); SELECT * FROM no_such_table;');
    await expect(migrate(t.db, loadMigrations(dir))).rejects.toThrow(/no_such_table/);
    const half = await t.db.query<{ r: string | null }>(`SELECT to_regclass('m_half')::text AS r`);
    expect(half[0]?.r).toBeNull();
    expect((await t.db.query('SELECT version FROM schema_migrations')).length).toBe(1);
  });

  it('indexes every foreign key (a covering index leads with its columns)', async () => {
    t = await open();
    await migrate(t.db);
    const unindexed = await t.db.query<{ fk: string }>(`
      SELECT c.conrelid::regclass::text || '.' || c.conname AS fk
      FROM pg_constraint c
      WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid
          AND (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] @> c.conkey
          AND (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] <@ c.conkey)`);
    expect(unindexed).toEqual([]);
  });
});

describe('migrations on Postgres under concurrency', () => {
  it('two processes migrating at once apply each migration exactly once', async () => {
    const t = await pgSchema();
    const other = await openDb({ url: PG_URL, dataDir: '', schema: t.schema });
    try {
      const [a, b] = await Promise.all([migrate(t.db), migrate(other)]);
      expect([...a, ...b].sort()).toEqual(loadMigrations().map((m) => m.version));
    } finally {
      await other.close();
      await t.drop();
    }
  });
});
