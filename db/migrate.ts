// Numbered plain-SQL migrations (db/migrations/NNN_name.sql), applied in order, each in its own
// transaction, recorded with a checksum in schema_migrations. On Postgres a transaction-scoped
// advisory lock makes concurrent starters apply each migration exactly once. A recorded migration
// whose file has changed stops the process: migrations are added, never edited.
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Db } from './client.ts';

export type Migration = { version: number; name: string; sql: string; checksum: string };

const defaultDir = fileURLToPath(new URL('./migrations/', import.meta.url));
const LOCK_KEY = 7_361_001; // arbitrary, constant: "sanjeh migrations"

export function loadMigrations(dir = defaultDir): Migration[] {
  const seen = new Set<number>();
  return readdirSync(dir).filter((f) => f.endsWith('.sql')).sort().map((file) => {
    const m = /^(\d{3,})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!m) throw new Error(`migration file name ${file} must look like 012_add_things.sql`);
    const version = Number(m[1]);
    if (seen.has(version)) throw new Error(`two migrations share version ${version}`);
    seen.add(version);
    const sql = readFileSync(`${dir}/${file}`, 'utf8');
    return { version, name: m[2]!, sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
}

export class MigrationChangedError extends Error {}

/** Applies what is missing; returns the versions applied by this call. */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<number[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now())`).catch(async (err) => {
    // Two first starters can race on CREATE TABLE IF NOT EXISTS; the loser sees a unique error.
    if (!(await tableExists(db))) throw err;
  });
  const applied: number[] = [];
  for (const m of migrations) {
    const done = await db.tx(async (t) => {
      if (t.engine === 'postgres') await t.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const [row] = await t.query<{ checksum: string }>('SELECT checksum FROM schema_migrations WHERE version = $1', [m.version]);
      if (row) {
        if (row.checksum !== m.checksum) {
          throw new MigrationChangedError(`migration ${m.version}_${m.name} was changed after it was applied; add a new migration instead`);
        }
        return false;
      }
      await t.exec(m.sql);
      await t.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}

async function tableExists(db: Db): Promise<boolean> {
  const rows = await db.query<{ ok: boolean }>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS ok`);
  return rows[0]?.ok === true;
}
