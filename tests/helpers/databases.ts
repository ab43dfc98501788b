// Test databases: one Postgres schema (or database) per test file on 127.0.0.1, or a PGlite data
// directory in a temp folder, so runs never collide and leave nothing behind.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb, type Db } from '../../db/client.ts';

export const PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const suffix = () => randomBytes(5).toString('hex');

async function admin<T>(fn: (c: pg.Client) => Promise<T>, url = PG_URL): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { return await fn(c); } finally { await c.end(); }
}

export type TestDb = { db: Db; name: string; drop: () => Promise<void> };

/** A fresh schema t_<random> in the local Postgres; `db` works inside it. */
export async function pgSchema(): Promise<TestDb & { schema: string }> {
  const schema = `t_${suffix()}`;
  await admin((c) => c.query(`CREATE SCHEMA ${schema}`));
  const db = await openDb({ url: PG_URL, dataDir: '', schema });
  return {
    db, schema, name: 'postgres',
    drop: async () => { await db.close(); await admin((c) => c.query(`DROP SCHEMA ${schema} CASCADE`)); },
  };
}

/** A fresh database for tests that run Sanjeh processes with DATABASE_URL. */
export async function pgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sanjeh_t_${suffix()}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = PG_URL.replace(/\/[^/]*$/, `/${name}`);
  return { url, drop: async () => { await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)); } };
}

export function tempDir(prefix = 'sanjeh-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A fresh embedded PGlite database in a temp directory. */
export async function pgliteDb(): Promise<TestDb> {
  const dir = tempDir('sanjeh-pglite-');
  const db = await openDb({ dataDir: dir.path });
  return { db, name: 'pglite', drop: async () => { await db.close(); dir.remove(); } };
}

/** Both engines, for contract suites: `describe.each(engines)`. */
export const engines = [
  { name: 'postgres', open: pgSchema },
  { name: 'pglite', open: pgliteDb },
] as const;
